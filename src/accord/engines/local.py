"""The local engine: read inputs, extract their events, and store them.

``extract_files`` streams ``ArticleResult`` records from files, folders and standard input (in
this process); ``ingest`` writes them to a database, one transaction per article, committed in
short writes (``ingest_run``), and returns an ``IngestReport``. ``ingest`` parses in ``workers``
processes (``workers``: all the cores by default) and stores what they return in input order, so
that the database is the same as with one process; an input of one batch is parsed here.
One bad input never stops the run, and never passes silently: it becomes a ``Reject`` (origin, line,
reason) handed to ``on_reject``, and ``ingest`` also records it in the database.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from accord.engines.ingest_run import IngestRun
from accord.engines.report import IngestReport, Progress
from accord.engines.workers import WorkerPool, available_cores
from accord.ingest import read_articles
from accord.pipeline import Extractor
from accord.records import Article, ArticleResult, Reject
from accord.store import DEFAULT_LOCK_WAIT

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["extract_files", "ingest"]

DEFAULT_MAX_CHARS = 200_000
DEFAULT_BATCH_SIZE = 32


def extract_files(
    paths: Iterable[str | Path] | str | Path,
    *,
    default_date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stdin: TextIO | None = None,
    nlp: Language | None = None,
    on_reject: Callable[[Reject], None] | None = None,
) -> Iterator[ArticleResult]:
    """The events of every article in ``paths``, one ``ArticleResult`` per article, in input order.

    ``paths``: files, folders and ``"-"`` (``stdin``, else standard input), as for
    ``accord.ingest.read_articles``, which also explains ``default_date`` and ``max_chars``.
    ``batch_size`` articles are parsed together; ``nlp`` is the spaCy model (loaded on first use
    when None). An input that cannot be read, or an article the extractor fails on, is passed to
    ``on_reject`` and skipped. Raises nothing for bad input.

    >>> results = extract_files(["samples/"], on_reject=print)  # doctest: +SKIP
    >>> next(results).article.id  # doctest: +SKIP
    '000_5d68f7ddc8901266'
    """
    report = on_reject if on_reject is not None else _ignore

    def analysis_failed(article: Article, exc: Exception) -> None:
        reason = f"could not be analysed ({type(exc).__name__}: {exc}); please report this article"
        report(Reject(article.origin, article.line, reason, article.id))

    extractor = Extractor(nlp, batch_size=batch_size, on_error=analysis_failed)
    return extractor.extract_articles(_articles(paths, default_date, max_chars, stdin, report))


def _articles(
    paths: Iterable[str | Path] | str | Path,
    default_date: dt.date | None,
    max_chars: int,
    stdin: TextIO | None,
    on_reject: Callable[[Reject], None],
) -> Iterator[Article]:
    for item in read_articles(paths, default_date=default_date, max_chars=max_chars, stdin=stdin):
        if isinstance(item, Reject):
            on_reject(item)
        else:
            yield item


def _ignore(reject: Reject) -> None:
    """The default ``on_reject`` of ``extract_files``: rejects are dropped (``ingest`` keeps them)."""


def ingest(
    paths: Iterable[str | Path] | str | Path,
    db_path: str | Path,
    *,
    default_date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stdin: TextIO | None = None,
    nlp: Language | None = None,
    update: bool = False,
    lock_wait: float = DEFAULT_LOCK_WAIT,
    on_reject: Callable[[Reject], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Extract the events of every article in ``paths`` and store them in the database ``db_path``.

    An article already stored with the same id and content is skipped before it is parsed, so a
    re-run after a crash costs in proportion to what is left. An article whose id is stored (or
    was read earlier in the run) with a different text is rejected with both places named, never
    written over, unless ``update`` (stored articles only), which replaces the stored one; see
    ``accord.engines.ingest_run``. Parsed articles are committed ``batch_size`` at a time (or
    every second), each in its own transaction, with the file open for writing only during the
    commit, so that a server can read it in between and a killed run leaves whole articles.
    Rejects are recorded in the database, passed to ``on_reject`` as they come, and listed in the
    report. ``progress`` is called with a ``Progress`` for every record read. The other arguments
    are as for ``extract_files``; ``lock_wait`` is how many seconds a commit waits for readers to
    let go of the file.

    ``workers`` processes parse (None: one per available core; 1: this process only), each
    loading the model once (``nlp`` when given, sent to them); this process reads, skips and
    writes, in input order, so the database is the same whatever ``workers``.

    Raises ``StoreError`` when the database cannot be opened or written (``DatabaseBusyError``
    when other processes hold it for ``lock_wait`` seconds), ``EngineError`` when a worker
    process cannot load the model or dies; the commits before stay.

    >>> report = ingest(["samples/"], "accord.duckdb")  # doctest: +SKIP
    >>> report.written, report.skipped, len(report.rejects)  # doctest: +SKIP
    (3, 0, 0)
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
    records = read_articles(paths, default_date=default_date, max_chars=max_chars, stdin=stdin)
    batches = _batches(run.articles_to_parse(records), batch_size)
    # Workers pay for themselves from the second batch on; a smaller input is parsed here.
    head = list(itertools.islice(batches, 2))
    batches = itertools.chain(head, batches)
    workers = available_cores() if workers is None else workers
    if workers > 1 and len(head) > 1:
        with WorkerPool(workers, nlp=nlp, batch_size=batch_size) as pool:
            for article, outcome in pool.analyse(batches):
                run.take(article, outcome)
    else:
        extractor = Extractor(nlp, batch_size=batch_size, on_error=run.analysis_failed)
        for result in extractor.extract_articles(itertools.chain.from_iterable(batches)):
            run.parsed(result)
    run.commit()
    return run.report()


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size`` (the last one shorter): the batches one process parses."""
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
