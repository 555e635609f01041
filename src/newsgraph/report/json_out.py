"""Doc -> the JSON document described in docs/output.md."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from newsgraph.model import Doc
from newsgraph.resolve.outlets import Outlet
from newsgraph.store.corroboration import corroboration_dict
from newsgraph.store.origins import doc_corroboration

# Parse internals that are not part of the output.
_INTERNAL = (
    "tokens",
    "sentences",
    "entities",
    "attribution_marks",
    "event_classes",
    "fingerprint",
)
SCHEMA_VERSION = "1"


def doc_to_dict(doc: Doc, outlets: Iterable[Outlet] | None = None) -> dict[str, Any]:
    """One document as plain JSON-ready data; given the outlet table, each event and quote
    with its `corroboration` (the document taken alone)."""
    data = asdict(doc)
    for key in _INTERNAL:
        data.pop(key, None)
    if outlets is not None:
        events, quotes = doc_corroboration(doc, outlets)
        pairs = [*zip(data["events"], events, strict=True)]
        pairs += zip(data["quotes"], quotes, strict=True)
        for item, found in pairs:
            item["corroboration"] = corroboration_dict(found)
    return data


def render_json(docs: Iterable[Doc], outlets: Iterable[Outlet]) -> str:
    """`{"documents": [...]}` for a batch of documents, each fact with its corroboration."""
    table = list(outlets)
    return render_documents(doc_to_dict(d, table) for d in docs)


def render_documents(documents: Iterable[dict[str, Any]]) -> str:
    """`{"documents": [...]}` for documents already turned into JSON-ready data."""
    payload = {"schema": SCHEMA_VERSION, "documents": list(documents)}
    return json.dumps(payload, ensure_ascii=False, indent=1)
