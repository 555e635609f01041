"""Scoring analysed documents against conflict-news analyst annotations (events and quotes).

The same matching rules as the gold set's own `score.py` (a test runs both on one fixture
and compares their figures), written as typed code so that `newsgraph eval conflict` and the
quality gate measure what the scorer measures:

- events as incidents: a predicted record matches a gold incident when the PLOVER types are
  equal and one of its spans (evidence, trigger, also_in, mentions) overlaps the gold evidence
  sentence; each incident takes its best record by fields, so a second record of the same
  incident is a false positive. Field accuracy on matched pairs; `strict` counts matched
  records with every annotated field right, over all predicted records.
- quotes: a predicted quote matches a gold statement when their spans overlap; speaker and
  `via` accuracy on matched statements.

Records that are `nested`, `hypothetical` or `historical` are left out, as the annotators
coded the incidents an article reports as news.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.extract.tolls import UNITS

Record = Mapping[str, Any]
Spans = list[tuple[int, int]]

# Words that say nothing about which party is meant ("government forces" ~ "Syria forces").
STOP = frozenset(
    [
        "of",
        "the",
        "forces",
        "force",
        "military",
        "army",
        "troops",
        "regime",
        "government",
        "police",
        "group",
        "armed",
        "and",
        "al",
        "militants",
        "fighters",
        "rebels",
        "s",
        "de",
        "la",
        "le",
    ]
)
CIVILIANS = frozenset(
    [
        "civilians",
        "civilian",
        "people",
        "residents",
        "children",
        "women",
        "villagers",
        "families",
        "patients",
        "worshippers",
        "passengers",
        "students",
        "displaced",
        "refugees",
    ]
)
MODE_ALIASES = {
    "aerial": r"aerial|air|drone|plane|jet|warplane|helicopter|barrel",
    "heavy-weapons": r"heavy|shell|artiller|rocket|missile|mortar|tank",
    "firearms": r"firearm|gun|shoot|sniper|rifle",
    "explosives": r"explosive|bomb|ied|mine|blast",
    "suicide-attack": r"suicide",
    "armed-clash": r"clash|fight|battle",
    "abduct": r"abduct|kidnap|hostage",
    "massacre": r"massacre",
    "unconventional": r"unconventional|chemical|gas|sarin|chlorine|cbrn",
    "assassinate": r"assassin",
    "beat": r"beat",
    "sexual": r"sex|rape",
    "arrest": r"arrest|detain",
}
FIELDS = ("mode", "actor", "recipient", "location", "day", "killed", "status")
# score.py reads number words up to twelve; more would score differently from it
NUMBER_WORDS = {word: value for word, value in UNITS.items() if value <= 12}
UNSCORED_STATUS = frozenset({"hypothetical", "historical"})


def name_words(name: str) -> set[str]:
    """The words of a party's name that tell parties apart (no "forces", no brackets)."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"\([^)]*\)", " ", text.lower()).replace("-", " ").replace("'", "")
    return {t for t in re.findall(r"[a-z]+", text) if t not in STOP and len(t) > 1}


def same_name(a: str, b: str) -> bool:
    """Whether two names name the same party: half the shorter one's words shared."""
    x, y = name_words(a), name_words(b)
    if x & CIVILIANS and y & CIVILIANS:
        return True
    return bool(x and y and len(x & y) / min(len(x), len(y)) >= 0.5)


def every_name(golds: Sequence[str], preds: Sequence[str]) -> bool:
    """Every gold party is named among the predicted ones; an empty gold list wants none."""
    if not golds:
        return not preds
    return all(any(same_name(g, p) for p in preds) for g in golds)


def record_spans(rec: Record) -> Spans:
    """Every character span a record points at: evidence, trigger, further mentions, parts."""
    out: Spans = []
    for key in ("evidence", "trigger"):
        s = rec.get(key)
        if isinstance(s, dict) and "start" in s:
            out.append((int(s["start"]), int(s["end"])))
    for key in ("also_in", "mentions", "parts"):
        for s in rec.get(key) or []:
            if isinstance(s, dict) and "start" in s:
                out.append((int(s["start"]), int(s["end"])))
    if "start" in rec and "end" in rec:
        out.append((int(rec["start"]), int(rec["end"])))
    return out


