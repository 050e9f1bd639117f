"""Each input format read from a small real file: ids, dates, titles, text and offsets."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from accord.ingest import read_articles
from accord.records import Article, Reject

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def articles(*sources: str | Path, **options: object) -> list[Article]:
    records = list(read_articles(list(sources), **options))  # type: ignore[arg-type]
    assert all(isinstance(record, Article) for record in records), records
    return records  # type: ignore[return-value]


def sha_id(text: str) -> str:
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_ingest_seed_offsets(seed_path: Path) -> None:
    (article,) = articles(seed_path)
    assert article.id == "000_5d68f7ddc8901266"
    assert article.date == dt.date(2021, 12, 6)
    assert article.text.startswith("In a key development")
    assert article.text[22:27] == "India"
    assert article.text == article.text.strip()
    assert (article.origin, article.line) == (str(seed_path), None)


def test_ingest_seed_form_file() -> None:
    (article,) = articles(DATA / "seed_form.txt")
    assert (article.id, article.date) == ("seed_form", dt.date(2005, 11, 19))
    assert article.text.startswith("US President George W. Bush arrived here Saturday evening")
    assert article.text.endswith("discuss a wide range of issues.")
    assert article.title is None


def test_ingest_plain_text_needs_date() -> None:
    (reject,) = read_articles([DATA / "plain.txt"])
    assert isinstance(reject, Reject)
    assert (reject.origin, reject.line, reject.article_id) == (str(DATA / "plain.txt"), None, "plain")
    assert reject.reason == "no date: pass --date YYYY-MM-DD"
    (article,) = articles(DATA / "plain.txt", default_date=dt.date(1997, 4, 2))
    assert (article.id, article.date) == ("plain", dt.date(1997, 4, 2))
    assert article.text.startswith("A US Navy petty officer") and article.text.endswith("military officials.")


def test_ingest_jsonl_fields_ids_and_lines() -> None:
    records = articles(DATA / "articles.jsonl")
    assert [record.line for record in records] == [1, 2, 3]
    congo, guests, imf = records
    assert congo.id == "XIN_ENG_20061102.0174"
    assert congo.title == "Vice president of DR Congo arrives in Beijing"
    assert (congo.url, congo.source) == ("https://example.org/xin/20061102.0174", "Xinhua")
    # No id: the documented content hash. An ISO date-time gives its calendar date.
    assert guests.id == sha_id(guests.text)
    assert guests.date == dt.date(2005, 11, 1)
    assert imf.id == "422"
    assert imf.text.startswith("The International Monetary Fund is to lower its growth estimate")
    # Ids are stable across runs.
    assert [r.id for r in articles(DATA / "articles.jsonl")] == [r.id for r in records]


def test_ingest_json_array_lines_point_at_each_object() -> None:
    records = articles(DATA / "articles.json")
    assert [r.id for r in records] == ["XIN_ENG_20061116.0227", "AFP_ENG_19970423.0676"]
    lines = (DATA / "articles.json").read_text().splitlines()
    for record in records:
        assert lines[record.line - 1].strip() == "{"
    assert records[1].date == dt.date(1997, 4, 24)
    assert records[0].text.startswith('"China insists on seeking a just and rational solution')


def test_ingest_csv_with_index_column_and_crlf() -> None:
    records = articles(DATA / "articles.csv")
    lines = (DATA / "articles.csv").read_bytes().decode().split("\r\n")
    assert [lines[r.line - 1][:2] for r in records] == ["0,", "1,"]
    bush, tokyo = records
    assert bush.id == sha_id(bush.text)  # the unnamed index column is not an id
    assert (bush.date, bush.source) == (dt.date(2005, 11, 19), "Xinhua")
    assert bush.title == "1st Ld: US president arrives in Beijing"
    assert "\r\n\r\nBush's presidential plane" in bush.text  # the field as given
    assert tokyo.date == dt.date(2006, 11, 29)


def test_ingest_tsv() -> None:
    navy, guests = articles(DATA / "articles.tsv")
    assert (navy.id, navy.line, navy.date) == ("AFP_ENG_19970402.0422", 2, dt.date(1997, 4, 2))
    assert navy.url == "https://example.org/afp/19970402.0422"
    assert (guests.id, guests.line, guests.url) == ("XIN_ENG_20051101.0115", 3, None)


def test_ingest_html_main_text_and_metadata() -> None:
    (page,) = articles(DATA / "page.html")
    assert (page.id, page.date, page.title) == ("page", dt.date(2006, 11, 29), "Tokyo stocks open higher")
    assert page.url == "https://news.example.org/markets/tokyo-stocks-open-higher"
    assert page.source == "Example News"
    assert "the 225-issue Nikkei Stock Average rose 157.11 points" in page.text
    for boilerplate in ("Subscribe to our newsletter", "All rights reserved", "Markets | World"):
        assert boilerplate not in page.text


def test_ingest_html_without_date_uses_default(tmp_path: Path) -> None:
    lines = (DATA / "page.html").read_text().splitlines(keepends=True)
    html = "".join(line for line in lines if "published_time" not in line)
    (tmp_path / "undated.html").write_text(html)
    (reject,) = read_articles([tmp_path / "undated.html"])
    assert isinstance(reject, Reject) and "no date" in reject.reason
    (article,) = articles(tmp_path / "undated.html", default_date=dt.date(2006, 11, 30))
    assert article.date == dt.date(2006, 11, 30)


def test_ingest_timeml_text_as_given() -> None:
    (article,) = articles(DATA / "XIN_ENG_20051122.0105.tml")
    assert article.id == "XIN_ENG_20051122.0105"
    assert article.date == dt.date(2005, 11, 22)
    # The wire's "URGENT:" is no part of the headline; the agency comes from the id's prefix.
    assert article.title == "Germany's Merkel elected first woman chancellor"
    assert article.source == "Xinhua"
    assert article.text == (
        "\n\nAngela Merkel, the leader of the Christian Democrats, was elected Tuesday by the German "
        "parliament as new chancellor, the first woman chancellor in Germany.\n\n"
    )
    assert article.text[2:15] == "Angela Merkel"


def test_ingest_timeml_id_from_file_name_keeps_inner_dots(tmp_path: Path) -> None:
    xml = (DATA / "XIN_ENG_20051122.0105.tml").read_text()
    xml = xml.replace("<DOCID>XIN_ENG_20051122.0105</DOCID>", "")
    (tmp_path / "AFP_ENG_19970401.0006.tml").write_text(xml)
    (article,) = articles(tmp_path / "AFP_ENG_19970401.0006.tml")
    assert article.id == "AFP_ENG_19970401.0006"


def test_ingest_xml_is_read_only_when_timeml(tmp_path: Path) -> None:
    shutil.copy(DATA / "XIN_ENG_20051122.0105.tml", tmp_path / "a.xml")
    (tmp_path / "b.xml").write_text('<?xml version="1.0"?>\n<rss><channel><title>x</title></channel></rss>\n')
    article, reject = read_articles([tmp_path])
    assert isinstance(article, Article) and article.id == "XIN_ENG_20051122.0105"
    assert isinstance(reject, Reject)
    assert (
        reject.origin == str(tmp_path / "b.xml")
        and "not TimeML" in reject.reason
        and "<rss>" in reject.reason
    )


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("AFP_ENG_19970401.0006.tml", dt.date(1997, 4, 1)),
        ("AFP_ENG_20061214.0366.tml", dt.date(2006, 12, 14)),
        ("XIN_ENG_20051107.0233.tml", dt.date(2005, 11, 7)),
    ],
)
def test_ingest_te3_silver_news(shared_dir: Path, name: str, date: dt.date) -> None:
    path = shared_dir / "data" / "te3-silver-news" / name
    (article,) = articles(path)
    assert (article.id, article.date) == (name.removesuffix(".tml"), date)
    assert "<" not in article.text and article.text.strip()


def test_ingest_guardian_zipped_csv(shared_dir: Path) -> None:
    path = shared_dir / "data" / "ngec-guardian-sdf" / "Guardian_SDF_sample.csv.zip"
    records = articles(path)
    assert len(records) == 249
    assert all(dt.date(2017, 8, 6) <= r.date <= dt.date(2019, 4, 10) for r in records)
    assert {r.source for r in records} == {"Guardian"}
    assert records[0].origin == f"{path}!Guardian_SDF_sample.csv"
    assert records[0].line == 2 and records[0].text.startswith("Baghdad and Washington are in talks")
    assert len({r.id for r in records}) == 249


def test_ingest_zip_and_gzip_archives(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as archive:
        archive.write(DATA / "articles.jsonl", "news/articles.jsonl")
        archive.write(DATA / "XIN_ENG_20051122.0105.tml", "news/XIN_ENG_20051122.0105.tml")
        archive.writestr("__MACOSX/news/._articles.jsonl", b"\x00\x05\x16\x07")
    records = articles(tmp_path / "bundle.zip")
    # Members in name order ("X" sorts before "a"); the resource-fork folder is skipped.
    assert [r.id for r in records][:2] == ["XIN_ENG_20051122.0105", "XIN_ENG_20061102.0174"]
    assert records[1].origin == f"{tmp_path / 'bundle.zip'}!news/articles.jsonl"
    assert len(records) == 4

    (tmp_path / "seed_form.txt.gz").write_bytes(gzip.compress((DATA / "seed_form.txt").read_bytes()))
    (article,) = articles(tmp_path / "seed_form.txt.gz")
    assert (article.id, article.date) == ("seed_form", dt.date(2005, 11, 19))


def test_ingest_timeml_keeps_the_dct_dateline(tmp_path):
    from accord.ingest import read_articles

    doc = tmp_path / "XIN_X.tml"
    doc.write_text(
        '<TimeML><DOCID>XIN_X</DOCID><DCT>LEGASPI, Philippines, <TIMEX3 tid="t0" value="2006-12-05" '
        'functionInDocument="CREATION_TIME">Dec 5 , 2006</TIMEX3></DCT><TEXT>\nAid flights arrived.\n</TEXT></TimeML>',
        encoding="utf-8",
    )
    [article] = list(read_articles([doc]))
    assert article.dateline == "LEGASPI, Philippines" and article.text == "\nAid flights arrived.\n"
