"""How fast `analyze` is once the model is loaded: articles/s, words/s, per-article ms, peak RSS;
and how many event records an article gives.

usage: python bench/analyze_speed.py [--corpus PATH.csv] [--limit N]

Runs the bundled reference article 20 times, then up to N FA-KES articles (the corpus in
../shared/corpus/fakes when present; a user's clone may pass any CSV with article_title and
article_content columns). Prints, besides speed: the event stage's and the event classifier's
share of the per-article time, and event records per article (all, and those told as news:
not `historical`). Prints figures; asserts nothing (speed is never a unit test).
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import time
from pathlib import Path

from newsgraph.extract.events import extract_events
from newsgraph.ingest.text import read_text_file
from newsgraph.model import Article
from newsgraph.nlp.event_classes import classify_events
from newsgraph.pipeline import build
from newsgraph.resolve.places import resolve_places
from newsgraph.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "asapov_deir_ez_zor.txt"
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_corpus(path: Path, limit: int) -> list[Article]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="latin-1", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    return [
        Article(f"{path.name}#{i}", f"{r['article_title']}\n\n{r['article_content']}")
        for i, r in enumerate(rows)
    ]


def measure(label: str, articles: list[Article], pipeline, res) -> None:  # type: ignore[no-untyped-def]
    times, coding, placing, classing, words = [], [], [], [], 0
    records = news = 0
    for article in articles:
        t0 = time.perf_counter()
        doc = pipeline.run(article, res)
        times.append(time.perf_counter() - t0)
        words += len(article.raw.split())
        records += len(doc.events)
        news += sum(1 for e in doc.events if e.status not in ("historical", "hypothetical"))
        t0 = time.perf_counter()
        extract_events(doc, res)  # event coding alone, on the analysed document
        coding.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        classify_events(doc, res)  # the learned event classifier alone
        classing.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        resolve_places(doc, res)  # the place stage alone, likewise
        placing.append(time.perf_counter() - t0)
    total = sum(times)
    print(
        f"{label}: {len(articles)} articles, {len(articles) / total:.1f} articles/s, "
        f"{words / total:,.0f} words/s, median {1000 * statistics.median(times):.0f} ms/article, "
        f"p95 {1000 * sorted(times)[int(0.95 * (len(times) - 1))]:.0f} ms; event coding alone "
        f"median {1000 * statistics.median(coding):.1f} ms, "
        f"p95 {1000 * sorted(coding)[int(0.95 * (len(coding) - 1))]:.1f} ms; place stage alone "
        f"median {1000 * statistics.median(placing):.1f} ms, "
        f"p95 {1000 * sorted(placing)[int(0.95 * (len(placing) - 1))]:.1f} ms"
    )
    print(
        f"  share of the per-article time: event stage {100 * sum(coding) / total:.1f}%, "
        f"event classifier {100 * sum(classing) / total:.1f}%; event records per article "
        f"{records / len(articles):.1f} ({news / len(articles):.1f} told as news)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=FAKES)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()

    t0 = time.perf_counter()
    pipeline, res = build(), Resources()
    pipeline.run(read_text_file(EXAMPLE), res)  # loads model, lexicons and gazetteer once
    print(f"load (model, lexicons, gazetteer) + first article: {time.perf_counter() - t0:.2f} s")
    measure("reference article x20", [read_text_file(EXAMPLE)] * 20, pipeline, res)
    if args.corpus.exists():
        measure(
            f"{args.corpus.name} (first {args.limit})",
            load_corpus(args.corpus, args.limit),
            pipeline,
            res,
        )
    else:
        print(f"{args.corpus} not found: corpus figures skipped")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
