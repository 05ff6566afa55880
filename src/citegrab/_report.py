"""`citegrab report`: one self-contained HTML file (inline SVG, CSS and a few lines of JS).

It shows citations per outlet over time (a timeline by the quoting post's date, and one by the
cited article's date), the most cited outlets and authors, the most mentioned people, provinces
and institutions, and a searchable table of quotes with their citations. No external scripts, fonts or styles, so it opens offline and archives well.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from html import escape

from ._html_repr import STYLE, citation_card, highlight
from ._models import Document

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
)  # fmt: skip

SEARCH_JS = """
(function(){
  var box=document.getElementById('search'), rows=document.querySelectorAll('#quotes > tbody > tr');
  function apply(){
    var q=box.value.toLowerCase(), shown=0;
    rows.forEach(function(r){var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;
      r.style.display=hit?'':'none'; if(hit) shown++;});
    document.getElementById('shown').textContent=shown;
  }
  box.addEventListener('input',apply);
  if(location.hash.indexOf('#q=')===0){box.value=decodeURIComponent(location.hash.slice(3));}
  apply();
})();
"""


_AXES = {
    "post": ("the quoting post's date", "Citations per outlet, by the date of the post"),
    "article": ("the cited article's date", "Citations per outlet, by the cited article's date"),
}


def _timeline(docs: list[Document], by: str = "post", width: int = 900) -> str:
    """One row per outlet, one dot per citation placed by the post's date (``by="post"``: which
    outlets the blog cites over time) or the cited article's (``by="article"``); the other date
    shows on hover. Month ticks along the bottom."""
    points: list[tuple[str, dt.date, str]] = []
    undated = 0
    for doc in docs:
        for c in doc.citations:
            outlet = c.effective_outlet
            when = c.post_date if by == "post" else c.date
            if outlet is None:
                continue
            if when is None:
                undated += 1
                continue
            other = c.date if by == "post" else c.post_date
            label = "article" if by == "post" else "post"
            hover = f"{outlet.name}; post {c.post_date or '—'}, article {c.date or '—'}"
            if other is None:
                hover += f" (no {label} date)"
            points.append((outlet.name, when, hover))
    if not points:
        return f"<p>No citations with an outlet and {_AXES[by][0]}.</p>"
    svg_id = "timeline" if by == "post" else "timeline-article"
    note = (
        f"<p class='lead'>{undated} citations with an outlet but no {_AXES[by][0]} are not "
        "shown.</p>"
        if undated
        else ""
    )
    counts = Counter(name for name, _, _ in points)
    outlets = [name for name, _ in counts.most_common()]
    lo = min(p[1] for p in points)
    hi = max(p[1] for p in points)
    span = max(1, (hi - lo).days)
    left, right, row_h, top = 210, 20, 26, 10
    height = top + row_h * len(outlets) + 40
    plot_w = width - left - right

    pad = 12  # room for the largest dot at either end

    def x(d: dt.date) -> float:
        return left + pad + (plot_w - 2 * pad) * (d - lo).days / span

    parts = [
        f'<svg id="{svg_id}" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" role="img" aria-label="{_AXES[by][1]}">'
    ]
    for i, name in enumerate(outlets):
        y = top + row_h * i + row_h / 2
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<g class="outlet" data-outlet="{escape(name, quote=True)}">')
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12">'
            f"{escape(name)} ({counts[name]})</text>"
        )
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e3e3ea"/>'
        )
        # one dot per date, its area growing with the citations on it (a post often cites
        # one outlet several times); the hover lists each
        same_day: dict[dt.date, list[str]] = {}
        for n, when, hover in points:
            if n == name:
                same_day.setdefault(when, []).append(hover)
        for when, hovers in same_day.items():
            r = min(11.0, 4 * len(hovers) ** 0.4)
            parts.append(
                f'<circle cx="{x(when):.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" '
                f'fill-opacity="0.6" data-n="{len(hovers)}">'
                f"<title>{escape(chr(10).join(hovers))}</title></circle>"
            )
        parts.append("</g>")
    axis_y = top + row_h * len(outlets) + 8
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#889"/>'
    )
    ticks = _month_ticks(lo, hi)
    step = max(1, len(ticks) // 12)
    for t in ticks[::step]:
        parts.append(
            f'<text x="{x(t):.1f}" y="{axis_y + 16}" text-anchor="middle" font-size="11">'
            f"{t.strftime('%b %Y')}</text>"
        )
    parts.append("</svg>")
    return "".join(parts) + note


def _month_ticks(lo: dt.date, hi: dt.date) -> list[dt.date]:
    ticks = []
    day = dt.date(lo.year, lo.month, 1)
    if day < lo:
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    while day <= hi:
        ticks.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return ticks or [lo]


def _top_table(title: str, counter: Counter[str], table_id: str, n: int = 15) -> str:
    rows = "".join(
        f"<tr><td>{escape(k)}</td><td style='text-align:right'>{v}</td></tr>"
        for k, v in counter.most_common(n)
    )
    if not rows:
        rows = "<tr><td colspan='2'>none</td></tr>"
    return f"<div class='top'><h3>{escape(title)}</h3><table id='{table_id}'>{rows}</table></div>"


def render_report(documents: Iterable[Document], title: str = "citegrab report") -> str:
    """The report as one HTML string."""
    docs = list(documents)
    outlets: Counter[str] = Counter()
    authors: Counter[str] = Counter()
    for d in docs:
        for c in d.citations:
            outlet = c.effective_outlet
            if outlet is not None:
                outlets[outlet.name] += 1
            for a in c.authors:
                authors[a.name] += 1
    mentions: dict[str, Counter[str]] = {
        "PERSON": Counter(),
        "PROVINCE": Counter(),
        "INSTITUTION": Counter(),
    }
    for d in docs:
        for e in d.entities:
            if e.label in mentions:
                mentions[e.label][e.canonical] += 1
    rows = []
    for d in docs:
        for q in d.quotes:
            quote = highlight(q.text, q.span.start, q.entities)
            cites = "".join(citation_card(c) for c in q.citations) or (
                "<span class='diag'>no citation"
                + (f" — attributed to {escape(q.attributed_to.name)}" if q.attributed_to else "")
                + "</span>"
            )
            where = f"{escape(d.id or '')}:{q.first_line}–{q.last_line}"
            rows.append(
                f"<tr><td class='raw'>{where}</td><td><div class='q'>{quote}</div></td><td>{cites}</td></tr>"
            )
    n_cites = sum(len(d.citations) for d in docs)
    n_quotes = sum(len(d.quotes) for d in docs)
    tops = "".join(
        [
            _top_table("Most cited outlets", outlets, "top-outlets"),
            _top_table("Most cited authors", authors, "top-authors"),
            _top_table("People mentioned", mentions["PERSON"], "top-people"),
            _top_table("Provinces mentioned", mentions["PROVINCE"], "top-provinces"),
            _top_table("Institutions mentioned", mentions["INSTITUTION"], "top-institutions"),
        ]
    )
    css = (
        "<style>body{margin:24px}h1{font:600 22px system-ui}h2{font:600 17px system-ui;margin-top:28px}"
        ".tops{display:flex;flex-wrap:wrap;gap:24px}.top table{border-collapse:collapse;font-size:13px}"
        ".top td{padding:2px 8px;border-bottom:1px solid #eee}#quotes{border-collapse:collapse;width:100%}"
        "#quotes td{vertical-align:top;border-top:1px solid #ddd;padding:6px}"
        ".q{white-space:pre-wrap;max-height:14em;overflow:auto}#search{font-size:14px;padding:4px;width:320px}"
        "</style>"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>{STYLE}{css}</head><body><div class='cg'>"
        f"<h1>{escape(title)}</h1>"
        f"<p>{len(docs)} documents · {n_quotes} quotes · {n_cites} citations · "
        f"{sum(len(d.entities) for d in docs)} entity mentions</p>"
        f"<h2>Citations per outlet over time</h2>"
        f"<p class='lead'>Each dot is a day's citations of an outlet (larger: more), placed by "
        f"the date of the post that quotes them (hover for the cited articles' dates).</p>{_timeline(docs, 'post')}"
        f"<details><summary>By the cited article's date</summary>"
        f"{_timeline(docs, 'article')}</details>"
        f"<h2>Most cited and most mentioned</h2><div class='tops'>{tops}</div>"
        f"<h2>Quotes and their citations</h2>"
        f"<p><input id='search' type='search' placeholder='Search quotes, outlets, authors…'> "
        f"<span id='shown'>{len(rows)}</span> of {len(rows)} shown</p>"
        f"<table id='quotes'><thead><tr><th>where</th><th>quote</th><th>citation</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"</div><script>{SEARCH_JS}</script></body></html>"
    )
