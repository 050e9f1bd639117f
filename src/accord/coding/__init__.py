"""The coding stage: a parsed article and what the resolvers found in it -> coded events (PLOVER/CAMEO).

``find_events(doc, context, lexicon)`` is the entry point; ``load_lexicon()`` reads the lexicon and code
tables in ``data/``. The modules, in the order an article goes through them:

- ``finder``: ``find_events``; walks the sentences, builds each candidate, merges the results;
- ``triggers``: candidate triggers in a sentence (verbs, event nouns with support verbs, reported
  obligations), without the acts that are only another act's content;
- ``arguments``: the words of the parse that name an act's actor and recipient;
- ``mentions``: from those words to actor mentions (nearest in the parse, pronouns, nearest in the text);
- ``sides``: the event's two sides as entities (hosts, targets, joint acts, inherited sides);
  ``unnamed_sides``: the place's country for acts by or against unnamed people;
- ``attachment``: the event's date (which date phrase it owns), place, quantities and money;
- ``casualties``: casualty counts of violent acts, and which deaths are accidents;
- ``status``: occurred, planned, negated or hypothetical; ``recoding``: PLOVER's codes for acts that have
  not happened, and the codes a trigger takes in context;
- ``build``: one candidate -> one ``Event``, or the named reason (``drops``) it is none;
  ``confidence``: the event's confidence; ``merging``: one record per real event, unique ids;
- ``lexicon``, ``codes``: the data files, and the types and codes named in Python, checked on load;
  ``context``: the records passed between the steps; ``grammar``: closed word classes of roles.
"""

from __future__ import annotations

from accord.coding.context import EventContext
from accord.coding.finder import EventFindings, find_events, find_events_with_drops
from accord.coding.lexicon import Lexicon, load_lexicon

__all__ = [
    "EventContext",
    "EventFindings",
    "Lexicon",
    "find_events",
    "find_events_with_drops",
    "load_lexicon",
]
