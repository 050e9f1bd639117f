"""Events as CSV and JSON Lines, for the ``format=`` parameter of ``GET /events``.

JSON Lines keeps the contract's event objects whole, one per line. CSV is the store's one CSV
schema (``accord.store.CSV_COLUMNS``, the same as ``accord events --format csv``): one flat row
per event, formula-like text defused with a leading ``'``, numbers left alone.

Example::

    >>> events_to_jsonl([{"id": "e1"}])
    '{"id": "e1"}\\n'
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from accord.store import CSV_COLUMNS, write_events_csv

__all__ = ["CSV_COLUMNS", "events_to_csv", "events_to_jsonl"]


def events_to_csv(events: Iterable[Mapping[str, Any]]) -> str:
    """Events as CSV text with a header row (``CSV_COLUMNS``), RFC 4180 quoting, CRLF line ends.

    >>> events_to_csv([]).splitlines()[0].split(",")[:3]
    ['id', 'article_id', 'cluster_id']
    """
    buffer = io.StringIO()
    write_events_csv(events, buffer)
    return buffer.getvalue()


def events_to_jsonl(events: Iterable[Mapping[str, Any]]) -> str:
    """Events as JSON Lines: one contract object per line, UTF-8 kept as is."""
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)
