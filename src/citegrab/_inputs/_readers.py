"""Reading inputs: text, HTML, WARC and JSONL files, directories (recursive) and standard input.

Each input yields `Source` records (one per document; a WARC or JSONL file holds many), and
`Skipped` records for what is deliberately not extracted (a WARC's images, redirects, 404s), so
every input is accounted for; `read` turns an input that cannot be read into an `InputError`
item and goes on. A file is opened once: pipes (``-``, ``/dev/stdin``, ``<(cat file)``) and FIFOs
are read as streams, the bytes sniffed for the type kept. Decoding is in `_source`, HTML in
`_html`, WARC in `_warc`.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .._errors import CitegrabError, InputError
from .._hints import DateSource, Hints, PostHint, url_date
from .._models import Diagnostic, DiagnosticCode, Severity
from ._source import Skipped, Source, bom_encoding, decode, looks_binary, scrub_surrogates

__all__ = [
    "CHUNK_BYTES",
    "INPUT_SUFFIXES",
    "Skipped",
    "Source",
    "decode",
    "html_source",
    "iter_paths",
    "read",
    "read_jsonl",
    "read_path",
    "read_text_chunks",
    "rendered",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CHUNK_BYTES = 4 * 1024 * 1024
"""Text inputs larger than this are streamed in chunks cut at post boundaries (bounded memory)."""
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".warc", ".gz", ".arc"}
HEAD_BYTES = 4096


def iter_paths(
    paths: Iterable[str | Path], *, exclude: Iterable[str | Path] = ()
) -> Iterator[str | Path]:
    """Expand directories recursively (sorted, input files only); keep files and "-" as given.

    Files named in ``exclude`` (e.g. the run's own output) are passed over inside directories. A
    subdirectory that cannot be listed is yielded as itself, so that reading it reports the error.
    """
    skip = {os.path.realpath(p) for p in exclude}
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        try:
            is_dir = str(p) != "" and path.is_dir()
        except OSError:  # e.g. a path inside a directory we may not enter: reading reports it
            is_dir = False
        if is_dir:
            yield from _walk(path, skip)
        else:
            yield p


def _walk(root: Path, skip: set[str]) -> Iterator[Path]:
    """Input files under ``root`` in sorted order; unlistable directories yielded as themselves."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue  # a symlink loop
            seen.add((st.st_dev, st.st_ino))
            real = os.path.realpath(d)
            with os.scandir(d) as entries:
                for e in entries:
                    try:
                        if e.is_dir():
                            stack.append(d / e.name)
                        elif (
                            e.is_file()
                            and Path(e.name).suffix.casefold() in INPUT_SUFFIXES
                            and (not skip or os.path.join(real, e.name) not in skip)
                        ):
                            found.append(d / e.name)
                    except OSError:
                        found.append(d / e.name)  # reading it will say what is wrong
        except OSError:
            found.append(d)  # reading it reports that it cannot be listed
    yield from sorted(found)


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
    wide = bom_encoding(head[:4])
    if wide is not None:
        head = head[wide[1] :].decode(wide[0], "ignore").encode("ascii", "ignore")
    sniff = head.lstrip()[:64].lower()
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def html_source(
    doc_id: str, html: str, diags: tuple[Diagnostic, ...] = (), url: str | None = None
) -> Source:
    """A `Source` from an HTML page (rendered to text, with post and quote hints)."""
    from ._html import html_source as _html_source

    return _html_source(doc_id, html, diags, url=url)


def rendered(src: Source) -> Source:
    """The source as text: an HTML page a reader handed out unparsed is rendered now (its posts
    and quote hints included); a text source is returned as it is.

    The hints of an unrendered page carry only a date its record gave (a JSONL ``"date"``):
    it dates the page's single post when the page's own markup states none.
    """
    if src.markup != "html":
        return src
    page = html_source(src.id, src.text, src.diagnostics, url=src.url)
    if src.hints is None or src.hints.date is None or src.hints.date_source is None:
        return page
    hints = _with_date(page.hints or Hints(), (src.hints.date, src.hints.date_source))
    return Source(page.id, page.text, page.diagnostics, hints)


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff its type): they come first."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def read_path(path: str | Path, *, whole: bool = False) -> Iterator[Source | Skipped | InputError]:
    """Read one input (a file, a pipe or "-") into sources; a WARC or JSONL file yields many
    (a WARC record whose page cannot be decoded comes as an `InputError` value among them).

    A text input larger than `CHUNK_BYTES` (read at call time) comes as several chunks, each
    with the offsets that place it in the whole input; ``whole=True`` reads it as one `Source`.
    """
    chunk_bytes = None if whole else CHUNK_BYTES
    name = str(path)
    if name == "-":
        yield from _read_stream(sys.stdin.buffer, "-", None, chunk_bytes)
        return
    if name == "":
        raise InputError(
            "empty path: name a file, or pass a directory to citegrab.iter_documents()"
        )
    p = Path(path)
    try:
        fh = p.open("rb")
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {name}") from exc
    except IsADirectoryError as exc:
        try:
            with os.scandir(p):
                pass
        except OSError as inner:
            raise InputError(f"cannot list directory {name}: {inner.strerror or inner}") from inner
        raise InputError(
            f"{name} is a directory; pass it to citegrab.iter_documents() to read the files in it"
        ) from exc
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    try:
        with fh:
            mode = os.fstat(fh.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(f"{name} is a directory; pass it to citegrab.iter_documents()")
            size = os.fstat(fh.fileno()).st_size if stat.S_ISREG(mode) else None
            yield from _read_stream(fh, name, size, chunk_bytes)
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from exc


def _read_stream(
    fh: IO[bytes], name: str, size: int | None, chunk_bytes: int | None
) -> Iterator[Source | Skipped | InputError]:
    """Sniff the first bytes, then read the rest of the same stream (nothing is read twice)."""
    head = _read_head(fh)
    stream: IO[bytes] = io.BufferedReader(_Prefixed(head, fh), 1 << 16)
    kind = _kind(name, head)
    if kind == "warc":
        from ._warc import read_warc_stream

        yield from read_warc_stream(stream, name)
        return
    if kind == "jsonl":
        if bom_encoding(head[:4]) is not None:  # UTF-16/32 lines are not cut at b"\n"
            text, _ = decode(stream.read())
            yield from _jsonl_lines(name, (line.encode("utf-8") for line in text.split("\n")))
            return
        yield from _jsonl_lines(name, stream)
        return
    if looks_binary(head):
        raise InputError(f"{name} looks binary (NUL bytes); expected text, HTML, WARC or JSONL")
    if (
        kind == "text"
        and chunk_bytes is not None
        and (size is None or size > chunk_bytes)
        and bom_encoding(head[:4]) is None  # UTF-16/32 lines are not cut at b"\n"
    ):
        yield from _text_chunks(stream, name, chunk_bytes)
        return
    text, diags = decode(stream.read(), html=kind == "html")
    if kind == "html":
        yield html_source(name, text, diags, url=None)
    else:
        yield Source(name, text, diags)


def _read_head(fh: IO[bytes]) -> bytes:
    """Up to HEAD_BYTES from a stream, however many reads a pipe needs to deliver them."""
    parts: list[bytes] = []
    held = 0
    while held < HEAD_BYTES:
        chunk = fh.read(HEAD_BYTES - held)
        if not chunk:
            break
        parts.append(chunk)
        held += len(chunk)
    return b"".join(parts)


def read_text_chunks(path: Path, size: int) -> Iterator[Source]:
    """A huge text file as consecutive chunks, each cut after an end-of-post line when possible.

    A chunk ends at the first "Share"-style line once it holds ``size`` bytes, else at a blank
    line past twice that, else at any line past four times that; its `Source` carries the
    offsets that place it in the file, so spans and line numbers refer to the whole file.
    """
    with path.open("rb") as fh:
        yield from _text_chunks(fh, str(path), size)


def _text_chunks(fh: IO[bytes], name: str, size: int) -> Iterator[Source]:
    from .._segment import is_end_marker

    char_offset = line_offset = 0
    buf: list[bytes] = []
    held = 0

    def emit() -> Source:
        nonlocal char_offset, line_offset, held
        data = b"".join(buf)
        text, diags = decode(data)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        src = Source(name, text, diags, None, char_offset, line_offset)
        char_offset += len(text)
        line_offset += text.count("\n")  # lone CRs end lines too (read as "\n" above)
        buf.clear()
        held = 0
        return src

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
    if buf or char_offset == 0:
        yield emit()


def _from_bytes(
    doc_id: str, data: bytes, kind: str | None = None
) -> Iterator[Source | Skipped | InputError]:
    """Sources from bytes already in memory (as if read from a file named ``doc_id``)."""
    del kind  # sniffed from the name and the bytes
    yield from _read_stream(io.BytesIO(data), doc_id, len(data), None)


def read_jsonl(path: Path) -> Iterator[Source | Skipped]:
    """Objects with "text" or "html", optional "url"/"id" and "date", one per line (streamed)."""
    with path.open("rb") as fh:
        yield from _jsonl_lines(str(path), fh)


_LONE_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _jsonl_lines(name: str, lines: Iterable[bytes]) -> Iterator[Source | Skipped]:
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
        except RecursionError:
            yield Skipped(doc_id, "invalid JSON (nested too deeply to read)")
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits (Python's limit)
            yield Skipped(doc_id, f"unreadable JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            yield Skipped(doc_id, "not a JSON object")
            continue
        if _LONE_SURROGATE.search(raw):
            obj, fixed = _scrub(obj)
            if fixed:
                diags += (
                    Diagnostic(
                        code=DiagnosticCode.DECODING_FALLBACK,
                        message=f"{fixed} lone surrogate escape(s) (e.g. \\ud800) replaced "
                        "by U+FFFD",
                        severity=Severity.WARNING,
                    ),
                )
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        doc_id = str(obj.get("url") or obj.get("id") or doc_id)
        date = obj.get("date")
        given: tuple[str, DateSource] | None = None
        if date:
            given = (str(date), "record")
        elif (from_url := url_date(url)) is not None:
            given = (from_url, "url")
        html = obj.get("html")
        if isinstance(html, str) and (html.strip() or not isinstance(obj.get("text"), str)):
            # (an empty "html" beside a "text" leaves the text to be read)
            # rendered where it is extracted (see `rendered`), with the record's own date,
            # which outranks the page's
            record = Hints(date=given[0], date_source=given[1]) if given and date else None
            yield Source(doc_id, obj["html"], diags, record, markup="html", url=url)
        elif isinstance(obj.get("text"), str):
            hints_ = Hints(date=given[0], date_source=given[1]) if given else None
            yield Source(doc_id, obj["text"], diags, hints_)
        else:
            yield Skipped(doc_id, 'no "text" or "html" field')


def _with_date(hints: Hints, given: tuple[str, DateSource]) -> Hints:
    """Hints whose single post (or whole document) takes the given date when it states none."""
    if not hints.posts:
        return Hints(hints.posts, hints.quotes, date=given[0], date_source=given[1])
    if len(hints.posts) == 1 and hints.posts[0].date_source in (None, "url"):
        h = hints.posts[0]
        post = PostHint(
            h.first, h.end, h.title_line, h.date_line, h.byline_line, given[0], given[1]
        )
        return Hints((post,), hints.quotes, hints.date, hints.date_source)
    return hints


def _scrub(obj: Any) -> tuple[Any, int]:
    """``obj`` with lone surrogates replaced in its strings, and how many were replaced."""
    if isinstance(obj, str):
        return scrub_surrogates(obj)
    if isinstance(obj, dict):
        total = 0
        out = {}
        for k, v in obj.items():
            out[k], n = _scrub(v) if isinstance(v, str | dict) else (v, 0)
            total += n
        return out, total
    return obj, 0


def read(
    paths: Iterable[str | Path], *, exclude: Iterable[str | Path] = ()
) -> Iterator[Source | Skipped | InputError]:
    """Every source under the given paths; unreadable inputs come back as `InputError` values.

    ``exclude`` names files to pass over when scanning directories (the run's own output).
    """
    for p in iter_paths(paths, exclude=exclude):
        try:
            yield from read_path(p)
        except InputError as exc:
            exc.path = str(p)  # type: ignore[attr-defined]
            yield exc
        except CitegrabError as exc:  # e.g. a missing optional package: this input only
            err = InputError(f"{p!s}: {exc.message}")
            err.path = str(p)  # type: ignore[attr-defined]
            yield err
        except OSError as exc:
            err = InputError(f"cannot read {p!s}: {exc.strerror or exc}")
            err.path = str(p)  # type: ignore[attr-defined]
            yield err
