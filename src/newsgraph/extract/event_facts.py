"""What one event mention states beside its parties: where, when, how, and how many died.

Each fact comes from the mention's own words, nearest first: the trigger's phrase, then its
clause, then its sentence; never from the rest of the article (other mentions of the same
incident add theirs when mentions are grouped, `extract/incidents.py`).

- place: places named in the clause, else the sentence, as written, most specific first, not
  where they name a party ("Syria has said") or sit in brackets; "the village of Rityan"
  names a place even where the place stage could not resolve it;
- day: the date phrase nearest the trigger in its sentence, read against the dateline
  (`extract/dates.py`); a day more than `HISTORY_DAYS` before the article is background;
- toll: the casualty counts of the sentence (`extract/tolls.py`), each given to the nearest
  mention whose clause tells it;
- mode and weapon: `extract/event_modes.py` over the phrase, the clause, the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.dates import DayReading, base_day, read_date
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.extract.event_modes import find_mode
from newsgraph.extract.tolls import Toll, find_tolls
from newsgraph.model import Doc, Place, Span, Token

HISTORY_DAYS = 45  # a day this long before the article is background, not news
# Most specific first: a named spot before its town, its district, its region, its country.
SPECIFICITY = {
    "unresolved": 0,
    "street": 0,
    "named": 0,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "sea": 4,
    "river": 4,
    "lake": 4,
    "mountains": 4,
    "country": 5,
    "continent": 6,
}
_WEEKDAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'?s)?\b(?:\s+(?:morning|night|evening))?",
    re.I,
)
# "the northern village of Rityan", "the al-Rashideen area of", "the town of al-Bab"
_NAMED_PLACE = re.compile(
    r"\b(?:village|town|city|area|district|neighbou?rhood|suburb|camp|region|province|"
    r"countryside|outskirts|locality|hamlet)s? of ((?:al-|el-|ad-|ar-|as-|ash-)?[A-Z][\w'-]+"
    r"(?: (?:al-|el-)?[A-Z][\w'-]+){0,2})"
)


@dataclass(frozen=True, slots=True)
class Extent:
    """Character ranges nearest first: the trigger's phrase, its clause, its sentence."""

    phrase: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]


def extent(draft: Draft, scene: Scene) -> Extent:
    """Where a mention's facts may be read."""
    doc, tree, tok = scene.doc, scene.tree, draft.tok
    sent = doc.sentences[tok.sent]
    first, last = tree.span(tok.i)  # a noun trigger's phrase: "Russian air strikes on X"
    if tok.pos == "VERB":
        first, last = tok.i, tok.i + 1
        mods = [c for c in tree.children(tok.i, "dobj", "nsubj", "nsubjpass", "agent", "prep")]
        for m in mods:
            a, b = tree.span(m.i)
            first, last = min(first, a), max(last, b)
    clause = _clause_head(tok, scene)
    c_first, c_last = tree.span(clause.i)
    tokens = doc.tokens
    return Extent(
        phrase=(tokens[first].start, tokens[last - 1].end),
        clause=(tokens[c_first].start, tokens[c_last - 1].end),
        sentence=(sent.start, sent.end),
    )


def _clause_head(tok: Token, scene: Scene) -> Token:
    """The verb whose clause the trigger is in (a noun trigger's governing verb)."""
    node = tok
    for _ in range(8):
        if node.pos in {"VERB", "AUX"} and node.dep not in {"amod", "acl"}:
            return node
        if node.head == node.i:
            return node
        node = scene.doc.tokens[node.head]
    return node


def texts(doc: Doc, ext: Extent) -> list[str]:
    """The mention's words, nearest first."""
    return [doc.text[a:b] for a, b in (ext.phrase, ext.clause, ext.sentence)]


