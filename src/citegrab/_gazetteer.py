"""Gazetteers (package data) and the spelling variants generated from them.

Rows name a canonical form and a stable id; this module expands romanisation variants
(diacritics, apostrophes, hyphenation, direction words, native "-do" suffixes, "Province")
so the data files stay short and users extend data, not code.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ._data import load_toml
from ._outlets import OutletRegistry, default_registry

PROVINCE, INSTITUTION, PERSON = "PROVINCE", "INSTITUTION", "PERSON"

_ORDINALS = [
    f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}" for n in range(1, 10)
] + ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth"]


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer row: label, stable id, canonical name and every surface form to match."""

    label: str
    id: str
    canonical: str
    forms: frozenset[str]


def strip_diacritics(text: str) -> str:
    """ "P'yŏngan" → "P'yongan" (combining marks removed)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_BREVES = {"ŏ": "o", "ŭ": "u", "Ŏ": "O", "Ŭ": "U"}


def spelling_variants(text: str) -> set[str]:
    """Diacritic, apostrophe and hyphen variants of one spelling (McCune-Reischauer's breve is
    also written as an apostrophe after the vowel: "Kangwŏn" → "Kangwo’n")."""
    out = {text, strip_diacritics(text)}
    if any(b in text for b in _BREVES):
        for a in ("’", "'"):
            out.add("".join(_BREVES[c] + a if c in _BREVES else c for c in text))
    for s in list(out):
        for a in ("'", "’", "‘"):
            if a in s:
                out.add(s.replace(a, "’"))
                out.add(s.replace(a, "'"))
                out.add(s.replace(a, ""))
    for s in list(out):
        if "-" in s:
            out.add(s.replace("-", " "))
            out.add(s.replace("-", ""))
    return {" ".join(s.split()) for s in out if s.strip()}


_OFFICES = (
    r"(?:president|chairman|chairwoman|chair|head|director|chief|founder|owner|manager"
    r"|executive|secretary|spokesman|spokeswoman|representative|deputy|vice)"
)
"""Offices of people: an apposition naming one is no kind of body ("X, the head of the firm")."""

_APOSTROPHES = str.maketrans({"'": "’", "’": "'"})
_SQUASHABLE = re.compile(r"[\s\-’'‘]+")


def squash(text: str) -> str:
    """Text without spaces, hyphens and apostrophes, diacritics stripped, casefolded."""
    return _SQUASHABLE.sub("", strip_diacritics(text)).casefold()


def _province_forms(row: dict[str, object]) -> set[str]:
    stems = {v for s in row.get("stems", []) for v in spelling_variants(str(s))}  # type: ignore[attr-defined]
    direction = str(row.get("direction", ""))
    names: set[str] = set()
    if row.get("designated"):
        for suffix in row.get("suffixes", []):  # type: ignore[attr-defined]
            names.update(f"{s} {suffix}" for s in stems)
        return names
    base_stems = [str(x) for x in row.get("stems", [])]  # type: ignore[attr-defined]
    if direction:
        words = ["North", "N.", "Northern"] if direction == "north" else ["South", "S.", "Southern"]
        for s in stems:
            for w in words:
                names.add(f"{w} {s}")
                names.add(f"{w}-{s}" if not w.endswith(".") else f"{w}{s}")
            names.add(f"{s} {words[0]}")
        # native forms: McCune-Reischauer "-pukto"/"-namdo", Revised "buk-do"/"nam-do"
        suffixes = (
            ("-bukto", "-pukto", "buk-do", "-bukdo")
            if direction == "north"
            else ("-namdo", "nam-do")
        )
        for b in base_stems:
            for suf in suffixes:
                names.update(spelling_variants(f"{b}{suf}"))
    else:
        names.update(stems)
        for b in base_stems:
            names.update(spelling_variants(f"{b}-do"))
    for native in row.get("native", []):  # type: ignore[attr-defined]
        names.update(spelling_variants(str(native)))
    forms = set(names)
    for n in names:
        forms.update({f"{n} Province", f"{n} province"})
    return forms


_DPRK_FORMS = (
    " of the DPRK",
    " of DPRK",
    " of the Democratic People’s Republic of Korea",
    " of Democratic People’s Republic of Korea",
)
"""Ways to write "of the DPRK" at the end of a body's name: a row giving one gets them all."""


