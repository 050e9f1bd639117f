"""Engines: run Accord's stages over many inputs, from files to coded events or to a database.

``local`` runs everything in this process (spaCy batches, one transaction per article). Engines
that spread the same stage functions over worker processes or a Ray cluster belong here too, and
return the same ``IngestReport``.

>>> from accord.engines import ingest
>>> report = ingest(["samples/"], "accord.duckdb")  # doctest: +SKIP
>>> report.written, report.events, len(report.rejects)  # doctest: +SKIP
(3, 41, 0)
"""

from __future__ import annotations

from accord.engines.local import extract_files, ingest
from accord.engines.report import IngestReport, Progress

__all__ = ["IngestReport", "Progress", "extract_files", "ingest"]
