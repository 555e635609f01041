"""The rules of VIA_RULES where a speaker spoke to an outlet: "X told Reuters", "Speaking to
AFP, X said", "In an interview with Al Arabiya, X ...", and "the two women spoke to Reuters"
with no statement of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quotes.outlet_phrases import (
    OutletMention,
    OutletNames,
    cue_token,
    in_content,
    through,
)
from newsgraph.model import Quote, Token

TOLD = "told-outlet"
SPEAKING = "speaking-to-outlet"
INTERVIEW = "interview-with-outlet"
INTERVIEWED = "interviewed-by-outlet"
# The rules that say a speaker was interviewed by the outlet: their other quotes follow.
INTERVIEWS = frozenset({TOLD, SPEAKING, INTERVIEW, INTERVIEWED})


def told_outlet(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """ "X told Reuters", "added to Al-Arabiya news channel", "told SANA reporter that ...":
    X said it to the outlet. A quote whose "content" is the outlet told goes."""

    def find(tok: Token) -> OutletMention | None:
        speaking = tok.lemma.casefold() in {"speak", "talk"} and tok.tag == "VBG"
        return None if speaking else names.addressed(tok)  # "Speaking to AFP": the next rule

    return _addressed(quotes, names, TOLD, find)


def speaking_to_outlet(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """ "Speaking (exclusively) to AFP, medic X said that ...": said to AFP."""

    def find(tok: Token) -> OutletMention | None:
        speaking = tok.lemma.casefold() in {"speak", "talk"} and tok.tag == "VBG"
        return names.addressed(tok) if speaking else None

    return _addressed(quotes, names, SPEAKING, find)


def interview_with_outlet(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """ "In an interview with Al Arabiya, X called on ...", "In a phone call with SANA
    reporter, local sources said ...": said to the outlet."""
    return _addressed(quotes, names, INTERVIEW, lambda tok: names.occasion(tok))


def _addressed(
    quotes: list[Quote],
    names: OutletNames,
    method: str,
    find: Callable[[Token], OutletMention | None],
) -> list[Quote]:
    """Each quote through the outlet its attribution addresses (see `_addressee`)."""
    out = []
    for q in quotes:
        found = _addressee(q, quotes, names, find)
        if found is None:
            out.append(q)
            continue
        mention, word = found
        if _is_the_outlet(q, mention, word, names):
            continue  # "told Reuters" read as reporting "Reuters": no statement
        if q.speaker == mention.name:  # the parse took the addressee for the speaker
            q = replace(q, speaker=None, speaker_mention=None)
        out.append(through(_past_addressee(q, mention, names), mention.name, method, True))
    return out


def _addressee(
    quote: Quote,
    quotes: list[Quote],
    names: OutletNames,
    find: Callable[[Token], OutletMention | None],
) -> tuple[OutletMention, Token] | None:
    """The outlet a word of the quote's attribution addresses: the cue itself, or a word
    below it outside what is said ("Speaking to AFP, X said", "X, who told AFP, said" is
    X's; "X told AFP A and Y said B" is not Y's)."""
    ctx = names.ctx
    cue = cue_token(quote, ctx)
    if cue is None:
        return None
    sent = ctx.doc.sentences[cue.sent]
    for tok in ctx.doc.tokens[sent.first : sent.last]:
        if tok.i != cue.i and not (ctx.tree.is_below(tok.i, cue.i) or tok.head == cue.i):
            continue
        if any(in_content(q, tok.start) for q in quotes if q is not quote) or (
            tok.i != cue.i and in_content(quote, tok.start)
        ):
            continue
        mention = find(tok)
        if mention is not None and _same_speaker(tok, cue, quote, names):
            return mention, tok
    return None


def _same_speaker(tok: Token, cue: Token, quote: Quote, names: OutletNames) -> bool:
    """Whether a word below the cue that has a subject of its own speaks for the quote's
    speaker ("X said ... Y told AFP" is Y's interview, not X's)."""
    if tok.i == cue.i or quote.speaker is None:
        return True
    subject = names.ctx.tree.child(tok.i, "nsubj")
    named = names.ctx.speakers.name_in(subject) if subject is not None else None
    return named is None or named == quote.speaker


