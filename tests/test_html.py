"""The HTML reader's choices of posts and furniture (beyond the WordPress fixtures)."""

from __future__ import annotations

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
