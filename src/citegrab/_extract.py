"""The extractor: segment → find quotes and citations → normalise → (optionally) tag entities.

`Extractor` is the one object batch and distributed runs share: it is picklable, holds only
configuration, and loads its spaCy pipeline lazily, once per process.
"""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import _args
from ._citations import CitationGrammar, Issue, ParsedLine, ParsedSource, date_issue
from ._dates import DocumentOrder, ParsedDate, PostDates, reorder, resolve_again
from ._hints import Hints
from ._inputs._readers import Source, rendered
from ._modelname import named_model
from ._models import (
    Citation,
    Diagnostic,
    DiagnosticCode,
    Document,
    Outlet,
    Post,
    Quote,
    QuoteRef,
    Severity,
    Span,
)
from ._outlets import OutletEntry, OutletRegistry, default_registry
from ._quotes import MAX_INLINE, FoundCitation, FoundQuote, QuoteFinder, link_citations
from ._scan import Lines, Scan, quote_marked_blocks, scan
from ._segment import PostLayout, segment


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while one document is parsed, restoring it after.

    Parsing allocates tens of thousands of records, lists and tuples that form no reference
    cycles; the collector's passes over that growing heap are pure overhead (about a fifth of
    the parse time on 13 MB: 1.04 s -> 0.86 s CPU, the same peak memory, a dozen cyclic objects
    left for the next pass to free). Reference counting still frees everything else at once.
    A collector already disabled by the caller is left disabled.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _diag(issue: Issue, span: Span | None) -> Diagnostic:
    return Diagnostic(code=issue.code, message=issue.message, severity=issue.severity, span=span)


