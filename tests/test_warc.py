"""WARC reading: good archives give every page; damaged ones are an error, never a silent loss."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from citegrab._errors import InputError
from citegrab._inputs._readers import Skipped, Source, read
from citegrab.cli import main

PAGES = [
    (
        f"https://nk.example/2021/0{i}/1{i}/post-{i}/",
        (
            f"<html><body><article><h1>Post {i}</h1><div class='entry-content'>"
            f"<p>According to Yonhap:</p><blockquote><p>Text of page {i}. {'Filler. ' * 200}"
            f"</p></blockquote><p>(Source: “Story {i},” Yonhap, 3/{i}/2021.)</p>"
            "</div></article></body></html>"
        ).encode(),
    )
    for i in range(1, 6)
]


def records(gz: bool) -> list[bytes]:
    """Each page as one WARC response record (its own gzip member when ``gz``)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for url, body in PAGES:
        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=gz)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        w.write_record(
            w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
        out.append(buf.getvalue())
    return out


def items(data: bytes, name: str, tmp_path: Path) -> list[object]:
    p = tmp_path / name
    p.write_bytes(data)
    return list(read([p]))


@pytest.mark.parametrize("gz", [True, False])
def test_a_whole_archive_gives_every_page(gz: bool, tmp_path: Path) -> None:
    got = items(b"".join(records(gz)), "a.warc.gz" if gz else "a.warc", tmp_path)
    assert [s.id for s in got if isinstance(s, Source)] == [u for u, _ in PAGES]
    assert not [x for x in got if isinstance(x, InputError | Skipped)]


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("fraction", [0.1, 0.35, 0.5, 0.62, 0.9, 0.999])
def test_an_archive_cut_anywhere_is_an_error_and_no_page_is_partial(
    gz: bool, fraction: float, tmp_path: Path
) -> None:
    whole = b"".join(records(gz))
    cut = whole[: int(len(whole) * fraction)]
    got = items(cut, "cut.warc.gz" if gz else "cut.warc", tmp_path)
    errors = [x for x in got if isinstance(x, InputError)]
    assert len(errors) == 1 and "damaged WARC" in errors[0].message
    assert got[-1] is errors[0]  # reported once, at the point of damage
    for src in (x for x in got if isinstance(x, Source)):
        n = src.id.split("post-")[1].rstrip("/")
        assert f"Text of page {n}." in src.text and f"Story {n}" in src.text  # complete pages
    whole_pages = {u for u, _ in PAGES}
    assert {x.id for x in got if isinstance(x, Source)} <= whole_pages


def _inflate_length(record: bytes, extra: int) -> bytes:
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    for k, line in enumerate(lines):
        if line.lower().startswith(b"content-length:"):
            lines[k] = b"Content-Length: %d" % (int(line.split(b":")[1]) + extra)
    return b"\r\n".join(lines) + sep + rest


@pytest.mark.parametrize("extra", [10**7, 300])
@pytest.mark.parametrize("gz", [True, False])
def test_a_content_length_past_its_record_is_an_error_not_a_merged_page(
    extra: int, gz: bool, tmp_path: Path
) -> None:
    plain = records(False)
    plain[1] = _inflate_length(plain[1], extra)  # record 2 claims more bytes than it has
    data = b"".join(gzip.compress(r) for r in plain) if gz else b"".join(plain)
    got = items(data, "bad.warc.gz" if gz else "bad.warc", tmp_path)
    assert isinstance(got[-1], InputError)
    sources = [x for x in got if isinstance(x, Source)]
    assert [s.id for s in sources] == [PAGES[0][0]]  # only the page before the damage
    assert "page 2" not in sources[0].text


def test_cli_gives_an_error_record_and_rc_1_for_a_cut_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = b"".join(records(True))
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(whole[: len(whole) * 3 // 4])
    good = tmp_path / "good.txt"
    good.write_text("(Source: “Kim meets officials,” Yonhap, 7/7/2022.)\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    code = main(["extract", str(warc), str(good), "--no-entities", "--errors", str(errors)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    rec = json.loads(errors.read_text(encoding="utf-8"))
    assert rec["doc"] == str(warc) and "damaged WARC" in rec["message"]
    assert any(json.loads(x)["doc"] == str(good) for x in out.splitlines())  # the batch goes on


def test_a_missing_warcio_is_an_error_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    warc = tmp_path / "a.warc.gz"
    warc.write_bytes(b"".join(records(True)))
    txt = tmp_path / "b.txt"
    txt.write_text("text\n", encoding="utf-8")
    for mod in [m for m in sys.modules if m == "warcio" or m.startswith("warcio.")]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setitem(sys.modules, "warcio", None)
    got = list(read([warc, txt]))
    assert isinstance(got[0], InputError) and "citegrab[warc]" in got[0].message
    assert isinstance(got[1], Source)


def test_an_arc_file_gives_its_pages_under_their_urls(tmp_path: Path) -> None:
    body = PAGES[0][1]
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    intro = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://x.arc 0.0.0.0 20050101000000 text/plain %d\n%s\n" % (len(intro), intro)
    for url in (b"http://a.example/1", b"http://a.example/2"):  # one newline after each record
        data += b"%s 1.2.3.4 20050101000000 text/html %d\n%s\n" % (url, len(http), http)
    got = items(data, "x.arc", tmp_path)
    assert [x.id for x in got if isinstance(x, Source)] == [
        "http://a.example/1",
        "http://a.example/2",
    ]
    assert not [x for x in got if isinstance(x, InputError)]


def test_pages_are_rendered_where_they_are_extracted(tmp_path: Path) -> None:
    # the reader hands pages out unparsed (a parallel run renders them in its workers); the
    # rendered source is the one an HTML file of the same page gives
    from citegrab._inputs._readers import html_source, rendered

    got = items(b"".join(records(True)), "a.warc.gz", tmp_path)
    sources = [x for x in got if isinstance(x, Source)]
    assert sources and all(s.markup == "html" for s in sources)
    for src, (url, body) in zip(sources, PAGES, strict=True):
        text = rendered(src)
        assert text.markup == "text" and text.hints is not None and text.hints.posts
        assert text == html_source(url, body.decode(), url=url)
        assert rendered(text) is text  # a text source is already rendered


def test_a_response_is_read_in_the_charset_its_header_declares(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = "<html><body><article><h1>북한 시장</h1><p>쌀값이 올랐다.</p></article></body></html>"
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=EUC-KR")], protocol="HTTP/1.1"
    )
    payload = io.BytesIO(body.encode("euc-kr"))
    w.write_record(
        w.create_warc_record(
            "https://kr.example/1", "response", payload=payload, http_headers=headers
        )
    )
    (src,) = items(buf.getvalue(), "kr.warc.gz", tmp_path)
    assert isinstance(src, Source) and src.text == body
    assert [d.code.value for d in src.diagnostics] == ["decoding-fallback"]
    assert "euc" in src.diagnostics[0].message and src.diagnostics[0].severity.value == "info"


def test_a_page_whose_body_cannot_be_decoded_is_an_error_for_that_record_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """warcio raises inside ``content_stream`` for a content encoding it cannot undo (brotli
    with Google's module in place of brotlipy, warcio #73): that page is an error, the
    archive's other pages are read."""
    from warcio.recordloader import ArcWarcRecord

    original = ArcWarcRecord.content_stream

    def failing(self: ArcWarcRecord) -> object:
        if self.rec_headers.get_header("WARC-Target-URI") == PAGES[1][0]:
            raise AttributeError("'Decompressor' object has no attribute 'unused_data'")
        return original(self)

    monkeypatch.setattr(ArcWarcRecord, "content_stream", failing)
    got = items(b"".join(records(True)), "a.warc.gz", tmp_path)
    assert [s.id for s in got if isinstance(s, Source)] == [u for u, _ in PAGES if u != PAGES[1][0]]
    (err,) = [x for x in got if isinstance(x, InputError)]
    assert PAGES[1][0] in str(err) and "cannot be decoded" in str(err)
    out, errors = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    rc = main(["extract", str(tmp_path / "a.warc.gz"), "--no-entities", "-o", str(out),
               "--errors", str(errors)])  # fmt: skip
    assert rc == 1
    assert len(out.read_text().splitlines()) == len(PAGES) - 1  # one citation a page
    assert PAGES[1][0] in errors.read_text()
