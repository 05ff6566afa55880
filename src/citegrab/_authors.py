"""Author normalisation: split author lists, drop "By", recognise Korean family-first order.

The canonical key is ``family|given`` casefolded with spaces and hyphens removed from the given
name, so "Jang Seulkee", "Seulkee Jang", "Kim Jong-un" and "Kim Jong Un" key consistently.
"""

from __future__ import annotations

import functools

import regex

from ._data import korean_surnames
from ._models import Author

_SPLIT = regex.compile(r"\s*(?:/|;|&|\band\b|\bwith\b|,\s*(?:and\s+)?)\s*", regex.IGNORECASE)
_BY = regex.compile(
    r"^\s*(?:(?:(?:written|reported|reporting|posted)\s+)?by|via|h/t)\b[:\s]*", regex.IGNORECASE
)
_TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’.\-]*")
_SQUASH = regex.compile(r"[\s\-‐‑’']+")
_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
    }
)
_NOT_NAME = frozenset(
    {"staff", "reporter", "reporters", "editor", "editors", "correspondent", "desk", "team",
     "news", "agency", "the", "source", "sources", "in", "of", "on", "for", "to", "at", "from"}
)  # fmt: skip


def strip_by(text: str) -> str:
    """Remove a leading "By"/"By:" and surrounding whitespace."""
    return _BY.sub("", text).strip()


def split_authors(text: str) -> list[str]:
    """Split an author slot on "/", "and", "&", ";" and commas; drop "By" and empty parts."""
    parts = [" ".join(p.split()) for p in _SPLIT.split(strip_by(text))]
    return [strip_by(p).strip(" .,:") for p in parts if p and p.strip(" .,:")]


def looks_like_name(text: str) -> bool:
    """Whether text is plausibly a personal name: 1-5 capitalised tokens, no function words."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 60:
        return False
    for tok in tokens:
        bare = tok.strip(".,")
        low = bare.casefold()
        if low in _NOT_NAME:
            return False
        if low in _PARTICLES or low.split("-")[0] in _PARTICLES:
            continue
        if not _TOKEN.fullmatch(bare) or not bare[0].isupper():
            return False
    return any(len(t.strip(".")) > 1 for t in tokens)


def _squash(text: str) -> str:
    return _SQUASH.sub("", text).casefold()


def family_first(tokens: list[str]) -> bool | None:
    """True if a romanised Korean name is written family-first, False if given-first, None if unsure."""
    surnames = korean_surnames()
    first = tokens[0].casefold().strip(".")
    last = tokens[-1].casefold().strip(".")
    first_is, last_is = first in surnames, last in surnames
    if first_is and not last_is:
        return True
    if last_is and not first_is:
        return False
    if first_is and last_is:
        # "Hyung-jin Kim": a hyphenated given name marks the other token as family
        return not ("-" in tokens[0] and "-" not in tokens[-1])
    return None


@functools.lru_cache(maxsize=65536)
def make_author(name: str) -> Author:
    """Build an `Author` with given/family parts and the canonical key (memoised: immutable)."""
    name = " ".join(name.split())
    tokens = name.split(" ")
    if len(tokens) == 1:
        return Author(name=name, family=name, order="single", key=_squash(name))
    korean = family_first(tokens)
    if korean is True:
        family, given = tokens[0], " ".join(tokens[1:])
        order = "family-first"
    else:
        family, given = tokens[-1], " ".join(tokens[:-1])
        order = "given-first"
    if korean is None:
        # Western names keep all given names in the key ("Benjamin Katzeff Silberstein").
        key = f"{_squash(family)}|{' '.join(t.casefold() for t in tokens[:-1])}"
    else:
        key = f"{_squash(family)}|{_squash(given)}"
    return Author(name=name, given=given, family=family, order=order, key=key)


def canonical_key(name: str) -> str:
    """The canonical key of a personal name (see module docstring)."""
    return make_author(name).key
