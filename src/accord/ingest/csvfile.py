"""CSV and TSV inputs: a header row naming the columns ``id, date, title, text, url, source``.

Only ``text`` is required. Other columns (an unnamed index column, for instance) are ignored. A
record's ``line`` is the line its row starts on (the header is line 1); quoted fields may span lines.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from accord.ingest._common import Limits, clean_field, has_undecodable, make_article
from accord.records import Article, Reject

COLUMNS = ("id", "date", "title", "text", "url", "source")

# News texts are far longer than the csv module's default field limit (131,072 characters); the
# max_chars check rejects over-long articles with a clear reason instead.
_FIELD_LIMIT = 2**31 - 1


def read_csv(
    stream: TextIO, *, origin: str, limits: Limits, delimiter: str = ","
) -> Iterator[Article | Reject]:
    """Rows of a CSV (or TSV, ``delimiter="\\t"``) stream opened with ``newline=""``.

    A row with fewer or more fields than the header, or with an empty ``text``, is rejected with
    its line; the following rows are still read.

    >>> import io
    >>> from accord.ingest._common import Limits
    >>> rows = io.StringIO('"",date,text\\n3,2019-04-10,Baghdad and Washington are in talks.\\n')
    >>> [(a.id, a.date.isoformat(), a.line) for a in read_csv(rows, origin="g.csv",
    ...                                                       limits=Limits(None, 1000))]
    [('sha256-48d132c251fa1184', '2019-04-10', 2)]
    """
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield Reject(origin, 1, f"unreadable CSV header: {error}")
        return
    if header is None or not any(cell.strip() for cell in header):
        yield Reject(origin, 1, "empty file: no CSV header")
        return
    names = [cell.strip().lstrip("\ufeff").lower() for cell in header]
    where = {name: index for index, name in reversed(list(enumerate(names))) if name in COLUMNS}
    if "text" not in where:
        shown = ", ".join(repr(name) for name in names[:8])
        yield Reject(origin, 1, f"CSV header has no 'text' column (columns: {shown})")
        return
    last_line = reader.line_num
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Reject(origin, start, f"malformed CSV row: {error}")
            last_line = reader.line_num
            continue
        last_line = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        article_id = clean_field(row[where["id"]]) if "id" in where and len(row) > where["id"] else None
        if len(row) != len(header):
            reason = f"row has {len(row)} fields, the header has {len(header)}"
            yield Reject(origin, start, reason, article_id)
            continue
        if any(has_undecodable(cell) for cell in row):
            yield Reject(origin, start, "row is not valid UTF-8 text", article_id)
            continue

        def cell(name: str, row: list[str] = row) -> str | None:
            return row[where[name]] if name in where else None

        yield make_article(
            text=cell("text") or "",
            date=cell("date"),
            limits=limits,
            origin=origin,
            line=start,
            article_id=article_id,
            title=clean_field(cell("title")),
            url=clean_field(cell("url")),
            source=clean_field(cell("source")),
        )
