"""Build the country outlines the web page draws: src/newsgraph/data/map/countries.json.

Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped inside the
geopandas 0.14.4 wheel on PyPI (geopandas/datasets/naturalearth_lowres). Reproduce:

    pip download geopandas==0.14.4 --no-deps -d /tmp/gp
    unzip -o /tmp/gp/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/gp
    pip install pyshp
    python scripts/build_world_map.py /tmp/gp/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Coordinates are rounded to 0.1 degree: ~11 km, plenty for a news map, and ~90 kB on disk.
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import shapefile  # pyshp: needed only to rebuild the file, not at run time

OUT = (
    Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "data" / "map" / "countries.json"
)


def rings(shape: Any) -> list[list[list[float]]]:
    parts = [*shape.parts, len(shape.points)]
    out = []
    for a, b in pairwise(parts):
        ring: list[list[float]] = []
        for lon, lat in shape.points[a:b]:
            point = [round(lon, 1), round(lat, 1)]
            if not ring or ring[-1] != point:
                ring.append(point)
        if len(ring) >= 4:
            out.append(ring)
    return out


def main() -> None:
    reader = shapefile.Reader(sys.argv[1])
    fields = [f[0] for f in reader.fields[1:]]
    countries = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        row = dict(zip(fields, record, strict=True))
        countries.append({"iso": row["iso_a3"], "name": row["name"], "rings": rings(shape)})
    payload = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4",
        "countries": sorted(countries, key=lambda c: c["name"]),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(payload, separators=(",", ":")), "utf-8")
    print(f"{len(countries)} countries -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
