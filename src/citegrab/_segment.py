"""Post segmentation: split an archive page into posts (title, date line, byline, body, end marker).

A post starts at a title line followed, after at most one blank line, by a line that is only a
date ("August 8th, 2022", "Posted on 2022-08-08"). It ends at an end-of-post marker ("Share") or
where the next post starts. Text before the first post is kept as an untitled post.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from ._authors import looks_like_name, strip_by
from ._data import load_toml
from ._dates import DATE_RE, ParsedDate, find_dates, parse_date


@dataclass(frozen=True)
class Markers:
    """Layout markers loaded from ``data/markers.toml``."""

    end_of_post: frozenset[str]
    date_line: regex.Pattern[str]
    byline: regex.Pattern[str]
    update: regex.Pattern[str]
    elisions: frozenset[str]
    figure_words: frozenset[str]


@functools.cache
def markers() -> Markers:
    """The packaged layout markers, compiled."""
    t = load_toml("markers.toml")
    prefixes = "|".join(regex.escape(p) for p in sorted(t["date_prefixes"], key=len, reverse=True))
    date_line = regex.compile(
        r"^\s*(?:(?:" + prefixes + r")\s*)?(?P<date>" + DATE_RE.pattern + r")"
        r"(?:\s*(?:,|at|@|-|–)?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
        r"(?:\s*(?:by|[-–—|])\s*(?P<by>[^\n]{2,80}?))?\s*$",
        regex.IGNORECASE | regex.VERSION1,
    )
    by = "|".join(regex.escape(p) for p in sorted(t["byline_prefixes"], key=len, reverse=True))
    byline = regex.compile(r"^\s*(?:" + by + r")\s*(?P<name>\S[^\n]{0,80}?)\s*$", regex.IGNORECASE)
    words = "|".join(regex.escape(w) for w in t["update_words"])
    update = regex.compile(
        r"^\s*[(\[]?\s*(?:" + words + r")\b[^\n:]{0,30}?(?P<date>" + DATE_RE.pattern + r")",
        regex.IGNORECASE | regex.VERSION1,
    )
    return Markers(
        end_of_post=frozenset(s.casefold() for s in t["end_of_post"]),
        date_line=date_line,
        byline=byline,
        update=update,
        elisions=frozenset(t["elisions"]),
        figure_words=frozenset(w.casefold() for w in t.get("figure_words", ())),
    )


class Lines:
    """The document's lines with their start offsets, for spans and 1-based line numbers."""

    __slots__ = ("lines", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        starts = [0]
        pos = 0
        for ln in self.lines[:-1]:
            pos += len(ln) + 1
            starts.append(pos)
        self.starts = starts

    def __len__(self) -> int:
        return len(self.lines)

    def end(self, i: int) -> int:
        """Offset one past the last character of line index ``i`` (excluding its newline)."""
        return self.starts[i] + len(self.lines[i])

    def line_of(self, offset: int) -> int:
        """0-based line index containing ``offset``."""
        import bisect

        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def blank(self, i: int) -> bool:
        return not self.lines[i].strip()

    def prev_nonblank(self, i: int, lo: int = 0) -> int:
        """Index of the last non-blank line before ``i`` (not below ``lo``), or -1."""
        j = i - 1
        while j >= lo and self.blank(j):
            j -= 1
        return j if j >= lo else -1

    def next_nonblank(self, i: int, hi: int | None = None) -> int:
        """Index of the first non-blank line after ``i`` (below ``hi``), or -1."""
        hi = len(self.lines) if hi is None else hi
        j = i + 1
        while j < hi and self.blank(j):
            j += 1
        return j if j < hi else -1


@dataclass
class PostLayout:
    """Where a post's parts are (0-based line indices, end exclusive)."""

    title_line: int | None
    title: str
    date: ParsedDate | None
    date_line: int | None
    byline: str | None
    byline_line: int | None
    body_start: int
    body_end: int
    end_marker_line: int | None
    updates: list[tuple[int, dt.date]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.title_line if self.title_line is not None else self.body_start

    @property
    def last(self) -> int:
        return self.end_marker_line if self.end_marker_line is not None else self.body_end - 1


def is_end_marker(line: str) -> bool:
    """Whether a line is an end-of-post marker such as "Share"."""
    s = line.strip()
    return 0 < len(s) <= 40 and s.casefold() in markers().end_of_post


def _date_line(line: str) -> tuple[ParsedDate, str | None] | None:
    s = line.strip()
    if not s or len(s) > 120 or not any(c.isdigit() for c in s):
        return None
    m = markers().date_line.match(s)
    if m is None:
        return None
    d = parse_date(m.group("date"))
    if d is None:
        return None
    by = m.group("by")
    return d, (strip_by(by) if by else None)


def _byline(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > 90:
        return None
    m = markers().byline.match(s)
    if m is not None:
        name = m.group("name").strip(" .")
        return name if looks_like_name(name.split(",")[0]) else None
    if looks_like_name(s) and not s.endswith((".", ":", "?", "!")) and len(s.split()) >= 2:
        return s
    return None


def segment(lines: Lines) -> list[PostLayout]:
    """Find the posts of a document. A document without date lines is one untitled post."""
    n = len(lines)
    heads: list[tuple[int, int, ParsedDate, str | None]] = []  # title idx, date idx, date, by
    has_markers = any(is_end_marker(ln) for ln in lines.lines)
    for i, ln in enumerate(lines.lines):
        if not ln or not ln[0:1].strip() and not ln.strip():
            continue
        found = _date_line(ln)
        if found is None:
            continue
        t = lines.prev_nonblank(i)
        if t < 0 or i - t > 2 or len(lines.lines[t].strip()) > 300 or is_end_marker(lines.lines[t]):
            continue
        before = lines.prev_nonblank(t)
        if has_markers and before >= 0 and not is_end_marker(lines.lines[before]) and heads:
            continue  # a dateline inside a post body, not a new post
        if before >= 0 and _date_line(lines.lines[t]) is not None:
            continue
        heads.append((t, i, found[0], found[1]))
    posts: list[PostLayout] = []
    if not heads:
        start = lines.next_nonblank(-1)
        if start < 0:
            return []
        posts.append(_layout(lines, None, None, None, None, start, n))
        return posts
    first_title = heads[0][0]
    if lines.next_nonblank(-1, first_title) >= 0:
        posts.append(_layout(lines, None, None, None, None, lines.next_nonblank(-1), first_title))
    for k, (t, d, date, by) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else n
        posts.append(_layout(lines, t, d, date, by, d + 1, end))
    return posts


def _layout(
    lines: Lines,
    title_line: int | None,
    date_line: int | None,
    date: ParsedDate | None,
    by: str | None,
    start: int,
    end: int,
) -> PostLayout:
    byline_line = None
    if by is None and date_line is not None:
        nb = lines.next_nonblank(date_line, end)
        if nb >= 0:
            by = _byline(lines.lines[nb])
            if by is not None:
                byline_line = nb
                start = nb + 1
    elif by is not None:
        byline_line = date_line
    # the last end marker before the next post closes this one
    marker = None
    j = lines.prev_nonblank(end, start)
    while j >= start:
        if is_end_marker(lines.lines[j]):
            marker = j
            break
        if lines.lines[j].strip():
            break
        j -= 1
    body_end = marker if marker is not None else end
    title = lines.lines[title_line].strip() if title_line is not None else ""
    layout = PostLayout(title_line, title, date, date_line, by, byline_line, start, body_end, marker)
    ref = date.value if date else None
    upd = markers().update
    for i in range(start, body_end):
        ln = lines.lines[i]
        if ln and ln.lstrip()[:1] in "UuEeAaPp([" and (m := upd.match(ln)) is not None:
            found = find_dates(m.group("date"), ref)
            if found and found[0].value is not None:
                layout.updates.append((i, found[0].value))
    return layout
