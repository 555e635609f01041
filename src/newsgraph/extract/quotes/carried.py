"""The last rule of VIA_RULES: the other quotes of an interview (see outlets.py for why)."""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.extract.quotes.build import sentence_of
from newsgraph.extract.quotes.interviews import INTERVIEWS
from newsgraph.extract.quotes.outlet_phrases import OutletNames, cue_token, definite
from newsgraph.model import Quote
from newsgraph.nlp.pronouns import pronoun

CARRIED = "carried-forward"
_NAME_WORDS = re.compile(r"[\s\-\u2010-\u2014]+")  # "Maysa al-Aswad": maysa, al, aswad
# Nouns of an occasion other than the interview ("said in a statement", "told a briefing").
OTHER_OCCASIONS = frozenset([
    "statement", "conference", "briefing", "tweet", "twitter", "speech", "post", "facebook",
    "meeting", "session", "rally", "parliament", "communique", "release",
])  # fmt: skip
# Adverbs that put an interview before the article's ("told the Times then").
PAST_MARKERS = frozenset({"then", "previously", "once"})
# How many sentences an anaphor ("she said", "the source added") may follow its antecedent,
# and a person's quote may stand from another of the same interview.
MAX_ANAPHOR_GAP = 3
MAX_PERSON_GAP = 5


def carried_forward(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """The other quotes of an interview: the same person's around it, and those that point
    back to its speaker right after ("she said", "The source added")."""
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
    past = [_told_back_then(q, names) for q in quotes]
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
                and not past[m]
                and abs(sentence[m] - sentence[n]) <= MAX_PERSON_GAP
            ]
            if near:
                out[n] = replace(q, via=out[min(near)[1]].via, via_method=CARRIED)
                changed = True
    return out


def _told_back_then(quote: Quote, names: OutletNames) -> bool:
    """ "Graham told The New York Times then": an earlier interview, not this article's."""
    cue = cue_token(quote, names.ctx)
    if cue is None:
        return False
    return any(a.text.casefold() in PAST_MARKERS for a in names.ctx.tree.children(cue.i, "advmod"))


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
    last = _NAME_WORDS.split(tokens[-1].text.casefold())[-1]
    return last in _NAME_WORDS.split(quote.speaker.casefold())


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
    both = quote.speaker is not None and antecedent.speaker is not None
    if both and quote.speaker != antecedent.speaker:
        return False
    said, before = quote.speaker_mention, antecedent.speaker_mention
    if said is None:
        return quote.cue is None
    tokens = names.ctx.tokens_in(said.start, said.end)
    said_by = pronoun(tokens[0]) if len(tokens) == 1 else None
    if said_by is not None and (said_by.a_person or said_by.person in {"1", "2"}):
        return True  # "she said"; "I", "we", "you" in the interviewee's unmarked words
    if before is None or not definite(tokens):
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
