"""Date normalisation: a regex grammar for the forms this genre writes, resolved against the post.

A date's reading is decided by the most specific evidence available. Year-first forms are never
read day-first. An ambiguous numeric date (``3/4/2005``) is first held against the post quoting
it (a source cannot postdate it); then against the writer's own convention as the document proves
it (an unambiguous ``7/13/2005`` can only be month-first, ``20/7/2014`` only day-first; see
`DocumentOrder`); and only then against the genre's default for the post's era (month-first
before 2013, day-first since; dotted ``02.03.2009`` day-first in any era). Two-digit and missing
years are resolved against the post's date, never against the wall clock. Month-only
(``August 2010``) and year-only dates keep their precision; misspelt month names (``Spetember``) are corrected with a diagnostic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from dateutil import parser as _du_parser

from ._data import load_toml
from ._models import DateResolution, DiagnosticCode
from ._outlets import trie_pattern

Order = Literal["day-first", "month-first"]
Precision = Literal["day", "month", "year"]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_FULL_NAMES = tuple(n for n in MONTHS if len(n) > 4 or n in ("june", "july"))
"""Month names spelt out (the ones a misspelling is matched against)."""

# month and weekday names as prefix tries ("sep(?:t(?:ember)?)?"): at each position the engine
# tests a first letter once instead of every name in turn; the longest name still wins
_MONTH = r"(?P<mon>" + trie_pattern(MONTHS) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DAY = r"(?P<d>[0-3]?\d)" + _ORD
_YEAR4 = r"(?:1[89]|20)\d\d"
_JUCHE = r"[Jj]uche\s+\d{1,3}(?:\s*\(" + _YEAR4 + r"\))?"
"""A year of the DPRK's Juche calendar (year 1 is 1912), its Gregorian year after it or not:
"Juche 102 (2013)", "Juche 102"."""
_YEAR = r"(?P<y>" + _YEAR4 + r"|['’]\d\d|" + _JUCHE + r")"  # "March 3, 2008", "March 3, '08"
_WEEKDAY = r"(?:(?:" + trie_pattern(WEEKDAYS.split("|")) + r")\.?,?\s+)?"
_SEP = r"[/.\-]"
_MY_SEP = r"(?:,?\s+|\s*,\s*)"

_NO_YEAR_AFTER_MD = r"(?![\d,]*\s*(?:\d{4}|['’]\d))"
_NO_YEAR_AFTER_DM = r"(?!\s*,?\s*['’]?\d)"
_TO_DAY = r"(?:\s*[–—\-]\s*[0-3]?\d" + _ORD + r"(?!\d))?"
"""The end of a range of days, read as its first day ("March 4–5, 2009", "4-5 March 2009")."""
_ISO_SEP = r"(?:[/\-]|\.\s?)"
_TIME = r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+\-]\d\d:?\d\d)?)?"
_TO_NUMBER = r"(?:\s+|(?<=\.))"
"""Between a month's name and the day: spaces, or none after an abbreviation's dot ("Mar.4")."""
_MONTH_DAY = (
    _MONTH
    + _TO_NUMBER
    + _DAY
    + _TO_DAY
    + r"(?:"
    + _MY_SEP
    + _YEAR
    + r"|"
    + _NO_YEAR_AFTER_MD
    + r")"
)

PIECES: dict[str, str] = {
    # year first: never day-first ("2013-3-14" unpadded too)
    # (Korean writers space the dots: "2008. 3. 14."; a timestamp may follow: "2012-03-04T09:00")
    "iso": r"(?P<y>" + _YEAR4 + r")" + _ISO_SEP + r"(?P<m>[01]?\d)" + _ISO_SEP
    + r"(?P<d>[0-3]?\d)(?!\d)" + _TIME,
    # Korean, and Chinese/Japanese ("2008年3月14日")
    "korean": r"(?P<y>" + _YEAR4 + r")\s*[년年]\s*(?P<m>\d{1,2})\s*[월月]\s*(?P<d>\d{1,2})\s*[일日]",
    # numeric day/month order is ambiguous: resolved later
    "numeric": r"(?P<a>[0-3]?\d)" + _SEP + r"(?P<b>[0-3]?\d)" + _SEP + r"(?P<y>\d{4}|\d{2})(?!\d)",
    # month first, with or without the year ("March 3rd, 2008", "March 3"): one piece, so that
    # the month alternation is tried once per position
    "mdy": _WEEKDAY + _MONTH_DAY,
    # day first, with or without the year ("3rd March 2008", "the 8th of July")
    "dmy": _WEEKDAY + r"(?:the\s+)?" + _DAY + _TO_DAY + r"(?:\s+of)?\s+" + _MONTH
    + r"(?:,?\s+" + _YEAR + r"|" + _NO_YEAR_AFTER_DM + r")",
    # hyphenated or slashed, as news wires, databases and Asia Press write it ("14-Mar-2008",
    # "14-Mar-08", "26/Nov/2014"), and year first ("2014/Nov/26", "2014-Nov-26")
    "dmyh": r"(?P<d>[0-3]?\d)[\-/]" + _MONTH + r"[\-/](?P<y>" + _YEAR4 + r"|\d\d)(?!\d)",
    "ymdh": r"(?P<y>" + _YEAR4 + r")[\-/]" + _MONTH + r"[\-/](?P<d>[0-3]?\d)(?!\d)",
    # and month first, as US databases and some wires write it ("Mar-04-2013", "Mar/04/2013")
    "mdyh": _MONTH + r"[\-/](?P<d>[0-3]?\d)[\-/](?P<y>" + _YEAR4 + r"|\d\d)(?!\d)",
}  # fmt: skip
"""Named pieces of the day-precision grammar; each branch names its groups so that one pass finds
all. Post date lines are read with these only."""

CITATION_PIECES: dict[str, str] = {
    **PIECES,
    # and month precision, "August 2010", "August, 2010", "Aug. 2010", "Aug '09", in the same
    # piece as month-day: tried after it
    "mdy": _WEEKDAY + _MONTH + r"(?:" + _TO_NUMBER + _DAY + _TO_DAY + r"(?:" + _MY_SEP + _YEAR + r"|"
    + _NO_YEAR_AFTER_MD + r")|(?:" + _MY_SEP + r"|\s+of\s+)(?P<my>" + _YEAR4 + r"|['’]\d\d))",
    # day first as in `PIECES`, and a German ordinal's dot after the day ("3. Aug. 2011")
    "dmy": _WEEKDAY + r"(?:the\s+)?" + _DAY + r"\.?" + _TO_DAY + r"(?:\s+of)?\s+" + _MONTH
    + r"(?:,?\s+" + _YEAR + r"|" + _NO_YEAR_AFTER_DM + r")",
    # a year and month in Korean or Chinese/Japanese ("2013년 3월", "2013年3月"), no day after it
    "kmonth": r"(?P<y>\d{4})\s*[년年]\s*(?P<m>\d{1,2})\s*[월月](?!\s*\d)",
    # a compact ISO date, as Korean and Japanese sites and file names write it ("20130304")
    "compact": r"(?P<y>" + _YEAR4 + r")(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])",
}  # fmt: skip
"""What a citation's date slot may hold: `PIECES` plus month-only dates (not read on post date
lines, where a monthly archive heading is not a post's date)."""

