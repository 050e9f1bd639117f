"""Flags: an analyst marks an event as wrong, and the review list of those marks.

``POST /events/{event_id}/flags`` and ``DELETE /flags/{flag_id}`` write, so they answer only when the
server was started with ``accord serve --writable`` (403 otherwise). ``GET /flags`` lists the flags,
newest first, as JSON or CSV: the corrections to make in the lexicons. Flagged events are left out of
every count and list unless a request says ``flagged=include`` (or ``only``).
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from accord.api.deps import DatabaseDep, SharedDatabase
from accord.api.errors import ApiError
from accord.api.params import EventIdPath, Limit, Offset
from accord.store import write_flags_csv

__all__ = ["FlagRequest", "router"]

router = APIRouter(tags=["flags"])

READ_ONLY = "the server is read-only: start it with `accord serve --writable` to flag events"


class FlagRequest(BaseModel):
    """What is wrong with an event, in the analyst's words."""

    problem: Literal["type", "side", "date", "status", "place", "other"] = Field(
        description="What is wrong: the event type, a side (actor or recipient), the date, the status, "
        "the place, or something else."
    )
    note: str = Field(min_length=1, max_length=2000, description="What is wrong, for the reviewer.")
    correction: str | None = Field(
        None, max_length=500, description="What it should be (a type, a code, a date), if known."
    )


def _writable(database: SharedDatabase) -> None:
    if not database.writable:
        raise ApiError(403, READ_ONLY)


@router.post("/events/{event_id}/flags", status_code=201, responses={403: {"description": READ_ONLY}})
def flag_event(database: DatabaseDep, event_id: EventIdPath, flag: FlagRequest) -> dict[str, Any]:
    """Flag one event as wrong (201 with the flag; 404 for an unknown event). The event is then left
    out of the counts, and kept in ``GET /flags`` with what it said when it was flagged."""
    _writable(database)
    with database.open() as db:
        try:
            return db.add_flag(event_id, problem=flag.problem, note=flag.note, correction=flag.correction)
        except LookupError as error:
            raise ApiError(404, str(error).strip("'\"")) from None
        except ValueError as error:
            raise ApiError(422, str(error)) from None


@router.delete("/flags/{flag_id}", status_code=204, responses={403: {"description": READ_ONLY}})
def remove_flag(
    database: DatabaseDep,
    flag_id: Annotated[str, Path(min_length=1, max_length=100, description="The flag's id (fl-...).")],
) -> Response:
    """Remove a flag (the event counts again); 404 when there is no such flag."""
    _writable(database)
    with database.open() as db:
        try:
            db.remove_flag(flag_id)
        except LookupError as error:
            raise ApiError(404, str(error).strip("'\"")) from None
    return Response(status_code=204)


@router.get("/flags", responses={200: {"content": {"text/csv": {}}}})
def list_flags(
    database: DatabaseDep,
    event_id: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
    article_id: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
    limit: Limit = 1000,
    offset: Offset = 0,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv (the review list).")] = "json",
) -> Any:
    """Flags, newest first: each with its problem, note and correction, and the event as it was when
    flagged (type, CAMEO code, date, status, sides, trigger and sentence)."""
    with database.open() as db:
        found = db.flags(event_id=event_id, article_id=article_id, limit=limit, offset=offset)
    if format == "json":
        return {"limit": limit, "offset": offset, "flags": found}
    buffer = io.StringIO()
    write_flags_csv(found, buffer)
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="flags.csv"'},
    )
