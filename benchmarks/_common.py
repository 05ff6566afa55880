"""Helpers shared by the benchmarks: inputs, timing (best of N), and result reporting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
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


def bytecode_as_installed(*modules: str) -> None:
    """Run child processes with byte code cached, as an installed package runs, and warm it.

    A shell with ``PYTHONDONTWRITEBYTECODE`` set (common in containers) makes every child
    compile citegrab's sources again (~0.15-0.2 s of start-up) while spaCy, installed with its
    ``.pyc`` files, does not: an unfair start-up cost that no installed copy of citegrab pays
    (pip byte-compiles on install). Children inherit this process's environment, so both sides
    of every whole-process comparison then start alike.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "citegrab-bench-pyc")
    imports = ", ".join(("citegrab.cli", "citegrab._extract", *modules))
    subprocess.run([sys.executable, "-c", f"import {imports}"], check=True)


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
