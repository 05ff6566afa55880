"""The citation grammar: every supported form, damage tolerated with diagnostics, non-citations."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab import DiagnosticCode
from citegrab._citations import untailed

from .conftest import work_done

POST = dt.date(2022, 8, 4)

# raw line, authors, title, outlet (canonical), date, form, diagnostics that must be present
CASES = [
    (
        "(Source: Seulkee Jang, “China still appears wary,” Daily NK, 20/7/2022.)",
        ["Seulkee Jang"],
        "China still appears wary",
        "Daily NK",
        dt.date(2022, 7, 20),
        "source",
        set(),
    ),
    (
        "(Source: Manar Salameh/ Ruaa al-Jazaeri, “Syria, DPRK discuss ways,” Sana, 3/8/2022.)",
        ["Manar Salameh", "Ruaa al-Jazaeri"],
        "Syria, DPRK discuss ways",
        "SANA",
        dt.date(2022, 8, 3),
        "source",
        {DiagnosticCode.DATE_AMBIGUOUS},
    ),
    (
        "(Source: By Jeong Tae Joo and Ha Yoon Ah, “Trade resumes,” Daily NK English, July 8th, 2022.)",
        ["Jeong Tae Joo", "Ha Yoon Ah"],
        "Trade resumes",
        "Daily NK",
        dt.date(2022, 7, 8),
        "source",
        set(),
    ),
    (
        "(Source: Reuters, “North Korea says nearing end of COVID crisis,” Reuters, 18/7/2022.)",
        [],
        "North Korea says nearing end of COVID crisis",
        "Reuters",
        dt.date(2022, 7, 18),
        "source",
        {DiagnosticCode.AGENCY_AS_AUTHOR},
    ),
    (
        "(Source: Yonhap, “Seoul to send rice aid,” 24/4/22.)",
        [],
        "Seoul to send rice aid",
        "Yonhap News Agency",
        dt.date(2022, 4, 24),
        "source",
        {DiagnosticCode.AGENCY_AS_AUTHOR, DiagnosticCode.DATE_TWO_DIGIT_YEAR},
    ),
    (
        "(Source: “‘It always wins’; North Korea may declare victory,” Associated Press, 21/6/2022.)",
        [],
        "‘It always wins’; North Korea may declare victory",
        "Associated Press",
        dt.date(2022, 6, 21),
        "source",
        set(),
    ),
    (
        "(Mun Dong Hui, “North Korean customs officials continue to demand bribes,” May 5th, 2019.)",
        ["Mun Dong Hui"],
        "North Korean customs officials continue to demand bribes",
        None,
        dt.date(2019, 5, 5),
        "parenthetical",
        {DiagnosticCode.NO_OUTLET},
    ),
    (
        'Source: Rim Jae-hwa, "Phone searches expand," RFA Korean Service, 8/4/19',
        ["Rim Jae-hwa"],
        "Phone searches expand",
        "Radio Free Asia",
        dt.date(2019, 4, 8),
        "bare-source",
        set(),
    ),
    (
        "(SourceRodong Sinmun, July 13, 2022.)",
        [],
        None,
        "Rodong Sinmun",
        dt.date(2022, 7, 13),
        "source",
        {DiagnosticCode.MISSING_COLON},
    ),
    (
        "(Source Jieun Kim, “Harvest reporting goes daily,” Radio Free Asia, July 6th, 2022.)",
        ["Jieun Kim"],
        "Harvest reporting goes daily",
        "Radio Free Asia",
        dt.date(2022, 7, 6),
        "source",
        {DiagnosticCode.MISSING_COLON},
    ),
    (
        "(Source: Jieun Kim, ,”North Korea ends travel restrictions as ‘fever cases’ subside,” Radio Free Asia, 22/6/2022.)",
        ["Jieun Kim"],
        "North Korea ends travel restrictions as ‘fever cases’ subside",
        "Radio Free Asia",
        dt.date(2022, 6, 22),
        "source",
        {DiagnosticCode.STRAY_PUNCTUATION},
    ),
    (
        '(Source: Lee Sang Yong, "Flour imports face new certificates," DailyNK, 5/7/22.',
        ["Lee Sang Yong"],
        "Flour imports face new certificates",
        "Daily NK",
        dt.date(2022, 7, 5),
        "source",
        {DiagnosticCode.UNCLOSED_PAREN},
    ),
    (
        "(Source: Jang Seulkee, 'Trade resumes in Sinuiju,' NKNews.org, 2022-07-05)",
        ["Jang Seulkee"],
        "Trade resumes in Sinuiju",
        "NK News",
        dt.date(2022, 7, 5),
        "source",
        {DiagnosticCode.SINGLE_QUOTED_TITLE},
    ),
    (
        "(Source: Jong So Yong, Party inspection targets trade bureaus, DNK, 4/7/2022.)",
        ["Jong So Yong"],
        "Party inspection targets trade bureaus",
        "Daily NK",
        dt.date(2022, 7, 4),
        "source",
        {DiagnosticCode.UNQUOTED_TITLE},
    ),
    (
        "(Jong So Yong, N. Hamgyong Province’s trade bureau under stress,” May 4th, 2022.)",
        ["Jong So Yong"],
        "N. Hamgyong Province’s trade bureau under stress",
        None,
        dt.date(2022, 5, 4),
        "parenthetical",
        {DiagnosticCode.MISSING_OPEN_QUOTE},
    ),
    (
        "(Source: Ko Myong-hyun, “Fishing season cut short,” Korea Pro Weekly, 31/2/2022.)",
        ["Ko Myong-hyun"],
        "Fishing season cut short",
        "Korea Pro Weekly",
        None,
        "source",
        {DiagnosticCode.OUTLET_UNKNOWN, DiagnosticCode.DATE_IMPOSSIBLE},
    ),
    (
        "(Source: “Proactive Efforts Made in DPRK,” Korean Central News Agency, June 30th, 2022.)",
        [],
        "Proactive Efforts Made in DPRK",
        "Korean Central News Agency",
        dt.date(2022, 6, 30),
        "source",
        set(),
    ),
    (
        "(Source: Colin Zwirko, “Kim inspects factory,” NK Nesw, 1/8/2022.)",
        ["Colin Zwirko"],
        "Kim inspects factory",
        "NK News",
        dt.date(2022, 8, 1),
        "source",
        {DiagnosticCode.OUTLET_FUZZY},
    ),
]


CASES += [
    (
        "(Source: “Title here,” Daily NK, July 8, 2022, https://www.dailynk.com/english/title-here/)",
        [], "Title here", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: By Daily NK, “Rice prices,” 8 July 2022.)",
        [], "Rice prices", "Daily NK", dt.date(2022, 7, 8), "source", {DiagnosticCode.AGENCY_AS_AUTHOR},
    ),
    (
        "(Source: Rodong Sinmun (in Korean), 13 July 2022)",
        [], None, "Rodong Sinmun", dt.date(2022, 7, 13), "source", {DiagnosticCode.NO_TITLE},
    ),
    (
        "— Seulkee Jang, “Rice prices,” Daily NK, 8/7/2022",
        ["Seulkee Jang"], "Rice prices", "Daily NK", dt.date(2022, 7, 8), "line", set(),
    ),
    (
        "(Source: Reuters/Yonhap, “Flooding,” 8/7/22)",
        [], "Flooding", "Reuters", dt.date(2022, 7, 8), "source", {DiagnosticCode.AGENCY_AS_AUTHOR},
    ),
    (
        "(Source: https://www.nknews.org/2022/07/kim-visits/)",
        [], None, "NK News", None, "source", {DiagnosticCode.NO_DATE},
    ),
    (
        "(Source: Seulkee Jang, “Title,” Daily NK, 8/7/2022.) Emphasis mine.",
        ["Seulkee Jang"], "Title", "Daily NK", dt.date(2022, 7, 8), "source", {DiagnosticCode.LEFTOVER_TEXT},
    ),
    (
        "(Source: “Title,” Daily NK, July 8, 2022, accessed July 10, 2022.)",
        [], "Title", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: “Floods,” Reuters, July 8, 2022 (updated July 9, 2022).)",
        [], "Floods", "Reuters", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "[Source: Daily NK, 13/7/2022]",
        [], None, "Daily NK", dt.date(2022, 7, 13), "source", set(),
    ),
    # an outlet named with an edition or language service, before or after the title
    (
        "(Source: Chosun Ilbo English edition, “Traders fined,” 2022-07-08)",
        [], "Traders fined", "Chosun Ilbo", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: “Aid delayed,” Voice of America Korean, July 8, 2022)",
        [], "Aid delayed", "Voice of America", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Jeon Byeong-gon, Korea Times correspondent, “Ferry opens,” 2022-07-08)",
        ["Jeon Byeong-gon"], "Ferry opens", "The Korea Times", dt.date(2022, 7, 8), "source",
        {DiagnosticCode.AGENCY_AS_AUTHOR},
    ),
    # a known outlet before the title wins over unread text after it (a date not read)
    (
        "(Source: VOA Korean, “Aid delayed,” 8 of the 7th)",
        [], "Aid delayed", "Voice of America", None, "source", {DiagnosticCode.LEFTOVER_TEXT},
    ),
    # a time of day after the date is no outlet
    (
        "(Source: NK News, “Port traffic up,” July 8, 2022, 11:45 GMT+9)",
        [], "Port traffic up", "NK News", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: “Port traffic up,” Yonhap, 2022-07-08 10:32 KST)",
        [], "Port traffic up", "Yonhap News Agency", dt.date(2022, 7, 8), "source", set(),
    ),
    # a month's abbreviation between slashes
    (
        "(Source: Asia Press, “Corn prices double,” 26/Nov/2021)",
        [], "Corn prices double", "Asia Press", dt.date(2021, 11, 26), "source", set(),
    ),
    # a byline's e-mail address
    (
        "(Source: Kim So-yeol [ksy@dailynk.com], “Market fees raised,” Daily NK, 2022-07-08)",
        ["Kim So-yeol"], "Market fees raised", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    # the blogger's note closing the citation
    (
        "(Source: Yonhap. Emphasis added.)",
        [], None, "Yonhap News Agency", None, "source", {DiagnosticCode.LEFTOVER_TEXT},
    ),
    # a name ending in an outlet's head word before the title is an unlisted outlet, no person
    (
        "(Source: Kanazawa Shimbun, “Trading house probed,” 2022-07-08)",
        [], "Trading house probed", "Kanazawa Shimbun", dt.date(2022, 7, 8), "source",
        {DiagnosticCode.OUTLET_UNKNOWN},
    ),
    (
        "(Source: Kim Min, Harbour Gazette, “Trading house probed,” 2022-07-08)",
        ["Kim Min"], "Trading house probed", "Harbour Gazette", dt.date(2022, 7, 8), "source",
        {DiagnosticCode.OUTLET_UNKNOWN},
    ),
    # bibliography style: family name, comma, given name; full stops between the parts
    (
        "(Source: Lankov, Andrei. “The Real Economy.” Korea Times, January 31, 2011.)",
        ["Andrei Lankov"], "The Real Economy", "The Korea Times", dt.date(2011, 1, 31), "source",
        set(),
    ),
    (
        "(Source: 연합뉴스, “북한 쌀값 상승,” 2022년 7월 8일)",
        [], "북한 쌀값 상승", "Yonhap News Agency", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Rodong Sinmun editorial, 2022-07-08)",
        [], None, "Rodong Sinmun", dt.date(2022, 7, 8), "source", set(),
    ),
    # the author slot: a position, an outlet beside or after the name, an organisation
    (
        "(Source: Lee Sang Yong, Editor-in-chief, “Prices stable,” Daily NK, 2022-07-08)",
        ["Lee Sang Yong"], "Prices stable", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Reporter Kim Ji-hyun, “Prices stable,” Daily NK, 2022-07-08)",
        ["Kim Ji-hyun"], "Prices stable", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Mun Dong Hui - Daily NK, “Prices stable,” 2022-07-08)",
        ["Mun Dong Hui"], "Prices stable", "Daily NK", dt.date(2022, 7, 8), "source",
        {DiagnosticCode.AGENCY_AS_AUTHOR},
    ),
    (
        "(Source: Kang Mi Jin (Daily NK), “Prices stable,” 2022-07-08)",
        ["Kang Mi Jin"], "Prices stable", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Choi Song Min, a Daily NK reporter, “Rason diary,” 2022-07-08)",
        ["Choi Song Min"], "Rason diary", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: KITA, “Foreign trade trends,” 2022-07-08)",
        [], "Foreign trade trends", "KITA", dt.date(2022, 7, 8), "source",
        {DiagnosticCode.OUTLET_UNKNOWN},
    ),
    (
        "(Source: Interview with Kim Yong Nam, KCNA, 2022-07-08)",
        [], "Interview with Kim Yong Nam", "Korean Central News Agency", dt.date(2022, 7, 8),
        "source", set(),
    ),
    # a byline after the title, with or without its outlet
    (
        "(Source: “Markets reopen,” by Jeongmin Kim, NK News, Jan. 30, 2022)",
        ["Jeongmin Kim"], "Markets reopen", "NK News", dt.date(2022, 1, 30), "source", set(),
    ),
    (
        "(Source: “Markets reopen” by Jeongmin Kim in NK News, Jan. 30, 2022)",
        ["Jeongmin Kim"], "Markets reopen", "NK News", dt.date(2022, 1, 30), "source", set(),
    ),
    (
        "(Source: “Rice up,” by Kang Mi-jin (Daily NK), 2022-01-30)",
        ["Kang Mi-jin"], "Rice up", "Daily NK", dt.date(2022, 1, 30), "source", set(),
    ),
    (
        "(Source: Kim, Jae-hoon, Korea JoongAng Daily staff writer, “Rice up,” 2022-01-30)",
        ["Kim Jae-hoon"], "Rice up", "Korea JoongAng Daily", dt.date(2022, 1, 30), "source",
        {DiagnosticCode.AGENCY_AS_AUTHOR},
    ),
    (
        "(Source: NK News: “Markets reopen,” by Jeongmin Kim, Jan. 30, 2022)",
        ["Jeongmin Kim"], "Markets reopen", "NK News", dt.date(2022, 1, 30), "source", set(),
    ),
    # a note on the title before the outlet
    (
        "(Source: “Markets reopen” (in Korean), Yonhap, 4 March 2022)",
        [], "Markets reopen", "Yonhap News Agency", dt.date(2022, 3, 4), "source", set(),
    ),
    # no quotation marks: a name or the title after the outlet
    (
        "(Source: Yonhap, Kim Jeong-min, 2022-01-30)",
        ["Kim Jeong-min"], None, "Yonhap News Agency", dt.date(2022, 1, 30), "source", set(),
    ),
    (
        "(Source: Daily NK, Markets reopen in Hyesan, 2022-01-30)",
        [], "Markets reopen in Hyesan", "Daily NK", dt.date(2022, 1, 30), "source",
        {DiagnosticCode.UNQUOTED_TITLE},
    ),
    # outlets joined by "and": the first names the source
    (
        "(Source: KCNA and Yonhap, 2022-01-30)",
        [], None, "Korean Central News Agency", dt.date(2022, 1, 30), "source", set(),
    ),
    # a note after the author's name; a wire's credit line split by semicolons is one source
    (
        "(Source: Andrei Lankov (Kookmin University), “Markets,” Korea Times, 2022-03-04)",
        ["Andrei Lankov"], "Markets", "The Korea Times", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: Reporting by Ju-min Park; Editing by Robert Birsel, “Banker defects,” Reuters, 2022-03-04)",
        ["Ju-min Park"], "Banker defects", "Reuters", dt.date(2022, 3, 4), "source", set(),
    ),
    # a dateline's place in the author slot is no person (places in names.toml)
    (
        "(Source: Daily NK, Seoul, “Cadres recalled,” 2022-03-04)",
        [], "Cadres recalled", "Daily NK", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: Kim Min-ho, Dandong, “Cadres recalled,” Daily NK, 2022-03-04)",
        ["Kim Min-ho"], "Cadres recalled", "Daily NK", dt.date(2022, 3, 4), "source", set(),
    ),
    # a web page's title copied with its site's name
    (
        "(Source: “N. Korea raises tariffs | Yonhap News Agency,” 2022-03-04)",
        [], "N. Korea raises tariffs", "Yonhap News Agency", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: “Markets reopen : NK News - North Korea News,” 2022-03-04)",
        [], "Markets reopen", "NK News", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: “Markets reopen - Kim says - reform,” Daily NK, 2022-03-04)",
        [], "Markets reopen - Kim says - reform", "Daily NK", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: “GDP grew 3.9% in 2016: BOK,” Yonhap, 2022-03-04)",
        [], "GDP grew 3.9% in 2016: BOK", "Yonhap News Agency", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: Daily NK, “Markets reopen...”, 2022-03-04)",
        [], "Markets reopen...", "Daily NK", dt.date(2022, 3, 4), "source", set(),
    ),
    (
        "(Source: Seulkee Jang, “Title,” Daily NK, 8/7/2022; my translation)",
        ["Seulkee Jang"], "Title", "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    # no title: a list of writers before the outlet, one with a known family name
    (
        "(Source: Mira Holloway and Ju-min Park, Reuters, 8/7/2022.)",
        ["Mira Holloway", "Ju-min Park"], None, "Reuters", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Kim Hae-won & Tom Beck, Daily NK, 8/7/2022.)",
        ["Kim Hae-won", "Tom Beck"], None, "Daily NK", dt.date(2022, 7, 8), "source", set(),
    ),
    (
        "(Source: Lee Min-ho / Mira Holloway, Reuters.)",
        ["Lee Min-ho", "Mira Holloway"], None, "Reuters", None, "source", set(),
    ),
    # another label than "Source" opening the parenthesis is no author
    (
        "(Translation: “Party plenum held,” Rodong Sinmun, 8/7/2022.)",
        [], "Party plenum held", "Rodong Sinmun", dt.date(2022, 7, 8), "parenthetical", set(),
    ),
    (
        "(Original article: Kim Hae-won, “Rice up,” Daily NK, 8/7/2022.)",
        ["Kim Hae-won"], "Rice up", "Daily NK", dt.date(2022, 7, 8), "parenthetical", set(),
    ),
    # … but a Title Case headline joined by "and" stays the title
    (
        "(Source: Coal Exports and Fuel Costs, Daily NK, 8/7/2022.)",
        [], "Coal Exports and Fuel Costs", "Daily NK", dt.date(2022, 7, 8), "source",
        {"unquoted-title"},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "authors", "title", "outlet", "date", "form", "codes"), CASES)
def test_citation_forms(raw, authors, title, outlet, date, form, codes) -> None:  # type: ignore[no-untyped-def]
    c = citegrab.parse_citation(raw, post_date=POST)
    assert c is not None, raw
    assert [a.name for a in c.authors] == authors
    assert c.title == title
    assert (c.outlet.name if c.outlet else None) == outlet
    assert c.date == date
    assert c.form == form
    assert codes <= {d.code for d in c.diagnostics}
    assert c.raw == raw.strip()


def test_several_sources_on_one_line() -> None:
    doc = citegrab.extract(
        "Title\n\nMay 3rd, 2019\n\nLead-in:\n\nQuoted.\n\n"
        "(Sources: “Cabinet adopts decision,” KCNA, 2/5/19; Choe Song Il & Ryu Jin, "
        "‘Trade controls tighten,’ NK News, May 2nd, 2019.)\n"
    )
    cites = doc.citations
    assert [c.part for c in cites] == [0, 1]
    assert {c.line for c in cites} == {9}
    assert cites[0].outlet is not None and cites[0].outlet.name == "Korean Central News Agency"
    assert [a.name for a in cites[1].authors] == ["Choe Song Il", "Ryu Jin"]
    assert cites[1].title == "Trade controls tighten"


NOT_CITATIONS = [
    "(Updated) North Korea’s 2022 flooding season",
    "(UPDATE 2) Pyongyang announces new trade rules",
    "(Recall that the previous rules were issued in 2017.)",
    "(around USD 44,450)",
    "(Sources for all figures can be found here.)",
    "Pyongyang, May 2 (KCNA) -- The Cabinet adopted a decision.",
    "(KCNA)",
    "(as reported by Yonhap here.)",
    "He said “the border will reopen,” on July 8, 2022.",
    "",
    "Source",
    "(Source:",
    "(Photo: KCNA, 8/7/2022)",
    "(h/t: Curtis)",
    "(via Yonhap)",
    "(emphasis added)",
    "(Source: own calculations based on KOTRA data)",
    "(Image: Rodong Sinmun)",
    # a picture's or figure's credit, whatever it names (credit_labels in markers.toml)
    "(Photo: Daily NK, “Market in Hyesan,” 2022-07-01)",
    "(Image source: KCNA, July 8, 2022)",
    "(Source of photo: Yonhap, “Rice aid arrives,” 2022-07-01)",
    "(Photo by Kim Hong-ji/Reuters)",
    "(Photo courtesy of Yonhap, July 8, 2022)",
    "(Satellite imagery: “Port expansion,” Google Earth, 2022-07-01)",
    "(Map – “Rason zone,” 38 North, 2022-07-01)",
    # the writer's own material (unpublished_openings in markers.toml)
    "(Source: personal communication, March 2022)",
    "(Source: interview with a defector, Seoul, July 4, 2022)",
    "(Source: author’s calculations, 2022)",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_citations(text: str) -> None:
    assert citegrab.parse_citation(text, post_date=POST) is None


def test_full_article_block() -> None:
    c = citegrab.parse_citation(
        "Full article:\nNorth Korea’s economy suffers worst contraction\nBy Bryan Harris\nFT\nApril 12th, 2019"
    )
    assert c is not None and c.form == "full-article"
    assert c.title == "North Korea’s economy suffers worst contraction"
    assert [a.name for a in c.authors] == ["Bryan Harris"]
    assert c.outlet is not None and c.outlet.name == "Financial Times"
    assert c.date == dt.date(2019, 4, 12)


BLOCKS = [
    # a block, authors, title, outlet, match, date
    ("Read the full story here:\nNorth Korea’s markets expand\nDaily NK\nKim Kwang-jin\n2013-5-20",
     ["Kim Kwang-jin"], "North Korea’s markets expand", "Daily NK", "exact", dt.date(2013, 5, 20)),
    ("Read the full story here:\nChina-DPRK trade hits record\nPyongyang Business Review\nPark Hyun\n2013-5-20",
     ["Park Hyun"], "China-DPRK trade hits record", "Pyongyang Business Review", "unknown", dt.date(2013, 5, 20)),
    ("Full article:\nPyongyang’s taxi boom\nBy Ifang Bremer\nNK News\nJuly 1, 2022",
     ["Ifang Bremer"], "Pyongyang’s taxi boom", "NK News", "exact", dt.date(2022, 7, 1)),
    ("Read more here:\nPyongyang’s taxi boom\nNK News\n2022-07-01",
     [], "Pyongyang’s taxi boom", "NK News", "exact", dt.date(2022, 7, 1)),
    ("Full article:\nTitle: Border trade resumes\nAuthor: Lee Jeong-jin\nOutlet: Yonhap\nDate: 2017-08-25",
     ["Lee Jeong-jin"], "Border trade resumes", "Yonhap News Agency", "alias", dt.date(2017, 8, 25)),
    # a byline with the writer's place, a date line with its time, the site's domain in capitals
    ("Full article:\nRumours spread in Sinuiju\nBy Ko Min-ho, of China\n[2007-07-20 15:38 ]\nDAILYNK.COM",
     ["Ko Min-ho"], "Rumours spread in Sinuiju", "Daily NK", "alias", dt.date(2007, 7, 20)),
    # fields on one line between bars
    ("Full article:\nTalks channel reopens\nBy Kim Min-ji | Jan. 03, 2018\nUPI",
     ["Kim Min-ji"], "Talks channel reopens", "United Press International", "alias", dt.date(2018, 1, 3)),
    ("Full article:\nTalks channel reopens\nUPI | Jan. 03, 2018",
     [], "Talks channel reopens", "United Press International", "alias", dt.date(2018, 1, 3)),
    ("Full article:\nCadres recalled\nChoi Song Min | Daily NK | 2013-03-04",
     ["Choi Song Min"], "Cadres recalled", "Daily NK", "exact", dt.date(2013, 3, 4)),
    # a date line with the words before a post's date
    ("Full article:\nCadres recalled\nDaily NK\nChoi Song Min\nPosted on March 4, 2013 at 5:24 pm",
     ["Choi Song Min"], "Cadres recalled", "Daily NK", "exact", dt.date(2013, 3, 4)),
]  # fmt: skip


@pytest.mark.parametrize(("block", "authors", "title", "outlet", "match", "date"), BLOCKS)
def test_blocks(
    block: str, authors: list[str], title: str, outlet: str, match: str, date: dt.date
) -> None:
    c = citegrab.parse_citation(block)
    assert c is not None and c.form == "full-article"
    assert [a.name for a in c.authors] == authors
    assert (c.title, c.date) == (title, date)
    assert c.outlet is not None and (c.outlet.name, c.outlet.match) == (outlet, match)


HOSTILE = st.text(
    alphabet=st.sampled_from(list("(()“”\"'‘’,;:/. Source:0123456789abcKCNA")), max_size=300
)


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
def test_grammar_never_raises(text: str) -> None:
    c = citegrab.parse_citation(text, post_date=POST)
    assert c is None or isinstance(c, citegrab.Citation)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_extract_never_raises(text: str) -> None:
    doc = citegrab.extract(text)
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(
    "unit",
    ["(", "“", "\"", ",", "(Source: ", "(Source: “a,” ", "((Source: x, ", "; “t,” RFA, 8/7/22", "'a' ",
     "x (Source: “t,” RFA, 8/7/22.) ", "(Source: “t | Yonhap - ", "(Source: “t,” by Kim in A ",
     "(Source: Lee, Andrei; ", "(Photo: ", "Kim [k@x.org], ", "(Source: a Daily NK reporter, ",
     "(Source: 「a, ", "「", "Link: ", "Yonhap: ", "Yonhap reporter Kim ", ", NK Brief No. 1",
     "S/2013/", "(Source: Editorial, ", ", pp. 3", "49(3): 4", "(Source: A, B (2015) “t,” ",
     "Lee, Jong-ho and ", " press release", " on YouTube, ", "@a ", " | ", "(VOA) "],
)  # fmt: skip
def test_hostile_input_stays_linear(unit: str) -> None:
    """8x the input may cost at most ~8x the work (bound 12x), counted in executed lines."""

    def run(n: int) -> int:
        text = unit * n
        return work_done(lambda: (citegrab.parse_citation(text), citegrab.extract(text)))

    run(10)  # warm caches
    small, large = run(250), run(2_000)
    assert large <= 12 * small + 2_000, (small, large)


# -- literal checks run before patterns: each must hold wherever its pattern can match ----------

_GUARD_TOKENS = st.sampled_from(
    ["www.", "WwW.", "w.", "http://", "://", "Source", "SOURCE", "ſource", "sources:", "Sources",
     "accessed", "ACCESSED", "Retrieved", "last ", "updated", "modified", "viewed", " ", "-",
     " - ", "/", " / ", "|", "–", "—", "(", ")", "[", "]", ",", ";", ":", "Kim", "NK", "2022",
     ", p", ", P", ", pp.", "p", "Page", "para", "§", "):", ") :", "45", "-", "33-41",
     "via", "Via", "VIA", "vIa", " via ", "and", "And", "AND", "aNd", " and ", "&", " & "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_GUARD_TOKENS, max_size=12).map("".join))
def test_literal_guards_never_skip_a_match(text: str) -> None:
    from citegrab import _citations as g

    assert g._may_link(text) or not g._URL.search(text)
    assert g._has_outlet_parts(text) == bool(g._OUTLET_PARTS.search(text))
    assert g._SECONDARY_WORD.search(text) or not g._SECONDARY_DATE.search(text)
    assert g._may_locate(text) or not g._TAIL_LOCATOR.search(text)
    if g._KEYWORD.match(text) or g._KEYWORD_GLUED.match(text):
        assert text[:6].casefold() == "source"


def test_field_trim_is_the_pattern_whitespace() -> None:
    """`str.strip` with `_WHITESPACE` trims what ``\\s`` in a `regex` pattern matches."""
    import sys

    import regex

    from citegrab._citations import _WHITESPACE

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(regex.findall(r"\s", everything)) == set(_WHITESPACE)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (", Radio Free Asia,\xa0August 5th, 2022", ["Radio Free Asia", "August 5th", "2022"]),
        ("Yonhap (Seoul, in English), 3 May", ["Yonhap (Seoul, in English)", "3 May"]),
        ("a), b, (c, d", ["a)", "b", "(c, d"]),  # an unopened ")" closes nothing
        (" ;. , \u2003:", []),
        ("Daily NK.\u3000", ["Daily NK"]),
    ],
)
def test_split_commas(text: str, fields: list[str]) -> None:
    from citegrab._citations import _split_commas

    assert _split_commas(text) == fields


_KEYWORD_TOKENS = st.sampled_from(
    ["Source", "SOURCES", "ſource", "s", " ", "\xa0", "\x1c", "\u2003", ":", "：", "-", "—", "–",
     "Kim", "“", ","]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_KEYWORD_TOKENS, max_size=8).map("".join))
def test_keyword_pattern_is_the_regex_one(text: str) -> None:
    """The stdlib keyword pattern matches as the `regex` one it replaced (whitespace included)."""
    import regex

    from citegrab._citations import _KEYWORD

    reference = regex.compile(
        r"(?P<kw>sources?)\b?(?P<colon>\s*[:：]|\s*[-–—](?=\s))?\s*", regex.IGNORECASE
    )
    got, want = _KEYWORD.match(text), reference.match(text)
    assert (got and (got.span(), got.group("kw", "colon"))) == (
        want and (want.span(), want.group("kw", "colon"))
    )


@pytest.mark.parametrize(
    "text",
    [
        "a  b",
        " a\tb ",
        "a\xa0b",
        "plain words, one space",
        " lead",
        "trail ",
        "\x1cx",
        "a \n b",
        "",
    ],
)
def test_title_whitespace_collapse(text: str) -> None:
    from citegrab._citations import normalise_title

    expected = " ".join(text.split()).strip(" \t\u00a0\u2009\u202f\u3000,;:" + '"“”„‟″«»')
    assert normalise_title(text) == (expected or None)


@pytest.mark.parametrize(
    ("line", "outlets"),
    [
        ("(Sources: KCNA, Yonhap)", ["Korean Central News Agency", "Yonhap News Agency"]),
        ("Sources: Daily NK, RFA, Reuters.", ["Daily NK", "Radio Free Asia", "Reuters"]),
        ("(Source: KCNA, Yonhap)", ["Korean Central News Agency", "Yonhap News Agency"]),
        ("(Sources: KCNA and Rodong Sinmun)", ["Korean Central News Agency", "Rodong Sinmun"]),
        (
            "(Sources: KCNA, Yonhap & Daily NK)",
            ["Korean Central News Agency", "Yonhap News Agency", "Daily NK"],
        ),
        # a title or an unknown name among them: one source, read field by field as before
        ("(Sources: KCNA, “Cabinet meets,” 3/4/2013)", ["Korean Central News Agency"]),
        ("(Source: KCNA, Harbour Gazette)", ["Korean Central News Agency"]),
    ],
)
def test_a_list_of_known_outlets_is_one_source_each(line: str, outlets: list[str]) -> None:
    parsed = citegrab.Extractor().grammar.parse_line(line, None)
    assert parsed is not None
    assert [s.outlet.name if s.outlet else None for s in parsed.sources] == outlets


def test_an_outlet_passed_on_by_another_is_the_first() -> None:
    """ "Yonhap via Korea Herald": the first known part names the outlet, as "NK News/NK Pro"."""
    c = citegrab.Extractor().parse_citation(
        "(Source: “Port closes,” Yonhap via Korea Herald, 2019)"
    )
    assert c is not None and c.outlet is not None
    assert (c.outlet.name, c.outlet.raw) == ("Yonhap News Agency", "Yonhap via Korea Herald")


@pytest.mark.parametrize(
    ("line", "date", "precision"),
    [
        ("(Source: Daily NK, “Markets reopen,” 2021-11)", dt.date(2021, 11, 1), "month"),
        ("(Source: KDI, “Trade paper,” Working Paper 2021-11)", None, "day"),  # a number
    ],
)
def test_year_and_month_closing_the_slot(line: str, date: dt.date | None, precision: str) -> None:
    c = citegrab.parse_citation(line, post_date=POST)
    assert c is not None and c.date == date
    assert date is None or c.date_precision == precision


def test_post_footers_with_bars_are_no_citations() -> None:
    """Bars split a field line only when every part is a field: a post's footer is none."""
    doc = citegrab.extract(
        "Rice prices up again\n\nRice rose to 5,000 won per kilogram, traders said.\n\n"
        "Posted by Jane Roe | March 4, 2013 | 3 comments\n\n"
        "Coal barges idle\n\nBy Jane Roe | March 6, 2013\n\nThe barges have not moved.\n"
    )
    assert doc.citations == ()


