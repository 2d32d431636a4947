"""Dates: what a date expression points to, a relation's date, clauses dated to the past.

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

``relation_date`` gives a relation the date its clause names, else the article's;
``years_before`` and ``dated_to_the_past`` find the clauses a sentence dates to an
earlier year, whose titles are not the people's titles now.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from kgraph.relations import syntax

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
_YEAR = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")


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


def relation_date(token: Token, article_date: dt.date | None) -> dt.date | None:
    """The date a date phrase on the cue, or on one of the three words governing it, names;
    else the article's date."""
    for head in list(syntax.governing_chain(token))[:4]:
        for child in head.children:
            candidates = [child] if child.ent_type_ == "DATE" else []
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "since"):
                candidates += [g for g in child.children if g.ent_type_ == "DATE"]
            for candidate in candidates:
                ent = next((e for e in token.sent.ents if e.start <= candidate.i < e.end), None)
                resolved = resolve_date(ent.text if ent else candidate.text, article_date)
                if resolved is not None:
                    return resolved
    return article_date


def years_before(doc: Doc, date: dt.date | None) -> list[Span]:
    """The dates in the text that name a year before the article's last one."""
    if date is None:
        return []
    return [
        ent
        for ent in doc.ents
        if ent.label_ == "DATE" and any(int(y) < date.year - 1 for y in _YEAR.findall(ent.text))
    ]


def dated_to_the_past(sent: Span, dates: list[Span]) -> set[int]:
    """The tokens of the clauses the sentence dates to a year before the article's last one.

    Titles there are those of that time: "In 1905, President Theodore Roosevelt mediated
    a peace agreement" says nothing of who leads the country now. Only a date that
    modifies a verb dates its clause; "the 2016 nominee" or "a 2018 candidate" does not,
    nor does a date in a relative clause date the rest of the sentence.
    """
    past: set[int] = set()
    for ent in dates:
        if not sent.start <= ent.start < sent.end:
            continue
        anchor = ent.root
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
            anchor = anchor.head
        verb = anchor.head
        if anchor.dep_ in ("prep", "npadvmod", "tmod") and verb.pos_ in ("VERB", "AUX"):
            past.update(t.i for t in verb.subtree)
    return past
