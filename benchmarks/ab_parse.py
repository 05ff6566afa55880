"""Parse path, old vs new sources: CPU time on the same text in alternating fresh processes.

Run: python benchmarks/ab_parse.py OLD_SRC [NEW_SRC] [--copies 200] [--rounds 5]
(e.g. ``git archive main src | tar -x -C /tmp/old`` then ``python benchmarks/ab_parse.py
/tmp/old/src``). On a shared machine wall-clock ratios drift by tens of percent between runs;
process CPU time, best of 3 per process, with the two trees alternated, compares two versions of
the code under the same load. Each process also times the ``scan_sources`` baseline of
``bench_parse.py`` so the ratio is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import re, sys, time
from pathlib import Path
from citegrab._extract import Extractor
base = Path(sys.argv[1]).read_text(encoding="utf-8")
text = (base.rstrip("\n") + "\n\n") * int(sys.argv[2])
ex = Extractor(entities=False)
ex.extract(base)
parse = scan = float("inf")
for _ in range(3):
    t = time.process_time(); ex.extract(text); parse = min(parse, time.process_time() - t)
    t = time.process_time()
    for _m in re.finditer(r"(?m)^\(?Sources?:?.*$", text):
        pass
    scan = min(scan, time.process_time() - t)
print(parse, scan)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new", nargs="?", default=str(ROOT / "src"))
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    corpus = ROOT / "tests" / "data" / "corpus" / "nkeconwatch-2022.txt"
    runs: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
    for _ in range(args.rounds):
        for name, src in (("old", args.old), ("new", args.new)):
            env = dict(os.environ, PYTHONPATH=src)
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(corpus), str(args.copies)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout.split()  # fmt: skip
            runs[name].append((float(out[0]), float(out[1])))
    for name, rs in runs.items():
        parse = [p for p, _ in rs]
        ratio = [p / s for p, s in rs]
        print(
            f"{name}: parse CPU min {min(parse):.3f} s, median {statistics.median(parse):.3f} s; "
            f"ratio to scan_sources min {min(ratio):.1f}x, median {statistics.median(ratio):.1f}x"
        )
    old, new = min(p for p, _ in runs["old"]), min(p for p, _ in runs["new"])
    print(f"speed-up (min CPU): {old / new:.3f}")


if __name__ == "__main__":
    main()
