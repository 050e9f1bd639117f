"""The dashboard in a real headless Chromium against a live server over real reports (see conftest.py):
the overview, the timeline, the filters shared by every panel, the table, exports and the article view.

What the page shows is checked against what the API answers for the same question, and screenshots go
to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser


def api(base: str, path: str, **params: Any) -> Any:
    return httpx.get(f"{base}{path}", params=params, timeout=10).json()


def busiest_actor(base: str) -> str:
    """The actor with most events, leaving out UNK (an actor the text does not name)."""
    return next(a["code"] for a in api(base, "/overview", top=5)["actors"] if a["code"] != "UNK")


PANELS = ["#timeline", "#network", "#map", "#events-total", "#overview-totals"]


def wait_for_panels(page: Any) -> None:
    """Every panel has drawn the current filters (each marks what it drew with their key)."""
    page.wait_for_function(
        "panels => panels.every(s => document.querySelector(s).dataset.drawn === document.body.dataset.filters)",
        arg=PANELS,
    )


def panel_counts(page: Any) -> dict[str, int]:
    return {
        "table": int(page.get_attribute("#events-total", "data-total")),
        "timeline": int(page.get_attribute("#timeline", "data-total")),
        "overview": int(page.get_attribute("#overview-totals", "data-events")),
        "map": int(page.get_attribute("#map", "data-total")),
    }


def goto(page: Any, base: str, state: str = "") -> None:
    page.goto(f"{base}/#{state}")
    page.wait_for_selector("#events-table tbody tr")
    wait_for_panels(page)


def test_web_overview_busiest_pair_is_right(page, web_url, artifacts, shoot):
    goto(page, web_url)
    top = api(web_url, "/overview", count="mentions")["pairs"][0]
    expected = api(web_url, "/events", dyad=f"{top['a']},{top['b']}", limit=1)["total"]
    assert top["events"] == expected > 0
    first = page.locator("#overview button[data-pair]").first
    assert first.get_attribute("data-pair") == f"{top['a']},{top['b']}"
    assert first.inner_text().split()[-1] == str(expected)
    # Names beside codes.
    assert top["a_name"] in first.inner_text()
    shoot(page, "#overview-card", artifacts / "dashboard-overview.png")
    first.click()
    page.wait_for_function(
        "n => document.querySelector('#events-total').dataset.total === String(n)"
        " && location.hash.includes('b=')",
        arg=expected,
    )


def test_web_default_timeline_spans_the_reporting_window(page, web_url, artifacts, shoot):
    actor = busiest_actor(web_url)
    goto(page, web_url, f"a={actor}")
    body = api(web_url, "/timeline", actor=actor, interval="auto", background="false", count="mentions")
    window = body["window"]
    mine = api(web_url, "/events", actor=actor, limit=1000, background="false")["events"]
    assert window == {
        "start": min(e["report_date"] for e in mine),
        "end": max(e["report_date"] for e in mine),
    }
    bands = page.locator("#timeline svg rect.hover-band")
    periods = [bands.nth(i).get_attribute("data-period") for i in range(bands.count())]
    assert periods == [p["period"] for p in body["periods"]]
    # Every drawn period lies in the span, and the span is the reporting window, not the history.
    assert body["span"]["start"] <= window["start"] and body["span"]["end"] >= window["end"]
    assert all(body["span"]["start"] <= p <= body["span"]["end"] for p in periods)
    span_days = (
        dt.date.fromisoformat(body["span"]["end"]) - dt.date.fromisoformat(body["span"]["start"])
    ).days
    assert span_days < 400
    note = page.locator("#timeline .chart-note").inner_text()
    assert f"reports {window['start']} – {window['end']}" in note
    shoot(page, "#timeline-card", artifacts / "dashboard-timeline.png")

    # Background behind a toggle: ticked, the events dated well before their report come in, grey.
    background = api(web_url, "/events", actor=actor, limit=1, background="true")["total"] - len(mine)
    page.check("#f-bg")
    page.click("#apply")
    page.wait_for_function("() => location.hash.includes('bg=1')", timeout=5000)
    wait_for_panels(page)
    assert int(page.get_attribute("#timeline", "data-total")) == len(mine) + background
    if background:
        assert page.locator("#timeline svg rect.series-background").count() >= 1
        shoot(page, "#timeline-card", artifacts / "dashboard-timeline-background.png")


@pytest.mark.parametrize(
    "choice",
    [
        {},
        {"#f-status": "occurred"},
        {"#f-type": "ASSAULT"},
        {"#f-status": "planned"},
        {"#f-quad": "1", "#f-status": "occurred"},
    ],
    ids=["all", "occurred", "assault", "planned", "verbal-cooperation"],
)
def test_web_status_and_type_change_every_panel_alike(page, web_url, choice):
    goto(page, web_url)
    for selector, value in choice.items():
        page.select_option(selector, value)
    page.click("#apply")
    names = {"#f-status": "status", "#f-type": "type", "#f-quad": "quad_class"}
    page.wait_for_function(
        "pairs => pairs.every(([k, v]) => new URLSearchParams(location.hash.slice(1)).get(k) === v)",
        arg=[[names[s], v] for s, v in choice.items()],
    )
    wait_for_panels(page)
    params = {"background": "false"}
    params.update({names[s]: v for s, v in choice.items()})
    expected = api(web_url, "/events", limit=1, **params)["total"]
    counts = panel_counts(page)
    assert counts == dict.fromkeys(counts, expected), (choice, counts)
    rows = page.locator("#events-table tbody tr[data-event-id]")
    assert rows.count() == min(expected, 50)
    if "#f-status" in choice:
        statuses = {rows.nth(i).locator("td").nth(5).inner_text() for i in range(rows.count())}
        assert statuses <= {choice["#f-status"]}


def test_web_dyad_shows_timeline_and_events(page, web_url, artifacts, shoot):
    goto(page, web_url, "a=IND&b=RUS")
    expected = api(web_url, "/events", dyad="IND,RUS", limit=1, background="false")["total"]
    assert expected > 0
    assert page.locator("#events-total").inner_text().startswith(str(expected))
    rows = page.locator("#events-table tbody tr")
    for i in range(rows.count()):
        sides = (
            rows.nth(i).locator("td").nth(2).inner_text()
            + " "
            + rows.nth(i).locator("td").nth(3).inner_text()
        )
        assert "IND" in sides and "RUS" in sides and "India" in sides and "Russia" in sides
    assert int(page.get_attribute("#timeline", "data-total")) == expected
    shoot(page, "#events-card", artifacts / "dashboard-table.png")
    page.click("#chart-lines")
    page.wait_for_function("document.querySelectorAll('#timeline svg polyline').length >= 1")


def test_web_paging_and_exports_follow_the_filters(page, web_url):
    goto(page, web_url, "limit=25")
    total = api(web_url, "/events", limit=1, background="false")["total"]
    assert total > 25
    assert page.locator("#page-info").inner_text() == f"1–25 of {total}"
    first_page = page.locator("#events-table tbody tr").first.get_attribute("data-event-id")
    page.click("#next-page")
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('26–')")
    assert page.locator("#events-table tbody tr").first.get_attribute("data-event-id") != first_page

    actor = busiest_actor(web_url)
    goto(page, web_url, f"a={actor}&status=occurred")
    href = page.get_attribute("#export-csv", "href")
    assert f"actor={actor}" in href and "status=occurred" in href and "format=csv" in href
    exported = list(csv.DictReader(io.StringIO(httpx.get(f"{web_url}{href}").text)))
    shown = page.locator("#events-table tbody tr")
    assert [r["id"] for r in exported] == [
        shown.nth(i).get_attribute("data-event-id") for i in range(shown.count())
    ]
    flat = httpx.get(f"{web_url}{page.get_attribute('#export-flat', 'href')}").text.splitlines()
    assert len(flat) == len(exported) and '"actor_codes"' in flat[0]


def test_web_actor_search_takes_names(page, web_url):
    goto(page, web_url)
    page.fill("#f-a", "colombia")
    page.click("#apply")
    page.wait_for_function("() => location.hash.includes('a=COL')")
    wait_for_panels(page)
    assert (
        int(page.get_attribute("#events-total", "data-total"))
        == api(web_url, "/events", actor="COL", limit=1, background="false")["total"]
    )
    page.fill("#f-a", "Peruvian")
    page.fill("#f-b", "u.s.")
    page.select_option("#f-role", "recipient")
    page.click("#apply")
    page.wait_for_function("() => location.hash.includes('a=PER') && location.hash.includes('b=USA')")
    wait_for_panels(page)
    expected = api(web_url, "/events", dyad="PER,USA", role="recipient", limit=1, background="false")["total"]
    assert int(page.get_attribute("#events-total", "data-total")) == expected
    page.fill("#f-a", "Atlantis")
    page.click("#apply")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "Atlantis" in page.inner_text("#filter-error")


def evidence(event: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    items = [("actor", a) for a in event["actor"]] + [("recipient", r) for r in event["recipient"]]
    items += [("trigger", event["trigger"])]
    items += [("quantity", q) for q in event["quantities"]] + [("money", m) for m in event["money"]]
    if event.get("date_evidence"):
        items.append(("date", event["date_evidence"]))
    return items


def test_web_article_highlights_every_evidence_span(page, web_url, artifacts):
    goto(page, web_url, "a=IND&b=RUS")
    # Open the article of the event with the most evidence, by clicking its row.
    events = api(web_url, "/events", dyad="IND,RUS", limit=50, background="false")["events"]
    richest = max(events, key=lambda e: len(evidence(e)))
    page.click(f"#events-table tbody tr[data-event-id='{richest['id']}']")
    page.wait_for_selector("#article-view:not([hidden]) #article-text mark")

    article = api(web_url, f"/articles/{richest['article_id']}")
    assert page.locator("#article-title").inner_text() == (article["title"] or article["id"])
    assert page.locator("#article-text").inner_text().split() == article["text"].split()
    checked = 0
    for event in article["events"]:
        for kind, item in evidence(event):
            mark = page.locator(
                f"#article-text mark[data-kind='{kind}'][data-start='{item['start']}'][data-end='{item['end']}']"
            )
            assert mark.count() == 1, (kind, item)
            assert mark.text_content() == item.get("text", item.get("entity_text")), (kind, item)
            checked += 1
    assert checked >= 5
    assert page.locator("#article-events li").count() == len(article["events"])
    on = page.locator("#article-text mark.on").all()
    assert {(m.get_attribute("data-kind"), int(m.get_attribute("data-start"))) for m in on} >= {
        (k, i["start"]) for k, i in evidence(richest)
    }
    assert page.locator("#evidence-legend mark").count() == 8  # six of events, two of records
    page.screenshot(path=str(artifacts / "dashboard-article.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector("#article-view", state="hidden")


def test_web_article_markup_renders_as_text(page, tmp_path, fixture_db, artifacts):
    """An article whose text and title carry <script> and <img onerror> shows them as characters."""
    from accord.api import create_app
    from accord.store import Database

    text = (
        f"Protesters from France {fixture_db.XSS_SCRIPT} demonstrated outside the embassy of Germany "
        f"{fixture_db.XSS_IMG} on Sunday, police said."
    )
    spec = fixture_db.Spec(
        text, "demonstrated", "PROTEST", "141", -6.5, 3, [("France", "FRA")], [("Germany", "DEU")]
    )
    result = fixture_db.make_result(
        "markup-1", "2022-05-08", f"Protest <b>report</b> {fixture_db.XSS_IMG}", text, [spec]
    )
    with Database(tmp_path / "markup.duckdb") as db:
        db.write_result(result)

    with fixture_db.running_server(create_app(tmp_path / "markup.duckdb")) as url:
        page.goto(f"{url}/")
        page.wait_for_selector("#events-table tbody tr[data-article-id='markup-1']")
        assert fixture_db.XSS_SCRIPT in page.locator("#events-table tbody").inner_text()
        page.click("#events-table tbody tr[data-article-id='markup-1']")
        page.wait_for_selector("#article-view:not([hidden]) #article-text mark")
        body = page.locator("#article-text")
        assert fixture_db.XSS_SCRIPT in body.text_content()
        assert fixture_db.XSS_IMG in body.text_content()
        assert page.locator("#article-title").text_content() == result.article.title
        assert page.locator("img").count() == 0
        assert page.locator("body script").count() == 0
        assert page.locator("#article-title *").count() == 0
        page.wait_for_timeout(200)  # give any injected handler a chance to run
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.screenshot(path=str(artifacts / "article-markup.png"))


def test_web_counting_real_events_changes_every_panel_and_the_table(page, web_url, artifacts, shoot):
    goto(page, web_url)
    reports = panel_counts(page)["table"]
    page.select_option("#f-unit", "events")
    page.click("#apply")
    page.wait_for_function("() => new URLSearchParams(location.hash.slice(1)).get('unit') === 'events'")
    wait_for_panels(page)
    real = api(web_url, "/events", limit=1, background="false", distinct="true")["total"]
    assert real < reports  # the reports hold some events told by several articles
    counts = panel_counts(page)
    assert (counts["table"], counts["timeline"], counts["overview"]) == (real, real, real), counts
    # A row is one real event; opening it shows the report whose values it carries.
    row = page.locator("#events-table tbody tr[data-event-id]").first
    assert row.get_attribute("data-event-id").startswith("cl-")
    row.click()
    page.wait_for_selector("#article-events .current")
    assert page.get_attribute("#article-events .current", "data-event-id").startswith("ev-")
    shoot(page, "#events-card", artifacts / "dashboard-real-events.png")
