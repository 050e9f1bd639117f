"""A live server and a headless Chromium for the dashboard tests (marked ``browser``).

Skips cleanly when Playwright or Debian's chromium (/usr/bin/chromium) is missing. The browser is
launched with networking features off, since the machine has no network to talk to.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Real public-domain reports: the MUC-4 TST4 messages 13-100 (FBIS, 1988-89; see SOURCE.md there).
REPORTS = Path(__file__).resolve().parents[1] / "data" / "web"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    """The bundled sample (the seed and 12 MUC-4 reports) and 88 more MUC-4 reports, run through the
    real pipeline: every record the dashboard tests see was found by Accord in a real report."""
    from accord.ingest import read_articles
    from accord.pipeline import Extractor
    from accord.records import Article
    from accord.store import Database

    path = tmp_path_factory.mktemp("web") / "reports.duckdb"
    articles = [a for a in read_articles([SAMPLES, REPORTS]) if isinstance(a, Article)]
    assert any(a.id == "000_5d68f7ddc8901266" for a in articles) and len(articles) == 101
    with Database(path) as database:
        for result in Extractor(nlp).extract_articles(articles):
            database.write_result(result)
    return path


@pytest.fixture(scope="session")
def web_url(web_db: Path, fixture_db: ModuleType) -> Iterator[str]:
    from accord.api import create_app

    with fixture_db.running_server(create_app(web_db)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    executable = str(CHROMIUM) if CHROMIUM.is_file() else shutil.which("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any uncaught script error.

    The page's Content-Security-Policy is bypassed: Playwright's waits evaluate strings, and the
    markup test must show that the page itself never turns article text into elements, with no
    help from the policy (tests/api checks that the policy is sent).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 950}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def shoot() -> Any:
    """``shoot(page, selector, path)``: see ``_shoot``."""
    return _shoot


def _shoot(page: Any, selector: str, path: Path) -> None:
    """A screenshot of one element, taken from the whole page so that the sticky filter bar does not
    cover it."""
    box = page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }",
        selector,
    )
    page.screenshot(path=str(path), full_page=True, clip=box)
