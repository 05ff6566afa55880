"""The public data model: frozen pydantic records that tools downstream can rely on.

`SCHEMA_VERSION` follows semantic versioning: a minor bump adds optional fields only, a major
bump may remove or change fields. See docs/data-model.md for the compatibility policy.
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated, Any, Literal, NewType, TypeVar

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

SCHEMA_VERSION = "1.1"
SCHEMA_VERSION_PATTERN = r"^1\.[0-9]+$"
"""Versions this reader accepts: any minor version of major version 1."""

UnknownValue = NewType("UnknownValue", str)
"""A value of an open enum that this version does not know (added by a later ``1.y``)."""

_OPEN_MARK = "open enum: a later 1.y schema may add values"
_T = TypeVar("_T")
Open = Annotated[
    _T | Annotated[UnknownValue, WithJsonSchema({"type": "string", "$comment": _OPEN_MARK})],
    Field(union_mode="left_to_right"),
]
"""An enum field readers keep open: known values load as the enum, unknown ones as strings.

The static type keeps citegrab's own code to known values (a plain ``str`` is not an
`UnknownValue`); only reading a later record produces one.
"""


CitationForm = Literal[
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
"""How a citation is written: the layout its text was read from (see docs/normalisation.md)."""


class _Frozen(BaseModel):
    """Base for every public record: immutable; unknown fields (from a later 1.y) are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")


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
    DATE_RESOLVED_BY_DOCUMENT = "date-resolved-by-document"
    DATE_MISSPELT_MONTH = "date-misspelt-month"
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

    code: Open[DiagnosticCode]
    message: str
    severity: Open[Severity] = Severity.WARNING
    span: Span | None = None


class DateResolution(StrEnum):
    """How a date's reading was chosen."""

    UNAMBIGUOUS = "unambiguous"
    DAY_FIRST = "day-first"
    """Numeric date whose day and month could swap, with no evidence either way; the genre's
    day-first convention (since 2013) was used."""
    MONTH_FIRST_BY_POST_DATE = "month-first-by-post-date"
    """The day-first reading would postdate the quoting post, so the month-first one was used."""
    DAY_FIRST_BY_POST_DATE = "day-first-by-post-date"
    """The month-first reading would postdate the quoting post, so day-first was confirmed."""
    MONTH_FIRST_BY_DOCUMENT = "month-first-by-document"
    """The document proves its writer reads month-first (an unambiguous date such as 7/13/2005
    in the same post, by the same author or elsewhere in the document)."""
    DAY_FIRST_BY_DOCUMENT = "day-first-by-document"
    """The document proves its writer reads day-first (an unambiguous date such as 20/7/2014)."""
    MONTH_FIRST_BY_ERA = "month-first-by-era"
    """Nothing in the document proves its order, and the post (or, without a post date, the date
    itself) is from before 2013, when the genre's blogs wrote month-first."""


class Author(_Frozen):
    """A person credited with a cited article."""

    name: str = Field(description="The name as written (whitespace normalised).")
    given: str | None = None
    family: str | None = None
    order: Open[Literal["family-first", "given-first", "single"]] = "given-first"
    key: str = Field(description="Canonical key shared by order, hyphen and spacing variants.")


class Outlet(_Frozen):
    """A news outlet, resolved against the outlet registry when possible."""

    id: str | None = Field(description="Stable registry id, or None for an unknown outlet.")
    name: str = Field(description="Canonical name (the text as written when unknown).")
    raw: str | None = Field(default=None, description="The outlet as written, when written.")
    match: Open[Literal["exact", "alias", "fuzzy", "unknown", "inferred"]] = "exact"


EntityLabel = str
"""`PERSON`, `PROVINCE` and `INSTITUTION` are the contract; other model labels may appear."""


class Entity(_Frozen):
    """A mention of a person, province or institution."""

    text: str
    label: EntityLabel
    span: Span
    canonical: str
    id: str | None = Field(default=None, description="Gazetteer id when the gazetteer knows it.")
    source: Open[Literal["gazetteer", "model", "rule"]]