def test_credits_and_notes_in_a_post() -> None:
    """An invented 2008 post: a photo credit under the closing block is no citation; the
    blogger's note after the source and a time after the date are not read as fields."""
    doc = citegrab.extract(
        "Grain prices climb in Sinuiju\n\nTuesday, March 4th, 2008\n\nAccording to the Daily NK:\n\n"
        "Rice traded for 2,300 won per kilogram last week, a source said.\n\n"
        "Read the full story here:\nSinuiju rice prices jump again\nDaily NK\nPark Min-soo\n3/3/2008\n\n"
        "(Photo: Daily NK, “Sinuiju market,” 2008-02-20)\n\n"
        "Coal exports to China rise\n\nFriday, March 7th, 2008\n\nVia Yonhap:\n\n"
        "North Korea shipped more anthracite to Dalian in February, customs figures showed.\n\n"
        "(Source: “N. Korea coal exports rise,” Yonhap News, 3/6/2008, 10:32 KST. Emphasis added.)\n"
    )
    got = [(c.title, c.outlet.name if c.outlet else None, c.date) for c in doc.citations]
    assert got == [
        ("Sinuiju rice prices jump again", "Daily NK", dt.date(2008, 3, 3)),
        ("N. Korea coal exports rise", "Yonhap News Agency", dt.date(2008, 3, 6)),
    ]


