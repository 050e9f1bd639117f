"""``GET /agreements``, ``/deals``, ``/meetings`` and each ``/{id}``, on a real server over samples/ run
through the real pipeline: the seed's seven records, filters, paging, formats, errors and OpenAPI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED_ID = "000_5d68f7ddc8901266"


@pytest.fixture(scope="module")
def records_client(
    nlp: Any, fixture_db: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    from accord.api import create_app
    from accord.ingest import read_articles
    from accord.pipeline import Extractor
    from accord.records import Article
    from accord.store import Database

    path = tmp_path_factory.mktemp("api-records") / "samples.duckdb"
    articles = [a for a in read_articles([SAMPLES]) if isinstance(a, Article)]
    with Database(path) as db:
        db.write_results(Extractor(nlp).extract_articles(articles))
    with fixture_db.running_server(create_app(path)) as url, httpx.Client(base_url=url, timeout=10) as http:
        yield http


def page(client: httpx.Client, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_api_records_of_the_seed(records_client, seed_records):
    found = {kind: page(records_client, f"/{kind}")[kind] for kind in ("agreements", "deals", "meetings")}
    seed_records.check_seed_records(found["agreements"], found["deals"], found["meetings"])
    assert all(r["cluster_id"].startswith("cl-") for records in found.values() for r in records)


def test_api_records_distinct_gives_one_row_per_cluster(records_client):
    every = page(records_client, "/meetings")
    distinct = page(records_client, "/meetings", distinct="true")
    assert distinct["total"] == len({m["cluster_id"] for m in every["meetings"]})
    assert sorted(i for m in distinct["meetings"] for i in m["member_ids"]) == sorted(
        m["id"] for m in every["meetings"]
    )
    assert all(m["id"] == m["cluster_id"] and m["sources"] >= 1 for m in distinct["meetings"])


def test_api_record_by_id_and_in_its_article(records_client):
    meetings = page(records_client, "/meetings", article_id=SEED_ID)["meetings"]
    summit = meetings[-1]
    assert page(records_client, f"/meetings/{summit['id']}") == summit
    missing = records_client.get(f"/deals/{summit['id']}")
    assert missing.status_code == 404 and missing.json()["error"] == f"no deal with id {summit['id']!r}"
    article = page(records_client, f"/articles/{SEED_ID}")
    assert [m["id"] for m in article["meetings"]] == [m["id"] for m in meetings]
    assert len(article["agreements"]) == 3 and len(article["deals"]) == 1
    text = article["text"]
    for record in article["agreements"] + article["deals"] + article["meetings"]:
        assert all(text[m["start"] : m["end"]] == m["text"] for m in record["mentions"])


def test_api_records_filters_and_paging(records_client):
    planned = page(records_client, "/meetings", actor="RUS", status="planned", start="2021-12-06")
    assert planned["total"] == 2 and [m["kind"] for m in planned["meetings"]] == ["dialogue", "summit"]
    first = page(records_client, "/meetings", limit=1, offset=0, order="-date")
    second = page(records_client, "/meetings", limit=1, offset=1, order="-date")
    assert first["total"] == second["total"] >= 3 and first["meetings"] != second["meetings"]
    assert page(records_client, "/agreements", action="amended")["agreements"][0]["kind"] == "pact"
    assert page(records_client, "/deals", q="Rifles", kind="arms_transfer")["total"] == 1
    assert page(records_client, "/agreements", actor="USA")["total"] == 0


def test_api_records_as_csv_and_jsonl(records_client):
    response = records_client.get("/deals", params={"format": "csv"})
    assert (
        response.headers["content-type"].startswith("text/csv") and response.headers["x-total-count"] == "1"
    )
    [row] = list(csv.DictReader(io.StringIO(response.text)))
    assert (row["kind"], row["quantity"], row["currency"], row["buyer_codes"]) == (
        "arms_transfer",
        "601427",
        "INR",
        "IND",
    )
    response = records_client.get("/meetings", params={"format": "jsonl", "actor": "IND"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert response.headers["x-total-count"] == str(len(lines)) == "3"


@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        ("/meetings", {"kind": "treaty"}, 422, "invalid kind 'treaty'"),
        ("/deals", {"status": "held"}, 422, "invalid status 'held'"),
        ("/agreements", {"action": "sealed"}, 422, "invalid action 'sealed'"),
        ("/meetings", {"actor": "india"}, 422, "expected a 3-letter code"),
        ("/meetings", {"start": "2021-02-30"}, 422, "not a calendar date"),
        ("/meetings", {"start": "2022", "end": "2021"}, 400, "start 2022 is after end 2021"),
        ("/deals", {"order": "goldstein"}, 422, "invalid order"),
    ],
)
def test_api_records_bad_parameters(records_client, path, params, status, message):
    response = records_client.get(path, params=params)
    assert response.status_code == status and message in response.json()["error"]


def test_api_records_are_described_in_openapi(records_client):
    spec = page(records_client, "/openapi.json")
    for kind in ("agreements", "deals", "meetings"):
        listing = spec["paths"][f"/{kind}"]["get"]
        names = {p["name"] for p in listing["parameters"]}
        assert {"actor", "kind", "status", "start", "end", "q", "limit", "offset", "format"} <= names
        assert spec["paths"][f"/{kind}/{{record_id}}"]["get"]["summary"]
    assert "action" in {p["name"] for p in spec["paths"]["/agreements"]["get"]["parameters"]}
    assert "meetings" in spec["components"]["schemas"]["MeetingPage"]["properties"]
