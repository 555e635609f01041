"""The last table of stage quotes.v1: the outlets each statement passed through on its way to
the article (`Quote.via`, origin side first), read in the words around its attribution. Each
rule's name is the `via_method` of the quotes it settles:

    rule (= via_method)     fires on
    cited-by-outlet         '"...," Sham FM reported, citing an official': the official speaks
                            via Sham FM; "the Observatory quoted sources as saying that ..."
    outlet-reported         "Lavrov said ..., Interfax news agency reported": Lavrov via
                            Interfax, and Interfax's wrapper quote goes
    outlet-staff            "SANA reporter said", "the reporter added": the outlet speaks
    told-outlet             "X told Reuters", "reaffirmed to Asharq Al-Awsat", "told SANA reporter"
    speaking-to-outlet      "Speaking (exclusively) to AFP, X said"
    interview-with-outlet   "In an interview with Al Arabiya, X called on", "in a phone call with"
    interviewed-by-outlet   "the two women spoke to Reuters about ...": no quote of its own, the
                            quotes of the people it names
    carried-forward         the other quotes of one interview (below)

"Citing X, the AP said" and "..., according to RIA" fill `via` where those quotes are found
(`citing`, `according-to`).

Only outlets become `via` (`outlet_phrases.py`): "told reporters" and "told parliament" name
an audience, not a channel.

Who was interviewed was interviewed for the stretch of the article that quotes them: a person
who spoke to an outlet ("she told AFP by telephone") said their quotes around it to that outlet
too, before it as after, each within a few sentences of the next, unless their attribution
names another occasion ("in a statement", "told reporters") or another outlet. An unnamed source is followed only as far as the article keeps
pointing back to it ("A source told SANA ... The source added", "he told AFP ... he said").
Organisations are not carried: a monitor that told AFP one thing issued its other figures to
everyone.

A wire's dateline or byline ("(Reuters) -") says who wrote the story, not whom a speaker
spoke to: the wire's own reporting reaches the article through no outlet in between, and a
quote gets the wire as `via` only where the text says so ("told Reuters"). Likewise the
article's own publisher is never added unless the text names it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsgraph.extract.cues import CUE_VERBS
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quotes.build import sentence_of
from newsgraph.extract.quotes.outlet_phrases import (
    STAFF,
    OutletMention,
    OutletNames,
    cue_token,
    in_content,
)
from newsgraph.model import Quote, Token
from newsgraph.nlp.pronouns import pronoun
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.outlets import Outlets

CITED = "cited-by-outlet"
REPORTED = "outlet-reported"
STAFF_SPEAKS = "outlet-staff"
TOLD = "told-outlet"
SPEAKING = "speaking-to-outlet"
INTERVIEW = "interview-with-outlet"
INTERVIEWED = "interviewed-by-outlet"
CARRIED = "carried-forward"
# The rules that say a speaker was interviewed by the outlet: their other quotes follow.
INTERVIEWS = frozenset({TOLD, SPEAKING, INTERVIEW, INTERVIEWED})
# Verbs an outlet reports with at the end of a sentence ("..., Interfax reported").
REPORTING = frozenset({"report", "say"})
# Nouns of an occasion other than the interview ("said in a statement", "told a briefing").
OTHER_OCCASIONS = frozenset(
    """statement conference briefing tweet twitter speech post facebook meeting session rally
    parliament communique release""".split()
)
# How many sentences an anaphor ("she said", "the source added") may follow its antecedent,
# and a person's quote may stand from another of the same interview.
MAX_ANAPHOR_GAP = 3
MAX_PERSON_GAP = 5


@dataclass(frozen=True, slots=True)
class ViaRule:
    """A named rule over the document's quotes; its name is the `via_method` of the quotes
    whose outlets (or, for an outlet's own staff, whose speaker) it settles."""

    method: str
    apply: Callable[[list[Quote], OutletNames], list[Quote]]


def with_outlets(
    quotes: Sequence[Quote], ctx: QuoteContext, table: Outlets, lexicon: ActorLexicon
) -> list[Quote]:
    """The quotes with their outlets, each rule of VIA_RULES applied in order."""
    names = OutletNames(ctx, table, lexicon)
    found = sorted(quotes, key=lambda q: (q.start, q.end))
    for rule in VIA_RULES:
        found = rule.apply(found, names)
    return found


def _through(quote: Quote, outlet: str, method: str, nearest_origin: bool) -> Quote:
    """The quote passed through `outlet`, put on the origin side of the outlets it has or on
    the article's side."""
    if outlet in quote.via or outlet == quote.speaker:
        return quote
    via = (outlet, *quote.via) if nearest_origin else (*quote.via, outlet)
    return replace(quote, via=via, via_method=method)


# --- cited-by-outlet -------------------------------------------------------------------------


def cited_by_outlet(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """An outlet citing someone relays them: '"...," Sham FM reported, citing an official'
    is the official's, via Sham FM; "the Observatory quoted sources as saying that ..." is the
    sources'; a quote told inside what is cited ("said, citing medics who described it as
    ...") is the medics', via the citer. A monitor citing its sources still speaks itself:
    its figures are its own findings."""
    ctx = names.ctx
    citing_cues: set[int] = set()
    out = []
    for q in quotes:
        cue = cue_token(q, ctx)
        cited = names.cited(cue) if cue is not None else None
        if cue is not None and cited is not None:
            if ctx.refs.is_media(q.speaker or "") and ctx.speakers.name_in(cited) != q.speaker:
                citing_cues.add(ctx.doc.tokens[cited.head].i)  # its "content" is the source
                q = _relayed(q, cited, q.speaker or "", names)
        elif cue is not None:
            q = _quoted_as_saying(q, cue, names) or q
        out.append(q)
    out = [q for q in out if (tok := cue_token(q, ctx)) is None or tok.i not in citing_cues]
    return [_told_inside_citation(q, out, names) for q in out]


def _relayed(quote: Quote, source: Token, outlet: str, names: OutletNames) -> Quote:
    """The quote said by `source` and passed on by `outlet`."""
    speakers = names.ctx.speakers
    moved = replace(quote, speaker=speakers.name_in(source), speaker_mention=speakers.mention(source))
    return replace(_through(moved, outlet, CITED, nearest_origin=True), via_method=CITED)


def _quoted_as_saying(quote: Quote, cue: Token, names: OutletNames) -> Quote | None:
    """ "X quoted Y as saying ...": Y said it, via X when X is an outlet."""
    tree, tokens = names.ctx.tree, names.ctx.doc.tokens
    if cue.tag != "VBG" or cue.dep != "pcomp" or cue.head == cue.i:
        return None
    prep = tokens[cue.head]
    verb = tokens[prep.head]
    if prep.text.casefold() != "as" or verb.lemma.casefold() != "quote":
        return None
    source, quoter = tree.child(verb.i, "dobj", "obj"), _speaker_of(verb, quote, names)
    if source is None or not names.is_outlet(quoter):
        return None
    return _relayed(quote, source, quoter or "", names)


def _told_inside_citation(quote: Quote, quotes: list[Quote], names: OutletNames) -> Quote:
    """ "... the Observatory said citing medical sources who described it as ...": the
    medics' words reached the article through the Observatory."""
    ctx = names.ctx
    said = quote.speaker_mention
    if said is None or quote.via:
        return quote
    for other in quotes:
        cue = cue_token(other, ctx)
        cited = names.cited(cue) if cue is not None else None
        if other is quote or cue is None or cited is None:
            continue
        first, last = ctx.tree.span(cited.i)
        tokens = ctx.doc.tokens
        if tokens[first].start <= said.start and said.end <= tokens[last - 1].end:
            citer = _speaker_of(cue, other, names)
            if names.is_outlet(citer) and citer != quote.speaker:
                return _through(quote, citer or "", CITED, nearest_origin=True)
    return quote


def _speaker_of(verb: Token, quote: Quote, names: OutletNames) -> str | None:
    """Who says `verb`: the quote's speaker, else its subject's name, else the actor named
    right before it (the parse of unpunctuated text often loses the subject)."""
    ctx = names.ctx
    if quote.speaker is not None and names.is_outlet(quote.speaker):
        return quote.speaker
    subject = ctx.tree.subject(verb.i)
    named = ctx.speakers.name_in(subject) if subject is not None else None
    if named is not None:
        return named
    before = ctx.refs.before(verb.start, "actor")
    if before and ctx.doc.text[before[0].end : verb.start].strip() == "":
        return before[0].name
    return None


# --- outlet-reported -------------------------------------------------------------------------


def outlet_reported(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """An outlet that reports another speaker's statement relays it: "Lavrov said ...,
    Interfax reported" and "SANA reported that the army said ..." are the speaker's, via the
    outlet, and the outlet's quote of nothing but that statement goes."""
    ctx = names.ctx
    wrappers: set[int] = set()
    out = list(quotes)
    for n, outer in enumerate(out):
        if not names.is_outlet(outer.speaker):
            continue
        for m, inner in enumerate(out):
            cue = cue_token(inner, ctx)
            if m == n or cue is None or inner.speaker == outer.speaker:
                continue
            if cue.lemma.casefold() not in CUE_VERBS:
                continue  # "Russian jets struck ...": a deed told, no statement relayed
            if not in_content(outer, cue.start):
                continue
            out[m] = _through(inner, outer.speaker or "", REPORTED, nearest_origin=False)
            if not in_content(outer, ctx.doc.tokens[cue.head].start) or cue.head == cue.i:
                wrappers.add(n)  # the statement is all the outlet's quote reports
    out = [q for n, q in enumerate(out) if n not in wrappers]
    for sent_index, mention, verb in _closing_reports(names):
        out = [_closing(q, sent_index, mention, verb, names) for q in out]
        out = [q for q in out if q is not None and not _wraps_only(q, verb, out, names)]
    return out


def _closing_reports(names: OutletNames) -> list[tuple[int, OutletMention, Token]]:
    """Sentences that end "... OUTLET [news agency] reported.", with the outlet and its verb."""
    tokens, found = names.ctx.doc.tokens, []
    for s, sent in enumerate(names.ctx.doc.sentences):
        words = [t for t in tokens[sent.first : sent.last] if t.pos != "PUNCT"]
        if len(words) < 4 or words[-1].lemma.casefold() not in REPORTING:
            continue
        verb = words[-1]
        for first in range(verb.i - 1, max(sent.first, verb.i - 6) - 1, -1):
            mention = names.at(first)
            if mention is not None and mention.first == first:
                rest = tokens[mention.last : verb.i]
                if all(t.text.casefold() in {"news", "agency", "tv", "radio"} for t in rest):
                    found.append((s, mention, verb))
                break
    return found


def _closing(
    quote: Quote, sent_index: int, mention: OutletMention, verb: Token, names: OutletNames
) -> Quote | None:
    """A quote of the sentence a closing "OUTLET reported" ends: through the outlet, its
    content no longer running into the outlet's words."""
    ctx = names.ctx
    cue = cue_token(quote, ctx)
    if cue is None or cue.i == verb.i or sentence_of(ctx.doc, quote) != sent_index:
        return quote
    if quote.speaker == mention.name or cue.i >= mention.first:
        return quote
    start = ctx.doc.tokens[mention.first].start
    if quote.start < start < quote.end and not quote.parts:
        text = ctx.doc.text[quote.start : start].rstrip(" ,\"'\u201d")
        if not text:
            return None
        quote = replace(quote, end=quote.start + len(text), text=text)
    return _through(quote, mention.name, REPORTED, nearest_origin=False)


def _wraps_only(quote: Quote, verb: Token, quotes: list[Quote], names: OutletNames) -> bool:
    """The closing outlet's own quote, when what it reports is others' quotes."""
    cue = cue_token(quote, names.ctx)
    if cue is None or cue.i != verb.i:
        return False
    return any(q is not quote and REPORTED == q.via_method and q.start >= quote.start for q in quotes)


# --- outlet-staff ----------------------------------------------------------------------------


def outlet_staff(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """An outlet's own reporter speaks for the outlet: "SANA reporter said", "an AFP
    correspondent John Smith said", and "the reporter added" after one of them."""
    ctx, out = names.ctx, []
    latest: str | None = None
    for q in quotes:
        said = q.speaker_mention
        tokens = ctx.tokens_in(said.start, said.end) if said is not None else []
        mention = next((m for t in tokens if (m := names.at(t.i)) and m.first == t.i), None)
        staff = any(t.text.casefold() in STAFF for t in tokens)
        if mention is not None and staff:
            latest = mention.name
            if q.speaker != mention.name:
                q = replace(q, speaker=mention.name, via_method=STAFF_SPEAKS)
        elif latest is not None and _definite(tokens) and tokens[-1].text.casefold() in STAFF:
            q = replace(q, speaker=latest, via_method=STAFF_SPEAKS)
        out.append(q)
    return out


def _definite(tokens: list[Token]) -> bool:
    return len(tokens) >= 2 and tokens[0].text.casefold() == "the"


# --- told-outlet, speaking-to-outlet, interview-with-outlet ---------------------------------


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
        out.append(_through(_past_addressee(q, mention, names), mention.name, method, True))
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


# --- interviewed-by-outlet -------------------------------------------------------------------


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
    women said")."""
    if quote.via:
        return quote
    said = quote.speaker_mention
    if quote.speaker is None and said is not None:
        tokens = names.ctx.tokens_in(said.start, said.end)
        speakers = _people_named(tokens[-1], quotes, names, people) if tokens else []
        outlets = {interviewed.get(p) for p in speakers}
        if len(outlets) == 1 and None not in outlets:
            return _through(quote, outlets.pop() or "", INTERVIEWED, True)
    if quote.speaker in interviewed:
        return _through(quote, interviewed[quote.speaker], INTERVIEWED, True)
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
    "women men people brothers sisters residents survivors witnesses mothers fathers".split()
)


def _counted(subject: Token, ctx: QuoteContext) -> int | None:
    """N in "the two women", "both men": how many people a counted plural names."""
    if subject.text.casefold() not in _PEOPLE_NOUNS:
        return None
    for child in ctx.tree.children(subject.i, "nummod", "det", "predet", "quantmod"):
        if child.text.casefold() in _COUNTS:
            return _COUNTS[child.text.casefold()]
    return None


# --- carried-forward -------------------------------------------------------------------------


def carried_forward(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """The other quotes of an interview: the same person's, anywhere in the article, and
    those that point back to its speaker right after ("she said", "The source added")."""
    return _anaphors(_same_person(quotes, names), names)


def _same_person(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """A person's quotes near their interview, before it or after, one leading to the next,
    each from the nearest: a politician quoted all over a long article spoke on other
    occasions too. Only quotes that name the person (or say "he", "she") count, so that a
    speaker resolved wrongly ("campaign manager Robby Mook" taken for Clinton) spreads
    nothing."""
    doc = names.ctx.doc
    people = {p.name for p in doc.people}
    sentence = [sentence_of(doc, q) for q in quotes]
    named = [q.speaker in people and _names_its_speaker(q, names) for q in quotes]
    out = list(quotes)
    changed = True
    while changed:
        changed = False
        for n, q in enumerate(out):
            if not named[n] or q.via or _other_occasion(q, names):
                continue
            near = [
                (abs(sentence[m] - sentence[n]), m)
                for m, o in enumerate(out)
                if named[m]
                and o.speaker == q.speaker
                and o.via
                and o.via_method in (*INTERVIEWS, CARRIED)
                and abs(sentence[m] - sentence[n]) <= MAX_PERSON_GAP
            ]
            if near:
                out[n] = replace(q, via=out[min(near)[1]].via, via_method=CARRIED)
                changed = True
    return out


def _names_its_speaker(quote: Quote, names: OutletNames) -> bool:
    """Whether the words naming the speaker end in the speaker's name ("Sen. Lindsey
    Graham", "Graham") or are "he" or "she"."""
    said = quote.speaker_mention
    if said is None or quote.speaker is None:
        return False
    tokens = names.ctx.tokens_in(said.start, said.end)
    if not tokens:
        return False
    if len(tokens) == 1 and (p := pronoun(tokens[0])) is not None and p.a_person:
        return True
    return tokens[-1].text.casefold() in quote.speaker.casefold().split()


def _anaphors(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    ctx = names.ctx
    out: list[Quote] = []
    chain: Quote | None = None  # the latest quote of an interview
    for q in quotes:
        here = sentence_of(ctx.doc, q)
        if chain is not None and here - sentence_of(ctx.doc, chain) > MAX_ANAPHOR_GAP:
            chain = None
        if q.via_method in INTERVIEWS or (q.via_method == CARRIED and q.via):
            chain = q
        elif q.via:
            chain = None
        elif chain is not None and _points_back(q, chain, names):
            if not _other_occasion(q, names):
                q = replace(q, via=chain.via, via_method=CARRIED)
            chain = q
        elif q.speaker is not None or q.speaker_mention is not None:
            chain = None  # someone else speaks
        out.append(q)
    return out


def _points_back(quote: Quote, antecedent: Quote, names: OutletNames) -> bool:
    """Whether a quote's speaker is the antecedent's, named again by a pronoun ("he", "she"),
    a definite noun with the same head ("A source ... The source added"), or not at all (a
    quotation continued)."""
    if quote.speaker is not None and antecedent.speaker is not None:
        if quote.speaker != antecedent.speaker:
            return False
    said, before = quote.speaker_mention, antecedent.speaker_mention
    if said is None:
        return quote.cue is None
    tokens = names.ctx.tokens_in(said.start, said.end)
    said_by = pronoun(tokens[0]) if len(tokens) == 1 else None
    if said_by is not None and (said_by.a_person or said_by.person in {"1", "2"}):
        return True  # "she said"; "I", "we", "you" in the interviewee's unmarked words
    if before is None or not _definite(tokens):
        return False
    heads = names.ctx.tokens_in(before.start, before.end)
    return bool(heads) and heads[-1].lemma.casefold() == tokens[-1].lemma.casefold()


def _other_occasion(quote: Quote, names: OutletNames) -> bool:
    """Whether the quote's attribution names an occasion other than an interview: "said in a
    statement", "told reporters", "said at a news conference"."""
    ctx = names.ctx
    cue = cue_token(quote, ctx)
    if cue is None:
        return False
    if cue.lemma.casefold() == "tell" and ctx.tree.child(cue.i, "dobj", "dative") is not None:
        return True
    for prep in ctx.tree.children(cue.i, "prep"):
        obj = ctx.tree.child(prep.i, "pobj")
        if obj is not None and obj.lemma.casefold() in OTHER_OCCASIONS:
            return True
    return False


VIA_RULES: tuple[ViaRule, ...] = (
    ViaRule(CITED, cited_by_outlet),  # '"...," Sham FM reported, citing an official'
    ViaRule(REPORTED, outlet_reported),  # "Lavrov said ..., Interfax reported"
    ViaRule(STAFF_SPEAKS, outlet_staff),  # "SANA reporter said", "the reporter added"
    ViaRule(TOLD, told_outlet),  # "X told Reuters", "reaffirmed to Asharq Al-Awsat"
    ViaRule(SPEAKING, speaking_to_outlet),  # "Speaking to AFP, X said"
    ViaRule(INTERVIEW, interview_with_outlet),  # "In an interview with Al Arabiya, X ..."
    ViaRule(INTERVIEWED, interviewed_by_outlet),  # "the two women spoke to Reuters"
    ViaRule(CARRIED, carried_forward),  # the same person's other quotes; "she said" after
)

