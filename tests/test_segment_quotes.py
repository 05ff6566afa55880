"""Post segmentation and quote finding on the bundled fixture posts (hand-annotated below)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import citegrab

# first line, last line, date, byline, title — read off fixtures/archive-2019.txt by hand
ARCHIVE_POSTS = [
    (1, 21, dt.date(2019, 5, 4), "Hanna Lindqvist", "Rice prices climb again in Ryanggang"),
    (
        23,
        43,
        dt.date(2019, 5, 3),
        "Hanna Lindqvist",
        "(UPDATE 2) Pyongyang announces new trade rules",
    ),
    (45, 79, dt.date(2019, 4, 20), "Hanna Lindqvist", "Border smuggling crackdown, a roundup"),
]

# first, last, lead-in line, attributed outlet, how, citation lines
ARCHIVE_QUOTES = [
    (9, 15, 7, "Daily NK", "citation", [17]),
    (31, 35, 29, "Korean Central News Agency", "citation", [37, 37]),
    (41, 41, 39, "Associated Press", "lead-in", []),
    (53, 53, 51, "Radio Free Asia", "inferred", [55]),
    (59, 59, 57, "Radio Free Asia", "citation", [61]),
    (65, 65, 63, "Financial Times", "citation", [67]),
    (75, 75, 73, "Yonhap News Agency", "citation", [77]),
]


def test_posts(archive_doc) -> None:  # type: ignore[no-untyped-def]
    got = [(p.span.line, p.last_line, p.date, p.byline, p.title) for p in archive_doc.posts]
    assert got == ARCHIVE_POSTS


def test_quotes(archive_doc) -> None:  # type: ignore[no-untyped-def]
    got = [
        (q.first_line, q.last_line, q.lead_in_line, q.attributed_to.name if q.attributed_to else None,
         q.attribution, [c.line for c in q.citations])
        for q in archive_doc.quotes
    ]  # fmt: skip
    assert got == ARCHIVE_QUOTES


def test_elision_kept_inside_quote(archive_doc) -> None:  # type: ignore[no-untyped-def]
    q = archive_doc.quotes[0]
    assert "[…]" in q.text and q.text.startswith("Rice prices at markets")


def test_dated_update_moves_the_reference_date(archive_doc) -> None:  # type: ignore[no-untyped-def]
    c = next(c for c in archive_doc.citations if c.line == 77)
    assert c.date == dt.date(2019, 4, 24)  # after the post (20 April), before the update (25 April)
    assert "date-after-post" not in {d.code.value for d in c.diagnostics}


def test_non_citations_in_fixture_are_not_citations(archive_doc) -> None:  # type: ignore[no-untyped-def]
    lines = {c.line for c in archive_doc.citations}
    assert 19 not in lines  # "(Sources for all figures can be found here.)"
    assert 35 not in lines  # "(Recall that …)"
    assert 31 not in lines  # inline "(KCNA)" dateline


def test_inferred_outlet_is_marked(archive_doc) -> None:  # type: ignore[no-untyped-def]
    c = next(c for c in archive_doc.citations if c.line == 55)
    assert c.outlet is None
    assert c.inferred_outlet is not None and c.inferred_outlet.match == "inferred"
    assert "outlet-inferred" in {d.code.value for d in c.diagnostics}


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        (11, {"missing-colon"}),
        (17, {"stray-punctuation"}),
        (23, {"unclosed-paren", "date-two-digit-year"}),
        (29, {"unquoted-title"}),
        (35, {"missing-open-quote"}),
        (41, {"outlet-unknown", "date-impossible"}),
    ],
)
def test_damage_is_recorded(damaged_doc, line: int, codes: set[str]) -> None:  # type: ignore[no-untyped-def]
    c = next(c for c in damaged_doc.citations if c.line == line)
    assert codes <= {d.code.value for d in c.diagnostics}


def test_every_damaged_line_still_yields_a_citation(damaged_doc) -> None:  # type: ignore[no-untyped-def]
    assert [c.line for c in damaged_doc.citations] == [11, 17, 23, 29, 35, 41]
    assert all(c.title for c in damaged_doc.citations)


def test_post_title_with_parenthetical_is_no_citation(damaged_doc) -> None:  # type: ignore[no-untyped-def]
    assert damaged_doc.posts[1].title == "What the numbers say (around USD 44,450)"
    assert damaged_doc.posts[1].citations == ()


def test_document_without_posts_headers() -> None:
    doc = citegrab.extract("Some intro.\n\nAccording to Yonhap:\n\nKim met officials.\n")
    assert len(doc.posts) == 1 and doc.posts[0].title == ""
    q = doc.quotes[0]
    assert q.attributed_to is not None and q.attributed_to.name == "Yonhap News Agency"
    assert q.attribution == "lead-in"


def test_crlf_input() -> None:
    text = "Title\r\n\r\nJuly 8th, 2022\r\n\r\nAP:\r\n\r\nQuoted.\r\n\r\n(Source: “T,” Reuters, 7/7/2022.)\r\n"
    doc = citegrab.extract(text)
    assert [c.line for c in doc.citations] == [9]
    assert doc.citations[0].raw == "(Source: “T,” Reuters, 7/7/2022.)"


# fixtures/styles-2017.txt, read by hand: other date-line, byline, sign-off and block layouts
STYLES = [
    # line, form, authors, title, outlet, date, url present
    (9, "line", ["Kim Song Il"], "Cabinet meeting calls for more consumer goods",
     "Korean Central News Agency", dt.date(2017, 9, 3), False),
    (15, "source", ["Ishimaru Jiro"], "Market stall fees rise in Hyesan", "Asia Press",
     dt.date(2017, 9, 1), True),
    (29, "source", [], None, "Rodong Sinmun", dt.date(2017, 8, 27), False),
    (35, "full-article", ["Lee Jeong-jin"], "China tightens checks at Dandong customs",
     "Yonhap News Agency", dt.date(2017, 8, 25), False),
]  # fmt: skip


def test_other_styles() -> None:
    from .conftest import FIXTURES

    doc = citegrab.extract_file(FIXTURES / "styles-2017.txt")
    assert [(p.span.line, p.last_line, p.byline) for p in doc.posts] == [
        (1, 17, "Curtis Melvin"),
        (19, 41, "Curtis Melvin"),
    ]
    assert [p.date for p in doc.posts] == [dt.date(2017, 9, 4), dt.date(2017, 8, 28)]
    got = [
        (c.line, c.form, [a.name for a in c.authors], c.title,
         c.outlet.name if c.outlet else None, c.date, c.url is not None)
        for c in doc.citations
    ]  # fmt: skip
    assert got == STYLES
    assert doc.citations[-1].span.end_line == 39
    assert [(q.first_line, q.lead_in_line) for q in doc.quotes] == [
        (7, 5),
        (13, 11),
        (27, 25),
        (33, 31),
    ]


@pytest.mark.parametrize(
    ("line", "date", "byline"),
    [
        ("Posted by Curtis Melvin on July 8, 2022", dt.date(2022, 7, 8), "Curtis Melvin"),
        ("By Curtis Melvin | July 8, 2022", dt.date(2022, 7, 8), "Curtis Melvin"),
        ("Posted on July 8, 2022 by Curtis Melvin", dt.date(2022, 7, 8), "Curtis Melvin"),
        ("Published: 8 July 2022", dt.date(2022, 7, 8), None),
        ("Date : February 12, 2013", dt.date(2013, 2, 12), None),  # a board's "Date :" field
        ("Author: Ana Ruiz | July 8, 2022", dt.date(2022, 7, 8), "Ana Ruiz"),
        ("8 July 2022 | 10:32", dt.date(2022, 7, 8), None),  # a time is no byline
        ("2022-07-08 10:32:00", dt.date(2022, 7, 8), None),
        ("July 8, 2022 · 3 min read", dt.date(2022, 7, 8), None),
        ("Published July 8, 2022 Updated July 9, 2022", dt.date(2022, 7, 8), None),
        ("Date: 8 July 2022", dt.date(2022, 7, 8), None),
        ("Friday, July 8, 2022", dt.date(2022, 7, 8), None),
        ("July 8, 2022 at 9:00 am", dt.date(2022, 7, 8), None),
        ("2022-07-08", dt.date(2022, 7, 8), None),
        # round 3: Jekyll/Hugo, Squarespace, Drupal, a print view, an index with counts
        ("Jul 8, 2022 • Ana Ruiz", dt.date(2022, 7, 8), "Ana Ruiz"),
        ("July 8, 2022 / Ana Ruiz", dt.date(2022, 7, 8), "Ana Ruiz"),
        ("July 8, 2022 / Ana Ruiz / 3 Comments", dt.date(2022, 7, 8), "Ana Ruiz"),
        ("Submitted by Ana Ruiz on Fri, 07/22/2022 - 14:22", dt.date(2022, 7, 22), "Ana Ruiz"),
        (
            "Posted By Ana Ruiz On July 8, 2022 @ 9:30 am In Trade | 1 Comment",
            dt.date(2022, 7, 8),
            "Ana Ruiz",
        ),
        ("July 8, 2022 by Ana Ruiz | 2 Comments", dt.date(2022, 7, 8), "Ana Ruiz"),
        ("July 8, 2022 | Filed under Food | 2 Comments", dt.date(2022, 7, 8), None),
        ("Jul 8, 2022 • 4 min read", dt.date(2022, 7, 8), None),
        ("Posted on July 8, 2022 · 5 minute read · Ana Ruiz", dt.date(2022, 7, 8), "Ana Ruiz"),
    ],
)
def test_date_line_forms(line: str, date: dt.date, byline: str | None) -> None:
    text = f"A title\n\n{line}\n\nAccording to Yonhap:\n\nKim met officials.\n\n(Source: “Kim meets,” Yonhap, 7/7/2022.)\n"
    doc = citegrab.extract(text)
    post = doc.posts[0]
    assert (post.title, post.date, post.byline) == ("A title", date, byline)
    assert (post.span.line, post.last_line) == (1, 9)
    assert [c.line for c in doc.citations] == [9]


def test_share_widgets_between_posts() -> None:
    text = (
        "First post\n\nJuly 8th, 2022\n\nAccording to Yonhap:\n\nKim met officials.\n\n"
        "(Source: “Kim meets officials,” Yonhap, 7/7/2022.)\n\nShare this:\n\nTwitter\nFacebook\n\n"
        "Like Loading...\n\nSecond post\n\nJuly 9th, 2022\n\nKCNA reports:\n\nKim spoke.\n\n"
        "(Source: “Kim speaks,” KCNA, 9/7/2022.)\n\nShare this:\n\nTwitter\n"
    )
    doc = citegrab.extract(text)
    assert [(p.title, p.span.line, p.last_line) for p in doc.posts] == [
        ("First post", 1, 11),
        ("Second post", 18, 28),
    ]
    assert [c.post_date for c in doc.citations] == [dt.date(2022, 7, 8), dt.date(2022, 7, 9)]


def test_quoted_headline_and_dateline_are_not_a_new_post() -> None:
    text = (
        "A post\n\nJuly 20th, 2022\n\nA recent article from Rodong Sinmun:\n\n"
        "More Measures Taken to Prevent Damage\n\nJuly 13, 2022\n\nAn intensive campaign is underway.\n\n"
        "(Source: Rodong Sinmun, July 13, 2022.)\n"
    )
    doc = citegrab.extract(text)
    assert [p.title for p in doc.posts] == ["A post"]
    assert [(q.first_line, q.last_line, q.lead_in_line) for q in doc.quotes] == [(7, 11, 5)]


def test_uncited_block_ends_when_the_blogger_speaks_again() -> None:
    text = (
        "A post\n\nJuly 20th, 2022\n\nAP:\n\nOfficials said the rains would continue.\n\n"
        "“I have never seen such floods,” a farmer said.\n\n"
        "I think this matters for the harvest.\n\nMore commentary follows here.\n"
    )
    doc = citegrab.extract(text)
    q = doc.quotes[0]
    assert (q.first_line, q.last_line) == (7, 9)  # the farmer's quoted "I" does not end it
    assert q.attributed_to is not None and q.attributed_to.name == "Associated Press"


CLOSING_REMARKS = [
    "Note: Daily NK reported a similar rule in Hyesan last spring.",
    "That is a lot of corn.",
    "That's all it says.",
    "The figures for October will tell us whether this is a blip.",
    "Nothing in the report mentions fertiliser.",
    "No mention of the price of diesel, though.",
    "My comment: the rule will not last the winter.",
    "Blog editor: the full regulation can be read here.",
    "Editor's note: the source is a trader who has been reliable before.",
]


@pytest.mark.parametrize("remark", CLOSING_REMARKS)
def test_an_uncited_quote_leaves_the_bloggers_closing_remark_out(remark: str) -> None:
    """The last one-line paragraph of a quote no source closes is the blogger's when it opens
    like a remark or speaks in the first person (singular or plural)."""
    text = (
        "A post\n\nJuly 20th, 2012\n\nDaily NK writes:\n\n"
        "Traders in Hyesan must now close their stalls at five, a source said.\n\n"
        "Younger traders must show a work permit at the gate.\n\n" + remark + "\n\nShare\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 9)]


def test_a_quoted_closing_paragraph_stays_quoted() -> None:
    """A last paragraph with no remark opening and no first person stays in the quote."""
    text = (
        "A post\n\nJuly 20th, 2012\n\nDaily NK writes:\n\n"
        "Traders in Hyesan must now close their stalls at five, a source said.\n\n"
        "The rule applies to all markets in the province.\n\nShare\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 9)]


def test_cited_block_without_lead_in_starts_after_the_bloggers_voice() -> None:
    text = (
        "A post\n\nJuly 20th, 2022\n\nI have been following the border story for months.\n\n"
        "Trade resumed at Sinuiju on Monday, sources said.\n\nTrucks crossed the bridge.\n\n"
        "(Source: “Trade resumes,” Daily NK, 18/7/2022.)\n"
    )
    doc = citegrab.extract(text)
    q = doc.quotes[0]
    assert (q.first_line, q.last_line, q.lead_in_line) == (7, 9, None)
    assert "quote-no-lead-in" in {d.code.value for d in q.diagnostics}


def test_two_parentheticals_on_one_line_and_a_paragraph_closed_by_its_source() -> None:
    text = (
        "T\n\nJuly 8th, 2022\n\nTwo reports:\n\nTrade resumed at Sinuiju.\n\n"
        "(Source: A Kim, “One,” RFA, 1/7/2022.) (Source: B Lee, “Two,” Daily NK, 2/7/2022.)\n\n"
        "A paragraph that ends with its source. (Source: “Three,” Yonhap, 3/7/2022.)\n"
    )
    doc = citegrab.extract(text)
    assert [(c.line, c.title) for c in doc.citations] == [(9, "One"), (9, "Two"), (11, "Three")]
    assert doc.citations[1].raw == "(Source: B Lee, “Two,” Daily NK, 2/7/2022.)"
    assert [(q.first_line, [c.title for c in q.citations]) for q in doc.quotes] == [
        (7, ["One", "Two"]),
        (11, ["Three"]),
    ]
    assert doc.quotes[1].text == "A paragraph that ends with its source."


def test_markdown_posts() -> None:
    from .conftest import FIXTURES

    doc = citegrab.extract_file(FIXTURES / "markdown-2021.md")
    # read off fixtures/markdown-2021.md by hand
    assert [(p.title, p.date, p.byline) for p in doc.posts] == [
        ("Fuel prices in Hyesan", dt.date(2021, 3, 2), "Hanna Lindqvist"),
        ("Markets reopen in Sinuiju", dt.date(2021, 3, 1), "Hanna Lindqvist"),
    ]
    got = [(c.line, [a.name for a in c.authors], c.title, c.outlet.name if c.outlet else None, c.date)
           for c in doc.citations]  # fmt: skip
    assert got == [
        (13, ["Mun Dong Hui"], "Fuel prices jump in Hyesan", "Daily NK", dt.date(2021, 3, 1)),
        (29, ["Jieun Kim"], "Sinuiju markets reopen", "Radio Free Asia", dt.date(2021, 2, 28)),
    ]
    assert [(q.first_line, q.last_line, q.lead_in_line) for q in doc.quotes] == [
        (9, 11, 7),
        (27, 27, 25),
    ]
    assert doc.citations[0].raw.startswith("(Source:") and doc.citations[1].raw.endswith("2021.)")


# -- a lead-in's last sentence, found by searching backwards --------------------------------

_SENTENCE_TEXT = st.text(alphabet=st.sampled_from(list("ab AB.!?)”’\"'“‘(\n\t:")), max_size=60)


@given(_SENTENCE_TEXT)
def test_last_sentence_is_the_final_piece_of_a_forward_split(text: str) -> None:
    """The backward search finds the same last sentence a forward split of the whole text does."""
    import regex

    from citegrab._quotes import _last_sentence

    forward = regex.compile(r"(?<=[.!?][)”’\"']?)\s+(?=[\p{Lu}“\"‘(])")
    assert _last_sentence(text) == forward.split(text.strip())[-1]


@pytest.mark.parametrize(
    ("lead_in", "last"),
    [
        ("Prices rose. According to the Daily NK:", "According to the Daily NK:"),
        ("He said “no.” Yonhap reports:", "Yonhap reports:"),
        ("One sentence only:", "One sentence only:"),
        ("Ends lower. then continues:", "Ends lower. then continues:"),  # no capital: one sentence
    ],
)
def test_last_sentence_table(lead_in: str, last: str) -> None:
    from citegrab._quotes import _last_sentence

    assert _last_sentence(lead_in) == last


# -- lead-ins naming an outlet the registry does not list -----------------------------------


@pytest.mark.parametrize(
    ("lead_in", "outlet"),
    [
        ("According to the Harbour Gazette:", "Harbour Gazette"),
        ("The Pacific Tribune reports:", "Pacific Tribune"),
        ("Rice prices rose again, the Harbour Gazette reported on Monday:", "Harbour Gazette"),
        ("An interesting article appeared in the Pacific Tribune:", "Pacific Tribune"),
        ("Here is the latest from the Mountain Courier:", "Mountain Courier"),
        ("Writing in the Lakeside Weekly:", "Lakeside Weekly"),
        ("From the Harbour Gazette:", "Harbour Gazette"),  # the older "From the X:" rule
        # no outlet head, a head alone, a person, a body, a document: nothing inferred
        ("According to Andrei Lankov:", None),
        ("This is in the News:", None),
        ("According to the Ministry of Unification:", None),
        ("According to the Annual Report:", None),
        ("Kim Jong Un said:", None),
    ],
)
def test_lead_in_names_an_unlisted_outlet_by_its_head_word(
    lead_in: str, outlet: str | None
) -> None:
    text = (
        f"Title\n\nJuly 8th, 2022\n\n{lead_in}\n\nPrices rose in the city this week, traders "
        "said.\n\n(Source: Kim Min, “Prices rise,” 7/8/2022.)\n"
    )
    (q,) = citegrab.extract(text).posts[0].quotes
    (c,) = q.citations
    got = q.attributed_to.name if q.attributed_to else None
    assert got == outlet
    assert (c.inferred_outlet.name if c.inferred_outlet else None) == outlet
    if outlet is not None:
        assert c.inferred_outlet is not None and c.inferred_outlet.id is None  # as written


# -- Blogger's template: the date line above the title ---------------------------------------

_BLOGGER = (
    "Tuesday, March 04, 2008\n\nRice prices soar in Pyongyang\n\nAccording to the Daily NK:\n\n"
    "Rice prices rose again this week in the capital's markets, traders said.\n\n"
    "(Source: Kim Min, “Rice prices soar,” Daily NK, 3/3/2008.)\n\n"
    "Posted by Joshua at 10:32 AM 2 comments\n\nLabels: food, markets\n\n"
    "Monday, March 03, 2008\n\nFerry service suspended\n\nAccording to Yonhap:\n\n"
    "The ferry service between the two ports was suspended on Monday, officials said.\n\n"
    "(Source: “Ferry suspended,” Yonhap, 3/3/2008.)\n\nPosted by Joshua at 9:10 AM 0 comments\n"
)


@pytest.mark.parametrize("masthead", ["", "A Korea Blog\n\nNotes on the peninsula\n\n"])
def test_date_first_posts_take_the_title_below_their_date(masthead: str) -> None:
    doc = citegrab.extract(masthead + _BLOGGER)
    posts = [p for p in doc.posts if p.title]
    assert [(p.title, p.date) for p in posts] == [
        ("Rice prices soar in Pyongyang", dt.date(2008, 3, 4)),
        ("Ferry service suspended", dt.date(2008, 3, 3)),
    ]
    shift = masthead.count("\n")
    assert [(p.span.line - shift, p.last_line - shift) for p in posts] == [(1, 13), (15, 25)]
    assert [c.post_date for c in doc.citations] == [dt.date(2008, 3, 4), dt.date(2008, 3, 3)]
    assert [p.byline for p in posts] == ["Joshua", "Joshua"]  # "Posted by Joshua at 10:32 AM"


def test_title_first_posts_stay_title_first() -> None:
    """A post whose body opens with a short line is no date-first layout (majority vote)."""
    text = (
        "First post\n\nMarch 4, 2008\n\nAccording to Yonhap:\n\nThe ferry stopped, officials said."
        "\n\n(Source: “Ferry stops,” Yonhap, 3/3/2008.)\n\nSecond post\n\nMarch 5, 2008\n\n"
        "Joong Ang Daily\n\nThe port closed on Tuesday, officials said in a statement.\n"
    )
    doc = citegrab.extract(text)
    assert [(p.title, p.date) for p in doc.posts] == [
        ("First post", dt.date(2008, 3, 4)),
        ("Second post", dt.date(2008, 3, 5)),
    ]


# -- WordPress's footer: "This entry was posted on <date> … filed under …" under each post ----

_FOOTERED = (
    "Rice prices soar in Pyongyang\n\nAccording to the Daily NK:\n\n"
    "Rice prices rose again this week in the capital's markets, traders said.\n\n"
    "(Source: Kim Min, “Rice prices soar,” Daily NK, 3/3/2008.)\n\n"
    "This entry was posted on Tuesday, March 4th, 2008 at 10:32 am and is filed under Food. You "
    "can follow any responses to this entry through the RSS 2.0 feed.\n\n"
    "Ferry service suspended\n\nAccording to Yonhap:\n\n"
    "The ferry service between the two ports was suspended on Monday, officials said.\n\n"
    "(Source: “Ferry suspended,” Yonhap, 3/3/2008.)\n\n"
    "Posted on March 3, 2008 in Transport | Permalink | Comments (0)\n\nLeave a Reply\n"
)


def test_posts_dated_by_their_footer_line() -> None:
    doc = citegrab.extract(_FOOTERED)
    dated = [(p.title, p.date, p.span.line, p.last_line) for p in doc.posts if p.date]
    assert dated == [
        ("Rice prices soar in Pyongyang", dt.date(2008, 3, 4), 1, 9),
        ("Ferry service suspended", dt.date(2008, 3, 3), 11, 19),
    ]
    assert [c.post_date for c in doc.citations] == [dt.date(2008, 3, 4), dt.date(2008, 3, 3)]
    assert [(q.first_line, q.last_line) for q in doc.posts[0].quotes] == [(5, 5)]


def test_a_caption_under_the_quoted_text_is_not_quoted() -> None:
    text = (
        "A post\n\nMonday, March 3rd, 2008\n\nThe Daily NK reports that:\n\nRice prices rose "
        "again this week in the capital's markets, traders said.\n\n"
        "Photo: A market in Pyongyang (Daily NK)\n\n"
        "(Source: Kim Min, “Rice prices soar,” Daily NK, 3/3/2008.)\n"
    )
    (q,) = citegrab.extract(text).posts[0].quotes
    assert (q.first_line, q.last_line, q.lead_in_line) == (7, 7, 5)


SIGN_OFFS = [
    # a dash-led sign-off under a paragraph: its outlet may have a person's name's shape
    ("— Rodong Sinmun, April 28, 2023", "Rodong Sinmun", dt.date(2023, 4, 28)),
    ("– Yonhap, April 28, 2023", "Yonhap News Agency", dt.date(2023, 4, 28)),
    ("— Choson Sinbo, 4/28/2023", "Choson Sinbo", dt.date(2023, 4, 28)),
    ("— Kim Min-ho, April 28, 2023", None, None),  # a person alone signs no source
]  # fmt: skip


@pytest.mark.parametrize(("line", "outlet", "date"), SIGN_OFFS)
def test_sign_off_closes_the_paragraph_above(line: str, outlet: str | None, date: object) -> None:
    doc = citegrab.extract(
        "A post\n\nMay 2, 2023\n\nThe paper was pleased:\n\nBuilders now receive cement on time, "
        f"and the new districts will be finished early.\n\n{line}\n\nSo it goes.\n",
        entities=False,
    )
    got = [(c.outlet.name if c.outlet else None, c.date, c.line) for c in doc.citations]
    assert got == ([(outlet, date, 9)] if outlet else [])


TRAILING_PARENS = [
    # a paragraph closed by a dated source in parentheses: the paragraph is the last quoted one
    ("Barges dredge sand near Sinuiju, traders in Dandong said. (Chosun Ilbo, March 3, 2008)",
     [("Chosun Ilbo", dt.date(2008, 3, 3))]),
    ("Trade fell in February, the ministry said (Yonhap, Kim Min-ho, March 4, 2008).",
     [("Yonhap News Agency", dt.date(2008, 3, 4))]),
    # no date, not a known outlet, or an aside: no source
    ("The agency confirmed the visit (KCNA).", []),
    ("Prices rose to 3,000 won (around USD 2.50 in 2008).", []),
    ("Prices rose again (see the chart, 2008).", []),
    ("It fell (Recall that in 2007 it rose.)", []),
]  # fmt: skip


@pytest.mark.parametrize(("paragraph", "sources"), TRAILING_PARENS)
def test_trailing_dated_parenthesis(paragraph: str, sources: list[tuple[str, dt.date]]) -> None:
    doc = citegrab.extract(
        f"A post\n\nMarch 5, 2008\n\nThe paper reports:\n\n{paragraph}\n\nI doubt it.\n",
        entities=False,
    )
    got = [(c.outlet.name if c.outlet else "", c.date) for c in doc.citations]
    assert got == sources
    if sources:
        assert [(q.first_line, q.last_line, q.lead_in_line) for q in doc.quotes] == [(7, 7, 5)]


BULLETED = [
    # a bulleted or numbered title with its dated source in parentheses: a list entry
    ("• Kaesong firms count their losses (Korea Herald, 4/11/2013)",
     ("Kaesong firms count their losses", "The Korea Herald", dt.date(2013, 4, 11))),
    ("2. North pulls its workers out (Yonhap, April 9, 2013)",
     ("North pulls its workers out", "Yonhap News Agency", dt.date(2013, 4, 9))),
    ("- Why Pyongyang risks its cash cow (NK News, 4/10/2013)",
     ("Why Pyongyang risks its cash cow", "NK News", dt.date(2013, 4, 10))),
]  # fmt: skip


@pytest.mark.parametrize(("line", "entry"), BULLETED)
def test_bulleted_title_with_parenthesised_source(
    line: str, entry: tuple[str, str, dt.date]
) -> None:
    doc = citegrab.extract(f"A post\n\nApril 13, 2013\n\nThis week:\n\n{line}\n", entities=False)
    got = [(c.title, c.outlet.name if c.outlet else None, c.date, c.role) for c in doc.citations]
    assert got == [(*entry, "list-entry")]
    assert doc.quotes == ()


ENDNOTES = [
    # a note's own opening words before the citation are no author
    ("[2] Compare “Sunchon plant takes shape,” NK News, September 3, 2018.",
     ("Sunchon plant takes shape", [], "NK News")),
    ("[3] See also Kim Min-ho, “Builders advance,” Yonhap, January 19, 2019.",
     ("Builders advance", ["Kim Min-ho"], "Yonhap News Agency")),
    ("[4] Cf. “Plan overfulfilled,” KCNA, January 20, 2019.",
     ("Plan overfulfilled", [], "Korean Central News Agency")),
    ("[5] Seo Ji-hye, “Rail spur stalls,” Daily NK, January 21, 2019.",
     ("Rail spur stalls", ["Seo Ji-hye"], "Daily NK")),
]  # fmt: skip


@pytest.mark.parametrize(("note", "entry"), ENDNOTES)
def test_endnote_opening_words(note: str, entry: tuple[str, list[str], str]) -> None:
    doc = citegrab.extract(f"A post\n\nMarch 12, 2019\n\nText.[2]\n\n{note}\n", entities=False)
    got = [(c.title, [a.name for a in c.authors], c.outlet.name if c.outlet else None)
           for c in doc.citations]  # fmt: skip
    assert got == [entry]


WIRE_ENDS = [
    # a copied wire story's end mark or copyright line under the quoted text ends the quote
    ("(END)", True),
    ("-30-", True),
    ("###", True),
    ("/END/", True),
    ("Copyright (c) 2012 Yonhap News Agency. All rights reserved.", True),
    ("© Daily NK", True),
    ("(c) 2015 Yonhap", True),
    ("End of the line for the old ferry.", False),
    ("(Endnotes below)", False),
    ("Copyrights on North Korean films are another matter entirely, one I have not yet studied.", False),
]  # fmt: skip


@pytest.mark.parametrize(("line", "end"), WIRE_ENDS)
def test_wire_end_marks(line: str, end: bool) -> None:
    from citegrab._cues import cues

    assert cues().is_wire_end(line) is end


@pytest.mark.parametrize("mark", ["(END)", "-30-", "Copyright (c) 2012 Yonhap News Agency."])
def test_a_wire_end_mark_closes_the_quoted_story(mark: str) -> None:
    """Under a headline and its dateline (a header), after a lead-in (uncited) or above the
    closing source, the quoted text stops above the end mark; the blogger's third-person
    paragraph below it is no quote."""
    story = (
        "SEOUL, March 4 (Yonhap) -- The North extended the lease of a pier at Rajin by ten "
        "years, a source said.\n\nThe firm will add cranes, the source said.\n\n"
        f"{mark}\n\nThe lease was first signed in 2008.\n"
    )
    head = "A post\n\nMarch 5, 2012\n\nFrom Yonhap:\n\nN. Korea extends Rajin pier lease\n\n"
    doc = citegrab.extract(head + story, entities=False)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(9, 11)]
    doc = citegrab.extract(head.replace("N. Korea extends Rajin pier lease\n\n", "") + story)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 9)]
    closed = story.replace("The lease was first signed in 2008.", "Source: Yonhap, March 4, 2012")
    doc = citegrab.extract("A post\n\nMarch 5, 2012\n\nYonhap reports:\n\n" + closed)
    assert [(q.first_line, q.last_line, q.citations[0].line) for q in doc.quotes] == [(7, 9, 13)]


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_wire_byline_between_headline_and_dateline(gap: str) -> None:
    """Headline, the wire's byline (a paragraph of its own or under the headline), then the
    dateline: one header citing the outlet, the date and the writer as written."""
    doc = citegrab.extract(
        "A post\n\nMarch 5, 2012\n\nFrom Yonhap:\n\nN. Korea extends Rajin pier lease"
        f"{gap}By CHOI SEUNG-HO\n\nSEOUL, March 4 (Yonhap) -- The North extended the lease of "
        "a pier at Rajin by ten years, a source said.\n",
        entities=False,
    )
    (c,) = doc.citations
    assert (c.role, c.title, c.outlet and c.outlet.name, c.date) == (
        "heads-quote",
        "N. Korea extends Rajin pier lease",
        "Yonhap News Agency",
        dt.date(2012, 3, 4),
    )
    assert [a.name for a in c.authors] == ["CHOI SEUNG-HO"]
    assert c.quote is not None and c.quote.first_line == (11 if gap == "\n\n" else 10)


MESSAGE_HEADS = [
    # an e-mail's header over a forwarded message or a mailing-list post is no citation
    "From: Peter Holm <p.holm@example.org>\nDate: Tue, 14 Apr 2009 09:12:44 +0900\n"
    "Subject: [nk-econ] Kaesong wage dispute",
    "From: Kim Min-ho\nSent: Monday, April 13, 2009 5:02 PM\nTo: nk-econ list\nSubject: RE: wages",
]


@pytest.mark.parametrize("head", MESSAGE_HEADS)
def test_a_message_header_heads_no_citation(head: str) -> None:
    doc = citegrab.extract(
        f"A post\n\nApril 15, 2009\n\nA reader forwards this:\n\n{head}\n\nThe North demanded "
        "that wages at the Kaesong complex be raised to 300 dollars, officials said.\n\n"
        "(Chosun Ilbo, April 13, 2009)\n",
        entities=False,
    )
    assert [(c.line, c.outlet and c.outlet.name) for c in doc.citations] == [
        (11 + head.count("\n"), "Chosun Ilbo")
    ]


def test_a_header_with_one_field_label_still_cites() -> None:
    """One labelled line ("Date: …") among the fields is a header block's field, not a message."""
    from citegrab._cues import cues

    assert not cues().is_message_head(["Rice prices climb", "Date: March 3, 2008"])
    assert cues().is_message_head(["From: A <a@example.org>", "Subject: rice"])


