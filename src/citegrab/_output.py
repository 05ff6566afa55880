"""Output formats for citation records: JSON Lines (streamed), JSON, CSV and a terminal table."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from ._models import Citation, Document, Entity

FORMATS = ("jsonl", "json", "csv", "parquet", "table", "csl-json")

CSV_COLUMNS = (
    "doc", "line", "part", "form", "authors", "title", "outlet", "outlet_raw", "outlet_id",
    "inferred_outlet", "date", "date_raw", "date_resolution", "post_date", "quote_first_line",
    "quote_last_line", "lead_in_line", "diagnostics", "url", "raw",
)  # fmt: skip


def citation_record(c: Citation) -> dict[str, Any]:
    """The JSON record of a citation (the `Citation` model's JSON)."""
    return c.model_dump(mode="json")


def flat_row(c: Citation) -> dict[str, Any]:
    """A flat, one-level row for CSV and data frames."""
    return {
        "doc": c.doc,
        "line": c.line,
        "part": c.part,
        "form": c.form,
        "authors": "; ".join(a.name for a in c.authors),
        "title": c.title,
        "outlet": c.outlet.name if c.outlet else None,
        "outlet_raw": c.outlet.raw if c.outlet else None,
        "outlet_id": c.effective_outlet.id if c.effective_outlet else None,
        "inferred_outlet": c.inferred_outlet.name if c.inferred_outlet else None,
        "date": c.date.isoformat() if c.date else None,
        "date_raw": c.date_raw,
        "date_resolution": c.date_resolution.value if c.date_resolution else None,
        "post_date": c.post_date.isoformat() if c.post_date else None,
        "quote_first_line": c.quote.first_line if c.quote else None,
        "quote_last_line": c.quote.last_line if c.quote else None,
        "lead_in_line": c.quote.lead_in_line if c.quote else None,
        "diagnostics": " ".join(d.code.value for d in c.diagnostics),
        "url": c.url,
        "raw": c.raw,
    }


ENTITY_COLUMNS = (
    "doc",
    "line",
    "start",
    "end",
    "text",
    "label",
    "canonical",
    "id",
    "source",
    "doc_start",
    "doc_end",
)


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


INT_COLUMNS = frozenset(
    {
        "line",
        "part",
        "start",
        "end",
        "doc_start",
        "doc_end",
        "quote_first_line",
        "quote_last_line",
        "lead_in_line",
    }
)


class _ParquetSink:
    """Row batches to a Parquet file (pyarrow), so memory stays bounded."""

    BATCH = 10_000

    def __init__(self, path: str, columns: tuple[str, ...]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            from ._errors import MissingDependencyError

            raise MissingDependencyError("pyarrow", "parquet") from exc
        self.pa, self.columns = pa, columns
        self.schema = pa.schema(
            [(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in columns]
        )
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            data = {c: [r.get(c) for r in self.rows] for c in self.columns}
            self.writer.write_table(self.pa.Table.from_pydict(data, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


class Writer:
    """Streams records to a file in one format; `close()` finishes formats that need it.

    ``parquet`` needs ``path`` (a file, not a stream). With ``append`` (``--resume``) jsonl and csv
    outputs are continued rather than rewritten.
    """

    def __init__(
        self,
        out: IO[str] | None,
        fmt: str,
        columns: tuple[str, ...] = CSV_COLUMNS,
        *,
        path: str | None = None,
        append: bool = False,
    ) -> None:
        self.table_columns = TABLE_COLUMNS if columns == CSV_COLUMNS else ENTITY_TABLE_COLUMNS
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self.columns = columns
        self._first = True
        self._table: list[dict[str, Any]] = []
        self._csv: csv.DictWriter[str] | None = None
        self._append = append
        self._parquet: _ParquetSink | None = None
        if fmt == "parquet":
            if path is None:
                raise ValueError("parquet output needs a file: use -o FILE.parquet")
            self._parquet = _ParquetSink(path, columns)

    def write(self, record: dict[str, Any], flat: dict[str, Any] | None = None) -> None:
        """Write one record (``flat`` is its one-level form, used by csv, parquet and table)."""
        row = flat if flat is not None else record
        if self._parquet is not None:
            self._parquet.write(row)
        elif self.fmt == "table":
            self._table.append(row)
        else:
            out = self.out
            assert out is not None
            if self.fmt == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.fmt in ("json", "csl-json"):
                out.write(
                    ("[\n" if self._first else ",\n") + json.dumps(record, ensure_ascii=False)
                )
            else:
                if self._csv is None:
                    self._csv = csv.DictWriter(
                        out, fieldnames=list(self.columns), extrasaction="ignore"
                    )
                    if not self._append:
                        self._csv.writeheader()
                self._csv.writerow(row)
        self._first = False

    def close(self) -> None:
        """Finish the output (closing bracket for json, the rendered table)."""
        if self._parquet is not None:
            self._parquet.close()
            return
        assert self.out is not None
        if self.fmt in ("json", "csl-json"):
            self.out.write("[]\n" if self._first else "\n]\n")
        elif self.fmt == "table":
            self.out.write(render_table(self._table, self.table_columns))
        self.out.flush()


TABLE_COLUMNS = ("line", "authors", "title", "outlet", "date", "diagnostics")
ENTITY_TABLE_COLUMNS = ("line", "start", "end", "text", "label", "canonical", "source")


def render_table(rows: list[dict[str, Any]], columns: tuple[str, ...] = TABLE_COLUMNS) -> str:
    """A plain aligned text table (long cells truncated) for reading in a terminal."""
    cols = [c for c in columns if any(c in r for r in rows)] or list(columns)
    if rows and "doc" in rows[0] and len({r.get("doc") for r in rows}) > 1:
        cols = ["doc", *cols]
    widths = {"title": 48, "authors": 24, "raw": 60, "diagnostics": 30, "text": 40, "doc": 30}

    def cell(v: Any, c: str) -> str:
        s = "" if v is None else str(v)
        w = widths.get(c, 24)
        return s if len(s) <= w else s[: w - 1] + "…"

    grid = [[cell(r.get(c), c) for c in cols] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in grid]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(cols)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    lines.extend("  ".join(v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip() for row in grid)
    return "\n".join(lines) + "\n"