_KINDS = tuple(CITATION_PIECES)


def _scoped(name: str, pattern: str) -> str:
    """Prefix a piece's group names with its own name (the standard library needs unique names)."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{name}_{m.group(1)}>", pattern)


_FIRST = r"(?=\d|" + trie_pattern({w[:3] for w in (*MONTHS, *WEEKDAYS.split("|"), "the")}) + r")"
"""What a strict date can start with: a digit, or the first three letters of a month or weekday
name or of "the" (every such word has three; matched with the same case folding as the words)."""


def _compile(pieces: dict[str, str], first: str = "") -> re.Pattern[str]:
    """One alternation of the pieces, never starting or ending inside a word or number.

    ``first`` is a lookahead for how a match can start: tested before the alternation, it turns
    away most positions (inside words, and words that begin no date) after a few comparisons.
    """
    return re.compile(
        r"(?<![\w/.\-])"
        + first
        + r"(?:"
        + "|".join(f"(?P<{name}>{_scoped(name, pat)})" for name, pat in pieces.items())
        + r")(?![\w/\-]|\.\d)",
        re.IGNORECASE,
    )


DATE_RE = _compile(PIECES, _FIRST)
"""One pass finds every day-precision date form; stdlib `re` (faster than `regex` here), groups
named ``<piece>_<field>``. Post date lines embed this pattern."""

CITATION_DATE_RE = _compile(CITATION_PIECES, _FIRST)
"""`DATE_RE` plus month-precision forms: what a citation's date slot may hold."""

# Misspelt month names ("Spetember 4, 2009", "Febuary 2010"): a looser grammar, run only where
# the strict one found nothing and a four-digit year is present; the word is then matched against
# the month names by edit distance (see `correct_month`).
_WORD = r"(?P<mon>[A-Za-z]{4,11})\.?"
_Y4 = r"(?P<y>" + _YEAR4 + r")"
FUZZY_PIECES: dict[str, str] = {
    "mdy": _WEEKDAY + _WORD + r"\s+" + _DAY + _MY_SEP + _Y4,
    "dmy": _WEEKDAY + r"(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _WORD + r",?\s+" + _Y4,
    "my": _WORD + _MY_SEP + r"(?P<my>" + _YEAR4 + r")",
}
FUZZY_DATE_RE = _compile(FUZZY_PIECES)
_HAS_YEAR4 = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


_FOREIGN_TABLE: list[str] = [
    name for names in load_toml("markers.toml").get("foreign_months", {}).values() for name in names
]
FOREIGN_MONTHS: dict[str, int] = {
    name.casefold(): int(num)
    for num, names in load_toml("markers.toml").get("foreign_months", {}).items()
    for name in names
}
"""French, German, Spanish, Italian and Portuguese month names ("mars", "Juni", "octubre"),
casefolded, to their numbers."""
_FMONTH = r"(?P<mon>" + trie_pattern(FOREIGN_MONTHS) + r")\.?"
_FMONTH_AS_WRITTEN = r"(?P<mon>(?-i:" + trie_pattern(_FOREIGN_TABLE) + r"))\.?"
"""A month name as its language writes it: German nouns capitalised, the others lowercase (so
the English word "Mars" and the name "Marco" are no months)."""
_DE = r",?\s+(?:del?\s+)?"  # Spanish and Portuguese write "8 de octubre de 2012"
FOREIGN_PIECES: dict[str, str] = {
    # day first: "12 mars 2013", "1er avril 2013", "4. Juni 2015", "8 de octubre de 2012"
    "dmy": r"(?P<d>[0-3]?\d)(?:er|º|°|\.)?\s+(?:de\s+)?" + _FMONTH + _DE + _Y4,
    # a month and year closing the slot: "juillet 2011", "Dezember 2009", "octubre de 2012"
    "my": _FMONTH_AS_WRITTEN + _DE + r"(?P<my>" + _YEAR4 + r")(?=[\s.,;:)\]]*$)",
}
FOREIGN_DATE_RE = _compile(FOREIGN_PIECES)
"""European dates, read in a citation's slot only where the English grammar finds none."""

YEAR_MONTH_RE = re.compile(
    r"(?:^|,)\s*(?P<ym>(?P<y>" + _YEAR4 + r")[\-/](?P<m>0[1-9]|1[0-2]))(?=[\s.,;:)\]]*$)"
)
"""A year and month in ISO form as the last field of a citation's date slot ("…,” Daily NK,
2014-11", "2014/11"); after a comma or alone, so that "Working Paper 2014-11" is no date."""

TIME_OF_DAY = re.compile(
    r"(?:,?\s+(?:at\s+)?|T)\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:KST|JST|GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST)\)?)?"
    r"(?:\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)?[\s.,;)\]]*$",
    re.IGNORECASE,
)
"""A time of day closing a citation's date slot ("July 8, 2022, 11:45 GMT+9", "… 10:32 KST")."""

YEAR_ONLY_RE = re.compile(r"(?:^|(?<=[\s,;(]))(?P<y>" + _YEAR4 + r")(?=[\s.,;:)\]]*$)")
"""A year standing alone at the end of a citation's date slot ("…,” Korea Herald, 2009.")."""

