"""An event's two sides: who acts (actor) and on whom (recipient), as coded entities.

The argument words of the parse (``arguments``) stand for actor mentions (``mentions``). Where the parse
names nobody, the nearest actors in the sentence stand in; a visit's host is the place visited, and a
violent act's target the place where it fell; a joint act ("India and Russia signed") puts one party on
each side; cooperation may inherit the sides of the sentence before ("The agreement was signed at the
meeting"); and acts by or against unnamed people keep their place's country (``unnamed_sides``). An event
needs both sides, except a protest, deployment, retreat or attack, which may have one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from accord.base.syntax import has_agent, is_agentless_passive, is_passive, is_verb
from accord.coding.attachment import location_in, place_entity
from accord.coding.casualties import is_death_setting
from accord.coding.codes import ONE_SIDED_TYPES, PLACE_TARGET_TYPES
from accord.coding.confidence import SideGuesses
from accord.coding.context import Candidate, ParsedArticle, PreviousSides
from accord.coding.drops import DropReason
from accord.coding.grammar import OBJECT_DEPS
from accord.coding.mentions import mentions_for, nearest_mentions
from accord.coding.pairs import dual_parties
from accord.coding.protest_targets import protested_mission, refers_back
from accord.coding.unknown import unknown_actor
from accord.coding.unnamed_sides import arresting_authority, unnamed_sides
from accord.records import ActorMention, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Sides", "find_sides"]

_PREVIOUS_REACH = 2  # sentences after an event's in which a later act may inherit its sides

Entities = tuple[Entity, ...]


@dataclass(frozen=True)
class Sides:
    """An event's sides; ``symmetric`` when the two act together, ``guesses`` where they came from."""

    actor: Entities
    recipient: Entities
    symmetric: bool
    guesses: SideGuesses


# CAMEO codes of taking people (arrest, detain), and the nouns that say nothing of who was taken.
_ARRESTS = frozenset({"173"})
_ANYONE = frozenset(
    {
        "person",
        "persons",
        "people",
        "man",
        "men",
        "woman",
        "women",
        "suspect",
        "suspects",
        "individual",
        "individuals",
        "youth",
        "youths",
        "someone",
        "others",
    }
)


def _anonymous_arrest(candidate: Candidate, taken: Sequence[Token]) -> bool:
    """An arrest of people the text does not identify ("seven persons were arrested", "a man was
    detained"): the guide's UNK, not the place's country. Named roles ("protesters", "rebels") stay."""
    return candidate.code.cameo in _ARRESTS and any(
        t.lemma_.lower() in _ANYONE or t.lower_ in _ANYONE for t in taken
    )


