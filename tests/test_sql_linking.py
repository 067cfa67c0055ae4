"""Value linking: Hangul particles, spacing, case, typos, years and numbers."""
from __future__ import annotations

import datetime as dt

import pytest

from nl2sql.linking import Catalog, has_batchim, jamo, link

TODAY = dt.date(2026, 9, 15)


@pytest.fixture(scope="module")
def catalog():
    return Catalog.from_rows(
        teams=["목포 마린즈", "부산 타이탄즈", "Granite Herons", "Nova.K", "T1"],
        players=["하늘", "Zephyr", "Ace", "달빛"],
        tournaments=[("Granite Cup 2025", "League of Legends", dt.date(2025, 3, 1)),
                     ("Granite Cup 2026", "League of Legends", dt.date(2026, 3, 1)),
                     ("한빛 챌린지 2026", "PUBG", dt.date(2026, 5, 1))],
        stages=["group", "semifinal", "final"], maps=["Erangel", "Summoner's Rift"])


def values(linked, etype):
    return linked.values(etype)


@pytest.mark.parametrize("text, team", [
    ("목포 마린즈가 몇 번 이겼어?", "목포 마린즈"),
    ("목포마린즈 승률", "목포 마린즈"),
    ("목포 마린즈는 어때", "목포 마린즈"),
    ("목포 마린즈의 전적", "목포 마린즈"),
    ("목포 마린즈한테 진 팀", "목포 마린즈"),
    ("목포 마린스 승률", "목포 마린즈"),          # one wrong consonant: fuzzy on jamo
    ("granite herons wins", "Granite Herons"),
    ("GRANITE HERONS wins", "Granite Herons"),
    ("Granit Herons wins", "Granite Herons"),      # typo
    ("nova k win rate", "Nova.K"),
    ("T1이 이겼어?", "T1"),
])
def test_team_names_with_particles_spacing_case_and_typos(catalog, text, team):
    assert values(link(text, catalog, TODAY), "team") == [team]


def test_two_teams_in_order_and_masking(catalog):
    linked = link("목포마린즈가 부산 타이탄즈한테 몇번 이겼어", catalog, TODAY)
    assert values(linked, "team") == ["목포 마린즈", "부산 타이탄즈"]
    assert linked.masked == "TEAM가 TEAM한테 몇번 이겼어"


def test_players_with_particles_and_no_match_inside_words(catalog):
    assert values(link("하늘이 작년에 킬 몇 개 했어?", catalog, TODAY), "player") == ["하늘"]
    assert values(link("How many kills did Zephyr get?", catalog, TODAY), "player") == ["Zephyr"]
    assert values(link("who won the race on Erangel", catalog, TODAY), "player") == []  # 'ace' in 'race'
    assert values(link("Ace kills", catalog, TODAY), "player") == ["Ace"]


def test_tournament_alias_without_year_picks_the_asked_or_latest_edition(catalog):
    assert values(link("top 3 players in the Granite Cup", catalog, TODAY), "tournament") == ["Granite Cup 2026"]
    linked = link("Granite Cup 2025 winner", catalog, TODAY)
    assert values(linked, "tournament") == ["Granite Cup 2025"] and linked.year is None
    assert values(link("한빛 챌린지에서 킬 순위", catalog, TODAY), "tournament") == ["한빛 챌린지 2026"]


def test_stages_games_maps_from_the_lexicon(catalog):
    linked = link("롤 결승전에서 협곡 경기 몇 판?", catalog, TODAY)
    assert values(linked, "stage") == ["final"]
    assert values(linked, "game") == ["League of Legends"]
    assert values(linked, "map") == ["Summoner's Rift"]
    assert values(link("who won the semifinal", catalog, TODAY), "stage") == ["semifinal"]
    assert values(link("준결승 승자", catalog, TODAY), "stage") == ["semifinal"]


@pytest.mark.parametrize("text, year", [
    ("wins in 2025", 2025), ("2024년 경기 수", 2024), ("이번 시즌 몇 번 이겼어", 2026),
    ("그럼 작년에는?", 2025), ("this season", 2026), ("last year", 2025), ("wins", None),
])
def test_years(catalog, text, year):
    assert link(text, catalog, TODAY).year == year


