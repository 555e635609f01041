"""`newsgraph gazetteer import FILE...` and `newsgraph gazetteer info`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from newsgraph.cli.console import err, out, plain, say
from newsgraph.cli.errors import guarded
from newsgraph.errors import InputError
from newsgraph.resolve.gazetteer_import import ImportResult, import_dump
from newsgraph.resolve.gazetteer_imported import ENV_DIR, ImportedPlaces, cache_file

app = typer.Typer(
    no_args_is_help=True,
    help="The offline gazetteer: what ships, and GeoNames dumps you add.",
)
DUMPS = "https://download.geonames.org/export/dump/"
CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        help=f"Folder of the imported GeoNames file (default: ${ENV_DIR}, else "
        "~/.local/share/newsgraph).",
        file_okay=False,
    ),
]


@app.command("import")
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(help=f"GeoNames dumps: allCountries.zip, SY.zip, SY.txt ({DUMPS})."),
    ],
    cache: CacheOption = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Add GeoNames dump files to the gazetteer (streamed; the same file twice changes nothing;
    a newer file replaces its countries' rows)."""
    failed = 0
    with guarded(err, debug):
        for path in files:
            try:
                result = _import_one(path, cache)
            except InputError as exc:
                if debug:
                    raise
                say(err, "newsgraph: error:", str(exc))
                failed += 1
                continue
            say(err, "newsgraph:", _summary(result), style="green")
    if failed:
        raise typer.Exit(1)


def _import_one(path: Path, cache: Path | None) -> ImportResult:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, disable=not err.is_terminal, transient=True) as bar:
        task = bar.add_task(f"{path.name}: reading", total=None)

        def progress(phase: str, done: int, total: int) -> None:
            if phase == "reading":
                bar.update(task, completed=done, total=total or None)
            else:
                bar.update(task, description=f"{path.name}: {phase}", total=None)

        return import_dump(path, cache, progress)


def _summary(result: ImportResult) -> str:
    """One line saying what importing a file did."""
    name = result.file
    if result.status == "unchanged":
        return f"{name}: unchanged (this file was imported before)"
    kept = (
        f"; kept the newer rows imported before for {_countries(result.kept)}"
        if result.kept
        else ""
    )
    if result.status == "older":
        return f"{name}: nothing imported{kept}"
    return (
        f"{name}: {_count(result.places, 'place')} under {_count(result.names, 'name')} in "
        f"{_countries(result.taken)}, {result.seconds:.1f} s{kept}"
    )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _countries(codes: tuple[str, ...]) -> str:
    named = ", ".join(c or "(no country)" for c in codes[:8])
    more = f" and {len(codes) - 8} more" if len(codes) > 8 else ""
    noun = "country" if len(codes) == 1 else "countries"
    return f"{len(codes)} {noun} ({named}{more})"


@app.command("info")
def info_command(cache: CacheOption = None) -> None:
    """What the gazetteer holds: the shipped index and the imported GeoNames countries."""
    with guarded(err, debug=False):
        console = out()
        console.soft_wrap = True  # long paths stay on one line; the table wraps its own cells
        _shipped(console)
        console.print()
        path = cache_file(cache)
        imported = ImportedPlaces.open(path)
        if imported is None:
            console.print(
                f"Imported GeoNames: none at {path}. `newsgraph gazetteer import FILE` adds a "
                f"GeoNames dump ({DUMPS})."
            )
            return
        countries = imported.countries()
        size = path.stat().st_size / 1e6
        console.print(
            f"Imported GeoNames: {path} ({size:,.1f} MB), {len(countries)} countries, "
            f"{sum(c.places for c in countries):,} places"
        )
        table = Table("country", "places", "names", "file", "rows as of", "imported")
        for c in countries:
            table.add_row(
                plain(c.country or "(none)"),
                f"{c.places:,}",
                f"{c.names:,}",
                plain(c.file),
                c.modified,
                c.imported,
            )
        console.print(table)


def _shipped(console: Console) -> None:
    """The shipped index: what it is built from and where it is cached."""
    from newsgraph.resolve.gazetteer import Gazetteer
    from newsgraph.resolve.gazetteer_build import sources

    console.print("Shipped gazetteer: built from " + ", ".join(sources()))
    cached = Gazetteer.cached_at()
    if cached.is_file():
        entries = len(Gazetteer.load())
        size = cached.stat().st_size / 1e6
        console.print(f"  {entries:,} entries, cached at {cached} ({size:,.1f} MB)")
    else:
        console.print(f"  not built yet: built on first use (~25 s) and cached at {cached}")
