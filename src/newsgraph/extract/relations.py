"""Standing relations between parties: "US-backed SDF", "Russian-backed offensive", "backed by Iran"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.extract.arguments import Arguments
from newsgraph.model import Doc, Relation, Span, Token
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.references import References

if TYPE_CHECKING:
    from newsgraph.resources import Resources

STAGE = "relations.v1"
# Participle lemma -> relation name (subject RELATION object).
RELATIONS = {
    "back": "backed_by",
    "support": "backed_by",
    "sponsor": "backed_by",
    "fund": "funded_by",
    "finance": "funded_by",
    "arm": "armed_by",
    "train": "trained_by",
    "lead": "led_by",
    "dominate": "dominated_by",
    "control": "controlled_by",
    "ally": "allied_with",
    "affiliate": "member_of",
    "link": "linked_to",
}


def extract_relations(doc: Doc, res: Resources) -> Doc:
    """Stage: relations from "X-backed Y" compounds and "Y, backed by X" participles."""
    tree = Tree(doc.tokens)
    refs = References(doc)
    args = Arguments(doc, tree, refs)
    found: dict[tuple[str, str, str], Relation] = {}
    for tok in doc.tokens:
        relation = RELATIONS.get(tok.lemma.casefold())
        if relation is None or tok.pos not in {"VERB", "ADJ"} or tok.tag not in {"VBN", "JJ"}:
            continue
        for subject, obj in _pairs(tok, tree, args, res):
            if subject == obj:
                continue
            sent = doc.sentences[tok.sent]
            evidence = Span(sent.start, sent.end, doc.text[sent.start : sent.end])
            found.setdefault(
                (subject, relation, obj), Relation(subject, relation, obj, evidence, STAGE)
            )
    return replace(doc, relations=tuple(found.values()))


def _pairs(tok: Token, tree: Tree, args: Arguments, res: Resources) -> list[tuple[str, str]]:
    """(subject, object) names for one relation participle."""
    objects = _objects(tok, tree, args) or _looked_up(tok, tree, res)
    if not objects:
        return []
    head = _modified_noun(tok, tree)
    if head is None:
        return []
    subjects = _subjects(head, tok, tree, args)
    return [(s, o) for s in subjects for o in objects if s not in objects]


def _objects(tok: Token, tree: Tree, args: Arguments) -> tuple[str, ...]:
    """The backer: "US" in "US-backed", or X in "backed by X"."""
    for mod in tree.children(tok.i, "npadvmod", "compound", "nmod", "advmod"):
        names = args.names(mod, whole=False)
        if names:
            return names
    agent = tree.child(tok.i, "agent")
    obj = tree.child(agent.i, "pobj") if agent else None
    return args.names(obj) if obj else ()


def _looked_up(tok: Token, tree: Tree, res: Resources) -> tuple[str, ...]:
    """The backer's name from the lexicon when it is only part of a longer name ("USA-led coalition")."""
    for mod in tree.children(tok.i, "npadvmod", "compound", "nmod"):
        entry = res.actors.lookup(mod.text) or res.actors.demonym(mod.text)
        if entry is not None:
            return (entry.name,)
    return ()


def _modified_noun(tok: Token, tree: Tree) -> Token | None:
    """The noun the participle describes, climbing coordinated modifiers ("US-backed and X-led Y")."""
    node = tok
    while node.dep == "conj" and node.head != node.i:
        node = tree.tokens[node.head]
    if node.dep in {"amod", "acl", "compound"} and node.head != node.i:
        return tree.tokens[node.head]
    return None


def _subjects(head: Token, tok: Token, tree: Tree, args: Arguments) -> tuple[str, ...]:
    """Who is backed/led: the party the modified noun phrase names, leaving out the backer."""
    covering = args.covering(head)
    if covering:
        return covering  # "USA-led coalition" is itself a named party
    skip = set(tree.subtree(_top_modifier(tok, tree).i))
    core = [head.i]
    for child in tree.children(head.i):
        if child.dep in {"compound", "amod", "nmod", "appos", "poss"} and child.i not in skip:
            core += tree.subtree(child.i)
    return args.in_range(core)


def _top_modifier(tok: Token, tree: Tree) -> Token:
    node = tok
    while node.dep == "conj" and node.head != node.i:
        node = tree.tokens[node.head]
    return node
