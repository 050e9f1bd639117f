"""From sources (files, folders, archives, standard input) to the right reader for each format.

The format comes from the file's extension, else from sniffing its first bytes. Every problem with
one input becomes a ``Reject`` and the next input is read.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any, TextIO, cast

from accord.ingest._common import (
    HEAD_BYTES,
    Limits,
    Problem,
    decode_bytes,
    has_undecodable,
    looks_binary,
    stream_encoding,
)
from accord.ingest.csvfile import read_csv
from accord.ingest.htmlpage import read_html
from accord.ingest.jsonl import read_json_document, read_json_lines
from accord.ingest.plaintext import read_plain_text
from accord.ingest.timeml import NotTimeML, read_timeml
from accord.records import Article, Reject

Record = Article | Reject

FORMAT_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".tml": "timeml",
    ".timeml": "timeml",
    ".xml": "timeml",
}

# Errors that reading a damaged or vanishing file can raise at any point of a stream.
_READ_ERRORS = (OSError, EOFError, zlib.error, zipfile.BadZipFile, UnicodeError)

_MARKUP = re.compile(r"\A<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.IGNORECASE)


def read_path(source: str | Path, limits: Limits) -> Iterator[Record]:
    """Everything in one source path: a file, or a folder read recursively in name order.

    Hidden files and folders (names starting with ".") inside a folder are skipped; symbolic links
    to folders are not followed (they can loop).
    """
    origin = source if isinstance(source, str) else str(source)
    path = Path(source)
    if path.is_dir():
        yield from _read_folder(path, origin, limits)
    elif path.exists() or path.is_symlink():
        yield from _read_file(path, origin, limits)
    else:
        yield Reject(origin, None, "no such file or folder")


def read_text_stream(stream: TextIO, origin: str, limits: Limits) -> Iterator[Record]:
    """Standard input (or any text stream): JSON records read as they come, else one whole article
    (seed form, plain text, HTML or TimeML) whose id is the hash of its text.
    """
    try:
        yield from _read_text_stream(stream, origin, limits)
    except UnicodeError as error:
        yield Reject(
            origin, None, f"not UTF-8 text ({error.__class__.__name__}: {getattr(error, 'reason', error)})"
        )


def list_files(source: str | Path) -> Iterator[str | Reject]:
    """The files ``read_path(source)`` reads, in its order, named as it names them (a path that is
    no folder is given back as it is); a folder that cannot be listed is a ``Reject``.

    Reading each with ``read_path`` yields what ``read_path(source)`` yields: an engine can hand
    the files of a folder to different processes and still put the records in one order.
    """
    origin = source if isinstance(source, str) else str(source)
    path = Path(source)
    if not path.is_dir():
        yield origin
        return
    for item in _folder_files(path, origin):
        yield item if isinstance(item, Reject) else item[1]


def _read_folder(folder: Path, origin: str, limits: Limits) -> Iterator[Record]:
    for item in _folder_files(folder, origin):
        if isinstance(item, Reject):
            yield item
        else:
            yield from _read_file(item[0], item[1], limits)


def _folder_files(folder: Path, origin: str) -> Iterator[tuple[Path, str] | Reject]:
    """The files of ``folder`` (recursively, in name order) with their origins, or the Reject of a
    folder that cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Reject(origin, None, f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith(".") or is_documentation(entry.name):
            continue
        child_origin = os.path.join(origin, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
        except OSError:
            is_dir = linked_dir = False
        if is_dir:
            yield from _folder_files(Path(entry.path), child_origin)
        elif not linked_dir:
            yield Path(entry.path), child_origin


# A corpus folder usually carries its own notes (README, SOURCE.md, LICENSE): they describe the
# articles, they are not articles. Named explicitly on the command line, such a file is still read.
_DOCUMENTATION_SUFFIXES = frozenset({".md", ".rst", ".markdown"})
_DOCUMENTATION_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "notice", "changelog", "authors"}
)


def is_documentation(name: str) -> bool:
    path = PurePosixPath(name)
    return path.suffix.lower() in _DOCUMENTATION_SUFFIXES or path.stem.lower() in _DOCUMENTATION_STEMS


