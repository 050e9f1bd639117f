"""The store's aggregates (timelines, overview, network, places, actors) and flags, on the hand-built
articles of conftest.py plus a few made here for background and denied events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accord.store import Database


def short(ids: list[str]) -> set[str]:
    return {i.rsplit("-", 1)[1] for i in ids}


# -- timelines -------------------------------------------------------------------------------------


def test_aggregates_dyad_timeline_has_only_non_empty_periods_with_bounds(filled):
    rows = filled.dyad_timeline("RUS", "IND", interval="month")
    assert [(r["period"], r["start"], r["end"]) for r in rows] == [
        ("2021-01-01", "2021-01-01", "2021-01-31"),  # the 2021-2031 programme, dated "2021"
        ("2021-12-01", "2021-12-01", "2021-12-31"),
    ]
    december = rows[-1]
    # The planned summit is drawn apart from what occurred: not a consultation that took place.
    assert (december["q1"], december["q2"], december["planned"], december["events"]) == (1, 1, 1, 3)
    assert december["goldstein_sum"] == pytest.approx(15.4)  # 8.0 + 7.4: the planned summit adds nothing
    assert filled.dyad_timeline("IND", "RUS", interval="month") == rows
    weeks = filled.dyad_timeline("IND", "RUS", interval="week")
    assert [(w["start"], w["end"]) for w in weeks] == [
        ("2020-12-28", "2021-01-03"),
        ("2021-12-06", "2021-12-12"),
    ]
    assert filled.dyad_timeline("XYZ", None) == []


def test_aggregates_timeline_spans_the_reporting_window(filled):
    answer = filled.timeline(actor="IND", interval="month")
    # IND's only report is of 2021-12-06: the chart covers December, and the programme dated from
    # January 2021 is counted outside it rather than stretching the axis.
    assert answer["window"] == {"start": "2021-12-06", "end": "2021-12-06"}
    assert answer["span"] == {"start": "2021-12-01", "end": "2021-12-31"}
    assert answer["outside"] == {"before": 1, "after": 0}
    assert [p["period"] for p in answer["periods"]] == ["2021-12-01"]
    assert answer["events"] == 4 == filled.count_events(actor="IND")
    assert sum(p["events"] for p in answer["periods"]) + answer["outside"]["before"] == answer["events"]
    assert answer["totals"]["planned"] == 1 and answer["totals"]["q1"] == 1
    # An asked date range is the window.
    asked = filled.timeline(actor="IND", interval="year", start="2021", end="2022")
    assert asked["span"] == {"start": "2021-01-01", "end": "2022-12-31"}
    assert asked["outside"] == {"before": 0, "after": 0}
    empty = filled.timeline(actor="XYZ")
    assert (empty["events"], empty["window"], empty["periods"]) == (0, None, [])


@pytest.mark.parametrize("interval", ["hour", "month'--", ""])
def test_aggregates_timeline_rejects_unknown_interval(filled, interval):
    with pytest.raises(ValueError, match="interval"):
        filled.timeline(actor="IND", interval=interval)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory, kit: Any) -> Any:
    """One report recalling a war of 1980 (background), denying a recognition, and planning a visit."""
    text = (
        "Iraq invaded Iran in September 1980, starting an eight-year war. "
        "Turkey does not recognize Cyprus, the minister said on Monday. "
        "Turkish troops shelled Kurdish positions on Sunday. "
        "Turkey will send its foreign minister to Greece next month."
    )
    result = kit.build_result(
        "tr-2006",
        "2006-06-05",
        text,
        [
            kit.Spec(
                "war",
                "ASSAULT",
                "Iraq invaded Iran in September 1980, starting an eight-year war.",
                "invaded",
                [("Iraq", "IRQ", "country")],
                [("Iran", "IRN", "country")],
                date="1980-09",
                precision="month",
            ),
            kit.Spec(
                "deny",
                "AGREE",
                "Turkey does not recognize Cyprus, the minister said on Monday.",
                "recognize",
                [("Turkey", "TUR", "country")],
                [("Cyprus", "CYP", "country")],
                status="negated",
            ),
            kit.Spec(
                "shell",
                "ASSAULT",
                "Turkish troops shelled Kurdish positions on Sunday.",
                "shelled",
                [("Turkish troops", "TUR", "group")],
                [("Kurdish positions", "KUR", "group")],
                date="2006-06-04",
                location=("Kurdish", "IRQ"),
            ),
            kit.Spec(
                "visit",
                "CONSULT",
                "Turkey will send its foreign minister to Greece next month.",
                "send",
                [("Turkey", "TUR", "country")],
                [("Greece", "GRC", "country")],
                date="2006-07",
                precision="month",
                status="planned",
            ),
        ],
    )
    db = Database(tmp_path_factory.mktemp("history") / "accord.duckdb")
    db.write_result(result)
    yield db
    db.close()


def test_aggregates_background_is_behind_a_toggle_and_drawn_apart(history):
    plain = history.timeline(interval="month")
    assert plain["events"] == 3  # the 1980 war is left out by default
    assert plain["span"] == {"start": "2006-06-01", "end": "2006-06-30"}
    assert plain["outside"] == {"before": 0, "after": 1}  # next month's planned visit
    with_history = history.timeline(interval="year", background=True)
    assert with_history["events"] == 4
    assert with_history["span"] == {"start": "1980-01-01", "end": "2006-12-31"}
    first = with_history["periods"][0]
    assert (first["period"], first["background"], first["q4"]) == ("1980-01-01", 1, 0)
    assert history.count_events(background=False) == 3 and history.count_events() == 4


def test_aggregates_a_denied_event_is_never_counted_as_the_act(history):
    june = history.timeline(actor="TUR", interval="month")["periods"][0]
    assert (june["negated"], june["q1"], june["q4"], june["events"]) == (1, 0, 1, 2)
    edge = {(e["source"], e["target"]): e for e in history.network()["edges"]}[("TUR", "CYP")]
    assert (edge["events"], edge["cooperation"], edge["negated"], edge["mean_goldstein"]) == (1, 0, 1, None)
    types = {t["event"]: t for t in history.overview()["types"]}
    assert types["AGREE"]["cooperation"] == 0 and types["AGREE"]["negated"] == 1


# -- overview, network, places, actors -------------------------------------------------------------


def test_aggregates_overview_counts_pairs_like_the_dyad_filter(filled):
    overview = filled.overview(top=3)
    assert (overview["events"], overview["articles"]) == (12, 5)
    assert (overview["first_report"], overview["last_report"]) == ("2021-12-06", "2023-11-04")
    assert overview["actors"][0] == {"code": "RUS", "events": 5}
    assert overview["pairs"][0] == {"a": "IND", "b": "RUS", "events": 4}
    for pair in overview["pairs"]:
        assert pair["events"] == filled.count_events(dyad=(pair["a"], pair["b"]))
    assert overview["types"][0]["event"] in ("AGREE", "CONSULT")
    assert [r["id"] for r in overview["latest"][:2]] == ["jp-ph-2023", "cn-us-2022"]
    # Filtered like the rest: planned events only.
    planned = filled.overview(status="planned")
    assert planned["events"] == 2 and planned["series"]["planned"] == 2


def test_aggregates_network_is_directed_and_split(filled):
    network = filled.network()
    edges = {(e["source"], e["target"]): e for e in network["edges"]}
    # "India inked ... with Russia" and "Putin will hold a summit with Modi" go opposite ways.
    assert edges[("IND", "RUS")]["events"] == 3 and edges[("RUS", "IND")]["events"] == 1
    assert edges[("RUS", "IND")]["planned"] == 1 and edges[("RUS", "IND")]["cooperation"] == 0
    assert edges[("CHN", "USA")]["conflict"] == 2
    for (source, target), edge in edges.items():
        assert edge["events"] == filled.count_events(dyad=(source, target), role="actor")
    nodes = {n["code"]: n["events"] for n in network["nodes"]}
    assert nodes["RUS"] == filled.count_events(actor="RUS")
    ego = filled.network(ego="usa")
    assert all("USA" in (e["source"], e["target"]) for e in ego["edges"]) and len(ego["edges"]) == 2
    assert filled.network(status="planned")["edges"][0]["planned"] >= 1
    assert len(filled.network(min_events=2)["edges"]) == 4
    assert filled.network(start="2040") == {"nodes": [], "edges": []}


def test_aggregates_places_and_unplaced(filled):
    answer = filled.places()
    by_name = {(p["name"], p["country_code"]): p for p in answer["places"]}
    # The fixture's locations carry no coordinates: they are placed by their country.
    assert by_name[(None, "AFG")]["events"] == 1 and by_name[(None, "AFG")]["precision"] == "country"
    assert by_name[(None, "PHL")]["cooperation"] == 1
    assert answer["unplaced"] == 10
    assert filled.places(actor="JPN")["unplaced"] == 1


# -- flags -----------------------------------------------------------------------------------------


def test_aggregates_flags_leave_counts_and_survive_reingest(tmp_path, kit):
    path = tmp_path / "flags.duckdb"
    seed = kit.seed_result()
    with Database(path) as db:
        db.write_result(seed)
        inked = db.events(text="inked")[0]
        flag = db.add_flag(
            inked["id"], problem="type", note="four agreements, counted once", correction="AGREE x4"
        )
        assert flag["event"] == "AGREE" and flag["actor_codes"] == ["IND"] and flag["trigger_text"] == "inked"
        assert db.count_events(flagged="exclude") == 3 and db.count_events(flagged="only") == 1
        assert db.overview(flagged="exclude")["events"] == 3
        assert db.timeline(flagged="exclude", background=True)["events"] == 3
        with pytest.raises(ValueError, match="problem"):
            db.add_flag(inked["id"], problem="mood", note="x")
        with pytest.raises(ValueError, match="note"):
            db.add_flag(inked["id"], problem="type", note="  ")
        with pytest.raises(LookupError):
            db.add_flag("ev-missing", problem="type", note="x")
        # The article comes again with a sentence more: replaced, and the flag still names the event.
        text = seed.article.text + " The talks went on into the night."
        changed = type(seed)(
            article=type(seed.article)(**{**seed.article.__dict__, "text": text}), events=seed.events
        )
        assert db.store(changed, update=True) == "updated"
        assert [f["id"] for f in db.flags()] == [flag["id"]]
        assert db.count_events(flagged="only") == 1
        db.remove_flag(flag["id"])
        assert db.flags() == [] and db.count_events(flagged="exclude") == 4
        with pytest.raises(LookupError):
            db.remove_flag(flag["id"])
    with Database(path, read_only=True) as db:
        from accord.errors import StoreError

        with pytest.raises(StoreError, match="read-only"):
            db.add_flag(inked["id"], problem="type", note="x")


def test_aggregates_a_file_without_the_flags_table_reads(tmp_path, kit):
    """A file of schema 2 opened read-only has no flags table: nothing is flagged there."""
    import duckdb

    path = tmp_path / "old.duckdb"
    with Database(path) as db:
        db.write_result(kit.seed_result())
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE flags")
    con.execute("UPDATE schema_version SET version = 2")
    con.close()
    with Database(path, read_only=True) as db:
        assert db.count_events(flagged="exclude") == 4 and db.count_events(flagged="only") == 0
        assert db.flags() == [] and db.overview(flagged="exclude")["events"] == 4


def test_aggregates_periods_have_iso_bounds(filled):
    for interval in ("day", "week", "month", "year"):
        for row in filled.dyad_timeline("IND", "RUS", interval=interval):
            start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
            assert start <= end and row["period"] == row["start"]
