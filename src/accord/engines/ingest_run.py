"""One ingest run: which articles to parse, and committing what was parsed in short writes.

An article is its id and its content hash (of id, date and text). Before anything is parsed, each
article read is compared with the articles read earlier in the run and with the database:

- same id, same hash: already stored (or read twice): skipped, not parsed;
- same id as an article read earlier in the run, other text: rejected (the first one stays);
- same id as a stored article, other text: rejected, unless ``update``, which parses it and
  replaces the stored article in one transaction (reported as updated);
- a new id: parsed and written.

Parsed articles are committed in batches: the database is opened read-write only for a commit
(``accord.store.writing``: the writer flag is announced, readers step aside) and closed after it,
so that ``accord serve`` can read the file between commits and shows the new articles after each.
Each article is still its own transaction, so a killed run leaves whole articles only, and a
re-run skips them before parsing: it costs in proportion to what is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from accord.engines.analysis import Outcome, failure_reason
from accord.engines.report import IngestReport, Progress
from accord.engines.report import Outcome as Step
from accord.errors import ArticleConflictError, UnstorableArticleError
from accord.records import Article, ArticleResult, Reject
from accord.store import content_hash, open_database, writing

__all__ = ["IngestRun"]

# A commit happens after this many parsed articles, or this many seconds after the last one.
COMMIT_SECONDS = 1.0


@dataclass(frozen=True)
class _Seen:
    """An article id met in this run: its content hash and where it was read."""

    digest: str
    origin: str | None
    line: int | None

    def where(self) -> str:
        return f"{self.origin}" + ("" if self.line is None else f":{self.line}")


class IngestRun:
    """The state of one ingest into ``db_path``; see the module docstring for the rules.

    ``on_reject`` is told each reject as it comes; ``progress`` each record's ``Progress``.
    Raises ``StoreError`` (``DatabaseBusyError`` when the file stays locked for ``lock_wait``
    seconds) from ``prepare``, ``articles_to_parse`` and ``commit``.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        update: bool,
        batch_size: int,
        lock_wait: float,
        on_reject: Callable[[Reject], None] | None,
        progress: Callable[[Progress], None] | None,
    ) -> None:
        self.db_path = db_path
        self.update = update
        self.batch_size = batch_size
        self.lock_wait = lock_wait
        self._on_reject = on_reject
        self._progress = progress
        self._seen: dict[str, _Seen] = {}
        self._to_update: set[str] = set()
        self._pending: list[ArticleResult] = []
        self._pending_rejects: list[Reject] = []
        self._last_commit = time.monotonic()
        self._rejects: list[Reject] = []
        self._counts: dict[Step, int] = {"written": 0, "updated": 0, "skipped": 0, "rejected": 0}
        self._events = 0

    def prepare(self) -> None:
        """Open the file once for writing (creating it and its tables), so that a file that cannot
        be written fails before anything is parsed."""
        with writing(self.db_path, wait=self.lock_wait):
            pass

    def reject(self, reject: Reject) -> None:
        """Report a reject now, record it in the database with the next commit."""
        self._rejects.append(reject)
        self._pending_rejects.append(reject)
        if self._on_reject is not None:
            self._on_reject(reject)
        self._step("rejected", reject.article_id)

    def analysis_failed(self, article: Article, exc: Exception) -> None:
        """The extractor's ``on_error``: the article becomes a reject."""
        self.not_analysed(article, failure_reason(exc))

    def not_analysed(self, article: Article, reason: str) -> None:
        """An article a worker could not analyse, for ``reason``: it becomes a reject."""
        self.reject(Reject(article.origin, article.line, reason, article.id))

    def take(self, article: Article, outcome: Outcome) -> None:
        """A worker's outcome for ``article``: its result (``parsed``) or why it failed."""
        if isinstance(outcome, str):
            self.not_analysed(article, outcome)
        else:
            self.parsed(outcome)

    def articles_to_parse(self, records: Iterable[Article | Reject]) -> Iterator[Article]:
        """The articles of ``records`` that need parsing; the others are rejected or skipped here.

        The database is asked about ``batch_size`` articles at a time, opened read-only.
        """
        group: list[Article] = []
        for record in records:
            if isinstance(record, Reject):
                self.reject(record)
                continue
            group.append(record)
            if len(group) >= self.batch_size:
                yield from self._sift(group)
                group = []
        if group:
            yield from self._sift(group)

    def parsed(self, result: ArticleResult) -> None:
        """Keep a parsed article for the next commit, committing when a batch is full or due."""
        self._pending.append(result)
        due = time.monotonic() - self._last_commit >= COMMIT_SECONDS
        if len(self._pending) >= self.batch_size or due:
            self.commit()

    def commit(self) -> None:
        """Write the pending articles (one transaction each) and rejects, in one short opening."""
        if not self._pending and not self._pending_rejects:
            return
        done: list[tuple[Step, ArticleResult]] = []
        refused: list[Reject] = []
        with writing(self.db_path, wait=self.lock_wait) as database:
            for reject in self._pending_rejects:
                database.write_reject(reject)
            for result in self._pending:
                article = result.article
                try:
                    done.append((database.store(result, update=article.id in self._to_update), result))
                except (ArticleConflictError, UnstorableArticleError) as exc:
                    # A conflict here means another writer stored the id since we looked.
                    hint = "; rename it or pass --update" if isinstance(exc, ArticleConflictError) else ""
                    refused.append(Reject(article.origin, article.line, f"{exc}{hint}", article.id))
                    database.write_reject(refused[-1])
        self._pending, self._pending_rejects = [], []
        self._last_commit = time.monotonic()
        for outcome, result in done:
            if outcome != "skipped":
                self._events += len(result.events)
            self._step(outcome, result.article.id, len(result.events) if outcome != "skipped" else 0)
        for reject in refused:
            self._rejects.append(reject)
            if self._on_reject is not None:
                self._on_reject(reject)
            self._step("rejected", reject.article_id)

    def report(self) -> IngestReport:
        """What the run did so far (call after the last ``commit``)."""
        return IngestReport(
            written=self._counts["written"],
            updated=self._counts["updated"],
            skipped=self._counts["skipped"],
            events=self._events,
            rejects=tuple(self._rejects),
        )

    # -- helpers ---------------------------------------------------------------------------------

    def _step(self, outcome: Step, article_id: str | None, events: int = 0) -> None:
        self._counts[outcome] += 1
        if self._progress is not None:
            self._progress(Progress(outcome, article_id, events))

    def _stored(self, ids: list[str]) -> dict[str, _Seen]:
        with open_database(self.db_path, read_only=True, wait=self.lock_wait) as database:
            found = database.stored_articles(ids)
        return {key: _Seen(digest, origin, line) for key, (digest, origin, line) in found.items()}

    def _sift(self, group: list[Article]) -> Iterator[Article]:
        stored = self._stored([article.id for article in group if article.id not in self._seen])
        for article in group:
            digest = content_hash(article.id, article.date, article.text)
            earlier = self._seen.get(article.id)
            if earlier is not None:
                if earlier.digest == digest:
                    self._step("skipped", article.id)
                else:
                    reason = (
                        f"article id {article.id!r} was read before from {earlier.where()} with a "
                        "different text; rename one of them"
                    )
                    self.reject(Reject(article.origin, article.line, reason, article.id))
                continue
            kept = stored.get(article.id)
            if kept is not None and kept.digest != digest and not self.update:
                reason = (
                    f"article id {article.id!r} is already stored from {kept.where()} with a "
                    "different text; rename it or pass --update"
                )
                self.reject(Reject(article.origin, article.line, reason, article.id))
                continue
            self._seen[article.id] = _Seen(digest, article.origin, article.line)
            if kept is not None and kept.digest == digest:
                self._step("skipped", article.id)
                continue
            if kept is not None:
                self._to_update.add(article.id)
            yield article
