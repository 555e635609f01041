"""references.v1: what "he", "the Observatory", "the foreign minister" and "HNC" refer to.

Every pronoun, title, nominal and acronym that can stand for a person or a party of the
article is resolved to one of the article's people or actors, or marked as resolved to
nothing (`name` None), so quotes, events and relations all read one answer. The rules run
in the order of `RULES`; each rule's name is the `method` of the coreferences it makes, and
a later rule may point at what an earlier one resolved ("The Observatory said ... It said").

What each rule may refer to:
- `acronym`: "the High Negotiations Committee (HNC)" ties every "HNC" to its long form.
- `title`: "the minister", "the foreign minister" -> the nearest person before whose title has
  those words; "a U.N. spokeswoman" (indefinite) -> the next such person, close after.
- `reporter`: "SANA's correspondent", "the reporter" -> the outlet whose reporter it is.
- `nominal`: "the Observatory", "the ministry", "the group", "a monitoring group" -> the
  nearest party named before whose name has that word (or a word of its family: a monitor is an
  observatory); an indefinite one may point ahead, to a party named soon after.
- `document`: "the statement", "the report" -> the party that spoke last, close before.
- `pronoun-person`: he/she/him/her -> a person (never a party or a place) of compatible gender
  (from the article's titles and honorifics, else the first-name list), preferring the subject
  of a reporting verb, then any subject, in this sentence and the few before.
- `pronoun-party`: "it" as the subject of a verb that is not a copula, "they" as the subject
  of a verb of saying -> the party that was the subject nearest before, in this sentence or
  the two before ("they met" is often several parties, which one name cannot stand for).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from newsgraph.extract.cues import CUE_VERBS
from newsgraph.model import Coreference, Doc, Person, Token
from newsgraph.nlp.pronouns import pronoun
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.gender import FirstNames, Gender
from newsgraph.resolve.titles import TitleWords

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "references.v1"
Kind = Literal["person", "actor"]

# How far back a pronoun looks for its person, and "it"/"they" for their party (sentences).
PERSON_WINDOW = 4
PARTY_WINDOW = 2
# How far ahead an indefinite description ("a monitoring group") may find its name.
AHEAD_WINDOW = 2

# Words before a name or in a title that mark a person's gender.
# fmt: off
FEMALE_WORDS = frozenset([
    "mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "wife", "mother", "daughter", "sister",
    "woman", "chairwoman", "congresswoman", "spokeswoman", "businesswoman", "actress", "queen",
    "princess", "grandmother", "widow", "girl",
])
MALE_WORDS = frozenset([
    "mr.", "mr", "sir", "husband", "father", "son", "brother", "man", "chairman", "congressman",
    "spokesman", "businessman", "actor", "king", "prince", "grandfather", "widower", "boy",
])
# fmt: on

# Nouns that refer back to a named party, and the words of a name each may stand for.
_MONITOR = frozenset({"observatory", "monitor", "monitoring", "watchdog", "watch"})
# Words that describe any monitor ("a war monitor", "the rights group"): they need not be in
# its name; other nouns do ("the chemical weapons watchdog" is not a rights observatory).
_MONITOR_WORDS = _MONITOR | {"war", "rights", "human", "group"}
NOMINAL_FAMILIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("observatory", "monitor", "watchdog"), _MONITOR),
    **{
        word: frozenset({word})
        for word in (
            "agency",
            "alliance",
            "army",
            "authority",
            "brigade",
            "brigades",
            "centre",
            "center",
            "coalition",
            "command",
            "commission",
            "committee",
            "council",
            "court",
            "department",
            "directorate",
            "front",
            "group",
            "league",
            "militia",
            "ministry",
            "mission",
            "movement",
            "network",
            "office",
            "organisation",
            "organization",
            "party",
            "union",
        )
    },
}
# Nouns that, bare, mean a state's own body: "the army" is not a rebel army named before.
STATE_NOUNS = frozenset({"army", "military", "ministry", "government"})
_STATE_KINDS = frozenset({"country", "government_body"})
# "the group" names no word of its party's name ("Syrian Observatory for Human Rights"):
# it refers to the nearest party that is not a state.
_ANY_PARTY = frozenset({"group"})
REPORTER_NOUNS = frozenset({"reporter", "correspondent"})
# What a party issues and then "says": it speaks for the party that issued it.
DOCUMENT_NOUNS = frozenset(
    {"statement", "report", "release", "communique", "draft", "resolution", "bulletin"}
)
DOCUMENT_WINDOW = 3
_DEFINITE = frozenset({"the", "this", "that"})
_PLURAL = frozenset({"NNS", "NNPS"})
_NOT_GROUPS = frozenset({"country", "media", "ethnic_group"})
_INDEFINITE = frozenset({"a", "an"})
# Verbs whose "it" is no party: "it was unclear", "it seems", "it takes".
_EXPLETIVE_VERBS = frozenset(
    {"be", "seem", "appear", "remain", "become", "take", "happen", "mean", "matter", "look"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Whose subject is a speaker: the reporting verbs, and verbs of taking a side in words.
SPEECH_VERBS = CUE_VERBS | {"disagree", "agree", "blame", "condemn", "call", "dismiss", "reject"}
_CLIMB_DEPS = frozenset({"compound", "appos", "flat", "amod"})  # "Russian" of "Russian forces"
_WORDS = re.compile(r"[a-z]+\.?")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,7}")
_LINK_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to", "al", "el", "de", "&"})


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a person or party, in text order: what a reference may point at."""

    start: int
    end: int
    kind: Kind
    name: str
    sent: int
    subject: bool  # the subject of its clause
    speaker: bool  # the subject of a reporting verb ("X said")


