"""`newsgraph ingest`, `query` and `export` as a user runs them, on real article text."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, shared_path
from newsgraph.cli.main import app
from newsgraph.store.db import Store

pytestmark = pytest.mark.model
runner = CliRunner()
PAGE = """<!doctype html><html><head><title>Strike on Idlib market</title>
<meta property="og:title" content="Air strike hits Idlib market">
<meta name="author" content="Jane Doe"><meta name="date" content="2017-04-05">
</head><body><nav>Home | World | Sport</nav><article>
<h1>Air strike hits Idlib market</h1>
<p>An air strike hit a crowded market in Idlib on Tuesday, killing at least 20 people, the
Syrian Observatory for Human Rights said.</p>
<p>"The planes came twice," a resident told Reuters. Rescue workers said the toll could rise
as people remained trapped under the rubble of the market building.</p>
</article><footer>Copyright 2017</footer></body></html>"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "web").mkdir(parents=True)
    (folder / "asapov.txt").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    (folder / "web" / "idlib.html").write_text(PAGE, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def ingest(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *args])
    return result.exit_code, result.stderr


def test_a_folder_is_ingested_bad_files_named_and_a_rerun_changes_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "g.duckdb"
    code, err = ingest(str(corpus), "--db", str(db))
    assert code == 1  # some inputs failed
    assert "empty.txt: empty file" in err and "junk.txt: binary data" in err
    assert "read 4, new 2, updated 0, unchanged 0" in err and "failed 2" in err
    con = duckdb.connect(str(db), read_only=True)
    titles = {t for (t,) in con.execute("SELECT title FROM documents").fetchall()}
    con.close()
    assert titles == {
        "Syria: Top Russian general killed in IS attack",
        "Air strike hits Idlib market",
    }
    code, err = ingest(str(corpus), "--db", str(db))
    assert "new 0, updated 0, unchanged 2" in err