# Invented lines of the second blind round (2005-2009 blog habits, think-tank and government
# sources, East Asian outlets): (line, authors, title, outlet name, number, date)
ROUND2 = [
    # a title between Japanese or Chinese quotation marks is quoted, the marks dropped
    (
        "(Source: 「茂山鉄鉱の賃貸契約」, Tokyo Shimbun, 2008年3月1日)",
        [],
        "茂山鉄鉱の賃貸契約",
        "Tokyo Shimbun",
        None,
        dt.date(2008, 3, 1),
    ),
    (
        "Kim Jin-ho, 《中朝贸易》, China Daily, 2008-3-1",
        ["Kim Jin-ho"],
        "中朝贸易",
        "China Daily",
        None,
        dt.date(2008, 3, 1),
    ),
    (
        "(Source: 『新義州の市場』, Caixin, 2013-03-04)",
        [],
        "新義州の市場",
        "Caixin",
        None,
        dt.date(2013, 3, 4),
    ),
    # a report's or issue's number after the title or the outlet is the number, not the outlet
    (
        "(Source: Dana Ortiz and Lee Min-soo, “Policy Options,” Congressional Research Service, RL30123, March 4, 2010)",
        ["Dana Ortiz", "Lee Min-soo"],
        "Policy Options",
        "Congressional Research Service",
        "RL30123",
        dt.date(2010, 3, 4),
    ),
    (
        "(Source: “Report of the Panel,” UN Security Council, S/2013/337, June 11, 2013)",
        [],
        "Report of the Panel",
        "UN Security Council",
        "S/2013/337",
        dt.date(2013, 6, 11),
    ),
    (
        "(Source: KDI, “Review of the Economy,” Vol. 15 No. 3, March 2013)",
        [],
        "Review of the Economy",
        "Korea Development Institute",
        "Vol. 15 No. 3",
        dt.date(2013, 3, 1),
    ),
    (
        "(Source: “Outlook for talks,” CRS Report RL31234, Congressional Research Service, 2009)",
        [],
        "Outlook for talks",
        "Congressional Research Service",
        "CRS Report RL31234",
        dt.date(2009, 1, 1),
    ),
    (
        "(Source: KINU, “Relations outlook,” Online Series CO 13-08, March 4, 2013)",
        [],
        "Relations outlook",
        "Korea Institute for National Unification",
        "Online Series CO 13-08",
        dt.date(2013, 3, 4),
    ),
    # a publisher alone with an issue number and a date: the outlet, no title
    (
        "(Source: IFES, NK Brief No. 08-6-17-1, June 17, 2008)",
        [],
        None,
        "Institute for Far Eastern Studies",
        "NK Brief No. 08-6-17-1",
        dt.date(2008, 6, 17),
    ),
    # an institution alone before the title publishes it
    (
        "(Source: Bank of Korea, “GDP Estimates for 2012,” July 12, 2013)",
        [],
        "GDP Estimates for 2012",
        "Bank of Korea",
        None,
        dt.date(2013, 7, 12),
    ),
    (
        "(Source: Ministry of Unification, “Trade in 2012,” January 10, 2013)",
        [],
        "Trade in 2012",
        "Ministry of Unification",
        None,
        dt.date(2013, 1, 10),
    ),
    # an outlet before a colon is the outlet; another label before the citation is dropped
    (
        "(Yonhap: “Kaesong wages rise,” 3/14/2008)",
        [],
        "Kaesong wages rise",
        "Yonhap News Agency",
        None,
        dt.date(2008, 3, 14),
    ),
    (
        "(Reuters: Kim Min-ho, “Wages rise,” 3/14/2008)",
        ["Kim Min-ho"],
        "Wages rise",
        "Reuters",
        None,
        dt.date(2008, 3, 14),
    ),
    (
        "Yonhap: Kim Min-ho, “Wages rise,” 3/14/2008",
        ["Kim Min-ho"],
        "Wages rise",
        "Yonhap News Agency",
        None,
        dt.date(2008, 3, 14),
    ),
    (
        "Link: Yonhap, “Wages to rise,” 3/14/2008",
        [],
        "Wages to rise",
        "Yonhap News Agency",
        None,
        dt.date(2008, 3, 14),
    ),
]