class Context:
    """The article as the rules see it: its tokens, entities, and what is resolved so far."""

    def __init__(self, doc: Doc, titles: TitleWords, first_names: FirstNames) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.tree = Tree(doc.tokens)
        self.titles = titles
        self.first_names = first_names
        self.people: dict[str, Person] = {p.name: p for p in doc.people}
        self.actor_kind = {a.name: a.kind for a in doc.actors}
        self._starts = [t.start for t in doc.tokens]
        spans: list[tuple[int, int, Kind, str]] = []
        for person in doc.people:
            spans += [(m.start, m.end, "person", person.name) for m in person.mentions]
        for actor in doc.actors:
            spans += [(m.start, m.end, "actor", actor.name) for m in actor.mentions]
        self.entities = sorted(
            (self._entity(*s) for s in spans if self._first_token(s[0], s[1]) is not None),
            key=lambda e: (e.start, -e.end),
        )
        self.named = [(e.start, e.end) for e in self.entities]
        self.found: list[Coreference] = []
        self.taken: set[int] = set()  # tokens a reference already covers
        self._genders: dict[str, Gender | None] = {}

    def _inside(self, start: int, end: int) -> Sequence[Token]:
        """The tokens lying within [start, end)."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [t for t in self.tokens[lo:hi] if t.end <= end]

    def _first_token(self, start: int, end: int) -> Token | None:
        inside = self._inside(start, end)
        return inside[0] if inside else None

    def _entity(self, start: int, end: int, kind: Kind, name: str) -> Entity:
        inside = self._inside(start, end)
        if not inside:
            return Entity(start, end, kind, name, 0, False, False)
        subject, speaker = self.role(inside[0].i, inside[-1].i + 1)
        return Entity(start, end, kind, name, inside[0].sent, subject, speaker)

    def role(self, first: int, last: int) -> tuple[bool, bool]:
        """Whether tokens [first, last) are a clause's subject, and a reporting verb's."""
        tokens = self.tokens
        head = next(
            (t for t in tokens[first:last] if not first <= t.head < last or t.head == t.i),
            tokens[first],
        )
        while head.dep in _CLIMB_DEPS and head.head != head.i:
            head = tokens[head.head]
        verb = tokens[head.head]
        cue = verb.lemma.casefold() in SPEECH_VERBS
        if head.dep in _SUBJECT_DEPS:
            return True, cue
        inverted = head.dep in {"dobj", "attr", "npadvmod"} and cue and verb.i < head.i
        return inverted, inverted  # "..., said the Observatory"

    def add(
        self, first: int, last: int, kind: Kind, target: Entity | str | None, method: str
    ) -> None:
        """Record tokens [first, last) as referring to `target`; later rules may point at it."""
        t = self.tokens
        start, end = t[first].start, t[last - 1].end
        name = target.name if isinstance(target, Entity) else target
        self.found.append(
            Coreference(start, end, self.doc.text[start:end], kind, name, method, STAGE)
        )
        self.taken.update(range(first, last))
        if name is not None:
            subject, speaker = self.role(first, last)
            entity = Entity(start, end, kind, name, t[first].sent, subject, speaker)
            self.entities.append(entity)
            self.entities.sort(key=lambda e: (e.start, -e.end))

    def is_named(self, start: int, end: int) -> bool:
        """Whether a person or party is named inside [start, end)."""
        return any(start <= a and b <= end for a, b in self.named)

    def gender(self, name: str) -> Gender | None:
        """A person's gender as the article marks it (an honorific or a gendered title),
        else as the first-name list gives it; None where neither tells."""
        if name in self._genders:
            return self._genders[name]
        found: Gender | None = None
        person = self.people.get(name)
        words: set[str] = set()
        if person is not None:
            words.update(_WORDS.findall((person.title or "").casefold()))
            for mention in person.mentions:
                before = self.doc.text[max(0, mention.start - 12) : mention.start]
                words.update(_WORDS.findall(before.casefold()))
        female, male = words & FEMALE_WORDS, words & MALE_WORDS
        if female and not male:
            found = "f"
        elif male and not female:
            found = "m"
        else:
            first = next((w for w in name.split() if not self.titles.is_title_word(w)), "")
            found = self.first_names.gender(first) if first else None
        self._genders[name] = found
        return found


Rule = Callable[[Context], None]


def _noun_phrases(ctx: Context) -> list[tuple[Token, int, int, str]]:
    """Common-noun phrases: (head, first, last, determiner word) for each noun with a
    determiner or a possessive before it, its compounds and adjectives included."""
    out = []
    for tok in ctx.tokens:
        if tok.pos not in {"NOUN", "PROPN"} or tok.dep == "compound":
            continue
        det = ctx.tree.child(tok.i, "det", "poss")
        if det is None or det.i > tok.i:
            continue
        first = min([det.i] + [c.i for c in ctx.tree.children(tok.i, "compound", "amod")])
        out.append((tok, first, tok.i + 1, det.text.casefold() if det.dep == "det" else "poss"))
    return out


def acronyms(ctx: Context) -> None:
    """ "the High Negotiations Committee (HNC)": every HNC of the article is that committee."""
    tokens, text = ctx.tokens, ctx.doc.text
    long_forms: dict[str, str] = {}
    for tok in tokens[1:-1]:
        before, after = tokens[tok.i - 1], tokens[tok.i + 1]
        if before.text != "(" or after.text != ")" or not _ACRONYM.fullmatch(tok.text):
            continue
        letters = [c for c in tok.text if c.isupper()]
        j, words = before.i - 1, 0
        while j >= 0 and letters and words < 12:
            word = tokens[j].text
            if word.casefold() in _LINK_WORDS or word in {"-", "'s"}:
                j -= 1
                continue
            if not word[:1].isupper() or word[0] != letters[-1]:
                break
            letters.pop()
            words += 1
            j -= 1
        if letters or words < 2:
            continue
        first = j + 1
        start, end = tokens[first].start, before.start
        named = [
            e
            for e in ctx.entities
            if e.kind == "actor" and e.start <= start + 4 and e.end >= end - 1
        ]
        long_form = named[-1].name if named else text[start:end].strip()
        long_forms.setdefault(tok.text, long_form.removeprefix("the ").removeprefix("The "))
    for tok in tokens:
        name = long_forms.get(tok.text)
        if name is not None and tok.i not in ctx.taken:
            ctx.add(tok.i, tok.i + 1, "actor", name, "acronym")


def titles(ctx: Context) -> None:
    """ "The minister said": the nearest person before whose title has the words; "a U.N.
    spokeswoman said" points ahead, at the next such person close after."""
    for head, first, last, det in _noun_phrases(ctx):
        if not ctx.titles.is_head_title(head.text) or det not in _DEFINITE | _INDEFINITE:
            continue
        if head.lemma.casefold() in NOMINAL_FAMILIES or head.tag in _PLURAL:
            continue
        if _taken_or_named(ctx, first, last) or _named_next(ctx, head):
            continue
        words = {
            t.text.casefold()
            for t in ctx.tokens[first:last]
            if ctx.titles.is_title_word(t.text) and t.dep != "det"
        }

        def fits(e: Entity, words: set[str] = words) -> bool:
            title = (ctx.people[e.name].title or "") if e.name in ctx.people else ""
            return e.kind == "person" and words <= set(title.casefold().replace("-", " ").split())

        target = _nearest_before(ctx, head.start, fits)
        if target is None and det in _INDEFINITE:
            target = _nearest_after(ctx, head, fits)
        ctx.add(first, last, "person", target, "title")


