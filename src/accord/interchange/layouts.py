"""Accord's events in the layouts analysts' code already reads: ICEWS, Phoenix and PLOVER.

Each function takes one event as Accord serves it (a contract dict with its ``cluster_id``; for a
row per real event, the cluster's row of ``Database.events(distinct=True)``) and the ``Story``
(publisher, address, sentence number) it was read from.

- **ICEWS** (``ICEWS_COLUMNS``, the columns of the ICEWS coded event data files on Dataverse): one
  source and one target per row (the first actor and recipient), sectors by name ("Government"),
  countries by name, ``Event Text`` the CAMEO code's description, ``Intensity`` its Goldstein value,
  ``Event Date`` the first day of the event's date (ICEWS has full dates only).
- **Phoenix** (``PHOENIX_COLUMNS``, the 26 tab-separated columns of the OEDA Phoenix daily files, which
  have no header row): ``Date`` as YYYYMMDD, actors as code + sector ("USAGOV"), ``PentaClass`` 0
  (CAMEO 01-02), 1 (03-05), 2 (06-08), 3 (09-13), 4 (14-20), ``Issues`` the PLOVER contexts,
  ``SentenceID`` the story id and the sentence number.
- **PLOVER** (``plover_object``): the JSON fields of the PLOVER manual's "Data Fields" chapter: ``id``,
  ``date``, ``enddate``, ``actor``/``recipient`` (entity objects: code, sector, entity_text, office),
  ``event`` (a list of categories), ``event_loc`` (the location object: extracted_place,
  resolved_place, lat, lon, city, province, country, country_code, resolution), ``event_text``,
  ``quad_code``, ``event_scale``, ``mode``, ``context``, ``link`` (the cluster: every report of one real
  event shares it), ``text``, ``text_info``, ``cite_info``, ``coder``; and, on a row per real event,
  ``sources``, ``mentions`` and ``article_ids`` (the manual invites providers to add named fields).

Locations carry coordinates wherever the country is known (``geography.locate``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.base.partial_dates import date_bounds
from accord.base.tsv import data_file, read_tsv
from accord.interchange.geography import country_name, locate, sector_name

__all__ = [
    "ICEWS_COLUMNS",
    "PHOENIX_COLUMNS",
    "Story",
    "cameo_description",
    "icews_row",
    "penta_class",
    "phoenix_row",
    "plover_object",
]

ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)  # fmt: skip

Event = Mapping[str, Any]


@dataclass(frozen=True)
class Story:
    """What the export knows of the article an event was read from."""

    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    sentence: int | None = None  # 1-based number of the event's sentence in the article


@functools.lru_cache(maxsize=1)
def _descriptions() -> dict[str, str]:
    rows = read_tsv(data_file("accord.coding", "cameo_plover.tsv"), required=("cameo", "description"))
    return {row["cameo"]: row["description"] for row in rows if row["description"] != "(root)"}


def cameo_description(code: str | None) -> str | None:
    """The description of a CAMEO code ("040" -> "Consult, not specified below"), from the code's
    own row or, failing that, its parent's."""
    while code:
        found = _descriptions().get(code)
        if found:
            return found
        code = code[:-1] if len(code) > 2 else None
    return None


def penta_class(code: str | None) -> int | None:
    """Phoenix's PentaClass of a CAMEO code: 0 statements and appeals (01-02), then the quad classes.

    >>> penta_class("020"), penta_class("057"), penta_class("190")
    (0, 1, 4)
    """
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _first(event: Event, side: str) -> Mapping[str, Any]:
    entities = event.get(side) or []
    return entities[0] if entities else {}


def _day(event: Event) -> str:
    return date_bounds(str(event["date"]))[0].isoformat()


