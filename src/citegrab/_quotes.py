"""Quote finding: lead-ins, quoted paragraphs and the citation lines that close them.

In plain-text archives a quoted block is only visible by its frame: the blogger's lead-in (a
paragraph ending in a colon), the quoted paragraphs, and a citation line. A citation closes the
block that began after the nearest lead-in before it; a lead-in with no citation before the next
lead-in (or the post's end) opens an uncited block, attributed from the lead-in when it names an
outlet ("AP:", "According to Yonhap:").

The older layouts are one mechanism over the same frame: a label or a lead-in, then field lines
read by the grammar's field classifier. A run of field lines under a lead-in (or under the post's
date line) heads the text below it; a labelled block after the text closes it; the entries under
a list heading (or an unlabelled run of entries) close no quote.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import regex

from ._authors import is_place, looks_like_name, strip_by
from ._citations import (
    VIA,
    CitationGrammar,
    ParsedLine,
    _personish,
    drop_acknowledgements,
    is_acknowledgement,
    source_notes,
)
from ._cues import cues
from ._dates import DATE_RE, parse_date
from ._models import DiagnosticCode
from ._outlets import OutletEntry, OutletRegistry
from ._scan import _MARKUP, Lines, Scan, content, content_start
from ._segment import PostLayout, is_furniture, markers

_WORD = regex.compile(r"\p{L}+")
_LIST_ITEM = regex.compile(r"^\s*(?:[-•*–]\s|\d{1,2}[.)]\s|\[\d{1,3}\]\s)")
_DIGIT_RE = regex.compile(r"\d")
_ENTRY_MARK = regex.compile(r"^(?:[-•*]\s|\d{1,2}[.)]\s|\[\d{1,3}\]\s)\s*")
"""A bullet or number opening a list entry, or an endnote's "[1]" (a dash-led sign-off
"— Name, …" is none)."""
_SENTENCE_END = regex.compile(r"(?r)(?<=[.!?][)”’\"']?)\s+(?=[\p{Lu}“\"‘(])")
"""A break between sentences, searched from the end (``(?r)``): only the last sentence of a
lead-in is read, so a long paragraph is not split into all of its sentences first."""


def _last_sentence(text: str) -> str:
    """The final sentence of ``text`` (stripped): what follows its last sentence break."""
    s = text.strip()
    m = _SENTENCE_END.search(s)
    return s[m.end() :] if m else s


_DIGIT_STD = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"\d{4}|['’]\d\d\b")
"""A year in a date ("2011", "'11"): a date without one is a day of the month."""
_GLUED_SIGNOFF = re.compile(
    r"([.!?][\"”’]?)(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]"
    r"\d{1,2},?[ \t]+\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})[ \t]+[^\W\d][^\n]{1,40}$",
    re.M,
)
"""A date-first sign-off glued to a paragraph's last sentence and its closing quotation mark, if
any ('… hardship."Apr. 14, 2006 yomiuri', '… the trader.Oct. 1, 2007 asahi')."""
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_GLUED_CUE = re.compile(
    r"[A-Z][\w.'’&\- ()]{1,60}?[ ,:–—-]+(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|(?i:"
    + _MON
    + r")\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?i:"
    + _MON
    + r"),?\s+\d{4})"
    r"[ ,:.–—-]+\S"
)
"""The cheap cue of a glued header (a name, a date, then text) before the full date grammar."""
_GLUED_HEAD = regex.compile(
    r"(?P<outlet>\p{Lu}[\w.'’&\- ()]{1,60}?)[ ,:–—-]+(?P<date>(?i:" + DATE_RE.pattern + r"))",
    regex.VERSION1,
)
_DATELINE = regex.compile(
    r"^(?:\p{Lu}[\p{L}.'’\- /]{1,30},\s+(?:\p{Lu}[\p{L}.'’\- ]{1,20},\s+)?"
    r"(?P<date>\p{L}{3,9}\.?\s+\d{1,2}(?:,\s+\d{4})?)\s*"
    r"|\p{Lu}[\p{Lu}.'’\- /]{1,30})\((?P<outlet>[^()]{2,30})\)\s*[—–-]"
)
"""A wire dateline opening a paragraph: place (its region after a comma or not), month and day,
the outlet in parentheses; or the place alone in capitals ("WASHINGTON (Yonhap) --")."""
_WIRE_TAG = regex.compile(r"\([^()\n]{2,20}\)\s+\p{Lu}")
"""A wire's tag opening a headline ("(LEAD) ", "(2nd LD) ", "(News Focus) ")."""
_GUILLEMET_NAME = re.compile(r"«\s*([^«»\n]{2,40}?)\s*»")
_PHOTO_CREDIT = re.compile(r"\b(?:Photo|Image|Picture)s?(?: courtesy\b| by\b|\s*[:/])", re.I)
_DATED_HEAD = re.compile(r"\d:\d\d|, (?:1[89]|20)\d\d$")
"""A clock time or a year closing a line: a page's date line, no headline."""
_INLINE_SOURCE = regex.compile(r"[(\[]\s*sources?\s*[:：]", regex.IGNORECASE)
_CANDIDATE_START = regex.compile(
    r"^\s*(?:[(\[]|sources?\b|full\s|read\s|original\s|[“\"‘'—–「『《〈]|--|\p{Lu}[\p{L}.'’\-]*\s+\p{Lu}"
    r"|(?-i:\p{Lu})[\p{L}.'’\-]*(?:,|\s\()"
    r"|(?-i:\p{Lu})[\p{L}\-]{1,24}:\s(?=[^\n]*[“\"‘'「『《]))",
    regex.IGNORECASE,
)


@dataclass
class FoundCitation:
    """A citation found in a post: where it is and what the grammar made of it."""

    first: int  # 0-based line index
    last: int  # last line of a multi-line block
    start: int  # document offsets of the citation text
    end: int
    parsed: ParsedLine
    ref: dt.date | None
    role: str = "closes-quote"  # or "heads-quote", "list-entry"
    lead: int | None = None  # a header block's lead-in line, a list's heading line
    region: tuple[int, int] | None = None  # lines a header block or list occupies
    glued: bool = False  # a header glued to the start of its first quoted paragraph
    heading_outlet: OutletEntry | None = None  # the outlet a list's sub-heading names ("Yonhap:")
    wrapped: bool = False  # one citation line wrapped onto the next (no block of field lines)


@dataclass
class FoundQuote:
    """A quoted block (0-based line indices, inclusive)."""

    first: int
    last: int
    lead_in: int | None
    citations: list[FoundCitation] = field(default_factory=list)
    lead_in_outlet: OutletEntry | None = None
    inline_last: int | None = None  # offset where a trailing inline citation starts


