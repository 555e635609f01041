"""Casualty counts, event dates and the means of an attack, read from the words."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.dates import read_date
from newsgraph.extract.event_modes import find_mode
from newsgraph.extract.tolls import find_tolls, number


def tolls(text: str) -> list[tuple[str, int | None, bool]]:
    return [(t.kind, t.count, t.approximate) for t in find_tolls(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A suicide bomber killed four people on Sunday", [("killed", 4, False)]),
        ("10 children and 13 rebels were among 48 people executed", [("killed", 48, False)]),
        ("claimed the lives of 129 loyalists and 116 rebels", [("killed", 245, False)]),
        ("Seventy-six people including 28 children were killed", [("killed", 76, False)]),
        ("putting the death toll at at least 70", [("killed", 70, True)]),
        ("6 citizens killed 22 injured in attacks", [("killed", 6, False), ("injured", 22, False)]),
        ("Dozens of civilians have reportedly been killed", [("killed", None, False)]),
        ("Six people were also reported killed in rebel shelling", [("killed", 6, False)]),
    ],
)
def test_tolls_an_analyst_can_sum(text: str, expected: list[tuple[str, int | None, bool]]) -> None:
    assert tolls(text) == expected


def test_no_toll_where_no_one_died() -> None:
    assert tolls("The army said 20 villages were taken in 2015.") == []
    assert tolls("The army said 20 villagers were killed in 2015.") == [("killed", 20, False)]
    assert number("1,400") == 1400 and number("twenty-one") == 21 and number("dozens") is None


WED = date(2017, 4, 5)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "iso", "precision"),
    [
        ("on Wednesday", "2017-04-05", "day"),  # the day itself counts
        ("Tuesday", "2017-04-04", "day"),
        ("Saturdays", "2017-04-01", "day"),  # "Saturday's" with its apostrophe stripped
        ("last Wednesday", "2017-03-29", "day"),
        ("3 June 2016", "2016-06-03", "day"),  # kept exactly, never swapped
        ("June 3, 2016", "2016-06-03", "day"),
        ("December 30", "2016-12-30", "day"),  # a day after the base is last year's
        ("yesterday", "2017-04-04", "day"),
        ("August 2013", "2013-08", "month"),
        ("In 2014", "2014", "year"),
        ("last year", "2016", "year"),
    ],
)
def test_dates_read_against_the_dateline(phrase: str, iso: str, precision: str) -> None:
    found = read_date(phrase, WED)
    assert found is not None and (found.iso, found.precision) == (iso, precision)


def test_phrases_naming_no_time_give_none() -> None:
    assert read_date("earlier this week", WED) is None
    assert read_date("on Sunday", None) is None  # no base: a weekday names no day
    monday = read_date("earlier this week on Monday", WED)  # a day named: that day
    assert monday is not None and monday.iso == "2017-04-03"
    sunday = read_date("on Sunday", WED)  # with a base: the Sunday before it
    assert sunday is not None and sunday.iso == "2017-04-02"


@pytest.mark.parametrize(
    ("words", "mode", "weapon"),
    [
        ("a barrel bomb hit a building", "aerial", "barrel bomb"),
        ("a bomb placed in a garbage container exploded", "explosives", "bomb"),
        ("A suicide bomber driving an ambulance", "suicide-attack", "suicide bomber"),
        ("warplanes pounded the village, a massacre", "aerial", "warplanes"),
        ("a sarin gas attack", "unconventional", "sarin"),
        ("rebel shelling of regime-held areas", "heavy-weapons", "shelling"),
        ("heavy fighting in the south", "armed-clash", "fighting"),
    ],
)
def test_the_most_telling_means_wins(words: str, mode: str, weapon: str) -> None:
    assert find_mode("ASSAULT", [words]) == (mode, weapon)


def test_no_means_named_is_no_mode_and_phrase_words_come_first() -> None:
    assert find_mode("ASSAULT", ["Some injured were reported"]) == (None, None)
    assert (
        find_mode("ASSAULT", ["rocket fire", "air strikes and rocket fire"])[0] == "heavy-weapons"
    )
    assert find_mode("COERCE", ["the siege of the town"]) == ("restrict", "siege")
