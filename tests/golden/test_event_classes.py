"""The shipped event classifier reads violence and its means from a sentence's words."""

from __future__ import annotations

import pytest

from handmade import build_doc
from newsgraph.nlp.event_classes import classify_events
from newsgraph.resources import Resources

pytestmark = pytest.mark.model

ROWS = """
Regime regime NOUN NN compound 1
warplanes warplane NOUN NNS nsubj 2
bombed bomb VERB VBD ROOT 2
the the DET DT det 4
market market NOUN NN dobj 2
killing kill VERB VBG advcl 2
12 12 NUM CD nummod 7
civilians civilian NOUN NNS dobj 5
. . PUNCT . punct 2
/
The the DET DT det 1
minister minister NOUN NN nsubj 2
visited visit VERB VBD ROOT 2
Paris Paris PROPN NNP dobj 2
. . PUNCT . punct 2
"""


def test_every_sentence_gets_the_classifiers_reading() -> None:
    doc = classify_events(build_doc(ROWS), Resources())
    strike, visit = doc.event_classes
    assert (strike.sentence, visit.sentence) == (0, 1)
    assert strike.score("ASSAULT") > 0.5 > visit.score("ASSAULT")
    assert visit.score("CONSULT") > 0.5 > strike.score("CONSULT")
