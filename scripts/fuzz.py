"""A longer fuzz run of the readers and resolvers (the property tests of the suite, more cases).

Runs ``tests/ingest/test_ingest_fuzz.py`` and ``tests/resolve/test_resolve_fuzz.py`` with
``ACCORD_FUZZ_EXAMPLES`` cases per property (the suite uses 60-80), and prints how many cases ran
and how many properties failed (a crash or a broken property; pytest's report above the figures
shows the smallest failing input).

    .venv/bin/python scripts/fuzz.py [--examples 2000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ["tests/ingest/test_ingest_fuzz.py", "tests/resolve/test_resolve_fuzz.py"]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="cases per property")
    args = parser.parse_args()
    env = {**os.environ, "ACCORD_FUZZ_EXAMPLES": str(args.examples)}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        *FILES,
    ]
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    output = done.stdout + done.stderr
    counts = re.findall(r"(\d+) passing, (\d+) failing, and \d+ invalid test cases", output)
    cases = sum(int(passing) + int(failing) for passing, failing in counts)
    failed = re.search(r"(\d+) failed", output)
    crashes = int(failed.group(1)) if failed else 0
    if crashes:
        print(output[-8000:])
    print(
        f"fuzz run: {cases:,} cases over {len(re.findall(r'^tests/.*::', output, re.MULTILINE))} properties in {seconds:.0f} s"
    )
    print(f"properties failed (crashes or broken properties): {crashes}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
