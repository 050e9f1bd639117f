"""Stored events as flat columns: a pandas DataFrame or an Arrow table, one row per event.

The columns (``FRAME_COLUMNS``) are copies of contract fields kept in the ``events`` table, plus
``date_first``/``date_last``, the period bounds used by date filters, and last ``cluster_id``, the
real event each reports. List columns (``context``, ``actor_codes``, ``recipient_codes``) hold lists.
Rows are ordered by date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.store.connection import Connection
from accord.store.filters import check_filter_names, order_clause, paged, usable_filters, where_clause

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = ["FRAME_COLUMNS", "LIST_COLUMNS", "events_arrow", "events_frame"]

FRAME_COLUMNS = (
    "id",
    "article_id",
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
    "actor_codes",
    "recipient_codes",
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
)
LIST_COLUMNS = ("context", "actor_codes", "recipient_codes")


def _frame_sql(conn: Connection, filters: dict[str, Any], limit: int | None = None) -> tuple[str, list[Any]]:
    check_filter_names(filters)
    where, params = where_clause(**usable_filters(conn, filters))
    cluster = "cluster_id" if conn.clustered else "NULL::VARCHAR AS cluster_id"  # an older file has none
    sql = f"SELECT {', '.join(FRAME_COLUMNS)}, {cluster} FROM events {where} ORDER BY {order_clause('date')}"
    return paged(sql, params, limit, 0)


def events_frame(conn: Connection, filters: dict[str, Any]) -> pandas.DataFrame:
    """Matching events as a DataFrame; list columns hold Python lists.

    Raises ``TypeError`` for an unknown filter name, ``ValueError`` for a bad filter value.
    """
    sql, params = _frame_sql(conn, filters)
    with conn.lock:
        frame = conn.raw().execute(sql, params).df()
    for column in LIST_COLUMNS:
        frame[column] = [list(values) for values in frame[column]]
    return frame


def events_arrow(conn: Connection, filters: dict[str, Any], *, limit: int | None = None) -> pyarrow.Table:
    """The first ``limit`` (default all) matching events as an Arrow table (for Parquet), with the
    same columns as ``events_frame``."""
    sql, params = _frame_sql(conn, filters, limit)
    with conn.lock:
        return conn.raw().sql(sql, params=params).to_arrow_table()
