"""Older layouts (issue 8): header blocks, labelled blocks, further-reading lists, undated pages,
traps, and the one cue table that drives the scanner and the grammar alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab._cues import compile_cues, cues
from citegrab._data import load_toml
from citegrab._scan import Lines, scan

from .conftest import FIXTURES, work_done

POST = "A post\n\nMarch 17th, 2008\n\n"


def _one(text: str) -> citegrab.Citation:
    doc = citegrab.extract(POST + text)
    assert len(doc.citations) == 1, [c.raw for c in doc.citations]
    return doc.citations[0]


# -- header blocks: the citation heads the quoted text below it ---------------------------------

HEADERS = [
    # body, title, authors, outlet, inferred outlet, date, number, (quote first, last) lines
    ("From the Korea Times:\nBorder trade picks up\nLee Min-ho\n3/14/2008\n\nTrucks lined up.\n\nMore trucks.\n",
     "Border trade picks up", ["Lee Min-ho"], None, "The Korea Times", dt.date(2008, 3, 14), None, (10, 12)),
    ("From the New York Times:\nBy Norimitsu Onishi\nMarch 3, 2008\n\nThe shelves were full.\n",
     None, ["Norimitsu Onishi"], None, "The New York Times", dt.date(2008, 3, 3), None, (9, 9)),
    ("Here is the brief:\nNK Brief No. 08-6-17-1\nJune 17, 2008\n\nMonitors may visit more counties.\n",
     None, [], None, None, dt.date(2008, 6, 17), "NK Brief No. 08-6-17-1", (9, 9)),
    ("Yonhap:\n\nKaesong adds four factories\nKorea Times, 3/14/2008\n\nThe complex grew again.\n",
     "Kaesong adds four factories", [], "The Korea Times", None, dt.date(2008, 3, 14), None, (10, 10)),
    ("Good news.\n\nJoong Ang Daily\n\nThe Kaesong complex added four factories.\n\nOfficials said more applied.\n",
     None, [], "Korea JoongAng Daily", None, None, None, (9, 11)),
    ("Chosun Ilbo 3/12/2008 Officials in Pyongyang said rice prices had doubled.\n\nThe rise follows a poor harvest.\n",
     None, [], "Chosun Ilbo", None, dt.date(2008, 3, 12), None, (5, 7)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "title", "authors", "outlet", "inferred", "date", "number", "quote"), HEADERS
)
def test_header_blocks(  # type: ignore[no-untyped-def]
    body, title, authors, outlet, inferred, date, number, quote
) -> None:
    c = _one(body)
    assert (c.form, c.role) == ("header-block", "heads-quote")
    assert c.title == title and [a.name for a in c.authors] == authors
    assert (c.outlet.name if c.outlet else None) == outlet
    assert (c.inferred_outlet.name if c.inferred_outlet else None) == inferred
    assert (c.date, c.number) == (date, number)
    assert c.quote is not None and (c.quote.first_line, c.quote.last_line) == quote


def test_header_blocks_without_lead_in_under_the_post_date() -> None:
    doc = citegrab.extract_file(FIXTURES / "archive-2007.txt")
    got = [(c.role, c.outlet.name if c.outlet else None, [a.name for a in c.authors], c.date)
           for c in doc.citations]  # fmt: skip
    assert got == [
        ("heads-quote", "Korea JoongAng Daily", ["Park Min-su"], dt.date(2007, 4, 21)),
        ("heads-quote", "Daily NK", ["Choi Yoon-hee"], dt.date(2007, 4, 14)),
        ("heads-quote", "Yonhap News Agency", [], dt.date(2007, 5, 8)),
        ("standalone", "Daily NK", ["Lee Sung-jin"], dt.date(2007, 6, 7)),
    ]
    assert [p.byline for p in doc.posts] == [None] * 4  # the outlet line is no byline
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(9, 11), (23, 25), (36, 36)]


def test_source_block_between_lead_in_and_text_heads_the_text() -> None:
    c = _one(
        "The Daily NK offers new price data:\n\nSource:\nPrices hold steady\nDaily NK\n"
        "Lee Sung-jin\n6/7/2007\n\nTraders in Hyesan paid more for corn.\n"
    )
    assert (c.form, c.role, c.title) == ("label-block", "heads-quote", "Prices hold steady")
    assert c.quote is not None and (c.quote.first_line, c.quote.lead_in_line) == (13, 5)


def test_header_quote_ends_where_the_blogger_speaks_again() -> None:
    c = _one(
        "From the Korea Times:\nBorder trade\nLee Min-ho\n3/14/2008\n\nTrucks.\n\nI doubt it.\n"
    )
    assert c.quote is not None and (c.quote.first_line, c.quote.last_line) == (10, 10)


# -- labelled blocks closing the quote above ----------------------------------------------------

BLOCKS = [
    # lead-in and quote, block, form, title, authors, outlet, inferred, date
    ("According to Yonhap:\n\nA firm won the Musan mine.\n\n",
     "Read the full story here:\nChinese firm wins Musan rights\n9/8/2008\n",
     "full-article", "Chinese firm wins Musan rights", [], None, "Yonhap News Agency", dt.date(2008, 9, 8)),  # era: month-first before 2013
    ("Reuters reports:\n\nNew banknotes next year.\n\nThis seems unlikely to me.\n\n",
     "Full article:\nBy Jon Herskovitz\nNorth Korea plans new banknotes\nReuters\nMarch 2, 2008\n",
     "full-article", "North Korea plans new banknotes", ["Jon Herskovitz"], "Reuters", None, dt.date(2008, 3, 2)),
    ("The Daily NK writes:\n\nPower cuts last all day.\n\n",
     "Source:\nHamhung goes dark\nDaily NK\nKim So-yeol\nMarch 10, 2008\n",
     "label-block", "Hamhung goes dark", ["Kim So-yeol"], "Daily NK", None, dt.date(2008, 3, 10)),
    ("Hyundai Asan said:\n\nTours will resume.\n\n",
     "Article source:\nHyundai Asan hopeful\nBy Kim Hyun\nYonhap\n2/29/2008\n",
     "label-block", "Hyundai Asan hopeful", ["Kim Hyun"], "Yonhap News Agency", None, dt.date(2008, 2, 29)),
    ("The agency said:\n\nTours will resume.\n\n",
     "Original article:\nMarch 1, 2008\nYonhap\nTours to resume\n",
     "full-article", "Tours to resume", [], "Yonhap News Agency", None, dt.date(2008, 3, 1)),
    # round 3: a known outlet on the label's own line, the blogger's paragraph after a blank line
    ("Loggers Return to Tynda:\n\nAbout 1,500 workers arrived this month.\n\n",
     "Full article: AP\n\nI wonder what they are paid.\n",
     "full-article", None, [], "Associated Press", None, None),
    ("Yonhap has this:\n\nTours will resume.\n\n",
     "Source: Yonhap\n\nThe tours stopped in 2008.\n",
     "bare-source", None, [], "Yonhap News Agency", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("quoted", "block", "form", "title", "authors", "outlet", "inferred", "date"), BLOCKS
)
def test_label_blocks(  # type: ignore[no-untyped-def]
    quoted, block, form, title, authors, outlet, inferred, date
) -> None:
    c = _one(quoted + block)
    assert (c.form, c.role) == (form, "closes-quote")
    assert c.title == title and [a.name for a in c.authors] == authors
    assert (c.outlet.name if c.outlet else None) == outlet
    assert (c.inferred_outlet.name if c.inferred_outlet else None) == inferred
    assert c.date == date
    assert c.quote is not None and c.quote.first_line == 7 and c.quote.last_line == 7


def test_sources_label_over_citation_lines() -> None:
    doc = citegrab.extract(
        POST + "KCNA says:\n\nPrices are stable.\n\nSources:\n"
        "“Prices stable, says ministry,” KCNA, 3/15/2008\nKim Jin, “Ministry denies,” Yonhap, 3/16/2008\n"
    )
    got = [(c.title, c.role, c.quote.first_line if c.quote else None) for c in doc.citations]
    assert got == [
        ("Prices stable, says ministry", "closes-quote", 7),
        ("Ministry denies", "closes-quote", 7),
    ]
    assert [(q.first_line, q.last_line, q.lead_in_line) for q in doc.quotes] == [(7, 7, 5)]


def test_label_with_title_on_its_line_and_a_link_line() -> None:
    doc = citegrab.extract(
        POST + "The Korea Herald reports:\n\nPrices rose.\n\nFull Article: Prices climb\n"
        "Korea Herald\nMarch 16, 2008\n\nYonhap adds:\n\nOfficials denied it.\n\n"
        "Read the full story here:\nhttp://english.yonhap.co.kr/news/denial.html\n"
        "Officials deny price rise\n3/16/2008\n"
    )
    got = [(c.form, c.role, c.title, c.url) for c in doc.citations]
    assert got == [
        ("full-article", "closes-quote", "Prices climb", None),
        ("full-article", "closes-quote", "Officials deny price rise",
         "http://english.yonhap.co.kr/news/denial.html"),
    ]  # fmt: skip


# -- further-reading lists: entries close no quote ----------------------------------------------

LISTS = [
    ("Here are some additional articles:\n\nRason road opens\nXinhua\nAugust 20, 2011\n\n"
     "Rail investment in Rason\n\nThe Moscow Times\nIvan Petrov and Olga Smirnova\nAugust 18, 2011\n",
     [("Rason road opens", [], "Xinhua", dt.date(2011, 8, 20)),
      ("Rail investment in Rason", ["Ivan Petrov", "Olga Smirnova"], "The Moscow Times", dt.date(2011, 8, 18))]),
    ("Previous posts on this topic:\n\nRajin port lease extended\nNK News\nJuly 2, 2011\n",
     [("Rajin port lease extended", [], "NK News", dt.date(2011, 7, 2))]),
    ("Here are the papers:\n\n1. Lee Young-hoon, “Market prices,” Daily NK, 9/3/2011\n"
     "2. Kim Suk-jin, Korea Development Institute, “The economy in transition,” 9/4/2011\n",
     [("Market prices", ["Lee Young-hoon"], "Daily NK", dt.date(2011, 9, 3)),  # no evidence: the era's month-first
      ("The economy in transition", ["Kim Suk-jin"], "Korea Development Institute", dt.date(2011, 9, 4))]),
    ("Additional information:\n\nSanctions and trade\nDownload here (PDF)\nStephan Haggard and Marcus Noland\n"
     "Peterson Institute for International Economics\nJuly 14, 2011\n",
     [("Sanctions and trade", ["Stephan Haggard", "Marcus Noland"],
       "Peterson Institute for International Economics", dt.date(2011, 7, 14))]),
    ("Some links.\n\n- Lee Seok, “Traders await bridge,” Daily NK, 10/4/2011\n"
     "- “Yalu bridge begins,” Xinhua, 9/30/2011\n",
     [("Traders await bridge", ["Lee Seok"], "Daily NK", dt.date(2011, 10, 4)),  # 9/30/2011 proves month-first
      ("Yalu bridge begins", [], "Xinhua", dt.date(2011, 9, 30))]),
]  # fmt: skip


@pytest.mark.parametrize(("body", "entries"), LISTS)
def test_further_reading_lists(body: str, entries: list[tuple[Any, ...]]) -> None:
    doc = citegrab.extract("A post\n\nOctober 12th, 2011\n\n" + body)
    got = [
        (c.title, [a.name for a in c.authors], c.outlet.name if c.outlet else None, c.date)
        for c in doc.citations
    ]
    assert got == entries
    assert all(c.role == "list-entry" and c.quote is None for c in doc.citations)
    assert doc.quotes == ()  # a list heading opens no quoted block


def test_unlabelled_list_of_one_line_citations() -> None:
    doc = citegrab.extract(
        "A post\n\nOctober 12th, 2021\n\nThe border stays shut, by most accounts.\n\n"
        "Choi Eun-ji, “Traders wait at Sinuiju,” Daily NK, 14/9/2021.\n"
        "Lee Jae-hoon, “Rail link may reopen,” Yonhap, 1/10/2021.\n"
    )
    assert [(c.role, c.quote) for c in doc.citations] == [("list-entry", None)] * 2
    assert doc.quotes == ()


def test_labelled_block_with_no_lead_in_stands_alone() -> None:
    c = _one(
        "A new survey asks 90 traders how they set prices. Most follow the exchange rate.\n\n"
        "Article source:\nHow traders set prices\nPark Soo-ah\nKorea Development Institute\n2014-11-3\n"
    )
    assert (c.role, c.quote, c.title) == ("standalone", None, "How traders set prices")
    assert c.outlet is not None and c.outlet.name == "Korea Development Institute"


def test_institution_header_with_issue_number() -> None:
    c = _one(
        "Institute for Far Eastern Studies (IFES)\nNK Brief No. 12-08-27\n(8/27/2012)\n\n"
        "The ministry held a food exhibition.\n"
    )
    assert c.outlet is not None
    assert (c.outlet.name, c.outlet.raw) == (
        "Institute for Far Eastern Studies",
        "Institute for Far Eastern Studies (IFES)",
    )
    assert (c.title, c.number, c.date) == (None, "NK Brief No. 12-08-27", dt.date(2012, 8, 27))


def test_remark_and_caption_stay_out_of_quotes() -> None:
    doc = citegrab.extract(
        POST + "From the Daily NK:\n\nRice sold for 2,400 won.\n\nCorn eased too.\n\n"
        "Readers will remember the spring peak.\n\nRead the full story here:\nRice eases\n"
        "Daily NK\nMarch 10, 2008\n\nHere is the trend:\n\nRice prices, 2008\n\n"
        "Data source: Daily NK.\n"
    )
    assert [(q.first_line, q.last_line) for q in doc.quotes] == [(7, 9)]


# -- pages without a date line ------------------------------------------------------------------


def test_undated_page_keeps_its_title_and_citations() -> None:
    doc = citegrab.extract(
        "Kaesong wages rise again\n\nFrom the Korea Herald:\n\nKaesong wages to rise\nKim Hyun-jin\n"
        "8/1/2010\n\nWorkers will receive a raise.\n"
    )
    (post,) = doc.posts
    assert post.title == "Kaesong wages rise again" and post.date is None
    assert "post-no-date" in {d.code for d in post.diagnostics}
    (c,) = doc.citations
    assert c.title == "Kaesong wages to rise" and c.post_date is None
    assert c.date is not None and c.date.year == 2010


# -- traps: never a citation --------------------------------------------------------------------

TRAPS = [
    "(more…)",
    "(link here)",
    "(Google Earth)",
    "Data source: Daily NK.",
    "(p. 8)",
    "UPDATE 3 (2017-8-6): The bank denied it.",
    "(Full article here.)",
    "Comments are closed.",
    "Share",
    "By Lee Sung-yoon",
    "“Tours to resume next year”",
    "Source: own calculations",
    "Read more:",
    "Here are some additional articles:",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_traps_are_no_citations(trap: str) -> None:
    doc = citegrab.extract(
        POST + "The blogger writes a paragraph.\n\n" + trap + "\n\nAnother one.\n"
    )
    assert doc.citations == ()


def test_variants_fixture() -> None:
    """Header blocks with a blank line after the lead-in, an outlet line and an unpadded ISO
    date; a block under "Quoting from the article:"; a list followed by a quoted headline and
    a byline (traps, not entries)."""
    doc = citegrab.extract_file(FIXTURES / "variants-2008-2013.txt")
    got = [(c.line, c.role, c.outlet.name if c.outlet else None) for c in doc.citations]
    assert got == [
        (7, "heads-quote", "The Korea Herald"),
        (28, "closes-quote", "Agence France-Presse"),
        (41, "list-entry", "Xinhua"),
        (46, "list-entry", "RIA Novosti"),
        (61, "heads-quote", None),
    ]
    assert doc.citations[0].date == dt.date(2013, 3, 14)
    assert doc.citations[-1].inferred_outlet is not None
    assert doc.citations[-1].inferred_outlet.name == "Yonhap News Agency"


def test_unlabelled_list_of_papers_under_the_post_date() -> None:
    doc = citegrab.extract_file(FIXTURES / "papers-2010.txt")
    got = [(c.role, c.title, [a.name for a in c.authors], c.outlet.name if c.outlet else None)
           for c in doc.citations]  # fmt: skip
    assert got == [
        ("list-entry", "The Informal Sector in Hamhung", ["Anna Berg"], None),
        ("list-entry", "Migration Along the Tumen", ["Paul Ortiz"], "Center for Border Studies"),
        ("list-entry", "Trade Finance in the North", ["Kim Dae-sung"], None),
    ]  # fmt: skip
    assert doc.quotes == ()


def test_fixture_traps_yield_nothing() -> None:
    doc = citegrab.extract_file(FIXTURES / "archive-2008.txt")
    raws = " ".join(c.raw for c in doc.citations)
    for trap in ("(more…)", "(link here)", "(Google Earth)", "(p. 8)", "Data source", "UPDATE 3"):
        assert trap not in raws


# -- the cue table ------------------------------------------------------------------------------


def test_every_label_is_found_and_parsed() -> None:
    """No drift: each label of the table is found by the scanner inside a document and read by
    parse_citation, from the same compiled table."""
    table = load_toml("cues.toml")
    for group in table["labels"]:
        for phrase in group["phrases"]:
            label = phrase[0].upper() + phrase[1:] + ":"
            block = f"{label}\nBorder trade resumes\nYonhap\nMarch 3, 2008"
            assert 0 in scan(Lines(block)).cite, label
            c = citegrab.parse_citation(block)
            assert c is not None and c.form == group["form"], label
            doc = citegrab.extract(POST + "Yonhap said:\n\nTrade resumed.\n\n" + block + "\n")
            assert [x.form for x in doc.citations] == [group["form"]], label


def test_update_words_come_from_the_table() -> None:
    words = load_toml("markers.toml")["update_words"]
    for w in words:
        assert scan(Lines(f"{w.capitalize()} 3/4/2008: more news")).update == [0], w


def test_user_cues_work_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "cues.toml"
    extra.write_text(
        'list_headings = ["worth a look"]\nupdate_words = ["nachtrag"]\n'
        '[[labels]]\nform = "full-article"\nphrases = ["the story in full"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("CITEGRAB_CUES", str(extra))
    cues.cache_clear()
    try:
        block = "The story in full:\nBorder trade resumes\nYonhap\nMarch 3, 2008"
        assert 0 in scan(Lines(block)).cite
        assert scan(Lines("Nachtrag 3/4/2008: x")).update == [0]
        doc = citegrab.extract(POST + "Yonhap said:\n\nTrade resumed.\n\n" + block + "\n")
        assert [c.form for c in doc.citations] == ["full-article"]
        doc = citegrab.extract(
            POST + "These are worth a look:\n\nRajin port lease extended\nNK News\nJuly 2, 2011\n"
        )
        assert [c.role for c in doc.citations] == ["list-entry"]
    finally:
        monkeypatch.delenv("CITEGRAB_CUES")
        cues.cache_clear()


def test_a_label_form_must_be_a_citation_form() -> None:
    with pytest.raises(citegrab.CitegrabError):
        compile_cues({"labels": [{"form": "nonsense", "phrases": ["x"]}]}, [])


# -- hostile input ------------------------------------------------------------------------------

BLOCKISH = st.lists(
    st.sampled_from(
        [*"\n\n\n:()“”,. 0123456789/-ByNo.", "Source:", "Full article:", "Yonhap", "Daily NK",
         "Further reading:", "1. ", "- ", "From the Korea Times:", "March 3, 2008", "Kim Min-ho",
         "Download here (PDF)", "Chosun Ilbo 3/4/2008 Officials said"]
    ),
    max_size=120,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(BLOCKISH)
def test_block_and_list_grammar_never_raises(text: str) -> None:
    doc = citegrab.extract(text)
    for c in doc.citations:
        assert c.role in ("closes-quote", "heads-quote", "list-entry", "standalone")
    block = citegrab.parse_citation(text)
    assert block is None or isinstance(block, citegrab.Citation)


@pytest.mark.parametrize(
    "unit",
    ["From the Korea Times:\nTitle\nKim Min-ho\n3/4/2008\n\nText.\n\n",
     "Further reading:\n\nTitle\nYonhap\nMarch 3, 2008\n\n",
     "Further reading:\nTitle\n",
     "Source:\nTitle\nYonhap\n",
     "Joong Ang Daily\n\n",
     "Chosun Ilbo 3/4/2008 Officials said.\n\n",
     "1. Kim, “T,” Yonhap, 3/4/2008\n",
     "Kim Min-ho, “T,” Yonhap, 3/4/2008.\n",
     "Institute for Far Eastern Studies (IFES)\nNK Brief No. 12-08-27\n(8/27/2012)\n\nText.\n\n",
     "Here is the trend:\n\nRice, 2008\n\nData source: Daily NK.\n\n",
     "Yonhap:\n\nText.\n\nReaders will remember it.\n\nSource:\nT\nYonhap\n3/4/2008\n\n",
     "Read the full story here:\n"],
)  # fmt: skip
def test_layouts_stay_linear(unit: str) -> None:
    """8x the input may cost at most ~8x the work (bound 12x), counted in executed lines."""

    def run(n: int) -> int:
        text = POST + unit * n
        return work_done(lambda: citegrab.extract(text))

    run(5)
    small, large = run(40), run(320)
    assert large <= 12 * small + 2_000, (small, large)


# -- the gold set: every file of tests/data/layouts scored as `citegrab eval` scores it --------

LAYOUTS = Path(__file__).parent / "data" / "layouts"
KNOWN_MISSES: dict[str, dict[str, Any]] = {
    # a quoted KCNA dispatch under its headline and dateline runs on over the blogger's
    # closing paragraph (third person, no remark opening, nothing else to tell)
    "kcna-dateline-2017.txt": {
        "wrong_fields": [(7, "quote")],
        "quotes_missing": [(9, 11)],
        "quotes_spurious": [(9, 13)],
    },
    # WordPress "Press This" source lines ("Source: Title | Site: tagline", "Via: Title | Site")
    # are not read by the line grammar yet (_citations.py)
    # a working paper's header with its date in parentheses on the institution's line ("East
    # Asia Institute Working Paper (Oct 2009)" / authors / "(Download PDF here)") is not read
    "paper-header-2009.txt": {"citations_missing": [7], "quotes_missing": [(12, 12)]},
    "press-this-2016.txt": {
        "citations_missing": [29],
        "quotes_missing": [(27, 27)],
        "quotes_spurious": [(27, 29)],
    },
}


@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUTS.glob("*.txt")))
def test_layout_gold(name: str) -> None:
    """Posts (boundaries, title, date, byline), citations and quotes against the hand gold."""
    from citegrab._eval import evaluate

    report = evaluate(LAYOUTS, citegrab.Extractor(entities=False), entities=False)[name]
    known = KNOWN_MISSES.get(name, {})
    posts = dict.fromkeys(("found", "title", "date", "byline", "last_line"), 1.0)
    assert report["posts"] == posts | known.get("posts", {})
    errors = report["citations"]["errors"]
    assert sorted(e["line"] for e in errors if e["field"] == "missing") == known.get(
        "citations_missing", []
    )
    assert [e for e in errors if e["field"] == "spurious"] == []
    wrong = sorted((e["line"], e["field"]) for e in errors if e["field"] not in ("missing",))
    assert wrong == known.get("wrong_fields", [])
    if "quotes" in report:
        assert report["quotes"]["missing"] == known.get("quotes_missing", [])
        assert report["quotes"]["spurious"] == known.get("quotes_spurious", [])


def test_layout_gold_has_no_spurious_posts() -> None:
    """No titled post starts where the gold has none (a reader's comment, a masthead, chrome)."""
    import json

    for txt in sorted(LAYOUTS.glob("*.txt")):
        gold = {
            json.loads(ln)["first_line"]
            for ln in txt.with_suffix(".posts.jsonl").read_text(encoding="utf-8").splitlines()
            if ln.strip()
        }
        doc = citegrab.extract(txt.read_text(encoding="utf-8"), entities=False)
        assert [p.first_line for p in doc.posts if p.title and p.first_line not in gold] == [], txt


FIELD_TIMES = [
    ("Published : 2013-04-10 18:22", ("Published", "2013-04-10")),
    ("Date: March 3, 2013 at 10:32 am", ("Date", "March 3, 2013")),
    ("Posted: 3/4/2013, 9:05 PM", ("Posted", "3/4/2013")),
    ("Title: Meeting at noon", ("Title", "Meeting at noon")),
    ("Title: Talks end at 10", ("Title", "Talks end at 10")),
]  # fmt: skip


@pytest.mark.parametrize(("line", "field"), FIELD_TIMES)
def test_field_value_drops_the_templates_clock_time(line: str, field: tuple[str, str]) -> None:
    m = cues().field_re.match(line)
    assert m is not None and (m.group("label"), m.group("value")) == field


# A reading list under per-outlet sub-headings ("Yonhap:", "From the Korean press:"): one-line
# entries right under a short heading; the heading's outlet is inferred for entries naming none.
SUB_HEADED = [
    (
        "Yonhap:\nKaesong firms report record output (3/9/2011)\n"
        "Ministry approves fertiliser shipment (3/10/2011)\n",
        [("Kaesong firms report record output", None, "Yonhap News Agency", dt.date(2011, 3, 9)),
         ("Ministry approves fertiliser shipment", None, "Yonhap News Agency", dt.date(2011, 3, 10))],
    ),
    (
        "From the Korean press:\nRice prices double – Dong-A Ilbo, March 8, 2011\n"
        "Investors eye Rason – Hankyoreh, March 10, 2011\n",
        [("Rice prices double", "Dong-A Ilbo", None, dt.date(2011, 3, 8)),
         ("Investors eye Rason", "The Hankyoreh", None, dt.date(2011, 3, 10))],
    ),
    (
        "Daily NK:\n“Border guards demand bribes” (March 7, 2011)\n\nThat is all.\n",
        [("Border guards demand bribes", None, "Daily NK", dt.date(2011, 3, 7))],
    ),
    (
        "Previous posts:\nKaesong rail talks resume – March 3, 2011\n",
        [("Kaesong rail talks resume", None, None, dt.date(2011, 3, 3))],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("block", "entries"), SUB_HEADED)
def test_sub_headed_reading_lists(block: str, entries: list[tuple[Any, ...]]) -> None:
    text = "Weekend reading\n\nSaturday, March 12, 2011\n\nA few items from the week.\n\n" + block
    doc = citegrab.extract(text + "\nShare\n", entities=False)
    got = [
        (
            c.title,
            c.outlet.name if c.outlet else None,
            c.inferred_outlet.name if c.inferred_outlet else None,
            c.date,
        )
        for c in doc.citations
    ]
    assert got == entries
    assert {c.role for c in doc.citations} == {"list-entry"} and doc.quotes == ()
