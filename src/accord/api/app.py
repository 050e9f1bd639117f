"""Accord's HTTP API and dashboard: a thin FastAPI shell over ``accord.store.Database``.

Routes (all GET unless said; OpenAPI at ``/docs`` and ``/openapi.json``):

    /events                       filtered, paged events (format=json|jsonl|csv)
    /events/{id}                  one event
    /articles, /articles/{id}     articles; one article with its text and every event's evidence
    /actors                       actors by event count, with their main partners
    /actors/{a}/timeline          quad-class counts per period for one actor
    /dyads/{a}/{b}/timeline       the same for a pair of actors, either direction
    /network                      countries and the event counts between them
    /health                       is the database readable, how many events
    POST /extract                 {"text", "date"} -> events; nothing is stored
    /                             the dashboard (static files from ``accord/web``)

Every error is JSON ``{"status": int, "error": "one-line reason"}``: 400 for a request that
contradicts itself (start after end, malformed JSON), 404 for an unknown id or path, 413 for a
body over the limit, 422 for a parameter that fails validation, 500 for a failure of ours.

The database is opened read-only unless ``writable=True``, once, on the first request, and
closed when the server stops. DuckDB lets several processes read a file but none write it while
it is open, so stop the server before ``accord ingest`` into the same file.

Example::

    app = create_app(Path("accord.duckdb"))
    # uvicorn.run(app, host="127.0.0.1", port=8000), or accord.api.serve(...)
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

import accord
from accord.api.export import events_to_csv, events_to_jsonl
from accord.api.limits import BodySizeLimit
from accord.api.params import (
    FULL_DATE_PATTERN,
    ActorCode,
    ArticleIdPath,
    CodePath,
    DateParam,
    DyadParam,
    EventIdPath,
    EventType,
    Interval,
    OutputFormat,
    StatusParam,
    describe_pattern,
    parse_partial_date,
)
from accord.errors import AccordError

__all__ = ["ApiError", "Extractor", "create_app", "serve"]

log = logging.getLogger("accord.api")

Extractor = Callable[..., list[dict[str, Any]]]

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

# The dashboard loads nothing from elsewhere and runs no inline script: a news text that slipped
# into the page as markup could not run even if a future change rendered it as HTML.
_DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

ORDER_NAMES = (
    "date",
    "-date",
    "report_date",
    "-report_date",
    "goldstein",
    "-goldstein",
    "confidence",
    "-confidence",
)


class ApiError(Exception):
    """An error answered as ``{"status": status, "error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ErrorBody(BaseModel):
    status: int = Field(examples=[404])
    error: str = Field(examples=["no article with id 'x'"])


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text.")
    date: str = Field(
        pattern=FULL_DATE_PATTERN, description="The report date, YYYY-MM-DD.", examples=["2021-12-06"]
    )
    article_id: str | None = Field(
        default=None, max_length=300, description="Id to give the article's events."
    )


class ExtractResponse(BaseModel):
    count: int
    events: list[dict[str, Any]]


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[dict[str, Any]]


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": reason}
    for code, reason in {
        400: "Contradictory request",
        404: "Not found",
        422: "A parameter failed validation",
        500: "Server error",
    }.items()
}


def _default_extractor(
    text: str, date: str | dt.date, *, article_id: str | None = None
) -> list[dict[str, Any]]:
    """``accord.extract``, looked up at call time so that spaCy loads on the first request only."""
    return accord.extract(text, date, article_id=article_id)  # type: ignore[attr-defined]


# Aggregates (counts, timelines, networks, actor lists) remembered by a read-only app.
_CACHE_ENTRIES = 512


