"""Why a candidate trigger gave no event: the named reasons ``build_event`` returns instead of an event.

``find_events_with_drops`` collects one ``DroppedCandidate`` per candidate dropped, so that a user can be
told why a word that looked like an event was not coded (``DROP_REASONS`` says it in words).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accord.records import Trigger

__all__ = ["DROP_REASONS", "DropReason", "DroppedCandidate"]

DropReason = Literal[
    "recurring",
    "tally",
    "supposed",
    "described",
    "topic",
    "no_recipient",
    "accident",
    "nonagent_subject",
    "nobody_obliged",
    "unattributed_accident",
    "no_sides",
    "one_side",
    "purpose",
    "unrealised_one_side",
]

# One line for each reason, in the order ``build_event`` tests them.
DROP_REASONS: dict[DropReason, str] = {
    "recurring": "its date is a recurrence ('meet annually'): a habit, not an event",
    "tally": "a running total ('2,850 soldiers have been killed since 2003'): a count, not one act",
    "supposed": "an act named as the subject of a supposition ('attacking the sites might backfire'): "
    "an idea weighed, not an act",
    "described": "a participle of backing that describes the noun before it ('troops backing the "
    "government'): whose side they are on, not a statement of support",
    "topic": "the topic of a telling ('a news conference on the visits'): an act told of, reported "
    "where it is stated",
    "no_recipient": "its word needs someone on the receiving end and the sentence names nobody "
    "('warned that prices could rise')",
    "accident": "a death or injury in a sentence about an accident or a disaster ('killing 160' in a crash)",
    "nonagent_subject": "its subject is no party: a market, a price, a fire ('oil prices shot above $61')",
    "nobody_obliged": "a reported 'must' with nobody obliged ('the departure should not make a difference')",
    "unattributed_accident": "a killing by nobody named, in a sentence about an accident or a disaster",
    "no_sides": "no actor and no recipient could be found",
    "one_side": "only one side was found, and its type needs two (or the noun is only mentioned)",
    "purpose": "an infinitive of purpose: an aim, not an act ('units raised to fight Isis')",
    "unrealised_one_side": "an act denied or only supposed, with one side: no event to record "
    "('Israel would not attack')",
}


@dataclass(frozen=True)
class DroppedCandidate:
    """A candidate trigger that gave no event: its words, the code it would have had, and why."""

    trigger: Trigger
    cameo: str
    reason: DropReason
    rule: str = ""  # the lexicon row the trigger matched: "triggers.tsv:12"

    def describe(self) -> str:
        """One line: the trigger, its offsets, the code and the reason in words."""
        where = f"{self.trigger.start}-{self.trigger.end}"
        return f"{self.trigger.text!r} ({where}, CAMEO {self.cameo}): {DROP_REASONS[self.reason]}"

    def to_dict(self) -> dict[str, object]:
        return {
            "trigger": {"text": self.trigger.text, "start": self.trigger.start, "end": self.trigger.end},
            "cameo": self.cameo,
            "rule": self.rule,
            "reason": self.reason,
            "why": DROP_REASONS[self.reason],
        }
