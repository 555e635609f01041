"""Command-line paths -> articles, or the one-line reason each one cannot be read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.text import read_text_file
from newsgraph.model import Article
from newsgraph.pipeline import Outcome


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files named directly, and every non-hidden file under named directories, in order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            out.append(path)
    return out


def read_all(paths: Sequence[Path], encoding: str, max_bytes: int) -> Iterator[Article | Outcome]:
    """Each path as an Article, or as an Outcome carrying why it could not be read."""
    for path in paths:
        if not path.exists():
            yield Outcome(str(path), error=InputError("no such file or directory"))
            continue
        try:
            yield read_text_file(path, encoding=encoding, max_bytes=max_bytes)
        except InputError as exc:
            yield Outcome(str(path), error=exc)
