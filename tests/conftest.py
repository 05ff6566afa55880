"""Shared test helpers: paths to the bundled fixtures, the dev corpus and the CSL schema.

The corpus and schema are copies under tests/data, so the suite stands alone on a fresh clone.
"""

from __future__ import annotations

from pathlib import Path

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
