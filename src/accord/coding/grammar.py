"""Closed word classes and dependency groups through which the event coder reads roles off a parse.

These are grammar, not a tunable lexicon (that is ``data/word_classes.tsv``): which prepositions mark
the other side of an act or a place, which dependents may name an actor.
"""

from __future__ import annotations

__all__ = ["LOCATION_PREPS", "MODIFIER_DEPS", "OBJECT_DEPS", "RECIPIENT_PREPS", "RELATIVE_PRONOUNS"]

# Prepositions whose object is the other side of an act ("meet with", "attack on", "aid to").
RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "upon", "from", "toward", "towards", "into", "between"}
)
# Prepositions whose object is where something is or happens ("in Gaza", "near Tskhinvali").
LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
# Dependents that are the object of a verb ("attacked Iraq", "gave Egypt aid", "is the host").
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "attr", "oprd"})
# Dependents of a noun that may name who it belongs to ("the India-Russia summit", "Israel's strikes").
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