@pytest.mark.parametrize(("line", "authors", "title", "outlet", "number", "date"), ROUND2)
def test_round2_shapes(
    line: str,
    authors: list[str],
    title: str | None,
    outlet: str,
    number: str | None,
    date: dt.date,
) -> None:
    c = citegrab.parse_citation(line, post_date=dt.date(2013, 12, 31))
    assert c is not None
    assert [a.name for a in c.authors] == authors
    assert (c.title, c.outlet.name if c.outlet else None, c.number, c.date) == (
        title,
        outlet,
        number,
        date,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Kim said: “We will win,” 2008",  # a labelled quotation naming no outlet
        "He added: “Prices rose in 2008,” 2009",
        "(via One Free Korea) (h/t)",
        "(KRW 1,000)",
        "(2,400 won)",
        "(Ibid., p. 4)",
        "(hat tip: Marmot)",
    ],
)
def test_round2_non_citations(line: str) -> None:
    assert citegrab.parse_citation(line) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(Source: “Rice up” [in Korean], Yonhap, 2013-03-04)", "Yonhap News Agency"),
        ("(Source: “Rice up” (in Korean), Yonhap, 2013-03-04)", "Yonhap News Agency"),
        ("(Source: “Rice up,” khan.co.kr, 2013.3.4)", "Kyunghyang Shinmun"),
    ],
)
def test_a_note_in_brackets_after_the_title_is_no_outlet(line: str, outlet: str) -> None:
    c = citegrab.parse_citation(line)
    assert c is not None and c.title == "Rice up" and c.outlet is not None
    assert (c.outlet.name, c.date) == (outlet, dt.date(2013, 3, 4))


def test_outlet_first_lines_in_a_post() -> None:
    """An invented 2008 post: an outlet before a colon opening a citation line ('Hankyoreh:
    ‘…’ (3/2/2008)'), a label before one ('Link: Yonhap, “…,” 3/4/2008') are citations; a
    labelled quotation is not."""
    doc = citegrab.extract(
        "Rice in Pyongyang\n\nTuesday, March 4, 2008\n\n"
        "Hankyoreh: ‘Rice prices climb in Pyongyang markets’ (3/2/2008)\n\n"
        "Prices in the capital have risen for the third week in a row (in Korean).\n\n"
        "Link: Yonhap, “Kaesong wages to rise five percent,” 3/4/2008\n\n"
        "Kim said: “We will not back down,” 2008\n"
    )
    got = [(c.title, c.outlet.name if c.outlet else None, c.date) for c in doc.citations]
    assert got == [
        ("Rice prices climb in Pyongyang markets", "The Hankyoreh", dt.date(2008, 3, 2)),
        ("Kaesong wages to rise five percent", "Yonhap News Agency", dt.date(2008, 3, 4)),
    ]


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        # an outlet, a position, then the writer
        (
            "(Source: Yonhap reporter Kim Min-ji, “Rice up,” 2013-03-04)",
            ["Kim Min-ji"],
            "Yonhap News Agency",
        ),
        (
            "(Source: Daily NK correspondent Mun Dong-hui, “Rice up,” 2013-03-04)",
            ["Mun Dong-hui"],
            "Daily NK",
        ),
        # a piece no person signed
        ("(Source: Editorial, “Rice up,” JoongAng Daily, 2013-03-04)", [], "Korea JoongAng Daily"),
        ("(Source: Staff report, “Rice up,” Daily NK, 2013-03-04)", [], "Daily NK"),
        ("(Source: Commentary, “Rice up,” Rodong Sinmun, 2013-03-04)", [], "Rodong Sinmun"),
    ],
)
def test_author_slot_outlet_position_and_unsigned(
    line: str, authors: list[str], outlet: str
) -> None:
    c = citegrab.parse_citation(line)
    assert c is not None and c.outlet is not None
    assert ([a.name for a in c.authors], c.outlet.name, c.title) == (authors, outlet, "Rice up")


def test_a_numbered_paper_without_title_in_a_reading_list() -> None:
    """An invented reading list: a publisher's numbered brief with a date and no title is an
    entry (its number kept), beside a report with a quoted title and a report code."""
    doc = citegrab.extract(
        "Reading list\n\nMarch 7, 2009\n\nSome recent papers:\n\n"
        "1. Dana Ortiz, “Policy Options,” Congressional Research Service, RL30123, March 4, 2009\n"
        "2. Institute for Far Eastern Studies (IFES), NK Brief No. 09-3-6-1, March 6, 2009\n"
    )
    got = [(c.title, c.outlet.name if c.outlet else None, c.number, c.date) for c in doc.citations]
    assert got == [
        ("Policy Options", "Congressional Research Service", "RL30123", dt.date(2009, 3, 4)),
        (None, "Institute for Far Eastern Studies", "NK Brief No. 09-3-6-1", dt.date(2009, 3, 6)),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Kim Min-ho, Issue 5, March 2, 2016",  # a number and a date but no publisher
        "NK Brief No. 09-3-6-1, March 6, 2009",
    ],
)
def test_a_numbered_line_needs_its_publisher(line: str) -> None:
    assert citegrab.parse_citation(line) is None


# -- a third blind round: dates, outlets, institutes, acknowledgements ------------------------

ROUND3_LINES = [
    # line, authors, title, outlet, date, precision
    ("(Source: Kim Min-ho, “Rice up in Hyesan,” Daily NK, Mar-04-2013)",
     ["Kim Min-ho"], "Rice up in Hyesan", "Daily NK", dt.date(2013, 3, 4), "day"),
    ("(Source: “Rice up in Hyesan,” Yonhap, 20130304)",
     [], "Rice up in Hyesan", "Yonhap News Agency", dt.date(2013, 3, 4), "day"),
    ("(Source: “Rice up,” The Pyongyang Times, Juche 102)",
     [], "Rice up", "The Pyongyang Times", dt.date(2013, 1, 1), "year"),
    ("(Source: Rodong Sinmun, March 4, Juche 102)",  # the Juche year is no title
     [], None, "Rodong Sinmun", dt.date(2013, 3, 4), "day"),
    ("(Source: Ishimaru Jiro, “Hyesan rice report,” Asia Press, Spring 2013)",
     ["Ishimaru Jiro"], "Hyesan rice report", "Asia Press", dt.date(2013, 1, 1), "year"),
    ("(Source: “Rice up,” Hankyoreh, March of 2013)",
     [], "Rice up", "The Hankyoreh", dt.date(2013, 3, 1), "month"),
    ("(Source: “Rice up,” Voice of Korea, 2013년 3월)",
     [], "Rice up", "Voice of Korea", dt.date(2013, 3, 1), "month"),
    ("(Source: “Rice up,” Asia Press, 2013/03)",
     [], "Rice up", "Asia Press", dt.date(2013, 3, 1), "month"),
    ("(Source: “Rice up,” KCBS, March 4, 2013)",
     [], "Rice up", "Korean Central Broadcasting Station", dt.date(2013, 3, 4), "day"),
    ("(Source: “Rice up,” Hankyoreh 21, March 4, 2013)",
     [], "Rice up", "Hankyoreh 21", dt.date(2013, 3, 4), "day"),
    ("(Source: Huanqiu, 2013-03-04)",  # a known outlet, not an unquoted title
     [], None, "Global Times", dt.date(2013, 3, 4), "day"),
    ("(Source: KDI, “North Korean trade in 2012,” March 4, 2013)",
     [], "North Korean trade in 2012", "Korea Development Institute", dt.date(2013, 3, 4), "day"),
    ("(Source: IFES, “Kaesong output rises,” 2013-03-04)",
     [], "Kaesong output rises", "Institute for Far Eastern Studies", dt.date(2013, 3, 4), "day"),
    ("(Source: KINU, “Food outlook,” March 2013)",
     [], "Food outlook", "Korea Institute for National Unification", dt.date(2013, 3, 1),
     "month"),
    # a note on the language or format after the date is no title (source_notes)
    ("(Source: RFA Korean, 2013-03-04, in Korean)",
     [], None, "Radio Free Asia", dt.date(2013, 3, 4), "day"),
    ("(Source: Daily NK, Markets reopen in Hyesan, 2013-03-04, PDF)",
     [], "Markets reopen in Hyesan", "Daily NK", dt.date(2013, 3, 4), "day"),
    # an acknowledgement after the source's parenthesis is dropped
    ("(Source: Yonhap, “Kaesong wages rise,” 2013-03-04) (via NK News)",
     [], "Kaesong wages rise", "Yonhap News Agency", dt.date(2013, 3, 4), "day"),
    ("(Source: “Coal exports slump,” Daily NK, 2013-03-04) (h/t Marmot’s Hole)",
     [], "Coal exports slump", "Daily NK", dt.date(2013, 3, 4), "day"),
    # a Japanese title between 「」 or 『』 opening a line, with a date in kanji
    ("「北朝鮮のコメ価格が急騰」, Asahi Shimbun, 2013年3月4日",
     [], "北朝鮮のコメ価格が急騰", "Asahi Shimbun", dt.date(2013, 3, 4), "day"),
    ("『北朝鮮の市場経済』, 毎日新聞, 2013年3月4日",
     [], "北朝鮮の市場経済", "Mainichi Shimbun", dt.date(2013, 3, 4), "day"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "authors", "title", "outlet", "date", "precision"), ROUND3_LINES)
def test_round3_lines(
    line: str,
    authors: list[str],
    title: str | None,
    outlet: str,
    date: dt.date,
    precision: str,
) -> None:
    c = citegrab.parse_citation(line, post_date=dt.date(2013, 3, 12))
    assert c is not None, line
    assert [a.name for a in c.authors] == authors
    assert (c.title, c.outlet.name if c.outlet else None) == (title, outlet)
    assert (c.date, c.date_precision) == (date, precision)