_PERIOD = (
    r"(?P<p>(?i:spring|summer|fall|autumn|winter),?\s+(?P<sy>"
    + _YEAR4
    + r")(?:[/\-–]\d\d(?:\d\d)?)?"
    r"|[Jj]uche\s+(?P<jy>\d{1,3})(?:\s*\((?P<gy>" + _YEAR4 + r")\))?)"
)
PERIOD_RE = re.compile(r"(?:^|(?<=[\s,;(]))" + _PERIOD + r"(?=[\s.,;:)\]]*$)")
"""A year named otherwise at the end of a citation's date slot: a season ("Spring 2013", "Winter
2012/13": a journal's issue, its month unknown) or a Juche year ("Juche 102", "Juche 102
(2013)"); both are read with year precision."""


MONTH_FIRST_BEFORE = 2013
"""Posts from before this year default to month-first when nothing in the document proves an
order: the genre's older blogs wrote American dates (measured on the invented older-layout set in
tests/data/layouts and the archive's layouts; see docs/normalisation.md). Later posts default to
day-first, the convention of the development corpus."""


@dataclass(frozen=True)
class DateIssue:
    """A diagnostic raised while reading a date (turned into a `Diagnostic` by the caller)."""

    code: DiagnosticCode
    message: str


@dataclass
class ParsedDate:
    """A date found in text: its value (None if impossible), the raw text and how it was read.

    ``proves`` is the reading order an unambiguous numeric date proves its writer uses
    (``13/7/2005`` proves day-first); ``readings`` holds both readings (day-first, month-first)
    of an ambiguous one, so that a document's evidence can settle it later.

    A value: never changed in place (`dataclasses.replace` makes a changed copy). It is not a
    frozen dataclass only because one is built for every date read, and a frozen one costs
    several times as much to build.
    """

    value: dt.date | None
    raw: str
    start: int
    end: int
    resolution: DateResolution | None = None
    issues: tuple[DateIssue, ...] = field(default=())
    precision: Precision = "day"
    proves: Order | None = None
    readings: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class OrderDecision:
    """The reading order the document proves for its writer, and why (said in a diagnostic)."""

    order: Order
    reason: str


# -- edit distance for misspelt month names -----------------------------------------------------


def _osa_distance(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (insert, delete, substitute, swap neighbours)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


_NOT_MONTHS = frozenset({"augusta", "augustus", "marches", "marched", "junes", "julys", "mayor"})
"""Real words within one edit of a month name: never corrected."""


def _allowed_edits(name: str) -> int:
    """How far a spelling may stray from a month name: short names only by a swap of
    neighbouring letters (``Mrach``), long ones by one edit, the longest by two."""
    if len(name) <= 5:
        return 0  # swaps only, checked separately
    return 2 if len(name) >= 8 else 1


def correct_month(word: str) -> tuple[int, str] | None:
    """The month a misspelt name means (``Spetember`` → 9), or None when it is no month or could
    be more than one. The first letter must be right and ordinary words are never corrected."""
    w = word.casefold().rstrip(".")
    if w in MONTHS:
        return MONTHS[w], w
    if len(w) < 4 or w in _NOT_MONTHS or not w.isalpha():
        return None
    hits: list[tuple[int, str]] = []
    for name in _FULL_NAMES:
        if name[0] != w[0] or abs(len(name) - len(w)) > 2:
            continue
        allowed = _allowed_edits(name)
        if allowed == 0:
            ok = len(w) == len(name) and sorted(w) == sorted(name) and _osa_distance(w, name) == 1
        else:
            ok = len(w) >= 5 and _osa_distance(w, name) <= allowed
        if ok:
            hits.append((MONTHS[name], name))
    return hits[0] if len(hits) == 1 else None


# -- reading one match --------------------------------------------------------------------------


def _year2(yy: int, ref: dt.date | None, issues: list[DateIssue], raw: str) -> int:
    """Resolve a two-digit year to the latest year not after the reference date's year."""
    if ref is not None:
        year = ref.year // 100 * 100 + yy
        if year > ref.year:
            year -= 100
        issues.append(
            DateIssue(
                DiagnosticCode.DATE_TWO_DIGIT_YEAR,
                f"two-digit year in {raw!r} read as {year} from the post's date",
            )
        )
        return year
    year = 2000 + yy if yy < 70 else 1900 + yy
    issues.append(
        DateIssue(
            DiagnosticCode.DATE_TWO_DIGIT_YEAR,
            f"two-digit year in {raw!r} read as {year} (no post date; fixed pivot 1970)",
        )
    )
    return year


def _year(text: str, ref: dt.date | None, issues: list[DateIssue], raw: str) -> int:
    """A four-digit year as written, a two-digit one ("08", "'08") resolved by `_year2`, or a
    Juche year ("Juche 102 (2013)": the Gregorian year given, else 1911 + 102)."""
    if text[0] in "Jj":
        return juche_year(text)
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else _year2(int(digits), ref, issues, raw)


_JUCHE_PARTS = re.compile(r"(\d{1,3})(?:\s*\((\d{4})\))?")


def juche_year(text: str) -> int:
    """The Gregorian year of a Juche year ("Juche 102" → 2013; "Juche 102 (2013)" → 2013: the
    year in brackets is the writer's own conversion and wins)."""
    m = _JUCHE_PARTS.search(text)
    assert m is not None
    return int(m.group(2)) if m.group(2) else 1911 + int(m.group(1))


def _make(y: int, m: int, d: int) -> dt.date | None:
    """The calendar date, or None when it does not exist (31 February)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _choose(
    raw: str,
    day_first: dt.date,
    month_first: dt.date,
    ref: dt.date | None,
    order: OrderDecision | None,
    issues: list[DateIssue],
) -> tuple[dt.date, DateResolution]:
    """Pick a reading of an ambiguous numeric date: the post's date first (a source cannot
    postdate the post quoting it), then the document's proven order, then a reading in the week
    before the post when the other is weeks older, then the genre default."""
    if ref is not None and day_first > ref >= month_first:
        issues.append(
            DateIssue(
                DiagnosticCode.DATE_RESOLVED_BY_POST,
                f"{raw!r} read month-first ({month_first}): day-first would postdate the post ({ref})",
            )
        )
        return month_first, DateResolution.MONTH_FIRST_BY_POST_DATE
    if ref is not None and month_first > ref >= day_first:
        return day_first, DateResolution.DAY_FIRST_BY_POST_DATE
    if order is not None:
        return _by_order(raw, day_first, month_first, order, issues)
    if ref is not None and (recent := _recent(raw, day_first, month_first, ref, issues)):
        return recent
    return _by_era(raw, day_first, month_first, ref, issues)


AFTER_DAYS = 2
"""A source may be dated this many days after the post quoting it: a KST date is a day ahead of
an American blogger's, and a post keeps the date it was drafted on."""
RECENT_DAYS = 7
"""A reading at most this many days before the post quoting it is "just before" it."""
OLDER_DAYS = 21
"""…and wins when the other reading is more than this many days before the post: a blog quotes
the news of its last days far more often than a month-old piece (docs/normalisation.md)."""


