"""The Ray engine's cross-document steps, run on plain rows (no cluster needed)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from newsgraph.normalize.fingerprint import fingerprint
from newsgraph.scale.ray_engine import BANDS, band_rows, clusters_in_group, copies_in_band

WIRE = "Russian jets struck rebel positions in eastern Aleppo on Tuesday killing twelve fighters"
COPY = WIRE.replace("twelve", "12")
OTHER = "Protesters gathered in Cairo on Friday to demand the release of detained journalists"


def test_each_document_gets_one_key_per_band() -> None:
    rows = band_rows({"id": "a", "fingerprint": list(fingerprint(WIRE)), "seq": "1"})
    assert len(rows) == BANDS and len({r["band"] for r in rows}) == BANDS
    assert band_rows({"id": "b", "fingerprint": [], "seq": "2"}) == []


def test_a_copy_points_to_the_earliest_similar_document_in_its_band() -> None:
    docs = [("c", COPY, "3"), ("a", WIRE, "1"), ("x", OTHER, "2")]
    group = pd.DataFrame(
        [
            {"id": i, "order": o, "fingerprint": list(fingerprint(t)), "band": "k"}
            for i, t, o in docs
        ]
    )
    found = copies_in_band(group).to_dict("records")
    assert [(r["id"], r["duplicate_of"]) for r in found] == [("c", "a")]


def test_reports_merge_by_the_local_rule_within_a_type_and_place() -> None:
    rows = [
        ("e1", date(2017, 4, 4), ["Russia"], ["FSA"], "1"),
        ("e2", date(2017, 4, 5), ["Russia"], [], "2"),  # same occurrence, told without a target
        ("e3", date(2017, 4, 20), ["Russia"], ["FSA"], "3"),  # two weeks later: another one
        ("e4", date(2017, 4, 4), ["FSA"], ["Russia"], "4"),  # the other way round: another one
    ]
    group = pd.DataFrame(
        [
            {
                "id": i,
                "type": "ASSAULT",
                "place_id": "p",
                "day": d,
                "actors": a,
                "recipients": r,
                "seq": s,
            }
            for i, d, a, r, s in rows
        ]
    )
    clusters = {r["event_id"]: r["cluster_id"] for r in clusters_in_group(group).to_dict("records")}
    assert clusters == {"e1": "c:e1", "e2": "c:e1", "e3": "c:e3", "e4": "c:e4"}
