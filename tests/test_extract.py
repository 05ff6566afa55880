"""The extractor's assembly of quotes and citations: a citation never quotes itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citegrab

HEAD = "Rice and trade\n\nJuly 8th, 2022\n\n"
LINE = "(Source: Jang Seulkee, “Trade resumes,” Daily NK, 7/7/2022.)"


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        (f"{LINE}\n", "Daily NK"),  # the first thing in the post
        (f"I think this matters.\n\n{LINE}\n", "Daily NK"),  # after the blogger's own words
        (f"{LINE}\n(Source: Kim Ji-eun, “Other,” NK News, 6/7/2022.)\n", "Daily NK"),
        # a lead-in and nothing quoted: no quote, but the lead-in still names the outlet
        ("Daily NK reports:\n\n(Source: Jang Seulkee, “Trade resumes,” 7/7/2022.)\n", "Daily NK"),
    ],
)
def test_nothing_quoted_above_means_no_quote(body: str, outlet: str) -> None:
    doc = citegrab.extract(HEAD + body)
    assert doc.citations and not doc.quotes
    for c in doc.citations:
        assert c.quote is None
    first = doc.citations[0]
    assert first.effective_outlet is not None and first.effective_outlet.name == outlet


def test_a_quote_above_is_still_found() -> None:
    doc = citegrab.extract(HEAD + "Daily NK reports:\n\nPrices rose in Hyesan.\n\n" + LINE + "\n")
    (c,) = doc.citations
    assert c.quote is not None and c.quote.text == "Prices rose in Hyesan."
    assert c.quote.first_line == c.quote.last_line == c.line - 2


# -- outlet mentions for inference: a stretch's counts are the post-wide scan's within it -------

_POST = (
    "Daily NK and NK News both covered it.\n"
    "A Yonhap report (via Daily NK) said prices rose; KCNA denied it.\n"
    "Xinhua, Reuters and AP.\n"
    "NK Newsletter is not NK News; Daily NKorea is not Daily NK.\n"
)


@settings(max_examples=200, deadline=None)
@given(
    lo=st.integers(min_value=1, max_value=len(_POST)),
    width=st.integers(min_value=0, max_value=len(_POST)),
    base=st.sampled_from([0, 7, 10_000]),
)
def test_mentions_in_a_stretch_match_the_post_wide_scan(lo: int, width: int, base: int) -> None:
    """A quote's counts, asked first or after the post's, are exactly the mentions the scan of
    the whole post finds inside the quote, wherever the stretch cuts a line or a name (the
    contract any lazier, per-quote scan must keep)."""
    from citegrab._extract import _Mentions
    from citegrab._outlets import default_registry

    reg = default_registry()
    text = "Title\n\n" + _POST
    start, end = 7, len(text)
    hi = min(start + lo + width, end)
    lazy = _Mentions(reg, text, start, end, base).count(start + lo + base, hi + base)
    whole = _Mentions(reg, text, start, end, base)
    whole.count(start + base, end + base)  # the post-wide scan first
    assert lazy == whole.count(start + lo + base, hi + base)


def test_mentions_in_a_stretch_are_counted() -> None:
    from citegrab._extract import _Mentions
    from citegrab._outlets import default_registry

    text = "Title\n\n" + _POST
    line2 = text.index("A Yonhap")
    counts = _Mentions(default_registry(), text, 7, len(text), 0).count(line2, line2 + 40)
    assert sum(counts.values()) == 2  # Yonhap and Daily NK, not KCNA (past the stretch)


def test_each_post_gets_the_marked_blocks_inside_it() -> None:
    """Markdown-quoted blocks are handed to the post whose body holds them (found by bisection
    over the document's blocks), so every post quotes its own text and no other post's."""
    post = (
        "Title {i}\n\nJuly {i}th, 2022\n\nDaily NK reports:\n\n> Prices rose in town {i}.\n"
        "> More text {i}.\n\n(Source: Jang Seulkee, “Trade {i},” Daily NK, 7/{i}/2022.)\n\nShare\n\n"
    )
    doc = citegrab.extract("".join(post.format(i=i) for i in range(1, 8)))
    assert len(doc.posts) == 7
    for i, p in enumerate(doc.posts, start=1):
        (q,) = p.quotes
        assert f"town {i}." in q.text and f"More text {i}." in q.text
        (c,) = q.citations
        assert c.title == f"Trade {i}"


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_the_caller_had_it(enabled: bool) -> None:
    """The parse pauses the cyclic collector (speed) and hands back the caller's setting, also
    when the caller had disabled it and when the input is hostile."""
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        for text in (HEAD + LINE + "\n", "\x00(((“" * 500, ""):
            citegrab.extract(text)
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_the_garbage_collector_comes_back_after_an_error() -> None:
    """An exception raised inside the parse still re-enables the collector."""
    import gc

    from citegrab._extract import Extractor

    class Boom(Extractor):
        def _parse(self, *args: object, **kwargs: object) -> citegrab.Document:
            assert not gc.isenabled()  # paused while parsing
            raise RuntimeError("boom")

    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"):
        Boom().extract(HEAD)
    assert gc.isenabled()


@pytest.mark.parametrize(
    "text",
    [
        "He said:\n\nquoted text\n\n(Source: Yonhap, 2020-01-01)",
        "A post\n\nMay 29, 2012\n\nTraders say:\n\nThe levy is new.\n\nRice Rises Again \u2014 CNN",
        "Title\n\nBy Ann Holt\n\nMarch 4, 2013",
        "(Source: Yonhap, 2020-01-01)",
    ],
)
def test_a_text_without_a_final_newline_reads_as_with_one(text: str) -> None:
    """The last line of a text is often its source or a header's last field: nothing reads
    past it (a text with no final newline once raised IndexError)."""
    bare, ended = citegrab.extract(text), citegrab.extract(text + "\n")
    assert [(c.line, c.raw) for c in bare.citations] == [(c.line, c.raw) for c in ended.citations]
