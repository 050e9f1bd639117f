"""The store on real DuckDB files: round trips, filters, aggregates, idempotence, rollback, exports.

The data (tests/store/conftest.py): the seed's four India-Russia events (two AGREE, one COOPERATE
with 6,01,427 rifles and around Rs 5000 crore, one planned CONSULT summit; one AGREE dated 2021
with enddate 2031) and eight invented events of CHN/USA, PAK/AFG, JPN/PHL, FRA/DEU and USA/RUS.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from accord.errors import StoreError
from accord.records import Reject
from accord.store import SCHEMA_VERSION, Database, article_hash

SEED = "000_5d68f7ddc8901266"
TABLES = ("articles", "events", "event_participants", "entities", "quantities", "money", "time_expressions")


def ids(events: list[dict[str, Any]]) -> set[str]:
    return {e["id"] for e in events}


def short(events: list[dict[str, Any]]) -> list[str]:
    """Event ids without their article prefix, in order: 'inked', 'strike', ..."""
    return [e["id"].rsplit("-", 1)[1] for e in events]


def row_counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


# -- writing and reading back --------------------------------------------------------------------


def test_store_round_trip_returns_exactly_the_extracted_dicts(db_path, results):
    with Database(db_path) as db:
        assert db.write_results(results) == (5, 0)
    with Database(db_path) as db:
        for result in results:
            expected = [event.to_dict() for event in result.events]
            stored = db.events(article_id=result.article.id, order="article")
            # The contract object, and the cluster of the real event it reports as one more field.
            assert [{k: v for k, v in e.items() if k != "cluster_id"} for e in stored] == expected
            assert all(e["cluster_id"].startswith("cl-") for e in stored)
        assert db.count_events() == 12


def test_store_keeps_seed_quantities_money_and_participants(filled):
    procurement = filled.events(text="AK-203")[0]
    assert procurement["quantities"][0]["value"] == 601427
    money = procurement["money"][0]
    assert (money["amount"], money["currency"], money["approximate"]) == (50000000000, "INR", True)
    article = filled.article(SEED)
    assert article["text"][money["start"] : money["end"]] == money["text"] == "around Rs 5000 crore"
    con = filled._conn.raw()
    rows = con.execute(
        "SELECT role, code, kind, office FROM event_participants WHERE event_id = ? ORDER BY role",
        [f"{SEED}-summit"],
    ).fetchall()
    assert rows == [("actor", "RUS", "person", "President"), ("recipient", "IND", "person", "Prime Minister")]
    stored = con.execute(
        "SELECT amount, currency, approximate FROM money WHERE article_id = ?", [SEED]
    ).fetchall()
    assert stored == [(5e10, "INR", True)]
    # Distinct mentions: "India"/"Russia" at the same offsets in several events are one entity each.
    entities = con.execute(
        'SELECT count(*), count(DISTINCT ("start", "end", code)) FROM entities WHERE article_id = ?', [SEED]
    ).fetchone()
    assert entities[0] == entities[1] > 0


def test_store_article_and_articles(filled, results):
    article = filled.article(SEED)
    assert article is not None
    assert article["date"] == "2021-12-06"
    assert article["title"] == "India, Russia ink four defence agreements"
    assert article["text"] == results[0].article.text
    assert [e["id"] for e in article["events"]] == [e.id for e in results[0].events]
    assert filled.article("no-such-article") is None

    listed = filled.articles()
    assert [a["id"] for a in listed] == ["jp-ph-2023", "cn-us-2022", "fr-de-2022", "pk-af-2022", SEED]
    assert "text" not in listed[0]
    assert listed[-1]["events"] == 4
    assert [a["id"] for a in filled.articles(limit=2, offset=1)] == ["cn-us-2022", "fr-de-2022"]


def test_store_has_article_checks_hash(filled, results):
    seed = results[0]
    assert filled.has_article(SEED)
    assert filled.has_article(SEED, article_hash(seed))
    assert not filled.has_article(SEED, "0" * 64)
    assert not filled.has_article("unknown")


def test_store_schema_version_and_reopen(db_path, results):
    with Database(db_path) as db:
        db.write_result(results[0])
    with Database(db_path) as db:
        assert db.stats()["articles"] == 1
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


# -- filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "RUS"}, {"inked", "procurement", "program", "summit", "sanctions"}),
        ({"actor": "rus"}, {"inked", "procurement", "program", "summit", "sanctions"}),
        ({"actor": "AFG"}, {"strike", "demand"}),
        ({"actor": "DEU"}, {"tank"}),
        ({"actor": "XYZ"}, set()),
        ({"dyad": ("IND", "RUS")}, {"inked", "procurement", "program", "summit"}),
        ({"dyad": ("RUS", "IND")}, {"inked", "procurement", "program", "summit"}),
        ({"dyad": ("USA", "RUS")}, {"sanctions"}),
        ({"dyad": ("RUS", "USA")}, {"sanctions"}),
        ({"dyad": ("USA", "CHN")}, {"accuse", "threaten"}),
        ({"dyad": ("IND", "USA")}, set()),
        ({"event_type": "AGREE"}, {"inked", "program"}),
        ({"event_type": "threaten"}, {"threaten", "demand"}),
        ({"quad_class": 3}, {"accuse", "threaten", "demand"}),
        ({"quad_class": 4}, {"strike", "sanctions"}),
        ({"status": "planned"}, {"summit", "aid"}),
        # The 2021-2031 programme overlaps every window up to 2031.
        ({"start": "2022-04", "end": "2022-04"}, {"strike", "demand", "sanctions", "program"}),
        ({"start": "2022-04-17", "end": "2022-04-30", "quad_class": 3}, {"demand"}),
        # A month-precision event overlaps any day range inside its month.
        ({"start": "2022-03-15", "end": "2022-03-20"}, {"tank", "program"}),
        ({"start": "2022-03-15", "end": "2022-03-20", "event_type": "COOPERATE"}, {"tank"}),
        ({"start": "2025", "end": "2025"}, {"program"}),
        ({"start": "2021-12-06", "end": "2021-12-06"}, {"inked", "procurement", "program", "summit"}),
        ({"end": "2021-06"}, {"program"}),
        ({"start": "2023"}, {"aid", "talks", "program"}),
        ({"start": "2032"}, set()),
        ({"text": "RIFLES"}, {"procurement"}),
        ({"text": "held talks"}, {"talks"}),
        ({"text": "imposed sanctions"}, {"sanctions"}),
        ({"text": "%"}, set()),
        ({"text": "_"}, set()),
        ({"article_id": "pk-af-2022"}, {"strike", "demand"}),
        ({"actor": "USA", "quad_class": 4}, {"sanctions"}),
        ({"actor": "JPN", "status": "planned", "event_type": "AID"}, {"aid"}),
        ({"actor": "IND", "start": "2021-12", "end": "2021-12", "text": "summit"}, {"summit"}),
        # A role says which side the actor (or the dyad's first code) is on.
        ({"actor": "afg", "role": "recipient"}, {"strike", "demand"}),
        ({"actor": "AFG", "role": "actor"}, set()),
        ({"dyad": ("CHN", "USA"), "role": "actor"}, {"accuse", "threaten"}),
        ({"dyad": ("CHN", "USA"), "role": "recipient"}, set()),
        ({"dyad": ("USA", "CHN"), "role": "either"}, {"accuse", "threaten"}),
        ({"min_confidence": 0.8, "actor": "JPN"}, {"aid", "talks"}),
        ({"min_confidence": 0.81}, set()),
        ({"flagged": "only"}, set()),
        ({"actor": "FRA", "flagged": "exclude", "background": False}, {"tank"}),
        # Parameters, not SQL: a quote in a value is just a character.
        ({"actor": "IND' OR '1'='1"}, set()),
        ({"text": "' OR 1=1 --"}, set()),
    ],
)
def test_store_event_filters(filled, filters, expected):
    found = filled.events(**filters)
    assert set(short(found)) == expected
    assert filled.count_events(**filters) == len(expected)
    frame = filled.events_frame(**filters)
    assert {i.rsplit("-", 1)[1] for i in frame["id"]} == expected


@pytest.mark.parametrize(
    ("filters", "error"),
    [
        ({"start": "2021-13"}, ValueError),
        ({"end": "December 2021"}, ValueError),
        ({"start": "2021-02-30"}, ValueError),
        ({"dyad": ("IND",)}, ValueError),
        ({"dyad": "INDRUS"}, ValueError),
        ({"quad_class": 5}, ValueError),
        ({"actor": "IND", "role": "both"}, ValueError),
        ({"flagged": "maybe"}, ValueError),
        ({"order": "date; DROP TABLE events"}, ValueError),
        ({"limit": -1}, ValueError),
        ({"offset": -5}, ValueError),
    ],
)
def test_store_event_filters_reject_bad_arguments(filled, filters, error):
    with pytest.raises(error):
        filled.events(**filters)
    assert filled.count_events() == 12


def test_store_unknown_filter_name_is_an_error(filled):
    with pytest.raises(TypeError, match="actors"):
        filled.count_events(actors="IND")
    with pytest.raises(TypeError):
        filled.events_frame(country="IND")


# -- ordering and paging -------------------------------------------------------------------------


def test_store_order_by_date_both_ways(filled):
    ascending = short(filled.events(order="date"))
    assert ascending == [
        "program",  # 2021 (from 2021-01-01)
        "inked",
        "procurement",
        "summit",  # 2021-12-06, article order
        "tank",  # 2022-03
        "strike",
        "demand",
        "sanctions",
        "accuse",
        "threaten",
        "aid",
        "talks",
    ]
    descending = short(filled.events(order="-date"))
    assert descending[:2] == ["aid", "talks"] and descending[-1] == "program"
    assert short(filled.events(order="-goldstein"))[0] in {"inked", "program"}
    assert short(filled.events(order="goldstein"))[0] == "strike"


@pytest.mark.parametrize("order", ["date", "-date", "goldstein", "-confidence", "report_date", "article"])
def test_store_pages_cover_everything_once(filled, order):
    everything = filled.events(order=order)
    pages = [filled.events(order=order, limit=5, offset=offset) for offset in (0, 5, 10, 15)]
    assert [len(p) for p in pages] == [5, 5, 2, 0]
    assert [e for page in pages for e in page] == everything


# -- aggregates ----------------------------------------------------------------------------------


def test_store_actors_with_top_partners(filled):
    actors = filled.actors()
    assert [(a["code"], a["events"]) for a in actors] == [
        ("RUS", 5),
        ("IND", 4),
        ("USA", 3),
        ("AFG", 2),
        ("CHN", 2),
        ("JPN", 2),
        ("PAK", 2),
        ("PHL", 2),
        ("DEU", 1),
        ("FRA", 1),
    ]
    by_code = {a["code"]: a for a in actors}
    assert by_code["RUS"]["kind"] == "country"
    assert by_code["RUS"]["top_partners"] == [{"code": "IND", "events": 4}, {"code": "USA", "events": 1}]
    assert by_code["USA"]["top_partners"] == [{"code": "CHN", "events": 2}, {"code": "RUS", "events": 1}]
    assert by_code["AFG"]["kind"] == "group" or by_code["AFG"]["kind"] == "country"
    assert [a["code"] for a in filled.actors(limit=2, offset=1)] == ["IND", "USA"]
    assert filled.actors(partners=1)[0]["top_partners"] == [{"code": "IND", "events": 4}]


# -- idempotence and replacement -----------------------------------------------------------------


def test_store_rewriting_the_same_article_changes_nothing(db_path, results):
    with Database(db_path) as db:
        db.write_results(results)
    before = row_counts(db_path)
    with Database(db_path) as db:
        assert db.write_results(results) == (0, 5)
        assert db.write_result(results[0]) is False
    assert row_counts(db_path) == before
    assert before["events"] == 12 and before["event_participants"] == 24


def test_store_changed_content_is_refused_unless_update(db_path, results):
    from accord.errors import ArticleConflictError

    with Database(db_path) as db:
        db.write_results(results)
        old = results[0]
        changed = dataclasses.replace(
            old, article=dataclasses.replace(old.article, text=old.article.text + " More.")
        )
        with pytest.raises(ArticleConflictError, match=r"already stored from 000_5d68f7ddc8901266\.txt"):
            db.write_result(changed)
        assert db.article(SEED)["text"] == old.article.text
        assert db.store(changed, update=True) == "updated"
        assert db.store(changed, update=True) == "skipped"
        assert db.article(SEED)["text"] == changed.article.text


def test_store_changed_content_replaces_the_article_on_update(db_path, results, kit):
    with Database(db_path) as db:
        db.write_results(results)
        old = results[0]
        # The same report, corrected: the last sentence is gone, and so is the summit event.
        text = old.article.text[: old.article.text.index(" Meanwhile")]
        corrected = dataclasses.replace(
            old,
            article=dataclasses.replace(old.article, text=text, title="Corrected"),
            events=old.events[:3],
        )
        assert article_hash(corrected) != article_hash(old)
        assert db.write_result(corrected, update=True) is True
        assert short(db.events(article_id=SEED, order="article")) == ["inked", "procurement", "program"]
        article = db.article(SEED)
        assert article is not None and article["title"] == "Corrected" and article["text"] == text
        assert db.count_events() == 11
        assert db.count_events(actor="RUS", status="planned") == 0
        # Writing the old version again puts the summit back.
        assert db.write_result(old, update=True) is True
        assert db.count_events() == 12
    counts = row_counts(db_path)
    assert counts["articles"] == 5 and counts["event_participants"] == 24


# -- failures roll back the whole article ----------------------------------------------------------


def test_store_duplicate_event_id_rolls_back_the_whole_article(db_path, results):
    seed = results[0]
    twice = dataclasses.replace(seed, events=(*seed.events, seed.events[1]))
    with Database(db_path) as db:
        db.write_result(results[1])
        with pytest.raises(StoreError, match=f"{SEED}.*(duplicate|PRIMARY KEY)"):
            db.write_result(twice)
        assert not db.has_article(SEED)
        assert db.count_events(article_id=SEED) == 0
        assert db.stats()["articles"] == 1
        # The connection is usable afterwards and the good version goes in.
        assert db.write_result(seed) is True
    assert row_counts(db_path)["events"] == 6


def test_store_event_id_used_by_another_article_is_refused(db_path, results):
    other = results[1]
    thief = dataclasses.replace(
        other,
        article=dataclasses.replace(other.article, id="thief"),
        events=tuple(dataclasses.replace(e, article_id="thief") for e in other.events),
    )
    with Database(db_path) as db:
        db.write_result(other)
        with pytest.raises(StoreError, match="thief"):
            db.write_result(thief)
        assert not db.has_article("thief")
        assert db.count_events() == 2


@pytest.mark.parametrize("failing_table", ["events", "event_participants", "money", "time_expressions"])
def test_store_failure_mid_article_leaves_nothing(db_path, results, monkeypatch, failing_table):
    from accord.store import writer

    real_insert = writer.insert_rows

    def insert(con, table, columns, rows):
        if table == failing_table:
            # A value the column cannot hold, sent to the real database: DuckDB refuses it.
            con.execute(f"INSERT INTO {table} ({columns[0]}) VALUES (NULL)")
        real_insert(con, table, columns, rows)

    with Database(db_path) as db:
        db.write_result(results[2])
        monkeypatch.setattr(writer, "insert_rows", insert)
        with pytest.raises(StoreError, match=SEED):
            db.write_result(results[0])
        monkeypatch.undo()
        assert not db.has_article(SEED)
        assert db.stats() | {"first_date": None, "last_date": None} == {
            "articles": 1,
            "events": 2,
            "participants": 4,
            "rejects": 0,
            "first_date": None,
            "last_date": None,
        }
    counts = row_counts(db_path)
    assert counts == {
        "articles": 1,
        "events": 2,
        "event_participants": 4,
        "entities": 4,
        "quantities": 1,
        "money": 0,
        "time_expressions": 1,
    }


def test_store_failed_replacement_keeps_the_old_version(db_path, results, monkeypatch):
    from accord.store import writer

    seed = results[0]
    changed = dataclasses.replace(
        seed, article=dataclasses.replace(seed.article, title="changed", text=seed.article.text + " ")
    )
    real_insert = writer.insert_rows

    def insert(con, table, columns, rows):
        if table == "quantities":
            raise duckdb.ConversionException("simulated failure after the old rows were deleted")
        real_insert(con, table, columns, rows)

    with Database(db_path) as db:
        db.write_result(seed)
        monkeypatch.setattr(writer, "insert_rows", insert)
        with pytest.raises(StoreError, match="simulated"):
            db.write_result(changed, update=True)
        monkeypatch.undo()
        article = db.article(SEED)
        assert article is not None and article["title"] == seed.article.title
        kept = db.events(article_id=SEED, order="article")
        assert [{k: v for k, v in e.items() if k != "cluster_id"} for e in kept] == [
            e.to_dict() for e in seed.events
        ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "2021-13"}, "2021-13"),
        ({"date": "6 December 2021"}, "YYYY"),
        ({"enddate": "2019"}, "before"),
        ({"article_id": "someone-else"}, "someone-else"),
    ],
)
def test_store_bad_event_values_are_refused_before_writing(db_path, results, change, message):
    seed = results[0]
    bad = dataclasses.replace(seed, events=(seed.events[0], dataclasses.replace(seed.events[1], **change)))
    with Database(db_path) as db:
        with pytest.raises(StoreError, match=message):
            db.write_result(bad)
        assert db.stats()["articles"] == 0


# -- read-only ---------------------------------------------------------------------------------------


def test_store_read_only_refuses_writes(db_path, results):
    with Database(db_path) as db:
        db.write_result(results[1])
    with Database(db_path, read_only=True) as db:
        assert db.count_events() == 2
        with pytest.raises(StoreError, match="read-only"):
            db.write_result(results[0])
        with pytest.raises(StoreError, match="read-only"):
            db.write_results(results)
        with pytest.raises(StoreError, match="read-only"):
            db.write_reject(Reject("x.jsonl", 3, "no date"))
        assert db.stats()["articles"] == 1


def test_store_read_only_needs_an_existing_accord_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Database(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(StoreError, match="not an Accord database"):
        Database(foreign, read_only=True)


def test_store_refuses_a_newer_schema(db_path):
    Database(db_path).close()
    with duckdb.connect(str(db_path)) as con:
        con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="newer"):
        Database(db_path)


def test_store_closed_database_says_so(db_path):
    db = Database(db_path)
    db.close()
    db.close()
    with pytest.raises(StoreError, match="closed"):
        db.count_events()


# -- rejects, stats, frames, exports -----------------------------------------------------------------


def test_store_rejects_are_kept_once(db_path):
    with Database(db_path) as db:
        db.write_reject(Reject("feed.jsonl", 7, "no date", "a7"))
        db.write_reject(Reject("feed.jsonl", 7, "no date", "a7"))
        db.write_reject(Reject("feed.jsonl", 8, "no date"))
        db.write_reject(Reject("<stdin>", None, "not UTF-8"))
        db.write_reject(Reject("<stdin>", None, "not UTF-8"))
        rejects = db.rejects()
        assert sorted((r["origin"], r["line"], r["reason"]) for r in rejects) == [
            ("<stdin>", None, "not UTF-8"),
            ("feed.jsonl", 7, "no date"),
            ("feed.jsonl", 8, "no date"),
        ]
        assert {r["article_id"] for r in rejects} == {"a7", None}
        assert len(db.rejects(limit=1)) == 1
        assert db.stats()["rejects"] == 3


def test_store_stats(filled):
    assert filled.stats() == {
        "articles": 5,
        "events": 12,
        "participants": 24,
        "rejects": 0,
        "first_date": "2021-01-01",
        "last_date": "2031-12-31",
    }


def test_store_events_frame_is_flat(filled):
    frame = filled.events_frame(actor="RUS")
    assert len(frame) == 5
    assert {"id", "date", "event", "goldstein", "quad_class", "actor_codes", "recipient_codes"} <= set(
        frame.columns
    )
    assert "record" not in frame.columns
    sanctions = frame[frame["event"] == "SANCTION"].iloc[0]
    assert sanctions["actor_codes"] == ["USA"] and sanctions["recipient_codes"] == ["RUS"]
    assert sanctions["context"] == ["economic"]
    assert list(frame["id"]) == [e["id"] for e in filled.events(actor="RUS")]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "json"])
def test_store_export_reads_back(filled, tmp_path, fmt):
    target = tmp_path / f"events.{fmt}"
    expected = filled.events(actor="IND")
    assert filled.export(target, format=fmt, actor="IND") == len(expected) == 4
    if fmt == "jsonl":
        lines = target.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == expected
        assert pd.read_json(target, lines=True)["id"].tolist() == [e["id"] for e in expected]
    elif fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8")) == expected
    elif fmt == "parquet":
        table = pq.read_table(target)
        assert table.column("id").to_pylist() == [e["id"] for e in expected]
        assert table.column("recipient_codes").to_pylist() == [["RUS"], ["RUS"], ["RUS"], ["IND"]]
        assert table.column("goldstein").to_pylist() == [e["goldstein"] for e in expected]
    else:
        frame = pd.read_csv(target)
        assert frame["id"].tolist() == [e["id"] for e in expected]
        assert frame["actor_codes"].tolist() == ["IND", "IND", "IND", "RUS"]
        assert frame["text"].tolist() == [e["text"] for e in expected]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "parquet", "csv"])
def test_store_export_of_nothing(filled, tmp_path, fmt):
    target = tmp_path / f"none.{fmt}"
    assert filled.export(target, format=fmt, actor="XYZ") == 0
    assert target.exists()
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8")) == []


def test_store_export_rejects_unknown_format(filled, tmp_path):
    with pytest.raises(ValueError, match="format"):
        filled.export(tmp_path / "x.xlsx", format="xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_store_read_only_aggregates_match_and_are_copies(db_path, results):
    with Database(db_path) as db:
        db.write_results(results)
        live = (db.actors(), db.network(), db.network(min_events=2))
    with Database(db_path, read_only=True) as db:
        assert (db.actors(), db.network(), db.network(min_events=2)) == live
        first = db.actors()
        first[0]["top_partners"].clear()
        assert db.actors() == live[0]


def test_store_event_by_id(tmp_path):
    import datetime as dt

    from accord.records import Article, ArticleResult, Entity, Event, Trigger
    from accord.store import Database

    text = "India and Russia signed a pact."
    event = Event(
        id="ev-1",
        article_id="a",
        date="2021-12-06",
        date_precision="day",
        report_date="2021-12-06",
        event="SUPPORT",
        cameo="057",
        goldstein=3.5,
        quad_class=1,
        status="occurred",
        text=text,
        text_start=0,
        text_end=len(text),
        trigger=Trigger("signed", 17, 23),
        confidence=0.9,
        actor=(Entity("India", "India", "IND", "country", 0, 5),),
        recipient=(Entity("Russia", "Russia", "RUS", "country", 10, 16),),
        symmetric=True,
    )
    article = Article(id="a", date=dt.date(2021, 12, 6), text=text)
    with Database(tmp_path / "e.duckdb") as db:
        db.write_result(ArticleResult(article=article, events=(event,)))
        # The event founds its own cluster: "cl-" and a hash of its id.
        assert db.event("ev-1") == {**event.to_dict(), "cluster_id": "cl-31f9a31e6f5dadbc"}
        assert db.event("missing") is None
