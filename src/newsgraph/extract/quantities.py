"""Amounts with their unit and what they measure: "almost 50 million cubic feet of gas per day"."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.model import Doc, EntityMention, Quantity, Token
from newsgraph.nlp.tree import Tree

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "quantities.v1"
_LABELS = frozenset({"QUANTITY", "MONEY", "PERCENT"})
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 1e2}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def extract_quantities(doc: Doc, res: Resources) -> Doc:
    """Stage: QUANTITY, MONEY and PERCENT amounts, their value, unit and subject."""
    tree = Tree(doc.tokens)
    found = []
    for ent in doc.entities:
        if ent.label not in _LABELS:
            continue
        end = _extend_unit(doc, ent)
        value, unit = parse_amount(doc.text[ent.start : end])
        subject = _subject(doc, tree, ent)
        found.append(
            Quantity(ent.start, end, doc.text[ent.start : end], value, unit, subject, STAGE)
        )
    return replace(doc, quantities=tuple(found))


def parse_amount(text: str) -> tuple[float | None, str | None]:
    """(50000000.0, "cubic feet of gas per day") from "almost 50 million cubic feet of gas per day"."""
    match = _NUMBER.search(text)
    if match is None:
        return None, None
    value = float(match.group().replace(",", ""))
    rest = text[match.end() :].split()
    while rest and rest[0].casefold() in _SCALE:
        value *= _SCALE[rest.pop(0).casefold()]
    if "%" in text or (rest and rest[0].casefold() in {"percent", "per"} and "cent" in rest[:2]):
        return value, "percent"
    if text.lstrip().startswith(("$", "US$")):
        return value, "USD"
    unit = " ".join(rest).strip(" .,;") or None
    return value, unit


def _extend_unit(doc: Doc, ent: EntityMention) -> int:
    """Take in "of gas per day" after "50 million cubic feet": the unit's complement."""
    tail = re.match(
        r"(?: of \w+)?(?: (?:per|a|an|each) (?:day|week|month|year|hour|barrel|person))?",
        doc.text[ent.end :],
    )
    return ent.end + (len(tail.group()) if tail else 0)


def _subject(doc: Doc, tree: Tree, ent: EntityMention) -> str | None:
    """What the amount belongs to: the subject of the verb the amount is the object of."""
    root = _root(doc.tokens, tree, ent)
    if root is None or root.head == root.i:
        return None
    verb = doc.tokens[root.head]
    subject = tree.subject(verb.i)
    if subject is None:
        return None
    kept = [subject.i] + [c.i for c in tree.children(subject.i, "compound", "amod", "nmod", "poss")]
    first, last = min(kept), max(kept) + 1
    return doc.text[doc.tokens[first].start : doc.tokens[last - 1].end]


def _root(tokens: tuple[Token, ...], tree: Tree, ent: EntityMention) -> Token | None:
    inside = range(ent.first, ent.last)
    for i in inside:
        if tokens[i].head not in inside or tokens[i].head == i:
            return tokens[i]
    return None
