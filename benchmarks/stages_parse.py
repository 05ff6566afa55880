"""Parse path by stage: CPU time of each pipeline stage on the bench_parse text, no profiler.

Run: python benchmarks/stages_parse.py [--copies 200]

cProfile charges every Python call a fixed overhead, so it inflates the stages made of many small
calls (record building, the grammar) against the C-level ones (line split, regex scans). Here
a few stage entry points are wrapped with ``time.process_time`` instead; the wrappers run once
per post or per citation at most, so the total stays within a few percent of an unwrapped run.
Indented stages are part of the one above them. Prints the ``scan_sources`` baseline of
``bench_parse.py`` and each stage's share of it.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from _common import dev_text

_STAGES = [
    # (module, owner attribute or "", function, label); the order is the printed order
    ("citegrab._extract", "", "Lines", "split lines (Lines)"),
    ("citegrab._extract", "", "scan", "cue scan (scan)"),
    ("citegrab._extract", "", "segment", "segmentation (segment)"),
    ("citegrab._extract", "", "quote_marked_blocks", "Markdown-quoted blocks"),
    ("citegrab._quotes", "QuoteFinder", "citations", "finding citations"),
    ("citegrab._citations", "CitationGrammar", "parse_line", "  line grammar"),
    ("citegrab._extract", "", "settle_date_order", "document date order"),
    ("citegrab._extract", "Extractor", "_post", "building posts (records)"),
    ("citegrab._quotes", "QuoteFinder", "quotes", "  grouping quoted blocks"),
    ("citegrab._extract", "Extractor", "_quote", "  quotes and their citations"),
    ("citegrab._extract", "Extractor", "_infer_outlet", "    outlet inference"),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    args = ap.parse_args()
    base, _ = dev_text()
    text = (base.rstrip("\n") + "\n\n") * args.copies

    import importlib

    from citegrab._extract import Extractor

    spent: Counter[str] = Counter()

    def wrap(fn: Callable[..., Any], label: str) -> Callable[..., Any]:
        def timed(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[label] += time.process_time() - t

        return timed

    for module, owner, name, label in _STAGES:
        target: Any = importlib.import_module(module)
        if owner:
            target = getattr(target, owner)
        setattr(target, name, wrap(getattr(target, name), label))

    ex = Extractor(entities=False)
    ex.extract(base)  # warm caches (registry, compiled patterns)
    assert "spacy" not in sys.modules, "the parse path must not import spaCy"
    spent.clear()
    t = time.process_time()
    doc = ex.extract(text)
    total = time.process_time() - t
    t = time.process_time()
    for _ in re.finditer(r"(?m)^\(?Sources?:?.*$", text):
        pass
    scan = time.process_time() - t
    n = len(doc.citations)
    print(f"{args.copies} copies, {len(text) / 1e6:.1f} MB, {n} citations")
    print(f"parse {total:.3f} s CPU; scan_sources {scan:.3f} s; ratio {total / scan:.1f}x")
    for _, _, _, label in _STAGES:
        print(f"{spent[label]:8.3f} s  {spent[label] / scan:5.1f}x scan  {label}")


if __name__ == "__main__":
    main()