ROUND3_POST = "Market notes\nTuesday, March 12th, 2013\n\nTraders in Hyesan said rice rose again.{tail}\n\n{own}\n\nMore on this soon.\n"


@pytest.mark.parametrize(
    ("tail", "own"),
    [
        # an acknowledgement names whom the item came through: no citation, on its own line or
        # closing the paragraph
        ("", "(via One Free Korea)"),
        ("", "(h/t The Marmot’s Hole)"),
        ("", "(hat tip: NK News)"),
        (" (via NK News)", ""),
        (" (h/t Marmot's Hole)", ""),
        # asides of the genre in parentheses
        (" (KPW 5,000)", ""),
        (" (about $40)", ""),
        (" (2010 est.)", ""),
        (" (UPDATED 3/4/2013)", ""),
        (" (pop. 2,100,000, 2008 census)", ""),
        (" (USD 1 = KPW 8,000, March 2013)", ""),
        (" (Seoul, March 4, 2013)", ""),
        (" (about 6,000 won, or $0.75, as of March 2013)", ""),
        (" (Kim Il-sung, 1912–1994)", ""),
        ("", "(1994–1998)"),
        ("", "(Photo: Yonhap, 3/4/2013)"),
        ("", "(UPDATED 3/4/2013)"),
    ],
)
def test_round3_non_citations_in_a_post(tail: str, own: str) -> None:
    doc = citegrab.extract(ROUND3_POST.format(tail=tail, own=own))
    assert not doc.citations


@pytest.mark.parametrize(
    ("own", "outlet", "title"),
    [
        (
            "「北朝鮮のコメ価格が急騰」, Asahi Shimbun, 2013年3月4日",
            "Asahi Shimbun",
            "北朝鮮のコメ価格が急騰",
        ),
        ("『北朝鮮の市場経済』, 毎日新聞, 2013年3月4日", "Mainichi Shimbun", "北朝鮮の市場経済"),
        ("「開城工業団地の賃金」(読売新聞, 2013.3.4)", "Yomiuri Shimbun", "開城工業団地の賃金"),
        ("「北朝鮮、コメ価格急騰」 Kyodo, March 4, 2013", "Kyodo News", "北朝鮮、コメ価格急騰"),
        ("(Via Daily NK, 3/4/2013)", "Daily NK", None),  # dated, "via" names the source
        ("(Source: “Rice up,” Yonhap, 2013-03-04) (via NK News)", "Yonhap News Agency", "Rice up"),
    ],
)
def test_round3_citation_lines_in_a_post(own: str, outlet: str, title: str | None) -> None:
    doc = citegrab.extract(ROUND3_POST.format(tail="", own=own))
    assert [(c.outlet.name if c.outlet else None, c.title) for c in doc.citations] == [
        (outlet, title)
    ]
    assert doc.citations[0].date == dt.date(2013, 3, 4)


@pytest.mark.parametrize(
    ("own", "outlet", "date"),
    [
        ("Mar. 4, 2013 yomiuri", "Yomiuri Shimbun", dt.date(2013, 3, 4)),  # a date-first sign-off
        ("2013-03-04 Daily NK", "Daily NK", dt.date(2013, 3, 4)),
        ("4 March 2013, Yonhap", "Yonhap News Agency", dt.date(2013, 3, 4)),
    ],
)
def test_a_date_then_an_outlet_alone_under_a_paragraph_is_its_source(
    own: str, outlet: str, date: dt.date
) -> None:
    doc = citegrab.extract(ROUND3_POST.format(tail="", own=own))
    assert [(c.outlet.name if c.outlet else None, c.date) for c in doc.citations] == [
        (outlet, date)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "March 4, 2013 was a quiet day",  # a date opening a sentence
        "Mar. 4, 2013 Hyesan market",  # no known outlet after it
    ],
)
def test_a_date_then_other_words_is_no_source(line: str) -> None:
    assert not citegrab.extract(ROUND3_POST.format(tail="", own=line)).citations


def test_an_acknowledgement_in_the_lead_in_names_no_source() -> None:
    """ "… a declaration (hat tip to NK News):": the quote is KCNA's, NK News only pointed to it."""
    doc = citegrab.extract(
        "Warning on the homepage\nTuesday, March 6, 2012\n\n"
        "The homepage of the KCNA carries a new declaration (hat tip to NK News):\n\n"
        "“Anyone who slanders the leadership will find no place to hide.”\n\n"
        "Consider yourself warned.\n"
    )
    quotes = [q for p in doc.posts for q in p.quotes]
    assert [q.attributed_to.name if q.attributed_to else None for q in quotes] == [
        "Korean Central News Agency"
    ]


def test_a_publisher_opening_a_series_number_is_the_outlet() -> None:
    c = citegrab.parse_citation(
        "(Source: “Traders test new rules,” KINU Online Series CO 13-08, March 2013)"
    )
    assert c is not None
    assert (c.outlet.name if c.outlet else None, c.number, c.title) == (
        "Korea Institute for National Unification",
        "Online Series CO 13-08",
        "Traders test new rules",
    )
    # a number alone keeps its words ("CRS Report RL31234" is no outlet "CRS" + "Report …")
    c = citegrab.parse_citation("(Source: “Outlook,” CRS Report RL31234, 2009)")
    assert c is not None and c.number == "CRS Report RL31234"


@pytest.mark.parametrize(
    ("tail", "outlet"),
    [
        (" (Yonhap, 2013.03.04)", "Yonhap News Agency"),  # a year-first date closing it
        (" (Chosun Ilbo, 2013-03-04)", "Chosun Ilbo"),
        (" (Daily NK, 20130304)", "Daily NK"),
    ],
)
def test_a_paragraph_closed_by_a_year_first_dated_source(tail: str, outlet: str) -> None:
    doc = citegrab.extract(ROUND3_POST.format(tail=tail, own=""))
    assert [(c.outlet.name if c.outlet else None, c.date) for c in doc.citations] == [
        (outlet, dt.date(2013, 3, 4))
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("(Source: “Aid questioned,” Washington Post, Page A18, 6/24/2007)", "Aid questioned"),
        ("(Source: Washington Post, p. A18, 6/24/2007)", None),  # the page is no title
        (
            "(Source: Peter Marsh, “Aid questioned,” Washington Post, pp. 4–5, 6/24/2007)",
            "Aid questioned",
        ),
    ],
)
def test_a_page_locator_is_no_field(line: str, title: str | None) -> None:
    c = citegrab.parse_citation(line, post_date=dt.date(2007, 6, 25))
    assert c is not None
    assert (c.title, c.outlet.name if c.outlet else None, c.date) == (
        title,
        "The Washington Post",
        dt.date(2007, 6, 24),
    )
    assert all(d.severity != "warning" for d in c.diagnostics if d.code == "leftover-text")


def test_an_outlet_with_its_page_heads_the_text() -> None:
    """ "Washington Post, Page A18" / name / date over the quoted text (2007 archives)."""
    doc = citegrab.extract(
        "Aid payments questioned\n\nMonday, June 25th, 2007\n\n"
        "Washington Post, Page A18\nPeter Marsh\n6/24/2007\n\n"
        "Over the past months, officials have criticised an agency for channelling currency.\n"
    )
    assert [
        (c.outlet.name if c.outlet else None, c.title, [a.name for a in c.authors], c.date)
        for c in doc.citations
    ] == [("The Washington Post", None, ["Peter Marsh"], dt.date(2007, 6, 24))]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        (
            "(Source: Stephan Haggard, “The Trade Numbers,” Witness to Transformation, PIIE, "
            "March 4, 2013)",
            "Peterson Institute for International Economics",
        ),
        (
            "(Source: “Grain output,” Economic Review, KDI, March 2013)",
            "Korea Development Institute",
        ),
        # an unknown name alone stays the outlet as written
        ("(Source: “Grain output,” Harbour Review, March 2013)", "Harbour Review"),
    ],
)
def test_an_unknown_name_before_a_known_publisher(line: str, outlet: str) -> None:
    c = citegrab.parse_citation(line)
    assert c is not None and c.outlet is not None and c.outlet.name == outlet


# fourth blind round: lines of 2005–2024 analyst blogs (invented), each field decided by hand
ROUND4_LINES = [
    # a page or paragraph locator closing the fields leaves a year or season before it readable
    (
        "(Source: Min Seo-yun, “Markets and the state,” Korea Focus, Vol. 16 No. 2 (Summer 2008),"
        " pp. 33-41)",
        ["Min Seo-yun"], "Markets and the state", "Korea Focus", dt.date(2008, 1, 1), "year",
        "Vol. 16 No. 2",
    ),
    # an author-date year after the names; a journal's volume and issue after its name
    (
        "(Source: Fenwick, Laura (2015) “Markets and famine,” Pacific Affairs Review 74(2), "
        "pp. 12–30)",
        ["Laura Fenwick"], "Markets and famine", "Pacific Affairs Review", dt.date(2015, 1, 1),
        "year", "74(2)",
    ),
    (
        "(Source: Oh Tae-min (2009) “The power of the jangmadang,” Asian Survey 49(3): 45–67)",
        ["Oh Tae-min"], "The power of the jangmadang", "Asian Survey", dt.date(2009, 1, 1), "year",
        "49(3)",
    ),
    # the published date wins over the update date before it
    (
        "(Source: “Jangmadang prices,” Daily NK, Updated: March 5, 2013 | Published: March 4, "
        "2013)",
        [], "Jangmadang prices", "Daily NK", dt.date(2013, 3, 4), "day", None,
    ),
    # a position in brackets after the name is no name
    (
        "(Source: Park Dong-hee (Editor-in-chief), “Why the markets survive,” Daily NK, "
        "2017-07-01)",
        ["Park Dong-hee"], "Why the markets survive", "Daily NK", dt.date(2017, 7, 1), "day", None,
    ),
    # a platform or a document kind after the source's name
    (
        "(Source: “Tractor plant footage,” Korean Central TV on YouTube, 2020-05-01)",
        [], "Tractor plant footage", "Korean Central Television", dt.date(2020, 5, 1), "day", None,
    ),
    (
        "(Source: Elena Marsh, “What the plenum said,” Hamgyong Ledger (Substack), June 2, 2023)",
        ["Elena Marsh"], "What the plenum said", "Hamgyong Ledger", dt.date(2023, 6, 2), "day",
        None,
    ),
    (
        "(Source: “Kaesong output,” Ministry of Unification press release, 2008-03-04)",
        [], "Kaesong output", "Ministry of Unification", dt.date(2008, 3, 4), "day", None,
    ),
    (
        "(Source: Ministry of Unification press release, “Kaesong output,” 2008-03-04)",
        [], "Kaesong output", "Ministry of Unification", dt.date(2008, 3, 4), "day", None,
    ),
    # a body named alone beside its document's number publishes it; the paragraph is a locator
    (
        "(Source: UN Panel of Experts, S/2019/171, para. 45, March 5, 2019)",
        [], None, "UN Panel of Experts", dt.date(2019, 3, 5), "day", "S/2019/171",
    ),
    # outlet spellings
    ("(Source: “Aid debate,” Segye Times, 2009-05-02)", [], "Aid debate", "Segye Ilbo",
     dt.date(2009, 5, 2), "day", None),
    ("(Source: “Aid debate,” KBS World Radio, 2009-05-02)", [], "Aid debate", "KBS",
     dt.date(2009, 5, 2), "day", None),
    ("(Source: “Aid debate,” Yonhap TV, 2013-05-02)", [], "Aid debate", "Yonhap News Agency",
     dt.date(2013, 5, 2), "day", None),
    # an acronym in brackets inside the name, before a qualifier
    ("(Source: “Missile launch,” Voice of America (VOA) Korean, 2017-09-05)", [],
     "Missile launch", "Voice of America", dt.date(2017, 9, 5), "day", None),
    # fields between bars, no quotation marks
    ("(Source: Colin Pearce | NK News | Jan. 3, 2019)", ["Colin Pearce"], None, "NK News",
     dt.date(2019, 1, 3), "day", None),
    ("(Source: Rice prices climb in Hyesan | Daily NK | 2014-02-03)", [],
     "Rice prices climb in Hyesan", "Daily NK", dt.date(2014, 2, 3), "day", None),
    # an outlet's correspondent named with the outlet, a place and the position before the name
    ("(Source: Sankei Shimbun's Seoul correspondent Ono Takeshi, “Title words,” 2013-03-04)",
     ["Ono Takeshi"], "Title words", "Sankei Shimbun", dt.date(2013, 3, 4), "day", None),
    # a position at an outlet after the name: the outlet
    ("(Source: Ha Ji-won, editor-in-chief of Daily NK, “Title words,” 2017-03-04)",
     ["Ha Ji-won"], "Title words", "Daily NK", dt.date(2017, 3, 4), "day", None),
    ("(Source: Ha Ji-won, a reporter at Yonhap, “Title words,” 2017-03-04)",
     ["Ha Ji-won"], "Title words", "Yonhap News Agency", dt.date(2017, 3, 4), "day", None),
    # a broadcast's slot is no title
    ("(Source: KCTV broadcast, 8 p.m. news, March 4, 2019)", [], None,
     "Korean Central Television", dt.date(2019, 3, 4), "day", None),
    ("(Source: KCBS, 20:00 main bulletin, March 4, 2019)", [], None,
     "Korean Central Broadcasting Station", dt.date(2019, 3, 4), "day", None),
    # a board or desk signs no article
    ("(Source: Editorial Board, “Title words,” Washington Post, 2017-03-04)", [],
     "Title words", "The Washington Post", dt.date(2017, 3, 4), "day", None),
    # a site's tagline after its name in the last field (a Press This source line)
    ("Source: Cranes return to the dock | 38 North: Informed Analysis of North Korea", [],
     "Cranes return to the dock", "38 North", None, None, None),
    # several writers each written bibliography style
    ("(Source: Lee, Jong-ho and Park, Min-su, “Trade with Dandong,” KIEP, 2014)",
     ["Lee Jong-ho", "Park Min-su"], "Trade with Dandong",
     "Korea Institute for International Economic Policy", dt.date(2014, 1, 1), "year", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "authors", "title", "outlet", "date", "precision", "number"), ROUND4_LINES
)
def test_round4_lines(
    line: str,
    authors: list[str],
    title: str | None,
    outlet: str,
    date: dt.date | None,
    precision: str | None,
    number: str | None,
) -> None:
    c = citegrab.parse_citation(line, post_date=date and date + dt.timedelta(days=300))
    assert c is not None
    got = (
        [a.name for a in c.authors],
        c.title,
        c.outlet.name if c.outlet else None,
        c.date,
        c.date_precision,
        c.number,
    )
    assert got == (authors, title, outlet, date, precision, number)