def squeeze(text: str) -> str:
    """The text without whitespace: how documents are matched to gold articles."""
    return re.sub(r"\s+", "", text)


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Where an annotated string is in the text; spacing may differ ("Mogherini ." joined)."""
    needle = needle.strip()
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    chars = [c for c in needle if not c.isspace()]
    if not chars:
        return None
    found = re.search(r"\s*".join(re.escape(c) for c in chars), text)
    return (found.start(), found.end()) if found else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def mode_ok(gold: str | None, pred: object) -> bool:
    """A gold mode is met by a predicted mode naming it in any of its usual words."""
    if not gold:
        return True
    pattern = MODE_ALIASES.get(gold, re.escape(gold))
    return bool(pred) and bool(re.search(pattern, str(pred), re.I))


def count(values: object) -> int | None:
    """A killed field as a number: an integer, or the sum of a list's numbers (a name is 1)."""
    if isinstance(values, int):
        return values
    if not values or not isinstance(values, list | tuple):
        return None
    total = 0
    for v in values:
        if isinstance(v, int):
            total += v
            continue
        digits = re.search(r"\d[\d,]*", str(v))
        word = next(
            (NUMBER_WORDS[t] for t in re.findall(r"[a-z]+", str(v).lower()) if t in NUMBER_WORDS),
            None,
        )
        total += int(digits.group(0).replace(",", "")) if digits else (1 if word is None else word)
    return total


def fields(gold: Record, pred: Record) -> dict[str, bool]:
    """Which annotated fields the predicted record has right."""
    fatalities = pred.get("fatalities")
    killed = fatalities if isinstance(fatalities, int) else count(pred.get("killed"))
    places = list(pred.get("location") or [])[:1]
    gold_places = list(gold.get("location") or [])
    return {
        "mode": mode_ok(gold.get("mode"), pred.get("mode")),
        "actor": every_name(gold.get("actor") or [], pred.get("actor") or []),
        "recipient": every_name(gold.get("recipient") or [], pred.get("recipient") or []),
        # the most specific predicted place names the gold place or the place that holds it
        "location": not gold_places
        or any(same_name(g, p) for g in gold_places[:2] for p in places),
        "day": gold.get("day") is None or pred.get("day") == gold.get("day"),
        "killed": gold.get("killed") is None or killed == gold.get("killed"),
        "status": str(pred.get("status") or "asserted") == str(gold.get("status") or "asserted"),
    }


@dataclass(slots=True)
class ConflictScore:
    """Counts over a gold set, and the lines `--verbose` prints."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    strict: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)
    quote_gold: int = 0
    quote_predicted: int = 0
    quote_found: int = 0  # gold statements some prediction overlaps
    quote_right: int = 0  # predictions overlapping some gold statement
    speaker_n: int = 0
    speaker_ok: int = 0
    via_n: int = 0
    via_ok: int = 0
    details: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # gold articles with no document

    def figures(self) -> dict[str, float]:
        """Every figure by the name the last output line gives it."""
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        out = {
            "event_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "event_p": p,
            "event_r": r,
            "strict": self.strict / self.predicted if self.predicted else 0.0,
            "ratio": self.predicted / self.gold if self.gold else 0.0,
        }
        if self.matched:
            out |= {k: v / self.matched for k, v in self.field_hits.items()}
        if self.quote_gold:
            qp = self.quote_right / self.quote_predicted if self.quote_predicted else 0.0
            qr = self.quote_found / self.quote_gold
            out["quote_f1"] = 2 * qp * qr / (qp + qr) if qp + qr else 0.0
            out["quote_p"], out["quote_r"] = qp, qr
            out["speaker"] = self.speaker_ok / self.speaker_n if self.speaker_n else 0.0
            out["via"] = self.via_ok / self.via_n if self.via_n else 0.0
        return out

    def summary(self) -> list[str]:
        """The figures as score.py prints them."""
        f = self.figures()
        lines = [
            f"events: gold {self.gold}, predicted {self.predicted} ({f['ratio']:.2f}x), "
            f"matched {self.matched}: P {f['event_p']:.3f} R {f['event_r']:.3f} "
            f"F1 {f['event_f1']:.3f}; strict (all fields right) {self.strict}/{self.predicted}"
            f" = {f['strict']:.3f}",
            "  field accuracy on matched: "
            + ", ".join(f"{k} {f[k]:.3f}" for k in FIELDS if k in f),
        ]
        if self.quote_gold:
            lines.append(
                f"quotes: gold {self.quote_gold}, predicted {self.quote_predicted}: overlap "
                f"P {f['quote_p']:.3f} R {f['quote_r']:.3f} F1 {f['quote_f1']:.3f}; speaker "
                f"{self.speaker_ok}/{self.speaker_n} = {f['speaker']:.3f}; via "
                f"{self.via_ok}/{self.via_n} = {f['via']:.3f}"
            )
        keys = ["event_f1", "event_p", "event_r", "strict", "ratio"]
        keys += [k for k in FIELDS if k in f]
        keys += ["quote_f1", "speaker", "via"] if self.quote_gold else []
        lines.append(
            "conflict: "
            + " ".join(f"{k}={f[k]:.2f}" if k == "ratio" else f"{k}={f[k]:.3f}" for k in keys)
        )
        return lines


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article: its text as annotated, its incidents and its statements."""

    id: str
    text: str
    events: tuple[Record, ...]
    quotes: tuple[Record, ...] | None  # None where the set has no quote annotations