BARE_SOURCES = [
    ("Yonhap, November 11, 2006", "Yonhap News Agency", dt.date(2006, 11, 11)),
    ("JoongAng Daily, September 14, 2007", "Korea JoongAng Daily", dt.date(2007, 9, 14)),
    ("Daily NK, 11/10/2006", "Daily NK", dt.date(2006, 11, 10)),
    ("Choson Ilbo 11/12/2007", "Chosun Ilbo", dt.date(2007, 11, 12)),
    ("Hankyoreh November 9, 2007", "The Hankyoreh", dt.date(2007, 11, 9)),
    ("Daily NK, 2007년 11월 10일", "Daily NK", dt.date(2007, 11, 10)),  # a Korean date
    ("Le Monde, 10 novembre 2007", "Le Monde", dt.date(2007, 11, 10)),  # a French one
]


@pytest.mark.parametrize(("line", "outlet", "date"), BARE_SOURCES)
def test_a_bare_outlet_and_date_line_closes_the_quote_above(
    line: str, outlet: str, date: dt.date
) -> None:
    """ "Outlet, date" alone under a quoted paragraph is its source, even with the blogger's
    paragraph below it (not a header block over that paragraph)."""
    text = (
        "A post\n\nNovember 13, 2007\n\nFrom the wires:\n\n"
        "Rice has disappeared from several markets in the province, a trader said.\n\n"
        + line
        + "\n\nThat is a lot of rice.\n"
    )
    doc = citegrab.extract(text, entities=False)
    c = doc.citations[0]
    assert (c.line, c.role, c.outlet and c.outlet.name, c.date) == (9, "closes-quote", outlet, date)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7)]


