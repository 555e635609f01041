"""`newsgraph gazetteer import`: a GeoNames dump into the imports file, atomically.

One file at a time: the dump is streamed into a staging database beside the imports file
(`read_dump` holds one line at a time; rows go in batches of `BATCH_ROWS`), then a new imports
file is assembled from the staging rows of the countries this dump brings and the old file's
rows of every other country, and renamed over the old one. An import that fails or is
interrupted leaves the old file as it was, and its leftovers are removed by the next import.

- The same file imported again changes nothing (its SHA-256 is recorded).
- A country's rows are replaced by a dump whose rows for it are as new or newer (GeoNames
  dates every row); an older dump leaves them, and says so.

Memory budget of an import: one line and one batch in Python, and SQLite's page cache
(`IMPORT_CACHE_MIB`) per database; the sorts that build the name index spill to disk.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsgraph.errors import BadDump, ResourceError
from newsgraph.resolve.gazetteer import checksum
from newsgraph.resolve.gazetteer_imported import SCHEMA, SCHEMA_VERSION, cache_file
from newsgraph.resolve.geonames_dump import CONTAINER_CODES, DumpRow, read_dump
from newsgraph.resolve.placenames import exact_key, loose_key

IMPORT_CACHE_MIB = 64
BATCH_ROWS = 10_000
Progress = Callable[[str, int, int], None]  # phase ("reading", "indexing"), done, total


@dataclass(slots=True)
class CountryRows:
    """What a dump holds for one country."""

    places: int = 0
    names: int = 0
    modified: str = ""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one file did."""

    file: Path
    status: str  # "imported", "unchanged" (this very file was imported before), "older"
    taken: tuple[str, ...] = ()  # countries whose rows now come from this file
    kept: tuple[str, ...] = ()  # countries whose imported rows are newer than this file's
    places: int = 0
    names: int = 0
    seconds: float = 0.0
    rows: dict[str, CountryRows] = field(default_factory=dict)


def import_dump(
    path: Path, cache: Path | None = None, progress: Progress | None = None
) -> ImportResult:
    """Import the GeoNames dump at `path` into the imports file under `cache`."""
    started = time.monotonic()
    target = cache_file(cache)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResourceError(f"{target.parent}: cannot be created ({exc.strerror or exc})") from None
    with _locked(target):
        _remove_leftovers(target)
        sha, size = _digest(path)
        if sha in _known_files(target):
            return ImportResult(path, "unchanged")
        staging = target.with_name(f".{target.name}.{os.getpid()}.staging.tmp")
        fresh = target.with_name(f".{target.name}.{os.getpid()}.new.tmp")
        try:
            rows = _stage(path, staging, progress)
            old = _imported_dates(target)
            taken = sorted(c for c, r in rows.items() if r.modified >= old.get(c, ""))
            kept = sorted(set(rows) - set(taken))
            if taken:
                if progress is not None:
                    progress("indexing", 0, 0)
                _assemble(target, staging, fresh, taken, _FileRecord(path, sha, size), rows)
                os.replace(fresh, target)
        finally:
            staging.unlink(missing_ok=True)
            fresh.unlink(missing_ok=True)
    return ImportResult(
        path,
        "imported" if taken else "older",
        tuple(taken),
        tuple(kept),
        sum(rows[c].places for c in taken),
        sum(rows[c].names for c in taken),
        time.monotonic() - started,
        rows,
    )


@dataclass(frozen=True, slots=True)
class _FileRecord:
    path: Path
    sha256: str
    size: int


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """One import at a time into one imports file."""
    with target.with_name(f".{target.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove_leftovers(target: Path) -> None:
    """Temporary files of an import that was killed (only one import runs: we hold the lock)."""
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        leftover.unlink(missing_ok=True)


def _digest(path: Path) -> tuple[str, int]:
    """The file's SHA-256 and size, read in chunks."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except FileNotFoundError:
        raise BadDump(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadDump(f"{path}: is a directory, not a GeoNames dump") from None
    except OSError as exc:
        raise BadDump(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return digest.hexdigest(), path.stat().st_size


def _known_files(target: Path) -> set[str]:
    """SHA-256 of every file imported into `target` before."""
    if not target.is_file():
        return set()
    with closing(_open_existing(target)) as conn:
        return {sha for (sha,) in conn.execute("SELECT sha256 FROM files")}


def _imported_dates(target: Path) -> dict[str, str]:
    """The date of the newest imported row of each country."""
    if not target.is_file():
        return {}
    with closing(_open_existing(target)) as conn:
        return dict(conn.execute("SELECT country, modified FROM countries").fetchall())


def _open_existing(target: Path) -> sqlite3.Connection:
    """The imports file as it is now, for reading; a broken one is an error naming it."""
    from newsgraph.resolve.gazetteer_imported import connect_read_only

    return connect_read_only(target)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection for bulk writing to a file nobody else reads yet."""
    # as a URI, so that the old imports file can be attached read-only
    conn = sqlite3.connect(path.resolve().as_uri(), uri=True, isolation_level=None)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_MIB * 1024}")
    return conn


_STAGING = """
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT, kind TEXT,
    feature TEXT, population INTEGER, admin1 TEXT, admin2_code TEXT, container INTEGER
);
CREATE TABLE names (key TEXT, place INTEGER, exact INTEGER, country TEXT);
"""


