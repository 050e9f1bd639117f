"""Why Accord coded what it coded: ``POST /explain`` for a text, ``GET /articles/{id}/explain`` for a stored one.

Each event comes with the lexicon row its trigger matched, the words that gave each side and how, the
phrase that gave its date and the reason for its status; each candidate trigger that gave no event
comes with the reason it was dropped (``accord.explain``). The work runs in the extract pool, bounded
like ``POST /extract`` (413 over the length limit, 504 past the time limit, 503 when busy).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from accord.api.deps import DatabaseDep, ExtractPoolDep
from accord.api.errors import ApiError, ErrorBody
from accord.api.extract_pool import ExtractPool
from accord.api.params import ArticleIdPath
from accord.api.routes.extract import ExtractRequest, checked_job, pool_errors

__all__ = ["router"]

router = APIRouter(tags=["explain"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "Text over the limit"},
    503: {"model": ErrorBody, "description": "Every worker busy, or the server stopping"},
    504: {"model": ErrorBody, "description": "Took longer than the limit"},
}


async def _explain(request: Request, pool: ExtractPool, text: str, date: str, article_id: str | None) -> Any:
    checked_job(request, text, date)
    with pool_errors():
        return await pool.job("explain", text, date, article_id)


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
