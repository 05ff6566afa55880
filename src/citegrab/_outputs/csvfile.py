"""CSV: the flat rows (see `_flat`), header in column order; ``--resume`` appends rows."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar

from .._models import Citation
from ._base import Writer
from ._flat import citation_row, columns_for, entity_row, names


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class CsvWriter(Writer):
    """Comma-separated rows with a header (none when appending to an existing file)."""

    name: ClassVar[str] = "csv"
    extension: ClassVar[str] = "csv"
    description: ClassVar[str] = "flat rows with a header (dates ISO, booleans true/false)"
    appendable: ClassVar[bool] = True

    @classmethod
    def map_citation(cls, c: Citation) -> Any:
        return citation_row(c)

    @classmethod
    def map_entity(cls, e: Mapping[str, Any]) -> Any:
        return entity_row(e)

    def start(self) -> None:
        fields = list(names(columns_for(self.kind)))
        self._csv = csv.DictWriter(self._stream(), fieldnames=fields, extrasaction="ignore")
        if not self.append:
            self._csv.writeheader()

    def emit(self, record: Any) -> None:
        self._csv.writerow({k: _cell(v) for k, v in record.items()})
