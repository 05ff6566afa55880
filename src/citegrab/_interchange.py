"""Interchange: CSL-JSON for reference managers, and rendering a citation back as a blog line."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._models import Author, Citation


def _csl_name(a: Author) -> dict[str, str]:
    """A CSL name: family and given as recognised (Korean family-first order respected)."""
    if a.order == "single" or not a.given:
        return {"literal": a.name}
    return {"family": a.family or "", "given": a.given}


def csl_id(c: Citation) -> str:
    """A stable CSL id: document, line and part, hashed to keep it short and safe."""
    key = f"{c.doc or ''}:{c.line}:{c.part}:{c.raw}"
    return "citegrab-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


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


def _reads_back(c: Citation) -> bool:
    """Whether the date as written reads back to the same date against the post's date (a
    citation after a dated update was read against the update's date: then ISO is safer)."""
    from ._dates import parse_date

    if c.date is None:
        return True
    again = parse_date(c.date_raw or "", c.post_date)
    return (
        again is not None
        and again.value == c.date
        and again.precision == (c.date_precision or "day")
    )


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _date_text(c: Citation) -> str:
    """The date in a form that reads back unambiguously at its precision."""
    assert c.date is not None
    if c.date_precision == "year":
        return str(c.date.year)
    if c.date_precision == "month":
        return f"{_MONTH_NAMES[c.date.month - 1]} {c.date.year}"  # not strftime: locale-free
    return c.date.isoformat()


def format_citation(c: Citation) -> str:
    """Render in the blog's own style: ``(Source: Author, “Title,” Outlet, Date.)``.

    Parsing the result with the same post date gives back the same authors, title, outlet and
    date (the outlet as written is kept when there was one, the date as written likewise).
    """
    parts: list[str] = []
    if c.authors:
        parts.append(" / ".join(a.name for a in c.authors))
    if c.title:
        parts.append(f"“{c.title},”")
    if c.outlet is not None:
        parts.append(c.outlet.raw or c.outlet.name)
    if c.date_raw and _reads_back(c):
        parts.append(c.date_raw)
    elif c.date is not None:
        parts.append(_date_text(c))
    if c.url:
        parts.append(c.url)
    body = ""
    for p in parts:
        if not body:
            body = p
        elif body.endswith(",”"):
            body += " " + p
        else:
            body += ", " + p
    return f"(Source: {body}.)"
