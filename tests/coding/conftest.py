"""The whole extractor on a text of our own (one model per session): ``code`` gives events as contract
dicts, ``events`` the ``Event`` records (with an optional dateline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from accord.pipeline import Extractor
from accord.records import Article, Event

Coder = Callable[..., list[dict[str, Any]]]


@pytest.fixture(scope="session")
def code(nlp) -> Coder:
    extractor = Extractor(nlp)

    def run(text: str, date: str = "2006-11-20") -> list[dict[str, Any]]:
        article = Article(id="t", date=dt.date.fromisoformat(date), text=text)
        return [event.to_dict() for event in extractor.extract_article(article).events]

    return run


@pytest.fixture(scope="session")
def events(nlp) -> Callable[..., tuple[Event, ...]]:
    extractor = Extractor(nlp)

    def run(text: str, dateline: str | None = None) -> tuple[Event, ...]:
        article = Article(id="t", date=dt.date(2006, 11, 20), text=text, dateline=dateline)
        return extractor.extract_article(article).events

    return run
