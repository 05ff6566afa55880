"""The public data model: frozen pydantic records that tools downstream can rely on.

`SCHEMA_VERSION` follows semantic versioning: a minor bump adds optional fields only, a major
bump may remove or change fields. See docs/data-model.md for the compatibility policy.
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Frozen(BaseModel):
    """Base for every public record: immutable and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """Where something sits in the document text: character offsets (end exclusive) and lines."""

    start: int = Field(ge=0, description="Offset of the first character in Document.text.")
    end: int = Field(ge=0, description="Offset one past the last character.")
    line: int = Field(ge=1, description="1-based line of the first character.")
    end_line: int = Field(ge=1, description="1-based line of the last character.")


class Severity(StrEnum):
    """How much a diagnostic matters to a user of the record."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class DiagnosticCode(StrEnum):
    """Stable, machine-readable diagnostic codes. New codes may be added in minor versions."""

    MISSING_COLON = "missing-colon"
    UNCLOSED_PAREN = "unclosed-paren"
    STRAY_PUNCTUATION = "stray-punctuation"
    MISSING_OPEN_QUOTE = "missing-open-quote"
    MISSING_CLOSE_QUOTE = "missing-close-quote"
    SINGLE_QUOTED_TITLE = "single-quoted-title"
    UNQUOTED_TITLE = "unquoted-title"
    NO_TITLE = "no-title"
    NO_DATE = "no-date"
    NO_OUTLET = "no-outlet"
    OUTLET_INFERRED = "outlet-inferred"
    OUTLET_FUZZY = "outlet-fuzzy"
    OUTLET_UNKNOWN = "outlet-unknown"
    AGENCY_AS_AUTHOR = "agency-as-author"
    DATE_AMBIGUOUS = "date-ambiguous"
    DATE_RESOLVED_BY_POST = "date-resolved-by-post"
    DATE_TWO_DIGIT_YEAR = "date-two-digit-year"
    DATE_NO_YEAR = "date-no-year"
    DATE_IMPOSSIBLE = "date-impossible"
    DATE_UNPARSED = "date-unparsed"
    DATE_AFTER_POST = "date-after-post"
    QUOTE_NO_LEAD_IN = "quote-no-lead-in"
    QUOTE_UNCITED = "quote-uncited"
    ATTRIBUTION_INFERRED = "attribution-inferred"
    POST_NO_DATE = "post-no-date"
    TEXT_OUTSIDE_POSTS = "text-outside-posts"
    DECODING_FALLBACK = "decoding-fallback"
    LEFTOVER_TEXT = "leftover-text"
    BLOCK_FIELD_UNREAD = "block-field-unread"
    NER_MODEL_MISSING = "ner-model-missing"
    NER_SKIPPED_LONG_LINE = "ner-skipped-long-line"


class Diagnostic(_Frozen):
    """A malformation that was tolerated or an ambiguity that was resolved, and how."""

    code: DiagnosticCode
    message: str
    severity: Severity = Severity.WARNING
    span: Span | None = None


class DateResolution(StrEnum):
    """How a date's reading was chosen."""

    UNAMBIGUOUS = "unambiguous"
    DAY_FIRST = "day-first"
    """Numeric date whose day and month could swap; the genre's day-first convention was used."""
    MONTH_FIRST_BY_POST_DATE = "month-first-by-post-date"
    """The day-first reading would postdate the quoting post, so the month-first one was used."""
    DAY_FIRST_BY_POST_DATE = "day-first-by-post-date"
    """The month-first reading would postdate the quoting post, so day-first was confirmed."""


class Author(_Frozen):
    """A person credited with a cited article."""

    name: str = Field(description="The name as written (whitespace normalised).")
    given: str | None = None
    family: str | None = None
    order: Literal["family-first", "given-first", "single"] = "given-first"
    key: str = Field(description="Canonical key shared by order, hyphen and spacing variants.")


class Outlet(_Frozen):
    """A news outlet, resolved against the outlet registry when possible."""

    id: str | None = Field(description="Stable registry id, or None for an unknown outlet.")
    name: str = Field(description="Canonical name (the text as written when unknown).")
    raw: str | None = Field(default=None, description="The outlet as written, when written.")
    match: Literal["exact", "alias", "fuzzy", "unknown", "inferred"] = "exact"


EntityLabel = str
"""`PERSON`, `PROVINCE` and `INSTITUTION` are the contract; other model labels may appear."""


class Entity(_Frozen):
    """A mention of a person, province or institution."""

    text: str
    label: EntityLabel
    span: Span
    canonical: str
    id: str | None = Field(default=None, description="Gazetteer id when the gazetteer knows it.")
    source: Literal["gazetteer", "model", "rule"]


