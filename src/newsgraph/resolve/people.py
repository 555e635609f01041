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
from newsgraph.resolve.actor_lexicon import KnownPerson, PeopleLexicon
from newsgraph.resolve.gender import FirstNames
from newsgraph.resolve.not_people import Checks, Name, listed_places, not_a_person
from newsgraph.resolve.place_spans import PlaceSpan, find_spans
from newsgraph.resolve.references import Reference, References
from newsgraph.resolve.titles import TitleWords
from newsgraph.words import words

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "people.v1"
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "with", "from", "in"})
_HEADLINE_POS = frozenset({"NOUN", "VERB", "ADJ"})  # "Calls", "Death", "Ill" in a headline
_TITLE_REACH = 10  # tokens back from a name to the title of "Secretary of the X ... Name"
# Small words inside a name: "Hadi al-Bahra", "Ursula von der Leyen", "Osama bin Laden".
NAME_PARTICLES = words(
    "- al el ad ash as at an ar az bin ibn bint abu de da di del van von der le la"
)
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
    spans = _story_people(doc, spans, res, titles)
    drafts = _cluster(doc.tokens, spans, res.people)
    _link_surnames(doc.tokens, drafts, places)
    for draft in drafts:
        for first, last in draft.mentions:
            _describe(draft, (first, last), doc, tree, refs, titles)
        known = res.people.lookup(draft.name)
        if known is not None:
            _know(draft, known)
    people = tuple(_person(doc, d) for d in drafts)
    return replace(doc, people=people)


def _know(draft: _Draft, known: KnownPerson) -> None:
    """What a lexicon knows of a person: a gap in the text's title and affiliation filled; a
    curated public figure's own affiliation kept over what the text seems to say ("Assad is
    the major beneficiary of the US-led coalition strikes" makes him no member of it)."""
    if known.source.startswith("http"):
        draft.affiliation = known.affiliation or draft.affiliation
    draft.title = draft.title or known.title
    draft.affiliation = draft.affiliation or known.affiliation
    draft.origin = f"text+{known.source}"


def _story_people(
    doc: Doc, spans: list[tuple[int, int]], res: Resources, titles: TitleWords
) -> list[tuple[int, int]]:
    """The names that are people of the story: not a credit (nor the credited name anywhere
    else), not a place the article uses as one (`not_people.NOT_PEOPLE`), nor a name listed
    with such places."""
    checks = Checks(
        res.gazetteer,
        titles,
        lambda text: res.people.lookup(text) is not None,
        _titled_words(doc, spans, titles),
        frozenset(e.text for e in doc.entities if e.label in ("GPE", "LOC", "FAC")),
    )
    names = [Name(doc, first, last) for first, last in spans]
    verdicts = {(n.first, n.last): not_a_person(n, checks) for n in names}
    writers = {n.text for n in names if verdicts[(n.first, n.last)] in ("byline", "sign-off")}
    kept = [n for n in names if not verdicts[(n.first, n.last)] and n.text not in writers]
    places = {(e.first, e.last) for e in doc.entities if e.label in ("GPE", "LOC")}
    places |= {(n.first, n.last) for n in names if n not in kept}
    listed = listed_places(doc, kept, places)
    return [(n.first, n.last) for k, n in enumerate(kept) if k not in listed]


def _titled_words(doc: Doc, spans: list[tuple[int, int]], titles: TitleWords) -> frozenset[str]:
    """Words of the names the article gives a title ("President X", "Colonel X")."""
    return frozenset(
        t.text
        for first, last in spans
        if first > 0 and titles.is_title_word(doc.tokens[first - 1].text)
        for t in doc.tokens[first:last]
        if t.text[:1].isupper()  # not the "al" and "-" of "Ahmed al-Jarba"
    )


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
    common = {t.text for t in tokens if t.text.isalpha() and t.text.islower()}
    spans: list[tuple[int, int]] = []
    for ent in doc.entities:
        first, last = _strip_possessive(tokens, ent.first, ent.last)
        first, last = _strip_common_words(tokens, first, last, common)
        stripped = _skip_title(tokens, first, last, titles)
        titled = stripped > first
        if ent.label != "PERSON" and not titled:
            continue
        first = stripped
        if first >= last or not _is_name(tokens[first:last]):
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


def _strip_common_words(
    tokens: Sequence[Token], first: int, last: int, common: set[str]
) -> tuple[int, int]:
    """A name without the headline words NER ran it into ("Aleppo Death", "Alhassan Calls",
    "Subscribe TRT World"): capitalised words the article also writes in lower case, and a
    last word the parser reads as a common word."""
    while last - first > 1 and (
        tokens[last - 1].text.lower() in common or tokens[last - 1].pos in _HEADLINE_POS
    ):
        last -= 1
    while last - first > 1 and tokens[first].text.lower() in common:
        first += 1
    return first, last


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


def _is_name(tokens: Sequence[Token]) -> bool:
    """Capitalised words, with particles inside ("Hadi al-Bahra", "Ursula von der Leyen")."""
    inner = tokens[1:-1]
    return (
        _is_name_word(tokens[0])
        and _is_name_word(tokens[-1])
        and all(_is_name_word(t) or t.text.lower() in NAME_PARTICLES for t in inner)
    )


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _name_of(tokens: Sequence[Token], first: int, last: int) -> str:
    """The words of a name as written: "al-Jarba" stays one word, spaces become one space."""
    out = tokens[first].text
    for prev, tok in zip(tokens[first : last - 1], tokens[first + 1 : last], strict=True):
        out += ("" if prev.end == tok.start else " ") + tok.text
    return out


