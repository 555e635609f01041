"""Stage places.v1: resolve the places an article names against the offline gazetteer.

Spans that may name a place are grouped by exact spelling, ranked with the article's context
(countries and regions it names, "X, Y" containers), and resolved twice: the second round
knows which countries the first round's confident places lie in. Groups that share a loose
spelling key follow the sense already chosen for it (one sense per discourse). Every
resolved entry becomes one `Place` carrying all its spellings as mentions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsgraph.model import Doc, Place, Span
from newsgraph.resolve.gazetteer import Candidate, Gazetteer, GazetteerEntry
from newsgraph.resolve.place_containers import (
    Blocked,
    Placed,
    links,
    new_spans,
    placed_at,
    placed_within,
)
from newsgraph.resolve.place_cues import STREET
from newsgraph.resolve.place_layout import (
    Layout,
    Resolution,
    containers,
    layout_outers,
    listed_with_regions,
)
from newsgraph.resolve.place_lexicon import PlaceNames
from newsgraph.resolve.place_nearby import support
from newsgraph.resolve.place_rank import PlaceContext, inside, prior_shares, prune, rank
from newsgraph.resolve.place_spans import (
    PlaceSpan,
    demonym_place,
    find_spans,
    is_demonym,
    party_ranges,
    well_known,
)
from newsgraph.resolve.placenames import exact_key, name_key
from newsgraph.resources import Resources

STAGE = "places.v1"
# How sure a place must be to count as context for the others.
_CONTEXT_CONFIDENCE = 0.6
_ADMIN_WORDS = re.compile(r"^\s+(?:province|governorate|region|state|oblast)\b", re.I)
# "X County", and each name of a list that ends in "counties": "Jackson and Barrow counties".
_COUNTY_WORDS = re.compile(
    r"^\s+(?i:county|parish)\b"
    r"|^(?:(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+)[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?)*"
    r"\s+(?i:counties|parishes)\b"
)
_ACRONYM = re.compile(r"^[A-Z]{2,3}$")
# What a name is when the text calls it "the village of X", "the neighbourhood of X".
_LOCAL_OF = re.compile(
    r"\b(?:village|town|hamlet|neighbou?rhood|quarter|suburb|camp)s?\s+of\s+(?:the\s+)?$",
    re.I,
)
_LOST_APOSTROPHE = re.compile(r"^\w{3,}[^s\W]s$")
_COUNTY_ABBREVIATION = re.compile(r"\s+Co\.?$")
_NAMED_AFTER = re.compile(
    r"^(?:Port of\s+(?P<port>.+)|(?P<name>.+?)\s+(?:Township|Twp\.?|Valley|Harbou?r|Metro"
    r"|(?i:province|governorate|countryside)))$"
)
# A span that takes in the word after its region's name: "Hama province" as NER found it.
_ADMIN_SPAN = re.compile(r"\s(?i:province|governorate)$")
# Spans kept without coordinates when unresolved: NER's and streets (a name only a container
# rule found is kept only where its container is found: "Observatory of Human Rights (SOHR)").
_KEPT_ORIGINS = frozenset({"ner", "street"})

# For each name (exact key), its containers by the container rules: (outer key, rule name),
# most specific first.
Ruled = dict[str, list[tuple[str, str]]]
Votes = tuple[set[str], set[tuple[str, str]], set[tuple[str, str, str]]]


def resolve_places(doc: Doc, res: Resources) -> Doc:
    """Stage: fill `doc.places` with the places the article names."""
    gazetteer, names = res.gazetteer, res.place_names
    spans = find_spans(doc, gazetteer, names, doc.people)
    people = [(m.start, m.end) for p in doc.people for m in p.mentions]
    spans += new_spans(
        doc,
        spans,
        Blocked(party_ranges(doc), people),
        lambda text: not is_demonym(text, gazetteer, names) and not names.is_not_place(text),
        lambda text: any(c.entry.kind != "city" or c.primary for c in gazetteer.exact(text)),
    )
    return replace(doc, places=resolve_spans(doc, spans, gazetteer, names))


def resolve_spans(
    doc: Doc, spans: Sequence[PlaceSpan], gazetteer: Gazetteer, names: PlaceNames
) -> tuple[Place, ...]:
    """The places `spans` name, each ranked with the others as its context (the evaluation
    also calls this on gold toponym spans, to score resolution apart from recognition)."""
    groups: dict[str, list[PlaceSpan]] = defaultdict(list)
    for span in spans:
        groups[exact_key(span.text)].append(span)
    candidates = {
        key: [] if _street(group) else _candidates(gazetteer, names, group[0].text)
        for key, group in groups.items()
    }
    named = {key: _named(cands) for key, cands in candidates.items()}
    actors = _actor_countries(doc, gazetteer)
    chosen: Resolution = {}
    layout = Layout.of(doc.text, groups)
    ruled = _ruled(doc.text, spans, gazetteer)
    for _round in range(2):
        votes = {
            **named,
            **{k: _votes(e) for k, (e, c) in chosen.items() if c >= _CONTEXT_CONFIDENCE},
        }
        chosen = _resolve_round(doc, layout, groups, candidates, votes, actors, chosen, ruled)
    placed = _contain(groups, chosen, ruled, layout, gazetteer)
    return _places(groups, chosen, placed)


def _candidates(gazetteer: Gazetteer, names: PlaceNames, text: str) -> list[Candidate]:
    """The gazetteer's candidates for `text`; for a demonym handed in as a span (the evaluation
    does; the stage drops demonyms before) the country or region it names; for an abbreviation
    ("NSW") the name it stands for; for a name in words the gazetteer writes as one ("Wanla
    Weyn", "Wanlaweyn") that one."""
    expanded = names.expand(text)
    if expanded is not None:
        return _candidates(gazetteer, names, expanded)
    found = gazetteer.candidates(text)
    if _LOST_APOSTROPHE.match(text) and not any(c.match == "exact" for c in found):
        stem = text[:-1]  # "Syrias second city": a possessive whose apostrophe was lost
        if any(well_known(c) for c in gazetteer.exact(stem)):
            return _candidates(gazetteer, names, stem)
    if not found and " " in text.strip():
        found = gazetteer.exact(text.replace(" ", ""))
    if _ACRONYM.match(text):  # "EU" is not the town of Eu
        found = [c for c in found if c.entry.kind != "city"]
    if not found and (namesake := _namesake(text)) is not None:
        return _candidates(gazetteer, names, namesake)
    if any(c.match == "exact" for c in found):
        return found
    place = demonym_place(text, gazetteer, names)
    return found if place is None else [Candidate(place, "exact")]


def _namesake(text: str) -> str | None:
    """The place a feature the gazetteer lacks is named after and lies in or at: "Port of Los
    Angeles", "Jerome Township", "Santa Clara Valley", "Hama province" (a span that took in
    the word after the region's name); "Platte Co." is "Platte County"."""
    county = _COUNTY_ABBREVIATION.sub(" County", text)
    if county != text:
        return county
    m = _NAMED_AFTER.match(text)
    return (m.group("port") or m.group("name")) if m else None


def _resolve_round(
    doc: Doc,
    layout: Layout,
    groups: dict[str, list[PlaceSpan]],
    candidates: dict[str, list[Candidate]],
    votes: dict[str, Votes],
    actors: dict[str, frozenset[str]],
    previous: Resolution,
    ruled: Ruled,
) -> Resolution:
    """Resolve every group once, each with the other groups' votes as its context."""
    chosen: Resolution = {}
    by_loose: dict[str, list[GazetteerEntry]] = defaultdict(list)
    nearby = support(*_readings(candidates, previous))
    # Exact spellings first, so looser ones can follow the sense they chose.
    order = sorted(groups, key=lambda k: not any(c.match == "exact" for c in candidates[k]))
    for key in order:
        others = [v for k, v in votes.items() if k != key]
        context = PlaceContext(
            countries=frozenset(
                {iso for iso, keys in actors.items() if keys - {key}}.union(
                    *(c for c, _, _ in others)
                )
            ),
            admin1=frozenset(set().union(*(a for _, a, _ in others))),
            admin2=frozenset(set().union(*(a for _, _, a in others))),
            containers=containers(groups[key], layout, previous)
            + tuple(previous[o][0] for o, _rule in ruled.get(key, ()) if o in previous),
            wants_admin=any(_ADMIN_WORDS.match(doc.text[s.end : s.end + 20]) for s in groups[key])
            or bool(_ADMIN_SPAN.search(key))
            or listed_with_regions(groups[key], layout, previous),
            wants_county=any(
                _COUNTY_WORDS.match(doc.text[s.end : s.end + 80]) for s in groups[key]
            ),
            wants_local=all(
                _LOCAL_OF.search(doc.text[max(0, s.start - 30) : s.start]) for s in groups[key]
            ),
            discourse=tuple(by_loose[name_key(key)]),
            support=nearby,
        )
        best = rank(candidates[key], context, groups[key][0].text)
        if best is not None:
            chosen[key] = best
            by_loose[name_key(key)].append(best[0])
    return chosen


def _readings(
    candidates: dict[str, list[Candidate]], previous: Resolution
) -> tuple[dict[str, list[GazetteerEntry]], dict[GazetteerEntry, float]]:
    """What each name (by loose key) may be: the place it was confidently resolved to in the
    last round, else every candidate ranking would consider; a reading by an alternate name
    ("New York" for a hamlet GeoNames lists it for) with its share (how likely it is, by its
    name, kind and people alone, against the name's likeliest reading)."""
    out: dict[str, list[GazetteerEntry]] = defaultdict(list)
    shares: dict[GazetteerEntry, float] = {}
    for key, cands in candidates.items():
        hit = previous.get(key)
        if hit is not None and hit[1] >= _CONTEXT_CONFIDENCE:
            out[name_key(key)].append(hit[0])
            continue
        pool = prune(cands, key)
        out[name_key(key)] += [c.entry for c in pool]
        odds = prior_shares(pool)
        for c in pool:  # a town of that very name is as good a neighbour as any
            share = 1.0 if c.primary else odds[c.entry]
            shares[c.entry] = max(share, shares.get(c.entry, 0.0))
    return out, shares


def _votes(entry: GazetteerEntry) -> Votes:
    """The country, region and county a resolved place puts the article in."""
    countries = {entry.country_code} if entry.country_code else set()
    regions = {(entry.country_code, entry.admin1)} if entry.admin1 else set()
    counties = {(entry.country_code, entry.admin1 or "", entry.admin2)} if entry.admin2 else set()
    return countries, regions, counties


def _named(candidates: list[Candidate]) -> Votes:
    """The country or region a name unambiguously is, before anything is resolved."""
    exact = [c.entry for c in candidates if c.match == "exact"]
    kinds = {e.kind for e in exact}
    if exact and kinds == {"country"}:
        return {exact[0].country_code}, set(), set()
    regions = [e for e in exact if e.kind == "admin1"]
    if len(regions) == 1 and "country" not in kinds and regions[0].admin1:
        return {regions[0].country_code}, {(regions[0].country_code, regions[0].admin1)}, set()
    counties = [c.entry for c in candidates if c.match == "exact" and c.primary]
    if len(counties) == 1 and counties[0].kind == "admin2":
        return _votes(counties[0])
    return set(), set(), set()


def _actor_countries(doc: Doc, gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """ISO codes of the country actors the actor stage found ("Syrian troops" -> SY), each with
    the exact keys of the place names it was found by: a capital standing for its government
    ("Paris said") is no evidence for that very name, which may be a namesake (Paris,
    Tennessee); a demonym or the country's own name is evidence for every name (key "")."""
    out: dict[str, set[str]] = defaultdict(set)
    for actor in doc.actors:
        if actor.kind != "country":
            continue
        hit = next(iter(gazetteer.exact(actor.name)), None)
        if hit is None or hit.entry.kind != "country":
            continue
        iso = hit.entry.country_code
        for m in actor.mentions:
            out[iso].add("" if _names_country(m.text, iso, gazetteer) else exact_key(m.text))
    return {iso: frozenset(keys) for iso, keys in out.items()}


def _names_country(text: str, iso: str, gazetteer: Gazetteer) -> bool:
    """True when `text` is the country's own name or names no place at all ("U.S.",
    "Lebanon", "Syrian", "the Kremlin"); not a capital standing for its government ("Paris")."""
    exact = [c.entry for c in gazetteer.exact(text)]
    return not exact or any(e.kind == "country" and e.country_code == iso for e in exact)


def _ruled(text: str, spans: Sequence[PlaceSpan], gazetteer: Gazetteer) -> Ruled:
    """The containers the container rules give each name. "The Damascus suburb of Jobar" puts
    the other way round what "the Hodan district of Mogadishu" puts: when the first name is a
    well-known place and the second is not, the second lies in the first."""
    out: Ruled = defaultdict(list)
    for inner, outers, rule in links(text, spans):
        reverse = rule == "district-of" and _well_known(inner.text, gazetteer)
        if reverse and not _well_known(outers[0].text, gazetteer):
            out[exact_key(outers[0].text)].append((exact_key(inner.text), rule))
            continue
        key = exact_key(inner.text)
        out[key] += [(k, rule) for o in outers if (k := exact_key(o.text)) != key]
    return out


def _well_known(text: str, gazetteer: Gazetteer) -> bool:
    return any(well_known(c) for c in gazetteer.exact(text))


def _contain(
    groups: dict[str, list[PlaceSpan]],
    chosen: Resolution,
    ruled: Ruled,
    layout: Layout,
    gazetteer: Gazetteer,
) -> dict[str, tuple[Placed, str]]:
    """Names the text puts inside a resolved place: a resolution outside it is dropped (never
    guessed elsewhere; but a well-known place of the container's country stays itself:
    "the Damascus suburb of Eastern Ghouta"), and a name
    without one is kept at its container's point. Names in
    "X, Y" or "Y's city of X" the gazetteer lacks are kept so too. Each with its rule."""
    for key, outers in ruled.items():
        entry = chosen.get(key)
        held = [chosen[o][0] for o, _rule in outers if o in chosen]
        if entry is None or not held or any(inside(entry[0], h) for h in held):
            continue
        same_country = any(entry[0].country_code == h.country_code for h in held)
        if not (same_country and _well_known(groups[key][0].text, gazetteer)):
            del chosen[key]
    placed: dict[str, tuple[Placed, str]] = {}
    for _pass in range(3):  # "Tchamonga (Cobli, Atacora)": Cobli first, then Tchamonga
        for key in groups:
            if key in chosen or key in placed or _street(groups[key]):
                continue
            outers = ruled.get(key) or (
                [] if groups[key][0].text.isupper() else layout_outers(groups[key], layout, chosen)
            )
            for outer, rule in outers:
                if outer in chosen:
                    placed[key] = (placed_at(*chosen[outer]), rule)
                elif outer in placed:
                    placed[key] = (placed_within(placed[outer][0]), rule)
                else:
                    continue
                break
    return placed


def _places(
    groups: dict[str, list[PlaceSpan]],
    chosen: Resolution,
    placed: dict[str, tuple[Placed, str]],
) -> tuple[Place, ...]:
    """One Place per chosen entry, with the mentions of every group that chose it; and one
    per name kept at its container's point."""
    mentions: dict[GazetteerEntry, list[Span]] = defaultdict(list)
    confidence: dict[GazetteerEntry, float] = defaultdict(float)
    for key, (entry, conf) in chosen.items():
        mentions[entry] += [Span(s.start, s.end, s.text) for s in groups[key]]
        confidence[entry] = max(confidence[entry], conf)
    places = [
        Place(
            name=entry.name,
            geonames_id=entry.geonames_id,
            lat=entry.lat,
            lon=entry.lon,
            country_code=entry.country_code or None,
            kind=entry.kind,
            mentions=tuple(sorted(ms, key=lambda m: m.start)),
            confidence=confidence[entry],
            origin=entry.source,
            stage=STAGE,
            precision=1,
        )
        for entry, ms in mentions.items()
    ]
    places += [_kept(groups[key], at, rule) for key, (at, rule) in placed.items()]
    places += _unresolved(groups, {**chosen, **dict.fromkeys(placed)})
    return tuple(sorted(places, key=lambda p: p.mentions[0].start))


def _kept(spans: list[PlaceSpan], at: Placed, rule: str) -> Place:
    """A name the gazetteer lacks, kept at the point of the place the text puts it in."""
    return Place(
        name=spans[0].text,
        geonames_id=None,
        lat=at.lat,
        lon=at.lon,
        country_code=at.country_code,
        kind="locality",
        mentions=tuple(Span(s.start, s.end, s.text) for s in spans),
        confidence=at.confidence,
        origin=rule,
        stage=STAGE,
        precision=at.precision,
        within=at.within,
    )


def _unresolved(groups: dict[str, list[PlaceSpan]], chosen: Mapping[str, object]) -> list[Place]:
    """Places NER names but the gazetteer cannot place ("Kanawha County"), and streets: kept,
    without coordinates, so an analyst sees them and the map does not guess."""
    return [
        Place(
            name=spans[0].text,
            geonames_id=None,
            lat=None,
            lon=None,
            country_code=None,
            kind="street" if _street(spans) else "unresolved",
            mentions=tuple(Span(s.start, s.end, s.text) for s in spans),
            confidence=0.0,
            origin="rule" if _street(spans) else "ner",
            stage=STAGE,
        )
        for key, spans in groups.items()
        if key not in chosen and all(s.origin in _KEPT_ORIGINS for s in spans)
    ]


def _street(spans: Sequence[PlaceSpan]) -> bool:
    """True for a street or numbered road ("Wichita Drive", "Highway 19"), however found."""
    return all(s.origin == "street" or STREET.fullmatch(s.text) for s in spans)
