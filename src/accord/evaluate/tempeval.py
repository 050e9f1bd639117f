"""Score time-expression extraction against TimeML gold, the way TempEval-3 does.

A TimeML file holds one document: the creation time (DCT, the ``TIMEX3`` with
``functionInDocument="CREATION_TIME"``) and a ``TEXT`` element with inline ``TIMEX3`` tags. The text
that an extractor sees is the ``TEXT`` element's text content with every inline tag removed; gold
offsets point into that text.

Figures (TempEval-3, UzZaman et al. 2013):

- extent **strict**: a system expression matches a gold one when both offsets are equal;
- extent **relaxed**: it matches when the two spans overlap;
- **value**: a relaxed match whose TIMEX3 value equals the gold value counts as correct;
  precision = correct / system expressions, recall = correct / gold expressions (attribute F1);
- **type**: the same with the TIMEX3 type.

The baseline ``dateparser_extractor`` needs ``dateparser`` (an evaluation-only dependency:
``pip install dateparser``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.records import TimeExpression

__all__ = [
    "GoldTimex",
    "TimeMLDocument",
    "dateparser_extractor",
    "read_timeml",
    "score_documents",
    "score_tempeval",
]

Extractor = Callable[[str, dt.date], list[TimeExpression]]


@dataclass(frozen=True)
class GoldTimex:
    """One gold ``TIMEX3`` inside ``TEXT``: offsets into the tag-free text."""

    text: str
    start: int
    end: int
    timex_type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document reduced to what scoring needs."""

    path: Path
    dct: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one TimeML file into its DCT, tag-free ``TEXT`` and gold ``TIMEX3`` spans.

    Raises ``ValueError`` when the file has no ``TEXT`` element or no creation time.

    >>> doc = read_timeml(Path("AP_20130322.tml"))  # doctest: +SKIP
    >>> doc.dct, doc.timexes[0].value  # doctest: +SKIP
    (datetime.date(2013, 3, 22), 'P1M')
    """
    from lxml import etree

    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, recover=True)).getroot()
    dct: dt.date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = dt.date.fromisoformat((timex.get("value") or "")[:10])
            break
    text_el = root.find(".//TEXT")
    if dct is None or text_el is None:
        raise ValueError(f"{path}: no CREATION_TIME TIMEX3 or no TEXT element")

    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(element: Any) -> None:
        nonlocal length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                span = "".join(parts)[start:length]
                gold.append(GoldTimex(span, start, length, child.get("type") or "", child.get("value") or ""))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(text_el)
    return TimeMLDocument(Path(path), dct, "".join(parts), tuple(gold))


def _overlaps(found: TimeExpression, gold: list[GoldTimex]) -> bool:
    return any(found.start < g.end and g.start < found.end for g in gold)


def _prf(correct: int, system: int, gold: int) -> dict[str, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_documents(
    documents: Iterable[TimeMLDocument], extractor: Extractor, *, types: set[str] | None = None
) -> dict[str, Any]:
    """Run ``extractor`` on each document's text with its DCT and compute the TempEval-3 figures.

    ``types`` restricts gold to those TIMEX3 types (e.g. ``{"DATE"}``); system expressions that
    overlap only gold of other types are then left out.
    Returns ``{"documents", "gold", "system", "strict", "relaxed", "value", "type"}``, each
    figure a ``{"precision", "recall", "f1"}`` dict.
    """
    n_docs = n_gold = n_system = strict = relaxed = value_ok = type_ok = 0
    for doc in documents:
        gold = [g for g in doc.timexes if types is None or g.timex_type in types]
        found = extractor(doc.text, doc.dct)
        if types is not None:
            # Expressions that only cover gold of other types are left out of the count; the rest
            # (including ones no gold covers) still count against precision.
            other = [g for g in doc.timexes if g.timex_type not in types]
            found = [s for s in found if _overlaps(s, gold) or not _overlaps(s, other)]
        n_docs += 1
        n_gold += len(gold)
        n_system += len(found)
        used: set[int] = set()
        for s in found:
            # Each gold expression may be matched once; prefer the exact span, then any overlap.
            exact = next(
                (i for i, g in enumerate(gold) if i not in used and (g.start, g.end) == (s.start, s.end)),
                None,
            )
            overlap = exact
            if overlap is None:
                overlap = next(
                    (i for i, g in enumerate(gold) if i not in used and s.start < g.end and g.start < s.end),
                    None,
                )
            if overlap is None:
                continue
            used.add(overlap)
            relaxed += 1
            strict += exact is not None
            value_ok += s.timex == gold[overlap].value
            type_ok += s.timex_type == gold[overlap].timex_type
    return {
        "documents": n_docs,
        "gold": n_gold,
        "system": n_system,
        "strict": _prf(strict, n_system, n_gold),
        "relaxed": _prf(relaxed, n_system, n_gold),
        "value": _prf(value_ok, n_system, n_gold),
        "type": _prf(type_ok, n_system, n_gold),
    }


def score_tempeval(
    tml_paths: Iterable[Path],
    *,
    extractor: Extractor | None = None,
    types: set[str] | None = None,
) -> dict[str, Any]:
    """Score an extractor (default: Accord's ``find_time_expressions``) on TimeML files.

    ``tml_paths`` are ``.tml`` files; each is read with ``read_timeml``. Returns the figures of
    ``score_documents``.

    >>> score_tempeval(sorted(Path("tempeval3-platinum").glob("*.tml")))["value"]  # doctest: +SKIP
    {'precision': 0.86, 'recall': 0.81, 'f1': 0.83}
    """
    if extractor is None:
        from accord.resolve.dates import find_time_expressions

        extractor = find_time_expressions
    return score_documents((read_timeml(Path(p)) for p in tml_paths), extractor, types=types)


def dateparser_extractor(text: str, dct: dt.date, *, use_period: bool = True) -> list[TimeExpression]:
    """The baseline a user would reach for: ``dateparser.search.search_dates`` relative to the DCT.

    Each hit becomes a DATE. With ``use_period`` (the default) the value keeps the granularity
    dateparser reports for the phrase (``2013-03``, ``2013``, ``2013-W11``, else the day);
    without it every hit is a day (``YYYY-MM-DD``). dateparser gives no durations or sets.
    Offsets are found by searching each matched substring left to right.
    """
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day, 12, 0)
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    hits = search_dates(text, languages=["en"], settings=settings)
    parser = DateDataParser(languages=["en"], settings=settings) if use_period else None
    found: list[TimeExpression] = []
    cursor = 0
    for phrase, when in hits or []:
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start < 0:
            continue
        cursor = start + len(phrase)
        value = when.date().isoformat()
        period = "day"
        if parser is not None:
            period = getattr(parser.get_date_data(phrase), "period", None) or "day"
        if period == "year":
            value = f"{when.year:04d}"
        elif period == "month":
            value = f"{when.year:04d}-{when.month:02d}"
        elif period == "week":
            year, week, _ = when.date().isocalendar()
            value = f"{year:04d}-W{week:02d}"
        found.append(TimeExpression(phrase, start, start + len(phrase), "DATE", value))
    return found
