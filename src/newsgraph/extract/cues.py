"""Words that introduce reported speech: the cue inventory the quote stage looks for.

Gathered from the cue lemmas annotated in PARC 3.0 and PolNeAR (attribution corpora of news)
and the statement verbs of the CAMEO verb dictionary (codes 01x "make public statement",
11x "disapprove", 13x "threaten"): the verbs reporters use to attribute content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from newsgraph.data_files import read_text

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


# A cue lemma is dropped when, on PolNeAR train, at least UNRELIABLE_MIN of its attributions
# were predicted and fewer than UNRELIABLE_PRECISION of them were right: below about half the
# F1 (~0.85), a prediction costs more precision than it brings recall.
UNRELIABLE_MIN, UNRELIABLE_PRECISION = 10, 0.42
# A weak cue verb reports its object too ("backed Clinton") when, on PolNeAR train, at least
# OBJECT_MIN such attributions were predicted and at least OBJECT_PRECISION of them were right.
# Object attributions rarely match annotated edges exactly (about half as often as clause
# ones), so only lemmas right about two times in three earn it.
OBJECT_MIN, OBJECT_PRECISION = 5, 0.65

CUES_FILE = "quotes/cues.tsv"
PRECISION_FILE = "quotes/cue_precision.tsv"
OBJECTS_FILE = "quotes/object_cues.tsv"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Which words cue an attribution and how surely, as learned on PolNeAR train.

    `learned`: (lemma, POS) -> strength (scripts/learn_cues.py); `records`: lemma ->
    (attributions predicted, right) on train (scripts/learn_cue_precision.py); `unreliable`:
    lemmas whose attributions were mostly wrong; `objects`: weak cue lemmas whose object is
    what they report (scripts/learn_object_cues.py).
    """

    learned: Mapping[tuple[str, str], Strength]
    records: Mapping[str, tuple[int, int]]
    unreliable: frozenset[str]
    objects: frozenset[str]

    @classmethod
    def load(cls) -> CueLexicon:
        """The shipped tables (data/quotes/)."""
        records = _records(read_text(PRECISION_FILE, "scripts/learn_cue_precision.py"))
        return cls(
            learned=_learned(read_text(CUES_FILE, "scripts/learn_cues.py")),
            records=records,
            unreliable=_unreliable(records),
            objects=_objects(read_text(OBJECTS_FILE, "scripts/learn_object_cues.py")),
        )

    def strength(self, lemma: str, pos: str) -> Strength | None:
        """How surely a word with this lemma and part of speech introduces an attribution."""
        lemma = lemma.casefold()
        if lemma in self.unreliable:
            return None
        learned = self.learned.get((lemma, "VERB" if pos == "AUX" else pos))
        if pos in {"VERB", "AUX"} and lemma in CUE_VERBS:
            curated: Strength = "weak" if lemma in NEEDS_CLAUSE else "strong"
            learned = "strong" if "strong" in (learned, curated) else curated
        if learned == "weak" and pos in {"VERB", "AUX"} and lemma in self.objects:
            return "strong"
        return learned

    def record(self, lemma: str) -> tuple[int, int]:
        """How many attributions a cue lemma made on train, and how many were right."""
        return self.records.get(lemma.casefold(), (0, 0))

    def reports_object(self, lemma: str) -> bool:
        """Whether a weak cue with this lemma reports its object ("backed Clinton")."""
        return lemma.casefold() in self.objects


def _rows(text: str) -> list[list[str]]:
    """The tab-separated rows of a table, past its `#` comments and blank lines."""
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def _learned(text: str) -> dict[tuple[str, str], Strength]:
    table: dict[tuple[str, str], Strength] = {}
    for lemma, pos, count, _total, share in _rows(text):
        n, p = int(count), float(share)
        if pos not in {"VERB", "NOUN"}:
            continue  # "in", ":" and auxiliaries are cues only inside longer phrases
        if p >= STRONG_SHARE and n >= STRONG_MIN:
            table[(lemma, pos)] = "strong"
        elif p >= WEAK_SHARE and n >= WEAK_MIN:
            table[(lemma, pos)] = "weak"
    return table


def _records(text: str) -> dict[str, tuple[int, int]]:
    return {lemma: (int(n), int(right)) for lemma, n, right, _precision in _rows(text)}


def _unreliable(records: Mapping[str, tuple[int, int]]) -> frozenset[str]:
    return frozenset(
        lemma
        for lemma, (n, right) in records.items()
        if n >= UNRELIABLE_MIN and right / n < UNRELIABLE_PRECISION
    )


def _objects(text: str) -> frozenset[str]:
    return frozenset(
        lemma
        for lemma, n, _right, precision in _rows(text)
        if int(n) >= OBJECT_MIN and float(precision) >= OBJECT_PRECISION
    )
