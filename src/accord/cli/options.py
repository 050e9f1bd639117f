"""Options shared by several commands, and the checks that turn a bad value into a usage error.

Every check here raises ``click.BadParameter``, which the ``accord`` group prints as one line on
standard error with exit status 2. Checks run while the arguments are parsed, before any input
is read or any database is opened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from accord.base.partial_dates import PARTIAL_DATE_PATTERN, date_bounds
from accord.base.report_dates import report_date_problem

__all__ = [
    "DEFAULT_DB",
    "EXIT_REJECTED",
    "UpperCaseChoice",
    "check_date_range",
    "date_option",
    "existing_db_option",
    "max_chars_option",
    "new_db_option",
    "output_path",
    "parse_code",
    "parse_date",
    "parse_dyad",
    "parse_partial_date",
    "parse_report_date",
]

EXIT_REJECTED = 3
DEFAULT_DB = "accord.duckdb"

_F = TypeVar("_F", bound=Callable[..., Any])
_CONTRACT_DATE = re.compile(PARTIAL_DATE_PATTERN)


if TYPE_CHECKING:
    _StrChoice = click.Choice[str]
else:  # click.Choice is generic (subscriptable) only from click 8.2
    _StrChoice = click.Choice


class UpperCaseChoice(_StrChoice):
    """A choice among upper-case names that also takes them in lower case (``--type consult``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(value.upper() if isinstance(value, str) else value, param, ctx)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` option as a date (None stays None)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def parse_report_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` report date within ``accord.base.report_dates``' range (None stays None)."""
    date = parse_date(ctx, param, value)
    if date is not None:
        problem = report_date_problem(date)
        if problem is not None:
            raise click.BadParameter(problem)
    return date


def parse_partial_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` option that is a calendar date, kept as text."""
    if value is None:
        return None
    if _CONTRACT_DATE.match(value.strip()) is None:
        raise click.BadParameter(f"{value!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        date_bounds(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a calendar date") from None
    return value


def check_date_range(start: str | None, end: str | None) -> None:
    """Raise a usage error when ``start`` (already checked) begins after ``end`` ends."""
    if start is not None and end is not None and date_bounds(start)[0] > date_bounds(end)[1]:
        raise click.UsageError(f"--start {start} is after --end {end}")


def parse_dyad(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    """``IND-RUS`` (or ``IND,RUS``) as a pair of upper-case codes."""
    if value is None:
        return None
    parts = value.replace(",", "-").split("-")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise click.BadParameter("give a dyad as two codes, e.g. IND-RUS")
    return (parts[0].strip().upper(), parts[1].strip().upper())


def parse_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An actor code: not empty, no spaces (``ind`` is kept; the store compares upper case)."""
    if value is None:
        return None
    if not value.strip() or len(value.split()) != 1:
        raise click.BadParameter(f"{value!r} is not an actor code (e.g. IND)")
    return value


def output_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A file to write: not a folder, in a folder that exists."""
    if value is None:
        return None
    if value.is_dir():
        raise click.BadParameter(f"{str(value)!r} is a folder, not a file")
    if not value.parent.is_dir():
        raise click.BadParameter(f"no folder {str(value.parent)!r} to write {value.name!r} in")
    return value


def _existing_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not Path(value).is_file():
        raise click.BadParameter(f"no database at {value}: run `accord ingest PATH --db {value}` first")
    return value


def _new_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    output_path(ctx, param, Path(value))
    return value


def existing_db_option(function: _F) -> _F:
    """``--db`` for commands that read: the file must exist."""
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        callback=_existing_db,
        help="The DuckDB database file.",
    )(function)


def new_db_option(function: _F) -> _F:
    """``--db`` for commands that write: created when absent, in a folder that exists."""
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        callback=_new_db,
        help="The DuckDB database file.",
    )(function)


def date_option(help_text: str) -> Callable[[_F], _F]:
    """``--date YYYY-MM-DD``, passed to the command as a ``datetime.date``."""
    return click.option("--date", "date", callback=parse_report_date, metavar="YYYY-MM-DD", help=help_text)


def max_chars_option(function: _F) -> _F:
    """``--max-chars N`` (at least 1)."""
    return click.option(
        "--max-chars",
        type=click.IntRange(min=1),
        default=200_000,
        show_default=True,
        help="Reject articles longer than this many characters.",
    )(function)
