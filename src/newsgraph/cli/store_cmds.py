"""`newsgraph ingest`, `query` and `export`: a corpus into the store, and back out of it."""

from __future__ import annotations

import json
import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.cli import console
from newsgraph.cli.console import err, plain, say
from newsgraph.cli.errors import DocTimeoutOption, MaxCharsOption, guarded, write_atomically
from newsgraph.corpus import BATCH, Summary, ingest
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.sources import ReadOptions
from newsgraph.ingest.tables import ColumnMap
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.model import Unreadable
from newsgraph.pipeline import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_CHARS, Budget
from newsgraph.report.escape import csv_cell
from newsgraph.report.export import ExportFormat, export_csv
from newsgraph.resources import Resources
from newsgraph.store.db import Store
from newsgraph.store.query import Filters, Result, What, run_query, write_parquet

DEFAULT_DB = Path("newsgraph.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB database file.")]


class Engine(StrEnum):
    """Where `ingest` runs the pipeline."""

    local = "local"
    ray = "ray"


def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories, globs or http(s) URLs: text, HTML, feeds, WARC, CSV, JSONL."
        ),
    ],
    db: Annotated[
        Path | None,
        typer.Option("--db", help="The DuckDB database file [default: newsgraph.duckdb]."),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Processes for the NLP (0: one per CPU core).", min=0)
    ] = 1,
    encoding: Annotated[
        str, typer.Option(help="Encoding of text, CSV and JSONL inputs.")
    ] = "utf-8",
    max_bytes: Annotated[
        int, typer.Option(help="Skip inputs (or archive records) larger than this.", min=1)
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for a URL.", callback=positive_seconds)
    ] = 20.0,
    allow_private: Annotated[
        bool,
        typer.Option(
            help="Also fetch URLs (and follow redirects) to loopback, private, link-local and "
            "other non-public addresses."
        ),
    ] = False,
    csv_text: Annotated[
        str | None, typer.Option(help="CSV/JSONL column with the article text.")
    ] = None,
    csv_title: Annotated[str | None, typer.Option(help="Column with the title.")] = None,
    csv_date: Annotated[str | None, typer.Option(help="Column with the publication date.")] = None,
    csv_source: Annotated[str | None, typer.Option(help="Column with the outlet.")] = None,
    csv_url: Annotated[str | None, typer.Option(help="Column with the article URL.")] = None,
    batch: Annotated[
        int, typer.Option(help="Documents per transaction (what a crash can cost).", min=1)
    ] = BATCH,
    engine: Annotated[
        Engine, typer.Option(help="local (processes on this machine) or ray (a Ray cluster).")
    ] = Engine.local,
    address: Annotated[
        str | None, typer.Option(help="With --engine ray: auto, or ray://HOST:PORT.")
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", help="With --engine ray: folder (or URI) for Parquet.")
    ] = Path("newsgraph-parquet"),
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    doc_timeout: DocTimeoutOption = DEFAULT_DOC_TIMEOUT,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Read sources into the database: analyse new or changed articles, merge across outlets.

    With --engine ray, write Parquet partitions to --output instead; `newsgraph load` then
    puts them into a database, or give --db and they are loaded into it at the end."""
    columns = (
        ColumnMap(text=csv_text, title=csv_title, date=csv_date, source=csv_source, url=csv_url)
        if csv_text
        else None
    )
    options = ReadOptions(
        encoding=encoding,
        max_bytes=max_bytes,
        timeout=timeout,
        columns=columns,
        allow_private=allow_private,
    )
    count = workers if workers > 0 else (os.cpu_count() or 1)
    budget = Budget(max_chars=max_chars, seconds=doc_timeout)
    if engine is Engine.ray:
        with guarded(err, debug):
            failed = _ingest_ray(sources, output, options, count, address, db, budget)
            if db is not None:  # asked for a database: load the partitions into it
                _load(db, output)
        if failed:
            raise typer.Exit(1)
        return
    db = db or DEFAULT_DB
    with guarded(err, debug):
        summary = _ingest(sources, db, options, count, max(1, batch), budget)
    _print_summary(summary, db)
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(1)


def positive_seconds(value: float) -> float:
    """A --timeout of 0 or less would make every URL fail: refuse it as a bad option value."""
    if value <= 0:
        raise typer.BadParameter(f"{value:g} is not more than 0 seconds")
    return value


def _ingest_ray(
    sources: list[str],
    out: Path,
    options: ReadOptions,
    workers: int,
    address: str | None,
    db: Path | None,
    budget: Budget,
) -> bool:
    """Run the Ray ingest; True when some inputs failed."""
    from newsgraph.scale.ray_engine import run_ray

    err.print(f"newsgraph: ingesting on Ray ({workers} workers) -> {out}", highlight=False)
    run = run_ray(sources, out, options, workers, address, budget)
    for failure in run.failed:
        say(err, "newsgraph: skipped", f"{failure.source}: {failure.reason}")
    peak = max(run.peak_rss_mb, default=0.0)
    err.print(
        f"newsgraph: done: {run.partitions} partitions ({run.skipped} already done), read "
        f"{run.read}, stored {run.stored}, near-duplicates {run.copies}, failed "
        f"{len(run.failed)}; peak RSS per worker {peak:.0f} MB -> {out}"
        + ("" if db else f" (next: newsgraph load {out} --db PATH)"),
        highlight=False,
    )
    return bool(run.failed)


def load_command(
    folder: Annotated[Path, typer.Argument(help="The --output folder of `ingest --engine ray`.")],
    db: DbOption = DEFAULT_DB,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Load Parquet partitions written by `ingest --engine ray` into the database."""
    with guarded(err, debug):
        _load(db, folder)


