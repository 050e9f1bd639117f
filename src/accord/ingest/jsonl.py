"""JSON inputs: JSON Lines (one object a line), one object, or an array of objects.

Each object has the fields ``{"id", "date", "title", "text", "url", "source"}``; ``text`` is required
and kept exactly as given (offsets count in it). Records are read one at a time: a JSON Lines file
line by line, an array value by value, so memory stays flat however large the file is.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from accord.ingest._common import Limits, clean_field, has_undecodable, make_article
from accord.records import Article, Reject

_CHUNK = 1 << 16
_WHITESPACE = " \t\r\n"


def record_to_article(record: object, *, origin: str, line: int | None, limits: Limits) -> Article | Reject:
    """One decoded JSON value to an Article, or a Reject saying what is missing or wrong.

    >>> from accord.ingest._common import Limits
    >>> record_to_article({"id": 7, "date": "2021-12-06T10:00:00Z", "text": "Talks resumed."},
    ...                   origin="a.jsonl", line=3, limits=Limits(None, 1000)).id
    '7'
    """
    if not isinstance(record, dict):
        return Reject(origin, line, f"record is a JSON {_kind(record)}, not an object")
    if any(isinstance(value, str) and has_undecodable(value) for value in record.values()):
        return Reject(origin, line, "record is not valid UTF-8 text")
    article_id = clean_field(record.get("id"))
    text = record.get("text")
    if text is None:
        return Reject(origin, line, "record has no 'text' field", article_id)
    if not isinstance(text, str):
        return Reject(origin, line, f"'text' is a JSON {_kind(text)}, not a string", article_id)
    return make_article(
        text=text,
        date=record.get("date"),
        limits=limits,
        origin=origin,
        line=line,
        article_id=article_id,
        title=clean_field(record.get("title")),
        url=clean_field(record.get("url")),
        source=clean_field(record.get("source")),
    )


def read_json_lines(
    lines: Iterable[str], *, origin: str, limits: Limits, first_line: int = 1
) -> Iterator[Article | Reject]:
    """JSON Lines: one record a line; blank lines are skipped; a malformed line is rejected with its
    number and the next lines are still read. A line holding an array yields each of its objects.

    >>> from accord.ingest._common import Limits
    >>> [type(r).__name__ for r in read_json_lines(['{"text": "a", "date": "2021-12-06"}', "{oops"],
    ...                                              origin="a.jsonl", limits=Limits(None, 100))]
    ['Article', 'Reject']
    """
    for number, raw in enumerate(lines, start=first_line):
        line = raw.strip(_WHITESPACE + "\ufeff")
        if not line:
            continue
        if has_undecodable(line):
            yield Reject(origin, number, "line is not valid UTF-8 text")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield Reject(origin, number, f"malformed JSON: {error.msg} (column {error.colno})")
            continue
        for record in value if isinstance(value, list) else [value]:
            yield record_to_article(record, origin=origin, line=number, limits=limits)


def read_json_document(
    stream: TextIO | io.TextIOBase, *, origin: str, limits: Limits
) -> Iterator[Article | Reject]:
    """A JSON document read value by value: an array of objects, one (pretty-printed) object, or
    several objects one after another. Each record's ``line`` is the line where it starts.

    A syntax error cannot be skipped inside a document (there is no line to resume at), so it
    rejects the rest of the document with the line where it happened.

    >>> import io
    >>> from accord.ingest._common import Limits
    >>> doc = io.StringIO('[\\n {"text": "a", "date": "2021-12-06"},\\n {"text": "b"}\\n]')
    >>> [(type(r).__name__, r.line) for r in read_json_document(doc, origin="a.json",
    ...                                                         limits=Limits(None, 100))]
    [('Article', 2), ('Reject', 3)]
    """
    decoder = json.JSONDecoder()
    # A value may be as long as the largest article we accept (escapes, metadata: some room).
    max_value = 8 * limits.max_chars + (1 << 20)
    buffer = ""
    pos = 0
    line = 1  # the line of buffer[pos]
    eof = False
    in_array = False

    def read_more(size: int) -> None:
        # TextIO.read(n) returns fewer than n characters only at the end of the stream.
        nonlocal buffer, pos, eof
        chunk = stream.read(size)
        eof = len(chunk) < size
        buffer, pos = buffer[pos:] + chunk, 0

    def advance(to: int) -> None:
        nonlocal pos, line
        line += buffer.count("\n", pos, to)
        pos = to

    while True:
        # Skip what separates values: whitespace, and the commas and brackets of an array.
        while True:
            while pos < len(buffer) and buffer[pos] in _WHITESPACE:
                advance(pos + 1)
            if pos == len(buffer):
                if eof:
                    return
                read_more(_CHUNK)
                continue
            char = buffer[pos]
            if char == "[" and not in_array:
                in_array = True
            elif char == "]" and in_array:
                in_array = False
            elif not (char == "," and in_array):
                break
            advance(pos + 1)
        try:
            value, end = decoder.raw_decode(buffer, pos)
        except json.JSONDecodeError as error:
            if not eof and len(buffer) - pos <= max_value:
                read_more(max(_CHUNK, len(buffer) - pos))
                continue
            reason = f"malformed JSON: {error.msg}" if eof else "JSON value too large"
            yield Reject(origin, line + buffer.count("\n", pos, error.pos), f"{reason}; the rest was skipped")
            return
        if end == len(buffer) and not eof:
            # A number or literal may go on past the buffer: read on before trusting it.
            read_more(_CHUNK)
            continue
        yield record_to_article(value, origin=origin, line=line, limits=limits)
        advance(end)
        if pos > _CHUNK:
            buffer, pos = buffer[pos:], 0


def _kind(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )
