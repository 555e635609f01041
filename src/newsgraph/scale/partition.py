"""One input partition (a WARC, CSV, JSONL or Parquet file) from bytes to Parquet tables.

Engine-agnostic: the Ray engine calls it inside an actor that holds the models; tests call
it directly. Local paths, or any filesystem pyarrow knows (`s3://bucket/crawl/*.warc.gz`),
copied to a temporary file first since the readers stream from local files.
"""

from __future__ import annotations

import hashlib
import resource
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from newsgraph.corpus import Summary, analyse
from newsgraph.ingest.sources import ReadOptions, expand_sources, is_url, read_source
from newsgraph.model import Doc, Unreadable
from newsgraph.normalize.clean import clean
from newsgraph.pipeline import CHUNK, Budget
from newsgraph.store.parquet import is_done, write_partition
from newsgraph.store.rows import doc_rows


def partition_key(uri: str) -> str:
    """A stable file name for a partition's outputs: reruns find and skip it."""
    return hashlib.sha256(uri.encode("utf-8")).hexdigest()[:20]


def is_remote(uri: str) -> bool:
    """A filesystem URI pyarrow opens (s3://, gs://, hdfs://, file://), not an http(s) page."""
    scheme = urlsplit(uri).scheme.lower()
    return len(scheme) > 1 and not is_url(uri)


def list_partitions(sources: Sequence[str]) -> list[str]:
    """Local files, folders and globs as files; remote folders (s3://...) as their files."""
    local = [s for s in sources if not is_remote(s)]
    remote = [s for s in sources if is_remote(s)]
    out = expand_sources(local) if local else []
    for uri in remote:
        out += _remote_files(uri)
    return out


def _remote_files(uri: str) -> list[str]:
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(uri)
    info = filesystem.get_file_info(path)
    if info.type == fs.FileType.File:
        return [uri]
    scheme = urlsplit(uri).scheme
    found = filesystem.get_file_info(fs.FileSelector(path, recursive=True))
    return sorted(f"{scheme}://{f.path}" for f in found if f.type == fs.FileType.File)


@contextmanager
def local_copy(uri: str) -> Iterator[str]:
    """A local path holding the partition's bytes."""
    if not is_remote(uri):
        yield uri
        return
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(uri)
    suffix = "".join(PurePosixPath(path).suffixes[-2:])
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        with filesystem.open_input_stream(path) as stream:
            shutil.copyfileobj(stream, tmp)
        tmp.flush()
        yield tmp.name


def process_partition(
    uri: str, out: Path, options: ReadOptions, ordinal: int = 0, budget: Budget | None = None
) -> Summary:
    """Read, analyse and write one partition, unless a previous run finished it: what it
    read, wrote (as `new`) and failed on, and the worker's peak memory."""
    key = partition_key(uri)
    summary = Summary()
    if is_done(out, key):
        summary.skipped = 1
        return summary
    docs: list[Doc] = []
    seen: set[str] = set()
    with local_copy(uri) as path:
        for item in read_source(path, options):
            summary.read += 1
            if isinstance(item, Unreadable):
                summary.failed.append(item)
                continue
            doc = clean(item)
            if doc.text.strip() and doc.id not in seen:
                seen.add(doc.id)
                docs.append(doc)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    rows = []
    for at in range(0, len(docs), CHUNK):
        for done in analyse(docs[at : at + CHUNK], budget):
            summary.count(done)
            if done.doc is not None:
                rows.append(doc_rows(done.doc, now))
    summary.new = len(rows)
    summary.peak_rss_mb = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
    write_partition(out, key, ordinal, rows, {"partition": uri, "key": key, **asdict(summary)})
    return summary
