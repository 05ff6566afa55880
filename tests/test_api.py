"""The public API refuses misuse at the door: a TypeError (or ValueError) naming the parameter,
never an AttributeError from deep inside; natural spellings (bytes, ISO dates) are accepted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import citegrab

LINE = "(Source: Jang Seulkee, “Trade resumes,” DNK, 8/7/22.)"
POST = "Trade resumes\n\nJuly 10th, 2022\n\nDaily NK reports:\n\nTrade resumed.\n\n" + LINE + "\n"

# (label, call, exception, words the message must contain)
MISUSE: list[tuple[str, Callable[[], Any], type[Exception], tuple[str, ...]]] = [
    ("extract(None)", lambda: citegrab.extract(None), TypeError, ("text", "None")),  # type: ignore[arg-type]
    ("extract(123)", lambda: citegrab.extract(123), TypeError, ("text", "int")),  # type: ignore[arg-type]
    ("extract(list)", lambda: citegrab.extract([POST]), TypeError, ("text", "list")),  # type: ignore[arg-type]
    ("extract doc=5", lambda: citegrab.extract(POST, doc=5), TypeError, ("doc", "int")),  # type: ignore[arg-type]
    (
        "extract entities='no'",
        lambda: citegrab.extract(POST, entities="no"),  # type: ignore[arg-type]
        TypeError,
        ("entities", "str"),
    ),
    ("parse_citation(None)", lambda: citegrab.parse_citation(None), TypeError, ("text",)),  # type: ignore[arg-type]
    (
        "parse_citation post_date=int",
        lambda: citegrab.parse_citation(LINE, post_date=20220710),  # type: ignore[arg-type]
        TypeError,
        ("post_date", "int"),
    ),
    (
        "parse_citation post_date not ISO",
        lambda: citegrab.parse_citation(LINE, post_date="10 July 2022"),
        ValueError,
        ("post_date", "ISO"),
    ),
    ("iter_documents(None)", lambda: citegrab.iter_documents(None), TypeError, ("paths",)),  # type: ignore[arg-type]
    ("iter_documents(123)", lambda: citegrab.iter_documents(123), TypeError, ("paths", "int")),  # type: ignore[arg-type]
    (
        "iter_documents([None])",
        lambda: citegrab.iter_documents(["fixtures", None]),  # type: ignore[list-item]
        TypeError,
        ("paths[1]", "None"),
    ),
    (
        "iter_documents(bytes)",
        lambda: citegrab.iter_documents(b"fixtures"),  # type: ignore[arg-type]
        TypeError,
        ("paths", "bytes", "citegrab.extract"),
    ),
    (
        "Extractor(entities=1)",
        lambda: citegrab.Extractor(entities=1),  # type: ignore[arg-type]
        TypeError,
        ("entities",),
    ),
    (
        "Extractor(model=3)",
        lambda: citegrab.Extractor(model=3),  # type: ignore[arg-type]
        TypeError,
        ("model", "int"),
    ),
    (
        "Extractor().extract(None)",
        lambda: citegrab.Extractor().extract(None),  # type: ignore[arg-type]
        TypeError,
        ("text",),
    ),
    (
        "Extractor().extract char_offset=-1",
        lambda: citegrab.Extractor().extract(POST, char_offset=-1),
        ValueError,
        ("char_offset",),
    ),
    (
        "Extractor().extract_source(str)",
        lambda: citegrab.Extractor().extract_source(POST),  # type: ignore[arg-type]
        TypeError,
        ("src", "str"),
    ),
    (
        "OutletRegistry.resolve(None)",
        lambda: citegrab.default_registry().resolve(None),  # type: ignore[arg-type]
        TypeError,
        ("raw", "NoneType"),
    ),
    (
        "OutletRegistry.lookup(bytes)",
        lambda: citegrab.default_registry().lookup(b"DNK"),  # type: ignore[arg-type]
        TypeError,
        ("text", "bytes"),
    ),
    (
        "OutletRegistry.from_toml(None)",
        lambda: citegrab.OutletRegistry.from_toml(None),  # type: ignore[arg-type]
        TypeError,
        ("source", "NoneType"),
    ),
    (
        "Extractor().parse_citation(b'', post_date=[])",
        lambda: citegrab.Extractor().parse_citation(LINE, post_date=[]),  # type: ignore[arg-type]
        TypeError,
        ("post_date", "list"),
    ),
]


@pytest.mark.parametrize(
    ("call", "exc", "words"), [m[1:] for m in MISUSE], ids=[m[0] for m in MISUSE]
)
def test_misuse_raises_a_clear_error(
    call: Callable[[], Any], exc: type[Exception], words: tuple[str, ...]
) -> None:
    with pytest.raises(exc) as info:
        call()
    assert not isinstance(info.value, AttributeError)
    for word in words:
        assert word in str(info.value)


EXPECTED = citegrab.parse_citation(LINE, post_date=dt.date(2022, 7, 10))

# every spelling of the post date that the API accepts gives the same record
DATES: list[tuple[str, object]] = [
    ("date", dt.date(2022, 7, 10)),
    ("ISO string", "2022-07-10"),
    ("ISO string with spaces", " 2022-07-10 "),
    ("datetime", dt.datetime(2022, 7, 10, 9, 30)),
    ("ISO datetime string", "2022-07-10T09:30:00+00:00"),
]


@pytest.mark.parametrize("post_date", [d[1] for d in DATES], ids=[d[0] for d in DATES])
def test_post_date_spellings(post_date: object) -> None:
    got = citegrab.parse_citation(LINE, post_date=post_date)  # type: ignore[arg-type]
    assert got == EXPECTED
    assert got is not None and got.post_date == dt.date(2022, 7, 10)


def test_bytes_are_decoded_like_a_text_file() -> None:
    as_text = citegrab.extract(POST, doc="p")
    assert citegrab.extract(POST.encode("utf-8"), doc="p") == as_text
    assert citegrab.extract(b"\xef\xbb\xbf" + POST.encode("utf-8"), doc="p") == as_text  # BOM
    cp = citegrab.extract(POST.replace("“", "\x93").replace("”", "\x94").encode("latin-1"))
    assert [d.code for d in cp.diagnostics][:1] == [citegrab.DiagnosticCode.DECODING_FALLBACK]
    assert [c.title for c in cp.citations] == [c.title for c in as_text.citations]


def test_parse_citation_from_bytes_keeps_the_decoding_diagnostic() -> None:
    cite = citegrab.parse_citation(LINE.encode("cp1252"))  # curly quotes as 0x93 / 0x94
    assert cite is not None and cite.title == "Trade resumes"
    assert citegrab.DiagnosticCode.DECODING_FALLBACK in [d.code for d in cite.diagnostics]


def test_one_path_or_many(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(POST, encoding="utf-8")
    one = [d.citations for d in citegrab.iter_documents(tmp_path / "a.txt")]
    assert one == [d.citations for d in citegrab.iter_documents([str(tmp_path / "a.txt")])]
    assert len(one) == 1 and len(one[0]) == 1


def test_outlets_may_be_one_path(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[outlet]]\nid = "kp"\nname = "Korea Pro"\naliases = ["KoreaPro"]\n')
    ex = citegrab.Extractor(outlets=extra)  # type: ignore[arg-type]
    assert ex.outlets == (str(extra),)
    assert ex.registry.resolve("KoreaPro") is not None


@given(st.text(max_size=40))
def test_any_post_date_string_is_a_date_or_a_value_error(s: str) -> None:
    try:
        got = citegrab.parse_citation(LINE, post_date=s)
    except ValueError as exc:
        assert "post_date" in str(exc)
    else:
        assert got is not None and isinstance(got.post_date, dt.date)


@given(st.binary(max_size=200))
def test_any_bytes_extract_without_error(data: bytes) -> None:
    doc = citegrab.extract(data)
    assert isinstance(doc.text, str)
