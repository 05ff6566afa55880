"""NER on shapes seen in real archive posts (invented sentences): undefined acronyms of bodies
named earlier, lower-case recurrences, place-led colleges, possessors, nicknames, extensions."""

from __future__ import annotations

import pytest

from citegrab import Extractor


def found(text: str) -> set[tuple[str, str, str]]:
    doc = Extractor(entities=True).extract(text)
    return {(e.text, e.label, e.canonical) for e in doc.entities}


def mentions(text: str, mention: str) -> list[tuple[str, str]]:
    doc = Extractor(entities=True).extract(text)
    return [(e.label, e.canonical) for e in doc.entities if e.text == mention]


@pytest.mark.parametrize(
    ("text", "acronym", "long_name", "count"),
    [
        (
            "Officers of the Border Customs Bureau seized the cargo on Monday.\n\n"
            "A trader said the BCB agents kept half. Bribes to the BCB are common.",
            "BCB",
            "Border Customs Bureau",
            2,
        ),
        (
            "The Hanul Research Institute published the survey.\n\n"
            "According to HRI, prices in Hyesan rose by a third.",
            "HRI",
            "Hanul Research Institute",
            1,
        ),
        (  # small words kept in the initials: "Ministry of Rivers" → MOR
            "The Hanul Ministry of Rivers said so.\n\nAn HMOR official agreed.",
            "HMOR",
            "Hanul Ministry of Rivers",
            1,
        ),
        (  # small words and a possessive apostrophe are skipped in the initials
            "The Farmers’ Union of Korea met in March.\n\nFUK delegates left early.",
            "FUK",
            "Farmers’ Union of Korea",
            1,
        ),
    ],
)
def test_initials_of_a_body_named_earlier_tag_the_acronym(
    text: str, acronym: str, long_name: str, count: int
) -> None:
    assert mentions(text, acronym) == [("INSTITUTION", long_name)] * count


@pytest.mark.parametrize(
    "text",
    [
        # initials of a body, but on the stop-list: a country, a title, an economic measure
        "The Unification Service met.\n\nThe US said nothing.",
        "The Production Ministry met.\n\nThe PM was absent.",
        "The Gyeongnam Development Programme met.\n\nGDP fell anyway.",
    ],
)
def test_common_all_caps_words_are_not_read_as_initials(text: str) -> None:
    caps = {w.strip(".,") for w in text.split() if w.strip(".,").isupper()}
    got = {t for t, _, _ in found(text)}
    assert text.split(" met")[0].removeprefix("The ") in got  # the body itself is found
    assert not got & caps


def test_all_caps_word_matching_no_body_is_not_tagged() -> None:
    text = "The Hanul Research Institute published it.\n\nThe KRW figure was revised."
    assert not [t for t, _, _ in found(text) if t == "KRW"]


def test_lower_case_recurrence_of_a_capitalised_body() -> None:
    text = (
        "Data from Seoul’s reconstruction ministry show a rise.\n\n"
        "The Reconstruction Ministry declined to comment."
    )
    got = found(text)
    assert ("reconstruction ministry", "INSTITUTION", "Reconstruction Ministry") in got
    assert ("Reconstruction Ministry", "INSTITUTION", "Reconstruction Ministry") in got


def test_lower_case_recurrence_of_another_listed_form_of_a_known_body() -> None:
    text = (
        "The Ministry of Unification said so.\n\n"
        "Officials said South Korea’s unification ministry had no comment."
    )
    assert ("unification ministry", "INSTITUTION", "Ministry of Unification") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # the capitalised form never appears: lower case alone is no evidence
        "Data from the reconstruction ministry show a rise.",
        # a generic first word: a lower-case mention is a common noun
        "The Provincial Planning Committee met. Each provincial planning committee reports.",
    ],
)
def test_lower_case_phrases_without_evidence_stay_untagged(text: str) -> None:
    assert not [t for t, _, _ in found(text) if t.islower()]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "A new lathe was designed at Chongjin Mining College last year.",
            "Chongjin Mining College",
        ),
        ("Nurses trained at Hamhung Medical School went north.", "Hamhung Medical School"),
        ("The Sinuiju Chemical Fibre Complex resumed work.", "Sinuiju Chemical Fibre Complex"),
    ],
)
def test_a_place_and_subject_words_before_a_weak_head(text: str, mention: str) -> None:
    assert (mention, "INSTITUTION", mention) in found(text)


@pytest.mark.parametrize(
    ("text", "mention", "possessor"),
    [
        ("A professor at Busan’s Kyongnam University told Yonhap.", "Kyongnam University", "Busan"),
        (
            "An analyst at South Korea’s Hallim Policy Institute disagreed.",
            "Hallim Policy Institute",
            "Korea",
        ),
    ],
)
def test_a_possessor_before_a_body_is_outside_its_span(
    text: str, mention: str, possessor: str
) -> None:
    got = found(text)
    assert (mention, "INSTITUTION", mention) in got
    assert not [t for t, _, _ in got if possessor in t]


