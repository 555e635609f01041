"""Stage actors.v1: every party the article names, resolved to one canonical actor each.

Sources, in order: the actor lexicon (aliases, demonyms; an acronym two parties share, such
as "SNA", goes to the one of the article's countries), then rules for names the lexicon
cannot hold ("Iranian state TV", "Turkey-led coalition", "news agency X", armed groups named
with group words: `group_names.py`), then parties named by what they are ("regime forces",
"rebels", "terrorists" in a state outlet: `party_words.py`), then NER ORG spans that match
nothing (kept conservative). A person's name is never an actor; places are left to places.v1.
An actor's `origin` names every source of its mentions, the first one first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.model import Actor, Doc, EntityMention, Span, Token
from newsgraph.resolve import group_names, party_words
from newsgraph.resolve.actor_found import Found, next_words, token_at, words_of
from newsgraph.resolve.actor_lexicon import ActorEntry, ActorLexicon, LexiconMatch
from newsgraph.resolve.not_people import Name, used_as_place

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "actors.v1"


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one string, to keep long word lists readable."""
    return frozenset(text.split())


# Nouns after a demonym that make it the state itself: "Syrian regime", "Russian command".
STATE_HEADS = _wordset("government regime authorities administration command leadership")
# "state TV" and its spellings -> the head used in the outlet's name.
STATE_MEDIA = {
    ("tv",): "TV",
    ("television",): "TV",
    ("media",): "media",
    ("radio",): "radio",
    ("broadcaster",): "broadcaster",
    ("news", "agency"): "news agency",
    ("agency",): "news agency",
    ("news",): "news",
}
LED_GROUPS = _wordset("coalition alliance")
# Words that make an NER "ORG" a rank or title ("Army Colonel", "Major-General").
RANKS = _wordset(
    """colonel col lieutenant lt major maj general gen brigadier captain capt sergeant sgt admiral
    commander corporal private spokesman spokeswoman minister president secretary ambassador
    chief deputy director officer"""
)
SERVICES = _wordset("army navy marine marines air force")
# Single words NER calls ORG that name no particular organisation.
GENERIC_ORGS = _wordset(
    """army navy police military government ministry parliament command council court coalition
    forces force agency department office committee militia regime opposition rebels state"""
)


# Words that make a name an institution even where a place shares it ("Aleppo Health Directorate").
INSTITUTIONS = _wordset(
    """directorate hospital school university council command ministry police company bank
    party office center centre committee agency group forces army front brigade brigades
    movement organisation organization union institute court department authority"""
)


def resolve_actors(doc: Doc, res: Resources) -> Doc:
    """Stage: fill `doc.actors` from the lexicon, the naming rules and NER ORG spans."""
    lexicon = res.actors
    people = _person_tokens(doc.entities)
    matches = [
        m
        for m in lexicon.match(doc.tokens)
        if not _in_person(m, people, lexicon) and not _as_place(doc, m, res)
    ]
    countries = _countries(doc, matches, lexicon, res)
    matches = [_by_country(m, countries) for m in matches]
    found = [_from_lexicon(doc, m, lexicon) for m in matches]
    found += _state_media(doc, matches, lexicon)
    found += _led_coalitions(doc, matches, lexicon)
    found += _agency_names(doc, matches, lexicon)
    found += group_names.find(doc, found, set(people))
    state = _home_state(countries, matches)
    found = party_words.find(doc, lexicon, found, set(people), state, res.outlets)
    found += _ner_orgs(doc, found, people, res)
    return replace(doc, actors=_group(doc, found, res.actors))


def _countries(
    doc: Doc, matches: Sequence[LexiconMatch], lexicon: ActorLexicon, res: Resources
) -> Counter[str]:
    """The countries the article is about, most first: a place of the country it names counts
    four (where things happen), the country or a state body named as a party two, one of its
    people or things ("Russian jets": a foreign hand, often) one; "UK-based" is where a
    monitor sits. Ties go to the one named first."""
    counts: Counter[str] = Counter()
    for m in sorted(matches, key=lambda m: m.start):
        if not m.alternatives and (country := _country_of(m)):
            counts[country] += 1 if lexicon.demonym(m.text) else 2
    for e in doc.entities:
        if e.label not in ("GPE", "LOC") or words_of(next_words(doc, e.last, 1)) == ("based",):
            continue
        places = res.gazetteer.exact(e.text)
        state = res.gazetteer.country(places[0].entry.country_code) if places else None
        if state is not None:
            counts[state.name] += 4
    return counts


