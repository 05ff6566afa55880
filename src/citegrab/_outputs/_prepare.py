"""A document's output records, mapped where the document is extracted.

A parallel run extracts in worker processes; sending each `Document` back to be mapped and
written costs the writing process more than the extraction saves (unpickling ~40 records a
page). `Prepare` maps the records in the worker instead, so only the format's records (JSON
text, rows) travel back and the writing process only writes them, in input order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._models import Document
from ._base import RecordKind
from ._records import entity_rows


@dataclass(frozen=True)
class Prepared:
    """One document's records, mapped for the output format, and what a run counts of it."""

    records: list[Any]
    entities: int
    """How many entities the document holds (all labels)."""
    continues: bool
    """Whether the document is a later chunk of a large input (it continues an earlier one)."""


@dataclass(frozen=True)
class Prepare:
    """Maps a document's citations (or entity records, optionally some labels only) for
    ``fmt``; picklable, so it runs in worker processes."""

    fmt: str
    kind: RecordKind = "citations"
    labels: frozenset[str] | None = None

    def __call__(self, doc: Document) -> Prepared:
        from . import writer_class  # the registry imports every format module

        writer = writer_class(self.fmt)
        if self.kind == "entities":
            labels = set(self.labels) if self.labels is not None else None
            records = [writer.map_entity(row) for row in entity_rows(doc, labels)]
        else:
            records = [writer.map_citation(c) for c in doc.citations]
        return Prepared(records, len(doc.entities), doc.char_offset != 0)
