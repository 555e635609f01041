"""The default pipeline keeps its stages' contracts on real articles: in checked mode no
stage reads or changes a Doc field it does not declare, and each declared read is needed."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest

from conftest import EXAMPLE, SHARED
from newsgraph.contracts import run_checked
from newsgraph.errors import ContractError
from newsgraph.ingest.sources import ReadOptions, read_source
from newsgraph.ingest.text import read_text_file
from newsgraph.model import Article, Doc
from newsgraph.normalize.clean import clean
from newsgraph.pipeline import CHUNK, build, run_many
from newsgraph.registry import DEFAULT_PIPELINE, Stage
from newsgraph.resources import Resources

pytestmark = pytest.mark.model
CONFLICT = SHARED / "eval" / "conflict" / "articles.jsonl"


def _checked_run(articles: list[Article], resources: Resources) -> list[Doc]:
    outcomes = list(run_many(build(checked=True), articles, resources, chunk=CHUNK))
    assert [(o.source, o.error) for o in outcomes if o.error is not None] == []
    return [o.doc for o in outcomes if o.doc is not None]


def test_the_reference_article_runs_checked(resources: Resources) -> None:
    (doc,) = _checked_run([read_text_file(EXAMPLE)], resources)
    assert doc.stages == ("clean.v1", *DEFAULT_PIPELINE)
    assert doc.events and doc.quotes and doc.people and doc.places


@pytest.mark.skipif(not CONFLICT.is_file(), reason="../shared/eval/conflict not present")
def test_conflict_articles_run_checked(resources: Resources) -> None:
    items = itertools.islice(read_source(str(CONFLICT), ReadOptions()), 10)
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == 10
    docs = _checked_run(articles, resources)
    assert all(d.stages == ("clean.v1", *DEFAULT_PIPELINE) for d in docs)


def test_every_declared_read_is_needed(resources: Resources) -> None:
    """Hiding any one field a stage declares stops it on the reference article: the
    declarations say no more than the stages read."""
    doc = clean(read_text_file(EXAMPLE))
    unneeded = []
    for stage in build().stages:
        run = _runner(stage, resources)
        for name in sorted(stage.requires):
            try:
                run_checked(replace(stage, requires=stage.requires - {name}), doc, run)
            except ContractError:
                continue
            unneeded.append(f"{stage.name} {name}")
        doc = run(doc)
    assert unneeded == []


def _runner(stage: Stage, resources: Resources) -> Callable[[Doc], Doc]:
    return lambda doc: stage.fn(doc, resources)
