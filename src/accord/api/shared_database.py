"""The server's view of the database: a pool of read-only connections that steps aside for a writer.

DuckDB lets one process write a file or many read it (``accord.store.access``). The server keeps
one read-only connection to the file and up to ``connections`` cursors on it, one per request at
a time, so that requests read in parallel. While ``<db>.writer`` names a live process (an ingest
waiting to commit, or committing), the server lets go of the file: once the requests that hold a
cursor are done it closes the pool (a watcher thread notices within ``POLL_SECONDS`` even when
no request comes), and a new request waits up to ``busy_wait`` seconds for the flag to go, then
reads through a connection opened for it alone. Once the flag is gone, the pool opens again and
sees every commit. When the file stays locked, the request fails with ``DatabaseBusyError``,
which the API answers with 503 and a line without paths.

Aggregates are remembered per opening of the pool (``cached``): while the pool is open no process
can write the file, so they cannot go stale; a reopening forgets them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from accord.store import Database

__all__ = ["CACHE_ENTRIES", "POLL_SECONDS", "SharedDatabase"]

# Aggregates (counts, timelines, networks, actor lists) remembered per opening of the pool.
CACHE_ENTRIES = 512
# How often the watcher looks for a writer's flag while the pool is open.
POLL_SECONDS = 0.1

T = TypeVar("T")


class SharedDatabase:
    """The app's database: pooled read-only cursors, released while a writer waits (see above).

    ``writable`` opens the file read-write instead (no writer can share it then). ``connections``
    bounds the cursors (and so the queries running at once); ``busy_wait`` is how long a request
    waits for a writer before reading past it or failing.
    """

    def __init__(self, path: Path, *, writable: bool, connections: int = 8, busy_wait: float = 0.5) -> None:
        self.path = path
        self.writable = writable
        self.connections = connections
        self.busy_wait = busy_wait
        self._state = threading.Condition()
        self._root: Database | None = None
        self._free: list[Database] = []
        self._made = 0
        self._leased = 0
        self._generation = 0
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._watcher: threading.Thread | None = None
        self._stop_watching = threading.Event()

    # -- leasing a connection --------------------------------------------------------------------

    @contextmanager
    def open(self) -> Iterator[Database]:
        """A database handle for one request: a pooled cursor, or a connection of its own while a
        writer waits. Raises ``DatabaseBusyError`` when the file stays locked, ``StoreError`` when
        it cannot be opened at all."""
        with self._lease() as (database, _):
            yield database

    @contextmanager
    def _lease(self) -> Iterator[tuple[Database, int | None]]:
        """``(database, generation)``; generation None for a connection opened for the request."""
        from accord.store import open_database

        if self._writer_waiting():
            self._release_if_idle()
            if not self._wait_for_writer():
                # The writer is still there: read past it if the file is free, else fail.
                database = open_database(self.path, read_only=True, wait=self.busy_wait)
                try:
                    yield database, None
                finally:
                    database.close()
                return
        database, generation = self._take()
        try:
            yield database, generation
        finally:
            self._give_back(database, generation)

    def _writer_waiting(self) -> bool:
        from accord.store import writer_waiting

        return not self.writable and writer_waiting(self.path)

    def _wait_for_writer(self) -> bool:
        """Wait up to ``busy_wait`` for the writer's flag to go; True when it went."""
        deadline = time.monotonic() + self.busy_wait
        while time.monotonic() < deadline:
            time.sleep(0.01)
            if not self._writer_waiting():
                return True
        return False

    def _take(self) -> tuple[Database, int]:
        from accord.store import open_database

        with self._state:
            while True:
                if self._root is None:
                    self._root = open_database(self.path, read_only=not self.writable, wait=self.busy_wait)
                    self._generation += 1
                    self._cache.clear()
                    self._start_watcher()
                if self._free:
                    database = self._free.pop()
                    break
                if self._made < self.connections:
                    database = self._root.cursor()
                    self._made += 1
                    break
                self._state.wait()
            self._leased += 1
            return database, self._generation

    def _give_back(self, database: Database, generation: int) -> None:
        with self._state:
            self._leased -= 1
            if generation == self._generation and self._root is not None:
                self._free.append(database)
            else:
                database.close()
            self._state.notify()
        if self._writer_waiting():
            self._release_if_idle()

    def _release_if_idle(self) -> None:
        """Close the pool when no request holds a cursor (a writer waits for the file)."""
        with self._state:
            if self._leased == 0 and self._root is not None:
                self._close_pool()

    def _close_pool(self) -> None:
        # Called with self._state held.
        for database in self._free:
            database.close()
        self._free, self._made = [], 0
        if self._root is not None:
            self._root.close()
            self._root = None
        self._state.notify_all()

    def _start_watcher(self) -> None:
        # Called with self._state held. An idle server must let go of the file too.
        if self._watcher is None and not self.writable:
            self._stop_watching = threading.Event()
            self._watcher = threading.Thread(
                target=self._watch, args=(self._stop_watching,), name="accord-writer-watch", daemon=True
            )
            self._watcher.start()

    def _watch(self, stop: threading.Event) -> None:
        while not stop.wait(POLL_SECONDS):
            if self._root is not None and self._writer_waiting():
                self._release_if_idle()

    # -- aggregates --------------------------------------------------------------------------------

    def cached(self, key: tuple[Any, ...], compute: Callable[[Database], T]) -> T:
        """``compute(db)``, remembered under ``key`` until the pool is reopened (read-only only).

        Paging through a filter then costs its count once. Writable apps, and requests served
        past a writer, always compute.
        """
        if not self.writable:
            with self._state:
                if self._root is not None and key in self._cache:
                    self._cache.move_to_end(key)
                    hit: T = self._cache[key]
                    return hit
        with self._lease() as (database, generation):
            value = compute(database)
        if generation is not None and not self.writable:
            with self._state:
                if generation == self._generation:
                    self._cache[key] = value
                    while len(self._cache) > CACHE_ENTRIES:
                        self._cache.popitem(last=False)
        return value

    def close(self) -> None:
        """Close every connection and forget the cache; a later request opens the pool again."""
        with self._state:
            self._close_pool()
            self._cache.clear()
            self._generation += 1
            self._stop_watching.set()
            self._watcher = None
