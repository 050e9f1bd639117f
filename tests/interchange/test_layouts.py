"""One event in the layouts of ICEWS, Phoenix and PLOVER, built from a contract dict."""

from __future__ import annotations

import io
import json

import pytest

from accord.interchange import ICEWS_COLUMNS, PHOENIX_COLUMNS, Story, write_events
from accord.interchange.geography import country_point, locate
from accord.interchange.layouts import cameo_description, icews_row, penta_class, phoenix_row, plover_object

EVENT = {
    "id": "cl-1",
    "cluster_id": "cl-1",
    "article_id": "a1",
    "date": "2021-12-06",
    "enddate": None,
    "event": "CONSULT",
    "cameo": "040",
    "goldstein": 1.0,
    "quad_class": 1,
    "mode": None,
    "context": ["military", "diplomatic"],
    "status": "occurred",
    "actor": [
        {
            "code": "IND",
            "name": "Rajnath Singh",
            "sector": "GOV",
            "office": "Defence Minister",
            "entity_text": "Rajnath Singh",
        }
    ],
    "recipient": [
        {
            "code": "RUS",
            "name": "Sergey Shoigu",
            "sector": "MIL",
            "office": None,
            "entity_text": "Sergey Shoigu",
        }
    ],
    "event_loc": {"name": "New Delhi", "country_code": "IND", "lat": 28.614, "lon": 77.209},
    "text": "The meeting was co-chaired by Rajnath Singh and Sergey Shoigu.",
    "text_info": {"start": 10, "end": 72},
    "trigger": {"text": "co-chaired", "start": 26, "end": 36},
    "sources": 2,
    "mentions": ["ev-1", "ev-2"],
    "article_ids": ["a1", "a2"],
}
STORY = Story(publisher="Wire", url="https://example.org/a1", title="Talks", sentence=3)


def test_layouts_icews_row():
    row = icews_row(EVENT, STORY)
    assert list(row) == list(ICEWS_COLUMNS)
    assert row["Source Name"] == "Rajnath Singh" and row["Source Sectors"] == "Government"
    assert row["Source Country"] == "India" and row["Target Country"] == "Russian Federation"
    assert (
        row["Event Text"] == cameo_description("040")
        and row["CAMEO Code"] == "040"
        and row["Intensity"] == 1.0
    )
    assert (row["City"], row["Country"], row["Latitude"], row["Longitude"]) == (
        "New Delhi",
        "India",
        28.614,
        77.209,
    )
    assert (row["Story ID"], row["Sentence Number"], row["Publisher"]) == ("a1", 3, "Wire")


def test_layouts_phoenix_row():
    row = phoenix_row({**EVENT, "date": "2021-12"}, STORY)
    assert list(row) == list(PHOENIX_COLUMNS)
    assert (row["Date"], row["Year"], row["Month"], row["Day"]) == ("20211201", 2021, 12, 1)
    assert (row["SourceActorFull"], row["SourceActorEntity"], row["SourceActorRole"]) == (
        "INDGOV",
        "IND",
        "GOV",
    )
    assert row["SourceActorAttribute"] == "Defence Minister" and row["TargetActorFull"] == "RUSMIL"
    assert (row["EventCode"], row["EventRootCode"], row["PentaClass"]) == ("040", "04", 1)
    assert (
        row["Issues"] == "military,diplomatic"
        and row["SentenceID"] == "a1_3"
        and row["NewsSources"] == "Wire"
    )


def test_layouts_plover_object_uses_the_manuals_field_names():
    found = plover_object(EVENT, STORY, coder="Accord test")
    assert found["id"] == "cl-1" and found["link"] == "cl-1" and found["event"] == ["CONSULT"]
    assert found["actor"][0] == {
        "code": "IND",
        "sector": "GOV",
        "entity_text": "Rajnath Singh",
        "office": "Defence Minister",
        "identifier_text": "Rajnath Singh",
    }
    assert found["event_loc"]["resolution"] == 4 and found["event_loc"]["country_code"] == "IND"
    assert (found["quad_code"], found["event_scale"], found["context"]) == (
        1,
        1.0,
        ["military", "diplomatic"],
    )
    assert found["text_info"] == {"start": 10, "end": 72, "sequence": 3}
    assert found["cite_info"]["publication"] == "Wire" and found["coder"] == "Accord test"
    assert found["sources"] == 2 and found["mentions"] == ["ev-1", "ev-2"]


@pytest.mark.parametrize(
    ("code", "penta"),
    [("010", 0), ("020", 0), ("036", 1), ("061", 2), ("112", 3), ("138", 3), ("190", 4), ("", None)],
)
def test_layouts_penta_class(code, penta):
    assert penta_class(code) == penta


def test_layouts_a_country_level_place_gets_the_country_point():
    where = locate({"name": "India", "country_code": "IND", "lat": None, "lon": None})
    assert (where.lat, where.lon) == country_point("IND") and where.city is None and where.resolution == 1
    assert locate(None).lat is None and locate({"name": "Atlantis", "country_code": "ZZZ"}).lat is None
    # Washington is a capital and a state: the capital wins.
    assert (
        locate({"name": "Washington", "country_code": "USA", "lat": 38.9, "lon": -77.0}).city == "Washington"
    )


def test_layouts_files_phoenix_has_no_header_and_cells_stay_on_one_line():
    out = io.StringIO()
    assert write_events([({**EVENT, "text": "a\tb\nc"}, STORY)], out, format="phoenix") == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == len(PHOENIX_COLUMNS)
    icews = io.StringIO()
    write_events([(EVENT, STORY)], icews, format="icews")
    assert icews.getvalue().splitlines()[0].split("\t") == list(ICEWS_COLUMNS)
    plover = io.StringIO()
    write_events([(EVENT, STORY)], plover, format="plover")
    assert json.loads(plover.getvalue())["id"] == "cl-1"
    with pytest.raises(ValueError, match="format must be one of"):
        write_events([(EVENT, STORY)], io.StringIO(), format="gdelt")
