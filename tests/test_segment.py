"""Segmentation: a post date glued to the first sentence is found among the scan's date openings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab._cues import cues
from citegrab._dates import parse_date
from citegrab._scan import Lines, scan
from citegrab._segment import _GLUE_HINT, _GLUED_DATE, _glued_date_lines, _is_field


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


# -- page chrome, comment sections, filing footers, Substack heads (invented posts) ---------------

CHROME = [
    ("Archive for the ‘Food’ Category", True),
    ("Category Archives: Sanctions", True),
    ("Monthly Archive: July, 2009", True),
    ("Category: Satellite imagery", True),
    ("« Older Entries", True),
    ("Newer Posts Older Posts Home", True),
    ("Subscribe to: Posts (Atom)", True),
    ("Page 2 of 14", True),
    ("« Fuel shortages in the east | Main | Kaesong visitors up »", True),
    ("Older posts on this topic:", False),  # a list heading
    ("Home", False),
    ("<< Home", True),
    ("Home »", True),
    ("Kaesong wages rise again", False),
    ("The archive of the Workers’ Party", False),
    # a web archive's toolbar saved with the captured page
    ("The Wayback Machine - https://web.archive.org/web/20090302101112/http://example.org/"
     "2009/03/kaesong-wages-rise-again-and-again-as-talks-stall/", True),
    ("1,204 captures", True),
    ("1 capture", True),
    ("2 Mar 2010 - 18 Nov 2016", True),
    ("JUL SEP OCT", True),
    ("2010 2011 2012", True),
    ("About this capture", True),
    ("Captures of the border trade", False),
    ("March 2010", False),  # a post's date, or an archive widget's month
    ("2 Mar 2010", False),
    ("Wayback Machine captures show the page was changed", False),
    # round 3: a static site's previous/next titles, a site's menu, a print view
    ("« The won in February   Corn and the border closure »", True),
    ("«Rodong Sinmun»", False),  # guillemets as quotation marks
    ("Sign in  Subscribe", True),
    ("Sign in to the ministry's portal", False),
    ("Article printed from The Hermit Economy: http://example.net", True),
    ("Add new comment", True),
    ("Log in or register to post comments", True),
    ("Add new comment to the draft law", False),
]  # fmt: skip


@pytest.mark.parametrize(("line", "chrome"), CHROME)
def test_page_chrome(line: str, chrome: bool) -> None:
    assert cues().is_page_chrome(line) is chrome


COMMENT_HEADINGS = [
    ("3 Responses to “Bank loses its nerve”", True),
    ("One Response to \"Bank\"", True),
    ("12 comments:", True),
    ("2 thoughts on “Bank”", True),
    ("No Comments", True),
    ("Comments", True),
    ("Comments (2)", True),
    ("Trackback Pings", True),
    ("Two comments on this:", False),  # a lead-in
    ("3 comments on the new law were filed", False),
]  # fmt: skip


@pytest.mark.parametrize(("line", "heading"), COMMENT_HEADINGS)
def test_comment_headings(line: str, heading: bool) -> None:
    assert bool(cues().comment_heading_re.match(line)) is heading


def _posts(text: str) -> list[tuple[int, int, str, str | None, str | None]]:
    doc = citegrab.extract(text, entities=False)
    return [
        (p.span.line, p.last_line, p.title, p.date.isoformat() if p.date else None, p.byline)
        for p in doc.posts
        if p.title
    ]


SEGMENTS = [
    # an archive heading glued to the first post (a copy without blank lines)
    ("Archive for the ‘Trade’ Category\nCoal to Dandong\nMonday, May 3rd, 2010\nTrucks crossed.\n"
     "Share\nRice in Hyesan\nFriday, April 30th, 2010\nPrices fell.\nShare\n",
     [(2, 5, "Coal to Dandong", "2010-05-03", None), (6, 9, "Rice in Hyesan", "2010-04-30", None)]),
    # a comment section ends the post; its names and dates start no post
    ("Bank exits Dandong\n\nMarch 4, 2014 by Jo Lin\n\nThe bank left.\n\n2 Responses to “Bank”\n\n"
     "Pete Morrow\nMarch 4, 2014 at 9:12 pm\n\nAgreed.\n\nAnn Kim says:\nMarch 5, 2014 at 1:02 am\n\n"
     "Not so.\n",
     [(1, 7, "Bank exits Dandong", "2014-03-04", "Jo Lin")]),
    # pagination after the last post is no part of it
    ("Coal to Dandong\n\nMay 3, 2010\n\nTrucks crossed.\n\nShare\n\n« Older Entries\n",
     [(1, 7, "Coal to Dandong", "2010-05-03", None)]),
    # undated posts each closed by a filing footer
    ("Category: Trade\n\nCoal to Dandong\n\nTrucks crossed the bridge.\n\n"
     "Posted in China, Trade | Leave a comment\n\nRice in Hyesan\n\nPrices fell.\n\n"
     "Posted in Markets | 2 Comments\n",
     [(3, 7, "Coal to Dandong", None, None), (9, 13, "Rice in Hyesan", None, None)]),
    # Substack's head: title / subtitle / author / date
    ("Ledger\nSign in\n\nManpo reopens\n\nWhat the trucks tell us\n\nDana Reyes\nMar 14, 2023\n\n"
     "Share\n\nTrucks crossed.\n",
     [(4, 13, "Manpo reopens", "2023-03-14", "Dana Reyes")]),
    # a theme that prints no author: "by | date | time" is the date line
    ("Recent Posts\n\nGrain imports hold\n\nby | April 14th, 2015 | 08:20 am\n\nCustoms data show […]\n\n"
     "Read full post\n",
     [(3, 9, "Grain imports hold", "2015-04-14", None)]),
    # WordPress.com archive lists: each post closed by "date · comment count", under a masthead
    ("Leadership Notes\nResearch on the leadership\n\nKim Visits Farm\n\nState media reported a visit … "
     "Continue reading\n\n06/21/2013 · 3 Comments\n\nPremier Inspects Mines\n\nThe premier went. … "
     "Continue reading\n\n06/20/2013 · Leave a comment\n\nArchives\n\nJune 2013\nM T W T F S S\n",
     [(4, 8, "Kim Visits Farm", "2013-06-21", None), (10, 14, "Premier Inspects Mines", "2013-06-20", None)]),
    # the theme's categories and comment count after the date are no byline; "Written by X on
    # <date>." with its full stop is a date line
    ("Rice in Chongjin\n\nMarch 3rd, 2008 | Filed under Food | 2 Comments\n\nPrices rose.\n\nShare\n\n"
     "Fish exports halted\n\nWritten by Kyle Brand on 18 February 2008.\n\nExports stopped.\n\nShare\n",
     [(1, 7, "Rice in Chongjin", "2008-03-03", None),
      (9, 15, "Fish exports halted", "2008-02-18", "Kyle Brand")]),
    # Movable Type: navigation chrome, the date over the title, "Posted by X at <date> <time>",
    # then trackbacks and comments (whose "Posted by:" lines date no post)
    ("Watch\n« Older post | Main | Newer post »\n\nMarch 08, 2006\n\nMusan deal\n\nA firm will invest.\n\n"
     "Posted by Ray Tolland at March 8, 2006 09:41 AM\n\nComments\n\nGood news.\n\n"
     "Posted by: Dan O. at March 8, 2006 11:02 AM\n\nPost a comment\n",
     [(4, 12, "Musan deal", "2006-03-08", "Ray Tolland")]),
    # a page saved as text: the sidebar after "Leave a Reply" is no part of the post, and its
    # "Archives" / "March 2012" list is read as nothing
    ("Kaesong output\n\nMarch 5, 2012\n\nOutput rose.\n\nShare\n\nLeave a Reply\n\nSearch\n\n"
     "Recent Posts\nKaesong output\nRajin pier\n\nArchives\nMarch 2012\nFebruary 2012\n",
     [(1, 9, "Kaesong output", "2012-03-05", None)]),
    # Blogger before 2006: "posted by X @ 10:32 PM", "<< Home" under the last post
    ("Friday, March 04, 2005\n\nRations cut\n\nRations fell.\n\nposted by Min-jun @ 10:32 PM 2 comments\n\n"
     "Tuesday, March 01, 2005\n\nNew rules\n\nTraders pay.\n\nposted by Min-jun @ 9:05 AM 0 comments\n\n<< Home\n",
     [(1, 7, "Rations cut", "2005-03-04", "Min-jun"), (9, 15, "New rules", "2005-03-01", "Min-jun")]),
    # an archive whose posts end in their comment count: a name as the next post's title, over a
    # date alone, is a post, not a reader's comment
    ("Coal\n\nMay 3, 2010\n\nTrucks.\n\n2 Comments\n\nKim Jong Un\n\nMay 1, 2010\n\nHe visited.\n\n"
     "No Comments\n",
     [(1, 7, "Coal", "2010-05-03", None), (9, 15, "Kim Jong Un", "2010-05-01", None)]),
    # a comment count printed under the date, above the text, does not end the post
    ("Coal\n\nMay 3, 2010\n\n3 Comments\n\nTrucks crossed the bridge.\n\nShare\n",
     [(1, 9, "Coal", "2010-05-03", None)]),
    # a byline's position or institution after the name is not part of the byline; several
    # writers stay together
    ("Seafood exports\n\nMay 3, 2023\n\nBy Mira Holloway, Executive Director\n\nBoats left.\n",
     [(1, 7, "Seafood exports", "2023-05-03", "Mira Holloway")]),
    ("Seafood exports\n\nMay 3, 2023\n\nBy Lee Min-ho, Korea Maritime Institute\n\nBoats left.\n",
     [(1, 7, "Seafood exports", "2023-05-03", "Lee Min-ho")]),
    ("Seafood exports\n\nMay 3, 2023\n\nBy Mira Holloway, Lee Min-ho and Tom Beck\n\nBoats left.\n",
     [(1, 7, "Seafood exports", "2023-05-03", "Mira Holloway, Lee Min-ho and Tom Beck")]),
    # a title that is a person's name, under the previous post's end marker, stays the title
    ("Coal\n\nMay 3, 2010\n\nTrucks.\n\nShare\n\nKim Jong Un\n\nMay 1, 2010\n\nHe visited.\n",
     [(1, 7, "Coal", "2010-05-03", None), (9, 13, "Kim Jong Un", "2010-05-01", None)]),
    # LiveJournal: the day over "time - title"; the time is no part of the title
    ("Mar. 4th, 2007\n\n10:15 am - Cigarette prices\n\nPrices doubled.\n\n(Leave a comment)\n\n"
     "Feb. 27th, 2007\n\n21:02 - Rice at the border\n\nFlat.\n\n(Leave a comment)\n",
     [(1, 7, "Cigarette prices", "2007-03-04", None), (9, 15, "Rice at the border", "2007-02-27", None)]),
    # a count after the date ("| 3 notes", "· 2 Comments") is no byline
    ("Phones pass two million\n\nPosted on March 4, 2014 | 3 notes\n\nSubscribers grew.\n",
     [(1, 5, "Phones pass two million", "2014-03-04", None)]),
    # Medium: title / author / "Follow" / reading time / "·" / date; "Responses (2)" ends it
    ("Why Rason stalls\n\nJane Ortiz\nFollow\n6 min read\n·\nMar 4, 2019\n\nInvestors wait.\n\n"
     "Responses (2)\n\nSo true.\n",
     [(1, 11, "Why Rason stalls", "2019-03-04", "Jane Ortiz")]),
    # a Blogger archive saved with no blank line between date, title and text
    ("Monday, April 8, 2013\nBridge work stalls\nWorkers left the site at Namyang in March and "
     "have not returned.\n\nPosted by Colm Reidy at 9:14 PM 0 comments\n\nFriday, April 5, 2013\n"
     "Fuel prices\nDiesel now costs 11,000 won a liter in Sinuiju.\n\n"
     "Posted by Colm Reidy at 8:02 AM 2 comments\n",
     [(1, 5, "Bridge work stalls", "2013-04-08", "Colm Reidy"),
      (7, 11, "Fuel prices", "2013-04-05", "Colm Reidy")]),
    # Medium since 2023: the reading time and the date on one line, under "Follow"
    ("Why the markets reopened\n\nSun-hee Marr\n\nFollow\n\n6 min read · Mar 2, 2024\n\n"
     "Listen\n\nVendors returned to Sinuiju.\n",
     [(1, 11, "Why the markets reopened", "2024-03-02", "Sun-hee Marr")]),
    # Tumblr: the blog's name over the post's title, a lead-in, the footer date
    ("nkfoodnotes\n\nKimchi factory in Pyongyang\n\nRodong Sinmun ran a feature on the factory:"
     "\n\nThe factory makes 300 tons a month.\n\n#food\n\nPosted 14 January 2017 · 3 notes\n",
     [(3, 11, "Kimchi factory in Pyongyang", "2017-01-14", None)]),
    # Markdown: a heading's "#" and the date's emphasis are markup
    ("# Rason fish\n\n*September 2, 2019*\n\nBoats sell at sea.\n",
     [(1, 5, "Rason fish", "2019-09-02", None)]),
    ("Rason fish\n\n_Sep 2, 2019_\n\nBoats sell at sea.\n",
     [(1, 5, "Rason fish", "2019-09-02", None)]),
    # a title that opens with a time and no dash keeps it
    ("10:15 train to Sinuiju\n\nMarch 4, 2014\n\nIt ran late.\n",
     [(1, 5, "10:15 train to Sinuiju", "2014-03-04", None)]),
]  # fmt: skip


# Header orders: the byline over or under the date line, the date line over or under the title
# (Blogger), a footer naming the author; headlines with a colon are titles, not field lines.
HEADER_ORDERS = [
    # title / byline / date, posts closed by "Share"
    ("Rice in the Rason markets\n\nBy: Hana Lindqvist\n\nMarch 3rd, 2019\n\nPrices rose.\n\n"
     "Share\n\nCoal trucks return: what the satellite images show\n\nBy Tomas Quell\n\n"
     "April 9th, 2019\n\nTrucks lined the road.\n\nShare\n",
     [(1, 9, "Rice in the Rason markets", "2019-03-03", "Hana Lindqvist"),
      (11, 19, "Coal trucks return: what the satellite images show", "2019-04-09",
       "Tomas Quell")]),
    # date / title (a headline with a colon) / text / "posted by X at TIME" footer
    ("Monday, May 5, 2008\n\nFerry fares: a second look at the Nampo route\n\nFares rose.\n\n"
     "posted by Ida Venn at 9:12 PM\n\nShare\n\nFriday, May 2, 2008\n\n"
     "After the floods: maize in Kangwon\n\nMaize is short.\n\n"
     "posted by Ida Venn at 7:30 AM\n\nShare\n",
     [(1, 9, "Ferry fares: a second look at the Nampo route", "2008-05-05", "Ida Venn"),
      (11, 19, "After the floods: maize in Kangwon", "2008-05-02", "Ida Venn")]),
    # date / title / "By Name" paragraph
    ("Monday, May 5, 2008\n\nFerry fares on the Nampo route\n\nBy Ida Venn\n\nFares rose.\n\n"
     "Share\n\nFriday, May 2, 2008\n\nMaize in Kangwon\n\nBy: Oskar Brandt\n\n"
     "Maize is short.\n\nShare\n",
     [(1, 9, "Ferry fares on the Nampo route", "2008-05-05", "Ida Venn"),
      (11, 19, "Maize in Kangwon", "2008-05-02", "Oskar Brandt")]),
    # title / "Posted on <date> by X" / text / WordPress's filing footer closing the post
    ("Ferry fares\n\nPosted on 6 May 2019 by Ana Ruiz\n\nFares rose.\n\n"
     "Posted in Transport | Leave a comment\n\nMaize in Kangwon\n\n"
     "Posted on 2 May 2019 by Ana Ruiz\n\nMaize is short.\n\nPosted in Farming, Food | 2 Comments\n",
     [(1, 7, "Ferry fares", "2019-05-06", "Ana Ruiz"),
      (9, 15, "Maize in Kangwon", "2019-05-02", "Ana Ruiz")]),
    # title / date / text / "posted by X at TIME" footer (Blogger with the title first)
    ("Ferry fares on the Nampo route\n\nTuesday, March 04, 2008\n\nFares rose.\n\n"
     "posted by Ida Venn at 9:12 PM\n\nShare\n\nMaize in Kangwon\n\nFriday, February 29, 2008"
     "\n\nMaize is short.\n\nposted by Oskar Brandt at 7:30 AM\n\nShare\n",
     [(1, 9, "Ferry fares on the Nampo route", "2008-03-04", "Ida Venn"),
      (11, 19, "Maize in Kangwon", "2008-02-29", "Oskar Brandt")]),
    # title (a one-word lead and a colon) / date / byline, the order read before
    ("Wonsan: the resort opens late\n\nJuly 1, 2019\n\nBy Lee Ha-na\n\nNo guests yet.\n\n"
     "Share\n",
     [(1, 9, "Wonsan: the resort opens late", "2019-07-01", "Lee Ha-na")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "posts"), HEADER_ORDERS)
def test_header_orders(
    text: str, posts: list[tuple[int, int, str, str | None, str | None]]
) -> None:
    assert _posts(text) == posts


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Labels: ferries, Nampo", True),
        ("Tags: Kaesong", True),
        ("Filed under: North Korean economy", True),
        ("Kaesong wages: the numbers nobody agrees on", False),  # a phrase of a subtitle
        ("After the floods: maize in Kangwon", False),  # a lead of three words
        ("Issue 41: Fertiliser season", False),  # a number in the label
    ],
)
def test_field_lines_are_lists_under_short_labels(line: str, field: bool) -> None:
    assert _is_field(line) is field


@pytest.mark.parametrize(
    "head", ["Monday, May 5, 2008\n\nFerry fares\n\n", "Ferry fares\n\nMonday, May 5, 2008\n\n"]
)
def test_a_footer_byline_ends_the_quote_above_it(head: str) -> None:
    doc = citegrab.extract(
        head + "A reader on the Nampo route wrote in:\n\n"
        "The ferry now costs twice what it did last spring and the boats are full.\n\n"
        "posted by Ida Venn at 9:12 PM\n\nShare\n",
        entities=False,
    )
    assert [(p.byline, p.last_line) for p in doc.posts] == [("Ida Venn", 11)]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7)]


@pytest.mark.parametrize(("text", "posts"), SEGMENTS)
def test_segment_layouts(
    text: str, posts: list[tuple[int, int, str, str | None, str | None]]
) -> None:
    assert _posts(text) == posts


def test_sidebar_after_the_post_holds_no_citation() -> None:
    doc = citegrab.extract(
        "Kaesong output\n\nMarch 5, 2012\n\nOutput rose.\n\nShare\n\nRecent Posts\nRajin pier\n\n"
        "Archives\nMarch 2012\nFebruary 2012\n",
        entities=False,
    )
    assert doc.citations == () and [p.last_line for p in doc.posts if p.title] == [7]


def test_a_web_archive_toolbar_above_the_first_post_is_no_post() -> None:
    """Only chrome above the first post (a web archive's toolbar): no untitled post, and the
    capture dates date nothing; a masthead under the toolbar still is text outside the posts."""
    toolbar = (
        "The Wayback Machine - https://web.archive.org/web/20110915032211/http://example.org/\n"
        "13 captures\n2 Mar 2010 - 18 Nov 2016\nAUG SEP OCT\n2010 2011 2012\n\n"
    )
    post = "Rice in Hyesan\n\nSeptember 14th, 2011\n\nPrices rose again this week.\n\nShare\n"
    doc = citegrab.extract(toolbar + post, entities=False)
    assert [(p.title, p.date, p.span.line) for p in doc.posts] == [
        ("Rice in Hyesan", dt.date(2011, 9, 14), 7)
    ]
    doc = citegrab.extract(toolbar + "Border Markets Watch\n\n" + post, entities=False)
    assert [(p.title, p.span.line) for p in doc.posts] == [("", 7), ("Rice in Hyesan", 9)]


# Blogger prints the date once a day: the day's later posts stand under the earlier one's
# footer, with their own title; a template's footer naming the author ends the post's text.
FOOTER_DAYS = [
    (  # Blogger, two posts under one date header
        "Thursday, October 16, 2008\n\nCoal exports stall\n\nThe Korea Times says:\n\n"
        "Shipments fell by a third in September, customs data showed.\n\n"
        "posted by Hyun-woo at 11:02 PM 1 comments\n\nVinalon plant restart\n\n"
        "Yonhap reports:\n\nWorkers have begun replacing the furnaces, a source said.\n\n"
        "posted by Hyun-woo at 8:40 AM 0 comments\n",
        [
            ("Coal exports stall", dt.date(2008, 10, 16), "Hyun-woo", 1, 9),
            ("Vinalon plant restart", dt.date(2008, 10, 16), "Hyun-woo", 11, 17),
        ],
        [(7, 7), (15, 15)],
    ),
    (  # TypePad: "Posted by X on <date> in <category> | Permalink"
        "March 03, 2008\n\nCement prices\n\nDaily NK reports:\n\n"
        "The price of cement has tripled since last year.\n\nThat is a lot.\n\n"
        "Posted by Maren Holt on March 03, 2008 in Construction | Permalink | Comments (0)\n",
        [("Cement prices", dt.date(2008, 3, 3), "Maren Holt", 1, 11)],
        [(7, 7)],
    ),
]


@pytest.mark.parametrize(("text", "posts", "quotes"), FOOTER_DAYS)
def test_footers_end_posts_and_start_the_days_next_post(
    text: str, posts: list[tuple[object, ...]], quotes: list[tuple[int, int]]
) -> None:
    doc = citegrab.extract(text, entities=False)
    got = [(p.title, p.date, p.byline, p.span.line, p.last_line) for p in doc.posts]
    assert got == posts
    assert [(q.first_line, q.last_line) for q in doc.quotes] == quotes


# A mailing-list archive or a newsletter saved as text: the e-mail header opening the document
# heads the post (Subject without its list tag or "Re:", Date, the sender's name); the text
# ends at the list's footer rule or the newsletter's footer.
MESSAGES = [
    (
        "From: Owen Pardee <op@list.example.org>\nTo: nk-list@lists.example.org\n"
        "Date: Tue, 14 Apr 2009 09:12:44 +0900\nSubject: [nk-list] Re: Exchange rate jumps\n\n"
        "The won traded at 3,800 to the dollar last week, a source said.\n\nOwen\n\n"
        "_______________________________________________\nnk-list mailing list\n",
        [("Exchange rate jumps", dt.date(2009, 4, 14), "Owen Pardee", 1, 8)],
    ),
    (
        "Subject: Economy Brief #112: fuel prices\nDate: Friday, September 22, 2017\n"
        'From: "The Pyongyang Ledger" <brief@ledger.example.com>\n\nFuel prices\n\n'
        "Gasoline now sells for 20,000 won a kilogram.\n\n"
        "You are receiving this e-mail because you subscribed.\nUnsubscribe\n",
        [("Economy Brief #112: fuel prices", dt.date(2017, 9, 22), "The Pyongyang Ledger", 1, 7)],
    ),
    (  # a digest: masthead and table of contents, then "Message: 1" / headers per message
        "Send nk-list submissions to\n\tnk-list@lists.example.org\n\nToday's Topics:\n\n"
        "   1. Re: Port lease (Mara)\n\n-----\n\nMessage: 1\nDate: Mon, 8 Feb 2010 08:14:02 -0500\n"
        "From: Mara Quinlan <mq@example.edu>\nSubject: Re: [nk-list] Port lease\n\n"
        "The lease runs for fifty years, a source said.\n\nMara\n\n"
        "------------------------------\n\nMessage: 2\nDate: Tue, 9 Feb 2010 11:40:19 +0900\n"
        "From: Jae-sung Ahn <js@example.kr>\nSubject: Coal prices\n\nCoal sold for 85 dollars.\n",
        [
            ("", None, None, 1, 8),
            ("Port lease", dt.date(2010, 2, 8), "Mara Quinlan", 10, 17),
            ("Coal prices", dt.date(2010, 2, 9), "Jae-sung Ahn", 21, 26),
        ],
    ),
    (  # a digest's closing line is no message's text
        "nk-list Digest, Vol 2, Issue 3\n\nToday's Topics:\n\n   1. Coal (Mara)\n\n"
        "Message: 1\nDate: Mon, 8 Feb 2010 08:14:02 -0500\nFrom: Mara Quinlan <mq@example.edu>\n"
        "Subject: Coal\n\nCoal sold for 85 dollars.\n\nMara\n\n"
        "Message: 2\nDate: Tue, 9 Feb 2010 11:40:19 +0900\nFrom: Jae-sung Ahn <js@example.kr>\n"
        "Subject: Re: Coal\n\nThat is low.\n\nEnd of nk-list Digest, Vol 2, Issue 3\n*******\n",
        [
            ("", None, None, 1, 5),
            ("Coal", dt.date(2010, 2, 8), "Mara Quinlan", 7, 14),
            ("Coal", dt.date(2010, 2, 9), "Jae-sung Ahn", 16, 21),
        ],
    ),
    (  # a forwarded message quoted inside a blog post: no post of its own
        "A post\n\nMarch 4, 2009\n\nA reader sent this:\n\nFrom: Kim Min <k@example.org>\n"
        "Date: Tue, 3 Mar 2009 10:00:00 +0900\nSubject: prices\n\nRice is up again.\n",
        [("A post", dt.date(2009, 3, 4), None, 1, 11)],
    ),
]


@pytest.mark.parametrize(("text", "posts"), MESSAGES)
def test_an_email_header_opening_the_document_heads_its_post(
    text: str, posts: list[tuple[object, ...]]
) -> None:
    doc = citegrab.extract(text, entities=False)
    got = [(p.title, p.date, p.byline, p.span.line, p.last_line) for p in doc.posts]
    assert got == posts


# A widget listing the blog's other posts under a post: its entries (a title over a date, no
# text of their own) are no posts; a post after the widget, with its text, still is.
RELATED = [
    ("Related Posts", "Coal for electricity\nMay 14, 2016\n\nWhy the grid fails\nJanuary 8, 2016\n"),
    ("You might also like", "Cement output\nMay 30, 2021 • 3 min read\n\nWon stops falling\n"
     "May 12, 2021 • 5 min read\n"),
]  # fmt: skip


@pytest.mark.parametrize(("heading", "entries"), RELATED)
def test_related_posts_widget_entries_are_no_posts(heading: str, entries: str) -> None:
    text = (
        "Solar panels on every balcony\nJune 6, 2016\n\nThe Washington Post noticed too:\n\n"
        "Chinese-made panels sell for about 50 dollars in North Korean markets, traders said.\n\n"
        f"{heading}\n\n{entries}\n"
        "A second post\nJune 1, 2016\n\nThis one has a paragraph of text of its own, so it is "
        "a post.\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [p.title for p in doc.posts] == ["Solar panels on every balcony", "A second post"]
    assert doc.citations == ()
    assert doc.posts[0].last_line == 8  # the widget's heading ends the post's text


def test_a_sign_in_menu_over_a_ghost_head_is_no_title() -> None:
    text = (
        "DPRK Trade Notes\n\nSign in  Subscribe\n\nRason's seafood trade\n\nTomasz Wierzbicki\n"
        "Jun 14, 2021 • 4 min read\n\nSeafood is one of the few exports left, sources said.\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(p.title, p.byline) for p in doc.posts if p.title] == [
        ("Rason's seafood trade", "Tomasz Wierzbicki")
    ]


def test_livejournal_entries() -> None:
    """LiveJournal: "user (user) wrote," over the date, the title under it, "Current mood",
    "Tags:" and "5 comments | Leave a comment" closing the entry."""
    text = (
        "nk_markets (nk_markets) wrote,\n2006-04-15 10:32:00\n\nGrain sales banned\n\n"
        "The Yomiuri says:\n\nOnly state shops may sell rice and corn from October, officials "
        "told Japanese traders.\n\nApr. 14, 2006 Yomiuri Shimbun\n\nTags: food\n\n"
        "5 comments | Leave a comment\n\nnk_markets (nk_markets) wrote,\n2006-04-12 21:05:00\n\n"
        "Customs queue\n\nThe Chosun Ilbo has a photo. Excerpt below:\n\nTrucks waited up to "
        "four days to cross the bridge last week.\n\nThat's all it says.\n\nTags: trade\n\n"
        "2 comments | Leave a comment\n"
    )
    doc = citegrab.extract(text, entities=False)
    got = [(p.title, p.date, p.byline, p.span.line, p.last_line) for p in doc.posts]
    assert got == [
        ("Grain sales banned", dt.date(2006, 4, 15), "nk_markets", 1, 14),
        ("Customs queue", dt.date(2006, 4, 12), "nk_markets", 16, 29),
    ]
    c = doc.citations[0]
    assert (c.line, c.outlet and c.outlet.name, c.date) == (
        10,
        "Yomiuri Shimbun",
        dt.date(2006, 4, 14),
    )
    quotes = [
        (q.first_line, q.last_line, q.attributed_to and q.attributed_to.name) for q in doc.quotes
    ]
    assert quotes == [(8, 8, "Yomiuri Shimbun"), (23, 23, "Chosun Ilbo")]


@pytest.mark.parametrize(
    "line",
    ["Article printed from The Hermit Economy: http://example.net", "URL to article: http://x.example/",
     "Click here to print.", "Printed from: http://example.net/2012/07/x/"],
)  # fmt: skip
def test_print_view_chrome(line: str) -> None:
    """A print view's lines around the post are page chrome, like an archive's heading."""
    assert cues().is_page_chrome(line)
    text = f"A post\n\nJuly 24, 2012\n\nPrices rose again, traders said.\n\n{line}\n"
    assert citegrab.extract(text, entities=False).posts[0].last_line == 5


def test_a_blogger_footer_over_labels_ends_the_quote() -> None:
    """ "Labels: …" under the footer stays the post's last line, but the text ends at the
    footer: an uncited quote above stops there (and before the blogger's "Of course, …")."""
    text = (
        "Monday, June 13, 2011\n\nFlood season\n\nKCNA says:\n\n"
        "Working people across the country are repairing embankments.\n\n"
        "Of course, KCNA says this every June.\n\n"
        "Posted by Ilse Brandt at 6:02 PM 1 comments\nLabels: agriculture\n\n"
        "Friday, June 10, 2011\n\nRice prices\n\nPrices rose again, traders said.\n\n"
        "Posted by Ilse Brandt at 9:00 AM 0 comments\nLabels: food\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(p.title, p.byline, p.last_line) for p in doc.posts] == [
        ("Flood season", "Ilse Brandt", 12),
        ("Rice prices", "Ilse Brandt", 21),
    ]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7)]


