"""About the service: ``GET /health``, and the ``/docs`` page served without a CDN.

``/openapi.json`` is FastAPI's own (``create_app`` sets its title, version and error responses).
FastAPI's stock ``/docs`` loads Swagger UI from a CDN; when the ``swagger-ui-bundle`` package is
installed, ``mount_docs`` serves its copy instead, so the page works on a machine without internet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

import accord
from accord.api.deps import DatabaseDep

__all__ = ["mount_docs", "router", "swagger_assets"]

router = APIRouter(tags=["service"])


@router.get("/health")
def health(database: DatabaseDep) -> dict[str, Any]:
    """Whether the database can be read, and how many events it holds."""
    events = database.cached(("count",), lambda db: db.count_events())
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


def _api_docs(request: Request) -> HTMLResponse:
    """The Swagger UI page, loading its script and style from ``/docs-assets``."""
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url or "/openapi.json",
        title="Accord API",
        swagger_js_url="/docs-assets/swagger-ui-bundle.js",
        swagger_css_url="/docs-assets/swagger-ui.css",
        swagger_favicon_url="/docs-assets/favicon-32x32.png",
    )


def mount_docs(app: FastAPI, assets: Path) -> None:
    """Serve Swagger UI's files from ``assets`` at ``/docs-assets`` and its page at ``/docs``.

    ``app`` must have been made with ``docs_url=None``, so that FastAPI's CDN page is not there too.
    """
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")
    app.add_api_route("/docs", _api_docs, include_in_schema=False, name="api_docs")