def _institution_forms(row: dict[str, object]) -> set[str]:
    base = [str(row["name"]), *(str(a) for a in row.get("aliases", []))]  # type: ignore[attr-defined]
    forms = {v for b in base for v in spelling_variants(b)}
    for f in [f for f in forms if f.endswith(_DPRK_FORMS)]:  # "Foreign Trade Bank of the DPRK"
        stem = f[: f.rindex(" of ")]
        forms.update(v for t in _DPRK_FORMS for v in spelling_variants(stem + t))
    if row.get("ordinal_prefix"):
        base_forms = [f for f in forms if not f.startswith("Central Committee of")]
        forms.update(f"{o} {f}" for o in _ORDINALS for f in base_forms)
        forms.update(f"{o} Central Committee of the WPK" for o in _ORDINALS)
    return {f for f in forms if not f.casefold().startswith("the ")}


def _romanised(forms: set[str], groups: list[tuple[str, ...]]) -> set[str]:
    """Multi-word forms with a word's other romanisations: "Chosun Ilbo" → "Choson Ilbo"."""
    out = set(forms)
    for form in forms:
        words = form.split()
        if len(words) < 2:
            continue
        for group in groups:
            for i, w in enumerate(words):
                if w in group:
                    out.update(" ".join([*words[:i], v, *words[i + 1 :]]) for v in group)
    return out


_LISTS = (
    "not_entities",
    "places",
    "not_after_short",
    "stop_heads",
    "currencies",
    "furniture_prefixes",
    "generic_org_words",
    "company_heads",
    "person_titles",
    "kind_nouns",
    "headline_verbs",
    "reporting_verbs",
    "acronym_stop",
    "name_forming",
    "sub_heads",
    "caption_words",
    "bare_only",
    "short_form_heads",
)


