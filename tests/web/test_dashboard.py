"""The dashboard in a real headless Chromium against a live server (see conftest.py).

What the page shows is checked against what the API answers for the same question, and
screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser


def api(base: str, path: str, **params: Any) -> Any:
    return httpx.get(f"{base}{path}", params=params, timeout=10).json()


def choose_dyad(page: Any, a: str, b: str) -> None:
    page.fill("#f-a", a)
    page.fill("#f-b", b)
    page.click("#apply")
    page.wait_for_function(
        "([a, b]) => document.querySelector('#timeline-title').textContent.includes(`${a} ↔ ${b}`)"
        " && document.querySelector('#timeline svg') !== null"
        " && document.querySelector('#events-total').textContent.includes(`${a} ↔ ${b}`)",
        arg=[a, b],
    )


def test_web_dyad_shows_timeline_and_events(page, web_url, artifacts):
    page.goto(f"{web_url}/")
    page.wait_for_selector("#network svg")
    choose_dyad(page, "IND", "RUS")

    periods = api(web_url, "/dyads/IND/RUS/timeline", interval="month")["periods"]
    expected = api(web_url, "/events", dyad="IND,RUS", limit=1)["total"]
    assert expected > 0
    # Stacked bars: one rect per non-zero quad count of each period.
    bars = page.locator("#timeline svg rect.bar")
    assert bars.count() == sum(1 for p in periods for q in ("q1", "q2", "q3", "q4") if p[q])
    assert page.locator("#timeline svg rect.hover-band").count() == len(periods)
    # The timeline counts real events (clusters), the table lists every mention.
    real_events = api(web_url, "/events", dyad="IND,RUS", limit=1, distinct="true")["total"]
    assert page.locator("#timeline .chart-note").inner_text().startswith(f"{real_events} events")

    rows = page.locator("#events-table tbody tr")
    assert rows.count() == min(expected, 50)
    assert page.locator("#events-total").inner_text().startswith(str(expected))
    for i in range(rows.count()):
        sides = (
            rows.nth(i).locator("td").nth(2).inner_text()
            + " "
            + rows.nth(i).locator("td").nth(3).inner_text()
        )
        assert "IND" in sides and "RUS" in sides
    page.screenshot(path=str(artifacts / "dashboard-dyad.png"), full_page=True)

    page.click("#chart-lines")
    # The chart redraws when the URL's state changes: wait for the drawing, not for its first element.
    page.wait_for_function("document.querySelectorAll('#timeline svg polyline').length === 4")
    page.screenshot(path=str(artifacts / "dashboard-lines.png"))


def test_web_paging_and_exports_follow_the_filters(page, web_url):
    page.goto(f"{web_url}/#limit=25")
    page.wait_for_selector("#events-table tbody tr")
    total = api(web_url, "/events", limit=1)["total"]
    assert total > 25
    assert page.locator("#page-info").inner_text() == f"1–25 of {total}"
    first_page = page.locator("#events-table tbody tr").first.get_attribute("data-event-id")
    page.click("#next-page")
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('26–')")
    assert page.locator("#events-table tbody tr").first.get_attribute("data-event-id") != first_page

    choose_dyad(page, "USA", "CHN")
    href = page.get_attribute("#export-csv", "href")
    assert "dyad=USA%2CCHN" in href and "format=csv" in href and "offset=0" in href
    exported = list(csv.DictReader(io.StringIO(httpx.get(f"{web_url}{href}").text)))
    shown = page.locator("#events-table tbody tr")
    assert [r["id"] for r in exported] == [
        shown.nth(i).get_attribute("data-event-id") for i in range(shown.count())
    ]
    jsonl = httpx.get(f"{web_url}{page.get_attribute('#export-jsonl', 'href')}").text.splitlines()
    assert len(jsonl) == len(exported)


def test_web_network_node_click_filters_by_actor(page, web_url):
    page.goto(f"{web_url}/")
    # Click the node's circle: the centre of the whole group (circle + label) can fall on bare SVG.
    node = page.locator("#network svg g.node[data-code='CHN'] circle")
    node.click()
    page.wait_for_function("document.querySelector('#events-total').textContent.includes('CHN')")
    assert page.input_value("#f-a") == "CHN" and page.input_value("#f-b") == ""
    total = api(web_url, "/events", actor="CHN", limit=1)["total"]
    assert page.locator("#events-total").inner_text().startswith(str(total))
    edges = page.locator("#network svg path.edge")
    assert edges.count() == len(api(web_url, "/network", limit=80)["edges"])


def evidence(event: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    items = [("actor", a) for a in event["actor"]] + [("recipient", r) for r in event["recipient"]]
    items += [("trigger", event["trigger"])]
    items += [("quantity", q) for q in event["quantities"]] + [("money", m) for m in event["money"]]
    if event.get("date_evidence"):
        items.append(("date", event["date_evidence"]))
    return items


def test_web_article_highlights_every_evidence_span(page, web_url, artifacts):
    page.goto(f"{web_url}/")
    choose_dyad(page, "IND", "RUS")
    # Open the article of the event with the most evidence, by clicking its row.
    events = api(web_url, "/events", dyad="IND,RUS", limit=50, order="-date")["events"]
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
    # The clicked event is the focused one: its spans are on, the others dimmed.
    on = page.locator("#article-text mark.on").all()
    assert {(m.get_attribute("data-kind"), int(m.get_attribute("data-start"))) for m in on} >= {
        (k, i["start"]) for k, i in evidence(richest)
    }
    assert page.locator("#article-text mark:not(.on)").count() > 0
    assert page.locator("#evidence-legend mark").count() == 8  # six of events, two of records
    page.screenshot(path=str(artifacts / "article-evidence.png"))

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
