"""How many records the inputs hold, counted cheaply before they are read (for a progress bar).

Whole-file formats (text, HTML, TimeML) are one record per file, so a folder is counted by listing
it; JSON Lines are counted by their non-blank lines and CSV/TSV by their rows (a scan far cheaper
than parsing the articles). Inputs whose count would need reading them like the readers do
(standard input, a JSON document, a ``.gz`` of JSON or CSV, an archive holding them) make the
count unknown: None. Every record a reader yields, article or reject, is one step of the count.

>>> count_records(["samples/"])  # doctest: +SKIP
13
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from accord.ingest._dispatch import FORMAT_BY_EXTENSION, is_documentation

__all__ = ["count_records"]

_STREAMED = ("jsonl", "json", "csv", "tsv")


class _Unknown(Exception):
    """Counting this input would cost as much as reading it."""


def count_records(sources: Iterable[str | Path] | str | Path) -> int | None:
    """The number of records (articles or rejects) ``read_articles`` will yield for ``sources``,
    or None when it cannot be known cheaply. Never raises for bad input (it counts as one)."""
    if isinstance(sources, (str, Path)):
        sources = [sources]
    try:
        return sum(_count_source(source) for source in sources)
    except _Unknown:
        return None


def _count_source(source: str | Path) -> int:
    if isinstance(source, str) and source == "-":
        raise _Unknown
    path = Path(source)
    if path.is_dir():
        return _count_folder(path)
    return _count_file(path)


def _count_folder(folder: Path) -> int:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return 1
    total = 0
    for entry in entries:
        if entry.name.startswith(".") or is_documentation(entry.name):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
        except OSError:
            is_dir = linked_dir = False
        if is_dir:
            total += _count_folder(Path(entry.path))
        elif not linked_dir:
            total += _count_file(Path(entry.path))
    return total


def _kind(name: str) -> str | None:
    return FORMAT_BY_EXTENSION.get(PurePosixPath(name).suffix.lower())


def _count_file(path: Path) -> int:
    name = path.name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".gz":
        if _kind(name[: -len(".gz")]) in _STREAMED:
            raise _Unknown
        return 1
    if suffix == ".zip":
        return _count_zip(path)
    kind = _kind(name)
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                return max(1, sum(1 for line in stream if line.strip()))
        if kind in ("csv", "tsv"):
            return _count_csv(path, "\t" if kind == "tsv" else ",")
    except OSError:
        return 1
    if kind == "json":
        raise _Unknown
    return 1


def _count_csv(path: Path, delimiter: str) -> int:
    with path.open("r", encoding="utf-8", errors="replace", newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            rows = sum(1 for row in reader if row and (len(row) > 1 or row[0].strip()))
        except csv.Error:
            raise _Unknown from None
    return max(1, rows - 1)  # the header is no record; an empty file is one reject


def _count_zip(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except (OSError, zipfile.BadZipFile, io.UnsupportedOperation):
        return 1
    total = 0
    for name in names:
        parts = PurePosixPath(name).parts
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            continue
        if _kind(name) in _STREAMED or name.lower().endswith((".gz", ".zip")):
            raise _Unknown
        total += 1
    return total
