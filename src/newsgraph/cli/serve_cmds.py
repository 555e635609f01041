"""`newsgraph serve` (the page and the API) and `newsgraph report` (a situation report file)."""

from __future__ import annotations

import errno
import ipaddress
import socket
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
    port: Annotated[int, typer.Option(help="TCP port, 1 to 65535.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Token every request must carry: `Authorization: Bearer`, or open the page "
            "once as /?token=SECRET.",
            envvar="NEWSGRAPH_TOKEN",
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Also answer requests for this host name (repeatable; `*.example.org`, "
            "`*` for any). Loopback names and --host are always answered.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Serve the web page and the JSON API over the database (read-only)."""
    with guarded(err, debug):
        if not 1 <= port <= 65535:
            raise NewsgraphError(f"--port {port}: not a TCP port (use 1 to 65535)")
        if not _loopback(host) and not token:
            raise NewsgraphError(f"binding to {host} exposes the store: pass --token SECRET")
        import uvicorn

        from newsgraph.serve.app import create_app
        from newsgraph.serve.guard import host_name

        allowed = _host_patterns(allowed_host or [])
        app = create_app(db, token, [host_name(host), *allowed])
        listening = _listen(host, port)
        where = f"http://{host_name(host)}:{port}/"
        err.print(f"newsgraph: serving {db} at {where}", highlight=False)
        if _unspecified(host) and not allowed:
            err.print(
                "newsgraph: answering only requests for localhost, 127.0.0.1 and [::1]: name "
                "the host clients use (this machine's name or address) with --allowed-host",
                highlight=False,
            )
        config = uvicorn.Config(app, host=host, port=port, log_level="warning")
        uvicorn.Server(config).run(sockets=[listening])


def _host_patterns(patterns: list[str]) -> list[str]:
    """--allowed-host values as the Host check takes them: a name or address (IPv6 in
    brackets), `*.suffix`, or `*`; the check ignores ports, so a value with one is refused."""
    from newsgraph.serve.guard import host_name

    names = [host_name(pattern.strip()) for pattern in patterns]
    for name in names:
        wildcard = "*" in name and name != "*" and not name.startswith("*.")
        port = ":" in name and not name.startswith("[")
        if not name or wildcard or "*" in name[1:] or port:
            raise NewsgraphError(
                f"--allowed-host {name!r}: use a host name or address without a port, "
                "`*.example.org` or `*`"
            )
    return names


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line error saying why there is none."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise NewsgraphError(f"port {port} on {host} is in use") from None
        reason = exc.strerror or str(exc)
        raise NewsgraphError(f"cannot listen on port {port} on {host}: {reason}") from None
    return sock


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _unspecified(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
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
