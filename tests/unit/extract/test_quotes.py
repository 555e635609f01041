from dataclasses import replace

from handmade import actor, build_doc, person, rules_only
from newsgraph.extract.quotes import extract_quotes

CITING = """
Citing cite VERB VBG advcl 6
state state NOUN NN compound 2
TV TV NOUN NN dobj 0
, , PUNCT , punct 6
the the DET DT det 5
AP AP PROPN NNP nsubj 6
said say VERB VBD ROOT 6
that that SCONJ IN mark 10
the the DET DT det 9
strike strike NOUN NN nsubj 10
destroyed destroy VERB VBD ccomp 6
bases base NOUN NNS dobj 10
. . PUNCT . punct 6
"""

PRONOUN = """
Ryabkov Ryabkov PROPN NNP nsubj 1
said say VERB VBD ROOT 1
" " PUNCT `` punct 4
talks talk NOUN NNS nsubj 4
are be AUX VBP ccomp 1
useful useful ADJ JJ acomp 4
" " PUNCT '' punct 4
. . PUNCT . punct 1
/
The the DET DT det 9
plan plan NOUN NN nsubj 10
failed fail VERB VBD ccomp 13
, , PUNCT , punct 13
he he PRON PRP nsubj 13
said say VERB VBD ROOT 13
. . PUNCT . punct 13
"""

ACCORDING = """
The the DET DT det 1
base base NOUN NN nsubjpass 3
was be AUX VBD auxpass 3
hit hit VERB VBN ROOT 3
, , PUNCT , punct 3
according accord VERB VBG prep 3
to to ADP IN prep 5
RIA RIA PROPN NNP pobj 6
. . PUNCT . punct 3
"""

ASIDE = """
Asapov Asapov PROPN NNP nsubjpass 6
, , PUNCT , punct 3
RT RT PROPN NNP nsubj 3
reported report VERB VBD parataxis 6
, , PUNCT , punct 3
was be AUX VBD auxpass 6
described describe VERB VBN ROOT 6
as as ADP IN prep 6
an an DET DT det 9
adviser adviser NOUN NN pobj 7
. . PUNCT . punct 6
"""


def run(doc):
    return extract_quotes(doc, rules_only()).quotes


def test_citing_makes_the_cited_outlet_the_speaker_via_the_citing_one():
    doc = build_doc(CITING)
    doc = replace(
        doc,
        actors=(
            actor(doc, "Iranian state TV", "media", "state TV"),
            actor(doc, "Associated Press", "media", "AP"),
        ),
    )
    (quote,) = run(doc)
    assert quote.speaker == "Iranian state TV"
    assert quote.via == ("Associated Press",)
    assert quote.text == "the strike destroyed bases"
    assert (quote.kind, quote.cue) == ("indirect", "said")


def test_direct_quote_and_pronoun_speaker_resolved_to_the_previous_person():
    doc = build_doc(PRONOUN)
    doc = replace(doc, people=(person(doc, "Sergey Ryabkov", "Ryabkov"),))
    direct, indirect = run(doc)
    assert (direct.speaker, direct.kind) == ("Sergey Ryabkov", "direct")
    assert "talks are useful" in direct.text
    assert (indirect.speaker, indirect.kind, indirect.text) == (
        "Sergey Ryabkov",
        "indirect",
        "The plan failed",
    )
    assert indirect.speaker_mention is not None and indirect.speaker_mention.text == "he"


def test_according_to_names_the_source_of_an_unattributed_sentence():
    doc = build_doc(ACCORDING)
    doc = replace(doc, actors=(actor(doc, "RIA", "media", "RIA"),))
    (quote,) = run(doc)
    assert (quote.speaker, quote.cue, quote.text) == ("RIA", "according to", "The base was hit")


def test_parenthetical_cue_reports_its_host_clause():
    doc = build_doc(ASIDE)
    doc = replace(doc, actors=(actor(doc, "RT", "media", "RT"),))
    (quote,) = run(doc)
    assert quote.speaker == "RT"
    assert quote.text == "Asapov , RT reported , was described as an adviser"  # contiguous span


