"""`newsgraph ingest --engine ray`: partitions on a Ray cluster, Parquet out, merged by keys.

1. Each input file is a partition; Ray Data maps them over an actor pool (`map_batches`,
   one actor per worker, each loading spaCy and the gazetteer once), and each partition's
   tables are written as Parquet under OUT (scale/partition.py). Ray retries a task whose
   worker died; a rerun skips partitions already written.
2. Across documents, with no step that gathers the corpus in one process: near-duplicates
   by MinHash bands used as shuffle keys, events merged by (type, place) keys with the same
   rule as the local store (`store.merge.EventIndex`), written to OUT/copies and
   OUT/clusters. `newsgraph load OUT --db PATH` then loads everything into DuckDB.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.corpus import Summary
from newsgraph.ingest.sources import ReadOptions
from newsgraph.normalize.fingerprint import NUM_PERM, similarity
from newsgraph.pipeline import Budget
from newsgraph.scale.partition import list_partitions, partition_key, process_partition
from newsgraph.store.merge import BANDS, COPY_SIMILARITY, Cluster, EventIndex
from newsgraph.store.parquet import done_reports, is_done
from newsgraph.store.rows import EventRow

ROWS = NUM_PERM // BANDS  # the local store's LSH bands (store/merge.py)


class PartitionActor:
    """A Ray actor: the pipeline is loaded on the first partition and kept for the rest."""

    def __init__(self, out: str, options: ReadOptions, budget: Budget | None = None) -> None:
        self.out, self.options, self.budget = Path(out), options, budget

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        summaries = [
            process_partition(str(uri), self.out, self.options, int(ordinal), self.budget)
            for uri, ordinal in zip(batch["partition"], batch["ordinal"], strict=True)
        ]
        return {"partition": list(batch["partition"]), "summary": [s.to_json() for s in summaries]}


def run_ray(
    sources: Sequence[str],
    out: Path,
    options: ReadOptions,
    workers: int = 2,
    address: str | None = None,
    budget: Budget | None = None,
) -> Summary:
    """Ingest `sources` on Ray into Parquet under `out`; skip partitions already done."""
    import ray

    if not ray.is_initialized():
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # newsgraph prints its own summary
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    partitions = list_partitions(sources)
    run = Summary(partitions=len(partitions))
    pending = [
        {"partition": p, "ordinal": i}
        for i, p in enumerate(partitions)
        if not is_done(out, partition_key(p))
    ]
    run.skipped = len(partitions) - len(pending)
    if pending:
        data = ray.data.from_items(pending)
        results = data.map_batches(
            PartitionActor,
            fn_constructor_kwargs={"out": str(out), "options": options, "budget": budget},
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=max(1, min(workers, len(pending)))),
            num_cpus=1,  # Ray Data restarts a dead actor and retries its partition by default
        ).take_all()
        for row in results:
            run.add(Summary.from_json(row["summary"]))
    if done_reports(out):
        run.copies = merge_on_ray(out)
    return run


# --- across documents, by keys ----------------------------------------------------------


def merge_on_ray(out: Path) -> int:
    """Write OUT/copies and OUT/clusters from every partition; the number of copies."""
    import ray
    from ray.data.expressions import col

    for name in ("copies", "clusters"):
        shutil.rmtree(out / name, ignore_errors=True)  # derived from all partitions: redone
    docs = ray.data.read_parquet(str(out / "documents")).select_columns(
        ["id", "fingerprint", "seq"]
    )
    bands = docs.flat_map(band_rows)
    pairs = bands.groupby("band").map_groups(copies_in_band, batch_format="pandas")
    best = pairs.groupby("id").map_groups(earliest_original, batch_format="pandas")
    copies = best.materialize()
    if copies.count():
        copies.write_parquet(str(out / "copies"))
    events = (
        ray.data.read_parquet(str(out / "events"))
        .select_columns(
            ["id", "type", "place_id", "day", "actors", "recipients", "mergeable", "seq"]
        )
        .filter(expr=col("mergeable") == True)  # noqa: E712 (an expression, not a test)
    )
    clusters = events.groupby(["type", "place_id"]).map_groups(
        clusters_in_group, batch_format="pandas"
    )
    merged = clusters.materialize()
    if merged.count():
        merged.write_parquet(str(out / "clusters"))
    return int(copies.count())


def band_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per MinHash band: documents sharing a band key are candidate copies."""
    signature = [int(v) for v in row["fingerprint"] or ()]
    if len(signature) != NUM_PERM:
        return []
    order = str(row["seq"])  # the order the local engine would have stored them in
    return [
        {
            "band": f"{b}:" + ",".join(map(str, signature[b * ROWS : (b + 1) * ROWS])),
            "id": row["id"],
            "order": order,
            "fingerprint": signature,
        }
        for b in range(BANDS)
    ]


def copies_in_band(group: Any) -> Any:
    """Within one band: each document's earliest similar predecessor, as a candidate."""
    import pandas as pd

    # a document stored in two partitions counts once, as the local engine keeps its first
    rows = group.sort_values("order").drop_duplicates("id").to_dict("records")
    found = []
    for i, row in enumerate(rows):
        for earlier in rows[:i]:
            score = similarity(tuple(row["fingerprint"]), tuple(earlier["fingerprint"]))
            if earlier["id"] != row["id"] and score >= COPY_SIMILARITY:
                found.append(
                    {
                        "id": row["id"],
                        "duplicate_of": earlier["id"],
                        "similarity": score,
                        "order": earlier["order"],
                    }
                )
                break
    return pd.DataFrame(found, columns=["id", "duplicate_of", "similarity", "order"])


def earliest_original(group: Any) -> Any:
    """Of a document's candidates from all its bands, the earliest original."""
    return group.sort_values("order").head(1)[["id", "duplicate_of", "similarity"]]


def clusters_in_group(group: Any) -> Any:
    """Events of one type at one place merged into occurrences, as the local store does."""
    import pandas as pd

    index = EventIndex()
    found = []
    for row in group.sort_values("seq").drop_duplicates("id").to_dict("records"):
        day = row["day"] if isinstance(row["day"], date) else None
        event = EventRow(
            id=row["id"],
            type=row["type"],
            place_id=row["place_id"],
            place=None,
            place_kind=None,
            day=day,
            actors=frozenset(row["actors"] or ()),
            recipients=frozenset(row["recipients"] or ()),
            mergeable=True,
        )
        cluster = index.match(event)
        if cluster is None:
            cluster = Cluster(f"c:{event.id}", event.type, event.place_id, None, day, day)
            cluster.actors |= event.actors
            cluster.recipients |= event.recipients
            index.add(cluster, day)
        else:
            index.extend(cluster, event)
        found.append({"event_id": event.id, "cluster_id": cluster.id})
    return pd.DataFrame(found, columns=["event_id", "cluster_id"])
