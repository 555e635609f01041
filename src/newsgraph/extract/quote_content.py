"""Where the content of an attribution lies: the cue's clause, its host clause, a quotation,
or what follows the cue in its phrase, cut to its sentence and cleared of source phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsgraph.extract.cues import ACCORDING, CUE_VERBS, CueLexicon, Strength
from newsgraph.extract.quote_marks import Quoted, inside_quote, overlapping, quoted_spans
from newsgraph.extract.speakers import SpeakerResolver
from newsgraph.model import Doc, Quote, Sentence, Token
from newsgraph.nlp.tree import Tree, trim
from newsgraph.resolve.references import References
from newsgraph.resolve.titles import TitleWords


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """What the quote rules look at for one document."""

    doc: Doc
    tree: Tree
    refs: References
    marks: list[Quoted]
    speakers: SpeakerResolver
    learned: frozenset[int]  # heads of the cues the learned tagger marked
    token_at: dict[int, Token]  # each token by its first character
    cues: CueLexicon
    titles: TitleWords

    @classmethod
    def of(cls, doc: Doc, cues: CueLexicon, titles: TitleWords) -> QuoteContext:
        """The context of `doc`: its tree, references, quotations and speakers."""
        tree = Tree(doc.tokens)
        refs = References(doc)
        return cls(
            doc,
            tree,
            refs,
            quoted_spans(doc.text),
            SpeakerResolver(doc, tree, refs, titles),
            _learned_heads(doc, tree),
            {t.start: t for t in doc.tokens},
            cues,
            titles,
        )

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens of [start, end), found from the one starting there."""
        first = self.token_at.get(start)
        if first is None:
            return [t for t in self.doc.tokens if start <= t.start and t.end <= end]
        out = []
        for tok in self.doc.tokens[first.i :]:
            if tok.end > end:
                break
            out.append(tok)
        return out


def _learned_heads(doc: Doc, tree: Tree) -> frozenset[int]:
    """The head word of each learned cue mark ("has [called] for" -> called)."""
    heads = set()
    for mark in (m for m in doc.attribution_marks if m.label == "CUE"):
        inside = range(mark.first, mark.last)
        top = [i for i in inside if tree.tokens[i].head not in inside or tree.tokens[i].head == i]
        content = [i for i in top if tree.tokens[i].pos in {"VERB", "NOUN"}]
        if content or top:
            heads.add((content or top)[0])
    return frozenset(heads)


# What a verb like "attack", "back" or "support" is done to when it is a deed, not a stance:
# forces, their positions and places ("attacked Syrian troops", "supporting their advances").
# fmt: off
PHYSICAL_TARGETS = frozenset([
    "advance", "army", "base", "building", "checkpoint", "city", "convoy", "fighter", "force",
    "hospital", "militant", "offensive", "operation", "position", "post", "school", "soldier",
    "target", "town", "troop", "unit", "village", "vehicle",
])
# fmt: on
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def physical_act(tok: Token, ctx: QuoteContext) -> bool:
    """A verb that reports a stance only through its object ("backed Clinton") whose object is
    a force, a position or a place: an act (an event for the event stage), not a statement."""
    tree = ctx.tree
    if not ctx.cues.reports_object(tok.lemma) or tree.child(tok.i, "ccomp", "xcomp", "acl"):
        return False
    obj = tree.child(tok.i, "dobj", "obj")
    if obj is None:
        return False
    return obj.lemma.casefold() in PHYSICAL_TARGETS or obj.ent_type in _PLACES


