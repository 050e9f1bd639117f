"""Accord's HTTP API and dashboard: a thin FastAPI shell over ``accord.store.Database``.

Routes (all GET unless said; OpenAPI at ``/docs`` and ``/openapi.json``), one module each under
``accord.api.routes``:

    /events                       filtered, paged events (format=json|jsonl|csv,     routes/events.py
                                  shape=nested|flat); the filters of every event
                                  answer are one set (accord.api.params.FiltersDep)
    /events/{id}                  one event                                          routes/events.py
    /articles, /articles/{id}     articles; one article with its text, every event's  routes/articles.py
                                  evidence and its agreements, deals and meetings
    /agreements, /deals,          filtered, paged records (format=json|jsonl|csv)    routes/facts.py
    /meetings, and each /{id}
    /actors                       actors by event count, with names and partners     routes/actors.py
    /timeline                     the selected events per non-empty period, split     routes/actors.py
                                  by what occurred (quad class), planned, denied
    /actors/{a}/timeline,         the same for one actor, or a pair of actors         routes/actors.py
    /dyads/{a}/{b}/timeline
    /network                      directed edges, split by cooperation and conflict   routes/actors.py
    /overview                     totals, busiest actors, pairs, types, latest reports routes/overview.py
    /places                       where the events happened, for the map             routes/overview.py
    /codes                        names for codes, codes for names ("China", "Hamas") routes/overview.py
    /flags, POST                  an analyst's flags on wrong events (writes need    routes/flags.py
    /events/{id}/flags, DELETE    --writable), and the review list as JSON or CSV
    /flags/{id}
    /health                       is the database readable, how many events          routes/meta.py
    /docs                         Swagger UI, offline, over /openapi-3.0.json         routes/meta.py, openapi.py
    POST /extract                 {"text", "date"} -> events; nothing is stored       routes/extract.py
    /                             the dashboard (static files from ``accord/web``)   routes/dashboard.py

Every error is JSON ``{"status": int, "error": "one-line reason"}`` (``accord.api.errors``,
``accord.api.handlers``): 400 for a request that contradicts itself (start after end, malformed
JSON) or names a host that is not served (``accord.api.security``), 404 for an unknown id or path,
413 for a body or an extract text over the limit (``accord.api.limits``), 422 for a parameter that
fails validation, 500 for a failure of ours, 503 while an ingest writes the database or every
extract worker is busy, 504 for an extraction over its time limit. No answer shows a path.

The database is read through a pool of read-only connections (``accord.api.shared_database``)
that lets go of the file while ``accord ingest`` commits, so an ingest can run while the server
answers, and its articles appear after each commit. ``POST /extract`` runs in worker processes
(``accord.api.extract_pool``), bounded in text length and run time.

Example::

    app = create_app(Path("accord.duckdb"))
    # uvicorn.run(app, host="127.0.0.1", port=8000), or accord.api.serve(...)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

import accord
from accord.api.deps import Extractor, SharedDatabase, default_extractor
from accord.api.errors import ERROR_RESPONSES, ApiError
from accord.api.extract_pool import ExtractPool
from accord.api.flat import FlatEventPage
from accord.api.handlers import install_error_handlers
from accord.api.limits import BodySizeLimit
from accord.api.openapi import install_openapi
from accord.api.routes import actors, articles, events, explain, extract, facts, flags, meta, overview
from accord.api.routes.dashboard import mount_dashboard
from accord.api.security import LOOPBACK_HOSTS, SecurityMiddleware
from accord.engines.extract_worker import warm_up_default
from accord.errors import StoreError

# POST /extract's bounds: a long news report is ~20,000 characters; parsing 100,000 takes seconds.
DEFAULT_EXTRACT_CHARS = 100_000
DEFAULT_EXTRACT_TIMEOUT = 30.0

__all__ = ["DEFAULT_EXTRACT_CHARS", "DEFAULT_EXTRACT_TIMEOUT", "ApiError", "Extractor", "create_app"]


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Nothing at start-up (the database opens on the first request, a worker on the first
    extract); close them at shutdown."""
    yield
    app.state.extract_pool.close()
    app.state.database.close()


def create_app(
    db_path: Path,
    *,
    writable: bool = False,
    max_body_bytes: int = 1_000_000,
    extractor: Extractor | None = None,
    max_extract_chars: int = DEFAULT_EXTRACT_CHARS,
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT,
    extract_workers: int = 1,
    connections: int = 8,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
) -> FastAPI:
    """The API and dashboard over the DuckDB file ``db_path``.

    ``writable`` opens the database read-write, so that analysts can flag wrong events
    (``routes/flags.py``); no ingest can share the file then. ``max_body_bytes`` bounds every request body (413 past it). ``extractor`` is the
    function ``POST /extract`` calls, ``accord.extract`` by default; it runs in up to
    ``extract_workers`` worker processes, so it must be a module-level function (tests may pass
    their own); a text over ``max_extract_chars`` is a 413, a run over ``extract_timeout``
    seconds a 504. ``connections`` bounds the database queries running at once;
    ``allowed_hosts`` are the names the ``Host`` header may give (``"*"``: any).
    Raises ``accord.errors.StoreError`` when a read-only app is given a file that does not exist.

    >>> app = create_app(Path("accord.duckdb"))  # doctest: +SKIP
    """
    db_path = Path(db_path)
    if not writable and not db_path.is_file():
        raise StoreError(f"{db_path}: no such database (create it with `accord ingest`)")
    app = FastAPI(
        lifespan=_lifespan,
        # /docs is served by routes/meta.py: from swagger-ui-bundle's files when installed, with
        # its own strict Content-Security-Policy either way.
        docs_url=None,
        title="Accord",
        version=accord.__version__,
        summary="International events coded from news reports (PLOVER/CAMEO), queryable over HTTP.",
        responses=ERROR_RESPONSES,
    )
    app.state.db_path = db_path
    app.state.writable = writable
    app.state.database = SharedDatabase(db_path, writable=writable, connections=connections)
    app.state.extractor = extractor or default_extractor
    app.state.max_extract_chars = max_extract_chars
    app.state.extract_pool = ExtractPool(
        app.state.extractor,
        workers=extract_workers,
        timeout=extract_timeout,
        warm_up=warm_up_default if extractor is None else None,
    )
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_body_bytes=max_body_bytes)
    # Added last, so outermost: a request for another host is refused before its body is read.
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)
    for routes in (events, articles, facts, actors, overview, flags, meta, extract, explain):
        app.include_router(routes.router)
    install_openapi(app, (FlatEventPage,))
    meta.mount_docs(app, meta.swagger_assets())
    mount_dashboard(app)
    return app
