"""Mentions: every place an article names an agreement, a deal or a meeting, with what its words say.

A mention is a noun from the word lists ("treaty", "procurement", "summit"; "the third round of talks"
is one mention headed by "round") or, for a deal, a verb with an amount ("bought 20% of ... for 300
million euros"). Each mention knows its name as written, the verb it hangs on (``clauses.governor_of``)
and how it refers:

- ``definite``: "the"/"this"/"its" ...: it may point back to a record named before ("the agreement");
- ``generic``: its name says no more than its kind ("an agreement", "the new talks");
- ``named``: it has a name of its own ("the Paris Agreement", "the India-Russia summit");
- ``collective``: a plural that counts several records ("four agreements", "a number of contracts"),
  which is never one record.

Nouns that modify another noun are not mentions: "treaty talks" are talks, a "procurement contract" a
contract. An agreement noun becomes a deal when the words say something changes hands: a deal word
before it ("arms deal", "supply contract"), an amount in its name ("a $2 billion deal") or a count of
items ("a deal for 36 jets").
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from accord.coding.context import ParsedArticle
from accord.fact_records import DealKind, RecordType, Span
from accord.facts.clauses import Governor, governor_of
from accord.facts.lexicon import FactWords
from accord.facts.phrases import NameRange, is_title, name_range, span_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SentenceSpan
    from spacy.tokens import Token

__all__ = ["Mention", "find_mentions"]

_PARTNER_PREPS = frozenset({"with", "between", "to", "among"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Dependents that make a singular noun a particular thing ("the dialogue", "a summit of ...").
_TOPIC_PREPS = frozenset({"on", "against"})
_NAMING_DEPS = frozenset({"det", "poss", "predet", "amod", "compound", "nmod", "nummod", "prep", "appos"})
# Kinds of deal that are deals only with their amount: "foreign investment rose" is not one.
_NEEDS_MONEY: frozenset[str] = frozenset({"loan", "investment"})


@dataclass(frozen=True)
class Mention:
    """One mention: its type, the word that named it and the kind it gives, its name, its clause."""

    record_type: RecordType
    head: Token
    word: str
    kind: str
    name: NameRange | None  # None for a deal stated by a verb
    sentence: SentenceSpan
    sentence_index: int
    governor: Governor | None
    definite: bool
    generic: bool
    named: bool
    collective: bool

    @property
    def start(self) -> int:
        """Character offset where the mention begins (its name, or its verb)."""
        doc = self.head.doc
        return doc[self.name.first].idx if self.name is not None else self.head.idx

    def span(self) -> Span:
        """The mention's words: its name, or its verb for a deal stated by a verb."""
        if self.name is None:
            return span_of(self.head.doc, self.head.i, self.head.i + 1)
        return span_of(self.head.doc, self.name.first, self.name.end)

    def tokens(self) -> list[Token]:
        """The tokens of the name (the verb alone for a deal stated by a verb)."""
        if self.name is None:
            return [self.head]
        return [self.head.doc[i] for i in range(self.name.first, self.name.end)]


def find_mentions(
    parsed: ParsedArticle, sentences: Sequence[SentenceSpan], words: FactWords
) -> list[Mention]:
    """Every mention in the article, in text order. ``sentences`` are the article's sentences."""
    dates, places = _stop_tokens(parsed)
    found: list[Mention] = []
    for index, sentence in enumerate(sentences):
        for token in sentence:
            mention = _noun_mention(parsed, token, sentence, index, words, dates, places)
            if mention is None:
                mention = _verb_deal(parsed, token, sentence, index, words)
            if mention is not None:
                found.append(mention)
    return found


def _stop_tokens(parsed: ParsedArticle) -> tuple[set[int], set[int]]:
    """Token indexes of calendar dates and of places: words that end a name."""
    doc = parsed.doc
    dates = {
        i for i, time in parsed.time_tokens.items() if time.date is not None and time.timex_type != "DURATION"
    }
    places: set[int] = set()
    for location in parsed.context.locations:
        if location.start is not None and location.end is not None:
            span = doc.char_span(location.start, location.end, alignment_mode="expand")
            if span is not None:
                places |= {t.i for t in span}
    return dates, places


