"""Wire conventions: the agency of a document id and the handling notes removed from headlines
(headlines as they appear in te3-silver-news)."""

from __future__ import annotations

import pytest

from accord.ingest.wire import agency_of, clean_title


@pytest.mark.parametrize(
    ("document_id", "agency"),
    [
        ("AFP_ENG_19970401.0006", "AFP"),
        ("XIN_ENG_20051122.0105", "Xinhua"),
        ("apw_eng_19980101.0001", "AP"),
        ("TST4-MUC4-0013", None),
        ("ZZZ_ENG_1", None),
        (None, None),
    ],
)
def test_wire_agency_of_a_document_id(document_id, agency):
    assert agency_of(document_id) == agency


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("=(PICTURE)=", None),
        ("= (PICTURES) =", None),
        ("=(GRAPHIC+PICTURE)=", None),
        ("ATTENTION - ADDS quotes, details, background ///", None),
        ("URGENT: Six-party talks begins in Beijing", "Six-party talks begins in Beijing"),
        ("URGENTChina quake kills three", "China quake kills three"),
        ("Urgent care costs rise", "Urgent care costs rise"),
        (
            "Vietnam president warns against dangers of individualism (picture) by Frederik Balfour",
            "Vietnam president warns against dangers of individualism by Frederik Balfour",
        ),
        ("win over Ljubicic (updated 2)", "win over Ljubicic"),
        ("Zaire peace talks open in Pretoria", "Zaire peace talks open in Pretoria"),
        ("Talks (in Geneva) resume", "Talks (in Geneva) resume"),
        (None, None),
    ],
)
def test_wire_clean_title(title, cleaned):
    assert clean_title(title) == cleaned


def test_wire_timeml_report_gets_its_agency_and_a_clean_title(tmp_path):
    from accord.ingest import read_articles

    doc = (
        "<TimeML><DOCID>AFP_ENG_19970401.0006</DOCID><DCT><TIMEX3 tid='t0' value='1997-04-01' "
        "functionInDocument='CREATION_TIME'>April 1</TIMEX3></DCT><TITLE>=(PICTURE)=</TITLE>"
        "<TEXT>Rebels took Lubumbashi.</TEXT></TimeML>"
    )
    (tmp_path / "AFP_ENG_19970401.0006.tml").write_text(doc, encoding="utf-8")
    (article,) = read_articles([tmp_path])
    assert (article.source, article.title) == ("AFP", None)
