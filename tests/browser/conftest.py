"""A real store, a real server and headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import csv
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "asapov_deir_ez_zor.txt"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
# Flags for a sandboxed CI machine with no network: no background connections, no GPU.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # a DNS-rebinding domain: a name that is not ours, resolving to this machine
    "--host-resolver-rules=MAP rebound.test 127.0.0.1",
]
TOKEN = "s3cret-browser-token"
# Villages the gazetteer lacks, kept at the point of the town or province the text puts them in
# (precision 2 and 3): the map draws them as rings, apart from the places themselves.
VILLAGES = """Villages shelled near Hama

Rebels shelled Tal Sukkar (Hama, Syria) on Tuesday, killing three soldiers, state media said.
Government jets bombed Kherbet Hadla in Hama province on Tuesday, killing five civilians, a
monitor said.
"""
HOSTILE = """Rebels say <script>window.__pwned = 1</script> army shelled Homs

Rebels said on Monday that the army shelled Homs <img src=x onerror="window.__pwned = 2">, killing
five people. "Click <a href="javascript:window.__pwned = 3">here</a> for the truth," the rebel
spokesman said. <svg onload="window.__pwned = 4"></svg> The army denied shelling Homs.
"""


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.corpus import ingest
    from newsgraph.ingest.sources import ReadOptions
    from newsgraph.ingest.tables import ColumnMap
    from newsgraph.store.db import Store

    folder = tmp_path_factory.mktemp("browser")
    title, _, body = EXAMPLE.read_text("utf-8").partition("\n")
    hostile_title, _, hostile_body = HOSTILE.partition("\n")
    with (folder / "dated.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "text", "date", "source"])
        writer.writerow([title, body.strip(), "2017-09-25", "RT"])
        writer.writerow([hostile_title, hostile_body.strip(), "2017-09-26", "Rebel TV"])
        villages_title, _, villages_body = VILLAGES.partition("\n")
        writer.writerow([villages_title, villages_body.strip(), "2017-09-27", "Local Monitor"])
    sources = [str(folder / "dated.csv")]
    fakes = SHARED / "corpus" / "fakes" / "FA-KES-Dataset.csv"
    if fakes.exists():  # a slice of real Syrian-war reports, when ../shared is here
        lines = fakes.read_text("utf-8").splitlines(keepends=True)
        with (folder / "dated.csv").open("a", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            for row in csv.DictReader(lines[:41]):
                writer.writerow(
                    [row["article_title"], row["article_content"], row["date"], row["source"]]
                )
    columns = ColumnMap("text", "title", "date", "source")
    db = folder / "page.duckdb"
    with Store(db) as target:
        summary = ingest(sources, target, ReadOptions(columns=columns))
    assert not summary.failed, summary.failed
    return db


@contextmanager
def running(app: Any) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread; its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(store: Path) -> Iterator[str]:
    from newsgraph.serve.app import create_app

    with running(create_app(store)) as url:
        yield url


@pytest.fixture(scope="session")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, token) of a server that wants the token, over an empty store (no model)."""
    from newsgraph.serve.app import create_app
    from newsgraph.store.db import Store

    db = tmp_path_factory.mktemp("token") / "token.duckdb"
    Store(db).close()
    with running(create_app(db, token=TOKEN)) as url:
        yield url, TOKEN


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER"):
            pytest.fail("no /usr/bin/chromium although scripts/check.sh tried to install it")
        pytest.skip("no /usr/bin/chromium: scripts/check.sh (.ci/run) installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.goto(server)
    tab.wait_for_selector("body[data-ready=yes]", timeout=20_000)
    tab.errors = errors
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
