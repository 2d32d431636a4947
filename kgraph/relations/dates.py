"""Resolve the date of a relation against the article date.

"on Thursday" in an article of Friday 2023-05-12 is 2023-05-11; "yesterday"
is the day before; "May 14" is in the article's year; anything else, or no
date expression, leaves the article date.

Example:
    >>> import datetime as dt
    >>> resolve_date("Thursday", dt.date(2023, 5, 12))
    datetime.date(2023, 5, 11)
    >>> resolve_date("on May 14", dt.date(2023, 5, 12))
    datetime.date(2023, 5, 14)
    >>> resolve_date("earlier this year", dt.date(2023, 5, 12)) is None
    True
"""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b"
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")(?:,?\s+(\d{4}))?\b"
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date(expression: str, article_date: dt.date | None) -> dt.date | None:
    """The calendar date a date expression points to, or None when it is not a day.

    A weekday is the latest such day on or before the article date, since news
    reports what happened ("on Thursday"); a weekday of the future is written
    with "next" and is left unresolved.
    """
    text = expression.lower()
    iso = _ISO.search(text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    calendar = _calendar_date(text, article_date)
    if calendar is not None or article_date is None:
        return calendar
    if "yesterday" in text:
        return article_date - dt.timedelta(days=1)
    if "today" in text or "tonight" in text:
        return article_date
    if "next" not in text:
        for number, name in enumerate(_WEEKDAYS):
            if re.search(rf"\b{name}\b", text):
                back = (article_date.weekday() - number) % 7
                if "last" in text and back == 0:
                    back = 7
                return article_date - dt.timedelta(days=back)
    return None


def _calendar_date(text: str, article_date: dt.date | None) -> dt.date | None:
    """ "May 14", "14 May 2019": the year is the article's when the text gives none."""
    month_day = _MONTH_DAY.search(text)
    day_month = _DAY_MONTH.search(text)
    if month_day:
        month, day, year = (
            _MONTHS.index(month_day.group(1)) + 1,
            int(month_day.group(2)),
            month_day.group(3),
        )
    elif day_month:
        day, month, year = (
            int(day_month.group(1)),
            _MONTHS.index(day_month.group(2)) + 1,
            day_month.group(3),
        )
    else:
        return None
    if year:
        return _safe_date(int(year), month, day)
    return _safe_date(article_date.year, month, day) if article_date else None