class Extractor:
    """Extracts posts, quotes, citations and (optionally) entities from documents.

    Args:
        entities: run the NER pass (spaCy) and attach entities.
        model: spaCy model name or path for the NER pass (default: ``CITEGRAB_SPACY_MODEL`` or the
            bundled English small model).
        outlets: extra outlet registry TOML files (one path or several) to load on top of the packaged one (they serve
            the citation grammar and the NER pass alike).
        labels: ``"contract"`` (default) keeps PERSON, PROVINCE and INSTITUTION entities;
            ``"all"`` runs the model on every paragraph and keeps its other labels too.
    """

    def __init__(
        self,
        *,
        entities: bool = False,
        model: str | None = None,
        outlets: Iterable[str | Path] | str | Path = (),
        labels: str = "contract",
    ) -> None:
        if labels not in ("contract", "all"):
            raise ValueError(f"labels must be 'contract' or 'all', not {labels!r}")
        self.entities = _args.flag("entities", entities)
        self.labels = labels
        self.model = _args.optional_name("model", model)
        self.outlets = tuple(str(p) for p in _args.paths("outlets", outlets))
        self._state: dict[str, Any] = {}

    # pickling: ship configuration only; each process rebuilds (and loads spaCy) lazily
    def __getstate__(self) -> dict[str, Any]:
        return {
            "entities": self.entities,
            "model": self.model,
            "outlets": self.outlets,
            "labels": self.labels,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def registry(self) -> OutletRegistry:
        """The outlet registry in use."""
        reg = self._state.get("registry")
        if reg is None:
            if self.outlets:
                # user files are paths (a bare "extra.toml" is in the working directory)
                reg = OutletRegistry.from_toml("outlets.toml", *map(Path, self.outlets))
            else:
                reg = default_registry()
            self._state["registry"] = reg
        return reg

    @property
    def grammar(self) -> CitationGrammar:
        """The citation grammar bound to the registry."""
        g = self._state.get("grammar")
        if g is None:
            g = self._state["grammar"] = CitationGrammar(self.registry)
        return g

    @property
    def tagger(self) -> Any:
        """The NER tagger (imports spaCy on first use)."""
        t = self._state.get("tagger")
        if t is None:
            from ._ner import EntityTagger

            t = self._state["tagger"] = EntityTagger.shared(self.model, self.registry, self.outlets)
        return t

    # -- public verbs ------------------------------------------------------------------------

    def extract(
        self,
        text: str | bytes,
        *,
        doc: str | None = None,
        hints: Hints | None = None,
        char_offset: int = 0,
        line_offset: int = 0,
    ) -> Document:
        """Extract one document from its text.

        ``hints`` is structure known from markup; ``char_offset``/``line_offset`` place a chunk
        of a larger input so that spans and line numbers refer to the whole input.
        """
        text, decoded = _args.text("text", text)
        doc = _args.optional_name("doc", doc)
        char_offset = _args.offset("char_offset", char_offset)
        line_offset = _args.offset("line_offset", line_offset)
        if hints is not None and not isinstance(hints, Hints):
            raise TypeError(f"hints must be a citegrab Hints or None, not {type(hints).__name__}")
        with _no_cycle_collection():
            document = self._parse(text, doc, hints, char_offset, line_offset)
        if decoded:  # bytes were given and were not all UTF-8
            document = document.model_copy(update={"diagnostics": decoded + document.diagnostics})
        if self.entities:
            document = self.tagger.annotate(document, self.labels)
        return document

    def extract_source(self, src: Source) -> Document:
        """Extract a `Source` from citegrab's readers (its hints and offsets included); reading
        diagnostics (such as a decoding fallback) are kept on the document."""
        if not isinstance(src, Source):
            raise TypeError(f"src must be a citegrab Source, not {type(src).__name__}")
        src = rendered(src)  # a page a reader (WARC, JSONL) handed out unparsed is rendered here
        doc = self.extract(
            src.text,
            doc=src.id,
            hints=src.hints,
            char_offset=src.char_offset,
            line_offset=src.line_offset,
        )
        if src.diagnostics:
            doc = doc.model_copy(update={"diagnostics": src.diagnostics + doc.diagnostics})
        return doc

    def parse_citation(
        self, text: str | bytes, *, post_date: dt.date | str | None = None
    ) -> Citation | None:
        """Parse one citation line (no surrounding post needed); ``post_date`` may be ISO."""
        text, decoded = _args.text("text", text)
        post_date = _args.date("post_date", post_date)
        cite = self._parse_citation(text, post_date)
        if cite is not None and decoded:
            cite = cite.model_copy(update={"diagnostics": decoded + cite.diagnostics})
        return cite

    def _parse_citation(self, text: str, post_date: dt.date | None) -> Citation | None:
        lines = text.strip().splitlines()
        # a labelled block ("Source:" over field lines) is read as a block, not as one line
        parsed = self.grammar.parse_block(lines, post_date) if len(lines) > 1 else None
        if parsed is None:
            parsed = self.grammar.parse_line(text, post_date)
        if parsed is None:
            return None
        lines_ = Lines(text)
        stripped = text.strip()
        start = text.find(stripped[:1]) if stripped else 0
        span = _span(lines_, start, start + len(stripped))
        return self._citations(parsed, span, stripped, None, None, post_date, None, None)[0]

    # -- assembly ----------------------------------------------------------------------------

    def _parse(
        self, text: str, doc: str | None, hints: Hints | None, char_offset: int, line_offset: int
    ) -> Document:
        if "\r" in text:  # a C-speed test: most inputs need no copy
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = Lines(text, char_offset, line_offset)
        found = scan(lines)
        finder = QuoteFinder(self.grammar, self.registry)
        blocks = list(hints.quotes) if hints is not None else []
        if not blocks and ">" in text:  # Markdown quote markers delimit the quoted blocks
            blocks = quote_marked_blocks(lines.lines)
        layouts = segment(lines, found, hints, self.registry.is_outlet)
        # text before the first post (no title, no date) is the page's chrome
        chrome = len(layouts) > 1 and layouts[0].title_line is None and layouts[0].date is None
        cites = [
            finder.citations(lines, layout, found, chrome=chrome and k == 0)
            for k, layout in enumerate(layouts)
        ]
        settle_date_order(finder, layouts, cites)
        if hints is not None and hints.links:  # an HTML source's link: the citation's address
            link_citations([fc for post in cites for fc in post], hints.links)
        ordered = all(blocks[k][0] <= blocks[k + 1][0] for k in range(len(blocks) - 1))
        posts = [
            self._post(lines, layout, finder, found, doc, _blocks_in(blocks, layout, ordered), c)
            for layout, c in zip(layouts, cites, strict=True)
        ]
        diags: list[Diagnostic] = []
        if posts and posts[0].title == "" and len(posts) > 1:
            diags.append(
                Diagnostic(
                    code=DiagnosticCode.TEXT_OUTSIDE_POSTS,
                    message="text before the first post kept as an untitled post",
                    severity=Severity.INFO,
                    span=posts[0].span,
                )
            )
        return Document(
            id=doc,
            text=text,
            char_offset=char_offset,
            line_offset=line_offset,
            posts=tuple(posts),
            diagnostics=tuple(diags),
        )

    def _post(
        self,
        lines: Lines,
        layout: PostLayout,
        finder: QuoteFinder,
        found: Scan,
        doc: str | None,
        blocks: list[tuple[int, int]],
        cites: list[FoundCitation],
    ) -> Post:
        mine = [(a, b) for a, b in blocks if layout.body_start <= a < layout.body_end]
        if mine:
            found_quotes = finder.quotes_from_blocks(lines, layout, cites, found, mine)
        else:
            found_quotes = finder.quotes(lines, layout, cites, found)
        post_date = layout.date.value if layout.date else None
        p_start, p_end = lines.starts[layout.first], lines.end(layout.last)
        cb = lines.char_base  # quote spans are in whole-input coordinates
        mentions = _Mentions(self.registry, lines.text, p_start, p_end, cb)
        post_counts = _LazyCounts(mentions, p_start + cb, p_end + cb)
        quotes: list[Quote] = []
        all_citations: list[Citation] = []
        quoted_cites: set[int] = set()
        for fq in found_quotes:
            if (
                fq.citations
                and fq.inline_last is None
                and fq.citations[0].role == "closes-quote"
                and fq.first >= fq.citations[0].first
            ):
                # no quoted text above the citation: it closes no quote (never itself as one)
                for fc in fq.citations:
                    all_citations.extend(
                        self._found(lines, fc, None, fq, post_counts, doc, post_date)
                    )
                    quoted_cites.add(id(fc))
                continue
            q = self._quote(lines, fq, post_counts, doc, post_date)
            quotes.append(q)
            all_citations.extend(q.citations)
            quoted_cites.update(id(c) for c in fq.citations)
        for fc in cites:
            if id(fc) not in quoted_cites:  # defensive: every citation is reported
                all_citations.extend(
                    self._found(lines, fc, None, None, post_counts, doc, post_date)
                )
        all_citations.sort(key=lambda c: (c.span.start, c.part))
        diags: list[Diagnostic] = []
        for i in finder.capped:
            if layout.body_start <= i < layout.body_end:
                diags.append(
                    Diagnostic(
                        code=DiagnosticCode.LEFTOVER_TEXT,
                        message=f"line {lines.lineno(i)} holds more '(Source:' parentheticals "
                        f"than are read from one line; only the last {MAX_INLINE} were parsed",
                    )
                )
        if layout.title_line is not None and layout.date is None:
            diags.append(
                Diagnostic(code=DiagnosticCode.POST_NO_DATE, message="post has no date line")
            )
        if layout.date is not None and layout.date.value is None:
            diags.extend(Diagnostic(code=i.code, message=i.message) for i in layout.date.issues)
        first, last = layout.first, layout.last
        return Post(
            title=layout.title,
            date=post_date,
            date_raw=layout.date.raw if layout.date else None,
            date_source=layout.date_source if post_date is not None else None,
            byline=layout.byline,
            # the title's line (the corpus gold's convention), the span the whole post: a date
            # or e-mail header above the title included
            first_line=lines.lineno(layout.title_line if layout.title_line is not None else first),
            last_line=lines.lineno(last),
            span=_span(lines, lines.starts[first], lines.end(last)),
            quotes=tuple(quotes),
            citations=tuple(all_citations),
            diagnostics=tuple(diags),
        )

    def _quote(
        self,
        lines: Lines,
        fq: FoundQuote,
        post_counts: _LazyCounts,
        doc: str | None,
        post_date: dt.date | None,
    ) -> Quote:
        start = lines.starts[fq.first]
        end = fq.inline_last if fq.inline_last is not None else lines.end(fq.last)
        qtext = lines.text[start:end].rstrip()
        span = _span(lines, start, start + len(qtext))
        first_line, last_line = lines.lineno(fq.first), lines.lineno(fq.last)
        lead_in_line = lines.lineno(fq.lead_in) if fq.lead_in is not None else None
        ref = QuoteRef(
            first_line=first_line,
            last_line=last_line,
            text=qtext,
            span=span,
            lead_in_line=lead_in_line,
        )
        citations: list[Citation] = []
        for fc in fq.citations:
            citations.extend(self._found(lines, fc, ref, fq, post_counts, doc, post_date))
        diags: list[Diagnostic] = []
        attributed: Outlet | None = None
        how: str | None = None
        if citations:
            attributed = citations[0].effective_outlet
            how = (
                "citation"
                if citations[0].outlet is not None
                else ("inferred" if attributed else None)
            )
        elif fq.lead_in_outlet is not None:
            attributed = _as_outlet(fq.lead_in_outlet, "inferred")
            how = "lead-in"
        if not citations:
            diags.append(
                Diagnostic(
                    code=DiagnosticCode.QUOTE_UNCITED,
                    message="quoted block has no citation line",
                    severity=Severity.INFO,
                    span=span,
                )
            )
        if fq.lead_in is None:
            diags.append(
                Diagnostic(
                    code=DiagnosticCode.QUOTE_NO_LEAD_IN,
                    message="no lead-in ending in a colon; the block starts after the previous one",
                    severity=Severity.INFO,
                    span=span,
                )
            )
        return Quote(
            span=span,
            first_line=first_line,
            last_line=last_line,
            text=qtext,
            lead_in=lines.lines[fq.lead_in].strip() if fq.lead_in is not None else None,
            lead_in_line=lead_in_line,
            citations=tuple(citations),
            attributed_to=attributed,
            attribution=how,
            diagnostics=tuple(diags),
        )

    def _found(
        self,
        lines: Lines,
        fc: FoundCitation,
        ref: QuoteRef | None,
        fq: FoundQuote | None,
        post_counts: _LazyCounts,
        doc: str | None,
        post_date: dt.date | None,
    ) -> list[Citation]:
        raw = lines.text[fc.start : fc.end]
        span = _span(lines, fc.start, fc.end)
        if ref is not None:
            quote_counts = _LazyCounts(post_counts.mentions, ref.span.start, ref.span.end)
        else:
            quote_counts = _LazyCounts(None, 0, 0)
        role = fc.role if fq is not None or fc.role == "list-entry" else "standalone"
        return self._citations(
            fc.parsed, span, raw, doc, ref, post_date,
            fq.lead_in_outlet if fq else fc.heading_outlet, (quote_counts, post_counts), role,
        )  # fmt: skip

    def _citations(
        self,
        parsed: ParsedLine,
        span: Span,
        raw: str,
        doc: str | None,
        ref: QuoteRef | None,
        post_date: dt.date | None,
        lead_outlet: OutletEntry | None,
        counts: tuple[_LazyCounts, _LazyCounts] | None,
        role: str | None = None,
    ) -> list[Citation]:
        out: list[Citation] = []
        line_diags = [_diag(i, span) for i in parsed.issues] if parsed.issues else []
        for part, src in enumerate(parsed.sources):
            diags = (
                line_diags + [_diag(i, span) for i in src.issues] if src.issues else [*line_diags]
            )
            inferred = None
            if src.outlet is None:
                # a list entry is about no quote: only its list's sub-heading ("Yonhap:") names
                # its outlet
                inferred, why = (
                    self._infer_outlet(lead_outlet, counts)
                    if role != "list-entry"
                    else (_as_outlet(lead_outlet, "inferred"), "the list's sub-heading")
                    if lead_outlet is not None
                    else (None, "")
                )
                if inferred is not None:
                    diags.append(
                        Diagnostic(
                            code=DiagnosticCode.OUTLET_INFERRED,
                            message=f"no outlet on the line; {inferred.name} inferred from {why}",
                            severity=Severity.INFO,
                            span=span,
                        )
                    )
                else:
                    diags.append(
                        Diagnostic(
                            code=DiagnosticCode.NO_OUTLET,
                            message="the citation names no outlet and none could be inferred",
                            severity=Severity.INFO,
                            span=span,
                        )
                    )
            out.append(
                _citation(
                    src, parsed.form, part, span, raw, doc, ref, post_date, inferred, diags, role
                )
            )
        return out

    def _infer_outlet(
        self, lead: OutletEntry | None, counts: tuple[_LazyCounts, _LazyCounts] | None
    ) -> tuple[Outlet | None, str]:
        if lead is not None:
            return _as_outlet(lead, "inferred"), "the lead-in"
        if counts is None:
            return None, ""
        for lazy, why in zip(counts, ("the quoted text", "the post"), strict=True):
            counter = lazy.get()
            if counter:
                best = counter.most_common(1)[0][0]
                return _as_outlet(self.registry.entries[best], "inferred"), why
        return None, ""


class _Mentions:
    """Outlet mentions in one post, found in one pass the first time an inference needs them."""

    __slots__ = ("_hits", "_starts", "base", "end", "registry", "start", "text")

    def __init__(
        self, registry: OutletRegistry, text: str, start: int, end: int, base: int
    ) -> None:
        # the post is text[start:end]; offsets reported are start + base onwards
        self.registry, self.text, self.start, self.end, self.base = registry, text, start, end, base
        self._hits: list[tuple[int, int, OutletEntry]] | None = None
        self._starts: list[int] = []

    def count(self, start: int, end: int) -> Counter[str]:
        if self._hits is None:
            b = self.start + self.base
            post = self.text[self.start : self.end]  # sliced only when an inference needs it
            self._hits = [(s + b, e + b, x) for s, e, x in self.registry.mentions(post)]
            self._starts = [h[0] for h in self._hits]
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        counts: Counter[str] = Counter()
        for _, e, entry in self._hits[lo:hi]:
            if e <= end:
                counts[entry.id] += 1
        return counts


class _LazyCounts:
    """Outlet mention counts over a stretch of the document, computed only if needed."""

    __slots__ = ("_counts", "end", "mentions", "start")

    def __init__(self, mentions: _Mentions | None, start: int, end: int) -> None:
        self.mentions, self.start, self.end = mentions, start, end
        self._counts: Counter[str] | None = None

    def get(self) -> Counter[str]:
        if self._counts is None:
            self._counts = self.mentions.count(self.start, self.end) if self.mentions else Counter()
        return self._counts


def _blocks_in(
    blocks: list[tuple[int, int]], layout: PostLayout, ordered: bool
) -> list[tuple[int, int]]:
    """The quoted blocks starting in a post's body: found by bisection when the blocks are in
    order, so many posts and many blocks cost no pass over all blocks per post."""
    if not ordered:
        return blocks  # _post filters them itself
    lo = bisect_left(blocks, layout.body_start, key=lambda b: b[0])
    hi = bisect_left(blocks, layout.body_end, lo, key=lambda b: b[0])
    return blocks[lo:hi]


def _as_outlet(entry: OutletEntry, match: str) -> Outlet:
    return Outlet(id=entry.id or None, name=entry.name, raw=None, match=match)


def _citation(
    src: ParsedSource,
    form: str,
    part: int,
    span: Span,
    raw: str,
    doc: str | None,
    ref: QuoteRef | None,
    post_date: dt.date | None,
    inferred: Outlet | None,
    diags: list[Diagnostic],
    role: str | None = None,
) -> Citation:
    return Citation(
        doc=doc,
        line=span.line,
        span=span,
        raw=raw,
        form=form,
        role=role,
        part=part,
        authors=tuple(src.authors),
        title=src.title,
        outlet=src.outlet,
        inferred_outlet=inferred,
        date=src.date_value,
        date_raw=src.date.raw if src.date else None,
        date_resolution=src.date_resolution,
        date_precision=src.date.precision if src.date and src.date.value else None,
        post_date=post_date,
        url=src.url,
        number=src.number,
        quote=ref,
        diagnostics=tuple(diags),
    )


def settle_date_order(
    finder: QuoteFinder, layouts: list[PostLayout], cites: list[list[FoundCitation]]
) -> None:
    """Re-read ambiguous numeric dates (3/4/2005) in the order the document proves its writer
    uses (see `DocumentOrder`); what the post's date already decided stays decided."""
    sources = [[s for fc in fcs for s in fc.parsed.sources] for fcs in cites]
    if not any(lay.date and lay.date.readings for lay in layouts) and not any(
        s.date and s.date.readings for post in sources for s in post
    ):
        return  # the usual case: nothing ambiguous
    evidence = DocumentOrder(
        [
            PostDates(lay.byline, lay.date, tuple(s.date for s in post))
            for lay, post in zip(layouts, sources, strict=True)
        ]
    )
    for k, layout in enumerate(layouts):
        if not (layout.date and layout.date.readings) and not any(
            s.date and s.date.readings for s in sources[k]
        ):
            continue
        moved = False
        if layout.date is not None and layout.date.readings:
            again = resolve_again(layout.date, None, evidence.for_post_date(k))
            moved = again.value != layout.date.value
            layout.date = again
        order = evidence.for_citations(k)
        for fc in cites[k]:
            if moved:
                fc.ref = finder.ref_date(layout, fc.first)
            for s in fc.parsed.sources:
                if s.date is not None and moved:
                    _redate(s, resolve_again(s.date, fc.ref, order))
                elif s.date is not None and order is not None and s.date.readings:
                    _redate(s, reorder(s.date, fc.ref, order))


def _redate(src: ParsedSource, again: ParsedDate) -> None:
    """Replace a source's date and the diagnostics its old reading raised."""
    old = {(i.code, i.message) for i in src.date.issues} if src.date else set()
    src.issues = [i for i in src.issues if (i.code, i.message) not in old]
    src.issues.extend(date_issue(i) for i in again.issues)
    src.date = again


def _span(lines: Lines, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` in whole-input coordinates, with its 1-based lines."""
    starts, cb, lb = lines.starts, lines.char_base, lines.line_base
    first = bisect_right(starts, start)  # the 1-based line holding ``start`` (line_of + 1)
    last = bisect_right(starts, end - 1) if end - 1 > start else first
    return Span(start=start + cb, end=end + cb, line=first + lb, end_line=last + lb)


_DEFAULT: Extractor | None = None


def default_extractor(entities: bool = False, labels: str = "contract") -> Extractor:
    """A process-wide extractor (one per ``entities`` and ``labels`` setting)."""
    global _DEFAULT
    if _DEFAULT is None or (_DEFAULT.entities, _DEFAULT.labels) != (entities, labels):
        _DEFAULT = Extractor(entities=entities, model=named_model(None), labels=labels)
    return _DEFAULT