def find_content(
    tok: Token, strength: Strength, sent: Sentence, ctx: QuoteContext, found: list[Quote]
) -> tuple[int, int] | None:
    """Character range of what the cue at `tok` reports, or None.

    In order: its clausal complement ("said that ..."); the clause hosting a parenthetical cue
    ("X, RT reported, was ..."); a quotation in its sentence (`"...", X said`); for a sure cue,
    whatever follows it in its phrase ("wants to triple ...", "called for ...").
    """
    tokens, tree = ctx.doc.tokens, ctx.tree
    comps = tree.children(tok.i, "ccomp") or (
        tree.children(tok.i, "acl") if tok.pos == "NOUN" else []
    )
    if comps and tree.subject(tok.i) is None and any(c.i < tok.i for c in comps):
        # "X had a voice, said a former spokesman, who ...": the parser may hang the inverted
        # speaker's words under a second clause; only the clause before the cue is content
        comps = [c for c in comps if c.i < tok.i]
    if len(comps) > 1 and any(c.sent == tok.sent for c in comps):
        comps = [c for c in comps if c.sent == tok.sent]  # a parse may run across sentences
    if comps:
        comps = [*comps, *_coordinated_after(tok, comps, ctx)]
        spans = [tree.span(c.i, exclude=_not_content(c, ctx)) for c in comps]
        first, last = trim(tokens, min(a for a, _ in spans), max(b for _, b in spans))
    elif tok.dep in {"parataxis", "advcl"} and tok.head != tok.i and _cue_is_aside(tok, tree):
        first, last = trim(tokens, *tree.span(_host_clause(tok, tree), exclude=[tok.i]))
    else:
        quoted = _adjacent_quote(tok, sent, ctx, found)
        following = _following(tok, ctx, _COMPLEMENTS if strength == "strong" else _INTENT)
        if following is None and quoted is None and tok.i in ctx.learned:
            following = _rest_of_sentence(tok, sent, tree)
        if following is None and quoted is None and strength == "strong":
            which = _relative_object(tok, tree)
            if which is not None:
                return which.start, which.end  # "the plan, which Putin opposed": "which"
        if following is None:
            return quoted
        first, last = trim(tokens, *following)
        span = (tokens[first].start, tokens[last - 1].end)
        if quoted is not None and not _overlap(span, quoted) and _speech(tok):
            return quoted  # '"...", X told a briefing': the quotation, not the object
    first, last = _clip_to_sentence(tok, first, last, ctx)
    first, last = cut_according(first, last, ctx)
    sent_first = ctx.doc.sentences[tok.sent].first if ctx.doc.sentences else 0
    if first == sent_first + 1 and tokens[sent_first].pos == "CCONJ":
        first = sent_first  # "But [the plan failed], she said": the "But" is hers
    if first >= last:
        return None
    start, end = tokens[first].start, tokens[last - 1].end
    holder = next((q for q in ctx.marks if q.start - 1 <= start and end <= q.end + 1), None)
    if holder is not None:
        return holder.start, holder.end  # the complement is (in) a quotation: take it whole
    return _whole_quotations(start, end, tok, ctx)


def _whole_quotations(start: int, end: int, cue: Token, ctx: QuoteContext) -> tuple[int, int]:
    """Content that runs into a quotation takes the quotation whole: the parse may end a
    clause mid-quotation ('"One reason," Obama said, "is that ... stability. People ..."')."""
    if inside_quote(ctx.marks, cue.start) is not None:
        return start, end
    marks = overlapping(ctx.marks, start, end)
    for mark in marks:
        start, end = min(start, mark.start), max(end, mark.end)
    if start < cue.start < end and not any(m.start > cue.start for m in marks):
        # '"...," said Del. Stacey Plaskett of the Virgin Islands': nothing quoted after the
        # cue, so what follows it is the attribution, not content
        end = max((m.end for m in marks if m.end <= cue.start), default=end)
    return start, end


_COMPLEMENTS = frozenset({"xcomp", "dobj", "obj", "prep", "attr", "oprd", "dative", "acomp"})


_INTENT = frozenset({"xcomp"})


def _relative_object(tok: Token, tree: Tree) -> Token | None:
    """The relative pronoun a cue in a relative clause reports ("a deal which Putin opposed"):
    what it stands for is said elsewhere; PolNeAR marks the pronoun itself."""
    obj = tree.child(tok.i, "dobj")
    if tok.dep != "relcl" or obj is None or obj.i > tok.i or obj.text.casefold() != "which":
        return None
    return obj


def _speech(tok: Token) -> bool:
    """A verb of saying, whose quotation (not its object) is what was said."""
    return tok.lemma.casefold() in CUE_VERBS


def _following(tok: Token, ctx: QuoteContext, deps: frozenset[str]) -> tuple[int, int] | None:
    """Token range of the cue's complements to its right: "wants [to triple ...]". Trailing
    phrases of time or place ("attacked Machado [on Friday]") are not part of it, nor is a
    stranded preposition ("things they never asked [for]")."""
    tree = ctx.tree
    kids = [
        c
        for c in tree.children(tok.i)
        if c.i > tok.i
        and c.dep in deps
        and (c.dep != "prep" or any(k.i > c.i for k in tree.children(c.i)))
    ]
    kids = _without_trailing_adjuncts(kids, tree)
    if not kids:
        return None
    ranges = [tree.span(c.i, exclude=_not_content(c, ctx)) for c in kids]
    first, last = min(a for a, _ in ranges), max(b for _, b in ranges)
    last = max([last, *(tree.span(c.i)[1] for c in _parallel_after(tok, first, last, ctx))])
    if tree.tokens[first].dep == "prep" and first + 1 < last:
        first += 1  # "called for [an end to ...]": the preposition belongs to the cue
    return first, last


