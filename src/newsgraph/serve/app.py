"""FastAPI over a read-only store: the JSON API, its offline docs page, and the web page.

Safety: the server binds to 127.0.0.1 unless told otherwise (the CLI demands a token for any
other address) and answers only to the host names it is meant to be reached by; with a token
every request must carry it (bearer header, or the cookie the page sets); every response
forbids inline and outside scripts (CSP), and the page builds its DOM with textContent, so
article text can never run as code. `guard.py` holds the checks and the headers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph.serve.guard import HEADERS, LOOPBACK_HOSTS, SecurityHeaders, TokenGuard
from newsgraph.store.query import Filters
from newsgraph.store.read import Item, Reader

MAX_PAGE = 500  # rows per request at most
MAX_TEXT = 200  # characters of a filter or search string at most
CHECK_EVERY = 30.0  # seconds between the page's questions whether the store changed
STATIC = Path(str(resources.files("newsgraph.serve").joinpath("static")))
COUNTRIES = Path(str(resources.files("newsgraph").joinpath("data/map/countries.json")))

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
# Days as YYYY-MM-DD strings: pydantic's lax date parsing would take "0" as 1970-01-01.
Day = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="YYYY-MM-DD",
        json_schema_extra={"format": "date"},
    ),
]
MISSING: dict[int | str, dict[str, Any]] = {404: {"description": "No such thing in the store"}}


def _day(value: str | None, name: str = "since") -> date | None:
    """A YYYY-MM-DD that is a real day, else a 422 shaped like FastAPI's own."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        error = {"type": "value_error", "loc": ["query", name], "msg": "not a calendar day"}
        raise RequestValidationError([{**error, "input": value}]) from None


def create_app(
    db: Path,
    token: str | None = None,
    allowed_hosts: Sequence[str] = (),
    check_every: float = CHECK_EVERY,
) -> FastAPI:
    """The application over the database file `db`, answering to loopback names and
    `allowed_hosts` (Host header patterns: `news.lan`, `*.corp.example`, `*` for any); the
    page asks every `check_every` seconds whether the store changed."""
    reader = Reader(db)
    app = FastAPI(
        title="newsgraph",
        version="1",
        description="Events, quotes, actors, people and places extracted from news, each "
        "pointing back to the characters it came from.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = reader

    # Added innermost first: the headers wrap every answer, the Host check runs before the token's.
    if token is not None:
        app.add_middleware(TokenGuard, token=token)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOOPBACK_HOSTS, *allowed_hosts])
    app.add_middleware(SecurityHeaders)
    # An unhandled error is answered outside every middleware: its response brings its own.
    app.add_exception_handler(Exception, _internal_error)

    _pages(app)
    _lists(app, reader)
    _things(app, reader)
    _aggregates(app, reader)
    _freshness(app, reader, check_every)
    return app


async def _internal_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": "internal error"}, status_code=500, headers=HEADERS)


def _pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        path = COUNTRIES if name == "countries.json" else STATIC / name
        if "/" in name or not path.is_file():
            raise HTTPException(404, "no such file")
        return FileResponse(path)


def event_filters(
    type: Text = None,
    actor: Text = None,
    place: Text = None,
    status: Text = None,
    since: Day = None,
    until: Day = None,
) -> Filters:
    """The filters every event view shares (list, map, timeline), as one dependency."""
    return Filters(type, actor, None, place, _day(since), _day(until, "until"), status=status)


EventFilters = Annotated[Filters, Depends(event_filters)]


