"""Linking: are mentions of one real event (across articles) put in one cluster, and others kept apart?

**Gold** (``data/linking/*.tsv``, built by hand, see its README): for every event Accord extracts from
the chosen articles of Reuters-21578, the Guardian sample and MUC-3, the real event it reports (a
label shared by all its mentions), or ``-`` when it reports none (a miscoded type, a habit, words that
are no act). A mention is found again by its article, trigger offset and PLOVER type.

**Run.** The articles are extracted once and written into a fresh database in the order they were
published (report date, then id), so that linking happens as it does at ingest, article by article;
then a second time in the reverse order, to see how much the order matters.

**Scores** over the labelled mentions that the extractor still finds (``coverage`` says how many):

- pairwise: a pair of mentions is linked by the system when both are in one cluster, by the gold when
  both have one label; precision, recall and F1 over those pairs (the reported figure, target 0.80);
- B-cubed: per mention, the share of its system cluster that is its gold cluster (precision) and of
  its gold cluster that is its system cluster (recall), averaged over mentions;
- near misses: pairs of different real events that share a type, dates within three days and a code
  (what the rules alone cannot tell apart): the share of them kept apart.

>>> gold = {"a": "x", "b": "x", "c": "y"}
>>> pairwise(gold, {"a": 1, "b": 1, "c": 1})
{'precision': 0.3333, 'recall': 1.0, 'f1': 0.5, 'system_pairs': 3, 'gold_pairs': 1}
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from accord.base.tsv import data_file, read_tsv
from accord.evaluate._common import metric, prf, ratio
from accord.records import Article, ArticleResult

__all__ = [
    "LabelledMention",
    "b_cubed",
    "load_links",
    "near_misses",
    "pairwise",
    "run_linking",
    "score_linking",
]

MentionKey = tuple[str, int, str]  # article id, trigger offset, PLOVER type
_NONE = "-"  # reports no real event
_UNSURE = "?"  # which real event it reports cannot be told: left out of the scores


@dataclass(frozen=True)
class LabelledMention:
    """One labelled event of the gold: where it is, the real event it reports ("-": none), and why."""

    article_id: str
    start: int
    event: str
    label: str
    note: str
    origin: str

    @property
    def key(self) -> MentionKey:
        return (self.article_id, self.start, self.event)


def load_links(folder: Path | None = None) -> list[LabelledMention]:
    """Every labelled mention of ``data/linking/*.tsv`` (or of the TSV files of ``folder``).

    Raises ``DataFileError`` for a malformed row or a mention labelled twice."""
    paths: Sequence[Traversable | Path]
    if folder is None:
        paths = sorted(
            (p for p in data_file("accord.evaluate", "linking").iterdir() if p.name.endswith(".tsv")),
            key=lambda p: p.name,
        )
    else:
        paths = sorted(folder.glob("*.tsv"))
    found: dict[MentionKey, LabelledMention] = {}
    for path in paths:
        for row in read_tsv(path, required=("article", "start", "event", "label")):
            if not row["start"].isdigit():
                raise row.error(f"start {row['start']!r} is not an offset")
            mention = LabelledMention(
                row["article"], int(row["start"]), row["event"], row["label"], row.get("note", ""), path.name
            )
            if mention.key in found:
                raise row.error(f"{mention.key} is labelled twice")
            found[mention.key] = mention
    return list(found.values())


def _pairs(clusters: Mapping[str, Hashable]) -> set[frozenset[str]]:
    groups: dict[Hashable, list[str]] = {}
    for mention, cluster in clusters.items():
        groups.setdefault(cluster, []).append(mention)
    return {frozenset(p) for members in groups.values() for p in itertools.combinations(sorted(members), 2)}


def pairwise(gold: Mapping[str, Hashable], system: Mapping[str, Hashable]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of ``system`` clusters against ``gold`` ones, over the mentions
    both know (mention -> cluster label)."""
    shared = sorted(set(gold) & set(system))
    gold_pairs = _pairs({m: gold[m] for m in shared})
    system_pairs = _pairs({m: system[m] for m in shared})
    scores: dict[str, Any] = prf(len(gold_pairs & system_pairs), len(system_pairs), len(gold_pairs))
    scores.update(system_pairs=len(system_pairs), gold_pairs=len(gold_pairs))
    return scores


def b_cubed(gold: Mapping[str, Hashable], system: Mapping[str, Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the mentions both know.

    >>> b_cubed({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 2, "c": 2})
    {'precision': 0.6667, 'recall': 0.6667, 'f1': 0.6667}
    """
    shared = sorted(set(gold) & set(system))
    if not shared:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    precision = recall = 0.0
    for mention in shared:
        same_gold = {m for m in shared if gold[m] == gold[mention]}
        same_system = {m for m in shared if system[m] == system[mention]}
        both = len(same_gold & same_system)
        precision += both / len(same_system)
        recall += both / len(same_gold)
    p, r = precision / len(shared), recall / len(shared)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def near_misses(
    gold: Mapping[str, str], events: Mapping[str, Mapping[str, Any]], *, window: int = 3
) -> list[frozenset[str]]:
    """Pairs of mentions of different real events that share a PLOVER type, a code and dates within
    ``window`` days, from different articles: the pairs the hard rules alone cannot tell apart."""
    found = []
    for a, b in itertools.combinations(sorted(gold), 2):
        ea, eb = events[a], events[b]
        if gold[a] == gold[b] or ea["article_id"] == eb["article_id"] or ea["event"] != eb["event"]:
            continue
        codes_a = {e["code"] for e in ea["actor"] + ea["recipient"]} - {"UNK"}
        codes_b = {e["code"] for e in eb["actor"] + eb["recipient"]} - {"UNK"}
        if not codes_a & codes_b:
            continue
        days = abs((dt.date.fromisoformat(_day(ea["date"])) - dt.date.fromisoformat(_day(eb["date"]))).days)
        if days <= window:
            found.append(frozenset((a, b)))
    return found


def _day(date: str) -> str:
    return (date + "-01-01")[:10] if len(date) < 10 else date


def score_linking(
    labels: Sequence[LabelledMention], stored: Mapping[MentionKey, Mapping[str, Any]]
) -> dict[str, Any]:
    """Scores of one run: ``stored`` maps each extracted event's key to its stored dict (with
    ``cluster_id``). Returns pairwise and B-cubed scores, near misses and coverage."""
    labelled = [m for m in labels if m.label not in (_NONE, _UNSURE)]
    found = [m for m in labelled if m.key in stored]
    gold = {stored[m.key]["id"]: m.label for m in found}
    system = {stored[m.key]["id"]: stored[m.key]["cluster_id"] for m in found}
    events = {stored[m.key]["id"]: stored[m.key] for m in found}
    misses = near_misses(gold, events)
    apart = sum(1 for pair in misses if len({system[m] for m in pair}) == 2)
    known = {m.key for m in labels}
    return {
        "pairwise": pairwise(gold, system),
        "b_cubed": b_cubed(gold, system),
        "near_misses": {"pairs": len(misses), "kept_apart": apart, "share": ratio(apart, len(misses))},
        "coverage": {
            "labelled": len(labelled),
            "found": len(found),
            "unlabelled_events": sorted(f"{k[0]}@{k[1]} {k[2]}" for k in stored if k not in known),
            "missing": sorted(f"{m.article_id}@{m.start} {m.event}" for m in labelled if m.key not in stored),
        },
        "gold_clusters": len(set(gold.values())),
        "system_clusters": len(set(system.values())),
    }


def _store_in_order(
    results: Iterable[ArticleResult], folder: Path, name: str
) -> dict[MentionKey, dict[str, Any]]:
    from accord.store import Database

    with Database(folder / f"{name}.duckdb") as db:
        for result in results:
            db.write_result(result)
        stored = db.events()
    return {(e["article_id"], e["trigger"]["start"], e["event"]): e for e in stored}


def run_linking(shared: Path, extractor: Any, *, limit: int | None = None) -> dict[str, Any]:
    """Extract the labelled articles, link them in publication order and in reverse, and score both."""
    from accord.evaluate.linking_texts import read_linking_articles

    labels = load_links()
    article_ids = sorted({m.article_id for m in labels})[:limit]
    labels = [m for m in labels if m.article_id in set(article_ids)]
    articles: list[Article] = sorted(read_linking_articles(shared, article_ids), key=lambda a: (a.date, a.id))
    results = list(extractor.extract_articles(articles))
    with tempfile.TemporaryDirectory(prefix="accord-linking-") as tmp:
        forward = score_linking(labels, _store_in_order(results, Path(tmp), "forward"))
        backward = score_linking(labels, _store_in_order(reversed(results), Path(tmp), "backward"))
    pairs, cubed, misses = forward["pairwise"], forward["b_cubed"], forward["near_misses"]
    found = forward["coverage"]["found"]
    return {
        "cases": len(articles),
        "split": f"dev ({len(articles)} articles, {forward['gold_clusters']} real events)",
        "metrics": [
            metric(
                "pairwise F1",
                pairs["f1"],
                pairs["gold_pairs"],
                f"P {pairs['precision']:.3f} R {pairs['recall']:.3f}",
            ),
            metric("pairwise precision", pairs["precision"], pairs["system_pairs"]),
            metric("pairwise recall", pairs["recall"], pairs["gold_pairs"]),
            metric("B-cubed F1", cubed["f1"], found, f"P {cubed['precision']:.3f} R {cubed['recall']:.3f}"),
            metric("near-miss pairs kept apart", misses["share"], misses["pairs"]),
            metric(
                "pairwise F1 (reverse order)", backward["pairwise"]["f1"], backward["pairwise"]["gold_pairs"]
            ),
            metric(
                "labelled mentions found",
                ratio(found, forward["coverage"]["labelled"]),
                forward["coverage"]["labelled"],
            ),
        ],
        "details": {"forward": forward, "backward": backward},
    }
