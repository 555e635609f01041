"""The outlets a statement came through (`Quote.via`), rule by rule of VIA_RULES, each on a
parse it fires on and its twin it must not fire on."""

from __future__ import annotations

from dataclasses import replace

import pytest

from handmade import actor, build_doc, person
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.quotes.build import make_quote
from newsgraph.extract.quotes.outlet_phrases import OutletNames
from newsgraph.extract.quotes.outlets import VIA_RULES
from newsgraph.extract.quotes.relays import cited_by_outlet
from newsgraph.model import Doc, Quote, Span
from newsgraph.resolve.outlets import Outlet, Outlets
from newsgraph.resources import Resources


def _outlet(name: str, kind: str = "wire") -> Outlet:
    return Outlet(name, (), None, kind, None, f"https://example.org/{name}")  # type: ignore[arg-type]


OUTLETS = Outlets(
    [
        _outlet("Reuters"),
        _outlet("AFP"),
        _outlet("Interfax", "private"),
        _outlet("SANA", "state"),
        _outlet("Al Arabiya", "state"),
        _outlet("Sham FM", "private"),
        _outlet("Syrian Observatory for Human Rights", "monitor"),
    ]
)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(quotes=QuoteLexicon.rules_only(), outlets=OUTLETS)


def quotes(
    res: Resources, rows: str, *named: tuple[str, str, str], people: tuple = ()
) -> list[Quote]:
    """The quotes of a hand-made parse whose actors are (name, kind, words) and people
    (name, words)."""
    doc = build_doc(rows)
    doc = replace(
        doc,
        actors=tuple(actor(doc, name, kind, words) for name, kind, words in named),
        people=tuple(person(doc, name, words) for name, words in people),
    )
    return sorted(extract_quotes(doc, res).quotes, key=lambda q: q.start)


def said(found: list[Quote], words: str) -> Quote:
    (quote,) = [q for q in found if words in q.text]
    return quote


def test_the_via_rules_are_named_in_order():
    assert [r.method for r in VIA_RULES] == [
        "cited-by-outlet",
        "outlet-reported",
        "outlet-staff",
        "told-outlet",
        "speaking-to-outlet",
        "interview-with-outlet",
        "interviewed-by-outlet",
        "carried-forward",
    ]


TOLD = """
Smith Smith PROPN NNP nsubj 1
told tell VERB VBD ROOT 1
Reuters Reuters PROPN NNP dobj 1
that that SCONJ IN mark 5
taxes tax NOUN NNS nsubj 5
rose rise VERB VBD ccomp 1
. . PUNCT . punct 1
"""


def test_told_an_outlet_the_statement_came_through_it(resources):
    (quote,) = quotes(
        resources, TOLD, ("Reuters", "media", "Reuters"), people=(("John Smith", "Smith"),)
    )
    assert (quote.speaker, quote.via, quote.via_method) == (
        "John Smith",
        ("Reuters",),
        "told-outlet",
    )
    assert quote.text == "taxes rose"


def test_told_an_audience_no_outlet():
    res = Resources(quotes=QuoteLexicon.rules_only(), outlets=OUTLETS)
    rows = TOLD.replace("Reuters Reuters PROPN NNP", "reporters reporter NOUN NNS")
    (quote,) = quotes(res, rows, people=(("John Smith", "Smith"),))
    assert (quote.speaker, quote.via) == ("John Smith", ())


def test_told_an_organisation_named_as_a_medium_it_is_an_outlet(resources):
    rows = """
    Smith Smith PROPN NNP nsubj 1
    told tell VERB VBD ROOT 1
    Halab Halab PROPN NNP compound 4
    Today Today PROPN NNP compound 4
    TV tv NOUN NN dobj 1
    that that SCONJ IN mark 7
    shells shell NOUN NNS nsubj 7
    fell fall VERB VBD ccomp 1
    . . PUNCT . punct 1
    """
    (quote,) = quotes(resources, rows, ("Halab Today TV", "organisation", "Halab Today TV"))
    assert quote.via == ("Halab Today TV",)
    council = rows.replace("TV tv NOUN NN", "Council council PROPN NNP")
    (quote,) = quotes(
        resources, council, ("Halab Today Council", "organisation", "Halab Today Council")
    )
    assert quote.via == ()  # an organisation that is no medium


