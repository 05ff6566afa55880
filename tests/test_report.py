"""The HTML report: self-contained, and checked in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import citegrab
from citegrab.cli import main

from .conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def build(tmp_path: Path, inputs: list[Path], capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "report.html"
    assert main(["report", *map(str, inputs), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def dom(tmp_path: Path, url: str) -> str:
    assert CHROMIUM is not None
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_report_is_self_contained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = build(tmp_path, [FIXTURES / "archive-2019.txt"], capsys).read_text(encoding="utf-8")
    assert '<svg id="timeline"' in html and "id='quotes'" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)  # nothing fetched from outside
    for outlet in ("Daily NK", "Korean Central News Agency", "NK News", "Financial Times"):
        assert f'data-outlet="{outlet}"' in html


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI installs it)")
def test_report_in_headless_browser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    report = build(tmp_path, [corpus_dir / "nkeconwatch-2022.txt"], capsys)
    page = dom(tmp_path, report.as_uri())
    doc = citegrab.extract_file(corpus_dir / "nkeconwatch-2022.txt")
    outlets = {
        (c.outlet or c.inferred_outlet).name for c in doc.citations if c.outlet or c.inferred_outlet
    }  # type: ignore[union-attr]
    assert len(outlets) >= 8
    timeline = page[page.index('<svg id="timeline"') : page.index("</svg>")]
    for name in outlets:
        assert f'data-outlet="{name}"' in timeline, name
    n_quotes = len(doc.quotes)
    assert f'<span id="shown">{n_quotes}</span> of {n_quotes}' in page
    # the search box filters the quote table (query from the URL fragment, run by the page's JS)
    filtered = dom(tmp_path, report.as_uri() + "#q=Radio%20Free%20Asia")
    shown = int(re.search(r'<span id="shown">(\d+)</span>', filtered).group(1))  # type: ignore[union-attr]
    assert 0 < shown < n_quotes


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI installs it)")
def test_report_screenshot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = build(tmp_path, [FIXTURES], capsys)
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'p2'}", "--window-size=1200,1600",
         f"--screenshot={shot}", report.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # type: ignore[list-item]  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 10_000


def test_timeline_places_citations_by_post_date(tmp_path: Path) -> None:
    from citegrab._report import render_report

    text = (
        "Old news\n\nJuly 8th, 2022\n\nDaily NK:\n\nRice rose.\n\n"
        "(Source: Kang Mi Jin, “Rice,” Daily NK, 1/1/2019.)\n\n"
        "New news\n\nAugust 8th, 2022\n\nNK News:\n\nFuel fell.\n\n"
        "(Source: Colin Zwirko, “Fuel,” NK News, 1/8/2022.)\n"
    )
    html = render_report([citegrab.extract(text, doc="t.txt")])
    post = html[html.index('<svg id="timeline"') : html.index("</svg>")]
    # by post date the two citations span the whole axis: July 8th left, August 8th right
    assert re.search(
        r'<circle cx="222\.0"[^>]*><title>Daily NK; post 2022-07-08, article 2019-01-01', post
    )
    assert re.search(
        r'<circle cx="868\.0"[^>]*><title>NK News; post 2022-08-08, article 2022-08-01', post
    )
    ticks = re.findall(r'font-size="11">([^<]+)</text>', post)
    assert ticks == ["Aug 2022"]  # the axis spans the posts' dates, not the articles'

    by_article = html[html.index('<svg id="timeline-article"') :]
    assert "Jan 2019" in by_article and "<details>" in html


def test_report_and_frame_agree_on_outlets(corpus_dir: Path) -> None:
    from citegrab._report import render_report

    doc = citegrab.extract_file(corpus_dir / "nkeconwatch-2022.txt")
    html = render_report([doc])
    table = html[
        html.index("id='top-outlets'") : html.index("</table>", html.index("id='top-outlets'"))
    ]
    shown = dict(
        re.findall(r"<tr><td>([^<]+)</td><td style='text-align:right'>(\d+)</td></tr>", table)
    )
    counts = citegrab.to_frame(doc).groupby("outlet").size()
    assert {k: int(v) for k, v in shown.items()} == {k: int(v) for k, v in counts.items()}
    # every citation is one dot's worth on the post-date timeline (dots on one day are merged)
    svg = html[html.index('<svg id="timeline"') : html.index("</svg>")]
    dots = sum(int(n) for n in re.findall(r'data-n="(\d+)"', svg))
    assert dots == sum(1 for c in doc.citations if c.effective_outlet and c.post_date) == 26


JUPYTERLAB_CSS = (
    "<style>.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{text-align:right}"
    ".jp-RenderedHTMLCommon table{margin-left:auto;margin-right:auto}</style>"
)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI installs it)")
def test_cards_are_left_aligned_under_notebook_css(tmp_path: Path, archive_doc) -> None:  # type: ignore[no-untyped-def]
    card = archive_doc.citations[0]._repr_html_()
    probe = (
        "<script>document.body.setAttribute('data-align', Array.from("
        "document.querySelectorAll('.cg td')).map(td => getComputedStyle(td).textAlign)"
        ".join(' '))</script>"
    )
    page = tmp_path / "nb.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{JUPYTERLAB_CSS}</head><body>"
        f"<div class='jp-RenderedHTMLCommon'>{card}</div>{probe}</body></html>",
        encoding="utf-8",
    )
    aligned = re.search(r'data-align="([^"]*)"', dom(tmp_path, page.as_uri()))
    assert aligned is not None and aligned.group(1)
    assert set(aligned.group(1).split()) == {"left"}
