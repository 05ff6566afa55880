"""A citation rendered back in the blog's own style, ``(Source: Author, “Title,” Outlet, Date.)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .._models import Citation


def _reads_back(c: Citation) -> bool:
    """Whether the date as written reads back to the same date against the post's date (a
    citation after a dated update was read against the update's date: then ISO is safer)."""
    from .._dates import parse_date

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
