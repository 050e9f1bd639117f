"""What an event carries besides its type and sides: its date, its place, its quantities and money.

Dates: each date phrase of a sentence belongs to the nearest verb above it in the parse, and through
it to an event (``time_owners``); an event's date is the closest phrase it owns, else the report date.
Places: the place in the event's clause, else the sentence's first place, else the article's own.
Amounts: the sentence's counts (with what they count) and money; violent acts add casualty counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from accord.base.ontology import EventType, Precision
from accord.base.syntax import is_verb
from accord.coding.casualties import find_casualties, with_casualties
from accord.coding.codes import CASUALTY_TYPES
from accord.coding.context import Candidate, ParsedArticle
from accord.coding.grammar import LOCATION_PREPS
from accord.records import Entity, Location, Money, Quantity, TimeExpression

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc, Span, Token

__all__ = [
    "article_location",
    "date_fields",
    "location_for",
    "location_in",
    "money_in",
    "place_entity",
    "quantities_for",
    "subordinate_positions",
    "time_for",
    "time_owners",
    "time_tokens",
]

# Designations of weapons and vehicles that follow the noun they name: "rifles AK-203", "jets F-16".
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Z]?$")
_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "both", "all"})


# -- dates -----------------------------------------------------------------------------------------------


def time_tokens(doc: Doc, times: Iterable[TimeExpression]) -> dict[int, TimeExpression]:
    """Token index -> the date phrase that covers the token (the first one, where phrases overlap)."""
    found: dict[int, TimeExpression] = {}
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                found.setdefault(token.i, time)
    return found


def time_owners(
    parsed: ParsedArticle, sentence: Span, candidates: Sequence[Candidate]
) -> dict[int, list[TimeExpression]]:
    """Which event each date phrase of the sentence belongs to, keyed by trigger token index.

    A phrase belongs to the nearest verb above it in the parse. When that verb is an event's
    trigger, the phrase is that event's; when it is a verb that reports events ("sources said on
    Monday that X signed"), it is every reported event's; when it is some other verb (a relative
    clause: "the pact that was sealed in February 2019"), it is no event's.
    """
    doc = parsed.doc
    clause_of = {c.clause.i: c.token.i for c in candidates}
    # An event noun owns the date phrase inside its own phrase ("the meeting ... on Thursday evening").
    clause_of.update({c.token.i: c.token.i for c in candidates if not is_verb(c.token)})
    # An event noun that is its verb's subject shares the verb's date: "the meeting on Thursday agreed"
    # (the parse often hangs the date on the verb).
    noun_subjects: dict[int, list[int]] = {}
    for c in candidates:
        if not is_verb(c.token) and c.token.dep_ in ("nsubj", "nsubjpass"):
            noun_subjects.setdefault(c.token.head.i, []).append(c.token.i)
    # Statements (verbal cooperation and conflict: accuse, praise, urge) as opposed to material acts.
    verbal = {c.clause.i: c.code.quad_class in (1, 3) for c in candidates}
    owners: dict[int, list[TimeExpression]] = {}
    reported: dict[int, list[TimeExpression]] = {}  # dates of the verb that reports the act
    for time in parsed.context.times:
        if not sentence.start_char <= time.start < sentence.end_char:
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        through_noun = False  # the phrase dates a thing the act is about ("accused X in the 1992 murder")
        while node.head.i != node.i and not (is_verb(node) or node.i in clause_of):
            node = node.head
            through_noun = through_noun or (
                node.pos_ in ("NOUN", "PROPN") and node.i not in parsed.time_tokens
            )
        if node.i in clause_of:
            if through_noun and is_verb(node) and verbal.get(node.i, False):
                continue  # a statement's topic has its own date: "a ruling accusing Iran in the 1992 murder"
            owners.setdefault(clause_of[node.i], []).append(time)
            for noun in noun_subjects.get(node.i, []):
                owners.setdefault(noun, []).append(time)
            if not is_verb(node):
                # "killed in Thursday's bombings": the bombings' date is the killing's too; not a
                # statement's ("a ruling accusing Iran in the 1992 murder" is no 1992 accusation).
                for ancestor in node.ancestors:
                    if ancestor.i in clause_of and is_verb(ancestor):
                        if not verbal.get(ancestor.i, False):
                            owners.setdefault(clause_of[ancestor.i], []).append(time)
                        break
            continue
        if node.lemma_.lower() not in parsed.lexicon.reporting_verbs:
            continue  # "our destiny will be like ... in 1991 if they pull out": not the act's date
        for clause_index, trigger_index in clause_of.items():
            if node.i in {a.i for a in doc[clause_index].ancestors}:
                reported.setdefault(trigger_index, []).append(time)
    # "police said on Monday that gunmen had killed three men on Saturday": the act's own date phrase
    # wins over the date of its report.
    # "said late on Wednesday that two soldiers were killed on Tuesday when their vehicle was struck": an
    # act in an adjunct of a dated act takes that act's date (``time_for``), not the report's.
    clause_at = {trigger: clause for clause, trigger in clause_of.items()}
    for trigger_index, times in reported.items():
        clause = doc[clause_at.get(trigger_index, trigger_index)]
        material = not verbal.get(clause.i, False)
        if not owners.get(trigger_index) and not (material and _governing_act_dates(clause, owners)):
            owners[trigger_index] = times
    return owners


def time_for(
    parsed: ParsedArticle, candidate: Candidate, owners: dict[int, list[TimeExpression]]
) -> TimeExpression | None:
    """The date phrase that dates the candidate: of those it owns with a date (or a recurrence), a date
    over a clock time, then the nearest; None when it owns none."""
    own = owners.get(candidate.token.i, [])
    clause = candidate.clause
    if clause.dep_ in ("relcl", "advcl") and clause.head.i in parsed.time_tokens:
        own = [parsed.time_tokens[clause.head.i]]  # "in the 1930s, when it invaded its neighbours"
    dated = [t for t in own if t.date is not None or t.timex_type == "SET"]
    if not dated and candidate.code.quad_class in (2, 4):
        dated = _governing_act_dates(clause, owners)  # material acts only: a statement has its own time
    if not dated:
        return None
    # A clock time ("from 10:00 a.m.") says less about the day than a date beside it ("for November 27").
    return min(dated, key=lambda t: (t.timex_type == "TIME", abs(t.start - candidate.token.idx)))


def _governing_act_dates(clause: Token, owners: dict[int, list[TimeExpression]]) -> list[TimeExpression]:
    """The dates of the act whose adjunct this clause is: "gunmen were killed on Monday trying to kidnap
    soldiers" (the kidnapping was on Monday too). Not through reported speech (a ``ccomp`` has its own
    time) and not for a statement about the act."""
    node = clause
    for _ in range(2):
        if node.dep_ not in ("advcl", "xcomp") or node.head.i == node.i:
            return []
        node = node.head
        found = [t for t in owners.get(node.i, []) if t.date is not None and t.timex_type != "SET"]
        if found:
            return found
    return []


def date_fields(report_date: dt.date, time: TimeExpression | None) -> tuple[str, Precision, str | None]:
    """The event's date, its precision and its end date, from its date phrase (None: the report date)."""
    report = report_date.isoformat()
    if time is None or time.date is None:
        return report, "day", None
    precision: Precision = time.precision or "day"
    if time.enddate is not None:
        # A span: "the programme for 2021-2031". When it covers the report date, the act itself
        # (signing, launching) happens now; the span's end is recorded as the enddate.
        if time.date <= report[: len(time.date)] and (time.enddate >= report[: len(time.enddate)]):
            return report, "day", time.enddate
        return time.date, precision, time.enddate
    return time.date, precision, None


