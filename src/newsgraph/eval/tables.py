"""Evaluation results as a rich table (and plain rows for tests and README)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from newsgraph.eval.events import EventResult
from newsgraph.eval.place_scores import NOT_DEMONYMS, PlaceTally
from newsgraph.eval.places import KINDS, PlaceResult
from newsgraph.eval.quotes import SLICES, Result


def quote_rows(results: Sequence[Result]) -> list[list[str]]:
    """One row per system and slice: n, overlap P/R/F1, exact P/R/F1, speaker and cue accuracy."""
    rows = []
    for result in results:
        for name in SLICES:
            t = result.report.slices.get(name)
            if t is None or not t.gold:
                continue
            op, orc, of = t.f1("overlap")
            ep, er, ef = t.f1("exact")
            rows.append(
                [
                    result.system,
                    name,
                    str(t.gold),
                    f"{op:.3f}",
                    f"{orc:.3f}",
                    f"{of:.3f}",
                    f"{ep:.3f}",
                    f"{er:.3f}",
                    f"{ef:.3f}",
                    f"{t.speaker_accuracy():.3f}" if t.speaker_total else "-",
                    f"{t.cue_accuracy():.3f}" if t.cue_total else "-",
                ]
            )
    return rows


QUOTE_HEADER = [
    "system",
    "slice",
    "gold",
    "overlap P",
    "overlap R",
    "overlap F1",
    "exact P",
    "exact R",
    "exact F1",
    "speaker acc",
    "cue acc",
]


def results_table(
    title: str, header: Sequence[str], rows: Sequence[Sequence[str]], labels: int = 2
) -> Table:
    """A rich table: the first `labels` columns (system, slice) left, the figures right."""
    table = Table(title=title)
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i < labels else "right")
    for row in rows:
        table.add_row(*row)
    return table


def quote_table(results: Sequence[Result], title: str) -> Table:
    """The rich table printed by `newsgraph eval quotes`."""
    return results_table(title, QUOTE_HEADER, quote_rows(results))


PLACE_HEADER = [
    "system",
    "measure",
    "kind",
    "toponyms",
    "with coords",
    "recog P",
    "recog R",
    "recog F1",
    "acc@161km",
    "mean km",
    "median km",
    "same id",
]
# What each measure scores (printed under the table).
PLACE_MEASURES = {
    "gold spans": "resolution alone: the resolver is handed each gold toponym span in its "
    "article (how CLAVIN, the Edinburgh Geoparser and CamCoder report LGL)",
    "end to end": "the stage finds places itself; accuracy over all gold toponyms, "
    "a toponym it missed counts wrong",
    "end to end, found": "the same, over the gold toponyms the stage found",
}


def place_rows(results: Sequence[PlaceResult]) -> list[list[str]]:
    """One row per measure, system and kind of place."""
    rows = []
    for measure in PLACE_MEASURES:
        for result in results:
            tallies = result.gold_spans if measure == "gold spans" else result.tallies
            for kind in KINDS:
                t = tallies.get(kind)
                if t is not None and t.gold:
                    rows.append([result.system, measure, kind, *_place_figures(measure, kind, t)])
    return rows


def _place_figures(measure: str, kind: str, t: PlaceTally) -> list[str]:
    """Counts, recognition P/R/F1, accuracy@161km, mean and median km, same id for one row."""
    p, r, f = t.recognition()
    mean, median = t.error_km()
    if measure != "end to end":
        recog = ["-", "-", "-"]
    elif kind in ("all", NOT_DEMONYMS):
        recog = [f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]
    else:
        recog = ["-", f"{r:.3f}", "-"]
    found = measure == "end to end, found"
    accuracy = t.accuracy_found() if found else t.accuracy()
    same_id = t.id_match_found() if found else t.id_match()
    counts = [str(t.found), str(t.found_resolvable)] if found else [str(t.gold), str(t.resolvable)]
    return [*counts, *recog, f"{accuracy:.3f}", f"{mean:.0f}", f"{median:.0f}", f"{same_id:.3f}"]


def place_table(results: Sequence[PlaceResult], title: str) -> Table:
    """The rich table printed by `newsgraph eval places`."""
    caption = "\n".join(f"{name}: {what}" for name, what in PLACE_MEASURES.items())
    table = results_table(title, PLACE_HEADER, place_rows(results), labels=3)
    table.caption = caption
    return table


EVENT_HEADER = ["system", "type", "gold", "P", "R", "F1"]


def event_rows(results: Sequence[EventResult]) -> list[list[str]]:
    """Per system: one row per PLOVER type, then micro and macro F1 and argument accuracy."""
    rows = []
    for result in results:
        report = result.report
        for name in sorted(set(report.types) | report.gold_types):
            t = report.tally(name)
            p, r, f = t.f1()
            rows.append([result.system, name, str(t.tp + t.fn), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"])
        p, r, f = report.micro()
        gold = sum(report.tally(t).tp + report.tally(t).fn for t in report.gold_types)
        rows.append([result.system, "micro", str(gold), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"])
        n = len(report.gold_types)
        rows.append(
            [result.system, f"macro F1 ({n} types)", "", "", "", f"{report.macro_f1():.3f}"]
        )
        rows.append(
            [
                result.system,
                "actor accuracy",
                str(report.actor_total),
                "",
                "",
                f"{report.actor_accuracy():.3f}",
            ]
        )
        rows.append(
            [
                result.system,
                "recipient accuracy",
                str(report.recipient_total),
                "",
                "",
                f"{report.recipient_accuracy():.3f}",
            ]
        )
    return rows


def event_table(results: Sequence[EventResult], title: str) -> Table:
    """The rich table printed by `newsgraph eval events`."""
    return results_table(title, EVENT_HEADER, event_rows(results))
