"""What every reader yields (`Source`, `Skipped`) and how input bytes become text (`decode`).

Bytes are decoded as UTF-8; a UTF-16/32 byte-order mark selects that encoding; text that is not
valid UTF-8 is decoded as cp1252 (then Latin-1) and the fallback is recorded, so no document is
ever dropped. The readers (`_readers`, `_html`, `_warc`) build on this module, never the reverse.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Literal

from .._hints import Hints
from .._models import Diagnostic, DiagnosticCode, Severity


@dataclass(frozen=True)
class Source:
    """One document to extract: its id (path or URL), its text and any reading diagnostics.

    With ``markup="html"`` the text is an HTML page not rendered yet (``url`` is where it was
    read from; ``hints`` hold at most a date its record gave): the WARC and JSONL readers hand
    pages out unparsed, and each is rendered where it is extracted (`_readers.rendered`), in
    the worker process of a parallel run rather than in the reading process.
    """

    id: str
    text: str
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    hints: Hints | None = None
    char_offset: int = 0  # where this text starts in the input (chunks of huge files)
    line_offset: int = 0
    markup: Literal["text", "html"] = "text"
    url: str | None = None


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

# longest first: the UTF-32-LE mark begins with the UTF-16-LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The UTF-16/32 encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return None


_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.I
)
_UTF8_KIN = frozenset({"utf-8", "utf-8-sig", "ascii", "cp1252", "latin-1", "iso8859-1"})
"""Declared charsets the UTF-8-then-cp1252 reading already covers."""


def declared_charset(content_type: str | None, data: bytes) -> str | None:
    """The charset a page declares, as a Python codec name: its HTTP ``Content-Type``'s, else a
    ``<meta charset>`` (or ``http-equiv``) in its first 4 KB; None when undeclared or unknown."""
    found = _CHARSET_PARAM.search(content_type or "")
    names = [(found.group(1), False)] if found else []
    meta = _META_CHARSET.search(data, 0, 4096)
    if meta is not None:
        names.append((meta.group(1).decode("ascii"), True))
    for name, in_page in names:
        try:
            info = codecs.lookup(name)
        except LookupError:
            continue
        if not getattr(info, "_is_text_encoding", True):  # base64, hex, zlib, rot13…
            continue
        if in_page and not _ascii_compatible(info):
            continue  # a <meta> written in ASCII cannot name UTF-16, UTF-7 or EBCDIC (WHATWG)
        return info.name
    return None


def _ascii_compatible(info: codecs.CodecInfo) -> bool:
    """Whether a codec writes ASCII as ASCII (as every charset a page's own <meta> may name)."""
    if info.name in ("utf-7",):
        return False
    try:
        return info.encode("<meta charset=x>")[0] == b"<meta charset=x>"
    except Exception:  # a codec that cannot write these characters
        return False


def decode(
    data: bytes, *, html: bool = False, content_type: str | None = None
) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode bytes as UTF-8 (BOM tolerated), UTF-16/32 when a BOM says so, else cp1252 bytes.

    Archives often mix the two (a cp1252 quotation mark pasted into a UTF-8 page): valid UTF-8
    stays UTF-8 and only the stray bytes fall back, with a diagnostic saying where. A page that
    is not valid UTF-8 and declares another charset (``content_type``'s, or a ``<meta>`` when
    ``html``: EUC-KR, Shift_JIS, GB2312 pages of the 2000s) is read in that charset instead.
    """
    wide = bom_encoding(data[:4])
    if wide is not None:
        name, skip = wide
        try:
            return data[skip:].decode(name), ()
        except UnicodeDecodeError:
            text = data[skip:].decode(name, "replace")
        diag = Diagnostic(
            code=DiagnosticCode.DECODING_FALLBACK,
            message=f"not valid {name.upper()}; undecodable bytes replaced by U+FFFD",
            severity=Severity.WARNING,
        )
        return text, (diag,)
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        declared = declared_charset(content_type, data) if html or content_type else None
        if declared is not None and declared not in _UTF8_KIN:
            try:
                text = data.decode(declared, "replace")
            except (UnicodeError, LookupError, ValueError, TypeError):
                declared = None  # a codec that cannot read these bytes ("idna", "undefined")
        if declared is not None and declared not in _UTF8_KIN:
            note = " (undecodable bytes replaced by U+FFFD)" if "\ufffd" in text else ""
            diag = Diagnostic(
                code=DiagnosticCode.DECODING_FALLBACK,
                message=f"not valid UTF-8; read as {declared}, the charset the page declares"
                + note,
                severity=Severity.INFO if not note else Severity.WARNING,
            )
            return text, (diag,)
        text = data.decode("utf-8-sig", "citegrab-cp1252")
        diag = Diagnostic(
            code=DiagnosticCode.DECODING_FALLBACK,
            message=f"not valid UTF-8 (first bad byte at {exc.start}); such bytes read as cp1252",
            severity=Severity.WARNING,
        )
        return text, (diag,)


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes hold NULs that no text encoding we read explains."""
    return b"\x00" in head and bom_encoding(head[:4]) is None


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> tuple[str, int]:
    """Replace lone surrogates (from JSON ``"\\ud800"``) by U+FFFD; they cannot be written."""
    return _SURROGATE.subn("\ufffd", text)