BARE_HEADERS = [
    # the remark under an earlier source, the bare line, the text below: (quote lines, role)
    ("(Daily NK, November 10, 2007)", "Yonhap, November 11, 2007", (15, 17), "heads-quote"),
    ("Chosun Ilbo 11/10/2007", "Yonhap November 11, 2007", (15, 17), "heads-quote"),
]  # fmt: skip


@pytest.mark.parametrize(("earlier", "line", "quote", "role"), BARE_HEADERS)
def test_a_bare_source_under_a_remark_heads_the_text_below(
    earlier: str, line: str, quote: tuple[int, int], role: str
) -> None:
    """Under a one-line remark that follows an earlier source, with running text below it, a
    bare "Outlet, date" line is that text's header, not the remark's source."""
    text = (
        "A post\n\nNovember 13, 2007\n\nFrom the wires:\n\n"
        "Rice has disappeared from several markets in the province, a trader said.\n\n"
        f"{earlier}\n\nThat is a lot of rice.\n\n{line}\n\n"
        "The ministry said it would review a request for food aid from a civic group.\n\n"
        "The group asked to send 500 tons through Dandong.\n"
    )
    doc = citegrab.extract(text, entities=False)
    c = doc.citations[1]
    assert (c.line, c.role, c.outlet and c.outlet.name) == (13, role, "Yonhap News Agency")
    assert c.date == dt.date(2007, 11, 11)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7), quote]


