"""Careless and hostile inputs: pipes, FIFOs, unreadable paths, odd encodings, bad JSONL lines.

Each gives its document or one clear error item, and the batch goes on.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

import citegrab
from citegrab._errors import InputError
from citegrab._inputs._readers import Skipped, Source, iter_paths, read, read_path
from citegrab.cli import main

from .conftest import CORPUS, FIXTURES

TEXT = FIXTURES / "archive-2019.txt"
HTML = FIXTURES / "html" / "archive-2019.html"


def _feed(path: str, data: bytes) -> threading.Thread:
    """Write ``data`` to a pipe or FIFO from another thread (as a shell's `cat` would)."""

    def write() -> None:
        with open(path, "wb") as fh:
            fh.write(data)

    t = threading.Thread(target=write, daemon=True)
    t.start()
    return t


def _read_in_thread(path: str) -> list[object]:
    out: list[object] = []
    t = threading.Thread(target=lambda: out.extend(read([path])), daemon=True)
    t.start()
    t.join(timeout=30)
    assert not t.is_alive(), f"reading {path} hangs"
    return out


@pytest.mark.parametrize("fixture", [CORPUS / "nkeconwatch-2022.txt", HTML])
def test_a_pipe_loses_no_bytes(fixture: Path) -> None:
    data = fixture.read_bytes()
    assert len(data) > 4096  # more than the bytes sniffed for the type
    r, w = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(w, data), os.close(w)), daemon=True)
    writer.start()
    try:
        got = _read_in_thread(f"/dev/fd/{r}")  # what `<(cat file)` gives
    finally:
        os.close(r)
    direct = [s for s in read([fixture]) if isinstance(s, Source)]
    assert [s.text for s in got if isinstance(s, Source)] == [s.text for s in direct]


def test_a_fifo_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    _feed(str(fifo), TEXT.read_bytes())
    got = _read_in_thread(str(fifo))
    assert len(got) == 1 and isinstance(got[0], Source)
    assert got[0].text == TEXT.read_text(encoding="utf-8")


def test_a_fifo_inside_a_directory_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.txt")  # nobody writes to it: opening it would block
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    assert [Path(p).name for p in iter_paths([tmp_path])] == ["a.txt"]


