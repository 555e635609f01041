"""`newsgraph serve` (the page and the API) and `newsgraph report` (a situation report file)."""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.console import err
from newsgraph.cli.errors import guarded, write_atomically
from newsgraph.cli.store_cmds import DEFAULT_DB, DbOption, parse_day
from newsgraph.errors import NewsgraphError


def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind; other than loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Bearer token every request must carry.", envvar="NEWSGRAPH_TOKEN"),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Serve the web page and the JSON API over the database (read-only)."""
    with guarded(err, debug):
        if not _loopback(host) and not token:
            raise NewsgraphError(f"binding to {host} exposes the store: pass --token SECRET")
        import uvicorn

        from newsgraph.serve.app import create_app

        app = create_app(db, token)
        err.print(f"newsgraph: serving {db} at http://{host}:{port}/", highlight=False)
        uvicorn.run(app, host=host, port=port, log_level="warning")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ReportFormat(StrEnum):
    """Formats of `report`."""

    html = "html"
    md = "md"


def report_command(
    db: DbOption = DEFAULT_DB,
    place: Annotated[
        str | None, typer.Option(help="Only events at places whose name contains this.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Only events with this actor or recipient.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="html (self-contained) or md.")
    ] = ReportFormat.html,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """A situation report over the database: what happened, who said what, open disputes."""
    with guarded(err, debug):
        from newsgraph.report.situation import build_situation, render_html, render_md
        from newsgraph.store.query import Filters
        from newsgraph.store.read import Reader

        filters = Filters(actor=actor, place=place, since=parse_day(since), until=parse_day(until))
        reader = Reader(db)
        try:
            situation = build_situation(reader, filters)
        finally:
            reader.close()
        text = render_html(situation) if format is ReportFormat.html else render_md(situation)
        write_atomically(text, output)
