"""End-to-end ingest speed: FA-KES, then a 10x corpus made from it with light rewrites.

usage: python bench/throughput.py [--corpus FA-KES.csv] [--scale 10] [--workers 1 2] [--limit N]

For each corpus size and worker count it ingests into a fresh DuckDB file with every stage
on and prints articles/s, words/s, per-article ms and peak RSS (this process and the
largest worker). Then it profiles where the time goes in one process. Asserts nothing:
speed is reported here, never tested in the unit suite.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.corpus import ingest
from newsgraph.ingest.sources import ReadOptions
from newsgraph.ingest.tables import ColumnMap
from newsgraph.model import Article
from newsgraph.normalize.clean import clean
from newsgraph.pipeline import build
from newsgraph.resources import Resources
from newsgraph.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
COLUMNS = ColumnMap(text="article_content", title="article_title", date="date", source="source")
# Content-farm style substitutions: the same story, reworded.
SWAPS = {
    "said": "stated",
    "killed": "left dead",
    "attack": "assault",
    "people": "persons",
    "government": "regime",
    "forces": "troops",
    "city": "town",
    "reported": "announced",
    "including": "among them",
    "Syrian": "Syria's",
}


def rewrite(text: str, rng: random.Random) -> str:
    """A light rewrite: some words swapped, one sentence dropped, two sentences swapped."""
    words = [SWAPS.get(w, w) if rng.random() < 0.5 else w for w in text.split(" ")]
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(words))
    if len(sentences) > 3:
        del sentences[rng.randrange(1, len(sentences))]
        i = rng.randrange(1, len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    return " ".join(sentences)


def make_corpus(source: Path, scale: int, limit: int | None, out: Path) -> tuple[int, int]:
    """Write `scale` copies of the corpus (the first as is, the rest rewritten); (rows, words)."""
    csv.field_size_limit(sys.maxsize)
    with source.open(encoding="latin-1", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    rng = random.Random(7)
    words = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        for copy in range(scale):
            for row in rows:
                text = row["article_content"] if copy == 0 else rewrite(row["article_content"], rng)
                title = row["article_title"] if copy == 0 else f"{row['article_title']} ({copy})"
                words += len(text.split())
                writer.writerow({**row, "article_content": text, "article_title": title})
    return len(rows) * scale, words


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(corpus: Path, workers: int, articles: int, words: int) -> None:
    """One measured run in a fresh process, so each peak-memory figure is its own."""
    subprocess.run(
        [sys.executable, __file__, "--one", str(corpus), str(workers), str(articles), str(words)],
        check=True,
    )


def run_here(corpus: Path, workers: int, articles: int, words: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        started = time.perf_counter()
        summary = ingest(
            [str(corpus)], store, ReadOptions(encoding="utf-8", columns=COLUMNS), workers
        )
        seconds = time.perf_counter() - started
    per = 1000 * seconds / articles
    main, worker = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
    total = main + (worker * workers if workers > 1 else 0)
    print(
        f"  {articles:>6} articles  workers={workers}  {articles / seconds:6.1f} articles/s  "
        f"{words / seconds:8.0f} words/s  {per:6.1f} ms/article  stored {summary.stored}  "
        f"near-duplicates {summary.copies}  failed {len(summary.failed)}  peak RSS: main "
        f"{main:.0f} MB, largest worker {worker:.0f} MB, all processes <= {total:.0f} MB",
        flush=True,
    )


def profile(corpus: Path, n: int = 150) -> None:
    """Where one process spends its time: each stage, then the store."""
    csv.field_size_limit(sys.maxsize)
    with corpus.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:n]
    pipeline, res = build(), Resources()
    docs = [
        clean(Article(f"r{i}", r["article_content"], title=r["article_title"]))
        for i, r in enumerate(rows)
    ]
    pipeline.run_doc(docs[0], res)  # load models first
    spent: dict[str, float] = {}
    done = []
    for doc in docs:
        for stage in pipeline.stages:
            t = time.perf_counter()
            doc = stage.fn(doc, res)
            spent[stage.name] = spent.get(stage.name, 0.0) + time.perf_counter() - t
        done.append(doc)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.duckdb") as store:
        t = time.perf_counter()
        for at in range(0, len(done), 32):
            store.write(done[at : at + 32])
        spent["store (write, merge)"] = time.perf_counter() - t
    total = sum(spent.values())
    print(
        f"profile, one process, {len(docs)} articles ({1000 * total / len(docs):.0f} ms/article):"
    )
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {1000 * sec / len(docs):6.1f} ms  {100 * sec / total:5.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=FAKES)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)  # internal: one measured run
    args = parser.parse_args()
    if args.one:
        corpus, workers, articles, words = args.one
        run_here(Path(corpus), int(workers), int(articles), int(words))
        return
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}: pass --corpus FILE.csv (FA-KES layout)")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in sorted({1, args.scale}):
            corpus = Path(tmp) / f"corpus{scale}.csv"
            articles, words = make_corpus(args.corpus, scale, args.limit, corpus)
            print(f"corpus x{scale}: {articles} articles, {words} words", flush=True)
            for workers in args.workers:
                run(corpus, workers, articles, words)
        profile(Path(tmp) / "corpus1.csv")


if __name__ == "__main__":
    main()