class QuoteFinder:
    """Finds citations and quoted blocks inside one post's body."""

    def __init__(self, grammar: CitationGrammar, registry: OutletRegistry) -> None:
        self.grammar = grammar
        self.registry = registry
        self.capped: list[int] = []  # lines with more inline sources than were read

    def ref_date(self, layout: PostLayout, line: int) -> dt.date | None:
        """The date a source on ``line`` cannot postdate: the post's, or a dated update's."""
        ref = layout.date.value if layout.date else None
        for upd_line, upd_date in layout.updates:
            if upd_line <= line and (ref is None or upd_date > ref):
                ref = upd_date
        return ref

    def citations(
        self, lines: Lines, layout: PostLayout, found_lines: Scan, *, chrome: bool = False
    ) -> list[FoundCitation]:
        """Every citation in the post body: header blocks and further-reading lists found from
        their lead-ins, then citation lines, labelled blocks and trailing parentheticals.

        ``chrome``: the body is the page's text before its first post (masthead, breadcrumbs,
        category heading), where an outlet's name alone on a line is the site's, not a header.
        """
        lo, hi = layout.body_start, layout.body_end
        found = self._structures(lines, layout, found_lines, chrome)
        covered = {j for c in found if c.region for j in range(c.region[0], c.region[1] + 1)}
        text_lines = lines.lines
        label_re, label_first = cues().label_re, cues().label_first
        elisions = markers().elisions
        skip_to = -1
        for i in Scan.between(found_lines.cite, lo, hi):
            if i < skip_to or i in covered:
                continue
            ln = text_lines[i]
            lead = content_start(ln)
            s = content(ln)
            ref = self.ref_date(layout, i)
            role = "closes-quote"
            item = _ENTRY_MARK.match(s)
            if item is not None:  # "1. Author, “Title,” Date" / "- Title, Outlet, Date"
                lead += item.end()
                s = s[item.end() :]
                role = "list-entry"
            label = label_re.match(s) if s[:4] in label_first else None
            if label is not None:
                block = self._block(lines, i, hi)
                rest = s[label.end() :].strip()
                if rest:  # "Full article: AP": the fields start on the label's line, and a
                    # blank line under it ends them (the blogger's next paragraph is no title)
                    k = next((k for k in range(1, len(block)) if block[k] != block[k - 1] + 1), 0)
                    block = block[:k] if k else block
                if (
                    not rest
                    and len(block) > 1
                    and self.grammar.parse_line(content(text_lines[block[1]]), ref) is not None
                ):
                    continue  # "Sources:" over one citation line per source: each is read alone
                one = self.grammar.parse_line(s, ref) if rest else None
                parsed = one or self.grammar.parse_block(
                    [s] + [content(text_lines[j]) for j in block[1:]], ref
                )
                if parsed is None and one is None and len(block) > 1:
                    # "According to Yonhap:" … "Read the full story here:" / a title alone
                    above = [k for k in Scan.between(found_lines.colon, lo, i) if k not in covered]
                    lead_in = next(
                        (k for k in reversed(above) if _is_lead_in(text_lines[k], elisions)), None
                    )
                    if lead_in is not None and not any(lead_in < f.first < i for f in found):
                        hint = self.lead_in_outlet(text_lines[lead_in])
                        if hint is not None and hint.id:
                            parsed = self.grammar.parse_block(
                                [s] + [content(text_lines[j]) for j in block[1:]],
                                ref,
                                title_only=True,
                            )
                if parsed is None and rest and self.registry.is_outlet(rest.strip(" .")):
                    # "Full article: AP", "Source: Yonhap": a known outlet alone is the source
                    src = self.grammar.parse_fields([rest.strip(" .")], ref)
                    if src is not None and src.outlet is not None:
                        form = cues().label_form(label.group("label"))
                        parsed = ParsedLine(form, [self.grammar._finish(src)], [])
                if parsed is not None and one is None:
                    last = block[-1]
                    fc = FoundCitation(
                        i, last, lines.starts[i] + lead, lines.end(last), parsed, ref
                    )
                    prev = lines.prev_nonblank(i, lo)
                    if (
                        prev >= 0
                        and prev not in covered
                        and _is_lead_in(text_lines[prev], markers().elisions)
                    ):
                        # "…the following price data:" / "Source:" over fields / the text: the
                        # block sits between the lead-in and the text it heads
                        fc.role, fc.lead, fc.region = "heads-quote", prev, (prev, last)
                        if _introduces_figure(text_lines[prev]):
                            fc.role = "standalone"  # the source of a figure ("the table below:")
                    found.append(fc)
                    skip_to = last + 1
                    continue
            if role == "list-entry":  # a numbered or bulleted entry: read leniently
                parsed = self._entry_line(s, ref)
            elif s[:1] in "«‹":  # "«Title», Yonhap, May 29, 2015": a European title's marks
                named = self._named_in_guillemets(s) if s[:1] == "«" else s
                parsed = self.grammar.parse_line(named.translate(_GUILLEMETS), ref)
                if parsed is None and named != s:  # (a name alone over its date: read as before)
                    parsed = self.grammar.parse_line(s.translate(_GUILLEMETS), ref)
            else:  # (a known outlet's name in guillemets is read as the name)
                parsed = (
                    self.grammar.parse_line(self._named_in_guillemets(s) if "«" in s else s, ref)
                    if _CANDIDATE_START.match(s)
                    else None
                )
            if parsed is None and s[-1:] == ")" and (" — " in s or " – " in s):
                parsed = self._dash_paren(s, ref)  # "Title — Yonhap (March 3, 2015)"
            if parsed is not None:
                start = lines.starts[i] + lead
                wrapped = self._wrapped(lines, i, hi, s, parsed, ref) if s[-1:] in ',"”' else None
                if wrapped is not None:  # the citation wrapped onto the next line
                    parsed, skip_to = wrapped, i + 2
                    fc = FoundCitation(i, i + 1, start, lines.end(i + 1), parsed, ref, role)
                    fc.wrapped = True
                    found.append(fc)
                    continue
                found.append(FoundCitation(i, i, start, start + len(s), parsed, ref, role))
            else:
                # "(Source: …)" parentheticals inside the line: a paragraph closed by one, or
                # several on one line; each is parsed on its own
                base = lines.starts[i] + lead
                pieces = _inline_sources(s)
                if len(pieces) == MAX_INLINE:
                    self.capped.append(i)
                titled = self._titled_sources(s, ref) if not pieces and "(" in s else []
                for a, b, parsed in titled:  # "Yonhap (“Title”, 2006-04-11) reported that …"
                    found.append(FoundCitation(i, i, base + a, base + b, parsed, ref, "standalone"))
                if titled:
                    continue
                if not pieces:
                    bracketed = (
                        self._bracket_source(s, ref)
                        or self._paren_source(s, ref)
                        or self._dash_source(s, ref)
                    )
                    if bracketed is not None:  # "… she said. [Yonhap]", "… (Yonhap, 3/4/2013)"
                        a, b, parsed = bracketed
                        found.append(FoundCitation(i, i, base + a, base + b, parsed, ref))
                        continue
                    inner = s.rstrip(" .")
                    if (
                        (
                            (inner[:1] == "(" and inner[-1:] == ")")
                            or (inner[:1] == "[" and inner[-1:] == "]")
                            or inner[:1] in "—–"
                        )
                        and len(inner) <= 80
                        and _closes_paragraph(lines, i, lo, dense=lines.dense(lo, hi))
                    ):  # "(From the Korea Times, March 3, 2013)", "[Nodong Sinmun, 12 Feb 2008]"
                        # under the quoted text, or a sign-off "— Rodong Sinmun, April 28, 2023"
                        # (an outlet a name's shape)
                        body = inner[1:-1] if inner[:1] in "([" else inner.lstrip("—– ")
                        x = _EXCERPT_FROM.match(body) if body[:1] in "EeAaRrTt" else None
                        if x is not None:
                            # "[Excerpts from Associated Press article by writer Hyung-Jin Kim]"
                            body = x.group("outlet") + (", " + x.group("by") if x["by"] else "")
                        body = self._named_in_guillemets(body) if "«" in body else body
                        parsed = self._named_source(body, ref)
                        if parsed is not None and (
                            inner[:1] != "[" or x is not None or parsed.sources[0].date is not None
                        ):  # (a bare "[Yonhap]" alone on its line is an aside, not a source)
                            found.append(FoundCitation(i, i, base, base + len(inner), parsed, ref))
                for a, b in pieces:
                    piece = s[a:b].rstrip()
                    parsed = self.grammar.parse_line(piece, ref)
                    if parsed is not None:
                        found.append(
                            FoundCitation(i, i, base + a, base + a + len(piece), parsed, ref)
                        )
        taken: set[int] | None = None  # lines the citations found so far occupy (built once)
        for i in Scan.between(found_lines.colon, lo, hi):
            ln = text_lines[i]
            if len(ln) > 100 or _DIGIT_STD.search(ln) is None:
                continue  # the literal tests: a heading source is short and dated
            if taken is None:
                taken = {j for c in found for j in range(c.first, c.last + 1)} | covered
            heading = self._heading_source(lines, layout, i, hi) if i not in taken else None
            if heading is not None:
                found.append(heading)  # "From Rodong Sinmun (January 30th, 2024):" over the text
        pointer_first = cues().entry_pointer_first
        for i in Scan.between(found_lines.short, lo, hi):
            ln = text_lines[i]
            if ln[:1] not in pointer_first and (
                ln[:1] not in _MARKUP or content(ln)[:1] not in pointer_first
            ):
                continue  # the literal test: "Visit …", "Read more at …"
            if taken is None:
                taken = {j for c in found for j in range(c.first, c.last + 1)} | covered
            entry = self._pointed_entry(lines, layout, i, lo, taken) if i not in taken else None
            if entry is not None:  # headline / teaser / "Visit NK News for more"
                found.append(entry)
        found = self._post_source(lines, layout, found)
        found.sort(key=lambda c: (c.first, c.start))
        _unlabelled_lists(lines, found, label_re)
        return found

    def _named_in_guillemets(self, s: str) -> str:
        """The line with a known outlet's name taken out of its guillemets ("— «Rodong Sinmun»,
        28 February 2023": French and Russian usage marks a paper's name so, not a title)."""
        return _GUILLEMET_NAME.sub(
            lambda m: m.group(1) if self.registry.is_outlet(m.group(1).strip()) else m.group(0), s
        )

    def _bracket_source(self, s: str, ref: dt.date | None) -> tuple[int, int, ParsedLine] | None:
        """A paragraph's closing bracket naming its source ("… she said. [Yonhap]", "[Washington
        Post, Anna Fifield]"): a known outlet, and nothing but names and a date beside it."""
        m = _TRAILING_BRACKET.search(s)
        if m is None:
            return None
        parsed = self._named_source(m.group("body"), ref)
        if parsed is None:
            return None
        return m.start("open"), m.end("close"), parsed

    def _closed_by_source(self, s: str, ref: dt.date | None) -> bool:
        """Whether a line is a paragraph closed by its bracketed or dated parenthesised source."""
        if not s.endswith(("]", ")", "].", ").")):
            return False
        return (self._bracket_source(s, ref) or self._paren_source(s, ref)) is not None

    def _paren_source(self, s: str, ref: dt.date | None) -> tuple[int, int, ParsedLine] | None:
        """A paragraph's closing parenthesis naming its source with a date ("… on Monday.
        (Chosun Ilbo, March 3, 2008)"): read as a bracket is, and a date is required (a
        parenthesis naming an outlet alone is an aside: "… the news agency (KCNA).")."""
        m = _TRAILING_PAREN.search(s)
        if m is None:
            return None
        parsed = self._named_source(m.group("body"), ref)
        if parsed is None or parsed.sources[0].date is None:
            return None
        return m.start("open"), m.end("close"), parsed

    def _pointed_entry(
        self, lines: Lines, layout: PostLayout, i: int, lo: int, taken: set[int]
    ) -> FoundCitation | None:
        """A digest's entry closed by a pointer naming its outlet: a headline, a teaser of a
        line or two, then "Visit NK News for more" (or "Read more at Yonhap"), no blank line
        between; the headline is the title (a byline after it, ", By Name", the author)."""
        m = cues().entry_pointer_re.match(content(lines.lines[i]))
        if m is None or not self.registry.is_outlet(m.group("outlet").strip()):
            return None
        first = i
        while (
            first - 1 >= lo
            and i - first < 3
            and not lines.blank(first - 1)
            and first - 1 not in taken
            and cues().entry_pointer_re.match(content(lines.lines[first - 1])) is None
        ):
            first -= 1
        if first == i:
            return None  # a pointer with no headline above it
        headline = content(lines.lines[first]).rstrip(" .")
        if not headline or len(headline) > 160 or headline[-1:] in ":;,":
            return None
        by = _ENTRY_BYLINE.search(headline)
        title = headline[: by.start()] if by is not None else headline
        fields = [title, *([f"By {by.group('name').strip()}"] if by is not None else [])]
        return self._headline_entry(
            lines, layout, (first, i), [*fields, m.group("outlet").strip()], "list-entry"
        )

    def _heading_source(
        self, lines: Lines, layout: PostLayout, i: int, hi: int
    ) -> FoundCitation | None:
        """A lead-in that names its own source and date ("From Rodong Sinmun (January 30th,
        2024):", "Yonhap, March 3, 2013:") heads the text under it: a heading citation."""
        ln = lines.lines[i]
        if len(ln) > 100 or _DIGIT_STD.search(ln) is None:
            return None  # the literal tests: a heading source is short and dated
        s = content(ln)
        m = _HEADING_SOURCE.match(s)
        if m is None or lines.next_nonblank(i, hi) < 0:
            return None
        date = m.group("date") or m.group("date2")
        ref = self.ref_date(layout, i)
        src = self.grammar.parse_fields([m.group("body").strip(), date.strip()], ref)
        if (
            src is None
            or src.outlet is None
            or src.outlet.match not in ("exact", "alias")
            or src.date is None
            or src.title is not None
            or src.authors
        ):
            return None  # a known outlet and a date, nothing else
        parsed = ParsedLine("header-block", [self.grammar._finish(src)], [])
        start = lines.starts[i] + content_start(ln)
        fc = FoundCitation(i, i, start, start + len(s), parsed, ref, "heads-quote", i)
        fc.region = (i, i)
        return fc

    def _wrapped(
        self, lines: Lines, i: int, hi: int, s: str, parsed: ParsedLine, ref: dt.date | None
    ) -> ParsedLine | None:
        """The citation read over line ``i`` and the next when line ``i`` breaks off after a
        comma (`Source: Name, "Title,"` / `38 North, August 20, 2012.`): the next line, short
        and right under it, gives the outlet or the date the first line lacks."""
        if not s.endswith((",", ',"', ",”")) or i + 1 >= hi or lines.blank(i + 1):
            return None
        src = parsed.sources[-1]
        if src.outlet is not None and src.date is not None:
            return None
        nxt = content(lines.lines[i + 1])
        if len(nxt) > 80:
            return None  # a paragraph of text, not the citation's tail
        joined = self.grammar.parse_line(s + " " + nxt, ref)
        if joined is None or len(joined.sources) != len(parsed.sources):
            return None
        got = joined.sources[-1]
        if (got.outlet is None or src.outlet is not None) and (got.date is None or src.date):
            return None  # the next line adds neither an outlet nor a date
        return joined

    def _dash_source(self, s: str, ref: dt.date | None) -> tuple[int, int, ParsedLine] | None:
        """A paragraph's closing dash-led sign-off after its last sentence ("… hate speech. –
        Sankei Shimbun, Aug. 16, 2015"): a known outlet and a date, as a parenthesis needs."""
        if "– " not in s and "— " not in s and "-- " not in s:
            return None  # the literal test before the regex
        m = _CLOSING_DASH.search(s)
        if m is None:
            return None
        parsed = self._named_source(m.group("body"), ref)
        if parsed is None or parsed.sources[0].date is None:
            return None
        return m.start("dash"), len(s.rstrip()), parsed

    def _titled_sources(self, s: str, ref: dt.date | None) -> list[tuple[int, int, ParsedLine]]:
        """Sources named in running text by an outlet and a parenthesis holding the quoted
        title and the date ("Yonhap (“Title”, 2006-04-11) reported that …", the digest layout
        of daily news reports; "According to Yonhap (“Title,” 4/11/2006), …"): the outlet is a
        registry name right before the parenthesis, or capitalised words a reporting verb
        follows ("Asia Pulse (“…”, 2005-03-03) reported")."""
        out: list[tuple[int, int, ParsedLine]] = []
        for m in _TITLED_PAREN.finditer(s):
            head = s[: m.start()].rstrip()
            if not head or s[m.end() : m.end() + 1].isalnum():
                continue
            near = head[-80:]
            at = len(head) - len(near)
            kind = _OUTLET_KIND.search(near)  # "KCNA news agency": the name before the kind
            named = near[: kind.start()] if kind is not None else near
            known = [a for a, b, _ in self.registry.mentions(named) if b == len(named)]
            inner = m.group("inner")
            close = max(inner.rfind(q) for q in '”"“')
            title, rest = inner[: close + 1], inner[close + 1 :].strip(" ,;")
            if known:
                name_at = known[-1]
            else:
                name = _NAME_BEFORE.search(named)
                verb = _VERB_AFTER.match(s, m.end())
                if (
                    name is None
                    or verb is None
                    or verb.group(1).casefold() not in markers().reporting_verbs
                    or _personish(name.group(0))  # "Kim Min-ho (“We …”, 2005) said": a person
                    or parse_date(rest, ref) is None
                ):
                    continue
                name_at = name.start()
            outlet = named[name_at:]
            name_at += at
            # (a parenthesis with no keyword: the grammar reads it as a "parenthetical")
            parsed = self.grammar.parse_line(f"({title}, {outlet}, {rest})", ref)
            if parsed is None or len(parsed.sources) != 1 or not parsed.sources[0].quoted_title:
                continue
            out.append((name_at, m.end(), parsed))
        return out

    def _named_source(self, body: str, ref: dt.date | None) -> ParsedLine | None:
        """A bracket's or parenthesis's text read as a source: a known outlet, and nothing but
        names, a date and an issue's number beside it ("Washington Post, Anna Fifield", "Reuters,
        Oct. 3, 2014", "Good Friends, North Korea Today No. 333, March 2010")."""
        if body[:1] in "vVhH" and is_acknowledgement(body):
            return None  # "(via One Free Korea)": an acknowledgement (dated, it is a source)
        body = _VIA.sub("", body.strip(), count=1)
        if not (body[:1].isupper() or body[:1].isdigit() or "가" <= body[:1] <= "힣"):
            return None  # "[sic]", "[emphasis added]", "[…]" ("38 North, …", "로동신문, …" are outlets)
        if not cues().credit_words.isdisjoint(_WORD.findall(body.casefold())):
            return None  # "[AFP/Getty Images]": a picture's credit
        fields = self._named_fields(body, ref)
        src = self.grammar.parse_fields(fields, ref) if fields is not None else None
        if (
            src is None
            or src.outlet is None
            or src.outlet.match not in ("exact", "alias")
            or src.title is not None
        ):
            return None
        return ParsedLine("parenthetical", [self.grammar._finish(src)], [])

    def _named_fields(self, body: str, ref: dt.date | None) -> list[str] | None:
        """A source's comma fields when each is an outlet, a name, a date or a number (names
        marked as the author slot); None when one is anything else."""
        fields = _without_notes([f.strip(" .") for f in _BRACKET_COMMA.split(body)])
        fields = [f for f in fields if not is_place(f)]  # a dateline's place ("Reuters, Seoul")
        for k, f in enumerate(fields):
            kinds = self.grammar.classify(f, ref)
            for kind, value in kinds:
                if kind not in ("outlet", "date", "text", "number") or (
                    kind == "text"
                    and not all(looks_like_name(n) for n in _AND.split(str(value)) if n)
                ):
                    return None  # a field that is neither the outlet, a name nor a date
            if [kind for kind, _ in kinds] == ["text"]:
                fields[k] = "By " + f  # names only, by the check above: the author slot
        return fields

    def _post_source(
        self, lines: Lines, layout: PostLayout, found: list[FoundCitation]
    ) -> list[FoundCitation]:
        """A source opening a titled post's body with no title of its own cites the post: a
        link or digest page gives the article's headline and date as the post's, then its source
        ("Source: The New York Times" / "Journalist: Motoko Rich", or "Sue Terry, New York
        Times" right under the headline), then the article's text."""
        lo, hi = layout.body_start, layout.body_end
        if layout.title_line is None or not layout.title or hi <= lo:
            return found
        first = lines.next_nonblank(lo - 1, hi)
        if first < 0:
            return found
        text_lines = lines.lines
        ref = self.ref_date(layout, first)
        at = next((k for k, f in enumerate(found) if f.first == first), None)
        s = content(text_lines[first])
        fields: list[str] | None = None
        last = first
        if at is not None:  # "Source: The New York Times" read as a bare source
            fc = found[at]
            label = cues().label_re.match(s) if s[:4] in cues().label_first else None
            srcs = fc.parsed.sources
            if (
                label is None
                or fc.last != first
                or len(srcs) != 1
                or srcs[0].title is not None
                or srcs[0].outlet is None
                or srcs[0].outlet.match not in ("exact", "alias")
            ):
                return found
            fields = [s[label.end() :].strip()]
        elif 4 < len(s) <= 80 and "," in s and s[-1] not in '.:;?!”"':
            fields = self._named_fields(s, ref)  # "Sue Terry, New York Times"
            if fields is None or not any(f.startswith("By ") for f in fields):
                return found
        if not fields:
            return found
        field_re = cues().field_re
        for _ in range(3):  # labelled field lines below it ("Journalist: Motoko Rich")
            nxt = lines.next_nonblank(last, min(hi, last + 3))
            if nxt < 0 or field_re.match(content(text_lines[nxt])) is None:
                break
            fields.append(content(text_lines[nxt]))
            last = nxt
        body = lines.next_nonblank(last, hi)
        credit = -1  # an outlet alone under it: a picture's credit or a repeat, no header
        if body >= 0 and self.registry.is_outlet(content(text_lines[body]).strip(" .")):
            credit, body = body, lines.next_nonblank(body, hi)
        if body < 0 or len(text_lines[body]) < 80:
            return found  # no article's text under it
        if layout.date is not None and not any(self._date_only(f, ref) for f in fields):
            fields.append(layout.date.raw)  # the page's date is the article's
        src = self.grammar.parse_fields([f"Title: {layout.title}", *fields], ref)
        if src is None or src.outlet is None or src.outlet.match not in ("exact", "alias"):
            return found
        parsed = ParsedLine("header-block", [self.grammar._finish(src)], [])
        start = lines.starts[first] + content_start(text_lines[first])
        head = FoundCitation(first, last, start, lines.end(last), parsed, ref, "heads-quote")
        head.region = (first, last)
        if credit >= 0:
            head.region = (first, credit)
        kept = [f for k, f in enumerate(found) if k != at and not first <= f.first <= last]
        return [head, *(f for f in kept if f.first != credit)]

    # -- header blocks and further-reading lists ---------------------------------------------

    def _structures(
        self, lines: Lines, layout: PostLayout, found_lines: Scan, chrome: bool = False
    ) -> list[FoundCitation]:
        """Header blocks (lead-in, field lines, then the quoted text) and further-reading lists
        (a heading, then entries), found from the lead-ins, outlet-only lines and paragraphs
        opening with an outlet and a date."""
        lo, hi = layout.body_start, layout.body_end
        text_lines = lines.lines
        c = cues()
        out: list[FoundCitation] = []
        taken = -1  # last line used by a structure
        occupied: set[int] = set()
        elisions = markers().elisions
        firsts = {lines.next_nonblank(lo - 1, hi)}  # where a first quoted paragraph may start
        for i in Scan.between(found_lines.colon, lo, hi):
            if i <= taken:
                continue
            j = lines.next_nonblank(i, min(hi, i + 4))
            firsts.add(j)
            if j < 0 or len(text_lines[j]) > 200:
                continue  # the usual lead-in: a long quoted paragraph follows; no list, no header
            if _is_label(text_lines[i]) or not _is_lead_in(text_lines[i], elisions):
                continue
            s = content(text_lines[i])
            # the heading phrase sits in the lead-in's last sentence
            sub = self._sub_heading(lines, layout, i, hi, s)
            if sub or c.list_heading_re.search(s[-160:].casefold()):
                entries = self._list(lines, layout, i, hi)
                if sub:  # "Yonhap:" over its entries: the outlet of those naming none
                    named = self.lead_in_outlet(s)
                    for e in entries:
                        e.heading_outlet = named
                out.extend(entries)
                if entries:
                    taken = entries[-1].last
                    occupied.update(range(i, taken + 1))
                continue
            j = i + 1 if i + 1 < hi and text_lines[i + 1].strip() else i + 2
            if j >= hi or len(text_lines[j]) > 170:
                continue  # the usual lead-in: a long quoted paragraph follows, no header
            if self._closed_by_source(content(text_lines[j]), self.ref_date(layout, j)):
                continue  # a short quoted paragraph closed by its source: "… (Yonhap, 3/4/2013)"
            head = self._header(lines, layout, i, i + 1, hi)
            if head is not None:
                out.append(head)
                taken = head.last
                occupied.update(range(i, taken + 1))
        # an outlet-only line over the quoted text ("Joong Ang Daily"), with no lead-in, or an
        # institution with its acronym alone under the post's date line
        # a press review's or digest's entries, "Title (Outlet)" over a date line or the text:
        # found before the outlet-only lines, so a section heading that is also an outlet's name
        # ("Foreign Policy") heads none of them
        if not chrome and hi > lo:
            for paren_head in self._paren_outlet_heads(lines, layout, lo, hi, occupied):
                out.append(paren_head)
                occupied.update(range(paren_head.first, paren_head.last + 1))
        top = lines.next_nonblank(lo - 1, hi)
        dense = not chrome and lines.dense(lo, hi)  # one paragraph a line, no blank lines
        for i in [] if chrome else Scan.between(found_lines.short, lo, hi):
            # (lines a list or header took, not all lines above the last one: a further-reading
            # list at the post's end leaves the bare sources above it to this loop)
            if i in occupied or (i > lo and not dense and text_lines[i - 1].strip()):
                continue  # not a paragraph of its own
            s = content(text_lines[i])
            if (
                not s
                or not s[0].isupper()
                or i + 1 >= hi
                or (s[-1] in ".:?!)" and not (i == top and self._acronym_institution(s)))
            ):
                continue
            if not (
                self.registry.is_outlet(s.strip(" ,"))
                or (i == top and self._acronym_institution(s))
            ):
                if s[-1].isdigit() or s[-1] in "日일":  # (일: "Daily NK, 2013년 4월 6일")
                    fc = self._bare_source(lines, layout, i, s, found_lines, dense)
                    if (
                        fc is None
                        and "," in s
                        and self.registry.is_outlet(s.partition(",")[0])
                        and _closes_paragraph(lines, i, lo, True, dense)
                        and (head := self._header(lines, layout, None, i, hi)) is not None
                        and head.first == head.last
                        and head.parsed.sources[0].date
                    ):
                        # "Hankyung, Lee Jae-won, 2019-03-01" alone under the quoted paragraph:
                        # its source, with the writer between the outlet and the date
                        head.role, head.parsed.form = "closes-quote", "parenthetical"
                        fc = head
                else:
                    d = DATE_RE.match(s) if s[-1].isalpha() and _DIGIT_STD.search(s) else None
                    # "Apr. 14, 2006 Yomiuri Shimbun": the date first
                    fc = d and self._date_first_source(lines, layout, i, s, d)
                if fc:  # "Choson Ilbo 3/4/2013", "Yonhap, March 4, 2013" alone
                    out.append(fc)
                    occupied.add(i)
                continue
            head = self._header(lines, layout, None, i, hi)
            if (
                head is not None
                and i not in occupied
                and lines.next_nonblank(head.last, hi) not in occupied
            ):
                out.append(head)
                occupied.update(range(head.first, head.last + 1))
        # a source line the short-line loop above did not take (longer, or with a page or an
        # issue), under the text a lead-in introduces ("Korea Herald, Lee Sung-eun, August 17,
        # 2007", "Nodong Sinmun, Nov. 6, 2006, p. 2")
        for fc in [] if chrome else self._bare_sources_below(lines, layout, found_lines, occupied):
            out.append(fc)
            occupied.add(fc.first)
        # a reposted article's headline with its outlet after a dash or bar, in a paragraph of
        # its own over the article's text ("Defectors describe the camps — CNN", "Title | Reuters")
        if not chrome and hi > lo:
            for fc in self._titled_outlet_heads(lines, layout, lo, hi, occupied):
                out.append(fc)
                occupied.add(fc.first)

        # a headline with no lead-in over a wire story's text opening with its dateline
        # ("Title" / "SEOUL, May 3 (Yonhap) -- …"; a wire byline may sit between them)
        if not chrome and (dashed := Scan.between(found_lines.dashed, lo + 1, hi)):
            for fc in self._dateline_heads(lines, layout, dashed, occupied):
                out.append(fc)
                occupied.update(range(fc.first, fc.last + 1))

        # a date-first sign-off glued to the end of the quoted paragraph under a lead-in ('… the
        # hardship."Apr. 14, 2006 yomiuri')
        for j in firsts:
            if (
                j >= 0
                and len(text_lines[j]) > 60
                and (hit := _GLUED_SIGNOFF.search(text_lines[j], len(text_lines[j]) - 80))
                and j not in occupied
                and (fc := self._glued_signoff(lines, layout, lines.starts[j] + hit.end(1)))
            ):
                out.append(fc)
                occupied.add(j)
        # a run of field lines with a date and no lead-in ("Daily NK" / "Kim Young Jin" /
        # "4/16/2007" under the post's date line, or between two quoted articles)
        dated = Scan.between(found_lines.date, lo, hi) + [
            i
            for i in Scan.between(found_lines.cite, lo, hi)
            if len(text_lines[i]) <= 24 and "ource" not in text_lines[i]
        ]  # "(8/27/2012)" (not "(Source: KCNA, 3/4/13)": the line grammar reads that)
        dated += Scan.between(found_lines.barred, lo, hi)  # "Global Times | 2012-12-28 0:34"
        for i in sorted(set(dated)):
            if i in occupied or len(text_lines[i]) > 60:
                continue
            a = i
            while a > lo and i - a < 5 and text_lines[a - 1].strip():
                a -= 1
            if a in occupied or (a > lo and text_lines[a - 1].strip()):
                continue
            prev = lines.prev_nonblank(a, lo)
            if prev >= 0 and _is_lead_in(text_lines[prev], markers().elisions):
                continue  # the lead-in loop above has read it
            head = self._header(lines, layout, None, a, hi)
            if (
                head is not None
                and head.first == head.last
                and " | " in text_lines[a]
                and not head.parsed.sources[0].title
                and (t := lines.prev_nonblank(a, lo)) == a - 2
                and t not in occupied
                and (t == lo or lines.blank(t - 1))
                and len(text_lines[t]) <= 120
                and ". " not in text_lines[t]
                and "; " not in text_lines[t]
                and self._headline_like(content(text_lines[t]))
            ):  # (one phrase: not the summary above the next entry)  # a headline in a paragraph of its own over "September 1, 2014 | Financial
                # Times" (a media page's entry, a repost's head): the article's title
                titled = self._headline_entry(
                    lines, layout, (t, a), [content(text_lines[t]), content(text_lines[a])],
                    "heads-quote",
                )  # fmt: skip
                head, a = (titled, t) if titled is not None else (head, a)
            if head is not None and head.first not in occupied:
                if head.first == head.last and _closes_paragraph(lines, head.first, lo):
                    # "(KCNA, 3/4/2013)" under a quoted paragraph: the source of the text above
                    head.role, head.parsed.form = "closes-quote", "parenthetical"
                elif self._entry_run(lines, head, hi):
                    head.role, head.parsed.form = "list-entry", "list-entry"
                out.append(head)
                occupied.update(range(a, head.last + 1))
        # an undated entry beside an unlabelled list's entries ("Title" / "Download here (PDF)" /
        # "Wilson Center" / "Name"): a paragraph of field lines with a link line, title and an
        # outlet or author
        for head in [h for h in out if h.role == "list-entry" and h.lead is None]:
            for nxt in (lines.prev_nonblank(head.first, lo), lines.next_nonblank(head.last, hi)):
                entry = self._undated_entry(lines, layout, nxt, lo, hi, occupied)
                if entry is not None:
                    out.append(entry)
                    occupied.update(range(entry.first, entry.last + 1))
        # a paragraph opening with an outlet and a date ("Chosun Ilbo 7/12/2005 Officials …")
        # (the first quoted paragraph: the body's first line or the line after a lead-in)
        for i in sorted(firsts):
            if i < 0 or i in occupied or not text_lines[i][:1].isupper():
                continue
            if not _DIGIT_STD.search(text_lines[i], 0, 45) or not _GLUED_CUE.match(text_lines[i]):
                continue
            s = content(text_lines[i])
            m = _GLUED_HEAD.match(s)
            if m is None:
                continue
            name = m.group("outlet").strip(" ,")
            if not (self.registry.is_outlet(name) or self._acronym_institution(name)):
                continue  # (an institution written with its acronym heads its text, too)
            ref = self.ref_date(layout, i)
            head_text = s[: m.end("date")]
            src = self.grammar.parse_fields([name, m.group("date")], ref)
            if src is None or src.outlet is None or src.date is None:
                continue
            start = lines.starts[i] + content_start(text_lines[i])
            parsed = ParsedLine("header-block", [self.grammar._finish(src)], [])
            fc = FoundCitation(i, i, start, start + len(head_text), parsed, ref, "heads-quote")
            prev = lines.prev_nonblank(i, lo)
            if prev >= 0 and prev not in occupied and _is_lead_in(text_lines[prev], elisions):
                fc.lead = prev
            fc.region = (fc.lead if fc.lead is not None else i, i)
            fc.glued = True
            out.append(fc)
        out.sort(key=lambda x: x.first)
        return out

    def _header(
        self, lines: Lines, layout: PostLayout, lead: int | None, first: int, hi: int
    ) -> FoundCitation | None:
        """A header block: field lines right under a lead-in (or an outlet-only line), a blank
        line, then the quoted paragraphs. None unless the lines read as citation fields."""
        text_lines = lines.lines
        j = first
        if lead is not None and j < hi and lines.blank(j):
            j += 1  # one blank line after the lead-in
        fields: list[int] = []
        if (
            lead is None
            and j + 1 < hi
            and _rule(text_lines[j])
            and text_lines[j].strip()
            and not self._date_line(content(text_lines[j]))
        ):
            j = first = j + 1  # a forum's member counts ("12,104 655 0") over the header
        # a header opening a paragraph with no lead-in may run into its text with no blank line
        # ("Title" / "Global Times | 2012-12-28 0:34:06" / "By Name" / the text: a repost's head)
        runs_on = lead is None and (first == layout.body_start or lines.blank(first - 1))
        while j < hi and not lines.blank(j) and len(fields) < 6:
            s = content(text_lines[j])
            if (
                runs_on
                and len(fields) > 1
                and len(s) >= 60
                and (len(s) >= 100 or s.endswith(_SENTENCE_ENDS))
            ):
                break  # (the first line of running text ends the fields)
            if (
                len(s) > 160
                or len(s.split()) > 22
                or s.endswith((":", "："))
                or _LIST_ITEM.match(s)
                or (s[:1] in "([" and len(s) > 24)  # a parenthetical, not "(8/27/2012)"
                or (s[:4] in cues().label_first and cues().label_re.match(s))  # a closing block
            ):
                return None
            fields.append(j)
            j += 1
        if not fields or len(fields) >= 6 or j >= hi:
            return None
        k = j + 1  # "IFES" / "NK Brief No. 08-2-13-1" / blank / "2/13/2008": the date line,
        # alone in its paragraph after one blank line, completes a header naming its source
        # (an issue number, an outlet, an institution) but no date (a quoted headline over
        # its dateline is the quoted text)
        if (
            k < hi
            and not lines.blank(k)
            and (k + 1 >= hi or lines.blank(k + 1))
            and self._date_line(content(text_lines[k]))
            and not any(self._date_line(content(text_lines[f])) for f in fields)
            and any(self._source_line(content(text_lines[f])) for f in fields)
        ):
            fields.append(k)
            j = k + 1
        body = lines.next_nonblank(j - 1, hi)
        if body < 0 and lead is not None:
            return None  # (with no lead-in, a last run of fields may be a list's last entry)
        values = [content(text_lines[k]) for k in fields]
        if len(values) > 1 and any("PDATED" in v or "pdated" in v for v in values):
            # "PUBLISHED : …" / "UPDATED : …": the update's date line is no field of the source
            kept = [k for k, v in zip(fields, values, strict=True) if not _UPDATE_LINE.match(v)]
            if kept and len(kept) < len(fields):
                values = [content(text_lines[k]) for k in kept]
        if " | " in "\n".join(values):  # "October 17, 2019 | Commentary | 38 NORTH": a
            # document kind between bars carries no field
            kinds = cues().byline_kinds
            values = [
                " | ".join(p for p in v.split(" | ") if p.strip().casefold() not in kinds)
                if " | " in v
                else v
                for v in values
            ]
        if len(values) > 1 and cues().is_message_head(values):
            return None  # "From: …" / "Date: …" / "Subject: …": a message's head, no citation
        if len(values) > 1 and any(len(v) <= 30 and cues().is_contents_heading(v) for v in values):
            return None  # a review's masthead: its name / "3-9.11.2012, No. 448" / "Table of
            # contents" (the page's own head, no source)
        dateline = None
        if lead is not None and body >= 0 and len(values) <= 2:
            byline = len(values) == 2 and _wire_byline(values[1])
            if len(values) == 1 or byline:
                dateline = self._dateline_below(lines, body, hi)
            if (
                dateline is None
                and len(values) == 1
                and (body + 1 >= hi or lines.blank(body + 1))
                and _wire_byline(content(text_lines[body]))
            ):
                # the wire's byline in a paragraph of its own between headline and dateline
                nxt = lines.next_nonblank(body, hi)
                dateline = self._dateline_below(lines, nxt, hi) if nxt >= 0 else None
                if dateline is not None:
                    fields.append(body)
                    values.append(content(text_lines[body]))
        if dateline is not None:
            # a headline under the lead-in (its byline under it or not), then text opening with
            # a wire dateline naming a known outlet ("Pyongyang, August 22 (KCNA) —", "SEOUL,
            # March 4 (Yonhap) --"): the dateline gives outlet and date
            values = [f"Title: {values[0]}", *values[1:], *dateline]  # the line is the headline
        elif len(values) == 1 and not _DIGIT_RE.search(values[0]):
            # one line and no date or number in it: a header only if it names an outlet or a
            # person (a quoted article's headline over its text is no citation)
            v = values[0].strip(" .")
            if not (
                self.registry.is_outlet(v)
                or looks_like_name(strip_by(v))
                or (lead is None and self._acronym_institution(v))
            ):
                below = self._headed_block(lines, layout, lead, body, hi)
                if below is None:
                    return None
                # a headline in a paragraph of its own over a dated header block ("Title" /
                # blank / "By Name" / "[2013-03-04 15:20 ]" / "DAILYNK.COM"): its title
                fields = [*fields, *below]
                values = [f"Title: {values[0]}"] + [
                    _cut_update(v)
                    for v in (content(text_lines[k]) for k in below)
                    if not _UPDATE_LINE.match(v)
                ]
        ref = self.ref_date(layout, fields[0])
        src = self.grammar.parse_fields(values, ref)
        if src is None or any(x.code == DiagnosticCode.BLOCK_FIELD_UNREAD for x in src.issues):
            return None
        known = src.outlet is not None and src.outlet.match != "unknown"
        # an institution ("Institute for Far Eastern Studies (IFES)", "… Research Service")
        institution = src.outlet is not None and (
            src.outlet.raw != src.outlet.name or cues().is_affiliation(src.outlet.name)
        )
        if (
            lead is None
            and src.date is not None
            and not (src.title or src.authors or known or src.number or institution)
        ):
            return None  # a date alone between paragraphs heads nothing
        if not (
            src.date is not None
            or src.number is not None
            or ((known or institution) and (src.title or src.authors or len(fields) == 1))
            or (
                src.authors
                and lead is not None
                and self.lead_in_outlet(text_lines[lead]) is not None
            )
        ):
            return None
        if (
            src.outlet is not None
            and src.outlet.match == "unknown"
            and not (src.title or src.number or ((src.date or len(fields) == 1) and institution))
        ):
            return None  # an unknown name alone, or over a date, is no header (an institution
            # written with its acronym, or an issue number, is)
        parsed = ParsedLine("header-block", [self.grammar._finish(src)], [])
        a, b = fields[0], fields[-1]
        start = lines.starts[a] + content_start(text_lines[a])
        fc = FoundCitation(a, b, start, lines.end(b), parsed, ref, "heads-quote", lead)
        fc.region = (lead if lead is not None else a, b)
        return fc

    def _titled_outlet_heads(
        self, lines: Lines, layout: PostLayout, lo: int, hi: int, occupied: set[int]
    ) -> list[FoundCitation]:
        """Headline lines naming a known outlet after a dash or bar ("Title — CNN"), each a
        paragraph of its own right over a paragraph of running text: that text's header (the
        title and outlet a browser's page title gives when a post copies an article)."""
        text, starts, text_lines = lines.text, lines.starts, lines.lines
        lo_at, hi_at = starts[lo], lines.end(hi - 1)
        hits: list[tuple[int, int, str]] = []  # (line, where the separator is, the name after)
        for sep in _OUTLET_SEPARATORS:  # str.find: far cheaper than a regex over every post
            shift = sep.find("-") if sep == " - " else 0  # (a hyphen counts only spaced)
            k = text.find(sep, lo_at, hi_at)
            while k >= 0:
                k += shift
                eol = text.find("\n", k, hi_at)
                eol = hi_at if eol < 0 else eol
                name = text[k + 1 : eol]
                if (
                    text[k - 1 : k] in (" ", "\t")
                    and name[:1] in (" ", "\t")
                    and 2 <= len(name.strip()) <= 40
                    and not any(x in name for x in _OUTLET_SEPARATORS[:3])
                ):
                    hits.append((bisect_right(starts, k) - 1, k, name.strip()))
                k = text.find(sep, k + 1, hi_at)
        out: list[FoundCitation] = []
        for i, k, outlet in sorted(hits):
            if i in occupied or not lo <= i < hi:
                continue
            if (i > lo and not lines.blank(i - 1)) or (i + 1 < hi and not lines.blank(i + 1)):
                continue  # not a paragraph of its own (a list's lines run together)
            title = content(text[starts[i] : k]).strip()
            if not 12 <= len(title) <= 200 or title[-1:] in ".:;?!,)":
                continue
            if not self.registry.is_outlet(outlet) or (
                title[-1:].isdigit() and self._date_line(title)
            ):
                continue  # ("May 13, 2019 | USA Today" is a date and an outlet: a header block)
            body = lines.next_nonblank(i, hi)
            below = content(text_lines[body]) if body >= 0 else ""
            if len(below) < 80 or not below.endswith(_SENTENCE_ENDS):
                continue  # no article's text under it (a list of headlines)
            fc = self._headline_entry(lines, layout, (i, i), [title, outlet], "heads-quote")
            if fc is not None:
                out.append(fc)
        return out

    def _dateline_heads(
        self, lines: Lines, layout: PostLayout, hits: list[int], occupied: set[int]
    ) -> list[FoundCitation]:
        """Headlines with no lead-in right over a wire story's text opening with a dateline that
        names a known outlet ("Aid talks resume" / "SEOUL, May 3 (Yonhap) -- …"), each a line of
        its own (a paragraph, or a line of a post with no blank lines): the text's header.
        ``hits``: the scan's lines in the post with a parenthesis closed by a dash."""
        text_lines = lines.lines
        lo, hi = layout.body_start, layout.body_end
        out: list[FoundCitation] = []
        first, own = True, None  # the outlet whose own page this is (see below)
        for i in hits:
            if i in occupied or len(text_lines[i]) < 60:
                continue
            dateline = self._dateline_below(lines, i, hi)
            if dateline is None or dateline[0] == own:
                continue
            fc = self._dateline_head(lines, layout, lo, hi, i, dateline, occupied)
            if first and fc is None:
                own = dateline[0]  # the text opens with a dateline under no headline: the
                # outlet's own page (a wire's weekly summary), whose items are its own
            first = False
            if fc is not None:
                out.append(fc)
        return out

    def _dateline_head(
        self,
        lines: Lines,
        layout: PostLayout,
        lo: int,
        hi: int,
        i: int,
        dateline: list[str],
        occupied: set[int],
    ) -> FoundCitation | None:
        """The header citation of the headline (and byline) over the dateline on line ``i``;
        None when no headline stands there."""
        text_lines = lines.lines
        h = lines.prev_nonblank(i, lo)
        if h >= 0 and _photo_credit(text_lines[h]):
            h = lines.prev_nonblank(h, lo)  # a picture's caption over the story
        by: list[str] = []
        last = h  # the header's last line: the headline or its byline
        b = content(text_lines[h]) if h >= 0 else ""
        name, bar, when = b.partition(" | ")
        if _wire_byline(name) or (
            bar and name[:3] == "By " and len(name.split()) <= 5 and self._date_only(when, None)
        ):
            by, h = [b], lines.prev_nonblank(h, lo)  # "By Name" ("By Name | Jan. 3, 2018")
            if bar:
                dateline = dateline[:1]  # (the byline's date is the full one)
        if h < 0 or h in occupied:
            return None
        title = content(text_lines[h])
        if not self._headline_like(title):
            return None
        if (
            layout.title_line is None
            and layout.date is None
            and all(len(text_lines[k]) < 80 for k in range(lo, h))
        ):
            return None  # the first article of an untitled, undated page under its masthead:
            # the outlet's own page (a newsletter's issue), not a repost
        if (
            h > lo
            and not lines.blank(h - 1)
            and not _rule(text_lines[h - 1])
            and not lines.dense(lo, hi)
        ):
            return None  # not a line of its own: the end of a paragraph
        return self._headline_entry(
            lines, layout, (h, last), [title, *by, *dateline], "heads-quote"
        )

    def _headline_like(self, title: str) -> bool:
        """Whether a line reads as a news headline: capitalised (a wire's tag may open it,
        "(LEAD) Rally held …"), closed by no sentence mark, no date line (a page's section,
        time and date, "North Korea 16:00 March 13, 2020", is none)."""
        return (
            12 <= len(title) <= 200
            and (title[:1].isupper() or (title[:1] == "(" and _WIRE_TAG.match(title) is not None))
            and title[-1:] not in ".:;?!,)"
            and not self._date_line(title)
            and _DATED_HEAD.search(title) is None
        )

    def _paren_outlet_heads(
        self, lines: Lines, layout: PostLayout, lo: int, hi: int, occupied: set[int]
    ) -> list[FoundCitation]:
        """Headlines closed by a known outlet in parentheses, each over its date line or right
        over the article's running text ("China, Laos vow to cooperate (China Daily)" /
        "2012-11-06" / text): a press review's or digest's entry, the header of the text below."""
        text, starts, text_lines = lines.text, lines.starts, lines.lines
        lo_at, hi_at = starts[lo], lines.end(hi - 1)
        out: list[FoundCitation] = []
        k = text.find(")\n", lo_at, hi_at)
        while k >= 0:
            i = bisect_right(starts, k) - 1
            k = text.find(")\n", k + 1, hi_at)
            if i in occupied or not lo <= i < hi:
                continue
            s = content(text_lines[i]).rstrip()
            opened = s.rfind("(")
            if opened < 12 or len(s) > 240 or s[:opened].rstrip()[-1:] in ".:;?!,":
                continue
            outlet = s[opened + 1 : -1].strip()
            title = s[:opened].strip()
            named: list[str] = []  # "(Yonhap, March 3, 2015)", "(12/1/09 Yomiuri Shimbun)"
            if not 2 <= len(outlet) <= 40 or not self.registry.is_outlet(outlet):
                if not (
                    len(outlet) <= 80
                    and len(title) <= 150
                    and any(ch.isdigit() for ch in outlet)
                    and (i == lo or lines.blank(i - 1))  # a headline: a paragraph of its own
                    and (src := self._named_source(outlet, None)) is not None
                    and src.sources[0].date is not None
                ):
                    continue
                named = _without_notes([f.strip(" .") for f in _BRACKET_COMMA.split(outlet)])
            if self.registry.is_outlet(title) or self._acronym_institution(s):
                continue  # "Institute for Far Eastern Studies (IFES)": a name and its acronym
            nxt = lines.next_nonblank(i, hi)
            dated = nxt >= 0 and self._date_only(content(text_lines[nxt]), None)
            body = lines.next_nonblank(nxt, hi) if dated else nxt
            below = content(text_lines[body]) if body >= 0 else ""
            texted = len(below) >= 80
            if not dated and not (texted and below.endswith(_SENTENCE_ENDS)):
                continue  # an undated headline with no article's text under it
            if named and dated:
                continue  # a date in the parenthesis and another under it: no headline's
            fields = [title, *(named or [outlet])] + ([content(text_lines[nxt])] if dated else [])
            role = "heads-quote" if texted else "list-entry"  # (a dated entry with no text)
            fc = self._headline_entry(lines, layout, (i, nxt if dated else i), fields, role)
            if fc is not None:
                out.append(fc)
        return out

    def _headline_entry(
        self,
        lines: Lines,
        layout: PostLayout,
        region: tuple[int, int],
        fields: list[str],
        role: str,
    ) -> FoundCitation | None:
        """The citation of a headline's lines ``region`` read as fields (the headline, then its
        outlet and date): the header of the text below it, or a list's entry."""
        i, last = region
        ref = self.ref_date(layout, i)
        src = self.grammar.parse_fields([f"Title: {fields[0]}", *fields[1:]], ref)
        if src is None or src.outlet is None or not src.title:
            return None
        form = "list-entry" if role == "list-entry" else "header-block"
        parsed = ParsedLine(form, [self.grammar._finish(src)], [])
        first = lines.starts[i] + content_start(lines.lines[i])
        fc = FoundCitation(i, last, first, lines.end(last), parsed, ref, role, None)
        fc.region = region
        return fc

    def _headed_block(
        self, lines: Lines, layout: PostLayout, lead: int | None, body: int, hi: int
    ) -> list[int] | None:
        """The field lines of a dated header block with no title starting at ``body``, under a
        lead-in's headline line: one paragraph of field lines, or one-line paragraphs each a
        byline or a date line ("By Name (mail)" / blank / "Published : May 20, 2019 - 15:02")."""
        if lead is None or body < 0 or len(lines.lines[body]) > 100:
            return None
        if body + 1 < hi and not lines.blank(body + 1):  # a paragraph of field lines
            head = self._header(lines, layout, None, body, hi)
            src = head.parsed.sources[0] if head is not None and head.parsed.sources else None
            if head is not None and src is not None and src.date is not None and not src.title:
                return list(range(head.first, head.last + 1))
        out: list[int] = []  # short lines, each a byline, a date line or an update's
        dated = False
        k = body
        while 0 <= k < hi and len(out) < 4 and len(lines.lines[k]) <= 100:
            s = content(lines.lines[k])
            cut = _cut_update(s)
            d = _DATE_LABEL.sub("", cut, count=1)  # "PUBLISHED : Tuesday, 02 February, …"
            if self._date_line(cut) or (
                len(d) <= 60 and [x for x, _ in self.grammar.classify(d.strip(" ()"))] == ["date"]
            ):
                dated = True
            elif not (
                _UPDATE_LINE.match(s)
                or (s[:3] in ("By ", "BY ") and looks_like_name(strip_by(s).split(" (")[0]))
            ):
                break
            out.append(k)
            k = k + 1 if k + 1 < hi and not lines.blank(k + 1) else lines.next_nonblank(k, hi)
        return out if dated and k >= 0 and len(lines.lines[k]) > 100 else None

    def _undated_entry(
        self, lines: Lines, layout: PostLayout, k: int, lo: int, hi: int, occupied: set[int]
    ) -> FoundCitation | None:
        """The paragraph holding line ``k`` as an undated list entry: two to six short field
        lines, one of them a link line ("Download here (PDF)"), giving a title and an outlet or
        an author; None otherwise."""
        if k < 0 or k in occupied:
            return None
        a = b = k
        while a > lo and not lines.blank(a - 1):
            a -= 1
        while b + 1 < hi and not lines.blank(b + 1):
            b += 1
        if not 1 <= b - a <= 5 or occupied & set(range(a, b + 1)):
            return None
        vals = [content(lines.lines[j]) for j in range(a, b + 1)]
        is_skip = cues().is_skip
        if any(len(v) > 160 or v.endswith((":", "：")) for v in vals) or not any(
            is_skip(v) for v in vals
        ):
            return None
        ref = self.ref_date(layout, a)
        src = self.grammar.parse_fields(vals, ref)
        if (
            src is None
            or not src.title
            or not (src.outlet or src.authors)
            or any(x.code == DiagnosticCode.BLOCK_FIELD_UNREAD for x in src.issues)
        ):
            return None
        start = lines.starts[a] + content_start(lines.lines[a])
        parsed = ParsedLine("list-entry", [self.grammar._finish(src)], [])
        fc = FoundCitation(a, b, start, lines.end(b), parsed, ref, "list-entry")
        fc.region = (a, b)
        return fc

    def _date_line(self, s: str) -> bool:
        """Whether a line is a whole date and nothing else ("2/13/2008", "(8/27/2012)")."""
        if len(s) > 40:
            return False
        return [k for k, _ in self.grammar.classify(s.strip(" ()"))] == ["date"]

    @staticmethod
    def _closed_below(lines: Lines, body: int, hi: int) -> bool:
        """Whether the text from ``body`` is closed by a citation of its own (a block label or
        an inline ``(Source: …)``) before the next lead-in: then that cites it, not a header."""
        c = cues()
        for k in range(body, min(hi, body + 80)):
            s = content(lines.lines[k])
            if not s:
                continue
            if (s[:4] in c.label_first and c.label_re.match(s)) or _INLINE_SOURCE.search(s):
                return True
            if k > body and s.endswith((":", "：")):
                return False  # a new lead-in: the text above had no closing citation
        return False

    def _dateline_below(self, lines: Lines, body: int, hi: int) -> list[str] | None:
        """The dateline opening line ``body`` (`_dateline`), unless a citation of its own
        closes the text below it."""
        d = self._dateline(content(lines.lines[body]))
        return None if d is None or self._closed_below(lines, body, hi) else d

    def _dateline(self, s: str) -> list[str] | None:
        """The outlet and the date of a wire dateline opening a paragraph ("Pyongyang, August
        22 (KCNA) — …", "SEOUL, Aug. 22 (Yonhap) -- …"); None unless the outlet is known."""
        m = _DATELINE.match(s)
        if m is None or not self.registry.is_outlet(m.group("outlet").strip()):
            return None
        date = m.group("date")
        return [m.group("outlet").strip(), date] if date else [m.group("outlet").strip()]

    def _source_line(self, s: str) -> bool:
        """Whether a field line names a source: an issue number, a known outlet or an
        institution written with its acronym."""
        kinds = {k for k, _ in self.grammar.classify(s)}
        return bool(kinds & {"number", "outlet"}) or self._acronym_institution(s)

    def _acronym_institution(self, s: str) -> bool:
        """Whether a line names an institution with its acronym ("Institute for Far Eastern
        Studies (IFES)"), known to the registry or not."""
        if not s.rstrip(" .").endswith(")"):
            return False
        o = self.grammar.institution(s.strip(" ,"))
        return o.raw != o.name and cues().is_affiliation(o.name)

    @staticmethod
    def _entry_run(lines: Lines, head: FoundCitation, hi: int) -> bool:
        """Whether a run of field lines with no lead-in is an entry of an unlabelled list, not a
        header: it holds a "Download here (PDF)" line, or no paragraph of text follows it (the
        next paragraph is another short unpunctuated field line)."""
        is_skip = cues().is_skip
        for k in range(head.first, head.last + 1):
            if is_skip(content(lines.lines[k])):
                return True
        nxt = lines.next_nonblank(head.last, hi)
        if nxt < 0:
            return True
        s = content(lines.lines[nxt])
        return len(s) <= 120 and not s.endswith((".", "!", "?", "”", '"', ":", ")"))

    def _list(self, lines: Lines, layout: PostLayout, heading: int, hi: int) -> list[FoundCitation]:
        """The entries of a further-reading list under its heading: one-line citations, or groups
        of field lines each closed by its date line (a blank line may sit inside an entry)."""
        text_lines = lines.lines
        out: list[FoundCitation] = []
        cur: list[int] = []

        def close(undated: bool = False) -> None:
            if not cur:
                return
            ref = self.ref_date(layout, cur[0])
            vals = [_strip_item(content(text_lines[k])) for k in cur]
            src = self.grammar.parse_fields(vals, ref)
            if (
                src is not None
                and src.title
                and (src.date or src.outlet or (undated and src.authors))
            ):
                a, b = cur[0], cur[-1]
                start = lines.starts[a] + content_start(text_lines[a])
                parsed = ParsedLine("list-entry", [self.grammar._finish(src)], [])
                fc = FoundCitation(a, b, start, lines.end(b), parsed, ref, "list-entry", heading)
                fc.region = (heading, b)
                out.append(fc)
            cur.clear()

        j = lines.next_nonblank(heading, hi)
        prev = heading  # the last line read (two blank lines end the list)
        while j >= 0:
            raw = content(text_lines[j])
            if (
                len(raw) > 300
                or (raw.endswith((":", "：")) and not cues().field_re.match(raw))
                or cues().label_re.match(raw)
                or j - prev > 3
            ):
                break
            numbered = _list_item(raw)
            s = raw[numbered.end() :] if numbered else raw
            if numbered:
                close()
            elif cur and j - prev > 1 and len(cur) > 1:
                # a blank line, then a new title: the entry above ends undated
                kinds = {k for k, _ in self.grammar.classify(s, self.ref_date(layout, j))}
                if kinds == {"text"}:
                    close(undated=True)
            ref = self.ref_date(layout, j)
            one = self._entry_line(s, ref)
            if one is not None:
                close()
                start = lines.starts[j] + content_start(text_lines[j]) + (len(raw) - len(s))
                fc = FoundCitation(j, j, start, start + len(s), one, ref, "list-entry", heading)
                fc.region = (heading, j)
                out.append(fc)
            else:
                if len(s.split()) > 30:
                    break
                cur.append(j)
                kinds = {k for k, _ in self.grammar.classify(s, ref)}
                if "date" in kinds:
                    close()
            prev = j
            j = lines.next_nonblank(j, hi)
        close()
        if out:
            last = out[-1].last
            for fc in out:
                fc.region = (heading, last)
        return out

    def _bare_source(
        self,
        lines: Lines,
        layout: PostLayout,
        i: int,
        s: str,
        found_lines: Scan,
        dense: bool = False,
    ) -> FoundCitation | None:
        """A known outlet and a date alone on a paragraph's line, no brackets ("Choson Ilbo
        3/4/2013", "Yonhap, March 4, 2013"): the source of the running text right above it, or,
        when that is a short remark of the blogger's under an earlier source and text follows,
        the header of the text below."""
        lo, hi = layout.body_start, layout.body_end
        prev = lines.prev_nonblank(i, lo)
        if dense:  # (a post with no blank lines: each line a paragraph, the last one too)
            if prev != i - 1 or len(s) > 60:
                return None
        elif prev != i - 2 or len(s) > 60 or i + 1 >= hi or not lines.blank(i + 1):
            return None  # a paragraph of its own under a paragraph (most lines: no regex run)
        m = _GLUED_HEAD.fullmatch(s)
        if m is None or not self.registry.is_outlet(name := m.group("outlet").strip(" ,")):
            return None
        up = lines.prev_nonblank(prev, lo) if prev >= 0 else -1
        below = lines.next_nonblank(i, hi)
        role = None
        if (
            not dense
            and up >= 0
            and prev - up == 2
            and below == i + 2
            and len(lines.lines[prev].split()) < 16
            and len(lines.lines[below]) > 60
            and (Scan.between(found_lines.cite, up, up + 1) or self._bare_source_line(lines, up))
        ):
            role = "heads-quote"  # a one-line remark under a source, then the quoted text
        elif _closes_paragraph(lines, i, lo, True, dense):
            role = "closes-quote"
        if role is None:
            return None
        ref = self.ref_date(layout, i)
        src = self.grammar.parse_fields([name, m.group("date")], ref)
        if src is None or src.outlet is None or src.date is None:
            return None
        start = lines.starts[i] + content_start(lines.lines[i])
        form = "parenthetical" if role == "closes-quote" else "header-block"
        fc = FoundCitation(
            i,
            i,
            start,
            start + len(s),
            ParsedLine(form, [self.grammar._finish(src)], []),
            ref,
            role,
        )
        if role == "heads-quote":
            fc.region = (i, i)
        return fc

    def _bare_sources_below(
        self, lines: Lines, layout: PostLayout, found_lines: Scan, occupied: set[int]
    ) -> list[FoundCitation]:
        """Source lines with no brackets, each a paragraph right under the text a lead-in
        introduces: a known outlet first, then only names, an issue, a page and the date
        ("Korea Herald, Lee Sung-eun, August 17, 2007", "Nodong Sinmun, Nov. 6, 2006, p. 2"), or
        a line the line grammar reads whole, its title marked ("Ana Ruiz, _Title_, Asia Times
        Online, Nov 17, 2007")."""
        lo, hi = layout.body_start, layout.body_end
        text_lines = lines.lines
        elisions = markers().elisions
        out: list[FoundCitation] = []
        colons, cites = found_lines.colon, found_lines.cite
        heads = Scan.between(colons, lo, hi)
        # the body's lines closed by a digit (a date, a page), read once: a paragraph's last
        # characters, C-level tests
        digit_ends = (
            [
                j
                for j in range(heads[0], hi)
                if (ln := text_lines[j])[-1:].isdigit()
                or (ln[-1:] in _DOT_SPACE and ln[-2:-1].isdigit())
            ]
            if heads
            else []
        )
        for i in heads:
            # the quoted text under it: to the next source the line grammar reads, the next
            # lead-in or 40 lines on
            stop = min(hi, i + 40)
            at = bisect_right(colons, i)
            if at < len(colons) and colons[at] < stop:
                stop = colons[at]
            at = bisect_right(cites, i)
            if at < len(cites) and cites[at] < stop:
                stop = cites[at]  # the source the line grammar reads ends the text
            if stop <= i + 1:
                continue
            k = -1
            for j in digit_ends[bisect_right(digit_ends, i) : bisect_left(digit_ends, stop)]:
                s = content(text_lines[j]).rstrip(" .")
                if "," in s and (
                    (len(s) <= 90 and self.registry.is_outlet(s.partition(",")[0]))
                    or (len(s) <= 160 and any(ch in s for ch in _TITLE_MARKS))
                ):  # an outlet first, or a title marked by quotes, emphasis or a gloss
                    k = j
                    break
            if (
                k < 0
                or k in occupied
                or not _is_lead_in(text_lines[i], elisions)
                or not _closes_paragraph(lines, k, lo, True)
                or not lines.blank(k + 1)
            ):
                continue
            ref = self.ref_date(layout, k)
            fields = self._named_fields(s, ref)
            named = self.grammar.parse_fields(fields, ref) if fields else None
            parsed: ParsedLine | None
            if named is not None and named.title is None:
                parsed = ParsedLine("parenthetical", [named], [])
            else:  # "Tobias Hale, _Title_, Asia Times Online, Nov 17, 2007": the line grammar
                parsed = self.grammar.parse_line(s, ref)
            if parsed is None or len(parsed.sources) != 1:
                continue
            src = parsed.sources[0]
            if src.outlet is None or src.outlet.match not in ("exact", "alias") or src.date is None:
                continue
            if named is not None and src is named:
                self.grammar._finish(src)  # (the line grammar finishes its own sources)
            start = lines.starts[k] + content_start(text_lines[k])
            out.append(FoundCitation(k, k, start, start + len(s), parsed, ref))
        return out

    def _bare_source_line(self, lines: Lines, k: int) -> bool:
        """Whether line ``k`` is itself a bare outlet-and-date source line."""
        s = content(lines.lines[k])
        m = _GLUED_HEAD.fullmatch(s) if s[-1:].isdigit() and len(s) <= 60 else None
        return m is not None and self.registry.is_outlet(m.group("outlet").strip(" ,"))

    def _glued_signoff(self, lines: Lines, layout: PostLayout, at: int) -> FoundCitation | None:
        """A date, then a known outlet, ending a paragraph's line right after its closing
        quotation mark at offset ``at`` (no space between): the source of the quoted text."""
        i = lines.line_of(at)
        s = lines.lines[i].rstrip()
        col = at - lines.starts[i]
        d = DATE_RE.match(s[col:])  # (its look-behind would refuse the glued sentence's ".")
        if d is None or col < 40:
            return None
        name = s[col + d.end() :].strip(" ,.")
        if not name or len(name) > 40 or not self.registry.is_outlet(name):
            return None
        ref = self.ref_date(layout, i)
        src = self.grammar.parse_fields([name, d.group(0)], ref)
        if src is None or src.outlet is None or src.date is None:
            return None
        start = lines.starts[i] + col
        parsed = ParsedLine("parenthetical", [self.grammar._finish(src)], [])
        return FoundCitation(i, i, start, lines.starts[i] + len(s), parsed, ref)

    def _glued_later(
        self, lines: Lines, layout: PostLayout, first: int, last: int
    ) -> FoundCitation | None:
        """A date-first sign-off glued to the end of a paragraph after the first of an uncited
        run of long paragraphs ``first..last`` (the first one's is read with the structures)."""
        text_lines = lines.lines
        j = lines.next_nonblank(first, last + 1)
        while j >= 0 and len(text_lines[j]) > 60:
            ln = text_lines[j]
            if (hit := _GLUED_SIGNOFF.search(ln, len(ln) - 80)) is not None:
                return self._glued_signoff(lines, layout, lines.starts[j] + hit.end(1))
            j = lines.next_nonblank(j, last + 1)
        return None

    def _date_first_source(
        self, lines: Lines, layout: PostLayout, i: int, s: str, d: Any
    ) -> FoundCitation | None:
        """A source line giving the date, then a known outlet ("Apr. 14, 2006 Yomiuri
        Shimbun"), alone right under a paragraph of running text: it closes the quote above."""
        name = s[d.end() :].strip(" ,.")
        if not name or not self.registry.is_outlet(name):
            return None
        if not _closes_paragraph(lines, i, layout.body_start, True):
            return None
        ref = self.ref_date(layout, i)
        src = self.grammar.parse_fields([name, d.group(0)], ref)
        if src is None or src.outlet is None or src.date is None:
            return None
        start = lines.starts[i] + content_start(lines.lines[i])
        parsed = ParsedLine("parenthetical", [self.grammar._finish(src)], [])
        return FoundCitation(i, i, start, start + len(s), parsed, ref)

    def _sub_heading(self, lines: Lines, layout: PostLayout, i: int, hi: int, s: str) -> bool:
        """Whether lead-in ``i`` is a reading list's sub-heading ("Yonhap:", "From the Korean
        press:"): a few words, one-line entries with a date right under it, two or more of them
        or one with no quoted paragraph after it."""
        j = i + 1
        if len(s) > 60 or j >= hi or not lines.lines[j].strip() or s.count(" ") > 5:
            return False  # (most lead-ins: a blank line, then the quoted paragraph)
        n = 0
        while j < hi and lines.lines[j].strip():
            e = content(lines.lines[j])
            one = self._entry_line(_strip_item(e), self.ref_date(layout, j))
            if one is None or one.sources[0].date is None:
                return False
            n, j = n + 1, j + 1
        if n != 1:
            return n > 1
        nxt = lines.next_nonblank(j - 1, hi)
        return nxt < 0 or len(lines.lines[nxt]) <= 170

    def _entry_line(self, s: str, ref: dt.date | None) -> ParsedLine | None:
        """A list entry on one line: "Author, “Title,” Outlet, Date" (an affiliation after the
        author tolerated) or any citation line the grammar reads."""
        if len(s) > 2000:
            return None  # no entry is this long (the grammar's own bound for a line)
        if (opening := cues().entry_opening_re.match(s)) is not None:
            s = s[opening.end() :]  # "[2] Compare “Title,” NK News, …": the note's own words
        if "«" in s or "‹" in s:
            s = s.translate(_GUILLEMETS)  # "«Title», Yonhap, May 29, 2015": a European title
        if not any(ch in s for ch in '“”"(') and s.count(",") < (1 if s[-1:] in ".일면" else 2):
            return None  # (one comma: "[3] Rodong Sinmun, 2021-09-11.", "…, 2021년 9월 11일.")
        q = next((k for k, ch in enumerate(s) if ch in '“”"'), -1)
        if q > 0 and s[0] != "(" and s.count("(", 0, q) > s.count(")", 0, q):
            return None  # 'Name (removed for "breaking rules" on 2017-9-8)': a remark, no title
        parsed = self.grammar.parse_line(s, ref)
        if parsed is None and (m := _TRAILING_PAREN.search(s)) is not None:
            # "• Title (Outlet, 4/11/2013)": the title, then its source in parentheses
            title = s[: m.start("open")].strip(" –—-:")
            named = self._named_source(m.group("body"), ref) if title else None
            if (
                (named is not None and named.sources[0].date is not None)
                or (
                    title
                    and self._date_only(m.group("body"), ref)  # "Title (3/9/2011)"
                    and not (s[-2:] == ")." and _YEAR_DIGITS.search(m.group("body")) is None)
                )
            ):  # (not a sentence closed by an event's day, "… was held (Dec. 17).")
                parsed = self.grammar.parse_line(f"“{title},” {m.group('body')}", ref)
        if parsed is None and s[-1:] == ")" and (" — " in s or " – " in s):
            parsed = self._dash_paren(s, ref)  # "• Title — Yonhap (March 3, 2015)"
        if parsed is None and (" – " in s or " — " in s) and (m := _DASH_TAIL.search(s)):
            # "Title – Outlet, March 8, 2011", "Title – September 3, 2007"
            title, tail = s[: m.start()].strip(), m.group("tail")
            named = self._named_source(tail, ref)
            if title and (
                (named is not None and named.sources[0].date is not None)
                or self._date_only(tail, ref)
            ):
                parsed = self.grammar.parse_line(f"“{title},” {tail}", ref)
        if parsed is None and any(ch in s for ch in '“”"'):
            src = self.grammar._parse_body(s, ref)
            if src.title and src.quoted_title and (src.date or src.outlet or src.authors):
                parsed = ParsedLine("list-entry", [src], [])
        if parsed is None and s[-1:] in ".0123456789일면" and (named := self._named_source(s, ref)):
            # "[2] KCTV evening news, September 10, 2021.": an endnote naming a known outlet and
            # a date (a writer between them too), no title
            parsed = named if named.sources[0].date is not None else None
        if parsed is not None:
            parsed.form = "list-entry"
        return parsed

    def _dash_paren(self, s: str, ref: dt.date | None) -> ParsedLine | None:
        """A reading list's line "Title — Outlet (date)": the title, a dash, a known outlet and
        its date in parentheses (`_TRAILING_PAREN` and `_DASH_TAIL` together)."""
        m = _TRAILING_PAREN.search(s)
        if m is None:
            return None
        head = s[: m.start("open")].rstrip()
        d = _DASH_TAIL.search(head)
        if d is None or not self.registry.is_outlet(d.group("tail").strip(" ,")):
            return None
        title, body = head[: d.start()].strip(), m.group("body")
        if not title or not self._date_only(body, ref):
            return None
        return self.grammar.parse_line(f"“{title},” {d.group('tail').strip(' ,')}, {body}", ref)

    def _date_only(self, s: str, ref: dt.date | None) -> bool:
        """Whether a text is a date and nothing else ("3/9/2011", "September 3, 2007")."""
        return [k for k, _ in self.grammar.classify(s.strip(" ."), ref)] == ["date"]

    @staticmethod
    def _block(lines: Lines, i: int, hi: int) -> list[int]:
        """The label line of a block ("Full article:") and up to five field lines after it: short
        lines, a blank line allowed right after the label or before the block has a date."""
        block = [i]
        j = i
        label_re = cues().label_re
        while len(block) < 6:
            nxt = lines.next_nonblank(j, hi)
            if nxt < 0 or nxt - j > 2:
                break
            s = content(lines.lines[nxt])
            if (
                len(s) > 200
                or len(s.split()) > 25
                or (s.endswith((":", "：")) and not cues().field_re.match(s))
                or label_re.match(s)
                or (s[:1] == "(" and _PAREN_LINK.match(s) is None)
            ):
                break
            if (
                nxt - j == 2
                and len(block) > 1
                and any(
                    _LINK_LINE.match(content(lines.lines[k]))
                    or parse_date(content(lines.lines[k])) is not None
                    for k in block[1:]
                )
            ):
                break  # a blank line after a dated block, or one giving its link, ends it
            block.append(nxt)
            j = nxt
        return block

    def quotes_from_blocks(
        self,
        lines: Lines,
        layout: PostLayout,
        cites: list[FoundCitation],
        found_lines: Scan,
        blocks: list[tuple[int, int]],
    ) -> list[FoundQuote]:
        """Quoted blocks known from markup (<blockquote>): a citation inside a block, or on the
        first line after it, closes it; other citations fall back to the plain-text rules."""
        quotes: list[FoundQuote] = []
        structured = [c for c in cites if c.role != "closes-quote"]
        cites = [c for c in cites if c.role == "closes-quote"]
        by_line = {c.first: c for c in cites}
        used: set[int] = set()
        # the citations inside each block by bisection (in their list order): a page of many
        # blocks and citations costs no pass over all citations per block
        order = sorted(range(len(cites)), key=lambda k: cites[k].first)
        firsts = [cites[k].first for k in order]
        for a, b in blocks:
            inside = [
                cites[k] for k in sorted(order[bisect_left(firsts, a) : bisect_right(firsts, b)])
            ]
            if inside and any(_inline(lines, c) for c in inside):
                # paragraphs of one block each closed by its own source at its end ("…
                # (Yonhap, …)" / "… (Reuters, …)"): one quote per source
                quotes.extend(self._split_block(lines, layout, a, inside))
                used.update(c.first for c in inside)
                continue
            attached = list(inside)
            if not attached:
                nxt = lines.next_nonblank(b, layout.body_end)
                while nxt >= 0 and nxt in by_line and nxt not in used:
                    attached.append(by_line[nxt])
                    nxt = lines.next_nonblank(by_line[nxt].last, layout.body_end)
            last = b
            if inside:
                last = lines.prev_nonblank(min(c.first for c in inside), a)
            while last > a and not content(lines.lines[last]):  # a bare ">" line
                last -= 1
            last = max(last, a)
            prev = lines.prev_nonblank(a, layout.body_start)
            lead = (
                prev if prev >= 0 and _is_lead_in(lines.lines[prev], markers().elisions) else None
            )
            q = FoundQuote(a, last, lead, attached)
            if lead is not None:
                q.lead_in_outlet = self.lead_in_outlet(lines.lines[lead])
            quotes.append(q)
            used.update(c.first for c in attached)
        rest = [c for c in cites if c.first not in used] + structured
        if rest:
            covered = {i for a, b in blocks for i in range(a, b + 1)}
            for q in self.quotes(lines, layout, rest, found_lines):
                if not q.citations or q.citations[0].role != "closes-quote":
                    if q.citations:
                        quotes.append(q)
                    continue
                if not q.citations:
                    continue  # uncited text outside the markup's quotes is the blogger's
                if covered & {q.first, q.last}:  # would overlap a marked block: keep it bare
                    q = FoundQuote(q.citations[0].first, q.citations[0].first, None, q.citations)
                quotes.append(q)
        quotes.sort(key=lambda q: q.first)
        return quotes

    def _split_block(
        self, lines: Lines, layout: PostLayout, a: int, inside: list[FoundCitation]
    ) -> list[FoundQuote]:
        """A marked block's quotes, one per citation inside it: each closes the text from the
        line after the previous one's (or the block's first line) to its own."""
        prev = lines.prev_nonblank(a, layout.body_start)
        lead = prev if prev >= 0 and _is_lead_in(lines.lines[prev], markers().elisions) else None
        out: list[FoundQuote] = []
        start = a
        for c in sorted(inside, key=lambda c: c.first):
            if _inline(lines, c):
                q = FoundQuote(start, c.first, lead, [c])
                q.inline_last = c.start
            else:
                last = lines.prev_nonblank(c.first, start)
                q = FoundQuote(start, last, lead, [c])
                if last < start:
                    q = FoundQuote(c.first, c.first, None, [c])  # no text above: closes nothing
            if q.lead_in is not None:
                q.lead_in_outlet = self.lead_in_outlet(lines.lines[q.lead_in])
            out.append(q)
            start = lines.next_nonblank(c.last, layout.body_end)
            if start < 0:
                break
        return out

    def quotes(
        self, lines: Lines, layout: PostLayout, cites: list[FoundCitation], found_lines: Scan
    ) -> list[FoundQuote]:
        """Group the post body into quoted blocks: a header block heads the text below it, a
        further-reading list quotes nothing, and the other citations close the text above them."""
        hi = layout.body_end
        elisions = markers().elisions
        is_wire_end = cues().is_wire_end
        dense = lines.dense(layout.body_start, hi)  # one paragraph a line, no blank lines
        all_lead_ins = [
            i
            for i in Scan.between(found_lines.colon, layout.body_start, hi)
            if _is_lead_in(lines.lines[i], elisions) and not _is_label(lines.lines[i])
        ]  # fmt: skip  (a "Sources:" label over citation lines is no lead-in)
        cited = {c.first for c in cites}
        presenting = [
            i for i in self._presenting_lead_ins(lines, layout, dense, cites) if i not in cited
        ]
        if presenting:
            all_lead_ins = sorted(set(all_lead_ins).union(presenting))
        starts = sorted({c.first for c in cites} | set(all_lead_ins))
        blocked: list[tuple[int, int]] = []
        head_quotes: list[FoundQuote] = []
        for c in cites:
            if c.role in ("list-entry", "standalone"):
                # (a one-line entry too: "Some reading:" over entries quotes nothing)
                blocked.append(c.region if c.region is not None else (c.first, c.last))
            elif c.role == "heads-quote" and c.region is not None:
                first = c.first if c.glued else lines.next_nonblank(c.last, hi)
                if first < 0:
                    blocked.append(c.region)
                    continue
                k = bisect_right(starts, max(first, c.last))
                stop = min(starts[k] if k < len(starts) else hi, hi) - 1
                last = stop
                while last > first and lines.blank(last):
                    last -= 1
                j = lines.next_nonblank(first, last + 1)
                while j >= 0:  # the blogger's own voice coming back, or a wire story's end
                    # mark or copyright line ("(END)", "Copyright … Yonhap"), ends the quoted text
                    if _blogger_voice(lines.lines[j]) or is_wire_end(lines.lines[j]):
                        last = lines.prev_nonblank(j, first)
                        break
                    j = lines.next_nonblank(j, last + 1)
                while last > first and (
                    _furniture_end(lines.lines[last])
                    or _remark(lines, last, True, dense)
                    or _section_heading(lines, last)
                ):
                    last = lines.prev_nonblank(last, first)  # captions, "(more…)", remarks,
                    # a digest's next section heading ("Domestic Policy") or rule ("------")
                q = FoundQuote(first, max(first, last), c.lead, [c])
                if c.lead is not None:
                    q.lead_in_outlet = self.lead_in_outlet(lines.lines[c.lead])
                head_quotes.append(q)
                blocked.append((c.region[0], max(c.region[1], q.last)))
        closing = [c for c in cites if c.role == "closes-quote"]
        quotes = self._closing(lines, layout, closing, all_lead_ins, sorted(set(blocked)), dense)
        quotes.extend(head_quotes)
        quotes.sort(key=lambda q: q.first)
        return quotes

    def _presenting_lead_ins(
        self, lines: Lines, layout: PostLayout, dense: bool, cites: list[FoundCitation]
    ) -> list[int]:
        """Lead-ins with no colon: a one-sentence paragraph presenting a known outlet's item
        ("This Financial Times piece appeared last spring.", "The following Yonhap story is worth
        reading.") right above a paragraph of running text, where a new item may start: the
        post's first paragraph, or the first one after a citation (a few lines a post, no walk
        over the text)."""
        lo, hi = layout.body_start, layout.body_end
        c = cues()
        text = lines.lines
        out: list[int] = []
        nxt = lines.next_nonblank
        todo = sorted(
            i
            for i in {nxt(lo - 1, hi), *(nxt(x.last, hi) for x in cites)}
            if i >= 0 and 20 <= len(text[i]) <= 240 and text[i][-1:] in ". \t"
        )  # (most first paragraphs run longer than one sentence: no copy, no regex)
        k = 0
        while k < len(todo):
            i = todo[k]
            k += 1
            if i < 0 or i in out:
                continue
            s = content(text[i])
            if not 20 <= len(s) <= 220 or s[-1] != ".":
                continue
            low = s.casefold()
            if not (
                low.startswith(c.presenting_openings) or any(w in low for w in c.presenting_words)
            ) or (c.article_re.search(low) is None):
                continue  # the item presented ("worth reading") and named ("story")
            below = nxt(i, hi)
            if below < 0 or below != (i + 1 if dense else i + 2):
                continue  # running text right below (one blank line, or none in a dense post)
            body = content(text[below])
            if len(body) < 80 or not body[:1].isupper() or _is_lead_in(body, frozenset()):
                continue
            if _SENTENCE_END.search(s) is not None or _QUOTED.search(s) is not None:
                continue  # one sentence of the blogger's, not a quoted paragraph's last line
            if next(iter(self.registry.mentions(s)), None) is None:
                continue  # a known outlet named: "this article" alone presents nothing
            if not out:
                # a post presenting one item may present more ("The following … is worth
                # reading." further down): its other paragraphs naming an item are read too
                todo.extend(
                    lines.line_of(m.start())
                    for m in c.article_re.finditer(
                        lines.text, lines.starts[i + 1], lines.end(hi - 1)
                    )
                )
            out.append(i)
        return sorted(set(out))

    def _closing(
        self,
        lines: Lines,
        layout: PostLayout,
        cites: list[FoundCitation],
        all_lead_ins: list[int],
        blocked: list[tuple[int, int]],
        dense: bool = False,
    ) -> list[FoundQuote]:
        """Quoted blocks closed by citations, and uncited blocks after lead-ins, outside the
        lines header blocks and lists occupy."""
        cite_at = {c.first: c for c in cites}
        covered = {j for c in cites for j in range(c.first, c.last + 1)}
        covered.update(j for a, b in blocked for j in range(a, b + 1))
        lead_ins = [i for i in all_lead_ins if i not in covered]
        block_starts = [a for a, _ in blocked]

        def cap(end: int, after: int) -> int:
            """``end``, moved before the first blocked region starting after line ``after``."""
            k = bisect_right(block_starts, after)
            return min(end, block_starts[k] - 1) if k < len(block_starts) else end

        quotes: list[FoundQuote] = []
        boundary = layout.body_start  # first line a new block may use
        li = 0
        ends = sorted(b for _, b in blocked)
        bi = 0
        for c in sorted(cites, key=lambda c: c.first):
            while bi < len(ends) and ends[bi] < c.first:  # no block reaches back over a region
                boundary = max(boundary, ends[bi] + 1)
                bi += 1
            inline = c.start > lines.starts[c.first] + (
                len(lines.lines[c.first]) - len(lines.lines[c.first].lstrip())
            )
            block_end = c.first if inline else c.first - 1  # last quoted line (inclusive)
            # lead-ins between the boundary and this citation
            mine: list[int] = []
            while li < len(lead_ins) and lead_ins[li] < c.first:
                if lead_ins[li] >= boundary:
                    mine.append(lead_ins[li])
                li += 1
            # earlier lead-ins open uncited blocks that end at the next lead-in
            for k, opener in enumerate(mine[:-1]):
                q = self._uncited(lines, opener, cap(mine[k + 1] - 1, opener), layout, dense)
                if q is not None:
                    quotes.append(q)
            lead = mine[-1] if mine else None
            # consecutive citations (one quote, two citation lines, or two on one line) share
            # the quote before them
            if (
                quotes
                and quotes[-1].citations
                and not mine
                and (
                    (lines.prev_nonblank(c.first) in cite_at and not inline)
                    or quotes[-1].citations[-1].first == c.first
                )
            ):
                quotes[-1].citations.append(c)
                boundary = c.last + 1
                continue
            if lead is None and (
                (c.last > c.first and not c.wrapped) or (not inline and _several_sources(lines, c))
            ):
                # a labelled block with no lead-in above it follows the blogger's own summary,
                # not quoted text: it stands alone; so does a "Sources:" line naming several
                # outlets (one quotes one source; a text drawn from several is the blogger's)
                c.role = "standalone"
                boundary = c.last + 1
                continue
            start_after = lead if lead is not None else boundary - 1
            if lead is None:
                # no lead-in: the block starts after the blogger last spoke in the first person
                for j in range(block_end - (0 if inline else 1), boundary - 1, -1):
                    if j >= 0 and lines.lines[j].strip() and _blogger_voice(lines.lines[j]):
                        start_after = j
                        break
            first = lines.next_nonblank(start_after, block_end + 1)
            while 0 <= first < block_end and _item_mark(lines.lines[first]):
                first = lines.next_nonblank(first, block_end + 1)  # a roundup's "~ 2 ~", "* * *"
            last = block_end if inline else lines.prev_nonblank(c.first, first if first >= 0 else 0)
            if not inline and first >= 0 and last > first and _is_label(lines.lines[last]):
                last = lines.prev_nonblank(last, first)  # "Sources:" over the citation lines
            if not inline and first >= 0 and last > first and _remark(lines, last, False, dense):
                last = lines.prev_nonblank(last, first)  # the blogger's one-line remark
            while (
                not inline
                and first >= 0
                and last > first
                and (
                    _caption(lines.lines[last])
                    or cues().is_wire_end(lines.lines[last])
                    or _bracket_note(lines.lines[last])
                )
            ):
                last = lines.prev_nonblank(last, first)  # "Photo: …", "(END)", "(emphasis added)"
            if first < 0 or last < first:
                q = FoundQuote(c.first, c.first, lead, [c])
                q.inline_last = None
            else:
                q = FoundQuote(first, last, lead, [c])
                if inline:
                    q.inline_last = c.start
            if lead is not None:
                q.lead_in_outlet = self.lead_in_outlet(lines.lines[lead])
            quotes.append(q)
            boundary = c.last + 1
        rest = [x for x in lead_ins[li:] if x >= boundary]
        for k, lead in enumerate(rest):
            end = rest[k + 1] - 1 if k + 1 < len(rest) else layout.body_end - 1
            q = self._uncited(lines, lead, cap(end, lead), layout, dense)
            if q is not None:
                quotes.append(q)
        return quotes

    def _uncited(
        self,
        lines: Lines,
        lead: int,
        end: int,
        layout: PostLayout | None = None,
        dense: bool = False,
    ) -> FoundQuote | None:
        first = lines.next_nonblank(lead, end + 1)
        if first < 0:
            return None
        if _LIST_ITEM.match(lines.lines[first]) or _introduces_figure(lines.lines[lead]):
            return None
        last = end
        while last > first and lines.blank(last):
            last -= 1
        # nothing closes an uncited block but the next lead-in or the post's end; the blogger's
        # own voice coming back (first person outside quotation marks) ends it sooner
        j = lines.next_nonblank(first, last + 1)
        is_wire_end = cues().is_wire_end
        while j >= 0:
            if _blogger_voice(lines.lines[j]) or is_wire_end(lines.lines[j]):
                last = lines.prev_nonblank(j, first)
                break
            j = lines.next_nonblank(j, last + 1)
        while last > first and (
            is_furniture(lines.lines[last])
            or _remark(lines, last, True, dense)
            or _read_more(lines.lines[last])
        ):  # the theme's "Tags: …" line, the blogger's closing remark ("Note: …"), "Read more …"
            last = lines.prev_nonblank(last, first)
        if _figure_only(lines, first, last):
            return None  # a chart's title and its "Data source:" caption, not quoted text
        if layout is not None and (glued := self._glued_later(lines, layout, first, last)):
            # a sign-off glued to a later paragraph of the run ('… the trader.Oct. 1, 2007
            # asahi'): its source, and the quote ends there (read here, where no citation
            # closes the run, so the common quote costs nothing)
            q = FoundQuote(first, glued.first, lead, [glued])
            q.inline_last = glued.start
            q.lead_in_outlet = self.lead_in_outlet(lines.lines[lead])
            return q
        q = FoundQuote(first, last, lead)
        q.lead_in_outlet = self.lead_in_outlet(lines.lines[lead])
        return q

    def lead_in_outlet(self, lead_in: str) -> OutletEntry | None:
        """The outlet named in the lead-in's final sentence (the one ending in the colon)."""
        last_sentence = drop_acknowledgements(_last_sentence(lead_in))  # "(h/t NK News)"
        last = deque(self.registry.mentions(last_sentence), maxlen=1)  # the last one counts
        if (
            not last
            and last_sentence.count(" ") <= 2
            and len(lead_in) > len(last_sentence) + 2
            and cues().lead_in_pointer_re.search(last_sentence) is not None
        ):
            # "… writes in the Korea Times about … Excerpt below:": a pointer alone names no
            # one; the sentence before it does
            before = lead_in[: len(lead_in) - len(last_sentence)]
            last = deque(self.registry.mentions(_last_sentence(before)), maxlen=1)
        if last:
            return last[0][2]
        # an outlet the registry does not know (no id): "From the Harbour Gazette:", or a name
        # ending in an outlet's head word ("According to the Pacific Tribune:")
        s = last_sentence.strip()
        m = _FROM_OUTLET.match(s)
        if m is None and s[-1:] in ":：" and cues().outlet_head_re.search(s):
            m = _NAMED_OUTLET.search(s)
            words = m.group("outlet").split() if m is not None else []
            if len(words) < 2 or words[-1] not in cues().outlet_heads:
                m = None  # a head word alone ("the News:") names no outlet
        if m is None or cues().is_position(m.group("outlet")):
            return None
        return OutletEntry(id="", name=m.group("outlet"))


