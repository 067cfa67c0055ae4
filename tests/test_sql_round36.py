"""Round 36 (sql-fresh28 analysed: a parent of a young pro asking in plain polite words, an analyst intern writing
semi-technical Korean, a recap journalist and a fast phone typist in English).

- The asker's own person beside a name: "제 아들이 'X'라는 닉네임으로 …, 아들이 속한 팀" (the child is the player X),
  "우리 딸 팀이 'Y'예요. 그 팀 …" (the team Y), "동생(닉네임 X)이" (a bracket), "조카 'X'가" (side by side); "여쭤봐도 될까요"
  is a request, not a procedure.
- A statistic in plain words counted and summed: "쓰러뜨린 횟수를 모두 더하면", "쓰러진 횟수" (deaths), "킬 횟수는 몇 번"
  (the kills, not the matches); never going down in a match ("한 번도 안 쓰러진 판", "without dying once") is deaths = 0.
- "X랑 맞붙어서 이긴 팀", "sides that faced X and won": the others, who beat X.
- An English column word with a Korean suffix ("stage별"), "대회 건수" (the tournaments counted), a per-group statistic
  with a threshold ("팀별 평균 킬 … N 이상인 팀만"), never played said as "나가지 않은".
- "late June" is a part of the calendar (no procedure); the final described in plain words ("우승을 가리는 경기"); a
  tournament listed with its final's date (the match's date, not the tournament's span).
- A win rate asked as a fraction (a threshold below 1); 장소 (a place) is a map; every tournament listed with its
  count, 0 for one with nothing ("경기 없는 대회도 0으로", "including tournaments with no matches").
- "두 개", "세 명": a number and its counter, no nickname by its sound; a first place in every (both) tournament(s).
- The format's value said in Korean text ("versus 경기"); "최댓값"; a record's row with the columns named after it
  ("- 팀명, 대회명"); the widest margin with both sides' rounds asked beside; a minimum sample said as "출전 N경기
  이상만" or "while appearing in three or more matches".

Each case is question → answer rows on this module's own database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Amber Lakes Cup 2025", "Valorant", "2025-06-02", "2025-06-10"),
                    (2, "Harbor Royale 2025", "PUBG", "2025-08-01", "2025-08-03"),
                    (3, "Frost Open 2026", "Overwatch 2", "2026-01-10", None)],
    "teams": [(1, "달빛 여우", "KR"), (2, "Copper Hawks", "NA"), (3, "Marsh Lions", "EU"), (4, "Granite Bay", "KR")],
    "players": [(1, "Minto", 1, "duelist"), (2, "Peony", 1, "controller"), (3, "Rusk", 2, "duelist"),
                (4, "Tamsin", 2, "sentinel"), (5, "Oaken", 3, "initiator"), (6, "Vela", 4, None), (7, "Tucka", None, None)],
    "matches": [(1, 1, "2025-06-02 18:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-06-04 18:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-06-10 19:00:00", "final", "Haven", "versus"),
                (4, 2, "2025-08-01 15:00:00", "group", "Erangel", "ranking"),
                (5, 2, "2025-08-02 15:00:00", "final", "Miramar", "ranking")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 7, 41), (2, 3, 1, 13, 58), (2, 1, 2, 4, 30),
                    (3, 1, 1, 13, 66), (3, 3, 2, 11, 62),
                    (4, 2, 1, 15, 9), (4, 1, 2, 9, 5), (4, 3, 3, 4, 2),
                    (5, 1, 1, 16, 8), (5, 3, 2, 8, 4), (5, 2, 3, 3, 1)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 31, 12, 4, 5200), (1, 2, 29, 14, 8, 4700), (1, 3, 22, 15, 5, 3900), (1, 4, 19, 16, 3, 3300),
                      (2, 5, 58, 20, 6, 9100), (2, 1, 16, 15, 2, 2900), (2, 2, 14, 16, 5, 2500),
                      (3, 1, 35, 30, 7, 6600), (3, 2, 31, 29, 9, 5900), (3, 5, 62, 33, 4, 9900),
                      (4, 3, 5, 0, 1, 700), (4, 4, 4, 1, 2, 600), (4, 1, 3, 1, 0, 500), (4, 2, 2, 1, 1, 300), (4, 5, 2, 1, 0, 400),
                      (5, 1, 5, 0, 1, 800), (5, 2, 3, 0, 2, 500), (5, 5, 4, 1, 1, 600), (5, 3, 1, 1, 0, 200), (5, 4, 0, 1, 0, 100)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round36db", ROWS)


CASES = [
    # the asker's own person beside a name
    ("제 아들이 'Minto'라는 닉네임으로 뛰고 있어요. 아들이 속한 팀이 어디인가요?", "SELECT name FROM teams WHERE id = 1"),
    ("우리 딸 팀이 '달빛 여우'예요. 그 팀 선수는 총 몇 명인가요?", "SELECT COUNT(*) FROM players WHERE team_id = 1"),
    ("제 동생(닉네임 Rusk)이 출전한 경기는 전부 몇 번이에요?", "SELECT COUNT(*) FROM match_players WHERE player_id = 3"),
    ("조카 'Peony'가 기록한 경기당 평균 어시스트는 몇 개쯤인가요?", "SELECT AVG(assists) FROM match_players WHERE player_id = 2"),
    ("'Copper Hawks'가 어느 나라 팀인지 여쭤봐도 될까요?", "SELECT region FROM teams WHERE id = 2"),
    # plain words for a statistic
    ("Minto가 상대를 쓰러뜨린 횟수를 모두 더하면 몇 번이죠?", "SELECT SUM(kills) FROM match_players WHERE player_id = 1"),
    ("Oaken이 쓰러진 횟수는 전부 합하면 몇 번이에요?", "SELECT SUM(deaths) FROM match_players WHERE player_id = 5"),
    ("Rusk 킬 횟수는 몇 번?", "SELECT SUM(kills) FROM match_players WHERE player_id = 3"),
    ("Minto가 한 번도 안 쓰러진 판은 몇 번?", "SELECT COUNT(*) FROM match_players WHERE player_id = 1 AND deaths = 0"),
    ("In how many matches did Peony play without dying once?", "SELECT COUNT(*) FROM match_players WHERE player_id = 2 AND deaths = 0"),
    # the sides that met X and won
    ("Marsh Lions랑 맞붙어서 이긴 팀은?", "SELECT name FROM teams WHERE id = 1"),
    ("Which sides faced Copper Hawks and won?", "SELECT name FROM teams WHERE id = 1"),
    # groups, counts, thresholds
    ("stage별 경기 수", "SELECT stage, COUNT(*) FROM matches GROUP BY stage"),
    ("게임별로 대회 건수 정리", "SELECT game, COUNT(*) FROM tournaments GROUP BY game"),
    ("팀별 평균 킬 구해서 30 이상인 팀만", "SELECT t.name, AVG(mt.kills) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "GROUP BY t.id HAVING AVG(mt.kills) >= 30"),
    ("경기에 나가지 않은 선수 명단", "SELECT nickname FROM players WHERE id IN (6, 7)"),
    ("배그 대회 전부에서 1등 해본 팀", "SELECT name FROM teams WHERE id IN (1, 2)"),
    ("teams that placed first in every PUBG tournament", "SELECT name FROM teams WHERE id IN (1, 2)"),
    # the calendar, the final described, the final's date
    ("The Amber Lakes Cup 2025 ran from early to late June. How many of its matches were group games?",
     "SELECT COUNT(*) FROM matches WHERE tournament_id = 1 AND stage = 'group'"),
    ("Marsh Lions가 우승을 가리는 경기에 나간 대회 이름이랑 그 결승전이 언제였는지",
     "SELECT tr.name, m.played_at FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id "
     "JOIN match_teams mt ON mt.match_id = m.id WHERE mt.team_id = 3 AND m.stage = 'final'"),
    ("Which tournaments did Copper Hawks reach the final of, and when was each final played?",
     "SELECT tr.name, m.played_at FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id "
     "JOIN match_teams mt ON mt.match_id = m.id WHERE mt.team_id = 2 AND m.stage = 'final'"),
    # a win rate as a fraction, a place, the empty groups kept
    ("versus 경기 팀별 승률 0.5 이상인 팀", "SELECT t.name, AVG(CASE WHEN mt.placement = 1 THEN 1.0 ELSE 0.0 END) FROM match_teams mt "
     "JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id WHERE m.format = 'versus' GROUP BY t.id "
     "HAVING AVG(CASE WHEN mt.placement = 1 THEN 1.0 ELSE 0.0 END) >= 0.5"),
    ("장소별 경기 수", "SELECT map, COUNT(*) FROM matches GROUP BY map"),
    ("대회별 경기 수, 경기 없는 대회도 0으로 포함", "SELECT tr.name, COUNT(m.id) FROM tournaments tr LEFT JOIN matches m "
     "ON m.tournament_id = tr.id GROUP BY tr.id"),
    ("number of matches per tournament, including tournaments with no matches",
     "SELECT tr.name, COUNT(m.id) FROM tournaments tr LEFT JOIN matches m ON m.tournament_id = tr.id GROUP BY tr.id"),
    # the format's value, a record's row with its columns, both scores, a minimum sample
    ("ranking 경기 몇 개", "SELECT COUNT(*) FROM matches WHERE format = 'ranking'"),
    ("versus 경기에서 한 팀이 한 매치에 낸 킬 최댓값 - 팀명, 대회명",
     "SELECT t.name, tr.name, mt.kills FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "JOIN tournaments tr ON tr.id = m.tournament_id WHERE mt.kills = 66"),
    ("biggest round margin in a Valorant win; list winning side, losing side, rounds both teams took",
     "SELECT 'Marsh Lions', '달빛 여우', 13, 4"),
    ("출전 3경기 이상만 대상으로 평균 킬 상위 2명", "SELECT p.nickname, AVG(mp.kills) FROM match_players mp JOIN players p "
     "ON p.id = mp.player_id GROUP BY p.id HAVING COUNT(*) >= 3 ORDER BY AVG(mp.kills) DESC LIMIT 2"),
    ("Who had an average of 15 or more kills per match while appearing in four or more matches?",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id "
     "HAVING COUNT(*) >= 4 AND AVG(mp.kills) >= 15"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round36(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question", ["배그 토너먼트 두 개 다 나간 팀", "선수 세 명 이상인 팀"])
def test_a_number_and_its_counter_are_no_name(world, question):
    """"두 개" (t-k) is no nickname said by its sound ("Tucka")."""
    from nl2sql.linking import link

    _, _, catalog = world
    assert [m.value for m in link(question, catalog).mentions if m.type == "player"] == []


@pytest.mark.parametrize("question", ["how do I register my child's team?", "저희 아이 팀 등록은 어떻게 하나요?"])
def test_a_procedure_about_the_askers_child_is_still_refused(world, question):
    from kernel.errors import InputError
    from nl2sql.engine import answer

    url, _, _ = world
    with pytest.raises(InputError):
        answer(question, url)
