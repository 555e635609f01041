"""A finished Doc as rows of the store's tables: plain tuples, no database here.

Entity ids are canonical keys, so the same actor, person or place gets the same row in
every document ("merged across documents"); fact ids are the document id plus a number.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from newsgraph.extract.dates import parse_day
from newsgraph.model import Doc, Event, Place, Span
from newsgraph.store.origins import denials

Row = tuple[object, ...]
# Places too large, or too vague without coordinates, to say two reports describe the same
# occurrence.
BROAD_PLACES = frozenset({"country", "admin1", "admin2", "region", "unresolved", "street"})
# Statuses of something that happened (not a threat, a plan or history): these merge.
MERGEABLE_STATUSES = ("asserted", "claimed", "denied")


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event with what merging needs: its type, place, day and parties."""

    id: str
    type: str
    place_id: str | None
    place: str | None
    place_kind: str | None
    day: date | None
    actors: frozenset[str]
    recipients: frozenset[str]
    mergeable: bool  # asserted or claimed: something that happened, not a threat
    values: Row = ()


@dataclass(slots=True)
class DocRows:
    """Every row one document adds, by table."""

    document: Row
    actors: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)


def actor_id(name: str) -> str:
    return f"actor:{name.casefold()}"


def person_id(name: str) -> str:
    return f"person:{name.casefold()}"


def place_id(place: Place) -> str:
    if place.geonames_id is not None:
        return f"place:{place.origin or 'geonames'}:{place.geonames_id}"
    if place.within:  # two villages of one name in different districts are two places
        return f"place:{place.kind}:{place.name.casefold()}@{place.within.casefold()}"
    return f"place:{place.kind}:{place.name.casefold()}"


def content_hash(doc: Doc) -> str:
    basis = f"{doc.title or ''}\n{doc.text}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def doc_rows(doc: Doc, now: str) -> DocRows:
    """All rows of `doc`; `now` is the ingest timestamp (ISO)."""
    published = parse_day(doc.published)
    rows = DocRows(
        document=(
            doc.id,
            doc.source,
            doc.url,
            doc.title,
            doc.byline,
            doc.outlet,
            published,
            doc.text,
            len(doc.text.split()),
            content_hash(doc),
            list(doc.stages),
            list(doc.fingerprint),
            now,
        )
    )
    _entities(doc, rows)
    _quotes(doc, rows)
    _events(doc, rows, published)
    for n, rel in enumerate(doc.relations):
        rid = f"{doc.id}:r{n}"
        rows.relations.append((rid, doc.id, rel.subject, rel.relation, rel.object, rel.stage))
        rows.evidence.append(_evidence("relation", rid, doc.id, rel.evidence))
    return rows


def _entities(doc: Doc, rows: DocRows) -> None:
    for actor in doc.actors:
        eid = actor_id(actor.name)
        rows.actors.append(
            (
                eid,
                actor.name,
                actor.kind,
                actor.code,
                actor.country,
                actor.origin,
                list(actor.patrons),
                actor.led_by,
                actor.side,
            )
        )
        rows.mentions += [(doc.id, "actor", eid, m.start, m.end, m.text) for m in actor.mentions]
    for person in doc.people:
        eid = person_id(person.name)
        rows.people.append((eid, person.name, person.title, person.affiliation))
        rows.mentions += [(doc.id, "person", eid, m.start, m.end, m.text) for m in person.mentions]
    for place in doc.places:
        eid = place_id(place)
        rows.places.append(
            (
                eid,
                place.name,
                place.geonames_id,
                place.lat,
                place.lon,
                place.country_code,
                place.kind,
                place.origin,
                place.precision,
                place.within,
            )
        )
        rows.mentions += [(doc.id, "place", eid, m.start, m.end, m.text) for m in place.mentions]


def speaker_id(doc: Doc, name: str | None) -> str | None:
    if name is None:
        return None
    if any(p.name == name for p in doc.people):
        return person_id(name)
    return actor_id(name)


def _quotes(doc: Doc, rows: DocRows) -> None:
    for n, q in enumerate(doc.quotes):
        qid = f"{doc.id}:q{n}"
        said = q.speaker_mention.text if q.speaker_mention else None
        rows.quotes.append(
            (
                qid,
                doc.id,
                q.start,
                q.end,
                q.text,
                q.kind,
                q.cue,
                q.speaker,
                speaker_id(doc, q.speaker),
                said,
                list(q.via),
                q.method,
                q.stage,
            )
        )
        for part in q.parts or (Span(q.start, q.end, q.text),):
            rows.evidence.append(_evidence("quote", qid, doc.id, part))


def _events(doc: Doc, rows: DocRows, published: date | None) -> None:
    for n, (ev, denied) in enumerate(zip(doc.events, denials(doc), strict=True)):
        eid = f"{doc.id}:e{n}"
        place = _place_of(doc, ev)
        day = _day_of(ev, published)
        rows.events.append(_event_row(doc, ev, eid, place, day, denied))
        rows.evidence.append(_evidence("event", eid, doc.id, ev.evidence))
        for span in ev.mentions:
            if (span.start, span.end) != (ev.evidence.start, ev.evidence.end):
                rows.evidence.append(_evidence("event", eid, doc.id, span, main=False))


def _place_of(doc: Doc, ev: Event) -> Place | None:
    """The place the event's most specific location names, as written or by its name."""
    for name in ev.location:
        for place in doc.places:
            if place.name == name or any(m.text == name for m in place.mentions):
                return place
    return None


def _day_of(ev: Event, published: date | None) -> date | None:
    """The calendar day of an event: its own, the report's when the text names none, never a
    day made up for a month or a year."""
    full = ev.day is not None and len(ev.day) == 10  # a day, not a month ("2016-07") or year
    if ev.day and full and ev.day_precision in ("day", "report", None):
        return date.fromisoformat(ev.day)
    if ev.day is None and ev.day_precision is None and ev.status != "historical":
        return published
    return None


def _event_row(
    doc: Doc, ev: Event, eid: str, place: Place | None, day: date | None, denied: tuple[str, ...]
) -> EventRow:
    pid = place_id(place) if place else None
    values: Row = (
        eid,
        doc.id,
        ev.type,
        ev.mode,
        ev.status,
        list(ev.actor),
        list(ev.recipient),
        (ev.location[0] if ev.location else None) if place is None else place.name,
        pid,
        ev.date,
        day,
        list(ev.killed),
        list(ev.injured),
        ev.claimed_by,
        list(ev.via),
        ev.cameo,
        ev.trigger.text,
        ev.method,
        ev.stage,
        ev.fatalities,
        ev.injuries,
        ev.approximate,
        ev.weapon,
        ev.day_precision,
        ev.day,
        ev.suspected,
        list(denied),
    )
    return EventRow(
        id=eid,
        type=ev.type,
        place_id=pid,
        place=place.name if place else None,
        place_kind=place.kind if place else None,
        day=day,
        actors=frozenset(ev.actor),
        recipients=frozenset(ev.recipient),
        # Only something that happened, at a place precise enough to call it one occurrence.
        mergeable=ev.status in MERGEABLE_STATUSES
        and place is not None
        and place.kind not in BROAD_PLACES,
        values=values,
    )


def _evidence(kind: str, fact_id: str, doc_id: str, span: Span, main: bool = True) -> Row:
    return (kind, fact_id, doc_id, span.start, span.end, span.text, main)
