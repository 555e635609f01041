"""`newsgraph watch`: poll feeds and pages into the store on a schedule, with alerts."""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Annotated, TextIO

import typer

from newsgraph.cli.console import err, say
from newsgraph.cli.errors import DocTimeoutOption, MaxCharsOption, guarded
from newsgraph.cli.store_cmds import DEFAULT_DB, DbOption
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.fetch import USER_AGENT
from newsgraph.ingest.sources import is_url
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.ingest.watch import Limits, Poller
from newsgraph.pipeline import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_CHARS, Budget
from newsgraph.report.alerts import parse_filter
from newsgraph.store.db import Store
from newsgraph.store.watch_state import computes_single_side
from newsgraph.watch import Round, Watcher

NO_SINGLE_SIDE = (
    "single-side matches nothing: this store computes no corroboration (which origins stand "
    "behind an incident)"
)
MIN_EVERY = 60.0  # a feed is not a chat: polling faster than this is refused
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str) -> float:
    """`15m`, `90s`, `1h30m`, `2d` or plain seconds (`900`) -> seconds."""
    value = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    if not value or not re.fullmatch(r"(\d+(\.\d+)?[smhd])+", value):
        raise typer.BadParameter(f"{text!r} is not a duration (use 90s, 15m, 1h30m or 2d)")
    return sum(float(n) * _UNITS[unit] for n, unit in re.findall(r"(\d+(?:\.\d+)?)([smhd])", value))


def _duration_text(text: str) -> str:
    """An option's duration, checked as typer parses it (a bad one is a usage error)."""
    parse_duration(text)
    return text


def _every_text(text: str) -> str:
    if parse_duration(text) < MIN_EVERY:
        raise typer.BadParameter(f"{text}: poll at most once a minute")
    return text