def _recent(
    raw: str, day_first: dt.date, month_first: dt.date, ref: dt.date, issues: list[DateIssue]
) -> tuple[dt.date, DateResolution] | None:
    """The reading in the week before the post when the other is weeks older (both precede it);
    when both postdate it, one at most AFTER_DAYS after it when the other is weeks after it."""
    a, b = (ref - day_first).days, (ref - month_first).days
    if a < 0 and b < 0:  # both after the post ("3/5/13" under a post of March 4th, 2013)
        a = -a if -a <= AFTER_DAYS else OLDER_DAYS + 1 if -a > OLDER_DAYS else RECENT_DAYS + 1
        b = -b if -b <= AFTER_DAYS else OLDER_DAYS + 1 if -b > OLDER_DAYS else RECENT_DAYS + 1
    if 0 <= a <= RECENT_DAYS and b > OLDER_DAYS:
        value, order, resolution = day_first, "day-first", DateResolution.DAY_FIRST_BY_POST_DATE
        other = month_first
    elif 0 <= b <= RECENT_DAYS and a > OLDER_DAYS:
        value, order, resolution = (
            month_first,
            "month-first",
            DateResolution.MONTH_FIRST_BY_POST_DATE,
        )
        other = day_first
    else:
        return None
    issues.append(  # a likelihood, not a proof: still said as a doubt
        DateIssue(
            DiagnosticCode.DATE_AMBIGUOUS,
            f"{raw!r} could be {day_first} or {month_first}; read {order} ({value}), "
            + (
                f"in the week before the post ({ref}): the other reading is "
                f"{(ref - other).days} days before it"
                if value <= ref
                else f"a day or two after the post ({ref}): the other reading is "
                f"{(other - ref).days} days after it"
            ),
        )
    )
    return value, resolution


def _by_order(
    raw: str,
    day_first: dt.date,
    month_first: dt.date,
    order: OrderDecision,
    issues: list[DateIssue],
) -> tuple[dt.date, DateResolution]:
    """The reading the document's proven order gives."""
    value = month_first if order.order == "month-first" else day_first
    issues.append(
        DateIssue(
            DiagnosticCode.DATE_RESOLVED_BY_DOCUMENT,
            f"{raw!r} read {order.order} ({value}): {order.reason}",
        )
    )
    if order.order == "month-first":
        return value, DateResolution.MONTH_FIRST_BY_DOCUMENT
    return value, DateResolution.DAY_FIRST_BY_DOCUMENT


def _by_era(
    raw: str,
    day_first: dt.date,
    month_first: dt.date,
    ref: dt.date | None,
    issues: list[DateIssue],
) -> tuple[dt.date, DateResolution]:
    """The genre's default for the post's era (no evidence): month-first before 2013."""
    year = ref.year if ref is not None else day_first.year
    doubt = (
        f"{raw!r} could be {day_first} or {month_first}; nothing in the document proves its order"
    )
    if year < MONTH_FIRST_BEFORE and "." in raw:
        # "02.03.2009": dots between day, month and year are the day-first writers' notation
        # (European and wire style); the genre's month-first writers used slashes
        issues.append(
            DateIssue(
                DiagnosticCode.DATE_AMBIGUOUS,
                f"{doubt}: read day-first, as dotted numeric dates are written",
            )
        )
        return day_first, DateResolution.DAY_FIRST
    if year < MONTH_FIRST_BEFORE:
        what = "post" if ref is not None else "date"
        issues.append(
            DateIssue(
                DiagnosticCode.DATE_AMBIGUOUS,
                f"{doubt}: read month-first, as the genre wrote before {MONTH_FIRST_BEFORE} "
                f"(the {what} is from {year})",
            )
        )
        return month_first, DateResolution.MONTH_FIRST_BY_ERA
    issues.append(
        DateIssue(DiagnosticCode.DATE_AMBIGUOUS, f"{doubt}: read day-first, the genre's convention")
    )
    return day_first, DateResolution.DAY_FIRST


