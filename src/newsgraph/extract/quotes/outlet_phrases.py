"""Which names are outlets, and the phrases that name the outlet a statement was made to or
passed on by: "told Reuters", "reaffirmed to Asharq Al-Awsat", "Speaking to AFP", "In an
interview with Al Arabiya", "told SANA reporter", "citing a senior official".

An outlet is a media actor, a row of the outlet table (a monitor relays as an outlet does),
or a name the NER made an organisation that ends in a medium word ("Halab Today TV"): never
an audience ("told reporters", "told parliament").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.model import Quote, Token
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.outlets import Outlets

# The last word of an organisation's name that makes it a medium ("Halab Today TV").
MEDIUM_WORDS = frozenset(
    [
        "agency",
        "tv",
        "television",
        "channel",
        "radio",
        "newspaper",
        "daily",
        "broadcaster",
        "network",
        "website",
    ]
)
# Verbs that say something to an addressee ("told Reuters", "added to Al-Arabiya", "speaking
# to AFP"); any cue verb of the lexicon is one too.
TELLING = frozenset({"tell", "speak", "talk"})
# A verb whose bare object is its addressee ("told Reuters"); other verbs need "to" or "with".
BARE_ADDRESSEE = frozenset({"tell"})
# Verbs for which "on OUTLET" is where they were said ("said on Al Jazeera", "speaking on
# state TV"); "reported on" and "commented on" name a topic.
ON_AIR = frozenset({"say", "speak", "talk", "appear"})
# Nouns for the occasion of a statement made to an outlet ("in an interview with", "in a phone
# call with", "in remarks to").
OCCASIONS = frozenset({"interview", "call", "conversation", "remarks", "comments", "statement"})
# Nouns after an outlet that name its staff: "told SANA reporter", "an AFP correspondent said".
STAFF = frozenset({"reporter", "correspondent", "journalist", "crew", "team"})
CITING = frozenset({"cite", "quote"})
_SKIPPED = frozenset({"the", "a", "an", "its", "their"})


@dataclass(frozen=True, slots=True)
class OutletMention:
    """Tokens [first, last) name the outlet `name`; `last` runs over a staff noun after it."""

    name: str
    first: int
    last: int


class OutletNames:
    """The outlets of one document, found by name or at a token."""

    def __init__(self, ctx: QuoteContext, table: Outlets, lexicon: ActorLexicon) -> None:
        self.ctx = ctx
        self.table = table
        self.lexicon = lexicon

    def is_outlet(self, name: str | None) -> bool:
        """Whether the actor `name` is an outlet (see the module docstring)."""
        if name is None:
            return False
        refs = self.ctx.refs
        if refs.is_media(name) or name in self.table:
            return True
        words = name.casefold().split()
        return refs.kind_of_actor.get(name) == "organisation" and words[-1] in MEDIUM_WORDS

    def at(self, i: int) -> OutletMention | None:
        """The outlet named from token `i` on, past a determiner ("told the AP"), with the
        medium or staff noun after it ("told AFP news agency", "told SANA reporter")."""
        tokens = self.ctx.doc.tokens
        while i < len(tokens) and tokens[i].text.casefold() in _SKIPPED:
            i += 1
        if i >= len(tokens):
            return None
        name, last = self._named_at(i)
        if name is None:
            return None
        while last + 1 < len(tokens) and _trailing(tokens[last + 1]):
            last += 1  # "told AFP news agency", "told SANA reporter"
        return OutletMention(name, i, last + 1)

    def _named_at(self, i: int) -> tuple[str | None, int]:
        """The outlet whose name starts at token `i`, and its last token: an actor of the
        document, else a lexicon outlet the NER hid inside a person's name ("Asharq
        Al-Awsat PYD spokesman Nawaf Khalil", one PERSON to the tagger)."""
        tokens = self.ctx.doc.tokens
        tok = tokens[i]
        found = [
            r
            for r in self.ctx.refs.at(tok.start, tok.end, "actor")
            if r.start >= tok.start and self.is_outlet(r.name)
        ]
        if found:
            ref = max(found, key=lambda r: r.end)
            last = i
            while last + 1 < len(tokens) and tokens[last + 1].start < ref.end:
                last += 1
            return ref.name, last
        sent = self.ctx.doc.sentences[tok.sent]
        for m in self.lexicon.match(tokens[i : min(i + 6, sent.last)]):
            if m.first == i and (m.entry.kind == "media" or m.entry.name in self.table):
                return m.entry.name, m.last - 1
        return None, i

    def addressed(self, verb: Token) -> OutletMention | None:
        """The outlet a verb of saying addresses: "told Reuters", "said to RIA", "speaking
        exclusively to AFP", "said on Al Jazeera" ("according to RIA" names a source)."""
        lemma = verb.lemma.casefold()
        cue = self.ctx.cues.strength(verb.lemma, "VERB") is not None
        if verb.pos != "VERB" or lemma == "accord" or not (lemma in TELLING or cue):
            return None
        tokens = self.ctx.doc.tokens
        i = verb.i + 1
        while i < len(tokens) and tokens[i].pos == "ADV" and i - verb.i <= 2:
            i += 1  # "speaking exclusively to", "later told"
        word = tokens[i].text.casefold() if i < len(tokens) else ""
        if word in {"to", "with"} or (word == "on" and lemma in ON_AIR):
            return self.at(i + 1)
        return self.at(i) if lemma in BARE_ADDRESSEE else None

    def occasion(self, noun: Token) -> OutletMention | None:
        """The outlet of "an interview with OUTLET", "a phone call with SANA reporter"."""
        tokens = self.ctx.doc.tokens
        if noun.lemma.casefold() not in OCCASIONS or noun.i + 1 >= len(tokens):
            return None
        if tokens[noun.i + 1].text.casefold() not in {"with", "to"}:
            return None
        return self.at(noun.i + 2)

    def cited(self, cue: Token) -> Token | None:
        """The object of a "citing" or "quoting" on a cue: "reported, citing an official"."""
        tree = self.ctx.tree
        for clause in tree.children(cue.i, "xcomp", "advcl", "prep", "conj", "pcomp"):
            if clause.lemma.casefold() in CITING and clause.tag == "VBG":
                return tree.child(clause.i, "dobj", "obj", "pobj")
        return None


def _trailing(tok: Token) -> bool:
    """A word after an outlet's name that is still the outlet: its medium or its staff."""
    word = tok.text.casefold()
    return (
        word in MEDIUM_WORDS or word == "news" or word in STAFF or word.removesuffix("s") in STAFF
    )


def cue_token(quote: Quote, ctx: QuoteContext) -> Token | None:
    """The token of a quote's cue word."""
    return ctx.token_at.get(quote.cue_span.start) if quote.cue_span is not None else None


def in_content(quote: Quote, offset: int) -> bool:
    """Whether the character at `offset` is part of what the quote reports."""
    if quote.parts:
        return any(p.start <= offset < p.end for p in quote.parts)
    return quote.start <= offset < quote.end


def through(quote: Quote, outlet: str, method: str, nearest_origin: bool) -> Quote:
    """The quote passed through `outlet` (by the rule `method`), put on the origin side of the
    outlets it has or on the article's side."""
    if outlet in quote.via or outlet == quote.speaker:
        return quote
    via = (outlet, *quote.via) if nearest_origin else (*quote.via, outlet)
    return replace(quote, via=via, via_method=method)


def definite(tokens: list[Token]) -> bool:
    """Whether the words are a definite noun phrase ("the source", "The reporter")."""
    return len(tokens) >= 2 and tokens[0].text.casefold() == "the"
