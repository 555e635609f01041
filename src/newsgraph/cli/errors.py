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

from newsgraph.cli.console import say
from newsgraph.errors import InputError, NewsgraphError

# The budget of one document, the same on `analyze` and `ingest`.
# spaCy refuses a text over 1,000,000 characters (its nlp.max_length, sized to the parser's
# memory), so the budget may not be raised past it: the user gets this option's range in one
# line instead of spaCy's own error.
MAX_CHARS_CEILING = 1_000_000
MaxCharsOption = Annotated[
    int,
    typer.Option(
        help="Skip documents longer than this many characters (after cleanup; at most "
        f"{MAX_CHARS_CEILING:,}, the parser's limit).",
        min=1,
        max=MAX_CHARS_CEILING,
    ),
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
        say(err, "newsgraph: error:", str(exc))
        raise typer.Exit(2) from None
    except Exception as exc:
        if debug:
            raise
        say(
            err,
            "newsgraph: internal error:",
            f"{type(exc).__name__}: {exc} (run again with --debug for the traceback)",
        )
        raise typer.Exit(3) from None


def check_output(output: Path | None) -> None:
    """Refuse an --output that names a folder before any work is done for it."""
    if output is not None and output.is_dir():
        raise InputError(f"{output}: is a directory (--output names the file to write)")


def write_atomically(text: str, output: Path | None) -> None:
    """Print, or replace `output` atomically so a crash never leaves half a file."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    check_output(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{output}: cannot write: {exc.strerror or exc}") from None
