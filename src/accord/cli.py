"""The ``accord`` command: parse arguments, call the library, map errors to exit codes.

Exit status (the contract): 0 every input was read; 3 some inputs were rejected (reasons on standard
error, the other inputs' events still produced); 2 usage error; 1 any other failure (one line, no traceback).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from accord.errors import AccordError
from accord.records import Article, Reject

EXIT_REJECTED = 3
DEFAULT_DB = "accord.duckdb"


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def _date_option(help_text: str) -> Any:
    return click.option("--date", "date", callback=_parse_date, metavar="YYYY-MM-DD", help=help_text)


_quiet = click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on standard error.")
_max_chars = click.option(
    "--max-chars",
    default=200_000,
    show_default=True,
    help="Reject articles longer than this many characters.",
)
_db = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="The DuckDB database file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord-events")
def main() -> None:
    """Accord: dated news reports in, coded international events (PLOVER/CAMEO) out."""


class _RejectCounter:
    """Reports each rejected input on standard error (and optionally in the database) as it comes."""

    def __init__(self, quiet: bool, database: Any = None) -> None:
        self.count = 0
        self.quiet = quiet
        self.database = database

    def __call__(self, reject: Reject) -> None:
        self.count += 1
        click.echo(f"rejected: {reject.describe()}", err=True)
        if self.database is not None:
            self.database.write_reject(reject)

    def analysis_failed(self, article: Article, exc: Exception) -> None:
        """An article the extractor could not analyse: reported like bad input, and the run goes on."""
        reason = f"could not be analysed ({type(exc).__name__}: {exc}); please report this article"
        self(Reject(article.origin, article.line, reason, article.id))


def _articles(
    paths: tuple[str, ...], date: dt.date | None, max_chars: int, on_reject: _RejectCounter
) -> Iterator[Article]:
    from accord.ingest import read_articles

    stdin = sys.stdin if "-" in paths else None
    for item in read_articles(paths, default_date=date, max_chars=max_chars, stdin=stdin):
        if isinstance(item, Reject):
            on_reject(item)
        else:
            yield item


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract event per line on standard output; json: one array; table: for people.",
)
@_date_option("Report date for inputs that carry none.")
@_max_chars
@_quiet
def extract(
    paths: tuple[str, ...], output_format: str, date: dt.date | None, max_chars: int, quiet: bool
) -> None:
    """Print the events found in PATHS (files, folders, or - for standard input); nothing is stored."""
    from accord.pipeline import Extractor

    rejects = _RejectCounter(quiet)
    extractor = Extractor(on_error=rejects.analysis_failed)
    out = sys.stdout
    collected: list[dict[str, Any]] = []
    for result in extractor.extract_articles(_articles(paths, date, max_chars, rejects)):
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
        _print_table(collected, out)
    if rejects.count:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db
@_date_option("Report date for inputs that carry none.")
@_max_chars
@click.option("--batch-size", default=32, show_default=True, help="Articles parsed together by spaCy.")
@_quiet
def ingest(
    paths: tuple[str, ...], db_path: str, date: dt.date | None, max_chars: int, batch_size: int, quiet: bool
) -> None:
    """Extract the events in PATHS and store them in the database, one transaction per article.

    Re-ingesting the same articles changes nothing; a killed run leaves only whole articles behind,
    and running it again completes the set.
    """
    from tqdm import tqdm

    from accord.pipeline import Extractor
    from accord.store import Database

    with Database(db_path) as database:
        rejects = _RejectCounter(quiet, database)
        extractor = Extractor(batch_size=batch_size, on_error=rejects.analysis_failed)
        written = skipped = events = 0
        progress = tqdm(unit=" articles", disable=quiet, file=sys.stderr, mininterval=0.5, dynamic_ncols=True)
        results = extractor.extract_articles(_articles(paths, date, max_chars, rejects))
        for result in results:
            if database.write_result(result):
                written += 1
                events += len(result.events)
            else:
                skipped += 1
            progress.update(1)
        progress.close()
    if not quiet:
        click.echo(
            f"{written} articles written ({events} events), {skipped} already stored, "
            f"{rejects.count} rejected -> {db_path}",
            err=True,
        )
    if rejects.count:
        sys.exit(EXIT_REJECTED)


def _dyad(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.replace(",", "-").split("-")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise click.BadParameter("give a dyad as two codes, e.g. IND-RUS")
    return (parts[0].strip().upper(), parts[1].strip().upper())


@main.command()
@_db
@click.option("--actor", help="Events with this code on either side (e.g. IND).")
@click.option("--dyad", callback=_dyad, help="Events between two codes, either direction (e.g. IND-RUS).")
@click.option("--type", "event_type", help="PLOVER event type (e.g. CONSULT).")
@click.option(
    "--quad-class",
    type=click.IntRange(1, 4),
    help="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.",
)
@click.option(
    "--status",
    type=click.Choice(["occurred", "planned", "negated", "hypothetical"]),
    help="Only events of this status.",
)
@click.option("--start", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--end", help="Latest event date.")
@click.option("--text", help="Words in the event's sentence or trigger.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl", "json", "csv", "parquet"]),
    default="table",
    show_default=True,
    help="table for people; jsonl/json in the contract's shape; csv/parquet as flat columns.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write to this file (required for parquet)."
)
def events(db_path: str, output_format: str, output: str | None, limit: int | None, **filters: Any) -> None:
    """List stored events, filtered, in the same shape as `accord extract`."""
    from accord.store import Database

    _require_database(db_path)
    filters = {key: value for key, value in filters.items() if value is not None}
    with Database(db_path, read_only=True) as database:
        if output_format in ("csv", "parquet"):
            if output is None and output_format == "parquet":
                raise click.UsageError("--format parquet needs --output FILE")
            if output is not None and limit is None:
                count = database.export(output, format=output_format, **filters)
                click.echo(f"{count} events -> {output}", err=True)
                return
            frame = database.events_frame(**filters)
            if limit is not None:
                frame = frame.head(limit)
            if output is None:
                frame.to_csv(sys.stdout, index=False)
            elif output_format == "csv":
                frame.to_csv(output, index=False)
            else:
                frame.to_parquet(output, index=False)
            return
        records = database.events(limit=limit, **filters)
    if output is not None:
        with open(output, "w", encoding="utf-8") as handle:
            _write_records(records, output_format, handle)
        click.echo(f"{len(records)} events -> {output}", err=True)
        return
    _write_records(records, output_format, sys.stdout)


def _write_records(records: list[dict[str, Any]], output_format: str, out: TextIO) -> None:
    if output_format == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output_format == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        _print_table(records, out)


@main.command()
@click.argument("article_id")
@_db
def article(article_id: str, db_path: str) -> None:
    """Show a stored article with each event's evidence marked in the text."""
    from accord.store import Database

    _require_database(db_path)
    with Database(db_path, read_only=True) as database:
        record = database.article(article_id)
    if record is None:
        raise click.ClickException(f"no article {article_id!r} in {db_path}")
    click.echo(f"{record['id']}  {record['date']}  {record.get('title') or ''}".rstrip())
    click.echo("")
    click.echo(mark_evidence(record["text"], record["events"]))
    click.echo("")
    for number, event in enumerate(record["events"], start=1):
        click.echo(_event_line(number, event))


