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

from ._errors import (
    CitegrabError,
    InputError,
    MissingDependencyError,
    ModelError,
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
    text: str, *, doc: str | None = None, entities: bool = False, labels: str = "contract"
) -> Document:
    """Extract posts, quotes and citations from a text (and entities if ``entities=True``;
    ``labels="all"`` keeps the model's labels beyond PERSON, PROVINCE and INSTITUTION)."""
    return default_extractor(entities, labels).extract(text, doc=doc)


def extract_file(path: str | Path, *, entities: bool = False, labels: str = "contract") -> Document:
    """Read a file (text, HTML, …) and extract it; the path as given becomes the document id."""
    from ._readers import Source, read_path

    ex = default_extractor(entities, labels)
    docs = [ex.extract_source(src) for src in read_path(path) if isinstance(src, Source)]
    if len(docs) != 1:
        raise InputError(
            f"{path!s} holds {len(docs)} documents; use citegrab.read() to iterate them"
        )
    return docs[0]


def iter_documents(
    paths: Iterable[str | Path] | str | Path, *, entities: bool = False
) -> Iterator[Document]:
    """Documents from files, directories (recursive), WARC and JSONL inputs, one at a time.

    Skipped records (a WARC's images, invalid JSONL lines) are passed over; an unreadable input
    raises `InputError`. For fault-tolerant batches use the CLI or `citegrab.dask`.
    """
    from ._readers import Skipped, read

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    ex = default_extractor(entities)
    for src in read(items):
        if isinstance(src, InputError):
            raise src
        if not isinstance(src, Skipped):
            yield ex.extract_source(src)


def to_frame(documents_or_citations: Iterable[Document | Citation]) -> Any:
    """A pandas DataFrame with one row per citation (flat, typed columns; needs pandas)."""
    from ._frame import to_frame as _to_frame

    return _to_frame(documents_or_citations)


def parse_citation(text: str, *, post_date: _dt.date | None = None) -> Citation | None:
    """Parse one citation line; None when the text is not a citation."""
    return default_extractor(False).parse_citation(text, post_date=post_date)