SPEAKING = """
Speaking speak VERB VBG advcl 5
to to ADP IN prep 0
AFP AFP PROPN NNP pobj 1
, , PUNCT , punct 5
Jones Jones PROPN NNP nsubj 5
said say VERB VBD ROOT 5
that that SCONJ IN mark 8
prices price NOUN NNS nsubj 8
fell fall VERB VBD ccomp 5
. . PUNCT . punct 5
"""


def test_speaking_to_an_outlet(resources):
    (quote,) = quotes(
        resources, SPEAKING, ("AFP", "media", "AFP"), people=(("Ann Jones", "Jones"),)
    )
    assert (quote.via, quote.via_method) == (("AFP",), "speaking-to-outlet")
    rows = SPEAKING.replace("AFP AFP PROPN NNP", "students student NOUN NNS")
    (quote,) = quotes(resources, rows, people=(("Ann Jones", "Jones"),))
    assert quote.via == ()


INTERVIEW = """
In in ADP IN prep 8
an an DET DT det 2
interview interview NOUN NN pobj 0
with with ADP IN prep 2
Al Al PROPN NNP compound 5
Arabiya Arabiya PROPN NNP pobj 3
, , PUNCT , punct 8
Jones Jones PROPN NNP nsubj 8
said say VERB VBD ROOT 8
that that SCONJ IN mark 11
prices price NOUN NNS nsubj 11
fell fall VERB VBD ccomp 8
. . PUNCT . punct 8
"""


def test_in_an_interview_with_an_outlet(resources):
    (quote,) = quotes(
        resources,
        INTERVIEW,
        ("Al Arabiya", "media", "Al Arabiya"),
        people=(("Ann Jones", "Jones"),),
    )
    assert (quote.via, quote.via_method) == (("Al Arabiya",), "interview-with-outlet")
    rows = INTERVIEW.replace("Al Al PROPN NNP compound 5", "local local ADJ JJ amod 5").replace(
        "Arabiya Arabiya PROPN NNP", "students student NOUN NNS"
    )
    (quote,) = quotes(resources, rows, people=(("Ann Jones", "Jones"),))
    assert quote.via == ()


CLOSING = """
Lavrov Lavrov PROPN NNP nsubj 1
said say VERB VBD ROOT 1
the the DET DT det 3
talks talk NOUN NNS nsubj 4
failed fail VERB VBD ccomp 7
, , PUNCT , punct 7
Interfax Interfax PROPN NNP nsubj 7
reported report VERB VBD ccomp 1
. . PUNCT . punct 1
"""


def test_an_outlet_reporting_a_statement_relays_it(resources):
    found = quotes(
        resources, CLOSING, ("Interfax", "media", "Interfax"), people=(("Sergei Lavrov", "Lavrov"),)
    )
    (quote,) = found  # Interfax's quote of Lavrov's statement is no statement of its own
    assert (quote.speaker, quote.via, quote.via_method) == (
        "Sergei Lavrov",
        ("Interfax",),
        "outlet-reported",
    )
    assert quote.text == "the talks failed"


def test_someone_not_an_outlet_reporting_relays_nothing(resources):
    rows = CLOSING.replace("Interfax Interfax PROPN NNP nsubj 7", "Ivanov Ivanov PROPN NNP nsubj 7")
    found = quotes(resources, rows, people=(("Sergei Lavrov", "Lavrov"), ("Igor Ivanov", "Ivanov")))
    assert all(q.via == () for q in found)


CITED = """
" " PUNCT `` punct 9
The the DET DT det 2
town town NOUN NN nsubj 3
is be AUX VBZ ccomp 9
empty empty ADJ JJ acomp 3
, , PUNCT , punct 9
" " PUNCT '' punct 9
Sham Sham PROPN NNP compound 8
FM FM PROPN NNP nsubj 9
reported report VERB VBD ROOT 9
, , PUNCT , punct 9
citing cite VERB VBG advcl 9
an an DET DT det 13
official official NOUN NN dobj 11
. . PUNCT . punct 9
"""


def test_an_outlet_citing_someone_relays_them(resources):
    (quote,) = quotes(resources, CITED, ("Sham FM", "media", "Sham FM"))
    assert (quote.speaker, quote.via, quote.via_method) == (None, ("Sham FM",), "cited-by-outlet")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "an official"
    assert "The town is empty" in quote.text


