"""Citation-line grammar: recognise a citation and split it into authors, title, outlet and date.

The grammar is positional around the one anchor every form shares, the quoted title: authors
stand before it, outlet and date after it. Where quotes are damaged or missing, the line is split
on commas and each piece is classified (date, known outlet, personal name, title text). Every
repair is recorded as a diagnostic. All scans are single passes over the line, so hostile input
(runs of "(", quotes or commas) stays linear-time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from ._authors import (
    collapse_spaces,
    family_first,
    is_place,
    keep_initial_dot,
    looks_like_name,
    make_author,
    split_authors,
    strip_by,
)
from ._cues import cues
from ._data import korean_surnames, load_toml
from ._dates import CITATION_DATE_RE, DateIssue, ParsedDate, drop_time, last_date, parse_date
from ._models import Author, DateResolution, DiagnosticCode, Outlet, Severity
from ._outlets import OutletRegistry, trie_pattern

DOUBLE_QUOTES = '"“”„‟″«»'
OPEN_DOUBLE = "“„‟«"
SINGLE_OPEN = "‘'‚‛"
SINGLE_CLOSE = "’'"

_WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
"""The characters ``\\s`` matches in `regex` patterns (Unicode White_Space), for `str.strip`."""
_WS = "[" + re.escape(_WHITESPACE) + "]"
_KEYWORD = re.compile(
    rf"(?P<kw>sources?)(?P<colon>{_WS}*[:：]|{_WS}*[-–—](?={_WS}))?{_WS}*", re.IGNORECASE
)
"""The source keyword and its colon (stdlib `re`, with `regex`'s whitespace spelt out)."""
_KEYWORD_GLUED = regex.compile(r"(?P<kw>sources?)(?=\p{Lu})", regex.IGNORECASE)
_SINGLE_TITLE_STRICT = regex.compile(
    r"(?:(?<=^)|(?<=[\s,:;(]))[‘'‚‛](?=\S)(.*?[,.?!])[’'](?!\p{L})"
)
_SINGLE_TITLE_LOOSE = regex.compile(
    r"(?:(?<=^)|(?<=[\s,:;(]))[‘'‚‛](?=\S)(.+?\S)[’'](?=[,.;]?(?:\s|$))"
)
_ABBREV_END = regex.compile(r"(?:\b\p{Lu}\.)+$")
_EMPHASIS_TITLE = re.compile(
    r"(?:^|(?<=[,;:(])|(?<=[,;:(] ))([*_])(?=[^\s*_])([^*_]{1,300}?[^\s*_])\1(?=\s*(?:[,;.)\]]|$))"
)
"""A field wholly in emphasis marks ("*Title*", "_Title_", from Markdown or a lost italic): the
title's quotation marks."""
_EDITION_NOTE = regex.compile(r"\s*(?:\([^()]{1,40}\)|\[[^\[\]]{1,40}\])\s*$")
"""A trailing note after an outlet name: "(in Korean)", "(English edition)", "(North Korea)",
a translation of the name in square brackets ("Rodong Sinmun [Workers' Newspaper]")."""
_SECONDARY_DATE = regex.compile(
    r"[,;]?\s*[(\[]?\s*(?:last\s+)?(?:accessed|retrieved|updated|modified|viewed)\b(?:\s+on)?"
    r"(?:(?!\b(?:published|posted)\b)[^)\]|;])*[)\]]?",
    regex.IGNORECASE,
)
_DATE_LIKE = regex.compile(r"^(?:\p{L}{3,10}\.?,?\s+)?(?:1[89]|20)\d\d$")
"""A month word and a year, or a year alone: never an outlet."""
_SLOT = regex.compile(
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|h|hrs|o'clock)?\s+(?:\w+\s+)?"
    r"(?:news|bulletin|newscast|broadcast|report|programme|program|show)\b",
    regex.IGNORECASE,
)
"""A broadcast's slot standing as a field ("8 p.m. news", "20:00 bulletin"): when, not what."""
_UPDATE_PART = regex.compile(r"\s*(?:last\s+)?(?:updated|modified)\b", regex.IGNORECASE)
"""A field giving the update's date among fields between bars ("Updated: March 5, 2019")."""
_UPDATE_NOTE = regex.compile(
    r"\s*[(\[](?:last\s+)?(?:updated|modified|edited|revised)[)\]]", regex.I
)
"""A note after a date saying it is the update's ("Sep. 4, 2012 (updated)")."""
_INNER_ACRONYM = regex.compile(r"\s*\(\p{Lu}[\p{Lu}&\-]{1,9}\)(?=\s)")
"""An acronym in brackets inside an outlet's name, before a qualifier ("Voice of America (VOA)
Korean")."""
_ACRONYM = regex.compile(r"\s*\((\p{Lu}[\p{Lu}&\-]{1,9})\)\s*$")
"""A trailing parenthesised acronym after an institution's name: "(IFES)"."""
_OUTLET_PARTS = regex.compile(r"\s*/\s*|\s+[-–—|&]\s+|\s+(?:via|Via|VIA|and|And|AND)\s+")
_SITE_SEP = regex.compile(r"\s+[|\-–—:»]\s+")
"""What separates a web page's title from its site's name ("Title | Site", "Title - Site")."""
_AND = regex.compile(r"\s+(?:and|&)\s+", regex.IGNORECASE)
"""The word joining the last two names of a list ("KCNA and Rodong Sinmun")."""
_URL = regex.compile(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
_DOMAIN_OF = regex.compile(r"^(?:https?://)?(?:www\.|en\.|english\.)?([^/\s]+)", regex.IGNORECASE)
_LEADING_DASH = regex.compile(r"^(?:[—–-]{1,2}\s+|(?:--|[—–])(?=\p{Lu}))")
"""A sign-off's dash: one or two dashes and a space, or "--"/an em or en dash glued to a name."""
_SIGNOFF_TAIL = regex.compile(
    r"(?:on|about|in|writing|reporting|commenting|speaking|describing|quoted)\s", regex.IGNORECASE
)
"""The blogger's gloss after a dash-led sign-off's fields ("—Name, NYT, on the regime's …")."""
_TWEET_SIGNOFF = regex.compile(
    r"(?P<name>[^()@\n]{1,80}?)\s*\(@\w{1,30}\)\s*(?P<date>[^()\n]{6,40})"
)
"""An embedded tweet's sign-off after its dash: the account's name, handle and date."""
_ACK = re.compile(
    r"[(\[]\s*(?:via|h/t|h\.t\.|hat[\s\-]tip)\b[^()\[\]]{0,80}[)\]]\.?", re.IGNORECASE
)
"""The blogger's acknowledgement in brackets ("(via One Free Korea)", "(h/t Marmot's Hole)"): it
names who pointed the blogger to the item, not the item's publication."""
_DOUBLE_QUOTE_RE = re.compile("[" + DOUBLE_QUOTES + "]")  # (stdlib: faster on a plain class)
_DOUBLE_COMMA = regex.compile(r",\s*,\s*$")
_TRAILING_COMMAS = regex.compile(r"(,\s*)+$")
_TRIM = _WHITESPACE + ".;:"
"""What a comma field is trimmed of."""
_EDGE_PUNCT = " \t\u00a0\u2009\u202f\u3000,;:"
_AUTHOR_EDGE = _EDGE_PUNCT + "."
_TITLE_EDGE = _EDGE_PUNCT + DOUBLE_QUOTES
_TITLE_OPEN = OPEN_DOUBLE + '"'
_CJK_TITLE = regex.compile(r"[「『《〈](?=\S)([^「『《〈」』》〉]{1,300})[」』》〉]")
"""A title between East Asian quotation marks: Japanese 「…」 / 『…』, Chinese 《…》 / 〈…〉."""
_CJK_OPENERS = ("「", "『", "《", "〈")
_CLOSER = {"(": ")", "[": "]"}
_DIGIT = re.compile(r"\d")
_DOC_WORDS = ("Series", "Paper", "Report", "Brief", "Document")
"""The kinds of document whose number follows their name with no number word."""
_DOC_CODE = regex.compile(
    r"(?:\p{Lu}{1,5}/)+[\w./-]*\d[\w./-]*"  # a UN document symbol: "S/2013/337", "A/HRC/25/63"
    r"|\p{Lu}{1,3}\d{3,6}"  # a report code: CRS "RL30123", "R41259"
    r"|[\p{L} ]*\b(?:" + "|".join(_DOC_WORDS) + r")\s+(?:No\.?\s*)?\p{Lu}{0,4}\s?\d[\w./-]*"
)
"""A report's or document's number written without a number word ("S/2013/337", "RL30123",
"CRS Report RL30123", "Online Series CO 13-08", "Working Paper 2014-11")."""
_TITLE_MARK = re.compile(
    "[" + DOUBLE_QUOTES + SINGLE_OPEN + SINGLE_CLOSE + "".join(_CJK_OPENERS) + "]"
)
"""Any mark that can quote a title: a line without one has no quoted title."""


_DIGITS3 = re.compile(r"\d{3}")


def _may_number(text: str) -> bool:
    """Whether ``text`` may hold a report's or document's number: a superset of what
    `_take_number` reads, by literal tests first (`_DOC_CODE` searched backtracks everywhere)."""
    if _DIGIT.search(text) is None:
        return False
    if "/" in text or any(w in text for w in _DOC_WORDS):  # "S/2013/337", "Report RL30123"
        return True
    if cues().number_re.search(text) is not None:  # "No. 08-6-17-1", "Vol. 15"
        return True
    # a report code: capitals right before the digits ("RL30123")
    return any(m.start() and text[m.start() - 1].isalpha() for m in _DIGITS3.finditer(text))


_SECONDARY_WORD = regex.compile(r"accessed|retrieved|updated|modified|viewed", regex.IGNORECASE)
"""The words `_SECONDARY_DATE` needs (all end in "ed"): looked for before the full pattern."""


@functools.cache
def _date_prefix() -> re.Pattern[str]:
    """The words before a date on a date line ("Posted on", "Published:"; markers.toml)."""
    words = load_toml("markers.toml")["date_prefixes"]
    alternation = trie_pattern(w.casefold().rstrip(":") for w in words).replace(r"\ ", r"\s+")
    return re.compile(rf"(?:{alternation})(?::|\s)\s*", re.IGNORECASE)


@functools.cache
def _unpublished() -> tuple[str, ...]:
    """Openings of a source that is the writer's own material (markers.toml), casefolded."""
    return tuple(w.casefold() for w in load_toml("markers.toml")["unpublished_openings"])


@functools.cache
def _imagery() -> tuple[str, ...]:
    """Providers of satellite imagery and maps (markers.toml), casefolded, each as the whole
    first word or words of a field ("planet" is "Planet, …" or "Planet Labs", not "Planetary")."""
    words = load_toml("markers.toml").get("imagery_providers", [])
    return tuple(
        w.casefold() + ("" if w.endswith("-") else sep) for w in words for sep in (" ", ",")
    )


@functools.cache
def _credit_source() -> re.Pattern[str]:
    """A word of markers.toml's `credit_source_words` ("photo", "Getty", "screenshot") as a word."""
    words = load_toml("markers.toml").get("credit_source_words", [])
    return re.compile(r"\b(?:" + trie_pattern(w.casefold() for w in words) + r")\b", re.I)


@functools.cache
def _remark_ends() -> frozenset[str]:
    """The last words of the blogger's closing remarks ("added", "mine"): a cheap test first."""
    return frozenset(
        r.split()[-1].casefold() for r in load_toml("markers.toml")["citation_remarks"]
    )


@functools.cache
def source_notes() -> frozenset[str]:
    """Notes on a source's language or format standing as a field ("in Korean", "PDF")."""
    return frozenset(k.casefold() for k in load_toml("markers.toml").get("source_notes", []))


@functools.cache
def _unsigned_credits() -> frozenset[str]:
    """A credit to no named outlet closing a list of sources ("Agencies", "wire services")."""
    return frozenset(k.casefold() for k in load_toml("markers.toml").get("wire_credits", []))


@functools.cache
def link_labels() -> tuple[str, ...]:
    """Openings of a link's label standing as a field ("Read original version at source")."""
    return tuple(k.casefold() for k in load_toml("markers.toml").get("link_labels", []))


@functools.cache
def _relay_notes() -> tuple[str, ...]:
    """Openings of a field relaying the source through another outlet ("monitored by Yonhap")."""
    return tuple(k.casefold() + " " for k in load_toml("markers.toml").get("relay_notes", []))


@functools.cache
def _outlet_tails() -> tuple[str, ...]:
    """A platform or document kind trailing a source's name ("on YouTube", "press release")."""
    return tuple(" " + k.casefold() for k in load_toml("markers.toml").get("outlet_tails", []))


def untailed(text: str) -> str:
    """A source's name without a trailing platform or document kind ("Korean Central TV on
    YouTube", "Pyongyang Ledger (Substack)", "Ministry of Unification press release")."""
    t = text.rstrip(" .")
    folded = t.casefold()
    if folded.endswith(_outlet_tails()):  # (a C-level test: most names end in none)
        for tail in _outlet_tails():
            if folded.endswith(tail) and len(t) > len(tail):
                return t[: -len(tail)].rstrip(" ,")
    return text


@functools.cache
def _unsigned() -> frozenset[str]:
    """An author slot's words for a piece no person signed ("Editorial", "Staff report")."""
    return frozenset(k.casefold() for k in load_toml("markers.toml").get("unsigned_kinds", []))


@functools.cache
def _note_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The blogger's closing remarks and the picture-credit labels of markers.toml, compiled."""
    table = load_toml("markers.toml")
    remarks = trie_pattern(r.casefold() for r in table["citation_remarks"]).replace(r"\ ", r"\s+")
    labels = trie_pattern(w.casefold() for w in table["credit_labels"]).replace(r"\ ", r"\s+")
    remark = re.compile(
        rf"(?:[.;,]|{_WS}[-–—]){_WS}*[(\[]?(?:{remarks})[)\]]?{_WS}*\.?{_WS}*$",
        re.IGNORECASE,
    )
    credit = re.compile(
        rf"(?:source\s+of\s+)?(?:{labels})s?(?:\s+(?:credits?|courtesy|sources?))?"
        r"\s*(?::|[-–—]\s|\bby\b|\bcourtesy\s+of\b)",
        re.IGNORECASE,
    )
    return remark, credit


@dataclass
class Issue:
    """A diagnostic produced by the grammar, with offsets relative to the parsed text."""

    code: DiagnosticCode
    message: str
    severity: Severity = Severity.WARNING


@dataclass
class ParsedSource:
    """The fields of one source within a citation line."""

    authors: list[Author] = field(default_factory=list)
    title: str | None = None
    outlet: Outlet | None = None
    date: ParsedDate | None = None
    own_work: bool = False
    """The blogger's own earlier writing ("my post of March 4, 2013"): no citation."""
    quoted_title: bool = False
    url: str | None = None
    number: str | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def date_value(self) -> dt.date | None:
        return self.date.value if self.date else None

    @property
    def date_resolution(self) -> DateResolution | None:
        return self.date.resolution if self.date and self.date.value else None


@dataclass
class ParsedLine:
    """A recognised citation: its form and one `ParsedSource` per source it names."""

    form: str
    sources: list[ParsedSource]
    issues: list[Issue] = field(default_factory=list)


def normalise_title(text: str) -> str | None:
    """Collapse whitespace and strip the quotation marks' trailing comma (and a full stop, not
    an abbreviation's or an ellipsis's); keep inner quotes."""
    full = collapse_spaces(text)
    t = full.strip(_TITLE_EDGE)
    if len(t) > 2 and t[0] in "*_" and t[-1] == t[0] and t[1] != t[0]:
        t = t[1:-1].strip()  # "*Title*": emphasis marks around the whole title
    if t.endswith(".") and not t.endswith("..") and not _ABBREV_END.search(t):
        t = t[:-1].rstrip(_EDGE_PUNCT)
    if '"' in t or "“" in t or "”" in t:
        t = _rebalanced(t, full[: len(full) - len(full.lstrip(_TITLE_EDGE))])
    return t or None


def _rebalanced(title: str, left: str) -> str:
    """A title whose own quotation lost a mark at its edge to the stripping of the title's
    marks gets it back: 'Kim seeks "talks"' (the closing mark), '"Juche" at 90' (the opening
    one, when two marks were stripped on the left)."""
    if title.count('"') % 2:
        marks = sum(left.count(q) for q in DOUBLE_QUOTES)
        return f'"{title}' if marks >= 2 and left.rstrip()[-1:] == '"' else f'{title}"'
    opened, closed = title.count("“"), title.count("”")
    if opened > closed:
        return title + "”"
    if closed > opened and (not opened or title.find("”") < title.find("“")):
        return "“" + title  # '“”Juche” at ninety”' read from the left
    return title


def _matching_paren(text: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start``, or -1 (linear scan)."""
    opener = text[start]
    closer = ")" if opener == "(" else "]"
    if text.count(opener) == 1:  # the usual case, answered by C-level string search
        return text.find(closer, start)
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i
    return -1


_QUOTE_OR_SEMICOLON = re.compile("[" + DOUBLE_QUOTES + ";]")


def _split_sources(text: str) -> list[str]:
    """Split on semicolons that are not inside double quotation marks (every mark toggles)."""
    if ";" not in text:
        return [text]
    parts: list[str] = []
    inside = False
    last = 0
    for m in _QUOTE_OR_SEMICOLON.finditer(text):  # the marks and semicolons only
        i = m.start()
        if text[i] != ";":
            inside = not inside
        elif not inside:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


VIA = r"(?i:via|from|courtesy\s+of)\s+(?:the\s+)?"
"""The words that pass a source on before its name ("via", "from the"), as a pattern."""
_VIA = re.compile(r"^[(\[]?\s*(?:" + VIA + r")?")


_FIELD_LABEL = re.compile(
    r"(?i:date|dated|published|posted|source|title|author|by|outlet|url|link)\s?:\s*\S"
)
"""A field's label before its value ("Date: …", "Source: …")."""
_ACK_TAIL = re.compile(
    r"(?:\s+(?:--|[-–—])|[;,])\s*(?:via|h/t|hat[\s\-]tip(?:\s+to)?)\s+[^,;()\[\]\d]{2,60}$",
    re.IGNORECASE,
)
"""The blogger's acknowledgement closing a citation's fields ("…, 2008 -- via One Free Korea")."""


def is_acknowledgement(text: str) -> bool:
    """Whether a bracket's text is the blogger's acknowledgement with no date ("via One Free
    Korea", "(h/t Marmot's Hole)"): whom the item came through, never its source."""
    t = text.strip()
    if t[:1] not in "([":
        t = f"({t})"
    return _ACK.fullmatch(t) is not None and _DIGIT.search(t) is None


def drop_acknowledgements(text: str) -> str:
    """The text without the blogger's acknowledgements ("… a declaration (hat tip to NK News):"
    names no source of what follows)."""
    return _ACK.sub("", text) if "(" in text or "[" in text else text


def _bare(field: str) -> str:
    """A field line without its brackets and a leading "via"/"from" ("(Via Daily NK)")."""
    t = _VIA.sub("", field, count=1).strip(" .")
    if t[-1:] in ")]" and t.count("(") + t.count("[") >= t.count(")") + t.count("]"):
        return t  # "VOA (Voice of America Korean)": its own brackets, balanced
    return t.strip(" .)]")


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses; fields are trimmed and empty ones dropped."""
    if "(" not in text:  # the usual case: every comma splits
        parts = text.split(",")
    else:
        parts = []
        depth = 0
        last = 0
        for i, ch in enumerate(text):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch == "," and depth == 0:
                parts.append(text[last:i])
                last = i + 1
        parts.append(text[last:])
    return [field for p in parts if (field := p.strip(_TRIM))]


class CitationGrammar:
    """Parses citation text against an outlet registry."""

    def __init__(self, registry: OutletRegistry) -> None:
        self.registry = registry

    # -- line level -------------------------------------------------------------------------

    def parse_line(self, line: str, ref: dt.date | None = None) -> ParsedLine | None:
        """Recognise a one-line citation; None when the line is not one."""
        text = line.strip()
        if not text or len(text) > 2000:
            return None
        if text[0] in "—–-" and _LEADING_DASH.match(text):  # "— Name, “Title,” …" sign-offs
            text = _LEADING_DASH.sub("", text)
            if "(@" in text and (tweet := self._tweet(text, ref)) is not None:
                return tweet  # an embedded tweet's sign-off: "— Name (@handle) March 4, 2019"
            if "," in text and (signed := self._signoff(text, ref)) is not None:
                return signed  # "—Name, NYT" or "-- Name, Reuters, March 4, 2019"
        if " | " in text and ":" in text and (barred := self._barred_fields(text, ref)):
            return barred  # "Date: 08/06/2018 | Source: KCNA.co.jp (English) | Read original …"
        issues: list[Issue] = []
        wrapped = text[0] in "(["
        inner = text
        if wrapped:
            close = _matching_paren(text, 0)
            if close == -1:
                inner = text[1:].rstrip().rstrip(".").rstrip()
                if inner.endswith(("]", ")")):
                    inner = inner[:-1]
                issues.append(
                    Issue(DiagnosticCode.UNCLOSED_PAREN, "citation has no closing parenthesis")
                )
            else:
                after = text[close + 1 :].strip(" .")
                if after:  # "(Source: …) Emphasis mine."
                    remark = len(after) <= 60 and (
                        not after.startswith(("(", "[")) or _ACK.fullmatch(after) is not None
                    )  # "(Source: …) (via NK News)": the acknowledgement is dropped
                    if not (remark and _KEYWORD.match(text[1:close].strip())):
                        return None  # a leading parenthetical such as "(Updated) Title"
                    issues.append(
                        Issue(DiagnosticCode.LEFTOVER_TEXT, f"text after the citation: {after!r}")
                    )
                inner = text[1:close]
        inner = inner.strip()
        note_re, credit_re = _note_patterns()
        if credit_re.match(inner):
            return None  # "(Photo: Yonhap)", "(Image source: KCNA, 2013)": a credit
        last = inner[-16:].rstrip(" .)]").rpartition(" ")[2].casefold()
        if last in _remark_ends():
            note = note_re.search(inner, max(0, len(inner) - 60))
            if note is not None:  # "(Source: Yonhap. Emphasis added.)"
                issues.append(
                    Issue(
                        DiagnosticCode.LEFTOVER_TEXT,
                        f"the blogger's note after the citation: {inner[note.start() :].strip(' .,;')!r}",
                        Severity.INFO,
                    )
                )
                inner = inner[: note.start()].strip()
        if ("via" in inner[-90:] or "h/t" in inner[-90:]) and (
            ack := _ACK_TAIL.search(inner, max(0, len(inner) - 90))
        ):  # "(Chosun Ilbo, February 25, 2008 -- via One Free Korea)": whom it came through
            issues.append(
                Issue(
                    DiagnosticCode.LEFTOVER_TEXT,
                    f"the blogger's acknowledgement: {ack.group(0).strip(' -–—,;')!r}",
                    Severity.INFO,
                )
            )
            inner = inner[: ack.start()].rstrip()
        if "ransl" in inner[-90:] and (tr := _TRANSLATOR.search(inner, max(0, len(inner) - 90))):
            # "…, March 4, 2008 [translation by Martin Hale]": who translated it, no author
            issues.append(
                Issue(
                    DiagnosticCode.LEFTOVER_TEXT,
                    f"the translator's credit after the citation: {tr.group(0).strip(' .,;')!r}",
                    Severity.INFO,
                )
            )
            inner = inner[: tr.start()].rstrip(" ,;")
        urls = [m.group(0).rstrip(".,;)") for m in _URL.finditer(inner)] if _may_link(inner) else []
        if urls:
            inner = _URL.sub("", inner).strip()
        if ("*" in inner or "_" in inner) and '"' not in inner and "“" not in inner:
            inner = _EMPHASIS_TITLE.sub(r"“\2”", inner)  # "Name, *Title*, Outlet, …"
        kw = glued = None
        word = colon_mark = ""
        if inner[:6].casefold() == "source":  # (what both keyword patterns open with)
            kw = _KEYWORD.match(inner)
            if kw is not None:
                word, colon_mark = kw.group("kw", "colon")
            glued = _KEYWORD_GLUED.match(inner) if not colon_mark else None
        if kw is not None and (colon_mark or kw.end() < len(inner)):
            plural = word.casefold() == "sources"
            if glued is not None:
                body = inner[glued.end() :]
                issues.append(
                    Issue(DiagnosticCode.MISSING_COLON, f"no colon after {glued.group('kw')!r}")
                )
                colon = False
            else:
                body = inner[kw.end() :]
                colon = bool(colon_mark)
                if not colon:
                    issues.append(Issue(DiagnosticCode.MISSING_COLON, f"no colon after {word!r}"))
            form = "sources" if plural else ("source" if wrapped else "bare-source")
            listed = self._outlet_list(body, ref) if ";" not in body else None
            if listed is None and ";" not in body and body.count(",") >= 3:
                listed = self._writer_pairs(body, ref)
            sources = self._apply_urls(listed or self._parse_sources(body, ref), urls)
            sources = [s for s in sources if self._acceptable(s, keyword=True, colon=colon)]
            opening = body.lstrip()[:32].casefold()
            if not sources or (
                # "(Source: interview with a defector, 2013)": the writer's own material, unless
                # a quoted title, a known outlet or a link names a publication
                not any(s.quoted_title or s.url or _known(s.outlet) for s in sources)
                and opening.startswith(_unpublished())
            ):
                return None
            if not any(s.quoted_title for s in sources) and (
                (opening + " ").startswith(_imagery())
                or _credit_source().search(body.partition(",")[0]) is not None
            ):  # "(Source: Google Earth, 2013)", "(Source: Yonhap photo, …)": a picture's credit
                return None
            if (
                not wrapped
                and body.count(" ") > _PROSE_WORDS
                and len(body.split()) > _PROSE_WORDS
                and not any(s.quoted_title for s in sources)
            ):  # "Source: KCNA North Korea's ties with … since 2019. On Monday, …": a picture's
                return None  # credit run into the teaser text under it, no list of fields

            return ParsedLine(form, sources, issues)
        if glued is not None:
            body = inner[glued.end() :]
            issues.append(
                Issue(DiagnosticCode.MISSING_COLON, f"no colon after {glued.group('kw')!r}")
            )
            sources = [
                s
                for s in self._apply_urls(self._parse_sources(body, ref), urls)
                if self._acceptable(s, keyword=True, colon=False)
            ]
            return ParsedLine("source", sources, issues) if sources else None
        # No keyword: "(Author, “Title,” Date.)" or a bare line in the same shape; another
        # label before it ("(Translation: “Title,” Rodong Sinmun, …)") is no author
        # ("Link: Yonhap, “Title,” …" on a line of its own too); an outlet before a colon
        # ("(Yonhap: “Title,” 3/4/2008)", "KCNA: Kim Min-ho, “Title,” …") is the outlet
        colon_at = inner.find(":", 0, 32)
        if colon_at < 0 and "：" in inner[:32]:  # a full-width colon ("原文：《…》，…")
            colon_at = inner.find("：", 0, 32)
        label = None
        if colon_at > 0:
            if self._outlet_of(inner[:colon_at]) is not None:
                inner = inner[:colon_at] + "," + inner[colon_at + 1 :]
            elif (label := _OTHER_LABEL.match(inner) or _CJK_LABEL.match(inner)) is not None:
                inner = inner[label.end() :]
        if not wrapped and _TITLE_MARK.search(inner) is None and not _may_number(inner):
            return None  # unbracketed, it needs a quoted title or a report number (`_acceptable`)
        src = self._apply_urls([self._parse_body(inner, ref)], urls)[0]
        if not self._acceptable(src, keyword=False, colon=False, strict=not wrapped):
            return None
        if label is not None and not wrapped and not (_known(src.outlet) or _paper_outlet(src)):
            return None  # "Kim said: “We will win,” 2008": a quotation, not a labelled source
        if label is not None and not src.quoted_title:
            return None  # "(Courtesy: NK News, 2019-03-04)": another label than a source's
        return ParsedLine("parenthetical" if wrapped else "line", [src], issues)

    def _barred_fields(self, text: str, ref: dt.date | None) -> ParsedLine | None:
        """A line of labelled fields between bars, one a source ("Date: … | Source: … | Read
        original version at source"): the fields; a link's label among them is dropped."""
        fields = [f.strip() for f in text.split(" | ")]
        kept = [f for f in fields if not f.casefold().startswith(link_labels())]
        if len(kept) < 2 or not any(f[:7].casefold() == "source:" for f in kept):
            return None
        if not all(_FIELD_LABEL.match(f) for f in kept):
            return None  # "Source: Title | 38 North: …": a page title's bars, read as a line
        kinds = [self.classify(f, ref) for f in kept]
        if any(len(k) != 1 or k[0][0] in ("skip", "text") for k in kinds):
            return None
        src = self.parse_fields(kept, ref)
        if src is None or src.outlet is None:
            return None
        issues = []
        if len(kept) < len(fields):
            dropped = ", ".join(f for f in fields if f not in kept)
            issues.append(
                Issue(DiagnosticCode.LEFTOVER_TEXT, f"a link's label: {dropped!r}", Severity.INFO)
            )
        return ParsedLine("source", [self._finish(src)], issues)

    def _tweet(self, text: str, ref: dt.date | None) -> ParsedLine | None:
        """An embedded post's sign-off after its dash, "Name (@handle) November 19, 2023": the
        account's name is the author, the platform (Twitter, by the handle) the outlet."""
        m = _TWEET_SIGNOFF.fullmatch(text)
        if m is None:
            return None
        date = parse_date(m.group("date").strip(" ."), ref)
        if date is None:
            return None
        src = ParsedSource(date=date, outlet=self.registry.resolve("Twitter"))
        src.authors = [_author(m.group("name").strip())]
        return ParsedLine("line", [self._finish(src)], [])

    def _signoff(self, text: str, ref: dt.date | None) -> ParsedLine | None:
        """A dash-led sign-off under a quote naming its writer and a known outlet, with no title:
        "—Name, NYT", "-- Name and Name, Reuters, March 4, 2019", and a gloss the blogger adds
        after them ("…, NYT, on the regime's new media") dropped with a note. A signature that
        names no known outlet ("— Name, Co-editor") is no citation."""
        fields = [f.strip() for f in text.rstrip(" .").split(",")]
        if len(fields) < 2 or not fields[0] or len(fields[0]) > 80:
            return None
        gloss_at = next((k for k in range(2, len(fields)) if _SIGNOFF_TAIL.match(fields[k])), None)
        if _TITLE_MARK.search(", ".join(fields[: gloss_at or len(fields)]).replace("’", "")):
            return None  # a quoted title: the line grammar reads it
        outlet = self.registry.resolve(fields[1])
        if outlet.match in ("unknown", "fuzzy"):
            return self._outlet_signoff(fields, ref)
        names = split_authors(strip_by(fields[0]))
        if not names or not all(looks_like_name(n) for n in names):
            return None
        src = ParsedSource(outlet=outlet, authors=[_author(n) for n in names])
        dated = ", ".join(fields[2:gloss_at])  # "March 3, 2009" holds a comma
        if dated:
            src.date = parse_date(dated, ref)
            if src.date is None:
                return None  # "—Name, AP, Pyongyang": more than a sign-off
        if gloss_at is not None:
            src.issues.append(
                Issue(
                    DiagnosticCode.LEFTOVER_TEXT,
                    f"the blogger's gloss after the sign-off: {', '.join(fields[gloss_at:])!r}",
                    Severity.INFO,
                )
            )
        return ParsedLine("parenthetical", [self._finish(src)], [])  # as "— Yonhap, 3/4/2019"

    def _outlet_signoff(self, fields: list[str], ref: dt.date | None) -> ParsedLine | None:
        """A dash-led sign-off naming a known outlet and its date and nothing else ("— Sankei
        Shimbun, Aug. 16, 2015", "– NHK, 20 August 2015"): the outlet and the date."""
        if not self.registry.is_outlet(fields[0]):
            return None
        date = parse_date(", ".join(fields[1:]), ref)
        if date is None:
            return None
        src = ParsedSource(outlet=self.registry.resolve(fields[0]), date=date)
        return ParsedLine("parenthetical", [self._finish(src)], [])

    def _apply_urls(self, sources: list[ParsedSource], urls: list[str]) -> list[ParsedSource]:
        """Give each source its URL (in order); a URL also names the outlet by its domain."""
        if not urls:
            return sources
        for src, url in zip(sources, urls + [urls[-1]] * len(sources), strict=False):
            src.url = url
            if src.outlet is None:
                domain = _DOMAIN_OF.match(url)
                outlet = self.registry.resolve(domain.group(1)) if domain else None
                if outlet is not None and outlet.match != "unknown":
                    src.outlet = outlet
        return sources

    def _acceptable(
        self, src: ParsedSource, *, keyword: bool, colon: bool, strict: bool = False
    ) -> bool:
        if src.own_work:
            return False
        known_outlet = src.outlet is not None and src.outlet.match != "unknown"
        has_date = src.date is not None
        if keyword and colon:
            # "(Source: own calculations)" names no article: a citation gives a quoted title,
            # a known outlet, a date or a link
            return bool(src.quoted_title or known_outlet or has_date or src.url)
        if keyword:
            return has_date or known_outlet or src.quoted_title
        if strict:
            # "Name, “Title,” Outlet, Date"; or a publisher's numbered paper with no title
            # ("Institute for Far Eastern Studies (IFES), NK Brief No. 09-3-6-1, March 6, 2009")
            numbered = src.number is not None and src.outlet is not None and src.title is None
            # "“Title,” Liaoning Daily, March 4, 2008": an unlisted paper, by its head word
            paper = src.quoted_title and has_date and _paper_outlet(src)
            return (
                (src.quoted_title or numbered)
                and has_date
                and not any(
                    i.code
                    in (
                        DiagnosticCode.MISSING_OPEN_QUOTE,
                        DiagnosticCode.MISSING_CLOSE_QUOTE,
                        DiagnosticCode.LEFTOVER_TEXT,
                        *(() if numbered or paper else (DiagnosticCode.OUTLET_UNKNOWN,)),
                    )
                    # a page locator or a note on the language is said as an info, and read
                    and not (i.code == DiagnosticCode.LEFTOVER_TEXT and i.severity == Severity.INFO)
                    for i in src.issues
                )
            )
        if src.quoted_title:
            return has_date or known_outlet
        # "(Chosun Ilbo, February 25, 2008)", "[Rodong Sinmun, 12 Feb 2008]": a bracket holding a
        # known outlet and a dated year, names beside them allowed, nothing else
        return (
            known_outlet
            and src.date is not None
            and src.title is None
            and not src.number
            and all(d.code != DiagnosticCode.DATE_NO_YEAR for d in src.date.issues)
            and not any(
                i.severity != Severity.INFO and all(i.code != d.code for d in src.date.issues)
                for i in src.issues
            )  # (an ambiguous or two-digit date says so, and is read)
        )

    def _writer_pairs(self, body: str, ref: dt.date | None) -> list[ParsedSource] | None:
        """ "[Source: Name, Los Angeles Times, Name, The Guardian, Agencies, March 18, 2010]":
        several writers each followed by a known outlet, no title; one source per pair, each
        with the closing date (a wire credit such as "Agencies" after the pairs is a note)."""
        if _DOUBLE_QUOTE_RE.search(body) is not None:
            return None
        body = body.strip().rstrip(")]").strip(" .")
        head = _split_commas(body)[:2]
        if len(head) < 2 or self._outlet_of(head[1].strip(" .")) is None:
            return None  # (a writer then a known outlet first: checked before any date is read)
        date = last_date(body, ref)
        if date is not None:
            if body[date.end :].strip(" .)]"):
                return None
            body = body[: date.start].rstrip(" ,(")
        fields = [f.strip(" .") for f in _split_commas(body)]
        note = []
        while fields and fields[-1].casefold() in _unsigned_credits():
            note.append(fields.pop())
        if len(fields) < 4 or len(fields) % 2:
            return None
        pairs = list(zip(fields[::2], fields[1::2], strict=True))
        if not all(
            looks_like_name(n) and self._outlet_of(n) is None and self._outlet_of(o) is not None
            for n, o in pairs
        ):
            return None
        out = []
        for name, outlet in pairs:
            src = ParsedSource(outlet=self._outlet_of(outlet), date=date)
            src.authors = [_author(name)]
            if note:
                src.issues.append(
                    Issue(
                        DiagnosticCode.LEFTOVER_TEXT,
                        f"a wire credit: {', '.join(reversed(note))!r}",
                        Severity.INFO,
                    )
                )
            out.append(self._finish(src))
        return out

    def _outlet_list(self, body: str, ref: dt.date | None) -> list[ParsedSource] | None:
        """ "Sources: KCNA, Yonhap": a list of known outlets and nothing else, one source each
        (read as one source, the first name became a title)."""
        if _DOUBLE_QUOTE_RE.search(body) is not None:
            return None  # a quoted title: no list of names alone (most citations; no split)
        body = body.strip().rstrip(")").strip()
        date = None
        first = _split_commas(body)[:1]
        if not first or not self.registry.is_outlet(first[0].strip(" .")):
            if not _may_join(body):
                return None  # (most bodies: a name or a title first, no list; no date parsed)
        elif "," in body and body[-1:].isalnum():
            # "Sources: Yonhap, KBS (November 18, 2007)", "Asia Press, Rimjingang, 4/7/2017": the
            # date closing the list is every source's
            date = last_date(body, ref)
            if date is not None and (
                body[date.end :].strip(" .)") or body[: date.start].rstrip()[-1:] not in ",("
            ):
                date = None
            if date is not None:
                body = body[: date.start].rstrip(" ,(")
        fields = [f.strip(" .") for f in _split_commas(body)]
        if not fields or not all(fields):
            return None
        if _may_join(body):  # "KCNA and Rodong Sinmun"
            if not self.registry.is_outlet(fields[0]) and not _may_join(fields[0]):
                return None  # (the usual case: a name or a title first, no list)
            fields = [g.strip(" .") for f in fields for g in _AND.split(f)]
        if len(fields) < 2:
            return None
        if any(self.registry.resolve(f).match not in ("exact", "alias") for f in fields):
            return None
        if date is None:
            return [self._parse_body(f, ref) for f in fields]
        return [
            self._finish(ParsedSource(outlet=self.registry.resolve(f), date=date)) for f in fields
        ]

    def _parse_sources(self, body: str, ref: dt.date | None) -> list[ParsedSource]:
        if ";" not in body:  # one source
            return [self._parse_body(body, ref)]
        parts = [p for p in _split_sources(body) if p.strip(" .")]
        if len(parts) > 1:
            parsed = [self._parse_body(p, ref) for p in parts]
            # each part a source of its own: a quoted title, an outlet or a date ("Reporting by
            # Ju-min Park; Editing by …, “Title,” Reuters" is one source)
            if all(p.quoted_title or p.outlet or p.date for p in parsed):
                return _outlet_heads(parsed)
        return [self._parse_body(body, ref)]

    # -- one source ---------------------------------------------------------------------------

    def _parse_body(self, body: str, ref: dt.date | None) -> ParsedSource:
        src = ParsedSource()
        body = body.strip().rstrip(".").strip()
        # the first and the last double quotation mark: the title's, when they differ
        marks = [m.start() for m in _DOUBLE_QUOTE_RE.finditer(body)]
        first, last = (marks[0], marks[-1]) if marks else (-1, -1)
        head: str
        tail: str
        if (
            last > first
            and ("'" in body[:first] or "‘" in body[:first])
            and (single := _SINGLE_TITLE_STRICT.search(body)) is not None
            and single.start() < first
            and single.end() > last
        ):  # 'Party hails "great victory" in harvest,': the double marks are inside the title
            marks, first, last = [], -1, -1
        if last > first:
            head, tail = body[:first], body[last + 1 :]
            src.title = normalise_title(body[first + 1 : last])
            src.quoted_title = True
            if body[last - 1] not in ",.;" and (tail[:1] == " " or head[-1:] == " "):
                head, tail = self._phrase_in_title(body, first, last, src)
            if body[first] not in _TITLE_OPEN or (
                head.count(",") > 1 and _DOUBLE_COMMA.search(head)
            ):
                src.issues.append(
                    Issue(
                        DiagnosticCode.STRAY_PUNCTUATION,
                        "stray punctuation or a wrong-way quotation mark before the title",
                        Severity.INFO,
                    )
                )
                head = _TRAILING_COMMAS.sub(",", head)
        elif first >= 0 and body[first] not in OPEN_DOUBLE:  # one mark, a closing one
            before, tail = body[:first], body[first + 1 :]
            segs = before.split(",", 1)
            if len(segs) == 2 and (
                looks_like_name(strip_by(segs[0])) or self.registry.is_outlet(segs[0])
            ):
                head, title = segs[0], segs[1]
            else:
                head, title = "", before
            src.title = normalise_title(title)
            src.quoted_title = True
            src.issues.append(
                Issue(DiagnosticCode.MISSING_OPEN_QUOTE, "the title has no opening quotation mark")
            )
        elif first >= 0:  # one mark, an opening one
            head, rest = body[:first], body[first + 1 :]
            date = last_date(rest, ref)
            upto = rest[: date.start] if date else rest
            segs = _split_commas(upto)
            if len(segs) > 1 and self.registry.is_outlet(segs[-1]):
                tail = segs[-1] + (rest[date.start :] if date else "")
                segs = segs[:-1]
            else:
                tail = rest[date.start :] if date else ""
            src.title = normalise_title(", ".join(segs))
            src.quoted_title = True
            src.issues.append(
                Issue(DiagnosticCode.MISSING_CLOSE_QUOTE, "the title has no closing quotation mark")
            )
        else:
            cjk = _CJK_TITLE.search(body) if any(o in body for o in _CJK_OPENERS) else None
            single = cjk or _SINGLE_TITLE_STRICT.search(body) or _SINGLE_TITLE_LOOSE.search(body)
            if cjk is not None:  # "「北朝鮮の市場」, Sankei Shimbun, …": the title's own marks
                head, tail = body[: cjk.start()], body[cjk.end() :]
                src.title = normalise_title(cjk.group(1))
                src.quoted_title = True
            elif single is not None:
                head, tail = body[: single.start()], body[single.end() :]
                src.title = normalise_title(single.group(1))
                src.quoted_title = True
                src.issues.append(
                    Issue(
                        DiagnosticCode.SINGLE_QUOTED_TITLE,
                        "title in single quotation marks",
                        Severity.INFO,
                    )
                )
            else:
                self._parse_unquoted(body, ref, src)
                return self._finish(src)
        if "，" in tail or "，" in head:  # "《…》，辽宁日报，2008年3月4日": full-width commas
            head, tail = head.translate(_FULL_WIDTH), tail.translate(_FULL_WIDTH)
        site = self._site_suffix(src.title) if src.title and _may_have_site(src.title) else None
        if site is not None:  # "N. Korea raises tariffs | Yonhap News Agency": a page's title
            src.title = src.title[: site[0]].rstrip() if src.title else None
        # date: the last one after the title, else the last one before it; an access or update
        # date ("accessed July 10, 2022") is not the article's date; a year alone counts after it
        if ("ed)" in tail or "ed]" in tail) and (upd := _UPDATE_NOTE.search(tail)) is not None:
            # "Sep. 3, 2012 / Sep. 4, 2012 (updated)": the date the note follows is the update's
            upd_date = last_date(tail[: upd.start()], ref)
            if upd_date is not None and not tail[upd_date.end : upd.start()].strip():
                tail = tail[: upd_date.start].rstrip(" /,;|") + tail[upd.end() :]
        if "ed" in tail.lower() and _SECONDARY_WORD.search(tail) and _SECONDARY_DATE.search(tail):
            tail = _SECONDARY_DATE.sub(" ", tail)
        tail = drop_time(tail)  # "July 8, 2022, 11:45 GMT+9": the time is no outlet
        if _may_locate(tail) and (
            loc := _TAIL_LOCATOR.search(tail)
        ):  # ", pp. 33-41", "49(3): 45–67": a locator closing the fields, no outlet, no date
            src.issues.append(
                Issue(
                    DiagnosticCode.LEFTOVER_TEXT,
                    f"a note on the source: {loc.group(0).strip(' ,:')!r}",
                    Severity.INFO,
                )
            )
            tail = tail[: loc.start()]
        date = last_date(tail, ref, year_only=True)
        if date is not None:
            before, after = tail[: date.start].rstrip(), tail[date.end :].lstrip()
            if before[-1:] in ("(", "[") and after[:1] in (")", "]"):  # "Vol. 16 (Summer 2008)"
                before, after = before[:-1], after[1:]
            tail = before + " " + after
        else:
            date = last_date(head, ref)
            if (
                date is None
                and head.endswith((") ", ")", "),", ")."))
                and (hy := _HEAD_YEAR.search(head))
            ):  # "Lim Jae-cheon (2009) “Title,” Asian Survey 49(3)": an author-date year
                date = last_date(hy.group("year"), ref, year_only=True)
                head = head[: hy.start()]
            elif date is not None:
                head = head[: date.start] + " " + head[date.end :]
        src.date = date
        byline: list[str] = []
        if "by" in tail or "By" in tail or "BY" in tail:
            tail, byline = self._tail_byline(tail)
        writers = self._fill_outlet(tail, src)
        self._fill_authors(head, src)
        if byline:  # "“Title,” by Jeongmin Kim, NK News, …": the author after the title
            src.authors.extend(a for a in map(_author, byline) if a not in src.authors)
        if writers and not src.authors:  # "“Title,” Korea Herald, March 4, 2013, Kim Ji-hyun"
            src.authors = [_author(n) for n in writers]
        if site is not None and (src.outlet is None or src.outlet.match == "unknown"):
            src.outlet = site[1]
        return self._finish(src)

    def _phrase_in_title(
        self, body: str, first: int, last: int, src: ParsedSource
    ) -> tuple[str, str]:
        """The fields around a quoted phrase that is part of an unquoted title ("“150-day
        battle” begins, KCNA, …", "Kim Jong-il’s “on-the-spot guidance” at Ryongsong, …"): a
        lower-case word after the closing mark, or a possessive before the opening one, extends
        the title to the field's commas; the title keeps the phrase's marks."""
        head, tail = body[:first], body[last + 1 :]
        before = _PHRASE_BEFORE.search(head) if head[-1:] == " " else None
        phrase = _PHRASE_AFTER if before is None else _PHRASE_AFTER_OWNED
        after = phrase.match(tail) if tail[:1] == " " else None
        if after is None and before is None:
            return head, tail
        pre = before.group("pre") if before is not None else ""
        post = after.group(0).rstrip() if after is not None else ""
        src.title = normalise_title(f"{pre} {body[first : last + 1]}{post}")
        if before is not None:
            head = head[: before.start("pre")]
        if after is not None:
            tail = tail[after.end() :]
        return head, tail

    def _tail_byline(self, tail: str) -> tuple[str, list[str]]:
        """The names of a byline among the fields after a title ("by Jeongmin Kim", "by Kang
        Mi-jin (Daily NK)"), and the fields without it (an outlet named in it kept)."""
        segs = _split_commas(tail)
        for i, seg in enumerate(segs):
            m = _TAIL_BY.match(seg)
            if m is None:
                continue
            pieces = [p for n in split_authors(m.group("names")) for p in self._name_pieces(n)]
            pieces = [q for p in pieces for q in self._name_then_outlet(p)]
            names = [p for p in pieces if looks_like_name(p) and not self._outlet_of(p)]
            if not names:
                return tail, []
            rest = [p for p in pieces if p not in names and self._outlet_of(p)]
            rest += [m.group("rest")] if m.group("rest") else []
            return ", ".join(segs[:i] + rest + segs[i + 1 :]), names
        return tail, []

    def _name_then_outlet(self, piece: str) -> list[str]:
        """A byline's piece naming the writer, then the outlet and its role with no comma
        between ("JAE-MIN PARK Associated Press Writer", the old wire style): the two parts;
        else the piece."""
        words = piece.split()
        if len(words) < 4 or looks_like_name(piece):
            return [piece]
        for k in (2, 3):  # a name of two or three words, then a known outlet
            name, rest = " ".join(words[:k]), " ".join(words[k:])
            if looks_like_name(name) and self._outlet_of(rest) is not None:
                return [name, rest]
        return [piece]

    def _site_suffix(self, title: str) -> tuple[int, Outlet] | None:
        """Where a copied page title's site name starts, and the outlet it names ("… | Yonhap
        News Agency", "… - The Korea Herald", "… : NK News - North Korea News")."""
        for m in _SITE_SEP.finditer(title, max(0, len(title) - 64)):  # a site's name is short
            rest = title[m.end() :].strip()
            if m.start() > 0 and rest and (outlet := self._outlet_of(rest)) is not None:
                return m.start(), outlet
        return None

    def _fill_outlet(self, tail: str, src: ParsedSource) -> list[str]:
        """Read the outlet from the fields after the title; return the writers named after a
        known outlet ("…, Korea Herald, March 4, 2013, Kim Ji-hyun": known family names only)."""
        segs = _drop_notes(_take_number(_split_commas(tail), src, self._outlet_of), src)
        if segs and segs[0][-1:] == _CLOSER.get(segs[0][:1]):
            # "“Title” (in Korean), Yonhap, …", "“Title” [in Korean], …": a note on the title, or
            # an outlet in brackets
            inner = segs[0][1:-1].strip()
            segs = ([inner] if self._outlet_of(inner) else []) + segs[1:]
        if segs and ("1" in segs[0] or "2" in segs[0]) and _DATE_LIKE.match(segs[0]):
            segs = segs[1:]  # "September 2009", "2011": a date the date grammar did not read
        if not segs:
            return []
        raw = segs[0]
        if raw[:1] in "mMoO" and raw.split()[0].casefold() in ("my", "our"):
            src.own_work = True  # "(see “…,” my post of March 4, 2013)": the blogger's own
            return []
        if ")" in raw and src.number is None and (vol := _VOLUME.match(raw.strip())):
            # "Asian Survey 49(3)": a journal's name, then its volume and issue
            raw, src.number = vol.group("name"), vol.group("number")
        outlet = self._outlet_of(raw) or self.registry.resolve(raw)
        if outlet.match == "unknown" and (bare := untailed(raw)) is not raw:
            # "Korean Central TV on YouTube", "Ministry of Unification press release"
            outlet = (self._outlet_of(bare) or self.registry.resolve(bare)).model_copy(
                update={"raw": segs[0].strip()}
            )
        if outlet.match == "unknown" and len(segs) > 1:
            joined = ", ".join(segs)
            alt = self.registry.resolve(joined)
            if alt.match != "unknown":
                outlet, segs = alt, [joined]
            elif (k := next((k for k in range(1, len(segs)) if self._outlet_of(segs[k])), 0)) > 0:
                # "“…,” Witness to Transformation, PIIE, …": a blog's, series' or section's name
                # before its known publisher; the publisher is the outlet
                outlet = self._outlet_of(segs[k]) or outlet
                segs = [segs[k], *segs[:k], *segs[k + 1 :]]
        src.outlet = outlet
        if raw[-1:] == ")" and _known(outlet) and (op := raw.rfind("(")) > 0:
            # "Yonhap (Sam Park)": the writer in brackets after the known outlet's name
            inner = raw[op + 1 : -1].strip()
            if _personish(inner) and self._outlet_of(inner) is None and len(segs) == 1:
                return [inner]
        if len(segs) > 1:
            names = [g.strip() for g in segs[1:]]
            if _known(outlet) and all(_personish(n) for n in names):
                return names  # "Kim Ji-hyun, Korea Herald correspondent": the outlet's writer
            src.issues.append(
                Issue(
                    DiagnosticCode.LEFTOVER_TEXT,
                    f"unrecognised text after the outlet: {', '.join(segs[1:])!r}",
                )
            )
        return []

    def _outlet_of(self, text: str) -> Outlet | None:
        """The known outlet a segment names, ignoring an edition note ("Rodong Sinmun (in Korean)")."""
        got = self.registry.resolve(text)
        if got.match in _KNOWN:
            return got
        note = ")" in text or "]" in text
        wire = "-" in text and " " not in text.strip()  # "AFP-Yonhap": one word, hyphenated
        if not note and not wire and not _has_outlet_parts(text):
            return None  # no note to drop, no parts to try
        bare = _EDITION_NOTE.sub("", text) if note else text
        if bare is text and ")" in text:  # "Voice of America (VOA) Korean": an inner acronym
            bare = _INNER_ACRONYM.sub("", text)
        # "NK News/NK Pro", "Yonhap – English", "Yonhap via Korea Herald": the first known part
        # names the outlet
        parts = _OUTLET_PARTS.split(bare) if _has_outlet_parts(bare) else []
        for cand in (bare, *parts):
            if cand and cand != text and self.registry.is_outlet(cand):
                return self.registry.resolve(cand).model_copy(update={"raw": text.strip()})
        if wire:
            # "AFP-Yonhap": a wire's credit joined by a bare hyphen names the first when both
            # sides are known outlets (a hyphen inside a name, "Dong-A Ilbo", joins no two)
            first, _, second = text.strip().partition("-")
            if self.registry.is_outlet(first) and self.registry.is_outlet(second):
                return self.registry.resolve(first).model_copy(update={"raw": text.strip()})
        return None

    def _fuzzy_slot(self, segs: list[str]) -> tuple[int, Outlet] | None:
        """The first field naming a known outlet misspelt within the registry's edit budget
        ("Yonhap Newes", "Dialy NK"), when no field names one as spelt: the outlet slot wins
        over the author slot for it."""
        for i, seg in enumerate(segs):
            if 4 < len(seg) <= 40 and seg[:1].isupper():
                got = self.registry.resolve(seg.strip())
                if got.match == "fuzzy":
                    return i, got
        return None

    def _by_outlet(self, seg: str) -> Outlet | None:
        """The known outlet a field names, also as a byline ("By UPI Staff", "By Yonhap")."""
        got = self._outlet_of(seg)
        if got is None and seg.lstrip()[:3].casefold() in ("by ", "by:"):
            got = self._outlet_of(strip_by(seg).strip(" ."))
        return got

    def _fill_authors(self, head: str, src: ParsedSource) -> None:
        head = keep_initial_dot(strip_by(head.strip(_AUTHOR_EDGE)).strip(_AUTHOR_EDGE), head)
        if not head:
            return
        whole = self._outlet_of(head)
        if whole is not None and head[-1:] == ")" and (note := _EDITION_NOTE.search(head)):
            # "Reuters (by Ben Marlow), “Title,” …": the writer in brackets after the outlet
            inner = note.group(0).strip(" ()")
            writer = strip_by(inner).strip(_AUTHOR_EDGE)
            if (
                (inner[:3].casefold() in ("by ", "by:") or _personish(writer))
                and looks_like_name(writer)
                and src.outlet is None
            ):
                src.outlet = whole
                src.authors = [_author(writer)]
                return
        names = [head] if whole else split_authors(head)
        if whole is not None and _has_outlet_parts(head) and not self.registry.is_outlet(head):
            # "Mun Dong Hui - Daily NK", "Reuters/Kim Hong-ji": a person beside the outlet
            names = [p.strip(_AUTHOR_EDGE) for p in _OUTLET_PARTS.split(head) if p.strip()]
        if len(names) == 1:
            names = self._name_pieces(names[0])
        else:
            names = [p for n in names for p in self._name_pieces(n)]
        # each name's outlet once (a lone name is the head, already looked up)
        outlets = [whole] if names == [head] else [self._outlet_of(n) for n in names]
        if any(outlets):
            agencies = [n for n, o in zip(names, outlets, strict=True) if o]
            if src.outlet is not None and src.outlet.match == "unknown":
                # "VOA Korean, “Title,” <unread text>": the known outlet before the title names
                # the source; the unread text after it is left over
                src.issues.append(
                    Issue(
                        DiagnosticCode.LEFTOVER_TEXT,
                        f"unrecognised text after the title: {src.outlet.raw!r}",
                    )
                )
                src.outlet = None
            if src.outlet is None:
                src.outlet = next(o for o in outlets if o)
            src.issues.append(
                Issue(
                    DiagnosticCode.AGENCY_AS_AUTHOR,
                    f"{', '.join(agencies)!r} in the author slot: an outlet, not a person",
                    Severity.INFO,
                )
            )
            names = [n for n in names if n not in agencies]
        aff = cues().is_affiliation  # "Kim Suk-jin, Korea Development Institute": no person
        # "Tokyo Shimbun", "Pacific Tribune": an unlisted outlet; "KOTRA": an organisation
        papers = [n for n in names if _paper(n)]
        people = [
            n
            for n in names
            if looks_like_name(n)
            and not aff(n)
            and not (papers and n in papers)
            and not is_place(n)
        ]  # ("Seoul (Yonhap)": a dateline's place beside the outlet is no person)
        if src.outlet is None and (fuzzy := self._fuzzy_slot(names)) is not None:
            # "Source: Yonhap Newes, “Title,” …": a misspelt known outlet before the title, with
            # none after it, is the outlet, not a writer
            src.outlet = fuzzy[1]
            people = [n for n in people if n != names[fuzzy[0]]]
            names = [n for n in names if n != names[fuzzy[0]]]
        src.authors = list(map(_author, people))
        if len(people) == len(names):
            return  # every name a person's
        rest = [n for n in names if n not in people]
        if papers and src.outlet is None:
            src.outlet = self.registry.resolve(papers[0])
            rest = [n for n in rest if n is not papers[0]]
        institutions = [n for n in rest if aff(n) or _ACRONYM.search(n)]
        if institutions and src.outlet is None and (people or _publisher(institutions[0])):
            # an affiliation after the author publishes the paper: it is the outlet; so does an
            # institution standing alone before the title ("Bank of Korea, “GDP Estimates…,” …")
            src.outlet = self.institution(institutions[0])
            rest = [n for n in rest if n is not institutions[0]]
        if rest:
            src.issues.append(
                Issue(DiagnosticCode.LEFTOVER_TEXT, f"author slot not a name: {', '.join(rest)!r}")
            )

    def _name_pieces(self, name: str) -> list[str]:
        """One piece of an author slot as names and outlets: a position dropped ("Editor-in-chief",
        "Reporter Kim Ji-hyun"), an outlet in brackets after a name split off ("Kang Mi Jin (Daily
        NK)"), an article before an outlet dropped ("a Daily NK reporter"). Memoised: an
        archive repeats its bylines."""
        memo: dict[str, list[str]] | None = self.__dict__.get("_pieces")
        if memo is None or self.__dict__["_pieces_of"] != len(self.registry.entries):
            # (new, or the registry was extended since)
            memo = self.__dict__["_pieces"] = {}
            self.__dict__["_pieces_of"] = len(self.registry.entries)
        got = memo.get(name)
        if got is None:
            got = self._read_name_piece(name)
            if len(memo) < 65536:
                memo[name] = got
        return got  # (callers never change it)

    def _read_name_piece(self, name: str) -> list[str]:
        """`_name_pieces` without the memo."""
        c = cues()
        words = name.split()
        while len(words) > 1 and words[0].casefold() in c.position_words:
            words = words[1:]  # "Reporter Kim Ji-hyun"
        if words and words[0] in ("a", "an") and len(words) > 1:
            words = words[1:]  # "a Daily NK reporter"
        if len(words) > 2 and not c.position_words.isdisjoint(w.casefold() for w in words[1:-1]):
            # "Yonhap reporter Kim Min-ji": an outlet, a position, then the writer
            at = next(
                i for i in range(1, len(words) - 1) if words[i].casefold() in c.position_words
            )
            outlet, writer = " ".join(words[:at]), " ".join(words[at + 1 :])
            if at > 1 and is_place(words[at - 1]):  # "Sankei Shimbun's Seoul correspondent …"
                outlet = " ".join(words[: at - 1])
            if outlet.endswith(("'s", "’s")):
                outlet = outlet[:-2]
            if self._outlet_of(outlet) is not None and looks_like_name(writer):
                return [outlet, writer]
        if len(words) > 2 and (" of " in name or " at " in name):
            # "editor-in-chief of Daily NK", "a reporter at Yonhap": a position at an outlet
            for i in range(1, min(len(words) - 1, 8)):  # a position is a few words long
                if words[i] in ("of", "at") and c.is_position(" ".join(words[:i])):
                    where = " ".join(words[i + 1 :])
                    if self._outlet_of(where) is not None:
                        return [where]
        name = untailed(" ".join(words))  # "Ministry of Unification press release"
        if name.casefold() in _unsigned():
            return []  # "Editorial", "Staff report": no person signed it
        if not name or self._outlet_of(name) is not None:
            return [name] if name else []  # "Korea Times correspondent" (the qualifiers)
        if name.endswith(")") and (note := _EDITION_NOTE.search(name)) is not None:
            # (before the position test: "Lee Sang Yong (Editor-in-chief)" is a person)
            inner = note.group(0).strip(" ()")
            head = name[: note.start()].strip()
            if self._outlet_of(inner) is not None and head:
                return [head, inner]
            if looks_like_name(head):
                return [head]  # "Andrei Lankov (Kookmin University)": the note is no name
        if (c.is_position(name) and not _personish(name)) or is_place(name):
            return []  # "Editor-in-chief", "Senior Fellow": a position; "Seoul": a dateline
        return [name]

    def institution(self, text: str) -> Outlet:
        """An institution or outlet named as written; a trailing acronym ("Institute for Far
        Eastern Studies (IFES)") is dropped from the name and kept in ``raw``."""
        raw = text.strip(" .")
        m = _ACRONYM.search(raw)
        bare = raw[: m.start()].strip() if m else raw
        known = self._outlet_of(bare) or (self._outlet_of(m.group(1)) if m else None)
        if known is not None:
            return known.model_copy(update={"raw": raw})
        return Outlet(id=None, name=bare, raw=raw, match="unknown")

    def _parse_unquoted(self, body: str, ref: dt.date | None, src: ParsedSource) -> None:
        """No quotation marks: classify comma-separated pieces (date, outlet, names, title)."""
        body = drop_time(body)
        if " | " in body:  # "Colin Pearce | NK News | Jan. 3, 2019": fields between bars
            bars = body.split(" | ")
            if any(b.strip().casefold().startswith(link_labels()) for b in bars):
                # "Source: KCNA.co.jp | Read original version at source": a link's label
                kept = [b for b in bars if not b.strip().casefold().startswith(link_labels())]
                src.issues.append(
                    Issue(
                        DiagnosticCode.LEFTOVER_TEXT,
                        f"a link's label: {' | '.join(b for b in bars if b not in kept)!r}",
                        Severity.INFO,
                    )
                )
                body = " | ".join(kept)
        if " | " in body:
            head, _, site = body.rpartition(" | ")
            name, colon, _tagline = site.partition(": ")
            if colon and self._outlet_of(name) is not None:
                site = name  # "Title | 38 North: Informed Analysis of North Korea": a tagline
            body = head.replace(" | ", ", ") + ", " + site
        elif " / " in body and body.count(" / ") >= 2:
            # "Kim Ji-hyun / Korea Herald / March 4, 2013": spaced slashes between the fields,
            # read as bars when one of them is a known outlet (else "A / B" lists writers)
            parts = body.split(" / ")
            if any(self._outlet_of(p.strip()) for p in parts):
                body = ", ".join(parts)
        date = last_date(body, ref)
        if date is not None:
            body = body[: date.start] + "," + body[date.end :]
        src.date = date
        # "(Source: RFA Korean, 2013-03-04, in Korean)": a note on the language, format or page
        segs = _drop_notes(_take_number(_split_commas(body), src, self._outlet_of), src)
        outlet_i = next((i for i in range(len(segs) - 1, -1, -1) if self._by_outlet(segs[i])), None)
        fuzzy = self._fuzzy_slot(segs) if outlet_i is None else None
        handle = next((i for i, g in enumerate(segs) if g.lstrip()[:1] == "@"), None)
        if outlet_i is None and handle is not None and " " not in untailed(segs[handle]).strip():
            # "@KCNAWatch on Twitter": an account's handle is the source, kept as written
            src.outlet = self.registry.resolve(untailed(segs[handle]).strip())
            before, after = segs[:handle], segs[handle + 1 :]
        elif outlet_i is not None:
            src.outlet = self._by_outlet(segs[outlet_i])
            before, after = segs[:outlet_i], segs[outlet_i + 1 :]
        elif fuzzy is not None:  # "(Source: Yonhap New Agency, 13/9/2023)": a misspelt outlet
            src.outlet = fuzzy[1]
            before, after = segs[: fuzzy[0]], segs[fuzzy[0] + 1 :]
        else:
            before, after = segs, []
        authors: list[str] = []
        while before and len(before) > 1 and looks_like_name(strip_by(before[0])):
            authors.extend(split_authors(before.pop(0)))
        if (
            before
            and before[-1][-3:].casefold() in (" by", " in", "via")
            and (_DANGLING_CREDIT.search(before[-1]))
        ):
            # "Nanfang Daily reprinted by": the reprinting site's name was a link, lost
            before[-1] = _DANGLING_CREDIT.sub("", before[-1])
        if len(before) == 1 and (
            before[0].casefold().startswith("by ")
            # "Source: Norimitsu Onishi, March 30, 2008": a lone name beside a date or outlet
            or (
                (src.date is not None or src.outlet is not None)
                and len(before[0]) <= 60
                and looks_like_name(before[0])
                and 2 <= len(before[0].split()) <= 3
                and not cues().is_affiliation(before[0])
                and not _paper(before[0])  # "Nanfang Daily": a paper's name, not a person's
            )
            # "Source: Ju-min Park and James Pearson, Reuters, …": a list of such names, one
            # with a known family name (a Title Case headline joined by "and" is no list)
            or ((src.date is not None or src.outlet is not None) and _name_list(before[0]))
        ):
            authors.extend(split_authors(before.pop(0)))
        if src.outlet is None and len(before) >= 2:
            src.outlet = self.registry.resolve(before.pop())
        elif (
            src.outlet is None and len(before) == 1 and (_publisher(before[0]) or _paper(before[0]))
        ):
            # "(Source: Institute for Far Eastern Studies (IFES), 6/17/2008.)", "(Source: IFES,
            # NK Brief No. 08-6-17-1, …)": a publisher named alone is the outlet, not a title
            src.outlet = self.institution(before.pop())
        elif src.outlet is None and len(before) == 1 and src.number and _body_name(before[0]):
            # "(Source: UN Panel of Experts, S/2019/171, para. 45, …)": the body whose numbered
            # document it is, named alone beside the number, publishes it
            src.outlet = self.institution(before.pop())
        if after:
            # "Yonhap, Kim Jeong-min, 2014-01-30": a name after the outlet is its author;
            # "Daily NK, Markets reopen in Hyesan, …": text after it is the title when none before
            names = [a for a in after if _names(a, cues().is_affiliation) and _namey(a)]
            authors.extend(n for a in names for n in split_authors(a))
            after = [a for a in after if a not in names]
            if after and not before:
                before = [after.pop(0)]
        src.authors = [_author(a) for a in authors if looks_like_name(a)]
        if before and src.outlet is not None and before[0][:1].isdigit() and _SLOT.match(before[0]):
            # "(Source: KCTV broadcast, 8 p.m. news, March 4, 2019)": the broadcast's slot
            src.issues.append(
                Issue(
                    DiagnosticCode.LEFTOVER_TEXT,
                    f"a note on the source: {before.pop(0).strip()!r}",
                    Severity.INFO,
                )
            )
        if before:
            src.title = normalise_title(", ".join(before))
            src.issues.append(
                Issue(DiagnosticCode.UNQUOTED_TITLE, "the title has no quotation marks")
            )
        if after:
            src.issues.append(
                Issue(DiagnosticCode.LEFTOVER_TEXT, f"unrecognised text: {', '.join(after)!r}")
            )

    def _finish(self, src: ParsedSource) -> ParsedSource:
        if src.outlet is not None:
            if src.outlet.match == "unknown":
                src.issues.append(
                    Issue(
                        DiagnosticCode.OUTLET_UNKNOWN,
                        f"outlet {src.outlet.raw!r} is not in the registry; kept as written",
                        Severity.INFO,
                    )
                )
            elif src.outlet.match == "fuzzy":
                src.issues.append(
                    Issue(
                        DiagnosticCode.OUTLET_FUZZY,
                        f"outlet {src.outlet.raw!r} matched {src.outlet.name!r} by spelling similarity",
                        Severity.INFO,
                    )
                )
        if src.date is None:
            src.issues.append(
                Issue(DiagnosticCode.NO_DATE, "the citation gives no date", Severity.INFO)
            )
        elif src.date.issues:
            src.issues.extend(
                Issue(i.code, i.message, _date_severity(i.code)) for i in src.date.issues
            )
        if src.title is None:
            src.issues.append(
                Issue(DiagnosticCode.NO_TITLE, "the citation gives no title", Severity.INFO)
            )
        return src

    # -- blocks of field lines ("Full article:", header blocks, list entries) -------------------

    def classify(self, line: str, ref: dt.date | None = None) -> list[tuple[str, Any]]:
        """Classify one field line of a block: ``(kind, value)`` pairs, kind one of title /
        author / outlet / date / number / url / skip / text. One line may give two fields
        ("Korea Times, 3/14/2008")."""
        c = cues()
        f = line.strip().strip("*_").strip()
        if not f:
            return [("skip", None)]
        if c.is_skip(f):
            # "Read here at the Brookings Institution web page": the host names the outlet
            at = _HOSTED_AT.search(f)
            if at is not None:
                host = at.group("host").strip()
                got = self._outlet_of(host)
                named = len(host.split()) > 1  # "the Institute" alone names none
                if got is not None or (named and _institutional(host, c.is_affiliation)):
                    return [("outlet", got or self.institution(host))]
            return [("skip", None)]
        if " | " in f:
            # "By UPI Staff | Jan. 03, 2018", "Daily NK | 2013-03-04": fields a bar separates
            parts = [p for p in f.split(" | ") if p.strip()]
            if len(parts) > 1 and any(p.lstrip()[:1] in "UuLlMm" for p in parts):
                # "Updated: March 5, 2019 | Published: March 4, 2019": the update is no field
                parts = [p for p in parts if not _UPDATE_PART.match(p)] or parts
            fields = [
                ("author", v) if kind == "text" and _personish(v) else (kind, v)
                for p in parts
                for kind, v in self.classify(p, ref)
            ]  # ("Choi Song Min | Daily NK | 2013-03-04": a known family name is the author)
            if fields and all(kind not in ("text", "skip") for kind, _ in fields):
                return fields
        low = f.casefold()
        m = c.field_re.match(f)
        if m is not None:
            kind = c.field_kinds.get(" ".join(m.group("label").casefold().split()).rstrip("."))
            value = m.group("value").strip()
            if kind == "title":
                return [("title", value)]
            if kind == "author":
                return [("author", value)]
            if kind == "outlet":
                return [("outlet", self.registry.resolve(value.strip(" .")))]
            if kind == "date":
                d = parse_date(value, ref)
                return [("date", d)] if d is not None else [("text", f)]
            if kind == "number":
                return [("number", f)]
        if _URL.fullmatch(f):
            return [("url", f.rstrip(".,;)"))]
        d = parse_date(f.strip("()[] "), ref)  # "(8/27/2012)"
        if d is None and (prefix := _date_prefix().match(f)) is not None:
            d = parse_date(f[prefix.end() :].strip("()[] "), ref)  # "Posted on March 4, 2013"
        if d is None and f[-1:] in ")]" and (wd := _WEEKDAY_NOTE.search(f, max(0, len(f) - 14))):
            d = parse_date(f[: wd.start()].strip("()[] "), ref)  # "May 5, 2011 (Thursday)"
        if d is not None:
            return [("date", d)]
        if c.number_re.search(f) and len(f) <= 80:
            return [("number", f.strip(" ."))]
        if "ransl" in low[:40] and _TRANSLATOR_LINE.match(f):
            return [("skip", None)]  # "Translated by Owen Pike": who translated it, no field
        if low.startswith("by ") or low.startswith("by:"):
            if (staff := self._by_outlet(f)) is not None:
                # "By Ishida Kenji / Kyodo": the writer beside the outlet signing it
                parts = _OUTLET_PARTS.split(strip_by(f)) if _has_outlet_parts(f) else []
                writers = [
                    p.strip(" .")
                    for p in parts
                    if looks_like_name(p.strip(" .")) and self._outlet_of(p) is None
                ]
                if writers:
                    return [("author", ", ".join(writers)), ("outlet", staff)]
                return [("outlet", staff)]  # "By UPI Staff", "By Yonhap": the outlet signs it
            return [("author", f)]
        kb = _KIND_BY.match(f)
        if kb is not None and " ".join(kb.group("kind").casefold().split()) in c.byline_kinds:
            name = kb.group("name").strip(" .")
            if looks_like_name(name):
                return [("author", name)]  # "Press Statement by Kim Su-ji"
        if f[:1] in "([" and f[-1:] in ")]" and len(f.split()) <= 4 and c.update_re.match(f):
            return [("skip", None)]  # "(UPDATE BELOW)": a note of the blogger's, no field
        site = _SITE_LINE.match(f)
        if site is not None:
            # "Ministry of Unification web site": the site's owner is the outlet
            host = site.group("host").strip()
            got = self._outlet_of(host)
            if got is not None or (
                len(host.split()) > 1 and _institutional(host, c.is_affiliation)
            ):
                return [("outlet", got or self.institution(host))]
        if f[0] in "([" and is_acknowledgement(f):
            return [("skip", None)]  # "(via One Free Korea)": an acknowledgement, no source
        if len(f) <= 12 and _PAGE.fullmatch(f.rstrip(" .")):
            return []  # "p. 2" after an endnote's date: where in the source, no field of it
        if "," in f and f[-1:].isalnum():
            head, _, page = f.rpartition(",")
            if _PAGE.fullmatch(page.strip()) and (paper := self._outlet_of(head)) is not None:
                return [("outlet", paper)]  # "Washington Post, Page A18": the page is no field
        outlet = self._outlet_of(_bare(f))
        if outlet is None and f.rstrip(" .")[-1:] == "]":
            outlet = self._outlet_of(f.strip(" ."))  # "Rodong Sinmun [Workers' Newspaper]"
        if outlet is None and (bare := untailed(f)) is not f:
            # "U.S. Department of the Treasury press release", "KCTV on YouTube"
            outlet = self._outlet_of(bare)
            if outlet is None and _institutional(bare, c.is_affiliation):
                outlet = self.institution(bare)
            if outlet is not None:
                return [("outlet", outlet.model_copy(update={"raw": f.strip(" .")}))]
        if outlet is None and not _personish(f):
            # a near miss of a known outlet ("Choson Ilbo") before the name shape reads a person
            near = self.registry.resolve(f.strip(" ."))
            outlet = near if near.match == "fuzzy" else None
        if outlet is not None:
            if f[-1:].isdigit() and (date := last_date(f, ref)) is not None and date.start > 0:
                head = f[: date.start].strip(" ,–—-/|")
                if not f[date.end :].strip() and (got := self._outlet_of(_bare(head))):
                    return [("outlet", got), ("date", date)]  # "Yonhap News Agency / May 5, 2011"
            if f.rstrip(" .")[-1:] == ")" and (note := _EDITION_NOTE.search(f.rstrip(" ."))):
                # "The New York Times (Kim Hyun-soo)", "Reuters (by Name)": the outlet's writer
                inner = note.group(0).strip(" ()")
                writer = strip_by(inner).strip(_AUTHOR_EDGE)
                by = inner[:3].casefold() in ("by ", "by:")
                if (_personish(writer) or (by and looks_like_name(writer))) and (
                    self._outlet_of(writer) is None
                ):
                    return [("outlet", outlet), ("author", writer)]
            return [("outlet", outlet)]
        if any(ch.isdigit() for ch in f[-12:]) or (
            f[-1:] == ")" and _WEEKDAY_NOTE.search(f, max(0, len(f) - 14)) is not None
        ):
            # "Korea Times, 3/14/2008": a known outlet (or an author) and a date on one line
            date = last_date(f, ref)
            after = f[date.end :] if date is not None else ""
            if date is not None and (not after.strip(" .,)") or _WEEKDAY_NOTE.fullmatch(after)):
                # ("The Asahi Shimbun, May 5, 2011 (Thursday)": the weekday is the date's)
                head = f[: date.start].strip(" ,–—-")
                got = self._outlet_of(_bare(head))
                if got is not None:
                    return [("outlet", got), ("date", date)]
                first_field, _, names = head.partition(",")
                if (
                    names
                    and (known := self._outlet_of(first_field)) is not None
                    and _names(names, c.is_affiliation)
                ):  # "Hankyung, Lee Jae-won, 2019-03-01": the outlet, its writer, the date
                    return [("outlet", known), ("author", names.strip()), ("date", date)]
                if _names(head, c.is_affiliation) is not None:
                    return [("author", head), ("date", date)]
                sep = f[len(head) : date.start]
                if head and any(x in sep for x in (",", "–", "—", " - ", "(")):
                    return [("text", head), ("date", date)]  # "Title – June 2nd, 2009"
        if len(f) <= 60 and (lead := CITATION_DATE_RE.match(f)) is not None and lead.end() < len(f):
            # "Mar. 4, 2006 yomiuri": a date, then a known outlet, as a sign-off of its own
            got = self._outlet_of(f[lead.end() :].strip(" ,.;–—-"))
            opening = parse_date(lead.group(0), ref) if got is not None else None
            if opening is not None and got is not None:
                return [("date", opening), ("outlet", got)]
        if "," in f:
            # "Lee Hyun-woo, Korea Institute for National Unification": author and affiliation
            head, _, tail = f.partition(",")
            if (
                "," not in tail
                and looks_like_name(head.strip())
                and not is_place(head)
                and (paper := self._outlet_of(_bare(tail.strip(" .")))) is not None
            ):
                return [("author", head.strip()), ("outlet", paper)]  # "Sue Terry, New York Times"
            if looks_like_name(head.strip()) and c.is_position(tail):
                # "Kim Dae-sung, Visiting Fellow" (, "Foreign Policy, Center for X Studies":
                # the first institution after the positions publishes the paper)
                org = next(
                    (p for p in tail.split(",") if _institutional(p, c.is_affiliation)), None
                )
                if org is not None:
                    return [("author", head.strip()), ("outlet", self.institution(org))]
                return [("author", f)]
            first = tail.split(",")[0]  # "Center for …, Riverside University": the first body
            if looks_like_name(head.strip()) and _institutional(first, c.is_affiliation):
                return [("author", head.strip()), ("outlet", self.institution(first))]
        elif len(f) <= 80 and f.count(" ") >= 3 and c.is_position(f):
            # "Korea Herald correspondent Kim Ji-hyun": the outlet, its position, the writer
            src = ParsedSource()
            self._fill_authors(f, src)
            if (
                _known(src.outlet)
                and src.authors
                and not any(i.code == DiagnosticCode.LEFTOVER_TEXT for i in src.issues)
            ):
                return [("outlet", src.outlet), ("author", ", ".join(a.name for a in src.authors))]
        return [("text", f)]

    def parse_fields(
        self, fields: list[str], ref: dt.date | None = None, *, outlet_hint: Outlet | None = None
    ) -> ParsedSource | None:
        """Read field lines in any order and subset (title / author / outlet / date / number).

        Unlabelled text lines are placed by position: the first is the title unless it reads as a
        person's name and another text line can be the title; a name-shaped text line after the
        title is its author; what is left names the outlet when none did. None when the lines
        hold no field at all.
        """
        src = ParsedSource()
        texts: list[str] = []
        authors: list[str] = []
        seen = False
        first_text_before_outlet = False  # a headline leads its block: "Title" / "Outlet" / …
        for f in fields:
            for kind, value in self.classify(f, ref):
                seen = seen or kind not in ("skip", "text")
                if kind == "title" and src.title is None:
                    src.title = normalise_title(value)
                    src.quoted_title = True
                elif kind == "author":
                    authors.append(value)
                elif kind == "outlet" and src.outlet is None:
                    first_text_before_outlet = bool(texts) and not authors
                    src.outlet = value
                elif kind == "date" and src.date is None:
                    src.date = value
                elif kind == "number" and src.number is None:
                    src.number = value
                elif kind == "url" and src.url is None:
                    src.url = value
                elif kind == "text":
                    texts.append(value)
        if src.outlet is None and src.url is not None:
            self._apply_urls([src], [src.url])  # a link line names the outlet by its domain
        aff = cues().is_affiliation
        if src.outlet is None:
            inst = next((t for t in texts if _institutional(t, aff)), None)
            if inst is not None:  # "Institute for Far Eastern Studies (IFES)"
                src.outlet = self.institution(inst)
                texts = [t for t in texts if t is not inst]
        if src.title is None and texts:
            # a lone name-shaped line with nothing else to be the title is an author (unless
            # another line already named the author: "Sanctions and Their Limits" is a title)
            if (
                len(texts) == 1
                and not authors
                and _names(texts[0], aff) is not None
                and _namey(texts[0])
                # a title-case line first, before the outlet, is the headline ("Trade Fair
                # Opens" / "Yonhap" / date) unless it is plainly a person ("By …", "Kim Min")
                and not (
                    first_text_before_outlet
                    and src.outlet is not None
                    and not _personish(texts[0])
                    and not texts[0].casefold().startswith("by")
                    and len(split_authors(texts[0])) < 2
                )
            ):
                authors.append(texts.pop(0))
            elif texts:
                if (
                    len(texts) > 1
                    and not authors
                    and _personish(texts[0])
                    and not _personish(texts[1])
                ):
                    authors.append(texts.pop(0))  # "Kim Min" / "Rice Prices Soar": the person first
                src.title = normalise_title(_unquote(texts.pop(0)))
                src.quoted_title = True
        rest = texts
        if not authors and rest:
            # "By …", a known family name or two joined names decide between a person and an
            # unknown outlet ("The Moscow Times", "Peterson Institute" are no people)
            named = [
                t for t in rest
                if _names(t, aff) is not None and not aff(t) and not t.startswith("The ")
            ]  # fmt: skip
            people = [t for t in named if _personish(t) or len(_names(t, aff) or ()) > 1]
            if (
                not people
                and len(named) == 1
                and (len(rest) > 1 or src.outlet is not None or _namey(named[0]))
            ):
                people = named
            if people:
                authors.append(people[0])
                rest = [t for t in rest if t is not people[0]]
        if src.outlet is None and rest:
            raw = rest.pop(0).strip(" .")
            src.outlet = self._outlet_of(raw) or self.registry.resolve(raw)
        for a in authors:
            names = _names(a, aff) or []
            src.authors.extend(_author(n) for n in names)
        if rest:
            src.issues.append(
                Issue(
                    DiagnosticCode.BLOCK_FIELD_UNREAD,
                    f"block lines read as no field: {'; '.join(rest)!r}",
                    Severity.INFO,
                )
            )
        if src.outlet is None and outlet_hint is not None:
            src.outlet = outlet_hint
        if not (seen or src.title or src.outlet):  # (an institution alone is a field)
            return None
        return src

    def parse_block(
        self,
        lines: list[str],
        ref: dt.date | None = None,
        *,
        outlet_hint: Outlet | None = None,
        title_only: bool = False,
    ) -> ParsedLine | None:
        """Parse a labelled block: a label line ("Full article:", "Source:", "Read the full story
        here:") then title / author / outlet / date / number lines in any order and subset.
        ``title_only``: a "Full article:" block giving only a title is enough (its lead-in
        names the outlet)."""
        if not lines:
            return None
        m = cues().label_re.match(lines[0].strip())
        if m is None:
            return None
        form = cues().label_form(m.group("label"))
        rest_first = lines[0].strip()[m.end() :].strip()
        fields = ([rest_first] if rest_first else []) + [
            ln.strip() for ln in lines[1:] if ln.strip()
        ]
        if len(fields) == 1:
            one = self.parse_line(fields[0], ref)
            if one is not None:
                one.form = form
                return one
        src = self.parse_fields(fields, ref, outlet_hint=outlet_hint)
        if src is None:
            return None
        known = src.outlet is not None and src.outlet.match != "unknown"
        if not (
            (src.title and (src.date or known or (src.outlet and src.authors)))
            or (src.date and (known or src.authors))  # "Source:" / "KCNA" / "3/10/2009"
            or (src.url and known)  # "Read the full story here:" / a link to a known outlet
            or (title_only and form == "full-article" and src.title and src.quoted_title)
        ):
            return None  # "Source: own calculations" over a paragraph names no article
        return ParsedLine(form, [self._finish(src)], [])


_PROSE_WORDS = 25
"""More words than an unbracketed "Source:" line's fields ever hold with no quoted title."""

_TAIL_BY = regex.compile(
    r"^by\s+(?P<names>.+?)(?:\s+(?:in|for|at|of)\s+(?:the\s+)?(?P<rest>\p{Lu}.*))?$",
    regex.IGNORECASE,
)
"""A byline after the title ("by Jeongmin Kim", "by Jeongmin Kim in NK News")."""


_HOSTED_AT = regex.compile(
    r"\bat\s+(?:the\s+)?(?P<host>\p{Lu}[^,;:()]*?)"
    r"(?:\s+(?:web\s*page|web\s*site|site|homepage|page))?\s*[.!]?\s*$"
)
"""The host named by a link line ("Read here at the Brookings Institution web page")."""
_SITE_LINE = regex.compile(
    r"^(?:the\s+)?(?P<host>\p{Lu}[^,;:()]*?)\s+(?:web\s*site|web\s*page|homepage)\s*\.?$",
    regex.IGNORECASE,
)
"""A line naming a web site by its owner ("Ministry of Unification web site")."""
_KIND_BY = regex.compile(r"^(?P<kind>[\p{L}\- ]{3,30}?)\s+by\s+(?P<name>\p{Lu}.{2,60})$")
"""A document kind and its author ("Press Statement by Kim Su-ji")."""


def _may_have_site(title: str) -> bool:
    """Whether `_SITE_SEP` can match near the end of a normalised title (its whitespace runs
    are single spaces): a C-speed test before the pattern."""
    return _SITE_HINT.search(title, max(0, len(title) - 64)) is not None


_SITE_HINT = re.compile(r" [|\-–—:»] ")


def _may_join(text: str) -> bool:
    """Whether `_AND` can split the text: an ampersand, or "and" in any case."""
    return "&" in text or "nd" in text or "ND" in text or "nD" in text or "Nd" in text


@functools.lru_cache(maxsize=65536)
def _paper(name: str) -> bool:
    """A piece of an author slot naming an organisation, not a person: two words or more ending
    in an outlet's head word ("Tokyo Shimbun"), or an acronym that is no family name ("KOTRA")."""
    words = name.split()
    if len(words) > 1:
        return words[-1] in cues().outlet_heads
    w = name.strip(" .")
    return len(w) >= 3 and w.isupper() and w.isalpha() and w.casefold() not in korean_surnames()


_DANGLING_CREDIT = regex.compile(
    r"\s+(?:reprinted|republished|reposted|quoted|cited|carried|translated)\s+(?:by|in)$|"
    r"\s+via$",
    regex.IGNORECASE,
)
"""A field closing on a credit whose name is gone ("Nanfang Daily reprinted by": the
reprinting site's name was a link the archive dropped)."""


_KNOWN = ("exact", "alias")


_PAGE = re.compile(
    r"(?:(?:pp?|pages?|pg|paras?|paragraphs?|§§?|S)\.?\s*[A-Z]?\d{1,4}[A-Z]?"
    r"(?:\s*[-–]\s*[A-Z]?\d{1,4})?|\d{1,3}(?:\s*[-–~]\s*\d{1,3})?\s*면)",
    re.I,
)
"""A page or paragraph locator standing as a field ("p. 3", "Page A18", "pp. 4–5", "para. 45",
German "S. 2", Korean "2면", "1-3면"): where, not what."""
_TAIL_LOCATOR = re.compile(
    r"(?<=\)):\s*\d{1,4}\s*[-–]\s*\d{1,4}\s*$"
    r"|, (?:pp?|pages?|pg|paras?|§§?)\.?\s*[A-Z]?\d{1,4}[A-Z]?(?:\s*[-–]\s*[A-Z]?\d{1,4})?\s*$",
    re.I,
)
"""A page range or locator closing the fields after a title (", pp. 33-41", "49(3): 45–67"): cut before
the date is looked for, so that a year or season before it still reads."""
_VOLUME = re.compile(r"^(?P<name>\D+?)\s+(?P<number>\d{1,4}\s*\(\s*\d{1,4}(?:[-–/]\d{1,4})?\s*\))$")
"""A journal's name with its volume and issue ("Asian Survey 49(3)")."""
_HEAD_YEAR = re.compile(r"\s*\((?P<year>(?:1[89]|20)\d\d)[a-z]?\)\s*[.,:]?\s*$")
"""An author-date year closing the author slot ("Smith, Hazel (2015)")."""


def _outlet_heads(parsed: list[ParsedSource]) -> list[ParsedSource]:
    """ "(Source: Sino-NK; Name, *Title*, 16 February 2014)": a part naming only an outlet
    (no title, writer or date) before a part naming none is that part's outlet, no source of
    its own."""
    out: list[ParsedSource] = []
    for p in parsed:
        prev = out[-1] if out else None
        if (
            prev is not None
            and p.outlet is None
            and prev.outlet is not None
            and prev.title is None
            and prev.date is None
            and not prev.authors
            and (p.title is not None or p.date is not None)
        ):
            out[-1] = p
            p.outlet = prev.outlet
            continue
        out.append(p)
    return out


def _drop_notes(segs: list[str], src: ParsedSource) -> list[str]:
    """The comma fields without notes on the source's language or format ("in Korean", "PDF":
    `source_notes` in markers.toml) and page locators ("Page A18"), said in an info."""
    if len(segs) < 2:
        return segs
    notes = source_notes()
    kept = [
        g
        for g in segs
        if g.strip(" ()[]").casefold() not in notes
        and not _PAGE.fullmatch(g.strip(" ."))
        and not ("by " in g and g.strip(" ()[]").casefold().startswith(_relay_notes()))
    ]
    if len(kept) < len(segs):
        dropped = ", ".join(g.strip() for g in segs if g not in kept)
        src.issues.append(
            Issue(DiagnosticCode.LEFTOVER_TEXT, f"a note on the source: {dropped!r}", Severity.INFO)
        )
    return kept


def _take_number(
    segs: list[str], src: ParsedSource, outlet_of: Callable[[str], Outlet | None] | None = None
) -> list[str]:
    """The comma fields without a report's or issue's number, which goes to ``src.number``
    ("NK Brief No. 08-6-17-1", "Vol. 15 No. 3", "S/2013/337", "CRS Report RL30123"); a known
    publisher's name or acronym opening the number's field stays a field of its own ("KINU
    Online Series CO 13-08": the outlet KINU and the number)."""
    if src.number is not None or not any(_DIGIT.search(s) for s in segs):
        return segs  # (most slots: the date is already cut out, no digit is left)
    number_re = cues().number_re
    kept: list[str] = []
    for seg in segs:
        if (
            src.number is None
            and len(seg) <= 80
            and _DIGIT.search(seg)
            and (number_re.search(seg) or _DOC_CODE.fullmatch(seg))
        ):
            src.number = seg.strip(" .")
            head, _, rest = seg.strip().partition(" ")
            if outlet_of is not None and rest and not _DIGIT.search(head) and outlet_of(head):
                kept.append(head)
                src.number = rest.strip(" .")
            continue
        kept.append(seg)
    return kept


def _known(outlet: Outlet | None) -> bool:
    """Whether an outlet is a registry one (exact or alias match)."""
    return outlet is not None and outlet.match in _KNOWN


"""The matches by which a registry lookup names a known outlet."""


def _may_locate(text: str) -> bool:
    """Whether `_TAIL_LOCATOR` can match (literal checks before the pattern)."""
    return ", p" in text or ", P" in text or "):" in text or ", §" in text


def _may_link(text: str) -> bool:
    """Whether `_URL` can match: "://" or a "w." of "www." (literal checks before the pattern)."""
    return "://" in text or "w." in text or "W." in text


def _has_outlet_parts(text: str) -> bool:
    """Whether `_OUTLET_PARTS` can split the text (literal checks before the pattern)."""
    return (
        "/" in text
        or "-" in text
        or "–" in text
        or "—" in text
        or "|" in text
        or "&" in text
        or "via" in text
        or "Via" in text
        or "VIA" in text
        or "and" in text
        or "And" in text
        or "AND" in text
    ) and bool(_OUTLET_PARTS.search(text))


def _unquote(text: str) -> str:
    """A title line's surrounding quotation marks dropped."""
    t = text.strip()
    if len(t) > 2 and t[0] in DOUBLE_QUOTES + SINGLE_OPEN and t[-1] in DOUBLE_QUOTES + SINGLE_CLOSE:
        return t[1:-1]
    return t


def _names(text: str, affiliation: Callable[[str], bool]) -> list[str] | None:
    """The personal names of an author line ("A and B", "By A", "A, Some Institute"), or None."""
    t = strip_by(text.strip()).strip(" .")
    if not t:
        return None
    if "," in t:
        head, _, tail = t.partition(",")
        if (affiliation(tail) or cues().is_position(tail)) and looks_like_name(head.strip()):
            t = head.strip()
    names = split_authors(t)
    if names and all(looks_like_name(n) for n in names):
        return names
    return None


_SMALL_WORDS = frozenset({"for", "of", "the", "and", "on", "in", "at", "&", "de"})


def _institutional(text: str, affiliation: Callable[[str], bool]) -> bool:
    """A line naming an institution, not a headline: capitalised words with an institution word
    or a trailing acronym ("Korea Development Institute", "… Studies (IFES)")."""
    t = text.strip(" .")
    words = t.split()
    if not 1 <= len(words) <= 10 or not (affiliation(t) or _ACRONYM.search(t)):
        return False
    return all(w[0].isupper() or w in _SMALL_WORDS or w[0] == "(" for w in words)


def _body_name(text: str) -> bool:
    """A short Title Case name that is no person's ("UN Panel of Experts", "Good Friends")."""
    words = text.split()
    return (
        1 < len(words) <= 6
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in ("of", "for", "on", "the", "and") for w in words)
        and not looks_like_name(text)
    )


def _publisher(text: str) -> bool:
    """An unquoted piece that names an institution rather than an article: institutional, and
    closed by an institution word or an acronym ("Korea Development Institute", "… Studies
    (IFES)"), or a short "Ministry of X" ("Bank of Korea"); a title-case headline that merely
    contains such a word ("Bank of Korea Raises Rates") is not."""
    c = cues()
    if not _institutional(text, c.is_affiliation):
        return False
    words = text.strip(" .").split()
    if _ACRONYM.search(text) or c.is_affiliation(words[-1]):
        return True
    return (
        len(words) <= 4 and c.is_affiliation(words[0]) and words[1:2] in (["of"], ["for"], ["on"])
    )


def _namey(text: str) -> bool:
    """A name-shaped line that is more likely a person than a short headline: "By …", a known
    Korean family name, two names joined, or two or three capitalised words."""
    t = text.strip()
    if t.casefold().startswith("by"):
        return True
    names = split_authors(t)
    if len(names) > 1 or _personish(t):
        return True
    return 2 <= len(t.split()) <= 3


_PHRASE_AFTER = regex.compile(
    r" (?!(?:by|in|on|at|via|from|for|and|or|pp?|page|trans|translated|accessed|says|said|"
    r"reports|reported|writes|wrote|notes|noted|claims|claimed|adds|added|according)\b)"
    r"\p{Ll}[^,;()\[\]“”\"\p{Lu}]{0,120}(?=[,;(]|$)"
)
"""Lower-case words continuing a title after a quoted phrase in it, up to the next comma (no
capital: "“Rice up” says Yonhap" is a quotation and its source)."""
_PHRASE_AFTER_OWNED = regex.compile(
    r" (?!(?:by|via|trans|translated)\b)\p{Ll}[^,;()\[\]“”\"]{0,120}"
)
"""The same after a possessive opened the title ("Kim’s “…” at Ryongsong"): any words."""
_PHRASE_BEFORE = regex.compile(r"(?:^|[,:]\s*)(?P<pre>[^,:;()\[\]“”\"]{0,120}?\p{L}['’]s) $")
"""A possessive opening a title before a quoted phrase in it ("Kim Jong-il’s “…” …")."""
_TRANSLATOR_LINE = re.compile(
    r"[(\[]?\s*(?:(?:English|unofficial|rough|my)\s+)?(?:translation|translated|trans\.)"
    r"(?:\s+from\s+(?:the\s+)?\w+)?(?:\s+by\s+|\s*:\s*)[^()\[\];“”\"\d]{1,60}[)\]]?\s*\.?$",
    re.IGNORECASE,
)
"""A translator's credit on a line of its own ("Translated by Owen Pike", "[Translation: …]")."""
_WEEKDAY_NOTE = re.compile(
    r"\s*[(\[](?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[)\]]\s*\.?|\s*[(\[][월화수목금토일月火水木金土日][)\]]",
    re.IGNORECASE,
)
"""A weekday in brackets after a date ("May 5, 2011 (Thursday)", "2011.5.5(목)")."""
_FULL_WIDTH = str.maketrans({"，": ", ", "；": "; ", "：": ": "})
"""Full-width field separators outside the title, read as their ASCII forms."""
_CJK_LABEL = re.compile(
    r"[\u3400-\u9fff\uac00-\ud7af]{1,4}[ \t]?[:：][ \t]*(?=[「『《〈“\"‘'\u3400-\u9fff\uac00-\ud7af])"
)
"""A label in Chinese, Japanese or Korean and its colon opening a line before a title or a name:
"原文：", "원문: " (the original of a translated item)."""
_TRANSLATOR = re.compile(
    r"(?:[.;,]|\s[-–—]|\s)\s*[(\[]?\s*(?:(?:English|unofficial|rough|my)\s+)?"
    r"(?:translation|translated|trans\.)(?:\s+from\s+(?:the\s+)?\w+)?"
    r"(?:\s+by\s+|\s*:\s*)[^()\[\];“”\"\d]{1,60}[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)
"""The translator's credit closing a citation ("[translation by Martin Hale]", ", translated
from the Chinese by …", "— translation: Sino-NK"): who translated it, no field of it."""


def _paper_outlet(src: ParsedSource) -> bool:
    """Whether the source's unlisted outlet reads as a paper by its head word ("Liaoning Daily",
    "辽宁日报": `outlet_heads` in the cue table, `cjk_outlet_heads` in markers.toml)."""
    o = src.outlet
    if o is None or o.match != "unknown":
        return False
    name = (o.raw or o.name).strip(" .,")
    if name.endswith(_cjk_heads()):
        return len(name) > 2 and not any(c in name for c in " ,;")
    return " " in name and _paper(name)


@functools.cache
def _cjk_heads() -> tuple[str, ...]:
    """The last characters of a Chinese, Japanese or Korean paper's name ("日报", "新聞", "일보")."""
    return tuple(load_toml("markers.toml").get("cjk_outlet_heads", []))


_OTHER_LABEL = re.compile(r"[A-Z][a-z]+(?:[ \t][a-z]+){0,2}[ \t]?:[ \t]+(?=[“\"‘'A-Z])")
"""A label of one to three words (capitalised, then lower case) and its colon opening a
parenthesis, before a title or a name: "Translation: ", "Original article: "."""


def _name_list(text: str) -> bool:
    """Two or more personal names of two or three words ("A and B", "A & B", "A / B"), one of
    them with a known East Asian family name, and no institution among them."""
    if len(text) > 120:
        return False
    names = split_authors(text)
    return (
        len(names) >= 2
        and all(looks_like_name(n) and 2 <= len(n.split()) <= 3 for n in names)
        and any(_personish(n) for n in names)
        and not cues().is_affiliation(text)
    )


def _personish(line: str) -> bool:
    """A bare line that reads as a person's name: name-shaped, with a known family name."""
    name = strip_by(line)
    return looks_like_name(name) and family_first(name.split()) is not None


_DATE_WARNINGS = frozenset(
    {DiagnosticCode.DATE_IMPOSSIBLE, DiagnosticCode.DATE_AFTER_POST, DiagnosticCode.DATE_AMBIGUOUS}
)


def _date_severity(code: DiagnosticCode) -> Severity:
    return Severity.WARNING if code in _DATE_WARNINGS else Severity.INFO


def date_issue(issue: DateIssue) -> Issue:
    """A date's diagnostic as a grammar issue, with its severity."""
    return Issue(issue.code, issue.message, _date_severity(issue.code))


_author = make_author
