"""Output formats: one module per format, each owning its record mapping, serialisation and
file extension, and a registry naming them. Adding a format (BibTeX, say) is one new module
with a `Writer` subclass and its line in `_WRITERS`; an unknown format name is an `OutputError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from .._errors import OutputError
from ._base import RecordKind, Writer
from ._flat import CITATION_COLUMNS, ENTITY_COLUMNS, citation_row, names
from ._prepare import Prepare, Prepared
from ._records import citation_record, entity_record, entity_rows
from .csl import CslJsonWriter, csl_id, to_csl
from .csvfile import CsvWriter
from .jsonarray import JsonArrayWriter
from .jsonl import JsonLinesWriter
from .parquet import ParquetWriter
from .ris import RisWriter, to_ris
from .table import TableWriter, render_table

_WRITERS: dict[str, type[Writer]] = {
    w.name: w
    for w in (
        JsonLinesWriter,
        JsonArrayWriter,
        CsvWriter,
        ParquetWriter,
        TableWriter,
        CslJsonWriter,
        RisWriter,
    )
}

FORMATS: tuple[str, ...] = tuple(_WRITERS)
"""Every format name, in the order help texts list them."""


def formats_for(kind: RecordKind) -> tuple[str, ...]:
    """The formats that can hold ``citations`` or ``entities`` records."""
    return tuple(name for name, w in _WRITERS.items() if kind in w.kinds)


def writer_class(fmt: str) -> type[Writer]:
    """The writer of a format; an unknown name is an `OutputError` listing the known ones."""
    try:
        return _WRITERS[fmt]
    except KeyError:
        raise OutputError(
            f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for by its extension (the longest match), if any."""
    name = Path(path).name.casefold()
    best: tuple[int, str] | None = None
    for fmt, writer in _WRITERS.items():
        ext = "." + writer.extension
        if name.endswith(ext) and (best is None or len(ext) > best[0]):
            best = (len(ext), fmt)
    return best[1] if best else None


def open_writer(
    fmt: str,
    out: IO[str] | None,
    *,
    kind: RecordKind = "citations",
    path: str | None = None,
    append: bool = False,
) -> Writer:
    """A writer of ``fmt`` for ``kind`` records on ``out`` (or the file ``path``)."""
    return writer_class(fmt)(out, kind=kind, path=path, append=append)


__all__ = [
    "CITATION_COLUMNS",
    "ENTITY_COLUMNS",
    "FORMATS",
    "Prepare",
    "Prepared",
    "RecordKind",
    "Writer",
    "citation_record",
    "citation_row",
    "csl_id",
    "entity_record",
    "entity_rows",
    "format_for_path",
    "formats_for",
    "names",
    "open_writer",
    "render_table",
    "to_csl",
    "to_ris",
    "writer_class",
]
