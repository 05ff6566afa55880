"""CSV: the flat rows (see `_flat`), header in column order; ``--resume`` appends rows."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any, ClassVar

from ._flat import FlatWriter, columns_for, names


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class CsvWriter(FlatWriter):
    """Comma-separated rows with a header (none when appending to an existing file)."""

    name: ClassVar[str] = "csv"
    extension: ClassVar[str] = "csv"
    description: ClassVar[str] = "flat rows with a header (dates ISO, booleans true/false)"
    appendable: ClassVar[bool] = True

    def start(self) -> None:
        fields = list(names(columns_for(self.kind)))
        self._csv = csv.DictWriter(self._stream(), fieldnames=fields, extrasaction="ignore")
        if not self.append:
            self._csv.writeheader()

    def emit(self, record: Any) -> None:
        self._csv.writerow({k: _cell(v) for k, v in record.items()})
