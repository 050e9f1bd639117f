"""What finding agreements, deals and meetings costs: ``analyse_doc`` with and without ``find_facts``, on
the same parsed articles, in one run.

    python bench/bench_facts.py [PATH ...] [--limit N] [--repeat R]

PATH defaults to ../shared/data/te3-silver-news (AFP/Xinhua wire reports), else the bundled samples/.
The articles are parsed once; then the resolvers, the coder and the record finder run over the parses,
alternately with the record finder and with it replaced by a function that finds nothing, R times. The
best time of each is printed, with the ratio (with / without) and the parse time for scale, and how many
records were found.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path
from unittest import mock

from accord.coding.lexicon import load_lexicon
from accord.facts import Facts
from accord.ingest import read_articles
from accord.nlp import load_language_model
from accord.pipeline import analyse_doc
from accord.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "te3-silver-news"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=200, help="articles to read (default 200)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.paths or [DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "samples"]
    articles = [a for a in itertools.islice(read_articles(paths), args.limit * 2) if isinstance(a, Article)]
    articles = articles[: args.limit]
    nlp, lexicon = load_language_model(), load_lexicon()
    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    parse = time.perf_counter() - started
    print(f"corpus: {', '.join(map(str, paths))}: {len(articles)} articles; parse {parse:.2f} s")

    def run() -> tuple[float, int]:
        started = time.perf_counter()
        records = 0
        for doc, article in zip(docs, articles, strict=True):
            result = analyse_doc(doc, article, lexicon)
            records += len(result.agreements) + len(result.deals) + len(result.meetings)
        return time.perf_counter() - started, records

    with_facts: list[float] = []
    without: list[float] = []
    found = 0
    for _ in range(args.repeat):
        seconds, found = run()
        with_facts.append(seconds)
        with mock.patch("accord.pipeline.find_facts", lambda *_: Facts()):
            without.append(run()[0])
    best_with, best_without = min(with_facts), min(without)
    print(f"resolvers + coder:           {best_without:.2f} s")
    print(f"resolvers + coder + records: {best_with:.2f} s  ({found} records)")
    print(
        f"ratio with/without records: {best_with / best_without:.3f}; records' share of parse+analysis: "
        f"{(best_with - best_without) / (parse + best_with):.1%}"
    )


if __name__ == "__main__":
    main()
