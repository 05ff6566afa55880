"""HTML input: WordPress-style single posts and archive pages, rendered to citegrab's text layout.

selectolax's Lexbor backend (an HTML5 parser in C, with CSS selection in C) reads the page;
navigation, sidebars, footers, share widgets and comment sections are dropped; each post
(``<article>``, ``.post``, ``.hentry``) becomes "title / date / byline / paragraphs", and every
``<blockquote>`` becomes a quote hint so quoted blocks come from the markup rather than from
lead-in heuristics. Character references (``&#8220;``) are decoded by the parser. The walk is
iterative, so pathologically deep nesting cannot exhaust the stack.

A post's date comes, in order, from its ``<time datetime>`` (or ``itemprop=datePublished``);
for a single-post page also from the page's metadata: ``article:published_time`` and other
standard ``<meta>`` tags, JSON-LD ``datePublished`` (``@graph`` included), then a
``/YYYY/MM/DD/`` permalink (canonical link, ``og:url``, then the URL the page was read from).
"""

from __future__ import annotations

import json
import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._dates import DATE_RE
from .._hints import DateSource, Hints, PostHint, iso_date, url_date
from ._source import Source

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
TITLE_SELECTOR = ".entry-title, .post-title, h1, h2, h3.entry-header"
"""(``h3.entry-header``: the title in TypePad's and Movable Type's templates)"""
AUTHOR_SELECTOR = (
    ".author .fn, .byline .author, .author, .byline, [rel=author], .entry-author, .post-author .fn"
)
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
INLINE = frozenset(
    [
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
    ]
)
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publish-date",
    "publish_date",
    "date",
)
"""``<meta>`` names/properties that carry a page's publication date, most specific first."""
_META_RANK = {name: i for i, name in enumerate(PUBLISHED_META)}
_ARTICLE_TYPES = frozenset(
    [
        "article",
        "blogposting",
        "newsarticle",
        "posting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
    ]
)
MAX_JSON_LD = 1_000_000
"""JSON-LD blocks larger than this are not parsed (a page's metadata is a few KB)."""