@pytest.mark.parametrize(
    "line",
    [
        "(see “Kaesong wages rise,” my post of March 4, 2013)",
        "(“Rice prices,” our earlier post, 2012-11-02)",
    ],
)
def test_the_bloggers_own_post_is_no_citation(line: str) -> None:
    assert citegrab.parse_citation(line, post_date=dt.date(2013, 3, 6)) is None


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Korean Central TV on YouTube", "Korean Central TV"),
        ("Ministry of Unification press release", "Ministry of Unification"),
        ("Hamgyong Ledger (Substack)", "Hamgyong Ledger"),
        ("Daily NK", "Daily NK"),
        ("on YouTube", "on YouTube"),  # nothing before the tail: kept
    ],
)
def test_untailed(text: str, bare: str) -> None:
    assert untailed(text) == bare


@pytest.mark.parametrize(
    ("line", "outlet", "title", "date", "number"),
    [
        # a journal article alone on its line: author-date year, volume(issue): pages
        (
            "Oh Tae-min (2009) “The power of the jangmadang,” Asian Survey 49(3): 45–67",
            "Asian Survey", "The power of the jangmadang", dt.date(2009, 1, 1), "49(3)",
        ),
        (
            "Min Seo-yun, “Markets and the state,” Korea Focus, Vol. 16 No. 2 (Summer 2008), "
            "pp. 33-41",
            "Korea Focus", "Markets and the state", dt.date(2008, 1, 1), "Vol. 16 No. 2",
        ),
        # a page locator is said as an info and does not make the line unreadable
        (
            "Peter Marsh, “Aid questioned,” Washington Post, p. A18, 6/24/2007",
            "The Washington Post", "Aid questioned", dt.date(2007, 6, 24), None,
        ),
    ],
)  # fmt: skip
def test_a_line_with_a_locator_or_a_journal_issue(
    line: str, outlet: str, title: str, date: dt.date, number: str | None
) -> None:
    c = citegrab.parse_citation(line, post_date=dt.date(2010, 4, 12))
    assert c is not None and c.form == "line"
    assert (c.outlet.name if c.outlet else None, c.title, c.date, c.number) == (
        outlet,
        title,
        date,
        number,
    )


def test_an_own_line_source_with_an_issue_number_closes_the_quote() -> None:
    doc = citegrab.extract(
        "Grain prices\n\nPosted on April 12, 2010 by Marta\n\n"
        "Good Friends reports another rise in the price of corn:\n\n"
        "In Hamhung, a kilogram of corn reached 450 won at the end of March. Workers have had "
        "no rations since the currency change.\n\n"
        "(Good Friends, North Korea Today No. 333, March 2010)\n"
    )
    assert [
        (
            c.outlet.name if c.outlet else None,
            c.number,
            c.date,
            c.date_precision,
            c.quote is not None,
        )
        for c in doc.citations
    ] == [("Good Friends", "North Korea Today No. 333", dt.date(2010, 3, 1), "month", True)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab (Substack)onYuTeprsl.@,")), max_size=60))
def test_untailed_never_grows_and_never_raises(text: str) -> None:
    bare = untailed(text)
    assert len(bare) <= len(text) and text.startswith(bare.rstrip(" ,")[:1] or "")


ROUND4_BLOCK = (
    "Shipping notes\n\nPosted on March 6, 2019 by Elena Marsh\n\nAccording to the wire:\n\n"
    "Three tankers switched off their transponders in the Yellow Sea last month, imagery "
    "shows.\n\n{block}\n"
)


@pytest.mark.parametrize(
    ("block", "outlet", "authors", "title", "date"),
    [
        # fields between bars: the update's date is no field, the published one is the date
        (
            "Source:\n“Tankers go dark near Nampo”\nNK News\nBy Colin Pearce\n"
            "Updated: March 5, 2019 | Published: March 4, 2019",
            "NK News", ["Colin Pearce"], "Tankers go dark near Nampo", dt.date(2019, 3, 4),
        ),
        # a document kind after a body's name on its field line
        (
            "Full article:\nTreasury designates shipping firms\n"
            "U.S. Department of the Treasury press release\nMarch 5, 2019",
            "U.S. Department of the Treasury", [], "Treasury designates shipping firms",
            dt.date(2019, 3, 5),
        ),
        # an outlet, its writer and a date on one line under the quote
        (
            "Hankyung, Lee Jae-won, 2019-03-01",
            "Korea Economic Daily", ["Lee Jae-won"], None, dt.date(2019, 3, 1),
        ),
    ],
)  # fmt: skip
def test_round4_blocks(
    block: str, outlet: str, authors: list[str], title: str | None, date: dt.date
) -> None:
    doc = citegrab.extract(ROUND4_BLOCK.format(block=block))
    assert [
        (c.outlet.name if c.outlet else None, [a.name for a in c.authors], c.title, c.date)
        for c in doc.citations
    ] == [(outlet, authors, title, date)]
    assert doc.citations[0].quote is not None


# -- an embedded post's sign-off: "— Name (@handle) Date" ----------------------------------------

TWEETS = [
    # line, expected (outlet, authors, date); None: no citation
    ("— Jenny Ahn (@jennyahn) November 19, 2023", ("Twitter", ["Jenny Ahn"], dt.date(2023, 11, 19))),
    ("— NK Watcher (@nkwatcher) March 4, 2019", ("Twitter", ["NK Watcher"], dt.date(2019, 3, 4))),
    ("-- Min Park (@minpark_nk) 4 March 2019", ("Twitter", ["Min Park"], dt.date(2019, 3, 4))),
    ("— Min Park (@minpark) said it twice", None),  # no date: a remark
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), TWEETS)
def test_an_embedded_tweets_sign_off(
    line: str, expected: tuple[str, list[str], dt.date] | None
) -> None:
    c = citegrab.parse_citation(line)
    got = c and (c.outlet.name if c.outlet else None, [a.name for a in c.authors], c.date)
    assert got == expected


# -- a dash-led sign-off with no title: "—Name, Outlet[, Date][, gloss]" -------------------------

SIGNOFFS = [
    # line, expected (outlet, authors, date, a gloss noted); None: no citation
    ("—Ann Holt, NYT", ("The New York Times", ["Ann Holt"], None, False)),
    ("-- Ben Ross and Cy Moon, AP", ("Associated Press", ["Ben Ross", "Cy Moon"], None, False)),
    ("— Ann Holt, Reuters, March 3, 2009", ("Reuters", ["Ann Holt"], dt.date(2009, 3, 3), False)),
    (
        "--Ann Holt, NYT, on the ministry's sudden taste for social media",
        ("The New York Times", ["Ann Holt"], None, True),
    ),
    ("— Dana Lim, Co-editor", None),  # a signature: no known outlet
    ("-- Ann Holt, AP, Pyongyang", None),  # more than a sign-off
    ("- 5 percent, Reuters", None),  # a list item, not a name
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), SIGNOFFS)
def test_a_dash_led_sign_off_names_writer_and_outlet(
    line: str, expected: tuple[str, list[str], dt.date | None, bool] | None
) -> None:
    c = citegrab.parse_citation(line)
    got = c and (
        c.outlet.name if c.outlet else None,
        [a.name for a in c.authors],
        c.date,
        any(d.code == "leftover-text" for d in c.diagnostics),
    )
    assert got == expected


def test_a_dash_led_sign_off_closes_the_quote_above() -> None:
    text = (
        "Who says the ministry is slow?\n\n"
        "The ministry, in a message on its new page, said the South \u201cwill answer\u201d for it.\n"
        "--Ann Holt, NYT, on the ministry's sudden taste for social media\n\n"
        "My own view follows.\n"
    )
    doc = citegrab.extract(text)
    [c] = doc.citations
    assert c.outlet is not None and c.outlet.name == "The New York Times"
    assert c.quote is not None and c.quote.first_line == c.quote.last_line == 3


