"""The dashboard's network, map, API docs and flags in a real headless Chromium over real reports
(see conftest.py), checked against the API; screenshots go to test-artifacts/."""

from __future__ import annotations

import shutil
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

PANELS = ["#timeline", "#network", "#map", "#events-total", "#overview-totals"]


def api(base: str, path: str, **params: Any) -> Any:
    return httpx.get(f"{base}{path}", params=params, timeout=10).json()


def goto(page: Any, base: str, state: str = "") -> None:
    page.goto(f"{base}/#{state}")
    page.wait_for_selector("#events-table tbody tr")
    page.wait_for_function(
        "panels => panels.every(s => document.querySelector(s).dataset.drawn === document.body.dataset.filters)",
        arg=PANELS,
    )


def test_web_network_edge_opens_its_events(page, web_url, artifacts, shoot):
    goto(page, web_url)
    network = api(web_url, "/network", limit=60, background="false", count="mentions")
    paths = page.locator("#network svg path.edge")
    drawn = {
        (paths.nth(i).get_attribute("data-source"), paths.nth(i).get_attribute("data-target"))
        for i in range(paths.count())
    }
    assert drawn == {(e["source"], e["target"]) for e in network["edges"]}
    shoot(page, "#network-card", artifacts / "dashboard-network.png")
    # The busiest edge between two named countries: its arc opens exactly its events.
    edge = next(e for e in network["edges"] if "UNK" not in (e["source"], e["target"]))
    arc = page.locator(
        f"#network svg path.edge[data-source='{edge['source']}'][data-target='{edge['target']}']"
    ).first
    arc.dispatch_event("click")
    page.wait_for_function(
        "([a, b]) => location.hash.includes(`a=${a}`) && location.hash.includes(`b=${b}`)"
        " && location.hash.includes('role=actor')",
        arg=[edge["source"], edge["target"]],
    )
    page.wait_for_function(
        "n => document.querySelector('#events-total').dataset.total === String(n)"
        " && document.querySelector('#events-total').dataset.drawn === document.body.dataset.filters",
        arg=edge["events"],
    )
    rows = page.locator("#events-table tbody tr[data-event-id]")
    assert rows.count() == edge["events"]
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert edge["source"] in cells.nth(2).inner_text() and edge["target"] in cells.nth(3).inner_text()


