"""Post segmentation: split an archive page into posts (title, date line, byline, body, end marker).

A post starts at a title line followed, after at most one blank line, by a line that is only a
date ("August 8th, 2022", "Posted on 2022-08-08"). It ends at an end-of-post marker ("Share") or
where the next post starts. Text before the first post is kept as an untitled post.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ._authors import looks_like_name, strip_by
from ._cues import cues
from ._data import load_toml
from ._dates import DATE_RE, ParsedDate, find_dates, last_date, parse_date
from ._hints import DateSource, Hints
from ._models import DateResolution
from ._scan import Lines, Scan


@dataclass(frozen=True)
class Markers:
    """Layout markers loaded from ``data/markers.toml``."""

    end_of_post: frozenset[str]
    date_line: regex.Pattern[str]
    byline: regex.Pattern[str]
    update: regex.Pattern[str]
    elisions: frozenset[str]
    figure_words: frozenset[str]
    furniture: tuple[str, ...] = ()
    dated_title_words: frozenset[str] = frozenset()
    """Words naming a series in a title that ends with its date (`_title_date`)."""
    reporting_verbs: frozenset[str] = frozenset()
    """Verbs after an unknown source's titled parenthesis in running text (`_quotes`)."""


@functools.cache
def markers() -> Markers:
    """The packaged layout markers, compiled."""
    t = load_toml("markers.toml")
    prefixes = "|".join(
        # a prefix's colon may stand after a space ("Date : February 12, 2013")
        regex.escape(p[:-1]) + r"\s*:" if p.endswith(":") else regex.escape(p)
        for p in sorted(t["date_prefixes"], key=len, reverse=True)
    )
    # a time after the date ("at 10:32 am", "| 10:32", "10:32:00"), then what a template adds
    # after it: a reading time ("· 3 min read") or a later update ("Updated March 5, 2019")
    time = (
        r"(?:\s*(?:,|at|@|-|–|\||·)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?"
        r"(?:\s*[·|•,]?\s*\d{1,3}\s*min(?:ute)?s?\s+read)?"
        r"(?:\s*[·|•,;]?\s*(?:last\s+)?(?:updated|modified)\b[^\n]{0,60})?"
    )
    date_line = regex.compile(
        r"^\s*(?:(?:"
        + prefixes
        + r")\s*:?\s*)?(?P<date>"
        + DATE_RE.pattern
        + r")"
        + time
        # the byline after the date: "by X", "| X", "• X" (Jekyll), "/ X" (Squarespace)
        # (and "· X" after a reading time, Hugo's "March 4, 2020 · 5 minute read · X"; a
        # count after "·" is WordPress.com's footer, "06/21/2013 · 3 Comments")
        + r"(?:(?:\s*(?:by|[-–—|•/])|(?<=read)\s*·)\s*(?P<by>[^\n]{2,80}?))?\s*\.?\s*$"
        # byline first: "Posted by Curtis Melvin on July 8, 2022", "By X | 8 July 2022"
        # (the name may be empty: "by | April 14th, 2015 | 08:20 am", a theme with no author set)
        + r"|^\s*(?:(?:posted\s+|written\s+|submitted\s+)?by|author)\s*:?\s*"
        + r"(?:(?P<by>[^|–—\n]{2,60}?)\s*)?"
        + r"(?:\bon\b|[|–—-]|,)\s*"
        + r"(?P<date>"
        + DATE_RE.pattern.replace("(?P<", "(?P<b_")
        + r")"
        + time
        # the theme's filing after it: "… @ 9:30 am In Trade | 1 Comment"
        + r"(?:\s+in\s+[^\n|]{1,60}(?:\|[^\n]{0,60})?)?"
        + r"\s*\.?\s*$",
        regex.IGNORECASE | regex.VERSION1,
    )
    by = "|".join(regex.escape(p) for p in sorted(t["byline_prefixes"], key=len, reverse=True))
    byline = regex.compile(r"^\s*(?:" + by + r")\s*(?P<name>\S[^\n]{0,80}?)\s*$", regex.IGNORECASE)
    words = "|".join(regex.escape(w) for w in cues().update_words)  # the one cue table
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
        furniture=tuple(w.casefold() for w in t.get("post_furniture", ())),
        dated_title_words=frozenset(w.casefold() for w in t.get("dated_title_words", ())),
        reporting_verbs=frozenset(w.casefold() for w in t.get("reporting_verbs", ())),
    )


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
    last_content: int | None = None  # last non-blank line when there is no end marker
    date_source: DateSource | None = None  # where ``date`` came from
    head_line: int | None = None  # an e-mail header's first line, above its Date and Subject

    @property
    def first(self) -> int:
        heads = [x for x in (self.title_line, self.date_line, self.head_line) if x is not None]
        return min(heads) if heads else self.body_start  # (a date line may head the title)

    @property
    def last(self) -> int:
        if self.end_marker_line is not None:
            return self.end_marker_line
        if self.last_content is not None:
            return self.last_content
        return self.body_end - 1


def is_furniture(line: str) -> bool:
    """Whether a line is a sharing widget's label ("Twitter", "Like Loading...")."""
    s = line.strip()
    if len(s) > 60:  # case folding never shortens a text: too long folded too, so not folded
        return 60 < len(s) <= 90 and cues().is_page_chrome(s)
    low = s.casefold()
    return 0 < len(low) <= 60 and (
        low.startswith(markers().furniture) or cues().is_folded_chrome(low)
    )


def _prev_content(
    lines: Lines, i: int, lo: int = 0, ends: set[int] | frozenset[int] = frozenset()
) -> int:
    """The last line before ``i`` that is neither blank nor widget furniture (an end marker in
    ``ends`` stops the walk), or -1."""
    j = lines.prev_nonblank(i, lo)
    while (
        j >= lo
        and j not in ends
        and is_furniture(lines.lines[j])
        and not is_end_marker(lines.lines[j])
    ):
        j = lines.prev_nonblank(j, lo)
    return j


class _PrevContent:
    """`_prev_content` from the document's start, remembering where each run of furniture
    lines leads back to: a page of n chrome lines ("13 captures", a calendar) costs n steps,
    not n² (each candidate line walked back over the same run again)."""

    __slots__ = ("_ends", "_leads_to", "_lines")

    def __init__(self, lines: Lines, ends: set[int] | frozenset[int] = frozenset()) -> None:
        self._lines = lines
        self._ends = ends  # end markers the walk stops at (a footer that reads as furniture)
        self._leads_to: dict[int, int] = {}  # a furniture line -> the content line above it

    def __call__(self, i: int) -> int:
        lines, memo, ends = self._lines, self._leads_to, self._ends
        walked: list[int] = []
        j = lines.prev_nonblank(i, 0)
        while (
            j >= 0
            and j not in ends
            and is_furniture(lines.lines[j])
            and not is_end_marker(lines.lines[j])
        ):
            if j in memo:
                j = memo[j]
                break
            walked.append(j)
            j = lines.prev_nonblank(j, 0)
        for w in walked:
            memo[w] = j
        return j


