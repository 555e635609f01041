"""Parties named by what they are, not by name: "the Syrian opposition", "Kurdish fighters",
"regime forces", "rebels", "terrorists" in a state outlet's copy, "the Observatory" once the
Syrian Observatory for Human Rights is named.

An ordered table of named rules (`PARTY_RULES`); the first that fires at a word makes the
mention, and its name is the mention's `origin` (`rule:rebels`), so a reader sees that
"rebels" became the Syrian opposition by rule and that "terrorists" is an outlet's wording.
A named party in the phrase always wins ("Nusra Front terrorists", "Russian troops",
"terrorists of the so-called Army of Islam"): those are left to the lexicon.

The state is the country the article is about (`actors._countries`); its opposition is named from its adjective ("Syrian opposition"), the way analysts
file rebels with no group name. Where the article names no country, these words name no one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsgraph.model import ActorKind, Doc, Side, Token
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.actor_found import Found
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.outlets import Outlets
from newsgraph.words import words

# Words that name a state's side: its government, army and loyal militias.
STATE_WORDS = words(
    "regime government pro-government pro-regime loyalist loyalists army military soldier "
    "soldiers troop troops shabiha conscript conscripts authorities navy air-force"
)
# Words that name the state's armed or political opposition.
OPPOSITION_WORDS = words("rebel rebels insurgent insurgents opposition anti-government anti-regime")
# A state's word for its armed enemies: whose enemies, the outlet that writes it settles.
WORDING_WORDS = words("terrorist terrorists takfiri takfiris")
ROLE_WORDS = STATE_WORDS | OPPOSITION_WORDS | WORDING_WORDS
# Words an adjective-only role word ("military") must modify to name a party.
PARTY_HEADS = words(
    "forces force troops units unit fighters militia militias militiamen warplanes jets aircraft "
    "planes helicopters artillery gunmen positions groups group factions faction soldiers "
    "officers source sources official officials spokesman commanders command brigades "
    "battalions organizations organisations organization organisation cells elements"
)
# Words between a country's adjective and "opposition": "Syrian moderate opposition".
OPPOSITION_MODIFIERS = words("moderate armed main mainstream political exiled islamist leading")
# Participles that tie a group to a named one: "affiliated to", "linked to", "allied with".
TIES = words(
    "affiliate affiliated link linked ally allied belong belonging associate associated tie"
)
QUOTE_MARKS = frozenset({'"', "\u201c", "'", "\u2018"})
# Words that set a term apart as someone else's: "what it called", "so called".
WORDING_CUES = frozenset({("called", "it"), ("called", "they"), ("calls", "it"), ("called", "so")})
OF_FILLERS = words("the so called so-called - a")  # "of the so-called X"
ARMED_HEADS = words("forces fighters militants militia militias militiamen troops guerrillas")
HELD = words("held controlled besieged run dominated occupied")
# Names too generic for their last word alone to name them ("the Forces", "the Army").
GENERIC_LAST_WORDS = words(
    "forces force army front group council party movement union government ministry units "
    "brigade brigades organisation organization state states command"
)
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "prep", "acl", "appos"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules know of one article: its words, the parties already named, its state."""

    doc: Doc
    tree: Tree
    lexicon: ActorLexicon
    found: Sequence[Found]
    taken: frozenset[int]  # tokens already naming a party
    people: frozenset[int]  # tokens inside a person's name
    state: str | None  # the country the article is about
    voice: str | None  # the state whose outlet wrote (or is quoted in) the article

    @property
    def opposition(self) -> str | None:
        """The state's opposition as analysts file it: "Syrian opposition"."""
        if self.state is None:
            return None
        return f"{self.lexicon.adjective(self.state) or self.state} opposition"

    def jihadists(self) -> list[Found]:
        """One mention of each jihadist group the article names."""
        return list({f.name: f for f in self.found if f.side == "jihadist"}.values())


Rule = Callable[[Token, Context], Found | None]


def context(
    doc: Doc,
    lexicon: ActorLexicon,
    found: Sequence[Found],
    people: set[int],
    state: str | None,
    outlets: Outlets,
) -> Context:
    """The rules' view of `doc`, given the parties already found in it and its state."""
    taken = frozenset(i for f in found for i in range(f.first, f.last))
    voice = _voice(doc, outlets, found)
    return Context(doc, Tree(doc.tokens), lexicon, found, taken, frozenset(people), state, voice)


