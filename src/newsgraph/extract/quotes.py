"""Quotes and source chains: direct and reported speech, its cue, its speaker, its outlets.

Rules follow the dependency parse: a cue verb's subject is the speaker and its clausal
complement the content; a parenthetical cue ("X, RT reported, was ...") reports its host
clause; "according to X" names a source; "Citing X, Y said" makes X the speaker via Y.
Which words are cues is learned from PolNeAR train (`extract/cues.py`), and the attribution
tagger (stage attributions.v1) adds the cues, content edges and contents the rules miss
(`extract/learned_quotes.py`). Order matters: quotes outside quotation marks first, then
interrupted quotations joined, then cues inside quotations, then "according to", then the
tagger's additions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.extract.cues import ACCORDING, CITING, CUE_VERBS, Strength
from newsgraph.extract.learned_quotes import learned_quotes, snap_to_tagged
from newsgraph.extract.quote_content import (
    LABEL,
    QuoteContext,
    find_content,
    physical_act,
    without_source_phrase,
    without_speaker_label,
)
from newsgraph.extract.quote_marks import Quoted, inside_quote, kind_of, overlapping
from newsgraph.model import Doc, Mention, Quote, Sentence, Span, Token
from newsgraph.nlp.tree import Tree, trim

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "quotes.v1"


def extract_quotes(doc: Doc, res: Resources) -> Doc:
    """Stage: every attributed statement in the document, in text order.

    Cues outside quotation marks go first, so that a quotation's own speaker is known before
    the cues inside it ("'I think ...,' Tanner said": "I" is Tanner).
    """
    lexicon = res.quotes
    ctx = QuoteContext.of(doc, lexicon.cues, res.titles)
    quotes: list[Quote] = _labelled(ctx)
    for sent in doc.sentences:
        quotes += _cue_quotes(sent, ctx, quotes, inside=False)
    quotes = _continuations(ctx, quotes)  # before inner cues: '"A," X said. "I think B."'
    quotes += _signed(ctx, quotes)
    for sent in doc.sentences:
        quotes += _cue_quotes(sent, ctx, quotes, inside=True)
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault(_sentence_of(doc, q), []).append(q)
    quotes = [
        q
        for i, sent in enumerate(doc.sentences)
        for q in _in_a_source(sent, ctx, _according_to(sent, ctx, by_sentence.get(i, [])))
    ]
    quotes = snap_to_tagged(ctx, quotes)
    quotes += learned_quotes(ctx, quotes, STAGE)
    quotes = [without_speaker_label(without_source_phrase(q, ctx), ctx) for q in quotes]
    quotes = [_around_attribution(_within_paragraph(q, ctx), doc.text) for q in quotes]
    quotes = lexicon.confidence.judge(quotes, ctx)
    return replace(doc, quotes=tuple(sorted(quotes, key=lambda q: (q.start, q.end))))


def _within_paragraph(quote: Quote, ctx: QuoteContext) -> Quote:
    """Unquoted content stays in its cue's paragraph: a parse or a sentence split that runs
    over a line break ("... Charlotte, N.C.\n\n'A museum alone ...'") is cut there."""
    if quote.parts:
        return quote
    text = ctx.doc.text
    breaks = [
        i
        for i in range(quote.start, quote.end)
        if text[i] == "\n" and inside_quote(ctx.marks, i) is None
    ]
    if not breaks:
        return quote
    at = quote.cue_span.start if quote.cue_span else quote.start
    start = max([quote.start, *(i + 1 for i in breaks if i < at)])
    end = min([quote.end, *(i for i in breaks if i >= at)])
    piece = text[start:end]
    start, end = start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))
    if start >= end:
        return quote
    return replace(quote, start=start, end=end, text=text[start:end])


def _around_attribution(quote: Quote, text: str) -> Quote:
    """Reported content told around its own attribution ("Asapov, RT reported, was ...") gets
    two parts, the words before and after the attribution's commas."""
    cue = quote.cue_span
    if quote.parts or quote.kind == "direct" or cue is None:
        return quote
    if not quote.start < cue.start < quote.end:
        return quote
    at = min(cue.start, quote.speaker_mention.start if quote.speaker_mention else cue.start)
    before = text.rfind(",", quote.start, at)
    after = text.find(",", cue.end, quote.end)
    if before <= quote.start or after < 0 or "," in text[max(before + 1, at) : at]:
        return quote
    head, tail = text[quote.start : before].rstrip(), text[after + 1 : quote.end].lstrip()
    if not head or not tail:
        return quote
    tail_start = quote.end - len(tail)
    parts = (
        Span(quote.start, quote.start + len(head), head),
        Span(tail_start, quote.end, tail),
    )
    return replace(quote, parts=parts)


