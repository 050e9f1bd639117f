"""Across articles: the same real event (or agreement, deal, meeting) reported more than once.

Pure logic, no database: the store reads rows, this package says which rows are one event.

- ``mentions``: a stored row -> ``Mention`` (type, dates, sides, place, content words);
- ``words``: content words and crude stems, for comparing wordings;
- ``compare``: the hard rules two mentions of one event obey, and a similarity score;
- ``choice``: which existing cluster a new mention joins (``choose_cluster``), or none;
- ``summary``: a cluster's best-supported values from its members (``summarize``).

>>> from accord.link import Settings
>>> Settings().day_window
3
"""

from __future__ import annotations

from accord.link.choice import Choice, choose_cluster
from accord.link.compare import Comparison, Settings, compare
from accord.link.mentions import Mention, event_mention, record_mention
from accord.link.summary import Summary, summarize

__all__ = [
    "Choice",
    "Comparison",
    "Mention",
    "Settings",
    "Summary",
    "choose_cluster",
    "compare",
    "event_mention",
    "record_mention",
    "summarize",
]