def state_facts(draft: Draft, scene: Scene, ext: Extent) -> None:
    """Fill in the draft's place, day, mode and weapon from its own words."""
    doc = scene.doc
    draft.clause = ext.clause
    draft.places = places_in(doc, scene, ext)
    draft.spots = _spots(doc, draft.places)
    draft.date_text, draft.reading = date_of(doc, draft.tok, ext)
    mode, weapon = find_mode(draft.type, texts(doc, ext))
    if mode is not None:
        draft.mode, draft.weapon = mode, weapon
    elif draft.type in {"ASSAULT", "COERCE"}:
        draft.mode = None  # the lexicon's wording ("bombing") is no PLOVER mode
    base = base_day(doc.dateline, doc.published)
    if draft.reading is not None and base is not None and is_background(draft.reading, base):
        draft.status = "historical"


def is_background(reading: DayReading, base: date) -> bool:
    """A time told long before the article: history, not the news it reports."""
    return reading.last_day < base - timedelta(days=HISTORY_DAYS)


def places_in(doc: Doc, scene: Scene, ext: Extent) -> tuple[str, ...]:
    """Places named where the mention is told, as written, most specific first."""
    for start, end in (ext.clause, ext.sentence):
        found = _named_places(doc, scene, start, end)
        if found:
            return found
    return ()


def _named_places(doc: Doc, scene: Scene, start: int, end: int) -> tuple[str, ...]:
    hits: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    people = {p.name.casefold() for p in doc.people} | {
        m.text.casefold() for p in doc.people for m in p.mentions
    }
    for place in doc.places:
        for m in place.mentions:
            if start <= m.start and m.end <= end and _as_place(m, scene):
                text = _written(m.text, people, doc)
                if text is None or _based(doc.text, m.end):
                    continue
                if text.casefold() not in seen:
                    seen.add(text.casefold())
                    hits.append((_rank(place), m.start, text))
                break
    for person in doc.people:
        if person.title or person.affiliation or person.name.casefold() in seen:
            continue
        said = next((m for m in person.mentions if start <= m.start and m.end <= end), None)
        if said is not None and scene.is_place(person.name):
            seen.add(person.name.casefold())  # "shelled Goma": a town the parser took for a man
            hits.append((SPECIFICITY["named"], said.start, said.text))
    for entity in doc.entities:  # "shelled Goma": a town people.v1 found no man in
        inside = start <= entity.start and entity.end <= end and entity.label == "PERSON"
        if not inside or entity.text.casefold() in seen:
            continue
        unresolved = not scene.refs.at(entity.start, entity.end, "actor", "person", "place")
        if unresolved and scene.is_place(entity.text):
            seen.add(entity.text.casefold())
            hits.append((SPECIFICITY["named"], entity.start, entity.text))
    for name, offset in _after_locatives(scene, start, end):
        if name.casefold() not in seen:
            seen.add(name.casefold())  # "dropped on al-Jalloum": a name the gazetteer lacks
            hits.append((SPECIFICITY["named"], offset, name))
    for match in _NAMED_PLACE.finditer(doc.text, start, end):
        name = match.group(1)
        if name.casefold() not in seen and not scene.refs.at(
            match.start(1), match.end(1), "person"
        ):
            seen.add(name.casefold())
            hits.append((SPECIFICITY["named"], match.start(1), name))
    return tuple(name for _rank_, _at, name in sorted(hits))


WIDE = frozenset({"country", "admin1", "region", "sea", "continent"})


def _spots(doc: Doc, written: Sequence[str]) -> tuple[str, ...]:
    """The places narrower than a province, by their gazetteer name, so that "Deir al-Zor"
    and "Deir az-Zour" are one; a name the gazetteer lacks stays as written."""
    canonical: dict[str, Place] = {}
    for place in doc.places:
        for m in place.mentions:
            canonical.setdefault(m.text.casefold(), place)
    out = []
    for name in written:
        found = canonical.get(name.casefold())
        if found is None:
            out.append(name.casefold())
        elif found.kind not in WIDE:
            out.append(found.name.casefold())
    return tuple(dict.fromkeys(out))


LOCATIVES = frozenset({"in", "on", "near", "at", "into", "outside", "towards", "toward"})
_CALENDAR = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*$",
    re.I,
)


