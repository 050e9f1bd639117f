"""The store's one CSV schema (shared with the CLI and the API) and exports of the first N events."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from accord.store import CSV_COLUMNS, event_csv_row, write_events_csv


def test_store_csv_export_is_the_csv_schema_with_crlf(filled, tmp_path):
    target = tmp_path / "events.csv"
    expected = filled.events(actor="IND")
    assert filled.export(target, format="csv", actor="IND") == len(expected)
    raw = target.read_bytes().decode("utf-8")
    assert raw.startswith(",".join(CSV_COLUMNS) + "\r\n")
    buffer = io.StringIO()
    assert write_events_csv(expected, buffer) == len(expected)
    assert raw == buffer.getvalue()
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert [row["cameo"] for row in rows] == [e["cameo"] for e in expected]  # "057" keeps its zero
    assert rows[0]["recipient_names"] == ";".join(r["name"] for r in expected[0]["recipient"])


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1 vote", "-5 points", "@SUM(A1)", "\tx", "\rx"])
def test_store_csv_row_defuses_formula_like_text_only(text):
    event = {
        "id": "e1",
        "text": text,
        "goldstein": -5.0,
        "trigger": {"text": text, "start": 0},
        "actor": [{"code": "IND", "name": text}],
        "quantities": [{"value": -3, "item": "x"}],
    }
    row = event_csv_row(event)
    assert list(row) == list(CSV_COLUMNS)
    assert row["text"] == row["trigger"] == row["actor_names"] == "'" + text
    assert row["goldstein"] == -5.0 and row["trigger_start"] == 0 and row["actor_codes"] == "IND"
    assert row["quantities"] == "'-3 x"


def test_store_csv_row_of_a_sparse_event_has_empty_cells():
    row = event_csv_row({"id": "e1"})
    assert row["id"] == "e1" and row["actor_codes"] == "" and row["location"] is None


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "json"])
def test_store_export_limit_keeps_the_first_events_by_date(filled, tmp_path, fmt):
    target = tmp_path / f"first.{fmt}"
    expected = [e["id"] for e in filled.events(limit=3)]
    assert filled.export(target, format=fmt, limit=3) == 3
    if fmt == "parquet":
        found = pq.read_table(target).column("id").to_pylist()
    elif fmt == "csv":
        found = [row["id"] for row in csv.DictReader(target.open(encoding="utf-8", newline=""))]
    elif fmt == "json":
        found = [e["id"] for e in json.loads(target.read_text(encoding="utf-8"))]
    else:
        found = [json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines()]
    assert found == expected


def test_store_export_bad_filter_creates_no_file(filled, tmp_path):
    for fmt in ("csv", "jsonl", "parquet"):
        target = tmp_path / f"bad.{fmt}"
        with pytest.raises(ValueError, match="2021-13"):
            filled.export(target, format=fmt, start="2021-13")
        with pytest.raises(ValueError, match="limit"):
            filled.export(target, format=fmt, limit=-1)
        assert not target.exists()


def test_store_csv_schema_is_the_api_schema():
    api_export = pytest.importorskip("accord.api.export")
    assert api_export.CSV_COLUMNS is CSV_COLUMNS
    events = [{"id": "e1", "text": "=1", "cameo": "042"}]
    buffer = io.StringIO()
    write_events_csv(events, buffer)
    assert api_export.events_to_csv(events) == buffer.getvalue()
