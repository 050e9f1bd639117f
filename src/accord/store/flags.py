"""Flags: an analyst's mark that a stored event is wrong (its type, a side, its date, ...), with a note.

A flag keeps what the event said when it was flagged (type, CAMEO, date, sides, trigger, sentence), so
the review list (``flags``, CSV through ``FLAG_COLUMNS``) reads on its own as a list of corrections for
the lexicons. Flags are not rows of their article: re-ingesting the article leaves them, and since an
event's id is made from its article, trigger offset and CAMEO code, the flag still names the event.
Raises ``StoreError`` for a read-only file, ``LookupError`` for an unknown event or flag id and
``ValueError`` for an unknown problem or an empty note.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from accord.base.ids import flag_id
from accord.store.connection import Connection, utcnow
from accord.store.export import defuse

__all__ = ["FLAG_COLUMNS", "PROBLEMS", "add_flag", "flags", "remove_flag", "write_flags_csv"]

# What an analyst can say is wrong with an event.
PROBLEMS = ("type", "side", "date", "status", "place", "other")
FLAG_COLUMNS = (
    "id",
    "event_id",
    "article_id",
    "problem",
    "note",
    "correction",
    "event",
    "cameo",
    "date",
    "status",
    "actor_codes",
    "recipient_codes",
    "trigger_text",
    "text",
    "created_at",
)
_SNAPSHOT = "article_id, event, cameo, date, status, actor_codes, recipient_codes, trigger_text, text"


def add_flag(
    conn: Connection, event_id: str, *, problem: str, note: str, correction: str | None = None
) -> dict[str, Any]:
    """Flag the stored event ``event_id`` as wrong; returns the flag as ``flags`` gives it."""
    conn.require_writable(f"flag event {event_id!r}")
    if problem not in PROBLEMS:
        raise ValueError(f"problem must be one of {', '.join(PROBLEMS)}; got {problem!r}")
    if not note.strip():
        raise ValueError("a flag needs a note saying what is wrong")
    snapshot = conn.fetchone(f"SELECT {_SNAPSHOT} FROM events WHERE id = ?", [event_id])
    if snapshot is None:
        raise LookupError(f"no event with id {event_id!r}")
    created = utcnow()
    new_id = flag_id(event_id, problem, note, created.isoformat())
    conn.fetchall(
        f"INSERT INTO flags (id, event_id, problem, note, correction, {_SNAPSHOT}, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id, event_id, problem, note.strip(), (correction or "").strip() or None, *snapshot, created],
    )
    return flags(conn, flag=new_id)[0]


def remove_flag(conn: Connection, flag: str) -> None:
    """Delete the flag with id ``flag`` (the event counts again unless another flag names it)."""
    conn.require_writable(f"remove flag {flag!r}")
    if not conn.scalar("SELECT count(*) FROM flags WHERE id = ?", [flag]):
        raise LookupError(f"no flag with id {flag!r}")
    conn.fetchall("DELETE FROM flags WHERE id = ?", [flag])


def flags(
    conn: Connection,
    *,
    event_id: str | None = None,
    article_id: str | None = None,
    flag: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Flags, newest first (all, or those of one event, one article, or the one with id ``flag``),
    as dicts of ``FLAG_COLUMNS``; none on a file written before flags existed."""
    if not conn.has_table("flags"):
        return []
    parts: list[str] = []
    params: list[Any] = []
    for column, value in (("event_id", event_id), ("article_id", article_id), ("id", flag)):
        if value is not None:
            parts.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {', '.join(FLAG_COLUMNS)} FROM flags"
    if parts:
        sql += " WHERE " + " AND ".join(parts)
    sql += " ORDER BY created_at DESC, id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    rows = conn.fetchall(sql, params)
    return [
        {**dict(zip(FLAG_COLUMNS, row, strict=True)), "created_at": row[-1].isoformat(timespec="seconds")}
        for row in rows
    ]


def write_flags_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write ``flags`` rows as CSV (a header of ``FLAG_COLUMNS``; code lists joined with ``;``;
    formula-like text defused as in the events CSV) to ``out``; returns the number of rows.

    >>> import io
    >>> buffer = io.StringIO()
    >>> write_flags_csv([{"id": "fl-1", "actor_codes": ["IND", "RUS"], "note": "=wrong"}], buffer)
    1
    >>> buffer.getvalue().splitlines()[1].split(",")[:6]
    ['fl-1', '', '', '', "'=wrong", '']
    """
    writer = csv.DictWriter(out, fieldnames=FLAG_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        cells = {
            column: defuse(";".join(value) if isinstance(value, list) else value)
            for column, value in ((column, row.get(column)) for column in FLAG_COLUMNS)
        }
        writer.writerow(cells)
        count += 1
    return count
