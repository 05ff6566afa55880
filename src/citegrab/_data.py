"""Loading of packaged data tables (TOML) so that rules live in data, not in code."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from ._errors import RegistryError


def load_toml(source: str | Path) -> dict[str, Any]:
    """Read a TOML table from a packaged data name (``"outlets.toml"``) or a filesystem path."""
    try:
        if isinstance(source, Path) or "/" in source or "\\" in source:
            text = Path(source).read_text(encoding="utf-8")
        else:
            text = resources.files("citegrab.data").joinpath(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"cannot read data file {source!s}: {exc}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"data file {source!s} is not valid TOML: {exc}") from exc


@functools.cache
def korean_surnames() -> frozenset[str]:
    """Romanised Korean family names, casefolded."""
    return frozenset(s.casefold() for s in load_toml("names.toml")["surnames"])


@functools.cache
def ambiguous_surnames() -> frozenset[str]:
    """Surnames that are also English words (need stronger evidence to start a name)."""
    return frozenset(s.casefold() for s in load_toml("names.toml").get("ambiguous_surnames", []))


@functools.cache
def not_given_names() -> frozenset[str]:
    """Capitalised words never read as Korean given names."""
    return frozenset(load_toml("names.toml").get("not_given_names", []))


@functools.cache
def headline_verbs() -> frozenset[str]:
    """Verbs of Title Case headlines ("Inspects", "Visits"): ner.toml's table, casefolded."""
    return frozenset(w.casefold() for w in load_toml("ner.toml").get("headline_verbs", []))
