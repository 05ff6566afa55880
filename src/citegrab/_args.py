"""Argument checks for the public API: a misused call fails at the door, naming the parameter.

Without them a wrong type (``extract(None)``, ``post_date="2022-07-10"``) surfaced as an
AttributeError from deep inside the pipeline. Natural spellings are accepted rather than refused:
bytes are decoded as a text file is (UTF-8, BOM tolerated, cp1252 fallback with a diagnostic),
dates may be ISO strings or datetimes, and one path may stand where a list of paths is expected.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ._inputs._readers import decode
from ._models import Diagnostic


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def text(name: str, value: object) -> tuple[str, tuple[Diagnostic, ...]]:
    """A text argument as str (bytes are decoded) and the decoding diagnostics, if any."""
    if isinstance(value, str):
        return value, ()
    if isinstance(value, bytes | bytearray | memoryview):
        return decode(bytes(value))
    raise TypeError(f"{name} must be a str (or bytes, decoded as UTF-8), not {_kind(value)}")


def date(name: str, value: object) -> dt.date | None:
    """A date argument: a date, a datetime (its date), an ISO string, or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(s).date()
        except ValueError:
            raise ValueError(
                f"{name} must be an ISO date such as '2022-07-10', not {value!r}"
            ) from None
    raise TypeError(
        f"{name} must be a datetime.date, a datetime or an ISO date string, not {_kind(value)}"
    )


def flag(name: str, value: object) -> bool:
    """A boolean switch (a truthy string such as "no" must not silently mean True)."""
    if isinstance(value, bool):
        return value
    raise TypeError(f"{name} must be True or False, not {_kind(value)}")


def offset(name: str, value: object) -> int:
    """A non-negative integer offset."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {_kind(value)}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, not {value}")
    return value


def optional_name(name: str, value: object) -> str | None:
    """An optional identifier or name (a document id, a model name): str, a path, or None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return os.fsdecode(value)
    raise TypeError(f"{name} must be a str or None, not {_kind(value)}")


def _path(name: str, value: object) -> str | Path:
    if isinstance(value, str | Path):
        return value
    if isinstance(value, os.PathLike):
        return Path(value)
    if isinstance(value, bytes | bytearray):
        raise TypeError(
            f"{name} must be a path (str or pathlib.Path), not bytes; "
            "to extract text you hold in memory use citegrab.extract(text)"
        )
    raise TypeError(f"{name} must be a path (str or pathlib.Path), not {_kind(value)}")


def paths(name: str, value: object) -> list[str | Path]:
    """One path or an iterable of paths, as a list (each element checked)."""
    if isinstance(value, str | os.PathLike | bytes | bytearray):
        return [_path(name, value)]
    if not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a path or an iterable of paths (str or pathlib.Path), "
            f"not {_kind(value)}"
        )
    items: list[Any] = list(value)
    return [_path(f"{name}[{i}]", p) for i, p in enumerate(items)]
