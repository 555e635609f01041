"""`newsgraph watch` as a user runs it, against a local feed server whose content changes
between polls, with the real pipeline: each new item stored once, a second outlet's report
merged into the incident, a 503 and a malformed poll survived across restarts, alerts on
stdout and in the JSONL file, and private addresses refused unless --allow-private."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from feed_server import Answer, FeedServer, Item, feed_server, page, rss
from newsgraph.cli.main import app

runner = CliRunner()
A1 = [
    "An air strike hit a crowded market in the city of Idlib on Tuesday, killing at least 20 "
    "people, the Syrian Observatory for Human Rights said.",
    "Rescue workers said the toll could rise as people remained trapped under the rubble of "
    "the market building.",
]
A2 = (
    "Delegations from the government and the opposition met in Geneva on Wednesday and said "
    "talks on a ceasefire would continue next week."
)
B1 = [
    "Warplanes bombed a busy market in Idlib on Tuesday, killing 23 civilians and wounding "
    "dozens, local activists said.",
    "Witnesses said the jets came back twice, and civil defence teams pulled survivors from "
    "the rubble for hours.",
]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def watch(db: Path, *args: str, private: bool = True) -> tuple[int, str, str]:
    extra = ["--allow-private"] if private else []
    result = runner.invoke(app, ["watch", *args, "--db", str(db), "--once", *extra])
    return result.exit_code, result.stdout, result.stderr


def documents(db: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT title, outlet FROM documents ORDER BY title").fetchall()
    finally:
        con.close()


@pytest.mark.model
def test_a_watch_over_a_changing_feed(server: FeedServer, tmp_path: Path):
    db = tmp_path / "watch.duckdb"
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# two wires\n{server.url('/a.xml')}\n\n{server.url('/b.xml')}  # B\n")
    a1 = Item("a1", "Air strike hits Idlib market", " ".join(A1), server.url("/a1"))
    huge = Item("a2", "Talks to continue", A2, server.url("/a2"))
    server.serve("/a.xml", Answer(body=rss("Wire A", [a1, huge]), etag='"a-1"'))
    server.serve("/a1", Answer(body=page(a1.title, A1), content_type="text/html"))
    server.serve("/a2", Answer(body=page(huge.title, [A2 + " x" * 300_000]), content_type="text/html"))  # fmt: skip
    server.serve("/b.xml", Answer(body=rss("Wire B", []), etag='"b-1"'))
    alert = ["--alert", "type=ASSAULT place=Idlib", "--alert", "type=PROTEST killed>=1"]

    # 1. the first poll: both items of A once (the huge page falls back to the feed's text)
    code, out, err = watch(db, str(feeds), *alert, "--max-bytes", "200000")
    assert code == 0, err
    assert "polled 2 (0 not modified): 2 items listed, 2 new" in err
    assert "incidents 1 new, 0 merged into existing ones; 0 failed" in err
    assert out.startswith("ALERT new ASSAULT in Idlib") and out.count("\n") == 1
    assert documents(db) == [
        ("Air strike hits Idlib market", "Wire A"),
        ("Talks to continue", "Wire A"),
    ]

    # 2. a restart; A unchanged (304), B now carries its own report of the same strike
    b1 = Item("b1", "Idlib market bombed", " ".join(B1), server.url("/b1"))
    server.serve("/b.xml", Answer(body=rss("Wire B", [b1]), etag='"b-2"'))
    server.serve("/b1", Answer(body=page(b1.title, B1), content_type="text/html"))
    code, out, err = watch(db, str(feeds), *alert)
    assert code == 0, err
    assert "polled 2 (1 not modified): 1 items listed, 1 new" in err
    assert "incidents 0 new, 1 merged into existing ones" in err
    assert out.startswith("ALERT grown ASSAULT in Idlib") and "2 report(s)" in out
    assert server.asked("/a.xml")[-1].headers["If-None-Match"] == '"a-1"'
    assert len(documents(db)) == 3
    log = [json.loads(line) for line in (tmp_path / "watch.alerts.jsonl").read_text().splitlines()]
    assert [r["change"] for r in log] == ["new", "grown"]
    assert log[1]["event"] == log[0]["event"] and log[1]["reports"] == 2
    assert log[1]["filters"] == "type=ASSAULT place=Idlib"
    assert sorted(log[1]["sources"]) == ["Wire A", "Wire B"]

    # 3. a 503 asking for an hour, and a malformed feed: one line each, nothing lost
    server.once("/a.xml", Answer(503, b"busy", "text/plain", headers={"Retry-After": "3600"}))
    server.serve("/b.xml", Answer(body=b"<rss><channel><title>Wire B</ti", etag='"b-3"'))
    code, out, err = watch(db, str(feeds), *alert)
    assert code == 1 and out == ""
    assert "2 failed" in err and "HTTP 503 Service Unavailable" in err
    assert f"{server.url('/b.xml')}: malformed feed" in err
    assert len(documents(db)) == 3
    con = duckdb.connect(str(db), read_only=True)
    wait = con.execute(
        "SELECT epoch(next_poll - last_poll), failures FROM watch_feeds WHERE url = ?",
        [server.url("/a.xml")],
    ).fetchone()
    con.close()
    assert wait == (3600.0, 1)

    # 4. while both back off, --once polls nothing; once they are due, the watch goes on
    code, _, err = watch(db, str(feeds))
    assert code == 0 and "nothing due" in err, err
    con = duckdb.connect(str(db))
    con.execute("UPDATE watch_feeds SET next_poll = last_poll")  # an hour later
    con.close()
    server.serve("/b.xml", Answer(body=rss("Wire B", [b1]), etag='"b-2"'))
    code, _, err = watch(db, str(feeds))
    assert code == 0, err
    assert "0 new" in err and "0 failed" in err and len(documents(db)) == 3


def test_private_addresses_are_refused_by_default(server: FeedServer, tmp_path: Path):
    server.serve("/a.xml", Answer(body=rss("Wire A", [])))
    code, _, err = watch(tmp_path / "w.duckdb", server.url("/a.xml"), private=False)
    assert code == 1
    assert "127.0.0.1 is a loopback address (use --allow-private to fetch it)" in err
    assert server.requests == []


def test_a_positive_twin_the_same_feed_with_allow_private(server: FeedServer, tmp_path: Path):
    server.serve("/a.xml", Answer(body=rss("Wire A", [])))
    code, _, err = watch(tmp_path / "w.duckdb", server.url("/a.xml"))
    assert code == 0 and "polled 1" in err and len(server.requests) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "10s"], "poll at most once a minute"),
        (["--every", "soon"], "not a duration"),
        (["--alert", "killed=5"], "cannot read 'killed=5'"),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, args: list[str], message: str):
    result = runner.invoke(app, ["watch", "https://example.org/rss", "--db", str(tmp_path / "w.duckdb"), "--once", *args])  # fmt: skip
    assert result.exit_code == 2 and message in result.stderr


def test_a_feed_list_with_a_line_that_is_no_url_is_refused(tmp_path: Path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/rss\nnot a url\n")
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and "feeds.txt:2: not an http(s) URL: not a url" in result.stderr


def test_sigterm_stops_a_sleeping_watch_at_once(server: FeedServer, tmp_path: Path):
    server.serve("/a.xml", Answer(body=rss("Wire A", []), etag='"1"'))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", "from newsgraph.cli.main import run; run()", "watch"]
    watching = subprocess.Popen(
        [*command, server.url("/a.xml"), "--db", str(tmp_path / "w.duckdb"), "--allow-private"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert watching.stderr is not None
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("polled 1" in line for line in lines):
            lines.append(watching.stderr.readline())
        assert any("polled 1" in line for line in lines), lines
        watching.send_signal(signal.SIGTERM)
        assert watching.wait(timeout=20) == 0
    finally:
        if watching.poll() is None:
            watching.kill()
            watching.wait()
        if watching.stderr is not None:
            watching.stderr.close()
