"""One open DuckDB file: opening, the schema and its version, the lock, and small query helpers.

The other store modules take a ``Connection`` and run their SQL through it, so that opening,
closing, locking and turning DuckDB's errors into ``StoreError`` are written once.

Errors: ``StoreError`` when the file cannot be opened, is not an Accord database, was written by a
newer Accord, is closed, or a query fails; ``DatabaseBusyError`` (a ``StoreError``) when another
process holds the file's lock (DuckDB lets one process write a file, or many read it).
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from accord.errors import DatabaseBusyError, StoreError

__all__ = ["SCHEMA_VERSION", "Connection", "is_lock_conflict", "utcnow"]

SCHEMA_VERSION = 4

# What each schema version added, for the row recorded when an older file is opened for writing. The
# tables themselves come from schema.sql (every statement idempotent), so the migration is that file.
_MIGRATIONS = {
    2: "tables agreements, deals, meetings and record_actors",
    3: "table flags",
    4: "table clusters and events.cluster_id; the stored events and records linked into clusters",
}

_T = TypeVar("_T")


@lru_cache(maxsize=1)
def _schema_sql() -> str:
    return resources.files("accord.store").joinpath("schema.sql").read_text(encoding="utf-8")


def utcnow() -> dt.datetime:
    """The current time as naive UTC, the form the tables keep.

    Naive because DuckDB's TIMESTAMP has no zone and TIMESTAMPTZ would need pytz to read back.
    """
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _migrate(con: duckdb.DuckDBPyConnection, version: int) -> int:
    """Record the versions after ``version``, whose tables schema.sql has just created; articles stored
    before keep their rows and have no records of the newer tables until they are ingested again with
    other content. From schema 4 on every mention belongs to a cluster: the stored ones are linked
    here, once, in the order they were stored (as if they had been linked when written)."""
    for step in range(version + 1, SCHEMA_VERSION + 1):
        assert step in _MIGRATIONS, f"schema {step} has no migration note"
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [step, utcnow()])
    if version < 4:
        from accord.store.clusters import link_all  # the linker: only an old file needs it here

        link_all(con)
    return SCHEMA_VERSION


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether a DuckDB error says that another process holds the file's lock."""
    text = str(exc)
    return isinstance(exc, duckdb.Error) and ("Could not set lock" in text or "Conflicting lock" in text)


class Connection:
    """An open Accord database file: ``path``, ``read_only``, and one DuckDB connection.

    Opening creates the tables when the file is writable and checks the schema version either way.
    Calls from several threads are serialised on ``lock``. Raises ``StoreError`` when the file
    cannot be opened or is no Accord database (the connection is then closed again).
    """

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.lock = threading.RLock()
        # Aggregates computed in read-only mode: no process can write the file while it is open
        # read-only (DuckDB's file lock), so they cannot go stale.
        self._aggregates: dict[tuple[Any, ...], Any] = {}
        self._clustered: bool | None = None
        if read_only and not path.is_file():
            raise StoreError(f"{path}: no such database file (opened read-only, so it is not created)")
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if is_lock_conflict(exc):
                # DuckDB's own message names the other process and suggests a CLI flag Accord has not.
                holder = "a process writing it" if read_only else "another process (a server or an ingest)"
                raise DatabaseBusyError(f"{path}: the database is in use by {holder}") from None
            raise StoreError(f"{path}: cannot open the database: {exc}") from exc
        try:
            self._check_version(self._read_version() if read_only else self._create_tables())
        except BaseException:
            self.close()
            raise

    @classmethod
    def sibling(cls, parent: Connection) -> Connection:
        """A second connection to ``parent``'s open database (DuckDB's ``cursor()``), with a lock of
        its own, so that two threads can query at once. Close it before ``parent``."""
        with parent.lock:
            cursor = parent.raw().cursor()
        sibling = cls.__new__(cls)
        sibling.path = parent.path
        sibling.read_only = parent.read_only
        sibling.lock = threading.RLock()
        sibling._aggregates = {}
        sibling._clustered = parent._clustered
        sibling._con = cursor
        return sibling

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._con is None

    def close(self) -> None:
        """Close the connection (idempotent); committed articles are already durable."""
        with self.lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def raw(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection; ``StoreError`` when it was closed."""
        if self._con is None:
            raise StoreError(f"{self.path}: the database is closed")
        return self._con

    # -- schema ----------------------------------------------------------------------------------

    def _read_version(self) -> int:
        try:
            rows = self.raw().execute("SELECT max(version) FROM schema_version").fetchall()
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: not an Accord database (no schema_version table)") from exc
        version = rows[0][0] if rows else None
        if version is None:
            raise StoreError(f"{self.path}: not an Accord database (empty schema_version table)")
        return int(version)

    def _create_tables(self) -> int:
        con = self.raw()
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(_schema_sql())
            rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
            version = rows[0][0] if rows else None
            if version is None:
                version = SCHEMA_VERSION
                con.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, utcnow()])
            elif version < SCHEMA_VERSION:
                version = _migrate(con, int(version))
            con.execute("COMMIT")
        except duckdb.Error as exc:
            self.rollback()
            raise StoreError(f"{self.path}: cannot create the tables: {exc}") from exc
        return int(version)

    @property
    def clustered(self) -> bool:
        """Whether the file's events have clusters (schema 4): a file of an older schema opened
        read-only has none (opening it for writing links them)."""
        if self._clustered is None:
            self._clustered = self.has_table("clusters")
        return self._clustered

    def has_table(self, name: str) -> bool:
        """Whether the file has table ``name``: a file of an older schema opened read-only lacks the
        tables added since (opening it for writing adds them)."""
        return self.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]) > 0

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Accord (schema {version}, this one knows {SCHEMA_VERSION})"
            )

    # -- helpers for the other store modules -----------------------------------------------------

    def rollback(self) -> None:
        """Undo the open transaction, if there is one."""
        try:
            self.raw().execute("ROLLBACK")
        except duckdb.Error:
            pass  # no transaction was open: nothing to undo

    def require_writable(self, action: str) -> None:
        """Raise ``StoreError`` saying that ``action`` needs write access, in read-only mode."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot {action}")

    def fetchall(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """All rows of ``sql``; a DuckDB error becomes ``StoreError``."""
        with self.lock:
            try:
                return self.raw().execute(sql, params).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: query failed: {exc}") from exc

    def fetchone(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        """The first row of ``sql``, or None."""
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any]) -> int:
        """The first column of the first row as an int (0 when there is no row)."""
        row = self.fetchone(sql, params)
        return int(row[0]) if row else 0

    def memoized(self, key: tuple[Any, ...], compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per ``key`` on a read-only file (a copy each time)."""
        if not self.read_only:
            return compute()
        with self.lock:
            if key not in self._aggregates:
                self._aggregates[key] = compute()
            # A copy, so that a caller changing its result cannot change the next caller's.
            result: _T = copy.deepcopy(self._aggregates[key])
            return result