@pytest.mark.parametrize("text, numbers", [
    ("top 3 players by kills", [3]), ("킬 상위 5명", [5]), ("세 명 뽑아줘", [3]),
    ("teams having over five wins", [5]), ("T1 wins in 2025", []),
])
def test_numbers_exclude_names_and_years(catalog, text, numbers):
    assert link(text, catalog, TODAY).numbers == numbers


def test_hangul_helpers():
    assert jamo("강") == "ㄱㅏㅇ"
    assert has_batchim("마린즈") is False and has_batchim("하늘") is True and has_batchim("T1") is True


@pytest.fixture(scope="module")
def loose_catalog():
    return Catalog.from_rows(
        teams=["Kestrel Arrows", "울산 웨일즈", "Ulsan Comets", "Pine Foxes", "Desert Moles"],
        players=["Sol", "Breeze"],
        tournaments=[("Tamna Valorant Spring Clash 2025", "Valorant", dt.date(2025, 4, 1)),
                     ("Tamna Valorant Spring Clash 2026", "Valorant", dt.date(2026, 4, 1)),
                     ("Ulsan PUBG Cup 2026", "PUBG", dt.date(2026, 6, 1)),
                     ("Desert Royale 2025", "PUBG", dt.date(2025, 8, 1))],
        stages=["group", "final"])


@pytest.mark.parametrize("text, tournament", [
    ("탐나 발로 대회 결승 누가 이겼어", "Tamna Valorant Spring Clash 2026"),    # Hangul first word + slang + noun
    ("탐나 스프링 클래시 25 킬 합계", "Tamna Valorant Spring Clash 2025"),      # transliterated words + bare year
    ("tamna valo 2025 standings", "Tamna Valorant Spring Clash 2025"),       # first word + game alias + year
    ("kills in the tamna event", "Tamna Valorant Spring Clash 2026"),       # first word + noun, the latest edition
    ("2025년 tamna 매치 수", "Tamna Valorant Spring Clash 2025"),             # the question's year picks the edition
    ("the spring clash in 2025, how many maps", "Tamna Valorant Spring Clash 2025"),
])
def test_a_tournament_named_by_some_of_its_words(loose_catalog, text, tournament):
    linked = link(text, loose_catalog, TODAY)
    assert values(linked, "tournament") == [tournament], linked.mentions
    assert values(linked, "game") == []  # the slang was part of the tournament's name


@pytest.mark.parametrize("text", [
    "배그 대회 몇 개 열렸어",                 # a game and "tournament": the game, not its one tournament
    "battle royale matches this year",        # a word of a tournament's name used as a plain word
    "ulsan 몇 번 이겼어",                    # a word shared by a team and a tournament: neither alone
    "spring 경기 몇 판",                     # a generic word alone
])
def test_loose_tournament_words_that_name_nothing_alone(loose_catalog, text):
    assert values(link(text, loose_catalog, TODAY), "tournament") == []


@pytest.mark.parametrize("text, team", [
    ("kestrel 승률", "Kestrel Arrows"),
    ("케스트렐 몇 번 이겼어", "Kestrel Arrows"),        # a Latin word written in Hangul
    ("웨일즈 킬 합계", "울산 웨일즈"),               # a Hangul name's own word
    ("how many wins for the foxes", "Pine Foxes"),
])
def test_a_team_named_by_a_word_only_its_name_has(loose_catalog, text, team):
    assert values(link(text, loose_catalog, TODAY), "team") == [team]


def test_a_word_of_several_names_names_no_team(loose_catalog):
    assert values(link("desert 팀 승률", loose_catalog, TODAY), "team") == []  # also Desert Royale's


def test_game_slang_links_to_the_form_the_database_stores():
    cat = Catalog.from_rows(["Orca Five"], ["Nami"], [("Harbor Split 2026", "LoL", dt.date(2026, 1, 1)),
                                                      ("Canal Clash 2026", "VALORANT", dt.date(2026, 3, 1))])
    assert values(link("롤 경기 몇 판", cat, TODAY), "game") == ["LoL"]
    assert values(link("league of legends matches", cat, TODAY), "game") == ["LoL"]
    assert values(link("발로 대회 몇 개", cat, TODAY), "game") == ["VALORANT"]


