"""About the service: ``GET /health``, and the ``/docs`` page served without a CDN.

``/openapi.json`` is FastAPI's own (``create_app`` sets its title, version and error responses);
``/docs`` reads its OpenAPI 3.0 form (``accord.api.openapi``), which the bundled Swagger UI renders.
FastAPI's stock ``/docs`` loads Swagger UI from a CDN; when the ``swagger-ui-bundle`` package is
installed, ``mount_docs`` serves its copy instead, so the page works on a machine without internet.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

import accord
from accord.api.deps import DatabaseDep
from accord.api.errors import BUSY_MESSAGE
from accord.api.openapi import OPENAPI_30_URL
from accord.errors import DatabaseBusyError

__all__ = ["mount_docs", "router", "swagger_assets"]

router = APIRouter(tags=["service"])


@router.get("/health", responses={503: {"description": "The database is being written: try again"}})
def health(database: DatabaseDep) -> Any:
    """Whether the database can be read, and how many events it holds.

    ``{"status": "busy", "error": reason}`` with 503 while a writer holds the file.
    """
    try:
        events = database.cached(("count",), lambda db: db.count_events())
    except DatabaseBusyError:
        return JSONResponse(
            {"status": "busy", "version": accord.__version__, "error": BUSY_MESSAGE}, status_code=503
        )
    return {
        "status": "ok",
        "version": accord.__version__,
        "read_only": not database.writable,
        "events": events,
    }


def swagger_assets() -> Path | None:
    """The folder of Swagger UI's files from ``swagger-ui-bundle``, or None when it is not installed."""
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
_CDN = "https://cdn.jsdelivr.net"


def docs_policy(page: bytes, origin: str = "'self'") -> str:
    """The Content-Security-Policy of a Swagger UI page: its files from ``origin``, its inline
    scripts by their hashes, nothing else; never framed.

    Swagger UI styles its elements inline, so styles may be inline; scripts may not.
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(page)
    )
    return (
        f"default-src 'none'; script-src {origin} {hashes}; style-src {origin} 'unsafe-inline'; "
        f"img-src {origin} data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def _docs_page(request: Request, assets: str, origin: str) -> HTMLResponse:
    page = get_swagger_ui_html(
        # The bundled Swagger UI (3.x) renders OpenAPI 3.0 only: it reads the 3.0 form of the document.
        openapi_url=OPENAPI_30_URL,
        title="Accord API",
        swagger_js_url=f"{assets}/swagger-ui-bundle.js",
        swagger_css_url=f"{assets}/swagger-ui.css",
        swagger_favicon_url=f"{assets}/favicon-32x32.png",
    )
    page.headers["Content-Security-Policy"] = docs_policy(bytes(page.body), origin)
    return page


def _api_docs(request: Request) -> HTMLResponse:
    """The Swagger UI page, loading its script and style from ``/docs-assets``."""
    return _docs_page(request, "/docs-assets", "'self'")


def _api_docs_from_cdn(request: Request) -> HTMLResponse:
    """The Swagger UI page from its CDN, for an install without ``swagger-ui-bundle``."""
    return _docs_page(request, f"{_CDN}/npm/swagger-ui-dist@5", _CDN)


def mount_docs(app: FastAPI, assets: Path | None) -> None:
    """Serve the ``/docs`` page: Swagger UI's files from ``assets`` at ``/docs-assets``, or from
    the CDN when ``assets`` is None. Either way the page carries its own strict policy.

    ``app`` must have been made with ``docs_url=None``, so that FastAPI's own page is not there too.
    """
    if assets is None:
        app.add_api_route("/docs", _api_docs_from_cdn, include_in_schema=False, name="api_docs")
        return
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")
    app.add_api_route("/docs", _api_docs, include_in_schema=False, name="api_docs")
