"""The word lists behind date resolution, read from ``data/date_lexicon.tsv``.

Analysts change the TSV, not this module: each row is ``kind <TAB> word <TAB> value`` (see the
file's comment line for its source). Loaded once, on first use, never at import time.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

__all__ = ["DateLexicon", "load_date_lexicon"]


@dataclass(frozen=True)
class DateLexicon:
    """Lower-cased words of time expressions, grouped by what they stand for.

    ``months``/``weekdays`` map to 1-12 / ISO 1-7; ``numbers`` to a count; ``units`` to a TIMEX3
    duration unit (``D``, ``W``, ``TH``, ``10Y`` ...); ``seasons``/``parts_of_day`` to TIMEX3 codes;
    ``fuzzy`` to ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``; ``day_offsets`` to days from the
    report date; ``times_of_day`` to ``<offset>T<part>``; ``set_adverbs`` to a SET value;
    ``holidays`` to a rule (``12-25``; ``11/4/4`` the fourth Thursday of November; ``E-2`` two days
    before Easter Sunday); ``anchored`` ("the next day") to a unit and a step counted from the
    last date before it in the story (``D+1``); the cue sets decide the tense of a sentence.
    """

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    fuzzy: dict[str, str]
    day_offsets: dict[str, int]
    times_of_day: dict[str, str]
    set_adverbs: dict[str, str]
    holidays: dict[str, str]
    anchored: dict[str, str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    count_nouns: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_date_lexicon() -> DateLexicon:
    """Read ``data/date_lexicon.tsv`` (packaged with Accord) into a ``DateLexicon``.

    >>> load_date_lexicon().months["sept"]
    9
    """
    groups: dict[str, dict[str, str]] = {}
    text = resources.files("accord.resolve").joinpath("data/date_lexicon.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        groups.setdefault(row["kind"], {})[row["word"].strip().lower()] = (row["value"] or "").strip()

    def group(kind: str) -> dict[str, str]:
        return groups.get(kind, {})

    return DateLexicon(
        months={w: int(v) for w, v in group("month").items()},
        weekdays={w: int(v) for w, v in group("weekday").items()},
        numbers={w: float(v) for w, v in group("number").items()},
        vague_numbers=frozenset(group("vague_number")),
        ordinals={w: int(v) for w, v in group("ordinal").items()},
        units=dict(group("unit")),
        seasons=dict(group("season")),
        parts_of_day=dict(group("part_of_day")),
        fuzzy=dict(group("fuzzy")),
        day_offsets={w: int(v) for w, v in group("day_offset").items()},
        times_of_day=dict(group("time_of_day")),
        set_adverbs=dict(group("set_adverb")),
        holidays=dict(group("holiday")),
        anchored=dict(group("anchored")),
        future_cues=frozenset(group("future_cue")),
        past_cues=frozenset(group("past_cue")),
        count_nouns=frozenset(group("count_noun")),
    )
