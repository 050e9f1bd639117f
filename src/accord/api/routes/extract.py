"""``POST /extract``: ``{"text", "date"[, "article_id"]}`` -> the events found; nothing is stored.

The work is bounded: a text over the app's ``max_extract_chars`` is refused (413) before any
parsing; the extraction runs in a worker process of the app's ``ExtractPool``, never on the event
loop, for at most its ``timeout`` (504 past it, 503 when every worker stays busy); a client that
disconnects has its worker killed. A report date outside 1800 .. next year is a 422.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from accord.api.deps import ExtractPoolDep
from accord.api.errors import ApiError, ErrorBody
from accord.api.extract_pool import ExtractBusy, ExtractFailed, ExtractStopped, ExtractTimeout
from accord.api.params import FULL_DATE_PATTERN
from accord.base.report_dates import report_date_problem

__all__ = ["ExtractRequest", "ExtractResponse", "checked_job", "pool_errors", "router"]

router = APIRouter(tags=["extract"])


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text (at most the server's limit, 413 past it).")
    date: str = Field(
        pattern=FULL_DATE_PATTERN,
        description="The report date, YYYY-MM-DD, from 1800-01-01 to the end of next year.",
        examples=["2021-12-06"],
    )
    article_id: str | None = Field(
        default=None, max_length=300, description="Id to give the article's events."
    )


class ExtractResponse(BaseModel):
    count: int
    events: list[dict[str, Any]]


def checked_job(request: Request, text: str, date: str) -> None:
    """Refuse a job before it reaches a worker: a text over the app's limit (413), a date that is no
    calendar date or lies outside 1800 .. next year (422)."""
    limit: int = request.app.state.max_extract_chars
    if len(text) > limit:
        raise ApiError(413, f"text is {len(text):,} characters, over the limit of {limit:,}")
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise ApiError(422, f"date {date!r} is not a calendar date") from None
    problem = report_date_problem(day)
    if problem is not None:
        raise ApiError(422, problem)


@contextmanager
def pool_errors() -> Iterator[None]:
    """The extract pool's failures as HTTP answers: 504 past the time limit, 503 when busy or
    stopping, 500 for a worker's error. A cancelled request (client gone) passes through."""
    try:
        yield
    except ExtractTimeout as exc:
        raise ApiError(504, f"{exc}; send a shorter text") from None
    except (ExtractBusy, ExtractStopped) as exc:
        raise ApiError(503, str(exc)) from None
    except ExtractFailed as exc:
        raise ApiError(500, f"internal error: {exc}") from None


async def _client_gone(request: Request) -> None:
    """Returns when the client disconnects (the body is read, so only a disconnect can come)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


@router.post(
    "/extract",
    response_model=ExtractResponse,
    responses={
        413: {"model": ErrorBody, "description": "Request body or text over the limit"},
        503: {"model": ErrorBody, "description": "Every extract worker busy, or the server stopping"},
        504: {"model": ErrorBody, "description": "Extraction took longer than the limit"},
    },
)
async def extract_events(request: Request, pool: ExtractPoolDep, body: ExtractRequest) -> dict[str, Any]:
    """Events found in one text, in the contract's shape; nothing is stored."""
    checked_job(request, body.text, body.date)
    with pool_errors():
        events = await pool.run(
            body.text, body.date, body.article_id, client_gone=lambda: _client_gone(request)
        )
    return {"count": len(events), "events": events}
