"""The one door to the files shipped in `newsgraph/data`: every loader reads through here.

A missing file is a `MissingData` naming it (and the script that makes it, when one does),
never an empty table: a stage that silently lost its lexicon would still run, only worse.
This module imports nothing of the pipeline, so any loader may use it without a cycle.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from newsgraph.errors import MissingData

PACKAGE = "newsgraph"


def data_path(name: str, made_by: str = "") -> Traversable:
    """The packaged file or folder `data/<name>`, which must exist."""
    path = resources.files(PACKAGE).joinpath("data", *name.split("/"))
    if not (path.is_file() or path.is_dir()):
        raise MissingData(_missing(name, made_by))
    return path


def read_text(name: str, made_by: str = "") -> str:
    """The text (UTF-8) of the packaged file `data/<name>`."""
    path = data_path(name, made_by)
    if not path.is_file():
        raise MissingData(_missing(name, made_by))
    return path.read_text("utf-8")


def read_bytes(name: str, made_by: str = "") -> bytes:
    """The bytes of the packaged file `data/<name>`."""
    path = data_path(name, made_by)
    if not path.is_file():
        raise MissingData(_missing(name, made_by))
    return path.read_bytes()


def read_package_text(package: str, name: str) -> str:
    """The text (UTF-8) of a data file shipped by a pinned dependency, e.g. the first-name
    list of `gender_guesser`; a missing package or file is a `MissingData` naming both."""
    try:
        path = resources.files(package).joinpath(*name.split("/"))
    except ModuleNotFoundError:
        raise MissingData(f"package {package} is not installed: reinstall newsgraph") from None
    if not path.is_file():
        raise MissingData(f"{package}/{name} is missing: reinstall {package}")
    return path.read_text("utf-8")


def _missing(name: str, made_by: str) -> str:
    hint = f": run {made_by}" if made_by else ": reinstall newsgraph"
    return f"packaged data newsgraph/data/{name} is missing{hint}"
