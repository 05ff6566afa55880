"""Author normalisation: split author lists, drop "By", recognise East Asian family-first order.

Korean names are recognised by their family name alone (names.toml); Japanese and Chinese ones
by a common family name (cjk_names.toml) whose other tokens read as a romanised given name of
that language (Hepburn or Pinyin-like syllables), so "Ishimaru Jiro" and "Jiro Ishimaru" are both
family Ishimaru while "Abe Greenwald" stays given-first.

For recognised East Asian names the canonical key is ``family|given`` casefolded with spaces and
hyphens removed from the given name, so "Jang Seulkee", "Seulkee Jang", "Kim Jong-un" and
"Kim Jong Un" key consistently, as do "Ishimaru Jiro" and "Jiro Ishimaru".
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from ._data import headline_verbs, korean_surnames, load_toml, not_given_names
from ._models import Author

_SPLIT = regex.compile(r"\s*(?:/|;|&|\band\b|\bwith\b|,\s*(?:and\s+)?)\s*", regex.IGNORECASE)
_BY = regex.compile(
    r"^\s*(?:(?:(?:written|writing|reported|reporting|additional\s+reporting|compiled|posted)\s+)?"
    r"by|via|h/t)\b[:\s]*",
    regex.IGNORECASE,
)
_BY_START = frozenset({"wr", "re", "ad", "co", "po", "by", "vi", "h/"})
"""How every prefix `_BY` removes opens (its first two letters, lowercased)."""
_CREDIT = regex.compile(
    r"(?:edited|editing|photos?|photographs?|graphics?|illustrations?|translated|translation)"
    r"\s+by\b",
    regex.IGNORECASE,
)
"""A credit in a byline that names no author ("Editing by …", "Photos by …")."""
_TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’.\-]*")
_SQUASH = regex.compile(r"[\s\-‐‑’']+")
_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
    }
)
_NOT_NAME = frozenset(
    {"staff", "reporter", "reporters", "editor", "editors", "correspondent", "desk", "team",
     "news", "agency", "the", "source", "sources", "in", "of", "on", "for", "to", "at", "from"}
)  # fmt: skip


def collapse_spaces(text: str) -> str:
    """Whitespace runs as one space, ends trimmed: ``" ".join(text.split())``, without the split
    when the text is printable (so every whitespace character in it is a plain space) with no
    double space."""
    if text.isprintable() and "  " not in text:
        return text.strip()
    return " ".join(text.split())


def strip_by(text: str) -> str:
    """Remove a leading "By"/"By:" and surrounding whitespace."""
    s = text.strip()
    if s[:2].lower() not in _BY_START:  # the usual case: no prefix can match
        return s
    return _BY.sub("", text).strip()


_CONTACT = regex.compile(r"\s*[\[(<]?\s*(?:e-?mail:?\s*)?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*[\])>]?")
"""A byline's e-mail address, bracketed or not ("Kim So-yeol [ksy@dailynk.com]")."""


def split_authors(text: str) -> list[str]:
    """Split an author slot on "/", "and", "&", ";" and commas; drop "By", e-mail addresses
    and empty parts."""
    slot = strip_by(text)
    if "@" in slot:
        slot = _CONTACT.sub("", slot)
    if "," in slot and (where := _WHERE.search(slot)) is not None and where.start() > 0:
        slot = slot[: where.start()]  # "Kwon Jeong Hyun, of China": where the writer files from
    commas = slot.count(",")
    if commas == 1 and (one := _inverted(slot)) is not None:
        return [one]
    if commas > 1 and _LIST_WORD.search(slot):
        # "Lee, Jong-ho and Park, Min-su": each writer written bibliography style
        pieces = _PAIR_LIST.split(slot)
        if len(pieces) > 1 and all(p.count(",") == 1 for p in pieces):
            names = [_inverted(p) for p in pieces]
            if all(names):
                return [n for n in names if n]
    if commas > 1:  # "Kim, Jae-hoon, staff writer": a Korean given name after the first comma
        first, _, rest = slot.partition(",")
        given, _, more = rest.partition(",")
        if "-" in given and (one := _inverted(f"{first},{given}")) is not None:
            return [one, *split_authors(more)]
    if not _may_split(slot):  # one name: the separators' characters are all absent
        one = collapse_spaces(slot)
        return [keep_initial_dot(strip_by(one).strip(" .,:"), one)] if one.strip(" .,:") else []
    parts = [" ".join(p.split()) for p in _SPLIT.split(slot)]
    return [
        keep_initial_dot(strip_by(p).strip(" .,:"), p)
        for p in parts
        if p and p.strip(" .,:") and not _CREDIT.match(p)  # "Editing by …": no author
    ]


