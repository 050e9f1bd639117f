"""Property-based tests of every reader: arbitrary text, bytes and dates never raise, and what is
read is clean (no control character but newline and tab) and dated within the accepted range.

The budget here is small (``FUZZ_EXAMPLES``); ``scripts/fuzz.py`` runs the same properties longer.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.base.report_dates import EARLIEST_REPORT_DATE, latest_report_date
from accord.ingest import read_articles
from accord.ingest.cleaning import clean_text, has_control_characters
from accord.records import Article, Reject

FUZZ_EXAMPLES = int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

texts = st.text(max_size=400)
dates = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.text(max_size=30),
    st.none(),
    st.integers(),
)
ids = st.one_of(st.none(), st.text(max_size=40), st.integers())


def read_all(path: Path) -> list[Article | Reject]:
    return list(read_articles([path], default_date=dt.date(2021, 12, 6), max_chars=2000))


def check(records: list[Article | Reject]) -> None:
    """The properties every reader keeps, whatever it was given."""
    latest = latest_report_date()
    for record in records:
        if isinstance(record, Reject):
            assert isinstance(record.reason, str) and record.reason and "\n" not in record.reason
            continue
        assert isinstance(record, Article)
        assert record.text.strip() and len(record.text) <= 2000
        assert not has_control_characters(record.text)
        assert EARLIEST_REPORT_DATE <= record.date <= latest
        assert record.id and not has_control_characters(record.id)


@FUZZ
@given(text=texts)
def test_ingest_fuzz_clean_text_keeps_length_and_offsets(text):
    cleaned = clean_text(text)
    assert len(cleaned) == len(text) and not has_control_characters(cleaned)
    # Each character stays, or becomes a space (a control, or part of an escape sequence); with
    # no escape sequence in the text, every character that is no control stays.
    assert all(b in (a, " ") for a, b in zip(text, cleaned, strict=True))
    if "\x1b" not in text and "\x9b" not in text:
        assert all(a == b for a, b in zip(text, cleaned, strict=True) if not has_control_characters(a))


@FUZZ
@given(
    data=st.binary(max_size=600),
    name=st.sampled_from(
        ["a.txt", "a.html", "a.tml", "a.xml", "a.json", "a.jsonl", "a.csv", "a.tsv", "a.bin", "a"]
    ),
)
def test_ingest_fuzz_arbitrary_bytes_in_any_format(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    check(read_all(path))


@FUZZ
@given(text=texts, date=dates)
def test_ingest_fuzz_seed_form_and_plain_text(tmp_path_factory, text, date):
    folder = tmp_path_factory.mktemp("seed")
    (folder / "seed.txt").write_text(f"date {date} {text}", encoding="utf-8", errors="surrogatepass")
    (folder / "plain.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    records = read_all(folder)
    check(records)
    assert len(records) == 2


@FUZZ
@given(
    records=st.lists(
        st.fixed_dictionaries({"id": ids, "date": dates, "text": st.one_of(texts, st.integers(), st.none())}),
        max_size=5,
    )
)
def test_ingest_fuzz_json_lines_and_documents(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("json")
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "b.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    read = read_all(folder)
    check(read)
    assert sum(1 for r in read if r.origin.endswith("a.jsonl")) == len(records)


@FUZZ
@given(rows=st.lists(st.tuples(ids, dates, texts), max_size=5), delimiter=st.sampled_from([",", "\t"]))
def test_ingest_fuzz_csv_and_tsv(tmp_path_factory, rows, delimiter):
    path = tmp_path_factory.mktemp("csv") / ("a.csv" if delimiter == "," else "a.tsv")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["id", "date", "text"])
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
    check(read_all(path))


@FUZZ
@given(title=texts, body=texts, date=dates)
def test_ingest_fuzz_html_pages(tmp_path_factory, title, body, date):
    page = (
        f'<html><head><title>{title}</title><meta property="article:published_time" content="{date}">'
        f"</head><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
    path = tmp_path_factory.mktemp("html") / "a.html"
    path.write_text(page, encoding="utf-8", errors="surrogatepass")
    check(read_all(path))


@FUZZ
@given(text=texts, date=dates, docid=texts)
def test_ingest_fuzz_timeml(tmp_path_factory, text, date, docid):
    from xml.sax.saxutils import escape, quoteattr

    document = (
        f'<TimeML><DOCID>{escape(docid)}</DOCID><DCT><TIMEX3 tid="t0" value={quoteattr(str(date))} '
        f'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>{escape(text)}</TEXT></TimeML>'
    )
    path = tmp_path_factory.mktemp("tml") / "a.tml"
    path.write_text(document, encoding="utf-8", errors="surrogatepass")
    check(read_all(path))


@FUZZ
@given(
    members=st.lists(
        st.tuples(
            st.sampled_from(["a.txt", "b.jsonl", "c.csv", "d/e.tml", ".hidden"]), st.binary(max_size=200)
        ),
        max_size=4,
        unique_by=lambda member: member[0],
    ),
    outer=st.binary(max_size=200),
)
def test_ingest_fuzz_archives(tmp_path_factory, members, outer):
    folder = tmp_path_factory.mktemp("archive")
    with zipfile.ZipFile(folder / "a.zip", "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    (folder / "b.txt.gz").write_bytes(gzip.compress(outer))
    (folder / "c.jsonl.gz").write_bytes(outer)  # not gzip at all
    check(read_all(folder))
