"""Doc -> the JSON document described in docs/output.md."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from newsgraph.model import Doc

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


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    """One document as plain JSON-ready data."""
    data = asdict(doc)
    for key in _INTERNAL:
        data.pop(key, None)
    return data


def render_json(docs: Iterable[Doc]) -> str:
    """`{"documents": [...]}` for a batch of documents."""
    return render_documents(doc_to_dict(d) for d in docs)


def render_documents(documents: Iterable[dict[str, Any]]) -> str:
    """`{"documents": [...]}` for documents already turned into JSON-ready data."""
    payload = {"schema": SCHEMA_VERSION, "documents": list(documents)}
    return json.dumps(payload, ensure_ascii=False, indent=1)
