"""The event lexicon and the CAMEO code tables, read from the data files beside this module.

``load_lexicon()`` reads ``cameo_plover.tsv`` (CAMEO -> PLOVER type, mode, context), ``cameo_goldstein.tsv``
(CAMEO -> Goldstein value), ``word_classes.tsv`` (named word lists: the @CLASS objects of trigger rows and
the classes the coder reads, such as support verbs and reporting verbs) with ``word_classes_*.tsv``, and
``triggers.tsv`` with the topic files ``triggers_*.tsv`` (trigger words -> CAMEO codes); the rows converted
from PETRARCH2's verb dictionary (``triggers_petrarch.tsv``) come last, so Accord's own rows win. Files are read once per process on first use,
never at import, through ``accord.base.tsv``.

Everything is checked as it is read, and a bad row raises ``DataFileError`` naming its file and line: a
PLOVER type that is not one of the sixteen, a CAMEO code without a row in ``cameo_plover.tsv`` (or without
a Goldstein value, its own or its parent's), an unknown word class, part of speech or flag. The types and
codes the coder names in Python (``accord.coding.codes``) are checked against the same tables.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import cast

import accord.coding.codes as named
from accord.base.ontology import EventType, is_event_type, quad_class
from accord.base.tsv import TsvRow, read_tsv
from accord.errors import DataFileError

__all__ = ["CodeInfo", "Lexicon", "TriggerRule", "load_lexicon"]


@dataclass(frozen=True)
class CodeInfo:
    """What a CAMEO code means in PLOVER terms, with its Goldstein value and quad class."""

    cameo: str
    event: EventType
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class TriggerRule:
    """One row of a triggers file: a word (with its particle or modifier, and the objects it needs) and
    the code it stands for; ``code`` is None for a blocking row ("seize power" is not an event)."""

    lemma: str
    particle: str | None
    pos: str
    objects: frozenset[str] | None  # None = any object or none
    code: CodeInfo | None
    reciprocal: bool = False  # the sides act together ("meet with", "sign with")
    destination: bool = False  # the recipient is where the actor went ("visit India")
    transitive: bool = False  # needs a recipient in the parse (an object or a recipient preposition)
    content: bool = False  # the particle's object is what the act is about ("charged X with murder"), no side
    origin: str = ""  # where the row is: "triggers.tsv:12"
    object_text: str = "*"  # the object column as written ("@AGREEMENT")

    @property
    def blocked(self) -> bool:
        """A row whose cameo is "-": this word with this object is not an event."""
        return self.code is None


@dataclass(frozen=True)
class Lexicon:
    """The trigger rules by (lemma, part of speech), the code table, and the word classes the coder reads."""

    rules_by_lemma: dict[tuple[str, str], tuple[TriggerRule, ...]]
    codes: dict[str, CodeInfo]
    support_verbs: frozenset[str]
    blocked_modifiers: frozenset[str] = frozenset()
    generic_event_heads: frozenset[str] = frozenset()
    diplomatic_protest_verbs: frozenset[str] = frozenset()
    event_predicates: frozenset[str] = frozenset()
    obligation_frames: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    future_reporting_verbs: frozenset[str] = frozenset()
    nonagent_subjects: frozenset[str] = frozenset()
    crowd_subjects: frozenset[str] = frozenset()
    sports_words: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()  # texts someone writes: agreements, resolutions, plans
    clashes: frozenset[str] = frozenset()  # fights between two sides: clash, encounter, gunfight
    obligation_rule: TriggerRule | None = None

    def rules(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        """The rules for a lemma and part of speech (``VERB`` or ``NOUN``), in file order."""
        return self.rules_by_lemma.get((lemma, pos), ())

    def code(self, cameo: str) -> CodeInfo:
        """The meaning of a CAMEO code; raises ``KeyError`` for a code without a row."""
        return self.codes[cameo]


_CODE_FORM = re.compile(r"\d{2,4}")
_PARTS_OF_SPEECH = frozenset({"VERB", "NOUN"})
_TRIGGER_FLAGS = frozenset({"reciprocal", "dest", "transitive", "content"})


@functools.lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Read the lexicon files (from ``data_dir``, default the package's own) into a ``Lexicon``.

    Raises ``DataFileError`` (a ``ValueError``) naming the file and line of a malformed row, an unknown
    PLOVER type or CAMEO code, or a word class that is missing.
    """
    folder: Traversable = data_dir if data_dir is not None else resources.files("accord.coding") / "data"
    codes = _read_codes(folder / "cameo_plover.tsv", _read_goldstein(folder / "cameo_goldstein.tsv"))
    _check_named_in_python(codes)
    classes_file = folder / "word_classes.tsv"
    classes = _read_classes(folder)

    def word_class(name: str) -> frozenset[str]:
        if name not in classes:
            raise DataFileError(classes_file.name, 1, f"no class {name}, which the event coder reads")
        return classes[name]

    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    for row in _trigger_rows(folder):
        rule = _trigger_rule(row, codes, classes)
        rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    return Lexicon(
        rules_by_lemma={key: tuple(value) for key, value in rules.items()},
        codes=codes,
        support_verbs=word_class("SUPPORTVERB"),
        blocked_modifiers=word_class("NONEVENT_MODIFIER"),
        generic_event_heads=word_class("GENERIC_EVENT_HEAD"),
        diplomatic_protest_verbs=word_class("DIPLOMATIC_PROTEST_VERB"),
        event_predicates=word_class("EVENT_PREDICATE"),
        obligation_frames=word_class("OBLIGATION_FRAME"),
        reporting_verbs=word_class("REPORTING_VERB"),
        future_reporting_verbs=word_class("FUTURE_REPORTING_VERB"),
        nonagent_subjects=word_class("NONAGENT_SUBJECT"),
        crowd_subjects=word_class("CROWD"),
        sports_words=word_class("SPORTS_WORD"),
        forces=word_class("TROOPS"),
        documents=word_class("AGREEMENT") | word_class("PROPOSAL"),
        clashes=word_class("CLASH"),
        # "X said Y must ...": PLOVER REQUEST (CAMEO 100, demand); see triggers.py.
        obligation_rule=TriggerRule("must", None, "VERB", None, codes[named.DEMAND]),
    )


