"""Alert filters: what they read, what they match, and the lines they make."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.report.alerts import alerts, parse_filter
from newsgraph.store.watch_state import Incident


def incident(grown: bool = False, single_side: bool | None = None, **row: object) -> Incident:
    base = {
        "event": "c:doc1:e0", "type": "ASSAULT", "date": date(2017, 4, 4), "place": "Aleppo",
        "actors": ["Russia"], "recipients": ["Free Syrian Army"], "fatalities": 12,
        "reports": 2, "documents": 2, "sources": ["Reuters", "SANA"], "urls": [],
        "evidence": "Russian jets struck a market",
    }  # fmt: skip
    return Incident({**base, **row}, grown, single_side)


def test_conditions_must_all_hold():
    f = parse_filter("type=assault place=alep killed>=5")
    assert f.matches(incident())
    assert not f.matches(incident(fatalities=4))
    assert not f.matches(incident(place="Idlib"))
    assert not f.matches(incident(type="PROTEST"))


def test_actor_matches_either_side_in_part_and_commas_separate_conditions():
    f = parse_filter("actor=syrian army, killed>=1")
    assert f.matches(incident())
    assert parse_filter("actor=russia").matches(incident())
    assert not parse_filter("actor=Turkey").matches(incident())


def test_quoted_values_keep_their_spaces():
    assert parse_filter('place="Deir ez-Zor"').matches(incident(place="Deir ez-Zor"))
    assert not parse_filter('place="Deir ez-Zor"').matches(incident(place="Deir"))


def test_no_toll_is_not_a_toll():
    assert not parse_filter("killed>=1").matches(incident(fatalities=None))


def test_single_side_needs_the_store_to_say_so():
    f = parse_filter("single-side")
    assert f.matches(incident(single_side=True))
    assert not f.matches(incident(single_side=False))
    assert not f.matches(incident(single_side=None))  # no corroboration computed: nothing


def test_any_matches_every_incident():
    assert parse_filter("any").matches(incident(type="PROTEST", fatalities=None))


@pytest.mark.parametrize("text", ["", "killed=5", "colour=red", "killed>=many", 'place="Aleppo'])
def test_a_filter_that_cannot_be_read_is_one_line_naming_it(text: str):
    with pytest.raises(NewsgraphError) as found:
        parse_filter(text)
    assert "\n" not in str(found.value) and "--alert" in str(found.value)


def test_an_alert_names_the_change_and_the_filters_it_matched():
    filters = [parse_filter("type=ASSAULT"), parse_filter("killed>=50"), parse_filter("any")]
    [alert] = alerts([incident(grown=True)], filters, "2017-04-05T10:00:00+00:00")
    line = alert.line()
    assert line.startswith("ALERT grown ASSAULT in Aleppo 2017-04-04: Russia -> Free Syrian Army")
    assert "12 killed" in line and "(Reuters, SANA)" in line and "[type=ASSAULT; any]" in line
    record = json.loads(alert.json())
    assert record["change"] == "grown" and record["date"] == "2017-04-04"
    assert record["event"] == "c:doc1:e0" and record["at"] == "2017-04-05T10:00:00+00:00"


def test_incidents_no_filter_matches_make_no_alert():
    assert alerts([incident()], [parse_filter("type=PROTEST")], "now") == []


def test_a_value_may_run_over_several_words():
    f = parse_filter("place=Deir ez-Zor killed>=5")
    assert f.matches(incident(place="Deir ez-Zor"))
    assert not f.matches(incident(place="Deir ez-Zor", fatalities=1))


def test_no_escape_sequence_from_an_article_reaches_the_terminal():
    [alert] = alerts([incident(actors=["Evil\x1b[2J\x1b]0;owned\x07"])], [parse_filter("any")], "t")
    assert "\x1b" not in alert.line() and "\x07" not in alert.line()
    assert "Evil" in alert.line()
