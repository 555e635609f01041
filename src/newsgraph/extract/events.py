"""Events: who did what to whom, coded in PLOVER from CAMEO verb and nominal triggers.

Triggers come from the packaged CAMEO/PLOVER lexicon; arguments from the dependency parse:
the subject acts, the object (or the passive subject) receives, "by" names the agent of a
passive, and a nominal trigger takes its actor from its possessor or modifier ("Syrian
regime offensive") or from the subject of its light verb ("has made accusations").
Claims, threats and document-level linking live in `extract/claims.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
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
from newsgraph.extract.event_facts import extent, share_tolls, state_facts, toll_mentions
from newsgraph.extract.event_frames import (
    nest,
    nested_under_another,
    recode_intent,
    verb_trigger,
)
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.extract.event_modes import find_mode
from newsgraph.extract.event_parties import Parties, Sides, home_state
from newsgraph.extract.incidents import build_event, group, thin, veto
from newsgraph.model import Doc, Token
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.references import References

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "events.v1"
WOUND_LEMMAS = frozenset({"wound", "injure", "hurt", "maim"})
KILL_LEMMAS = frozenset({"kill", "murder", "assassinate", "execute", "behead", "slay", "shoot"})
# Verbs that, said with "will"/"would", threaten force: CAMEO 138 "threaten with military force".
COERCIVE = frozenset(
    [
        "shut",
        "destroy",
        "strike",
        "attack",
        "respond",
        "retaliate",
        "punish",
        "eliminate",
        "crush",
        "target",
        "hit",
        "bomb",
        "stop",
        "annihilate",
        "wipe",
        "smash",
        "suppress",
        "neutralise",
        "neutralize",
    ]
)
FUTURE = frozenset({"will", "would", "'ll", "shall", "wo"})
# Verbs of impact and firing: an assault when a weapon is their subject or object.
WEAPON_VERBS = frozenset(
    [
        "hit",
        "land",
        "fall",
        "slam",
        "rain",
        "strike",
        "fire",
        "drop",
        "lob",
        "launch",
        "tear",
        "rip",
        "smash",
        "crash",
    ]
)
MODAL_MAYBE = frozenset({"could", "may", "might", "should", "can", "must"})
LIGHT_VERBS = frozenset(
    [
        "make",
        "have",
        "hold",
        "launch",
        "carry",
        "conduct",
        "stage",
        "mount",
        "support",
        "level",
        "begin",
        "start",
        "continue",
    ]
)
_TARGET_PREPS = frozenset({"in", "on", "to", "at", "of", "into", "upon", "against"})
NEGATORS = frozenset({"without", "lack", "absence", "no"})
_RECIPIENT_PREPS = frozenset(
    {"against", "on", "at", "upon", "between", "with", "of", "into", "to", "for", "from"}
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
        if (trigger := _trigger(tok, scene, res)) is not None
    ]
    drafts = nest(drafts, scene)
    drafts = merge_linked(drafts, scene)
    drafts = attach_quotes(drafts, scene)
    drafts += find_allegations(drafts, scene)
    drafts = bridge_definite(drafts, scene)
    drafts += toll_mentions(drafts, scene)
    for draft in drafts:
        if draft.type == "PROTEST" and not draft.recipient:
            draft.recipient = _protest_target(draft, scene)
        state_facts(draft, scene, extent(draft, scene))
        draft.headline = _in_headline(draft, doc)
    share_tolls(drafts, scene)
    parties = Parties(doc, sides, is_place)
    for draft in drafts:
        draft.actor = parties.clean(draft.actor, acting=draft.type in {"ASSAULT", "COERCE"})
        draft.recipient = parties.clean(draft.recipient, victims=True)
    triggers = {d.tok.i for d in drafts}
    kept = [d for d in drafts if veto(d, scene) is None]
    for draft in kept:
        draft.nested = nested_under_another(draft, triggers, scene)
    events = [
        replace(
            build_event(incident, scene, STAGE), nested=all(d.nested for d in incident.mentions)
        )
        for incident in group(kept, scene)
    ]
    events = [e for e in events if e.nested or not thin(e)]  # a nested act has its frame
    return replace(doc, events=tuple(sorted(events, key=lambda e: e.evidence.start)))


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


def _trigger(tok: Token, scene: Scene, res: Resources) -> Trigger | None:
    """The lexicon entry `tok` triggers, if any (never a word inside a name)."""
    if scene.refs.at(tok.start, tok.end, "actor", "person", "place"):
        return None
    lemma = tok.lemma.casefold()
    if tok.pos == "VERB" and tok.dep == "amod":
        return None  # "US-backed forces": a participle describing a party is a relation
    if _negated_noun(tok, scene.tree):
        return None  # "without any bombardment", "no clashes": said not to have happened
    if tok.pos == "VERB":
        found = verb_trigger(tok, scene, res.events)
        if found is None and lemma in COERCIVE and _modal(tok, scene.tree) in FUTURE:
            found = Trigger("THREATEN", "138", None, "future-coercion")
        if found is None and lemma in WEAPON_VERBS:
            found = _weapon_trigger(tok, scene)
        if found is None and lemma in CONTROL_VERBS:
            found = _control_trigger(tok, scene)
        return found
    if tok.pos in {"NOUN", "PROPN"} and tok.tag != "NNP":
        mods = scene.tree.children(tok.i, "compound", "amod")
        modifier = mods[-1].lemma.casefold() if mods else None
        return res.events.noun(lemma, modifier)
    return None


CONTROL_VERBS = frozenset(
    ["establish", "gain", "take", "regain", "restore", "assume", "seize", "wrest", "extend"]
)


def _control_trigger(tok: Token, scene: Scene) -> Trigger | None:
    """ "The army established full control over Jabal Badro", "took control of the base":
    ground taken by force, a battle as ACLED codes it (CAMEO 192, occupy territory)."""
    for obj in scene.tree.children(tok.i, "dobj", "obj", "nsubjpass"):
        if obj.lemma.casefold() == "control":
            return Trigger("ASSAULT", "192", "armed-clash", "capture")
    return None


def _weapon_trigger(tok: Token, scene: Scene) -> Trigger | None:
    """ "a barrel bomb *hit* a building", "*fired* rockets at": a verb of impact or firing is an
    assault when its subject or object names a weapon."""
    tree = scene.tree
    for arg in tree.children(tok.i, "nsubj", "nsubjpass", "dobj", "obj"):
        first, last = tree.span(arg.i)
        words = scene.doc.text[scene.doc.tokens[first].start : scene.doc.tokens[last - 1].end]
        mode, _weapon = find_mode("ASSAULT", [words])
        if mode is not None and mode not in {"armed-clash", "massacre"}:
            return Trigger("ASSAULT", "190", mode, "weapon-verb")
    return None


def _negated_noun(tok: Token, tree: Tree) -> bool:
    """A noun with "no"/"any" or governed by "without", "lack of", "absence of"."""
    if tok.pos != "NOUN":
        return False
    heads = [tok] + ([tree.tokens[tok.head]] if tok.dep == "conj" else [])  # "any combat or X"
    if any(d.text.casefold() in {"no", "any"} for h in heads for d in tree.children(h.i, "det")):
        return True
    for node in tree.ancestors(tok.i):
        if node.text.casefold() in NEGATORS:
            return True
        if node.pos in {"VERB", "AUX"}:
            return False
    return False


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


def _modal(tok: Token, tree: Tree) -> str | None:
    for aux in tree.children(tok.i, "aux", "auxpass"):
        if aux.tag == "MD":
            return aux.text.casefold()
    return None


def _draft(tok: Token, trigger: Trigger, scene: Scene) -> Draft:
    draft = Draft(tok=tok, trigger=trigger, type=trigger.plover, mode=trigger.mode)
    if tok.pos == "VERB":
        _verb_arguments(draft, scene)
        if not draft.actor and _gerund_noun(tok, scene):
            noun_actor(draft, scene)  # "in *rebel* shelling of ...": a gerund used as a noun
    else:
        _noun_arguments(draft, scene)
    recode_intent(draft, scene)
    recode_capture(draft, scene)
    modal = _modal(tok, scene.tree)
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


# What a force takes in fighting: ground, not goods ("seized a hilltop", "recaptured the
# villages"); a seizure of goods or money stays coercion.
TERRITORY = frozenset(
    [
        "village",
        "villages",
        "town",
        "towns",
        "city",
        "cities",
        "district",
        "districts",
        "area",
        "areas",
        "neighborhood",
        "neighborhoods",
        "neighbourhood",
        "neighbourhoods",
        "hill",
        "hilltop",
        "hills",
        "base",
        "bases",
        "airport",
        "airbase",
        "road",
        "roads",
        "highway",
        "field",
        "fields",
        "oilfield",
        "position",
        "positions",
        "region",
        "territory",
        "territories",
        "province",
        "countryside",
        "outskirts",
        "suburb",
        "suburbs",
        "camp",
        "crossing",
        "checkpoint",
        "farms",
        "quarter",
        "height",
        "heights",
        "mountain",
        "mountains",
        "point",
        "points",
        "dam",
        "bridge",
    ]
)
CAPTURE_WORDS = frozenset(
    ["capture", "recapture", "retake", "overrun", "storm", "liberate", "regain", "seize", "occupy"]
)


def recode_capture(draft: Draft, scene: Scene) -> None:
    """Ground taken by force is a battle, as ACLED codes it ("Government regains territory",
    "Non-state actor overtakes territory" are Battles): ASSAULT, armed clash; CAMEO's 192
    "occupy territory" files it as coercion."""
    if draft.type != "COERCE" or draft.tok.lemma.casefold() not in CAPTURE_WORDS:
        return
    words = {w.casefold() for w in _object_words_of(draft.tok, scene)}
    took_ground = bool(words & TERRITORY) or bool(
        scene.args.places_named(scene.tree.children(draft.tok.i, "dobj", "obj", "nsubjpass"))
    )
    if took_ground:
        draft.type, draft.mode = "ASSAULT", "armed-clash"
        draft.trigger = Trigger("ASSAULT", "192", "armed-clash", "capture")


def _object_words_of(tok: Token, scene: Scene) -> list[str]:
    tree = scene.tree
    out: list[str] = []
    for child in tree.children(tok.i, "dobj", "obj", "nsubjpass", "prep"):
        out += [scene.doc.tokens[i].lemma for i in tree.subtree(child.i)]
        out += [scene.doc.tokens[i].text for i in tree.subtree(child.i)]
    return out


def _gerund_noun(tok: Token, scene: Scene) -> bool:
    """A gerund standing as a noun: "rebel shelling", "the bombing of the hospital"."""
    if tok.tag != "VBG" or tok.dep not in {"pobj", "pcomp", "dobj", "nsubj", "nsubjpass"}:
        return False
    return bool(scene.tree.children(tok.i, "compound", "det", "poss", "amod"))


def _verb_arguments(draft: Draft, scene: Scene) -> None:
    tree, args, tok = scene.tree, scene.args, draft.tok
    passive = tree.child(tok.i, "nsubjpass") is not None
    subject = tree.subject(tok.i)
    if passive:
        patient = tree.child(tok.i, "nsubjpass")
        agent = tree.child(tok.i, "agent")
        pobj = tree.child(agent.i, "pobj") if agent else None
        draft.actor = args.names_or_phrase(pobj) if pobj else ()
    else:
        patient = tree.child(tok.i, "dobj", "obj")
        subject = subject or _object_controller(tok, scene)
        if subject is not None and not _is_event_noun(subject, scene):
            draft.actor = args.names_or_phrase(subject)
        elif subject is not None:
            draft.via_noun = subject
    if patient is not None:
        draft.recipient = args.names_or_phrase(patient, victims=True) or _prep_parties(
            patient, scene
        )
        if tok.lemma.casefold() in KILL_LEMMAS:
            draft.killed = _victims(patient, scene)
            draft.recipient = tuple(n for n in draft.recipient if n not in draft.killed)
        elif tok.lemma.casefold() in WOUND_LEMMAS:
            draft.injured = _victims(patient, scene)
            draft.recipient = tuple(n for n in draft.recipient if n not in draft.injured)
    if not draft.recipient:
        draft.recipient = _prep_parties(tok, scene)
    if not draft.recipient:
        draft.recipient = _dative_or_complement(tok, draft.actor, scene)
    if not draft.recipient and draft.type == "THREATEN":
        draft.recipient = _condition_subject(tok, draft.actor, scene)


def _protest_target(draft: Draft, scene: Scene) -> tuple[str, ...]:
    """Whom a protest is aimed at: the party named in what follows it in its clause ("staged a
    hunger strike *to protest against Sweden's decision*", "rallied ... *against Abbas*")."""
    tok = draft.tok
    clause = scene.doc.tokens[tok.head] if tok.pos != "VERB" and tok.dep in {"dobj", "obj"} else tok
    after = [i for i in scene.tree.subtree(clause.i) if i > tok.i]
    return scene.args.in_range(after, exclude=draft.actor)


def _object_controller(tok: Token, scene: Scene) -> Token | None:
    """The doer of a gerund under "of"/"for" is the object of the verb above it: "accused the
    United States [of shelling] the town", "blamed the rebels [for attacking] the convoy"."""
    tree = scene.tree
    if tok.dep != "pcomp" or tok.tag != "VBG":
        return None
    prep = tree.tokens[tok.head]
    if prep.text.casefold() not in {"of", "for"} or prep.head == prep.i:
        return None
    return tree.child(prep.head, "dobj", "obj")


def _condition_subject(tok: Token, actor: tuple[str, ...], scene: Scene) -> tuple[str, ...]:
    """Whom a threat is aimed at: the party of its condition ("... unless *Israel* rescinds")."""
    tree = scene.tree
    heads = [tok, *tree.children(tok.i, "xcomp")]
    for head in heads:
        for clause in tree.children(head.i, "advcl"):
            if not any(
                m.text.casefold() in {"if", "unless"} for m in tree.children(clause.i, "mark")
            ):
                continue
            subject = tree.child(clause.i, "nsubj", "nsubjpass")
            if subject is not None:
                found = tuple(n for n in scene.args.names(subject) if n not in actor)
                if found:
                    return found
    return ()


def _dative_or_complement(tok: Token, actor: tuple[str, ...], scene: Scene) -> tuple[str, ...]:
    """The party an act is addressed to when it has no object: "gave *Tanzania* a grant",
    "demanded that *the US* cancel ...", "refused to meet *King Abdullah*"."""
    tree, args = scene.tree, scene.args
    for dative in tree.children(tok.i, "dative"):
        if found := args.names(dative):
            return found
    for clause in tree.children(tok.i, "ccomp", "xcomp"):
        subject = tree.child(clause.i, "nsubj", "nsubjpass")
        parts = [subject] if subject is not None else []
        parts += tree.children(clause.i, "dobj", "obj", "dative")
        for part in parts:
            found = tuple(n for n in args.names_or_phrase(part) if n not in actor)
            if found:
                return found
        if found := tuple(n for n in _prep_parties(clause, scene) if n not in actor):
            return found
    return ()


def _noun_arguments(draft: Draft, scene: Scene) -> None:
    tree, tok = scene.tree, draft.tok
    noun_actor(draft, scene)
    head = scene.doc.tokens[tok.head]
    if tok.dep in {"dobj", "obj"} and head.lemma.casefold() in LIGHT_VERBS:
        subject = tree.subject(head.i)
        draft.plural_subject = subject is not None and subject.text.casefold() == "they"
    draft.recipient = _prep_parties(tok, scene)
    if not draft.recipient and tok.dep in {"nsubj", "nsubjpass"}:
        draft.recipient = _prep_parties(head, scene)  # "the assaults converged on X"
    for clause in tree.children(tok.i, "acl"):
        draft.recipient = draft.recipient or _prep_parties(clause, scene)
    draft.definite = any(c.text.casefold() == "the" for c in tree.children(tok.i, "det"))


def _prep_parties(tok: Token, scene: Scene) -> tuple[str, ...]:
    """Parties named after "against", "on", "between" ... below `tok`."""
    found: list[str] = []
    for prep in scene.tree.children(tok.i, "prep"):
        if prep.text.casefold() not in _RECIPIENT_PREPS:
            continue
        for obj in scene.tree.children(prep.i, "pobj"):
            found += [n for n in scene.args.names(obj) if n not in found]
    return tuple(found)


def _is_event_noun(tok: Token, scene: Scene) -> bool:
    """Whether the subject is itself an event word ("the strike destroyed ..."), not a party
    named by name or by role ("the government blamed ...")."""
    return tok.pos == "NOUN" and not scene.args.names_or_phrase(tok)


def _victims(patient: Token, scene: Scene) -> tuple[str, ...]:
    """Named people killed or wounded ("killing *Valery Asapov*"); counts are tolls."""
    people = tuple(r.name for r in scene.refs.within(*_char_range(patient, scene), "person"))
    return tuple(dict.fromkeys(people))


def _char_range(tok: Token, scene: Scene) -> tuple[int, int]:
    first, last = scene.tree.span(tok.i)
    return scene.doc.tokens[first].start, scene.doc.tokens[last - 1].end
