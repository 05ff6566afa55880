"""Parse-only path (no spaCy) on ~13 MB of posts, as a ratio to bare `re.finditer` scans.

Run: python benchmarks/bench_parse.py [--copies 200]

Both baselines are measured in the same run on the same text:
- ``scan_sources``: ``re.finditer(r"(?m)^\\(?Sources?:?.*$", text)``, a bare scan for citation lines;
- ``scan_lines``: ``re.finditer(r"(?m)^.*$", text)``, a bare scan of every line.
The target (issue 11) is parse / scan_sources <= 5.
"""

from __future__ import annotations

import argparse
import re
import sys

from _common import best_of, dev_text, report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    args = ap.parse_args()
    base, source = dev_text()
    text = (base.rstrip("\n") + "\n\n") * args.copies

    import citegrab
    from citegrab._extract import Extractor

    assert "spacy" not in sys.modules, "the parse path must not import spaCy"
    ex = Extractor(entities=False)
    ex.extract(base)  # warm caches (registry, compiled patterns)

    def scan(pattern: str) -> None:
        for _ in re.finditer(pattern, text):
            pass

    t_sources = best_of(lambda: scan(r"(?m)^\(?Sources?:?.*$"), 5)
    t_lines = best_of(lambda: scan(r"(?m)^.*$"), 5)
    doc = None

    def parse() -> None:
        nonlocal doc
        doc = ex.extract(text)

    t_parse = best_of(parse, 5)
    assert doc is not None
    report(
        "parse",
        {
            "input": source,
            "copies": args.copies,
            "megabytes": round(len(text.encode("utf-8")) / 1e6, 2),
            "citations": len(doc.citations),
            "spacy_imported": "spacy" in sys.modules,
            "seconds": {
                "parse": round(t_parse, 4),
                "scan_sources": round(t_sources, 4),
                "scan_lines": round(t_lines, 4),
            },
            "ratio_parse_to_scan_sources": round(t_parse / t_sources, 2),
            "ratio_parse_to_scan_lines": round(t_parse / t_lines, 2),
            "citegrab": citegrab.__version__,
        },
    )


if __name__ == "__main__":
    main()
