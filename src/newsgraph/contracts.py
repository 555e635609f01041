"""What a stage may touch: the Doc fields it declares, and nothing else.

Each stage declares the fields it reads (`requires`) and the fields it fills (`produces`).
`order` puts stages in an order where every field is filled before it is read, and
`run_checked` proves a declaration on a real document: the stage runs on a Doc whose other
fields are `Hidden` values that raise `ContractError` on any use, and whatever it returns
may differ from its input only in the fields it produces.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING, NoReturn

from newsgraph.errors import ContractError, PipelineError
from newsgraph.model import Doc

if TYPE_CHECKING:
    from newsgraph.registry import Stage

CLEAN = "clean.v1"
# What clean() fills from the article before any stage runs: every stage may read these,
# and must still declare the ones it reads.
CLEAN_FIELDS = frozenset(
    [
        "id",
        "source",
        "text",
        "title",
        "byline",
        "url",
        "published",
        "outlet",
        "dateline",
        "furniture",
    ]
)
DOC_FIELDS = tuple(f.name for f in fields(Doc))


class Hidden:
    """A Doc field a stage did not declare: any use of it stops the run, naming both."""

    __slots__ = ("_field", "_stage")

    def __init__(self, stage: str, field: str) -> None:
        self._stage, self._field = stage, field

    def _refuse(self, *_: object) -> NoReturn:
        raise ContractError(f"stage {self._stage} read Doc.{self._field} without declaring it")

    def __getattr__(self, name: str) -> NoReturn:
        self._refuse()

    def __repr__(self) -> str:  # for tracebacks: never raises
        return f"<Doc.{self._field}, hidden from {self._stage}>"

    def __hash__(self) -> int:
        self._refuse()

    def __eq__(self, other: object) -> bool:
        self._refuse()

    def __ne__(self, other: object) -> bool:
        self._refuse()

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = __reversed__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = __add__ = __radd__ = __mul__ = __rmul__ = _refuse
    __str__ = __format__ = __index__ = __int__ = __float__ = _refuse


def hide(doc: Doc, stage: Stage) -> Doc:
    """`doc` with every field `stage` does not require replaced by a `Hidden`."""
    hidden = {f: Hidden(stage.name, f) for f in DOC_FIELDS if f not in stage.requires}
    return replace(doc, **hidden)  # type: ignore[arg-type]


def restore(before: Doc, shown: Doc, after: object, stage: Stage) -> Doc:
    """`before` with the fields `stage` produced in `after`; refuse any other change."""
    if not isinstance(after, Doc):
        raise ContractError(f"stage {stage.name} returned {type(after).__name__}, not a Doc")
    for name in DOC_FIELDS:
        value = getattr(after, name)
        if name in stage.produces:
            if isinstance(value, Hidden):
                value._refuse()
            continue
        was = getattr(shown, name)
        if value is not was and (isinstance(was, Hidden) or value != was):
            raise ContractError(
                f"stage {stage.name} changed Doc.{name} without declaring it produces it"
            )
    return replace(before, **{name: getattr(after, name) for name in stage.produces})


def run_checked(stage: Stage, doc: Doc, run: Callable[[Doc], Doc]) -> Doc:
    """`run(doc)` for `stage`, with its undeclared fields hidden and its writes checked.

    A hidden field handed to code that never calls back into Python (a regex, `str.join`)
    fails with a TypeError instead: then the stage is run again showing one field at a
    time, and the field it cannot do without is named."""
    shown = hide(doc, stage)
    try:
        after = run(shown)
    except ContractError:
        raise
    except Exception as exc:
        _name_the_field(stage, doc, run, exc)
        raise
    return restore(doc, shown, after, stage)


def _name_the_field(stage: Stage, doc: Doc, run: Callable[[Doc], Doc], exc: Exception) -> None:
    """Raise a ContractError for the hidden field whose use raised `exc`; return when the
    stage fails with every field shown too (a bug of its own, not of its declaration)."""
    try:
        run(doc)
    except Exception:
        return
    for name in DOC_FIELDS:
        if name in stage.requires:
            continue
        try:
            run(replace(doc, **{name: Hidden(stage.name, name)}))  # type: ignore[arg-type]
        except ContractError:
            raise
        except Exception:  # this field alone breaks the stage: it reads it
            raise ContractError(
                f"stage {stage.name} read Doc.{name} without declaring it ({exc!r})"
            ) from exc


def order(stages: Sequence[Stage], preferred: Sequence[str]) -> list[Stage]:
    """`stages` with each after the stages that fill what it reads; ties go in `preferred`
    order (then the order given). A field nothing fills, a field filled twice and a cycle
    are refused."""
    filled_by = {name: CLEAN for name in CLEAN_FIELDS}
    for stage in stages:
        for name in sorted(stage.produces):
            if name in filled_by:
                raise PipelineError(
                    f"Doc.{name} is filled by both {filled_by[name]} and {stage.name}"
                )
            filled_by[name] = stage.name
    after: dict[str, set[str]] = {}
    for stage in stages:
        missing = stage.requires - filled_by.keys()
        if missing:
            raise PipelineError(
                f"stage {stage.name} needs {', '.join(sorted(missing))} from upstream"
            )
        after[stage.name] = {filled_by[name] for name in stage.requires} - {CLEAN}
    rank = {name: n for n, name in enumerate(preferred)}
    tie = {s.name: (rank.get(s.name, len(rank)), n) for n, s in enumerate(stages)}
    by_name = {s.name: s for s in stages}
    ready = [(tie[name], name) for name, needs in after.items() if not needs]
    heapq.heapify(ready)
    out: list[Stage] = []
    while ready:
        _, name = heapq.heappop(ready)
        out.append(by_name[name])
        for other, needs in after.items():
            if name in needs:
                needs.discard(name)
                if not needs:
                    heapq.heappush(ready, (tie[other], other))
    if len(out) < len(stages):
        raise PipelineError(f"stages read each other's output: {_cycle(after)}")
    return out


def _cycle(after: dict[str, set[str]]) -> str:
    """One cycle among the stages still waiting, as "a.v1 needs b.v1 needs a.v1"."""
    path = [min(name for name, needs in after.items() if needs)]
    while path.count(path[-1]) < 2:
        path.append(min(after[path[-1]]))
    return " needs ".join(path[path.index(path[-1]) :])


def run_checked_batch(
    stage: Stage, docs: Sequence[Doc], run: Callable[[list[Doc]], list[Doc]]
) -> list[Doc]:
    """`run(docs)` for a batching `stage`, each document hidden and checked as in `run_checked`."""
    shown = [hide(doc, stage) for doc in docs]
    after = run(shown)
    if len(after) != len(docs):
        raise ContractError(f"stage {stage.name} returned {len(after)} of {len(docs)} documents")
    return [restore(d, s, a, stage) for d, s, a in zip(docs, shown, after, strict=True)]
