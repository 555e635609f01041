"""Mentions -> people: full names, titles, affiliations, and later bare surnames linked back.

People come before places: a name NER calls a person is left alone where the text may name
a place there (`place_spans.find_spans`, from NER's place labels, the actor lexicon and the
gazetteer, before any place is resolved), and places.v1 then drops place spans inside the
names of the people found here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsgraph.model import Doc, Person, Span, Token
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.gender import FirstNames
from newsgraph.resolve.place_spans import PlaceSpan, find_spans
from newsgraph.resolve.references import Reference, References
from newsgraph.resolve.titles import TitleWords

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "people.v1"
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "with", "from", "in"})
# Place spans found by the grammar alone ("in Davis", "George's apartment"): a surname NER
# calls a person outweighs them.
_GRAMMAR_ONLY = frozenset({"cue", "name"})


@dataclass(slots=True)
class _Draft:
    """A person being assembled from their mentions."""

    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    title: str | None = None
    affiliation: str | None = None
    origin: str = "text"


def resolve_people(doc: Doc, res: Resources) -> Doc:
    """Stage: find people, their titles and affiliations, and link surname mentions."""
    tree = Tree(doc.tokens)
    refs = References(doc, ("actor",), coreferences=False)
    titles = res.titles
    places = find_spans(doc, res.gazetteer, res.place_names)
    spans = _name_spans(doc, refs, places, titles)
    spans += _first_named(doc, spans, refs, places, titles, res.first_names)
    drafts = _cluster(doc.tokens, spans)
    _link_surnames(doc.tokens, drafts, places)
    for draft in drafts:
        for first, last in draft.mentions:
            _describe(draft, (first, last), doc, tree, refs, titles)
        known = res.people.lookup(draft.name)
        if known is not None:
            draft.title = draft.title or known.title
            draft.affiliation = draft.affiliation or known.affiliation
            draft.origin = f"text+{known.source}"
    people = tuple(_person(doc, d) for d in drafts)
    return replace(doc, people=people)


def _person(doc: Doc, draft: _Draft) -> Person:
    tokens = doc.tokens
    mentions = tuple(
        Span(tokens[a].start, tokens[b - 1].end, doc.text[tokens[a].start : tokens[b - 1].end])
        for a, b in sorted(draft.mentions)
    )
    aliases = tuple(sorted({m.text for m in mentions} - {draft.name}))
    return Person(
        name=draft.name,
        title=draft.title,
        affiliation=draft.affiliation,
        aliases=aliases,
        mentions=mentions,
        origin=draft.origin,
        stage=STAGE,
    )


def _name_spans(
    doc: Doc, refs: References, places: Sequence[PlaceSpan], titles: TitleWords
) -> list[tuple[int, int]]:
    """Token ranges of person names: PERSON entities, and titled names NER mislabelled; none
    that names an actor or may name a place."""
    tokens = doc.tokens
    spans: list[tuple[int, int]] = []
    for ent in doc.entities:
        first, last = _strip_possessive(tokens, ent.first, ent.last)
        stripped = _skip_title(tokens, first, last, titles)
        titled = stripped > first
        if ent.label != "PERSON" and not titled:
            continue
        first = stripped
        if first >= last or not all(_is_name_word(t) for t in tokens[first:last]):
            continue
        if ent.label != "PERSON" and last - first < 2:
            continue
        if _the_body(tokens, first, last):
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        if refs.at(start, end, "actor") or any(_overlaps(start, end, p) for p in places):
            continue
        spans.append((first, last))
    return spans


# Particles inside Arabic, Dutch, French, ... names ("Abu Malek al-Jayrudi", "de Mistura").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abdel", "abdul", "de", "van", "von"})
_NAME_OPENERS = frozenset({"abu", "abdel", "abdul", "umm"})  # "Abu Malek al-Jayrudi"
# Entity labels a name of a person is not inside, and words no person's name has.
_NOT_PEOPLE = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "NORP", "MONEY", "CARDINAL"})
_BODY_WORDS = frozenset(
    {
        "movement",
        "front",
        "army",
        "brigade",
        "brigades",
        "council",
        "party",
        "committee",
        "forces",
        "force",
        "islamic",
        "network",
        "agency",
        "news",
        "street",
        "square",
        "road",
        "district",
        "province",
        "mosque",
        "hospital",
        "school",
        "university",
        "airport",
    }
)
_CALENDAR = frozenset(
    [
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_NOT_NAME_WORDS = _BODY_WORDS | _CALENDAR


def _first_named(
    doc: Doc,
    taken: Sequence[tuple[int, int]],
    refs: References,
    places: Sequence[PlaceSpan],
    titles: TitleWords,
    first_names: FirstNames,
) -> list[tuple[int, int]]:
    """Names the parser missed or called an organisation ("Zakaria Malahifji of ...",
    "spokeswoman Alessandra Vellucci"): two to four capitalised words that start with a first
    name of the first-name list (or "Abu", "Abdel" before a name), where no party, place or
    date is named and no word is an organisation's ("Sham Islamic Movement")."""
    tokens = doc.tokens
    covered = {i for a, b in taken for i in range(a, b)}
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if i in covered or not _starts_a_name(tokens, i, titles, first_names):
            i += 1
            continue
        last = i + 1
        while last < len(tokens) and _words(tokens[i:last]) < 4 and last not in covered:
            word = tokens[last]
            if (word.pos == "PROPN" and _is_name_word(word)) or _particle(word.text):
                last += 1
                continue
            break
        while last > i + 1 and _particle(tokens[last - 1].text):
            last -= 1
        run = tokens[i:last]
        start, end = run[0].start, run[-1].end
        blocked = (
            last - i < 2
            or refs.at(start, end, "actor")
            or any(_overlaps(start, end, p) for p in places)
            or any(t.ent_type in _NOT_PEOPLE or t.text.casefold() in _NOT_NAME_WORDS for t in run)
            or titles.is_title_word(run[-1].text)
        )
        if not blocked:
            out.append((i, last))
        i = last
    return out


