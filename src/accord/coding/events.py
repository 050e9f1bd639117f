"""Parsed article -> coded events.

``find_events`` walks each sentence of a spaCy ``Doc`` for trigger words from the lexicon (verbs such as
"sign", "meet", "attack"; event nouns such as "summit", "talks", "procurement"), reads who acts on whom from
the dependency parse, and ties to each event the date, place, quantities and money that the sentence gives.
Every field keeps the character offsets of the words it came from.

Parses of news text are imperfect, so each step has a documented fallback (nearest actors to the left or
right within the sentence; the previous event's sides when a sentence names none); fallbacks lower the
event's confidence rather than inventing certainty.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from accord.coding.casualties import (
    find_casualties,
    is_accident,
    is_death_setting,
    unnamed_sides,
    with_casualties,
)
from accord.coding.lexicon import CodeInfo, Lexicon, TriggerRule
from accord.coding.status import find_status
from accord.coding.status import is_verb as _is_verb  # one definition for finder and status
from accord.records import (
    Article,
    Entity,
    Event,
    Location,
    Money,
    Quantity,
    TimeExpression,
    Trigger,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from accord.records import ActorMention

__all__ = ["EventContext", "find_events"]

# Prepositions whose object is the other side of an act ("meet with", "attack on", "aid to").
_RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "upon", "from", "toward", "towards", "into", "between"}
)
# Prepositions that anchor an event noun to a clause ("at the meeting", "during the summit").
_ANCHOR_PREPS = frozenset({"at", "during", "in", "after", "before", "following", "amid", "since", "ahead"})
_LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "attr", "oprd"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_FREE_DEPS = frozenset({"conj", "appos", "cc"})
# Event types that are complete with one side only (a protest, a deployment, a resignation, an attack by
# an unknown hand). Every other type needs both sides to be worth an analyst's time.
_ONE_SIDED_TYPES = frozenset({"PROTEST", "MOBILIZE", "RETREAT", "ASSAULT"})
_OBLIGATION_AUX = frozenset({"must", "should"})
_DEATH_WORDS = frozenset({"kill", "die", "injure", "wound", "killing", "death", "hurt"})
_PERSONAL_PRONOUNS: dict[str, frozenset[str]] = {
    "he": frozenset({"person"}),
    "him": frozenset({"person"}),
    "she": frozenset({"person"}),
    "her": frozenset({"person"}),
    "it": frozenset({"country", "organization", "group"}),
    "they": frozenset({"country", "organization", "group"}),
    "them": frozenset({"country", "organization", "group"}),
}
# Acts whose complement clause is their content, not a second act ("urged X to ...", "accused X of ...").
_FRAMING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE", "AGREE"})
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"})
_CONTENT_PREPS = frozenset({"of", "for", "against"})
# Verbs that report other acts: their date phrase dates what they report ("said on Monday that ...").
_REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "announce",
        "confirm",
        "add",
        "state",
        "disclose",
        "reveal",
        "declare",
        "claim",
        "quote",
        "note",
        "learn",
        "write",
        "show",
        "indicate",
    }
)
# Acts whose target, when unnamed, is the place where they fall.
_PLACE_TARGET_TYPES = frozenset(
    {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION", "CONCEDE", "RETREAT"}
)
# PLOVER: cooperative acts reported in the future tense are coded AGREE (manual, AGREE, first note).
_FUTURE_AS_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
# Announced or supposed force and coercion are threats: CAMEO 138 threaten military force, 132
# administrative sanctions, 1313 to reduce relations, 133 political dissent.
_UNREALISED_AS_THREAT = {"ASSAULT": "138", "COERCE": "132", "SANCTION": "1313", "PROTEST": "133"}
_FUTURE_AGREE_BY_CONTEXT = {
    ("031", "economic"): "0311",
    ("031", "military"): "0312",
    ("033", "economic"): "0331",
    ("033", "military"): "0332",
    ("033", "humanitarian"): "0333",
}


@dataclass(frozen=True)
class EventContext:
    """What the resolvers found in one article, handed to ``find_events``."""

    article: Article
    actors: Sequence[ActorMention]
    times: Sequence[TimeExpression]
    quantities: Sequence[Quantity]
    money: Sequence[Money]
    locations: Sequence[Location]
    dateline: Location | None = None  # where the report was filed, when the input says so


@dataclass
class _Candidate:
    token: Token
    rule: TriggerRule
    support: Token | None  # the support verb of an event noun ("held talks")
    trigger_tokens: tuple[Token, ...]
    speaker: Token | None = None  # a reported obligation: "X said Y must ..." (X demands of Y)


def find_events(doc: Doc, context: EventContext, lexicon: Lexicon) -> list[Event]:
    """All events in one parsed article, one record per real event (mentions of the same act merged).

    ``doc`` must be the parse of ``context.article.text``. Returns events in text order.
    """
    finder = _Finder(doc, context, lexicon)
    events: list[Event] = []
    previous_sides: tuple[tuple[Entity, ...], tuple[Entity, ...], int] | None = None
    for sentence_index, sentence in enumerate(_sentences(doc)):
        if _is_sports(sentence, lexicon):
            continue  # "Lee beat Shirley 15-13", "the Chinese duo will next meet England's pair"
        candidates = finder.candidates(sentence)
        owners = finder.time_owners(sentence, candidates)
        for candidate in candidates:
            event, previous_sides = finder.build(candidate, sentence, sentence_index, previous_sides, owners)
            if event is not None:
                events.append(event)
    return _unique_ids(_merge_duplicates(events))


_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")


def _is_sports(sentence: Span, lexicon: Lexicon) -> bool:
    """A sentence of sports news: two sports words, or one beside a score ("won 15-4")."""
    words = {t.lower_ for t in sentence if t.lower_ in lexicon.sports_words}
    return len(words) >= 2 or (len(words) == 1 and _SCORE.search(sentence.text) is not None)


def _index_mentions(mentions: Sequence[ActorMention]) -> dict[int, ActorMention]:
    """Token index -> the actor mention that stands there.

    Where mentions nest, the outer one wins ("the Indian Army" over "Indian"), except for a body named
    after two or more countries ("Indo-Russia Rifles", "the India-Russia Commission"): its countries are
    the sides an analyst counts, so the nested country mentions win.
    """

    def nested(outer: ActorMention) -> list[ActorMention]:
        return [
            m
            for m in mentions
            if m is not outer and outer.token_start <= m.token_start and m.token_end <= outer.token_end
        ]

    index: dict[int, ActorMention] = {}
    ordered = sorted(mentions, key=lambda m: (m.token_start, -(m.token_end - m.token_start)))
    for mention in ordered:
        inner = nested(mention)
        if len({m.entity.code for m in inner if m.entity.kind == "country"}) >= 2:
            continue
        for i in range(mention.token_start, mention.token_end):
            index.setdefault(i, mention)
    return index


def _sentences(doc: Doc) -> Iterator[Span]:
    """spaCy's sentences, also cut at blank lines: headlines, captions and embedded tweets carry no
    full stop, and the parser runs them into the next paragraph."""
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and token.text.count("\n") >= 2 and token.i > start:
                yield doc[start : token.i]
                start = token.i + 1
        if start < sentence.end:
            yield doc[start : sentence.end]


class _Finder:
    def __init__(self, doc: Doc, context: EventContext, lexicon: Lexicon) -> None:
        self.doc = doc
        self.context = context
        self.lexicon = lexicon
        self.article = context.article
        self.mention_at = _index_mentions(context.actors)
        self.time_tokens: dict[int, TimeExpression] = {}
        for time in context.times:
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.time_tokens.setdefault(token.i, time)
        self.default_location = context.dateline or _article_location(context.locations)

    # -- finding triggers -------------------------------------------------------------------------------

    def candidates(self, sentence: Span) -> list[_Candidate]:
        found: list[_Candidate] = []
        consumed: set[int] = set()
        for token in sentence:
            if token.i in consumed or token.i in self.time_tokens:
                continue
            candidate = self._verb_candidate(token) if _is_verb(token) else None
            if candidate is None and token.pos_ in ("NOUN", "PROPN"):
                candidate = self._noun_candidate(token)
            if candidate is None:
                continue
            found.append(candidate)
            if candidate.rule.objects is not None:
                # "signed an agreement", "held talks": the object is part of this event, not another one.
                obj = _object_of(token)
                if obj is not None:
                    consumed.add(obj.i)
        obligations = self._reported_obligations(sentence)
        if obligations:
            # "Britain said Libya must hand over the suspects" reports Britain's demand, not a handover.
            obliged = {c.token.i for c in obligations}
            found = [
                c
                for c in found
                if c.token.i not in obliged and (c.support is None or c.support.i not in obliged)
            ]
            found += obligations
        # A noun whose support verb fired as a trigger itself is the same event.
        verbs = {c.token.i for c in found}
        found = [c for c in found if c.support is None or c.support.i not in verbs]
        return self._without_content_clauses(found)

    def _without_content_clauses(self, found: list[_Candidate]) -> list[_Candidate]:
        """Drop acts that are only the content of another act: "urged Israel to halt its operations",
        "accused the rebels of violating the ceasefire", "refused to deploy troops", "threatened to
        attack". CAMEO and PLOVER code the demand, accusation, refusal or threat, once."""
        framing = {
            c.token.i
            for c in found
            if c.rule.code.event in _FRAMING_TYPES and _is_verb(c.token) and c.speaker is None
        }
        if not framing:
            return found
        accusing = {c.token.i for c in found if c.rule.code.event == "ACCUSE" and c.token.i in framing}
        kept: list[_Candidate] = []
        for candidate in found:
            clause = candidate.support or candidate.token
            if (
                not _is_verb(candidate.token)
                and candidate.token.dep_ == "dobj"
                and candidate.token.head.i in accusing
            ):
                kept.append(candidate)  # "condemned the air strikes on Lebanon": the strikes happened
                continue
            node, steps = clause, 0
            inside = False
            if node.dep_ == "conj" and node.head.dep_ in _CONTENT_DEPS:
                node = node.head  # "called on Arabs to unite and mobilize": both verbs are the content
            while steps < 3 and node.head.i != node.i and node.dep_ in _CONTENT_DEPS:
                if node.dep_ == "prep" and node.lower_ not in _CONTENT_PREPS:
                    break  # "accused X ... after an attack": the attack is its own act
                node, steps = node.head, steps + 1
                if node.i in framing and node.i != candidate.token.i:
                    inside = True
                    break
            if not inside:
                kept.append(candidate)
        return kept

    def _reported_obligations(self, sentence: Span) -> list[_Candidate]:
        """'Britain said Libya must hand over the suspects': a demand by the speaker of the one obliged."""
        rule = self.lexicon.obligation_rule
        if rule is None:
            return []
        found: list[_Candidate] = []
        for token in sentence:
            if token.dep_ != "ccomp" or not _is_verb(token):
                continue
            modal = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX), None)
            if modal is None or token.head.lemma_.lower() not in self.lexicon.obligation_frames:
                continue
            found.append(_Candidate(token, rule, None, (modal, token), speaker=token.head))
        return found

    def _lemma(self, token: Token) -> str:
        lemma = token.lemma_.lower()
        doc = self.doc
        # spaCy splits "co-chaired" into "co", "-", "chaired".
        if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("co", "re"):
            return f"{doc[token.i - 2].lower_}-{lemma}"
        return lemma

    def _verb_candidate(self, token: Token) -> _Candidate | None:
        if token.dep_ == "amod":
            return None  # "the defending champion", "the ruling party": a participle as adjective
        for rule in self.lexicon.rules(self._lemma(token), "VERB"):
            extra: list[Token] = []
            if rule.particle is not None:
                particle = _particle(token, rule.particle)
                if particle is None:
                    continue
                extra.append(particle)
            if rule.objects is not None:
                obj = _object_of(token, rule.particle)
                if obj is None or not _lemmas(obj) & rule.objects:
                    continue
            if rule.blocked:
                return None  # a listed non-event: "seize power", "strike a pose"
            if "-" in rule.lemma:
                extra += [self.doc[token.i - 2], self.doc[token.i - 1]]  # "co-chaired"
            return _Candidate(token, rule, None, tuple(sorted([token, *extra], key=lambda t: t.i)))
        return None

    def _noun_candidate(self, token: Token) -> _Candidate | None:
        lemma = token.lemma_.lower()
        rules = self.lexicon.rules(lemma, "NOUN") or self.lexicon.rules(token.lower_, "NOUN")
        # A rule that names a modifier ("air strike", "hunger strike") is more specific than the bare noun.
        for rule in sorted(rules, key=lambda r: r.particle is None):
            extra: list[Token] = []
            if rule.particle is not None:
                modifier = next((c for c in token.lefts if c.lower_ == rule.particle), None)
                if modifier is None:
                    continue
                extra.append(modifier)
            if rule.objects is not None and not _lemmas(token) & rule.objects:
                continue
            if any(c.lemma_.lower() in self.lexicon.blocked_modifiers for c in token.lefts):
                continue  # "heart attack", "panic attack", "price war"
            support = self._support_verb(token)
            if support is None:
                # A noun for a statement ("demands", "criticism") mostly names an act reported
                # elsewhere; it counts as an event only when a verb performs it ("made demands").
                if rule.code.quad_class in (1, 3) and rule.code.event not in ("CONSULT", "AGREE"):
                    continue
                if not self._anchored(token):
                    continue
            tokens = [token, *extra] + ([support] if support is not None else [])
            return _Candidate(token, rule, support, tuple(sorted(tokens, key=lambda t: t.i)))
        return None

    def _support_verb(self, noun: Token) -> Token | None:
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in self.lexicon.generic_event_heads:
            noun = noun.head  # "launched a mediation effort": the effort stands where the event would
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "obj") and _is_verb(head):
            return head if head.lemma_.lower() in self.lexicon.support_verbs else None
        if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt", "agent"):
            verb = head.head
            if not _is_verb(verb) and verb.dep_ in ("dobj", "obj") and _is_verb(verb.head):
                verb = verb.head  # "take part in the dialogue": "in" hangs on "part"
            if not _is_verb(verb):
                return None
            # "take part in talks", "participate in the summit", "join the talks"
            if verb.lemma_.lower() in self.lexicon.support_verbs | {"participate", "engage"}:
                return verb
        return None

    def _anchored(self, noun: Token) -> bool:
        """An event noun stands for a real event when something ties it to the clause or to actors."""
        if noun.dep_ == "pobj" and noun.head.lower_ in _ANCHOR_PREPS:
            # "in protest at", "in retaliation": a bare noun after "in" says why, not what happened.
            return noun.head.lower_ != "in" or any(c.dep_ in ("det", "poss") for c in noun.children)
        if noun.dep_ in ("nsubj", "nsubjpass") and _is_verb(noun.head):
            # "the attack killed five", "talks began": only verbs that say an event happened anchor it.
            return noun.head.lemma_.lower() in self.lexicon.event_predicates
        for child in noun.children:
            if child.dep_ in _MODIFIER_DEPS and self._mention_in(child) is not None:
                return True
            if child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS | {"by", "of"}:
                for pobj in child.children:
                    if self._mention_in(pobj) is not None:
                        return True
                    if child.lower_ == "of" and any(t.like_num for t in pobj.subtree):
                        return True  # "the procurement of 6,01,427 rifles"
        return False

    def _mention_in(self, token: Token) -> ActorMention | None:
        for t in token.subtree:
            if t.i in self.mention_at:
                return self.mention_at[t.i]
        return None

    # -- building an event ------------------------------------------------------------------------------

    def build(
        self,
        candidate: _Candidate,
        sentence: Span,
        sentence_index: int,
        previous: tuple[tuple[Entity, ...], tuple[Entity, ...], int] | None,
        owners: dict[int, list[TimeExpression]],
    ) -> tuple[Event | None, tuple[tuple[Entity, ...], tuple[Entity, ...], int] | None]:
        token, rule = candidate.token, candidate.rule
        clause = candidate.support or token
        time = self._time_for(candidate, owners)
        if time is not None and time.timex_type == "SET":
            return None, previous  # "the ministers meet annually": a habit, not an event
        actor_tokens, recipient_tokens = self._argument_tokens(candidate)
        # "on Monday" is when, not whom.
        actor_tokens = [t for t in actor_tokens if t.i not in self.time_tokens]
        recipient_tokens = [t for t in recipient_tokens if t.i not in self.time_tokens]
        if rule.transitive and not recipient_tokens:
            return None, previous  # "warned that prices could rise": a statement, not a threat
        if rule.code.event == "ASSAULT" and token.lemma_.lower() in _DEATH_WORDS and is_accident(sentence):
            return None, previous  # "caused the plane to crash, killing 160": a disaster, not an attack
        if any(t.lemma_.lower() in self.lexicon.nonagent_subjects for t in actor_tokens if t.dep_ == "nsubj"):
            return None, previous  # "oil prices shot above $61", "shares were hit": markets, not parties
        confidence = 0.85
        actors = self._mentions(actor_tokens)
        recipients = [m for m in self._mentions(recipient_tokens) if m not in actors]
        if candidate.speaker is not None and not recipients:
            return None, previous  # "said the departure should not make a difference": nobody is obliged
        joint = len({m.entity.code for m in actors}) >= 2 and not recipients
        # The nearest actors in the sentence stand in only where the parse found no argument at all: an
        # argument that names nobody we know ("Bertrand was invited") stays empty rather than guessed.
        bare_noun = candidate.support is None and not _is_verb(token)
        # The nearest actor to the left is a guess worth making for a verb ("..., India and Russia signed"),
        # not for a noun the sentence only mentions ("told AFP after the abductions").
        if not actors and not actor_tokens and not _agentless_passive(clause) and not bare_noun:
            actors = self._window(sentence, clause, left=True, exclude=recipients)
            confidence -= 0.15 if actors else 0.0
        if not recipients and not recipient_tokens and not joint and not bare_noun:
            recipients = self._window(sentence, clause, left=False, exclude=actors)
            confidence -= 0.1 if recipients else 0.0
        actor_entities = _prune_countries(_distinct_entities(m.entity for m in actors))
        actor_names = {e.name for e in actor_entities}
        recipient_entities = _prune_countries(
            _distinct_entities(m.entity for m in recipients if m.entity.name not in actor_names)
        )
        if not recipient_entities and actor_entities and rule.destination:
            # "Saddam Hussein arrived in Amman": a visit's host is the country it went to.
            host = self._location_in(clause)
            if host is not None and host.country_code not in {e.code for e in actor_entities}:
                recipient_entities = (_place_entity(host),)
        if not recipient_entities and actor_entities and rule.code.event in _PLACE_TARGET_TYPES:
            # "shelled the power plant in Gaza", "threatened a curfew in Algiers": the target is where
            # the act falls, the country's own people when it falls at home.
            target = self._location_in(clause)
            if target is not None:
                recipient_entities = (_place_entity(target),)
                confidence -= 0.1
        if actor_entities and {e.name for e in actor_entities} == {e.name for e in recipient_entities}:
            recipient_entities = ()  # "Abbas's call ... Abbas": one party is not a pair
        if (
            recipient_entities
            and all(e.kind == "country" for e in recipient_entities)
            and any(e.kind != "country" for e in actor_entities)
            and {e.code for e in recipient_entities} <= {e.code for e in actor_entities}
            and rule.code.event in ("REQUEST", "CONSULT", "COOPERATE")
        ):
            # "Olmert said Israel must give the truce a chance", "Toure opened the summit in Mali": a
            # leader and his own country are one side, not two, when they meet, ask or work together.
            recipient_entities = ()
        symmetric = False
        if not actor_entities and len({e.code for e in recipient_entities}) >= 2:
            actor_entities, recipient_entities = recipient_entities, ()
        # Joint acts: "India and Russia signed", "the India-Russia summit".
        if not recipient_entities and len({e.code for e in actor_entities}) >= 2:
            first = actor_entities[0].code
            recipient_entities = tuple(e for e in actor_entities if e.code != first)
            actor_entities = tuple(e for e in actor_entities if e.code == first)
            symmetric = True
        elif (
            rule.reciprocal
            and actor_entities
            and recipient_entities
            and self._with_partner(clause, recipients)
        ):
            # "held a summit with Modi", "signed a pact with Russia": the two act together. A direct
            # object ("Singh meets Shoigu") keeps PLOVER's actor -> recipient direction.
            symmetric = True
        if (not actor_entities or not recipient_entities) and previous is not None:
            # Only cooperation carries over ("The agreement was signed at the meeting"); a killing whose
            # author the text withholds must not borrow the last sentence's.
            if (
                sentence_index - previous[2] <= 2
                and rule.code.quad_class <= 2
                and self._may_inherit(candidate)
            ):
                actor_entities, recipient_entities = _inherit(actor_entities, recipient_entities, previous)
                confidence -= 0.2
        code = rule.code
        if not (actor_entities and recipient_entities):
            # Conflict acts by or against unnamed people keep the place where they fall (see casualties.py).
            sides = unnamed_sides(
                code.event,
                actor_entities,
                recipient_entities,
                actor_tokens,
                self._location_in(clause),
                self.context.locations,
                sentence,
            )
            if sides is None:
                return None, previous
            actor_entities, recipient_entities = sides
        if not actor_entities and not recipient_entities:
            return None, previous
        if not (actor_entities and recipient_entities) and (
            code.event not in _ONE_SIDED_TYPES
            or not (_is_verb(token) or candidate.support is not None or is_death_setting(token))
        ):
            return None, previous
        if _is_purpose(clause) and rule.code.event != "PROTEST":
            # "units raised to fight Isis": an aim, not an act. People who "gathered to protest" did.
            return None, previous
        if (
            code.event == "ASSAULT"
            and _is_verb(token)
            and token.lemma_.lower() in ("attack", "assail", "hit")
            and any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in token.children)
        ):
            code = self.lexicon.code("111")  # "attacked Washington for its arms sales": criticism
        if (
            code.cameo in ("190", "1712")
            and token.lemma_.lower() not in _DEATH_WORDS
            and any(
                t.lemma_.lower() in self.lexicon.crowd_subjects or t.lower_ in self.lexicon.crowd_subjects
                for t in _with_partitives(actor_tokens)
            )
        ):
            # "Protesters clashed with police", "rioters torched cars": unarmed crowds riot (PLOVER PROTEST
            # riot); a mob that kills or lynches still assaults.
            code = self.lexicon.code("145")
        if (
            code.event == "PROTEST"
            and candidate.support is not None
            and candidate.support.lemma_.lower() in self.lexicon.diplomatic_protest_verbs
        ):
            code = self.lexicon.code("114")  # "lodged a protest with Albania": a complaint, PLOVER ACCUSE
        status = find_status(candidate.speaker or token, candidate.support, time, self.article.date)
        if status in ("planned", "hypothetical") and not _counterfactual(candidate.support or token):
            code = self._unrealised_code(code, status)
        date, precision, enddate = self._date_fields(time, status)
        text_start, text_end = sentence.start_char, sentence.end_char
        text = self.doc.text[text_start:text_end]
        stripped = text.rstrip()
        trigger = _trigger(self.doc, candidate.trigger_tokens)
        event = Event(
            id=_event_id(self.article.id, token.idx, code.cameo),
            article_id=self.article.id,
            date=date,
            date_precision=precision,
            enddate=enddate,
            report_date=self.article.date.isoformat(),
            event=code.event,
            mode=code.mode,
            context=code.context,
            cameo=code.cameo,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            status=status,
            actor=actor_entities,
            recipient=recipient_entities,
            symmetric=symmetric,
            event_loc=self._location_for(clause, sentence, rule),
            quantities=with_casualties(
                self._quantities_in(sentence), find_casualties(self.doc, sentence, token)
            )
            if code.event in ("ASSAULT", "COERCE")
            else self._quantities_in(sentence),
            money=tuple(m for m in self.context.money if text_start <= m.start < text_end),
            text=stripped,
            text_start=text_start,
            text_end=text_start + len(stripped),
            trigger=trigger,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            date_evidence=time,
        )
        return event, (event.actor, event.recipient, sentence_index)

    def _argument_tokens(self, candidate: _Candidate) -> tuple[list[Token], list[Token]]:
        token = candidate.token
        actors: list[Token] = []
        recipients: list[Token] = []
        if candidate.speaker is not None:
            return _subjects(candidate.speaker), [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if candidate.rule.code.event in ("MOBILIZE", "RETREAT") and any(
            c.dep_ == "auxpass" for c in token.children
        ):
            # "Lebanese troops were deployed in the capital": the forces moved are their own side.
            forces = [
                c for c in token.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in self.lexicon.forces
            ]
            if forces:
                actors += forces
        if candidate.support is not None or not _is_verb(token):
            verb = candidate.support
            if verb is not None:
                actors += _subjects(verb)
                recipients += _preposition_objects(verb, exclude=token)
            elif (
                token.dep_ == "pobj" and _is_verb(token.head.head) and candidate.rule.code.event == "CONSULT"
            ):
                actors += _subjects(token.head.head)  # "At the meeting, X and Y signed ..."
            elif token.dep_ in ("nsubj", "nsubjpass"):
                pass
            actors += [c for c in token.children if c.dep_ in _MODIFIER_DEPS or c.dep_ == "agent"]
            actors += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
            recipients += _preposition_objects(token)
            # "support for the Indian bid", "aid for Haiti": a noun's "for" names its beneficiary.
            recipients += [
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "for"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if not actors and not recipients:
                recipients += [
                    p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                ]
            return actors, recipients
        actors += _subjects(token)
        if token.dep_ == "acl" and token.tag_ == "VBG" and not self._mentions([token.head]):
            # "Denmark filed a resolution denouncing China": the resolution's filer denounces.
            holder = token.head
            if holder.dep_ in ("dobj", "obj", "pobj") and _is_verb(holder.head):
                actors += _subjects(holder.head)
        participle = token.tag_ == "VBN" and token.dep_ in ("acl", "relcl")
        passive = participle or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        if participle and token.head.lower_ not in _RELATIVE_PRONOUNS:
            recipients.append(token.head)  # "Denmark, backed by the United States": Denmark is backed
        if passive:
            actors += [p for c in token.children if c.dep_ == "agent" for p in c.children]
            recipients += [
                c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ not in _RELATIVE_PRONOUNS
            ]
        objects = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
        if candidate.rule.code.event == "ACCUSE":
            # "condemned the Israeli air strikes on Lebanon": the charge is against the strikes' author.
            authors = [
                m for o in objects if self._is_event_noun(o) for m in o.children if m.dep_ in _MODIFIER_DEPS
            ]
            if authors:
                return actors, authors
        recipients += _preposition_objects(token)
        if candidate.rule.code.event == "REJECT" and not any(c.dep_ in _OBJECT_DEPS for c in token.children):
            # "refused to deploy troops in Iraq": with nothing refused by name, the act refused names
            # the other side; only where it names someone, so that the fallbacks stay open otherwise.
            for content in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
                found = [c for c in content.children if c.dep_ in _OBJECT_DEPS] + _preposition_objects(
                    content
                )
                recipients += [t for t in found if self._mentions([t])]
        particle = candidate.rule.particle
        if particle is not None and particle not in _RECIPIENT_PREPS:
            # "called on Damascus to ...", "called for Syria to ...": the particle's object is addressed.
            recipients += [
                p for c in token.children if c.lower_ == particle for p in c.children if p.dep_ == "pobj"
            ]
        for obj in objects:
            recipients += _preposition_objects(obj)
        if candidate.rule.code.event in ("RETREAT", "MOBILIZE", "CONCEDE"):
            # "pulled out troops from Gaza", "deployed 24,000 police": forces are what moves, not a side.
            objects = [o for o in objects if o.lemma_.lower() not in self.lexicon.forces]
        if candidate.rule.objects is None:
            recipients += objects  # "attacked Iraq": the object is the other side
        elif not recipients:
            # "signed an India-Russia pact": the sides are named on the agreement itself.
            recipients += [c for obj in objects for c in obj.children if c.dep_ in _MODIFIER_DEPS]
        return actors, recipients

    def _is_event_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and bool(self.lexicon.rules(token.lemma_.lower(), "NOUN"))

    def _is_party(self, mention: ActorMention) -> bool:
        # A news agency reports events; it is not a side of them ("told AFP", "Xinhua reported").
        return mention.entity.sector != "MED"

    def _mentions(self, tokens: Iterable[Token]) -> list[ActorMention]:
        """Actor mentions that stand for each argument: the nearest in the parse, with their conjuncts."""
        chosen: list[ActorMention] = []
        for root in tokens:
            if root.pos_ == "PRON":
                antecedent = self._antecedent(root)
                if antecedent is not None and antecedent not in chosen:
                    chosen.append(antecedent)
                continue
            best: list[tuple[int, int, ActorMention]] = []
            frontier: list[tuple[int, Token]] = [(0, root)]
            seen: set[int] = set()
            while frontier:
                cost, tok = frontier.pop()
                if tok.i in seen:
                    continue
                seen.add(tok.i)
                mention = self.mention_at.get(tok.i)
                if mention is not None and self._is_party(mention):
                    best.append((cost, tok.i, mention))
                for child in tok.children:
                    if child.dep_ in _FREE_DEPS:
                        step = 0
                    elif child.dep_ in _MODIFIER_DEPS:
                        step = 1
                    elif child.dep_ in ("prep", "pobj"):
                        step = 2
                    elif child.dep_ in ("relcl", "acl", "ccomp", "advcl", "xcomp"):
                        continue  # another clause: another event's actors
                    else:
                        step = 3
                    frontier.append((cost + step, child))
            if not best:
                continue
            lowest = min(cost for cost, _, _ in best)
            for _, _, mention in sorted(b for b in best if b[0] <= lowest + 0):
                if mention not in chosen:
                    chosen.append(mention)
        return chosen

    def _antecedent(self, pronoun: Token) -> ActorMention | None:
        """The actor a subject or object pronoun stands for.

        "Japan said it had halted aid": a pronoun subject of a clause reported by a verb stands for
        that verb's subject. Otherwise the nearest earlier actor of a fitting kind in this sentence or
        the one before ("he"/"she": a person; "it": a country, organisation or group; "they": any
        but a single person). Possessives and other pronouns are left alone.
        """
        word = pronoun.lower_
        if word not in _PERSONAL_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return None
        kinds = _PERSONAL_PRONOUNS[word]
        clause = pronoun.head
        if pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
            for subject in _subjects(clause.head):
                for mention in self._mentions([subject]):
                    if mention.entity.kind in kinds:
                        return mention
        sentence_start = pronoun.sent.start
        earliest = max(0, sentence_start - 60)
        for i in range(pronoun.i - 1, earliest - 1, -1):
            mention = self.mention_at.get(i)
            if (
                mention is not None
                and mention.entity.kind in kinds
                and not _is_place_phrase(self.doc[mention.head])
            ):
                return mention
        return None

    def _with_partner(self, clause: Token, recipients: Sequence[ActorMention]) -> bool:
        """Whether a recipient hangs on a "with" (or "between") phrase of the act or of its object."""
        heads = [clause, *[c for c in clause.children if c.dep_ in _OBJECT_DEPS]]
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                    positions = {t.i for t in prep.subtree}
                    if any(m.token_start in positions for m in recipients):
                        return True
        return False

    def _window(
        self, sentence: Span, clause: Token, *, left: bool, exclude: Sequence[ActorMention]
    ) -> list[ActorMention]:
        """Nearest actors to the left (or right) of the trigger, with those coordinated to them."""
        tokens = range(clause.i - 1, sentence.start - 1, -1) if left else range(clause.i + 1, sentence.end)
        found: list[ActorMention] = []
        gap = 0
        for i in tokens:
            token = self.doc[i]
            if token.text in ('"', "“", "”") or (left and token.text == ";"):
                break
            mention = self.mention_at.get(i)
            if mention is not None and not self._is_party(mention):
                mention = None
            if mention is not None and _is_place_phrase(self.doc[mention.head]):
                mention = None  # "alternatives in Russia and India": a place, not a party
            if mention is not None and mention not in exclude:
                if mention not in found:
                    found.append(mention)
                gap = 0
                continue
            if found:
                gap += 1
                # Keep going only across coordination: "India and Russia", "X, Y and Z".
                if token.lower_ not in ("and", ",", "&", "-", "the", "of") or gap > 2:
                    break
        return found

    def _may_inherit(self, candidate: _Candidate) -> bool:
        token = candidate.token
        if candidate.support is not None or not _is_verb(token):
            return True
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) and not any(
            c.dep_ == "agent" for c in token.children
        )

    def _unrealised_code(self, code: CodeInfo, status: str) -> CodeInfo:
        """PLOVER codes acts that have not happened as the act they amount to now: future cooperation
        is AGREE, an announced retreat is CONCEDE, and force or coercion that is only announced or
        supposed is THREATEN (manual, sections 2.3, AGREE, CONCEDE and RETREAT notes)."""
        threat = _UNREALISED_AS_THREAT.get(code.event)
        if threat is not None:
            return replace(self.lexicon.code(threat), context=code.context)
        if code.event == "RETREAT" and status == "planned":
            return replace(self.lexicon.code("080"), mode=code.mode, context=code.context)
        cameo = _FUTURE_AS_AGREE.get(code.event) if status == "planned" else None
        if cameo is None:
            return code
        for context in code.context:
            cameo = _FUTURE_AGREE_BY_CONTEXT.get((cameo, context), cameo)
        future = self.lexicon.code(cameo)
        return replace(future, context=code.context or future.context)

    # -- time, place, amounts ---------------------------------------------------------------------------

    def time_owners(self, sentence: Span, candidates: list[_Candidate]) -> dict[int, list[TimeExpression]]:
        """Which event each date phrase of the sentence belongs to, keyed by trigger token index.

        A phrase belongs to the nearest verb above it in the parse. When that verb is an event's
        trigger, the phrase is that event's; when it is a verb that governs events ("sources said on
        Monday that X signed"), it is every governed event's; when it is some other verb (a relative
        clause: "the pact that was sealed in February 2019"), it is no event's.
        """
        clause_of = {(c.support or c.token).i: c.token.i for c in candidates}
        owners: dict[int, list[TimeExpression]] = {}
        for time in self.context.times:
            if not sentence.start_char <= time.start < sentence.end_char:
                continue
            span = self.doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is None:
                continue
            node = span.root
            while node.head.i != node.i and not (_is_verb(node) or node.i in clause_of):
                node = node.head
            if node.i in clause_of:
                owners.setdefault(clause_of[node.i], []).append(time)
                if not _is_verb(node):
                    # "killed in Thursday's bombings": the bombings' date is the killing's too.
                    for ancestor in node.ancestors:
                        if ancestor.i in clause_of and _is_verb(ancestor):
                            owners.setdefault(clause_of[ancestor.i], []).append(time)
                            break
                continue
            if node.lemma_.lower() not in _REPORTING_VERBS:
                continue  # "our destiny will be like ... in 1991 if they pull out": not the act's date
            for clause_index, trigger_index in clause_of.items():
                if node.i in {a.i for a in self.doc[clause_index].ancestors}:
                    owners.setdefault(trigger_index, []).append(time)
        return owners

    def _time_for(
        self, candidate: _Candidate, owners: dict[int, list[TimeExpression]]
    ) -> TimeExpression | None:
        own = owners.get(candidate.token.i, [])
        clause = candidate.support or candidate.token
        if clause.dep_ in ("relcl", "advcl") and clause.head.i in self.time_tokens:
            own = [self.time_tokens[clause.head.i]]  # "in the 1930s, when it invaded its neighbours"
        dated = [t for t in own if t.date is not None or t.timex_type == "SET"]
        if not dated:
            return None
        # A clock time ("from 10:00 a.m.") says less about the day than a date beside it ("for November 27").
        return min(dated, key=lambda t: (t.timex_type == "TIME", abs(t.start - candidate.token.idx)))

    def _date_fields(self, time: TimeExpression | None, status: str) -> tuple[str, str, str | None]:
        report = self.article.date.isoformat()
        if time is None or time.date is None:
            return report, "day", None
        precision = time.precision or "day"
        if time.enddate is not None:
            # A span: "the programme for 2021-2031". When it covers the report date, the act itself
            # (signing, launching) happens now; the span's end is recorded as the enddate.
            if time.date <= report[: len(time.date)] and (time.enddate >= report[: len(time.enddate)]):
                return report, "day", time.enddate
            return time.date, precision, time.enddate  # type: ignore[return-value]
        return time.date, precision, None  # type: ignore[return-value]

    def _location_for(self, clause: Token, sentence: Span, rule: TriggerRule) -> Location | None:
        in_sentence = [
            loc for loc in self.context.locations if sentence.start_char <= loc.start < sentence.end_char
        ]
        if in_sentence:
            subtree_chars = {t.idx for t in clause.subtree}
            for loc in in_sentence:
                span = self.doc.char_span(loc.start, loc.end, alignment_mode="expand")
                if span is not None and span.root.idx in subtree_chars:
                    prep = span.root.head
                    if prep.dep_ == "prep" and prep.lower_ in _LOCATION_PREPS | {"to"}:
                        return loc
            return in_sentence[0]
        return self.default_location

    def _location_in(self, clause: Token) -> Location | None:
        positions = {t.idx for t in clause.subtree}
        for loc in self.context.locations:
            if loc.start in positions:
                return loc
        return None

    def _quantities_in(self, sentence: Span) -> tuple[Quantity, ...]:
        found: list[Quantity] = []
        for quantity in self.context.quantities:
            if not sentence.start_char <= quantity.start < sentence.end_char:
                continue
            if _is_reference(self.doc, quantity):
                continue  # "the two countries", "its 20 members": a reference, not a count
            if quantity.item is None:
                quantity = replace(quantity, item=_counted_item(self.doc, quantity))
            found.append(quantity)
        return tuple(found)


# -- helpers -------------------------------------------------------------------------------------------


def _lemmas(token: Token) -> set[str]:
    found = {token.lemma_.lower(), token.lower_}
    for conj in token.conjuncts:
        found |= {conj.lemma_.lower(), conj.lower_}
    # "agreements/contracts/protocols" is parsed as one phrase with modifiers.
    for child in token.children:
        if child.dep_ in ("nmod", "compound") and child.pos_ == "NOUN":
            found |= {child.lemma_.lower(), child.lower_}
        # "25,000 tons of food aid", "part of a military aid programme": the measure names the thing.
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found |= {pobj.lemma_.lower(), pobj.lower_}
                    found |= {c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod")}
    return found


def _particle(verb: Token, particle: str) -> Token | None:
    for child in verb.children:
        if child.lower_ == particle and child.dep_ in ("prt", "prep", "dobj", "advmod", "compound:prt"):
            return child
    return None


def _object_of(verb: Token, particle: str | None = None) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    if particle is not None:
        for child in verb.children:
            if child.lower_ == particle:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "to", "for", "into", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return verb.head  # "the agreement signed by ..."
    return None


def _with_partitives(tokens: Iterable[Token]) -> list[Token]:
    """The tokens with the nouns they quantify: "hundreds of protesters" -> hundreds, protesters."""
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found += [p for p in prep.children if p.dep_ == "pobj"]
    return found


def _counterfactual(verb: Token) -> bool:
    """'would have captured the city': what did not happen is neither an act nor a threat."""
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "have" in aux and any(a in ("would", "could", "might", "may", "must", "should") for a in aux)


def _is_purpose(verb: Token) -> bool:
    """An infinitive of purpose ("raised to fight Isis", "troops sent to protect the embassy")."""
    if not _is_verb(verb) or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ in ("advcl", "acl") or (verb.dep_ == "xcomp" and verb.head.tag_ == "VBN")


def _is_place_phrase(token: Token) -> bool:
    """A country named as where something is ("in Saudi Arabia"), not as who acts."""
    head = token
    while head.dep_ in ("compound", "conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATION_PREPS


def _agentless_passive(verb: Token) -> bool:
    """'X was accused of ...', 'groups accused of ...': the act's author is left unsaid on purpose."""
    if not _is_verb(verb):
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl")
    )
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _subjects(verb: Token) -> list[Token]:
    """The subject of a verb, borrowed from the verb it is coordinated with or controlled by."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            break
        subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return subjects
        agents = [p for c in current.children if c.dep_ == "agent" for p in c.children]
        if agents:
            return agents
        if current.dep_ in ("conj", "xcomp") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ in ("acl", "relcl") and current.tag_ in ("VBG",):
            return [current.head]
        break
    return []


def _preposition_objects(token: Token, exclude: Token | None = None) -> list[Token]:
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
            found += [p for p in child.children if p.dep_ == "pobj" and p is not exclude]
    return found


def _distinct_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    seen: set[tuple[str, str]] = set()
    result: list[Entity] = []
    for entity in entities:
        key = (entity.code, entity.name)
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return tuple(result)


def _place_entity(location: Location) -> Entity:
    return Entity(
        entity_text=location.name,
        name=location.name,
        code=location.country_code,
        kind="country",
        start=location.start,
        end=location.end,
    )


def _prune_countries(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Drop "India" from [Rajnath Singh (IND), India]: the person already stands for the country."""
    specific = {e.code for e in entities if e.kind != "country"}
    return tuple(e for e in entities if e.kind != "country" or e.code not in specific)


def _inherit(
    actors: tuple[Entity, ...],
    recipients: tuple[Entity, ...],
    previous: tuple[tuple[Entity, ...], tuple[Entity, ...], int],
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """Fill a missing side from the previous event's sides ("The agreement was signed at ...")."""
    prev_actors, prev_recipients, _ = previous
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


def _trigger(doc: Doc, tokens: Sequence[Token]) -> Trigger:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Trigger(text=doc.text[start:end], start=start, end=end)


def _event_id(article_id: str, trigger_start: int, cameo: str) -> str:
    digest = hashlib.sha1(f"{article_id}\x1f{trigger_start}\x1f{cameo}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


# Designations of weapons and vehicles that follow the noun they name: "rifles AK-203", "jets F-16".
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Z]?$")
_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "both", "all"})


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


def _article_location(locations: Sequence[Location]) -> Location | None:
    """The article's main place: the most often named country among its places, first mention kept."""
    if not locations:
        return None
    counts: dict[str, int] = {}
    for loc in locations:
        counts[loc.country_code] = counts.get(loc.country_code, 0) + 1
    top = max(counts, key=lambda code: counts[code])
    return next(loc for loc in locations if loc.country_code == top)


def _unique_ids(events: list[Event]) -> list[Event]:
    """Ids stay stable across runs and unique within the article: two acts coded from one trigger
    with the same code (a rare parse) get a numbered suffix in text order."""
    seen: dict[str, int] = {}
    unique: list[Event] = []
    for event in events:
        count = seen.get(event.id, 0)
        seen[event.id] = count + 1
        unique.append(event if count == 0 else replace(event, id=f"{event.id}-{count + 1}"))
    return unique


def _merge_duplicates(events: list[Event]) -> list[Event]:
    """One record per real event.

    Across the article: the same type, the same sides (unordered for cooperation) and the same date
    span are one event reported twice. Within one sentence, the same type on the same date with sides
    that agree where both are known ("opened fire on a funeral ..., wounding two") is one event too.
    """
    merged: dict[tuple[object, ...], Event] = {}
    order: list[tuple[object, ...]] = []
    for event in _merge_within_sentences(events):
        actor_codes = frozenset(e.code for e in event.actor)
        recipient_codes = frozenset(e.code for e in event.recipient)
        # Cooperation is reported from either side's point of view; conflict keeps its direction.
        sides: object = (
            frozenset({actor_codes, recipient_codes})
            if event.symmetric or event.quad_class <= 2
            else (actor_codes, recipient_codes)
        )
        key = (event.event, sides, event.date, event.enddate, event.status == "negated")
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
            order.append(key)
        else:
            merged[key] = _combine(kept, event)
    return sorted((merged[key] for key in order), key=lambda e: e.trigger.start)


def _merge_within_sentences(events: list[Event]) -> list[Event]:
    result: list[Event] = []
    for event in events:
        for index, kept in enumerate(result):
            if (
                kept.text_start == event.text_start
                and kept.event == event.event
                and (kept.date == event.date or kept.date_evidence is None or event.date_evidence is None)
                and kept.status == event.status
                and _agree(kept.actor, event.actor)
                and _agree(kept.recipient, event.recipient)
            ):
                result[index] = _combine(kept, event)
                break
        else:
            result.append(event)
    return result


def _agree(first: tuple[Entity, ...], second: tuple[Entity, ...]) -> bool:
    return not first or not second or {e.code for e in first} == {e.code for e in second}


def _combine(kept: Event, other: Event) -> Event:
    better, worse = (other, kept) if _richness(other) > _richness(kept) else (kept, other)
    dated = better if better.date_evidence is not None or worse.date_evidence is None else worse
    coded = better if better.mode is not None or worse.mode is None else worse
    return replace(
        better,
        # "Five soldiers were killed in the blast on Monday": the date of the mention that states one,
        # the mode ("explosives") of the mention that names it.
        date=dated.date,
        date_precision=dated.date_precision,
        enddate=dated.enddate,
        date_evidence=dated.date_evidence,
        cameo=coded.cameo,
        mode=coded.mode,
        goldstein=coded.goldstein,
        quad_class=coded.quad_class,
        actor=better.actor or worse.actor,
        recipient=better.recipient or worse.recipient,
        event_loc=better.event_loc or worse.event_loc,
        quantities=better.quantities or worse.quantities,
        money=better.money or worse.money,
        symmetric=better.symmetric or worse.symmetric,
        confidence=round(min(1.0, max(better.confidence, worse.confidence) + 0.05), 2),
    )


def _richness(event: Event) -> tuple[int, float, int]:
    sides = bool(event.actor) + bool(event.recipient)
    people = sum(1 for e in event.actor + event.recipient if e.kind == "person")
    return (sides, event.confidence, people)