def _parallel_after(tok: Token, first: int, last: int, ctx: QuoteContext) -> list[Token]:
    """Infinitives or gerunds the parse coordinated with the cue rather than with its
    complement ("wants to triple X, grow Y and create Z", "mentioned refinancing X and forcing
    Y"): they go on with what is reported. Not a verb with a subject or a cue of its own
    ("... and warned that ...")."""
    tree = ctx.tree
    tokens = tree.tokens
    if tokens[first].tag not in {"TO", "VBG"}:
        return []
    out = []
    for conj in tree.children(tok.i, "conj"):
        between = tokens[last : conj.i]
        if (
            conj.i >= last
            and conj.tag in {"VB", "VBG"}
            and conj.sent == tok.sent
            and tree.child(conj.i, "nsubj", "nsubjpass") is None
            and ctx.cues.strength(conj.lemma, conj.pos) is None
            and all(t.pos in {"PUNCT", "CCONJ"} for t in between)
        ):
            out.append(conj)
            last = tree.span(conj.i)[1]
    return out


# Trailing phrases that say when or where something was said, not what: "attacked Machado
# [on Friday]", "challenged the rules [before 10 judges]".
_TIME_PREPS = frozenset({"during", "since", "before", "after", "until", "at", "on", "in"})
_WHEN_WHERE = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})


def _is_adjunct(tok: Token, tree: Tree) -> bool:
    """A prepositional phrase of time or place: a temporal preposition, or a preposition whose
    object the parser tags as a date, time or place."""
    if tok.dep != "prep":
        return False
    word = tok.text.casefold()
    if word in {"during", "since", "until"}:
        return True
    obj = tree.child(tok.i, "pobj")
    return obj is not None and word in _TIME_PREPS and obj.ent_type in _WHEN_WHERE


def _without_trailing_adjuncts(kids: list[Token], tree: Tree) -> list[Token]:
    """Drop adjunct phrases after the last complement; keep an adjunct that is all there is."""
    while len(kids) > 1 and _is_adjunct(kids[-1], tree):
        kids = kids[:-1]
    return kids


def cut_according(first: int, last: int, ctx: QuoteContext) -> tuple[int, int]:
    """End unquoted content before an "according to X" that names its source."""
    tokens = ctx.doc.tokens
    for i in range(first + 1, last - 1):
        word = tokens[i]
        cue = word.text.casefold() == ACCORDING and tokens[i + 1].text.casefold() == "to"
        if cue and inside_quote(ctx.marks, word.start) is None:
            return trim(tokens, first, i)
    return first, last


def _rest_of_sentence(tok: Token, sent: Sentence, tree: Tree) -> tuple[int, int] | None:
    """For a cue the tagger vouches for but the parse gives no complement: the longer side of
    its sentence, leaving out the cue's own subject ("Clinton beats Trump, the poll shows")."""
    subject = tree.subject(tok.i)
    skip = set(tree.subtree(subject.i)) if subject is not None else set()
    left = [i for i in range(sent.first, tok.i) if i not in skip]
    right = [i for i in range(tok.i + 1, sent.last) if i not in skip]
    side = max(left, right, key=len)
    return (side[0], side[-1] + 1) if len(side) > 2 else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _clip_to_sentence(tok: Token, first: int, last: int, ctx: QuoteContext) -> tuple[int, int]:
    """A parse tree may run past a sentence end; reported (unquoted) content does not."""
    if not ctx.doc.sentences:
        return first, last
    sent = ctx.doc.sentences[tok.sent]
    return trim(ctx.doc.tokens, max(first, sent.first), min(last, sent.last))


