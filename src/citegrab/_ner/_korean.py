"""Romanised Korean personal names: family name first, then one or two given-name syllable groups.

Pure text rules (no spaCy): the pipeline uses them to add names the model misses or cuts short.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._data import ambiguous_surnames, korean_surnames, not_given_names

_INITIAL = r"(?:kk|tt|pp|ss|jj|ch|th|kh|ph|sh|ts|[gkndtrlmbpsjhcwy])?"
_VOWEL = r"(?:wae|yae|yeo|ae|ai|eo|eu|ui|oe|wa|wo|we|wi|ya|ye|yo|yu|yoo|ee|oo|ou|ŏ|ŭ|a|e|i|o|u|y)"
_FINAL = r"(?:ng|n|m|l|k|p|t|r|h)?"
_SYL = _INITIAL + _VOWEL + _FINAL
GIVEN_TOKEN = regex.compile(r"(?:" + _SYL + r"){1,2}(?:-(?:" + _SYL + r"){1,2})?", regex.IGNORECASE)


_MR_APOSTROPHE = regex.compile(r"(?<=[OoUu])[’'](?=\p{L})|(?<=(?:[CcKkTtPp]h?))[’'](?=\p{L})")
"""McCune-Reischauer written without diacritics: a breve as an apostrophe after the vowel
("Cho’ng-u’n" for "Chŏng-ŭn") and the aspiration mark after a consonant ("Ch’oe", "P’yo")."""


def _plain(tok: str) -> str:
    """A token with McCune-Reischauer apostrophes turned back into breves or dropped."""
    if "’" not in tok and "'" not in tok:
        return tok
    return (
        _MR_APOSTROPHE.sub(lambda m: "" if m.string[m.start() - 1] not in "OoUu" else "\u0306", tok)
        .replace("o\u0306", "ŏ")
        .replace("u\u0306", "ŭ")
        .replace("O\u0306", "Ŏ")
        .replace("U\u0306", "Ŭ")
    )


def is_given_name_token(tok: str) -> bool:
    """A capitalised token that parses as one or two romanised syllables ("Tok", "Seulkee",
    "Jong-un", McCune-Reischauer's "Cho’ng-u’n")."""
    if tok in not_given_names():
        return False
    tok = _plain(tok).replace("- ", "-")
    return bool(
        tok[:1].isupper() and (tok[1:].islower() or "-" in tok) and GIVEN_TOKEN.fullmatch(tok)
    )


_PART = r"(?:[\p{Ll}ŏŭ]|[’'](?![sS]\b)(?=\p{Ll}))+"
_NAME_TOKEN = regex.compile(
    r"\p{Lu}{3,}(?![\p{L}’'\-])|\p{Lu}" + _PART + r"(?:- ?\p{L}" + _PART + r"|-\p{L})?"
    r"|(?<![\p{L}\p{N}.’'\-])[OU](?=\s\p{Lu}\p{Ll})"
)
"""A capitalised name token, hyphenated (a copy's stray space after the hyphen kept: "Byung-
kee") or with McCune-Reischauer apostrophes inside (not a possessive: "Un’s" is "Un"), or a
family name in capitals ("CHOI Kyungsoo"), or a one-letter family name before a name ("O Kwang-
chol": 오/우, ambiguous surnames, so they start a name only before a hyphenated or two-word given
name)."""


def korean_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Romanised names: a Korean surname then one or two given-name tokens, or a hyphenated
    given name then the surname ("Ju-Min Park", the order of English-language bylines)."""
    surnames = korean_surnames()
    toks = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(text)]
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
        if (
            "-" in t
            and i + 1 < len(toks)
            and toks[i + 1][0] == e + 1
            and text[e] == " "
            and toks[i + 1][2].casefold() in surnames
            and toks[i + 1][2].casefold() not in ambiguous_surnames()
            and is_given_name_token(t)
            and not (i + 2 < len(toks) and toks[i + 2][0] == toks[i + 1][1] + 1)
        ):
            yield s, toks[i + 1][1]
            i += 2
            continue
        if (
            i + 2 < len(toks)
            and toks[i + 2][2].isupper()
            and toks[i + 2][2].casefold() in surnames
            and toks[i + 1][0] == e + 1
            and toks[i + 2][0] == toks[i + 1][1] + 1
            and text[e] == " "
            and text[toks[i + 1][1]] == " "
            and is_given_name_token(t)
            and is_given_name_token(toks[i + 1][2])
        ):  # a given name of two words before a family name in capitals: "Sang Sin LEE"
            yield s, toks[i + 2][1]
            i += 3
            continue
        if (
            t.casefold() in surnames
            and i + 1 < len(toks)
            and text.startswith(", ", e)
            and toks[i + 1][0] == e + 2
            and (s == 0 or text[s - 1] == "\n" or text.endswith(("| ", "; "), 0, s))
        ):  # a list of credits, family name first: "Jung, Keunsik", "Chang, Yong Seok"
            j, end = i + 1, e + 1
            while (
                j < len(toks)
                and j - i <= 2
                and toks[j][0] == end + 1
                and text[end] in ", "
                and is_given_name_token(toks[j][2])
            ):
                end = toks[j][1]
                j += 1
            if j > i + 2 or (j == i + 2 and toks[i + 1][2].casefold() not in surnames):
                # (not a list of family names: "Kim, Lee and Park")
                yield s, end
                i = j
                continue
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
