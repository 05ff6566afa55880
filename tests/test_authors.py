"""Author splitting and canonical keys (East Asian family-first vs given-first order)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        # a byline's e-mail address is no name
        ("Kim So-yeol [ksy@dailynk.com]", ["Kim So-yeol"]),
        ("Song Sang-ho (sshluck@heraldcorp.com)", ["Song Sang-ho"]),
        ("By Lee Ji-eun (jelee@yna.co.kr) and Park Su-min", ["Lee Ji-eun", "Park Su-min"]),
        ("Ri Chol, e-mail: ri.chol@example.org", ["Ri Chol"]),
        # one name written family name first with a comma (bibliography style)
        # a wire's credit line: reporters and writers, not editors or photographers
        (
            "Reporting by Ju-min Park; Additional reporting by Jack Kim; Writing by Tony Munroe;"
            " Editing by Robert Birsel",
            ["Ju-min Park", "Jack Kim", "Tony Munroe"],
        ),
        ("Kim Min-ji; Photos by Lee Jun", ["Kim Min-ji"]),
        # where the writer files from
        ("By Kwon Min-ho, of China", ["Kwon Min-ho"]),
        ("Jane Roe, in Dandong", ["Jane Roe"]),
        ("Lankov, Andrei", ["Andrei Lankov"]),
        ("Lankov, Andrei.", ["Andrei Lankov"]),
        ("Smith, John R.", ["John R. Smith"]),
        ("Kim, Ji-hyun", ["Kim Ji-hyun"]),
        ("KIM, Ji-hyun", ["KIM Ji-hyun"]),
        ("Cha, Victor", ["Victor Cha"]),
        # a Korean family name before a Western given name and an initial is read in order
        ("Cha, Victor D.", ["Victor D. Cha"]),
        ("Kim, Jae-hoon, staff writer", ["Kim Jae-hoon", "staff writer"]),  # more after it
        ("Kim Min, Lee Jun-ho, Park Su", ["Kim Min", "Lee Jun-ho", "Park Su"]),  # a list
        # … but not two people, a place or a name and its affiliation
        ("Ahn, Lee", ["Ahn", "Lee"]),
        ("Haggard, Kim Min", ["Haggard", "Kim Min"]),
        ("Seoul, Korea", ["Seoul", "Korea"]),
        ("Dandong, Liaoning", ["Dandong", "Liaoning"]),  # a place first: no inverted name
        (
            "Kim Suk-jin, Korea Development Institute",
            ["Kim Suk-jin", "Korea Development Institute"],
        ),
        # round 4: several writers, each family name, comma, given name
        ("Lee, Jong-ho and Park, Min-su", ["Lee Jong-ho", "Park Min-su"]),
        ("Fenwick, Laura & Holt, James", ["Laura Fenwick", "James Holt"]),
        ("Fenwick, Laura; Holt, James", ["Laura Fenwick", "James Holt"]),
        ("Ahn, Lee and Choi", ["Ahn", "Lee", "Choi"]),  # not every piece one inverted name
        # a given name written as initials keeps its full stop (bibliography style)
        ("Kim J.", ["Kim J."]),
        ("Lee S. and Park J.-H.", ["Lee S.", "Park J.-H."]),
        ("Smith, J.", ["J. Smith"]),
        ("Holt, J. R.", ["J. R. Holt"]),
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
        ("Ishimaru Jiro", "Jiro Ishimaru"),
        ("Abe Shinzō", "Shinzo Abe"),
        ("Kishida Fumio", "Fumio Kishida"),
        ("Xi Jinping", "Jinping Xi"),
        ("Ma Ying-jeou", "Ying-jeou Ma"),
        ("Tsai Ing-wen", "Ing Wen Tsai"),
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
    "text",
    [
        "Staff reporter",
        "the source",
        "North Korea says nearing end",
        "in Seoul",
        "IFES NK Brief",  # acronyms beside words: a series, not a person
        "Kim Jong Un Visits Factory",  # a headline's verb inside: a headline
    ],
)
def test_not_names(text: str) -> None:
    assert not looks_like_name(text)


@pytest.mark.parametrize("text", ["CHOI Kyungsoo", "JOHN SMITH", "Kim Ji-young", "Edward Said"])
def test_names_in_capitals(text: str) -> None:
    """A family name in capitals, or a byline all in capitals, is still a name."""
    assert looks_like_name(text)


@pytest.mark.parametrize(
    ("name", "family", "given", "order"),
    [
        # Japanese: a known family name and a given name of Hepburn syllables, either order
        ("Ishimaru Jiro", "Ishimaru", "Jiro", "family-first"),
        ("Jiro Ishimaru", "Ishimaru", "Jiro", "given-first"),
        ("Koizumi Junichiro", "Koizumi", "Junichiro", "family-first"),
        ("Ippei Ogawa", "Ogawa", "Ippei", "given-first"),
        # Chinese: Pinyin, Wade-Giles and Hong Kong spellings
        ("Zhao Lijian", "Zhao", "Lijian", "family-first"),
        ("Hua Chunying", "Hua", "Chunying", "family-first"),
        ("Chan Kin-man", "Chan", "Kin-man", "family-first"),
        # a family name alone is not enough: the rest must read as a given name of that language
        ("Abe Greenwald", "Greenwald", "Abe", "given-first"),
        ("Jennifer Lin", "Lin", "Jennifer", "given-first"),
        ("Lin Wood", "Wood", "Lin", "given-first"),
        # Korean order is decided first, as before
        ("Kang Mi Jin", "Kang", "Mi Jin", "family-first"),
        # … and a Korean family name alone is not enough either: the rest must read as a
        # romanised Korean given name
        ("Moon Jae-in", "Moon", "Jae-in", "family-first"),
        ("Ban Ki-moon", "Ban", "Ki-moon", "family-first"),
        ("Ha Seulkee", "Ha", "Seulkee", "family-first"),
        ("Song Il Ho", "Song", "Il Ho", "family-first"),
        ("Kim Ch'ŏl-su", "Kim", "Ch'ŏl-su", "family-first"),
        ("Jon Herskovitz", "Herskovitz", "Jon", "given-first"),
        ("Min Ashford", "Ashford", "Min", "given-first"),
        ("Song Whitcombe", "Whitcombe", "Song", "given-first"),
        # a Chinese family name before a given name that is also a Korean family name
        ("Zhang Min", "Zhang", "Min", "family-first"),
        ("Hyemin Son", "Son", "Hyemin", "given-first"),
        # a family name, then the given name's initials
        ("Kim J.", "Kim", "J.", "family-first"),
        ("Park J.-H.", "Park", "J.-H.", "family-first"),
        ("J. Smith", "Smith", "J.", "given-first"),
    ],
)
def test_east_asian_order(name: str, family: str, given: str, order: str) -> None:
    a = make_author(name)
    assert (a.family, a.given, a.order) == (family, given, order)


@given(
    st.lists(
        st.text(min_size=1, max_size=12).filter(lambda t: t.strip() == t and " " not in t),
        min_size=1,
        max_size=5,
    )
)
def test_any_name_gets_a_family_from_its_tokens(tokens: list[str]) -> None:
    name = " ".join(tokens)
    a = make_author(name)
    assert a.family in " ".join(name.split()).split(" ")
    assert a.key == make_author(name).key


_SLOT_TOKENS = st.sampled_from(
    ["By", "by:", "BY ", "Written by", "reporting by", "Posted By", "via", "h/t", "Kim", "Lee",
     " and ", "AND", " with ", "Withers", "Sandy", "/", ";", "&", ",", " ", "\x1c", "\u2003", "."]
)  # fmt: skip


@given(st.lists(_SLOT_TOKENS, max_size=8).map("".join))
def test_literal_guards_agree_with_the_patterns(slot: str) -> None:
    from citegrab._authors import _BY, _SPLIT, _may_split, strip_by

    assert strip_by(slot) == _BY.sub("", slot).strip()
    assert _may_split(slot) or not _SPLIT.search(slot)


@given(st.text(alphabet=st.sampled_from(list("ab ’.\t\n\xa0\u2003\x1c\x85\u2028")), max_size=20))
def test_collapse_spaces_is_split_and_join(text: str) -> None:
    from citegrab._authors import collapse_spaces

    assert collapse_spaces(text) == " ".join(text.split())


@pytest.mark.parametrize(("a", "b"), [("Kim, Jihyun", "Kim Jihyun"), ("Cha, Victor", "Victor Cha")])
def test_inverted_names_keep_their_key(a: str, b: str) -> None:
    assert canonical_key(split_authors(a)[0]) == canonical_key(b)


_SLOT_TOKENS = [*", .-@[]()/&", "of ", "in ", "and ", "Kim", "Lee", "Andrei", "Ji-hyun", "KOTRA"]


@given(st.lists(st.sampled_from([*_SLOT_TOKENS, "x@y.org", "Seoul"]), max_size=20).map("".join))
@settings(max_examples=300, deadline=None)
def test_split_authors_on_hostile_slots(slot: str) -> None:
    """Inverted names, places and addresses never raise or leave an empty name."""
    names = split_authors(slot)
    assert all(n.strip(" .,:") for n in names)


@pytest.mark.parametrize(
    ("name", "family"),
    [
        # English-language bylines' spellings of Korean family names, family first
        ("Jun Ji-hye", "Jun"),
        ("Ser Myo-ja", "Ser"),
        ("Shim Jae-hoon", "Shim"),
        ("Ji Seong-ho", "Ji"),
        ("Yim Hyun-su", "Yim"),
        # round 7: more byline and McCune-Reischauer spellings, in either order
        ("Rhie Sang-woo", "Rhie"),
        ("Sang-woo Rhie", "Rhie"),
        ("Gi Gwang-ho", "Gi"),
        ("Thak Il-ho", "Thak"),
        ("Uhm Ji-won", "Uhm"),
        # given-first stays given-first
        ("Jae-hoon Shim", "Shim"),
    ],
)
def test_more_korean_family_names(name: str, family: str) -> None:
    assert make_author(name).family == family
