"""Who did it, for an act named by a noun: "*regime* shelling", "air strikes *launched by*
Russian warplanes", "*IS* claimed responsibility for the attack", "the attack, believed to
have been carried out by *IS*".

An ordered table (`NOUN_ACTORS`): the first rule that names a party gives the actor, and its
name is the mention's `method`. A rule that only reports a suspicion ("believed", "suspected")
marks the actor `suspected`.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.relations import RELATIONS
from newsgraph.model import Token
from newsgraph.words import words

# Verbs that carry an act named by their object: "launched air strikes", "carried out a raid".
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
        "intensify",
        "step",
        "resume",
        "wage",
        "execute",
        "perpetrate",
        "commit",
        "unleash",
    ]
)
# Verbs whose passive agent is the doer of the act named by the noun they describe.
DOING_VERBS = frozenset(
    [
        "launch",
        "carry",
        "conduct",
        "stage",
        "mount",
        "commit",
        "perpetrate",
        "unleash",
        "execute",
        "fire",
        "drop",
    ]
)
COUNT_NOUNS = words(
    "number series wave barrage volley string spate round dozen dozens hundred hundreds "
    "score scores couple salvo"
)
SUSPECTING = frozenset({"believe", "suspect", "think", "thought", "blame", "attribute"})
MEANS_PREPS = frozenset({"with", "using", "through"})

Found = tuple[tuple[str, ...], bool]  # the parties, and whether only suspected
Rule = Callable[[Token, Scene], Found]
NONE: Found = ((), False)


def owner_of(tok: Token, scene: Scene, pronouns: bool = True) -> tuple[str, ...]:
    """Who owns the act `tok` names: "Russian air strikes", "the regime's shelling", "rebel
    fire"; a possessive pronoun ("their bombing") only with `pronouns`."""
    owners = [
        c
        for c in scene.tree.children(tok.i, "poss", "compound", "amod", "nmod")
        if c.lemma.casefold() not in RELATIONS  # the backer in "Russian-backed offensive"
        and (pronouns or c.pos != "PRON")
        and not _where(c, scene)
    ]
    names = tuple(n for c in owners for n in scene.args.names(c, whole=True))
    names = names or tuple(n for c in owners if c.pos != "PRON" for n in scene.args.named_in(c))
    if not names:
        names = tuple(n for c in owners for n in scene.args.side(c))
    return names


def _where(mod: Token, scene: Scene) -> bool:
    """ "the Syria attack": the article's own country by its name before an act is where it
    happened ("Syrian attack", "US strikes" stay whose)."""
    state = scene.args.sides.state if scene.args.sides else None
    return mod.dep == "compound" and mod.pos == "PROPN" and mod.text == state


def _owner(tok: Token, scene: Scene) -> Found:
    """ "Russian air strikes", "the regime's shelling", "rebel fire": who owns the act (a
    pronoun's owner is left to the last rule, `owner-pronoun`: "X and Y intensified their
    bombing" is X's and Y's, which `light-verb` reads)."""
    return owner_of(tok, scene, pronouns=False), False


def _pronoun_owner(tok: Token, scene: Scene) -> Found:
    """ "its bombardment": the party the possessive pronoun stands for."""
    return owner_of(tok, scene), False


def _agent(tok: Token, scene: Scene) -> Found:
    """ "air strikes launched by X", "a bombing by regime forces", "an attack believed to
    have been carried out by IS" (suspected)."""
    tree = scene.tree
    holders = [tok, *tree.children(tok.i, "acl", "relcl")]
    for holder in holders:
        for agent in tree.children(holder.i, "agent", "prep"):
            if agent.text.casefold() != "by":
                continue
            pobj = tree.child(agent.i, "pobj")
            if pobj is not None and (found := scene.args.names_or_phrase(pobj)):
                return found, _suspected(holder, scene)
        for clause in tree.children(holder.i, "xcomp", "ccomp"):
            deeper = _agent(clause, scene)
            if deeper[0]:
                return deeper[0], deeper[1] or _suspected(holder, scene)
    return NONE


def _suspected(node: Token, scene: Scene) -> bool:
    chain = [node, *scene.tree.ancestors(node.i)][:4]
    return any(t.lemma.casefold() in SUSPECTING for t in chain)


def _light_verb(tok: Token, scene: Scene) -> Found:
    """ "IS *launched* an attack", "the army *carried out* air strikes": the verb's subject."""
    if tok.dep not in {"dobj", "obj"}:
        return NONE
    verb = scene.doc.tokens[tok.head]
    if verb.lemma.casefold() not in LIGHT_VERBS:
        return NONE
    return _active_subject(verb, scene), False


