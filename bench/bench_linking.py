"""What linking costs at ingest: writing articles with their clusters chosen vs. each mention alone.

Writes the same ``--articles`` articles into two fresh databases, one transaction each as ``accord
ingest`` does: once as Accord writes them (each event and record linked to the stored clusters in
the transaction), once with the linker replaced by "every mention founds its own cluster" (no
candidate queries, no comparisons: the baseline, measured in the same run). Prints both rates, the
ratio, and the cost of linking per article as the corpus grows (first and last fifth of the run).

The articles are ``tests/store/synthetic.py``'s (1 to 6 events between ten countries over five
years, so that candidates are many), or, with ``--te3``, the first reports of
``../shared/data/te3-silver-news`` extracted once before timing.

    .venv/bin/python bench/bench_linking.py [--articles 2000] [--te3 --shared ../shared]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def synthetic_results(count: int) -> list[Any]:
    spec = importlib.util.spec_from_file_location(
        "synthetic", HERE.parent / "tests" / "store" / "synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [module.make_result(i) for i in range(count)]


def te3_results(shared: Path, count: int) -> list[Any]:
    from accord.ingest import read_articles
    from accord.pipeline import Extractor
    from accord.records import Article

    paths = sorted((shared / "data" / "te3-silver-news").glob("*.tml"))[:count]
    articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    return list(Extractor().extract_articles(articles))


def unlinked(
    con: Any,
    event_columns: Sequence[str],
    event_rows: Sequence[tuple[Any, ...]],
    records: Sequence[Any],
    settings: Any = None,
) -> Any:
    """The baseline: each mention founds its own cluster (no candidate query, no comparison)."""
    import dataclasses

    from accord.store import clusters

    names = [c.strip('"') for c in event_columns]
    position = names.index("cluster_id")
    events = [(*row[:position], "cl-" + str(row[0]), *row[position + 1 :]) for row in event_rows]
    linked, founders, joined = [], {}, {"events": {row[position] for row in events}}
    for part in records:
        if part.table in ("agreements", "deals", "meetings"):
            column = [c.strip('"') for c in part.columns].index("cluster_id")
            rows = tuple((*r[:column], "cl-" + str(r[0]), *r[column + 1 :]) for r in part.rows)
            part = dataclasses.replace(part, rows=rows)
            joined[part.table] = {r[column] for r in rows}
        linked.append(part)
    for row in events:
        founders[row[position]] = row[0]
    return clusters.LinkedArticle(events, tuple(linked), founders, joined)


def timed_writes(results: Sequence[Any], path: Path) -> list[float]:
    from accord.store import Database

    times = []
    with Database(path) as db:
        for result in results:
            began = time.perf_counter()
            db.write_result(result)
            times.append(time.perf_counter() - began)
    return times


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--te3", action="store_true", help="te3-silver-news reports instead of synthetic ones"
    )
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = parser.parse_args(argv)
    results = te3_results(args.shared, args.articles) if args.te3 else synthetic_results(args.articles)
    events = sum(len(r.events) for r in results)
    from accord.store import writer

    with tempfile.TemporaryDirectory(prefix="accord-bench-linking-") as tmp:
        linked = timed_writes(results, Path(tmp) / "linked.duckdb")
        real = writer.clusters.link_article
        writer.clusters.link_article = unlinked  # type: ignore[assignment]
        try:
            alone = timed_writes(results, Path(tmp) / "alone.duckdb")
        finally:
            writer.clusters.link_article = real  # type: ignore[assignment]
    fifth = max(1, len(results) // 5)
    print(f"{len(results)} articles, {events} events ({'te3-silver-news' if args.te3 else 'synthetic'})")
    print(f"linked:   {len(results) / sum(linked):8.1f} articles/s")
    print(f"baseline: {len(results) / sum(alone):8.1f} articles/s (each mention its own cluster)")
    print(f"ratio linked/baseline time: {sum(linked) / sum(alone):.2f}")
    for name, part in (("first fifth", slice(0, fifth)), ("last fifth", slice(-fifth, None))):
        cost = (sum(linked[part]) - sum(alone[part])) / len(linked[part]) * 1000
        print(f"linking cost per article, {name}: {cost:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
