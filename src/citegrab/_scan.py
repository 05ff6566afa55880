"""The find stage: a few C-speed regex passes that mark the lines later stages look at.

Like eyecite, citegrab looks for cheap literal cues first (a line opening with "(" or "Source", a
line ending in a colon, an end-of-post marker, a short dated line) and runs the full grammars
only on those lines, so the parse path costs a handful of scans over the text plus work
proportional to the number of candidates, never a Python loop over every line. The block labels
and update words come from the one cue table (``citegrab._cues``, data/cues.toml), compiled once
into both these literal tests and the grammars, so the two never drift apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ._cues import cues

_ENDS_IN_DATE = re.compile(r"\d\W{0,3}$")


_MARKUP = " \t\u00a0>*_"


def content_start(line: str) -> int:
    """Index where a line's content starts after indentation and plain-text markup: Markdown
    quote markers ("> ") and emphasis ("*", "_") around a citation line."""
    i = 0
    n = len(line)
    while i < n and line[i] in _MARKUP:
        i += 1
    return i


def content(line: str) -> str:
    """The line without leading indentation/markup and trailing whitespace/emphasis."""
    return line[content_start(line) :].rstrip(" \t\u00a0*_")


def quote_marked_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of Markdown-quoted lines ("> …"), blank lines inside a run allowed (0-based, inclusive)."""
    blocks: list[tuple[int, int]] = []
    start = last = -1
    for i, ln in enumerate(lines):
        s = ln.lstrip(" \t")
        if s.startswith(">"):
            if start < 0:
                start = i
            last = i
        elif s.strip() and start >= 0:
            blocks.append((start, last))
            start = -1
    if start >= 0:
        blocks.append((start, last))
    return blocks


class Lines:
    """The document's lines with their start offsets (built with C-level loops only)."""

    __slots__ = ("char_base", "line_base", "lines", "starts", "text")

    def __init__(self, text: str, char_base: int = 0, line_base: int = 0) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0, *accumulate(map((1).__add__, map(len, self.lines[:-1])))]
        # where this text sits in a larger input (a chunk of a huge file): added to every
        # offset and line number reported outward
        self.char_base = char_base
        self.line_base = line_base

    def lineno(self, i: int) -> int:
        """The 1-based line number, in the whole input, of line index ``i``."""
        return i + 1 + self.line_base

    def __len__(self) -> int:
        return len(self.lines)

    def end(self, i: int) -> int:
        """Offset one past the last character of line ``i`` (excluding its newline)."""
        return self.starts[i] + len(self.lines[i])

    def line_of(self, offset: int) -> int:
        """0-based index of the line containing ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def blank(self, i: int) -> bool:
        """Whether line ``i`` holds only whitespace."""
        ln = self.lines[i]
        return not ln or ln.isspace()  # no stripped copy made

    def prev_nonblank(self, i: int, lo: int = 0) -> int:
        """Index of the last non-blank line before ``i`` (not below ``lo``), or -1."""
        lines = self.lines
        j = i - 1
        while j >= lo and (not lines[j] or lines[j].isspace()):
            j -= 1
        return j if j >= lo else -1

    def next_nonblank(self, i: int, hi: int | None = None) -> int:
        """Index of the first non-blank line after ``i`` (below ``hi``), or -1."""
        lines = self.lines
        hi = len(lines) if hi is None else hi
        j = i + 1
        while j < hi and (not lines[j] or lines[j].isspace()):
            j += 1
        return j if j < hi else -1


@dataclass
class Scan:
    """Candidate line indices of each kind, sorted."""

    cite: list[int] = field(default_factory=list)
    update: list[int] = field(default_factory=list)
    date: list[int] = field(default_factory=list)
    colon: list[int] = field(default_factory=list)
    short: list[int] = field(default_factory=list)

    @staticmethod
    def between(items: list[int], lo: int, hi: int) -> list[int]:
        """The items in ``[lo, hi)``."""
        return items[bisect_left(items, lo) : bisect_left(items, hi)]


_CITE_OPEN = frozenset('([“"‘')
_DATE_OPEN = frozenset("0123456789JFMASONDjfmasondTWtwPpEeBb")
_DATE_WORD = re.compile(
    r"^(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|posted|published|dated|date\s*:|on\s|by\b))"
)
_INLINE = re.compile(r"[(\[][ \t]*[Ss]ources?[ \t]*[:：]")
_ITEM_OPEN = frozenset("-•–—0123456789")
_LIST_MARK = re.compile(r"(?:[-•–—]|\d{1,2}[.)])[ \t]")


def scan(lines: Lines) -> Scan:
    """Mark candidate lines: citation openers, update and date lines, lead-ins, short lines.

    One Python pass over the lines using only C-level string operations per line (first
    character, last character, length, substring tests); the regexes run on the few lines
    whose cheap cue fired.
    """
    out = Scan()
    cite, date, colon, short, update = out.cite, out.date, out.colon, out.short, out.update
    c = cues()
    label_first, label_prefixes, label_re = c.label_first, c.label_prefixes, c.label_re
    label_first1 = frozenset(p[0] for p in label_first)
    update_first, update_re = c.update_first, c.update_re
    for i, ln in enumerate(lines.lines):
        if not ln:
            continue
        first = ln[0]
        if first in _MARKUP:
            ln = content(ln)
            if not ln:
                continue
            first = ln[0]
        last = ln[-1]
        if last in " \t\u00a0\r":
            ln = ln.rstrip()
            if not ln:
                continue  # a line of white space only (after a vertical tab, say)
            last = ln[-1]
        n = len(ln)
        if n <= 40:
            short.append(i)
        if last == ":" or last == "：":
            colon.append(i)
        if first in _CITE_OPEN:
            # a quoted speech paragraph or "[…]" is a citation only if it ends like one
            if first == "(" or _ENDS_IN_DATE.search(ln) or ("ource" in ln and _INLINE.search(ln)):
                # (dash-led sign-off lines "— Name, “Title,” Outlet, Date" end in a date too)
                cite.append(i)
                if first in update_first and update_re.match(ln):
                    update.append(i)
                continue
        elif (
            first in label_first1
            and ln[:4] in label_first
            and ln[:40].casefold().startswith(label_prefixes)
            and label_re.match(ln)
        ):
            cite.append(i)  # a block label from the cue table ("Read the full story here:")
            continue
        if first in update_first and update_re.match(ln):
            update.append(i)
        elif first in _ITEM_OPEN and _ENDS_IN_DATE.search(ln) and _LIST_MARK.match(ln):
            cite.append(i)  # "- “Title,” Outlet, 9/30/2011", "2. Author, “Title,” 2011"
            continue
        if n <= 120 and first in _DATE_OPEN and _DATE_WORD.match(ln):
            date.append(i)
        if "ource" in ln and _INLINE.search(ln):
            cite.append(i)
        elif (", “" in ln or ",“" in ln or ', "' in ln) and _ENDS_IN_DATE.search(ln):
            cite.append(i)  # "Name, “Title,” Outlet, 8/7/22" lines end in a date
    return out
