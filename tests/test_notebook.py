"""Notebook integration: HTML reprs, data frames, and the example notebook executed for real."""

from __future__ import annotations

import sys

import pytest

import citegrab
from citegrab import MissingDependencyError

from .conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def doc() -> citegrab.Document:
    return citegrab.extract_file(FIXTURES / "archive-2019.txt", entities=True)


def test_reprs(doc: citegrab.Document) -> None:
    q = doc.quotes[0]
    html = q._repr_html_()
    assert "<blockquote>" in html and '<mark class="PROVINCE"' in html and "Ryanggang" in html
    card = q.citations[0]._repr_html_()
    assert "Kang Mi Jin" in card and "DailyNK" in card and "date-resolved-by-document" in card
    assert "<h3>" in doc.posts[0]._repr_html_()
    assert "citations" in doc._repr_html_()


def test_repr_escapes_html() -> None:
    d = citegrab.extract(
        "T\n\nJuly 8th, 2022\n\nAP:\n\n<script>x</script>\n\n(Source: “<b>T</b>,” AP, 7/7/2022.)\n"
    )
    html = d._repr_html_()
    assert "<script>x" not in html and "&lt;script&gt;" in html


def test_to_frame(doc: citegrab.Document) -> None:
    frame = citegrab.to_frame([doc])
    assert len(frame) == len(doc.citations)
    assert str(frame["date"].dtype) == "date32[day][pyarrow]"
    assert str(frame["line"].dtype) == "Int64"
    assert str(frame["outlet_inferred"].dtype) == "boolean"
    assert frame["outlet"].iloc[0] == "Daily NK"
    assert doc.to_frame().equals(frame)
    assert citegrab.to_frame(doc).equals(frame)  # a single document
    single = citegrab.to_frame(doc.citations[:2])
    assert len(single) == 2
    one = citegrab.to_frame(doc.citations[0])  # a single citation
    assert len(one) == 1 and one.equals(frame.iloc[:1])
    with pytest.raises(TypeError, match="Documents and Citations"):
        citegrab.to_frame(["not a document"])  # type: ignore[list-item]


def test_to_frame_without_pandas(monkeypatch: pytest.MonkeyPatch, doc: citegrab.Document) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"citegrab\[pandas\]"):
        citegrab.to_frame([doc])


def test_example_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = ROOT / "docs" / "example.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert html, "the notebook shows rich HTML output"
