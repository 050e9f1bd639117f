"""Reading a record's name and the numbers in it: where a name starts and ends, its ordinal ("20th",
"first"), its recurrence ("annual"), the years it runs ("2021-2031", "10-year").

A name is the noun with its modifiers and the phrases that say what it is about ("the Agreement on
Program for Military-Technical Cooperation from 2021-2031", "the 20th meeting of the joint commission",
"a memorandum of understanding on maritime security"), without the determiner and without what says when
or where ("on Monday", "in Geneva") or who ("India's"). Parses attach "for ..." and "from 2021-2031" to
the verb as often as to the noun, so a capitalised title and a year range are followed in the text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.base.syntax import doc_text
from accord.fact_records import Span
from accord.facts.lexicon import FactWords
from accord.records import TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "NameRange",
    "Years",
    "duration_years",
    "is_title",
    "name_range",
    "ordinal_in",
    "recurrence_in",
    "span_of",
    "tokens_span",
    "year_range_in",
]

# Prepositions whose phrase belongs to a name ("agreement on trade", "talks between A and B").
_NAME_PREPS = frozenset({"of", "on", "for", "between", "among", "concerning", "regarding", "over", "about"})
# Left dependents that are not part of a name: determiners, possessors, punctuation.
_LEFT_SKIP = frozenset({"det", "predet", "poss", "case", "punct", "cc", "preconj", "advmod"})
# Dependents that start another clause: a name stops before them.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
# Prepositions inside a name's phrase that start something else: who ("with the minister", "by India"),
# where ("at"), when ("since March").
_FOREIGN_PREPS = frozenset(
    {"with", "by", "from", "against", "at", "near", "since", "during", "after", "before", "until"}
)
_TRAILING = frozenset({",", ";", ":", "-", "–", "—", "(", '"', "“", "”", "'"})
# "2021-2031", "2021-31", "2021/22", "2021 to 2031": the first and last year.
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–/]|\bto\b)\s*((?:19|20)?\d\d)\b")
_DURATION_YEARS = re.compile(r"^P(\d+)Y$")


@dataclass(frozen=True)
class NameRange:
    """Token indexes of a name: ``first`` to ``end`` (exclusive)."""

    first: int
    end: int


@dataclass(frozen=True)
class Years:
    """A year range found in the text, with the characters it covers."""

    start_year: int
    end_year: int
    start: int
    end: int


def span_of(doc: Doc, first: int, end: int) -> Span:
    """Tokens ``first``..``end`` (exclusive) as a ``Span`` of the article text."""
    start_char = doc[first].idx
    last = doc[end - 1]
    return Span(doc_text(doc)[start_char : last.idx + len(last.text)], start_char, last.idx + len(last.text))


def tokens_span(doc: Doc, tokens: Iterable[Token]) -> Span | None:
    """The words from the first to the last of ``tokens``, or None when there are none."""
    indexes = [t.i for t in tokens]
    return span_of(doc, min(indexes), max(indexes) + 1) if indexes else None


def is_title(token: Token) -> bool:
    """A capitalised common noun inside a sentence: part of a title ("the Agreement on ...")."""
    return token.text[:1].isupper() and token.i > token.sent.start and not token.text.isupper()


def name_range(head: Token, dates: Set[int], places: Set[int], sentence_end: int) -> NameRange:
    """The name around ``head``: its modifiers on the left, its "of/on/for/between ..." phrases on the
    right. ``dates`` and ``places`` are token indexes: a name takes no date, and a phrase on the right whose
    object is a date or a place ("talks on Monday", "the summit in Geneva") ends it; a place on the left
    is part of it ("the Geneva talks", "the Paris Agreement"). A name ends before ``sentence_end``."""
    doc = head.doc
    stops = set(dates) | set(places)
    first = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_SKIP or child.i in dates:
            continue
        first = min(first, child.left_edge.i)
    while first < head.i and (doc[first].dep_ in _LEFT_SKIP or doc[first].i in dates):
        first += 1  # "the", "another", a possessor left of a modifier's subtree
    allowed: set[int] = set(range(first, head.i + 1))
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _NAME_PREPS and not _object_in(child, stops):
            allowed |= _phrase(child)
        elif child.dep_ == "appos" or (child.dep_ == "punct" and child.text in "()"):
            allowed |= _phrase(child)
        else:
            break
    end = head.i + 1
    while end in allowed and end < sentence_end and not _ends_name(doc[end], stops):
        end += 1
    end = _follow_title(head, end, stops, sentence_end)
    end = _close_bracket(doc, first, end)
    while end - 1 > head.i and doc[end - 1].text in _TRAILING:
        end -= 1
    return NameRange(first, end)


def _ends_name(token: Token, stops: Set[int]) -> bool:
    """A date or place, or a preposition leading to one ("in Geneva", "on Monday")."""
    return token.i in stops or (token.dep_ == "prep" and _object_in(token, stops))


def _object_in(prep: Token, stops: Set[int]) -> bool:
    return any(c.i in stops for c in prep.children if c.dep_ in ("pobj", "pcomp"))


def _phrase(root: Token) -> set[int]:
    """The subtree of ``root`` without the clauses hanging in it."""
    cut: set[int] = set()
    for token in root.subtree:
        if token.i != root.i and token.dep_ in _CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            cut |= {t.i for t in token.subtree}
        if token.i != root.i and token.dep_ == "prep" and token.lower_ in _FOREIGN_PREPS:
            cut |= {t.i for t in token.subtree}
        if token.dep_ == "punct" and token.text == ",":
            cut.add(token.i)
    return {t.i for t in root.subtree} - cut


def _follow_title(head: Token, end: int, stops: Set[int], sentence_end: int) -> int:
    """Continue a name through what the parse hung elsewhere: "... Cooperation from 2021-2031" (a year
    range) and, after a title, "for Military-Technical Cooperation" (a capitalised phrase)."""
    doc = head.doc
    while end < sentence_end - 1:
        word = doc[end]
        years = year_range_in(doc_text(doc), word.idx, doc[min(end + 4, sentence_end - 1)].idx + 4)
        if word.lower_ in ("from", "for") and years is not None and years.start <= doc[end + 1].idx:
            while end < sentence_end and doc[end].idx < years.end:
                end += 1
            continue
        nxt = doc[end + 1]
        if nxt.lower_ == "the" and end + 2 < sentence_end:
            nxt = doc[end + 2]
        if (
            word.lower_ in ("on", "for", "of")
            and is_title(head)
            and nxt.text[:1].isupper()
            and nxt.i not in stops
        ):
            phrase = _phrase(word)
            grown = end
            while grown in phrase and grown < sentence_end and not _ends_name(doc[grown], stops):
                grown += 1
            if grown == end:
                break
            end = grown
            continue
        break
    return end


def _close_bracket(doc: Doc, first: int, end: int) -> int:
    """Take the closing bracket of a bracket opened inside the name ("... (IRIGC-M&MTC)")."""
    words = [doc[i].text for i in range(first, end)]
    if words.count("(") > words.count(")") and end < len(doc) and doc[end].text == ")":
        return end + 1
    return end


def year_range_in(text: str, start: int, end: int) -> Years | None:
    """The first year range in ``text[start:end]`` ("2021-2031" -> 2021, 2031; "2021-31" -> 2021, 2031),
    or None. A range must run forwards."""
    match = _YEAR_RANGE.search(text, start, end)
    if match is None:
        return None
    first = int(match.group(1))
    last_text = match.group(2)
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if last <= first:
        return None
    return Years(first, last, match.start(), match.end())


def duration_years(time: TimeExpression) -> int | None:
    """The number of years of a duration ("10-year" -> 10), or None for any other expression."""
    match = _DURATION_YEARS.match(time.timex) if time.timex_type == "DURATION" else None
    return int(match.group(1)) if match else None


def ordinal_in(tokens: Iterable[Token], words: FactWords) -> tuple[int, Token] | None:
    """The first ordinal among ``tokens`` ("20th" -> 20, "first" -> 1) with its token, or None."""
    for token in tokens:
        word = token.lower_
        if word in words.ordinals:
            return words.ordinals[word], token
    return None


def recurrence_in(tokens: Iterable[Token], words: FactWords) -> tuple[str, Token] | None:
    """The first word of recurrence among ``tokens`` ("annual") with its token, or None."""
    for token in tokens:
        if token.lower_ in words.recurrences:
            return words.recurrences[token.lower_], token
    return None
