"""What a watch costs the site it watches, per feed and per poll, measured on the local feed
server of the tests (tests/feed_server.py) with news-sized content.

usage: python bench/watch_load.py [--items 25] [--page-kb 120] [--new 2] [--stages full|none]

One feed of `--items` items (each with a 600-character description, as Al Jazeera's and the
BBC's feeds carry) whose pages weigh `--page-kb` (a news page with its markup; trafilatura
keeps the article). Three polls, on a fake clock so that no delay is waited out:
  1. cold: the feed, robots.txt and every item's page;
  2. unchanged: one conditional GET answered 304;
  3. `--new` new items: the feed again (it changed) and the new items' pages.
Prints requests and bytes (response bodies) per poll, and the time each took, NLP included
with `--stages full` (the default pipeline; the first poll also loads the model). Asserts
nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from feed_server import Answer, FakeClock, FeedServer, Item, feed_server, page, rss
from newsgraph.ingest.fetch import Fetched, fetch
from newsgraph.ingest.watch import Limits, Poller
from newsgraph.registry import DEFAULT_PIPELINE
from newsgraph.store.db import Store
from newsgraph.watch import Watcher

PARAGRAPHS = [
    "Government forces and their allies shelled rebel-held districts on the edge of the city "
    "on Tuesday, residents said, as fighting over the main road north entered a second week.",
    "A local monitoring group said at least nine people were killed, among them two children, "
    "and that dozens were wounded when shells hit a market and the streets around it.",
    "The army said it had targeted positions used to fire on government-held neighbourhoods, "
    "and accused the rebels of using civilians as shields, which the rebels denied.",
]
BOILERPLATE = "<nav>" + "<a href='/section'>Section</a> " * 60 + "</nav>"


def story(n: int) -> list[str]:
    """Paragraphs of their own for item `n`: the bench's items must not be near-duplicates
    of one another (the watch would rightly skip them)."""
    rng = random.Random(n)
    words = " ".join(PARAGRAPHS).replace(",", "").replace(".", "").split()
    return [" ".join(rng.sample(words, 30)).capitalize() + "." for _ in range(4)]


def news_page(n: int, kb: int) -> bytes:
    body = page(f"Shelling on the northern road, day {n}", [*story(n), *PARAGRAPHS])
    padding = (BOILERPLATE + "<script>var tracking = {'id': 1};</script>").encode()
    while len(body) < kb * 1024:
        body = body.replace(b"</body>", padding + b"</body>", 1)
    return body


def items(server: FeedServer, first: int, count: int, kb: int) -> list[Item]:
    out = []
    for n in range(first, first + count):
        link = server.url(f"/story/{n}")
        server.serve(f"/story/{n}", Answer(body=news_page(n, kb), content_type="text/html"))
        summary = " ".join(story(n))[:600]
        out.append(Item(f"story-{n}", f"Shelling on the northern road, day {n}", summary, link))
    return out


class Counted:
    """fetch(), counting requests and body bytes."""

    def __init__(self) -> None:
        self.requests = 0
        self.bytes = 0

    def __call__(self, *args: object, **kwargs: object) -> Fetched:
        self.requests += 1
        got = fetch(*args, **kwargs)  # type: ignore[arg-type]
        self.bytes += len(got.data)
        return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=25)
    parser.add_argument("--page-kb", type=int, default=120)
    parser.add_argument("--new", type=int, default=2)
    parser.add_argument("--stages", choices=["full", "none"], default="full")
    args = parser.parse_args()
    stages = DEFAULT_PIPELINE if args.stages == "full" else ("fingerprint.v1",)
    with feed_server() as server, tempfile.TemporaryDirectory() as tmp:
        listed = items(server, 1, args.items, args.page_kb)
        server.serve("/feed.xml", Answer(body=rss("Wire", listed), etag='"1"'))
        feed_kb = len(rss("Wire", listed)) / 1024
        clock = FakeClock()
        counted = Counted()
        poller = Poller(Limits(allow_private=True), clock, clock.sleep, fetch_url=counted)
        print(f"feed: {args.items} items, {feed_kb:.1f} KB; pages {args.page_kb} KB each")
        print(f"{'poll':<34} {'requests':>8} {'KB':>9} {'new':>4} {'seconds':>8}")
        with Store(Path(tmp) / "load.duckdb") as store:
            watch = Watcher(store, [server.url("/feed.xml")], poller, clock=clock, stages=stages)
            for name in ("1. cold (every item new)", "2. unchanged (304)", "3. new items"):
                if name.startswith("3"):
                    fresh = items(server, args.items + 1, args.new, args.page_kb)
                    kept = [*fresh, *listed][: args.items]
                    server.serve("/feed.xml", Answer(body=rss("Wire", kept), etag='"2"'))
                before = (counted.requests, counted.bytes)
                started = time.perf_counter()
                done = watch.poll()
                took = time.perf_counter() - started
                asked, got = counted.requests - before[0], counted.bytes - before[1]
                print(f"{name:<34} {asked:>8} {got / 1024:>9.1f} {done.analysis.new:>4} {took:>8.2f}")  # fmt: skip
                clock.now += 900


if __name__ == "__main__":
    main()
