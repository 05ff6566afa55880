"""Author splitting and canonical keys (Korean family-first vs given-first order)."""

from __future__ import annotations

import pytest

from citegrab._authors import canonical_key, looks_like_name, make_author, split_authors


@pytest.mark.parametrize(
    ("slot", "names"),
    [
        ("Manar Salameh/ Ruaa al-Jazaeri", ["Manar Salameh", "Ruaa al-Jazaeri"]),
        ("By Jeong Tae Joo and Ha Yoon Ah", ["Jeong Tae Joo", "Ha Yoon Ah"]),
        ("Choe Song Il & Ryu Jin", ["Choe Song Il", "Ryu Jin"]),
        ("By: Hyemin Son; Jieun Kim", ["Hyemin Son", "Jieun Kim"]),
        ("Ahn, Lee and Choi", ["Ahn", "Lee", "Choi"]),
        ("  Seulkee   Jang ", ["Seulkee Jang"]),
    ],
)
def test_split_authors(slot: str, names: list[str]) -> None:
    assert split_authors(slot) == names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jang Seulkee", "Seulkee Jang"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim Jong Un", "Kim Jongun"),
        ("Hyung-jin Kim", "Kim Hyung-jin"),
        ("Lee Chae-un", "Lee Chae Un"),
    ],
)
def test_same_person_same_key(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)


def test_different_people_differ() -> None:
    assert canonical_key("Kim Jong Un") != canonical_key("Kim Jong Il")
    assert canonical_key("Seulkee Jang") != canonical_key("Jang Jin-sung")


def test_orders() -> None:
    a = make_author("Jang Seulkee")
    assert (a.family, a.given, a.order) == ("Jang", "Seulkee", "family-first")
    b = make_author("Seulkee Jang")
    assert (b.family, b.given, b.order) == ("Jang", "Seulkee", "given-first")
    c = make_author("Benjamin Katzeff Silberstein")
    assert (c.family, c.given) == ("Silberstein", "Benjamin Katzeff")


@pytest.mark.parametrize(
    "text", ["Staff reporter", "the source", "North Korea says nearing end", "in Seoul"]
)
def test_not_names(text: str) -> None:
    assert not looks_like_name(text)
