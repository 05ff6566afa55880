"""CSL-JSON export validates against the CSL schema; format() re-parses to the same record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citegrab
from citegrab.cli import main

from .conftest import CORPUS, FIXTURES, SCHEMAS


def all_docs(corpus: Path | None) -> list[citegrab.Document]:
    paths = sorted(FIXTURES.glob("*.txt"))
    if corpus is not None:
        paths.append(corpus / "nkeconwatch-2022.txt")
    return [citegrab.extract_file(p) for p in paths]


@pytest.fixture(scope="module")
def docs() -> list[citegrab.Document]:
    return all_docs(CORPUS)


def test_format_reparses_to_the_same_record(docs: list[citegrab.Document]) -> None:
    n = 0
    for d in docs:
        for c in d.citations:
            again = citegrab.parse_citation(c.format(), post_date=c.post_date)
            assert again is not None, c.format()
            assert [a.name for a in again.authors] == [a.name for a in c.authors], c.format()
            assert again.title == c.title, c.format()
            assert (again.outlet.name if again.outlet else None) == (
                c.outlet.name if c.outlet else None
            )
            assert again.date == c.date, c.format()
            n += 1
    assert n >= 20


def test_format_style() -> None:
    c = citegrab.parse_citation("(Source: Seulkee Jang, “China still wary,” Daily NK, 20/7/2022.)")
    assert c is not None
    assert c.format() == "(Source: Seulkee Jang, “China still wary,” Daily NK, 20/7/2022.)"


def test_csl_item_shape() -> None:
    c = citegrab.parse_citation("(Source: Jang Seulkee/ Hyemin Son, “Trade,” DNK, 8/7/2022.)")
    assert c is not None
    item = c.to_csl()
    assert item["type"] == "article-newspaper"
    assert item["container-title"] == "Daily NK"
    assert item["author"] == [
        {"family": "Jang", "given": "Seulkee"},
        {"family": "Son", "given": "Hyemin"},
    ]
    assert item["issued"] == {"date-parts": [[2022, 7, 8]]}


def test_csl_export_validates(
    docs: list[citegrab.Document], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    items = [c.to_csl() for d in docs for c in d.citations]
    jsonschema.validate(items, schema)
    assert len({i["id"] for i in items}) == len(items)
    out = tmp_path / "c.json"
    assert (
        main(["extract", str(FIXTURES), "--no-entities", "--format", "csl-json", "-o", str(out)])
        == 0
    )
    exported = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema)
    assert exported and all(i["type"] == "article-newspaper" for i in exported)