class QuoteRef(_Frozen):
    """The quoted block a citation closes, as carried on the citation record."""

    first_line: int
    last_line: int
    text: str
    span: Span
    lead_in_line: int | None = None


class Citation(_Frozen):
    """One cited source: who wrote what, where and when, with provenance and diagnostics."""

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        pattern=SCHEMA_VERSION_PATTERN,
        description="MAJOR.MINOR of the record schema; a reader of 1.x accepts any 1.y.",
    )
    doc: str | None = Field(default=None, description="The document id (input path or URL).")
    line: int = Field(ge=1, description="1-based line where the citation starts.")
    span: Span
    raw: str = Field(description="The citation text exactly as written.")
    form: Open[CitationForm]
    role: Open[Literal["closes-quote", "heads-quote", "list-entry", "standalone"]] | None = Field(
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
    date_resolution: Open[DateResolution] | None = None
    date_precision: Open[Literal["day", "month", "year"]] | None = Field(
        default=None,
        description='How much of `date` the source gives: `day`; `month` ("August 2010", '
        'stored as the 1st of the month); `year` ("2010", stored as 1 January). '
        "Null when there is no date.",
    )
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
        from ._outputs.csl import to_csl

        return to_csl(self)

    def format(self) -> str:
        """Render back in the blog's ``(Source: Author, “Title,” Outlet, Date.)`` style."""
        from ._outputs._blog import format_citation

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
    attribution: Open[Literal["citation", "lead-in", "inferred"]] | None = None
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
    date_source: (
        Open[Literal["date-line", "time-element", "meta", "json-ld", "url", "record", "title"]]
        | None
    ) = Field(
        default=None,
        description="Where the post date came from: a date line in the text, an HTML "
        "<time datetime>, a page <meta> tag, JSON-LD datePublished, a /YYYY/MM/DD/ URL, "
        'the input record\'s own date field (JSONL "date"), or the title of a digest that '
        "ends with its date.",
    )
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

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        pattern=SCHEMA_VERSION_PATTERN,
        description="MAJOR.MINOR of the record schema; a reader of 1.x accepts any 1.y.",
    )
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

        return to_frame(self)

    def _repr_html_(self) -> str:
        from ._html_repr import document_html

        return document_html(self)


class EntityRecord(_Frozen):
    """One line of ``citegrab entities``: a mention with offsets within its line and document."""

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        pattern=SCHEMA_VERSION_PATTERN,
        description="MAJOR.MINOR of the record schema; a reader of 1.x accepts any 1.y.",
    )
    doc: str | None = Field(description="The document id (input path or URL).")
    line: int = Field(ge=1, description="1-based line of the mention.")
    start: int = Field(ge=0, description="Offset of the mention within its line.")
    end: int = Field(ge=0, description="Offset one past the mention within its line.")
    text: str
    label: EntityLabel
    canonical: str
    id: str | None = Field(description="Gazetteer id when the gazetteer knows it.")
    source: Open[Literal["gazetteer", "model", "rule"]]
    doc_start: int = Field(ge=0, description="Offset of the mention in the whole input.")
    doc_end: int = Field(ge=0, description="Offset one past the mention in the whole input.")


RecordKind = Literal["document", "citation", "entity"]
_RECORDS: dict[str, tuple[type[BaseModel], str]] = {
    "document": (Document, "a Document (the library's whole-document record)"),
    "citation": (Citation, "one line of `citegrab extract --format jsonl`"),
    "entity": (EntityRecord, "one line of `citegrab entities --format jsonl`"),
}


def json_schema(record: RecordKind = "document", *, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output record: ``document``, ``citation`` or
    ``entity``.

    The default schema is the reader's: it accepts any 1.y record (unknown fields, unknown
    values of open enums). ``strict=True`` is the writer's: exactly the fields and values this
    version writes, every field present, nothing else (use it to check citegrab's own output).
    """
    from ._schema import record_schema

    if record not in _RECORDS:
        raise ValueError(f"unknown record {record!r}; choose one of {', '.join(_RECORDS)}")
    model, what = _RECORDS[record]
    return record_schema(model, record, what, strict=strict)
