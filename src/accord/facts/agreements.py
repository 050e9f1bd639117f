"""A group of mentions -> one ``Agreement``: name, kind, action, status, date, parties, signatories, term
and the earlier agreement it amends or renews.

- **action**: what its verbs say was done ("signed", "ratified", "withdrew from"); a pact "on amending"
  an earlier agreement is amended. The first mention that says one gives it.
- **parties**: the countries and organisations that act on it (subjects of its verb, "with"/"between"
  phrases, names such as "the India-Russia pact"); the people among them are its **signatories**. When
  the text names none, the linked events' sides stand in, and then those of the article's previous
  agreement ("Another agreement was signed on ...": the same two sides).
- **term**: "2021-2031" in a name gives the first and last year, "the 10-year pact" a length, "extend
  ... by five years" an added length.
- **earlier**: the agreement it amends, renews or replaces, with its own date ("originally sealed in
  February 2019"); a definite mention that renews a signed one ("The 10-year pact ... was also renewed")
  names what the signing renewed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from accord.base.ids import record_id
from accord.base.ontology import Status
from accord.base.syntax import is_verb
from accord.fact_records import (
    Agreement,
    AgreementAction,
    AgreementKind,
    EarlierAgreement,
    EarlierRelation,
    Span,
    Term,
)
from accord.facts.clauses import lookup_verb, owned_times
from accord.facts.coreference import Earlier, RecordGroup
from accord.facts.merging import (
    countries_for,
    date_fields,
    event_sides,
    main_reading,
    mention_spans,
    people_and_parties,
)
from accord.facts.phrases import duration_years, span_of
from accord.facts.reading import FactContext, Reading, token_span
from accord.records import Entity, Event, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["build_agreement"]

# Actions whose date is the agreement's own: a year inside its name ("the 2019 agreement") dates them.
_DATED_BY_NAME = frozenset({"signed", "concluded", None})


def build_agreement(
    context: FactContext, group: RecordGroup, events: Sequence[Event], previous: Sequence[Entity]
) -> Agreement:
    """The agreement a group of mentions names. ``events`` are the events linked to it; ``previous`` the
    parties of the article's previous agreement or deal, used when the text names none of its own."""
    doc, article = context.doc, context.parsed.article
    main = main_reading(group)
    action, action_reading, action_token = _action(context, group)
    times = [_own_time(r, action) for r in ([action_reading] if action_reading else [])]
    times += [_own_time(r, action) for r in group.readings]
    exclude = []
    if group.earlier is not None:
        subtree = list(group.earlier.reading.mention.head.subtree)
        exclude.append((subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)))
    dates = date_fields(context, times, events, exclude=exclude)
    signatories, parties = people_and_parties(
        e for r in group.readings for e in (*r.actors, *r.partners, *r.named, *r.owners)
    )
    if not parties and not signatories:
        actors, recipients = event_sides(events)
        parties = countries_for(context, (*actors, *recipients))
    if not parties and not signatories:
        parties = tuple(previous)
    status: Status = (
        action_reading.mood if action_reading and action_reading.mood else (main.mood or "occurred")
    )
    return Agreement(
        id=record_id("agreement", article.id, group.lead.mention.start),
        article_id=article.id,
        kind=cast(
            AgreementKind, main.mention.kind if main.mention.record_type == "agreement" else "agreement"
        ),
        name=main.mention.span(),
        action=action,
        status=status,
        date=dates.date,
        date_precision=dates.precision,
        report_date=article.date.isoformat(),
        parties=parties,
        signatories=signatories,
        action_evidence=token_span(doc, action_token),
        date_evidence=dates.evidence,
        term=_term(context, group),
        earlier=_earlier(context, group),
        mentions=mention_spans(group),
        event_ids=tuple(e.id for e in events),
    )


