"""Scoring events against PLOVER gold records: reading, label mapping, matching, accuracy."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
from newsgraph.eval.event_scores import EventReport, Party, PredictedEvent, score_sentence
from newsgraph.eval.plover_gold import GoldActor, GoldEvent, GoldSentence, read_plover_gold

TEXT = "Chile accused Peru of shelling Arica."


def gold(event_type: str, *, sources=("Chile",), targets=("Peru",), accepted=None) -> GoldEvent:
    return GoldEvent(
        id="x",
        label=event_type,
        type=event_type,
        accepted=frozenset(accepted or {event_type}),
        sources=tuple(GoldActor(s, "") for s in sources),
        targets=tuple(GoldActor(t, "") for t in targets),
        mode=None,
    )


def party(name: str, text: str = TEXT, code: str = "") -> Party:
    start = text.index(name) if name in text else 0
    return Party(
        name, ((start, start + len(name)),) if name in text else (), (code,) if code else ()
    )


def test_reading_skips_the_document_record_maps_old_labels_and_groups_sentences(tmp_path):
    records = [
        {"event": "DOCUMENT", "id": "doc"},
        {"event": "DISAPPROVE", "id": "a", "text": TEXT, "source": [{"actorText": "Chile"}]},
        {
            "event": "FIGHT",
            "id": "b",
            "text": TEXT,
            "target": [{"actorText": "Peru", "code": "PER"}],
        },
        {"event": "DEMAND", "id": "c", "text": "Peru asked Chile to stop."},
        {"event": "NOT-A-TYPE", "id": "d", "text": "Something else."},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), "utf-8")
    sentences = read_plover_gold(path)
    assert [s.text for s in sentences] == [TEXT, "Peru asked Chile to stop."]
    first = sentences[0].events
    assert [(e.label, e.type) for e in first] == [("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT")]
    assert first[0].accepted == {"ACCUSE", "REJECT"}
    assert first[1].targets == (GoldActor("Peru", "PER"),)
    assert sentences[1].events[0].type == "REQUEST"


def test_a_file_that_is_not_a_record_list_is_refused_with_its_name(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"event": "AGREE"}', "utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        read_plover_gold(path)
    path.write_text("not json", "utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        read_plover_gold(path)


def test_match_miss_and_false_alarm_are_counted_by_type():
    report = EventReport()
    sentence = GoldSentence(TEXT, (gold("ACCUSE"),))
    predicted = [
        PredictedEvent("ACCUSE", (party("Chile"),), (party("Peru"),)),
        PredictedEvent("ASSAULT", (party("Peru"),), ()),
        PredictedEvent("ASSAULT", (), ()),  # a type counts once per sentence
    ]
    score_sentence(sentence, predicted, report)
    assert (report.tally("ACCUSE").tp, report.tally("ACCUSE").fp) == (1, 0)
    assert (report.tally("ASSAULT").tp, report.tally("ASSAULT").fp) == (0, 1)
    assert report.actor_accuracy() == 1.0
    assert report.recipient_accuracy() == 1.0
    score_sentence(GoldSentence("Peru threatened Chile.", (gold("THREATEN"),)), [], report)
    assert report.tally("THREATEN").fn == 1
    assert report.macro_f1() == pytest.approx((1.0 + 0.0) / 2)  # ASSAULT is not a gold type


def test_an_alternative_reading_of_an_old_label_matches():
    report = EventReport()
    sentence = GoldSentence(TEXT, (gold("ACCUSE", accepted={"ACCUSE", "REJECT"}),))
    score_sentence(sentence, [PredictedEvent("REJECT", (party("Chile"),), ())], report)
    assert report.tally("REJECT").tp == 1
    assert report.tally("ACCUSE").fn == 0


def test_parties_match_by_overlapping_words_or_country_code_never_by_sector_code():
    report = EventReport()
    sentence = GoldSentence(
        TEXT,
        (
            GoldEvent(
                "x",
                "ACCUSE",
                "ACCUSE",
                frozenset({"ACCUSE"}),
                (GoldActor("Chilean government", "CHLGOV"),),
                (GoldActor("Peruvian army", "MIL"),),
                None,
            ),
        ),
    )
    by_code = PredictedEvent("ACCUSE", (Party("Chile", (), ("CHL",)),), (Party("X", (), ("MIL",)),))
    score_sentence(sentence, [by_code], report)
    assert report.actor_accuracy() == 1.0  # CHL is the country of CHLGOV
    assert report.recipient_accuracy() == 0.0  # MIL says what kind of party, not whose