def test_queries_filter_and_format(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    ingest(str(corpus / "asapov.txt"), str(corpus / "web"), "--db", str(db))
    result = runner.invoke(
        app,
        ["query", "events", "--db", str(db), "--type", "assault", "--place", "deir", "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events and all(e["type"] == "ASSAULT" and "Deir" in e["place"] for e in events)
    result = runner.invoke(
        app, ["query", "quotes", "--db", str(db), "--speaker", "Konashenkov", "-f", "csv"]
    )
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows and all(r["speaker"] == "Igor Konashenkov" for r in rows)
    result = runner.invoke(app, ["query", "places", "--db", str(db), "--place", "idlib"])
    assert result.exit_code == 0 and "Idlib" in result.stdout
    target = tmp_path / "actors.parquet"
    result = runner.invoke(
        app, ["query", "actors", "--db", str(db), "-f", "parquet", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    names = duckdb.sql(f"SELECT name FROM '{target}'").fetchall()
    assert ("Russia",) in names and ("Islamic State",) in names
    result = runner.invoke(app, ["query", "events", "--db", str(db), "--since", "yesterday"])
    assert result.exit_code == 2 and "not a date" in result.stderr


def test_exports_and_a_missing_database(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    ingest(str(corpus / "asapov.txt"), "--db", str(db))
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "acled"])
    assert result.stdout.startswith("event_id_cnty,event_date,year,event_type,sub_event_type")
    assert "Deir ez-Zor" in result.stdout
    out = tmp_path / "plover.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "-o", str(out)])
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert any(r["event_type"] == "ASSAULT" and r["killed"] == "Valery Asapov" for r in rows)
    assert all(r["cameo_root"] == r["cameo_code"][:2] for r in rows if r["cameo_code"])
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert result.stdout == out.read_text("utf-8")  # csv is the PLOVER layout
    result = runner.invoke(app, ["query", "events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such database" in result.stderr


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/idlib":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_urls_are_fetched_and_a_404_is_one_line(site: str, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    code, err = ingest(f"{site}/idlib", f"{site}/gone", "--db", str(db), "--allow-private")
    assert code == 1 and f"{site}/gone: HTTP 404" in err and "new 1" in err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT url FROM documents").fetchall() == [(f"{site}/idlib",)]
    con.close()


def test_a_loopback_url_is_refused_without_allow_private(site: str, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    code, err = ingest(f"{site}/idlib", "--db", str(db))
    refused = "refused: 127.0.0.1 is a loopback address (use --allow-private to fetch it)"
    assert code == 1 and f"skipped {site}/idlib: {refused}\n" in err and "new 0" in err


@pytest.mark.parametrize("seconds", ["-1", "0"])
def test_a_timeout_of_zero_or_less_is_a_bad_option(seconds: str, tmp_path: Path) -> None:
    code, err = ingest("http://127.0.0.1:9/", "--timeout", seconds, "--db", str(tmp_path / "g"))
    message = " ".join(err.replace("│", " ").split())  # click may wrap it in a box
    assert code == 2 and f"Invalid value for '--timeout': {seconds} is not more than 0" in message
    assert "invalid URL" not in err and not (tmp_path / "g").exists()


def test_a_huge_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    started = time.perf_counter()
    code, err = ingest(str(huge), "--db", str(tmp_path / "g.duckdb"))
    assert code == 1 and "huge.txt" in err and "cap" in err
    assert time.perf_counter() - started < 10


def test_a_csv_with_a_column_mapping(tmp_path: Path) -> None:
    source = shared_path("corpus/fakes/FA-KES-Dataset.csv")
    lines = source.read_text("utf-8").splitlines(keepends=True)
    sample = tmp_path / "fakes.csv"
    sample.write_text("".join(lines[:6]), "utf-8")  # header + 5 rows (one article a line)
    db = tmp_path / "g.duckdb"
    columns = ["--csv-text", "article_content", "--csv-title", "article_title"]
    columns += ["--csv-date", "date", "--csv-source", "source"]
    code, err = ingest(str(sample), *columns, "--db", str(db))
    assert code == 0, err
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT outlet, published, source FROM documents ORDER BY source").fetchall()
    con.close()
    assert len(rows) == 5 and all(r[0] and r[1] for r in rows)
    assert rows[0][2].endswith("fakes.csv:1")


def _articles(folder: Path, n: int) -> None:
    """`n` different real-looking articles: the reference article's paragraphs, rotated."""
    paragraphs = EXAMPLE.read_text("utf-8").split("\n\n")
    title, body = paragraphs[0], paragraphs[1:]
    for i in range(n):
        text = "\n\n".join(body[i % len(body) :] + body[: i % len(body)])
        dateline = f"MOSCOW, Sept. {i + 1} (Reuters) -"
        (folder / f"a{i:02}.txt").write_text(f"{title} ({i})\n\n{dateline} {text}", "utf-8")


def _wal_size_of_an_empty_store(path: Path) -> int:
    with Store(path):
        return Path(f"{path}.wal").stat().st_size


def test_killing_an_ingest_loses_nothing_committed_and_the_next_run_resumes(
    tmp_path: Path,
) -> None:
    folder, db = tmp_path / "many", tmp_path / "g.duckdb"
    folder.mkdir()
    _articles(folder, 24)
    command = [sys.executable, "-c", "from newsgraph.cli.main import run; run()"]
    args = ["ingest", str(folder), "--db", str(db), "--batch", "2"]
    proc = subprocess.Popen([*command, *args], stderr=subprocess.DEVNULL)
    wal = Path(f"{db}.wal")
    schema_only = _wal_size_of_an_empty_store(tmp_path / "empty.duckdb")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > schema_only + 4096:
            break  # a first batch of documents is committed
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(db))
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    orphans = con.execute(
        "SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT id FROM documents)"
    ).fetchone()[0]
    con.close()
    assert 0 < stored < 24 and orphans == 0
    done = subprocess.run([*command, *args], stderr=subprocess.PIPE, text=True, check=False)
    assert f"new {24 - stored}, updated 0, unchanged {stored}" in done.stderr
    whole = tmp_path / "whole.duckdb"
    subprocess.run([*command, "ingest", str(folder), "--db", str(whole)], check=True)
    counts = "SELECT d.title, count(q.id) FROM documents d LEFT JOIN quotes q ON q.doc_id = d.id GROUP BY 1 ORDER BY 1"
    merging = (
        "SELECT d.title, d.duplicate_of, d.story_id, list(e.cluster_id ORDER BY e.id) "
        "FROM documents d LEFT JOIN events e ON e.doc_id = d.id GROUP BY ALL ORDER BY 1"
    )
    resumed, fresh = (
        [con.execute(sql).fetchall() for sql in (counts, merging)]
        for con in (duckdb.connect(str(p), read_only=True) for p in (db, whole))
    )
    assert resumed == fresh and len(fresh[0]) == 24  # the same rows, copies, stories, clusters


def _rows(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    tables = [
        t
        for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
        ).fetchall()
    ]
    rows = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # type: ignore[index]
    con.close()
    return rows


def test_a_document_over_its_budget_is_skipped_and_nothing_of_it_stored(
    corpus: Path, tmp_path: Path
) -> None:
    long = tmp_path / "long" / "dump.txt"
    long.parent.mkdir()
    long.write_text("A dump\n\n" + EXAMPLE.read_text("utf-8") * 8, "utf-8")
    db = tmp_path / "g.duckdb"
    code, err = ingest(str(corpus), str(long), "--db", str(db), "--max-chars", "10000")
    assert code == 1
    assert "dump.txt: 20," in err and "over the 10,000-character budget (--max-chars)" in err
    assert "new 2" in err and "failed 3" in err
    # over time: each document stops after a stage, and none leaves a row behind
    db = tmp_path / "timed.duckdb"
    code, err = ingest(str(corpus), "--db", str(db), "--doc-timeout", "0.001")
    assert code == 1
    assert "asapov.txt: took over 0.001 s (--doc-timeout), stopped after" in err
    assert "new 0" in err and "failed 4" in err
    rows = _rows(db)
    assert rows.pop("meta") and rows and not any(rows.values()), rows  # meta: the schema
