"""Stage contracts: a checked run hides what a stage does not declare, and the order comes
from the declarations (hand-made stages, no model)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from newsgraph.contracts import Hidden, order
from newsgraph.errors import ContractError, PipelineError, StageError
from newsgraph.model import Doc, Person, Span
from newsgraph.pipeline import Pipeline, build
from newsgraph.registry import DEFAULT_PIPELINE, STAGES, Stage

DOC = Doc(id="d", source="d.txt", text="Ouisa Davis wrote.", title="Letters")
USES: dict[str, Callable[[Any], object]] = {
    "iteration": list,
    "len": len,
    "bool": bool,
    "attribute": lambda x: x.lower(),
    "indexing": lambda x: x[0],
    "slicing": lambda x: x[1:3],
    "equality": lambda x: x == (),
    "order": lambda x: x < 3,
    "membership": lambda x: "a" in x,
    "hashing": hash,
    "str": str,
    "f-string": lambda x: f"{x}",
    "concatenation": lambda x: x + "!",
}


def stage(
    name: str, fn: Callable[[Doc, Any], Doc], requires: str = "", produces: str = ""
) -> Stage:
    return Stage(name, fn, frozenset(requires.split()), frozenset(produces.split()))


def run(*stages: Stage, doc: Doc = DOC) -> Doc:
    return Pipeline(stages, checked=True).run_doc(doc, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("use", USES)
def test_any_use_of_a_hidden_field_names_the_stage_and_the_field(use: str) -> None:
    hidden = Hidden("people.v1", "places")
    with pytest.raises(ContractError, match=r"^stage people\.v1 read Doc\.places without"):
        USES[use](hidden)


def test_a_stage_that_reads_what_it_does_not_declare_is_stopped() -> None:
    def titled(doc: Doc, res: Any) -> Doc:
        return replace(doc, people=(Person(name=doc.title or ""),))

    with pytest.raises(ContractError, match=r"stage a\.v1 read Doc\.title without declaring it"):
        run(stage("a.v1", titled, "text", "people"))
    assert run(stage("a.v1", titled, "title", "people")).people == (Person("Letters"),)


def test_a_hidden_field_handed_to_a_regex_is_named_too() -> None:
    def words(doc: Doc, res: Any) -> Doc:
        found = tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer("Davis", doc.text))
        return replace(doc, people=(Person("Davis", mentions=found),))

    with pytest.raises(ContractError, match=r"read Doc\.text without declaring it \(TypeError"):
        run(stage("a.v1", words, "", "people"))
    (person,) = run(stage("a.v1", words, "text", "people")).people
    assert person.mentions == (Span(6, 11, "Davis"),)


def test_a_stage_that_changes_what_it_does_not_produce_is_stopped() -> None:
    def retitle(doc: Doc, res: Any) -> Doc:
        return replace(doc, title="Other", people=())

    with pytest.raises(ContractError, match=r"a\.v1 changed Doc\.title without declaring"):
        run(stage("a.v1", retitle, "title", "people"))


def test_a_checked_run_gives_what_an_unchecked_one_does() -> None:
    def people(doc: Doc, res: Any) -> Doc:
        return replace(doc, people=(Person(doc.text.split()[1]),))

    def places(doc: Doc, res: Any) -> Doc:
        return replace(doc, places=()) if doc.people else doc

    stages = (stage("a.v1", people, "text", "people"), stage("b.v1", places, "people", "places"))
    plain = Pipeline(stages).run_doc(DOC, None)  # type: ignore[arg-type]
    assert run(*stages) == plain
    assert plain.people == (Person("Davis"),) and plain.stages == ("a.v1", "b.v1")


def test_a_batching_stage_is_checked_document_by_document() -> None:
    def batch(docs: Any, res: Any) -> list[Doc]:
        return [replace(d, people=(Person(d.title.upper()),)) for d in docs]

    reads_title = Stage("a.v1", lambda d, r: d, frozenset(), frozenset({"people"}), batch)
    with pytest.raises(ContractError, match=r"a\.v1 read Doc\.title"):
        run(reads_title)
    declared = replace(reads_title, requires=frozenset({"title"}))
    assert run(declared).people == (Person("LETTERS"),)


def test_a_stage_that_fails_on_its_own_is_a_stage_error_not_a_contract_one() -> None:
    def broken(doc: Doc, res: Any) -> Doc:
        return replace(doc, people=(Person(str(1 / len(doc.text[:0]))),))

    with pytest.raises(StageError, match="ZeroDivisionError"):
        run(stage("a.v1", broken, "text", "people"))


def _named(*stages: Stage) -> list[str]:
    return [s.name for s in order(stages, DEFAULT_PIPELINE)]


def test_the_order_follows_the_declarations_not_the_list() -> None:
    noop = lambda doc, res: doc  # noqa: E731
    a, b = stage("a.v1", noop, "text", "people"), stage("b.v1", noop, "people", "places")
    c = stage("c.v1", noop, "title", "quotes")
    assert _named(b, c, a) == ["c.v1", "a.v1", "b.v1"]  # c and a are free: given order
    names = ["events.v1", "places.v1", "people.v1", "actors.v1", "parse.v1"]
    names += ["quotes.v1", "attributions.v1", "event_classes.v1", "references.v1"]
    assert [s.name for s in build(names).stages] == [n for n in DEFAULT_PIPELINE if n in names]


def test_a_cycle_is_refused_and_shown() -> None:
    noop = lambda doc, res: doc  # noqa: E731
    a, b = stage("a.v1", noop, "places", "people"), stage("b.v1", noop, "people", "places")
    with pytest.raises(PipelineError, match=r"a\.v1 needs b\.v1 needs a\.v1"):
        _named(a, b)
    with pytest.raises(PipelineError, match=r"c\.v1 needs c\.v1"):
        _named(stage("c.v1", noop, "quotes", "quotes"))


def test_a_field_filled_twice_or_by_nothing_is_refused() -> None:
    noop = lambda doc, res: doc  # noqa: E731
    with pytest.raises(PipelineError, match=r"Doc\.people is filled by both a\.v1 and b\.v1"):
        _named(stage("a.v1", noop, "", "people"), stage("b.v1", noop, "", "people"))
    with pytest.raises(PipelineError, match=r"Doc\.title is filled by both clean\.v1 and a\.v1"):
        _named(stage("a.v1", noop, "", "title"))
    with pytest.raises(PipelineError, match=r"stage a\.v1 needs places from upstream"):
        _named(stage("a.v1", noop, "places", "people"))


def test_every_stage_declares_only_doc_fields() -> None:
    fields = set(Doc.__dataclass_fields__) - {"stages"}
    for s in STAGES.values():
        assert s.requires | s.produces <= fields, s.name
    assert [s.name for s in build().stages] == list(DEFAULT_PIPELINE)


def test_the_fields_counted_as_clean_v1s_are_those_clean_fills() -> None:
    from newsgraph.contracts import CLEAN_FIELDS
    from newsgraph.model import Article
    from newsgraph.normalize.clean import clean

    raw = "Syria: a title\n\nBEIRUT, Wed 05 Apr 2017 - Body text.\n\nShare this article"
    article = Article("a.txt", raw, byline="B", url="https://x.org/a", published="2017-04-05")
    doc = clean(replace(article, outlet="X"))
    filled = {f for f in Doc.__dataclass_fields__ if getattr(doc, f) != getattr(DOC, f)}
    assert filled - {"stages"} <= CLEAN_FIELDS
    assert {"id", "source", "text", "title", "url", "published", "outlet"} <= filled