def _home_state(countries: Counter[str], matches: Sequence[LexiconMatch]) -> str | None:
    """The country the article is about, among those it names as a party: a meeting in
    Geneva between "the government and the opposition" is no Swiss affair."""
    named = {c for m in matches if not m.alternatives and (c := _country_of(m))}
    ranked = [c for c, _ in countries.most_common() if c in named]
    return ranked[0] if ranked else None


def _by_country(m: LexiconMatch, countries: Counter[str]) -> LexiconMatch:
    """A shared acronym as the party of the country the article names most ("SNA" in
    Somalia is its national army); the first owner where the article names none of theirs."""
    if not m.alternatives:
        return m
    owners = (m.entry, *m.alternatives)
    best = max(owners, key=lambda e: countries.get(e.country or "", 0))
    return replace(m, entry=best, alternatives=tuple(e for e in owners if e is not best))


def _person_tokens(entities: Sequence[EntityMention]) -> dict[int, EntityMention]:
    """Token index -> the PERSON entity covering it."""
    return {i: e for e in entities if e.label == "PERSON" for i in range(e.first, e.last)}


def _in_person(m: LexiconMatch, people: dict[int, EntityMention], lexicon: ActorLexicon) -> bool:
    """A match inside a person's name ("George Washington") is no actor; a leading demonym is,
    and so is a group's name that no person bears: the whole name NER took for a person
    ("Jabhat al-Nusra"), a name of several words or an acronym inside one ("SANA al-Nusra")."""
    entity = people.get(m.first)
    if entity is None:
        return False
    whole = m.first <= entity.first and entity.last <= m.last
    several = len(m.text.split()) > 1 or "-" in m.text or m.text.isupper()
    if (whole or several) and m.entry.kind not in ("country", "ethnic_group"):
        return False
    return not (m.first == entity.first and lexicon.demonym(m.text) is not None)


def _as_place(doc: Doc, m: LexiconMatch, res: Resources) -> bool:
    """ "a Baghdad-based spokesman", "Damascus Terrorists of ... fired" (a dateline that lost
    its comma): the country or its capital as a location, not a party."""
    if m.entry.kind != "country":
        return False
    if words_of(next_words(doc, m.last, 1)) == ("based",):
        return True
    return _dateline(doc, m) and any(c.entry.kind == "city" for c in res.gazetteer.exact(m.text))


def _dateline(doc: Doc, m: LexiconMatch) -> bool:
    """A city opening its sentence before a capitalised word or a comma: "Damascus, SANA -",
    "Damascus Terrorists of ..." (not "Damascus said", where the city speaks for its state)."""
    first = doc.tokens[m.first]
    opens = m.first == 0 or doc.tokens[m.first - 1].sent != first.sent
    nxt = token_at(doc, m.last)
    return opens and nxt is not None and (nxt.text == "," or nxt.text[:1].isupper())


def _origin(entry: ActorEntry) -> str:
    """Which lexicon named it: curated entries carry a URL as their source."""
    lexicon = "curated" if entry.source.startswith("http") else entry.source
    return f"lexicon:{lexicon}"


def _from_lexicon(doc: Doc, m: LexiconMatch, lexicon: ActorLexicon) -> Found:
    """A lexicon match, widened over a state noun after a demonym ("Russian command")."""
    e = m.entry
    end, last = m.end, m.last
    nxt = token_at(doc, m.last)
    state_noun = nxt is not None and nxt.text.lower() in STATE_HEADS
    if nxt is not None and state_noun and e.kind == "country" and lexicon.demonym(m.text):
        end, last = nxt.end, m.last + 1
    country = e.country or e.led_by
    origin = _origin(e) + ("+rule:acronym-by-country" if m.alternatives else "")
    return Found(m.start, end, m.first, last, e.name, e.kind, country, e.code, origin, e.side)


def _country_of(m: LexiconMatch) -> str | None:
    """The country a match stands for: the country itself or a state body's country."""
    if m.entry.kind in ("country", "government_body"):
        return m.entry.country or m.entry.name
    return None


