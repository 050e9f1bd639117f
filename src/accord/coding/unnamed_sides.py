"""The sides of conflict acts by or against people the text leaves unnamed.

A killing, an arrest or a protest by or against unnamed people keeps the country where it falls as the side
that stands for them: victims at the place ("a man was killed in Manaus": recipient BRA), protesters and the
authorities they address ("workers protested in Oslo": NOR on both sides), the state's own police or
authorities ("police arrested 12 protesters in Cairo": actor EGY), and the authorities of the place (or of
the story's home) for an arrest whose author is unsaid ("the MP was arrested"). An unknown attacker is the
guide's UNK (``accord.coding.unknown``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from accord.base.syntax import is_agentless_passive
from accord.coding.attachment import only_place, place_entity
from accord.coding.casualties import is_accident
from accord.coding.codes import UNNAMED_SIDE_TYPES
from accord.records import Entity, Location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["arresting_authority", "is_domestic_agent", "unnamed_sides"]

# Nouns for the state's own agents at home: "police arrested 12 protesters in Cairo" is Egypt's police. Soldiers,
# troops and the army are left out: they are often abroad.
_DOMESTIC_AGENTS = frozenset(
    {
        "police",
        "policeman",
        "policemen",
        "policewoman",
        "authority",
        "authorities",
        "government",
        "court",
        "judge",
        "prosecutor",
        "prosecutors",
        "magistrate",
    }
)


def arresting_authority(
    clause: Token, place: Location | None, home: Location | None, trigger: Entity
) -> Entity | None:
    """The authorities behind an arrest stated in the passive without its author: the country of the
    clause's place, else of the story's home (the dateline). ``trigger`` carries the evidence offsets for a
    home known only from outside the text: the words that state the act without its author."""
    if not is_agentless_passive(clause):
        return None
    where = place or home
    if where is None:
        return None
    if where.start is not None and where.end is not None:
        return place_entity(where)
    return replace(trigger, name=f"authorities of {where.name}", code=where.country_code, kind="country")


def is_domestic_agent(tokens: Sequence[Token]) -> bool:
    """Whether an unnamed actor is the state's own police or authorities ("police", "the authorities")."""
    return any(t.lemma_.lower() in _DOMESTIC_AGENTS or t.lower_ in _DOMESTIC_AGENTS for t in tokens)


def unnamed_sides(
    event: str,
    actors: tuple[Entity, ...],
    recipients: tuple[Entity, ...],
    actor_tokens: Sequence[Token],
    clause_place: Location | None,
    locations: Sequence[Location],
    sentence: Span,
    *,
    authority: Entity | None = None,
    arrested: Entity | None = None,
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]] | None:
    """The sides of a conflict act whose parties the text leaves unnamed, or None when it is no act of violence.

    ``actors`` and ``recipients`` are the sides found so far; a missing one is filled from the place (see the
    module docstring), except the people an arrest takes, who are ``arrested`` (UNK) when given; ``authority`` is who arrests when the text does not say (``arresting_authority``) for ASSAULT, COERCE and PROTEST, and left as it is for other types. The place is
    ``clause_place`` (the one in the act's clause), else the sentence's places when they all lie in one country
    (not for COERCE: sanctions and bans are COERCE too, and their target is never read off a sentence's other
    places). A killing with no perpetrator in a sentence about an accident or a disaster ("killed in a car
    crash") gives None.
    """
    if event not in UNNAMED_SIDE_TYPES:
        return actors, recipients
    if event == "ASSAULT" and not actors and is_accident(sentence):
        return None
    place = clause_place if event == "COERCE" else clause_place or only_place(locations, sentence)
    if event == "COERCE" and authority is not None and not actors:
        # "Dar was arrested", "the MP was detained": an arrest whose author is unsaid is the work of the
        # authorities where it happened, the story's home when the sentence names no place.
        actors = (authority,)
    if arrested is not None and not recipients:
        # "Seven persons were arrested in Kabul": who they are is unknown (the guide's UNK); the place
        # says whose police, not whose people.
        recipients = (arrested,)
    if place is None:
        return actors, recipients
    here = place_entity(place)
    if not actors and (event == "PROTEST" or is_domestic_agent(actor_tokens)):
        actors = (here,)
    if not recipients:
        recipients = (here,)
    return actors, recipients
