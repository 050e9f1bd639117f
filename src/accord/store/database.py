"""``Database``: Accord's embedded event database, one DuckDB file, written one article per transaction.

This module is the public face only; each method hands its work to the module that does that job:
``connection`` (opening, schema, lock), ``writer`` (articles and rejects, one transaction each, with
their mentions linked into clusters), ``queries`` (events, articles, rejects, counts), ``distinct``
(one row per real event), ``aggregates`` (actors, overview, network, places), ``timelines``,
``flags`` (an analyst's marks on wrong events), ``frames`` (DataFrames) and ``export`` (files, the
CSV schema); agreements, deals and meetings in ``database_records``.

Reading: ``events`` returns contract dicts exactly as ``Event.to_dict()`` gave them; filters run in
SQL on copied columns. Date filters use overlap: an event's period runs from the first day of its
``date`` to the last day of its ``enddate`` (or of its ``date`` when it has none), and it matches
``start``..``end`` when that period meets [first day of ``start``, last day of ``end``]. So an
event dated "2021" matches ``start="2021-06-01"``, and one dated 2021 with enddate 2031 matches
``start="2025"``. Timelines put each event in the period of the first day of its date.

Errors: ``StoreError`` when the file cannot be opened, is not an Accord database, is read-only,
or an article cannot be written (its transaction is then rolled back); ``ValueError`` for a bad
argument (unknown ``order``/``interval``/``format``, malformed date); ``TypeError`` for an
unknown filter name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import accord.store.aggregates as aggregates
import accord.store.distinct as distinct_events
import accord.store.export as export
import accord.store.facts as facts
import accord.store.flags as flags
import accord.store.frames as frames
import accord.store.queries as queries
import accord.store.timelines as timelines
import accord.store.writer as writer
from accord.records import ArticleResult, Reject
from accord.store.connection import Connection
from accord.store.database_records import RecordsAccess
from accord.store.filters import check_filter_names

if TYPE_CHECKING:
    import pandas

__all__ = ["Database"]


class Database(RecordsAccess):
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
        self._conn = Connection(self.path, read_only=read_only)

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
        return f"Database({str(self.path)!r}, {mode}{', closed' if self._conn.closed else ''})"

    def close(self) -> None:
        """Close the connection (idempotent); committed articles are already durable."""
        self._conn.close()

    # -- writing ---------------------------------------------------------------------------------

    def cursor(self) -> Database:
        """Another handle on this open database that can run a query while this one runs another
        (a DuckDB cursor, sharing the file and its cache). Close it before this one."""
        handle = Database.__new__(Database)
        handle.path = self.path
        handle.read_only = self.read_only
        handle._conn = Connection.sibling(self._conn)
        return handle

    def write_result(self, result: ArticleResult, *, update: bool = False) -> bool:
        """Store one article and everything found in it, in one transaction.

        Returns True when written, False when the same article (same id and ``content_hash``) is
        already stored. The same id with other content raises ``ArticleConflictError`` unless
        ``update``, which replaces the old article and all its rows. Raises
        ``UnstorableArticleError`` (and stores nothing of the article) when a value cannot be
        stored, e.g. a malformed event date, and ``StoreError`` when the database fails (an event
        id already used by another article).

        >>> db.write_result(result)  # doctest: +SKIP
        True
        """
        return self.store(result, update=update) != "skipped"

    def store(self, result: ArticleResult, *, update: bool = False) -> writer.WriteOutcome:
        """``write_result`` saying what it did: ``"written"``, ``"updated"`` or ``"skipped"``."""
        return writer.write_result(self._conn, result, update=update)

    def stored_articles(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str | None, int | None]]:
        """``{id: (content_hash, origin, line)}`` for the given ids that are stored."""
        return queries.stored_articles(self._conn, list(article_ids))

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

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether ``article_id`` is stored (with that ``content_hash``, when one is given)."""
        return queries.has_article(self._conn, article_id, content_hash)

    def write_reject(self, reject: Reject) -> None:
        """Record an input that could not be read; the same (origin, line, reason) is kept once."""
        writer.write_reject(self._conn, reject)

    # -- reading events --------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        role: str | None = None,
        dyad: tuple[str, str] | None = None,
        event_type: str | None = None,
        quad_class: int | None = None,
        status: str | None = None,
        start: str | None = None,
        end: str | None = None,
        text: str | None = None,
        article_id: str | None = None,
        min_confidence: float | None = None,
        background: bool | None = None,
        flagged: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        distinct: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events as contract dicts (with the ``cluster_id`` of the real event each reports),
        filtered, ordered and paged in SQL.

        ``actor``: the code on either side, or on the ``role`` side (actor or recipient);
        ``dyad=(a, b)``: a on one side and b on the other (a acting on b with ``role="actor"``);
        ``event_type``: PLOVER type; ``start``/``end``: YYYY[-MM[-DD]], overlap (module docstring);
        ``text``: case-insensitive substring of the sentence or trigger; ``min_confidence``;
        ``background=False``: without events dated well before their report; ``flagged``: exclude,
        include (the same as None) or only the events an analyst flagged. ``order`` is one of
        date, -date, report_date, -report_date, goldstein, -goldstein, confidence, -confidence,
        article. ``distinct``: one row per real event (cluster) with a matching mention, with its
        ``sources``, ``mentions`` and ``article_ids`` (``accord.store.distinct``); its orders are
        date, -date, report_date, -report_date, goldstein, -goldstein, sources, -sources.

        >>> db.events(dyad=("RUS", "IND"), event_type="AGREE", limit=1)[0]["event"]  # doctest: +SKIP
        'AGREE'
        """
        filters = {
            "actor": actor,
            "role": role,
            "dyad": dyad,
            "event_type": event_type,
            "quad_class": quad_class,
            "status": status,
            "start": start,
            "end": end,
            "text": text,
            "article_id": article_id,
            "min_confidence": min_confidence,
            "background": background,
            "flagged": flagged,
        }
        if distinct:
            return distinct_events.distinct_events(
                self._conn, filters, limit=limit, offset=offset, order=order
            )
        return queries.events(self._conn, filters, limit=limit, offset=offset, order=order)

    def event_records(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        distinct: bool = False,
        **filters: Any,
    ) -> list[str]:
        """``events``' page as the JSON text of each event (no parsing: for answers that pass the
        records on, such as the HTTP API). Same filters; ``TypeError`` for an unknown one."""
        check_filter_names(filters)
        if distinct:
            rows = distinct_events.distinct_events(
                self._conn, filters, limit=limit, offset=offset, order=order
            )
            return [json.dumps(row, ensure_ascii=False) for row in rows]
        return queries.event_records(self._conn, filters, limit=limit, offset=offset, order=order)

    def count_events(self, *, distinct: bool = False, **filters: Any) -> int:
        """How many events (or, ``distinct``, real events) match the same filters as ``events``."""
        if distinct:
            return distinct_events.count_distinct_events(self._conn, filters)
        return queries.count_events(self._conn, filters)

    def events_frame(self, **filters: Any) -> pandas.DataFrame:
        """Matching events as a DataFrame, one row per event, flat columns, ordered by date.

        List columns (``context``, ``actor_codes``, ``recipient_codes``) hold Python lists;
        ``date_first``/``date_last`` are the period bounds used by date filters.
        """
        return frames.events_frame(self._conn, filters)

    # -- articles, actors, timelines -------------------------------------------------------------

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event (the contract dict) by its id, or None."""
        return queries.event(self._conn, event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, its events (contract dicts, in article order) and its records
        (``agreements``, ``deals``, ``meetings``: record dicts, in article order), or None."""
        found = queries.article(self._conn, article_id)
        if found is not None:
            found.update(facts.article_records(self._conn, article_id))
        return found

    def articles_info(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``{id: {"id", "source", "url", "title", "text"}}`` for the given ids that are stored."""
        return queries.articles_info(self._conn, sorted(set(article_ids)))

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles without their text, newest report first: id, date, title, url, source,
        origin, events (how many), ingested_at."""
        return queries.articles(self._conn, limit=limit, offset=offset)

    def actors(
        self, *, limit: int = 100, offset: int = 0, partners: int = 5, count: str = "clusters", **filters: Any
    ) -> list[dict[str, Any]]:
        """Actor codes by number of selected events (either side), with their most frequent partners.

        Each item: ``{"code", "kind", "events", "top_partners": [{"code", "events"}, ...]}``;
        ``kind`` is the code's most frequent entity kind; partners are codes on the other side
        of the same events (at most ``partners`` of them, most events first). ``count``: ``clusters``
        counts real events (each reported event once), ``mentions`` every report. ``filters`` are
        those of ``events``. On a read-only database the result is computed once per arguments.
        """
        check_filter_names(filters)
        return self._conn.memoized(
            ("actors", limit, offset, partners, count, *sorted(filters.items())),
            lambda: aggregates.actors(
                self._conn, filters, limit=limit, offset=offset, partners=partners, unit=count
            ),
        )

    def timeline(
        self, *, interval: str = "month", background: bool = False, count: str = "clusters", **filters: Any
    ) -> dict[str, Any]:
        """The selected events per period: what occurred by quad class, what was planned or
        hypothetical, denied, or (with ``background``) dated well before its report; non-empty
        periods only, each with its bounds, over the selection's reporting window. See
        ``accord.store.timelines.timeline`` for the answer's shape. ``interval``: day, week (ISO,
        from Monday), month, year or auto; ``count``: ``clusters`` (real events) or ``mentions``;
        ``filters`` are those of ``events``.

        >>> db.timeline(actor="IND", interval="month")["periods"][0]["period"]  # doctest: +SKIP
        '2021-12-01'
        """
        check_filter_names(filters)
        return timelines.timeline(self._conn, filters, interval=interval, background=background, unit=count)

    def dyad_timeline(
        self,
        a: str,
        b: str | None,
        *,
        interval: str = "month",
        start: str | None = None,
        end: str | None = None,
        count: str = "clusters",
    ) -> list[dict[str, Any]]:
        """The non-empty periods of ``timeline`` for a dyad (either direction), or for actor ``a``
        when ``b`` is None, background events included: ``{"period", "start", "end", "events",
        "q1".."q4", "planned", "hypothetical", "negated", "background", "goldstein_sum"}``.

        >>> db.dyad_timeline("IND", "RUS", interval="month")[0]["period"]  # doctest: +SKIP
        '2021-12-01'
        """
        chosen: dict[str, Any] = {"actor": a} if b is None else {"dyad": (a, b)}
        answer = self.timeline(
            interval=interval, background=True, count=count, start=start, end=end, **chosen
        )
        periods: list[dict[str, Any]] = answer["periods"]
        return periods

    def network(
        self,
        *,
        min_events: int = 1,
        limit: int = 500,
        ego: str | None = None,
        count: str = "clusters",
        **filters: Any,
    ) -> dict[str, list[dict[str, Any]]]:
        """The directed actor network of the selected events: nodes are codes, an edge goes from a
        code on the actor side to a code on the recipient side of the same events.

        Each edge counts its events, split into cooperation and conflict that occurred, planned or
        hypothetical, and denied, with the mean Goldstein value of what occurred; an event whose two
        sides share a code adds no self-loop. Keeps edges with at least ``min_events`` events, the
        ``limit`` busiest, and with ``ego`` only those touching that code. Nodes are the codes of
        the kept edges, each with its number of events. ``count``: ``clusters`` (real events) or
        ``mentions``; ``filters`` are those of ``events``. On a read-only database the result is
        computed once per arguments.

        >>> db.network(start="2021")["edges"][0]["source"]  # doctest: +SKIP
        'IND'
        """
        check_filter_names(filters)
        min_events, limit = int(min_events), int(limit)
        return self._conn.memoized(
            ("network", min_events, limit, ego, count, *sorted(filters.items())),
            lambda: aggregates.network(
                self._conn, filters, min_events=min_events, limit=limit, ego=ego, unit=count
            ),
        )

    def overview(
        self, *, top: int = 10, latest: int = 10, count: str = "clusters", **filters: Any
    ) -> dict[str, Any]:
        """The selection at a glance: totals, the ``top`` busiest actors, pairs (either direction)
        and event types, and the ``latest`` reports (see ``accord.store.aggregates.overview``)."""
        check_filter_names(filters)
        return aggregates.overview(self._conn, filters, top=top, latest=latest, unit=count)

    def places(self, *, count: str = "clusters", **filters: Any) -> dict[str, Any]:
        """Where the selected events happened: places with coordinates, countries for events located
        only by their country, and how many events have no place (``aggregates.places``)."""
        check_filter_names(filters)
        return aggregates.places(self._conn, filters, unit=count)

    # -- flags -----------------------------------------------------------------------------------

    def add_flag(
        self, event_id: str, *, problem: str, note: str, correction: str | None = None
    ) -> dict[str, Any]:
        """Mark the stored event ``event_id`` as wrong: ``problem`` is type, side, date, status,
        place or other, ``note`` says what is wrong, ``correction`` what it should be. Returns the
        flag. Raises ``StoreError`` when read-only, ``LookupError`` for an unknown event,
        ``ValueError`` for an unknown problem or an empty note.

        >>> db.add_flag("ev-4795a331b42124af", problem="side", note="Hamas is the actor")["id"]  # doctest: +SKIP
        'fl-...'
        """
        return flags.add_flag(self._conn, event_id, problem=problem, note=note, correction=correction)

    def remove_flag(self, flag_id: str) -> None:
        """Delete a flag by its id (``LookupError`` when there is none, ``StoreError`` when read-only)."""
        flags.remove_flag(self._conn, flag_id)

    def flags(
        self,
        *,
        event_id: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Flags, newest first, each with the event as it was when flagged (``flags.FLAG_COLUMNS``):
        the review list of corrections."""
        return flags.flags(self._conn, event_id=event_id, article_id=article_id, limit=limit, offset=offset)

    # -- rejects, export, stats ------------------------------------------------------------------

    def rejects(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        """Recorded rejects, most recent first: origin, line, reason, article_id, seen_at."""
        return queries.rejects(self._conn, limit=limit)

    def export(
        self,
        path: str | Path,
        *,
        format: str,
        limit: int | None = None,
        distinct: bool = False,
        **filters: Any,
    ) -> int:
        """Write matching events to ``path``, ordered by date (the first ``limit`` of them, when
        given); returns the number of rows written.

        ``jsonl``/``json``: contract dicts (one per line / one JSON array). ``parquet``: the flat
        columns of ``events_frame`` (lists stay lists). ``csv``: the columns of
        ``accord.store.CSV_COLUMNS``, the same as the CLI's and the API's CSV, formula-safe.
        ``distinct``: one row per real event (see ``events``).

        >>> db.export("events.parquet", format="parquet", actor="IND")  # doctest: +SKIP
        42
        """
        return export.export_events(
            self._conn, Path(path), format=format, filters=filters, limit=limit, distinct=distinct
        )

    def stats(self) -> dict[str, Any]:
        """Counts of articles, events, participants and rejects, and the span of event dates."""
        return queries.stats(self._conn)
