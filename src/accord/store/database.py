"""Accord's embedded event database: one DuckDB file, written one article per transaction.

Writing: ``write_result`` stores an ``ArticleResult`` (the article, its events with their
participants, quantities and money, its entity mentions and time expressions) in ONE transaction,
so a process killed at any moment leaves each article either whole or absent. Writing the same
input again (same id, date and text: the same ``content_hash``) does nothing; the same id with
other content replaces the article and all its rows in the same transaction.

Reading: ``events`` returns contract dicts exactly as ``Event.to_dict()`` gave them (from the
``record`` column); filters run in SQL on copied columns. Date filters use overlap: an event's
period runs from the first day of its ``date`` to the last day of its ``enddate`` (or of its
``date`` when it has none), and it matches ``start``..``end`` when that period meets
[first day of ``start``, last day of ``end``]. So an event dated "2021" matches
``start="2021-06-01"``, and one dated 2021 with enddate 2031 matches ``start="2025"``.
Timelines put each event in the period of the first day of its date ("2021" counts in January).

Errors: ``StoreError`` when the file cannot be opened, is not an Accord database, is read-only,
or an article cannot be written (its transaction is then rolled back); ``ValueError`` for a bad
argument (unknown ``order``/``interval``/``format``, malformed date); ``TypeError`` for an
unknown filter name.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from accord.errors import StoreError
from accord.records import ArticleResult, Reject
from accord.store import _rows
from accord.store._query import check_filter_names, interval_expression, order_clause, where_clause
from accord.store._rows import content_hash, date_bounds

if TYPE_CHECKING:
    import pandas

__all__ = ["SCHEMA_VERSION", "Database", "article_hash"]

SCHEMA_VERSION = 1

# Rows per INSERT statement: one statement with many VALUES tuples is several times faster than
# executemany (one execution per row), and the chunk keeps each statement small to parse.
_INSERT_CHUNK = 250

# Flat columns of events_frame() and of the csv/parquet exports, in that order.
_FRAME_SQL = """
SELECT id, article_id, date, date_precision, enddate, date_first, date_last, report_date,
       event, mode, context, cameo, goldstein, quad_class, status, "symmetric",
       actor_codes, recipient_codes, text, text_start, text_end,
       trigger_text, trigger_start, trigger_end, confidence,
       event_loc_name, event_loc_country_code, event_loc_lat, event_loc_lon
