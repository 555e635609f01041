"""How event mentions nest in a sentence: contents of speech acts, intents, verb patterns.

PLOVER (like CAMEO before it) codes the act a sentence reports, not every event word in it:

- "agreed to set up a research centre", "demanded that the US cancel its plans", "talks on a
  troop pullback": the centre, the cancelling and the pullback are the *content* of an
  agreement, a demand or talks; they have not happened (`hypothetical`), and the enclosing
  act takes their recipient when it names none. The content of an accusation ("accused X of
  violating ...") is the accuser's claim.
- "will provide aid", "is willing to send troops", "is prepared to lift the ban": a stated
  intent to cooperate is CAMEO 03, PLOVER AGREE; a stated intent to use force or sanctions is
  CAMEO 13, PLOVER THREATEN.
- CAMEO verb patterns read the verb with its object: "lift a curfew" is not "lift", and the
  curfew is not a fresh COERCE event but what is lifted.

The paths follow the dependency parse (clausal and infinitival complements, objects, and
content prepositions such as "on", "to", "of"); temporal adjuncts ("after two days of
fighting") and clauses of their own ("when IS attacked") are not contents.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.cues import CUE_VERBS
from newsgraph.extract.event_lexicon import EventLexicon, Trigger
from newsgraph.model import Token
from newsgraph.words import words

# Acts whose content is not asserted by the sentence: what was agreed, asked, threatened, discussed.
PROPOSITIONAL = frozenset({"AGREE", "REQUEST", "THREATEN", "CONSULT"})
ALLEGING = frozenset({"ACCUSE"})
COOPERATIVE = frozenset({"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "CONSULT", "AGREE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
DENY_LEMMAS = frozenset({"deny", "refute"})
# Things attacked with force, not with words: "attacked government *positions*" is no
# criticism of a government, whatever CAMEO's "attack government" pattern says.
MILITARY = words(
    "position positions base bases troops troop soldiers soldier forces checkpoint checkpoints "
    "convoy convoys outpost outposts barracks airbase garrison garrisons fortifications "
    "headquarters depot depots tank tanks artillery rockets rocket shells mortar mortars "
    "missiles bombs airstrikes strikes"
)
FUTURE = frozenset({"will", "would", "'ll", "shall", "wo"})
# Predicates that state an intent to do their infinitive ("ready to", "plans to").
INTENT_HEADS = frozenset(
    {"willing", "ready", "prepared", "plan", "intend", "prepare", "determined", "eager", "aim"}
)
# Verbs that carry an event noun as their object, so that their modal is the event's:
# "will *provide* aid", "would *hold* talks" (but "will stop the attacks" stops them).
CARRIERS = words(
    "provide give send offer extend grant deliver contribute supply make hold launch conduct "
    "carry stage mount begin start continue resume take pay"
)
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "obj", "pobj", "pcomp", "dative", "attr"})
CONTENT_PREPS = frozenset({"to", "on", "for", "of", "about", "over", "into", "with", "upon"})
NOUN_LINKS = frozenset({"compound", "amod", "nmod", "poss", "appos", "acl", "conj"})
OBJECT_SIDE = frozenset({"dobj", "obj", "prep", "xcomp", "dative", "attr", "prt", "oprd", "acomp"})


def verb_trigger(tok: Token, scene: Scene, lexicon: EventLexicon) -> Trigger | None:
    """The trigger of a verb read with its object: a CAMEO pattern first, else the bare verb.

    A verb whose pattern CAMEO codes as no event ("killed in an accident") triggers nothing.
    """
    prt = scene.tree.child(tok.i, "prt")
    lemma = tok.lemma.casefold()
    words = _object_words(tok, scene)
    keys = [f"{lemma} {prt.text.casefold()}", lemma] if prt else [lemma]
    bare = lexicon.verb(lemma, prt.text.casefold() if prt else None)
    physical = bare is not None and bare.plover in HOSTILE and bool(MILITARY & set(words))
    for key in keys:
        found = lexicon.pattern(key, words)
        if found is None:
            continue
        if physical and found.plover not in HOSTILE:
            continue  # "attacked government positions": no criticism, whatever the pattern
        torn = bare is not None and bare.plover != found.plover
        if torn and _learned_prefers(bare.plover if bare else "", found.plover, tok, scene):
            continue  # the lexicon is torn and the sentence reads as the bare verb's act
        return found
    if not physical and any(lexicon.blocked(key, words) for key in keys):
        return None
    return bare


LEARNED_MARGIN = 0.5  # how much likelier the classifier must find the bare verb's type


def _learned_prefers(bare: str, pattern: str, tok: Token, scene: Scene) -> bool:
    """Where a CAMEO pattern recodes a verb ("attack government" as criticism), whether the
    learned classifier reads the sentence as the bare verb's act by a clear margin."""
    classes = next((c for c in scene.doc.event_classes if c.sentence == tok.sent), None)
    if classes is None:
        return False
    return classes.score(bare) > classes.score(pattern) + LEARNED_MARGIN


def _object_words(tok: Token, scene: Scene) -> list[str]:
    """Lemmas and words of the verb's object side: its objects, complements, prepositions."""
    words: list[str] = []
    for child in scene.tree.children(tok.i, *OBJECT_SIDE):
        for i in scene.tree.subtree(child.i):
            t = scene.doc.tokens[i]
            words += [t.lemma.casefold(), t.text.casefold()]
    return words


