"""Output formats: the registry, each writer's records, one typed column set for CSV, Parquet and
frames, RIS, and every record citegrab writes checked against the writer's (strict) schema."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab
from citegrab import OutputError
from citegrab._outputs import (
    CITATION_COLUMNS,
    FORMATS,
    Writer,
    format_for_path,
    formats_for,
    names,
    open_writer,
    writer_class,
)
from citegrab.cli import main

from .conftest import CORPUS, FIXTURES
from .test_interchange import input_paths

CORPUS_TXT = CORPUS / "nkeconwatch-2022.txt"


@pytest.fixture(scope="module")
def corpus_doc() -> citegrab.Document:
    return citegrab.extract_file(CORPUS_TXT)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


# -- the registry ---------------------------------------------------------------------------


def test_registry_lists_every_format_once() -> None:
    assert FORMATS == ("jsonl", "json", "csv", "parquet", "table", "csl-json", "ris")
    for fmt in FORMATS:
        w = writer_class(fmt)
        assert issubclass(w, Writer) and w.name == fmt and w.extension and w.description
    assert set(formats_for("entities")) == {"jsonl", "json", "csv", "parquet", "table"}


@pytest.mark.parametrize("fmt", ["bibtex", "", "JSONL", "xml"])
def test_unknown_format_is_an_error(fmt: str) -> None:
    with pytest.raises(OutputError, match="unknown output format") as exc:
        open_writer(fmt, io.StringIO())
    assert "ris" in str(exc.value)  # the message lists the known formats


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("out.jsonl", "jsonl"), ("out.JSON", "json"), ("refs.csl.json", "csl-json"),
     ("refs.ris", "ris"), ("c.parquet", "parquet"), ("t.txt", "table"), ("x.csv", "csv"),
     ("x.bib", None), ("noext", None)],
)  # fmt: skip
def test_format_from_file_name(path: str, fmt: str | None) -> None:
    assert format_for_path(path) == fmt


def test_writer_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot hold entities"):
        open_writer("ris", io.StringIO(), kind="entities")
    with pytest.raises(OutputError, match="needs a file"):
        open_writer("parquet", None)
    with pytest.raises(OutputError, match="cannot be appended"):
        open_writer("json", io.StringIO(), append=True)


def test_a_new_format_is_one_class(corpus_doc: citegrab.Document) -> None:
    """What a BibTeX module would need: a name, an extension, a mapping and a serialisation."""

    class Titles(Writer):
        name, extension, description = "titles", "titles", "one title per line"

        def map_citation(self, c: citegrab.Citation) -> Any:
            return c.title or ""

        def emit(self, record: Any) -> None:
            self._stream().write(record + "\n")

    out = io.StringIO()
    w = Titles(out)
    for c in corpus_doc.citations:
        w.write(c)
    w.close()
    assert out.getvalue().splitlines() == [c.title or "" for c in corpus_doc.citations]


# -- every record written validates against the writer's schema --------------------------------


def test_every_citation_record_written_validates(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    strict = jsonschema.Draft202012Validator(citegrab.json_schema(record="citation", strict=True))
    reader = jsonschema.Draft202012Validator(citegrab.json_schema(record="citation"))
    paths = [str(p) for p in input_paths()]
    out = run(capsys, "extract", *paths, "--no-entities", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 52
    for rec in records:
        strict.validate(rec)
        reader.validate(rec)
        assert rec["schema_version"] == citegrab.SCHEMA_VERSION


def test_every_document_and_entity_record_written_validates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    doc_schema = jsonschema.Draft202012Validator(
        citegrab.json_schema(record="document", strict=True)
    )
    for path in input_paths():
        doc_schema.validate(json.loads(citegrab.extract_file(path).model_dump_json()))
    ent_schema = jsonschema.Draft202012Validator(citegrab.json_schema(record="entity", strict=True))
    out = run(capsys, "entities", str(FIXTURES / "archive-2019.txt"), "--labels", "all",
              "--format", "jsonl")  # fmt: skip
    lines = [json.loads(x) for x in out.splitlines()]
    assert lines
    for rec in lines:
        ent_schema.validate(rec)


def test_entities_with_the_ner_pass_validate() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    doc = citegrab.extract_file(FIXTURES / "archive-2019.txt", entities=True)
    assert doc.entities
    jsonschema.validate(
        json.loads(doc.model_dump_json()), citegrab.json_schema(record="document", strict=True)
    )


# -- one column set and one typing --------------------------------------------------------------


def test_csv_header_is_the_frame_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.csv"
    run(capsys, "extract", str(CORPUS_TXT), "--no-entities", "-o", str(out))
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    frame = citegrab.to_frame(citegrab.extract_file(CORPUS_TXT))
    assert tuple(rows[0]) == names(CITATION_COLUMNS) == tuple(frame.columns)
    assert {r["outlet_inferred"] for r in rows} == {"true", "false"}


def test_parquet_reads_back_as_the_frame(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "c.parquet"
    paths = [str(p) for p in input_paths()]
    run(capsys, "extract", *paths, "--no-entities", "-o", str(out))
    back = pd.read_parquet(out)
    frame = citegrab.to_frame(citegrab.extract_file(p) for p in paths)
    assert list(back.columns) == list(frame.columns)
    assert [t.kind for t in back.dtypes] == [t.kind for t in frame.dtypes]
    assert dict(back.dtypes) == dict(frame.dtypes)
    pd.testing.assert_frame_equal(back, frame)
    import pyarrow.parquet as pq

    schema = pq.read_schema(out)
    assert str(schema.field("date").type) == "date32[day]"
    assert str(schema.field("line").type) == "int64"
    assert str(schema.field("outlet_inferred").type) == "bool"


def test_entities_as_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "e.parquet"
    run(capsys, "entities", str(FIXTURES / "archive-2019.txt"), "-o", str(out))
    back = pd.read_parquet(out)
    assert len(back) > 0 and str(back["line"].dtype) == "Int64"


def gold_outlets() -> Counter[str]:
    """Outlet per gold citation: the one named on the line, else the one its post makes clear."""
    lines = (CORPUS / "nkeconwatch-2022.citations.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(x) for x in lines]
    return Counter(g["outlet"] or g["inferred_outlet"] for g in gold)


def test_frame_carries_the_effective_outlet(corpus_doc: citegrab.Document) -> None:
    frame = citegrab.to_frame(corpus_doc)
    assert frame["outlet"].notna().sum() == len(frame) == gold_outlets().total() == 26
    counts = frame.groupby("outlet").size().to_dict()
    assert counts == dict(gold_outlets())
    assert counts["Daily NK"] == gold_outlets()["Daily NK"]
    inferred = frame[frame["outlet_inferred"]]
    assert len(inferred) == sum(1 for c in corpus_doc.citations if c.outlet is None)
    assert inferred["outlet_raw"].isna().all()


# -- RIS -------------------------------------------------------------------------------------------


def parse_ris(text: str) -> list[dict[str, list[str]]]:
    """A small RIS reader: records of tag → values (checks the line shape as it goes)."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in text.split("\r\n")[:-1]:
        assert line[2:6] == "  - " and line[:2].isalnum() and line[:2].isupper(), line
        tag, value = line[:2], line[6:]
        if tag == "TY":
            assert current is None
            current = {}
        assert current is not None
        current.setdefault(tag, []).append(value)
        if tag == "ER":
            records.append(current)
            current = None
    assert current is None and text.endswith("ER  - \r\n")
    return records