_NAME = r"\p{Lu}[\p{L}\p{N}.'’&\-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}.'’&\-]*|of|and|&)){0,4}"
"""A Title Case name of up to five words ("Harbour Gazette", "Voice of the Coast" excepted)."""

_EXCERPT_FROM = regex.compile(
    r"(?i:excerpts?|excerpted|adapted|reprinted|taken|abridged)\s+(?i:from)\s+(?i:the\s+|an?\s+)?"
    r"(?P<outlet>[^,]+?)(?:\s+(?i:article|report|story|piece|dispatch|editorial|interview))?"
    r"(?:,?\s+(?i:by)\s+(?:(?i:staff\s+writer|writer|reporter|correspondent)\s+)?"
    r"(?P<by>\p{Lu}[^,]{2,40}))?[.]?$"
)
"""A note naming the excerpted item's outlet and writer ("Excerpts from AP article by writer
Kim Ha-na"): read as "Outlet, Name"."""
_ENTRY_BYLINE = regex.compile(r",\s+(?i:by)\s+(?P<name>\p{Lu}[\p{L}.'’\- ]{2,40})$")
"""A byline closing a digest's headline ("…, By Kim Ha-na")."""
_HEADING_SOURCE = regex.compile(
    r"^(?:(?i:from|according\s+to|via)\s+)?(?P<body>[^:()\d]{2,60}?)\s*"
    r"(?:\((?P<date>[^()]{4,40})\)|,\s*(?P<date2>[^:()]{4,40}?))\s*[:：]$"
)
"""A lead-in naming a source and its date: "From Outlet (date):", "Outlet, date:"."""
_FROM_OUTLET = regex.compile(r"^(?i:from\s+the)\s+(?P<outlet>" + _NAME + r")\s*[:：]$")
"""A lead-in that is only an outlet phrase ("From the Harbour Gazette:")."""