ROUND5_LINES = [
    # line, authors, title, outlet (canonical), date, precision
    # the European press, dated in its own language
    ("(Source: « Pyongyang ouvre une zone franche », Le Monde, 12 mars 2013)", [],
     "Pyongyang ouvre une zone franche", "Le Monde", dt.date(2013, 3, 12), "day"),
    ("Jonas Weber, “Die Grenze bei Dandong,” Der Spiegel, 17. März 2016", ["Jonas Weber"],
     "Die Grenze bei Dandong", "Der Spiegel", dt.date(2016, 3, 17), "day"),
    ("Lucía Romero, “El carbón de Nampo,” El País, 21 de enero de 2018", ["Lucía Romero"],
     "El carbón de Nampo", "El País", dt.date(2018, 1, 21), "day"),
    ("(Source: “Handel mit China,” FAZ, 2. Mai 2014)", [], "Handel mit China",
     "Frankfurter Allgemeine Zeitung", dt.date(2014, 5, 2), "day"),
    ("(Source: “La pénurie d'essence,” Le Figaro, juillet 2011)", [], "La pénurie d'essence",
     "Le Figaro", dt.date(2011, 7, 1), "month"),
    ("(Source: Der Spiegel, 4. Juni 2015)", [], None, "Der Spiegel", dt.date(2015, 6, 4), "day"),
    # a translation of the outlet's name in square brackets is no part of it
    ("(Source: “Tractors for the co-ops,” Rodong Sinmun [Workers' Newspaper], 2011-05-04)", [],
     "Tractors for the co-ops", "Rodong Sinmun", dt.date(2011, 5, 4), "day"),
    # two wires joined by a bare hyphen: the first (a hyphen inside a name joins no two)
    ("(Source: AFP-Yonhap, “N. Korea fires missile,” May 4, 2019)", [], "N. Korea fires missile",
     "Agence France-Presse", dt.date(2019, 5, 4), "day"),
    ("(Source: “Aid talks,” Dong-A Ilbo, May 4, 2019)", [], "Aid talks", "Dong-A Ilbo",
     dt.date(2019, 5, 4), "day"),
    # an outlet's staff byline names the outlet, no person
    ("(Source: By UPI Staff | Jan. 03, 2018)", [], None, "United Press International",
     dt.date(2018, 1, 3), "day"),
    # a single-quoted title holding double quotes keeps them
    ("(Source: 'Party hails \"great victory\" in harvest,' KCNA, 2014-04-02)", [],
     'Party hails "great victory" in harvest', "Korean Central News Agency",
     dt.date(2014, 4, 2), "day"),
    # a DPRK document's Juche date with its Gregorian year, then month and day
    ("(Source: “Power plant finished,” KCNA, Juche 101 (2012).4.5)", [], "Power plant finished",
     "Korean Central News Agency", dt.date(2012, 4, 5), "day"),
    ("(Source: “발전소 완공,” 로동신문, 주체101(2012)년 4월 5일)", [], "발전소 완공",
     "Rodong Sinmun", dt.date(2012, 4, 5), "day"),
    # fields between spaced slashes, one a known outlet (else "A / B" lists writers)
    ("(Source: Kim Ji-hyun / Korea Herald / March 4, 2013)", ["Kim Ji-hyun"], None,
     "The Korea Herald", dt.date(2013, 3, 4), "day"),
    ("(Source: Mira Holloway / Ju-min Park, “Rice up,” Reuters, March 4, 2013)",
     ["Mira Holloway", "Ju-min Park"], "Rice up", "Reuters", dt.date(2013, 3, 4), "day"),
    # a writer with a known family name after the known outlet, or before it in the tail
    ("(Source: “Tariffs rise,” Korea Herald, March 4, 2013, Kim Ji-hyun)", ["Kim Ji-hyun"],
     "Tariffs rise", "The Korea Herald", dt.date(2013, 3, 4), "day"),
    ("(Source: “Tariffs rise,” Kim Ji-hyun, Korea Herald correspondent, March 4, 2013)",
     ["Kim Ji-hyun"], "Tariffs rise", "The Korea Herald", dt.date(2013, 3, 4), "day"),
    # a dateline's place beside the outlet in the author slot is no person
    ("(Source: Seoul (Yonhap), “Tariffs rise,” March 4, 2013)", [], "Tariffs rise",
     "Yonhap News Agency", dt.date(2013, 3, 4), "day"),
    # a date marked as the update's after the published one
    ("(Source: “Grain prices,” Daily NK, Sep. 3, 2012 / Sep. 4, 2012 (updated))", [],
     "Grain prices", "Daily NK", dt.date(2012, 9, 3), "day"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "authors", "title", "outlet", "date", "precision"), ROUND5_LINES)
def test_round5_lines(
    line: str,
    authors: list[str],
    title: str | None,
    outlet: str,
    date: dt.date,
    precision: str,
) -> None:
    c = citegrab.parse_citation(line, post_date=date + dt.timedelta(days=10))
    assert c is not None
    got = ([a.name for a in c.authors], c.title, c.outlet.name if c.outlet else None)
    assert got == (authors, title, outlet)
    assert (c.date, c.date_precision) == (date, precision)


@pytest.mark.parametrize(
    "line",
    [
        # the credit of a satellite picture or map the post shows, with or without "Source"
        "(Source: Google Earth, 2013)",
        "(Source: Google Earth, March 4, 2013)",
        "(Source: Planet Labs PBC, April 3, 2022)",
        "(Source: Maxar Technologies via 38 North, June 2020)",
        "(Image: Planet Labs, March 2021)",
        "(Imagery: Maxar Technologies, June 4, 2020)",
        "(Satellite photo: Airbus, 2019)",
        # a photo or a screen capture named in a Source's first field
        "(Source: Yonhap photo, March 4, 2022)",
        "(Source: AFP/Getty Images, March 4, 2022)",
        "(Source: screenshot of KCTV, March 4, 2022)",
        # an acknowledgement, dated or not
        "(h/t NK News, March 4, 2019)",
        "(hat tip: Marmot's Hole)",
    ],
)
def test_round5_non_citations(line: str) -> None:
    assert citegrab.parse_citation(line, post_date=dt.date(2022, 4, 10)) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        # a provider's name as a word of another name, or a quoted title: a citation
        ("(Source: Planetary Society, “Pyongyang at night,” 2013)", "Planetary Society"),
        ("(Source: “Sohae update,” 38 North, imagery by Maxar, June 2020)", "38 North"),
        ("(Source: “Photos show new market,” Daily NK, 2013-03-04)", "Daily NK"),
        ("(Source: Daily NK, Photos show new market, 2013-03-04)", "Daily NK"),
        ("(Source: KCTV video, March 4, 2013)", "Korean Central Television"),
    ],
)
def test_an_imagery_provider_with_a_title_or_inside_a_name_still_cites(
    line: str, outlet: str
) -> None:
    c = citegrab.parse_citation(line, post_date=dt.date(2022, 4, 10))
    assert c is not None and c.outlet is not None and c.outlet.name == outlet


@pytest.mark.parametrize(
    ("closing", "outlet", "date"),
    [
        ("(Yonhap, 2022년 7월 8일)", "Yonhap News Agency", dt.date(2022, 7, 8)),
        ("(Le Monde, 12 mars 2013)", "Le Monde", dt.date(2013, 3, 12)),
        ("(Reuters/Yonhap, March 4, 2009)", "Reuters", dt.date(2009, 3, 4)),
        ("(Der Spiegel, 4. März 2022)", "Der Spiegel", dt.date(2022, 3, 4)),
        ("(El País, 4 de marzo de 2022)", "El País", dt.date(2022, 3, 4)),
        ("(연합뉴스, 2022.03.04)", "Yonhap News Agency", dt.date(2022, 3, 4)),
        (
            "(Rodong Sinmun [Workers' Newspaper], March 4, 2022)",
            "Rodong Sinmun",
            dt.date(2022, 3, 4),
        ),
        ("(KCNA, Juche 111 (2022).3.4)", "Korean Central News Agency", dt.date(2022, 3, 4)),
        ("(AFP-Yonhap, March 4, 2022)", "Agence France-Presse", dt.date(2022, 3, 4)),
    ],
)
def test_round5_own_line_sources_in_a_post(closing: str, outlet: str, date: dt.date) -> None:
    text = (
        "Probe post\n\nJuly 10, 2022\n\nAccording to the report:\n\nOfficials at the border said "
        "on Monday that trade had slowed again over the past two weeks, and traders agreed.\n\n"
        + closing
        + "\n"
    )
    [c] = [c for c in citegrab.extract(text).citations if c.line == 9]
    assert (c.outlet.name if c.outlet else None, c.date) == (outlet, date)


@pytest.mark.parametrize(
    ("line", "outlet", "match", "authors"),
    [
        # an unlisted name ending in a paper's head word is the outlet, kept as written
        ("(Source: Harbour Gazette, March 4, 2013)", "Harbour Gazette", "unknown", []),
        ("Source: Pacific Daily, December 11, 2012", "Pacific Daily", "unknown", []),
        # … a credit whose name was a link the archive dropped ("reprinted by") is left out
        ("Source: Harbour Gazette reprinted by, December 11, 2012", "Harbour Gazette", "unknown", []),
        ("Source: Nanfang Daily reprinted by, December 11, 2012", "Nanfang Daily", "exact", []),
        # a person's name beside a date stays an author
        ("(Source: Norimitsu Onishi, March 30, 2008)", None, None, ["Norimitsu Onishi"]),
    ],
)  # fmt: skip
def test_an_unlisted_paper_beside_a_date_is_the_outlet(
    line: str, outlet: str | None, match: str | None, authors: list[str]
) -> None:
    c = citegrab.parse_citation(line)
    assert c is not None
    got = (c.outlet.name, c.outlet.match) if c.outlet else (None, None)
    assert got == (outlet, match) and [a.name for a in c.authors] == authors


# -- round 7: translated items, nested quotes, old wire bylines, unlisted papers ----------------

ROUND7_LINES = [
    # line, outlet (name, match), authors, title, date
    # a translator's credit closing the citation is no field of it (and no author)
    ("“Sinuiju market expanded,” Liaoning Daily, March 4, 2008 [translation by Martin Hale]",
     ("Liaoning Daily", "unknown"), [], "Sinuiju market expanded", dt.date(2008, 3, 4)),
    ("“Border fair opens,” Global Times, March 5, 2012, translated from the Chinese by Owen Pike",
     ("Global Times", "exact"), [], "Border fair opens", dt.date(2012, 3, 5)),
    ("(Source: “Border fair opens,” Xinhua, March 5, 2012 — translation: Sino-NK)",
     ("Xinhua", "exact"), [], "Border fair opens", dt.date(2012, 3, 5)),
    # ... a title holding the word stays whole
    ("“The translation by committee,” Yonhap, March 4, 2008",
     ("Yonhap News Agency", "alias"), [], "The translation by committee", dt.date(2008, 3, 4)),
    # the original of a translated item under a CJK label, full-width commas between fields
    ("原文：《新义州市场扩建》，辽宁日报，2008年3月4日",
     ("辽宁日报", "unknown"), [], "新义州市场扩建", dt.date(2008, 3, 4)),
    ("원문: 「장마당 확대」, 동아일보, 2011년 5월 5일",
     ("Dong-A Ilbo", "alias"), [], "장마당 확대", dt.date(2011, 5, 5)),
    # ... a full-width comma inside the title's own marks is the title's
    ("《朝鲜开放新口岸，中方欢迎》，环球时报，2008年3月4日",
     ("Global Times", "alias"), [], "朝鲜开放新口岸，中方欢迎", dt.date(2008, 3, 4)),
    # an unlisted paper named by its head word makes a bare line a citation
    ("Mira Holt, “Rail link planned,” Tumen River Herald, 2010-06-02",
     ("Tumen River Herald", "unknown"), ["Mira Holt"], "Rail link planned", dt.date(2010, 6, 2)),
    # a quotation inside the title keeps its closing mark
    ("(Source: “Kim: “Build more greenhouses”,” Rodong Sinmun, Jan. 5, 2009)",
     ("Rodong Sinmun", "exact"), [], "Kim: “Build more greenhouses”", dt.date(2009, 1, 5)),
    # a quoted phrase inside an unquoted title: lower-case words after it, or a possessive
    # before it, belong to the title, which keeps the phrase's marks
    ("(Source: “150-day battle” begins, KCNA, 2009-04-21)",
     ("Korean Central News Agency", "alias"), [], "“150-day battle” begins", dt.date(2009, 4, 21)),
    ("(Source: Kim Jong-il’s “on-the-spot guidance” at Ryongsong, KCNA, 2009-04-21)",
     ("Korean Central News Agency", "alias"), [],
     "Kim Jong-il’s “on-the-spot guidance” at Ryongsong", dt.date(2009, 4, 21)),
    ("(Source: N. Korea’s “Arduous March”, Daily NK, 2009-04-21)",
     ("Daily NK", "exact"), [], "N. Korea’s “Arduous March”", dt.date(2009, 4, 21)),
    # ... not a byline or a name before the title
    ("(Source: “Markets reopen” by Jeongmin Kim in NK News, 2019-04-21)",
     ("NK News", "exact"), ["Jeongmin Kim"], "Markets reopen", dt.date(2019, 4, 21)),
    ("(Source: Kim Min-ho “Markets reopen,” NK News, 2019-04-21)",
     ("NK News", "exact"), ["Kim Min-ho"], "Markets reopen", dt.date(2019, 4, 21)),
    # the writer in brackets after the known outlet's name
    ("(Source: “Fertiliser,” Yonhap (Sam Park), 2010-01-05)",
     ("Yonhap News Agency", "alias"), ["Sam Park"], "Fertiliser", dt.date(2010, 1, 5)),
    ("(Source: “Fertiliser,” Yonhap (Seoul), 2010-01-05)",  # a place is no writer
     ("Yonhap News Agency", "alias"), [], "Fertiliser", dt.date(2010, 1, 5)),
    # the old wire byline: the name, then the outlet and its role with no comma between
    ("(Source: “North warns South,” by JAE-MIN PARK Associated Press Writer, Jan. 5, 2009)",
     ("Associated Press", "alias"), ["JAE-MIN PARK"], "North warns South", dt.date(2009, 1, 5)),
]  # fmt: skip


