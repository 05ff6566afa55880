"""pandas DataFrames: one row per citation, flat typed columns (pandas is an optional extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._errors import MissingDependencyError
from ._models import Citation, Document
from ._output import CSV_COLUMNS, flat_row

DATE_COLUMNS = ("date", "post_date")
INT_COLUMNS = ("line", "part", "quote_first_line", "quote_last_line", "lead_in_line")


def to_frame(items: Iterable[Document | Citation]) -> Any:
    """A DataFrame of citations from documents and/or citations (``pip install 'citegrab[pandas]'``)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError("pandas", "pandas") from exc
    rows: list[dict[str, Any]] = []
    for item in items:
        cites = item.citations if isinstance(item, Document) else (item,)
        for c in cites:
            row = flat_row(c)
            row["n_authors"] = len(c.authors)
            row["n_diagnostics"] = len(c.diagnostics)
            rows.append(row)
    columns = [*CSV_COLUMNS, "n_authors", "n_diagnostics"]
    frame = pd.DataFrame(rows, columns=columns)
    for col in DATE_COLUMNS:
        frame[col] = pd.to_datetime(frame[col], format="ISO8601", errors="coerce")
    for col in (*INT_COLUMNS, "n_authors", "n_diagnostics"):
        frame[col] = frame[col].astype("Int64")
    for col in (c for c in columns if c not in DATE_COLUMNS and c not in INT_COLUMNS):
        if col not in ("n_authors", "n_diagnostics"):
            frame[col] = frame[col].astype("string")
    return frame
