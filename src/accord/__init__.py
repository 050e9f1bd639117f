"""Accord: dated news reports in, coded international events out.

    >>> import accord
    >>> events = accord.extract("India and Russia signed a pact on Monday.", "2021-12-06")  # doctest: +SKIP
    >>> with accord.Database("accord.duckdb", read_only=True) as db:                      # doctest: +SKIP
    ...     frame = db.events_frame(actor="IND")
    >>> report = accord.ingest_files(["samples/"], "accord.duckdb")                      # doctest: +SKIP

Importing this package loads nothing heavy: the language model is loaded on the first ``extract``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from accord.fact_records import Agreement, Deal, Meeting
from accord.records import (
    Article,
    ArticleResult,
    Entity,
    Event,
    Location,
    Money,
    Quantity,
    Reject,
    TimeExpression,
)

if TYPE_CHECKING:
    from accord.engines import IngestReport
    from accord.engines import ingest as ingest_files
    from accord.explanations import ArticleExplanation
    from accord.store import Database

__version__ = "0.1.0"
__all__ = [
    "Agreement",
    "Article",
    "ArticleResult",
    "Database",
    "Deal",
    "Entity",
    "Event",
    "IngestReport",
    "Location",
    "Meeting",
    "Money",
    "Quantity",
    "Reject",
    "TimeExpression",
    "explain",
    "extract",
    "ingest_files",
]


def extract(text: str, date: str | dt.date, *, article_id: str | None = None) -> list[dict[str, Any]]:
    """Events in ``text`` reported on ``date`` (``YYYY-MM-DD`` or a date), as contract dicts."""
    from accord.pipeline import extract as run

    return run(text, date, article_id=article_id)


def explain(text: str, date: str | dt.date, *, article_id: str | None = None) -> ArticleExplanation:
    """Why Accord codes ``text`` as it does: each event's lexicon row, sides, date and status, and each
    dropped candidate with its reason (``accord.explanations.ArticleExplanation``; ``.to_text()``, ``.to_dict()``)."""
    from accord.explanations import explain as run

    return run(text, date, article_id=article_id)


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `import accord` stays light (no duckdb, no pipeline).
    if name == "Database":
        from accord.store import Database

        return Database
    if name == "ingest_files":
        from accord.engines import ingest

        return ingest
    if name == "IngestReport":
        from accord.engines import IngestReport

        return IngestReport
    raise AttributeError(f"module 'accord' has no attribute {name!r}")
