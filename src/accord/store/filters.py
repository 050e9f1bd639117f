"""Event filters, orderings and pages -> parameterised SQL fragments over the ``events`` table.

Only fixed SQL fragments are written here; every value a caller gives travels as a parameter.
``order`` and ``interval`` are looked up in whitelists and never pasted in.

Besides who, what and when, three filters say which events an analyst trusts: ``min_confidence``,
``background`` (False leaves out events dated well before their report: ``BACKGROUND_DAYS``) and
``flagged`` (``exclude`` leaves out events an analyst flagged as wrong, ``only`` keeps just those).
"""

from __future__ import annotations

from typing import Any

from accord.store.connection import Connection
from accord.store.rows import date_bounds

# The keyword filters that events(), count_events(), events_frame() and export() accept.
FILTER_NAMES = frozenset(
    {
        "actor",
        "role",
        "dyad",
        "event_type",
        "quad_class",
        "status",
        "start",
        "end",
        "text",
        "article_id",
        "min_confidence",
        "background",
        "flagged",
    }
)
# Which side ``actor`` (or a dyad's first code) is on: the actor, the recipient, or either.
ROLES = ("actor", "recipient", "either")
FLAGGED = ("exclude", "include", "only")
# An event whose period ends this many days or more before its report is background: history the
# report recalls ("the 1956 treaty"), not news of the reporting window.
BACKGROUND_DAYS = 90
BACKGROUND_SQL = f"(date_last < CAST(report_date AS DATE) - INTERVAL {BACKGROUND_DAYS} DAY)"

# Every ordering ends on (article_id, position), which is unique, so that pages never overlap.
ORDERS: dict[str, str] = {
    "date": "date_first, date_last, article_id, position",
    "-date": "date_first DESC, date_last DESC, article_id, position",
    "report_date": "report_date, article_id, position",
    "-report_date": "report_date DESC, article_id, position",
    "goldstein": "goldstein, date_first, article_id, position",
    "-goldstein": "goldstein DESC, date_first, article_id, position",
    "confidence": "confidence, date_first, article_id, position",
    "-confidence": "confidence DESC, date_first, article_id, position",
    "article": "article_id, position",
}

INTERVALS: dict[str, str] = {
    "day": "date_first",
    "week": "CAST(date_trunc('week', date_first) AS DATE)",
    "month": "CAST(date_trunc('month', date_first) AS DATE)",
    "year": "CAST(date_trunc('year', date_first) AS DATE)",
}

_EITHER_SIDE = "(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))"
_DIRECTED = "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?))"
_DYAD = f"({_DIRECTED} OR {_DIRECTED})"
_FLAGGED_SQL = "id IN (SELECT event_id FROM flags)"


def check_filter_names(filters: dict[str, Any]) -> None:
    """Raise ``TypeError`` for a keyword that is not an event filter (a typo must not match all)."""
    unknown = sorted(set(filters) - FILTER_NAMES)
    if unknown:
        raise TypeError(
            f"unknown event filter(s): {', '.join(unknown)}; known: {', '.join(sorted(FILTER_NAMES))}"
        )


