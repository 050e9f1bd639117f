"""Why Accord coded what it coded: ``POST /explain`` for a text, ``GET /articles/{id}/explain`` for a stored one.

Each event comes with the lexicon row its trigger matched, the words that gave each side and how, the
phrase that gave its date and the reason for its status; each candidate trigger that gave no event
comes with the reason it was dropped (``accord.explain``). The work runs in the extract pool, bounded
like ``POST /extract`` (413 over the length limit, 504 past the time limit, 503 when busy).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from fastapi import APIRouter, Request

from accord.api.deps import DatabaseDep, ExtractPoolDep
from accord.api.errors import ApiError, ErrorBody
from accord.api.extract_pool import ExtractBusy, ExtractFailed, ExtractPool, ExtractStopped, ExtractTimeout
from accord.api.params import ArticleIdPath
from accord.api.routes.extract import ExtractRequest
from accord.base.report_dates import report_date_problem

__all__ = ["router"]

router = APIRouter(tags=["explain"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "Text over the limit"},
    503: {"model": ErrorBody, "description": "Every worker busy, or the server stopping"},
    504: {"model": ErrorBody, "description": "Took longer than the limit"},
}


async def _explain(request: Request, pool: ExtractPool, text: str, date: str, article_id: str | None) -> Any:
    limit: int = request.app.state.max_extract_chars
    if len(text) > limit:
        raise ApiError(413, f"text is {len(text):,} characters, over the limit of {limit:,}")
    try:
        problem = report_date_problem(dt.date.fromisoformat(date))
    except ValueError:
        raise ApiError(422, f"date {date!r} is not a calendar date") from None
    if problem is not None:
        raise ApiError(422, problem)
    try:
        return await pool.job("explain", text, date, article_id)
    except ExtractTimeout as exc:
        raise ApiError(504, f"{exc}; send a shorter text") from None
    except (ExtractBusy, ExtractStopped) as exc:
        raise ApiError(503, str(exc)) from None
    except ExtractFailed as exc:
        raise ApiError(500, f"internal error: {exc}") from None
    except asyncio.CancelledError:
        raise


@router.post("/explain", responses=_RESPONSES)
async def explain_text(request: Request, pool: ExtractPoolDep, body: ExtractRequest) -> dict[str, Any]:
    """Each event of the text with why it was coded so, and each dropped candidate with its reason."""
    found: dict[str, Any] = await _explain(request, pool, body.text, body.date, body.article_id)
    return found


@router.get("/articles/{article_id}/explain", responses={404: {"model": ErrorBody}, **_RESPONSES})
async def explain_article(
    request: Request, article_id: ArticleIdPath, database: DatabaseDep, pool: ExtractPoolDep
) -> dict[str, Any]:
    """A stored article's events explained, extracted again from its stored text."""
    with database.open() as db:
        record = db.article(article_id)
    if record is None:
        raise ApiError(404, f"no article {article_id!r}")
    found: dict[str, Any] = await _explain(request, pool, record["text"], str(record["date"]), article_id)
    return found
