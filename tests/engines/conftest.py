"""Fixtures for the engines' tests: real wire reports, and a database's whole content to compare.

``database_rows(path)`` reads every table of a database file (all columns but the times of
writing, rows in the order they were written), so that two ingests can be shown to have written
the same database: the same articles, events and ids, and the same links between them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DatabaseRows = dict[str, list[tuple[Any, ...]]]


def database_rows(path: Path) -> DatabaseRows:
    import duckdb

    rows: DatabaseRows = {}
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
        ).fetchall()
        for (table,) in tables:
            columns = [
                f'"{name}"'
                for name, kind in con.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if not kind.startswith("TIMESTAMP")
            ]
            rows[table] = con.execute(f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY rowid').fetchall()
    return rows


@pytest.fixture(scope="session")
def read_database() -> Callable[[Path], DatabaseRows]:
    return database_rows


@pytest.fixture(scope="session")
def wire_reports(shared_dir: Path) -> list[Path]:
    """The first 24 te3-silver-news reports (AFP and Xinhua wire stories, TimeML)."""
    folder = shared_dir / "data" / "te3-silver-news"
    reports = sorted(folder.glob("*.tml"))[:24]
    if len(reports) < 24:
        pytest.skip("te3-silver-news is not complete on this machine")
    return reports