def test_a_party_citing_a_reason_keeps_speaking_itself(resources):
    rows = CITED.replace("Sham Sham PROPN NNP compound 8", "The the DET DT det 8").replace(
        "FM FM PROPN NNP", "union union NOUN NN"
    )
    (quote,) = [
        q
        for q in quotes(resources, rows, ("Teachers Union", "organisation", "union"))
        if "town" in q.text
    ]
    assert (quote.speaker, quote.via) == ("Teachers Union", ())


QUOTED_AS = """
The the DET DT det 1
Observatory Observatory PROPN NNP nsubj 2
quoted quote VERB VBD ROOT 2
sources source NOUN NNS dobj 2
as as ADP IN prep 2
saying say VERB VBG pcomp 4
that that SCONJ IN mark 9
40 40 NUM CD nummod 8
fighters fighter NOUN NNS nsubj 9
died die VERB VBD ccomp 5
. . PUNCT . punct 2
"""


def test_a_monitor_quoting_sources_relays_them(resources):
    found = quotes(
        resources, QUOTED_AS, ("Syrian Observatory for Human Rights", "organisation", "Observatory")
    )
    quote = said(found, "fighters died")
    assert (quote.speaker, quote.via) == (None, ("Syrian Observatory for Human Rights",))
    rows = QUOTED_AS.replace("Observatory Observatory PROPN NNP", "minister minister NOUN NN")
    quote = said(quotes(resources, rows, ("Syria", "country", "minister")), "fighters died")
    assert quote.via == ()


STAFF = """
SANA SANA PROPN NNP compound 1
reporter reporter NOUN NN nsubj 2
said say VERB VBD ROOT 2
that that SCONJ IN mark 5
shells shell NOUN NNS nsubj 5
fell fall VERB VBD ccomp 2
. . PUNCT . punct 2
/
The the DET DT det 8
reporter reporter NOUN NN nsubj 9
added add VERB VBD ROOT 9
that that SCONJ IN mark 12
two two NUM CD nsubj 12
died die VERB VBD ccomp 9
. . PUNCT . punct 9
"""


def test_an_outlets_reporter_speaks_for_the_outlet(resources):
    found = quotes(resources, STAFF, ("SANA", "media", "SANA"))
    assert [(q.speaker, q.via) for q in found] == [("SANA", ()), ("SANA", ())]
    rows = STAFF.replace("SANA SANA PROPN NNP compound 1", "A a DET DT det 1")
    assert [q.speaker for q in quotes(resources, rows)] == [None, None]


SAME_PERSON = """
Smith Smith PROPN NNP nsubj 1
told tell VERB VBD ROOT 1
AFP AFP PROPN NNP dobj 1
that that SCONJ IN mark 5
taxes tax NOUN NNS nsubj 5
rose rise VERB VBD ccomp 1
. . PUNCT . punct 1
/
Smith Smith PROPN NNP nsubj 8
said say VERB VBD ROOT 8
that that SCONJ IN mark 11
prices price NOUN NNS nsubj 11
fell fall VERB VBD ccomp 8
. . PUNCT . punct 8
"""


def _with_person(res: Resources, rows: str) -> list[Quote]:
    doc = build_doc(rows)
    doc = replace(
        doc,
        actors=(actor(doc, "AFP", "media", "AFP"),),
        people=(replace(person(doc, "John Smith", "Smith"), mentions=_all(doc, "Smith")),),
    )
    return sorted(extract_quotes(doc, res).quotes, key=lambda q: q.start)


def _all(doc: Doc, words: str) -> tuple:
    out, at = [], doc.text.find(words)
    while at >= 0:
        out.append(Span(at, at + len(words), words))
        at = doc.text.find(words, at + 1)
    return tuple(out)


def test_a_persons_other_quotes_came_through_the_same_interview(resources):
    told, later = _with_person(resources, SAME_PERSON)
    assert (told.via, later.via, later.via_method) == (("AFP",), ("AFP",), "carried-forward")


def test_a_quote_from_another_occasion_is_not_carried(resources):
    rows = (
        SAME_PERSON.split("/")[0]
        + """/
    Smith Smith PROPN NNP nsubj 8
    said say VERB VBD ROOT 8
    in in ADP IN prep 8
    a a DET DT det 11
    statement statement NOUN NN pobj 9
    that that SCONJ IN mark 14
    prices price NOUN NNS nsubj 14
    fell fall VERB VBD ccomp 8
    . . PUNCT . punct 8
    """
    )
    told, later = _with_person(resources, rows)
    assert (told.via, later.text, later.via) == (("AFP",), "prices fell", ())


