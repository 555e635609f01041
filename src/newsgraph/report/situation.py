"""A situation report over the store: one self-contained HTML file (map, timeline and tables
inline, no script, nothing fetched), or the same content as Markdown without the pictures.

Most severe events first; who said what; open disputes; every line links to its sources.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.data_files import read_text
from newsgraph.report.escape import md_link, md_text
from newsgraph.report.markdown import SEVERITY
from newsgraph.store.query import Filters
from newsgraph.store.read import Item, Reader

MAX_EVENTS = 200


@dataclass(slots=True)
class Situation:
    """What the report shows, gathered from the store."""

    scope: str
    summary: Item
    events: list[Item] = field(default_factory=list)
    quotes: list[Item] = field(default_factory=list)
    disputes: list[Item] = field(default_factory=list)
    places: list[Item] = field(default_factory=list)
    days: list[Item] = field(default_factory=list)


def build_situation(reader: Reader, filters: Filters) -> Situation:
    """Gather the report's content for `filters` (place, actor, since, until)."""
    scope = ", ".join(
        f"{name} {value}"
        for name, value in (
            ("place", filters.place),
            ("actor", filters.actor),
            ("from", filters.since),
            ("to", filters.until),
        )
        if value
    )
    _, events = reader.page("events", Filters(**{**_plain(filters), "limit": MAX_EVENTS}))
    # what happened: background told long after the fact and acts not done are left out
    events = [e for e in events if set(e["status"] or ()) - NOT_NEWS]
    events.sort(key=_severity)
    quote_filters = Filters(
        speaker=filters.actor, since=filters.since, until=filters.until, limit=300
    )
    _, quotes = reader.page("quotes", quote_filters)
    return Situation(
        scope=scope or "everything stored",
        summary=reader.summary(),
        events=events,
        quotes=quotes,
        disputes=reader.disputes(filters.actor, filters.since, filters.until)[:20],
        places=reader.map(filters),
        days=reader.timeline(filters),
    )


NOT_NEWS = frozenset({"historical", "hypothetical"})


def _toll(event: Item) -> str:
    """ "at least 20" or "20", plus the named dead: what the report says of the killed."""
    count = event.get("fatalities")
    named = ", ".join(event.get("killed") or [])
    number = "" if count is None else f"{'at least ' if event.get('approximate') else ''}{count}"
    return "; ".join(x for x in (number, named) if x)


def _plain(filters: Filters) -> dict[str, Any]:
    return {name: getattr(filters, name) for name in filters.__dataclass_fields__}


def _severity(event: Item) -> tuple[int, int, int, str]:
    rank = SEVERITY.index(event["type"]) if event["type"] in SEVERITY else len(SEVERITY)
    killed = event["fatalities"] or 0
    return rank, -killed, -event["documents"], str(event["event"])


# --- Markdown -------------------------------------------------------------------------


