"""A read-only connection that follows its file: when the file is replaced (a watch
publishing a fresh copy of its store), the next question is asked of the new one.

DuckDB lets one process write a file or any number read it, never both, so `serve` reads a
copy that `watch --publish` replaces atomically. The connection is reopened between
questions, never under one: a question in flight finishes on the old file, and questions
that arrive meanwhile wait for the swap (it takes milliseconds).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from newsgraph.errors import StoreError
from newsgraph.store.db import connect

Stamp = tuple[int, int, int]  # inode, modification time (ns), size


def stamp(path: Path) -> Stamp | None:
    """What tells one version of the file from the next; None while it is missing."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)


class FollowedConnection:
    """Cursors over the current version of a database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._opened = stamp(path)
        self._con: duckdb.DuckDBPyConnection | None = connect(path, read_only=True)
        self._gate = threading.Condition()
        self._busy = 0
        self._closed = False
        self.reopened = 0  # how many times a new version was picked up

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the newest version of the file, for one question."""
        with self._gate:
            if self._closed:
                raise StoreError(f"{self.path}: closed")
            self._follow()
            assert self._con is not None  # _follow opened it or raised
            self._busy += 1
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()
            with self._gate:
                self._busy -= 1
                self._gate.notify_all()

    def _follow(self) -> None:
        """Reopen on a new version once no question is in flight (the gate is held)."""
        while True:
            now = stamp(self.path)
            if self._con is not None and (now is None or now == self._opened):
                return
            if self._busy == 0:
                self._reopen(now)
                return
            self._gate.wait()

    def _reopen(self, now: Stamp | None) -> None:
        # Closed first: DuckDB hands a second connection to a path still open the instance
        # it already has, i.e. the old file. A failure to open fails this question; the
        # next one tries again.
        if self._con is not None:
            self._con.close()
            self._con = None
        self._con = connect(self.path, read_only=True)
        self._opened = now
        self.reopened += 1

    def close(self) -> None:
        with self._gate:
            self._closed = True
            if self._con is not None:
                self._con.close()
                self._con = None
