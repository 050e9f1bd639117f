"""Accord's HTTP API and dashboard: a thin FastAPI shell over ``accord.store.Database``.

Routes (all GET unless said; OpenAPI at ``/docs`` and ``/openapi.json``), one module each under
``accord.api.routes``:

    /events                       filtered, paged events (format=json|jsonl|csv)     routes/events.py
    /events/{id}                  one event                                          routes/events.py
    /articles, /articles/{id}     articles; one article with its text, every event's  routes/articles.py
                                  evidence and its agreements, deals and meetings
    /agreements, /deals,          filtered, paged records (format=json|jsonl|csv)    routes/facts.py
    /meetings, and each /{id}
    /actors                       actors by event count, with their main partners    routes/actors.py
    /actors/{a}/timeline          quad-class counts per period for one actor         routes/actors.py
    /dyads/{a}/{b}/timeline       the same for a pair of actors, either direction    routes/actors.py
    /network                      countries and the event counts between them        routes/actors.py
    /health                       is the database readable, how many events          routes/meta.py
    POST /extract                 {"text", "date"} -> events; nothing is stored       routes/extract.py
    /                             the dashboard (static files from ``accord/web``)   routes/dashboard.py

Every error is JSON ``{"status": int, "error": "one-line reason"}`` (``accord.api.errors``,
``accord.api.handlers``): 400 for a request that contradicts itself (start after end, malformed
JSON), 404 for an unknown id or path, 413 for a body over the limit (``accord.api.limits``), 422
for a parameter that fails validation, 500 for a failure of ours.

The database is opened read-only unless ``writable=True``, once, on the first request, and
closed when the server stops (``accord.api.deps.SharedDatabase``). DuckDB lets several processes
read a file but none write it while it is open, so stop the server before ``accord ingest`` into
the same file.

Example::

    app = create_app(Path("accord.duckdb"))
    # uvicorn.run(app, host="127.0.0.1", port=8000), or accord.api.serve(...)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

import accord
from accord.api.deps import Extractor, SharedDatabase, default_extractor
from accord.api.errors import ERROR_RESPONSES, ApiError
from accord.api.handlers import install_error_handlers
from accord.api.limits import BodySizeLimit
from accord.api.routes import actors, articles, events, extract, facts, meta
from accord.api.routes.dashboard import mount_dashboard
from accord.api.security import add_security_headers
from accord.errors import StoreError

__all__ = ["ApiError", "Extractor", "create_app"]


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Nothing at start-up (the database opens on the first request); close it at shutdown."""
    yield
    app.state.database.close()


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
    db_path = Path(db_path)
    if not writable and not db_path.is_file():
        raise StoreError(f"{db_path}: no such database (create it with `accord ingest`)")
    swagger_assets = meta.swagger_assets()
    app = FastAPI(
        lifespan=_lifespan,
        # With swagger-ui-bundle installed, /docs is served from its files (routes/meta.py), not a CDN.
        docs_url=None if swagger_assets is not None else "/docs",
        title="Accord",
        version=accord.__version__,
        summary="International events coded from news reports (PLOVER/CAMEO), queryable over HTTP.",
        responses=ERROR_RESPONSES,
    )
    app.state.db_path = db_path
    app.state.writable = writable
    app.state.database = SharedDatabase(db_path, writable=writable)
    app.state.extractor = extractor or default_extractor
    install_error_handlers(app)
    add_security_headers(app)
    app.add_middleware(BodySizeLimit, max_body_bytes=max_body_bytes)
    for routes in (events, articles, facts, actors, meta, extract):
        app.include_router(routes.router)
    if swagger_assets is not None:
        meta.mount_docs(app, swagger_assets)
    mount_dashboard(app)
    return app
