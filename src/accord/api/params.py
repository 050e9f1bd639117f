"""Validated query and path parameters shared by the HTTP routes.

Every parameter the API accepts is declared here once, with its pattern or range, so that the
OpenAPI document shows the rules and a bad value is refused (422) before any query runs. The
patterns are also used to turn pydantic's messages into one line a person can act on
(:func:`describe_pattern`).

Example::

    @app.get("/events")
    def events(actor: ActorCode = None) -> dict: ...
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from fastapi import Path, Query

__all__ = [
    "CODE_PATTERN",
    "DATE_PATTERN",
    "DYAD_PATTERN",
    "EVENT_TYPES",
    "FULL_DATE_PATTERN",
    "ActorCode",
    "ArticleIdPath",
    "CodePath",
    "DateParam",
    "DyadParam",
    "EventIdPath",
    "EventType",
    "Interval",
    "OutputFormat",
    "StatusParam",
    "describe_pattern",
    "parse_partial_date",
]

CODE_PATTERN = r"^[A-Z]{3}$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DYAD_PATTERN = r"^[A-Z]{3},[A-Z]{3}$"
FULL_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

# PLOVER's sixteen event types, in the manual's order (cooperation first). The Literal is the one
# list; EVENT_TYPES is read off it, so the two cannot drift apart.
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
StatusParam = Literal["occurred", "planned", "negated", "hypothetical"]
Interval = Literal["day", "week", "month"]
OutputFormat = Literal["json", "jsonl", "csv"]

ActorCode = Annotated[
    str | None,
    Query(
        pattern=CODE_PATTERN,
        description="Country (ISO 3166 alpha-3) or PLOVER actor code, e.g. IND: events where it is actor or recipient.",
        examples=["IND"],
    ),
]
DyadParam = Annotated[
    str | None,
    Query(
        pattern=DYAD_PATTERN,
        description="Two codes separated by a comma, e.g. IND,RUS: events between them, in either direction.",
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
CodePath = Annotated[str, Path(pattern=CODE_PATTERN, description="A 3-letter actor code.", examples=["IND"])]
ArticleIdPath = Annotated[str, Path(min_length=1, max_length=300, description="The article's id.")]
EventIdPath = Annotated[str, Path(min_length=1, max_length=300, description="The event's id.")]

_PATTERN_HINTS = {
    CODE_PATTERN: "a 3-letter upper-case code such as IND",
    DATE_PATTERN: "a date YYYY, YYYY-MM or YYYY-MM-DD",
    DYAD_PATTERN: "two 3-letter codes separated by a comma, such as IND,RUS",
    FULL_DATE_PATTERN: "a date YYYY-MM-DD",
}


def describe_pattern(pattern: str) -> str:
    """What a value matching ``pattern`` looks like, in words.

    >>> describe_pattern(r"^[A-Z]{3}$")
    'a 3-letter upper-case code such as IND'
    """
    return _PATTERN_HINTS.get(pattern, f"a value matching {pattern}")


def parse_partial_date(value: str, *, last: bool = False) -> dt.date:
    """The first (or, with ``last``, the final) day that a YYYY[-MM[-DD]] value covers.

    Raises ValueError for a date that is not in the calendar (2021-02-30, 2021-13).

    >>> parse_partial_date("2021-02", last=True)
    datetime.date(2021, 2, 28)
    """
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        if not last:
            return first
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