def _read_file(path: Path, origin: str, limits: Limits) -> Iterator[Record]:
    try:
        stream = open(path, "rb")  # closed by the with below
    except OSError as error:
        yield Reject(origin, None, f"cannot read: {error.strerror or error}")
        return
    with stream:
        yield from _read_binary(stream, path.name, origin, limits, archive_ok=True)


def _read_binary(
    stream: IO[bytes], name: str, origin: str, limits: Limits, *, archive_ok: bool
) -> Iterator[Record]:
    """One file's records; ``stream`` is seekable binary; errors while reading become a Reject."""
    try:
        yield from _read_binary_unguarded(stream, name, origin, limits, archive_ok=archive_ok)
    except _READ_ERRORS as error:
        yield Reject(origin, None, f"cannot read: {getattr(error, 'strerror', None) or error}")


def _read_binary_unguarded(
    stream: IO[bytes], name: str, origin: str, limits: Limits, *, archive_ok: bool
) -> Iterator[Record]:
    extension = PurePosixPath(name).suffix.lower()
    if extension == ".gz":
        with gzip.GzipFile(fileobj=stream, mode="rb") as inner:
            yield from _read_binary(
                cast(IO[bytes], inner), name[: -len(".gz")], origin, limits, archive_ok=False
            )
        return
    if extension == ".zip":
        if not archive_ok:
            yield Reject(origin, None, "archive inside an archive: not read")
            return
        yield from _read_zip(stream, origin, limits)
        return

    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    known = FORMAT_BY_EXTENSION.get(extension)
    unknown_prefix = "" if known else f"unsupported file type '{extension or name}': "
    if not head:
        yield Reject(origin, None, "empty file")
        return
    if looks_binary(head):
        yield Reject(origin, None, f"{unknown_prefix}binary file (contains NUL bytes), not text")
        return
    file_id = PurePosixPath(name).stem

    if known in ("jsonl", "json") or (known is None and _sniff(_head_text(head)) == "json"):
        text = io.TextIOWrapper(stream, encoding=stream_encoding(head), errors="surrogateescape")
        if known == "jsonl" or _is_json_lines(_head_text(head)):
            yield from read_json_lines(text, origin=origin, limits=limits)
        else:
            yield from read_json_document(text, origin=origin, limits=limits)
        text.detach()
        return
    if known in ("csv", "tsv"):
        text = io.TextIOWrapper(stream, encoding=stream_encoding(head), errors="surrogateescape", newline="")
        yield from read_csv(text, origin=origin, limits=limits, delimiter="\t" if known == "tsv" else ",")
        text.detach()
        return

    # Whole-file formats: one article each, read at once but only up to a size that could hold one.
    markup = known in ("html", "timeml") or (known is None and head.lstrip()[:1] == b"<")
    cap = (64 if markup else 4) * limits.max_chars + (1 << 20)
    data = _read_at_most(stream, cap)
    if data is None:
        reason = (
            f"file is over {cap:,} bytes, too large for an article of at most {limits.max_chars:,} characters"
        )
        yield Reject(origin, None, f"{reason} (max_chars)", file_id)
        return
    try:
        content = decode_bytes(data, markup=markup)
    except Problem as problem:
        yield Reject(origin, None, unknown_prefix + problem.reason, file_id)
        return
    yield _read_whole(content, known or _sniff(content), origin=origin, article_id=file_id, limits=limits)


def _read_whole(content: str, kind: str, *, origin: str, article_id: str | None, limits: Limits) -> Record:
    """One article from a whole decoded text of the given kind (``text``, ``html``, ``timeml``)."""
    if kind == "html":
        try:
            return read_html(content, origin=origin, article_id=article_id, limits=limits)
        except Exception as error:  # a third-party extractor must not stop the batch
            return Reject(
                origin, None, f"HTML extraction failed: {type(error).__name__}: {error}", article_id
            )
    if kind == "timeml":
        try:
            return read_timeml(content, origin=origin, fallback_id=article_id, limits=limits)
        except NotTimeML as error:
            return Reject(
                origin, None, f"XML document is not TimeML (its root is <{error.root}>)", article_id
            )
    if kind == "json":
        # Only reached for a whole stream that looked like JSON but is not a complete value.
        return Reject(origin, None, "malformed JSON document", article_id)
    return read_plain_text(content, origin=origin, article_id=article_id, limits=limits)