_NAMED_OUTLET = regex.compile(
    r"(?:(?i:according\s+to|reported\s+by|reports?\s+(?:in|from|by)|via|from|in|by|writing\s+"
    r"(?:in|for))\s+(?:the\s+)?(?P<outlet>" + _NAME + r")\s*[:：]$)"
    r"|(?:(?:^|(?<=[\s,;]))(?:[Tt]he\s+)?(?P<outlet>" + _NAME + r")\s+(?:reports?|reported|"
    r"writes|wrote|notes|noted|says|said|adds|added|explains|explained|carries|carried|has)\b"
    r"[^:：]{0,80}[:：]$)"
)
"""A lead-in naming its source ("According to the Pacific Tribune:", "the Harbour Gazette
reports:"); the name counts only when its last word is an outlet head from the cue table."""


def _is_lead_in(line: str, elisions: frozenset[str]) -> bool:
    s = line.rstrip()
    return len(s) > 1 and s.endswith((":", "：")) and s.strip() not in elisions and len(s) < 3000


_QUOTED = regex.compile(r"“[^”]{0,3000}”|\"[^\"]{0,3000}\"")
_FIRST_PERSON = regex.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself)\b")
_FIRST_PERSON_ANY = regex.compile(
    r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself"
    r"|[Ww]e|us|[Ww]e’ll|[Ww]e'll|[Ww]e’ve|[Ww]e've)\b"
)
"""First person, singular or plural: plural is read only on the last one-line paragraph of a
quote ("our" is left out: state media's copy speaks of "our Republic")."""


