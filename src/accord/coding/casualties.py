"""Casualty counts of a violent event, read from the parse: how many people were killed, injured, kidnapped,
arrested, missing or displaced.

``find_casualties(doc, sentence, trigger)`` looks for casualty words (verbs such as "killed", "wounded",
"abducted"; adjectives such as "dead", "missing"; nouns such as "fatalities", "deaths") in the event's sentence
whose clause is the event's clause, reads the victims' count off the parse ("killed 12 people", "12 people were
killed", "a soldier was killed" -> 1, "leaving five dead", "killing three") and returns one ``Quantity`` per
count, with ``unit`` the casualty kind and ``item`` the victims' noun phrase. A toll sentence later in the same
paragraph counts for every event before it there: a verbless one ("2 fatalities.", "Three dead.") anywhere in the
paragraph, and a clause that only states the toll ("Six soldiers died and two others were injured.", "Three people
were killed.", "The army sustained 1 fatality.") in one of the two sentences right after the event's.

Counts that are not exact numbers ("dozens of people", "scores") and negated ones ("no one was hurt") give
nothing: a wrong count is worse than none.

``with_casualties(quantities, casualties)`` puts the casualty records among an event's other quantities, the
richer record replacing a plain count found at the same offsets by the number resolver.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from accord.records import Entity, Location, Quantity
from accord.resolve.numbers import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "CASUALTY_UNITS",
    "find_casualties",
    "is_accident",
    "is_death_setting",
    "is_domestic_agent",
    "unnamed_sides",
    "with_casualties",
]

CASUALTY_UNITS = ("killed", "injured", "kidnapped", "arrested", "missing", "displaced")

# Closed word classes of the grammar of casualty reports (not a tunable lexicon): lemma -> casualty kind.
_VERBS = {
    **dict.fromkeys(
        (
            "kill",
            "slay",
            "murder",
            "execute",
            "behead",
            "assassinate",
            "massacre",
            "slaughter",
            "lynch",
            "die",
            "perish",
            "gun",
        ),
        "killed",
    ),
    **dict.fromkeys(("wound", "injure", "hurt", "maim"), "injured"),
    **dict.fromkeys(("kidnap", "abduct"), "kidnapped"),
    **dict.fromkeys(("arrest", "detain", "apprehend", "nab"), "arrested"),
    **dict.fromkeys(("displace", "uproot"), "displaced"),
    **dict.fromkeys(("disappear",), "missing"),
}
# Verbs whose victim is their subject ("two civilians died"), not their object.
_SUBJECT_VERBS = frozenset({"die", "perish", "disappear"})
_ADJECTIVES = {
    "dead": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "homeless": "displaced",
}
# Nouns that are themselves the counted victims ("2 fatalities", "12 deaths", "20 hostages").
_NOUNS = {
    "fatality": "killed",
    "death": "killed",
    "dead": "killed",
    "body": "killed",
    "corpse": "killed",
    "injury": "injured",
    "hostage": "kidnapped",
    "arrest": "arrested",
}
_ONE = frozenset({"a", "an", "one", "another", "single"})
_NONE = frozenset({"no", "none", "nobody", "noone"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_MAGNITUDES = frozenset({"hundred", "thousand", "million", "dozen"})
# "a man was shot dead": a resultative adjective after a violent verb makes it a killing.
_RESULT_VERBS = frozenset({"shoot", "gun", "stab", "beat", "hack", "burn", "stone", "club", "find"})


def find_casualties(doc: Doc, sentence: Span, trigger: Token) -> list[Quantity]:
    """Counts of people killed, injured, kidnapped, arrested, missing or displaced in the clause of ``trigger``.

    ``sentence`` is the span that holds ``trigger``. Returns quantities in text order, one per count; ``text``,
    ``start`` and ``end`` cover the number's words ("12", "three", "a").

    >>> [(q.value, q.unit, q.item) for q in find_casualties(doc, sent, trigger)]   # doctest: +SKIP
    [(12.0, 'killed', 'people'), (30.0, 'injured', 'others')]          # "killed 12 people and injured 30 others"
    """
    found: dict[int, Quantity] = {}
    for anchor, unit in _anchors(sentence):
        if not _tied(anchor, trigger):
            continue
        for quantity in _counts(doc, anchor, unit):
            found.setdefault(quantity.start, quantity)
    for toll in _toll_sentences(doc, sentence):
        for anchor, unit in _anchors(toll):
            for quantity in _counts(doc, anchor, unit):
                found.setdefault(quantity.start, quantity)
    # A toll clause right after the event adds only kinds the event's own sentence left uncounted: "killed two
    # soldiers. Three more died later" is not a second count of the same dead.
    counted = {q.unit for q in found.values()}
    for toll in _toll_clauses(doc, sentence):
        for anchor, unit in _anchors(toll):
            if unit in counted or not _tied(anchor, toll.root):
                continue
            for quantity in _counts(doc, anchor, unit):
                found.setdefault(quantity.start, quantity)
    return sorted(found.values(), key=lambda q: q.start)


def with_casualties(quantities: Sequence[Quantity], casualties: Sequence[Quantity]) -> tuple[Quantity, ...]:
    """``quantities`` with ``casualties`` added; a casualty count replaces a quantity over the same words
    ("at least 13" from the number resolver and "13" wounded are one count).

    >>> plain = Quantity(12.0, "at least 12", 0, 11)
    >>> rich = Quantity(12.0, "12", 9, 11, unit="killed", item="people")
    >>> with_casualties([plain], [rich]) == (rich,)
    True
    """
    kept = [q for q in quantities if not any(q.start < c.end and c.start < q.end for c in casualties)]
    return tuple(sorted([*kept, *casualties], key=lambda q: q.start))


# -- casualty words ---------------------------------------------------------------------------------------------


def _anchors(sentence: Span) -> Iterator[tuple[Token, str]]:
    for token in sentence:
        lemma, lower = token.lemma_.lower(), token.lower_
        if token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX"):
            if lemma in _VERBS and not (lemma == "gun" and not _has_particle(token, "down")):
                yield token, _VERBS[lemma]
            elif lower in _ADJECTIVES and token.tag_ == "VBN" and token.dep_ in ("amod", "oprd", "acomp"):
                yield token, _ADJECTIVES[lower]  # "five people injured" parsed as a participle
        elif lower in _ADJECTIVES and token.pos_ in ("ADJ", "NOUN"):
            yield token, _ADJECTIVES[lower]
        elif token.pos_ == "NOUN" and lemma in _NOUNS:
            yield token, _NOUNS[lemma]


def _has_particle(verb: Token, particle: str) -> bool:
    return any(c.lower_ == particle and c.dep_ in ("prt", "advmod", "prep") for c in verb.children)


def _tied(anchor: Token, trigger: Token) -> bool:
    """The casualty word belongs to the event's clause: it is the trigger, stands above or below it in the parse,
    or meets it within a few steps ("attacked the base, killing three", "left 15 dead and 40 injured") without
    crossing into a reported or parenthetical clause."""
    if anchor.i == trigger.i:
        return True
    if trigger in anchor.ancestors or anchor in trigger.ancestors:
        return True
    above = _path_up(anchor)
    for index, steps in _path_up(trigger).items():
        if index in above:
            return steps <= _MAX_STEPS and above[index] <= _MAX_STEPS
    return False


_MAX_STEPS = 3


def _path_up(token: Token) -> dict[int, int]:
    """Token index -> steps, from ``token`` up to the head of its clause (stopping at reported speech)."""
    path = {token.i: 0}
    steps = 0
    while token.head.i != token.i and token.dep_ not in ("ccomp", "parataxis"):
        token = token.head
        steps += 1
        path[token.i] = steps
    return path


def _victims(anchor: Token) -> list[Token]:
    """The noun phrases (or bare numbers) that name the victims of one casualty word."""
    lemma = anchor.lemma_.lower()
    children = list(anchor.children)
    if anchor.pos_ == "VERB" or anchor.tag_.startswith("VB"):
        if anchor.lower_ in _ADJECTIVES and anchor.dep_ == "amod":
            return [anchor.head]  # "five injured people"
        passive = _is_passive(anchor)
        if passive or lemma in _SUBJECT_VERBS:
            subjects = [c for c in children if c.dep_ in ("nsubjpass", "nsubj")]
        else:
            subjects = [c for c in children if c.dep_ in ("dobj", "obj")]
            # "were killed and 20 (others) wounded": the parser makes the victims the subject of the bare
            # participle coordinated with a passive verb.
            if not subjects and anchor.dep_ == "conj" and _is_passive(anchor.head):
                subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
            elif not subjects and anchor.dep_ == "conj" and anchor.tag_ == "VBN":
                subjects = [
                    c for c in children if c.dep_ == "nsubj" and _is_count(c)
                ]  # "left 15 dead and 40 injured"
        if not subjects and anchor.dep_ in ("acl", "relcl") and anchor.tag_ == "VBN":
            subjects = [anchor.head]  # "12 people killed in the attack"
        if not subjects and anchor.dep_ == "conj" and not passive and lemma not in _SUBJECT_VERBS:
            if _is_passive(anchor.head):  # "were shot and killed": the victims of the first verb
                subjects = [c for c in anchor.head.children if c.dep_ == "nsubjpass"]
        # "a man who was killed": the relative pronoun stands for the noun the clause hangs on.
        return [anchor.head if s.lower_ in _RELATIVE and anchor.dep_ == "relcl" else s for s in subjects]
    # Adjectives and nouns.
    counted = [
        c
        for c in children
        if c.dep_ in ("nummod", "nsubj", "quantmod") and (_is_count(c) or c.dep_ == "nsubj")
    ]
    if counted:
        return [anchor] if any(c.dep_ in ("nummod", "quantmod") for c in counted) else counted
    if anchor.dep_ == "amod" and anchor.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [anchor.head]  # "shot dead two policemen" (parsed as an adjective on the noun)
    if anchor.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl") and anchor.lower_ in _ADJECTIVES:
        return [
            c for c in anchor.head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.i < anchor.i
        ][-1:]
    if anchor.dep_ in ("dobj", "pobj", "conj", "ROOT") and anchor.lower_ in _ADJECTIVES:
        return [anchor] if any(c.dep_ == "nummod" for c in children) else []
    return []


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_count(token: Token) -> bool:
    return token.like_num or token.lower_ in _MAGNITUDES


def _counts(doc: Doc, anchor: Token, unit: str) -> Iterator[Quantity]:
    for victim in _victims(anchor):
        for group in [victim, *victim.conjuncts]:
            if (
                group.i == anchor.i
                and unit == "killed"
                and not any(c.dep_ == "nummod" for c in group.children)
            ):
                continue
            quantity = _count_of(doc, group, unit, anchor)
            if quantity is not None:
                yield quantity


def _count_of(doc: Doc, noun: Token, unit: str, anchor: Token) -> Quantity | None:
    """The count a victim phrase states: its number, or 1 for "a soldier"; None for "no one", "dozens"."""
    if noun.lower_ in _NONE or any(c.lower_ in _NONE for c in noun.children if c.dep_ == "det"):
        return None
    if _is_count(noun) and noun.pos_ == "NUM":
        start, end = _number_span(doc, noun)
        item = _item(doc, noun, end) if noun.i != anchor.i else None
        return _quantity(doc, start, end, unit, item)
    number = next((c for c in noun.children if c.dep_ in ("nummod", "quantmod") and _is_count(c)), None)
    if number is not None:
        start, end = _number_span(doc, number)
        item = None if noun.i == anchor.i and noun.lower_ in _ADJECTIVES else _item(doc, noun, end)
        return _quantity(doc, start, end, unit, item)
    determiner = next((c for c in noun.children if c.dep_ in ("det", "nummod") and c.lower_ in _ONE), None)
    if determiner is not None and noun.tag_ in ("NN", "NNP") and noun.pos_ in ("NOUN", "PROPN"):
        return Quantity(
            value=1.0,
            text=determiner.text,
            start=determiner.idx,
            end=determiner.idx + len(determiner.text),
            unit=unit,
            item=_item(doc, noun, determiner.i + 1),
        )
    return None


def _number_span(doc: Doc, number: Token) -> tuple[int, int]:
    """Token range of a number written in several words ("two hundred", "1.5 million", "a dozen")."""
    start = end = number.i
    while (
        start > 0
        and (
            _is_count(doc[start - 1])
            or doc[start - 1].lower_ in ("a", "and")
            and start - 1 > 0
            and _is_count(doc[start - 2])
        )
        and doc[start - 1].lower_ != ","
    ):
        start -= 1
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in _MAGNITUDES:
        start -= 1  # "a dozen"
    while end + 1 < len(doc) and _is_count(doc[end + 1]):
        end += 1
    return start, end + 1


def _quantity(doc: Doc, start: int, end: int, unit: str, item: str | None) -> Quantity | None:
    span = doc[start:end]
    value = parse_number(span.text)
    if value is None or value <= 0 or not float(value).is_integer():
        return None
    return Quantity(
        value=float(value), text=span.text, start=span.start_char, end=span.end_char, unit=unit, item=item
    )


def _item(doc: Doc, noun: Token, after: int) -> str | None:
    """The victims' words from after the number to the noun: "U.S. soldier", "civilians", "fatalities"."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i < after:
        return None
    return doc[after : noun.i + 1].text.strip() or None


