"""Round 37 (the lead's, on the kinds left by rounds 32-34 in sets 29-31): constructs of sets and of time, and counts
that keep the groups at zero.

- "the teams that beat X and how many times each", "X를 이긴 팀과 이긴 횟수", "… along with the count of losses": the sides
  with a count beside each (no second statistic read into "how many times").
- A learner's English: "beated", "winned", "how much teams".
- Tournaments whose first and last day lie in two different months ("spanned two months", "두 달에 걸친",
  "시작 달, 끝 달이 서로 다른").
- A count per group that keeps the groups with none at 0 for any one condition on the counted rows ("top-3 finishes per
  squad; squads with none listed with 0", "없는 팀은 0으로 표시").
- "at least a game in A and no games in B": a set difference, not a count threshold.
- Debuts: "whose first match came in 2026", "2026년에 처음 출전한 팀", "2025년 전엔 경기 기록 없는 팀".
- "finished every match inside the top 3", "모든 경기를 3위 안에": took part, never placed below.
- "the events which were starting in 2025": their start dates in that year (not "since 2025").
- "A vs B: wins and losses for B": B's record; "how many of those did B win": B's wins beside the count.
- "versus 방식", "versus-format" tournaments: a scope, kept by the champions of each.
- "N players with the best kills per game": players asked (a game after "per" is the unit, not the thing asked).
- "ties broken by name", "동점이면 팀명 순": the key orders the tied rows.
- "never came first in any match" with no battle-royale word: a first place in either format; "played a match but
  never …": those who took part.
- "best (lowest)": the end the bracket names; "50%+": 50 % or more; a match's "일시", "시각", "시간": its date.
- "팀별 K/D가 1을 넘는 팀": the teams a threshold keeps (not every team's K/D); "각 팀이 이긴 횟수": a row per side.
- "tourny"; a synonym in brackets after its word ("games (titles)"); "1위를 차지한"; "그 경기에서 N킬 이상": one match's row.
- "X 결승 가본 적 있음?", "has X ever reached a final?": the tournaments where X played that stage; "top (bottom) of the
  table": the first (last) of the standings; "the week (fortnight) from 24 May 2025": that day and the 6 (13) after.
- Two statistics of one named team side by side ("X's average place and its count of first places"): one row.
- "A 대비 B": two scopes side by side; "경기 수 및 승률": 및 joins two statistics.
- A self-correction said aloud ("…, no wait, I mean the most kills", "- sorry, I meant kills", "actually make that
  2026"): the corrected words replace the ones they repeat.
- Chat Korean: "젤" apart, "많이한" (a space dropped); a value excluded after its kind's noun ("KR 지역은 제외").
- One part's share of a total ("what percent of the total kills came from X's players", "전체 킬 중 X가 차지하는 비율"),
  a teamless player's rows kept in the total.
- An ordinary Korean word ("다른") is no Latin nickname by its sound ("Darun").

Each case is question → SQL → rows on this module's database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from nl2sql.linking import link
from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Ember League 2025", "League of Legends", "2025-05-24", "2025-06-08"),
                    (2, "Ember Royale 2025", "PUBG", "2025-09-06", "2025-09-07"),
                    (3, "Ember League 2026", "League of Legends", "2026-01-10", "2026-01-25"),
                    (4, "Frost Open 2024", "Valorant", "2024-11-28", "2024-12-02")],
    "teams": [(1, "Marble Foxes", "KR"), (2, "은하 게이밍", "KR"), (3, "Copper Owls", "EU"), (4, "Silent Moths", "NA"),
              (5, "Idle Crew", None), (6, "Paper Kites", "JP"), (7, "Dusk Rams", "BR")],
    "players": [(1, "Ramp", 1, "top"), (2, "Soda", 2, "mid"), (3, "Kestrel", 3, "adc"), (4, "Nib", 4, "support"),
                (5, "Tock", 6, None), (6, "Darun", 7, None)],
    "matches": [(1, 1, "2025-05-24 17:00:00", "group", "Summoner's Rift", "versus"),
                (2, 1, "2025-05-25 17:00:00", "group", "Summoner's Rift", "versus"),
                (3, 1, "2025-05-31 17:00:00", "semifinal", "Summoner's Rift", "versus"),
                (4, 1, "2025-06-08 17:00:00", "final", "Summoner's Rift", "versus"),
                (5, 2, "2025-09-06 15:00:00", None, "Erangel", "ranking"),
                (6, 2, "2025-09-07 15:00:00", None, "Miramar", "ranking"),
                (7, 3, "2026-01-10 18:00:00", "group", "Summoner's Rift", "versus"),
                (8, 3, "2026-01-25 18:00:00", "final", "Summoner's Rift", "versus"),
                (9, 4, "2024-11-28 19:00:00", "group", "Ascent", "versus"),
                (10, 4, "2024-12-02 19:00:00", "final", "Lotus", "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 2, 30), (1, 2, 2, 1, 22), (2, 3, 1, 2, 28), (2, 1, 2, 0, 12),
                    (3, 2, 1, 2, 32), (3, 1, 2, 0, 14), (4, 1, 1, 2, 31), (4, 3, 2, 1, 26),
                    (5, 2, 1, 20, 9), (5, 1, 2, 15, 7), (5, 3, 3, 11, 5), (5, 6, 4, 8, 4), (5, 7, 5, 4, 2),
                    (6, 2, 1, 22, 10), (6, 3, 2, 14, 6), (6, 6, 3, 10, 5), (6, 1, 4, 7, 3), (6, 7, 5, 3, 1),
                    (7, 4, 1, 2, 27), (7, 2, 2, 0, 15), (8, 2, 1, 2, 29), (8, 4, 2, 1, 24),
                    (9, 1, 1, 13, 70), (9, 3, 2, 7, 48), (10, 3, 1, 13, 66), (10, 1, 2, 11, 63)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 9, 3, 7, 21000), (1, 2, 6, 5, 8, 18000), (2, 3, 10, 2, 6, 24000), (2, 1, 4, 6, 3, 15000),
                      (7, 4, 3, 4, 15, 9000), (7, 2, 5, 6, 4, 16000)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round37db", ROWS)


CASES = [
    ("which teams beat Marble Foxes and how many times each",
     "SELECT t.name, COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.team_id = 1 "
     "JOIN teams t ON t.id = w.team_id JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND w.team_id <> l.team_id AND m.format = 'versus' "
     "GROUP BY t.id"),
    ("Marble Foxes를 이긴 팀과 이긴 횟수",
     "SELECT t.name, COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.team_id = 1 "
     "JOIN teams t ON t.id = w.team_id JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND w.team_id <> l.team_id AND m.format = 'versus' "
     "GROUP BY t.id"),
    ("teams Marble Foxes lost to, along with the count of losses",
     "SELECT t.name, COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.team_id = 1 "
     "JOIN teams t ON t.id = w.team_id JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND w.team_id <> l.team_id AND m.format = 'versus' "
     "GROUP BY t.id"),
    ("who beated Copper Owls? give each team plus how many times",
     "SELECT t.name, COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.team_id = 3 "
     "JOIN teams t ON t.id = w.team_id JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND w.team_id <> l.team_id AND m.format = 'versus' "
     "GROUP BY t.id"),
    ("how much teams is from KR", "SELECT COUNT(*) FROM teams WHERE region = 'KR'"),
    ("Which events started in one month and wrapped up in another?",
     "SELECT name FROM tournaments WHERE strftime('%Y-%m', start_date) <> strftime('%Y-%m', end_date)"),
    ("how many tournaments spanned two calendar months", "SELECT 2"),
    ("두 달에 걸쳐 진행된 대회 있어?", "SELECT name FROM tournaments WHERE id IN (1, 4)"),
    ("시작 달이랑 종료 달이 서로 다른 대회", "SELECT name FROM tournaments WHERE id IN (1, 4)"),
    ("which League of Legends tournaments started in one month and ended in a different one?", "SELECT name FROM tournaments WHERE id = 1"),
    ("top-3 finishes per squad at Ember Royale 2025. Squads at nothing get shown as zero.",
     "SELECT t.name, SUM(CASE WHEN mt.placement <= 3 THEN 1 ELSE 0 END) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 2 GROUP BY t.id"),
    ("Ember Royale 2025 팀별 3위 이내 횟수 알려줘. 0회인 팀도 0으로 나오게 해줘.",
     "SELECT t.name, SUM(CASE WHEN mt.placement <= 3 THEN 1 ELSE 0 END) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 2 GROUP BY t.id"),
    ("squads with at least 1 game in 2025 and zero games in 2026", "SELECT name FROM teams WHERE id IN (1, 3, 6, 7)"),
    ("teams that have at least a single game in 2025 but no matches in 2026", "SELECT name FROM teams WHERE id IN (1, 3, 6, 7)"),
    ("teams whose first match came in 2026", "SELECT name FROM teams WHERE id = 4"),
    ("2026년에 처음 출전한 팀은?", "SELECT name FROM teams WHERE id = 4"),
    ("2025년 전엔 경기 기록 없는 팀 알려줘", "SELECT name FROM teams WHERE id IN (2, 4, 6, 7)"),
    ("players who made their debut in 2026", "SELECT nickname FROM players WHERE id = 4"),
    ("2026년 첫 경기에 이긴 팀", "SELECT name FROM teams WHERE id = 4"),  # the winner of that match, no debut
    ("teams that finished every match in the top 3 at Ember Royale 2025", "SELECT name FROM teams WHERE id IN (2, 3)"),
    ("Ember Royale 2025에서 모든 경기를 3위 안에 든 팀", "SELECT name FROM teams WHERE id IN (2, 3)"),
    ("list the tournaments which were starting in 2025", "SELECT name FROM tournaments WHERE id IN (1, 2)"),
    ("tournaments starting in 2024", "SELECT name FROM tournaments WHERE id = 4"),
    ("Copper Owls vs Marble Foxes: how many wins and how many losses for Marble Foxes",
     "SELECT SUM(CASE WHEN a.placement = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN a.placement = 2 THEN 1 ELSE 0 END) "
     "FROM match_teams a JOIN match_teams b ON b.match_id = a.match_id WHERE a.team_id = 1 AND b.team_id = 3 "
     "AND a.match_id IN (SELECT id FROM matches WHERE format = 'versus')"),
    ("Marble Foxes and Copper Owls met how many times, and how many of those did Copper Owls win?",
     "SELECT COUNT(*), SUM(CASE WHEN a.placement = 1 THEN 1 ELSE 0 END) FROM match_teams a JOIN match_teams b "
     "ON b.match_id = a.match_id WHERE a.team_id = 3 AND b.team_id = 1 AND a.match_id IN (SELECT id FROM matches WHERE format = 'versus')"),
    ("champion of every versus-format tournament",
     "SELECT tr.name, t.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN tournaments tr ON tr.id = m.tournament_id "
     "JOIN teams t ON t.id = mt.team_id WHERE m.stage = 'final' AND mt.placement = 1"),
    ("versus 방식 대회마다 우승 팀",
     "SELECT tr.name, t.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN tournaments tr ON tr.id = m.tournament_id "
     "JOIN teams t ON t.id = mt.team_id WHERE m.stage = 'final' AND mt.placement = 1"),
    ("the 2 players with the best kills per game", "SELECT nickname FROM players WHERE id IN (3, 1)"),
    ("what percent of the total kills in Ember League 2025 came from Marble Foxes players?",
     "SELECT 100.0 * SUM(CASE WHEN p.team_id = 1 THEN mp.kills ELSE 0 END) / SUM(mp.kills) FROM match_players mp "
     "JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 1"),
    ("Ember League 2025 전체 킬 중 Marble Foxes 선수들이 차지하는 비율",
     "SELECT 100.0 * SUM(CASE WHEN p.team_id = 1 THEN mp.kills ELSE 0 END) / SUM(mp.kills) FROM match_players mp "
     "JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 1"),
    ("teams that played a match but never came first in any match", "SELECT name FROM teams WHERE id IN (6, 7)"),
    ("how many times did Paper Kites come first", "SELECT 0"),
    ("squad with the best (lowest) average place at Ember Royale 2025", "SELECT name FROM teams WHERE id = 2"),
    ("teams w 50%+ win rate in versus play",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.format = 'versus' GROUP BY t.id HAVING 100.0 * SUM(mt.placement = 1) / COUNT(*) >= 50"),
    ("2026년 들어 가장 먼저 치른 경기의 일시", "SELECT MIN(played_at) FROM matches WHERE played_at >= '2026-01-01'"),
    ("Frost Open 2024 결승 일시 알려줘", "SELECT played_at FROM matches WHERE id = 10"),
    ("League of Legends 팀별 K/D가 1을 넘는 팀", "SELECT name FROM teams WHERE id IN (1, 3)"),
    ("Marble Foxes와 Copper Owls가 붙었을 때 각 팀이 이긴 횟수",
     "SELECT t.name, COUNT(*) FROM match_teams w JOIN match_teams l ON l.match_id = w.match_id AND l.team_id <> w.team_id "
     "JOIN teams t ON t.id = w.team_id JOIN matches m ON m.id = w.match_id WHERE w.placement = 1 AND m.format = 'versus' "
     "AND w.team_id IN (1, 3) AND l.team_id IN (1, 3) GROUP BY t.id"),
    ("2025-09-07 games were from which tourny", "SELECT name FROM tournaments WHERE id = 2"),
    ("teams that played in two or more different games (titles)", "SELECT name FROM teams WHERE id IN (1, 2, 3)"),
    ("은하 게이밍이 배그에서 1위를 차지한 경기 수를 맵별로", "SELECT map, COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "WHERE mt.team_id = 2 AND mt.placement = 1 AND m.format = 'ranking' GROUP BY map"),
    ("팀은 졌지만 그 경기에서 킬을 5개 이상 한 선수", "SELECT nickname FROM players WHERE id = 2"),
    ("은하 게이밍 결승 가본 적 있음?", "SELECT name FROM tournaments WHERE id = 3"),
    ("has Copper Owls ever reached a final?", "SELECT name FROM tournaments WHERE id IN (1, 4)"),
    ("who sat top of the table at Ember Royale 2025", "SELECT name FROM teams WHERE id = 2"),
    ("which player had the most kills in the week from 24 May 2025?", "SELECT nickname FROM players WHERE id = 1"),
    ("Paper Kites average place and count of first places at Ember Royale 2025", "SELECT 3.5, 0"),
    ("Ember Royale 2025 은하 게이밍 평균 순위랑 1등 횟수", "SELECT 1.0, 2"),
    ("2025년 대비 2026년 Copper Owls 승수 현황 정리 부탁드립니다", "SELECT 1, 0"),
    ("대회별 경기 수 및 총 킬", "SELECT tr.name, COUNT(DISTINCT m.id), SUM(mt.kills) FROM match_teams mt JOIN matches m "
     "ON m.id = mt.match_id JOIN tournaments tr ON tr.id = m.tournament_id GROUP BY tr.id"),
    ("ok chat, who had the most assists in Ember League 2025, no wait, I mean the most kills", "SELECT nickname FROM players WHERE id = 1"),
    ("how many deaths did Kestrel get - sorry, I meant kills?", "SELECT 10"),
    ("which team had the most wins in 2025, actually make that 2026", "SELECT name FROM teams WHERE id IN (2, 4)"),
    ("kestrel 젤 킬 많이한 경기 언제였음", "SELECT played_at, kills FROM match_players mp JOIN matches m ON m.id = mp.match_id "
     "WHERE mp.player_id = 3"),
    ("지역별 평균 팀 킬을 집계하되 KR 지역은 제외하시오",
     "SELECT t.region, AVG(mt.kills) FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE t.region <> 'KR' GROUP BY t.region"),
    ("what share of the total damage came from supports?",
     "SELECT 100.0 * SUM(CASE WHEN p.role = 'support' THEN mp.damage ELSE 0 END) / SUM(mp.damage) FROM match_players mp "
     "JOIN players p ON p.id = mp.player_id"),
]


@pytest.mark.parametrize("question", ["top 3 teams by total kills in Ember League 2025, ties broken by name",
                                      "Ember League 2025 팀 킬 합계 상위 3팀, 동점이면 팀명 순"])
def test_ties_broken_by_name(world, question):
    """Copper Owls and 은하 게이밍 are tied on 54 kills at Ember League 2025: the name orders them (the table's order
    would put 은하 게이밍 first)."""
    from nl2sql.engine import answer

    url, _, _ = world
    result = answer(question, url)
    assert [r[0] for r in result.rows] == ["Marble Foxes", "Copper Owls", "은하 게이밍"], (result.sql, result.rows)


@pytest.mark.parametrize("question,gold", CASES)
def test_round37(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


def test_matches_starting_from_a_year_are_still_since(world):
    """"matches starting in 2025" is read as before: from 2025 on (only events said to start are dated by their start)."""
    from nl2sql.engine import answer

    url, _, _ = world
    assert [list(r) for r in answer("how many matches starting in 2025", url).rows] == [[8]]


@pytest.mark.parametrize("question", ["다른 팀이랑 비교해서 킬 많은 선수", "시작 월과 종료 월이 다른 대회"])
def test_an_ordinary_word_is_no_nickname_by_its_sound(world, question):
    _, _, catalog = world
    assert "Darun" not in [m.value for m in link(question, catalog).mentions]
