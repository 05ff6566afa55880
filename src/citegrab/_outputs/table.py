"""A plain aligned text table for reading in a terminal (the default on a terminal).

Fitted to a width when one is given (the CLI passes the terminal's): long cells are truncated
with …, and the least useful columns are dropped when even truncated cells do not fit.
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar

from ._flat import FlatWriter

CITATION_TABLE = ("doc", "line", "authors", "title", "outlet", "date", "diagnostics")
ENTITY_TABLE = ("doc", "line", "start", "end", "text", "label", "canonical", "source")

DROP_FIRST = ("diagnostics", "source", "doc", "authors", "start", "end", "canonical")
"""Columns given up, in this order, when the terminal is too narrow for every column."""

_CAP = {
    "title": 60,
    "authors": 30,
    "outlet": 28,
    "doc": 40,
    "diagnostics": 30,
    "text": 40,
    "canonical": 30,
}
_SQUEEZE = {  # columns that may be truncated (with …) down to this width
    "title": 16,
    "authors": 10,
    "outlet": 10,
    "doc": 12,
    "diagnostics": 10,
    "text": 12,
    "canonical": 10,
}
_WEIGHT = {"title": 3.0, "text": 2.0, "authors": 1.3, "outlet": 1.3}
_PRIMARY = ("title", "text")
"""Columns worth more than the droppable ones: others go before these are cramped."""
_COMFORT = 24
_GAP = 2


def display_width(s: str) -> int:
    """Terminal columns a string takes (wide CJK characters count two, combining marks none)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def clip(s: str, width: int, *, keep_end: bool = False) -> str:
    """``s`` cut to ``width`` columns, ending (or, with ``keep_end``, starting) with …."""
    if display_width(s) <= width:
        return s
    if width <= 0:
        return ""
    chars = reversed(s) if keep_end else iter(s)
    out: list[str] = []
    used = 0
    for ch in chars:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    body = "".join(reversed(out)) if keep_end else "".join(out)
    return "…" + body if keep_end else body + "…"


def _cell(v: Any) -> str:
    s = "" if v is None else str(v)
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in s)


def fit_table(
    rows: list[dict[str, Any]], columns: tuple[str, ...], width: int | None = None
) -> str:
    """An aligned text table; with ``width``, every line fits in that many columns.

    Long cells are truncated with …; when even truncated cells do not fit, the least useful
    columns (`DROP_FIRST`) are left out. A ``doc`` column appears only for several documents.
    """
    docs = {r.get("doc") for r in rows}
    cols = [
        c
        for c in columns
        if (c != "doc" or len(docs) > 1) and (not rows or any(c in r for r in rows))
    ]
    grid = [[_cell(r.get(c)) for c in cols] for r in rows]
    natural = {
        c: min(_CAP.get(c, 24), max([len(c)] + [display_width(row[i]) for row in grid]))
        for i, c in enumerate(cols)
    }
    natural = {
        c: max(w, min(len(c), _SQUEEZE.get(c, len(c)))) for c, w in natural.items()
    }  # headers stay readable

    def least(c: str) -> int:
        return min(natural[c], _SQUEEZE[c]) if c in _SQUEEZE else natural[c]

    def allocate(shown: list[str]) -> dict[str, int] | None:
        """Widths that fit: fixed columns whole, the rest shared out by weight."""
        assert width is not None
        widths = {c: least(c) for c in shown}
        spare = width - sum(widths.values()) - _GAP * max(0, len(shown) - 1)
        if spare < 0:
            return None
        active = [c for c in shown if widths[c] < natural[c]]
        while spare > 0 and active:
            weight = sum(_WEIGHT.get(c, 1.0) for c in active)
            given = 0
            for c in active:
                share = max(1, int(spare * _WEIGHT.get(c, 1.0) / weight))
                add = min(share, natural[c] - widths[c], spare - given)
                widths[c] += add
                given += add
            spare -= given
            active = [c for c in active if widths[c] < natural[c]]
        return widths

    shown = list(cols)
    widths = dict(natural)
    if width is not None:
        droppable = [c for c in DROP_FIRST if c in shown]
        while True:
            fitted = allocate(shown)
            cramped = fitted is None or any(
                fitted[c] < min(natural[c], _COMFORT) for c in _PRIMARY if c in fitted
            )
            if not cramped or not droppable:
                break
            shown.remove(droppable.pop(0))
        # too narrow for anything: the least widths, and every line is clipped below
        widths = fitted if fitted is not None else {c: least(c) for c in shown}
    index = {c: i for i, c in enumerate(cols)}

    def line(cells: list[str]) -> str:
        parts = []
        for c, s in zip(shown, cells, strict=True):
            s = clip(s, widths[c], keep_end=c == "doc")
            parts.append(s + " " * (widths[c] - display_width(s)))
        text = (" " * _GAP).join(parts).rstrip()
        return clip(text, width) if width is not None else text

    out = [line([c for c in shown])]
    out.append(line(["-" * widths[c] for c in shown]))
    out.extend(line([row[index[c]] for c in shown]) for row in grid)
    return "\n".join(out) + "\n"


class TableWriter(FlatWriter):
    """Collects the flat rows and renders them aligned (fitted to `width`, if set) when closed."""

    name: ClassVar[str] = "table"
    extension: ClassVar[str] = "txt"
    description: ClassVar[str] = "an aligned text table for the terminal"
    width: int | None = None
    """Fit every line in this many columns (None: no limit)."""

    def start(self) -> None:
        self._rows: list[dict[str, Any]] = []

    def emit(self, record: Any) -> None:
        self._rows.append(record)

    def close(self) -> None:
        columns = ENTITY_TABLE if self.kind == "entities" else CITATION_TABLE
        self._stream().write(fit_table(self._rows, columns, self.width))
        super().close()


def render_table(rows: list[dict[str, Any]], columns: tuple[str, ...] = CITATION_TABLE) -> str:
    """A plain aligned text table (long cells truncated) for reading in a terminal."""
    return fit_table(rows, columns)
