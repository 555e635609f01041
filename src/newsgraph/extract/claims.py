"""Linking event mentions: clauses of one event, claims inside quotes, threats, allegations.

- One event per occurrence: "X was killed when Y attacked Z" is one ASSAULT; the same
  event coded twice in a sentence is merged, its other evidence kept.
- An event inside a quote is the speaker's claim (`claimed_by`, `via`), not the article's.
- A speech act in a quote (an accusation, a threat) is the speaker's own act.
- A quote in which one party says another acts alongside an armed group (or does wrong) is
  an allegation: ACCUSE by the speaker's side against that party.
- "The assaults" with no named attacker borrows the attackers of the nearest other assault.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsgraph.extract.arguments import Arguments
from newsgraph.extract.dates import DayReading
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.model import Doc, EventStatus, Quote, Token
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.references import References
from newsgraph.words import words

SPEECH_ACTS = frozenset({"ACCUSE", "THREATEN", "REJECT", "REQUEST", "PROTEST", "APPEAL"})
RECIPROCAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})
PARTY_KINDS = frozenset({"country", "armed_group", "alliance", "organisation", "government_body"})
# Words that make a statement about another party an allegation of wrongdoing.
WRONGDOING = words(
    "lie lied lying false fabricate fabricated illegal illegally violate violated violation "
    "crime crimes terrorist terrorists collude colluded complicit cover-up deliberately"
)
_LINKS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "acl"})


@dataclass(frozen=True, slots=True)
class Scene:
    """What the linking rules look at: the document, its tree, references and arguments."""

    doc: Doc
    tree: Tree
    refs: References
    args: Arguments
    is_place: Callable[[str], bool] = lambda name: False  # the gazetteer knows it as a place

    @property
    def monitors(self) -> frozenset[str]:
        """Monitors and rights groups the article names: they count and report."""
        return frozenset(a.name for a in self.doc.actors if a.side == "monitor")


@dataclass(slots=True)
class Draft:
    """An event being assembled from one trigger."""

    tok: Token
    trigger: Trigger
    type: str
    mode: str | None = None
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    killed: tuple[str, ...] = ()
    injured: tuple[str, ...] = ()
    status: EventStatus = "asserted"
    claimed_by: str | None = None
    via: tuple[str, ...] = ()
    quote: Quote | None = None
    definite: bool = False
    plural_subject: bool = False
    via_noun: Token | None = None
    method: str = "trigger"
    also: list[Token] = field(default_factory=list)
    intent: bool = False  # a stated intent recoded as AGREE or THREATEN ("will send aid")
    content_of: Draft | None = None  # the act whose content this is ("agreed to *set up*")
    # What the mention states beside its parties (extract/event_facts.py)
    places: tuple[str, ...] = ()
    spots: tuple[str, ...] = ()  # the places narrower than a province: where exactly
    referred: bool = False  # the places are those "the town" refers to, not named here
    date_text: str | None = None
    reading: DayReading | None = None
    weapon: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    approximate: bool = False
    fatalities_text: str | None = None
    injuries_text: str | None = None
    suspected: bool = False
    clause: tuple[int, int] = (0, 0)  # characters of the trigger's clause
    headline: bool = False  # told in the headline at the top of the text
    nested: bool = False  # inside another event's phrase


def merge_linked(drafts: list[Draft], scene: Scene) -> list[Draft]:
    """Merge triggers of one occurrence: a clause of the same type, or an event noun as subject."""
    by_head: dict[int, list[int]] = defaultdict(list)  # token index -> drafts it heads
    by_token: dict[int, list[int]] = defaultdict(list)
    for n, draft in enumerate(drafts):
        by_head[draft.tok.head].append(n)
        by_token[draft.tok.i].append(n)
    absorbed: set[int] = set()
    for a in drafts:
        if a.tok.i not in absorbed:
            _merge_into(a, drafts, by_head, by_token, absorbed)
    return [d for d in drafts if d.tok.i not in absorbed]


def _merge_into(
    a: Draft,
    drafts: list[Draft],
    by_head: dict[int, list[int]],
    by_token: dict[int, list[int]],
    absorbed: set[int],
) -> None:
    """Absorb into `a` every draft linked to it, visiting drafts in list order.

    Only drafts headed by a token `a` owns, or on its event noun, can link, so those are the
    only ones visited (in the order a scan of the whole list would meet them): scanning every
    draft for every draft took minutes on one long unbroken text.
    """
    queue = [n for i in {a.tok.i, *(t.i for t in a.also)} for n in by_head[i]]
    if a.via_noun is not None:
        queue += by_token[a.via_noun.i]
    heapq.heapify(queue)
    last = -1
    while queue:
        n = heapq.heappop(queue)
        b = drafts[n]
        if n == last or a is b or b.tok.i in absorbed or b.type != a.type:
            last = n
            continue
        if a.tok.i in absorbed:  # a draft on a's own token was absorbed: a is spent
            return
        last = n
        owned = {a.tok.i, *(t.i for t in a.also)}  # "killing 12 and wounding 20": both
        linked = (b.tok.head in owned and b.tok.dep in _LINKS) or a.via_noun is b.tok
        if linked and a.tok.sent == b.tok.sent:
            if a.via_noun is b.tok and b.mode:
                # "a suicide bombing killed ...": the noun says how, and its code is finer
                a.mode = b.mode
                a.trigger = replace(a.trigger, cameo=b.trigger.cameo or a.trigger.cameo)
            _absorb(a, b)
            absorbed.add(b.tok.i)
            if b.tok.i not in owned:  # drafts b heads link from now on, those after it only
                for m in by_head[b.tok.i]:
                    if m > n:
                        heapq.heappush(queue, m)


def _absorb(a: Draft, b: Draft) -> None:
    a.actor = a.actor or b.actor
    a.recipient = _union(a.recipient, b.recipient)
    a.killed = _union(a.killed, b.killed)
    a.injured = _union(a.injured, b.injured)
    victims = {*a.killed, *a.injured, *a.actor}
    a.recipient = tuple(n for n in a.recipient if n not in victims)
    a.mode = a.mode or b.mode
    a.also.append(b.tok)


def _union(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*a, *b]))


def attach_quotes(drafts: list[Draft], scene: Scene) -> list[Draft]:
    """Events said inside a quote become the speaker's claims or the speaker's own acts."""
    for draft in drafts:
        quote = _innermost_quote(draft.tok, scene.doc.quotes)
        if draft.plural_subject and draft.type in RECIPROCAL:
            start = quote.start if quote else draft.tok.start
            pair = scene.args.recent_subjects(start, 2)
            draft.actor, draft.recipient = pair[:1], pair[1:]
        if quote is None or (quote.speaker is None and quote.speaker_mention is None):
            continue
        if draft.status == "asserted" and draft.type not in SPEECH_ACTS:
            # told as someone's word, named or not ("a source said"); a speech act told in a
            # statement is still an act that happened ("he accused ...", "she called for ...")
            draft.status = "claimed"
        if quote.speaker is None:
            draft.quote = quote
            draft.claimed_by = quote.speaker_mention.text if quote.speaker_mention else None
            draft.via = quote.via
            continue
        side = _side(quote.speaker, scene)
        draft.quote, draft.claimed_by = quote, quote.speaker
        draft.via = _outlets(quote, scene)
        if draft.type in SPEECH_ACTS and (
            draft.trigger.source == "future-coercion" or not draft.actor
        ):
            draft.actor = side
        if draft.type in SPEECH_ACTS and not _others(draft.recipient, side):
            draft.recipient = _parties_in(quote, scene, exclude=side)
    return drafts


def _innermost_quote(tok: Token, quotes: Sequence[Quote]) -> Quote | None:
    holding = [q for q in quotes if q.start <= tok.start < q.end]
    return min(holding, key=lambda q: q.end - q.start) if holding else None


def _side(speaker: str, scene: Scene) -> tuple[str, ...]:
    """The speaker and the party they speak for."""
    affiliation = scene.refs.affiliation.get(speaker)
    return (speaker, affiliation) if affiliation else (speaker,)


def _outlets(quote: Quote, scene: Scene) -> tuple[str, ...]:
    """The outlets an event passed through, from its origin to this article."""
    origin = (quote.speaker,) if quote.speaker and scene.refs.is_media(quote.speaker) else ()
    return (*origin, *quote.via)


def _others(names: Sequence[str], side: Sequence[str]) -> tuple[str, ...]:
    return tuple(n for n in names if n not in side)


def _parties_in(quote: Quote, scene: Scene, exclude: Sequence[str]) -> tuple[str, ...]:
    """Parties (not outlets) named in a quote's content, outside place phrases."""
    tokens = [t.i for t in scene.doc.tokens if quote.start <= t.start < quote.end]
    names = scene.args.in_range(tokens, exclude=exclude)
    return tuple(n for n in names if scene.refs.kind_of_actor.get(n) in PARTY_KINDS)