def icews_row(event: Event, story: Story) -> dict[str, Any]:
    """One ICEWS row (keys ``ICEWS_COLUMNS``)."""
    source, target = _first(event, "actor"), _first(event, "recipient")
    where = locate(event.get("event_loc"))
    return {
        "Event ID": event["id"],
        "Event Date": _day(event),
        "Source Name": source.get("name"),
        "Source Sectors": sector_name(source.get("sector")),
        "Source Country": country_name(source.get("code")),
        "Event Text": cameo_description(event.get("cameo")),
        "CAMEO Code": event.get("cameo"),
        "Intensity": event.get("goldstein"),
        "Target Name": target.get("name"),
        "Target Sectors": sector_name(target.get("sector")),
        "Target Country": country_name(target.get("code")),
        "Story ID": event.get("article_id"),
        "Sentence Number": story.sentence,
        "Publisher": story.publisher,
        "City": where.city,
        "District": None,  # the gazetteer has no second-level subdivisions
        "Province": where.province,
        "Country": where.country,
        "Latitude": where.lat,
        "Longitude": where.lon,
    }


def _actor_fields(entity: Mapping[str, Any]) -> tuple[str, str, str, str]:
    code, sector = entity.get("code") or "", entity.get("sector") or ""
    return code + sector, code, sector, entity.get("office") or ""


def phoenix_row(event: Event, story: Story) -> dict[str, Any]:
    """One Phoenix row (keys ``PHOENIX_COLUMNS``)."""
    day = date_bounds(str(event["date"]))[0]
    where = locate(event.get("event_loc"))
    cameo = event.get("cameo") or ""
    source, target = _actor_fields(_first(event, "actor")), _actor_fields(_first(event, "recipient"))
    sentence = f"{event.get('article_id')}_{story.sentence}" if story.sentence else event.get("article_id")
    return dict(
        zip(
            PHOENIX_COLUMNS,
            (
                event["id"],
                day.strftime("%Y%m%d"),
                day.year,
                day.month,
                day.day,
                *source,
                *target,
                cameo,
                cameo[:2],
                penta_class(cameo),
                event.get("goldstein"),
                ",".join(event.get("context") or ()),
                where.lat,
                where.lon,
                where.name,
                where.province,
                where.country_code,
                sentence,
                story.url,
                story.publisher,
            ),  # fmt: skip
            strict=True,
        )
    )


def _plover_entity(entity: Mapping[str, Any]) -> dict[str, Any]:
    found = {key: entity.get(key) for key in ("code", "sector", "entity_text", "office") if entity.get(key)}
    if entity.get("name"):
        found["identifier_text"] = entity["name"]
    return found


def plover_object(event: Event, story: Story, *, coder: str) -> dict[str, Any]:
    """One PLOVER record (JSON object), as the manual's "Data Fields" chapter names its fields."""
    where = locate(event.get("event_loc"))
    location = None
    if where.country_code:
        location = {
            "extracted_place": (event.get("event_loc") or {}).get("name"),
            "resolved_place": where.city or where.province or where.country,
            "lat": where.lat,
            "lon": where.lon,
            "city": where.city,
            "province": where.province,
            "country": where.country,
            "country_code": where.country_code,
            "resolution": where.resolution,
        }
    trigger = event.get("trigger") or {}
    text_info = dict(event.get("text_info") or {})
    if story.sentence:
        text_info["sequence"] = story.sentence
    found: dict[str, Any] = {
        "id": event["id"],
        "date": _day(event),
        "enddate": date_bounds(str(event["enddate"]))[1].isoformat() if event.get("enddate") else None,
        "actor": [_plover_entity(e) for e in event.get("actor") or ()],
        "recipient": [_plover_entity(e) for e in event.get("recipient") or ()],
        "event": [event["event"]],
        "event_loc": location,
        "event_text": [trigger["text"]] if trigger.get("text") else [],
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": list(event.get("context") or ()),
        "link": event.get("cluster_id"),
        "text": event.get("text"),
        "text_info": text_info,
        "cite_info": {
            "citation": event.get("article_id"),
            "url": story.url,
            "title": story.title,
            "publication": story.publisher,
            "coder": coder,
            "codebook": "PLOVER (manual 0.8) with CAMEO codes",
        },
        "coder": coder,
        "status": event.get("status"),
        "cameo": event.get("cameo"),
    }
    for key in ("sources", "mentions", "article_ids"):
        if key in event:
            found[key] = event[key]
    return found