def test_no_cue_no_quote():
    doc = build_doc(
        ACCORDING.replace("according accord VERB VBG prep 3", "notably notably ADV RB advmod 3")
    )
    assert run(doc) == ()
    assert [q.cue for q in run(build_doc(ACCORDING))] == ["according to"]  # the cue: a quote


# "She wants to triple the program ."
INTENT = """
She she PRON PRP nsubj 1
wants want VERB VBZ ROOT 1
to to PART TO aux 3
triple triple VERB VB xcomp 1
the the DET DT det 5
program program NOUN NN dobj 3
. . PUNCT . punct 1
"""

# '" Taxes rise , " Smith said . " They must . "'
INTERRUPTED = """
" " PUNCT `` punct 2
Taxes tax NOUN NNS nsubj 2
rise rise VERB VBP ccomp 6
, , PUNCT , punct 2
" " PUNCT '' punct 2
Smith Smith PROPN NNP nsubj 6
said say VERB VBD ROOT 6
. . PUNCT . punct 6
" " PUNCT `` punct 10
They they PRON PRP nsubj 10
must must AUX MD ROOT 10
. . PUNCT . punct 10
" " PUNCT '' punct 10
"""


def test_intention_verb_reports_its_infinitive():
    (quote,) = run(build_doc(INTENT))
    assert (quote.text, quote.cue, quote.kind) == ("to triple the program", "wants", "indirect")


def test_quotation_interrupted_by_its_attribution_is_one_quote_in_two_parts():
    doc = build_doc(INTERRUPTED)
    doc = replace(doc, people=(person(doc, "John Smith", "Smith"),))
    (quote,) = run(doc)
    assert quote.speaker == "John Smith"
    assert [p.text.strip(' ,."') for p in quote.parts] == ["Taxes rise", "They must"]
    assert quote.text.startswith(" Taxes rise") and quote.text.rstrip().endswith("They must .")


CITING_REASON = """
The the DET DT det 1
publisher publisher NOUN NN nsubj 2
declined decline VERB VBD ROOT 2
, , PUNCT , punct 2
citing cite VERB VBG advcl 2
legal legal ADJ JJ amod 6
risks risk NOUN NNS dobj 4
. . PUNCT . punct 2
"""

BY_SAYING = """
Ryabkov Ryabkov PROPN NNP nsubj 1
responded respond VERB VBD ROOT 1
by by ADP IN prep 1
saying say VERB VBG pcomp 2
that that SCONJ IN mark 7
talks talk NOUN NNS nsubj 7
were be AUX VBD ccomp 3
useful useful ADJ JJ acomp 6
. . PUNCT . punct 1
"""


def test_citing_a_reason_reports_the_reason():
    doc = build_doc(CITING_REASON)
    doc = replace(doc, actors=(actor(doc, "Norton", "company", "publisher"),))
    (quote,) = run(doc)
    assert (quote.text, quote.cue) == ("legal risks", "citing")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "The publisher"


def test_citing_an_outlet_is_a_source_not_a_statement():
    doc = build_doc(CITING.replace("said say VERB VBD ROOT 6", "left leave VERB VBD ROOT 6"))
    doc = replace(doc, actors=(actor(doc, "Iranian state TV", "media", "state TV"),))
    assert [q.cue for q in run(doc)] == []
    doc = build_doc(CITING)  # "... the AP said that ...": the statement, and still no citing
    doc = replace(doc, actors=(actor(doc, "Iranian state TV", "media", "state TV"),))
    assert [(q.cue, q.text) for q in run(doc)] == [("said", "the strike destroyed bases")]


def test_participle_after_a_preposition_speaks_for_the_governing_verbs_subject():
    doc = build_doc(BY_SAYING)
    doc = replace(doc, people=(person(doc, "Sergey Ryabkov", "Ryabkov"),))
    (quote,) = run(doc)
    assert (quote.speaker, quote.cue, quote.text) == (
        "Sergey Ryabkov",
        "saying",
        "talks were useful",
    )


