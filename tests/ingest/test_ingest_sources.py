"""Sources: folder order, hidden files, standard input, ids, header variants, and streaming."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from accord.ingest import read_articles
from accord.records import Article, Reject

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
BUSH = (
    "US President George W. Bush arrived here Saturday evening for a three-day visit to China at the "
    "invitation of Chinese President Hu Jintao."
)


def sha_id(text: str) -> str:
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_ingest_folder_recursion_order_and_hidden_files(tmp_path: Path) -> None:
    for relative in ["b.txt", "a/z.txt", "a/b/c.txt", "a/B.txt", ".hidden.txt", ".git/x.txt", "a/.DS_Store"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"date 2005-11-19 {BUSH} ({relative})")
    shutil.copy(DATA / "articles.jsonl", tmp_path / "c.jsonl")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)  # not followed

    given = str(tmp_path) + os.sep + "."
    records = list(read_articles([given]))
    assert all(isinstance(r, Article) for r in records)
    assert [(r.origin.removeprefix(given + os.sep), r.line) for r in records] == [
        ("a/B.txt", None),
        ("a/b/c.txt", None),
        ("a/z.txt", None),
        ("b.txt", None),
        ("c.jsonl", 1),
        ("c.jsonl", 2),
        ("c.jsonl", 3),
    ]
    assert [r.id for r in records[:4]] == ["B", "c", "z", "b"]


def test_ingest_folder_without_inputs_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "only_hidden").mkdir()
    (tmp_path / "only_hidden" / ".notes.txt").write_text("date 2005-11-19 hidden")
    assert list(read_articles([tmp_path / "empty", tmp_path / "only_hidden"])) == []


def test_ingest_single_path_and_order_of_sources(tmp_path: Path) -> None:
    assert [r.id for r in read_articles(DATA / "seed_form.txt")] == ["seed_form"]
    stdin = io.StringIO(f"date 2005-11-19 {BUSH}\n")
    records = list(read_articles([DATA / "articles.tsv", "-", str(DATA / "seed_form.txt")], stdin=stdin))
    assert [r.origin for r in records] == [str(DATA / "articles.tsv")] * 2 + [
        "<stdin>",
        str(DATA / "seed_form.txt"),
    ]


@pytest.mark.parametrize(
    "raw",
    [
        f"date 2005-11-19 {BUSH}",
        f"date 2005-11-19 {BUSH}\n",
        f"date   2005-11-19    {BUSH}   \n\n",  # extra spaces in the header, trailing whitespace
        f"date 2005-11-19\r\n{BUSH}\r\n",  # Windows line ends
        f"\ufeffdate 2005-11-19 {BUSH}",  # a UTF-8 byte-order mark
        f" date 2005-11-19 {BUSH}",  # a leading space, as in the seed
        f"Date: 2005-11-19\n\n{BUSH}\n",
    ],
)
def test_ingest_seed_header_variants(tmp_path: Path, raw: str) -> None:
    (tmp_path / "story.txt").write_bytes(raw.encode("utf-8"))
    (article,) = read_articles([tmp_path / "story.txt"])
    assert isinstance(article, Article)
    assert (article.id, article.date, article.text) == ("story", dt.date(2005, 11, 19), BUSH)


def test_ingest_windows_line_ends_inside_text_become_newlines(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(f"date 2005-11-19 {BUSH}\r\n\r\nSecond paragraph.\r\n".encode())
    (article,) = read_articles([tmp_path / "story.txt"])
    assert isinstance(article, Article) and article.text == f"{BUSH}\n\nSecond paragraph."


def test_ingest_plain_text_opening_with_the_word_date(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Date night at the embassy ended early. " + BUSH)
    (article,) = read_articles([tmp_path / "story.txt"], default_date=dt.date(2005, 11, 20))
    assert isinstance(article, Article)
    assert article.date == dt.date(2005, 11, 20) and article.text.startswith("Date night")


def test_ingest_stdin_seed_form_id_is_content_hash() -> None:
    (article,) = read_articles(["-"], stdin=io.StringIO(f"\n date 2005-11-19 {BUSH}\r\n"))
    assert isinstance(article, Article)
    assert (article.origin, article.line, article.date) == ("<stdin>", None, dt.date(2005, 11, 19))
    assert article.text == BUSH and article.id == sha_id(BUSH)


def test_ingest_stdin_plain_text_needs_date() -> None:
    (reject,) = read_articles(["-"], stdin=io.StringIO(BUSH))
    assert isinstance(reject, Reject) and reject.origin == "<stdin>" and "no date" in reject.reason
    (article,) = read_articles(["-"], stdin=io.StringIO(BUSH), default_date=dt.date(2005, 11, 19))
    assert isinstance(article, Article) and article.id == sha_id(BUSH)


def test_ingest_stdin_json_lines_and_documents() -> None:
    lines = (DATA / "articles.jsonl").read_text().splitlines()
    stdin = io.StringIO("\n" + lines[0] + "\n{not json\n" + lines[1] + "\n")
    records = list(read_articles(["-"], stdin=stdin))
    assert [(type(r).__name__, r.line) for r in records] == [("Article", 2), ("Reject", 3), ("Article", 4)]
    assert records[0].id == "XIN_ENG_20061102.0174"
    assert "malformed JSON" in records[1].reason

    document = io.StringIO((DATA / "articles.json").read_text())
    records = list(read_articles(["-"], stdin=document))
    assert [r.id for r in records] == ["XIN_ENG_20061116.0227", "AFP_ENG_19970423.0676"]
    assert [r.line for r in records] == [2, 8]


def test_ingest_stdin_timeml_html_and_empty() -> None:
    tml = io.StringIO((DATA / "XIN_ENG_20051122.0105.tml").read_text())
    (article,) = read_articles(["-"], stdin=tml)
    assert isinstance(article, Article) and (article.id, article.date) == (
        "XIN_ENG_20051122.0105",
        dt.date(2005, 11, 22),
    )
    (page,) = read_articles(["-"], stdin=io.StringIO((DATA / "page.html").read_text()))
    assert (
        isinstance(page, Article)
        and page.title == "Tokyo stocks open higher"
        and page.id == sha_id(page.text)
    )
    (empty,) = read_articles(["-"], stdin=io.StringIO("\n  \n"))
    assert isinstance(empty, Reject) and (empty.origin, empty.reason) == ("<stdin>", "empty input")


def test_ingest_stdin_undecodable_bytes() -> None:
    raw = io.BytesIO(f"date 2005-11-19 {BUSH} Caf".encode() + b"\xe9\n")
    strict = io.TextIOWrapper(raw, encoding="utf-8")
    (reject,) = read_articles(["-"], stdin=strict)
    assert isinstance(reject, Reject) and "not UTF-8" in reject.reason
    raw.seek(0)
    lenient = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape")
    (reject,) = read_articles(["-"], stdin=lenient)
    assert isinstance(reject, Reject) and reject.reason == "input is not valid UTF-8 text"


def test_ingest_large_jsonl_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    paragraph = BUSH + " " + "Talks covered trade, security and climate. " * 8
    with path.open("w") as out:
        for number in range(50_000):
            record = {"id": f"n{number}", "date": "2005-11-19", "text": f"{number}: {paragraph}"}
            out.write(json.dumps(record) + "\n")
    size = path.stat().st_size
    assert size > 25_000_000

    started = time.perf_counter()
    records = read_articles([path])
    first = next(records)
    assert isinstance(first, Article) and first.id == "n0"
    # The first record comes long before the file could have been read whole.
    assert time.perf_counter() - started < 0.5

    tracemalloc.start()
    try:
        count, last = 1, first
        for record in records:
            count, last = count + 1, record
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 50_000 and isinstance(last, Article) and (last.id, last.line) == ("n49999", 50_000)
    assert peak < 2_000_000, f"peak {peak:,} bytes while reading a {size:,}-byte file"


PARAGRAPH = (
    "<p>" + BUSH + " Chinese President Hu Jintao and Premier Wen Jiabao are to meet with President Bush.</p>"
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>Bush in Beijing</title></head><body><article>{PARAGRAPH * 2}</article></body></html>",
            "Article:Bush in Beijing",
        ),
        (
            f"<!doctype html><html><head><title>Bush</title></head><body>{PARAGRAPH * 2}</body></html>",
            "Article:Bush",
        ),
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "Reject:XML document is not TimeML"),
        (json.dumps({"id": "j1", "text": BUSH}), "Article:None"),
        (f"<b>Breaking:</b> {BUSH}", "Article:None"),
        (f"Beijing: {BUSH}", "Article:None"),
    ],
)
def test_ingest_sniffing_content_without_extension(tmp_path: Path, content: str, expected: str) -> None:
    (tmp_path / "story").write_text(content)
    from_file = list(read_articles([tmp_path / "story"], default_date=dt.date(2005, 11, 19)))
    from_stdin = list(read_articles(["-"], stdin=io.StringIO(content), default_date=dt.date(2005, 11, 19)))
    for (record,) in (from_file, from_stdin):
        kind, _, detail = expected.partition(":")
        assert type(record).__name__ == kind
        if isinstance(record, Article):
            assert str(record.title) == detail and "Bush arrived here" in record.text
            assert "<p>" not in record.text
        else:
            assert detail in record.reason


def test_ingest_folder_skips_its_documentation(tmp_path):
    from accord.ingest import read_articles

    (tmp_path / "README").write_text("About this corpus.\n", encoding="utf-8")
    (tmp_path / "SOURCE.md").write_text("# Where it came from\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2021-12-06 India and Russia signed a pact.\n", encoding="utf-8")
    records = list(read_articles([tmp_path]))
    assert [r.id for r in records] == ["a"]
    # Named explicitly, a notes file is read like any other (and here rejected for having no date).
    assert [type(r).__name__ for r in read_articles([tmp_path / "README"])] == ["Reject"]


def test_ingest_list_inputs_names_the_files_read_articles_reads_in_its_order(tmp_path):
    from accord.ingest import list_inputs, read_articles

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.jsonl").write_text(
        '{"id": "2", "date": "2021-12-06", "text": "Two."}\n{"id": "3", "date": "2021-12-06", "text": "Three."}\n'
    )
    (tmp_path / "a.txt").write_text("date 2021-12-06 One.")
    (tmp_path / "README.md").write_text("notes")
    (tmp_path / ".hidden.txt").write_text("date 2021-12-06 Hidden.")
    sources = [str(tmp_path), str(tmp_path / "missing.txt"), "-"]
    files = list(list_inputs(sources))
    assert files == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "two.jsonl"),
        str(tmp_path / "missing.txt"),
        "-",
    ]
    one_by_one = [r for f in files[:-1] for r in read_articles([f])]
    assert one_by_one == list(read_articles(sources[:-1]))
