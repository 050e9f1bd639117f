"""``GET /articles`` (paged, without text) and ``GET /articles/{article_id}`` (text and evidence)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.api.deps import DatabaseDep
from accord.api.errors import ApiError
from accord.api.params import ArticleIdPath, Limit, Offset

__all__ = ["router"]

router = APIRouter(tags=["articles"])


@router.get("/articles")
def list_articles(database: DatabaseDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles (without their text), one page at a time."""
    with database.open() as db:
        articles = db.articles(limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "articles": articles}


@router.get("/articles/{article_id}")
def get_article(database: DatabaseDep, article_id: ArticleIdPath) -> dict[str, Any]:
    """One article: its text, every event found in it and its agreements, deals and meetings, with
    offsets into that text."""
    with database.open() as db:
        article = db.article(article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return article
