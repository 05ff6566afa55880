"""The dev corpus rendered as a WordPress archive page (posts and blockquotes taken from the
gold files, plus navigation, sidebar, comments and &#8220;-style entities) must give the same
citations as the text version."""

from __future__ import annotations

import html
import json
from pathlib import Path

import citegrab


def _esc(text: str) -> str:
    out = html.escape(text, quote=False)
    for ch, ref in (("“", "&#8220;"), ("”", "&#8221;"), ("’", "&#8217;"), ("‘", "&#8216;")):
        out = out.replace(ch, ref)
    return out


def render(corpus: Path) -> str:
    lines = (corpus / "nkeconwatch-2022.txt").read_text(encoding="utf-8").split("\n")
    posts = [
        json.loads(x)
        for x in (corpus / "nkeconwatch-2022.posts.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    quotes = [
        json.loads(x)
        for x in (corpus / "nkeconwatch-2022.quotes.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    starts = {q["first_line"]: q["last_line"] for q in quotes}
    out = [
        "<html><body><header id='masthead'><nav><a href='/'>Home</a> (Source: menu, “x,” 1/1/2020.)</nav></header>",
        "<main>",
    ]
    for p in posts:
        out.append(f"<article class='post hentry'><h2 class='entry-title'>{_esc(p['title'])}</h2>")
        out.append(f"<time datetime='{p['date']}'>{_esc(lines[p['first_line'] + 1])}</time>")
        if p["byline"]:
            out.append(f"<span class='author'>{_esc(p['byline'])}</span>")
        out.append("<div class='entry-content'>")
        n = p["first_line"] + 3  # first body line (1-based) after title, blank, date
        if p["byline"]:
            n += 2
        while n < p["last_line"]:
            text = lines[n - 1]
            if n in starts:
                last = starts[n]
                paras = [x for x in lines[n - 1 : last] if x.strip()]
                out.append(
                    "<blockquote>" + "".join(f"<p>{_esc(x)}</p>" for x in paras) + "</blockquote>"
                )
                n = last + 1
                continue
            if text.strip():
                out.append(f"<p>{_esc(text)}</p>")
            n += 1
        out.append("</div><div class='sharedaddy'>Share this: Twitter Facebook</div></article>")
    out.append(
        "</main><aside class='widget-area'><p>(Source: sidebar, “Not one,” 2/2/2021.)</p></aside>"
    )
    out.append(
        "<div id='comments'><p>Nice! (Source: a reader, “Spam,” 3/3/2021.)</p></div></body></html>"
    )
    return "\n".join(out)


def fields(doc: citegrab.Document) -> list[tuple[object, ...]]:
    return [
        (tuple(a.name for a in c.authors), c.title, c.outlet.name if c.outlet else None,
         c.inferred_outlet.name if c.inferred_outlet else None, c.date, " ".join(c.raw.split()))
        for c in doc.citations
    ]  # fmt: skip


def test_html_rendering_of_the_dev_corpus(corpus_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "archive.html"
    page.write_text(render(corpus_dir), encoding="utf-8")
    from_html = citegrab.extract_file(page)
    from_text = citegrab.extract_file(corpus_dir / "nkeconwatch-2022.txt")
    assert len(from_html.posts) == 10
    assert fields(from_html) == fields(from_text)
    assert len(from_html.quotes) == 29