FROM events
"""
_LIST_COLUMNS = ("context", "actor_codes", "recipient_codes")
_EXPORT_FORMATS = ("parquet", "csv", "jsonl", "json")

# Child tables of an article, deleted before a changed article is written again.
_CHILD_TABLES = ("events", "event_participants", "entities", "quantities", "money", "time_expressions")


def article_hash(result: ArticleResult) -> str:
    """The ``content_hash`` the store keeps for ``result.article`` (sha256 of id, date and text).

    Callers can skip extraction of an unchanged input: ``db.has_article(id, hash)``.

    >>> from accord.records import Article
    >>> len(article_hash(ArticleResult(Article("a1", dt.date(2021, 12, 6), "Text."))))
    64
    """
    article = result.article
    return content_hash(article.id, article.date, article.text)


@lru_cache(maxsize=1)
def _schema_sql() -> str:
    return resources.files("accord.store").joinpath("schema.sql").read_text(encoding="utf-8")


class Database:
    """An Accord event database in one DuckDB file.

    ``path`` is the file (created, with its tables, when absent unless ``read_only``). One
    connection is kept open until ``close()`` (or the end of a ``with`` block); calls from several
    threads are serialised on it. ``read_only`` opens the file without write access, so that other
    read-only processes (the HTTP API's workers) can open it too; every write then raises
    ``StoreError``.

    >>> with Database(tmp_path / "accord.duckdb") as db:  # doctest: +SKIP
    ...     db.write_result(result)
    ...     db.events(actor="IND", start="2021-12", limit=10)
    """

    def __init__(self, path: str | Path = "accord.duckdb", *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        # Aggregates computed in read-only mode: no process can write the file while it is open
        # read-only (DuckDB's file lock), so they cannot go stale.
        self._aggregates: dict[tuple[Any, ...], Any] = {}
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no such database file (opened read-only, so it is not created)")
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        try:
            self._prepare_schema()
        except BaseException:
            self.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"Database({str(self.path)!r}, {mode}{', closed' if self._con is None else ''})"

    def close(self) -> None:
        """Close the connection (idempotent); committed articles are already durable."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: the database is closed")
        return self._con

    def _prepare_schema(self) -> None:
        con = self._connection()
        if self.read_only:
            try:
                rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
                row = rows[0] if rows else None
            except duckdb.CatalogException as exc:
                raise StoreError(f"{self.path}: not an Accord database (no schema_version table)") from exc
            version = row[0] if row else None
            if version is None:
                raise StoreError(f"{self.path}: not an Accord database (empty schema_version table)")
        else:
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute(_schema_sql())
                rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
                row = rows[0] if rows else None
                version = row[0] if row else None
                if version is None:
                    version = SCHEMA_VERSION
                    con.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, _utcnow()])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(f"{self.path}: cannot create the tables: {exc}") from exc
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Accord (schema {version}, this one knows {SCHEMA_VERSION})"
            )

    def _rollback(self) -> None:
        try:
            self._connection().execute("ROLLBACK")
        except duckdb.Error:
            pass  # no transaction was open: nothing to undo

    def _require_writable(self, action: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot {action}")

    # -- writing ---------------------------------------------------------------------------------

    def write_result(self, result: ArticleResult) -> bool:
        """Store one article and everything found in it, in one transaction.

        Returns True when written, False when the same article (same ``content_hash``) is already
        stored. The same id with other content replaces the old article and all its rows. Raises
        ``StoreError`` (and stores nothing of the article) when a value cannot be stored, e.g. a
        malformed event date or an event id already used by another article.

        >>> db.write_result(result)  # doctest: +SKIP
        True
        """
        self._require_writable(f"write article {result.article.id!r}")
        article_id = result.article.id
        digest = article_hash(result)
        try:
            rows = _rows.article_rows(result, digest, _utcnow())
        except (ValueError, TypeError) as exc:
            raise StoreError(f"article {article_id!r} not stored: {exc}") from exc
        with self._lock:
            con = self._connection()
            try:
                con.execute("BEGIN TRANSACTION")
                existing = con.execute(
                    "SELECT content_hash FROM articles WHERE id = ?", [article_id]
                ).fetchall()
                found = existing[0] if existing else None
                if found is not None and found[0] == digest:
                    con.execute("ROLLBACK")
                    return False
                if found is not None:
                    for table in _CHILD_TABLES:
                        con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                    con.execute("DELETE FROM articles WHERE id = ?", [article_id])
                self._insert(con, "articles", _rows.ARTICLE_COLUMNS, [rows.article])
                self._insert(con, "events", _rows.EVENT_COLUMNS, rows.events)
                self._insert(con, "event_participants", _rows.PARTICIPANT_COLUMNS, rows.participants)
                self._insert(con, "entities", _rows.ENTITY_COLUMNS, rows.entities)
                self._insert(con, "quantities", _rows.QUANTITY_COLUMNS, rows.quantities)
                self._insert(con, "money", _rows.MONEY_COLUMNS, rows.money)
                self._insert(con, "time_expressions", _rows.TIME_COLUMNS, rows.times)
                con.execute("COMMIT")
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(f"article {article_id!r} not stored: {exc}") from exc
            except BaseException:
                self._rollback()
                raise
        return True

    def write_results(self, results: Iterable[ArticleResult]) -> tuple[int, int]:
        """Store many articles, one transaction each; returns ``(written, skipped)``.

        Stops at the first article that cannot be stored (``StoreError``); the articles before it
        stay committed, so running the same input again resumes where it stopped.
        """
        written = skipped = 0
        for result in results:
            if self.write_result(result):
                written += 1
            else:
                skipped += 1
        return written, skipped

    @staticmethod
    def _insert(
        con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        # table and columns are module constants; only the number of placeholders varies.
        if not rows:
            return
        tuple_sql = "(" + ", ".join("?" * len(columns)) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for begin in range(0, len(rows), _INSERT_CHUNK):
            chunk = rows[begin : begin + _INSERT_CHUNK]
            con.execute(head + ", ".join([tuple_sql] * len(chunk)), [v for row in chunk for v in row])

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether ``article_id`` is stored (with that ``content_hash``, when one is given)."""
        sql = "SELECT count(*) FROM articles WHERE id = ?"
        params: list[Any] = [article_id]
        if content_hash is not None:
            sql += " AND content_hash = ?"
            params.append(content_hash)
        return self._scalar(sql, params) > 0

    def write_reject(self, reject: Reject) -> None:
        """Record an input that could not be read; the same (origin, line, reason) is kept once."""
        self._require_writable(f"record a reject from {reject.origin!r}")
        with self._lock:
            con = self._connection()
            try:
                con.execute("BEGIN TRANSACTION")
                found = con.execute(
                    "SELECT count(*) FROM rejects WHERE origin = ? AND line IS NOT DISTINCT FROM ? AND reason = ?",
                    [reject.origin, reject.line, reject.reason],
                ).fetchall()[0]
                if found[0] == 0:
                    con.execute(
                        "INSERT INTO rejects (origin, line, reason, article_id, seen_at) VALUES (?, ?, ?, ?, ?)",
                        [reject.origin, reject.line, reject.reason, reject.article_id, _utcnow()],
                    )
                con.execute("COMMIT")
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(f"reject from {reject.origin!r} not stored: {exc}") from exc

    # -- reading events --------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        event_type: str | None = None,
        quad_class: int | None = None,
        status: str | None = None,
        start: str | None = None,
        end: str | None = None,
        text: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
    ) -> list[dict[str, Any]]:
        """Stored events as contract dicts, filtered, ordered and paged in SQL.

        ``actor``: the code on either side; ``dyad=(a, b)``: a on one side and b on the other;
        ``event_type``: PLOVER type; ``start``/``end``: YYYY[-MM[-DD]], overlap (module docstring);
        ``text``: case-insensitive substring of the sentence or trigger. ``order`` is one of
        date, -date, report_date, -report_date, goldstein, -goldstein, confidence, -confidence,
        article.

        >>> db.events(dyad=("RUS", "IND"), event_type="AGREE", limit=1)[0]["event"]  # doctest: +SKIP
        'AGREE'
        """
        where, params = where_clause(
            actor=actor,
            dyad=dyad,
            event_type=event_type,
            quad_class=quad_class,
            status=status,
            start=start,
            end=end,
            text=text,
            article_id=article_id,
        )
        ordering = order_clause(order)
        page, params = _paged(f"SELECT rowid FROM events {where} ORDER BY {ordering}", params, limit, offset)
        # Sort and page on the small columns first, then read the large JSON records of the page
        # only: reading `record` for every row before the top-N made an unfiltered page 10x slower.
        sql = f"SELECT record FROM events WHERE rowid IN ({page}) ORDER BY {ordering}"
        return [json.loads(record) for (record,) in self._fetchall(sql, params)]

    def count_events(self, **filters: Any) -> int:
        """How many events match the same filters as ``events`` (no paging)."""
        check_filter_names(filters)
        where, params = where_clause(**filters)
        return self._scalar(f"SELECT count(*) FROM events {where}", params)

    def events_frame(self, **filters: Any) -> pandas.DataFrame:
        """Matching events as a DataFrame, one row per event, flat columns, ordered by date.

        List columns (``context``, ``actor_codes``, ``recipient_codes``) hold Python lists;
        ``date_first``/``date_last`` are the period bounds used by date filters.
        """
        check_filter_names(filters)
        where, params = where_clause(**filters)
        sql = f"{_FRAME_SQL} {where} ORDER BY {order_clause('date')}"
        with self._lock:
            frame = self._connection().execute(sql, params).df()
        for column in _LIST_COLUMNS:
            frame[column] = [list(values) for values in frame[column]]
        return frame

    # -- articles, actors, timelines -------------------------------------------------------------

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event (the contract dict) by its id, or None."""
        row = self._fetchone("SELECT record FROM events WHERE id = ?", [event_id])
        return json.loads(row[0]) if row else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text and its events (contract dicts, in article order), or None."""
        row = self._fetchone(
            "SELECT id, report_date, title, url, source, origin, text FROM articles WHERE id = ?",
            [article_id],
        )
        if row is None:
            return None
        events = self._fetchall(
            "SELECT record FROM events WHERE article_id = ? ORDER BY position", [article_id]
        )
        return {
            "id": row[0],
            "date": row[1].isoformat(),
            "title": row[2],
            "url": row[3],
            "source": row[4],
            "origin": row[5],
            "text": row[6],
            "events": [json.loads(record) for (record,) in events],
        }

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles without their text, newest report first: id, date, title, url, source,
        origin, events (how many), ingested_at."""
        sql, params = _paged(
            "SELECT id, report_date, title, url, source, origin, event_count, ingested_at FROM articles"
            " ORDER BY report_date DESC, id",
            [],
            limit,
            offset,
        )
        return [
            {
                "id": r[0],
                "date": r[1].isoformat(),
                "title": r[2],
                "url": r[3],
                "source": r[4],
                "origin": r[5],
                "events": r[6],
                "ingested_at": r[7].isoformat(),
            }
            for r in self._fetchall(sql, params)
        ]

    def actors(self, *, limit: int = 100, offset: int = 0, partners: int = 5) -> list[dict[str, Any]]:
        """Actor codes by number of events (either side), with their most frequent partners.

        Each item: ``{"code", "kind", "events", "top_partners": [{"code", "events"}, ...]}``;
        ``kind`` is the code's most frequent entity kind; partners are codes on the other side
        of the same events (at most ``partners`` of them, most events first). On a read-only
        database the result is computed once per arguments.
        """
        return self._memoized(
            ("actors", limit, offset, partners), lambda: self._actors(limit, offset, partners)
        )

    def _actors(self, limit: int, offset: int, partners: int) -> list[dict[str, Any]]:
        sql, params = _paged(
            """
            WITH kinds AS (SELECT code, kind, count(*) AS n FROM event_participants GROUP BY code, kind),
                 main_kind AS (SELECT code, first(kind ORDER BY n DESC, kind) AS kind FROM kinds GROUP BY code)
            SELECT p.code, any_value(m.kind) AS kind, count(DISTINCT p.event_id) AS events
            FROM event_participants p JOIN main_kind m USING (code)
            GROUP BY p.code ORDER BY events DESC, p.code
            """,
            [],
            limit,
            offset,
        )
        page = self._fetchall(sql, params)
        if not page:
            return []
        codes = [code for code, _, _ in page]
        partner_rows = self._fetchall(
            """
            SELECT a.code, b.code AS partner, count(DISTINCT a.event_id) AS events
            FROM event_participants a
            JOIN event_participants b
              ON a.event_id = b.event_id AND a.role <> b.role AND a.code <> b.code
            WHERE list_contains(?, a.code)
            GROUP BY a.code, b.code
            QUALIFY row_number() OVER (PARTITION BY a.code ORDER BY count(DISTINCT a.event_id) DESC, b.code) <= ?
            ORDER BY a.code, events DESC, partner
            """,
            [codes, partners],
        )
        top: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
        for code, partner, events in partner_rows:
            top[code].append({"code": partner, "events": events})
        return [
            {"code": code, "kind": kind, "events": events, "top_partners": top[code]}
            for code, kind, events in page
        ]

    def dyad_timeline(
        self,
        a: str,
        b: str | None,
        *,
        interval: str = "month",
        start: str | None = None,
        end: str | None = None,
    ) -> list[dict[str, Any]]:
        """Events of a dyad (either direction), or of actor ``a`` when ``b`` is None, per period.

        One row per period from the first to the last period with events (empty periods between
        them are rows of zeros): ``{"period": "2021-12-01", "q1".."q4": counts by quad class,
        "goldstein_sum": x, "events": n}``. ``interval`` is day, week (ISO, from Monday) or month.
        An event counts in the period of the first day of its date ("2021" in January 2021);
        ``start``/``end`` keep events whose date begins within them.

        >>> db.dyad_timeline("IND", "RUS", interval="month")[0]["period"]  # doctest: +SKIP
        '2021-12-01'
        """
        period_sql = interval_expression(interval)
        where, params = where_clause(actor=a) if b is None else where_clause(dyad=(a, b))
        # Here the window applies to the day each event's date begins (the day it is counted on),
        # so that no row falls outside start..end; events() uses overlap instead.
        if start is not None:
            where += " AND date_first >= ?"
            params.append(date_bounds(start, what="start")[0])
        if end is not None:
            where += " AND date_first <= ?"
            params.append(date_bounds(end, what="end")[1])
        rows = self._fetchall(
            f"""
            SELECT {period_sql} AS period,
                   count(*) FILTER (WHERE quad_class = 1),
                   count(*) FILTER (WHERE quad_class = 2),
                   count(*) FILTER (WHERE quad_class = 3),
                   count(*) FILTER (WHERE quad_class = 4),
                   sum(goldstein),
                   count(*)
            FROM events {where}
            GROUP BY period ORDER BY period
            """,
            params,
        )
        found = {
            row[0]: {
                "period": row[0].isoformat(),
                "q1": row[1],
                "q2": row[2],
                "q3": row[3],
                "q4": row[4],
                "goldstein_sum": round(float(row[5]), 6),
                "events": row[6],
            }
            for row in rows
        }
        if not found:
            return []
        return [
            found.get(period)
            or {
                "period": period.isoformat(),
                "q1": 0,
                "q2": 0,
                "q3": 0,
                "q4": 0,
                "goldstein_sum": 0.0,
                "events": 0,
            }
            for period in _periods(min(found), max(found), interval)
        ]

    def network(
        self, *, start: str | None = None, end: str | None = None, min_events: int = 1, limit: int = 500
    ) -> dict[str, list[dict[str, Any]]]:
        """The actor network: nodes are codes, edges join codes that were on opposite sides.

        Edges are undirected (``source`` < ``target`` alphabetically) and count distinct events
        with their mean Goldstein value; an event whose two sides share a code adds no self-loop.
        Keeps edges with at least ``min_events`` events, the ``limit`` largest. Nodes are the
        codes of the kept edges, each with its number of events in the period. On a read-only
        database the result is computed once per arguments.

        >>> db.network(start="2021")["edges"][0]  # doctest: +SKIP
        {'source': 'IND', 'target': 'RUS', 'events': 12, 'mean_goldstein': 5.1}
        """
        return self._memoized(
            ("network", start, end, int(min_events), int(limit)),
            lambda: self._network(start, end, int(min_events), int(limit)),
        )

    def _network(
        self, start: str | None, end: str | None, min_events: int, limit: int
    ) -> dict[str, list[dict[str, Any]]]:
        where, params = where_clause(start=start, end=end)
        edge_rows = self._fetchall(
            f"""
            WITH ev AS (SELECT id, goldstein FROM events {where}),
            pairs AS (
                SELECT DISTINCT a.event_id, least(a.code, b.code) AS source, greatest(a.code, b.code) AS target
                FROM event_participants a
                JOIN event_participants b
                  ON a.event_id = b.event_id AND a.role = 'actor' AND b.role = 'recipient' AND a.code <> b.code
                WHERE a.event_id IN (SELECT id FROM ev)
            )
            SELECT source, target, count(*) AS events, avg(ev.goldstein) AS mean_goldstein
            FROM pairs JOIN ev ON ev.id = pairs.event_id
            GROUP BY source, target
            HAVING count(*) >= ?
            ORDER BY events DESC, source, target
            LIMIT ?
            """,
            [*params, int(min_events), int(limit)],
        )
        edges = [
            {"source": s, "target": t, "events": n, "mean_goldstein": round(float(g), 4)}
            for s, t, n, g in edge_rows
        ]
        codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        if not codes:
            return {"nodes": [], "edges": []}
        node_rows = self._fetchall(
            f"""
            SELECT p.code, count(DISTINCT p.event_id) AS events
            FROM event_participants p
            WHERE list_contains(?, p.code) AND p.event_id IN (SELECT id FROM events {where})
            GROUP BY p.code ORDER BY events DESC, p.code
            """,
            [codes, *params],
        )
        return {"nodes": [{"code": c, "events": n} for c, n in node_rows], "edges": edges}

    # -- rejects, export, stats ------------------------------------------------------------------

    def rejects(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        """Recorded rejects, most recent first: origin, line, reason, article_id, seen_at."""
        sql, params = _paged(
            "SELECT origin, line, reason, article_id, seen_at FROM rejects ORDER BY seen_at DESC, origin, line",
            [],
            limit,
            0,
        )
        return [
            {"origin": o, "line": line, "reason": r, "article_id": a, "seen_at": s.isoformat()}
            for o, line, r, a, s in self._fetchall(sql, params)
        ]

    def export(self, path: str | Path, *, format: str, **filters: Any) -> int:
        """Write matching events to ``path``; returns the number of events written.

        ``jsonl``/``json``: contract dicts (one per line / one JSON array). ``parquet``: the flat
        columns of ``events_frame`` (lists stay lists). ``csv``: the same columns, lists joined
        with ``;``.

        >>> db.export("events.parquet", format="parquet", actor="IND")  # doctest: +SKIP
        42
        """
        if format not in _EXPORT_FORMATS:
            raise ValueError(f"format must be one of {', '.join(_EXPORT_FORMATS)}; got {format!r}")
        check_filter_names(filters)
        target = Path(path)
        if format in ("jsonl", "json"):
            return self._export_records(target, as_array=format == "json", filters=filters)
        if format == "parquet":
            import pyarrow.parquet as pq

            where, params = where_clause(**filters)
            sql = f"{_FRAME_SQL} {where} ORDER BY {order_clause('date')}"
            with self._lock:
                table = self._connection().sql(sql, params=params).to_arrow_table()
            pq.write_table(table, target)
            return table.num_rows
        frame = self.events_frame(**filters)
        for column in _LIST_COLUMNS:
            frame[column] = [";".join(values) for values in frame[column]]
        frame.to_csv(target, index=False)
        return len(frame)

    def _export_records(self, target: Path, *, as_array: bool, filters: dict[str, Any]) -> int:
        count = 0
        with target.open("w", encoding="utf-8") as out:
            if as_array:
                out.write("[")
            for record in self._iter_records(filters):
                if as_array:
                    out.write(",\n" if count else "\n")
                out.write(record)
                if not as_array:
                    out.write("\n")
                count += 1
            if as_array:
                out.write("\n]\n" if count else "]\n")
        return count

    def _iter_records(self, filters: dict[str, Any]) -> Iterator[str]:
        # The stored JSON text is written as it is: it is already the contract object.
        where, params = where_clause(**filters)
        sql = f"SELECT record FROM events {where} ORDER BY {order_clause('date')}"
        with self._lock:
            cursor = self._connection().cursor()
        try:
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(2048):
                for (record,) in batch:
                    yield record
        finally:
            cursor.close()

    def stats(self) -> dict[str, Any]:
        """Counts of articles, events, participants and rejects, and the span of event dates."""
        row = self._fetchone(
            """
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
                   (SELECT count(*) FROM event_participants), (SELECT count(*) FROM rejects),
                   (SELECT min(date_first) FROM events), (SELECT max(date_last) FROM events)
            """,
            [],
        )
        assert row is not None
        return {
            "articles": row[0],
            "events": row[1],
            "participants": row[2],
            "rejects": row[3],
            "first_date": row[4].isoformat() if row[4] else None,
            "last_date": row[5].isoformat() if row[5] else None,
        }

    # -- helpers ---------------------------------------------------------------------------------

    def _memoized(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        if not self.read_only:
            return compute()
        with self._lock:
            if key not in self._aggregates:
                self._aggregates[key] = compute()
            # A copy, so that a caller changing its result cannot change the next caller's.
            return copy.deepcopy(self._aggregates[key])

    def _fetchall(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._connection().execute(sql, params).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: query failed: {exc}") from exc

    def _fetchone(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        rows = self._fetchall(sql, params)
        return rows[0] if rows else None

    def _scalar(self, sql: str, params: Sequence[Any]) -> int:
        row = self._fetchone(sql, params)
        return int(row[0]) if row else 0


def _paged(sql: str, params: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is not None and int(limit) < 0:
        raise ValueError(f"limit must be >= 0, got {limit!r}")
    if int(offset) < 0:
        raise ValueError(f"offset must be >= 0, got {offset!r}")
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    if offset:
        sql += " OFFSET ?"
        params = [*params, int(offset)]
    return sql, params


def _periods(first: dt.date, last: dt.date, interval: str) -> Iterator[dt.date]:
    period = first
    while period <= last:
        yield period
        if interval == "day":
            period += dt.timedelta(days=1)
        elif interval == "week":
            period += dt.timedelta(days=7)
        else:
            period = dt.date(period.year + period.month // 12, period.month % 12 + 1, 1)


def _utcnow() -> dt.datetime:
    # Naive UTC, because DuckDB's TIMESTAMP has no zone and TIMESTAMPTZ would need pytz to read back.
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
