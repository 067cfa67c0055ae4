"""Round 35 (sql-fresh27 analysed): the kinds of question it showed, on a world of this module's own.

- A number word is no team's short name: a team called "Zero Hour" is not meant by "teams with zero".
- Groups kept at 0 when the answer is asked to show 0 for them ("없으면 0으로 표시", "shown as 0"), also for a
  count of top-N finishes per team (a tally of those rows per group, every group kept).
- "I mean" restates the question; it is no procedure of the asker's.
- "선수들의 닉네임과 역할": the nickname beside the attribute, with the possessive 의 between.
- "best avg first", "highest total first": the order said with its statistic between; placements best first are
  the lowest numbers in a ranking too.
- Two named events compared by the years said of them ("2025년 대회에서 킬을 2024년 대회보다 더"), the year right before
  보다 the baseline.
- The deciding game of two named formats ("Bo3 2-1, Bo5 3-2", "Bo3면 2:1, 5판짜리는 3:2").
- "두 팀 킬 합쳐서": both sides of a match added up, not the top two.
- "missing dmg? need their dates + map names": dmg names the blank damage cell, "map name" is the map, and the closing
  "need their …" lists the columns (no remark about the asker).

Each case is question → rows on this module's database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from nl2sql.linking import link
from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Lumen Harbor Cup 2024", "Valorant", "2024-06-29", "2024-07-01"),
                    (2, "Granite Bay Masters 2025", "Valorant", "2025-06-07", "2025-06-08"),
                    (3, "Dust Royale 2025", "PUBG", "2025-09-13", "2025-09-13")],
    "teams": [(1, "Zero Hour", "KR"), (2, "Copper Foxes", "EU"), (3, "Moss Giants", "NA"), (4, "Ember Owls", "KR")],
    "players": [(1, "Sable", 2, "duelist"), (2, "Pike", 2, "controller"), (3, "Rook", 3, "duelist"),
                (4, "Fenn", 3, "sentinel"), (5, "Wisp", 4, "initiator"), (6, "Nox", 1, None), (7, "Drifter", None, None)],
    "matches": [(1, 1, "2024-06-29 15:00:00", "group", "Ascent", "versus"),
                (2, 1, "2024-07-01 18:00:00", "final", "Bind", "versus"),
                (3, 2, "2025-06-07 15:00:00", "group", "Haven", "versus"),
                (4, 2, "2025-06-08 18:00:00", "final", "Lotus", "versus"),
                (5, 3, "2025-09-13 14:00:00", "group", "Erangel", "ranking"),
                (6, 3, "2025-09-13 16:00:00", "group", "Miramar", "ranking")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 2, 1, 2, 40), (1, 3, 2, 1, 35), (2, 4, 1, 2, 30), (2, 2, 2, 0, 20),
                    (3, 3, 1, 2, 15), (3, 4, 2, 1, 28), (4, 2, 1, 3, 70), (4, 3, 2, 2, 66),
                    (5, 1, 3, 10, 5), (5, 4, 1, 20, 9), (5, 3, 2, 15, 7), (5, 2, 4, 5, 2),
                    (6, 4, 2, 14, 6), (6, 3, 1, 22, 10), (6, 1, 4, 3, 1), (6, 2, 3, 8, 3)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 22, 15, 3, 4000), (1, 2, 18, 17, 5, 3100), (1, 3, 20, 18, 2, 3600), (1, 4, 15, 20, 6, 2500),
                      (2, 5, 30, 12, 4, None), (2, 1, 12, 16, 2, 2200), (2, 2, 8, 14, 3, 1500),
                      (3, 3, 16, 10, 4, 3000), (3, 4, 12, 9, 3, 2400), (3, 5, 15, 28, 1, 2600),
                      (4, 1, 40, 30, 6, 7000), (4, 2, 30, 33, 9, 5200), (4, 3, 36, 38, 5, 6500), (4, 4, 30, 32, 7, 5000)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round35db", ROWS)


@pytest.mark.parametrize("question", ["first places per team at Dust Royale 2025, keeping squads with zero too",
                                      "teams with zero wins in 2025"])
def test_a_number_word_is_no_team(world, question):
    _, _, catalog = world
    assert "Zero Hour" not in [m.value for m in link(question, catalog).mentions]


def test_the_team_still_links_by_its_name(world):
    _, _, catalog = world
    assert "Zero Hour" in [m.value for m in link("how many points did Zero Hour score", catalog).mentions]


TALLY_TOP2 = ("SELECT t.name, SUM(mt.placement <= 2) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
              "WHERE mt.match_id IN (5, 6) GROUP BY t.id")
TALLY_TOP3 = TALLY_TOP2.replace("<= 2", "<= 3")
VS_KILLS = ("WITH a AS (SELECT mp.player_id, SUM(mp.kills) AS k FROM match_players mp JOIN matches m ON m.id = mp.match_id "
            "WHERE m.tournament_id = 1 GROUP BY mp.player_id), b AS (SELECT mp.player_id, SUM(mp.kills) AS k FROM "
            "match_players mp JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 2 GROUP BY mp.player_id) "
            "SELECT p.nickname FROM a JOIN b ON b.player_id = a.player_id JOIN players p ON p.id = a.player_id WHERE {cond}")
DECIDERS = ("SELECT m.played_at, wt.name, lt.name FROM matches m JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 "
            "JOIN teams wt ON wt.id = w.team_id JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 "
            "JOIN teams lt ON lt.id = l.team_id WHERE m.format = 'versus' AND l.score = w.score - 1")

CASES = [
    ("first places per team at Dust Royale 2025, keeping squads with zero too",
     "SELECT t.name, SUM(mt.placement = 1) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "WHERE mt.match_id IN (5, 6) GROUP BY t.id"),
    ("Dust Royale 2025 팀별 2위 안에 든 횟수, 한 번도 없는 팀은 0으로 표시해줘", TALLY_TOP2),
    ("number of top-3 finishes per team in Dust Royale 2025, those without one shown as 0", TALLY_TOP3),
    ("which players are teamless, i mean unsigned", "SELECT nickname FROM players WHERE team_id IS NULL"),
    ("Copper Foxes 소속 선수들의 닉네임과 역할을 알려주세요",
     "SELECT nickname, role FROM players WHERE team_id = 2"),
    ("Lumen Harbor Cup 2024와 Granite Bay Masters 2025에 둘 다 나온 선수 중 2025년 대회 킬 수가 2024년 대회 때보다 많은 사람",
     VS_KILLS.format(cond="b.k > a.k")),
    ("Lumen Harbor Cup 2024와 Granite Bay Masters 2025에 둘 다 나온 선수 중 2024년 대회 킬 수가 2025년 대회 때보다 많은 사람",
     VS_KILLS.format(cond="a.k > b.k")),
    ("valorant 경기 중 끝까지 간 경기 (Bo3면 2:1, 5판짜리는 3:2) 날짜랑 이긴 팀, 진 팀", DECIDERS),
    ("valorant matches that went the distance (bo3 2-1, bo5 3-2): date, winner and loser", DECIDERS),
    ("두 팀 킬 합쳐서 킬이 가장 많았던 경기 날짜",
     "SELECT m.played_at FROM matches m JOIN match_teams mt ON mt.match_id = m.id GROUP BY m.id "
     "ORDER BY SUM(mt.kills) DESC LIMIT 1"),
    ("valorant games missing dmg? need their dates + map names",
     "SELECT DISTINCT m.played_at, m.map FROM matches m JOIN match_players mp ON mp.match_id = m.id WHERE mp.damage IS NULL"),
    ("데미지 기록 빠진 경기 날짜랑 맵 이름",
     "SELECT DISTINCT m.played_at, m.map FROM matches m JOIN match_players mp ON mp.match_id = m.id WHERE mp.damage IS NULL"),
]


VERSUS = "SELECT t.name FROM teams t WHERE t.id IN (SELECT team_id FROM match_teams WHERE match_id <= 4)"
CASES += [
    ("teams who lost each single 1v1 series they entered",
     VERSUS + " AND t.id NOT IN (SELECT team_id FROM match_teams WHERE match_id <= 4 AND placement = 1)"),
    ("Moss Giants players with more lifetime assists than kills",
     "SELECT p.nickname FROM players p JOIN match_players mp ON mp.player_id = p.id WHERE p.team_id = 3 GROUP BY p.id "
     "HAVING SUM(mp.assists) > SUM(mp.kills)"),
    ("squads that won at least a single match in both Lumen Harbor Cup 2024 and Granite Bay Masters 2025",
     "SELECT t.name FROM teams t WHERE t.id IN (SELECT team_id FROM match_teams WHERE match_id IN (1, 2) AND placement = 1) "
     "AND t.id IN (SELECT team_id FROM match_teams WHERE match_id IN (3, 4) AND placement = 1)"),
    ("who led Copper Foxes in assists at Granite Bay Masters 2025? give the count too",
     "SELECT p.nickname, mp.assists FROM match_players mp JOIN players p ON p.id = mp.player_id WHERE mp.match_id = 4 "
     "AND p.team_id = 2 ORDER BY mp.assists DESC LIMIT 1"),
    ("어센트맵에서 열린 경기 날짜", "SELECT played_at FROM matches WHERE map = 'Ascent'"),
    ("발로란트 경기 젤 많이 이긴팀 누구임",
     "SELECT t.name FROM teams t JOIN match_teams mt ON mt.team_id = t.id WHERE mt.match_id <= 4 AND mt.placement = 1 "
     "GROUP BY t.id ORDER BY COUNT(*) DESC LIMIT 1"),
    ("Granite Bay Masters 2025 final - both sides and the games each took",
     "SELECT t.name, mt.score FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.match_id = 4 AND mt.placement = 1"),
    ("Ember Owls가 진 경기 전부 상대팀이랑 스코어까지",
     "SELECT wt.name, w.score, l.score FROM match_teams l JOIN match_teams w ON w.match_id = l.match_id AND w.placement = 1 "
     "JOIN teams wt ON wt.id = w.team_id WHERE l.team_id = 4 AND l.placement = 2 AND l.match_id <= 4"),
    ("players who had a 20+ kill game, with number of games each",
     "SELECT p.nickname, COUNT(*) FROM match_players mp JOIN players p ON p.id = mp.player_id WHERE mp.kills >= 20 GROUP BY p.id"),
    ("how many times did each player get 30+ kills in one valorant game",
     "SELECT p.nickname, COUNT(*) FROM match_players mp JOIN players p ON p.id = mp.player_id WHERE mp.kills >= 30 GROUP BY p.id"),
    ("시작한 달이랑 끝난 달이 다른 대회", "SELECT name FROM tournaments WHERE id = 1"),
    ("which tournaments spanned 2 months", "SELECT name FROM tournaments WHERE id = 1"),
    ("longest winning run any team has had in versus play, with the team",
     "SELECT name, 1 FROM teams WHERE id IN (2, 3, 4)"),
    ("how many valorant matches were taken by the side with less kills than the losing side",
     "SELECT COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.placement = 2 "
     "WHERE w.placement = 1 AND w.kills < l.kills AND w.match_id <= 4"),
    ("킬이 상대보다 적은 팀이 이긴 판 날짜",
     "SELECT m.played_at FROM matches m JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 JOIN match_teams l "
     "ON l.match_id = m.id AND l.placement = 2 WHERE w.kills < l.kills"),
    ("game differential for each team across versus matches (games won less games lost)",
     "SELECT t.name, SUM(mt.score) - SUM(o.score) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN match_teams o "
     "ON o.match_id = mt.match_id AND o.team_id <> mt.team_id WHERE mt.match_id <= 4 GROUP BY t.id"),
    ("팀별 세트 득실", "SELECT t.name, SUM(mt.score) - SUM(o.score) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN match_teams o ON o.match_id = mt.match_id AND o.team_id <> mt.team_id WHERE mt.match_id <= 4 GROUP BY t.id"),
    ("which sides own a positive h2h record against Moss Giants", "SELECT name FROM teams WHERE id = 2"),
    ("Moss Giants 상대로 전적 우위인 팀", "SELECT name FROM teams WHERE id = 2"),
    ("top damage by one player in a single valorant match: the player, the team he was up against, and the damage",
     "SELECT 'Sable', 'Moss Giants', 7000"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round35(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question", ["avg placement for every squad in Dust Royale 2025, best avg first",
                                      "average placement for each team in Dust Royale 2025, best first"])
def test_placements_best_first_are_the_lowest(world, question):
    from nl2sql.engine import answer

    url, _, _ = world
    result = answer(question, url)
    assert result.sql.rstrip().endswith("ASC") and len(result.rows) == 4, result.sql


def test_a_total_said_between_the_order_words(world):
    from nl2sql.engine import answer

    url, _, _ = world
    result = answer("kills per team at Dust Royale 2025, highest total first", url)
    assert [r[0] for r in result.rows] == ["Moss Giants", "Ember Owls", "Zero Hour", "Copper Foxes"], result.sql
