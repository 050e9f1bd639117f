"""``accord agreements``, ``accord deals`` and ``accord meetings``: stored records, filtered, in the same
formats as ``accord events`` (a table for people; jsonl/json as the API gives them; csv and parquet flat)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import click

from accord.base.ontology import STATUSES
from accord.cli.options import (
    check_date_range,
    existing_db_option,
    output_path,
    parse_code,
    parse_partial_date,
)
from accord.cli.render import write_records
from accord.fact_records import (
    AGREEMENT_ACTIONS,
    AGREEMENT_KINDS,
    DEAL_KINDS,
    DEAL_STATUSES,
    MEETING_KINDS,
    MEETING_STATUSES,
)

__all__ = ["agreements", "deals", "meetings"]


def _codes(entities: list[dict[str, Any]]) -> str:
    return "+".join(dict.fromkeys(e["code"] for e in entities)) or "-"


def _agreement_cells(record: dict[str, Any]) -> list[str]:
    term = record.get("term") or {}
    years = f"{term['start_year']}-{term['end_year']}" if term.get("start_year") else ""
    return [record["date"], record["kind"], record.get("action") or "-", _codes(record["parties"]), years]


def _deal_cells(record: dict[str, Any]) -> list[str]:
    money = record.get("money")
    amount = f"{'~' if money['approximate'] else ''}{money['amount']:,} {money['currency']}" if money else ""
    quantity = record.get("quantity")
    count = f"{quantity['value']:,}" if quantity else ""
    return [
        record["date"],
        record["kind"],
        record.get("status") or "-",
        _codes(record["buyer"]),
        _codes(record["seller"]),
        count,
        amount,
    ]


def _meeting_cells(record: dict[str, Any]) -> list[str]:
    place = (record.get("place") or {}).get("name") or ""
    ordinal = str(record["ordinal"]) if record.get("ordinal") else ""
    return [record["date"], record["kind"], record["status"], ordinal, _codes(record["participants"]), place]


_TABLES: dict[str, tuple[list[str], Callable[[dict[str, Any]], list[str]]]] = {
    "agreement": (["date", "kind", "action", "parties", "term"], _agreement_cells),
    "deal": (["date", "kind", "status", "buyer", "seller", "quantity", "amount"], _deal_cells),
    "meeting": (["date", "kind", "status", "no.", "participants", "place"], _meeting_cells),
}


def print_records_table(record_type: str, found: list[dict[str, Any]], out: TextIO) -> None:
    """Records as a fixed-width table, each row ending on the record's name, with a count line."""
    header, cells = _TABLES[record_type]
    rows = [[*cells(record), (record.get("name") or {}).get("text") or ""] for record in found]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + "  name\n")
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1] + "\n")
    out.write(f"({len(found)} {record_type}s)\n")


def _run(
    record_type: str,
    db_path: str,
    output_format: str,
    output: Path | None,
    limit: int | None,
    filters: dict[str, Any],
) -> None:
    from accord.store import Database  # duckdb and pandas: not for `accord --help`
    from accord.store.fact_export import write_records_csv

    if output_format == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    check_date_range(filters.get("start"), filters.get("end"))
    distinct = bool(filters.pop("distinct", False))
    filters = {key: value for key, value in filters.items() if value is not None}
    plural = f"{record_type}s"
    with Database(db_path, read_only=True) as database:
        if output is not None and output_format in ("csv", "parquet"):
            count = database.export_records(
                record_type, output, format=output_format, limit=limit, distinct=distinct, **filters
            )
            click.echo(f"{count} {plural} -> {output}", err=True)
            return
        found = getattr(database, plural)(limit=limit, distinct=distinct, **filters)
    handle = output.open("w", encoding="utf-8", newline="") if output is not None else None
    out = handle or sys.stdout
    try:
        if output_format == "csv":
            write_records_csv(record_type, found, out)
        elif output_format == "table":
            print_records_table(record_type, found, out)
        else:
            write_records(found, output_format, out)
    finally:
        if handle is not None:
            handle.close()
            click.echo(f"{len(found)} {plural} -> {output}", err=True)


def _common_options(
    kinds: tuple[str, ...], statuses: tuple[str, ...], what: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        options = [
            existing_db_option,
            click.option("--actor", callback=parse_code, help=f"Only {what} naming this code (e.g. IND)."),
            click.option("--kind", type=click.Choice(kinds, case_sensitive=False), help="Only this kind."),
            click.option(
                "--status", type=click.Choice(statuses, case_sensitive=False), help="Only this status."
            ),
            click.option(
                "--start", callback=parse_partial_date, help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)."
            ),
            click.option("--end", callback=parse_partial_date, help="Latest date."),
            click.option("--text", help="Words in the name, a mention, the item or the place."),
            click.option(
                "--limit", type=click.IntRange(min=0), default=None, help=f"At most this many {what}."
            ),
            click.option(
                "--distinct",
                is_flag=True,
                help=f"One row per cluster: {what} reported by several articles once, with sources and mentions.",
            ),
            click.option(
                "--format",
                "output_format",
                type=click.Choice(["table", "jsonl", "json", "csv", "parquet"]),
                default="table",
                show_default=True,
                help="table for people; jsonl/json as the API gives them; csv: flat columns; parquet: typed columns.",
            ),
            click.option(
                "--output",
                "-o",
                type=click.Path(path_type=Path),
                callback=output_path,
                help="Write to this file (required for parquet).",
            ),
        ]
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@click.command()
@_common_options(AGREEMENT_KINDS, STATUSES, "agreements")
@click.option(
    "--action",
    type=click.Choice(AGREEMENT_ACTIONS, case_sensitive=False),
    help="Only agreements to which this was done (signed, ratified, ...).",
)
def agreements(
    db_path: str, output_format: str, output: Path | None, limit: int | None, **filters: Any
) -> None:
    """List stored agreements (treaties, pacts, memoranda, ...), filtered. --status is the events' one
    (occurred, planned, ...); --action says what was done (signed, amended, ...)."""
    _run("agreement", db_path, output_format, output, limit, filters)


@click.command()
@_common_options(DEAL_KINDS, DEAL_STATUSES, "deals")
def deals(db_path: str, output_format: str, output: Path | None, limit: int | None, **filters: Any) -> None:
    """List stored deals (procurements, arms transfers, purchases, sales, loans, investments), filtered."""
    _run("deal", db_path, output_format, output, limit, filters)


@click.command()
@_common_options(MEETING_KINDS, MEETING_STATUSES, "meetings")
def meetings(
    db_path: str, output_format: str, output: Path | None, limit: int | None, **filters: Any
) -> None:
    """List stored meetings (summits, commissions, dialogues, talks, visits, conferences), filtered."""
    _run("meeting", db_path, output_format, output, limit, filters)
