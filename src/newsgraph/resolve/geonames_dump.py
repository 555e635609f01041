"""Read a GeoNames dump (allCountries.zip, a country file such as SY.zip, or the bare .txt)
one line at a time: the file is never held in memory, whatever its size.

The format is GeoNames' own (https://download.geonames.org/export/dump/readme.txt): UTF-8,
one place per line, 19 tab-separated columns. Only the places the geoparser can use are kept
(`kind_of`): populated places, administrative areas, and the rivers, seas, straits, canals,
bases and regions the gazetteer has kinds for; with their Latin-script names.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsgraph.errors import BadDump
from newsgraph.resolve.placenames import is_latin

COLUMNS = 19
README = "https://download.geonames.org/export/dump/readme.txt"
# Feature codes -> gazetteer kind. Class P (populated places) is a town whatever its code,
# less the historical, abandoned and destroyed ones nobody reports from today.
_PAST_TOWNS = frozenset({"PPLH", "PPLQ", "PPLCH"})
_ADMIN = {
    "ADM1": "admin1",
    "ADM2": "admin2",
    # Third- and lower-level units (Syrian nahiyas, French communes) are counties to the
    # ranking: regions below a first-level one, named after their main town or not.
    "ADM3": "admin2",
    "ADM4": "admin2",
    "ADM5": "admin2",
    "ADMD": "admin2",
}
_FEATURES = {
    ("H", "STM"): "river",
    ("H", "SEA"): "sea",
    ("H", "GULF"): "sea",
    ("H", "BAY"): "sea",
    ("H", "STRT"): "strait",
    ("H", "CNL"): "canal",
    ("S", "AIRB"): "air_base",
    ("S", "MILB"): "military_base",
    ("S", "INSM"): "military_base",
    ("L", "RGN"): "region",
}
# First- and second-level regions: consulted for every name, as the containers other places
# are filed under ("Hodan, Banadir"), even where the shipped gazetteer knows the name.
CONTAINER_CODES = frozenset({"ADM1", "ADM2"})
_BATCH_BYTES = 1 << 20  # how often progress is reported
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class DumpRow:
    """One place of a dump, as the gazetteer keeps it."""

    geonames_id: int
    name: str
    names: tuple[str, ...]  # its name, ASCII name and Latin alternates, each once
    lat: float
    lon: float
    feature_code: str
    kind: str
    country_code: str
    admin1: str
    admin2_code: str
    population: int
    modified: str  # YYYY-MM-DD, the day GeoNames last changed the row


def kind_of(feature_class: str, feature_code: str) -> str | None:
    """The gazetteer kind of a GeoNames feature, or None for one the geoparser has no use for."""
    if feature_class == "P":
        return None if feature_code in _PAST_TOWNS else "city"
    if feature_class == "A":
        return _ADMIN.get(feature_code)
    return _FEATURES.get((feature_class, feature_code))


def read_dump(path: Path, progress: Callable[[int, int], None] | None = None) -> Iterator[DumpRow]:
    """The usable rows of the dump at `path`; `progress(done, total)` is told the bytes read.
    A file that is not a GeoNames dump, or is damaged, raises `BadDump` naming it."""
    with _opened(path) as (stream, total):
        done = reported = 0
        number = 0
        try:
            for number, raw in enumerate(stream, start=1):
                done += len(raw)
                if progress is not None and done - reported >= _BATCH_BYTES:
                    progress(done, total)
                    reported = done
                row = _parse(raw, path, number)
                if row is not None:
                    yield row
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise BadDump(f"{path}: damaged archive after line {number:,} ({exc})") from None
        except OSError as exc:
            raise BadDump(f"{path}: cannot be read ({exc.strerror or exc})") from None
        if number == 0:
            raise BadDump(f"{path}: empty, not a GeoNames dump")
        if progress is not None:
            progress(total, total)


@contextmanager
def _opened(path: Path) -> Iterator[tuple[IO[bytes], int]]:
    """The dump's bytes and their size: the one .txt inside a zip (less its readme), or the
    file itself."""
    try:
        with path.open("rb") as fh:
            if fh.read(4) != _ZIP_MAGIC:  # a zip cut short has no directory, but this start
                fh.seek(0)
                yield fh, path.stat().st_size
                return
        with zipfile.ZipFile(path) as archive:
            member = _member(archive, path)
            with archive.open(member) as fh:
                yield fh, member.file_size
    except FileNotFoundError:
        raise BadDump(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadDump(f"{path}: is a directory, not a GeoNames dump") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BadDump(f"{path}: damaged zip archive ({exc})") from None
    except PermissionError as exc:
        raise BadDump(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    """The dump inside a GeoNames zip: SY.zip holds SY.txt and readme.txt."""
    members = [
        m
        for m in archive.infolist()
        if m.filename.endswith(".txt") and Path(m.filename).name.lower() != "readme.txt"
    ]
    if len(members) != 1:
        found = ", ".join(m.filename for m in archive.infolist()) or "nothing"
        raise BadDump(f"{path}: expected one GeoNames .txt dump inside, found {found}")
    return members[0]


def _parse(raw: bytes, path: Path, number: int) -> DumpRow | None:
    """One line as a row, None when its feature is of no use; a malformed line is an error."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise BadDump(f"{path}: line {number:,} is not UTF-8, not a GeoNames dump") from None
    if not line:
        return None
    cols = line.split("\t")
    if len(cols) != COLUMNS:
        raise BadDump(
            f"{path}: line {number:,} has {len(cols)} tab-separated columns where a GeoNames "
            f"dump has {COLUMNS} ({README})"
        )
    kind = kind_of(cols[6], cols[7])
    if kind is None:
        return None
    try:
        return DumpRow(
            geonames_id=int(cols[0]),
            name=cols[1],
            names=_names(cols[1], cols[2], cols[3]),
            lat=float(cols[4]),
            lon=float(cols[5]),
            feature_code=cols[7],
            kind=kind,
            country_code=cols[8],
            admin1=cols[10],
            admin2_code=cols[11],
            population=int(cols[14] or 0),
            modified=cols[18],
        )
    except ValueError as exc:
        raise BadDump(f"{path}: line {number:,}: {exc}, not a GeoNames dump row") from None


def _names(name: str, ascii_name: str, alternates: str) -> tuple[str, ...]:
    """The name, its ASCII form and the Latin-script alternates (less airport and postal
    codes such as "DEZ"), each once, in order."""
    out = dict.fromkeys(n for n in (name, ascii_name) if n)
    for alt in alternates.split(","):
        if alt and is_latin(alt) and not (alt.isupper() and len(alt) <= 4):
            out.setdefault(alt)
    return tuple(out)
