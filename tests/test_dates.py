"""Date normalisation: forms, day-first convention, post-date disambiguation, traps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citegrab import DateResolution, DiagnosticCode
from citegrab._dates import find_dates, parse_date

D = dt.date
REF = D(2022, 8, 4)

CASES = [
    # text, reference date, expected value, expected resolution
    ("August 5th, 2022", None, D(2022, 8, 5), DateResolution.UNAMBIGUOUS),
    ("July 8th, 2022", REF, D(2022, 7, 8), DateResolution.UNAMBIGUOUS),
    ("Dec. 7, 2021", REF, D(2021, 12, 7), DateResolution.UNAMBIGUOUS),
    ("Sept 30 2021", REF, D(2021, 9, 30), DateResolution.UNAMBIGUOUS),
    ("8 July 2022", REF, D(2022, 7, 8), DateResolution.UNAMBIGUOUS),
    ("the 8th of July, 2022", REF, D(2022, 7, 8), DateResolution.UNAMBIGUOUS),
    ("Wednesday, July 6, 2022", REF, D(2022, 7, 6), DateResolution.UNAMBIGUOUS),
    ("2022-07-08", REF, D(2022, 7, 8), DateResolution.UNAMBIGUOUS),
    ("2022/07/08", REF, D(2022, 7, 8), DateResolution.UNAMBIGUOUS),
    ("2022년 7월 8일", REF, D(2022, 7, 8), DateResolution.UNAMBIGUOUS),
    ("18/7/2022", REF, D(2022, 7, 18), DateResolution.UNAMBIGUOUS),
    ("3/8/2022", REF, D(2022, 8, 3), DateResolution.DAY_FIRST),
    ("8/7/22", REF, D(2022, 7, 8), DateResolution.DAY_FIRST_BY_POST_DATE),
    ("4/12/2019", D(2019, 4, 20), D(2019, 4, 12), DateResolution.MONTH_FIRST_BY_POST_DATE),
    ("8.7.2022", REF, D(2022, 7, 8), DateResolution.DAY_FIRST_BY_POST_DATE),
]


@pytest.mark.parametrize(("text", "ref", "value", "resolution"), CASES)
def test_date_forms(
    text: str, ref: dt.date | None, value: dt.date, resolution: DateResolution
) -> None:
    parsed = parse_date(text, ref)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.resolution == resolution


def test_iso_is_never_day_first() -> None:
    # dateutil's dayfirst=True would read this as 7 August
    parsed = parse_date("2022-07-08", D(2022, 12, 31))
    assert parsed is not None and parsed.value == D(2022, 7, 8)


def test_two_digit_year_resolves_against_post_not_wall_clock() -> None:
    parsed = parse_date("7/8/75", D(2022, 8, 4))
    assert parsed is not None and parsed.value == D(1975, 8, 7)
    assert DiagnosticCode.DATE_TWO_DIGIT_YEAR in {i.code for i in parsed.issues}
    # a post from 1999 reads "7/8/05" as 1905, never after the post
    old = parse_date("7/8/98", D(1999, 1, 1))
    assert old is not None and old.value == D(1998, 8, 7)


def test_two_digit_year_without_post_uses_fixed_pivot() -> None:
    a = parse_date("7/8/22")
    b = parse_date("7/8/75")
    assert a is not None and a.value is not None and a.value.year == 2022
    assert b is not None and b.value is not None and b.value.year == 1975


def test_impossible_date_gives_null_and_diagnostic() -> None:
    parsed = parse_date("31/2/2022", REF)
    assert parsed is not None and parsed.value is None
    assert [i.code for i in parsed.issues] == [DiagnosticCode.DATE_IMPOSSIBLE]


def test_missing_year_comes_from_post() -> None:
    parsed = parse_date("July 13", D(2022, 8, 1))
    assert parsed is not None and parsed.value == D(2022, 7, 13)
    # a month after the post's month belongs to the previous year
    parsed = parse_date("Dec. 20", D(2022, 1, 10))
    assert parsed is not None and parsed.value == D(2021, 12, 20)


def test_ambiguity_flagged() -> None:
    parsed = parse_date("3/8/2022", REF)
    assert parsed is not None
    assert DiagnosticCode.DATE_AMBIGUOUS in {i.code for i in parsed.issues}


def test_not_a_date() -> None:
    assert parse_date("around USD 44,450") is None
    assert find_dates("132.5 mm (5.2 inches) of rain by 4 p.m.") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/.-, JulyMayDec.stndrh")), max_size=80))
def test_date_normaliser_never_raises(text: str) -> None:
    for d in find_dates(text, REF):
        assert d.value is None or isinstance(d.value, dt.date)
    parse_date(text, REF)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_date_normaliser_never_raises_on_any_text(text: str) -> None:
    find_dates(text)
    parse_date(text)
