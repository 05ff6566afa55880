"""HTML renderings for notebooks (``_repr_html_``) and the report: quotes with their entities
highlighted by label, and citation cards with the normalised fields, the text as written and
the diagnostics. Every string is escaped; the markup carries its own small stylesheet."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ._models import Citation, Document, Entity, Post, Quote

LABEL_COLOURS = {
    "PERSON": "#ffe08a",
    "PROVINCE": "#b5e3b0",
    "INSTITUTION": "#b9d7ff",
}
STYLE = (
    "<style>"
    ".cg{font-family:system-ui,sans-serif;font-size:13px;line-height:1.45;max-width:960px}"
    # notebook front ends right-align table cells (JupyterLab's .jp-RenderedHTMLCommon td):
    # say left explicitly, with more specific selectors than theirs
    ".cg,.cg .card table,.cg .card td,.cg .card th{text-align:left}.cg .card table{margin:0}"
    ".cg .card{border:1px solid #ccd;border-radius:6px;padding:6px 10px;margin:6px 0;background:#fafbff}"
    ".cg .card table{border-collapse:collapse}.cg .card td{padding:1px 8px 1px 0;vertical-align:top}"
    ".cg .card td:first-child{color:#667;white-space:nowrap}"
    ".cg .raw{font-family:ui-monospace,monospace;font-size:12px;color:#334}"
    ".cg .diag{color:#8a4b00;font-size:12px}.cg .lead{color:#667;font-style:italic}"
    ".cg blockquote{border-left:3px solid #99a;margin:6px 0;padding:2px 10px;white-space:pre-wrap}"
    ".cg mark{border-radius:3px;padding:0 2px}"
    + "".join(f".cg mark.{k}{{background:{v}}}" for k, v in LABEL_COLOURS.items())
    + ".cg mark.other{background:#eee}.cg .legend mark{margin-right:6px}"
    "</style>"
)


def highlight(text: str, start: int, entities: Iterable[Entity]) -> str:
    """``text`` (which starts at document offset ``start``) with entity mentions in <mark>s."""
    out: list[str] = []
    pos = 0
    for e in sorted(entities, key=lambda e: e.span.start):
        a, b = e.span.start - start, e.span.end - start
        if a < pos or b > len(text):
            continue
        cls = e.label if e.label in LABEL_COLOURS else "other"
        title = escape(f"{e.label}: {e.canonical}", quote=True)
        out.append(escape(text[pos:a]))
        out.append(f'<mark class="{cls}" title="{title}">{escape(text[a:b])}</mark>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def _row(name: str, value: object) -> str:
    return f"<tr><td>{escape(name)}</td><td>{value}</td></tr>"


def citation_card(c: Citation) -> str:
    """A citation card (no stylesheet)."""
    outlet = c.outlet or c.inferred_outlet
    outlet_text = "—"
    if outlet is not None:
        outlet_text = escape(outlet.name)
        if c.outlet is None:
            outlet_text += " <i>(inferred)</i>"
        elif outlet.raw and outlet.raw != outlet.name:
            outlet_text += f" <span class='raw'>({escape(outlet.raw)})</span>"
    date = escape(c.date.isoformat()) if c.date else "—"
    if c.date_raw:
        date += f" <span class='raw'>({escape(c.date_raw)}"
        date += f"; {escape(str(c.date_resolution))})</span>" if c.date_resolution else ")</span>"
    rows = [
        _row("authors", escape(", ".join(a.name for a in c.authors)) or "—"),
        _row("title", escape(c.title or "—")),
        _row("outlet", outlet_text),
        _row("date", date),
        _row("line", f"{c.line}" + (f" · {escape(c.doc)}" if c.doc else "")),
        _row("as written", f"<span class='raw'>{escape(c.raw)}</span>"),
    ]
    if c.diagnostics:
        items = "".join(
            f"<li><b>{escape(str(d.code))}</b>: {escape(d.message)}</li>" for d in c.diagnostics
        )
        rows.append(_row("diagnostics", f"<ul class='diag'>{items}</ul>"))
    return f"<div class='card'><table>{''.join(rows)}</table></div>"


def quote_block(q: Quote) -> str:
    """A quote with its lead-in, highlighted text and citation cards (no stylesheet)."""
    parts = []
    if q.lead_in:
        parts.append(f"<div class='lead'>{escape(q.lead_in)}</div>")
    parts.append(f"<blockquote>{highlight(q.text, q.span.start, q.entities)}</blockquote>")
    if q.citations:
        parts.extend(citation_card(c) for c in q.citations)
    else:
        who = f" — attributed to {escape(q.attributed_to.name)}" if q.attributed_to else ""
        parts.append(f"<div class='diag'>no citation line{who}</div>")
    return "".join(parts)


def legend() -> str:
    return (
        "<div class='legend'>"
        + "".join(f"<mark class='{k}'>{k}</mark>" for k in LABEL_COLOURS)
        + "</div>"
    )


def citation_html(c: Citation) -> str:
    """Notebook view of a citation."""
    return f"{STYLE}<div class='cg'>{citation_card(c)}</div>"


def quote_html(q: Quote) -> str:
    """Notebook view of a quote."""
    return f"{STYLE}<div class='cg'>{legend()}{quote_block(q)}</div>"


def _post_body(p: Post) -> str:
    head = f"<h3>{escape(p.title or '(untitled)')}</h3><div class='lead'>"
    head += escape(" · ".join(x for x in (str(p.date) if p.date else "", p.byline or "") if x))
    head += f" · lines {p.first_line}–{p.last_line}</div>"
    body = "".join(quote_block(q) for q in p.quotes)
    loose = [c for c in p.citations if c.quote is None]
    body += "".join(citation_card(c) for c in loose)
    return head + body


def post_html(p: Post) -> str:
    """Notebook view of a post."""
    return f"{STYLE}<div class='cg'>{legend()}{_post_body(p)}</div>"


def document_html(d: Document, max_posts: int = 20) -> str:
    """Notebook view of a document (the first ``max_posts`` posts)."""
    summary = (
        f"<b>{escape(d.id or 'document')}</b>: {len(d.posts)} posts, {len(d.quotes)} quotes, "
        f"{len(d.citations)} citations, {len(d.entities)} entities"
    )
    posts = "".join(_post_body(p) for p in d.posts[:max_posts])
    more = (
        f"<p class='lead'>… {len(d.posts) - max_posts} more posts</p>"
        if len(d.posts) > max_posts
        else ""
    )
    return f"{STYLE}<div class='cg'>{summary}{legend()}{posts}{more}</div>"
