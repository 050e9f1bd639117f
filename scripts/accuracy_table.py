"""Regenerate the README's accuracy table from ``accord eval --json`` figures (never copied by hand).

    .venv/bin/accord eval --shared ../shared --json eval.json
    .venv/bin/python scripts/accuracy_table.py eval.json            # rewrites README.md between the markers
    .venv/bin/python scripts/accuracy_table.py eval.json --print    # prints the table only

The table goes between ``<!-- accuracy:start -->`` and ``<!-- accuracy:end -->`` in README.md, with the
date and commit it was measured at. Every figure of every set is listed with its target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- accuracy:start -->", "<!-- accuracy:end -->"


def figure(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def table(results: dict[str, Any]) -> str:
    """One row per figure: set, split (cases), metric, value (n), target."""
    rows = ["| set | split (cases) | metric | Accord (n) | target |", "|---|---|---|---|---|"]
    for name, result in results["sets"].items():
        if result.get("error"):
            rows.append(f"| {name} | - | {result['error']} | - | - |")
            continue
        for metric in result["metrics"]:
            target = metric.get("target")
            met = (
                ""
                if target is None
                else (" ✓" if metric["value"] is not None and metric["value"] >= target else " ✗")
            )
            rows.append(
                f"| {name} | {result['split']} ({result['cases']}) | {metric['metric']} | "
                f"{figure(metric['value'])} ({metric['n']}) | {figure(target)}{met} |"
            )
    return "\n".join(rows)


def commit() -> str:
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return found.stdout.strip() or "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("figures", type=Path, help="the JSON written by accord eval --json")
    parser.add_argument("--print", action="store_true", help="print the table instead of rewriting README.md")
    args = parser.parse_args()
    results = json.loads(args.figures.read_text(encoding="utf-8"))
    stamp = f"Measured with `accord eval --shared ../shared` on {dt.date.today().isoformat()} at commit {commit()}."
    block = f"{START}\n{stamp}\n\n{table(results)}\n{END}"
    if args.print:
        print(block)
        return 0
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"README.md has no {START} ... {END} markers", file=sys.stderr)
        return 1
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(head + block + tail, encoding="utf-8")
    print(f"README.md accuracy table rewritten from {args.figures}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
