"""Security at the edge of every request: the Host header checked, strict headers on every answer.

- **Host**: a browser page on another site can reach a loopback server by pointing its own name
  at 127.0.0.1 (DNS rebinding); the browser then sends that name as ``Host``. Only the loopback
  names (``localhost``, ``127.0.0.1``, ``::1``) and the names given (``accord serve --allow-host``)
  are answered; any other gets a JSON 400. ``*`` allows every name (behind a proxy that checks).
- **Headers**: ``nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer`` and a
  Content-Security-Policy with ``frame-ancestors 'none'`` on every answer: the dashboard's policy
  on its page and files (nothing from elsewhere, no inline script), the API's (nothing at all) on
  JSON, CSV and the rest. A route that sets its own policy keeps it (``/docs``, which allows its
  one inline script by hash).

Example::

    app.add_middleware(SecurityMiddleware, allowed_hosts=loopback_hosts())
"""

from __future__ import annotations

from collections.abc import Iterable

from accord.api.limits import ASGIApp, Message, Receive, Scope, Send, json_error_body

__all__ = ["API_CSP", "DASHBOARD_CSP", "LOOPBACK_HOSTS", "SecurityMiddleware", "host_name"]

DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

_COMMON_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


def host_name(header: str) -> str:
    """The name in a Host header, without its port, lower-cased (``[::1]:8000`` -> ``::1``).

    >>> host_name("LocalHost:8000"), host_name("[::1]:8000"), host_name("127.0.0.1")
    ('localhost', '::1', '127.0.0.1')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rpartition(":")[0] if header.count(":") == 1 else header


class SecurityMiddleware:
    """Wraps an ASGI app: refuses requests for other hosts, adds the headers above to answers."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        names = {host_name(name) if name != "*" else "*" for name in allowed_hosts}
        self.any_host = "*" in names
        self.allowed_hosts = frozenset(names - {"*"})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((value.decode("latin-1") for name, value in scope["headers"] if name == b"host"), "")
        if not self.any_host and host_name(host) not in self.allowed_hosts:
            await self._refuse(send, host)
            return
        path: str = scope.get("path", "")
        policy = DASHBOARD_CSP if path == "/" or path.startswith("/static/") else API_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in _COMMON_HEADERS if name not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", policy.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(self, send: Send, host: str) -> None:
        shown = host_name(host)[:100] or "(none)"
        body = json_error_body(
            400, f"host {shown!r} is not served here; start the server with --allow-host {shown} to allow it"
        )
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *_COMMON_HEADERS,
                    (b"content-security-policy", API_CSP.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
