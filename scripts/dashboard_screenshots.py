"""Take the README's dashboard screenshots from a database built by Accord from real reports.

The database is the bundled sample (the reference report and 12 MUC-4 reports) and the 88 MUC-4 reports
of tests/data/web (public domain), ingested by the real pipeline into a temporary file; nothing in it is
hand-made. Needs Playwright and Debian's chromium (/usr/bin/chromium).

Usage: .venv/bin/python scripts/dashboard_screenshots.py   (writes docs/dashboard*.png)
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
INPUTS = [ROOT / "samples", ROOT / "tests" / "data" / "web"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    import accord
    from accord.api import create_app

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "reports.duckdb"
        report = accord.ingest_files([str(p) for p in INPUTS], str(db))
        print(report)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()

            def settle(state: str) -> None:
                page.goto(f"{url}/#{state}")
                page.wait_for_function(
                    "() => ['#timeline', '#network', '#map', '#events-total', '#overview-totals'].every("
                    "s => document.querySelector(s).dataset.drawn === document.body.dataset.filters)"
                )

            def element(selector: str, name: str) -> None:
                box = page.evaluate(
                    "s => { const r = document.querySelector(s).getBoundingClientRect();"
                    " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }",
                    selector,
                )
                page.screenshot(path=str(DOCS / name), full_page=True, clip=box)

            settle("a=COL")
            page.screenshot(path=str(DOCS / "dashboard.png"))
            settle("")
            element("#network-card", "dashboard-network.png")
            element("#map-card", "dashboard-map.png")
            browser.close()
        server.should_exit = True
        thread.join(timeout=5)
    print("docs/dashboard.png, docs/dashboard-network.png, docs/dashboard-map.png")


if __name__ == "__main__":
    main()