def _resolve(
    m: re.Match[str],
    ref: dt.date | None,
    order: OrderDecision | None = None,
    offset: int = 0,
) -> ParsedDate:
    """Read one match of a date grammar against the reference (post) date and proven order."""
    raw = m.group(0)
    kind = m.lastgroup or next(k for k in _KINDS if k in m.re.groupindex and m.group(k))
    issues: list[DateIssue] = []
    resolution: DateResolution | None = DateResolution.UNAMBIGUOUS
    precision: Precision = "day"
    proves: Order | None = None
    readings: tuple[dt.date, dt.date] | None = None
    value: dt.date | None
    if kind == "kmonth":
        value, precision = _make(int(m.group("kmonth_y")), int(m.group("kmonth_m")), 1), "month"
    elif kind == "iso" or kind == "korean" or kind == "compact":
        value = _make(
            int(m.group(f"{kind}_y")), int(m.group(f"{kind}_m")), int(m.group(f"{kind}_d"))
        )
    elif kind == "numeric" and (short := _short_year_first(m, raw, ref)) is not None:
        value, resolution = short, None  # "14.02.01" under a post of February 2014
        issues.append(
            DateIssue(
                DiagnosticCode.DATE_AMBIGUOUS,
                f"{raw!r} read year-first ({short}), as Korean sites write yy.mm.dd: its first "
                "number is the post's year and the day-first reading lies years before the post",
            )
        )
    elif kind == "numeric":
        a, b = int(m.group("numeric_a")), int(m.group("numeric_b"))
        y = _year(m.group("numeric_y"), ref, issues, raw)
        day_first, month_first = _make(y, b, a), _make(y, a, b)
        if day_first and month_first and a != b:
            readings = (day_first, month_first)
            value, resolution = _choose(raw, day_first, month_first, ref, order, issues)
        else:
            value = day_first or month_first
            if a != b and value is not None:
                proves = "day-first" if value == day_first else "month-first"
    else:
        word = m.group(kind + "_mon")
        key = word.casefold().rstrip(".")
        mon = MONTHS.get(key)
        if mon is None and m.re is FOREIGN_DATE_RE:  # "12 mars 2013", "4. Juni 2015"
            mon = FOREIGN_MONTHS.get(key)
        if mon is None:  # only the fuzzy grammar lets other words through
            fixed = correct_month(word)
            if fixed is None:
                return ParsedDate(None, raw, m.start() + offset, m.end() + offset)
            mon = fixed[0]
            issues.append(
                DateIssue(
                    DiagnosticCode.DATE_MISSPELT_MONTH,
                    f"month {word!r} in {raw!r} read as {fixed[1].capitalize()}",
                )
            )
        day, year, month_year = _word_fields(m, kind)
        if day is None:  # "August 2010"
            value, precision = _make(_year(month_year or "", ref, issues, raw), mon, 1), "month"
        elif year is not None:
            value = _make(_year(year, ref, issues, raw), mon, int(day))
        elif ref is None:
            value = None
            issues.append(
                DateIssue(
                    DiagnosticCode.DATE_NO_YEAR, f"{raw!r} has no year and there is no post date"
                )
            )
        else:
            # the latest such date at most AFTER_DAYS after the post ("Mar. 5" under a post of
            # March 4th is that March 5th, "Jan. 1" under December 31st the next day)
            value = _make(ref.year + 1, mon, int(day))
            if value is None or value > _days_after(ref, AFTER_DAYS):
                value = _make(ref.year, mon, int(day))
                if value is not None and value > _days_after(ref, AFTER_DAYS):
                    value = _make(ref.year - 1, mon, int(day))
            issues.append(
                DateIssue(
                    DiagnosticCode.DATE_NO_YEAR, f"{raw!r} has no year; taken from the post's date"
                )
            )
    if value is None and not any(i.code is DiagnosticCode.DATE_NO_YEAR for i in issues):
        issues.append(
            DateIssue(DiagnosticCode.DATE_IMPOSSIBLE, f"{raw!r} is not a valid calendar date")
        )
        resolution = DateResolution.UNAMBIGUOUS
    elif value is not None and ref is not None and value > ref:
        issues.append(_after_post(raw, value, ref))
    return ParsedDate(
        value, raw, m.start() + offset, m.end() + offset, resolution, tuple(issues), precision,
        proves, readings,
    )  # fmt: skip


def _days_after(ref: dt.date, days: int) -> dt.date:
    """``ref`` moved by ``days``, held at the calendar's ends (a post dated 9999-12-31)."""
    try:
        return ref + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


_SHORT_YEAR_FIRST_DAYS = 400
"""How far before the post a year-first reading of a dotted two-digit date may lie."""


def _short_year_first(m: re.Match[str], raw: str, ref: dt.date | None) -> dt.date | None:
    """The year-first reading of a dotted date of two-digit numbers ("14.02.01", Korean sites'
    yy.mm.dd), when its first number is the post's year (or the year before), that reading lies
    within about a year before the post (or a day or two after), and the day-first and
    month-first readings lie more than that before it; else None."""
    yy = m.group("numeric_y")
    if ref is None or len(yy) != 2 or "." not in raw or len(m.group("numeric_a")) != 2:
        return None
    a = int(m.group("numeric_a"))
    if a not in (ref.year % 100, (ref.year - 1) % 100):
        return None
    century = ref.year - ref.year % 100 - (100 if a > ref.year % 100 else 0)
    year_first = _make(century + a, int(m.group("numeric_b")), int(yy))
    oldest = _days_after(ref, -_SHORT_YEAR_FIRST_DAYS)
    if year_first is None or not oldest <= year_first <= _days_after(ref, AFTER_DAYS):
        return None
    y = century + int(yy) if int(yy) <= ref.year % 100 else century - 100 + int(yy)
    for other in (_make(y, int(m.group("numeric_b")), a), _make(y, a, int(m.group("numeric_b")))):
        if other is not None and other >= oldest:
            return None  # a day-first or month-first reading is as recent: no case for it
    return year_first


_FIELDS = {kind: (kind + "_d", kind + "_y", kind + "_my") for kind in (*_KINDS, "my")}
"""Each piece's day, year and month-only-year group names (a piece may lack some)."""


def _word_fields(m: re.Match[str], kind: str) -> tuple[str | None, str | None, str | None]:
    """A month-word piece's day, year and month-only year (None where the piece has none)."""
    names = m.re.groupindex
    d, y, my = _FIELDS[kind]
    return (
        m.group(d) if d in names else None,
        m.group(y) if y in names else None,
        m.group(my) if my in names else None,
    )


def _after_post(raw: str, value: dt.date, ref: dt.date) -> DateIssue:
    """The diagnostic for a source dated after the post quoting it."""
    return DateIssue(
        DiagnosticCode.DATE_AFTER_POST, f"{raw!r} ({value}) is after the post's date {ref}"
    )


def _year_date(
    year: int, m: re.Match[str], group: str, ref: dt.date | None, offset: int
) -> ParsedDate:
    """A date known to its year only (the text of ``group``), stored as 1 January with year
    precision; after the post's date, said so."""
    value = dt.date(year, 1, 1)
    raw = m.group(group)
    issues = (_after_post(raw, value, ref),) if ref is not None and value > ref else ()
    return ParsedDate(
        value, raw, m.start(group) + offset, m.end(group) + offset, DateResolution.UNAMBIGUOUS,
        issues, "year",
    )  # fmt: skip


