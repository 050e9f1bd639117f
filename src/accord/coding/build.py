"""One candidate trigger -> one ``Event`` record, or the named reason it is none.

``build_event`` reads the candidate's date phrase, its argument words and its sides, tests each reason an
analyst would not count it (in the order of ``drops.DROP_REASONS``), and assembles the record: the code as
the context and the status make it, the date, the place, the amounts, the evidence offsets and the
confidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from accord.base.ids import event_id
from accord.base.syntax import doc_text, is_purpose_infinitive, is_supposed_act
from accord.coding.arguments import argument_tokens
from accord.coding.attachment import date_fields, location_for, money_in, quantities_for, time_for
from accord.coding.casualties import is_accident, is_running_total
from accord.coding.casualties.words import DEATH_WORDS
from accord.coding.confidence import event_confidence
from accord.coding.context import Candidate, ParsedArticle, PreviousSides
from accord.coding.drops import DropReason
from accord.coding.explain import MentionExplanation, explain_mention
from accord.coding.recoding import recode_in_context, recode_unrealised
from accord.coding.sides import Sides, find_sides
from accord.coding.status import status_with_reason
from accord.records import Event, TimeExpression, Trigger

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

__all__ = ["Built", "build_event", "trigger_of"]


# Adverbs that make a clause a habit ("often", "routinely"); not "repeatedly", which reports a series.
_HABITUAL = frozenset(
    {"frequently", "often", "regularly", "routinely", "usually", "habitually", "normally", "generally"}
)


class Built(NamedTuple):
    """A built event and why it came out as it did."""

    event: Event
    explanation: MentionExplanation


def build_event(
    parsed: ParsedArticle,
    candidate: Candidate,
    sentence: Span,
    sentence_index: int,
    previous: PreviousSides | None,
    owners: dict[int, list[TimeExpression]],
) -> Built | DropReason:
    """The event a candidate states (with its explanation), or why it states none (``drops.DROP_REASONS``).

    ``sentence`` holds the candidate and is the ``sentence_index``-th of the article; ``previous`` are the
    sides of the last event built (a later one may inherit them); ``owners`` maps trigger token indexes to
    the date phrases they own (``attachment.time_owners``).
    """
    token, code = candidate.token, candidate.code
    time = time_for(parsed, candidate, owners)
    if time is not None and time.timex_type == "SET":
        return "recurring"  # "the ministers meet annually": a habit, not an event
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in candidate.clause.children):
        return "recurring"  # "insurgents frequently target the troops": a habit, not one act
    if code.event == "SUPPORT" and _describes_its_noun(token):
        return "described"  # "troops backing government forces", "protesters backing China's claims"
    if _is_told_topic(token):
        return "topic"  # "a news conference on Hu's visits": the visit is told of, not reported here
    if is_supposed_act(token):
        return "supposed"  # "attacking Iran's facilities might drive it underground": an idea weighed
    if code.event == "ASSAULT" and is_running_total(candidate.clause):
        return "tally"  # "more than 2,850 soldiers have been killed since 2003": a count, not one act
    actor_tokens, recipient_tokens = argument_tokens(parsed, candidate)
    # "on Monday" is when, not whom.
    actor_tokens = [t for t in actor_tokens if t.i not in parsed.time_tokens]
    recipient_tokens = [t for t in recipient_tokens if t.i not in parsed.time_tokens]
    if candidate.rule.transitive and not recipient_tokens:
        return "no_recipient"  # "warned that prices could rise": a statement, not a threat
    if code.event == "ASSAULT" and token.lemma_.lower() in DEATH_WORDS and is_accident(sentence):
        return "accident"  # "caused the plane to crash, killing 160": a disaster, not an attack
    nonagents = parsed.lexicon.nonagent_subjects
    if any(t.lemma_.lower() in nonagents for t in actor_tokens if t.dep_ == "nsubj"):
        return "nonagent_subject"  # "oil prices shot above $61", "shares were hit": markets, not parties
    sides = find_sides(
        parsed, candidate, sentence, sentence_index, previous, (actor_tokens, recipient_tokens)
    )
    if not isinstance(sides, Sides):
        return sides
    if is_purpose_infinitive(candidate.clause) and code.event != "PROTEST":
        # "units raised to fight Isis": an aim, not an act. People who "gathered to protest" did.
        return "purpose"
    return _assemble(parsed, candidate, sentence, time, sides, (actor_tokens, recipient_tokens))


# Verbs of backing that, as a participle after a noun, say who the noun's people are.
_BACKING = frozenset({"back", "support", "endorse", "favour", "favor"})


def _describes_its_noun(token: Token) -> bool:
    """A participle of backing that describes the noun before it ("Ethiopian troops backing Somali
    forces", "coalition troops backed by Afghan soldiers"): it says whose side they are on, it does not
    report a statement of support (the guide's SUPPORT is verbal or diplomatic)."""
    return (
        token.dep_ == "acl"
        and token.tag_ in ("VBG", "VBN")
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.lemma_.lower() in _BACKING
    )


# Nouns of telling and gathering whose "on"/"about" phrase names what is told of.
_TELLING = frozenset(
    {
        "conference",
        "briefing",
        "statement",
        "report",
        "remarks",
        "comments",
        "speech",
        "interview",
        "debate",
        "question",
        "questions",
        "hearing",
        "article",
        "documentary",
        "book",
    }
)


def _is_told_topic(token: Token) -> bool:
    """An event noun that is the topic of a telling ("a news conference on Hu's visits", "a report about
    the bombing"): the act is told of there, reported (and dated) where it is stated. And talking about
    something with nobody to talk with ("the minister, talking about the visit, said"): a statement, not
    talks."""
    if token.pos_ == "VERB" and token.lemma_.lower() == "talk":
        preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
        return bool(preps & {"about", "of"}) and not preps & {"with", "to"}
    head = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and head.lower_ in ("on", "about", "over", "regarding")
        and head.head.lemma_.lower() in _TELLING
    )


def trigger_of(doc: Doc, tokens: Sequence[Token]) -> Trigger:
    """The trigger's text and offsets: from its first word's start to its last word's end."""
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Trigger(text=doc_text(doc)[start:end], start=start, end=end)


def _assemble(
    parsed: ParsedArticle,
    candidate: Candidate,
    sentence: Span,
    time: TimeExpression | None,
    sides: Sides,
    arguments: tuple[Sequence[Token], Sequence[Token]],
) -> Built | DropReason:
    lexicon, article, token = parsed.lexicon, parsed.article, candidate.token
    code = recode_in_context(lexicon, candidate, arguments[0])
    status, status_reason = status_with_reason(
        candidate.speaker or token,
        candidate.support,
        time,
        article.date,
        future_reporting_verbs=lexicon.future_reporting_verbs,
    )
    if status in ("negated", "hypothetical") and not (sides.actor and sides.recipient):
        return "unrealised_one_side"  # "Israel would not attack": nothing happened, and to nobody named
    code = recode_unrealised(lexicon, code, status, candidate.clause)
    date, precision, enddate = date_fields(article.date, time)
    text_start = sentence.start_char
    text = parsed.article.text[text_start : sentence.end_char].rstrip()
    event = Event(
        id=event_id(article.id, token.idx, code.cameo),
        article_id=article.id,
        date=date,
        date_precision=precision,
        enddate=enddate,
        report_date=article.date.isoformat(),
        event=code.event,
        mode=code.mode,
        context=code.context,
        cameo=code.cameo,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        status=status,
        actor=sides.actor,
        recipient=sides.recipient,
        symmetric=sides.symmetric,
        event_loc=location_for(parsed, candidate.clause, sentence),
        quantities=quantities_for(parsed, sentence, token, code.event),
        money=money_in(parsed, sentence),
        text=text,
        text_start=text_start,
        text_end=text_start + len(text),
        trigger=trigger_of(parsed.doc, candidate.trigger_tokens),
        confidence=event_confidence(sides.guesses),
        date_evidence=time,
    )
    return Built(event, explain_mention(parsed, candidate, event, sides, time, status_reason, arguments))
