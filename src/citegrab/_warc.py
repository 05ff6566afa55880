"""WARC input (warcio): HTML responses become documents keyed by their URL; the rest is counted.

Records that are not successful HTML responses (requests, metadata, images, redirects, 404s)
come back as `Skipped` with the reason, so a batch can account for every record.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ._errors import InputError, MissingDependencyError
from ._readers import Skipped, Source, decode, html_source

MAX_RECORD_BYTES = 64 * 1024 * 1024
"""HTML payloads larger than this are skipped rather than loaded (memory stays bounded)."""


def read_warc(path: Path) -> Iterator[Source | Skipped]:
    """Stream a .warc or .warc.gz file."""
    with path.open("rb") as fh:
        yield from read_warc_stream(fh, str(path))


def read_warc_stream(stream: IO[bytes], name: str) -> Iterator[Source | Skipped]:
    """Stream WARC records from a binary file object."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise MissingDependencyError("warcio", "warc") from exc
    n = 0
    try:
        arc_ok = name.casefold().endswith((".arc", ".arc.gz"))
        for record in ArchiveIterator(stream):
            n += 1
            if record.format != "warc" and not arc_ok:
                raise InputError(f"{name}: not a WARC file (no WARC record header)")
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#record{n}"
            if record.rec_type != "response":
                yield Skipped(url, f"WARC {record.rec_type} record")
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else None
            ctype = (
                (record.http_headers.get_header("Content-Type") or "")
                if record.http_headers
                else ""
            )
            if status != "200":
                yield Skipped(url, f"HTTP status {status}")
                continue
            if "html" not in ctype.casefold():
                yield Skipped(url, f"not HTML ({ctype or 'no content type'})")
                continue
            data = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(data) > MAX_RECORD_BYTES:
                yield Skipped(url, f"HTML payload over {MAX_RECORD_BYTES} bytes")
                continue
            text, diags = decode(data)
            yield html_source(url, text, diags)
    except ArchiveLoadFailed as exc:
        raise InputError(f"{name}: not a readable WARC file ({exc})") from exc
