"""Layout hints a reader may know from markup (HTML posts and <blockquote>s, a page's date).

Line numbers are 0-based indices into the text the reader produced. When hints are given the
extractor uses them instead of guessing post boundaries and quote extents from the plain text.
Dates are ISO strings with the source that gave them (see `DateSource`), so a post can say where
its date came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

DateSource = Literal["date-line", "time-element", "meta", "json-ld", "url", "record", "title"]
"""Where a post date came from: a date line in the text, an HTML ``<time datetime>``, a page
``<meta>`` tag, JSON-LD ``datePublished``, a ``/YYYY/MM/DD/`` URL, or the input record's field."""


@dataclass(frozen=True)
class PostHint:
    """One post as the markup delimits it."""

    first: int
    end: int  # exclusive
    title_line: int | None = None
    date_line: int | None = None
    byline_line: int | None = None
    date: str | None = None  # ISO date from markup, e.g. <time datetime="…">
    date_source: DateSource | None = None


@dataclass(frozen=True)
class Hints:
    """Post and quote structure known from the input format."""

    posts: tuple[PostHint, ...] = ()
    quotes: tuple[tuple[int, int], ...] = field(default=())  # inclusive line ranges
    date: str | None = None  # the document's date when it is a single post (JSONL "date")
    date_source: DateSource | None = None
    links: tuple[tuple[int, int, str], ...] = field(default=())
    """A paragraph's first and last line (inclusive) and the one web link it holds: the address
    of a citation found on those lines (its ``url``), when the text does not give one."""


_ISO = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|[?#.])")


def _ymd(m: re.Match[str] | None) -> str | None:
    """YYYY-MM-DD from a match whose groups 1-3 are year, month and day; None if no real date."""
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """A machine-readable date value ("2022-07-08T09:00+09:00", "2022/7/8") as YYYY-MM-DD."""
    if not isinstance(value, str):
        return None
    return _ymd(_ISO.match(value))


def url_date(url: object) -> str | None:
    """The post date in a permalink such as ``/2008/03/14/slug/`` (a month archive has none)."""
    if not isinstance(url, str) or len(url) > 4096:
        return None
    return _ymd(_URL_DATE.search(url))
