"""``GET /articles`` (paged, without text) and ``GET /articles/{article_id}`` (text and evidence)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fastapi import APIRouter

from accord.api.deps import DatabaseDep
from accord.api.errors import ApiError
from accord.api.params import ArticleIdPath, Limit, Offset

__all__ = ["router"]

router = APIRouter(tags=["articles"])


def file_name(origin: str | None) -> str | None:
    """Where an article came from, without the folders of the machine that ingested it.

    >>> file_name("/home/ana/corpus/a/report.txt"), file_name("/data/x.zip!inner/b.csv"), file_name("<stdin>")
    ('report.txt', 'x.zip!inner/b.csv', '<stdin>')
    """
    if origin is None:
        return None
    outer, bang, member = origin.partition("!")
    return PurePath(outer).name + bang + member


@router.get("/articles")
def list_articles(database: DatabaseDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles (without their text), one page at a time; ``origin`` is the file's name."""
    with database.open() as db:
        articles = db.articles(limit=limit, offset=offset)
    for article in articles:
        article["origin"] = file_name(article["origin"])
    return {"limit": limit, "offset": offset, "articles": articles}


@router.get("/articles/{article_id}")
def get_article(database: DatabaseDep, article_id: ArticleIdPath) -> dict[str, Any]:
    """One article: its text, every event found in it and its agreements, deals and meetings, with
    offsets into that text."""
    with database.open() as db:
        article = db.article(article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    article["origin"] = file_name(article["origin"])
    return article
