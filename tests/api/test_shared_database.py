"""A real ``accord serve`` and a real ``accord ingest`` on the same DuckDB file at the same time.

DuckDB lets one process write a file or many read it. The server must keep answering (200, or 503
with a one-line reason and no path, never 500) while the ingest commits, show the new articles
after each commit, and a SIGKILL of either process must lose nothing that was committed. The
ingests parse in 2 worker processes (``--workers 2``) and commit from one.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from accord.engines import ingest
from accord.store import writer_flag

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
]

ACTORS = [
    ("India", "Russia"), ("China", "the United States"), ("Pakistan", "Afghanistan"), ("Japan", "the Philippines"),
    ("France", "Germany"), ("Turkey", "Greece"), ("Egypt", "Israel"), ("Brazil", "Argentina"),
]  # fmt: skip
VERBS = [
    "signed a trade agreement with", "accused", "held talks with", "imposed sanctions on",
    "sent humanitarian aid to", "threatened", "praised", "expelled diplomats of",
]  # fmt: skip


def write_articles(path: Path, first: int, count: int) -> Path:
    lines = []
    for i in range(first, first + count):
        a, b = ACTORS[i % len(ACTORS)]
        verb = VERBS[(i // len(ACTORS)) % len(VERBS)]
        text = (
            f"{a} {verb} {b} on Monday, officials said. "
            f"The move came after weeks of tension over trade number {i}. "
            f"{b} said it would respond in the coming days."
        )
        lines.append(json.dumps({"id": f"live-{i:03d}", "date": "2022-03-14", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def accord_process(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "accord", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@contextmanager
def serving(db: Path) -> Iterator[tuple[subprocess.Popen[bytes], httpx.Client]]:
    port = free_port()
    server = accord_process("serve", "--db", str(db), "--port", str(port))
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
            yield server, client
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def article_count(client: httpx.Client) -> int | None:
    response = client.get("/articles", params={"limit": 1000})
    return len(response.json()["articles"]) if response.status_code == 200 else None


def check_answer(response: httpx.Response, db: Path) -> None:
    """200, or 503 with one line and no path or process id; never anything else."""
    assert response.status_code in (200, 503), (response.status_code, response.text)
    if response.status_code == 503:
        body = response.json()
        assert set(body) >= {"error"} and "\n" not in body["error"]
        assert str(db.parent) not in response.text and "PID" not in response.text
        assert "/" not in body["error"]


def whole_articles(db: Path) -> dict[str, int]:
    """``{article id: events}``, after checking that every stored article has all its events."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT a.id, a.event_count, (SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a"
        ).fetchall()
    assert all(expected == found for _, expected, found in rows)
    return {article_id: found for article_id, _, found in rows}


@pytest.fixture
def started_db(tmp_path, nlp) -> Path:
    db = tmp_path / "live.duckdb"
    report = ingest(write_articles(tmp_path / "first.jsonl", 0, 4), db, nlp=nlp)
    assert report.written == 4
    return db


def test_shared_database_server_answers_while_an_ingest_writes(started_db, tmp_path):
    db = started_db
    more = write_articles(tmp_path / "more.jsonl", 4, 40)
    with serving(db) as (_, client):
        assert article_count(client) == 4
        writer = accord_process(
            "ingest", str(more), "--db", str(db), "--batch-size", "4", "--workers", "2", "--quiet"
        )
        seen_counts: set[int] = set()
        statuses: list[int] = []
        answers = 0
        paths = ["/health", "/events?limit=20&order=-date", "/articles?limit=1000", "/network", "/actors"]
        while writer.poll() is None:
            for path in paths:
                response = client.get(path)
                check_answer(response, db)
                statuses.append(response.status_code)
                answers += 1
                if path.startswith("/articles") and response.status_code == 200:
                    seen_counts.add(len(response.json()["articles"]))
            time.sleep(0.02)
        assert writer.wait() == 0, writer.stderr.read().decode() if writer.stderr else ""
        assert answers > 20
        # Articles appeared while the ingest ran, commit after commit, not only at its end.
        assert any(4 < count < 44 for count in seen_counts), sorted(seen_counts)
        assert not writer_flag(db).exists()
        health = client.get("/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert article_count(client) == 44
        events = client.get("/events", params={"limit": 1000}).json()
        assert events["total"] == health.json()["events"] == sum(whole_articles(db).values())
        listed = client.get("/articles", params={"limit": 1000}).json()["articles"]
        assert {item["origin"] for item in listed} == {"first.jsonl", "more.jsonl"}  # names, no folders
    print(f"{answers} answers, {statuses.count(503)} of them 503; article counts seen: {sorted(seen_counts)}")


def test_shared_database_a_killed_writer_or_server_loses_nothing(started_db, tmp_path):
    db = started_db
    more = write_articles(tmp_path / "more.jsonl", 4, 40)
    with serving(db) as (server, client):
        writer = accord_process(
            "ingest", str(more), "--db", str(db), "--batch-size", "2", "--workers", "2", "--quiet"
        )
        deadline = time.monotonic() + 120
        while (article_count(client) or 0) < 10:
            assert writer.poll() is None and time.monotonic() < deadline, "the ingest ended too soon"
            time.sleep(0.05)
        os.killpg(writer.pid, signal.SIGKILL)
        assert writer.wait() == -signal.SIGKILL
        # A flag left by the dead writer is stale: the server reads on at once.
        response = client.get("/health")
        assert response.status_code == 200, response.text
        kept = article_count(client)
        assert kept is not None and 10 <= kept < 44

        # The server is killed in turn while a second ingest completes the set.
        rerun = accord_process(
            "ingest", str(more), "--db", str(db), "--batch-size", "2", "--workers", "2", "--quiet"
        )
        while (article_count(client) or 0) <= kept:
            assert rerun.poll() is None, "the re-run ended before the server was killed"
            time.sleep(0.05)
        os.killpg(server.pid, signal.SIGKILL)
        assert rerun.wait(timeout=120) == 0, rerun.stderr.read().decode() if rerun.stderr else ""
    stored = whole_articles(db)
    assert len(stored) == 44 and all(stored.values())
