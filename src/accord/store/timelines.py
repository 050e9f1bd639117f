"""Timelines: the selected events per period, split into what occurred (by quad class), what was only
planned or hypothetical, what was denied, and background; non-empty periods only, with their bounds.

An event counts in the period of the first day of its date ("2021" counts in January 2021). The chart's
span defaults to the reporting window of the selection (its first to its last report date, or the
``start``/``end`` asked for): events dated outside it are counted in ``outside``, not drawn. With
``background=True`` the events dated well before their report (``filters.BACKGROUND_DAYS``) are kept, as
their own series, and the span stretches to every event's date. Raises ``ValueError`` for an unknown
interval or unit or a bad filter, ``StoreError`` when a query fails.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.store.aggregates import SERIES, series_expression, unit_expression
from accord.store.connection import Connection
from accord.store.filters import interval_expression, usable_filters, where_clause
from accord.store.rows import date_bounds

__all__ = ["AUTO_PERIODS", "auto_interval", "period_end", "period_start", "timeline"]


def period_start(day: dt.date, interval: str) -> dt.date:
    """The first day of the period of ``interval`` (day, week from Monday, month, year) holding ``day``.

    >>> period_start(dt.date(2021, 12, 9), "week"), period_start(dt.date(2021, 12, 9), "month")
    (datetime.date(2021, 12, 6), datetime.date(2021, 12, 1))
    """
    interval_expression(interval)  # ValueError for an unknown interval
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def period_end(start: dt.date, interval: str) -> dt.date:
    """The last day of the period that begins on ``start``.

    >>> period_end(dt.date(2021, 2, 1), "month"), period_end(dt.date(2021, 12, 6), "week")
    (datetime.date(2021, 2, 28), datetime.date(2021, 12, 12))
    """
    if interval == "week":
        return start + dt.timedelta(days=6)
    if interval == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if interval == "year":
        return dt.date(start.year, 12, 31)
    return start


# With interval "auto", the finest interval that draws the span in at most this many periods.
AUTO_PERIODS = 120
_SPAN_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def auto_interval(first: dt.date, last: dt.date) -> str:
    """The finest of day, week, month and year with at most ``AUTO_PERIODS`` periods from ``first`` to ``last``.

    >>> auto_interval(dt.date(2006, 1, 1), dt.date(2006, 2, 1)), auto_interval(dt.date(1956, 1, 1), dt.date(2006, 1, 1))
    ('day', 'year')
    """
    days = (last - first).days + 1
    for interval, length in _SPAN_DAYS.items():
        if days / length <= AUTO_PERIODS:
            return interval
    return "year"


def timeline(
    conn: Connection, filters: dict[str, Any], *, interval: str, background: bool, unit: str = "clusters"
) -> dict[str, Any]:
    """The selection's events per period (see the module docstring) as
    ``{"interval", "window", "span", "events", "outside": {"before", "after"}, "totals", "periods"}``.

    ``interval`` "auto" takes the finest interval that draws the span in at most ``AUTO_PERIODS``
    periods (the answer says which). ``window`` is the reporting window (or the asked range), ``span`` the periods the chart covers (None
    for both when nothing matches); ``events`` counts the whole selection; ``totals`` each series over
    the span; ``periods`` the non-empty periods, each ``{"period", "start", "end", "events", "q1".."q4",
    "planned", "hypothetical", "negated", "background", "goldstein_sum"}``, where ``goldstein_sum``
    adds up the events that occurred.
    """
    if interval != "auto":
        interval_expression(interval)  # ValueError for an unknown interval, before any query
    count = unit_expression(conn, unit)
    chosen = usable_filters(conn, {**filters, "background": None if background else False})
    where, params = where_clause(**chosen)
    bounds = conn.fetchone(
        f"SELECT min(CAST(report_date AS DATE)), max(CAST(report_date AS DATE)), min(date_first),"
        f" max(date_first), count(DISTINCT {count}) FROM events {where}",
        params,
    )
    assert bounds is not None  # an aggregate without GROUP BY always returns one row
    first_report, last_report, first_date, last_date, events = bounds
    answer: dict[str, Any] = {
        "interval": interval,
        "window": None,
        "span": None,
        "events": events,
        "outside": {"before": 0, "after": 0},
        "totals": dict.fromkeys(SERIES, 0),
        "periods": [],
    }
    if not events:
        return answer
    window = (
        date_bounds(filters["start"], what="start")[0] if filters.get("start") else first_report,
        date_bounds(filters["end"], what="end")[1] if filters.get("end") else last_report,
    )
    low, high = (min(window[0], first_date), max(window[1], last_date)) if background else window
    if interval == "auto":
        interval = answer["interval"] = auto_interval(low, high)
    period_sql = interval_expression(interval)
    span = (period_start(low, interval), period_end(period_start(high, interval), interval))
    answer["window"] = {"start": window[0].isoformat(), "end": window[1].isoformat()}
    answer["span"] = {"start": span[0].isoformat(), "end": span[1].isoformat()}
    series = series_expression()
    split = ", ".join(f"count(DISTINCT unit) FILTER (WHERE series = '{name}')" for name in SERIES)
    rows = conn.fetchall(
        f"""
        WITH chosen AS (SELECT {period_sql} AS period, {count} AS unit, goldstein, {series} AS series
                        FROM events {where})
        SELECT period, count(DISTINCT unit), {split},
               coalesce(sum(goldstein) FILTER (WHERE series IN ('q1', 'q2', 'q3', 'q4')), 0)
        FROM chosen GROUP BY period ORDER BY period
        """,
        params,
    )
    for period, total, *counts, goldstein in rows:
        if period < span[0]:
            answer["outside"]["before"] += total
            continue
        if period > span[1]:
            answer["outside"]["after"] += total
            continue
        row = {
            "period": period.isoformat(),
            "start": period.isoformat(),
            "end": period_end(period, interval).isoformat(),
            "events": total,
            **dict(zip(SERIES, counts, strict=True)),
            "goldstein_sum": round(float(goldstein), 6),
        }
        for name in SERIES:
            answer["totals"][name] += row[name]
        answer["periods"].append(row)
    return answer
