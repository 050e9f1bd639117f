"""What the aggregates count over HTTP: real events (clusters) by default, every report with
``count=mentions``; on a real database of two reports of one strike, served on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.pipeline import Extractor
from accord.records import Article
from accord.store import Database

DAY = dt.date(1987, 10, 20)
TEXTS = {
    "wire-a": "U.S. warships destroyed an Iranian oil platform in the Gulf on Monday, the Pentagon said.",
    "wire-b": "Iran said American destroyers shelled its Rostam oil platform in the Gulf on Monday.",
}


@pytest.fixture(scope="module")
def url(nlp: Any, tmp_path_factory: pytest.TempPathFactory, fixture_db: Any) -> Iterator[str]:
    from accord.api import create_app

    path: Path = tmp_path_factory.mktemp("counts") / "counts.duckdb"
    articles = [Article(id=key, date=DAY, text=text, source=key) for key, text in TEXTS.items()]
    with Database(path) as db:
        for result in Extractor(nlp).extract_articles(articles):
            db.write_result(result)
    with fixture_db.running_server(create_app(path)) as served:
        yield served


def test_api_counts_aggregates_count_real_events_unless_asked_for_mentions(url: str) -> None:
    import httpx

    with httpx.Client(base_url=url, timeout=10) as http:
        mentions = http.get("/events", params={"actor": "USA"}).json()["total"]
        real = http.get("/events", params={"actor": "USA", "distinct": "true"}).json()["total"]
        assert real < mentions  # the two reports are one strike
        for route in ("/overview", "/timeline"):
            assert http.get(route, params={"actor": "USA"}).json()["events"] == real
            assert http.get(route, params={"actor": "USA", "count": "mentions"}).json()["events"] == mentions
        usa = next(a for a in http.get("/actors").json()["actors"] if a["code"] == "USA")
        assert usa["events"] == real
        assert http.get("/actors", params={"count": "articles"}).status_code == 422
