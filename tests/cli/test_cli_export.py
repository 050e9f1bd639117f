"""``accord export``: the stored events in ICEWS's, Phoenix's and PLOVER's layouts, and the records, each
read back with pandas as analysts' code reads those files."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from accord.interchange import ICEWS_COLUMNS, PHOENIX_COLUMNS

SEED_ID = "000_5d68f7ddc8901266"


def _export(run_cli, sample_db, tmp_path, *args):
    path = tmp_path / "out"
    done = run_cli("export", "--db", sample_db, *args, "-o", path)
    assert done.exit_code == 0, done.stderr
    return path, done


def test_cli_export_icews_reads_back_with_its_columns(run_cli, sample_db, tmp_path):
    path, done = _export(run_cli, sample_db, tmp_path, "--format", "icews")
    frame = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": str})
    assert list(frame.columns) == list(ICEWS_COLUMNS) and "real events" in done.stderr
    procurement = frame[(frame["Story ID"] == SEED_ID) & (frame["CAMEO Code"] == "062")].iloc[0]
    assert (procurement["Source Country"], procurement["Target Country"]) == ("India", "Russian Federation")
    assert procurement["Event Date"] == "2021-12-06" and procurement["Event Text"] == "Cooperate militarily"
    assert procurement["Event ID"].startswith("cl-") and procurement["Intensity"] == pytest.approx(7.4)
    # Every event with a known country has coordinates (its place's, or the country's point).
    located = frame[frame["Country"].notna()]
    assert len(located) and located["Latitude"].notna().all() and located["Longitude"].notna().all()


def test_cli_export_per_mention_has_a_row_per_report(run_cli, sample_db, tmp_path):
    distinct, _ = _export(run_cli, sample_db, tmp_path, "--format", "icews")
    mentions = tmp_path / "mentions"
    done = run_cli("export", "--db", sample_db, "--format", "icews", "--per-mention", "-o", mentions)
    assert done.exit_code == 0 and "mentions" in done.stderr
    per_mention = pd.read_csv(mentions, sep="\t")
    assert per_mention["Event ID"].str.startswith("ev-").all()
    assert len(per_mention) >= len(pd.read_csv(distinct, sep="\t"))


def test_cli_export_phoenix_reads_back_without_a_header(run_cli, sample_db, tmp_path):
    path, _ = _export(run_cli, sample_db, tmp_path, "--format", "phoenix", "--actor", "IND")
    frame = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=list(PHOENIX_COLUMNS),
        dtype={"EventCode": str, "EventRootCode": str},
    )
    assert len(frame) and set(frame["Date"]) == {20211206}
    procurement = frame[frame["EventCode"] == "062"].iloc[0]
    assert (
        procurement["SourceActorEntity"],
        procurement["TargetActorEntity"],
        procurement["PentaClass"],
    ) == ("IND", "RUS", 2)
    assert procurement["EventRootCode"] == "06" and procurement["SentenceID"].startswith(SEED_ID + "_")
    assert frame["Lat"].notna().all() and frame["CountryCode"].eq("IND").any()


def test_cli_export_plover_jsonl_has_the_manuals_fields(run_cli, sample_db, tmp_path):
    path, _ = _export(run_cli, sample_db, tmp_path, "--format", "plover", "--actor", "IND")
    frame = pd.read_json(path, lines=True)
    assert {
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "event_loc",
        "quad_code",
        "event_scale",
        "link",
        "text_info",
    } <= set(frame.columns)
    signing = frame[frame["event"].map(lambda e: e == ["SUPPORT"])].iloc[0]
    assert signing["actor"][0]["code"] == "IND" and signing["link"] == signing["id"]
    assert signing["event_loc"]["lat"] is not None and signing["sources"] == 1


def test_cli_export_records_to_parquet_and_csv(run_cli, sample_db, tmp_path):
    folder = tmp_path / "records"
    done = run_cli("export", "--db", sample_db, "--records", folder)
    assert done.exit_code == 0, done.stderr
    for name in ("agreements", "deals", "meetings"):
        parquet, csv = pd.read_parquet(folder / f"{name}.parquet"), pd.read_csv(folder / f"{name}.csv")
        assert len(parquet) == len(csv) > 0 and "cluster_id" in csv.columns and "sources" in csv.columns
    meetings = pd.read_csv(folder / "meetings.csv")
    commission = meetings[meetings["ordinal"] == 20].iloc[0]
    assert commission["place"] == "New Delhi" and commission["sources"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "say what to export"),
        (("-o", "x.tab"), "--output needs --format"),
        (("--format", "gdelt"), "Invalid value"),
    ],
)
def test_cli_export_usage_errors(run_cli, sample_db, tmp_path, args, message):
    done = run_cli("export", "--db", sample_db, *[str(tmp_path / a) if a == "x.tab" else a for a in args])
    assert done.exit_code == 2 and message in done.stderr


def test_cli_events_distinct_and_records_distinct(run_cli, sample_db):
    every = [
        json.loads(line)
        for line in run_cli("events", "--db", sample_db, "--format", "jsonl").stdout.splitlines()
    ]
    done = run_cli("events", "--db", sample_db, "--distinct", "--format", "jsonl")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == len({e["cluster_id"] for e in every}) and all(r["sources"] >= 1 for r in rows)
    assert sorted(m for r in rows for m in r["mentions"]) == sorted(e["id"] for e in every)
    table = run_cli("events", "--db", sample_db, "--distinct").stdout.splitlines()
    assert "sources" in table[0].split() and table[-1] == f"({len(rows)} real events)"
    meetings = run_cli("meetings", "--db", sample_db, "--distinct", "--format", "json")
    assert meetings.exit_code == 0 and all(m["member_ids"] for m in json.loads(meetings.stdout))
