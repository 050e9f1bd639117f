"""The PLOVER types and CAMEO codes that the event coder names in Python, in one place.

Everything else about a code (its PLOVER type, mode, contexts, Goldstein value) comes from the code tables
in ``data/``. ``load_lexicon`` checks this module against them when it loads: each type must be one of
PLOVER's sixteen (``accord.base.ontology.EVENT_TYPES``; the ``EventType`` annotations let the type checker
see it too) and each code must have a row in ``cameo_plover.tsv``, so that an edit of the tables that drops
one fails at once, naming this file and line, not in the middle of an article.
"""

from __future__ import annotations

from accord.base.ontology import EventType

__all__ = [
    "CASUALTY_TYPES",
    "CONCESSION",
    "CRITICISM",
    "DEMAND",
    "DIPLOMATIC_COMPLAINT",
    "FIGHT_CODES",
    "FRAMING_TYPES",
    "FUTURE_AGREE_BY_CONTEXT",
    "FUTURE_AS_AGREE",
    "ONE_SIDED_TYPES",
    "PLACE_TARGET_TYPES",
    "RIOT",
    "UNNAMED_SIDE_TYPES",
    "UNREALISED_AS_THREAT",
    "named_codes",
    "named_types",
]

# -- event types ------------------------------------------------------------------------------------------

# Event types that are complete with one side only (a protest, a deployment, a resignation, an attack by an
# unknown hand). Every other type needs both sides to be worth an analyst's time.
ONE_SIDED_TYPES: frozenset[EventType] = frozenset({"PROTEST", "MOBILIZE", "RETREAT", "ASSAULT"})
# Acts whose complement clause is their content, not a second act ("urged X to ...", "accused X of ...").
FRAMING_TYPES: frozenset[EventType] = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE", "AGREE"})
# Acts whose target, when unnamed, is the place where they fall.
PLACE_TARGET_TYPES: frozenset[EventType] = frozenset(
    {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION", "CONCEDE", "RETREAT"}
)
# Acts that carry casualty counts (killed, injured, kidnapped, arrested, ...) among their quantities.
CASUALTY_TYPES: frozenset[EventType] = frozenset({"ASSAULT", "COERCE"})
# PROTEST, and the violent acts that have a victim where they fall: their unnamed sides are the place's
# country (see ``casualties.unnamed_sides``). MOBILIZE and RETREAT name their own sides.
UNNAMED_SIDE_TYPES: frozenset[EventType] = frozenset({"ASSAULT", "COERCE", "PROTEST"})

# -- CAMEO codes the coder recodes to ------------------------------------------------------------------------

DEMAND = "100"  # "Britain said Libya must hand over the suspects": a reported obligation is a demand
CRITICISM = "111"  # "attacked Washington for its arms sales": criticism, not force
DIPLOMATIC_COMPLAINT = "114"  # "lodged a protest with Albania": PLOVER ACCUSE, not PROTEST
RIOT = "145"  # "protesters clashed with police": an unarmed crowd riots
FIGHT_CODES = ("190", "1712")  # the codes a crowd's clash or rampage is read as before it is a riot
CONCESSION = "080"  # an announced retreat is CONCEDE (PLOVER manual, RETREAT notes)
# PLOVER: cooperative acts reported in the future tense are coded AGREE (manual, AGREE, first note).
FUTURE_AS_AGREE: dict[EventType, str] = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
# Announced or supposed force and coercion are threats: CAMEO 138 threaten military force, 132
# administrative sanctions, 1313 to reduce relations, 133 political dissent.
UNREALISED_AS_THREAT: dict[EventType, str] = {
    "ASSAULT": "138",
    "COERCE": "132",
    "SANCTION": "1313",
    "PROTEST": "133",
}
# The intent to cooperate or aid, narrowed by the act's context (CAMEO 0311 economic cooperation, ...).
FUTURE_AGREE_BY_CONTEXT: dict[tuple[str, str], str] = {
    ("031", "economic"): "0311",
    ("031", "military"): "0312",
    ("033", "economic"): "0331",
    ("033", "military"): "0332",
    ("033", "humanitarian"): "0333",
}


def named_codes() -> tuple[str, ...]:
    """Every CAMEO code above, each once, in the order written."""
    found = [DEMAND, CRITICISM, DIPLOMATIC_COMPLAINT, RIOT, *FIGHT_CODES, CONCESSION]
    found += [*FUTURE_AS_AGREE.values(), *UNREALISED_AS_THREAT.values()]
    found += [code for pair in FUTURE_AGREE_BY_CONTEXT.items() for code in (pair[0][0], pair[1])]
    return tuple(dict.fromkeys(found))


def named_types() -> tuple[str, ...]:
    """Every PLOVER type above, each once (sorted)."""
    sets = (ONE_SIDED_TYPES, FRAMING_TYPES, PLACE_TARGET_TYPES, CASUALTY_TYPES, UNNAMED_SIDE_TYPES)
    found = {name for names in sets for name in names}
    found |= set(FUTURE_AS_AGREE) | set(UNREALISED_AS_THREAT)
    return tuple(sorted(found))
