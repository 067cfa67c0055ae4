"""Round 32 (sql-fresh29 analysed): an organiser's and a forum fan's ways of asking, in a small world of its own.

- The refusal gate: the organisers speak of their own events and books ("at our events", "on our books", "our <region>
  teams", "stored in the system", "the most we've seen"); "i.e." is no "I"; a short heading before a colon ("Fun fact:") is
  taken off like a context clause.
- Missing values: a player whose team is not assigned ("소속팀 지정 안 된"), a statistic's own cell left blank (damage,
  team kills: the rows counted or listed, not the statistic summed), matches with a blank stage listed with the columns
  asked.
- Linking: a Hangul team name of two words said by the first syllable of each ("초번" for 초록 번개); the player who sat
  out ("Y 대신") is no condition.
- Wordings: rounds one side won is its score; "over a whole map" is one match; "each calendar year", "year on year"
  group by year; the first-placed side listed beside a match is its winner column.
- Sets: "without dropping a single series" is unbeaten; "only in X, never in another game"; a closing "Which team?";
  chat sobs ("ㅠㅠ") inside the sentence.
- Head to head: the latest side to beat X (or to win in a scope) with the columns asked; "A가 B 이긴 경기 언제 어느 맵"
  is A's wins only.
- A playoff stage "onward" ("4강부터"); the most top-N placings, ties kept; the widest margin with both scores; the
  first and last match dates per group; a named side taking at least one map of a series; the longest (shortest) match
  by the rounds of both sides; a won row whose own kills pass a number, listed with the columns asked or counted; one
  measure per team in two named tournaments compared ("improved from A to B", "A보다 B에서 더 높은").
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Lantern Bay Cup 2025", "Valorant", "2025-06-01", "2025-06-10"),
                    (2, "Dune Drop 2025", "PUBG", "2025-08-01", "2025-08-02"),
                    (3, "Quarry Clash 2026", "Overwatch 2", "2026-01-10", None)],
    "teams": [(1, "초록 번개", "KR"), (2, "Copper Herons", "NA"), (3, "Slate Foxes", "EU"), (4, "Vireo Club", "EU")],
    "players": [(1, "Moss", 1, "duelist"), (2, "Pike", 1, None), (3, "Wren", 2, "support"), (4, "Rook", 2, "duelist"),
                (5, "Sable", 3, "support"), (6, "Tern", 3, "duelist"), (7, "Drifter", None, "duelist")],
    "matches": [(1, 1, "2025-06-01 15:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-06-02 15:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-06-08 15:00:00", "quarterfinal", "Haven", "versus"),
                (4, 1, "2025-06-09 15:00:00", "semifinal", "Ascent", "versus"),
                (5, 1, "2025-06-10 15:00:00", "final", "Bind", "versus"),
                (6, 2, "2025-08-01 14:00:00", "group", "Erangel", "ranking"),
                (7, 2, "2025-08-01 16:00:00", None, "Miramar", "ranking"),
                (8, 2, "2025-08-02 14:00:00", "final", "Erangel", "ranking"),
                (9, 3, "2026-01-10 15:00:00", "group", None, "versus"),
                (10, 3, "2026-01-11 15:00:00", "final", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 7, 41), (2, 2, 1, 13, 70), (2, 3, 2, 11, 66),
                    (3, 3, 1, 13, 58), (3, 1, 2, 9, 47), (4, 1, 1, 13, 55), (4, 3, 2, 2, 30),
                    (5, 2, 1, 14, 75), (5, 1, 2, 12, 71),
                    (6, 2, 1, 15, 4), (6, 3, 2, 9, 6), (6, 1, 3, 5, 2), (7, 3, 1, 14, 8), (7, 1, 2, 8, 3), (7, 2, 3, 6, 2),
                    (8, 3, 1, 16, 9), (8, 2, 2, 7, 3), (8, 1, 3, 4, 1),
                    (9, 3, 1, 3, None), (9, 1, 2, 2, None), (10, 3, 1, 3, None), (10, 4, 2, 0, None)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 25, 10, 3, 4200), (1, 3, 14, 15, 6, 2500), (1, 4, 19, 14, 2, 3300),
                      (2, 3, 21, 12, 5, None), (2, 4, 22, 13, 4, 3600), (2, 5, 18, 15, 7, 3000), (2, 6, 20, 16, 3, 3400),
                      (3, 2, 17, 16, 4, 3000), (3, 5, 24, 11, 6, 4100), (3, 6, 15, 12, 5, 2700),
                      (4, 1, 23, 5, 4, 3900), (4, 5, 9, 14, 2, 1700), (4, 6, 11, 13, 1, 2000),
                      (5, 2, 26, 18, 5, 4500), (5, 3, 27, 17, 8, 4600), (5, 4, 24, 19, 6, 4300)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round32db", ROWS)


MP_GAME = ("FROM match_players mp JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id "
           "JOIN tournaments tr ON tr.id = m.tournament_id")
CASES = [
    # the refusal gate: the organisers' own events and books
    ("How many matches were played at our events in 2025?", "SELECT 8"),
    ("Show our EU-region teams.", "SELECT name FROM teams WHERE region = 'EU'"),
    ("Number of support players in our records?", "SELECT COUNT(*) FROM players WHERE role = 'support'"),
    ("How many matches has Quarry Clash 2026 stored in the system?", "SELECT 2"),
    ("Fun fact: which map came up most in Valorant?", "SELECT 'Ascent' UNION SELECT 'Bind'"),
    ("Count Overwatch 2 series i.e. the ones that finished 3-2.", "SELECT 1"),
    # missing values
    ("팀 배정이 안 된 선수 닉네임 알려줘", "SELECT 'Drifter'"),
    ("which players have no team assigned?", "SELECT 'Drifter'"),
    ("데미지가 누락된 경기 일시랑 맵", "SELECT '2025-06-02 15:00:00', 'Bind'"),
    ("games where a player's damage is missing: when and which map", "SELECT '2025-06-02 15:00:00', 'Bind'"),
    ("스테이지가 비어 있는 경기 대회명이랑 일시", "SELECT 'Dune Drop 2025', '2025-08-01 16:00:00'"),
    ("팀 킬이 비어 있는 경기 대회별로 몇 경기?", "SELECT 'Quarry Clash 2026', 2"),
    # a Hangul team by its initials; the player who sat out
    ("초번 선수 누구누구?", "SELECT 'Moss' UNION SELECT 'Pike'"),
    ("초번 Lantern Bay Cup 2025 몇승 몇패?", "SELECT 2, 2"),
    ("Pike 뛴 경기에서 초록 번개 몇승 몇패? Moss 대신 나온 판들", "SELECT 0, 2"),
    # wordings
    ("the most rounds any squad won in one Valorant map?", "SELECT 14"),
    ("fewest deaths by anybody over a whole Valorant map, who and how many?", "SELECT 'Moss', 5"),
    ("year on year: matches per calendar year", "SELECT '2025', 8 UNION SELECT '2026', 2"),
    ("2025년 8월 1일 경기들 맵이랑 1위 팀 시간순으로", "SELECT 'Erangel', 'Copper Herons' UNION SELECT 'Miramar', 'Slate Foxes'"),
    ("games of August 1 2025: the map and the first-placed squad, oldest first",
     "SELECT 'Erangel', 'Copper Herons' UNION SELECT 'Miramar', 'Slate Foxes'"),
    # sets
    ("Did someone finish Quarry Clash 2026 without dropping a single series? Which team?", "SELECT 'Slate Foxes'"),
    ("teams that went through Quarry Clash 2026 without winning one series", "SELECT 'Vireo Club' UNION SELECT '초록 번개'"),
    ("Teams that played only in Overwatch 2, no other title?", "SELECT 'Vireo Club'"),
    ("배그에서 한 번도 치킨 못 먹은 팀 ㅠㅠ 어디임", "SELECT '초록 번개'"),
    # head to head: the latest winner, one side's wins with date and map
    ("Which squad was the last one to beat 초록 번개 in Valorant? on which map?", "SELECT 'Copper Herons', 'Bind'"),
    ("who beat 초록 번개 most recently?", "SELECT 'Slate Foxes'"),
    ("초록 번개를 마지막으로 이긴 팀은?", "SELECT 'Slate Foxes'"),
    ("Latest squad to take a PUBG game on Erangel, with its points?", "SELECT 'Slate Foxes', 16"),
    ("Slate Foxes가 초록 번개 이긴 경기 언제 어느 맵?",
     "SELECT '2025-06-08 15:00:00', 'Haven' UNION SELECT '2026-01-10 15:00:00', NULL"),
    ("When did Slate Foxes beat 초록 번개?", "SELECT '2025-06-08 15:00:00' UNION SELECT '2026-01-10 15:00:00'"),
    # stages onward, top-N placings, margins, first and last dates, a map taken
    ("Valorant matches from the semifinals onward", "SELECT '2025-06-09 15:00:00' UNION SELECT '2025-06-10 15:00:00'"),
    ("발로 4강부터 경기 몇 개?", "SELECT 2"),
    ("Biggest blowout in Valorant from the quarterfinals on - score, and who beat whom?",
     "SELECT '초록 번개', 'Slate Foxes', 13, 2"),
    ("In PUBG, the squad with the most top-2 placings?", "SELECT 'Slate Foxes', 3"),
    ("first and last match date for each tournament",
     "SELECT tr.name, MIN(m.played_at), MAX(m.played_at) FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id "
     "GROUP BY tr.id"),
    ("대회별로 첫 경기랑 마지막 경기 날짜",
     "SELECT tr.name, MIN(m.played_at), MAX(m.played_at) FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id "
     "GROUP BY tr.id"),
    # a match's length in rounds, both sides added; a won row with its own kills under a number
    ("longest match in Valorant, total rounds of both sides: date and map", "SELECT '2025-06-10 15:00:00', 'Bind'"),
    ("양 팀 라운드 합계로 가장 짧은 발로 경기 날짜랑 맵", "SELECT '2025-06-09 15:00:00', 'Ascent'"),
    ("any PUBG chicken dinners won on fewer than 3 kills? list team, map and kills",
     "SELECT 'Copper Herons', 'Erangel', 4 WHERE 0 UNION SELECT t.name, m.map, mt.kills FROM match_teams mt "
     "JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id WHERE mt.placement = 1 AND m.format = 'ranking' "
     "AND mt.kills < 3"),
    ("배그 5킬 미만으로 치킨 먹은 팀이랑 맵", "SELECT 'Copper Herons', 'Erangel'"),
    ("how many PUBG chicken dinners came with at least 7 kills?", "SELECT 2"),
    # one measure per team in two named tournaments
    ("which teams had a higher average score at Dune Drop 2025 than at Lantern Bay Cup 2025?", "SELECT 'Slate Foxes'"),
    ("Lantern Bay Cup 2025보다 Dune Drop 2025에서 평균 점수가 더 높은 팀", "SELECT 'Slate Foxes'"),
    ("teams whose average placement improved from Lantern Bay Cup 2025 to Dune Drop 2025", "SELECT 'Slate Foxes'"),
    ("초록 번개가 오버워치 2에서 세트 하나라도 가져간 경기 몇 개", "SELECT 1"),
    ("초록 번개: Overwatch 2 series where they took at least one map, how many?", "SELECT 1"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round32(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


def test_initials_need_one_team(world):
    """Initials link only when the first syllables of one team's words give them."""
    from nl2sql.linking import link

    _, _, catalog = world
    assert [m.value for m in link("초번 킬 합계", catalog).mentions if m.type == "team"] == ["초록 번개"]
    assert not [m for m in link("초록 킬 합계", catalog).mentions if m.type == "team" and m.value != "초록 번개"]


@pytest.mark.parametrize("question", ["How do we register our team for the next cup?", "Can I change our roster in the system?"])
def test_procedures_still_refused(world, question):
    """The organisers' own records are no procedure; a how-to about the asker's own team still is."""
    from kernel.errors import InputError
    from nl2sql.engine import answer

    url, _, _ = world
    with pytest.raises(InputError):
        answer(question, url)
