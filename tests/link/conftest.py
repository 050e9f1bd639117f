"""Mentions built by hand for the linker's tests: ``make_mention(**fields)`` with news-like defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from accord.link.mentions import Mention, Place
from accord.link.words import content_words, trigger_words

DAY = dt.date(1987, 10, 19)


def _make(**fields: Any) -> Mention:
    text = fields.pop("text", "U.S. warships destroyed an Iranian oil platform in the Gulf.")
    trigger = fields.pop("trigger", "destroyed")
    day = fields.pop("day", DAY)
    base: dict[str, Any] = {
        "id": "ev-1",
        "article_id": "a1",
        "kind": "event",
        "type": "ASSAULT",
        "subtype": "190",
        "status": "occurred",
        "date_first": day,
        "date_last": day,
        "precision": "day",
        "actors": frozenset({"USA"}),
        "recipients": frozenset({"IRN"}),
        "symmetric": False,
        "cooperative": False,
        "place": None,
        "words": content_words(text),
        "trigger": trigger_words(trigger),
    }
    base.update(fields)
    for side in ("actors", "recipients"):
        base[side] = frozenset(base[side])
    return Mention(**base)


@pytest.fixture
def make() -> Callable[..., Mention]:
    """``make(**fields)``: a mention of the U.S. strike on an Iranian platform, fields replaced."""
    return _make


@pytest.fixture
def place() -> Callable[..., Place]:
    def build(
        name: str, country: str, lat: float | None = None, lon: float | None = None, stated: bool = True
    ) -> Place:
        return Place(name, country, lat, lon, stated)

    return build
