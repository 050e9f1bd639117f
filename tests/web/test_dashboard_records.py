"""The dashboard's records view in a real headless Chromium, over the bundled samples run through the
real pipeline (see conftest.py): its tabs list the seed's seven records as the API gives them, and a
record opens its article with that record's evidence highlighted."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

SEED_ID = "000_5d68f7ddc8901266"
TYPES = ("agreements", "deals", "meetings")


def seed_records(base: str) -> dict[str, list[dict[str, Any]]]:
    found = {}
    for kind in TYPES:
        body = httpx.get(f"{base}/{kind}", params={"article_id": SEED_ID}, timeout=10).json()
        found[kind] = body[kind]
    return found


def open_tab(page: Any, kind: str) -> None:
    page.click(f"#rtab-{kind}")
    page.wait_for_function(
        "kind => document.querySelector(`#rtab-${kind}`).classList.contains('on')"
        " && document.querySelector('#records-table thead th') !== null",
        arg=kind,
    )


def test_web_records_view_lists_the_seed_records(page, web_url, artifacts):
    expected = seed_records(web_url)
    assert [len(expected[k]) for k in TYPES] == [3, 1, 3]
    page.goto(f"{web_url}/")
    page.wait_for_selector("#records-table tbody tr[data-record-id]")
    for kind in TYPES:
        open_tab(page, kind)
        total = httpx.get(f"{web_url}/{kind}", params={"limit": 1}, timeout=10).json()["total"]
        assert page.locator(f"#rtab-{kind}-count").inner_text() == str(total)
        rows = page.locator("#records-table tbody tr[data-record-id]")
        shown = {
            rows.nth(i).get_attribute("data-record-id"): rows.nth(i).inner_text() for i in range(rows.count())
        }
        for record in expected[kind]:
            assert record["id"] in shown
            name = (record.get("item") or record["name"])["text"]  # a deal's row shows its item
            assert " ".join(name.split()[:4]) in shown[record["id"]]
    page.locator("#records-card").screenshot(path=str(artifacts / "dashboard-records.png"))


def test_web_records_view_follows_the_actor_filter(page, web_url):
    page.goto(f"{web_url}/#a=PER&rtab=meetings")
    page.wait_for_selector("#records-table tbody tr")
    total = httpx.get(f"{web_url}/meetings", params={"actor": "PER"}, timeout=10).json()["total"]
    assert page.locator("#rtab-meetings-count").inner_text() == str(total)
    assert page.locator("#records-table tbody tr[data-record-id]").count() == total


def test_web_record_opens_its_article_with_its_evidence_highlighted(page, web_url, artifacts):
    summit = seed_records(web_url)["meetings"][-1]
    assert summit["name"]["text"] == "21st annual India-Russia summit"
    page.goto(f"{web_url}/#rtab=meetings")
    page.click(f"#records-table tbody tr[data-record-id='{summit['id']}']")
    page.wait_for_selector("#article-text mark.hl.on")
    assert page.locator("#article-title").inner_text() == SEED_ID
    on = page.locator("#article-text mark.hl.on")
    highlighted = {on.nth(i).inner_text() for i in range(on.count())}
    assert summit["name"]["text"] in highlighted  # the mention
    assert {
        "21st",
        "annual",
        "Prime Minister Narendra Modi",
        "hold",
    } <= highlighted  # ordinal, recurrence, people, verb
    # Only this record's evidence is on: every lit mark names it.
    for i in range(on.count()):
        assert summit["id"] in on.nth(i).get_attribute("data-records").split()
    current = page.locator("#article-records li.current")
    assert current.count() == 1 and current.get_attribute("data-record-id") == summit["id"]
    page.screenshot(path=str(artifacts / "dashboard-record-evidence.png"))
    # A click on another record's words focuses that record.
    page.click("#article-text mark.hl-record:has-text('protocol of the 20th IRIGC-M&MTC')")
    page.wait_for_function("() => location.hash.includes('record=ag-')")
    assert page.locator("#article-records li.current").inner_text().startswith("agreement")