def _voice(doc: Doc, outlets: Outlets, found: Sequence[Found]) -> str | None:
    """The state whose outlet the article is, or quotes: its own outlet first, then state
    media it names ("SANA", "Syrian state TV")."""
    if doc.outlet and (state := outlets.state_of(doc.outlet)):
        return state
    for f in found:
        if f.kind == "media" and (state := outlets.state_of(f.name)):
            return state
        if f.kind == "media" and f.origin == "rule:state-media":
            return f.country
    return None


def find(
    doc: Doc,
    lexicon: ActorLexicon,
    found: Sequence[Found],
    people: set[int],
    state: str | None,
    outlets: Outlets,
) -> list[Found]:
    """Every mention found so far, plus those the rules make; a rule's mention replaces the
    mentions inside it ("Syrian" inside "Syrian opposition"). `state`: the country the
    article is about."""
    ctx = context(doc, lexicon, found, people, state, outlets)
    made: list[Found] = []
    claimed: set[int] = set()
    for tok in doc.tokens:
        if tok.i in claimed:
            continue
        for _, rule in PARTY_RULES:
            mention = rule(tok, ctx)
            if mention is not None:
                made.append(mention)
                claimed.update(range(mention.first, mention.last))
                break
    kept = [f for f in found if not any(f.first < m.last and m.first < f.last for m in made)]
    return kept + made


# --- the rules -----------------------------------------------------------------------------


def _opposition_of(tok: Token, ctx: Context) -> Found | None:
    """ "the Syrian opposition", "Syrian rebel forces", "Syria's moderate opposition
    fighters": a country's adjective before opposition words is its opposition, not the state."""
    country = next((f for f in ctx.found if f.first == tok.i and f.kind == "country"), None)
    if country is None:
        return None
    i = _skip(ctx.doc, country.last, OPPOSITION_MODIFIERS)
    word = _word_at(ctx.doc, i)
    if word not in OPPOSITION_WORDS or _holds_place(ctx.doc, i):
        return None
    last = _over_heads(ctx.doc, i)
    name = f"{ctx.lexicon.adjective(country.name) or country.name} opposition"
    kind: ActorKind = "organisation" if last == i + 1 and word == "opposition" else "armed_group"
    return _made(ctx, tok.i, last, name, kind, country.name, "opposition", "opposition-of")


def _ethnic_forces(tok: Token, ctx: Context) -> Found | None:
    """ "Kurdish fighters", "Turkmen militias": the armed men of a people, as analysts file
    them when no group is named ("Kurdish forces"), not the whole people."""
    people = next((f for f in ctx.found if f.first == tok.i and f.kind == "ethnic_group"), None)
    if people is None or _word_at(ctx.doc, people.last) not in ARMED_HEADS:
        return None
    word = ctx.doc.text[people.start : people.end]
    name = f"{word} forces"
    return _made(ctx, tok.i, people.last + 1, name, "armed_group", None, None, "ethnic-forces")


def _short_name(tok: Token, ctx: Context) -> Found | None:
    """ "the Observatory", "the UK-based Observatory", "the Coalition": the head word of one
    party's name, alone after "the", names that party where the article names it in full
    (NER takes such a word for a person at times)."""
    in_a_name = {tok.i - 1, tok.i + 1} & ctx.people
    if tok.i in ctx.taken or in_a_name or not _after_the(tok, ctx.doc):
        return None
    if not tok.text[:1].isupper() or tok.text.lower() in GENERIC_LAST_WORDS:
        return None
    owners = {f.name: f for f in ctx.found if _head_word(f.name) == tok.text}
    if len(owners) != 1:
        return None
    (o,) = owners.values()
    origin = "rule:short-name"
    return Found(
        tok.start, tok.end, tok.i, tok.i + 1, o.name, o.kind, o.country, o.code, origin, o.side
    )


def _head_word(name: str) -> str | None:
    """The head of a name of several words: "Observatory" of "Syrian Observatory for Human
    Rights", "Coalition" of "Syrian National Coalition"."""
    words = name.split()
    for k, word in enumerate(words[1:], start=1):
        if word in ("for", "of", "on", "in", "to", "against"):
            return words[k - 1]
    return words[-1] if len(words) > 1 else None


def _after_the(tok: Token, doc: Doc) -> bool:
    """ "the" (or "an", "said") before the word, with at most an adjective or a hyphenated
    modifier between ("the UK-based Observatory", "said Observatory")."""
    for i in range(tok.i - 1, max(-1, tok.i - 5), -1):
        word = doc.tokens[i].text.lower()
        if word in ("the", "an", "said"):
            return True
        if word != "-" and not (i + 1 < tok.i and doc.tokens[i + 1].text == "-") and i < tok.i - 1:
            return False
    return False


