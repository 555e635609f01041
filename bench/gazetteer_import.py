"""What `newsgraph gazetteer import` costs: time, peak memory and disk for a GeoNames dump of
realistic size and shape, made here; and what a lookup costs once imported.

usage: python bench/gazetteer_import.py [--lines 1000000] [--keep DIR]

The dump is generated in GeoNames' own format (19 tab-separated columns), zipped like
allCountries.zip, with GeoNames' mix of feature classes (about 40% populated places, 4%
administrative areas, the rest mountains, streams, spots ... of which few are kept) and of
alternate names (most rows none, some dozens, in several scripts). The import runs in a child
process so that its peak memory is its own. Prints figures; asserts nothing (speed is never a
unit test).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# GeoNames allCountries (2024): ~12.9 million lines; shares of feature classes.
_CLASSES = [
    ("P", ["PPL"] * 20 + ["PPLA", "PPLA2", "PPLX", "PPLL", "PPLQ"], 0.40),
    ("A", ["ADM1", "ADM2", "ADM3", "ADM3", "ADM4", "ADM4", "ADMD"], 0.04),
    ("T", ["MT", "HLL", "VAL", "PK"], 0.24),
    ("H", ["STM", "LK", "SPNG", "WLL", "STMI"], 0.17),
    ("S", ["SCH", "CH", "HTL", "FRM", "AIRB"], 0.10),
    ("L", ["LCTY", "AREA", "RGN"], 0.03),
    ("V", ["FRST"], 0.02),
]
_ONSETS = ("b", "d", "k", "l", "m", "n", "r", "s", "t", "z", "kh", "q", "sh", "g", "h", "f")
_ONSETS += ("br", "tr", "v", "w", "j", "y", "p", "ch", "dr", "gr")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ee", "ia")
_CODAS = ("", "", "", "n", "r", "l", "s", "m", "t", "k", "ng")


def _word(rng: random.Random) -> str:
    syllables = rng.randint(1, 4)
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    ).capitalize()


def _name(rng: random.Random, common: list[str] | None = None) -> str:
    """A place name; one in five from a pool of common ones ("Mill Creek", "San Jose"), as in
    GeoNames, where a few names are shared by thousands of places."""
    if common and rng.random() < 0.2:
        return rng.choice(common[: rng.choice((20, 200, 2000))])
    return " ".join(_word(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3))))


def _alternates(rng: random.Random, name: str) -> str:
    roll = rng.random()
    n = 0 if roll < 0.6 else rng.randint(1, 3) if roll < 0.85 else rng.randint(4, 10)
    if roll > 0.97:
        n = rng.randint(10, 60)
    out = [_name(rng) if rng.random() < 0.5 else name.replace("a", "e") for _ in range(n)]
    if n > 3:
        out += ["\u0645\u062f\u064a\u0646\u0629", "\u0413\u043e\u0440\u043e\u0434"]
    return ",".join(out)


def write_dump(path: Path, lines: int, seed: int = 18) -> None:
    """A zipped allCountries-like dump of `lines` lines."""
    rng = random.Random(seed)
    countries = [f"{a}{b}" for a in "ABCDEFGHIKLMNPRSTUVYZ" for b in "AEGLMNORSTUYZ"][:250]
    weights = [c[2] for c in _CLASSES]
    common = [_name(rng) for _ in range(2000)]
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("allCountries.txt", "w") as out,
    ):
        for gid in range(1, lines + 1):
            fclass, codes, _ = rng.choices(_CLASSES, weights)[0]
            name = _name(rng, common)
            pop = int(rng.paretovariate(1.2) * 50) if fclass == "P" else 0
            row = [
                str(gid * 7),
                name,
                name,
                _alternates(rng, name),
                f"{rng.uniform(-60, 70):.5f}",
                f"{rng.uniform(-180, 180):.5f}",
                fclass,
                rng.choice(codes),
                rng.choice(countries),
                "",
                f"{rng.randint(1, 30):02d}",
                str(rng.randint(1, 40)),
                "",
                "",
                str(pop),
                "",
                str(rng.randint(0, 2000)),
                "Etc/UTC",
                f"20{rng.randint(12, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            ]
            out.write(("\t".join(row) + "\n").encode())


_IMPORT = """
import resource, sys, time
from pathlib import Path
from newsgraph.resolve.gazetteer_import import import_dump
t0 = time.perf_counter()
result = import_dump(Path(sys.argv[1]), Path(sys.argv[2]))
print(result.status, result.places, result.names, time.perf_counter() - t0,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
_LOOKUP = """
import resource, statistics, sys, time
from pathlib import Path
from newsgraph.ingest.text import read_text_file
from newsgraph.pipeline import build
from newsgraph.resolve.gazetteer_imported import ImportedPlaces
from newsgraph.resolve.places import resolve_places
from newsgraph.resources import Resources
base = Resources()
shipped = base.gazetteer
pipeline = build()
doc = pipeline.run(read_text_file(Path(sys.argv[3])), base)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
names = [line.split("\\t")[1] for line in Path(sys.argv[2]).read_text().splitlines()]
imported = Resources(gazetteer=shipped.with_imports(ImportedPlaces.open(Path(sys.argv[1]))), base=base)
gazetteer = imported.gazetteer
gazetteer.candidates(names[0])  # opens the file, maps GeoNames ids to shipped rows (once)
t0 = time.perf_counter()
found = sum(bool(gazetteer.candidates(n)) for n in names)
took = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times = {id(base): [], id(imported): []}
for _ in range(20):
    for res in (base, imported):
        t = time.perf_counter()
        resolve_places(doc, res)
        times[id(res)].append(time.perf_counter() - t)
def stage(res):
    return statistics.median(times[id(res)][5:]) * 1000
print(len(names), found, took, before, after, stage(base), stage(imported))
"""


def _python(code: str, *args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    return out.stdout.split()


def _sample_names(dump: Path, target: Path, n: int = 2000) -> None:
    """Names of kept places from the dump, to look up."""
    with zipfile.ZipFile(dump) as archive, archive.open("allCountries.txt") as fh:
        picked = []
        for raw in fh:
            cols = raw.decode().split("\t")
            if cols[6] in ("P", "A") and len(picked) < n and int(cols[0]) % 97 == 0:
                picked.append(f"{cols[0]}\t{cols[1]}")
    target.write_text("\n".join(picked) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the dump and the import in")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "geonames.sqlite").unlink(missing_ok=True)  # measure a first import
    dump = work / "allCountries.zip"
    t0 = time.perf_counter()
    write_dump(dump, args.lines)
    print(
        f"dump: {args.lines:,} lines, {dump.stat().st_size / 1e6:,.1f} MB zipped "
        f"(made in {time.perf_counter() - t0:.0f} s)"
    )
    status, places, names, took, rss = _python(_IMPORT, str(dump), str(work))
    size = (work / "geonames.sqlite").stat().st_size / 1e6
    print(
        f"import: {int(places):,} places kept under {int(names):,} names in {float(took):.1f} s "
        f"({args.lines / float(took):,.0f} lines/s), peak RSS {float(rss):,.0f} MB, "
        f"file {size:,.0f} MB"
    )
    status, *_rest, took, _rss = _python(_IMPORT, str(dump), str(work))
    print(f"the same file again: {status} in {float(took):.1f} s")
    sample = work / "names.tsv"
    _sample_names(dump, sample)
    example = ROOT / "examples" / "asapov_deir_ez_zor.txt"
    db = str(work / "geonames.sqlite")
    n, found, took, before, after, plain, wider = _python(_LOOKUP, db, str(sample), str(example))
    per = float(took) / int(n) * 1e6
    print(
        f"lookups: {int(n):,} imported names, {int(found):,} found, {per:,.0f} us each "
        f"(uncached); peak RSS {float(before):,.0f} MB analysing with the shipped index, "
        f"{float(after):,.0f} MB after the lookups"
    )
    print(
        f"place stage on the reference article: {float(plain):.1f} ms without the import, "
        f"{float(wider):.1f} ms with it (median, warm)"
    )
    print(f"files in {work}" if args.keep else f"(scratch folder {work}; remove it when done)")


if __name__ == "__main__":
    main()
