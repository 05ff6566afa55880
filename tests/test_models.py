"""The public model: immutable, JSON round-trip, schemas a reader and a writer can pin, forward
compatibility within major version 1, spans that point into the text."""

from __future__ import annotations

import enum
import json
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab import SCHEMA_VERSION, Citation, DiagnosticCode, Document
from citegrab._models import EntityRecord, UnknownValue


def test_frozen(archive_doc) -> None:  # type: ignore[no-untyped-def]
    c = archive_doc.citations[0]
    with pytest.raises(pydantic.ValidationError):
        c.title = "x"


def later_record(archive_doc, version: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """A record as a later 1.y writer might write it: a new field, new values of open enums."""
    data = archive_doc.citations[0].model_dump(mode="json")
    data["schema_version"] = version
    data["surprise"] = {"nested": [1, 2]}
    data["form"] = "footnote"
    data["date_resolution"] = "by-lunar-calendar"
    data["outlet"]["match"] = "phonetic"
    data["outlet"]["country"] = "KR"
    data["diagnostics"] = [
        {"code": "from-the-future", "message": "a code this version does not know"},
        {"code": "no-date", "message": "known", "severity": "notice"},
    ]
    return data


def test_a_later_minor_version_is_read(archive_doc) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    data = later_record(archive_doc, "1.9")
    jsonschema.validate(data, citegrab.json_schema(record="citation"))
    c = Citation.model_validate(data)
    assert c.schema_version == "1.9" and not hasattr(c, "surprise")
    assert c.form == "footnote" and c.date_resolution == "by-lunar-calendar"
    assert c.outlet is not None and c.outlet.match == "phonetic"
    unknown, known = c.diagnostics
    assert unknown.code == "from-the-future" and not isinstance(unknown.code, DiagnosticCode)
    assert known.code is DiagnosticCode.NO_DATE and known.severity == "notice"
    assert Citation.model_validate_json(json.dumps(data)) == c
    # the writer's schema is exactly this version's: it rejects what a reader tolerates
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, citegrab.json_schema(record="citation", strict=True))


@pytest.mark.parametrize("version", ["2.0", "7.3", "0.9", "1", "1.x", "1.2.3", "v1.1"])
def test_another_major_version_is_rejected(archive_doc, version: str) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    data = archive_doc.citations[0].model_dump(mode="json")
    data["schema_version"] = version
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, citegrab.json_schema(record="citation"))
    with pytest.raises(pydantic.ValidationError):
        Citation.model_validate(data)


def test_schema_version_is_required_in_the_schema(archive_doc) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    data = archive_doc.citations[0].model_dump(mode="json")
    del data["schema_version"]
    for record in ("citation", "document", "entity"):
        schema = citegrab.json_schema(record=record)  # type: ignore[arg-type]
        assert "schema_version" in schema["required"], record
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, citegrab.json_schema(record="citation"))


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


@pytest.mark.parametrize(
    ("record", "title", "model"),
    [("document", "citegrab Document", "Document"), ("citation", "citegrab Citation", "Citation"),
     ("entity", "citegrab EntityRecord", "EntityRecord")],
)  # fmt: skip
def test_json_schema_of_each_record(record: str, title: str, model: str) -> None:
    schema = citegrab.json_schema(record=record)  # type: ignore[arg-type]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{SCHEMA_VERSION}/{record}.json")
    assert schema["title"] == title
    assert schema["properties"]["schema_version"]["pattern"] == r"^1\.[0-9]+$"
    strict = citegrab.json_schema(record=record, strict=True)  # type: ignore[arg-type]
    assert strict["$id"].endswith(f"/{SCHEMA_VERSION}/{record}.strict.json")
    json.dumps(schema)
    json.dumps(strict)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(strict)


def objects(schema: dict) -> list[dict]:  # type: ignore[type-arg]
    return [o for o in [schema, *schema.get("$defs", {}).values()] if "properties" in o]


def test_reader_schema_is_open_and_writer_schema_is_closed() -> None:
    reader = citegrab.json_schema(record="document")
    writer = citegrab.json_schema(record="document", strict=True)
    names = {o["title"] for o in objects(reader)}
    assert {"Citation", "Quote", "Post", "Author", "Outlet", "Diagnostic", "Entity"} <= names
    assert all("additionalProperties" not in o for o in objects(reader))
    assert "open enum" in json.dumps(reader)
    for o in objects(writer):
        assert o["additionalProperties"] is False, o["title"]
        assert set(o["required"]) == set(o["properties"]), o["title"]
    assert "open enum" not in json.dumps(writer)


def test_unknown_record_kind() -> None:
    with pytest.raises(ValueError, match="citation"):
        citegrab.json_schema(record="post")  # type: ignore[arg-type]


def _strip(tp: object) -> object:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def closed_enum(tp: object) -> bool:
    """Whether a type holds an enum or Literal not opened by a union with `UnknownValue`."""
    tp = _strip(tp)
    if get_origin(tp) in (Union, UnionType):
        members = [_strip(a) for a in get_args(tp)]
        if UnknownValue in members:
            return False
        return any(closed_enum(a) for a in members)
    if get_origin(tp) in (tuple, list):
        return any(closed_enum(a) for a in get_args(tp) if a is not Ellipsis)
    return get_origin(tp) is Literal or (isinstance(tp, type) and issubclass(tp, enum.Enum))


@pytest.mark.parametrize(
    "model",
    [citegrab.Document, citegrab.Post, citegrab.Quote, Citation, citegrab.Author,
     citegrab.Outlet, citegrab.Entity, citegrab.Diagnostic, citegrab.QuoteRef, citegrab.Span,
     EntityRecord],
)  # fmt: skip
def test_every_enum_field_is_open(model: type[pydantic.BaseModel]) -> None:
    """A closed enum would make a 1.x reader reject a 1.y record: wrap it in `Open[...]`."""
    for name, field in model.model_fields.items():
        assert not closed_enum(field.annotation), f"{model.__name__}.{name} is a closed enum"
    assert closed_enum(Literal["a"]) and closed_enum(DiagnosticCode | None)


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


_READER = citegrab.json_schema(record="citation")
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(
    minor=st.integers(min_value=0, max_value=999),
    extra=st.dictionaries(
        st.text(min_size=1, max_size=12).filter(lambda k: k not in Citation.model_fields),
        _JSON,
        max_size=4,
    ),
    code=st.text(min_size=1, max_size=30),
)
def test_any_later_1y_record_is_read(archive_doc, minor: int, extra: dict, code: str) -> None:  # type: ignore[no-untyped-def,type-arg]
    jsonschema = pytest.importorskip("jsonschema")
    data = archive_doc.citations[0].model_dump(mode="json")
    data.update(extra, schema_version=f"1.{minor}")
    data["diagnostics"] = [{"code": code, "message": "m"}]
    jsonschema.validate(data, _READER)
    c = Citation.model_validate(data)
    assert c.diagnostics[0].code == code and c.schema_version == f"1.{minor}"
