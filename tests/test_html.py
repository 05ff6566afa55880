"""The HTML reader's choices of posts and furniture (beyond the WordPress fixtures)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import citegrab
from citegrab._inputs._html import html_to_text

POST = (
    "<article class='post'><h2 class='entry-title'>Kim meets officials</h2>"
    "<div class='entry-content'><p>According to Yonhap:</p><blockquote><p>Kim met officials."
    "</p></blockquote><p>(Source: “Kim meets officials,” Yonhap, 7/7/2022.)</p>"
    "<div class='sharedaddy'><p>Share this (Source: widget, “No,” 1/1/2020.)</p></div>"
    "</div></article>"
)
RELATED = (
    "<div class='jp-relatedposts'><article><h3>Related</h3><p>(Source: “Other,” RFA, 1/1/2021.)"
    "</p></article></div>"
)
COMMENT = (
    "<ol class='comment-list'><li><article class='comment'><p>(Source: a reader, “Spam,” "
    "3/3/2021.)</p></article></li></ol>"
)


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body>{POST}{RELATED}{COMMENT}</body></html>",
        f"<html><body class='single sidebar menu'>{POST}</body></html>",  # theme body classes
        f"<html><body><main class='widget'>{POST}</main></body></html>",
        f"<html><body><div id='secondary'>{RELATED}</div><main>{POST}</main></body></html>",
    ],
)
def test_the_post_and_only_the_post(page: str) -> None:
    text, hints = html_to_text(page)
    doc = citegrab.Extractor().extract(text, hints=hints)
    assert [p.title for p in doc.posts] == ["Kim meets officials"]
    assert [c.title for c in doc.citations] == ["Kim meets officials"]
    assert doc.quotes[0].text == "Kim met officials."


def test_line_breaks_inside_paragraphs_end_lines() -> None:
    page = (
        "<article><h2>T</h2><div class='entry-content'><p>Read the full story here:<br>"
        "Kim meets officials<br/>Yonhap<br />7/7/2022</p><p>x <span>y<br>z</span></p>"
        "</div></article>"
    )
    text, _ = html_to_text(page)
    assert text.splitlines()[2:7] == [
        "Read the full story here:",
        "Kim meets officials",
        "Yonhap",
        "7/7/2022",
        "",
    ]
    assert text.splitlines()[7:9] == ["x y", "z"]


# -- a blockquote's own attribution -------------------------------------------------------------

QUOTE = "<p>Builders now receive cement on time, and the new districts will be finished early.</p>"
ATTRIBUTIONS = [
    # blockquote, rendered lines from the quote on, quote hint (lines, 0-based)
    (f"<blockquote>{QUOTE}<cite>Rodong Sinmun, April 28, 2023</cite></blockquote>",
     [QUOTE[3:-4], "", "— Rodong Sinmun, April 28, 2023"], (6, 6)),
    (f"<blockquote>{QUOTE}<footer>— Yonhap, May 2, 2023</footer></blockquote>",
     [QUOTE[3:-4], "", "— Yonhap, May 2, 2023"], (6, 6)),
    (f"<blockquote>{QUOTE}<p><cite>Daily NK, 3/4/2023</cite></p></blockquote>",
     [QUOTE[3:-4], "", "— Daily NK, 3/4/2023"], (6, 6)),
    # a <cite> inside the text, or text after it, is no attribution: the quote keeps it
    (f"<blockquote>{QUOTE}<p>As <cite>Yonhap</cite> put it, prices fell.</p></blockquote>",
     [QUOTE[3:-4], "", "As Yonhap put it, prices fell."], (6, 8)),
    ("<blockquote><cite>Yonhap</cite></blockquote>", ["Yonhap"], (6, 6)),
]  # fmt: skip


@pytest.mark.parametrize(("quote", "rendered", "hint"), ATTRIBUTIONS)
def test_blockquote_attribution(quote: str, rendered: list[str], hint: tuple[int, int]) -> None:
    page = (
        "<article><h2>T</h2><time datetime='2023-05-02'>May 2, 2023</time>"
        f"<div class='entry-content'><p>Lead:</p>{quote}</div></article>"
    )
    text, hints = html_to_text(page)
    assert text.splitlines()[6 : 6 + len(rendered)] == rendered  # under title, date, lead-in
    assert hints.quotes == (hint,)


P2 = "<p>The firm will add cranes, the source said.</p>"
SET_OFF = [
    # body after "<p>Lead:</p>" (or after a plain paragraph), quote hints (0-based lines)
    (f"<div class='quote'>{QUOTE}{P2}</div><p>The lease dates from 2008.</p>", ((6, 8),)),
    (f"<div class='bbcode_quote'>{QUOTE}</div>", ((6, 6),)),
    (f"<div class='quote-author'>{QUOTE}</div>", ()),  # a class naming something else
    (QUOTE.replace("<p>", "<p style='margin-left: 40px;'>")
     + P2.replace("<p>", "<p style='padding-left:30px'>") + "<p>The lease dates from 2008.</p>",
     ((6, 8),)),
    (QUOTE.replace("<p>", "<p style='margin-left: 0px;'>"), ()),  # no indent
    (QUOTE.replace("<p>", "<p style='text-align: left'>"), ()),
    (QUOTE.replace("<p>", "<p><em>").replace("</p>", "</em></p>") + P2, ((6, 6),)),
    (QUOTE.replace("<p>", "<p> <i>").replace("</p>", "</i> </p>")
     + P2.replace("<p>", "<p><i>").replace("</p>", "</i></p>"), ((6, 8),)),
    (QUOTE.replace("<p>", "<p><em>").replace("</p>", "</em> and more.</p>"), ()),
    # set-off paragraphs inside a blockquote are that quote, not one more
    (f"<blockquote>{QUOTE.replace('<p>', '<p><em>')}</blockquote>", ((6, 6),)),
]  # fmt: skip


@pytest.mark.parametrize(("body", "hints"), SET_OFF)
def test_quotes_set_off_without_blockquote(body: str, hints: tuple[tuple[int, int], ...]) -> None:
    """A <div class="quote">, indented paragraphs (one quote per run) and a paragraph all in
    italics under a lead-in are quote hints, as a <blockquote> is."""
    page = (
        "<article><h2>T</h2><time datetime='2023-05-02'>May 2, 2023</time>"
        f"<div class='entry-content'><p>Lead:</p>{body}</div></article>"
    )
    assert html_to_text(page)[1].quotes == hints


def test_an_italic_paragraph_under_no_lead_in_is_no_quote() -> None:
    """A lone italic paragraph is as often the blogger's own note; an indented one is a quote."""
    italic = QUOTE.replace("<p>", "<p><em>").replace("</p>", "</em></p>")
    page = (
        "<article><h2>T</h2><time datetime='2023-05-02'>May 2, 2023</time>"
        f"<div class='entry-content'><p>A note.</p>{italic}</div></article>"
    )
    assert html_to_text(page)[1].quotes == ()
    assert html_to_text(
        page.replace("<em>", "<em style='x'>").replace("<p><em", "<p style='margin-left:2em'><em")
    )[1].quotes == ((6, 6),)