@pytest.mark.parametrize(("line", "outlet", "authors", "title", "date"), ROUND7_LINES)
def test_round7_lines(
    line: str, outlet: tuple[str, str], authors: list[str], title: str, date: dt.date
) -> None:
    c = citegrab.parse_citation(line, post_date="2012-06-01")
    assert c is not None and c.outlet is not None
    assert (c.outlet.name, c.outlet.match) == outlet
    assert ([a.name for a in c.authors], c.title, c.date) == (authors, title, date)


@pytest.mark.parametrize(
    "line",
    [
        "(Translated by Owen Pike)",  # a credit alone cites nothing
        "Kim said: “We will win,” 2008",  # a quotation, not a labelled source
        "他说：“我们会赢，”2008",  # the same with a CJK speaker and a full-width colon
        "“We will win,” Kim Daily said, 2008",  # no paper's name: words after the head word
        "“Rice prices rise” says Yonhap, 2009-04-21",  # a quotation and who said it
    ],
)
def test_round7_non_citations(line: str) -> None:
    assert citegrab.parse_citation(line) is None


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=3000))
def test_the_translator_credit_stays_linear_on_hostile_input(n: int) -> None:
    """Long runs of credit words, separators, brackets and words around a quoted phrase end in
    no traceback."""
    for text in (
        "“T,” Yonhap, 2008" + " translation by" * n,
        "“T,” Yonhap, 2008, [" * n + "translated by X",
        "原文：" * n + "《T》，辽宁日报",
        "(Source: " + "Kim’s " * n + "“T” at" + " x" * n + ", KCNA, 2009-04-21)",
        "(Source: “T” " + "a" * n + ", KCNA, 2009-04-21)",
    ):
        citegrab.parse_citation(text)


ROUND7_FIELD_LINES = [
    # a translator's credit on a line of its own carries no field
    ("Translated by Owen Pike", [("skip", None)]),
    ("[translation by Owen Pike]", [("skip", None)]),
    ("Translation of the KCNA statement", [("text", "Translation of the KCNA statement")]),
    # a byline naming the writer and the outlet signing it
    ("By Ishida Kenji / Kyodo", [("author", "Ishida Kenji"), ("outlet", "Kyodo News")]),
    ("By UPI Staff", [("outlet", "United Press International")]),
    # an outlet and a date, a slash between them or a weekday in brackets after the date
    ("Yonhap News Agency / May 5, 2011",
     [("outlet", "Yonhap News Agency"), ("date", dt.date(2011, 5, 5))]),
    ("The Asahi Shimbun, May 4, 2011 (Wednesday)",
     [("outlet", "Asahi Shimbun"), ("date", dt.date(2011, 5, 4))]),
    ("Daily NK, 2011.5.5(목)", [("outlet", "Daily NK"), ("date", dt.date(2011, 5, 5))]),
    ("May 5, 2011 (Thursday)", [("date", dt.date(2011, 5, 5))]),
    # an outlet, a position and the writer with no comma
    ("Korea Herald correspondent Kim Ji-hyun",
     [("outlet", "The Korea Herald"), ("author", "Kim Ji-hyun")]),
    ("Kim Jong Un visits the Yonhap reporter training centre",
     [("text", "Kim Jong Un visits the Yonhap reporter training centre")]),  # a headline
    # dates by era
    ("平成23年5月5日", [("date", dt.date(2011, 5, 5))]),
    ("朝日新聞 2011年5月5日", [("outlet", "Asahi Shimbun"), ("date", dt.date(2011, 5, 5))]),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), ROUND7_FIELD_LINES)
def test_round7_field_lines(line: str, expected: list[tuple[str, object]]) -> None:
    from citegrab._citations import CitationGrammar
    from citegrab._outlets import default_registry

    got = CitationGrammar(default_registry()).classify(line, dt.date(2011, 5, 7))
    named = [
        (k, v if isinstance(v, str) or v is None else getattr(v, "name", None) or v.value)
        for k, v in got
    ]
    assert named == expected


# round 8: (raw, authors, title, outlet, outlet match, date) -- invented lines
ROUND8_LINES = [
    # a dash-led sign-off naming a known outlet of several words and its date, nothing else
    ("— Asahi Shimbun, Sept. 9, 2016", [], None, "Asahi Shimbun", "exact", dt.date(2016, 9, 9)),
    ("– Chosun Ilbo, 4 March 2012", [], None, "Chosun Ilbo", "exact", dt.date(2012, 3, 4)),
    # a misspelt known outlet (within the registry's edit budget) takes the outlet slot, not the
    # author slot, when no outlet is spelt right
    ("Source: Chosun Ilob, “Border trade slows,” May 3, 2011",
     [], "Border trade slows", "Chosun Ilbo", "fuzzy", dt.date(2011, 5, 3)),
    ("(Source: Korea Heral, 3/5/2011)", [], None, "The Korea Herald", "fuzzy", dt.date(2011, 3, 5)),
    # a person's name stays the author
    ("Source: Park Eun-ji, “Border trade slows,” May 3, 2011",
     ["Park Eun-ji"], "Border trade slows", None, None, dt.date(2011, 5, 3)),
    # a title in emphasis marks (Markdown or a lost italic) is a quoted title
    ("Ruth Okafor, *Ferries return to Nampo*, Daily NK, 5/4/2011",
     ["Ruth Okafor"], "Ferries return to Nampo", "Daily NK", "exact", dt.date(2011, 5, 4)),
    ("Ruth Okafor, _Ferries return to Nampo_, Asia Times Online, May 4, 2011",
     ["Ruth Okafor"], "Ferries return to Nampo", "Asia Times", "alias", dt.date(2011, 5, 4)),
    # a field relaying the source through another outlet is a note, never the title
    ("Source: Korean Central Broadcasting Station, relayed by KCNA, 5/4/2011",
     [], None, "Korean Central Broadcasting Station", "exact", dt.date(2011, 5, 4)),
    # an outlet alone before a semicolon is the outlet of the part after it
    ("(Source: NK News; Ruth Okafor, *Ferries return to Nampo*, 4 May 2011)",
     ["Ruth Okafor"], "Ferries return to Nampo", "NK News", "exact", dt.date(2011, 5, 4)),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "authors", "title", "outlet", "match", "date"), ROUND8_LINES)
def test_round8_lines(  # type: ignore[no-untyped-def]
    raw, authors, title, outlet, match, date
) -> None:
    c = citegrab.parse_citation(raw, post_date=dt.date(2011, 6, 1))
    assert c is not None, raw
    assert [a.name for a in c.authors] == authors
    assert c.title == title
    assert (c.outlet.name if c.outlet else None) == outlet
    assert (c.outlet.match if c.outlet else None) == match
    assert c.date == date


def test_a_dash_signoff_needs_a_date_after_the_outlet() -> None:
    assert citegrab.parse_citation("— Asahi Shimbun, Tokyo bureau") is None


@pytest.mark.parametrize(
    ("line", "outlets", "date"),
    [
        # a date closing a list of known outlets is every source's
        ("Sources: NHK, Kyodo (March 9, 2011)", ["NHK", "Kyodo News"], dt.date(2011, 3, 9)),
        (
            "(Sources: Daily NK, RFA, 9/3/2011)",
            ["Daily NK", "Radio Free Asia"],
            dt.date(2011, 3, 9),
        ),
        ("Sources: KCTV, Yonhap.", ["Korean Central Television", "Yonhap News Agency"], None),
    ],
)
def test_a_dated_list_of_known_outlets(line: str, outlets: list[str], date: dt.date | None) -> None:
    parsed = citegrab.Extractor().grammar.parse_line(line, dt.date(2011, 3, 10))
    assert parsed is not None
    assert [s.outlet.name if s.outlet else None for s in parsed.sources] == outlets
    assert all(s.title is None and not s.authors for s in parsed.sources)
    assert {s.date_value for s in parsed.sources} == {date}


# round 8, more shapes: (raw, authors, title, outlet, date) -- invented lines
ROUND8_MORE = [
    # a bracket holding a known outlet and a dated year, nothing else: the source
    ("(Asahi Shimbun, September 9, 2016)", [], None, "Asahi Shimbun", dt.date(2016, 9, 9)),
    ("[Minju Joson, 9 Sep 2016]", [], None, "Minju Joson", dt.date(2016, 9, 9)),
    ("(Chosun Ilbo, 9/9/2016; translation mine)", [], None, "Chosun Ilbo", dt.date(2016, 9, 9)),
    # the blogger's acknowledgement closing the fields is whom it came through
    ("(Chosun Ilbo, September 9, 2016 -- via Marmot's Hole)",
     [], None, "Chosun Ilbo", dt.date(2016, 9, 9)),
    # the writer in brackets after the outlet, before the title
    ("NHK (by Aiko Tanabe), “Ferry service resumes,” 9/9/2016",
     ["Aiko Tanabe"], "Ferry service resumes", "NHK", dt.date(2016, 9, 9)),
    # labelled fields between bars; a link's label among them is no title
    ("Date: 2016-09-09 | Source: Rodong Sinmun | Read the original here",
     [], None, "Rodong Sinmun", dt.date(2016, 9, 9)),
    ("Source: KCNA Watch | Read more", [], None, "KCNA Watch", None),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "authors", "title", "outlet", "date"), ROUND8_MORE)
def test_round8_more_lines(raw, authors, title, outlet, date) -> None:  # type: ignore[no-untyped-def]
    c = citegrab.parse_citation(raw, post_date=dt.date(2016, 9, 10))
    assert c is not None, raw
    assert [a.name for a in c.authors] == authors
    assert c.title == title
    assert (c.outlet.name if c.outlet else None) == outlet
    assert c.date == date


@pytest.mark.parametrize(
    "raw",
    [
        "(Yonhap, 2012)",  # a year alone: a picture's credit as often as a source
        "(Yonhap, March 4)",  # no year
        "(Kim Jong-un, March 4, 2012)",  # no outlet
        "(Courtesy: NHK, 2016-09-09)",  # another label than a source's
        "(Asahi Shimbun, September 9, 2016) Later that day the ferry left.",
    ],
)
def test_round8_brackets_that_are_no_source(raw: str) -> None:
    assert citegrab.parse_citation(raw) is None


def test_writer_outlet_pairs_are_one_source_each() -> None:
    line = "[Source: Aiko Tanabe, NHK, Ruth Okafor, Daily NK, Agencies, September 9, 2016]"
    parsed = citegrab.Extractor().grammar.parse_line(line, None)
    assert parsed is not None
    got = [
        (s.outlet.name if s.outlet else None, [a.name for a in s.authors]) for s in parsed.sources
    ]
    assert got == [("NHK", ["Aiko Tanabe"]), ("Daily NK", ["Ruth Okafor"])]
    assert {s.date_value for s in parsed.sources} == {dt.date(2016, 9, 9)}


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        # the writer in brackets after a known outlet, on a field line of its own
        ("Kyodo News (Park Min-jun)", [("outlet", "Kyodo News"), ("author", "Park Min-jun")]),
        ("NHK (by Aiko Tanabe)", [("outlet", "NHK"), ("author", "Aiko Tanabe")]),
        ("NHK (Tokyo)", [("outlet", "NHK")]),  # a place: no writer
        # an outlet glossed by its own name keeps its brackets
        ("VOA (Voice of America Korean)", [("outlet", "Voice of America")]),
    ],
)
def test_round8_outlet_field_lines(field: str, expected: list[tuple[str, str]]) -> None:
    got = citegrab.Extractor().grammar.classify(field, None)
    assert [(k, v if isinstance(v, str) else v.name) for k, v in got] == expected
