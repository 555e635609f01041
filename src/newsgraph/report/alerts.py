"""Alert filters of `newsgraph watch --alert`: which new or grown incidents to shout about.

A filter is a few conditions that must all hold, written as the analyst would say them:
`type=ASSAULT place=Aleppo killed>=5`, `actor=Syria, single-side`, or `any`. Conditions are
rows of one table (`CONDITIONS`), each read by a small parser and tested on the incident's
row as `query events` gives it.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store.watch_state import Incident

Test = Callable[[Incident], bool]
SINGLE_SIDE = "single-side"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONDITION = re.compile(r"(?P<name>[a-z_-]+)\s*(?P<op>>=|=)\s*(?P<value>.+)", re.IGNORECASE)


def _type(value: str) -> Test:
    wanted = value.upper()
    return lambda i: str(i.row.get("type") or "").upper() == wanted


def _names(value: str) -> Test:
    wanted = value.casefold()

    def test(i: Incident) -> bool:
        names = [*(i.row.get("actors") or ()), *(i.row.get("recipients") or ())]
        return any(wanted in str(name).casefold() for name in names)

    return test


def _place(value: str) -> Test:
    wanted = value.casefold()
    return lambda i: wanted in str(i.row.get("place") or "").casefold()


def _killed(value: str) -> Test:
    if not value.isdigit():
        raise ValueError("not a whole number")
    least = int(value)
    return lambda i: (i.row.get("fatalities") or 0) >= least


# name, operator -> the test it builds from the value; read in order
CONDITIONS: dict[tuple[str, str], Callable[[str], Test]] = {
    ("type", "="): _type,
    ("actor", "="): _names,
    ("place", "="): _place,
    ("killed", ">="): _killed,
}


@dataclass(frozen=True, slots=True)
class AlertFilter:
    """One --alert: its text as written, and the tests that must all pass."""

    text: str
    tests: tuple[Test, ...]
    single_side: bool = False

    def matches(self, incident: Incident) -> bool:
        """Whether the incident passes every condition. `single-side` passes only where the
        store says so; a store without corroboration says nothing, so it matches nothing."""
        if self.single_side and not incident.single_side:
            return False
        return all(test(incident) for test in self.tests)


def parse_filter(text: str) -> AlertFilter:
    """`type=ASSAULT place=Deir ez-Zor killed>=5 single-side` (spaces or commas between
    conditions; a word that is not a condition continues the value before it, and quotes
    work too; `any` for every incident); NewsgraphError naming what it cannot read."""
    try:
        lexer = shlex.shlex(text, posix=True)
        lexer.whitespace += ","
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError as exc:
        raise NewsgraphError(f"--alert {text!r}: {exc}") from None
    if not words:
        raise NewsgraphError("--alert '': name a condition, or `any`")
    conditions: list[str] = []
    single = False
    for word in words:
        if word.lower() == SINGLE_SIDE:
            single = True
        elif word.lower() != "any" and conditions and not _CONDITION.fullmatch(word):
            conditions[-1] += " " + word
        elif word.lower() != "any":
            conditions.append(word)
    return AlertFilter(text, tuple(_condition(c, text) for c in conditions), single)


def _condition(word: str, text: str) -> Test:
    found = _CONDITION.fullmatch(word.strip())
    build = CONDITIONS.get((found["name"].lower(), found["op"])) if found else None
    if found is None or build is None:
        known = ", ".join(f"{n}{op}..." for n, op in CONDITIONS) + f", {SINGLE_SIDE}, any"
        raise NewsgraphError(f"--alert {text!r}: cannot read {word!r} (use {known})")
    try:
        return build(found["value"].strip())
    except ValueError as exc:
        raise NewsgraphError(f"--alert {text!r}: {word}: {exc}") from None


@dataclass(frozen=True, slots=True)
class Alert:
    """An incident that matched: what is printed and what is appended to the JSONL file."""

    record: dict[str, Any]

    def line(self) -> str:
        """One line for the terminal."""
        r = self.record
        who = ", ".join(r["actors"][:2]) or "?"
        whom = ", ".join(r["recipients"][:2])
        parties = f"{who} -> {whom}" if whom else who
        killed = f", {r['fatalities']} killed" if r.get("fatalities") else ""
        sources = ", ".join(r["sources"][:3])
        line = (
            f"ALERT {r['change']} {r['type']} in {r['place'] or '?'} {r['date'] or ''}: "
            f"{parties}{killed}; {r['reports']} report(s) ({sources}) [{r['filters']}]"
        )
        # names come from articles: no escape sequence of theirs reaches the terminal
        return _CONTROL.sub(" ", line)

    def json(self) -> str:
        """One JSON line."""
        return json.dumps(self.record, ensure_ascii=False, default=_plain)


def alerts(incidents: Sequence[Incident], filters: Sequence[AlertFilter], at: str) -> list[Alert]:
    """One alert per incident that some filter matches, naming the filters it matched."""
    out: list[Alert] = []
    for incident in incidents:
        matched = [f.text for f in filters if f.matches(incident)]
        if matched:
            out.append(Alert(_record(incident, matched, at)))
    return out


_FIELDS = (
    *("event", "type", "mode", "date", "place", "lat", "lon", "country", "actors"),
    *("recipients", "fatalities", "injuries", "killed", "weapon", "status", "claimed_by"),
    *("reports", "documents", "sources", "urls", "evidence"),
)


def _record(incident: Incident, matched: list[str], at: str) -> dict[str, Any]:
    row = incident.row
    record: dict[str, Any] = {
        "at": at,
        "change": "grown" if incident.grown else "new",
        "filters": "; ".join(matched),
    }
    record.update({name: _plain(row.get(name)) for name in _FIELDS})
    record["actors"] = record["actors"] or []
    record["recipients"] = record["recipients"] or []
    record["sources"] = record["sources"] or []
    record["single_side"] = incident.single_side
    return record


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
