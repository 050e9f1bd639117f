"""A cluster's best-supported values, whatever order its members came in."""

from __future__ import annotations

import itertools

import pytest

from accord.link import summarize


def _event(
    id,
    article,
    event="ASSAULT",
    cameo="190",
    date="1987-10-19",
    precision="day",
    actors=("USA",),
    recipients=("IRN",),
    report="1987-10-19",
    place=None,
):
    row = {
        "id": id, "article_id": article, "event": event, "cameo": cameo, "goldstein": -10.0, "quad_class": 4,
        "status": "occurred", "date": date, "date_precision": precision, "enddate": None,
        "actor_codes": list(actors), "recipient_codes": list(recipients), "report_date": report,
        "event_loc_name": None, "event_loc_country_code": None, "event_loc_lat": None, "event_loc_lon": None,
        "event_loc_start": None,
    }  # fmt: skip
    if place:
        row.update(
            event_loc_name=place[0],
            event_loc_country_code=place[1],
            event_loc_lat=place[2],
            event_loc_lon=place[3],
            event_loc_start=5,
        )
    return row


ROWS = [
    _event("e1", "a1", report="1987-10-19", place=("Washington", "USA", 38.9, -77.0)),
    _event("e2", "a2", cameo="1712", recipients=("IRN", "QAT"), report="1987-10-20"),
    _event("e3", "a3", cameo="1712", date="1987-10", precision="month", report="1987-10-21"),
    _event("e4", "a3", event="COERCE", cameo="1711", date="1987-10-18", actors=("UNK",), report="1987-10-21"),
    _event("e5", "a4", cameo="1712", report="1987-10-18", place=("Tehran", "IRN", 35.7, 51.4)),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(ROWS))))[:12])
def test_summary_best_supported_values_do_not_depend_on_order(order):
    summary = summarize("event", [ROWS[i] for i in order])
    assert (summary.type, summary.subtype, summary.date, summary.date_precision) == (
        "ASSAULT",
        "1712",
        "1987-10-19",
        "day",
    )
    assert summary.actor_codes == ("USA",) and summary.recipient_codes == ("IRN", "QAT")
    assert summary.representative_id == "e5"  # the earliest report with the cluster's own type, code and date
    assert summary.member_ids == ("e5", "e1", "e2", "e3", "e4") and summary.article_ids == (
        "a4",
        "a1",
        "a2",
        "a3",
    )
    assert (summary.first_report_date, summary.last_report_date) == ("1987-10-18", "1987-10-21")
    assert summary.location[0] == "Tehran"  # a tie between stated places: the first in sort order


def test_summary_needs_a_member():
    with pytest.raises(ValueError, match="at least one member"):
        summarize("event", [])
