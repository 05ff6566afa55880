"""Shared test helpers: paths to the bundled fixtures and the (optional) shared dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
SCHEMAS = ROOT.parent / "shared" / "schemas"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared development corpus; tests using it skip cleanly when it is absent."""
    if not (CORPUS / "nkeconwatch-2022.txt").exists():
        pytest.skip("shared development corpus not present")
    return CORPUS


@pytest.fixture(scope="session")
def archive_doc():  # type: ignore[no-untyped-def]
    import citegrab

    return citegrab.extract_file(FIXTURES / "archive-2019.txt")


@pytest.fixture(scope="session")
def damaged_doc():  # type: ignore[no-untyped-def]
    import citegrab

    return citegrab.extract_file(FIXTURES / "damaged-citations.txt")
