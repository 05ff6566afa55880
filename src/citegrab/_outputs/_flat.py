"""Flat rows: one column set and one typing shared by CSV, Parquet, the table and data frames.

Each column has a kind — ``string``, ``int`` (nullable), ``bool`` or ``date`` (a calendar date) —
that every flat format maps the same way: CSV writes the header in this order (dates ISO, booleans
``true``/``false``, missing values empty), Parquet stores string / int64 / bool / date32, and
`citegrab.to_frame` uses the pandas dtypes ``string`` / ``Int64`` / ``boolean`` /
``date32[day][pyarrow]``, which Parquet read back with pandas restores exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .._models import Citation
from ._base import Writer

ColumnKind = Literal["string", "int", "bool", "date"]
Columns = tuple[tuple[str, ColumnKind], ...]

CITATION_COLUMNS: Columns = (
    ("doc", "string"),
    ("line", "int"),
    ("part", "int"),
    ("form", "string"),
    ("authors", "string"),
    ("title", "string"),
    ("outlet", "string"),  # the effective outlet: named on the line, else inferred
    ("outlet_inferred", "bool"),
    ("outlet_raw", "string"),
    ("outlet_id", "string"),
    ("date", "date"),
    ("date_raw", "string"),
    ("date_resolution", "string"),
    ("date_precision", "string"),
    ("post_date", "date"),
    ("quote_first_line", "int"),
    ("quote_last_line", "int"),
    ("lead_in_line", "int"),
    ("diagnostics", "string"),
    ("url", "string"),
    ("raw", "string"),
    ("n_authors", "int"),
    ("n_diagnostics", "int"),
)
"""The columns of a citation row, in CSV header order."""

ENTITY_COLUMNS: Columns = (
    ("doc", "string"),
    ("line", "int"),
    ("start", "int"),
    ("end", "int"),
    ("text", "string"),
    ("label", "string"),
    ("canonical", "string"),
    ("id", "string"),
    ("source", "string"),
    ("doc_start", "int"),
    ("doc_end", "int"),
)
"""The columns of an entity row (the entity record without ``schema_version``)."""


def names(columns: Columns) -> tuple[str, ...]:
    """The column names, in order."""
    return tuple(name for name, _ in columns)


def citation_row(c: Citation) -> dict[str, Any]:
    """A citation as a flat row of typed Python values (dates as `datetime.date`)."""
    outlet = c.effective_outlet
    return {
        "doc": c.doc,
        "line": c.line,
        "part": c.part,
        "form": str(c.form),
        "authors": "; ".join(a.name for a in c.authors),
        "title": c.title,
        "outlet": outlet.name if outlet else None,
        "outlet_inferred": c.outlet is None and c.inferred_outlet is not None,
        "outlet_raw": c.outlet.raw if c.outlet else None,
        "outlet_id": outlet.id if outlet else None,
        "date": c.date,
        "date_raw": c.date_raw,
        "date_resolution": str(c.date_resolution) if c.date_resolution else None,
        "date_precision": str(c.date_precision) if c.date_precision else None,
        "post_date": c.post_date,
        "quote_first_line": c.quote.first_line if c.quote else None,
        "quote_last_line": c.quote.last_line if c.quote else None,
        "lead_in_line": c.quote.lead_in_line if c.quote else None,
        "diagnostics": " ".join(str(d.code) for d in c.diagnostics),
        "url": c.url,
        "raw": c.raw,
        "n_authors": len(c.authors),
        "n_diagnostics": len(c.diagnostics),
    }


def entity_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """An entity record as a flat row."""
    return {name: record.get(name) for name, _ in ENTITY_COLUMNS}


def columns_for(kind: str) -> Columns:
    """The flat columns of ``citations`` or ``entities``."""
    return ENTITY_COLUMNS if kind == "entities" else CITATION_COLUMNS


class FlatWriter(Writer):
    """A writer of flat rows (CSV, Parquet, the table): both record kinds map to `_flat` rows."""

    @classmethod
    def map_citation(cls, c: Citation) -> Any:
        return citation_row(c)

    @classmethod
    def map_entity(cls, e: Mapping[str, Any]) -> Any:
        return entity_row(e)
