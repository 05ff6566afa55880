"""HTML/WARC path: `citegrab extract crawl.warc.gz --no-entities` against a bare parse baseline.

Run: python benchmarks/bench_html.py [--pages 2000] [--repeat 3] [--bs4-sample 200]

Builds a gzipped WARC of WordPress single-post pages (the dev corpus's posts, rendered as
tests/test_html_corpus.py does, with head metadata, menus, widgets and comments, each copy with
varied text) and times, in the same run:
- ``baseline``: warcio iteration + selectolax/Lexbor parse + boilerplate removal (one CSS
  selector, decompose) + the body's text — the floor any HTML reader pays;
- ``citegrab_read``: citegrab's reader alone (WARC → rendered text + post/quote hints);
- ``citegrab_extract``: ``citegrab extract crawl.warc.gz --no-entities`` (in process, to a file);
- ``bs4_lxml`` (a sample, scaled): the previous reader's core — BeautifulSoup(lxml) + soupsieve
  selection + get_text — the choice this script was written to measure;
- ``warcio_iter`` / ``fastwarc_iter``: reading the records' payloads only (fastwarc if importable).
The issue's target is citegrab_extract / baseline <= 3 (``extract_over_baseline``; the CPU-time
ratios beside it are steadier on a busy machine). Self-contained: no other benchmark module is
imported.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
NOISE = (
    "script, style, noscript, template, iframe, svg, form, nav, aside, #comments, .comments, "
    ".sidebar, #sidebar, .widget-area, .widget, .site-footer, .site-header, .sharedaddy, .share"
)
FILLER = [
    "Analysts in Seoul said the figures should be read with caution.",
    "The report did not say how the survey was conducted.",
    "Prices had been stable for most of the previous quarter.",
    "Traders near the border told reporters that shipments were delayed.",
    "Officials declined to comment on the new regulations.",
    "Satellite imagery shows construction continuing at the site.",
]


def _esc(text: str) -> str:
    out = html.escape(text, quote=False)
    for ch, ref in (("“", "&#8220;"), ("”", "&#8221;"), ("’", "&#8217;"), ("‘", "&#8216;")):
        out = out.replace(ch, ref)
    return out


def _posts() -> list[tuple[dict[str, object], list[str]]]:
    """The dev corpus's posts as (gold post record, HTML body blocks)."""
    lines = (CORPUS / "nkeconwatch-2022.txt").read_text(encoding="utf-8").split("\n")
    read = lambda n: [  # noqa: E731
        json.loads(x) for x in (CORPUS / n).read_text(encoding="utf-8").splitlines()
    ]
    posts, quotes = read("nkeconwatch-2022.posts.jsonl"), read("nkeconwatch-2022.quotes.jsonl")
    starts = {q["first_line"]: q["last_line"] for q in quotes}
    out = []
    for p in posts:
        blocks: list[str] = []
        n = p["first_line"] + 3 + (2 if p["byline"] else 0)
        while n < p["last_line"]:
            if n in starts:
                paras = [x for x in lines[n - 1 : starts[n]] if x.strip()]
                blocks.append(
                    "<blockquote>" + "".join(f"<p>{_esc(x)}</p>" for x in paras) + "</blockquote>"
                )
                n = starts[n] + 1
                continue
            if lines[n - 1].strip():
                blocks.append(f"<p>{_esc(lines[n - 1])}</p>")
            n += 1
        out.append((p, blocks))
    return out


def page(p: dict[str, object], blocks: list[str], k: int, rng: random.Random) -> str:
    """One WordPress single-post page (copy ``k``), with head metadata and page furniture."""
    body = list(blocks)
    for _ in range(rng.randint(1, 4)):  # vary the text between copies
        body.insert(rng.randrange(len(body) + 1), f"<p>{rng.choice(FILLER)} (note {k})</p>")
    title = _esc(str(p["title"]))
    date = str(p["date"])
    menu = "".join(
        f"<li class='menu-item'><a href='/c/{i}'>Category {i}</a></li>" for i in range(12)
    )
    recent = "".join(f"<li><a href='/p/{i}'>Recent post {i} on trade</a></li>" for i in range(8))
    comments = "".join(
        f"<li class='comment'><p>Reader {i}: thanks (Source: a reader, “Spam,” 3/3/2021.)</p></li>"
        for i in range(rng.randint(0, 6))
    )
    byline = (
        f"<span class='author vcard'><a class='fn'>{_esc(str(p['byline']))}</a></span>"
        if p["byline"]
        else ""
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | NK Notes</title>"
        f"<meta property='article:published_time' content='{date}T09:00:00+00:00'>"
        "<link rel='stylesheet' href='/style.css'><style>body{margin:0}.x{color:red}</style>"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){}</script></head>"
        "<body class='post-template-default single single-post'>"
        f"<header id='masthead' class='site-header'><nav class='menu'><ul>{menu}</ul></nav></header>"
        f"<main id='main'><article class='post type-post hentry'>"
        f"<h1 class='entry-title'>{title}</h1>"
        f"<div class='entry-meta'><time class='entry-date published' datetime='{date}'>{date}</time> {byline}</div>"
        f"<div class='entry-content'>{''.join(body)}</div>"
        "<div class='sharedaddy'><a>Twitter</a><a>Facebook</a></div></article>"
        f"<div id='comments' class='comments-area'><ol class='comment-list'>{comments}</ol></div></main>"
        f"<aside id='secondary' class='widget-area'><section class='widget'><ul>{recent}</ul></section></aside>"
        "<footer class='site-footer'><p>© NK Notes</p></footer></body></html>"
    )


