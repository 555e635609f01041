"""PolNeAR's brat standoff files -> gold attributions (source, cue, content spans)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: who (may be absent), the cue, and what is attributed."""

    content: Spans
    cue: Spans
    source: Spans  # empty for "Attribution-no-source"

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article's text and its attributions, from one annotator."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def read_polnear(folder: Path) -> list[GoldArticle]:
    """Every article in `folder/text` with the first annotator's file in `folder/attributions`."""
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text("utf-8")
        articles.append(
            GoldArticle(text_path.stem, text, tuple(parse_ann(anns[0].read_text("utf-8"))))
        )
    return articles


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Attributions from the T (text-bound) and E (event) lines of one .ann file."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, where = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in where.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in fields[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        content = tuple(sorted(s for ref in roles.get("Content", []) for s in spans.get(ref, ())))
        if not content:
            continue
        cue = tuple(s for ref in roles.get("Cue", []) for s in spans.get(ref, ()))
        source = tuple(s for ref in roles.get("Source", []) for s in spans.get(ref, ()))
        out.append(GoldAttribution(content, cue, source))
    return out


def fingerprint(folder: Path, names: Sequence[str] = ()) -> str:
    """SHA-256 over the text and annotation files (of `names`, else all): pins the gold data."""
    digest = hashlib.sha256()
    files = [*folder.glob("text/*.txt"), *folder.glob("attributions/*.ann")]
    if names:
        files = [p for p in files if any(p.name.startswith(n) for n in names)]
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
