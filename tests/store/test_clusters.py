"""Clusters at ingest, through the real pipeline: reports of one event are linked, look-alikes are not,
and linking is incremental, order-free in its partition, idempotent and updated with its articles.

The reports are written for these tests in wire style (none copied from a corpus); two more tests use
real Reuters-21578 pairs from ``../shared`` and skip without it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import duckdb
import pytest

from accord.pipeline import Extractor
from accord.records import Article, ArticleResult
from accord.store import SCHEMA_VERSION, Database
from accord.store.connection import Connection

STRIKE_DAY = dt.date(1987, 10, 20)
TEXTS = {
    "strike-pentagon": (
        STRIKE_DAY,
        "U.S. warships destroyed an Iranian oil platform in the Gulf on Monday in retaliation for an Iranian"
        " missile attack on a U.S.-flagged tanker, the Pentagon said.",
    ),
    "strike-tehran": (
        STRIKE_DAY,
        "Iran said American destroyers shelled its Rostam oil platform in the Gulf on Monday and vowed to retaliate.",
    ),
    "meets-thatcher": (
        dt.date(1987, 7, 17),
        "U.S. President Ronald Reagan met British Prime Minister Margaret Thatcher in Washington on Friday.",
    ),
    "meets-mitterrand": (
        dt.date(1987, 7, 17),
        "U.S. President Ronald Reagan met French President Francois Mitterrand in Washington on Friday.",
    ),
    "bomb-fenastras": (
        dt.date(1989, 11, 1),
        "A bomb exploded outside the headquarters of the FENASTRAS union federation in San Salvador on Tuesday,"
        " killing 10 union members and wounding 30.",
    ),
    "bomb-comadres": (
        dt.date(1989, 11, 1),
        "A bomb exploded at the office of the COMADRES mothers' committee in San Salvador on Tuesday, wounding four people.",
    ),
    "bomb-fenastras-again": (
        dt.date(1989, 11, 1),
        "Ten trade unionists were killed when a bomb went off at the FENASTRAS building in San Salvador on Tuesday,"
        " the union said.",
    ),
}
# An article's first event: the one each test follows.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor(nlp: Any) -> Extractor:
    return Extractor(nlp)


@pytest.fixture(scope="module")
def results(extractor: Extractor) -> dict[str, ArticleResult]:
    articles = [Article(id=key, date=day, text=text, source="Wire") for key, (day, text) in TEXTS.items()]
    found = {result.article.id: result for result in extractor.extract_articles(articles)}
    for key, result in found.items():
        assert result.events, f"{key}: the extractor found no event; the test texts need one each"
    return found


def _store(path: Path, results: dict[str, ArticleResult], keys: list[str]) -> Database:
    db = Database(path)
    for key in keys:
        db.write_result(results[key])
    return db


def _cluster(db: Database, article_id: str) -> str:
    cluster_id: str = db.events(article_id=article_id, order="article")[0]["cluster_id"]
    return cluster_id


def _partition(db: Database) -> set[frozenset[str]]:
    """The articles of each cluster of first events (ids left out: they depend on who came first)."""
    con = db._conn.raw()
    rows = con.execute("SELECT article_ids FROM clusters WHERE kind = 'event'").fetchall()
    return {frozenset(ids) for (ids,) in rows if len(ids) > 1}


def test_clusters_two_reports_of_one_strike_are_one_real_event(tmp_path, results):
    with _store(tmp_path / "a.duckdb", results, ["strike-pentagon", "strike-tehran"]) as db:
        cluster_id = _cluster(db, "strike-pentagon")
        assert _cluster(db, "strike-tehran") == cluster_id
        founder = db.events(article_id="strike-pentagon", order="article")[0]["id"]
        assert cluster_id == "cl-" + hashlib.sha1(founder.encode()).hexdigest()[:16]
        row = next(r for r in db.events(distinct=True) if r["id"] == cluster_id)
        assert row["cluster_id"] == cluster_id and row["sources"] == 2 and row["publishers"] == 1
        assert row["article_ids"] == ["strike-pentagon", "strike-tehran"] and len(row["mentions"]) == 2
        assert (row["event"], row["date"]) == ("ASSAULT", "1987-10-19")
        assert {e["code"] for e in row["actor"]} == {"USA"} and {e["code"] for e in row["recipient"]} == {
            "IRN"
        }
        assert db.count_events(distinct=True) < db.count_events()


def test_clusters_look_alikes_stay_apart(tmp_path, results):
    keys = ["meets-thatcher", "meets-mitterrand", "bomb-fenastras", "bomb-comadres", "bomb-fenastras-again"]
    with _store(tmp_path / "a.duckdb", results, keys) as db:
        # One president, two leaders, one day, one city: two meetings.
        assert _cluster(db, "meets-thatcher") != _cluster(db, "meets-mitterrand")
        # Two bombings in one city on one day (30 wounded, four wounded): two events; the second report
        # of the first joins the first.
        assert _cluster(db, "bomb-fenastras") != _cluster(db, "bomb-comadres")
        assert _cluster(db, "bomb-fenastras-again") == _cluster(db, "bomb-fenastras")


@pytest.mark.parametrize(
    "order", [["strike-pentagon", "strike-tehran"], ["strike-tehran", "strike-pentagon"]]
)
def test_clusters_arrival_in_either_order_links_the_same_reports(tmp_path, results, order):
    keys = [*order, "bomb-fenastras", "bomb-comadres", "bomb-fenastras-again"]
    with _store(tmp_path / "a.duckdb", results, keys) as db:
        assert _partition(db) == {
            frozenset({"strike-pentagon", "strike-tehran"}),
            frozenset({"bomb-fenastras", "bomb-fenastras-again"}),
        }
        # The first to arrive founded the cluster: its id is that report's first event's.
        assert db.events(distinct=True, article_id=order[1])[0]["mentions"][0].startswith("ev-")


def test_clusters_ingesting_again_changes_nothing(tmp_path, results):
    path = tmp_path / "a.duckdb"
    keys = ["strike-pentagon", "strike-tehran", "bomb-fenastras"]
    with _store(path, results, keys) as db:
        before = db._conn.raw().execute("SELECT * FROM clusters ORDER BY id").fetchall()
        assert [db.store(results[k]) for k in keys] == ["skipped"] * 3
        assert db._conn.raw().execute("SELECT * FROM clusters ORDER BY id").fetchall() == before


def test_clusters_follow_an_updated_article(tmp_path, results, extractor):
    path = tmp_path / "a.duckdb"
    with _store(path, results, ["strike-pentagon", "strike-tehran"]) as db:
        cluster_id = _cluster(db, "strike-pentagon")
        # The founding report is corrected to say something else: it leaves, the cluster keeps its id.
        changed = extractor.extract_article(
            Article(
                id="strike-pentagon",
                date=STRIKE_DAY,
                text="Japan and China signed a trade agreement on Monday.",
            )
        )
        assert db.store(changed, update=True) == "updated"
        assert _cluster(db, "strike-tehran") == cluster_id
        row = next(r for r in db.events(distinct=True) if r["id"] == cluster_id)
        assert row["sources"] == 1 and row["article_ids"] == ["strike-tehran"]
        assert _cluster(db, "strike-pentagon") != cluster_id
        # The last report of it changes too: the cluster, empty, is gone.
        gone = extractor.extract_article(
            Article(
                id="strike-tehran",
                date=STRIKE_DAY,
                text="Brazil and Argentina held talks in Brasilia on Monday.",
            )
        )
        assert db.store(gone, update=True) == "updated"
        assert db._conn.raw().execute(
            "SELECT count(*) FROM clusters WHERE id = ?", [cluster_id]
        ).fetchall() == [(0,)]
        members = db._conn.raw().execute("SELECT sum(member_count) FROM clusters").fetchall()[0][0]
        assert members == db.count_events() + sum(
            db.count_records(t) for t in ("agreement", "deal", "meeting")
        )


def _as_schema_2(source: Path, target: Path) -> None:
    """A copy of ``source`` as schema 2 left files: no clusters table, no cluster ids, no counts."""
    with duckdb.connect(str(target)) as con:
        con.execute(f"ATTACH '{source}' AS new (READ_ONLY)")
        tables = [
            t
            for (t,) in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'new'"
            ).fetchall()
        ]
        for table in tables:
            if table == "clusters":
                continue
            dropped = {"events": ["cluster_id", "counts"]}.get(table, [])
            columns = [
                f'"{c}"'
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE database_name = 'new' AND table_name = ?"
                    " ORDER BY column_index",
                    [table],
                ).fetchall()
                if c not in dropped
            ]
            con.execute(f"CREATE TABLE {table} AS SELECT {', '.join(columns)} FROM new.{table}")
        for table in ("agreements", "deals", "meetings"):
            con.execute(f"UPDATE {table} SET cluster_id = NULL")
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (2, now()::TIMESTAMP)")
        con.execute("DETACH new")


def test_clusters_an_older_file_is_linked_when_opened_for_writing(tmp_path, results):
    path = tmp_path / "old.duckdb"
    with _store(path, results, ["strike-pentagon", "strike-tehran"]) as db:
        expected = _partition(db)
    _as_schema_2(path, tmp_path / "schema2.duckdb")
    path = tmp_path / "schema2.duckdb"
    with Database(path, read_only=True) as db:  # read-only: served as it is, without clusters
        assert all(e["cluster_id"] is None for e in db.events())
        with pytest.raises(Exception, match="written before clusters existed"):
            db.events(distinct=True)
        assert db.network(count="clusters") == db.network(count="mentions")
    with Database(path) as db:  # opened for writing: migrated and linked
        assert _partition(db) == expected
        assert all(e["cluster_id"].startswith("cl-") for e in db.events())
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_clusters_aggregates_count_real_events_unless_asked_for_mentions(tmp_path, results):
    with _store(tmp_path / "a.duckdb", results, ["strike-pentagon", "strike-tehran"]) as db:
        # The strike is reported twice (once without a recipient): one real event, two mentions.
        clusters = db.dyad_timeline("USA", None, interval="month")
        mentions = db.dyad_timeline("USA", None, interval="month", count="mentions")
        assert sum(p["events"] for p in clusters) == sum(p["events"] for p in mentions) - 1
        nodes = {n["code"]: n["events"] for n in db.network()["nodes"]}
        nodes_mentions = {n["code"]: n["events"] for n in db.network(count="mentions")["nodes"]}
        assert nodes["USA"] == nodes_mentions["USA"] - 1
        usa = next(a for a in db.actors() if a["code"] == "USA")
        assert usa["events"] < next(a for a in db.actors(count="mentions") if a["code"] == "USA")["events"]
        with pytest.raises(ValueError, match="count must be one of"):
            db.network(count="articles")


def test_clusters_real_reuters_reports_of_one_strike_are_linked(tmp_path, extractor, shared_dir):
    from accord.evaluate.reuters import read_reuters

    articles = list(read_reuters(shared_dir, ["reut-21459", "reut-21443", "reut-975", "reut-1248"]))
    found = {r.article.id: r for r in extractor.extract_articles(articles)}
    with _store(tmp_path / "r.duckdb", found, ["reut-21459", "reut-21443", "reut-975", "reut-1248"]) as db:
        # "U.S. warships attacked and destroyed an Iranian oil platform" (Washington) and Iran's own report
        # of the attack (Nicosia): one strike.
        strike = {
            e["cluster_id"] for e in db.events(article_id="reut-21459") if e["trigger"]["text"] == "destroyed"
        }
        assert strike & {e["cluster_id"] for e in db.events(article_id="reut-21443")}
        # Brazil's finance minister in Paris and in Bonn on one day of his tour: two meetings.
        assert _cluster(db, "reut-975") != _cluster(db, "reut-1248")


def test_clusters_connection_knows_whether_a_file_has_clusters(tmp_path, results):
    with _store(tmp_path / "a.duckdb", results, ["strike-pentagon"]) as db:
        assert db._conn.clustered
    assert isinstance(Connection(tmp_path / "a.duckdb", read_only=True).clustered, bool)


def test_clusters_a_reused_founder_id_gets_a_fresh_cluster_id(tmp_path, results, extractor):
    """A cluster outliving its founder keeps the founder's id; the founder, written again with other
    words and no longer linked, founds a cluster of another id."""
    with _store(tmp_path / "a.duckdb", results, ["strike-pentagon", "strike-tehran"]) as db:
        kept = _cluster(db, "strike-pentagon")
        result = results["strike-pentagon"]
        # The same trigger at the same offset (so the same event id), but another day: not the same strike.
        moved = dataclasses.replace(result.article, date=dt.date(1987, 12, 20))
        redated = extractor.extract_article(moved)
        assert redated.events[0].id == result.events[0].id
        assert db.store(redated, update=True) == "updated"
        assert _cluster(db, "strike-tehran") == kept
        assert _cluster(db, "strike-pentagon") not in (kept, None)


def test_clusters_an_updated_article_keeps_the_cluster_ids_of_its_unchanged_events(
    tmp_path, results, extractor
):
    with _store(tmp_path / "a.duckdb", results, ["meets-thatcher"]) as db:
        before = _cluster(db, "meets-thatcher")
        result = results["meets-thatcher"]
        # A correction after the event's sentence: same event, same id; its cluster (of it alone) keeps its id.
        fixed = dataclasses.replace(
            result.article, text=result.article.text + " They discussed arms control."
        )
        assert db.store(extractor.extract_article(fixed), update=True) == "updated"
        assert _cluster(db, "meets-thatcher") == before
