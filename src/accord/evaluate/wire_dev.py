"""accord-wire-dev: whole-article strict event F1 on wire news, with an error analysis.

The gold (``data/accord-wire-dev/gold/*.json``, one file per TimeML report of ``te3-silver-news``)
lists each article's events with acceptable PLOVER types, both sides' codes, a date and a ``core``
flag. Scoring is the reference scorer's (``data/accord-wire-dev/score.py``), reproduced exactly:

- a prediction matches a gold event when its type is one of the gold's types, its sides agree
  (``sides_agree``) and, in strict mode, its date agrees at the coarser precision;
- matching is one to one, greedy on (core, first-listed type, exact date);
- precision counts every prediction, a match to any gold event (core or not) being right;
  recall counts core gold events only.

On top of the figures, ``analyse`` says where the errors are: each core gold event is *right*,
*merged* (a prediction that would match it was taken by another gold event: Accord gave one record
for two events), *right but for the date*, *right type but wrong sides*, *right sides but wrong
type* or *missed* (nothing close); each unmatched prediction is a *duplicate* (of an event already matched), or has
a wrong date, wrong sides or a wrong type against its closest gold event, or is *spurious*.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluate._common import metric

__all__ = [
    "GoldEvent",
    "analyse",
    "dates_agree",
    "describe_prediction",
    "format_failures",
    "load_wire_gold",
    "match_article",
    "run_wire_dev",
    "score_wire",
    "sides_agree",
]

GOLD_DIR = Path("data/accord-wire-dev/gold")
TEXT_DIR = Path("data/te3-silver-news")

Prediction = Mapping[str, Any]

# Where a core gold event stands, best first; and why a prediction matched nothing.
CORE_OUTCOMES = ("right", "merged", "wrong date", "wrong sides", "wrong type", "missed")
FALSE_POSITIVE_CAUSES = ("duplicate", "wrong date", "wrong sides", "wrong type", "spurious")


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event, as ANNOTATION.md defines its fields."""

    types: tuple[str, ...]
    actors: frozenset[str]
    recipients: frozenset[str]
    symmetric: bool
    date: str
    status: str
    core: bool
    evidence: str
    quantities: tuple[float, ...] = ()
    money: tuple[tuple[int, str], ...] = ()

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> GoldEvent:
        return cls(
            types=tuple(record["types"]),
            actors=frozenset(record["actors"]),
            recipients=frozenset(record["recipients"]),
            symmetric=bool(record.get("symmetric")),
            date=record["date"],
            status=record.get("status", "occurred"),
            core=bool(record.get("core")),
            evidence=record.get("evidence", ""),
            quantities=tuple(float(v) for v in record.get("quantities") or ()),
            money=tuple((round(float(m["amount"])), m["currency"]) for m in record.get("money") or ()),
        )

    def describe(self) -> str:
        joint = "<->" if self.symmetric else "->"
        sides = f"{'+'.join(sorted(self.actors)) or '-'} {joint} {'+'.join(sorted(self.recipients)) or '-'}"
        return f"{'|'.join(self.types)} {sides} {self.date}"


def load_wire_gold(folder: Path) -> dict[str, list[GoldEvent]]:
    """``{article id: [GoldEvent, ...]}`` from the gold folder (article id = TimeML name without .tml)."""
    gold: dict[str, list[GoldEvent]] = {}
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        article = str(document["article"]).removesuffix(".tml")
        gold[article] = [GoldEvent.from_json(event) for event in document["events"]]
    return gold


def _codes(entities: Iterable[Mapping[str, Any]] | None) -> set[str]:
    return {str(e["code"]) for e in entities or () if e.get("code")}


def sides_agree(prediction: Prediction, gold: GoldEvent) -> bool:
    """The reference scorer's side test: the acting side must meet the gold actors (either side
    when the act is joint) and, when the gold names recipients, the predicted recipients must too.

    >>> g = GoldEvent(("CONSULT",), frozenset({"IND"}), frozenset({"RUS"}), True, "2021", "occurred", True, "")
    >>> sides_agree({"actor": [{"code": "RUS"}], "recipient": [{"code": "IND"}]}, g)
    True
    """
    actors, recipients = _codes(prediction.get("actor")), _codes(prediction.get("recipient"))
    gold_actors, gold_recipients = set(gold.actors), set(gold.recipients)
    if not actors & (gold_actors | gold_recipients) and gold_actors:
        return False
    if gold.symmetric or prediction.get("symmetric"):
        both = gold_actors | gold_recipients
        if not actors & both:
            return False
        return not (gold_recipients and not recipients & both and len(actors & both) < 2)
    if not actors & gold_actors:
        return False
    return not gold_recipients or bool(recipients & gold_recipients)