def _toll_sentences(doc: Doc, sentence: Span) -> Iterator[Span]:
    """Verbless sentences later in the same paragraph that state a toll: "2 fatalities.", "Three dead."."""
    position = sentence.end
    while position < len(doc):
        other = doc[position].sent
        if other.end <= position:
            return
        if "\n\n" in doc.text[sentence.end_char : other.start_char] or any("\n\n" in t.text for t in other):
            return
        if (
            len(other) <= 6
            and not any(t.pos_ in ("VERB", "AUX") for t in other)
            and any(t.like_num for t in other)
        ):
            yield other
        position = other.end


# Verbs whose clause states a toll without naming who caused it ("the army sustained 1 fatality", "the attack
# resulted in 3 deaths", "two deaths were reported").
_TOLL_VERBS = frozenset(
    {"sustain", "suffer", "result", "report", "record", "confirm", "leave", "be", "cause"}
)
_TOLL_REACH = 2  # sentences after the event's in which a toll clause still counts for it


def _toll_clauses(doc: Doc, sentence: Span) -> Iterator[Span]:
    """The next sentences of the paragraph (at most ``_TOLL_REACH``) whose main clause only states a toll.

    Stops at the first sentence that does anything else: a later act has its own casualties.
    """
    position, seen = sentence.end, 0
    while position < len(doc) and seen < _TOLL_REACH:
        other = doc[position].sent
        if other.end <= position:
            return
        if "\n\n" in doc.text[sentence.end_char : other.start_char] or any("\n\n" in t.text for t in other):
            return
        if not _states_toll(other):
            return
        yield other
        seen += 1
        position = other.end


