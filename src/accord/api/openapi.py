"""The OpenAPI documents: FastAPI's (3.1, at ``/openapi.json``) with the schemas that routes answer
with but do not return as models (the flat events), and the same document in OpenAPI 3.0 for the
bundled Swagger UI (``/openapi-3.0.json``, what ``/docs`` reads).

The Swagger UI that ``swagger-ui-bundle`` ships (3.x) refuses a 3.1 document ("Unable to render this
definition"). The two versions differ here only in how a schema says "or null", "for example" and
"exactly this value", so ``openapi_30`` rewrites those: ``anyOf: [X, {type: null}]`` becomes X with
``nullable: true``, ``examples: [...]`` becomes ``example``, ``const`` a one-value ``enum``, numeric
``exclusiveMinimum``/``exclusiveMaximum`` the 3.0 boolean forms.

>>> openapi_30({"openapi": "3.1.0", "components": {"schemas": {"A": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}})
{'openapi': '3.0.3', 'components': {'schemas': {'A': {'type': 'string', 'nullable': True}}}}
"""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel

__all__ = ["install_openapi", "openapi_30"]

OPENAPI_30_URL = "/openapi-3.0.json"


def install_openapi(app: FastAPI, extra_models: tuple[type[BaseModel], ...]) -> None:
    """Make ``app.openapi()`` include ``extra_models``' schemas, and serve its 3.0 form at
    ``/openapi-3.0.json``."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
            )
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in extra_models:
                found = model.model_json_schema(ref_template="#/components/schemas/{model}")
                schemas.update(found.pop("$defs", {}))
                schemas[model.__name__] = found
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]

    def openapi_30_document() -> JSONResponse:
        return JSONResponse(openapi_30(app.openapi()))

    app.add_api_route(OPENAPI_30_URL, openapi_30_document, include_in_schema=False)


def openapi_30(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of an OpenAPI 3.1 ``document`` in OpenAPI 3.0.3 (see the module docstring)."""
    converted = _convert(copy.deepcopy(document))
    converted["openapi"] = "3.0.3"
    return dict(converted)


def _convert(node: Any) -> Any:
    if isinstance(node, list):
        return [_convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _convert(value) for key, value in node.items()}
    for key in ("anyOf", "oneOf"):
        options = node.get(key)
        if isinstance(options, list) and {"type": "null"} in options:
            rest = [option for option in options if option != {"type": "null"}]
            del node[key]
            if len(rest) == 1 and "$ref" not in rest[0]:
                node = {**rest[0], **node}
            elif len(rest) == 1:
                node["allOf"] = rest
            else:
                node[key] = rest
            node["nullable"] = True
    kinds = node.get("type")
    if isinstance(kinds, list):
        others = [kind for kind in kinds if kind != "null"]
        node["type"] = others[0] if len(others) == 1 else "string"
        if "null" in kinds:
            node["nullable"] = True
    if isinstance(node.get("examples"), list) and _is_schema(node):
        examples = node.pop("examples")
        if examples:
            node["example"] = examples[0]
    if "const" in node:
        node["enum"] = [node.pop("const")]
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = node.get(bound)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            node[plain] = value
            node[bound] = True
    return node


def _is_schema(node: dict[str, Any]) -> bool:
    """Whether a dict is a schema (3.0 keeps ``examples`` maps on parameters and media types)."""
    return any(key in node for key in ("type", "anyOf", "allOf", "oneOf", "$ref", "enum", "title"))
