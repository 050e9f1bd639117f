"""Casualties of violent events, read from the parse: how many people were killed, injured, kidnapped,
arrested, missing or displaced, and which deaths are accidents rather than acts.

- ``words``: the casualty words and their kinds; accident words; "died in the shelling" (a death setting);
- ``counts``: the counts a casualty word's clause states (``find_casualties``, ``with_casualties``);
- ``tolls``: later sentences of the paragraph that only state a toll.
"""

from __future__ import annotations

from accord.coding.casualties.counts import find_casualties, with_casualties
from accord.coding.casualties.words import CASUALTY_UNITS, is_accident, is_death_setting, is_running_total

__all__ = [
    "CASUALTY_UNITS",
    "find_casualties",
    "is_accident",
    "is_death_setting",
    "is_running_total",
    "with_casualties",
]
