"""The local engine: files in, ``ArticleResult`` records or a filled database and a report out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest

import accord
from accord.engines import IngestReport, extract_files, ingest
from accord.records import ArticleResult, Reject
from accord.store import Database

LINES = (
    '{"id": "pact", "date": "2021-12-06", "text": "India and Russia signed a defence pact on Monday."}\n'
    "{oops\n"
    '{"id": "accuse", "date": "2006-11-25", "text": "Pakistan accused India of backing the rebels."}\n'
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(LINES, encoding="utf-8")
    return path


def test_engines_extract_files_yields_results_in_order_and_reports_rejects(inputs, nlp):
    rejects: list[Reject] = []
    results = list(extract_files([inputs], nlp=nlp, on_reject=rejects.append))
    assert [r.article.id for r in results] == ["pact", "accuse"]
    assert all(isinstance(r, ArticleResult) and r.events for r in results)
    assert [(r.origin, r.line) for r in rejects] == [(str(inputs), 2)]
    # Without a handler, a reject is dropped and the run goes on.
    assert [r.article.id for r in extract_files(inputs, nlp=nlp)] == ["pact", "accuse"]


def test_engines_extract_files_reads_the_stdin_given(nlp):
    stream = io.StringIO("Pakistan accused India of backing the rebels.")
    [result] = extract_files(["-"], default_date=dt.date(2006, 11, 20), stdin=stream, nlp=nlp)
    assert result.article.origin == "<stdin>" and result.events[0].event == "ACCUSE"


def test_engines_an_article_the_extractor_fails_on_becomes_a_reject(inputs, nlp, monkeypatch):
    from accord import pipeline

    real = pipeline.analyse_doc

    def flaky(doc, article, lexicon):
        if article.id == "pact":
            raise ValueError("day is out of range for month")
        return real(doc, article, lexicon)

    monkeypatch.setattr(pipeline, "analyse_doc", flaky)
    rejects: list[Reject] = []
    results = list(extract_files([inputs], nlp=nlp, on_reject=rejects.append))
    assert [r.article.id for r in results] == ["accuse"]
    failed = rejects[-1]
    assert (failed.line, failed.article_id) == (1, "pact")
    assert failed.reason.startswith("could not be analysed (ValueError: day is out of range for month)")


def test_engines_ingest_reports_counts_and_records_rejects(inputs, nlp, tmp_path):
    db = tmp_path / "accord.duckdb"
    seen: list[tuple[str, str | None]] = []
    told: list[Reject] = []
    report = ingest(
        [inputs],
        db,
        nlp=nlp,
        on_reject=told.append,
        progress=lambda p: seen.append((p.outcome, p.article_id)),
    )
    assert isinstance(report, IngestReport) and not report.ok
    assert (report.written, report.skipped) == (2, 0)
    assert seen == [("rejected", None), ("written", "pact"), ("written", "accuse")]
    assert list(report.rejects) == told and [r.line for r in told] == [2]
    with Database(db, read_only=True) as database:
        assert report.events == database.count_events() > 0
        assert [(r["origin"], r["line"]) for r in database.rejects()] == [(str(inputs), 2)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.written = 0


def test_engines_ingest_again_skips_everything(inputs, nlp, tmp_path):
    db = tmp_path / "accord.duckdb"
    first = ingest(inputs, db, nlp=nlp)
    again = ingest(inputs, db, nlp=nlp)
    assert (again.written, again.skipped, again.events) == (0, first.written, 0)
    assert len(again.rejects) == 1  # reported again, but kept once in the database
    with Database(db, read_only=True) as database:
        assert len(database.rejects()) == 1


def test_engines_ingest_is_the_package_level_ingest_files():
    assert accord.ingest_files is ingest
    assert accord.IngestReport is IngestReport
