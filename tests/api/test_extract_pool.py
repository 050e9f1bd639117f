"""``POST /extract`` bounded: text length (413), run time (504), busy workers (503), a client that
leaves (its worker killed), and a server that stops on the first SIGTERM during a long extract."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from accord.api import create_app

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def children_of(pid: int) -> set[int]:
    """The live child processes of ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_extract_pool_limits_time_and_kills_the_worker_of_a_client_that_left(api_db, fixture_db):
    from accord_test_extractors import sleepy_extractor

    app = create_app(api_db, extractor=sleepy_extractor, extract_timeout=1.5, max_extract_chars=50)
    pool = app.state.extract_pool
    with fixture_db.running_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        fine = client.post("/extract", json={"text": "0 One. Two.", "date": "2021-12-06"})
        assert fine.status_code == 200 and fine.json()["count"] == 2
        [first] = pool.processes

        too_long = client.post("/extract", json={"text": "0 " + "x" * 60, "date": "2021-12-06"})
        assert too_long.status_code == 413
        assert too_long.json()["error"] == "text is 62 characters, over the limit of 50"

        began = time.monotonic()
        slow = client.post("/extract", json={"text": "30 Slow.", "date": "2021-12-06"})
        assert slow.status_code == 504 and time.monotonic() - began < 5
        assert slow.json()["error"] == "extraction took longer than 1.5 s; send a shorter text"
        assert wait_until(lambda: first not in pool.processes and not os.path.exists(f"/proc/{first}"))

        # A client that gives up: its worker is killed at once, not left parsing.
        with pytest.raises(httpx.ReadTimeout):
            client.post("/extract", json={"text": "1.2 Slow.", "date": "2021-12-06"}, timeout=0.8)
        [second] = pool.processes
        assert wait_until(lambda: second not in pool.processes, 3.0)

        # A fresh worker serves the next request.
        again = client.post("/extract", json={"text": "0 Back.", "date": "2021-12-06"})
        assert again.status_code == 200 and again.json()["count"] == 1


def test_extract_pool_busy_workers_answer_503(api_db, fixture_db):
    from accord_test_extractors import sleepy_extractor

    app = create_app(api_db, extractor=sleepy_extractor, extract_timeout=1.0, extract_workers=1)
    with fixture_db.running_server(app) as url:
        httpx.post(f"{url}/extract", json={"text": "0 Warm.", "date": "2021-12-06"}, timeout=30)
        answers: list[httpx.Response] = []
        hold = threading.Thread(
            target=lambda: answers.append(
                httpx.post(f"{url}/extract", json={"text": "0.9 Hold.", "date": "2021-12-06"}, timeout=30)
            )
        )
        hold.start()
        time.sleep(0.2)
        late = httpx.post(f"{url}/extract", json={"text": "5 Late.", "date": "2021-12-06"}, timeout=30)
        hold.join()
    assert answers[0].status_code == 200
    # The second waited for the only worker, got it after ~0.7 s, then ran past its limit.
    assert late.status_code == 504


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_extract_pool_report_dates_out_of_range_are_422(client, date):
    response = client.post("/extract", json={"text": "Hi.", "date": date})
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"report date {date} is outside 1800-01-01 .. ")


@pytest.mark.slow
def test_extract_pool_real_server_stops_on_the_first_sigterm_during_a_long_extract(api_db, tmp_path):
    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "accord", "serve", "--db", str(api_db), "--port", str(port),
         "--extract-timeout", "120", "--extract-max-chars", "400000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: _answers(url), 60), "the server did not start"
        # The real model: a small text first, then ~250 kB of news text, which takes minutes.
        small = httpx.post(
            f"{url}/extract",
            json={"text": "India and Russia signed four defence agreements on Monday.", "date": "2021-12-06"},
            timeout=120,
        )
        assert small.status_code == 200 and small.json()["count"] >= 1
        [worker] = children_of(server.pid) - _resource_trackers(server.pid)
        paragraph = (
            "India and Russia signed four defence agreements on Monday in New Delhi, officials said. "
            "Pakistan accused India of backing the rebels, and China urged both sides to hold talks.\n\n"
        )
        long_text = paragraph * (250_000 // len(paragraph))
        answers: list[object] = []

        def send() -> None:
            try:
                answers.append(
                    httpx.post(f"{url}/extract", json={"text": long_text, "date": "2021-12-06"}, timeout=60)
                )
            except httpx.HTTPError as exc:
                answers.append(exc)

        sender = threading.Thread(target=send)
        sender.start()
        time.sleep(3)  # the worker is deep in the parse
        assert server.poll() is None
        began = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
        stopped_after = time.monotonic() - began
        sender.join(timeout=15)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert stopped_after < 6, f"the server took {stopped_after:.1f} s to stop"
    assert not os.path.exists(f"/proc/{worker}") or "Z" in Path(f"/proc/{worker}/stat").read_text()
    [answer] = answers
    assert isinstance(answer, httpx.HTTPError) or answer.status_code == 503


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _resource_trackers(pid: int) -> set[int]:
    """multiprocessing's resource tracker is a child too; it is not a worker."""
    found = set()
    for child in children_of(pid):
        try:
            if b"resource_tracker" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.add(child)
        except OSError:
            continue
    return found