def _sentence_of(doc: Doc, quote: Quote) -> int:
    at = quote.cue_span.start if quote.cue_span else quote.start
    return next((i for i, s in enumerate(doc.sentences) if s.start <= at < s.end + 1), 0)


def _cue_quotes(
    sent: Sentence, ctx: QuoteContext, earlier: list[Quote], inside: bool
) -> list[Quote]:
    found: list[Quote] = []
    objects: set[int] = set()  # quotes of no clause: "backed Clinton", "refused to go"
    taken = {(q.start, q.end) for q in earlier}
    for tok in ctx.doc.tokens[sent.first : sent.last]:
        if (inside_quote(ctx.marks, tok.start) is not None) != inside:
            continue
        special = _passive_by(tok, ctx) or _hedged(tok, ctx) or _passive_unsourced(tok, ctx)
        if special is not None:
            if (special.start, special.end) not in taken:
                found.append(special)
                taken.add((special.start, special.end))
            continue
        strength = _is_cue(tok, ctx)
        if strength is None or physical_act(tok, ctx):
            continue
        content = find_content(tok, strength, sent, ctx, [*earlier, *found])
        if content is None or content in taken:
            continue
        if inside and content[0] <= tok.start < content[1]:
            continue  # a cue inside a quotation does not report the quotation it is part of
        quote = _attribute(tok, content, ctx, [*earlier, *found])
        if quote is not None and not inside:
            quote = _with_other_half(quote, tok, sent, ctx, taken)
        if quote is not None and not _part_of_outer(quote, tok, earlier):
            found.append(quote)
            taken.add(content)
            if ctx.tree.child(tok.i, "ccomp") is None:
                objects.add(id(quote))
    found = _innermost_of_chains(found, ctx)
    return [
        q
        for q in found
        if not _unnamed_inside(q, found) and not (id(q) in objects and _inside_other(q, found))
    ]


def _with_other_half(
    quote: Quote, cue: Token, sent: Sentence, ctx: QuoteContext, taken: set[tuple[int, int]]
) -> Quote:
    """A quotation interrupted by its attribution ('"Every time you say that," Tester said,
    referring to ..., "you give ammunition ..."') is one quote in two parts: the content on
    one side of the attribution takes the untaken quotation right on its other side."""
    text = ctx.doc.text
    mine = [m for m in ctx.marks if quote.start - 1 <= m.start and m.end <= quote.end + 1]
    if len(mine) != 1 or quote.parts or quote.kind != "direct":
        return quote
    if mine[0].start > cue.start:  # content after the cue: look for a quotation before it
        other = [m for m in ctx.marks if sent.start - 2 <= m.start and m.end <= cue.start]
        pick = other[-1] if other else None
        gap = (pick.end, mine[0].start) if pick else (0, 0)
    elif mine[-1].end < cue.start:  # content before the cue: a quotation after it
        other = [m for m in ctx.marks if cue.end <= m.start and m.start <= sent.end]
        pick = other[0] if other else None
        gap = (mine[-1].end, pick.start) if pick else (0, 0)
    else:
        return quote
    if pick is None or (pick.start, pick.end) in taken or quote.speaker_mention is None:
        return quote
    if pick.start > cue.start and not _free_after_attribution(pick, cue, ctx):
        return quote
    between = text[gap[0] : gap[1]]
    if between.count('"') > 2 or len(between) > 200 or "\n" in between:
        return quote
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


