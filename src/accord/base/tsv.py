"""Reading Accord's tab-separated data files (lexicons, code tables, gazetteers, mappings).

The format: UTF-8; lines starting with ``#`` are comments (sources and licences go there); blank
lines are skipped; the first other line names the columns; fields are split on tabs with no quoting,
and surrounding spaces are stripped. A row with more fields than the header is an error; a row with
fewer gets empty strings for the missing ones (trailing empty columns may be left off).

Every row knows its file and physical line, so a bad value is reported where it can be fixed:

>>> rows = parse_tsv("# source: example\\nword\\tvalue\\nlakh\\t100000\\n", origin="numbers.tsv")
>>> rows[0]["word"], rows[0].line
('lakh', 3)
>>> rows[0].error("not a number").args[0]
'numbers.tsv:3: not a number'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from accord.errors import DataFileError

__all__ = ["TsvRow", "data_file", "parse_tsv", "read_tsv"]


class TsvRow(Mapping[str, str]):
    """One row: a read-only mapping of column name to stripped text, with where it came from."""

    __slots__ = ("_fields", "line", "origin")

    def __init__(self, fields: dict[str, str], origin: str, line: int) -> None:
        self._fields = fields
        self.origin = origin
        self.line = line

    def __getitem__(self, key: str) -> str:
        try:
            return self._fields[key]
        except KeyError:
            raise self.error(f"no column {key!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return f"TsvRow({self._fields!r}, {self.origin!r}, {self.line})"

    def error(self, reason: str) -> DataFileError:
        """An exception naming this row's file and line; the caller raises it."""
        return DataFileError(self.origin, self.line, reason)


def data_file(package: str, name: str) -> Traversable:
    """A data file shipped inside an Accord package: ``data_file("accord.coding", "triggers.tsv")``
    is ``src/accord/coding/data/triggers.tsv``."""
    return resources.files(package).joinpath("data").joinpath(name)


def read_tsv(source: Traversable | Path, *, required: tuple[str, ...] = ()) -> list[TsvRow]:
    """Every row of a TSV data file; raises ``DataFileError`` (file:line: reason) for a malformed
    row or a missing ``required`` column."""
    return parse_tsv(source.read_text(encoding="utf-8"), origin=source.name, required=required)


def parse_tsv(text: str, *, origin: str, required: tuple[str, ...] = ()) -> list[TsvRow]:
    """The rows of TSV ``text`` (see the module docstring); ``origin`` names it in errors."""
    header: list[str] | None = None
    rows: list[TsvRow] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("#") or not raw.strip():
            continue
        values = [value.strip() for value in raw.split("\t")]
        if header is None:
            header = values
            missing = [name for name in required if name not in header]
            if missing:
                raise DataFileError(origin, number, f"header lacks the column(s) {', '.join(missing)}")
            continue
        if len(values) > len(header):
            raise DataFileError(origin, number, f"{len(values)} fields where the header names {len(header)}")
        values += [""] * (len(header) - len(values))
        rows.append(TsvRow(dict(zip(header, values, strict=True)), origin, number))
    if header is None:
        raise DataFileError(origin, 1, "no header row")
    return rows
