"""Accord: dated news reports in, coded international events out."""

__version__ = "0.1.0"
