"""``POST /explain`` and ``GET /articles/{id}/explain`` against a real server and a real worker process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest

from accord.api import create_app
from accord.pipeline import Extractor
from accord.records import Article
from accord.store import Database

TEXT = "Gunmen killed two Afghan soldiers in Kabul on Monday. Russia and Georgia signed a pact."


@pytest.fixture(scope="module")
def explain_url(tmp_path_factory: pytest.TempPathFactory, nlp, fixture_db):
    path: Path = tmp_path_factory.mktemp("explain") / "accord.duckdb"
    with Database(path) as db:
        db.write_result(
            Extractor(nlp).extract_article(Article(id="kabul", date=dt.date(2006, 11, 20), text=TEXT))
        )
    # The default extractor: the worker process loads the real model once.
    app = create_app(path, extract_timeout=120.0)
    with fixture_db.running_server(app) as url:
        yield url


@pytest.mark.slow
def test_explain_route_text_and_stored_article(explain_url: str):
    with httpx.Client(base_url=explain_url, timeout=180) as http:
        answer = http.post("/explain", json={"text": TEXT, "date": "2006-11-20", "article_id": "kabul"})
        assert answer.status_code == 200, answer.text
        found = answer.json()
        kinds = [e["event"]["event"] for e in found["events"]]
        assert "ASSAULT" in kinds and "SUPPORT" in kinds
        attack = next(e for e in found["events"] if e["event"]["event"] == "ASSAULT")
        mention = attack["explanation"]["mentions"][0]
        assert mention["rule"].startswith("triggers") and "'Monday'" in mention["date"]
        assert mention["actor"][0]["code"] == "UNK"

        stored = http.get("/articles/kabul/explain")
        assert stored.status_code == 200
        # The stored article explained again gives the same events, with the same ids.
        assert stored.json()["article_id"] == "kabul"
        assert [e["event"]["id"] for e in stored.json()["events"]] == [
            e["event"]["id"] for e in found["events"]
        ]
        assert http.get("/articles/nothing/explain").status_code == 404
        assert http.post("/explain", json={"text": TEXT, "date": "1700-01-01"}).status_code == 422
