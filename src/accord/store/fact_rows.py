"""Agreements, deals and meetings -> rows of their tables (pure Python, no database).

Like ``rows.py`` for events: everything that can fail on a bad value (a record date that is not
YYYY[-MM[-DD]], a record of another article) fails here, before a transaction is opened.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.fact_records import Agreement, Deal, Meeting, Span
from accord.records import ArticleResult, Entity
from accord.store.rows import date_bounds

__all__ = [
    "ACTOR_COLUMNS",
    "AGREEMENT_COLUMNS",
    "DEAL_COLUMNS",
    "MEETING_COLUMNS",
    "RECORD_TABLES",
    "TableRows",
    "record_rows",
]

_HEAD = ("id", "article_id", "position", "cluster_id", "kind", "name", "name_start", "name_end")
_DATES = ("date", "date_precision", "date_first", "date_last", "report_date")
_TAIL = ("event_ids", "mentions", "search_text", "record")

AGREEMENT_COLUMNS = (
    *_HEAD,
    "action",
    "status",
    *_DATES,
    "term_start_year",
    "term_end_year",
    "term_years",
    "term_added",
    "earlier_relation",
    "earlier_text",
    "earlier_date",
    "party_codes",
    "signatory_codes",
    "actor_codes",
    *_TAIL,
)
DEAL_COLUMNS = (
    *_HEAD,
    "status",
    *_DATES,
    "buyer_codes",
    "seller_codes",
    "party_codes",
    "actor_codes",
    "item",
    "quantity",
    "amount",
    "currency",
    "approximate",
    "intermediary",
    *_TAIL,
)
MEETING_COLUMNS = (
    *_HEAD,
    "status",
    *_DATES,
    "ordinal",
    "recurrence",
    "participant_codes",
    "chair_codes",
    "actor_codes",
    "place_name",
    "place_country_code",
    "place_lat",
    "place_lon",
    *_TAIL,
)
ACTOR_COLUMNS = (
    "record_id",
    "record_type",
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
# The tables of records, each child of an article (deleted with it when it is replaced).
RECORD_TABLES = ("agreements", "deals", "meetings", "record_actors")


@dataclass(frozen=True)
class TableRows:
    """Rows for one table, with its column names in the order of each row."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def record_rows(result: ArticleResult) -> tuple[TableRows, ...]:
    """The rows that store ``result``'s agreements, deals and meetings; ``ValueError`` for a record of
    another article or a malformed date."""
    article_id = result.article.id
    every: tuple[Agreement | Deal | Meeting, ...] = (*result.agreements, *result.deals, *result.meetings)
    for record in every:
        if record.article_id != article_id:
            raise ValueError(
                f"{record.record_type} {record.id!r} names article {record.article_id!r}, not {article_id!r}"
            )
    actors: list[tuple[Any, ...]] = []
    agreements = [_agreement_row(a, i, actors) for i, a in enumerate(result.agreements)]
    deals = [_deal_row(d, i, actors) for i, d in enumerate(result.deals)]
    meetings = [_meeting_row(m, i, actors) for i, m in enumerate(result.meetings)]
    return (
        TableRows("agreements", AGREEMENT_COLUMNS, tuple(agreements)),
        TableRows("deals", DEAL_COLUMNS, tuple(deals)),
        TableRows("meetings", MEETING_COLUMNS, tuple(meetings)),
        TableRows("record_actors", ACTOR_COLUMNS, tuple(actors)),
    )


def _head(record: Agreement | Deal | Meeting, position: int) -> tuple[Any, ...]:
    name = record.name
    return (
        record.id,
        record.article_id,
        position,
        None,  # cluster_id: set when records are linked across articles
        record.kind,
        name.text if name else None,
        name.start if name else None,
        name.end if name else None,
    )


def _dates(record: Agreement | Deal | Meeting) -> tuple[Any, ...]:
    first, last = date_bounds(record.date, what=f"{record.record_type} {record.id!r}: date")
    return (record.date, record.date_precision, first, last, record.report_date)


def _tail(record: Agreement | Deal | Meeting, extra: Sequence[str]) -> tuple[Any, ...]:
    words = [m.text for m in record.mentions] + [text for text in extra if text]
    return (
        list(record.event_ids),
        [_span_struct(m) for m in record.mentions],
        "\n".join(words).lower(),
        json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False),
    )


def _span_struct(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def _codes(entities: Sequence[Entity]) -> list[str]:
    return list(dict.fromkeys(e.code for e in entities))


def _add_actors(
    actors: list[tuple[Any, ...]], record: Agreement | Deal | Meeting, role: str, entities: Sequence[Entity]
) -> None:
    for position, e in enumerate(entities):
        actors.append(
            (
                record.id,
                record.record_type,
                record.article_id,
                role,
                position,
                e.code,
                e.name,
                e.kind,
                e.sector,
                e.office,
                e.entity_text,
                e.start,
                e.end,
            )
        )


def _agreement_row(record: Agreement, position: int, actors: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    _add_actors(actors, record, "party", record.parties)
    _add_actors(actors, record, "signatory", record.signatories)
    term, earlier = record.term, record.earlier
    return (
        *_head(record, position),
        record.action,
        record.status,
        *_dates(record),
        term.start_year if term else None,
        term.end_year if term else None,
        term.years if term else None,
        term.added if term else None,
        earlier.relation if earlier else None,
        earlier.text if earlier else None,
        earlier.date if earlier else None,
        _codes(record.parties),
        _codes(record.signatories),
        _codes([*record.parties, *record.signatories]),
        *_tail(record, [earlier.text if earlier else ""]),
    )


def _deal_row(record: Deal, position: int, actors: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    _add_actors(actors, record, "buyer", record.buyer)
    _add_actors(actors, record, "seller", record.seller)
    _add_actors(actors, record, "party", record.parties)
    money, item = record.money, record.item
    return (
        *_head(record, position),
        record.status,
        *_dates(record),
        _codes(record.buyer),
        _codes(record.seller),
        _codes(record.parties),
        _codes([*record.buyer, *record.seller, *record.parties]),
        item.text if item else None,
        record.quantity.value if record.quantity else None,
        money.amount if money else None,
        money.currency if money else None,
        money.approximate if money else None,
        record.intermediary.text if record.intermediary else None,
        *_tail(record, [item.text if item else "", record.intermediary.text if record.intermediary else ""]),
    )


def _meeting_row(record: Meeting, position: int, actors: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    _add_actors(actors, record, "participant", record.participants)
    _add_actors(actors, record, "chair", record.chairs)
    _add_actors(actors, record, "person", record.people)
    place = record.place
    return (
        *_head(record, position),
        record.status,
        *_dates(record),
        record.ordinal,
        record.recurrence,
        _codes(record.participants),
        _codes(record.chairs),
        _codes([*record.participants, *record.chairs, *record.people]),
        place.name if place else None,
        place.country_code if place else None,
        place.lat if place else None,
        place.lon if place else None,
        *_tail(record, [place.name if place else ""]),
    )
