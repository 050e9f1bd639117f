"""What one mention says on its own: the state its verb gives (an agreement's action, a deal's or a
meeting's status), the mood of that verb, its date, the actors around it, its ordinal and length.

``read_mention`` is run once per mention; ``coreference`` compares readings to decide which mentions
are one record, and the builders (``agreements``, ``deals``, ``meetings``) merge the readings of a
record's mentions, the first mention that says something winning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.base.ontology import Status
from accord.base.syntax import doc_text
from accord.coding.context import ParsedArticle
from accord.coding.status import find_status
from accord.fact_records import DealStatus, Span
from accord.facts.clauses import (
    clause_subjects,
    entities_for,
    entities_in,
    governor_of,
    lookup_verb,
    owned_times,
    partner_tokens,
    place_in,
)
from accord.facts.lexicon import FactWords
from accord.facts.mentions import Mention
from accord.facts.phrases import duration_years, ordinal_in, span_of, year_range_in
from accord.records import Entity, Location, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["FactContext", "Reading", "deal_status", "read_mention", "token_span"]

_PARTNER_PREPS = frozenset({"with", "between", "among"})
_AFTER_WORDS = frozenset({"after", "following", "since"})
# A deal's status from what was done to the agreement that states it.
_DEAL_STATUS_OF_ACTION: dict[str, DealStatus] = {
    "signed": "signed",
    "concluded": "agreed",
    "renewed": "agreed",
    "extended": "agreed",
    "amended": "agreed",
    "ratified": "agreed",
    "negotiated": "negotiated",
    "planned": "planned",
    "rejected": "rejected",
    "suspended": "cancelled",
    "withdrawn": "cancelled",
}


@dataclass(frozen=True)
class FactContext:
    """One article's parse with what the resolvers found, the word lists, and the coder's verb classes."""

    parsed: ParsedArticle
    words: FactWords
    reporting_verbs: frozenset[str]
    future_reporting_verbs: frozenset[str]

    @property
    def doc(self) -> Doc:
        return self.parsed.doc


@dataclass(frozen=True)
class Reading:
    """What one mention says. ``state`` is an agreement's action, a deal's status or a meeting's status
    (None when its words give none); ``mood`` the events' status of its verb; ``time`` its own date
    phrase; ``actors`` the subjects of its verb, ``partners`` the actors after "with"/"between",
    ``named`` the actors inside its name; ``ordinal``, ``years`` (a length, "10-year") and ``years_range``
    (start and end years) when its name gives them."""

    mention: Mention
    state: str | None = None
    state_token: Token | None = None
    mood: Status | None = None
    time: TimeExpression | None = None
    actors: tuple[Entity, ...] = ()
    partners: tuple[Entity, ...] = ()
    named: tuple[Entity, ...] = ()
    owners: tuple[Entity, ...] = ()  # the possessor: "OPEC's accord", "India's purchase"
    ordinal: tuple[int, Token] | None = None
    years: tuple[int, Span] | None = None
    years_range: tuple[int, int, Span] | None = None
    place: Location | None = None
    count: float | None = None  # a count of items after a deal's noun: "the sale of 10 planes"

    @property
    def codes(self) -> frozenset[str]:
        """Every actor code the mention names."""
        return frozenset(e.code for e in (*self.actors, *self.partners, *self.named, *self.owners))


def token_span(doc: Doc, token: Token | None) -> Span | None:
    """One token as a ``Span`` (None stays None)."""
    return None if token is None else span_of(doc, token.i, token.i + 1)


def read_mention(context: FactContext, mention: Mention) -> Reading:
    """What ``mention`` says on its own (see ``Reading``)."""
    parsed, words = context.parsed, context.words
    governor = mention.governor
    verb = governor.verb if governor is not None else None
    name = (mention.name.first, mention.name.end) if mention.name is not None else None
    # The verb over the mention, and participles on it: "the summit, scheduled for Friday, ...".
    participles = [c for c in mention.head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    anchors = [mention.head, *participles] + ([verb] if verb is not None else [])
    purpose = _purpose_of(mention)
    if purpose is not None:
        anchors.append(purpose)  # "will travel to Asia next month to attend the summit": next month
    times = owned_times(
        parsed, mention.sentence, anchors, inside=name, reporting_verbs=context.reporting_verbs
    )
    times = [t for t in times if year_range_in(t.text, 0, len(t.text)) is None]  # "2021-2031": a term
    time = times[0] if times else None
    mood = find_status(
        mention.head,
        verb if mention.name is not None else None,
        time,
        parsed.article.date,
        future_reporting_verbs=context.future_reporting_verbs,
    )
    mood = _mood_of_purpose(context, mention, mood, time)
    state, state_token = _state(context, mention, mood)
    if state is None and mention.record_type == "agreement":
        planned = [
            t for t in mention.tokens() if t.lower_ in words.planned_modifiers and t.i < mention.head.i
        ]
        if planned:
            state, state_token = "planned", planned[0]  # "a draft treaty"
    actors: list[Entity] = []
    talks = _talks_about(context, mention)
    if verb is not None and governor is not None and governor.relation not in ("subject", "passive"):
        actors = entities_for(parsed, clause_subjects(verb))
    elif mention.name is None:
        actors = entities_for(parsed, clause_subjects(mention.head))  # "Siemens bought ..."
    elif talks is not None:
        state, state_token = "negotiated", talks
        talks_verb = governor_of(talks, words.before_words)
        if talks_verb is not None and talks_verb.relation not in ("subject", "passive"):
            actors = entities_for(parsed, clause_subjects(talks_verb.verb))
    partner_words = partner_tokens([mention.head, *([verb] if verb is not None else [])], _PARTNER_PREPS)
    return Reading(
        mention=mention,
        state=state,
        state_token=state_token,
        mood=mood,
        time=time,
        actors=tuple(actors),
        partners=tuple(entities_for(parsed, partner_words)),
        named=tuple(entities_in(parsed, *name)) if name is not None else (),
        owners=tuple(entities_for(parsed, [c for c in mention.head.children if c.dep_ == "poss"])),
        ordinal=ordinal_in(mention.tokens(), words) if mention.record_type == "meeting" else None,
        years=_length(context, mention),
        years_range=_range(context, mention),
        place=place_in(parsed, _place_anchors(mention), name) if mention.record_type == "meeting" else None,
        count=_count(context, mention) if mention.record_type == "deal" else None,
    )


def _count(context: FactContext, mention: Mention) -> float | None:
    """The first count of items in a deal's name after its noun ("sale of a further 10 planes": 10)."""
    if mention.name is None:
        return None
    doc = context.doc
    first = mention.head.idx + len(mention.head.text)
    last = doc[mention.name.end - 1].idx + len(doc[mention.name.end - 1].text)
    found = [q for q in context.parsed.context.quantities if first <= q.start and q.end <= last]
    return found[0].value if found else None


