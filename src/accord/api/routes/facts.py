"""``GET /agreements``, ``/deals`` and ``/meetings`` (filtered, paged; json, jsonl or csv) and one record
each by id: ``/agreements/{id}``, ``/deals/{id}``, ``/meetings/{id}``.

The filters have the names of ``GET /events``' where they mean the same (``actor``, ``status``, ``start``,
``end``, ``q``, ``article_id``), plus ``kind``, and ``action`` for agreements. CSV is the store's flat
schema of each record type (``accord.store.fact_export.CSV_COLUMNS``, the same as ``accord agreements
--format csv``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from accord.api.deps import DatabaseDep, SharedDatabase
from accord.api.errors import ApiError
from accord.api.export import events_to_jsonl
from accord.api.params import (
    ActorCode,
    DateParam,
    Limit,
    Offset,
    OutputFormat,
    RecordIdPath,
    check_date_range,
)
from accord.base.ontology import Status
from accord.fact_records import (
    AgreementAction,
    AgreementKind,
    DealKind,
    DealStatus,
    MeetingKind,
    MeetingStatus,
)

__all__ = ["AgreementPage", "DealPage", "MeetingPage", "router"]

router = APIRouter(tags=["agreements, deals and meetings"])

TextQuery = Annotated[
    str | None,
    Query(min_length=1, max_length=200, description="Words in the name, a mention, the item or the place."),
]
ArticleQuery = Annotated[
    str | None, Query(min_length=1, max_length=300, description="Only this article's records.")
]
Order = Annotated[
    Literal["date", "-date"], Query(description="By date, oldest (date) or newest (-date) first.")
]
Format = Annotated[OutputFormat, Query(description="json (paged object), jsonl or csv.")]
Distinct = Annotated[
    bool,
    Query(
        description="One row per cluster: the same record reported by several articles once, with sources"
        " (number of articles), member_ids and article_ids."
    ),
]


class AgreementPage(BaseModel):
    """One page of agreements: each as ``Agreement.to_dict()`` with its ``cluster_id``."""

    total: int
    limit: int
    offset: int
    agreements: list[dict[str, Any]]


class DealPage(BaseModel):
    """One page of deals: each as ``Deal.to_dict()`` with its ``cluster_id``."""

    total: int
    limit: int
    offset: int
    deals: list[dict[str, Any]]


class MeetingPage(BaseModel):
    """One page of meetings: each as ``Meeting.to_dict()`` with its ``cluster_id``."""

    total: int
    limit: int
    offset: int
    meetings: list[dict[str, Any]]


_FORMATS: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}}


def _page(
    database: SharedDatabase,
    record_type: str,
    filters: dict[str, Any],
    *,
    order: str,
    limit: int,
    offset: int,
    format: str,
    distinct: bool = False,
) -> Any:
    """The page of records as the ``format`` asks, with the total (in ``X-Total-Count`` for jsonl/csv)."""
    from accord.store.fact_export import records_to_csv  # duckdb: imported on the first request

    check_date_range(filters.get("start"), filters.get("end"))
    plural = f"{record_type}s"
    total = database.cached(
        ("count", record_type, distinct, *filters.items()),
        lambda db: db.count_records(record_type, distinct=distinct, **filters),
    )
    with database.open() as db:
        found = getattr(db, plural)(limit=limit, offset=offset, order=order, distinct=distinct, **filters)
    if format == "json":
        return JSONResponse({"total": total, "limit": limit, "offset": offset, plural: found})
    headers = {
        "X-Total-Count": str(total),
        "Content-Disposition": f'attachment; filename="{plural}.{format}"',
    }
    if format == "csv":
        return Response(
            records_to_csv(record_type, found), media_type="text/csv; charset=utf-8", headers=headers
        )
    return Response(events_to_jsonl(found), media_type="application/x-ndjson", headers=headers)


def _one(database: SharedDatabase, record_type: str, record_id: str) -> dict[str, Any]:
    with database.open() as db:
        found = db.record(record_id, record_type)
    if found is None:
        raise ApiError(404, f"no {record_type} with id {record_id!r}")
    return found


@router.get("/agreements", response_model=AgreementPage, responses=_FORMATS)
def list_agreements(
    database: DatabaseDep,
    actor: ActorCode = None,
    kind: Annotated[AgreementKind | None, Query(description="treaty, pact, memorandum, ...")] = None,
    action: Annotated[
        AgreementAction | None, Query(description="What was done to it: signed, ratified, ...")
    ] = None,
    status: Annotated[
        Status | None, Query(description="Whether that happened: occurred, planned, ...")
    ] = None,
    start: DateParam = None,
    end: DateParam = None,
    q: TextQuery = None,
    article_id: ArticleQuery = None,
    order: Order = "date",
    distinct: Distinct = False,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Agreements matching every filter given (``actor``: a party's or signatory's code), one page."""
    filters = {"actor": actor, "kind": kind, "action": action, "status": status}
    filters |= {"start": start, "end": end, "text": q, "article_id": article_id}
    return _page(
        database,
        "agreement",
        filters,
        order=order,
        limit=limit,
        offset=offset,
        format=format,
        distinct=distinct,
    )


@router.get("/deals", response_model=DealPage, responses=_FORMATS)
def list_deals(
    database: DatabaseDep,
    actor: ActorCode = None,
    kind: Annotated[DealKind | None, Query(description="procurement, arms_transfer, purchase, ...")] = None,
    status: Annotated[DealStatus | None, Query(description="signed, completed, planned, ...")] = None,
    start: DateParam = None,
    end: DateParam = None,
    q: TextQuery = None,
    article_id: ArticleQuery = None,
    order: Order = "date",
    distinct: Distinct = False,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Deals matching every filter given (``actor``: the buyer's, seller's or a party's code), one page."""
    filters = {"actor": actor, "kind": kind, "status": status}
    filters |= {"start": start, "end": end, "text": q, "article_id": article_id}
    return _page(
        database, "deal", filters, order=order, limit=limit, offset=offset, format=format, distinct=distinct
    )


@router.get("/meetings", response_model=MeetingPage, responses=_FORMATS)
def list_meetings(
    database: DatabaseDep,
    actor: ActorCode = None,
    kind: Annotated[MeetingKind | None, Query(description="summit, commission, talks, ...")] = None,
    status: Annotated[
        MeetingStatus | None, Query(description="held, planned, cancelled or postponed")
    ] = None,
    start: DateParam = None,
    end: DateParam = None,
    q: TextQuery = None,
    article_id: ArticleQuery = None,
    order: Order = "date",
    distinct: Distinct = False,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Meetings matching every filter given (``actor``: a participant's, chair's or person's code)."""
    filters = {"actor": actor, "kind": kind, "status": status}
    filters |= {"start": start, "end": end, "text": q, "article_id": article_id}
    return _page(
        database,
        "meeting",
        filters,
        order=order,
        limit=limit,
        offset=offset,
        format=format,
        distinct=distinct,
    )


@router.get("/agreements/{record_id}")
def get_agreement(database: DatabaseDep, record_id: RecordIdPath) -> dict[str, Any]:
    """One agreement by its id (404 when there is none)."""
    return _one(database, "agreement", record_id)


@router.get("/deals/{record_id}")
def get_deal(database: DatabaseDep, record_id: RecordIdPath) -> dict[str, Any]:
    """One deal by its id (404 when there is none)."""
    return _one(database, "deal", record_id)


@router.get("/meetings/{record_id}")
def get_meeting(database: DatabaseDep, record_id: RecordIdPath) -> dict[str, Any]:
    """One meeting by its id (404 when there is none)."""
    return _one(database, "meeting", record_id)