def _innermost_of_chains(found: list[Quote], ctx: QuoteContext) -> list[Quote]:
    """Chained cues are one attribution: in "refused to pledge to release his returns",
    "appeared to blame workers" and "responded by saying that ...", what is reported is the
    last cue's complement, and the first cue's quote ("to pledge to release ...") goes."""
    cue_of = {id(q): ctx.token_at.get(q.cue_span.start) for q in found if q.cue_span is not None}
    heads = {
        tok.i
        for tok in cue_of.values()
        if tok is not None and not ctx.cues.reports_object(tok.lemma)
    }
    out = []
    for q in found:
        tok = cue_of.get(id(q))
        inner = _chained(tok, ctx.tree) if tok is not None else None
        if inner is not None and inner.i in heads and q.start <= inner.start < q.end:
            continue
        out.append(q)
    return out


def _chained(tok: Token, tree: Tree) -> Token | None:
    """The cue a cue hands its report on to: its infinitive ("refused to pledge"), or a
    participle after a preposition of manner ("responded by saying")."""
    inner = tree.child(tok.i, "xcomp")
    if inner is None:
        prep = next((p for p in tree.children(tok.i, "prep") if p.text.casefold() in _MANNER), None)
        inner = tree.child(prep.i, "pcomp") if prep is not None else None
    return inner


def _inside_other(quote: Quote, found: list[Quote]) -> bool:
    """Whether the quote's cue lies in what another quote reports: "Merrill says [Clinton
    called Machado ...]" is Merrill's statement, not also one by Clinton about Machado, and
    "Police say [he ... refused to drop the gun]" is the police's, not also his."""
    at = quote.cue_span.start if quote.cue_span else quote.start
    return any(o is not quote and o.start <= at < o.end for o in found)


def _passive_by(tok: Token, ctx: QuoteContext) -> Quote | None:
    """ "The registration issue was first reported by the Post": a strong cue in the passive
    with its agent named reports its subject, and the agent is the source."""
    tree = ctx.tree
    if tok.pos != "VERB" or ctx.cues.strength(tok.lemma, tok.pos) != "strong":
        return None
    subject, agent = tree.child(tok.i, "nsubjpass"), tree.child(tok.i, "agent")
    source = tree.child(agent.i, "pobj") if agent is not None else None
    if subject is None or source is None or subject.pos == "PRON":
        return None
    return _clause_quote(tok, *tree.span(subject.i), ctx, "passive-by", source, least=1)


# Verbs that hedge their own clause ("Republicans seem confident", "the campaign has
# appeared to acknowledge ..."): the writer's impression, attributed to no one.
HEDGES = frozenset({"seem", "appear"})


def _hedged(tok: Token, ctx: QuoteContext) -> Quote | None:
    """ "He seems to have a different set of rules": an attribution with no source whose
    content is the whole hedged clause, subject included. A hedge over a cue of its own
    ("seemed to think that ...") is left to that cue."""
    tree = ctx.tree
    if tok.lemma.casefold() not in HEDGES or tok.pos not in {"VERB", "AUX"}:
        return None
    if inside_quote(ctx.marks, tok.start) is not None:
        return None  # a hedge inside someone's quotation is part of what they said
    subject = tree.child(tok.i, "nsubj")
    comps = [c for c in tree.children(tok.i, "xcomp", "acomp", "attr", "oprd") if c.i > tok.i]
    if subject is None or not comps or subject.text.casefold() == "it":
        return None
    if any(_is_cue(c, ctx) == "strong" and not ctx.cues.reports_object(c.lemma) for c in comps):
        return None
    last = max(tree.span(c.i)[1] for c in comps)
    return _clause_quote(tok, tree.span(subject.i)[0], last, ctx, "hedge")