def _place_anchors(mention: Mention) -> list[Token]:
    """Where a meeting's place is said: on its noun, or on its verb when the verb holds it."""
    anchors = [mention.head]
    if mention.governor is not None and mention.governor.relation in ("object", "passive", "subject"):
        anchors.append(mention.governor.verb)
    return anchors


def _mood_of_purpose(
    context: FactContext, mention: Mention, mood: Status, time: TimeExpression | None
) -> Status:
    """A verb of purpose has no tense of its own: "will travel to Europe in June to attend the summit" is
    as planned as the travel. The mood of the nearest verb above it, when that one is planned or only
    supposed."""
    above = _purpose_of(mention)
    if above is None or mood != "occurred":
        return mood
    outer = find_status(
        above, None, time, context.parsed.article.date, future_reporting_verbs=context.future_reporting_verbs
    )
    return outer if outer in ("planned", "hypothetical") else mood


def _purpose_of(mention: Mention) -> Token | None:
    """The verb whose purpose the mention's verb states ("travel ... to attend the summit": travel), or
    None when its verb is no infinitive of purpose."""
    governor = mention.governor
    if governor is None:
        return None
    verb = governor.verb
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive or verb.dep_ not in ("advcl", "acl", "xcomp", "relcl"):
        return None
    return next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.tag_ != "TO"), None)


