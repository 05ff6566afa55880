"""Document-level resolution: evidence from the whole document, and entities onto its records.

Runs on citegrab's own records (no spaCy): citation authors and bylines become PERSON, outlets
INSTITUTION; acronyms the text defines ("Institute for Far Eastern Studies (IFES)") tag the long
name and every later "IFES"; a body found once is found wherever its name recurs, and a company's
distinctive first word stands for it ("Orascom"); short person mentions ("Jang") resolve to a full
name; every person gets one canonical name. `attach_entities` then hangs the entities on the
document's posts, quotes and citations.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import dropwhile
from typing import Any

from .._authors import canonical_key
from .._data import korean_surnames, load_toml
from .._gazetteer import INSTITUTION, PERSON, Gazetteer
from .._models import Document, Entity, Span
from .._outlets import OutletRegistry, trie_pattern
from .._scan import Lines

_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&\-]{1,11})\s*\)")
_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w’'\-])[a-z][\w’'\-]*")
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?:;]\s+|[“\"(]\s*|^\s*[\-*•–—]\s+)$")
_NAME_PARTICLES = frozenset(
    ("von", "van", "de", "der", "den", "la", "le", "du", "da", "di", "del", "della", "bin", "al")
)
_GIVEN_BEFORE = re.compile(r"(?:\b[A-Z]\.|\b[A-Z][a-z]+(?:-[a-z]+)?) $")
"""A given name or an initial right before a family name ("John S. Park", "Hyun Park")."""
_SPEAKER = re.compile(r"^[ \t]*([A-Z][A-Z’'\-]{1,24}):[ \t]", re.MULTILINE)
"""A transcript's speaker label: a family name in capitals opening a line ("TOWN: Thanks, …")."""
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "in", "de", "&"})


@functools.cache
def _chinese_surnames() -> frozenset[str]:
    """Chinese family names (cjk_names.toml), casefolded: "Li" of "Li Longxi" is his short name."""
    return frozenset(str(n).casefold() for n in load_toml("cjk_names.toml").get("chinese", []))


