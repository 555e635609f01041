"""Learn the quote stage's confidence model from PolNeAR train (never dev).

usage: python scripts/learn_quote_confidence.py [../shared/eval/quotes/polnear/train]

Runs the quote stage over train with nothing dropped, records each quote's features
(`extract/quote_confidence.py`) and whether it overlaps an annotated content, and fits an
L2-regularised logistic regression (Newton steps on standardised features, numpy). The
threshold is the one that maximises overlap F1 on train (the measure of finding attributions at
all; exact F1, which also judges their edges, rises with it up to there). Writes
`src/newsgraph/data/quotes/confidence.json`: bias, weights, threshold and the train figures.
Deterministic: same input, same file. Takes ~5 minutes on 2 cores.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.eval.brat import read_polnear
from newsgraph.eval.quote_scores import Report, score_article
from newsgraph.eval.quotes import QUOTE_STAGES, _reduce, overlaps_gold
from newsgraph.extract.cues import CueLexicon
from newsgraph.extract.quote_confidence import ConfidenceModel, features
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.model import Doc, Quote
from newsgraph.normalize.clean import normalise_keeping_offsets
from newsgraph.pipeline import build
from newsgraph.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train"
OUT = ROOT / "src" / "newsgraph" / "data" / "quotes" / "confidence.json"
L2 = 3.0  # on standardised features: a prior that keeps rare features' weights small
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 13)]


def _key(q: Quote) -> tuple[Any, ...]:
    return (q.start, q.end, q.method, q.cue_span, q.speaker_mention)


class _Recorder:
    """The quote stage's judge while learning: notes each quote's features, drops nothing."""

    def __init__(self) -> None:
        self.seen: dict[tuple[Any, ...], dict[str, float]] = {}

    def judge(self, quotes: list[Quote], ctx: QuoteContext) -> list[Quote]:
        self.seen.update((_key(q), features(q, ctx)) for q in quotes)
        return quotes


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = read_polnear(folder)
    recorder = _Recorder()
    seen = recorder.seen
    pipeline = build(QUOTE_STAGES)
    res = Resources(quotes=QuoteLexicon(CueLexicon.load(), recorder))
    rows: list[tuple[Any, Doc, Quote, dict[str, float]]] = []
    runs: list[tuple[Any, Doc]] = []
    for article in articles:
        seen.clear()
        text = normalise_keeping_offsets(article.text)
        doc = pipeline.run_doc(Doc(id=article.name, source=article.name, text=text), res)
        runs.append((article, doc))
        rows += [(article, doc, q, seen[_key(q)]) for q in doc.quotes]
    labels = np.array([float(overlaps_gold(q, a)) for a, _, q, _ in rows])
    bias, weights = _fit([f for *_, f in rows], labels)
    model = ConfidenceModel(bias, weights, threshold=0.0)  # the stage's own scorer
    probs = [model.score(f) for *_, f in rows]
    figures = {thr: _figures(runs, rows, probs, thr) for thr in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (round(figures[t][0], 4), -t))
    OUT.write_text(
        json.dumps(
            {
                "learned_from": f"PolNeAR {folder.name} ({len(articles)} articles), "
                f"{len(rows)} quotes, by scripts/learn_quote_confidence.py",
                "threshold": best,
                "train_overlap_exact_f1_by_threshold": {
                    str(t): f"{figures[t][0]:.4f} {figures[t][1]:.4f}" for t in THRESHOLDS
                },
                "bias": round(bias, 5),
                "weights": {k: round(v, 5) for k, v in sorted(weights.items()) if abs(v) > 1e-6},
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(weights)} features from {len(rows)} quotes; threshold {best}: "
        f"overlap/exact F1 {figures[best][0]:.3f}/{figures[best][1]:.3f} "
        f"(all kept: {figures[0.0][0]:.3f}/{figures[0.0][1]:.3f}) -> {OUT}"
    )


def _fit(rows: list[dict[str, float]], y: np.ndarray) -> tuple[float, dict[str, float]]:
    """Logistic regression with an L2 prior, by Newton's method on standardised features."""
    names = sorted({k for f in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, f in enumerate(rows):
        for k, v in f.items():
            x[r, index[k]] = v
    mean, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / sd
    w, b = np.zeros(len(names)), 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        grad, grad_b, curv = z.T @ (p - y) + L2 * w, float((p - y).sum()), p * (1 - p)
        hess = (z * curv[:, None]).T @ z + L2 * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w, b = w - step, b - grad_b / float(curv.sum())
        if np.abs(step).max() < 1e-8:
            break
    raw = w / sd
    return float(b - (w * mean / sd).sum()), {k: float(raw[i]) for k, i in index.items()}


def _figures(
    runs: list[tuple[Any, Doc]],
    rows: list[tuple[Any, Doc, Quote, dict[str, float]]],
    probs: list[float],
    threshold: float,
) -> tuple[float, float]:
    """(overlap F1, exact F1) on train keeping the quotes at or above the threshold."""
    report = Report()
    kept: dict[str, list[Quote]] = {article.name: [] for article, _ in runs}
    for (article, _, quote, _), p in zip(rows, probs, strict=True):
        if p >= threshold:
            kept[article.name].append(quote)
    for article, doc in runs:
        predicted = [_reduce(q, doc) for q in kept[article.name]]
        score_article(article.text, article.attributions, predicted, report)
    tally = report.tally("all")
    return tally.f1("overlap")[2], tally.f1("exact")[2]


if __name__ == "__main__":
    main()
