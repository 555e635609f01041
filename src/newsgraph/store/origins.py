"""Corroboration: how many independent origins stand behind an event or a statement, whose.

A claim's origin is the first link of each report's source chain: the speaker it is told as
("Sergey Ryabkov said ..., according to RIA": Ryabkov), else the outlet it is cited from
("Citing Iranian state TV, the AP said": Iranian state TV), else the outlet that published the
article, else the article itself. Reports collapse to one origin when they share it: a
content farm's copy counts as its original (the store's near-duplicate link), and ten outlets
repeating one ministry's statement are one origin, the ministry. Three ordered tables name the
rules a user sees: ORIGIN_RULES (`Origin.method`), sides.SIDE_RULES (`Origin.side_method`)
and SINGLE_SIDE_RULES (`Corroboration.single_side_method`).

This is corroboration, not fact-checking: it counts who stands behind a claim and whose they
are, never whether the claim is true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from newsgraph.model import Corroboration, Doc, Origin, OriginKind, Quote
from newsgraph.resolve.outlets import Outlet
from newsgraph.store.sides import Sides
from newsgraph.words import words

DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Source:
    """The document a report comes from, copies collapsed: `key` is the original's id;
    `named` the keys of the origins the original itself names (what its copies may name)."""

    key: str
    outlet: str | None
    title: str
    named: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Report:
    """One report of a claim as the origin rules read it; `via` runs from the origin's side to
    the article (Event.via), `claimed_by` is who it is told as (a speaker, or the words naming
    one), `named` whether its document knows it as a person or party (None: ask the sides);
    `copied`: the report is in a copy of `source.key`, not in the original itself."""

    source: Source
    status: str = "asserted"
    claimed_by: str | None = None
    via: tuple[str, ...] = ()
    copied: bool = False
    denied_by: tuple[str, ...] = ()  # who the article says denies it (see `denials`)
    named: bool | None = None


# A rule's finding: (origin name, its kind when the rule knows it, the relays after it).
Start = tuple[str, OriginKind | None, tuple[str, ...]]
# Rules whose origin is the original document's own (its outlet, or itself): a copy may take them.
_OWN = frozenset({"reporting-outlet", "article"})
OriginRule = Callable[[Report, Sides], Start | None]


def _claimant(report: Report, sides: Sides) -> Start | None:
    """Told as a named speaker's (or outlet's) word: that speaker is the origin. Words that
    name nobody ("activists", "a military source") are no origin of their own: the outlet
    that vouches for them is (the rules below)."""
    if not report.claimed_by:
        return None
    if report.named is False or sides.link(report.claimed_by).kind == "unnamed":
        return None
    via = report.via
    while via and _same(via[0], report.claimed_by, sides):  # the chain starts at its origin
        via = via[1:]
    return report.claimed_by, None, via


def _same(a: str, b: str, sides: Sides) -> bool:
    outlet = sides.outlet(a)
    return a == b or (outlet is not None and outlet is sides.outlet(b))


def _first_via(report: Report, sides: Sides) -> Start | None:
    """Passed on by outlets: the first of them."""
    return (report.via[0], "outlet", report.via[1:]) if report.via else None


def _reporting_outlet(report: Report, sides: Sides) -> Start | None:
    """Told by the article in its own voice: the outlet that published it (the original's)."""
    if not report.source.outlet:
        return None
    known = sides.outlet(report.source.outlet)
    return (known.name if known else report.source.outlet), "outlet", ()


def _article(report: Report, sides: Sides) -> Start | None:
    """An article of no known outlet, in its own voice: the article itself."""
    return report.source.title, "article", ()


ORIGIN_RULES: tuple[tuple[str, OriginRule], ...] = (
    ("claimant", _claimant),
    ("first-via", _first_via),
    ("reporting-outlet", _reporting_outlet),
    ("article", _article),
)


def origin_of(report: Report, sides: Sides) -> tuple[str, Origin]:
    """The origin of one report, and the key it collapses on. A report in a copy names only
    origins its original names (a rewrite read another way names no one new): else it stands
    on the original's own word."""
    for method, rule in ORIGIN_RULES:
        found = rule(report, sides)
        if found is None:
            continue
        key, origin = _origin(report, sides, method, found)
        if report.copied and method not in _OWN and key not in report.source.named:
            continue
        return key, origin
    raise AssertionError("the last rule applies to every report")


def _origin(report: Report, sides: Sides, method: str, found: Start) -> tuple[str, Origin]:
    """The origin a rule found, named canonically, and its key."""
    name, kind, via = found
    link = sides.link(name)
    outlet = sides.outlet(name)
    name = outlet.name if outlet is not None else name  # "Syrian Observatory" is SOHR
    kind = kind or link.kind
    origin = Origin(
        name=name,
        kind=kind,
        side=link.side,
        side_method=link.side_method,
        outlet_kind=link.outlet_kind,
        method=method,
        via=tuple(_relay(v, sides) for v in via),
    )
    # an article is an origin of its own document only, whatever its title
    key = f"{report.source.key}\x00{name}" if kind == "article" else name
    return key, origin


def _relay(name: str, sides: Sides) -> Origin:
    link = sides.link(name)
    outlet = sides.outlet(name)
    name = outlet.name if outlet is not None else name
    return Origin(name, "outlet", link.side, link.side_method, link.outlet_kind)


def origins_of(reports: Iterable[Report], sides: Sides) -> tuple[Origin, ...]:
    """The distinct origins of the reports that tell a claim (denials tell no origin of it), in
    the order first met; each with the chain it first came through and its documents.

    A copy says nothing the originals do not: where a document that is no copy reports the
    claim, the copies' reports are left out (a rewrite may read differently, "Syria's army
    stated" for "the Syrian army said", and must not make a second origin of the same words);
    where only copies report it, they speak for their originals."""
    told = [r for r in reports if r.status != DENIED]
    if any(not r.copied for r in told):
        told = [r for r in told if not r.copied]
    found: dict[str, Origin] = {}
    documents: dict[str, set[str]] = {}
    for report in told:
        key, origin = origin_of(report, sides)
        found.setdefault(key, origin)
        documents.setdefault(key, set()).add(report.source.key)
    return tuple(replace(o, documents=len(documents[k])) for k, o in found.items())


@dataclass(frozen=True, slots=True)
class Claim:
    """What the single-side rules read: the origins, and the parties the claim is about
    (an event's actors and recipients; a statement's speaker)."""

    origins: tuple[Origin, ...]
    parties: tuple[str, ...]
    actor_named: bool = True


SingleSideRule = Callable[[Claim, Sides], bool | None]


def _no_origin(claim: Claim, sides: Sides) -> bool | None:
    """Nobody in the store tells it (only denials of it): not one side's word."""
    return False if not claim.origins else None


def _origin_of_no_side(claim: Claim, sides: Sides) -> bool | None:
    """An origin of no side (a wire, a monitor, a paper of no state) tells it too."""
    return False if any(o.side is None for o in claim.origins) else None


def _several_sides(claim: Claim, sides: Sides) -> bool | None:
    return False if len({o.side for o in claim.origins}) > 1 else None


def _party(claim: Claim, sides: Sides) -> bool | None:
    """Every origin is one party's, and that party is in the claim (as actor or target)."""
    side = claim.origins[0].side
    return True if side in {sides.side(p) for p in claim.parties} | set(claim.parties) else None


def _patron(claim: Claim, sides: Sides) -> bool | None:
    """Every origin is one party's, and that party backs one in the claim, or is backed by it."""
    side = claim.origins[0].side
    if side is None:
        return None
    theirs = {s for p in claim.parties for s in (p, sides.side(p)) if s}
    backers = {b for p in theirs for b in sides.patrons(p)}
    return True if side in backers or theirs & set(sides.patrons(side)) else None


def _unnamed_actor(claim: Claim, sides: Sides) -> bool | None:
    """Who did it is not named: that one side's word is all there is."""
    return True if not claim.actor_named else None


def _bystander(claim: Claim, sides: Sides) -> bool | None:
    """One side tells it, but no party of its is in it: an onlooker's account."""
    return False


SINGLE_SIDE_RULES: tuple[tuple[str, SingleSideRule], ...] = (
    ("no-origin", _no_origin),
    ("origin-of-no-side", _origin_of_no_side),
    ("several-sides", _several_sides),
    ("party", _party),
    ("patron", _patron),
    ("unnamed-actor", _unnamed_actor),
    ("bystander", _bystander),
)


def single_side(claim: Claim, sides: Sides) -> tuple[bool, str]:
    """Whether every origin belongs to one party to the claim, and the rule that decided."""
    for name, rule in SINGLE_SIDE_RULES:
        verdict = rule(claim, sides)
        if verdict is not None:
            return verdict, name
    raise AssertionError("the last rule decides every claim")


def corroborate(
    reports: Sequence[Report], parties: Sequence[str], actor_named: bool, sides: Sides
) -> Corroboration:
    """The corroboration of one claim from all its reports."""
    origins = origins_of(reports, sides)
    verdict, method = single_side(Claim(origins, tuple(parties), actor_named), sides)
    told = {o.name for o in origins}
    deniers = [r.claimed_by for r in reports if r.status == DENIED and r.claimed_by]
    deniers += [d for r in reports for d in r.denied_by]
    return Corroboration(
        origins=origins,
        sides=tuple(dict.fromkeys(o.side for o in origins if o.side)),
        single_side=verdict,
        single_side_method=method,
        denied_by=tuple(dict.fromkeys(d for d in deniers if d not in told)),
    )


# --- denials ----------------------------------------------------------------------------

# Cue words of a statement that denies what it reports ("denied that its jets bombed ...").
DENY_CUES = words(
    "deny denied denies denying denial refute refuted refutes reject rejected rejects "
    "dismiss dismissed dismisses"
)


def denials(doc: Doc) -> list[tuple[str, ...]]:
    """For each event of `doc`, who denies it there: the named speaker of a denial ("Russia's
    defence ministry denied that its jets had bombed a hospital") whose content holds the
    event's trigger."""
    denying = [
        q for q in doc.quotes if q.speaker and q.cue and q.cue.casefold().split()[-1] in DENY_CUES
    ]
    found: list[tuple[str, ...]] = []
    for event in doc.events:
        at = event.trigger.start
        names = (
            q.speaker
            for q in denying
            if q.speaker and any(p.start <= at < p.end for p in (q.parts or (q,)))
        )
        found.append(tuple(dict.fromkeys(names)))
    return found


# --- one document on its own (the `analyze` report) -------------------------------------


def quote_report(quote: Quote, source: Source) -> Report:
    """A statement as a report: its speaker (or the words naming one) and its relays."""
    said = quote.speaker or (quote.speaker_mention.text if quote.speaker_mention else None)
    return Report(source, "asserted", said, quote.via)


def doc_corroboration(
    doc: Doc, outlets: Iterable[Outlet]
) -> tuple[list[Corroboration], list[Corroboration]]:
    """(events, quotes) of one document, each corroborated by that document alone."""
    sides = Sides.of_doc(doc, outlets)
    source = Source(doc.id, doc.outlet, doc.title or doc.source)
    events = [
        corroborate(
            [Report(source, e.status, e.claimed_by, e.via, denied_by=denied, named=None)],
            (*e.actor, *e.recipient),
            bool(e.actor),
            sides,
        )
        for e, denied in zip(doc.events, denials(doc), strict=True)
    ]
    quotes = [
        corroborate([quote_report(q, source)], (q.speaker,) if q.speaker else (), True, sides)
        for q in doc.quotes
    ]
    return events, quotes


def origin_label(origin: Origin) -> str:
    """One line for an origin: "Sergey Ryabkov (Russia) via RIA (Russia, state)"; the same
    words query.ORIGIN_LABELS writes in SQL."""
    via = ", ".join(_label(v) for v in origin.via)
    return _label(origin) + (f" via {via}" if via else "")


def _label(origin: Origin) -> str:
    if origin.kind == "article":
        return f"{origin.name} (article)"
    side = origin.side if origin.side != origin.name else None  # "Russia", not "Russia (Russia)"
    about = ", ".join(x for x in (side, origin.outlet_kind) if x)
    return f"{origin.name} ({about})" if about else origin.name
