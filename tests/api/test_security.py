"""The edge of the API: allowed hosts, strict headers on every answer, no paths in any answer,
a 503 while another process writes the file, formula-safe CSV in every text column."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys

import httpx
import pytest

from accord.api import create_app
from accord.api.security import API_CSP, DASHBOARD_CSP


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "10.0.0.1"])
def test_security_other_hosts_are_refused(api_url, host):
    response = httpx.get(f"{api_url}/events", headers={"host": host})
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and "--allow-host" in body["error"]
    assert response.headers["content-security-policy"] == API_CSP


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:1234", "127.0.0.1:9", "[::1]:8000"])
def test_security_loopback_names_are_served(api_url, host):
    assert httpx.get(f"{api_url}/health", headers={"host": host}).status_code == 200


def test_security_allowed_hosts_are_configurable(api_db, fixture_db):
    app = create_app(api_db, allowed_hosts=["accord.lan"])
    with fixture_db.running_server(app) as url:
        assert httpx.get(f"{url}/health", headers={"host": "accord.lan:8000"}).status_code == 200
        assert httpx.get(f"{url}/health", headers={"host": "localhost"}).status_code == 400
    with fixture_db.running_server(create_app(api_db, allowed_hosts=["*"])) as url:
        assert httpx.get(f"{url}/health", headers={"host": "anything.example"}).status_code == 200


@pytest.mark.parametrize(
    ("path", "policy"),
    [
        ("/", DASHBOARD_CSP),
        ("/static/js/main.js", DASHBOARD_CSP),
        ("/events?limit=1", API_CSP),
        ("/events?format=csv&limit=1", API_CSP),
        ("/health", API_CSP),
        ("/openapi.json", API_CSP),
        ("/no/such/path", API_CSP),
    ],
)
def test_security_every_answer_has_a_policy_and_refuses_frames(client, path, policy):
    response = client.get(path)
    assert response.headers["content-security-policy"] == policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_security_docs_page_allows_only_its_own_inline_script(client):
    import base64
    import hashlib
    import re

    response = client.get("/docs")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert response.headers["x-frame-options"] == "DENY"
    [inline] = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_security_articles_show_file_names_not_folders(client, api_db):
    articles = client.get("/articles", params={"limit": 1000}).json()["articles"]
    assert articles
    for item in articles:
        assert "/" not in (item["origin"] or ""), item
        article = client.get(f"/articles/{item['id']}").json()
        assert article["origin"] == item["origin"]
    assert str(api_db.parent) not in client.get("/articles", params={"limit": 1000}).text


def test_security_a_locked_file_is_503_without_paths(api_db, fixture_db, tmp_path):
    copy = tmp_path / "secret-folder" / "locked.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(api_db, copy)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(copy)!r}); print('ok', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        with fixture_db.running_server(create_app(copy)) as url:
            health = httpx.get(f"{url}/health", timeout=10)
            assert health.status_code == 503
            assert health.json()["status"] == "busy" and "try again" in health.json()["error"]
            for path in ("/events", "/articles", "/actors", "/network"):
                response = httpx.get(f"{url}{path}", timeout=10)
                assert response.status_code == 503, path
                assert response.json() == {
                    "status": 503,
                    "error": "the database is being written by another process (an ingest); try again in a moment",
                }
                assert "secret-folder" not in response.text and "PID" not in response.text
            holder.communicate("")
            assert httpx.get(f"{url}/health", timeout=10).status_code == 200
    finally:
        if holder.poll() is None:
            holder.kill()


def test_security_csv_defuses_formulas_in_ids_too(client):
    from accord.store import event_csv_row

    first = client.get("/events", params={"limit": 1}).json()["events"][0]
    hostile = {**first, "id": "=cmd|' /C calc'!A0", "article_id": "+1+1", "goldstein": -5.0}
    row = event_csv_row(hostile)
    assert row["id"] == "'=cmd|' /C calc'!A0" and row["article_id"] == "'+1+1"
    assert row["goldstein"] == -5.0  # numbers are no formulas
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row.values())
    cells = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_security_unknown_type_and_inverted_range_are_4xx(client):
    assert client.get("/events", params={"type": "BOGUS"}).status_code == 422
    response = client.get("/events", params={"start": "2022-05", "end": "2021-01"})
    assert response.status_code == 400 and response.json()["error"] == "start 2022-05 is after end 2021-01"