def _after_locatives(scene: Scene, start: int, end: int) -> list[tuple[str, int]]:
    """Proper names governed by "in", "on", "near" ... that name no party, person or date: the
    villages and neighbourhoods the gazetteer lacks ("dropped on al-Jalloum")."""
    doc, tree = scene.doc, scene.tree
    out: list[tuple[str, int]] = []
    for tok in doc.tokens:
        if not (start <= tok.start < end) or tok.text.casefold() not in LOCATIVES:
            continue
        for obj in tree.children(tok.i, "pobj"):
            if obj.pos != "PROPN" or _CALENDAR.match(obj.text):
                continue
            parts = [c for c in tree.children(obj.i, "compound") if c.pos == "PROPN"]
            first = min([obj, *parts], key=lambda t: t.i)
            a, b = first.start, obj.end
            if scene.refs.at(a, b, "actor", "person", "place"):
                continue
            if any(e.start < b and a < e.end for e in doc.entities if e.label in _TIMES):
                continue
            out.append((doc.text[a:b], a))
    return out


_TIMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _written(text: str, people: set[str], doc: Doc) -> str | None:
    """The name as written, less an apostrophe-less possessive ("Syrias" -> "Syria"); None for
    a person's name the place stage took for a place ("Nohas husband")."""
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        stem = text[:-1]
        if stem.casefold() in people:
            return None
        if any(p.name.casefold() == stem.casefold() for p in doc.places):
            return stem
    return text


def _based(text: str, end: int) -> bool:
    """ "the UK-based monitor", "Britain-based": where a party sits, not where the act was."""
    return bool(re.match(r"-?\s?based\b", text[end : end + 8], re.I))


def _rank(place: Place) -> int:
    return SPECIFICITY.get(place.kind, 1)


def _as_place(m: Span, scene: Scene) -> bool:
    """Named as a location: not an aside in brackets, and not a party ("Syria has said")."""
    if _in_brackets(scene.doc.text, m.start):
        return False
    return not scene.refs.at(m.start, m.end, "actor") or scene.args.is_locative(m.start)


def _in_brackets(text: str, offset: int) -> bool:
    before = text[max(0, offset - 300) : offset]
    return before.rfind("(") > before.rfind(")") and before.rfind("(") > before.rfind(". ")


def date_of(doc: Doc, tok: Token, ext: Extent) -> tuple[str | None, DayReading | None]:
    """The date phrase of the trigger's clause, else one of its sentence's main clause: "on
    Friday" in "... where rebels killed the pilot on Friday" is no date of the shelling the
    sentence opens with."""
    base = base_day(doc.dateline, doc.published)
    phrases = [(e.start, e.end, e.text) for e in doc.entities if e.label in {"DATE", "TIME"}]
    start, end = ext.sentence
    phrases += [(m.start(), m.end(), m.group(0)) for m in _WEEKDAY.finditer(doc.text, start, end)]
    in_clause = [p for p in phrases if ext.clause[0] <= p[0] < ext.clause[1]]
    in_main = [p for p in phrases if start <= p[0] < end and _in_main_clause(doc, p[0])]
    for group in (in_clause, in_main):
        found = [
            (abs(at - tok.start), text, r) for at, _e, text in group if (r := read_date(text, base))
        ]
        if found:
            _distance, text, reading = min(found, key=lambda c: c[0])
            return text, reading
    return None, None


def _in_main_clause(doc: Doc, offset: int) -> bool:
    """Whether the word at `offset` hangs from its sentence's root, not a subordinate clause."""
    tok = next((t for t in doc.tokens if t.start <= offset < t.end), None)
    seen = 0
    while tok is not None and tok.head != tok.i and seen < 12:
        if tok.dep in {"relcl", "advcl", "ccomp", "acl", "xcomp", "pcomp"}:
            return False
        tok = doc.tokens[tok.head]
        seen += 1
    return True


