"""How fast the page loads over a big store: time from navigation until every panel is drawn.

usage: python bench/page_load.py [--db STORE.duckdb] [--corpus FA-KES.csv] [--copies 2] [--runs 5]

Without --db it builds a store from FA-KES and rewritten copies of it (bench/throughput.py's
rewrites) until it holds well over 10,000 events, then serves it and opens the page in
headless Chromium (/usr/bin/chromium) `--runs` times. Prints the store's size, the API's
answer times and the page's load times. Asserts nothing.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import uvicorn
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import COLUMNS, FAKES, make_corpus

from newsgraph.corpus import ingest
from newsgraph.ingest.sources import ReadOptions
from newsgraph.serve.app import create_app
from newsgraph.store.db import Store

FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def build(corpus: Path, copies: int, tmp: Path) -> Path:
    csv = tmp / "corpus.csv"
    make_corpus(corpus, copies, None, csv)
    db = tmp / "page.duckdb"
    with Store(db) as store:
        ingest([str(csv)], store, ReadOptions(columns=COLUMNS), workers=2)
    return db


def serve(db: Path) -> tuple[str, uvicorn.Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--corpus", type=Path, default=FAKES)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build(args.corpus, args.copies, Path(tmp))
        con = duckdb.connect(str(db), read_only=True)
        counts = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM event_clusters)"
        ).fetchone()
        con.close()
        print(f"store: {counts[0]} documents, {counts[1]} event reports, {counts[2]} events")
        url, server = serve(db)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            tab = browser.new_page()
            for path in ("summary", "events?limit=25", "map", "timeline", "disputes"):
                started = time.perf_counter()
                tab.request.get(f"{url}/api/{path}")
                print(f"  /api/{path:<16} {1000 * (time.perf_counter() - started):6.0f} ms")
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                tab.goto(url)
                tab.wait_for_selector("body[data-ready=yes]")
                times.append(time.perf_counter() - started)
            browser.close()
        server.should_exit = True
        print(
            f"page ready: median {statistics.median(times):.2f} s, max {max(times):.2f} s over {len(times)} loads"
        )


if __name__ == "__main__":
    main()
