"""Round 20 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). The request-wrapper cases go through ``answer``.
"""
from __future__ import annotations

import sqlite3

import pytest

from nl2sql.ir import compile_sql
from nl2sql.linking import link
from nl2sql.parse import parse
from tests.test_sql_ir import TODAY, _covers, _rows, _world
from tests.test_sql_round8 import _ask

# An Overwatch cup (versus, one row per series) and a battle royale; a Hangul team, two teams without a region (one
# never played), a player whose Latin nickname people write in Hangul ("Sketch" = 스케치).
ROWS20 = {
    "tournaments": [(1, "Lantern Open 2025", "Overwatch 2", "2025-06-07", "2025-06-08"),
                    (2, "Dune Royale 2025", "Apex Legends", "2025-08-02", "2025-08-03"),
                    (3, "Lantern Open 2026", "Overwatch 2", "2026-06-06", "2026-06-07")],
    "teams": [(1, "Iron Pelicans", "EU"), (2, "Quartz Owls", "NA"), (3, "부산 고래", "KR"), (4, "Salt Crows", None),
              (5, "Velvet Moths", None)],
    "players": [(1, "Sketch", 1, "dps"), (2, "Anvil", 1, "tank"), (3, "Mosaic", 2, "dps"), (4, "Prism", 2, "support"),
                (5, "파도", 3, "dps"), (6, "Reef", 3, "tank"), (7, "Gravel", 4, "igl"), (8, "Cinder", 4, "fragger")],
    "matches": [(1, 1, "2025-06-07 14:00:00", "group", None, "versus"),
                (2, 1, "2025-06-07 17:00:00", "group", None, "versus"),
                (3, 1, "2025-06-08 18:00:00", "final", None, "versus"),
                (4, 2, "2025-08-02 15:00:00", "group", None, "ranking"),
                (5, 2, "2025-08-03 15:00:00", "final", None, "ranking"),
                (6, 3, "2026-06-06 15:00:00", "group", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 2, 40), (1, 2, 2, 0, 25), (2, 3, 1, 2, 38), (2, 1, 2, 1, 33),
                    (3, 3, 1, 3, 60), (3, 2, 2, 1, 47), (4, 4, 1, 15, 6), (4, 3, 2, 9, 4),
                    (5, 4, 1, 14, 5), (5, 3, 2, 11, 4), (6, 2, 1, 2, 30), (6, 1, 2, 1, 27)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 25, 10, 5, 9000), (1, 2, 15, 12, 8, 7000), (1, 3, 15, 20, 4, 6000), (1, 4, 10, 20, 9, 3000),
                      (2, 5, 22, 15, 6, 8000), (2, 6, 16, 16, 7, 6500), (2, 1, 20, 18, 3, 7600), (2, 2, 13, 20, 5, 5000),
                      (3, 5, 35, 20, 9, 12000), (3, 6, 25, 22, 11, 9000), (3, 3, 30, 28, 6, 10000), (3, 4, 17, 30, 12, 4000),
                      (4, 7, 4, 0, 1, 1500), (4, 8, 2, 1, 2, 900), (4, 5, 3, 1, 0, 1100), (4, 6, 1, 1, 1, 500),
                      (5, 5, 4, 0, 1, 1600), (5, 6, 1, 1, 0, 400), (5, 7, 3, 1, 1, 1200), (5, 8, 1, 1, 1, 700),
                      (6, 3, 18, 10, 4, 7000), (6, 4, 12, 12, 6, 4000), (6, 1, 16, 14, 2, 6800), (6, 2, 11, 15, 3, 5000)],
}


@pytest.fixture(scope="module")
def world20(tmp_path_factory):
    return _world(tmp_path_factory, "irdb20", ROWS20)


