"""Names the NER model calls people that are not people of the story: places the article
uses as places, credits, and headline words run on into a name.

An ordered table of named rules (`NOT_PEOPLE`); people.v1 drops a name the first of them
claims. Each rule has a handmade parse it fires on and one it must not (tests/unit/resolve).

- `byline`: "By John Smith", "Reporting by ...; Editing by ...", "Posted on ... by ...": the
  writers of the article, not people in it;
- `sign-off`: the writer's name alone on the last line;
- `place-word`: "the village of Rityan", "Rityan village", "Maaret al-Numan, a city south of
  Idlib": a word of place next to the name;
- `toponym`: "Bab al-Nasr", "Khan Sheikhoun": an Arabic word of place opens the name;
- `place-after-preposition`: "in Rityan", "near Khan Sheikhoun" where the gazetteer knows
  the name and nothing in the article makes it a person (a title, a known person);
- `place-elsewhere`: a name the NER model calls a place in another sentence;
- `place-list`: "the towns of Abdin, Kafr Sajna and al-Tamana": a name listed with places;
- `possessive-place`: "Aleppos", "Syrias Ghouta": places whose apostrophe the source lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsgraph.model import Doc, Token
from newsgraph.resolve.gazetteer import Gazetteer
from newsgraph.resolve.titles import TitleWords
from newsgraph.words import words

# Words of a credit line before "by": "Reporting by", "Editing by", "Posted ... by".
CREDIT_WORDS = words(
    "reporting writing editing edited written posted compiled additional photo photos "
    "photograph photographs graphics video produced translated translation story"
)
# Nouns that make the name next to them a place: "the village of X", "X countryside".
PLACE_NOUNS = words(
    "village villages town towns city cities neighborhood neighbourhood neighborhoods "
    "neighbourhoods district districts area areas province provinces countryside region "
    "suburb suburbs governorate camp airport airbase base crossing valley mountain mountains "
    "river bridge dam square street road highway refugee hometown capital outskirts"
)
LOCATIVE = words("in near outside around into inside across toward towards from at")
# Arabic words that open place names: "Khan Sheikhoun", "Kafr Zita", "Tal Abyad".
TOPONYM_WORDS = words(
    "bab khan kafr kfar tal tell deir ain jabal jebel masaken maaret maarat khirbet khirbat "
    "qaryat beit jisr marj wadi harat qasr jubb souq bir tall madhamiyat"
)
# Of those, the words that open no person's name at all ("Maaret Masrin", "Kafr Zita").
PLACE_ONLY = words(
    "kafr kfar deir jabal jebel masaken maaret maarat khirbet khirbat qaryat jisr madhamiyat"
)
ARTICLES = words("al el ash as ad at an ar az")
LIST_WORDS = frozenset({",", "and", "or", "&"})
_MAJOR = 100_000  # a city this big is named apart from any person


@dataclass(frozen=True, slots=True)
class Name:
    """A name NER calls a person: tokens [first, last) of `doc`."""

    doc: Doc
    first: int
    last: int

    @property
    def tokens(self) -> Sequence[Token]:
        return self.doc.tokens[self.first : self.last]

    @property
    def text(self) -> str:
        return self.doc.text[self.doc.tokens[self.first].start : self.doc.tokens[self.last - 1].end]

    def word(self, i: int) -> str:
        """The lower-cased word at token `i` of the doc ("" past either end)."""
        return self.doc.tokens[i].text.lower() if 0 <= i < len(self.doc.tokens) else ""


@dataclass(frozen=True, slots=True)
class Checks:
    """What the rules look names up in."""

    gazetteer: Gazetteer
    titles: TitleWords
    known_person: Callable[[str], bool]
    titled: frozenset[str]  # words of names the article gives a title somewhere
    placed: frozenset[str]  # names the NER model calls a place somewhere in the article


Rule = Callable[[Name, Checks], bool]


def _byline(name: Name, checks: Checks) -> bool:
    """ "By John Smith", "Reporting by Oliver Holmes; Editing by ...", "Posted on August 3
    2013 by Nazeer Rida": a "by" of a credit before the name, names and dates between."""
    sent = name.doc.tokens[name.first].sent
    i = name.first - 1
    while i >= 0 and name.doc.tokens[i].sent == sent and name.first - i <= 12:
        tok = name.doc.tokens[i]
        if tok.text.lower() == "by":
            return tok.text == "By" or _credit_before(name, i)
        if not (tok.text[:1].isupper() or tok.text in {",", ";", "and"} or _number(tok)):
            return False
        i -= 1
    return False


def _sign_off(name: Name, checks: Checks) -> bool:
    """The writer's name alone on the article's last line ("... from prosecution. Nazeer Rida")."""
    doc = name.doc
    sent = doc.tokens[name.first].sent
    if sent != doc.tokens[-1].sent:
        return False
    rest = [t for t in doc.tokens if t.sent == sent and not name.first <= t.i < name.last]
    return all(t.pos == "PUNCT" for t in rest)


def _credit_before(name: Name, by: int) -> bool:
    """A credit word before "by", dates and numbers allowed between ("Posted on ... 2013 by")."""
    for i in range(by - 1, max(-1, by - 8), -1):
        word = name.word(i)
        if word in CREDIT_WORDS:
            return True
        tok = name.doc.tokens[i]
        if word not in {"on", "at", ";", ","} and not _number(tok) and not tok.text[:1].isupper():
            return False
    return False


