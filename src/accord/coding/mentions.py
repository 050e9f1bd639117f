"""From words of the parse to the actor mentions that stand for them.

An argument of an act (a subject, an object, a preposition's object) stands for the nearest actor
mentions in its subtree, with their conjuncts; a pronoun stands for its antecedent; and where the parse
gives no argument at all, the nearest actors to the left or right of the trigger stand in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING

from accord.base.syntax import subjects_of
from accord.coding.context import ParsedArticle
from accord.coding.grammar import LOCATION_PREPS, MODIFIER_DEPS, RELATIVE_PRONOUNS
from accord.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["index_mentions", "is_place_phrase", "mentions_for", "nearest_mentions"]

# Dependents that belong to the same argument ("India and Russia", "Singh, the minister").
_FREE_DEPS = frozenset({"conj", "appos", "cc"})
# Dependents that start another clause, and with it another event's actors.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})
# What each pronoun may stand for: a person, or a country, organisation or group.
_PERSONAL_PRONOUNS: dict[str, frozenset[str]] = {
    "he": frozenset({"person"}),
    "him": frozenset({"person"}),
    "she": frozenset({"person"}),
    "her": frozenset({"person"}),
    "it": frozenset({"country", "organization", "group"}),
    "they": frozenset({"country", "organization", "group"}),
    "them": frozenset({"country", "organization", "group"}),
}
_FIRST_PERSON = frozenset({"we", "i"})
_ANTECEDENT_REACH = 60  # tokens before the pronoun's sentence in which an antecedent is looked for
# The pronouns (document, token index) whose antecedent is being looked for: a pronoun met again while
# its own antecedent is sought ('"We ...," they said', where the parse makes each the other's speaker)
# stands for nobody, instead of sending the search round in a circle.
_SEEKING: ContextVar[frozenset[tuple[int, int]]] = ContextVar("seeking", default=frozenset())


def index_mentions(mentions: Sequence[ActorMention]) -> dict[int, ActorMention]:
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


def _is_party(mention: ActorMention) -> bool:
    """A news agency reports events; it is not a side of them ("told AFP", "Xinhua reported")."""
    return mention.entity.sector != "MED"


def is_place_phrase(token: Token) -> bool:
    """A country named as where something is ("in Saudi Arabia"), not as who acts."""
    head = token
    while head.dep_ in ("compound", "conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS


def mentions_for(parsed: ParsedArticle, tokens: Iterable[Token]) -> list[ActorMention]:
    """Actor mentions that stand for each argument: the nearest in the parse, with their conjuncts.

    The search walks down each argument's subtree; coordination and apposition cost nothing, a modifier
    one step, a preposition two, anything else three, and another clause is not entered. The mentions at
    the lowest cost win. A pronoun stands for its antecedent.
    """
    chosen: list[ActorMention] = []
    for root in tokens:
        if root.lower_ in RELATIVE_PRONOUNS and root.head.dep_ == "relcl" and root.head.head.i != root.i:
            # "Bush, who arrived here": the relative pronoun stands for the noun its clause describes.
            root = root.head.head
        if root.pos_ == "PRON":
            antecedent = _antecedent(parsed, root)
            if antecedent is not None and antecedent not in chosen:
                chosen.append(antecedent)
            continue
        best = _mentions_below(parsed, root) or _mentions_below(parsed, root, described=True)
        if not best:
            owner = _possessor(parsed, root)
            if owner is not None and owner not in chosen:
                chosen.append(owner)
            continue
        lowest = min(cost for cost, _, _ in best)
        for _, _, mention in sorted(b for b in best if b[0] <= lowest):
            if mention not in chosen:
                chosen.append(mention)
    return chosen


def _mentions_below(
    parsed: ParsedArticle, root: Token, *, described: bool = False
) -> list[tuple[int, int, ActorMention]]:
    """(cost, token index, mention) for every party mention in the argument's subtree (see above).

    ``described``: also enter the clause that describes the argument itself, when the argument names
    nobody ("supports the role Madagascar has played", "welcomed the steps the government took"): the
    thing is the act of whoever that clause names."""
    best: list[tuple[int, int, ActorMention]] = []
    frontier: list[tuple[int, Token]] = [(0, root)]
    seen: set[int] = set()
    while frontier:
        cost, tok = frontier.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        mention = parsed.mention_at.get(tok.i)
        if mention is not None and _is_party(mention):
            best.append((cost, tok.i, mention))
        for child in tok.children:
            if child.dep_ in _FREE_DEPS:
                step = 0
            elif child.dep_ in MODIFIER_DEPS:
                step = 1
            elif child.dep_ in ("prep", "pobj"):
                step = 2
            elif described and tok is root and child.dep_ in ("relcl", "acl"):
                step = 4
            elif child.dep_ in _CLAUSE_DEPS:
                continue  # another clause: another event's actors
            else:
                step = 3
            frontier.append((cost + step, child))
    return best


def _antecedent(parsed: ParsedArticle, pronoun: Token) -> ActorMention | None:
    """The actor a subject or object pronoun stands for (None for a pronoun already being sought)."""
    key = (id(parsed.doc), pronoun.i)
    seeking = _SEEKING.get()
    if key in seeking:
        return None
    token = _SEEKING.set(seeking | {key})
    try:
        return _find_antecedent(parsed, pronoun)
    finally:
        _SEEKING.reset(token)


def _find_antecedent(parsed: ParsedArticle, pronoun: Token) -> ActorMention | None:
    """The actor a subject or object pronoun stands for.

    "Japan said it had halted aid": a pronoun subject of a clause reported by a verb stands for
    that verb's subject. Otherwise the nearest earlier actor of a fitting kind in this sentence or
    the one before ("he"/"she": a person; "it": a country, organisation or group; "they": any
    but a single person). Possessives and other pronouns are left alone.
    """
    word = pronoun.lower_
    if word in _FIRST_PERSON and pronoun.dep_ in ("nsubj", "nsubjpass"):
        return _speaker(parsed, pronoun)
    if word not in _PERSONAL_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None
    kinds = _PERSONAL_PRONOUNS[word]
    clause = pronoun.head
    if pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
        for subject in subjects_of(clause.head):
            for mention in mentions_for(parsed, [subject]):
                if mention.entity.kind in kinds:
                    return mention
    topic = _previous_topic(parsed, pronoun, kinds)
    if topic is not None:
        return topic
    earliest = max(0, pronoun.sent.start - _ANTECEDENT_REACH)
    for i in range(pronoun.i - 1, earliest - 1, -1):
        found = parsed.mention_at.get(i)
        if found is not None and found.entity.kind in kinds and not is_place_phrase(parsed.doc[found.head]):
            return found
        if (
            found is None
            and "person" in kinds
            and parsed.doc[i].ent_type_ == "PERSON"
            and parsed.doc[i].pos_ == "PROPN"
        ):
            return None  # "... visited by Litvinenko after he met": he is that person, whom no table knows
    return None


_POSSESSIVES: dict[str, frozenset[str]] = {
    "their": frozenset({"country", "organization", "group"}),
    "its": frozenset({"country", "organization", "group"}),
    "his": frozenset({"person"}),
    "her": frozenset({"person"}),
}


def _possessor(parsed: ParsedArticle, thing: Token) -> ActorMention | None:
    """Whose thing was hit: "two soldiers were killed when their vehicle was struck" (the soldiers).

    Only for the passive subject, whose possessor is the one the act befell; the nearest earlier actor of a
    fitting kind in this sentence or the one before.
    """
    if thing.dep_ != "nsubjpass":
        return None
    for child in thing.children:
        kinds = _POSSESSIVES.get(child.lower_)
        if child.dep_ != "poss" or kinds is None:
            continue
        earliest = max(0, child.sent.start - _ANTECEDENT_REACH)
        for i in range(child.i - 1, earliest - 1, -1):
            found = parsed.mention_at.get(i)
            if (
                found is not None
                and found.entity.kind in kinds
                and not is_place_phrase(parsed.doc[found.head])
            ):
                return found
    return None


def _is_protest_word(parsed: ParsedArticle, verb: Token) -> bool:
    rules = parsed.lexicon.rules(verb.lemma_.lower(), "VERB")
    return any(r.code is not None and r.code.event == "PROTEST" for r in rules)


def _previous_topic(parsed: ParsedArticle, pronoun: Token, kinds: frozenset[str]) -> ActorMention | None:
    """The subject of the sentence before, for a subject pronoun with no actor or name before it.

    "Veterans staged a sit-in near the German embassy. They began their protest on Wednesday": a
    sentence that opens on "they" continues the story of the last sentence's subject, not of its last
    noun. Where that sentence reports a statement ("..., medics said"), the statement's subject counts.
    """
    sentence = pronoun.sent
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(i in parsed.mention_at for i in range(sentence.start, pronoun.i)) or sentence.start == 0:
        return None
    if any(t.pos_ == "PROPN" for t in parsed.doc[sentence.start : pronoun.i]):
        return None  # "... visited by Litvinenko after he met": a name no table knows is nearer
    root = parsed.doc[sentence.start - 1].sent.root
    clauses = (
        [c for c in root.children if c.dep_ == "ccomp"]
        if root.lemma_ in parsed.lexicon.reporting_verbs
        else []
    )
    for clause in [*clauses, root]:
        for subject in subjects_of(clause):
            if subject.pos_ == "PRON":
                # A pronoun subject there continues a sentence further back (always further back, so
                # that the walk ends; a borrowed subject or a speaker's "we" is not followed).
                if subject.sent.start < sentence.start and subject.lower_ not in _FIRST_PERSON:
                    found = _previous_topic(parsed, subject, kinds)
                    if found is not None:
                        return found
                continue
            fitting = [m for m in mentions_for(parsed, [subject]) if m.entity.kind in kinds]
            if fitting:
                return fitting[0]
    return None


def _speaker(parsed: ParsedArticle, pronoun: Token) -> ActorMention | None:
    """Who says "we" or "I" in a quote: the subject of the reporting verb the quoted clause hangs on
    ("'We'll attack them,' he said": he)."""
    reporting = parsed.lexicon.reporting_verbs
    node = pronoun.head
    for _ in range(4):
        if node.lemma_.lower() in reporting and node.i != pronoun.head.i:
            return _subject_mention(parsed, node)
        if node.head.i == node.i:
            break
        node = node.head
    # The parse may hang the quote elsewhere ('"We'll attack," purported spokesman X said'): the
    # sentence's reporting verb that lies outside the quote says who speaks.
    verbs = [t for t in pronoun.sent if t.lemma_.lower() in reporting and not _quoted(t)]
    return _subject_mention(parsed, verbs[0]) if len(verbs) == 1 else None


def _subject_mention(parsed: ParsedArticle, verb: Token) -> ActorMention | None:
    for subject in subjects_of(verb):
        if subject.lower_ in _FIRST_PERSON:
            continue  # '"I said," I said' gives nobody; never ask the speaker who the speaker is
        found = mentions_for(parsed, [subject])
        if found:
            return found[0]
    return None


def _quoted(token: Token) -> bool:
    """Whether the token stands between an odd number of quotation marks of its sentence."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.text in ('"', "\u201c", "\u201d", "''", "``"))
    return marks % 2 == 1


