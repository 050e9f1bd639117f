"""Quantities: the number mentions an event record wants as counts or measures.

Not money, not years or dates, not times, not ids or names (``AK-203``, ``Article 370``,
``2+2 dialogue``), not calibres (``7.63 x 39mm``), not durations (``10-year pact``: the time
resolver's), not bare proportions (``half``).
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.records import Money, Quantity
from accord.resolve.numbers.filters import (
    is_date_part,
    is_dimension,
    is_duration_or_age,
    is_identifier,
)
from accord.resolve.numbers.lexicon import number_lexicon
from accord.resolve.numbers.mentions import NumberMention, approximate_span, number_mentions
from accord.resolve.numbers.money import money_in
from accord.resolve.numbers.phrases import Phrase, scan_phrases

__all__ = ["find_quantities", "quantities_in"]


def find_quantities(text: str) -> list[Quantity]:
    """Counts and measures in running text: not money, dates, times, ordinals, ids or calibres.

    ``unit`` is a measure (``percent``, ``km``, ``tonne``...) or None for a count; ``item`` is left
    None (the event extractor attaches the counted noun from the parse). An approximation marker
    (``around``, ``nearly``, ``50-odd``) is included in the span.

    >>> [(q.value, q.text) for q in find_quantities("6,01,427 7.63 x 39mm assault rifles AK-203 for Rs 5000 crore")]
    [(601427.0, '6,01,427')]
    """
    phrases = scan_phrases(text)
    return quantities_in(text, number_mentions(text, phrases), money_in(text, phrases))


def quantities_in(
    text: str, mentions: Sequence[tuple[NumberMention, Phrase]], money: Sequence[Money]
) -> list[Quantity]:
    """The quantities among the ``number_mentions`` of ``text``, given the ``money`` found in it."""
    money_spans = [(m.start, m.end) for m in money]
    out: list[Quantity] = []
    for mention, p in mentions:
        if any(s < p.end and p.start < e for s, e in money_spans):
            continue
        if _is_excluded(text, p):
            continue
        _, start, end = approximate_span(text, p.start, p.end)
        if p.unit is not None:
            m = number_lexicon().unit_re.match(text, p.end)
            if m:
                end = max(end, m.end())
        out.append(Quantity(value=mention.value, text=text[start:end], start=start, end=end, unit=p.unit))
    return out


def _is_excluded(text: str, p: Phrase) -> bool:
    """A proportion, a date part, an id, a size or a duration: no count or measure."""
    if p.fraction_only and p.unit is None:
        return True  # "half the country": a proportion, not a count
    if p.unit is None and (is_date_part(text, p) or is_identifier(text, p)):
        return True
    if is_dimension(text, p):
        return True
    return p.unit is None and is_duration_or_age(text, p)  # the time resolver's
