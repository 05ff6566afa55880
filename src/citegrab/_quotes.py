"""Quote finding: lead-ins, quoted paragraphs and the citation lines that close them.

In plain-text archives a quoted block is only visible by its frame: the blogger's lead-in (a
paragraph ending in a colon), the quoted paragraphs, and a citation line. A citation closes the
block that began after the nearest lead-in before it; a lead-in with no citation before the next
lead-in (or the post's end) opens an uncited block, attributed from the lead-in when it names an
outlet ("AP:", "According to Yonhap:").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from ._citations import CitationGrammar, ParsedLine
from ._outlets import OutletEntry, OutletRegistry
from ._scan import Lines, Scan, content, content_start
from ._segment import PostLayout, markers

_WORD = regex.compile(r"\p{L}+")
_LIST_ITEM = regex.compile(r"^\s*(?:[-•*–]\s|\d{1,2}[.)]\s)")
_SENTENCE_END = regex.compile(r"(?<=[.!?][)”’\"']?)\s+(?=[\p{Lu}“\"‘(])")
_INLINE_SOURCE = regex.compile(r"[(\[]\s*sources?\s*[:：]", regex.IGNORECASE)
_CANDIDATE_START = regex.compile(
    r"^\s*(?:[(\[]|sources?\b|full\s|read\s|original\s|[“\"‘'—–]|\p{Lu}[\p{L}.'’\-]*\s+\p{Lu})",
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

    def citations(self, lines: Lines, layout: PostLayout, found_lines: Scan) -> list[FoundCitation]:
        """Every citation line (or block, or trailing parenthetical) in the post body."""
        found: list[FoundCitation] = []
        text_lines = lines.lines
        skip_to = -1
        for i in Scan.between(found_lines.cite, layout.body_start, layout.body_end):
            if i < skip_to:
                continue
            ln = text_lines[i]
            lead = content_start(ln)
            s = content(ln)
            ref = self.ref_date(layout, i)
            if s[:20].casefold().startswith(("full", "read", "original", "source article")):
                block = self._block(lines, i, layout.body_end)
                parsed = self.grammar.parse_block([content(text_lines[j]) for j in block], ref)
                if parsed is not None:
                    last = block[-1]
                    found.append(
                        FoundCitation(i, last, lines.starts[i], lines.end(last), parsed, ref)
                    )
                    skip_to = last + 1
                    continue
            parsed = self.grammar.parse_line(s, ref) if _CANDIDATE_START.match(s) else None
            if parsed is not None:
                start = lines.starts[i] + lead
                found.append(FoundCitation(i, i, start, start + len(s), parsed, ref))
            else:
                # "(Source: …)" parentheticals inside the line: a paragraph closed by one, or
                # several on one line; each is parsed on its own
                base = lines.starts[i] + lead
                pieces = _inline_sources(s)
                if len(pieces) == MAX_INLINE:
                    self.capped.append(i)
                for a, b in pieces:
                    piece = s[a:b].rstrip()
                    parsed = self.grammar.parse_line(piece, ref)
                    if parsed is not None:
                        found.append(
                            FoundCitation(i, i, base + a, base + a + len(piece), parsed, ref)
                        )
        return found

    @staticmethod
    def _block(lines: Lines, i: int, hi: int) -> list[int]:
        """The marker line of a "Full article:" block and up to four field lines after it."""
        block = [i]
        j = i
        while len(block) < 5:
            nxt = lines.next_nonblank(j, hi)
            if nxt < 0 or nxt - j > 2 or len(lines.lines[nxt]) > 300:
                break
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
        by_line = {c.first: c for c in cites}
        used: set[int] = set()
        for a, b in blocks:
            inside = [c for c in cites if a <= c.first <= b]
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
        rest = [c for c in cites if c.first not in used]
        if rest:
            covered = {i for a, b in blocks for i in range(a, b + 1)}
            for q in self.quotes(lines, layout, rest, found_lines):
                if not q.citations:
                    continue  # uncited text outside the markup's quotes is the blogger's
                if covered & {q.first, q.last}:  # would overlap a marked block: keep it bare
                    q = FoundQuote(q.citations[0].first, q.citations[0].first, None, q.citations)
                quotes.append(q)
        quotes.sort(key=lambda q: q.first)
        return quotes

    def quotes(
        self, lines: Lines, layout: PostLayout, cites: list[FoundCitation], found_lines: Scan
    ) -> list[FoundQuote]:
        """Group the post body into quoted blocks around lead-ins and citations."""
        cite_at = {c.first: c for c in cites}
        covered = {j for c in cites for j in range(c.first, c.last + 1)}
        elisions = markers().elisions
        lead_ins = [
            i for i in Scan.between(found_lines.colon, layout.body_start, layout.body_end)
            if i not in covered and _is_lead_in(lines.lines[i], elisions)
        ]  # fmt: skip
        quotes: list[FoundQuote] = []
        boundary = layout.body_start  # first line a new block may use
        li = 0
        for c in sorted(cites, key=lambda c: c.first):
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
                q = self._uncited(lines, opener, mine[k + 1] - 1)
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
            start_after = lead if lead is not None else boundary - 1
            if lead is None:
                # no lead-in: the block starts after the blogger last spoke in the first person
                for j in range(block_end - (0 if inline else 1), boundary - 1, -1):
                    if j >= 0 and lines.lines[j].strip() and _blogger_voice(lines.lines[j]):
                        start_after = j
                        break
            first = lines.next_nonblank(start_after, block_end + 1)
            last = block_end if inline else lines.prev_nonblank(c.first, first if first >= 0 else 0)
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
            q = self._uncited(lines, lead, end)
            if q is not None:
                quotes.append(q)
        quotes.sort(key=lambda q: q.first)
        return quotes

    def _uncited(self, lines: Lines, lead: int, end: int) -> FoundQuote | None:
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
        while j >= 0:
            if _blogger_voice(lines.lines[j]):
                last = lines.prev_nonblank(j, first)
                break
            j = lines.next_nonblank(j, last + 1)
        q = FoundQuote(first, last, lead)
        q.lead_in_outlet = self.lead_in_outlet(lines.lines[lead])
        return q

    def lead_in_outlet(self, lead_in: str) -> OutletEntry | None:
        """The outlet named in the lead-in's final sentence (the one ending in the colon)."""
        last_sentence = _SENTENCE_END.split(lead_in.strip())[-1]
        hits = list(self.registry.mentions(last_sentence))
        return hits[-1][2] if hits else None