# -- places ----------------------------------------------------------------------------------------------


def article_location(locations: Sequence[Location]) -> Location | None:
    """The article's main place: the most often named country among its places, first mention kept."""
    if not locations:
        return None
    counts: dict[str, int] = {}
    for loc in locations:
        counts[loc.country_code] = counts.get(loc.country_code, 0) + 1
    top = max(counts, key=lambda code: counts[code])
    return next(loc for loc in locations if loc.country_code == top)


def location_for(parsed: ParsedArticle, clause: Token, sentence: Span) -> Location | None:
    """Where the event happened: a place in its clause after a place preposition ("signed in Delhi"),
    else the sentence's first place, else the article's default place."""
    in_sentence = _places_in(parsed.context.locations, sentence)
    if in_sentence:
        subtree_chars = {t.idx for t in clause.subtree}
        for loc in in_sentence:
            span = _span_of(parsed.doc, loc)
            if span is not None and span.root.idx in subtree_chars:
                prep = span.root.head
                if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS | {"to"}:
                    return loc
        return in_sentence[0]
    return parsed.default_location


def location_in(parsed: ParsedArticle, clause: Token) -> Location | None:
    """The first place named inside the clause's subtree, or None. Clauses of purpose or of speech that
    hang on it are not where it happened ("staged a sit-in in Lahore to protest a seizure in Kabul")."""
    positions = {t.idx for t in clause.subtree} - subordinate_positions(clause)
    for loc in parsed.context.locations:
        if loc.start in positions:
            return loc
    return None


