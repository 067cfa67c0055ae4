"""Round 21 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world
from tests.test_sql_round8 import _ask

# A PUBG royale held twice (so its plural means both editions), a League series of Bo3 rows; a Hangul team whose
# name people romanize loosely, a player whose Latin nickname ends in a letter people keep as it is in Hangul.
ROWS21 = {
    "tournaments": [(1, "Lantern Royale 2025", "PUBG", "2025-06-07", "2025-06-08"),
                    (2, "Lantern Royale 2026", "PUBG", "2026-06-06", "2026-06-07"),
                    (3, "Pinecrest Series 2025", "League of Legends", "2025-09-06", "2025-09-13")],
    "teams": [(1, "Falcon Arrows", "EU"), (2, "목포 등대", "KR"), (3, "Copper Owls", "NA"), (4, "대전 하늘", "KR")],
    "players": [(1, "Falcon.K", 1, "fragger"), (2, "Quill", 1, "igl"), (3, "바다새", 2, "fragger"), (4, "Reed", 2, "support"),
                (5, "Moth", 3, "fragger"), (6, "Lark", 3, "igl"), (7, "솔개", 4, "fragger"), (8, "Tern", 4, "support"),
                (9, "Drifter", None, "support")],
    "matches": [(1, 1, "2025-06-07 14:00:00", "group", "Erangel", "ranking"),
                (2, 1, "2025-06-08 15:00:00", "final", "Miramar", "ranking"),
                (3, 2, "2026-06-06 14:00:00", "group", "Erangel", "ranking"),
                (4, 2, "2026-06-07 15:00:00", "final", "Sanhok", "ranking"),
                (5, 3, "2025-09-06 15:00:00", "group", None, "versus"),
                (6, 3, "2025-09-06 19:00:00", "group", None, "versus"),
                (7, 3, "2025-09-07 15:00:00", "group", None, "versus"),
                (8, 3, "2025-09-07 19:00:00", "group", None, "versus"),
                (9, 3, "2025-09-13 17:00:00", "final", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 18, 8), (1, 2, 2, 12, 6), (1, 3, 3, 7, 2), (1, 4, 4, 4, 0),
                    (2, 2, 1, 20, 10), (2, 1, 2, 14, 8), (2, 4, 3, 6, 1), (2, 3, 4, 5, 1),
                    (3, 4, 1, 16, 6), (3, 2, 2, 11, 5), (3, 1, 3, 8, 3), (3, 3, 4, 3, 0),
                    (4, 1, 1, 22, 12), (4, 3, 2, 10, 4), (4, 2, 3, 7, 2), (4, 4, 4, 5, 1),
                    (5, 1, 1, 2, 30), (5, 2, 2, 0, 15), (6, 3, 1, 2, 40), (6, 4, 2, 1, 35), (7, 1, 1, 2, 28), (7, 3, 2, 0, 20),
                    (8, 2, 1, 2, 33), (8, 4, 2, 0, 18), (9, 1, 1, 2, 45), (9, 2, 2, 1, 40)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 5, 1, 1, 600), (1, 2, 3, 1, 2, 400), (1, 3, 4, 1, 0, 500), (1, 4, 2, 1, 1, 300),
                      (1, 5, 1, 1, 0, 200), (1, 6, 1, 1, 1, 150), (1, 7, 0, 1, 0, 100), (1, 8, 0, 1, 0, 90),
                      (4, 1, 7, 0, 2, 900), (4, 2, 5, 1, 1, 700), (4, 5, 3, 1, 0, 400), (4, 6, 1, 1, 1, 200),
                      (5, 1, 18, 3, 10, 20000), (5, 2, 12, 4, 15, 15000), (5, 3, 9, 8, 5, 14000), (5, 4, 6, 7, 8, 9000),
                      (6, 5, 22, 9, 10, 25000), (6, 6, 18, 10, 12, 20000), (6, 7, 19, 11, 9, 21000), (6, 8, 16, 12, 14, 16000),
                      (7, 1, 16, 5, 8, 18000), (7, 2, 12, 6, 11, 13000), (7, 5, 12, 8, 6, 15000), (7, 6, 8, 9, 7, 9000),
                      (8, 3, 21, 4, 9, 22000), (8, 4, 12, 5, 14, 12000), (8, 7, 10, 9, 5, 11000), (8, 8, 8, 9, 6, 8000),
                      (9, 1, 25, 8, 12, 26000), (9, 2, 20, 9, 18, 21000), (9, 3, 22, 12, 10, 23000), (9, 4, 18, 13, 15, 17000)],
}


@pytest.fixture(scope="module")
def world21(tmp_path_factory):
    return _world(tmp_path_factory, "irdb21", ROWS21)


def _players_with(kills: int) -> str:
    return ("SELECT DISTINCT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id "
            f"WHERE mp.kills >= {kills}")


SWEEPS_PER_TEAM = ("SELECT t.name, COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.team_id <> w.team_id "
                   "JOIN teams t ON t.id = w.team_id WHERE w.placement = 1 AND w.score = 2 AND l.score = 0 GROUP BY t.id")


def _above(a: int, b: int) -> str:
    return (f"SELECT COUNT(*) FROM match_teams a JOIN match_teams b ON b.match_id = a.match_id "
            f"WHERE a.team_id = {a} AND b.team_id = {b} AND a.placement < b.placement")


NON_KR_PUBG = ("SELECT DISTINCT t.name FROM teams t JOIN match_teams mt ON mt.team_id = t.id JOIN matches m ON m.id = mt.match_id "
               "JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'PUBG' AND t.region <> 'KR'")
ROYALE_KILLS = "SELECT SUM(kills) FROM match_teams WHERE match_id IN (1, 2, 3, 4)"
KD_WITH_SAMPLE = ("SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id "
                  "HAVING 1.0 * SUM(mp.kills) / MAX(SUM(mp.deaths), 1) > 2 AND COUNT(*) >= 4")
AVG_BY_YEAR = ("SELECT AVG(CASE WHEN m.played_at < '2026-01-01' THEN mt.kills END), AVG(CASE WHEN m.played_at >= '2026-01-01' "
               "THEN mt.kills END) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 1")

ROUND21 = [
    # a threshold in one match asked as "is there any": the rows that pass it, not a sum over every match
    ("anyone in a single game", "has anybody ever put up 20 kills on one map", _players_with(20)),
    ("ever an N-kill game", "was there ever a 22-kill game?", _players_with(22)),
    ("anybody in one match", "did anybody get 20 or more kills in one match", _players_with(20)),
    ("한 판 있어", "20킬 이상 한 판 있어?", _players_with(20)),
    ("한 경기 있나", "한 경기에서 22킬 넘게 한 적 있나", "SELECT DISTINCT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id WHERE mp.kills > 22"),
    # a scoreline counted per winning team
    ("2-0 wins per team", "how many 2-0 wins did each team have at the pinecrest series", SWEEPS_PER_TEAM),
    ("sweeps by team", "2-0 sweeps by team in league of legends", SWEEPS_PER_TEAM),
    ("팀별 2:0", "팀별 2:0 완승 횟수", SWEEPS_PER_TEAM),
    # two named sides ranked against each other inside one battle-royale match
    ("finished above", "in how many matches did 목포 등대 finish above Copper Owls", _above(2, 3)),
    ("ended up behind", "how many times did Copper Owls end up behind 목포 등대", _above(2, 3)),
    ("a better placement", "how often did Copper Owls have a better placement than 목포 등대", _above(3, 2)),
    ("순위 높았던", "목포 등대가 Copper Owls보다 순위 높았던 판 몇 번이야", _above(2, 3)),
    ("순위 낮았던", "목포 등대가 Copper Owls보다 순위가 낮았던 경기 수", _above(3, 2)),
    # a bare noun phrase, no question word or verb
    ("bare noun phrase", "non-korean teams in pubg", NON_KR_PUBG),
    ("bare noun phrase, another", "pubg teams outside korea", NON_KR_PUBG),
    # the plural of a series' name: every edition of it
    ("plural of a series", "total kills across the lantern royales", ROYALE_KILLS),
    ("across a series", "total team kills across the Lantern Royale", ROYALE_KILLS),
    ("chickens in the plural", "Falcon Arrows chicken dinner tally in the Lantern Royales",
     "SELECT COUNT(*) FROM match_teams WHERE team_id = 1 AND placement = 1 AND match_id IN (1, 2, 3, 4)"),
    # names written loosely: a Hangul team romanized with other vowels, a Latin nickname's head in Hangul
    ("romanized other vowels", "mokpo dungdae wins", "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                                                     "WHERE mt.team_id = 2 AND mt.placement = 1 AND m.format = 'versus'"),
    ("Hangul head, Latin tail", "팔콘K 포지션 뭐야", "SELECT role FROM players WHERE id = 1"),
    ("Hangul head, spaced tail", "팔콘 K 역할", "SELECT role FROM players WHERE id = 1"),
    # a threshold with a minimum sample beside it
    ("min N matches", "players whose kd is over 2, min 4 matches played", KD_WITH_SAMPLE),
    ("at least N games", "players whose kd is over 2 with at least 4 games played", KD_WITH_SAMPLE),
    ("최소 N경기", "킬뎃 2 넘는 선수, 최소 4경기 이상 뛴 선수만", KD_WITH_SAMPLE),
    # each match's winner in a scope: the matches with their winners, not a set of teams
    ("who won each match", "who won each match at Pinecrest Series 2025",
     "SELECT m.played_at, t.name FROM matches m JOIN match_teams mt ON mt.match_id = m.id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.tournament_id = 3 AND mt.placement = 1"),
    ("winner of every game", "the winner of every game on september 7, 2025",
     "SELECT m.played_at, t.name FROM matches m JOIN match_teams mt ON mt.match_id = m.id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.id IN (7, 8) AND mt.placement = 1"),
    ("각 경기 승자", "2025년 9월 6일 각 경기 승자 누구야",
     "SELECT m.played_at, t.name FROM matches m JOIN match_teams mt ON mt.match_id = m.id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.id IN (5, 6) AND mt.placement = 1"),
    # the players of the team first by chicken dinners or wins
    ("players of the top squad", "list the members of the squad that got the most chickens",
     "SELECT nickname FROM players WHERE team_id = 1"),
    ("치킨 최다 팀 선수", "치킨 가장 많이 한 스쿼드 멤버 누구야", "SELECT nickname FROM players WHERE team_id = 1"),
    # a winner's score in a battle royale is its first place's, not a versus match's
    ("winner's score in a royale", "lowest score a winning squad got in pubg", "SELECT 16"),
    # more (or less) than half of one's matches won: a win rate against 50 %
    ("won more than half", "which teams won more than half of their series",
     "SELECT t.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.format = 'versus' GROUP BY t.id HAVING 2 * SUM(mt.placement = 1) > COUNT(*)"),
    ("절반 넘게 이긴", "시리즈 절반 넘게 이긴 팀 몇 팀이야",
     "SELECT COUNT(*) FROM (SELECT mt.team_id FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "WHERE m.format = 'versus' GROUP BY mt.team_id HAVING 2 * SUM(mt.placement = 1) > COUNT(*))"),
    ("half, with a minimum", "teams winning under half their series, min 3 series played",
     "SELECT t.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.format = 'versus' GROUP BY t.id HAVING 2 * SUM(mt.placement = 1) < COUNT(*) AND COUNT(*) >= 3"),
    # several attributes of one player asked together: one column each
    ("team and role", "which team is Moth on, and what does Moth play",
     "SELECT t.name, p.role FROM players p JOIN teams t ON t.id = p.team_id WHERE p.id = 5"),
    ("소속팀이랑 포지션", "솔개 소속팀이랑 포지션 알려줘",
     "SELECT t.name, p.role FROM players p JOIN teams t ON t.id = p.team_id WHERE p.id = 7"),
    # "per match" said before "avg": the unit of the average, not a grouping by match
    ("per match, then avg", "Falcon Arrows frags per match, 2025 mean vs 2026 mean", AVG_BY_YEAR),
]


@pytest.mark.parametrize("name,question,gold", ROUND21, ids=[c[0] for c in ROUND21])
def test_round21(world21, name, question, gold):
    _, path, _ = world21
    reading, sql, rows = _ask(world21, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


@pytest.mark.parametrize("question,gold", [
    ("find the squads that never got a chicken dinner", "SELECT name FROM teams WHERE id = 3"),
    ("pull up every player with 20+ kills in one match", _players_with(20)),
])
def test_a_bare_imperative_before_the_question_is_taken_off(world21, question, gold):
    """"find the …", "pull up every …": the request verb is no part of the question (the whole answer path)."""
    from nl2sql.engine import answer

    url, path, _ = world21
    result = answer(question, url)
    assert _covers([tuple(r) for r in result.rows], _rows(path, gold)), (question, result.sql)
