"""Shared test helpers: paths to the bundled fixtures, the dev corpus and the CSL schema.

The corpus and schema are copies under tests/data, so the suite stands alone on a fresh clone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "corpus"
SCHEMAS = DATA / "schemas"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The development corpus and its gold files (bundled under tests/data/corpus)."""
    return CORPUS


@pytest.fixture(scope="session")
def archive_doc():  # type: ignore[no-untyped-def]
    import citegrab

    return citegrab.extract_file(FIXTURES / "archive-2019.txt")


@pytest.fixture(scope="session")
def damaged_doc():  # type: ignore[no-untyped-def]
    import citegrab

    return citegrab.extract_file(FIXTURES / "damaged-citations.txt")


def work_done(fn: Callable[[], object]) -> int:
    """Python lines executed inside citegrab while running ``fn``: a deterministic measure of
    work (no clocks), so linearity is asserted without timing anything."""
    count = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if "citegrab" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count
