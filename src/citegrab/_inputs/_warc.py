"""WARC input (warcio): HTML responses become documents keyed by their URL; the rest is counted.

Records that are not successful HTML responses (requests, metadata, images, redirects, 404s)
come back as `Skipped` with the reason, so a batch can account for every record. A damaged
archive is an `InputError`, raised before the damaged record is yielded: a gzip stream cut short,
a record whose Content-Length runs past the end of the file (its page would swallow every later
record), a record not followed by the blank line that ends it (a wrong Content-Length), and a
record header cut mid-way. warcio alone passes over all four silently, so the gzip layer is
decoded here (Python's zlib reader notices a missing end-of-stream marker) and each record's
length is checked before its page is read.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from .._errors import InputError, MissingDependencyError
from ._source import Skipped, Source, decode

logging.getLogger("warcio").addHandler(logging.NullHandler())  # no stray warnings on stderr

MAX_RECORD_BYTES = 64 * 1024 * 1024
"""HTML payloads larger than this are skipped rather than loaded (memory stays bounded)."""


class _Damaged(Exception):
    """The archive's bytes end or break where a record says they go on (not an EOFError, which
    warcio takes for a normal end of file)."""


class _Gunzip(io.RawIOBase):
    """A gzip stream (one or many members) decoded strictly: truncation or corruption raises."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        try:
            data = self._gz.read(len(buf))
        except (EOFError, OSError, zlib.error) as exc:
            raise _Damaged(f"the gzip stream is cut or corrupt ({exc})") from exc
        n = len(data)
        buf[:n] = data
        return n


def read_warc(path: Path) -> Iterator[Source | Skipped | InputError]:
    """Stream a .warc or .warc.gz file."""
    with path.open("rb") as fh:
        yield from read_warc_stream(fh, str(path))


def _strict_iterator(stream: IO[bytes]) -> Any:
    """A warcio ArchiveIterator that raises instead of warning on a record's missing end."""
    from warcio.archiveiterator import ArchiveIterator

    class Strict(ArchiveIterator):  # type: ignore[misc]
        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty = 0
            first = True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty
                if line.strip():
                    if first and self.known_format != "arc":  # ARC may omit the blank line
                        raise _Damaged(
                            "a record is not followed by a blank line (its Content-Length is "
                            "wrong, so records would run into each other)"
                        )
                    return line, empty
                empty += len(line)
                first = False

    return Strict(stream)


def read_warc_stream(stream: IO[bytes], name: str) -> Iterator[Source | Skipped | InputError]:
    """Stream WARC records from a binary file object (gzipped or not)."""
    try:
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise MissingDependencyError("warcio", "warc") from exc
    buffered = (
        stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(cast(Any, stream))
    )
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        buffered = io.BufferedReader(_Gunzip(buffered), 1 << 16)
    n = done = 0
    try:
        arc_ok = name.casefold().endswith((".arc", ".arc.gz"))
        it = _strict_iterator(buffered)
        for record in it:
            n += 1
            if record.format != "warc" and not arc_ok:
                raise InputError(f"{name}: not a WARC file (no WARC record header)")
            url = (
                record.rec_headers.get_header("WARC-Target-URI")
                or record.rec_headers.get_header("uri")  # an ARC record's URL
                or f"{name}#record{n}"
            )
            limit = getattr(record.raw_stream, "limit", None)
            if limit is None:  # no Content-Length: the record would run to the end of the file
                raise _Damaged(f"record {n} ({url}) has no valid Content-Length")
            if record.rec_type != "response":
                item: Source | Skipped | InputError = Skipped(
                    url, f"{record.format.upper()} {record.rec_type} record"
                )
            else:
                item = _response(record, url)
            it.read_to_end()  # the record must end where its Content-Length says
            if record.raw_stream.limit > 0:
                raise _Damaged(
                    f"record {n} ({url}) is cut short: the file ends "
                    f"{record.raw_stream.limit} bytes before its Content-Length says"
                )
            yield item
            done += 1
        if it.next_line:
            raise _Damaged(f"the file ends inside the header of record {n + 1}")
    except _Damaged as exc:
        raise InputError(f"{name}: damaged WARC (after {done} good records): {exc}") from exc
    except ArchiveLoadFailed as exc:
        raise InputError(f"{name}: not a readable WARC file ({exc})") from exc
    except InputError:
        raise
    except Exception as exc:  # warcio trips over malformed headers in many ways
        raise InputError(
            f"{name}: damaged WARC (after {done} good records): a record is malformed "
            f"({type(exc).__name__}: {exc})"
        ) from exc


def _response(record: Any, url: str) -> Source | Skipped | InputError:
    """A successful HTML response as a `Source` (its page rendered where it is extracted, see
    `Source`); any other response as `Skipped`; a page whose body cannot be decoded (a content
    encoding warcio cannot undo) as an `InputError` for that record alone: the archive's later
    records are still read."""
    status = record.http_headers.get_statuscode() if record.http_headers else None
    ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if status != "200":
        return Skipped(url, f"HTTP status {status}")
    if "html" not in ctype.casefold():
        return Skipped(url, f"not HTML ({ctype or 'no content type'})")
    try:
        data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    except Exception as exc:  # brotli without brotlipy (warcio #73), a corrupt gzip body, …
        return InputError(
            f"{url}: the page's body cannot be decoded ({type(exc).__name__}: {exc}); "
            "the archive's other records are read"
        )
    if len(data) > MAX_RECORD_BYTES:
        return Skipped(url, f"HTML payload over {MAX_RECORD_BYTES} bytes")
    text, diags = decode(data, html=True, content_type=ctype)
    return Source(url, text, diags, markup="html", url=url)