@functools.cache
def _after_portfolio() -> re.Pattern[str]:
    """A title whose object is a portfolio, right before a position ("Minister of the "; in
    any case: "minister of Foreign Affairs")."""
    titles = "|".join(map(re.escape, load_toml("ner.toml").get("portfolio_titles", [])))
    return re.compile(r"\b(?:" + titles + r")\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)


@functools.cache
def _lone_family_names() -> re.Pattern[str] | None:
    """Korean family names that are a person even alone (ner.toml ``lone_family_names``)."""
    names = [str(n) for n in load_toml("ner.toml").get("lone_family_names", [])]
    if not names:
        return None
    return re.compile(r"(?<![\w\-’'.])(?:" + trie_pattern(names) + r")(?![\w\-])")


def _family_first(words: list[str]) -> bool:
    """A Chinese name, family name first ("Liu Jieyi"): its last word is a given name, never a
    short mention of the person (Korean names keep it: writers abroad call "Kim Hey Ryong"
    "Ryong")."""
    return len(words) == 2 and words[0].casefold() in _chinese_surnames()


def _bare(word: str) -> str:
    return re.sub(r"(?:[’']s|[.,;:])$", "", word)


def _letters_match(acr: str, words: list[str]) -> bool:
    """Schwartz–Hearst: the acronym's letters, in order, inside the words; the first starts one."""
    letters = [c.casefold() for c in acr if c.isalpha()]
    if not letters or words[0][:1].casefold() != letters[0]:
        return False
    text = " ".join(words).casefold()
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


_DOTTED_LEGAL = ("Co.", "Corp.", "Ltd.", "Inc.")
_LEGAL_WORDS = frozenset(("Co.", "Co", "Corp.", "Corp", "Ltd.", "Ltd", "Inc.", "Inc", "LLC"))
"""Legal suffixes between a company's name and its acronym, spelled by neither."""


def _initials_inside(acr: str, words: list[str], headed: bool) -> bool:
    """The capitalised words' initials, in order, inside an acronym with one extra letter
    ("Committee of External Economic Cooperation (CPEEC)"), for a name ending in a body's head."""
    if not headed or not acr.isupper():
        return False
    initials = [w[0] for w in words if w[:1].isupper()]
    if len(initials) < 3 or len(acr) != len(initials) + 1 or acr[0] != initials[0]:
        return False
    it = iter(acr)
    return all(c in it for c in initials)


def acronym_definitions(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """("Long Name (ACR)") → (start, end) of the long name and the acronym, for named bodies."""
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        k = m.start()
        if (
            k < 2
            or text[k - 1] != " "
            or not (text[k - 2].isalpha() or text.endswith(_DOTTED_LEGAL, 0, k - 1))
        ):
            continue  # "Name (ACR)": a word (or "Co.", "Ltd."), one space, the parenthesis
        if sum(c.isupper() for c in acr) < 2 or acr in gaz.not_entities:
            continue
        n_letters = sum(c.isalpha() for c in acr)
        lo = max(text.rfind("\n", max(0, k - 160), k) + 1, k - 160)
        tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, lo, k)]
        run: list[tuple[int, str]] = []  # capitalised words and connectors before "("
        for start, tok in reversed(tokens):
            lower_last = (  # a last word left in lower case: "Institute for Far Eastern
                # studies (IFES)" (its initial is the acronym's last letter)
                not run and acr.isupper() and tok.isalpha() and tok[:1] == acr[-1].casefold()
            )
            if not (tok[:1].isupper() or tok in _CONNECTORS or lower_last) or (
                len(run) > n_letters + 4
            ):
                break
            run.append((start, tok))
        run.reverse()
        legal = run[-1] if run and run[-1][1] in _LEGAL_WORDS else None
        while run and run[-1][1] in _LEGAL_WORDS:  # "… Development Co. Ltd. (DHID)"
            run.pop()
        for i in range(len(run) - 1, -1, -1):
            ws = [w for _, w in run[i:]]
            if ws[0].endswith(("’s", "'s")) and (
                ws[0][:-2] in gaz.places or ws[0][:-2] in gaz.not_entities
            ):
                continue  # a possessor: "… Republic of Korea’s Central News Agency (KCNA)"
            if ws[0] in _CONNECTORS or not (
                _letters_match(acr, ws)
                or _initials_inside(acr, ws, any(_bare(w) in gaz.heads for w in ws))
            ):
                continue
            unit = (  # a listed body's unit: "WHO" + "Emergency and Humanitarian Action (EHA)"
                i > 0
                and len(ws) > 1
                and run[i - 1][1].isupper()
                and _letters_match(acr, ws)
                and run[i - 1][1] in gaz.institution_index
                and run[i - 1][1] not in gaz.acronym_stop
            )
            if unit:
                i -= 1
            elif len(ws) < 2 or not (legal is not None or any(_bare(w) in gaz.heads for w in ws)):
                break  # "Gross Domestic Product (GDP)": not a body
            if ws[-1] in _DOCUMENT_WORDS:
                break  # a body's resolution or law: "… Security Council Resolution (UNSCR)"
            if ws[0] in gaz.person_titles and ws[1] == "of":
                break  # a post: "Minister of the People’s Armed Forces (MPAF)"
            last = legal or run[-1]  # the name keeps its legal suffix
            end = last[0] + len(last[1])
            if last[1].endswith(("’s", "'s")):
                end -= 2  # "… General Bureau’s (RGB)": the possessive is no part of the name
            yield run[i][0], end, acr
            break


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


