"""Records -> rows of the store's tables (pure Python, no database).

Everything that can fail on a bad value (an event date that is not YYYY[-MM[-DD]]) fails here,
before a transaction is opened, so that a bad article costs nothing in the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from accord.base import partial_dates
from accord.base.partial_dates import PARTIAL_DATE_PATTERN
from accord.records import ArticleResult, Entity, Event, Money, Quantity, TimeExpression

_CONTRACT_DATE = re.compile(PARTIAL_DATE_PATTERN)

# Column orders; they must match the tuples built below and the tables in schema.sql.
ARTICLE_COLUMNS = (
    "id",
    "report_date",
    "title",
    "url",
    "source",
    "origin",
    "line",
    "text",
    "content_hash",
    "event_count",
    "extra",
    "ingested_at",
)
EVENT_COLUMNS = (
    "id",
    "article_id",
    "position",
    "date",
    "date_precision",
    "enddate",
    "date_first",
    "date_last",
    "report_date",
    "event",
    "mode",
    "context",
    "cameo",
    "goldstein",
    "quad_class",
    "status",
    '"symmetric"',
    "text",
    "text_start",
    "text_end",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "confidence",
    "event_loc_name",
    "event_loc_country_code",
    "event_loc_lat",
    "event_loc_lon",
    "event_loc_start",
    "event_loc_end",
    "actor_codes",
    "recipient_codes",
    "search_text",
    "record",
    "cluster_id",
    "counts",
)
PARTICIPANT_COLUMNS = (
    "event_id",
    "article_id",
    "role",
    "position",
    "code",
    "name",
    "kind",
    "sector",
    "office",
    "entity_text",
    '"start"',
    '"end"',
)
ENTITY_COLUMNS = (
    "article_id",
    "position",
    "entity_text",
    "name",
    "code",
    "kind",
    "sector",
    "office",
    '"start"',
    '"end"',
)
QUANTITY_COLUMNS = ("article_id", "event_id", "position", "value", "unit", "item", "text", '"start"', '"end"')
MONEY_COLUMNS = (
    "article_id",
    "event_id",
    "position",
    "amount",
    "currency",
    "approximate",
    "text",
    '"start"',
    '"end"',
)
TIME_COLUMNS = (
    "article_id",
    "position",
    "text",
    '"start"',
    '"end"',
    "timex_type",
    "timex",
    "date",
    "precision",
    "enddate",
)


@dataclass
class ArticleRows:
    """All rows of one article, ready for insertion (one list per table)."""

    article: tuple[Any, ...]
    events: list[tuple[Any, ...]] = field(default_factory=list)
    participants: list[tuple[Any, ...]] = field(default_factory=list)
    entities: list[tuple[Any, ...]] = field(default_factory=list)
    quantities: list[tuple[Any, ...]] = field(default_factory=list)
    money: list[tuple[Any, ...]] = field(default_factory=list)
    times: list[tuple[Any, ...]] = field(default_factory=list)


def content_hash(article_id: str, date: dt.date, text: str) -> str:
    """sha256 (hex) of an article's id, date and text: equal hashes mean the same input.

    >>> content_hash("a1", dt.date(2021, 12, 6), "India and Russia signed.")[:12]
    '3d4661b17cf2'
    """
    payload = "\x1f".join((article_id, date.isoformat(), text))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def date_bounds(value: str, *, what: str = "date") -> tuple[dt.date, dt.date]:
    """First and last day of a contract date (YYYY, YYYY-MM or YYYY-MM-DD, two-digit month and day).

    ``accord.base.partial_dates.date_bounds`` with the contract's strict form checked first: the
    base also reads "2021-2", which the store has always refused. Raises ``ValueError`` naming
    ``what`` when ``value`` is not in one of those forms or is no calendar date.

    >>> date_bounds("2021-02")
    (datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
    """
    if not isinstance(value, str) or _CONTRACT_DATE.match(value.strip()) is None:
        raise ValueError(f"{what} {value!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD")
    return partial_dates.date_bounds(value, what=what)


def article_rows(result: ArticleResult, digest: str, now: dt.datetime) -> ArticleRows:
    """Every row that stores ``result``; raises ``ValueError`` on a value the tables cannot hold."""
    article = result.article
    rows = ArticleRows(article=_article_row(result, digest, now))
    mentions: dict[tuple[int, int, str], Entity] = {}
    for entity in result.entities:
        mentions.setdefault((entity.start, entity.end, entity.code), entity)
    for position, event in enumerate(result.events):
        if event.article_id != article.id:
            raise ValueError(f"event {event.id!r} names article {event.article_id!r}, not {article.id!r}")
        rows.events.append(_event_row(event, position))
        for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
            for index, entity in enumerate(entities):
                rows.participants.append((event.id, article.id, role, index, *_entity_fields(entity)))
                mentions.setdefault((entity.start, entity.end, entity.code), entity)
        rows.quantities += [_quantity_row(article.id, event.id, i, q) for i, q in enumerate(event.quantities)]
        rows.money += [_money_row(article.id, event.id, i, m) for i, m in enumerate(event.money)]
    # Quantities and amounts of the article that no event claimed.
    rows.quantities += [_quantity_row(article.id, None, i, q) for i, q in enumerate(result.quantities)]
    rows.money += [_money_row(article.id, None, i, m) for i, m in enumerate(result.money)]
    ordered = sorted(mentions.values(), key=lambda e: (e.start, e.end, e.code))
    rows.entities = [_mention_row(article.id, index, entity) for index, entity in enumerate(ordered)]
    rows.times = [_time_row(article.id, index, time) for index, time in enumerate(result.times)]
    return rows


def _article_row(result: ArticleResult, digest: str, now: dt.datetime) -> tuple[Any, ...]:
    article = result.article
    return (
        article.id,
        article.date,
        article.title,
        article.url,
        article.source,
        article.origin,
        article.line,
        article.text,
        digest,
        len(result.events),
        json.dumps(result.extra, ensure_ascii=False, default=str) if result.extra else None,
        now,
    )


def _entity_fields(entity: Entity) -> tuple[Any, ...]:
    # The tail of a PARTICIPANT_COLUMNS row, after (event_id, article_id, role, position).
    return (
        entity.code,
        entity.name,
        entity.kind,
        entity.sector,
        entity.office,
        entity.entity_text,
        entity.start,
        entity.end,
    )


def _mention_row(article_id: str, position: int, entity: Entity) -> tuple[Any, ...]:
    return (
        article_id,
        position,
        entity.entity_text,
        entity.name,
        entity.code,
        entity.kind,
        entity.sector,
        entity.office,
        entity.start,
        entity.end,
    )


def _quantity_row(
    article_id: str, event_id: str | None, position: int, quantity: Quantity
) -> tuple[Any, ...]:
    return (
        article_id,
        event_id,
        position,
        quantity.value,
        quantity.unit,
        quantity.item,
        quantity.text,
        quantity.start,
        quantity.end,
    )


def _money_row(article_id: str, event_id: str | None, position: int, money: Money) -> tuple[Any, ...]:
    return (
        article_id,
        event_id,
        position,
        money.amount,
        money.currency,
        money.approximate,
        money.text,
        money.start,
        money.end,
    )


def _time_row(article_id: str, position: int, time: TimeExpression) -> tuple[Any, ...]:
    return (
        article_id,
        position,
        time.text,
        time.start,
        time.end,
        time.timex_type,
        time.timex,
        time.date,
        time.precision,
        time.enddate,
    )


def _event_row(event: Event, position: int) -> tuple[Any, ...]:
    first, last = date_bounds(event.date, what=f"event {event.id!r}: date")
    if event.enddate:
        end_first, last = date_bounds(event.enddate, what=f"event {event.id!r}: enddate")
        if end_first < first:
            raise ValueError(f"event {event.id!r}: enddate {event.enddate!r} is before date {event.date!r}")
    loc = event.event_loc
    record = json.dumps(event.to_dict(), ensure_ascii=False, allow_nan=False)
    return (
        event.id,
        event.article_id,
        position,
        event.date,
        event.date_precision,
        event.enddate,
        first,
        last,
        event.report_date,
        event.event,
        event.mode,
        list(event.context),
        event.cameo,
        event.goldstein,
        event.quad_class,
        event.status,
        event.symmetric,
        event.text,
        event.text_start,
        event.text_end,
        event.trigger.text,
        event.trigger.start,
        event.trigger.end,
        event.confidence,
        loc.name if loc else None,
        loc.country_code if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.start if loc else None,
        loc.end if loc else None,
        [e.code for e in event.actor],
        [e.code for e in event.recipient],
        f"{event.text}\n{event.trigger.text}".lower(),
        record,
        None,  # cluster_id: chosen by the linker inside the write transaction (store/clusters.py)
        [{"unit": q.unit, "value": q.value} for q in event.quantities if q.unit],
    )