def reporters(ctx: Context) -> None:
    """ "SANA's correspondent", "SANA reporter", then "the reporter": the outlet."""
    last_outlet: str | None = None
    for tok in ctx.tokens:
        if tok.lemma.casefold() not in REPORTER_NOUNS or tok.i in ctx.taken:
            continue
        near = ctx.tokens[max(0, tok.i - 3) : tok.i]
        outlet = next(
            (
                e.name
                for e in reversed(ctx.entities)
                if e.kind == "actor"
                and ctx.actor_kind.get(e.name) == "media"
                and near
                and near[0].start <= e.start
                and e.end <= tok.start
            ),
            None,
        )
        if outlet is not None:
            last_outlet = outlet
            ctx.add(tok.i, tok.i + 1, "actor", outlet, "reporter")
            continue
        det = ctx.tree.child(tok.i, "det")
        if det is not None and det.text.casefold() in _DEFINITE:
            ctx.add(det.i, tok.i + 1, "actor", last_outlet, "reporter")


def nominals(ctx: Context) -> None:
    """ "the Observatory", "the ministry", "a monitoring group": the party whose name has
    that word (or one of its family), nearest before. Its other words must be in the name too
    ("the National Coalition" is not any coalition, "the regime army" not the rebels' army),
    except a monitor's descriptions ("the UK-based monitor"). A description that is part of
    a name ("the Syrian Observatory") or names a monitor ("a monitoring group") may point
    ahead, at the party named soon after."""
    for head, first, last, det in _noun_phrases(ctx):
        lemma = head.lemma.casefold()
        family = NOMINAL_FAMILIES.get(lemma)
        if family is None or det not in _DEFINITE | _INDEFINITE or head.tag in _PLURAL:
            continue
        if _taken_or_named(ctx, first, last):
            continue
        modifiers = [t for t in ctx.tokens[first + 1 : last - 1] if t.dep != "det"]
        monitor = lemma in _MONITOR or any(t.lemma.casefold() in _MONITOR for t in modifiers)
        named_words = {
            w
            for t in modifiers
            if t.text[:1].isupper() or not monitor or t.dep == "compound"
            for w in _name_words(t.text)
            if not t.text.endswith("-based") and w not in _MONITOR_WORDS
        }
        if monitor:
            family = _MONITOR
        elif det in _INDEFINITE and not named_words:
            continue  # "a group": any group, no reference
        any_party = lemma in _ANY_PARTY and not monitor and not named_words

        def fits(
            e: Entity,
            family: frozenset[str] = family,
            named_words: set[str] = named_words,
            any_party: bool = any_party,
            lemma: str = lemma,
        ) -> bool:
            if e.kind != "actor":
                return False
            if any_party:
                return e.speaker and ctx.actor_kind.get(e.name) not in _NOT_GROUPS
            if lemma in STATE_NOUNS and ctx.actor_kind.get(e.name) not in _STATE_KINDS:
                return False  # "the army" is a state's, not the Free Syrian Army
            words = _name_words(e.name)
            return bool(family & words) and named_words <= words

        target = _nearest_before(ctx, head.start, fits)
        if target is None and (det in _INDEFINITE or named_words or monitor):
            target = _nearest_after(ctx, head, fits)
        if target is not None:
            ctx.add(first, last, "actor", target, "nominal")