def _starts_a_name(
    tokens: Sequence[Token], i: int, titles: TitleWords, first_names: FirstNames
) -> bool:
    tok = tokens[i]
    if tok.pos != "PROPN" or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    if titles.is_title_word(tok.text):
        return False
    if i > 0 and tokens[i - 1].pos == "PROPN" and not titles.is_title_word(tokens[i - 1].text):
        return False  # inside a longer name ("Bab Qensrin"): not where a name starts
    if tok.text.casefold() in _NAME_OPENERS:
        return i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper()
    return not _particle(tok.text) and first_names.gender(tok.text) is not None


def _words(run: Sequence[Token]) -> int:
    return sum(1 for t in run if not _particle(t.text))


def _particle(word: str) -> bool:
    return word.casefold().rstrip("-") in _NAME_PARTICLES or word in {"-"}


def _the_body(tokens: Sequence[Token], first: int, last: int) -> bool:
    """ "the Observatory said", "the Coalition": a body named by its short name, not a person
    (while "the Assad regime" names Assad)."""
    one = tokens[first]
    return (
        last - first == 1
        and first > 0
        and tokens[first - 1].text.casefold() == "the"
        and one.dep != "compound"
    )


def _strip_possessive(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    while last > first and (tokens[last - 1].tag == "POS" or tokens[last - 1].pos == "PUNCT"):
        last -= 1
    return first, last


def _skip_title(tokens: Sequence[Token], first: int, last: int, titles: TitleWords) -> int:
    """Index of the first token after leading title words ("Major-General Igor ...")."""
    i = first
    while i < last and (titles.is_title_word(tokens[i].text) or tokens[i].text == "-"):
        i += 1
    has_head = any(titles.is_head_title(t.text) for t in tokens[first:i])
    return i if has_head else first


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _name_of(tokens: Sequence[Token], first: int, last: int) -> str:
    """The words of a name as written: "al-Jarba" stays one word, spaces become one space."""
    out = tokens[first].text
    for prev, tok in zip(tokens[first : last - 1], tokens[first + 1 : last], strict=True):
        out += ("" if prev.end == tok.start else " ") + tok.text
    return out


def _cluster(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> list[_Draft]:
    """One draft per full name; single-word names join the full name ending in that word."""
    drafts: dict[str, _Draft] = {}
    singles: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if last - first == 1:
            singles.append((first, last))
            continue
        name = _name_of(tokens, first, last)
        drafts.setdefault(name.casefold(), _Draft(name)).mentions.append((first, last))
    for first, last in singles:
        owner = _owner(drafts.values(), tokens[first].text, tokens[first].start, tokens)
        if owner is None:
            word = tokens[first].text
            owner = drafts.setdefault(word.casefold(), _Draft(word))
        owner.mentions.append((first, last))
    return list(drafts.values())


def _owner(
    drafts: Iterable[_Draft], word: str, offset: int, tokens: Sequence[Token]
) -> _Draft | None:
    """The full-named person whose surname is `word`: the latest named before `offset`, else any."""
    matches = [d for d in drafts if " " in d.name and d.name.split()[-1] == word]
    before = [d for d in matches if any(tokens[a].start < offset for a, _ in d.mentions)]
    return (before or matches)[-1] if matches else None


def _overlaps(start: int, end: int, span: PlaceSpan) -> bool:
    return span.start < end and start < span.end


def _rather_a_place(tok: Token, places: Sequence[PlaceSpan]) -> bool:
    """Whether the text may name a place at `tok`: where NER calls the word a person, only
    if more than the grammar says so ("As stated in Davis' commentary" is the person's):
    NER calling the same name a place elsewhere ("Sochi"), or a curated place name."""
    return any(
        _overlaps(tok.start, tok.end, p)
        and (tok.ent_type != "PERSON" or p.origin not in _GRAMMAR_ONLY)
        for p in places
    )


def _link_surnames(
    tokens: Sequence[Token], drafts: list[_Draft], places: Sequence[PlaceSpan]
) -> None:
    """Every other capitalised occurrence of a known surname is a mention of that person,
    unless it rather names a place."""
    taken = {i for d in drafts for a, b in d.mentions for i in range(a, b)}
    surnames = {d.name.split()[-1] for d in drafts if " " in d.name}
    for tok in tokens:
        if tok.i in taken or tok.text not in surnames or _rather_a_place(tok, places):
            continue
        owner = _owner(drafts, tok.text, tok.start, tokens)
        if owner is not None:
            owner.mentions.append((tok.i, tok.i + 1))


def _describe(
    draft: _Draft,
    mention: tuple[int, int],
    doc: Doc,
    tree: Tree,
    refs: References,
    titles: TitleWords,
) -> None:
    """Fill title and affiliation from the words around one mention, keeping what is known."""
    first, last = mention
    title, affiliation = _pre_name_title(doc, first, refs, titles)
    draft.title = draft.title or title
    draft.affiliation = draft.affiliation or affiliation
    for head in range(first, last):
        for appos in tree.children(head, "appos"):
            t, a = _from_description(appos, doc, tree, refs, titles)
            draft.title = draft.title or t
            draft.affiliation = draft.affiliation or a
    head_tok = doc.tokens[last - 1]
    if head_tok.dep in {"nsubj", "nsubjpass"} and draft.affiliation is None:
        draft.affiliation = _predicate_affiliation(head_tok.head, doc, tree, refs)


def _pre_name_title(
    doc: Doc, first: int, refs: References, titles: TitleWords
) -> tuple[str | None, str | None]:
    """("Deputy Foreign Minister", "Russia") from "Russian Deputy Foreign Minister Sergey ..."."""
    tokens = doc.tokens
    sent_first = doc.sentences[tokens[first].sent].first if doc.sentences else 0
    j = first - 1
    while j >= sent_first:
        word = tokens[j].text
        joiner = (
            word in {"-", "of"} and j - 1 >= sent_first and titles.is_title_word(tokens[j - 1].text)
        )
        if not (titles.is_title_word(word) or joiner):
            break
        j -= 1
    words = tokens[j + 1 : first]
    if not any(titles.is_head_title(t.text) for t in words):
        return None, _actor_at(tokens[j], refs) if j >= sent_first else None
    title = doc.text[words[0].start : words[-1].end]
    affiliation = _actor_at(tokens[j], refs) if j >= sent_first else None
    return title, affiliation


def _actor_at(tok: Token, refs: References) -> str | None:
    found = refs.at(tok.start, tok.end, "actor")
    return _widest(found).name if found else None


def _widest(found: Sequence[Reference]) -> Reference:
    return max(found, key=lambda r: r.end - r.start)


def _from_description(
    head: Token, doc: Doc, tree: Tree, refs: References, titles: TitleWords
) -> tuple[str | None, str | None]:
    """Title and affiliation from an appositive like "a Baghdad-based spokesman for the X coalition"."""
    title = None
    if titles.is_head_title(head.text):
        mods = [
            t for t in tree.children(head.i, "compound", "amod") if titles.is_title_word(t.text)
        ]
        start = min([head.start, *(t.start for t in mods)])
        title = doc.text[start : head.end]
    affiliation = None
    for prep in tree.children(head.i, "prep"):
        if prep.text.lower() not in _AFFILIATION_PREPS:
            continue
        for obj in tree.children(prep.i, "pobj"):
            first, last = tree.span(obj.i)
            found = refs.within(doc.tokens[first].start, doc.tokens[last - 1].end, "actor")
            if found:
                affiliation = _widest(found).name
                break
        if affiliation:
            break
    return title, affiliation or _modifier_actor(head, tree, refs)


def _modifier_actor(head: Token, tree: Tree, refs: References) -> str | None:
    """An actor named as a modifier of `head` ("senior Russian military advisers" -> Russia)."""
    for mod in tree.children(head.i, "amod", "compound", "nmod", "poss"):
        name = _actor_at(mod, refs)
        if name:
            return name
    return None


def _predicate_affiliation(verb: int, doc: Doc, tree: Tree, refs: References) -> str | None:
    """Affiliation from "X was described as one of the senior Russian military advisers"."""
    complements = tree.children(verb, "attr", "oprd")
    for prep in tree.children(verb, "prep"):
        if prep.text.lower() == "as":
            complements += tree.children(prep.i, "pobj")
    for comp in complements:
        for noun in [
            comp,
            *(o for p in tree.children(comp.i, "prep") for o in tree.children(p.i, "pobj")),
        ]:
            found = _modifier_actor(noun, tree, refs)
            if found:
                return found
    return None
