"""The dashboard: ``GET /`` (index.html) and ``/static`` (the files of ``accord/web``).

The page's scripts are ES modules under ``/static/js/``. A browser refuses to run a module served
with a type other than JavaScript, and the type ``StaticFiles`` guesses comes from the system's
MIME table (on some systems .js maps to text/plain), so ``.js`` files are always sent as
``text/javascript``. The security headers that guard the page are added by ``accord.api.security``.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import Scope

__all__ = ["JAVASCRIPT", "WEB_DIR", "WebFiles", "mount_dashboard"]

WEB_DIR = Path(__file__).resolve().parents[2] / "web"
JAVASCRIPT = "text/javascript; charset=utf-8"


class WebFiles(StaticFiles):
    """``StaticFiles`` that sends every ``.js`` file as ``text/javascript``, whatever the MIME table says."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        if isinstance(response, FileResponse) and str(full_path).endswith(".js"):
            response.headers["content-type"] = JAVASCRIPT
        return response


def dashboard() -> FileResponse:
    """The dashboard page; its scripts and styles come from ``/static``."""
    return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")


def mount_dashboard(app: FastAPI) -> None:
    """Serve ``accord/web`` at ``/static`` and its ``index.html`` at ``/``; nothing when it is absent."""
    if not WEB_DIR.is_dir():
        return
    app.mount("/static", WebFiles(directory=WEB_DIR), name="static")
    app.add_api_route("/", dashboard, include_in_schema=False)