def score_documents(
    documents: Sequence[Record], gold: Sequence[GoldArticle], verbose: bool = False
) -> ConflictScore:
    """Score predicted documents (as `--format json` writes them) against the gold articles."""
    by_text = {squeeze(str(d.get("text") or ""))[:300]: d for d in documents}
    score = ConflictScore()
    for article in sorted(gold, key=lambda a: a.id):
        squeezed = squeeze(article.text)
        doc = next((d for k, d in by_text.items() if k and k[:200] in squeezed), None)
        if doc is None:
            score.missing.append(article.id)
            doc = {"text": article.text, "events": [], "quotes": []}
        text = str(doc.get("text") or article.text)
        _score_events(article, doc, text, score, verbose)
        if article.quotes is not None:
            _score_quotes(article.quotes, doc, text, score)
    return score


def scored_events(doc: Record) -> list[Record]:
    """The records scored as incidents: not nested, hypothetical or historical."""
    return [
        e
        for e in doc.get("events", [])
        if not e.get("nested") and str(e.get("status", "")).lower() not in UNSCORED_STATUS
    ]


def _score_events(
    article: GoldArticle, doc: Record, text: str, score: ConflictScore, verbose: bool
) -> None:
    preds = scored_events(doc)
    score.gold += len(article.events)
    score.predicted += len(preds)
    used: set[int] = set()
    name = article.id
    for g in article.events:
        where = locate(text, str(g["evidence"]))
        best, best_f = _best_match(g, preds, used, where)
        if best is None or best_f is None:
            if verbose:
                score.details.append(
                    f"  MISS {name} {g['type']} {g.get('actor')}->{g.get('recipient')}: "
                    f"{str(g['evidence'])[:90]}"
                )
            continue
        used.add(best)
        score.matched += 1
        for k, v in best_f.items():
            score.field_hits[k] = score.field_hits.get(k, 0) + v
        score.strict += all(best_f.values())
        if verbose and not all(best_f.values()):
            wrong = [k for k, v in best_f.items() if not v]
            p = preds[best]
            score.details.append(
                f"  FIELD {name} {g['type']} wrong {wrong}: gold {[g.get(k) for k in wrong]} "
                f"pred {[_shown(p, k) for k in wrong]}"
            )
    if verbose:
        for i, p in enumerate(preds):
            if i not in used:
                evidence = (p.get("evidence") or {}).get("text", "")
                score.details.append(
                    f"  EXTRA {name} {p.get('type')} {p.get('actor')}->{p.get('recipient')}: "
                    f"{evidence[:90]}"
                )


def _shown(pred: Record, key: str) -> object:
    """A predicted field as the scorer read it (the number of dead, not the victims' names)."""
    if key == "killed" and isinstance(pred.get("fatalities"), int):
        return pred["fatalities"]
    return pred.get(key)


def _best_match(
    gold: Record, preds: Sequence[Record], used: set[int], where: tuple[int, int] | None
) -> tuple[int | None, dict[str, bool] | None]:
    best: int | None = None
    best_f: dict[str, bool] | None = None
    if where is None:
        return None, None
    for i, p in enumerate(preds):
        if i in used or str(p.get("type", "")).upper() != gold["type"]:
            continue
        if not any(overlaps(s, where) for s in record_spans(p)):
            continue
        f = fields(gold, p)
        if best_f is None or sum(f.values()) > sum(best_f.values()):
            best, best_f = i, f
    return best, best_f


def _score_quotes(golds: Iterable[Record], doc: Record, text: str, score: ConflictScore) -> None:
    located = [(q, where) for q in golds if (where := locate(text, str(q["content"])))]
    preds = list(doc.get("quotes", []))
    score.quote_gold += len(located)
    score.quote_predicted += len(preds)
    for g, where in located:
        hits = [q for q in preds if any(overlaps(s, where) for s in record_spans(q))]
        if not hits:
            continue
        score.quote_found += 1
        if g.get("speaker"):
            score.speaker_n += 1
            names = [str(q.get("speaker") or "") for q in hits]
            names += [str((q.get("speaker_mention") or {}).get("text") or "") for q in hits]
            score.speaker_ok += any(same_name(g["speaker"], n) for n in names if n)
        if g.get("via"):
            score.via_n += 1
            score.via_ok += any(every_name(g["via"], q.get("via") or []) for q in hits)
    spans = [where for _, where in located]
    score.quote_right += sum(
        1 for q in preds if any(overlaps(s, w) for s in record_spans(q) for w in spans)
    )