GLUED_SIGNOFFS = [
    # the end of the quoted paragraph, outlet, date (None: no citation), the quote's last words
    ('describing the hardship."Apr. 14, 2006 yomiuri', "Yomiuri Shimbun", dt.date(2006, 4, 14),
     'hardship."'),
    ("the price had doubled.”March 2, 2006 Chosun Ilbo", "Chosun Ilbo", dt.date(2006, 3, 2),
     "doubled.”"),
    ('a trader said."4/12/2006 Daily NK', "Daily NK", dt.date(2006, 4, 12), 'said."'),
    ('a trader said."April 12, 2006 was a Wednesday', None, None, "Wednesday"),
    # no closing quotation mark: the sign-off glued to the paragraph's last sentence
    ("according to the trader.Oct. 1, 2006 asahi", "Asahi Shimbun", dt.date(2006, 10, 1),
     "trader."),
]  # fmt: skip


@pytest.mark.parametrize(("tail", "outlet", "date", "end"), GLUED_SIGNOFFS)
def test_a_date_first_signoff_glued_to_the_quote_closes_it(
    tail: str, outlet: str | None, date: dt.date | None, end: str
) -> None:
    """A date, then a known outlet, right after the closing quotation mark of the quoted
    paragraph is its source; the quote ends at the mark."""
    text = (
        "A post\n\nApril 16, 2006\n\nThe paper has a piece on the rules:\n\n"
        "Farmers said the new quotas leave them with less. " + tail + "\n\nI wonder.\n"
    )
    doc = citegrab.extract(text, entities=False)
    got = [(c.line, c.outlet and c.outlet.name, c.date) for c in doc.citations]
    assert got == ([(7, outlet, date)] if outlet else [])
    assert doc.quotes[0].text.rstrip().endswith(end)


CLOSING_REFERENCES = [
    # the last paragraph under a KCNA item no source closes, whether it is quoted
    ("The farm was built by the army, and more farms are planned, according to the report.", False),
    ("More farms are planned in other provinces, the dispatch says.", False),
    ("The farm was built by soldiers in record time, the article said.", False),
    ("More farms are planned in other provinces, the report said in its last line", True),
    ("More farms are planned in other provinces.", True),
    # the item spoken of from outside, in the present tense; wire copy's past tense is quoted
    ("The report gives no number, and farms like this open every spring.", False),
    ("The dispatch does not say how many soldiers took part.", False),
    ("The report said more farms would open in other provinces.", True),
]  # fmt: skip


@pytest.mark.parametrize(("last", "quoted"), CLOSING_REFERENCES)
def test_a_closing_paragraph_pointing_at_the_quoted_item_is_the_bloggers(
    last: str, quoted: bool
) -> None:
    """A one-line last paragraph ending by pointing back at the quoted item ("…, according to
    the report.") sums it up from outside: it is not quoted."""
    text = (
        "KCNA on the farm\n\nSeptember 9th, 2019\n\nKCNA reports:\n\n"
        "Greenhouse Farm Goes into Operation\n\n"
        "Pyongyang, September 7 (KCNA) -- A large greenhouse farm has gone into operation.\n\n"
        "The farm supplies fresh vegetables to the workers in the region.\n\n" + last + "\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(9, 13 if quoted else 11)]


MARKDOWN_LAST_PARAGRAPHS = ["> The practice has grown.", "> The practice has grown since May."]


@pytest.mark.parametrize("last", MARKDOWN_LAST_PARAGRAPHS)
def test_a_source_under_a_markdown_quotes_short_last_paragraph(last: str) -> None:
    """A bare ">" between a Markdown quote's paragraphs stands for a blank line: the source
    under its short last paragraph closes it."""
    text = (
        "Rason fish\n\nSeptember 2, 2019\n\nReuters had an item on the fish trade:\n\n"
        "> Fishing boats from Rason sell their catch to Chinese buyers at sea, traders said.\n>\n"
        f"{last}\n\n(Reuters, August 30, 2019)\n\nNot new.\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(c.line, c.outlet and c.outlet.name) for c in doc.citations] == [(11, "Reuters")]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 9)]


ROUNDUP_MARKS = ["~ {n} ~", "{n})", "* * *", "#{n}", "[{n}]", "— {n} —"]


@pytest.mark.parametrize("mark", ROUNDUP_MARKS)
def test_a_roundups_item_marks_are_no_title_and_no_quoted_text(mark: str) -> None:
    """A roundup's items, each under its number or a separator and closed by its source: the
    marks are neither the post's title nor part of an item's quote."""
    items = [
        ("Rason port handled more coal in May than in any month last year.", "(Yonhap, 2015-06-02)"),
        ("Electricity rationing in Pyongyang has eased, residents said.", "(Daily NK, June 3, 2015)"),
    ]  # fmt: skip
    body = "".join(
        f"{mark.format(n=k + 1)}\n\n{text}\n\n{src}\n\n" for k, (text, src) in enumerate(items)
    )
    doc = citegrab.extract("Weekly roundup: ports and power\n\nJune 5th, 2015\n\n" + body)
    assert [(p.title, p.span.line) for p in doc.posts] == [("Weekly roundup: ports and power", 1)]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7), (13, 13)]
    assert [c.line for c in doc.citations] == [9, 15]


SHORT_LAST_PARAGRAPHS = [
    "The South offered a 5 percent rise.",  # a short paragraph under running text
    "Talks resume on Friday.",
]


@pytest.mark.parametrize("last", SHORT_LAST_PARAGRAPHS)
def test_a_parenthesised_source_under_a_short_last_paragraph(last: str) -> None:
    """ "(Outlet, date)" on its own line closes the quote even when the quoted text's last
    paragraph is short, as long as running text stands above that paragraph."""
    text = (
        "Wage talks stall\n\nNovember 20th, 2007 by Hollis Greer\n\nThe Korea Times reports:\n\n"
        "North Korea demanded that the monthly minimum wage be raised to 80 dollars, an official "
        "said.\n\n" + last + "\n\n(Korea Times, November 19, 2007)\n\nThe gap is wide.\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(c.line, c.role) for c in doc.citations] == [(11, "closes-quote")]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 9)]


POINTER_LEAD_INS = [
    (
        "Andrei Lankov writes in the Korea Times about the harvest. Excerpt below:",
        "The Korea Times",
    ),
    ("The Chosun Ilbo has a photo of the queue. Here it is:", "Chosun Ilbo"),
    ("The Chosun Ilbo has a photo of the queue. Farmers say:", None),  # no pointer: no one named
]


@pytest.mark.parametrize(("lead", "outlet"), POINTER_LEAD_INS)
def test_a_pointer_lead_in_takes_the_outlet_of_the_sentence_before(
    lead: str, outlet: str | None
) -> None:
    text = f"A post\n\nMarch 4, 2011\n\n{lead}\n\nRice prices rose again in the spring.\n"
    q = citegrab.extract(text, entities=False).quotes[0]
    assert (q.attributed_to.name if q.attributed_to else None) == outlet


@pytest.mark.parametrize("tail", ['."Oct. 1, 2007 asahi', ".Oct. 1, 2007 asahi"])
def test_a_glued_signoff_on_a_later_quoted_paragraph_closes_the_run(tail: str) -> None:
    """The sign-off glued to the second (or a later) paragraph under the lead-in closes the
    whole run of quoted paragraphs, not only one glued to the first."""
    text = (
        "October 3, 2007\n\nCoal trucks at Namyang\n\nThe Asahi has two paragraphs:\n\n"
        "Trucks loaded with anthracite lined up at the Namyang crossing, a trader said.\n\n"
        "Chinese buyers paid in yuan and the drivers returned empty, said the trader"
        + tail
        + "\n\nThat matches what we heard in August.\n"
    )
    doc = citegrab.extract(text, entities=False)
    (c,) = doc.citations
    assert (c.line, c.outlet and c.outlet.name, c.date) == (
        9,
        "Asahi Shimbun",
        dt.date(2007, 10, 1),
    )
    assert (doc.quotes[0].first_line, doc.quotes[0].last_line) == (7, 9)


AUTHOR_BOXES = [
    # the box under the text; every line of it is the page's
    "Written by Odile Brandt\n\n214 Followers\n\nTrade and ports around the peninsula.",
    "Written by Odile Brandt\n\nMore from Odile Brandt\n\nCoal at the Rajin pier\n\n"
    "Odile Brandt\n\nDec 2, 2022",
    "About the author\n\nOdile Brandt writes about ports.",
    "More by Odile Brandt\n\nCoal at the Rajin pier\nDec 2, 2022",
]


@pytest.mark.parametrize("box", AUTHOR_BOXES)
def test_an_author_box_under_the_post_is_no_part_of_it(box: str) -> None:
    """Medium's "Written by Name" (and "More from Name", "About the author") ends the post's
    text above it: the post's last line is the text's, and the box makes no post."""
    text = (
        "What the ferry timetable tells us\n\nOdile Brandt\n\nFollow\n\n"
        "4 min read · Jan 9, 2023\n\nShare\n\nNK News noted the schedule change:\n\n"
        "The ferry between Nampo and Dalian resumed weekly crossings, its operator said.\n\n"
        "(NK News, January 6, 2023)\n\nFreight rates will show whether this lasts.\n\n" + box + "\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(p.title, p.last_line) for p in doc.posts] == [
        ("What the ferry timetable tells us", 17)
    ]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(13, 13)]


def test_written_by_with_a_date_is_a_date_line_not_an_author_box() -> None:
    """ "Written by Name on 18 February 2008." heads a post (its date line), no author box."""
    doc = citegrab.extract(
        "Coal again\n\nWritten by Ola Berg on 18 February 2008.\n\nThe mines are busy.\n",
        entities=False,
    )
    assert [(p.title, p.date) for p in doc.posts] == [("Coal again", dt.date(2008, 2, 18))]


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_headline_paragraph_over_a_dated_header_block_is_its_title(gap: str) -> None:
    """A repost's headline in a paragraph of its own under the lead-in, over the header block
    ("By Name" / "[2013-03-04 15:20 ]" / "DAILYNK.COM"): the block's title; the citation
    starts at the headline, and the headline is no quoted text."""
    doc = citegrab.extract(
        "March 5th, 2013\n\nCoal prices in Sunchon\n\nFrom the Daily NK:\n\n"
        f"Coal Sellers Return to Sunchon Market\n\nBy Lee Gwang-su{gap}[2013-03-04 15:20 ]\n"
        "DAILYNK.COM\n\nCoal sellers have returned to the Sunchon market after a ban, a "
        "source said.\n\nThe price is now 90,000 won.\n\nI have not seen the ban elsewhere.\n",
        entities=False,
    )
    if gap == "\n\n":  # the byline alone in its paragraph: no header block of field lines
        assert all(c.title is None for c in doc.citations)
        return
    (c,) = doc.citations
    assert (c.line, c.title, c.outlet and c.outlet.name, c.date) == (
        7,
        "Coal Sellers Return to Sunchon Market",
        "Daily NK",
        dt.date(2013, 3, 4),
    )
    assert [a.name for a in c.authors] == ["Lee Gwang-su"]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(13, 15)]


