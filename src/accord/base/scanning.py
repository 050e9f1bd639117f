"""Running many regular expressions over one text fast, with exactly the matches of ``finditer``.

A table of rules (the date grammar has three dozen) is usually run rule by rule over the whole text:
Python's engine then tries every rule at every position, although most rules can only start with a
few words. ``TextScanner`` reads each pattern once (``start_plan``) for the strings any of its matches
must begin with (``"jan"``, ``"feb"``, ... for a month; ``"1"``, ``"20"`` for a year) and whether a
match must begin a word; it then tries the pattern only where the text (folded to lower case once)
has one of those strings, at a word start when it must:

    >>> import re
    >>> month = re.compile(r"\\b(?:jan|feb)\\w*\\s+\\d+", re.IGNORECASE)
    >>> [m.group() for m in TextScanner("Talks on Feb 3 and JAN 9.").finditer(month)]
    ['Feb 3', 'JAN 9']

``TextScanner(text).finditer(p, pos, endpos)`` yields the matches of ``p.finditer(text, pos,
endpos)``, always: a position is skipped only when no match can start there, and the pattern itself
decides at the others, in the same order, each search going on after the previous match as
``finditer`` does. Where the reading cannot be sure (a pattern that may match empty text, classes of
many characters, a letter outside ASCII where case is ignored), or the text holds characters that
fold to ASCII letters or digits outside ASCII (``FOLDING_TO_ASCII``, non-ASCII ``\\d``), the
pattern runs over the whole text as before.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

if sys.version_info >= (3, 11):  # the parser of the re module, which compiles patterns
    import re._constants as _sre
    import re._parser as _sre_parse
else:  # pragma: no cover
    import sre_constants as _sre
    import sre_parse as _sre_parse

# The engine itself, which says which characters have a case (and so match others ignoring it).
_ENGINE: Any = importlib.import_module("_sre")

__all__ = ["FOLDING_TO_ASCII", "WHITESPACE", "StartPlan", "TextScanner", "start_plan"]

# Characters outside ASCII that a case-insensitive pattern matches for an ASCII letter (dotted and
# dotless i, long s, Kelvin sign); ``tests/base/test_scanning.py`` checks the list against every
# code point of the running Python.
FOLDING_TO_ASCII = "\u0130\u0131\u017f\u212a"
# A text with one of these is scanned rule by rule over its whole length.
_UNSURE_TEXT = re.compile(f"[{FOLDING_TO_ASCII}]|(?![0-9])\\d")
# What ``\s`` matches (checked against every code point by the tests): folded to one space.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The folded text: ASCII capitals in lower case, every space one " " (same length, same offsets).
# A word's start, and its first three characters (a boundary is one in the folded text too).
_WORD_HEAD = re.compile(r"\b(?=(\w.{0,2}))", re.DOTALL)
_FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, **{c: " " for c in WHITESPACE}}
)

# How many characters of a match's beginning are read, and how many beginnings at most.
_LENGTH = 3
_MOST_STRINGS = 1000
# Character classes of up to this many characters are read as alternatives.
_SMALL_CLASS = 40


@dataclass(frozen=True)
class StartPlan:
    """Where a pattern can match: at a position where the folded text starts with one of
    ``strings``, and, when ``word_start``, where a word starts."""

    strings: tuple[str, ...]
    word_start: bool
    # Finds the strings anywhere (for a plan that is not ``word_start``).
    starter: re.Pattern[str]


# An abstract beginning: (text read so far, whether the element read is complete so that what
# follows may extend it, whether a word boundary was required before its first character).
_Start = tuple[str, bool, bool]


@functools.lru_cache(maxsize=256)
def start_plan(pattern: re.Pattern[str]) -> StartPlan | None:
    """How ``pattern``'s matches begin, or None when that cannot be read for sure."""
    if pattern.flags & (re.LOCALE | re.ASCII) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - it compiled once
        return None
    starts = _sequence(list(parsed.data), bool(pattern.flags & re.IGNORECASE))
    if starts is None or not starts:
        return None
    # Folded as the text is (a case-sensitive letter then stands for both cases: more positions
    # are tried, none is missed).
    strings = {text.translate(_FOLD) for text, _, _ in starts}
    if "" in strings:
        return None
    # A match begins a word when a boundary comes before a word character on every path.
    word_start = all(bounded and _is_word(text[0]) for text, _, bounded in starts)
    # Keep the shortest of strings that begin alike: "jan" covers "janu".
    kept = sorted(s for s in strings if not any(o != s and s.startswith(o) for o in strings))
    # Positions off word starts are found by searching the strings (a word start: by its head).
    starter = re.compile("|".join(re.escape(s) for s in sorted(kept, key=len, reverse=True)))
    return StartPlan(tuple(kept), word_start, starter)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _sequence(items: list[tuple[Any, Any]], ignorecase: bool) -> set[_Start] | None:
    """The beginnings of a sequence of parsed elements; None when unknown."""
    found: set[_Start] = {("", True, False)}
    for op, av in items:
        if not any(complete for _, complete, _ in found):
            break
        element = _element(op, av, ignorecase)
        grown: set[_Start] = set()
        for text, complete, bounded in found:
            if not complete:
                grown.add((text, False, bounded))
                continue
            if element is None:  # unknown from here: what was read stays a beginning
                grown.add((text, False, bounded))
                continue
            for more, more_complete, more_bounded in element:
                joined = text + more
                marked = bounded or (not text and more_bounded)
                if len(joined) >= _LENGTH:
                    grown.add((joined[:_LENGTH], False, marked))
                else:
                    grown.add((joined, more_complete, marked))
        if len(grown) > _MOST_STRINGS:
            return None
        found = grown
    return found


