"""Helpers shared by the benchmarks: inputs, timing (best of N), and result reporting."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "nkeconwatch-2022.txt"
FIXTURES = ROOT / "fixtures"
OUT = Path(__file__).resolve().parent / "out"


def dev_text() -> tuple[str, str]:
    """The development corpus if present, else the bundled fixtures, and a label saying which."""
    if CORPUS.exists():
        return CORPUS.read_text(encoding="utf-8"), "shared/corpus/nkeconwatch-2022.txt"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    return text, "fixtures/*.txt"


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def report(name: str, result: dict[str, object]) -> None:
    """Print a result and keep it as JSON under benchmarks/out/."""
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
