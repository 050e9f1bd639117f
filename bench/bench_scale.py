"""Scaling: articles/s and peak memory of a bare spaCy pass, Accord on 1 and 2 cores, and Ray on 2 CPUs,
on the same articles in one run; and what 1 million articles a day would take.

    .venv/bin/python bench/bench_scale.py [--articles 2000] [--repeat 1]

Every row is a whole process, as a user runs it (model loading included), over the first
``--articles`` te3-silver-news reports (AFP/Xinhua wire stories):

- bare spaCy: ``nlp.pipe`` over the texts with the model Accord uses and every component Accord
  reads (tagger, parser, lemmatizer, NER: the model's whole pipeline), batches of 32, nothing else;
- Accord extract: ``accord extract`` (the full pipeline, one process, nothing stored): its time
  over the bare pass is the pipeline's overhead (target <= 1.15);
- Accord ingest, 1 and 2 workers: ``accord ingest --workers N`` into a new DuckDB file (target:
  2 workers >= 1.6x 1 worker on 2 cores);
- Ray: ``accord ingest --engine ray --workers 2`` (a local Ray of 2 CPUs) to a Parquet dataset.

The rows run one after another, ``--repeat`` rounds alternated; each row's best time is kept.
Memory is the peak of the summed PSS of the process and all it starts. The load average is
printed before and after: the figures mean something only on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

# Run as ``python bench/...``: the script's folder is on sys.path, so its helpers import by name.
import scale_tools as tools

HERE = Path(__file__).resolve().parent
PER_DAY = 1_000_000
UTILISATION = 0.7  # of each core, sustained, in the cost model


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray row")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE)
    print(f"bench_scale {dt.date.today()} commit {commit.stdout.strip() or '?'}; {os.cpu_count()} cores")
    print(f"load average before: {tools.load_average()}")
    accord = [sys.executable, "-m", "accord"]
    with tempfile.TemporaryDirectory(prefix="accord-scale-") as tmp:
        work = Path(tmp)
        inputs = str(tools.wire_reports(args.articles, work / "reports"))
        runs: dict[str, list[str]] = {
            "bare spaCy, 1 process": [sys.executable, str(HERE / "scale_tools.py"), "bare-spacy", inputs],
            "Accord extract, 1 process (no store)": [*accord, "extract", inputs, "--quiet"],
            "Accord ingest, 1 worker": [*accord, "ingest", inputs, "--workers", "1", "--quiet"],
            "Accord ingest, 2 workers": [*accord, "ingest", inputs, "--workers", "2", "--quiet"],
        }
        if not args.no_ray:
            runs["Ray, 2 CPUs (Parquet)"] = [
                *accord,
                "ingest",
                inputs,
                "--engine",
                "ray",
                "--workers",
                "2",
                "--quiet",
            ]
        best: dict[str, Any] = {}
        for round_ in range(args.repeat):
            for name, command in runs.items():
                command = _fresh_outputs(name, command, work / f"r{round_}")
                measured = tools.measure(command)
                kept = best.get(name)
                if kept is None or measured.seconds < kept.seconds:
                    best[name] = measured
                print(
                    f"  round {round_ + 1}: {name}: {measured.seconds:.1f} s, {measured.peak_mb:.0f} MB",
                    flush=True,
                )
    print(f"load average after: {tools.load_average()}\n")
    _table(best, args.articles)


def _fresh_outputs(name: str, command: list[str], folder: Path) -> list[str]:
    """The command with a new database or dataset in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    slug = "".join(c if c.isalnum() else "-" for c in name)
    if "--engine" in command:
        return [*command, "--dataset", str(folder / f"{slug}.parquet")]
    if "ingest" in command:
        return [*command, "--db", str(folder / f"{slug}.duckdb")]
    return command


def _table(best: dict[str, Any], n: int) -> None:
    bare = best["bare spaCy, 1 process"].seconds
    print(f"| {n:,} te3 reports | articles/s | seconds | peak memory (MB) | time / bare spaCy |")
    print("|---|---|---|---|---|")
    for name, m in best.items():
        print(
            f"| {name} | {n / m.seconds:.1f} | {m.seconds:.1f} | {m.peak_mb:.0f} | {m.seconds / bare:.2f} |"
        )
    extract = best["Accord extract, 1 process (no store)"].seconds
    one, two = best["Accord ingest, 1 worker"], best["Accord ingest, 2 workers"]
    print(f"\npipeline overhead (Accord extract / bare spaCy): {extract / bare:.2f} (target <= 1.15)")
    print(f"speed-up, 2 workers / 1 worker: {one.seconds / two.seconds:.2f} (target >= 1.6)")
    ray = best.get("Ray, 2 CPUs (Parquet)")
    if ray is not None:
        print(f"Ray on 2 CPUs / Accord 1 worker: {one.seconds / ray.seconds:.2f}")

    per_second = PER_DAY / 86_400
    print(f"\ncost model: {PER_DAY:,} articles a day = {per_second:.1f} articles/s sustained")
    for name, m, cores in (("local engine", two, 2), ("Ray engine", ray, 2)):
        if m is None:
            continue
        per_core = n / m.seconds / cores
        needed = math.ceil(per_second / (per_core * UTILISATION))
        memory = m.peak_mb / cores * needed / 1024
        print(
            f"  {name}: {per_core:.1f} articles/s per core measured -> {per_second / per_core:.1f} cores at "
            f"100%, {needed} cores at {UTILISATION:.0%} ({math.ceil(needed / 2)} machines like this one), "
            f"about {memory:.0f} GB of memory"
        )


if __name__ == "__main__":
    main()