def _clause_quote(
    tok: Token,
    first: int,
    last: int,
    ctx: QuoteContext,
    method: str,
    source: Token | None = None,
    least: int = 3,
) -> Quote | None:
    """The attribution over the tokens [first, last) cued by `tok`, by `source` if named."""
    first, last = trim(ctx.doc.tokens, first, last)
    if last - first < least:
        return None
    start, end = ctx.doc.tokens[first].start, ctx.doc.tokens[last - 1].end
    return Quote(
        start=start,
        end=end,
        text=ctx.doc.text[start:end],
        kind=kind_of(ctx.marks, start, end),
        cue=tok.text,
        speaker=ctx.speakers.resolve(source, []) if source is not None else None,
        speaker_mention=ctx.speakers.mention(source) if source is not None else None,
        cue_span=Mention(tok.start, tok.end, tok.text),
        method=method,
        stage=STAGE,
    )


# Verbs of saying, judging and believing that, in the passive, report what someone unnamed
# holds about their subject ("is accused of", "is expected to", "is known as", "was rated").
# fmt: off
PASSIVE_REPORTS = frozenset([
    "accuse", "allege", "believe", "blame", "call", "consider", "criticize", "declare", "deem",
    "describe", "estimate", "expect", "know", "label", "rate", "regard", "report", "rumor", "say",
    "see", "suspect", "think", "view",
])
# fmt: on


def _passive_unsourced(tok: Token, ctx: QuoteContext) -> Quote | None:
    """ "Roof is accused of a massacre", "Trump had been expected to visit": a cue in the
    passive with no one named as its source reports its whole clause, attributed to no one
    (its subject is what is talked about, never the speaker)."""
    tree = ctx.tree
    if tok.pos != "VERB" or tree.child(tok.i, "nsubjpass") is None:
        return None
    if tree.child(tok.i, "agent", "ccomp") is not None or tok.dep in {"relcl", "acl", "amod"}:
        return None
    if tok.lemma.casefold() not in PASSIVE_REPORTS:
        return None
    if inside_quote(ctx.marks, tok.start) is not None:
        return None
    subject = tree.child(tok.i, "nsubjpass")
    assert subject is not None
    right = [
        c
        for c in tree.children(tok.i)
        if c.i > tok.i and c.dep not in {"conj", "cc", "punct", "advcl", "parataxis"}
    ]
    if not right:
        return None
    last = max(tree.span(c.i)[1] for c in right)
    return _clause_quote(tok, tree.span(subject.i)[0], last, ctx, "passive")


def _unnamed_inside(quote: Quote, found: list[Quote]) -> bool:
    """A cue inside another attribution's reported content whose speaker names no one
    ("sources said [the protocol called for ...]") is part of that content, not a quote."""
    if quote.speaker is not None or quote.cue_span is None:
        return False
    at = quote.cue_span.start
    return any(o is not quote and o.start <= at < o.end for o in found)


def _part_of_outer(quote: Quote, cue: Token, earlier: list[Quote]) -> bool:
    """A cue inside someone's quotation ("I think", "does anybody know") is part of what they
    said, unless it reports another named speaker ('"Putin told me ..."'): a nested quote."""
    outer = [q for q in earlier if q.start <= cue.start < q.end and q.kind != "indirect"]
    if not outer:
        return False
    return quote.speaker is None or quote.speaker in {q.speaker for q in outer}


def _is_cue(tok: Token, ctx: QuoteContext) -> Strength | None:
    tree = ctx.tree
    strength = ctx.cues.strength(tok.lemma, tok.pos)
    if tok.i in ctx.learned and tok.pos in {"VERB", "NOUN"}:
        strength = "strong"  # the tagger saw this word cue an attribution in its context
    if strength is None or _cites_source(tok, ctx):
        return None  # "Citing X, Y said": X is a source of Y's statement, see _cited_source
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


# Complements that make a weak cue an attribution: a clause, an infinitive, a noun's clause.
_CLAUSES = ("ccomp", "xcomp", "acl")