def _item_mark(line: str) -> bool:
    """Whether a line is only a roundup's item number or a separator ("~ 2 ~", "2)", "* * *",
    "#3"): short, with no letter; it heads or parts the items, it is no quoted text."""
    s = line.strip()
    return 0 < len(s) <= 12 and not any(ch.isalpha() for ch in s)


def _closes_paragraph(
    lines: Lines, i: int, lo: int, bare: bool = False, dense: bool = False
) -> bool:
    """Whether line ``i`` is a parenthesis or a dash-led sign-off of its own (or, ``bare``, any
    line) right under a paragraph of running text (not a lead-in, not a field line): a source
    closing the text."""
    s = content(lines.lines[i]).rstrip(".")
    if not (
        bare
        or (s.startswith("(") and s.endswith(")"))
        or (s.startswith("[") and s.endswith("]"))
        or s.startswith(("—", "–", "--"))
    ):
        return False  # "(KCNA, 3/4/2013)", "[KCNA, 3/4/2013]", or a sign-off "— Yonhap, …"
        # ("--Yonhap, …": two hyphens, a typewriter's dash)
    prev = lines.prev_nonblank(i, lo)
    if prev < 0 or prev != i - (1 if dense else 2):  # one blank line between text and source
        return False  # (none in a ``dense`` post, one paragraph a line)
    above = content(lines.lines[prev])
    if not above.endswith(_SENTENCE_ENDS):
        return False
    if len(above.split()) >= 8:
        return True
    if dense:
        return False
    # a short last paragraph ("The South offered a 5 percent rise.") under running text
    up = lines.prev_nonblank(prev, lo)
    if up == prev - 1 and not content(lines.lines[up]):
        # a Markdown quote's bare ">" between its paragraphs stands for the blank line
        up = lines.prev_nonblank(up, lo)
        up = prev - 2 if up == prev - 2 else -1
    if up < 0 or up != prev - 2 or len(above.split()) < 3:
        return False
    two = content(lines.lines[up])
    return len(two.split()) >= 8 and two.endswith(_SENTENCE_ENDS)


