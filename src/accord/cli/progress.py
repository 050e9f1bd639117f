"""What ``accord ingest`` and ``accord load`` show while they run: a progress bar, and each rejected
input as it comes (above the bar, control characters escaped), counted for the exit status."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click
from tqdm import tqdm

from accord.cli.render import printable
from accord.records import Reject

if TYPE_CHECKING:
    from accord.engines.report import Progress

__all__ = ["ProgressBar", "RejectPrinter"]


class ProgressBar:
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


class RejectPrinter:
    """Prints each rejected input on standard error as it comes (unless ``silent``), and counts them."""

    def __init__(self, out: ProgressBar | None = None, *, silent: bool = False) -> None:
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
