"""The ``accord`` command end to end, in a real subprocess, on real inputs and a real DuckDB file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


def accord(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_cli_extract_seed_jsonl_validates_against_the_contract(seed_path, shared_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared_dir / "contract" / "event.schema.json").read_text())
    done = accord("extract", "--format", "jsonl", str(seed_path))
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(events) >= 4
    for event in events:
        jsonschema.validate(event, schema)
        assert event["article_id"] == "000_5d68f7ddc8901266"
    # Same input, same ids.
    again = accord("extract", "--format", "jsonl", str(seed_path))
    assert [json.loads(line)["id"] for line in again.stdout.splitlines()] == [e["id"] for e in events]


def test_cli_extract_reports_rejects_and_exits_3(tmp_path, seed_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "date": "2021-12-06", "text": "India and Russia signed a pact."}\n{oops\n')
    done = accord("extract", "--format", "jsonl", str(bad), str(seed_path))
    assert done.returncode == 3
    assert "bad.jsonl:2" in done.stderr and "Traceback" not in done.stderr
    assert {json.loads(line)["article_id"] for line in done.stdout.splitlines()} >= {
        "a",
        "000_5d68f7ddc8901266",
    }


def test_cli_extract_plain_text_needs_a_date(tmp_path):
    plain = tmp_path / "note.txt"
    plain.write_text("Pakistan accused India of backing the rebels.")
    done = accord("extract", str(plain))
    assert done.returncode == 3 and "--date" in done.stderr
    done = accord("extract", "--date", "2006-11-20", str(plain))
    assert done.returncode == 0
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert event["report_date"] == "2006-11-20" and event["event"] == "ACCUSE"


def test_cli_extract_reads_standard_input():
    done = accord(
        "extract", "--date", "2006-11-20", "-", stdin="Pakistan accused India of backing the rebels."
    )
    assert done.returncode == 0, done.stderr
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert event["article_id"].startswith("sha256-")


def test_cli_usage_error_exits_2():
    assert accord("extract", "--date", "not-a-date", "x.txt").returncode == 2


def test_cli_ingest_sample_twice_changes_nothing_then_queries(tmp_path):
    db = tmp_path / "accord.duckdb"
    first = accord("ingest", str(SAMPLES), "--db", str(db), "--quiet")
    assert first.returncode == 0, first.stderr
    listing = accord("events", "--db", str(db), "--format", "jsonl")
    events = [json.loads(line) for line in listing.stdout.splitlines()]
    assert events
    second = accord("ingest", str(SAMPLES), "--db", str(db))
    assert second.returncode == 0 and "0 articles written" in second.stderr
    again = [
        json.loads(line)
        for line in accord("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    ]
    assert again == events

    dyad = accord("events", "--db", str(db), "--dyad", "IND-RUS", "--format", "jsonl")
    seed_events = [json.loads(line) for line in dyad.stdout.splitlines()]
    assert seed_events and all(e["article_id"] == "000_5d68f7ddc8901266" for e in seed_events)

    csv_out = accord("events", "--db", str(db), "--format", "csv", "--actor", "IND")
    assert csv_out.returncode == 0 and csv_out.stdout.splitlines()[0].startswith("id,")
    parquet = tmp_path / "events.parquet"
    assert accord("events", "--db", str(db), "--format", "parquet", "-o", str(parquet)).returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == len(events)

    shown = accord("article", "000_5d68f7ddc8901266", "--db", str(db))
    assert shown.returncode == 0
    assert "[inked]" in shown.stdout and "{India}" in shown.stdout
    assert "⟨around Rs 5000 crore⟩" in shown.stdout and "⟨6,01,427⟩" in shown.stdout


def test_cli_ingest_killed_midway_leaves_whole_articles_and_rerun_completes(tmp_path, shared_dir):
    import re
    import threading

    import duckdb

    files = sorted((shared_dir / "data" / "te3-silver-news").glob("AFP_ENG_1997*.tml"))[:120]
    assert len(files) == 120
    folder = tmp_path / "in"
    folder.mkdir()
    for path in files:
        (folder / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "kill.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-m", "accord", "ingest", str(folder), "--db", str(db), "--batch-size", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    progress: list[int] = [0]

    def watch() -> None:
        assert process.stderr is not None
        for chunk in iter(lambda: process.stderr.read(64), b""):
            for count in re.findall(rb"(\d+) articles", chunk):
                progress[0] = max(progress[0], int(count))

    threading.Thread(target=watch, daemon=True).start()
    deadline = time.monotonic() + 120
    while progress[0] < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, f"the ingest ended before it could be killed (progress {progress[0]})"
    os.killpg(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("select count(*) from articles").fetchall()[0][0]
        partial = con.execute(
            "select count(*) from articles a where a.event_count <> "
            "(select count(*) from events e where e.article_id = a.id)"
        ).fetchall()[0][0]
    assert 0 < stored < len(files) and partial == 0

    rerun = accord("ingest", str(folder), "--db", str(db), "--quiet")
    assert rerun.returncode == 0, rerun.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("select count(*) from articles").fetchall()[0][0]
        events = con.execute("select count(*), count(distinct id) from events").fetchall()[0]
        orphans = con.execute(
            "select count(*) from events where article_id not in (select id from articles)"
        ).fetchall()[0][0]
    assert articles == len(files)
    assert events[0] == events[1] and orphans == 0


def test_cli_an_article_that_breaks_the_extractor_is_rejected_not_fatal(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from accord import cli, pipeline

    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"id": "boom", "date": "2006-11-25", "text": "Pakistan accused India of backing the rebels."}\n'
        '{"id": "fine", "date": "2006-11-25", "text": "Pakistan accused India of backing the rebels."}\n'
    )
    real = pipeline.analyse_doc

    def flaky(doc, article, lexicon):
        if article.id == "boom":
            raise ValueError("day is out of range for month")
        return real(doc, article, lexicon)

    monkeypatch.setattr(pipeline, "analyse_doc", flaky)
    result = CliRunner().invoke(cli.main, ["extract", "--format", "jsonl", str(good)])
    assert result.exit_code == 3
    assert "good.jsonl:1" in result.output and "could not be analysed (ValueError" in result.output
    assert '"article_id": "fine"' in result.output