def find_sides(
    parsed: ParsedArticle,
    candidate: Candidate,
    sentence: Span,
    sentence_index: int,
    previous: PreviousSides | None,
    argument_tokens: tuple[Sequence[Token], Sequence[Token]],
) -> Sides | DropReason:
    """The sides of a candidate from its argument tokens (actor tokens, recipient tokens), or why it has
    none worth coding: ``nobody_obliged``, ``unattributed_accident``, ``no_sides`` or ``one_side``."""
    actor_tokens, recipient_tokens = argument_tokens
    found = _party_mentions(parsed, candidate, sentence, actor_tokens, recipient_tokens)
    if isinstance(found, str):
        return found
    actors, recipients, guesses = found
    actor, recipient, place_target = _entities(parsed, candidate, actors, recipients)
    actor, recipient, symmetric = _pair(
        candidate, actor, recipient, recipients, actor_unresolved=bool(actor_tokens) and not actors
    )
    if not actor:
        # "the two countries have signed ...": the two parties named before.
        pair = dual_parties(parsed, actor_tokens, previous)
        if pair is not None:
            both = {e.code for e in pair[0] + pair[1]}
            if not recipient or {e.code for e in recipient} <= both:
                # "The two leaders will take part in the dialogue between India and Russia": the pair
                # acts together, whether or not the sentence names the two again.
                actor, recipient, symmetric = pair[0], pair[1], True
            else:
                actor, symmetric = pair[0], False
    if not actor and candidate.code.event == "ASSAULT":
        # "a soldier was killed during an encounter between the troops and Abu Sayyaf militants": the
        # killing is the clash's, and the clash's two sides are its sides.
        clash = _clash_parties(parsed, candidate.clause)
        if clash is not None:
            actor, recipient, symmetric = clash
    if not recipient and candidate.code.event == "PROTEST":
        mission = protested_mission(parsed, candidate.clause)
        if mission is not None:
            recipient = (mission,)
        elif actor and previous is not None and refers_back(candidate.token):
            # "They began their protest on Wednesday": the protest told of before, with its target.
            earlier_actor, earlier_target = previous.protest
            if {e.code for e in actor} <= {e.code for e in earlier_actor}:
                recipient = earlier_target
    inherited = False
    if (
        (not actor or not recipient)
        and previous is not None
        and _may_inherit(candidate, sentence_index, previous)
    ):
        actor, recipient = _inherit(actor, recipient, previous)
        inherited = True
    if not (actor and recipient):
        # Conflict acts by or against unnamed people keep the place where they fall.
        place = location_in(parsed, candidate.clause)
        locations = parsed.context.locations
        filled = unnamed_sides(
            candidate.code.event,
            actor,
            recipient,
            actor_tokens,
            place,
            locations,
            sentence,
            authority=arresting_authority(
                candidate.clause, place, parsed.default_location, unknown_actor(parsed, candidate)
            ),
            arrested=unknown_actor(parsed, candidate)
            if _anonymous_arrest(candidate, recipient_tokens)
            else None,
        )
        if filled is None:
            return "unattributed_accident"
        actor, recipient = filled
    if not actor and not recipient:
        return "no_sides"
    if not (actor and recipient) and not _may_be_one_sided(candidate):
        return "one_side"
    return Sides(
        actor, recipient, symmetric, replace(guesses, target_is_place=place_target, inherited=inherited)
    )


def _party_mentions(
    parsed: ParsedArticle,
    candidate: Candidate,
    sentence: Span,
    actor_tokens: Sequence[Token],
    recipient_tokens: Sequence[Token],
) -> tuple[list[ActorMention], list[ActorMention], SideGuesses] | DropReason:
    """The actor mentions that stand for each side, with the nearest in the sentence standing in for a
    side the parse does not give (a guess, noted in the ``SideGuesses``)."""
    clause = candidate.clause
    actors = mentions_for(parsed, actor_tokens)
    recipients = [m for m in mentions_for(parsed, recipient_tokens) if m not in actors]
    if candidate.speaker is not None and not recipients:
        return "nobody_obliged"  # "said the departure should not make a difference"
    joint = len({m.entity.code for m in actors}) >= 2 and not recipients
    # The nearest actors in the sentence stand in only where the parse found no argument at all: an
    # argument that names nobody we know ("Bertrand was invited") stays empty rather than guessed.
    # The nearest actor to the left is a guess worth making for a verb ("..., India and Russia signed"),
    # not for a noun the sentence only mentions ("told AFP after the abductions").
    bare_noun = candidate.support is None and not is_verb(candidate.token)
    actor_guess = recipient_guess = False
    if not actors and not actor_tokens and not is_agentless_passive(clause) and not bare_noun:
        actors = nearest_mentions(parsed, sentence, clause, left=True, exclude=recipients)
        actor_guess = bool(actors)
    if not recipients and not recipient_tokens and not joint and not bare_noun:
        recipients = nearest_mentions(parsed, sentence, clause, left=False, exclude=actors)
        recipient_guess = bool(recipients)
    return (
        actors,
        recipients,
        SideGuesses(actor_by_position=actor_guess, recipient_by_position=recipient_guess),
    )


