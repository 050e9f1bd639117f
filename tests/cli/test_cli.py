"""The ``accord`` command end to end on real inputs and real DuckDB files.

Most tests run the click group in this process (``run_cli``, see conftest.py); the last ones start
the console script itself, for what only a real process shows: its exit status and a kill.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.store import CSV_COLUMNS, Database, write_events_csv

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SEED_ID = "000_5d68f7ddc8901266"


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# -- extract ---------------------------------------------------------------------------------------


def test_cli_extract_seed_jsonl_validates_against_the_contract(run_cli, seed_path, shared_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared_dir / "contract" / "event.schema.json").read_text())
    done = run_cli("extract", "--format", "jsonl", seed_path)
    assert done.exit_code == 0, done.stderr
    events = jsonl(done.stdout)
    assert len(events) >= 4
    for event in events:
        jsonschema.validate(event, schema)
        assert event["article_id"] == SEED_ID
    # Same input, same ids.
    again = run_cli("extract", "--format", "jsonl", seed_path)
    assert [e["id"] for e in jsonl(again.stdout)] == [e["id"] for e in events]


def test_cli_extract_json_and_table_hold_the_same_events(run_cli, seed_path):
    lines = jsonl(run_cli("extract", seed_path).stdout)
    array = json.loads(run_cli("extract", "--format", "json", seed_path).stdout)
    table = run_cli("extract", "--format", "table", seed_path).stdout.splitlines()
    assert array == lines
    assert table[0].split()[:3] == ["date", "event", "cameo"]
    assert table[-1] == f"({len(lines)} events)" and len(table) == len(lines) + 2


def test_cli_extract_reports_rejects_and_exits_3(run_cli, tmp_path, seed_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "date": "2021-12-06", "text": "India and Russia signed a pact."}\n{oops\n')
    done = run_cli("extract", "--format", "jsonl", bad, seed_path)
    assert done.exit_code == 3
    assert "bad.jsonl:2" in done.stderr and "Traceback" not in done.stderr
    assert {e["article_id"] for e in jsonl(done.stdout)} >= {"a", SEED_ID}


def test_cli_extract_plain_text_needs_a_date(run_cli, tmp_path):
    plain = tmp_path / "note.txt"
    plain.write_text("Pakistan accused India of backing the rebels.")
    done = run_cli("extract", plain)
    assert done.exit_code == 3 and "--date" in done.stderr
    done = run_cli("extract", "--date", "2006-11-20", plain)
    assert done.exit_code == 0
    [event] = jsonl(done.stdout)
    assert event["report_date"] == "2006-11-20" and event["event"] == "ACCUSE"


def test_cli_extract_reads_standard_input(run_cli):
    done = run_cli(
        "extract", "--date", "2006-11-20", "-", stdin="Pakistan accused India of backing the rebels."
    )
    assert done.exit_code == 0, done.stderr
    [event] = jsonl(done.stdout)
    assert event["article_id"].startswith("sha256-")


def test_cli_an_article_that_breaks_the_extractor_is_rejected_not_fatal(run_cli, tmp_path, monkeypatch):
    from accord import pipeline

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
    done = run_cli("extract", "--format", "jsonl", good)
    assert done.exit_code == 3
    assert "good.jsonl:1" in done.stderr and "could not be analysed (ValueError" in done.stderr
    assert '"article_id": "fine"' in done.stdout


# -- ingest and the commands that read the database ------------------------------------------------


def test_cli_ingest_sample_twice_changes_nothing(run_cli, tmp_path):
    db = tmp_path / "accord.duckdb"
    first = run_cli("ingest", SAMPLES, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert first.stderr.splitlines()[-1].startswith("13 articles written (")
    events = jsonl(run_cli("events", "--db", db, "--format", "jsonl").stdout)
    assert events
    second = run_cli("ingest", SAMPLES, "--db", db)
    assert second.exit_code == 0 and "0 articles written" in second.stderr
    assert "13 already stored" in second.stderr
    assert jsonl(run_cli("events", "--db", db, "--format", "jsonl").stdout) == events


def test_cli_ingest_records_rejects_and_exits_3(run_cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "date": "2021-12-06", "text": "India and Russia signed a pact."}\n{oops\n')
    db = tmp_path / "accord.duckdb"
    done = run_cli("ingest", bad, "--db", db, "--quiet")
    assert done.exit_code == 3
    assert done.stderr.startswith("rejected: ") and "bad.jsonl:2" in done.stderr
    with Database(db, read_only=True) as database:
        assert [r["line"] for r in database.rejects()] == [2]
        assert database.has_article("a")


def test_cli_events_filters_and_formats(run_cli, sample_db):
    events = jsonl(run_cli("events", "--db", sample_db, "--format", "jsonl").stdout)
    seed = jsonl(run_cli("events", "--db", sample_db, "--dyad", "IND-RUS", "--format", "jsonl").stdout)
    assert seed and all(e["article_id"] == SEED_ID for e in seed)
    consult = jsonl(run_cli("events", "--db", sample_db, "--type", "consult", "--format", "jsonl").stdout)
    assert consult and {e["event"] for e in consult} == {"CONSULT"}
    limited = jsonl(run_cli("events", "--db", sample_db, "--limit", "2", "--format", "jsonl").stdout)
    assert limited == events[:2]
    table = run_cli("events", "--db", sample_db).stdout.splitlines()
    assert table[-1] == f"({len(events)} events)"


def test_cli_events_csv_is_the_store_and_api_schema(run_cli, sample_db, tmp_path):
    done = run_cli("events", "--db", sample_db, "--format", "csv", "--actor", "IND")
    assert done.exit_code == 0, done.stderr
    with Database(sample_db, read_only=True) as database:
        expected = io.StringIO()
        write_events_csv(database.events(actor="IND"), expected)
    # CliRunner reads standard output back with \n for the CSV's \r\n.
    assert done.stdout == expected.getvalue().replace("\r\n", "\n")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert {row["cameo"] for row in rows} >= {"057"}  # CAMEO codes keep their leading zero
    # To a file: the same rows; with --limit, the first ones.
    target = tmp_path / "events.csv"
    assert (
        run_cli("events", "--db", sample_db, "--actor", "IND", "--format", "csv", "-o", target).exit_code == 0
    )
    assert target.read_bytes().decode("utf-8") == expected.getvalue()
    limited = run_cli(
        "events", "--db", sample_db, "--actor", "IND", "--format", "csv", "--limit", "1", "-o", target
    )
    assert limited.exit_code == 0 and limited.stderr == f"1 events -> {target}\n"
    assert [r["id"] for r in csv.DictReader(target.open(encoding="utf-8"))] == [rows[0]["id"]]


def test_cli_events_parquet_and_json_to_files(run_cli, sample_db, tmp_path):
    import pyarrow.parquet as pq

    events = jsonl(run_cli("events", "--db", sample_db, "--format", "jsonl").stdout)
    parquet = tmp_path / "events.parquet"
    done = run_cli("events", "--db", sample_db, "--format", "parquet", "-o", parquet)
    assert done.exit_code == 0 and done.stderr == f"{len(events)} events -> {parquet}\n"
    assert pq.read_table(parquet).column("id").to_pylist() == [e["id"] for e in events]
    assert (
        run_cli("events", "--db", sample_db, "--format", "parquet", "--limit", "3", "-o", parquet).exit_code
        == 0
    )
    assert pq.read_table(parquet).num_rows == 3
    array = tmp_path / "events.json"
    assert run_cli("events", "--db", sample_db, "--format", "json", "-o", array).exit_code == 0
    assert json.loads(array.read_text(encoding="utf-8")) == events


def test_cli_article_marks_the_evidence(run_cli, sample_db):
    shown = run_cli("article", SEED_ID, "--db", sample_db)
    assert shown.exit_code == 0
    assert "[inked]" in shown.stdout and "{India}" in shown.stdout
    assert "⟨around Rs 5000 crore⟩" in shown.stdout and "⟨6,01,427⟩" in shown.stdout
    missing = run_cli("article", "no-such-article", "--db", sample_db)
    assert (
        missing.exit_code == 1 and missing.stderr == f"accord: no article 'no-such-article' in {sample_db}\n"
    )


# -- the console script, in a real process -------------------------------------------------------------


def accord(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("accord")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "accord"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_cli_console_script_exit_codes(tmp_path):
    assert accord("--version").returncode == 0
    for bad in (["events", "--start", "2021-13"], ["events", "--limit", "-1"], ["extract"]):
        done = accord(*bad, cwd=tmp_path)
        assert done.returncode == 2, bad
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.slow
def test_cli_ingest_killed_midway_leaves_whole_articles_and_rerun_completes(run_cli, tmp_path, shared_dir):
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
            for count in re.findall(rb"(\d+)/\d+ ", chunk):
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

    rerun = run_cli("ingest", folder, "--db", db, "--quiet")
    assert rerun.exit_code == 0, rerun.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("select count(*) from articles").fetchall()[0][0]
        events = con.execute("select count(*), count(distinct id) from events").fetchall()[0]
        orphans = con.execute(
            "select count(*) from events where article_id not in (select id from articles)"
        ).fetchall()[0][0]
    assert articles == len(files)
    assert events[0] == events[1] and orphans == 0