def _read_goldstein(source: Traversable) -> dict[str, float]:
    table: dict[str, float] = {}
    for row in read_tsv(source, required=("cameo", "goldstein")):
        _check_code_form(row, row["cameo"])
        try:
            table[row["cameo"]] = float(row["goldstein"])
        except ValueError:
            raise row.error(f"Goldstein value {row['goldstein']!r} is not a number") from None
    return table


def _read_codes(source: Traversable, goldstein: Mapping[str, float]) -> dict[str, CodeInfo]:
    """Every row of the CAMEO -> PLOVER table as a ``CodeInfo``, keyed by code."""
    codes: dict[str, CodeInfo] = {}
    for row in read_tsv(source, required=("cameo", "event", "mode", "context")):
        cameo = row["cameo"]
        _check_code_form(row, cameo)
        # A 4-digit code absent from the Goldstein table takes its 3-digit parent's value, then the root's.
        value = next((goldstein[cameo[:n]] for n in (len(cameo), 3, 2) if cameo[:n] in goldstein), None)
        if value is None:
            raise row.error(f"CAMEO {cameo} has no Goldstein value, nor has its parent")
        codes[cameo] = CodeInfo(
            cameo=cameo,
            event=_event_type(row, row["event"]),
            mode=row["mode"] or None,
            context=_contexts(row["context"]),
            goldstein=value,
            quad_class=quad_class(cameo),
        )
    return codes


def _read_classes(folder: Traversable) -> dict[str, frozenset[str]]:
    """The word classes of word_classes.tsv and of the files beside it (word_classes_petrarch.tsv, ...);
    a class named twice is an error."""
    classes: dict[str, frozenset[str]] = {}
    for source in _in_order(folder, "word_classes"):
        for row in read_tsv(source, required=("class", "lemmas")):
            if row["class"] in classes:
                raise row.error(f"class {row['class']} is defined twice")
            classes[row["class"]] = frozenset(row["lemmas"].split("|"))
    return classes


def _trigger_rows(folder: Traversable) -> Iterable[TsvRow]:
    """The rows of triggers.tsv, then of the topic files (triggers_conflict.tsv, ...) in name order, then
    of the imported triggers_petrarch.tsv: within one word, rows are tried in that order, so a topic file
    adds words and narrower object rows after the general ones, and PETRARCH's rows only add to Accord's."""
    required = ("lemma", "pos", "object", "cameo", "event", "mode", "context", "flags")
    for source in _in_order(folder, "triggers"):
        yield from read_tsv(source, required=required)


