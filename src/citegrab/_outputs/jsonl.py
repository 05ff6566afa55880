"""JSON Lines: one record per line, streamed (the default when output is not a terminal)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from .._models import Citation
from ._base import Writer
from ._records import citation_record


class JsonLinesWriter(Writer):
    """One JSON record per line; ``--resume`` appends to it."""

    name: ClassVar[str] = "jsonl"
    extension: ClassVar[str] = "jsonl"
    description: ClassVar[str] = "one JSON record per line (citation or entity records)"
    appendable: ClassVar[bool] = True

    def map_citation(self, c: Citation) -> Any:
        return citation_record(c)

    def emit(self, record: Any) -> None:
        self._stream().write(json.dumps(record, ensure_ascii=False) + "\n")