# -- a digest with no date line, dated by its title --------------------------------------------

TITLE_DATES = [
    # title, expected post date (None: undated), expected date_source
    ("Open Sources, March 27, 2014", dt.date(2014, 3, 27), "title"),
    ("Daily Report Monday, February 20, 2006", dt.date(2006, 2, 20), "title"),
    ("Weekly roundup — 4 March 2013", dt.date(2013, 3, 4), "title"),
    ("Reading list for 2013-03-04", dt.date(2013, 3, 4), "title"),
    # an event's date in a headline, a month alone, an ambiguous numeric date: no post date
    ("Remembering the crackdown of March 1, 2013", None, None),
    ("The March 1, 2013 crackdown and its aftermath", None, None),
    ("Weekly roundup, March 2013", None, None),
    ("Daily digest 3/4/2013", None, None),
]


@pytest.mark.parametrize(("title", "date", "source"), TITLE_DATES)
def test_a_digest_without_a_date_line_is_dated_by_its_title(
    title: str, date: dt.date | None, source: str | None
) -> None:
    text = f"{title}\n\nTraders in Sinuiju said rice prices rose again this week.\n"
    (post,) = citegrab.extract(text).posts
    assert (post.title, post.date, post.date_source) == (title, date, source)


def test_a_date_line_wins_over_the_title() -> None:
    text = "Open Sources, March 27, 2014\n\nMarch 28, 2014\n\nTraders said rice prices rose.\n"
    (post,) = citegrab.extract(text).posts
    assert (post.date, post.date_source) == (dt.date(2014, 3, 28), "date-line")


