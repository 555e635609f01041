"""LGL (Lieberman et al. 2010) -> gold toponyms with their GeoNames resolution."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A toponym span and, when annotated, the GeoNames entry it refers to."""

    start: int
    end: int
    phrase: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    kind: str  # country, admin region, city, other (from the GeoNames feature code)


@dataclass(frozen=True, slots=True)
class GoldGeoArticle:
    """One LGL article: its text and toponyms."""

    name: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_lgl(path: Path) -> list[GoldGeoArticle]:
    """Every article of an LGL XML file."""
    root = ET.parse(path).getroot()  # the project's own gold file, not hostile input
    return [_article(node) for node in root.iter("article")]


def _article(node: ET.Element) -> GoldGeoArticle:
    text = node.findtext("text") or ""
    toponyms = tuple(_toponym(t) for t in node.iter("toponym"))
    return GoldGeoArticle(node.get("docid", ""), text, toponyms)


def _toponym(node: ET.Element) -> GoldToponym:
    gaz = node.find("gaztag")
    start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
    phrase = node.findtext("phrase") or ""
    if gaz is None:
        return GoldToponym(start, end, phrase, None, None, None, "other")
    lat, lon = gaz.findtext("lat"), gaz.findtext("lon")
    return GoldToponym(
        start,
        end,
        phrase,
        int(gaz.get("geonameid", "0")) or None,
        float(lat) if lat else None,
        float(lon) if lon else None,
        kind_of_feature(gaz.findtext("fclass") or "", gaz.findtext("fcode") or ""),
    )


def kind_of_feature(fclass: str, fcode: str) -> str:
    """GeoNames feature class/code -> the kinds the report splits by."""
    if fcode.startswith("PCL"):
        return "country"
    if fcode == "ADM1":
        return "admin region"
    if fclass == "P":
        return "city"
    return "other"


def fingerprint(path: Path) -> str:
    """SHA-256 of the gold file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
