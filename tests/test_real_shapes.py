"""Shapes seen on real archive pages (invented text): institutions after names, near-miss outlet
spellings, institution headers, lead-in outlets, undated list entries, parenthetical remarks."""

from __future__ import annotations

import datetime as dt

import pytest

import citegrab
from citegrab._citations import CitationGrammar
from citegrab._outlets import default_registry

POST = "A post\n\nMonday, November 15th, 2010\n\n"


def _rows(text: str) -> list[tuple[str, str | None, list[str], str | None, str | None]]:
    doc = citegrab.extract(text)
    return [
        (
            c.role,
            c.title,
            [a.name for a in c.authors],
            c.outlet.name if c.outlet else None,
            c.inferred_outlet.name if c.inferred_outlet else None,
        )
        for c in doc.citations
    ]


# -- one field line: what the block classifier makes of it -------------------------------------

FIELD_LINES = [
    # line, expected (kind, outlet name or author) pairs
    ("Daniel Hovland, Congressional Research Service",
     [("author", "Daniel Hovland"), ("outlet", "Congressional Research Service")]),
    ("Ana Ruiz, International Monetary Fund", [("author", "Ana Ruiz"), ("outlet", "International Monetary Fund")]),
    ("Lee Seung-ho, Visiting Fellow, Foreign Policy, Center for Maritime Policy Studies",
     [("author", "Lee Seung-ho"), ("outlet", "Center for Maritime Policy Studies")]),
    # a writer and the known outlet she writes for (an aggregator's byline line)
    ("Jeon Da-som, New Republic", [("author", "Jeon Da-som"), ("outlet", "The New Republic")]),
    ("Seoul, Yonhap", [("text", "Seoul, Yonhap")]),  # a dateline's place is no writer
    ("Read here at the Brookings Institution web page", [("outlet", "Brookings Institution")]),
    ("Read here at the Institute web page", [("skip", None)]),  # a generic word names nothing
    ("Download here (PDF)", [("skip", None)]),
    ("Choson Ilbo", [("outlet", "Chosun Ilbo")]),  # a near miss of a known outlet, no person
    ("Donga", [("outlet", "Dong-A Ilbo")]),
    # a document kind and its author: the author; the kind is no title
    ("Press Statement by Anna Berg", [("author", "Anna Berg")]),
    ("Prepared remarks by Kim Su-ji", [("author", "Kim Su-ji")]),
    ("Fooled by Kim Jong Un", [("text", "Fooled by Kim Jong Un")]),  # a headline, no kind
    # a site named by its owner
    ("Harbour Department of Rason web site", [("outlet", "Harbour Department of Rason")]),
    ("Yonhap website", [("outlet", "Yonhap News Agency")]),
    ("Visit the new web site", [("text", "Visit the new web site")]),
    # the blogger's update note is no field
    ("(UPDATE BELOW)", [("skip", None)]),
    ("(Updated)", [("skip", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), FIELD_LINES)
def test_field_line_classes(line: str, expected: list[tuple[str, str | None]]) -> None:
    got = CitationGrammar(default_registry()).classify(line)
    named = [(k, v if isinstance(v, str) or v is None else v.name) for k, v in got]
    assert named == expected


# -- whole posts --------------------------------------------------------------------------------

PAPERS = POST + (
    "Shipping Sanctions and Their Limits\nDownload here (PDF)\n"
    "Daniel Hovland, Congressional Research Service\nOctober 12, 2010\n\n"
    "Fuel Imports After the Embargo\nDownload here (PDF)\n"
    "Laura Brenner, Congressional Research Service\nPaul Vantongeren, Congressional Research Service\n"
    "October 2, 2010\n\n"
    "The Border Markets of Sinuiju Revisited\nDownload here (PDF)\nWilson Center NKIDP\n"
    "Robert Castlewood\n\n"
    "Smuggling Networks in the Northeast\nRead here at the Brookings Institution web page\n"
    "Lee Seung-ho, Visiting Fellow, Foreign Policy, Center for Maritime Policy Studies\n"
    "September 3, 2010\n\nI have more papers on my statistics page.\n"
)
CRS = "Congressional Research Service"

POSTS = [
    # a list of papers under the post date: institutions after names, an undated entry
    (PAPERS, [
        ("list-entry", "Shipping Sanctions and Their Limits", ["Daniel Hovland"], CRS, None),
        ("list-entry", "Fuel Imports After the Embargo", ["Laura Brenner", "Paul Vantongeren"], CRS, None),
        ("list-entry", "The Border Markets of Sinuiju Revisited", ["Robert Castlewood"], "Wilson Center NKIDP", None),
        ("list-entry", "Smuggling Networks in the Northeast", ["Lee Seung-ho"], "Brookings Institution", None),
    ]),
    # an institution and a date under the post date, no issue number: a header
    (POST + "Institute for Far Eastern Studies (IFES)\n2010-11-15\n\n"
     "To meet its power shortage, the state has been building small dams in every county.\n\n"
     "The state press said several opened this autumn.\n",
     [("heads-quote", None, [], "Institute for Far Eastern Studies", None)]),
    # an institution with its acronym alone under the post date: a header with no date
    (POST + "Institute for Far Eastern Studies (IFES)\n\n"
     "The state has advertised the autumn fair widely in its press this year.\n\n"
     "A week after the fair, the papers still ran stories on it.\n",
     [("heads-quote", None, [], "Institute for Far Eastern Studies", None)]),
    # an institution without an acronym alone is no header (a heading of the post, maybe)
    (POST + "Korea Maritime Studies Institute\n\n"
     "The state has advertised the autumn fair widely in its press this year.\n", []),
    # unless the registry lists it as a publisher: then it heads the text like an outlet
    (POST + "Korea Development Institute\n\n"
     "The state has advertised the autumn fair widely in its press this year.\n",
     [("heads-quote", None, [], "Korea Development Institute", None)]),
    # a short outlet spelling in the lead-in
    (POST + "From the Donga:\nNavy Tracks Cargo Ships Near the Coast\n11/14/2010\n\n"
     "It was learned on Sunday that cargo vessels leaving the port have been tracked.\n",
     [("heads-quote", "Navy Tracks Cargo Ships Near the Coast", [], None, "Dong-A Ilbo")]),
    # an outlet phrase the registry does not know is kept as the inferred outlet
    (POST + "From the Harbour Gazette:\nNavy Tracks Cargo Ships Near the Coast\n11/14/2010\n\n"
     "It was learned on Sunday that cargo vessels leaving the port have been tracked.\n",
     [("heads-quote", "Navy Tracks Cargo Ships Near the Coast", [], None, "Harbour Gazette")]),
    # a "Read the full story here:" block giving a title only, under a lead-in naming the outlet
    (POST + "According to Yonhap:\n\nMobile phone subscribers passed three million, a report said.\n\n"
     "The operator now covers most provincial capitals.\n\n"
     "Read the full story here:\nMobile subscribers top 3 mln: report\n",
     [("closes-quote", "Mobile subscribers top 3 mln: report", [], None, "Yonhap News Agency")]),
    # a statement's kind and author, its date and its site over the text, under an update note
    (POST + "(UPDATE BELOW)\nPress Statement by Anna Berg\nNovember 14, 2010\n"
     "Harbour Department of Rason web site\n\n"
     "Question: When will the new pier open?\n\nAnswer: The pier opens in the spring.\n",
     [("heads-quote", None, ["Anna Berg"], "Harbour Department of Rason", None)]),
    # a near-miss outlet spelling on a field line is the outlet, not an author
    (POST + "Here are some additional articles:\n\nLeader Tours Port City Factories\nChoson Ilbo\n"
     "11/5/2010\n\nWho Travels With the Leader?\nChoson Ilbo\n11/4/2010\n",
     [("list-entry", "Leader Tours Port City Factories", [], "Chosun Ilbo", None),
      ("list-entry", "Who Travels With the Leader?", [], "Chosun Ilbo", None)]),
    # under a list heading, a blank line then a new title closes an undated entry
    (POST + "Here are some additional articles:\n\nThe Informal Sector in Hamhung\n"
     "Download here (PDF)\nAnna Berg\n\nBorder Trade Picks Up Again\nKorea Times\n11/2/2010\n",
     [("list-entry", "The Informal Sector in Hamhung", ["Anna Berg"], None, None),
      ("list-entry", "Border Trade Picks Up Again", [], "The Korea Times", None)]),
    # a quoted phrase and an "on <date>" inside a numbered item's parenthetical: no citation
    (POST + "The channels which were removed are:\n"
     '1. StateTVArchive  (removed for "breaching platform rules" on 2010-11-8)\n'
     '2. PyongyangClips (first removed for "breaching platform rules" on 2010-11-8, then restored)\n'
     "\nI find this regrettable.\n", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), POSTS)
def test_real_shapes(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


def test_institution_header_does_not_start_a_new_post() -> None:
    doc = citegrab.extract(POSTS[1][0])
    assert len(doc.posts) == 1
    assert doc.citations[0].date == dt.date(2010, 11, 15)


GLUED = [
    # first line of the post, post date, lead-in line (0-based) of the quote
    ("Friday, May 8th, 2009Daniel Hovland of the Daily NK reports on prices:", dt.date(2009, 5, 8), 2),
    ("May 8, 2009The Daily NK reports on prices:", dt.date(2009, 5, 8), 2),
    ("Friday, May 8th, 2009\n\nDaniel Hovland of the Daily NK reports on prices:", dt.date(2009, 5, 8), 4),
]  # fmt: skip


@pytest.mark.parametrize(("head", "post_date", "lead_in"), GLUED)
def test_post_date_glued_to_the_first_sentence(head: str, post_date: dt.date, lead_in: int) -> None:
    text = (
        f"Prices climb\n\n{head}\n\nRice rose to 2,000 won per kilogram last week.\n\n"
        'Source: Daniel Hovland, "Rice climbs again," Daily NK, 5/7/2009\n'
    )
    doc = citegrab.extract(text)
    assert [(p.title, p.date) for p in doc.posts] == [("Prices climb", post_date)]
    (c,) = doc.citations
    assert c.quote is not None and c.quote.lead_in_line == lead_in + 1


def test_a_date_glued_to_a_lowercase_word_is_no_post_date() -> None:
    doc = citegrab.extract("Prices climb\n\nMay 8, 2009was a slow day for the markets.\n")
    assert doc.posts[0].date is None


def test_compact_template_keeps_an_empty_post() -> None:
    # titles written right over their date lines: a post with no text is still a post
    text = "Title A\nMonday, May 4th, 2009\n\nTitle B\nTuesday, May 5th, 2009\n\nSome text of B.\n"
    assert [p.title for p in citegrab.extract(text).posts] == ["Title A", "Title B"]


# -- header fields split by a blank line, an institution opening the quoted paragraph --------
# (line of the header and first line of its quote, 1-based: the date line is no quoted text)

IFES = "Institute for Far Eastern Studies"
HEADER_DATES = [
    # an issue number, a blank line, then the date alone: one header, dated
    (POST + "Institute for Far Eastern Studies (IFES)\nNK Brief No. 10-11-15-1\n\n11/15/2010\n\n"
     "Factories in the border city report steady supplies of raw rubber this autumn.\n\n"
     "Workers are said to receive their wages on time.\n",
     [("heads-quote", IFES, dt.date(2010, 11, 15), "NK Brief No. 10-11-15-1", 5, 10)]),
    # the same with the date in parentheses
    (POST + "Institute for Far Eastern Studies (IFES)\nNK Brief No. 10-11-15-1\n\n(11/15/2010)\n\n"
     "Factories in the border city report steady supplies of raw rubber this autumn.\n",
     [("heads-quote", IFES, dt.date(2010, 11, 15), "NK Brief No. 10-11-15-1", 5, 10)]),
    # a header that already has its date: the next lone date paragraph is not taken
    (POST + "Institute for Far Eastern Studies (IFES)\nNK Brief No. 10-11-15-1\n11/15/2010\n\n"
     "Factories in the border city report steady supplies of raw rubber this autumn.\n",
     [("heads-quote", IFES, dt.date(2010, 11, 15), "NK Brief No. 10-11-15-1", 5, 9)]),
    # an institution with its acronym and a date opening the first paragraph (no date line)
    ("Port traffic rises\n\nInstitute for Far Eastern Studies (IFES) 2010-11-30 The northern port "
     "has drawn new interest from shipping firms of two neighbouring states this year.\n",
     [("heads-quote", IFES, dt.date(2010, 11, 30), None, 3, 3)]),
    # an institution's acronym and a date inside a sentence open nothing
    ("Port traffic rises\n\nThe port, says the Institute for Far Eastern Studies (IFES) 2010-11-30 "
     "brief, has drawn new interest from shipping firms this year.\n", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), HEADER_DATES)
def test_header_dates(text: str, expected: list[tuple[object, ...]]) -> None:
    doc = citegrab.extract(text)
    got = [
        (
            c.role,
            c.outlet.name if c.outlet else None,
            c.date,
            c.number,
            c.line,
            c.quote.first_line if c.quote else None,
        )
        for c in doc.citations
    ]
    assert got == expected


def test_a_quoted_headline_over_a_lone_date_is_no_header() -> None:
    # a headline, a blank line and a dateline under a lead-in are the quoted text, not fields
    text = POST + (
        "A recent article from the Harbour Gazette:\n\nFerry Service Resumes on the East Coast\n\n"
        "November 12, 2010\n\nThe ferry line reopened on Friday.\n\n"
        "(Source: Harbour Gazette, November 12, 2010.)\n"
    )
    doc = citegrab.extract(text)
    assert [(c.role, c.line) for c in doc.citations] == [("closes-quote", 13)]


DATELINES = [
    # a headline under a lead-in, then text opening with a wire dateline naming a known outlet
    (POST + "The state agency reports the following:\n\nFair Draws Buyers From Abroad\n\n"
     "Pyongyang, November 14 (KCNA) — Products of twenty firms drew buyers at the fair.\n\n"
     "Garments and handicrafts were most in demand.\n",
     [("Fair Draws Buyers From Abroad", "Korean Central News Agency", dt.date(2010, 11, 14), 9)]),
    ("Ferries\n\nMonday, November 15th, 2010\n\nA report says:\n\nFerry Line Reopens\n\n"
     "SEOUL, Nov. 12 (Yonhap) -- The ferry line reopened on Friday after two years.\n",
     [("Ferry Line Reopens", "Yonhap News Agency", dt.date(2010, 11, 12), 9)]),
    # the text closed by a citation of its own: that cites it, the headline is quoted text
    (POST + "The state agency reports the following:\n\nFair Draws Buyers From Abroad\n\n"
     "Pyongyang, November 14 (KCNA) — Products of twenty firms drew buyers at the fair.\n\n"
     "(Source: “Fair draws buyers from abroad,” KCNA, 11/14/2010.)\n",
     [("Fair draws buyers from abroad", "Korean Central News Agency", dt.date(2010, 11, 14), 7)]),
    # a dateline naming no known outlet, or no headline over it: no header
    (POST + "The state agency reports the following:\n\nFair Draws Buyers From Abroad\n\n"
     "Pyongyang, November 14 (Reuters Club) — Products of twenty firms drew buyers.\n", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_headline_over_a_wire_dateline(text: str, expected: list[tuple[object, ...]]) -> None:
    doc = citegrab.extract(text)
    got = [
        (
            c.title,
            c.outlet.name if c.outlet else None,
            c.date,
            c.quote.first_line if c.quote else None,
        )
        for c in doc.citations
    ]
    assert got == expected


@pytest.mark.parametrize("text", ["\x0b ", "a\x0b \n", "\x0c\t\n"])
def test_white_space_lines_after_line_breaks_extract(text: str) -> None:
    assert list(citegrab.extract(text).citations) == []


# -- a paragraph closed by its source in square brackets ("… she said. [Yonhap]") -------------

BRACKETS = [
    # paragraph ending, expected (outlet, authors, date) or None (no citation)
    ("the ministry said. [Yonhap]", ("Yonhap News Agency", [], None)),
    ("the ministry said. [Harbour Post, Mina Seo]", None),  # an unknown outlet: no source
    ("said the report. [Washington Post, Anna Berg]", ("The Washington Post", ["Anna Berg"], None)),
    ("said the report. [Noah Brandt, Reuters]", ("Reuters", ["Noah Brandt"], None)),
    (
        "the paper said. [Reuters, Ji-hoon Lee and Ada Moss]",
        ("Reuters", ["Ji-hoon Lee", "Ada Moss"], None),
    ),
    ("prices rose. [Reuters, Oct. 3, 2014].", ("Reuters", [], dt.date(2014, 10, 3))),
    ("he wrote [emphasis added]", None),
    ("the ministry said. [AFP/Getty Images]", None),  # a picture's credit
    ("the ministry said. [Reuters Photo]", None),
    ("in the capital [sic]", None),
    ("he said. [Yonhap, my translation]", None),  # a field that is no name: not a source
]


@pytest.mark.parametrize(("ending", "expected"), BRACKETS)
def test_a_bracketed_source_closes_its_paragraph(
    ending: str, expected: tuple[str, list[str], dt.date | None] | None
) -> None:
    text = (
        f"{POST}Officials met in Seoul on Tuesday to discuss the new rules.\n\n"
        f"“Trade will resume next month,” {ending}\n\nI doubt it will.\n"
    )
    doc = citegrab.extract(text)
    if expected is None:
        assert doc.citations == ()
        return
    (c,) = doc.citations
    assert (c.outlet.name if c.outlet else None, [a.name for a in c.authors], c.date) == expected
    assert (c.form, c.role, c.title) == ("parenthetical", "closes-quote", None)
    assert text[c.span.start : c.span.end].startswith("[")
    q = c.quote
    assert q is not None and q.first_line == 5 and q.last_line == 7  # the paragraphs above
    assert q.text.endswith(ending[: ending.index("[")].rstrip())


def test_a_bracket_alone_on_its_line_is_no_source() -> None:
    text = f"{POST}Officials met in Seoul on Tuesday.\n\n[Yonhap]\n\n[…]\n"
    assert citegrab.extract(text).citations == ()


# -- a page's masthead: an outlet's name above its first post is the site's, not a header ------

MASTHEADS = [
    "Daily NK\n\nRice prices fall in Hyesan\n\nBy Kim Ji-eun | March 4, 2019\n\n"
    "Rice prices fell sharply this week in Hyesan, sources said.\n",
    "NK News\n\nArchive for the ‘Trade’ Category\n\nRice prices fall\n\nMarch 4th, 2019\n\n"
    "Rice prices fell sharply this week in Hyesan, sources said.\n",
]


@pytest.mark.parametrize("text", MASTHEADS)
def test_a_masthead_above_the_first_post_is_no_citation(text: str) -> None:
    doc = citegrab.extract(text)
    assert doc.citations == ()
    assert doc.posts[-1].date == dt.date(2019, 3, 4)


def test_an_outlet_line_inside_a_post_still_heads_its_quote() -> None:
    text = (
        f"{POST}Joong Ang Daily\n\nOfficials met in Seoul on Tuesday to discuss the new rules, "
        "the ministry said in a statement.\n"
    )
    (c,) = citegrab.extract(text).citations
    assert (c.form, c.role, c.outlet.name if c.outlet else None) == (
        "header-block",
        "heads-quote",
        "Korea JoongAng Daily",
    )


# -- "(Outlet, date)" on its own line under a quoted paragraph: the paragraph's source ----------

PAREN_SOURCES = [
    ("(KCNA, 3/4/2013)", "Korean Central News Agency", dt.date(2013, 3, 4)),
    ("(Yonhap, March 3, 2013)", "Yonhap News Agency", dt.date(2013, 3, 3)),
    ("(Daily NK, 3/3/2013).", "Daily NK", dt.date(2013, 3, 3)),
    ("(Via Daily NK, 3/3/2013)", "Daily NK", dt.date(2013, 3, 3)),  # "via" names no title
    ("— Yonhap, March 3, 2013", "Yonhap News Agency", dt.date(2013, 3, 3)),  # a sign-off
    ("(From the Korea Times, March 3, 2013)", "The Korea Times", dt.date(2013, 3, 3)),
    ("(Korea Herald, Kim Ji-hyun, March 3, 2013)", "The Korea Herald", dt.date(2013, 3, 3)),
]


def test_a_short_source_parenthesis_is_read_by_the_line_grammar() -> None:
    """ "(Source: KCNA, 3/4/2013)" is short, like "(8/27/2012)", but is no header field line:
    its title was "(Source: KCNA"."""
    text = (
        "A post\n\nMonday, March 4th, 2013\n\nAccording to reports:\n\nThe ship was seized off "
        "the coast on Sunday, officials in Seoul said in a short statement.\n\n"
        "(Source: KCNA, 3/4/2013)\n"
    )
    (c,) = citegrab.extract(text).citations
    assert (c.form, c.title, c.outlet.name if c.outlet else None) == (
        "source",
        None,
        "Korean Central News Agency",
    )


@pytest.mark.parametrize(("line", "outlet", "date"), PAREN_SOURCES)
def test_a_parenthesised_outlet_and_date_closes_the_paragraph_above(
    line: str, outlet: str, date: dt.date
) -> None:
    text = (
        "A post\n\nMonday, March 4th, 2013\n\nAccording to Yonhap:\n\nThe ship was seized off "
        f"the coast on Sunday, officials in Seoul said in a short statement.\n\n{line}\n\n"
        "I wonder what happens next.\n"
    )
    (c,) = citegrab.extract(text).citations
    assert (c.form, c.role, c.outlet.name if c.outlet else None, c.date) == (
        "parenthetical",
        "closes-quote",
        outlet,
        date,
    )
    assert c.quote is not None and (c.quote.first_line, c.quote.last_line) == (7, 7)


def test_endnotes_numbered_in_brackets_are_list_entries() -> None:
    text = (
        "Kim visits a factory\n\nBy Kim Ji-eun - 2019.03.04 4:18pm\n\n"
        "Kim Jong Un visited the factory on Sunday, state media reported.[1]\n\nNotes:\n\n"
        "[1] “Kim Jong Un visits factory,” KCNA, March 3, 2019.\n"
        "[2] Kim Min-seok, “Factory output rises,” Yonhap, March 4, 2019.\n"
    )
    rows = [(c.role, c.title, c.outlet.name if c.outlet else None, c.date) for c in
            citegrab.extract(text).citations]  # fmt: skip
    assert rows == [
        (
            "list-entry",
            "Kim Jong Un visits factory",
            "Korean Central News Agency",
            dt.date(2019, 3, 3),
        ),
        ("list-entry", "Factory output rises", "Yonhap News Agency", dt.date(2019, 3, 4)),
    ]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a known outlet and a date, no title (a writer between them too)
        ("[2] KCTV evening news, September 10, 2021.",
         ("Korean Central Television", None, dt.date(2021, 9, 10))),
        ("[2] Yonhap, Kim Min-seok, March 4, 2019.", ("Yonhap News Agency", None, dt.date(2019, 3, 4))),
        # a page locator after the date is where in the source, no field of it
        ("[2] Rodong Sinmun, September 11, 2021, p. 2.",
         ("Rodong Sinmun", None, dt.date(2021, 9, 11))),
        ("[2] Minju Choson, 2021-09-11, pp. 2-3.", ("Minju Joson", None, dt.date(2021, 9, 11))),
        ("[2] Rodong Sinmun, 11 September 2021, page 3.",
         ("Rodong Sinmun", None, dt.date(2021, 9, 11))),
        ("[2] Rodong Sinmun, 11.09.2021, S. 2.", ("Rodong Sinmun", None, dt.date(2021, 9, 11))),
        ("[2] “Let us guard every grain,” Rodong Sinmun, September 11, 2021, p. 1.",
         ("Rodong Sinmun", "Let us guard every grain", dt.date(2021, 9, 11))),
        # the outlet in Hangul, a Korean date and page; one comma with a year-first date
        ("[2] 로동신문, 2021년 9월 11일, 2면.", ("Rodong Sinmun", None, dt.date(2021, 9, 11))),
        ("[2] Rodong Sinmun, 2021-09-11.", ("Rodong Sinmun", None, dt.date(2021, 9, 11))),
        ("[2] Rodong Sinmun, 2021년 9월 11일, 1-3면.", ("Rodong Sinmun", None, dt.date(2021, 9, 11))),
        ("[2] Minju Chosŏn, September 11, 2021, p. 2.", ("Minju Joson", None, dt.date(2021, 9, 11))),
        # an unknown name, or a known outlet with no date: no citation
        ("[2] Hanul Weekly, March 4, 2019.", None),
        ("[2] Hanul Weekly, March 4, 2019, p. 2.", None),
        ("[2] See p. 2.", None),
        ("[2] Yonhap, see the photo.", None),
    ],
)  # fmt: skip
def test_an_endnote_naming_an_outlet_and_a_date_is_a_list_entry(
    note: str, expected: tuple[str, None, dt.date] | None
) -> None:
    text = (
        "Rail freight\n\nMarch 5, 2019\n\nTrains crossed the Yalu again.[1]\n\nNotes:\n\n"
        "[1] “Freight trains resume,” Yonhap, March 3, 2019.\n" + note + "\n"
    )
    rows = [(c.outlet.name if c.outlet else None, c.title, c.date)
            for c in citegrab.extract(text).citations if c.line == 10]  # fmt: skip
    assert rows == ([expected] if expected else [])


# -- "read the full story" labels as bloggers vary them -----------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "You can read the full story here:",
        "The full story can be found here:",
        "The full article can be read here:",
        "Read the full story in the Daily NK here:",
        "Read the full story at the Korea Herald:",
        "Read the original here:",
        "Read the full post here:",
        "Read it all here:",
    ],
)
def test_full_story_label_variants(label: str) -> None:
    text = (
        f"{POST}According to the Daily NK:\n\nRice prices rose again this week in the capital's "
        f"markets, traders said.\n\n{label}\nRice prices soar\nDaily NK\nKim Min\n11/12/2010\n"
    )
    (c,) = citegrab.extract(text).citations
    assert (c.form, c.title, c.outlet.name if c.outlet else None) == (
        "full-article",
        "Rice prices soar",
        "Daily NK",
    )
    assert ([a.name for a in c.authors], c.date) == (["Kim Min"], dt.date(2010, 11, 12))


# -- a block's lone title-case line: the headline when it leads the block, else the author ------

BLOCK_LINES = [
    # block under "Read the full story here:", expected (title, authors)
    ("Rice Prices Soar\nDaily NK\n11/12/2010", ("Rice Prices Soar", [])),
    ("Trade Fair Opens\nYonhap\n11/12/2010", ("Trade Fair Opens", [])),
    ("Kim Jong Un Visits Factory\nKCNA\n11/12/2010", ("Kim Jong Un Visits Factory", [])),
    ("Daily NK\nKim Young Jin\n11/12/2010", (None, ["Kim Young Jin"])),  # after the outlet
    ("By Ana Ruiz\nReuters\n11/12/2010", (None, ["Ana Ruiz"])),  # "By" decides
    ("Kim Min\nRice Prices Soar\nDaily NK\n11/12/2010", ("Rice Prices Soar", ["Kim Min"])),
    ("Rice Prices Soar\nDaily NK\nKim Min\n11/12/2010", ("Rice Prices Soar", ["Kim Min"])),
]


@pytest.mark.parametrize(("block", "expected"), BLOCK_LINES)
def test_a_lone_title_case_line_in_a_block(block: str, expected: tuple[object, ...]) -> None:
    text = (
        f"{POST}According to the Daily NK:\n\nRice prices rose again this week in the capital's "
        f"markets, traders said.\n\nRead the full story here:\n{block}\n"
    )
    (c,) = citegrab.extract(text).citations
    assert (c.title, [a.name for a in c.authors]) == expected


# -- the digest layout: an outlet, then its quoted title and date in parentheses, in the text ---

DIGEST = "Daily digest\n\nTuesday, April 11, 2006\n\n"
TITLED_PARENS = [
    # paragraph, expected (outlet, title, date) per citation; () for none
    ("Yonhap (“NORTH KOREA BUYS MORE CORN”, 2006-04-11) reported that imports doubled.",
     [("Yonhap News Agency", "NORTH KOREA BUYS MORE CORN", dt.date(2006, 4, 11))]),
    # a generic noun after the outlet's name; a broken template's date
    ("KCNA news agency (“STATEMENT OF THE SPOKESMAN”, None) reported that talks stalled.",
     [("Korean Central News Agency", "STATEMENT OF THE SPOKESMAN", None)]),
    # an unknown outlet, read because a reporting verb follows; a wrong-way closing mark
    ("Asia Pulse (“TRADE FAIR OPENS IN RASON “, 2006-04-10) reported that firms attended.",
     [("Asia Pulse", "TRADE FAIR OPENS IN RASON", dt.date(2006, 4, 10))]),
    ("According to Yonhap (“Rice prices rise at state shops,” 4/10/2006), prices rose tenfold.",
     [("Yonhap News Agency", "Rice prices rise at state shops", dt.date(2006, 4, 10))]),
    # no source: a person before the parenthesis, a slogan, an unknown name with no verb
    ("Kim Min-ho (“We cannot accept this”, 2006-04-10) said the terms were unfair.", []),
    ("The slogan (“Let us live our own way”) appeared on banners in 2006.", []),
    ("The resolution (“States must act”, 2006-04-10) called on all members.", []),
]  # fmt: skip


@pytest.mark.parametrize(("paragraph", "expected"), TITLED_PARENS)
def test_an_outlet_with_its_titled_parenthesis_in_running_text(
    paragraph: str, expected: list[tuple[str, str, dt.date | None]]
) -> None:
    doc = citegrab.extract(DIGEST + paragraph + "\n")
    got = [(c.effective_outlet.name if c.effective_outlet else None, c.title, c.date)
           for c in doc.citations]  # fmt: skip
    assert got == expected
    for c in doc.citations:  # the citation's text runs from the outlet's name to the ")"
        assert c.raw.startswith(c.outlet.raw if c.outlet and c.outlet.raw else c.raw[:1])
        assert c.raw.endswith(")") and c.role == "standalone" and c.quote is None


def test_a_reading_list_of_field_lines_dated_in_european_languages_and_korean() -> None:
    """Title / outlet / writer / date groups dated "4. Juni 2015" (no item 4), "2 juin 2015",
    "2015년 6월 3일"; a Hangul outlet's line names it."""
    text = (
        "Papers and press\n\nFriday, June 12, 2015\n\nHere are some additional articles:\n\n"
        "Der Handel an der Grenze\nDer Spiegel\nJonas Weber\n4. Juni 2015\n\n"
        "Les marchés frontaliers\nLe Monde\nClaire Dubois\n2 juin 2015\n\n"
        "북중 국경무역 증가\n연합뉴스\n2015년 6월 3일\n"
    )
    rows = [
        (c.outlet.name if c.outlet else None, [a.name for a in c.authors], c.title, c.date)
        for c in citegrab.extract(text).citations
    ]
    assert rows == [
        ("Der Spiegel", ["Jonas Weber"], "Der Handel an der Grenze", dt.date(2015, 6, 4)),
        ("Le Monde", ["Claire Dubois"], "Les marchés frontaliers", dt.date(2015, 6, 2)),
        ("Yonhap News Agency", [], "북중 국경무역 증가", dt.date(2015, 6, 3)),
    ]


# -- a headline closed by its source in parentheses, links as a block's fields ---------------------

QUOTE = (
    '"Prices at the markets of the border towns rose again this week, traders said, and the'
    ' authorities closed two stalls."\n\nMy own comment follows here.\n'
)

HEADLINE_SOURCES = [
    # the parenthesis after a headline over the quoted text: (outlet, date, title, role)
    ("Border markets shut as the won slides (Yonhap, March 3, 2015)",
     ("Yonhap News Agency", dt.date(2015, 3, 3), "Border markets shut as the won slides")),
    ("Border markets shut as the won slides (12/1/09 Yomiuri Shimbun)",
     ("Yomiuri Shimbun", dt.date(2009, 12, 1), "Border markets shut as the won slides")),
    # a note on the source's language is no field; a romanised spelling of a listed paper
    ("Border markets shut as the won slides (Mainichi Shinbun, 12/1/09, original in Japanese)",
     ("Mainichi Shimbun", dt.date(2009, 12, 1), "Border markets shut as the won slides")),
]  # fmt: skip


@pytest.mark.parametrize(("headline", "expected"), HEADLINE_SOURCES)
def test_a_headline_closed_by_its_dated_source_heads_the_quote(
    headline: str, expected: tuple[str, dt.date, str]
) -> None:
    doc = citegrab.extract(f"A post\n\nMy words first.\n\n{headline}\n\n{QUOTE}")
    [c] = doc.citations
    assert (c.outlet.name if c.outlet else None, c.date, c.title) == expected
    assert c.role == "heads-quote" and c.line == 5


def test_a_paragraph_closed_by_its_dated_source_still_closes_it() -> None:
    # a sentence's full stop before the parenthesis: the paragraph's source, no headline
    text = (
        "A post\n\nMy words first.\n\nPrices rose again at the border markets, traders said."
        " (Yonhap, March 3, 2015)\n\nMy own comment follows here, at some length as usual.\n"
    )
    [c] = citegrab.extract(text).citations
    assert (c.role, c.title, c.date) == ("closes-quote", None, dt.date(2015, 3, 3))


LINK_BLOCKS = [
    # a labelled block whose fields are a title and/or a link: (block, outlet, title, url)
    ("Full article: http://news.bbc.co.uk/2/hi/business/1234567.stm",
     ("BBC", None, "http://news.bbc.co.uk/2/hi/business/1234567.stm")),
    ("Read the full story here:\nhttp://news.bbc.co.uk/2/hi/business/1234567.stm",
     ("BBC", None, "http://news.bbc.co.uk/2/hi/business/1234567.stm")),
    ("Full article:\nTraders burn old notes\nhttp://news.bbc.co.uk/2/hi/business/1234567.stm",
     ("BBC", "Traders burn old notes", "http://news.bbc.co.uk/2/hi/business/1234567.stm")),
    # a filler after a comma, and a link in parentheses as the block's last field
    ("To read the complete article, see:\nTraders burn old notes\n(news.bbc.co.uk/2/hi/x.stm)",
     ("BBC", "Traders burn old notes", None)),
]  # fmt: skip


@pytest.mark.parametrize(("block", "expected"), LINK_BLOCKS)
def test_a_labelled_link_names_its_outlet_and_the_next_paragraph_is_no_field(
    block: str, expected: tuple[str, str | None, str | None]
) -> None:
    text = f"A post\n\nMy words first.\n\n{QUOTE.split(chr(10))[0]}\n\n{block}\n\nMy own comment.\n"
    [c] = citegrab.extract(text).citations
    assert (c.outlet.name if c.outlet else None, c.title, c.url) == expected


def test_a_labelled_link_to_an_unknown_site_names_no_source() -> None:
    text = f"A post\n\nMy words.\n\n{QUOTE.split(chr(10))[0]}\n\nSource:\nhttp://example.org/x\n"
    assert citegrab.extract(text).citations == ()


@pytest.mark.parametrize(
    ("spelling", "name", "match"),
    [
        ("Yomiuri Shinbun", "Yomiuri Shimbun", "alias"),  # Hepburn's m before b, or not
        ("Tokyo Shimbun", "Tokyo Shimbun", "exact"),
        ("Rodong Shinmun", "Rodong Sinmun", "alias"),  # McCune-Reischauer's s before i
        ("KCNA Watch", "KCNA Watch", "exact"),  # NK News's archive, not the agency
        ("kcnawatch.org", "KCNA Watch", "alias"),
        ("KCNA", "Korean Central News Agency", "alias"),
        ("Russia Today", "RT", "alias"),
        ("New Republic", "The New Republic", "exact"),
    ],
)
def test_outlet_spellings_seen_on_real_pages(spelling: str, name: str, match: str) -> None:
    out = default_registry().resolve(spelling)
    assert (out.name, out.match) == (name, match)


@pytest.mark.parametrize(
    ("line", "is_citation"),
    [
        # a picture's credit run into the teaser text under it: prose, no fields
        ("Source: KCNA Trade with the north rose sharply last year, customs data show. On"
         " Monday, March 4, officials in Dandong said the bridge would reopen. The two sides…",
         False),
        # a long list of fields with a quoted title is still one
        ("Source: Kim Min-ji and Lee Jae-won, “Traders along the border say the new rules on"
         " foreign currency have emptied the markets of Sinuiju and Hyesan,” Daily NK,"
         " March 4, 2013", True),
        ("Source: Yonhap, March 4, 2013", True),
    ],
)  # fmt: skip
def test_a_source_line_running_into_prose_is_no_citation(line: str, is_citation: bool) -> None:
    assert (citegrab.parse_citation(line, post_date="2013-03-10") is not None) is is_citation


ARTICLE = (
    "Officials in the capital said the new rules would apply to every market in the country,"
    " and traders who broke them would lose their stalls.\n"
)

POST_SOURCES = [
    # a page giving an article's headline and date as its own, then its source, then its text
    ("Source: The New York Times\n\nJournalist: Han Mi-rae\n\n", ("The New York Times", "Han Mi-rae")),
    ("Jeon Da-som, New York Times\n\n", ("The New York Times", "Jeon Da-som")),
    # an outlet alone under the byline is a picture's credit, no second header
    ("Jeon Da-som, New York Times\n\nThe Associated Press\n\n", ("The New York Times", "Jeon Da-som")),
]  # fmt: skip


@pytest.mark.parametrize(("head", "expected"), POST_SOURCES)
def test_a_source_opening_a_titled_post_cites_the_post(
    head: str, expected: tuple[str, str]
) -> None:
    text = f"March 16, 2018\n\nMarkets face new rules\n\n{head}{ARTICLE}\nMore of the article.\n"
    [c] = citegrab.extract(text).citations
    outlet, author = expected
    assert (c.outlet.name if c.outlet else None, c.title, c.date) == (
        outlet,
        "Markets face new rules",
        dt.date(2018, 3, 16),
    )
    assert c.role == "heads-quote"
    assert [a.name for a in c.authors] == [author]


def test_a_titled_post_opening_with_a_source_line_that_closes_nothing_keeps_it() -> None:
    # a source line with no article's text under it is no header of the post
    text = "March 16, 2018\n\nMarkets face new rules\n\nSource: The New York Times\n\nShort.\n"
    [c] = citegrab.extract(text).citations
    assert c.title is None


BARE_SOURCE_LINES = [
    # an unbracketed source line under the text a lead-in introduces: (line, outlet, date, authors)
    ("Korea Herald, Park Ji-hoon, August 17, 2007", ("The Korea Herald", dt.date(2007, 8, 17), ["Park Ji-hoon"])),
    ("Good Friends, North Korea Today No. 208, 2010/3/3", ("Good Friends", dt.date(2010, 3, 3), [])),
    ("Nodong Sinmun, Nov. 6, 2006, p. 2", ("Rodong Sinmun", dt.date(2006, 11, 6), [])),
    ("--RFA, May 6, 2009", ("Radio Free Asia", dt.date(2009, 5, 6), [])),  # a typewriter's dash
    ("— Reuters, Pyongyang, 28 September 2018", ("Reuters", dt.date(2018, 9, 28), [])),  # a place
    # a marked title (emphasis, single quotes) or a gloss in brackets: the line grammar reads it
    ("Ana Ruiz, _Dandong's new bridge_, Asia Times Online, Nov 17, 2007",
     ("Asia Times", dt.date(2007, 11, 17), ["Ana Ruiz"])),
    ("Global Times, 'Hunchun road opens to trucks', June 13, 2011",
     ("Global Times", dt.date(2011, 6, 13), [])),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), BARE_SOURCE_LINES)
