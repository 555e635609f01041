"""The local engine against Ray: FA-KES x N through both, articles/s and peak memory per worker.

usage: python bench/scale.py [--corpus FA-KES.csv] [--scale 10] [--workers 1 2] [--split 8]

The corpus (bench/throughput.py's rewritten copies) is split into `--split` CSV partitions,
then ingested by the local engine (into DuckDB, all cores) and by Ray with each worker count
(into Parquet, then `load`). With more cores at hand, pass e.g. `--workers 1 2 4 8`: the
scaling efficiency is (rate with N / rate with 1) / N. Asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import COLUMNS, FAKES, make_corpus, peak_mb

from newsgraph.corpus import ingest
from newsgraph.ingest.sources import ReadOptions
from newsgraph.store.db import Store
from newsgraph.store.load import load_parquet


def split(corpus: Path, parts: int, folder: Path) -> list[Path]:
    csv.field_size_limit(sys.maxsize)
    with corpus.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    folder.mkdir()
    paths = []
    for i in range(parts):
        path = folder / f"part{i:03d}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows[i::parts])
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=FAKES)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--split", type=int, default=8)
    parser.add_argument("--no-local", action="store_true", help="measure Ray only")
    args = parser.parse_args()
    import ray

    options = ReadOptions(columns=COLUMNS)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        articles, words = make_corpus(args.corpus, args.scale, None, base / "corpus.csv")
        parts = split(base / "corpus.csv", args.split, base / "parts")
        print(f"corpus x{args.scale}: {articles} articles, {words} words, {len(parts)} partitions")
        cores = os.cpu_count() or 1
        if not args.no_local:
            with Store(base / "local.duckdb") as store:
                started = time.perf_counter()
                ingest([str(base / "parts")], store, options, workers=cores)
                seconds = time.perf_counter() - started
            main, worker = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
            print(
                f"  local engine, {cores} workers: {articles / seconds:6.1f} articles/s, "
                f"{words / seconds:8.0f} words/s; peak RSS main {main:.0f} MB, largest worker "
                f"{worker:.0f} MB, all processes <= {main + cores * worker:.0f} MB",
                flush=True,
            )
        rates = {}
        for workers in args.workers:
            from newsgraph.scale.ray_engine import run_ray

            ray.init(num_cpus=max(args.workers), include_dashboard=False, log_to_driver=False)
            out = base / f"ray{workers}"
            started = time.perf_counter()
            run = run_ray([str(base / "parts")], out, options, workers=workers)
            seconds = time.perf_counter() - started
            ray.shutdown()
            started = time.perf_counter()
            loaded = load_parquet(base / f"ray{workers}.duckdb", out)
            load_s = time.perf_counter() - started
            rates[workers] = articles / seconds
            print(
                f"  Ray, {workers} worker(s): {rates[workers]:6.1f} articles/s, {words / seconds:8.0f} "
                f"words/s (with start-up and merging), peak RSS per worker "
                f"{max(run.peak_rss_mb, default=0):.0f} MB; load {loaded.documents} documents in "
                f"{load_s:.1f} s",
                flush=True,
            )
        one = rates.get(1)
        for workers, rate in rates.items():
            if one and workers > 1:
                print(f"  scaling efficiency 1 -> {workers}: {rate / one / workers:.0%}")


if __name__ == "__main__":
    main()
