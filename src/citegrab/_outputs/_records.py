"""The JSON records of the two output kinds, as published by `citegrab.json_schema`.

A citation record is the `Citation` model's JSON (`json_schema(record="citation")`); an entity
record is an `EntityRecord` (`json_schema(record="entity")`).
"""

from __future__ import annotations

from typing import Any

from .._models import SCHEMA_VERSION, Citation, Document, Entity


def citation_record(c: Citation) -> dict[str, Any]:
    """The JSON record of a citation (the `Citation` model's JSON)."""
    return c.model_dump(mode="json")


def entity_rows(doc: Document, labels: set[str] | None = None) -> list[dict[str, Any]]:
    """The `citegrab entities` records of a document, optionally limited to some labels."""
    line_starts = _line_starts(doc.text)
    cb, lb = doc.char_offset, doc.line_offset
    return [
        entity_record(e, doc.id, cb + line_starts[e.span.line - 1 - lb])
        for e in doc.entities
        if labels is None or e.label in labels
    ]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def entity_record(e: Entity, doc: str | None, line_start: int = 0) -> dict[str, Any]:
    """One entity mention: ``start``/``end`` are offsets within its line (as in the gold files);
    ``doc_start``/``doc_end`` are offsets within the document."""
    return {
        "schema_version": SCHEMA_VERSION,
        "doc": doc,
        "line": e.span.line,
        "start": e.span.start - line_start,
        "end": e.span.end - line_start,
        "text": e.text,
        "label": e.label,
        "canonical": e.canonical,
        "id": e.id,
        "source": e.source,
        "doc_start": e.span.start,
        "doc_end": e.span.end,
    }
