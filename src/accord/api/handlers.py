"""Exception handlers: every failure leaves the API as ``{"status": int, "error": str}``.

400 for a request that contradicts itself (malformed JSON), 404 for an unknown path, 422 for a
parameter that fails validation (one line naming the first bad parameter), 503 while another
process writes the database (``DatabaseBusyError``), 500 for a failure of ours (logged with its
traceback; the answer names only the exception type: never a path, a process id or a query).
Routes raise ``accord.api.errors.ApiError`` for their own 400/404/413/422/503/504.

Example::

    install_error_handlers(app)
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.api.errors import BUSY_MESSAGE, ApiError, error_response
from accord.api.params import describe_pattern
from accord.errors import DatabaseBusyError, StoreError

__all__ = ["install_error_handlers", "validation_message"]

log = logging.getLogger("accord.api")


def validation_message(exc: RequestValidationError) -> tuple[int, str]:
    """Pydantic's list of errors -> (status, one line naming the first bad parameter).

    400 when the body is not JSON at all, 422 otherwise.
    """
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


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.message)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(*validation_message(exc))


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such path: {request.url.path}"
    return error_response(exc.status_code, message)


async def _busy(request: Request, exc: DatabaseBusyError) -> JSONResponse:
    return error_response(503, BUSY_MESSAGE)


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error while serving %s %s", request.method, request.url.path)
    # Accord's own messages name files (the database's path): the log has them, the answer not.
    reason = "the database could not be read" if isinstance(exc, StoreError) else type(exc).__name__
    return error_response(500, f"internal error: {reason}")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers above on ``app``; returns None."""
    # The decorator form, called directly: it accepts a handler typed with its own exception class.
    app.exception_handler(ApiError)(_api_error)
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(StarletteHTTPException)(_http_error)
    app.exception_handler(DatabaseBusyError)(_busy)
    app.exception_handler(Exception)(_server_error)