def _paged(total: int, items: list[Item], limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _lists(app: FastAPI, reader: Reader) -> None:
    @app.get("/api/events", tags=["events"])
    def events(
        filters: EventFilters, q: Text = None, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        """Events, one per real occurrence (reports merged), most reported first."""
        f = replace(filters, text=q, limit=limit, offset=offset)
        return _paged(*reader.page("events", f), limit, offset)

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(
        speaker: Text = None,
        since: Day = None,
        until: Day = None,
        q: Text = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Attributed statements with speaker, cue and the outlets they came through."""
        f = Filters(
            None, None, speaker, None, _day(since), _day(until, "until"), q, limit, None, offset
        )
        return _paged(*reader.page("quotes", f), limit, offset)

    @app.get("/api/actors", tags=["entities"])
    def actors(q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Canonical actors with the number of documents naming them."""
        f = Filters(actor=q, limit=limit, offset=offset)
        return _paged(*reader.page("actors", f), limit, offset)

    @app.get("/api/places", tags=["entities"])
    def places(q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Gazetteer places with coordinates and the number of documents naming them."""
        f = Filters(place=q, limit=limit, offset=offset)
        return _paged(*reader.page("places", f), limit, offset)

    @app.get("/api/documents", tags=["documents"])
    def documents(q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Documents, newest first; `q` searches titles and text."""
        return _paged(*reader.documents(q, limit, offset), limit, offset)

    for name, tag, about in (
        ("people", "entities", "People with title and affiliation."),
        ("relations", "entities", "Standing relations (backed_by, led_by, ...) across documents."),
        ("clusters", "documents", "Story clusters: documents about the same development."),
    ):
        _table_route(app, reader, name, tag, about)


def _table_route(app: FastAPI, reader: Reader, name: str, tag: str, about: str) -> None:
    table = "stories" if name == "clusters" else name

    def listing(q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _paged(*reader.table(table, q, limit, offset), limit, offset)

    listing.__doc__ = about
    app.get(f"/api/{name}", tags=[tag], name=name)(listing)


def _things(app: FastAPI, reader: Reader) -> None:
    @app.get("/api/events/{event_id}", tags=["events"], responses=MISSING)
    def event(event_id: str) -> Item:
        """One event with every report of it: sentence, document and source chain."""
        return _found(reader.event(event_id), "event", event_id)

    @app.get("/api/documents/{doc_id}", tags=["documents"], responses=MISSING)
    def document(doc_id: str) -> Item:
        """A document's text with every mention, quote and event at its offsets."""
        return _found(reader.document(doc_id), "document", doc_id)

    @app.get("/api/entities/{entity_id:path}", tags=["entities"], responses=MISSING)
    def entity(entity_id: str) -> Item:
        """An actor, person or place (`actor:russia`): events, quotes, titles, partners."""
        return _found(reader.entity(entity_id), "entity", entity_id)

    @app.get("/api/search", tags=["documents"])
    def search(q: Annotated[str, Query(min_length=2, max_length=MAX_TEXT)]) -> dict[str, Any]:
        """Documents, actors, people and places whose name or text contains `q`."""
        return {
            "documents": reader.documents(q, 20, 0)[1],
            "actors": reader.page("actors", Filters(actor=q, limit=20))[1],
            "people": reader.table("people", q, 20, 0)[1],
            "places": reader.page("places", Filters(place=q, limit=20))[1],
        }


def _found(item: Item | None, kind: str, key: str) -> Item:
    if item is None:
        raise HTTPException(404, f"no {kind} {key!r}")
    return item


def _aggregates(app: FastAPI, reader: Reader) -> None:
    @app.get("/api/summary", tags=["aggregates"])
    def summary() -> Item:
        """How much the store holds, and the days its events span."""
        return reader.summary()

    @app.get("/api/map", tags=["aggregates"])
    def map_(filters: EventFilters) -> list[Item]:
        """Events per place and type, with coordinates."""
        return reader.map(filters)

    @app.get("/api/timeline", tags=["aggregates"])
    def timeline(filters: EventFilters) -> list[Item]:
        """Events per day and type."""
        return reader.timeline(filters)

    @app.get("/api/disputes", tags=["aggregates"])
    def disputes(actor: Text = None, since: Day = None, until: Day = None) -> list[Item]:
        """Accusations and rejections between two parties, both directions side by side."""
        return reader.disputes(actor, _day(since), _day(until, "until"))


def _freshness(app: FastAPI, reader: Reader, check_every: float) -> None:
    @app.get("/api/changed", tags=["aggregates"])
    def changed() -> Item:
        """When the store last changed (`changed`, UTC), when a watch last polled into it
        (`last_poll`) and how many URLs it watches; the page asks every `check_every`
        seconds and reloads its lists when `changed` moves."""
        return {**reader.changed(), "check_every": check_every}
