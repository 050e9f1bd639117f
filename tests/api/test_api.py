"""The HTTP API against a real uvicorn server and a real DuckDB file (see conftest.py).

Expected answers are computed from the database's own full event list (one ``limit=1000`` page),
so the tests hold for any fixture database, not only the hand-made one.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import inspect
import io
import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from accord.api import create_app, serve
from accord.api.export import CSV_COLUMNS, events_to_csv
from accord.api.routes.dashboard import WEB_DIR
from accord.base.partial_dates import date_bounds
from accord.errors import StoreError


@pytest.fixture(scope="module")
def all_events(client: httpx.Client) -> list[dict[str, Any]]:
    body = client.get("/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["events"]) > 0
    return body["events"]


def codes(event: dict[str, Any], side: str) -> set[str]:
    return {entity["code"] for entity in event[side]}


def involves(event: dict[str, Any], code: str) -> bool:
    return code in codes(event, "actor") | codes(event, "recipient")


def between(event: dict[str, Any], a: str, b: str) -> bool:
    actors, recipients = codes(event, "actor"), codes(event, "recipient")
    return (a in actors and b in recipients) or (b in actors and a in recipients)


def period(event: dict[str, Any]) -> tuple[dt.date, dt.date]:
    return date_bounds(event["date"])[0], date_bounds(event["enddate"] or event["date"])[1]


def assert_error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"status", "error"}
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"] and "\n" not in body["error"]
    return body["error"]


# -- /health, /openapi.json, /docs ---------------------------------------------------------------


def test_api_health_reports_read_only_and_event_count(client, all_events):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["read_only"] is True
    assert body["events"] == len(all_events)


def test_api_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/events",
        "/events/{event_id}",
        "/articles",
        "/articles/{article_id}",
        "/actors",
        "/actors/{a}/timeline",
        "/dyads/{a}/{b}/timeline",
        "/network",
        "/timeline",
        "/overview",
        "/places",
        "/codes",
        "/flags",
        "/events/{event_id}/flags",
        "/health",
        "/extract",
    ):
        assert path in spec["paths"], path
    params = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert params["actor"]["schema"]["anyOf"][0]["pattern"] == "^[A-Za-z]{3}$"
    assert params["limit"]["schema"]["maximum"] == 1000
    assert {"role", "min_confidence", "background", "flagged", "shape"} <= set(params)
    # Every event answer takes the same filters.
    for path in ("/timeline", "/network", "/places", "/overview", "/actors"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert {"actor", "role", "dyad", "type", "quad_class", "status", "q", "min_confidence"} <= names, path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "openapi-3.0.json" in docs.text


def test_api_docs_page_works_offline(client):
    # Swagger UI is served from the installed swagger-ui-bundle, not from a CDN.
    docs = client.get("/docs").text
    assert "cdn." not in docs and "/docs-assets/swagger-ui-bundle.js" in docs
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text


def test_api_serve_binds_loopback_by_default():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


# -- /events: filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"actor": "IND"}, lambda e: involves(e, "IND")),
        ({"actor": "CHN"}, lambda e: involves(e, "CHN")),
        ({"dyad": "IND,RUS"}, lambda e: between(e, "IND", "RUS")),
        ({"dyad": "RUS,IND"}, lambda e: between(e, "IND", "RUS")),
        (
            {"dyad": "USA,CHN", "type": "SANCTION"},
            lambda e: between(e, "USA", "CHN") and e["event"] == "SANCTION",
        ),
        ({"type": "CONSULT"}, lambda e: e["event"] == "CONSULT"),
        ({"quad_class": 3}, lambda e: e["quad_class"] == 3),
        ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
        ({"status": "planned"}, lambda e: e["status"] == "planned"),
        ({"status": "hypothetical"}, lambda e: e["status"] == "hypothetical"),
        ({"start": "2022"}, lambda e: period(e)[1] >= dt.date(2022, 1, 1)),
        ({"end": "2021-06"}, lambda e: period(e)[0] <= dt.date(2021, 6, 30)),
        (
            {"start": "2021-12-06", "end": "2021-12-07"},
            lambda e: period(e)[1] >= dt.date(2021, 12, 6) and period(e)[0] <= dt.date(2021, 12, 7),
        ),
        ({"q": "tariffs"}, lambda e: "tariffs" in e["text"].lower()),
        ({"q": "Assault Rifles"}, lambda e: "assault rifles" in e["text"].lower()),
        (
            {"actor": "IND", "status": "occurred", "quad_class": 1},
            lambda e: involves(e, "IND") and e["quad_class"] == 1 and e["status"] == "occurred",
        ),
    ],
)
def test_api_events_filters_match_the_full_list(client, all_events, params, keep):
    body = client.get("/events", params={**params, "limit": 1000}).json()
    expected = [e["id"] for e in all_events if keep(e)]
    assert expected, f"the fixture has no event for {params}"
    assert body["total"] == len(expected)
    assert sorted(e["id"] for e in body["events"]) == sorted(expected)


def test_api_events_article_filter(client, all_events):
    article_id = all_events[0]["article_id"]
    body = client.get("/events", params={"article_id": article_id}).json()
    assert body["total"] == sum(e["article_id"] == article_id for e in all_events)


def test_api_events_filter_with_no_match_is_empty_not_an_error(client):
    body = client.get("/events", params={"dyad": "ZZZ,QQQ"}).json()
    assert body == {"total": 0, "limit": 100, "offset": 0, "events": []}


@pytest.mark.parametrize("order", ["date", "-date", "goldstein", "-goldstein", "confidence", "-confidence"])
def test_api_events_order(client, order):
    events = client.get("/events", params={"order": order, "limit": 1000}).json()["events"]
    field = order.lstrip("-")
    values = [date_bounds(e["date"])[0] if field == "date" else e[field] for e in events]
    assert values == sorted(values, reverse=order.startswith("-"))


# -- /events: paging -----------------------------------------------------------------------------


def test_api_events_pages_cover_everything_once(client, all_events):
    seen: list[str] = []
    offset = 0
    while True:
        body = client.get("/events", params={"limit": 7, "offset": offset}).json()
        assert body["limit"] == 7 and body["offset"] == offset and body["total"] == len(all_events)
        if not body["events"]:
            break
        assert len(body["events"]) <= 7
        seen += [e["id"] for e in body["events"]]
        offset += 7
    assert seen == [e["id"] for e in all_events]


def test_api_events_default_and_largest_page(client, all_events):
    assert client.get("/events").json()["limit"] == 100
    assert client.get("/events", params={"limit": 1000}).status_code == 200
    past_end = client.get("/events", params={"offset": len(all_events) + 5}).json()
    assert past_end["events"] == [] and past_end["total"] == len(all_events)


# -- validation errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"actor": "INDIA"}, 422, "3-letter"),
        ({"actor": "IN1"}, 422, "actor"),
        ({"dyad": "IND"}, 422, "dyad"),
        ({"dyad": "IND;RUS"}, 422, "comma"),
        ({"role": "both"}, 422, "role"),
        ({"flagged": "no"}, 422, "flagged"),
        ({"min_confidence": 2}, 422, "min_confidence"),
        ({"shape": "tree"}, 422, "shape"),
        ({"dyad": "IND,RUS,CHN"}, 422, "dyad"),
        ({"type": "HUG"}, 422, "type"),
        ({"quad_class": 5}, 422, "quad_class"),
        ({"quad_class": "one"}, 422, "quad_class"),
        ({"status": "done"}, 422, "status"),
        ({"start": "2021-1-1"}, 422, "YYYY"),
        ({"start": "06/12/2021"}, 422, "YYYY"),
        ({"end": "2021-02-30"}, 422, "calendar"),
        ({"start": "2021-13"}, 422, "calendar"),
        ({"start": "2022", "end": "2021-12"}, 400, "after"),
        ({"q": ""}, 422, "q"),
        ({"q": "x" * 201}, 422, "q"),
        ({"limit": 0}, 422, "limit"),
        ({"limit": 1001}, 422, "limit"),
        ({"limit": "many"}, 422, "limit"),
        ({"offset": -1}, 422, "offset"),
        ({"format": "xml"}, 422, "format"),
        ({"order": "title"}, 422, "order"),
        ({"order": "date; DROP TABLE events"}, 422, "order"),
    ],
)
def test_api_events_rejects_bad_parameters(client, params, status, words):
    error = assert_error(client.get("/events", params=params), status)
    assert words in error


@pytest.mark.parametrize(
    "path",
    [
        "/dyads/IND/rus1/timeline",
        "/dyads/IND/RUS/timeline?interval=decade",
        "/actors/INDIA/timeline",
        "/network?min_events=0",
        "/network?limit=501",
        "/network?start=yesterday",
        "/actors?limit=1001",
        "/articles?offset=-3",
    ],
)
def test_api_other_routes_reject_bad_parameters(client, path):
    assert_error(client.get(path), 422)


@pytest.mark.parametrize("path", ["/events/no-such-event", "/articles/no-such-article", "/no/such/path"])
def test_api_unknown_ids_and_paths_are_404_json(client, path):
    assert_error(client.get(path), 404)


def test_api_wrong_method_is_json(client):
    assert_error(client.delete("/events"), 405)


# -- /events: formats ----------------------------------------------------------------------------


def test_api_events_csv_is_the_same_page(client):
    params = {"dyad": "IND,RUS", "limit": 5, "offset": 2}
    page = client.get("/events", params=params).json()
    response = client.get("/events", params={**params, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == str(page["total"])
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["id"] for r in rows] == [e["id"] for e in page["events"]]
    for row, event in zip(rows, page["events"], strict=True):
        assert row["actor_codes"] == ";".join(a["code"] for a in event["actor"])
        assert row["trigger"] == event["trigger"]["text"]
        assert float(row["goldstein"]) == event["goldstein"]
        assert row["text"] == event["text"]


def test_api_events_jsonl_is_the_same_page(client):
    params = {"actor": "USA", "limit": 3}
    page = client.get("/events", params=params).json()
    response = client.get("/events", params={**params, "format": "jsonl"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = response.text.splitlines()
    assert [json.loads(line) for line in lines] == page["events"]


def test_api_events_conform_to_the_contract_schema(client, shared_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared_dir / "contract" / "event.schema.json").read_text())
    for event in client.get("/events", params={"limit": 1000}).json()["events"]:
        jsonschema.validate(event, schema)


def test_api_events_distinct_gives_one_row_per_real_event(client):
    mentions = client.get("/events", params={"limit": 1000}).json()
    assert all(e["cluster_id"].startswith("cl-") for e in mentions["events"])
    distinct = client.get("/events", params={"limit": 1000, "distinct": "true"}).json()
    rows = distinct["events"]
    assert distinct["total"] == len(rows) == len({e["cluster_id"] for e in mentions["events"]})
    # Every mention is in exactly one row, and each row names its articles.
    assert sorted(m for r in rows for m in r["mentions"]) == sorted(e["id"] for e in mentions["events"])
    by_id = {e["id"]: e for e in mentions["events"]}
    for row in rows:
        assert row["id"] == row["cluster_id"] and row["sources"] == len(row["article_ids"]) >= 1
        assert {by_id[m]["article_id"] for m in row["mentions"]} == set(row["article_ids"])
    by_sources = client.get("/events", params={"distinct": "true", "order": "-sources"}).json()["events"]
    assert [r["sources"] for r in by_sources] == sorted((r["sources"] for r in by_sources), reverse=True)
    page = client.get("/events", params={"distinct": "true", "format": "csv", "actor": "IND"})
    assert page.status_code == 200 and page.headers["x-total-count"] == str(
        len(list(csv.DictReader(io.StringIO(page.text))))
    )
    first = next(csv.DictReader(io.StringIO(page.text)))
    assert first["cluster_id"] == first["id"] and int(first["sources"]) >= 1 and first["mentions"]


@pytest.mark.parametrize(
    ("params", "status"), [({"order": "sources"}, 400), ({"order": "confidence", "distinct": "true"}, 400)]
)
def test_api_events_distinct_orders(client, params, status):
    assert client.get("/events", params=params).status_code == status


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1 vote", "-5 points", "@SUM(A1)"])
def test_api_csv_defuses_formula_like_text(text):
    event = {"id": "e1", "text": text, "goldstein": -5.0, "trigger": {"text": text}}
    row = next(csv.DictReader(io.StringIO(events_to_csv([event]))))
    assert row["text"] == "'" + text and row["trigger"] == "'" + text
    assert row["goldstein"] == "-5.0"


# -- single events and articles ------------------------------------------------------------------


def test_api_event_by_id(client, all_events):
    for event in all_events[:: max(1, len(all_events) // 5)]:
        assert client.get(f"/events/{event['id']}").json() == event


def evidence(event: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    items = [("actor", a) for a in event["actor"]] + [("recipient", r) for r in event["recipient"]]
    items += [("trigger", event["trigger"])]
    items += [("quantity", q) for q in event["quantities"]] + [("money", m) for m in event["money"]]
    if event.get("date_evidence"):
        items.append(("date", event["date_evidence"]))
    return items


def test_api_article_has_text_and_every_events_evidence(client, all_events):
    article_ids = sorted({e["article_id"] for e in all_events})
    for article_id in article_ids:
        article = client.get(f"/articles/{article_id}").json()
        assert {"id", "date", "title", "url", "source", "text", "events"} <= set(article)
        text = article["text"]
        assert sorted(e["id"] for e in article["events"]) == sorted(
            e["id"] for e in all_events if e["article_id"] == article_id
        )
        for event in article["events"]:
            info = event["text_info"]
            assert text[info["start"] : info["end"]] == event["text"]
            for kind, item in evidence(event):
                shown = item.get("text", item.get("entity_text"))
                assert text[item["start"] : item["end"]] == shown, (article_id, kind, item)


def test_api_article_with_markup_comes_back_verbatim(tmp_path, fixture_db):
    from accord.store import Database

    text = f"France {fixture_db.XSS_SCRIPT} protested to Germany {fixture_db.XSS_IMG} on Sunday."
    spec = fixture_db.Spec(
        text, "protested", "PROTEST", "141", -6.5, 3, [("France", "FRA")], [("Germany", "DEU")]
    )
    with Database(tmp_path / "markup.duckdb") as db:
        db.write_result(fixture_db.make_result("markup-1", "2022-05-08", fixture_db.XSS_IMG, text, [spec]))
    with fixture_db.running_server(create_app(tmp_path / "markup.duckdb")) as url:
        article = httpx.get(f"{url}/articles/markup-1").json()
        csv_text = httpx.get(f"{url}/events", params={"format": "csv"}).text
    assert article["text"] == text and article["title"] == fixture_db.XSS_IMG
    assert fixture_db.XSS_SCRIPT in next(csv.DictReader(io.StringIO(csv_text)))["text"]


def test_api_articles_list_pages(client, all_events):
    first = client.get("/articles", params={"limit": 2}).json()
    second = client.get("/articles", params={"limit": 2, "offset": 2}).json()
    assert len(first["articles"]) == 2 and len(second["articles"]) == 2
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    everything = client.get("/articles", params={"limit": 1000}).json()["articles"]
    assert {a["id"] for a in everything} == {e["article_id"] for e in all_events}


# -- actors, timelines, network ------------------------------------------------------------------


def test_api_actors_ranked_by_events(client, all_events):
    actors = client.get("/actors", params={"limit": 1000}).json()["actors"]
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    for actor in actors[:3]:
        assert actor["events"] == sum(involves(e, actor["code"]) for e in all_events)
        for partner in actor["top_partners"]:
            assert partner["events"] == sum(between(e, actor["code"], partner["code"]) for e in all_events)
    assert len(client.get("/actors", params={"limit": 2}).json()["actors"]) == 2


def series(event: dict[str, Any]) -> str:
    """The timeline series an event counts in, as the store defines it."""
    if event["status"] == "negated":
        return "negated"
    if period(event)[1] < dt.date.fromisoformat(event["report_date"]) - dt.timedelta(days=90):
        return "background"
    if event["status"] in ("planned", "hypothetical"):
        return event["status"]
    return f"q{event['quad_class']}"


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_api_dyad_timeline_adds_up(client, all_events, interval):
    body = client.get("/dyads/IND/RUS/timeline", params={"interval": interval, "background": "true"}).json()
    assert body["actor"] == "IND" and body["partner"] == "RUS" and body["interval"] == interval
    periods = body["periods"]
    pair = [e for e in all_events if between(e, "IND", "RUS")]
    assert sum(p["events"] for p in periods) == len(pair) == body["events"]
    for p in periods:
        assert p["events"] > 0  # only non-empty periods
        assert sum(p[name] for name in body["totals"]) == p["events"]
        assert dt.date.fromisoformat(p["start"]) <= dt.date.fromisoformat(p["end"])
    for name, total in body["totals"].items():
        assert total == sum(series(e) == name for e in pair), name
    starts = [dt.date.fromisoformat(p["period"]) for p in periods]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    if interval == "week":
        assert all(d.weekday() == 0 for d in starts)
    if interval == "month":
        assert all(d.day == 1 for d in starts)


def test_api_timeline_defaults_to_the_reporting_window(client, all_events):
    body = client.get("/actors/ind/timeline").json()
    mine = [e for e in all_events if involves(e, "IND") and series(e) != "background"]
    reports = sorted(e["report_date"] for e in mine)
    assert body["window"] == {"start": reports[0], "end": reports[-1]}
    assert body["span"]["start"] <= reports[0] and body["span"]["end"] >= reports[-1]
    drawn = sum(p["events"] for p in body["periods"])
    assert drawn + body["outside"]["before"] + body["outside"]["after"] == body["events"] == len(mine)
    assert body["background"] is False


def test_api_compact_timeline_is_small(client):
    """A daily timeline over years answers with its non-empty days only."""
    body = client.get("/timeline", params={"interval": "day", "background": "true"}).json()
    span = dt.date.fromisoformat(body["span"]["end"]) - dt.date.fromisoformat(body["span"]["start"])
    assert span.days > 300 and 0 < len(body["periods"]) < 60
    assert client.get("/timeline", params={"interval": "auto", "background": "true"}).json()["interval"] in (
        "week",
        "month",
        "year",
    )


def test_api_timeline_is_filtered_like_events(client, all_events):
    for params in ({"status": "occurred"}, {"type": "ACCUSE"}, {"quad_class": 4}, {"q": "talks"}):
        body = client.get("/timeline", params={**params, "background": "true"}).json()
        total = client.get("/events", params={**params, "limit": 1}).json()["total"]
        assert body["events"] == total == sum(p["events"] for p in body["periods"]), params


def test_api_dyad_timeline_quad_counts(client, all_events):
    periods = client.get("/dyads/USA/CHN/timeline", params={"background": "true"}).json()["periods"]
    for q in (1, 2, 3, 4):
        expected = sum(between(e, "USA", "CHN") and series(e) == f"q{q}" for e in all_events)
        assert sum(p[f"q{q}"] for p in periods) == expected


def test_api_actor_timeline_and_date_range(client, all_events):
    body = client.get("/actors/IND/timeline", params={"start": "2022", "end": "2022-12"}).json()
    assert body["partner"] is None
    assert body["window"] == {"start": "2022-01-01", "end": "2022-12-31"}
    expected = sum(
        involves(e, "IND")
        and series(e) != "background"
        and period(e)[1] >= dt.date(2022, 1, 1)
        and period(e)[0] <= dt.date(2022, 12, 31)
        for e in all_events
    )
    assert body["events"] == expected
    assert client.get("/dyads/ZZZ/QQQ/timeline").json()["periods"] == []


def test_api_network_edges_are_directed_and_open_their_events(client, all_events):
    network = client.get("/network", params={"min_events": 2}).json()
    assert network["edges"]
    nodes = {n["code"] for n in network["nodes"]}
    for edge in network["edges"]:
        assert edge["events"] >= 2
        assert {edge["source"], edge["target"]} <= nodes
        pair = [
            e
            for e in all_events
            if edge["source"] in codes(e, "actor") and edge["target"] in codes(e, "recipient")
        ]
        assert edge["events"] == len(pair)
        # The edge's events are /events with the dyad and the actor role.
        listed = client.get(
            "/events", params={"dyad": f"{edge['source']},{edge['target']}", "role": "actor", "limit": 1}
        ).json()["total"]
        assert listed == edge["events"]
        assert edge["cooperation"] == sum(series(e) in ("q1", "q2") for e in pair)
        assert edge["conflict"] == sum(series(e) in ("q3", "q4") for e in pair)
        assert edge["source_name"] and edge["target_name"]
    assert len(client.get("/network", params={"limit": 2}).json()["edges"]) == 2
    ego = client.get("/network", params={"ego": "rus"}).json()
    assert ego["edges"] and all("RUS" in (e["source"], e["target"]) for e in ego["edges"])


# -- POST /extract -------------------------------------------------------------------------------


def test_api_extract_returns_events_and_stores_nothing(client):
    before = client.get("/health").json()["events"]
    response = client.post("/extract", json={"text": "One. Two.", "date": "2021-12-06", "article_id": "a1"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [e["text"] for e in body["events"]] == ["One.", "Two."]
    assert body["events"][0]["report_date"] == "2021-12-06" and body["events"][0]["article_id"] == "a1"
    assert client.get("/health").json()["events"] == before


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({"date": "2021-12-06"}, "text is required"),
        ({"text": "Hi."}, "date is required"),
        ({"text": "", "date": "2021-12-06"}, "text"),
        ({"text": "Hi.", "date": "6 Dec 2021"}, "YYYY-MM-DD"),
        ({"text": "Hi.", "date": "2021-12"}, "YYYY-MM-DD"),
        ({"text": "Hi.", "date": "2021-02-30"}, "calendar"),
        ({"text": 5, "date": "2021-12-06"}, "text"),
    ],
)
def test_api_extract_validates_the_body(client, payload, words):
    assert words in assert_error(client.post("/extract", json=payload), 422)


def test_api_extract_malformed_json_is_400(client):
    response = client.post(
        "/extract", content=b'{"text": "Hi.", ', headers={"content-type": "application/json"}
    )
    assert "JSON" in assert_error(response, 400)


def test_api_extract_body_limit_declared_length(client):
    response = client.post("/extract", json={"text": "x" * 20_000, "date": "2021-12-06"})
    assert "10000 bytes" in assert_error(response, 413)


def test_api_extract_body_limit_chunked(client):
    def chunks():
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 1000
        yield b'", "date": "2021-12-06"}'

    response = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert_error(response, 413)


def test_api_extract_just_under_the_limit_is_served(client):
    payload = json.dumps({"text": "z" * 9_000 + ".", "date": "2021-12-06"}).encode()
    assert len(payload) < 10_000
    response = client.post("/extract", content=payload, headers={"content-type": "application/json"})
    assert response.status_code == 200 and response.json()["count"] == 1


def test_api_extract_failure_is_500_json(api_db, fixture_db):
    from accord_test_extractors import broken_extractor

    with fixture_db.running_server(create_app(api_db, extractor=broken_extractor)) as url:
        response = httpx.post(f"{url}/extract", json={"text": "Hi.", "date": "2021-12-06"})
    assert assert_error(response, 500) == "internal error: RuntimeError"


def test_api_extract_with_the_real_extractor(api_db, fixture_db):
    import accord

    assert callable(accord.extract)
    text = "India and Russia signed four defence agreements on Monday, officials said."
    with fixture_db.running_server(create_app(api_db)) as url:
        response = httpx.post(f"{url}/extract", json={"text": text, "date": "2021-12-06"}, timeout=120)
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert any(between(e, "IND", "RUS") for e in events)
    assert all(text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"] for e in events)


# -- read-only, missing database, dashboard headers ----------------------------------------------


def test_api_read_only_leaves_the_file_untouched(api_db, tmp_path, fixture_db):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(api_db, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns
    with fixture_db.running_server(create_app(copy)) as url:
        with httpx.Client(base_url=url) as http:
            assert http.get("/health").json()["read_only"] is True
            for path in ("/events?q=talks", "/actors", "/network", "/dyads/IND/RUS/timeline", "/articles"):
                assert http.get(path).status_code == 200
            assert http.post("/extract", json={"text": "A.", "date": "2021-12-06"}).status_code in (200, 500)
    assert (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns) == before
    assert not Path(f"{copy}.wal").exists()


def test_api_writable_app_says_so(api_db, tmp_path, fixture_db):
    copy = tmp_path / "rw.duckdb"
    shutil.copyfile(api_db, copy)
    with fixture_db.running_server(create_app(copy, writable=True)) as url:
        assert httpx.get(f"{url}/health").json()["read_only"] is False


def test_api_missing_database_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "absent.duckdb")


def test_api_dashboard_is_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert '<script type="module" src="/static/js/main.js"></script>' in page.text
    scripts = sorted(WEB_DIR.glob("js/*.js"))
    assert len(scripts) > 1
    for asset in ["/static/style.css", *(f"/static/js/{path.name}" for path in scripts)]:
        response = client.get(asset)
        assert response.status_code == 200 and response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"] == policy
    for path in scripts:
        response = client.get(f"/static/js/{path.name}")
        # Browsers run a module script only when it is served with a JavaScript type.
        assert response.headers["content-type"] == "text/javascript; charset=utf-8"
        assert "innerHTML" not in response.text and "insertAdjacentHTML" not in response.text