SOURCE = """
A a DET DT det 1
source source NOUN NN nsubj 2
told tell VERB VBD ROOT 2
SANA SANA PROPN NNP dobj 2
that that SCONJ IN mark 6
shells shell NOUN NNS nsubj 6
fell fall VERB VBD ccomp 2
. . PUNCT . punct 2
/
The the DET DT det 9
source source NOUN NN nsubj 10
added add VERB VBD ROOT 10
that that SCONJ IN mark 13
two two NUM CD nsubj 13
died die VERB VBD ccomp 10
. . PUNCT . punct 10
"""


def test_the_source_pointed_back_to_speaks_through_the_same_outlet(resources):
    first, then = quotes(resources, SOURCE, ("SANA", "media", "SANA"))
    assert (first.via, then.via, then.via_method) == (("SANA",), ("SANA",), "carried-forward")
    rows = SOURCE.replace(
        "The the DET DT det 9\nsource source NOUN NN",
        "The the DET DT det 9\nminister minister NOUN NN",
    )
    first, then = quotes(resources, rows, ("SANA", "media", "SANA"))
    assert (first.via, then.via) == (("SANA",), ())


INTERVIEWED = """
Noha Noha PROPN NNP nsubj 3
and and CCONJ CC cc 0
Samira Samira PROPN NNP conj 0
fled flee VERB VBD ROOT 3
. . PUNCT . punct 3
/
The the DET DT det 7
two two NUM CD nummod 7
women woman NOUN NNS nsubj 8
spoke speak VERB VBD ROOT 8
to to ADP IN prep 8
Reuters Reuters PROPN NNP pobj 9
. . PUNCT . punct 8
/
Samira Samira PROPN NNP nsubj 13
said say VERB VBD ROOT 13
that that SCONJ IN mark 16
they they PRON PRP nsubj 16
left leave VERB VBD ccomp 13
. . PUNCT . punct 13
"""


def test_the_people_an_outlet_spoke_to_said_their_quotes_to_it(resources):
    doc = build_doc(INTERVIEWED)
    doc = replace(
        doc,
        actors=(actor(doc, "Reuters", "media", "Reuters"),),
        people=(
            person(doc, "Noha", "Noha"),
            replace(person(doc, "Samira", "Samira"), mentions=_all(doc, "Samira")),
        ),
    )
    (quote,) = extract_quotes(doc, resources).quotes
    assert (quote.speaker, quote.via, quote.via_method) == (
        "Samira",
        ("Reuters",),
        "interviewed-by-outlet",
    )
    police = build_doc(INTERVIEWED.replace("Reuters Reuters PROPN NNP", "police police NOUN NN"))
    police = replace(
        police,
        people=(
            person(police, "Noha", "Noha"),
            replace(person(police, "Samira", "Samira"), mentions=_all(police, "Samira")),
        ),
    )
    (quote,) = extract_quotes(police, resources).quotes
    assert quote.via == ()


def test_a_wires_dateline_is_no_outlet_in_between(resources):
    rows = """
    ( ( PUNCT -LRB- punct 1
    Reuters Reuters PROPN NNP nmod 4
    ) ) PUNCT -RRB- punct 1
    - - PUNCT . punct 1
    Smith Smith PROPN NNP nsubj 5
    said say VERB VBD ROOT 5
    that that SCONJ IN mark 8
    taxes tax NOUN NNS nsubj 8
    rose rise VERB VBD ccomp 5
    . . PUNCT . punct 5
    """
    found = quotes(
        resources, rows, ("Reuters", "media", "Reuters"), people=(("John Smith", "Smith"),)
    )
    assert [(q.speaker, q.via) for q in found] == [("John Smith", ())]


REPORTED_THAT = """
SANA SANA PROPN NNP nsubj 1
reported report VERB VBD ROOT 1
that that SCONJ IN mark 5
the the DET DT det 4
army army NOUN NN nsubj 5
said say VERB VBD ccomp 1
that that SCONJ IN mark 8
shells shell NOUN NNS nsubj 8
fell fall VERB VBD ccomp 5
. . PUNCT . punct 1
"""


