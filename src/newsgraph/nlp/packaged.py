"""Loading a spaCy pipeline shipped inside the package (never downloaded)."""

from __future__ import annotations

from typing import Any

from newsgraph.data_files import data_path
from newsgraph.errors import ResourceError


def load_packaged(model_dir: str, what: str, script: str) -> Any:
    """The spaCy pipeline in `newsgraph/data/<model_dir>`; a missing one names the script that
    makes it."""
    import spacy

    path = data_path(model_dir, script)
    try:
        return spacy.load(str(path))
    except OSError as exc:
        raise ResourceError(f"{what} missing at {path}: run {script}") from exc
