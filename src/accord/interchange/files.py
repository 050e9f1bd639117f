"""Writing events in another dataset's layout: ICEWS (tab-separated, with its header row), Phoenix
(tab-separated, no header row, as OEDA's daily files) and PLOVER (JSON Lines).

``write_events`` takes each event to write with the ``Story`` of its article (built from the stored
article by ``story``: publisher, address, title, and the number of the event's sentence, counted in
the article text). Cells are written as they are: these files are read by programs, and a
text cell that starts like a spreadsheet formula stays as the news had it.

>>> sentence_number("One. Two here. Three.", 15)
3
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from accord.interchange.layouts import (
    ICEWS_COLUMNS,
    PHOENIX_COLUMNS,
    Story,
    icews_row,
    phoenix_row,
    plover_object,
)

__all__ = ["FORMATS", "sentence_number", "story", "write_events"]

FORMATS = ("icews", "phoenix", "plover")

# The end of a sentence: final punctuation (and closing quotes or brackets) before a space and a
# capital or digit, or a paragraph break.
_SENTENCE_END = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9])|\n\s*\n")


def sentence_number(text: str, offset: int) -> int:
    """The 1-based number of the sentence of ``text`` in which ``offset`` lies."""
    ends = 0
    for found in _SENTENCE_END.finditer(text):
        if found.end() > offset:
            break
        ends += 1
    return 1 + ends


def story(article: Mapping[str, Any] | None, event: Mapping[str, Any]) -> Story:
    """The ``Story`` of ``event`` from its stored article (``id``, ``source``, ``url``, ``title``,
    ``text``), or an empty one when the article is unknown."""
    if not article:
        return Story()
    start = (event.get("text_info") or {}).get("start")
    number = sentence_number(str(article.get("text") or ""), int(start)) if start is not None else None
    return Story(
        publisher=article.get("source"), url=article.get("url"), title=article.get("title"), sentence=number
    )


def _clean(value: Any) -> Any:
    # A tab or a line break inside a cell would break a tab-separated line: made spaces.
    return re.sub(r"[\t\r\n]+", " ", value) if isinstance(value, str) else ("" if value is None else value)


def write_events(
    events: Iterable[tuple[Mapping[str, Any], Story]],
    out: TextIO,
    *,
    format: str,
    coder: str = "Accord",
) -> int:
    """Write ``events`` (each with its article's ``Story``) to ``out`` (opened with ``newline=""``) in
    ``format`` (one of ``FORMATS``); returns how many. Raises ``ValueError`` for an unknown format before anything is written."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {format!r}")
    count = 0
    if format == "plover":
        for event, told in events:
            out.write(json.dumps(plover_object(event, told, coder=coder), ensure_ascii=False) + "\n")
            count += 1
        return count
    columns, build = (ICEWS_COLUMNS, icews_row) if format == "icews" else (PHOENIX_COLUMNS, phoenix_row)
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    if format == "icews":
        writer.writerow(columns)
    for event, told in events:
        row = build(event, told)
        writer.writerow([_clean(row[column]) for column in columns])
        count += 1
    return count