def _year_only(m: re.Match[str], ref: dt.date | None, offset: int = 0) -> ParsedDate:
    """A year alone."""
    return _year_date(int(m.group("y")), m, "y", ref, offset)


def _period(m: re.Match[str], ref: dt.date | None, offset: int = 0) -> ParsedDate:
    """A season's or a Juche year's year (a season names no month; its date as written is kept
    in ``raw``)."""
    if m.group("jy") is not None:
        year = int(m.group("gy")) if m.group("gy") else 1911 + int(m.group("jy"))
    else:
        year = int(m.group("sy"))
    return _year_date(year, m, "p", ref, offset)


_JUCHE_DAY = re.compile(
    r"(?:[Jj]uche|주체)\s*\d{1,3}\s*\((?P<y>" + _YEAR4 + r")\)\s*(?:\.\s*|년\s*)"
    r"(?P<m>[01]?\d)\s*[.월]\s*(?P<d>[0-3]?\d)(?!\d)(?:\s*일)?"
)
"""A day written as the DPRK's documents write it, the Juche year with its Gregorian year in
brackets, then month and day: "Juche 101 (2012).4.5", "주체101(2012)년 4월 5일"."""


def _whole_day(m: re.Match[str], value: dt.date | None, ref: dt.date | None) -> ParsedDate:
    """A day read whole from its match (an era's or Juche's year, its own year): impossible, or
    after the post's date, said so."""
    issues: tuple[DateIssue, ...] = ()
    if value is None:
        issues = (DateIssue(DiagnosticCode.DATE_IMPOSSIBLE, f"{m.group(0)!r} is not a valid date"),)
    elif ref is not None and value > ref:
        issues = (_after_post(m.group(0), value, ref),)
    return ParsedDate(value, m.group(0), m.start(), m.end(), DateResolution.UNAMBIGUOUS, issues)


def _juche_day(m: re.Match[str], ref: dt.date | None) -> ParsedDate:
    """A Juche-dated day (its Gregorian year read), or an impossible date said so."""
    value = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _whole_day(m, value, ref)


_ERA_BASES = {
    "明治": 1867,
    "大正": 1911,
    "昭和": 1925,
    "平成": 1988,
    "令和": 2018,
    "民國": 1911,
    "民国": 1911,
    "단기": -2333,
    "檀紀": -2333,
}
"""Year 0 of the Japanese eras, the Republic of China's Minguo calendar (平成 1 is 1989) and
the Korean Dangi calendar (단기 4343 is 2010)."""
_ERA_DAY = re.compile(
    r"(?:(?P<y>" + _YEAR4 + r")\s*年\s*[(（]\s*)?(?P<era>" + "|".join(_ERA_BASES) + r")\s*"
    r"(?P<ey>元|[1-9]\d{0,3})\s*[年년]\s*(?:[)）]\s*)?(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]"
)
"""A day dated by a Japanese era or the Minguo calendar, its Gregorian year before it in brackets
or not: "平成23年5月5日", "令和元年5月5日" (元: the era's first year), "2019年(令和元年)5月5日"."""


def _era_day(m: re.Match[str], ref: dt.date | None) -> ParsedDate:
    """An era-dated day (the Gregorian year given, else the era's base plus its year; a year
    outside 1800-2100 is no date)."""
    ey = m.group("ey")
    year = (
        int(m.group("y"))
        if m.group("y")
        else _ERA_BASES[m.group("era")] + (1 if ey == "元" else int(ey))
    )
    value = _make(year, int(m.group("m")), int(m.group("d"))) if 1800 <= year <= 2100 else None
    return _whole_day(m, value, ref)


def _year_month(m: re.Match[str], ref: dt.date | None) -> ParsedDate:
    """A year and month alone ("2014-11"), stored as the first of the month."""
    value = dt.date(int(m.group("y")), int(m.group("m")), 1)
    raw = m.group("ym")
    issues = (_after_post(raw, value, ref),) if ref is not None and value > ref else ()
    return ParsedDate(
        value, raw, m.start("ym"), m.end("ym"), DateResolution.UNAMBIGUOUS, issues, "month"
    )


# -- finding dates in text ----------------------------------------------------------------------


def find_dates(text: str, ref: dt.date | None = None) -> list[ParsedDate]:
    """Every date in the text, in order, each resolved against the reference (post) date."""
    return [_resolve(m, ref) for m in CITATION_DATE_RE.finditer(text)]


_WINDOW = 64


def last_date(
    text: str, ref: dt.date | None = None, *, year_only: bool = False
) -> ParsedDate | None:
    """The last date in the text (the citation's date sits at the end of its line).

    Dates are short, so the tail window is tried first; the whole text only if it has none. A
    misspelt month is tried only when no date is found, and a year standing alone at the very
    end only when ``year_only`` (a citation's slot after its quoted title).
    """
    if len(text) > _WINDOW:
        cut = text.rfind(" ", 0, len(text) - _WINDOW)
        cut = cut + 1 if cut >= 0 else 0
        found = _last_match(CITATION_DATE_RE, text, cut)
        if found is not None:
            return _resolve(found, ref)
    found = _last_match(CITATION_DATE_RE, text, 0)
    if found is not None:
        return _resolve(found, ref)
    if ("uche" in text or "주체" in text) and (j := _JUCHE_DAY.search(text)) is not None:
        return _juche_day(j, ref)  # "Juche 101 (2012).4.5", "주체101(2012)년 4월 5일"
    if ("年" in text or "단기" in text) and (e := _ERA_DAY.search(text)) is not None:
        return _era_day(e, ref)  # "平成23年5月5日", "2019年(令和元年)5月5日"
    if year_only and "uche" in text and (p := PERIOD_RE.search(text)) is not None:
        return _period(p, ref)  # "Juche 102": no four-digit year
    if not _HAS_YEAR4.search(text):
        return None
    foreign = _last_match(FOREIGN_DATE_RE, text, 0)  # "12 mars 2013", "4. Juni 2015"
    if foreign is not None and (d := _resolve(foreign, ref)).value is not None:
        return d
    for fuzzy in reversed(list(FUZZY_DATE_RE.finditer(text))):
        d = _resolve(fuzzy, ref)
        if d.value is not None:
            return d
    if year_only and (ym := YEAR_MONTH_RE.search(text)) is not None:
        return _year_month(ym, ref)
    if year_only and (p := PERIOD_RE.search(text)) is not None:
        return _period(p, ref)
    if year_only and (y := YEAR_ONLY_RE.search(text)) is not None:
        return _year_only(y, ref)
    return None