def subordinate_positions(clause: Token) -> set[int]:
    """Character offsets of the clauses of purpose or speech that follow and hang on the clause."""
    return {
        t.idx
        for below in clause.children
        if below.dep_ in ("advcl", "ccomp") and below.i > clause.i
        for t in below.subtree
    }


def only_place(locations: Sequence[Location], sentence: Span) -> Location | None:
    """The sentence's first place when all its places lie in one country, else None."""
    here = _places_in(locations, sentence)
    if not here or len({loc.country_code for loc in here}) > 1:
        return None
    return here[0]


def place_entity(location: Location) -> Entity:
    """The country of a place named in the text, as a side of an event ("arrived in Amman": Jordan).

    Raises ``ValueError`` for a place known only from outside the text (a dateline has no offsets).
    """
    if location.start is None or location.end is None:
        raise ValueError(f"the place {location.name!r} is not named in the text")
    return Entity(
        entity_text=location.name,
        name=location.name,
        code=location.country_code,
        kind="country",
        start=location.start,
        end=location.end,
    )


def _span_of(doc: Doc, location: Location) -> Span | None:
    if location.start is None or location.end is None:
        return None
    return doc.char_span(location.start, location.end, alignment_mode="expand")


def _places_in(locations: Sequence[Location], sentence: Span) -> list[Location]:
    return [
        loc
        for loc in locations
        if loc.start is not None and sentence.start_char <= loc.start < sentence.end_char
    ]


# -- amounts ----------------------------------------------------------------------------------------------


def quantities_for(
    parsed: ParsedArticle, sentence: Span, trigger: Token, event: EventType
) -> tuple[Quantity, ...]:
    """The sentence's counts, each with what it counts; for a violent act, with casualty counts too."""
    found = _quantities_in(parsed, sentence)
    if event in CASUALTY_TYPES:
        return with_casualties(found, find_casualties(parsed.doc, sentence, trigger))
    return found


def money_in(parsed: ParsedArticle, sentence: Span) -> tuple[Money, ...]:
    """The amounts of money the sentence states."""
    start, end = sentence.start_char, sentence.end_char
    return tuple(m for m in parsed.context.money if start <= m.start < end)


def _quantities_in(parsed: ParsedArticle, sentence: Span) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for quantity in parsed.context.quantities:
        if not sentence.start_char <= quantity.start < sentence.end_char:
            continue
        if _is_reference(parsed.doc, quantity):
            continue  # "the two countries", "its 20 members": a reference, not a count
        if quantity.item is None:
            quantity = replace(quantity, item=_counted_item(parsed.doc, quantity))
        found.append(quantity)
    return tuple(found)


def _is_reference(doc: Doc, quantity: Quantity) -> bool:
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in _DEFINITE


def _counted_item(doc: Doc, quantity: Quantity) -> str | None:
    """The noun phrase a number counts: "6,01,427 7.63 x 39mm assault rifles AK-203" -> the words after it."""
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head if span.root.dep_ in ("nummod", "quantmod", "compound") else None
    if head is None or head.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "39mm assault rifles": the count is of rifles, not of millimetres
    end = head.i + 1
    # Extend over a trailing name or code in apposition ("rifles AK-203").
    while end < len(doc) and (
        (doc[end].pos_ == "PROPN" and doc[end].head.i in (head.i, head.head.i))
        or _MODEL_NAME.match(doc[end].text)
    ):
        end += 1
    start = span.end
    if start >= end:
        return None
    return doc[start:end].text.strip() or None
