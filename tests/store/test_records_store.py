"""Agreements, deals and meetings in the store: written with their article, filtered, framed, exported,
replaced with it, and an older file (schema 1) that keeps working."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import pandas
import pytest

from accord.pipeline import Extractor
from accord.records import Article, ArticleResult
from accord.store import SCHEMA_VERSION, Database

SEED = Path(__file__).resolve().parents[2] / "samples" / "000_5d68f7ddc8901266.txt"
TEXTS = [
    ("sale", dt.date(2021, 12, 6), "Russia sold 12 fighter jets to Algeria last year."),
    (
        "talks",
        dt.date(2022, 1, 10),
        "Greece and Turkey will hold exploratory talks in Athens next week. The summit was called off.",
    ),
]


@pytest.fixture(scope="module")
def results(nlp: Any) -> list[ArticleResult]:
    from accord.ingest import read_articles

    articles = [a for a in read_articles([SEED]) if isinstance(a, Article)]
    articles += [Article(id=i, date=d, text=t) for i, d, t in TEXTS]
    return list(Extractor(nlp).extract_articles(articles))


@pytest.fixture(scope="module")
def filled(results: list[ArticleResult], tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("records") / "accord.duckdb"
    with Database(path) as db:
        db.write_results(results)
    with Database(path, read_only=True) as db:
        yield db


def names(records: list[dict[str, Any]]) -> list[str]:
    return [(r["name"] or r["item"])["text"] for r in records]


def test_records_round_trip_as_extracted(filled, results):
    seed = results[0]
    stored = filled.agreements(article_id=seed.article.id)
    assert [{k: v for k, v in a.items() if k != "cluster_id"} for a in stored] == [
        a.to_dict() for a in seed.agreements
    ]
    # Each record is a cluster of its own here: no other article reports the same agreement.
    assert len({a["cluster_id"] for a in stored}) == 3 and all(
        a["cluster_id"].startswith("cl-") for a in stored
    )
    assert filled.count_records("deal") == 2 and filled.count_records("meeting") == 5


@pytest.mark.parametrize(
    ("record_type", "filters", "expected"),
    [
        ("meeting", {"actor": "grc"}, ["exploratory talks"]),
        ("meeting", {"status": "planned", "start": "2022"}, ["exploratory talks"]),
        ("meeting", {"status": "cancelled"}, ["summit"]),
        ("meeting", {"kind": "commission"}, ["20th meeting of the India-Russia"]),
        ("meeting", {"text": "ATHENS"}, ["exploratory talks"]),
        ("deal", {"actor": "DZA"}, ["fighter jets"]),
        ("deal", {"end": "2020-12"}, ["fighter jets"]),
        ("deal", {"status": "signed"}, ["procurement of 6,01,427"]),
        ("agreement", {"action": "amended"}, ["pact on amending"]),
        ("agreement", {"kind": "protocol", "actor": "IND"}, ["protocol of the 20th"]),
        ("agreement", {"actor": "USA"}, []),
    ],
)
def test_records_filters(filled, record_type, filters, expected):
    found = (
        filled.meetings
        if record_type == "meeting"
        else filled.deals
        if record_type == "deal"
        else filled.agreements
    )
    got = names(found(**filters))
    assert len(got) == len(expected) and all(g.startswith(e) for g, e in zip(got, expected, strict=True))
    assert filled.count_records(record_type, **filters) == len(expected)


@pytest.mark.parametrize(
    ("record_type", "filters", "error"),
    [
        ("meeting", {"kind": "treaty"}, ValueError),
        ("deal", {"status": "held"}, ValueError),
        ("meeting", {"action": "signed"}, ValueError),
        ("meeting", {"start": "2021-13"}, ValueError),
        ("meeting", {"typo": "x"}, TypeError),
        ("event", {}, ValueError),
    ],
)
def test_records_bad_filters_are_errors(filled, record_type, filters, error):
    with pytest.raises(error):
        filled.count_records(record_type, **filters)


def test_records_by_id_and_in_their_article(filled, results):
    seed = results[0]
    summit = seed.meetings[-1]
    assert filled.record(summit.id)["name"]["text"] == "21st annual India-Russia summit"
    assert filled.record(summit.id, "meeting")["id"] == summit.id
    assert filled.record(summit.id, "deal") is None and filled.record("me-none") is None
    article = filled.article(seed.article.id)
    assert [m["id"] for m in article["meetings"]] == [m.id for m in seed.meetings]
    assert len(article["agreements"]) == 3 and len(article["deals"]) == 1 and article["events"]


def test_records_frames_are_flat_with_lists(filled):
    meetings = filled.meetings_frame(actor="IND")
    assert list(meetings["ordinal"]) == [20, 1, 21]
    assert meetings["participant_codes"].iloc[0] == ["IND", "RUS"]
    assert meetings["mentions"].iloc[0][0]["text"].startswith("20th meeting")
    assert "record" not in meetings.columns and meetings["cluster_id"].str.startswith("cl-").all()
    deals = filled.deals_frame()
    assert set(deals["quantity"]) == {601427, 12} and list(deals["buyer_codes"]) == [["DZA"], ["IND"]]
    assert len(filled.agreements_frame(kind="pact")) == 1


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_records_export_reads_back(filled, tmp_path, fmt):
    path = tmp_path / f"deals.{fmt}"
    assert filled.export_records("deal", path, format=fmt) == 2
    if fmt == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        seed = next(r for r in rows if r["currency"] == "INR")
        assert (seed["quantity"], seed["amount"], seed["buyer_codes"], seed["seller_codes"]) == (
            "601427",
            "50000000000",
            "IND",
            "RUS",
        )
        assert seed["intermediary"].startswith("Indo-Russia Rifles")
    elif fmt == "parquet":
        frame = pandas.read_parquet(path)
        assert set(frame["currency"].dropna()) == {"INR"} and "record" not in frame.columns
    else:
        text = path.read_text(encoding="utf-8")
        records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert sorted(r["kind"] for r in records) == ["arms_transfer", "arms_transfer"]


def test_records_are_replaced_with_their_article(tmp_path, results, nlp):
    path = tmp_path / "accord.duckdb"
    talks = results[2]
    with Database(path) as db:
        assert db.write_result(talks)
        assert not db.write_result(talks)  # unchanged: nothing happens
        assert db.count_records("meeting") == 2
        changed = Article(id="talks", date=talks.article.date, text="The summit was called off.")
        assert db.write_result(
            Extractor(nlp).extract_article(changed), update=True
        )  # a changed text replaces
        assert [m["name"]["text"] for m in db.meetings()] == ["summit"]
        count = db._conn.scalar("SELECT count(*) FROM record_actors WHERE article_id = 'talks'", [])
        assert count == 0  # the new summit names nobody; the old talks' actors are gone


def test_records_of_another_article_are_refused(tmp_path, results):
    from dataclasses import replace

    from accord.errors import StoreError

    seed = results[0]
    wrong = replace(seed, meetings=(replace(seed.meetings[0], article_id="other"),))
    with Database(tmp_path / "accord.duckdb") as db, pytest.raises(StoreError, match="names article"):
        db.write_result(wrong)


def _make_schema_1(path: Path, result: ArticleResult) -> None:
    """A file as Accord wrote it before records: no record tables, schema_version 1."""
    with Database(path) as db:
        db.write_result(result)
    with duckdb.connect(str(path)) as con:
        for table in ("agreements", "deals", "meetings", "record_actors"):
            con.execute(f"DROP TABLE {table}")
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")


def test_records_an_older_file_keeps_working(tmp_path, results):
    path = tmp_path / "old.duckdb"
    _make_schema_1(path, results[1])
    with Database(path, read_only=True) as db:  # read-only: nothing can be added, reads find no records
        assert db.count_events() > 0
        assert db.deals() == [] and db.count_records("deal") == 0 and db.record("de-x") is None
        assert db.article("sale")["deals"] == [] and db.deals_frame().empty
    with Database(path) as db:  # opened for writing: the tables are added and the version recorded
        assert db.write_result(results[2])
        assert db.count_records("meeting") == 2
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == [
            (version,) for version in range(1, SCHEMA_VERSION + 1)
        ]
