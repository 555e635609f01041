"""`newsgraph eval ...`: score the stages against public gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import track

from newsgraph.cli import console
from newsgraph.cli.console import err
from newsgraph.cli.errors import check_output, write_atomically
from newsgraph.errors import NewsgraphError
from newsgraph.eval.conflict import evaluate as evaluate_conflict
from newsgraph.eval.events import evaluate_events
from newsgraph.eval.lgl import read_lgl
from newsgraph.eval.places import evaluate_places
from newsgraph.eval.plover_gold import read_plover_gold
from newsgraph.eval.quotes import evaluate, load, newsgraph_predictor, textacy_predictor
from newsgraph.eval.tables import event_table, place_table, quote_table
from newsgraph.report.json_out import render_documents
from newsgraph.resources import Resources

app = typer.Typer(no_args_is_help=True, help="Score the stages against public gold data.")
out = console.out(width=180)  # a results table is read whole, never wrapped


@app.command("quotes")
def quotes(
    gold: Annotated[
        Path, typer.Option("--gold", help="A PolNeAR split folder (text/ and attributions/).")
    ],
    limit: Annotated[
        int | None, typer.Option("--limit", help="Only the first N articles.", min=1)
    ] = None,
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Also score textacy.")
    ] = True,
) -> None:
    """Quote attribution on PolNeAR: exact/overlap F1 on content, speaker and cue accuracy."""
    if not (gold / "text").is_dir():
        err.print(f"newsgraph: error: {gold}: no text/ folder (expected a PolNeAR split)")
        raise typer.Exit(2)
    articles = load(gold, limit)
    res = Resources()
    systems = [("newsgraph", newsgraph_predictor(res))]
    if baseline:
        try:
            systems.append(("textacy", textacy_predictor(res)))
        except ImportError:
            err.print("baseline skipped: textacy is not installed (pip install -e '.[dev]')")
    results = []
    try:
        for name, predict in systems:
            wrapped = list(track(articles, description=name, console=err, transient=True))
            results.append(evaluate(wrapped, predict, name))
    except NewsgraphError as exc:
        err.print(f"newsgraph: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    gold_count = sum(len(a.attributions) for a in articles)
    out.print(
        quote_table(
            results, f"PolNeAR {gold.name}: {len(articles)} articles, {gold_count} attributions"
        )
    )


@app.command("places")
def places(
    gold: Annotated[
        Path, typer.Option("--gold", help="LGL XML file (articles with resolved toponyms).")
    ],
    limit: Annotated[
        int | None, typer.Option("--limit", help="Only the first N articles.", min=1)
    ] = None,
) -> None:
    """Places on LGL: resolution on the gold toponym spans (accuracy@161km, error km, GeoNames
    id), and end to end recognition P/R/F1 and resolution, by kind and without demonyms; with a
    largest-population baseline on the same gazetteer and the same spans."""
    if not gold.is_file():
        err.print(f"newsgraph: error: {gold}: no such file (expected LGL XML)")
        raise typer.Exit(2)
    articles = read_lgl(gold)[:limit] if limit else read_lgl(gold)
    try:
        results = evaluate_places(
            articles,
            Resources(),
            lambda a: list(track(a, description="places", console=err, transient=True)),
        )
    except NewsgraphError as exc:
        err.print(f"newsgraph: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    toponyms = sum(len(a.toponyms) for a in articles)
    out.print(place_table(results, f"LGL: {len(articles)} articles, {toponyms} toponyms"))


@app.command("events")
def events(
    gold: Annotated[Path, typer.Option("--gold", help="PLOVER gold standard records (JSON list).")],
    limit: Annotated[
        int | None, typer.Option("--limit", help="Only the first N sentences.", min=1)
    ] = None,
) -> None:
    """Event coding on the PLOVER gold records: per-type P/R/F1, macro F1, actor and recipient
    accuracy; with a keyword baseline (event type from trigger words alone) in the same run."""
    if not gold.is_file():
        err.print(f"newsgraph: error: {gold}: no such file (expected PLOVER gold records)")
        raise typer.Exit(2)
    try:
        sentences = read_plover_gold(gold)[:limit] if limit else read_plover_gold(gold)
        results = evaluate_events(
            sentences,
            Resources(),
            lambda s: list(track(s, description="events", console=err, transient=True)),
        )
    except NewsgraphError as exc:
        err.print(f"newsgraph: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    coded = sum(len(s.events) for s in sentences)
    title = f"PLOVER gold records: {len(sentences)} sentences, {coded} events"
    out.print(event_table(results, title))
    ms = results[0].seconds_per_sentence * 1000 if results else 0.0
    out.print(f"whole pipeline: {ms:.0f} ms per sentence")


@app.command("conflict")
def conflict(
    gold: Annotated[
        Path,
        typer.Option("--gold", help="A conflict gold folder (articles.jsonl, events.json, ...)."),
    ],
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List misses, wrong fields and extra records."),
    ] = False,
    save: Annotated[
        Path | None,
        typer.Option("--save", help="Also write the analysed documents here (--format json)."),
    ] = None,
) -> None:
    """Incidents and statements on analyst-annotated conflict news, with the shipped pipeline:
    event P/R/F1, records per incident, strict accuracy, field accuracy on matched records
    (mode, actor, recipient, location, day, killed, status), quote overlap F1, speaker and via."""
    try:
        check_output(save)
        score, documents = evaluate_conflict(
            gold,
            Resources(),
            verbose,
            lambda items: track(items, description="analysing", console=err, transient=True),
        )
        if save is not None:
            write_atomically(render_documents(documents), save)
    except NewsgraphError as exc:
        err.print(f"newsgraph: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    for line in [*score.details, *score.summary()]:
        out.print(line, highlight=False, markup=False)
    for unit in score.missing:
        err.print(f"{unit}: no predicted document", highlight=False, markup=False)
