from dataclasses import replace

import pytest

from handmade import build_doc, person
from newsgraph.extract.cues import CueLexicon
from newsgraph.extract.quote_confidence import ConfidenceModel, features
from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import EntityMention
from newsgraph.resources import Resources

pytestmark = pytest.mark.confidence

SAID = """
Smith Smith PROPN NNP nsubj 1
said say VERB VBD ROOT 1
that that SCONJ IN mark 5
taxes tax NOUN NNS nsubj 5
will will AUX MD aux 5
rise rise VERB VB ccomp 1
. . PUNCT . punct 1
"""


def _tagged(doc, label, first, last):
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    return EntityMention(start, end, doc.text[start:end], label, first, last)


def test_the_shipped_model_loads_with_a_threshold_and_weights():
    model = ConfidenceModel.load()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 20
    assert model.score({}) < model.threshold  # no evidence at all is not an attribution


def test_agreement_with_the_tagger_raises_confidence_and_is_kept():
    doc = build_doc(SAID)
    doc = replace(doc, people=(person(doc, "John Smith", "Smith"),))
    bare = extract_quotes(doc, Resources()).quotes
    marks = (_tagged(doc, "SOURCE", 0, 1), _tagged(doc, "CUE", 1, 2), _tagged(doc, "CONTENT", 3, 6))
    (agreed,) = extract_quotes(replace(doc, attribution_marks=marks), Resources()).quotes
    assert agreed.text == "taxes will rise"
    assert ConfidenceModel.load().threshold <= agreed.confidence <= 1.0
    assert all(q.confidence < agreed.confidence for q in bare)


class _Recorder:
    """A judge that keeps every quote and notes the features the model would see."""

    def __init__(self):
        self.seen = {}

    def judge(self, quotes, ctx):
        self.seen.update({q.text: features(q, ctx) for q in quotes})
        return quotes


def test_features_name_the_rule_the_cue_the_speaker_and_the_taggers_view():
    recorder = _Recorder()
    extract_quotes(build_doc(SAID), Resources(quotes=QuoteLexicon(CueLexicon.load(), recorder)))
    f = recorder.seen["taxes will rise"]
    assert f["method:cue-verb"] == f["kind:indirect"] == f["cue_has_clause"] == 1.0
    assert f["speaker:name"] == f["cue_of_speech"] == 1.0
    assert f["tagged_content"] == f["tagged_cue"] == 0.0
    assert 0.5 < f["cue_precision"] < 1.0  # "say" is mostly right on train


def test_a_model_with_no_weights_gives_an_even_chance():
    model = ConfidenceModel(bias=0.0, weights={}, threshold=0.0)
    res = Resources(quotes=QuoteLexicon(CueLexicon.load(), model))
    (quote,) = extract_quotes(build_doc(SAID), res).quotes
    assert quote.confidence == 0.5
