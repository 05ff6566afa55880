"""Parquet: the flat rows typed (string, int64, bool, date32), in bounded batches (pyarrow).

The file carries pandas metadata, so `pandas.read_parquet` gives back exactly the dtypes of
`citegrab.to_frame` (``string``, ``Int64``, ``boolean``, ``date32[day][pyarrow]``).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from .._errors import MissingDependencyError
from ._flat import ColumnKind, Columns, FlatWriter, columns_for

_PANDAS_TYPES: dict[ColumnKind, tuple[str, str]] = {
    "string": ("unicode", "string"),
    "int": ("int64", "Int64"),
    "bool": ("bool", "boolean"),
    "date": ("date", "date32[day][pyarrow]"),
}


def arrow_schema(columns: Columns) -> Any:
    """The pyarrow schema of flat rows, with pandas metadata restoring `to_frame`'s dtypes."""
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise MissingDependencyError("pyarrow", "parquet") from exc
    types = {"string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "date": pa.date32()}
    meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [
            {
                "name": name,
                "field_name": name,
                "pandas_type": _PANDAS_TYPES[kind][0],
                "numpy_type": _PANDAS_TYPES[kind][1],
                "metadata": None,
            }
            for name, kind in columns
        ],
        "creator": {"library": "citegrab", "version": "1"},
    }
    fields = [pa.field(name, types[kind]) for name, kind in columns]
    return pa.schema(fields, metadata={b"pandas": json.dumps(meta).encode("utf-8")})


class ParquetWriter(FlatWriter):
    """Typed columns in row groups of `BATCH` rows, so memory stays bounded."""

    name: ClassVar[str] = "parquet"
    extension: ClassVar[str] = "parquet"
    description: ClassVar[str] = "the flat rows, typed (needs a file and the parquet extra)"
    needs_file: ClassVar[bool] = True
    BATCH: ClassVar[int] = 10_000

    def start(self) -> None:
        self.columns = columns_for(self.kind)
        self.schema = arrow_schema(self.columns)  # reports a missing pyarrow clearly
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        assert self.path is not None  # needs_file: checked by Writer.__init__
        self._writer = pq.ParquetWriter(self.path, self.schema)
        self._rows: list[dict[str, Any]] = []

    def emit(self, record: Any) -> None:
        self._rows.append(record)
        if len(self._rows) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            data = {name: [r.get(name) for r in self._rows] for name, _ in self.columns}
            try:
                table = self._pa.Table.from_pydict(data, schema=self.schema)
            except UnicodeEncodeError:  # a lone surrogate (a file name not in UTF-8)
                table = self._pa.Table.from_pydict(_escaped(data), schema=self.schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _escaped(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings written as its escape ("\\udcff"), as
    the text outputs write it: Arrow strings must be UTF-8."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_escaped(v) for v in value]
    return value