def is_end_marker(line: str) -> bool:
    """Whether a line is an end-of-post marker such as "Share"."""
    s = line.strip()
    return 0 < len(s) <= 40 and s.casefold() in markers().end_of_post


_DIGIT = re.compile(r"\d")
"""A digit as the date grammar reads one: `parse_date` runs the standard library's patterns, all
of whose date forms hold a digit, so a line with none of these is no date line."""


def _comment_heads(lines: Lines, found: Scan) -> list[int]:
    """Lines heading a comment section ("3 Responses to “…”", "12 comments:", "Comments"): among
    the scan's short lines and lines opening with a digit, those the cue table's pattern matches
    whole. (A long heading opening with a spelled-out count, "One Response to “…”", is missed.)"""
    match, text_lines = cues().comment_heading_re.match, lines.lines
    candidates = sorted({*found.short, *found.opening}) if found.opening else found.short
    return [i for i in candidates if match(text_lines[i]) is not None]


def _sidebar_cuts(lines: Lines, marker_set: set[int]) -> list[int]:
    """End markers followed by a sidebar widget's heading ("Share" / "Leave a Reply", then
    "Search", "Recent Posts"): each closes its post, and the widgets are in no post's body."""
    headings, text_lines = cues().sidebar_headings, lines.lines
    # the last marker of the run each marker starts ("Share" / "Leave a Reply" / "Search") and
    # the line after it: found from the last marker back, so a run of m markers costs m steps
    run_end: dict[int, tuple[int, int]] = {}
    for j in sorted(marker_set, reverse=True):
        h = lines.next_nonblank(j)
        run_end[j] = run_end[h] if h >= 0 and j < h and h in marker_set else (j, h)
    out: list[int] = []
    for j in marker_set:
        last, h = run_end[j]
        if (
            h >= 0
            and len(text_lines[h]) <= 40
            and " ".join(text_lines[h].casefold().split()).rstrip(":") in headings
        ):
            out.append(last)
    return out


def _related_heads(lines: Lines, found: Scan) -> list[int]:
    """Headings of a widget listing other posts ("Related Posts", "You might also like"), among
    the short lines (`related_headings` in the cue table), and the lines opening an author box
    under the post ("Written by Jane Ortiz", "More from Jane Ortiz": `author_box_openings`)."""
    c = cues()
    headings, first, text_lines = c.related_headings, c.related_first, lines.lines
    boxes = c.author_box_openings
    out = []
    for i in found.short:
        if text_lines[i][:1] in first:  # (one set test for most short lines)
            low = " ".join(text_lines[i].casefold().split())
            if (
                low.rstrip(":") in headings
                and not (low[-1:] == ":" and c.label_re.match(text_lines[i].strip()))
            ) or ((low + " ").startswith(boxes) and c.is_author_box(text_lines[i])):
                out.append(i)  # (not a block label: "Read more:" over a source's fields)
    return out


def _running_text(s: str) -> bool:
    """Whether a line reads as a paragraph of text, not a widget's title or date line."""
    s = s.strip()
    return len(s) > 100 or s.endswith((".", "!", "?", "…", "”", '"'))


def _in_widget(lines: Lines, related: list[int], t: int, i: int) -> bool:
    """Whether the head with title line ``t`` and date line ``i`` is an entry of a related-posts
    widget: under its heading with no paragraph of text between, and no text of its own."""
    k = bisect_left(related, t) - 1
    if k < 0:
        return False
    j = lines.next_nonblank(related[k])
    while 0 <= j < t:
        if _running_text(lines.lines[j]):
            return False
        j = lines.next_nonblank(j)
    nxt = lines.next_nonblank(i)
    return nxt < 0 or not _running_text(lines.lines[nxt])


def _next_content(lines: Lines, i: int) -> int:
    """The first non-blank line after ``i`` that is no page chrome (an archive's heading), or -1
    (the first non-blank line when all of them are chrome)."""
    j = first = lines.next_nonblank(i)
    while j >= 0 and cues().is_page_chrome(lines.lines[j]):
        j = lines.next_nonblank(j)
    return j if j >= 0 else first


def _leading_text(lines: Lines, head: int) -> int:
    """The first line above the first post's head (line ``head``) that is no page chrome, or -1:
    only chrome there (a web archive's toolbar, an archive heading) makes no untitled post."""
    j = _next_content(lines, -1)
    return j if 0 <= j < head else -1


_TITLE_URL = re.compile(r"https?://\S+$")
_TIMED_TITLE = re.compile(r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s+[-–—]\s+(?=\S)", re.IGNORECASE)
"""A clock time and a dash opening a post's title (LiveJournal's "10:15 am - Title")."""


def _may_be_date_line(s: str) -> bool:
    """The cheap tests a stripped date line passes: short, with a digit (every date form has one)."""
    return 0 < len(s) <= 120 and _DIGIT.search(s) is not None


def _date_line(line: str) -> tuple[ParsedDate, str | None] | None:
    s = line.strip()
    if s[:1] in "*_":
        s = s.strip("*_ ")  # Markdown's emphasis around the date ("*September 2, 2019*")
    elif s[:1].isdigit() and " min read" in s and "·" in s:
        s = s.partition("·")[2].strip()  # Medium's "6 min read · Mar 2, 2024"
    if not _may_be_date_line(s):
        return None
    if ("/" in s or "-" in s) and ", " in s and (w := _WEEKDAY_NUM.search(s)) is not None:
        # a weekday before a numeric date ("Submitted by X on Tue, 06/08/2010 - 14:22"): the
        # date grammar reads none, so the line is read without it
        s = s[: w.start()] + s[w.end() :]
    m = markers().date_line.match(s)
    if m is None:
        return None
    d = parse_date(m.group("date"))
    if d is None:
        return None
    by = m.group("by")
    if by and ("|" in by or " / " in by or " • " in by):
        # "May 28, 2013 by Ha-eun Seo | 2 Comments", "June 6, 2016 / Selma Aarons / 3 Comments":
        # the name, then the theme's counts; "March 3rd, 2008 | Filed under Food | 2 Comments"
        # names no one
        first = regex.split(r"\s*[|/•]\s*", by.strip(" |/•"), maxsplit=1)[0]
        by = first if looks_like_name(first) and not is_furniture(first) else None
    if by and (is_furniture(by) or by.lstrip(" |·,")[:1].isdigit()):
        by = None  # "| 3 notes", "• 4 min read": no byline
    return d, (strip_by(by) if by else None)


_WEEKDAY_NUM = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?, (?=\d)", re.I
)
"""A weekday before a numeric date ("Tue, 06/08/2010")."""

