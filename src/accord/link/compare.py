"""Are two mentions one real event? Hard rules first (``compatible``), then a score in 0..1.

Two mentions can be one event only when (each rule is a reason a pair is refused):

- **kind**: both events, or both records of one type;
- **type**: the same PLOVER type; or a planned meeting coded AGREE with CAMEO 036 ("express intent to
  meet or negotiate", dated on the meeting) and a CONSULT, when ``Settings.meeting_types``: the coder
  codes an announced meeting one way and the held meeting the other, and both are the meeting;
- **date**: day dates at most ``day_window`` days apart; a coarser date must contain the other
  ("1987-10" and "1987-10-19" agree, "1987-09" and "1987-10-19" do not);
- **sides**: on each side, the codes overlap or one mention names nobody there, and at least one side
  overlaps. A symmetric or cooperative act may also match the same dyad reversed (A met B / B met A);
  a hostile act may not (A attacked B and B attacked A are two events); a joint act ("A and B
  signed") may match any split of its participants when one mention names a part of the other's;
- **place**: places named in both sentences lie in one country and within ``far_km`` of each other
  (two bombings in two cities on one day are two events); a place taken from a dateline is no evidence;
- **counts**: numbers of one unit no more than ``count_ratio`` apart (a bombing that wounded 30 and one
  that wounded four are two, even in one city on one day; a toll that grows from 8 to 10 is one);
- **records**: names sharing ``name_overlap`` of their words (four agreements signed by one pair on
  one day are four records), one series number ("20th" summit), one term (an agreement for
  2021-2031), a deal's quantity or amount within a quarter of each other.

The score weighs how well the sides agree (``SIDES``), how close the dates are (``DATE``), the share
of content words (``WORDING``, saturating at ``Settings.words_full``) and whether the words that state
the events meet (``TRIGGER``). Statuses that disagree (other than occurred/planned, a meeting announced
then held) cost ``Settings.status_penalty`` but refuse nothing: a report that denies an attack or
doubts it still reports that attack, and the coder often gives an act the status of another verb of
its sentence ("will not issue a statement on the U.S. attack").

>>> from accord.link.mentions import Mention
>>> import datetime as dt
>>> day = dt.date(1987, 10, 19)
>>> a = Mention("e1", "a1", "event", "CONSULT", "040", "occurred", day, day, "day", frozenset({"USA"}),
...             frozenset({"GBR"}), False, True, None, frozenset({"meet", "thatcher"}), frozenset({"meet"}))
>>> b = Mention("e2", "a2", "event", "CONSULT", "040", "occurred", day, day, "day", frozenset({"USA"}),
...             frozenset({"FRA"}), False, True, None, frozenset({"meet", "mitterrand"}), frozenset({"meet"}))
>>> compare(a, b).reason
'the recipients differ'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from accord.link.mentions import Mention
from accord.link.words import jaccard

__all__ = [
    "DATE",
    "SIDES",
    "TRIGGER",
    "WORDING",
    "Comparison",
    "Settings",
    "compare",
    "counts_conflict",
    "sides_conflict",
]

# Weights of the score's parts (they sum to 1).
SIDES, DATE, WORDING, TRIGGER = 0.3, 0.2, 0.35, 0.15

_STATUS_PAIRS = frozenset({frozenset({"occurred", "planned"}), frozenset({"held", "planned"})})
_RECORD_PROGRESS = frozenset({"planned", "held", "signed", "occurred"})


@dataclass(frozen=True)
class Settings:
    """The linker's knobs, set on the hand-labelled linking set (``accord eval --set linking``).

    ``threshold``: the least score that joins a cluster. ``same_article``: the least score that joins
    a cluster already holding a mention of the same article: slightly higher, since the coder merges
    an article's own mentions of one act, yet it leaves some apart (a second sentence on the same
    strike), which this lets join. ``day_window``: days between two day dates of one event (reports
    date an act by their own day, or a day early or late). ``words_full``: the share of content
    words that counts as fully alike. ``far_km``: places named in both sentences further apart are
    two events. ``meeting_types``: link a planned meeting coded AGREE-036 with the CONSULT held.
    ``amount_ratio``: a deal's amounts further apart are two deals. ``status_penalty``: the score lost
    when statuses disagree. ``count_ratio``: numbers of one unit further apart (30 wounded, 4
    wounded) are two events. ``name_overlap``: the least share of name words two records of one
    agreement, deal or meeting have in common (an article often names several signed the same day).
    """

    day_window: int = 3
    threshold: float = 0.5
    same_article: float = 0.55
    words_full: float = 0.35
    far_km: float = 150.0
    meeting_types: bool = True
    amount_ratio: float = 1.25
    status_penalty: float = 0.1
    name_overlap: float = 0.3
    count_ratio: float = 3.0


@dataclass(frozen=True)
class Comparison:
    """The verdict on a pair: ``compatible`` (else ``reason`` says which rule refused it) and ``score``."""

    compatible: bool
    score: float
    reason: str = ""


def _refuse(reason: str) -> Comparison:
    return Comparison(False, 0.0, reason)


def _is_planned_meeting(m: Mention) -> bool:
    return m.type == "AGREE" and (m.subtype or "").startswith("036") and m.status == "planned"


def types_agree(a: Mention, b: Mention, settings: Settings) -> bool:
    """Same type, or (with ``settings.meeting_types``) a planned meeting coded AGREE-036 and a CONSULT."""
    if a.type == b.type:
        return True
    if not settings.meeting_types or a.kind != "event":
        return False
    return (_is_planned_meeting(a) and b.type == "CONSULT") or (
        _is_planned_meeting(b) and a.type == "CONSULT"
    )


def _statuses_agree(a: Mention, b: Mention) -> bool:
    if a.status == b.status or a.status is None or b.status is None:
        return True
    if a.kind != "event":
        return (
            a.status in _RECORD_PROGRESS
            and b.status in _RECORD_PROGRESS
            and "planned" in (a.status, b.status)
        )
    return frozenset({a.status, b.status}) in _STATUS_PAIRS


def day_gap(a: Mention, b: Mention) -> int:
    """Days between the two periods (0 when they overlap)."""
    if a.date_last < b.date_first:
        return (b.date_first - a.date_last).days
    if b.date_last < a.date_first:
        return (a.date_first - b.date_last).days
    return 0


def _date_score(a: Mention, b: Mention, settings: Settings) -> float | None:
    """None when the dates disagree; else 1.0 for one day, less for days apart or coarse dates."""
    gap = day_gap(a, b)
    if a.precision == "day" and b.precision == "day":
        return 1.0 - gap / (settings.day_window + 1) if gap <= settings.day_window else None
    if gap:
        return None
    return 0.25 if "year" in (a.precision, b.precision) else 0.5


def _side(x: frozenset[str], y: frozenset[str]) -> float | None:
    """Jaccard of two sides' codes; None when either names nobody."""
    if not x or not y:
        return None
    return len(x & y) / len(x | y)