@pytest.mark.parametrize(("open_", "close"), [("«", "»"), ("‹", "›"), ("“", "”")])
def test_a_list_of_titles_in_guillemets_is_a_list_and_no_quote(open_: str, close: str) -> None:
    """One-line entries opening with a title in guillemets ("«Title», Yonhap, May 29, 2015")
    are citations like their English-quoted kind, and the lead-in over them quotes nothing."""
    entries = [
        ("Kaesong firms refuse wage demand", "Yonhap, May 29, 2015"),
        ("Ministry sets deadline for Kaesong talks", "Korea Herald, May 30, 2015"),
        ("Why the wage row matters", "Hankyoreh, June 1, 2015"),
    ]
    body = "\n".join(f"{open_}{t}{close}, {rest}" for t, rest in entries)
    doc = citegrab.extract(
        "Kaesong wages again\n\nJune 2, 2015 by Mette Oskarsson\n\nSome reading:\n\n"
        + body
        + "\n\nMy own view is that the firms will pay.\n",
        entities=False,
    )
    got = [(c.line, c.role, c.title, c.outlet and c.outlet.name) for c in doc.citations]
    assert got == [
        (7, "list-entry", "Kaesong firms refuse wage demand", "Yonhap News Agency"),
        (8, "list-entry", "Ministry sets deadline for Kaesong talks", "The Korea Herald"),
        (9, "list-entry", "Why the wage row matters", "The Hankyoreh"),
    ]
    assert not doc.quotes


HEADLINE_PARAGRAPHS = [
    # the paragraphs under the headline, the author and the date the header gives
    ("By Yoon Se-jin (yoonsj@example.com)\n\nPublished : May 20, 2019 - 15:02 Updated : May 20, "
     "2019 - 17:44", "Yoon Se-jin", dt.date(2019, 5, 20)),
    ("By Yoon Se-jin\n\nPosted : 2019-05-20 15:02 | Updated : 2019-05-21 09:00", "Yoon Se-jin",
     dt.date(2019, 5, 20)),
    ("Published : May 20, 2019 - 15:02", None, dt.date(2019, 5, 20)),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "author", "date"), HEADLINE_PARAGRAPHS)
def test_a_headline_over_one_line_paragraphs_of_byline_and_date(
    fields: str, author: str | None, date: dt.date
) -> None:
    """A Korea Herald repost: headline, byline and date each a paragraph of its own under the
    lead-in (an update's date after the publication's dropped): one header citing the text
    below, and the post's date line above stays the post's (no post starts at the byline)."""
    doc = citegrab.extract(
        "May 21, 2019\n\nSinuiju apartment prices\n\nFrom the Korea Herald:\n\n"
        f"Apartment prices soar in border city\n\n{fields}\n\nApartment prices in Sinuiju have "
        "tripled in two years, according to a report by a state-run think tank in Seoul.\n\n"
        "I would like to see the report's sources.\n\nShare\n",
        entities=False,
    )
    assert [(p.title, p.date) for p in doc.posts] == [
        ("Sinuiju apartment prices", dt.date(2019, 5, 21))
    ]
    (c,) = doc.citations
    assert (c.line, c.title, c.inferred_outlet and c.inferred_outlet.name, c.date) == (
        7,
        "Apartment prices soar in border city",
        "The Korea Herald",
        date,
    )
    assert [a.name for a in c.authors] == ([author] if author else [])
    (q,) = doc.quotes
    assert q.text.startswith("Apartment prices in Sinuiju") and q.text.endswith("Seoul.")


def test_a_headline_over_published_and_updated_lines_in_a_forum_repost() -> None:
    """A forum post quoting a paper: the headline, then "PUBLISHED : …" / "UPDATED : …" (the
    update's line dropped, the time after the date allowed): one header, its date published."""
    doc = citegrab.extract(
        "Rajin port lease\n\nKolya_B said:\n\nRajin lease extended for Russian firm\n\n"
        "PUBLISHED : Tuesday, 02 February, 2016, 6:10pm\nUPDATED : Tuesday, 02 February, 2016, "
        "9:45pm\n\nA Russian company has extended its lease on a pier at Rajin port by ten "
        "years, the paper has learned.\n\nThe pier handles coal.\n\nInteresting, but I doubt it.\n",
        entities=False,
    )
    (c,) = doc.citations
    assert (c.line, c.title, c.date) == (
        5,
        "Rajin lease extended for Russian firm",
        dt.date(2016, 2, 2),
    )
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(10, 12)]


PAGE_HEADS = [
    # a page's head and the post's expected title and date
    ("Issue 41: Fertiliser season\n\nWhy spring imports matter\n\nGreta Lindqvist\nApr 11, 2022",
     "Issue 41: Fertiliser season", dt.date(2022, 4, 11)),  # a numbered title is no field line
    ("Home > News > Economy\n\nDate : November 6, 2012", "", dt.date(2012, 11, 6)),  # breadcrumb
    ("Home » Blogs » Notes\n\nNovember 6, 2012", "", dt.date(2012, 11, 6)),
]  # fmt: skip


@pytest.mark.parametrize(("head", "title", "date"), PAGE_HEADS)
def test_a_pages_head_gives_the_posts_title_and_date(head: str, title: str, date: dt.date) -> None:
    """A numbered newsletter issue's title over its subtitle and author; a breadcrumb trail
    over a board's date line is page chrome, not the title (the date still dates the post)."""
    doc = citegrab.extract(
        head + "\n\nHousing work in Hamhung has slowed because cement is scarce, a source said.\n",
        entities=False,
    )
    assert [(p.title, p.date) for p in doc.posts] == [(title, date)]


def test_read_more_over_other_posts_ends_the_post() -> None:
    """Ghost's "Read more" heading over other posts' titles and dates: no posts of their own."""
    doc = citegrab.extract(
        "Rice dips after the harvest\n\nBy Tomas Ferreira\n\nOct 18, 2021 — 3 min read\n\n"
        "Rice prices fell in most markets last week.\n\nRead more\n\nCorn and the autumn lull\n"
        "Oct 4, 2021 — 2 min read\n",
        entities=False,
    )
    assert [p.title for p in doc.posts] == ["Rice dips after the harvest"]


@pytest.mark.parametrize("mark", ["", "• "])
@pytest.mark.parametrize("dash", ["—", "–"])
def test_a_list_of_title_dash_outlet_and_date_in_parentheses(mark: str, dash: str) -> None:
    """ "Title — Yonhap (March 3, 2015)" lines: a reading list's entries (bulleted or not),
    no quote; a dash before an unknown name reads as nothing."""
    entries = [
        ("Border trade picks up in Hyesan", "Yonhap", "March 3, 2015"),
        ("Why rice is cheaper this spring", "Daily NK", "March 4, 2015"),
        ("A walk in the park", "Someone Else", "March 5, 2015"),
    ]
    body = "\n".join(f"{mark}{t} {dash} {o} ({d})" for t, o, d in entries)
    doc = citegrab.extract(
        "Weekend reading\n\nMarch 7, 2015 by Lars Aune\n\nThree pieces worth your time:\n\n"
        + body
        + "\n\nShare\n",
        entities=False,
    )
    got = [(c.line, c.role, c.title, c.outlet and c.outlet.name, c.date) for c in doc.citations]
    yonhap = ("Border trade picks up in Hyesan", "Yonhap News Agency", dt.date(2015, 3, 3))
    daily = ("Why rice is cheaper this spring", "Daily NK", dt.date(2015, 3, 4))
    assert got[:2] == [(7, "list-entry", *yonhap), (8, "list-entry", *daily)]
    assert [g[3] for g in got[2:]] == ([] if not mark else [None])
    assert not doc.quotes


# -- a reposted article's headline naming its outlet after a dash or bar -------------------------

TITLED_OUTLET_HEADS = [
    # headline line, expected (title, outlet) of the header citation; None: no citation
    ("Traders describe a new tax at the border \u2014 CNN",
     ("Traders describe a new tax at the border", "CNN")),
    ("Rice prices climb for a third month | Reuters",
     ("Rice prices climb for a third month", "Reuters")),
    ("Rice prices climb for a third month - Daily NK",
     ("Rice prices climb for a third month", "Daily NK")),
    ("Rice prices climb for a third month \u2014 Jane Doe", None),  # a person, no outlet
    ("Rice prices climbed, a trader said. \u2014 CNN", None),  # a sentence, not a headline
]  # fmt: skip


@pytest.mark.parametrize(("head", "expected"), TITLED_OUTLET_HEADS)
def test_a_headline_with_its_outlet_heads_the_article_below(
    head: str, expected: tuple[str, str] | None
) -> None:
    text = (
        "A post of mine\n\nMay 29, 2012\n\n" + head + "\n\n"
        "Seoul \u2014 Traders at the Sinuiju crossing say a new levy is now charged on every "
        "truck, and that the queue at the bridge has grown to two days.\n\n"
        "Officials on both sides declined to comment on the levy.\n\n"
        "My comment: this will not last.\n"
    )
    doc = citegrab.extract(text)
    got = [(c.title, c.outlet.name if c.outlet else None) for c in doc.citations]
    if expected is None:
        assert got == []
        return
    [(title, outlet)] = got
    assert title == expected[0] and outlet is not None and expected[1] in outlet
    [q] = doc.posts[0].quotes
    assert (q.first_line, q.last_line) == (7, 9)  # the article's text, not the comment


def test_headlines_of_a_list_head_nothing() -> None:
    """One headline after another (a list of links) is no header: no article text under it."""
    text = (
        "Links\n\nMay 29, 2012\n\n"
        "Rice prices climb for a third month | Reuters\n\n"
        "Traders describe a new tax at the border \u2014 CNN\n\n"
        "Share\n"
    )
    assert citegrab.extract(text).citations == ()


BARE_SOURCES_OVER_A_LIST = [
    # the bare source line, with a list at the post's end (or none): each closes its quote
    ("Harbour Gazette", "Daily NK, May 2, 2012", "Daily NK"),
    ("Harbour Gazette", "Yonhap, 2012.05.02", "Yonhap News Agency"),
    ("", "Daily NK, May 2, 2012", "Daily NK"),
]


@pytest.mark.parametrize(("listed", "bare", "outlet"), BARE_SOURCES_OVER_A_LIST)
def test_a_bare_source_between_two_quotes_closes_the_first(
    listed: str, bare: str, outlet: str
) -> None:
    """A bare "Outlet, date" line under the lead-in's quoted paragraph closes that quote, also
    when a later paragraph has its own "(Source: …)" and a further-reading list ends the post."""
    tail = f"\n\nFurther reading:\n\n1. “Ports reopen,” {listed}, May 1, 2012\n" if listed else "\n"
    text = (
        "Ports and prices\n\nMay 3, 2012\n\nAccording to a report:\n\n"
        "Fishing boats returned to the port of Sinpo after a month at anchor, a source said.\n\n"
        f"{bare}\n\n"
        "A second report said the catch was sold to Chinese buyers at the pier for cash.\n\n"
        "(Source: Radio Free Asia, May 2, 2012)" + tail
    )
    doc = citegrab.extract(text, entities=False)
    closing = [
        (c.line, c.outlet and c.outlet.name) for c in doc.citations if c.role == "closes-quote"
    ]
    assert closing == [(9, outlet), (13, "Radio Free Asia")]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 7), (11, 11)]


DENSE_TAILS = [
    # the last line under a quote in a post with no blank lines: (tail, cited, quote's last line)
    ("My comment: the crossings reopened last week.", True, 5),
    ("Note: the figures are the trader's own.", True, 5),
    ("Read more at the Harbour Gazette site.", False, 5),
    ("My Comment: And the harvest is still weeks away.", False, 5),
    ("Traders expect prices to ease once the crossings reopen.", True, 6),  # quoted text
    ("Traders expect prices to ease once the crossings reopen.", False, 6),
]