def _state_media(doc: Doc, matches: Sequence[LexiconMatch], lexicon: ActorLexicon) -> list[Found]:
    """ "Iranian state TV" -> a media actor of Iran named by its adjective and the medium."""
    out = []
    for m in matches:
        country = _country_of(m)
        after = next_words(doc, m.last, 3)
        if country is None or words_of(after[:1]) != ("state",):
            continue
        for words, head in sorted(STATE_MEDIA.items(), key=lambda kv: -len(kv[0])):
            medium = after[1 : 1 + len(words)]
            if words_of(medium) != words:
                continue
            last = medium[-1][0] + 1
            if _proper_after(doc, last):
                break  # "state news agency IRNA": the outlet has a name, see _agency_names
            name = f"{lexicon.adjective(country) or country} state {head}"
            end = doc.tokens[last - 1].end
            origin = "rule:state-media"
            out.append(
                Found(m.start, end, m.first, last, name, "media", country, None, origin, "state")
            )
            break
    return out


def _proper_after(doc: Doc, i: int) -> bool:
    """True when token `i` starts a capitalised name."""
    tok = token_at(doc, i)
    return tok is not None and tok.text[:1].isupper() and tok.pos in ("PROPN", "X", "")


def _led_coalitions(
    doc: Doc, matches: Sequence[LexiconMatch], lexicon: ActorLexicon
) -> list[Found]:
    """ "Turkey-led coalition", "the US-led anti-Daesh coalition" -> an alliance led by that
    country (the curated one if it exists); whom it is against is no party to its name."""
    out = []
    leads = {e.led_by: e for e in lexicon.entries() if e.kind == "alliance" and e.led_by}
    for m in matches:
        country = _country_of(m)
        after = next_words(doc, m.last, 4)
        words = words_of(after)
        if country is None or len(words) < 2 or words[0] != "led":
            continue
        group = _against(words)
        if group >= len(words) or words[group] not in LED_GROUPS:
            continue
        last = after[group][0] + 1
        entry = leads.get(country) if words[group] == "coalition" else None
        name = entry.name if entry else f"{country}-led {words[group]}"
        origin = _origin(entry) if entry else "rule:led-coalition"
        end = doc.tokens[last - 1].end
        side = entry.side if entry else "coalition"
        out.append(
            Found(m.start, end, m.first, last, name, "alliance", country, None, origin, side)
        )
    return out


def _against(words: Sequence[str]) -> int:
    """Where the group word stands after "led": past "anti-Daesh" ("anti", "daesh") or a
    joined "anti-isis" between."""
    if len(words) > 1 and words[1] == "anti":
        return 3
    return 2 if len(words) > 1 and words[1].startswith("anti") else 1


def _agency_names(doc: Doc, matches: Sequence[LexiconMatch], lexicon: ActorLexicon) -> list[Found]:
    """ "Kremlin news agency RIA", "Iran's state news agency IRNA": the name is the outlet."""
    out = []
    for m in matches:
        country = _country_of(m)
        after = next_words(doc, m.last, 3)
        if after[:1] and after[0][1] == "state":
            after = after[1:]
        words = words_of(after)
        size = 2 if words[:2] == ("news", "agency") else 1 if words[:1] == ("agency",) else 0
        if country is None or not size:
            continue
        j = after[size - 1][0] + 1
        if not _proper_after(doc, j):
            continue
        known = lexicon.match(doc.tokens[j : j + 4])
        if known and known[0].first == j and known[0].entry.kind == "media":
            continue  # a known outlet: the lexicon already has it, with its country
        tok = doc.tokens[j]
        origin = "rule:news-agency"
        out.append(Found(tok.start, tok.end, j, j + 1, tok.text, "media", country, None, origin))
    return out