def _action(
    context: FactContext, group: RecordGroup
) -> tuple[AgreementAction | None, Reading | None, Token | None]:
    """The action, the mention whose verb gives it, and that verb."""
    earlier = group.earlier
    if earlier is not None and earlier.verb is not None:
        action = lookup_verb(earlier.verb, "object", context.words.agreement_verbs)
        owner = next((r for r in group.readings if r.state), group.lead)
        if action is not None:
            return action, owner, earlier.verb
    for reading in group.readings:
        if reading.state is not None:
            return cast(AgreementAction, reading.state), reading, reading.state_token
    return None, None, None


def _own_time(reading: Reading, action: str | None) -> TimeExpression | None:
    """The mention's date, unless it is a year in its name and the action is not the signing itself
    ("amended the 2019 agreement" happened now)."""
    time = reading.time
    name = reading.mention.name
    if time is None or name is None or action in _DATED_BY_NAME:
        return time
    doc = reading.mention.head.doc
    inside = doc[name.first].idx <= time.start and time.end <= doc[name.end - 1].idx + len(
        doc[name.end - 1].text
    )
    return None if inside else time


def _term(context: FactContext, group: RecordGroup) -> Term | None:
    start_year = end_year = years = None
    added = False
    evidence: list[Span] = []
    for reading in group.readings:
        if reading.years_range is not None and start_year is None:
            start_year, end_year, span = reading.years_range
            evidence.append(span)
        if reading.years is not None and years is None:
            years, span = reading.years
            evidence.append(span)
        extension = _extension(context, reading)
        if extension is not None and years is None:
            years, span = extension
            added = True
            evidence.append(span)
    if start_year is None and years is None:
        return None
    return Term(start_year, end_year, years, added, tuple(sorted(evidence, key=lambda s: s.start)))


def _extension(context: FactContext, reading: Reading) -> tuple[int, Span] | None:
    """ "extend the accord by five years": the years an extension adds."""
    if reading.state != "extended" or reading.state_token is None:
        return None
    verb = reading.state_token
    spans = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"]
    for prep in spans:
        first, last = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text)
        for time in context.parsed.context.times:
            years = duration_years(time)
            if years is not None and first <= time.start and time.end <= last:
                return years, Span(time.text, time.start, time.end)
    return None


def _earlier(context: FactContext, group: RecordGroup) -> EarlierAgreement | None:
    if group.earlier is not None:
        return _earlier_agreement(context, group.earlier)
    if group.renewals:
        span = group.renewals[0].mention.span()
        return EarlierAgreement("renews", span.text, span.start, span.end)
    return None


def _earlier_agreement(context: FactContext, earlier: Earlier) -> EarlierAgreement:
    """The earlier agreement as written, with the year a name never takes ("a 1990 accord"), dated by
    that year or by a clause on it ("that was originally sealed in February 2019")."""
    mention = earlier.reading.mention
    first = mention.name.first if mention.name else mention.head.i
    while first > mention.head.left_edge.i and mention.head.doc[first - 1].dep_ not in (
        "det",
        "poss",
        "case",
    ):
        first -= 1
    span = span_of(context.doc, first, mention.name.end) if mention.name else mention.span()
    clause_verbs = [
        child
        for token in mention.tokens()
        for child in token.children
        if child.dep_ in ("relcl", "acl") and is_verb(child)
    ]
    times = owned_times(
        context.parsed,
        mention.sentence,
        clause_verbs,
        # The name without the dates it never takes: "a 1990 accord" is dated 1990.
        inside=(mention.head.left_edge.i, mention.name.end) if mention.name else None,
        reporting_verbs=context.reporting_verbs,
    )
    time = next((t for t in times if t.date is not None), None)
    return EarlierAgreement(
        relation=cast(EarlierRelation, earlier.relation),
        text=span.text,
        start=span.start,
        end=span.end,
        date=time.date if time else None,
        date_precision=(time.precision or "day") if time else None,
        date_evidence=Span(time.text, time.start, time.end) if time else None,
    )
