"""JSON Lines: one record per line, streamed (the default when output is not a terminal)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from pydantic_core import PydanticSerializationError

from .._models import Citation
from ._base import Writer
from ._records import citation_record


class JsonLinesWriter(Writer):
    """One JSON record per line; ``--resume`` appends to it."""

    name: ClassVar[str] = "jsonl"
    extension: ClassVar[str] = "jsonl"
    description: ClassVar[str] = "one JSON record per line (citation or entity records)"
    appendable: ClassVar[bool] = True

    @classmethod
    def map_citation(cls, c: Citation) -> Any:
        # the record's JSON straight from pydantic's serializer (compact, UTF-8): the same
        # document `citation_record` gives, without building and re-encoding a dict (~2x faster)
        try:
            return c.model_dump_json()
        except PydanticSerializationError:  # a lone surrogate (a file name not in UTF-8)
            return citation_record(c)

    def emit(self, record: Any) -> None:
        line = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
        self._stream().write(line + "\n")
