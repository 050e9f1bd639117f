"""``code``: the whole extractor on a text of our own, events as contract dicts (one model per session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from accord.pipeline import Extractor
from accord.records import Article

Coder = Callable[..., list[dict[str, Any]]]


@pytest.fixture(scope="session")
def code(nlp) -> Coder:
    extractor = Extractor(nlp)

    def run(text: str, date: str = "2006-11-20") -> list[dict[str, Any]]:
        article = Article(id="t", date=dt.date.fromisoformat(date), text=text)
        return [event.to_dict() for event in extractor.extract_article(article).events]

    return run


def brief(event: dict[str, Any]) -> tuple[str, str, str, str]:
    """(type, actor codes, recipient codes, date) of a contract event, codes joined with '+'."""
    actor = "+".join(sorted(e["code"] for e in event["actor"])) or "-"
    recipient = "+".join(sorted(e["code"] for e in event["recipient"])) or "-"
    return event["event"], actor, recipient, event["date"]