def document_level(
    doc: Document, ents: list[Entity], gaz: Gazetteer, registry: OutletRegistry
) -> list[Entity]:
    """Add authors, bylines, outlets and defined acronyms; propagate bodies; resolve persons."""
    # Offsets below are local to doc.text; entity spans are in whole-input coordinates
    # (they differ only for a chunk of a huge file, by doc.char_offset).
    base = doc.char_offset
    lines = Lines(doc.text, base, doc.line_offset)
    index = _EntityIndex(ents)

    def global_span(start: int, end: int) -> Span:
        return Span(
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

    def add_outlet(start: int, end: int, entry_id: str, name: str) -> None:
        put(
            start, end,
            {"label": INSTITUTION, "canonical": name, "id": f"outlet:{entry_id}", "source": "gazetteer"},
            lambda e: e.source != "model" and e.label == INSTITUTION
            and (e.span.end - e.span.start) >= end - start,
        )  # fmt: skip

    for start, end, entry in registry.mentions(doc.text):
        if doc.text.endswith(("of ", "for ", "the "), max(0, start - 4), start) and (
            _after_portfolio().search(doc.text, max(0, start - 40), start)
        ):
            continue  # a title's portfolio: "Minister of Foreign Affairs" is no magazine
        if doc.text[start:end] not in gaz.not_entities:
            if doc.text.startswith(("The ", "the "), start) and end - start > 4:
                start += 4  # no leading "the": "The Korea Herald" is Korea Herald
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
        if post.byline and _SERIES_WORDS.isdisjoint(post.byline.split()):
            ln = post.first_line - 1 - doc.line_offset
            for j in range(ln, min(post.last_line, ln + 8)):
                k = lines.lines[j].find(post.byline)
                if k >= 0 and j > ln:
                    add(lines.starts[j] + k, lines.starts[j] + k + len(post.byline), PERSON)
                    break
        for c in post.citations:
            for a in c.authors:
                k = c.raw.find(a.name)
                if k >= 0 and _SERIES_WORDS.isdisjoint(a.name.split()):
                    s0 = c.span.start - base + k
                    add(s0, s0 + len(a.name), PERSON)
    _institutions(doc.text, base, index, put, gaz)
    _recurring_persons(doc.text, base, index, add, gaz)
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
    last_names: set[str] = set()  # the family name of each full name ("El-Noamany", "Williams")
    for e in full:
        name = canon[canonical_key(e.text)]
        words = e.text.split()
        for tok in {*e.text.replace("-", " ").split(), *words}:
            part_of[tok][name] += 1
        if not _family_first(words):
            last_names.add(words[-1])
    family_first = {
        e.text.split()[0]
        for e in full
        if len(e.text.split()) == 2 and e.text.split()[0].casefold() in _chinese_surnames()
    }
    short = [
        tok
        for tok in part_of
        if tok[:1].isupper()
        and (tok.casefold() in korean_surnames() or tok in family_first or tok in last_names)
    ]
    # a Western given name alone ("Martyn and Orascom’s …" after "Martyn Williams"): only where
    # it is no sentence's first word and never a lower-case word of the text ("Will", "Rose")
    given = {
        w[0]
        for w in (e.text.split() for e in full)
        if len(w) >= 2
        and not _family_first(w)
        and w[0].casefold() not in korean_surnames()
        and w[0].casefold() not in _chinese_surnames()
        and len(w[0]) >= 3
        and w[0].isalpha()
        and w[0][0].isupper()
        and w[0][1:].islower()
    } - set(short)
    if given:
        lower = {w.casefold() for w in _LOWER_WORD.findall(doc.text)}
        given = {w for w in given if w.casefold() not in lower}
        short.extend(given)
    pattern = (
        re.compile(r"(?<![\w\-])(?:" + trie_pattern(short) + r")(?![\w\-])") if short else None
    )
    for m in pattern.finditer(doc.text) if pattern else ():
        clash = index.overlapping(m.start() + base, m.end() + base)
        if any(  # a model body on a known person's short name ("Paik said") is that person
            e.source != "model" or e.label != INSTITUTION or e.text != m.group() for e in clash
        ):
            continue
        nxt = doc.text[m.end() : m.end() + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue  # part of a longer capitalised run: not a short mention
        gb = _GIVEN_BEFORE.search(doc.text, max(0, m.start() - 40), m.start())
        if (
            gb
            and gb.group().strip().rstrip(".") not in gaz.person_titles
            and gb.group().strip() not in gaz.unexplained_words
            and not _SENTENCE_START.search(doc.text, max(0, gb.start() - 4), gb.start())
        ):
            continue  # another person's family name: "John S. Park", "Jae Hyun Park"
        after = doc.text[m.end() : m.end() + 20].split()
        if after and after[0].strip(".,;:") in gaz.not_after_short:
            continue
        if len(after) > 1 and after[0] in _NAME_PARTICLES and after[1][:1].isupper():
            continue  # "David von Hippel": part of a longer name
        if m.group() in given and _SENTENCE_START.search(
            doc.text, max(0, m.start() - 4), m.start()
        ):
            continue
        add(m.start(), m.end(), PERSON)
    _lone_family(doc.text, base, index, add, gaz, set(part_of))
    if ":" in doc.text and last_names:
        for m in _SPEAKER.finditer(doc.text):
            cands = part_of.get(m.group(1).title())
            if m.group(1).title() in last_names and cands:
                put(
                    m.start(1), m.end(1),
                    {"label": PERSON, "canonical": cands.most_common(1)[0][0], "source": "rule"},
                    lambda e: e.source != "model",
                )  # fmt: skip
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


def _lone_family(
    text: str, base: int, index: _EntityIndex, add: Any, gaz: Gazetteer, explained: set[str]
) -> None:
    """A Korean family name alone that no full name in the document explains is still a person
    ("Kim vowed …"): not before a capitalised word or a word such as "family", not after a
    capitalised word that is no sentence's first, never a lower-case word of the text."""
    pattern = _lone_family_names()
    if pattern is None:
        return
    lower: set[str] | None = None
    for m in pattern.finditer(text):
        word = m.group()
        if word in explained:
            continue  # a full name explains it (the short-mention step decided)
        s0, e0 = m.start(), m.end()
        if index.overlapping(s0 + base, e0 + base):
            continue
        nxt = text[e0 : e0 + 2]
        if nxt[:1] in (" ", "-") and nxt[1:2].isupper():
            continue  # part of a longer name: "Kim Il Sung Square", "Kim Jong-un"
        after = text[e0 : e0 + 20].split()
        if after and after[0].strip(".,;:’'s") in gaz.not_after_short:
            continue
        before = text[max(0, s0 - 30) : s0].split()
        if (
            before
            and before[-1][:1].isupper()
            and before[-1].rstrip(".").isalpha()
            and before[-1].rstrip(".") not in gaz.person_titles
            and not _SENTENCE_START.search(
                text, max(0, s0 - len(before[-1]) - 5), s0 - len(before[-1]) - 1
            )
        ):
            continue  # a given name before it: "Edward Kim" is the model's to read
        if lower is None:
            lower = {w.casefold() for w in _LOWER_WORD.findall(text)}
        if word.casefold() in lower:
            continue
        add(s0, e0, PERSON)


def _recurring_persons(text: str, base: int, index: _EntityIndex, add: Any, gaz: Gazetteer) -> None:
    """A full name found once is found wherever it recurs: in headlines, bylines and captions
    the model never reads ("By David von Hippel and Peter Hayes"), not inside a body's name and
    not before a place's head ("Kim Il Sung Square")."""
    names = sorted({e.text for e in index.all() if e.label == PERSON and " " in e.text.strip()})
    if not names:
        return
    pattern = re.compile(r"(?<![\w\-’'])(?:" + trie_pattern(names) + r")(?![\w\-])")
    for m in pattern.finditer(text):
        s0, e0 = m.start(), m.end()
        clash = index.overlapping(s0 + base, e0 + base)
        if any(e.label != PERSON or e.span.end - e.span.start >= e0 - s0 for e in clash):
            continue  # inside a body's name, or the person is there already
        after = text[e0 : e0 + 30].split()
        if after and after[0].strip(".,;:") in gaz.stop_heads:
            continue
        add(s0, e0, PERSON)


def _institutions(text: str, base: int, index: _EntityIndex, put: Any, gaz: Gazetteer) -> None:
    """Acronyms defined in the text, recurring names of bodies, companies' distinctive words."""

    def free(start: int, end: int) -> bool:
        return not index.overlapping(start + base, end + base)

    def tag(start: int, end: int, canonical: str) -> None:
        put(
            start, end, {"label": INSTITUTION, "canonical": canonical, "source": "rule"},
            lambda e: e.source != "model" and not _inside(e, start + base, end + base),
        )  # fmt: skip

    _drop_common_phrases(text, index, gaz)
    _drop_documents_and_events(text, index)
    known: dict[str, str] = {}  # surface form → canonical, for names to find again
    for start, end, acr in acronym_definitions(text, gaz):
        clash = index.overlapping(start + base, end + base)
        if any(e.label == PERSON for e in clash):
            continue
        same = [e for e in clash if e.span.start - base == start and e.span.end - base == end]
        name = " ".join(text[start:end].split())
        hit = gaz.institution_index.get(name)
        canonical = same[0].canonical if same else hit.canonical if hit else name
        tag(start, end, canonical)
        known.setdefault(acr, canonical)
        known.setdefault(text[start:end], canonical)
    begins: dict[str, set[str]] = defaultdict(set)  # distinctive first word → bodies
    companies: set[str] = set()
    lower_words: set[str] | None = None
    for e in index.all():
        if e.label != INSTITUTION:
            continue
        words = e.text.split()
        if e.source != "gazetteer" and (len(words) > 1 or e.text.isupper()):
            known.setdefault(e.text, e.canonical)
        lead = list(dropwhile(lambda w: w in gaz.generic_org_words or w in gaz.places, words[:-1]))
        if not lead:
            continue
        w = lead[0]
        if not (w[:1].isupper() and w.isalpha()) or w.casefold() in korean_surnames():
            continue
        if w in gaz.acronym_stop:
            continue  # a country's short name opening a body's: "DPRK Foreign Trade Bank"
        if lower_words is None:
            lower_words = set(_LOWER_WORD.findall(text))
        if w.lower() in lower_words:
            continue  # also a common word here
        begins[w].add(e.canonical)
        if _bare(words[-1]) in gaz.company_heads or (
            w == words[0] and words[1] in gaz.short_form_heads
        ):  # "Orascom Telecom" … "Orascom"; "Stimson Center" … "Stimson"
            companies.add(w)
    for w, names in begins.items():
        if w in companies or len(names) >= 2:
            known.setdefault(w, sorted(names)[0])
    for acr, canonical in _initialisms(index.all(), text, gaz).items():
        known.setdefault(acr, canonical)
    _lowercase_recurrences(text, index.all(), free, tag, gaz)
    if not known:
        return
    pattern = re.compile(r"(?<![\w\-’'])(?:" + trie_pattern(list(known)) + r")(?![\w\-])")
    for m in pattern.finditer(text):
        s0, e0 = m.start(), m.end()
        if not free(s0, e0):
            continue
        if " " not in m.group() and not m.group().isupper():
            nxt = text[e0 : e0 + 2]
            if nxt[:1] == " " and nxt[1:2].isupper():
                continue  # part of a longer capitalised run
            cb = _CAPITALISED_BEFORE.search(text, max(0, s0 - 30), s0)
            if cb and not _SENTENCE_START.search(text, max(0, cb.start() - 4), cb.start()):
                continue  # the end of another name: "Unified Human Rights Database"
            if nxt[1:2].islower() and _PLACE_NOUN.match(text, e0):
                continue  # the place a company is named after: "Longkou port", "Dandong city"
        tag(s0, e0, known[m.group()])


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+ $")
"""A capitalised word right before a body's short form (no sentence's first word, tested apart)."""
_PLACE_NOUN = re.compile(
    r" (?:port|city|county|harbou?r|province|district|region|area|airport|bay)\b"
)
"""A lower-case place noun after a company's first word: the place, not the company."""


_SERIES_WORDS = frozenset(
    ("Highlights", "Digest", "Bulletin", "Newsletter", "Briefing", "Roundup", "Round-up",
     "Update", "Updates", "Summary", "Monthly", "Weekly", "Quarterly")
)  # fmt: skip
"""Words of a series' or a section's title: a byline or author holding one is no person
("Monthly Highlights - May 2011")."""
_DOCUMENT_WORDS = frozenset(
    ("Resolution", "Resolutions", "Act", "Law", "Bill", "Treaty", "Agreement", "Convention",
     "Declaration", "Accord", "Protocol", "Charter")
)  # fmt: skip
"""Last words of documents' names: an acronym defined for one names no body."""
_DOCUMENT_ACRONYM = re.compile(
    r"\b(?:" + "|".join(sorted(_DOCUMENT_WORDS)) + r")\s+\(([A-Z][A-Za-z]{1,8})\)"
)
_EVENT_AFTER_YEAR = re.compile(
    r"\b[Tt]he (?:19|20)\d\d ((?:[A-Z][\w’'\-]* ){1,4}(?:Forum|Symposium|Dialogue|Workshop))\b"
)
"""An event named with its year: "the 2014 Baekdu Forum" (the name is the event's elsewhere
in the document too: "The Baekdu Forum, which is in its fifth year")."""


def _drop_documents_and_events(text: str, index: _EntityIndex) -> None:
    """An acronym defined for a document ("… Resolution (UNSCR)", "… Act (NKSPEA)") and a name
    given a year as an event's ("the 2014 Baekdu Forum") are no bodies anywhere in the text."""
    names: set[str] = set()
    if " (" in text:
        names.update(_DOCUMENT_ACRONYM.findall(text))
    if "Forum" in text or "Symposium" in text or "Dialogue" in text or "Workshop" in text:
        names.update(_EVENT_AFTER_YEAR.findall(text))
    if not names:
        return
    for e in index.all():
        if e.label == INSTITUTION and e.source != "gazetteer" and e.text in names:
            index.remove(e)


def _drop_common_phrases(text: str, index: _EntityIndex, gaz: Gazetteer) -> None:
    """A body the head-noun rule read before a weak head in a Title Case title is a common noun
    phrase when the document also writes it all in lower case ("… a Renewable Energy Power Plant
    that …" and "a renewable energy power plant was built"): neither is a body. (A strong head
    keeps it: "the Reconstruction Ministry" … "the reconstruction ministry" is one body.)"""
    cands = {
        e.text.lower(): e
        for e in index.all()
        if e.label == INSTITUTION
        and e.source == "rule"
        and not e.id
        and " " in e.text
        and e.text.split()[-1] in gaz.weak_heads
        and all(w.isalpha() for w in e.text.split())
    }
    if not cands:
        return
    pattern = re.compile(r"(?<![\w\-’'])(?:" + trie_pattern(list(cands)) + r")(?![\w\-])")
    common = {m.group() for m in pattern.finditer(text)}
    if not common:
        return
    for e in index.all():
        if e.label == INSTITUTION and e.source == "rule" and not e.id and e.text.lower() in common:
            index.remove(e)


_INITIALS_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "de", "&", "to", "at"})
_CAPS_TOKEN = re.compile(r"(?<![\w\-’'])[A-Z]{2,6}(?![\w\-])")