def where_clause(
    *,
    actor: str | None = None,
    role: str | None = None,
    dyad: tuple[str, str] | None = None,
    event_type: str | None = None,
    quad_class: int | None = None,
    status: str | None = None,
    start: str | None = None,
    end: str | None = None,
    text: str | None = None,
    article_id: str | None = None,
    min_confidence: float | None = None,
    background: bool | None = None,
    flagged: str | None = None,
) -> tuple[str, list[Any]]:
    """``("WHERE ...", params)`` for the given filters (``("", [])`` when there are none).

    Codes and event types are compared upper-cased (``"ind"`` finds ``IND``). ``role`` (actor,
    recipient, either: the default) says which side ``actor`` is on; for a ``dyad=(a, b)`` it is
    a's side (``"actor"``: a acts on b). ``start``/``end`` keep events whose period overlaps
    [first day of start, last day of end]. ``background=False`` leaves out background events,
    ``flagged`` is exclude, include (the same as None) or only. Raises ``ValueError`` for a
    malformed date, dyad, role, flagged value or quad class.

    >>> where_clause(event_type="agree")
    ('WHERE event = ?', ['AGREE'])
    >>> where_clause(actor="isr", role="recipient")
    ('WHERE list_contains(recipient_codes, ?)', ['ISR'])
    """
    parts: list[str] = []
    params: list[Any] = []
    side = _role(role)
    if actor is not None:
        code = actor.strip().upper()
        if side == "either":
            parts.append(_EITHER_SIDE)
            params += [code, code]
        else:
            parts.append(f"list_contains({side}_codes, ?)")
            params.append(code)
    if dyad is not None:
        if isinstance(dyad, str) or len(dyad) != 2:
            raise ValueError(f"dyad must be a pair of codes, got {dyad!r}")
        a, b = (code.strip().upper() for code in dyad)
        if side == "either":
            parts.append(_DYAD)
            params += [a, b, b, a]
        else:
            parts.append(_DIRECTED)
            params += [a, b] if side == "actor" else [b, a]
    if event_type is not None:
        parts.append("event = ?")
        params.append(event_type.strip().upper())
    if quad_class is not None:
        if int(quad_class) not in (1, 2, 3, 4):
            raise ValueError(f"quad_class must be 1, 2, 3 or 4, got {quad_class!r}")
        parts.append("quad_class = ?")
        params.append(int(quad_class))
    if status is not None:
        parts.append("status = ?")
        params.append(status.strip().lower())
    if start is not None:
        parts.append("date_last >= ?")
        params.append(date_bounds(start, what="start")[0])
    if end is not None:
        parts.append("date_first <= ?")
        params.append(date_bounds(end, what="end")[1])
    if text:
        parts.append("contains(search_text, ?)")
        params.append(text.lower())
    if article_id is not None:
        parts.append("article_id = ?")
        params.append(article_id)
    if min_confidence is not None:
        parts.append("confidence >= ?")
        params.append(float(min_confidence))
    if background is False:
        parts.append(f"NOT {BACKGROUND_SQL}")
    if flagged not in (None, "include"):
        if flagged not in FLAGGED:
            raise ValueError(f"flagged must be one of {', '.join(FLAGGED)}; got {flagged!r}")
        parts.append(_FLAGGED_SQL if flagged == "only" else f"NOT {_FLAGGED_SQL}")
    if not parts:
        return "", []
    return "WHERE " + " AND ".join(parts), params


def _role(role: str | None) -> str:
    if role is None:
        return "either"
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
    return role


def usable_filters(conn: Connection, filters: dict[str, Any]) -> dict[str, Any]:
    """``filters`` for ``conn``'s file: a file written before flags existed (schema < 3, opened
    read-only, so without the table) has no flagged events, so ``exclude`` is a no-op there and
    ``only`` matches nothing (an impossible ``quad_class`` is not used: an empty article id is)."""
    flagged = filters.get("flagged")
    if flagged in (None, "include") or conn.memoized(("has_table", "flags"), lambda: conn.has_table("flags")):
        return filters
    trimmed = {**filters, "flagged": None}
    if flagged == "only":
        trimmed["article_id"] = ""
    return trimmed


def order_clause(order: str) -> str:
    """The ORDER BY list for a whitelisted ``order`` name; ``ValueError`` for any other."""
    try:
        return ORDERS[order]
    except KeyError:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}; got {order!r}") from None


def interval_expression(interval: str) -> str:
    """The SQL expression of an event's period start; ``ValueError`` for an unknown interval."""
    try:
        return INTERVALS[interval]
    except KeyError:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}; got {interval!r}") from None


def paged(sql: str, params: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """``sql`` with LIMIT/OFFSET placeholders added, and their values appended to ``params``.

    Raises ``ValueError`` for a negative ``limit`` or ``offset``.

    >>> paged("SELECT id FROM events", [], 10, 20)
    ('SELECT id FROM events LIMIT ? OFFSET ?', [10, 20])
    """
    if limit is not None and int(limit) < 0:
        raise ValueError(f"limit must be >= 0, got {limit!r}")
    if int(offset) < 0:
        raise ValueError(f"offset must be >= 0, got {offset!r}")
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    if offset:
        sql += " OFFSET ?"
        params = [*params, int(offset)]
    return sql, params