def dates_agree(predicted: str | None, gold: str | None) -> bool:
    """Equal at the coarser of the two precisions (``2021-12`` agrees with ``2021-12-06``)."""
    if not predicted or not gold:
        return False
    n = min(len(predicted), len(gold))
    return predicted[:n] == gold[:n]


def match_article(
    predictions: Sequence[Prediction], gold: Sequence[GoldEvent], *, strict: bool
) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs, greedy on the reference scorer's preference."""
    pairs: list[tuple[int, int, int]] = []
    for i, predicted in enumerate(predictions):
        for j, event in enumerate(gold):
            if predicted.get("event") not in event.types or not sides_agree(predicted, event):
                continue
            if strict and not dates_agree(predicted.get("date"), event.date):
                continue
            preference = (2 if event.core else 0) + (1 if predicted.get("event") == event.types[0] else 0)
            preference += 1 if predicted.get("date") == event.date else 0
            pairs.append((preference, i, j))
    pairs.sort(reverse=True)
    used_predictions: set[int] = set()
    used_gold: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i in used_predictions or j in used_gold:
            continue
        used_predictions.add(i)
        used_gold.add(j)
        matched.append((i, j))
    return matched


def _prf(hit_predictions: int, n_predictions: int, hit_core: int, n_core: int) -> dict[str, float]:
    precision = hit_predictions / n_predictions if n_predictions else 0.0
    recall = hit_core / n_core if n_core else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def score_wire(
    gold: Mapping[str, Sequence[GoldEvent]], predictions: Mapping[str, Sequence[Prediction]]
) -> dict[str, Any]:
    """Strict and lenient precision, recall and F1 with the attribute counts, as ``score.py --json``."""
    result: dict[str, Any] = {}
    for mode in ("strict", "lenient"):
        n_predicted = n_core = hit_predicted = hit_core = 0
        attributes: dict[str, list[int]] = {}
        for article, events in gold.items():
            predicted = predictions.get(article, [])
            n_predicted += len(predicted)
            n_core += sum(1 for event in events if event.core)
            for i, j in match_article(predicted, events, strict=mode == "strict"):
                hit_predicted += 1
                hit_core += events[j].core
                _count_attributes(attributes, predicted[i], events[j])
        result[mode] = {
            **_prf(hit_predicted, n_predicted, hit_core, n_core),
            "predicted": n_predicted,
            "core_gold": n_core,
            "attributes": {name: f"{right}/{total}" for name, (right, total) in attributes.items()},
        }
    return result


def _count_attributes(counts: dict[str, list[int]], predicted: Prediction, gold: GoldEvent) -> None:
    def add(name: str, right: bool) -> None:
        tally = counts.setdefault(name, [0, 0])
        tally[0] += right
        tally[1] += 1

    date = str(predicted.get("date") or "")
    add("date", dates_agree(date, gold.date) and len(date) >= len(gold.date))
    add("status", predicted.get("status") == gold.status)
    if gold.quantities:
        values = {float(q["value"]) for q in predicted.get("quantities") or () if q.get("value") is not None}
        add("quantities", all(v in values for v in gold.quantities))
    if gold.money:
        amounts = {
            (round(float(m.get("amount", 0))), m.get("currency")) for m in predicted.get("money") or ()
        }
        add("money", all(m in amounts for m in gold.money))


def _closeness(predicted: Prediction, gold: GoldEvent) -> str | None:
    """How a prediction that is not matched to ``gold`` relates to it, or None if unrelated."""
    typed = predicted.get("event") in gold.types
    sided = sides_agree(predicted, gold)
    if typed and sided:
        return "merged" if dates_agree(predicted.get("date"), gold.date) else "wrong date"
    if typed and _shares_a_code(predicted, gold):
        return "wrong sides"
    if sided:
        return "wrong type"
    return None


def _shares_a_code(predicted: Prediction, gold: GoldEvent) -> bool:
    """Right type with sides that are wrong but not unrelated: a gold code on some side, or the act
    has a gold side the prediction lacks (a one-sided prediction of a two-sided act)."""
    codes = _codes(predicted.get("actor")) | _codes(predicted.get("recipient"))
    return bool(codes & (gold.actors | gold.recipients)) or not codes


