"""The shipped quote confidence model: it loads, and it keeps what the tagger agrees with."""

from dataclasses import replace

import pytest

from handmade import build_doc, person
from newsgraph.extract.quote_confidence import ConfidenceModel
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import EntityMention
from newsgraph.resources import Resources

pytestmark = pytest.mark.model

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
