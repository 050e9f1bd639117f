"""The articles of the linking gold, read from ``shared/data`` by id (they are never copied here).

- ``reut-<NEWID>``: Reuters-21578 (``accord.evaluate.reuters``);
- ``guardian-<row>``: the Guardian sample of NGEC (``ngec-guardian-sdf/Guardian_SDF_sample.csv.zip``),
  ``<row>`` being the file's unnamed index column; report date its ``date``, source "Guardian";
- a MUC message id (``DEV-MUC3-0012``, ``TST3-MUC4-0045``): the MUC-3/4 texts as ``accord.evaluate.muc``
  reads them (re-cased, dateline place kept).

>>> sorted(_by_corpus(["reut-1", "guardian-7", "DEV-MUC3-0012"]))
['guardian', 'muc', 'reuters']
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from accord.records import Article

__all__ = ["read_guardian", "read_linking_articles"]

GUARDIAN = Path("data/ngec-guardian-sdf/Guardian_SDF_sample.csv.zip")


def _by_corpus(ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for article_id in ids:
        corpus = (
            "reuters"
            if article_id.startswith("reut-")
            else "guardian"
            if article_id.startswith("guardian-")
            else "muc"
        )
        found.setdefault(corpus, []).append(article_id)
    return found


def read_guardian(shared: Path, ids: Sequence[str] | None = None) -> Iterator[Article]:
    """The Guardian sample's articles (those of ``ids``, when given), as ``guardian-<row>``."""
    wanted = set(ids) if ids is not None else None
    csv.field_size_limit(1 << 24)
    with zipfile.ZipFile(shared / GUARDIAN) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                article_id = f"guardian-{row['']}"
                if wanted is not None and article_id not in wanted:
                    continue
                yield Article(
                    id=article_id,
                    date=dt.date.fromisoformat(row["date"]),
                    text=row["text"].strip(),
                    source=row.get("source") or "Guardian",
                    origin=name,
                )


def _read_muc(shared: Path, ids: Sequence[str]) -> Iterator[Article]:
    from accord.evaluate.muc import CORPORA, SPLITS, read_messages

    wanted = set(ids)
    for split in SPLITS.values():
        for text_file, upper_case, _key in split:
            path = shared / CORPORA / text_file
            if not path.is_file():
                continue
            for message in read_messages(path, upper_case=upper_case):
                if message.id in wanted:
                    yield Article(
                        id=message.id,
                        date=message.date,
                        text=message.text,
                        source="MUC",
                        origin=path.name,
                        dateline=message.dateline,
                    )


def read_linking_articles(shared: Path, ids: Sequence[str]) -> list[Article]:
    """The articles of ``ids`` from their corpora under ``shared``; ``FileNotFoundError`` when one is
    missing."""
    from accord.evaluate.reuters import read_reuters

    groups = _by_corpus(ids)
    found: list[Article] = []
    if "reuters" in groups:
        found += read_reuters(shared, groups["reuters"])
    if "guardian" in groups:
        found += read_guardian(shared, groups["guardian"])
    if "muc" in groups:
        found += _read_muc(shared, groups["muc"])
    missing = sorted(set(ids) - {a.id for a in found})
    if missing:
        raise FileNotFoundError(
            f"linking gold: articles not found under {shared}/data: {', '.join(missing[:5])}"
        )
    return found
