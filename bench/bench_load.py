"""Concurrent reads: ``GET /events`` from 8 clients at once, and from 1 for comparison (prints figures).

Builds (or reuses, ``--db``) a DuckDB file of synthetic events (``bench_api.synthetic_results``,
100,000 by default), starts ``accord serve`` on a free loopback port (its own process, as in use,
so that the clients here do not share its interpreter), and
runs the same varied ``GET /events`` queries (filters, orders, pages; ``bench_api.event_queries``)
first from one client, then from ``--clients`` clients at once, each sending ``--requests``
requests. Prints requests/s, p50, p95 and errors for both, and the target (8 clients: p95 < 100
ms, 0 errors). Loopback only; stops by itself.

    .venv/bin/python bench/bench_load.py [--events 100000] [--clients 8] [--requests 100] [--db FILE] [--keep FILE]
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Run as ``python bench/bench_load.py``: the script's folder is on sys.path, so its helpers import by name.
import bench_api

TARGET_P95_MS = 100.0


def run_clients(url: str, queries: list[list[dict[str, Any]]]) -> tuple[list[float], int, float]:
    """Each list of queries sent by its own client thread, all at once; (latencies ms, errors, seconds)."""
    import httpx

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = threading.Barrier(len(queries) + 1)

    def client(mine: list[dict[str, Any]]) -> None:
        with httpx.Client(base_url=url, timeout=30) as http:
            start.wait()
            for q in mine:
                began = time.perf_counter()
                try:
                    ok = http.get("/events", params=q).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=client, args=(mine,)) for mine in queries]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return latencies, errors[0], time.perf_counter() - began


@contextmanager
def serving(db_path: Path) -> Iterator[str]:
    """``accord serve`` on a free loopback port, until the block ends (then SIGTERM)."""
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "accord", "serve", "--db", str(db_path), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(label: str, latencies: list[float], errors: int, seconds: float, percentile: Any) -> float:
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    print(
        f"{label:10s} requests={len(latencies):4d}  {len(latencies) / seconds:6.1f} requests/s  "
        f"p50={p50:6.1f} ms  p95={p95:6.1f} ms  max={max(latencies):6.1f} ms  errors={errors}"
    )
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="requests per client")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--db", type=Path, help="use this database instead of building one")
    parser.add_argument("--keep", type=Path, help="also copy the built database here (for --db)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "load.duckdb"
        if args.db is None:
            print(f"building {args.events:,} events ...", flush=True)
            seconds = bench_api.build(db_path, args.events, rng)
            print(f"built in {seconds:.1f} s")
            if args.keep:
                args.keep.write_bytes(db_path.read_bytes())
        with serving(db_path) as url:
            warm = [bench_api.event_queries(rng, 30)]
            run_clients(url, warm)  # columns into memory, as a server that has run a while
            alone = [bench_api.event_queries(rng, args.requests)]
            together = [bench_api.event_queries(rng, args.requests) for _ in range(args.clients)]
            print(f"GET /events over {db_path.stat().st_size / 1e6:.0f} MB, varied filters, orders and pages")
            report("1 client", *run_clients(url, alone), bench_api.percentile)
            p95 = report(f"{args.clients} clients", *run_clients(url, together), bench_api.percentile)
    met = p95 < TARGET_P95_MS
    print(
        f"target with {args.clients} clients: p95 < {TARGET_P95_MS:.0f} ms and 0 errors: {'met' if met else 'NOT met'}"
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
