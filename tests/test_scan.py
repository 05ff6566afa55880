"""The find stage: the whole-text prefilter marks exactly the lines a per-line reading marks."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citegrab._cues import cues
from citegrab._scan import Lines, Scan, content, content_start, scan

# -- the reference: the scan as a plain loop over every line (the implementation before the
#    whole-text prefilter), kept verbatim with its own copies of the patterns ------------------

_MARKUP = " \t\u00a0>*_"
_ENDS_IN_DATE = re.compile(r"\d\W{0,3}$")
_CITE_OPEN = frozenset('([“"‘«‹„「『')
_DATE_OPEN = frozenset("0123456789JFMASONDjfmasondTWtwPpEeBb")
_DATE_WORD = re.compile(
    r"^(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|posted|published|dated|date\s*:|on\s|by\b|author\s*:|written))"
)
_INLINE = re.compile(r"[(\[][ \t]*[Ss]ources?[ \t]*[:：]")
_CLOSING_BRACKET = re.compile(r"\S[ \t]*\[[^\[\]]{2,80}\][ \t.]*$")
_CLOSING_PAREN = re.compile(r"\S[ \t]*\([^()]{2,80}\)[ \t.]*$")
_DATED_PAREN_END = re.compile(r"\([^()\n]{0,72}(?:\d{4}|\d[-./]\d\d)\)[.\s*_]*$")
_TITLED_PAREN = re.compile(r"\([“\"][^()\n]{3,399}\)")
_ITEM_OPEN = frozenset("-•–—0123456789")
_LIST_MARK = re.compile(r"(?:[-•–—]|\d{1,2}[.)])[ \t]")
_DASH_SIGNOFF = re.compile(r"(?:--?|[—–])[ \t]*[A-Z][\w.'’\- ]{1,60},[ \t]*[A-Z]")
_OWN_BRACKET = re.compile(r"\[[^\[\]\n]{2,80}\][.\s*_]*$")
_DASH_END = re.compile(r"(?:[–—]|--)[ \t]+[A-Z][^\n–—]{1,68}\d{4}\.? ?$")
_CLOSING_DASH = re.compile(r"\S[.!?\"”’)][ \t]+(?:[–—]|--)[ \t]+[A-Z][^–—]{2,70}\d{4}\.?$")


def reference_scan(lines: Lines) -> Scan:
    """Every line read in turn (the oracle)."""
    out = Scan()
    cite, date, colon, short, update = out.cite, out.date, out.colon, out.short, out.update
    c = cues()
    label_first, label_prefixes, label_re = c.label_first, c.label_prefixes, c.label_re
    label_first1 = frozenset(p[0] for p in label_first)
    update_first, update_re = c.update_first, c.update_re
    for i, ln in enumerate(lines.lines):
        if not ln:
            continue
        raw = ln
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
                continue
            last = ln[-1]
        n = len(ln)
        if first in _DATE_OPEN and _DATE_WORD.match(ln):
            out.opening.append(i)  # (the one list the loop did not make)
        if n <= 40:
            short.append(i)
        if last == ":" or last == "：":
            colon.append(i)
        if first in _CITE_OPEN:
            if (
                first == "("
                or (first == "[" and last == "]" and " from " in ln and _OWN_BRACKET.search(raw))
                or _ENDS_IN_DATE.search(ln)
                or ("ource" in ln and _INLINE.search(ln))
            ):
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
            cite.append(i)
            continue
        if first in update_first and update_re.match(ln):
            update.append(i)
        elif first in _ITEM_OPEN and _ENDS_IN_DATE.search(ln) and _LIST_MARK.match(ln):
            cite.append(i)
            continue
        if n <= 120 and first in _DATE_OPEN and _DATE_WORD.match(ln):
            date.append(i)
        if "ource" in ln and _INLINE.search(ln):
            cite.append(i)
        elif (", “" in ln or ",“" in ln or ', "' in ln) and _ENDS_IN_DATE.search(ln):
            cite.append(i)  # "Name, “Title,” Outlet, 8/7/22" lines end in a date
        elif _CLOSING_BRACKET.search(ln):
            cite.append(i)  # "… she said. [Yonhap]"
        elif _DATED_PAREN_END.search(raw) and _CLOSING_PAREN.search(ln):
            cite.append(i)  # "… she said. (Yonhap, 3/4/2013)"
        elif _TITLED_PAREN.search(raw):
            cite.append(i)  # "Yonhap (“Title”, 2006-04-11) reported that …"
        elif _DASH_END.search(raw) and _CLOSING_DASH.search(ln):
            cite.append(i)  # "… hate speech. – Sankei Shimbun, Aug. 16, 2015"
        elif first in "-–—" and _DASH_SIGNOFF.match(ln):
            cite.append(i)  # "—Name, NYT": a sign-off naming the quote's writer and outlet
    for i, ln in enumerate(lines.lines):
        if re.search(r"\)[ \t]*[-—–]", ln):
            out.dashed.append(i)  # "SEOUL, May 3 (Yonhap) --": where a wire dateline may be
        if " | " in ln and len(ln) <= 60 and ln.rstrip()[-1:].isdigit():
            out.barred.append(i)  # "Global Times | 2012-12-28 0:34:06"
    return out


# -- hostile texts: the cues, the markup and white space around them, lengths at the limits ---

_PIECES = [
    "\n", "\n", "\n\n", " ", "\t", "\r", "\u00a0", "\x0b", "\x0c", "\x85", "\u2028", "\u3000",
    ">", "> ", "*", "_", "**", "(", ")", "[", "]", "(Yonhap, 2011)", "2011)", " (KCNA", "(“", '("', "«", "»", "„", "(“T”, 2006-04-11)", "“", "”", '"', "‘", "’", ":", "：", ",", ", ",
    ", “", ",“", ', "', "-", "- ", "•\t", "–", "— ", "1", "12", "2. ", "3)", "8/7/22", "2011",
    "Source", "source", "Sources", "ource", " : ", "Read the full story", "READ MORE",
    "Original article", "Link to story", "full text", "News source", "Update", "UPDATE", "updated",
    "You can read the full story", "tHe FuLL article can be found", "THE FULL STORY CAN BE READ",
    "The full", "Read it all", "read  the full story", "Author:", "author :",
    "(Update)", "[edit]", "[Yonhap, 12 Feb 2008]", "[Excerpts from AP]", " from ", " – Yonhap, May 3, 2013", ". -- Kyodo 2013",
    "said. — NHK, Aug. 20, 2015", "Postscript", "ps", "Written by ", "PS ", "Addendum", "March", "Mon", "jul", "Tuesday",
    "posted", "Published", "dated", "date :", "Date:", "on ", "On\t", "by", "By ", "ſep", "ı",
    "—Jo Kim, NYT", "--", "-- Al Lee, ", "A,", "K", "é", "x" * 20, "y" * 37, "z" * 80, "Korea", " here", ".",
]  # fmt: skip


def _same(text: str) -> None:
    lines = Lines(text)
    assert scan(lines) == reference_scan(lines), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@example("")
@example("(")
@example("\n\n> Source: Yonhap, 3/4/2008 \r\n")
@example("Update 10/7/22: more\nx")
@example("\x0c")  # a lone form feed is a line of one character (not stripped)
@example("\x0c ")  # … but white space only once a trailing space is stripped
def test_scan_marks_the_lines_a_per_line_reading_marks(text: str) -> None:
    _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_scan_matches_the_reference_on_any_text(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("x" * 40, "short"),
        ("> " + "x" * 40 + " \u00a0", "short"),  # markup and trailing white space do not count
        ("*" + "x" * 40 + "*", "short"),  # emphasis around a Markdown line is markup
        ("Lead-in:", "colon"),
        ("> Lead-in: **", "colon"),
        ("Lead-in：\r", "colon"),
        ("(Source: Yonhap)", "cite"),
        ("She said, “it rains,” Korea Herald, 8/7/22", "cite"),
        ("he said (Source: Yonhap) and more", "cite"),
        ("> Read the full story here:", "cite"),
        ("- “Title,” Outlet, 9/30/2011", "cite"),
        ("Update 3/4/2008: more news", "update"),
        ("March 8, 2022", "date"),
        ("Posted by Curtis on July 8, 2022", "date"),
        ("Friday, May 8th, 2009Chris Green reports " + "x" * 100, "opening"),
        ("Yonhap (“Rice prices rise”, 2006-04-11) reported that " + "x" * 60, "cite"),
        ("«Kaesong firms refuse wage demand», Yonhap, May 29, 2015", "cite"),
        ("„Kaesong firms refuse wage demand“, Yonhap, 29.5.2015", "cite"),
    ],
)
def test_each_cue_is_marked(line: str, kind: str) -> None:
    for text in (line, "intro\n\n" + line + "\n"):
        lines = Lines(text)
        found = scan(lines)
        assert len(lines.lines) - 1 - text.endswith("\n") in getattr(found, kind), text
        assert found == reference_scan(lines)


@pytest.mark.parametrize(
    "line",
    [
        "x" * 41,
        "Lead-in: " + "x" * 40,
        "“a quote,” she said " + "x" * 30,
        "March came " + "x" * 110,
    ],
)
def test_a_plain_line_is_marked_for_nothing_it_does_not_hold(line: str) -> None:
    found = scan(Lines("intro\n" + line))
    kinds = ("cite", "update", "colon", "short")
    assert all(1 not in getattr(found, k) for k in kinds)
    assert 1 not in found.date


@given(st.lists(st.sampled_from(["\n", "a", "bc", " ", "“", "\r"]), max_size=30).map("".join))
def test_line_starts_are_the_offsets_of_the_lines(text: str) -> None:
    lines = Lines(text)
    assert len(lines.starts) == len(lines.lines)
    for start, line in zip(lines.starts, lines.lines, strict=True):
        assert text[start : start + len(line)] == line
        assert start == 0 or text[start - 1] == "\n"


def _reference_content_start(line: str) -> int:
    i = 0
    while i < len(line) and line[i] in _MARKUP:
        i += 1
    return i


@given(st.lists(st.sampled_from([" ", "\t", "\u00a0", ">", "*", "_", "a", "“", "\r"]), max_size=12))
def test_content_strips_the_markup_a_character_loop_strips(chars: list[str]) -> None:
    line = "".join(chars)
    start = _reference_content_start(line)
    assert content_start(line) == start
    assert content(line) == line[start:].rstrip(" \t\u00a0*_")


@given(
    st.lists(st.sampled_from(["", " ", "\t", "x", " y "]), max_size=8),
    st.integers(-2, 9),
    st.integers(-1, 9),
)
def test_nonblank_neighbours_are_the_nearest_lines_with_text(
    lines: list[str], i: int, bound: int
) -> None:
    doc = Lines("\n".join(lines))
    blank = [not ln.strip() for ln in doc.lines]
    i = min(i, len(blank))  # a line index, or one past the last line
    hi = min(bound, len(blank)) if bound >= 0 else None
    after = [j for j in range(i + 1, len(blank) if hi is None else hi) if not blank[j]]
    assert doc.next_nonblank(i, hi) == (after[0] if after else -1)
    lo = max(bound, 0)
    before = [j for j in range(lo, min(i, len(blank))) if not blank[j]]
    assert doc.prev_nonblank(i, lo) == (before[-1] if before else -1)
