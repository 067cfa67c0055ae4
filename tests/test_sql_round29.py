"""Round 29 of the NL→SQL failure analysis: kinds of failure, asked in our own words on round 8's small world.

Each case is question → IR → SQL → rows, compared with hand-written gold SQL (extra answer columns allowed, as the
benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import datetime as dt

import pytest

from tests.test_sql_ir import TODAY, _covers, _rows
from tests.test_sql_round8 import _ask, world8  # noqa: F401  (the fixture)
from nl2sql.engine import _as_named_team, has_evidence, unknown_names
from nl2sql.linking import Catalog, link
from nl2sql.parse import parse

ROUND29 = [
    # the asker says which team "we" are: "we", "our", "우리" are that team
    ("we are a named team", "We are Tidal Foxes. How many maps have we won?", "SELECT 2"),
    ("저희는 <team>인데", "저희는 수원 코브라스인데요, 우리 몇 번 이겼어요?", "SELECT 1"),
    # an amount asked as a share ("몇 %나 되는지"): the win rate
    ("몇 % 되는지", "수원 코브라스가 이긴 판이 몇 %나 되는지 궁금해요", "SELECT 50.0"),
    # "anyone", "anybody" ask like "who"
    ("anybody without a team", "has anybody got no team on record?", "SELECT 'Mekong'"),
    # three or more statistics listed: a column each
    ("three statistics listed", "Reef: kills, deaths and assists", "SELECT 92, 62, 14"),
    ("세 가지 나열", "Kelp 킬, 데스, 어시 합계", "SELECT 67, 67, 25"),
    # two questions joined, each with its own count or total, the named subject shared
    ("몇 판 나왔고 … 몇 개", "Kelp 몇 판 나왔고 데스는 전부 몇 개야?", "SELECT 5, 67"),
    ("how many … and how many did they win", "for each map, how many games did Tidal Foxes play and how many did they win?",
     "SELECT 'Ascent', 1, 1 UNION SELECT 'Bind', 1, 0 UNION SELECT 'Lotus', 1, 1"),
    ("경기 수와 진 수", "수원 코브라스 경기 몇 번 했고 진 건 몇 번이야?", "SELECT 2, 1"),
    # a game set aside
    ("setting a game aside", "setting PUBG aside, total kills of Tidal Foxes?", "SELECT 147"),
    ("<game> 빼면", "PUBG 빼면 Tidal Foxes 킬 합계", "SELECT 147"),
    # a plural noun with two endings ("팀들만") is the asked entity
    ("팀들만 알려줘", "2025년 3월 9일에 이긴 팀들만 알려줘", "SELECT '수원 코브라스'"),
    # an attribute asked beside a roster with "w/"
    ("w/ roles", "Tidal Foxes roster w/ roles", "SELECT 'Reef', 'duelist' UNION SELECT 'Kelp', 'sentinel'"),
    # a superlative adjective without a statistic: the top one by kills
    ("deadliest", "who's the deadliest Valorant player?", "SELECT 'Reef', 84"),
    # "한 경기에 평균": the match is the unit of the average, not a one-match condition
    ("한 경기에 평균", "Coral Bay Masters 2025 선수 중에 한 경기에 평균 25킬 넘게 하는 사람 있어?",
     "SELECT 'Reef' UNION SELECT '독수리'"),
    # "N도 못": fewer than N
    ("N라운드도 못", "발로에서 진 팀이 10라운드도 못 딴 맵 몇 개야?", "SELECT 2"),
    # the opponents of a team with the dates they met
    ("opponents and when", "who did Tidal Foxes play in 2025, and when?",
     "SELECT '수원 코브라스', '2025-03-08 14:00:00' UNION SELECT '수원 코브라스', '2025-03-09 18:00:00'"),
    # one measure for each of two named values ("respectively", "각각"): a row each
    ("respectively", "how many kills did Tidal Foxes get in Valorant and in PUBG respectively?",
     "SELECT 'Valorant', 147 UNION SELECT 'PUBG', 12"),
    ("각각", "Granite Yaks가 발로랑 배그에서 각각 킬 몇 개 했어?", "SELECT 'Valorant', 30 UNION SELECT 'PUBG', 12"),
    # the groups with none kept when asked: a row at 0, not the set of those without
    ("including those with none", "Nordlys Royale chicken dinners per squad (including squads with none)",
     "SELECT 'Granite Yaks', 1 UNION SELECT 'Tidal Foxes', 1 UNION SELECT '수원 코브라스', 0"),
    # "<stat> record": the largest single row; "쓰러뜨린" is kills
    ("a statistic's record", "who holds the one-map frag record in Valorant?", "SELECT '독수리', 33"),
    ("쓰러뜨린", "Granite Yaks가 한 경기에서 상대를 제일 많이 쓰러뜨린 게 몇이야?", "SELECT 30"),
    # "skipped", "missed", "불참": not taking part in the second scope (a set difference)
    ("skipped", "teams that played Coral Bay Masters 2025 but skipped Coral Bay Masters 2026", "SELECT '수원 코브라스'"),
    # "경기에 나온": the players with a match row
    ("경기에 나온 선수", "경기에 나온 선수 몇 명이야?", "SELECT 6"),
    # "선수 수는": a count of players, "선수" after a player's name a title
    ("선수 수는", "수원 코브라스 선수 수는?", "SELECT 2"),
    ("<player> 선수 몇 판", "Reef 선수 몇 판 나왔어?", "SELECT 5"),
]


@pytest.mark.parametrize("construct,question,gold", ROUND29, ids=[c[0] for c in ROUND29])
def test_round29_constructs_answer_with_the_right_rows(world8, construct, question, gold):  # noqa: F811
    url, path, _ = world8
    question = _as_named_team(question, url, TODAY)
    _, sql, got = _ask(world8, question)
    assert _covers(got, _rows(path, gold)), (construct, question, sql, got)


def test_words_formed_from_known_words_are_no_unknown_names(world8):  # noqa: F811
    _, _, catalog = world8
    for question in ("Comparing Tidal Foxes: kills per map?", "One-match kill high at Coral Bay Masters 2025?"):
        assert unknown_names(link(question, catalog, TODAY)) == [], question


def test_an_amount_asked_with_되나요_and_we_of_a_named_team_are_no_procedure(world8):  # noqa: F811
    _, _, catalog = world8
    for question in ("수원 코브라스가 이긴 판이 몇 %나 되는지 궁금해요", "We are Tidal Foxes. How many maps have we won?"):
        linked = link(question, catalog, TODAY)
        assert has_evidence(question, linked, parse(question, linked, TODAY)), question


def test_a_tournament_said_with_its_games_slang_and_a_quoted_name_link():
    catalog = Catalog.from_rows(["Harbor Owls"], ["Momentum"], [("Harbor Valorant Cup 2024", "Valorant", dt.date(2024, 5, 1))],
                                games=["Valorant"])
    said = link("Harbor Owls at the Harbor 발로 Cup 2024, kills?", catalog, TODAY).mentions
    assert [(m.type, m.value) for m in said] == [("team", "Harbor Owls"), ("tournament", "Harbor Valorant Cup 2024")]
    said = link("모멘텀이라는 선수 어느 팀이야", catalog, TODAY).mentions
    assert [(m.type, m.value) for m in said] == [("player", "Momentum")]
