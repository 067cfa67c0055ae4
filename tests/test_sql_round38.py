"""Round 38 (sql-fresh32 analysed: a referee checking results, a streamer reading chat aloud, a club president in
해요체 and a team manager's weekly report).

- A request closing with "알려줄 수 있어요?" / "보여줄 수 있나요?" is no procedure of the asker's own.
- An English column word in Korean text beside a roster ("명단 … role도"); "I need <columns>" after the question is no
  procedure (the columns it lists are not read yet).
- A question begun again after "wait" (the words before it dropped); a number taken back ("make it N").
- "timestamp" is a match's time; two whole years said together are both years (a gap between them left out), also
  beside "대비" when the answer is broken down per year or per tournament.
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
                    (3, "Cedar Valley Open 2025", "Valorant", "2025-03-07", "2025-03-16")],
    "teams": [(1, "Birch Wolves", "EU"), (2, "Night Otters", "NA"), (3, "별빛 고래", "KR"), (4, "Tin Falcons", "KR")],
    "players": [(1, "Quill", 1, "duelist"), (2, "Marten", 1, "sentinel"), (3, "Sorrel", 2, "duelist"),
                (4, "Ferra", 2, None), (5, "고래밥", 3, "controller"), (6, "Wick", 4, "initiator"), (7, "Lone", None, None)],
    # 2023-03-04 and 2024-03-02 and 2025-03-08 are Saturdays; 2025-03-09 a Sunday
    "matches": [(1, 1, "2023-03-04 20:00:00", "group", "Ascent", "versus"),
                (2, 1, "2023-03-06 15:00:00", "final", "Bind", "versus"),
                (3, 2, "2024-03-02 18:00:00", "group", "Haven", "versus"),
                (4, 2, "2024-03-05 21:00:00", "final", "Ascent", "versus"),
                (5, 3, "2025-03-08 14:00:00", "group", "Lotus", "versus"),
                (6, 3, "2025-03-09 20:30:00", "final", "Bind", "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 8, 44), (2, 1, 1, 13, 58), (2, 3, 2, 11, 55),
                    (3, 3, 1, 13, 61), (3, 2, 2, 6, 39), (4, 3, 1, 13, 57), (4, 1, 2, 10, 52),
                    (5, 2, 1, 13, 50), (5, 4, 2, 9, 47), (6, 1, 1, 13, 63), (6, 2, 2, 12, 60)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 31, 12, 4, 5200), (1, 2, 29, 14, 8, 4700), (1, 3, 22, 15, 5, 3900), (1, 4, 22, 16, 3, None),
                      (2, 1, 30, 15, 2, 5000), (2, 2, 28, 16, 5, 4400), (2, 5, 55, 20, 6, 9000),
                      (3, 5, 61, 18, 7, 9900), (3, 3, 20, 19, 9, 3600), (3, 4, 19, 21, 4, 3100),
                      (4, 5, 57, 22, 4, 9300), (4, 1, 27, 20, 3, 4800), (4, 2, 25, 21, 2, 4100),
                      (5, 3, 26, 14, 6, 4600), (5, 4, 24, 15, 5, 4300), (5, 6, 47, 25, 3, 7700),
                      (6, 1, 33, 19, 5, 5600), (6, 2, 30, 20, 6, 5100), (6, 3, 31, 21, 7, 5300), (6, 4, 29, 22, 4, 4900)],
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
    ("Who had 50 or more kills in one match? I need names and kills.",
     "SELECT DISTINCT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id WHERE mp.kills >= 50"),
    # a question begun again; a number taken back
    ("what region is Tin Falcons from - wait, never mind that one, so which team does Quill play for",
     "SELECT name FROM teams WHERE id = 1"),
    ("players averaging above forty kills a match - no wait, way too high, make it over 28 kills per match. names please",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id HAVING AVG(mp.kills) > 28"),
    ("teams with more than 3 wins, sorry, make that 1",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id WHERE mt.placement = 1 GROUP BY t.id "
     "HAVING COUNT(*) > 1"),
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
     "ON tr.id = m.tournament_id WHERE mt.team_id = 1 AND tr.id IN (1, 3) GROUP BY tr.id"),
    # a clock time is no scoreline; a weekend with its days
    ("밤 8시 넘어서(20:00도 들어감) 열린 경기 몇 개예요?", "SELECT COUNT(*) FROM matches WHERE substr(played_at, 12) >= '20:00:00'"),
    ("How many matches started at 20:00 or later?", "SELECT COUNT(*) FROM matches WHERE substr(played_at, 12) >= '20:00:00'"),
    ("one more: how many matches fell on the weekend, so saturday or sunday?",
     "SELECT COUNT(*) FROM matches WHERE strftime('%w', played_at) IN ('0', '6')"),
    ("주말(토/일)에 치른 경기 수", "SELECT COUNT(*) FROM matches WHERE strftime('%w', played_at) IN ('0', '6')"),
    # a breakdown opened with another verb
    ("Split the Cedar Valley Open 2025 matches by stage, with a count for each.",
     "SELECT stage, COUNT(*) FROM matches WHERE tournament_id = 3 GROUP BY stage"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round38(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


def test_corrections_said_aloud():
    from nl2sql.unwrap import _self_corrected

    assert _self_corrected("teams with over 5 wins - no wait, make it 8") == "teams with over 8 wins"
    assert _self_corrected("who got the most assists, wait, scrap that, so who got the most kills") \
        == "who got the most kills"
    # no correction: left as it is
    assert _self_corrected("how many matches did we wait for in 2025") == "how many matches did we wait for in 2025"
