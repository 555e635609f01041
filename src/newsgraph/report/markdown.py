"""Doc -> a situation report an analyst can read in a minute (Markdown)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from newsgraph.model import Corroboration, Doc, Event, Quote
from newsgraph.report.escape import md_text as _md
from newsgraph.resolve.outlets import Outlet
from newsgraph.store.origins import doc_corroboration, origin_label

# Most severe first: lethal violence, then violence, coercion, threats, words, cooperation.
SEVERITY = [
    "ASSAULT",
    "COERCE",
    "THREATEN",
    "MOBILIZE",
    "SANCTION",
    "PROTEST",
    "ACCUSE",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "AID",
    "SUPPORT",
    "AGREE",
]


def render_markdown(docs: Iterable[Doc], outlets: Iterable[Outlet]) -> str:
    """The situation report for every document, separated by rules; `outlets` (the outlet
    table) tells whose each outlet is."""
    table = list(outlets)
    return "\n\n---\n\n".join(_document(d, table) for d in docs) + "\n"


def _document(doc: Doc, outlets: list[Outlet]) -> str:
    head = [f"# {_md(doc.title or doc.source)}", ""]
    meta = [
        x for x in (f"by {doc.byline}" if doc.byline else "", doc.published or "", doc.source) if x
    ]
    head.append("_" + " · ".join(_md(m) for m in meta) + "_")
    events, quotes = doc_corroboration(doc, outlets)
    parts = [
        "\n".join(head),
        _events(list(zip(doc.events, events, strict=True))),
        _who(doc),
        _places(doc),
        _quotes(list(zip(doc.quotes, quotes, strict=True))),
        _disputes(doc),
    ]
    return "\n\n".join(p for p in parts if p)


def severity(event: Event) -> tuple[int, int, int, int]:
    """Sort key: killing first (the deadliest first), then by type severity, reading order."""
    rank = SEVERITY.index(event.type) if event.type in SEVERITY else len(SEVERITY)
    dead = event.fatalities or len(event.killed)
    return (0 if dead else 1, -dead, rank, event.evidence.start)


# Told as background, or not done: no part of what happened.
NOT_NEWS = frozenset({"historical", "hypothetical"})


def _events(events: list[tuple[Event, Corroboration]]) -> str:
    news = [(e, c) for e, c in events if e.status not in NOT_NEWS]
    lines = ["## What happened", ""]
    for event, origins in sorted(news, key=lambda pair: severity(pair[0])):
        lines.append("- " + _event_line(event, origins))
    return "\n".join(lines) if news else "## What happened\n\nNo events found."


def _event_line(event: Event, origins: Corroboration) -> str:
    who = ", ".join(event.actor) or "unknown actor"
    whom = ", ".join(event.recipient) or "-"
    mode = f" ({event.mode})" if event.mode else ""
    bits = [f"**{event.type}**{mode}: {_md(who)} → {_md(whom)}"]
    if event.location:
        bits.append(f"in {_md(', '.join(event.location))}")
    if event.date:
        bits.append(f"on {_md(event.date)}")
    elif event.day and event.day_precision != "report":
        bits.append(f"on {event.day}")
    toll = _toll(event)
    if toll:
        bits.append(f"killed: {_md(toll)}")
    if event.injuries is not None:
        bits.append(f"wounded: {event.injuries}")
    if event.status != "asserted":
        bits.append(f"_{event.status}_")
    bits.append(corroboration_text(origins))
    return " · ".join(bits) + f"  \n  > {_md(_excerpt(event.evidence.text))}"


def _toll(event: Event) -> str:
    """ "at least 20", "4; Valery Asapov", "dozens": the count, then the named dead."""
    count = event.fatalities_text or ""
    if event.fatalities is not None:
        count = f"{'at least ' if event.approximate else ''}{event.fatalities}"
    return "; ".join(x for x in (count, ", ".join(event.killed)) if x)


def corroboration_text(c: Corroboration) -> str:
    """ "1 origin: Sergey Ryabkov (Russia) via RIA (Russia, state) · **one side only**"."""
    count = f"{c.independent_origins} origin{'' if c.independent_origins == 1 else 's'}"
    text = f"{count}: " + "; ".join(_md(origin_label(o)) for o in c.origins) if c.origins else count
    if c.single_side:
        text += f" · **one side only** ({_md(', '.join(c.sides))})"
    if c.denied_by:
        text += f" · denied by {_md(', '.join(c.denied_by))}"
    return text


def _who(doc: Doc) -> str:
    lines = ["## Who's who", ""]
    if doc.people:
        lines += ["| person | title | affiliation |", "|---|---|---|"]
        for p in doc.people:
            lines.append(f"| {_md(p.name)} | {_md(p.title or '')} | {_md(p.affiliation or '')} |")
        lines.append("")
    patrons: dict[str, list[str]] = defaultdict(list)
    for rel in doc.relations:
        patrons[rel.subject].append(f"{rel.relation.replace('_', ' ')} {rel.object} (article)")
    for a in doc.actors:
        known = [f"backed by {p}" for p in a.patrons] + ([f"led by {a.led_by}"] if a.led_by else [])
        patrons[a.name] += [k for k in known if not any(r.startswith(k) for r in patrons[a.name])]
    if doc.actors:
        lines += ["| actor | kind | country | relations |", "|---|---|---|---|"]
        for a in doc.actors:
            rels = "; ".join(patrons.get(a.name, []))
            lines.append(f"| {_md(a.name)} | {a.kind} | {_md(a.country or '')} | {_md(rels)} |")
    return "\n".join(lines)


def _places(doc: Doc) -> str:
    if not doc.places:
        return ""
    lines = [
        "## Places",
        "",
        "| place | kind | country | lat, lon | GeoNames | spellings |",
        "|---|---|---|---|---|---|",
    ]
    for p in doc.places:
        where = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
        spellings = ", ".join(dict.fromkeys(m.text for m in p.mentions))
        gid = str(p.geonames_id) if p.geonames_id else ""
        lines.append(
            f"| {_md(p.name)} | {p.kind} | {p.country_code or ''} | {where} | {gid} | {_md(spellings)} |"
        )
    return "\n".join(lines)


def _quotes(said: list[tuple[Quote, Corroboration]]) -> str:
    if not said:
        return ""
    by_speaker: dict[str, list[tuple[Quote, Corroboration]]] = defaultdict(list)
    for q, c in said:
        by_speaker[q.speaker or "unattributed"].append((q, c))
    lines = ["## Who said what"]
    for speaker, quotes in by_speaker.items():
        outlets = sorted({v for q, _ in quotes for v in q.via})
        through = f" (via {', '.join(outlets)})" if outlets else ""
        lines += ["", f"**{_md(speaker)}**{_md(through)}"]
        for q, origins in quotes:
            text = f'"{_excerpt(q.said)}"' if q.kind == "direct" else _excerpt(q.said)
            cue = f"_({q.kind}, {_md(q.cue or 'no cue')})_"
            lines.append(f"- {_md(text)} {cue} · {corroboration_text(origins)}")
    return "\n".join(lines)


def _disputes(doc: Doc) -> str:
    """Accusations between two parties, each side's claims in its own column."""
    pairs: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for e in doc.events:
        if e.type == "ACCUSE" and e.actor and e.recipient:
            accuser = e.actor[-1]
            for target in e.recipient:
                pairs[tuple(sorted((accuser, target)))].append(e)  # type: ignore[index]
    if not pairs:
        return ""
    lines = ["## Accusations, side by side"]
    for (a, b), events in pairs.items():
        lines += ["", f"| {_md(a)} says | {_md(b)} says |", "|---|---|"]
        left = [e for e in events if e.actor[-1] == a]
        right = [e for e in events if e.actor[-1] == b]
        for i in range(max(len(left), len(right))):
            cells = [
                _md(_excerpt(side[i].evidence.text, 120)) if i < len(side) else ""
                for side in (left, right)
            ]
            lines.append(f"| {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def _excerpt(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
