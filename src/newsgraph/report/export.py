"""Merged events as CSV for other tools: PLOVER fields with CAMEO codes, or ACLED-like columns.

One row per real occurrence (reports merged in the store), so counts are events, not
articles. The ACLED mapping is ours (ACLED's own coding needs human review): remote
violence by mode, battles when both sides are named, PLOVER's other types as strategic
developments; `geo_precision` is ACLED's (1 the place itself, 2 its district, 3 its region
or country); `fatalities` is the incident's toll as an integer (0 where the text gives no
number, as ACLED codes it), `civilian_targeting` is set when civilians are among the victims,
and `source` lists the event's independent origins (store/origins.py), not every copy of it.
The PLOVER layout carries GDELT's QuadClass and GoldsteinScale from the CAMEO code, so that
rows can be joined with GDELT or ICEWS data, and a GDELT-like `num_sources` that counts the
event's independent origins where GDELT's NumSources counts copies.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Literal

import pycountry

from newsgraph.extract.event_lexicon import EventLexicon
from newsgraph.report.escape import csv_cell
from newsgraph.store.query import Result

ExportFormat = Literal["plover", "acled"]

PLOVER_COLUMNS = [
    "event_id",
    "event_date",
    "event_type",
    "mode",
    "source_actor",
    "target_actor",
    "location",
    "latitude",
    "longitude",
    "country_code",
    "cameo_code",
    "cameo_root",
    "quad_class",
    "goldstein",
    "status",
    "claimed_by",
    "fatalities",
    "injuries",
    "killed",
    "num_reports",
    "num_documents",
    "num_sources",
    "sources",
    "origins",
    "single_side",
    "denied_by",
    "evidence",
]
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "civilian_targeting",
    "notes",
    "fatalities",
]
# PLOVER assault modes -> ACLED (event_type, sub_event_type)
_ASSAULT = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "unconventional": ("Explosions/Remote violence", "Chemical weapon"),
    "armed-clash": ("Battles", "Armed clash"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
}
_COERCE = {
    "arrest": ("Strategic developments", "Arrests"),
    "seize": ("Strategic developments", "Non-violent transfer of territory"),
}
# GDELT's QuadClass by CAMEO root: verbal cooperation, material cooperation, verbal conflict,
# material conflict.
_QUAD = {**dict.fromkeys(("01", "02", "03", "04", "05"), 1)}
_QUAD |= dict.fromkeys(("06", "07", "08", "09"), 2)
_QUAD |= dict.fromkeys(("10", "11", "12", "13", "14"), 3)
_QUAD |= dict.fromkeys(("15", "16", "17", "18", "19", "20"), 4)


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code (1 verbal cooperation ... 4 material conflict)."""
    return _QUAD.get((cameo or "")[:2])


def export_csv(result: Result, fmt: ExportFormat, lexicon: EventLexicon) -> str:
    """The `query events` result as CSV text in the chosen layout."""
    rows = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    columns = PLOVER_COLUMNS if fmt == "plover" else ACLED_COLUMNS
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        record = _plover(row, lexicon) if fmt == "plover" else _acled(row)
        writer.writerow({k: csv_cell(v) for k, v in record.items()})
    return out.getvalue()


def _joined(values: Sequence[Any] | None) -> str:
    return "; ".join(str(v) for v in values or () if v)


def _plover(row: dict[str, Any], lexicon: EventLexicon) -> dict[str, Any]:
    cameo = row["cameo"] or ""
    score = lexicon.goldstein(cameo)
    return {
        "event_id": row["event"],
        "event_date": row["date"] or "",
        "event_type": row["type"],
        "mode": row["mode"] or "",
        "source_actor": _joined(row["actors"]),
        "target_actor": _joined(row["recipients"]),
        "location": row["place"] or "",
        "latitude": row["lat"] if row["lat"] is not None else "",
        "longitude": row["lon"] if row["lon"] is not None else "",
        "country_code": row["country"] or "",
        "cameo_code": cameo,
        "cameo_root": cameo[:2],
        "quad_class": quad_class(cameo) or "",
        "goldstein": "" if score is None else score,
        "status": _joined(row["status"]),
        "claimed_by": _joined(row["claimed_by"]),
        "fatalities": _number(row["fatalities"]),
        "injuries": _number(row["injuries"]),
        "killed": _joined(row["killed"]),
        "num_reports": row["reports"],
        "num_documents": row["documents"],
        # GDELT's NumSources, counted as independent origins: copies and re-reports count once
        "num_sources": row["independent_origins"],
        "sources": _joined(row["sources"]),
        "origins": _joined(row["origins"]),
        "single_side": "yes" if row["single_side"] else "",
        "denied_by": _joined(row["denied_by"]),
        "evidence": row["evidence"] or "",
    }


def acled_type(event_type: str, mode: str | None, recipients: Sequence[str]) -> tuple[str, str]:
    """(event_type, sub_event_type) in ACLED's vocabulary for a PLOVER type and mode."""
    if event_type == "ASSAULT":
        if mode in _ASSAULT:
            return _ASSAULT[mode]
        if [r for r in recipients if r != "civilians"]:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if event_type == "COERCE" and mode in _COERCE:
        return _COERCE[mode]
    if event_type == "PROTEST":
        return ("Riots", "Violent demonstration") if mode == "riot" else ("Protests", "Protest")
    return "Strategic developments", event_type.capitalize()


def _number(value: object) -> object:
    return "" if value is None else value


def _acled(row: dict[str, Any]) -> dict[str, Any]:
    kind, sub = acled_type(row["type"], row["mode"], row["recipients"] or [])
    civilian = row["type"] == "ASSAULT" and "civilians" in (row["recipients"] or [])
    day = row["date"]
    return {
        "event_id_cnty": row["event"],
        "event_date": day or "",
        "year": day.year if day else "",
        "event_type": kind,
        "sub_event_type": sub,
        "actor1": _joined(row["actors"]),
        "actor2": _joined(row["recipients"]),
        "country": _country(row["country"]),
        "location": row["place"] or "",
        "latitude": row["lat"] if row["lat"] is not None else "",
        "longitude": row["lon"] if row["lon"] is not None else "",
        "geo_precision": geo_precision(row.get("place_kind"), row.get("precision"), row["lat"]),
        # ACLED names who the information comes from: the origins, not every outlet that copied it
        "source": _joined(row["origins"]) or _joined(row["sources"]),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "notes": row["evidence"] or "",
        "fatalities": row["fatalities"] or 0,
    }


# ACLED's geo_precision by the kind of place the coordinates are those of: a town or a
# feature is the place itself (1), a county or district is 2, anything wider 3.
_KIND_PRECISION = {"admin2": 2, "admin1": 3, "region": 3, "country": 3, "sea": 3, "continent": 3}


def geo_precision(kind: str | None, precision: int | None, lat: float | None) -> int | str:
    """ACLED's geo_precision of an event's place: the wider of what its kind is and how the
    place stage placed it (a village the gazetteer lacks, at its district's point, is 2);
    empty without coordinates."""
    if lat is None:
        return ""
    return max(precision or 1, _KIND_PRECISION.get(kind or "", 1))


def _country(code: str | None) -> str:
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found is not None else code
