"""Events: who did what to whom, coded in PLOVER, one record per incident.

The stage in order: triggers (`extract/event_triggers.py`: the CAMEO/PLOVER lexicon, weapons,
ground taken), the mention's parties from the dependency parse (`extract/event_arguments.py`,
`extract/event_actors.py`), its status (said to have happened, claimed, negated, planned),
the linking of clauses, quotes and allegations (`extract/claims.py`, `extract/event_frames.py`),
the facts of each mention (`extract/event_facts.py`), the parties as analysts file them
(`extract/event_parties.py`), then the vetoes and the grouping into incidents
(`extract/incidents.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from newsgraph.extract.arguments import Arguments
from newsgraph.extract.claims import (
    Draft,
    Scene,
    attach_quotes,
    bridge_definite,
    find_allegations,
    merge_linked,
)
from newsgraph.extract.event_actors import noun_actor
from newsgraph.extract.event_arguments import (
    gerund_noun,
    noun_arguments,
    protest_target,
    verb_arguments,
)
from newsgraph.extract.event_facts import (
    extent,
    share_tolls,
    state_facts,
    toll_mentions,
)
from newsgraph.extract.event_frames import FUTURE, nest, nested_under_another, recode_intent
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.extract.event_parties import Parties, Sides, home_state
from newsgraph.extract.event_triggers import modal_of, recode_capture, trigger_of
from newsgraph.extract.incident_vetoes import veto
from newsgraph.extract.incidents import build_event, group, thin
from newsgraph.model import Doc, Event, Token
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.place_focus import focus_country
from newsgraph.resolve.references import References

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "events.v1"
MODAL_MAYBE = frozenset({"could", "may", "might", "should", "can", "must"})


# What happens to a document's event mentions after its triggers are read, in order. Each
# pass takes the mentions so far and gives the mentions after it; a pass that finds new
# mentions names the `method` they carry ("allegation", "toll"; "trigger+bridging" for a
# definite description linked back to its act; "trigger" for the lexicon's own).
Pass = Callable[[list[Draft], Scene], list[Draft]]


def _adding(find: Callable[[list[Draft], Scene], list[Draft]]) -> Pass:
    """A pass that keeps every mention and adds what `find` finds among them."""

    def run(drafts: list[Draft], scene: Scene) -> list[Draft]:
        return drafts + find(drafts, scene)

    return run


PASSES: tuple[tuple[str, Pass], ...] = (
    ("nest", nest),  # a trigger inside another's content is part of that act
    ("merge-linked", merge_linked),  # clauses and gerunds of one act ("attacked and killed")
    ("attach-quotes", attach_quotes),  # an act told inside a quote is its speaker's claim
    ("allegation", _adding(find_allegations)),  # "X accused Y of ...": an ACCUSE of its own
    ("bridging", bridge_definite),  # "the attack" linked back to the act it names
    ("toll", _adding(toll_mentions)),  # "20 people were killed": a toll with no trigger word
)


def extract_events(doc: Doc, res: Resources) -> Doc:
    """Stage: one PLOVER record per incident, with its parties, place, day, toll and sources."""
    tree = Tree(doc.tokens)
    refs = References(doc)
    sides = Sides(res.events.roles, home_state(doc), _adjective(res), _country_of(res))
    is_place = _gazetteer_knows(res)
    scene = Scene(doc, tree, refs, Arguments(doc, tree, refs, sides), is_place)
    drafts = [
        _draft(tok, trigger, scene)
        for tok in doc.tokens
        if (trigger := trigger_of(tok, scene, res)) is not None
    ]
    for _name, run in PASSES:
        drafts = run(drafts, scene)
    _state_facts(drafts, scene)
    _name_parties(drafts, Parties(doc, sides, is_place))
    focus = partial(focus_country, doc, res.gazetteer)  # asked only when an incident needs it
    return replace(doc, events=tuple(_incidents(drafts, scene, focus)))


def _state_facts(drafts: list[Draft], scene: Scene) -> None:
    """Each mention's place, day, toll and mode, then the tolls shared across mentions."""
    for draft in drafts:
        if draft.type == "PROTEST" and not draft.recipient:
            draft.recipient = protest_target(draft, scene)
        state_facts(draft, scene, extent(draft, scene))
        draft.headline = _in_headline(draft, scene.doc)
    share_tolls(drafts, scene)


def _name_parties(drafts: list[Draft], parties: Parties) -> None:
    """The parties as analysts file them: sides, states, no witnesses or places."""
    for draft in drafts:
        draft.actor = parties.clean(draft.actor, acting=draft.type in {"ASSAULT", "COERCE"})
        draft.recipient = parties.clean(draft.recipient, victims=True)


