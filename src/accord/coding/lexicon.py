"""The event lexicon and the CAMEO fact tables, read from the data files beside this module.

``load_lexicon()`` reads ``triggers.tsv`` (trigger words -> CAMEO codes), ``word_classes.tsv`` (the @CLASS
object lists), ``cameo_plover.tsv`` (CAMEO -> PLOVER type, mode, context) and ``cameo_goldstein.tsv``
(CAMEO -> Goldstein value). Files are read once per process on first use, never at import.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = ["CodeInfo", "Lexicon", "TriggerRule", "load_lexicon", "quad_class"]


@dataclass(frozen=True)
class CodeInfo:
    """What a CAMEO code means in PLOVER terms, with its Goldstein value and quad class."""

    cameo: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    particle: str | None
    pos: str
    objects: frozenset[str] | None  # None = any object or none
    code: CodeInfo
    reciprocal: bool
    destination: bool
    blocked: bool = False  # a row whose cameo is "-": this word with this object is not an event
    transitive: bool = False  # needs a recipient in the parse (an object or a recipient preposition)


@dataclass(frozen=True)
class Lexicon:
    rules_by_lemma: dict[tuple[str, str], tuple[TriggerRule, ...]]
    codes: dict[str, CodeInfo]
    support_verbs: frozenset[str]
    blocked_modifiers: frozenset[str] = frozenset()
    generic_event_heads: frozenset[str] = frozenset()
    diplomatic_protest_verbs: frozenset[str] = frozenset()
    event_predicates: frozenset[str] = frozenset()
    obligation_frames: frozenset[str] = frozenset()
    nonagent_subjects: frozenset[str] = frozenset()
    crowd_subjects: frozenset[str] = frozenset()
    sports_words: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    obligation_rule: TriggerRule | None = None

    def rules(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        return self.rules_by_lemma.get((lemma, pos), ())

    def code(self, cameo: str) -> CodeInfo:
        return self.codes[cameo]


def quad_class(cameo: str) -> int:
    """GDELT/ICEWS quad class from the CAMEO root: 1 verbal and 2 material cooperation,
    3 verbal and 4 material conflict."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items()}


def _data_dir() -> Path:
    return Path(str(resources.files("accord.coding") / "data"))


def _goldstein_for(cameo: str, table: dict[str, float]) -> float:
    # A 4-digit code absent from the table takes its 3-digit parent's value, then the root's.
    for length in (len(cameo), 3, 2):
        if cameo[:length] in table:
            return table[cameo[:length]]
    raise KeyError(f"no Goldstein value for CAMEO {cameo}")


@functools.lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Read the lexicon files (from ``data_dir``, default the package's own) into a ``Lexicon``.

    Raises ``ValueError`` naming the file and row for a malformed entry or an unknown CAMEO code.
    """
    folder = data_dir or _data_dir()
    goldstein = {r["cameo"]: float(r["goldstein"]) for r in _rows(folder / "cameo_goldstein.tsv")}
    plover: dict[str, dict[str, str]] = {r["cameo"]: r for r in _rows(folder / "cameo_plover.tsv")}
    classes = {r["class"]: frozenset(r["lemmas"].split("|")) for r in _rows(folder / "word_classes.tsv")}

    def code_info(cameo: str, event: str = "", mode: str = "", context: str = "") -> CodeInfo:
        base = plover.get(cameo) or plover.get(cameo[:3]) or plover.get(cameo[:2])
        if base is None:
            raise ValueError(f"CAMEO code {cameo} has no PLOVER mapping")
        contexts = context or base["context"]
        return CodeInfo(
            cameo=cameo,
            event=event or base["event"],
            mode=(mode or base["mode"]) or None,
            context=tuple(c for c in contexts.split(",") if c),
            goldstein=_goldstein_for(cameo, goldstein),
            quad_class=quad_class(cameo),
        )

    codes = {cameo: code_info(cameo) for cameo in plover}
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    # triggers.tsv first, then topic files (triggers_conflict.tsv, ...): within one word, rows are tried
    # in that order, so a topic file adds words and narrower object rows after the general ones.
    trigger_files = [folder / "triggers.tsv", *sorted(folder.glob("triggers_*.tsv"))]
    numbered = (
        (path, number, row) for path in trigger_files for number, row in enumerate(_rows(path), start=2)
    )
    for path, number, row in numbered:
        try:
            lemma, _, particle = row["lemma"].partition("+")
            objects: frozenset[str] | None = None
            if row["object"] != "*":
                words: set[str] = set()
                for part in row["object"].split("|"):
                    words |= classes[part[1:]] if part.startswith("@") else {part}
                objects = frozenset(words)
            flags = set(row["flags"].split(",")) if row["flags"] else set()
            blocked = row["cameo"] == "-"
            info = (
                CodeInfo("-", "", None, (), 0.0, 1)
                if blocked
                else code_info(row["cameo"], row["event"], row["mode"], row["context"])
            )
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path.name} row {number}: {exc}") from exc
        rule = TriggerRule(
            lemma=lemma,
            particle=particle or None,
            pos=row["pos"],
            objects=objects,
            code=info,
            reciprocal="reciprocal" in flags,
            destination="dest" in flags,
            blocked=blocked,
            transitive="transitive" in flags,
        )
        rules.setdefault((lemma, row["pos"]), []).append(rule)
        if not blocked:
            codes.setdefault(info.cameo, info)
    return Lexicon(
        rules_by_lemma={key: tuple(value) for key, value in rules.items()},
        codes=codes,
        support_verbs=classes.get("SUPPORTVERB", frozenset()),
        blocked_modifiers=classes.get("NONEVENT_MODIFIER", frozenset()),
        generic_event_heads=classes.get("GENERIC_EVENT_HEAD", frozenset()),
        diplomatic_protest_verbs=classes.get("DIPLOMATIC_PROTEST_VERB", frozenset()),
        event_predicates=classes.get("EVENT_PREDICATE", frozenset()),
        obligation_frames=classes.get("OBLIGATION_FRAME", frozenset()),
        nonagent_subjects=classes.get("NONAGENT_SUBJECT", frozenset()),
        crowd_subjects=classes.get("CROWD", frozenset()),
        sports_words=classes.get("SPORTS_WORD", frozenset()),
        forces=classes.get("TROOPS", frozenset()),
        # "X said Y must ...": PLOVER REQUEST (CAMEO 100, demand), see events.py.
        obligation_rule=TriggerRule("must", None, "VERB", None, codes["100"], False, False),
    )
