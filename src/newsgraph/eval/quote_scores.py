"""Scoring predicted quotes against gold attributions: the measures Citron and the GGT report.

- exact: the predicted content equals the gold content after trimming spaces, punctuation,
  quotation marks and a leading "that" on both sides (annotators differ on those edges);
- overlap: the predicted content overlaps the gold content;
- speaker: on overlap-matched pairs with a gold source, the predicted speaker's words overlap the
  gold source, or the gold source is a mention of the entity the speaker was resolved to;
- cue: on matched pairs, the predicted cue overlaps the gold cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.eval.brat import GoldAttribution
from newsgraph.nlp.pronouns import WORDS

_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb,.;:!?()\\[\\]\u2014\u2013\u2015-"
_EDGE = re.compile(f"^[\\s{_MARKS}]+|[\\s{_MARKS}]+$")
_THAT = re.compile(r"^that\b[\s,]*", re.IGNORECASE)
PRONOUNS = frozenset(w for w in WORDS if w not in {"its", "me", "my", "us", "our", "your"})


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted quote reduced to spans: content, speaker words, cue, and the speaker's mentions."""

    start: int
    end: int
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    speaker_mentions: tuple[tuple[int, int], ...] = ()
    slices: tuple[str, ...] = ("all",)  # e.g. ("all", "direct"), for per-slice precision


@dataclass(slots=True)
class Tally:
    """Counts for one slice of the data (all, direct, indirect, pronoun sources, ...)."""

    gold: int = 0
    predicted: int = 0
    exact_gold: int = 0
    exact_pred: int = 0
    overlap_gold: int = 0
    overlap_pred: int = 0
    speaker_total: int = 0
    speaker_ok: int = 0
    cue_total: int = 0
    cue_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def f1(self, kind: str) -> tuple[float, float, float]:
        """(precision, recall, F1) for `exact` or `overlap`."""
        hit_pred, hit_gold = getattr(self, f"{kind}_pred"), getattr(self, f"{kind}_gold")
        p = hit_pred / self.predicted if self.predicted else 0.0
        r = hit_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_total if self.speaker_total else 0.0

    def cue_accuracy(self) -> float:
        return self.cue_ok / self.cue_total if self.cue_total else 0.0


@dataclass(slots=True)
class Report:
    """Tallies by slice."""

    slices: dict[str, Tally] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.slices.setdefault(name, Tally())


def normalised(text: str) -> str:
    """Content text with annotator-dependent edges trimmed."""
    text = _EDGE.sub("", text)
    return _EDGE.sub("", _THAT.sub("", text)).casefold()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def slices_of(gold: GoldAttribution, text: str) -> list[str]:
    """The slices a gold attribution belongs to."""
    content = text[gold.start : gold.end]
    names = ["all", "direct" if _quoted(content) else "indirect"]
    source = " ".join(text[a:b] for a, b in gold.source).strip().casefold()
    cue = " ".join(text[a:b] for a, b in gold.cue).casefold()
    if source in PRONOUNS:
        names.append("pronoun source")
    if "according" in cue:
        names.append("according to")
    if not gold.source:
        names.append("no source")
    return names


def _quoted(content: str) -> bool:
    """Direct speech: the content (after a leading "that") is inside quotation marks."""
    stripped = _THAT.sub("", content.strip()).strip().strip(".,;:")
    return stripped[:1] in '"“' and stripped[-1:] in '"”'


def score_article(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Predicted], report: Report
) -> None:
    """Add one article's counts to `report`."""
    golds = {normalised(text[g.start : g.end]) for g in gold}
    for p in predicted:
        exact = normalised(text[p.start : p.end]) in golds
        overlap = any(overlaps((p.start, p.end), c) for g in gold for c in g.content)
        for name in p.slices:
            t = report.tally(name)
            t.predicted += 1
            t.exact_pred += exact
            t.overlap_pred += overlap
    for g in gold:
        _score_gold(text, g, predicted, report)


def _score_gold(
    text: str, g: GoldAttribution, predicted: Sequence[Predicted], report: Report
) -> None:
    matches = [p for p in predicted if any(overlaps((p.start, p.end), c) for c in g.content)]
    exact = any(
        normalised(text[p.start : p.end]) == normalised(text[g.start : g.end]) for p in matches
    )
    best = max(matches, key=lambda p: _overlap_size(p, g), default=None)
    for name in slices_of(g, text):
        t = report.tally(name)
        t.gold += 1
        t.exact_gold += exact
        t.overlap_gold += best is not None
        if best is None:
            continue
        if g.source:
            t.speaker_total += 1
            t.speaker_ok += _speaker_ok(best, g)
        if g.cue:
            t.cue_total += 1
            t.cue_ok += best.cue is not None and any(overlaps(best.cue, c) for c in g.cue)


def _overlap_size(p: Predicted, g: GoldAttribution) -> int:
    return sum(max(0, min(p.end, b) - max(p.start, a)) for a, b in g.content)


def _speaker_ok(p: Predicted, g: GoldAttribution) -> bool:
    spans = [p.speaker, *p.speaker_mentions] if p.speaker else list(p.speaker_mentions)
    return any(s is not None and overlaps(s, src) for s in spans for src in g.source)