def find_allegations(drafts: list[Draft], scene: Scene) -> list[Draft]:
    """ACCUSE events for quotes in which one party says another acts with an armed group or wrongly."""
    found: list[Draft] = []
    for quote in scene.doc.quotes:
        if any(d.quote is quote and d.type in SPEECH_ACTS for d in drafts):
            continue
        if quote.speaker is None:
            quote = _speaker_from_mention(quote, scene)
        if quote.speaker is None or _witness(quote.speaker, scene):
            continue
        draft = _allegation(quote, scene)
        if draft is not None:
            found.append(draft)
    return found


def _witness(speaker: str, scene: Scene) -> bool:
    """A monitor or an outlet telling what happened reports; it does not accuse ("the
    Observatory said 48 people were executed by government forces")."""
    return scene.refs.kind_of_actor.get(speaker) == "media" or speaker in scene.monitors


def _speaker_from_mention(quote: Quote, scene: Scene) -> Quote:
    """A quote whose speaker the quote stage left unresolved, spoken by the party its speaker's
    words name ("The Syrian Coalition, an opposition group based outside the country")."""
    mention = quote.speaker_mention
    if mention is None:
        return quote
    named = scene.refs.within(mention.start, mention.end, "actor", "person")
    return replace(quote, speaker=named[0].name) if named else quote