def _load(db: Path, folder: Path) -> None:
    from newsgraph.store.load import load_parquet

    loaded = load_parquet(db, folder)
    err.print(
        f"newsgraph: loaded {loaded.documents} documents ({loaded.copies} near-duplicates), "
        f"{loaded.events} events -> {db}",
        highlight=False,
    )


def _ingest(
    sources: list[str], db: Path, options: ReadOptions, workers: int, batch: int, budget: Budget
) -> Summary:
    columns = (
        SpinnerColumn(),
        TextColumn("ingesting {task.fields[done]} stored, {task.fields[read]} read"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
    )
    with Store(db) as store, Progress(*columns, console=err, disable=not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=None, done=0, read=0, rate=0.0)

        def progress(s: Summary) -> None:
            rate = s.stored / s.seconds if s.seconds else 0.0
            bar.update(task, done=s.stored, read=s.read, rate=rate)

        def failed(item: Unreadable) -> None:
            say(err, "newsgraph: skipped", f"{item.source}: {item.reason}")

        return ingest(sources, store, options, workers, progress, failed, batch, budget)


def _print_summary(s: Summary, db: Path) -> None:
    rate = s.stored / s.seconds if s.seconds else 0.0
    head = "interrupted" if s.interrupted else "done"
    err.print(
        f"newsgraph: {head}: read {s.read}, new {s.new}, updated {s.changed}, "
        f"unchanged {s.unchanged}, near-duplicates {s.copies}, failed {len(s.failed)} "
        f"({rate:.1f} articles/s) -> {db}",
        highlight=False,
    )
    for reason, n in s.reasons().most_common():
        err.print(f"  failed {n}: {reason}", highlight=False, markup=False)
    if s.interrupted:
        err.print("newsgraph: run the same command again to resume", highlight=False)


class QueryFormat(StrEnum):
    """Output formats of `query`."""

    table = "table"
    json = "json"
    csv = "csv"
    parquet = "parquet"


class ExportFormatOption(StrEnum):
    """Layouts of `export`."""

    plover = "plover"
    csv = "csv"  # the PLOVER layout under the name GDELT/ICEWS users look for
    acled = "acled"


def query_command(
    what: Annotated[What, typer.Argument(help="events, quotes, actors or places.")],
    db: DbOption = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="Event type (PLOVER).")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor or recipient name contains.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Quote speaker contains.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name contains.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    text: Annotated[str | None, typer.Option(help="Evidence text contains.")] = None,
    min_origins: Annotated[
        int | None,
        typer.Option(help="Events or quotes told by at least N independent origins.", min=0),
    ] = None,
    single_side: Annotated[
        bool,
        typer.Option(
            "--single-side",
            help="Only events or quotes every origin of which belongs to one party to them.",
        ),
    ] = False,
    side: Annotated[
        str | None,
        typer.Option(help="Events or quotes an origin of which belongs to this side (in part)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.", min=0)] = None,
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, json, csv or parquet.")
    ] = QueryFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Events (merged across reports), quotes, actors or places from the database."""
    with guarded(err, debug):
        filters = Filters(
            type,
            actor,
            speaker,
            place,
            parse_day(since),
            parse_day(until),
            text,
            limit,
            min_origins=min_origins,
            single_side=True if single_side else None,
            side=side,
        )
        if format is QueryFormat.parquet:
            if output is None:
                raise NewsgraphError("--format parquet needs --output FILE")
            n = write_parquet(db, what, filters, output)
            err.print(f"newsgraph: {n} rows -> {output}", highlight=False)
            return
        result = run_query(db, what, filters)
        if format is QueryFormat.table and output is None:
            console.out().print(_table(result))
            return
        text_out = _json(result) if format is QueryFormat.json else _csv(result)
        write_atomically(text_out, output)


def export_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        ExportFormatOption,
        typer.Option(
            "--format",
            "-f",
            help="plover or csv (PLOVER fields, CAMEO code and root, GDELT QuadClass and "
            "Goldstein score), or acled.",
        ),
    ] = ExportFormatOption.plover,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Every merged event as CSV: PLOVER fields plus CAMEO codes, or ACLED-like columns."""
    with guarded(err, debug):
        result = run_query(db, "events", Filters(since=parse_day(since), until=parse_day(until)))
        layout: ExportFormat = "acled" if format is ExportFormatOption.acled else "plover"
        write_atomically(export_csv(result, layout, Resources().events), output)


def parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise NewsgraphError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _json(result: Result) -> str:
    rows = [{c: _plain(v) for c, v in zip(result.columns, r, strict=True)} for r in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1)


def _csv(result: Result) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(
            [csv_cell("; ".join(map(str, v)) if isinstance(v, list) else v) for v in row]
        )
    return out.getvalue()


def _table(result: Result) -> Table:
    """The rows for a terminal, less the columns no row fills (`within` of places that all
    are themselves): a narrow screen keeps room for the names."""
    used = [i for i in range(len(result.columns)) if any(r[i] is not None for r in result.rows)]
    if not result.rows:
        used = list(range(len(result.columns)))
    table = Table(*(result.columns[i] for i in used), show_lines=False)
    for row in result.rows:
        cells = (row[i] for i in used)
        table.add_row(*(plain("; ".join(map(str, v)) if isinstance(v, list) else v) for v in cells))
    return table
