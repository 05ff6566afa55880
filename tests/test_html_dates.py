"""Post dates from wherever the input states them, and `Post.date_source` saying where.

Order for HTML: the post's `<time datetime>`, its date line, then (single-post pages) standard
`<meta>`, JSON-LD `datePublished`, a `/YYYY/MM/DD/` permalink; JSONL's own "date" field; the
text path's date lines.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab._inputs._html import html_to_text
from citegrab._inputs._readers import Source, read

BODY = (
    "<p>According to Yonhap:</p><blockquote><p>Trucks lined up at the customs post.</p>"
    "</blockquote><p>(Source: “Border trade picks up,” Yonhap, 3/12/2008.)</p>"
)


def single(head: str = "", article_top: str = "", body_attrs: str = "") -> str:
    """A WordPress single-post page whose only dates are the ones given."""
    return (
        f"<html><head><title>Border trade | NK Notes</title>{head}</head><body{body_attrs}>"
        "<nav><a href='/2001/01/01/x/'>Home</a></nav><article class='post hentry'>"
        f"<h1 class='entry-title'>Border trade picks up</h1>{article_top}"
        f"<div class='entry-content'>{BODY}</div></article>"
        "<aside class='widget-area'><p>Recent posts</p></aside></body></html>"
    )


def post_of(html: str, url: str | None = None) -> citegrab.Post:
    text, hints = html_to_text(html, url)
    doc = citegrab.Extractor().extract(text, hints=hints)
    assert len(doc.posts) == 1
    assert [c.title for c in doc.citations] == ["Border trade picks up"]
    return doc.posts[0]


LD_GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "NK Notes"},
        {"@type": "WebPage", "datePublished": "2008-03-20T00:00:00+00:00"},
        {"@type": ["Article", "BlogPosting"], "datePublished": "2008-03-14T08:00:00+09:00"},
    ],
}
CASES = [
    # (page, url, expected date, expected source)
    (single(article_top="<time datetime='2008-03-14T09:00:00+00:00'></time>"), None,
     "2008-03-14", "time-element"),
    (single(article_top="<time class='entry-date published' datetime='2008-03-14'>3/14/2008"
            "</time><time class='updated' datetime='2009-01-01'>1/1/2009</time>"), None,
     "2008-03-14", "time-element"),
    (single(article_top="<span class='posted-on'>March 14, 2008</span>"), None,
     "2008-03-14", "date-line"),
    (single("<meta property='article:published_time' content='2008-03-14T09:00:00+00:00'>"),
     None, "2008-03-14", "meta"),
    (single("<meta name='DC.Date' content='2008-03-14'>"), None, "2008-03-14", "meta"),
    (single("<meta itemprop='datePublished' content='2008-03-14'>"), None, "2008-03-14", "meta"),
    (single(article_top="<span itemprop='datePublished' content='2008-03-14'></span>"), None,
     "2008-03-14", "meta"),
    (single("<meta name='dcterms.modified' content='2011-01-01'>"
            "<meta property='article:published_time' content='2008-03-14'>"
            "<meta name='date' content='2010-05-05'>"), None, "2008-03-14", "meta"),
    (single("<script type='application/ld+json'>"
            '{"@type": "BlogPosting", "datePublished": "2008-03-14"}</script>'), None,
     "2008-03-14", "json-ld"),
    (single(f"<script type='application/ld+json'>{json.dumps(LD_GRAPH)}</script>"), None,
     "2008-03-14", "json-ld"),
    (single("<script type='application/ld+json'>{broken</script>"
            "<link rel='canonical' href='https://nk.example/2008/03/14/border-trade/'>"), None,
     "2008-03-14", "url"),
    (single("<meta property='og:url' content='https://nk.example/2008/3/14/border-trade'>"),
     None, "2008-03-14", "url"),
    (single(), "https://nk.example/2008/03/14/border-trade/", "2008-03-14", "url"),
    (single(), "https://nk.example/2008/03/", None, None),  # a month archive dates no post
    (single(), "https://nk.example/2008/02/31/x/", None, None),  # no such day
    (single("<meta property='article:published_time' content='March 2008'>"), None, None, None),
    # the post's own date outranks the page's metadata
    (single("<meta property='article:published_time' content='2010-01-01'>",
            "<time datetime='2008-03-14'>March 14, 2008</time>"), None, "2008-03-14",
     "time-element"),
    (single("<meta property='article:published_time' content='2010-01-01'>",
            "<span class='posted-on'>March 14, 2008</span>"), None, "2008-03-14", "date-line"),
    (single("<link rel='canonical' href='https://nk.example/2010/01/01/x/'>",
            "<span class='posted-on'>March 14, 2008</span>"), None, "2008-03-14", "date-line"),
]  # fmt: skip


@pytest.mark.parametrize(("html", "url", "date", "source"), CASES)
def test_post_date_and_its_source(
    html: str, url: str | None, date: str | None, source: str | None
) -> None:
    post = post_of(html, url)
    assert (str(post.date) if post.date else None, post.date_source) == (date, source)


def test_page_metadata_does_not_date_the_posts_of_an_archive_page() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2010-01-01'></head><body>"
        + "".join(
            f"<article><h2 class='entry-title'>Post {i}</h2><div class='entry-content'>{BODY}"
            "</div></article>"
            for i in range(2)
        )
        + "</body></html>"
    )
    text, hints = html_to_text(html, "https://nk.example/2010/01/01/x/")
    doc = citegrab.Extractor().extract(text, hints=hints)
    assert [(p.date, p.date_source) for p in doc.posts] == [(None, None), (None, None)]


def test_a_page_without_articles_takes_the_page_date() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2008-03-14'></head>"
        f"<body><main>{BODY}</main></body></html>"
    )
    text, hints = html_to_text(html)
    doc = citegrab.Extractor().extract(text, hints=hints)
    assert [(str(p.date), p.date_source) for p in doc.posts] == [("2008-03-14", "meta")]


def test_text_date_lines_say_so() -> None:
    doc = citegrab.extract("Border trade picks up\n\nMarch 14, 2008\n\n" + "Trucks lined up.\n")
    assert [(str(p.date), p.date_source) for p in doc.posts] == [("2008-03-14", "date-line")]
    undated = citegrab.extract("Trucks lined up.\n\n(Source: “T,” Yonhap, 3/12/2008.)\n")
    assert [(p.date, p.date_source) for p in undated.posts] == [(None, None)]


def _extract(src: Source) -> citegrab.Document:
    return citegrab.Extractor().extract_source(src)  # (an HTML page is rendered here)


def test_jsonl_record_date_then_url(tmp_path: Path) -> None:
    rows = [
        {"url": "https://nk.example/2008/03/14/a/", "date": "2008-03-15", "text": "Text.\n"},
        {"url": "https://nk.example/2008/03/14/b/", "text": "Text.\n"},
        {"url": "https://nk.example/2008/03/14/c/", "html": single()},
        {"url": "https://nk.example/x", "date": "2008-03-16", "html": single()},
        {"date": "2008-03-17", "html": single(article_top="<time datetime='2008-03-14'></time>")},
    ]
    p = tmp_path / "dump.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = [
        (str(d.posts[0].date), d.posts[0].date_source)
        for d in (_extract(s) for s in read([p]) if isinstance(s, Source))
    ]
    assert got == [
        ("2008-03-15", "record"),
        ("2008-03-14", "url"),
        ("2008-03-14", "url"),
        ("2008-03-16", "record"),  # the record's date outranks a permalink …
        ("2008-03-14", "time-element"),  # … but not the page's own <time>
    ]


def test_warc_target_uri_dates_a_single_post(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://nk.example/2008/03/14/border-trade/",
                "response",
                payload=io.BytesIO(single().encode()),
                http_headers=headers,
            )
        )
    (doc,) = citegrab.iter_documents(warc)
    assert (str(doc.posts[0].date), doc.posts[0].date_source) == ("2008-03-14", "url")


JSON_PARTS = ['{"@graph": [', "{", "}", "]", '"datePublished": ', '"2008-03-14"', "[", ",", '"@type": "Article"', "null", "1e999"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(JSON_PARTS) | st.text(max_size=8), max_size=30),
    st.text(max_size=40),
    st.text(max_size=20),
)
def test_metadata_never_breaks_reading(ld: list[str], meta: str, url: str) -> None:
    head = (
        f"<script type='application/ld+json'>{''.join(ld)}</script>"
        f"<meta property='article:published_time' content='{meta}'>"
        f"<link rel='canonical' href='{url}'>"
    )
    text, hints = html_to_text(single(head), url)
    doc = citegrab.Extractor().extract(text, hints=hints)
    assert doc.posts[0].date_source in (None, "meta", "json-ld", "url")


LAYOUTS_HTML = Path(__file__).parent / "data" / "layouts-html"
SOURCE_NAMES = {  # expected.json's wording -> Post.date_source
    "time-datetime": "time-element",
    "article:published_time": "meta",
    "json-ld datePublished": "json-ld",
    "canonical-url": "url",
}
PAGES = json.loads((LAYOUTS_HTML / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_wordpress_pages_dated_only_in_metadata(name: str) -> None:
    want = PAGES[name]
    doc = citegrab.extract_file(LAYOUTS_HTML / name)
    assert [p.title for p in doc.posts] == [want["title"]]
    post = doc.posts[0]
    assert str(post.date) == want["post_date"]
    assert post.date_source == SOURCE_NAMES[want["post_date_source"]]
    for trap in ("Share", "Comments are closed.", "April 2015"):
        assert trap not in doc.text.splitlines()


@pytest.mark.parametrize(
    ("date", "want"),
    [("2008-03-14", "2008-03-14"), ("2008-03-14T23:30:00-05:00", "2008-03-14"),
     ("March 14, 2008", "2008-03-14"), ("not a date", None)],
)  # fmt: skip
def test_jsonl_dates_as_written(date: str, want: str | None, tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"date": date, "text": "Kim met officials.\n"}) + "\n", "utf-8")
    (src,) = read([p])
    assert isinstance(src, Source)
    post = _extract(src).posts[0]
    assert (str(post.date) if post.date else None) == want
    assert post.date_source == ("record" if want else None)


@pytest.mark.parametrize(
    ("shown", "machine", "date", "raw"),
    [("March 14, 2008", "2008-03-14", "2008-03-14", "March 14, 2008"),  # agree: raw as shown
     ("March 4, 2008", "2008-03-05", "2008-03-05", "2008-03-05"),  # disagree: the markup wins
     ("yesterday", "2008-03-14", "2008-03-14", "2008-03-14")],
)  # fmt: skip
def test_time_element_value_and_the_date_as_shown(
    shown: str, machine: str, date: str, raw: str
) -> None:
    post = post_of(single(article_top=f"<time datetime='{machine}'>{shown}</time>"))
    assert (str(post.date), post.date_raw, post.date_source) == (date, raw, "time-element")


# -- Blogger: the day's heading above the post element, hAtom <abbr class="published"> ---------

_BLOGGER_DAY = (
    '<div class="date-outer"><h2 class="date-header"><span>{day}</span></h2>'
    '<div class="date-posts"><div class="post-outer"><div class="post hentry">'
    '<h3 class="post-title entry-title"><a href="#">{title}</a></h3>'
    '<div class="post-body entry-content"><p>According to Yonhap:</p>'
    "<blockquote>The ferry between the two ports stopped on Monday, officials said.</blockquote>"
    "<p>(Source: “{title},” Yonhap, 3/3/2008.)</p></div>"
    '<div class="post-footer"><span class="post-author vcard">Posted by '
    '<span class="fn">Mina</span></span> at <abbr class="published" title="{iso}">9:10 AM</abbr>'
    "</div></div></div></div></div>"
)


def test_blogger_day_headings_date_their_posts() -> None:
    days = [
        ("Tuesday, March 04, 2008", "Ferry stops", "2008-03-04T09:10:00-05:00"),
        ("Monday, March 03, 2008", "Port closes", "2008-03-03T09:10:00-05:00"),
    ]
    page = (
        '<html><body><div class="blog-posts hfeed">'
        + "".join(_BLOGGER_DAY.format(day=d, title=t, iso=i) for d, t, i in days)
        + "</div></body></html>"
    )
    text, hints = html_to_text(page)
    got = citegrab.Extractor().extract_source(Source("blog.html", text, (), hints))
    assert [(p.title, p.date, p.byline) for p in got.posts] == [
        ("Ferry stops", dt.date(2008, 3, 4), "Mina"),
        ("Port closes", dt.date(2008, 3, 3), "Mina"),
    ]


def test_an_hatom_published_abbr_dates_a_post_without_a_day_heading() -> None:
    page = (
        '<html><body><div class="post hentry"><h3 class="entry-title">Ferry stops</h3>'
        '<div class="entry-content"><p>The ferry stopped on Monday, officials said in Seoul.</p>'
        '</div><abbr class="published" title="2008-03-04T09:10:00-05:00">9:10 AM</abbr></div>'
        "</body></html>"
    )
    _, hints = html_to_text(page)
    assert [(h.date, h.date_source) for h in hints.posts] == [("2008-03-04", "meta")]


def test_a_themes_posted_on_meta_line_dates_its_post() -> None:
    """WordPress's old default theme: the date only in "This entry was posted on …" under the
    post's text, outside its content element."""
    post = (
        '<div class="post"><h2><a href="#">{title}</a></h2><div class="entry">'
        "<p>The ferry between the two ports stopped on Monday, officials said.</p></div>"
        '<p class="postmetadata alt"><small>This entry was posted on {day} at 10:32 am and is '
        'filed under <a href="#">Transport</a>.</small></p></div>'
    )
    page = (
        "<html><body>"
        + post.format(title="Ferry stops", day="Tuesday, March 4th, 2008")
        + post.format(title="Port closes", day="Monday, March 3rd, 2008")
        + "</body></html>"
    )
    text, hints = html_to_text(page)
    got = citegrab.Extractor().extract_source(Source("k.html", text, (), hints))
    assert [(p.title, p.date) for p in got.posts] == [
        ("Ferry stops", dt.date(2008, 3, 4)),
        ("Port closes", dt.date(2008, 3, 3)),
    ]
    assert "filed under" not in text  # the meta line is not rendered as text