def test_an_unbracketed_source_line_closes_the_quote_a_lead_in_introduced(
    line: str, expected: tuple[str, dt.date, list[str]]
) -> None:
    text = (
        "A post\n\nMarch 4th, 2010\n\nThe paper reported on the aid:\n\n"
        "The government will send emergency relief worth 7.1 billion won, an official said.\n\n"
        f"{line}\n\nAnd the radio station added:\n\n"
        "Schools in the north-east have been told to teach the new song every week.\n"
    )
    doc = citegrab.extract(text)
    [c] = doc.citations
    assert (c.outlet.name if c.outlet else None, c.date, [a.name for a in c.authors]) == expected
    assert c.role == "closes-quote" and c.line == 9
    assert [(q.span.line, q.span.end_line) for q in doc.posts[0].quotes] == [(7, 7), (13, 13)]


def test_a_prose_line_ending_in_a_year_under_a_quote_is_no_source() -> None:
    text = (
        "A post\n\nThe paper reported on the aid:\n\n"
        "The government will send emergency relief worth 7.1 billion won, an official said.\n\n"
        "Seoul officials, in a statement on Monday, said the same in 2007\n"
    )
    assert citegrab.extract(text).citations == ()


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("“Title,”", "Title"),
        ('Moon seeks "complete denuclearization"', 'Moon seeks "complete denuclearization"'),
        ("“Moon seeks “peace treaty”,”", "Moon seeks “peace treaty”"),
        ('“"Juche" at ninety,”', '"Juche" at ninety'),
        ("Kim says 'no talks'", "Kim says 'no talks'"),
    ],
)
def test_a_title_keeps_the_marks_of_its_own_quotation(raw: str, title: str) -> None:
    from citegrab._citations import normalise_title

    assert normalise_title(raw) == title


def test_an_outlet_with_its_digital_edition_is_the_outlet() -> None:
    c = citegrab.parse_citation("(Source: Asahi Shimbun Digital, 21/08/2017)")
    assert c is not None and c.outlet is not None and c.outlet.name == "Asahi Shimbun"
    assert c.authors == ()


def test_a_paragraph_closed_by_a_source_with_a_two_digit_year_is_read() -> None:
    text = (
        "A post\n\nMarch 4th, 2010\n\nThe paper reported on the aid:\n\n"
        "The government will send relief worth 7.1 billion won, an official said. (NK Daily, 1/10/09)"
        "\n\nMore of my words.\n"
    )
    [c] = citegrab.extract(text).citations
    assert (c.outlet.name if c.outlet else None, c.date, c.role) == (
        "Daily NK",
        dt.date(2009, 1, 10),
        "closes-quote",
    )
