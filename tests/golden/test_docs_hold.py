"""The docs stay true: every JSON field is in docs/output.md, every CLI option in README.md."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from typer.main import get_command

from conftest import EXAMPLE, ROOT
from newsgraph.cli.main import app
from newsgraph.ingest.text import read_text_file
from newsgraph.report.json_out import render_json

DOCUMENTED = set(re.findall(r"`([a-z_]+)`", (ROOT / "docs" / "output.md").read_text("utf-8")))


def keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys(inner)


@pytest.mark.model
def test_every_output_field_is_documented(pipeline, resources):
    doc = pipeline.run(read_text_file(EXAMPLE), resources)
    output = json.loads(render_json([doc], resources.outlets))
    assert set(output) == {"schema", "documents"}
    undocumented = set(keys(output["documents"])) - DOCUMENTED
    assert not undocumented, f"add these to docs/output.md: {sorted(undocumented)}"


def test_every_cli_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")

    def walk(group, prefix):
        for name, sub in group.commands.items():
            yield f"{prefix} {name}", sub
            if hasattr(sub, "commands"):
                yield from walk(sub, f"{prefix} {name}")

    for path, sub in walk(get_command(app), "newsgraph"):
        assert path in readme, f"README.md does not mention `{path}`"
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in readme, f"README.md does not mention {path} {opt}"
