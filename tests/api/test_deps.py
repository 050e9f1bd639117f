"""The app's shared database: opened once, aggregates remembered only while read-only."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from accord.api.deps import CACHE_ENTRIES, SharedDatabase


def counting(calls: list[str]) -> Any:
    def compute(db: Any) -> int:
        calls.append("computed")
        return db.count_events()

    return compute


def test_deps_read_only_database_remembers_aggregates(api_db: Path):
    database = SharedDatabase(api_db, writable=False)
    calls: list[str] = []
    first = database.cached(("count",), counting(calls))
    assert first > 0
    assert database.cached(("count",), counting(calls)) == first
    assert calls == ["computed"]
    # Two requests at once get two cursors on the same open file, and both read.
    with database.open() as db, database.open() as again:
        assert db is not again and db.count_events() == again.count_events() == first
    with database.open() as reused:
        assert reused in (db, again)
    database.close()
    assert database.cached(("count",), counting(calls)) == first
    assert calls == ["computed", "computed"]
    database.close()


def test_deps_cache_forgets_the_oldest_entry(api_db: Path):
    database = SharedDatabase(api_db, writable=False)
    calls: list[str] = []
    for n in range(CACHE_ENTRIES + 1):
        database.cached(("n", n), lambda db, n=n: n)
    database.cached(("n", 0), lambda db: calls.append("again") or 0)
    database.cached(("n", CACHE_ENTRIES), lambda db: calls.append("kept") or 0)
    assert calls == ["again"]
    database.close()


def test_deps_writable_database_always_computes(api_db: Path, tmp_path: Path):
    copy = tmp_path / "rw.duckdb"
    shutil.copyfile(api_db, copy)
    database = SharedDatabase(copy, writable=True)
    calls: list[str] = []
    database.cached(("count",), counting(calls))
    database.cached(("count",), counting(calls))
    assert calls == ["computed", "computed"]
    database.close()
