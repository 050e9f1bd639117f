"""Ingest: files and streams in, ``Article`` or ``Reject`` records out.

One public function, ``read_articles`` (and ``count_records``, how many records it will yield,
counted cheaply for a progress bar). Control characters and terminal escapes in a text become
spaces (``cleaning``); report dates outside 1800 .. next year are rejected. Formats (by extension, else by sniffing the content):

- the seed's form, ``.txt`` starting ``date YYYY-MM-DD ``: text = the rest, whitespace stripped;
- plain text (``.txt`` without that header): needs ``default_date`` (the CLI's ``--date``);
- JSON Lines / JSON (``.jsonl``, ``.ndjson``, ``.json``: lines, one object or an array) and CSV / TSV
  (``.csv``, ``.tsv``, header row) with the fields ``id, date, title, text, url, source``;
- HTML (``.html``, ``.htm``): main text through trafilatura, title and date from the page metadata;
- TimeML (``.tml``, or ``.xml`` whose root is ``<TimeML>``): date from the DCT, text = TEXT as given;
- ``.gz`` of any of these, and ``.zip`` archives of them (``Guardian_SDF_sample.csv.zip``).

Article ids: the record's ``id`` (JSON, CSV) or TimeML's ``DOCID``; else the file name without its
last extension (``AFP_ENG_19970401.0006.tml`` -> ``AFP_ENG_19970401.0006``); a record without an id
and standard input get ``sha256-`` + the first 16 hex digits of SHA-256 of the article text (UTF-8),
so the same text always gets the same id.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from accord.ingest._common import Limits
from accord.ingest._dispatch import list_files, read_path, read_text_stream
from accord.ingest.counting import count_records
from accord.records import Article, Reject

__all__ = ["count_records", "list_inputs", "read_articles"]

STDIN = "-"


def read_articles(
    sources: Iterable[str | Path] | str | Path,
    *,
    default_date: dt.date | None = None,
    max_chars: int = 200_000,
    stdin: TextIO | None = None,
) -> Iterator[Article | Reject]:
    """Read articles from files, folders (recursively, in name order, hidden files skipped) and
    ``"-"`` (standard input, or the ``stdin`` stream given), one record at a time.

    Never raises for bad input and never stops early: an input or record that cannot be read
    becomes a ``Reject`` (origin, line, one-line reason) and reading goes on. Memory stays flat:
    JSON Lines and CSV are read row by row, whole-file formats one file at a time.

    ``default_date`` dates inputs that carry none; ``max_chars`` rejects longer articles.
    A single path may be passed instead of a list.

    >>> import io, datetime as dt
    >>> [a.text for a in read_articles(["-"], stdin=io.StringIO("date 2021-12-06 Talks resumed. "))]
    ['Talks resumed.']
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    limits = Limits(default_date=default_date, max_chars=max_chars)
    for source in sources:
        if isinstance(source, str) and source == STDIN:
            yield from read_text_stream(stdin if stdin is not None else _standard_input(), "<stdin>", limits)
        else:
            yield from read_path(source, limits)


def list_inputs(sources: Iterable[str | Path] | str | Path) -> Iterator[str | Reject]:
    """The files ``read_articles(sources)`` reads, in its order, folders expanded, named as its
    records' ``origin``; a folder that cannot be listed is a ``Reject``. ``"-"`` is given back as
    it is. Reading them one by one with ``read_articles`` gives the same records in the same order.

    >>> list(list_inputs(["-"]))
    ['-']
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    for source in sources:
        if isinstance(source, str) and source == STDIN:
            yield source
        else:
            yield from list_files(source)


def _standard_input() -> TextIO:
    """sys.stdin decoded as UTF-8 whatever the locale, keeping bad bytes detectable (not mojibake)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    return io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="surrogateescape")
