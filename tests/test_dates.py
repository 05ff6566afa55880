"""Date normalisation: forms, precision, misspelt months, the document's reading order, traps."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab import DateResolution, DiagnosticCode
from citegrab._dates import (
    DocumentOrder,
    OrderDecision,
    OrderEvidence,
    PostDates,
    correct_month,
    decide_order,
    drop_time,
    find_dates,
    last_date,
    parse_date,
    reorder,
    resolve_again,
)
from citegrab._segment import _date_line

D = dt.date
REF = D(2022, 8, 4)
OLD = D(2010, 9, 1)

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
    ("3/8/2022", REF, D(2022, 8, 3), DateResolution.DAY_FIRST_BY_POST_DATE),  # just before it
    ("3/5/2022", REF, D(2022, 5, 3), DateResolution.DAY_FIRST),  # neither reading is recent
    ("8/7/22", REF, D(2022, 7, 8), DateResolution.DAY_FIRST_BY_POST_DATE),
    ("4/12/2019", D(2019, 4, 20), D(2019, 4, 12), DateResolution.MONTH_FIRST_BY_POST_DATE),
    ("8.7.2022", REF, D(2022, 7, 8), DateResolution.DAY_FIRST_BY_POST_DATE),
    # forms of the 2005-2015 archive
    ("2013-3-14", REF, D(2013, 3, 14), DateResolution.UNAMBIGUOUS),  # unpadded ISO
    ("2013/3/4", REF, D(2013, 3, 4), DateResolution.UNAMBIGUOUS),  # year first: never day-first
    ("March 3rd, 2008", REF, D(2008, 3, 3), DateResolution.UNAMBIGUOUS),
    ("3rd March 2008", REF, D(2008, 3, 3), DateResolution.UNAMBIGUOUS),
    ("the 21st of March, 2008", REF, D(2008, 3, 21), DateResolution.UNAMBIGUOUS),
    ("Sept. 4, 2009", REF, D(2009, 9, 4), DateResolution.UNAMBIGUOUS),
    ("Sep 4 2009", REF, D(2009, 9, 4), DateResolution.UNAMBIGUOUS),
    ("Aug. 22nd, 2006", REF, D(2006, 8, 22), DateResolution.UNAMBIGUOUS),
    ("Monday, March 3, 2008", REF, D(2008, 3, 3), DateResolution.UNAMBIGUOUS),
    ("Wednesday, July 13th, 2005", REF, D(2005, 7, 13), DateResolution.UNAMBIGUOUS),
    ("Mon., Mar. 3, 2008", REF, D(2008, 3, 3), DateResolution.UNAMBIGUOUS),
    ("Tuesday 4 March 2008", REF, D(2008, 3, 4), DateResolution.UNAMBIGUOUS),
    ("March 3, '08", REF, D(2008, 3, 3), DateResolution.UNAMBIGUOUS),
    ("3 March ’08", REF, D(2008, 3, 3), DateResolution.UNAMBIGUOUS),
    ("7/13/2005", REF, D(2005, 7, 13), DateResolution.UNAMBIGUOUS),
    ("7/13/05", REF, D(2005, 7, 13), DateResolution.UNAMBIGUOUS),
    ("20-7-2014", REF, D(2014, 7, 20), DateResolution.UNAMBIGUOUS),
    ("14-Mar-2008", REF, D(2008, 3, 14), DateResolution.UNAMBIGUOUS),
    ("14-Mar-08", REF, D(2008, 3, 14), DateResolution.UNAMBIGUOUS),
    ("2008年3月14日", REF, D(2008, 3, 14), DateResolution.UNAMBIGUOUS),
    # Korean spaced dots, a timestamp after the date, a range of days (its first day)
    ("2008. 3. 14.", REF, D(2008, 3, 14), DateResolution.UNAMBIGUOUS),
    ("2012-03-04T09:00:00+09:00", REF, D(2012, 3, 4), DateResolution.UNAMBIGUOUS),
    ("March 4–5, 2009", REF, D(2009, 3, 4), DateResolution.UNAMBIGUOUS),
    ("4-5 March 2009", REF, D(2009, 3, 4), DateResolution.UNAMBIGUOUS),
    # a month's abbreviation between slashes or hyphens, day or year first (Asia Press style)
    ("26/Nov/2014", REF, D(2014, 11, 26), DateResolution.UNAMBIGUOUS),
    ("2014/Nov/26", REF, D(2014, 11, 26), DateResolution.UNAMBIGUOUS),
    ("2014-Nov-26", REF, D(2014, 11, 26), DateResolution.UNAMBIGUOUS),
    ("3/Sept/2009", REF, D(2009, 9, 3), DateResolution.UNAMBIGUOUS),
    # no space after an abbreviation's dot
    ("Mar.4, 2013", REF, D(2013, 3, 4), DateResolution.UNAMBIGUOUS),
    ("Sept.4,2009", REF, D(2009, 9, 4), DateResolution.UNAMBIGUOUS),
    # dots are day-first writers' notation, in the month-first era too (the post decides first)
    ("02.03.2009", D(2009, 3, 10), D(2009, 3, 2), DateResolution.DAY_FIRST),
    ("3.4.08", D(2008, 6, 1), D(2008, 4, 3), DateResolution.DAY_FIRST),
    ("02/03/2009", D(2009, 3, 10), D(2009, 2, 3), DateResolution.MONTH_FIRST_BY_ERA),
    ("05.03.2009", D(2009, 3, 10), D(2009, 3, 5), DateResolution.DAY_FIRST_BY_POST_DATE),
]


@pytest.mark.parametrize(("text", "ref", "value", "resolution"), CASES)
def test_date_forms(
    text: str, ref: dt.date | None, value: dt.date, resolution: DateResolution
) -> None:
    parsed = parse_date(text, ref)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.resolution == resolution
    assert parsed.precision == "day"


PRECISION = [
    # text, value, precision
    ("August, 2010", D(2010, 8, 1), "month"),
    ("August 2010", D(2010, 8, 1), "month"),
    ("Aug. 2010", D(2010, 8, 1), "month"),
    ("Aug 2010", D(2010, 8, 1), "month"),
    ("aug. 2010.", D(2010, 8, 1), "month"),
    ("May 2009", D(2009, 5, 1), "month"),
    ("Sept. '09", D(2009, 9, 1), "month"),
    ("2009", D(2009, 1, 1), "year"),
    ("2009.", D(2009, 1, 1), "year"),
    ("(2009)", D(2009, 1, 1), "year"),
    ("(August 2010)", D(2010, 8, 1), "month"),
    ("(8/27/2012)", D(2012, 8, 27), "day"),  # a date line in parentheses
    ("August 20, 2010", D(2010, 8, 20), "day"),  # a day, not "August 20" + "10"
    ("August 20 2010", D(2010, 8, 20), "day"),
    ("Mar.2013", D(2013, 3, 1), "month"),  # read by the fallback: still no day
    ("[2007-07-20 15:38 ]", D(2007, 7, 20), "day"),  # a date line with its time
    ("July 20, 2007, 3:38 pm", D(2007, 7, 20), "day"),
]


@pytest.mark.parametrize(("text", "value", "precision"), PRECISION)
def test_precision(text: str, value: dt.date, precision: str) -> None:
    parsed = parse_date(text, OLD)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)


MISSPELT = [
    # text, value, precision, the month named in the diagnostic
    ("Spetember 2009", D(2009, 9, 1), "month", "September"),
    ("Febuary 3, 2009", D(2009, 2, 3), "day", "February"),
    ("Feburary 2010", D(2010, 2, 1), "month", "February"),
    ("4 Januray 2010", D(2010, 1, 4), "day", "January"),
    ("Ocotber 12th, 2007", D(2007, 10, 12), "day", "October"),
    ("Agust 2008", D(2008, 8, 1), "month", "August"),
    ("Novemeber 2, 2006", D(2006, 11, 2), "day", "November"),
    ("Decmber, 2005", D(2005, 12, 1), "month", "December"),
    ("Septmeber 2011", D(2011, 9, 1), "month", "September"),
    ("Mrach 3, 2008", D(2008, 3, 3), "day", "March"),  # short names: a swap only
    ("Juen 2010", D(2010, 6, 1), "month", "June"),
]


@pytest.mark.parametrize(("text", "value", "precision", "month"), MISSPELT)
def test_misspelt_months_are_corrected_and_said(
    text: str, value: dt.date, precision: str, month: str
) -> None:
    parsed = parse_date(text, OLD)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)
    [issue] = [i for i in parsed.issues if i.code is DiagnosticCode.DATE_MISSPELT_MONTH]
    assert text.split()[0].strip(",") in issue.message or text.split()[1] in issue.message
    assert f"read as {month}" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        "Marc 2010",  # a name, one deletion from March
        "Mars 2010",
        "Jane 2010",  # one substitution from June: short names accept swaps only
        "Julie 2010",
        "Augusta 2010",  # a real word one insertion from August
        "Maybe 2010",
        "Monday 2010",
        "Herald, 2009",
        "Outlet 2009",
        "Octane 2010",
        "Novel 2010",
        "Decimal 2010",
    ],
)
def test_ordinary_words_are_not_months(text: str) -> None:
    assert parse_date(text, OLD) is None
    assert last_date(text, OLD) is None


EUROPEAN = [
    # a citation's date slot naming the month in French, German, Spanish, Italian or Portuguese
    (", Le Monde, 12 mars 2013", D(2013, 3, 12), "day"),
    (", Le Monde, 1er avril 2013", D(2013, 4, 1), "day"),
    (", Le Monde, 14 déc. 2010", D(2010, 12, 14), "day"),
    (", Le Figaro, mardi 9 avril 2013", D(2013, 4, 9), "day"),
    (", Der Spiegel, 4. Juni 2015", D(2015, 6, 4), "day"),
    (", Der Spiegel, 17. März 2016", D(2016, 3, 17), "day"),
    (", Der Spiegel, 3. Aug. 2011", D(2011, 8, 3), "day"),  # an English abbreviation
    (", El País, 8 de octubre de 2012", D(2012, 10, 8), "day"),
    (", El País, 5 de mayo, 2014", D(2014, 5, 5), "day"),
    (", Corriere della Sera, 12 marzo 2013", D(2013, 3, 12), "day"),
    (", Público, 8 de outubro de 2012", D(2012, 10, 8), "day"),
    (", Le Monde, juillet 2011", D(2011, 7, 1), "month"),
    (", Der Spiegel, Dezember 2009", D(2009, 12, 1), "month"),
    (", El País, octubre de 2012", D(2012, 10, 1), "month"),
    (", Kommersant, 4 марта 2013", D(2013, 3, 4), "day"),  # Russian, in the genitive
]


@pytest.mark.parametrize(("text", "value", "precision"), EUROPEAN)
def test_european_month_names_in_a_citation_slot(text: str, value: dt.date, precision: str) -> None:
    d = last_date(text, OLD, year_only=True)
    assert d is not None
    assert (d.value, d.precision) == (value, precision)
    assert not any(i.code is DiagnosticCode.DATE_MISSPELT_MONTH for i in d.issues)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("4. März 2013", D(2013, 3, 4), "day"),  # a field line or a bracket's field
        ("(4 mars 2013)", D(2013, 3, 4), "day"),
        ("4 de marzo de 2013", D(2013, 3, 4), "day"),
        ("juillet 2011", D(2011, 7, 1), "month"),
        ("Juche 102 (2013).3.4", D(2013, 3, 4), "day"),
        ("주체102(2013)년 3월 4일", D(2013, 3, 4), "day"),
    ],
)
def test_a_whole_european_or_juche_date(text: str, value: dt.date, precision: str) -> None:
    d = parse_date(text, OLD)
    assert d is not None and (d.value, d.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Mission to Mars 2030",  # month and year alone: spelt as the language writes the month
        "Marco 2010",
        "the out 2013 plan",
        "a set 2012",
    ],
)
def test_european_month_and_year_needs_the_languages_spelling(text: str) -> None:
    d = last_date(text, OLD, year_only=True)
    assert d is None or d.precision == "year"  # the year alone, no month


@pytest.mark.parametrize(
    ("text", "ref", "value"),
    [
        # Korean sites' yy.mm.dd: the first number is the post's year, and the day-first
        # reading lies years before the post
        ("14.02.01", D(2014, 2, 5), D(2014, 2, 1)),
        ("22.07.08", D(2022, 7, 10), D(2022, 7, 8)),
        ("13.12.30", D(2014, 1, 3), D(2013, 12, 30)),  # the year before the post
        # a day-first or month-first reading as recent keeps the usual rules
        ("08.07.22", D(2022, 7, 10), D(2022, 7, 8)),
        ("13.02.12", D(2013, 2, 20), D(2012, 2, 13)),
        ("14.02.13", D(2014, 2, 5), D(2013, 2, 14)),  # year first would postdate the post
        ("14/02/01", D(2014, 2, 5), D(2001, 2, 14)),  # slashes: no Korean site's notation
    ],
)
def test_a_dotted_two_digit_date_of_the_posts_year_reads_year_first(
    text: str, ref: dt.date, value: dt.date
) -> None:
    d = last_date(text, ref)
    assert d is not None and d.value == value


def test_correct_month_needs_one_clear_month() -> None:
    assert correct_month("Spetember") == (9, "september")
    assert correct_month("september") == (9, "september")
    assert correct_month("Ju") is None
    assert correct_month("Jnue") == (6, "june")  # neighbours swapped
    assert correct_month("Jnu") is None
    assert correct_month("Xeptember") is None  # the first letter must be right


def test_year_only_only_at_the_end_of_a_citation_slot() -> None:
    d = last_date(" Korea Herald, 2009", OLD, year_only=True)
    assert d is not None and (d.value, d.precision, d.raw) == (D(2009, 1, 1), "year", "2009")
    assert last_date(" Korea Herald, 2009", OLD) is None  # only where asked
    assert last_date("the 2009 report on trade", OLD, year_only=True) is None
    assert last_date("Vision 2009 plan", OLD, year_only=True) is None


@pytest.mark.parametrize(
    "text",
    [
        "NK Brief No. 08-6-17-1",  # an issue number, not a date
        "around USD 44,450",
        "No. 2009-17",
        "p. 8",
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None
    assert find_dates(text) == []


def test_not_a_date_in_measurements() -> None:
    assert find_dates("132.5 mm (5.2 inches) of rain by 4 p.m.") == []


def test_iso_is_never_day_first() -> None:
    # dateutil's dayfirst=True would read this as 7 August
    parsed = parse_date("2022-07-08", D(2022, 12, 31))
    assert parsed is not None and parsed.value == D(2022, 7, 8)


def test_two_digit_year_resolves_against_post_not_wall_clock() -> None:
    parsed = parse_date("7/8/75", D(2022, 8, 4))
    assert parsed is not None and parsed.value == D(1975, 8, 7)
    assert DiagnosticCode.DATE_TWO_DIGIT_YEAR in {i.code for i in parsed.issues}
    # a post from 1999 reads "98" as 1998 (and "05" as 1905), never after the post; a post of
    # that era reads month-first
    old = parse_date("7/8/98", D(1999, 1, 1))
    assert old is not None and old.value == D(1998, 7, 8)
    older = parse_date("7/8/05", D(1999, 1, 1))
    assert older is not None and older.value is not None and older.value.year == 1905


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


# -- what a numeric date proves, and the order a document proves -----------------------------

PROVES = [
    ("7/13/2005", "month-first", None),
    ("13/7/2005", "day-first", None),
    ("20.7.2014", "day-first", None),
    ("7/13/05", "month-first", None),
    ("3/4/2005", None, (D(2005, 4, 3), D(2005, 3, 4))),
    ("5/5/2010", None, None),  # the same either way: no evidence, nothing to settle
    ("31/2/2022", None, None),  # impossible either way
    ("2005-07-13", None, None),  # year first says nothing about d/m order
    ("July 13, 2005", None, None),
]


@pytest.mark.parametrize(("text", "proves", "readings"), PROVES)
def test_what_a_date_proves(
    text: str, proves: str | None, readings: tuple[dt.date, dt.date] | None
) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.proves == proves
    assert parsed.readings == readings


def _ev(mf: int, df: int) -> OrderEvidence:
    ev = OrderEvidence()
    for _ in range(mf):
        ev.add(parse_date("7/13/2005"))
    for _ in range(df):
        ev.add(parse_date("13/7/2005"))
    return ev


DECISIONS = [
    # (month-first, day-first) evidence per scope, narrowest first -> decided order
    ([(1, 0)], "month-first"),
    ([(0, 2)], "day-first"),
    ([(0, 0), (0, 0)], None),
    ([(0, 0), (1, 0), (0, 5)], "month-first"),  # the narrowest scope with evidence decides
    ([(1, 1), (1, 4)], "day-first"),  # a contradicting post defers to a wider scope
    ([(1, 1), (1, 1)], None),  # contradictions all the way: the genre default
    ([(3, 1)], "month-first"),  # three to one decides
    ([(2, 1), (0, 0)], None),
]


@pytest.mark.parametrize(("counts", "order"), DECISIONS)
def test_decide_order(counts: list[tuple[int, int]], order: str | None) -> None:
    levels = [(f"scope {i}", _ev(mf, df)) for i, (mf, df) in enumerate(counts)]
    decided = decide_order(levels)
    assert (decided.order if decided else None) == order
    if decided is not None and any(mf and df for mf, df in counts):
        assert "both orders" in decided.reason or "the other way" in decided.reason


SETTLE = [
    # text, post date, proven order, value, resolution
    ("3/4/2005", D(2005, 7, 20), "month-first", D(2005, 3, 4), "month-first-by-document"),
    ("3/4/2005", D(2005, 7, 20), "day-first", D(2005, 4, 3), "day-first-by-document"),
    ("3/4/05", D(2005, 7, 20), "day-first", D(2005, 4, 3), "day-first-by-document"),
    # the post's date still comes first: 4 March would postdate a post of 2 March
    ("3/4/2005", D(2005, 3, 10), "day-first", D(2005, 3, 4), "month-first-by-post-date"),
    ("4/3/2005", D(2005, 3, 10), "month-first", D(2005, 3, 4), "day-first-by-post-date"),
    # both readings after the post (an update, or a slip): the proven order still reads it
    ("3/4/2005", D(2005, 3, 2), "month-first", D(2005, 3, 4), "month-first-by-document"),
]


@pytest.mark.parametrize(("text", "ref", "order", "value", "resolution"), SETTLE)
def test_proven_order_settles_ambiguous_dates(
    text: str, ref: dt.date, order: str, value: dt.date, resolution: str
) -> None:
    decision = OrderDecision(order, "because")  # type: ignore[arg-type]
    parsed = parse_date(text, ref)
    assert parsed is not None
    again = resolve_again(parsed, ref, decision)
    assert (again.value, again.resolution) == (value, DateResolution(resolution))
    assert reorder(parsed, ref, decision) == again  # the fast path for an unchanged post date
    assert (again.start, again.end) == (parsed.start, parsed.end)
    if resolution.endswith("by-document"):
        assert DiagnosticCode.DATE_RESOLVED_BY_DOCUMENT in {i.code for i in again.issues}
        assert DiagnosticCode.DATE_AMBIGUOUS not in {i.code for i in again.issues}


def _pd(byline: str | None, date: str | None, *cited: str) -> PostDates:
    return PostDates(
        byline, parse_date(date) if date else None, tuple(parse_date(c) for c in cited)
    )


SCOPES = [
    # posts (byline, post date line, cited dates); which post to ask; the order; its scope
    ([_pd("A", "July 20, 2005", "7/13/2005", "3/4/2005")], 0, "month-first", "this post"),
    (
        [_pd("A", "July 20, 2005", "3/4/2005"), _pd("A", "July 28, 2005", "7/26/2005")],
        0,
        "month-first",
        "the posts by A",
    ),
    (
        [_pd("A", "July 20, 2005", "3/4/2005"), _pd("B", "July 28, 2005", "7/26/2005")],
        0,
        "month-first",
        "this document",
    ),
    # the post's own evidence beats a wider scope's
    (
        [_pd("A", "July 20, 2005", "20/7/2005"), _pd("B", "July 28, 2005", "7/26/2005")],
        0,
        "day-first",
        "this post",
    ),
    # the blog template's date lines, when no citation proves anything
    ([_pd(None, "7/13/2005", "3/4/2005")], 0, "month-first", "the document's post dates"),
    # another era's evidence is not this post's: a 2014 day-first proof says nothing of 2008
    (
        [_pd(None, "May 5, 2008", "3/4/2008"), _pd(None, "July 22, 2014", "20/7/2014")],
        0,
        None,
        "",
    ),
    (
        [
            _pd(None, "May 5, 2008", "3/4/2008"),
            _pd(None, "May 9, 2008", "20/4/2008"),
            _pd(None, "July 22, 2014", "7/13/2014"),
        ],
        0,
        "day-first",
        "this document (posts before 2013)",
    ),
    # an undated page takes evidence from any era
    ([_pd(None, None, "3/4/2008"), _pd(None, "July 22, 2014", "20/7/2014")], 0, "day-first", ""),
    ([_pd("A", "July 20, 2005", "3/4/2005")], 0, None, ""),
]


@pytest.mark.parametrize(("posts", "k", "order", "scope"), SCOPES)
def test_scopes_of_evidence(posts: list[PostDates], k: int, order: str | None, scope: str) -> None:
    decided = DocumentOrder(posts).for_citations(k)
    assert (decided.order if decided else None) == order
    if decided is not None and scope:
        assert f"in {scope} can only be" in decided.reason


_POOL = ["7/13/2005", "13/7/2005", "3/4/2005", "3/4/2015", "20/7/2014", "7/13/2014", "5/5/2010"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, "A", "B"]),
            st.sampled_from([None, "July 20, 2005", "July 22, 2014", "3/4/2005", "7/13/2014"]),
            st.lists(st.sampled_from(_POOL), max_size=4),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_posts_own_one_sided_evidence_always_decides(
    posts: list[tuple[str | None, str | None, list[str]]],
) -> None:
    order = DocumentOrder([_pd(by, date, *cited) for by, date, cited in posts])
    for k, (_, _, cited) in enumerate(posts):
        own = _ev(0, 0)
        for c in cited:
            own.add(parse_date(c))
        decided = order.for_citations(k)
        order.for_post_date(k)
        if own.month_first and not own.day_first:
            assert decided is not None and decided.order == "month-first"
        if own.day_first and not own.month_first:
            assert decided is not None and decided.order == "day-first"


def test_an_ambiguous_post_date_asks_the_template_first() -> None:
    posts = [_pd(None, "7/13/2005"), _pd(None, "3/4/2005", "20/4/2005")]
    decided = DocumentOrder(posts).for_post_date(1)
    assert decided is not None and decided.order == "month-first"
    assert "the document's post dates" in decided.reason


def _post(title: str, date: str, byline: str, cite: str) -> str:
    return (
        f"{title}\n\n{date}\n\n{byline}\n\nAccording to the report:\n\n"
        "Trucks lined up at the customs post on Monday.\n\n"
        f"{cite}\n\nShare\n\n"
    )


def _dates_of(text: str) -> list[tuple[str | None, dt.date | None, str | None]]:
    doc = citegrab.extract(text)
    return [
        (c.date_raw, c.date, c.date_resolution.value if c.date_resolution else None)
        for c in doc.citations
    ]


def test_a_post_proves_month_first_for_its_own_dates() -> None:
    # the post's own 7/13/2005 can only be month-first, so its 3/4/2005 is 4 March, not 3 April
    text = _post(
        "Border trade picks up",
        "July 20th, 2005",
        "By Pat Lee",
        "(Source: Kim Min, “Trade resumes,” Yonhap, 7/13/2005; "
        "Lee Jin, “Customs post reopens,” Korea Herald, 3/4/2005.)",
    )
    assert _dates_of(text) == [
        ("7/13/2005", D(2005, 7, 13), "unambiguous"),
        ("3/4/2005", D(2005, 3, 4), "month-first-by-document"),
    ]
    doc = citegrab.extract(text)
    msg = [d.message for d in doc.citations[1].diagnostics if d.code == "date-resolved-by-document"]
    assert msg and "'7/13/2005' in this post can only be month-first" in msg[0]


def test_a_post_proves_day_first_for_its_own_dates() -> None:
    text = _post(
        "Rice prices",
        "July 22nd, 2014",
        "By Pat Lee",
        "(Sources: “Prices climb,” Daily NK, 20/7/2014; “Prices steady,” Daily NK, 3/4/2014.)",
    )
    assert _dates_of(text)[1] == ("3/4/2014", D(2014, 4, 3), "day-first-by-document")


def test_other_posts_of_the_document_prove_the_order() -> None:
    # the first post has no evidence of its own; the second proves month-first
    text = _post(
        "Trade fair opens",
        "July 20th, 2005",
        "By Pat Lee",
        "(Source: “Fair opens,” Yonhap, 3/4/2005.)",
    ) + _post(
        "Fair closes",
        "July 28th, 2005",
        "By Pat Lee",
        "(Source: “Fair closes,” Yonhap, 7/26/2005.)",
    )
    first = _dates_of(text)[0]
    assert first == ("3/4/2005", D(2005, 3, 4), "month-first-by-document")
    doc = citegrab.extract(text)
    [msg] = [
        d.message for d in doc.citations[0].diagnostics if d.code == "date-resolved-by-document"
    ]
    assert "the posts by Pat Lee" in msg


def test_the_post_evidence_beats_the_document() -> None:
    # two authors, two conventions: each post's own evidence wins over the document's majority
    text = (
        _post("A", "July 20th, 2005", "By Pat Lee", "(Sources: “A1,” Yonhap, 7/13/2005; “A2,” Yonhap, 3/4/2005.)")
        + _post("B", "July 21st, 2005", "By Kim Sun", "(Sources: “B1,” Yonhap, 14/7/2005; “B2,” Yonhap, 15/7/2005; “B3,” Yonhap, 3/4/2005.)")
    )  # fmt: skip
    got = [(v, h) for raw, v, h in _dates_of(text) if raw == "3/4/2005"]
    assert got == [
        (D(2005, 3, 4), "month-first-by-document"),
        (D(2005, 4, 3), "day-first-by-document"),
    ]


@pytest.mark.parametrize(
    ("post_date", "value", "resolution"),
    [
        # no evidence anywhere: the genre's default for the post's era
        ("July 20th, 2005", D(2005, 3, 4), "month-first-by-era"),
        ("July 20th, 2012", D(2012, 3, 4), "month-first-by-era"),
        ("July 20th, 2013", D(2013, 4, 3), "day-first"),
        ("July 20th, 2015", D(2015, 4, 3), "day-first"),
    ],
)
def test_without_evidence_the_eras_default_applies(
    post_date: str, value: dt.date, resolution: str
) -> None:
    year = post_date[-4:]
    text = _post("A", post_date, "By Pat Lee", f"(Source: “A1,” Yonhap, 3/4/{year}.)")
    [(_, got, how)] = _dates_of(text)
    assert (got, how) == (value, resolution)
    doc = citegrab.extract(text)
    [msg] = [d.message for d in doc.citations[0].diagnostics if d.code == "date-ambiguous"]
    assert "nothing in the document proves its order" in msg


def test_without_a_post_date_the_dates_own_year_gives_the_era() -> None:
    old, new = parse_date("4/6/2010"), parse_date("4/6/2014")
    assert old is not None and old.value == D(2010, 4, 6)
    assert old.resolution is DateResolution.MONTH_FIRST_BY_ERA
    assert new is not None and new.value == D(2014, 6, 4)
    assert new.resolution is DateResolution.DAY_FIRST


def test_the_post_date_line_is_read_with_the_documents_order() -> None:
    # "Posted on 3/4/2005" is ambiguous; the document's other date line proves month-first
    text = _post(
        "A", "Posted on 7/13/2005", "By Pat Lee", "(Source: “A1,” Yonhap, July 12, 2005.)"
    ) + _post("B", "Posted on 3/4/2005", "By Pat Lee", "(Source: “B1,” Yonhap, March 2, 2005.)")
    doc = citegrab.extract(text)
    assert [p.date for p in doc.posts] == [D(2005, 7, 13), D(2005, 3, 4)]
    assert doc.citations[1].post_date == D(2005, 3, 4)


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Posted on 7/13/2005", D(2005, 7, 13)),
        ("Wednesday, July 13th, 2005", D(2005, 7, 13)),
        ("Posted on 2013-3-14", D(2013, 3, 14)),
        ("Monday, 3rd March 2008", D(2008, 3, 3)),
        ("Sept. 4, 2009", D(2009, 9, 4)),
    ],
)
def test_post_date_lines_use_the_same_normaliser(line: str, value: dt.date) -> None:
    hit = _date_line(line)
    assert hit is not None and hit[0].value == value


def test_a_monthly_archive_heading_is_not_a_post_date() -> None:
    assert _date_line("August 2010") is None


# -- precision on the record, in CSL and in format() -------------------------------------------

CSL = [
    ("(Source: Kim Min, “Trade,” Korea Herald, August 2010.)", "month", [[2010, 8]]),
    ("(Source: Kim Min, “Trade,” Korea Herald, Aug. 2010.)", "month", [[2010, 8]]),
    ("(Source: Kim Min, “Trade,” Korea Herald, Spetember 2009.)", "month", [[2009, 9]]),
    ("(Source: Kim Min, “Trade,” Korea Herald, 2010.)", "year", [[2010]]),
    ("(Source: Kim Min, “Trade,” Korea Herald, August 3, 2010.)", "day", [[2010, 8, 3]]),
]


@pytest.mark.parametrize(("line", "precision", "parts"), CSL)
def test_precision_in_csl_and_format(line: str, precision: str, parts: list[list[int]]) -> None:
    c = citegrab.parse_citation(line, post_date=D(2010, 9, 1))
    assert c is not None and c.date_precision == precision
    assert c.to_csl()["issued"] == {"date-parts": parts}
    again = citegrab.parse_citation(c.format(), post_date=c.post_date)
    assert again is not None
    assert (again.date, again.date_precision) == (c.date, c.date_precision)
    # also when the date as written is not kept (format() then writes the date itself)
    bare = c.model_copy(update={"date_raw": None})
    again = citegrab.parse_citation(bare.format(), post_date=c.post_date)
    assert again is not None and (again.date, again.date_precision) == (c.date, c.date_precision)


def test_no_date_has_no_precision() -> None:
    c = citegrab.parse_citation("(Source: Kim Min, “Trade,” Korea Herald.)")
    assert c is not None and c.date is None and c.date_precision is None


# -- hostile input -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/.-, 'JulyMayDec.stndrhSpetmbrFuaOco")),
        max_size=80,
    )
)
def test_date_normaliser_never_raises(text: str) -> None:
    for d in find_dates(text, REF):
        assert d.value is None or isinstance(d.value, dt.date)
    parse_date(text, REF)
    last_date(text, REF, year_only=True)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["month-first", "day-first", None]))
def test_date_normaliser_never_raises_on_any_text(text: str, order: str | None) -> None:
    find_dates(text)
    d = parse_date(text)
    last_date(text, year_only=True)
    if d is not None:
        decision = OrderDecision(order, "x") if order else None  # type: ignore[arg-type]
        resolve_again(d, REF, decision)
    correct_month(text[:12])


def _plain_pattern(pieces: dict[str, str]) -> re.Pattern[str]:
    """The date grammar as a flat alternation of names with no first-character lookahead."""
    from citegrab import _dates as d

    month = r"(?P<mon>" + "|".join(sorted(d.MONTHS, key=len, reverse=True)) + r")\.?"
    weekday = r"(?:(?:" + d.WEEKDAYS + r")\.?,?\s+)?"
    assert any(d._MONTH in p for p in pieces.values())
    return d._compile(
        {k: p.replace(d._MONTH, month).replace(d._WEEKDAY, weekday) for k, p in pieces.items()}
    )


_DATE_TOKENS = st.sampled_from(
    ["Monday", "Tues.", "thu", "Thurs", "Sept", "sep.", "September", "the ", "8th", " of ",
     "July", "2009", "14-Mar-08", "2013-3-14", ",", " ", "'08", "’09", "3/4/2005", "31", "Mayor",
     "March", "Marches", "Aug.", "ſep", "ſunday", "٣/٤/٢٠٠٥", "2008年3月14日", "2022년 7월 8일",
     "x", "-", "/", ".", "1.5", "Sat", "Sunday", "wednesday", "fri.", "jun", "june", "Dec", "NOV",
     "Juche ", "102", "(2013)", "Spring ", "Winter", "20130304", "2013년 3월", "Mar-04-", "of ",
     # round 5: European months, a German day's dot, Spanish "de", Juche days, Korean yy.mm.dd
     "mars", "Mars", "März", "Juni", "juillet", "4. ", "de ", "octubre", "1er ", "марта", "주체101",
     "(2012).4.5", "(2012)년", "14.02.01", "22.07.08", "déc.", " del ",
     # round 7: Japanese and Minguo era years
     "平成", "令和", "元", "23年", "5月", "5日", "(", "（", "民國", "年", "단기 ", "4343년", "1월"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_DATE_TOKENS, max_size=10).map("".join))
def test_fast_date_patterns_match_as_the_plain_alternation(text: str) -> None:
    """Names as prefix tries and the first-character lookahead change no match."""
    from citegrab import _dates as d

    for fast, pieces in ((d.DATE_RE, d.PIECES), (d.CITATION_DATE_RE, d.CITATION_PIECES)):
        plain = _plain_pattern(pieces)
        got = [(m.span(), m.lastgroup, m.groups()) for m in fast.finditer(text)]
        assert got == [(m.span(), m.lastgroup, m.groups()) for m in plain.finditer(text)]


TIMES = [
    # a citation's date slot, what is left once a closing time of day is dropped
    ("July 8, 2022, 11:45 GMT+9", "July 8, 2022"),
    ("2022-07-08 10:32 KST", "2022-07-08"),
    ("7 Jul 2022 09:15 (KST)", "7 Jul 2022"),
    ("March 4, 2013 at 10:32 am", "March 4, 2013"),
    ("Daily NK, 3:16", "Daily NK, 3:16"),  # no date before it: not a time of a date
    ("Yonhap, 12:30 KST", "Yonhap, 12:30 KST"),
    ("July 8, 2022", "July 8, 2022"),
]


@pytest.mark.parametrize(("text", "left"), TIMES)
def test_drop_time(text: str, left: str) -> None:
    assert drop_time(text) == left


# -- a third blind round: forms the grammar did not read ----------------------------------------

ROUND3 = [
    # text (a citation's date slot), value, precision, raw
    ("Daily NK, Mar-04-2013", D(2013, 3, 4), "day", "Mar-04-2013"),  # month name first, dashed
    ("Daily NK, Mar/04/2013", D(2013, 3, 4), "day", "Mar/04/2013"),
    ("Daily NK, sep-30-09", D(2009, 9, 30), "day", "sep-30-09"),
    ("Yonhap, 20130304", D(2013, 3, 4), "day", "20130304"),  # compact, as file names write it
    ("Chosun Ilbo, 2013.3.4", D(2013, 3, 4), "day", "2013.3.4"),
    ("Hankyoreh, March of 2013", D(2013, 3, 1), "month", "March of 2013"),
    ("Voice of Korea, 2013년 3월", D(2013, 3, 1), "month", "2013년 3월"),  # no day
    ("NHK, 2013年3月", D(2013, 3, 1), "month", "2013年3月"),
    ("Rodong Sinmun, 2013년 3월 4일", D(2013, 3, 4), "day", "2013년 3월 4일"),
    ("Asia Press, 2013/03", D(2013, 3, 1), "month", "2013/03"),
    ("Pyongyang Times, Juche 102", D(2013, 1, 1), "year", "Juche 102"),  # 1911 + 102
    ("KCNA, Juche 102 (2013)", D(2013, 1, 1), "year", "Juche 102 (2013)"),
    ("KCNA, Juche 97 (2009).", D(2009, 1, 1), "year", "Juche 97 (2009)"),  # the writer's year
    ("Rodong Sinmun, March 4, Juche 102", D(2013, 3, 4), "day", "March 4, Juche 102"),
    ("KCNA, 4 March, Juche 102 (2013)", D(2013, 3, 4), "day", "4 March, Juche 102 (2013)"),
    ("KDI Journal, Spring 2013", D(2013, 1, 1), "year", "Spring 2013"),  # a season: no month
    ("KDI Journal, Fall 2012", D(2012, 1, 1), "year", "Fall 2012"),
    ("KDI Journal, Winter 2012/13", D(2012, 1, 1), "year", "Winter 2012/13"),
    ("KDI Journal, Autumn, 2011", D(2011, 1, 1), "year", "Autumn, 2011"),
]


@pytest.mark.parametrize(("text", "value", "precision", "raw"), ROUND3)
def test_round3_date_forms(text: str, value: dt.date, precision: str, raw: str) -> None:
    d = last_date(text, D(2013, 12, 31), year_only=True)
    assert d is not None
    assert (d.value, d.precision, d.raw) == (value, precision, raw)
    if re.fullmatch(r"\d{4}/\d\d", raw):
        return  # a year and month alone are read only as a slot's last field ("Working Paper …")
    whole = parse_date(raw, D(2013, 12, 31))  # the same as a block's date line
    assert whole is not None and (whole.value, whole.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "a 2013 spring offensive",  # a season inside a sentence
        "Juche idea study group",  # no number
        "item 20131304",  # no month 13
        "http://example.org/20130304-12ee.html",  # a link's digits
        "NK Brief No. 13-03-04-1",
        "Working Paper 2014-11",  # a report number, not a month
    ],
)
def test_round3_not_dates(text: str) -> None:
    assert last_date(text, D(2013, 12, 31), year_only=True) is None


def test_a_season_or_juche_year_alone_is_no_post_date() -> None:
    """Seasons, compact and month-only forms are read in citations, not on post date lines."""
    assert _date_line("Spring 2013") is None
    assert _date_line("20130304") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_TOKENS, max_size=12).map("".join))
def test_the_slot_readers_never_raise_on_date_like_text(text: str) -> None:
    """Juche years, seasons, compact and month-only forms mixed with anything: never a traceback,
    and a date read lies inside the text."""
    for d in (last_date(text, REF, year_only=True), parse_date(text, REF)):
        if d is not None and d.value is not None:
            assert 1800 <= d.value.year <= 2100


RECENT = [
    # written, post date, read as, resolution: a reading in the week before the post beats one
    # weeks older (both precede the post), unless the document proves the writer's order
    ("4/3/2013", D(2013, 4, 5), D(2013, 4, 3), DateResolution.MONTH_FIRST_BY_POST_DATE),
    ("3/4/2013", D(2013, 4, 5), D(2013, 4, 3), DateResolution.DAY_FIRST_BY_POST_DATE),
    ("4/3/2009", D(2009, 4, 5), D(2009, 4, 3), DateResolution.MONTH_FIRST_BY_POST_DATE),
    ("3/4/2009", D(2009, 4, 5), D(2009, 4, 3), DateResolution.DAY_FIRST_BY_POST_DATE),
    ("2/3/2013", D(2013, 3, 20), D(2013, 3, 2), DateResolution.DAY_FIRST),  # 18 days: too old
    ("5/4/2013", D(2013, 5, 8), D(2013, 5, 4), DateResolution.MONTH_FIRST_BY_POST_DATE),
    ("4/3/2013", D(2013, 4, 10), D(2013, 4, 3), DateResolution.MONTH_FIRST_BY_POST_DATE),  # 7
    ("4/3/2013", D(2013, 4, 11), D(2013, 3, 4), DateResolution.DAY_FIRST),  # 8 days: the era's
]


@pytest.mark.parametrize(("text", "ref", "value", "resolution"), RECENT)
def test_a_reading_just_before_the_post_wins(
    text: str, ref: dt.date, value: dt.date, resolution: DateResolution
) -> None:
    d = parse_date(text, ref)
    assert d is not None and (d.value, d.resolution) == (value, resolution)
    assert DiagnosticCode.DATE_AMBIGUOUS in {i.code for i in d.issues}  # still a doubt


def test_the_documents_proven_order_beats_recency() -> None:
    proven = OrderDecision("day-first", "'20/3/2013' in this post can only be day-first")
    d = parse_date("4/3/2013", D(2013, 4, 5), proven)
    assert d is not None and (d.value, d.resolution) == (
        D(2013, 3, 4),
        DateResolution.DAY_FIRST_BY_DOCUMENT,
    )


@pytest.mark.parametrize(
    ("text", "post", "want"),
    [
        # a missing year: the latest such date at most two days after the post (KST is ahead)
        ("Mar. 5", dt.date(2013, 3, 4), dt.date(2013, 3, 5)),
        ("Mar. 6", dt.date(2013, 3, 4), dt.date(2013, 3, 6)),
        ("Mar. 9", dt.date(2013, 3, 4), dt.date(2012, 3, 9)),  # a week after: last year's
        ("Jan. 1", dt.date(2012, 12, 31), dt.date(2013, 1, 1)),  # the next day, the next year
        ("Dec. 30", dt.date(2013, 1, 3), dt.date(2012, 12, 30)),
        ("Feb. 29", dt.date(2012, 2, 28), dt.date(2012, 2, 29)),
        # both numeric readings after the post: the one a day or two after it, when the other
        # is weeks after it
        ("3/5/13", dt.date(2013, 3, 4), dt.date(2013, 3, 5)),
        ("5/3/13", dt.date(2013, 3, 4), dt.date(2013, 3, 5)),
        ("4/5/13", dt.date(2013, 4, 3), dt.date(2013, 4, 5)),
    ],
)
def test_a_source_a_day_or_two_after_the_post(text: str, post: dt.date, want: dt.date) -> None:
    c = citegrab.parse_citation(f"(Source: “Aid,” Yonhap, {text})", post_date=post)
    assert c is not None and c.date == want


@pytest.mark.parametrize(
    ("line", "post_date"),
    [("(Source: Yonhap, Mar. 5)", dt.date(9999, 12, 31)), ("(Source: Yonhap, Mar. 5)", dt.date(1, 1, 1)),
     ("(Source: Yonhap, 14.02.01)", dt.date(1, 1, 2))],
)  # fmt: skip
def test_a_post_date_at_the_calendars_ends_raises_nothing(line: str, post_date: dt.date) -> None:
    """A yearless date is read against the post's date; at 9999-12-31 or 0001-01-01 the window
    around it stops at the calendar's end (such dates come unchecked from page metadata)."""
    c = citegrab.parse_citation(line, post_date=post_date)
    assert c is not None and c.outlet is not None