def _entities(
    parsed: ParsedArticle,
    candidate: Candidate,
    actors: Sequence[ActorMention],
    recipients: Sequence[ActorMention],
) -> tuple[Entities, Entities, bool]:
    """The mentions' distinct entities for each side, with a place standing in for a missing recipient;
    the flag says whether the place is a violent act's target (a guess)."""
    actor = _prune_countries(_distinct_entities(m.entity for m in actors))
    actor_names = {e.name for e in actor}
    recipient = _prune_countries(
        _distinct_entities(m.entity for m in recipients if m.entity.name not in actor_names)
    )
    clause, code = candidate.clause, candidate.code
    if not recipient and actor and candidate.rule.destination:
        # "Saddam Hussein arrived in Amman": a visit's host is the country it went to.
        host = location_in(parsed, clause)
        if host is not None and host.country_code not in {e.code for e in actor}:
            recipient = (place_entity(host),)
    place_target = False
    if not recipient and actor and code.event in PLACE_TARGET_TYPES:
        # "shelled the power plant in Gaza", "threatened a curfew in Algiers": the target is where
        # the act falls, the country's own people when it falls at home.
        target = location_in(parsed, clause)
        if target is not None:
            recipient = (place_entity(target),)
            place_target = True
    if not recipient and actor and code.event == "ACCUSE":
        # "France deplored the bombing in Baghdad": the charge is against the attack's unnamed author.
        recipient = _unnamed_author_of_attack(parsed, clause)
    if actor and {e.name for e in actor} == {e.name for e in recipient}:
        recipient = ()  # "Abbas's call ... Abbas": one party is not a pair
    if (
        recipient
        and all(e.kind == "country" for e in recipient)
        and any(e.kind != "country" for e in actor)
        and {e.code for e in recipient} <= {e.code for e in actor}
        and code.event in ("REQUEST", "CONSULT", "COOPERATE")
    ):
        # "Olmert said Israel must give the truce a chance", "Toure opened the summit in Mali": a
        # leader and his own country are one side, not two, when they meet, ask or work together.
        recipient = ()
    return actor, recipient, place_target


def _clash_parties(parsed: ParsedArticle, clause: Token) -> tuple[Entities, Entities, bool] | None:
    """The two parties of a fight the act happened in ("during an encounter between X and Y")."""
    for prep in clause.children:
        if prep.dep_ != "prep":
            continue
        for noun in (p for p in prep.children if p.dep_ == "pobj"):
            if noun.lemma_.lower() not in parsed.lexicon.clashes:
                continue
            parties = [
                p for b in noun.children if b.dep_ == "prep" and b.lower_ == "between" for p in b.children
            ]
            # Each side on its own: "troops and FARC rebels" names FARC below the second noun.
            found = mentions_for(parsed, [*parties, *(c for p in parties for c in p.conjuncts)])
            entities = _distinct_entities(m.entity for m in found)
            if len({_party(e) for e in entities}) >= 2:
                first = _party(entities[0])
                return (
                    tuple(e for e in entities if _party(e) == first),
                    tuple(e for e in entities if _party(e) != first),
                    True,
                )
    return None


def _unnamed_author_of_attack(parsed: ParsedArticle, clause: Token) -> Entities:
    """The ``UNK`` author of a violent act named as the clause's object with no author of its own."""
    for obj in clause.children:
        if obj.dep_ not in OBJECT_DEPS:
            continue
        rules = parsed.lexicon.rules(obj.lemma_.lower(), "NOUN")
        if any(r.code is not None and r.code.event == "ASSAULT" for r in rules):
            start, end = obj.idx, obj.idx + len(obj.text)
            return (replace(_UNKNOWN_AUTHOR, entity_text=obj.text, start=start, end=end),)
    return ()


_UNKNOWN_AUTHOR = Entity(
    entity_text="", name="unknown (not named in the text)", code="UNK", kind="group", start=0, end=0
)