def stated_intent(tok: Token, scene: Scene) -> bool:
    """Whether the event is put as what someone will do: "will send", "is ready to lift"."""
    tree = scene.tree
    node = tok
    if tok.pos != "VERB":
        head = scene.doc.tokens[tok.head]
        if tok.dep not in {"dobj", "obj"} or head.lemma.casefold() not in CARRIERS:
            return False
        node = head  # "will provide aid": the verb that carries the noun
    for _ in range(6):
        if tree.child(node.i, "neg") is not None:
            return False
        if any(a.tag == "MD" and a.text.casefold() in FUTURE for a in tree.children(node.i, "aux")):
            return True
        if node.lemma.casefold() in INTENT_HEADS:
            return True
        if node.dep not in {"xcomp", "acomp", "advcl"} or node.head == node.i:
            return False
        node = scene.doc.tokens[node.head]
    return False


def recode_intent(draft: Draft, scene: Scene) -> None:
    """A stated intent to cooperate is AGREE; a stated intent to use force or sanctions THREATEN."""
    if not stated_intent(draft.tok, scene):
        return
    if draft.type in COOPERATIVE and draft.type != "AGREE":
        draft.trigger = Trigger("AGREE", "030", None, "intent")
        draft.type, draft.mode = "AGREE", None
        draft.intent = True
    elif draft.type in HOSTILE:
        draft.trigger = Trigger("THREATEN", "130", draft.mode, "intent")
        draft.type = "THREATEN"
        draft.intent = True


def denied_by(draft: Draft, scene: Scene) -> Token | None:
    """The verb of denial the event is the content of: "Turkey *denied* attacking Afrin",
    "the ministry denied any role in the bombing"."""
    tokens = scene.doc.tokens
    node = draft.tok
    for _ in range(6):
        if node.head == node.i:
            return None
        head = tokens[node.head]
        if node.dep == "prep" and node.text.casefold() not in CONTENT_PREPS | {"in"}:
            return None
        if node.dep not in CONTENT_DEPS | NOUN_LINKS | {"prep"}:
            return None
        if head.pos == "VERB" and head.lemma.casefold() in DENY_LEMMAS:
            return head
        node = head
    return None


def nest(drafts: Sequence[Draft], scene: Scene) -> list[Draft]:
    """Mark contents of other acts, fold pattern objects into their verb; the drafts to keep."""
    by_token = {d.tok.i: d for d in drafts}
    kept: list[Draft] = []
    for draft in drafts:
        denial = denied_by(draft, scene)
        if denial is not None:
            subject = scene.tree.subject(denial.i)
            denier = scene.args.names(subject) if subject is not None else ()
            draft.status = "denied"
            draft.claimed_by = denier[0] if denier else draft.claimed_by
            kept.append(draft)
            continue
        outer = _enclosing(draft, by_token, scene)
        if outer is None:
            kept.append(draft)
            continue
        if _is_pattern_object(draft, outer):
            outer.also.append(draft.tok)
            outer.mode = outer.mode or draft.mode
            continue
        if outer.type in PROPOSITIONAL or outer.intent:
            draft.status = "hypothetical"
            draft.content_of = outer
            if not outer.recipient:
                outer.recipient = tuple(n for n in draft.recipient if n not in outer.actor)
        elif outer.type in ALLEGING and draft.status == "asserted":
            draft.status = "claimed"
            draft.claimed_by = draft.claimed_by or (outer.actor[0] if outer.actor else None)
            draft.content_of = outer
        kept.append(draft)
    return kept


def _is_pattern_object(draft: Draft, outer: Draft) -> bool:
    """ "lifted a curfew": the noun is what the verb pattern was read with."""
    return (
        outer.trigger.source == "cameo-pattern"
        and draft.tok.pos != "VERB"
        and draft.tok.head == outer.tok.i
        and draft.tok.dep in {"dobj", "obj", "nsubjpass"}
    )


def _enclosing(draft: Draft, by_token: dict[int, Draft], scene: Scene) -> Draft | None:
    """The nearest event whose content (complement, object) the draft's trigger is part of."""
    tokens = scene.doc.tokens
    node = draft.tok
    for _ in range(12):
        if node.head == node.i:
            return None
        head = tokens[node.head]
        if not _content_step(node, head, head.i in by_token):
            return None
        if head.i in by_token:
            return by_token[head.i]
        if head.pos == "VERB" and head.lemma.casefold() in CUE_VERBS:
            return None  # "Iraq said it would allow ...": a report, not a content
        node = head
    return None


def _content_step(node: Token, head: Token, head_is_event: bool) -> bool:
    """Whether `node` belongs to the content of `head`."""
    if node.dep == "prep":
        return node.text.casefold() in CONTENT_PREPS
    if node.dep == "advcl":
        return node.tag == "VB"  # infinitive of purpose: "to encourage", not "when X attacked"
    if node.dep in CONTENT_DEPS:
        return True
    return not head_is_event and node.dep in NOUN_LINKS


def nested_under_another(draft: Draft, triggers: set[int], scene: Scene) -> bool:
    """Whether the draft's trigger sits in the phrase of another event's trigger in its
    sentence (not merely coordinated with it: "opened its borders ... but refused ...")."""
    tokens = scene.doc.tokens
    node = draft.tok
    while node.head != node.i:
        head = tokens[node.head]
        if head.i in triggers:
            return node.dep != "conj"
        node = head
    return False