def _attribute(
    tok: Token, content: tuple[int, int], ctx: QuoteContext, earlier: list[Quote]
) -> Quote | None:
    subject = _noun_owner(tok, ctx.tree) if tok.pos == "NOUN" else ctx.tree.subject(tok.i)
    mention = None
    if subject is None and tok.pos == "VERB":
        subject = _name_just_before(tok, ctx) or _inverted_subject(tok, content, ctx)
        mention = Mention(subject.start, subject.end, subject.text) if subject else None
        subject = subject or _governing_speaker(tok, ctx)
    if subject is None:
        return None
    if content[0] <= subject.start < content[1] and not ctx.tree.is_below(subject.i, tok.i):
        subject = _participle_subject(tok, ctx)
        if subject is None:
            return None  # the "subject" is part of what was said: not a speaker
    speaker = _first_person(subject, earlier) or ctx.speakers.resolve(subject, earlier)
    via: tuple[str, ...] = ()
    cited = _cited_source(tok, ctx)
    if cited is not None and speaker is not None and cited != speaker:
        speaker, via = cited, (speaker,)
    start, end = content
    return Quote(
        start=start,
        end=end,
        text=ctx.doc.text[start:end],
        kind=kind_of(ctx.marks, start, end),
        cue=tok.text,
        speaker=speaker,
        speaker_mention=mention or ctx.speakers.mention(subject),
        cue_span=Mention(tok.start, tok.end, tok.text),
        via=via,
        method="cue-verb",
        stage=STAGE,
    )


# Nouns for something written or broadcast: in "issued a statement saying ...", the one who
# issued it is the speaker; in "with 50 percent saying ...", the noun itself speaks.
_DOCUMENTS = frozenset([
    "ad", "advertisement", "announcement", "email", "e-mail", "letter", "memo", "message",
    "note", "post", "release", "report", "statement", "text", "tweet", "video",
])  # fmt: skip


# Prepositions that put a participle cue beside its verb ("responded by saying", "before
# saying", "is quoted as saying"); under "for", "from" or "of" ("apologized for suggesting",
# "refrain from attacking") the participle is part of what the verb reports.
_MANNER = frozenset({"by", "before", "after", "as", "while", "when", "without"})


def _governing_speaker(tok: Token, ctx: QuoteContext) -> Token | None:
    """The speaker of a participle cue with no subject of its own: of the verb whose
    preposition governs it ("responded by saying", "is quoted as saying"), the subject; of a noun it describes ("50 percent
    saying", "a statement saying"), that noun, or who issued a document."""
    if tok.tag != "VBG":
        return None
    tree = ctx.tree
    head = tree.tokens[tok.head]
    if tok.dep == "pcomp" and head.text.casefold() in _MANNER and head.head != head.i:
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


def _participle_subject(tok: Token, ctx: QuoteContext) -> Token | None:
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


def _inverted_subject(tok: Token, content: tuple[int, int], ctx: QuoteContext) -> Token | None:
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


def _name_just_before(tok: Token, ctx: QuoteContext) -> Token | None:
    """A cue the parser left without a subject ("... of the Washington Post Trump said that"):
    the person named right before it is the speaker."""
    if tok.i == 0 or tok.dep != "ROOT":
        return None
    before = ctx.doc.tokens[tok.i - 1]
    if before.pos == "PROPN" and ctx.refs.at(before.start, before.end, "person", "actor"):
        return before
    if before.text.casefold() in {"he", "she", "they"}:
        return before
    return None


def _first_person(subject: Token, earlier: list[Quote]) -> str | None:
    """ "I"/"we" inside someone's quotation is that someone."""
    if subject.text.casefold() not in {"i", "we", "me", "us"}:
        return None
    holder = [q for q in earlier if q.start <= subject.start < q.end and q.kind != "indirect"]
    return min(holder, key=lambda q: q.end - q.start).speaker if holder else None


