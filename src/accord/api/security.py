"""Security headers: ``nosniff`` on every response, and a strict policy on the dashboard's files.

The dashboard loads nothing from elsewhere and runs no inline script: a news text that slipped
into the page as markup could not run even if a future change rendered it as HTML.

Example::

    add_security_headers(app)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

__all__ = ["DASHBOARD_CSP", "add_security_headers"]

DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    path = request.url.path
    if path == "/" or path.startswith("/static/"):
        response.headers["Content-Security-Policy"] = DASHBOARD_CSP
        response.headers["Referrer-Policy"] = "no-referrer"
    return response


def add_security_headers(app: FastAPI) -> None:
    """Add the middleware that sets the headers above on ``app``'s responses; returns None."""
    app.middleware("http")(_security_headers)
