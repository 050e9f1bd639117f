"""Throughput: Accord's full extraction against a bare spaCy pass over the same articles, in one run.

    python bench/bench_throughput.py [PATH ...] [--limit N] [--repeat R]

PATH defaults to ../shared/data/te3-silver-news (AFP/Xinhua wire reports), else the bundled samples/.
Prints articles/s and words/s for both and their ratio (Accord time / spaCy time; target <= 1.5).
Both runs use the same loaded model, the same batch size and one process, alternated R times; the best
time of each is reported so that a passing hiccup on the machine does not decide the figure.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from accord.ingest import read_articles
from accord.nlp import load_language_model
from accord.pipeline import Extractor
from accord.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "te3-silver-news"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="articles to read (default 300)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    paths = args.paths or [DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "samples"]
    articles = [a for a in itertools.islice(read_articles(paths), args.limit * 2) if isinstance(a, Article)]
    articles = articles[: args.limit]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {', '.join(map(str, paths))}: {len(articles)} articles, {words:,} words")

    nlp = load_language_model()
    extractor = Extractor(nlp, batch_size=args.batch_size)
    list(extractor.extract_articles(articles[:8]))  # warm up: lexicons, matchers, caches

    spacy_best = accord_best = float("inf")
    events = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=args.batch_size):
            pass
        spacy_best = min(spacy_best, time.perf_counter() - start)
        start = time.perf_counter()
        events = sum(len(r.events) for r in extractor.extract_articles(articles))
        accord_best = min(accord_best, time.perf_counter() - start)

    n = len(articles)
    print(
        f"bare spaCy ({nlp.meta['name']} {nlp.meta['version']}, {'+'.join(nlp.pipe_names)}): "
        f"{n / spacy_best:7.1f} articles/s  {words / spacy_best:9,.0f} words/s"
    )
    print(
        f"Accord (parse + resolve + events):  {n / accord_best:7.1f} articles/s  {words / accord_best:9,.0f} words/s"
        f"  ({events} events)"
    )
    print(f"ratio Accord/spaCy time: {accord_best / spacy_best:.2f}  (target <= 1.50)")


if __name__ == "__main__":
    main()