def test_an_outlet_reporting_what_another_said_passes_it_on(resources):
    found = quotes(
        resources, REPORTED_THAT, ("SANA", "media", "SANA"), ("Syria", "country", "army")
    )
    (quote,) = found  # SANA's own quote reports nothing but the army's statement
    assert (quote.speaker, quote.via, quote.text) == ("Syria", ("SANA",), "shells fell")
    rows = REPORTED_THAT.replace("SANA SANA PROPN NNP", "Jones Jones PROPN NNP")
    found = quotes(resources, rows, ("Syria", "country", "army"), people=(("Ann Jones", "Jones"),))
    assert {(q.speaker, q.via) for q in found} == {("Ann Jones", ()), ("Syria", ())}


# '"The bombing goes on," Mishal told Reuters.' with the subject lost, as the parse of
# unpunctuated text often leaves it: the verb's only noun is the outlet told.
UNSUBJECTED = """
" " PUNCT `` punct 8
The the DET DT det 2
bombing bombing NOUN NN nsubj 3
goes go VERB VBZ ccomp 8
on on ADP RP advmod 3
, , PUNCT , punct 8
" " PUNCT '' punct 8
Mishal Mishal PROPN NNP npadvmod 8
told tell VERB VBD ROOT 8
Reuters Reuters PROPN NNP dobj 8
. . PUNCT . punct 8
"""


def test_the_outlet_told_is_never_the_speaker(resources):
    (quote,) = quotes(resources, UNSUBJECTED, ("Reuters", "media", "Reuters"))
    assert (quote.speaker, quote.via) == (None, ("Reuters",))
    assert "The bombing goes on" in quote.text


def test_an_interview_told_as_past_is_not_carried(resources):
    rows = """
    Smith Smith PROPN NNP nsubj 1
    told tell VERB VBD ROOT 1
    AFP AFP PROPN NNP dobj 1
    then then ADV RB advmod 1
    that that SCONJ IN mark 6
    taxes tax NOUN NNS nsubj 6
    rose rise VERB VBD ccomp 1
    . . PUNCT . punct 1
    /
    Smith Smith PROPN NNP nsubj 9
    said say VERB VBD ROOT 9
    that that SCONJ IN mark 12
    prices price NOUN NNS nsubj 12
    fell fall VERB VBD ccomp 9
    . . PUNCT . punct 9
    """
    told, later = _with_person(resources, rows)
    assert (told.via, later.via) == (("AFP",), ())


def test_only_quotes_that_name_the_person_carry(resources):
    # "Campaign manager Mook told AFP ..." resolved to Smith by mistake spreads nothing.
    rows = SAME_PERSON.replace("Smith Smith PROPN NNP nsubj 1", "Mook Mook PROPN NNP nsubj 1")
    doc = build_doc(rows)
    doc = replace(
        doc,
        actors=(actor(doc, "AFP", "media", "AFP"),),
        people=(
            replace(
                person(doc, "John Smith", "Smith"), mentions=_all(doc, "Smith") + _all(doc, "Mook")
            ),
        ),
    )
    told, later = sorted(extract_quotes(doc, resources).quotes, key=lambda q: q.start)
    assert (told.speaker, told.via, later.via) == ("John Smith", ("AFP",), ())


CITING_MEDICS = """
The the DET DT det 1
Observatory Observatory PROPN NNP nsubj 2
said say VERB VBD ROOT 2
the the DET DT det 4
strike strike NOUN NN nsubj 5
killed kill VERB VBD ccomp 2
20 20 NUM CD nummod 7
people people NOUN NNS dobj 5
, , PUNCT , punct 2
citing cite VERB VBG xcomp 2
medics medic NOUN NNS dobj 9
who who PRON WP nsubj 12
described describe VERB VBD relcl 10
it it PRON PRP dobj 12
as as ADP IN prep 12
a a DET DT det 17
gas gas NOUN NN compound 17
attack attack NOUN NN pobj 14
. . PUNCT . punct 2
"""