def _talks_about(context: FactContext, mention: Mention) -> Token | None:
    """The talks an agreement is the subject of ("negotiations on a free trade agreement"), or None."""
    head = mention.head
    if mention.record_type != "agreement" or mention.governor is not None or head.dep_ != "pobj":
        return None
    prep = head.head
    talks = prep.head
    if prep.lower_ not in ("on", "over", "about", "for") or talks.lower_ not in context.words.meeting_nouns:
        return None
    return talks if context.words.meeting_nouns[talks.lower_] in ("talks", "dialogue") else None


def _state(context: FactContext, mention: Mention, mood: Status) -> tuple[str | None, Token | None]:
    words = context.words
    governor = mention.governor
    if mention.record_type == "deal" and mention.name is None:
        return ("planned" if mood in ("planned", "hypothetical") else "completed"), mention.head
    if governor is None:
        return None, None
    verb, relation = governor.verb, governor.relation
    if mention.record_type == "meeting":
        return _meeting_state(lookup_verb(verb, relation, words.meeting_verbs), relation, mood, words), verb
    action = lookup_verb(verb, relation, words.agreement_verbs)
    if mention.record_type == "agreement":
        if action is None or relation == "subject":
            return None, None  # "the agreement expires", "the pact says"
        return action, verb
    status = lookup_verb(verb, relation, words.deal_status_verbs)
    if status is None and action is not None:
        status = _DEAL_STATUS_OF_ACTION.get(action)
    if status is None:
        return None, None
    if mood in ("planned", "hypothetical") and status not in ("cancelled", "rejected"):
        return "planned", verb
    if mood == "negated":
        return "rejected", verb
    return status, verb


def _meeting_state(verb_state: str | None, relation: str, mood: Status, words: FactWords) -> str | None:
    """held, planned, cancelled or postponed, from the verb, its preposition and its mood."""
    if verb_state in ("cancelled", "postponed"):
        return None if mood == "negated" else verb_state
    if mood == "negated":
        return "cancelled" if verb_state is not None else None
    if relation in words.before_words:
        return "planned"  # "ahead of the summit"
    if mood in ("planned", "hypothetical") or verb_state == "planned":
        return "planned"
    if verb_state is not None or relation in _AFTER_WORDS or relation in ("at", "in", "during", "on"):
        return "held"
    return None


def _length(context: FactContext, mention: Mention) -> tuple[int, Span] | None:
    """A length in years inside the name ("the 10-year pact")."""
    if mention.name is None:
        return None
    doc = context.doc
    first, end = (
        doc[mention.name.first].idx,
        doc[mention.name.end - 1].idx + len(doc[mention.name.end - 1].text),
    )
    for time in context.parsed.context.times:
        years = duration_years(time)
        if years is not None and first <= time.start and time.end <= end:
            return years, Span(time.text, time.start, time.end)
    return None


def _range(context: FactContext, mention: Mention) -> tuple[int, int, Span] | None:
    """A year range inside the name ("... from 2021-2031")."""
    if mention.name is None:
        return None
    doc = context.doc
    first, end = (
        doc[mention.name.first].idx,
        doc[mention.name.end - 1].idx + len(doc[mention.name.end - 1].text),
    )
    years = year_range_in(doc_text(doc), first, end)
    if years is None:
        return None
    return (
        years.start_year,
        years.end_year,
        Span(doc_text(doc)[years.start : years.end], years.start, years.end),
    )


def deal_status(reading: Reading) -> str | None:
    """A deal's status from one of its mentions: its own for a deal mention; for an agreement noun that
    points to the deal ("The agreement was signed"), the status that its action means."""
    if reading.mention.record_type == "deal":
        return reading.state
    status = _DEAL_STATUS_OF_ACTION.get(reading.state) if reading.state else None
    if status is None:
        return None
    if reading.mood in ("planned", "hypothetical") and status not in ("cancelled", "rejected"):
        return "planned"
    return "rejected" if reading.mood == "negated" else status
