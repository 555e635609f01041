"""One partition through the pipeline to Parquet, read through pyarrow's filesystems."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.ingest.sources import ReadOptions
from newsgraph.scale.partition import list_partitions, process_partition
from newsgraph.store.load import load_parquet

pytestmark = pytest.mark.model
EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "asapov_deir_ez_zor.txt"


def test_a_partition_named_by_uri_is_written_once_and_loads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    uris = list_partitions([f"file://{folder}"])  # any pyarrow filesystem: s3://, gs://, ...
    assert uris == [f"file://{folder}/a.txt", f"file://{folder}/b.txt"]
    out = tmp_path / "out"
    good = process_partition(uris[0], out, ReadOptions(), ordinal=0)
    bad = process_partition(uris[1], out, ReadOptions(), ordinal=1)
    assert (good.read, good.stored, good.failed) == (1, 1, [])
    assert bad.stored == 0 and "binary" in bad.failed[0].reason
    assert process_partition(uris[0], out, ReadOptions()).skipped  # done: not redone
    loaded = load_parquet(tmp_path / "g.duckdb", out)
    assert loaded.documents == 1 and loaded.events > 5
    con = duckdb.connect(str(tmp_path / "g.duckdb"), read_only=True)
    speakers = {s for (s,) in con.execute("SELECT speaker FROM quotes").fetchall()}
    con.close()
    assert "Igor Konashenkov" in speakers
