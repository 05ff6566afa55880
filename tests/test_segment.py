"""Segmentation: a post date glued to the first sentence is found among the scan's date openings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citegrab._dates import parse_date
from citegrab._scan import Lines, scan
from citegrab._segment import _GLUE_HINT, _GLUED_DATE, _glued_date_lines


def reference_glued(lines: Lines) -> dict[int, object]:
    """The whole-text search it replaced: every year run into a capital, then its line."""
    out: dict[int, object] = {}
    for hint in _GLUE_HINT.finditer(lines.text):
        i = lines.line_of(hint.start())
        m = _GLUED_DATE.match(lines.lines[i])
        if m is not None and i not in out and (d := parse_date(m.group("date"))) is not None:
            out[i] = (d, None)
    return out


_PIECES = [
    "\n", "\n\n", " ", "\t", "> ", "\u00a0", "Friday, ", "Tuesday ", "May ", "Sept. ", "8th", "8",
    ", ", ",", "2009", "1999", "Chris ", "The ", "Daily NK", "’s", "reports", "x" * 30, "(", "*",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_glued_dates_are_found_as_a_whole_text_search_finds_them(text: str) -> None:
    lines = Lines(text)
    assert _glued_date_lines(lines, scan(lines)) == reference_glued(lines)


def test_a_glued_date_is_read() -> None:
    lines = Lines("Title\n\nFriday, May 8th, 2009Chris Green reports on prices")
    glued = _glued_date_lines(lines, scan(lines))
    assert list(glued) == [2]
    assert str(glued[2][0].value) == "2009-05-08"