def _classify(token: Token, words: FactWords) -> tuple[RecordType, str, str] | None:
    """(record type, word, kind) for a noun from the word lists, or None."""
    lower, lemma = token.lower_, token.lemma_.lower()
    # A proper noun keeps its plural as its lemma ("the Abraham Accords").
    forms = (lower, lemma, lower[:-1]) if lower.endswith("s") else (lower, lemma)
    for word in forms:
        if word in words.meeting_nouns:
            return "meeting", word, words.meeting_nouns[word]
    for word in forms[1:]:
        if word in words.agreement_nouns:
            return "agreement", word, words.agreement_nouns[word]
        if word in words.deal_nouns:
            return "deal", word, words.deal_nouns[word]
    if lemma in words.series_nouns:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    found = _classify(obj, words) if obj.dep_ == "pobj" else None
                    if found is not None and found[0] == "meeting":
                        return found  # "the third round of talks"
    return None


def _is_modifier(token: Token, words: FactWords) -> bool:
    """A noun that modifies another ("treaty talks"), or the object of a series noun ("round of talks")."""
    if token.dep_ in _MODIFIER_DEPS and token.head.pos_ in _NOUN_POS and token.head.i != token.i:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        series = token.head.head
        return (
            series.lemma_.lower() in words.series_nouns and series.i != token.i and series.pos_ in _NOUN_POS
        )
    return False


def _noun_mention(
    parsed: ParsedArticle,
    token: Token,
    sentence: SentenceSpan,
    index: int,
    words: FactWords,
    dates: Set[int],
    places: Set[int],
) -> Mention | None:
    if token.pos_ not in _NOUN_POS:
        return None
    found = _classify(token, words)
    if found is None or _is_modifier(token, words):
        return None
    record_type, word, kind = found
    if (
        record_type == "meeting"
        and token.tag_ == "NN"
        and not any(c.dep_ in _NAMING_DEPS for c in token.children)
    ):
        return None  # "peace through dialogue": the practice, not a meeting
    lemma = token.lemma_.lower()
    if any(f"{c.lower_} {lemma}" in words.not_records for c in token.children):
        return None  # "a great deal of", "of its own accord"
    name = name_range(token, dates, places, sentence.end)
    doc = parsed.doc
    while name.first < token.i and doc[name.first].lower_ in words.definites:
        name = NameRange(name.first + 1, name.end)  # "such negotiations"
    before = [doc[i] for i in range(name.first, token.i)]
    after = [doc[i] for i in range(token.i + 1, name.end)]
    named = any(_is_proper(t, words) for t in before + after) or (
        is_title(token) and token.tag_ not in _PLURAL_TAGS
    )
    if word in words.named_only and not (is_title(token) or any(t.lower_ in _TOPIC_PREPS for t in after)):
        return None  # "the Democratic Party convention"; "the Geneva Convention", "a convention on ..."
    if record_type == "meeting":
        if _names_a_body(token, after):
            return None  # "the United Nations Conference on Trade and Development (UNCTAD)": a body
        compound = [c.lower_ for c in token.lefts if c.dep_ == "compound" and c.lower_ in words.meeting_nouns]
        kind = _body_kind(after, words) or (words.meeting_nouns[compound[0]] if compound else kind)
    elif record_type == "agreement":
        deal_kind = _deal_kind(parsed, token, name, before, words)
        if deal_kind is not None:
            record_type, kind = "deal", deal_kind
    elif kind in _NEEDS_MONEY and not _has_money(parsed, token, name):
        return None
    governor = governor_of(token, words.before_words)
    if governor is not None and not sentence.start <= governor.verb.i < sentence.end:
        governor = None  # the parse ran a headline into the next sentence
    definite = any(
        c.dep_ in ("det", "poss") and (c.lower_ in words.definites or c.pos_ in _NOUN_POS)
        for c in token.children
    )
    if word in words.support_nouns and not (governor or definite or _has_partner(token)):
        return None  # "Bilateral discussions on defence cooperation": a headline, not a meeting
    content = [t for t in before + after if t.is_alpha or t.like_num]
    generic = all(t.lower_ in words.vague_modifiers for t in content)
    plural = token.tag_ in _PLURAL_TAGS and token.lower_ not in words.meeting_nouns
    collective = plural and not any(t.pos_ == "PROPN" and not _record_word(t, words) for t in before)
    return Mention(
        record_type=record_type,
        head=token,
        word=word,
        kind=kind,
        name=name,
        sentence=sentence,
        sentence_index=index,
        governor=governor,
        definite=definite,
        generic=generic,
        named=named,
        collective=collective,
    )


