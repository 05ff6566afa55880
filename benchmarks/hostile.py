"""The hostile batch: inputs built to break parsers. Shared by the benchmark and the tests.

``write_hostile(dir, scale)`` writes the files; ``scale=1.0`` gives the full sizes (a 2 MB line of
"(Source: ", 200,000 nested parentheses, 50,000-deep HTML, a 5 MB line without newlines…).
"""

from __future__ import annotations

from pathlib import Path

GOOD = (Path(__file__).resolve().parent.parent / "fixtures" / "archive-2019.txt").read_text(
    encoding="utf-8"
)


def write_hostile(root: Path, scale: float = 1.0) -> dict[str, str]:
    """Write the hostile batch into ``root``; returns {file name: what it tests}."""
    root.mkdir(parents=True, exist_ok=True)
    n = lambda x: max(10, int(x * scale))  # noqa: E731
    files: dict[str, tuple[bytes, str]] = {
        "empty.txt": (b"", "empty file"),
        "binary.txt": (bytes(range(256)) * 64, "binary bytes with NULs"),
        "mixed-cp1252.txt": (
            GOOD.encode("utf-8").replace(b"Rice prices at", b"Rice \x93prices\x94 at"),
            "cp1252 bytes inside UTF-8",
        ),
        "source-line.txt": (
            ("(Source: " * n(2_000_000 // 9)).encode(),
            "2 MB single line of '(Source: '",
        ),
        "parens.txt": (
            ("(" * n(200_000) + ")" * n(200_000)).encode(),
            "200,000 nested parentheses",
        ),
        "impossible-dates.txt": (
            GOOD.replace("2/5/2019", "31/2/2019").replace("8/4/19", "45/13/19").encode(),
            "impossible dates",
        ),
        "crlf.txt": (GOOD.replace("\n", "\r\n").encode(), "CRLF line ends"),
        "deep.html": (
            (
                "<html><body>"
                + "<div>" * n(50_000)
                + "<p>(Source: “Deep,” Daily NK, 1/7/2022.)</p>"
                + "</div>" * n(50_000)
                + "</body></html>"
            ).encode(),
            "50,000-deep nested HTML",
        ),
        "long-line.txt": (
            ("word “quote,” (x) 12/12/2012 " * n(5_000_000 // 31)).encode(),
            "5 MB line, no newlines",
        ),
        "space-run.txt": (
            ("He said" + " " * n(200_000) + " (Yonhap, 3/4/2013)\n").encode(),
            "200,000 spaces before a closing parenthesis",
        ),
        "open-quotes.txt": (
            (
                "He wrote " + "“word " * n(40_000) + ":\n\nquoted text\n\n(Source: Yonhap)\n"
            ).encode(),
            "40,000 opening quotation marks and no closing one on a lead-in",
        ),
        "share-run.txt": (("Share\n\n" * n(20_000)).encode(), "20,000 end-of-post lines in a row"),
        "day-groups.html": (
            (
                "<html><body>"
                + "".join(
                    f"<h2 class='date-header'>Tuesday, March 4, 2008</h2>"
                    f"<div class='post'><h3>T{i}</h3><p>x</p></div>"
                    for i in range(n(8_000))
                )
                + "</body></html>"
            ).encode(),
            "a Blogger archive of 8,000 day groups",
        ),
        "tweets.html": (
            (
                "<html><body>"
                + "".join(
                    f"<blockquote class='twitter-tweet'><p>t {i}</p>— Kim (@h) "
                    "<a href='x'>November 19, 2023</a></blockquote>"
                    for i in range(n(8_000))
                )
                + "</body></html>"
            ).encode(),
            "8,000 embedded tweets, each with its sign-off",
        ),
        "good.txt": (GOOD.encode(), "a good document"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    return {name: why for name, (_, why) in files.items()}