def test_blockquote_cite_is_the_quotes_source() -> None:
    page = (
        "<article><h2>Cement</h2><time datetime='2023-05-02'>May 2, 2023</time>"
        "<div class='entry-content'><p>The paper was pleased.</p>"
        f"<blockquote>{QUOTE}<cite>Rodong Sinmun, April 28, 2023</cite></blockquote>"
        "<p>So it goes.</p></div></article>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    got = [(c.outlet.name if c.outlet else None, c.date, c.quote.first_line if c.quote else None)
           for c in doc.citations]  # fmt: skip
    assert got == [("Rodong Sinmun", dt.date(2023, 4, 28), 7)]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7)]


TYPEPAD = (
    "<div id='alpha'><h2 class='date-header'>March 04, 2008</h2>"
    "<div class='entry-type-post entry' id='entry-2'><h3 class='entry-header'>Sand on the Yalu</h3>"
    "<div class='entry-content'><div class='entry-body'><p>Barges dredge sand.</p></div></div>"
    "<p class='entry-footer'><span class='post-footers'>Posted by H. Lee on March 04, 2008 at "
    "09:14 AM in <a href='#'>Trade</a></span> | <a href='#'>Permalink</a> | Comments (1)</p></div>"
    "<div class='entry-type-post entry' id='entry-1'><h3 class='entry-header'>Tolls rise</h3>"
    "<div class='entry-content'><div class='entry-body'><p>Trucks pay more.</p></div></div>"
    "<p class='entry-footer'>Posted by H. Lee on March 04, 2008 at 08:00 AM | Permalink</p></div>"
    "<h2 class='date-header'>March 01, 2008</h2>"
    "<div class='entry-type-post entry' id='entry-0'><h3 class='entry-header'>Old news</h3>"
    "<div class='entry-content'><div class='entry-body'><p>Nothing new.</p></div></div></div></div>"
)


