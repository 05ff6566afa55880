"""The public model: immutable, strict, JSON round-trip, schema, spans that point into the text."""

from __future__ import annotations

import json

import pydantic
import pytest

import citegrab
from citegrab import SCHEMA_VERSION, Citation, Document


def test_frozen_and_strict(archive_doc) -> None:  # type: ignore[no-untyped-def]
    c = archive_doc.citations[0]
    with pytest.raises(pydantic.ValidationError):
        c.title = "x"
    data = c.model_dump(mode="json")
    data["surprise"] = 1
    with pytest.raises(pydantic.ValidationError):
        Citation.model_validate(data)


def test_json_round_trip(archive_doc) -> None:  # type: ignore[no-untyped-def]
    again = Document.model_validate_json(archive_doc.model_dump_json())
    assert again == archive_doc
    assert again.schema_version == SCHEMA_VERSION


def test_spans_point_into_text(archive_doc) -> None:  # type: ignore[no-untyped-def]
    text = archive_doc.text
    for c in archive_doc.citations:
        assert text[c.span.start : c.span.end] == c.raw
        assert text.split("\n")[c.line - 1].strip().startswith(c.raw[:10])
    for q in archive_doc.quotes:
        assert text[q.span.start : q.span.end] == q.text


def test_json_schema_covers_the_model() -> None:
    schema = citegrab.json_schema()
    assert schema["title"] == "citegrab Document"
    defs = schema["$defs"]
    for name in ("Citation", "Quote", "Post", "Author", "Outlet", "Span", "Diagnostic", "Entity"):
        assert name in defs
    assert defs["Citation"]["additionalProperties"] is False
    json.dumps(schema)


def test_public_names_documented() -> None:
    for name in citegrab.__all__:
        obj = getattr(citegrab, name)
        if callable(obj) or isinstance(obj, type):
            assert obj.__doc__, name


def test_reference_docs_are_current_and_complete() -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "gen_reference", root / "docs" / "gen_reference.py"
    )
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    text = (root / "docs" / "reference.md").read_text(encoding="utf-8")
    assert text == gen.render(), "run: python docs/gen_reference.py"
    for name in citegrab.__all__:
        assert f"## `{name}`" in text
