"""Merged events as CSV for other tools: PLOVER fields with CAMEO codes, or ACLED-like columns.

One row per real occurrence (reports merged in the store), so counts are events, not
articles. The ACLED mapping is ours (ACLED's own coding needs human review): remote
violence by mode, battles when both sides are named, PLOVER's other types as strategic
developments.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Literal

import pycountry

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
    "status",
    "claimed_by",
    "killed",
    "num_reports",
    "num_documents",
    "sources",
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
    "source",
    "notes",
    "fatalities",
]
_REMOTE = {
    "air strike": "Air/drone strike",
    "drone strike": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "missile": "Shelling/artillery/missile attack",
    "bombing": "Remote explosive/landmine/IED",
    "suicide bombing": "Suicide bomb",
}


def export_csv(result: Result, fmt: ExportFormat) -> str:
    """The `query events` result as CSV text in the chosen layout."""
    rows = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    columns = PLOVER_COLUMNS if fmt == "plover" else ACLED_COLUMNS
    convert = _plover if fmt == "plover" else _acled
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(convert(row))
    return out.getvalue()


def _joined(values: Sequence[Any] | None) -> str:
    return "; ".join(str(v) for v in values or () if v)


def _plover(row: dict[str, Any]) -> dict[str, Any]:
    cameo = row["cameo"] or ""
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
        "status": _joined(row["status"]),
        "claimed_by": _joined(row["claimed_by"]),
        "killed": _joined(row["killed"]),
        "num_reports": row["reports"],
        "num_documents": row["documents"],
        "sources": _joined(row["sources"]),
        "evidence": row["evidence"] or "",
    }


def acled_type(event_type: str, mode: str | None, recipients: Sequence[str]) -> tuple[str, str]:
    """(event_type, sub_event_type) in ACLED's vocabulary for a PLOVER type and mode."""
    if event_type == "ASSAULT":
        if mode in _REMOTE:
            return "Explosions/Remote violence", _REMOTE[mode]
        if recipients:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if event_type == "PROTEST":
        return ("Riots", "Violent demonstration") if mode == "riot" else ("Protests", "Protest")
    return "Strategic developments", event_type.capitalize()


def _acled(row: dict[str, Any]) -> dict[str, Any]:
    kind, sub = acled_type(row["type"], row["mode"], row["recipients"] or [])
    day = row["date"]
    killed = row["killed_count"]
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
        "source": _joined(row["sources"]),
        "notes": row["evidence"] or "",
        "fatalities": killed if killed is not None else len(row["killed"] or ()),
    }


def _country(code: str | None) -> str:
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found is not None else code
