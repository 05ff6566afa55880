"""Outlet registry: canonical names, aliases, fuzzy near-misses, unknowns, user extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from citegrab import OutletRegistry, RegistryError, default_registry


@pytest.mark.parametrize(
    ("written", "canonical", "match"),
    [
        ("Daily NK", "Daily NK", "exact"),
        ("DNK", "Daily NK", "alias"),
        ("DailyNK", "Daily NK", "exact"),  # spacing variant of the name
        ("Daily NK English", "Daily NK", "alias"),
        ("daily nk", "Daily NK", "exact"),
        ("RFA", "Radio Free Asia", "alias"),
        ("KCNA", "Korean Central News Agency", "alias"),
        ("AP", "Associated Press", "alias"),
        ("The Associated Press", "Associated Press", "exact"),
        ("Yonhap", "Yonhap News Agency", "alias"),
        ("Yonhap News", "Yonhap News Agency", "alias"),
        ("Nodong Sinmun", "Rodong Sinmun", "alias"),
        ("Sana", "SANA", "exact"),
        ("FT", "Financial Times", "alias"),
        ("VOA", "Voice of America", "alias"),
        ("NKNews.org", "NK News", "alias"),
        ("Radio Free Asai", "Radio Free Asia", "fuzzy"),
        ("Rodong Sinmum", "Rodong Sinmun", "fuzzy"),
        # an edition, language service or staff role after a known name (the qualifiers)
        ("Chosun Ilbo English edition", "Chosun Ilbo", "alias"),
        ("The Hankyoreh English Edition", "The Hankyoreh", "alias"),
        ("Voice of America Korean", "Voice of America", "alias"),
        ("VOA Korean Service", "Voice of America", "alias"),
        ("Xinhua News", "Xinhua", "alias"),
        ("People’s Daily Online", "People's Daily", "alias"),
        ("KBS News", "KBS", "alias"),
        ("Korea Times correspondent", "The Korea Times", "alias"),
        ("Yonhap English", "Yonhap News Agency", "alias"),
        ("Radio Free Asia's Korean service", "Radio Free Asia", "alias"),  # possessive
        ("Rodong Sinmun editorial", "Rodong Sinmun", "alias"),  # a kind of article
        ("KCNA commentary", "Korean Central News Agency", "alias"),
        # names in Hangul, kanji and hanzi, and other romanisations
        ("연합뉴스", "Yonhap News Agency", "alias"),
        ("조선일보", "Chosun Ilbo", "alias"),
        ("로동신문", "Rodong Sinmun", "alias"),
        ("조선중앙통신", "Korean Central News Agency", "alias"),
        ("자유아시아방송", "Radio Free Asia", "alias"),
        ("朝日新聞", "Asahi Shimbun", "alias"),
        ("Nihon Keizai Shimbun", "Nikkei Asia", "alias"),
        ("Huanqiu Shibao", "Global Times", "alias"),
        ("NK News Pro", "NK News", "alias"),
        ("Kyodo News International", "Kyodo News", "alias"),
        ("Reuters UK", "Reuters", "alias"),
        ("NHK World-Japan", "NHK", "alias"),
        # newsletters and blogs of the genre quoted as sources
        ("North Korea Today", "Good Friends", "alias"),
        ("NK Econ Watch", "North Korean Economy Watch", "alias"),
        # round 3: spellings and romanisations of North Korean, Chinese and Russian outlets
        ("KCBS", "Korean Central Broadcasting Station", "alias"),
        ("Korean Central Broadcasting Station", "Korean Central Broadcasting Station", "exact"),
        ("Minju Choson", "Minju Joson", "alias"),
        ("Chosun Sinbo", "Choson Sinbo", "alias"),
        ("Uriminjokkiri", "Uriminzokkiri", "alias"),
        ("Hankyoreh 21", "Hankyoreh 21", "exact"),  # the weekly, not the daily
        ("Hankyoreh", "The Hankyoreh", "exact"),
        ("NK Daily", "Daily NK", "alias"),
        ("Huanqiu", "Global Times", "alias"),
        ("ITAR-TASS", "TASS", "alias"),
        ("RIA-Novosti", "RIA Novosti", "exact"),
        ("Rimjin-gang", "Rimjingang", "exact"),
        # research institutes and public bodies publishing what the genre quotes
        ("KDI", "Korea Development Institute", "alias"),
        ("IFES", "Institute for Far Eastern Studies", "alias"),
        ("KINU", "Korea Institute for National Unification", "alias"),
        ("KIEP", "Korea Institute for International Economic Policy", "alias"),
        ("Korea Trade-Investment Promotion Agency", "KOTRA", "alias"),
        ("BOK", "Bank of Korea", "alias"),
        ("The Bank of Korea", "Bank of Korea", "exact"),
        ("PIIE", "Peterson Institute for International Economics", "alias"),
        ("ITAR-TASS news agency", "TASS", "alias"),  # "agency" trails a name like "news"
        ("Interfax news agency", "Interfax", "alias"),
        # round 4: spellings and journals
        ("Segye Times", "Segye Ilbo", "alias"),
        ("KBS World Radio", "KBS", "alias"),
        ("Yonhap TV", "Yonhap News Agency", "alias"),
        ("Korea Focus", "Korea Focus", "exact"),
        ("Asian Survey", "Asian Survey", "exact"),
        ("IJKUS", "International Journal of Korean Unification Studies", "alias"),
        # a broadcast's slot or medium trails the name like an edition
        ("KCTV evening news", "Korean Central Television", "alias"),
        ("Korean Central TV footage", "Korean Central Television", "alias"),
        ("Uriminzokkiri TV", "Uriminzokkiri", "alias"),
        ("Free North Korea Radio", "Free North Korea Radio", "exact"),  # the name wins
        # round 5: McCune-Reischauer's marks and accents are no part of the key; Hangul stays
        ("Chosŏn Ilbo", "Chosun Ilbo", "alias"),
        ("Minju Chosŏn", "Minju Joson", "alias"),
        ("로동신문", "Rodong Sinmun", "alias"),
        # the European papers the reading lists cite
        ("El Pais", "El País", "exact"),  # the accent is no part of the key
        ("FAZ", "Frankfurter Allgemeine Zeitung", "alias"),
        ("Sueddeutsche Zeitung", "Süddeutsche Zeitung", "alias"),
        ("NZZ", "Neue Zürcher Zeitung", "alias"),
        ("Corriere della Sera", "Corriere della Sera", "exact"),
        # round 7: old site names, East Asian names of the wires and papers, think tanks
        ("Digital Chosunilbo (English Edition)", "Chosun Ilbo", "alias"),
        ("朝鮮中央通信", "Korean Central News Agency", "alias"),  # Japanese
        ("朝鲜中央通讯社", "Korean Central News Agency", "alias"),  # Chinese
        ("労働新聞", "Rodong Sinmun", "alias"),
        ("교도통신", "Kyodo News", "alias"),  # Korean
        ("共同通信社", "Kyodo News", "alias"),
        ("新华网", "Xinhua", "alias"),
        ("인민일보", "People's Daily", "alias"),
        ("聯合ニュース", "Yonhap News Agency", "alias"),
        ("中新网", "China News Service", "alias"),
        ("Mainichi Daily News", "Mainichi Shimbun", "alias"),  # the old English site's name
        ("IFES NK Brief", "Institute for Far Eastern Studies", "alias"),
        ("KINU Online Series", "Korea Institute for National Unification", "alias"),
        (
            "Peterson Institute Working Paper",
            "Peterson Institute for International Economics",
            "alias",
        ),
        ("CSIS Beyond Parallel", "Center for Strategic and International Studies", "alias"),
        ("Brookings", "Brookings Institution", "alias"),
        ("Open News for North Korea", "Open News for North Korea", "exact"),
        ("The Stimson Center", "Stimson Center", "exact"),  # a leading "the" is no part of the key
        ("stimson.org", "Stimson Center", "alias"),
        ("Daily Yomiuri Online", "Yomiuri Shimbun", "alias"),  # the old English edition
        ("IHT", "International Herald Tribune", "alias"),
        ("FEER", "Far Eastern Economic Review", "alias"),
        ("Japan Focus", "The Asia-Pacific Journal: Japan Focus", "alias"),
        ("凤凰网", "Phoenix TV", "alias"),
        ("english.peopledaily.com.cn", "People's Daily", "alias"),  # the old English site
        ("www.korea-np.co.jp", "Choson Sinbo", "alias"),
    ],
)
def test_resolve(written: str, canonical: str, match: str) -> None:
    o = default_registry().resolve(written)
    assert (o.name, o.match, o.raw) == (canonical, match, written)
    assert o.id is not None


def test_unknown_kept_as_written() -> None:
    o = default_registry().resolve("Pyongyang Gazette")
    assert (o.id, o.name, o.match) == (None, "Pyongyang Gazette", "unknown")


def test_short_abbreviations_never_fuzzy() -> None:
    assert default_registry().lookup("AO") is None


def test_user_extension(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[outlet]]\nid = "kt"\nname = "Korea Times"\naliases = ["KT"]\n', encoding="utf-8"
    )
    reg = OutletRegistry.from_toml("outlets.toml", extra)
    assert reg.resolve("KT").name == "Korea Times"
    assert reg.resolve("DNK").name == "Daily NK"


def test_bad_registry_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[outlet]]\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="needs 'id' and 'name'"):
        OutletRegistry.from_toml(bad)


def test_mentions_in_running_text() -> None:
    hits = [
        (e.name) for _, _, e in default_registry().mentions("As DNK and RFA reported, AP: said")
    ]
    assert hits == ["Daily NK", "Radio Free Asia", "Associated Press"]


def test_registry_files_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "env.toml"
    extra.write_text('[[outlet]]\nid = "pg"\nname = "The Pyongyang Gazette"\n', encoding="utf-8")
    monkeypatch.setenv("CITEGRAB_OUTLETS", str(extra))
    default_registry.cache_clear()
    try:
        assert default_registry().resolve("Pyongyang Gazette").id == "pg"
    finally:
        monkeypatch.delenv("CITEGRAB_OUTLETS")
        default_registry.cache_clear()
    assert default_registry().resolve("Pyongyang Gazette").id is None


@pytest.mark.parametrize(
    "written",
    [
        "Korean",  # a qualifier alone names nothing
        "North Korean",  # nor does a name that is no outlet once it is dropped
        "Pyongyang Business Review English edition",
        "Chosun Ilbo English edition special supplement",  # other words after the qualifiers
    ],
)
def test_qualifiers_never_invent_an_outlet(written: str) -> None:
    assert default_registry().resolve(written).match == "unknown"


def test_user_qualifiers(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text('qualifiers = ["Ausgabe"]\n', encoding="utf-8")
    reg = OutletRegistry.from_toml("outlets.toml", f)
    assert reg.resolve("Daily NK Ausgabe").name == "Daily NK"
    bad = tmp_path / "bad.toml"
    bad.write_text("qualifiers = 3\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        OutletRegistry.from_toml(bad)


@pytest.mark.parametrize(
    ("host", "canonical"),
    [
        # a web host: as listed, by its name without the public suffix, or by a subdomain
        (
            "http://www.kcna.co.jp/item/2013/201303/news04/20130304-12ee.html",
            "Korean Central News Agency",
        ),
        ("news.xinhuanet.com/english/2010-03/04/c_13196645.htm", "Xinhua"),
        ("https://en.yna.co.kr/view/AEN20130304000300315", "Yonhap News Agency"),
        ("online.wsj.com", "The Wall Street Journal"),
        ("https://asia.nikkei.com/Politics/North-Korea-trade", "Nikkei Asia"),
        ("https://www.japantimes.co.jp/news/2013/03/04/", "The Japan Times"),
        ("joongangdaily.joins.com", "Korea JoongAng Daily"),
        ("english.chosun.com", "Chosun Ilbo"),
        ("dailynk.com/english/read.php?num=1234", "Daily NK"),
        ("twitter.com/someone/status/123", "Twitter"),  # a post's link names the platform
    ],
)
def test_web_hosts(host: str, canonical: str) -> None:
    o = default_registry().resolve(host)
    assert (o.name, o.match) == (canonical, "alias") or (o.name, o.match) == (canonical, "exact")


@pytest.mark.parametrize(
    "host", ["facebook.com", "news.example.org", "www.google.com/maps", "N.Korea"]
)
def test_unknown_hosts_stay_unknown(host: str) -> None:
    assert default_registry().resolve(host).match == "unknown"


@pytest.mark.parametrize(
    ("raw", "outlet_id", "match"),
    [
        # a known outlet glossed in brackets by another of its own names is that outlet
        ("VOA (Voice of America)", "voa", "alias"),
        ("KCNA (Korean Central News Agency)", "kcna", "alias"),
        # a person, a place or another outlet in the brackets is no gloss
        ("NHK (Aiko Tanabe)", None, "unknown"),
        ("NHK (KCNA)", None, "unknown"),
    ],
)
def test_an_outlet_glossed_by_its_own_name(raw: str, outlet_id: str | None, match: str) -> None:
    got = default_registry().resolve(raw)
    assert (got.id if match != "unknown" else None, got.match) == (outlet_id, match)
