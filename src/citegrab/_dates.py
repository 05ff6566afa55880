"""Date normalisation: a regex grammar for the forms this genre writes, resolved against the post.

Numeric dates are read day-first (the genre's convention) unless that reading would postdate the
post quoting the source; two-digit years and missing years are resolved against the post's date,
never against the wall clock. ISO and other year-first forms are never read day-first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import regex
from dateutil import parser as _du_parser

from ._models import DateResolution, DiagnosticCode

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DAY = r"(?P<d>[0-3]?\d)" + _ORD
_YEAR4 = r"(?P<y>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?:(?:" + WEEKDAYS + r")\.?,?\s+)?"
_SEP = r"[/.\-]"

PIECES: dict[str, str] = {
    # year first: never day-first
    "iso": r"(?P<y>(?:1[89]|20)\d\d)" + _SEP + r"(?P<m>[01]?\d)" + _SEP + r"(?P<d>[0-3]?\d)(?!\d)",
    "korean": r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
    # numeric day/month order is ambiguous: resolved later
    "numeric": r"(?P<a>[0-3]?\d)" + _SEP + r"(?P<b>[0-3]?\d)" + _SEP + r"(?P<y>\d{4}|\d{2})(?!\d)",
    "mdy": _WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+|\s*,\s*)" + _YEAR4,
    "dmy": _WEEKDAY + r"(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR4,
    "md": _WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?![\d,]*\s*\d{4})",
    "dm": r"(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?!\s*,?\s*\d)",
}
"""Named pieces of the date grammar; each branch names its groups so that one pass finds all."""


def _scoped(name: str, pattern: str) -> str:
    """Prefix a piece's group names with its own name (the standard library needs unique names)."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{name}_{m.group(1)}>", pattern)


DATE_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    + "|".join(f"(?P<{name}>{_scoped(name, pat)})" for name, pat in PIECES.items())
    + r")(?![\w/\-]|\.\d)",
    re.IGNORECASE,
)
"""One pass finds every date form; stdlib `re` (faster than `regex` here), groups named
``<piece>_<field>``."""


@dataclass(frozen=True)
class DateIssue:
    """A diagnostic raised while reading a date (turned into a `Diagnostic` by the caller)."""

    code: DiagnosticCode
    message: str


@dataclass(frozen=True)
class ParsedDate:
    """A date found in text: its value (None if impossible), the raw text and how it was read."""

    value: dt.date | None
    raw: str
    start: int
    end: int
    resolution: DateResolution | None = None
    issues: tuple[DateIssue, ...] = field(default=())


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


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve(m: re.Match[str], ref: dt.date | None, offset: int = 0) -> ParsedDate:
    raw = m.group(0)
    kind = m.lastgroup or next(k for k in PIECES if m.group(k) is not None)

    def g(field: str) -> str:
        return m.group(f"{kind}_{field}")

    issues: list[DateIssue] = []
    resolution = DateResolution.UNAMBIGUOUS
    value: dt.date | None
    if kind in ("iso", "korean"):
        value = _make(int(g("y")), int(g("m")), int(g("d")))
    elif kind == "numeric":
        a, b, ys = int(g("a")), int(g("b")), g("y")
        y = int(ys) if len(ys) == 4 else _year2(int(ys), ref, issues, raw)
        day_first, month_first = _make(y, b, a), _make(y, a, b)
        if day_first and month_first and a != b:
            if ref is not None and day_first > ref >= month_first:
                value, resolution = month_first, DateResolution.MONTH_FIRST_BY_POST_DATE
                issues.append(
                    DateIssue(
                        DiagnosticCode.DATE_RESOLVED_BY_POST,
                        f"{raw!r} read month-first ({value}): day-first would postdate the post ({ref})",
                    )
                )
            elif ref is not None and month_first > ref >= day_first:
                value, resolution = day_first, DateResolution.DAY_FIRST_BY_POST_DATE
            else:
                value, resolution = day_first, DateResolution.DAY_FIRST
                issues.append(
                    DateIssue(
                        DiagnosticCode.DATE_AMBIGUOUS,
                        f"{raw!r} could be {day_first} or {month_first}; read day-first by convention",
                    )
                )
        else:
            value = day_first or month_first
    else:
        mon = MONTHS[g("mon").casefold().rstrip(".")]
        day = int(g("d"))
        if kind in ("mdy", "dmy"):
            value = _make(int(g("y")), mon, day)
        else:
            year = ref.year if ref is not None else None
            if year is None:
                value = None
                issues.append(
                    DateIssue(
                        DiagnosticCode.DATE_NO_YEAR,
                        f"{raw!r} has no year and there is no post date",
                    )
                )
            else:
                value = _make(year, mon, day)
                if value is not None and ref is not None and value > ref:
                    value = _make(year - 1, mon, day)
                issues.append(
                    DateIssue(
                        DiagnosticCode.DATE_NO_YEAR,
                        f"{raw!r} has no year; taken from the post's date",
                    )
                )
    if value is None and not any(i.code is DiagnosticCode.DATE_NO_YEAR for i in issues):
        issues.append(
            DateIssue(DiagnosticCode.DATE_IMPOSSIBLE, f"{raw!r} is not a valid calendar date")
        )
        resolution = DateResolution.UNAMBIGUOUS
    elif value is not None and ref is not None and value > ref:
        issues.append(
            DateIssue(
                DiagnosticCode.DATE_AFTER_POST, f"{raw!r} ({value}) is after the post's date {ref}"
            )
        )
    return ParsedDate(value, raw, m.start() + offset, m.end() + offset, resolution, tuple(issues))


