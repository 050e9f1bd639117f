"""``accord export``: the stored events in the layouts of ICEWS, Phoenix or PLOVER, and the records to files."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from accord.base.ontology import EVENT_TYPES
from accord.cli.options import (
    UpperCaseChoice,
    check_date_range,
    existing_db_option,
    output_path,
    parse_code,
    parse_dyad,
    parse_partial_date,
)

if TYPE_CHECKING:
    from accord.interchange import Story
    from accord.store import Database

__all__ = ["export"]

# Articles read at once to number the sentences of their events.
_ARTICLE_BATCH = 500
_RECORD_FILTERS = ("actor", "start", "end", "text")


def _with_stories(
    database: Database, events: Sequence[Mapping[str, Any]]
) -> Iterator[tuple[Mapping[str, Any], Story]]:
    """Each event with the ``Story`` of its stored article, the articles read in batches (their texts
    are only needed to number the events' sentences)."""
    from accord.interchange import story

    for begin in range(0, len(events), _ARTICLE_BATCH):
        batch = events[begin : begin + _ARTICLE_BATCH]
        articles = database.articles_info({str(e["article_id"]) for e in batch})
        for event in batch:
            yield event, story(articles.get(str(event["article_id"])), event)


def _write_events(
    database: Database, output_format: str, per_mention: bool, out: Any, filters: dict[str, Any]
) -> int:
    from accord import __version__
    from accord.interchange import write_events

    events = database.events(distinct=not per_mention, **filters)
    return write_events(
        _with_stories(database, events), out, format=output_format, coder=f"Accord {__version__}"
    )


def _write_records(database: Database, folder: Path, per_mention: bool, filters: dict[str, Any]) -> int:
    given = {key: filters[key] for key in _RECORD_FILTERS if key in filters}
    written = 0
    for record_type in ("agreement", "deal", "meeting"):
        for file_format in ("parquet", "csv"):
            path = folder / f"{record_type}s.{file_format}"
            count = database.export_records(
                record_type, path, format=file_format, distinct=not per_mention, **given
            )
        written += count
        click.echo(f"{count} {record_type}s -> {folder / record_type}s.parquet, .csv", err=True)
    return written


@click.command(name="export")
@existing_db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["icews", "phoenix", "plover"]),
    help="icews: ICEWS's tab-separated columns; phoenix: Phoenix's 26 tab-separated columns (no header row);"
    " plover: PLOVER JSON Lines.",
)
@click.option(
    "--per-mention",
    is_flag=True,
    help="One row per mention (each article's report of an event) instead of one per real event.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    callback=output_path,
    help="Write the events here (default: standard output).",
)
@click.option(
    "--records",
    "records_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write agreements, deals and meetings to this folder, as Parquet and CSV.",
)
@click.option("--actor", callback=parse_code, help="Only events with this code on either side (e.g. IND).")
@click.option(
    "--dyad", callback=parse_dyad, help="Only events between two codes, either direction (e.g. IND-RUS)."
)
@click.option("--type", "event_type", type=UpperCaseChoice(EVENT_TYPES), help="Only this PLOVER event type.")
@click.option(
    "--start", callback=parse_partial_date, help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)."
)
@click.option("--end", callback=parse_partial_date, help="Latest event date.")
@click.option("--text", help="Only events with these words in their sentence or trigger.")
def export(
    db_path: str,
    output_format: str | None,
    per_mention: bool,
    output: Path | None,
    records_dir: Path | None,
    **filters: Any,
) -> None:
    """Write the stored events for other tools: one row per real event (or per mention), in ICEWS's,
    Phoenix's or PLOVER's layout, with coordinates for every located event; and the records."""
    from accord.store import Database  # duckdb: not for `accord --help`

    if output is not None and output_format is None:
        raise click.UsageError("--output needs --format")
    if output_format is None and records_dir is None:
        raise click.UsageError("say what to export: --format icews|phoenix|plover, --records DIR, or both")
    check_date_range(filters["start"], filters["end"])
    filters = {key: value for key, value in filters.items() if value is not None}
    with Database(db_path, read_only=True) as database:
        if records_dir is not None:
            records_dir.mkdir(parents=True, exist_ok=True)
            _write_records(database, records_dir, per_mention, filters)
        if output_format is None:
            return
        unit = "mentions" if per_mention else "real events"
        if output is None:
            count = _write_events(database, output_format, per_mention, sys.stdout, filters)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = _write_events(database, output_format, per_mention, handle, filters)
            click.echo(f"{count} {unit} -> {output}", err=True)
