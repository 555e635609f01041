"""The Ray engine on a local two-CPU cluster gives what the local engine gives."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsgraph.corpus import ingest
from newsgraph.ingest.sources import ReadOptions
from newsgraph.ingest.tables import ColumnMap
from newsgraph.store.db import Store
from newsgraph.store.load import load_parquet

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "asapov_deir_ez_zor.txt"
COLUMNS = ColumnMap(text="text", title="title", date="date", source="source")
SAME = {
    "documents": "SELECT id, title, published, outlet, duplicate_of, story_id FROM documents",
    "quotes": 'SELECT doc_id, "start", "end", speaker, via, kind FROM quotes',
    "events": "SELECT doc_id, type, actors, recipients, place, day, status, cluster_id FROM events",
    "clusters": "SELECT * FROM event_clusters",
    "mentions": 'SELECT doc_id, entity_id, "start", "end" FROM mentions',
    "corroboration": "SELECT * FROM corroboration",
}


def _corpus(folder: Path) -> None:
    """Three partitions: the reference article, dated variants of it, and rewritten copies."""
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    paragraphs = EXAMPLE.read_text("utf-8").split("\n\n")[1:]
    rng = random.Random(5)
    rows = []
    for i in range(6):
        body = paragraphs[i % len(paragraphs) :] + paragraphs[: i % len(paragraphs)]
        rows.append(
            {
                "title": f"Report {i}",
                "text": "\n\n".join(body),
                "date": f"2017-09-{24 + i % 3}",
                "source": f"outlet{i}",
            }
        )
    copies = [
        {
            **r,
            "title": r["title"] + " (copy)",
            "text": r["text"].replace(" said", " stated"),
            "source": "farm",
        }
        for r in rng.sample(rows, 3)
    ]
    for name, table in (
        ("b.csv", rows),
        ("c.csv", [*copies, {"title": "x", "text": "", "date": "", "source": ""}]),
    ):
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["title", "text", "date", "source"])
            writer.writeheader()
            writer.writerows(table)


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _table(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall(), key=repr)
    finally:
        con.close()


def test_ray_and_local_engines_store_the_same_graph(ray_cluster: Any, tmp_path: Path) -> None:
    from newsgraph.scale.ray_engine import run_ray

    folder = tmp_path / "in"
    _corpus(folder)
    options = ReadOptions(columns=COLUMNS)
    local = tmp_path / "local.duckdb"
    with Store(local) as store:
        summary = ingest([str(folder)], store, options)
    out = tmp_path / "parquet"
    run = run_ray([str(folder)], out, options, workers=2)
    assert (run.partitions, run.stored, run.read) == (3, summary.stored, summary.read)
    assert [f.reason for f in run.failed] == ["empty text"]
    assert run.copies == summary.copies > 0  # rotated paragraphs and reworded copies
    assert all(mb > 0 for mb in run.peak_rss_mb)
    remote = tmp_path / "ray.duckdb"
    loaded = load_parquet(remote, out)
    assert loaded.documents == summary.stored
    for name, sql in SAME.items():
        assert _table(remote, sql) == _table(local, sql), name
    again = run_ray([str(folder)], out, options, workers=2)
    assert again.skipped == 3 and again.stored == 0  # a rerun skips finished partitions


def test_ingest_on_ray_with_a_database_loads_it(ray_cluster: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli.main import app

    out, db = tmp_path / "parquet", tmp_path / "ray.duckdb"
    args = ["ingest", str(EXAMPLE), "--engine", "ray", "--output", str(out), "--db", str(db)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "loaded 1 documents" in result.stderr and "next: newsgraph load" not in result.stderr
    assert _table(db, "SELECT title FROM documents") == [
        ("Syria: Top Russian general killed in IS attack",)
    ]