def test_typepad_entries_take_the_days_heading_and_the_footers_author() -> None:
    """TypePad/Movable Type: `h3.entry-header` titles, the day's heading a sibling above the
    day's entries, "Posted by X on <date> …" footers (the author; never rendered as text)."""
    text, hints = html_to_text(f"<html><body>{TYPEPAD}</body></html>")
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    got = [(p.title, p.date, p.byline) for p in doc.posts]
    assert got == [
        ("Sand on the Yalu", dt.date(2008, 3, 4), "H. Lee"),
        ("Tolls rise", dt.date(2008, 3, 4), "H. Lee"),
        ("Old news", dt.date(2008, 3, 1), None),
    ]
    assert "Permalink" not in text


KUBRICK = (
    "<div id='content'><h2 class='pagetitle'>Archive for the ‘Food’ Category</h2>"
    "<div class='post'><h3 id='post-812'><a href='#'>Potato harvest in Ryanggang</a></h3>"
    "<small>Tuesday, September 9th, 2008</small><div class='entry'><p>Yields rose.</p>"
    "<h3>A heading inside the text</h3><p>More.</p></div>"
    "<p class='postmetadata'>Posted in Food | Comments Off</p></div>"
    "<div class='post'><h3 id='post-809'><a href='#'>Corn prices fall</a></h3>"
    "<small>Friday, September 5th, 2008</small><div class='entry'><p>Corn is cheaper.</p></div>"
    "</div></div>"
)


def test_kubrick_archive_titles_and_dates() -> None:
    """WordPress's old default theme: an unclassed ``<h3>`` title and a ``<small>`` date, both
    outside ``.entry``; a heading inside the text is no title."""
    text, hints = html_to_text(f"<html><body>{KUBRICK}</body></html>")
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    got = [(p.title, p.date) for p in doc.posts]
    assert got == [
        ("Potato harvest in Ryanggang", dt.date(2008, 9, 9)),
        ("Corn prices fall", dt.date(2008, 9, 5)),
    ]
    assert "A heading inside the text" in text


