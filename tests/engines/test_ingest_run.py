"""The ingest run's rules: what is parsed, skipped, rejected or updated, and when it is committed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.engines import ingest
from accord.records import Reject
from accord.store import Database, writer_flag

TEXTS = {
    "pact": "India and Russia signed four defence agreements in New Delhi on Monday.",
    "accuse": "Pakistan accused India of backing the rebels in Kashmir.",
    "aid": "Japan will give the Philippines aid worth about $250 million for coastal radar.",
    "talks": "China and the United States held talks on trade in Beijing.",
    "sanction": "The United States imposed sanctions on Russia over the invasion of Ukraine.",
}


class CountingModel:
    """The real spaCy model, recording every text it is asked to parse; ``poison`` texts fail."""

    def __init__(self, nlp, poison: str | None = None) -> None:
        self.nlp = nlp
        self.poison = poison
        self.parsed: list[str] = []

    def _check(self, text: str) -> None:
        if self.poison is not None and self.poison in text:
            raise RuntimeError("the parser failed on this text")

    def __call__(self, text: str):
        self._check(text)
        self.parsed.append(text)
        return self.nlp(text)

    def pipe(self, texts, batch_size: int = 32):
        texts = list(texts)
        for text in texts:
            self._check(text)  # like spaCy: one bad text stops the whole batch
        self.parsed.extend(texts)
        return self.nlp.pipe(texts, batch_size=batch_size)


def write_jsonl(path: Path, ids: list[str]) -> Path:
    lines = [json.dumps({"id": key, "date": "2021-12-06", "text": TEXTS[key]}) for key in ids]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_run_stored_articles_are_skipped_before_parsing(nlp, tmp_path):
    db = tmp_path / "accord.duckdb"
    first = CountingModel(nlp)
    report = ingest(write_jsonl(tmp_path / "a.jsonl", ["pact", "accuse", "aid"]), db, nlp=first)
    assert (report.written, report.skipped) == (3, 0) and len(first.parsed) == 3
    again = CountingModel(nlp)
    report = ingest(write_jsonl(tmp_path / "b.jsonl", list(TEXTS)), db, nlp=again)
    # Only the two new articles reach the parser: a re-run costs what is left.
    assert (report.written, report.skipped) == (2, 3)
    assert again.parsed == [TEXTS["talks"], TEXTS["sanction"]]
    # The same article twice in one input is parsed once.
    twice = CountingModel(nlp)
    report = ingest(write_jsonl(tmp_path / "c.jsonl", ["pact", "pact"]), tmp_path / "other.duckdb", nlp=twice)
    assert (report.written, report.skipped, len(twice.parsed)) == (1, 1, 1)


def test_ingest_run_a_parser_failure_loses_only_its_article(nlp, tmp_path):
    db = tmp_path / "accord.duckdb"
    model = CountingModel(nlp, poison="Pakistan")
    rejects: list[Reject] = []
    report = ingest(write_jsonl(tmp_path / "a.jsonl", list(TEXTS)), db, nlp=model, on_reject=rejects.append)
    assert (report.written, len(report.rejects)) == (4, 1)
    [failed] = rejects
    assert (failed.line, failed.article_id) == (2, "accuse")
    assert failed.reason.startswith("could not be analysed (RuntimeError: the parser failed on this text)")
    with Database(db, read_only=True) as database:
        assert sorted(a["id"] for a in database.articles()) == sorted(set(TEXTS) - {"accuse"})
        assert [r["article_id"] for r in database.rejects()] == ["accuse"]


def test_ingest_run_update_replaces_and_counts(nlp, tmp_path):
    db = tmp_path / "accord.duckdb"
    ingest(write_jsonl(tmp_path / "a.jsonl", ["pact", "accuse"]), db, nlp=nlp)
    changed = tmp_path / "b.jsonl"
    changed.write_text(json.dumps({"id": "pact", "date": "2021-12-06", "text": TEXTS["aid"]}) + "\n")
    refused = ingest(changed, db, nlp=nlp)
    assert (refused.written, refused.updated, len(refused.rejects)) == (0, 0, 1)
    assert "already stored from" in refused.rejects[0].reason and "a.jsonl:1" in refused.rejects[0].reason
    report = ingest(changed, db, nlp=nlp, update=True)
    assert (report.written, report.updated, report.skipped, report.ok) == (0, 1, 0, True)
    assert report.summary("x.duckdb").startswith("0 articles written (") and ", 1 updated," in report.summary(
        "x"
    )
    with Database(db, read_only=True) as database:
        assert database.article("pact")["text"] == TEXTS["aid"]
        assert database.stats()["articles"] == 2


def test_ingest_run_holds_the_file_only_while_committing(nlp, tmp_path, monkeypatch):
    """Between commits the file is free: a read-only connection opens, and no flag is left behind."""
    import duckdb

    from accord.engines import ingest_run

    db = tmp_path / "accord.duckdb"
    opened_between: list[int] = []
    real_commit = ingest_run.IngestRun.commit

    def commit(self) -> None:
        real_commit(self)
        with duckdb.connect(str(db), read_only=True) as con:  # would fail if the writer held the file
            opened_between.append(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        assert not writer_flag(db).exists()

    monkeypatch.setattr(ingest_run.IngestRun, "commit", commit)
    report = ingest(write_jsonl(tmp_path / "a.jsonl", list(TEXTS)), db, nlp=nlp, batch_size=2, workers=1)
    assert report.written == 5
    assert opened_between[:3] == [2, 4, 5]


def test_ingest_run_refuses_a_file_locked_by_another_process_in_one_line(nlp, tmp_path):
    import subprocess
    import sys

    from accord.errors import DatabaseBusyError

    db = tmp_path / "accord.duckdb"
    ingest(write_jsonl(tmp_path / "a.jsonl", ["pact"]), db, nlp=nlp)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}, read_only=True); print('ok', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(DatabaseBusyError) as caught:
            ingest(write_jsonl(tmp_path / "b.jsonl", ["accuse"]), db, nlp=nlp, lock_wait=0.3)
    finally:
        holder.communicate("")
    message = str(caught.value)
    assert (
        message
        == f"{db}: the database is in use by another process (a server or an ingest); waited 0.3 s for it"
    )
    assert not writer_flag(db).exists()