def _means(tok: Token, scene: Scene) -> Found:
    """ "targeted the town *with rockets*", "supporting their advances with air strikes":
    the act is the means of a verb whose active subject acts."""
    if tok.dep != "pobj":
        return NONE
    prep = scene.doc.tokens[tok.head]
    if prep.text.casefold() not in MEANS_PREPS:
        return NONE
    verb = scene.doc.tokens[prep.head]
    if verb.pos in {"NOUN", "PROPN"} and verb.dep in {"dobj", "obj"}:
        verb = scene.doc.tokens[verb.head]
    if verb.pos != "VERB":
        return NONE
    return _active_subject(verb, scene), False


def _governing_subject(tok: Token, scene: Scene) -> Found:
    """ "Saddam Hussein arrived in Amman *on a visit*", "the army stepped up its attacks *with
    a new offensive*": the act named in a verb's phrase is done by the verb's active subject."""
    if tok.dep != "pobj":
        return NONE
    prep = scene.doc.tokens[tok.head]
    if prep.text.casefold() in {"by", "in", "of", "after", "before", "since", "during", "amid"}:
        return NONE  # "killed in airstrikes": the dead are no doers; "after the attack": time
    verb = scene.doc.tokens[prep.head]
    if verb.pos != "VERB":
        return NONE
    return _active_subject(verb, scene), False


def _claimed_responsibility(tok: Token, scene: Scene) -> Found:
    """ "IS claimed responsibility for the attack": who claims it did it."""
    if tok.dep != "pobj":
        return NONE
    prep = scene.doc.tokens[tok.head]
    noun = scene.doc.tokens[prep.head]
    if prep.text.casefold() != "for" or noun.lemma.casefold() != "responsibility":
        return NONE
    verb = scene.doc.tokens[noun.head]
    if verb.lemma.casefold() not in {"claim", "admit", "accept", "take", "bear"}:
        return NONE
    return _active_subject(verb, scene), False


def _blamed_on(tok: Token, scene: Scene) -> Found:
    """ "the attack was blamed on IS", "strikes attributed to Russian jets": suspected."""
    verb = scene.doc.tokens[tok.head]
    if tok.dep != "nsubjpass" or verb.lemma.casefold() not in {"blame", "attribute"}:
        return NONE
    for prep in scene.tree.children(verb.i, "prep"):
        if prep.text.casefold() in {"on", "to"}:
            pobj = scene.tree.child(prep.i, "pobj")
            if pobj is not None and (found := scene.args.names_or_phrase(pobj)):
                return found, True
    return NONE


def _active_subject(verb: Token, scene: Scene) -> tuple[str, ...]:
    subject = scene.tree.child(verb.i, "nsubj")
    if subject is None and verb.dep in {"conj", "xcomp", "advcl"}:
        subject = scene.tree.subject(verb.i)
        if subject is not None and subject.dep != "nsubj":
            return ()
    return scene.args.names_or_phrase(subject) if subject is not None else ()


NOUN_ACTORS: tuple[tuple[str, Rule], ...] = (
    ("owner", _owner),
    ("agent", _agent),
    ("claimed-responsibility", _claimed_responsibility),
    ("blamed-on", _blamed_on),
    ("light-verb", _light_verb),
    ("means", _means),
    ("governing-subject", _governing_subject),
    ("owner-pronoun", _pronoun_owner),
)


def noun_actor(draft: Draft, scene: Scene) -> None:
    """Fill in the actor of a noun mention from the first rule that finds one; an act counted
    out ("carried out *a number of* strikes") is read where its count stands."""
    nouns = [draft.tok]
    if (count := _count_of(draft.tok, scene)) is not None:
        nouns.append(count)
    for name, rule in NOUN_ACTORS:
        for tok in nouns:
            found, suspected = rule(tok, scene)
            if found:
                draft.actor, draft.suspected = found, suspected
                draft.method = f"trigger+{name}"
                return


def _count_of(tok: Token, scene: Scene) -> Token | None:
    """ "a number of strikes", "a barrage of rockets": the noun that counts the act."""
    if tok.dep != "pobj":
        return None
    prep = scene.doc.tokens[tok.head]
    noun = scene.doc.tokens[prep.head]
    if prep.text.casefold() != "of" or noun.lemma.casefold() not in COUNT_NOUNS:
        return None
    return noun