def analyse(
    gold: Mapping[str, Sequence[GoldEvent]], predictions: Mapping[str, Sequence[Prediction]]
) -> dict[str, Any]:
    """The error breakdown: outcome counts for core gold events and causes of false positives,
    with every failing core event (its evidence, what it wanted, the closest predictions)."""
    outcomes = dict.fromkeys(CORE_OUTCOMES, 0)
    causes = dict.fromkeys(FALSE_POSITIVE_CAUSES, 0)
    failures: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    rank = {name: position for position, name in enumerate(CORE_OUTCOMES)}
    for article, events in gold.items():
        predicted = list(predictions.get(article, []))
        matched = match_article(predicted, events, strict=True)
        matched_gold = {j for _, j in matched}
        matched_predictions = {i for i, _ in matched}
        for j, event in enumerate(events):
            if not event.core:
                continue
            if j in matched_gold:
                outcomes["right"] += 1
                continue
            close = [(outcome, p) for p in predicted if (outcome := _closeness(p, event)) is not None]
            close.sort(key=lambda pair: rank[pair[0]])
            outcome = close[0][0] if close else "missed"
            outcomes[outcome] += 1
            failures.append(
                {
                    "article": article,
                    "outcome": outcome,
                    "gold": event.describe(),
                    "evidence": event.evidence,
                    "closest": [describe_prediction(p) for _, p in close[:3]],
                }
            )
        for i, p in enumerate(predicted):
            if i in matched_predictions:
                continue
            cause = _false_positive_cause(p, events, [events[j] for j in matched_gold])
            causes[cause] += 1
            false_positives.append({"article": article, "cause": cause, "predicted": describe_prediction(p)})
    return {"core": outcomes, "false_positives": causes, "failures": failures, "spurious": false_positives}


def _false_positive_cause(
    predicted: Prediction, events: Sequence[GoldEvent], matched: list[GoldEvent]
) -> str:
    for event in matched:
        if predicted.get("event") in event.types and sides_agree(predicted, event):
            if dates_agree(predicted.get("date"), event.date):
                return "duplicate"
    found = {cause for event in events if (cause := _closeness(predicted, event)) is not None}
    if "merged" in found:  # matches an event that another prediction of the same act took
        return "duplicate"
    for cause in ("wrong date", "wrong sides", "wrong type"):
        if cause in found:
            return cause
    return "spurious"


def describe_prediction(predicted: Prediction) -> str:
    """One line for a contract event: type, code, sides, date, status and trigger."""
    joint = "<->" if predicted.get("symmetric") else "->"
    actors = "+".join(sorted(_codes(predicted.get("actor")))) or "-"
    recipients = "+".join(sorted(_codes(predicted.get("recipient")))) or "-"
    trigger = (predicted.get("trigger") or {}).get("text", "")
    return (
        f"{predicted.get('event')} {predicted.get('cameo')} {actors} {joint} {recipients} "
        f"{predicted.get('date')} {predicted.get('status')} {trigger!r}"
    )


def format_failures(analysis: Mapping[str, Any]) -> str:
    """The failing core events and the false positives as text, grouped by outcome and cause."""
    lines = ["Core events not right, by outcome:"]
    for outcome in CORE_OUTCOMES[1:]:
        group = [f for f in analysis["failures"] if f["outcome"] == outcome]
        lines.append(f"\n## {outcome} ({len(group)})")
        for failure in group:
            lines.append(f"- {failure['article']}: gold {failure['gold']}")
            lines.append(f"    evidence: {failure['evidence']}")
            for closest in failure["closest"]:
                lines.append(f"    accord:   {closest}")
    lines.append("\nFalse positives, by cause:")
    for cause in FALSE_POSITIVE_CAUSES:
        group = [f for f in analysis["spurious"] if f["cause"] == cause]
        lines.append(f"\n## {cause} ({len(group)})")
        lines.extend(f"- {f['article']}: {f['predicted']}" for f in group)
    return "\n".join(lines)


def run_wire_dev(shared: Path, extractor: Any, *, limit: int | None = None) -> dict[str, Any]:
    """Extract every gold article's TimeML report with ``extractor`` and score it."""
    from accord.evaluate._common import run_extractor
    from accord.ingest import read_articles
    from accord.records import Article

    gold = load_wire_gold(shared / GOLD_DIR)
    if limit is not None:
        gold = dict(list(gold.items())[:limit])
    paths = [shared / TEXT_DIR / f"{article}.tml" for article in gold]
    articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    predictions = run_extractor(extractor, articles)
    scores = score_wire(gold, predictions)
    analysis = analyse(gold, predictions)
    strict, lenient = scores["strict"], scores["lenient"]
    core = strict["core_gold"]
    metrics = [
        metric(
            "strict event F1", strict["f1"], core, f"P {strict['precision']:.3f} R {strict['recall']:.3f}"
        ),
        metric("strict precision", strict["precision"], strict["predicted"]),
        metric("strict recall (core)", strict["recall"], core),
        metric("lenient event F1", lenient["f1"], core),
    ]
    metrics += [metric(f"core events: {name}", count, core) for name, count in analysis["core"].items()]
    metrics += [
        metric(f"false positives: {name}", count, strict["predicted"])
        for name, count in analysis["false_positives"].items()
    ]
    return {
        "cases": len(gold),
        "split": "dev (40 reports)",
        "metrics": metrics,
        "details": {"scores": scores, "analysis": analysis, "report": format_failures(analysis)},
    }
