"""Rule components of the NER pipeline: head-noun institutions, "X Province", and the clean-up.

`RulesComponent` runs after the gazetteer ruler and adds bodies no list names ("Ministry of Light
Industry", "Orascom Telecom", "Minjoo Party"); `FinalizeComponent` runs last and keeps only the
model spans that survive the domain's stop-lists (facility and place heads, currencies, headline
and archive furniture), strips leading "the" and possessives, and adds romanised Korean names.
"""

from __future__ import annotations

import functools
import re

import regex
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .._authors import looks_like_name
from .._data import ambiguous_surnames, korean_surnames, load_toml
from .._gazetteer import INSTITUTION, PERSON, PROVINCE, Gazetteer, default_gazetteer, squash
from ._korean import korean_name_spans

KEEP_MODEL_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT"})
"""Model labels kept (outside the contract) when a caller asks for ``labels="all"``."""

_ABBREV_HEADS = frozenset({"Co", "Corp", "Ltd", "Inc", "Bhd", "Pte", "LLC", "PLC", "JSC", "GmbH"})
_ABBREV_SUFFIXES = frozenset({"Co.", "Corp.", "Ltd.", "Inc.", "Corporation"}) | _ABBREV_HEADS
_DOTTED_HEADS = _ABBREV_HEADS | {"Univ"}
"""Heads written short with a period the name keeps ("… Co.", "Sookmyung Women’s Univ.")."""
"""Legal suffixes that extend any listed body's name ("Hyundai Asan" + "Corp.")."""
_LAW_WORDS = frozenset(("Act", "Law", "Bill"))
_EVENT_WORDS = frozenset(
    ("Cup", "Games", "Olympics", "Championship", "Championships", "Tournament", "Marathon",
     "Festival", "Expo")
)  # fmt: skip
"""Events a listed body's name may open: the event, not the body ("FIFA World Cup")."""
_MEDIA_TAIL = frozenset(("Magazine", "Media", "Online"))
"""Words that, after a listed outlet or body, name its publication or media arm ("Forbes" +
"Magazine", "Reuters" + "Media")."""
_CREDIT = regex.compile(
    r"(?:Photos?|Image|Credit):\s+(?P<a>\p{Lu}[\p{L}.’'\-]*(?:\s\p{Lu}[\p{L}.’'\-]*){1,2})\s?/\s?\p{Lu}"
    r"|(?:Photo|Image)\s?/\s?(?P<b>\p{Lu}[\p{L}.’'\-]*(?:\s\p{Lu}[\p{L}.’'\-]*){1,2})(?![\p{L}/])"
)
"""A photo credit: a name, then a slash and the outlet ("Photo: Andrew Salmon/Asia Times"), or the
outlet's "Photo/" then the name ("AP Photo/Jon Chol Jin")."""
_COMPASS = frozenset(("East", "West", "Northeast", "Southeast", "Northern", "Southern", "Central"))
_INITIALS_PROBE = re.compile(r"[A-Z]\.[A-Z]\. [A-Z][a-z]")
_INITIALS_NAME = regex.compile(
    r"(?<![\p{L}.’'\-])(?P<ini>(?:\p{Lu}\.){2,3})\s(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?![\p{L}\-]|[’']\p{L}|\s+(?:\p{Lu}|of\b|&))"
)
"""Initials written together, then a family name ending the run: "H.S. Foley"."""
_NOT_INITIALS = frozenset(
    ("US", "UN", "UK", "EU", "DC", "NK", "SK", "ROK", "DPRK", "PRC", "USA", "UAE", "USSR", "JP",
     "AM", "PM", "BC", "AD", "NB", "PS", "IE", "EG", "UNSC", "RK", "NY", "LA")
)  # fmt: skip
"""Dotted initials of countries, places and phrases, not of a person ("U.S. Treasury")."""
_CHAPTER_TAIL = frozenset(
    ("Canada", "Australia", "Japan", "Germany", "France", "Italy", "Sweden", "Switzerland",
     "Ireland", "Scotland", "UK", "USA", "International", "Worldwide", "Deutschland")
)  # fmt: skip
"""Countries after a listed body that name its national branch ("World Vision Canada")."""
_COMMA_SUFFIXES = frozenset({"Inc", "Ltd", "LLC", "PLC", "Co"})
"""Legal suffixes written after a comma ("Navigators Group, Inc.")."""
_COMPANY_TAIL = frozenset({"Industrial", "Development", "Industry", "International", "Investment"})
"""Words that, with the company heads, extend a listed company's name ("Hongxiang" +
"Industrial Development")."""


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def _institution_rule(gaz: Gazetteer) -> regex.Pattern[str]:
    heads = "|".join(sorted(gaz.heads | _DOTTED_HEADS, key=len, reverse=True))
    word = (
        r"(?:(?!(?:" + heads + r")[’']s\b|No\.?\s?\d)(?:\p{Lu}(?:[\p{L}\-]|[’'](?!s\b)(?=\p{Ll}))*"
        r"|\p{Lu}\d\p{Lu}+)(?:[’']s|s[’'])?"
        r"|\d{1,2}(?:st|nd|rd|th)|(?<=\b(?:" + _MONTHS + r")\s)\d{1,2})"
    )  # a McCune-Reischauer apostrophe inside a word ("Wo’nsan"); a date names an enterprise
    # ("February 8 Vinalon Complex", "May 11 Factory")
    pre = r"(?:" + word + r"\s+(?:&\s+(?=\p{Lu}))?){0,8}"  # "Hyundai Engineering & Construction"
    tail = (
        r"(?:\s+(?:of|for|on)\s+(?:the\s+)?"
        + word
        + r"(?:\s+(?:(?:and|of|for|on|&)\s+(?:the\s+)?)?"
        + word
        + r"){0,5}"
        r")?(?:\s+No\.?\s?\d{1,4}(?!\d|[.,\-/]\d))?"  # a numbered body: "Association No. 2",
        # "College of Education No. 2"
    )
    return regex.compile(
        r"(?<![\p{L}\-]|\p{L}[’'])(?P<pre>"
        + pre
        + r")(?P<head>(?:"
        + heads
        + r"))(?:(?=[’']s\b)|(?![\p{L}]|[’']\p{L}))(?P<tail>"
        + tail
        + r")",
        regex.VERSION1,
    )


_PROVINCE_RULE = regex.compile(
    r"(?<![\p{L}\-])(?:(?:North|South)\s+)?\p{Lu}[\p{Ll}'’\-]+(?:\s+\p{Lu}[\p{Ll}'’\-]+)?\s+Province\b"
)
_OTHER_CASE = regex.compile(
    r"(?<![\p{L}\-’'])(?:\p{Lu}{4,}(?:-\p{Lu}{2,})*|\p{Lu}+(?:-\p{Lu}[\p{L}]*)+)(?![\p{L}\-])"
)
"""A word in capitals ("YONHAP", "DEMOCRAT-GAZETTE") or a hyphenated name in mixed case
("ITAR-Tass"): a listed one-word name in another case."""
_OTHER_CASE_PROBE = re.compile(r"[A-Z]{4}|[A-Z]-[A-Z]")
"""A quick test for `_OTHER_CASE` candidates (most paragraphs have none)."""
_COORD_PROBE = re.compile(r"(?:North|South|N\.|S\.)\s+(?:and|&)\s")
_COORD_PROVINCE = regex.compile(
    r"(?<![\p{L}\-])(?:North|South|N\.|S\.)\s+(?:and|&)\s+(?P<b>North|South|N\.|S\.)\s+"
    r"(?P<stem>\p{Lu}[\p{Ll}’'\-]+)(?:\s+[Pp]rovinces?\b)?"
)
_TIME_WORDS = frozenset(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December", "Today", "Yesterday", "Tomorrow")
)  # fmt: skip
_TITLE_CASE_SMALL = frozenset(("And", "Or", "Of", "In", "On", "At", "To", "For", "With", "By"))
_NEXT_WORD = regex.compile(r"[ \t]+(\p{Lu}\p{L}*)")
_ORDINAL = regex.compile(r"\d+(?:st|nd|rd|th)")
_ORDINAL_WORDS = frozenset(
    (
        *("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"),
        *("Ninth", "Tenth", "Eleventh", "Twelfth"),
    )
)  # "the Eighth Congress of the Workers’ Party" is a congress, not the US Congress
_WORD = regex.compile(r"\S+")
_NAME_PART = regex.compile(r"[^ \-]+")
_AND_BEFORE = regex.compile(r"(?<![\p{L}’'])(?P<words>(?:\p{Lu}[\p{L}\-]*\s+){1,2})(?:and|&)\s+$")
_LIST_AND_BEFORE = regex.compile(
    r"(?<![\p{L}’'])(?P<words>(?:(?:\p{Lu}[\p{L}\-]*\s+){0,3}\p{Lu}[\p{L}\-]*,\s+){1,4}"
    r"(?:\p{Lu}[\p{L}\-]*\s+){1,2})(?:and|&)\s+$"
)
"""Subject words listed with commas, then joined by "and", before an organ's head."""
_DETERMINERS = frozenset(
    ("the", "a", "an", "its", "their", "his", "her", "our", "next", "last", "each")
)
_DISCOURSE_ADVERBS = frozenset(
    (
        *("Furthermore", "Moreover", "However", "Meanwhile", "Nevertheless", "Nonetheless"),
        *("Instead", "Still", "Thus", "Therefore", "Hence", "Indeed", "Besides", "Otherwise"),
        *("Accordingly", "Consequently", "Finally", "Also", "Then", "Now", "Today", "Later"),
    )
)


def _adverb(word: str) -> bool:
    """A sentence's opening adverb ("Furthermore", "Additionally"), not a one-word name."""
    return word in _DISCOURSE_ADVERBS or (word.endswith("ly") and len(word) > 5)


