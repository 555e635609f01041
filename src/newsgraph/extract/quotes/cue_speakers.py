"""Who speaks through a cue the parse left without a plain subject: the owner of a cue noun,
the speaker a participle inherits, an inverted or adjacent name, "I" inside a quotation, and
the source a "Citing X" relays."""

from __future__ import annotations

from newsgraph.extract.cues import CITING, CUE_VERBS
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.model import Quote, Token
from newsgraph.nlp.pronouns import pronoun
from newsgraph.nlp.tree import Tree

# Nouns for something written or broadcast: in "issued a statement saying ...", the one who
# issued it is the speaker; in "with 50 percent saying ...", the noun itself speaks.
_DOCUMENTS = frozenset([
    "ad", "advertisement", "announcement", "email", "e-mail", "letter", "memo", "message",
    "note", "post", "release", "report", "statement", "text", "tweet", "video",
])  # fmt: skip


# Prepositions that put a participle cue beside its verb ("responded by saying", "before
# saying", "is quoted as saying"); under "for", "from" or "of" ("apologized for suggesting",
# "refrain from attacking") the participle is part of what the verb reports.
MANNER = frozenset({"by", "before", "after", "as", "while", "when", "without"})


def governing_speaker(tok: Token, ctx: QuoteContext) -> Token | None:
    """The speaker of a participle cue with no subject of its own: of the verb whose
    preposition governs it ("responded by saying", "is quoted as saying"), the subject; of a
    noun it describes ("50 percent saying", "a statement saying"), that noun, or who issued a
    document."""
    if tok.tag != "VBG":
        return None
    tree = ctx.tree
    head = tree.tokens[tok.head]
    if tok.dep == "pcomp" and head.text.casefold() in MANNER and head.head != head.i:
        verb = tree.tokens[head.head]
        return tree.subject(verb.i) if verb.pos in {"VERB", "AUX"} else None
    if tok.dep == "acl" and tok.lemma.casefold() in CUE_VERBS:
        if head.lemma.casefold() in _DOCUMENTS:
            return tree.subject(head.head) if head.dep in {"dobj", "obj"} else None
        if (
            head.ent_type in _WHO
            or ctx.titles.is_head_title(head.text)
            or head.text.casefold() in _PEOPLE
        ):
            return head
    return None


# What a describing participle's noun must be to speak ("50 percent saying", "Democrats
# saying", "officials saying"), rather than a thing ("a policy urging", "a conference
# announcing").
_WHO = frozenset({"PERSON", "ORG", "NORP", "PERCENT", "CARDINAL"})
_PEOPLE = frozenset(["people", "others", "many", "some", "most", "voters", "those"])


def participle_subject(tok: Token, ctx: QuoteContext) -> Token | None:
    """The speaker of a participle cue that follows another cue in its sentence ('"A," Trump
    said, adding later, "B"'), when the parse hung it inside the quotation: that cue's
    subject."""
    if tok.tag != "VBG":
        return None
    sent = ctx.doc.sentences[tok.sent]
    for before in reversed(ctx.doc.tokens[sent.first : tok.i]):
        if before.pos == "VERB" and ctx.cues.strength(before.lemma, before.pos) == "strong":
            subject = ctx.tree.child(before.i, "nsubj")
            if subject is not None and subject.i < tok.i:
                return subject
    return None


_NOUN_PHRASE = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN", "PART"})


def inverted_subject(tok: Token, content: tuple[int, int], ctx: QuoteContext) -> Token | None:
    """ "..., said a former spokesman for the ministry": a speech verb after its content with
    no subject in the parse speaks for the noun phrase right after it."""
    if tok.lemma.casefold() not in CUE_VERBS or content[1] > tok.start:
        return None
    tokens = ctx.doc.tokens
    head = None
    for word in tokens[tok.i + 1 : ctx.doc.sentences[tok.sent].last]:
        if word.pos not in _NOUN_PHRASE:
            break
        if word.pos in {"NOUN", "PROPN"}:
            head = word
    return head


def name_just_before(tok: Token, ctx: QuoteContext) -> Token | None:
    """A cue the parser left without a subject ("... of the Washington Post Trump said that"):
    the person named right before it is the speaker."""
    if tok.i == 0 or tok.dep != "ROOT":
        return None
    before = ctx.doc.tokens[tok.i - 1]
    if before.pos == "PROPN" and ctx.refs.at(before.start, before.end, "person", "actor"):
        return before
    said = pronoun(before)
    if said is not None and said.case == "Nom" and (said.a_person or said.a_group):
        return before  # "he", "she", "they"
    return None


def first_person(subject: Token, earlier: list[Quote]) -> str | None:
    """ "I"/"we" inside someone's quotation is that someone."""
    if subject.text.casefold() not in {"i", "we", "me", "us"}:
        return None
    holder = [q for q in earlier if q.start <= subject.start < q.end and q.kind != "indirect"]
    return min(holder, key=lambda q: q.end - q.start).speaker if holder else None


def noun_owner(tok: Token, tree: Tree) -> Token | None:
    """Whose claim a cue noun is: "Trump's claim", "the campaign statement", "made the claim"."""
    owner = tree.child(tok.i, "poss") or tree.child(tok.i, "compound")
    if owner is None and tok.dep in {"dobj", "obj"}:
        owner = tree.subject(tok.head)
    return owner


def cited_source(tok: Token, ctx: QuoteContext) -> str | None:
    """X in "Citing X, the AP said ...": the source the speaker relays."""
    for clause in ctx.tree.children(tok.i, "advcl", "prep"):
        if clause.lemma.casefold() in CITING:
            for obj in ctx.tree.children(clause.i, "dobj", "pobj"):
                name = ctx.speakers.name_in(obj)
                if name:
                    return name
    return None
