"""Which words trigger an event mention: the CAMEO/PLOVER lexicon read with the verb's object,
verbs of impact whose subject or object is a weapon, ground taken by force.

An ordered set of sources (`trigger_of`): a word inside a name triggers nothing; a participle
describing a party is a relation; a noun said not to have happened ("no clashes") triggers
nothing; a verb is read with its object (`event_frames.verb_trigger`), then as a stated future
use of force, a weapon's impact, or ground taken; a noun as the curated nominal triggers list it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.event_frames import FUTURE, verb_trigger
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.extract.event_modes import find_mode
from newsgraph.model import Token
from newsgraph.nlp.tree import Tree
from newsgraph.words import words

if TYPE_CHECKING:
    from newsgraph.resources import Resources

# Verbs that, said with "will"/"would", threaten force: CAMEO 138 "threaten with military force".
COERCIVE = words(
    "shut destroy strike attack respond retaliate punish eliminate crush target hit bomb stop "
    "annihilate wipe smash suppress neutralise neutralize"
)
# Verbs of impact and firing: an assault when a weapon is their subject or object.
WEAPON_VERBS = words("hit land fall slam rain strike fire drop lob launch tear rip smash crash")
NEGATORS = frozenset({"without", "lack", "absence", "no"})


def trigger_of(tok: Token, scene: Scene, res: Resources) -> Trigger | None:
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
        if found is None and lemma in COERCIVE and modal_of(tok, scene.tree) in FUTURE:
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


def modal_of(tok: Token, tree: Tree) -> str | None:
    for aux in tree.children(tok.i, "aux", "auxpass"):
        if aux.tag == "MD":
            return aux.text.casefold()
    return None


# What a force takes in fighting: ground, not goods ("seized a hilltop", "recaptured the
# villages"); a seizure of goods or money stays coercion.
TERRITORY = words(
    "village villages town towns city cities district districts area areas neighborhood "
    "neighborhoods neighbourhood neighbourhoods hill hilltop hills base bases airport airbase "
    "road roads highway field fields oilfield position positions region territory territories "
    "province countryside outskirts suburb suburbs camp crossing checkpoint farms quarter "
    "height heights mountain mountains point points dam bridge"
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