def build_warc(path: Path, pages: int) -> int:
    """Write a gzipped WARC of ``pages`` response records (plus a request each); its size."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(11)
    posts = _posts()
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for k in range(pages):
            p, blocks = posts[k % len(posts)]
            url = f"https://nknotes.example/{str(p['date']).replace('-', '/')}/post-{k}/"
            body = page(p, blocks, k, rng).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1"
            )
            w.write_record(
                w.create_warc_record(url, "request", payload=io.BytesIO(b"GET /\r\n\r\n"))
            )
            w.write_record(
                w.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
    return path.stat().st_size


CPU: dict[str, float] = {}


def best_of(fn: Callable[[], object], repeat: int, name: str = "") -> float:
    """Best wall time of ``repeat`` runs; the best CPU time is kept in CPU[name]."""
    best = cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    CPU[name] = cpu
    return best


def baseline(path: Path) -> int:
    """warcio + Lexbor parse + boilerplate removal + text: characters of text produced."""
    from selectolax.lexbor import LexborHTMLParser
    from warcio.archiveiterator import ArchiveIterator

    total = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            tree = LexborHTMLParser(rec.content_stream().read())
            for node in tree.css(NOISE):
                node.decompose()
            body = tree.body
            total += len(body.text(separator="\n")) if body is not None else 0
    return total


def bs4_sample(path: Path, limit: int) -> tuple[float, int]:
    """The previous reader's core (bs4 + lxml + soupsieve + get_text) on ``limit`` pages."""
    from bs4 import BeautifulSoup
    from warcio.archiveiterator import ArchiveIterator

    pages = []
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                pages.append(rec.content_stream().read())
                if len(pages) >= limit:
                    break
    t = time.perf_counter()
    for data in pages:
        soup = BeautifulSoup(data, "lxml")
        for el in soup.select(NOISE):
            el.decompose()
        for sel in ("article", ".entry-title", "time", ".author", ".entry-content"):
            soup.select(sel)
        soup.get_text("\n")
    return time.perf_counter() - t, len(pages)


def warcio_iter(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                n += len(rec.content_stream().read())
    return n


def fastwarc_iter(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            n += len(rec.reader.read())
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--bs4-sample", type=int, default=200, help="0 to skip the bs4 comparison")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from citegrab._inputs._readers import Source, read, rendered
    from citegrab.cli import main as cli_main

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "crawl.warc.gz"
        size = build_warc(warc, args.pages)
        out = Path(tmp) / "out.jsonl"

        def extract() -> None:
            rc = cli_main(["extract", str(warc), "--no-entities", "-o", str(out)])
            assert rc == 0, rc

        def read_all() -> None:
            # reading and rendering every page (the WARC reader hands pages out unrendered;
            # each is rendered where it is extracted)
            n = sum(isinstance(rendered(s), Source) for s in read([warc]) if isinstance(s, Source))
            assert n == args.pages

        assert "spacy" not in sys.modules
        t_base = best_of(lambda: baseline(warc), args.repeat, "base")
        t_read = best_of(read_all, args.repeat, "read")
        t_extract = best_of(extract, args.repeat, "extract")
        citations = sum(1 for _ in out.open(encoding="utf-8"))
        result: dict[str, object] = {
            "pages": args.pages,
            "warc_bytes": size,
            "citations": citations,
            "baseline_s": round(t_base, 3),
            "citegrab_read_s": round(t_read, 3),
            "citegrab_extract_s": round(t_extract, 3),
            "read_over_baseline": round(t_read / t_base, 2),
            "extract_over_baseline": round(t_extract / t_base, 2),
            # CPU-time ratios: steadier than wall time on a shared machine
            "cpu_read_over_baseline": round(CPU["read"] / CPU["base"], 2),
            "cpu_extract_over_baseline": round(CPU["extract"] / CPU["base"], 2),
            # what extraction adds after reading (the text parse path and the output writer)
            "cpu_parse_and_write_over_baseline": round(
                (CPU["extract"] - CPU["read"]) / CPU["base"], 2
            ),
        }
        t_warcio = best_of(lambda: warcio_iter(warc), args.repeat)
        result["warcio_iter_s"] = round(t_warcio, 3)
        try:
            t_fast = best_of(lambda: fastwarc_iter(warc), args.repeat)
            result["fastwarc_iter_s"] = round(t_fast, 3)
            result["fastwarc_saves_of_extract"] = round((t_warcio - t_fast) / t_extract, 3)
        except ImportError:
            result["fastwarc_iter_s"] = None
        if args.bs4_sample:
            try:
                t_bs4, n = bs4_sample(warc, args.bs4_sample)
                result["bs4_lxml_s_scaled"] = round(t_bs4 * args.pages / n, 3)
                result["bs4_over_baseline"] = round(t_bs4 * args.pages / n / t_base, 2)
            except ImportError:
                result["bs4_lxml_s_scaled"] = None
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