def _is_the_outlet(quote: Quote, mention: OutletMention, word: Token, names: OutletNames) -> bool:
    """A quote cued by the telling word whose content is the outlet told."""
    cue = cue_token(quote, names.ctx)
    tokens = names.ctx.doc.tokens
    start, end = tokens[mention.first].start, tokens[mention.last - 1].end
    return cue is not None and cue.i == word.i and start <= quote.start and quote.end <= end


def _past_addressee(quote: Quote, mention: OutletMention, names: OutletNames) -> Quote:
    """Content that starts inside the addressee ("told SANA [reporter that eight ...]")
    starts after it, and after its "that"."""
    tokens, text = names.ctx.doc.tokens, names.ctx.doc.text
    if quote.parts or not tokens[mention.first].start <= quote.start < tokens[mention.last - 1].end:
        return quote
    i = mention.last
    if i < len(tokens) and tokens[i].text.casefold() == "that":
        i += 1
    if i >= len(tokens) or tokens[i].start >= quote.end:
        return quote
    start = tokens[i].start
    return replace(quote, start=start, text=text[start : quote.end])


def interviewed_by_outlet(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """ "In the hours before, the two women spoke to Reuters about ...": no statement of its
    own, but the quotes of the people it names were said to Reuters. "The two women" are
    the last two people the article named before it."""
    ctx = names.ctx
    people = {p.name for p in ctx.doc.people}
    interviewed: dict[str, str] = {}
    for tok in ctx.doc.tokens:
        if tok.lemma.casefold() not in {"speak", "talk"} or tok.tag == "VBG":
            continue
        mention = names.addressed(tok)
        subject = ctx.tree.subject(tok.i)
        if mention is None or subject is None or any(in_content(q, tok.start) for q in quotes):
            continue
        if any(cue_token(q, ctx) is tok for q in quotes):
            continue
        for person in _people_named(subject, quotes, names, people):
            interviewed.setdefault(person, mention.name)
    return [_interviewed(q, interviewed, quotes, names, people) for q in quotes]


def _interviewed(
    quote: Quote,
    interviewed: dict[str, str],
    quotes: list[Quote],
    names: OutletNames,
    people: set[str],
) -> Quote:
    """The quote through the outlet that interviewed its speaker, or its speakers ("Both
    women said": the last two people quoted before)."""
    if quote.via:
        return quote
    said = quote.speaker_mention
    if quote.speaker is None and said is not None:
        tokens = names.ctx.tokens_in(said.start, said.end)
        count = _counted(tokens[-1], names.ctx) if tokens else None
        earlier = [q.speaker for q in quotes if q.start < quote.start and q.speaker in people]
        speakers = list(dict.fromkeys(reversed(earlier)))[: count or 0]
        outlets = {interviewed.get(p) for p in speakers}
        if len(outlets) == 1 and None not in outlets:
            return through(quote, outlets.pop() or "", INTERVIEWED, True)
    if quote.speaker in interviewed:
        return through(quote, interviewed[quote.speaker], INTERVIEWED, True)
    return quote


def _people_named(
    subject: Token, quotes: list[Quote], names: OutletNames, people: set[str]
) -> list[str]:
    """The people a subject names: a person, "she", or "the two women" (the last two
    people named before it)."""
    ctx = names.ctx
    count = _counted(subject, ctx)
    if count is None:
        if subject.pos not in {"PROPN", "PRON"}:
            return []
        named = ctx.speakers.resolve(subject, quotes)
        return [named] if named in people else []
    before = [r.name for r in ctx.refs.before(subject.start, "person")]
    return list(dict.fromkeys(before))[:count]


_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}
_PEOPLE_NOUNS = frozenset(
    [
        "women",
        "men",
        "people",
        "brothers",
        "sisters",
        "residents",
        "survivors",
        "witnesses",
        "mothers",
        "fathers",
    ]
)


def _counted(subject: Token, ctx: QuoteContext) -> int | None:
    """N in "the two women", "both men": how many people a counted plural names."""
    if subject.text.casefold() not in _PEOPLE_NOUNS:
        return None
    for child in ctx.tree.children(subject.i, "nummod", "det", "predet", "quantmod"):
        if child.text.casefold() in _COUNTS:
            return _COUNTS[child.text.casefold()]
    return None