def test_an_unlistable_subdirectory_is_one_error_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("a\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("h\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text("z\n", encoding="utf-8")
    real = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == locked:  # what a directory without read permission does
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(read([tmp_path]))
    assert [type(x).__name__ for x in got] == ["Source", "InputError", "Source"]
    err = got[1]
    assert isinstance(err, InputError) and "cannot list directory" in err.message
    assert err.path == str(locked)  # type: ignore[attr-defined]


def test_an_unreadable_explicit_path_is_one_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("s\n", encoding="utf-8")
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", fake_open)
    errors = tmp_path / "errors.jsonl"
    code = main(["extract", str(secret), str(TEXT), "--no-entities", "--errors", str(errors)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "Permission denied" in json.loads(errors.read_text(encoding="utf-8"))["message"]
    assert len(out.splitlines()) == 7  # archive-2019.txt's citations


def test_a_path_under_a_directory_that_cannot_be_entered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "x.txt"
    real_stat = Path.stat

    def fake_stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", fake_stat)
    got = list(read([target]))
    assert len(got) == 1 and isinstance(got[0], InputError)


def test_the_runs_own_output_is_excluded_from_a_directory_scan(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")
    assert [Path(p).name for p in iter_paths([tmp_path])] == ["a.txt", "out.jsonl"]
    assert [Path(p).name for p in iter_paths([tmp_path], exclude=[out])] == ["a.txt"]
    rel = os.path.relpath(out)  # however the output is named
    assert [Path(p).name for p in iter_paths([tmp_path], exclude=[rel])] == ["a.txt"]
    assert {type(x) for x in read([tmp_path], exclude=[out])} == {Source}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_text(encoding: str, tmp_path: Path) -> None:
    text = TEXT.read_text(encoding="utf-8")
    p = tmp_path / "wide.txt"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")
    p.write_bytes(bom + text.encode(encoding))
    doc = citegrab.extract_file(p)
    assert doc.text == text and not doc.diagnostics
    assert len(doc.citations) == 7


def test_a_utf16_jsonl_file_is_read_line_by_line(tmp_path: Path) -> None:
    rows = [{"url": f"https://a.example/{i}", "text": f"Kim met “officials” {i}."} for i in (1, 2)]
    p = tmp_path / "wide.jsonl"
    p.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-16"))
    got = list(read([p]))
    assert [(s.id, s.text) for s in got if isinstance(s, Source)] == [
        (r["url"], r["text"]) for r in rows
    ]


def test_a_wide_html_page_without_a_suffix_is_sniffed(tmp_path: Path) -> None:
    p = tmp_path / "page"
    p.write_bytes(HTML.read_text(encoding="utf-8").encode("utf-16"))
    src = next(iter(read_path(p)))
    assert isinstance(src, Source) and src.hints is not None and src.hints.posts


def test_jsonl_bad_lines_are_skipped_and_the_rest_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "dump.jsonl"
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    rows = [
        deep,
        json.dumps({"url": "https://a.example/1", "text": "Kim \ud800 met officials."}),
        json.dumps({"url": "https://a.example/2", "text": "(Source: “T,” RFA, 8/7/22.)"}),
    ]
    assert "\\ud800" in rows[1]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = list(read([p]))
    assert isinstance(got[0], Skipped) and "nested" in got[0].reason
    src = got[1]
    assert isinstance(src, Source) and src.text == "Kim \ufffd met officials."
    assert src.diagnostics and "surrogate" in src.diagnostics[0].message
    assert isinstance(got[2], Source)
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(p), "--no-entities", "-o", str(out)]) == 0
    assert "1 skipped" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").count('"doc"') == 1


def test_extract_file_reads_a_huge_text_file_as_one_document(  # type: ignore[no-untyped-def]
    archive_doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citegrab._inputs import _readers

    monkeypatch.setattr(_readers, "CHUNK_BYTES", 600)  # as CITEGRAB_CHUNK_BYTES would
    chunks = list(read_path(TEXT))
    assert len(chunks) > 1  # streaming readers chunk it …
    doc = citegrab.extract_file(TEXT)  # … extract_file never does
    assert doc.text == TEXT.read_text(encoding="utf-8")
    assert [c.raw for c in doc.citations] == [c.raw for c in archive_doc.citations]


@pytest.mark.parametrize(
    ("path", "says", "never"),
    [
        ("", "empty path", "is a directory"),
        (str(FIXTURES), "iter_documents", "citegrab.read()"),
        ("/no/such/file.txt", "no such file", "iter_paths"),
    ],
)
def test_extract_file_errors_point_to_real_functions(path: str, says: str, never: str) -> None:
    with pytest.raises(InputError) as info:
        citegrab.extract_file(path)
    assert says in str(info.value) and never not in str(info.value)
    assert "iter_paths" not in str(info.value) and "citegrab.read(" not in str(info.value)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from .test_warc import records  # noqa: E402

WARC_BYTES = b"".join(records(False))
WARC_GZ = b"".join(records(True))


def _only_items_or_input_error(name: str, data: bytes) -> None:
    from citegrab._inputs._readers import _from_bytes

    try:
        for item in _from_bytes(name, data):
            assert isinstance(item, Source | Skipped)
            item.text.encode("utf-8") if isinstance(item, Source) else None
    except InputError:
        pass


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz", "noext"]),
    st.binary(max_size=600),
)
def test_any_bytes_give_sources_or_one_input_error(name: str, data: bytes) -> None:
    _only_items_or_input_error(name, data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.booleans(),
    st.integers(min_value=0, max_value=len(WARC_GZ) - 1),
    st.integers(min_value=0, max_value=255),
    st.booleans(),
)
def test_damaged_warcs_never_raise_anything_but_input_error(
    gz: bool, at: int, byte: int, cut: bool
) -> None:
    data = WARC_GZ if gz else WARC_BYTES
    at %= len(data)
    damaged = data[:at] if cut else data[:at] + bytes([byte]) + data[at + 1 :]
    _only_items_or_input_error("x.warc.gz" if gz else "x.warc", damaged)
