"""A plain aligned text table for reading in a terminal (the default on a terminal)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .._models import Citation
from ._base import Writer
from ._flat import citation_row, entity_row

TABLE_COLUMNS = ("line", "authors", "title", "outlet", "date", "diagnostics")
ENTITY_TABLE_COLUMNS = ("line", "start", "end", "text", "label", "canonical", "source")


class TableWriter(Writer):
    """Collects the flat rows and renders them aligned when closed."""

    name: ClassVar[str] = "table"
    extension: ClassVar[str] = "txt"
    description: ClassVar[str] = "an aligned text table for the terminal"

    def map_citation(self, c: Citation) -> Any:
        return citation_row(c)

    def map_entity(self, e: Mapping[str, Any]) -> Any:
        return entity_row(e)

    def start(self) -> None:
        self._rows: list[dict[str, Any]] = []

    def emit(self, record: Any) -> None:
        self._rows.append(record)

    def close(self) -> None:
        columns = ENTITY_TABLE_COLUMNS if self.kind == "entities" else TABLE_COLUMNS
        self._stream().write(render_table(self._rows, columns))
        super().close()


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