@dataclass(frozen=True)
class Gazetteer:
    """All gazetteer entries plus the rule tables, loaded from package data (and user files)."""

    entries: tuple[GazetteerEntry, ...]
    heads: frozenset[str]
    weak_heads: frozenset[str]
    stop_first: frozenset[str]
    person_short: dict[str, str]
    not_entities: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    not_after_short: frozenset[str] = frozenset()
    stop_heads: frozenset[str] = frozenset()
    generic_pre: frozenset[str] = frozenset()
    currencies: frozenset[str] = frozenset()
    furniture_prefixes: tuple[str, ...] = ()
    generic_org_words: frozenset[str] = frozenset()
    company_heads: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    kind_nouns: frozenset[str] = frozenset()
    headline_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    acronym_stop: frozenset[str] = frozenset()
    name_forming: frozenset[str] = frozenset()
    sub_heads: frozenset[str] = frozenset()
    caption_words: frozenset[str] = frozenset()
    bare_only: frozenset[str] = frozenset()
    short_form_heads: frozenset[str] = frozenset()

    @classmethod
    def load(cls, registry: OutletRegistry, extra: tuple[str | Path, ...] = ()) -> Gazetteer:
        """Build from provinces.toml, institutions.toml, persons.toml and the outlet registry."""
        entries: list[GazetteerEntry] = []
        tables = [("provinces.toml", "institutions.toml", "persons.toml", "ner.toml"), tuple(extra)]
        rules: dict[str, list[str]] = {}
        short: dict[str, str] = {}
        groups: list[tuple[str, ...]] = []  # romanisation variants of words in outlet names
        for src in (s for group in tables for s in group):
            t = load_toml(src)
            groups.extend(tuple(str(w) for w in g) for g in t.get("romanised_words", []))
            for row in t.get("province", []):
                entries.append(
                    GazetteerEntry(
                        PROVINCE, str(row["id"]), str(row["name"]), frozenset(_province_forms(row))
                    )
                )
            for row in t.get("institution", []):
                entries.append(
                    GazetteerEntry(
                        INSTITUTION,
                        str(row["id"]),
                        str(row["name"]),
                        frozenset(_institution_forms(row)),
                    )
                )
            for row in t.get("person", []):
                forms = {
                    v
                    for a in [row["name"], *row.get("aliases", [])]
                    for v in spelling_variants(str(a))
                }
                entries.append(
                    GazetteerEntry(PERSON, str(row["id"]), str(row["name"]), frozenset(forms))
                )
                for s in row.get("short", []):
                    short[str(s)] = str(row["id"])
            for key, values in t.get("rules", {}).items():
                rules.setdefault(key, []).extend(str(v) for v in values)
            for key in _LISTS:
                rules.setdefault(key, []).extend(str(v) for v in t.get(key, []))
        skip = set(rules.get("outlet_words_not_tagged", []))
        for entry in registry.entries.values():
            forms = {s for s in entry.spellings() if "." not in s and s not in skip}
            # either apostrophe: "Jane's Intelligence Review" is written "Jane’s …" too
            forms |= {s.translate(_APOSTROPHES) for s in forms if "'" in s or "’" in s}
            forms = _romanised(forms, groups)
            entries.append(
                GazetteerEntry(INSTITUTION, f"outlet:{entry.id}", entry.name, frozenset(forms))
            )
        return cls(
            entries=tuple(entries),
            heads=frozenset(rules.get("heads", [])),
            weak_heads=frozenset(rules.get("weak_heads", [])),
            stop_first=frozenset(rules.get("stop_first", [])),
            person_short=short,
            not_entities=frozenset(rules.get("not_entities", [])),
            places=frozenset(rules.get("places", [])),
            not_after_short=frozenset(rules.get("not_after_short", [])),
            stop_heads=frozenset(rules.get("stop_heads", [])),
            generic_pre=frozenset(rules.get("generic_pre", [])),
            currencies=frozenset(c.casefold() for c in rules.get("currencies", [])),
            furniture_prefixes=tuple(f.casefold() for f in rules.get("furniture_prefixes", [])),
            generic_org_words=frozenset(rules.get("generic_org_words", [])),
            company_heads=frozenset(rules.get("company_heads", [])),
            person_titles=frozenset(rules.get("person_titles", [])),
            kind_nouns=frozenset(rules.get("kind_nouns", [])),
            headline_verbs=frozenset(rules.get("headline_verbs", [])),
            reporting_verbs=frozenset(rules.get("reporting_verbs", [])),
            acronym_stop=frozenset(rules.get("acronym_stop", [])),
            name_forming=frozenset(rules.get("name_forming", [])),
            sub_heads=frozenset(rules.get("sub_heads", [])),
            caption_words=frozenset(rules.get("caption_words", [])),
            bare_only=frozenset(rules.get("bare_only", [])),
            short_form_heads=frozenset(rules.get("short_form_heads", [])),
        )

    def patterns(self) -> Iterator[dict[str, str]]:
        """spaCy EntityRuler phrase patterns (label, pattern, id)."""
        for e in self.entries:
            for form in sorted(e.forms):
                yield {"label": e.label, "pattern": form, "id": e.id}
        by_id = {e.id: e for e in self.entries}
        for s, pid in self.person_short.items():
            if pid in by_id:
                yield {"label": PERSON, "pattern": s, "id": pid}

    @functools.cached_property
    def entries_by_id(self) -> dict[str, GazetteerEntry]:
        """Entries by id (an entity's ``id`` leads back to all the forms of its entry)."""
        return {e.id: e for e in self.entries}

    @functools.cached_property
    def head_probe(self) -> re.Pattern[str]:
        """A quick test for any head noun in a text (the head-noun rule runs only on hits)."""
        words = sorted(self.heads | {"Co", "Corp", "Ltd", "Inc", "LLC", "PLC", "JSC"}, key=len)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, reversed(words))) + r")\b")

    @functools.cached_property
    def unexplained_words(self) -> frozenset[str]:
        """Capitalised words that never make a run of unexplained names (the model's gate)."""
        from ._data import not_given_names

        return frozenset(
            self.places | self.not_entities | self.heads | self.stop_heads | self.stop_first
            | self.generic_pre | self.generic_org_words | self.headline_verbs
            | not_given_names()
        )  # fmt: skip

    @functools.cached_property
    def title_rule(self) -> re.Pattern[str]:
        """A person's title, then the capitalised name it introduces ("Minister Sabbagh")."""
        titles = "|".join(map(re.escape, sorted(self.person_titles, key=len, reverse=True)))
        name = r"[A-Z][a-z]+(?:[’']?[A-Z]?[a-z]+)?"
        return re.compile(
            r"\b(?:" + titles + r")\.?\s+(?P<name>" + name + r"(?:[ \-]" + name + r"){0,2})\b"
            r"(?![ \-][A-Z])"
        )

    @functools.cached_property
    def appositive_rule(self) -> re.Pattern[str]:
        """A name with the kind of body it is in apposition ("X, a Seoul magazine", "the NGO X",
        "X magazine", "correspondent for X"): the name group is ``a``, ``b``, ``c`` or ``d``."""
        kinds = "|".join(map(re.escape, sorted(self.kind_nouns, key=len, reverse=True)))
        word = r"[A-Z][\w’'\-\.&]*"
        name = word + r"(?:\s+(?:(?:of|for|the|and|in|on|&)\s+)*" + word + r"){0,6}"
        return re.compile(
            r"(?<![\w’'\-])(?P<a>" + name + r"),\s+(?:a|an|the|its)\s+"
            # a person's office in the apposition makes it a person's: "X, the president of
            # the state-owned firm"
            r"(?:(?!" + _OFFICES + r"\b)[\w\-’']+\s+){0,4}?"
            r"(?:" + kinds + r")\b"
            # up to two lower-case or nationality modifiers: "the maritime analytics firm
            # Windward", "the Israeli analytics firm Windward"
            r"|\b(?:the|a|an)\s+(?:(?:[a-z][\w\-]*|[A-Z][a-z]+(?:an|ese|ish|i))\s+){0,2}?"
            r"(?:" + kinds + r")\s+(?P<b>" + name + r")(?![\w’'\-])"
            r"|(?<![\w’'\-])(?P<c>"
            + name
            + r")\s+(?:magazine|newspaper|weekly|daily|monthly|website|blog)\b"
            # a journalist's outlet: "China correspondent for Supply Chain Asia"
            r"|\b(?:correspondent|columnist|contributing editor|reporter)\s+(?:for|at)\s+"
            r"(?P<d>" + name + r")(?![\w’'\-])"
        )

    @functools.cached_property
    def squashed_places(self) -> frozenset[str]:
        """Places as `squash` leaves them: "Kim Ch’aek" is the city Kimchaek."""
        return frozenset(squash(p) for p in self.places)

    @functools.cached_property
    def by_id(self) -> dict[str, GazetteerEntry]:
        """Entries by id."""
        return {e.id: e for e in self.entries}

    @functools.cached_property
    def province_index(self) -> dict[str, GazetteerEntry]:
        """Province forms (casefolded) to entries, for mapping model GPE/LOC spans."""
        return {f.casefold(): e for e in self.entries if e.label == PROVINCE for f in e.forms}

    @functools.cached_property
    def institution_index(self) -> dict[str, GazetteerEntry]:
        """Institution forms (exact) to entries, for canonicalising model ORG spans."""
        return {f: e for e in self.entries if e.label == INSTITUTION for f in e.forms}


_CACHE: dict[int, tuple[OutletRegistry, Gazetteer]] = {}
_LOCK = threading.Lock()


def gazetteer_for(registry: OutletRegistry) -> Gazetteer:
    """The gazetteer built on an outlet registry (one per registry object, built once)."""
    with _LOCK:
        hit = _CACHE.get(id(registry))
        if hit is None or hit[0] is not registry:
            hit = _CACHE[id(registry)] = (registry, Gazetteer.load(registry))
        return hit[1]


def default_gazetteer() -> Gazetteer:
    """The gazetteer on the packaged outlet registry."""
    return gazetteer_for(default_registry())
