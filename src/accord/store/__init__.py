"""Accord's embedded event database (DuckDB): the only package that imports duckdb.

>>> from accord.store import Database
>>> with Database("accord.duckdb") as db:  # doctest: +SKIP
...     db.write_result(result)
...     db.events(actor="IND", limit=10)
"""

from __future__ import annotations

from accord.store.database import SCHEMA_VERSION, Database, article_hash

__all__ = ["SCHEMA_VERSION", "Database", "article_hash"]
