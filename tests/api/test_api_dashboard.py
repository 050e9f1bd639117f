"""The answers the dashboard and notebooks read: the flat shape, roles, codes in any case, names,
the overview, places, CSV types read back with pandas, the 3.0 document /docs reads, and flags."""

from __future__ import annotations

import io
import shutil
from typing import Any

import httpx
import pytest


@pytest.fixture(scope="module")
def all_events(client: httpx.Client) -> list[dict[str, Any]]:
    return client.get("/events", params={"limit": 1000, "flagged": "include"}).json()["events"]


def total(client: httpx.Client, **params: Any) -> int:
    return client.get("/events", params={**params, "limit": 1}).json()["total"]


def test_api_flat_shape_matches_the_nested_one(client):
    nested = client.get("/events", params={"dyad": "IND,RUS", "limit": 50}).json()
    flat = client.get("/events", params={"dyad": "IND,RUS", "limit": 50, "shape": "flat"}).json()
    assert flat["total"] == nested["total"] and len(flat["events"]) == len(nested["events"]) > 3
    for deep, row in zip(nested["events"], flat["events"], strict=True):
        assert row["id"] == deep["id"]
        assert row["actor_codes"] == [a["code"] for a in deep["actor"]]
        assert row["recipient_codes"] == [r["code"] for r in deep["recipient"]]
        assert isinstance(row["cameo"], str) and row["cameo"] == deep["cameo"]
        assert row["date_start"] <= row["date_end"] and row["date_start"].startswith(deep["date"][:4])
        assert all(not isinstance(value, dict) for value in row.values())
    month = next(r for r in flat["events"] if r["date_precision"] == "month")
    assert month["date_start"].endswith("-01") and month["date_end"][:7] == month["date"]
    lines = client.get(
        "/events", params={"dyad": "IND,RUS", "format": "jsonl", "shape": "flat"}
    ).text.splitlines()
    assert len(lines) == flat["total"] and '"actor_codes"' in lines[0]
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"actor_codes", "recipient_codes", "date_start", "date_end", "cameo"} <= set(
        schema["FlatEvent"]["properties"]
    )


def test_api_codes_in_any_case(client):
    assert total(client, actor="ind") == total(client, actor="IND") > 0
    assert total(client, dyad="ind,rus") == total(client, dyad="IND,RUS") > 0
    upper = client.get("/actors/IND/timeline", params={"background": "true"}).json()
    lower = client.get("/actors/ind/timeline", params={"background": "true"}).json()
    assert lower == upper and lower["actor"] == "IND"
    assert client.get("/network", params={"ego": "rus"}).json()["edges"]


def test_api_roles_split_the_sides(client, all_events):
    either = total(client, actor="RUS")
    as_actor = total(client, actor="RUS", role="actor")
    as_recipient = total(client, actor="RUS", role="recipient")
    assert as_actor == sum(any(a["code"] == "RUS" for a in e["actor"]) for e in all_events)
    assert as_recipient == sum(any(r["code"] == "RUS" for r in e["recipient"]) for e in all_events)
    assert max(as_actor, as_recipient) <= either <= as_actor + as_recipient
    assert as_actor and as_recipient
    directed = total(client, dyad="RUS,IND", role="actor")
    reverse = total(client, dyad="IND,RUS", role="recipient")
    assert (
        directed
        == reverse
        == sum(
            any(a["code"] == "RUS" for a in e["actor"]) and any(r["code"] == "IND" for r in e["recipient"])
            for e in all_events
        )
    )


def test_api_names_beside_codes(client):
    actors = client.get("/actors", params={"limit": 5}).json()["actors"]
    by_code = {a["code"]: a for a in actors}
    assert by_code["IND"]["name"] == "India" and by_code["IND"]["kind"] == "country"
    assert all(p["name"] for a in actors for p in a["top_partners"])
    found = client.get("/codes", params={"q": "China"}).json()["codes"]
    assert found[0]["code"] == "CHN" and found[0]["name"] == "China"
    assert client.get("/codes", params={"q": "Hamas"}).json()["codes"][0]["code"] == "PSE"
    assert client.get("/codes", params={"q": "chinese"}).json()["codes"][0]["code"] == "CHN"
    every = {c["code"]: c["name"] for c in client.get("/codes").json()["codes"]}
    assert every["USA"] == "United States" and every["UNO"] == "United Nations" and len(every) > 240