def _initials(name: str) -> set[str]:
    """The initials of a multi-word name: small words skipped ("Workers’ Party of Korea" → WPK)
    or kept but "the" ("Ministry of Unification" → MOU); none when a word is not capitalised."""
    words = name.replace("-", " ").split()
    if not all(w[:1].isupper() or w in _INITIALS_SKIP for w in words):
        return set()
    out = {
        "".join(w[0] for w in words if w not in _INITIALS_SKIP),
        "".join(w[0].upper() for w in words if w != "the"),
    }
    return {a for a in out if len(a) >= 2}


def _initialisms(ents: list[Entity], text: str, gaz: Gazetteer) -> dict[str, str]:
    """All-caps words of the document that are the initials of one body it names ("National
    Security Agency" … "the NSA"), never a word of the stop-list ("US", "GDP", "PM")."""
    caps = set(_CAPS_TOKEN.findall(text)) - gaz.acronym_stop - gaz.not_entities
    if not caps:
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str | None]] = set()
    for e in ents:
        if e.label != INSTITUTION or " " not in e.text.strip() or (e.text, e.id) in seen:
            continue
        seen.add((e.text, e.id))
        for name in {e.text, e.canonical, *_forms_of(e, gaz)}:
            for acr in _initials(name) & caps:
                found[acr].add(e.canonical)
    return {acr: next(iter(names)) for acr, names in found.items() if len(names) == 1}


