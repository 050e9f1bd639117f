"""``POST /extract``: ``{"text", "date"[, "article_id"]}`` -> the events found; nothing is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from accord.api.deps import ExtractorDep
from accord.api.errors import ApiError, ErrorBody
from accord.api.params import FULL_DATE_PATTERN

__all__ = ["ExtractRequest", "ExtractResponse", "router"]

router = APIRouter(tags=["extract"])


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text.")
    date: str = Field(
        pattern=FULL_DATE_PATTERN, description="The report date, YYYY-MM-DD.", examples=["2021-12-06"]
    )
    article_id: str | None = Field(
        default=None, max_length=300, description="Id to give the article's events."
    )


class ExtractResponse(BaseModel):
    count: int
    events: list[dict[str, Any]]


@router.post(
    "/extract",
    response_model=ExtractResponse,
    responses={413: {"model": ErrorBody, "description": "Request body over the limit"}},
)
def extract_events(extract: ExtractorDep, body: ExtractRequest) -> dict[str, Any]:
    """Events found in one text, in the contract's shape; nothing is stored."""
    try:
        date = dt.date.fromisoformat(body.date)
    except ValueError:
        raise ApiError(422, f"date {body.date!r} is not a calendar date") from None
    events = extract(body.text, date, article_id=body.article_id)
    return {"count": len(events), "events": events}
