"""What the routes are given: the app's one database (with its cache of aggregates) and the extractor.

``create_app`` puts a ``SharedDatabase`` in ``app.state.database`` and the extract function in
``app.state.extractor``; routes ask for them with the ``DatabaseDep`` and ``ExtractorDep``
parameter types (FastAPI ``Depends``), so that no route is a closure over ``create_app``.

Example::

    @router.get("/health")
    def health(database: DatabaseDep) -> dict[str, Any]: ...
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import Depends, Request

import accord

if TYPE_CHECKING:
    from accord.store import Database

__all__ = [
    "CACHE_ENTRIES",
    "DatabaseDep",
    "Extractor",
    "ExtractorDep",
    "SharedDatabase",
    "default_extractor",
    "get_database",
    "get_extractor",
]

# ``POST /extract``'s function: (text, date, *, article_id) -> the events as contract dicts.
Extractor = Callable[..., list[dict[str, Any]]]

# Aggregates (counts, timelines, networks, actor lists) remembered by a read-only app.
CACHE_ENTRIES = 512

T = TypeVar("T")


def default_extractor(
    text: str, date: str | dt.date, *, article_id: str | None = None
) -> list[dict[str, Any]]:
    """``accord.extract``, looked up at call time so that spaCy loads on the first request only."""
    return accord.extract(text, date, article_id=article_id)


class SharedDatabase:
    """One ``Database`` for the app's lifetime, opened on first use, closed at shutdown.

    ``Database`` serialises calls from several threads on its one connection, so request threads
    share it safely; opening DuckDB per request would cost more (~15 ms) than most queries.
    """

    def __init__(self, path: Path, *, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self._db: Database | None = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    @contextmanager
    def open(self) -> Iterator[Database]:
        """The database, opened (read-only unless ``writable``) by the first caller.

        Raises ``accord.errors.StoreError`` when DuckDB cannot open the file.
        """
        if self._db is None:
            # Imported here, not at the top: it imports duckdb, and `import accord.api` stays light.
            from accord.store import Database

            with self._lock:
                if self._db is None:
                    self._db = Database(self.path, read_only=not self.writable)
        yield self._db

    def cached(self, key: tuple[Any, ...], compute: Callable[[Database], T]) -> T:
        """``compute(db)``, remembered under ``key`` while the database is read-only.

        A read-only database cannot change under the server (DuckDB lets no other process write
        while it is open), so counts and aggregates stay true; paging through a filter then costs
        its count once. Writable apps always compute.
        """
        if self.writable:
            with self.open() as db:
                return compute(db)
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                hit: T = self._cache[key]
                return hit
        with self.open() as db:
            value = compute(db)
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return value

    def close(self) -> None:
        """Close the database (if it was opened) and forget the cache; a later request reopens it."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
        with self._cache_lock:
            self._cache.clear()


# Async so that FastAPI calls them on the event loop rather than hopping to a worker thread.
async def get_database(request: Request) -> SharedDatabase:
    """The ``SharedDatabase`` that ``create_app`` stored in ``app.state.database``."""
    database: SharedDatabase = request.app.state.database
    return database


async def get_extractor(request: Request) -> Extractor:
    """The extract function that ``create_app`` stored in ``app.state.extractor``."""
    extractor: Extractor = request.app.state.extractor
    return extractor


DatabaseDep = Annotated[SharedDatabase, Depends(get_database)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