def _simple_selectors(selectors: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The tag names, ids and classes of a list of simple selectors ("nav, #comments, .share")."""
    parts = [x.strip() for x in selectors.split(",")]
    return (
        frozenset(x for x in parts if x[:1].isalpha()),
        frozenset(x[1:] for x in parts if x.startswith("#")),
        frozenset(x[1:] for x in parts if x.startswith(".")),
    )


_NOISE_TAGS, _NOISE_IDS, _NOISE_CLASSES = _simple_selectors(NOISE)


_NEVER_NOISE = frozenset(["html", "body", "main"])
"""Containers of the whole page: a theme's class on them ("sidebar") never hides the page."""


def _in_noise(node: LexborNode | None) -> bool:
    """Whether a node or one of its ancestors is page furniture (NOISE)."""
    while node is not None:
        if node.tag in _NEVER_NOISE:
            return False
        if node.tag in _NOISE_TAGS:
            return True
        attrs = node.attributes
        if attrs.get("id") in _NOISE_IDS:
            return True
        cls = attrs.get("class")
        if cls and not _NOISE_CLASSES.isdisjoint(cls.split()):
            return True
        node = node.parent
    return False


def _drop_noise(root: LexborNode, doubled_brs: bool = False) -> None:
    """Remove the page furniture inside ``root`` (selection runs in C, on this subtree only) and
    turn its ``<br>``s into line ends."""
    for el in _outermost([n for n in root.css(NOISE) if n.tag not in _NEVER_NOISE]):
        el.decompose()
    brs = root.css("br")
    if doubled_brs and len(brs) > 1:  # two in a row (old Blogger posts have no <p>): a break
        doubled = [_after_br(br) for br in brs]
        for br, twice in zip(brs, doubled, strict=True):
            br.replace_with("\n\u2029\n" if twice else "\n")
        return
    for br in brs:  # a line break inside a paragraph ends a line of the text
        br.replace_with("\n")


_DOUBLE_BR = re.compile(r"<[bB][rR]\s*/?>\s*<[bB][rR]\b")
"""Two ``<br>``s with only white space between them, somewhere in a page's markup."""


def _after_br(br: LexborNode) -> bool:
    """Whether a ``<br>`` follows another with only white space between them."""
    prev = br.prev
    while prev is not None and prev.tag == "-text" and not (prev.text_content or "").strip():
        prev = prev.prev
    return prev is not None and prev.tag == "br"


def _squash(text: str) -> str:
    """Whitespace runs as single spaces, trimmed (``" ".join(text.split())``, fast when clean)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # printable text holds no whitespace but the ASCII space
    return " ".join(text.split())


def _text(el: LexborNode) -> str:
    return _squash(el.text(separator=" "))


_CELL_BLOCKS = "p, div, br, table, ul, ol, blockquote, h1, h2, h3"
"""Elements a layout table's cell holds and a data table's does not."""


def _holds_blocks(cell: LexborNode) -> bool:
    """Whether a table cell holds paragraphs, breaks or lists (a layout table's column)."""
    return cell.css_first(_CELL_BLOCKS) is not None


def _table_row(tr: LexborNode) -> str | None:
    """A data table's row as one line, its short cells joined by " | "; None for a layout
    table's row (a cell holding paragraphs, breaks or lists, or a long text), read as blocks."""
    cells = [c for c in tr.iter() if c.tag in ("td", "th")]
    if not cells or any(_holds_blocks(c) for c in cells):
        return None
    texts = [_text(c) for c in cells]
    if any(len(t) > 120 for t in texts):
        return None
    return " | ".join(t for t in texts if t) or None


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """The matches that are not inside another match, deduplicated, in document order."""
    ids = {n.mem_id for n in nodes}
    out: list[LexborNode] = []
    seen: set[int] = set()
    for n in nodes:
        if n.mem_id in seen:
            continue
        seen.add(n.mem_id)
        p = n.parent
        while p is not None and p.mem_id not in ids:
            p = p.parent
        if p is None:
            out.append(n)
    return out


_QUOTE_CLASSES = frozenset(["quote", "quotation", "blockquote", "bbcode_quote", "quotebox",
    "quote-box", "block-quote", "wp-block-quote", "excerpt-quote", "quoted"])  # fmt: skip
"""Classes of a ``<div>`` a theme or an editor uses for quoted text instead of ``<blockquote>``
(a pull quote repeats the post's own words and is not one)."""
_INDENT = re.compile(r"(?:margin|padding)-left\s*:\s*(?!0(?:px|em|pt|%)?\s*(?:;|$))\d", re.I)
"""An inline style setting a paragraph off from the text ("margin-left: 40px")."""


def _quote_div(node: LexborNode) -> bool:
    """Whether a ``<div>`` holds quoted text by its class (``<div class="quote">``)."""
    cls = node.attributes.get("class")
    return cls is not None and not _QUOTE_CLASSES.isdisjoint(cls.casefold().split())


def _set_off(node: LexborNode) -> str | None:
    """How a paragraph is set off as quoted text without ``<blockquote>``: ``"indent"`` by its
    inline style (``<p style="margin-left: 40px">``), ``"italic"`` when all its text is in one
    ``<em>``/``<i>``; None for a plain paragraph."""
    style = node.attributes.get("style")
    if style and "left" in style and _INDENT.search(style):
        return "indent"
    first = node.child
    while first is not None and first.tag == "-text" and not (first.text_content or "").strip():
        first = first.next
    if first is None or first.tag not in ("em", "i"):
        return None
    rest = first.next
    while rest is not None and rest.tag == "-text" and not (rest.text_content or "").strip():
        rest = rest.next
    return "italic" if rest is None else None


def _attribution(children: list[LexborNode]) -> LexborNode | None:
    """A blockquote's last element when it names the quote's source: a ``<cite>`` or
    ``<footer>`` (HTML5's attribution), or a paragraph holding only a ``<cite>``."""
    elements = [c for c in children if c.tag and c.tag[0] != "-"]
    if not elements or any(_squash(c.text_content or "") for c in children if c.tag == "-text"):
        return None  # (text loose in the quote after its last element: no attribution)
    last = elements[-1]
    if last.tag in ("cite", "footer"):
        return last if len(elements) > 1 else None  # a quote needs text above its source
    if last.tag == "p" and len(elements) > 1:
        inner = [c for c in last.iter(include_text=True) if c.tag != "-text" or _squash(c.text())]
        if len(inner) == 1 and inner[0].tag == "cite":
            return last
    return None


def _web_link(a: LexborNode) -> str | None:
    """An anchor's absolute web address, or None (a relative or script link names no source)."""
    href = (a.attributes.get("href") or "").strip()
    return href if href.startswith(("http://", "https://")) and len(href) <= 2048 else None


def _block_links(root: LexborNode) -> dict[int, str]:
    """The paragraphs (block elements) under ``root`` holding exactly one web link, with its
    address: a source's line links its article ("Source: <a href=…>Hankyoreh, …</a>", "<li><a
    href=…>Title</a> (Reuters, …)</li>"). One CSS query, then a short walk up per link."""
    out: dict[int, str] = {}
    seen: set[int] = set()
    for a in root.css("a[href^='http']"):  # (relative links are left out in C)
        block, steps = a.parent, 0
        while block is not None and block.tag not in BLOCKS and steps < 4:
            block, steps = block.parent, steps + 1
        if block is None or block.tag not in BLOCKS:
            continue
        key = block.mem_id
        if key in seen:
            out.pop(key, None)  # two links: which one is the source's is not known
            continue
        seen.add(key)
        if (href := _web_link(a)) is not None:
            out[key] = href
    return out


class _Renderer:
    """Accumulates lines and the hints that describe them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.quotes: list[tuple[int, int]] = []
        self.posts: list[PostHint] = []
        self.links: list[tuple[int, int, str]] = []  # a paragraph's lines and its one link
        self.depth = 0  # blockquotes open around the node being rendered
        self.run_end = -2  # last line of the last paragraph set off as a quote (`_set_off`)

    def para(self, text: str) -> None:
        if "\n" not in text:  # the common case: one line
            line = _squash(text)
            if line:
                self.lines.append(line)
                self.lines.append("")
            return
        if "\u2029" in text:  # doubled <br>s (`_drop_noise`): a blank line between paragraphs
            parts = []
            for raw in text.split("\n"):
                if p := _squash(raw):
                    parts.append(p)
                elif "\u2029" in raw and parts and parts[-1]:
                    parts.append("")
            while parts and not parts[-1]:
                parts.pop()
        else:
            parts = [p for p in (_squash(p) for p in text.split("\n")) if p]
        if not parts:
            return
        self.lines.extend(parts)
        self.lines.append("")

    def set_off(self, start: int, kind: str) -> None:
        """Paragraph lines ``start..`` set off as quoted text (indented, or all in italics):
        one quote with the set-off paragraphs right above it; an italic run opens only under a
        lead-in (the line above ends in a colon), since a lone italic paragraph is as often the
        blogger's note."""
        end = self.last_nonblank()
        if end < start or self.depth:
            return
        if self.run_end == start - 2 and self.quotes and self.quotes[-1][1] == start - 2:
            self.quotes[-1] = (self.quotes[-1][0], end)
        elif kind == "indent" or (start >= 2 and self.lines[start - 2].rstrip().endswith(":")):
            self.quotes.append((start, end))
        else:
            return
        self.run_end = end

    def last_nonblank(self) -> int:
        i = len(self.lines) - 1
        while i >= 0 and not self.lines[i]:
            i -= 1
        return i

    def body(self, root: LexborNode, exclude: set[int]) -> None:
        """Render block content under ``root`` in document order (iteratively)."""
        inline: list[str] = []
        # the paragraphs `_set_off` may accept, selected in C: a style, or an <em>/<i> child
        maybe_set_off = {n.mem_id for n in root.css("p[style]")}
        maybe_set_off.update(n.parent.mem_id for n in root.css("p > em, p > i") if n.parent)
        links = _block_links(root)

        def flush() -> None:
            if inline:
                self.para("".join(inline))
                inline.clear()

        stack: list[tuple[bool | None, Any]] = [(True, root)]
        while stack:
            enter, node = stack.pop()
            if enter is None:  # a blockquote's own attribution, under the quoted lines
                flush()
                text = _text(node)
                if text:
                    start = len(self.lines)
                    self.para(text if text[0] in "—–-" else f"— {text}")
                    a = node.css_first("a[href]")  # (one attribution per quote: no loop)
                    if a is not None and (href := _web_link(a)) is not None:
                        self.links.append((start, self.last_nonblank(), href))
                continue
            if not enter:
                flush()
                self.depth -= 1
                start = node
                end = self.last_nonblank()
                if end >= start and self.depth == 0:  # a quote inside a quote is part of it
                    self.quotes.append((start, end))
                continue
            name = node.tag
            if name == "-text":
                inline.append(node.text_content or "")
                continue
            if name is None or (name[0] == "-" and name != "-document"):
                continue  # comments, doctypes, processing instructions
            if name in SKIP or node.mem_id in exclude:
                continue
            if name == "br":
                inline.append("\n")
            elif name in BLOCKS and not (name in ("td", "th") and _holds_blocks(node)):
                flush()
                start = len(self.lines)
                # a list item keeps its bullet, as a list saved as text does ("• Title
                # (Reuters, …)": an entry of a reading list, not a paragraph of quoted text)
                self.para("• " + node.text() if name == "li" else node.text())
                if links and (href := links.get(node.mem_id)):
                    self.links.append((start, self.last_nonblank(), href))
                if (
                    name == "p"
                    and node.mem_id in maybe_set_off
                    and (kind := _set_off(node)) is not None
                ):
                    self.set_off(start, kind)
            elif name in INLINE:
                inline.append(node.text())
            elif name == "tr" and (row := _table_row(node)) is not None:
                flush()
                self.para(row)  # a data table's row: one line, its cells apart ("Rice | 5,000")
            elif name == "blockquote" or (name == "div" and _quote_div(node)):
                flush()
                self.depth += 1
                children = list(node.iter(include_text=True))
                sign = _attribution(children)
                if sign is not None:  # "<cite>Yonhap, May 2, 2019</cite>" closing the quote
                    stack.append((None, sign))
                    children = [c for c in children if c.mem_id != sign.mem_id]
                stack.append((False, len(self.lines)))
                stack.extend((True, c) for c in reversed(children))
            else:
                flush()
                stack.extend((True, c) for c in reversed(list(node.iter(include_text=True))))
        flush()


def _post_date(post: LexborNode) -> tuple[LexborNode | None, str | None, DateSource | None]:
    """A post's date element and the ISO date its markup states (``<time datetime>`` first)."""
    times = post.css("time")
    time_el = next((t for t in times if "published" in (t.attributes.get("class") or "")), None)
    time_el = time_el or (times[0] if times else None)
    if time_el is not None:
        iso = iso_date(time_el.attributes.get("datetime"))
        if iso is not None:
            return time_el, iso, "time-element"
    for el in post.css("[itemprop=datePublished]"):
        attrs = el.attributes
        iso = iso_date(attrs.get("datetime") or attrs.get("content") or attrs.get("title"))
        if iso is not None:
            return time_el, iso, "meta"
    # hAtom, as Blogger writes it: <abbr class="published" title="2008-03-04T10:32:00-05:00">
    for el in post.css("abbr.published, abbr.updated, .published[title]"):
        iso = iso_date(el.attributes.get("title"))
        if iso is not None:
            return time_el, iso, "meta"
    return time_el, None, None


_META_SELECTOR = (
    ".postmetadata, .entry-meta, .entry-utility, .post-meta, .postmeta, .post-info, .entry-footer"
)
_POSTED_ON = re.compile(
    r"\b(?:posted|published)\s+(?:by\s+(?P<by>[^|\n]{1,60}?)\s+)?on\s+", re.IGNORECASE
)


def _footer_date(post: LexborNode) -> tuple[LexborNode, str, str | None] | None:
    """A theme's meta line outside the content that dates the post ("This entry was posted on
    Tuesday, March 4th, 2008 at 10:32 am and is filed under …", TypePad's "Posted by H. Lee on
    March 04, 2008 at 09:14 AM in Trade | Permalink"): the element, the date and the author."""
    for el in post.css(_META_SELECTOR):
        text = _text(el)
        m = _POSTED_ON.search(text)
        d = DATE_RE.match(text, m.end()) if m is not None else None
        if m is not None and d is not None:
            return el, d.group(0), m.group("by")
    return None


_POSTED_AT = re.compile(
    r"\bposted\s+by\s+(?P<by>[^|\n]{1,60}?)\s+(?:at|@)\s+\d{1,2}:\d{2}", re.IGNORECASE
)


def _meta_line(time_el: LexborNode) -> LexborNode | None:
    """The short block around a post's ``<time>`` that names the author too ("<div
    class="entry-meta">Posted on <time>April 8, 2019</time> by Name</div>"), or None."""
    meta = time_el.parent
    while meta is not None and meta.tag in INLINE:
        meta = meta.parent
    if meta is None or meta.tag in ("article", "body", "html"):
        return None
    text = _text(meta)
    return meta if len(text) <= 120 and " by " in text else None


def _posted_by_at(post: LexborNode) -> tuple[LexborNode, str, str | None] | None:
    """Old Blogger's footer naming the author without a date ("posted by Gareth at 7:45 PM"):
    the element and the author (no date: the day's date header dates the post)."""
    el = post.css_first(".post-footer, .entry-footer")  # (TypePad's too: "… at 10:12 AM in …")
    m = _POSTED_AT.search(_text(el)) if el is not None else None
    return (el, "", m.group("by")) if el is not None and m is not None else None


def _inside(node: LexborNode, container: LexborNode) -> bool:
    """Whether ``node`` is ``container`` or lies inside it."""
    n: LexborNode | None = node
    while n is not None:
        if n.mem_id == container.mem_id:
            return True
        n = n.parent
    return False


def _heading_outside(post: LexborNode, content: LexborNode) -> LexborNode | None:
    """The post's first ``<h3>``/``<h4>`` outside its content: the title in templates that
    mark it with no class (Kubrick's archives: ``<h3 id="post-812"><a>Title</a></h3>``)."""
    if content.mem_id == post.mem_id:
        return None  # no content element: a heading may be the text's own
    return next((h for h in post.css("h3, h4") if not _inside(h, content)), None)


def _dated_small(post: LexborNode, content: LexborNode) -> LexborNode | None:
    """A ``<small>`` outside the content holding a date (Kubrick: ``<small>Tuesday, September
    9th, 2008</small>`` under the title)."""
    for el in post.css("small"):
        if content.mem_id != post.mem_id and _inside(el, content):
            continue
        text = _text(el)
        if len(text) <= 80 and DATE_RE.search(text) is not None:
            return el
    return None


def _date_heads_within(tree: LexborHTMLParser) -> dict[int, list[LexborNode]]:
    """Every element's ``.date-header`` descendants (by the element's ``mem_id``), found in one
    pass: asking each post's ancestors would cost a page of N day groups N² node visits."""
    out: dict[int, list[LexborNode]] = {}
    for head in tree.css(".date-header"):
        node = head.parent
        while node is not None:
            out.setdefault(node.mem_id, []).append(head)
            node = node.parent
    return out


def _date_header(post: LexborNode, within: dict[int, list[LexborNode]]) -> LexborNode | None:
    """Blogger's day heading (``<h2 class="date-header">``) over the day's posts, outside the
    post element: the one heading of the nearest enclosing day group (``within``: see
    `_date_heads_within`)."""
    node = post.parent
    for _ in range(4):
        if node is None:
            return None
        heads = within.get(node.mem_id, ())
        if len(heads) > 1:
            break  # a container of several days: not this post's own group
        if heads:
            return heads[0]
        node = node.parent
    # TypePad and Movable Type: the day's heading is a sibling before the day's first entry
    sib = post.prev
    for _ in range(40):
        if sib is None:
            return None
        cls = (sib.attributes.get("class") or "").split() if sib.tag and sib.tag[0] != "-" else []
        if "date-header" in cls:
            return sib
        sib = sib.prev  # (an earlier entry of the same day: its heading is further up)
    return None


def _meta_date(tree: LexborHTMLParser) -> str | None:
    best: tuple[int, str] | None = None
    for el in tree.css("meta"):
        attrs = el.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if not key:
            continue
        rank = _META_RANK.get(key.strip().casefold())
        if rank is None or (best is not None and rank >= best[0]):
            continue
        iso = iso_date(attrs.get("content"))
        if iso is not None:
            best = (rank, iso)
    return best[1] if best else None


def _json_ld_date(blocks: list[str]) -> str | None:
    """``datePublished`` of the JSON-LD article (else of any JSON-LD object, e.g. a WebPage)."""
    fallback = None
    for raw in blocks:
        if len(raw) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack: list[tuple[Any, int]] = [(data, 0)]
        while stack:
            obj, depth = stack.pop()
            if depth > 20:
                continue
            if isinstance(obj, list):
                stack.extend((x, depth + 1) for x in reversed(obj))
                continue
            if not isinstance(obj, dict):
                continue
            iso = iso_date(obj.get("datePublished")) or iso_date(obj.get("dateCreated"))
            if iso is not None:
                kinds = obj.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.casefold() in _ARTICLE_TYPES for k in kinds):
                    return iso
                fallback = fallback or iso
            stack.extend(
                (v, depth + 1) for v in reversed(list(obj.values())) if v and not isinstance(v, str)
            )
    return fallback


def _json_ld(tree: LexborHTMLParser) -> list[str]:
    """The page's JSON-LD blocks (read before furniture, scripts included, is removed)."""
    return [s.text() for s in tree.css("script[type='application/ld+json']")]


def _page_date(
    tree: LexborHTMLParser, json_ld: list[str], url: str | None
) -> tuple[str, DateSource] | None:
    """The page's publication date from its metadata, then from a permalink."""
    iso = _meta_date(tree)
    if iso is not None:
        return iso, "meta"
    iso = _json_ld_date(json_ld)
    if iso is not None:
        return iso, "json-ld"
    links = [el.attributes.get("href") for el in tree.css("link[rel=canonical]")]
    links += [el.attributes.get("content") for el in tree.css("meta[property='og:url']")]
    for link in [*links, url]:
        iso = url_date(link)
        if iso is not None:
            return iso, "url"
    return None


def html_to_text(html: str, url: str | None = None) -> tuple[str, Hints]:
    """Render an HTML page to citegrab's plain-text layout plus post and quote hints.

    ``url`` is where the page was read from (a WARC target URI, a JSONL "url"): a permalink's
    ``/YYYY/MM/DD/`` dates a single post whose page states no date of its own.
    """
    tree = LexborHTMLParser(html)
    # C-level tests of the markup once per page: the per-node work runs only where they hit
    doubled = _DOUBLE_BR.search(html) is not None
    blogger_footer = "post-footer" in html or "entry-footer" in html
    # posts are found first and furniture removed inside them only: a page's menus, sidebars
    # and comments are most of its markup, and none of it is rendered
    posts: list[LexborNode] = []
    for sel in POST_SELECTORS:
        posts = _outermost([n for n in tree.css(sel) if not _in_noise(n)])
        if posts:
            break
    r = _Renderer()
    json_ld = _json_ld(tree) if len(posts) <= 1 else []
    if not posts:
        root = next((m for m in tree.css("main") if not _in_noise(m)), None) or tree.body
        if root is None or _in_noise(root):
            root = tree.root
        if root is not None:
            _drop_noise(root, doubled)
            r.body(root, set())
        page = _page_date(tree, json_ld, url)
        text = "\n".join(r.lines).rstrip("\n") + "\n"
        if page is None:
            return text, Hints(quotes=tuple(r.quotes), links=tuple(r.links))
        return text, Hints(
            quotes=tuple(r.quotes), date=page[0], date_source=page[1], links=tuple(r.links)
        )
    heads_within: dict[int, list[LexborNode]] | None = None  # (built when first needed)
    for post in posts:
        _drop_noise(post, doubled)
        first = len(r.lines)
        exclude: set[int] = set()
        content = post.css_first(CONTENT_SELECTOR) or post
        title_el = post.css_first(TITLE_SELECTOR) or _heading_outside(post, content)
        title_line = date_line = byline_line = None
        if title_el is not None:
            exclude.add(title_el.mem_id)
            title_line = len(r.lines)
            r.para(_text(title_el))
            if r.last_nonblank() < title_line:
                title_line = None
        time_el, iso, source = _post_date(post)
        if time_el is None and heads_within is None:
            heads_within = _date_heads_within(tree)
        date_el = time_el if time_el is not None else _date_header(post, heads_within or {})
        if date_el is None:
            date_el = post.css_first(DATE_SELECTOR) or _dated_small(post, content)
        author_el = post.css_first(AUTHOR_SELECTOR)
        if time_el is not None and date_el is time_el and author_el is None:
            date_el = _meta_line(time_el) or time_el  # "Posted on <time>…</time> by Name"
        footer = _footer_date(post)  # the theme's meta line: dates the post, names its author
        if footer is not None:
            exclude.add(footer[0].mem_id)  # (template furniture, never the post's text)
        footer_date = None if date_el is not None or iso is not None else footer
        if date_el is not None:
            exclude.add(date_el.mem_id)
            text = _text(date_el)
            if text:
                date_line = len(r.lines)
                r.para(text)
        elif footer_date is not None:  # the date alone, as the post's date line
            date_line = len(r.lines)
            r.para(footer_date[1])
        if author_el is None and footer is None and blogger_footer:
            footer = _posted_by_at(post)  # Blogger before 2006: "posted by X at 7:45 PM"
        if author_el is None and footer is not None and footer[2]:
            byline_line = len(r.lines)  # "Posted by H. Lee on …" in the footer
            r.para(f"By {footer[2]}")
        elif author_el is not None:
            exclude.add(author_el.mem_id)
            name = _text(author_el)
            if name and len(name) <= 80:
                byline_line = len(r.lines)
                r.para(name if name.casefold().startswith("by") else f"By {name}")
        r.body(content, exclude)
        r.posts.append(
            PostHint(
                first=first,
                end=len(r.lines),
                title_line=title_line,
                date_line=date_line,
                byline_line=byline_line,
                date=iso,
                date_source=source,
            )
        )
    if len(r.posts) == 1 and r.posts[0].date is None:
        page = _page_date(tree, json_ld, url)
        if page is not None:
            only = r.posts[0]
            r.posts[0] = PostHint(
                only.first,
                only.end,
                only.title_line,
                only.date_line,
                only.byline_line,
                date=page[0],
                date_source=page[1],
            )
    text = "\n".join(r.lines).rstrip("\n") + "\n"
    return text, Hints(posts=tuple(r.posts), quotes=tuple(r.quotes), links=tuple(r.links))


def html_source(
    doc_id: str,
    html: str,
    diags: tuple[Any, ...] = (),
    url: str | None = None,
) -> Source:
    """A `Source` from an HTML page (rendered to text, with post and quote hints)."""
    text, hints = html_to_text(html, url)
    return Source(doc_id, text, diags, hints)
