"""How every command fails: one red line, a distinct exit code, a traceback only with --debug."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.errors import NewsgraphError

# The budget of one document, the same on `analyze` and `ingest`.
MaxCharsOption = Annotated[
    int,
    typer.Option(help="Skip documents longer than this many characters (after cleanup).", min=1),
]
DocTimeoutOption = Annotated[
    float,
    typer.Option(
        help="Skip a document still being analysed after this many seconds (checked "
        "between stages, so one stage may overrun it).",
        min=0.001,
    ),
]


@contextmanager
def guarded(err: Console, debug: bool) -> Iterator[None]:
    """Turn a user's error into exit 2 and a bug into exit 3, each as one line."""
    try:
        yield
    except typer.Exit:
        raise
    except NewsgraphError as exc:
        if debug:
            raise
        err.print(f"[red]newsgraph: error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from None
    except Exception as exc:
        if debug:
            raise
        err.print(
            f"[red]newsgraph: internal error:[/red] {type(exc).__name__}: {escape(str(exc))} "
            "(run again with --debug for the traceback)",
            highlight=False,
        )
        raise typer.Exit(3) from None


def skipped(source: str, reason: object) -> str:
    """The one line for an input that could not be analysed (names may hold "[" and "]")."""
    return f"[red]newsgraph: skipped[/red] {escape(source)}: {escape(str(reason))}"


def write_atomically(text: str, output: Path | None) -> None:
    """Print, or replace `output` atomically so a crash never leaves half a file."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, output)