@pytest.mark.parametrize(("tail", "cited", "last"), DENSE_TAILS)
def test_a_remark_under_a_quote_in_a_post_with_no_blank_lines(
    tail: str, cited: bool, last: int
) -> None:
    """Text copied from HTML with one paragraph a line and no blank lines: each line is a
    paragraph, so the blogger's labelled remark under the quote is no part of it."""
    source = "\n(Source: Daily NK, November 2, 2011)" if cited else ""
    text = (
        "Grain prices climb in Hyesan\nNovember 3, 2011\nHere is a short item from Daily NK:\n"
        "The price of corn in the Hyesan market rose by a fifth over the fortnight, a trader said.\n"
        "Traders blame the closure of two border crossings for the rise.\n" + tail + source + "\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(4, last)]


def test_a_hard_wrapped_line_is_no_remark_in_a_post_with_no_blank_lines() -> None:
    """A line that continues the sentence above (hard-wrapped text) is no paragraph of its own."""
    text = (
        "Grain prices\nNovember 3, 2011\nDaily NK reports:\n"
        "The price of corn in the Hyesan market rose by a fifth, and traders\n"
        "note that the closure of two border crossings drove the rise.\n"
        "(Source: Daily NK, November 2, 2011)\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(4, 5)]


PRESENTING_LEAD_INS = [
    # a one-sentence paragraph with no colon over running text: (sentence, attributed outlet)
    ("This Financial Times piece appeared last spring.", "Financial Times"),
    ("The following Yonhap story is worth reading.", "Yonhap News Agency"),
    ("Here is a Daily NK report from the border.", "Daily NK"),
    ("An Asahi Shimbun dispatch from Dandong caught my eye.", "Asahi Shimbun"),
    # judging the item presents nothing; no known outlet, or no item, names no source
    ("This Daily NK report is probably wrong about the dates.", None),
    ("The following story is worth reading.", None),
    ("The Yonhap figures appeared last spring.", None),
]


@pytest.mark.parametrize(("sentence", "outlet"), PRESENTING_LEAD_INS)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_sentence_presenting_an_outlets_item_opens_an_uncited_quote(
    sentence: str, outlet: str | None, gap: str
) -> None:
    """No colon, a full stop: the sentence still leads in to the item's paragraphs below when it
    names a known outlet and its article, story or report and presents it."""
    text = gap.join(
        [
            "Fishing rights",
            "June 2, 2015",
            sentence,
            "Foreign fleets have fished the eastern waters for several seasons under licences "
            "sold by state trading firms, people familiar with the deals said.",
            "The fleets pay in hard currency, the people said.",
        ]
    )
    doc = citegrab.extract(text + "\n", entities=False)
    got = [(q.attributed_to.name if q.attributed_to else None) for q in doc.quotes]
    assert got == ([outlet] if outlet else [])
    if outlet:
        lead = 3 if gap == "\n" else 5
        assert [(q.lead_in_line, q.first_line) for q in doc.quotes] == [(lead, lead + len(gap))]


def test_a_post_presenting_two_items_gives_two_quotes() -> None:
    """The second presenting sentence further down the post ends the first quote and opens the
    second; one after a citation line opens a quote too."""
    item = (
        "Officials said on Monday that the border crossing would stay closed to trucks until "
        "the end of the month, citing repairs.\n\n"
    )
    text = (
        "Border notes\n\nJune 2, 2015\n\nThe following Yonhap story is worth reading.\n\n"
        + item
        + "This Financial Times piece appeared last week.\n\n"
        + item
        + "(Financial Times, May 28, 2015)\n\nHere is a Daily NK report from the border.\n\n"
        + item
    )
    doc = citegrab.extract(text, entities=False)
    got = [
        (q.lead_in_line, q.first_line, q.last_line, q.attributed_to and q.attributed_to.name)
        for q in doc.quotes
    ]
    assert got == [
        (5, 7, 7, "Yonhap News Agency"),
        (9, 11, 11, "Financial Times"),
        (15, 17, 17, "Daily NK"),
    ]


POINTER_TAILS = [
    ("The full paper can be found here.", 9),
    ("The full report can be found on the institute's site.", 9),
    ("Read the full story here.", 9),
    ("Read more at the Harbour Gazette.", 9),
    ("Stocks held by farms were larger than outside estimates.", 11),  # quoted text
]


@pytest.mark.parametrize(("tail", "last"), POINTER_TAILS)
def test_a_pointer_to_the_full_item_ends_an_uncited_quote(tail: str, last: int) -> None:
    """A closing line pointing to the rest of the item (a `full-article` label or a skip line
    opening it) is no part of the uncited quote above it."""
    text = (
        "Weekend reading\n\nFriday, March 15th, 2019\n\nBy Petra Lindgren\n\n"
        "A new paper on the grain trade is out. Below is an excerpt from the summary:\n\n"
        "Grain imports across the northern border fell sharply in the second half of the year, "
        "while prices in the large markets held steady.\n\n" + tail + "\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert [(q.lead_in_line, q.first_line, q.last_line) for q in doc.quotes] == [(7, 9, last)]


EVENT_DAYS = [
    # bullets under a heading, each closed by a date in parentheses: (closing, an entry?)
    ("(Dec. 12).", False),  # a sentence closed by the day of the event
    ("(12/17).", False),
    ("(Dec. 12, 2013).", True),  # a dated title
    ("(Dec. 12)", True),  # a headline with its day, no full stop
    ("(3/9/2013)", True),
]


@pytest.mark.parametrize(("closing", "entry"), EVENT_DAYS)
def test_a_sentence_closed_by_a_day_of_the_month_is_no_list_entry(
    closing: str, entry: bool
) -> None:
    """News-summary bullets ("The assembly met in the capital (Dec. 17).") date an event, not a
    publication: without a year, and closing a sentence, the date makes no list entry."""
    text = (
        "Thursday, January 9, 2014\n\nWhere things stand\n\nSome reading:\n"
        f"  • The assembly has met in the capital to approve the budget {closing}\n"
        f"  • A trade fair has opened in the eastern port city {closing}\n\n"
        "More soon.\n"
    )
    doc = citegrab.extract(text, entities=False)
    assert len(doc.citations) == (2 if entry else 0)


DENSE_BARE_SOURCES = [
    # a bare "Outlet, date" line in a post with no blank lines: (line, outlet, date)
    ("Yonhap, June 1, 2013", "Yonhap News Agency", dt.date(2013, 6, 1)),
    ("Korea Times 6/1/2013", "The Korea Times", dt.date(2013, 6, 1)),
    ("Daily NK, 2013년 6월 1일", "Daily NK", dt.date(2013, 6, 1)),
]


@pytest.mark.parametrize(("line", "outlet", "date"), DENSE_BARE_SOURCES)
@pytest.mark.parametrize("after", ["", "The ministry gave no figures.\n"])
def test_a_bare_source_line_in_a_post_with_no_blank_lines(
    line: str, outlet: str, date: dt.date, after: str
) -> None:
    """One paragraph a line: the bare source right under the quoted line closes it, at the post's
    end or above the blogger's next paragraph."""
    text = (
        "Two short items\nJune 3, 2013\nYonhap says the fertilizer is late:\n"
        "Only a third of the fertilizer promised for the spring has reached the farms, a source "
        "said.\n" + line + "\n" + after
    )
    doc = citegrab.extract(text, entities=False)
    got = [(c.line, c.role, c.outlet and c.outlet.name, c.date) for c in doc.citations]
    assert got == [(5, "closes-quote", outlet, date)]
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(4, 4)]


def test_a_bare_source_under_a_hard_wrapped_line_closes_nothing() -> None:
    """Without blank lines, a source line under a line that does not end a sentence is not read
    as the closing source (hard-wrapped text is no paragraph a line)."""
    text = (
        "Two short items\nJune 3, 2013\nThe shipments were late, said the report carried by\n"
        "Yonhap, June 1, 2013\nand other outlets in Seoul.\n"
    )
    assert citegrab.extract(text, entities=False).citations == ()


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source, Xinhua, April 26, 2013", "Xinhua"),  # a comma for the label's colon
        ("Source: Xinhua, April 26, 2013", "Xinhua"),
        ("Source, a trader in Hyesan, said the price had doubled.", None),  # no label
    ],
)
def test_a_source_label_may_take_a_comma_for_its_colon(line: str, outlet: str | None) -> None:
    text = (
        "A post\n\nApril 28, 2013\n\nThe agency published a commentary that rebuts the "
        "spokesman's statement, and it says the incident was not condemned.\n\n" + line + "\n"
    )
    got = [c.outlet.name if c.outlet else None for c in citegrab.extract(text).citations]
    assert got == ([outlet] if outlet else [])


# -- a press review's entries: "Title (Outlet)" right over the article's text ------------------

REVIEW = (
    "Weekly press review\n\nMarch 9, 2013\n\nForeign Policy\n\n{entry}\n"
    "Diplomats who met in the provincial capital over two days agreed to keep talking about the "
    "disputed islands, the paper said.\n"
)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Diplomats to continue talks over islands (China Daily)",
         [("Diplomats to continue talks over islands", "China Daily", "heads-quote")]),
        ("Diplomats to continue talks over islands (SCMP)",
         [("Diplomats to continue talks over islands", "South China Morning Post", "heads-quote")]),
        # a name and its acronym is an institution, no headline
        ("Institute for Far Eastern Studies (IFES)", []),
    ],
)  # fmt: skip
def test_a_press_review_entry_heads_its_article(
    entry: str, expected: list[tuple[str | None, str, str]]
) -> None:
    """The entry's headline and outlet head the text; a section heading that is also an outlet's
    name ("Foreign Policy") heads nothing the entry has taken."""
    doc = citegrab.extract(REVIEW.format(entry=entry))
    got = [(c.title, c.outlet.name if c.outlet else None, c.role) for c in doc.citations]
    if not expected:
        assert not [t for t, _, _ in got if t and t.startswith("Institute")]
        return
    assert got == expected  # (and "Foreign Policy" heads nothing)


# -- a press review page: its masthead, "Table of contents", then dated "Title (Outlet)" entries -

REVIEW_PAGE = (
    "The Monthly Media Digest of the Nordic Trade Office\n  1-7.3.2011, No. 112  \n{contents}\n\n"
    "Economy\n\n"
    "Fishing fleet returns to Nampo harbour early ({first})\n2011-03-02\n"
    "Dozens of trawlers returned to port ahead of schedule after fuel ran short, officials said "
    "on Wednesday. [...]. ^ top ^\n\n"
    "Border trade at Dandong slows after holiday (Global Times)\n2011-03-03\n"
    "Traders in Dandong reported fewer trucks crossing the bridge in the week after the lunar "
    "new year holiday. [...]. ^ top ^\n"
)


@pytest.mark.parametrize("contents", ["Table of contents", "Contents", "In this issue"])
@pytest.mark.parametrize(
    ("first", "outlet"), [("Korea Times", "The Korea Times"), ("SCMP", "South China Morning Post")]
)
def test_a_press_review_page_is_one_post_of_dated_entries(
    contents: str, first: str, outlet: str
) -> None:
    """Every headline over a date line names its outlet in parentheses: the page is one review,
    the headlines are its entries (no posts), and its masthead over "Table of contents" is no
    citation."""
    doc = citegrab.extract(REVIEW_PAGE.format(contents=contents, first=first))
    assert len(doc.posts) == 1
    got = [(c.line, c.title, c.outlet.name if c.outlet else None, c.date) for c in doc.citations]
    assert got == [
        (7, "Fishing fleet returns to Nampo harbour early", outlet, dt.date(2011, 3, 2)),
        (11, "Border trade at Dandong slows after holiday", "Global Times", dt.date(2011, 3, 3)),
    ]


def test_one_post_title_naming_an_outlet_keeps_the_blogs_posts() -> None:
    """A blog's posts, one of them titled "… (Yonhap)": the titles still head posts."""
    text = (
        "Rice prices in Hyesan\nMarch 4, 2013\n\nPrices rose again this week, traders said.\n\n"
        "Seoul offers talks on flood aid (Yonhap)\nMarch 5, 2013\n\n"
        "The offer came a day after the rains, and nobody expects an answer soon.\n"
    )
    doc = citegrab.extract(text)
    assert [(p.title, p.date) for p in doc.posts] == [
        ("Rice prices in Hyesan", dt.date(2013, 3, 4)),
        ("Seoul offers talks on flood aid (Yonhap)", dt.date(2013, 3, 5)),
    ]


