"""Origin rules, single-side rules and denials, on hand-made reports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from known_sides import ACTORS, OUTLETS, PEOPLE
from newsgraph.model import Actor, Doc, Event, Person, Quote, Span
from newsgraph.store.origins import (
    ORIGIN_RULES,
    SINGLE_SIDE_RULES,
    Claim,
    Report,
    Source,
    corroborate,
    denials,
    doc_corroboration,
    origin_of,
    origins_of,
    single_side,
)
from newsgraph.store.sides import Sides

SANA = Source("d1", "sana", "Army retakes town")
RAW = Source("d2", None, "Untitled post")
WIRE = Source("d3", "Reuters", "Fighting in the north")


@pytest.fixture
def sides() -> Sides:
    return Sides(OUTLETS, dict(ACTORS), dict(PEOPLE))


# --- origin rules ----------------------------------------------------------------------


def test_claimant_is_the_speaker_and_drops_itself_from_the_relays(sides: Sides):
    _, origin = origin_of(
        Report(WIRE, "claimed", "Iranian state TV", ("Iranian state TV", "AP")), sides
    )
    assert (origin.name, origin.method, origin.side) == ("Iranian state TV", "claimant", "Iran")
    assert [v.name for v in origin.via] == ["AP"]


def test_a_person_speaking_through_an_outlet_keeps_the_outlet_as_relay(sides: Sides):
    _, origin = origin_of(Report(WIRE, "claimed", "Anna Petrova", ("SANA",)), sides)
    assert (origin.name, origin.kind, origin.side) == ("Anna Petrova", "speaker", "Russia")
    assert [(v.name, v.side, v.outlet_kind) for v in origin.via] == [("SANA", "Syria", "state")]


def test_first_via_when_no_one_is_named_as_claimant(sides: Sides):
    _, origin = origin_of(Report(WIRE, "asserted", None, ("SANA", "Reuters")), sides)
    assert (origin.name, origin.method, origin.kind) == ("SANA", "first-via", "outlet")
    assert [v.name for v in origin.via] == ["Reuters"]


def test_reporting_outlet_in_its_own_voice_by_its_table_name(sides: Sides):
    _, origin = origin_of(Report(SANA), sides)
    assert (origin.name, origin.method, origin.side) == ("SANA", "reporting-outlet", "Syria")


def test_an_article_of_no_outlet_is_its_own_origin(sides: Sides):
    key, origin = origin_of(Report(RAW), sides)
    assert (origin.name, origin.method, origin.kind) == ("Untitled post", "article", "article")
    other, _ = origin_of(Report(Source("d9", None, "Untitled post")), sides)
    assert key != other  # two articles of one title are two origins


def test_every_origin_rule_is_named():
    assert [n for n, _ in ORIGIN_RULES] == ["claimant", "first-via", "reporting-outlet", "article"]


# --- collapsing ------------------------------------------------------------------------


def test_re_reports_of_one_speaker_are_one_origin(sides: Sides):
    reports = [
        Report(WIRE, "claimed", "Russian Defence Ministry", ("Reuters",)),
        Report(SANA, "claimed", "Russian Defence Ministry", ()),
        Report(RAW, "claimed", "Russian Defence Ministry", ("SANA",)),
    ]
    (origin,) = origins_of(reports, sides)
    assert origin.documents == 3 and [v.name for v in origin.via] == ["Reuters"]


def test_words_naming_nobody_are_the_vouching_outlets_word(sides: Sides):
    reports = [Report(WIRE, "claimed", "activists"), Report(WIRE, "claimed", "a source")]
    (origin,) = origins_of(reports, sides)
    assert (origin.name, origin.method) == ("Reuters", "reporting-outlet")
    # in two articles of no outlet, two origins: each article vouches for its own
    two = [
        Report(RAW, "claimed", "activists"),
        Report(Source("d8", None, "Post"), "claimed", "activists"),
    ]
    assert [o.method for o in origins_of(two, sides)] == ["article", "article"]
    # a relay is kept: "activists told SANA" is SANA's
    (relayed,) = origins_of([Report(WIRE, "claimed", "activists", ("SANA",))], sides)
    assert (relayed.name, relayed.method) == ("SANA", "first-via")


def test_a_copy_reading_its_original_differently_adds_no_origin(sides: Sides):
    original = Report(SANA, "claimed", "Free Syrian Army")
    reworded = Report(SANA, "claimed", "Syria", copied=True)  # the rewrite read another speaker
    (origin,) = origins_of([original, reworded], sides)
    assert origin.name == "Free Syrian Army"
    # where the original does not report the claim, its copy speaks for it, naming only those
    # its original names: else it stands on the original's own word
    (alone,) = origins_of([reworded], sides)
    assert (alone.name, alone.method) == ("SANA", "reporting-outlet")
    named = Source(SANA.key, SANA.outlet, SANA.title, frozenset({"Syria"}))
    (vouched,) = origins_of([Report(named, "claimed", "Syria", copied=True)], sides)
    assert (vouched.name, vouched.method) == ("Syria", "claimant")


def test_where_an_original_reports_a_claim_copies_of_others_add_nothing(sides: Sides):
    copy_of_wire = Report(WIRE, "claimed", "Free Syrian Army", copied=True)
    (origin,) = origins_of([Report(SANA), copy_of_wire], sides)
    assert origin.name == "SANA"
    # the positive twin: the wire's own article does add its origin
    found = origins_of([Report(SANA), Report(WIRE, "claimed", "Free Syrian Army")], sides)
    assert [o.name for o in found] == ["SANA", "Free Syrian Army"]


def test_a_claimant_its_own_document_does_not_name_is_no_origin(sides: Sides):
    # "Russia" is known to the store, but this document never named it as a party
    _, origin = origin_of(Report(WIRE, "claimed", "Russia", named=False), sides)
    assert (origin.name, origin.method) == ("Reuters", "reporting-outlet")
    _, named = origin_of(Report(WIRE, "claimed", "Russia", named=True), sides)
    assert (named.name, named.method) == ("Russia", "claimant")


def test_outlets_spelled_two_ways_are_one_origin(sides: Sides):
    reports = [Report(SANA), Report(WIRE, "claimed", "Syrian Arab News Agency", ("SANA",))]
    (origin,) = origins_of(reports, sides)
    assert origin.name == "SANA" and origin.documents == 2 and origin.via == ()
    _, named = origin_of(Report(WIRE, "claimed", "Syrian Arab News Agency", ("SANA", "AP")), sides)
    assert (named.name, [v.name for v in named.via]) == ("SANA", ["AP"])


# --- single side -----------------------------------------------------------------------


def _claim(reports: list[Report], parties: tuple[str, ...], sides: Sides, named: bool = True):
    return single_side(Claim(origins_of(reports, sides), parties, named), sides)


def test_no_origin(sides: Sides):
    assert _claim([Report(SANA, "denied", "Russia")], ("Russia",), sides) == (False, "no-origin")


def test_an_origin_of_no_side(sides: Sides):
    reports = [Report(SANA), Report(WIRE)]
    assert _claim(reports, ("Syria",), sides) == (False, "origin-of-no-side")


def test_several_sides(sides: Sides):
    reports = [Report(SANA), Report(WIRE, "claimed", "Free Syrian Army")]
    assert _claim(reports, ("Syria", "Free Syrian Army"), sides) == (False, "several-sides")


def test_party_a_strike_on_rebels_told_only_by_the_state(sides: Sides):
    reports = [Report(SANA), Report(WIRE, "claimed", "SANA", ("SANA", "Reuters"))]
    assert _claim(reports, ("Syria", "Free Syrian Army"), sides) == (True, "party")


def test_party_through_a_speakers_affiliation(sides: Sides):
    reports = [Report(WIRE, "claimed", "Russian Defence Ministry")]
    assert _claim(reports, ("Anna Petrova", "Free Syrian Army"), sides) == (True, "party")


def test_patron_a_backer_tells_of_its_client(sides: Sides):
    reports = [Report(WIRE, "claimed", "Russian Defence Ministry")]
    assert _claim(reports, ("Syria", "Free Syrian Army"), sides) == (True, "patron")


def test_unnamed_actor_one_sides_word_of_a_strike_by_nobody_named(sides: Sides):
    reports = [Report(WIRE, "claimed", "Iranian state TV", ("Iranian state TV", "AP"))]
    assert _claim(reports, ("Free Syrian Army",), sides, named=False) == (True, "unnamed-actor")


def test_bystander_one_side_tells_of_others(sides: Sides):
    reports = [Report(WIRE, "claimed", "Iranian state TV")]
    assert _claim(reports, ("Free Syrian Army", "Russia"), sides) == (False, "bystander")


def test_every_single_side_rule_is_named():
    assert [n for n, _ in SINGLE_SIDE_RULES] == [
        "no-origin",
        "origin-of-no-side",
        "several-sides",
        "party",
        "patron",
        "unnamed-actor",
        "bystander",
    ]


# --- denials and the whole record ------------------------------------------------------


def test_a_denial_by_another_party_is_named_and_tells_no_origin(sides: Sides):
    reports = [Report(WIRE, "claimed", "Free Syrian Army"), Report(SANA, "denied", "Syria")]
    found = corroborate(reports, ("Syria", "Free Syrian Army"), True, sides)
    assert [o.name for o in found.origins] == ["Free Syrian Army"]
    assert found.denied_by == ("Syria",) and found.independent_origins == 1
    assert found.sides == ("Free Syrian Army",) and found.single_side


def test_no_denial_no_denier(sides: Sides):
    found = corroborate([Report(WIRE, "claimed", "Free Syrian Army")], ("Syria",), True, sides)
    assert found.denied_by == ()


def test_a_document_alone(sides: Sides):
    text = "Anna Petrova said the army struck rebels, according to SANA."
    span = Span(0, len(text), text)
    doc = Doc(
        id="x",
        source="x.txt",
        text=text,
        title="T",
        actors=(Actor("Russia", "country"), Actor("Free Syrian Army", "armed_group")),
        people=(Person("Anna Petrova", affiliation="Russia"),),
        quotes=(Quote(0, len(text), text, "indirect", "said", "Anna Petrova", via=("SANA",)),),
        events=(
            Event(
                "ASSAULT",
                span,
                span,
                ("Russia",),
                ("Free Syrian Army",),
                status="claimed",
                claimed_by="Anna Petrova",
                via=("SANA",),
            ),
            Event("ASSAULT", span, span, (), ("Free Syrian Army",)),
        ),
    )
    (claimed, plain), (quote,) = doc_corroboration(doc, OUTLETS)
    assert [(o.name, o.side) for o in claimed.origins] == [("Anna Petrova", "Russia")]
    assert claimed.single_side and claimed.single_side_method == "party"
    assert [(o.name, o.method) for o in plain.origins] == [("T", "article")]
    assert not plain.single_side
    assert quote.origins[0].via[0].name == "SANA" and quote.single_side


def test_a_named_speakers_denial_holding_the_events_trigger_denies_it():
    text = "Russia denied that its jets bombed a hospital in Idlib, which monitors said killed 12."
    bombed = text.index("bombed")
    event = Event("ASSAULT", Span(0, len(text), text), Span(bombed, bombed + 6, "bombed"))
    content = text.index("its jets"), text.index(", which")
    denial = Quote(*content, text[slice(*content)], "indirect", "denied", "Russia")
    said = Quote(*content, text[slice(*content)], "indirect", "said", "Russia")
    unnamed = Quote(*content, text[slice(*content)], "indirect", "denied", None)
    doc = Doc(id="d", source="d.txt", text=text, events=(event,), quotes=(denial,))
    assert denials(doc) == [("Russia",)]
    for other in (said, unnamed):  # a statement that denies nothing, a denial by no one named
        assert denials(replace(doc, quotes=(other,))) == [()]
    elsewhere = replace(denial, start=0, end=6, text="Russia", parts=())
    assert denials(replace(doc, quotes=(elsewhere,))) == [()]  # it holds no trigger of it