_INITIALS = regex.compile(r"\p{Lu}\.?(?:[-‐]?\p{Lu}\.?)*")
"""A given name written as initials ("J.", "J.-H.", "JH")."""
_LAST_INITIAL = regex.compile(r"(?:^|[\s.\-‐])\p{Lu}$")
"""A name ending on a single capital letter: an initial whose full stop was stripped."""


def keep_initial_dot(stripped: str, original: str) -> str:
    """``stripped`` with the full stop of a closing initial put back when ``original`` had it
    ("Kim J." stays "Kim J.", not "Kim J"): edge punctuation is no part of a name, that dot is."""
    if original.rstrip(" ,;:").endswith(".") and _LAST_INITIAL.search(stripped):
        return stripped + "."  # (the literal test first: most slots end in no full stop)
    return stripped


_WHERE = regex.compile(r",\s+(?:of|in|from|at)\s+(?:the\s+)?\p{Lu}[^,;&/]*$")
"""A byline's place after the name, lower-case word first (", of China", ", in Dandong")."""
_INITIAL_END = regex.compile(r"(?:^|\s)\p{Lu}\.$")
"""A given name closing on an initial ("John R."), whose full stop is kept."""
_LIST_WORD = regex.compile(r"\b(?:and|with)\b|[/;&]", regex.IGNORECASE)
_PAIR_LIST = regex.compile(r"\s+(?:and|&)\s+|\s*;\s*", regex.IGNORECASE)
"""The separators between writers each written family name, comma, given name."""


def _inverted(slot: str) -> str | None:
    """One name written family name first, then a comma ("Lankov, Andrei", "Kim, Ji-hyun"), in
    its reading order, or None when the comma separates two people ("Ahn, Lee") or a name and
    its affiliation. A Korean family name before a Korean given name stays first ("Kim
    Ji-hyun")."""
    if _LIST_WORD.search(slot):
        return None
    family, _, given = (p.strip() for p in slot.partition(","))
    family = family.strip(" .")
    given = given.strip(" ") if _INITIAL_END.search(given) else given.strip(" .")
    fam_tokens, given_tokens = family.split(), given.split()
    if len(fam_tokens) != 1 or not 1 <= len(given_tokens) <= 2:
        return None
    if looks_like_name(family) and _INITIALS.fullmatch(given.replace(" ", "")) and "." in given:
        return f"{given} {family}"  # "Smith, J." (a bibliography's initials): "J. Smith"
    if not looks_like_name(family) or not looks_like_name(given) or given.isupper():
        return None
    surnames = korean_surnames()
    if family.isupper() and family.casefold() not in surnames:
        return None  # "DPRK, Pyongyang"; a family name in capitals is "KIM, Ji-hyun"
    if not not_given_names().isdisjoint((family, *given_tokens)) or is_place(family):
        return None  # "Seoul, Korea": a place
    first = given_tokens[0]
    if "-" not in first and first.casefold() in surnames:
        return None  # "Ahn, Lee", "Haggard, Kim Min": the second is a person of their own
    # "Ji-hyun", "Ji Hyun" (not "Victor D.": a Western given name and an initial)
    korean_given = "-" in given or (len(given_tokens) == 2 and _korean_given(given_tokens))
    if family.casefold() in surnames and korean_given:
        return f"{family} {given}"  # as Koreans write it ("Kim Ji-hyun")
    return f"{given} {family}"  # "Andrei Lankov", "Victor Cha" (the key finds the family)


def _may_split(text: str) -> bool:
    """Whether `_SPLIT` can match: a separator character, or "and"/"with" in any case."""
    if "," in text or "/" in text or ";" in text or "&" in text:
        return True
    low = text.lower()
    return "and" in low or "with" in low