def _cluster(
    tokens: Sequence[Token], spans: list[tuple[int, int]], known: PeopleLexicon
) -> list[_Draft]:
    """One draft per person: a full name, or the name a lexicon knows it by ("Bashar Assads"
    and "Assad" are Bashar al-Assad); single words join the full name ending in that word."""
    drafts: dict[str, _Draft] = {}
    spelled: dict[str, _Draft] = {}  # each full name as written, to the draft it went to
    singles: list[tuple[int, int]] = []
    for first, last in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest first
        if last - first == 1:
            singles.append((first, last))
            continue
        text = _name_of(tokens, first, last)
        draft = next((d for t, d in spelled.items() if t.endswith(" " + text)), None)
        if draft is None:  # "Abdel Rahman" after "Rami Abdel Rahman" is the same man
            name = _known_name(text, known)
            draft = drafts.setdefault(name.casefold(), _Draft(name))
        draft.mentions.append((first, last))
        spelled.setdefault(text, draft)
    for first, last in sorted(singles):
        word = tokens[first].text
        owner = _owner(drafts.values(), word, tokens[first].start, tokens)
        if owner is None:
            name = _known_name(word, known)
            owner = drafts.setdefault(name.casefold(), _Draft(name))
        owner.mentions.append((first, last))
    return sorted(drafts.values(), key=lambda d: min(d.mentions))


def _known_name(name: str, known: PeopleLexicon) -> str:
    """The name a lexicon knows `name` by, its lost apostrophe's s aside ("Assads" is
    Bashar al-Assad's); `name` itself where no lexicon knows it."""
    for spelling in (name, name[:-1] if name.endswith("s") and not name.endswith("ss") else ""):
        person = known.lookup(spelling) if spelling else None
        if person is not None:
            return person.name
    return name


def _owner(
    drafts: Iterable[_Draft], word: str, offset: int, tokens: Sequence[Token]
) -> _Draft | None:
    """The full-named person whose surname is `word` ("Bahra" of "Hadi al-Bahra", "Assads"
    of "Bashar Assad"): the latest named before `offset`, else any."""
    spellings = {word, word[:-1]} if word.endswith("s") and not word.endswith("ss") else {word}
    matches = [d for d in drafts if " " in d.name and _surnames(d.name) & spellings]
    before = [d for d in matches if any(tokens[a].start < offset for a, _ in d.mentions)]
    return (before or matches)[-1] if matches else None


def _surnames(name: str) -> set[str]:
    """The last word of a name, with and without its Arabic article ("al-Assad", "Assad")."""
    last = name.split()[-1]
    return {last, last.split("-", 1)[1]} if last[:3].lower() in ("al-", "el-") else {last}


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
    surnames = {s for d in drafts if " " in d.name for s in _surnames(d.name)}
    for tok in tokens:
        stem = tok.text[:-1] if tok.text.endswith("s") and tok.text[:1].isupper() else ""
        if tok.i in taken or not {tok.text, stem} & surnames or _rather_a_place(tok, places):
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
    if draft.affiliation is None and (after := _title_after(doc, last, refs, titles)):
        draft.title = draft.title or after[0]
        draft.affiliation = after[1]
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
        named = j >= sent_first and tokens[j].text[:1].isupper()  # not "rebels Pillay said"
        return _title_of(doc, first, sent_first, refs, titles) or (
            None,
            _actor_at(tokens[j], refs) if named else None,
        )
    title = doc.text[words[0].start : words[-1].end]
    affiliation = _actor_at(tokens[j], refs) if j >= sent_first else None
    return title, affiliation


def _title_of(
    doc: Doc, first: int, sent_first: int, refs: References, titles: TitleWords
) -> tuple[str, str] | None:
    """("Secretary", "Syrian National Coalition") from "Secretary of the Syrian Coalition's
    political committee Riyad Alhassan": a title, "of", a party, then the name."""
    tokens = doc.tokens
    for j in range(first - 2, max(sent_first, first - _TITLE_REACH) - 1, -1):
        if tokens[j].text != "of" or not titles.is_head_title(tokens[j - 1].text):
            continue
        found = refs.within(tokens[j].end, tokens[first].start, "actor")
        if found:
            return tokens[j - 1].text, found[0].name
    return None


def _title_after(
    doc: Doc, last: int, refs: References, titles: TitleWords
) -> tuple[str, str] | None:
    """("president", "Syrian National Coalition") from "Hadi al-Bahra, president of the
    Syrian Coalition": a title and its party right after the name, with or without the
    comma (copy that lost its punctuation is read the same)."""
    tokens = doc.tokens
    i = last
    while i < len(tokens) and tokens[i].text.lower() in {",", "the", "a", "an"}:
        i += 1
    first = i
    while i < len(tokens) and i - first < 3 and titles.is_title_word(tokens[i].text):
        i += 1
    words = tokens[first:i]
    if not any(titles.is_head_title(t.text) for t in words) or i >= len(tokens):
        return None
    if tokens[i].text.lower() not in _AFFILIATION_PREPS:
        return None
    j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text.lower() == "the")
    found = refs.at(tokens[j].start, tokens[j].end, "actor") if j < len(tokens) else []
    if not found:
        return None
    return doc.text[words[0].start : words[-1].end], _widest(found).name


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