def _noun_owner(tok: Token, tree: Tree) -> Token | None:
    """Whose claim a cue noun is: "Trump's claim", "the campaign statement", "made the claim"."""
    owner = tree.child(tok.i, "poss") or tree.child(tok.i, "compound")
    if owner is None and tok.dep in {"dobj", "obj"}:
        owner = tree.subject(tok.head)
    return owner


def _cited_source(tok: Token, ctx: QuoteContext) -> str | None:
    """X in "Citing X, the AP said ...": the source the speaker relays."""
    for clause in ctx.tree.children(tok.i, "advcl", "prep"):
        if clause.lemma.casefold() in CITING:
            for obj in ctx.tree.children(clause.i, "dobj", "pobj"):
                name = ctx.speakers.name_in(obj)
                if name:
                    return name
    return None


def _according_to(sent: Sentence, ctx: QuoteContext, found: list[Quote]) -> list[Quote]:
    """ "..., according to X": X relays the sentence's quotes, or is the source of the sentence."""
    tokens, tree = ctx.doc.tokens, ctx.tree
    for tok in tokens[sent.first : sent.last]:
        to = tree.child(tok.i, "prep") if tok.text.casefold() == ACCORDING else None
        obj = tree.child(to.i, "pobj") if to is not None else None
        if obj is None:
            continue
        source = ctx.speakers.name_in(obj)  # None for "the poll": still a source, unnamed
        host = tokens[tok.head]  # the clause "according to X" attaches to
        relayed = [
            q
            for q in found
            if not (q.start <= tok.start < q.end)
            and q.speaker != source
            and q.cue_span is not None
            and (q.cue_span.start == host.start or _relays(q, host, ctx))
        ]
        if relayed:
            if source is not None:
                found = [replace(q, via=(*q.via, source)) if q in relayed else q for q in found]
            continue
        top = host
        while top.dep in {"ccomp", "xcomp", "advcl", "conj"} and top.head != top.i:
            if tokens[top.head].sent != tok.sent:
                break
            top = tokens[top.head]  # the sentence the phrase sources, not just a clause in it
        first, last = tree.span(top.i, exclude=[tok.i])
        first, last = trim(tokens, max(first, sent.first), min(last, sent.last))
        if first >= last:
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        found.append(
            Quote(
                start=start,
                end=end,
                text=ctx.doc.text[start:end],
                kind=kind_of(ctx.marks, start, end),
                cue="according to",
                speaker=source,
                speaker_mention=ctx.speakers.mention(obj),
                cue_span=Mention(tok.start, to.end if to else tok.end, "according to"),
                method="according-to",
                stage=STAGE,
            )
        )
    return found


def _relays(quote: Quote, host: Token, ctx: QuoteContext) -> bool:
    """Whether "according to X" on a clause inside `quote` passes the quote on: the quote is
    reported speech ("He said Y, according to X"), not a stance word ("as many expected")."""
    cue = ctx.token_at.get(quote.cue_span.start) if quote.cue_span else None
    return (
        cue is not None
        and cue.lemma.casefold() in CUE_VERBS
        and quote.start <= host.start < quote.end
    )


# Findings that report what their clause says: "In the latest Post poll, Clinton leads ...".
# (Reports, statements and interviews were tried too: on PolNeAR train those "in" phrases were
# attributions less than half the time.)
SOURCE_NOUNS = frozenset({"poll", "survey", "study"})


