"""HTML input: WordPress-style single posts and archive pages, rendered to citegrab's text layout.

BeautifulSoup (lxml, else the standard library parser) reads the page; navigation, sidebars,
footers, share widgets and comment sections are dropped; each post (``<article>``, ``.post``,
``.hentry``) becomes "title / date / byline / paragraphs", and every ``<blockquote>`` becomes a
quote hint so quoted blocks come from the markup rather than from lead-in heuristics. Character
references (``&#8220;``) are decoded by the parser. The walk is iterative, so pathologically deep
nesting cannot exhaust the stack.
"""

from __future__ import annotations

from typing import Any

from ._errors import MissingDependencyError
from ._hints import Hints, PostHint

NOISE = (
    "script, style, noscript, template, iframe, svg, form, nav, aside, "
    "#comments, .comments, .comment-list, .commentlist, .comments-area, .comment-respond, #respond, "
    ".comment, .responses, #disqus_thread, .fb-comments, .wp-block-comments, "
    ".sidebar, #sidebar, #secondary, .widget-area, .widget, .site-footer, #colophon, "
    ".site-header, #masthead, .navigation, .nav-links, .post-navigation, .pagination, "
    ".sharedaddy, .sd-sharing, .share, .sharing, .social, .social-share, .jp-relatedposts, "
    ".related-posts, .breadcrumbs, .screen-reader-text, .skip-link, .menu, #menu, .site-navigation, "
    ".widget_text, .textwidget, .cookie-notice, .newsletter, .subscribe, .advertisement, .ads"
)
POST_SELECTORS = ("article", ".post, .hentry, .type-post", ".blog-post, .entry")
TITLE_SELECTOR = ".entry-title, .post-title, h1, h2"
AUTHOR_SELECTOR = ".author .fn, .byline .author, .author, .byline, [rel=author], .entry-author"
DATE_SELECTOR = ".entry-date, .published, .post-date, .date, .posted-on"
CONTENT_SELECTOR = ".entry-content, .post-content, .entry-body, .post-body, .content, .entry"
BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "pre",
        "figcaption",
        "dt",
        "dd",
        "caption",
        "address",
        "td",
        "th",
        "summary",
    ]
)
SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "img",
        "video",
        "audio",
        "button",
        "input",
    ]
)


def _soup(html: str) -> Any:
    try:
        from bs4 import BeautifulSoup
    except ImportError as exc:  # pragma: no cover - bs4 ships with the html extra
        raise MissingDependencyError("beautifulsoup4", "html") from exc
    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # lxml missing or failed: the standard library parser always works
        return BeautifulSoup(html, "html.parser")


def _text(el: Any) -> str:
    return " ".join(el.get_text(" ").split())


class _Renderer:
    """Accumulates lines and the hints that describe them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.quotes: list[tuple[int, int]] = []
        self.posts: list[PostHint] = []

    def para(self, text: str) -> None:
        parts = [" ".join(p.split()) for p in text.split("\n")]
        parts = [p for p in parts if p]
        if not parts:
            return
        self.lines.extend(parts)
        self.lines.append("")

    def last_nonblank(self) -> int:
        i = len(self.lines) - 1
        while i >= 0 and not self.lines[i]:
            i -= 1
        return i

    def body(self, root: Any, exclude: set[int]) -> None:
        """Render block content under ``root`` in document order (iteratively)."""
        from bs4.element import NavigableString, Tag

        inline: list[str] = []

        def flush() -> None:
            if inline:
                self.para("".join(inline))
                inline.clear()

        stack: list[tuple[str, Any]] = [("enter", root)]
        while stack:
            action, node = stack.pop()
            if action == "exit":
                flush()
                start = node
                end = self.last_nonblank()
                if end >= start:
                    self.quotes.append((start, end))
                continue
            if isinstance(node, NavigableString):
                if type(node) is NavigableString:
                    inline.append(str(node))
                continue
            if not isinstance(node, Tag) or id(node) in exclude or node.name in SKIP:
                continue
            name = node.name
            if name == "br":
                inline.append("\n")
            elif name in BLOCKS:
                flush()
                self.para(node.get_text())
            elif name == "blockquote":
                flush()
                stack.append(("exit", len(self.lines)))
                stack.extend(("enter", c) for c in reversed(node.contents))
            elif name in (
                "a",
                "span",
                "em",
                "strong",
                "b",
                "i",
                "u",
                "sup",
                "sub",
                "small",
                "abbr",
                "cite",
                "q",
                "mark",
                "time",
                "font",
            ):
                inline.append(node.get_text())
            else:
                flush()
                stack.extend(("enter", c) for c in reversed(node.contents))
        flush()


def html_to_text(html: str) -> tuple[str, Hints]:
    """Render an HTML page to citegrab's plain-text layout plus post and quote hints."""
    soup = _soup(html)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for el in soup.select(NOISE):
        el.decompose()
    posts: list[Any] = []
    for sel in POST_SELECTORS:
        found = soup.select(sel)
        posts = [p for p in found if not any(p is not q and q in p.parents for q in found)]
        if posts:
            break
    r = _Renderer()
    if not posts:
        root = soup.select_one("main") or soup.body or soup
        r.body(root, set())
        return "\n".join(r.lines).rstrip("\n") + "\n", Hints(quotes=tuple(r.quotes))
    for post in posts:
        first = len(r.lines)
        exclude: set[int] = set()
        title_el = post.select_one(TITLE_SELECTOR)
        title_line = date_line = byline_line = None
        if title_el is not None:
            exclude.add(id(title_el))
            title_line = len(r.lines)
            r.para(_text(title_el))
            if r.last_nonblank() < title_line:
                title_line = None
        time_el = post.find("time")
        date_el = time_el if time_el is not None else post.select_one(DATE_SELECTOR)
        iso = time_el.get("datetime") if time_el is not None else None
        if date_el is not None:
            exclude.add(id(date_el))
            text = _text(date_el)
            if text:
                date_line = len(r.lines)
                r.para(text)
        author_el = post.select_one(AUTHOR_SELECTOR)
        if author_el is not None:
            exclude.add(id(author_el))
            name = _text(author_el)
            if name and len(name) <= 80:
                byline_line = len(r.lines)
                r.para(name if name.casefold().startswith("by") else f"By {name}")
        content = post.select_one(CONTENT_SELECTOR) or post
        r.body(content, exclude)
        r.posts.append(
            PostHint(
                first=first,
                end=len(r.lines),
                title_line=title_line,
                date_line=date_line,
                byline_line=byline_line,
                date=str(iso) if iso else None,
            )
        )
    text = "\n".join(r.lines).rstrip("\n") + "\n"
    return text, Hints(posts=tuple(r.posts), quotes=tuple(r.quotes))
