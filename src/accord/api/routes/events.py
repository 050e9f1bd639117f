"""``GET /events`` (filtered, ordered, paged; json, jsonl or csv; nested or flat) and ``GET /events/{event_id}``."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from accord.api.deps import DatabaseDep
from accord.api.errors import ApiError
from accord.api.export import events_to_csv
from accord.api.flat import FlatEventPage, flat_event
from accord.api.params import EventIdPath, FiltersDep, Limit, Offset, OutputFormat

__all__ = ["EventPage", "FlatEventPage", "router"]

router = APIRouter(tags=["events"])


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[dict[str, Any]]


@router.get(
    "/events",
    response_model=EventPage,
    responses={
        200: {
            "description": "The nested contract events, or with `shape=flat` the flat ones (FlatEventPage).",
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/EventPage"},
                            {"$ref": "#/components/schemas/FlatEventPage"},
                        ]
                    }
                },
                "text/csv": {},
                "application/x-ndjson": {},
            },
        }
    },
)
def list_events(
    database: DatabaseDep,
    filters: FiltersDep,
    article_id: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
    order: Annotated[
        str,
        Query(
            pattern="^-?(date|report_date|goldstein|confidence|sources)$",
            description="date, report_date, goldstein, confidence (per mention) or sources (distinct only);"
            " a leading - for descending.",
        ),
    ] = "date",
    distinct: Annotated[
        bool,
        Query(
            description="One row per real event: the cluster of every mention of it across articles, with its"
            " best-supported values, sources (number of articles), mentions (member event ids) and article_ids."
        ),
    ] = False,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Annotated[OutputFormat, Query(description="json (paged object), jsonl or csv.")] = "json",
    shape: Annotated[
        Literal["nested", "flat"],
        Query(
            description="nested: the contract's event objects; flat: one level of plain fields "
            "(actor_codes, recipient_codes, date_start, date_end, cameo as a string: FlatEvent), "
            "for json and jsonl. CSV is flat either way."
        ),
    ] = "nested",
) -> Any:
    """Events matching every filter given, ordered, one page at a time; each carries the
    ``cluster_id`` of the real event it reports.

    ``dyad=IND,RUS`` finds events between the two in either direction (``role=actor``: IND acting
    on RUS); ``start``/``end`` keep events whose period overlaps the range; flagged events are left
    out unless ``flagged`` says otherwise. ``distinct=true`` gives one row per real event (a cluster
    with a matching mention) and ``total`` counts real events. ``jsonl`` and ``csv`` carry the same
    page, with the total in the ``X-Total-Count`` header. CSV keeps CAMEO codes as written ("042"):
    read it with ``pandas.read_csv(url, dtype={"cameo": str})``, or take ``shape=flat`` JSON.
    """
    filters = {**filters, "article_id": article_id}
    if order.lstrip("-") == "confidence" and distinct or order.lstrip("-") == "sources" and not distinct:
        raise ApiError(
            400, f"order {order!r} is not available {'with' if distinct else 'without'} distinct=true"
        )
    total = database.cached(
        ("count", distinct, *filters.items()), lambda db: db.count_events(distinct=distinct, **filters)
    )
    with database.open() as db:
        records = db.event_records(**filters, limit=limit, offset=offset, order=order, distinct=distinct)
    if shape == "flat" and format != "csv":
        flat = [json.dumps(flat_event(json.loads(record)), ensure_ascii=False) for record in records]
        records = flat
    if format == "json":
        # The stored records are the contract's JSON already: passed on as they are, neither
        # parsed nor re-validated against EventPage (which stays as the documented schema).
        # Under load this is most of the work a page costs.
        head = f'{{"total":{total},"limit":{limit},"offset":{offset},"events":['
        return Response(head + ",".join(records) + "]}", media_type="application/json")
    headers = {
        "X-Total-Count": str(total),
        "Content-Disposition": f'attachment; filename="events.{format}"',
    }
    if format == "csv":
        events = [json.loads(record) for record in records]
        return Response(events_to_csv(events), media_type="text/csv; charset=utf-8", headers=headers)
    return Response(
        "".join(record + "\n" for record in records), media_type="application/x-ndjson", headers=headers
    )


@router.get("/events/{event_id}")
def get_event(database: DatabaseDep, event_id: EventIdPath) -> dict[str, Any]:
    """One event by its id (404 when there is none)."""
    with database.open() as db:
        event = db.event(event_id)
    if event is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    return event