def _in_a_source(sent: Sentence, ctx: QuoteContext, found: list[Quote]) -> list[Quote]:
    """ "In the previous Washington Post poll, Clinton led by 5 points": the poll says so."""
    tokens, tree = ctx.doc.tokens, ctx.tree
    for tok in tokens[sent.first : sent.last]:
        if tok.text.casefold() != "in" or tok.dep != "prep" or tok.head == tok.i:
            continue
        obj = tree.child(tok.i, "pobj")
        host = tokens[tok.head]
        if (
            obj is None
            or obj.lemma.casefold() not in SOURCE_NOUNS
            or host.pos not in {"VERB", "AUX"}
        ):
            continue
        if inside_quote(ctx.marks, tok.start) or any(q.start <= host.start < q.end for q in found):
            continue
        first, last = trim(tokens, *tree.span(host.i, exclude=[tok.i]))
        if last - first < 3:
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        if any(q.start < end and start < q.end for q in found):
            continue  # the clause already reports someone's words
        phrase = tree.span(obj.i)
        found.append(
            Quote(
                start=start,
                end=end,
                text=ctx.doc.text[start:end],
                kind=kind_of(ctx.marks, start, end),
                cue="in",
                speaker=ctx.speakers.name_in(obj),
                speaker_mention=Mention(
                    tokens[phrase[0]].start,
                    tokens[phrase[1] - 1].end,
                    ctx.doc.text[tokens[phrase[0]].start : tokens[phrase[1] - 1].end],
                ),
                cue_span=Mention(tok.start, tok.end, tok.text),
                method="in-a-source",
                stage=STAGE,
            )
        )
    return found


_STAGE_DIRECTION = re.compile(r"[(\[][A-Z][A-Z .,'-]*[)\]]\.?")