def _read_zip(stream: IO[bytes], origin: str, limits: Limits) -> Iterator[Record]:
    """Each member of a zip archive (``x.csv.zip``), in name order, read by its own extension."""
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile as error:
        yield Reject(origin, None, f"not a readable zip archive: {error}")
        return
    with archive:
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir()),
            key=lambda info: info.filename,
        )
        for info in members:
            parts = PurePosixPath(info.filename).parts
            if any(part.startswith(".") or part == "__MACOSX" for part in parts):
                continue
            member_origin = f"{origin}!{info.filename}"
            try:
                member = archive.open(info)
            except (*_READ_ERRORS, RuntimeError) as error:  # RuntimeError: encrypted member
                yield Reject(member_origin, None, f"cannot read: {error}")
                continue
            with member:
                yield from _read_binary(member, parts[-1], member_origin, limits, archive_ok=False)


def _read_text_stream(stream: TextIO, origin: str, limits: Limits) -> Iterator[Record]:
    consumed: list[str] = []
    first = ""
    for line in stream:
        consumed.append(line)
        if line.strip(" \t\r\n\ufeff"):
            first = line.strip(" \t\r\n\ufeff")
            break
    if not first:
        yield Reject(origin, None, "empty input")
        return
    if first[:1] in "{[":
        if _is_json_lines(first):
            yield from read_json_lines(_chain(consumed, stream), origin=origin, limits=limits)
        else:
            yield from read_json_document(_PrefixedText(consumed, stream), origin=origin, limits=limits)
        return
    cap = 64 * limits.max_chars + (1 << 20)
    rest = _read_at_most(stream, cap)
    content = "".join(consumed) + (rest or "")
    if rest is None or len(content) > cap:
        yield Reject(origin, None, f"input is over {cap:,} characters (max_chars is {limits.max_chars:,})")
        return
    if has_undecodable(content):
        yield Reject(origin, None, "input is not valid UTF-8 text")
        return
    yield _read_whole(
        content.lstrip("\ufeff"), _sniff(content), origin=origin, article_id=None, limits=limits
    )


def _read_at_most(stream: IO[bytes] | TextIO, cap: int) -> Any:
    """All of ``stream`` (bytes or str), or None when it holds more than ``cap`` units. Reads in
    chunks: ``read(cap)`` itself would allocate ``cap`` bytes up front for every small file."""
    chunks: list[Any] = []
    total = 0
    while chunk := stream.read(min(1 << 20, cap + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > cap:
            return None
    return chunks[0][:0].join(chunks) if chunks else stream.read(0)


def _sniff(text: str) -> str:
    """The kind of a text whose extension says nothing: ``json``, ``timeml``, ``html`` or ``text``."""
    start = text.lstrip("\ufeff \t\r\n")
    if start[:1] in ("{", "["):
        return "json"
    if start.startswith("<"):
        head = text[:HEAD_BYTES]
        if re.search(r"<TimeML\b", head):
            return "timeml"
        if _MARKUP.match(start) or re.search(r"<(?:!doctype\s+html|html)\b", head, re.IGNORECASE):
            return "html"
        if start.startswith("<?xml"):
            return "timeml"  # read_timeml names the root when it is XML of another kind
    return "text"


def _head_text(head: bytes) -> str:
    codec = stream_encoding(head)
    return head.decode(codec, errors="ignore")


def _is_json_lines(head: str) -> bool:
    """True when the first non-blank line is a whole JSON value by itself (JSON Lines), or is longer
    than the head we looked at (one long record a line); False for a pretty-printed document."""
    stripped = head.lstrip("\ufeff \t\r\n")
    first, newline, _ = stripped.partition("\n")
    if not newline and len(head) >= HEAD_BYTES:
        return True
    try:
        json.loads(first)
    except ValueError:
        return False
    return True


def _chain(first: list[str], rest: TextIO) -> Iterator[str]:
    yield from first
    yield from rest


class _PrefixedText(io.TextIOBase):
    """A read-only text stream: lines already consumed while sniffing, then the rest of ``rest``."""

    def __init__(self, prefix: list[str], rest: TextIO) -> None:
        self._prefix = "".join(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        if size is None or size < 0:
            text, self._prefix = self._prefix + self._rest.read(), ""
            return text
        text, self._prefix = self._prefix[:size], self._prefix[size:]
        if len(text) < size:
            text += self._rest.read(size - len(text))
        return text
