"""Accord's events and records in the layouts other event datasets use: ICEWS, Phoenix, PLOVER JSON.

- ``layouts``: one event -> an ICEWS row, a Phoenix row, a PLOVER object;
- ``geography``: an event's place as city, province, country name and coordinates (the gazetteer,
  and a point per country for events located only at country level);
- ``files``: writing many events in one of those layouts (``write_events``).

The events come from the store (``Database.events``, one per mention or, ``distinct``, per real
event); nothing here reads the database.
"""

from __future__ import annotations

from accord.interchange.files import FORMATS, sentence_number, story, write_events
from accord.interchange.layouts import ICEWS_COLUMNS, PHOENIX_COLUMNS, Story

__all__ = ["FORMATS", "ICEWS_COLUMNS", "PHOENIX_COLUMNS", "Story", "sentence_number", "story", "write_events"]
