"""Reading inputs: files, directories (recursive) and standard input, decoded defensively.

Each input yields `Source` records. Bytes are decoded as UTF-8; text that is not valid UTF-8 is
decoded as cp1252 (then Latin-1) and the fallback is recorded, so no document is ever dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ._errors import InputError
from ._models import Diagnostic, DiagnosticCode, Severity

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})


@dataclass(frozen=True)
class Source:
    """One document to extract: its id (path or URL), its text and any reading diagnostics."""

    id: str
    text: str
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def decode(data: bytes) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode bytes as UTF-8 (BOM tolerated), falling back to cp1252/Latin-1 with a diagnostic."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
        diag = Diagnostic(
            code=DiagnosticCode.DECODING_FALLBACK,
            message=f"not valid UTF-8 (first bad byte at {exc.start}); decoded as {enc}",
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
                if child.is_file() and child.suffix.casefold() in TEXT_SUFFIXES:
                    yield child
        else:
            yield p


def read_path(path: str | Path) -> Iterator[Source]:
    """Read one input (a file or "-") into sources."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        text, diags = decode(data)
        yield Source("-", text, diags)
        return
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {path!s}") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path!s} is a directory; pass it to iter_paths()") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path!s}: {exc.strerror or exc}") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path!s} looks binary (NUL bytes); expected text")
    text, diags = decode(data)
    yield Source(str(path), text, diags)


def read(paths: Iterable[str | Path]) -> Iterator[Source | InputError]:
    """Every source under the given paths; unreadable inputs come back as `InputError` values."""
    for p in iter_paths(paths):
        try:
            yield from read_path(p)
        except InputError as exc:
            exc.path = str(p)  # type: ignore[attr-defined]
            yield exc
