"""Accord's embedded event database (DuckDB): the only package that imports duckdb.

>>> from accord.store import Database
>>> with Database("accord.duckdb") as db:  # doctest: +SKIP
...     db.write_result(result)
...     db.events(actor="IND", limit=10)

Modules, one job each: ``database`` (the public ``Database``; its records' methods in
``database_records``), ``connection`` (opening, schema version, lock), ``rows`` (records -> table
rows), ``filters`` (filters -> SQL), ``writer``, ``clusters`` (each mention linked to its real event's
cluster inside the write transaction) and ``cluster_rows`` (the ``clusters`` table), ``queries``,
``distinct`` (one row per real event), ``aggregates``, ``frames``, ``export`` (files, and the CSV
schema that the CLI and the API share: ``CSV_COLUMNS``, ``event_csv_row``, ``write_events_csv``) and
``access`` (sharing the file between a writer and readers: ``writing``, ``open_database``,
``writer_waiting``) and ``parquet`` (a Parquet dataset read in order: ``ordered_parquet_rows``).
"""

from __future__ import annotations

from accord.store.access import DEFAULT_LOCK_WAIT, open_database, writer_flag, writer_waiting, writing
from accord.store.connection import SCHEMA_VERSION
from accord.store.database import Database
from accord.store.export import CSV_COLUMNS, event_csv_row, write_events_csv
from accord.store.flags import FLAG_COLUMNS, write_flags_csv
from accord.store.parquet import ordered_parquet_rows
from accord.store.rows import content_hash
from accord.store.writer import WriteOutcome, article_hash

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_LOCK_WAIT",
    "FLAG_COLUMNS",
    "SCHEMA_VERSION",
    "Database",
    "WriteOutcome",
    "article_hash",
    "content_hash",
    "event_csv_row",
    "open_database",
    "ordered_parquet_rows",
    "write_events_csv",
    "write_flags_csv",
    "writer_flag",
    "writer_waiting",
    "writing",
]
