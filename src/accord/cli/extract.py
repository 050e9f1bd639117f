"""``accord extract`` and ``accord ingest``: run the extractor over inputs, print or store the events.

Both are shells over ``accord.engines.local``; here are only the progress bar, the printing of
rejects as they come (above the bar, control characters escaped), and the exit status (3 when
any input was rejected).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

import click
from tqdm import tqdm

from accord.cli.options import (
    EXIT_REJECTED,
    date_option,
    max_chars_option,
    new_db_option,
)
from accord.cli.render import print_table, printable
from accord.records import Reject

if TYPE_CHECKING:
    from accord.engines.report import Progress

__all__ = ["extract", "ingest"]


class _ProgressBar:
    """Input records dealt with so far (written, updated, skipped or rejected), on standard error.

    With ``total`` (counted up front, ``accord.ingest.count_records``) tqdm shows the share done and
    an ETA. The bar appears with the first record, so that an error before it (the database
    cannot be opened) stays a single line.
    """

    def __init__(self, *, disabled: bool, total: int | None) -> None:
        self.disabled = disabled
        self.total = total
        self._bar: tqdm[Any] | None = None

    def __call__(self, step: Progress) -> None:
        if self.disabled:
            return
        if self._bar is None:
            self._bar = tqdm(
                total=self.total,
                unit=" articles",
                file=sys.stderr,
                mininterval=0.5,
                dynamic_ncols=True,
            )
        self._bar.update(1)

    def write(self, line: str) -> None:
        """Print ``line`` on standard error above the bar (or plainly when there is none)."""
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class _RejectPrinter:
    """Prints each rejected input on standard error as it comes (unless ``silent``), and counts them."""

    def __init__(self, out: _ProgressBar | None = None, *, silent: bool = False) -> None:
        self.count = 0
        self._out = out
        self._silent = silent

    def __call__(self, reject: Reject) -> None:
        self.count += 1
        if self._silent:
            return
        line = f"rejected: {printable(reject.describe(), one_line=True)}"
        if self._out is not None:
            self._out.write(line)
        else:
            click.echo(line, err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract event per line on standard output; json: one array; table: for people.",
)
@date_option("Report date for inputs that carry none.")
@max_chars_option
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Do not print rejected inputs on standard error (the exit status is still 3).",
)
def extract(
    paths: tuple[str, ...], output_format: str, date: dt.date | None, max_chars: int, quiet: bool
) -> None:
    """Print the events found in PATHS (files, folders, or - for standard input); nothing is stored.

    Rejected inputs are listed on standard error as they come; there is no progress bar.
    """
    from accord.engines.local import extract_files  # loads the pipeline: not for `accord --help`

    rejects = _RejectPrinter(silent=quiet)
    out = sys.stdout
    collected: list[dict[str, Any]] = []
    results = extract_files(
        paths,
        default_date=date,
        max_chars=max_chars,
        stdin=sys.stdin if "-" in paths else None,
        on_reject=rejects,
    )
    for result in results:
        for event in result.events:
            record = event.to_dict()
            if output_format == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                collected.append(record)
    if output_format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif output_format == "table":
        print_table(collected, out)
    if rejects.count:
        sys.exit(EXIT_REJECTED)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@new_db_option
@date_option("Report date for inputs that carry none.")
@max_chars_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Articles parsed together by spaCy, and committed together.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Replace a stored article whose id comes again with a different text (else it is rejected).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print nothing on success: no progress bar, no summary (rejected inputs are still listed).",
)
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    date: dt.date | None,
    max_chars: int,
    batch_size: int,
    update: bool,
    quiet: bool,
) -> None:
    """Extract the events in PATHS and store them in the database, one transaction per article.

    An article is its id and its text: one already stored is skipped before it is parsed, so a
    killed run leaves only whole articles behind and running it again costs only what is left.
    The same id with a different text is rejected (file, line, reason) unless --update.
    A progress bar (with a total and an ETA when the inputs can be counted) and a summary line
    go to standard error. The database is opened for writing only while a batch is committed,
    so `accord serve` can read it meanwhile.
    """
    from accord.engines.local import ingest as ingest_paths  # loads the pipeline: not for --help
    from accord.ingest import count_records

    total = None if quiet else count_records(paths)
    progress = _ProgressBar(disabled=quiet, total=total)
    try:
        report = ingest_paths(
            paths,
            db_path,
            default_date=date,
            max_chars=max_chars,
            batch_size=batch_size,
            stdin=sys.stdin if "-" in paths else None,
            update=update,
            on_reject=_RejectPrinter(progress),
            progress=progress,
        )
    finally:
        progress.close()
    if not quiet:
        click.echo(report.summary(db_path), err=True)
    if report.rejects:
        sys.exit(EXIT_REJECTED)
