"""``ArticleResult`` to JSON and back, exactly: how a result travels in a Parquet dataset.

The Ray engine writes each article's result as one JSON string (column ``result``), and
``accord load`` turns it back into the same ``ArticleResult`` to store it, so that a database
loaded from a dataset is the one the local engine writes. Every record of ``accord.records`` and
``accord.fact_records`` is an object tagged with its class (``"@"``); tuples are JSON arrays, lists
``{"@l": [...]}``, dates ``{"@d": "YYYY-MM-DD"}``, dicts ``{"@m": {...}}``; floats keep every digit.
Decoding builds only those classes (never anything named by the data), so a dataset from elsewhere
can be loaded safely. Raises ``ValueError`` for what it cannot encode or decode.

>>> import datetime as dt
>>> from accord.records import Article
>>> result = ArticleResult(Article("a1", dt.date(2021, 12, 6), "Talks resumed."))
>>> decode_result(encode_result(result)) == result
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from typing import Any

import accord.fact_records
import accord.records
from accord.records import ArticleResult

__all__ = ["decode_result", "encode_result"]


def encode_result(result: ArticleResult) -> str:
    """``result`` as one JSON string (see the module docstring)."""
    return json.dumps(_encode(result), ensure_ascii=False, separators=(",", ":"))


def decode_result(text: str) -> ArticleResult:
    """The ``ArticleResult`` that ``encode_result`` wrote as ``text``.

    Raises ``ValueError`` when ``text`` is no such JSON.
    """
    decoded = _decode(json.loads(text))
    if not isinstance(decoded, ArticleResult):
        raise ValueError(f"not an article result but {type(decoded).__name__}")
    return decoded


@functools.lru_cache(maxsize=1)
def _record_classes() -> dict[str, type[Any]]:
    """The record classes a result may hold, by name."""
    classes: dict[str, type[Any]] = {}
    for module in (accord.records, accord.fact_records):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and dataclasses.is_dataclass(value):
                classes[name] = value
    return classes


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, list):
        return {"@l": [_encode(v) for v in value]}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"@d": value.isoformat()}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"@m": {k: _encode(v) for k, v in value.items()}}
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and _record_classes().get(name) is type(value):
        encoded = {"@": name}
        encoded.update({f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return encoded
    raise ValueError(f"cannot encode a {name} in an article result")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if not isinstance(value, dict):
        return value
    if "@d" in value:
        return dt.date.fromisoformat(value["@d"])
    if "@l" in value:
        return [_decode(v) for v in value["@l"]]
    if "@m" in value:
        return {k: _decode(v) for k, v in value["@m"].items()}
    cls = _record_classes().get(value.get("@", ""))
    if cls is None:
        raise ValueError(f"unknown record {value.get('@')!r} in an article result")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    given = {k: _decode(v) for k, v in value.items() if k != "@"}
    unknown = set(given) - set(fields)
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    record = cls(**{k: v for k, v in given.items() if fields[k].init})
    for name, field_value in given.items():
        if not fields[name].init:  # fixed by the class ("record_type"): set as it was written
            object.__setattr__(record, name, field_value)
    return record
