"""RIS: tagged records (``TY  - NEWS`` … ``ER  - ``) that reference managers import.

Lines end in CRLF as the RIS specification asks; text is UTF-8. Authors are ``Family, Given``
(CJK family-first names recognised), the outlet is the secondary title (``T2``), the date is
``DA  - YYYY/MM/DD/`` with the year in ``PY``, and ``ID`` is the hash in the CSL item id, so an
RIS and a CSL-JSON export of the same input name each citation alike.
"""

from __future__ import annotations

from typing import Any, ClassVar

from .._models import Author, Citation
from ._base import Writer
from .csl import citation_hash

EOL = "\r\n"


def _clean(text: str) -> str:
    """One line of field text (RIS fields cannot span lines)."""
    return " ".join(text.split())


def _name(a: Author) -> str:
    if a.order == "single" or not a.given:
        return _clean(a.name).replace("*", "")
    return f"{_clean(a.family or '')}, {_clean(a.given)}".replace("*", "")


def to_ris(c: Citation) -> list[tuple[str, str]]:
    """The citation as RIS ``(tag, value)`` pairs, ``TY`` first and ``ER`` last."""
    tags: list[tuple[str, str]] = [("TY", "NEWS"), ("ID", citation_hash(c).upper())]
    tags.extend(("AU", _name(a)) for a in c.authors)
    if c.title:
        tags.append(("TI", _clean(c.title)))
    outlet = c.outlet or c.inferred_outlet
    if outlet is not None:
        tags.append(("T2", _clean(outlet.name).replace("*", "")))
    if c.date is not None:
        tags.append(("PY", f"{c.date.year:04d}"))
        month = f"{c.date.month:02d}" if c.date_precision in (None, "day", "month") else ""
        day = f"{c.date.day:02d}" if c.date_precision in (None, "day") else ""
        tags.append(("DA", f"{c.date.year:04d}/{month}/{day}/"))
    elif c.date_raw:
        tags.append(("DA", _clean(c.date_raw)))
    if c.url:
        tags.append(("UR", _clean(c.url)))
    tags.append(("N1", _clean(f"citegrab: {c.raw}")))
    if c.inferred_outlet is not None and c.outlet is None:
        tags.append(("N1", f"outlet inferred: {c.inferred_outlet.name}"))
    tags.append(("ER", ""))
    return tags


def render(tags: list[tuple[str, str]]) -> str:
    """RIS text of one record (each line ``XX  - value``, CRLF endings)."""
    return "".join(f"{tag}  - {value}{EOL}" for tag, value in tags)


class RisWriter(Writer):
    """RIS records, one per citation, streamed."""

    name: ClassVar[str] = "ris"
    extension: ClassVar[str] = "ris"
    description: ClassVar[str] = "RIS records for reference managers (EndNote, Zotero, Mendeley)"
    kinds = frozenset({"citations"})

    @classmethod
    def map_citation(cls, c: Citation) -> Any:
        return to_ris(c)

    def emit(self, record: Any) -> None:
        self._stream().write(render(record))
