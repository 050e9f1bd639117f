"""Which existing cluster a new mention joins, if any: the best-scoring compatible one.

A cluster is judged by its members: its score for the new mention is the best ``compare`` score of a
compatible member. It is ruled out when the mention's sides conflict with the sides most of its
members state (``profile``), so that a mention naming only "the President met" cannot chain a
meeting with Thatcher and one with Mitterrand into one cluster, or when a member counts otherwise
(``counts_conflict``: 30 wounded, not 4); and it needs the higher
``Settings.same_article`` score when it already holds a mention of the same article (a record never
joins one: ``accord.facts`` has made one record of each agreement, deal or meeting of an article
already). Ties go to
the smaller cluster id, so the choice never depends on the order rows come back in.

>>> from accord.link.mentions import Mention
>>> import datetime as dt
>>> day = dt.date(1987, 10, 19)
>>> def meeting(id, article, recipient, cluster=None):
...     return Mention(id, article, "event", "CONSULT", "040", "occurred", day, day, "day",
...                    frozenset({"USA"}), frozenset({recipient} if recipient else set()), False, True,
...                    None, frozenset({"meet", "talk"}), frozenset({"meet"}), cluster)
>>> members = {"cl-1": [meeting("e1", "a1", "GBR", "cl-1"), meeting("e2", "a2", None, "cl-1")]}
>>> choose_cluster(meeting("e3", "a3", "FRA"), members) is None
True
>>> choose_cluster(meeting("e4", "a4", "GBR"), members).cluster_id
'cl-1'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from accord.link.compare import Settings, compare, counts_conflict, sides_conflict
from accord.link.mentions import Mention

__all__ = ["Choice", "choose_cluster", "profile"]


@dataclass(frozen=True)
class Choice:
    """The cluster a mention joins, its score and the member that scored it."""

    cluster_id: str
    score: float
    member_id: str


def _supported(sides: Sequence[frozenset[str]]) -> frozenset[str]:
    """Codes named by at least half of the members that name anyone on this side."""
    stated = [side for side in sides if side]
    counts = Counter(code for side in stated for code in side)
    return frozenset(code for code, n in counts.items() if 2 * n >= len(stated))


def profile(cluster_id: str, members: Sequence[Mention]) -> Mention:
    """A cluster as one mention for the sides check: its first member (by id) with the sides most of
    its members state."""
    first = min(members, key=lambda m: m.id)
    return replace(
        first,
        id=cluster_id,
        actors=_supported([m.actors for m in members]),
        recipients=_supported([m.recipients for m in members]),
        symmetric=all(m.symmetric for m in members),
        cooperative=all(m.cooperative for m in members),
    )


def _same_article_ok(mention: Mention, member: Mention) -> bool:
    """Whether ``member`` allows ``mention`` into its cluster as far as their article goes: mentions of
    one article in one cluster must have one type (an article's planned summit is not its commission
    meeting, though a planned meeting and a held one of two articles may be one)."""
    return member.article_id != mention.article_id or member.type == mention.type


def _cluster_score(
    mention: Mention, cluster_id: str, members: Sequence[Mention], settings: Settings
) -> Choice | None:
    if sides_conflict(mention, profile(cluster_id, members)):
        return None
    if not all(_same_article_ok(mention, m) for m in members):
        return None
    if any(counts_conflict(mention, member, settings) for member in members):
        return None  # numbers are strong evidence: one member counting otherwise rules the cluster out
    best: Choice | None = None
    for member in sorted(members, key=lambda m: m.id):
        verdict = compare(mention, member, settings)
        if verdict.compatible and (best is None or verdict.score > best.score):
            best = Choice(cluster_id, verdict.score, member.id)
    if best is None:
        return None
    same_article = any(m.article_id == mention.article_id for m in members)
    if same_article and mention.kind != "event":
        return None  # an article's mentions of one agreement, deal or meeting are one record already
    needed = settings.same_article if same_article else settings.threshold
    return best if best.score >= needed else None


def choose_cluster(
    mention: Mention, members: Mapping[str, Sequence[Mention]], settings: Settings | None = None
) -> Choice | None:
    """The cluster (of ``members``: cluster id -> its mentions) that ``mention`` joins, or None when
    no cluster scores enough and the mention founds its own."""
    settings = settings or Settings()
    best: Choice | None = None
    for cluster_id in sorted(members):
        if not members[cluster_id]:
            continue
        found = _cluster_score(mention, cluster_id, members[cluster_id], settings)
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best
