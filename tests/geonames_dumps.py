"""Tiny GeoNames dumps in GeoNames' own format (export/dump/readme.txt: 19 tab-separated
columns, UTF-8), zipped as download.geonames.org ships them: SY.zip holds SY.txt and readme.txt.

The places: Syria's Idlib governorate (GeoNames id 169387, as shipped), a district under it
and two villages the shipped gazetteer lacks (made-up names, so that no release of GeoNames
cities ever ships them); Somalia's Lower Shabelle region (51966) with its alternates, and
Hodan, a district of Mogadishu (9180017), which no shipped file places; a town in Benin.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

VILLAGE = ("Kafr Zaytunat", 35.9123, 36.5877)  # name, lat, lon
HAMLET = ("Tell Qamhat", 35.8811, 36.7012)


def line(
    gid: int,
    name: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str,
    admin1: str = "",
    admin2: str = "",
    alternates: tuple[str, ...] = (),
    population: int = 0,
    modified: str = "2024-03-01",
) -> str:
    """One dump line: geonameid, name, asciiname, alternatenames, latitude, longitude, feature
    class, feature code, country code, cc2, admin1-4 codes, population, elevation, dem,
    timezone, modification date."""
    ascii_name = name.encode("ascii", "ignore").decode()
    cols = [
        str(gid),
        name,
        ascii_name,
        ",".join(alternates),
        f"{lat:.5f}",
        f"{lon:.5f}",
        fclass,
        fcode,
        cc,
        "",
        admin1,
        admin2,
        "",
        "",
        str(population),
        "",
        "300",
        "Asia/Damascus",
        modified,
    ]
    return "\t".join(cols)


def syria(modified: str = "2024-03-01", village_at: tuple[float, float] | None = None) -> list[str]:
    lat, lon = village_at or VILLAGE[1:]
    return [
        line(
            169387,
            "Idlib",
            35.83,
            36.63,
            "A",
            "ADM1",
            "SY",
            "12",
            alternates=("Idlib Governorate", "Idleb", "محافظة إدلب"),
            population=1_501_000,
            modified=modified,
        ),
        line(
            9_100_001,
            "Harim District",
            36.2,
            36.52,
            "A",
            "ADM2",
            "SY",
            "12",
            "SY1203",
            alternates=("Harem District", "Mintaqat Harim"),
            modified=modified,
        ),
        line(
            9_100_002,
            VILLAGE[0],
            lat,
            lon,
            "P",
            "PPL",
            "SY",
            "12",
            "SY1203",
            alternates=("Kafr Zeitounat", "Kfar Zaytunat", "كفر زيتونات"),
            population=2_300,
            modified=modified,
        ),
        line(
            9_100_003,
            HAMLET[0],
            *HAMLET[1:],
            "P",
            "PPL",
            "SY",
            "12",
            "SY1203",
            modified="2023-01-05",
        ),
        line(9_100_004, "Jabal Zawiya Peak", 35.7, 36.5, "T", "MT", "SY", "12", modified=modified),
        line(9_100_005, "Old Zaytunat", 35.9, 36.58, "P", "PPLH", "SY", "12", modified=modified),
    ]


def somalia() -> list[str]:
    return [
        line(
            51966,
            "Shabeellaha Hoose",
            1.75,
            44.5,
            "A",
            "ADM1",
            "SO",
            "14",
            alternates=("Lower Shabelle", "Lower Shabeelle", "Shabeellaha Hoose Region"),
            population=1_202_219,
        ),
        line(
            9180017,
            "Hodan",
            2.0339,
            45.3087,
            "A",
            "ADM2",
            "SO",
            "02",
            "9180017",
            alternates=("Hodan District", "Degmada Hodan"),
        ),
    ]


def benin() -> list[str]:
    return [line(9_100_010, "Gounarou Kpara", 11.4, 2.8, "P", "PPL", "BJ", "07", population=900)]


def write_zip(path: Path, country: str, lines: list[str]) -> Path:
    """A GeoNames country zip: COUNTRY.txt and the readme GeoNames puts beside it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{country}.txt", "\n".join(lines) + "\n")
        archive.writestr("readme.txt", "see https://download.geonames.org/export/dump/\n")
    return path


def write_all(folder: Path) -> list[Path]:
    """SY.zip, SO.zip and an allCountries-style bare text file holding Benin."""
    folder.mkdir(parents=True, exist_ok=True)
    bj = folder / "BJ.txt"
    bj.write_text("\n".join(benin()) + "\n", encoding="utf-8")
    return [
        write_zip(folder / "SY.zip", "SY", syria()),
        write_zip(folder / "SO.zip", "SO", somalia()),
        bj,
    ]