_MISSIONS = frozenset(("Embassy", "Consulate"))
_FIRM_ENDS = frozenset(("Company", "Corporation", "JVC", "Co.", "Corp.", "Ltd", "Ltd.", "Inc."))
"""Heads that end a firm's full name: a listed firm's name before them is part of it."""
_DEMONYM = regex.compile(r"(?:ese|[aei]an|ish)$")
_ADJECTIVAL = regex.compile(r"(?:ese|[aei]an|ish)$|(?<!\S)\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$")
"""A tail word that modifies a common noun after it: a demonym ("Sino-North Korean border") or a
region's compound ("of the Asia-Pacific region")."""
"""The ending of an adjective of nationality ("Korean", "Chinese", "Sino-Russian", "Turkish")."""
_NOT_SUBJECT = frozenset(
    ("Any", "Which", "What", "Whose", "Same", "Following", "Such", "Own", "Entire", "Whole",
     "Current", "Latest", "Recent", "Photo", "Image", "See", "Update", "Original", "Related",
     "Full", "More", "Few", "One", "Two", "Three", "Your", "Old", "Big", "Small", "Large")
)  # fmt: skip
"""Words of a place-led name that are no subject ("Pyongyang Other School" is no name)."""
_BYLINE_NAME = (
    r"\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}’'\-]+(?:\p{Lu}\p{Ll}+)?){1,2}"
)
_BYLINE = regex.compile(
    r"(?P<lead>^|[—–|\-]\s*|\*\*\s*|,\s*|(?<=\S)\s)[Bb]y\s+(?P<names>"
    + _BYLINE_NAME
    + r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
    + _BYLINE_NAME
    + r")*)\s*(?P<end>$|[,|*—–(])"
)
"""A byline on a short line: "— by Tomasz Wrobel", "May 2, 2019, by A. Name, B. Name and C.
Name—", or a reading list's "Title by In Ho Park" (mid-line only when the names end the line)."""
_BYLINE_ONE = regex.compile(_BYLINE_NAME)
_LIST_NAME_RE = r"\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*){1,2}"
_LIST_NAME = regex.compile(_LIST_NAME_RE)
_NAME_LIST = regex.compile(
    r"\s*"
    + _LIST_NAME_RE
    + r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
    + _LIST_NAME_RE
    + r")+\s*"
)
"""A line that is only names joined by commas and "and": a byline without "By"."""
_CAPS_BYLINE = regex.compile(
    r"\s*(?P<name>\p{Lu}{2,}(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}{2,}){1,2})(?:\s*$|\s+(?!\p{Lu}{2,}\b)\S)"
)
"""A name in capitals opening a line, then the line's end or a word not in capitals."""
_RULING = frozenset(("ruling", "governing"))
"""Adjectives between an organ's "of the" and its party: "… of the ruling Workers' Party"."""
_CHAIRS = frozenset(("Chair", "Chairperson", "Co-Chair", "Vice-Chair"))
"""Posts that, like a title, open a model body with "of" ("the Chair of the Federation");
not titles before a name ("Co-Chair Emeritus" is no person)."""
_CAPS_NAME = r"\p{Lu}{2,}(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}{2,}){1,2}"
_BY_CAPS = regex.compile(
    r"(?<!\p{L})(?:By|BY)\s+(?P<a>" + _CAPS_NAME + r")(?!\s*\p{Lu}{2})"
    r"(?:\s+in\s+\p{Lu}[\p{L}\-]+(?:,\s+\p{Lu}[\p{L}\-]+)?)?"
    r"(?:\s+(?:and|AND)\s+(?P<b>" + _CAPS_NAME + r")(?!\s*\p{Lu}{2}))?(?![\p{L}.])"
)
"""A byline in capitals after "By", and a second name after "and" ("in Place" may follow each)."""
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;]\s+|[“\"(]\s*|^\s*[\-*•–—]\s+)$")


def _text(doc: Doc) -> str:
    """The Doc's text, computed once (``Doc.text`` rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("cg_text")
    if text is None:
        text = doc.user_data["cg_text"] = doc.text
    return str(text)


def _headline(doc: Doc) -> bool:
    """`is_headline` of the Doc's text, computed once."""
    flag = doc.user_data.get("cg_headline")
    if flag is None:
        flag = doc.user_data["cg_headline"] = is_headline(_text(doc))
    return bool(flag)


def _furniture(doc: Doc, gaz: Gazetteer) -> bool:
    """`is_furniture` of the Doc's text, computed once."""
    flag = doc.user_data.get("cg_furniture")
    if flag is None:
        flag = doc.user_data["cg_furniture"] = is_furniture(_text(doc), gaz)
    return bool(flag)


def _sentence_initial(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, pos - 4) : pos]))


class _Owners:
    """Non-overlapping spans by the tokens they cover: overlap queries cost the span's length,
    not the number of spans (a long paragraph may hold hundreds)."""

    def __init__(self, n: int, spans: list[Span]) -> None:
        self.at: list[Span | None] = [None] * n
        for sp in spans:
            self.add(sp)

    def overlapping(self, sp: Span) -> list[Span]:
        out: list[Span] = []
        for o in self.at[sp.start : sp.end]:
            if o is not None and (not out or out[-1] is not o):
                out.append(o)
        return out

    def add(self, sp: Span) -> None:
        self.at[sp.start : sp.end] = [sp] * len(sp)

    def remove(self, sp: Span) -> None:
        for t in range(sp.start, sp.end):
            if self.at[t] is sp:
                self.at[t] = None

    def spans(self) -> list[Span]:
        out: list[Span] = []
        for o in self.at:
            if o is not None and (not out or out[-1] is not o):
                out.append(o)
        return out


class _GazetteerBacked:
    """A pipeline component driven by a gazetteer's tables (the packaged one unless given)."""

    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self._gaz = gaz

    @property
    def gaz(self) -> Gazetteer:
        """The gazetteer whose tables drive the component."""
        if self._gaz is None:
            self._gaz = default_gazetteer()
        return self._gaz

    @gaz.setter
    def gaz(self, value: Gazetteer) -> None:
        self._gaz = value
        self._tables_changed()

    def _tables_changed(self) -> None:
        """Drop whatever was compiled from the previous gazetteer."""


