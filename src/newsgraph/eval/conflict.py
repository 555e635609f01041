"""`newsgraph eval conflict`: the shipped pipeline over analyst-annotated conflict news.

A gold folder holds `articles.jsonl` (`{id, title, text, date, source}`), `events.json`
(`{ID: {"events": [...]}}`), optionally `quotes.json` and `articles/ID.txt` (the text as the
annotators read it). The articles are read the way `newsgraph analyze` reads a JSON Lines
file and run through the default pipeline, built by `pipeline.build()` exactly as users run
it; the documents are turned into the JSON `--format json` prints and scored by
`eval/conflict_scores.py`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.eval.conflict_scores import ConflictScore, GoldArticle, score_documents
from newsgraph.ingest.sources import ReadOptions, read_source
from newsgraph.model import Article, Unreadable
from newsgraph.pipeline import Outcome, Pipeline, build, run_many
from newsgraph.report.json_out import doc_to_dict
from newsgraph.resources import Resources

Progress = Callable[[Iterable[Article | Outcome]], Iterable[Article | Outcome]]


def read_gold(folder: Path) -> list[GoldArticle]:
    """The annotated articles of a gold folder; a missing or malformed file is an InputError."""
    events = _json(folder / "events.json")
    quotes_path = folder / "quotes.json"
    quotes = _json(quotes_path) if quotes_path.is_file() else {}
    texts = {str(row["id"]): str(row["text"]) for row in _rows(folder / "articles.jsonl")}
    out = []
    for unit, record in events.items():
        raw = folder / "articles" / f"{unit}.txt"
        text = raw.read_text(encoding="utf-8") if raw.is_file() else texts.get(unit)
        if text is None:
            raise InputError(f"{folder}: gold article {unit} has no text")
        said = quotes.get(unit)
        out.append(
            GoldArticle(
                id=unit,
                text=text,
                events=tuple(record.get("events", [])),
                quotes=tuple(said.get("quotes", [])) if said is not None else None,
            )
        )
    return out


def analyse(
    folder: Path, res: Resources, progress: Progress | None = None, pipeline: Pipeline | None = None
) -> tuple[list[dict[str, Any]], list[Outcome]]:
    """The folder's articles through the default pipeline (or `pipeline`, which the
    stage-removal test passes one stage short): documents as JSON, and failures."""
    pipeline = pipeline or build()
    items: Iterable[Article | Outcome] = _articles(folder / "articles.jsonl")
    if progress is not None:
        items = progress(list(items))
    documents, failed = [], []
    for outcome in run_many(pipeline, items, res):
        if outcome.doc is None:
            failed.append(outcome)
        else:
            documents.append(doc_to_dict(outcome.doc))
    return documents, failed


def evaluate(
    folder: Path,
    res: Resources,
    verbose: bool = False,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> tuple[ConflictScore, list[dict[str, Any]]]:
    """Analyse the gold folder's articles and score them; also the documents, for saving."""
    gold = read_gold(folder)
    documents, failed = analyse(folder, res, progress, pipeline)
    if failed:
        reasons = "; ".join(f"{o.source}: {o.error}" for o in failed[:3])
        raise InputError(f"{len(failed)} gold article(s) could not be analysed: {reasons}")
    return score_documents(documents, gold, verbose), documents


def fingerprint(folder: Path) -> str:
    """SHA-256 over the gold files, so a quality gate notices a changed gold set."""
    digest = hashlib.sha256()
    for name in ("articles.jsonl", "events.json", "quotes.json"):
        path = folder / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _articles(path: Path) -> Iterator[Article | Outcome]:
    for item in read_source(str(path), ReadOptions()):
        if isinstance(item, Unreadable):
            yield Outcome(item.source, error=InputError(item.reason))
        else:
            yield item


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (expected a conflict gold folder)") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object keyed by article id")
    return data


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (expected a conflict gold folder)") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
        if isinstance(row, dict) and "id" in row and "text" in row:
            yield row
