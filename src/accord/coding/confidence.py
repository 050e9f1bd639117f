"""How sure the coder is of an event: one figure from how its sides were found.

An event whose sides the parse gives is worth 0.85; every side taken from somewhere less direct lowers
it: the nearest actor to the left standing in for a missing subject (-0.15), the nearest to the right for
a missing object (-0.1), the place of the act standing for its target (-0.1), sides inherited from the
previous sentence (-0.2). Two mentions of one act merged are surer than either (+0.05).

>>> event_confidence(SideGuesses())
0.85
>>> event_confidence(SideGuesses(actor_by_position=True, inherited=True))
0.5
>>> merged_confidence(0.85, 0.7)
0.9
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SideGuesses", "event_confidence", "merged_confidence"]


@dataclass(frozen=True)
class SideGuesses:
    """Which of an event's sides were guessed rather than read off the parse."""

    actor_by_position: bool = False  # the nearest actors to the left of the trigger
    recipient_by_position: bool = False  # the nearest actors to the right of the trigger
    target_is_place: bool = False  # the place where the act fell ("shelled the power plant in Gaza")
    inherited: bool = False  # the previous sentence's sides ("The agreement was signed at the meeting")


def event_confidence(guesses: SideGuesses) -> float:
    """The confidence of a newly built event, between 0.05 and 1.0, rounded to two decimals."""
    # The deductions are applied in this order, as floats, so that the rounded figure stays the same.
    confidence = 0.85
    if guesses.actor_by_position:
        confidence -= 0.15
    if guesses.recipient_by_position:
        confidence -= 0.1
    if guesses.target_is_place:
        confidence -= 0.1
    if guesses.inherited:
        confidence -= 0.2
    return round(max(0.05, min(1.0, confidence)), 2)


def merged_confidence(first: float, second: float) -> float:
    """The confidence of one event reported twice: the higher of the two, plus 0.05, at most 1.0."""
    return round(min(1.0, max(first, second) + 0.05), 2)
