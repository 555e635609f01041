"""The `newsgraph` command: thin wrappers around the library."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsgraph.cli.console import err, say
from newsgraph.cli.errors import (
    DocTimeoutOption,
    MaxCharsOption,
    check_output,
    guarded,
    write_atomically,
)
from newsgraph.cli.eval_cmd import app as eval_app
from newsgraph.cli.gazetteer_cmds import app as gazetteer_app
from newsgraph.cli.inputs import expand, read_all
from newsgraph.cli.serve_cmds import report_command, serve_command
from newsgraph.cli.store_cmds import export_command, ingest_command, load_command, query_command
from newsgraph.cli.watch_cmd import watch_command
from newsgraph.corpus import Summary
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.model import Doc
from newsgraph.pipeline import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_CHARS, Budget, build, run_many
from newsgraph.report.json_out import render_json
from newsgraph.report.markdown import render_markdown
from newsgraph.resources import Resources

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="News articles in, a source-traced knowledge graph out.",
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    """Output formats of `analyze`."""

    md = "md"
    json = "json"


app.add_typer(eval_app, name="eval")
app.add_typer(gazetteer_app, name="gazetteer")
app.command("ingest")(ingest_command)
app.command("query")(query_command)
app.command("export")(export_command)
app.command("load")(load_command)
app.command("serve")(serve_command)
app.command("report")(report_command)
app.command("watch")(watch_command)


@app.callback()
def main() -> None:
    """newsgraph: events, quotes, claims, people, places and source chains from news articles."""


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories (plain text).")],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="md (report) or json.")
    ] = Format.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the inputs.")] = "utf-8",
    max_bytes: Annotated[
        int, typer.Option(help="Skip inputs larger than this.", min=1)
    ] = DEFAULT_MAX_BYTES,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    doc_timeout: DocTimeoutOption = DEFAULT_DOC_TIMEOUT,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Analyse articles and print a situation report (md) or the extracted graph (json)."""
    with guarded(err, debug):
        check_output(output)
        budget = Budget(max_chars=max_chars, seconds=doc_timeout)
        docs, summary = _analyze(expand(paths), encoding, max_bytes, budget, debug)
        text = render_json(docs) if format is Format.json else render_markdown(docs)
        write_atomically(text, output)
    if summary.failed:
        err.print(
            f"newsgraph: {len(summary.failed)} input(s) failed, {summary.analysed} analysed",
            highlight=False,
        )
        raise typer.Exit(1)


def _analyze(
    paths: list[Path], encoding: str, max_bytes: int, budget: Budget, debug: bool = False
) -> tuple[list[Doc], Summary]:
    pipeline = build()
    res = Resources()
    docs: list[Doc] = []
    summary = Summary()
    show = len(paths) > 1 and err.is_terminal
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=not show) as bar:
        task = bar.add_task("analyse", total=len(paths))
        for outcome in run_many(pipeline, read_all(paths, encoding, max_bytes), res, budget):
            summary.read += 1
            failure = summary.count(outcome)
            if outcome.doc is not None:
                docs.append(outcome.doc)
            elif failure is not None:
                if debug and outcome.error is not None and outcome.error.__cause__ is not None:
                    raise outcome.error
                say(err, "newsgraph: skipped", f"{failure.source}: {failure.reason}")
            bar.advance(task)
    return docs, summary


def run() -> None:
    """Entry point of the console script."""
    app()