def _allegation(quote: Quote, scene: Scene) -> Draft | None:
    side = _side(quote.speaker or "", scene)
    tokens = [t for t in scene.doc.tokens if quote.start <= t.start < quote.end]
    words = {t.lemma.casefold() for t in tokens} | {t.text.casefold() for t in tokens}
    for tok in tokens:
        subject = scene.tree.child(tok.i, "nsubj") if tok.pos == "VERB" else None
        if subject is None:
            continue
        accused = tuple(
            n
            for n in _others(scene.args.names(subject, whole=False, by_name=True), side)
            if scene.refs.kind_of_actor.get(n) in PARTY_KINDS
        )
        if not accused:
            continue
        groups = set(_parties_in(quote, scene, exclude=(*side, *accused)))
        armed = any(scene.refs.kind_of_actor.get(g) == "armed_group" for g in groups)
        if armed or words & WRONGDOING:
            return Draft(
                tok=tok,
                trigger=Trigger("ACCUSE", "112", "allege", "allegation"),
                type="ACCUSE",
                mode="allege",
                actor=side,
                recipient=accused,
                claimed_by=quote.speaker,
                via=_outlets(quote, scene),
                quote=quote,
                method="allegation",
            )
    return None


def bridge_definite(drafts: list[Draft], scene: Scene) -> list[Draft]:
    """ "The assaults" with no attacker named: the attackers of the nearest other assault, told
    in the plural too or named by its owner, that is not aimed at them."""
    for draft in drafts:
        if draft.actor or not draft.definite or draft.tok.tag != "NNS":
            continue
        others = [
            d
            for d in drafts
            if d is not draft
            and d.type == draft.type
            and d.actor
            and d.tok.pos == "NOUN"
            and d.status == "asserted"
            and not set(d.actor) & set(draft.recipient)
        ]
        if others:
            nearest = min(others, key=lambda d: abs(d.tok.start - draft.tok.start))
            draft.actor = nearest.actor
            draft.method = "trigger+bridging"
    return drafts
