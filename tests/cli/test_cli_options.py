"""Every bad option value is a usage error: one line on standard error, exit status 2, no traceback.

The checks run while the arguments are parsed, so no input is read and no model is needed; the
commands that read a database get an empty, valid one, so that only the value under test is bad.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.store import Database

MISSING_DIR = "/no/such/folder"


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("options") / "empty.duckdb"
    Database(path).close()
    return path


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner(catch_exceptions=False).invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def assert_usage_error(args: list[str], expected: str) -> None:
    code, stdout, stderr = run(args)
    assert code == 2, (args, stderr)
    assert stdout == "" and "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and stderr.endswith("\n"), stderr
    assert expected in stderr, stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--start", "2021-13"], "'2021-13' is not a calendar date"),
        (["--end", "2021-02-30"], "'2021-02-30' is not a calendar date"),
        (["--start", "December 2021"], "is not in the form YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--start", "2021-2"], "is not in the form YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--start", "2022", "--end", "2021-06"], "--start 2022 is after --end 2021-06"),
        (["--limit", "-1"], "'--limit': -1 is not in the range x>=0"),
        (["--limit", "ten"], "'--limit': 'ten' is not a valid integer"),
        (["--type", "FIGHT"], "'--type': 'FIGHT' is not one of 'AGREE', 'CONSULT'"),
        (["--dyad", "IND"], "give a dyad as two codes, e.g. IND-RUS"),
        (["--dyad", "IND-"], "give a dyad as two codes, e.g. IND-RUS"),
        (["--actor", " "], "is not an actor code"),
        (["--quad-class", "5"], "'--quad-class': 5 is not in the range 1<=x<=4"),
        (["--status", "maybe"], "'--status': 'maybe' is not one of 'occurred'"),
        (["--format", "xlsx"], "'--format': 'xlsx' is not one of"),
        (["--format", "parquet"], "--format parquet needs --output FILE"),
        (["--format", "csv", "-o", MISSING_DIR + "/x.csv"], "no folder '/no/such/folder'"),
        (["--bogus"], "No such option"),
    ],
)
def test_cli_events_bad_values_are_usage_errors(empty_db, args, expected):
    assert_usage_error(["events", "--db", str(empty_db), *args], "accord events: ")
    assert_usage_error(["events", "--db", str(empty_db), *args], expected)


def test_cli_events_output_that_is_a_folder(empty_db, tmp_path):
    assert_usage_error(["events", "--db", str(empty_db), "-o", str(tmp_path)], "is a folder, not a file")


@pytest.mark.parametrize("command", [["events"], ["article", "a1"], ["serve"]])
def test_cli_reading_commands_need_an_existing_database(tmp_path, command):
    missing = tmp_path / "missing.duckdb"
    assert_usage_error([*command, "--db", str(missing)], f"no database at {missing}: run `accord ingest")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--date", "not-a-date", "x.txt"], "'not-a-date' is not a date of the form YYYY-MM-DD"),
        (["--date", "2021-02-30", "x.txt"], "'2021-02-30' is not a date of the form YYYY-MM-DD"),
        (["--format", "xml", "x.txt"], "'--format': 'xml' is not one of"),
        (["--max-chars", "0", "x.txt"], "'--max-chars': 0 is not in the range x>=1"),
        ([], "Missing argument 'PATHS...'"),
    ],
)
def test_cli_extract_bad_values_are_usage_errors(args, expected):
    assert_usage_error(["extract", *args], expected)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--batch-size", "0"], "'--batch-size': 0 is not in the range x>=1"),
        (["--max-chars", "-5"], "'--max-chars': -5 is not in the range x>=1"),
        (["--date", "2021-13-01"], "is not a date of the form YYYY-MM-DD"),
        (["--db", MISSING_DIR + "/a.duckdb"], "no folder '/no/such/folder' to write 'a.duckdb' in"),
    ],
)
def test_cli_ingest_bad_values_are_usage_errors(tmp_path, args, expected):
    assert_usage_error(["ingest", str(tmp_path), *args], expected)


def test_cli_ingest_database_that_is_a_folder(tmp_path):
    assert_usage_error(["ingest", str(tmp_path), "--db", str(tmp_path)], "is a folder, not a file")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--port", "0"], "'--port': 0 is not in the range 1<=x<=65535"),
        (["--port", "70000"], "'--port': 70000 is not in the range 1<=x<=65535"),
        (["--host", ""], "'' is not a host name or address"),
    ],
)
def test_cli_serve_bad_values_are_usage_errors(empty_db, args, expected):
    assert_usage_error(["serve", "--db", str(empty_db), *args], expected)


def test_cli_eval_bad_values_are_usage_errors(tmp_path, shared_dir):
    assert_usage_error(["eval", "--shared", str(tmp_path)], f"no gold sets under {tmp_path / 'data'}")
    assert_usage_error(["eval", "--shared", str(shared_dir), "--limit", "0"], "0 is not in the range x>=1")
    assert_usage_error(
        ["eval", "--shared", str(shared_dir), "--json", MISSING_DIR + "/e.json"],
        "no folder '/no/such/folder'",
    )
    assert_usage_error(
        ["eval", "--shared", str(shared_dir), "--set", "nope"], "unknown evaluation set(s): nope"
    )


def test_cli_unknown_command_is_a_usage_error():
    assert_usage_error(["evnets"], "accord: No such command 'evnets'")


def test_cli_store_errors_are_one_line_with_status_1(tmp_path):
    not_a_database = tmp_path / "notes.duckdb"
    not_a_database.write_text("not a database")
    code, stdout, stderr = run(["events", "--db", str(not_a_database)])
    assert code == 1 and stdout == ""
    assert len(stderr.splitlines()) == 1 and stderr.startswith(f"accord: {not_a_database}: ")
