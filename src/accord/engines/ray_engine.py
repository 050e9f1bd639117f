"""The Ray engine: the same stage functions on Ray Data, from input files to a Parquet dataset.

    files (listed here) ─► read_articles, one task per file ─► map_batches on an actor pool
    (each actor loads the model once: ``BatchAnalyser``) ─► write_parquet, partitioned by report month

On one machine ``ray.init`` starts a local Ray with the cores given; with ``address``
(``ray://HOST:10001``, or ``RAY_ADDRESS``) it joins a running cluster, whose nodes must have Accord
installed (``pip install 'accord-events[ray]'``) and must reach the input files and the dataset
folder (a shared file system). The dataset (``accord.engines.dataset``) is written beside its final
place and moved there when complete, so a killed run leaves no half dataset; ``load_dataset``
stores it in a database in input order, the same database as the local engine writes. Ray parses
every article given (there is no database to skip stored ones against); loading skips them.

Ray is an optional extra: without it ``ingest_to_dataset`` raises ``EngineError`` with the
``pip install`` to run.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads

from accord.engines.analysis import BatchAnalyser
from accord.engines.dataset import SCHEMA, article_row, reject_row, result_row, row_record
from accord.engines.report import IngestReport
from accord.errors import EngineError
from accord.ingest import list_inputs, read_articles
from accord.records import Article, ArticleResult, Reject

__all__ = ["RAY_EXTRA", "ingest_to_dataset", "ray_installed"]

RAY_EXTRA = "pip install 'accord-events[ray]'"
# Records per block coming out of a reading task: a JSON Lines file of a million articles is
# handed on in pieces, never held whole.
_READ_CHUNK = 256
# Input files per reading task.
_SOURCES_PER_TASK = 16


def ray_installed() -> bool:
    """Whether Ray Data can be imported (the ``ray`` extra)."""
    return importlib.util.find_spec("ray") is not None and importlib.util.find_spec("ray.data") is not None


def ingest_to_dataset(
    paths: Iterable[str | Path] | str | Path,
    dataset: str | Path,
    *,
    address: str | None = None,
    num_cpus: int | None = None,
    actors: int | None = None,
    default_date: dt.date | None = None,
    max_chars: int = 200_000,
    batch_size: int = 32,
    progress_bars: bool = False,
) -> IngestReport:
    """Extract the events of every article in ``paths`` on Ray and write them to the Parquet
    dataset folder ``dataset`` (which must not exist yet), partitioned by report month.

    ``address`` None starts a local Ray with ``num_cpus`` cores (None: all), unless Ray is
    already started in this process or ``RAY_ADDRESS`` names a cluster. ``actors`` analyse
    batches of ``batch_size`` articles (None: one per CPU of the cluster). ``default_date`` and
    ``max_chars`` are as for ``accord.ingest.read_articles``; standard input is not read.
    Returns what the dataset holds: ``written`` articles with ``events`` events, and the
    ``rejects`` (also rows of the dataset).

    Raises ``EngineError`` when Ray is not installed, the cluster cannot be reached or the run
    fails, or ``dataset`` exists already.
    """
    ray = _import_ray()
    target = Path(dataset)
    if target.exists():
        raise EngineError(f"{target} exists already: the dataset goes to a new folder")
    sources = list(list_inputs(paths))
    if "-" in sources:
        raise EngineError("the ray engine reads files and folders, not standard input")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)  # left by a killed run
    started = not ray.is_initialized()
    try:
        if started:
            ray.init(
                address=address,
                num_cpus=None if address else num_cpus,
                log_to_driver=False,
                logging_level=logging.INFO if progress_bars else logging.WARNING,
            )
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = progress_bars
        context.enable_operator_progress_bars = progress_bars
        pool = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        items = [_source_item(n, source) for n, source in enumerate(sources)]
        (
            ray.data.from_items(items)
            # Reading and writing are light: they run beside the actors, which hold the cores,
            # in one task each at a time.
            .map_batches(
                _read_sources,
                batch_size=_SOURCES_PER_TASK,
                batch_format="pyarrow",
                fn_kwargs={"default_date": default_date, "max_chars": max_chars},
                compute=ray.data.TaskPoolStrategy(size=1),
                num_cpus=0,
            )
            .map_batches(
                _Analyser,
                batch_size=batch_size,
                batch_format="pyarrow",
                fn_constructor_kwargs={"batch_size": batch_size},
                compute=ray.data.ActorPoolStrategy(min_size=1, max_size=pool, initial_size=pool),
                num_cpus=1,
            )
            .write_parquet(
                str(partial), partition_cols=["report_month"], concurrency=1, ray_remote_args={"num_cpus": 0}
            )
        )
    except EngineError:
        raise
    except Exception as exc:
        raise EngineError(f"the ray engine failed: {type(exc).__name__}: {exc}") from exc
    finally:
        if started and ray.is_initialized():
            ray.shutdown()
    partial.rename(target)
    return dataset_report(target)


def dataset_report(dataset: Path) -> IngestReport:
    """What a dataset folder holds: its articles, their events, and its rejects in input order."""
    table = pads.dataset(dataset, format="parquet", partitioning="hive").to_table(
        columns=[
            "source_index",
            "record_index",
            "kind",
            "event_count",
            "article_id",
            "origin",
            "line",
            "reason",
        ]
    )
    kinds = table.column("kind").to_pylist()
    counts = table.column("event_count").to_pylist()
    reject_rows = sorted(
        (row for row in table.to_pylist() if row["kind"] == "reject"),
        key=lambda row: (row["source_index"], row["record_index"]),
    )
    rejects = tuple(Reject(r["origin"], r["line"], r["reason"], r["article_id"]) for r in reject_rows)
    articles = sum(1 for kind in kinds if kind == "article")
    events = sum(c for c, kind in zip(counts, kinds, strict=True) if kind == "article")
    return IngestReport(written=articles, skipped=0, events=events, rejects=rejects)


def _import_ray() -> ModuleType:
    if not ray_installed():
        raise EngineError(f"the ray engine needs Ray Data: {RAY_EXTRA}")
    import ray
    import ray.data

    return ray


def _source_item(index: int, source: str | Reject) -> dict[str, Any]:
    if isinstance(source, Reject):
        return {"source_index": index, "source": source.origin, "reason": source.reason}
    return {"source_index": index, "source": source, "reason": None}


def _read_sources(batch: pa.Table, *, default_date: dt.date | None, max_chars: int) -> Iterator[pa.Table]:
    """Ray task: the records of the files in ``batch``, as dataset rows (``article_row``)."""
    for item in batch.to_pylist():
        index = item["source_index"]
        if item["reason"] is not None:
            yield _table([reject_row(index, 0, Reject(item["source"], None, item["reason"]))])
            continue
        rows: list[dict[str, Any]] = []
        records = read_articles([item["source"]], default_date=default_date, max_chars=max_chars)
        for n, record in enumerate(records):
            rows.append(
                reject_row(index, n, record) if isinstance(record, Reject) else article_row(index, n, record)
            )
            if len(rows) >= _READ_CHUNK:
                yield _table(rows)
                rows = []
        if rows:
            yield _table(rows)


class _Analyser:
    """Ray actor: loads the model once, then analyses the articles of each batch of rows."""

    def __init__(self, batch_size: int) -> None:
        self.analyser = BatchAnalyser(batch_size=batch_size)
        self.analyser.load()

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        records = [row_record(row) for row in rows]
        articles = [r.article for r in records if isinstance(r, ArticleResult)]
        outcomes = iter(self.analyser.analyse(articles))
        out = []
        for row, record in zip(rows, records, strict=True):
            where = (row["source_index"], row["record_index"])
            if isinstance(record, Reject):
                out.append(row)
                continue
            outcome = next(outcomes)
            if isinstance(outcome, str):
                out.append(reject_row(*where, _failed(record.article, outcome)))
            else:
                out.append(result_row(*where, outcome))
        return _table(out)


def _failed(article: Article, reason: str) -> Reject:
    return Reject(article.origin, article.line, reason, article.id)


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)