def _pair(
    candidate: Candidate,
    actor: Entities,
    recipient: Entities,
    recipients: Sequence[ActorMention],
    *,
    actor_unresolved: bool = False,
) -> tuple[Entities, Entities, bool]:
    """Sides of a joint act, and whether the two act together (symmetric). ``actor_unresolved``: the parse
    names an actor the resolvers could not place ("It welcomed the truce reached by X and Y"): the
    recipients then stay recipients."""
    # "talks between India and Russia", "the summit with X and Y": a noun's (or a reciprocal verb's) two
    # named parties act together; the objects of a verb ("praised X and Y") stay recipients.
    joint_recipients = not is_verb(candidate.token) or candidate.rule.reciprocal
    if not actor and not actor_unresolved and joint_recipients and len({_party(e) for e in recipient}) >= 2:
        actor, recipient = recipient, ()
    # Joint acts: "India and Russia signed", "the India-Russia summit", and two parties of one country
    # ("Nepal's government and Maoist leaders began talks": NPL with NPL).
    if not recipient and len({_party(e) for e in actor}) >= 2:
        first = _party(actor[0])
        return (
            tuple(e for e in actor if _party(e) == first),
            tuple(e for e in actor if _party(e) != first),
            True,
        )
    if candidate.rule.reciprocal and actor and recipient and _with_partner(candidate.clause, recipients):
        # "held a summit with Modi", "signed a pact with Russia": the two act together. A direct
        # object ("Singh meets Shoigu") keeps PLOVER's actor -> recipient direction.
        return actor, recipient, True
    return actor, recipient, False


def _party(entity: Entity) -> tuple[str, str | None]:
    """What makes two entities two parties: another country, or, within one country, another sector
    (a government and rebels, police and protesters); two officials of one government are one party."""
    return entity.code, entity.sector if entity.kind != "country" else None


def _may_be_one_sided(candidate: Candidate) -> bool:
    """A type complete with one side, stated by a verb, a performed noun or a noun people died in."""
    token = candidate.token
    if candidate.code.event not in ONE_SIDED_TYPES:
        return False
    return is_verb(token) or candidate.support is not None or is_death_setting(token)


def _with_partner(clause: Token, recipients: Sequence[ActorMention]) -> bool:
    """Whether a recipient hangs on a "with" (or "between") phrase of the act or of its object."""
    heads = [clause, *[c for c in clause.children if c.dep_ in OBJECT_DEPS]]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                positions = {t.i for t in prep.subtree}
                if any(m.token_start in positions for m in recipients):
                    return True
    return False


def _may_inherit(candidate: Candidate, sentence_index: int, previous: PreviousSides) -> bool:
    """Whether a candidate with a side missing may take the previous event's: within two sentences of it,
    for cooperation only (a killing whose author the text withholds must not borrow the last sentence's),
    and for an event noun or a passive verb whose author is unsaid ("The agreement was signed at the
    meeting"), the kinds of act that name their sides in an earlier sentence."""
    if sentence_index - previous.sentence_index > _PREVIOUS_REACH or candidate.code.quad_class > 2:
        return False
    token = candidate.token
    if candidate.support is not None or not is_verb(token):
        return True
    return is_passive(token) and not has_agent(token)


def _inherit(actors: Entities, recipients: Entities, previous: PreviousSides) -> tuple[Entities, Entities]:
    """Fill a missing side from the previous event's sides ("The agreement was signed at ...")."""
    prev_actors, prev_recipients = previous.actor, previous.recipient
    if not actors and not recipients:
        return prev_actors, prev_recipients
    present = {e.code for e in actors + recipients}
    if not recipients and present <= {e.code for e in prev_actors}:
        return actors, prev_recipients
    if not recipients and present <= {e.code for e in prev_recipients}:
        return actors, prev_actors
    if not actors and present <= {e.code for e in prev_recipients}:
        return prev_actors, recipients
    return actors, recipients


def _distinct_entities(entities: Iterable[Entity]) -> Entities:
    seen: set[tuple[str, str]] = set()
    result: list[Entity] = []
    for entity in entities:
        key = (entity.code, entity.name)
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return tuple(result)


def _prune_countries(entities: Entities) -> Entities:
    """Drop "India" from [Rajnath Singh (IND), India]: the person already stands for the country."""
    specific = {e.code for e in entities if e.kind != "country"}
    return tuple(e for e in entities if e.kind != "country" or e.code not in specific)
