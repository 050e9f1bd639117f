"""``accord explain``: why each event of an article was coded as it was, and why each dropped candidate was dropped."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from accord.cli.options import EXIT_REJECTED, date_option

__all__ = ["explain"]


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--text", "text", help="Explain this text instead of files (needs --date).")
@date_option("Report date for --text and for inputs that carry none.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json: one object per article (events with explanations, dropped candidates).",
)
def explain(paths: tuple[str, ...], text: str | None, date: dt.date | None, output_format: str) -> None:
    """Explain the events of PATHS (or --text): the lexicon row behind each trigger, the words that gave
    each side and how, the phrase that gave the date, the status, and why other candidates were dropped."""
    from accord.explanations import explain_article
    from accord.ingest import read_articles
    from accord.pipeline import Extractor
    from accord.records import Article, Reject

    if (text is None) == (not paths):
        raise click.UsageError("give PATHS or --text, not both and not neither")
    if text is not None:
        if date is None:
            raise click.UsageError("--text needs --date YYYY-MM-DD")
        from accord.base.ids import article_id_for_text

        inputs: list[Article | Reject] = [Article(id=article_id_for_text(text), date=date, text=text)]
    else:
        inputs = list(read_articles(paths, default_date=date, stdin=sys.stdin if "-" in paths else None))
    extractor = Extractor()
    rejected = 0
    for item in inputs:
        if isinstance(item, Reject):
            rejected += 1
            click.echo(f"rejected: {item.describe()}", err=True)
            continue
        explanation = explain_article(extractor, item)
        if output_format == "json":
            click.echo(json.dumps(explanation.to_dict(), ensure_ascii=False))
        else:
            click.echo(explanation.to_text() + "\n")
    if rejected:
        sys.exit(EXIT_REJECTED)
