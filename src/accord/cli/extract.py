"""``accord extract`` and ``accord ingest``: run the extractor over inputs, print or store the events.

Both are shells over ``accord.engines.local``; here are only the progress bar, the printing of
rejects as they come, and the exit status (3 when any input was rejected).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click
from tqdm import tqdm

from accord.cli.options import (
    EXIT_REJECTED,
    date_option,
    max_chars_option,
    new_db_option,
    quiet_option,
)
from accord.cli.render import print_table
from accord.records import ArticleResult, Reject

__all__ = ["extract", "ingest"]


class _RejectPrinter:
    """Prints each rejected input on standard error as it comes, and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, reject: Reject) -> None:
        self.count += 1
        click.echo(f"rejected: {reject.describe()}", err=True)


class _ProgressBar:
    """Articles stored so far, on standard error; the bar appears with the first article, so that
    an error before it (the database cannot be opened) stays a single line."""

    def __init__(self, *, disabled: bool) -> None:
        self.disabled = disabled
        self._bar: tqdm[Any] | None = None

    def __call__(self, result: ArticleResult) -> None:
        if self._bar is None:
            self._bar = tqdm(
                unit=" articles", disable=self.disabled, file=sys.stderr, mininterval=0.5, dynamic_ncols=True
            )
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


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
@quiet_option
def extract(
    paths: tuple[str, ...], output_format: str, date: dt.date | None, max_chars: int, quiet: bool
) -> None:
    """Print the events found in PATHS (files, folders, or - for standard input); nothing is stored."""
    from accord.engines.local import extract_files  # loads the pipeline: not for `accord --help`

    rejects = _RejectPrinter()
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
    help="Articles parsed together by spaCy.",
)
@quiet_option
def ingest(
    paths: tuple[str, ...], db_path: str, date: dt.date | None, max_chars: int, batch_size: int, quiet: bool
) -> None:
    """Extract the events in PATHS and store them in the database, one transaction per article.

    Re-ingesting the same articles changes nothing; a killed run leaves only whole articles behind,
    and running it again completes the set.
    """
    from accord.engines.local import ingest as ingest_paths  # loads the pipeline: not for --help

    progress = _ProgressBar(disabled=quiet)
    try:
        report = ingest_paths(
            paths,
            db_path,
            default_date=date,
            max_chars=max_chars,
            batch_size=batch_size,
            stdin=sys.stdin if "-" in paths else None,
            on_reject=_RejectPrinter(),
            progress=progress,
        )
    finally:
        progress.close()
    if not quiet:
        click.echo(
            f"{report.written} articles written ({report.events} events), {report.skipped} already stored, "
            f"{len(report.rejects)} rejected -> {db_path}",
            err=True,
        )
    if report.rejects:
        sys.exit(EXIT_REJECTED)