# -- sidebar cuts: a run of end-of-post lines is walked once ------------------------------------


def _sidebar_cuts_reference(lines: Lines, marker_set: set[int]) -> list[int]:
    """Each marker walked to the end of its run on its own (the old, quadratic reading)."""
    headings, text_lines = cues().sidebar_headings, lines.lines
    out: list[int] = []
    for j in marker_set:
        h = lines.next_nonblank(j)
        while h >= 0 and j < h and h in marker_set:
            j, h = h, lines.next_nonblank(h)
        if (
            h >= 0
            and len(text_lines[h]) <= 40
            and " ".join(text_lines[h].casefold().split()).rstrip(":") in headings
        ):
            out.append(j)
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Share", "", "Leave a Reply", "Search", "Recent Posts", "x"]), max_size=30
    )
)
def test_sidebar_cuts_read_each_run_once_with_the_same_result(rows: list[str]) -> None:
    from citegrab._segment import _end_markers, _sidebar_cuts

    lines = Lines("\n".join(rows) + "\n")
    markers = _end_markers(lines, scan(lines))
    assert sorted(_sidebar_cuts(lines, markers)) == sorted(_sidebar_cuts_reference(lines, markers))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["13 captures", "", "Share", "March 4, 2010", "Title", "x" * 50]),
        max_size=30,
    )
)
def test_prev_content_remembers_runs_with_the_same_result(rows: list[str]) -> None:
    from citegrab._segment import _prev_content, _PrevContent

    lines = Lines("\n".join(rows) + "\n")
    walk = _PrevContent(lines)
    for i in reversed(range(len(lines))):  # (any order: the memo holds whole runs)
        assert walk(i) == _prev_content(lines, i)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Table of contents", True),
        ("  CONTENTS  ", True),
        ("In this issue:", True),
        ("Inhaltsverzeichnis", True),
        ("Contents of the ship's hold were seized", False),  # a headline
        ("Foreign Policy", False),
    ],
)
def test_a_contents_heading_is_read_from_the_cue_table(line: str, expected: bool) -> None:
    assert cues().is_contents_heading(line) is expected


