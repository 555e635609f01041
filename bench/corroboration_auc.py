"""How well corroboration separates FA-KES's credible and not-credible articles.

usage: python bench/corroboration_auc.py [--corpus FA-KES.csv] [--db store.duckdb] [--folds 10]
                                         [--repeats 5]

FA-KES (Abu Salem et al., ICWSM 2019) labels each of its 804 articles on the Syrian war
credible (1) or not (0) by comparing the casualties it reports with the Violations
Documentation Center's records. This ingests the corpus into a store (or reads `--db` when it
already holds it), reads for every article the corroboration of the events it reports
(store/origins.py: independent origins, one side only, denials, merged across all 804
articles), and scores, by cross-validated ROC AUC against the corpus's labels:

- each signal alone (its AUC as it stands, no model);
- a small logistic model over the signals;
- the baseline: a logistic model over the outlet alone (which of 15 outlets published it);
- the signals and the outlet together.

The models are L2-regularised logistic regressions fitted by Newton's method in numpy,
scored by stratified k-fold cross-validation repeated with different splits (mean and spread).
Asserts nothing: the figures go in README.md ("Corroboration on FA-KES").
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import duckdb
import numpy as np

from newsgraph.corpus import ingest
from newsgraph.ingest.sources import ReadOptions
from newsgraph.ingest.tables import ColumnMap
from newsgraph.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
COLUMNS = ColumnMap(text="article_content", title="article_title", date="date", source="source")
NEWS = ("asserted", "claimed", "denied")  # what the article tells as having happened
SIGNALS = (
    "origins",  # mean independent origins of its events (log)
    "corroborated",  # share of its events told by two origins or more
    "single_side",  # share of its events one side alone tells
    "denied",  # share of its events someone denies
)

# One row per (article, event it reports): the occurrence's corroboration.
_EVENTS = """
SELECT d.source, d.outlet, k.independent_origins, k.single_side, len(k.denied_by) > 0
FROM documents d
LEFT JOIN events e ON e.doc_id = d.id AND e.status IN ('asserted', 'claimed', 'denied')
LEFT JOIN corroboration k ON k.fact_type = 'event' AND k.fact_id = e.cluster_id
"""


def build_store(corpus: Path, db: Path) -> None:
    """FA-KES into the store, through a UTF-8 copy (the corpus is Latin-1)."""
    csv.field_size_limit(sys.maxsize)
    with corpus.open(encoding="latin-1", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "fakes.csv"
        with copy.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        with Store(db) as store:
            summary = ingest([str(copy)], store, ReadOptions(columns=COLUMNS))
    print(f"ingested {summary.stored} articles ({len(summary.failed)} failed) -> {db}")


def labels(corpus: Path) -> dict[int, int]:
    """Row number (1 = first data row, as the store's `source` counts) -> label."""
    csv.field_size_limit(sys.maxsize)
    with corpus.open(encoding="latin-1", newline="") as fh:
        return {n: int(r["labels"]) for n, r in enumerate(csv.DictReader(fh), start=1)}


def features(db: Path, corpus: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(signals per article, labels, outlets) for every stored article with a label."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(_EVENTS).fetchall()
    finally:
        con.close()
    by_doc: dict[str, list[tuple[int, bool, bool]]] = defaultdict(list)
    outlet_of: dict[str, str] = {}
    for source, outlet, origins, single, denied in rows:
        outlet_of[source] = outlet or ""
        if origins is not None:
            by_doc[source].append((int(origins), bool(single), bool(denied)))
    known = labels(corpus)
    x, y, outlets = [], [], []
    for source, outlet in sorted(outlet_of.items()):
        row = int(source.rsplit(":", 1)[1])
        if row not in known:
            continue
        events = by_doc.get(source, [])
        n = max(len(events), 1)
        x.append(
            [
                float(np.log1p(sum(o for o, _, _ in events) / n)),
                sum(o >= 2 for o, _, _ in events) / n,
                sum(s for _, s, _ in events) / n,
                sum(d for _, _, d in events) / n,
            ]
        )
        y.append(known[row])
        outlets.append(outlet)
    return np.array(x), np.array(y), outlets


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC: the chance a credible article scores above a not-credible one (ties half)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def standard_error(value: float, y: np.ndarray) -> float:
    """Hanley & McNeil's (1982) standard error of an AUC over these labels: what the sample's
    size alone allows, whatever the split."""
    n_pos, n_neg = int(y.sum()), int((1 - y).sum())
    q1, q2 = value / (2 - value), 2 * value**2 / (1 + value)
    var = (value * (1 - value) + (n_pos - 1) * (q1 - value**2) + (n_neg - 1) * (q2 - value**2)) / (
        n_pos * n_neg
    )
    return float(np.sqrt(var))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; weights with the bias last."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * l2
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y) + penalty @ w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def cross_validated(x: np.ndarray, y: np.ndarray, folds: int, seed: int) -> float:
    """Stratified k-fold AUC of the pooled out-of-fold scores; features scaled on each train fold."""
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=int)
    for label in (0, 1):
        members = rng.permutation(np.flatnonzero(y == label))
        fold[members] = np.arange(len(members)) % folds
    scores = np.empty(len(y))
    for k in range(folds):
        train, test = fold != k, fold == k
        mean, std = x[train].mean(axis=0), x[train].std(axis=0)
        std[std == 0] = 1.0
        w = fit((x[train] - mean) / std, y[train])
        scores[test] = np.hstack([(x[test] - mean) / std, np.ones((int(test.sum()), 1))]) @ w
    return auc(scores, y)


def one_hot(outlets: list[str]) -> np.ndarray:
    names = sorted(set(outlets))
    return np.array([[float(o == n) for n in names] for o in outlets])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=FAKES)
    parser.add_argument("--db", type=Path, default=None, help="a store holding FA-KES (kept)")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="fakes-")) / "fakes.duckdb"
    if not db.exists():
        build_store(args.corpus, db)
    x, y, outlets = features(db, args.corpus)
    print(f"{len(y)} articles: {int(y.sum())} credible, {int((1 - y).sum())} not credible")
    print("\nsignal alone (AUC as it stands, no model; 0.5 = no separation):")
    for i, name in enumerate(SIGNALS):
        print(f"  {name:<14} {auc(x[:, i], y):.3f}   mean credible {x[y == 1, i].mean():.3f}, "
              f"not credible {x[y == 0, i].mean():.3f}")  # fmt: skip
    outlet = one_hot(outlets)
    models = {
        "signals (logistic)": x,
        "outlet alone (baseline)": outlet,
        "signals + outlet": np.hstack([x, outlet]),
    }
    print(f"\ncross-validated ROC AUC ({args.folds} folds x {args.repeats} splits, mean ± sd):")
    for name, data in models.items():
        found = [cross_validated(data, y, args.folds, seed) for seed in range(args.repeats)]
        se = standard_error(float(np.mean(found)), y)
        print(f"  {name:<24} {np.mean(found):.3f} ± {np.std(found):.3f} (sampling s.e. {se:.3f})")
    share = {name: float(np.mean(x[:, i] > 0)) for i, name in enumerate(SIGNALS)}
    print("\nshare of articles with the signal above 0: "
          + ", ".join(f"{k} {v:.2f}" for k, v in share.items()))  # fmt: skip


if __name__ == "__main__":
    main()