OWLS_WIN_RATE = ("SELECT 100.0 * SUM(mt.placement = 1) / COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                 "WHERE m.format = 'versus' AND mt.team_id = 2")
GULLS_PLACE_PER_EVENT = ("SELECT tr.name, AVG(mt.placement) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                         "JOIN tournaments tr ON tr.id = m.tournament_id WHERE mt.team_id = 3 GROUP BY tr.id")
BEATEN_BY_PELICANS = "SELECT 'Quartz Owls'"
FINAL_SCORELINE = "SELECT 3, 1"
FINAL_TOP_AND_TEAM = "SELECT '파도', '부산 고래'"

ROUND20 = [
    # "what percentage did X win": the win rate, with the matches said before or not at all
    ("what percentage did X win", "what percentage did Quartz Owls win?", OWLS_WIN_RATE),
    ("of all their matches, what share", "of every match they have played, what share did Quartz Owls win", OWLS_WIN_RATE),
    ("몇 퍼센트 이겼", "Quartz Owls 경기 중 몇 퍼센트 이겼어?", OWLS_WIN_RATE),
    # "for each of the X they …, <measure>": a breakdown by X even with a relative clause after the noun
    ("for each of the events", "for each of the events 부산 고래 entered, what was their average placement?",
     GULLS_PLACE_PER_EVENT),
    ("in each of the events", "부산 고래 average finishing position in each of the events they played",
     GULLS_PLACE_PER_EVENT),
    # "who has X beaten": the opponents X beat, the subject after the auxiliary
    ("who has X beaten", "who has Iron Pelicans beaten?", BEATEN_BY_PELICANS),
    ("who have X defeated", "who have the Iron Pelicans defeated in overwatch", BEATEN_BY_PELICANS),
    ("X가 이긴 팀", "Iron Pelicans가 이긴 팀", BEATEN_BY_PELICANS),
    # chat words for the people on a team
    ("ppl on X", "how many ppl on quartz owls", "SELECT 2"),
    ("folks on X", "how many folks play for Salt Crows?", "SELECT 2"),
    # a Latin nickname written in Hangul, three syllables on three consonants ("tch" is one sound, 치)
    ("Hangul nickname", "스케치 킬 다 합치면 몇이야", "SELECT 61"),
    ("Hangul nickname, damage", "스케치 딜량 총합", "SELECT 23400"),
    # one versus match's scoreline is one row, the winner's score first
    ("score of the final", "what was the score of the lantern open 2025 final?", FINAL_SCORELINE),
    ("결승 몇대몇", "Lantern Open 2025 결승 몇대몇?", FINAL_SCORELINE),
    ("결승 몇 대 몇으로 끝났어", "2025 오버워치 결승 몇 대 몇으로 끝났어?", FINAL_SCORELINE),
    # the player's team asked beside the best player
    ("and what team is she on", "who had the most kills in the lantern open 2025 final, and what team is she on?",
     FINAL_TOP_AND_TEAM),
    ("선수랑 소속팀", "Lantern Open 2025 결승 킬 제일 많은 선수랑 소속팀", FINAL_TOP_AND_TEAM),
    ("top n with their teams", "top 2 players by kills in lantern open 2025 with their teams",
     "SELECT '파도', '부산 고래' UNION SELECT 'Sketch', 'Iron Pelicans'"),
    # the region of a player's team
    ("소속팀 지역", "Mosaic 소속팀 지역 어디야?", "SELECT 'NA'"),
    ("what region is X's team from", "what region is Mosaic's team from?", "SELECT 'NA'"),
    ("어느 나라 팀", "Reef 어느 나라 팀이야", "SELECT 'KR'"),
    # a series that went the distance, said by the number of its last game
    ("stretched to game 3", "how many overwatch series were stretched to game 3", "SELECT 2"),
    ("3세트까지 간", "오버워치 3세트까지 간 경기 몇 개야", "SELECT 2"),
    # last on a statistic is the bottom of that ranking, not last place in a match
    ("last on points", "which squad ended up last on points at dune royale 2025", "SELECT '부산 고래'"),
    ("came last in a match", "who came last in the dune royale 2025 final", "SELECT '부산 고래'"),
    # "group" as a bucket of the answer is no group stage; teams that played are those with a match row
    ("지역 없는 팀 중 뛴 팀", "지역 정보 없는 팀 중에 경기 뛴 팀 어디야", "SELECT 'Salt Crows'"),
    ("how many teams have played", "how many teams have ever played a match", "SELECT 4"),
    # "any game" inside the clause does not change the noun the question leads with
    ("never first in any game", "teams that entered dune royale 2025 and never finished first in any game",
     "SELECT '부산 고래'"),
    # a year restated in brackets is one period; a name said after the negation scopes only the excluded side
    ("작년(2025)", "작년(2025) 오버워치 대회엔 나왔는데 2026 대회에는 안 나온 팀", "SELECT '부산 고래'"),
    # "the loser had under N kills": the losing side's rows, not both sides' summed; its team named when asked
    ("the losing side had under N", "overwatch matches where the losing side had under 30 kills",
     "SELECT '2025-06-07 14:00:00' UNION SELECT '2026-06-06 15:00:00'"),
    ("which side lost, and when", "which overwatch series did the beaten team end with under 30 kills? which side lost, and when",
     "SELECT 'Quartz Owls', '2025-06-07 14:00:00' UNION SELECT 'Iron Pelicans', '2026-06-06 15:00:00'"),
    ("final only on the excluded side", "teams that played in 2025 but not in the 2026 group stage", "SELECT '부산 고래' UNION SELECT 'Salt Crows'"),
]


@pytest.mark.parametrize("name,question,gold", ROUND20, ids=[c[0] for c in ROUND20])
def test_round20(world20, name, question, gold):
    _, path, _ = world20
    reading, sql, rows = _ask(world20, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


@pytest.mark.parametrize("wrapped,core", [
    ("Good evening. Our cousin is on the Salt Crows. How many points did they score?",
     "How many points did they score?"),
    ("Hi there! I'm a parent of a player. Which team won the most?", "Which team won the most?"),
    ("who won the 2025 final? need it for my calendar", "who won the 2025 final?"),
    ("안녕하세요, 선수 학부모입니다. 결승 누가 이겼어요?", "결승 누가 이겼어요?"),
])
def test_who_is_asking_is_taken_off(wrapped, core):
    from nl2sql.unwrap import core_question

    assert core_question(wrapped) == core


@pytest.mark.parametrize("question,gold", [
    ("Good afternoon. My nephew plays for Quartz Owls. What percentage of their games did they win?", OWLS_WIN_RATE),
    ("Hello, I'm a big supporter of 부산 고래. For each of the events they entered, what was their average placement?",
     GULLS_PLACE_PER_EVENT),
    ("when did lantern open 2026 end? need it for my calendar", "SELECT '2026-06-07'"),
    # the clock times of a day's matches are records, not a procedure
    ("2025년 6월 7일 경기들 몇시몇시에 했어?", "SELECT '2025-06-07 14:00:00' UNION SELECT '2025-06-07 17:00:00'"),
])
def test_the_name_said_before_the_question_is_its_subject(world20, question, gold):
    """A sentence about the asker names the team; the question calls it "they": answered, not refused as a procedure."""
    from nl2sql.engine import answer

    url, path, _ = world20
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), result.sql


@pytest.mark.parametrize("question", [
    "for every region, how many teams have competed? count teams without a region as a separate group",
    "지역별로 경기 뛴 팀 몇 개야? 지역 빈 팀들까지 포함해서",
])
def test_teams_that_played_per_region_with_a_bucket_for_none(world20, question):
    """"as a separate group" is a bucket of the answer, not the group stage; teams that played have a match row."""
    _, path, catalog = world20
    sql = compile_sql(parse(question, link(question, catalog, TODAY), TODAY).ir)
    with sqlite3.connect(path) as con:
        got = con.execute(sql).fetchall()
    assert sorted(got, key=repr) == sorted([("EU", 1), ("NA", 1), ("KR", 1), (None, 1)], key=repr), (question, sql)


# A map whose consonants (b-n-k) a Korean period word also spells: "하반기" (second half) is a date, never the map
ROWS20_MAP = {**ROWS20, "matches": [(i, t, at, st, "Bank" if i == 1 else mp, f)
                                     for i, t, at, st, mp, f in ROWS20["matches"]]}


@pytest.fixture(scope="module")
def world20_map(tmp_path_factory):
    return _world(tmp_path_factory, "irdb20map", ROWS20_MAP)


@pytest.mark.parametrize("question,gold", [
    ("2025년 하반기 경기 몇 개야?", "SELECT 2"),
    ("2025 하반기에 열린 경기 수", "SELECT 2"),
    ("2025년 상반기에 한 경기 몇 판?", "SELECT 3"),
    ("뱅크에서 한 경기 몇 개야?", "SELECT 1"),
])
def test_a_korean_period_word_is_no_map_by_sound(world20_map, question, gold):
    _, path, _ = world20_map
    reading, sql, rows = _ask(world20_map, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)
