"""JSON: one array of records (the same records as JSON Lines), written as it streams."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from .._models import Citation
from ._base import Writer
from ._records import citation_record


class JsonArrayWriter(Writer):
    """A JSON array of records; the closing bracket is written by `close`."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    description: ClassVar[str] = "a JSON array of the JSON Lines records"

    @classmethod
    def map_citation(cls, c: Citation) -> Any:
        return citation_record(c)

    def emit(self, record: Any) -> None:
        sep = "[\n" if self.count == 0 else ",\n"
        self._stream().write(sep + json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        self._stream().write("[]\n" if self.count == 0 else "\n]\n")
        super().close()
