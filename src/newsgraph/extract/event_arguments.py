"""The parties of an event mention, read from the dependency parse.

A verb's subject acts and its object (or passive subject) is acted on, "by" names the agent
of a passive, datives and the subjects of a demand's clause are whom an act is addressed to,
the party of a threat's condition is whom it threatens; a noun's doer comes from the rules of
`extract/event_actors.py`. Named people killed or wounded are victims; counts are tolls
(`extract/tolls.py`).
"""

from __future__ import annotations

from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.event_actors import LIGHT_VERBS, noun_actor, owner_of
from newsgraph.model import Token
from newsgraph.words import words

WOUND_LEMMAS = frozenset({"wound", "injure", "hurt", "maim"})
KILL_LEMMAS = frozenset({"kill", "murder", "assassinate", "execute", "behead", "slay", "shoot"})
_RECIPIENT_PREPS = frozenset(
    {"against", "on", "at", "upon", "between", "with", "of", "into", "to", "for", "from"}
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
CALLING = words("call urge appeal press")  # "called on X": X is whom the call is addressed to
_OWNER_REACH = 4  # tokens from "in" to the attack: "in intensive Syrian air strikes"
# Acts a passive victim dies "in": "killed in rebel shelling", "wounded in Russian air strikes".
ATTACK_NOUNS = words(
    "strike strikes airstrike airstrikes raid raids shelling bombing bombings bombardment "
    "attack attacks fire assault offensive barrage shell shells rocket rockets missile missiles "
    "sortie sorties"
)


def gerund_noun(tok: Token, scene: Scene) -> bool:
    """A gerund standing as a noun: "rebel shelling", "the bombing of the hospital"."""
    if tok.tag != "VBG" or tok.dep not in {"pobj", "pcomp", "dobj", "nsubj", "nsubjpass"}:
        return False
    return bool(scene.tree.children(tok.i, "compound", "det", "poss", "amod"))


def verb_arguments(draft: Draft, scene: Scene) -> None:
    tree, args, tok = scene.tree, scene.args, draft.tok
    subject = tree.subject(tok.i)
    # "six people were reported *killed*": a participle under a passive is passive too
    inherited = tok.tag == "VBN" and subject is not None and subject.dep == "nsubjpass"
    passive = tree.child(tok.i, "nsubjpass") is not None or inherited
    if passive:
        patient = tree.child(tok.i, "nsubjpass") or subject
        agent = tree.child(tok.i, "agent")
        pobj = tree.child(agent.i, "pobj") if agent else None
        draft.actor = args.names_or_phrase(pobj) if pobj else _attack_owner(tok, scene)
    else:
        patient = tree.child(tok.i, "dobj", "obj")
        subject = _antecedent(subject, tok, scene) if subject is not None else None
        subject = subject or _object_controller(tok, scene) or _acl_controller(tok, scene)
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


def protest_target(draft: Draft, scene: Scene) -> tuple[str, ...]:
    """Whom a protest is aimed at: the party named in what follows it in its clause ("staged a
    hunger strike *to protest against Sweden's decision*", "rallied ... *against Abbas*")."""
    tok = draft.tok
    clause = scene.doc.tokens[tok.head] if tok.pos != "VERB" and tok.dep in {"dobj", "obj"} else tok
    after = [i for i in scene.tree.subtree(clause.i) if i > tok.i]
    return scene.args.in_range(after, exclude=draft.actor)


def _antecedent(subject: Token, verb: Token, scene: Scene) -> Token:
    """ "Russia, *which* fired missiles at rebels": a relative clause's subject is the noun
    the clause describes."""
    if subject.text.casefold() in RELATIVE_PRONOUNS and verb.dep == "relcl":
        return scene.doc.tokens[verb.head]
    return subject


def _acl_controller(tok: Token, scene: Scene) -> Token | None:
    """ "the Air Force conducted sorties *targeting* sites": a participle describing a verb's
    object acts with that verb's subject."""
    if tok.dep != "acl" or tok.tag != "VBG":
        return None
    noun = scene.doc.tokens[tok.head]
    if noun.dep not in {"dobj", "obj"}:
        return None
    return scene.tree.child(noun.head, "nsubj")


def _attack_owner(tok: Token, scene: Scene) -> tuple[str, ...]:
    """ "six people were killed *in rebel shelling*", "died in Russian air strikes": whose the
    attack is that a passive victim was killed in (the words between "in" and the attack,
    however the parser hung them)."""
    for prep in scene.tree.children(tok.i, "prep"):
        if prep.text.casefold() not in {"in", "during", "by"}:
            continue
        window = scene.doc.tokens[prep.i + 1 : prep.i + 1 + _OWNER_REACH]
        attack = next((t for t in window if t.text.casefold() in ATTACK_NOUNS), None)
        if attack is None or attack.sent != prep.sent:
            continue
        if attack.i > prep.i + 1 and (found := scene.args.named_between(prep.i + 1, attack.i)):
            return found
        if found := owner_of(attack, scene):
            return found
    return ()


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


def noun_arguments(draft: Draft, scene: Scene) -> None:
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
            # "fired missiles *at rebels*": whom an act is aimed at, not where it happened
            named = scene.args.named_in(obj) if prep.text.casefold() == "at" else ()
            named = named or scene.args.names(obj) or _addressee(prep, obj, scene)
            found += [n for n in named if n not in found]
    return tuple(found)


def _addressee(prep: Token, obj: Token, scene: Scene) -> tuple[str, ...]:
    """ "called on *the international community*", "calls on human rights organizations":
    whom a call is addressed to, named by what it is when no lexicon names it."""
    verb = scene.doc.tokens[prep.head]
    if prep.text.casefold() != "on" or verb.lemma.casefold() not in CALLING:
        return ()
    return scene.args.names_or_phrase(obj)


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
