"""The quote confidence filter's features and scoring on a hand-made parse (no model)."""

from handmade import build_doc
from newsgraph.extract.cues import CueLexicon
from newsgraph.extract.quote_confidence import ConfidenceModel, features
from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.extract.quotes import extract_quotes
from newsgraph.resources import Resources

SAID = """
Smith Smith PROPN NNP nsubj 1
said say VERB VBD ROOT 1
that that SCONJ IN mark 5
taxes tax NOUN NNS nsubj 5
will will AUX MD aux 5
rise rise VERB VB ccomp 1
. . PUNCT . punct 1
"""


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
