"""The flat shape of an event, for notebooks: one level of plain fields, codes as lists of strings,
the date as first and last day, the CAMEO code as a string ("042" keeps its zero).

``GET /events?shape=flat`` answers with ``FlatEvent`` objects instead of the nested contract ones;
``pandas.DataFrame(answer["events"])`` is then a table without any unpacking.

>>> flat = flat_event({"id": "e1", "date": "2021-12", "cameo": "042", "actor": [{"code": "IND", "name": "India"}]})
>>> flat["actor_codes"], flat["date_start"], flat["date_end"], flat["cameo"]
(['IND'], '2021-12-01', '2021-12-31', '042')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from accord.base.partial_dates import date_bounds

__all__ = ["FlatEvent", "FlatEventPage", "flat_event"]


class FlatEvent(BaseModel):
    """One event in the flat shape (``shape=flat``)."""

    id: str
    article_id: str
    cluster_id: str | None = Field(None, description="The real-world event it is a mention of, when linked.")
    date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text says.")
    date_precision: str
    date_start: str = Field(description="The first day the date (and enddate) can mean, YYYY-MM-DD.")
    date_end: str = Field(description="The last day the date (or enddate) can mean, YYYY-MM-DD.")
    report_date: str
    event: str = Field(description="PLOVER event type.")
    mode: str | None
    context: list[str]
    cameo: str = Field(description='CAMEO code as a string ("042").')
    goldstein: float
    quad_class: int
    status: str
    actor_codes: list[str]
    actor_names: list[str]
    recipient_codes: list[str]
    recipient_names: list[str]
    symmetric: bool
    location: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    trigger: str
    text: str
    confidence: float


class FlatEventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[FlatEvent]


def flat_event(event: Mapping[str, Any]) -> dict[str, Any]:
    """A contract event (``Event.to_dict()``) in the flat shape of ``FlatEvent``."""
    actors = event.get("actor") or []
    recipients = event.get("recipient") or []
    location = event.get("event_loc") or {}
    date = str(event.get("date") or "")
    first = last = None
    if date:
        first, last = date_bounds(date)
        if event.get("enddate"):
            last = date_bounds(str(event["enddate"]), what="enddate")[1]
    return {
        "id": event.get("id"),
        "article_id": event.get("article_id"),
        "cluster_id": event.get("cluster_id"),
        "date": date,
        "date_precision": event.get("date_precision"),
        "date_start": first.isoformat() if first else None,
        "date_end": last.isoformat() if last else None,
        "report_date": event.get("report_date"),
        "event": event.get("event"),
        "mode": event.get("mode"),
        "context": list(event.get("context") or []),
        "cameo": None if event.get("cameo") is None else str(event["cameo"]),
        "goldstein": event.get("goldstein"),
        "quad_class": event.get("quad_class"),
        "status": event.get("status"),
        "actor_codes": [a.get("code") for a in actors],
        "actor_names": [a.get("name") for a in actors],
        "recipient_codes": [r.get("code") for r in recipients],
        "recipient_names": [r.get("name") for r in recipients],
        "symmetric": event.get("symmetric"),
        "location": location.get("name"),
        "location_country": location.get("country_code"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "trigger": (event.get("trigger") or {}).get("text"),
        "text": event.get("text"),
        "confidence": event.get("confidence"),
    }
