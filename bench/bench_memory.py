"""Flat memory: the peak memory of an ingest of 10,000 articles against one of 1,000, for both engines.

    .venv/bin/python bench/bench_memory.py [--small 1000] [--large 10000] [--no-ray]

Inputs are the first ``--small`` and ``--large`` Reuters-21578 stories (one JSON Lines file each,
made from ../shared/data/reuters21578). Each run is a whole process (``accord ingest --workers 2``
into a new DuckDB file; ``accord ingest --engine ray --workers 2`` to a new Parquet dataset); its
memory is the peak of the summed PSS of the process and every process it starts. Target: the
large run's peak within 10% of the small run's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

# Run as ``python bench/...``: the script's folder is on sys.path, so its helpers import by name.
import scale_tools as tools

TARGET = 1.10


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    accord = [sys.executable, "-m", "accord", "ingest"]
    print(f"bench_memory {dt.date.today()}; load average before: {tools.load_average()}")
    engines = {"local, 2 workers": ["--workers", "2"]}
    if not args.no_ray:
        engines["Ray, 2 CPUs"] = ["--engine", "ray", "--workers", "2"]
    with tempfile.TemporaryDirectory(prefix="accord-memory-") as tmp:
        work = Path(tmp)
        inputs = {n: tools.reuters_jsonl(n, work / f"reuters-{n}.jsonl") for n in (args.small, args.large)}
        rows = []
        for engine, options in engines.items():
            peaks = {}
            for n, path in inputs.items():
                out = work / f"{engine[:5]}-{n}"
                target = ["--dataset", f"{out}.parquet"] if "ray" in options else ["--db", f"{out}.duckdb"]
                measured = tools.measure([*accord, str(path), *options, *target, "--quiet"])
                peaks[n] = measured.peak_mb
                print(
                    f"  {engine}, {n:,} articles: {measured.seconds:.0f} s, peak {measured.peak_mb:.0f} MB",
                    flush=True,
                )
            rows.append((engine, peaks[args.small], peaks[args.large]))
    print(f"load average after: {tools.load_average()}\n")
    print(f"| engine | peak MB, {args.small:,} articles | peak MB, {args.large:,} articles | ratio |")
    print("|---|---|---|---|")
    for engine, small, large in rows:
        print(f"| {engine} | {small:.0f} | {large:.0f} | {large / small:.2f} |")
    print(f"\ntarget: ratio <= {TARGET:.2f}")


if __name__ == "__main__":
    main()
