"""The cue table (data/cues.toml + the update words of data/markers.toml), compiled once.

Like eyecite compiling reporters-db, one table of cue phrases feeds both the scanner's cheap
literal prefilter (first characters, ``str.startswith`` on a casefolded prefix) and the regexes of
the block, list and field grammars, so a phrase added to the table is found and parsed alike.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from ._data import load_toml
from ._errors import RegistryError
from ._models import CitationForm
from ._outlets import trie_pattern

FORMS: frozenset[str] = frozenset(get_args(CitationForm))
"""The citation forms the model admits (a label's ``form`` must be one of them)."""


def _phrase(p: str) -> str:
    """A cue phrase as a regex: escaped, any run of whitespace between its words."""
    return r"\s+".join(re.escape(w) for w in p.split())


def _alternation(phrases: list[str]) -> str:
    # longest first, so "read the full story" wins over "read"
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


_WORDS = re.compile(r"\w+")
_ARROWS = re.compile(r"[«»‹›←→]|<<|>>")
"""A pagination link's arrow ("« Older Entries", "<< Home")."""
_READ_TIME = re.compile(r"\d{1,3} min(?:ute)?s? read")
"""A post's reading time on a line of its own ("6 min read")."""
_MONTH3 = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_CAPTURES = re.compile(
    r"[\d,]+ captures?"
    r"|\d{1,2} " + _MONTH3 + r" \d{4}\s*[-–]\s*\d{1,2} " + _MONTH3 + r" \d{4}"
    r"|(?:" + _MONTH3 + r"\s+){1,2}" + _MONTH3 + r"|(?:(?:19|20)\d\d\s+){1,2}(?:19|20)\d\d"
)
"""A web archive toolbar's capture count or range ("13 captures", "2 Mar 2010 - 18 Nov 2016") or
a row of its calendar ("jul sep oct", "2010 2011 2012"), matched on a whole casefolded line."""


def _norm(p: str) -> str:
    return " ".join(p.casefold().split())


@dataclass(frozen=True)
class Cues:
    """The compiled cue table."""

    label_first: frozenset[str]
    """First four characters (lower case, capitalised and upper case) of every block label: the
    scanner's first literal test."""
    label_prefixes: tuple[str, ...]
    """Casefolded labels, for ``str.startswith`` on a casefolded line prefix."""
    label_re: re.Pattern[str]
    """A block label at the start of a stripped line; groups ``label`` and ``colon``."""
    label_forms: dict[str, str]
    list_heading_re: re.Pattern[str]
    update_first: frozenset[str]
    update_re: re.Pattern[str]
    """An update word opening a line ("Update 10/7/22:", "(UPDATE)")."""
    update_words: tuple[str, ...]
    field_re: re.Pattern[str]
    """A labelled field line ("Title: …"); groups ``label`` and ``value``."""
    field_kinds: dict[str, str]
    number_re: re.Pattern[str]
    skip_lines: frozenset[str]
    affiliation_words: frozenset[str]
    remark_openings: tuple[str, ...]
    remark_endings: tuple[str, ...]  # a closing remark's reference to the quoted item
    skip_openings: tuple[str, ...]
    """The several-word skip lines, for ``str.startswith`` ("Read here at the … page")."""
    position_words: frozenset[str]
    caption_openings: tuple[str, ...]
    """Casefolded openings of a blogger's remark ("readers will"), for ``str.startswith``."""
    note_openings: tuple[str, ...] = ()
    """Casefolded openings of an editorial note in brackets ("emphasis added", "photo:")."""
    entry_pointer_re: re.Pattern[str] = re.compile("(?!)")
    """A digest entry's closing pointer naming its outlet ("Visit NK News for more"); group
    ``outlet``."""
    entry_pointer_first: frozenset[str] = frozenset()
    """First characters (both cases) of the entry pointers: the literal test."""
    """Casefolded openings of an editorial note in brackets ("emphasis added", "photo:")."""
    byline_kinds: frozenset[str] = frozenset()
    """Kinds of document written "<kind> by <Name>" ("press statement"), casefolded."""
    outlet_heads: frozenset[str] = frozenset()
    """Last words of a news outlet's name ("Gazette"), as written: an unlisted outlet named in a
    lead-in is recognised by its head."""
    credit_words: frozenset[str] = frozenset()
    """Words of a picture credit ("Getty Images"), casefolded."""
    outlet_head_re: re.Pattern[str] = re.compile("(?!)")
    """Any of `outlet_heads` ending a word: the literal test before a lead-in's name is parsed."""
    archive_headings: tuple[str, ...] = ()  # and `print_chrome`: both open a chrome line
    """Casefolded openings of an archive page's heading ("archive for"), for ``str.startswith``."""
    pagination_words: frozenset[str] = frozenset()
    """Words a pagination line is made of ("older", "entries"), casefolded."""
    pagination_heads: frozenset[str] = frozenset()
    """Words of which a pagination line holds one ("older", "next"), casefolded."""
    pagination_head_re: re.Pattern[str] = re.compile("(?!)")
    """Any of `pagination_heads` in a casefolded line (a literal trie)."""
    entry_opening_re: re.Pattern[str] = re.compile("(?!)")
    """An entry's opening words before its citation ("Compare ", "See also "), case-insensitive,
    followed by a quotation mark or a capital."""
    sidebar_headings: frozenset[str] = frozenset()
    contents_headings: frozenset[str] = frozenset()
    """A publication's contents headings ("table of contents"), casefolded whole lines."""
    related_headings: frozenset[str] = frozenset()
    lead_in_pointer_re: re.Pattern[str] = re.compile("(?!)")
    article_re: re.Pattern[str] = re.compile("(?!)")
    """A word naming an item (`article_words`: "article", "story") in a casefolded lead-in with
    no colon."""
    pointer_openings: tuple[str, ...] = ()
    """Casefolded `full-article` labels ("read the full story", "the full report can be
    found"): a line opening with one under an uncited quote points to the item, it is no part of
    it."""
    presenting_openings: tuple[str, ...] = ()
    """Casefolded openings of a sentence presenting the item below it ("this ", "here is ")."""
    presenting_words: tuple[str, ...] = ()
    """Casefolded phrases of a sentence presenting the item below it ("worth reading")."""
    """A lead-in's last sentence that only points at the quote ("Excerpt below:")."""
    related_first: frozenset[str] = frozenset()  # their first characters, in both cases
    author_box_openings: tuple[str, ...] = ()
    """Casefolded openings of an author box under a post ("written by"), for ``str.startswith``."""
    """Headings of a sidebar's widgets ("recent posts"), casefolded."""
    web_archive_openings: tuple[str, ...] = ()
    """Casefolded openings of a web archive toolbar's line ("the wayback machine -")."""
    web_archive_first: frozenset[str] = frozenset()
    """First characters of `web_archive_openings` in both cases."""
    web_archive_lines: frozenset[str] = frozenset()
    """Whole casefolded lines of a web archive's toolbar ("about this capture")."""
    head_widgets: frozenset[str] = frozenset()
    """Casefolded widget lines between a byline and its date ("follow", "·")."""
    message_header_labels: frozenset[str] = frozenset()
    message_footer_openings: tuple[str, ...] = ()
    """Casefolded labels of an e-mail's header ("from", "subject"), without the colon."""
    wire_end_marks: frozenset[str] = frozenset()
    """A copied wire story's end marks ("(end)", "-30-"), casefolded whole lines."""
    copyright_openings: tuple[str, ...] = ()
    """Casefolded openings of a copyright notice ("copyright", "©"), for ``str.startswith``."""
    wire_end_first: frozenset[str] = frozenset()
    """First characters of the two lists above in both cases: the one set test most lines get."""
    comment_heading_re: re.Pattern[str] = re.compile("(?!)")
    """A comment section's heading, matched on a whole line ("3 Responses to “…”"): read only on
    the scan's short lines and lines opening with a digit (a whole-text search cost 2% of the
    parse)."""

    def is_author_box(self, text: str) -> bool:
        """Whether a short line opens a platform's author box under the post ("Written by Jane
        Ortiz", "More from Jane Ortiz"): a name follows (capitalised, no digit: "Written by Jane
        on 18 February 2008." is a date line)."""
        s = " ".join(text.split())
        low = s.casefold()
        if len(s) > 60 or not (low + " ").startswith(self.author_box_openings):
            return False  # ("About the author" alone on its line too)
        rest = s[max(len(o) for o in self.author_box_openings if (low + " ").startswith(o)) :]
        return not rest or (
            len(rest.split()) <= 5 and rest[:1].isupper() and not any(c.isdigit() for c in rest)
        )

    def is_head_widget(self, text: str) -> bool:
        """Whether a line is a widget between a post's byline and its date ("Follow", "·",
        "6 min read")."""
        s = text.strip()
        if not s or len(s) > 20:
            return False
        low = s.casefold()
        return low in self.head_widgets or (
            s[0].isdigit() and _READ_TIME.fullmatch(low) is not None
        )

    def is_message_head(self, lines: list[str]) -> bool:
        """Whether field lines are an e-mail's header: two or more open with one of
        `message_header_labels` and a colon ("From: …" / "Date: …" / "Subject: …")."""
        n = 0
        for s in lines:
            k = s.find(":", 0, 16)
            if k > 1 and s[:k].strip().casefold() in self.message_header_labels:
                n += 1
        return n >= 2

    def is_wire_end(self, text: str) -> bool:
        """Whether a line ends a copied wire story: an end mark alone ("(END)", "-30-") or a
        copyright notice ("Copyright (c) 2012 Yonhap News Agency.", "© Daily NK")."""
        s = text.strip()
        if not s or len(s) > 160 or s[0] not in self.wire_end_first:  # most lines: one set test
            return False
        low = s.casefold()
        if low in self.wire_end_marks:
            return True
        if not low.startswith(self.copyright_openings):
            return False
        # a notice, not a sentence about copyright: a year, a name, a sign or nothing follows
        o = next(o for o in self.copyright_openings if low.startswith(o))
        rest = s[len(o) :].lstrip()
        return not rest[:1].isalpha() or rest[:1].isupper()

    def is_page_chrome(self, text: str) -> bool:
        """Whether a line is a theme's page chrome: an archive page's heading ("Archive for the
        ‘Food’ Category"), a pagination line ("« Older Entries", "Page 2 of 14") or a web
        archive's toolbar ("The Wayback Machine - https://web.archive.org/…", "13 captures")."""
        s = text.strip()
        if not s:
            return False
        if len(s) > 90:
            return self.is_web_archive_head(s)
        return self.is_folded_chrome(s.casefold())

    def is_web_archive_head(self, s: str) -> bool:
        """Whether a stripped line of any length opens a web archive's toolbar ("The Wayback
        Machine - https://web.archive.org/web/…")."""
        return (
            len(s) <= 400
            and s[:1] in self.web_archive_first
            and s.casefold().startswith(self.web_archive_openings)
        )

    def is_folded_chrome(self, low: str) -> bool:
        """`is_page_chrome` of a stripped, casefolded line of at most 90 characters."""
        if low.startswith(self.archive_headings):
            return True
        if low in self.web_archive_lines or low.startswith(self.web_archive_openings):
            return True  # a web archive's toolbar ("About this capture", "The Wayback Machine -")
        if (
            len(low) <= 40
            and (low[:1].isdigit() or (len(low) <= 11 and low[:1] in "adfjmnos"))
            and _CAPTURES.fullmatch(low) is not None
        ):
            return True  # its capture count or range, a row of its calendar
        if low[:4] == "home" and low[4:].lstrip()[:1] in "»>›/→|" and len(low) > 6:
            return True  # a breadcrumb trail ("Home > News > Economy", "Home » Blogs » …")
        if low[:1] in "«‹<←" and low[-1:] in "»›>→" and ("|" in low or low[1:2] == " "):
            return True  # Movable Type's "« Previous post | Main | Next post »", a static
            # site's "« Older post's title   Newer post's title »"
        arrow = _ARROWS.search(low) is not None  # "<< Home": an arrow stands for the head word
        if not arrow and self.pagination_head_re.search(low) is None:
            return False  # (one C-level search before the line is split into words)
        words = _WORDS.findall(low)
        return (
            bool(words)
            and not low.endswith((":", "："))  # "Older posts on this topic:" heads a list
            and (arrow or not self.pagination_heads.isdisjoint(words))
            and all(w in self.pagination_words or w.isdigit() for w in words)
        )

    def is_contents_heading(self, text: str) -> bool:
        """Whether a line is a publication's contents heading ("Table of contents")."""
        s = text.strip()
        return 0 < len(s) <= 30 and _norm(s).rstrip(" :") in self.contents_headings

    def is_affiliation(self, text: str) -> bool:
        """Whether text names an institution ("Korea Development Institute"), not a person."""
        return not self.affiliation_words.isdisjoint(_WORDS.findall(text.casefold()))

    def is_position(self, text: str) -> bool:
        """Whether text names a person's position ("Visiting Fellow"), not a name or a place."""
        return not self.position_words.isdisjoint(_WORDS.findall(text.casefold()))

    def is_skip(self, text: str) -> bool:
        """Whether a block line carries no field ("Download here (PDF)", "Read here at …")."""
        low = " ".join(text.casefold().split())
        return (
            low in self.skip_lines
            or low.rstrip(" .:") in self.skip_lines
            or (low + " ").startswith(self.skip_openings)
            or low.startswith("download")
        )

    def label_form(self, label: str) -> str:
        """The citation form of a block label as written."""
        return self.label_forms.get(_norm(label), "label-block")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    """Extend the lists of ``base`` with those of ``extra`` (tables merged key by key)."""
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = [*base[key], *value]
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def compile_cues(table: dict[str, Any], update_words: list[str]) -> Cues:
    """Compile a cue table (the shape of data/cues.toml) and the update words."""
    forms: dict[str, str] = {}
    for group in table.get("labels", []):
        form = group.get("form", "label-block")
        if form not in FORMS:
            raise RegistryError(f"cue label form {form!r} is not a citation form ({sorted(FORMS)})")
        for p in group.get("phrases", []):
            forms[_norm(p)] = form
    if not forms:
        raise RegistryError("the cue table defines no block labels")
    fillers = _alternation(table.get("label_fillers", [])) or "(?!)"
    label_re = re.compile(
        r"(?i)(?P<label>" + _alternation(list(forms)) + r")\b"
        # where it can be read: "Read the full story in the Daily NK here:"
        r"(?:\s+(?:in|at|on|from)\s+(?:the\s+)?[^:：\n]{1,50}?(?=\s*(?:"
        + fillers
        + r")?\s*[:：]))?"
        r"(?:\s*(?:" + fillers + r"))?"
        # (or a comma before a capitalised name: "Source, Xinhua, April 26, 2013")
        r"\s*(?:(?P<colon>[:：])\s*|\s*$|\s+[-–—]\s+|,\s+(?=[A-Z]|[^\x00-\x7f]))"
    )
    headings = table.get("list_headings", [])
    # searched in a casefolded line: a prefix trie of literal phrases (no case folding, no
    # lookbehind) lets the engine skip ahead like a plain character scan
    list_heading_re = re.compile(
        r"(?:" + (trie_pattern({_norm(h) for h in headings if h.strip()}) or "(?!)") + r")(?!\w)"
    )
    kinds: dict[str, str] = {}
    for kind, labels in table.get("fields", {}).items():
        for lab in labels:
            kinds[_norm(lab).rstrip(".")] = kind
    # a clock time closing the value is the template's ("Published : 2013-04-10 18:22")
    field_re = re.compile(
        r"(?i)^(?P<label>" + _alternation(list(kinds)) + r")\.?\s*[:：]\s*(?P<value>\S.*?)"
        r"(?:[ \t,|]+(?:at[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*$"
    )
    numbers = _alternation(table.get("number_words", ["no."]))
    number_re = re.compile(r"(?i)(?:^|(?<=[\s,(]))(?:" + numbers + r")\s*[.:#]?\s*\d[\w./\-]*")
    uw = sorted({w.casefold() for w in update_words}, key=len, reverse=True)
    update_re = re.compile(r"(?i)^[(\[]?[ \t]*(?:" + "|".join(re.escape(w) for w in uw) + r")\b")
    first = {v for p in forms for v in (p[:4], p[:4].capitalize(), p[:4].upper())}
    aff = table.get("affiliation_words", [])
    heads = {h.strip() for h in table.get("outlet_heads", []) if h.strip()}
    comment_words = _alternation(table.get("comment_words", []))
    counts = "|".join([r"\d{1,5}", *filter(None, [_alternation(table.get("count_words", []))])])
    comment_heading_re = (
        re.compile(
            r"[ \t]*(?:(?i:" + counts + r")[ \t]+)?(?i:" + comment_words + r")"
            r"(?:[ \t]*[:：]|[ \t]*\(\d{1,5}\)|[ \t]+(?i:to|on|for)[ \t]+[“\"‘'][^\n]{0,300}"
            # LiveJournal's "5 comments | Leave a comment", "2 comments | Reply"
            r"|[ \t]*\|[ \t]*(?i:(?:leave|post|add)[ \t]+a[ \t]+(?:comment|reply)|reply))?"
            r"[ \t]*(?![^\n])"
        )
        if comment_words
        else re.compile("(?!)")
    )
    return Cues(
        archive_headings=tuple(
            _norm(h) for h in [*table.get("archive_headings", []), *table.get("print_chrome", [])]
        ),
        pagination_words=frozenset(_norm(w) for w in table.get("pagination_words", [])),
        pagination_heads=frozenset(_norm(w) for w in table.get("pagination_heads", [])),
        pagination_head_re=re.compile(
            trie_pattern({_norm(w) for w in table.get("pagination_heads", [])}) or "(?!)"
        ),
        comment_heading_re=comment_heading_re,
        sidebar_headings=frozenset(_norm(h) for h in table.get("sidebar_headings", [])),
        related_headings=frozenset(_norm(h) for h in table.get("related_headings", [])),
        contents_headings=frozenset(_norm(h) for h in table.get("contents_headings", [])),
        lead_in_pointer_re=re.compile(
            r"(?i)\b(?:" + _alternation(table.get("lead_in_pointers", [])) + r")\b"
        )
        if table.get("lead_in_pointers")
        else re.compile("(?!)"),
        article_re=re.compile(
            r"\b(?:" + _alternation([w.casefold() for w in table.get("article_words", [])]) + r")\b"
        )
        if table.get("article_words")
        else re.compile("(?!)"),
        pointer_openings=tuple(sorted(p for p, f in forms.items() if f == "full-article")),
        presenting_openings=tuple(w.casefold() for w in table.get("presenting_openings", [])),
        presenting_words=tuple(w.casefold() for w in table.get("presenting_words", [])),
        author_box_openings=tuple(_norm(h) + " " for h in table.get("author_box_openings", [])),
        related_first=frozenset(
            [" ", "\t"]  # (an indented heading is read too)
            + [
                ch
                for h in [*table.get("related_headings", []), *table.get("author_box_openings", [])]
                for ch in (h[:1].lower(), h[:1].upper())
            ]
        ),
        entry_opening_re=re.compile(
            r"(?i:" + _alternation(table.get("entry_openings", [])) + r")[ \t]+(?=[“\"‘'A-Z])"
        )
        if table.get("entry_openings")
        else re.compile("(?!)"),
        label_first=frozenset(first),
        label_prefixes=tuple(sorted(forms, key=len, reverse=True)),
        label_re=label_re,
        label_forms=forms,
        list_heading_re=list_heading_re,
        update_first=frozenset({"(", "["} | {w[0] for w in uw} | {w[0].upper() for w in uw}),
        update_re=update_re,
        update_words=tuple(uw),
        field_re=field_re,
        field_kinds=kinds,
        number_re=number_re,
        skip_lines=frozenset(_norm(s) for s in table.get("skip_lines", [])),
        affiliation_words=frozenset(_norm(w) for w in aff),
        remark_openings=tuple(p.casefold() for p in table.get("remark_openings", [])),
        remark_endings=tuple(p.casefold() for p in table.get("remark_endings", [])),
        skip_openings=tuple(
            _norm(p) + " " for p in table.get("skip_lines", []) if " " in p.strip()
        ),
        position_words=frozenset(_norm(w) for w in table.get("position_words", [])),
        caption_openings=tuple(p.casefold() for p in table.get("caption_openings", [])),
        note_openings=tuple(p.casefold() for p in table.get("note_openings", [])),
        entry_pointer_re=_entry_pointer_re(table.get("entry_pointers", [])),
        entry_pointer_first=frozenset(
            c for p in table.get("entry_pointers", []) for c in (p[:1].lower(), p[:1].upper())
        ),
        byline_kinds=frozenset(_norm(k) for k in table.get("byline_kinds", [])),
        outlet_heads=frozenset(heads),
        credit_words=frozenset(_norm(w) for w in table.get("credit_words", [])),
        web_archive_openings=tuple(_norm(w) for w in table.get("web_archive_openings", [])),
        web_archive_first=frozenset(
            c for w in table.get("web_archive_openings", []) for c in (w[:1].lower(), w[:1].upper())
        ),
        web_archive_lines=frozenset(
            _norm(w) for w in [*table.get("web_archive_lines", []), *table.get("comment_links", [])]
        ),
        head_widgets=frozenset(_norm(w) for w in table.get("head_widgets", [])),
        message_header_labels=frozenset(_norm(w) for w in table.get("message_header_labels", [])),
        message_footer_openings=tuple(
            w.casefold() for w in table.get("message_footer_openings", [])
        ),
        wire_end_marks=frozenset(w.casefold() for w in table.get("wire_end_marks", [])),
        copyright_openings=tuple(w.casefold() for w in table.get("copyright_openings", [])),
        wire_end_first=frozenset(
            c
            for w in [*table.get("wire_end_marks", []), *table.get("copyright_openings", [])]
            for c in (w.strip()[:1].lower(), w.strip()[:1].upper())
            if c
        ),
        # a literal trie, so the engine skips ahead (a prefilter: the name is checked after)
        outlet_head_re=re.compile(r"(?:" + trie_pattern(heads) + r")(?!\w)")
        if heads
        else re.compile("(?!)"),
    )


def _entry_pointer_re(pointers: list[str]) -> re.Pattern[str]:
    """The digest pointers "<before> {outlet} <after>" as one regex: any of the words before,
    the outlet (group ``outlet``), any of the words after."""
    if not pointers:
        return re.compile("(?!)")
    parts = [p.split("{outlet}", 1) for p in pointers if "{outlet}" in p]
    before = _alternation([b.strip() for b, _ in parts if b.strip()])
    after = _alternation([a.strip() for _, a in parts if a.strip()])
    return re.compile(
        r"(?i:" + before + r")\s+(?P<outlet>[^\W\d][\w.&'’ \-]{1,40}?)"
        r"(?:\s+(?i:" + after + r"))?\s*[.!:…]*$"
    )


@functools.cache
def cues() -> Cues:
    """The packaged cue table plus files listed in ``CITEGRAB_CUES`` (os.pathsep-separated)."""
    table = load_toml("cues.toml")
    markers = load_toml("markers.toml")
    extra_updates: list[str] = []
    for p in os.environ.get("CITEGRAB_CUES", "").split(os.pathsep):
        if p:
            extra = load_toml(Path(p))
            extra_updates.extend(extra.pop("update_words", []))
            _merge(table, extra)
    return compile_cues(table, [*markers.get("update_words", []), *extra_updates])
