"""A writer killed with SIGKILL in the middle of an ingest leaves a consistent database.

The writer is tests/store/synthetic.py run as a separate process: it writes synthetic articles
one transaction each and prints each id after its commit. The test kills it once some have been
printed, reopens the file, checks that every stored article is whole, then runs the writer again
and checks that it completes the set without duplicates.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from accord.store import Database

ARTICLES = 300
KILL_AFTER = 30

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def run_writer(script: Path, path: Path, *, kill_after: int | None) -> tuple[int, list[str]]:
    """Run the writer; with ``kill_after``, SIGKILL it after that many committed articles."""
    command = [sys.executable, str(script), str(path), str(ARTICLES)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        lines: list[str] = []
        for line in process.stdout:
            lines.append(line.strip())
            if kill_after is not None and len(lines) >= kill_after:
                os.kill(process.pid, signal.SIGKILL)
                break
        process.wait(timeout=120)
        stderr = process.stderr.read() if process.stderr else ""
    if kill_after is None:
        assert process.returncode == 0, stderr
    return process.returncode, lines


def check_consistent(path: Path, synthetic: ModuleType) -> set[str]:
    """Every stored article has all its rows, equal to what the generator made; returns the ids."""
    with duckdb.connect(str(path), read_only=True) as con:
        articles = dict(con.execute("SELECT id, event_count FROM articles").fetchall())
        per_article = dict(
            con.execute("SELECT article_id, count(*) FROM events GROUP BY article_id").fetchall()
        )
        assert per_article == {a: n for a, n in articles.items() if n}
        records = con.execute("SELECT id, record FROM events").fetchall()
        participants = dict(
            con.execute("SELECT event_id, count(*) FROM event_participants GROUP BY event_id").fetchall()
        )
        quantities = dict(
            con.execute(
                "SELECT event_id, count(*) FROM quantities WHERE event_id IS NOT NULL GROUP BY 1"
            ).fetchall()
        )
        money = dict(con.execute("SELECT event_id, count(*) FROM money GROUP BY event_id").fetchall())
        for event_id, text in records:
            record = json.loads(text)
            assert participants.get(event_id, 0) == len(record["actor"]) + len(record["recipient"])
            assert quantities.get(event_id, 0) == len(record["quantities"])
            assert money.get(event_id, 0) == len(record["money"])
        for table in ("event_participants", "entities", "quantities", "money", "time_expressions"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, table
    with Database(path, read_only=True) as db:
        for article_id in articles:
            expected = synthetic.make_result(int(article_id.removeprefix("syn-")))
            stored = db.events(article_id=article_id, order="article")
            assert [{k: v for k, v in e.items() if k != "cluster_id"} for e in stored] == [
                e.to_dict() for e in expected.events
            ]
    return set(articles)


@pytest.mark.slow
def test_store_survives_a_writer_killed_mid_ingest(tmp_path, synthetic):
    path = tmp_path / "killed.duckdb"
    script = Path(synthetic.__file__)

    returncode, lines = run_writer(script, path, kill_after=KILL_AFTER)
    assert returncode == -signal.SIGKILL
    committed = {line.split()[1] for line in lines}
    assert len(committed) == KILL_AFTER

    stored = check_consistent(path, synthetic)
    assert committed <= stored, "an article reported as committed was lost"
    assert len(stored) < ARTICLES, "the writer finished before it was killed: the test proved nothing"

    returncode, lines = run_writer(script, path, kill_after=None)
    states = [line.split()[0] for line in lines]
    assert states.count("skipped") == len(stored)
    assert states.count("written") == ARTICLES - len(stored)

    assert len(check_consistent(path, synthetic)) == ARTICLES
    expected_events = sum(len(synthetic.make_result(i).events) for i in range(ARTICLES))
    with Database(path, read_only=True) as db:
        assert db.stats()["articles"] == ARTICLES
        assert db.count_events() == expected_events
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT count(DISTINCT id) FROM events").fetchone()[0] == expected_events