_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "'")


def _rule(line: str) -> bool:
    """Whether a line holds no letter: a separator rule ("------------", "* * *"), an item's
    number or a forum's member counts ("12,104 655 0"); it parts items like a blank line."""
    return not line.lstrip()[:1].isalpha() and not any(ch.isalpha() for ch in line)


def _section_heading(lines: Lines, i: int) -> bool:
    """Whether line ``i`` is a separator rule ("------------") or a section heading in a
    paragraph of its own: short, capitalised, closed by no sentence mark ("Domestic Policy")."""
    ln = lines.lines[i]
    if _rule(ln):
        return True
    s = content(ln)
    return (
        0 < len(s) <= 40
        and s[:1].isupper()
        and s[-1] not in ".!?:;,)]\"”’'…"
        and lines.blank(i - 1)
        and lines.blank(i + 1)
    )


def _photo_credit(line: str) -> bool:
    """Whether a line is a picture's caption with its credit ("… Photo courtesy of the
    ministry", "… Photo: AFP")."""
    return ("hoto" in line or "mage" in line) and _PHOTO_CREDIT.search(line) is not None


def _wire_byline(s: str) -> bool:
    """Whether a short line is a wire story's byline ("By CHOI SEUNG-HO", "By Kim Min-ji")."""
    return s[:3].casefold() == "by " and len(s.split()) <= 8 and looks_like_name(strip_by(s))


