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
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(path_type=Path),
    callback=output_path,
    help="Write the error analysis (each failing wire-dev core event, with evidence) to this file.",
)
def evaluate(
    shared_dir: Path,
    sets: tuple[str, ...],
    limit: int | None,
    full: bool,
    json_path: Path | None,
    errors_path: Path | None,
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
    if errors_path is not None:
        reports = [
            f"# {name}\n\n{result['details']['report']}"
            for name, result in results["sets"].items()
            if isinstance(result.get("details"), dict) and "report" in result["details"]
        ]
        if not reports:
            raise click.UsageError("--errors needs a set with an error analysis (--set wire-dev)")
        errors_path.write_text("\n\n".join(reports) + "\n", encoding="utf-8")
        click.echo(f"error analysis -> {errors_path}", err=True)
