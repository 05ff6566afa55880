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