def render_md(s: Situation) -> str:
    """The report as Markdown; every text from an article escaped (report/escape.py)."""
    lines = [f"# Situation report: {md_text(s.scope)}", "", _counts(s.summary), ""]
    lines += ["## What happened", ""]
    for e in s.events:
        lines.append(f"- {_md_event(e)} [{_md_sources(e)}]")
    lines += ["", "## Who said what", ""]
    for speaker, quotes in _by_speaker(s.quotes):
        lines.append(f"### {md_text(speaker)}")
        for q in quotes[:8]:
            chain = f" (origin: {md_text('; '.join(q['origins']))})" if q["origins"] else ""
            text = md_text(_clip(q["text"]))
            lines.append(f'- "{text}"{chain} [{md_link(q["source"] or "source", None)}]')
        lines.append("")
    lines += ["## Open disputes", ""]
    for pair in s.disputes:
        a, b = md_text(pair["a"]), md_text(pair["b"])
        lines.append(f"### {a} / {b}")
        for side, who in (("a_to_b", f"{a} accuses {b}"), ("b_to_a", f"{b} accuses {a}")):
            for claim in pair[side][:5]:
                said = md_text(_clip(claim["sentence"] or ""))
                link = md_link(claim["outlet"] or claim["title"] or "source", claim["url"])
                one = " **one side only**" if claim["single_side"] else ""
                lines.append(f"- {who}: {said} [{link}]{md_text(_origins_text(claim))}{one}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_event(e: Item) -> str:
    text = f"**{e['type']}**" + md_text(_event_text(e).removeprefix(f"**{e['type']}**"))
    return text + md_text(_origins_text(e)) + (" **one side only**" if e["single_side"] else "")


def _origins_text(item: Item) -> str:
    """ " · origins: SANA (Syria, state); Reuters (wire) · denied by Russia"."""
    origins = "; ".join(item.get("origins") or []) or "none"
    denied = ", ".join(item.get("denied_by") or [])
    return f" · origins: {origins}" + (f" · denied by {denied}" if denied else "")


def _md_sources(event: Item) -> str:
    urls = event.get("urls") or []
    names = event["sources"] or []
    if urls:
        return ", ".join(md_link(u, u) for u in urls[:5])
    return ", ".join(md_text(n) for n in names[:5])


# --- HTML -----------------------------------------------------------------------------

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;color:#1d2430;max-width:1100px;margin:20px auto;padding:0 16px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #d9dde3}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:3px 6px;border-bottom:1px solid #e4e7eb;vertical-align:top}
.muted{color:#6b7380}.tag{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px}
svg{width:100%;background:#eaf1f8}.one-side{background:#fbe3c8;color:#8a4a00;border-radius:8px;padding:0 5px;font-size:12px}.dispute{display:grid;grid-template-columns:1fr 1fr;gap:12px}
"""
_COLOURS = {
    "ASSAULT": "#c0392b",
    "COERCE": "#e67e22",
    "THREATEN": "#d35400",
    "PROTEST": "#f1c40f",
    "ACCUSE": "#2c3e50",
    "REJECT": "#566573",
}


def render_html(s: Situation) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>Situation report: {e(s.scope)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Situation report: {e(s.scope)}</h1><p class=muted>{e(_counts(s.summary))}</p>",
        "<h2>Where</h2>",
        _map_svg(s.places),
        "<h2>When</h2>",
        _timeline_svg(s.days),
        "<h2>What happened</h2><table><tr><th>type</th><th>day</th><th>place</th><th>who</th>"
        "<th>whom</th><th>killed</th><th>status</th><th>origins</th><th>sources</th></tr>",
    ]
    for ev in s.events:
        parts.append(
            f"<tr><td>{_tag(ev['type'])} {e(ev['mode'] or '')}</td><td>{e(str(ev['date'] or ''))}</td>"
            f"<td>{e(ev['place'] or '')}</td><td>{e(', '.join(ev['actors'] or []))}</td>"
            f"<td>{e(', '.join(ev['recipients'] or []))}</td><td>{e(_toll(ev))}</td>"
            f"<td>{e(', '.join(ev['status'] or []))}</td><td>{_html_origins(ev)}</td>"
            f"<td>{_html_sources(ev)}<div class=muted>"
            f"{e(_clip(ev['evidence'] or ''))}</div></td></tr>"
        )
    parts.append("</table><h2>Who said what</h2>")
    for speaker, quotes in _by_speaker(s.quotes):
        parts.append(f"<h3>{e(speaker)}</h3><ul>")
        for q in quotes[:8]:
            origin = "; ".join(q["origins"] or [])
            via = f" <span class=muted>origin: {e(origin)}</span>" if origin else ""
            parts.append(
                f"<li>&ldquo;{e(_clip(q['text']))}&rdquo;{via} <span class=muted>{e(q['source'] or '')}</span></li>"
            )
        parts.append("</ul>")
    parts.append("<h2>Open disputes</h2>")
    for pair in s.disputes:
        parts.append(f"<h3>{e(pair['a'])} &#8644; {e(pair['b'])}</h3><div class=dispute>")
        for side, who in (
            ("a_to_b", f"{pair['a']} accuses {pair['b']}"),
            ("b_to_a", f"{pair['b']} accuses {pair['a']}"),
        ):
            claims = "".join(
                f"<li>{e(_clip(c['sentence'] or ''))} {_html_link(c['outlet'] or c['title'] or c['doc_id'], c['url'])}"
                f"<div class=muted>{_html_origins(c)}</div></li>"
                for c in pair[side][:5]
            )
            parts.append(
                f"<div><strong>{e(who)}</strong><ul>{claims or '<li class=muted>nothing reported</li>'}</ul></div>"
            )
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_origins(item: Item) -> str:
    """The origins, one a line, a "one side only" mark and who denies it."""
    origins = "<br>".join(html.escape(o) for o in item.get("origins") or []) or "none"
    one = " <span class=one-side>one side only</span>" if item.get("single_side") else ""
    denied = ", ".join(item.get("denied_by") or [])
    return origins + one + (f"<br>denied by {html.escape(denied)}" if denied else "")


def _tag(kind: str) -> str:
    return f'<span class=tag style="background:{_COLOURS.get(kind, "#777")}">{html.escape(kind)}</span>'


def _html_sources(event: Item) -> str:
    urls = event.get("urls") or []
    if urls:
        return ", ".join(_html_link(u, u) for u in urls[:5])
    return html.escape(", ".join(str(n) for n in (event["sources"] or [])[:5]))


def _html_link(text: str | None, url: str | None) -> str:
    label = html.escape(text or "source")
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{label}</a>'
    return label


def _map_svg(places: list[Item]) -> str:
    countries = json.loads(read_text("map/countries.json", "scripts/build_world_map.py"))
    paths = []
    for country in countries["countries"]:
        d = "".join(
            "M" + "L".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in ring) + "Z"
            for ring in country["rings"]
        )
        paths.append(f'<path d="{d}" fill="#fdfdfb" stroke="#a9b3bf" stroke-width=".15"/>')
    totals: Counter[tuple[str, float, float]] = Counter()
    for p in places:
        totals[(p["place"], p["lat"], p["lon"])] += p["events"]
    box = _bounds([(lat, lon) for _, lat, lon in totals]) if totals else (0.0, 0.0, 360.0, 180.0)
    scale = (box[2] / 360) ** 0.5
    dots = "".join(
        f'<circle cx="{lon + 180:.2f}" cy="{90 - lat:.2f}" r="{(1 + n**0.5 * 0.9) * scale:.2f}" '
        f'fill="#c0392b" opacity=".8"><title>{html.escape(name)}: {n}</title></circle>'
        for (name, lat, lon), n in totals.items()
    )
    view = " ".join(f"{v:.1f}" for v in box)
    return f'<svg viewBox="{view}" height="380" preserveAspectRatio="xMidYMid meet">{"".join(paths)}{dots}</svg>'


def _bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [lon + 180 for _, lon in points]
    ys = [90 - lat for lat, _ in points]
    pad = 4.0
    x, y = min(xs) - pad, min(ys) - pad
    return x, y, max(16.0, max(xs) + pad - x), max(9.0, max(ys) + pad - y)


def _timeline_svg(days: list[Item]) -> str:
    if not days:
        return "<p class=muted>no dated events</p>"
    per_day: dict[str, int] = defaultdict(int)
    for row in days:
        per_day[str(row["day"])] += row["events"]
    ordered = sorted(per_day)
    top = max(per_day.values())
    width = 800 / len(ordered)
    bars = "".join(
        f'<rect x="{i * width:.1f}" y="{100 - per_day[d] / top * 95:.1f}" width="{max(width - 1, 1):.1f}" '
        f'height="{per_day[d] / top * 95:.1f}" fill="#1f5fbf"><title>{d}: {per_day[d]}</title></rect>'
        for i, d in enumerate(ordered)
    )
    return f'<svg viewBox="0 0 800 100" height="120" preserveAspectRatio="none">{bars}</svg><p class=muted>{ordered[0]} to {ordered[-1]}</p>'


# --- shared ---------------------------------------------------------------------------


def _counts(summary: Item) -> str:
    return (
        f"{summary.get('documents', 0)} documents, {summary.get('events', 0)} events, "
        f"{summary.get('quotes', 0)} quotes in the store"
    )


def _event_text(e: Item) -> str:
    who = ", ".join(e["actors"] or []) or "?"
    whom = ", ".join(e["recipients"] or [])
    killed = f", killed: {_toll(e)}" if _toll(e) else ""
    where = f" in {e['place']}" if e["place"] else ""
    when = f" on {e['date']}" if e["date"] else ""
    return f"**{e['type']}**{where}{when}: {who}{' -> ' + whom if whom else ''}{killed} ({', '.join(e['status'] or [])}, {e['documents']} document(s))"


def _by_speaker(quotes: list[Item]) -> list[tuple[str, list[Item]]]:
    grouped: dict[str, list[Item]] = defaultdict(list)
    for q in quotes:
        if q["speaker"]:
            grouped[q["speaker"]].append(q)
    return sorted(grouped.items(), key=lambda kv: -len(kv[1]))[:25]


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
