"""What an ingest did: articles written, updated and skipped, events stored, inputs rejected; and
the ``Progress`` step reported after each input record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accord.records import Reject

__all__ = ["IngestReport", "Outcome", "Progress"]

Outcome = Literal["written", "updated", "skipped", "rejected"]


@dataclass(frozen=True)
class Progress:
    """One input record dealt with: ``outcome``, the article's id (when it has one) and the
    events stored for it. ``written``/``updated`` are reported once committed."""

    outcome: Outcome
    article_id: str | None
    events: int = 0


@dataclass(frozen=True)
class IngestReport:
    """The outcome of ingesting inputs into a database.

    ``written``: new articles stored by this run; ``updated``: stored articles whose text changed
    and was replaced (only with ``update=True``); ``skipped``: articles already stored with the
    same content, or read twice with the same content (nothing written, nothing parsed);
    ``events``: events of the written and updated articles; ``rejects``: inputs that could not
    be read, analysed or stored, in the order they were met (also recorded in the database's
    ``rejects`` table).

    >>> IngestReport(written=2, skipped=1, events=5, rejects=()).ok
    True
    """

    written: int
    skipped: int
    events: int
    rejects: tuple[Reject, ...]
    updated: int = 0

    @property
    def ok(self) -> bool:
        """Whether every input was read, analysed and stored (no reject)."""
        return not self.rejects

    def summary(self, db_path: str) -> str:
        """The one line the CLI prints after an ingest."""
        return (
            f"{self.written} articles written ({self.events} events), {self.updated} updated, "
            f"{self.skipped} already stored, {len(self.rejects)} rejected -> {db_path}"
        )
