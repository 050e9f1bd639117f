"""Where Accord's time goes after the parser: cProfile over the analysis of N parsed reports.

    .venv/bin/python bench/profile_pipeline.py [PATH ...] [--limit 300] [--top 30]

Parses the articles first (spaCy, not profiled), then profiles ``analyse_doc`` over them: the
resolvers, the event finder and the records finder. Prints the parse time, the analysis time, their
ratio (the pipeline's overhead over a bare parse), and the functions with the most cumulative and
own time. PATH defaults to ../shared/data/te3-silver-news.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import time
from pathlib import Path

from accord.ingest import read_articles
from accord.nlp import load_language_model
from accord.pipeline import Extractor, analyse_doc
from accord.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "te3-silver-news"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    paths = args.paths or [DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "samples"]
    records = itertools.islice(read_articles(paths), args.limit * 2)
    articles = [a for a in records if isinstance(a, Article)][: args.limit]
    nlp = load_language_model()
    extractor = Extractor(nlp)
    list(extractor.extract_articles(articles[:8]))  # warm up: lexicons, matchers, caches

    start = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    parse_seconds = time.perf_counter() - start

    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    for doc, article in zip(docs, articles, strict=True):
        analyse_doc(doc, article, extractor.lexicon)
    profile.disable()
    analysis_seconds = time.perf_counter() - start
    print(f"{len(articles)} articles; spaCy ({'+'.join(nlp.pipe_names)}) {parse_seconds:.1f} s")
    print(f"analysis after the parse (profiled) {analysis_seconds:.1f} s")
    print(f"overhead (profiled analysis / parse): {analysis_seconds / parse_seconds:.2f}\n")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
