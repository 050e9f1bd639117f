"""Groups of a country: "Indian troops", "the Kremlin", "Beijing said", "police said".

- A country word governing a sector noun ("Indian troops" IND MIL, "Russian government" RUS GOV,
  "Iraqi police" IRQ COP) is one mention over both words.
- Government buildings ("Kremlin", "White House") always, and capitals used as actors ("Beijing
  said", "urged Washington") rather than as places ("in Beijing"), stand for the country with the
  building's sector (GOV; Pentagon MIL).
- A sector noun with no country word ("police said") takes the story's home country (see
  ``bare_sectors``); otherwise it is not reported.

Each function takes ``taken``, the tokens earlier resolvers already cover, and leaves them alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from accord.resolve.actors.context import Context
from accord.resolve.actors.matching import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from accord.records import ActorMention

__all__ = ["bare_sectors", "country_groups", "metonyms"]

# Dependency labels under which a capital acts (is the subject, object or possessor of an act).
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "appos"})


def country_groups(ctx: Context, taken: set[int]) -> tuple[list[ActorMention], set[int]]:
    """A country word that governs a sector noun: "Indian troops", "Russia's defence ministry".
    Returns the mentions and the tokens they cover."""
    doc = ctx.doc
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    sectors_by_start: dict[int, list[Match]] = {}
    for m in ctx.sectors:
        sectors_by_start.setdefault(m.start, []).append(m)
    for c in ctx.countries:
        if not taken.isdisjoint(range(c.start, c.end)):
            continue
        j = c.end
        if j < len(doc) and doc[j].lower_ in ("'s", "\u2019s"):
            j += 1
        anchor = doc[c.end - 1]
        best: Match | None = None
        for k in range(j, min(j + 3, len(doc))):
            if k > j and doc[k - 1].pos_ not in ("ADJ", "NOUN", "PROPN"):
                break
            for s in sorted(sectors_by_start.get(k, ()), key=lambda m: m.start - m.end):
                if s.start <= anchor.head.i < s.end and taken.isdisjoint(range(s.start, s.end)):
                    best = s
                    break
            if best is not None:
                break
        if best is None:
            continue
        sector, kind = ctx.lex.sectors[best.key]
        code = ctx.country_code_of(c)
        span = doc[c.start : best.end]
        mentions.append(
            ctx.mention(c.start, best.end, best.end - 1, name=span.text, code=code, kind=kind, sector=sector)
        )
        consumed.update(range(c.start, best.end))
    return mentions, consumed


def metonyms(ctx: Context, taken: set[int]) -> tuple[list[ActorMention], set[int]]:
    """Buildings that stand for a government, and capitals used as actors ("Beijing said").
    Returns the mentions and the tokens they cover."""
    doc = ctx.doc
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    for m in ctx.places:
        if not taken.isdisjoint(range(m.start, m.end)):
            continue
        place = ctx.place_of(m)
        if place.sector is None:
            continue
        root = doc[m.start : m.end].root
        if place.kind != "building" and not _acts(root):
            continue
        mentions.append(
            ctx.mention(
                m.start, m.end, root.i, name=place.name, code=place.code, kind="country", sector=place.sector
            )
        )
        consumed.update(range(m.start, m.end))
    return mentions, consumed


def _acts(token: Token) -> bool:
    """Whether a place word is a participant (subject, object, possessor) rather than a location."""
    if token.dep_ == "conj" and token.head.i != token.i:
        return _acts(token.head)
    if token.dep_ == "pobj":
        return token.head.lower_ in ("by", "with", "between")
    return token.dep_ in _ACTING_DEPS


def bare_sectors(ctx: Context, taken: set[int], earlier: Sequence[ActorMention] = ()) -> list[ActorMention]:
    """Sector nouns with no country word ("police said"): the home country of the story.

    A definite noun that repeats the head of a body named before with its country ("the U.S. military said
    ... Late on Wednesday the military said") is that body (``earlier``: the mentions resolved so far).

    That is the dateline's country when the text names it too (a story filed from Beirut about Lebanese
    politics, however often it says "pro-Syrian"), else the country the text names most (filed from
    Doha about Palestinian politics: "the government" is the Palestinian one), ties left unplaced; with
    no country named, the dateline's.
    """
    code = _home_country(ctx)
    doc = ctx.doc
    mentions: list[ActorMention] = []
    used: set[int] = set()
    for m in sorted(ctx.sectors, key=lambda m: (m.start, m.start - m.end)):
        if m.key not in ctx.lex.bare_sectors:
            continue
        if not taken.isdisjoint(range(m.start, m.end)) or not used.isdisjoint(range(m.start, m.end)):
            continue
        root = doc[m.end - 1]
        if any(c.i in taken and c.dep_ in ("compound", "amod", "nmod", "poss") for c in root.children):
            continue  # "Taliban militants", "Hamas gunmen": the group named before the noun is who they are
        # "Force" inside "UN Stabilisation Force" is part of a name, not the noun.
        if root.text[:1].isupper() and not root.is_sent_start and doc[m.start].ent_type_ in ("ORG", "FAC"):
            continue
        if root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") or root.pos_ not in (
            "NOUN",
            "PROPN",
        ):
            continue
        sector, kind = ctx.lex.sectors[m.key]
        name = doc[m.start : m.end].text
        # A non-governmental body is coded NGO (the annotation guide's code), not by its home country.
        side = "NGO" if sector == "NGO" else _named_before(doc, root, earlier) or code
        if side is None:
            continue
        mentions.append(ctx.mention(m.start, m.end, root.i, name=name, code=side, kind=kind, sector=sector))
        used.update(range(m.start, m.end))
    return mentions


def _named_before(doc: Doc, root: Token, earlier: Sequence[ActorMention]) -> str | None:
    """The code of the latest body named before with this noun as its head, when the noun refers back to it:
    "the military" alone, or "four more soldiers", "two other militants"."""
    children = list(root.children)
    definite = len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"
    again = any(c.lower_ in ("more", "other", "another") for c in root.subtree if c.i < root.i)
    if not (definite or again):
        return None
    before = [
        m
        for m in earlier
        if m.token_end <= root.i
        and m.entity.kind != "person"
        and doc[m.token_end - 1].lemma_.lower() == root.lemma_.lower()
        and m.token_end - m.token_start > 1
    ]
    return max(before, key=lambda m: m.token_end).entity.code if before else None


def _home_country(ctx: Context) -> str | None:
    """The country a bare sector noun belongs to (see ``bare_sectors``), or None."""
    code = ctx.dateline
    counts = ctx.country_counts
    if counts and (code is None or code not in counts):
        ranked = counts.most_common(2)
        code = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    return code