class QuoteRef(_Frozen):
    """The quoted block a citation closes, as carried on the citation record."""

    first_line: int
    last_line: int
    text: str
    span: Span
    lead_in_line: int | None = None


class Citation(_Frozen):
    """One cited source: who wrote what, where and when, with provenance and diagnostics."""

    schema_version: str = SCHEMA_VERSION
    doc: str | None = Field(default=None, description="The document id (input path or URL).")
    line: int = Field(ge=1, description="1-based line where the citation starts.")
    span: Span
    raw: str = Field(description="The citation text exactly as written.")
    form: Literal[
        "source",
        "sources",
        "bare-source",
        "parenthetical",
        "full-article",
        "line",
        "label-block",
        "header-block",
        "list-entry",
    ]
    role: Literal["closes-quote", "heads-quote", "list-entry", "standalone"] | None = Field(
        default=None,
        description="What the citation does relative to quoted text: closes the block above it, "
        "heads the block below it, is an entry of a further-reading list, or stands alone.",
    )
    part: int = Field(default=0, ge=0, description="Index of this source within its line.")
    authors: tuple[Author, ...] = ()
    title: str | None = None
    outlet: Outlet | None = None
    inferred_outlet: Outlet | None = Field(
        default=None, description="Outlet inferred from context when the line names none."
    )
    date: _dt.date | None = None
    date_raw: str | None = None
    date_resolution: DateResolution | None = None
    post_date: _dt.date | None = None
    url: str | None = Field(default=None, description="A link given in the citation, if any.")
    number: str | None = Field(
        default=None,
        description='An issue/number line of the cited item ("NK Brief No. 08-6-17-1").',
    )
    quote: QuoteRef | None = None
    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def effective_outlet(self) -> Outlet | None:
        """The outlet named on the line, else the inferred one."""
        return self.outlet or self.inferred_outlet

    def to_csl(self) -> dict[str, Any]:
        """This citation as a CSL-JSON item (type ``article-newspaper``) for reference managers."""
        from ._interchange import to_csl

        return to_csl(self)

    def format(self) -> str:
        """Render back in the blog's ``(Source: Author, “Title,” Outlet, Date.)`` style."""
        from ._interchange import format_citation

        return format_citation(self)

    def _repr_html_(self) -> str:
        from ._html_repr import citation_html

        return citation_html(self)


class Quote(_Frozen):
    """A quoted block: the blogger's lead-in, the quoted paragraphs, and the citations closing it."""

    def _repr_html_(self) -> str:
        from ._html_repr import quote_html

        return quote_html(self)

    span: Span
    first_line: int
    last_line: int
    text: str
    lead_in: str | None = None
    lead_in_line: int | None = None
    citations: tuple[Citation, ...] = ()
    attributed_to: Outlet | None = None
    attribution: Literal["citation", "lead-in", "inferred"] | None = None
    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


class Post(_Frozen):
    """One blog post: its heading, date, byline and the quotes inside it."""

    def _repr_html_(self) -> str:
        from ._html_repr import post_html

        return post_html(self)

    title: str
    date: _dt.date | None = None
    date_raw: str | None = None
    byline: str | None = None
    first_line: int
    last_line: int
    span: Span
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = Field(
        default=(), description="Every citation in the post, including any outside a quote."
    )
    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


class Document(_Frozen):
    """One input text and everything extracted from it."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = Field(default=None, description="Input path or URL, as given.")
    text: str = Field(repr=False)
    char_offset: int = Field(
        default=0,
        ge=0,
        description="Where `text` starts in the whole input (non-zero for a chunk of a huge "
        "file). Spans are in whole-input coordinates: text[span.start - char_offset : …].",
    )
    line_offset: int = Field(default=0, ge=0, description="Lines of the input before `text`.")
    posts: tuple[Post, ...] = ()
    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quoted block of every post, in document order."""
        return tuple(q for p in self.posts for q in p.quotes)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation of every post, in document order."""
        return tuple(c for p in self.posts for c in p.citations)

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per citation (needs the ``pandas`` extra)."""
        from ._frame import to_frame

        return to_frame([self])

    def _repr_html_(self) -> str:
        from ._html_repr import document_html

        return document_html(self)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the public model (a Document and everything it contains)."""
    schema = Document.model_json_schema()
    schema["$id"] = f"https://citegrab.invalid/schema/{SCHEMA_VERSION}/document.json"
    schema["title"] = "citegrab Document"
    return schema