def _state_forces(tok: Token, ctx: Context) -> Found | None:
    """ "regime forces", "government troops", "the army", "pro-government militias": the
    state the article is about."""
    word = _role_word(tok, ctx)
    if word not in STATE_WORDS or ctx.state is None:
        return None
    first, last = _phrase(tok, ctx, adjective=word == "military")
    if first < 0 or (_word_at(ctx.doc, first - 1) == "the" and _named_body(word, ctx)):
        return None
    return _made(ctx, first, last, ctx.state, "country", ctx.state, "state", "state-forces")


def _named_body(word: str, ctx: Context) -> bool:
    """ "the army" after "the Syrian Arab Army": a definite description of the state body
    the article named, which references.v1 links it to ("air force strikes" stay the state's)."""
    words = set(word.replace("-", " ").split())
    return any(
        f.kind == "government_body"
        and f.country == ctx.state
        and words <= set(f.name.lower().split())
        for f in ctx.found
    )


def _rebels(tok: Token, ctx: Context) -> Found | None:
    """ "rebels", "opposition fighters", "insurgents", "anti-government forces": the state's
    opposition."""
    word = _role_word(tok, ctx)
    if word not in OPPOSITION_WORDS or ctx.opposition is None:
        return None
    first, last = _phrase(tok, ctx)
    if first < 0:
        return None
    kind: ActorKind = "organisation" if word == "opposition" else "armed_group"
    return _made(ctx, first, last, ctx.opposition, kind, ctx.state, "opposition", "rebels")


def _outlet_wording(tok: Token, ctx: Context) -> Found | None:
    """ "terrorists" where a state's outlet writes or is quoted: in the outlet of the state
    the article is about, or in the state's own words in the sentence ("the army blamed
    'terrorists'", "what it called terrorist groups"), that state's opposition; in another
    state's outlet, the one jihadist group the article names ("the terrorists" of a Russian
    official in Syria: IS)."""
    if _role_word(tok, ctx) not in WORDING_WORDS:
        return None
    voice = ctx.voice
    if voice != ctx.state and _state_speaks(tok, ctx):
        voice = ctx.state
    if voice is None:
        return None
    first, last = _phrase(tok, ctx)
    if first < 0:
        return None
    if voice == ctx.state and ctx.opposition is not None:
        name = ctx.opposition
        return _made(
            ctx, first, last, name, "armed_group", ctx.state, "opposition", "outlet-wording"
        )
    groups = ctx.jihadists()
    if len(groups) != 1:
        return None
    g = groups[0]
    return _made(ctx, first, last, g.name, g.kind, g.country, g.side, "outlet-wording")


def _state_speaks(tok: Token, ctx: Context) -> bool:
    """The word is the state's, set apart as such ("what it called terrorist groups", the
    army blaming "terrorists"), and the state is named before it in the sentence."""
    doc = ctx.doc
    before = [_word_at(doc, tok.i - k) for k in (1, 2)]
    marked = before[0] in QUOTE_MARKS or before[0] == "so-called" or tuple(before) in WORDING_CUES
    if not marked or ctx.state is None:
        return False
    sent = [t for t in doc.tokens[max(0, tok.i - 40) : tok.i] if t.sent == tok.sent]
    states = {i for f in ctx.found if f.name == ctx.state for i in range(f.first, f.last)}
    return any(t.i in states or t.text.lower() in STATE_WORDS for t in sent)


PARTY_RULES: tuple[tuple[str, Rule], ...] = (
    ("opposition-of", _opposition_of),
    ("ethnic-forces", _ethnic_forces),
    ("short-name", _short_name),
    ("state-forces", _state_forces),
    ("rebels", _rebels),
    ("outlet-wording", _outlet_wording),
)


# --- phrases ---------------------------------------------------------------------------------


def _role_word(tok: Token, ctx: Context) -> str | None:
    """The role word at `tok`, "pro-government", "anti-regime" and "air force" whole; None
    where the token names a party already, sits in a person's name, or says who holds a place
    ("rebel-held")."""
    if tok.i in ctx.taken or tok.i in ctx.people or tok.pos not in {"NOUN", "PROPN", "ADJ"}:
        return None
    if _holds_place(ctx.doc, tok.i):
        return None
    word = tok.text.lower()
    before = _word_at(ctx.doc, tok.i - 2), _word_at(ctx.doc, tok.i - 1)
    if before[1] == "-" and before[0] in ("pro", "anti"):
        return f"{before[0]}-{word}"
    if word in ("force", "forces") and before[1] == "air" and tok.i - 1 not in ctx.taken:
        return "air-force"
    return word