# -- round 7: East Asian era years ---------------------------------------------------------------

ERA_DAYS = [
    # text (a citation's date slot), post date, value
    ("Tokyo Shimbun, 平成23年5月5日", D(2011, 5, 7), D(2011, 5, 5)),  # Heisei 23 = 1988 + 23
    ("産経新聞, 令和元年5月5日", D(2019, 5, 7), D(2019, 5, 5)),  # 元: the era's first year
    ("毎日新聞, 2019年(令和元年)5月5日", D(2019, 5, 7), D(2019, 5, 5)),  # the written year wins
    ("毎日新聞, 2019年（令和元年）5月5日", D(2019, 5, 7), D(2019, 5, 5)),  # full-width brackets
    ("読売新聞, 昭和64年1月7日", D(1989, 1, 9), D(1989, 1, 7)),
    ("聯合報, 民國98年1月5日", D(2009, 1, 7), D(2009, 1, 5)),  # the Minguo calendar: 1911 + 98
    ("Daily NK, 단기 4343년 1월 5일", D(2010, 1, 7), D(2010, 1, 5)),  # Dangi: 4343 - 2333
]


@pytest.mark.parametrize("text", ["Daily NK, 4343년 1월 5일", "平成2000年1月5日"])
def test_a_year_outside_the_calendar_is_no_date(text: str) -> None:
    """A Korean year of no era read as Gregorian, or an era's year beyond 2100, dates nothing."""
    d = last_date(text, OLD)
    assert d is None or d.value is None


@pytest.mark.parametrize(("text", "post", "value"), ERA_DAYS)
def test_era_dated_days(text: str, post: dt.date, value: dt.date) -> None:
    d = last_date(text, post, year_only=True)
    assert d is not None and (d.value, d.precision) == (value, "day")
    whole = parse_date(text.partition(", ")[2], post)
    assert whole is not None and whole.value == value


def test_an_impossible_era_day_is_said() -> None:
    d = last_date("平成2年13月5日", OLD)
    assert d is not None and d.value is None
    assert [i.code for i in d.issues] == [DiagnosticCode.DATE_IMPOSSIBLE]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=5000))
def test_the_era_grammar_stays_linear_on_hostile_input(n: int) -> None:
    """Long runs of era marks, brackets and digits with no day after them read no date."""
    for text in ("平成" * n + "年", "2019年(" * n, "令和元年" + "1" * n + "月"):
        d = last_date(text, OLD)
        assert d is None or d.value is None or 1800 <= d.value.year <= 2100
