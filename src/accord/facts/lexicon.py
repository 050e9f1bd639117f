"""The word lists of ``accord.facts``, read from ``data/fact_words.tsv`` (columns ``class``, ``word``,
``value``; the classes are described in the file's header).

``load_fact_words()`` reads the file once per process, on first use, through ``accord.base.tsv``. Every
value is checked against the record vocabularies of ``accord.fact_records`` as it is read, and a bad row
raises ``DataFileError`` naming the file and line.

>>> words = load_fact_words()
>>> words.agreement_nouns["treaty"], words.meeting_nouns["summit"], words.ordinals["21st"]
('treaty', 'summit', 21)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from accord.base.tsv import TsvRow, data_file, read_tsv
from accord.fact_records import (
    AGREEMENT_ACTIONS,
    AGREEMENT_KINDS,
    DEAL_KINDS,
    DEAL_STATUSES,
    EARLIER_RELATIONS,
    MEETING_KINDS,
    MEETING_STATUSES,
    AgreementAction,
    AgreementKind,
    DealKind,
    DealStatus,
    EarlierRelation,
    MeetingKind,
    MeetingStatus,
)

__all__ = ["DealVerb", "FactWords", "load_fact_words"]

_NUMERIC_ORDINAL = re.compile(r"^(\d{1,4})(st|nd|rd|th)$")


@dataclass(frozen=True)
class DealVerb:
    """A verb that states a deal ("bought"): the deal's kind and the role its subject plays."""

    kind: DealKind
    subject_role: str  # "buyer" or "seller"


class _Ordinals(Mapping[str, int]):
    """Ordinal words from the file, and numerals with their suffix ("21st") by rule."""

    def __init__(self, words: dict[str, int]) -> None:
        self._words = words

    def __getitem__(self, key: str) -> int:
        if key in self._words:
            return self._words[key]
        match = _NUMERIC_ORDINAL.match(key)
        if match is None:
            raise KeyError(key)
        return int(match.group(1))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._words or _NUMERIC_ORDINAL.match(key) is not None)

    def __iter__(self) -> Any:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


@dataclass(frozen=True)
class FactWords:
    """The word lists by class; words are lower case, verbs are lemmas ("call off": lemma and particle)."""

    agreement_nouns: Mapping[str, AgreementKind]
    meeting_nouns: Mapping[str, MeetingKind]
    support_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    series_nouns: frozenset[str]
    body_nouns: Mapping[str, MeetingKind]
    deal_nouns: Mapping[str, DealKind]
    deal_verbs: Mapping[str, DealVerb]
    deal_modifiers: Mapping[str, DealKind]
    deal_side_verbs: Mapping[str, str]
    arms_words: frozenset[str]
    agreement_verbs: Mapping[str, AgreementAction]
    earlier_verbs: Mapping[str, EarlierRelation]
    meeting_verbs: Mapping[str, MeetingStatus]
    before_words: frozenset[str]
    deal_status_verbs: Mapping[str, DealStatus]
    chair_verbs: frozenset[str]
    ordinals: Mapping[str, int]
    recurrences: Mapping[str, str]
    collectives: frozenset[str]
    definites: frozenset[str]
    vague_modifiers: frozenset[str]
    named_only: frozenset[str]
    deal_like_nouns: frozenset[str]
    planned_modifiers: frozenset[str]
    not_records: frozenset[str]


_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "agreement_noun": AGREEMENT_KINDS,
    "meeting_noun": MEETING_KINDS,
    "body_noun": MEETING_KINDS,
    "deal_noun": DEAL_KINDS,
    "deal_modifier": DEAL_KINDS,
    "agreement_verb": AGREEMENT_ACTIONS,
    "earlier_verb": EARLIER_RELATIONS,
    "meeting_verb": MEETING_STATUSES,
    "deal_status_verb": DEAL_STATUSES,
}
_WORD_SETS: tuple[str, ...] = (
    "support_noun",
    "generic_noun",
    "series_noun",
    "arms_word",
    "before_word",
    "chair_verb",
)
_WORD_SETS += ("collective", "definite", "vague_modifier", "named_only", "not_a_record")
_WORD_SETS += ("deal_like_noun", "planned_modifier")
_OTHER = ("deal_verb", "deal_side_verb", "ordinal", "recurrence")


@functools.lru_cache(maxsize=2)
def load_fact_words(source: Path | None = None) -> FactWords:
    """Read ``source`` (default the package's ``data/fact_words.tsv``) into ``FactWords``;
    ``DataFileError`` for a malformed row, an unknown class or a value outside the vocabulary of its
    class."""
    path = source if source is not None else data_file("accord.facts", "fact_words.tsv")
    rows = read_tsv(path, required=("class", "word", "value"))
    tables: dict[str, dict[str, Any]] = {name: {} for name in (*_VOCABULARIES, *_WORD_SETS, *_OTHER)}
    for row in rows:
        name, word = row["class"], row["word"].lower()
        if name not in tables:
            raise row.error(f"unknown class {name!r}; known: {', '.join(sorted(tables))}")
        if not word:
            raise row.error("empty word")
        tables[name][word] = _value(row, name)
    return FactWords(
        agreement_nouns=tables["agreement_noun"],
        meeting_nouns=tables["meeting_noun"],
        support_nouns=frozenset(tables["support_noun"]),
        generic_nouns=frozenset(tables["generic_noun"]),
        series_nouns=frozenset(tables["series_noun"]),
        body_nouns=tables["body_noun"],
        deal_nouns=tables["deal_noun"],
        deal_verbs=tables["deal_verb"],
        deal_modifiers=tables["deal_modifier"],
        deal_side_verbs=tables["deal_side_verb"],
        arms_words=frozenset(tables["arms_word"]),
        agreement_verbs=tables["agreement_verb"],
        earlier_verbs=tables["earlier_verb"],
        meeting_verbs=tables["meeting_verb"],
        before_words=frozenset(tables["before_word"]),
        deal_status_verbs=tables["deal_status_verb"],
        chair_verbs=frozenset(tables["chair_verb"]),
        ordinals=_Ordinals(tables["ordinal"]),
        recurrences=tables["recurrence"],
        collectives=frozenset(tables["collective"]),
        definites=frozenset(tables["definite"]),
        vague_modifiers=frozenset(tables["vague_modifier"]),
        named_only=frozenset(tables["named_only"]),
        deal_like_nouns=frozenset(tables["deal_like_noun"]),
        planned_modifiers=frozenset(tables["planned_modifier"]),
        not_records=frozenset(tables["not_a_record"]),
    )


def _value(row: TsvRow, name: str) -> Any:
    value = row["value"]
    if name in _VOCABULARIES:
        if value not in _VOCABULARIES[name]:
            raise row.error(f"{value!r} is not one of {', '.join(_VOCABULARIES[name])}")
        return value
    if name == "deal_verb":
        kind, _, role = value.partition(":")
        if kind not in DEAL_KINDS or role not in ("buyer", "seller"):
            raise row.error(
                f"{value!r} is not KIND:buyer or KIND:seller with a kind of {', '.join(DEAL_KINDS)}"
            )
        return DealVerb(cast(DealKind, kind), role)
    if name == "deal_side_verb" and value not in ("buyer", "seller"):
        raise row.error(f"{value!r} is not buyer or seller")
    if name == "ordinal":
        if not value.isdigit() or int(value) < 1:
            raise row.error(f"ordinal {value!r} is not a positive number")
        return int(value)
    return value