_GLUED_DATE = re.compile(
    r"^[ \t]*(?P<date>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?"
    r"[ \t]+\d{4})(?=[A-Z][A-Za-z]*[ \t,’'])",
)
_GLUE_HINT = re.compile(r", [12][09]\d\d[A-Z]")  # literal ", " first: a fast scan
"""A post date glued to the post's first sentence ("Friday, May 8th, 2009Chris Green …")."""


def _glued_date_lines(lines: Lines, found: Scan) -> dict[int, tuple[ParsedDate, str | None]]:
    """Lines opening with a post date glued to a new sentence, with the date read.

    Only the lines the scan found opening like a date (a month or weekday) can hold one.
    """
    out: dict[int, tuple[ParsedDate, str | None]] = {}
    text_lines = lines.lines
    for i in found.opening:
        ln = text_lines[i]
        if _GLUE_HINT.search(ln) is None:  # a year run into a capital: rare, cheap
            continue
        m = _GLUED_DATE.match(ln)
        if m is not None and (d := parse_date(m.group("date"))) is not None:
            out[i] = (d, None)
    return out


def _byline(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > 90:
        return None
    m = markers().byline.match(s)
    if m is not None:
        name = m.group("name").strip(" .")
        first, comma, rest = name.partition(",")
        if not looks_like_name(first):
            return None
        c = cues()
        if comma and (c.is_position(rest) or c.is_affiliation(rest)):
            # "By Kim Min-ji, Executive Director": the writer, not the position or the body
            return first.strip()
        return name
    if looks_like_name(s) and not s.endswith((".", ":", "?", "!")) and len(s.split()) >= 2:
        return s
    return None


def _sourced(line: str, is_outlet: Callable[[str], bool] | None) -> bool:
    """Whether a date line closes on a known outlet after a bar ("May 13, 2019 | USA Today",
    "October 17, 2019 | Commentary | 38 NORTH"): an article's source (a media page's entry, a
    repost's head, an expert's piece), not a post's date and byline."""
    return is_outlet is not None and "|" in line and is_outlet(line.rsplit("|", 1)[1].strip())


def _outlet_headline(line: str, is_outlet: Callable[[str], bool]) -> bool:
    """Whether a line is a headline closed by a known outlet in parentheses ("China, Laos vow
    to cooperate (China Daily)"): a press review's entry, not a post's title."""
    s = line.strip()
    if s[-1:] != ")":
        return False
    opened = s.rfind("(")
    if opened < 12 or s[:opened].rstrip()[-1:] in ".:;?!,":
        return False
    inner = s[opened + 1 : -1].strip()
    return 2 <= len(inner) <= 40 and is_outlet(inner) and not is_outlet(s[:opened].strip())


def _iso(value: str | None) -> ParsedDate | None:
    if not value:
        return None
    try:  # readers hand over YYYY-MM-DD: no need for the date grammar
        day = dt.date.fromisoformat(value[:10])
    except ValueError:  # a JSONL "date" may be written out ("July 10, 2022")
        return parse_date(value.strip()[:60])
    return ParsedDate(day, value[:10], 0, 10, DateResolution.UNAMBIGUOUS)


def _end_markers(lines: Lines, found: Scan) -> set[int]:
    """Indices of end-of-post lines ("Share"), among the short lines the scan marked, and of a
    template's footer naming the author (Blogger's "posted by X at 10:32 PM 2 comments",
    TypePad's "Posted by X on March 03, 2008 in Food | Permalink"), among the lines opening
    like a date line: the post's text ends above it."""
    ends, text_lines = markers().end_of_post, lines.lines
    # `is_end_marker` inlined: it runs on every short line
    out = {
        i for i in found.short if 0 < len(s := text_lines[i].strip()) <= 40 and s.casefold() in ends
    }
    for i in found.opening:
        s = text_lines[i]
        if s[:1] not in "Pp" or (head := s[:10].casefold()) not in ("posted by ", "posted in "):
            continue
        # (and WordPress's "Posted in Food, Trade | Leave a comment" filing the post)
        if _POSTED_BY.match(s) if head[7] == "b" else len(s) <= 400 and _FILED.match(s):
            out.add(i)
    return out


def segment_from_hints(lines: Lines, found: Scan, hints: Hints) -> list[PostLayout]:
    """Post layouts taken from markup (HTML articles) rather than guessed from the text."""
    text_lines = lines.lines
    marker_set = _end_markers(lines, found)
    out = []
    n = len(lines)
    for h in hints.posts:
        end = min(h.end, n)
        if h.first >= end or lines.next_nonblank(h.first - 1, end) < 0:
            continue  # an empty <article>, or one past the rendered text
        # a <time datetime> is machine-readable: it outranks the words it renders; a date
        # line in the post outranks page-level metadata (meta tags, JSON-LD, the URL)
        # (when both agree the date line is kept, so `date_raw` is the date as the page shows it)
        date = _iso(h.date) if h.date_source == "time-element" else None
        source: DateSource | None = h.date_source if date else None
        hit = None
        if h.date_line is not None:
            hit = _date_line(text_lines[h.date_line])
            if hit is not None and (date is None or hit[0].value == date.value):
                date, source = hit[0], source or "date-line"
        date_line = h.date_line
        if date is None and date_line is None and h.title_line is not None:
            # no date in the markup: the theme's meta line under the title, rendered as text
            # ("<p class="meta">Posted on February 10, 2018 by Name</p>")
            nb = lines.next_nonblank(max(h.title_line, h.byline_line or -1), end)
            if nb >= 0 and (hit := _date_line(text_lines[nb])) is not None:
                date, source, date_line = hit[0], "date-line", nb
        if date is None and (date := _iso(h.date)) is not None:
            source = h.date_source
        by = None
        if h.byline_line is not None:
            by = strip_by(text_lines[h.byline_line].strip()) or None
        elif hit is not None and hit[1]:
            by = hit[1]  # Kubrick's "<small>November 20th, 2007 by Name</small>"
        start = max(
            [x + 1 for x in (h.title_line, date_line, h.byline_line) if x is not None],
            default=h.first,
        )
        layout = _layout(
            lines, found, marker_set, h.title_line, date_line, date, by, min(start, end), end
        )
        if h.byline_line is not None:
            layout.byline_line = h.byline_line
        layout.date_source = source if date is not None else None
        out.append(layout)
    return out


def segment(
    lines: Lines,
    found: Scan,
    hints: Hints | None = None,
    not_byline: Callable[[str], bool] | None = None,
) -> list[PostLayout]:
    """Find the posts of a document. A document without date lines is one untitled post.

    ``not_byline`` rejects a name-shaped line under the date line that is no byline (a known
    outlet heading a quoted article: "Joong Ang Daily").
    """
    if hints is not None and hints.posts:
        return segment_from_hints(lines, found, hints)
    n = len(lines)
    text_lines = lines.lines
    marker_set = _end_markers(lines, found)
    if "ubject" in lines.text and (messages := _message_heads(lines)):
        return _message_posts(lines, found, marker_set, messages)  # a mailing list's messages
    has_markers = bool(marker_set)
    heads: list[tuple[int, int, ParsedDate, str | None]] = []  # title idx, date idx, date, by
    comments = _comment_heads(lines, found)  # where a post's text ends before the next post starts
    comment_set = set(comments)
    related = _related_heads(lines, found)
    widget_lines = set(related)
    cuts = sorted({*comments, *_sidebar_cuts(lines, marker_set), *related})
    name_line: dict[int, int] = {}  # date line -> the author's name line above it
    lead_line: dict[int, int] = {}  # date line -> LiveJournal's "user wrote," line above it
    glued = _glued_date_lines(lines, found)  # "Friday, May 8th, 2009Chris Green reports …"
    prev_content = _PrevContent(lines, marker_set)
    for i in sorted({*found.date, *glued}) if glued else found.date:
        if i not in glued and not _may_be_date_line(text_lines[i].strip()):
            continue
        # the layout tests first: the date is read only on a line that could head a post
        t = lines.prev_nonblank(i)
        gap = i - t
        if t >= 0 and len(text_lines[t]) <= 24 and cues().is_head_widget(text_lines[t]):
            while t >= 0 and i - t < 10 and cues().is_head_widget(text_lines[t]):
                t = lines.prev_nonblank(t)  # Medium's "Follow" / "6 min read" / "·" over the date
            gap = 1
        if t < 0 or gap > 2 or len(text_lines[t].strip()) > 300 or t in marker_set:
            continue
        if (
            t > 0
            and text_lines[t - 1].strip()
            and t - 1 not in marker_set
            and not is_furniture(text_lines[t - 1])
        ):
            continue  # a field line of a header block ("Lee Min-ho" over "3/14/2008")
        if cues().label_re.match(text_lines[t].strip()):
            continue  # a block label over its date ("Original article:" / "March 1, 2008")
        # a name line over the date (title / "By: Name" / date, Substack's title / subtitle /
        # name / date): the post's head is the title above it, and the text above the title
        # (the previous post's end marker) says whether a post starts here
        titled = (
            _title_above(lines, t, marker_set, heads[-1][1] if heads else -1)
            if len(text_lines[t]) <= 90 and _byline(text_lines[t]) is not None
            else None
        )
        before = prev_content(t if titled is None else titled)
        if (
            has_markers
            and before >= 0
            and before not in marker_set
            and before not in comment_set  # ("2 Comments" under a post ends it like "Share")
            and before not in widget_lines  # (a related-posts widget's heading or last entry)
            and heads
        ):
            continue  # a dateline inside a post body, not a new post
        if (
            before >= 0
            and before not in marker_set
            and text_lines[before].rstrip().endswith((":", "："))
        ):
            continue  # a quoted article's headline and dateline right after a lead-in
        if text_lines[t].lstrip()[:3] in ("By ", "BY ") and (h := lines.prev_nonblank(t)) >= 0:
            above_h = prev_content(h)
            if (
                above_h >= 0
                and above_h not in marker_set
                and text_lines[above_h].rstrip().endswith((":", "："))
            ):
                continue  # … and a quoted article's headline / "By Name" / date under a lead-in
        if heads and t <= heads[-1][1]:
            continue
        if comments and _in_comments(text_lines[t], text_lines[i], t, comments, heads):
            continue  # a reader's comment: "Pete Morrow says:" over "March 4, 2014 at 9:12 pm"
        if heads and i - t == 1 and before == heads[-1][1] and heads[-1][1] - heads[-1][0] > 1:
            continue  # field lines right under a post's date line ("Institute …" / "2014-4-3")
            # head that post's text: a post has a body, and this template's titles stand apart
        if not heads and (
            cues().is_page_chrome(text_lines[i]) or cues().is_page_chrome(text_lines[t])
        ):
            continue  # a web archive's capture range under its capture count ("13 captures"),
            # above the first post (its toolbar heads the page)
        hit = _date_line(text_lines[i]) if i not in glued else glued[i]
        if hit is None:
            continue
        if related and _in_widget(lines, related, t, i):
            widget_lines.add(i)
            continue  # "Related Posts" / "Title" / "May 14, 2016": a link to another post
        if gap == 1 and "wrote" in text_lines[t] and (wrote := _WROTE.match(text_lines[t])):
            # LiveJournal's "user (user) wrote," over the date: the title is under the date
            below = lines.next_nonblank(i)
            if 0 <= below - i <= 2 and _title_like(lines, below, marker_set):
                lead_line[i] = t
                heads.append((below, i, hit[0], hit[1] or wrote["name"]))
            continue
        if (" in " in text_lines[i] or " In " in text_lines[i]) and _FILED_TAIL.search(
            text_lines[i]
        ):
            nb = lines.next_nonblank(i)
            if nb < 0 or _date_line(text_lines[nb]) is not None:
                continue  # TypePad's footer ("Posted by X on <date> in Food | Permalink")
                # closing the post above, not a date line heading text below
        if before >= 0 and _date_line(text_lines[t]) is not None:
            continue
        by = hit[1]
        if by is not None and _sourced(text_lines[i], not_byline):
            continue  # "May 13, 2019 | USA Today" under a headline: the article's source
        above = None if by is not None else titled
        if (
            above is not None
            and (name := _byline(text_lines[t])) is not None
            and (not_byline is None or not not_byline(name))
        ):  # Substack's head: title / subtitle / author's name / date
            by, name_line[i], t = name, t, above
        heads.append((t, i, hit[0], by))
    if (
        len(heads) > 1
        and not_byline is not None
        and all(_outlet_headline(text_lines[h[0]], not_byline) for h in heads)
    ):
        heads = []  # a press review's entries ("Title (SCMP)" / "2012-11-06"): one page, no posts
    date_heads = _date_first_heads(lines, found, glued, marker_set, not_byline)
    if date_heads and _date_first(lines, heads, date_heads, marker_set):
        # Blogger's template: the date line heads the post and the title follows it
        return _date_first_posts(lines, found, marker_set, date_heads, not_byline, cuts)
    posts: list[PostLayout] = []
    first = lines.next_nonblank(-1)
    if first < 0:
        return []
    if not heads:
        first = max(first, _next_content(lines, -1))  # an archive's heading is no post title
        footers = _footer_dates(lines, found)
        if footers:  # WordPress's "This entry was posted on …" under each post
            return _footer_posts(lines, found, marker_set, footers, cuts)
        filed = _filed_footers(lines, found)
        if len(filed) > 1:  # "Posted in Food, Trade | Leave a comment" under each post
            return _footer_posts(lines, found, marker_set, [(f, None) for f in filed], cuts)
    if not heads:
        # a single-post page without a date line: its first line is the title when it reads as
        # one (short, unpunctuated, a paragraph of its own, more text below)
        date = _iso(hints.date) if hints is not None else None
        title_line, start = None, first
        s = text_lines[first].strip()
        nxt = lines.next_nonblank(first)
        date_line: int | None = None
        source: DateSource | None = None
        if (
            date is None
            and nxt > first
            and _may_be_date_line(s)
            and (hit := _date_line(s)) is not None
        ):  # a board's repost under its breadcrumb: "Date : November 6, 2012" over the text
            date, date_line, source, first, start = hit[0], first, "date-line", nxt, nxt
            s, nxt = text_lines[first].strip(), lines.next_nonblank(first)
        if (
            nxt > first + 1
            and len(s) <= 200
            and s[0] not in "([“\"‘'—–-"
            and not s.endswith((":", "：", ".", ",", ";", ")"))
            and first not in marker_set
            and _date_line(s) is None
        ):
            title_line, start = first, nxt
        if source is None:
            source = hints.date_source if hints is not None and date else None
        if date is None and title_line is not None and (date := _title_date(s)) is not None:
            source = "title"  # "Open Sources, March 27, 2014": a digest dated by its title
        layout = _layout(
            lines, found, marker_set, title_line, date_line, date, None, start, n, comments=cuts
        )
        layout.date_source = source
        return [layout]
    top = min(heads[0][0], heads[0][1], lead_line.get(heads[0][1], n))  # the first post's head
    if first < top and (first := _leading_text(lines, top)) >= 0:
        posts.append(_layout(lines, found, marker_set, None, None, None, None, first, top))
    for k, (t, d, date, by) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else n
        # a glued date line's text is the body's first line; a title under the date heads it
        body = d if d in glued else max(t, d) + 1
        layout = _layout(
            lines,
            found,
            marker_set,
            t,
            d,
            date,
            by,
            body,
            end,
            not_byline=not_byline,
            comments=cuts,
        )
        layout.date_source = "date-line"
        if by is None and layout.byline is None:
            _footer_byline(lines, layout, max(t, d))  # "posted by X at 10:14 PM" under the text
        if d in name_line:
            layout.byline_line = name_line[d]
        if d in lead_line:
            layout.head_line = layout.byline_line = lead_line[d]
        posts.append(layout)
    return posts


_TITLE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def _title_date(title: str) -> ParsedDate | None:
    """The date a digest's or roundup's title ends with ("Open Sources, March 27, 2014", "Daily
    Report Monday, February 20, 2006"): a full, unambiguous date closing a title that names a
    series (``dated_title_words``); an event's date in a headline ("The crackdown of March 1,
    2013") dates no post."""
    if not title[-1:].isdigit():
        return None
    d = last_date(title)
    if d is None or d.value is None or d.precision != "day" or d.readings or d.start == 0:
        return None
    if title[d.end :].strip(" ."):
        return None
    words = {w.casefold() for w in _TITLE_WORD.findall(title[: d.start])}
    return d if not words.isdisjoint(markers().dated_title_words) else None


_SUBJECT = re.compile(r"(?im)^[ \t]*subject[ \t]*:")
_MESSAGE_FIELD = re.compile(r"\s*(?P<label>[A-Za-z][A-Za-z-]{1,14})[ \t]*:[ \t]*(?P<value>.*?)\s*$")
_SUBJECT_TAGS = re.compile(r"^(?:(?:re|fwd?|fw|aw|sv)[ \t]*:[ \t]*|\[[^\]\n]{1,40}\][ \t]*)+", re.I)
_SENDER = re.compile(r"^[\"']?(?P<name>[^<>\"'@]{2,60}?)[\"']?[ \t]*<[^<>\s]+@[^<>\s]+>$")
_SEPARATOR = re.compile(r"^(?:--|[_=-]{10,})[ \t]*$")


@dataclass
class _Message:
    """An e-mail header heading a mailing-list post (0-based lines)."""

    first: int
    last: int
    subject: int | None = None
    date: ParsedDate | None = None
    date_line: int | None = None
    sender: str | None = None


def _message_heads(lines: Lines) -> list[_Message]:
    """E-mail headers (`message_header_labels` lines, among them a Subject and a Date) heading
    the messages of a mailing-list archive or newsletter: none unless one opens the document
    (a forwarded message inside a blog post is quoted text, not a post)."""
    labels, text_lines = cues().message_header_labels, lines.lines
    top = lines.next_nonblank(-1)
    f = _MESSAGE_FIELD.match(text_lines[top]) if top >= 0 and ":" in text_lines[top] else None
    digest = False
    if f is None or f["label"].casefold() not in labels:
        # a digest's messages under its table of contents ("… Digest, Vol 4, Issue 12",
        # "Today's Topics:" in its first lines): two or more headers further down
        head = "\n".join(text_lines[top : top + 12]).casefold() if top >= 0 else ""
        digest = ("digest" in head or "topics" in head) and lines.text.count("\nSubject:") > 1
        if not digest:
            return []  # (most documents: one test of the first line, two C-level counts)
    out: list[_Message] = []
    for m in _SUBJECT.finditer(lines.text):
        i = lines.line_of(m.start())
        if out and i <= out[-1].last:
            continue
        a = b = i
        while (
            a > 0
            and (f := _MESSAGE_FIELD.match(text_lines[a - 1]))
            and f["label"].casefold() in labels
        ):
            a -= 1
        while (
            b + 1 < len(lines)
            and (f := _MESSAGE_FIELD.match(text_lines[b + 1]))
            and f["label"].casefold() in labels
        ):
            b += 1
        msg = _Message(a, b)
        for k in range(a, b + 1):
            f = _MESSAGE_FIELD.match(text_lines[k])
            label, value = (f["label"].casefold(), f["value"]) if f else ("", "")
            if label == "subject" and msg.subject is None:
                msg.subject = k
            elif label in ("date", "sent") and msg.date is None:
                msg.date, msg.date_line = parse_date(value[:60]), k
            elif label == "from" and (sender := _SENDER.match(value)) is not None:
                msg.sender = sender["name"].strip()
        if msg.date is not None and msg.date.value is not None:
            out.append(msg)
    if not out or (out[0].first != top and not (digest and len(out) > 1)):
        return []
    return out


def _message_posts(
    lines: Lines, found: Scan, marker_set: set[int], messages: list[_Message]
) -> list[PostLayout]:
    """One post per message: its Subject (list tags and "Re:" dropped) is the title, its Date
    the date, the sender's name the byline; the text ends at a signature or footer rule."""
    posts: list[PostLayout] = []
    top = lines.next_nonblank(-1)
    if 0 <= top < messages[0].first:  # a digest's masthead and table of contents
        posts.append(
            _layout(lines, found, marker_set, None, None, None, None, top, messages[0].first)
        )
    for k, msg in enumerate(messages):
        end = messages[k + 1].first if k + 1 < len(messages) else len(lines)
        footers = cues().message_footer_openings
        for j in range(msg.last + 1, end):
            s = lines.lines[j]
            low = s.lstrip().casefold()
            if (
                _SEPARATOR.match(s)
                or low.startswith(footers)
                or (low[:7] == "end of " and "digest" in low)  # "End of nk-list Digest, Vol 4…"
            ):
                end = j
                break
        layout = _layout(
            lines, found, marker_set, None, None, msg.date, msg.sender, msg.last + 1, end
        )
        if msg.subject is not None:
            value = _MESSAGE_FIELD.match(lines.lines[msg.subject])
            layout.title = _SUBJECT_TAGS.sub("", value["value"] if value else "").strip()
            layout.title_line = msg.subject
        layout.date_line, layout.head_line, layout.date_source = (
            msg.date_line,
            msg.first,
            "date-line",
        )
        layout.byline_line = None
        posts.append(layout)
    return posts


_LABELS = ("labels:", "tags:", "categories:", "labels :", "tags :")
"""Openings of a footer's filing line under the end marker (Blogger's "Labels: …")."""
_WROTE = re.compile(
    r"\s*(?P<name>[\w.-]{2,40})(?:\s+\([\w.-]{2,40}\))?\s+wrote(?:\s+in\s+\S{2,40})?,?\s*$"
)
"""LiveJournal's entry head over the date: "nk_markets (nk_markets) wrote," ("… wrote in
community,")."""
_FILED_TAIL = re.compile(
    r"\d\s*(?:[ap]\.?m\.?)?\s+in\s+[^\n|]{1,60}(?:\|[^\n]{0,60})?\s*\.?\s*$", re.I
)
"""A date line's filing tail ("… 2008 in Food | Permalink", "… 9:30 am In Trade | 1 Comment")."""


def _title_above(lines: Lines, name: int, marker_set: set[int], floor: int) -> int | None:
    """The post title over an author's name line that stands over the date (Substack's "title /
    subtitle / name / date"): the upper of at most two title-like paragraphs right above the
    name (the lower is the subtitle), below the previous post's date line ``floor``."""
    p = lines.prev_nonblank(name)
    if p <= floor or name - p > 2 or not _title_like(lines, p, marker_set):
        return None
    q = lines.prev_nonblank(p)
    if (
        q > floor
        and p - q == 2
        and _title_like(lines, q, marker_set)
        and not cues().is_page_chrome(lines.lines[q])  # Ghost's "Sign in  Subscribe" menu
    ):
        return q
    return p


_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _in_comments(
    title: str,
    date_line: str,
    t: int,
    comments: list[int],
    heads: list[tuple[int, int, ParsedDate, str | None]],
) -> bool:
    """Whether a title-and-date pair below a comment section's heading (and no post since) is a
    reader's comment: "Name says:", or a name over a date with its time ("March 4, 2014 at 9:12
    pm"; an archive's next post titled with a name, under "2 Comments", has a date alone)."""
    k = bisect_left(comments, t) - 1
    if k < 0 or (heads and heads[-1][0] > comments[k]):
        return False
    s = title.strip()
    if s.endswith((":", "：")):
        return True
    return len(s) <= 60 and _CLOCK.search(date_line) is not None and looks_like_name(s)


_FIELD = re.compile(r"^[^\W\d][^\W\d]*(?: [^\W\d]+){0,3}:\s")
"""A page's "Labels: food, markets" / "Tags: …" line: a field, not a title (a label with a
number is a title's: "Issue 41: Fertiliser season", "Part 2: …")."""


def _is_field(s: str) -> bool:
    """Whether a stripped line is a page's field ("Labels: food, markets", "Filed under: North
    Korean economy"): a label of one or two words, then a list of short items. A headline with a
    colon is no field: its lead runs three words or more ("After the test: prices in Sinuiju"),
    or its subtitle is a phrase of four words or more ("Kaesong wages: the numbers nobody agrees
    on")."""
    if ":" not in s or (m := _FIELD.match(s)) is None:
        return False
    if s[: m.end()].count(" ") > 2:  # (the label, its colon and the space after it)
        return False
    return all(len(item.split()) <= 3 for item in s[m.end() :].split(","))


def _title_like(lines: Lines, i: int, marker_set: set[int]) -> bool:
    """Whether line ``i`` reads as a post title: a short paragraph of its own, no sentence or
    lead-in ending, no date, byline or end marker."""
    if i < 0 or i in marker_set:
        return False
    s = lines.lines[i].strip()
    if not s or len(s) > 150 or s.endswith((":", "：", ".", ",", ";")) or s[0] in "([“\"‘'—–-":
        return False
    if (i + 1 < len(lines) and not lines.blank(i + 1)) or is_furniture(s) or _is_field(s):
        return False
    if len(s) <= 12 and not any(ch.isalpha() for ch in s):
        return False  # a roundup's item number or a separator ("~ 1 ~", "* * *"), no title
    if cues().comment_heading_re.match(s) is not None:
        return False  # "2 Comments" closing the post above
    return _date_line(s) is None and _byline(s) is None


def _glued_title(lines: Lines, i: int, marker_set: set[int]) -> bool:
    """Whether line ``i``, glued under a date line, is a post title with the text right under
    it (a saved Blogger archive with no blank lines): short, no sentence ending, and the line
    below a long one or a sentence."""
    s = lines.lines[i].strip()
    if not s or len(s) > 100 or s.endswith((":", "：", ".", ",", ";")) or s[0] in "([“\"‘'—–-":
        return False
    if i + 1 >= len(lines) or lines.blank(i + 1) or i in marker_set:
        return False
    below = lines.lines[i + 1].strip()
    if len(below) < 60 and not below.endswith((".", ":", "!", "?", "”", '"')):
        return False
    if is_furniture(s) or _is_field(s) or cues().comment_heading_re.match(s) is not None:
        return False
    return _date_line(s) is None and _byline(s) is None


def _date_first_heads(
    lines: Lines,
    found: Scan,
    glued: dict[int, tuple[ParsedDate, str | None]],
    marker_set: set[int],
    not_byline: Callable[[str], bool] | None = None,
) -> list[tuple[int, int, ParsedDate]]:
    """(date line, title line, date) of each date line standing alone above a title line."""
    out: list[tuple[int, int, ParsedDate]] = []
    text_lines = lines.lines
    for i in found.date:
        if i in glued or not _may_be_date_line(text_lines[i].strip()):
            continue
        if i > 0 and not lines.blank(i - 1):
            continue  # a paragraph of its own, or the first line of one
        t = lines.next_nonblank(i)
        if t == i + 1:  # Blogger's archive with no blank lines: date / title / text
            if not _glued_title(lines, t, marker_set):
                continue
        elif t < 0 or t - i > 2 or not _title_like(lines, t, marker_set):
            continue
        body = lines.next_nonblank(t)
        if body < 0 or (out and out[-1][1] >= i):
            continue
        hit = _date_line(text_lines[i])
        if hit is not None and not (hit[1] is not None and _sourced(text_lines[i], not_byline)):
            out.append((i, t, hit[0]))
    return out


def _date_first(
    lines: Lines,
    heads: list[tuple[int, int, ParsedDate, str | None]],
    date_heads: list[tuple[int, int, ParsedDate]],
    marker_set: set[int],
) -> bool:
    """Whether the document's posts open with their date line (Blogger), not their title: more
    date lines stand between no title above and a title below than between a title above and
    a body below."""
    date_first = sum(
        not _title_like(lines, lines.prev_nonblank(d), marker_set) for d, _, _ in date_heads
    )
    title_first = sum(
        not _title_like(lines, lines.next_nonblank(d), marker_set) for _, d, _, _ in heads
    )
    return date_first > title_first


def _date_first_posts(
    lines: Lines,
    found: Scan,
    marker_set: set[int],
    heads: list[tuple[int, int, ParsedDate]],
    not_byline: Callable[[str], bool] | None,
    comments: list[int],
) -> list[PostLayout]:
    """Post layouts of a date-first document: each post runs from its date line to the next."""
    posts: list[PostLayout] = []
    first = lines.next_nonblank(-1)
    if first < heads[0][0] and (first := _leading_text(lines, heads[0][0])) >= 0:
        posts.append(_layout(lines, found, marker_set, None, None, None, None, first, heads[0][0]))
    footers = sorted(f for f in marker_set if _POSTED_BY.match(lines.lines[f]))
    for k, (d, t0, date) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        day: int | None = d  # the date line heads the day's first post only
        t: int | None = t0
        while t is not None:
            # Blogger prints the date once a day: under a post's footer, a title-like line with
            # text below starts the day's next post
            nxt = _next_after_footer(lines, marker_set, footers, t, end)
            hit = _date_line(lines.lines[day]) if day is not None else None
            layout = _layout(
                lines,
                found,
                marker_set,
                t,
                day,
                date,
                hit[1] if hit is not None else None,  # Squarespace's "June 6, 2016 / Name"
                t + 1,
                nxt if nxt is not None else end,
                not_byline=not_byline,
                comments=comments,
            )
            layout.date_source = "date-line"
            if layout.byline is None:  # the template's footer names the author
                _footer_byline(lines, layout, t)
            if layout.byline is None:  # a byline paragraph under the title ("By Name")
                _name_under_title(lines, layout, t, not_byline)
            posts.append(layout)
            t, day = nxt, None
    return posts


def _footer_byline(lines: Lines, layout: PostLayout, t: int) -> None:
    """Read the byline from a template's footer among the post's last lines ("posted by X at
    10:14 PM" above "Share"); the footer closes the text, so no quote runs into it."""
    for j in range(layout.last, max(t, layout.last - 6), -1):
        s = lines.lines[j]
        if s[:1] in "Pp \t" and (m := _POSTED_BY.match(s)) is not None:
            layout.byline, layout.byline_line = m.group("name"), j
            layout.body_end = min(layout.body_end, j)
            return


def _name_under_title(
    lines: Lines, layout: PostLayout, t: int, not_byline: Callable[[str], bool] | None
) -> None:
    """Read a byline standing as a paragraph of its own right under a date-first post's title
    ("Tuesday, March 4, 2008" / "Title" / "By Name"): the post's text starts below it."""
    nb = lines.next_nonblank(t, layout.body_end)
    if nb < 0 or (nb + 1 < layout.body_end and not lines.blank(nb + 1)):
        return
    s = lines.lines[nb].strip()
    if s[:3].casefold() != "by " and s[:3].casefold() != "by:":
        return  # (a bare name under a title is too often a quoted article's header)
    name = _byline(s)
    if name is not None and (not_byline is None or not not_byline(name)):
        layout.byline, layout.byline_line, layout.body_start = name, nb, nb + 1


def _next_after_footer(
    lines: Lines, marker_set: set[int], footers: list[int], t: int, end: int
) -> int | None:
    """The title line of a further post of the same day in ``t+1..end``: a title-like line with
    text below it, right under a footer naming the author ("posted by X at 9:05 AM"; the sorted
    ``footers``)."""
    for f in footers[bisect_left(footers, t + 1) : bisect_left(footers, end)]:
        nt = lines.next_nonblank(f, end)
        if nt >= 0 and _title_like(lines, nt, marker_set) and lines.next_nonblank(nt, end) >= 0:
            return nt
    return None


_POSTED_BY = re.compile(
    r"^\s*posted\s+by\s+(?P<name>\S[^\n]{0,40}?)\s+(?:(?:at|@)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4},?\s+)?\d{1,2}:\d{2}"
    r"|on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\b)",
    re.IGNORECASE,
)
"""Blogger's footer: "Posted by Joshua at 10:32 AM 2 comments" ("posted by Joshua @ 10:32 PM"
before 2006); Movable Type's: "Posted by Joshua at March 8, 2006 09:41 AM"; TypePad's:
"Posted by Joshua on March 03, 2008 in Food | Permalink | Comments (0)"."""


_FOOTER = re.compile(
    r"^\s*(?:this\s+(?:entry|post)\s+was\s+)?(?:posted|published|written)\s+(?:on\s+)?",
    re.IGNORECASE,
)
"""The opening of a post's footer line that dates it ("This entry was posted on Tuesday, March
4th, 2008 at 10:32 am and is filed under …", "Posted on March 4, 2008 in Food | Comments")."""
_COUNTED = regex.compile(
    r"^(?=(?:" + DATE_RE.pattern + r")\s*[·•|]\s*(?:(?:\d{1,5}|no|one)\s+)?(?:comments?|responses?|"
    r"repl(?:y|ies)|leave\s+a\s+(?:comment|reply)|comments?\s+(?:off|closed))\s*$)",
    regex.IGNORECASE | regex.VERSION1,
)
"""A footer of a date and the post's comment count ("06/21/2013 · 3 Comments", WordPress.com's
archive lists): a lookahead, so the date is read from the line's start as after "Posted on"."""
_FOOTER_CUE = re.compile(r"(?im)^[ \t]*this[ \t]+(?:entry|post)[ \t]+was[ \t]+")


def _footer_dates(lines: Lines, found: Scan) -> list[tuple[int, ParsedDate]]:
    """Footer lines dating the post above them: a "posted on <date>" opening followed by more
    than a date line holds (the time, the categories, the comment count)."""
    candidates = set(found.date)
    for cue in _FOOTER_CUE.finditer(lines.text):  # ("This …" lines are no date candidates)
        candidates.add(lines.line_of(cue.start()))
    out: list[tuple[int, ParsedDate]] = []
    for i in sorted(candidates):
        s = lines.lines[i].strip()
        m = _FOOTER.match(s) or _COUNTED.match(s)
        if m is None or len(s) > 300 or _date_line(s) is not None:
            continue  # (a line that is only a date is a date line, read as such elsewhere)
        d = DATE_RE.match(s, m.end())
        if d is None:
            continue
        parsed = parse_date(d.group(0))
        if parsed is not None and parsed.value is not None:
            out.append((i, parsed))
    return out


_FILED = re.compile(
    r"^\s*(?:posted|filed)\s+(?:in|under)\s+[^|\n]{1,200}\|[^\n]{0,200}?(?:comments?|repl(?:y|ies)|"
    r"responses?)\s*[»›→]?\s*$",
    re.IGNORECASE,
)
"""An undated theme footer filing the post and counting its comments ("Posted in Food, Trade |
Tagged rice | Leave a comment", "Filed under Kaesong | 2 Comments")."""


def _filed_footers(lines: Lines, found: Scan) -> list[int]:
    """Undated footer lines closing posts, among the lines opening like a date line ("Posted …")
    or ending in a colon-free comment count."""
    text_lines = lines.lines
    return [
        i
        for i in found.opening
        if len(text_lines[i]) <= 400 and _FILED.match(text_lines[i]) is not None
    ]


def _footer_posts(
    lines: Lines,
    found: Scan,
    marker_set: set[int],
    footers: list[tuple[int, ParsedDate]] | list[tuple[int, None]],
    comments: list[int],
) -> list[PostLayout]:
    """Posts closed by a footer line (dated, or filing the post): each runs from the line after
    the previous footer to its own footer (its end marker); its title is its first line when it
    reads as one."""
    posts: list[PostLayout] = []
    ends = marker_set | {f for f, _ in footers}
    start = _next_content(lines, -1)
    for f, date in footers:
        if start < 0 or start >= f:
            start = _next_content(lines, f)
            continue
        title = start if _title_like(lines, start, marker_set) else None
        if (title is None or not posts) and (
            t := _title_over_text(lines, start, f, marker_set)
        ) is not None:
            # a masthead above the first post ("Leadership Notes" / "Research on …", a Tumblr
            # blog's name over the post's title): chrome
            posts.append(_layout(lines, found, marker_set, None, None, None, None, start, t))
            title, start = t, t
        body = lines.next_nonblank(start, f) if title is not None else start
        layout = _layout(
            lines, found, ends, title, None, date, None, max(body, start), f + 1, comments=comments
        )
        layout.date_source = "date-line" if date is not None else None
        if layout.end_marker_line is None:  # the footer closes the post, widget-like or not
            layout.end_marker_line, layout.body_end = f, min(layout.body_end, f)
        posts.append(layout)
        start = _next_content(lines, f)
    if start >= 0 and posts:  # text after the last footer (comments, a sidebar)
        posts.append(_layout(lines, found, marker_set, None, None, None, None, start, len(lines)))
    return posts


_TEXT_END = (".", "!", "?", "…", "”", '"', "]", "reading", "reading →", "…]")


def _title_over_text(lines: Lines, start: int, end: int, marker_set: set[int]) -> int | None:
    """The title-like line right above the first paragraph of running text (long, or ending like
    a sentence) among the first few paragraphs of ``start..end``, if not ``start`` itself."""
    j = start
    for _ in range(8):
        if j < 0 or j >= end:
            return None
        s = lines.lines[j].rstrip()
        if len(s) > 150 or s.endswith(_TEXT_END) or (s.endswith(":") and s.count(" ") >= 4):
            # (a lead-in of five words or more is running text too: "X ran a feature on …:")
            t = lines.prev_nonblank(j, start)
            return t if t > start and _title_like(lines, t, marker_set) else None
        j = lines.next_nonblank(j, end)
    return None


def _layout(
    lines: Lines,
    found: Scan,
    marker_set: set[int],
    title_line: int | None,
    date_line: int | None,
    date: ParsedDate | None,
    by: str | None,
    start: int,
    end: int,
    *,
    not_byline: Callable[[str], bool] | None = None,
    comments: list[int] | tuple[int, ...] = (),
) -> PostLayout:
    byline_line = None
    if by is None and date_line is not None and start == date_line + 1:
        nb = lines.next_nonblank(date_line, end)
        # a byline is a paragraph of its own: "Joong Ang Daily" over "Jo Dong-ho" and "8/1/2007"
        # is the header block of a quoted article, not the post's byline
        if nb >= 0 and (nb + 1 >= end or lines.blank(nb + 1)):
            by = _byline(lines.lines[nb])
            if by is not None and not_byline is not None and not_byline(lines.lines[nb].strip()):
                by = None
            if by is not None:
                byline_line = nb
                start = nb + 1
    elif by is not None:
        byline_line = date_line
    # the last end marker before the next post (and any widget lines after it) closes this one
    marker = None
    j = _prev_content(lines, end, start, marker_set)
    if j >= start and j in marker_set:
        marker = j
    body_end = marker if marker is not None else end
    if marker is None and j > start and lines.lines[j].lstrip()[:10].casefold().startswith(_LABELS):
        # Blogger's "Labels: Kaesong, trade" under the footer "Posted by X at 10:21 AM": the
        # text ends at the footer (the labels stay the post's last line)
        f = _prev_content(lines, j, start)
        if f >= start and f in marker_set:
            body_end = f
    k, boxed = bisect_left(comments, start), False
    if k < len(comments) and comments[k] == lines.next_nonblank(start - 1, body_end):
        k += 1  # a comment count heading the post ("3 Comments" under its date): the theme's
    if k < len(comments) and comments[k] < body_end:
        marker = body_end = comments[k]  # the readers' comments are not the post's text
        if cues().is_author_box(lines.lines[marker]):
            marker, boxed = None, True  # Medium's "Written by …": the page's, not the post's
    # a Markdown heading's "#" marks are layout, not title
    title = lines.lines[title_line].strip().lstrip("#").strip() if title_line is not None else ""
    if title[:1].isdigit() and (tm := _TIMED_TITLE.match(title)) is not None:
        title = title[tm.end() :]  # LiveJournal's "10:15 am - Title": the time is the theme's
    if "://" in title and (at := _TITLE_URL.search(title, 1)) is not None:
        title = title[: at.start()].rstrip()  # a board's repost: the title glued to its link
    layout = PostLayout(
        title_line, title, date, date_line, by, byline_line, start, body_end, marker
    )
    if marker is None:
        last = _prev_content(lines, body_end if boxed else end, start)
        layout.last_content = last if last >= 0 else None
    ref = date.value if date else None
    upd = markers().update
    candidates = Scan.between(found.update, start, body_end) + Scan.between(
        found.cite, start, body_end
    )
    for i in sorted(set(candidates)):
        if (m := upd.match(lines.lines[i])) is not None:
            dates = find_dates(m.group("date"), ref)
            if dates and dates[0].value is not None:
                layout.updates.append((i, dates[0].value))
    return layout
