"""``accord ingest`` and ``accord load``: extract events and store them, on this machine or on Ray.

Shells over ``accord.engines``: ``local.ingest`` (worker processes, one ordered writer),
``ray_engine.ingest_to_dataset`` (a Parquet dataset) and ``dataset.load_dataset`` (a dataset into a
database). Here are only the options, their combinations, and the exit status (3 when any input
was rejected).
"""

from __future__ import annotations

import datetime as dt
import sys

import click
from click.core import ParameterSource

from accord.cli.options import EXIT_REJECTED, date_option, max_chars_option, new_db_option
from accord.cli.progress import ProgressBar, RejectPrinter

__all__ = ["ingest", "load"]

_BATCH_SIZE = click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Articles parsed together by spaCy, and committed together.",
)
_UPDATE = click.option(
    "--update",
    is_flag=True,
    help="Replace a stored article whose id comes again with a different text (else it is rejected).",
)
_QUIET = click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print nothing on success: no progress bar, no summary (rejected inputs are still listed).",
)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@new_db_option
@date_option("Report date for inputs that carry none.")
@max_chars_option
@_BATCH_SIZE
@_UPDATE
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse (local engine; default: the cores available; 1: no worker process), "
    "or Ray actors (ray engine; default: the cluster's CPUs, and a local Ray gets this many).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: worker processes on this machine, stored in --db; ray: Ray Data, written to --dataset.",
)
@click.option(
    "--address",
    metavar="ADDR",
    help="Ray cluster to run on (ray://HOST:10001; default: RAY_ADDRESS, else a local Ray).",
)
@click.option(
    "--dataset",
    metavar="DIR",
    help="New folder for the ray engine's Parquet dataset (by report month); see `accord load`.",
)
@_QUIET
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    date: dt.date | None,
    max_chars: int,
    batch_size: int,
    update: bool,
    workers: int | None,
    engine: str,
    address: str | None,
    dataset: str | None,
    quiet: bool,
) -> None:
    """Extract the events in PATHS and store them in the database, one transaction per article.

    An article is its id and its text: one already stored is skipped before it is parsed, so a
    killed run leaves only whole articles behind and running it again costs only what is left.
    The same id with a different text is rejected (file, line, reason) unless --update.
    Articles are parsed in --workers processes and stored by this one in input order: the
    database is the same whatever their number. A progress bar (with a total and an ETA when
    the inputs can be counted) and a summary line go to standard error. The database is opened
    for writing only while a batch is committed, so `accord serve` can read it meanwhile.

    With --engine ray the same stages run on Ray Data and write a Parquet dataset to --dataset
    (partitioned by report month) instead; `accord load` stores it in a database.
    """
    if engine == "ray":
        _ingest_on_ray(paths, dataset, address, workers, date, max_chars, batch_size, update, quiet)
        return
    if dataset is not None or address is not None:
        raise click.UsageError("--dataset and --address are for --engine ray")
    from accord.engines.local import ingest as ingest_paths  # loads the pipeline: not for --help
    from accord.ingest import count_records

    total = None if quiet else count_records(paths)
    progress = ProgressBar(disabled=quiet, total=total)
    try:
        report = ingest_paths(
            paths,
            db_path,
            default_date=date,
            max_chars=max_chars,
            batch_size=batch_size,
            stdin=sys.stdin if "-" in paths else None,
            update=update,
            on_reject=RejectPrinter(progress),
            progress=progress,
            workers=workers,
        )
    finally:
        progress.close()
    if not quiet:
        click.echo(report.summary(db_path), err=True)
    if report.rejects:
        sys.exit(EXIT_REJECTED)


def _ingest_on_ray(
    paths: tuple[str, ...],
    dataset: str | None,
    address: str | None,
    workers: int | None,
    date: dt.date | None,
    max_chars: int,
    batch_size: int,
    update: bool,
    quiet: bool,
) -> None:
    context = click.get_current_context()
    if dataset is None:
        raise click.UsageError("--engine ray writes a Parquet dataset: give --dataset DIR")
    if update or context.get_parameter_source("db_path") is not ParameterSource.DEFAULT:
        raise click.UsageError(
            "--engine ray writes --dataset, not --db: store it with `accord load DIR --db FILE`"
        )
    from accord.engines.ray_engine import ingest_to_dataset

    report = ingest_to_dataset(
        paths,
        dataset,
        address=address,
        num_cpus=workers,
        actors=workers,
        default_date=date,
        max_chars=max_chars,
        batch_size=batch_size,
        progress_bars=not quiet,
    )
    rejects = RejectPrinter()
    for reject in report.rejects:
        rejects(reject)
    if not quiet:
        click.echo(
            f"{report.written} articles ({report.events} events), {len(report.rejects)} rejected -> {dataset} "
            f"(Parquet, by report month; store it with: accord load {dataset} --db FILE)",
            err=True,
        )
    if report.rejects:
        sys.exit(EXIT_REJECTED)


@click.command()
@click.argument("dataset", metavar="DATASET")
@new_db_option
@_BATCH_SIZE
@_UPDATE
@_QUIET
def load(dataset: str, db_path: str, batch_size: int, update: bool, quiet: bool) -> None:
    """Store a Parquet DATASET written by `accord ingest --engine ray` in the database.

    Articles are stored in input order, one transaction per article, with the rules of `accord
    ingest`: one already stored is skipped (loading again adds nothing; a killed load is finished
    by loading again), the same id with a different text is rejected unless --update, and
    `accord serve` can read the database meanwhile. The dataset's rejects are recorded too.
    """
    from accord.engines.dataset import load_dataset

    progress = ProgressBar(disabled=quiet, total=None)
    try:
        report = load_dataset(
            dataset,
            db_path,
            batch_size=batch_size,
            update=update,
            on_reject=RejectPrinter(progress),
            progress=progress,
        )
    finally:
        progress.close()
    if not quiet:
        click.echo(report.summary(db_path), err=True)
    if report.rejects:
        sys.exit(EXIT_REJECTED)