def _number(tok: Token) -> bool:
    return tok.pos == "NUM" or tok.text.isdigit()


def _place_word(name: Name, checks: Checks) -> bool:
    """ "the village of X", "X village", "X, a town south of Y": a place noun by the name."""
    before = [name.word(name.first - k) for k in (1, 2, 3)]
    if before[0] == "of" and (before[1] in PLACE_NOUNS or before[2] in PLACE_NOUNS):
        return True
    after = [name.word(name.last + k) for k in (0, 1, 2)]
    if after[0] in PLACE_NOUNS and name.doc.tokens[name.last].pos in {"NOUN", "PROPN"}:
        return not checks.titled & {t.text for t in name.tokens}
    at = 1 if after[0] == "," else 0
    return after[at] in {"a", "the"} and after[at + 1] in PLACE_NOUNS


def _toponym(name: Name, checks: Checks) -> bool:
    """ "Bab al-Nasr", "Qasr al-Sharkasi", "Khan Sheikhoun": an Arabic word of place opens the
    name, an article or a gazetteer entry confirms it, and no title makes it a person."""
    words = [t.text for t in name.tokens]
    if len(words) < 2 or words[0].lower() not in TOPONYM_WORDS or checks.titled & set(words):
        return False
    second = words[1].lower()
    article = second in ARTICLES or (second.split("-")[0] in ARTICLES and "-" in second)
    strong = words[0].lower() in PLACE_ONLY
    return article or strong or bool(checks.gazetteer.exact(name.text))


def _place_after_preposition(name: Name, checks: Checks) -> bool:
    """ "in Rityan", "near Khan Sheikhoun": a place the gazetteer knows, where the article
    never titles the name and no lexicon knows a person by it."""
    if name.word(name.first - 1) not in LOCATIVE:
        return False
    text = name.text
    if checks.known_person(text) or checks.titled & {t.text for t in name.tokens}:
        return False
    return bool(checks.gazetteer.exact(text))


def _place_elsewhere(name: Name, checks: Checks) -> bool:
    """One sense per discourse: "Khan Sheikhoun" is a place in one sentence, so it is in the
    next, where the model took it for a person; unless the article titles the name."""
    return name.text in checks.placed and not checks.titled & {t.text for t in name.tokens}


def _possessive_place(name: Name, checks: Checks) -> bool:
    """ "Aleppos", "Syrias Ghouta", "Aleppo Syrias": every word a place, one of them with the
    possessive s its apostrophe lost, or one word that is a major place."""
    names = [t.text for t in name.tokens if t.text[:1].isupper()]
    if not names or len(names) != len(name.tokens):
        return False
    stripped = [w[:-1] for w in names if w.endswith("s") and _major(w[:-1], checks.gazetteer)]
    if len(names) == 1:
        return bool(stripped) or _major(names[0], checks.gazetteer)
    places = [w for w in names if _major(w, checks.gazetteer) or checks.gazetteer.exact(w)]
    return bool(stripped) and len(places) + len(stripped) >= len(names)


def _major(word: str, gazetteer: Gazetteer) -> bool:
    return any(
        c.entry.kind != "city" or c.entry.population >= _MAJOR for c in gazetteer.exact(word)
    )


NOT_PEOPLE: tuple[tuple[str, Rule], ...] = (
    ("byline", _byline),
    ("sign-off", _sign_off),
    ("place-word", _place_word),
    ("toponym", _toponym),
    ("place-after-preposition", _place_after_preposition),
    ("place-elsewhere", _place_elsewhere),
    ("possessive-place", _possessive_place),
)


def used_as_place(name: Name, gazetteer: Gazetteer, titles: TitleWords) -> bool:
    """Whether the words around the name make it a place, whoever the model took it for
    ("the village of X", "X, a city south of Y", "Bab al-Nasr")."""
    checks = Checks(gazetteer, titles, lambda text: False, frozenset(), frozenset())
    return _place_word(name, checks) or _toponym(name, checks)


def not_a_person(name: Name, checks: Checks) -> str | None:
    """The rule that finds the name no person of the story, if any."""
    for rule_name, rule in NOT_PEOPLE:
        if rule(name, checks):
            return rule_name
    return None


def listed_places(doc: Doc, names: Sequence[Name], places: set[tuple[int, int]]) -> set[int]:
    """Indices into `names` of names listed with a place already found ("Abdin, Kafr Sajna
    and al-Tamana"), spreading along the list (`place-list`)."""
    out: set[int] = set()
    bounds = {(n.first, n.last): k for k, n in enumerate(names)}
    placed = set(places)
    changed = True
    while changed:
        changed = False
        for (first, last), k in bounds.items():
            if k in out or (first, last) in placed:
                continue
            if any(_adjacent(doc, first, last, p) for p in placed):
                out.add(k)
                placed.add((first, last))
                changed = True
    return out


def _adjacent(doc: Doc, first: int, last: int, other: tuple[int, int]) -> bool:
    """Only list words ("," "and") lie between the two token ranges."""
    a, b = other
    between = doc.tokens[b:first] if b <= first else doc.tokens[last:a]
    if a < last and first < b:
        return False
    return 0 < len(between) <= 2 and all(t.text.lower() in LIST_WORDS for t in between)