class RulesComponent(_GazetteerBacked):
    """Head-noun institutions and "X Province" spans, added where the gazetteer found nothing."""

    def __init__(self, gaz: Gazetteer | None = None) -> None:
        super().__init__(gaz)
        self._inst: regex.Pattern[str] | None = None
        self._folded: dict[str, tuple[str, str]] | None = None

    def _tables_changed(self) -> None:
        self._inst = None
        self._folded = None

    @property
    def folded(self) -> dict[str, tuple[str, str]]:
        """One-word body names by their casefolded form → (form, id), for names written in
        another case ("YONHAP", "DEMOCRAT-GAZETTE"; "ITAR-Tass" for "ITAR-TASS"); built once per
        gazetteer."""
        if self._folded is None:
            g = self.gaz
            out: dict[str, tuple[str, str]] = {}
            for e in g.entries:
                if e.label != INSTITUTION:
                    continue
                for f in e.forms:
                    if (
                        " " not in f
                        and len(f) >= 4
                        and f[:1].isupper()
                        and f not in g.unexplained_words
                        and f not in g.not_entities
                    ):
                        out.setdefault(f.casefold(), (f, e.id))
            self._folded = out
        return self._folded

    @property
    def inst(self) -> regex.Pattern[str]:
        """The head-noun regex (built once per gazetteer)."""
        if self._inst is None:
            self._inst = _institution_rule(self.gaz)
        return self._inst

    def __call__(self, doc: Doc) -> Doc:
        self._drop_short_after_given(doc)
        self._join_organs(doc)
        text = _text(doc)
        new: list[Span] = self._extended(doc)
        new.extend(self._organs_after_acronym(doc))
        if _OTHER_CASE_PROBE.search(text) and not _furniture(doc, self.gaz):
            new.extend(self._other_case(doc))  # (not in ALL-CAPS headings and tag lines)
        if self.gaz.head_probe.search(text):
            for m in self.inst.finditer(text):
                span = self._institution(doc, m)
                if span is not None:
                    new.append(span)
        new.extend(self._appositive(doc))
        if ", Inc" in text or ", Ltd" in text or ", LLC" in text:
            new.extend(self._legal_named(doc, text))
        if "Province" in text:
            for m in _PROVINCE_RULE.finditer(text):
                words = m.group().split()
                if words[0] in self.gaz.stop_first:
                    continue
                begin = m.start()
                if len(words) > 2 and words[0].endswith(("’s", "'s")):
                    begin += len(words[0]) + 1  # a possessor: "China's Liaoning Province"
                span = doc.char_span(begin, m.end(), label=PROVINCE, alignment_mode="contract")
                if span is not None:
                    span.id_ = "rule:province"
                    new.append(span)
        if _COORD_PROBE.search(text):
            new.extend(self._coordinated_provinces(doc))
        if not new:
            return doc
        existing = list(doc.ents)
        owners = _Owners(len(doc), existing)
        keep: list[Span] = []
        for sp in new:
            clash = owners.overlapping(sp)
            # a name the gazetteer knows on the left (a person, a province) ends where the body
            # begins: "Kim Jong Un Visits Sinpo Shipyard Management Bureau"
            left = [e for e in clash if e.start <= sp.start < e.end < sp.end - 1]
            left += [e for e in clash if sp.start < e.start and e.end < sp.end - 1]
            left = [e for e in left if not self._swallows(doc, sp, e)]
            if left and sp.label_ == INSTITUTION and sp.id_ == "rule:institution":
                cut = max(e.end for e in left)
                while cut < sp.end - 1 and doc[cut].lower_ in ("and", "&", ","):
                    cut += 1
                if (
                    cut < sp.end - 2
                    and doc[cut].text in ("’s", "'s")
                    and doc[cut + 1].is_title
                    and doc[cut + 1].text not in self.gaz.stop_first
                    and any(
                        t.is_title
                        and self._distinctive(t.text)
                        and t.text not in self.gaz.unexplained_words
                        for t in doc[cut + 1 : sp.end - 1]
                    )
                ):  # a distinctive name after a possessor: "Orascom’s Ora Bank" is Ora Bank,
                    # "BOK’s National Accounts Team" the team (not "RFA’s Korean Service")
                    cut += 1
                start = doc[cut]
                if (
                    cut < sp.end - 1
                    and start.is_alpha
                    and start.is_title
                    and start.text not in self.gaz.stop_first
                ):  # never past a possessive: "RFA’s Korean Service" is RFA's
                    sp = Span(doc, cut, sp.end, label=INSTITUTION, span_id=sp.id_)
                    clash = owners.overlapping(sp)
            # a rule span may swallow gazetteer spans it strictly contains ("North Hwanghae
            # Provincial Party Committee", "Dandong Hongxiang … Company"), never a person
            if all(self._swallows(doc, sp, e) for e in clash):
                keep.append(sp)
        if keep:
            in_keep = bytearray(len(doc))
            for k in keep:
                in_keep[k.start : k.end] = b"\x01" * len(k)
            covered = [e for e in existing if not all(in_keep[e.start : e.end])]
            doc.ents = filter_spans(covered + keep)
            # "WPK" + the rule's "Organization Guidance Department"; an organ "of" its body is
            # one name however each part was found: "Planning and Finance Department of the
            # Chosun Workers’ Party"
            self._join_organs(doc)
        return doc

    def _legal_named(self, doc: Doc, text: str) -> list[Span]:
        """A name before a legal suffix written after a comma is a company: "two entrepreneurs
        from Liferay, Inc." (its first word no stop word: "The", "From" are dropped)."""
        out: list[Span] = []
        for m in _LEGAL_NAMED.finditer(text):
            words = m.group("name").split()
            start = m.start("name")
            while words and (words[0] in self.gaz.stop_first or words[0] in self.gaz.places):
                start += len(words.pop(0)) + 1
            if not words or any(w in self.gaz.not_entities for w in words):
                continue
            span = doc.char_span(start, m.end(), label=INSTITUTION, alignment_mode="contract")
            if span is not None:
                span.id_ = "rule:institution"
                out.append(span)
        return out

    def _other_case(self, doc: Doc) -> list[Span]:
        """A one-word body's name in capitals or another case ("[AP/YONHAP]", "COMPILED BY
        DEMOCRAT-GAZETTE STAFF", "ITAR-Tass") is that body."""
        out: list[Span] = []
        text = _text(doc)
        for m in _OTHER_CASE.finditer(text):
            end = m.end()
            hit = self.folded.get(m.group().casefold())
            nxt = _NEXT_WORD.match(text, end) if m.group().isupper() else None
            if nxt is not None:  # a lead's first word in capitals: "RUSSIAN Railways (RZD) …"
                two = self.gaz.institution_index.get(m.group().title() + " " + nxt.group(1))
                if two is not None and " " not in nxt.group().strip():
                    hit, end = (two.canonical, two.id), nxt.end()
            if hit is None or hit[0] == m.group() or (hit[0].isupper() and m.group().isupper()):
                continue  # (an acronym's form in capitals is matched as written)
            span = doc.char_span(m.start(), end, label=INSTITUTION)
            if span is not None and all(t.ent_iob_ == "O" for t in span):
                span.id_ = hit[1]
                out.append(span)
        return out

    def _coordinated_provinces(self, doc: Doc) -> list[Span]:
        """Two provinces sharing their name ("North and South Hwanghae Provinces") are one
        PROVINCE span, the plural "Provinces" included."""
        out: list[Span] = []
        for m in _COORD_PROVINCE.finditer(_text(doc)):
            entry = self.gaz.province_index.get(f"{m.group('b')} {m.group('stem')}".casefold())
            if entry is None:
                continue
            span = doc.char_span(m.start(), m.end(), label=PROVINCE, alignment_mode="contract")
            if span is not None:
                span.id_ = "rule:province"
                out.append(span)
        return out

    def _join_organs(self, doc: Doc, of_body: bool = True) -> None:
        """A body, then one of its organs, is one body: "Korean Workers’ Party" + "International
        Department", "Workers’ Party" + "Central Committee"; so is an organ "of" its body:
        "Central Committee of Workers’ Party" (spans never nest)."""
        ents = list(doc.ents)
        out: list[Span] = []
        subs = self.gaz.sub_heads
        for e in ents:
            prev = out[-1] if out else None
            if (
                prev is not None
                and e.label_ == INSTITUTION
                and prev.label_ == INSTITUTION
                and not doc[prev.end - 1].text.endswith(("’s", "'s"))
                and (
                    (
                        prev.end == e.start
                        and doc[prev.end - 1].whitespace_ == " "
                        and (
                            doc[e.end - 1].text in subs
                            # an organ named head first: "KDI" + "Office of the … Studies"
                            # and its publication: "KDI" + "Review of the North Korean Economy"
                            or (
                                len(e) > 2
                                and (e[0].text in subs or e[0].text in _serial_heads())
                                and e[1].lower_ == "of"
                            )
                        )
                    )
                    or (
                        of_body
                        and (
                            doc[prev.end - 1].text in subs
                            # an organ named head first: "Office of Foreign Assets Control"
                            # + "of the" + "US Treasury Department"
                            or (len(prev) > 2 and prev[0].text in subs and prev[1].lower_ == "of")
                        )
                        and doc[prev.end].lower_ == "of"
                        and (
                            e.start == prev.end + 1
                            or (e.start == prev.end + 2 and doc[prev.end + 1].lower_ == "the")
                            # "Central Committee of the ruling Workers' Party of Korea"
                            or (
                                e.start == prev.end + 3
                                and doc[prev.end + 1].lower_ == "the"
                                and doc[prev.end + 2].lower_ in _RULING
                            )
                        )
                    )
                )
            ):
                out[-1] = Span(
                    doc, prev.start, e.end, label=INSTITUTION, span_id="rule:institution"
                )
            else:
                out.append(e)
        if len(out) != len(ents):
            doc.ents = out

    def _drop_short_after_given(self, doc: Doc) -> None:
        """A listed short name right after a capitalised word is someone else's family name:
        "Edward Yoon" is not Yoon Suk Yeol (the model then reads the whole name)."""
        g = self.gaz
        ents = list(doc.ents)
        keep = [
            e
            for e in ents
            if not (
                e.label_ == PERSON
                and len(e) == 1
                and e.text in g.person_short
                and e.start > 0
                and doc[e.start - 1].is_title
                and doc[e.start - 1].is_alpha
                and doc[e.start - 1].ent_iob_ == "O"
                and doc[e.start - 1].text not in g.unexplained_words
                and doc[e.start - 1].text not in g.person_titles
            )
        ]
        if len(keep) != len(ents):
            doc.ents = keep

    def _organs_after_acronym(self, doc: Doc) -> list[Span]:
        """An organ named right after its body's bracketed initials is a body: "Supreme People’s
        Assembly (SPA) Presidium", "Korean People’s Army [KPA] General Staff"."""
        out: list[Span] = []
        n = len(doc)
        for ent in doc.ents:
            k = ent.end
            if (
                ent.label_ != INSTITUTION
                or k + 3 >= n
                or doc[k].text not in ("(", "[")
                or doc[k + 2].text not in (")", "]")
                or not (doc[k + 1].is_upper and doc[k + 1].is_alpha)
                or doc[k + 3].ent_iob_ != "O"
            ):
                continue
            j = k + 3
            run = 0
            while j + run < n and run < 4 and doc[j + run].is_title and doc[j + run].is_alpha:
                if doc[j + run].ent_iob_ != "O":
                    break
                run += 1
            while run and doc[j + run - 1].text not in self.gaz.sub_heads:
                run -= 1
            if run:
                out.append(Span(doc, j, j + run, label=INSTITUTION, span_id="rule:institution"))
        return out

    def _appositive(self, doc: Doc) -> list[Span]:
        """Names the text says are bodies: "Good Friends, a Buddhist relief group", "the magazine
        Rimjin-gang", "NK Insight Weekly, a Seoul magazine"."""
        g = self.gaz
        out: list[Span] = []
        for m in g.appositive_rule.finditer(_text(doc)):
            key = next(k for k in "abcd" if m.group(k))
            start, end = m.start(key), m.end(key)
            if key == "d" and ". " in m.group(key):  # a sentence ends the name
                end = start + m.group(key).index(". ") + 1
            if _text(doc)[end - 1] == "." and _text(doc)[start : end - 1].rsplit(None, 1)[
                -1
            ] not in (
                _DOTTED_HEADS
            ):  # a sentence's full stop: "… the analytics firm Windward." (not "… Co.")
                end -= 1
            words = _text(doc)[start:end].split()
            while words and (words[0] in g.stop_first or words[0] in g.person_titles):
                start = _text(doc).index(words[1], start) if len(words) > 1 else end
                words = words[1:]
            if not words or all(w in g.unexplained_words for w in words):
                continue
            person = self._person_of(words)
            if person:  # "Kwon Tae-jin of the GS&J Institute, an agricultural think tank"
                sp = doc.char_span(start, start + len(" ".join(words[:person])), label=PERSON)
                if sp is not None:
                    out.append(sp)
                cut = person + (2 if words[person + 1 : person + 2] == ["the"] else 1)
                start = _text(doc).index(words[cut], start + len(" ".join(words[:cut])))
                words = words[cut:]
            if (
                len(words) == 1
                and (key == "c" or (key == "a" and _adverb(words[0])))
                and _sentence_initial(_text(doc), start)
            ):  # "- Average monthly charges": an adjective, not "X magazine"; "Furthermore,
                # the organization …": an adverb (not "Meari, a propaganda outlet")
                continue
            if (
                words[0] in g.places
                or words[0] in g.not_entities
                or " ".join(words) in g.not_entities  # "the North Korea website"
                or _TIME_WORDS & set(words)
                or (key == "d" and all(w in g.generic_org_words or w in _COMPASS for w in words))
            ):
                continue  # "China on Sunday, an unnamed trading company"; "correspondent for
                # East Asia" is a beat
            span = doc.char_span(start, end, label=INSTITUTION, alignment_mode="contract")
            if span is None or any(t.ent_type_ == PERSON for t in span):
                continue
            span.id_ = "rule:institution"
            out.append(span)
        return out

    def _person_of(self, words: list[str]) -> int:
        """How many words of a name open it as a person's name before "of" ("Michael Rank of
        the Guardian, a newspaper"), or 0: the body is what follows "of"."""
        g = self.gaz
        if "of" not in words[2:-1]:
            return 0
        k = words.index("of")
        name = words[:k]
        if (
            k < 2
            or k > 3
            or any(  # ("Friends of the Children of …": one word is no name)
                w in g.heads or w in g.generic_org_words or not w[:1].isupper() for w in name
            )
        ):
            return 0
        return k if looks_like_name(" ".join(name)) else 0

    def _company(self, doc: Doc, ent: Span) -> Span | None:
        """A listed company's name written with its home place or more of its legal name:
        "Dandong" + "Hongxiang", "Liaoning" + "Hongxiang" + "Industrial Group", "Hyundai Asan"
        + "Corp." (a place or province before a listed company, then capitalised company
        words after it; after a body that is no company only a legal suffix: "Air Koryo"
        + "Trading Corporation" is another body)."""
        g = self.gaz
        entry = g.by_id.get(ent.id_)
        if entry is None:
            return None
        company = entry.canonical.rsplit(None, 1)[-1] in g.company_heads
        tail = _COMPANY_TAIL | g.company_heads if company else _ABBREV_SUFFIXES | _MEDIA_TAIL
        end = ent.end
        while end < len(doc) and doc[end].text in tail and doc[end - 1].whitespace_:
            end += 1
        if (
            end == ent.end
            and end < len(doc)
            and doc[end].text in _CHAPTER_TAIL
            and doc[end - 1].whitespace_
            and not (end + 1 < len(doc) and doc[end + 1].is_title)
            and not any(t.text in _CHAPTER_TAIL for t in ent)
        ):  # a body's national branch: "World Vision" + "Canada"
            end += 1
        start = ent.start
        if company and start > 0 and doc[start - 1].whitespace_:
            prev = doc[start - 1]
            if prev.text in g.places or (prev.ent_type_ == PROVINCE and prev.ent_iob_ == "B"):
                start -= 1  # (a one-word province: "Liaoning")
        if (start, end) == (ent.start, ent.end):
            return None
        return Span(doc, start, end, label=INSTITUTION, span_id="rule:company")

    def _extended(self, doc: Doc) -> list[Span]:
        """Known bodies cut short: one distinctive capitalised word right before a gazetteer
        institution belongs to its name ("Chosun" + "Workers’ Party"); see also `_company`."""
        out: list[Span] = []
        g = self.gaz
        headline = _headline(doc)
        for ent in doc.ents:
            if ent.label_ != INSTITUTION or headline:
                continue
            if ent.id_:
                comp = self._company(doc, ent)
                if comp is not None:
                    out.append(comp)
                    continue
            if ent.start == 0:
                continue
            country = _country_before(_text(doc), ent.start_char)
            if country is not None:  # "United States" + "Department of the Treasury"
                span = doc.char_span(
                    country.start(), ent.end_char, label=INSTITUTION, alignment_mode="contract"
                )
                if span is not None and _country_prefix(span[: ent.start - span.start]):
                    # the listed body's id and canonical name: "DPRK Foreign Trade Bank" is
                    # the Foreign Trade Bank
                    listed = ent.id_ and not ent.id_.startswith("rule:")
                    span.id_ = ent.id_ if listed else "rule:institution"
                    out.append(span)
                continue
            prev = doc[ent.start - 1]
            word = prev.text
            if (
                prev.ent_iob_ != "O"
                or not word.isalpha()
                or not word[:1].isupper()
                or word.isupper()
                or (word in g.unexplained_words and word not in g.name_forming)
                or prev.is_stop
                or word in _ORDINAL_WORDS
                or word[:-1] in g.not_entities  # "South Koreas National Assembly": a possessive
                # a one-word listed name that is also a word: "Victorious Fatherland Liberation"
                or (len(ent) == 1 and ent.text.istitle() and word not in g.name_forming)
                or prev.whitespace_ != " "
                or (word not in g.name_forming and _sentence_initial(_text(doc), prev.idx))
            ):  # a sentence's first word is capitalised anyway: "Contact NK News reporters"
                continue
            span = Span(doc, ent.start - 1, ent.end, label=INSTITUTION)
            span.id_ = "rule:institution"
            out.append(span)
        return out

    def _swallows(self, doc: Doc, sp: Span, e: Span) -> bool:
        """A rule span may swallow a province it contains ("North Hwanghae Provincial Party
        Committee"), a known body it extends by one distinctive leading word ("Chosun
        Workers’ Party") or by one strong head ("Dandong Customs Authority"); otherwise the
        gazetteer wins."""
        if not (sp.start <= e.start and e.end <= sp.end and len(sp) > len(e)):
            return False
        if e.label_ == PROVINCE or sp.id_ in ("rule:company", e.id_):  # (or the body, longer)
            return True
        g = self.gaz
        if (
            e.label_ == INSTITUTION
            and e.start == sp.start
            and sp[-1].text in _FIRM_ENDS
            and all(t.is_title or t.text in ("-", "&") or t.is_upper for t in doc[e.end : sp.end])
        ):
            # a listed firm, more words and a company's head: "Lotte" + "Tours Co.",
            # "RasonConTrans" + "Joint-Venture Company", "RasonConTrans" + "JVC"
            return True
        if e.label_ == INSTITUTION and any(
            t.lower_ in ("of", "for", "on") and doc[t.i - 1].text in g.heads
            for t in sp[1 : e.start - sp.start]
        ):  # a listed name inside a body's "of" tail: "Institute of" + "Foreign Affairs" (a
            # magazine) + "& National Security"
            return True
        if (
            e.label_ == INSTITUTION
            and sp[-1].text in g.sub_heads
            and e.end < sp.end
            and all(t.is_title or t.text in (",", "and", "&") for t in doc[e.end : sp.end])
        ):  # an organ whose subject words hold a listed name: "Foreign Affairs" + ", Trade and
            # Unification Committee"
            return True
        if (
            e.label_ == INSTITUTION
            and e.start == sp.start
            and e.end < sp.end
            and doc[e.end].text == ","
            and (sp[0].text in _field_list_heads() or sp[0].text in g.sub_heads)
            and all(t.is_title or t.text in (",", "and", "&") for t in doc[e.end : sp.end])
        ):  # a listed body whose fields go on with commas: "Ministry of Culture" + ", Sports
            # and Tourism"
            return True
        k = e.start - 1
        if k > sp.start and doc[k].lower_ == "the":
            k -= 1
        if (
            e.label_ == INSTITUTION
            and e.end == sp.end
            and k > sp.start
            and doc[k].lower_ == "of"
            and doc[k - 1].text in self.gaz.sub_heads
        ):  # an organ "of" a known body: "Presidium of the SPA", "Humanitarian Division of
            # the Swiss Agency for Development and Cooperation"
            return True
        if (
            e.label_ == INSTITUTION
            and e.start == sp.start
            and sp.end - e.end == 1
            and sp[-1].text in self.gaz.heads
            and sp[-1].text not in self.gaz.weak_heads
        ):  # a listed body and one more head: "Dandong Customs" + "Authority"
            return True
        if (
            e.label_ == INSTITUTION
            and e.end == sp.end
            and _COUNTRY_BEFORE.fullmatch(sp[: e.start - sp.start].text_with_ws)
        ):  # a country's name before a known body: "U.S." + "Department of State"
            return True
        if (
            e.label_ == INSTITUTION
            and e.text in _COUNTRY_WORDS
            and (
                (e.end == sp.end - 1 and sp[-1].text in self.gaz.heads)
                or (e.start == sp.start and e.end < sp.end)
            )
        ):  # the UN's organ: "Chinese UN Mission", "U.N." + "… Panel of Experts"
            return True
        if e.label_ != INSTITUTION or e.end != sp.end or e.start - sp.start != 1:
            return False
        word = sp[0].text
        return (
            (
                word in self.gaz.name_forming
                or (word not in self.gaz.generic_pre and word not in self.gaz.generic_org_words)
            )
            and word not in self.gaz.places
            and word.isalpha()
            and not _headline(doc)
        )

    def _and_joined(self, doc: Doc, start: int) -> int:
        """Where an organ's name starts when its subject words are joined by "and": "Propaganda
        and Agitation Department", "WPK Publicity and Information Department", or listed with
        commas first: "Foreign Affairs, Trade and Unification Committee"."""
        g = self.gaz
        lo = max(0, start - 80)
        rules = (_LIST_AND_BEFORE, _AND_BEFORE) if "," in _text(doc)[lo:start] else (_AND_BEFORE,)
        for rule in rules:
            m = rule.search(_text(doc), lo, start)
            if m is None:
                continue
            words = m.group("words").replace(",", " ").split()
            if not any(
                w in g.places or w in g.not_entities or w in g.stop_first or w in g.heads
                or w in g.person_titles or w.endswith(("’s", "'s"))
                for w in words
            ):  # fmt: skip
                return m.start("words")
        return start

    def _distinctive(self, word: str) -> bool:
        """A word that can name a body before a weak head (not generic, a place or an ordinal)."""
        g = self.gaz
        return not (
            word in g.generic_pre
            or word in g.places
            or word in g.heads
            or word.endswith(("’s", "'s"))
            or _ORDINAL.fullmatch(word)
        )

    def _place_and_subject(self, words: list[str]) -> bool:
        """A place, then subject words, then a weak head: "Pyongyang Machinery College"."""
        g = self.gaz
        return (
            len(words) >= 2
            and words[0] in g.places
            and all(
                w.isalpha()
                and w.istitle()
                and w not in g.places
                and w not in g.stop_first
                and w not in g.not_entities
                and w not in _NOT_SUBJECT
                for w in words[1:]
            )
        )

    def _after_possessor(self, words: list[str]) -> list[str]:
        """Drop a possessor before the name: "Seoul’s Dongguk University" is Dongguk University."""
        g = self.gaz
        cut = 0
        for i, w in enumerate(words):
            if not w.endswith(("’s", "'s")):
                continue
            for j in range(i + 1):
                owner = " ".join([*words[j:i], w[:-2]])
                if owner in g.places or owner in g.not_entities or owner in g.generic_pre:
                    cut = i + 1
                    break
        return words[cut:]

    def _institution(self, doc: Doc, m: regex.Match[str]) -> Span | None:
        g = self.gaz
        pre_words = m.group("pre").split()
        last = len(pre_words) - 1
        verbs = [
            i
            for i, w in enumerate(pre_words)
            if (w in g.headline_verbs and not (i == last and w in g.heads))
            or (i and w in _TITLE_CASE_SMALL)
        ]  # (a head noun right before the head is no verb: "Lotte Tours Co.")
        if verbs:  # "Premier Inspects Ryongsong Machine Complex", "Banking And Finance"
            pre_words = pre_words[verbs[-1] + 1 :]
        while pre_words and (
            (  # a title-like word that also forms names stays right before the head:
                # "vice general director of the General Bureau of Software Industry"
                pre_words[0] in g.stop_first
                and not (len(pre_words) == 1 and pre_words[0] in g.name_forming)
            )
            or (pre_words[0].isupper() and len(pre_words[0]) > 5)
            or (  # a byline's family name in capitals: "DAVID R. CHOI Hanul Institute"
                pre_words[0].isupper()
                and pre_words[0].casefold() in korean_surnames()
                and len(pre_words) > 1
                and not pre_words[1].isupper()
            )
        ):
            pre_words.pop(0)
        if (
            len(pre_words) > 2
            and pre_words[1] in ("Korean", "Koreas")
            and pre_words[0] in ("North", "South")
        ):  # a nationality: "the North Korean National Security Agency"; a possessive without
            # its apostrophe: "South Koreas National Assembly"
            pre_words = pre_words[2:]
        head, tail = m.group("head"), m.group("tail")
        end = m.end()
        if tail and _text(doc)[end : end + 2].strip()[:1].islower() and _ADJECTIVAL.search(tail):
            # "… Agency on the Sino-North Korean border": the tail's words modify a common noun;
            # what comes before them stays ("Ministry of Energy of the Russian project")
            tail_toks = list(_WORD.finditer(_text(doc), m.start("tail"), end))
            first = next(i for i, t in enumerate(tail_toks) if _ADJECTIVAL.search(t.group()))
            links = [i for i in range(first) if tail_toks[i].group() in ("of", "for", "on")]
            tail_toks = tail_toks[: links[-1]] if links else []
            if tail_toks:
                end = tail_toks[-1].end()
                tail = _text(doc)[m.start("tail") : end]
            else:
                tail, end = "", m.end("head")
        if tail and all(
            w in _TIME_WORDS or w in _SMALL_WORDS or _ORDINAL.fullmatch(w) for w in tail.split()
        ):  # "… Factory on Monday", "… University on September 17th": a date, not a name's tail
            tail, end = "", m.end("head")
        if tail.lstrip().startswith("No") and head in _serial_heads():
            tail, end = "", m.end("head")  # an issue's number: "North Korea Daily No. 417"
        if tail.endswith(_STATE_TAILS) and " of " in tail[4:]:
            # the state's name after a body stays outside it: "General Bureau of Software
            # Industry of the DPRK" (a listed full name, "Foreign Trade Bank of the DPRK", is
            # the gazetteer's)
            cut_at = tail.rindex(" of ")
            tail, end = tail[:cut_at], m.start("tail") + cut_at
        cut = _TAIL_TIME.search(tail) if tail else None
        if cut is not None and cut.start() > 0:  # "… on Foreign Relations on Tuesday"
            tail, end = tail[: cut.start()], m.start("tail") + cut.start()
        first = m.start("head")
        if pre_words:  # the first kept word (leading "The", "Minister"… were dropped)
            toks = [t.start() for t in _WORD.finditer(_text(doc), m.start("pre"), m.start("head"))]
            first = toks[len(toks) - len(pre_words)] if len(toks) >= len(pre_words) else first
        country = _country_before(_text(doc), first)
        if country is not None and head in g.weak_heads and head not in _state_heads():
            country = None  # "U.S. Seafood Supply Chain": an industry, not a body
        if not pre_words and not tail and country is None:
            return None
        after = _NEXT_WORD.match(_text(doc), m.end())
        if after and after.group(1) in g.stop_heads:
            return None  # "Mansudae Assembly Hall", "Party Congress": a place or an event
        # a weak head needs one distinctive word: "Minjoo Party", "Anshan Steel", not
        # "Provincial Party", "North Korean Coal", "8th Party", "China’s Group"
        pre_words = self._after_possessor(pre_words)
        if (
            head in g.weak_heads
            and not tail
            and country is None
            and not (_COUNTRY_WORDS & set(pre_words) and head in _state_heads())
            # a nationality's mission: "the Russian Embassy", "the Chinese Consulate"
            and not (head in _MISSIONS and pre_words and _DEMONYM.search(pre_words[-1]))
            # "US Embassy", "Chinese UN Mission" (not "U.S. Seafood")
            and not any(map(self._distinctive, pre_words))
            and not self._place_and_subject(pre_words)
        ):
            return None
        if not pre_words and not tail and country is None:
            return None
        start = m.start("head")
        if pre_words:  # the first kept word (leading "The", "Minister"… were dropped)
            toks = [t.start() for t in _WORD.finditer(_text(doc), m.start("pre"), m.start("head"))]
            start = toks[len(toks) - len(pre_words)] if len(toks) >= len(pre_words) else start
            if head in g.sub_heads:
                start = self._and_joined(doc, start)
        if country is not None and start == first:
            start = country.start()  # a country's name opens the body's: "U.S. Senate …"
        if (head in g.sub_heads or head in _field_list_heads()) and "," in _text(doc)[
            end : end + 60
        ]:
            # a committee's fields listed with commas: "… Cooperation Committee in Economics,
            # Trade, Science and Technology"
            lt = _LIST_TAIL.match(_text(doc), m.end("head"))
            if (
                lt is not None
                and lt.end() > end
                and not any(
                    w in g.places or w in g.not_entities or w in _TIME_WORDS
                    for w in lt.captures("w")
                )
            ):
                end = lt.end()
        if head in _DOTTED_HEADS and _text(doc)[end : end + 1] == ".":
            end += 1
        span = doc.char_span(start, end, label=INSTITUTION, alignment_mode="contract")
        if span is None:
            return None
        if span.text.isupper() and " " in span.text:
            return None  # ALL-CAPS furniture ("TAGS: KAESONG INDUSTRIAL COMPLEX")
        if span.text in g.not_entities:
            return None  # a country with a head's word: "Soviet Union"
        span.id_ = "rule:institution"
        return span