def _forms_of(e: Entity, gaz: Gazetteer) -> frozenset[str]:
    """Every listed form of a gazetteer body ("Ministry of Unification", "Unification Ministry")."""
    entry = gaz.entries_by_id.get(e.id) if e.id and e.source == "gazetteer" else None
    return entry.forms if entry is not None and entry.label == INSTITUTION else frozenset()


def _lowercase_recurrences(
    text: str, ents: list[Entity], free: Any, tag: Any, gaz: Gazetteer
) -> None:
    """A body named capitalised is the same body in lower case elsewhere in the document
    ("Unification Ministry" … "the unification ministry"): multi-word names ending in a head
    noun whose first word is not generic ("party committee" stays untagged)."""
    forms: dict[str, str] = {}
    seen: set[tuple[str, str | None]] = set()
    for e in ents:
        if e.label != INSTITUTION or (e.text, e.id) in seen:
            continue
        seen.add((e.text, e.id))
        for name in (e.text, *_forms_of(e, gaz)):
            words = name.split()
            if (
                len(words) >= 2
                and words[0] not in gaz.generic_pre
                and _bare(words[-1]) in gaz.heads
                and all(w.replace("’", "").replace("'", "").isalpha() for w in words)
            ):
                forms.setdefault(name.lower(), e.canonical)
    if not forms:
        return
    low = text.lower()
    pattern = re.compile(r"(?<![\w\-’'])(?:" + trie_pattern(list(forms)) + r")(?![\w\-])")
    for m in pattern.finditer(low):
        s0, e0 = m.start(), m.end()
        if text[s0:e0] != m.group() or not free(s0, e0):
            continue  # only all-lower-case forms: the capitalised ones are found already
        tag(s0, e0, forms[m.group()])