def _states_toll(sentence: Span) -> bool:
    """A main clause that reports casualties and nothing more: a casualty verb with no one named as its author
    ("Three people were killed", "Six soldiers died"), or a toll verb with a casualty word ("resulted in 1
    fatality")."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma in _VERBS and lemma != "gun":
        if any(c.dep_ == "agent" for c in root.children):
            return False  # "were killed by the army": an act with its author, coded on its own
        return _is_passive(root) or lemma in _SUBJECT_VERBS
    if lemma in _TOLL_VERBS:
        return any(unit for anchor, unit in _anchors(sentence) if anchor.pos_ != "VERB")
    return False


# -- sides of conflict acts by or against unnamed people ---------------------------------------------------------

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
# Words that make a death or an explosion an accident or a disaster, not an act of violence.
_ACCIDENTS = frozenset(
    {
        "accident",
        "crash",
        "collision",
        "earthquake",
        "quake",
        "flood",
        "flooding",
        "landslide",
        "mudslide",
        "avalanche",
        "stampede",
        "typhoon",
        "cyclone",
        "hurricane",
        "storm",
        "tornado",
        "lightning",
        "boiler",
        "derailment",
        "capsize",
        "drown",
        "overdose",
        "illness",
        "disease",
        "cancer",
        "epidemic",
        "outbreak",
        "heatwave",
        "leak",
        "firework",
        "fireworks",
        "tsunami",
        "cylinder",
        "methane",
        "firecracker",
        "firecrackers",
    }
)


def is_death_setting(noun: Token) -> bool:
    """Whether an event noun says what people died in ("two civilians died in the shelling", "five soldiers were
    killed in the blast"): the noun then stands for an act that happened, as a noun performed by a verb does.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "after", "from", "under"):
        return False
    verb = prep.head
    if verb.i == prep.i:
        return False
    if verb.lemma_.lower() in _SUBJECT_VERBS - {"disappear"}:
        return True
    # "five soldiers were killed in the blast": the victims' passive verb, its author left to the noun.
    return _VERBS.get(verb.lemma_.lower()) in ("killed", "injured") and _is_passive(verb)


def is_accident(sentence: Span) -> bool:
    """Whether the sentence reports an accident or a disaster ("killed in a car crash", "a gas explosion").

    >>> is_accident(nlp("Three miners were killed in a gas leak."))   # doctest: +SKIP
    True
    """
    return any(t.lemma_.lower() in _ACCIDENTS or t.lower_ in _ACCIDENTS for t in sentence)


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
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]] | None:
    """The sides of a conflict act whose parties the text leaves unnamed, or None when it is no act of violence.

    A killing, an arrest or a protest by or against unnamed people keeps the country where it falls as the side
    that stands for them: victims at the place ("a man was killed in Manaus": recipient BRA), protesters and the
    authorities they address ("workers protested in Oslo": NOR on both sides), and the state's own police or
    authorities ("police arrested 12 protesters in Cairo": actor EGY). An unknown perpetrator stays unknown. The
    place is the one in the act's clause, else the sentence's places when they all lie in one country. A killing
    with no perpetrator in a sentence about an accident or a disaster ("killed in a car crash") is no event.
    """
    if event not in _FILLED_TYPES:
        return actors, recipients
    if event == "ASSAULT" and not actors and is_accident(sentence):
        return None
    # Sanctions and bans are COERCE too: their target is never read off a sentence's other places.
    place = clause_place if event == "COERCE" else clause_place or _only_place(locations, sentence)
    if place is None:
        return actors, recipients
    here = Entity(
        entity_text=place.name,
        name=place.name,
        code=place.country_code,
        kind="country",
        start=place.start,
        end=place.end,
    )
    if not actors and (event == "PROTEST" or is_domestic_agent(actor_tokens)):
        actors = (here,)
    if not recipients:
        recipients = (here,)
    return actors, recipients


# PROTEST, and the violent acts that have a victim where they fall; MOBILIZE and RETREAT name their own sides.
_FILLED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def _only_place(locations: Sequence[Location], sentence: Span) -> Location | None:
    here = [loc for loc in locations if sentence.start_char <= loc.start < sentence.end_char]
    if not here or len({loc.country_code for loc in here}) > 1:
        return None
    return here[0]