def _ner_orgs(
    doc: Doc, found: Sequence[Found], people: dict[int, EntityMention], res: Resources
) -> list[Found]:
    """NER ORG spans no other source explains, minus titles, ranks, single common words and
    places the model took for organisations ("Daraa", "Homs": the gazetteer's own names;
    "Rityan", which the article calls a village elsewhere)."""
    taken = {i for f in found for i in range(f.first, f.last)}
    surnames = _surnames(doc)
    placed = _placed(doc, res)
    out = []
    for e in doc.entities:
        if e.label != "ORG" or any(i in taken or i in people for i in range(e.first, e.last)):
            continue
        if _is_title(doc, e, people) or _is_generic(doc, e) or e.text in surnames:
            continue
        first = e.first + (1 if doc.tokens[e.first].text.lower() == "the" else 0)
        last = e.last - (1 if doc.tokens[e.last - 1].text in ("'s", "\u2019s") else 0)
        if first >= last:
            continue
        start, end = doc.tokens[first].start, doc.tokens[last - 1].end
        name = doc.text[start:end]
        institution = set(name.lower().split()) & INSTITUTIONS
        if not institution and (name in placed or res.gazetteer.exact(name)):
            continue
        if name.split()[-1].lower() in party_words.ROLE_WORDS:
            continue  # "Damascus Terrorists": a role word, which party_words reads
        out.append(Found(start, end, first, last, name, "organisation", None, None, "ner"))
    return out


def _placed(doc: Doc, res: Resources) -> set[str]:
    """Names the article uses as places somewhere: NER's places, and names the words around
    make places ("the village of Rityan", "Maaret al-Numan, a city south of Idlib")."""
    out = {e.text for e in doc.entities if e.label in ("GPE", "LOC", "FAC")}
    for e in doc.entities:
        name = Name(doc, e.first, e.last)
        if e.label in ("ORG", "PERSON") and used_as_place(name, res.gazetteer, res.titles):
            out.add(e.text)
    return out


def _is_title(doc: Doc, e: EntityMention, people: dict[int, EntityMention]) -> bool:
    """A rank before a name ("Major-General Igor Konashenkov", "Army" + "Colonel Ryan Dillon")."""
    tokens = list(doc.tokens[e.first : e.last])
    nxt = token_at(doc, e.last)
    if nxt is not None:
        tokens.append(nxt)
    for k, tok in enumerate(tokens[:-1]):
        later = tokens[k + 1 :]
        rank = any(w in RANKS for w in tok.text.lower().split("-"))
        if rank and any(t.i in people or _capitalised_name(t) for t in later):
            return True
    words = {t.text.lower() for t in tokens[:-1]}
    return nxt is not None and words <= SERVICES | {"the"} and nxt.text.lower() in RANKS


def _capitalised_name(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos == "PROPN" and tok.text.lower() not in RANKS


def _surnames(doc: Doc) -> set[str]:
    """Every word of every PERSON entity: "Asapov" alone is still Valery Asapov, not an ORG."""
    return {
        t.text for e in doc.entities if e.label == "PERSON" for t in doc.tokens[e.first : e.last]
    }


def _is_generic(doc: Doc, e: EntityMention) -> bool:
    """A single common word ("Army", "Ministry") names no organisation in particular."""
    tokens = [t for t in doc.tokens[e.first : e.last] if t.text.lower() != "the"]
    if len(tokens) != 1:
        return False
    tok = tokens[0]
    return tok.text.lower() in GENERIC_ORGS or tok.pos == "NOUN" or not tok.text[:1].isupper()


def _group(doc: Doc, found: Sequence[Found], lexicon: ActorLexicon) -> tuple[Actor, ...]:
    """One Actor per canonical name, mentions in text order, aliases as first written; kind
    and country from a mention that names it (before one a rule made), and as origin every
    source of its mentions, that one first ("lexicon:curated+rule:outlet-wording")."""
    by_name: dict[str, list[Found]] = {}
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        by_name.setdefault(f.name, []).append(f)
    actors = []
    for name, items in by_name.items():
        head = min(items, key=lambda f: f.origin.startswith("rule:"))
        origin = "+".join(dict.fromkeys(f.origin for f in [head, *items]))
        mentions = tuple(
            dict.fromkeys(Span(f.start, f.end, doc.text[f.start : f.end]) for f in items)
        )
        aliases = tuple(dict.fromkeys(m.text for m in mentions))
        entry = lexicon.lookup(name)
        patrons = entry.patrons if entry else ()
        led_by = entry.led_by if entry else None
        side = head.side or next((f.side for f in items if f.side), None)
        actors.append(
            Actor(
                name,
                head.kind,
                aliases,
                mentions,
                head.country,
                head.code,
                origin,
                STAGE,
                patrons=patrons,
                led_by=led_by or (head.country if head.kind == "alliance" else None),
                side=side,
            )
        )
    return tuple(actors)