def _coordinated_after(tok: Token, comps: list[Token], ctx: QuoteContext) -> list[Token]:
    """ "A, the agency said, and B": a clause with its own subject coordinated with a cue
    that follows its content continues the content, unless it is a cue itself."""
    if any(c.i > tok.i for c in comps):
        return []
    tree = ctx.tree
    return [
        c
        for c in tree.children(tok.i, "conj")
        if c.i > tok.i
        and tree.child(c.i, "nsubj", "nsubjpass") is not None
        and ctx.cues.strength(c.lemma, c.pos) is None
    ]


def _not_content(top: Token, ctx: QuoteContext) -> list[int]:
    """Parts below `top` that are not what was said: "according to X" (a source) and a
    coordinated cue with a clause of its own ("... and warned that ..."), which starts an
    attribution of its own ("... and refused to drop the gun" stays: it is what was said)."""
    tree = ctx.tree
    out = [i for i in tree.subtree(top.i) if tree.tokens[i].text.casefold() == ACCORDING]
    for conj in tree.children(top.i, "conj"):
        if (
            ctx.cues.strength(conj.lemma, conj.pos) == "strong"
            and tree.child(conj.i, "nsubj") is None
            and tree.child(conj.i, "ccomp") is not None
        ):
            out.append(conj.i)
    return out


def _host_clause(tok: Token, tree: Tree) -> int:
    """The clause a parenthetical cue comments on: its head, or, when that is a subordinate
    clause the cue ends ("Though it went well, he said, replacing her would be hard"), the
    sentence it belongs to."""
    host = tree.tokens[tok.head]
    while host.dep in {"advcl", "ccomp", "csubj"} and tok.i > host.i and host.head != host.i:
        host = tree.tokens[host.head]
    return host.i


def _cue_is_aside(tok: Token, tree: Tree) -> bool:
    """A parenthetical cue with its own subject: "Asapov, RT reported, was ...". A clause
    opened by a conjunction ("Back *when* it signed ...", "*if* they vote") is no aside."""
    if tree.child(tok.i, "nsubj") is None or tree.child(tok.i, "dobj") is not None:
        return False
    mark = tree.child(tok.i, "mark")
    return mark is None or mark.text.casefold() == "as"


def _adjacent_quote(
    tok: Token, sent: Sentence, ctx: QuoteContext, found: list[Quote]
) -> tuple[int, int] | None:
    """A quotation in the cue's sentence that no other cue has taken: `"...", X said`."""
    taken = {(q.start, q.end) for q in found}
    near = [
        q
        for q in overlapping(ctx.marks, sent.start, sent.end)
        if (q.start, q.end) not in taken and not (q.start <= tok.start < q.end)
    ]
    if not near:
        return _quotation_just_before(sent, ctx, taken)
    best = min(near, key=lambda q: min(abs(q.start - tok.end), abs(tok.start - q.end)))
    return best.start, best.end


def _quotation_just_before(
    sent: Sentence, ctx: QuoteContext, taken: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """'"Does anybody know?" Graham asked.': a splitter may end the sentence at '?"', leaving
    the cue alone in the next one; the quotation that closes right before it is what was said."""
    text = ctx.doc.text
    for q in ctx.marks:
        gap = text[q.end : sent.start]
        if (q.start, q.end) not in taken and gap.strip() in {'"', ""} and "\n" not in gap:
            return (q.start, q.end) if q.end <= sent.start else None
    return None


def without_source_phrase(quote: Quote, ctx: QuoteContext) -> Quote:
    """A reported quote from any path, ended before a trailing "according to X"."""
    if quote.kind == "direct" or quote.parts:
        return quote
    tokens = ctx.doc.tokens
    inside = [t.i for t in tokens if quote.start <= t.start < quote.end]
    if len(inside) < 3:
        return quote
    first, last = cut_according(inside[0], inside[-1] + 1, ctx)
    if (first, last) == (inside[0], inside[-1] + 1) or first >= last:
        return quote
    start, end = tokens[first].start, tokens[last - 1].end
    return replace(quote, start=start, end=end, text=ctx.doc.text[start:end])


# "WALLACE: Let's start with ...": a transcript's speaker label, not part of what was said.
LABEL = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:\s+")


def without_speaker_label(quote: Quote, ctx: QuoteContext) -> Quote:
    """A quotation that opens with a transcript's speaker label starts after it."""
    label = LABEL.match(quote.text)
    if label is None or quote.parts or label.end() >= len(quote.text):
        return quote
    start = quote.start + label.end()
    return replace(quote, start=start, text=ctx.doc.text[start : quote.end])