_STATE_TAILS = (
    " of the DPRK",
    " of DPRK",
    " of the Democratic People’s Republic of Korea",
    " of the Democratic People's Republic of Korea",
    " of North Korea",
)
"""A state's name ending a body's tail (outside the body's name)."""


@functools.cache
def _demonyms() -> frozenset[str]:
    """Adjectives of nationality without a regular ending (ner.toml ``demonyms``): "Welsh"."""
    return frozenset(str(w) for w in load_toml("ner.toml").get("demonyms", []))


@functools.cache
def _field_list_heads() -> frozenset[str]:
    """Heads whose "of" tail may list fields with commas (ner.toml ``field_list_heads``):
    "Ministry of Culture, Sports and Tourism"."""
    return frozenset(str(w) for w in load_toml("ner.toml").get("field_list_heads", []))


_LEGAL_NAMED = regex.compile(
    r"(?<![\p{L}\-’'])(?P<name>\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,3}),\s(?:Inc|Ltd|LLC)"
    r"(?:\.(?=\s|$)|(?![\p{L}.]))"
)
"""A capitalised name, a comma and a legal suffix ("Liferay, Inc.", "Hanul Shipping, Ltd.")."""

_TAIL_TIME = regex.compile(
    r"\s+(?:on|in|at|for|from|since|until|by)\s+(?:the\s+)?(?:"
    + "|".join(sorted(_TIME_WORDS))
    + r"|\d)"
)
"""A date inside a name's tail ends it: "Senate Committee on Foreign Relations on Tuesday"."""
_LIST_FIELD = r"(?P<w>\p{Lu}\p{Ll}+)(?:\s+(?P<w>\p{Lu}\p{Ll}+))?"
_LIST_TAIL = regex.compile(
    r"\s+(?:in|on|for|of)\s+(?:the\s+)?"
    + _LIST_FIELD
    + r"(?:,\s+"
    + _LIST_FIELD
    + r"){1,5},?\s+(?:and|&)\s+"
    + _LIST_FIELD
    + r"(?![\p{L}’'\-])"
)
"""A body's fields listed with commas ("… Committee in Economics, Trade, Science and Technology")."""
_COUNTRY_BEFORE = regex.compile(
    r"(?<![\p{L}.])(?:United\s+States|United\s+Nations|U\.S\.|US|U\.N\.|UN|DPRK|ROK|PRC)\s+$"
)
"""A country's or the UN's name right before a body's is part of it ("U.S. Department of
State", "United States Department of the Treasury", "UN Mission", "DPRK Foreign Trade Bank"); an adjective of
nationality is not ("the North Korean National Security Agency")."""
_COUNTRY_ENDS = ("States ", "Nations ", "U.S. ", "US ", "U.N. ", "UN ", "DPRK ", "ROK ", "PRC ")


