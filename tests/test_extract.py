"""The extractor's assembly of quotes and citations: a citation never quotes itself."""

from __future__ import annotations

import pytest

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