@main.command()
@_db
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told)."
)
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port to listen on.")
@click.option("--writable", is_flag=True, help="Open the database for writing (default read-only).")
def serve(db_path: str, host: str, port: int, writable: bool) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over the database."""
    try:
        from accord.api import serve as run_server
    except ImportError as exc:  # the web extra is optional
        raise click.ClickException(f"{exc}; run: pip install 'accord-events[web]'") from None
    _require_database(db_path)
    run_server(Path(db_path), host=host, port=port, writable=writable)


@main.command(name="eval")
@click.option(
    "--shared",
    "shared_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("../shared"),
    show_default=True,
    help="The folder holding data/ with the gold sets.",
)
@click.option(
    "--set", "sets", multiple=True, help="Only this gold set (repeatable); default all reported sets."
)
@click.option("--limit", type=int, default=None, help="At most this many cases per set.")
@click.option(
    "--full", is_flag=True, help="Whole sets where the default uses a fixed sample (ACLED, MUC DEV)."
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the figures as JSON.",
)
def evaluate(
    shared_dir: Path, sets: tuple[str, ...], limit: int | None, full: bool, json_path: Path | None
) -> None:
    """Score the extractor on the public gold sets and print one table."""
    from accord.evaluate.harness import format_table, run_evaluation, write_json

    if not (shared_dir / "data").is_dir():
        raise click.ClickException(f"no gold sets under {shared_dir / 'data'}: pass --shared DIR")
    try:
        results = run_evaluation(shared_dir, sets=list(sets) or None, limit=limit, full=full)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(format_table(results))
    if json_path is not None:
        write_json(results, json_path)
        click.echo(f"figures -> {json_path}", err=True)


def _require_database(db_path: str) -> None:
    if not Path(db_path).is_file():
        raise click.ClickException(f"no database at {db_path}: run `accord ingest PATH --db {db_path}` first")


# -- plain-text rendering ---------------------------------------------------------------------------------


def mark_evidence(text: str, events: list[dict[str, Any]]) -> str:
    """The article text with each event's trigger in [brackets]¹, its actors in {braces}, and its
    quantities, money and date phrase in ⟨angle brackets⟩."""
    marks: dict[int, list[str]] = {}
    for number, event in enumerate(events, start=1):
        trigger = event["trigger"]
        marks.setdefault(trigger["start"], []).append("[")
        marks.setdefault(trigger["end"], []).append(f"]{_superscript(number)}")
        for entity in event["actor"] + event["recipient"]:
            if entity.get("start") is not None and not (trigger["start"] <= entity["start"] < trigger["end"]):
                marks.setdefault(entity["start"], []).append("{")
                marks.setdefault(entity["end"], []).append("}")
        spans = (
            event["quantities"]
            + event["money"]
            + ([event["date_evidence"]] if event.get("date_evidence") else [])
        )
        for span in spans:
            if span.get("start") is not None:
                marks.setdefault(span["start"], []).append("⟨")
                marks.setdefault(span["end"], []).append("⟩")
    pieces: list[str] = []
    last = 0
    for offset in sorted(marks):
        pieces.append(text[last:offset])
        # Closing marks before opening ones at the same offset.
        pieces.extend(sorted(set(marks[offset]), key=lambda m: m in ("[", "{", "⟨")))
        last = offset
    pieces.append(text[last:])
    return "".join(pieces)


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _side(entities: list[dict[str, Any]]) -> str:
    return "+".join(sorted({e["code"] for e in entities})) or "-"


def _event_line(number: int, event: dict[str, Any]) -> str:
    extras = []
    for quantity in event["quantities"]:
        extras.append(f"{quantity['value']:,} {quantity.get('item') or ''}".strip())
    for money in event["money"]:
        approx = "~" if money["approximate"] else ""
        extras.append(f"{approx}{money['amount']:,} {money['currency']}")
    joint = "<->" if event["symmetric"] else "->"
    span = f"..{event['enddate']}" if event.get("enddate") else ""
    return (
        f"{_superscript(number)} {event['date']}{span} {event['event']} ({event['cameo']}, {event['status']}) "
        f'{_side(event["actor"])} {joint} {_side(event["recipient"])}: "{event["trigger"]["text"]}"'
        + (f"  [{'; '.join(extras)}]" if extras else "")
    )


def _print_table(records: list[dict[str, Any]], out: TextIO) -> None:
    header = (
        f"{'date':<10}  {'event':<9}  {'cameo':<5}  {'status':<12}  {'actor':<9}  {'recipient':<9}  trigger"
    )
    out.write(header + "\n")
    for event in records:
        out.write(
            f"{event['date']:<10}  {event['event']:<9}  {event['cameo']:<5}  {event['status']:<12}  "
            f"{_side(event['actor']):<9}  {_side(event['recipient']):<9}  {event['trigger']['text']}\n"
        )
    out.write(f"({len(records)} events)\n")


def run() -> None:
    """Entry point that turns Accord's own errors into one line and exit status 1."""
    try:
        main(standalone_mode=True)
    except AccordError as exc:
        click.echo(f"accord: {exc}", err=True)
        sys.exit(1)
