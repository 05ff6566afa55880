"""Readers: HTML and WARC pages give the same citations as text; JSONL; huge files in chunks."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

import citegrab
from citegrab._inputs._readers import Skipped, Source, read, read_text_chunks
from citegrab.cli import main

from .conftest import FIXTURES

HTML = FIXTURES / "html" / "archive-2019.html"


def fields(doc: citegrab.Document) -> list[tuple[object, ...]]:
    return [
        (c.form, c.part, tuple(a.name for a in c.authors), c.title,
         c.outlet.name if c.outlet else None, c.date, c.raw)
        for c in doc.citations
    ]  # fmt: skip


def test_html_page_gives_the_text_versions_citations(archive_doc) -> None:  # type: ignore[no-untyped-def]
    page = citegrab.extract_file(HTML)
    assert fields(page) == fields(archive_doc)


def test_html_structure_from_markup() -> None:
    page = citegrab.extract_file(HTML)
    assert [p.title for p in page.posts] == [
        "Rice prices climb again in Ryanggang",
        "(UPDATE 2) Pyongyang announces new trade rules",
        "Border smuggling crackdown, a roundup",
    ]
    assert [str(p.date) for p in page.posts] == ["2019-05-04", "2019-05-03", "2019-04-20"]
    assert {p.byline for p in page.posts} == {"Hanna Lindqvist"}
    first = page.quotes[0]
    assert first.text.startswith("Rice prices at markets") and "[…]" in first.text
    assert first.citations and first.attributed_to is not None
    assert "&#8220;" not in page.text and "“" in page.text


def test_html_noise_is_ignored() -> None:
    page = citegrab.extract_file(HTML)
    for unwanted in ("Recent posts", "Great post", "Spam", "not a citation", "NK Notes", "Twitter"):
        assert unwanted not in page.text


def test_html_without_articles() -> None:
    html = (
        "<html><body><div class='nav'><a>Home</a></div><main><h1>Notes</h1><p>July 8th, 2022</p>"
        "<p>According to Yonhap:</p><blockquote><p>Kim met officials.</p></blockquote>"
        "<p>(Source: “Kim meets officials,” Yonhap, 7/7/2022.)</p></main></body></html>"
    )
    src = next(iter(read_path_from_bytes("page.html", html.encode())))
    doc = citegrab.Extractor().extract(src.text, hints=src.hints)
    assert [c.title for c in doc.citations] == ["Kim meets officials"]
    assert doc.quotes[0].text == "Kim met officials."


def read_path_from_bytes(name: str, data: bytes) -> list[Source]:
    from citegrab._inputs._readers import _from_bytes

    return [s for s in _from_bytes(name, data) if isinstance(s, Source)]


def test_deeply_nested_html_does_not_crash() -> None:
    html = (
        "<html><body>"
        + "<div>" * 20000
        + "<p>(Source: “Deep,” Daily NK, 1/7/2022.)</p>"
        + "</div>" * 20000
    )
    src = read_path_from_bytes("deep.html", html.encode())[0]
    assert "Deep" in src.text


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)

        def response(
            url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8"
        ) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(
                w.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        response("https://nknotes.example/2019/05/", HTML.read_bytes())
        response("https://nknotes.example/logo.png", b"\x89PNG\r\n\x1a\n....", ctype="image/png")
        response("https://nknotes.example/missing", b"<html>gone</html>", status="404 Not Found")
        w.write_record(
            w.create_warc_record(
                "https://nknotes.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
        plain = (FIXTURES / "damaged-citations.txt").read_text(encoding="utf-8")
        body = (
            "<html><body><main>"
            + "".join(f"<p>{p}</p>" for p in plain.split("\n\n"))
            + "</main></body></html>"
        )
        response("https://nknotes.example/2022/07/messy/", body.encode())


def test_warc_pages_and_skipped_records(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc)
    items = list(read([warc]))
    sources = [i for i in items if isinstance(i, Source)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.id for s in sources] == [
        "https://nknotes.example/2019/05/",
        "https://nknotes.example/2022/07/messy/",
    ]
    assert len(skipped) == 3 and {s.reason.split()[0] for s in skipped} == {"not", "HTTP", "WARC"}


def test_warc_through_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], archive_doc) -> None:  # type: ignore[no-untyped-def]
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc)
    assert main(["extract", str(warc), "--no-entities", "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    recs = [json.loads(x) for x in out.splitlines()]
    page1 = [r for r in recs if r["doc"] == "https://nknotes.example/2019/05/"]
    assert [r["title"] for r in page1] == [c.title for c in archive_doc.citations]
    assert any(r["doc"].endswith("/messy/") for r in recs)
    assert "3 skipped" in err


def test_jsonl_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "dump.jsonl"
    rows = [
        {"url": "https://a.example/1", "date": "2022-07-10",
         "text": "According to Yonhap:\n\nKim met officials.\n\n(Source: “Kim meets officials,” Yonhap, 8/7/22.)\n"},
        {"url": "https://a.example/2", "html": HTML.read_text(encoding="utf-8")},
        {"nothing": True},
    ]  # fmt: skip
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken json\n", encoding="utf-8")
    items = list(read([p]))
    assert [type(i).__name__ for i in items] == ["Source", "Source", "Skipped", "Skipped"]
    first = items[0]
    assert isinstance(first, Source)
    doc = citegrab.Extractor().extract(first.text, doc=first.id, hints=first.hints)
    assert doc.posts[0].date is not None and str(doc.posts[0].date) == "2022-07-10"
    assert doc.citations[0].date is not None and str(doc.citations[0].date) == "2022-07-08"
    assert main(["extract", str(p), "--no-entities"]) == 0
    out, err = capsys.readouterr()
    assert {json.loads(x)["doc"] for x in out.splitlines()} == {
        "https://a.example/1",
        "https://a.example/2",
    }
    assert "2 skipped" in err


def test_huge_text_is_read_in_chunks_with_file_coordinates(archive_doc) -> None:  # type: ignore[no-untyped-def]
    chunks = list(read_text_chunks(FIXTURES / "archive-2019.txt", 600))
    assert len(chunks) > 1
    got = []
    for ch in chunks:
        doc = citegrab.Extractor().extract(
            ch.text, doc=ch.id, char_offset=ch.char_offset, line_offset=ch.line_offset
        )
        got.extend((c.line, c.span.start, c.raw) for c in doc.citations)
    assert got == [(c.line, c.span.start, c.raw) for c in archive_doc.citations]
    text = archive_doc.text
    for ch in chunks:
        assert text[ch.char_offset : ch.char_offset + len(ch.text)] == ch.text


def test_binary_and_empty_inputs_are_accounted_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes((FIXTURES / "archive-2019.txt").read_bytes())
    errors = tmp_path / "errors.jsonl"
    code = main(
        [
            "extract",
            str(tmp_path),
            "--no-entities",
            "--errors",
            str(errors),
            "-o",
            str(tmp_path / "o.jsonl"),
        ]
    )
    _, err = capsys.readouterr()
    assert code == 1
    assert "2 documents" in err and "1 error," in err  # b.txt (empty) and c.txt done; a.txt failed
    assert json.loads(errors.read_text(encoding="utf-8"))["doc"].endswith("a.txt")
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 7


def test_parquet_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "c.parquet"
    assert (
        main(["extract", str(FIXTURES / "archive-2019.txt"), "--no-entities", "-o", str(out)]) == 0
    )
    table = pq.read_table(out)
    assert table.num_rows == 7
    assert table.column("title").to_pylist()[0] == "Rice prices climb for third week in Ryanggang"
    assert main(["extract", str(FIXTURES), "--no-entities", "--format", "parquet"]) == 2


def test_resume_skips_done_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    assert (
        main(["extract", str(FIXTURES / "archive-2019.txt"), "--no-entities", "-o", str(out)]) == 0
    )
    first = out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(FIXTURES), "--no-entities", "-o", str(out), "--resume"]) == 0
    _, err = capsys.readouterr()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert out.read_text(encoding="utf-8").startswith(first)
    files = [p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".html")]
    expected = sum(len(citegrab.extract_file(p).citations) for p in files)
    assert len(lines) == expected and "1 already done" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (FIXTURES / "archive-2019.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["extract", "-", "--no-entities"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 7 and json.loads(out.splitlines()[0])["doc"] == "-"


def test_gzip_that_is_not_warc_is_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "x.warc.gz"
    p.write_bytes(gzip.compress(b"not a warc at all"))
    assert main(["extract", str(p), "--no-entities"]) == 1
    assert "Traceback" not in capsys.readouterr().err


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_never_raises(data: bytes) -> None:
    from citegrab._inputs._readers import decode

    text, diags = decode(data)
    assert isinstance(text, str)
    assert (not diags) or diags[0].code.value == "decoding-fallback"


TAGS = ["<p>", "</p>", "<blockquote>", "</blockquote>", "<article>", "</article>", "<div>", "</div>",
        "<br>", "<time datetime='2022-07-08'>", "</time>", "(Source: ", "“T,” ", "RFA, 8/7/22.)", "&#8220;", "<"]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(TAGS) | st.text(max_size=12), max_size=40))
def test_html_reader_never_raises(parts: list[str]) -> None:
    from citegrab._inputs._html import html_to_text

    text, hints = html_to_text("".join(parts))
    doc = citegrab.Extractor().extract(text, hints=hints)
    assert doc.text == text


def test_iter_documents_over_a_warc_and_a_directory(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc)
    docs = list(citegrab.iter_documents(warc))
    assert [d.id for d in docs] == [
        "https://nknotes.example/2019/05/",
        "https://nknotes.example/2022/07/messy/",
    ]
    with pytest.raises(citegrab.InputError, match="iter_documents"):
        citegrab.extract_file(warc)
    assert (
        len(list(citegrab.iter_documents([FIXTURES / "archive-2019.txt", FIXTURES / "html"]))) == 2
    )
    with pytest.raises(citegrab.InputError):
        list(citegrab.iter_documents(tmp_path / "missing.txt"))


def test_empty_articles_are_passed_over() -> None:
    from citegrab._inputs._html import html_to_text

    # found by the property test above: empty <article>s produced posts past the text's end
    for html, n_posts in [
        ("<p><article>(Source: </p><article>", 1),
        ("<article></article>", 0),
        ("<article><h2>T</h2></article><article><p>(Source: “T,” RFA, 8/7/22.)</p></article>", 2),
    ]:
        text, hints = html_to_text(html)
        assert len(citegrab.Extractor().extract(text, hints=hints).posts) == n_posts


# -- declared charsets: a page that is not UTF-8 is read in the charset it declares ------------

KOREAN = "북한 시장 물가"  # (invented text)
JAPANESE = "北朝鮮の市場"
DECLARED = [
    # bytes, keyword arguments, expected text, expected diagnostic severity (None: no diagnostic)
    (f"<meta charset='euc-kr'><p>{KOREAN}</p>".encode("euc-kr"), {"html": True},
     f"<meta charset='euc-kr'><p>{KOREAN}</p>", "info"),
    (f'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR"><p>{KOREAN}</p>'
     .encode("euc-kr"), {"html": True}, None, "info"),
    (f"<p>{JAPANESE}</p>".encode("shift_jis"), {"content_type": "text/html; charset=Shift_JIS"},
     f"<p>{JAPANESE}</p>", "info"),
    # the header wins over the page's own <meta>
    (f"<meta charset='utf-8'><p>{JAPANESE}</p>".encode("shift_jis"),
     {"html": True, "content_type": "text/html; charset=shift_jis"}, None, "info"),
    # valid UTF-8 stays UTF-8 whatever the page declares
    (f"<meta charset='euc-kr'><p>{KOREAN}</p>".encode(), {"html": True},
     f"<meta charset='euc-kr'><p>{KOREAN}</p>", None),
    # Latin-1/cp1252 declared, an unknown name, or no declaration: the cp1252 reading
    ("<meta charset='iso-8859-1'><p>caf\u00e9 “x”</p>".encode("cp1252"), {"html": True},
     "<meta charset='iso-8859-1'><p>caf\u00e9 “x”</p>", "warning"),
    (b"<meta charset='x-no-such'><p>caf\xe9</p>", {"html": True},
     "<meta charset='x-no-such'><p>caf\u00e9</p>", "warning"),
    # a <meta> is read only from a page (not from a text file)
    (f"<meta charset='euc-kr'> {KOREAN}".encode("euc-kr"), {}, None, "warning"),
    # a codec that is no text encoding, or cannot read the bytes: the cp1252 reading, no error
    *[(f"<meta charset='{name}'><p>caf\u00e9</p>".encode("cp1252"), {"html": True},
       f"<meta charset='{name}'><p>caf\u00e9</p>", "warning")
      for name in ("base64", "hex", "rot13", "zlib", "idna", "undefined")],
    # a page's own <meta> cannot name a charset that does not write ASCII as ASCII (WHATWG)
    *[(f"<meta charset='{name}'><p>caf\u00e9</p>".encode("cp1252"), {"html": True},
       f"<meta charset='{name}'><p>caf\u00e9</p>", "warning")
      for name in ("utf-16", "utf-32", "cp037", "utf-7")],
]  # fmt: skip


@pytest.mark.parametrize(("data", "kwargs", "text", "severity"), DECLARED)
def test_a_page_is_read_in_the_charset_it_declares(
    data: bytes, kwargs: dict[str, Any], text: str | None, severity: str | None
) -> None:
    from citegrab._inputs._source import decode

    got, diags = decode(data, **kwargs)
    if text is not None:
        assert got == text
    if severity == "info":  # the declared charset was used: the page reads back exactly
        assert KOREAN in got or JAPANESE in got
    assert [d.severity.value for d in diags] == ([severity] if severity else [])


def test_an_euc_kr_page_on_disk_extracts_in_korean(tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='euc-kr'></head><body><article><h1>시장</h1>"
        "<time datetime='2008-03-04'>2008-03-04</time><div class='entry-content'>"
        f"<p>{KOREAN}.</p></div></article></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("euc-kr"))
    doc = citegrab.extract_file(p)
    assert KOREAN in doc.text and doc.posts[0].title == "시장"


def test_a_jsonl_line_python_cannot_read_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    """An integer of more than 4,300 digits is valid JSON that ``json.loads`` refuses."""
    p = tmp_path / "dump.jsonl"
    p.write_text(
        '{"text": "x", "id": ' + "1" * 5000 + '}\n{"text": "(Source: Yonhap, 2020-01-01)"}\n',
        encoding="utf-8",
    )
    got = list(read([p]))
    assert isinstance(got[0], Skipped) and "unreadable JSON" in got[0].reason
    assert [s.text for s in got if isinstance(s, Source)] == ["(Source: Yonhap, 2020-01-01)"]


def test_chunks_count_lines_ended_by_a_lone_carriage_return(tmp_path: Path) -> None:
    """Line numbers of a chunked file agree with the whole file's when some lines end in CR."""
    post = "Post {i}\nMarch 4, 2008\n\nKCNA reported:\n\n> quote {i}\n\n(Source: KCNA, 2008-03-04)\n\nShare\n\n"
    text = "".join(
        post.format(i=i).replace("\n", "\r") + "\n" if i % 2 == 0 else post.format(i=i)
        for i in range(40)
    )
    p = tmp_path / "cr.txt"
    p.write_bytes(text.encode())
    whole = citegrab.extract(text.replace("\r\n", "\n").replace("\r", "\n"))
    got = []
    for ch in read_text_chunks(p, 300):
        doc = citegrab.Extractor().extract(
            ch.text, doc=ch.id, char_offset=ch.char_offset, line_offset=ch.line_offset
        )
        got.extend((c.line, c.span.start) for c in doc.citations)
    assert len(got) == 40 and got == [(c.line, c.span.start) for c in whole.citations]


def test_an_empty_html_field_beside_a_text_leaves_the_text_to_be_read(tmp_path: Path) -> None:
    p = tmp_path / "dump.jsonl"
    p.write_text('{"html": "", "text": "(Source: Yonhap, 2020-01-01)"}\n', encoding="utf-8")
    [src] = list(read([p]))
    assert isinstance(src, Source) and src.text == "(Source: Yonhap, 2020-01-01)"


def test_a_file_name_not_in_utf8_is_written_to_parquet_as_its_escape(tmp_path: Path) -> None:
    import os

    import pyarrow.parquet as pq

    d = tmp_path / "in"
    d.mkdir()
    bad = os.path.join(os.fsencode(d), b"bad\xffname.txt")
    with open(bad, "wb") as fh:
        fh.write(b"(Source: Yonhap, 2020-01-01)\n")
    out = tmp_path / "c.parquet"
    assert main(["extract", str(d), "--no-entities", "-o", str(out)]) == 0
    [doc] = pq.read_table(out).column("doc").to_pylist()
    assert doc.endswith("bad\\udcffname.txt")