def documents(ctx: Context) -> None:
    """ "the statement said", "the report said": the party that last spoke, close before."""
    for head, first, last, det in _noun_phrases(ctx):
        if head.lemma.casefold() not in DOCUMENT_NOUNS or det not in _DEFINITE:
            continue
        if head.tag in _PLURAL or _taken_or_named(ctx, first, last):
            continue

        def fits(e: Entity) -> bool:
            return e.kind == "actor" and e.speaker

        def rank(e: Entity) -> tuple[bool, bool, bool]:
            return True, True, True

        target = _salient(ctx, head, fits, rank, DOCUMENT_WINDOW)
        if target is not None:
            ctx.add(first, last, "actor", target, "document")


def person_pronouns(ctx: Context) -> None:
    """He, she, him, her: a person of compatible gender, the speaker or subject nearest."""
    for tok in ctx.tokens:
        said = pronoun(tok)
        if said is None or not said.a_person or tok.i in ctx.taken:
            continue
        if tok.text.casefold() in {"his", "her", "hers"} and tok.dep == "poss":
            continue
        want: Gender = "f" if said.gender == "Fem" else "m"

        def fits(e: Entity, want: Gender = want) -> bool:
            return e.kind == "person" and ctx.gender(e.name) in {want, None}

        def rank(e: Entity, want: Gender = want) -> tuple[bool, bool, bool]:
            return ctx.gender(e.name) == want, e.speaker, e.subject

        def speaks(e: Entity, fits: Callable[[Entity], bool] = fits) -> bool:
            return fits(e) and e.speaker

        target = None
        if _reporting(ctx, tok):  # "..., he said": whoever spoke last, not whom they spoke of
            target = _salient(ctx, tok, speaks, rank, PERSON_WINDOW)
        target = target or _salient(ctx, tok, fits, rank, PERSON_WINDOW)
        ctx.add(tok.i, tok.i + 1, "person", target, "pronoun-person")


