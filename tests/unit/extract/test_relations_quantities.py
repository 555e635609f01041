from dataclasses import replace

import pytest

from handmade import actor, build_doc
from newsgraph.extract.quantities import extract_quantities, parse_amount
from newsgraph.extract.relations import extract_relations
from newsgraph.resources import Resources

# "the US - backed and Kurdish - dominated SDF"
BACKED = """
the the DET DT det 8
US US PROPN NNP npadvmod 3
- - PUNCT HYPH punct 3
backed back VERB VBN amod 8
and and CCONJ CC cc 3
Kurdish Kurdish ADV RB advmod 7
- - PUNCT HYPH punct 7
dominated dominate VERB VBN conj 3
SDF SDF PROPN NNP ROOT 8
"""

# "The plant can produce almost 50 million cubic feet ."
PLANT = """
The the DET DT det 2
gas gas NOUN NN compound 2
plant plant NOUN NN nsubj 4
can can AUX MD aux 4
produce produce VERB VB ROOT 4
almost almost ADV RB advmod 7
50 50 NUM CD compound 7
million million NUM CD nummod 9
cubic cubic ADJ JJ amod 9
feet foot NOUN NNS dobj 4
. . PUNCT . punct 4
"""


def test_backed_and_dominated_relations():
    doc = build_doc(BACKED)
    doc = replace(
        doc,
        actors=(
            actor(doc, "United States", "country", "US"),
            actor(doc, "Kurds", "ethnic_group", "Kurdish"),
            actor(doc, "Syrian Democratic Forces", "armed_group", "SDF"),
        ),
    )
    triples = {
        (r.subject, r.relation, r.object) for r in extract_relations(doc, Resources()).relations
    }
    assert triples == {
        ("Syrian Democratic Forces", "backed_by", "United States"),
        ("Syrian Democratic Forces", "dominated_by", "Kurds"),
    }


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("almost 50 million cubic feet of gas per day", 50e6, "cubic feet of gas per day"),
        ("$1.5 billion", 1.5e9, "USD"),
        ("12 percent", 12.0, "percent"),
        ("3,400 tonnes", 3400.0, "tonnes"),
        ("dozens of barrels", None, None),
    ],
)
def test_parse_amount(text, value, unit):
    assert parse_amount(text) == (value, unit)


def test_quantity_subject_is_the_producer():
    doc = build_doc(PLANT, entities=((5, 10, "QUANTITY"),))
    (qty,) = extract_quantities(doc, Resources()).quantities
    assert qty.text == "almost 50 million cubic feet"
    assert qty.subject == "gas plant"
    assert qty.value == 50e6
