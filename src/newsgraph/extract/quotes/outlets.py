"""The last table of stage quotes.v1: the outlets each statement passed through on its way to
the article (`Quote.via`, origin side first), read in the words around its attribution. Each
rule's name is the `via_method` of the quotes it settles; the rules live in `relays.py` (an
outlet passes a statement on), `interviews.py` (a speaker spoke to an outlet) and
`carried.py`, the outlets and the phrases naming them in `outlet_phrases.py`:

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
names another occasion ("in a statement", "told reporters"), another outlet, or an earlier
time ("told the Times then"). An unnamed source is followed only as far as the article keeps
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
from dataclasses import dataclass

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quotes.carried import CARRIED, carried_forward
from newsgraph.extract.quotes.interviews import (
    INTERVIEW,
    INTERVIEWED,
    SPEAKING,
    TOLD,
    interview_with_outlet,
    interviewed_by_outlet,
    speaking_to_outlet,
    told_outlet,
)
from newsgraph.extract.quotes.outlet_phrases import OutletNames
from newsgraph.extract.quotes.relays import (
    CITED,
    REPORTED,
    STAFF_SPEAKS,
    cited_by_outlet,
    outlet_reported,
    outlet_staff,
)
from newsgraph.model import Quote
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.outlets import Outlets


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