def _country_before(text: str, pos: int) -> regex.Match[str] | None:
    """`_COUNTRY_BEFORE` right before ``pos`` (a plain suffix test first: most bodies have none)."""
    if not text.endswith(_COUNTRY_ENDS, max(0, pos - 16), pos):
        return None
    return _COUNTRY_BEFORE.search(text, max(0, pos - 16), pos)


_COUNTRY_WORDS = frozenset(("US", "UN", "U.N.", "U.S.", "United Nations"))


def _country_prefix(pre: Span) -> bool:
    """Whether the words before a body are a country's or the UN's name and nothing else the
    tagger read ("United Nations" + "World Food Programme", "U.S." + "Treasury")."""
    return pre.text in _COUNTRY_WORDS or all(
        t.ent_type_ == INSTITUTION and t.text in _COUNTRY_WORDS for t in pre if t.ent_iob_ != "O"
    )


@functools.cache
def _serial_heads() -> frozenset[str]:
    """Heads of publications: a number after one is an issue's (ner.toml ``serial_heads``)."""
    return frozenset(str(w) for w in load_toml("ner.toml").get("serial_heads", []))


_PLACE_LIKE = frozenset(("GPE", "LOC", "NORP", "ORG"))


@functools.cache
def _family_names() -> frozenset[str]:
    """Korean and Chinese family names (names.toml, cjk_names.toml), as written."""
    chinese = load_toml("cjk_names.toml").get("chinese", [])
    return frozenset(n.capitalize() for n in korean_surnames()) | frozenset(
        str(n).capitalize() for n in chinese
    )