def _blogger_voice(line: str) -> bool:
    """First-person singular outside quotation marks: the blogger speaking, not the source."""
    if '"' in line or "“" in line:  # only a line with quotation marks needs the copy without them
        line = _QUOTED.sub("", line)
    return _FIRST_PERSON.search(line) is not None


def _is_label(line: str) -> bool:
    """Whether a line is a block label from the cue table ("Sources:", "Full article:")."""
    c = cues()
    i = content_start(line)
    if line[i : i + 4] not in c.label_first:  # the literal prefilter, before any copy or regex
        return False
    return c.label_re.match(content(line)) is not None


def _remark(lines: Lines, i: int, closing: bool = False, dense: bool = False) -> bool:
    """Whether line ``i`` is the blogger's one-line remark between a quote and its source: a
    single-line paragraph in the first person or opening like one ("Readers will remember…").
    A ``closing`` remark (the last paragraph of an uncited quote, where no source line bounds
    the text) may also speak in the first person plural ("… will tell us whether …"). In a
    ``dense`` post (one paragraph a line, no blank lines) a line is a paragraph when the line
    above it ends a sentence (a hard-wrapped line above would not)."""
    s = lines.lines[i]
    if len(s) > 240:
        return False  # a remark is one short line; quoted paragraphs run longer
    if not ((i == 0 or lines.blank(i - 1)) and (i + 1 >= len(lines) or lines.blank(i + 1))) and (
        not dense or i == 0 or not content(lines.lines[i - 1]).endswith(_SENTENCE_ENDS)
    ):
        return False
    s = content(s)
    if s.casefold().startswith(cues().remark_openings):
        return True
    if closing and s[-1:] == "." and s.casefold().endswith(cues().remark_endings):
        return True  # "…, according to the report.": the blogger summing up the quoted item
    if '"' in s or "“" in s:  # only a line with quotation marks needs the copy without them
        s = _QUOTED.sub("", s)
    return (_FIRST_PERSON_ANY if closing else _FIRST_PERSON).search(s) is not None