class _Store:
    """One ``Database`` for the app's lifetime, opened on first use, closed at shutdown.

    ``Database`` serialises calls from several threads on its one connection, so request threads
    share it safely; opening DuckDB per request would cost more (~15 ms) than most queries.
    """

    def __init__(self, path: Path, *, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self._db: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    @contextmanager
    def open(self) -> Iterator[Any]:
        if self._db is None:
            from accord.store import Database  # imports duckdb; keep `import accord.api` light

            with self._lock:
                if self._db is None:
                    self._db = Database(self.path, read_only=not self.writable)
        yield self._db

    def cached(self, key: tuple[Any, ...], compute: Callable[[Any], Any]) -> Any:
        """``compute(db)``, remembered under ``key`` while the database is read-only.

        A read-only database cannot change under the server (DuckDB lets no other process write
        while it is open), so counts and aggregates stay true; paging through a filter then costs
        its count once. Writable apps always compute.
        """
        if self.writable:
            with self.open() as db:
                return compute(db)
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        with self.open() as db:
            value = compute(db)
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > _CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return value

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
        with self._cache_lock:
            self._cache.clear()


def _check_range(start: str | None, end: str | None) -> None:
    """422 for a date not in the calendar, 400 for a start after the end."""
    first = last = None
    for name, value, is_end in (("start", start, False), ("end", end, True)):
        if value is None:
            continue
        try:
            bound = parse_partial_date(value, last=is_end)
        except ValueError:
            raise ApiError(422, f"{name} {value!r} is not a calendar date") from None
        if is_end:
            last = bound
        else:
            first = bound
    if first is not None and last is not None and first > last:
        raise ApiError(400, f"start {start} is after end {end}")


def _validation_message(exc: RequestValidationError) -> tuple[int, str]:
    """Pydantic's list of errors -> (status, one line naming the first bad parameter)."""
    errors = exc.errors()
    if not errors:
        return 422, "invalid request"
    first = errors[0]
    if first.get("type") == "json_invalid":
        return 400, "request body is not valid JSON"
    loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    name = ".".join(loc) or "request"
    value = first.get("input")
    shown = f" {value!r}" if isinstance(value, (str, int, float)) and len(repr(value)) <= 60 else ""
    ctx = first.get("ctx") or {}
    if first.get("type") == "string_pattern_mismatch" and "pattern" in ctx:
        reason = f"expected {describe_pattern(str(ctx['pattern']))}"
    elif first.get("type") == "missing":
        return 422, f"{name} is required"
    else:
        reason = str(first.get("msg", "invalid value")).replace("\n", " ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return 422, f"invalid {name}{shown}: {reason}{more}"


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"status": status, "error": message}, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(*_validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return _error(exc.status_code, message)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error while serving %s %s", request.method, request.url.path)
        reason = str(exc).splitlines()[0] if isinstance(exc, AccordError) and str(exc) else type(exc).__name__
        return _error(500, f"internal error: {reason}")


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        path = request.url.path
        if path == "/" or path.startswith("/static/"):
            response.headers["Content-Security-Policy"] = _DASHBOARD_CSP
            response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _swagger_assets() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def create_app(
    db_path: Path,
    *,
    writable: bool = False,
    max_body_bytes: int = 1_000_000,
    extractor: Extractor | None = None,
) -> FastAPI:
    """The API and dashboard over the DuckDB file ``db_path``.

    ``writable`` opens the database read-write (nothing in the API writes yet; it is for routes
    that will). ``max_body_bytes`` bounds every request body (413 past it). ``extractor`` is the
    function ``POST /extract`` calls, ``accord.extract`` by default; tests may pass their own.
    Raises ``accord.errors.StoreError`` when a read-only app is given a file that does not exist.

    >>> app = create_app(Path("accord.duckdb"))  # doctest: +SKIP
    """
    from accord.errors import StoreError

    db_path = Path(db_path)
    if not writable and not db_path.is_file():
        raise StoreError(f"{db_path}: no such database (create it with `accord ingest`)")
    store = _Store(db_path, writable=writable)
    extract = extractor or _default_extractor

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    swagger_assets = _swagger_assets()
    app = FastAPI(
        lifespan=lifespan,
        # The stock /docs page loads Swagger UI from a CDN; serve the copy swagger-ui-bundle ships instead,
        # so the page works on a machine without internet.
        docs_url=None if swagger_assets is not None else "/docs",
        title="Accord",
        version=accord.__version__,
        summary="International events coded from news reports (PLOVER/CAMEO), queryable over HTTP.",
        responses=_ERRORS,
    )
    app.state.db_path = db_path
    app.state.writable = writable
    _install_error_handlers(app)
    _add_security_headers(app)
    app.add_middleware(BodySizeLimit, max_body_bytes=max_body_bytes)

    @app.get(
        "/events",
        response_model=EventPage,
        tags=["events"],
        responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
    )
    def list_events(
        actor: ActorCode = None,
        dyad: DyadParam = None,
        type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4, description="1-4.")] = None,
        status: Annotated[StatusParam | None, Query()] = None,
        start: DateParam = None,
        end: DateParam = None,
        q: Annotated[
            str | None, Query(min_length=1, max_length=200, description="Text in the sentence.")
        ] = None,
        article_id: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
        order: Annotated[str, Query(pattern="^-?(date|report_date|goldstein|confidence)$")] = "date",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
        format: Annotated[OutputFormat, Query(description="json (paged object), jsonl or csv.")] = "json",
    ) -> Any:
        """Events matching every filter given, ordered, one page at a time.

        ``dyad=IND,RUS`` finds events between the two in either direction; ``start``/``end`` keep
        events whose period overlaps the range. ``jsonl`` and ``csv`` carry the same page, with the
        total in the ``X-Total-Count`` header.
        """
        _check_range(start, end)
        filters = {
            "actor": actor,
            "dyad": tuple(dyad.split(",")) if dyad else None,
            "event_type": type,
            "quad_class": quad_class,
            "status": status,
            "start": start,
            "end": end,
            "text": q,
            "article_id": article_id,
        }
        total = store.cached(("count", *filters.items()), lambda db: db.count_events(**filters))
        with store.open() as db:
            events = db.events(**filters, limit=limit, offset=offset, order=order)
        if format == "json":
            # Returned as a response so that FastAPI does not re-validate 1000 nested events
            # against EventPage (which stays as the documented schema).
            return JSONResponse({"total": total, "limit": limit, "offset": offset, "events": events})
        headers = {
            "X-Total-Count": str(total),
            "Content-Disposition": f'attachment; filename="events.{format}"',
        }
        if format == "csv":
            return Response(events_to_csv(events), media_type="text/csv; charset=utf-8", headers=headers)
        return Response(events_to_jsonl(events), media_type="application/x-ndjson", headers=headers)

    @app.get("/events/{event_id}", tags=["events"])
    def get_event(event_id: EventIdPath) -> dict[str, Any]:
        """One event by its id (404 when there is none)."""
        with store.open() as db:
            event = db.event(event_id)
        if event is None:
            raise ApiError(404, f"no event with id {event_id!r}")
        return event

    @app.get("/articles", tags=["articles"])
    def list_articles(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
    ) -> dict[str, Any]:
        """Stored articles (without their text), one page at a time."""
        with store.open() as db:
            articles = db.articles(limit=limit, offset=offset)
        return {"limit": limit, "offset": offset, "articles": articles}

    @app.get("/articles/{article_id}", tags=["articles"])
    def get_article(article_id: ArticleIdPath) -> dict[str, Any]:
        """One article: its text and every event found in it, with offsets into that text."""
        with store.open() as db:
            article = db.article(article_id)
        if article is None:
            raise ApiError(404, f"no article with id {article_id!r}")
        return article

    @app.get("/actors", tags=["actors"])
    def list_actors(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
    ) -> dict[str, Any]:
        """Actors by number of events, each with the partners it has most events with."""
        actors = store.cached(("actors", limit, offset), lambda db: db.actors(limit=limit, offset=offset))
        return {"limit": limit, "offset": offset, "actors": actors}

    def timeline(a: str, b: str | None, interval: str, start: str | None, end: str | None) -> dict[str, Any]:
        _check_range(start, end)
        periods = store.cached(
            ("timeline", a, b, interval, start, end),
            lambda db: db.dyad_timeline(a, b, interval=interval, start=start, end=end),
        )
        return {"actor": a, "partner": b, "interval": interval, "periods": periods}

    @app.get("/actors/{a}/timeline", tags=["actors"])
    def actor_timeline(
        a: CodePath, interval: Interval = "month", start: DateParam = None, end: DateParam = None
    ) -> dict[str, Any]:
        """Events of one actor per period, split by quad class, with the sum of Goldstein values."""
        return timeline(a, None, interval, start, end)

    @app.get("/dyads/{a}/{b}/timeline", tags=["actors"])
    def dyad_timeline(
        a: CodePath, b: CodePath, interval: Interval = "month", start: DateParam = None, end: DateParam = None
    ) -> dict[str, Any]:
        """Events between two actors (either direction) per period, split by quad class."""
        return timeline(a, b, interval, start, end)

    @app.get("/network", tags=["actors"])
    def network(
        start: DateParam = None,
        end: DateParam = None,
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        limit: Annotated[
            int, Query(ge=1, le=500, description="At most this many edges (the busiest pairs).")
        ] = 50,
    ) -> dict[str, Any]:
        """Actors as nodes and the pairs with events between them as edges (count, mean Goldstein)."""
        _check_range(start, end)
        return store.cached(
            ("network", start, end, min_events, limit),
            lambda db: db.network(start=start, end=end, min_events=min_events, limit=limit),
        )

    @app.get("/health", tags=["service"])
    def health() -> dict[str, Any]:
        """Whether the database can be read, and how many events it holds."""
        events = store.cached(("count",), lambda db: db.count_events())
        return {"status": "ok", "version": accord.__version__, "read_only": not writable, "events": events}

    @app.post(
        "/extract",
        response_model=ExtractResponse,
        tags=["extract"],
        responses={413: {"model": ErrorBody, "description": "Request body over the limit"}},
    )
    def extract_events(body: ExtractRequest) -> dict[str, Any]:
        """Events found in one text, in the contract's shape; nothing is stored."""
        try:
            date = dt.date.fromisoformat(body.date)
        except ValueError:
            raise ApiError(422, f"date {body.date!r} is not a calendar date") from None
        events = extract(body.text, date, article_id=body.article_id)
        return {"count": len(events), "events": events}

    if swagger_assets is not None:
        from fastapi.openapi.docs import get_swagger_ui_html

        app.mount("/docs-assets", StaticFiles(directory=swagger_assets), name="docs-assets")

        @app.get("/docs", include_in_schema=False)
        def api_docs() -> HTMLResponse:
            return get_swagger_ui_html(
                openapi_url=app.openapi_url or "/openapi.json",
                title="Accord API",
                swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                swagger_css_url="/docs-assets/swagger-ui.css",
                swagger_favicon_url="/docs-assets/favicon-32x32.png",
            )

    if WEB_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

        @app.get("/", include_in_schema=False)
        def dashboard() -> FileResponse:
            return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    return app


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8000, writable: bool = False) -> None:
    """Serve the API and dashboard with uvicorn until interrupted (binds to loopback by default).

    >>> serve(Path("accord.duckdb"), port=8000)  # doctest: +SKIP
    """
    import ipaddress

    import uvicorn

    app = create_app(Path(db_path), writable=writable)
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        log.warning(
            "serving on %s: the API has no authentication; anyone who can reach it can read the data", host
        )
    uvicorn.run(app, host=host, port=port, log_level="info")
