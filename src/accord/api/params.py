"""Validated query and path parameters shared by the HTTP routes.

Every parameter the API accepts is declared here once, with its pattern or range, so that the
OpenAPI document shows the rules and a bad value is refused (422) before any query runs. The
patterns are also used to turn pydantic's messages into one line a person can act on
(:func:`describe_pattern`). The vocabularies (event types, statuses) come from
``accord.base.ontology``; the partial dates are read by ``accord.base.partial_dates``.

Codes are accepted in any case ("chn" is CHN). The filters that every event answer shares (who,
what, when, how sure, which events an analyst trusts) are one dependency, ``FiltersDep``: the same
query parameters on ``/events``, the timelines, ``/network``, ``/places`` and ``/overview``, so that one
filter state drives every panel of the dashboard.

Example::

    @router.get("/events")
    def events(filters: FiltersDep) -> dict: ...
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query

from accord.api.errors import ApiError
from accord.base.ontology import EventType, Status
from accord.base.partial_dates import PARTIAL_DATE_PATTERN, date_bounds

__all__ = [
    "CODE_PATTERN",
    "DATE_PATTERN",
    "DYAD_PATTERN",
    "FULL_DATE_PATTERN",
    "ActorCode",
    "ArticleIdPath",
    "CodePath",
    "DateParam",
    "DyadParam",
    "EventIdPath",
    "Flagged",
    "CountUnit",
    "FiltersDep",
    "Interval",
    "TimelineInterval",
    "Limit",
    "Offset",
    "OutputFormat",
    "RecordIdPath",
    "Role",
    "check_date_range",
    "describe_pattern",
    "event_filters",
]

CODE_PATTERN = r"^[A-Za-z]{3}$"
DATE_PATTERN = PARTIAL_DATE_PATTERN
DYAD_PATTERN = r"^[A-Za-z]{3},[A-Za-z]{3}$"
FULL_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

Interval = Literal["day", "week", "month", "year"]
# Timelines also take "auto": the finest interval that draws the span in at most 120 periods.
TimelineInterval = Literal["auto", "day", "week", "month", "year"]
OutputFormat = Literal["json", "jsonl", "csv"]
Role = Literal["actor", "recipient", "either"]
Flagged = Literal["exclude", "include", "only"]

ActorCode = Annotated[
    str | None,
    Query(
        pattern=CODE_PATTERN,
        description="Country (ISO 3166 alpha-3) or actor code, any case, e.g. IND: events where it is on "
        "the side `role` says (either side by default). /codes finds the code of a name.",
        examples=["IND"],
    ),
]
DyadParam = Annotated[
    str | None,
    Query(
        pattern=DYAD_PATTERN,
        description="Two codes separated by a comma, e.g. IND,RUS: events between them, in either "
        "direction, or with `role=actor` the first acting on the second.",
        examples=["IND,RUS"],
    ),
]
DateParam = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).",
        examples=["2021-12-06"],
    ),
]
# Paging of the list routes (events, articles, actors).
Limit = Annotated[int, Query(ge=1, le=1000)]
CountUnit = Annotated[
    Literal["clusters", "mentions"],
    Query(
        description="What an aggregate counts: clusters (each real event once, however many articles"
        " report it) or mentions (every report of it)."
    ),
]
Offset = Annotated[int, Query(ge=0, le=100_000_000)]
CodePath = Annotated[
    str, Path(pattern=CODE_PATTERN, description="A 3-letter actor code, any case.", examples=["IND"])
]
ArticleIdPath = Annotated[str, Path(min_length=1, max_length=300, description="The article's id.")]
EventIdPath = Annotated[str, Path(min_length=1, max_length=300, description="The event's id.")]
RecordIdPath = Annotated[
    str,
    Path(min_length=1, max_length=300, description="The record's id (ag-, de- or me- and 16 hex digits)."),
]

_PATTERN_HINTS = {
    CODE_PATTERN: "a 3-letter code such as IND",
    DATE_PATTERN: "a date YYYY, YYYY-MM or YYYY-MM-DD",
    DYAD_PATTERN: "two 3-letter codes separated by a comma, such as IND,RUS",
    FULL_DATE_PATTERN: "a date YYYY-MM-DD",
}


def describe_pattern(pattern: str) -> str:
    """What a value matching ``pattern`` looks like, in words.

    >>> describe_pattern(r"^[A-Za-z]{3}$")
    'a 3-letter code such as IND'
    """
    return _PATTERN_HINTS.get(pattern, f"a value matching {pattern}")


def check_date_range(start: str | None, end: str | None) -> None:
    """Refuse a ``start``/``end`` pair (each YYYY[-MM[-DD]] or None) that no event could match.

    Raises ``ApiError`` 422 for a date not in the calendar (2021-02-30, 2021-13), 400 for a start
    after the end; returns None otherwise.

    >>> check_date_range("2021", "2021-02")
    >>> check_date_range("2021-03", "2021-02")
    Traceback (most recent call last):
    accord.api.errors.ApiError: start 2021-03 is after end 2021-02
    """
    first = last = None
    for name, value, is_end in (("start", start, False), ("end", end, True)):
        if value is None:
            continue
        try:
            bounds = date_bounds(value, what=name)
        except ValueError:
            raise ApiError(422, f"{name} {value!r} is not a calendar date") from None
        if is_end:
            last = bounds[1]
        else:
            first = bounds[0]
    if first is not None and last is not None and first > last:
        raise ApiError(400, f"start {start} is after end {end}")


def event_filters(
    actor: ActorCode = None,
    role: Annotated[
        Role | None,
        Query(description="Which side `actor` (or the first code of `dyad`) is on; either by default."),
    ] = None,
    dyad: DyadParam = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1-4.")] = None,
    status: Annotated[Status | None, Query()] = None,
    start: DateParam = None,
    end: DateParam = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Text in the sentence.")] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="Only events coded with at least this confidence.")
    ] = None,
    background: Annotated[
        bool | None,
        Query(
            description="Keep events dated 90 days or more before their report (history the report "
            "recalls). Lists and aggregates keep them unless told false; timelines leave them out "
            "unless told true, and then draw them as their own series."
        ),
    ] = None,
    flagged: Annotated[
        Flagged,
        Query(description="Events an analyst flagged as wrong: left out (the default), kept, or alone."),
    ] = "exclude",
) -> dict[str, Any]:
    """The store's event filters (``Database.events`` keywords) from the query parameters.

    Raises ``ApiError`` for a date range no event could match (see ``check_date_range``).
    """
    check_date_range(start, end)
    return {
        "actor": actor.upper() if actor else None,
        "role": role,
        "dyad": tuple(dyad.upper().split(",")) if dyad else None,
        "event_type": type,
        "quad_class": quad_class,
        "status": status,
        "start": start,
        "end": end,
        "text": q,
        "min_confidence": min_confidence,
        "background": background,
        "flagged": flagged,
    }


FiltersDep = Annotated[dict[str, Any], Depends(event_filters)]
