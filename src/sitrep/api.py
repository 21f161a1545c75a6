"""The HTTP API and the map page (FastAPI). Thin: parse and check parameters, ask the store, answer.

Read endpoints are public. The one write endpoint (``POST /api/articles``) exists only when a token
is configured and a processing function is given, and then needs ``Authorization: Bearer TOKEN``.
Every parameter is checked and a bad one gets a 4xx answer naming it; bodies are size-limited;
CORS is closed unless origins are configured. The page is served with a Content-Security-Policy
that allows scripts from this server only, and nothing leaves the machine unless a tile URL is set.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import logging
import math
import pathlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlsplit

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import export
from .config import Settings
from .errors import SitrepError, StoreError
from .model import Article, Event, Processed, to_json
from .store import EventQuery, Store

__all__ = ["MAX_LIMIT", "create_app"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

STATIC_DIR = pathlib.Path(__file__).parent / "static"
DEFAULT_LIMIT = 1000
MAX_LIMIT = 20_000  # the page shows up to this many markers (clustered)
MAX_DOWNLOAD = 100_000  # a CSV/GeoJSON download of a filtered view
MAX_TEXT_PARAM = 200
MAX_BODY_BYTES = 16 * 1024 * 1024

Process = Callable[[Article], Processed]


# -- parameters -----------------------------------------------------------------------------------


def _bad(name: str, why: str) -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors, so the spec's error schema holds."""
    return HTTPException(status_code=422, detail=[{"loc": ["query", name], "msg": f"{name}: {why}", "type": "value_error"}])


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees; west > east means the box crosses the antimeridian."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise _bad("bbox", "expected four numbers west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise _bad("bbox", "expected four numbers west,south,east,north") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise _bad("bbox", "numbers must be finite")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise _bad("bbox", "longitudes must lie in -180..180")
    if not (-90 <= south <= north <= 90):
        raise _bad("bbox", "latitudes must lie in -90..90 with south <= north")
    return west, south, east, north


def _words(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT_PARAM:
        raise _bad(name, f"at most {MAX_TEXT_PARAM} characters")
    return value.strip()


def _names(name: str, values: list[str]) -> tuple[str, ...]:
    """Repeated parameters, each possibly comma-separated (ACLED's type names have no commas)."""
    names = tuple(dict.fromkeys(v.strip() for value in values for v in value.split(",") if v.strip()))
    if len(names) > 50 or any(len(n) > MAX_TEXT_PARAM for n in names):
        raise _bad(name, "too many or too long values")
    return names


def event_query(
    bbox: Annotated[str | None, Query(
        description="west,south,east,north in degrees", max_length=200,
        pattern=r"^\s*-?[0-9.]+(e-?[0-9]+)?\s*(,\s*-?[0-9.]+(e-?[0-9]+)?\s*){3}$",
    )] = None,
    since: Annotated[dt.date | None, Query(description="first event date (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="last event date (YYYY-MM-DD)")] = None,
    event_type: Annotated[list[str], Query(description="ACLED event type(s)")] = [],  # noqa: B006
    sub_event_type: Annotated[list[str], Query(description="ACLED sub-event type(s)")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(description="part of actor1 or actor2", max_length=MAX_TEXT_PARAM)] = None,
    min_sources: Annotated[int, Query(ge=0, le=100_000)] = 0,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, allow_inf_nan=False)] = 0.0,
    q: Annotated[str | None, Query(description="words in the event or its evidence", max_length=MAX_TEXT_PARAM)] = None,
    geonameid: Annotated[int | None, Query(ge=-(2**32), le=2**63 - 1)] = None,  # sitrep's own regions < 0
    story_id: Annotated[str | None, Query(max_length=255)] = None,
) -> EventQuery:
    """The filters shared by the list, the downloads and the page."""
    if since is not None and until is not None and since > until:
        raise _bad("since", "must not be after until")
    return EventQuery(
        bbox=parse_bbox(bbox),
        since=since,
        until=until,
        event_type=_names("event_type", event_type),
        sub_event_type=_names("sub_event_type", sub_event_type),
        actor=_words("actor", actor),
        min_sources=min_sources,
        min_confidence=min_confidence,
        q=_words("q", q),
        geonameid=geonameid,
        story_id=story_id or None,
    )


Filters = Annotated[EventQuery, Depends(event_query)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class Submission(BaseModel):
    """An article to process and store."""

    text: str = Field(min_length=1)
    id: str | None = Field(default=None, max_length=255)
    title: str = Field(default="", max_length=2000)
    url: str = Field(default="", max_length=4000)
    source: str = Field(default="", max_length=500)
    published: dt.date | None = None


# -- answers --------------------------------------------------------------------------------------


def _json(data: Any, status: int = 200, media_type: str = "application/json") -> Response:
    """Serialise once with orjson: FastAPI's encoder is slow on thousands of features."""
    return Response(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), status, media_type=media_type)


def _summary_feature(row: dict[str, Any]) -> dict[str, Any]:
    """A store summary row as a GeoJSON Feature: what a marker needs; the card asks for the rest."""
    lat, lon = row.pop("latitude"), row.pop("longitude")
    event_id = row.pop("event_id")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event_id, "geometry": geometry, "properties": row}