def test_a_word_people_ask_with_is_no_transliterated_tournament_word():
    cat = Catalog.from_rows(["Orca Five"], ["Nami"], [("Seoul Season Cup 2026", "PUBG", dt.date(2026, 1, 1))])
    assert values(link("배그 순위 알려줘", cat, TODAY), "tournament") == []   # 순위 sounds like "Season"
    assert values(link("서울 배그 컵 순위", cat, TODAY), "tournament") == ["Seoul Season Cup 2026"]


@pytest.fixture(scope="module")
def catalog4():
    return Catalog.from_rows(
        teams=["여수 타이탄즈", "순천 라이트닝", "Copper Lynx", "Amber Squad", "Harbor Owls", "울산 웨일즈"],
        players=["Ember", "파도", "Brisk"],
        tournaments=[("Lakeside Valorant Cup 2025", "Valorant", dt.date(2025, 3, 1)),
                     ("Mokpo Rift Series 2026", "League of Legends", dt.date(2026, 4, 4))],
        stages=["final"], maps=["Haven"], games=["Valorant", "League of Legends", "Apex Legends"])


@pytest.mark.parametrize("text, team", [
    ("how many wins for yeosu titans", "여수 타이탄즈"),       # romanized city + transliterated word
    ("suncheon lightning record", "순천 라이트닝"),            # silent gh in the skeleton
    ("lightning 몇 번 이겼어", "순천 라이트닝"),                # one transliterated word alone
])
def test_a_hangul_team_written_in_latin_letters(catalog4, text, team):
    linked = link(text, catalog4, TODAY)
    assert values(linked, "team") == [team]
    assert "TEAM" in linked.masked and not any(w in linked.masked.lower() for w in ("titans", "lightning"))


@pytest.mark.parametrize("text", [
    "best squad in the final by points",      # a word people ask with is no team's word
    "포지션이 서포터인 선수 수",                 # Hangul against Hangul is never compared by skeleton
    "maps the losing side won across the cup",  # 'losing' is not 울산, 'across' is not a name
    "how many matches does each member have",   # 'member' is no misspelled Ember
    "how many kills do they have in total",     # 'have in' is no misspelled Haven
])
def test_common_words_are_not_names(catalog4, text):
    linked = link(text, catalog4, TODAY)
    assert values(linked, "team") == [] and values(linked, "player") == [] and values(linked, "map") == []


def test_a_tournament_word_written_onto_a_name_word(catalog4):
    assert values(link("레이크사이드컵 언제 시작했어", catalog4, TODAY), "tournament") == ["Lakeside Valorant Cup 2025"]
    assert values(link("롤 목포컵 우승팀", catalog4, TODAY), "tournament") == ["Mokpo Rift Series 2026"]


def test_game_slang_and_laughter(catalog4):
    assert values(link("에펙 대회 몇 개", catalog4, TODAY), "game") == ["Apex Legends"]
    assert values(link("who has the most kills lol", catalog4, TODAY), "game") == []
    assert values(link("most kills in lol", catalog4, TODAY), "game") == ["League of Legends"]


def test_the_tournament_word_beside_a_shared_name_word_picks_the_tournament():
    cat = Catalog.from_rows(teams=["Copper Lynx"], players=["Wavelet"],
                            tournaments=[("Gimhae Rift Cup 2025", "League of Legends", dt.date(2025, 3, 1)),
                                         ("Tongyeong Rift Invitational 2026", "League of Legends", dt.date(2026, 3, 1))])
    assert values(link("리프트컵 참가팀 몇 팀", cat, TODAY), "tournament") == ["Gimhae Rift Cup 2025"]
    assert values(link("웨이브렛 킬 몇 개", cat, TODAY), "player") == ["Wavelet"]  # a 4-syllable transliteration
    lynx = Catalog.from_rows(teams=["Prostbyte"], players=[], tournaments=[])
    assert values(link("프로스트바이트 선수들", lynx, TODAY), "team") == ["Prostbyte"]  # "프로" inside is no cue word
