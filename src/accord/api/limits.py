"""An ASGI middleware that refuses request bodies above a size, with a JSON 413.

A declared ``Content-Length`` above the limit is refused without keeping any of the body (it is
read and dropped up to 64 MiB, so that an ordinary client reads the 413 instead of a reset). A body sent
without one (chunked) is read up to the limit and refused as soon as it goes past it, so a client
can never make the server hold more than ``max_body_bytes`` of one request in memory.

Example::

    app = BodySizeLimit(app, max_body_bytes=1_000_000)
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["BodySizeLimit", "json_error_body"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
# Bodies up to this size are read and dropped before a 413, so that the client can read it.
_DRAIN_BYTES = 64 * 1024 * 1024

Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def json_error_body(status: int, error: str) -> bytes:
    """The API's error object, ``{"status": int, "error": str}``, as UTF-8 JSON bytes."""
    return json.dumps({"status": status, "error": error}).encode()


class BodySizeLimit:
    """Wraps an ASGI app; HTTP requests whose body exceeds ``max_body_bytes`` get a 413."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        if max_body_bytes < 0:
            raise ValueError("max_body_bytes must be 0 or more")
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            if declared <= _DRAIN_BYTES:
                await _discard_body(receive)
            await self._refuse(send)
            return
        if declared is not None:
            # The server (h11/httptools) already stops a body at its declared length.
            await self.app(scope, receive, send)
            return
        # No declared length: read the body here, counting, then replay it to the app.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_body_bytes:
                if message.get("more_body", False):
                    await _discard_body(receive, budget=_DRAIN_BYTES - size)
                await self._refuse(send)
                return
            chunks.append(body)
            more = message.get("more_body", False)
        replayed = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([replayed], then=receive), send)

    async def _refuse(self, send: Send) -> None:
        body = json_error_body(413, f"request body is larger than the limit of {self.max_body_bytes} bytes")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


async def _discard_body(receive: Receive, budget: int = _DRAIN_BYTES) -> None:
    """Read and drop the rest of a body, up to ``budget`` bytes.

    A client still sending when the 413 goes out sees its connection reset instead of the answer;
    reading (not keeping) a moderately large body first lets it read the JSON error.
    """
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    """A ``receive`` that returns ``messages`` first, then defers to ``then`` (disconnects)."""
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}

    return receive
