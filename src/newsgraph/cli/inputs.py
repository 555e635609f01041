"""Command-line paths -> articles, or the one-line reason each one cannot be read.

`analyze` reads its inputs the way `ingest` does (ingest/sources.py): the same expansion of
folders and globs, the same formats, the same one-line reasons.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.sources import ReadOptions, expand_sources, read_source
from newsgraph.model import Article, Unreadable
from newsgraph.pipeline import Outcome


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files named directly or matched by a glob, and every non-hidden file under folders."""
    return [Path(p) for p in expand_sources([str(p) for p in paths])]


def read_all(paths: Sequence[Path], encoding: str, max_bytes: int) -> Iterator[Article | Outcome]:
    """Each article in each path, or an Outcome carrying why it could not be read."""
    options = ReadOptions(encoding=encoding, max_bytes=max_bytes)
    for path in paths:
        for item in read_source(str(path), options):
            if isinstance(item, Unreadable):
                yield Outcome(item.source, error=InputError(item.reason))
            else:
                yield item