def toll_mentions(drafts: Sequence[Draft], scene: Scene) -> list[Draft]:
    """Sentences that give a toll and name no act ("The death toll reached at least 112"):
    each is a mention of an assault, anchored at the toll's first word, so that its number
    joins the incident it counts."""
    told = {d.tok.sent for d in drafts if d.type in {"ASSAULT", "COERCE"}}
    out: list[Draft] = []
    for sent in scene.doc.sentences:
        index = scene.doc.sentences.index(sent)
        if index in told:
            continue
        tolls = [t for t in find_tolls(scene.doc.text, sent.start, sent.end) if t.kind == "killed"]
        if not tolls:
            continue
        tok = next(t for t in scene.doc.tokens if t.start >= tolls[0].start)
        trigger = Trigger("ASSAULT", "190", None, "toll")
        out.append(Draft(tok=tok, trigger=trigger, type="ASSAULT", method="toll"))
    return out


def share_tolls(drafts: Sequence[Draft], scene: Scene) -> None:
    """Each casualty count of a sentence goes to the nearest assault or coercion mention."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.type in {"ASSAULT", "COERCE"}:
            by_sentence.setdefault(draft.tok.sent, []).append(draft)
    for index, group in by_sentence.items():
        sent = scene.doc.sentences[index]
        for toll in find_tolls(scene.doc.text, sent.start, sent.end):
            near = [d for d in group if _in_clause(d, toll)]
            if near:
                nearest = min(near, key=lambda d: _distance(d.tok, toll))
                _take(nearest, toll)
                nearest.recipient = _with(nearest.recipient, victims_of(toll, scene))
    for draft in drafts:
        if draft.type == "ASSAULT" and CIVILIAN_TARGETS.search(scene.doc.text, *draft.clause):
            draft.recipient = _with(draft.recipient, ("civilians",))


# Places and things whose attack is an attack on civilians: "hit a hospital", "shells on
# residential neighbourhoods", "a bus convoy of evacuees".
CIVILIAN_TARGETS = re.compile(
    r"\b(?:hospitals?|clinics?|medical (?:centre|center|point|facilit\w+)|schools?|markets?|"
    r"marketplaces?|bakery|bakeries|mosques?|churches|church|residential|homes|houses|"
    r"buses|bus|convoys?|evacuees|refugee camps?|displacement camps?|neighbou?rhoods?|"
    r"funerals?|weddings?)\b",
    re.I,
)


def victims_of(toll: Toll, scene: Scene) -> tuple[str, ...]:
    """Who the dead of a toll were: the groups named among them ("13 rebels" the opposition,
    "two soldiers" the state), else civilians when they are people, children, residents."""
    named = tuple(r.name for r in scene.refs.within(toll.start, toll.end, "actor") if r.name)
    sides = scene.args.sides
    if sides is None:
        return named
    found: list[str] = list(named)
    for word in re.findall(r"[A-Za-z'-]+", toll.words):
        role = sides.roles.get(word.casefold())
        for party in sides.party(role):
            if party not in found:
                found.append(party)
    return tuple(found)


def _with(names: tuple[str, ...], more: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*names, *more]))


def _in_clause(draft: Draft, toll: Toll) -> bool:
    """The count is told in the mention's clause ("killed four", "among 48 people executed"),
    or the mention is inside the count's words, or is the sentence's toll itself."""
    start, end = draft.clause
    inside = start <= toll.start and toll.end <= end
    return inside or toll.start <= draft.tok.start < toll.end or draft.method == "toll"


def _distance(tok: Token, toll: Toll) -> int:
    if toll.start <= tok.start < toll.end:
        return 0
    return min(abs(tok.start - toll.start), abs(tok.start - toll.end))


def _take(draft: Draft, toll: Toll) -> None:
    if toll.kind == "killed":
        if toll.count is None:
            draft.fatalities_text = draft.fatalities_text or toll.words
        elif draft.fatalities is None or toll.count > draft.fatalities:
            draft.fatalities, draft.approximate = toll.count, toll.approximate
    elif toll.count is None:
        draft.injuries_text = draft.injuries_text or toll.words
    elif draft.injuries is None or toll.count > draft.injuries:
        draft.injuries = toll.count