def watch_command(
    feeds: Annotated[
        list[str],
        typer.Argument(
            help="Feed or page URLs, or files listing them (one URL a line, # comments)."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    every: Annotated[
        str,
        typer.Option(
            help="How often to poll each URL: 90s, 15m, 1h (at least 1m).", callback=_every_text
        ),
    ] = "15m",
    once: Annotated[
        bool, typer.Option(help="Poll every URL once (those backing off excepted) and stop.")
    ] = False,
    alert: Annotated[
        list[str] | None,
        typer.Option(
            help="Print (and log) new or grown incidents matching this filter, e.g. "
            "'type=ASSAULT place=Aleppo killed>=5', 'actor=Syria', 'single-side', 'any'. "
            "Repeatable: an incident matching any of them is shown."
        ),
    ] = None,
    alerts_file: Annotated[
        Path | None,
        typer.Option(
            help="JSONL file alerts are appended to (default: beside --db, NAME.alerts.jsonl)."
        ),
    ] = None,
    publish: Annotated[
        Path | None,
        typer.Option(
            help="After each poll, replace this file with a copy of the store, for "
            "`newsgraph serve --db` (which follows it)."
        ),
    ] = None,
    host_delay: Annotated[
        str,
        typer.Option(
            help="Time between two requests to one host (robots.txt may ask more).",
            callback=_duration_text,
        ),
    ] = "2s",
    max_items: Annotated[
        int, typer.Option(help="Items read per URL per poll; the rest wait for the next.", min=1)
    ] = 50,
    poll_bytes: Annotated[
        int, typer.Option(help="Bytes read per URL per poll (feed and pages), then stop.", min=1)
    ] = 20_000_000,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse a feed or page larger than this.", min=1)
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a URL.", min=0.001)] = 20.0,
    allow_private: Annotated[
        bool,
        typer.Option(
            help="Also fetch from loopback, private, link-local and other non-public addresses."
        ),
    ] = False,
    contact: Annotated[
        str | None,
        typer.Option(help="A URL or e-mail address for site owners, added to the User-Agent."),
    ] = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    doc_timeout: DocTimeoutOption = DEFAULT_DOC_TIMEOUT,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Poll RSS/Atom feeds and pages on a schedule; store each new item once; alert."""
    failed = False
    with guarded(err, debug):
        limits = Limits(
            every=parse_duration(every),
            host_delay=parse_duration(host_delay),
            max_items=max_items,
            poll_bytes=poll_bytes,
            max_bytes=max_bytes,
            timeout=timeout,
            allow_private=allow_private,
        )
        urls = watched_urls(feeds)
        filters = [parse_filter(text) for text in alert or ()]
        log = alerts_file or db.with_name(db.stem + ".alerts.jsonl")
        stop = threading.Event()
        agent = f"{USER_AGENT} (+{contact})" if contact else USER_AGENT
        with Store(db) as store, _stopping(stop), _appending(log, bool(filters)) as sink:
            if any(f.single_side for f in filters) and not computes_single_side(store):
                say(err, "newsgraph: note:", NO_SINGLE_SIDE, "yellow")
            budget = Budget(max_chars=max_chars, seconds=doc_timeout)
            poller = Poller(limits, sleep=stop.wait, user_agent=agent)
            watcher = Watcher(store, urls, poller, filters, budget, stop, publish=publish)
            err.print(
                f"newsgraph: watching {len(urls)} URL(s) every {every} -> {db}"
                + ("" if once else " (Ctrl-C to stop)"),
                highlight=False,
            )

            def report(done: Round) -> None:
                nonlocal failed
                failed = failed or bool(done.all_failures)
                _print_round(done, sink)

            try:
                watcher.run(once, report)
            except KeyboardInterrupt:  # a second Ctrl-C: what was committed stays
                err.print("newsgraph: stopped; run the same command again to resume")
                raise typer.Exit(130) from None
    if once and failed:
        raise typer.Exit(1)


def watched_urls(names: list[str]) -> list[str]:
    """The URLs named, and those listed in the files named, in order, each once."""
    urls: list[str] = []
    for name in names:
        if is_url(name):
            urls.append(name)
            continue
        try:
            lines = Path(name).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise InputError(
                f"{name}: not a URL, and cannot read it as a list of URLs ({why})"
            ) from None
        for number, line in enumerate(lines, start=1):
            url = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if url and not is_url(url):
                raise InputError(f"{name}:{number}: not an http(s) URL: {url}")
            if url:
                urls.append(url)
    if not urls:
        raise NewsgraphError("no URL to watch")
    return list(dict.fromkeys(urls))


@contextmanager
def _stopping(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C or SIGTERM: finish the batch in hand, then stop; a second Ctrl-C stops now."""

    def ask(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print(
            "newsgraph: stopping after the batch in hand (Ctrl-C again to stop now)",
            highlight=False,
        )

    if threading.current_thread() is not threading.main_thread():  # signals are the main's
        yield
        return
    before = {sig: signal.signal(sig, ask) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@contextmanager
def _appending(path: Path, wanted: bool) -> Iterator[TextIO | None]:
    if not wanted:
        yield None
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sink = path.open("a", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot append alerts ({exc.strerror or exc})") from None
    with sink:
        yield sink


def _print_round(done: Round, sink: TextIO | None) -> None:
    a = done.analysis
    when = datetime.fromtimestamp(done.at).strftime("%H:%M:%S")
    if not done.polled:
        due = datetime.fromtimestamp(done.next_due).strftime("%Y-%m-%d %H:%M:%S")
        err.print(f"newsgraph: {when} nothing due: backing off until {due}", highlight=False)
        return
    err.print(
        f"newsgraph: {when} polled {done.polled} ({done.not_modified} not modified): "
        f"{done.listed} items listed, {a.new} new, {a.changed} updated, "
        f"{done.seen + done.stored_already} already stored, {done.near_duplicates} "
        f"near-duplicates, {done.deferred} waiting; incidents {done.new_incidents} new, "
        f"{done.grown_incidents} merged into existing ones; {len(done.all_failures)} failed; "
        f"{done.bytes / 1024:,.0f} KB downloaded",
        highlight=False,
    )
    for failure in done.all_failures:
        say(err, "  failed", f"{failure.source}: {failure.reason}")
    for found in done.alerts:
        sys.stdout.write(found.line() + "\n")
        if sink is not None:
            sink.write(found.json() + "\n")
    sys.stdout.flush()
    if sink is not None:
        sink.flush()
