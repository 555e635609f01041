"""GeoNames rows a user imported (`newsgraph gazetteer import`), looked up on disk.

The rows live in one SQLite file, never in memory: all of GeoNames is millions of places, more
than the shipped index's ~190 MB again several times over. A lookup reads the few rows one
spelling key names. The memory budget of a process that uses the import: SQLite's page cache
(`LOOKUP_CACHE_MIB`) and the last `LOOKUP_MEMO` lookups, a few MiB more than without it.

The file is only ever replaced whole (gazetteer_import.py writes a new one and renames it over
the old), so it is opened read-only and immutable: a run that opened it keeps reading the file
it opened while an import replaces it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import ResourceError

ENV_DIR = "NEWSGRAPH_GEONAMES_CACHE"
FILE_NAME = "geonames.sqlite"
SOURCE = "geonames-import"
SCHEMA_VERSION = "1"
LOOKUP_CACHE_MIB = 16
LOOKUP_MEMO = 4096
# A loose key can name thousands of hamlets ("Kafr ..."): the most populous, exact ones first.
MAX_ROWS_PER_NAME = 50

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT NOT NULL, kind TEXT NOT NULL, feature TEXT NOT NULL,
    population INTEGER NOT NULL, admin1 TEXT, admin2 TEXT, container INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL, place INTEGER NOT NULL, exact INTEGER NOT NULL,
    PRIMARY KEY (key, place, exact)
) WITHOUT ROWID;
CREATE TABLE countries (
    country TEXT PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL, places INTEGER NOT NULL,
    names INTEGER NOT NULL, modified TEXT NOT NULL, imported TEXT NOT NULL
);
CREATE TABLE files (
    sha256 TEXT PRIMARY KEY, file TEXT NOT NULL, size INTEGER NOT NULL, imported TEXT NOT NULL
);
"""


def cache_dir(given: Path | None = None) -> Path:
    """Where imports live: `given`, else $NEWSGRAPH_GEONAMES_CACHE, else the user data dir."""
    if given is not None:
        return given
    if env := os.environ.get(ENV_DIR):
        return Path(env)
    data = os.environ.get("XDG_DATA_HOME")
    return (Path(data) if data else Path.home() / ".local" / "share") / "newsgraph"


def cache_file(given: Path | None = None) -> Path:
    """The SQLite file of imported GeoNames rows."""
    return cache_dir(given) / FILE_NAME


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One imported place as a lookup returns it."""

    geonames_id: int
    name: str
    lat: float
    lon: float
    country_code: str
    kind: str
    population: int
    admin1: str | None
    admin2: str | None
    container: bool  # a first- or second-level region
    exact: bool  # one of its names has the exact key looked up, not only the loose key


@dataclass(frozen=True, slots=True)
class CountryImport:
    """What `gazetteer info` shows of one imported country."""

    country: str
    file: str
    places: int
    names: int
    modified: str
    imported: str


class ImportedPlaces:
    """Read-only lookups by spelling key in an imported GeoNames file (picklable: a copy
    reopens the file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._memo: OrderedDict[str, tuple[ImportedRow, ...]] = OrderedDict()

    @classmethod
    def open(cls, path: Path | None = None) -> ImportedPlaces | None:
        """The imports at `path` (default: `cache_file()`), or None when nothing was imported;
        a file that is not one is an error naming it now, not a failure on every document."""
        path = path or cache_file()
        if not path.is_file():
            return None
        places = cls(path)
        places._connection()
        return places

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def lookup(self, key: str, checksum: int) -> tuple[ImportedRow, ...]:
        """Places one of whose names has loose key `key`, each once: those with a name whose
        exact key has `checksum` first, then regions, then the most populous; at most
        MAX_ROWS_PER_NAME."""
        memo_key = f"{key}\t{checksum}"
        with self._lock:
            hit = self._memo.get(memo_key)
            if hit is not None:
                self._memo.move_to_end(memo_key)
                return hit
            rows = tuple(
                ImportedRow(gid, name, lat, lon, cc, kind, pop, a1, a2, bool(cont), bool(exact))
                for gid, name, lat, lon, cc, kind, pop, a1, a2, cont, exact in self._connection()
                .execute(_LOOKUP, (checksum, key, MAX_ROWS_PER_NAME))
                .fetchall()
            )
            self._memo[memo_key] = rows
            if len(self._memo) > LOOKUP_MEMO:
                self._memo.popitem(last=False)
            return rows

    def countries(self) -> list[CountryImport]:
        """Each imported country, with its file, row counts and dates."""
        with self._lock:
            rows = (
                self._connection()
                .execute(
                    "SELECT country, file, places, names, modified, imported FROM countries "
                    "ORDER BY country"
                )
                .fetchall()
            )
        return [CountryImport(*row) for row in rows]

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect_read_only(self.path)
        return self._conn


_LOOKUP = """
SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.admin1, p.admin2,
       p.container, MAX(n.exact = ?) AS exact
FROM names n JOIN places p ON p.geonameid = n.place
WHERE n.key = ?
GROUP BY p.geonameid
ORDER BY exact DESC, p.container DESC, p.population DESC, p.geonameid
LIMIT ?
"""


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to an imports file, checked to be one of ours."""
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        conn.execute(f"PRAGMA cache_size = -{LOOKUP_CACHE_MIB * 1024}")
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error as exc:
        raise ResourceError(
            f"{path}: not a newsgraph GeoNames import ({exc}); remove it and import again"
        ) from None
    if version is None or version[0] != SCHEMA_VERSION:
        conn.close()
        raise ResourceError(
            f"{path}: written by another newsgraph version; remove it and import again"
        )
    return conn
