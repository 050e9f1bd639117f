"""Parsing in worker processes: the database is the one a single process writes, byte for byte, and
a killed parallel ingest is finished exactly by running it again."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.engines import ingest
from accord.engines.workers import WorkerPool, available_cores
from accord.errors import EngineError
from accord.records import Article

pytestmark = pytest.mark.slow

BATCH = 4


@pytest.fixture(scope="module")
def single_process_db(wire_reports, nlp, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    report = ingest(wire_reports, db, nlp=nlp, batch_size=BATCH, workers=1)
    assert report.written == len(wire_reports) and report.ok
    return db


def test_workers_write_the_database_one_process_writes(
    wire_reports, nlp, tmp_path, single_process_db, read_database
):
    db = tmp_path / "two.duckdb"
    report = ingest(wire_reports, db, nlp=nlp, batch_size=BATCH, workers=2)
    assert (report.written, report.skipped, report.ok) == (len(wire_reports), 0, True)
    mine, single = read_database(db), read_database(single_process_db)
    assert mine["events"] and mine["articles"]
    assert mine == single


def test_workers_a_killed_parallel_ingest_is_finished_exactly_by_a_rerun(
    wire_reports, nlp, tmp_path, single_process_db, read_database
):
    db = tmp_path / "killed.duckdb"
    args = [str(p) for p in wire_reports]
    command = [sys.executable, "-m", "accord", "ingest", *args, "--db", str(db), "--workers", "2"]
    writer = subprocess.Popen(
        [*command, "--batch-size", str(BATCH), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while (stored := _stored_articles(db)) < BATCH:
        assert writer.poll() is None, writer.stderr.read().decode() if writer.stderr else ""
        assert time.monotonic() < deadline, "nothing was committed"
        time.sleep(0.1)
    os.killpg(writer.pid, signal.SIGKILL)  # the main process and its workers
    assert writer.wait() == -signal.SIGKILL
    kept = _stored_articles(db)
    assert stored <= kept < len(wire_reports), "the ingest finished before it was killed: nothing proved"

    report = ingest(wire_reports, db, nlp=nlp, batch_size=BATCH, workers=2)
    assert (report.written, report.skipped, report.ok) == (len(wire_reports) - kept, kept, True)
    assert read_database(db) == read_database(single_process_db)


def test_workers_leave_when_the_main_process_is_killed(wire_reports, tmp_path):
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to find the workers")
    command = [
        sys.executable,
        "-m",
        "accord",
        "ingest",
        *map(str, wire_reports),
        "--db",
        str(tmp_path / "x.duckdb"),
    ]
    main = subprocess.Popen(
        [*command, "--workers", "2", "--batch-size", str(BATCH), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(main.pid)) < 2:
            assert main.poll() is None and time.monotonic() < deadline, "no worker started"
            time.sleep(0.1)
        main.kill()  # SIGKILL the main process alone
        main.wait()
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers):
            assert time.monotonic() < deadline, "workers outlived their main process"
            time.sleep(0.2)
    finally:
        for pid in _children(main.pid):
            os.kill(pid, signal.SIGKILL)


def test_workers_a_dead_worker_stops_the_run_with_one_error():
    article = Article("a1", dt.date(2021, 12, 6), "India and Russia signed a pact.")
    with pytest.raises(EngineError, match=r"worker process \d+ died \(killed by signal 9\)"):
        with WorkerPool(1) as pool:
            os.kill(pool.pids[0], signal.SIGKILL)
            list(pool.analyse([[article]]))


def test_workers_default_to_the_cores_available():
    assert 1 <= available_cores() <= (os.cpu_count() or 1)


def _stored_articles(db: Path) -> int:
    import duckdb

    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except duckdb.Error:  # not created yet, or being written
        return 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
