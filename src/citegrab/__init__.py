"""citegrab: structured, trustworthy citation data from archived analyst blog posts.

The public API is a few verbs — `extract`, `extract_file`, `parse_citation` — and the frozen
pydantic records they return (`Document` → `Post` → `Quote` → `Citation`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any

from . import _args
from ._errors import (
    CitegrabError,
    InputError,
    MissingDependencyError,
    ModelError,
    OutputError,
    RegistryError,
)
from ._extract import Extractor, default_extractor
from ._models import (
    SCHEMA_VERSION,
    Author,
    Citation,
    DateResolution,
    Diagnostic,
    DiagnosticCode,
    Document,
    Entity,
    Outlet,
    Post,
    Quote,
    QuoteRef,
    Severity,
    Span,
    json_schema,
)
from ._outlets import OutletEntry, OutletRegistry, default_registry

try:
    __version__ = _metadata.version("citegrab")
except _metadata.PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = [
    "SCHEMA_VERSION",
    "Author",
    "Citation",
    "CitegrabError",
    "DateResolution",
    "Diagnostic",
    "DiagnosticCode",
    "Document",
    "Entity",
    "Extractor",
    "InputError",
    "MissingDependencyError",
    "ModelError",
    "Outlet",
    "OutletEntry",
    "OutletRegistry",
    "OutputError",
    "Post",
    "Quote",
    "QuoteRef",
    "RegistryError",
    "Severity",
    "Span",
    "__version__",
    "default_registry",
    "extract",
    "extract_file",
    "iter_documents",
    "json_schema",
    "parse_citation",
    "to_frame",
]


def extract(
    text: str | bytes,
    *,
    doc: str | None = None,
    entities: bool = False,
    labels: str = "contract",
) -> Document:
    """Extract posts, quotes and citations from a text (and entities if ``entities=True``;
    ``labels="all"`` keeps the model's labels beyond PERSON, PROVINCE and INSTITUTION).

    Bytes are decoded as a text file is (UTF-8, else cp1252 with a ``decoding-fallback``
    diagnostic). A wrong type raises `TypeError` naming the parameter.
    """
    return default_extractor(_args.flag("entities", entities), labels).extract(text, doc=doc)


def extract_file(path: str | Path, *, entities: bool = False, labels: str = "contract") -> Document:
    """Read a file (text, HTML, …) and extract it; the path as given becomes the document id.

    Any text or HTML file is one `Document`, however large; a WARC or JSONL file holding several
    documents raises `InputError` (iterate those with `citegrab.iter_documents`).
    """
    from ._inputs._readers import Source, read_path

    sources = [src for src in read_path(path, whole=True) if isinstance(src, Source)]
    if len(sources) != 1:
        held = f"{len(sources)} documents" if sources else "no document"
        raise InputError(
            f"{path!s} holds {held}; use citegrab.iter_documents() to iterate the documents "
            "of a WARC or JSONL file"
        )
    return default_extractor(entities, labels).extract_source(sources[0])


def iter_documents(
    paths: Iterable[str | Path] | str | Path, *, entities: bool = False
) -> Iterator[Document]:
    """Documents from files, directories (recursive), WARC and JSONL inputs, one at a time.

    Skipped records (a WARC's images, invalid JSONL lines) are passed over; an unreadable input
    raises `InputError`. For fault-tolerant batches use the CLI or `citegrab.dask`. The arguments
    are checked when it is called (a wrong type raises `TypeError`), the inputs as they are read.
    """
    items = _args.paths("paths", paths)
    return _documents(items, default_extractor(_args.flag("entities", entities)))


def _documents(items: list[str | Path], ex: Extractor) -> Iterator[Document]:
    from ._inputs._readers import Skipped, read

    for src in read(items):
        if isinstance(src, InputError):
            raise src
        if not isinstance(src, Skipped):
            yield ex.extract_source(src)


def to_frame(documents_or_citations: Document | Citation | Iterable[Document | Citation]) -> Any:
    """A pandas DataFrame, one row per citation, of a Document, a Citation or an iterable of
    them: the CSV/Parquet columns with the Parquet typing (needs the ``pandas`` extra)."""
    from ._frame import to_frame as _to_frame

    return _to_frame(documents_or_citations)


def parse_citation(
    text: str | bytes, *, post_date: _dt.date | str | None = None
) -> Citation | None:
    """Parse one citation line; None when the text is not a citation.

    ``post_date`` (the quoting post's date, used to resolve numeric and two-digit-year dates) may
    be a date, a datetime or an ISO string such as ``"2022-07-10"``.
    """
    return default_extractor(False).parse_citation(text, post_date=post_date)
