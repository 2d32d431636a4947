"""Date expressions resolved against the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.relations.dates import resolve_date

FRIDAY = dt.date(2023, 5, 12)  # the seed article's date


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Thursday", dt.date(2023, 5, 11)),
        ("on Monday", dt.date(2023, 5, 8)),
        ("Saturday", dt.date(2023, 5, 6)),  # news reports the past: the latest Saturday
        ("on Friday", FRIDAY),  # the article's own weekday is the article date
        ("earlier on Friday", FRIDAY),
        ("last Friday", dt.date(2023, 5, 5)),  # ... unless it says "last"
        ("last Thursday", dt.date(2023, 5, 11)),
    ],
)
def test_weekday_is_the_latest_such_day_on_or_before_the_article(
    expression: str, expected: dt.date
) -> None:
    assert resolve_date(expression, FRIDAY) == expected


def test_next_weekday_is_left_unresolved() -> None:
    assert resolve_date("next Monday", FRIDAY) is None


def test_yesterday_and_today() -> None:
    assert resolve_date("yesterday", FRIDAY) == dt.date(2023, 5, 11)
    assert resolve_date("today", FRIDAY) == FRIDAY
    assert resolve_date("tonight", FRIDAY) == FRIDAY


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("May 14", dt.date(2023, 5, 14)),
        ("on May 14", dt.date(2023, 5, 14)),
        ("May 14th", dt.date(2023, 5, 14)),
        ("May 14, 2019", dt.date(2019, 5, 14)),
        ("14 May 2019", dt.date(2019, 5, 14)),
        ("14 May", dt.date(2023, 5, 14)),
    ],
)
def test_month_and_day_take_the_article_year_unless_given(
    expression: str, expected: dt.date | None
) -> None:
    assert resolve_date(expression, FRIDAY) == expected


def test_iso_date() -> None:
    assert resolve_date("2019-10-08", FRIDAY) == dt.date(2019, 10, 8)


@pytest.mark.parametrize("expression", ["2023-13-45", "February 30", "31 April 2019"])
def test_impossible_dates_are_none(expression: str) -> None:
    assert resolve_date(expression, FRIDAY) is None


def test_not_a_day_is_none() -> None:
    assert resolve_date("earlier this year", FRIDAY) is None
    assert resolve_date("in May", FRIDAY) is None


def test_without_an_article_date_only_absolute_dates_resolve() -> None:
    assert resolve_date("2019-10-08", None) == dt.date(2019, 10, 8)
    assert resolve_date("Thursday", None) is None
    assert resolve_date("yesterday", None) is None
    assert resolve_date("May 14", None) is None


def test_a_full_date_in_words_needs_no_article_date() -> None:
    assert resolve_date("14 May 2019", None) == dt.date(2019, 5, 14)
    assert resolve_date("May 14, 2019", None) == dt.date(2019, 5, 14)
