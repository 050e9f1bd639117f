"""``accord agreements``, ``accord deals`` and ``accord meetings`` over the database of samples/ (the seed
among them): the seed's seven records, the formats of ``accord events``, and one-line usage errors."""

from __future__ import annotations

import csv
import io
import json

import pandas
import pytest

COMMANDS = ("agreements", "deals", "meetings")


def _json(run_cli, sample_db, command, *args):
    done = run_cli(command, "--db", sample_db, "--format", "json", *args)
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


def test_cli_records_of_the_seed(run_cli, sample_db, seed_records):
    found = {command: _json(run_cli, sample_db, command) for command in COMMANDS}
    seed_records.check_seed_records(found["agreements"], found["deals"], found["meetings"])


def test_cli_records_table_lists_each_record(run_cli, sample_db):
    done = run_cli("meetings", "--db", sample_db, "--actor", "IND")
    assert done.exit_code == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["date", "kind", "status", "no."]
    assert any("21st annual India-Russia summit" in line and " 21 " in line for line in lines)
    assert lines[-1] == "(3 meetings)"


def test_cli_records_filters(run_cli, sample_db):
    assert [a["action"] for a in _json(run_cli, sample_db, "agreements", "--action", "amended")] == [
        "amended"
    ]
    planned = _json(
        run_cli, sample_db, "meetings", "--status", "planned", "--start", "2021-12", "--end", "2021-12-06"
    )
    assert sorted(m["kind"] for m in planned) == ["dialogue", "summit"]
    assert (
        _json(run_cli, sample_db, "deals", "--kind", "ARMS_TRANSFER", "--text", "rifles")[0]["quantity"][
            "value"
        ]
        == 601427
    )
    assert _json(run_cli, sample_db, "meetings", "--limit", "1") == _json(run_cli, sample_db, "meetings")[:1]


def test_cli_records_jsonl_and_csv(run_cli, sample_db):
    done = run_cli("deals", "--db", sample_db, "--format", "jsonl")
    [deal] = [json.loads(line) for line in done.stdout.splitlines()]
    assert deal["intermediary"]["text"].startswith("Indo-Russia Rifles")
    done = run_cli("agreements", "--db", sample_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["kind"] for r in rows} == {"agreement", "protocol", "pact"}
    program = next(r for r in rows if r["kind"] == "agreement")
    assert (program["party_codes"], program["term_start_year"], program["term_end_year"]) == (
        "IND;RUS",
        "2021",
        "2031",
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_records_to_files(run_cli, sample_db, tmp_path, command):
    parquet = tmp_path / f"{command}.parquet"
    done = run_cli(command, "--db", sample_db, "--format", "parquet", "-o", parquet)
    assert done.exit_code == 0, done.stderr
    frame = pandas.read_parquet(parquet)
    assert len(frame) >= 1 and "kind" in frame.columns
    assert done.stderr.strip() == f"{len(frame)} {command} -> {parquet}"
    out = tmp_path / f"{command}.json"
    assert run_cli(command, "--db", sample_db, "--format", "json", "-o", out).exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(frame)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("meetings", "--kind", "treaty"), "Invalid value for '--kind'"),
        (("deals", "--status", "held"), "Invalid value for '--status'"),
        (("agreements", "--action", "sealed"), "Invalid value for '--action'"),
        (("meetings", "--start", "2021-02-30"), "not a calendar date"),
        (("meetings", "--start", "2022", "--end", "2021"), "--start 2022 is after --end 2021"),
        (("deals", "--actor", "I N D"), "is not an actor code"),
        (("agreements", "--format", "parquet"), "--format parquet needs --output FILE"),
        (("meetings", "--limit", "-1"), "Invalid value for '--limit'"),
    ],
)
def test_cli_records_bad_values_are_one_line_and_exit_2(run_cli, sample_db, args, message):
    done = run_cli(*args[:1], "--db", sample_db, *args[1:])
    assert done.exit_code == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