def _orientations(a: Mention, b: Mention) -> list[tuple[float | None, float | None]]:
    straight = (_side(a.actors, b.actors), _side(a.recipients, b.recipients))
    found = [straight]
    if (a.symmetric and b.symmetric) or (a.cooperative and b.cooperative):
        found.append((_side(a.actors, b.recipients), _side(a.recipients, b.actors)))
    joint = (a.symmetric or b.symmetric) and a.cooperative and b.cooperative
    if joint and (a.codes <= b.codes or b.codes <= a.codes):
        # A joint act's split into actor and recipient is arbitrary: compare everyone named, when
        # one mention names a part of the other's participants (not when each names someone else).
        everyone = _side(a.codes, b.codes)
        found.append((everyone, everyone))
    return found


def _sides_score(a: Mention, b: Mention) -> float | None:
    """The best orientation's score (unknown side 0.5), None when every orientation conflicts."""
    best: float | None = None
    for actors, recipients in _orientations(a, b):
        known = [s for s in (actors, recipients) if s is not None]
        if any(s == 0.0 for s in known) or not any(s > 0 for s in known):
            continue
        score = sum(0.5 if s is None else s for s in (actors, recipients)) / 2
        best = score if best is None else max(best, score)
    return best


def sides_conflict(a: Mention, b: Mention) -> str:
    """Why the two mentions' sides cannot be one event's ("" when they can)."""
    if _sides_score(a, b) is not None:
        return ""
    actors, recipients = _side(a.actors, b.actors), _side(a.recipients, b.recipients)
    if actors == 0.0:
        return "the actors differ"
    if recipients == 0.0:
        return "the recipients differ"
    return "no side in common"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_conflict(a: Mention, b: Mention, settings: Settings) -> str:
    pa, pb = a.place, b.place
    if pa is None or pb is None or not (pa.stated and pb.stated):
        return ""
    if pa.country and pb.country and pa.country != pb.country:
        return "the places are in different countries"
    if None not in (pa.lat, pa.lon, pb.lat, pb.lon):
        assert pa.lat is not None and pa.lon is not None and pb.lat is not None and pb.lon is not None
        if _km(pa.lat, pa.lon, pb.lat, pb.lon) > settings.far_km:
            return "the places are far apart"
    return ""


def counts_conflict(a: Mention, b: Mention, settings: Settings | None = None) -> str:
    """Why two events' numbers of one unit say they are two events ("" when they do not): "10 killed"
    and "2 killed" may be one bombing (the toll grows), 30 wounded and 4 wounded are two."""
    settings = settings or Settings()
    units_a: dict[str, set[float]] = {}
    for unit, value in a.counts:
        units_a.setdefault(unit, set()).add(value)
    for unit, value in b.counts:
        values = units_a.get(unit)
        if values and value > 0 and all(v > 0 for v in values):
            if all(max(v, value) / min(v, value) > settings.count_ratio for v in values):
                return "the counts differ"
    return ""


def _record_conflict(a: Mention, b: Mention, settings: Settings) -> str:
    if jaccard(a.trigger, b.trigger) < settings.name_overlap:
        return "the names differ"
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return "the series numbers differ"
    if a.term is not None and b.term is not None and a.term != b.term:
        return "the terms differ"
    if a.amount and b.amount and max(a.amount, b.amount) / min(a.amount, b.amount) > settings.amount_ratio:
        return "the amounts differ"
    return ""


def compare(a: Mention, b: Mention, settings: Settings | None = None) -> Comparison:
    """Whether ``a`` and ``b`` can be one real event (see the module docstring), and how alike they are."""
    settings = settings or Settings()
    if a.kind != b.kind:
        return _refuse("different kinds of record")
    if not types_agree(a, b, settings):
        return _refuse("the types differ")
    status_ok = _statuses_agree(a, b)
    date = _date_score(a, b, settings)
    if date is None:
        return _refuse("the dates differ")
    sides = _sides_score(a, b)
    if sides is None:
        return _refuse(sides_conflict(a, b))
    reason = _place_conflict(a, b, settings) or counts_conflict(a, b, settings)
    if not reason and a.kind != "event":
        reason = _record_conflict(a, b, settings)
    if reason:
        return _refuse(reason)
    wording = min(1.0, jaccard(a.words, b.words) / settings.words_full)
    trigger = 1.0 if a.trigger & b.trigger else 0.0
    score = SIDES * sides + DATE * date + WORDING * wording + TRIGGER * trigger
    if not status_ok:
        score -= settings.status_penalty
    return Comparison(True, round(score, 4))
