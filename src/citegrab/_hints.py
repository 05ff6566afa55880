"""Layout hints a reader may know from markup (HTML posts and <blockquote>s, a JSONL date).

Line numbers are 0-based indices into the text the reader produced. When hints are given the
extractor uses them instead of guessing post boundaries and quote extents from the plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PostHint:
    """One post as the markup delimits it."""

    first: int
    end: int  # exclusive
    title_line: int | None = None
    date_line: int | None = None
    byline_line: int | None = None
    date: str | None = None  # ISO date from markup, e.g. <time datetime="…">


@dataclass(frozen=True)
class Hints:
    """Post and quote structure known from the input format."""

    posts: tuple[PostHint, ...] = ()
    quotes: tuple[tuple[int, int], ...] = field(default=())  # inclusive line ranges
    date: str | None = None  # the document's date when it is a single post (JSONL "date")
