"""``accord events`` and ``accord article``: read a stored database, print or write what was asked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from accord.base.ontology import EVENT_TYPES, STATUSES
from accord.cli.options import (
    UpperCaseChoice,
    check_date_range,
    existing_db_option,
    output_path,
    parse_code,
    parse_dyad,
    parse_partial_date,
)
from accord.cli.render import event_line, mark_evidence, printable, write_records

__all__ = ["article", "events"]


@click.command()
@existing_db_option
@click.option("--actor", callback=parse_code, help="Events with this code on either side (e.g. IND).")
@click.option(
    "--dyad", callback=parse_dyad, help="Events between two codes, either direction (e.g. IND-RUS)."
)
@click.option(
    "--type",
    "event_type",
    type=UpperCaseChoice(EVENT_TYPES),
    help="PLOVER event type (e.g. CONSULT).",
)
@click.option(
    "--quad-class",
    type=click.IntRange(1, 4),
    help="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.",
)
@click.option("--status", type=click.Choice(STATUSES), help="Only events of this status.")
@click.option(
    "--start", callback=parse_partial_date, help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)."
)
@click.option("--end", callback=parse_partial_date, help="Latest event date.")
@click.option("--text", help="Words in the event's sentence or trigger.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many events.")
@click.option(
    "--distinct",
    is_flag=True,
    help="One row per real event (the mentions of all articles that report it), with sources, mentions and article_ids.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl", "json", "csv", "parquet"]),
    default="table",
    show_default=True,
    help="table for people; jsonl/json in the contract's shape; csv: the API's flat columns; parquet: typed columns.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    callback=output_path,
    help="Write to this file (required for parquet).",
)
def events(
    db_path: str, output_format: str, output: Path | None, limit: int | None, distinct: bool, **filters: Any
) -> None:
    """List stored events, filtered, in the same shape as `accord extract` (each with its cluster_id)."""
    from accord.store import Database, write_events_csv  # duckdb and pandas: not for `accord --help`

    if output_format == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    check_date_range(filters["start"], filters["end"])
    filters = {key: value for key, value in filters.items() if value is not None}
    with Database(db_path, read_only=True) as database:
        if output is not None and output_format in ("csv", "parquet"):
            count = database.export(output, format=output_format, limit=limit, distinct=distinct, **filters)
            click.echo(f"{count} {'real events' if distinct else 'events'} -> {output}", err=True)
            return
        records = database.events(limit=limit, distinct=distinct, **filters)
    if output_format == "csv":
        write_events_csv(records, sys.stdout)
    elif output is None:
        write_records(records, output_format, sys.stdout)
    else:
        with output.open("w", encoding="utf-8") as handle:
            write_records(records, output_format, handle)
        click.echo(f"{len(records)} events -> {output}", err=True)


@click.command()
@click.argument("article_id")
@existing_db_option
def article(article_id: str, db_path: str) -> None:
    """Show a stored article with each event's evidence marked in the text."""
    from accord.store import Database  # duckdb: not for `accord --help`

    with Database(db_path, read_only=True) as database:
        record = database.article(article_id)
    if record is None:
        raise click.ClickException(f"no article {article_id!r} in {db_path}")
    click.echo(
        printable(f"{record['id']}  {record['date']}  {record.get('title') or ''}".rstrip(), one_line=True)
    )
    click.echo("")
    click.echo(mark_evidence(record["text"], record["events"]))
    click.echo("")
    for number, event in enumerate(record["events"], start=1):
        click.echo(event_line(number, event))