def _phrase(tok: Token, ctx: Context, adjective: bool = False) -> tuple[int, int]:
    """Token range of the role word with the party noun it modifies ("regime forces"), or
    (-1, -1) where the phrase names a party of its own; an `adjective` role word ("military")
    names a party only before a party noun."""
    doc = ctx.doc
    prefixed = _word_at(doc, tok.i - 1) == "-" and _word_at(doc, tok.i - 2) in ("pro", "anti")
    first = tok.i - 2 if prefixed else tok.i
    if _word_at(doc, tok.i - 1) == "air" and tok.text.lower() in ("force", "forces"):
        first = tok.i - 1
    head = doc.tokens[tok.head]
    before_head = tok.dep in {"compound", "amod", "nmod"} and head.i > tok.i
    modifies_party = before_head and head.text.lower() in PARTY_HEADS
    if adjective and not modifies_party:
        return -1, -1
    top = head if before_head else tok
    if _names_a_party(top, ctx) or (before_head and _names_a_party(tok, ctx)):
        return -1, -1
    if _named_beside(doc, first, tok.i, ctx):
        return -1, -1
    last = head.i + 1 if modifies_party and _contiguous(doc, tok.i, head.i) else tok.i + 1
    return first, last


def _names_a_party(node: Token, ctx: Context) -> bool:
    """Whether a modifier, "of" phrase or tie of `node` names a party ("Russian troops",
    "terrorists of the so-called Army of Islam", "groups affiliated to the Nusra Front",
    "forces loyal to Assad"); a backer ("Turkish-backed rebels") or a place ("positioned in
    Bustan al-Qasser") is no party of the phrase."""
    for child in ctx.tree.children(node.i):
        if child.dep not in _NAMING_DEPS or (child.tag == "VBN" and child.dep == "amod"):
            continue
        if child.dep == "prep" and child.text.lower() != "of":
            continue
        if child.dep == "acl" and child.lemma.lower() not in TIES:
            continue
        if any(i in ctx.taken or i in ctx.people for i in ctx.tree.subtree(child.i)):
            return True
    return False


def _named_beside(doc: Doc, first: int, i: int, ctx: Context) -> bool:
    """A party named right before the role word ("Russian troops") or in an "of" right after
    it ("terrorists of the so-called Army of Islam"), whatever the parser made of them."""
    before = first - 1
    while before >= 0 and doc.tokens[before].text in ("-", "'s", "\u2019s"):
        before -= 1
    if before >= 0 and (before in ctx.taken or before in ctx.people):
        return True
    if _word_at(doc, i + 1) != "of":
        return False
    for j in range(i + 2, min(len(doc.tokens), i + 6)):
        if j in ctx.taken:
            return True
        if _word_at(doc, j) not in OF_FILLERS:
            return False
    return False


def _contiguous(doc: Doc, a: int, b: int) -> bool:
    """Only hyphens or role words lie between tokens `a` and `b`."""
    between = doc.tokens[a + 1 : b]
    return all(t.text == "-" or t.text.lower() in STATE_WORDS | OPPOSITION_WORDS for t in between)


def _over_heads(doc: Doc, i: int) -> int:
    """The end of an opposition phrase: past "forces", "fighters", "groups" after its word."""
    j = i + 1
    while j < len(doc.tokens) and doc.tokens[j].text.lower() in PARTY_HEADS:
        j += 1
    return j


def _skip(doc: Doc, i: int, allowed: frozenset[str]) -> int:
    """The first token from `i` that is no possessive, hyphen or word of `allowed`."""
    while i < len(doc.tokens) and (doc.tokens[i].text.lower() in allowed | {"'s", "\u2019s", "-"}):
        i += 1
    return i


def _word_at(doc: Doc, i: int) -> str:
    return doc.tokens[i].text.lower() if 0 <= i < len(doc.tokens) else ""


def _holds_place(doc: Doc, i: int) -> bool:
    """ "rebel" in "rebel-held", "regime" in "regime-controlled": who holds a place."""
    return _word_at(doc, i + 1) == "-" and _word_at(doc, i + 2) in HELD


def _made(
    ctx: Context,
    first: int,
    last: int,
    name: str,
    kind: ActorKind,
    country: str | None,
    side: Side | None,
    rule: str,
) -> Found:
    start, end = ctx.doc.tokens[first].start, ctx.doc.tokens[last - 1].end
    return Found(start, end, first, last, name, kind, country, None, f"rule:{rule}", side)
