"""Event dates read against the publication day."""

from __future__ import annotations

from datetime import date

from newsgraph.extract.dates import parse_day, resolve_day


def test_a_weekday_is_the_last_one_on_or_before_publication() -> None:
    assert resolve_day("on Sunday", "2017-09-25") == date(2017, 9, 24)  # a Monday
    assert resolve_day("Tuesday", "2017-04-05") == date(2017, 4, 4)


def test_relative_and_absolute_phrases() -> None:
    assert resolve_day("last week", "2017-09-25") is None  # names no day
    assert resolve_day("September 23", "2017-09-25") == date(2017, 9, 23)
    assert resolve_day("today", "2017-09-25") == date(2017, 9, 25)


def test_no_phrase_is_the_publication_day_and_no_base_names_no_relative_day() -> None:
    assert resolve_day(None, "2017-09-25") == date(2017, 9, 25)
    assert resolve_day("on Wednesday", None) is None
    assert resolve_day("September 23, 2017", None) == date(2017, 9, 23)


def test_a_day_after_publication_is_not_trusted() -> None:
    assert resolve_day("December 30", "2017-09-25") in {date(2016, 12, 30), date(2017, 9, 25)}


def test_source_dates_in_several_layouts() -> None:
    assert parse_day("2017-04-05T10:00:00Z") == date(2017, 4, 5)
    assert parse_day("Wed 05 Apr 2017") == date(2017, 4, 5)
    assert parse_day("") is None and parse_day("not a date at all") is None
