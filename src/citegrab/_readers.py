"""Reading inputs: text, HTML, WARC and JSONL files, directories (recursive) and standard input.

Each input yields `Source` records (one per document; a WARC or JSONL file holds many), and
`Skipped` records for what is deliberately not extracted (a WARC's images, redirects, 404s), so
every input is accounted for. Bytes are decoded as UTF-8; text that is not valid UTF-8 is decoded
as cp1252 (then Latin-1) and the fallback is recorded, so no document is ever dropped.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ._errors import InputError
from ._hints import Hints
from ._models import Diagnostic, DiagnosticCode, Severity

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CHUNK_BYTES = 4 * 1024 * 1024
"""Text files larger than this are read in chunks cut at post boundaries (bounded memory)."""
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".warc", ".gz", ".arc"}


@dataclass(frozen=True)
class Source:
    """One document to extract: its id (path or URL), its text and any reading diagnostics."""

    id: str
    text: str
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    hints: Hints | None = None
    char_offset: int = 0  # where this text starts in the input (chunks of huge files)
    line_offset: int = 0


@dataclass(frozen=True)
class Skipped:
    """An input record deliberately not extracted (e.g. an image in a WARC), with the reason."""

    id: str
    reason: str


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each byte UTF-8 could not decode as cp1252 (else Latin-1)."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), exc.end


codecs.register_error("citegrab-cp1252", _cp1252_bytes)


def decode(data: bytes) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode bytes as UTF-8 (BOM tolerated); bytes that are not UTF-8 are read as cp1252.

    Archives often mix the two (a cp1252 quotation mark pasted into a UTF-8 page): valid UTF-8
    stays UTF-8 and only the stray bytes fall back, with a diagnostic saying where.
    """
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", "citegrab-cp1252")
        diag = Diagnostic(
            code=DiagnosticCode.DECODING_FALLBACK,
            message=f"not valid UTF-8 (first bad byte at {exc.start}); such bytes read as cp1252",
            severity=Severity.WARNING,
        )
        return text, (diag,)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    """Expand directories recursively (sorted, text files only); keep files and "-" as given."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.casefold() in INPUT_SUFFIXES:
                    yield child
        else:
            yield p


def _kind(name: str, head: bytes) -> str:
    low = name.casefold()
    if low.endswith(WARC_SUFFIXES) or head.startswith(b"WARC/"):
        return "warc"
    if head[:2] == b"\x1f\x8b":  # gzip: a compressed WARC is the only gzip input we read
        return "warc"
    suffix = Path(low).suffix
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    sniff = head.lstrip()[:64].lower()
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def html_source(doc_id: str, html: str, diags: tuple[Diagnostic, ...] = ()) -> Source:
    """A `Source` from an HTML page (rendered to text, with post and quote hints)."""
    from ._html import html_to_text

    text, hints = html_to_text(html)
    return Source(doc_id, text, diags, hints)


def read_path(path: str | Path) -> Iterator[Source | Skipped]:
    """Read one input (a file or "-") into sources; a WARC or JSONL file yields many."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        yield from _from_bytes("-", data)
        return
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {path!s}") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path!s} is a directory; pass it to iter_paths()") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path!s}: {exc.strerror or exc}") from exc
    kind = _kind(str(path), head)
    if kind == "warc":
        from ._warc import read_warc

        yield from read_warc(p)
        return
    if kind == "jsonl":
        yield from read_jsonl(p)
        return
    if kind == "text" and p.stat().st_size > CHUNK_BYTES:
        yield from read_text_chunks(p, CHUNK_BYTES)
        return
    yield from _from_bytes(str(path), p.read_bytes(), kind)


def read_text_chunks(path: Path, size: int) -> Iterator[Source]:
    """A huge text file as consecutive chunks, each cut after an end-of-post line when possible.

    A chunk ends at the first "Share"-style line once it holds ``size`` bytes, else at a blank
    line past twice that, else at any line past four times that; its `Source` carries the
    offsets that place it in the file, so spans and line numbers refer to the whole file.
    """
    from ._segment import is_end_marker

    char_offset = line_offset = 0
    buf: list[bytes] = []
    held = 0

    def emit() -> Source:
        nonlocal char_offset, line_offset, held
        data = b"".join(buf)
        text, diags = decode(data)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        src = Source(str(path), text, diags, None, char_offset, line_offset)
        char_offset += len(text)
        line_offset += data.count(b"\n")
        buf.clear()
        held = 0
        return src

    with path.open("rb") as fh:
        for raw in fh:
            buf.append(raw)
            held += len(raw)
            if held < size:
                continue
            stripped = raw.strip()
            if (
                (len(stripped) <= 40 and is_end_marker(stripped.decode("utf-8", "replace")))
                or (held >= 2 * size and not stripped)
                or held >= 4 * size
            ):
                yield emit()
    if buf:
        yield emit()


def _from_bytes(doc_id: str, data: bytes, kind: str | None = None) -> Iterator[Source | Skipped]:
    kind = kind or _kind(doc_id, data[:4096])
    if kind == "warc":
        import io

        from ._warc import read_warc_stream

        yield from read_warc_stream(io.BytesIO(data), doc_id)
        return
    if kind == "jsonl":
        yield from _jsonl_lines(doc_id, iter(data.splitlines()))
        return
    if b"\x00" in data[:8192]:
        raise InputError(f"{doc_id} looks binary (NUL bytes); expected text, HTML, WARC or JSONL")
    text, diags = decode(data)
    if kind == "html":
        yield html_source(doc_id, text, diags)
    else:
        yield Source(doc_id, text, diags)


def read_jsonl(path: Path) -> Iterator[Source | Skipped]:
    """Objects with "text" or "html", optional "url"/"id" and "date", one per line (streamed)."""
    with path.open("rb") as fh:
        yield from _jsonl_lines(str(path), fh)


def _jsonl_lines(name: str, lines: Iterator[bytes]) -> Iterator[Source | Skipped]:
    import json

    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        text, diags = decode(raw)
        doc_id = f"{name}:{n}"
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Skipped(doc_id, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Skipped(doc_id, "not a JSON object")
            continue
        doc_id = str(obj.get("url") or obj.get("id") or doc_id)
        date = obj.get("date")
        if isinstance(obj.get("html"), str):
            src = html_source(doc_id, obj["html"], diags)
            hints = src.hints or Hints()
            if date and not hints.posts:
                hints = Hints(posts=hints.posts, quotes=hints.quotes, date=str(date))
            yield Source(src.id, src.text, src.diagnostics, hints)
        elif isinstance(obj.get("text"), str):
            yield Source(doc_id, obj["text"], diags, Hints(date=str(date)) if date else None)
        else:
            yield Skipped(doc_id, 'no "text" or "html" field')


def read(paths: Iterable[str | Path]) -> Iterator[Source | Skipped | InputError]:
    """Every source under the given paths; unreadable inputs come back as `InputError` values."""
    for p in iter_paths(paths):
        try:
            yield from read_path(p)
        except InputError as exc:
            exc.path = str(p)  # type: ignore[attr-defined]
            yield exc
