"""The local engine: read inputs, extract their events in this process, and store them.

``extract_files`` streams ``ArticleResult`` records from files, folders and standard input;
``ingest`` writes them to a database, one transaction per article, and returns an ``IngestReport``.
One bad input never stops the run, and never passes silently: it becomes a ``Reject`` (origin, line,
reason) handed to ``on_reject``, and ``ingest`` also records it in the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from accord.engines.report import IngestReport
from accord.ingest import read_articles
from accord.pipeline import Extractor
from accord.records import Article, ArticleResult, Reject
from accord.store import Database

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
    on_reject: Callable[[Reject], None] | None = None,
    progress: Callable[[ArticleResult], None] | None = None,
) -> IngestReport:
    """Extract the events of every article in ``paths`` and store them in the database ``db_path``.

    Each article is written in its own transaction (created with its tables when absent), so a
    killed run leaves only whole articles behind and running it again completes the set; an
    article already stored with the same content is skipped. Rejects are recorded in the
    database, passed to ``on_reject`` as they come, and listed in the report. ``progress`` is
    called after each article is written or skipped. The other arguments are as for
    ``extract_files``.

    Raises ``StoreError`` when the database cannot be opened or an article cannot be written (the
    articles before it stay committed).

    >>> report = ingest(["samples/"], "accord.duckdb")  # doctest: +SKIP
    >>> report.written, report.skipped, len(report.rejects)  # doctest: +SKIP
    (3, 0, 0)
    """
    rejects: list[Reject] = []
    written = skipped = events = 0
    with Database(db_path) as database:

        def record(reject: Reject) -> None:
            rejects.append(reject)
            if on_reject is not None:
                on_reject(reject)
            database.write_reject(reject)

        results = extract_files(
            paths,
            default_date=default_date,
            max_chars=max_chars,
            batch_size=batch_size,
            stdin=stdin,
            nlp=nlp,
            on_reject=record,
        )
        for result in results:
            if database.write_result(result):
                written += 1
                events += len(result.events)
            else:
                skipped += 1
            if progress is not None:
                progress(result)
    return IngestReport(written=written, skipped=skipped, events=events, rejects=tuple(rejects))
