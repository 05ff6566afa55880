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


def is_given_name_token(tok: str) -> bool:
    """A capitalised token that parses as one or two romanised syllables ("Tok", "Seulkee", "Jong-un")."""
    if tok in not_given_names():
        return False
    return bool(
        tok[:1].isupper() and (tok[1:].islower() or "-" in tok) and GIVEN_TOKEN.fullmatch(tok)
    )


_NAME_TOKEN = regex.compile(r"\p{Lu}[\p{Ll}ŏŭ]+(?:-[\p{L}ŏŭ]+)?")


def korean_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Family-first romanised names: a Korean surname then one or two given-name tokens."""
    surnames = korean_surnames()
    toks = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(text)]
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
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