def _listed_with_people(doc: Doc, span: Span) -> bool:
    """A two- or three-word name opening with a Korean or Chinese family name, listed next to a
    model PERSON (", " or "and" between): "Zhou Jianshu, Hong Jinhua and Luo Chuanxu"."""
    if not 2 <= len(span) <= 3 or span[0].text not in _family_names():
        return False
    if not all(t.is_title or "-" in t.text for t in span):
        return False
    for e in doc.ents:
        if e.label_ != PERSON:
            continue
        if e.end == span.start - 1 and doc[e.end].text in (",", "and"):
            return True
        if e.start == span.end + 1 and doc[span.end].text in (",", "and"):
            return True
    return False


@functools.cache
def _portfolio_titles() -> frozenset[str]:
    """Titles whose "of/for" object is a portfolio (ner.toml ``portfolio_titles``)."""
    return frozenset(str(w) for w in load_toml("ner.toml").get("portfolio_titles", []))


def _portfolio(doc: Doc, span: Span, g: Gazetteer) -> bool:
    """A title's portfolio is no body: "Secretary of State", "Under Secretary for Terrorism …",
    "Minister of Railways for North Korea" (one word, or a portfolio "for" its country), unless
    a list names it ("Secretary of the Treasury" keeps the Treasury); a named body there keeps
    its head: "Secretary of the Central Committee")."""
    i = span.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("of", "for") or doc[i - 1].lower_ not in _portfolio_folded():
        return (
            False  # in any case: "Pak Ui Chun, minister of Foreign Affairs", "vice-minister of …"
        )
    return (  # a strong head names a body ("… of the Central Committee"); else a portfolio
        len(span) == 1
        or any(t.lower_ == "for" for t in span)
        or not any(t.text in g.heads and t.text not in g.weak_heads for t in span)
    )


@functools.cache
def _portfolio_folded() -> frozenset[str]:
    """`_portfolio_titles` casefolded (KCNA writes "minister of Foreign Affairs")."""
    return frozenset(t.casefold() for t in _portfolio_titles())


@functools.cache
def _portfolio_name() -> regex.Pattern[str]:
    """A portfolio title, its capitalised object, then a two-word name ending the run."""
    titles = "|".join(sorted(_portfolio_titles(), key=len, reverse=True))
    word = r"\p{Lu}[\p{L}’'\-]*"
    name = r"\p{Lu}\p{Ll}+(?:-\p{L}+)?"
    return regex.compile(
        r"\b(?:" + titles + r")\s+(?:of|for)\s+(?:the\s+)?"
        r"(?:" + word + r"\s+(?:(?:and|of|for|&)\s+)?){1,6}?"
        r"(?P<name>" + name + r"(?:\s+\p{Lu}\.)?\s+" + name + r")(?![\p{L}’'\-]|\s+\p{Lu})"
    )


@functools.cache
def _state_heads() -> frozenset[str]:
    """Weak heads a country's name makes a body's ("US Embassy"; ner.toml ``state_heads``)."""
    return frozenset(str(w) for w in load_toml("ner.toml").get("state_heads", []))


_SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "from", "with",
     "as", "is", "are", "was", "were", "be", "its", "his", "her", "their")
)  # fmt: skip


_INNER_SENTENCE_END = regex.compile(
    r"(?<![\p{L}.](?:Co|Corp|Inc|Ltd|Jr|Sr|St|No|Vol|vs|etc))(?:\d|\p{Ll}{2})[.!?]\s+\S"
)
"""A sentence that ends inside a line ("… on 30 November 2016. Image: Xinhua"): a caption or
prose, not a headline."""


def is_headline(text: str) -> bool:
    """Title Case lines (headlines) mislead the model: most words capitalised, no sentence end."""
    words = [
        w for w in regex.findall(r"[\p{L}][\p{L}'’\-]*", text) if w.casefold() not in _SMALL_WORDS
    ]
    if len(words) < 2 or len(text) > 200 or text.rstrip().endswith((".", "!", ":")):
        return False
    if _INNER_SENTENCE_END.search(text.lstrip(), 4):
        return False  # (past a list number: "1. Background of …" is a heading)
    if text.count(", ") >= 4:
        return False  # a list of names, not a headline: "Jane Roe, School of …, Hanul
        # University, Burwood, Victoria, Australia" (an author's affiliation)
    if len(words) < 4 and not all(w.isupper() for w in words):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.8


def is_furniture(text: str, gaz: Gazetteer) -> bool:
    """Archive furniture: category and tag lines, "ORIGINAL POST", link lists, ALL-CAPS lines."""
    head = text.lstrip(" #*>-–—_").casefold()
    if head.startswith(gaz.furniture_prefixes):
        return True
    words = regex.findall(r"\p{L}{2,}", text)
    return len(words) >= 2 and sum(w.isupper() for w in words) / len(words) >= 0.6


_VESSEL_WORDS = frozenset(
    ("ship", "ships", "vessel", "vessels", "freighter", "tanker", "cargo", "boat", "ferry",
     "trawler", "carrier")
)  # fmt: skip
"""Nouns of ships: a romanised name beside one is a ship's ("the Chong Chon Gang ship")."""
_VESSEL_ENDS = frozenset(("Gang", "Bong", "San", "Ho"))
"""Last words of Korean ships' names (river, peak, mountain, "No."): "the Mu Du Bong"."""
_ADDRESS_ENDS = frozenset(("Lu", "Qu", "Jie", "Dadao", "Hutong", "Cun", "Zhen", "Xiang"))
"""Pinyin words of addresses (road, district, street, village): "Wu Wu Lu 32", "Zhong Shan Qu"."""


def _vessel(doc: Doc, span: Span) -> bool:
    """A ship's name, not a person's: beside a ship's noun ("the Chong Chon Gang ship", "the
    ship, Chong Chon Gang,") or after "the" with a ship name's last word ("the Mu Du Bong")."""
    if span.end < len(doc) and doc[span.end].lower_ in _VESSEL_WORDS:
        return True
    before = doc[max(0, span.start - 2) : span.start]
    if len(before) and before[-1].text == "," and len(before) == 2:
        return before[0].lower_ in _VESSEL_WORDS
    if not len(before) or before[-1].lower_ not in _VESSEL_WORDS | {"the"}:
        return False
    return before[-1].lower_ != "the" or (len(span) > 2 and span[-1].text in _VESSEL_ENDS)


def _address(doc: Doc, span: Span) -> bool:
    """A Chinese address's words, not a person: a pinyin road or district word last, beside a
    house number ("Wu Wu Lu 32", "32-1, Zhong Shan Qu")."""
    if span[-1].text not in _ADDRESS_ENDS:
        return False
    if span.end < len(doc) and doc[span.end].text[:1].isdigit():
        return True
    before = doc[max(0, span.start - 2) : span.start]
    return len(before) == 2 and before[1].text == "," and before[0].text[-1:].isdigit()


def _speaks(doc: Doc, span: Span, gaz: Gazetteer) -> bool:
    """Whether the span is the subject or source of a report ("X said", "according to X")."""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[max(0, span.start - 2) : span.start].text.casefold()
    return after in gaz.reporting_verbs or before.endswith(("according to", "told"))