def _read_more(line: str) -> bool:
    """Whether a short line is a pointer to the rest of the item ("Read more at the site.",
    "Click here", "The full report can be found here."): a skip line or a `full-article` label
    of the cue table opening it, not the item's last words."""
    if len(line) > 100:
        return False
    s = content(line)
    c = cues()
    return s.casefold().startswith(c.pointer_openings) or c.is_skip(s)


def _caption(line: str) -> bool:
    """Whether a line is a picture's caption ("Photo: A market in Pyongyang (Daily NK)")."""
    return content(line).casefold().startswith(cues().caption_openings)


def _several_sources(lines: Lines, c: FoundCitation) -> bool:
    """Whether a citation line opens with the plural label "Sources:" ("(Sources: Yonhap, KBS)")."""
    s = lines.lines[c.first].lstrip(" \t([")
    return s[:7].casefold() == "sources" and s[7:].lstrip()[:1] in (":", "：")


def _bracket_note(line: str) -> bool:
    """Whether a line is an editorial note wholly in brackets ("(emphasis added)", "[photo:
    Xinhua]", "(more here)"): the blogger's, so no part of the quote above it."""
    s = line.strip()
    if s[:1] not in "([" or s[-1:] not in ")]" or len(s) > 160 or not s:
        return False  # the literal test: most lines open with neither bracket
    return s[1:-1].strip().casefold().startswith(cues().note_openings)


def _furniture_end(line: str) -> bool:
    """A line that ends a quoted text without being part of it: "(more…)", an image caption or
    a remark closed by a link ("… (Google Earth)", "(Photo: …)", "… (link here)")."""
    s = content(line)
    return cues().is_skip(s) or (s.endswith(")") and len(s) <= 200) or s.endswith(".)")


def _figure_only(lines: Lines, first: int, last: int) -> bool:
    """Whether lines ``first..last`` hold only a figure's furniture: captions ("Data source: …")
    and short title lines without sentence punctuation; at least one caption."""
    openings = cues().caption_openings
    caption = False
    for j in range(first, min(last, first + 8) + 1):
        s = content(lines.lines[j])
        if not s:
            continue
        if s.casefold().startswith(openings):
            caption = True
        elif len(s) > 120 or s.endswith((".", "!", "?", "”", '"', ":")):
            return False
    return caption and last - first < 8


def _introduces_figure(lead_in: str) -> bool:
    """Whether a lead-in's final sentence announces a figure ("the map below:"), not a quote."""
    last_sentence = _last_sentence(lead_in)
    words = {w.casefold() for w in _WORD.findall(last_sentence)}
    return bool(words & markers().figure_words)


_PAREN_LINK = regex.compile(r"\((?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\)\.?$")
"""A link alone in parentheses ("(news.bbc.co.uk/2/hi/business/8395268.stm)"): a block's field."""
_LINK_LINE = regex.compile(r"\(?(?:https?://|www\.)\S+$")
"""A line that is a link alone: the last field of a block."""
_TRAILING_BRACKET = regex.compile(
    r"(?<=\S)\s*(?P<open>\[)(?P<body>[^\[\]]{2,80})(?P<close>\])[\s.]*$"
)
"""A bracket closing a paragraph, after its text."""
_TRAILING_PAREN = regex.compile(r"(?<=\S)\s*(?P<open>\()(?P<body>[^()]{2,80})(?P<close>\))[\s.]*$")
"""A parenthesis closing a paragraph, after its text."""
_GUILLEMETS = str.maketrans("«»‹›", "“”“”")
"""Guillemets around a title, read as the English quotation marks the grammar knows."""
_OUTLET_SEPARATORS = ("—", "–", "|", " - ")
"""What parts a headline from its outlet's name at the end of its line ("Title — CNN", "Title |
Reuters", "Title - Daily NK"), with a space on each side."""
_TITLED_PAREN = regex.compile(
    r"\((?P<inner>[“\"](?=\S)[^()]{2,300}?[”\"“],?[ \t]*[^()“”\"]{0,40})\)"
)
"""A parenthesis holding a quoted title and what follows it (a date) inside running text."""
_NAME_BEFORE = regex.compile(r"(?:\b\p{Lu}[\p{L}\d.&'’\-]*[ \t]+){0,4}\b\p{Lu}[\p{L}\d.&'’\-]*$")
"""Capitalised words ending a text: an unknown outlet's name ("Asia Pulse", "Nihon Keizai")."""
_OUTLET_KIND = regex.compile(
    r"[ \t]+(?:news[ \t]+agency|newspaper|daily|news[ \t]+service|wire[ \t]+service|radio|"
    r"television|tv|broadcaster|website|web[ \t]?site|magazine|weekly)$",
    regex.IGNORECASE,
)
"""A common noun after an outlet's name ("KCNA news agency", "Yonhap news agency")."""
_VERB_AFTER = regex.compile(r"[ \t,]*(\p{L}+)")


_VIA = regex.compile("^" + VIA)
_CLOSING_DASH = regex.compile(
    r"(?<=\S[.!?\"”’)])[ \t]+(?P<dash>[–—]|--)[ \t]+(?P<body>\p{Lu}[^–—]{2,70}\d{4})\.?\s*$"
)
"""A dash-led sign-off closing a paragraph after its last sentence ("… she said. – Yonhap, May 3,
2013")."""
_DASH_TAIL = regex.compile(r"\s[–—]\s+(?P<tail>[^–—]{4,80})$")
"""A list entry's source after a dash ("Title – Dong-A Ilbo, March 8, 2011")."""
"""A source's "via"/"from" before its name ("(From the Korea Times, …)")."""
_AND = regex.compile(r"\s+(?:and|&)\s+")
"""Between two names of one field ("Ju-Min Park and James Pearson")."""
_TITLE_MARKS = "“\"'‘_*("
"""What marks a title (or glosses a name) in an unbracketed source line."""
_DOT_SPACE = frozenset(". \t")
"""What may follow the digit closing a source line (its date or page)."""
_BRACKET_COMMA = regex.compile(r"(?<!\d),\s*|,(?!\s*\d{4}\b(?![/.\-]\d))\s*")
"""A comma between a bracket's fields, not the one inside a date ("Oct. 3, 2014")."""

MAX_INLINE = 50
"""At most this many "(Source:" parentheticals are read from one line (hostile input guard)."""


def _without_notes(fields: list[str]) -> list[str]:
    """Comma fields without the notes on a source's language or format after the first
    ("Yomiuri Shimbun, 12/1/09, original in Japanese"), which name no field."""
    notes = source_notes()
    return fields[:1] + [f for f in fields[1:] if f.casefold() not in notes]


def _inline_sources(s: str) -> list[tuple[int, int]]:
    """Spans of "(Source: …)" parentheticals in a line that ends with one (each runs to the next)."""
    if not s.rstrip(" .").endswith((")", "]")):
        return []
    starts = [m.start() for m in _INLINE_SOURCE.finditer(s)][-MAX_INLINE:]
    if not starts:
        return []
    return list(zip(starts, [*starts[1:], len(s)], strict=True))


def _list_item(s: str) -> regex.Match[str] | None:
    """A list item's bullet or number; none on a date line that opens like one ("4. Juni
    2015": a German date, not item 4)."""
    m = _LIST_ITEM.match(s)
    if m is not None and s.lstrip()[:1].isdigit() and parse_date(s.strip()) is not None:
        return None
    return m


def link_citations(cites: list[FoundCitation], links: tuple[tuple[int, int, str], ...]) -> None:
    """Give a citation the one web link of the paragraph it sits in (HTML's ``<cite><a
    href=…>``, "Source: <a href=…>…</a>"), when its text names no address and it is the
    paragraph's only citation."""
    by_first = sorted(links)
    starts = [a for a, _, _ in by_first]
    hits: dict[int, list[FoundCitation]] = {}
    for fc in cites:
        k = bisect_right(starts, fc.first) - 1
        if k >= 0 and fc.last <= by_first[k][1]:
            hits.setdefault(k, []).append(fc)
    for k, found in hits.items():
        if len(found) == 1 and len(found[0].parsed.sources) == 1:
            src = found[0].parsed.sources[0]
            if src.url is None:
                src.url = by_first[k][2]


_UPDATED_TAIL = regex.compile(r"(?i)[ \t|]+(?:last[ \t]+)?(?:updated|modified)\b.*$")
"""An update's time after a publication date on one line ("Published : May 20, 2019 - 15:02
Updated : May 20, 2019 - 17:44"): the update is dropped, the publication date kept."""


_UPDATE_LINE = regex.compile(r"(?i)(?:last[ \t]+)?updated(?:[ \t]+on)?[ \t]*(?::|\d)")
"""A header's line giving the date of an update ("UPDATED : Tuesday, 02 February, 2016")."""


_DATE_LABEL = regex.compile(r"(?i)^(?:published|posted|dated|date)(?:[ \t]+on)?[ \t]*:?[ \t]*")
"""A header's date label ("Published : ", "POSTED :"), before its date."""


_CLOCK_TAIL = regex.compile(
    r"[ \t]*[-–—,|@]?[ \t]*\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*$", regex.I
)
"""The clock time closing a header's date line, and the dash before it ("… 2019 - 15:02")."""


def _cut_update(s: str) -> str:
    """A header's date line without the update's date after it, nor the time closing it."""
    if "pdated" in s or "PDATED" in s or "odified" in s:  # (most lines hold no update)
        m = _UPDATED_TAIL.search(s)
        s = s[: m.start()] if m is not None and m.start() > 0 else s
    if ":" in s and (m := _CLOCK_TAIL.search(s)) is not None and m.start() > 0:
        s = s[: m.start()]
    return s


def _inline(lines: Lines, c: FoundCitation) -> bool:
    """Whether a citation closes its line's own text ("… said. (Yonhap, 3/4/2013)")."""
    return c.start > lines.starts[c.first] + content_start(lines.lines[c.first])  # (past "> ")


def _strip_item(s: str) -> str:
    """A list item without its bullet or number."""
    m = _list_item(s)
    return s[m.end() :] if m else s


def _unlabelled_lists(lines: Lines, found: list[FoundCitation], label_re: Any) -> None:
    """Two or more one-line citations ("Name, “Title,” Outlet, Date") on consecutive lines, not
    under a label, are an unlabelled further-reading list: their entries close no quote."""
    k = 0
    while k < len(found):
        m = k
        while (
            m + 1 < len(found)
            and found[m + 1].first == found[m].last + 1
            and found[m + 1].parsed.form == "line"
            and found[m].parsed.form == "line"
            and found[m].role == found[m + 1].role == "closes-quote"
        ):
            m += 1
        if m > k:
            prev = lines.prev_nonblank(found[k].first)
            if prev < 0 or not label_re.match(content(lines.lines[prev])):
                for fc in found[k : m + 1]:
                    fc.role = "list-entry"
                    fc.parsed.form = "list-entry"
        k = m + 1
