"""What the routes are given: the app's database (a pool, with its cache of aggregates) and the
extract workers.

``create_app`` puts a ``SharedDatabase`` (``accord.api.shared_database``) in ``app.state.database``,
the extract function in ``app.state.extractor`` and the ``ExtractPool`` that runs it in
``app.state.extract_pool``; routes ask for them with the ``DatabaseDep``, ``ExtractorDep`` and
``ExtractPoolDep`` parameter types (FastAPI ``Depends``), so that no route is a closure over
``create_app``.

Example::

    @router.get("/health")
    def health(database: DatabaseDep) -> dict[str, Any]: ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request

import accord
from accord.api.extract_pool import ExtractPool
from accord.api.shared_database import CACHE_ENTRIES, SharedDatabase

__all__ = [
    "CACHE_ENTRIES",
    "DatabaseDep",
    "Extractor",
    "ExtractorDep",
    "ExtractPoolDep",
    "SharedDatabase",
    "default_extractor",
    "get_database",
    "get_extract_pool",
    "get_extractor",
]

# ``POST /extract``'s function: (text, date, *, article_id) -> the events as contract dicts.
Extractor = Callable[..., list[dict[str, Any]]]


def default_extractor(
    text: str, date: str | dt.date, *, article_id: str | None = None
) -> list[dict[str, Any]]:
    """``accord.extract``, looked up at call time so that spaCy loads on the first request only."""
    return accord.extract(text, date, article_id=article_id)


# Async so that FastAPI calls them on the event loop rather than hopping to a worker thread.
async def get_database(request: Request) -> SharedDatabase:
    """The ``SharedDatabase`` that ``create_app`` stored in ``app.state.database``."""
    database: SharedDatabase = request.app.state.database
    return database


async def get_extractor(request: Request) -> Extractor:
    """The extract function that ``create_app`` stored in ``app.state.extractor``."""
    extractor: Extractor = request.app.state.extractor
    return extractor


async def get_extract_pool(request: Request) -> ExtractPool:
    """The ``ExtractPool`` that ``create_app`` stored in ``app.state.extract_pool``."""
    pool: ExtractPool = request.app.state.extract_pool
    return pool


DatabaseDep = Annotated[SharedDatabase, Depends(get_database)]
ExtractPoolDep = Annotated[ExtractPool, Depends(get_extract_pool)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