def test_api_overview_busiest_pair_is_right(client, all_events):
    overview = client.get("/overview").json()
    assert overview["events"] == total(client)
    pairs = {}
    for event in all_events:
        for a in {x["code"] for x in event["actor"]}:
            for b in {x["code"] for x in event["recipient"]}:
                if a != b:
                    pairs.setdefault(tuple(sorted((a, b))), set()).add(event["id"])
    best = max(len(ids) for ids in pairs.values())
    top = overview["pairs"][0]
    assert top["events"] == best == total(client, dyad=f"{top['a']},{top['b']}")
    assert top["a_name"] and top["b_name"]
    assert overview["latest"][0]["date"] == max(e["report_date"] for e in all_events)
    occurred = client.get("/overview", params={"status": "occurred"}).json()
    assert occurred["events"] == total(client, status="occurred") < overview["events"]


def test_api_places_cover_the_placed_events(client):
    answer = client.get("/places").json()
    assert sum(p["events"] for p in answer["places"]) + answer["unplaced"] == total(client)
    for place in answer["places"]:
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
        assert place["precision"] in ("place", "country")


def test_api_csv_types_read_back_with_pandas(client):
    import pandas as pd

    response = client.get("/events", params={"limit": 1000, "format": "csv"})
    raw = response.text
    frame = pd.read_csv(io.StringIO(raw), dtype={"cameo": str})
    assert len(frame) == int(response.headers["x-total-count"])
    assert frame["cameo"].str.fullmatch(r"\d{3,4}").all()
    assert (frame["cameo"].str.startswith("0")).any()  # "057" keeps its zero
    assert ",057," in raw or ",046," in raw or ",020," in raw  # written as text, not as a number
    assert frame["goldstein"].dtype.kind == "f" and frame["quad_class"].dtype.kind == "i"
    assert pd.to_datetime(frame["date_start"]).le(pd.to_datetime(frame["date_end"])).all()
    assert frame["confidence"].between(0, 1).all()


def test_api_docs_document_is_openapi_30(client):
    document = client.get("/openapi-3.0.json").json()
    assert document["openapi"] == "3.0.3"
    text = str(document)
    assert "'type': 'null'" not in text and "'const'" not in text
    assert "FlatEvent" in document["components"]["schemas"]
    assert document["paths"].keys() == client.get("/openapi.json").json()["paths"].keys()


def test_api_flags_round_trip_on_a_writable_server(api_db, fixture_db, tmp_path):
    import pandas as pd

    from accord.api import create_app

    path = tmp_path / "writable.duckdb"
    shutil.copy(api_db, path)
    with (
        fixture_db.running_server(create_app(path, writable=True)) as url,
        httpx.Client(base_url=url) as http,
    ):
        before = total(http, actor="IND")
        event = http.get("/events", params={"actor": "IND", "limit": 1}).json()["events"][0]
        made = http.post(
            f"/events/{event['id']}/flags",
            json={"problem": "side", "note": "India is the recipient here", "correction": "RUS -> IND"},
        )
        assert made.status_code == 201
        flag = made.json()
        assert flag["event_id"] == event["id"] and flag["event"] == event["event"]
        assert total(http, actor="IND") == before - 1
        assert total(http, actor="IND", flagged="include") == before
        assert total(http, flagged="only") == 1
        assert http.get("/overview", params={"actor": "IND"}).json()["events"] == before - 1
        review = pd.read_csv(io.StringIO(http.get("/flags", params={"format": "csv"}).text), dtype=str)
        assert review.loc[0, "id"] == flag["id"] and review.loc[0, "note"] == "India is the recipient here"
        assert (
            http.post(f"/events/{event['id']}/flags", json={"problem": "mood", "note": "x"}).status_code
            == 422
        )
        assert http.post("/events/ev-none/flags", json={"problem": "type", "note": "x"}).status_code == 404
        assert http.delete(f"/flags/{flag['id']}").status_code == 204
        assert total(http, actor="IND") == before
        assert http.delete(f"/flags/{flag['id']}").status_code == 404


def test_api_flags_need_a_writable_server(client):
    event = client.get("/events", params={"limit": 1}).json()["events"][0]
    refused = client.post(f"/events/{event['id']}/flags", json={"problem": "type", "note": "wrong"})
    assert refused.status_code == 403 and "--writable" in refused.json()["error"]
    assert client.get("/flags").json()["flags"] == []


@pytest.mark.parametrize("path", ["/timeline", "/network", "/places", "/overview", "/actors"])
def test_api_every_panel_takes_the_same_filters(client, path):
    response = client.get(
        path, params={"actor": "ind", "role": "actor", "status": "occurred", "min_confidence": 0.5}
    )
    assert response.status_code == 200
    assert client.get(path, params={"role": "sideways"}).status_code == 422
