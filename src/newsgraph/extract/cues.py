"""Words that introduce reported speech: the cue inventory the quote stage looks for.

Gathered from the cue lemmas annotated in PARC 3.0 and PolNeAR (attribution corpora of news)
and the statement verbs of the CAMEO verb dictionary (codes 01x "make public statement",
11x "disapprove", 13x "threaten"): the verbs reporters use to attribute content.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

Strength = Literal["strong", "weak"]
# A learned cue is "strong" (a cue with any complement) when it heads a gold cue this often
# in PolNeAR train, and "weak" (a cue only with a clause: "thinks that ...") above the lower
# share. Chosen on train; dev is only measured.
STRONG_SHARE, STRONG_MIN = 0.3, 3
WEAK_SHARE, WEAK_MIN = 0.1, 5

CUE_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "report",
        "claim",
        "assert",
        "allege",
        "accuse",
        "announce",
        "declare",
        "explain",
        "note",
        "insist",
        "warn",
        "write",
        "argue",
        "suggest",
        "deny",
        "confirm",
        "acknowledge",
        "admit",
        "stress",
        "emphasise",
        "emphasize",
        "reply",
        "respond",
        "ask",
        "urge",
        "predict",
        "comment",
        "reveal",
        "indicate",
        "recall",
        "remark",
        "conclude",
        "estimate",
        "contend",
        "maintain",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "complain",
        "charge",
        "concede",
        "observe",
        "mention",
        "testify",
        "inform",
        "assure",
        "caution",
        "lament",
        "boast",
        "tweet",
        "post",
        "quote",
        "describe",
        "believe",
        "think",
        "feel",
        "fear",
        "hope",
        "expect",
        "agree",
        "disagree",
        "blame",
        "criticise",
        "criticize",
        "condemn",
        "denounce",
        "call",
        "demand",
        "propose",
        "recommend",
        "announce",
        "signal",
        "hint",
        "stipulate",
        "specify",
        "affirm",
        "reiterate",
        "repeat",
        "counter",
        "retort",
        "rebut",
        "dismiss",
        "brief",
        "underline",
        "highlight",
        "point",
        "continue",
        "acknowledge",
        "object",
        "protest",
        "question",
        "wonder",
    ]
)
# Verbs that are cues only with a clausal complement ("thinks that ..."), not alone.
NEEDS_CLAUSE = frozenset(
    ["believe", "think", "feel", "fear", "hope", "expect", "describe", "call", "continue", "point"]
)
ACCORDING = "according"
CITING = frozenset({"cite", "quote"})


@lru_cache(maxsize=1)
def learned_cues() -> dict[tuple[str, str], Strength]:
    """(lemma, POS) -> strength, from `data/quotes/cues.tsv` (see scripts/learn_cues.py)."""
    text = resources.files("newsgraph").joinpath("data/quotes/cues.tsv").read_text("utf-8")
    table: dict[tuple[str, str], Strength] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, pos, count, _total, share = line.split("\t")
        n, p = int(count), float(share)
        if pos not in {"VERB", "NOUN"}:
            continue  # "in", ":" and auxiliaries are cues only inside longer phrases
        if p >= STRONG_SHARE and n >= STRONG_MIN:
            table[(lemma, pos)] = "strong"
        elif p >= WEAK_SHARE and n >= WEAK_MIN:
            table[(lemma, pos)] = "weak"
    return table


# A cue lemma is dropped when, on PolNeAR train, at least UNRELIABLE_MIN of its attributions
# were predicted and fewer than UNRELIABLE_PRECISION of them were right: below about half the
# F1 (~0.85), a prediction costs more precision than it brings recall.
UNRELIABLE_MIN, UNRELIABLE_PRECISION = 10, 0.42


@lru_cache(maxsize=1)
def _cue_records() -> dict[str, tuple[int, int]]:
    """lemma -> (attributions predicted, right) on train (scripts/learn_cue_precision.py)."""
    path = resources.files("newsgraph").joinpath("data/quotes/cue_precision.tsv")
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, n, right, _precision = line.split("\t")
        table[lemma] = (int(n), int(right))
    return table


def cue_record(lemma: str) -> tuple[int, int]:
    """How many attributions a cue lemma made on train, and how many were right."""
    return _cue_records().get(lemma.casefold(), (0, 0))


@lru_cache(maxsize=1)
def unreliable_cues() -> frozenset[str]:
    """Cue lemmas whose attributions were mostly wrong on train (scripts/learn_cue_precision.py)."""
    return frozenset(
        lemma
        for lemma, (n, right) in _cue_records().items()
        if n >= UNRELIABLE_MIN and right / n < UNRELIABLE_PRECISION
    )


# A weak cue verb reports its object too ("backed Clinton") when, on PolNeAR train, at least
# OBJECT_MIN such attributions were predicted and at least OBJECT_PRECISION of them were right.
# Object attributions rarely match annotated edges exactly (about half as often as clause
# ones), so only lemmas right about two times in three earn it.
OBJECT_MIN, OBJECT_PRECISION = 5, 0.65


@lru_cache(maxsize=1)
def object_cues() -> frozenset[str]:
    """Weak cue lemmas whose object is what they report (scripts/learn_object_cues.py)."""
    path = resources.files("newsgraph").joinpath("data/quotes/object_cues.tsv")
    if not path.is_file():
        return frozenset()
    found = set()
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, n, _right, precision = line.split("\t")
        if int(n) >= OBJECT_MIN and float(precision) >= OBJECT_PRECISION:
            found.add(lemma)
    return frozenset(found)


def cue_strength(lemma: str, pos: str) -> Strength | None:
    """How surely a word with this lemma and part of speech introduces an attribution."""
    lemma = lemma.casefold()
    if lemma in unreliable_cues():
        return None
    learned = learned_cues().get((lemma, "VERB" if pos == "AUX" else pos))
    if pos in {"VERB", "AUX"} and lemma in CUE_VERBS:
        curated: Strength = "weak" if lemma in NEEDS_CLAUSE else "strong"
        learned = "strong" if "strong" in (learned, curated) else curated
    if learned == "weak" and pos in {"VERB", "AUX"} and lemma in object_cues():
        return "strong"
    return learned
