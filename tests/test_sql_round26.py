"""Round 26 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world
from tests.test_sql_round8 import _ask

# Two Valorant opens, a Battlegrounds Mobile royale series named after a port city, an Apex league and a LoL cup;
# a Hangul team, a team with no region that played the royale, a player whose role is blank, a free agent.
ROWS26 = {
    "tournaments": [(1, "Pinecrest Valorant Open 2025", "Valorant", "2025-03-01", "2025-03-02"),
                    (2, "Yeosu Royale Series 2025", "Battlegrounds Mobile", "2025-05-10", "2025-05-11"),
                    (3, "Dusk Apex League 2026", "Apex Legends", "2026-01-10", "2026-01-11"),
                    (4, "Pinecrest Valorant Open 2026", "Valorant", "2026-02-07", "2026-02-07"),
                    (5, "Ridge LoL Cup 2025", "League of Legends", "2025-09-06", "2025-09-06")],
    "teams": [(1, "Copper Owls", "KR"), (2, "여수 돌핀스", "KR"), (3, "Salt Herons", "EU"), (4, "Drift Nine", None)],
    "players": [(1, "Wick", 1, "duelist"), (2, "Flint", 1, "controller"), (3, "바람", 2, "duelist"), (4, "Moss", 2, None),
                (5, "Gale", 3, "igl"), (6, "Drift", 4, "fragger"),
                (7, "Turlin", None, "sentinel")],
    "matches": [(1, 1, "2025-03-01 14:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-03-02 19:00:00", "final", "Bind", "versus"),
                (3, 2, "2025-05-10 15:00:00", "group", "Erangel", "ranking"),
                (4, 2, "2025-05-11 18:00:00", "final", "Miramar", "ranking"),
                (5, 3, "2026-01-10 20:00:00", None, "Olympus", "ranking"),
                (6, 3, "2026-01-11 20:00:00", None, "Storm Point", "ranking"),
                (7, 4, "2026-02-07 16:00:00", "final", "Lotus", "versus"),
                (8, 5, "2025-09-06 17:00:00", "final", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 40), (1, 2, 2, 7, 24), (2, 3, 1, 13, 38), (2, 1, 2, 11, 35),
                    (3, 4, 1, 16, 6), (3, 2, 2, 12, 6), (3, 3, 3, 9, 4), (4, 2, 1, 14, 4), (4, 4, 2, 9, 3), (4, 3, 3, 5, 0),
                    (5, 3, 1, 16, 4), (5, 1, 2, 11, 5), (6, 1, 1, 17, 5), (6, 3, 2, 8, 0),
                    (7, 3, 1, 13, 33), (7, 2, 2, 6, 20), (8, 1, 1, 2, 21), (8, 2, 2, 0, 9)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 25, 10, 3, 5000), (1, 2, 15, 12, 8, 3000), (1, 3, 14, 16, 4, 2900), (1, 4, 10, 17, 6, 2100),
                      (2, 5, 38, 20, 5, 7000), (2, 1, 20, 18, 5, 4400), (2, 2, 15, 20, 7, 3500),
                      (3, 6, 6, 0, 1, 900), (3, 3, 4, 1, 2, 700), (3, 4, 2, 1, 0, 300), (3, 5, 4, 1, 1, 600),
                      (4, 3, 3, 0, 1, 600), (4, 4, 1, 1, 0, 200), (4, 6, 3, 1, 0, 500), (4, 5, 0, 1, 0, 90),
                      (5, 5, 4, 0, 2, 1200), (5, 1, 3, 1, 1, 800), (5, 2, 2, 1, 0, 500),
                      (6, 1, 3, 0, 1, 900), (6, 2, 2, 1, 1, 700), (6, 5, 0, 1, 0, 100),
                      (7, 3, 20, 10, 4, 4000), (7, 4, 13, 12, 5, 3000), (7, 5, 20, 15, 2, 4100),
                      (8, 1, 12, 4, 9, 15000), (8, 2, 9, 5, 6, 12000), (8, 3, 5, 6, 3, 9000), (8, 4, 4, 6, 2, 7000)],
}


@pytest.fixture(scope="module")
def world26(tmp_path_factory):
    return _world(tmp_path_factory, "irdb26", ROWS26)


ROUND26 = [
    # a game's slang abbreviation ("BGM") links the game
    ("BGM slang", "how many BGM matches were on erangel", "SELECT 1"),
    ("BGM slang, Korean", "bgm 에란겔 경기 몇 판?", "SELECT 1"),
    # "league" right after another game is that game's event, not League of Legends
    ("<game> league", "per-map kill totals for the apex league",
     "SELECT 'Olympus', 9 UNION SELECT 'Storm Point', 5"),
    # a win in a royale-only scope is a first place, not a versus win
    ("winner in a royale game", "count apex matches where the first-place team had more than 4.5 kills", "SELECT 1"),
    ("1등 in a royale game", "에펙 1등 팀 킬 3.5 넘은 판 몇 번?", "SELECT 2"),
    # the number said with a comparison is the threshold; a count said of the scope is none
    ("threshold beside a comparison", "두 대회 합쳐서 발로 승률 50% 넘는 팀",
     "SELECT 'Salt Herons'"),
    ("threshold beside a comparison, English", "valorant teams above 50% win rate across the two opens",
     "SELECT 'Salt Herons'"),
    # a gloss in brackets after a half year restates it
    ("half year with a gloss", "25년 하반기 (7~12월)에 경기가 치러진 대회", "SELECT 'Ridge LoL Cup 2025'"),
    ("half year with a gloss, English", "tournaments that held games during the 2nd half 2025 (july to december)?",
     "SELECT 'Ridge LoL Cup 2025'"),
    # 숫자 / 인원 as a count word, an English gloss inside a Korean word
    ("N별 X 숫자 with a gloss", "포지션(position)별로 선수 숫자 세줘 (포지션 빈 선수 제외)",
     "SELECT role, COUNT(*) FROM players WHERE role IS NOT NULL GROUP BY role"),
    ("N별 인원", "팀별 인원 좀 알려줘", "SELECT t.name, COUNT(*) FROM players p JOIN teams t ON t.id = p.team_id GROUP BY t.id"),
    # Korean 오버 / 언더 beside a number are comparisons
    ("N 오버", "에펙 1등 스쿼드 킬 3.5 오버 몇 판?", "SELECT 2"),
    # a first-placed side said as a condition of how often something happened
    ("1등 팀이 … 몇 번", "에펙에서 1등 팀이 킬 4개 넘게 한 경기 몇 번?", "SELECT 1"),
    # a player's name is never matched inside a Korean verb of a result ("털린")
    ("result verb is no name", "발로 7라운드 이하로 털린 맵의 패배 팀", "SELECT '여수 돌핀스'"),
    # a participle between "each" and the noun; "ordered by maps won" is a count of wins, zero-win teams kept
    ("each participating team", "Pinecrest Valorant Open 2025: maps won plus total kills for every competing team",
     "SELECT 'Copper Owls', 1, 75 UNION SELECT '여수 돌핀스', 0, 24 UNION SELECT 'Salt Herons', 1, 38"),
    ("teams ordered by maps won", "valorant table, every squad sorted by maps won",
     "SELECT 'Salt Herons', 2 UNION SELECT 'Copper Owls', 1 UNION SELECT '여수 돌핀스', 0"),
    # "never finished first" alone is a set operation, not the not-first condition
    ("never first, a list", "bgm squads that never finished first", "SELECT 'Salt Herons'"),
    # damage dealers are players; the team they play for is a column beside them
    ("damage dealers + their squad", "best 2 damage dealers at apex, plus the team they play for",
     "SELECT 'Copper Owls', 'Wick' UNION SELECT 'Salt Herons', 'Gale'"),
    # a team's form: its latest placements, in the order asked
    ("form check", "how is Copper Owls' recent form? apex, last 2 games", "SELECT 1 UNION ALL SELECT 2"),
    ("폼 체크", "Copper Owls 에펙 폼 체크, 경기 순서대로", "SELECT 2 UNION ALL SELECT 1"),
    # a missing value said beside its column scopes a count
    ("missing region on a count", "배그m에서 지역 미등록 구단이 차지한 1위 횟수", "SELECT 1"),
    ("missing region on a count, English", "how many first places did teams with no region get in bgm", "SELECT 1"),
    # "(그날) 합계" asked of who: each one's own total, not the largest per-match total
    ("who has the largest total", "25년 5월 10일 하루 킬 합계 최다 선수는?", "SELECT 'Drift'"),
    ("squad with the largest total in a stage", "여수 시리즈 파이널 포인트 합계 1위 구단", "SELECT '여수 돌핀스'"),
    # the asked noun joined to another column by "+" or ","
    # (the same side at the same extreme twice is one answer: round 25's DISTINCT at an extreme)
    ("noun + column", "에펙 한 경기 최다 킬 팀 + 킬 수", "SELECT 'Copper Owls', 5"),
    # "without finishing first": the rows of the other places
    ("not first, English", "which squad scored the most points in one bgm game without finishing first?", "SELECT '여수 돌핀스', 12"),
    ("not first, Korean", "에펙에서 1등 못 한 판 중 포인트 제일 높은 팀", "SELECT 'Copper Owls', 11"),
    # a condition on one match's row, held in at least N matches: counted per key, the number of times as a having
    ("row condition N times", "squads with over 30 kills in at least two valorant matches",
     "SELECT 'Copper Owls' UNION SELECT 'Salt Herons'"),
    ("row condition N times, Korean", "발로에서 킬 30 넘긴 판이 2번 이상인 팀", "SELECT 'Copper Owls' UNION SELECT 'Salt Herons'"),
    ("row condition N times, players", "players with 20+ kills in 2 or more valorant maps", "SELECT 'Wick' UNION SELECT 'Gale'"),
    # "never took a game" is never winning; "1등 못 한" is no first place (not the top of a ranking)
    ("never took a game", "bgm squads that have never taken any game", "SELECT 'Salt Herons'"),
    ("한 번도 1등 못 한", "bgm에서 한 번도 1등 못 한 팀", "SELECT 'Salt Herons'"),
    # one team's opponents, each with how many times they met (whoever won)
    ("opponents with counts", "Copper Owls' valorant opponents and how many times each was met",
     "SELECT '여수 돌핀스', 1 UNION SELECT 'Salt Herons', 1"),
    ("opponents with counts, Korean", "Copper Owls가 발로에서 상대했던 팀별로 몇 번 붙었는지",
     "SELECT '여수 돌핀스', 1 UNION SELECT 'Salt Herons', 1"),
    # a scoreline's map asked with its date
    ("scoreline: which map and when", "any valorant map that ended 13-7? which map and when",
     "SELECT 'Ascent', '2025-03-01 14:00:00'"),
    # the rows' sides listed with the score each took
    ("losing side with its own score", "발로에서 11라운드 이하로 진 팀이랑 딴 라운드",
     "SELECT '여수 돌핀스', 7 UNION SELECT 'Copper Owls', 11 UNION SELECT '여수 돌핀스', 6"),
]


@pytest.mark.parametrize("kind,question,gold", ROUND26, ids=[k for k, _, _ in ROUND26])
def test_round26(world26, kind, question, gold):
    _, path, _ = world26
    reading, sql, got = _ask(world26, question)
    assert _covers(got, _rows(path, gold)), (question, reading.ir, sql, got)
