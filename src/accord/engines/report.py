"""What an ingest did: articles written and skipped, events stored, inputs rejected."""

from __future__ import annotations

from dataclasses import dataclass

from accord.records import Reject

__all__ = ["IngestReport"]


@dataclass(frozen=True)
class IngestReport:
    """The outcome of ingesting inputs into a database.

    ``written``: articles stored by this run; ``skipped``: articles already stored with the same
    content (nothing written); ``events``: events of the written articles; ``rejects``: inputs
    that could not be read or analysed, in the order they were met (also recorded in the
    database's ``rejects`` table).

    >>> IngestReport(written=2, skipped=1, events=5, rejects=()).ok
    True
    """

    written: int
    skipped: int
    events: int
    rejects: tuple[Reject, ...]

    @property
    def ok(self) -> bool:
        """Whether every input was read and analysed (no reject)."""
        return not self.rejects