def _element(op: Any, av: Any, ignorecase: bool) -> set[_Start] | None:
    """The beginnings of one parsed element; None when unknown (anything may come)."""
    if op is _sre.LITERAL:
        return None if _unfoldable(av, ignorecase) else {(chr(av), True, False)}
    if op is _sre.IN:
        chars = _class_chars(av, ignorecase)
        return None if chars is None else {(c, True, False) for c in chars}
    if op is _sre.AT:
        return {("", True, av is _sre.AT_BOUNDARY)}
    if op is _sre.ASSERT_NOT:
        direction, body = av
        # (?<![\w...]): what follows begins a word when it is a word character.
        behind_word = direction < 0 and _refuses_word_before(list(body.data))
        return {("", True, behind_word)}
    if op is _sre.ASSERT:
        return {("", True, False)}
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags & re.IGNORECASE:
            ignorecase = True
        if del_flags & re.IGNORECASE:
            ignorecase = False
        return _sequence(list(body.data), ignorecase)
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence(list(av.data), ignorecase)
    if op is _sre.BRANCH:
        union: set[_Start] = set()
        for branch in av[1]:
            starts = _sequence(list(branch.data), ignorecase)
            if starts is None:
                return None
            union |= starts
        return union
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        inner = _sequence(list(body.data), ignorecase)
        if inner is None:
            return None if low >= 1 else {("", True, False), ("", False, False)}
        if high > 1:  # past the first repetition: unknown
            inner = {(text, False, bounded) for text, _, bounded in inner}
        if low == 0:
            inner |= {("", True, False)}
        return inner
    return None


def _class_chars(items: list[tuple[Any, Any]], ignorecase: bool) -> set[str] | None:
    """The characters of a small class of literals, ranges, ``\\d`` and ``\\s``; None otherwise."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL and not _unfoldable(av, ignorecase):
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _SMALL_CLASS:
            if any(_unfoldable(c, ignorecase) for c in range(av[0], av[1] + 1)):
                return None
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            chars.update("0123456789")  # other digits: the text is scanned whole (_UNSURE_TEXT)
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE:
            chars.add(" ")  # every space is one " " in the folded text
        else:
            return None
    return chars if len(chars) <= _SMALL_CLASS else None


def _unfoldable(code: int, ignorecase: bool) -> bool:
    """Whether a character of the pattern may match one the folded text does not show as it: a
    letter outside ASCII with a case, where case is ignored ("é" for "É")."""
    return ignorecase and code > 127 and bool(_ENGINE.unicode_iscased(code))


def _refuses_word_before(items: list[tuple[Any, Any]]) -> bool:
    """Whether a look-behind body is one class that holds ``\\w`` (so no word character is before)."""
    if len(items) != 1 or items[0][0] is not _sre.IN:
        return False
    members = items[0][1]
    return (_sre.NEGATE, None) not in members and (_sre.CATEGORY, _sre.CATEGORY_WORD) in members


class TextScanner:
    """One text, read once (folded to lower case) for many patterns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sure = _UNSURE_TEXT.search(text) is None
        self._folded: str | None = None
        self._word_heads: dict[str, list[int]] | None = None

    def finditer(
        self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(self.text, pos, endpos)``, in order (see the module
        docstring)."""
        end = len(self.text) if endpos is None else min(endpos, len(self.text))
        plan = start_plan(pattern) if self._sure else None
        if plan is None:
            yield from pattern.finditer(self.text, pos, end)
            return
        after = pos  # where the search goes on: the end of the last match
        for position in self._candidates(plan, pos, end):
            if position < after:
                continue
            found = pattern.match(self.text, position, end)
            if found is not None:
                yield found
                after = found.end()  # never empty: every match begins with a string of the plan

    def _candidates(self, plan: StartPlan, pos: int, end: int) -> Iterator[int]:
        """Positions in ``pos``..``end`` where the folded text starts with a string of the plan
        (at a word start, when the plan says so), in order."""
        text = self.folded
        if plan.word_start:
            heads = self._heads(text)
            lists = [heads[s] for s in plan.strings if s in heads]
            if not lists:
                return
            # One list is in order already; several are merged (a word start is in each once).
            positions = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
            if pos == 0 and end == len(text):
                yield from positions
            else:
                yield from (p for p in positions if pos <= p < end)
            return
        # A match ends by ``end``, so the string it begins with does too.
        hit = plan.starter.search(text, pos, end)
        while hit is not None:
            yield hit.start()
            hit = plan.starter.search(text, hit.start() + 1, end)

    def _heads(self, text: str) -> dict[str, list[int]]:
        """Where words start in the folded ``text``, in order, by their first 1, 2 and 3 characters."""
        if self._word_heads is None:
            heads: defaultdict[str, list[int]] = defaultdict(list)
            for m in _WORD_HEAD.finditer(text):
                head, start = m.group(1), m.start()
                heads[head[:1]].append(start)
                if len(head) > 1:
                    heads[head[:2]].append(start)
                    if len(head) > 2:
                        heads[head].append(start)
            self._word_heads = dict(heads)
        return self._word_heads

    @property
    def folded(self) -> str:
        """The text with ASCII capitals in lower case and every space a " " (same offsets)."""
        if self._folded is None:
            self._folded = self.text.translate(_FOLD)
        return self._folded
