"""The quote stage's rule table: its names are the methods quotes carry, the confidence model
weighs those same names, and every quote is made one way."""

from __future__ import annotations

from handmade import build_doc, rules_only
from newsgraph.extract.quote_confidence import ConfidenceModel
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quotes import extract_quotes, rule_names
from newsgraph.extract.quotes.build import STAGE, make_quote
from newsgraph.extract.quotes.stage import CUE_RULES, PASSES, VETOES
from newsgraph.model import Span
from newsgraph.resources import Resources

# The methods the evaluation and the confidence model know: renaming one is a change of output.
METHODS = (
    "transcript-label",
    "passive-by",
    "hedge",
    "passive",
    "cue-verb",
    "continuation",
    "signed",
    "according-to",
    "in-a-source",
    "learned",
)


def test_the_rule_names_are_the_methods_in_the_order_they_run():
    assert rule_names() == METHODS


def test_the_cue_rules_are_tried_in_order_and_the_vetoes_named():
    assert [r.method for r in CUE_RULES] == ["passive-by", "hedge", "passive", "cue-verb"]
    assert [v.name for v in VETOES] == ["outer-of-a-chain", "inside-another"]
    assert len({p.name for p in PASSES}) == len(PASSES)


def test_the_confidence_model_weighs_only_methods_the_rules_make():
    weighed = {
        k.removeprefix("method:") for k in ConfidenceModel.load().weights if k.startswith("method:")
    }
    assert weighed <= set(METHODS)


def test_a_quote_takes_its_text_kind_and_cue_word_from_its_span():
    doc = build_doc(
        """
        Taxes tax NOUN NNS nsubj 1
        rose rise VERB VBD ROOT 1
        , , PUNCT , punct 1
        Smith Smith PROPN NNP nsubj 4
        said say VERB VBD parataxis 1
        """
    )
    res = Resources()
    ctx = QuoteContext.of(doc, res.quotes.cues, res.titles)
    said = doc.tokens[4]
    quote = make_quote(ctx, (0, 10), "cue-verb", Span(said.start, said.end, said.text), "Smith")
    assert (quote.text, quote.kind, quote.cue, quote.method, quote.stage) == (
        "Taxes rose",
        "indirect",
        "said",
        "cue-verb",
        STAGE,
    )
    assert make_quote(ctx, (0, 10), "in-a-source", None, cue_word="in").cue == "in"


def _methods(rows: str) -> dict[str, str]:
    found = extract_quotes(build_doc(rows), rules_only()).quotes
    return {q.method: q.text for q in found}


def test_hedge_fires_on_a_hedged_clause():
    found = _methods(
        """
        He he PRON PRP nsubj 1
        seems seem VERB VBZ ROOT 1
        to to PART TO aux 3
        have have VERB VB xcomp 1
        a a DET DT det 6
        different different ADJ JJ amod 6
        set set NOUN NN dobj 3
        of of ADP IN prep 6
        rules rule NOUN NNS pobj 7
        . . PUNCT . punct 1
        """
    )
    assert found["hedge"] == "He seems to have a different set of rules"


def test_hedge_does_not_fire_on_the_weather():
    found = _methods(
        """
        It it PRON PRP nsubj 1
        seems seem VERB VBZ ROOT 1
        to to PART TO aux 3
        rain rain VERB VB xcomp 1
        . . PUNCT . punct 1
        """
    )
    assert "hedge" not in found


def test_passive_fires_on_a_passive_report_with_no_source():
    found = _methods(
        """
        Roof Roof PROPN NNP nsubjpass 2
        is be AUX VBZ auxpass 2
        accused accuse VERB VBN ROOT 2
        of of ADP IN prep 2
        a a DET DT det 5
        massacre massacre NOUN NN pobj 3
        . . PUNCT . punct 2
        """
    )
    assert found["passive"] == "Roof is accused of a massacre"


def test_passive_does_not_fire_when_the_source_is_named():
    found = _methods(
        """
        Roof Roof PROPN NNP nsubjpass 2
        is be AUX VBZ auxpass 2
        accused accuse VERB VBN ROOT 2
        by by ADP IN agent 2
        police police NOUN NNS pobj 3
        of of ADP IN prep 2
        a a DET DT det 7
        massacre massacre NOUN NN pobj 5
        . . PUNCT . punct 2
        """
    )
    assert "passive" not in found
