"""pandas DataFrames: one row per citation, the flat columns typed as Parquet stores them.

The columns and their order are `_outputs._flat.CITATION_COLUMNS` (the CSV header); dtypes are
``string``, ``Int64``, ``boolean`` and ``date32[day][pyarrow]`` (calendar dates, as in Parquet),
so ``pandas.read_parquet`` of a citegrab Parquet file gives the same frame. pandas and pyarrow
come with the ``pandas`` extra.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._errors import MissingDependencyError
from ._models import Citation, Document
from ._outputs._flat import CITATION_COLUMNS, ColumnKind, Columns, citation_row, names


def _pandas() -> tuple[Any, Any]:
    try:
        import pandas as pd
        import pyarrow as pa
    except ImportError as exc:
        missing = "pandas" if "pandas" in str(exc) else "pyarrow"
        raise MissingDependencyError(missing, "pandas") from exc
    return pd, pa


def dtypes(columns: Columns) -> dict[str, Any]:
    """The pandas dtype of each flat column."""
    pd, pa = _pandas()
    kinds: dict[ColumnKind, Any] = {
        "string": "string",
        "int": "Int64",
        "bool": "boolean",
        "date": pd.ArrowDtype(pa.date32()),
    }
    return {name: kinds[kind] for name, kind in columns}


def to_frame(items: Document | Citation | Iterable[Document | Citation]) -> Any:
    """A DataFrame of citations from a document, a citation, or an iterable mixing them."""
    pd, _ = _pandas()
    if isinstance(items, Document | Citation):
        items = (items,)
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Document):
            rows.extend(citation_row(c) for c in item.citations)
        elif isinstance(item, Citation):
            rows.append(citation_row(item))
        else:
            raise TypeError(f"to_frame takes Documents and Citations, not {type(item).__name__}")
    columns = list(names(CITATION_COLUMNS))
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype(dtypes(CITATION_COLUMNS))