@pytest.mark.parametrize(
    ("heads", "posts"),
    [
        # every headline over a date line names its outlet in parentheses: one review page
        (["Talks resume (Yonhap)", "Talks stall (Xinhua)"], 1),
        (["Talks resume over the islands (Yonhap)", "Talks stall over the islands (Xinhua)"], 1),
        # a blog: one title naming an outlet among others, or the parenthesis no outlet
        (["Talks resume over the islands (Yonhap)", "My trip to Dandong"], 2),
        (["Talks resume over the islands (updated)", "Talks stall over the islands (part 2)"], 2),
    ],
)
def test_headlines_naming_their_outlets_over_dates_are_a_reviews_entries(
    heads: list[str], posts: int
) -> None:
    text = "".join(
        f"{h}\n2012-11-0{k + 5}\nDiplomats met for two days and agreed to keep talking, the "
        "paper said on Tuesday.\n\n"
        for k, h in enumerate(heads)
    )
    assert len(citegrab.extract(text).posts) == posts


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Rice prices climb in Hyesanhttp://www.example.com/read.php?num=10452",
         "Rice prices climb in Hyesan"),
        ("Rice prices climb in Hyesan https://example.org/a/b", "Rice prices climb in Hyesan"),
        ("Why https matters for archives", "Why https matters for archives"),
    ],
)  # fmt: skip
def test_a_boards_title_glued_to_its_link_loses_the_url(head: str, title: str) -> None:
    text = (
        "Home > Board > News\n" + head + "\nDate : March 5, 2013\n\n"
        "Rice in Hyesan rose to 5,000 won per kilogram this week as stocks ran low, a source "
        "said.\n"
    )
    assert citegrab.extract(text).posts[-1].title == title


def test_a_posts_first_line_is_its_title_and_its_span_holds_the_date_above() -> None:
    # the corpus gold's convention: first_line is the title's line (a Blogger date header above
    # it is still the post's, inside its span)
    text = (
        "Tuesday, March 04, 2008\n\nMarket prices creep up again\n\n"
        "Rice rose to 2,100 won a kilogram this week, traders said.\n\nposted by Min-jun at 7:45 PM\n"
    )
    [post] = citegrab.extract(text).posts
    assert (post.title, post.first_line, post.span.line) == ("Market prices creep up again", 3, 1)
