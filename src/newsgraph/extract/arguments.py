"""Who an argument phrase names: canonical actors and people, with coordination and pronouns."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from newsgraph.extract.event_parties import Sides
from newsgraph.model import Doc, EntityMention, Token
from newsgraph.nlp.pronouns import pronoun
from newsgraph.nlp.tree import SUBJECTS, Tree
from newsgraph.resolve.references import Reference, References

# A party named under one of these prepositions is where something happened, not who.
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout"})
_CORE = frozenset({"compound", "amod", "poss", "nmod", "conj", "cc", "det", "npadvmod", "appos"})
# Nouns that name a group or office even when no actor lexicon knows the group: "Darfur
# rebels", "Hausa politicians", "Moslem forces" are parties of an event all the same.
GROUP_NOUNS = frozenset(
    [
        "rebel",
        "force",
        "troop",
        "army",
        "militant",
        "militia",
        "police",
        "government",
        "official",
        "authority",
        "leader",
        "politician",
        "extremist",
        "insurgent",
        "fighter",
        "guerrilla",
        "guerillas",
        "soldier",
        "protester",
        "demonstrator",
        "student",
        "worker",
        "farmer",
        "refugee",
        "civilian",
        "peacekeeper",
        "opposition",
        "parliament",
        "court",
        "ministry",
        "minister",
        "president",
        "council",
        "committee",
        "party",
        "group",
        "coalition",
        "movement",
        "union",
        "candidate",
        "settler",
        "resident",
        "villager",
        "activist",
        "negotiator",
        "diplomat",
        "delegation",
        "doctor",
        "judge",
        "elder",
        "inhabitant",
        "commission",
        "assembly",
        "administration",
        "regime",
        "junta",
        "military",
        "navy",
        "agency",
        "observer",
        "gunman",
        "gunner",
        "sniper",
        "separatist",
        "tribesman",
        "clan",
        "cabinet",
        "premier",
        "chancellor",
        "king",
        "emir",
        "sheikh",
        "prince",
        "mayor",
        "governor",
        "general",
        "commander",
        "spokesman",
        "spokeswoman",
        "envoy",
        "ambassador",
        "prosecutor",
        "community",
        "organization",
        "organisation",
    ]
)
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "prep"})
COUNTS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "tens"}
)
_HELD = frozenset({"held", "controlled", "besieged", "run", "dominated", "occupied"})


class Arguments:
    """Resolve argument phrases of events to the names of actors and people."""

    def __init__(self, doc: Doc, tree: Tree, refs: References, sides: Sides | None = None) -> None:
        self.doc = doc
        self.tree = tree
        self.refs = refs
        self.sides = sides  # parties named by role words ("regime forces"), when known
        self._starts = [t.start for t in doc.tokens]

    def names(self, tok: Token, whole: bool = True, by_name: bool = False) -> tuple[str, ...]:
        """Parties named by the phrase headed by `tok` (its core first, else its whole subtree);
        `by_name`: only where a name names them, not role words ("terrorists", "the army")."""
        said = pronoun(tok)
        if said is not None and said.a_group:
            return self.recent_subjects(tok.start, 1)
        if said is not None and said.a_person:
            return self._speaker_at(tok)
        if said is not None and said.a_thing and tok.dep in {"nsubj", "nsubjpass", "poss"}:
            return self._recent_party(tok.start)  # "Syria says *it* is willing to withdraw"
        core = self._core(tok)
        found = self._parties(core, by_name)
        if not found and whole:
            found = self._parties(self.tree.subtree(tok.i), by_name)
        return found

    def names_or_phrase(self, tok: Token, victims: bool = False) -> tuple[str, ...]:
        """Parties named by the phrase, else the side its role words name ("regime forces",
        and for `victims` "residents" as civilians), else the phrase itself when it names a
        group or an office no lexicon knows ("Darfur rebels"); else nothing."""
        counted = self._counted(tok)
        if counted is not None:
            return self.names_or_phrase(counted, victims)  # "dozens of civilians"
        if found := self.names(tok, whole=False):
            return found
        if found := self.side(tok, victims):
            return found
        if found := self.names(tok):
            return found
        if victims and (found := self._holder(tok)):
            return found
        if tok.pos == "PROPN" and self._entity_at(tok) is not None:
            if self._locative(tok):
                return ()
            entity = self._entity_at(tok)
            assert entity is not None
            return (entity.text,)  # "Jean-Bertrand Aristide", when no stage resolved him
        if tok.pos not in {"NOUN", "PROPN"} or tok.lemma.casefold() not in GROUP_NOUNS:
            return ()
        kept = [tok.i]
        for child in self.tree.children(tok.i):
            if child.dep in _PHRASE_DEPS and (child.dep != "prep" or child.text == "of"):
                kept += self.tree.subtree(child.i)
        if len(kept) == 1 or any(c.pos == "PRON" for c in self.tree.children(tok.i, "poss")):
            return ()  # "troops", "its troops": whose, the sentence does not say here
        first, last = min(kept), max(kept)
        if self.doc.tokens[first].dep == "det":
            first += 1
        return (self.doc.text[self.doc.tokens[first].start : self.doc.tokens[last].end],)

    def _recent_party(self, offset: int) -> tuple[str, ...]:
        """The party (not a person) last named as a subject before `offset`, in its sentence
        or the one before."""
        here = self._token_at(offset)
        for ref in _outermost(self.refs.before(offset, "actor")):
            tok = self._token_at(ref.start)
            if tok is None or here is None or here.sent - tok.sent > 1:
                return ()
            if self._in_subject(tok):
                return (ref.name,)
        return ()

    def _speaker_at(self, tok: Token) -> tuple[str, ...]:
        """ "she" as the quote stage resolved it where she speaks ("She called on all sides")."""
        for quote in self.doc.quotes:
            mention = quote.speaker_mention
            if quote.speaker and mention and mention.start <= tok.start < mention.end:
                affiliation = self.refs.affiliation.get(quote.speaker)
                return (quote.speaker, affiliation) if affiliation else (quote.speaker,)
        return ()

    def side(self, tok: Token, victims: bool = False) -> tuple[str, ...]:
        """The party the phrase's role words name: "government forces" the state, "rebels"
        the opposition, and, for victims, "residents" civilians; a place such as "rebel-held
        areas" names no side."""
        if self.sides is None or tok.pos not in {"NOUN", "PROPN", "ADJ", "NUM"}:
            return ()
        words = [
            self.doc.tokens[i]
            for i in self._core(tok)
            if not self._holds_place(self.doc.tokens[i]) and self.doc.tokens[i].pos != "DET"
        ]
        role = self.sides.role_of(words)
        if role == "civilians" and not victims:
            return ()
        return self.sides.party(role)

    def _counted(self, tok: Token) -> Token | None:
        """ "civilians" in "dozens of civilians", "hundreds of fighters": what a count counts."""
        if tok.lemma.casefold() not in COUNTS:
            return None
        of = next((p for p in self.tree.children(tok.i, "prep") if p.text.casefold() == "of"), None)
        return self.tree.child(of.i, "pobj") if of is not None else None

    def _holder(self, tok: Token) -> tuple[str, ...]:
        """ "bombed rebel-held areas": the side that holds the place struck."""
        if self.sides is None:
            return ()
        mods = [i for c in self.tree.children(tok.i, "amod") for i in self.tree.subtree(c.i)]
        held = [self.doc.tokens[i] for i in mods if self._holds_place(self.doc.tokens[i])]
        return self.sides.party(self.sides.role_of(held)) if held else ()

    def _holds_place(self, tok: Token) -> bool:
        """ "rebel" in "rebel-held", "regime" in "regime-controlled": who holds a place."""
        nxt = self.doc.tokens[tok.i + 1 : tok.i + 3]
        return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].text.casefold() in _HELD

    def _entity_at(self, tok: Token) -> EntityMention | None:
        """The PERSON or ORG entity the token heads, as the NER model labelled it."""
        for entity in self.doc.entities:
            if entity.first <= tok.i < entity.last and entity.label in {"PERSON", "ORG"}:
                return entity
        return None

    def places_named(self, tokens: Iterable[Token]) -> tuple[str, ...]:
        """Places named in the subtrees of `tokens`: the town shelled, the city visited."""
        found: list[str] = []
        for tok in tokens:
            indices = self.tree.subtree(tok.i)
            start = self.doc.tokens[min(indices)].start
            end = self.doc.tokens[max(indices)].end
            for place in self.doc.places:
                if place.name in found:
                    continue
                if any(start <= m.start and m.end <= end for m in place.mentions):
                    found.append(place.name)
        return tuple(found)

    def covering(self, tok: Token) -> tuple[str, ...]:
        """The party whose name takes in `tok` and the words before it ("USA-led coalition")."""
        refs = [r for r in self.refs.at(tok.start, tok.end, "actor") if r.start < tok.start]
        return (max(refs, key=lambda r: r.end - r.start).name,) if refs else ()

    def named_in(self, tok: Token) -> tuple[str, ...]:
        """Parties named in the subtree of `tok`, wherever it stands: the owner of an act
        ("killed in a *terrorist* attack") is no place for sitting under "in"."""
        indices = self.tree.subtree(tok.i)
        return self.named_between(indices[0], indices[-1] + 1)

    def named_between(self, first: int, last: int) -> tuple[str, ...]:
        """Parties named in tokens [first, last), wherever they stand."""
        start, end = self.doc.tokens[first].start, self.doc.tokens[last - 1].end
        refs = self.refs.within(start, end, "actor", "person")
        return tuple(dict.fromkeys(n for r in _outermost(refs) for n in self._expand(r)))

    def in_range(self, indices: Iterable[int], exclude: Sequence[str] = ()) -> tuple[str, ...]:
        """Parties named anywhere in the given tokens, except `exclude`."""
        return tuple(n for n in self._parties(sorted(indices)) if n not in exclude)

    def recent_subjects(self, offset: int, count: int) -> tuple[str, ...]:
        """The last `count` distinct parties named as grammatical subjects before `offset`.

        Returned in the order they were named, so "X met Y. They ..." gives (X, Y).
        """
        found: dict[str, int] = {}
        for ref in _outermost(self.refs.before(offset, "actor", "person")):
            tok = self._token_at(ref.start)
            if tok is None or not self._in_subject(tok):
                continue
            found.setdefault(ref.name, ref.start)
            if len(found) == count:
                break
        return tuple(sorted(found, key=lambda n: found[n]))

    def is_locative(self, offset: int) -> bool:
        """Whether the word at `offset` sits under "in", "at", "near" ...: a place, not a party."""
        tok = self._token_at(offset)
        return tok is not None and self._locative(tok)

    def _in_subject(self, tok: Token) -> bool:
        for node in [tok, *self.tree.ancestors(tok.i)]:
            if node.dep in SUBJECTS:
                return True
            if node.pos in {"VERB", "AUX"}:
                return False
        return False

    def _core(self, tok: Token) -> list[int]:
        kept = [tok.i]
        for child in self.tree.children(tok.i):
            if child.dep in _CORE and not _describes_a_relation(child, self.tree):
                kept += self.tree.subtree(child.i)
        return sorted(kept)

    def _parties(self, indices: Sequence[int], by_name: bool = False) -> tuple[str, ...]:
        tokens = self.doc.tokens
        allowed = {i for i in indices if not self._locative(tokens[i])}
        if not allowed:
            return ()
        start, end = tokens[min(allowed)].start, tokens[max(allowed)].end
        refs = [
            r
            for r in self.refs.within(start, end, "actor", "person")
            if self._covers(r, allowed) and not (by_name and self._role_words(r))
        ]
        out: list[str] = []
        for ref in _outermost(refs):
            for name in self._expand(ref):
                if name not in out:
                    out.append(name)
        return tuple(out)

    def _role_words(self, ref: Reference) -> bool:
        """A mention in common words ("terrorists", "regime forces"): a party named by role."""
        return not any(c.isupper() for c in self.doc.text[ref.start : ref.end])

    def _covers(self, ref: Reference, allowed: set[int]) -> bool:
        tok = self._token_at(ref.start)
        return tok is not None and tok.i in allowed

    def _expand(self, ref: Reference) -> list[str]:
        """A person brings their affiliation along: ("Sergey Ryabkov", "Russia")."""
        names = [ref.name]
        affiliation = self.refs.affiliation.get(ref.name) if ref.kind == "person" else None
        if affiliation:
            names.append(affiliation)
        return names

    def _locative(self, tok: Token) -> bool:
        for node in self.tree.ancestors(tok.i):
            if node.pos in {"VERB", "AUX"}:
                return False
            if node.dep == "prep" or node.pos == "ADP":
                return node.text.casefold() in LOCATIVE
        return False

    def _token_at(self, offset: int) -> Token | None:
        at = bisect_right(self._starts, offset) - 1
        if at >= 0 and self.doc.tokens[at].start <= offset < self.doc.tokens[at].end:
            return self.doc.tokens[at]
        return None


def _describes_a_relation(child: Token, tree: Tree) -> bool:
    """ "US-backed", "Kurdish-dominated": the modifier names a patron, not a party of the event."""
    nodes = [child, *(c for c in tree.children(child.i, "conj"))]
    return all(n.tag == "VBN" and n.dep in {"amod", "conj"} for n in nodes)


def _outermost(refs: Sequence[Reference]) -> list[Reference]:
    """Drop mentions nested inside a wider one ("USA" inside "USA-led coalition")."""

    def nested(r: Reference) -> bool:
        return any(
            o.start <= r.start and r.end <= o.end and (o.end - o.start) > (r.end - r.start)
            for o in refs
        )

    return [r for r in refs if not nested(r)]
