"""Round 41 (sql-fresh34 analysed: a coach scouting an opponent, a fan who borrows the words of traditional sports, a
해설위원, a 중학생 typing on a phone).

- Linking: a Latin name said in Hangul with "ng" before a consonant ("Kingston" = 킹스턴: one coda ㅇ); a name said in
  Hangul that sounds like a team and like a player of that team's own roster is the team; a Hangul tournament's words
  typed without their space; "final standings" is no final stage.
- Wording: a Korean number word before 팀이/가 ("상위 두 팀이") is a top N; 뎀지 is damage; 단계 is the stage; "best map
  first" orders every map (it does not keep the best one); "hoisted the cup" is the champion; "average number of
  rounds" averages the score; "points or rounds" is the score of every format; "몇 등 했" is the placement.
- Constructs: a bound on an average said in rounds ("맵당 평균 라운드가 N라운드 이상인 팀") is a HAVING, not a
  winner's score; a region said before the question's colon keeps scoping it; "games played, games won" and "판 수랑
  그중 이긴 판 수" side by side; the map listed beside a scoreline's winner or a match's date ("날짜와 맵을"); one named
  side's statistic in each of its matches, in time order ("판마다 몇 등", "placement in every game"); the maps a named
  side has no match on, within the scope's maps (a set difference on a match's value).

Each case is question → answer rows on this module's own database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Copper Valley Cup 2025", "Valorant", "2025-04-01", "2025-04-10"),
                    (2, "강변 슈퍼리그 시즌1", "PUBG", "2025-08-01", "2025-08-03"),
                    (3, "Iron Gate Masters 2026", "Valorant", "2026-03-01", "2026-03-08")],
    "teams": [(1, "Kingston Rovers", "KR"), (2, "Nightfall", "NA"), (3, "Blue Heron", "EU"), (4, "해오름", "KR"),
              (5, "Sand Vipers", "BR")],
    "players": [(1, "Nite.Fall", 2, "duelist"), (2, "Kes", 2, "controller"), (3, "Rover1", 1, "duelist"),
                (4, "Mako", 1, "sentinel"), (5, "Heron.A", 3, "duelist"), (6, "새벽", 4, "initiator"), (7, "Viper", 5, None)],
    "matches": [(1, 1, "2025-04-01 18:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-04-02 18:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-04-03 18:00:00", "group", "Haven", "versus"),
                (4, 1, "2025-04-05 18:00:00", "semifinal", "Split", "versus"),
                (5, 1, "2025-04-10 19:00:00", "final", "Lotus", "versus"),
                (6, 2, "2025-08-01 14:00:00", "group", "Erangel", "ranking"),
                (7, 2, "2025-08-02 14:00:00", "group", "Miramar", "ranking"),
                (8, 2, "2025-08-03 14:00:00", "final", "Erangel", "ranking"),
                (9, 3, "2026-03-01 18:00:00", "group", "Ascent", "versus"),
                (10, 3, "2026-03-03 18:00:00", "group", "Bind", "versus"),
                (11, 3, "2026-03-08 19:00:00", "final", "Icebox", "versus"),
                (12, 3, "2026-03-02 18:00:00", None, None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 7, 40), (2, 3, 1, 13, 55), (2, 4, 2, 11, 50),
                    (3, 2, 1, 14, 70), (3, 4, 2, 12, 66), (4, 1, 1, 13, 58), (4, 3, 2, 9, 41),
                    (5, 2, 1, 13, 62), (5, 1, 2, 10, 52),
                    (6, 5, 1, 20, 9), (6, 4, 2, 14, 6), (6, 2, 3, 6, 2),
                    (7, 4, 1, 18, 8), (7, 2, 2, 12, 5), (7, 5, 3, 8, 3),
                    (8, 2, 1, 22, 10), (8, 5, 2, 10, 4), (8, 4, 3, 5, 1),
                    (9, 3, 1, 14, 64), (9, 1, 2, 12, 60), (10, 4, 1, 13, 50), (10, 2, 2, 5, 30),
                    (11, 3, 1, 13, 57), (11, 4, 2, 8, 38), (12, 1, 1, 13, 52), (12, 4, 2, 6, 33)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 15, 12, 3, 3000), (1, 2, 10, 11, 6, 2200), (1, 3, 20, 8, 4, 3900), (1, 4, 14, 9, 7, 2600),
                      (3, 1, 22, 14, 5, 4100), (3, 2, 12, 13, 9, 2500),
                      (5, 1, 18, 10, 4, 3500), (5, 2, 14, 12, 8, 2800), (5, 3, 16, 13, 3, 3100),
                      (6, 1, 2, 1, 0, 400), (7, 1, 3, 1, 1, 500), (8, 1, 5, 0, 2, 800),
                      (9, 3, 19, 14, 2, 3600), (10, 1, 9, 13, 1, 1800)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round41db", ROWS)


TEAM_KILLS_T1 = ("SELECT t.name, SUM(mt.kills) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m "
                 "ON m.id = mt.match_id WHERE m.tournament_id = 1 GROUP BY t.id ORDER BY 2 DESC LIMIT 2")
WINS_2025_KINGSTON = ("SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 1 "
                      "AND mt.placement = 1 AND m.played_at LIKE '2025%'")
NIGHTFALL_MAP_KILLS = ("SELECT m.map, SUM(mt.kills) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                       "WHERE mt.team_id = 2 GROUP BY m.map")
OVERTIME_ROWS = ("SELECT m.played_at, m.map, t.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t "
                 "ON t.id = mt.team_id WHERE m.format = 'versus' AND mt.placement = 1 AND mt.score = 14")
AVG_ROUNDS_T3 = ("SELECT t.name, AVG(mt.score) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m "
                 "ON m.id = mt.match_id WHERE m.tournament_id = 3 GROUP BY t.id HAVING AVG(mt.score) >= 10")
HERON_VS_KR = ("SELECT COUNT(*), SUM(a.placement = 1) FROM match_teams a JOIN match_teams b ON b.match_id = a.match_id "
               "AND b.team_id <> a.team_id JOIN teams tb ON tb.id = b.team_id WHERE a.team_id = 3 AND tb.region = 'KR'")
HERON_STAGES = ("SELECT m.stage, COUNT(*), SUM(mt.placement = 1) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                "WHERE mt.team_id = 3 AND m.tournament_id = 1 GROUP BY m.stage")
HAEOREUM_EACH = ("SELECT m.played_at, mt.placement FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                 "WHERE mt.team_id = 4 AND m.tournament_id = 2")
VIPERS_EACH = ("SELECT m.played_at, mt.placement FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
               "WHERE mt.team_id = 5 AND m.tournament_id = 2")

CASES = [
    # a Korean number word before 팀이 / 팀을 as a top N
    ("Copper Valley Cup 2025 킬 합계 상위 두 팀이 어디야?", TEAM_KILLS_T1),
    ("Copper Valley Cup 2025에서 킬 합계 가장 많은 두 팀을 알려줘", TEAM_KILLS_T1),
    ("top two squads by total kills at Copper Valley Cup 2025", TEAM_KILLS_T1),
    # 뎀지 / 댐지
    ("Nite.Fall 뎀지 합계 얼마야", "SELECT SUM(damage) FROM match_players WHERE player_id = 1"),
    ("Kes 경기당 댐지 평균", "SELECT AVG(damage) FROM match_players WHERE player_id = 2"),
    # a Latin name in Hangul, "ng" before a consonant
    ("킹스턴 로버스 2025년에 몇 번 이겼어?", WINS_2025_KINGSTON),
    # a team and its own player of the same sound: the team
    ("나이트폴 강변 슈퍼리그 시즌1 평균 순위 알려줘",
     "SELECT AVG(placement) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 2 AND m.tournament_id = 2"),
    # 단계 as the stage
    ("단계 정보가 기록되지 않은 판 개수 알려줘", "SELECT COUNT(*) FROM matches WHERE stage IS NULL"),
    ("Copper Valley Cup 2025 단계별 경기 수 보여줘", "SELECT stage, COUNT(*) FROM matches WHERE tournament_id = 1 GROUP BY stage"),
    # "best map first" orders every map
    ("Nightfall kills by map, sorted best map first", NIGHTFALL_MAP_KILLS),
    ("Nightfall average placement by map in PUBG, worst map first",
     "SELECT m.map, AVG(mt.placement) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 2 "
     "AND m.format = 'ranking' GROUP BY m.map"),
    # the map beside a scoreline's winner
    ("Maps that ended 14-12 - give the date, the map and the winning team", OVERTIME_ROWS),
    ("14-12로 끝난 판들 날짜, 맵, 이긴 팀", OVERTIME_ROWS),
    # the champion said with a cup or a trophy lifted
    ("Which team hoisted the cup at Copper Valley Cup 2025?",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.match_id = 5 AND mt.placement = 1"),
    ("Iron Gate Masters 2026 트로피 들어올린 팀 어디야?",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.match_id = 11 AND mt.placement = 1"),
    # a bound on an average said in rounds
    ("Iron Gate Masters 2026에서 맵당 평균 라운드가 10라운드 이상인 팀이랑 그 평균", AVG_ROUNDS_T3),
    ("squads averaging 10 or more rounds per map at Iron Gate Masters 2026, with the average", AVG_ROUNDS_T3),
    # a region said before the colon still scopes the question; played and won side by side
    ("Blue Heron against KR opposition: how many of the games did Blue Heron win?",
     "SELECT SUM(a.placement = 1) FROM match_teams a JOIN match_teams b ON b.match_id = a.match_id "
     "AND b.team_id <> a.team_id JOIN teams tb ON tb.id = b.team_id WHERE a.team_id = 3 AND tb.region = 'KR'"),
    ("Blue Heron이 KR 팀 상대로 한 경기 수랑 그중 이긴 경기 수", HERON_VS_KR),
    ("Blue Heron at Copper Valley Cup 2025 by stage: stage, games played, games won", HERON_STAGES),
    ("Copper Valley Cup 2025 Blue Heron 스테이지별 경기 수랑 그중 이긴 경기 수", HERON_STAGES),
    ("Blue Heron matches played and matches won in 2026",
     "SELECT COUNT(*), SUM(mt.placement = 1) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "WHERE mt.team_id = 3 AND m.played_at LIKE '2026%'"),
    ("Copper Valley Cup 2025 우승컵 들어올린 팀은?",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.match_id = 5 AND mt.placement = 1"),
    ("Which stages has Sand Vipers never played in?",
     "SELECT DISTINCT stage FROM matches WHERE stage IS NOT NULL AND stage NOT IN (SELECT m.stage FROM matches m "
     "JOIN match_teams mt ON mt.match_id = m.id WHERE mt.team_id = 5 AND m.stage IS NOT NULL)"),
    # the map asked with 을/를 after it
    ("발로란트에서 양 팀 킬 합산이 최대였던 경기의 날짜와 맵을 알려줘",
     "SELECT played_at, map FROM matches WHERE id = 3"),
    # an average number of rounds: the winning side's mean score
    ("In April 2025, average number of rounds taken by the winning side?",
     "SELECT AVG(score) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.placement = 1 "
     "AND m.format = 'versus' AND m.played_at LIKE '2025-04%'"),
    # points or rounds: the score of every format
    ("In 2025, which team piled up the biggest score total, points or rounds alike, and how much?",
     "SELECT t.name, SUM(mt.score) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m "
     "ON m.id = mt.match_id WHERE m.played_at LIKE '2025%' GROUP BY t.id ORDER BY 2 DESC LIMIT 1"),
    # final standings: no final stage
    ("Which team topped the final standings of 강변 슈퍼리그 시즌1 on points, and with how many?",
     "SELECT t.name, SUM(mt.score) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m "
     "ON m.id = mt.match_id WHERE m.tournament_id = 2 GROUP BY t.id ORDER BY 2 DESC LIMIT 1"),
    # a Hangul tournament typed without its space
    ("강변슈퍼리그에서 킬 제일 많은 팀",
     "SELECT t.name, SUM(mt.kills) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m "
     "ON m.id = mt.match_id WHERE m.tournament_id = 2 GROUP BY t.id ORDER BY 2 DESC LIMIT 1"),
    # one named side's statistic in each of its matches
    ("해오름 강변 슈퍼리그 시즌1 판마다 몇 등 했는지 시간순으로", HAEOREUM_EACH),
    ("Sand Vipers placement in every game of 강변 슈퍼리그 시즌1, in time order", VIPERS_EACH),
    ("Nite.Fall 경기마다 킬 몇 개 했어?", "SELECT m.played_at, mp.kills FROM match_players mp JOIN matches m "
     "ON m.id = mp.match_id WHERE mp.player_id = 1"),
    ("해오름 강변 슈퍼리그 시즌1 판마다 받은 점수 다 더하면 몇 점?",
     "SELECT SUM(score) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 4 AND m.tournament_id = 2"),
    # the maps a named side never played on
    ("Which Valorant maps has Blue Heron never played on?",
     "SELECT DISTINCT m.map FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant' "
     "AND m.map IS NOT NULL AND m.map NOT IN (SELECT m2.map FROM matches m2 JOIN match_teams mt ON mt.match_id = m2.id "
     "WHERE mt.team_id = 3 AND m2.map IS NOT NULL)"),
    ("Kingston Rovers가 한 번도 안 해본 발로란트 맵은?",
     "SELECT DISTINCT m.map FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant' "
     "AND m.map IS NOT NULL AND m.map NOT IN (SELECT m2.map FROM matches m2 JOIN match_teams mt ON mt.match_id = m2.id "
     "WHERE mt.team_id = 1 AND m2.map IS NOT NULL)"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round41(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


def test_ng_before_a_consonant_is_one_coda():
    from nl2sql.linking import skeleton

    assert skeleton("Kingston") == skeleton("킹스턴")
    assert skeleton("Singapore") == skeleton("싱가포르")  # before a vowel "ng" keeps its g


@pytest.mark.parametrize("question", ["Copper Valley Cup 2025 final: the score please",
                                      "Copper Valley Cup 2025 final: who won?"])
def test_a_final_still_a_stage(world, question):
    """Only "final standings/table/leaderboard" lose the stage; the final itself stays one."""
    from nl2sql.linking import link

    _, _, catalog = world
    assert "final" in [m.value for m in link(question, catalog).mentions if m.type == "stage"]