def _record_word(token: Token, words: FactWords) -> bool:
    return _classify(token, words) is not None


def _is_proper(token: Token, words: FactWords) -> bool:
    """A word of a proper name: not a record word itself ("Agreements/Contracts"), not sentence-initial."""
    if _record_word(token, words) or token.i == token.sent.start:
        return False
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.is_alpha and not token.text.isupper())


def _names_a_body(head: Token, after: Sequence[Token]) -> bool:
    """A title ending on its acronym in brackets names an organisation, not one of its meetings."""
    words = [t.text for t in after]
    return (
        is_title(head) and len(words) >= 3 and words[-1] == ")" and words[-2].isupper() and words[-3] == "("
    )


def _body_kind(after: Sequence[Token], words: FactWords) -> str | None:
    """The kind of meeting a body gives ("the 20th meeting of the joint commission": commission)."""
    for token in after:
        if token.lemma_.lower() in words.body_nouns:
            return words.body_nouns[token.lemma_.lower()]
    return None


def _deal_kind(
    parsed: ParsedArticle, head: Token, name: NameRange, before: Sequence[Token], words: FactWords
) -> DealKind | None:
    """The kind of deal an agreement noun names, or None when it names an agreement."""
    # The word and its lemma: spaCy lemmatises "arms" to "arm".
    modifiers = [w for c in head.lefts if c.dep_ in _MODIFIER_DEPS for w in (c.lower_, c.lemma_.lower())]
    kind = next((words.deal_modifiers[m] for m in modifiers if m in words.deal_modifiers), None)
    items = head.lemma_.lower() in words.deal_like_nouns and (
        _has_money(parsed, head, name) or _counts_items(parsed, head, name)
    )
    if kind is None and not items:
        return None
    doc = parsed.doc
    lemmas = {doc[i].lemma_.lower() for i in range(name.first, name.end)}
    if lemmas & words.arms_words:
        return "arms_transfer"
    return kind or "purchase"


def _has_money(parsed: ParsedArticle, head: Token, name: NameRange) -> bool:
    """An amount of money inside the name ("a $2 billion deal") or on the noun ("a loan of $1.2 billion")."""
    doc = parsed.doc
    first = doc[name.first].idx
    subtree = [t for t in head.subtree if t.dep_ not in ("relcl", "acl")]
    last = max((t.idx + len(t.text) for t in subtree), default=head.idx + len(head.text))
    last = max(last, doc[name.end - 1].idx + len(doc[name.end - 1].text))
    # Overlap, not containment: the resolver's "a $2 billion" starts before the name.
    return any(m.start < last and first < m.end for m in parsed.context.money)


def _counts_items(parsed: ParsedArticle, head: Token, name: NameRange) -> bool:
    """A count of items after the noun ("a deal for 36 Rafale jets"); a count before it counts the
    agreements themselves ("four agreements"), and years and durations are no items."""
    doc = parsed.doc
    first, last = head.idx + len(head.text), doc[name.end - 1].idx + len(doc[name.end - 1].text)
    return any(first <= q.start and q.end <= last and q.unit is None for q in parsed.context.quantities)


def _has_partner(token: Token) -> bool:
    return any((c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS) or c.dep_ == "poss" for c in token.children)


def _verb_deal(
    parsed: ParsedArticle, token: Token, sentence: SentenceSpan, index: int, words: FactWords
) -> Mention | None:
    """A deal stated by a verb with an amount or a count: "bought 20% of the firm for 300 million euros"."""
    if token.pos_ != "VERB":
        return None
    verb = words.deal_verbs.get(token.lemma_.lower())
    if verb is None:
        return None
    clause = {t.i for t in token.subtree} - {
        t.i for c in token.children if c.dep_ in ("ccomp", "advcl", "conj", "relcl") for t in c.subtree
    }
    doc = parsed.doc
    chars = {doc[i].idx for i in clause}
    amounts = [m for m in parsed.context.money if m.start in chars]
    counts = [q for q in parsed.context.quantities if q.start in chars]
    if not amounts and not counts:
        return None
    return Mention(
        record_type="deal",
        head=token,
        word=token.lemma_.lower(),
        kind=cast(str, verb.kind),
        name=None,
        sentence=sentence,
        sentence_index=index,
        governor=None,
        definite=False,
        generic=False,
        named=False,
        collective=False,
    )
