"""The people of one article and how a later (or earlier) mention finds the person it names.

``Person`` is one person as the article describes them; ``Draft`` one mention of a person before the
article-wide country pass. A mention names a person introduced under the same full name, or under a
name it is part of: "Putin" is "Vladimir Putin" and "Hu" is "Hu Jintao" (family name first), "Mr
Shoigu" is "Sergey Shoigu". ``link_partial_names`` lets a short name met before the full one
("Kiir had discussed ..." before "Salva Kiir Mayardit, Sudanese First-Vice President") take the full
name's country, and ``later_name_tokens`` finds surnames the named-entity tagger missed ("Ahtisaari,
former Finnish president", tagged as an organisation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.resolve.actors.lexicon import norm

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Draft", "Person", "find_person", "later_name_tokens", "link_partial_names"]


@dataclass
class Person:
    """One person of the article, completed as later mentions and the country rules tell more."""

    name: str
    code: str | None
    office: str | None
    sector: str | None
    not_code: str | None = None  # the other party of a counterpart: this person's country is not it

    @property
    def words(self) -> list[str]:
        return norm(self.name).split()

    @property
    def surname(self) -> str:
        return self.words[-1]


@dataclass
class Draft:
    """A person mention before the article-wide country pass."""

    start: int
    end: int
    head: int
    person: Person
    needs_context: bool = False  # office or title holder whose country may come from rule 5
    office_in_text: bool = False  # this mention itself states the office ("Defence Minister X")


def find_person(registry: Iterable[Person], name: str) -> Person | None:
    """The person introduced earlier under this full name; else whose surname this name ends with
    (with the same first name, if it has one); else, for a one-word name, whose family name comes
    first ("Hu" for "Hu Jintao")."""
    people = list(registry)
    key = norm(name).split()
    if not key:
        return None
    for person in reversed(people):
        if person.words == key:
            return person
    for person in reversed(people):
        if person.surname == key[-1] and (len(key) == 1 or key[0] in person.words):
            return person
    if len(key) == 1:
        for person in reversed(people):
            if len(person.words) > 1 and person.words[0] == key[0]:
                return person
    return None


def link_partial_names(registry: list[Person]) -> None:
    """A person known only by part of a name takes the country, office and sector of the one person
    whose fuller name contains it, if exactly one such person has a country."""
    for short in registry:
        if short.code is not None:
            continue
        fuller = [
            p
            for p in registry
            if p is not short and p.code is not None and len(p.words) > len(short.words)
            if set(short.words) <= set(p.words)
        ]
        if len({p.code for p in fuller}) == 1:
            short.code = fuller[0].code
            short.office = short.office or fuller[0].office
            short.sector = short.sector or fuller[0].sector


def later_name_tokens(doc: Doc, registry: Iterable[Person], taken: set[int]) -> list[tuple[int, Person]]:
    """Capitalised proper-noun tokens outside ``taken`` that spell the surname of a person with a
    country (the tagger's label aside), with that person."""
    by_surname: dict[str, list[Person]] = {}
    for person in registry:
        if person.code is not None and len(person.words) > 1:
            by_surname.setdefault(person.surname, []).append(person)
    found: list[tuple[int, Person]] = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        people = by_surname.get(norm(token.text), [])
        if len({p.code for p in people}) == 1:
            found.append((token.i, people[0]))
    return found
