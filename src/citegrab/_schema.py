"""Published JSON Schemas of the output records: a tolerant reader's and a strict writer's.

The reader's schema is what tools downstream pin: ``schema_version`` required and pinned to
major version 1, unknown fields allowed, open enums accept any string, so a later 1.y record
validates. The writer's schema (``strict``) is what citegrab itself promises to write: every
field present, no other field, only known enum values. Tests check every record citegrab
writes against the strict one.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from ._models import _OPEN_MARK, SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://citegrab.invalid/schema"


class _WriterSchema(GenerateJsonSchema):
    """Serialization-mode schema in which every field is required (the writer writes them all)."""

    def field_is_required(self, field: Any, total: bool) -> bool:
        return True


def record_schema(
    model: type[BaseModel], record: str, what: str, *, strict: bool = False
) -> dict[str, Any]:
    """The schema of ``model`` as published for ``record`` (see module docstring)."""
    if strict:
        schema = model.model_json_schema(mode="serialization", schema_generator=_WriterSchema)
    else:
        schema = model.model_json_schema(mode="validation")
    objects = [schema, *schema.get("$defs", {}).values()]
    for obj in objects:
        props = obj.get("properties")
        if props is None:
            continue
        if strict:
            obj["additionalProperties"] = False
            for name, prop in props.items():
                props[name] = _close(prop)
        elif "schema_version" in props:
            required = obj.setdefault("required", [])
            if "schema_version" not in required:
                required.insert(0, "schema_version")
    suffix = ".strict" if strict else ""
    head: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"{BASE_ID}/{SCHEMA_VERSION}/{record}{suffix}.json",
        "title": f"citegrab {model.__name__}{' (as written)' if strict else ''}",
        "description": f"{what.capitalize()}, schema version {SCHEMA_VERSION}"
        + (
            ": exactly what this version writes."
            if strict
            else ": accepts any 1.y record (unknown fields and enum values allowed)."
        ),
    }
    schema.pop("title", None)
    schema.pop("description", None)
    return {**head, **schema}


def _close(prop: dict[str, Any]) -> dict[str, Any]:
    """Drop the open-enum alternative from a property's ``anyOf`` (the writer's schema)."""
    options = prop.get("anyOf")
    if options is None:
        return prop
    kept = [o for o in options if o.get("$comment") != _OPEN_MARK]
    if len(kept) == len(options):
        return prop
    rest = {k: v for k, v in prop.items() if k != "anyOf"}
    if len(kept) == 1:
        return {**rest, **kept[0]}
    return {**rest, "anyOf": kept}
