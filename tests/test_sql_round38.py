"""Round 38 (sql-fresh32 analysed: a referee checking results, a streamer reading chat aloud, a club president in
해요체 and a team manager's weekly report).

- A request closing with "알려줄 수 있어요?" / "보여줄 수 있나요?" is no procedure of the asker's own.
- An English column word in Korean text beside a roster ("명단 … role도"); "I need <columns>" after the question is no
  procedure.
- A question begun again after "wait" (the words before it dropped); a number taken back ("make it N").
- "timestamp" is a match's time; two whole years said together are both years (a gap between them left out), also
  beside "대비" when the answer is broken down per year or per tournament.
- A finish inside the top N said "top N 안에 든", "톱N 진입", "land in the top N", "top-N rate" (a share per team), with a
  threshold on each team's count; a closing "all X matches count"; "over every <game> game" is the whole scope; "… 팀
  정리" asks the teams; "role 미지정" is a blank role (no teamless player).
- The columns wanted listed after the question ("? nickname, date, kills", "? 닉네임, 날짜, 킬 수"), the
  statistic a row threshold holds among them, "the time of the match", a match's stage listed beside its two sides; an
  aside that says a number again with its units ("just two (two rounds or two maps)").
- "winning team" / "losing team" in a list of columns (or after "give", "show") are the winner and the loser; "how many did A win and how
  many did B win" is A's record against B; a team's record per tournament (map, stage); a team that lost out-fragging
  the side that beat it ("X가 진 판 중 킬이 상대보다 많은 판").
- A tournament's length in days ("며칠 동안 열렸나요", "how many days did X run"; both ends counted); "A 게 아니라 B"
  (A set aside); "대회 하나에만" (exactly one tournament).
- Both ends of a ranking asked together ("the highest … and which one the lowest", "제일 좋은 팀이랑 제일 나쁜 팀":
  `order: both`, ties kept).
- "20:00" is a clock time, never a scoreline; a weekend with its two days spelled out is one condition; "final
  question:" opens a question and counts nothing; "Split … by stage" opens a breakdown.

Each case is question → answer rows on this module's own database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Cedar Valley Open 2023", "Valorant", "2023-03-03", "2023-03-12"),
                    (2, "Cedar Valley Open 2024", "Valorant", "2024-03-01", "2024-03-10"),
                    (3, "Cedar Valley Open 2025", "Valorant", "2025-03-07", "2025-03-16"),
                    (4, "Dune Royale 2025", "PUBG", "2025-06-11", "2025-06-12")],
    "teams": [(1, "Birch Wolves", "EU"), (2, "Night Otters", "NA"), (3, "별빛 고래", "KR"), (4, "Tin Falcons", "KR")],
    "players": [(1, "Quill", 1, "duelist"), (2, "Marten", 1, "sentinel"), (3, "Sorrel", 2, "duelist"),
                (4, "Ferra", 2, None), (5, "고래밥", 3, "controller"), (6, "Wick", 4, "initiator"), (7, "Lone", None, None)],
    # 2023-03-04 and 2024-03-02 and 2025-03-08 are Saturdays; 2025-03-09 a Sunday
    "matches": [(1, 1, "2023-03-04 20:00:00", "group", "Ascent", "versus"),
                (2, 1, "2023-03-06 15:00:00", "final", "Bind", "versus"),
                (3, 2, "2024-03-02 18:00:00", "group", "Haven", "versus"),
                (4, 2, "2024-03-05 21:00:00", "final", "Ascent", "versus"),
                (5, 3, "2025-03-08 14:00:00", "group", "Lotus", "versus"),
                (6, 3, "2025-03-09 20:30:00", "final", "Bind", "versus"),
                (7, 4, "2025-06-11 19:00:00", "group", "Erangel", "ranking"),
                (8, 4, "2025-06-11 19:40:00", "group", "Miramar", "ranking"),
                (9, 4, "2025-06-12 19:00:00", "final", "Erangel", "ranking")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 8, 44), (2, 1, 1, 13, 58), (2, 3, 2, 11, 55),
                    (3, 3, 1, 13, 61), (3, 2, 2, 6, 65), (4, 3, 1, 13, 57), (4, 1, 2, 10, 52),
                    (5, 2, 1, 13, 50), (5, 4, 2, 9, 47), (6, 1, 1, 13, 63), (6, 2, 2, 12, 60),
                    (7, 1, 1, 14, 6), (7, 2, 2, 10, 4), (7, 3, 3, 8, 3), (7, 4, 4, 5, 1),
                    (8, 2, 1, 15, 7), (8, 1, 2, 9, 2), (8, 4, 3, 7, 2), (8, 3, 4, 3, 0),
                    (9, 2, 1, 13, 5), (9, 4, 2, 11, 4), (9, 1, 3, 6, 2), (9, 3, 4, 2, 1)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 31, 12, 4, 5200), (1, 2, 29, 14, 8, 4700), (1, 3, 22, 15, 5, 3900), (1, 4, 22, 16, 3, None),
                      (2, 1, 30, 15, 2, 5000), (2, 2, 28, 16, 5, 4400), (2, 5, 55, 20, 6, 9000),
                      (3, 5, 61, 18, 7, 9900), (3, 3, 20, 19, 9, 3600), (3, 4, 19, 21, 4, 3100),
                      (4, 5, 57, 22, 4, 9300), (4, 1, 27, 20, 3, 4800), (4, 2, 25, 21, 2, 4100),
                      (5, 3, 26, 14, 6, 4600), (5, 4, 24, 15, 5, 4300), (5, 6, 47, 25, 3, 7700),
                      (6, 1, 33, 19, 5, 5600), (6, 2, 30, 20, 6, 5100), (6, 3, 31, 21, 7, 5300), (6, 4, 29, 22, 4, 4900),
                      (7, 1, 4, 0, 1, 700), (7, 3, 2, 1, 1, 500), (7, 5, 3, 1, 0, 600), (7, 6, 1, 1, 0, 200),
                      (8, 3, 5, 0, 2, 900), (8, 1, 2, 1, 0, 300), (8, 6, 2, 1, 1, 400), (8, 5, 0, 1, 0, 100),
                      (9, 4, 3, 0, 1, 600), (9, 6, 4, 1, 2, 700), (9, 2, 2, 1, 0, 300), (9, 5, 1, 1, 0, 200)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round38db", ROWS)


CASES = [
    # a request closing with "…줄 수 있어요?"
    ("KR 팀들 이름 다 보여줄 수 있어요?", "SELECT name FROM teams WHERE region = 'KR'"),
    ("Bind 맵에서 뛰어 본 팀 목록 알려줄 수 있나요?",
     "SELECT DISTINCT t.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.map = 'Bind'"),
    # an English column word beside a roster in Korean text; the columns listed after "need"
    ("Night Otters 로스터 보여줄 수 있어요? 닉이랑 role도요", "SELECT nickname, role FROM players WHERE team_id = 2"),
    ("Birch Wolves 선수 명단하고 position 같이", "SELECT nickname, role FROM players WHERE team_id = 1"),
    ("Who hit at least 50 kills in one match? I need names and kills.",
     "SELECT p.nickname, mp.kills FROM match_players mp JOIN players p ON p.id = mp.player_id WHERE mp.kills >= 50"),
    # a question begun again; a number taken back
    ("what region is Tin Falcons from - wait, never mind that one, so which team does Quill play for",
     "SELECT name FROM teams WHERE id = 1"),
    ("players averaging above forty kills a match - no wait, way too high, make it over 28 kills per match. names please",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id HAVING AVG(mp.kills) > 28"),
    ("teams with more than 3 wins, sorry, make that 1",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE mt.placement = 1 AND m.format = 'versus' GROUP BY t.id HAVING COUNT(*) > 1"),
    # a match's timestamp
    ("Show every final of Cedar Valley Open 2024 with its timestamp and map",
     "SELECT played_at, map FROM matches WHERE tournament_id = 2 AND stage = 'final'"),
    # two whole years said together
    ("2023년과 2025년 연도별 경기 수", "SELECT substr(played_at, 1, 4), COUNT(*) FROM matches "
     "WHERE played_at < '2024-01-01' OR played_at >= '2025-01-01' GROUP BY 1"),
    ("작년 대비 비교용으로 2024년과 2025년 연도별 경기 수 정리", "SELECT substr(played_at, 1, 4), COUNT(*) FROM matches "
     "WHERE played_at >= '2024-01-01' GROUP BY 1"),
    ("Birch Wolves의 2023년 평균 킬과 2025년 평균 킬을 대회별로",
     "SELECT tr.name, AVG(mt.kills) FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN tournaments tr "
     "ON tr.id = m.tournament_id WHERE mt.team_id = 1 AND tr.id IN (1, 3, 4) GROUP BY tr.id"),
    # a clock time is no scoreline; a weekend with its days
    ("밤 8시 넘어서(20:00도 들어감) 시작한 경기 수는?", "SELECT COUNT(*) FROM matches WHERE substr(played_at, 12) >= '20:00:00'"),
    ("How many matches started at 20:00 or later?", "SELECT COUNT(*) FROM matches WHERE substr(played_at, 12) >= '20:00:00'"),
    ("one more: how many matches fell on the weekend, so saturday or sunday?",
     "SELECT COUNT(*) FROM matches WHERE strftime('%w', played_at) IN ('0', '6')"),
    ("주말(토/일)에 치른 경기 수", "SELECT COUNT(*) FROM matches WHERE strftime('%w', played_at) IN ('0', '6')"),
    # a finish inside the top N, said with the loanword or with a verb; a share of them per team; a count kept over N
    ("Night Otters가 Dune Royale 2025에서 top 2 안에 들어간 판 몇 번?",
     "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 2 AND m.tournament_id = 4 "
     "AND mt.placement <= 2"),
    ("Dune Royale 2025 팀별 톱2 진입 비율(%) 알려줘",
     "SELECT t.name, 100.0 * SUM(mt.placement <= 2) / COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 4 GROUP BY t.id"),
    ("for each pubg team, the count of games it landed in the top 2; show only squads having 2 or more",
     "SELECT t.name, COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.format = 'ranking' AND mt.placement <= 2 GROUP BY t.id HAVING COUNT(*) >= 2"),
    ("top-2 rate for each pubg squad", "SELECT t.name, 100.0 * SUM(mt.placement <= 2) / COUNT(*) FROM match_teams mt "
     "JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id WHERE m.format = 'ranking' GROUP BY t.id"),
    # a closing remark that every row counts; "over every … game" is all of them; "… 팀 정리" asks the teams
    ("what maps were played in valorant and how often each? all valorant matches count",
     "SELECT map, COUNT(*) FROM matches WHERE tournament_id IN (1, 2, 3) GROUP BY map"),
    ("top 2 players, most kills in total over every pubg game", "SELECT p.nickname, SUM(mp.kills) FROM match_players mp "
     "JOIN players p ON p.id = mp.player_id WHERE mp.match_id >= 7 GROUP BY p.id ORDER BY 2 DESC LIMIT 2"),
    ("Valorant 팀마다 판당 평균 킬(팀 킬로) 상위 2개 팀 정리", "SELECT t.name, AVG(mt.kills) FROM match_teams mt JOIN teams t "
     "ON t.id = mt.team_id WHERE mt.match_id <= 6 GROUP BY t.id ORDER BY 2 DESC LIMIT 2"),
    # the columns wanted, listed after the question or beside the rows
    ("Which players got 30+ kills in one match? nickname, date and their kill counts",
     "SELECT p.nickname, m.played_at, mp.kills FROM match_players mp JOIN players p ON p.id = mp.player_id "
     "JOIN matches m ON m.id = mp.match_id WHERE mp.kills >= 30"),
    ("한 경기에서 50킬 넘게 기록한 선수 있나요? 닉네임, 날짜, 킬 수 부탁해요",
     "SELECT p.nickname, m.played_at, mp.kills FROM match_players mp JOIN players p ON p.id = mp.player_id "
     "JOIN matches m ON m.id = mp.match_id WHERE mp.kills > 50"),
    ("Player rows with no damage recorded: list those players' nicknames along with the time of the match.",
     "SELECT p.nickname, m.played_at FROM match_players mp JOIN players p ON p.id = mp.player_id "
     "JOIN matches m ON m.id = mp.match_id WHERE mp.damage IS NULL"),
    ("Cedar Valley Open 2024 games the losing side had more kills in than the winner - when, stage, both sides",
     "SELECT m.played_at, m.stage, tw.name, tl.name FROM matches m JOIN match_teams w ON w.match_id = m.id AND w.placement = 1 "
     "JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 JOIN teams tw ON tw.id = w.team_id "
     "JOIN teams tl ON tl.id = l.team_id WHERE m.tournament_id = 2 AND l.kills > w.kills"),
    # an aside that says the number again with its units
    ("Count the matches won by just two (two rounds or two maps)?",
     "SELECT COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.placement = 2 "
     "JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND m.format = 'versus' AND w.score - l.score = 2"),
    # the winner and the loser in a list of columns; each side's wins over the other; a record per group; a side that
    # lost out-fragging the side that beat it
    ("Result of the Cedar Valley Open 2025 final: winning team, its score, losing team, its score",
     "SELECT 'Birch Wolves', 13, 'Night Otters', 12"),
    ("Birch Wolves vs 별빛 고래, over their meetings: how many did Birch Wolves win and how many did 별빛 고래 win",
     "SELECT 1, 1"),
    ("Night Otters랑 Birch Wolves 상대 전적, Birch Wolves가 몇 번 이겼고 Night Otters가 몇 번 이겼는지", "SELECT 2, 0"),
    ("Birch Wolves 대회별 승수랑 패수", "SELECT tr.name, SUM(mt.placement = 1), SUM(mt.placement = 2) FROM match_teams mt "
     "JOIN matches m ON m.id = mt.match_id JOIN tournaments tr ON tr.id = m.tournament_id WHERE mt.team_id = 1 "
     "AND m.format = 'versus' GROUP BY tr.id"),
    ("Tin Falcons wins and losses by map", "SELECT m.map, SUM(mt.placement = 1), SUM(mt.placement = 2) FROM match_teams mt "
     "JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 4 AND m.format = 'versus' GROUP BY m.map"),
    ("Night Otters가 진 판 중 킬이 상대보다 더 많은 판, 날짜랑 상대팀", "SELECT '2024-03-02 18:00:00', '별빛 고래'"),
    ("games Night Otters lost despite more team kills than its opponent - when, and who beat them",
     "SELECT '2024-03-02 18:00:00', '별빛 고래'"),
    # a tournament's length in days, both ends counted; "A 게 아니라 B"; exactly one tournament
    ("Cedar Valley Open 2024는 며칠 동안 열렸나요? 첫날과 마지막 날 포함", "SELECT 10"),
    ("how many days did Cedar Valley Open 2023 run", "SELECT 10"),
    ("Valorant 팀 중 세 대회 다 나간 게 아니라 대회 하나에만 나간 팀", "SELECT 'Tin Falcons'"),
    ("킬이 아니라 어시 1위 선수 누구야", "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id "
     "GROUP BY p.id ORDER BY SUM(mp.assists) DESC LIMIT 1"),
    ("Of the Valorant finals, which one was won by the most rounds? Show the winning team plus the margin.",
     "SELECT '별빛 고래', 3"),
    # both ends of a ranking, ties kept
    ("in Cedar Valley Open 2025, the squad with the biggest mean kills and the one with the lowest",
     "SELECT t.name, AVG(mt.kills) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.tournament_id = 3 AND mt.team_id IN (1, 4) GROUP BY t.id"),
    ("Dune Royale 2025 팀 중 평균 등수 제일 좋은 팀이랑 제일 나쁜 팀", "SELECT t.name, AVG(mt.placement) FROM match_teams mt "
     "JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 4 AND mt.team_id IN (2, 3) "
     "GROUP BY t.id"),
    # a breakdown opened with another verb
    ("Split Cedar Valley Open 2025's matches per stage, with a count for each.",
     "SELECT stage, COUNT(*) FROM matches WHERE tournament_id = 3 GROUP BY stage"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round38(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


def test_a_blank_role_is_no_teamless_player(world):
    """"role 미지정" is a blank role kept as a group of its own, not a player without a team."""
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer("role별 선수 수, role 미지정인 선수도 따로 세어서", url)
    import sqlite3

    con = sqlite3.connect(path)
    gold = con.execute("SELECT role, COUNT(*) FROM players GROUP BY role").fetchall()
    con.close()
    assert sorted(map(repr, map(tuple, result.rows))) == sorted(map(repr, gold)), result.sql


def test_corrections_said_aloud():
    from nl2sql.unwrap import _self_corrected

    assert _self_corrected("teams with over 5 wins - no wait, make it 8") == "teams with over 8 wins"
    assert _self_corrected("who got the most assists, wait, scrap that, so who got the most kills") \
        == "who got the most kills"
    from nl2sql.unwrap import shorthand

    assert shorthand("each squad's points across all 12 matches") == "each squad's points across all matches"
    # no correction: left as it is
    assert _self_corrected("how many matches did we wait for in 2025") == "how many matches did we wait for in 2025"
