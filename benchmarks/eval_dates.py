"""Date accuracy of the normaliser alone, on gold citations, and the era-default sweep.

Run: python benchmarks/eval_dates.py [GOLD_DIR ...]   (default: tests/data/layouts tests/data/corpus)

Each gold citation's date is read from its ``raw`` text (the last line that is a date, else the
last date on a line) against its post's date, then ambiguous numeric dates are settled with the
evidence of the gold's own dates (`DocumentOrder`), as the extractor does. This measures dates
independently of whether the layouts are found. The sweep repeats it for several values of the
month-first era boundary, with and without the document's evidence (docs/normalisation.md).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import citegrab._dates as dates
from citegrab._dates import DocumentOrder, ParsedDate, PostDates, last_date, parse_date

ROOT = Path(__file__).resolve().parent.parent


def _read_date(raw: str, ref: dt.date | None) -> ParsedDate | None:
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    for ln in reversed(lines):
        if (d := parse_date(ln, ref)) is not None:
            return d
    for ln in reversed(lines):
        if (d := last_date(ln, ref, year_only=True)) is not None:
            return d
    return None


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def score(gold_dir: Path, evidence: bool = True, verbose: bool = False) -> tuple[int, int]:
    """(right, total) over every gold citation of the directory."""
    right = total = 0
    for cites in sorted(gold_dir.glob("*.citations.jsonl")):
        posts = _load(cites.with_name(cites.name.replace(".citations.", ".posts.")))
        gold = _load(cites)

        def post_of(line: int, posts: list[dict[str, Any]] = posts) -> int:
            return next(
                (i for i, p in enumerate(posts) if p["first_line"] <= line <= p["last_line"]), -1
            )

        read = []
        for g in gold:
            ref = dt.date.fromisoformat(g["post_date"]) if g.get("post_date") else None
            read.append((g, ref, _read_date(g["raw"], ref), post_of(int(g["line"]))))
        keys = sorted({k for *_, k in read})
        order = DocumentOrder(
            [
                PostDates(
                    None,
                    parse_date(posts[k]["date"]) if k >= 0 and posts[k].get("date") else None,
                    tuple(d for _, _, d, kk in read if kk == k),
                )
                for k in keys
            ]
        )
        for g, ref, d, k in read:
            if d is not None and d.readings:
                d = dates.resolve_again(
                    d, ref, order.for_citations(keys.index(k)) if evidence else None
                )
            got = (d.value.isoformat(), d.precision) if d is not None and d.value else (None, None)
            want = (g.get("date"), g.get("date_precision", "day" if g.get("date") else None))
            total += 1
            right += got == want
            if verbose and got != want:
                print(f"  miss {cites.name}:{g['line']} got {got} want {want}")
    return right, total


def main() -> None:
    dirs = [Path(a) for a in sys.argv[1:]] or [
        ROOT / "tests/data/layouts",
        ROOT / "tests/data/corpus",
    ]
    dirs = [d for d in dirs if d.is_dir()]
    for d in dirs:
        r, n = score(d, verbose=True)
        print(f"{d}: dates {r}/{n} = {r / n:.3f}" if n else f"{d}: no gold")
    boundary = dates.MONTH_FIRST_BEFORE
    print("\nmonth-first before | with document evidence | era default alone")
    for year in (0, 2008, 2010, 2011, 2012, 2013, 2014, 2015, 2017, 9999):
        dates.MONTH_FIRST_BEFORE = year
        cells = []
        for evidence in (True, False):
            cells.append(", ".join("{}/{}".format(*score(d, evidence)) for d in dirs))
        print(f"{year:>18} | {cells[0]:>22} | {cells[1]}")
    dates.MONTH_FIRST_BEFORE = boundary


if __name__ == "__main__":
    main()
