"""Names beside codes in the API's answers, from the code tables the resolver ships
(``accord.resolve.actors.codes``): "CHN" is shown with "China", "UNO" with "United Nations".

>>> named({"code": "chn", "events": 3})
{'code': 'chn', 'events': 3, 'name': 'China', 'kind': 'country'}
"""

from __future__ import annotations

from typing import Any

from accord.resolve.actors.codes import code_kind, code_name

__all__ = ["named", "named_all"]


def named(item: dict[str, Any], key: str = "code", *, prefix: str = "") -> dict[str, Any]:
    """``item`` with ``{prefix}name`` (and ``{prefix}kind``, when the table knows it) for the code
    under ``key``; a kind the item already has is replaced only by a known one (a country code is a
    country, whatever the words that named it)."""
    code = item.get(key)
    if not isinstance(code, str):
        return item
    item[f"{prefix}name"] = code_name(code)
    kind = code_kind(code)
    if kind is not None or f"{prefix}kind" not in item:
        item[f"{prefix}kind"] = kind
    return item


def named_all(items: list[dict[str, Any]], key: str = "code", *, prefix: str = "") -> list[dict[str, Any]]:
    """``named`` for each item of ``items`` (changed in place, and returned)."""
    for item in items:
        named(item, key, prefix=prefix)
    return items
