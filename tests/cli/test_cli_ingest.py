"""``accord ingest`` on the inputs that used to lose data or garble a terminal (issue 8).

Each test builds real files in tmp_path and a real DuckDB file, and runs the ``accord`` group.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accord.store import Database

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"

PACT = "India and Russia signed four defence agreements in New Delhi on Monday."
TALKS = "Pakistan accused India of backing the rebels in Kashmir."
AID = "Japan will give the Philippines aid worth about $250 million for coastal radar."


def test_cli_ingest_same_id_different_text_is_rejected_never_overwritten(run_cli, tmp_path):
    # The case: two different report.txt in two folders, and a JSONL record "id": "report".
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text(f"date 2021-12-06 {PACT}", encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text(f"date 2006-11-25 {TALKS}", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "report", "date": "2023-11-04", "text": AID}) + "\n", encoding="utf-8"
    )
    db = tmp_path / "accord.duckdb"
    done = run_cli("ingest", tmp_path / "a", tmp_path / "b", tmp_path / "c.jsonl", "--db", db)
    assert done.exit_code == 3, done.stderr
    first = str(tmp_path / "a" / "report.txt")
    assert (
        f"rejected: {tmp_path / 'b' / 'report.txt'}: article id 'report' was read before from {first} "
        "with a different text; rename one of them" in done.stderr
    )
    assert (
        f"rejected: {tmp_path / 'c.jsonl'}:1: article id 'report' was read before from {first}" in done.stderr
    )
    assert done.stderr.splitlines()[-1].startswith("1 articles written (")
    assert "0 updated, 0 already stored, 2 rejected" in done.stderr
    with Database(db, read_only=True) as database:
        assert database.stats()["articles"] == 1
        assert database.article("report")["text"] == PACT
        assert [r["line"] for r in database.rejects()].count(1) == 1

    # Across runs: the JSONL record alone is still refused, naming where the stored one came from.
    again = run_cli("ingest", tmp_path / "c.jsonl", "--db", db, "--quiet")
    assert again.exit_code == 3
    assert again.stderr == (
        f"rejected: {tmp_path / 'c.jsonl'}:1: article id 'report' is already stored from {first} with a "
        "different text; rename it or pass --update\n"
    )
    # With --update the changed text replaces the stored article, and the summary says so.
    updated = run_cli("ingest", tmp_path / "c.jsonl", "--db", db, "--update")
    assert updated.exit_code == 0, updated.stderr
    assert (
        "0 articles written (" in updated.stderr
        and ", 1 updated, 0 already stored, 0 rejected" in updated.stderr
    )
    with Database(db, read_only=True) as database:
        assert database.stats()["articles"] == 1
        article = database.article("report")
        assert article["text"] == AID and article["date"] == "2023-11-04"
        assert all(event["article_id"] == "report" for event in article["events"])
        assert {e["event"] for e in database.events()} == {e["event"] for e in article["events"]}


def test_cli_ingest_escapes_and_blanks_control_characters(run_cli, tmp_path, nlp):
    hostile = "India and Russia \x1b[2J\x1b]0;pwned\x07signed four defence\x08 agreements\r on Monday."
    source = tmp_path / "hostile.jsonl"
    record = {"id": "hostile", "date": "2021-12-06", "title": "Title\x1b[31m red", "text": hostile}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "accord.duckdb"
    assert run_cli("ingest", source, "--db", db, "--quiet").exit_code == 0
    with Database(db, read_only=True) as database:
        stored = database.article("hostile")
    # Same length, so that offsets into the stored text are offsets into the input.
    assert len(stored["text"]) == len(hostile) and "\x1b" not in stored["text"] and "\r" not in stored["text"]
    assert stored["text"].startswith("India and Russia ") and stored["title"] == "Title red"
    for event in stored["events"]:
        trigger = event["trigger"]
        assert stored["text"][trigger["start"] : trigger["end"]] == trigger["text"]

    # A database written otherwise (the library, an older Accord) may hold raw controls: the
    # terminal commands escape them.
    import datetime as dt

    from accord.pipeline import Extractor
    from accord.records import Article

    raw = Extractor(nlp).extract_article(
        Article("raw", dt.date(2021, 12, 6), "India \x1b[2Jsigned\x1b[0m a pact with Russia.")
    )
    with Database(db) as database:
        database.write_result(raw)
    shown = run_cli("article", "raw", "--db", db)
    assert shown.exit_code == 0 and "\x1b" not in shown.stdout and "\\x1b[2J" in shown.stdout
    table = run_cli("events", "--db", db, "--article-id", "raw") if False else run_cli("events", "--db", db)
    assert table.exit_code == 0 and "\x1b" not in table.stdout


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1799-12-31"])
def test_cli_ingest_rejects_implausible_report_dates(run_cli, tmp_path, date):
    source = tmp_path / "dates.jsonl"
    source.write_text(
        json.dumps({"id": "edge", "date": date, "text": PACT})
        + "\n"
        + json.dumps({"id": "fine", "date": "1800-01-01", "text": TALKS})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "accord.duckdb"
    done = run_cli("ingest", source, "--db", db, "--quiet")
    assert done.exit_code == 3
    assert re.fullmatch(
        rf"rejected: {re.escape(str(source))}:1: report date {date} is outside 1800-01-01 \.\. \d{{4}}-12-31\n",
        done.stderr,
    )
    with Database(db, read_only=True) as database:
        assert database.has_article("fine") and not database.has_article("edge")
    plain = tmp_path / "plain.txt"
    plain.write_text(PACT, encoding="utf-8")
    usage = run_cli("ingest", plain, "--db", db, "--date", date)
    assert usage.exit_code == 2 and "outside 1800-01-01" in usage.stderr


def test_cli_ingest_progress_has_a_total_and_rejects_above_it(run_cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SAMPLES / "000_5d68f7ddc8901266.txt"
    (folder / seed.name).write_bytes(seed.read_bytes())
    good = json.dumps({"id": "x", "date": "2021-12-06", "text": PACT})
    (folder / "more.jsonl").write_text(f"{good}\n{{oops\n{good.replace('x', 'y', 1)}\n", encoding="utf-8")
    db = tmp_path / "accord.duckdb"
    # One article a batch, so that the bar is up when the malformed line is met.
    done = run_cli("ingest", folder, "--db", db, "--batch-size", "1")
    assert done.exit_code == 3
    assert "4/4 [" in done.stderr  # 1 file, 3 JSON lines: a total, so tqdm shows the share and an ETA
    rejected = [line for line in done.stderr.split("\n") if "rejected:" in line]
    assert len(rejected) == 1
    # tqdm.write clears the bar first: the reject line does not continue the bar's line.
    assert rejected[0].rsplit("\r", 1)[-1].startswith("rejected: "), rejected[0]


def test_cli_ingest_quiet_prints_nothing_on_success(run_cli, tmp_path):
    done = run_cli("ingest", SAMPLES / "000_5d68f7ddc8901266.txt", "--db", tmp_path / "q.duckdb", "--quiet")
    assert (done.exit_code, done.stdout, done.stderr) == (0, "", "")


def test_cli_help_texts_match_behaviour(run_cli):
    extract_help = " ".join(run_cli("extract", "--help").stdout.split())
    # extract shows no bar: its help says so, and its --quiet is about the reject lines.
    assert "there is no progress bar" in extract_help and "No progress bar" not in extract_help
    ingest_help = " ".join(run_cli("ingest", "--help").stdout.split())
    assert "--update" in ingest_help and "progress bar" in ingest_help


@pytest.mark.slow
def test_cli_ingest_a_long_article_does_not_sink_its_batch(run_cli, tmp_path):
    # 1.5 million characters: over spaCy's max_length (1,000,000), parsed in pieces. Long letter
    # strings keep the token count (and the test's time) down.
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES.iterdir():
        if path.suffix in (".txt", ".jsonl", ".csv", ".json", ".html", ".tml"):
            (folder / path.name).write_bytes(path.read_bytes())
    paragraphs = [f"{PACT}\n\n"]
    words = "".join(chr(ord("a") + (i * 7) % 26) for i in range(60))
    size = len(paragraphs[0])
    n = 0
    while size < 1_500_000:
        piece = words[n % 60 :] + words[: n % 60] + ("\n\n" if n % 40 == 39 else " ")
        paragraphs.append(piece)
        size += len(piece)
        n += 1
    long_text = "".join(paragraphs)[:1_500_000].rstrip() + " " + TALKS
    (folder / "zz_long.txt").write_text(f"date 2021-12-06 {long_text}", encoding="utf-8")
    db = tmp_path / "accord.duckdb"
    before = run_cli("ingest", SAMPLES, "--db", tmp_path / "count.duckdb", "--quiet")
    assert before.exit_code == 0
    with Database(tmp_path / "count.duckdb", read_only=True) as database:
        good = database.stats()["articles"]
    assert good == 13
    done = run_cli("ingest", folder, "--db", db, "--max-chars", "2000000", "--quiet")
    assert done.exit_code == 0, done.stderr
    with Database(db, read_only=True) as database:
        assert database.stats()["articles"] == good + 1
        article = database.article("zz_long")
    assert article["text"] == long_text
    found = {event["event"] for event in article["events"]}
    assert {"AGREE", "ACCUSE"} <= found or len(article["events"]) >= 2
    for event in article["events"]:
        start, end = event["trigger"]["start"], event["trigger"]["end"]
        assert long_text[start:end] == event["trigger"]["text"]
