"""The API's one error shape: ``{"status": int, "error": "one-line reason"}``.

``ApiError`` is what a route raises to answer with that shape; ``ErrorBody`` documents it in the
OpenAPI document, where ``ERROR_RESPONSES`` lists it for every route; ``error_response`` builds it.
The handlers that turn every other failure into it are in ``accord.api.handlers``.

>>> error_response(404, "no event with id 'x'").body
b'{"status":404,"error":"no event with id \\'x\\'"}'
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

__all__ = ["BUSY_MESSAGE", "ERROR_RESPONSES", "ApiError", "ErrorBody", "error_response"]

# The 503 answer while another process writes the database (no path, no process id).
BUSY_MESSAGE = "the database is being written by another process (an ingest); try again in a moment"


class ApiError(Exception):
    """An error answered as ``{"status": status, "error": message}``.

    >>> ApiError(404, "no article with id 'x'").status
    404
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ErrorBody(BaseModel):
    status: int = Field(examples=[404])
    error: str = Field(examples=["no article with id 'x'"])


# The statuses any route may answer with, as FastAPI's ``responses`` (shown in the OpenAPI document).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": reason}
    for code, reason in {
        400: "Contradictory request",
        404: "Not found",
        422: "A parameter failed validation",
        500: "Server error",
        503: "The database is being written by another process: try again",
    }.items()
}


def error_response(status: int, message: str) -> JSONResponse:
    """The JSON response for an error: ``status`` as both the HTTP status and the body's field."""
    return JSONResponse({"status": status, "error": message}, status_code=status)