def test_web_network_labels_do_not_collide(page, web_url):
    goto(page, web_url)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('#network svg text.label:not(.hidden-label)')]
               .map(t => { const b = t.getBBox(); return [t.textContent, b.x, b.y, b.width, b.height]; })"""
    )
    assert len(boxes) >= 10
    for i, (name, x, y, w, h) in enumerate(boxes):
        for other, x2, y2, w2, h2 in boxes[i + 1 :]:
            apart = x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y
            assert apart, f"labels {name} and {other} overlap"


def test_web_network_ego_view_centres_the_actor(page, web_url):
    goto(page, web_url, "a=COL")
    centre = page.evaluate(
        """() => { const svg = document.querySelector('#network svg');
                   const c = svg.querySelector("g.node[data-code='COL'] circle");
                   return [+c.getAttribute('cx'), +c.getAttribute('cy'), +svg.getAttribute('width'), +svg.getAttribute('height')]; }"""
    )
    cx, cy, width, height = centre
    assert abs(cx - width / 2) < 1 and abs(cy - height / 2) < 1
    edges = page.locator("#network svg path.edge")
    assert edges.count() > 0
    for i in range(edges.count()):
        assert "COL" in (edges.nth(i).get_attribute("data-source"), edges.nth(i).get_attribute("data-target"))


def test_web_map_shows_the_events_places(page, web_url, artifacts, shoot):
    goto(page, web_url)
    places = api(web_url, "/places", background="false", count="mentions")
    dots = page.locator("#map svg circle.place")
    assert dots.count() == len(places["places"]) > 5
    shown = {
        (dots.nth(i).get_attribute("data-name"), int(dots.nth(i).get_attribute("data-events")))
        for i in range(dots.count())
    }
    assert shown == {(p["name"], p["events"]) for p in places["places"]}
    total = api(web_url, "/events", limit=1, background="false")["total"]
    assert int(page.get_attribute("#map", "data-total")) == total
    # The places of the reports are there: Bogota, Lima and San Salvador, with their events.
    names = {p["name"] for p in places["places"]}
    assert {"Lima", "San Salvador"} <= names and any(n.startswith("Bogot") for n in names)
    assert page.locator("#map svg .land path").count() > 150  # the offline world outline
    shoot(page, "#map-card", artifacts / "dashboard-map.png")
    # Filtered like the rest: one country's events only.
    goto(page, web_url, "a=PER")
    per = api(web_url, "/places", actor="PER", background="false", count="mentions")
    assert page.locator("#map svg circle.place").count() == len(per["places"]) < len(places["places"])


def test_web_docs_renders_the_api(browser, web_url, artifacts):
    # The page's own Content-Security-Policy applies here (not bypassed): the docs must render under it.
    context = browser.new_context(viewport={"width": 1280, "height": 1100})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{web_url}/docs")
        page.wait_for_selector(".opblock-summary-path", timeout=15000)
        paths = {
            page.locator(".opblock-summary-path").nth(i).inner_text()
            for i in range(page.locator(".opblock-summary-path").count())
        }
        assert {"/events", "/timeline", "/network", "/places", "/overview", "/codes", "/flags"} <= {
            p.replace("\u200b", "") for p in paths
        }
        assert "Unable to render" not in page.inner_text("body")
        page.screenshot(path=str(artifacts / "dashboard-docs.png"))
        assert not errors, errors
    finally:
        context.close()


def test_web_flag_round_trips(page, web_db, fixture_db, tmp_path, artifacts, shoot):
    from accord.api import create_app

    path = tmp_path / "writable.duckdb"
    shutil.copy(web_db, path)
    with fixture_db.running_server(create_app(path, writable=True)) as url:
        goto(page, url, "a=IND&b=RUS")
        before = int(page.get_attribute("#events-total", "data-total"))
        row = page.locator("#events-table tbody tr[data-event-id]").first
        event_id = row.get_attribute("data-event-id")
        row.click()
        item = page.locator(f"#article-events li[data-event-id='{event_id}']")
        item.locator("button.flag-button").click()
        form = item.locator("form.flag-form")
        form.locator("select[name=problem]").select_option("side")
        form.locator("input[name=note]").fill("the recipient is the other country")
        form.locator("input[name=correction]").fill("RUS -> IND")
        page.screenshot(path=str(artifacts / "dashboard-flag-form.png"))
        form.locator("button[type=submit]").click()
        item.locator(".chip.flagged").wait_for()
        flags = api(url, "/flags")["flags"]
        assert [(f["event_id"], f["problem"], f["correction"]) for f in flags] == [
            (event_id, "side", "RUS -> IND")
        ]
        shoot(page, "#article-view", artifacts / "dashboard-flag.png")
        page.keyboard.press("Escape")
        # Left out of the counts now, and found with "Flagged: only".
        page.wait_for_function(
            "n => document.querySelector('#events-total').dataset.total === String(n)", arg=before - 1
        )
        page.select_option("#f-flagged", "only")
        page.click("#apply")
        page.wait_for_function("() => document.querySelector('#events-total').dataset.total === '1'")
        assert (
            page.locator("#events-table tbody tr[data-event-id]").get_attribute("data-event-id") == event_id
        )
        review = httpx.get(f"{url}/flags", params={"format": "csv"}).text
        assert event_id in review and "the recipient is the other country" in review


def test_web_flags_are_refused_on_a_read_only_server(page, web_url):
    goto(page, web_url, "a=IND&b=RUS")
    page.locator("#events-table tbody tr[data-event-id]").first.click()
    page.wait_for_selector("#article-events li button.flag-button")
    assert page.locator("#article-events li button.flag-button").first.is_disabled()
    assert "--writable" in page.locator("#article-events li button.flag-button").first.get_attribute("title")
