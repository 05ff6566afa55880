"""CSL-JSON: items of type ``article-newspaper`` for reference managers (Zotero, citeproc).

Item ids are stable across working directories and machines: they hash the citation's content
and position (line, part, offset, text as written), never the document id, which is the path
as typed. The same file read from anywhere gives the same ids; a byte-identical copy of a file
gives the same ids too (it holds the same citations), and the writer skips an id it already
wrote in one export.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, ClassVar

from ._base import Writer

if TYPE_CHECKING:  # pragma: no cover
    from .._models import Author, Citation


def _csl_name(a: Author) -> dict[str, str]:
    """A CSL name: family and given as recognised (CJK family-first order respected)."""
    if a.order == "single" or not a.given:
        return {"literal": a.name}
    return {"family": a.family or "", "given": a.given}


def citation_hash(c: Citation) -> str:
    """12 hex digits identifying a citation by content and position (not by document path)."""
    key = f"{c.line}:{c.part}:{c.span.start}:{c.raw}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def csl_id(c: Citation) -> str:
    """The CSL item id: ``citegrab-`` and the citation's hash."""
    return "citegrab-" + citation_hash(c)


def to_csl(c: Citation) -> dict[str, Any]:
    """The citation as a CSL-JSON item (``article-newspaper``)."""
    item: dict[str, Any] = {"id": csl_id(c), "type": "article-newspaper"}
    if c.title:
        item["title"] = c.title
    outlet = c.outlet or c.inferred_outlet
    if outlet is not None:
        item["container-title"] = outlet.name
    if c.authors:
        item["author"] = [_csl_name(a) for a in c.authors]
    if c.date is not None:  # as precise as the source: [[2010, 8]] for "August 2010"
        n = {"year": 1, "month": 2}.get(c.date_precision or "day", 3)
        item["issued"] = {"date-parts": [[c.date.year, c.date.month, c.date.day][:n]]}
    elif c.date_raw:
        item["issued"] = {"raw": c.date_raw}
    if c.url:
        item["URL"] = c.url
    note = [f"citegrab: {c.raw}"]
    if c.inferred_outlet is not None and c.outlet is None:
        note.append(f"outlet inferred: {c.inferred_outlet.name}")
    item["note"] = "\n".join(note)
    return item


class CslJsonWriter(Writer):
    """A JSON array of CSL items, one per citation (an id already written is skipped)."""

    name: ClassVar[str] = "csl-json"
    extension: ClassVar[str] = "csl.json"
    description: ClassVar[str] = "CSL-JSON items for reference managers and citeproc"
    kinds = frozenset({"citations"})

    def start(self) -> None:
        self._ids: set[str] = set()

    @classmethod
    def map_citation(cls, c: Citation) -> Any:
        return to_csl(c)

    def emit(self, record: Any) -> None:
        if record["id"] in self._ids:
            return
        sep = "[\n" if not self._ids else ",\n"
        self._ids.add(record["id"])
        self._stream().write(sep + json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        self._stream().write("[]\n" if not self._ids else "\n]\n")
        super().close()