# INTERRUPTED's opening, then ', adding that " they must . "'
ADDING = (
    INTERRUPTED.split("\n. . PUNCT")[0]
    + """
, , PUNCT , punct 6
adding add VERB VBG advcl 6
that that SCONJ IN mark 13
" " PUNCT `` punct 13
they they PRON PRP nsubj 13
must must AUX MD ccomp 8
. . PUNCT . punct 6
" " PUNCT '' punct 6
"""
)


def test_quotation_after_a_second_cue_is_that_cues_own_not_the_first_ones_other_half():
    doc = build_doc(ADDING)
    doc = replace(doc, people=(person(doc, "John Smith", "Smith"),))
    said, added = run(doc)
    assert (said.cue, said.parts, said.text.strip(' ,"')) == ("said", (), "Taxes rise")
    assert (added.cue, added.speaker, added.text.strip(' ."')) == (
        "adding",
        "John Smith",
        "they must",
    )


STANCE_ACCORDING = """
Voters voter NOUN NNS nsubj 1
want want VERB VBP ROOT 1
taxes tax NOUN NNS nsubj 4
to to PART TO aux 4
rise rise VERB VB xcomp 1
, , PUNCT , punct 4
according accord VERB VBG prep 4
to to ADP IN prep 6
the the DET DT det 9
poll poll NOUN NN pobj 7
. . PUNCT . punct 1
"""


def test_according_to_sources_the_whole_sentence_around_a_stance_word():
    quotes = run(build_doc(STANCE_ACCORDING))
    according = [q for q in quotes if q.cue == "according to"]
    assert [q.text for q in according] == ["Voters want taxes to rise"]
    assert according[0].speaker_mention is not None
    assert according[0].speaker_mention.text == "the poll"


def test_unquoted_content_stops_at_its_paragraphs_end():
    from newsgraph.extract.cues import CueLexicon
    from newsgraph.extract.quote_content import QuoteContext
    from newsgraph.extract.quotes.trims import within_paragraph
    from newsgraph.model import Quote, Span
    from newsgraph.resolve.titles import TitleWords

    doc = build_doc(PRONOUN)  # "... useful " . / The plan failed , he said .
    ctx = QuoteContext.of(doc, CueLexicon.load(), TitleWords.load())
    cue = doc.tokens[13]  # said, in the second paragraph
    start = doc.text.index("useful")
    end = doc.text.index(", he said")
    quote = Quote(
        start,
        end,
        doc.text[start:end],
        "indirect",
        "said",
        None,
        cue_span=Span(cue.start, cue.end, cue.text),
    )
    assert "\n" in quote.text
    assert within_paragraph(quote, ctx).text == "The plan failed"


INTENT_AND = """
She she PRON PRP nsubj 1
wants want VERB VBZ ROOT 1
to to PART TO aux 3
triple triple VERB VB xcomp 1
the the DET DT det 5
program program NOUN NN dobj 3
and and CCONJ CC cc 1
grow grow VERB VB conj 1
the the DET DT det 9
corps corps NOUN NN dobj 7
. . PUNCT . punct 1
"""


def test_infinitives_coordinated_with_the_cue_go_on_with_what_is_reported():
    (quote,) = run(build_doc(INTENT_AND))
    assert quote.text == "to triple the program and grow the corps"
    with_cue = build_doc(INTENT_AND.replace("grow grow VERB VB conj", "say say VERB VB conj"))
    wants = [q for q in run(with_cue) if q.cue == "wants"]
    assert [q.text for q in wants] == ["to triple the program"]  # "say ...": its own attribution


RELATIVE = """
the the DET DT det 1
deal deal NOUN NN ROOT 1
, , PUNCT , punct 1
which which PRON WDT dobj 6
Putin Putin PROPN NNP nsubj 6
vehemently vehemently ADV RB advmod 6
opposed oppose VERB VBD relcl 1
. . PUNCT . punct 1
"""


def test_a_cue_in_a_relative_clause_reports_its_relative_pronoun():
    doc = build_doc(RELATIVE)
    doc = replace(doc, people=(person(doc, "Vladimir Putin", "Putin"),))
    (quote,) = run(doc)
    assert (quote.text, quote.cue, quote.speaker) == ("which", "opposed", "Vladimir Putin")
