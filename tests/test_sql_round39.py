"""Round 39 (sql-fresh33 analysed: a forum poster telling stories before the question, a chat user, a formal
analyst writing Korean report requests).

- The asker's story said in whole sentences before the question ("My cousin insists …", "Long-time reader. People tell
  me …:", "제 친구 말로는 …."): a procedure's words in it ("I", "my", "me", "change", "제") do not make the question a
  how-to, and what it names does not scope the question; a request for rows ("can you rank …", "remind me which …") is
  no procedure either. A story that speaks for a team or an organiser ("we", "our") still does.
- Linking: "per" is no team's word said by its sound; two words of a tournament are no near-miss player ("Ember
  Tide" is not "ember.x"); a tournament's words typed without spaces are read apart.
- Constructs: two whole dates as a range; a count per key kept at a number ("used more than once, with how many
  each"); "which teams took …, with the count for each"; the most of a statistic in a single ranking match; "get swept" counts
  the loser; the sums of two statistics compared over every match ("over the whole season"); a month-span list with
  the dates asked for; top-N finishes at least K times; the tournament with the widest average margin; one statistic's sum
  against a multiple of another's ("어시가 킬의 두 배 넘는", "deaths at least twice their kills"); the share of rows
  whose cell is blank, in percent.
- Korean report wording: "집계해/산출해 주십시오", "명칭", "지역 코드", "분포", "경기의 수", "랭킹 형식", "시작일이 가장 빠른",
  "상관없이", "진 팀의 킬이 이긴 팀의 킬보다 많은", "킬 하나도 못 딴 판".

Each case is question → answer rows on this module's own database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Ember Tide Classic 2025", "Valorant", "2025-03-28", "2025-04-04"),
                    (2, "Salt Flats Showdown 2025", "PUBG", "2025-06-01", "2025-06-05"),
                    (3, "Glass Harbor Open 2026", "Valorant", "2026-02-02", "2026-02-09")],
    "teams": [(1, "Silver Bell", "EU"), (2, "Copper Fox", "NA"), (3, "청룡", "KR"), (4, "Marble Owls", "KR"),
              (5, "Dune Riders", "BR")],
    "players": [(1, "ember.x", 1, "duelist"), (2, "Pip", 1, "controller"), (3, "Rook", 2, "duelist"), (4, "Sable", 2, None),
                (5, "미르", 3, "initiator"), (6, "Quill", 4, "sentinel"), (7, "Drift", 5, None), (8, "Loner", None, None)],
    "matches": [(1, 1, "2025-03-28 18:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-03-30 18:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-04-02 18:00:00", "semifinal", "Haven", "versus"),
                (4, 1, "2025-04-04 19:00:00", "final", "Lotus", "versus"),
                (5, 2, "2025-06-01 15:00:00", "group", "Erangel", "ranking"),
                (6, 2, "2025-06-03 15:00:00", "group", "Miramar", "ranking"),
                (7, 2, "2025-06-05 15:00:00", "final", "Erangel", "ranking"),
                (8, 3, "2026-02-02 18:00:00", "group", "Ascent", "versus"),
                (9, 3, "2026-02-09 19:00:00", "final", "Bind", "versus"),
                (10, 3, "2026-02-05 18:00:00", None, None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 2, 30), (1, 2, 2, 0, 18), (2, 3, 1, 2, 40), (2, 4, 2, 1, 45),
                    (3, 1, 1, 2, 35), (3, 3, 2, 1, 33), (4, 1, 1, 3, 50), (4, 4, 2, 0, 20),
                    (5, 5, 1, 20, 9), (5, 2, 2, 12, 5), (5, 3, 3, 5, 0),
                    (6, 2, 1, 18, 8), (6, 5, 2, 14, 6), (6, 3, 3, 3, 0),
                    (7, 5, 1, 22, 10), (7, 3, 2, 10, 4), (7, 2, 3, 6, 2),
                    (8, 2, 1, 2, 28), (8, 4, 2, 0, 15), (9, 3, 1, 2, 31), (9, 2, 2, 0, 20),
                    (10, 4, 1, 2, 36), (10, 1, 2, 1, 38)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 18, 9, 3, 3100), (1, 2, 12, 10, 9, 2400), (1, 3, 10, 14, 2, 2000), (1, 4, 8, 15, 5, 1800),
                      (3, 1, 21, 12, 4, 3600), (3, 2, 14, 13, 10, 2600), (3, 5, 19, 15, 6, 3300),
                      (4, 1, 26, 8, 5, 4200), (4, 2, 24, 9, 12, 3900), (4, 6, 12, 20, 3, 2100),
                      (8, 3, 16, 9, 7, 2900), (8, 4, 12, 10, 8, 2300), (8, 6, 9, 14, 4, 1700),
                      (9, 5, 17, 10, 9, 3000), (9, 3, 11, 15, 6, 2200), (9, 4, 9, 14, 3, 1900),
                      (10, 6, 20, 12, 6, 3400), (10, 1, 22, 15, 4, 3500), (10, 2, 16, 16, 9, 2700)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round39db", ROWS)


CASES = [
    # the asker's story before the question
    ("My cousin keeps telling me Silver Bell never loses. Curious now: how many games has Silver Bell lost?",
     "SELECT COUNT(*) FROM match_teams WHERE team_id = 1 AND placement = 2"),
    ("Long-time reader, rarely post. My flatmate insists the Glass Harbor Open 2026 ran in May. What were its start "
     "and end dates?", "SELECT start_date, end_date FROM tournaments WHERE id = 3"),
    ("My brother reckons Copper Fox is the best squad and I think he is wrong. Which Silver Bell players had a match "
     "with 20 or more kills?", "SELECT DISTINCT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id "
     "WHERE p.team_id = 1 AND mp.kills >= 20"),
    ("I'm putting a spreadsheet together for fun. Can you rank the squads on mean placement at Salt Flats "
     "Showdown 2025, best first?", "SELECT t.name, AVG(mt.placement) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 2 GROUP BY t.id"),
    ("Watched a video of some duelist called ember x yesterday, what squad is he on?", "SELECT name FROM teams WHERE id = 1"),
    ("제 친구 말로는 청룡이 제일 세대요. 청룡은 경기에서 몇 번 이겼어?",
     "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 3 AND mt.placement = 1 "
     "AND m.format = 'versus'"),
    ("Remind me what title the Glass Harbor Open 2026 was held on.", "SELECT game FROM tournaments WHERE id = 3"),
    # linking
    ("What is Rook's mean damage per game?", "SELECT AVG(damage) FROM match_players WHERE player_id = 3"),
    ("Which Valorant teams never appeared at Ember Tide?",
     "SELECT name FROM teams WHERE id IN (SELECT mt.team_id FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant') AND id NOT IN (SELECT mt.team_id "
     "FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 1)"),
    ("glassharbor 결승 누가 이겼어?", "SELECT name FROM teams WHERE id = 3"),
    # constructs
    ("How many games took place between 28 March 2025 and 2 April 2025?",
     "SELECT COUNT(*) FROM matches WHERE played_at >= '2025-03-28' AND played_at < '2025-04-03'"),
    ("Count the fixtures from March 30, 2025 to June 3, 2025.",
     "SELECT COUNT(*) FROM matches WHERE played_at >= '2025-03-30' AND played_at < '2025-06-04'"),
    ("Which maps got picked more than once, with how many matches each?",
     "SELECT map, COUNT(*) FROM matches WHERE map IS NOT NULL GROUP BY map HAVING COUNT(*) > 1"),
    ("Which teams have won versus finals, and how many of them did each team win?",
     "SELECT t.name, COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.stage = 'final' AND m.format = 'versus' AND mt.placement = 1 GROUP BY t.id"),
    ("Which team posted the highest kill count in a single ranking game, and how many?",
     "SELECT t.name, mt.kills FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.kills = 10"),
    ("In Valorant, how many times has each squad been swept?",
     "SELECT t.name, COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.placement = 2 AND mt.score = 0 "
     "GROUP BY t.id"),
    ("Which players ended the season with more deaths than kills, summed across all their games?",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id "
     "HAVING SUM(mp.deaths) > SUM(mp.kills)"),
    ("Which tournaments started in one month and wrapped up in another? List them with their starting and ending dates.",
     "SELECT name, start_date, end_date FROM tournaments WHERE id = 1"),
    ("Which squads placed top two three or more times in ranking games?",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.format = 'ranking' AND mt.placement <= 2 GROUP BY t.id HAVING COUNT(*) >= 3"),
    ("랭킹전에서 상위 2위 안에 3번 이상 든 팀은?",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.format = 'ranking' AND mt.placement <= 2 GROUP BY t.id HAVING COUNT(*) >= 3"),
    ("Which tournament had the biggest average winning margin?", "SELECT name FROM tournaments WHERE id = 1"),
    ("승자와 패자 점수 차 평균이 제일 큰 대회는?", "SELECT name FROM tournaments WHERE id = 1"),
    # Korean report wording
    ("KR 지역 코드를 가진 팀 명칭을 보여 주십시오.", "SELECT name FROM teams WHERE region = 'KR'"),
    ("스테이지가 비어 있는 경기의 수를 산출해 주십시오.", "SELECT COUNT(*) FROM matches WHERE stage IS NULL"),
    ("지역별 팀 분포를 집계해 주십시오.", "SELECT region, COUNT(*) FROM teams GROUP BY region"),
    ("랭킹 형식 경기만 놓고 팀별 평균 순위를 산출해 주십시오.",
     "SELECT t.name, AVG(mt.placement) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN matches m ON m.id = mt.match_id WHERE m.format = 'ranking' GROUP BY t.id"),
    ("시작일이 가장 빠른 대회 이름은?", "SELECT name FROM tournaments WHERE id = 1"),
    ("종료일이 가장 늦은 대회는?", "SELECT name FROM tournaments WHERE id = 3"),
    ("Dune Riders 랭킹전 1등 몇 번 했어? 대회 상관없이", "SELECT COUNT(*) FROM match_teams WHERE team_id = 5 AND placement = 1"),
    ("패한 쪽 킬이 이긴 쪽 킬보다 많은 경기는 몇 판이야?",
     "SELECT COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.placement = 2 "
     "JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND m.format = 'versus' AND l.kills > w.kills"),
    ("킬을 하나도 못 딴 판이 있는 팀은?", "SELECT DISTINCT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.kills = 0"),
    # one sum against a multiple of another; the share of rows with a blank cell
    ("어시가 킬의 두 배 넘는 선수는?", "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id "
     "HAVING SUM(mp.assists) > 2 * SUM(mp.kills)"),
    ("Which players have deaths at least twice their kills?", "SELECT p.nickname FROM match_players mp JOIN players p "
     "ON p.id = mp.player_id GROUP BY p.id HAVING SUM(mp.deaths) >= 2 * SUM(mp.kills)"),
    ("스테이지 값이 빈 경기 비중은 몇 퍼센트인지 계산해 주세요.", "SELECT 100.0 * SUM(stage IS NULL) / COUNT(*) FROM matches"),
    ("What percentage of player rows are missing their damage?", "SELECT 100.0 * SUM(damage IS NULL) / COUNT(*) FROM match_players"),
    ("Which teams finished a ranking game without a single kill?",
     "SELECT DISTINCT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.kills = 0"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round39(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question", ["mean damage per map of Rook", "kills per game by Pip"])
def test_per_is_no_team(world, question):
    """"per" sounds like the word "Bell" of a team; a word that glues the question is no name."""
    from nl2sql.linking import link

    _, _, catalog = world
    assert [m.value for m in link(question, catalog).mentions if m.type == "team"] == []


@pytest.mark.parametrize("question", ["We signed up last week. How do we change our roster?",
                                      "I forgot my password. What should I do?",
                                      "My team got disqualified. Can I appeal?"])
def test_a_story_before_a_procedure_is_still_refused(world, question):
    from kernel.errors import InputError
    from nl2sql.engine import answer

    url, _, _ = world
    with pytest.raises(InputError):
        answer(question, url)