def party_pronouns(ctx: Context) -> None:
    """It, they as a verb's subject: the party that was the subject nearest before."""
    for tok in ctx.tokens:
        said = pronoun(tok)
        if said is None or not (said.a_thing or said.a_group) or tok.i in ctx.taken:
            continue
        verb = ctx.tokens[tok.head]
        if tok.dep not in _SUBJECT_DEPS or verb.lemma.casefold() in _EXPLETIVE_VERBS:
            continue
        if said.a_group and not _reporting(ctx, tok):
            continue  # "they met": often several parties, which one name cannot stand for

        def fits(e: Entity) -> bool:
            return e.kind == "actor" and e.subject

        def rank(e: Entity) -> tuple[bool, bool, bool]:
            return e.speaker, e.subject, True

        target = _salient(ctx, tok, fits, rank, PARTY_WINDOW)
        ctx.add(tok.i, tok.i + 1, "actor", target, "pronoun-party")


def _salient(
    ctx: Context,
    tok: Token,
    fits: Callable[[Entity], bool],
    rank: Callable[[Entity], tuple[bool, bool, bool]],
    window: int,
) -> Entity | None:
    """The best-ranked fitting entity of the nearest sentence (this one, before `tok`, then
    those before it) that has one; ties go to the nearest. An entity whose rank's first
    part is false (a person of unknown gender) is taken only where no sentence of the window
    has one whose first part is true."""
    fallback: Entity | None = None
    for sent in range(tok.sent, max(-1, tok.sent - window - 1), -1):
        found = [
            e
            for e in ctx.entities
            if e.sent == sent and e.end <= tok.start and fits(e) and not _inside(e, tok)
        ]
        if not found:
            continue
        best = max(enumerate(found), key=lambda p: (rank(p[1]), p[0]))[1]
        if rank(best)[0]:
            return best
        fallback = fallback or best
    return fallback


def _reporting(ctx: Context, tok: Token) -> bool:
    """Whether `tok` is the subject of a reporting verb."""
    return tok.dep in _SUBJECT_DEPS and ctx.tokens[tok.head].lemma.casefold() in SPEECH_VERBS


def _inside(e: Entity, tok: Token) -> bool:
    return e.start <= tok.start < e.end


def _nearest_before(ctx: Context, offset: int, fits: Callable[[Entity], bool]) -> Entity | None:
    before = [e for e in ctx.entities if e.end <= offset and fits(e)]
    return max(before, key=lambda e: e.end) if before else None


def _nearest_after(ctx: Context, head: Token, fits: Callable[[Entity], bool]) -> Entity | None:
    after = [
        e
        for e in ctx.entities
        if e.start >= head.end and e.sent <= head.sent + AHEAD_WINDOW and fits(e)
    ]
    return min(after, key=lambda e: e.start) if after else None


def _taken_or_named(ctx: Context, first: int, last: int) -> bool:
    t = ctx.tokens
    return any(i in ctx.taken for i in range(first, last)) or ctx.is_named(
        t[first].start, t[last - 1].end
    )


def _named_next(ctx: Context, head: Token) -> bool:
    """ "spokesman Nawaf Khalil": the title is followed by the name it belongs to."""
    nxt = head.i + 1
    if nxt >= len(ctx.tokens):
        return False
    start = ctx.tokens[nxt].start
    return any(e.start == start and e.kind == "person" for e in ctx.entities)


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.casefold()) if w not in _LINK_WORDS}


# The rules in the order they run; each one's name is the `method` of what it records.
RULES: tuple[tuple[str, Rule], ...] = (
    ("acronym", acronyms),
    ("title", titles),
    ("reporter", reporters),
    ("nominal", nominals),
    ("document", documents),
    ("pronoun-person", person_pronouns),
    ("pronoun-party", party_pronouns),
)


def resolve_references(doc: Doc, res: Resources) -> Doc:
    """Stage: resolve the article's pronouns, titles, nominals and acronyms."""
    ctx = Context(doc, res.titles, res.first_names)
    for _, rule in RULES:
        rule(ctx)
    found = sorted(ctx.found, key=lambda c: (c.start, c.end))
    return replace(doc, coreferences=tuple(found))
