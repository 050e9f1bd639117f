"""Extract functions for the API tests, in a module of their own: ``POST /extract`` runs its
function in worker processes, which import it by name (tests/api is put on ``sys.path``)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any


def echo_extractor(text: str, date: str | dt.date, *, article_id: str | None = None) -> list[dict[str, Any]]:
    """Stands in for accord.extract: one event per sentence-final full stop, carrying its inputs."""
    return [
        {
            "id": f"{article_id or 'text'}-{n}",
            "article_id": article_id,
            "report_date": str(date),
            "text": sentence,
        }
        for n, sentence in enumerate(s.strip() + "." for s in text.split(".") if s.strip())
    ]


def broken_extractor(text: str, date: dt.date, *, article_id: str | None = None) -> list[dict[str, Any]]:
    raise RuntimeError("model exploded\nwith a traceback in /home/someone/secret")


def sleepy_extractor(text: str, date: dt.date, *, article_id: str | None = None) -> list[dict[str, Any]]:
    """Sleeps as many seconds as the text's first word says, then echoes: a long parse."""
    time.sleep(float(text.split()[0]))
    return echo_extractor(text, date, article_id=article_id)
