"""The find stage: a few C-speed regex passes that mark the lines later stages look at.

Like eyecite, citegrab looks for cheap literal cues first (a line opening with "(" or "Source", a
line ending in a colon, an end-of-post marker, a short dated line) and runs the full grammars
only on those lines, so the parse path costs a handful of scans over the text plus work
proportional to the number of candidates, never a Python loop over every line: the scan's own
regexes (each opening with a literal, so the engine skips ahead at C speed) pick a superset of
the lines a cue may fire on, and only those are read one by one. The block labels
and update words come from the one cue table (``citegrab._cues``, data/cues.toml), compiled once
into both these literal tests and the grammars, so the two never drift apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add

from ._cues import cues

_ENDS_IN_DATE = re.compile(r"[\d日일면]\W{0,3}$")  # (日, 일: "2013年3月4日", "2013년 3월 4일";
# 면, a Korean page locator after the date: "…, 2021년 9월 11일, 2면.")


_MARKUP = " \t\u00a0>*_"


def content_start(line: str) -> int:
    """Index where a line's content starts after indentation and plain-text markup: Markdown
    quote markers ("> ") and emphasis ("*", "_") around a citation line."""
    return len(line) - len(line.lstrip(_MARKUP))  # (no copy when there is nothing to strip)


def content(line: str) -> str:
    """The line without leading indentation/markup and trailing whitespace/emphasis."""
    return line.lstrip(_MARKUP).rstrip(" \t\u00a0*_")


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
        # each line's start: the sum of the lengths (and newlines) before it, in one C-level
        # pass (the sum past the last line is dropped)
        self.starts: list[int] = list(
            accumulate(map(add, map(len, self.lines), repeat(1)), initial=0)
        )
        self.starts.pop()
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
        """Whether line ``i`` holds only whitespace (past the last line there is no text)."""
        try:
            ln = self.lines[i]
        except IndexError:
            return True
        return not ln or ln.isspace()  # no stripped copy made

    def dense(self, lo: int, hi: int) -> bool:
        """Whether lines ``lo..hi-1`` (three or more) hold no empty line: one paragraph a line,
        as archivers copying HTML write posts (one C-speed search, no walk over the lines)."""
        if hi - lo < 3 or hi > len(self.lines):
            return False
        return self.text.find("\n\n", self.starts[lo], self.end(hi - 1)) < 0

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
    dashed: list[int] = field(default_factory=list)
    """Lines with a closing parenthesis and a dash ("SEOUL, May 3 (Yonhap) --"): where a wire
    dateline may open a story."""
    barred: list[int] = field(default_factory=list)
    """Lines of at most 60 characters holding " | " and ending in a digit ("Global Times |
    2012-12-28 0:34:06"): an outlet and a date between bars."""
    opening: list[int] = field(default_factory=list)
    """Lines opening like a date line (a digit, a month or weekday, "Posted"), at any length:
    where a post date run into the first sentence ("May 8th, 2009Chris Green …") may be."""

    @staticmethod
    def between(items: list[int], lo: int, hi: int) -> list[int]:
        """The items in ``[lo, hi)``."""
        return items[bisect_left(items, lo) : bisect_left(items, hi)]


_PAREN_DASH = re.compile(r"\)[ \t]*[-—–]")  # the literal test before a wire dateline
_CITE_OPEN = frozenset(
    '([“"‘«‹„「『'
)  # (「『: a Japanese title opening a line; «‹„: a European one)
_DATE_OPEN = frozenset("0123456789JFMASONDjfmasondTWtwPpEeBb")
_DATE_WORDS = (
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    *("posted", "published", "dated", r"date\s*:", r"on\s", r"by\b", r"author\s*:", "written"),
    "submitted",
)
_DATE_WORD = re.compile(r"^(?:\d|(?i:" + "|".join(_DATE_WORDS) + "))")
_INLINE = re.compile(r"[(\[][ \t]*[Ss]ources?[ \t]*[:：]")
_CLOSING_BRACKET = re.compile(r"\S[ \t]*\[[^\[\]]{2,80}\][ \t.]*$")
"""A bracket closing a line with text before it (a line of its own, "[…]", is no source)."""
_CLOSING_PAREN = re.compile(r"\S[ \t]*\([^()]{2,80}\)[ \t.]*$")
"""A parenthesis closing a line with text before it ("… she said. (Yonhap, 3/4/2013)")."""
_CLOSING_DASH = re.compile(r"\S[.!?\"”’)][ \t]+(?:[–—]|--)[ \t]+[A-Z][^–—]{2,70}\d{4}\.?$")
"""A dash-led sign-off closing a line after a sentence ("… she said. – Yonhap, May 3, 2013")."""
_ITEM_OPEN = frozenset("-•–—0123456789")
_LIST_MARK = re.compile(r"(?:[-•–—]|\d{1,2}[.)])[ \t]")

# The prefilter: regexes over the whole text whose hits are a superset of the lines any cue can
# fire on; only those lines are then read one by one. All of them are built from literal
# prefixes ("\n", ":", "“") so the engine skips ahead at C speed between hits.
_M = r"[ \t\u00a0>*_]"  # the markup `content` strips from a line's start (_MARKUP)
_T = "[\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000*_]"
"""A character the scan may strip from a line's end: white space (``str.isspace``) or emphasis."""
_EOL = r"(?![^\n])"  # at a line's end (or the text's)
# after a colon: "ource" or a space before it (an inline "(Source: …"), else the line's end
# (a lead-in, the one alternative with a group); a hit takes the rest of its line, so a line
# holding many colons is one hit
_AFTER_COLON = r"(?:(?:(?<=ource.)|(?<=urces.)|(?<=[ \t].))[^\n]*+|" + _T + "*+" + _EOL + "())"
# a paragraph closed by a bracketed source ("… she said. [Yonhap]"): a "[" whose bracket closes
# the line; the text before it is checked per line
_BRACKET_END = re.compile(r"\[[^\[\]\n]{2,80}\](?:[.]|" + _T + ")*+" + _EOL)
# a paragraph closed by a dated source in parentheses ("… on Monday. (Chosun Ilbo, March 3,
# 2008)", "(Yonhap, 2013.03.04)", "(NK Daily, 1/10/09)"): a "(" whose parenthesis closes the line
# after a year, a two-digit year closing a date, or a year-first date
_YEAR_FIRST_END = "|".join(
    f"(?<=\\d{{4}}[-./]{m}[-./]{d})" for m in ("\\d", "\\d\\d") for d in ("\\d", "\\d\\d")
)
_PAREN_END = re.compile(
    r"\([^()\n]{0,76}+(?:(?<=\d{4})|(?<=\d[-./]\d\d)|"
    + _YEAR_FIRST_END
    + r")\)(?:[.]|"
    + _T
    + ")*+"
    + _EOL
)
"""(possessive, the year checked behind the ")": half the time of backtracking to find it)"""
# a paragraph closed by a dash-led dated sign-off after its last sentence ("… hate speech. –
# Sankei Shimbun, Aug. 16, 2015"): a dash after a sentence's end, a capital, a year at the end
_DASH_TAIL = (
    r"[ \t]+[A-Z][^\n–—]{2,72}+(?:(?<=\d{4})|(?<=\d{4}\.)|(?<=\d{4} )|(?<=\d{4}\. ))" + _EOL
)  # (possessive, the year checked behind the line's end: no backtracking over the text)
_DASH_END = tuple(re.compile(mark + _DASH_TAIL) for mark in ("–", "—", "--"))
"""(three patterns, each opening with a literal; the sentence's end before the dash is checked per
line, `_CLOSING_DASH`)"""
# a parenthesis opening with a quoted title, after a name and before running text ("Yonhap
# (“Title”, 2006-04-11) reported that …", "According to Yonhap (“Title,” 4/11/2006), …")
_TITLED_PAREN = re.compile(r"\((?=[“\"])[^()\n]{4,400}\)")
# a dash-led sign-off with no title under a quote: "—Name, NYT", "-- Name, Reuters, on …"
# (the line grammar wants a known outlet after the name); opens with the newline before it
_SIGNOFF_SHAPE = r"*(?:--?|[—–])[ \t]*[A-Z][\w.'’\- ]{1,60},[ \t]*[A-Z]"
_DASH_SIGNOFF = re.compile(r"\n" + _M + _SIGNOFF_SHAPE)
_DASH_SIGNOFF_FIRST = re.compile(_M + _SIGNOFF_SHAPE)  # the first line has no newline before it
# a comma before an opening quote (two patterns, so that each opens with a literal)
_COMMA_QUOTES = (
    ("“", re.compile(r"“(?:(?<=, “)|(?<=,“))[^\n]*+")),
    ('"', re.compile(r'"(?<=, ")[^\n]*+')),
)


def _opening(words: list[str], first: frozenset[str]) -> dict[str, list[str]]:
    """Words (regexes) that may open a line, case-insensitively, as their continuations keyed by
    each first character they allow (only those in ``first``, the scan's first-character test)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        head = w[:2] if w.startswith("\\") else w[0]
        chars = "".join(sorted(c for c in first if re.fullmatch("(?i)" + head, c)))
        for c in chars:
            groups.setdefault(c, []).append("(?i:" + w[len(head) :] + ")")
    return groups


_cached: tuple[object, re.Pattern[str]] | None = None


def _line_cues() -> re.Pattern[str]:
    """The line-start prefilter for the current cue table (rebuilt when the table changes).

    Every test the scan makes on a line's first characters, loosened to a superset (a trailing
    ``\b`` is dropped: the line may end differently once its markup is stripped), or a line of
    at most 40 characters between its markup and trailing white space. The alternatives are
    grouped by first character, so a line costs a few character comparisons in C.
    """
    global _cached
    c = cues()
    if _cached is None or _cached[0] is not c:
        by_first: dict[str, list[str]] = {}
        for ch, rests in [
            *_opening([re.escape(w) for w in c.update_words], c.update_first).items(),
            *_opening([w.removesuffix(r"\b") for w in _DATE_WORDS], _DATE_OPEN).items(),
        ]:
            by_first.setdefault(ch, []).extend(rests)
        for label in c.label_prefixes:  # a whole block label, past its first character in
            # any case (a line the per-line test reads as a label starts with one casefolded)
            for ch in {label[0], label[0].upper()}:
                by_first.setdefault(ch, []).append("(?i:" + re.escape(label[1:]) + ")")
        # one branch per first character: the engine skips a branch opening with a literal
        # that does not match after a single comparison
        words = "|".join(
            re.escape(ch) + "(?:" + "|".join(sorted(set(rests))) + ")"
            for ch, rests in sorted(by_first.items())
        )
        # at most 40 characters after the markup: the one alternative with a group, so a match
        # by it alone (``lastindex``) marks a line only the short test needs to read
        short = r"[^\n]{1,40}+" + _T + "*+" + _EOL + "()"
        opens = r"[(\[“\"‘«‹„「『0-9]|[-•–—][ \t]|" + words + "|" + short
        # (an empty line, half of all lines, is skipped before any branch is tried)
        _cached = (c, re.compile(r"\n(?!\n)" + _M + "*+(?:" + opens + ")"))
    return _cached[1]


def _hits(pattern: re.Pattern[str], text: str, starts: list[int]) -> set[int]:
    """Indices of the lines where ``pattern`` matches (a match's start decides its line)."""
    return {bisect_right(starts, m.start()) - 1 for m in pattern.finditer(text)}


def scan(lines: Lines) -> Scan:
    """Mark candidate lines: citation openers, update and date lines, lead-ins, short lines.

    A few regex passes over the whole text, each opening with a literal ("\\n", ":", "“") so the
    engine skips ahead at C speed, pick a superset of the lines a cue may fire on; only those
    lines are then read one by one, with C-level string operations and the cue regexes.
    """
    out = Scan()
    cite, date, colon, short, update = out.cite, out.date, out.colon, out.short, out.update
    opening = out.opening
    c = cues()
    label_first, label_prefixes, label_re = c.label_first, c.label_prefixes, c.label_re
    label_first1 = frozenset(p[0] for p in label_first)
    update_first, update_re = c.update_first, c.update_re
    text, starts, text_lines = lines.text, lines.starts, lines.lines
    # the lines a cue may fire on (read in full), and those that may only be short or end in
    # a colon (read for that alone)
    read: set[int] = {0}  # the first line has no newline before it: always read
    ends: set[int] = set()
    find_start, k = starts.index, 0
    for m in _line_cues().finditer(text):
        # a hit at the newline ending line k-1 is about line k, which starts one further:
        # found by a C-level walk from the last hit (the hits come in order)
        k = find_start(m.start() + 1, k)
        (ends if m.lastindex else read).add(k)
    inline: set[int] = set()  # a colon after "ource" or a space: "(Source: …"
    for mark in ":：":
        if mark in text:  # a C-speed test: the full-width colon is rare
            for m in re.finditer(mark + _AFTER_COLON, text):
                (ends if m.lastindex else inline).add(bisect_right(starts, m.start()) - 1)
    comma = set()  # a comma before an opening quote
    for mark, pattern in _COMMA_QUOTES:
        if mark in text:
            comma |= _hits(pattern, text, starts)
    bracket = _hits(_BRACKET_END, text, starts) if "]" in text else set()
    paren = _hits(_PAREN_END, text, starts)
    dash_end: set[int] = set()
    for pattern in _DASH_END:  # (each opens with a literal: a fast search, no `in` test first)
        dash_end |= _hits(pattern, text, starts)
    signed: set[int] = set()
    if "," in text:  # a hit at the newline before line k is about line k
        signed = {bisect_right(starts, m.start() + 1) - 1 for m in _DASH_SIGNOFF.finditer(text)}
        if _DASH_SIGNOFF_FIRST.match(text):
            signed.add(0)
    titled = _hits(_TITLED_PAREN, text, starts)  # (a substring test would cost more: "(“"
    # mixes character widths, which str.find scans slowly)
    read |= inline
    read |= comma
    read |= bracket
    read |= paren
    read |= dash_end
    read |= titled
    read |= signed
    ends_in_date = _ENDS_IN_DATE.search  # searched from 4 characters before the end: same hit
    for i in sorted(read.union(ends)):
        ln = text_lines[i]
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
        if i not in read:
            continue
        dated = first in _DATE_OPEN and _DATE_WORD.match(ln) is not None
        if dated:
            opening.append(i)
        if first in _CITE_OPEN:
            # a quoted speech paragraph or "[…]" is a citation only if it ends like one
            if (
                first == "("
                or (first == "[" and last == "]" and i in bracket and " from " in ln)
                # ("[Excerpts from AP article by …]" alone on its line; "[Yonhap]" is no source)
                or ends_in_date(ln, n - 4 if n > 4 else 0)
                or (i in inline and _INLINE.search(ln))
            ):
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
        elif (
            first in _ITEM_OPEN and ends_in_date(ln, n - 4 if n > 4 else 0) and _LIST_MARK.match(ln)
        ):
            cite.append(i)  # "- “Title,” Outlet, 9/30/2011", "2. Author, “Title,” 2011"
            continue
        if n <= 120 and dated:
            date.append(i)
        if i in inline and _INLINE.search(ln):
            cite.append(i)
        elif i in comma and ends_in_date(ln, n - 4 if n > 4 else 0):
            cite.append(i)  # "Name, “Title,” Outlet, 8/7/22" lines end in a date
        elif i in bracket and _CLOSING_BRACKET.search(ln):
            cite.append(i)  # "… she said. [Yonhap]": the quoted paragraph's source
        elif i in paren and _CLOSING_PAREN.search(ln):
            cite.append(i)  # "… on Monday. (Yonhap, 3/4/2013)": the same, dated
        elif i in titled:
            cite.append(i)  # "Yonhap (“Title”, 2006-04-11) reported that …"
        elif i in dash_end and _CLOSING_DASH.search(ln):
            cite.append(i)  # "… hate speech. – Sankei Shimbun, Aug. 16, 2015": the same, signed
        elif i in signed and first in "-–—":
            cite.append(i)  # "—Name, NYT": a sign-off naming the quote's writer and outlet
    if ")" in text:  # one C-level pass each, once per document (not per post)
        out.dashed = sorted(
            {bisect_right(starts, m.start()) - 1 for m in _PAREN_DASH.finditer(text)}
        )
    k = text.find("|")  # one character at a time: a multi-character find is slow on wide text
    while k >= 0:
        if text[k - 1 : k] == " " and text[k + 1 : k + 2] == " ":
            i = bisect_right(starts, k) - 1
            ln = text_lines[i]
            if len(ln) <= 60 and ln.rstrip()[-1:].isdigit():
                out.barred.append(i)
            k = starts[i] + len(ln)  # (on to the next line)
        k = text.find("|", k + 1)
    return out