ARCHIVES = Path(__file__).parent / "data" / "layouts-html"
ARCHIVE_GOLD = json.loads((ARCHIVES / "archives.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(ARCHIVE_GOLD))
def test_archive_page_layouts(name: str) -> None:
    """Invented archive pages in the markup of real blog templates, against hand gold (the
    lines are those of the rendered text; `known_misses` replace gold quotes still missed)."""
    gold = ARCHIVE_GOLD[name]
    doc = citegrab.extract_file(ARCHIVES / name, entities=False)
    assert [[p.title, str(p.date), p.byline] for p in doc.posts] == gold["posts"]
    got = [[c.line, c.role, c.title, c.outlet.name if c.outlet else None, str(c.date)]
           for c in doc.citations]  # fmt: skip
    assert got == gold["citations"]
    quotes = [[q.first_line, q.last_line, q.lead_in_line, q.attributed_to.name if q.attributed_to else None]
              for q in doc.quotes]  # fmt: skip
    want = gold["quotes"]
    for miss in gold.get("known_misses", {}).get("quotes", []):
        want = [miss if w[0] == miss[0] else w for w in want]
    assert quotes == want


BR_PARAGRAPHS = [
    ("<div>One.<br /><br />Two.</div>", ["One.", "", "Two."]),
    ("<div>One.<br />\n<br />\nTwo.</div>", ["One.", "", "Two."]),
    ("<div>One.<br />\nTwo.</div>", ["One.", "Two."]),  # one <br>: a line end
    ("<div>One.<br /><br /><br />Two.<br /><br /></div>", ["One.", "", "Two."]),
    ("<p>Source:<br />\nTitle<br />\nDaily NK</p>", ["Source:", "Title", "Daily NK"]),
]  # fmt: skip


@pytest.mark.parametrize(("body", "lines"), BR_PARAGRAPHS)
def test_doubled_line_breaks_separate_paragraphs(body: str, lines: list[str]) -> None:
    """Old Blogger posts have no <p>: two <br>s in a row (white space between them allowed)
    end a paragraph; one ends a line."""
    text, _ = html_to_text(f"<html><body>{body}</body></html>")
    assert text.rstrip("\n").split("\n") == lines


TABLES = [
    # a data table: a line per row, its cells apart
    ("<table><tr><th>Item</th><th>Hyesan</th></tr><tr><td>Rice (1 kg)</td><td>5,100</td></tr>"
     "</table>", ["Item | Hyesan", "", "Rice (1 kg) | 5,100"]),
    # an empty cell is left out of the row
    ("<table><tr><td>Corn</td><td></td><td>1,700</td></tr></table>", ["Corn | 1,700"]),
    # a layout table (an old theme's columns): its cells' paragraphs stay paragraphs
    ("<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td><td>Sidebar</td></tr>"
     "</table>", ["First paragraph.", "", "Second paragraph.", "", "Sidebar"]),
]  # fmt: skip


@pytest.mark.parametrize(("body", "lines"), TABLES)
def test_a_data_tables_rows_are_lines(body: str, lines: list[str]) -> None:
    """A price table's row is one line ("Rice (1 kg) | 5,100"), not a paragraph per cell; a
    layout table holding paragraphs is read as its blocks."""
    text, _ = html_to_text(f"<html><body>{body}</body></html>")
    assert text.rstrip("\n").split("\n") == lines


def test_an_embedded_tweet_is_a_quote_its_sign_off_cites() -> None:
    page = (
        "<article><h1 class='entry-title'>Market hours</h1><time datetime='2023-11-20'>x</time>"
        "<div class='entry-content'><p>She pointed to the new rules:</p>"
        "<blockquote class='twitter-tweet'><p lang='en'>The new market hours look like 2009 "
        "again. <a href='https://t.co/x'>pic.twitter.com/x</a></p>&mdash; Min Park (@minpark) "
        "<a href='https://twitter.com/minpark/status/1'>November 19, 2023</a></blockquote>"
        "<p>That matches what traders said.</p></div></article>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor().extract(text, hints=hints)
    (c,) = doc.citations
    assert (c.outlet and c.outlet.name, [a.name for a in c.authors], c.role) == (
        "Twitter",
        ["Min Park"],
        "closes-quote",
    )
    assert c.quote is not None and c.quote.text.startswith("The new market hours")


LINKED_SOURCES = [
    # a quote's markup and its source's expected web address
    ("<blockquote><p>Lights were switched on along the new bridge on Saturday.</p><p>The "
     "bridge has never carried traffic.</p><p><cite><a href='https://example.org/y/1'>Yonhap, "
     "April 6, 2019</a></cite></p></blockquote>", "https://example.org/y/1"),
    ("<blockquote><p>Lights were switched on along the new bridge on Saturday.</p>"
     "<cite><a href='https://example.org/y/1'>Yonhap, April 6, 2019</a></cite></blockquote>",
     "https://example.org/y/1"),
    ("<blockquote><p>Lights were switched on along the new bridge on Saturday.</p><p>Source: "
     "<a href='https://example.org/y/1'>Yonhap, April 6, 2019</a></p></blockquote>",
     "https://example.org/y/1"),
    # a relative link, or two links in the source's paragraph: no address
    ("<blockquote><p>Lights were switched on along the new bridge on Saturday.</p><p>Source: "
     "<a href='/y/1'>Yonhap, April 6, 2019</a></p></blockquote>", None),
    ("<blockquote><p>Lights were switched on along the new bridge on Saturday.</p><p>Source: "
     "<a href='https://example.org/y/1'>Yonhap</a>, <a href='https://example.org/y'>April 6, "
     "2019</a></p></blockquote>", None),
]  # fmt: skip


@pytest.mark.parametrize(("quote", "url"), LINKED_SOURCES)
def test_a_sources_one_link_is_its_url(quote: str, url: str | None) -> None:
    """The one web link of the paragraph a citation sits in (a `<cite>`'s, a `Source:` line's)
    is the citation's `url`."""
    page = (
        "<article><h2 class='entry-title'>Bridge lights</h2><time datetime='2019-04-08'>April 8, "
        "2019</time><div class='entry-content'><p>Yonhap has the details:</p>"
        f"{quote}<p>Lights are not traffic.</p></div></article>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    assert [(c.outlet and c.outlet.name, c.date, c.url) for c in doc.citations] == [
        ("Yonhap News Agency", dt.date(2019, 4, 6), url)
    ]


def test_a_list_items_are_entries_with_their_links() -> None:
    """`<li>` items keep a bullet, so a reading list in HTML is read like one saved as text:
    entries (with their links), no quotes."""
    items = [
        ("https://example.org/a", "Ship-to-ship transfers off Nampo", "Reuters, February 6, 2018"),
        ("https://example.org/b", "Steel exports to the North fall", "Yonhap, February 7, 2018"),
        ("https://example.org/c", "What the panel report will say", "38 North, February 8, 2018"),
    ]
    lis = "".join(f"<li><a href='{u}'>{t}</a> ({s})</li>" for u, t, s in items)
    page = (
        "<article><h1>Weekly reading</h1><p class='meta'>Posted on February 10, 2018 by Ada "
        f"Kowalczyk</p><p>Some of the week's pieces:</p><ul>{lis}</ul><p>More next week.</p>"
        "</article>"
    )
    text, hints = html_to_text(page)
    assert "• Ship-to-ship transfers off Nampo (Reuters, February 6, 2018)" in text.splitlines()
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    assert [(p.date, p.byline) for p in doc.posts] == [(dt.date(2018, 2, 10), "Ada Kowalczyk")]
    got = [(c.role, c.title, c.outlet and c.outlet.name, c.url) for c in doc.citations]
    assert got == [
        ("list-entry", "Ship-to-ship transfers off Nampo", "Reuters", "https://example.org/a"),
        (
            "list-entry",
            "Steel exports to the North fall",
            "Yonhap News Agency",
            "https://example.org/b",
        ),
        ("list-entry", "What the panel report will say", "38 North", "https://example.org/c"),
    ]
    assert not doc.quotes


@pytest.mark.parametrize(
    "meta",
    [
        "<div class='entry-meta'>Posted on <time datetime='2019-04-08'>April 8, 2019</time> by "
        "Rune Halvorsen</div>",
        "<div class='entry-meta'><span>Posted on <time datetime='2019-04-08'>April 8, 2019</time>"
        "</span> by Rune Halvorsen</div>",
    ],
)
def test_the_author_beside_the_posts_time_element_is_its_byline(meta: str) -> None:
    """ "Posted on <time>…</time> by Name" in the theme's meta line: the date and the byline."""
    page = (
        f"<article><h2 class='entry-title'>Bridge lights</h2>{meta}"
        "<div class='entry-content'><p>The bridge was lit.</p></div></article>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    assert [(p.title, p.date, p.byline) for p in doc.posts] == [
        ("Bridge lights", dt.date(2019, 4, 8), "Rune Halvorsen")
    ]


def test_a_typepad_footer_posted_by_at_a_time_names_the_author() -> None:
    """TypePad's "Posted by Name at 10:12 AM in …" footer (no date: the day's heading dates
    the post) gives the byline."""
    page = (
        "<h2 class='date-header'>April 14, 2009</h2><div class='entry'><h3 class='entry-header'>"
        "Rice at Chaeha</h3><div class='entry-content'><div class='entry-body'><p>Prices rose."
        "</p></div></div><p class='entry-footer'>Posted by Ilse Marquardt at 10:12 AM in <a "
        "href='#'>Markets</a> | <a href='#'>Permalink</a></p></div>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    assert [(p.title, p.date, p.byline) for p in doc.posts] == [
        ("Rice at Chaeha", dt.date(2009, 4, 14), "Ilse Marquardt")
    ]


def test_a_blockquote_of_paragraphs_each_closed_by_its_source() -> None:
    """One `<blockquote>` quoting two outlets, each paragraph closed by its own source: two
    quotes, each cited by its paragraph's source."""
    page = (
        "<article><h1 class='entry-title'>Coal numbers</h1><time datetime='2017-09-12'>September "
        "12, 2017</time><div class='entry-content'><p>Two reports, two figures:</p><blockquote>"
        "<p>Exports of coal to China fell in the first half. (Yonhap, September 10, 2017)</p>"
        "<p>Chinese customs counted more over the same months. (Reuters, September 11, 2017)</p>"
        "</blockquote><p>The gap is larger than usual.</p></div></article>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    got = [
        (q.first_line, q.last_line, [c.outlet and c.outlet.name for c in q.citations])
        for q in doc.quotes
    ]
    assert got == [(7, 7, ["Yonhap News Agency"]), (9, 9, ["Reuters"])]
    assert [q.text.endswith("first half.") for q in doc.quotes] == [True, False]


@pytest.mark.parametrize("depth", [1, 2, 5])
def test_a_quote_inside_a_quote_is_one_quote_with_one_citation(depth: int) -> None:
    """Editors and forums nest <blockquote>s: the outermost is the quote, its source read once."""
    page = (
        "<article><h2 class='entry-title'>Bridge</h2><div class='entry-content'><p>He said:</p>"
        + "<blockquote>" * depth
        + "<p>Kim visited the bridge.</p><p>(Source: Yonhap, 2020-01-01)</p>"
        + "</blockquote>" * depth
        + "</div></article>"
    )
    text, hints = html_to_text(page)
    doc = citegrab.Extractor(entities=False).extract(text, hints=hints)
    assert len(doc.citations) == 1 and len(doc.posts[0].quotes) == 1