def _article_summary(store: Store, article_id: str) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        return {"id": article_id}
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": to_json(article.published),
    }


def _story_json(store: Store, story_id: str | None) -> dict[str, Any] | None:
    story = store.story(story_id) if story_id else None
    if story is None:
        return None
    members = [
        {**_article_summary(store, m.article_id), "relation": m.relation, "similarity": m.similarity}
        for m in story.members[:100]
    ]
    return {"story_id": story.story_id, "canonical": story.canonical, "size": len(story.members), "members": members}


def _safe_url(url: str) -> str:
    """Only http(s) links reach the page: a javascript: URL in an article must not become a link."""
    return url if urlsplit(url).scheme in ("http", "https") else ""


MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}


class GeoJSONResponse(Response):
    """Declares application/geo+json in the OpenAPI spec for the routes that answer GeoJSON."""

    media_type = "application/geo+json"


# What the spec says besides the default answer, so that clients (and schemathesis) know it.
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such item"}}
GEOJSON: dict[int | str, dict[str, Any]] = {
    200: {"description": "GeoJSON", "content": {"application/geo+json": {"schema": {"type": "object"}}}}
}
DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {"description": "The events: GeoJSON, or a file in the requested format", "content": {
        "application/geo+json": {"schema": {"type": "object"}},
        "text/csv": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string"}},
    }}
}


def _download(store: Store, query: EventQuery, fmt: str, limit: int, offset: int) -> Response:
    """A filtered view as a file. Built in memory: a download is bounded by MAX_DOWNLOAD events."""
    media = MEDIA
    out = io.StringIO()
    export.write_events(_limited(store.iter_events(query), limit, offset), fmt, out)
    return Response(
        out.getvalue(),
        media_type=media[fmt],
        headers={"Content-Disposition": f'attachment; filename="sitrep-events.{fmt}"'},
    )


def _limited(events: Iterator[Event], limit: int, offset: int) -> Iterator[Event]:
    for i, event in enumerate(events):
        if i >= offset + limit:
            return
        if i >= offset:
            yield event


# -- the app --------------------------------------------------------------------------------------


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413), announced or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(send, self.limit)


