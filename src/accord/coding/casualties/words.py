"""The words of casualty reports: which verbs, adjectives and nouns state that people were killed, injured,
kidnapped, arrested, went missing or were displaced, and which words make a death an accident.

These are closed word classes of the grammar of casualty reports (not a tunable lexicon).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accord.base.syntax import is_passive, is_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "ADJECTIVES",
    "CASUALTY_UNITS",
    "DEATH_WORDS",
    "SUBJECT_VERBS",
    "VERBS",
    "casualty_words",
    "is_accident",
    "is_death_setting",
    "is_running_total",
]

CASUALTY_UNITS = ("killed", "injured", "kidnapped", "arrested", "missing", "displaced")

# Lemma -> casualty kind.
VERBS = {
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
SUBJECT_VERBS = frozenset({"die", "perish", "disappear"})
ADJECTIVES = {
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
# Trigger lemmas that state harm to people: an attack so named can be an accident ("killing 160" in a
# crash), and a crowd that kills or lynches assaults rather than riots.
DEATH_WORDS = frozenset({"kill", "die", "injure", "wound", "killing", "death", "hurt"})
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


def casualty_words(span: Span) -> Iterator[tuple[Token, str]]:
    """Each casualty word of the span with its kind ("killed", "injured", ...), in text order."""
    for token in span:
        lemma, lower = token.lemma_.lower(), token.lower_
        if is_verb(token):
            if lemma in VERBS and not (lemma == "gun" and not _has_particle(token, "down")):
                yield token, VERBS[lemma]
            elif lower in ADJECTIVES and token.tag_ == "VBN" and token.dep_ in ("amod", "oprd", "acomp"):
                yield token, ADJECTIVES[lower]  # "five people injured" parsed as a participle
        elif lower in ADJECTIVES and token.pos_ in ("ADJ", "NOUN"):
            yield token, ADJECTIVES[lower]
        elif token.pos_ == "NOUN" and lemma in _NOUNS:
            yield token, _NOUNS[lemma]


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
    if verb.lemma_.lower() in SUBJECT_VERBS - {"disappear"}:
        return True
    # "five soldiers were killed in the blast": the victims' passive verb, its author left to the noun.
    return VERBS.get(verb.lemma_.lower()) in ("killed", "injured") and is_passive(verb)


def is_accident(sentence: Span) -> bool:
    """Whether the sentence reports an accident or a disaster ("killed in a car crash", "a gas explosion").

    >>> is_accident(nlp("Three miners were killed in a gas leak."))   # doctest: +SKIP
    True
    """
    return any(t.lemma_.lower() in _ACCIDENTS or t.lower_ in _ACCIDENTS for t in sentence)


def _has_particle(verb: Token, particle: str) -> bool:
    return any(c.lower_ == particle and c.dep_ in ("prt", "advmod", "prep") for c in verb.children)


def is_running_total(clause: Token) -> bool:
    """A count of harm since some start: "more than 2,850 soldiers have been killed since 2003", "have died
    since the war began". A perfect tense with a "since" phrase or clause is a running total, not one act."""
    perfect = any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in clause.children
    )
    if not perfect:
        return False
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ == "since":
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            return True
    return False