def test_ris_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus_doc: citegrab.Document
) -> None:
    out = tmp_path / "refs.ris"
    run(capsys, "extract", str(CORPUS_TXT), "--no-entities", "-o", str(out))
    text = out.read_bytes().decode("utf-8")
    records = parse_ris(text)
    cites = corpus_doc.citations
    assert len(records) == len(cites)
    for rec, c in zip(records, cites, strict=True):
        assert rec["TY"] == ["NEWS"]
        assert rec["TI"] == [c.title] if c.title else "TI" not in rec
        assert rec["T2"] == [c.effective_outlet.name] if c.effective_outlet else "T2" not in rec
        assert rec.get("AU", []) == [
            f"{a.family}, {a.given}" if a.given else a.name for a in c.authors
        ]
        if c.date:
            assert rec["DA"] == [c.date.strftime("%Y/%m/%d/")] and rec["PY"] == [str(c.date.year)]
        assert c.to_csl()["id"].endswith(rec["ID"][0].lower())
    assert len({r["ID"][0] for r in records}) == len(records)


def test_ris_names_east_asian_family_first() -> None:
    from citegrab._outputs.ris import to_ris

    c = citegrab.parse_citation("(Source: Jiro Ishimaru, “Rice in Hyesan,” Asia Press, 7/7/2022.)")
    assert c is not None
    assert ("AU", "Ishimaru, Jiro") in to_ris(c)


def test_csl_export_writes_each_id_once(corpus_doc: citegrab.Document) -> None:
    out = io.StringIO()
    w = open_writer("csl-json", out)
    for c in (*corpus_doc.citations, *corpus_doc.citations):  # the same input read twice
        w.write(c)
    w.close()
    items = json.loads(out.getvalue())
    assert [i["id"] for i in items] == [c.to_csl()["id"] for c in corpus_doc.citations]


@pytest.mark.parametrize("fmt", ["json", "csl-json", "csv", "table", "ris", "jsonl"])
def test_empty_output_is_well_formed(fmt: str) -> None:
    out = io.StringIO()
    open_writer(fmt, out).close()
    text = out.getvalue()
    if fmt in ("json", "csl-json"):
        assert json.loads(text) == []
    elif fmt == "csv":
        assert text.strip() == ",".join(names(CITATION_COLUMNS))
    elif fmt == "table":
        assert text.startswith("line")
    else:
        assert text == ""


def test_empty_frame_has_the_columns_and_dtypes(corpus_doc: citegrab.Document) -> None:
    empty = citegrab.to_frame([])
    full = citegrab.to_frame(corpus_doc)
    assert len(empty) == 0 and dict(empty.dtypes) == dict(full.dtypes)


@settings(max_examples=80, deadline=None)
@given(
    title=st.text(max_size=40),
    raw=st.text(min_size=1, max_size=40),
    url=st.none() | st.text(max_size=20),
    name=st.text(min_size=1, max_size=20),
)
def test_ris_lines_survive_any_text(title: str, raw: str, url: str | None, name: str) -> None:
    from citegrab._authors import make_author
    from citegrab._outputs.ris import render, to_ris

    base = citegrab.parse_citation("(Source: Seulkee Jang, “Trade,” Daily NK, 20/7/2022.)")
    assert base is not None
    c = base.model_copy(
        update={"title": title, "raw": raw, "url": url, "authors": (make_author(name),)}
    )
    (record,) = parse_ris(render(to_ris(c)))
    assert record["TY"] == ["NEWS"] and record["ER"] == [""]