def _is_lead_in(line: str, elisions: frozenset[str]) -> bool:
    s = line.rstrip()
    return len(s) > 1 and s.endswith((":", "：")) and s.strip() not in elisions and len(s) < 3000


_QUOTED = regex.compile(r"“[^”]*”|\"[^\"]*\"")
_FIRST_PERSON = regex.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself)\b")


def _blogger_voice(line: str) -> bool:
    """First-person singular outside quotation marks: the blogger speaking, not the source."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub("", line)))


def _introduces_figure(lead_in: str) -> bool:
    """Whether a lead-in's final sentence announces a figure ("the map below:"), not a quote."""
    last_sentence = _SENTENCE_END.split(lead_in.strip())[-1]
    words = {w.casefold() for w in _WORD.findall(last_sentence)}
    return bool(words & markers().figure_words)


MAX_INLINE = 50
"""At most this many "(Source:" parentheticals are read from one line (hostile input guard)."""


def _inline_sources(s: str) -> list[tuple[int, int]]:
    """Spans of "(Source: …)" parentheticals in a line that ends with one (each runs to the next)."""
    if not s.rstrip(" .").endswith((")", "]")):
        return []
    starts = [m.start() for m in _INLINE_SOURCE.finditer(s)][-MAX_INLINE:]
    if not starts:
        return []
    return list(zip(starts, [*starts[1:], len(s)], strict=True))