class FinalizeComponent(_GazetteerBacked):
    """Map model labels onto the contract, drop leading "the", add missed Korean names."""

    def _legal_suffix(self, doc: Doc, span: Span) -> Span:
        """A body's legal suffix after a comma is part of its name: "Navigators Group, Inc.",
        "Hanul Shipping, Ltd." (a body ending in a company head, or a listed one)."""
        end = span.end
        if (
            span.label_ != INSTITUTION
            or end + 1 >= len(doc)
            or doc[end].text != ","
            or doc[end + 1].text.rstrip(".") not in _COMMA_SUFFIXES
            or not (span[-1].text in self.gaz.company_heads or span.id_ in self.gaz.by_id)
        ):
            return span
        return Span(doc, span.start, end + 2, label=INSTITUTION, span_id=span.id_)

    def _initialled(self, doc: Doc, span: Span) -> Span:
        """A listed person's family name after the initial of the listed given name is one
        name: "V. Putin" (not "A. Putin", someone else)."""
        prev = doc[span.start - 1].text
        entry = self.gaz.by_id.get(span.id_)
        if (
            len(prev) == 2
            and prev[0].isupper()
            and entry is not None
            and entry.canonical.startswith(prev[0])
            and not entry.canonical.startswith(span.text)
        ):
            return Span(doc, span.start - 1, span.end, label=PERSON, span_id=span.id_)
        return span

    def _bare(self, doc: Doc, span: Span) -> bool:
        """Whether a span stands bare: no determiner, ordinal or capitalised word before it, no
        "of" after it ("Congress passed", not "the Congress", "8th Party Congress")."""
        if span.end < len(doc) and doc[span.end].lower_ == "of":
            return False
        if span.start == 0:
            return True
        prev = doc[span.start - 1]
        return not (
            prev.lower_ in _DETERMINERS
            or prev.like_num
            or _ORDINAL.fullmatch(prev.text)
            or prev.text in _ORDINAL_WORDS
            or (prev.is_title and not _sentence_initial(_text(doc), prev.idx))
            or prev.is_upper
            or prev.text in ("’s", "'s")
        )

    def _not_entity(self, text: str) -> bool:
        g = self.gaz
        if text in g.not_entities or text in g.places or text.casefold() in g.currencies:
            return True
        parts = regex.split(r"[\-–]", text)
        return len(parts) > 1 and all(p in g.places for p in parts)

    def _owned(self, doc: Doc, span: Span) -> Span:
        """The span after a possessor: "Beijing’s Tsinghua Consultancy" → "Tsinghua …"."""
        g = self.gaz
        for i in range(len(span) - 2, 0, -1):
            if span[i].text in ("’s", "'s"):
                owner = doc[span.start : span.start + i].text
                if owner in g.places or owner in g.not_entities or owner in g.generic_pre:
                    return Span(doc, span.start + i + 1, span.end, label=span.label_)
        return span

    def _model_span(self, doc: Doc, span: Span, furniture: bool) -> Span | None:
        """A model span on the contract labels (or kept as is), or None when it is noise."""
        label, text = span.label_, span.text
        g = self.gaz
        last = span[-1].text
        if self._not_entity(text) or last.casefold() in g.currencies:
            return None
        if last in g.stop_heads and not (
            label == "PERSON" and len(span) > 1 and last.casefold() in korean_surnames()
        ):  # a place's head ends no body, nor a person but a family name: "Jae Hyun Park"
            return None
        if label == "PERSON":
            if furniture:
                return None
            if span[-1].text in ("’s", "'s") and len(span) > 1:
                span = Span(doc, span.start, span.end - 1, label=PERSON)
                text = span.text
            while len(span) > 1 and (
                span[0].text in g.person_titles or span[0].text in g.caption_words
            ):
                # a title or a caption's label is no part of the name: "Chairwoman Hyun" is
                # Hyun, "Photo A. de Souza" is A. de Souza
                span = Span(doc, span.start + 1, span.end, label=PERSON)
                text = span.text
            # one word is not enough evidence ("Rice", a title's first word); short mentions
            # of a full name come back in the document-level step
            if len(span) < 2 or any(c.isdigit() for c in text) or "Korea" in text:
                return None
            if not looks_like_name(text) or any(t.text in g.places for t in span):
                return None
            if _vessel(doc, span) or _address(doc, span):
                return None  # a ship's name or a Chinese address: "the Chong Chon Gang"
            return Span(doc, span.start, span.end, label=PERSON)
        if label == "ORG":
            if furniture or (text.isupper() and len(span) > 1):
                return None
            if span[-1].text in ("’s", "'s") and len(span) > 2:  # "… General Bureau’s (RGB)"
                # (a one-word possessor stays as the model read it: "the North’s")
                span = Span(doc, span.start, span.end - 1, label=span.label_)
                text = span.text
            span = self._owned(doc, span)
            while len(span) > 1 and span[-1].lower_ in ("of", "the", "and", "for", "on", "&"):
                span = Span(doc, span.start, span.end - 1, label=span.label_)  # "… of the"
                if self._not_entity(span.text):  # "Affiliations The" before a listed name
                    return None
            text = span.text
            if len(span) == 1 and text in g.heads:
                return None  # a head alone ("Group" of "Group B") names no body
            if any(c.isdigit() for c in text) and not regex.search(r"\p{L}{3}", text):
                return None
            if not any(c.isupper() for c in text) or text.casefold() == "party":
                return None
            if len(span) == 1 and _sentence_initial(_text(doc), span.start_char):
                return None
            if len(span) == 1 and span.end < len(doc) and doc[span.end].text in g.person_titles:
                return None  # a title's first word: "Defense Minister Kang"
            if (
                len(span) == 1
                and (_DEMONYM.search(text) or text in _demonyms())
                and span.end < len(doc)
                and doc[span.end].is_lower
            ):
                return None  # an adjective of nationality: "a Welsh doctor"
            if (
                len(span) > 2
                and (span[0].text in g.person_titles or span[0].text in _CHAIRS)
                and span[1].text == "of"
            ):
                return None  # a post, not a body: "the Chair of the Federation"
            words = text.split()
            if (
                len(words) > 1
                and words[-1] in g.weak_heads
                and all(w in g.generic_pre or w in g.places for w in words[:-1])
            ):
                return None  # a weak head needs a distinctive word: "Regional Energy"
            # "Public Distribution System" is no body; a name without a body's head needs a
            # speaker's verb: "Crossing Borders said", "according to Liberty in North Korea"
            headless = len(span) > 1 and not any(t.text in g.heads for t in span)
            if headless and not _speaks(doc, span, g):
                return None
            return Span(doc, span.start, span.end, label=INSTITUTION)
        if label in ("GPE", "LOC"):
            entry = g.province_index.get(text.casefold())
            if entry is not None:
                return Span(doc, span.start, span.end, label=PROVINCE, span_id=f"prov:{entry.id}")
            return span
        return span if label in KEEP_MODEL_LABELS else None

    def _by_caps(self, doc: Doc, owners: _Owners) -> None:
        """Names in capitals after "By" (and "and" in the same byline) are people: "BY EDWARD
        WONG", "By CHUN HAN WONG in Dandong, China and JAY SOLOMON in Washington"."""
        g = self.gaz
        for m in _BY_CAPS.finditer(_text(doc)):
            for key in ("a", "b"):
                if m.group(key) is None:
                    continue
                words = [w.title() for w in m.group(key).split()]
                name = " ".join(words)
                if (
                    any(
                        w in g.unexplained_words or w in g.heads or w in _SMALL_WORDS for w in words
                    )
                    or name in g.not_entities
                    or not looks_like_name(name)
                ):
                    continue
                sp = doc.char_span(m.start(key), m.end(key), label=PERSON)
                if sp is not None and not owners.overlapping(sp):
                    sp.id_ = "rule:byline"
                    owners.add(sp)

    def _caps_byline(self, doc: Doc, owners: _Owners) -> None:
        """A name in capitals opening a short line, its last word a Korean family name ("EDWARD
        YOON", "JOHN S. PARK U.S. Institute of Peace"): a byline (papers print them so)."""
        g = self.gaz
        m = _CAPS_BYLINE.match(_text(doc))
        if m is None:
            return
        words = [w.title() for w in m.group("name").split()]
        if (
            words[-1].casefold() not in korean_surnames()
            or words[-1].casefold() in ambiguous_surnames()
            or any(
                w in g.unexplained_words
                or w in g.person_titles
                or w.casefold() in korean_surnames()
                for w in words[:-1]
                if not w.endswith(".")
            )
        ):
            return
        sp = doc.char_span(m.start("name"), m.end("name"), label=PERSON)
        if sp is not None and not owners.overlapping(sp):
            sp.id_ = "rule:byline"
            owners.add(sp)

    def __call__(self, doc: Doc) -> Doc:
        out: list[Span] = []
        g = self.gaz
        furniture = _furniture(doc, g)
        headline = furniture or _headline(doc)
        text = _text(doc)
        titled = "ecretary" in text or "inister" in text  # "Secretary", "vice-minister"
        for ent in doc.ents:
            span = ent
            if span[0].lower_ == "the" and len(span) > 1:
                span = Span(doc, span.start + 1, span.end, label=span.label_, span_id=span.id_)
            if (
                titled
                and span.label_ == INSTITUTION
                and (
                    span.id_.startswith("rule:")
                    # a listed name of two words and no head: "Minister of Foreign Affairs" is
                    # no magazine (one word stays: "Secretary of the Treasury")
                    or (len(span) > 1 and not any(t.text in g.heads for t in span))
                )
                and _portfolio(doc, span, g)
            ):
                continue
            if span.id_.startswith("rule:") and furniture:
                continue  # "Posted in Banking and Finance": a category, not a body
            if (
                len(span) == 2
                and len(span[1].text) == 1
                and span[0].text in g.heads
                and (not span.id_ or span.id_.startswith("rule:"))
            ):
                continue  # a head and a letter name a pool or a class: "Group H", "Team B"
            if span.id_:  # gazetteer or rule
                if span.text in g.bare_only and not self._bare(doc, span):
                    continue
                if span.end < len(doc) and (
                    (
                        doc[span.end].text == "-"
                        and span.start > 0
                        and doc[span.start - 1].text == "-"
                        and not doc[span.start - 1].whitespace_
                        and not doc[span.end - 1].whitespace_
                    )  # inside a compound word: "Kaspersky-Lazarus-infographics"
                    or (span.text.isupper() and doc[span.end].text in _LAW_WORDS)
                    or (  # an event named after its organiser: "FIFA World Cup", "AFC Asian Cup"
                        span.label_ == INSTITUTION
                        and doc[span.end].is_title
                        and (
                            doc[span.end].text in _EVENT_WORDS
                            or (
                                span.end + 1 < len(doc)
                                and doc[span.end + 1].text in _EVENT_WORDS
                                and doc[span.end].whitespace_ != ""
                            )
                        )
                    )
                ):  # a law's initials: "NKHR Act" is no body's "NKHR"
                    continue
                if (
                    span.label_ in (PERSON, PROVINCE)
                    and span.end < len(doc)
                    and doc[span.end].text in g.stop_heads
                ):
                    continue  # "Kim Il Sung Square": a place named after a person; a
                    # province's name before a place's head names the place ("Shandong
                    # Peninsula", "Jilin City")
                if (
                    span.label_ == PERSON
                    and span.start > 0
                    and doc[span.start - 1].text[-1:] == "."
                ):
                    span = self._initialled(doc, span)
                out.append(span)
                continue
            if span.label_ in _PLACE_LIKE and _listed_with_people(doc, span):
                # "Zhou Jianshu, Hong Jinhua and Luo Chuanxu": the model's GPE in a list of people
                span = Span(doc, span.start, span.end, label=PERSON)
            kept = self._model_span(doc, span, headline)
            if kept is not None and not (
                titled and kept.label_ == INSTITUTION and _portfolio(doc, kept, g)
            ):
                out.append(kept)
        if ", " in text and ("Inc" in text or "Ltd" in text or "LLC" in text):
            out = [self._legal_suffix(doc, sp) for sp in out]
        owners = _Owners(len(doc), filter_spans(out))
        # Korean names the model missed or cut short
        for s, e in korean_name_spans(_text(doc)):
            sp = doc.char_span(s, e, label=PERSON, alignment_mode="contract")
            if sp is None or (sp.end < len(doc) and doc[sp.end].text in g.stop_heads):
                continue
            if squash(sp.text) in g.squashed_places:
                continue  # a city named after a person: "Kim Ch’aek" is Kimchaek
            if _vessel(doc, sp) or _address(doc, sp):
                continue  # a ship's name: "the Chong Chon Gang", "the ship, Mu Du Bong,"
            clash = owners.overlapping(sp)
            for o in clash:
                if not o.id_ and o.label_ == INSTITUTION and o.start < sp.start and o.end == sp.end:
                    # a model body ending in a Korean name is a title's object, then the person:
                    # "Director of Administration Jang Song Taek"; a longer rest stays a body
                    owners.remove(o)
                    rest = Span(doc, o.start, sp.start, label=INSTITUTION)
                    if len(rest) > 1 and rest[-1].text in g.heads:
                        owners.add(rest)
            clash = owners.overlapping(sp)
            # the rule wins over model spans, and over shorter person spans of any source
            # ("Ha Yoon Ah" is not the gazetteer's short "Yoon")
            if all(
                (not o.id_ and (o.label_ == PERSON or len(o) < len(sp)))
                or (o.label_ == PERSON and len(o) < len(sp))
                for o in clash
            ):
                sp.id_ = "rule:korean-name"
                for o in clash:
                    owners.remove(o)
                owners.add(sp)
        # a byline's name in capitals opening a short line: "EDWARD YOON", "JOHN S. PARK U.S. …"
        if len(_text(doc)) <= 120 and _CAPS_BYLINE.match(_text(doc)):
            self._caps_byline(doc, owners)
        # a byline in capitals after "By": "BY EDWARD WONG", "By CHUN HAN WONG in Dandong"
        if "BY " in _text(doc) or "By " in _text(doc):
            self._by_caps(doc, owners)
        # a byline: "— by Tomasz Wrobel" on a short line
        if len(_text(doc)) <= 120 and ("by " in _text(doc) or "By " in _text(doc)):
            for m in _BYLINE.finditer(_text(doc)):
                if m.group("lead").isspace() and (m.group("end") or _text(doc)[m.end() :].strip()):
                    continue  # "… supported by X, …": mid-line, only a name list ending the line
                for n in _BYLINE_ONE.finditer(_text(doc), m.start("names"), m.end("names")):
                    words = n.group().split()
                    if any(w in g.unexplained_words or w in g.caption_words for w in words):
                        continue
                    if not looks_like_name(n.group()):
                        continue
                    sp = doc.char_span(n.start(), n.end(), label=PERSON)
                    if sp is None:
                        continue
                    clash = owners.overlapping(sp)
                    if all(not o.id_ for o in clash):  # wins over the model only
                        sp.id_ = "rule:byline"
                        for o in clash:
                            owners.remove(o)
                        owners.add(sp)
        # a line that is only a list of names: a byline without "By" ("Jane Roe, and Ann Lee")
        if len(_text(doc)) <= 100 and ("," in text or " and " in text or "&" in text):
            listed = _NAME_LIST.fullmatch(_text(doc)) is not None
            names = list(_LIST_NAME.finditer(_text(doc))) if listed else []
            if len(names) > 1 and all(
                looks_like_name(n.group())
                and not any(
                    w in g.unexplained_words or w in g.caption_words for w in n.group().split()
                )
                for n in names
            ):
                for n in names:
                    sp = doc.char_span(n.start(), n.end(), label=PERSON)
                    if sp is not None and all(not o.id_ for o in owners.overlapping(sp)):
                        sp.id_ = "rule:byline"
                        for o in owners.overlapping(sp):
                            owners.remove(o)
                        owners.add(sp)
        # a surname after a person's title ("Minister Sabbagh")
        if g.title_rule.search(_text(doc)):
            for t in g.title_rule.finditer(_text(doc)):
                parts = list(_NAME_PART.finditer(t.group("name")))
                words = [w.group() for w in parts]
                end = t.end("name")
                if words[-1].endswith(("’s", "'s")) and len(words[-1]) > 3:
                    # a possessive is no part of the name: "Mr. Lee’s administration" is Lee
                    words[-1] = words[-1][:-2]
                    end -= 2
                verbs = [i for i, w in enumerate(words) if w in g.headline_verbs]
                if verbs and verbs[0] > 0:
                    # a headline's verb ends the name: "Ambassador Liu Makes a Visit"
                    words = words[: verbs[0]]
                    end = t.start("name") + parts[verbs[0] - 1].end()
                if any(w in g.unexplained_words for w in words):
                    continue
                sp = doc.char_span(t.start("name"), end, label=PERSON)
                if sp is None or owners.overlapping(sp):
                    continue
                sp.id_ = "rule:title"
                owners.add(sp)
        if titled and (" of " in text or " for " in text):
            self._after_portfolio(doc, owners)
        if "/" in text and ("Photo" in text or "Image" in text or "Credit" in text):
            self._credit(doc, owners)
        if ". " in text and _INITIALS_PROBE.search(text):
            self._initials_name(doc, owners)
        doc.ents = owners.spans()
        return doc

    def _initials_name(self, doc: Doc, owners: _Owners) -> None:
        """Initials written together, then a family name, are a PERSON: "said H.S. Foley, the
        CEO" (not a country's or a body's initials: "U.S. Treasury", "J.P. Morgan Chase"; not
        before another capitalised word, nor a listed, head or place word)."""
        g = self.gaz
        text = _text(doc)
        for m in _INITIALS_NAME.finditer(text):
            if m.group("ini").replace(".", "") in _NOT_INITIALS:
                continue
            name = m.group("name")
            if (
                name in g.heads
                or name in g.generic_org_words
                or name in g.places
                or name in g.not_entities
                or name in g.unexplained_words
                or name in g.stop_heads
                or name.casefold() in g.currencies
            ):
                continue
            sp = doc.char_span(m.start(), m.end(), label=PERSON)
            if sp is None or owners.overlapping(sp):
                continue
            sp.id_ = "rule:initials"
            owners.add(sp)

    def _credit(self, doc: Doc, owners: _Owners) -> None:
        """A photo credit's name beside its outlet is a PERSON: "Photo: Andrew Salmon/Asia
        Times", "AP Photo/Jon Chol Jin" (a name's words only: no listed, place or head word)."""
        g = self.gaz
        for m in _CREDIT.finditer(_text(doc)):
            start, end = m.span("a") if m.group("a") else m.span("b")
            name = _text(doc)[start:end]
            words = name.split()
            if not looks_like_name(name) or any(
                w in g.unexplained_words or w in g.places or w in g.heads or w in g.caption_words
                for w in words
            ):
                continue
            sp = doc.char_span(start, end, label=PERSON)
            if sp is None:
                continue
            clash = owners.overlapping(sp)
            if any(o.id_ for o in clash):
                continue
            for o in clash:
                owners.remove(o)
            sp.id_ = "rule:byline"
            owners.add(sp)

    def _after_portfolio(self, doc: Doc, owners: _Owners) -> None:
        """A name right after a title's portfolio is a PERSON: "Vice Minister of Commerce Li
        Jinzao", "Under Secretary for Terrorism and Financial Intelligence Stuart Levey" (the
        run's last two words, when they are no head, generic word, place or lower-case word)."""
        g = self.gaz
        text = _text(doc)
        lower: set[str] | None = None
        for m in _portfolio_name().finditer(text):
            words = m.group("name").split()
            if any(
                w in g.unexplained_words or w in g.heads or w.rstrip(".") in g.person_titles
                for w in words
            ) or not looks_like_name(m.group("name")):
                continue
            if lower is None:
                lower = {w.casefold() for w in regex.findall(r"\b\p{Ll}[\p{L}\-]*", text)}
            if any(w.casefold() in lower for w in words):
                continue
            sp = doc.char_span(m.start("name"), m.end("name"), label=PERSON)
            if sp is None:
                continue
            clash = owners.overlapping(sp)
            if any(o.id_ for o in clash):
                continue  # a listed or ruled name stays
            for o in clash:
                owners.remove(o)
            sp.id_ = "rule:title"
            owners.add(sp)
