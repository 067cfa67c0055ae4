"""Round 42 (sql-fresh35 analysed: a product manager who writes SQL words, a returning fan who tells a story and
hedges, a player in chat Korean, a league office's formal requests).

- Ordering: a tie-break said after "then" ("…, most first, then role ascending") or as "동수면 …명 순" orders the tied
  rows by the key; the ranking's own direction is not taken from it.
- Conditions: a bare 0 beside another threshold is exactly 0 (the other number's comparison is not its own); two
  places of one ranking match compared on a statistic (the runner-up's points against the winner's).
- Counting: "전체 수", "총 수" count; rows whose statistic cell is blank are counted as rows ("기록 몇 건"), while "경기 몇 개"
  still counts matches; "the number of X who …" over a set operation counts them; unique games over the tournaments
  are titles.
- SQL words: "sum(kills)", "played_at", "tournament name" in a list of columns.
- Linking: a name typed exactly as a player's nickname is the player, not a team whose name has the same letters with
  punctuation; a bracket setting a like-named team aside is dropped.
- Korean wording: "팀원" are a team's players; "<noun>명 목록"; a "기간:" label is a filter, not the dates asked;
  "(무소속 포함)" / "free agents included" keep the teamless among the rows; "경기 전부 기준으로" / "based on all the games"
  is the whole scope; "(<game> 팀만)" scopes the game.
- Top-N finishes counted per team, most first (also with "how often" when a count is said); the asker's story in a
  clause before ", but <question>"; the asker's guess at the answer after the question ("…, I bet it's X?") is no
  scope; a final per tournament listed with which tournament it was; the widest margin with its date.

Each case is question → answer rows on this module's own database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Copper Coast Cup 2024", "Valorant", "2024-05-02", "2024-05-06"),
                    (2, "Dust Bowl Series 2025", "PUBG", "2025-03-01", "2025-03-04"),
                    (3, "Copper Coast Cup 2025", "Valorant", "2025-05-01", "2025-05-05")],
    "teams": [(1, "Kite_7", "NA"), (2, "구름", "KR"), (3, "Harbor Owls", "EU"), (4, "Slate Wolves", "KR"), (5, "Mesa Crows", None)],
    "players": [(1, "kite7", 3, "duelist"), (2, "Juno", 1, "controller"), (3, "Harbor", 4, "sentinel"), (4, "하늘빛", 2, "initiator"),
                (5, "Tern", 2, "duelist"), (6, "Oak", 3, "controller"), (7, "Wisp", 5, None), (8, "Nomad", None, None),
                (9, "Bench", 4, None), (10, "Pike", 5, "scout")],
    "matches": [(1, 1, "2024-05-02 18:00:00", "group", "Ascent", "versus"),
                (2, 1, "2024-05-06 19:00:00", "final", "Bind", "versus"),
                (3, 2, "2025-03-01 15:00:00", "group", "Erangel", "ranking"),
                (4, 2, "2025-03-03 15:00:00", "group", None, "ranking"),
                (5, 2, "2025-03-04 15:00:00", "final", "Miramar", "ranking"),
                (6, 3, "2025-05-01 18:00:00", "group", "Ascent", "versus"),
                (7, 3, "2025-05-05 19:00:00", "final", "Lotus", "versus"),
                (8, 3, "2025-05-03 18:00:00", None, None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 7, 40), (2, 3, 1, 13, 58), (2, 1, 2, 11, 55),
                    (3, 4, 1, 15, 7), (3, 5, 2, 18, 9), (3, 2, 3, 6, 2),
                    (4, 5, 1, 20, 10), (4, 4, 2, 12, 5), (4, 2, 3, 5, 1),
                    (5, 2, 1, 14, 6), (5, 5, 2, 14, 8), (5, 4, 3, 4, 0),
                    (6, 2, 1, 13, 50), (6, 3, 2, 4, 20), (7, 2, 1, 13, 52), (7, 1, 2, 9, 35), (8, 1, 1, 13, 49), (8, 3, 2, 10, 41)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 2, 20, 10, 5, 3000), (1, 4, 15, 12, 6, 2500), (1, 5, 10, 14, 3, None),
                      (2, 1, 25, 9, 4, 3800), (2, 6, 12, 11, 8, 2100), (2, 2, 18, 13, 2, 2900),
                      (3, 3, 4, 0, 1, 700), (3, 7, 5, 1, 2, 800), (3, 4, 1, 2, 0, None),
                      (4, 7, 6, 0, 3, 900), (4, 3, 2, 1, 1, 400), (4, 5, 0, 0, 2, 300),
                      (5, 4, 3, 0, 4, 650), (5, 7, 4, 1, 1, 720), (5, 3, 0, 2, 0, 150),
                      (6, 4, 22, 8, 6, 3500), (6, 5, 17, 9, 4, 2800), (6, 1, 10, 15, 2, None),
                      (7, 4, 19, 9, 7, 3300), (7, 5, 21, 10, 3, 3400), (7, 2, 15, 13, 5, 2600),
                      (8, 2, 24, 11, 6, 3700), (8, 1, 16, 12, 5, 2700), (8, 6, 11, 14, 9, 1900)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round42db", ROWS)


CASES = [
    ("How many times did a player finish a match with 0 deaths and 4 or more kills?",
     "SELECT COUNT(*) FROM match_players WHERE deaths = 0 AND kills >= 4"),
    ("한 경기에서 데스 0이면서 킬 4 이상 기록한 경우 몇 번?",
     "SELECT COUNT(*) FROM match_players WHERE deaths = 0 AND kills >= 4"),
    ("등록된 선수 총 수 알려줘",
     "SELECT COUNT(*) FROM players"),
    ("등록된 팀 전체 수는?",
     "SELECT COUNT(*) FROM teams"),
    ("kite7 average damage?",
     "SELECT AVG(damage) FROM match_players WHERE player_id = 1"),
    ("kite7 평균 딜량 얼마야",
     "SELECT AVG(damage) FROM match_players WHERE player_id = 1"),
    ("Kite_7 몇 번 이겼어?",
     "SELECT COUNT(*) FROM match_teams WHERE team_id = 1 AND placement = 1"),
    ("nicknames whose sum(kills) >= 40, with that total",
     "SELECT p.nickname, SUM(mp.kills) FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id HAVING SUM(mp.kills) >= 40"),
    ("How many player stat rows have no damage recorded?",
     "SELECT COUNT(*) FROM match_players WHERE damage IS NULL"),
    ("딜량 누락된 기록 몇 건이야?",
     "SELECT COUNT(*) FROM match_players WHERE damage IS NULL"),
    ("딜량 비어 있는 경기 몇 판이야?",
     "SELECT COUNT(DISTINCT match_id) FROM match_players WHERE damage IS NULL"),
    ("count of unique players who featured in both Copper Coast Cup 2024 and Copper Coast Cup 2025",
     "SELECT COUNT(*) FROM (SELECT DISTINCT mp.player_id FROM match_players mp JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 1 INTERSECT SELECT DISTINCT mp.player_id FROM match_players mp JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 3)"),
    ("How many unique games are covered by the tournaments?",
     "SELECT COUNT(DISTINCT game) FROM tournaments"),
    ("games where the map is missing: played_at, tournament name",
     "SELECT m.played_at, t.name FROM matches m JOIN tournaments t ON t.id = m.tournament_id WHERE m.map IS NULL"),
    ("구름 팀원 닉네임 다 보여줘",
     "SELECT nickname FROM players WHERE team_id = 2"),
    ("구름 팀원 몇 명이야?",
     "SELECT COUNT(*) FROM players WHERE team_id = 2"),
    ("기간: 2025.01.01~2025.12.31 사이 시작한 대회명 목록 알려줘",
     "SELECT name FROM tournaments WHERE start_date BETWEEN '2025-01-01' AND '2025-12-31'"),
    ("닉네임 Harbor 선수 소속팀 알려줘 (Harbor Owls 팀 아니고 선수)",
     "SELECT name FROM teams WHERE id = 4"),
    ("Which team is Harbor on (the player, not the team Harbor Owls)?",
     "SELECT name FROM teams WHERE id = 4"),
    ("출전 기록 없는 선수 닉네임 (무소속 포함)",
     "SELECT nickname FROM players WHERE id NOT IN (SELECT player_id FROM match_players)"),
    ("players who haven't appeared in any match, free agents included",
     "SELECT nickname FROM players WHERE id NOT IN (SELECT player_id FROM match_players)"),
    ("발로에서 승률 가장 좋은 팀 어디야? 발로 판 전부 기준",
     "SELECT name FROM teams WHERE id = 2"),
    ("which team had the best win rate in valorant, based on all the games?",
     "SELECT name FROM teams WHERE id = 2"),
    ("팀마다 킬 최다 선수 (발로 팀만) 팀명, 닉네임, 킬 합",
     "WITH s AS (SELECT p.team_id tid, p.nickname n, SUM(mp.kills) k FROM match_players mp JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id JOIN tournaments t ON t.id = m.tournament_id WHERE t.game = 'Valorant' GROUP BY p.id) SELECT tm.name, s.n, s.k FROM s JOIN teams tm ON tm.id = s.tid WHERE s.k = (SELECT MAX(k) FROM s s2 WHERE s2.tid = s.tid)"),
    ("I quit watching back in 2019, but who won the final of Copper Coast Cup 2025?",
     "SELECT name FROM teams WHERE id = 2"),
    ("Valorant finals, one per tournament: which tournament, who won, what score",
     "SELECT tr.name, t.name, w.score, l.score FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 JOIN teams t ON t.id = w.team_id WHERE m.stage = 'final' AND tr.game = 'Valorant'"),
    ("발로 대회별 결승 누가 이겼고 스코어는?",
     "SELECT tr.name, t.name, w.score, l.score FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 JOIN teams t ON t.id = w.team_id WHERE m.stage = 'final' AND tr.game = 'Valorant'"),
    ("랭킹 경기 중 1등 팀 점수가 2등 팀 점수보다 낮거나 같은 경기 날짜",
     "SELECT m.played_at FROM matches m JOIN match_teams a ON a.match_id = m.id AND a.placement = 1 JOIN match_teams b ON b.match_id = m.id AND b.placement = 2 WHERE a.score <= b.score AND m.format = 'ranking'"),
    ("ranking matches where the first-placed team's points were at most the second-placed team's: dates",
     "SELECT m.played_at FROM matches m JOIN match_teams a ON a.match_id = m.id AND a.placement = 1 JOIN match_teams b ON b.match_id = m.id AND b.placement = 2 WHERE a.score <= b.score AND m.format = 'ranking'"),
    ("how many ranking matches where the 2nd-placed squad's points were higher than the 1st-placed squad's?",
     "SELECT COUNT(*) FROM matches m JOIN match_teams a ON a.match_id = m.id AND a.placement = 1 JOIN match_teams b ON b.match_id = m.id AND b.placement = 2 WHERE a.score < b.score"),
    ("Which map was played the most, I bet it's Lotus?",
     "SELECT 'Ascent'"),
    ("Biggest round gap of a Valorant match: when was it played, who won, who lost?",
     "SELECT m.played_at, wt.name, lt.name FROM matches m JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 JOIN teams wt ON wt.id = w.team_id JOIN teams lt ON lt.id = l.team_id WHERE m.id = 6"),
    ("발로에서 라운드 차이 제일 크게 이긴 경기 언제였고 이긴 팀이랑 진 팀은?",
     "SELECT m.played_at, wt.name, lt.name FROM matches m JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 JOIN teams wt ON wt.id = w.team_id JOIN teams lt ON lt.id = l.team_id WHERE m.id = 6"),
]

ORDERED = [
    ("player count per role, most first, then role ascending (leave out anyone whose role is blank)",
     "SELECT p.role, COUNT(*) c FROM players p WHERE p.role IS NOT NULL GROUP BY role ORDER BY c DESC, p.role"),
    ("포지션별 선수 수 많은 순으로, 동수면 포지션명 순 (포지션 없는 선수 제외)",
     "SELECT p.role, COUNT(*) c FROM players p WHERE p.role IS NOT NULL GROUP BY role ORDER BY c DESC, p.role"),
    ("In PUBG, list every squad with its count of top-2 placings, most first",
     "SELECT t.name, COUNT(*) c FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id WHERE m.format = 'ranking' AND mt.placement <= 2 GROUP BY t.id ORDER BY c DESC"),
    ("In PUBG, how often did every squad finish top 2? Tell me how many times, most first",
     "SELECT t.name, COUNT(*) c FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id WHERE m.format = 'ranking' AND mt.placement <= 2 GROUP BY t.id ORDER BY c DESC"),
    ("배그 팀별 톱2 횟수 많은 순",
     "SELECT t.name, COUNT(*) c FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id WHERE m.format = 'ranking' AND mt.placement <= 2 GROUP BY t.id ORDER BY c DESC"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round42(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question,gold", ORDERED)
def test_round42_order(world, question, gold):
    """The rows in the order asked (the tie-break included)."""
    import sqlite3

    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    con = sqlite3.connect(path)
    try:
        want = [tuple(r) for r in con.execute(gold).fetchall()]
    finally:
        con.close()
    got = [tuple(r) for r in result.rows]
    assert len(got) == len(want) and all(_covers([a], [b]) for a, b in zip(got, want)), (question, result.sql, got)


def test_an_exact_nickname_beats_a_team_with_the_same_letters(world):
    from nl2sql.linking import link

    _, _, catalog = world
    assert [(m.type, m.value) for m in link("kite7 kills", catalog).mentions] == [("player", "kite7")]
    assert [(m.type, m.value) for m in link("Kite_7 wins", catalog).mentions] == [("team", "Kite_7")]


def test_a_squad_word_is_no_role_by_its_sound(world):
    """"스쿼드보다" sounds like the role "scout" (스카우트) with a particle; a word people ask with is no name."""
    from nl2sql.linking import link

    _, _, catalog = world
    assert [m for m in link("2등 스쿼드 킬이 1등 스쿼드보다 많은 판", catalog).mentions if m.type == "role"] == []
    assert [m.value for m in link("스카우트 선수 킬 합계", catalog).mentions if m.type == "role"] == ["scout"]