def _incidents(
    drafts: list[Draft], scene: Scene, focus: Callable[[], str | None] = lambda: None
) -> list[Event]:
    """The mentions no veto (incident_vetoes.VETOES) rejects, grouped into one record per
    incident; a record too thin to load is dropped unless another act frames it; a record no
    mention places is placed by `_placed` (`focus`: the country the article is about,
    resolve/place_focus.py)."""
    triggers = {d.tok.i for d in drafts}
    kept = [d for d in drafts if veto(d, scene) is None]
    for draft in kept:
        draft.nested = nested_under_another(draft, triggers, scene)
    events = []
    for incident in group(kept, scene):
        event = build_event(incident, scene, STAGE)
        event = replace(event, nested=all(d.nested for d in incident.mentions))
        # a place only "the town" gives does not make a passing mention an incident to load
        told = all(d.referred for d in incident.mentions if d.places)
        if event.nested or not thin(replace(event, location=()) if told else event):
            events.append(event)  # a nested act has its frame
    return sorted(_placed(events, focus), key=lambda e: e.evidence.start)


def _placed(events: list[Event], focus: Callable[[], str | None]) -> list[Event]:
    """Incidents no mention places lie in the country the article is about, as ACLED places
    what it knows only by country; after the thinness test, which counts only the places the
    text gives the act."""
    country = focus() if any(not e.location for e in events) else None
    if country is None:
        return events
    return [e if e.location else replace(e, location=(country,)) for e in events]
    return sorted(events, key=lambda e: e.evidence.start)


def _adjective(res: Resources) -> Callable[[str], str | None]:
    """The adjective of a country ("Syria" -> "Syrian"), looked up only when a side needs it."""

    def adjective(country: str) -> str | None:
        return res.actors.adjective(country)

    return adjective


def _gazetteer_knows(res: Resources) -> Callable[[str], bool]:
    """Whether the gazetteer has a place spelled `name` (asked only of untitled "people")."""

    def knows(name: str) -> bool:
        return bool(res.gazetteer.exact(name))

    return knows


def _country_of(res: Resources) -> Callable[[str], str | None]:
    """The country a word names as a demonym or a name ("Syrian", "Russia"), if any."""

    def country_of(word: str) -> str | None:
        entry = res.actors.demonym(word)
        if entry is None and word[:1].isupper():
            entry = res.actors.lookup(word)
        return entry.name if entry is not None and entry.kind == "country" else None

    return country_of


def _in_headline(draft: Draft, doc: Doc) -> bool:
    """Whether the mention is in the article's headline, repeated at the top of the text."""
    if draft.tok.sent != 0 or not doc.title:
        return False
    sent = doc.sentences[0]
    squeeze = "".join(doc.title.split()).casefold()
    return bool(squeeze) and squeeze in "".join(doc.text[sent.start : sent.end].split()).casefold()


CONDITIONS = frozenset({"if", "unless"})


def _conditional(tok: Token, tree: Tree) -> bool:
    """Whether the trigger is in an "if"/"unless" clause ("if the attacks continue"): a
    condition, not something reported as having happened."""
    clause = tok if tok.pos in {"VERB", "AUX"} else tree.tokens[tok.head]
    for node in [clause, *tree.ancestors(clause.i)]:
        if any(m.text.casefold() in CONDITIONS for m in tree.children(node.i, "mark")):
            return True
        if node.dep not in {"conj", "xcomp", "ccomp"}:
            return False
    return False


def _draft(tok: Token, trigger: Trigger, scene: Scene) -> Draft:
    draft = Draft(tok=tok, trigger=trigger, type=trigger.plover, mode=trigger.mode)
    if tok.pos == "VERB":
        verb_arguments(draft, scene)
        if not draft.actor and gerund_noun(tok, scene):
            noun_actor(draft, scene)  # "in *rebel* shelling of ...": a gerund used as a noun
    else:
        noun_arguments(draft, scene)
    recode_intent(draft, scene)
    recode_capture(draft, scene)
    modal = modal_of(tok, scene.tree)
    # A threat is an act that happened (the words were said): `asserted`, as every speech
    # act; what is threatened, wished or agreed to has not happened: `hypothetical`.
    if draft.intent or draft.type == "THREATEN":
        draft.status = "asserted"
    elif scene.tree.child(tok.i, "neg") is not None:
        draft.status = "hypothetical"  # "did not attack": not reported as having happened
    elif (
        modal in FUTURE
        or modal in MODAL_MAYBE
        or _conditional(tok, scene.tree)
        or _only_intended(tok, scene.tree)
    ):
        draft.status = "hypothetical"
    return draft


INTENDING = frozenset(
    [
        "plan",
        "intend",
        "want",
        "hope",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "prepare",
        "aim",
        "seek",
        "wish",
    ]
)


def _only_intended(tok: Token, tree: Tree) -> bool:
    """An act someone plans, wants, vows or failed to do, or "any attempt to" make: not done
    ("vowed to retake the town", "has been unable to regain control", "any attempts to open
    fire")."""
    node = tok
    for _ in range(3):
        if node.dep not in {"xcomp", "acl", "ccomp"} or node.head == node.i:
            return False
        node = tree.tokens[node.head]
        lemma = node.lemma.casefold()
        if lemma in INTENDING:
            return True
        if lemma == "attempt" and any(
            d.text.casefold() == "any" for d in tree.children(node.i, "det")
        ):
            return True
    return False
