"""Kill-then-resume: what re-running an interrupted ``accord ingest`` costs (prints figures).

Copies ``--articles`` TimeML reports from ``../shared/data/te3-silver-news`` to a temporary folder,
then times, each as a real ``accord ingest`` process:

1. a clean run into an empty database;
2. a run into a second database, killed (SIGKILL) once ``--kill-at`` of the articles are stored;
3. the re-run over the same inputs, which skips the stored articles before parsing them.

Prints both times, the re-run/clean ratio, and the share of articles the re-run had left to do:
the ratio should follow that share (plus the fixed cost of starting and loading the model, also
printed, as the time of a run over no new article).

    .venv/bin/python bench/bench_resume.py [--articles 300] [--kill-at 0.4] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def ingest_command(folder: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "accord", "ingest", str(folder), "--db", str(db), *extra]


def timed_run(folder: Path, db: Path) -> float:
    began = time.perf_counter()
    done = subprocess.run(ingest_command(folder, db, "--quiet"), capture_output=True, text=True)
    if done.returncode not in (0, 3):
        raise RuntimeError(done.stderr)
    return time.perf_counter() - began


def stored_articles(db: Path) -> int:
    """Articles committed so far, read as ``accord serve`` would (the writer lets go between commits)."""
    from accord.errors import StoreError
    from accord.store import open_database

    if not db.exists():
        return 0
    try:
        with open_database(db, read_only=True, wait=2.0) as database:
            return int(database.stats()["articles"])
    except StoreError:
        return 0


def killed_run(folder: Path, db: Path, kill_at: int) -> int:
    """Run until ``kill_at`` articles are committed, SIGKILL it; returns the articles stored."""
    process = subprocess.Popen(
        ingest_command(folder, db, "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while stored_articles(db) < kill_at:
        if process.poll() is not None:
            raise RuntimeError("the ingest ended before it could be killed")
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return stored_articles(db)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--kill-at", type=float, default=0.4)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    args = parser.parse_args()
    source = args.shared / "data" / "te3-silver-news"
    files = sorted(source.glob("*.tml"))[: args.articles]
    if len(files) < args.articles:
        sys.exit(f"need {args.articles} .tml files in {source}, found {len(files)}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for path in files:
            shutil.copyfile(path, folder / path.name)
        clean = timed_run(folder, Path(tmp) / "clean.duckdb")
        nothing_new = timed_run(folder, Path(tmp) / "clean.duckdb")
        resumed_db = Path(tmp) / "resumed.duckdb"
        stored = killed_run(folder, resumed_db, int(args.kill_at * len(files)))
        rerun = timed_run(folder, resumed_db)
    left = (len(files) - stored) / len(files)
    print(f"{len(files)} te3-silver-news reports, one process each run")
    print(f"clean run:                  {clean:6.1f} s")
    print(f"killed after {stored} stored ({stored / len(files):.0%}); re-run: {rerun:6.1f} s")
    print(f"re-run / clean:             {rerun / clean:6.2f}   (share left to do: {left:.2f})")
    print(f"run with nothing new:       {nothing_new:6.1f} s   (start-up and model loading)")


if __name__ == "__main__":
    main()