# Files converted from other coders' dictionaries: read after Accord's own, so Accord's rows win.
_IMPORTED_SUFFIXES = ("_petrarch.tsv",)


def _in_order(folder: Traversable, stem: str) -> list[Traversable]:
    """``stem``.tsv, then ``stem``_*.tsv in name order, imported files last."""
    extra = sorted(
        (f for f in folder.iterdir() if f.name.startswith(f"{stem}_") and f.name.endswith(".tsv")),
        key=lambda f: (f.name.endswith(_IMPORTED_SUFFIXES), f.name),
    )
    return [folder / f"{stem}.tsv", *extra]


def _trigger_rule(
    row: TsvRow, codes: Mapping[str, CodeInfo], classes: Mapping[str, frozenset[str]]
) -> TriggerRule:
    lemma, _, particle = row["lemma"].partition("+")
    if row["pos"] not in _PARTS_OF_SPEECH:
        raise row.error(f"part of speech {row['pos']!r} is not VERB or NOUN")
    flags = set(row["flags"].split(",")) if row["flags"] else set()
    if flags - _TRIGGER_FLAGS:
        raise row.error(f"unknown flag(s) {', '.join(sorted(flags - _TRIGGER_FLAGS))}")
    return TriggerRule(
        lemma=lemma,
        particle=particle or None,
        pos=row["pos"],
        objects=None if row["object"] == "*" else _object_words(row, classes),
        code=None if row["cameo"] == "-" else _trigger_code(row, codes),
        reciprocal="reciprocal" in flags,
        destination="dest" in flags,
        transitive="transitive" in flags,
        content="content" in flags,
        origin=f"{row.origin}:{row.line}",
        object_text=row["object"],
    )


def _object_words(row: TsvRow, classes: Mapping[str, frozenset[str]]) -> frozenset[str]:
    text = row["object"]
    if text.startswith("@") and "|" not in text and text[1:] in classes:
        return classes[text[1:]]  # one class: its set, shared by every row that names it
    words: set[str] = set()
    for part in text.split("|"):
        if not part.startswith("@"):
            words.add(part)
        elif part[1:] in classes:
            words |= classes[part[1:]]
        else:
            raise row.error(f"no word class {part[1:]} in word_classes.tsv")
    return frozenset(words)


def _trigger_code(row: TsvRow, codes: Mapping[str, CodeInfo]) -> CodeInfo:
    """The row's code, with the type, mode and contexts the row gives in place of the table's."""
    base = codes.get(row["cameo"])
    if base is None:
        raise row.error(f"CAMEO {row['cameo']} has no row in cameo_plover.tsv")
    if not (row["event"] or row["mode"] or row["context"]):
        return base
    return CodeInfo(
        cameo=base.cameo,
        event=_event_type(row, row["event"]) if row["event"] else base.event,
        mode=row["mode"] or base.mode,
        context=_contexts(row["context"]) if row["context"] else base.context,
        goldstein=base.goldstein,
        quad_class=base.quad_class,
    )


def _contexts(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split(",") if c)


def _event_type(row: TsvRow, name: str) -> EventType:
    if not is_event_type(name):
        raise row.error(f"{name!r} is not a PLOVER event type")
    return cast(EventType, name)


def _check_code_form(row: TsvRow, cameo: str) -> None:
    if not _CODE_FORM.fullmatch(cameo):
        raise row.error(f"{cameo!r} is not a CAMEO code (2 to 4 digits)")


def _check_named_in_python(codes: Mapping[str, CodeInfo]) -> None:
    """The types and codes of ``accord.coding.codes`` against PLOVER's types and the code table."""
    for name in named.named_types():
        if not is_event_type(name):
            raise _named_error(name, f"{name!r} is not a PLOVER event type")
    for cameo in named.named_codes():
        if cameo not in codes:
            raise _named_error(cameo, f"CAMEO {cameo} has no row in cameo_plover.tsv")


def _named_error(value: str, reason: str) -> DataFileError:
    """An error naming the line of ``codes.py`` that writes ``value`` (read only when there is one)."""
    source = Path(named.__file__)
    lines = source.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, start=1) if f'"{value}"' in text), 1)
    return DataFileError(source.name, line, reason)
