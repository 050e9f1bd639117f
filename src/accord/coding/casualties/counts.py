"""Casualty counts of a violent event, read from the parse: how many people were killed, injured, kidnapped,
arrested, missing or displaced.

``find_casualties(doc, sentence, trigger)`` looks for casualty words (verbs such as "killed", "wounded",
"abducted"; adjectives such as "dead", "missing"; nouns such as "fatalities", "deaths") in the event's sentence
whose clause is the event's clause, reads the victims' count off the parse ("killed 12 people", "12 people were
killed", "a soldier was killed" -> 1, "leaving five dead", "killing three") and returns one ``Quantity`` per
count, with ``unit`` the casualty kind and ``item`` the victims' noun phrase. Toll sentences later in the
paragraph add their counts (see ``tolls``).

Counts that are not exact numbers ("dozens of people", "scores") and negated ones ("no one was hurt") give
nothing: a wrong count is worse than none.

``with_casualties(quantities, casualties)`` puts the casualty records among an event's other quantities, the
richer record replacing a plain count found at the same offsets by the number resolver.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from accord.base.syntax import is_passive, is_verb
from accord.coding.casualties.tolls import toll_clauses, toll_sentences
from accord.coding.casualties.words import ADJECTIVES, SUBJECT_VERBS, casualty_words
from accord.coding.grammar import RELATIVE_PRONOUNS
from accord.records import Quantity
from accord.resolve.numbers import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_casualties", "with_casualties"]

_ONE = frozenset({"a", "an", "one", "another", "single"})
_NONE = frozenset({"no", "none", "nobody", "noone"})
_MAGNITUDES = frozenset({"hundred", "thousand", "million", "dozen"})
_MAX_STEPS = 3  # steps up the parse within which a casualty word and the trigger meet


def find_casualties(doc: Doc, sentence: Span, trigger: Token) -> list[Quantity]:
    """Counts of people killed, injured, kidnapped, arrested, missing or displaced in the clause of ``trigger``.

    ``sentence`` is the span that holds ``trigger``. Returns quantities in text order, one per count; ``text``,
    ``start`` and ``end`` cover the number's words ("12", "three", "a").

    >>> [(q.value, q.unit, q.item) for q in find_casualties(doc, sent, trigger)]   # doctest: +SKIP
    [(12.0, 'killed', 'people'), (30.0, 'injured', 'others')]          # "killed 12 people and injured 30 others"
    """
    found: dict[int, Quantity] = {}
    for anchor, unit in casualty_words(sentence):
        if not _tied(anchor, trigger):
            continue
        for quantity in _counts(doc, anchor, unit):
            found.setdefault(quantity.start, quantity)
    for toll in toll_sentences(doc, sentence):
        for anchor, unit in casualty_words(toll):
            for quantity in _counts(doc, anchor, unit):
                found.setdefault(quantity.start, quantity)
    # A toll clause right after the event adds only kinds the event's own sentence left uncounted: "killed two
    # soldiers. Three more died later" is not a second count of the same dead.
    counted = {q.unit for q in found.values()}
    for toll in toll_clauses(doc, sentence):
        for anchor, unit in casualty_words(toll):
            if unit in counted or not _tied(anchor, toll.root):
                continue
            for quantity in _counts(doc, anchor, unit):
                found.setdefault(quantity.start, quantity)
    return sorted(found.values(), key=lambda q: q.start)


def with_casualties(quantities: Sequence[Quantity], casualties: Sequence[Quantity]) -> tuple[Quantity, ...]:
    """``quantities`` with ``casualties`` added; a casualty count replaces a quantity over the same words
    ("at least 13" from the number resolver and "13" wounded are one count).

    >>> plain = Quantity(12.0, "at least 12", 0, 11)
    >>> rich = Quantity(12.0, "12", 9, 11, unit="killed", item="people")
    >>> with_casualties([plain], [rich]) == (rich,)
    True
    """
    kept = [q for q in quantities if not any(q.start < c.end and c.start < q.end for c in casualties)]
    return tuple(sorted([*kept, *casualties], key=lambda q: q.start))


def _tied(anchor: Token, trigger: Token) -> bool:
    """The casualty word belongs to the event's clause: it is the trigger, stands above or below it in the parse,
    or meets it within a few steps ("attacked the base, killing three", "left 15 dead and 40 injured") without
    crossing into a reported or parenthetical clause."""
    if anchor.i == trigger.i:
        return True
    if trigger in anchor.ancestors or anchor in trigger.ancestors:
        return True
    above = _path_up(anchor)
    for index, steps in _path_up(trigger).items():
        if index in above:
            return steps <= _MAX_STEPS and above[index] <= _MAX_STEPS
    return False


def _path_up(token: Token) -> dict[int, int]:
    """Token index -> steps, from ``token`` up to the head of its clause (stopping at reported speech)."""
    path = {token.i: 0}
    steps = 0
    while token.head.i != token.i and token.dep_ not in ("ccomp", "parataxis"):
        token = token.head
        steps += 1
        path[token.i] = steps
    return path


def _victims(anchor: Token) -> list[Token]:
    """The noun phrases (or bare numbers) that name the victims of one casualty word."""
    if is_verb(anchor):
        return _victims_of_verb(anchor)
    # Adjectives and nouns.
    children = list(anchor.children)
    counted = [
        c
        for c in children
        if c.dep_ in ("nummod", "nsubj", "quantmod") and (_is_count(c) or c.dep_ == "nsubj")
    ]
    if counted:
        return [anchor] if any(c.dep_ in ("nummod", "quantmod") for c in counted) else counted
    if anchor.dep_ == "amod" and anchor.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [anchor.head]  # "shot dead two policemen" (parsed as an adjective on the noun)
    if anchor.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl") and anchor.lower_ in ADJECTIVES:
        return [
            c for c in anchor.head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.i < anchor.i
        ][-1:]
    if anchor.dep_ in ("dobj", "pobj", "conj", "ROOT") and anchor.lower_ in ADJECTIVES:
        return [anchor] if any(c.dep_ == "nummod" for c in children) else []
    return []


def _victims_of_verb(anchor: Token) -> list[Token]:
    """The victims of a casualty verb: its object, or its subject when passive or when dying is the subject's."""
    lemma = anchor.lemma_.lower()
    children = list(anchor.children)
    if anchor.lower_ in ADJECTIVES and anchor.dep_ == "amod":
        return [anchor.head]  # "five injured people"
    passive = is_passive(anchor)
    if passive or lemma in SUBJECT_VERBS:
        subjects = [c for c in children if c.dep_ in ("nsubjpass", "nsubj")]
    else:
        subjects = [c for c in children if c.dep_ in ("dobj", "obj")]
        # "were killed and 20 (others) wounded": the parser makes the victims the subject of the bare
        # participle coordinated with a passive verb.
        if not subjects and anchor.dep_ == "conj" and is_passive(anchor.head):
            subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
        elif not subjects and anchor.dep_ == "conj" and anchor.tag_ == "VBN":
            subjects = [
                c for c in children if c.dep_ == "nsubj" and _is_count(c)
            ]  # "left 15 dead and 40 injured"
    if not subjects and anchor.dep_ in ("acl", "relcl") and anchor.tag_ == "VBN":
        subjects = [anchor.head]  # "12 people killed in the attack"
    if not subjects and anchor.dep_ == "conj" and not passive and lemma not in SUBJECT_VERBS:
        if is_passive(anchor.head):  # "were shot and killed": the victims of the first verb
            subjects = [c for c in anchor.head.children if c.dep_ == "nsubjpass"]
    # "a man who was killed": the relative pronoun stands for the noun the clause hangs on.
    return [anchor.head if s.lower_ in RELATIVE_PRONOUNS and anchor.dep_ == "relcl" else s for s in subjects]