# -- a reposted article's head run into its text with no blank line ------------------------------

RUN_ON_HEADS = [
    # source line, byline line, expected (outlet, date, authors)
    ("Korea Times | 2014-06-11 9:12:40", "By Han Do-yun",
     ("The Korea Times", dt.date(2014, 6, 11), ["Han Do-yun"])),
    ("Global Times | 2013-01-04", "", ("Global Times", dt.date(2013, 1, 4), [])),
    ("Daily NK | March 4, 2013", "By Lee Ji-won", ("Daily NK", dt.date(2013, 3, 4), ["Lee Ji-won"])),
]  # fmt: skip


@pytest.mark.parametrize(("source", "byline", "expected"), RUN_ON_HEADS)
@pytest.mark.parametrize("above", ["", "An earlier post\n\n"])
def test_a_reposts_head_over_its_text_with_no_blank_line(
    source: str, byline: str, expected: tuple[str, dt.date, list[str]], above: str
) -> None:
    """Headline / "Outlet | date" / "By Name" / the text, no lead-in and no blank line: the
    first line of running text ends the header, which cites the text."""
    head = "Shipyard workers mark launch of new ferry\n" + source + "\n"
    head += byline + "\n" if byline else ""
    text = (
        above + head + "The ferry, built at a shipyard in Nampo, was launched on Tuesday in front "
        "of hundreds of workers, state media reported.\n"
        "Officials said the vessel would carry passengers on the west coast route.\n"
    )
    [c] = citegrab.extract(text).citations
    assert c.title == "Shipyard workers mark launch of new ferry"
    assert (c.outlet.name if c.outlet else None, c.date, [a.name for a in c.authors]) == expected


# -- "Date | Outlet" under a headline: the article's source, not a post's date and byline ---------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 3, 2020 | Financial Times", ("Financial Times", dt.date(2020, 6, 3))),
        ("May 13, 2019 | USA Today", ("USA Today", dt.date(2019, 5, 13))),
        ("June 3, 2020 | Mira Holloway", None),  # a person: the post's date line and byline
    ],
)
def test_a_date_and_an_outlet_under_a_headline_cite_the_text(
    line: str, expected: tuple[str, dt.date] | None
) -> None:
    text = (
        "Institute research cited in article on fishing sanctions\n\n" + line + "\n\n"
        "LONDON \u2013 Fishing fleets off the peninsula have been caught transferring catches at "
        "sea in breach of sanctions, according to satellite images reviewed by researchers.\n\n"
        "Read full article.\n"
    )
    doc = citegrab.extract(text)
    got = [(c.line, c.outlet.name if c.outlet else None, c.date, c.title) for c in doc.citations]
    if expected is None:
        assert got == []
        assert doc.posts[0].byline == "Mira Holloway"
        return
    assert got == [(3, *expected, None)]
    assert doc.posts[0].byline is None


@pytest.mark.parametrize("kind", ["Commentary", "Op-ed", "Interview"])
def test_an_experts_pieces_listed_by_date_kind_and_outlet(kind: str) -> None:
    """A staff page listing an expert's pieces: "October 17, 2019 | Commentary | 38 NORTH"
    over a summary is no post's date line (a known outlet closes it) but the piece's source;
    the document kind between the bars carries no field."""
    text = (
        "Robert Jansen\nSenior Fellow, Korea Program\n\n"
        f"October 17, 2019 | {kind} | 38 NORTH\n\n"
        "The world will not wait while the capital argues about its own troubles; events far "
        "away will grind ahead regardless. READ MORE\n\n"
        f"September 4, 2019 | {kind} | 38 NORTH\n\n"
        "August was a hard month for the talks, which did not begin after the drills ended as "
        "most observers had expected. READ MORE\n"
    )
    doc = citegrab.extract(text)
    assert len(doc.posts) == 1
    got = [(c.line, c.outlet.name if c.outlet else None, c.date) for c in doc.citations]
    assert got == [(4, "38 North", dt.date(2019, 10, 17)), (8, "38 North", dt.date(2019, 9, 4))]


# -- a headline over a wire dateline with no lead-in ----------------------------------------------

DATELINE_HEADS = [
    # dateline, byline line between headline and text, expected (outlet, date)
    ("SEOUL, Aug. 14 (Yonhap) --", "", ("Yonhap News Agency", dt.date(2013, 8, 14))),
    ("WASHINGTON (Yonhap) --", "", ("Yonhap News Agency", None)),
    ("PYONGYANG, August 14 (KCNA) \u2014", "", ("Korean Central News Agency", dt.date(2013, 8, 14))),
    ("SEOUL, Aug. 14 (Yonhap) --", "By KIM SU-JI\n", ("Yonhap News Agency", dt.date(2013, 8, 14))),
    ("SEOUL, Aug. 14 (Harbour Weekly) --", "", None),  # no known outlet
]  # fmt: skip


@pytest.mark.parametrize(("dateline", "byline", "expected"), DATELINE_HEADS)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_headline_over_a_wire_dateline_heads_the_story(
    dateline: str, byline: str, expected: tuple[str, dt.date | None] | None, gap: str
) -> None:
    """A blog post reposting a wire story under its headline, no lead-in: the dateline gives
    the outlet and the date (its year from the post's)."""
    body = (
        "Seoul weighs new aid package for flood victims" + gap + byline + dateline + " South "
        "Korea is considering a new aid package for flood victims in the North, officials said "
        "Wednesday." + gap + "Officials declined to say how large the package would be.\n"
    )
    if gap == "\n":  # a post with no blank lines: the headline follows the blogger's text
        body = "The rains go on in the north, and the South is talking about aid.\n" + body
    text = "Flood aid, again\nPosted on August 15, 2013 by Mira Holloway\n\n" + body
    got = [
        (c.title, c.outlet.name if c.outlet else None, c.date, c.role)
        for c in citegrab.extract(text).citations
    ]
    if expected is None:
        assert got == []
        return
    assert got == [("Seoul weighs new aid package for flood victims", *expected, "heads-quote")]


@pytest.mark.parametrize("rule", ["------------", "* * *", "____________"])
def test_wire_items_parted_by_rules_each_head_their_story(rule: str) -> None:
    """A blog reposting a wire's weekly summary: items parted by rules, a headline (a tag such
    as "(LEAD)" may open it) over each dateline."""
    text = (
        "Northern news of the week\n\nFriday, January 10, 2020\n\n"
        "A reader asked for the wire's weekly roundup, so here it is, trimmed.\n\n"
        f"{rule}\nParty paper calls for self-reliance in farming\n"
        "SEOUL, Jan. 4 (Yonhap) -- The party newspaper called on farmers on Saturday to rely on "
        "their own seed stocks this spring.\n"
        f"{rule}\n(LEAD) Rally held in the capital\n"
        "SEOUL, Jan. 5 (Yonhap) -- A large rally was held in the northern capital on Sunday to "
        "mark the new year's tasks, state media said.\n"
    )
    got = [(c.line, c.title, c.date) for c in citegrab.extract(text).citations]
    assert got == [
        (8, "Party paper calls for self-reliance in farming", dt.date(2020, 1, 4)),
        (11, "(LEAD) Rally held in the capital", dt.date(2020, 1, 5)),
    ]


@pytest.mark.parametrize(
    "caption", ["", "An official speaks over the line. Photo courtesy of the ministry\n\n"]
)
@pytest.mark.parametrize(
    ("byline", "authors"), [("By UPI Staff", []), ("By Kim Min-ji", ["Kim Min-ji"])]
)
def test_a_forum_repost_of_a_wire_story_under_member_counts(
    caption: str, byline: str, authors: list[str]
) -> None:
    """A forum's post: the member's counts ("12,104 655 0"), the story's headline, a dated
    byline, a picture's caption, then a dateline with the place's region ("SEOUL, South Korea,
    Jan. 3 (UPI) --"): the byline's date is the story's, the dateline names the outlet."""
    text = (
        "Moderator\nNov 17, 2017\n12,104 655 0\nBorder hotline reopens after two years\n"
        f"{byline} | Jan. 03, 2018\n\n{caption}"
        "SEOUL, South Korea, Jan. 3 (UPI) -- The two Koreas spoke over a restored hotline on "
        "Wednesday, the first contact on the line in two years, officials said.\n"
    )
    [c] = citegrab.extract(text).citations
    assert (c.line, c.title, c.outlet.name if c.outlet else None, c.date) == (
        4, "Border hotline reopens after two years", "United Press International",
        dt.date(2018, 1, 3),
    )  # fmt: skip
    assert [a.name for a in c.authors] == authors


def test_a_wires_own_summary_page_cites_nothing() -> None:
    """The page's text opens with the wire's dateline under no headline (under the page's
    section, time and date): the wire's own page, whose items over its datelines are its own."""
    text = (
        "Go to Contents Go to Navigation\n\nWeekly summary of northern news\n\n"
        "North Korea 16:00 March 13, 2020\n\n"
        "SEOUL, March 13 (Yonhap) -- The following is a summary of domestic news in the North "
        "this week.\n\nParty paper urges farms to save seed stock\n\n"
        "SEOUL, March 7 (Yonhap) -- The party newspaper on Saturday urged farms to keep their "
        "own seed stocks for the spring planting.\n"
    )
    assert citegrab.extract(text).citations == ()


def test_a_newsletters_own_page_opening_with_a_dateline_cites_nothing() -> None:
    """An untitled, undated page whose first article sits under its masthead is the outlet's own
    page (a newsletter's issue), not a repost."""
    text = (
        "Home > Politics\nWEEKLY PENINSULA BULLETIN NO. 31 (August 15, 2013)\n\n"
        "Seoul weighs new aid package for flood victims\n\n"
        "SEOUL, Aug. 14 (Yonhap) -- South Korea is considering a new aid package for flood "
        "victims in the North, officials said Wednesday.\n"
    )
    assert citegrab.extract(text).citations == ()


# -- a known outlet's name in guillemets is the name, not a title --------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\u2014 \u00abRodong Sinmun\u00bb, 28 February 2023", (None, "Rodong Sinmun")),
        ("\u2014 \u00abMinju Choson\u00bb, March 3, 2023", (None, "Minju Joson")),
        # a title in guillemets stays a title
        ("\u2014 \u00abFertiliser output at a record\u00bb, Rodong Sinmun, 28 February 2023",
         ("Fertiliser output at a record", "Rodong Sinmun")),
        ("\u00abRodong Sinmun\u00bb, \u00abFertiliser output\u00bb, 28 February 2023",
         ("Fertiliser output", "Rodong Sinmun")),
    ],
)  # fmt: skip
def test_an_outlets_name_in_guillemets_is_its_name(
    line: str, expected: tuple[str | None, str]
) -> None:
    text = (
        "Fertiliser headlines\n\nMarch 5, 2023\n\nThe party paper ran a long piece on fertiliser "
        "this week, claiming record output at the complex.\n\n" + line + "\n"
    )
    [c] = citegrab.extract(text).citations
    assert (c.title, c.outlet.name if c.outlet else None) == expected


# -- what ends a header block's quoted text ------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "last"),
    [
        ("Read full article.", 8),
        ("Read the full story", 8),
        ("Domestic Policy", 8),  # the next section's heading
        ("------------", 8),
        ("The ministry gave no figures.", 10),  # the article's last sentence
    ],
)
def test_a_header_quote_ends_before_pointers_headings_and_rules(tail: str, last: int) -> None:
    text = (
        "Cited in the press\n\nPosted on September 2, 2014 by Mira Holloway\n\n"
        "Satellite images show transfers at sea\nSeptember 1, 2014 | Financial Times\n\n"
        "Fishing fleets off the peninsula have been caught transferring catches at sea in "
        "breach of sanctions, according to satellite images reviewed by researchers.\n\n"
        + tail
        + "\n"
    )
    [q] = citegrab.extract(text).posts[0].quotes
    assert (q.first_line, q.last_line) == (8, last)


