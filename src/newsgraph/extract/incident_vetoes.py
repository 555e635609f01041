"""Mentions that are no incident at all, each dropped under its name (`VETOES`, in order).

Page furniture (normalize/boilerplate.py), acts not realised (negated, conditional, planned,
threatened), idioms ("sought refuge"), war-wide statistics and running tolls ("killed since
the start of the war"), descriptions and habits ("which supports hospitals", "is regularly
targeted"), force told as ongoing in the present, photo captions, and meetings, deals, aid or
coercion that no party does. The veto's name says why a mention gave no record.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.extract.claims import Draft, Scene

# Nouns that only say "what happened": a mention made of them and nothing else refers back.
# A phrase a trigger word sits in that names no act: "sought refuge", "rushed to the scene".
IDIOMS = re.compile(
    r"\b(?:sought refuge|take refuge|took refuge|rushed to the scene|pulled? (?:\w+ ){0,3}out alive"
    r"|banned in \w+|outlawed in \w+|under fire from critics|war of words|fight against terrorism"
    r"|fighting terrorism|combat terrorism|war on terror|hit the headlines|struck a deal|strike a deal"
    r"|strike a balance|struck a balance|attack on (?:democracy|freedom)|hit hard)\b",
    re.I,
)
# A count of the whole war or a long period, not one incident.
STATISTIC = re.compile(
    r"\b(?:since (?:the )?(?:start|beginning|outbreak|onset) of (?:the |this )?(?:\w+ )?"
    r"(?:war|conflict|uprising|revolt|revolution|crisis|year)|since (?:the )?(?:war|conflict|"
    r"uprising|revolt|revolution|crisis) (?:began|started|broke out|erupted)|since (?:early |mid-"
    r"|late )?(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|so far (?:this|in)|documented the (?:killing|death)s? of"
    r"|(?:the|this) (?:war|conflict|uprising|crisis) (?:has|had) (?:killed|claimed|left)"
    r"|over the (?:past|last) (?:\w+ )?(?:years?|months?)|in the (?:past|last) (?:\w+ )?"
    r"(?:years?|months?)|(?:the|this) year alone|death toll (?:of|in) the (?:war|conflict)"
    r"|across (?:the country|syria)|monthly (?:toll|report)|(?:the|a) civil war that has killed"
    r"|has documented|documented (?:the )?(?:deaths?|killing)|(?:the|this) past (?:year|month))\b",
    re.I,
)
KILL_WORDS = frozenset(
    {"kill", "killing", "die", "death", "dead", "toll", "victim", "casualty", "massacre"}
)


Veto = Callable[[Draft, Scene], bool]


def _unrealised(draft: Draft, scene: Scene) -> bool:
    """Negated, conditional, wished or agreed to: "did not attack", "if the attacks go on"."""
    return draft.status == "hypothetical"


def _idiom(draft: Draft, scene: Scene) -> bool:
    """The trigger word sits in a set phrase that names no act ("sought refuge")."""
    sent = scene.doc.sentences[draft.tok.sent]
    for match in IDIOMS.finditer(scene.doc.text, sent.start, sent.end):
        if match.start() <= draft.tok.start < match.end():
            return True
    return False


def _statistic(draft: Draft, scene: Scene) -> bool:
    """A running or war-wide toll: "more than 7000 people killed across Syria since ..."."""
    if draft.type != "ASSAULT" and draft.tok.lemma.casefold() not in KILL_WORDS:
        return False
    sent = scene.doc.sentences[draft.tok.sent]
    return STATISTIC.search(scene.doc.text, sent.start, sent.end) is not None


def _page_furniture(draft: Draft, scene: Scene) -> bool:
    """In a related headline, a share line or a credit (normalize/boilerplate.py)."""
    return any(f.start <= draft.tok.start < f.end for f in scene.doc.furniture)


VIOLENT = frozenset({"ASSAULT", "COERCE"})
# Types whose trigger words run through conflict copy without naming an act by anyone ("the
# evacuation deal", "talks", "support", "aid convoys"): kept only with a party that acts.
UNATTRIBUTED_NOISE = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "COERCE"}
)
HABITUAL = frozenset(
    [
        "frequently",
        "regularly",
        "often",
        "repeatedly",
        "routinely",
        "usually",
        "always",
        "constantly",
        "daily",
        "continually",
        "habitually",
        "systematically",
    ]
)


def _no_party(draft: Draft, scene: Scene) -> bool:
    """A meeting, deal, demand or accusation with no one named doing it: the reader cannot
    load it ("the agreement came after ...", "talks were held")."""
    return draft.type in UNATTRIBUTED_NOISE and not draft.actor


def _description(draft: Draft, scene: Scene) -> bool:
    """A clause describing a party, in the present: "the society, which *supports* hospitals",
    "Daesh, which *controls* the town"."""
    tok = draft.tok
    return tok.pos == "VERB" and tok.dep in {"relcl", "acl"} and tok.tag in {"VBZ", "VBP"}


def _habitual(draft: Draft, scene: Scene) -> bool:
    """What happens often, not what happened: "the province is *regularly* targeted"."""
    tok = draft.tok
    clause = tok if tok.pos == "VERB" else scene.doc.tokens[tok.head]
    words = [c.text.casefold() for c in scene.tree.children(clause.i, "advmod")]
    words += [c.text.casefold() for c in scene.tree.children(tok.i, "advmod", "amod")]
    return bool(HABITUAL.intersection(words))


def _ongoing(draft: Draft, scene: Scene) -> bool:
    """A present, ongoing use of force rather than an incident: "Russian forces *are
    targeting* IS fighters", "are supporting their advances with air strikes"."""
    if draft.type != "ASSAULT" or draft.headline:
        return False  # "are demanding", "are continuing a hunger strike": acts all the same
    tree, tok = scene.tree, draft.tok
    clause = tok
    while clause.pos != "VERB" and clause.head != clause.i:
        clause = tree.tokens[clause.head]
    if clause.tag != "VBG":
        return False
    auxes = [a.text.casefold() for a in tree.children(clause.i, "aux")]
    if not auxes and clause.dep == "conj":
        auxes = [a.text.casefold() for a in tree.children(clause.head, "aux")]
    return bool(auxes) and auxes[-1] in {"is", "are", "am"}


REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "add",
        "state",
        "announce",
        "claim",
        "confirm",
        "note",
        "accuse",
        "blame",
        "warn",
        "insist",
        "describe",
        "show",
        "indicate",
    ]
)


def _caption(draft: Draft, scene: Scene) -> bool:
    """A photo caption or a standing description, told in the present: "A man *carries* an
    injured girl after an airstrike on Aleppo", "Daesh *controls* the town" (not "X *says*
    the jets struck", and not a headline: headlines are in the present too)."""
    if draft.headline or draft.method == "toll":
        return False
    sent = scene.doc.sentences[draft.tok.sent]
    roots = [t for t in scene.doc.tokens[sent.first : sent.last] if t.dep == "ROOT"]
    if not roots:
        return False
    root = roots[0]
    present = root.tag in {"VBZ", "VBP"} and not scene.tree.children(root.i, "aux", "auxpass")
    if not present or root.pos != "VERB" or root.lemma.casefold() in REPORTING:
        return False
    # a caption shows someone: "A man carries ...", "Syrians walk past ...", "Residents inspect"
    subject = scene.tree.child(root.i, "nsubj")
    if subject is None:
        return False
    dets = [d.text.casefold() for d in scene.tree.children(subject.i, "det")]
    shown = scene.args.side(subject, victims=True) == ("civilians",)
    return (
        "a" in dets
        or "an" in dets
        or shown
        or subject.lemma.casefold() in {"syrian", "man", "woman"}
    )


VETOES: tuple[tuple[str, Veto], ...] = (
    ("page-furniture", _page_furniture),
    ("unrealised", _unrealised),
    ("idiom", _idiom),
    ("statistic", _statistic),
    ("description", _description),
    ("habitual", _habitual),
    ("ongoing", _ongoing),
    ("caption", _caption),
    ("no-party", _no_party),
)


def veto(draft: Draft, scene: Scene) -> str | None:
    """The name of the first veto that drops the mention, or None to keep it."""
    return next((name for name, rule in VETOES if rule(draft, scene)), None)