def _is_count(token: Token) -> bool:
    return token.like_num or token.lower_ in _MAGNITUDES


def _counts(doc: Doc, anchor: Token, unit: str) -> Iterator[Quantity]:
    for victim in _victims(anchor):
        for group in [victim, *victim.conjuncts]:
            if (
                group.i == anchor.i
                and unit == "killed"
                and not any(c.dep_ == "nummod" for c in group.children)
            ):
                continue
            quantity = _count_of(doc, group, unit, anchor)
            if quantity is not None:
                yield quantity


def _count_of(doc: Doc, noun: Token, unit: str, anchor: Token) -> Quantity | None:
    """The count a victim phrase states: its number, or 1 for "a soldier"; None for "no one", "dozens"."""
    if noun.lower_ in _NONE or any(c.lower_ in _NONE for c in noun.children if c.dep_ == "det"):
        return None
    if _is_count(noun) and noun.pos_ == "NUM":
        start, end = _number_span(doc, noun)
        item = _item(doc, noun, end) if noun.i != anchor.i else None
        return _quantity(doc, start, end, unit, item)
    number = next((c for c in noun.children if c.dep_ in ("nummod", "quantmod") and _is_count(c)), None)
    if number is not None:
        start, end = _number_span(doc, number)
        item = None if noun.i == anchor.i and noun.lower_ in ADJECTIVES else _item(doc, noun, end)
        return _quantity(doc, start, end, unit, item)
    determiner = next((c for c in noun.children if c.dep_ in ("det", "nummod") and c.lower_ in _ONE), None)
    if determiner is not None and noun.tag_ in ("NN", "NNP") and noun.pos_ in ("NOUN", "PROPN"):
        return Quantity(
            value=1.0,
            text=determiner.text,
            start=determiner.idx,
            end=determiner.idx + len(determiner.text),
            unit=unit,
            item=_item(doc, noun, determiner.i + 1),
        )
    return None


def _number_span(doc: Doc, number: Token) -> tuple[int, int]:
    """Token range of a number written in several words ("two hundred", "1.5 million", "a dozen")."""
    start = end = number.i
    while (
        start > 0
        and (
            _is_count(doc[start - 1])
            or doc[start - 1].lower_ in ("a", "and")
            and start - 1 > 0
            and _is_count(doc[start - 2])
        )
        and doc[start - 1].lower_ != ","
    ):
        start -= 1
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in _MAGNITUDES:
        start -= 1  # "a dozen"
    while end + 1 < len(doc) and _is_count(doc[end + 1]):
        end += 1
    return start, end + 1


def _quantity(doc: Doc, start: int, end: int, unit: str, item: str | None) -> Quantity | None:
    span = doc[start:end]
    value = parse_number(span.text)
    if value is None or value <= 0 or not float(value).is_integer():
        return None
    return Quantity(
        value=float(value), text=span.text, start=span.start_char, end=span.end_char, unit=unit, item=item
    )


def _item(doc: Doc, noun: Token, after: int) -> str | None:
    """The victims' words from after the number to the noun: "U.S. soldier", "civilians", "fatalities"."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i < after:
        return None
    return doc[after : noun.i + 1].text.strip() or None