class Guard:
    """Security headers on every answer, and no NUL in any parameter (PostgreSQL text cannot hold
    one). Plain ASGI: Starlette's BaseHTTPMiddleware would copy every large answer once more."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        self.csp = (b"content-security-policy", csp.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = scope.get("query_string", b"") + (scope.get("raw_path") or b"")
        if b"%00" in raw or b"\x00" in raw:
            detail = [{"loc": ["query"], "msg": "NUL bytes are not allowed in parameters", "type": "value_error"}]
            await _answer(send, 422, {"detail": detail})
            return
        extra = self.headers if scope["path"].startswith("/docs") else [*self.headers, self.csp]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    await _answer(send, 413, {"detail": f"request body over {limit} bytes"})


async def _answer(send: Send, status: int, data: dict[str, Any]) -> None:
    body = json.dumps(data).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _csp(settings: Settings) -> str:
    images = "'self' data:"
    if settings.tile_url:
        parts = urlsplit(settings.tile_url.replace("{s}", "a"))
        host = settings.tile_url.split("://", 1)[1].split("/", 1)[0].replace("{s}", "*")
        images += f" {parts.scheme}://{host}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )


def create_app(store: Store, settings: Settings, process: Process | None = None) -> FastAPI:
    """The API and the page over an open store. ``process`` enables POST /api/articles (with a token)."""
    app = FastAPI(
        title="sitrep",
        summary="Geolocated, dated, de-duplicated conflict events from news, with their evidence.",
        version="0.1.0",
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(Guard, csp=_csp(settings))

    @app.exception_handler(StoreError)
    async def store_unavailable(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return JSONResponse({"detail": "the database is not available"}, status_code=503)

    _mount_page(app)
    _add_read_routes(app, store, settings)
    _add_write_route(app, store, settings, process)
    return app


def _mount_page(app: FastAPI) -> None:
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


def _add_read_routes(app: FastAPI, store: Store, settings: Settings) -> None:
    @app.get("/api/events", summary="Events as a GeoJSON FeatureCollection (filtered, paged)",
             response_class=GeoJSONResponse, responses=DOWNLOADS)
    def list_events(
        query: Filters,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        format: Annotated[str, Query(pattern="^(geojson|csv|jsonl)$")] = "geojson",  # noqa: A002
    ) -> Response:
        if format != "geojson":
            return _download(store, query, format, limit, offset)
        rows = store.event_summaries(query, limit=limit, offset=offset)
        # Counting repeats the scan: only needed when the page is full (or empty past the start).
        total = offset + len(rows) if 0 < len(rows) < limit or (offset == 0 and not rows) else store.count_events(query)
        body = {
            "type": "FeatureCollection",
            "features": [_summary_feature(r) for r in rows],
            "total": total,
            "limit": limit,
            "offset": offset,
        }
        return _json(body, media_type="application/geo+json")

    for fmt in export.FORMATS:
        _add_download_route(app, store, fmt)

    @app.get("/api/events/{event_id}", summary="One event with all its sources, evidence and story",
             response_class=GeoJSONResponse, responses={**GEOJSON, **NOT_FOUND})
    def get_event(event_id: Annotated[str, Path(max_length=255)]) -> Response:
        event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        feature = export.event_feature(event)
        props = feature["properties"]
        for source in props["sources"]:
            source["url"] = _safe_url(source["url"])
        props["story"] = _story_json(store, event.story_id)
        props["source_articles"] = [_article_summary(store, s.article_id) for s in event.sources[:100]]
        for summary in props["source_articles"]:
            summary["url"] = _safe_url(summary.get("url", ""))
        return _json(feature, media_type="application/geo+json")

    @app.get("/api/articles/{article_id}", summary="One article with its text, toponyms and events",
             responses=NOT_FOUND)
    def get_article(article_id: Annotated[str, Path(max_length=255)]) -> Response:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        data = to_json(article)
        data.pop("origin", None)
        data.update(store.article_meta(article_id) or {})
        data["toponyms"] = to_json(store.toponyms(article_id))
        data["events"] = [_summary_feature(r) for r in store.event_summaries(limit=500, article_id=article_id)]
        return _json(data)

    @app.get("/api/stories/{story_id}", summary="A story: an article and its copies", responses=NOT_FOUND)
    def get_story(story_id: Annotated[str, Path(max_length=255)]) -> Response:
        story = _story_json(store, story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return _json(story)

    @app.get("/api/places/{geonameid}", summary="Events at one place over time",
             response_class=GeoJSONResponse, responses=GEOJSON)
    def get_place(geonameid: Annotated[int, Path(ge=-(2**32), le=2**63 - 1)]) -> Response:  # own regions < 0
        events = store.place_events(geonameid)
        timeline = Counter(e.event_date.isoformat() for e in events if e.event_date)
        return _json(
            {
                "type": "FeatureCollection",
                "geonameid": geonameid,
                "name": events[0].location if events else None,
                "timeline": [{"date": d, "events": n} for d, n in sorted(timeline.items())],
                "features": [export.event_feature(e) for e in events],
            },
            media_type="application/geo+json",
        )

    @app.get("/api/config", summary="What the page needs: tile URL, types present, date range, counts")
    def get_config() -> Response:
        first, last = store.date_range()
        return _json(
            {
                "tile_url": settings.tile_url,
                "write_enabled": bool(settings.api_token),
                "max_limit": MAX_LIMIT,
                "event_types": [{"event_type": a, "sub_event_type": b, "events": n} for a, b, n in store.event_types()],
                "date_range": [to_json(first), to_json(last)],
                "counts": store.counts(),
            }
        )


def _add_download_route(app: FastAPI, store: Store, fmt: str) -> None:
    @app.get(f"/api/events.{fmt}", summary=f"Download the filtered events as {fmt}", name=f"download_{fmt}",
             responses={200: {"description": f"The events as {fmt}", "content": {
                 MEDIA[fmt].split(";")[0]: {"schema": {"type": "object" if fmt == "geojson" else "string"}}}}})
    def download(
        query: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_DOWNLOAD)] = MAX_DOWNLOAD,
        offset: Offset = 0,
    ) -> Response:
        return _download(store, query, fmt, limit, offset)


def _add_write_route(app: FastAPI, store: Store, settings: Settings, process: Process | None) -> None:
    if process is None or not settings.api_token:
        return  # off: the route does not exist (404)
    token = settings.api_token.encode()

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token):
            raise HTTPException(401, "a valid Bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/articles", status_code=201, dependencies=[Depends(authorised)],
              summary="Submit an article: it is processed and stored (needs the API token)")
    def submit(submission: Submission) -> Response:
        from .ingest import text_id
        from .pipeline import store_all

        if len(submission.text) > settings.max_document_chars:
            raise HTTPException(413, f"text over {settings.max_document_chars} characters")
        article = Article(
            id=submission.id or text_id(submission.text),
            text=submission.text,
            title=submission.title,
            url=_safe_url(submission.url),
            source=submission.source,
            published=submission.published,
        )
        if store.has_article(article.id):
            return _json({"id": article.id, "stored": False, "events": 0}, status=200)
        try:
            processed = process(article)
        except SitrepError as exc:
            raise HTTPException(422, str(exc)) from exc
        outcome = next(iter(store_all([replace(processed, article=article)], store)))
        return _json(
            {"id": article.id, "stored": bool(getattr(outcome, "new", False)), "events": getattr(outcome, "events", 0)},
            status=201,
        )
