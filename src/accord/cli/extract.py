"""``accord extract``: run the extractor over inputs and print their events (nothing is stored).

A shell over ``accord.engines.local.extract_files``; here are only the output formats, the printing
of rejects as they come, and the exit status (3 when any input was rejected).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from accord.cli.options import EXIT_REJECTED, date_option, max_chars_option
from accord.cli.progress import RejectPrinter
from accord.cli.render import print_table

__all__ = ["extract"]


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

    rejects = RejectPrinter(silent=quiet)
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
