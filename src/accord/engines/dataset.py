"""The Parquet dataset the Ray engine writes, one row per input record, and loading it into a database.

Columns (``SCHEMA``; the dataset is partitioned by ``report_month``, a folder ``report_month=YYYY-MM``
per month and ``report_month=none`` for rejects):

    source_index, record_index   where the record was in the input: the n-th file, its m-th record
    kind                         "article" (parsed: ``result`` holds it) or "reject" (``reason`` says why)
    article_id, report_date      the article's id and date (YYYY-MM-DD); a reject's id when known
    origin, line                 the file (and line) it was read from
    event_count, events          its events: how many, and the contract's JSON array of them
    result                       the whole ``ArticleResult`` (``result_codec``), for ``load_dataset``

DuckDB queries it in place (``read_parquet('DIR/**/*.parquet', hive_partitioning = true)``, with
``json`` functions over ``events``); ``load_dataset`` stores it in a database in input order, through
the same writer as ``accord ingest`` (short commits, skip of stored articles, conflicts rejected),
so the database is the one the local engine would have written.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from accord.engines.ingest_run import IngestRun
from accord.engines.report import IngestReport, Progress
from accord.engines.result_codec import decode_result, encode_result
from accord.records import Article, ArticleResult, Reject
from accord.store import DEFAULT_LOCK_WAIT, ordered_parquet_rows

__all__ = ["SCHEMA", "article_row", "load_dataset", "reject_row", "result_row", "row_record"]

SCHEMA = pa.schema(
    [
        ("source_index", pa.int64()),
        ("record_index", pa.int64()),
        ("kind", pa.string()),
        ("article_id", pa.string()),
        ("report_date", pa.string()),
        ("report_month", pa.string()),
        ("origin", pa.string()),
        ("line", pa.int64()),
        ("reason", pa.string()),
        ("event_count", pa.int64()),
        ("events", pa.string()),
        ("result", pa.string()),
    ]
)
NO_MONTH = "none"


def article_row(source_index: int, record_index: int, article: Article) -> dict[str, Any]:
    """The row of an article read but not parsed yet (``result`` holds it without events)."""
    return result_row(source_index, record_index, ArticleResult(article))


def result_row(source_index: int, record_index: int, result: ArticleResult) -> dict[str, Any]:
    """The row of an analysed article."""
    article = result.article
    return {
        "source_index": source_index,
        "record_index": record_index,
        "kind": "article",
        "article_id": article.id,
        "report_date": article.date.isoformat(),
        "report_month": article.date.isoformat()[:7],
        "origin": article.origin,
        "line": article.line,
        "reason": None,
        "event_count": len(result.events),
        "events": json.dumps([e.to_dict() for e in result.events], ensure_ascii=False),
        "result": encode_result(result),
    }


def reject_row(source_index: int, record_index: int, reject: Reject) -> dict[str, Any]:
    """The row of an input that could not be read or analysed."""
    return {
        "source_index": source_index,
        "record_index": record_index,
        "kind": "reject",
        "article_id": reject.article_id,
        "report_date": None,
        "report_month": NO_MONTH,
        "origin": reject.origin,
        "line": reject.line,
        "reason": reject.reason,
        "event_count": 0,
        "events": "[]",
        "result": None,
    }


def row_record(row: dict[str, Any]) -> ArticleResult | Reject:
    """What a row holds: the article's result, or the reject."""
    if row["kind"] == "reject":
        return Reject(row["origin"], row["line"], row["reason"], row["article_id"])
    return decode_result(row["result"])


def load_dataset(
    dataset: str | Path,
    db_path: str | Path,
    *,
    batch_size: int = 32,
    update: bool = False,
    lock_wait: float = DEFAULT_LOCK_WAIT,
    on_reject: Callable[[Reject], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Store the dataset in ``dataset`` (a folder the Ray engine wrote) in the database ``db_path``.

    Rows are stored in input order, each article in its own transaction, with the rules and the
    commits of ``accord.engines.ingest`` (which explains ``update``, ``lock_wait``, ``on_reject``
    and ``progress``): an article stored before is skipped, so loading again adds nothing, and a
    load killed half-way is finished by loading again.

    Raises ``StoreError`` when the database cannot be written or the dataset read (a missing
    folder, a file that is not Parquet), ``ValueError`` when a row's result cannot be decoded.
    """
    run = IngestRun(
        Path(db_path),
        update=update,
        batch_size=batch_size,
        lock_wait=lock_wait,
        on_reject=on_reject,
        progress=progress,
    )
    run.prepare()
    rows = ordered_parquet_rows(Path(dataset), list(SCHEMA.names), ["source_index", "record_index"])
    waiting: OrderedDict[int, ArticleResult] = OrderedDict()
    for article in run.articles_to_parse(_records(rows, waiting)):
        # Results before this one were skipped or rejected by the run: let them go.
        while waiting:
            key, result = waiting.popitem(last=False)
            if key == id(article):
                run.parsed(result)
                break
    run.commit()
    return run.report()


def _records(
    rows: Iterable[dict[str, Any]], waiting: OrderedDict[int, ArticleResult]
) -> Iterator[Article | Reject]:
    """The dataset's records for ``IngestRun.articles_to_parse``, keeping each result in ``waiting``."""
    for row in rows:
        record = row_record(row)
        if isinstance(record, Reject):
            yield record
        else:
            waiting[id(record.article)] = record
            yield record.article