def test_a_possessor_is_cut_from_a_model_span() -> None:
    got = found("Officials at Beijing’s Tsinghua Consultancy said Tuesday the deal was off.")
    assert ("Tsinghua Consultancy", "INSTITUTION", "Tsinghua Consultancy") in got
    assert not [t for t, _, _ in got if "Beijing" in t]


def test_a_known_body_extends_over_a_name_forming_word() -> None:
    got = found("Engineers of the country’s National Academy of Sciences built a boiler.")
    assert ("National Academy of Sciences", "INSTITUTION", "National Academy of Sciences") in got


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        ("Reactions to KJU’s speech were muted.", "KJU", "Kim Jong Un"),
        ("Under KJI the markets grew.", "KJI", "Kim Jong Il"),
        ("In 2009 the heir was said to be Kim Jong-woon.", "Kim Jong-woon", "Kim Jong Un"),
        ("Later wires spelled it Kim Jong Eun.", "Kim Jong Eun", "Kim Jong Un"),
    ],
)
def test_leaders_nicknames_and_older_spellings(text: str, mention: str, canonical: str) -> None:
    assert (mention, "PERSON", canonical) in found(text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Officials from the Korean Workers’ Party United Front Department visited Dandong.",
            "Korean Workers’ Party United Front Department",
        ),
        (
            "A plenum of the Workers’ Party Central Committee opened on Monday.",
            "Workers’ Party Central Committee",
        ),
    ],
)
def test_a_body_then_one_of_its_organs_is_one_body(text: str, body: str) -> None:
    got = [(e.text, e.label) for e in Extractor(entities=True).extract(text).entities]
    assert got == [(body, "INSTITUTION")]


def test_a_chinese_family_name_alone_is_the_person_named_in_full() -> None:
    text = (
        "Li Guohua, a customs official in Hunchun, spoke to reporters on Friday.\n\n"
        "Li said that exports of seafood rose, and Li expects more."
    )
    assert mentions(text, "Li") == [("PERSON", "Li Guohua")] * 2


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("According to the Joseon Ilbo, rice prices rose in Hyesan.", "Joseon Ilbo"),
        ("The story ran in the Choson Ilbo on Monday.", "Choson Ilbo"),
    ],
)
def test_an_outlet_in_another_romanisation_is_that_outlet(text: str, mention: str) -> None:
    assert mentions(text, mention) == [("INSTITUTION", "Chosun Ilbo")]


def test_holding_is_a_company_head() -> None:
    got = found("Shares of Vantara Holding fell after the board met in Cairo.")
    assert ("Vantara Holding", "INSTITUTION", "Vantara Holding") in got


@pytest.mark.parametrize(
    ("text", "body", "owner"),
    [
        ("Under the deal, Orascom’s Tessel Bank closed on Sunday.", "Tessel Bank", "Orascom"),
        ("Orascom’s Ora Bank closed after the sanctions.", "Ora Bank", "Orascom"),
    ],
)
def test_a_distinctive_name_after_a_possessor_is_its_own_body(
    text: str, body: str, owner: str
) -> None:
    got = {t for t, label, _ in found(text) if label == "INSTITUTION"}
    assert body in got
    assert not [t for t in got if owner in t and t != owner]


def test_a_generic_word_after_a_possessor_stays_with_it() -> None:
    got = found("RFA’s Korean Service said the border was shut.")
    assert not [t for t, _, _ in got if t.startswith("Korean")]


def test_daily_news_ends_a_paper_name() -> None:
    got = found("According to the Cairo Daily News, the bank will close.")
    assert ("Cairo Daily News", "INSTITUTION", "Cairo Daily News") in got


def test_a_title_is_no_part_of_a_model_person() -> None:
    text = (
        "Hyun Jeong-eun, who heads the Hanbit Group, will visit Pyongyang in May.\n\n"
        "Officials said Chairwoman Hyun will discuss the tours, and Hyun agreed."
    )
    got = Extractor(entities=True).extract(text).entities
    assert not [e.text for e in got if e.text.startswith("Chairwoman")]
    assert [e.canonical for e in got if e.text == "Hyun"] == ["Hyun Jeong-eun"] * 2


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A concert by the Hallasan Ocarina Band from Jeju drew a crowd.", "Hallasan Ocarina Band"),
        ("The Samjiyon Orchestra played in Seoul in February.", "Samjiyon Orchestra"),
        ("Tickets for the Tanchon Art Troupe sold out.", "Tanchon Art Troupe"),
    ],
)
def test_bands_troupes_and_orchestras_are_bodies(text: str, body: str) -> None:
    assert (body, "INSTITUTION") in {(t, label) for t, label, _ in found(text)}
