"""``accord eval``: score the extractor on the public gold sets."""

from __future__ import annotations

from pathlib import Path

import click

from accord.cli.options import output_path

__all__ = ["evaluate"]


def _shared_dir(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if not (value / "data").is_dir():
        raise click.BadParameter(f"no gold sets under {value / 'data'}: pass --shared DIR")
    return value


@click.command(name="eval")
@click.option(
    "--shared",
    "shared_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("../shared"),
    show_default=True,
    callback=_shared_dir,
    help="The folder holding data/ with the gold sets.",
)
@click.option(
    "--set", "sets", multiple=True, help="Only this gold set (repeatable); default all reported sets."
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many cases per set.")
@click.option(
    "--full", is_flag=True, help="Whole sets where the default uses a fixed sample (ACLED, MUC DEV)."
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path),
    callback=output_path,
    help="Also write the figures as JSON.",
)
def evaluate(
    shared_dir: Path, sets: tuple[str, ...], limit: int | None, full: bool, json_path: Path | None
) -> None:
    """Score the extractor on the public gold sets and print one table."""
    from accord.evaluate.harness import format_table, run_evaluation, write_json

    try:
        results = run_evaluation(shared_dir, sets=list(sets) or None, limit=limit, full=full)
    except ValueError as exc:  # an unknown set name, found before any set runs
        raise click.UsageError(str(exc)) from None
    click.echo(format_table(results))
    if json_path is not None:
        write_json(results, json_path)
        click.echo(f"figures -> {json_path}", err=True)
