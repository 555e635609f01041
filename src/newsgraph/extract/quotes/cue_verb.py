"""The cue-verb rule: a word that cues an attribution (a verb of saying, a cue noun, a word the
tagger marked) reports its content, and its subject, or whoever the parse leaves speaking
through it, is the speaker. An interrupted quotation ('"A," he said, "B"') becomes one quote
in two parts."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.extract.cues import CITING, Strength
from newsgraph.extract.quote_content import QuoteContext, find_content, physical_act
from newsgraph.extract.quote_marks import Quoted
from newsgraph.extract.quotes.build import make_quote
from newsgraph.extract.quotes.cue_speakers import (
    cited_source,
    first_person,
    governing_speaker,
    inverted_subject,
    name_just_before,
    noun_owner,
    participle_subject,
)
from newsgraph.extract.quotes.limits import MAX_INTERRUPTION_CHARS, MAX_INTERRUPTION_MARKS
from newsgraph.extract.quotes.scan import Found, SentenceScan
from newsgraph.model import Quote, Sentence, Span, Token
from newsgraph.nlp.pronouns import pronoun

CUE_VERB = "cue-verb"
CITING_VIA = "citing"  # the `via_method` of "Citing X, Y said": X speaks, via Y

# Verbs of saying that English puts before their subject ("..., said the Observatory");
# not those whose object is someone else ("told Reuters", "blamed the army").
INVERTING_VERBS = frozenset({"say", "add", "report", "state", "write", "explain", "note"})
# Complements that make a weak cue an attribution: a clause, an infinitive, a noun's clause.
_CLAUSES = ("ccomp", "xcomp", "acl")
# How far before its sentence's first character a quotation may open and still be in it:
# the opening mark and a space the sentence splitter left out.
_OPENING_SLACK = 2


def cue_verb(tok: Token, ctx: QuoteContext, scan: SentenceScan) -> Found | None:
    """What the cue at `tok` reports and who says it, unless that content is taken, the cue
    is a deed ("attacked Syrian troops"), or it is part of the quotation around it."""
    strength = is_cue(tok, ctx)
    if strength is None or physical_act(tok, ctx):
        return None
    content = find_content(tok, strength, scan.sent, ctx, scan.so_far())
    if content is None or content in scan.taken:
        return None
    if scan.inside and content[0] <= tok.start < content[1]:
        return None  # a cue inside a quotation does not report the quotation it is part of
    quote = _attribute(tok, content, ctx, scan.so_far())
    if quote is not None and not scan.inside:
        quote = _with_other_half(quote, tok, scan.sent, ctx, scan.taken)
    if quote is None or _part_of_outer(quote, tok, scan.earlier):
        return None
    return Found(quote, content, object_only=ctx.tree.child(tok.i, "ccomp") is None)


def is_cue(tok: Token, ctx: QuoteContext) -> Strength | None:
    """How surely `tok` cues an attribution here, in its place in the parse."""
    tree = ctx.tree
    strength = ctx.cues.strength(tok.lemma, tok.pos)
    if tok.i in ctx.learned and tok.pos in {"VERB", "NOUN"}:
        strength = "strong"  # the tagger saw this word cue an attribution in its context
    if strength is None or _cites_source(tok, ctx):
        return None  # "Citing X, Y said": X is a source of Y's statement, see cited_source
    if tree.child(tok.i, "auxpass", "nsubjpass") is not None:
        return None  # "was told that ...": the subject is the addressee, not the speaker
    if strength == "weak" and tree.child(tok.i, *_CLAUSES) is None:
        return None  # "thinks" alone is no attribution; "thinks that ...", "wants to ..." are
    return strength


def _cites_source(tok: Token, ctx: QuoteContext) -> bool:
    """ "Citing Iranian state TV, ...": a participle that names who the speaker relays. What
    else is cited ("declined, citing legal risks") is what the speaker said."""
    if tok.lemma.casefold() not in CITING or tok.dep != "advcl":
        return False
    obj = ctx.tree.child(tok.i, "dobj", "obj")
    return obj is None or ctx.speakers.name_in(obj) is not None


def _attribute(
    tok: Token, content: tuple[int, int], ctx: QuoteContext, earlier: list[Quote]
) -> Quote | None:
    """The quote of `content` cued by `tok`, with its speaker (and the outlet between, for
    "Citing X, Y said"), or None when no one speaks through the cue."""
    found = _speaker_word(tok, content, ctx)
    if found is None:
        return None
    subject, mention = found
    speaker = first_person(subject, earlier) or ctx.speakers.resolve(subject, earlier)
    via: tuple[str, ...] = ()
    cited = cited_source(tok, ctx)
    if cited is not None and speaker is not None and cited != speaker:
        speaker, via = cited, (speaker,)
    cue = Span(tok.start, tok.end, tok.text)
    said_by = mention or ctx.speakers.mention(subject)
    method = CITING_VIA if via else ""
    return make_quote(ctx, content, CUE_VERB, cue, speaker, said_by, via=via, via_method=method)


def _speaker_word(
    tok: Token, content: tuple[int, int], ctx: QuoteContext
) -> tuple[Token, Span | None] | None:
    """The word naming who speaks through `tok`, and, when the parse gave the cue no subject
    but a name stands beside it, the words of that name."""
    tree = ctx.tree
    subject = noun_owner(tok, tree) if tok.pos == "NOUN" else tree.subject(tok.i)
    subjects = tree.children(tok.i, "nsubj")
    if len(subjects) > 1:  # "The Swedish scientist leading the team Ake Sellstrom said"
        subject = next((s for s in reversed(subjects) if _names_someone(s, ctx)), subject)
    mention = None
    if subject is None and tok.pos == "VERB":
        subject = name_just_before(tok, ctx) or inverted_subject(tok, content, ctx)
        mention = Span(subject.start, subject.end, subject.text) if subject else None
        subject = subject or governing_speaker(tok, ctx)
    if subject is None:
        return None
    after = _named_after(tok, subject, ctx)
    if after is not None:
        return after, Span(after.start, after.end, after.text)
    if content[0] <= subject.start < content[1] and not tree.is_below(subject.i, tok.i):
        subject = participle_subject(tok, ctx)
        if subject is None:
            return None  # the "subject" is part of what was said: not a speaker
    return subject, mention


def _named_after(tok: Token, subject: Token, ctx: QuoteContext) -> Token | None:
    """ "... killed 58 people said the Observatory": text without commas leaves the parse
    taking the reported clause's noun for the subject. When that "subject" names no one and
    the noun phrase right after a verb of saying does, the latter speaks."""
    if tok.pos != "VERB" or tok.lemma.casefold() not in INVERTING_VERBS or subject.i > tok.i:
        return None
    if pronoun(subject) is not None or _names_someone(subject, ctx):
        return None
    head = None
    for word in ctx.doc.tokens[tok.i + 1 : ctx.doc.sentences[tok.sent].last]:
        if word.pos not in {"DET", "ADJ", "PROPN", "NOUN", "PUNCT"} or word.text in {",", "."}:
            break
        if word.pos in {"NOUN", "PROPN"}:
            head = word
    if head is None or not _after_the_verb(head, tok, ctx):
        return None
    return head if _names_someone(head, ctx) else None


def _after_the_verb(head: Token, verb: Token, ctx: QuoteContext) -> bool:
    """Whether the noun after a verb of saying is its subject put after it: its object in the
    parse ("said the Observatory"), or the subject of a participle it governs ("said the
    Observatory adding that ..."), not the subject of what was said ("said the government
    was responsible")."""
    if head.head == verb.i:
        return head.dep not in {"nsubj", "nsubjpass", "ccomp"}
    governor = ctx.doc.tokens[head.head]
    return head.dep == "nsubj" and governor.tag == "VBG" and governor.head == verb.i


def _names_someone(tok: Token, ctx: QuoteContext) -> bool:
    """Whether the noun phrase core headed by `tok` names a person or party, or refers to one."""
    core = ctx.speakers.mention(tok)
    if ctx.refs.within(core.start, core.end, "person", "actor"):
        return True
    return any(c.start <= tok.start < c.end and c.name for c in ctx.doc.coreferences)


def _part_of_outer(quote: Quote, cue: Token, earlier: list[Quote]) -> bool:
    """A cue inside someone's quotation ("I think", "does anybody know") is part of what they
    said, unless it reports another named speaker ('"Putin told me ..."'): a nested quote."""
    outer = [q for q in earlier if q.start <= cue.start < q.end and q.kind != "indirect"]
    if not outer:
        return False
    return quote.speaker is None or quote.speaker in {q.speaker for q in outer}


def _with_other_half(
    quote: Quote, cue: Token, sent: Sentence, ctx: QuoteContext, taken: set[tuple[int, int]]
) -> Quote:
    """A quotation interrupted by its attribution ('"Every time you say that," Tester said,
    referring to ..., "you give ammunition ..."') is one quote in two parts: the content on
    one side of the attribution takes the untaken quotation right on its other side."""
    mine = [m for m in ctx.marks if quote.start - 1 <= m.start and m.end <= quote.end + 1]
    if len(mine) != 1 or quote.parts or quote.kind != "direct":
        return quote
    across = _quotation_across(mine[0], cue, sent, ctx)
    if across is None or quote.speaker_mention is None:
        return quote
    pick, gap = across
    if (pick.start, pick.end) in taken:
        return quote
    if pick.start > cue.start and not _free_after_attribution(pick, cue, ctx):
        return quote
    if not _short_interruption(ctx.doc.text[gap[0] : gap[1]]):
        return quote
    return _in_two_parts(quote, pick, ctx.doc.text)


def _quotation_across(
    mine: Quoted, cue: Token, sent: Sentence, ctx: QuoteContext
) -> tuple[Quoted, tuple[int, int]] | None:
    """The quotation on the other side of the cue from `mine`, nearest it, and the gap
    between the two."""
    if mine.start > cue.start:  # content after the cue: look for a quotation before it
        before = [
            m for m in ctx.marks if sent.start - _OPENING_SLACK <= m.start and m.end <= cue.start
        ]
        return (before[-1], (before[-1].end, mine.start)) if before else None
    if mine.end < cue.start:  # content before the cue: a quotation after it
        after = [m for m in ctx.marks if cue.end <= m.start and m.start <= sent.end]
        return (after[0], (mine.end, after[0].start)) if after else None
    return None


def _short_interruption(between: str) -> bool:
    """Whether what stands between two halves of a quotation is only their attribution."""
    return (
        between.count('"') <= MAX_INTERRUPTION_MARKS
        and len(between) <= MAX_INTERRUPTION_CHARS
        and "\n" not in between
    )


def _in_two_parts(quote: Quote, pick: Quoted, text: str) -> Quote:
    """The quote spanning both halves, each a part."""
    parts = sorted(
        [
            Span(quote.start, quote.end, quote.text),
            Span(pick.start, pick.end, text[pick.start : pick.end]),
        ],
        key=lambda p: p.start,
    )
    start, end = parts[0].start, parts[-1].end
    return replace(quote, start=start, end=end, text=text[start:end], parts=tuple(parts))


def _free_after_attribution(pick: Quoted, cue: Token, ctx: QuoteContext) -> bool:
    """Whether a quotation after an attribution can be the rest of the quotation before it:
    it opens a sentence or follows the attribution's comma or colon, and no other cue after
    the first governs it or introduces it ('"A," he said, adding that "B"' and '"A," he said,
    adding later, "B"': B is what he added; 'said on CNN's "State of the Union"': a title)."""
    before = ctx.doc.text[: pick.start].rstrip(" \t\u201c\u2018\"'`")
    if before[-1:] not in {",", ":", ".", "!", "?"}:
        return False
    first = ctx.token_at.get(pick.start) or next(iter(ctx.tokens_in(pick.start, pick.end)), None)
    if first is None:
        return True
    governors = set(ctx.tree.ancestors(first.i))
    return not any(
        g.pos == "VERB"
        and ctx.cues.strength(g.lemma, g.pos) is not None
        and (g in governors or (g.tag == "VBG" and g.sent == first.sent))
        for g in ctx.doc.tokens[cue.i + 1 : first.i]
    )