def looks_like_name(text: str) -> bool:
    """Whether text is plausibly a personal name: 1-5 capitalised tokens, no function words."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 60:
        return False
    for tok in tokens:
        bare = tok.strip(".,")
        low = bare.casefold()
        if low in _NOT_NAME:
            return False
        if low in _PARTICLES or ("-" in low and low.partition("-")[0] in _PARTICLES):
            continue  # "van", "al-Jazaeri"
        if not bare[:1].isupper():
            return False
        if not (bare.isascii() and bare.isalpha()) and not _TOKEN.fullmatch(bare):
            return False  # (an ASCII word of letters alone is a token)
    # a headline's verb inside the words ("Kim Jong Un Visits Factory") makes a headline, not a
    # name (a last word may still be a family name: "Edward Said")
    if len(tokens) > 2 and not headline_verbs().isdisjoint(t.casefold() for t in tokens[1:-1]):
        return False
    # acronyms beside ordinary words ("IFES NK Brief") name a body or a series, not a person
    # (a family name in capitals, "CHOI Kyungsoo", or a byline all in capitals is a name)
    caps = sum(1 for t in tokens if len(t.strip(".,")) > 1 and t.strip(".,").isupper())
    if caps >= 2 and caps < len(tokens):
        return False
    # not initials alone (the first token usually settles it)
    return len(tokens[0].strip(".")) > 1 or any(len(t.strip(".")) > 1 for t in tokens)


def _squash(text: str) -> str:
    return _SQUASH.sub("", text).casefold()


@functools.cache
def _places() -> frozenset[str]:
    """Places of bylines and datelines (names.toml), casefolded."""
    return frozenset(p.casefold() for p in load_toml("names.toml").get("places", []))


def is_place(text: str) -> bool:
    """Whether text is a place that stands in bylines ("Seoul", "Dandong"), never a name."""
    return " ".join(text.split()).casefold().strip(" .,") in _places()


@functools.cache
def _cjk_surnames() -> dict[str, frozenset[str]]:
    """Japanese and Chinese family names from cjk_names.toml, casefolded without diacritics."""
    table = load_toml("cjk_names.toml")
    return {
        lang: frozenset(_plain(s) for s in table.get(lang, [])) for lang in ("japanese", "chinese")
    }


def _plain(token: str) -> str:
    """Casefolded, without diacritics (ō → o, ü → u) or a trailing full stop."""
    decomposed = unicodedata.normalize("NFD", token.casefold().strip("."))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# A romanised given name, one syllable at a time. Hepburn: (C)(y)V or a syllabic n, with
# geminates ("Ippei", "Kenta", "Shinzo", "Ryutaro"). Pinyin and Wade-Giles: an initial, a vowel
# group and an n/ng/r coda, at most two syllables to each hyphen-separated part ("Jinping",
# "Ying-jeou"); a longer Western name ("Jennifer") does not fit.
_HEPBURN = regex.compile(
    r"(?:(?:(?:ch|sh|ts|[kgsztdnhbpmrfj])y?|[yw])?[aeiou]|n(?![aeiouy])|([kstpcg])(?=\1|ch))+"
)
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|ts|tz|hs|[bcdfghjklmnpqrstwxyz])?h?['’]?"
    r"(?:[aeiou]{1,3})(?:ng|n(?![aeiou])|r(?![aeiou]))?"
)
_PINYIN = regex.compile(rf"{_PINYIN_SYLLABLE}(?:{_PINYIN_SYLLABLE})?")


def _given_shape(tokens: list[str], lang: str) -> bool:
    """Whether every token reads as (part of) a romanised given name of ``lang``."""
    pattern = _HEPBURN if lang == "japanese" else _PINYIN
    parts = [p for t in tokens for p in regex.split(r"[-‐‑]", _plain(t))]
    return bool(parts) and all(p and pattern.fullmatch(p) for p in parts)


def _cjk_family_first(tokens: list[str]) -> bool | None:
    """Japanese or Chinese order: the family name is known and the rest reads as a given name."""
    first, last = _plain(tokens[0]), _plain(tokens[-1])
    for lang, surnames in _cjk_surnames().items():
        first_is = first in surnames and _given_shape(tokens[1:], lang)
        last_is = last in surnames and _given_shape(tokens[:-1], lang)
        if first_is:
            return True
        if last_is:
            return False
    return None


def family_first(tokens: list[str]) -> bool | None:
    """True if a romanised East Asian name is written family-first, False if given-first, None
    if unsure (then it is read as a Western name)."""
    if len(tokens) < 2:
        return None
    korean = _korean_family_first(tokens)
    return korean if korean is not None else _cjk_family_first(tokens)


# A romanised Korean given name, one syllable at a time (Revised and McCune-Reischauer
# spellings and the common variants: "Sang-hun", "Song Il", "Seulkee", "Hyemin", "Ch'ŏl-su");
# at most three syllables to each hyphen-separated part, so a Western name ("Herskovitz",
# "Ashford") does not fit.
_KOREAN_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|ts|sh|[gkndtrlmbpsjhcf])?['’]?[wy]?"
    r"[aeiouŏŭö]{1,3}(?:ng|[nmlkptrb](?![aeiouŏŭöwy]))?"
)
_KOREAN_GIVEN = regex.compile(rf"(?:{_KOREAN_SYLLABLE}){{1,3}}")


def _korean_given(tokens: list[str]) -> bool:
    """Whether every token reads as (part of) a romanised Korean given name."""
    parts = [p for t in tokens for p in regex.split(r"[-‐‑]", t.casefold().strip("."))]
    return bool(parts) and all(p and _KOREAN_GIVEN.fullmatch(p) for p in parts)


def _korean_family_first(tokens: list[str]) -> bool | None:
    surnames = korean_surnames()
    first = tokens[0].casefold().strip(".")
    last = tokens[-1].casefold().strip(".")
    first_is, last_is = first in surnames, last in surnames
    if first_is and not last_is:
        # a family name alone is not enough ("Jon Herskovitz", "Min Ashford"): the rest must
        # read as a Korean given name
        return True if _korean_given(tokens[1:]) else None
    if last_is and not first_is:
        # "Zhang Min": a Chinese or Japanese family name before a given name wins
        return False if _cjk_family_first(tokens) is not True else None
    if first_is and last_is:
        # "Hyung-jin Kim": a hyphenated given name marks the other token as family
        return not ("-" in tokens[0] and "-" not in tokens[-1])
    return None


@functools.lru_cache(maxsize=65536)
def make_author(name: str) -> Author:
    """Build an `Author` with given/family parts and the canonical key (memoised: immutable)."""
    name = " ".join(name.split())
    tokens = name.split(" ")
    if len(tokens) == 1:
        return Author(name=name, family=name, order="single", key=_squash(name))
    east_asian = family_first(tokens)
    if (
        east_asian is None
        and len(tokens) == 2
        and _INITIALS.fullmatch(tokens[1])
        and "." in tokens[1]
        and not _INITIALS.fullmatch(tokens[0])
    ):
        # "Kim J.", "Smith J.-H.": the family name, then the given name's initials
        family, given = tokens
        return Author(
            name=name, given=given, family=family, order="family-first",
            key=f"{_squash(family)}|{given.casefold()}",
        )  # fmt: skip
    if east_asian is True:
        family, given = tokens[0], " ".join(tokens[1:])
        order = "family-first"
    else:
        family, given = tokens[-1], " ".join(tokens[:-1])
        order = "given-first"
    if east_asian is None:
        # Western names keep all given names in the key ("Benjamin Katzeff Silberstein").
        key = f"{_squash(family)}|{' '.join(t.casefold() for t in tokens[:-1])}"
    else:
        # romanisation variants ("Shinzō"/"Shinzo", "Kim Il-sŏng"/"Kim Il Song") share a key
        key = f"{_squash(_plain(family))}|{_squash(_plain(given))}"
    return Author(name=name, given=given, family=family, order=order, key=key)


def canonical_key(name: str) -> str:
    """The canonical key of a personal name (see module docstring)."""
    return make_author(name).key
