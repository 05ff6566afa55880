"""Helpers shared by the benchmarks: inputs, timing (best of N), and result reporting."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus" / "nkeconwatch-2022.txt"
FIXTURES = ROOT / "fixtures"
OUT = Path(__file__).resolve().parent / "out"


def dev_text() -> tuple[str, str]:
    """The development corpus (bundled with the tests) and a label saying which text it is."""
    return CORPUS.read_text(encoding="utf-8"), "tests/data/corpus/nkeconwatch-2022.txt"


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