def _stage(path: Path, staging: Path, progress: Progress | None) -> dict[str, CountryRows]:
    """Stream the dump into the staging database; what it holds for each country."""
    rows: dict[str, CountryRows] = {}

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress("reading", done, total)

    with closing(_connect(staging)) as conn:
        conn.executescript(_STAGING)
        places: list[tuple[object, ...]] = []
        names: list[tuple[str, int, int, str]] = []
        for row in read_dump(path, report):
            places.append(_place(row))
            keys = _name_keys(row)
            names += [(key, row.geonames_id, check, row.country_code) for key, check in keys]
            counts = rows.setdefault(row.country_code, CountryRows())
            counts.places += 1
            counts.names += len(keys)
            counts.modified = max(counts.modified, row.modified)
            if len(places) >= BATCH_ROWS:
                _flush(conn, places, names)
        _flush(conn, places, names)
        if not rows:
            raise BadDump(f"{path}: no populated places or regions in it, nothing to import")
        conn.execute(
            "CREATE INDEX admin2_codes ON places (country, admin1, admin2_code) "
            "WHERE feature = 'ADM2'"
        )
    return rows


def _place(row: DumpRow) -> tuple[object, ...]:
    return (
        row.geonames_id,
        row.name,
        row.lat,
        row.lon,
        row.country_code,
        row.kind,
        row.feature_code,
        row.population,
        row.admin1,
        row.admin2_code,
        int(row.feature_code in CONTAINER_CODES),
    )


def _name_keys(row: DumpRow) -> set[tuple[str, int]]:
    """(loose key, checksum of the exact key) of each of the row's names, each once."""
    out: set[tuple[str, int]] = set()
    for name in row.names:
        exact = exact_key(name)
        key = loose_key(exact)
        if key:
            out.add((key, checksum(exact)))
    return out


def _flush(
    conn: sqlite3.Connection,
    places: list[tuple[object, ...]],
    names: list[tuple[str, int, int, str]],
) -> None:
    """Write a batch in one transaction and empty the lists."""
    conn.execute("BEGIN")
    conn.executemany(f"INSERT OR REPLACE INTO places VALUES ({', '.join('?' * 11)})", places)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
    conn.execute("COMMIT")
    places.clear()
    names.clear()


# A town's county is the second-level region of its codes, by that region's name, as the
# shipped gazetteer files it; a lower-level region's is the one it lies in.
_NEW_PLACES = """
INSERT OR REPLACE INTO places
SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.kind, p.feature, p.population,
       NULLIF(p.admin1, ''),
       CASE WHEN p.feature = 'ADM2' THEN p.name ELSE (
           SELECT a.name FROM s.places a
           WHERE a.feature = 'ADM2' AND a.country = p.country AND a.admin1 = p.admin1
                 AND a.admin2_code = p.admin2_code AND p.admin2_code != ''
           ORDER BY a.geonameid LIMIT 1) END,
       p.container
FROM s.places p WHERE p.country IN (SELECT country FROM taken)
"""
_OLD_PLACES = """
INSERT OR IGNORE INTO places
SELECT * FROM old.places WHERE country NOT IN (SELECT country FROM taken)
"""
# Inserted in key order: the index is built by one sort that spills to disk, not by millions
# of random inserts.
_NAMES = """
INSERT OR IGNORE INTO names
SELECT key, place, exact FROM (
    SELECT key, place, exact FROM s.names WHERE country IN (SELECT country FROM taken)
    {old}
) ORDER BY key, place, exact
"""
_OLD_NAMES = """
    UNION ALL
    SELECT n.key, n.place, n.exact FROM old.names n JOIN old.places p ON p.geonameid = n.place
    WHERE p.country NOT IN (SELECT country FROM taken)
"""


def _assemble(
    target: Path,
    staging: Path,
    fresh: Path,
    taken: list[str],
    record: _FileRecord,
    rows: dict[str, CountryRows],
) -> None:
    """Write the new imports file: this dump's countries from staging, the rest from the old."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    has_old = target.is_file()
    with closing(_connect(fresh)) as conn:
        conn.executescript(SCHEMA)
        conn.execute("ATTACH DATABASE ? AS s", (str(staging),))
        if has_old:
            conn.execute("ATTACH DATABASE ? AS old", (f"{target.resolve().as_uri()}?mode=ro",))
        conn.execute("CREATE TEMP TABLE taken (country TEXT PRIMARY KEY)")
        conn.executemany("INSERT INTO taken VALUES (?)", [(c,) for c in taken])
        conn.execute("BEGIN")
        conn.execute(_NEW_PLACES)
        if has_old:
            conn.execute(_OLD_PLACES)
        conn.execute(_NAMES.format(old=_OLD_NAMES if has_old else ""))
        conn.executemany(
            "INSERT INTO countries VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (c, record.path.name, record.sha256, r.places, r.names, r.modified, now)
                for c, r in rows.items()
                if c in taken
            ],
        )
        conn.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?)",
            (record.sha256, record.path.name, record.size, now),
        )
        if has_old:
            conn.execute(
                "INSERT INTO countries SELECT * FROM old.countries "
                "WHERE country NOT IN (SELECT country FROM taken)"
            )
            conn.execute("INSERT OR IGNORE INTO files SELECT * FROM old.files")
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    _sync(fresh)


def _sync(path: Path) -> None:
    """Flush the new file to disk before it is renamed over the old one."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