def drop_time(text: str) -> str:
    """The text without a time of day that follows its closing date ("July 8, 2022, 11:45
    GMT+9" → "July 8, 2022"); unchanged when no date stands right before the time."""
    start = max(0, len(text) - 48)  # a time closes the text: only its end is searched
    if ":" not in text[start:]:
        return text
    m = TIME_OF_DAY.search(text, start)
    if m is None:
        return text
    head = text[: m.start()]
    found = _last_match(CITATION_DATE_RE, head, max(0, len(head) - _WINDOW))
    if found is None or head[found.end() :].strip(" ,"):
        return text
    return head


def _last_match(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """The pattern's last match in the text from ``pos`` on."""
    last = None
    for last in pattern.finditer(text, pos):  # noqa: B007 - we want the final match
        pass
    return last


_LEAD = r"\s*[(\[]?\s*"  # a date line in parentheses: "(8/27/2012)"
_TRAIL = r"[\s.,;:)\]]*"
_WHOLE_RE = re.compile(_LEAD + r"(?:" + CITATION_DATE_RE.pattern + r")" + _TRAIL, re.IGNORECASE)
_WHOLE_FUZZY_RE = re.compile(_LEAD + r"(?:" + FUZZY_DATE_RE.pattern + r")" + _TRAIL, re.IGNORECASE)
_WHOLE_YEAR_RE = re.compile(_LEAD + r"(?P<y>" + _YEAR4 + r")" + _TRAIL)
_WHOLE_PERIOD_RE = re.compile(_LEAD + _PERIOD + _TRAIL)
_WHOLE_FOREIGN_RE = re.compile(_LEAD + "(" + FOREIGN_DATE_RE.pattern + ")" + _TRAIL, re.IGNORECASE)
_WHOLE_JUCHE_RE = re.compile(_LEAD + "(" + _JUCHE_DAY.pattern + ")" + _TRAIL)


def parse_date(
    text: str, ref: dt.date | None = None, order: OrderDecision | None = None
) -> ParsedDate | None:
    """Read a string that should be one date. Returns None when it is not a date at all.

    ``order`` is the document's proven reading order for an ambiguous numeric date. Never raises:
    an impossible date comes back with ``value=None`` and a diagnostic.
    """
    if _WHOLE_RE.fullmatch(text) is not None:
        inner = CITATION_DATE_RE.search(text)
        assert inner is not None
        return _resolve(inner, ref, order)
    if _WHOLE_FUZZY_RE.fullmatch(text) is not None:
        inner = FUZZY_DATE_RE.search(text)
        assert inner is not None
        d = _resolve(inner, ref)
        if d.value is not None:
            return d
    if _HAS_YEAR4.search(text) is not None:
        if (f := _WHOLE_FOREIGN_RE.fullmatch(text)) is not None:  # "4. März 2013" as a field
            d = _resolve(FOREIGN_DATE_RE.search(text, f.start(1)) or f, ref)
            if d.value is not None:
                return d
        if ("uche" in text or "주체" in text) and (j := _WHOLE_JUCHE_RE.fullmatch(text)):
            return _juche_day(_JUCHE_DAY.search(text, j.start(1)) or j, ref)
    if ("年" in text or "단기" in text) and (e := _ERA_DAY.fullmatch(text.strip())) is not None:
        return _era_day(e, ref)  # "平成23年5月5日" as a field of its own
    if (y := _WHOLE_YEAR_RE.fullmatch(text)) is not None:
        return _year_only(y, ref)
    if (p := _WHOLE_PERIOD_RE.fullmatch(text)) is not None:
        return _period(p, ref)
    if ":" in text and (bare := drop_time(text)) != text:
        return parse_date(bare, ref, order)  # "[2007-07-20 15:38 ]": a date line with its time
    return _dateutil_fallback(text, ref)


_NUMBERS = re.compile(r"\d+")
_FALLBACK_OK = re.compile(r"^[\w ,./\-]{6,40}$")
_HAS_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def _dateutil_fallback(text: str, ref: dt.date | None) -> ParsedDate | None:
    """Let dateutil read rarer forms, with a fixed default so the wall clock never leaks in."""
    s = text.strip()
    if not _FALLBACK_OK.match(s) or not _HAS_YEAR4.search(s) or not _HAS_MONTH.search(s):
        return None
    default = dt.datetime(ref.year if ref else 2000, 1, 1)
    try:
        value = _du_parser.parse(s, dayfirst=True, default=default, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        return None
    # "Mar.2013": no day number beside the year, so the month is all it says
    precision: Precision = "month" if all(len(n) == 4 for n in _NUMBERS.findall(s)) else "day"
    value = value.replace(day=1) if precision == "month" else value
    return ParsedDate(value, s, 0, len(s), DateResolution.UNAMBIGUOUS, (), precision)


_ORDER_CODES = frozenset(
    {
        DiagnosticCode.DATE_AMBIGUOUS,
        DiagnosticCode.DATE_RESOLVED_BY_POST,
        DiagnosticCode.DATE_RESOLVED_BY_DOCUMENT,
        DiagnosticCode.DATE_AFTER_POST,
    }
)


def reorder(d: ParsedDate, ref: dt.date | None, order: OrderDecision | None) -> ParsedDate:
    """An ambiguous numeric date read again with a proven order, against the same reference
    date it was first read with (its other diagnostics kept)."""
    if d.readings is None:
        return d
    issues = [i for i in d.issues if i.code not in _ORDER_CODES]
    value, resolution = _choose(d.raw, *d.readings, ref, order, issues)
    if ref is not None and value > ref:
        issues.append(_after_post(d.raw, value, ref))
    return replace(d, value=value, resolution=resolution, issues=tuple(issues))


def resolve_again(d: ParsedDate, ref: dt.date | None, order: OrderDecision | None) -> ParsedDate:
    """The same date read again against another reference date or a proven order (its place in
    the text is kept)."""
    again = parse_date(d.raw, ref, order)
    if again is None:
        return d
    return replace(again, start=d.start, end=d.end)


# -- the document's reading order ---------------------------------------------------------------


@dataclass
class OrderEvidence:
    """Unambiguous numeric dates seen in some scope, counted by the order each proves."""

    month_first: int = 0
    day_first: int = 0
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, d: ParsedDate | None) -> None:
        """Count a date if it proves an order."""
        if d is None or d.proves is None:
            return
        if d.proves == "month-first":
            self.month_first += 1
        else:
            self.day_first += 1
        self.examples.setdefault(d.proves, d.raw)

    def update(self, other: OrderEvidence) -> None:
        """Add another scope's evidence to this one."""
        self.month_first += other.month_first
        self.day_first += other.day_first
        for k, v in other.examples.items():
            self.examples.setdefault(k, v)

    def __bool__(self) -> bool:
        return bool(self.month_first or self.day_first)


_MAJORITY = 3
"""Contradicting evidence in one scope decides only when one order outnumbers the other 3:1."""


def decide_order(levels: Iterable[tuple[str, OrderEvidence]]) -> OrderDecision | None:
    """The reading order proven by the narrowest scope whose evidence is one-sided (or at least
    three to one), e.g. levels ``("this post", …), ("this author's posts", …), ("this document",
    …)``; None when no scope decides, and the genre's default applies."""
    contradicted = ""
    for scope, ev in levels:
        mf, df = ev.month_first, ev.day_first
        if not (mf or df):
            continue
        if mf and df and max(mf, df) < _MAJORITY * min(mf, df):
            contradicted = contradicted or (
                f"; {scope} has both orders ({ev.examples['month-first']!r} month-first, "
                f"{ev.examples['day-first']!r} day-first)"
            )
            continue
        order: Order = "month-first" if mf > df else "day-first"
        n, other = (mf, df) if mf > df else (df, mf)
        why = f"{ev.examples[order]!r} in {scope} can only be {order}"
        if n > 1:
            why += f" ({n} such dates"
            why += f", {other} the other way)" if other else ")"
        return OrderDecision(order, why + contradicted)
    return None


@dataclass(frozen=True)
class PostDates:
    """What one post contributes to its document's evidence: byline, date line, cited dates."""

    byline: str | None
    date: ParsedDate | None
    cited: tuple[ParsedDate | None, ...]


def _era(d: ParsedDate | None) -> bool | None:
    """Whether a post is from the month-first era (None when undated)."""
    if d is None or d.value is None:
        return None
    return d.value.year < MONTH_FIRST_BEFORE


class DocumentOrder:
    """The reading order each post's writer is proven to use, from the document's own dates.

    Scopes, narrowest first: the post's citations; the citations of posts with the same byline;
    those of the whole document; the document's post date lines (the blog template's format, a
    weaker hint about the same blog). Wider scopes count only posts of the same era as the post
    (before 2013, or since) and undated ones, since archives spanning years changed writers and
    habits. A post's ambiguous date line asks the template first.
    """

    def __init__(self, posts: list[PostDates]) -> None:
        self.posts = posts
        self.eras = [_era(p.date) for p in posts]
        self.own: list[OrderEvidence] = []
        self._cited: dict[tuple[str | None, bool | None], OrderEvidence] = {}
        self._lines: dict[bool | None, OrderEvidence] = {}
        for p, era in zip(posts, self.eras, strict=True):
            ev = OrderEvidence()
            for d in p.cited:
                ev.add(d)
            self.own.append(ev)
            self._cited.setdefault((None, era), OrderEvidence()).update(ev)
            if p.byline:
                self._cited.setdefault((p.byline, era), OrderEvidence()).update(ev)
            self._lines.setdefault(era, OrderEvidence()).add(p.date)
        self.mixed_eras = len({e for e in self.eras if e is not None}) > 1
        self._merged: dict[tuple[str | None, bool | None], OrderEvidence] = {}
        self._templates: dict[bool | None, OrderEvidence] = {}

    def _wide(self, byline: str | None, era: bool | None) -> OrderEvidence:
        """The cited evidence of a byline's posts (None: all posts) of an era (None: any)."""
        key = (byline, era)
        if key not in self._merged:
            out = self._merged[key] = OrderEvidence()
            for (who, e), ev in self._cited.items():
                if who == byline and (era is None or e is None or e == era):
                    out.update(ev)
        return self._merged[key]

    def _template(self, era: bool | None) -> OrderEvidence:
        """The evidence of the post date lines of an era (None: any)."""
        if era not in self._templates:
            out = self._templates[era] = OrderEvidence()
            for e, ev in self._lines.items():
                if era is None or e is None or e == era:
                    out.update(ev)
        return self._templates[era]

    def _scopes(self, k: int) -> tuple[str, list[tuple[str, OrderEvidence]]]:
        era = self.eras[k]
        tag = ""
        if self.mixed_eras and era is not None:
            tag = f" (posts {'before' if era else 'since'} {MONTH_FIRST_BEFORE})"
        byline = self.posts[k].byline
        wide = [(f"the posts by {byline}{tag}", self._wide(byline, era))] if byline else []
        wide.append((f"this document{tag}", self._wide(None, era)))
        return tag, wide

    def for_citations(self, k: int) -> OrderDecision | None:
        """The proven order for the dates cited in post ``k``."""
        tag, wide = self._scopes(k)
        template = (f"the document's post dates{tag}", self._template(self.eras[k]))
        return decide_order([("this post", self.own[k]), *wide, template])

    def for_post_date(self, k: int) -> OrderDecision | None:
        """The proven order for post ``k``'s own (ambiguous) date line."""
        tag, wide = self._scopes(k)  # the era is known: both readings share the year
        template = (f"the document's post dates{tag}", self._template(self.eras[k]))
        return decide_order([template, ("this post", self.own[k]), wide[-1]])
