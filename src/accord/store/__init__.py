"""Accord's embedded event database (DuckDB): the only package that imports duckdb.

>>> from accord.store import Database
>>> with Database("accord.duckdb") as db:  # doctest: +SKIP
...     db.write_result(result)
...     db.events(actor="IND", limit=10)

Modules, one job each: ``database`` (the public ``Database``), ``connection`` (opening, schema
version, lock), ``rows`` (records -> table rows), ``filters`` (filters -> SQL), ``writer``,
``queries``, ``aggregates``, ``frames`` and ``export`` (files, and the CSV schema that the CLI
and the API share: ``CSV_COLUMNS``, ``event_csv_row``, ``write_events_csv``).
"""

from __future__ import annotations

from accord.store.connection import SCHEMA_VERSION
from accord.store.database import Database
from accord.store.export import CSV_COLUMNS, event_csv_row, write_events_csv
from accord.store.writer import article_hash

__all__ = ["CSV_COLUMNS", "SCHEMA_VERSION", "Database", "article_hash", "event_csv_row", "write_events_csv"]
