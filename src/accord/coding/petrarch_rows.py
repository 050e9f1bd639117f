"""Trigger rows converted from PETRARCH, fitted in after Accord's own, and written in Accord's columns.

``arrange_rows`` puts one lemma's rows in the order Accord reads them (the first matching row wins),
keeps PETRARCH's first code for an object, leaves out what Accord's own rows already decide, and joins
rows of one code into one ``a|b|c`` row. ``trigger_lines`` and ``class_lines`` write them out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["TRIGGER_COLUMNS", "AccordRule", "TriggerRow", "arrange_rows", "class_lines", "trigger_lines"]

TRIGGER_COLUMNS = ("lemma", "pos", "object", "cameo", "event", "mode", "context", "flags", "petrarch")


@dataclass(frozen=True)
class TriggerRow:
    """One row: lemma ("verb" or "verb+particle"), object ("*", or words and @CLASSES joined by "|"),
    cameo (a code, "-" to block), flags, and where in the dictionary it came from."""

    lemma: str
    object: str
    cameo: str
    flags: tuple[str, ...]
    origin: str


@dataclass(frozen=True)
class AccordRule:
    """What decides whether one of Accord's own verb rules hides a PETRARCH row: its particle and the
    objects it needs (None = any)."""

    particle: str | None
    objects: frozenset[str] | None


def arrange_rows(
    rows: Sequence[TriggerRow],
    own: Sequence[AccordRule],
    *,
    event_nouns: frozenset[str],
    classes: Mapping[str, Sequence[str]],
    counts: Counter[str],
) -> list[TriggerRow]:
    """One lemma's rows as Accord should read them: particle with object, particle, object, then the
    bare verb. An object word keeps its first code (PETRARCH too keeps its first pattern); words that
    ``event_nouns`` names are left out ("held talks": Accord reads the noun with its support verb, so
    pass them only for a support verb); rows ``own`` (Accord's rules for the lemma) decide are dropped,
    and so are blocking rows with no later row to block."""

    def rank(row: TriggerRow) -> int:
        return (0 if "+" in row.lemma else 2) + (0 if row.object != "*" else 1)

    kept: list[TriggerRow] = []
    seen: set[tuple[str, str]] = set()
    for row in sorted(rows, key=rank):
        words = [w for w in row.object.split("|") if (row.lemma, w) not in seen]
        if len(words) < len(row.object.split("|")):
            counts["rows: object already coded by an earlier pattern"] += 1
        seen.update((row.lemma, w) for w in words)
        if event_nouns and row.object != "*":
            words = _without_event_nouns(words, event_nouns, classes, counts)
        if not words:
            continue
        if _hidden_by_accord(row, words, own):
            counts["rows: decided by Accord's own rows"] += 1
            continue
        kept.append(TriggerRow(row.lemma, "|".join(words), row.cameo, row.flags, row.origin))
    return _merged(_without_idle_blocks(kept, counts))


def trigger_lines(rows: Sequence[TriggerRow]) -> list[str]:
    """The rows in the columns of Accord's triggers files (event, mode and context left to the code
    table), with a last column naming the block and line of the dictionary each came from."""
    lines = ["\t".join(TRIGGER_COLUMNS)]
    for row in rows:
        fields = (row.lemma, "VERB", row.object, row.cameo, "", "", "", ",".join(row.flags), row.origin)
        lines.append("\t".join(fields))
    return lines


def class_lines(classes: Mapping[str, Sequence[str]]) -> list[str]:
    """The word classes in the columns of ``word_classes.tsv``."""
    return ["class\tlemmas", *(f"{name}\t{'|'.join(words)}" for name, words in classes.items())]


def _without_event_nouns(
    words: list[str], nouns: frozenset[str], classes: Mapping[str, Sequence[str]], counts: Counter[str]
) -> list[str]:
    """The object words less the event nouns (a class with some is spelt out without them)."""
    kept: list[str] = []
    for word in words:
        members = classes.get(word[1:], ()) if word.startswith("@") else (word,)
        events = [m for m in members if _is_event_noun(m, nouns)]
        if not events:
            kept.append(word)
            continue
        counts["row objects: an event noun Accord reads with its support verb"] += len(events)
        kept += [m for m in members if m not in events and m not in kept]
    return kept


def _is_event_noun(word: str, nouns: frozenset[str]) -> bool:
    """The word or its singular ("talks", "offensives", "sanctions") is one of the event nouns."""
    singulars = {word, word[:-1] if word.endswith("s") else word}
    if word.endswith("ies"):
        singulars.add(word[:-3] + "y")
    if word.endswith("es"):
        singulars.add(word[:-2])
    return bool(singulars & nouns)


def _hidden_by_accord(row: TriggerRow, words: list[str], own: Sequence[AccordRule]) -> bool:
    """Whether Accord's rules for the lemma decide every case the row would, or, for a bare verb,
    whether Accord has the lemma at all (PETRARCH only adds words and narrower rows)."""
    particle = row.lemma.partition("+")[2] or None
    if row.object == "*" and particle is None:
        return bool(own)
    for rule in own:
        if rule.particle is not None and rule.particle != particle:
            continue
        if rule.objects is None:
            return True
        if not any(w.startswith("@") for w in words) and set(words) <= rule.objects:
            return True
    return False


def _without_idle_blocks(rows: list[TriggerRow], counts: Counter[str]) -> list[TriggerRow]:
    """Blocking rows that no later row could get past: with nothing to block, they are left out."""
    kept: list[TriggerRow] = []
    for at, row in enumerate(rows):
        if row.cameo != "-" or any(_could_match(later, row) for later in rows[at + 1 :]):
            kept.append(row)
        else:
            counts["rows: blocking rows with nothing after them to block"] += 1
    return kept


def _could_match(later: TriggerRow, block: TriggerRow) -> bool:
    """Whether a later (non-blocking) row could match where the blocking row does: the bare verb, the
    same particle with any object, or the same object with no particle."""
    if later.cameo == "-":
        return False
    if "+" not in later.lemma:
        return later.object == "*" or bool(set(later.object.split("|")) & set(block.object.split("|")))
    return later.lemma == block.lemma and later.object == "*"


def _merged(rows: list[TriggerRow]) -> list[TriggerRow]:
    """Rows of one lemma, code and flags that name objects become one row ("a|b|c"), where the first
    of them stood. Their objects are distinct words, so only an object offering several words ("food
    aid") could meet another row first; PETRARCH's own order between such patterns is arbitrary."""
    merged: list[TriggerRow] = []
    at: dict[tuple[str, str, tuple[str, ...]], int] = {}
    for row in rows:
        key = (row.lemma, row.cameo, row.flags)
        if row.object == "*" or key not in at:
            if row.object != "*":
                at[key] = len(merged)
            merged.append(row)
            continue
        first = merged[at[key]]
        joined = f"{first.object}|{row.object}"
        merged[at[key]] = TriggerRow(row.lemma, joined, row.cameo, row.flags, first.origin)
    return merged