def _continuations(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    """Quotations with no cue after an attributed direct quote continue it.

    In the same paragraph ('"A," she said. "B."') or the next ('"A," she said.' then a
    paragraph '"B."') the continuation becomes another part of the same quote, as annotators
    read it: one statement, interrupted by its attribution; so too after a statement partly
    quoted ('Obama "felt an obligation," Axelrod said. "This is core stuff."'). After a
    sentence of narration, a following quotation is a quote of its own by the same speaker.
    """
    result = sorted(quotes, key=lambda q: q.start)
    text = ctx.doc.text
    for mark in ctx.marks:
        if overlapping([Quoted(q.start, q.end) for q in result], mark.start, mark.end):
            continue
        if _STAGE_DIRECTION.fullmatch(text[mark.start : mark.end].strip()):
            continue  # "(CROSSTALK.)", "(APPLAUSE)": a transcript's note, not speech
        previous = _continued_from(ctx.doc, [q for q in result if q.end <= mark.start])
        if previous is None:
            continue
        gap = text[previous.end : mark.start]
        if gap.count("\n\n") > 1 or len(gap) > 400 or not _opens_sentence(text, mark):
            continue
        if _narration_between(ctx.doc, previous, mark):
            result.append(_continued(previous, mark, text))
        else:
            result[result.index(previous)] = _joined(previous, mark, text)
        result.sort(key=lambda q: q.start)
    return result


def _narration_between(doc: Doc, previous: Quote, mark: Quoted) -> bool:
    """Whether a sentence of the writer's own stands between a quote and a later quotation
    ('"A," Trump added. He then had a question. "B?"'): then B is a quote of its own."""
    cue = previous.cue_span.start if previous.cue_span else -1
    return any(
        previous.end < s.start
        and s.end < mark.start - 1
        and not s.start <= cue < s.end
        and s.last - s.first > 3
        for s in doc.sentences
    )


def _opens_sentence(text: str, mark: Quoted) -> bool:
    """Whether a quotation starts its sentence (or paragraph): only such a quotation can
    continue a statement on its own; 'called it "a disaster"' is part of its sentence."""
    before = text[max(0, mark.start - 200) : mark.start].rstrip().rstrip('"').rstrip()
    return not before or before[-1] in ".?!:"


def _continued_from(doc: Doc, before: list[Quote]) -> Quote | None:
    """The attributed quote a following quotation would continue: the last one before it,
    passing over statements reported inside its own attribution ('"A," said X, who has long
    *backed* Y. "B."'), if it names a speaker."""
    if not before:
        return None
    last = before[-1]
    direct = [q for q in before if q.kind != "indirect" and q.cue_span is not None]
    if last.kind == "indirect" and direct:
        anchor = direct[-1]
        asides = [q for q in before if q.start >= anchor.end and q.kind == "indirect"]
        if asides and all(_sentence_of(doc, q) == _sentence_of(doc, anchor) for q in asides):
            last = anchor
    if last.kind == "indirect" or (last.speaker is None and last.speaker_mention is None):
        return None
    return last


def _labelled(ctx: QuoteContext) -> list[Quote]:
    """A transcript's lines: '"PENCE: Well, the question ...' is Pence's, the label its source."""
    doc, text = ctx.doc, ctx.doc.text
    found: list[Quote] = []
    for mark in ctx.marks:
        label = LABEL.match(text, mark.start)
        if label is None or label.end() >= mark.end:
            continue
        name = next((t for t in doc.tokens if t.start >= mark.start), None)
        if name is None or name.start >= label.end():
            continue
        colon = text.rindex(":", label.start(), label.end())
        mention = text[label.start() : colon].strip()
        found.append(
            Quote(
                start=label.end(),
                end=mark.end,
                text=text[label.end() : mark.end],
                kind="direct",
                cue=":",
                speaker=_person_called(mention, doc) or ctx.speakers.resolve(name, found),
                speaker_mention=Mention(label.start(), label.start() + len(mention), mention),
                cue_span=Mention(colon, colon + 1, ":"),
                method="transcript-label",
                stage=STAGE,
            )
        )
    return found


def _person_called(label: str, doc: Doc) -> str | None:
    """The one person of the article whose surname is the label: "PENCE" -> "Mike Pence"."""
    key = label.casefold()
    found = {
        p.name
        for p in doc.people
        if p.name.casefold() == key or p.name.split()[-1].casefold() == key
    }
    return found.pop() if len(found) == 1 else None


_SIGNATURE = re.compile(r'"?[ \t]*[-\u2013\u2014\u2015][ \t]*(?=[A-Z])')


def _signed(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    """A quotation signed with a dash and a name, as in vox pops and epigraphs:
    '"He represents our greatest shame." \u2015 Sonya Herridge'."""
    doc, text = ctx.doc, ctx.doc.text
    taken = [Quoted(q.start, q.end) for q in quotes]
    found: list[Quote] = []
    for mark in ctx.marks:
        if overlapping(taken, mark.start, mark.end):
            continue
        sign = _SIGNATURE.match(text, mark.end)
        line_end = text.find("\n", mark.end)
        line_end = len(text) if line_end < 0 else line_end
        if sign is None or line_end - sign.end() > 80:
            continue
        name = next((t for t in doc.tokens if t.start >= sign.end()), None)
        if name is None or name.pos != "PROPN" or name.start >= line_end:
            continue
        first = name
        while name.i + 1 < len(doc.tokens) and doc.tokens[name.i + 1].pos == "PROPN":
            name = doc.tokens[name.i + 1]  # the head of "Carla Sanchez" is "Sanchez"
        at = next(i for i in range(sign.start(), sign.end()) if text[i] in "-\u2013\u2014\u2015")
        found.append(
            Quote(
                start=mark.start,
                end=mark.end,
                text=text[mark.start : mark.end],
                kind="direct",
                cue=text[at],
                speaker=ctx.speakers.resolve(name, [*quotes, *found]),
                speaker_mention=Mention(first.start, name.end, text[first.start : name.end]),
                cue_span=Mention(at, at + 1, text[at]),
                method="signed",
                stage=STAGE,
            )
        )
    return found


def _continued(previous: Quote, mark: Quoted, text: str) -> Quote:
    return replace(
        previous,
        start=mark.start,
        end=mark.end,
        text=text[mark.start : mark.end],
        kind="direct",
        cue=None,
        cue_span=None,
        method="continuation",
        parts=(),
    )


def _joined(previous: Quote, mark: Quoted, text: str) -> Quote:
    parts = previous.parts or (Span(previous.start, previous.end, previous.text),)
    parts = (*parts, Span(mark.start, mark.end, text[mark.start : mark.end]))
    return replace(previous, end=mark.end, text=text[previous.start : mark.end], parts=parts)
