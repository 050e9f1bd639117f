"""A cluster's best-supported values, from its members' rows: what one row per real event shows.

For events: the most common PLOVER type, then the most common CAMEO code among members of that type
(its Goldstein value and quad class with it), the most common date among the members with the finest
precision, the most common status; the sides are the union of the members' codes, most often named
first; the place is the one most members name in their own sentence (any place when none does). Ties
go to the first value in sort order, so the summary depends on the members, never on the order they
arrived in. For records the same, over the record's kind, action or status and date.

>>> rows = [{"id": "e1", "article_id": "a1", "event": "ASSAULT", "cameo": "190", "goldstein": -10.0,
...          "quad_class": 4, "status": "occurred", "date": "1987-10-19", "date_precision": "day",
...          "enddate": None, "actor_codes": ["USA"], "recipient_codes": ["IRN"], "report_date": "1987-10-19"},
...         {"id": "e2", "article_id": "a2", "event": "ASSAULT", "cameo": "1712", "goldstein": -9.5,
...          "quad_class": 4, "status": "occurred", "date": "1987-10", "date_precision": "month",
...          "enddate": None, "actor_codes": ["UNK"], "recipient_codes": ["IRN", "QAT"], "report_date": "1987-10-20"}]
>>> summary = summarize("event", rows)
>>> summary.date, summary.recipient_codes, summary.representative_id
('1987-10-19', ('IRN', 'QAT'), 'e1')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from accord.link.mentions import NO_CODE, Kind

__all__ = ["Summary", "summarize"]

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_STATUS_RANK = {"occurred": 0, "held": 0, "signed": 0, "planned": 1}
_H = TypeVar("_H", bound=Hashable)
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Summary:
    """One cluster's values (see the module docstring). ``representative_id`` is the member whose own
    values are the cluster's (type, code and date), the earliest report first; its record is the base
    of the cluster's row when events are served one per cluster."""

    kind: Kind
    type: str
    subtype: str | None
    status: str | None
    date: str
    date_precision: str
    enddate: str | None
    goldstein: float | None
    quad_class: int | None
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    location: tuple[str | None, str | None, float | None, float | None]
    representative_id: str
    member_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    first_report_date: str
    last_report_date: str


def _most_common(values: Iterable[_H], rank: Callable[[_H], Any] = lambda v: str(v)) -> _H:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], rank(v)))


def _union(lists: Iterable[Sequence[str] | None]) -> tuple[str, ...]:
    counts = Counter(code for codes in lists for code in dict.fromkeys(codes or ()) if code not in NO_CODE)
    return tuple(sorted(counts, key=lambda c: (-counts[c], c)))


def _location(rows: Sequence[Row]) -> tuple[str | None, str | None, float | None, float | None]:
    def place(row: Row) -> tuple[str | None, str | None, float | None, float | None]:
        return (
            row.get("event_loc_name"),
            row.get("event_loc_country_code"),
            row.get("event_loc_lat"),
            row.get("event_loc_lon"),
        )

    stated = [place(r) for r in rows if r.get("event_loc_name") and r.get("event_loc_start") is not None]
    named = stated or [place(r) for r in rows if r.get("event_loc_name")]
    return _most_common(named) if named else (None, None, None, None)


def _event_values(rows: Sequence[Row]) -> dict[str, Any]:
    event_type = _most_common(r["event"] for r in rows)
    typed = [r for r in rows if r["event"] == event_type]
    cameo = _most_common(r["cameo"] for r in typed)
    coded = next(r for r in typed if r["cameo"] == cameo)
    return {
        "type": event_type,
        "subtype": cameo,
        "goldstein": coded.get("goldstein"),
        "quad_class": coded.get("quad_class"),
        "actor_codes": _union(r.get("actor_codes") for r in rows),
        "recipient_codes": _union(r.get("recipient_codes") for r in rows),
        "location": _location(rows),
        "matches": lambda r: r["event"] == event_type and r["cameo"] == cameo,
        "status": _most_common((r["status"] for r in rows), lambda s: (_STATUS_RANK.get(s, 2), s)),
    }


def _record_values(rows: Sequence[Row]) -> dict[str, Any]:
    kind = _most_common(r["kind"] for r in rows)
    status_key = "action" if any(r.get("action") for r in rows) else "status"
    statuses = [str(r[status_key]) for r in rows if r.get(status_key)]
    codes = _union(r.get("actor_codes") for r in rows)
    return {
        "type": str(rows[0]["record_type"]),
        "subtype": kind,
        "goldstein": None,
        "quad_class": None,
        "actor_codes": codes,
        "recipient_codes": _union(r.get("seller_codes") for r in rows),
        "location": _most_common(
            [
                (r.get("place_name"), r.get("place_country_code"), r.get("place_lat"), r.get("place_lon"))
                for r in rows
            ]
        ),
        "matches": lambda r: r["kind"] == kind,
        "status": _most_common(statuses, lambda s: (_STATUS_RANK.get(s, 2), s)) if statuses else None,
    }


def summarize(kind: Kind, rows: Sequence[Row]) -> Summary:
    """The summary of a cluster whose members are ``rows`` (rows of ``events``, or of a record table
    with a ``record_type`` key); ``ValueError`` when there are none."""
    if not rows:
        raise ValueError("a cluster has at least one member")
    values = _event_values(rows) if kind == "event" else _record_values(rows)
    finest = min(_PRECISION_RANK.get(r["date_precision"], 3) for r in rows)
    precise = [r for r in rows if _PRECISION_RANK.get(r["date_precision"], 3) == finest]
    date = _most_common(r["date"] for r in precise)
    dated = [r for r in precise if r["date"] == date]
    enddate = _most_common((r.get("enddate") for r in dated), lambda v: (v is None, str(v)))
    by_report = sorted(rows, key=lambda r: (str(r["report_date"]), str(r["id"])))
    matches = values["matches"]
    representative = next((r for r in by_report if matches(r) and r["date"] == date), by_report[0])
    return Summary(
        kind=kind,
        type=values["type"],
        subtype=values["subtype"],
        status=values["status"],
        date=date,
        date_precision=dated[0]["date_precision"],
        enddate=enddate,
        goldstein=values["goldstein"],
        quad_class=values["quad_class"],
        actor_codes=values["actor_codes"],
        recipient_codes=values["recipient_codes"],
        location=values["location"],
        representative_id=str(representative["id"]),
        member_ids=tuple(str(r["id"]) for r in by_report),
        article_ids=tuple(dict.fromkeys(str(r["article_id"]) for r in by_report)),
        first_report_date=str(by_report[0]["report_date"]),
        last_report_date=str(by_report[-1]["report_date"]),
    )