# -- editorial notes, several sources, dash sign-offs (round 8) ---------------------------------

_NOTE_POST = (
    "Notes from the border\n\nPosted on May 4, 2016 by Ines Varga\n\n"
    "The provincial paper sounds calm:\n\n"
    "Grain shipments through the county continued at their usual pace last week.\n\n"
    "{note}\n\n"
    "(Source: Jilin Daily, 5/3/2016)\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "(emphasis added)",
        "[emphasis mine]",
        "(italics added)",
        "(photo: Xinhua)",
        "[Photo by a reader]",
        "(more here)",
        "(see also: the April report)",
        "(h/t Tomas)",
        "(link in Korean)",
        "(rough translation: grain kept moving.)",
    ],
)
def test_a_bracketed_editorial_note_ends_the_quote_above_it(note: str) -> None:
    [q] = citegrab.extract(_NOTE_POST.format(note=note)).posts[0].quotes
    assert (q.first_line, q.last_line) == (7, 7)
    assert q.citations[0].outlet is not None


@pytest.mark.parametrize(
    "note",
    [
        "(The county is on the river.)",  # a bracketed sentence of the quoted text: kept
        "(Emphasis on trade, officials said, is rising.)",
    ],
)
def test_a_bracketed_sentence_not_a_note_stays_in_the_quote(note: str) -> None:
    text = _NOTE_POST.format(note=note)
    [q] = citegrab.extract(text).posts[0].quotes
    assert q.first_line == 7
    assert q.last_line == 9


@pytest.mark.parametrize(
    "line", ["Sources: KBS, MBC, SBS evening news, Dec. 1", "(Sources: Yonhap, KBS, 12/1/2009)"]
)
def test_a_summary_over_several_sources_with_no_lead_in_is_no_quote(line: str) -> None:
    text = (
        "Currency news\n\nPosted on December 2, 2009 by Ines Varga\n\n"
        '"Old notes are worthless now," a trader said.\n\n'
        'Source: Yonhap, "Won swap begins", December 1, 2009\n\n'
        "All the Seoul broadcasters opened with the story on Tuesday night.\n\n" + line + "\n"
    )
    post = citegrab.extract(text).posts[0]
    assert [(q.first_line, q.last_line) for q in post.quotes] == [(5, 5)]
    # the sources line (one record per source it names) closes no quote
    assert sorted({c.line for c in post.citations}) == [7, 11]
    assert all(c.quote is None for c in post.citations if c.line == 11)


@pytest.mark.parametrize(
    ("signoff", "outlet", "date"),
    [
        ("– Mainichi Shimbun, March 4, 2019", "Mainichi Shimbun", dt.date(2019, 3, 4)),
        ("— Kyodo, March 6, 2019", "Kyodo News", dt.date(2019, 3, 6)),
        ("-- Yonhap, 6 March 2019", "Yonhap News Agency", dt.date(2019, 3, 6)),
    ],
)
def test_a_dash_signoff_glued_to_a_paragraphs_end_cites_it(
    signoff: str, outlet: str, date: dt.date
) -> None:
    text = (
        "Press monitor\n\nPosted on March 9, 2019 by Ada Lindqvist\n\n"
        "Port checks tightened\n"
        "Officials in Niigata said they would inspect every ship that had called at Nampo in "
        "the past year. The ministry gave no numbers. " + signoff + "\n"
    )
    [c] = citegrab.extract(text).posts[0].citations
    assert c.outlet is not None and c.outlet.name == outlet
    assert c.date == date
    assert c.line == 6


@pytest.mark.parametrize(
    "line",
    [
        "It rained all week in Hyesan -- and then, in 2019",  # no sentence's end before the dash
        "Prices rose. – Then they fell again in 2019",  # no outlet after the dash
        "Prices rose. – Kim Ha-na, 2019",  # a name, no outlet
    ],
)
def test_a_dash_after_a_sentence_without_an_outlet_and_date_is_no_source(line: str) -> None:
    text = "Market notes\n\nPosted on March 9, 2019 by Ada Lindqvist\n\n" + line + "\n"
    assert not citegrab.extract(text).posts[0].citations


@pytest.mark.parametrize(
    ("line", "outlet", "date"),
    [
        ("[Nodong Sinmun, 12 Feb 2008]", "Rodong Sinmun", dt.date(2008, 2, 12)),
        ("[KCNA, 2/12/2008]", "Korean Central News Agency", dt.date(2008, 2, 12)),
        ("[Yonhap, February 11, 2008.]", "Yonhap News Agency", dt.date(2008, 2, 11)),
    ],
)
def test_a_bracketed_outlet_and_date_on_its_own_line_closes_the_quote(
    line: str, outlet: str, date: dt.date
) -> None:
    text = (
        "Slogans\n\nPosted on February 14, 2008 by Ines Varga\n\nAnd the editorial:\n\n"
        "Fertilizer is precisely rice, and rice is precisely the strength of the country.\n\n"
        + line
        + "\n\nThe slogan is an old one.\n"
    )
    post = citegrab.extract(text).posts[0]
    [c] = post.citations
    assert c.outlet is not None and c.outlet.name == outlet
    assert c.date == date
    assert [(q.first_line, q.last_line) for q in post.quotes] == [(7, 7)]


@pytest.mark.parametrize("line", ["[emphasis added]", "[…]", "[Kim Ha-na, 12 Feb 2008]"])
def test_a_bracket_without_an_outlet_on_its_own_line_is_no_source(line: str) -> None:
    text = (
        "Slogans\n\nPosted on February 14, 2008 by Ines Varga\n\n"
        "Fertilizer is precisely rice, and rice is precisely the strength of the country.\n\n"
        + line
        + "\n"
    )
    assert not citegrab.extract(text).posts[0].citations


@pytest.mark.parametrize(
    ("first", "second", "outlet", "date"),
    [
        (
            'Source: Mark Tennel, "Zone still empty, images show,"',
            "38 North, August 20, 2012.",
            "38 North",
            dt.date(2012, 8, 20),
        ),
        (
            "Source: Mark Tennel, “Zone still empty, images show,”",
            "Reuters, Aug. 20, 2012",
            "Reuters",
            dt.date(2012, 8, 20),
        ),
        (
            "Source: Yonhap, “Zone still empty, images show,”",
            "August 20, 2012",
            "Yonhap News Agency",
            dt.date(2012, 8, 20),
        ),
    ],
)
def test_a_citation_wrapped_after_a_comma_is_read_over_both_lines(
    first: str, second: str, outlet: str, date: dt.date
) -> None:
    text = (
        "Empty zone\n\nPosted on August 21, 2012 by Ines Varga\n\n"
        '"Nothing has been built on the island since the ceremony," the analyst wrote.\n\n'
        + first
        + "\n"
        + second
        + "\n"
    )
    post = citegrab.extract(text).posts[0]
    [c] = post.citations
    assert c.outlet is not None and c.outlet.name == outlet
    assert c.date == date
    assert c.title == "Zone still empty, images show"
    assert [(q.first_line, q.last_line) for q in post.quotes] == [(5, 5)]


@pytest.mark.parametrize(
    ("heading", "outlet", "date"),
    [
        ("From Rodong Sinmun (January 30th, 2024):", "Rodong Sinmun", dt.date(2024, 1, 30)),
        ("From the Korea Herald, March 3, 2023:", "The Korea Herald", dt.date(2023, 3, 3)),
        ("Yonhap (2/1/2024):", "Yonhap News Agency", dt.date(2024, 2, 1)),
    ],
)
def test_a_lead_in_naming_its_source_and_date_heads_the_text(
    heading: str, outlet: str, date: dt.date
) -> None:
    text = (
        "Regional policy\n\nPosted on February 2, 2024 by Ines Varga\n\n"
        + heading
        + "\n\nThe regional policy is a great revolution to change the face of every county.\n\n"
        "That is a lot to promise.\n"
    )
    post = citegrab.extract(text).posts[0]
    [c] = post.citations
    assert c.outlet is not None and c.outlet.name == outlet
    assert c.date == date
    assert c.role == "heads-quote"
    [q] = post.quotes
    assert (q.first_line, q.last_line, q.lead_in_line) == (7, 7, 5)


@pytest.mark.parametrize(
    "heading",
    [
        "From the report (January 30th, 2024):",  # no outlet
        "From an interview with Kim Ha-na, March 3, 2023:",
        "Yonhap reported on March 3, 2023:",  # a sentence, no heading
    ],
)
def test_a_dated_lead_in_without_a_source_cites_nothing(heading: str) -> None:
    text = (
        "Regional policy\n\nPosted on February 2, 2024 by Ines Varga\n\n"
        + heading
        + "\n\nThe regional policy is a great revolution to change the face of every county.\n"
    )
    assert all(c.role != "heads-quote" for c in citegrab.extract(text).posts[0].citations)


@pytest.mark.parametrize(
    ("pointer", "outlet"),
    [
        ("Visit NK News for more", "NK News"),
        ("Read more at Yonhap.", "Yonhap News Agency"),
        ("Continue reading at Daily NK", "Daily NK"),
    ],
)
def test_a_digest_entry_closed_by_a_pointer_names_its_outlet(pointer: str, outlet: str) -> None:
    text = (
        "Wednesday, 4 March 2015\n\nNews digest\n\n"
        "Seoul and Tokyo agree on a hotline\n"
        "The two governments agreed on Tuesday to set up a direct line between their ministries.\n"
        + pointer
        + "\nRice prices climb in border towns, By Kim Ha-na\n"
        "Prices in the markets of the north rose by a fifth in a month, traders said.\n"
        + pointer
        + "\n"
    )
    cites = [c for p in citegrab.extract(text).posts for c in p.citations]
    got = [
        (c.title, c.outlet.name if c.outlet else None, [a.name for a in c.authors]) for c in cites
    ]
    assert got == [
        ("Seoul and Tokyo agree on a hotline", outlet, []),
        ("Rice prices climb in border towns", outlet, ["Kim Ha-na"]),
    ]


@pytest.mark.parametrize(
    "pointer", ["Visit Pyongyang for more", "Read more at the museum.", "Visit our shop for more"]
)
def test_a_pointer_naming_no_outlet_closes_no_entry(pointer: str) -> None:
    text = (
        "Wednesday, 4 March 2015\n\nNews digest\n\n"
        "Seoul and Tokyo agree on a hotline\n"
        "The two governments agreed on Tuesday to set up a direct line between their ministries.\n"
        + pointer
        + "\n"
    )
    assert not [c for p in citegrab.extract(text).posts for c in p.citations]


@pytest.mark.parametrize(
    ("note", "outlet", "authors"),
    [
        (
            "[Excerpts from Associated Press article by writer Kim Ha-na]",
            "Associated Press",
            ["Kim Ha-na"],
        ),
        ("(Excerpted from the Korea Herald)", "The Korea Herald", []),
        ("[Adapted from a Reuters report by Lena Ortiz]", "Reuters", ["Lena Ortiz"]),
    ],
)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_an_excerpt_note_on_its_own_line_names_the_source(
    note: str, outlet: str, authors: list[str], gap: str
) -> None:
    text = (
        "The defector network\n"
        "News about the North often comes from people inside it, through networks of defectors.\n"
        "Their reports are taken up eagerly by broadcasters in Seoul and elsewhere, often "
        "without much checking." + gap + note + "\n"
    )
    [c] = [c for p in citegrab.extract(text).posts for c in p.citations]
    assert c.outlet is not None and c.outlet.name == outlet
    assert [a.name for a in c.authors] == authors


@pytest.mark.parametrize(
    "note", ["[Excerpts from my notebook]", "[Adapted from a talk by Kim Ha-na]"]
)
def test_an_excerpt_note_naming_no_outlet_cites_nothing(note: str) -> None:
    text = (
        "The defector network\n"
        "News about the North often comes from people inside it, through networks of defectors.\n"
        + note
        + "\n"
    )
    assert not [c for p in citegrab.extract(text).posts for c in p.citations]
