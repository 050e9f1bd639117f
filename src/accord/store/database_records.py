"""The agreements, deals and meetings of ``Database``: reads, frames and exports, each handed to ``facts``
and ``fact_export``. A base class of ``Database``, kept apart so that each module has one job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import accord.store.fact_export as fact_export
import accord.store.facts as facts
from accord.store.connection import Connection

if TYPE_CHECKING:
    import pandas

__all__ = ["RecordsAccess"]


class RecordsAccess:
    """Reading the records of agreements, deals and meetings of an open database (``_conn``)."""

    _conn: Connection

    def agreements(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        distinct: bool = False,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Stored agreements as dicts (``Agreement.to_dict()`` and ``cluster_id``), filtered and paged.

        Filters (all optional): ``actor`` (a party's or signatory's code), ``kind`` (treaty, pact, ...),
        ``action`` (signed, ratified, ...), ``status`` (occurred, planned, negated, hypothetical),
        ``start``/``end`` (overlap, as for events), ``text``, ``article_id``. ``order``: date, -date or
        article. ``distinct``: one row per cluster (the same agreement reported by several articles),
        its representative record with ``sources``, ``mentions`` and ``article_ids``.

        >>> db.agreements(actor="IND", action="signed")[0]["name"]["text"]  # doctest: +SKIP
        'Agreement on Program for Military-Technical Cooperation from 2021-2031'
        """
        return facts.records(
            self._conn, "agreement", filters, limit=limit, offset=offset, order=order, distinct=distinct
        )

    def deals(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        distinct: bool = False,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Stored deals as dicts, filtered like ``agreements`` (``actor``: buyer, seller or party;
        ``kind``: procurement, arms_transfer, ...; ``status``: signed, completed, ...)."""
        return facts.records(
            self._conn, "deal", filters, limit=limit, offset=offset, order=order, distinct=distinct
        )

    def meetings(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        distinct: bool = False,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Stored meetings as dicts, filtered like ``agreements`` (``actor``: a participant, chair or
        person; ``kind``: summit, talks, ...; ``status``: held, planned, cancelled, postponed)."""
        return facts.records(
            self._conn, "meeting", filters, limit=limit, offset=offset, order=order, distinct=distinct
        )

    def count_records(self, record_type: str, *, distinct: bool = False, **filters: Any) -> int:
        """How many records (``distinct``: clusters of records) of ``record_type`` (agreement, deal,
        meeting) match the filters."""
        return facts.count_records(self._conn, record_type, filters, distinct=distinct)

    def record(self, record_id: str, record_type: str | None = None) -> dict[str, Any] | None:
        """One agreement, deal or meeting by its id (of ``record_type``, when given), or None."""
        return facts.record(self._conn, record_id, record_type)

    def agreements_frame(self, **filters: Any) -> pandas.DataFrame:
        """Matching agreements as a DataFrame, one row per agreement, flat columns, ordered by date
        (code lists and ``event_ids`` hold lists, ``mentions`` dicts with text and offsets)."""
        return facts.records_frame(self._conn, "agreement", filters)

    def deals_frame(self, **filters: Any) -> pandas.DataFrame:
        """Matching deals as a DataFrame (see ``agreements_frame``): item, quantity, amount, currency."""
        return facts.records_frame(self._conn, "deal", filters)

    def meetings_frame(self, **filters: Any) -> pandas.DataFrame:
        """Matching meetings as a DataFrame (see ``agreements_frame``): ordinal, recurrence, place."""
        return facts.records_frame(self._conn, "meeting", filters)

    def export_records(
        self,
        record_type: str,
        path: str | Path,
        *,
        format: str,
        limit: int | None = None,
        distinct: bool = False,
        **filters: Any,
    ) -> int:
        """Write matching records of ``record_type`` to ``path`` (jsonl, json, csv or parquet), by date
        (``distinct``: one row per cluster); returns how many were written."""
        return fact_export.export_records(
            self._conn,
            record_type,
            Path(path),
            format=format,
            filters=filters,
            limit=limit,
            distinct=distinct,
        )
