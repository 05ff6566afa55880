"""Outlet normalisation: a packaged, user-extensible registry with exact, alias and fuzzy lookup."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from ._data import load_toml
from ._errors import RegistryError
from ._models import Outlet

_KEY_STRIP = regex.compile(r"[\p{P}\p{S}\s]+")
_DOMAIN = regex.compile(
    r"^(?:https?://)?(?:www\.)?([^/\s]+?)(?:\.(?:com|org|net|kr|kp|sy|co\.kr))$"
)


_HOST = regex.compile(r"^(?:https?://)?((?:[a-z0-9\-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$")
"""A web host, alone or at the head of a link ("news.xinhuanet.com/english/…")."""
_PUBLIC_SUFFIX = frozenset(
    [
        "com",
        "org",
        "net",
        "info",
        "biz",
        "edu",
        "gov",
        "int",
        "co",
        "or",
        "ne",
        "go",
        "ac",
        "re",
        "rep",
        "kr",
        "kp",
        "jp",
        "cn",
        "uk",
        "de",
        "fr",
        "ru",
        "sg",
        "hk",
        "tw",
        "us",
        "au",
        "ca",
        "in",
        "eu",
        "io",
        "tv",
    ]
)
"""Labels that end a host without naming its owner ("co.kr", "com.cn", "rep.kp")."""
_GENERIC_LABELS = frozenset(
    [
        "www",
        "www1",
        "www2",
        "www3",
        "m",
        "mobile",
        "en",
        "eng",
        "english",
        "kor",
        "korean",
        "jp",
        "cn",
        "news",
        "online",
        "edition",
        "web",
        "site",
        "blog",
        "blogs",
        "static",
        "cdn",
        "img",
        "images",
        "media",
        "amp",
        "asia",
        "world",
    ]
)
"""Subdomains that name no outlet ("english.chosun.com", "online.wsj.com")."""


def fuzzy_budget(key: str) -> int:
    """Edits (insert, delete, substitute, transpose) a near-miss spelling may be from a known one."""
    return 0 if len(key) < 5 else 1 if len(key) < 10 else 2


def outlet_key(text: str) -> str:
    """Comparison key: casefolded, without punctuation, spaces, a leading "the" or the marks on
    Latin letters (McCune-Reischauer's "Chosŏn", "El País")."""
    t = text.strip().casefold()
    if t.startswith("the "):
        t = t[4:]
    if not t.isascii():  # (Hangul and kanji come back whole: only combining marks are dropped)
        decomposed = unicodedata.normalize("NFKD", t)
        t = unicodedata.normalize(
            "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        )
    return _KEY_STRIP.sub("", t)


def _romanised(key: str) -> str:
    """A key with one word's romanisations made one: Japanese "Shinbun" as "Shimbun" (Hepburn's
    m before b), Korean "Shinmun" as "Sinmun" (McCune-Reischauer's s before i)."""
    return key.replace("shinbun", "shimbun").replace("shinmun", "sinmun")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of literal words, factored into a prefix trie (longest match first).

    A flat alternation of hundreds of names is tried name by name at every position; the trie
    form shares prefixes, so the scan stays close to a plain character scan.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        optional = "" in node
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        return body + ("?" if optional else "")

    return build(trie)


@dataclass(frozen=True)
class OutletEntry:
    """One registry row."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    agency: bool = False

    def spellings(self) -> Iterator[str]:
        """The canonical name and every alias."""
        yield self.name
        yield from self.aliases


@dataclass
class OutletRegistry:
    """Maps outlet spellings to canonical outlets. Extend it with `extend()` or a TOML file."""

    entries: dict[str, OutletEntry] = field(default_factory=dict)
    qualifiers: set[str] = field(default_factory=set)
    """Casefolded words that may trail an outlet's name without changing the outlet ("Chosun
    Ilbo English edition", "Xinhua News", "Korea Times correspondent")."""
    _index: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_toml(cls, *sources: str | Path) -> OutletRegistry:
        """Build a registry from the packaged table and/or user TOML files, later ones winning."""
        reg = cls()
        for src in sources:
            reg.load(src)
        return reg

    def load(self, source: str | Path) -> None:
        """Add every ``[[outlet]]`` table of a TOML file."""
        if not isinstance(source, str | Path):
            raise TypeError(f"source must be a path (str or Path), not {type(source).__name__}")
        table = load_toml(source)
        words = table.get("qualifiers", [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RegistryError(f"{source!s}: 'qualifiers' must be an array of strings")
        self.qualifiers.update(w.casefold() for w in words)
        self.__dict__.pop("_resolved", None)
        rows = table.get("outlet", [])
        if not isinstance(rows, list):
            raise RegistryError(f"{source!s}: 'outlet' must be an array of tables ([[outlet]])")
        for row in rows:
            try:
                entry = OutletEntry(
                    id=str(row["id"]),
                    name=str(row["name"]),
                    aliases=tuple(str(a) for a in row.get("aliases", ())),
                    agency=bool(row.get("agency", False)),
                )
            except (KeyError, TypeError) as exc:
                raise RegistryError(
                    f"{source!s}: every [[outlet]] needs 'id' and 'name' (bad row: {row!r})"
                ) from exc
            self.add(entry)

    def add(self, entry: OutletEntry) -> None:
        """Register one outlet (replacing an entry with the same id)."""
        self.entries[entry.id] = entry
        for i, spelling in enumerate(entry.spellings()):
            key = outlet_key(spelling)
            if self._index.get(key) != (entry.id, True):  # an alias never demotes the name
                self._index[key] = (entry.id, i == 0)
        self.__dict__.pop("_fuzzy_cache", None)
        self.__dict__.pop("_mention_re", None)
        self.__dict__.pop("_resolved", None)
        self.__dict__.pop("_mention_keys", None)

    def extend(self, entries: Iterable[OutletEntry]) -> None:
        """Register several outlets."""
        for e in entries:
            self.add(e)

    def lookup(self, text: str) -> tuple[OutletEntry, str] | None:
        """Resolve a spelling to ``(entry, match)`` with match "exact", "alias" or "fuzzy"."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        key = outlet_key(text)
        if not key:
            return None
        hit = self._index.get(key)
        if hit is None and "shin" in key:  # "Yomiuri Shinbun": a spelling of a listed name
            hit = self._index.get(_romanised(key))
            hit = (hit[0], False) if hit is not None else None
        if hit is None:
            m = _DOMAIN.match(text.strip().casefold())
            if m:
                hit = self._index.get(outlet_key(m.group(1)))
        if hit is None and "." in text and " " not in text.strip():
            hit = self._host(text)
        if hit is not None:
            return self.entries[hit[0]], "exact" if hit[1] else "alias"
        bare = self._unqualified(text)
        if bare is not None:
            return bare, "alias"
        if text.rstrip()[-1:] == ")" and (glossed := self._glossed(text)) is not None:
            return glossed, "alias"
        budget = fuzzy_budget(key)
        if budget == 0:  # abbreviations must match exactly; fuzzy on "AP" would be noise
            return None
        best = process.extractOne(
            key, self._fuzzy_keys(), scorer=DamerauLevenshtein.distance, score_cutoff=budget
        )
        if best is None:
            return None
        return self.entries[self._index[best[0]][0]], "fuzzy"

    def _glossed(self, text: str) -> OutletEntry | None:
        """A known outlet glossed in brackets by another of its own names ("VOA (Voice of
        America Korean)", "Rodong Sinmun (로동신문)"): that outlet; a person or anything else in
        the brackets is no gloss."""
        t = text.rstrip()
        op = t.rfind("(")
        if op <= 0 or t.find(")", op) != len(t) - 1:
            return None
        outer = self._listed(t[:op])  # (index look-ups only: no fuzzy pass on the pieces)
        if outer is None:
            return None
        inner = self._listed(t[op + 1 : -1])
        return outer if inner is not None and inner.id == outer.id else None

    def _listed(self, text: str) -> OutletEntry | None:
        """The entry a spelling names as listed (or with qualifier words dropped); no fuzzy."""
        hit = self._index.get(outlet_key(text))
        return self.entries[hit[0]] if hit is not None else self._unqualified(text)

    def _host(self, text: str) -> tuple[str, bool] | None:
        """The outlet a web host names ("news.xinhuanet.com", "www.kcna.co.jp/item/…",
        "joongangdaily.joins.com"): the host as listed, else its name without the public suffix,
        else a subdomain's name (generic ones such as "www", "english", "news" skipped)."""
        m = _HOST.match(text.strip().casefold())
        if m is None:
            return None
        labels = m.group(1).split(".")
        for i in range(len(labels) - 1):  # "kcna.co.jp" as listed, "yna.co.kr" …
            hit = self._index.get(outlet_key(".".join(labels[i:])))
            if hit is not None:
                return hit
        while len(labels) > 1 and labels[-1] in _PUBLIC_SUFFIX:
            labels.pop()
        for label in reversed(labels):  # the registered name first, then its subdomains
            if label not in _GENERIC_LABELS and (hit := self._index.get(outlet_key(label))):
                return hit
        return None

    def _unqualified(self, text: str) -> OutletEntry | None:
        """The known outlet a name names once trailing qualifier words are dropped ("Chosun Ilbo
        English edition", "Radio Free Asia's Korean service"; at most three words, a name word
        kept)."""
        if not self.qualifiers:
            return None
        words = text.split()
        for _ in range(3):
            if len(words) < 2 or words[-1].casefold().strip(".,()") not in self.qualifiers:
                return None
            words = words[:-1]
            name = " ".join(words)
            hit = self._index.get(outlet_key(name))
            if hit is None and name.endswith(("'s", "’s")):  # "Radio Free Asia's Korean service"
                hit = self._index.get(outlet_key(name[:-2]))
            if hit is not None:
                return self.entries[hit[0]]
        return None

    def _fuzzy_keys(self) -> list[str]:
        keys = self.__dict__.get("_fuzzy_cache")
        if keys is None:
            keys = [k for k in self._index if len(k) >= 5]
            self.__dict__["_fuzzy_cache"] = keys
        return keys

    def is_outlet(self, text: str) -> bool:
        """Whether the text names a known outlet (exact or alias match only)."""
        return self.resolve(text).match in ("exact", "alias")

    def resolve(self, raw: str) -> Outlet:
        """An `Outlet` for a spelling; unknown outlets are kept as written (match "unknown")."""
        if not isinstance(raw, str):
            raise TypeError(f"raw must be a str, not {type(raw).__name__}")
        cache: dict[str, Outlet] | None = self.__dict__.get("_resolved")
        if cache is None:
            cache = self.__dict__["_resolved"] = {}
        hit_cached = cache.get(raw)  # the text as given, before whitespace is normalised
        if hit_cached is not None:
            return hit_cached
        given = raw
        raw = " ".join(raw.split())
        hit_cached = cache.get(raw)
        if hit_cached is None:
            hit_cached = self._resolve(raw)
        if len(cache) < 100_000:  # spellings repeat across an archive; bound the memo
            cache[raw] = cache[given] = hit_cached
        return hit_cached

    def _resolve(self, raw: str) -> Outlet:
        hit = self.lookup(raw)
        if hit is None:
            return Outlet(id=None, name=raw, raw=raw, match="unknown")
        entry, how = hit
        return Outlet(id=entry.id, name=entry.name, raw=raw, match=how)

    def mentions(self, text: str) -> Iterator[tuple[int, int, OutletEntry]]:
        """Outlet names mentioned in running text: ``(start, end, entry)``, case-sensitive."""
        pattern = self.__dict__.get("_mention_re")
        if pattern is None:
            names = {s for s, _ in self.spellings() if "." not in s}
            # no lookbehind: a pattern that opens on a literal character set lets the engine skip
            # ahead; the left word boundary is checked below instead
            pattern = re.compile(r"(?:" + trie_pattern(names) + r")(?![\w\-])")
            self.__dict__["_mention_re"] = pattern
        # a spelling's key is computed once: the pattern only matches registry spellings
        keys: dict[str, tuple[str, bool] | None] = self.__dict__.setdefault("_mention_keys", {})
        for m in pattern.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                continue
            found = m.group(0)
            if found in keys:
                hit = keys[found]
            else:
                hit = keys[found] = self._index.get(outlet_key(found))
            if hit is not None:
                yield start, m.end(), self.entries[hit[0]]

    def spellings(self) -> Iterator[tuple[str, OutletEntry]]:
        """Every (spelling, entry) pair, for building matchers."""
        for e in self.entries.values():
            for s in e.spellings():
                yield s, e


@functools.cache
def default_registry() -> OutletRegistry:
    """The packaged registry, plus files listed in ``CITEGRAB_OUTLETS`` (os.pathsep-separated)."""
    sources: list[str | Path] = ["outlets.toml"]
    extra = os.environ.get("CITEGRAB_OUTLETS", "")
    sources.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return OutletRegistry.from_toml(*sources)