def _relayed_by(rows: str, named: tuple[str, str, str], res: Resources) -> Quote:
    """The relative clause's quote ("medics who described it as ...") after cited-by-outlet,
    given the quotes the parse of unpunctuated text leaves: the monitor's own, and that one."""
    doc = build_doc(rows)
    doc = replace(doc, actors=(actor(doc, *named[:2], named[2]),))
    ctx = QuoteContext.of(doc, res.quotes.cues, res.titles)
    tokens = doc.tokens
    own = make_quote(
        ctx,
        (tokens[3].start, tokens[7].end),
        "cue-verb",
        _span(doc, 2),
        named[0],
        Span(tokens[0].start, tokens[1].end, "The " + tokens[1].text),
    )
    medics = make_quote(
        ctx, (tokens[13].start, tokens[17].end), "cue-verb", _span(doc, 12), None, _span(doc, 11)
    )
    names = OutletNames(ctx, OUTLETS, res.actors)
    return said(cited_by_outlet([own, medics], names), "gas attack")


def _span(doc: Doc, i: int) -> Span:
    tok = doc.tokens[i]
    return Span(tok.start, tok.end, tok.text)


def test_what_a_monitors_cited_sources_say_comes_through_the_monitor(resources):
    observatory = ("Syrian Observatory for Human Rights", "organisation", "Observatory")
    medics = _relayed_by(CITING_MEDICS, observatory, resources)
    assert (medics.via, medics.via_method) == (
        ("Syrian Observatory for Human Rights",),
        "cited-by-outlet",
    )
    rows = CITING_MEDICS.replace("Observatory Observatory PROPN NNP", "Ministry Ministry PROPN NNP")
    medics = _relayed_by(rows, ("Ministry of Health", "organisation", "Ministry"), resources)
    assert medics.via == ()  # a ministry citing medics is no outlet


def test_both_women_said_it_to_the_outlet_that_spoke_to_them(resources):
    # "... Samira said that they left. Assad ruled. Both women said that they would return.":
    # the two women are the last two people quoted, not the last two named.
    rows = (
        INTERVIEWED
        + """/
    Assad Assad PROPN NNP nsubj 19
    ruled rule VERB VBD ROOT 19
    . . PUNCT . punct 19
    /
    Both both DET DT det 22
    women woman NOUN NNS nsubj 23
    said say VERB VBD ROOT 23
    that that SCONJ IN mark 27
    they they PRON PRP nsubj 27
    would would AUX MD aux 27
    return return VERB VB ccomp 23
    . . PUNCT . punct 23
    """
    )
    doc = build_doc(rows)
    doc = replace(
        doc,
        actors=(actor(doc, "Reuters", "media", "Reuters"),),
        people=(
            person(doc, "Noha", "Noha"),
            replace(person(doc, "Samira", "Samira"), mentions=_all(doc, "Samira")),
            person(doc, "Bashar al-Assad", "Assad"),
        ),
    )
    quotes_found = sorted(extract_quotes(doc, resources).quotes, key=lambda q: q.start)
    both = said(quotes_found, "would return")
    assert (both.speaker, both.via, both.via_method) == (
        None,
        ("Reuters",),
        "interviewed-by-outlet",
    )


def test_a_hyphenated_name_names_its_speaker(resources):
    rows = """
    al al PROPN NNP compound 2
    - - PUNCT HYPH punct 2
    Aswad Aswad PROPN NNP nsubj 3
    told tell VERB VBD ROOT 3
    AFP AFP PROPN NNP dobj 3
    that that SCONJ IN mark 7
    taxes tax NOUN NNS nsubj 7
    rose rise VERB VBD ccomp 3
    . . PUNCT . punct 3
    /
    al al PROPN NNP compound 11
    - - PUNCT HYPH punct 11
    Aswad Aswad PROPN NNP nsubj 12
    said say VERB VBD ROOT 12
    that that SCONJ IN mark 15
    prices price NOUN NNS nsubj 15
    fell fall VERB VBD ccomp 12
    . . PUNCT . punct 12
    """
    doc = build_doc(rows)
    aswad = replace(person(doc, "Maysa al-Aswad", "al - Aswad"), mentions=_all(doc, "al - Aswad"))
    doc = replace(doc, actors=(actor(doc, "AFP", "media", "AFP"),), people=(aswad,))
    told, later = sorted(extract_quotes(doc, resources).quotes, key=lambda q: q.start)
    assert (told.speaker, told.via, later.via) == ("Maysa al-Aswad", ("AFP",), ("AFP",))