def nearest_mentions(
    parsed: ParsedArticle, sentence: Span, clause: Token, *, left: bool, exclude: Sequence[ActorMention]
) -> list[ActorMention]:
    """Nearest actors to the left (or right) of the trigger within the sentence, with those coordinated
    to them ("India and Russia", "X, Y and Z"); a quotation mark (or, to the left, a semicolon) ends the
    search, as does a protest's clause of purpose that follows; places ("alternatives in Russia and India")
    and news agencies are skipped."""
    doc = parsed.doc
    tokens = range(clause.i - 1, sentence.start - 1, -1) if left else range(clause.i + 1, sentence.end)
    # "marched to protest sales to Egypt by French traders": a protest of its own, with its own target, in a
    # clause of purpose. Other purposes name the target ("gathered to denounce the Russian invasion").
    below = {
        t.i
        for c in clause.children
        if c.dep_ == "advcl" and c.i > clause.i and _is_protest_word(parsed, c)
        for t in c.subtree
    }
    found: list[ActorMention] = []
    gap = 0
    for i in tokens:
        token = doc[i]
        if token.text in ('"', "“", "”") or (left and token.text == ";"):
            break
        if i in below:
            break
        mention = parsed.mention_at.get(i)
        if mention is not None and not _is_party(mention):
            mention = None
        if mention is not None and is_place_phrase(doc[mention.head]):
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