def _inside(e: Entity, start: int, end: int) -> bool:
    """An entity strictly inside a longer span (a PROVINCE or piece the long name swallows)."""
    return (
        e.label != PERSON
        and start <= e.span.start
        and e.span.end <= end
        and (e.span.end - e.span.start < end - start)
    )


def attach_entities(document: Document, entities: list[Entity]) -> Document:
    """Return a copy of the document with entities attached to it and to its posts and quotes."""
    ents = tuple(sorted(entities, key=lambda e: (e.span.start, e.span.end)))
    starts = [e.span.start for e in ents]

    def within(span: Span) -> tuple[Entity, ...]:
        lo, hi = bisect_left(starts, span.start), bisect_left(starts, span.end)
        return tuple(e for e in ents[lo:hi] if e.span.end <= span.end)

    posts = []
    for p in document.posts:
        quotes = []
        for q in p.quotes:
            q_ents = within(q.span)
            cites = tuple(
                c.model_copy(update={"entities": within(c.span) + q_ents}) for c in q.citations
            )
            quotes.append(q.model_copy(update={"entities": q_ents, "citations": cites}))
        by_id = {(c.span.start, c.part): c for q in quotes for c in q.citations}
        cites = tuple(
            by_id.get((c.span.start, c.part), c.model_copy(update={"entities": within(c.span)}))
            for c in p.citations
        )
        posts.append(
            p.model_copy(
                update={"quotes": tuple(quotes), "citations": cites, "entities": within(p.span)}
            )
        )
    return document.model_copy(update={"posts": tuple(posts), "entities": ents})