def find_dates(text: str, ref: dt.date | None = None) -> list[ParsedDate]:
    """Every date in the text, in order, each resolved against the reference (post) date."""
    return [_resolve(m, ref) for m in DATE_RE.finditer(text)]


_WINDOW = 64


def last_date(text: str, ref: dt.date | None = None) -> ParsedDate | None:
    """The last date in the text (the citation's date sits at the end of its line).

    Dates are short, so the tail window is tried first; the whole text only if it has none.
    """
    if len(text) > _WINDOW:
        cut = text.rfind(" ", 0, len(text) - _WINDOW)
        cut = cut + 1 if cut >= 0 else 0
        found = _last_match(text, cut)
        if found is not None:
            return _resolve(found, ref)
    found = _last_match(text, 0)
    return _resolve(found, ref) if found is not None else None


def _last_match(text: str, pos: int) -> re.Match[str] | None:
    last = None
    for last in DATE_RE.finditer(text, pos):  # noqa: B007 - we want the final match
        pass
    return last


_WHOLE_RE = regex.compile(
    r"\s*(?:" + DATE_RE.pattern + r")[\s.,;:)]*", regex.IGNORECASE | regex.VERSION1
)


def parse_date(text: str, ref: dt.date | None = None) -> ParsedDate | None:
    """Read a string that should be one date. Returns None when it is not a date at all.

    Never raises: an impossible date comes back with ``value=None`` and a diagnostic.
    """
    m = _WHOLE_RE.fullmatch(text)
    if m is not None:
        inner = DATE_RE.search(text)
        assert inner is not None
        return _resolve(inner, ref)
    return _dateutil_fallback(text, ref)


_FALLBACK_OK = regex.compile(r"^[\w ,./\-]{6,40}$")
_HAS_YEAR = regex.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_HAS_MONTH = regex.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", regex.IGNORECASE)


def _dateutil_fallback(text: str, ref: dt.date | None) -> ParsedDate | None:
    """Let dateutil read rarer forms, with a fixed default so the wall clock never leaks in."""
    s = text.strip()
    if not _FALLBACK_OK.match(s) or not _HAS_YEAR.search(s) or not _HAS_MONTH.search(s):
        return None
    default = dt.datetime(ref.year if ref else 2000, 1, 1)
    try:
        value = _du_parser.parse(s, dayfirst=True, default=default, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        return None
    return ParsedDate(value, s, 0, len(s), DateResolution.UNAMBIGUOUS, ())
