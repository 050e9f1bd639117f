"""Bad inputs: each becomes a Reject with origin, line and reason, and the good records around it
are still read."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from accord.ingest import read_articles
from accord.ingest._common import Problem, parse_date
from accord.records import Article, Reject

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
MERKEL = (
    "Angela Merkel, the leader of the Christian Democrats, was elected Tuesday by the German parliament "
    "as new chancellor, the first woman chancellor in Germany."
)
BUSH = "US President George W. Bush arrived here Saturday evening for a three-day visit to China."
IMF = "The International Monetary Fund is to lower its growth estimate for 2007, IMF chief economist said."


def summary(records: list[Article | Reject]) -> list[tuple[str, int | None, str]]:
    """(kind, line, id or reason) for each record, to compare whole streams at once."""
    return [("A", r.line, r.id) if isinstance(r, Article) else ("R", r.line, r.reason) for r in records]


def jsonl(path: Path, *lines: object) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def read(*sources: object, **options: object) -> list[Article | Reject]:
    return list(read_articles(list(sources), **options))  # type: ignore[arg-type]


def assert_reject(record: Article | Reject, origin: Path | str, line: int | None, reason: str) -> None:
    assert isinstance(record, Reject), record
    assert (record.origin, record.line) == (str(origin), line)
    assert reason in record.reason, record.reason


def test_ingest_malformed_json_line_then_reading_goes_on(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "a.jsonl",
        {"id": "a1", "date": "2005-11-22", "text": MERKEL},
        '{"id": "a2", "date": "2005-11-19", "text": "unterminated',
        "",
        {"id": "a3", "date": "2005-11-19", "text": BUSH},
    )
    first, bad, last = read(path)
    assert_reject(bad, path, 2, "malformed JSON")
    assert isinstance(first, Article) and first.id == "a1" and first.line == 1
    assert isinstance(last, Article) and last.id == "a3" and last.line == 4


@pytest.mark.parametrize(
    ("record", "reason", "article_id"),
    [
        ({"id": "x9", "date": "2005-11-22", "title": "Merkel"}, "no 'text' field", "x9"),
        ({"date": "2005-11-22", "text": ["a", "b"]}, "'text' is a JSON array, not a string", None),
        ({"id": "x9", "date": "2005-11-22", "text": "  \n "}, "empty text", "x9"),
        ({"id": "x9", "text": MERKEL}, "no date: pass --date YYYY-MM-DD", "x9"),
        ({"id": "x9", "date": "2021-13-45", "text": MERKEL}, "unparseable date '2021-13-45'", "x9"),
        ({"id": "x9", "date": "22/11/2005", "text": MERKEL}, "expected YYYY-MM-DD", "x9"),
        ([1, 2], "record is a JSON number, not an object", None),
        ("just a string", "record is a JSON string, not an object", None),
    ],
)
def test_ingest_bad_json_record(tmp_path: Path, record: object, reason: str, article_id: str | None) -> None:
    path = jsonl(
        tmp_path / "b.jsonl",
        {"id": "before", "date": "2005-11-22", "text": MERKEL},
        json.dumps(record),
        {"id": "after", "date": "2005-11-19", "text": BUSH},
    )
    records = read(path)
    assert [r.id for r in records if isinstance(r, Article)] == ["before", "after"]
    rejects = [r for r in records if isinstance(r, Reject)]
    assert rejects  # a list line yields one reject per element
    for reject in rejects:
        assert_reject(reject, path, 2, reason)
        assert reject.article_id == article_id


def test_ingest_missing_date_uses_default_date(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "c.jsonl", {"id": "x", "text": MERKEL}, {"id": "y", "date": "2005-11-19", "text": BUSH}
    )
    x, y = read(path, default_date=dt.date(2005, 11, 22))
    assert isinstance(x, Article) and x.date == dt.date(2005, 11, 22)
    assert isinstance(y, Article) and y.date == dt.date(2005, 11, 19)  # its own date wins


def test_ingest_article_over_max_chars(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "d.jsonl",
        {"id": "short", "date": "2005-11-22", "text": "x" * 1000},
        {"id": "long", "date": "2005-11-22", "text": "x" * 1001},
        {"id": "short2", "date": "2005-11-22", "text": MERKEL},
    )
    records = read(path, max_chars=1000)
    assert summary(records)[::2] == [("A", 1, "short"), ("A", 3, "short2")]
    assert_reject(records[1], path, 2, "article is 1,001 characters, over the limit of 1,000 (max_chars)")
    assert records[1].article_id == "long"


def test_ingest_whole_file_far_over_max_chars_is_not_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("date 2005-11-22 " + "word " * 500_000)
    (reject,) = read(path, max_chars=1000)
    assert_reject(reject, path, None, "too large for an article of at most 1,000 characters")


def test_ingest_malformed_json_document_keeps_records_before(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text(
        "[\n"
        + json.dumps({"id": "ok", "date": "2005-11-22", "text": MERKEL}, indent=2)
        + ',\n  {\n    "id": "broken",\n    "text": oops\n  }\n]\n'
    )
    ok, bad = read(path)
    assert isinstance(ok, Article) and (ok.id, ok.line) == ("ok", 2)
    assert_reject(bad, path, 9, "malformed JSON")


def test_ingest_bad_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        "id,date,title,text\n"
        f'g1,2005-11-22,Merkel elected,"{MERKEL}"\n'
        "g2,2005-11-19,no text column here\n"
        "g3,2005-11-19,empty text,\n"
        f'g4,2021-13-45,bad date,"{BUSH}"\n'
        f'g5,2005-11-19,"Bush in Beijing","{BUSH}\n\nSecond paragraph."\n'
        "\n"
        f'g6,2006-12-05,IMF,"{IMF}",surplus\n'
        f'g7,2006-12-05,IMF,"{IMF}"\n'
    )
    records = read(path)
    assert summary(records) == [
        ("A", 2, "g1"),
        ("R", 3, "row has 3 fields, the header has 4"),
        ("R", 4, "empty text"),
        ("R", 5, "unparseable date '2021-13-45': month must be in 1..12"),
        ("A", 6, "g5"),
        ("R", 10, "row has 5 fields, the header has 4"),
        ("A", 11, "g7"),
    ]
    assert all(r.origin == str(path) for r in records)
    assert [r.article_id for r in records if isinstance(r, Reject)] == ["g2", "g3", "g4", "g6"]


def test_ingest_csv_without_text_column(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text("id,date,body\n1,2005-11-22,Merkel elected\n")
    shutil.copy(DATA / "articles.csv", tmp_path / "b.csv")
    reject, *good = read(tmp_path)
    assert_reject(reject, bad, 1, "CSV header has no 'text' column (columns: 'id', 'date', 'body')")
    assert len(good) == 2 and all(isinstance(r, Article) for r in good)


def test_ingest_csv_text_over_the_csv_module_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f'date,text\n2005-11-22,"{"Merkel was elected. " * 10_000}"\n2005-11-19,"{BUSH}"\n')
    big, small = read(path)
    assert isinstance(big, Article) and len(big.text) == 200_000
    assert isinstance(small, Article) and small.line == 3


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \r\n\t\n", "empty text"),
        ("header_only.txt", b"date 2005-11-22   \n", "empty text"),
        ("bad_date.txt", f"date 2021-13-45 {BUSH}".encode(), "unparseable date '2021-13-45'"),
        ("nul.txt", b"date 2005-11-22 Merkel\x00\x01\x02", "binary file (contains NUL bytes)"),
        (
            "latin1.txt",
            f"date 2005-11-22 {BUSH} Caf\xe9".encode("latin-1"),
            "not UTF-8 text (byte 0xe9 at offset",
        ),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported file type '.png': binary file"),
        (
            "report.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "unsupported file type '.pdf': not UTF-8 text",
        ),
        ("empty.jsonl", b"\n\n", ""),
        ("empty.csv", b"", "empty file"),
        (
            "page.html",
            b"<html><head><title>Home</title></head><body><script>var a = 1;</script></body></html>",
            "no main text found in the HTML page",
        ),
        ("broken.tml", b"<TimeML><TEXT>Merkel</TimeML>", "malformed XML"),
        ("no_text.tml", b"<TimeML><DOCID>X</DOCID></TimeML>", "TimeML document has no TEXT element"),
        ("no_dct.tml", b"<TimeML><TEXT>Merkel was elected.</TEXT></TimeML>", "no date: pass --date"),
    ],
)
def test_ingest_bad_file_between_good_ones(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / "a_good.txt").write_text(f"date 2005-11-22 {MERKEL}")
    (tmp_path / name).write_bytes(content)
    (tmp_path / "z_good.txt").write_text(f"date 2005-11-19 {BUSH}")
    records = read(tmp_path)
    assert isinstance(records[0], Article) and records[0].id == "a_good"
    assert isinstance(records[-1], Article) and records[-1].id == "z_good"
    middle = records[1:-1]
    if not reason:  # nothing in it: nothing to say
        assert middle == []
        return
    (reject,) = middle
    assert_reject(reject, tmp_path / name, reject.line, reason)


def test_ingest_unknown_extension_that_is_text_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "wire.story").write_text(f"date 2005-11-22 {MERKEL}\n")
    (tmp_path / "NOTES").write_text(f"{BUSH}\n")
    notes, wire = read(tmp_path, default_date=dt.date(2005, 11, 19))
    assert isinstance(wire, Article) and (wire.id, wire.date) == ("wire", dt.date(2005, 11, 22))
    assert isinstance(notes, Article) and (notes.id, notes.text) == ("NOTES", BUSH)


def test_ingest_other_encodings_only_when_declared(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><meta property="article:published_time" '
        'content="2005-11-22"></head><body><article><p>'
        + (MERKEL + " Caf\xe9 owners in Berlin celebrated. ") * 3
        + "</p></article></body></html>"
    )
    (tmp_path / "cp1252.html").write_bytes(page.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(f"date 2005-11-22 {MERKEL} Caf\xe9".encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(f"\ufeffdate 2005-11-22 {MERKEL}".encode())
    (tmp_path / "undeclared.html").write_bytes(page.replace('charset="windows-1252"', "").encode("cp1252"))
    bom, html, undeclared, utf16 = read(tmp_path)
    assert isinstance(html, Article) and "Café owners" in html.text
    assert isinstance(utf16, Article) and utf16.text.endswith("Café")
    assert isinstance(bom, Article) and bom.text == MERKEL
    assert_reject(undeclared, tmp_path / "undeclared.html", None, "not UTF-8 text (byte 0xe9")


def test_ingest_undecodable_json_line_and_csv_row(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "date": "2005-11-22", "text": MERKEL}).encode()
    (tmp_path / "a.jsonl").write_bytes(good + b'\n{"id": "x", "text": "Caf\xe9"}\n' + good + b"\n")
    (tmp_path / "b.csv").write_bytes(b"id,date,text\n1,2005-11-22,Caf\xe9\n2,2005-11-22,Merkel\n")
    (tmp_path / "c.json").write_bytes(b"[" + good + b',\n{"text": "Caf\xe9"},\n' + good + b"]")
    records = read(tmp_path)
    assert summary(records) == [
        ("A", 1, "ok"),
        ("R", 2, "line is not valid UTF-8 text"),
        ("A", 3, "ok"),
        ("R", 2, "row is not valid UTF-8 text"),
        ("A", 3, "2"),
        ("A", 1, "ok"),
        ("R", 2, "record is not valid UTF-8 text"),
        ("A", 3, "ok"),
    ]


def test_ingest_missing_and_vanished_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"date 2005-11-22 {MERKEL}")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")  # a file that vanished
    missing = tmp_path / "nowhere" / "c.txt"
    records = read(tmp_path, missing, DATA / "seed_form.txt")
    assert isinstance(records[0], Article) and records[0].id == "a"
    assert_reject(records[1], tmp_path / "b.txt", None, "cannot read: No such file or directory")
    assert_reject(records[2], missing, None, "no such file or folder")
    assert isinstance(records[3], Article) and records[3].id == "seed_form"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_ingest_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"date 2005-11-22 {MERKEL}")
    (tmp_path / "b.txt").write_text(f"date 2005-11-22 {MERKEL}")
    (tmp_path / "b.txt").chmod(0)
    good, reject = read(tmp_path)
    assert isinstance(good, Article)
    assert_reject(reject, tmp_path / "b.txt", None, "cannot read: Permission denied")


def test_ingest_permission_denied_is_a_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root (as in CI) reads any file, so the refusal is injected where the reader opens files.
    import accord.ingest._dispatch as dispatch

    (tmp_path / "a.txt").write_text(f"date 2005-11-22 {MERKEL}")
    (tmp_path / "b.txt").write_text(f"date 2005-11-22 {MERKEL}")
    (tmp_path / "c.txt").write_text(f"date 2005-11-19 {BUSH}")

    def guarded_open(path: Path, mode: str = "r") -> object:
        if Path(path).name == "b.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, mode)

    monkeypatch.setattr(dispatch, "open", guarded_open, raising=False)
    a, reject, c = read(tmp_path)
    assert isinstance(a, Article) and isinstance(c, Article)
    assert_reject(reject, tmp_path / "b.txt", None, "cannot read: Permission denied")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-06", dt.date(2021, 12, 6)),
        (" 2021-12-06 ", dt.date(2021, 12, 6)),
        ("2021-12-06T10:15:00Z", dt.date(2021, 12, 6)),
        ("2021-12-06T23:30:00+05:30", dt.date(2021, 12, 6)),  # the publisher's day, not UTC's
        ("2021-12-06T00:10:00.123-04:00", dt.date(2021, 12, 6)),
        ("2021-12-06 08:00", dt.date(2021, 12, 6)),
        ("1997-4-1", dt.date(1997, 4, 1)),
    ],
)
def test_ingest_parse_date(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2021-13-45", "month must be in 1..12"),
        ("2021-02-30", "day is out of range for month"),
        ("06/12/2021", "expected YYYY-MM-DD"),
        ("yesterday", "expected YYYY-MM-DD"),
        ("2021-12-06T25", "expected YYYY-MM-DD"),
        (20211206, "expected YYYY-MM-DD"),
    ],
)
def test_ingest_parse_date_rejects(value: object, reason: str) -> None:
    with pytest.raises(Problem, match=reason):
        parse_date(value)
