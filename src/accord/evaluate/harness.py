"""Run every evaluation set, print one table, return (and optionally save) the figures as JSON.

Each set has a runner ``(shared_dir, extractor, limit) -> {"cases", "split", "metrics": [...]}``; the
harness loads ONE ``accord.pipeline.Extractor`` (spaCy loads once) and hands it to every runner, which
passes all of its articles through ``extract_articles`` in batches. A set whose data is missing, or
whose scorer fails, is reported as such in its line and does not stop the others.

Sets (folders of ``shared/data``; default: all but ``muc34-dev``):

- ``plover-gsr``, ``muc34`` (TST3+TST4; ``muc34-dev`` = DEV, for development only),
  ``acled-acledR-sample`` (fixed sample of 1,000; all 9,000 with ``full=True``), ``case2021-task2``;
- ``tempeval3-platinum`` (reported) and ``tempeval3-tbaq`` (dev): ``accord.evaluate.tempeval``, with
  the dateparser baseline on platinum;
- ``recognizers-text-specs``, ``quantulum3-tests``: ``accord.evaluate.number_specs``;
- ``seed``: the named checks of ``accord.evaluate.seed``;
- ``wire-dev`` (``accord-wire-dev``): whole-article strict event F1 on 40 wire reports, with the error
  breakdown of ``accord.evaluate.wire_dev`` (``details.report`` lists every failing core event);
- ``linking``: the same real event across articles (``accord.evaluate.linking``): pairwise and B-cubed
  scores of the clusters on a hand-labelled set of Reuters-21578, Guardian and MUC reports.

Targets come from ``data/targets.tsv``.

>>> results = run_evaluation(Path("../shared"), sets=["plover-gsr"])   # doctest: +SKIP
>>> print(format_table(results))                                       # doctest: +SKIP
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from accord.base.tsv import data_file, read_tsv
from accord.evaluate._common import metric

__all__ = ["SETS", "DEFAULT_SETS", "format_table", "load_targets", "run_evaluation", "write_json"]

Runner = Callable[[Path, Any, "int | None", bool], dict[str, Any]]


def _gsr(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.plover_gsr import run_plover_gsr

    return run_plover_gsr(shared, extractor, limit=limit)


def _muc(split: str) -> Runner:
    def run(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
        from accord.evaluate.muc import run_muc

        # DEV has 1,300 long messages: the first 200 unless ``full``.
        if split == "dev" and limit is None and not full:
            limit = 200
        return run_muc(shared, extractor, split=split, limit=limit)

    return run


def _acled(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.acled import DEFAULT_SAMPLE, run_acled

    return run_acled(shared, extractor, sample=None if full else DEFAULT_SAMPLE, limit=limit)


def _case(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.case2021 import run_case2021

    return run_case2021(shared, extractor, limit=limit)


def _tempeval(folder: str, split: str, baseline: bool) -> Runner:
    def run(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
        from accord.evaluate.tempeval import dateparser_extractor, score_tempeval

        paths = sorted((shared / "data" / folder).rglob("*.tml"))[:limit]
        if not paths:
            raise FileNotFoundError(f"no .tml files under data/{folder}")
        everything = score_tempeval(paths)
        dates = score_tempeval(paths, types={"DATE"})
        metrics = [
            metric("value F1 (all types)", everything["value"]["f1"], everything["gold"]),
            metric("value F1 (DATE)", dates["value"]["f1"], dates["gold"]),
            metric("extent F1 relaxed (all)", everything["relaxed"]["f1"], everything["gold"]),
        ]
        details: dict[str, Any] = {"all": everything, "DATE": dates}
        if baseline:
            try:
                base_all = score_tempeval(paths, extractor=dateparser_extractor)
                base_dates = score_tempeval(paths, extractor=dateparser_extractor, types={"DATE"})
            except ImportError:
                metrics.append(metric("baseline dateparser value F1", None, 0, "dateparser not installed"))
            else:
                metrics.append(
                    metric("baseline dateparser value F1 (all)", base_all["value"]["f1"], base_all["gold"])
                )
                metrics.append(
                    metric(
                        "baseline dateparser value F1 (DATE)", base_dates["value"]["f1"], base_dates["gold"]
                    )
                )
                details["baseline"] = {"all": base_all, "DATE": base_dates}
        return {"cases": everything["documents"], "split": split, "metrics": metrics, "details": details}

    return run


def _number_summary(name: str, summary: dict[str, Any]) -> dict[str, Any]:
    return metric(
        name,
        round(summary["pass_rate"], 4),
        summary["in_scope"],
        f"{summary['passed']}/{summary['in_scope']} in scope",
    )


def _recognizers(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.number_specs import score_recognizers_currency, score_recognizers_numbers

    numbers, currency = score_recognizers_numbers(shared), score_recognizers_currency(shared)
    return {
        "cases": numbers["cases"] + currency["cases"],
        "split": "English specs",
        "metrics": [
            _number_summary("numbers pass rate", numbers),
            _number_summary("currency pass rate", currency),
        ],
        "details": {"numbers": numbers, "currency": currency},
    }


def _quantulum(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.number_specs import score_quantulum

    summary = score_quantulum(shared)
    return {
        "cases": summary["cases"],
        "split": "quantities.json",
        "metrics": [_number_summary("pass rate", summary)],
        "details": summary,
    }


def _wire_dev(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.wire_dev import run_wire_dev

    return run_wire_dev(shared, extractor, limit=limit)


def _linking(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.linking import run_linking

    return run_linking(shared, extractor, limit=limit)


def _seed(shared: Path, extractor: Any, limit: int | None, full: bool) -> dict[str, Any]:
    from accord.evaluate.seed import run_seed

    return run_seed(shared, extractor)


# name -> (runner, needs the event extractor?)
SETS: dict[str, tuple[Runner, bool]] = {
    "seed": (_seed, True),
    "wire-dev": (_wire_dev, True),
    "linking": (_linking, True),
    "plover-gsr": (_gsr, True),
    "muc34": (_muc("test"), True),
    "muc34-dev": (_muc("dev"), True),
    "acled-acledR-sample": (_acled, True),
    "case2021-task2": (_case, True),
    "tempeval3-platinum": (_tempeval("tempeval3-platinum", "platinum (reported)", True), False),
    "tempeval3-tbaq": (_tempeval("tempeval3-tbaq", "TimeBank+AQUAINT (dev)", False), False),
    "recognizers-text-specs": (_recognizers, False),
    "quantulum3-tests": (_quantulum, False),
}
DEFAULT_SETS = [name for name in SETS if name != "muc34-dev"]


@functools.lru_cache(maxsize=1)
def load_targets() -> dict[tuple[str, str], float]:
    """``data/targets.tsv`` -> ``{(set, metric): target}``."""
    rows = read_tsv(data_file("accord.evaluate", "targets.tsv"), required=("set", "metric", "target"))
    return {(r["set"], r["metric"]): float(r["target"]) for r in rows}


def run_evaluation(
    shared_dir: Path,
    *,
    sets: list[str] | None = None,
    limit: int | None = None,
    extractor: Any = None,
    full: bool = False,
) -> dict[str, Any]:
    """Run the named sets (default ``DEFAULT_SETS``) on the gold data under ``shared_dir``.

    ``limit`` caps the cases (sentences, messages, notes, files) per set; ``full`` runs every ACLED
    row and all of MUC DEV instead of the fixed samples; ``extractor`` defaults to one
    ``accord.pipeline.Extractor``, made only if a chosen set needs it.
    Returns ``{"shared_dir", "limit", "full", "sets": {name: result}, "seconds": float}``; each result
    has ``cases``, ``split``, ``metrics`` (each with ``target``), ``seconds``, and ``error`` if it failed.
    Raises ``ValueError`` for an unknown set name.
    """
    chosen = list(sets) if sets else list(DEFAULT_SETS)
    unknown = [name for name in chosen if name not in SETS]
    if unknown:
        raise ValueError(f"unknown evaluation set(s): {', '.join(unknown)}; known: {', '.join(SETS)}")
    shared = Path(shared_dir)
    targets = load_targets()
    started = time.perf_counter()
    results: dict[str, Any] = {}
    for name in chosen:
        runner, needs_extractor = SETS[name]
        begun = time.perf_counter()
        try:
            if needs_extractor and extractor is None:
                from accord.pipeline import Extractor

                extractor = Extractor()
            result = runner(shared, extractor, limit, full)
        except ImportError as error:
            result = {"cases": 0, "split": "-", "metrics": [], "error": f"not available ({error})"}
        except (OSError, ValueError, KeyError) as error:
            result = {"cases": 0, "split": "-", "metrics": [], "error": f"{type(error).__name__}: {error}"}
        for m in result["metrics"]:
            m["target"] = targets.get((name, m["metric"]))
        result["seconds"] = round(time.perf_counter() - begun, 2)
        results[name] = result
    return {
        "shared_dir": str(shared),
        "limit": limit,
        "full": full,
        "sets": results,
        "seconds": round(time.perf_counter() - started, 2),
    }


def _figure(value: int | float | None) -> str:
    if isinstance(value, int):  # counts (the wire-dev breakdown) print as counts
        return str(value)
    return "n/a" if value is None else f"{value:.3f}"


def format_table(results: dict[str, Any]) -> str:
    """One line per figure: set, split, cases, metric, figure (with its n), target, met?

    >>> print(format_table({"sets": {"seed": {"cases": 1, "split": "seed", "metrics": [
    ...     {"metric": "named checks passed", "value": 1.0, "n": 9, "note": "9/9", "target": 1.0}]}}}))
    set   split  cases  metric               figure  n  target  met
    ----  -----  -----  -------------------  ------  -  ------  ---
    seed  seed   1      named checks passed  1.000   9  1.000   yes
    """
    header = ["set", "split", "cases", "metric", "figure", "n", "target", "met"]
    rows: list[list[str]] = []
    for name, result in results["sets"].items():
        if result.get("error"):
            rows.append(
                [
                    name,
                    result.get("split", "-"),
                    str(result.get("cases", 0)),
                    result["error"],
                    "-",
                    "-",
                    "-",
                    "-",
                ]
            )
            continue
        for m in result["metrics"]:
            target = m.get("target")
            met = "-" if target is None or m["value"] is None else ("yes" if m["value"] >= target else "no")
            target_text = "-" if target is None else f"{target:.3f}"
            rows.append(
                [
                    name,
                    result["split"],
                    str(result["cases"]),
                    m["metric"],
                    _figure(m["value"]),
                    str(m["n"]),
                    target_text,
                    met,
                ]
            )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, ["-" * w for w in widths], *rows]
    ]
    if "seconds" in results:
        lines.append(f"({results['seconds']:.1f} s)")
    return "\n".join(lines)


def write_json(results: dict[str, Any], path: Path) -> None:
    """Write the results of ``run_evaluation`` as indented JSON."""
    Path(path).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":  # a plain way to run it before the CLI is wired: python -m accord.evaluate.harness
    import sys

    shared_arg = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[4] / "shared"
    outcome = run_evaluation(shared_arg)
    print(format_table(outcome))
    if len(sys.argv) > 2:
        write_json(outcome, Path(sys.argv[2]))
