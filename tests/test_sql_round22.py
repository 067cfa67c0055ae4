"""Round 22 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded, except in the last test (the whole
answer path, for a request wrapper).
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world
from tests.test_sql_round8 import _ask
from tests.test_sql_round21 import ROWS21

# Round 21's world (two PUBG royales, a League event of Bo3 series without maps) with a Counter-Strike event recorded one
# row per map (one map left without its name) and a player whose nickname carries an accent.
ROWS22 = {
    **ROWS21,
    "tournaments": ROWS21["tournaments"] + [(4, "Harbor Strike 2026", "Counter-Strike 2", "2026-03-14", "2026-03-15")],
    "players": ROWS21["players"] + [(10, "Zoé.K", 3, "igl")],
    "matches": ROWS21["matches"] + [(10, 4, "2026-03-14 12:00:00", "group", "Mirage", "versus"),
                                    (11, 4, "2026-03-14 15:00:00", "group", None, "versus"),
                                    (12, 4, "2026-03-14 18:00:00", "group", "Inferno", "versus"),
                                    (13, 4, "2026-03-15 17:00:00", "final", "Mirage", "versus")],
    "match_teams": ROWS21["match_teams"] + [(10, 1, 1, 13, 20), (10, 3, 2, 7, 12), (11, 2, 1, 13, 18), (11, 4, 2, 10, 15),
                                            (12, 1, 1, 13, 22), (12, 2, 2, 5, 10), (13, 1, 1, 13, 25), (13, 2, 2, 11, 21)],
}


@pytest.fixture(scope="module")
def world22(tmp_path_factory):
    return _world(tmp_path_factory, "irdb22", ROWS22)


OVER_40 = "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id HAVING SUM(mp.kills) > 40"
PINECREST_ASSISTS_TOP = ("SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id "
                         "WHERE m.tournament_id = 3 GROUP BY p.id ORDER BY SUM(mp.assists) DESC LIMIT 1")
TEAMS_PER_GAME = ("SELECT tr.game, COUNT(DISTINCT mt.team_id) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                  "JOIN tournaments tr ON tr.id = m.tournament_id GROUP BY tr.game")
BOTH_YEARS = ("SELECT COUNT(*) FROM (SELECT mp.player_id FROM match_players mp JOIN matches m ON m.id = mp.match_id GROUP BY mp.player_id "
              "HAVING SUM(m.played_at < '2026-01-01') > 0 AND SUM(m.played_at >= '2026-01-01') > 0)")
CHAMPION_ASSISTS = ("SELECT p.nickname, SUM(mp.assists) FROM match_players mp JOIN players p ON p.id = mp.player_id "
                    "JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 3 AND p.team_id = 1 GROUP BY p.id")

ROUND22 = [
    # a Latin name typed without its accent (and its dot as a space)
    ("name without its accent", "which squad does zoe k belong to", "SELECT 'Copper Owls'"),
    ("name without its accent, Korean", "zoe.k 포지션 뭐야", "SELECT 'igl'"),
    # "every X who/with <threshold>": those that pass, not a breakdown of all; "added up over all their games" is a total
    ("every X who has more than N", "every player who has over 40 kills", OVER_40),
    ("added up over all their games", "players with more than 40 kills added up over all their games", OVER_40),
    ("모든 경기 합쳐서", "모든 경기 합쳐서 40킬 넘는 선수", OVER_40),
    # "in all their games" with no total said: each row's, not the matches as the answer
    ("in all their games", "players with 2 or more kills in all their games",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id HAVING MIN(mp.kills) >= 2"),
    # a superlative said as a verb or a noun ("topped", "led", "leader"); "min N maps" is a sample, not a minimum
    ("topped the chart", "who topped the assists chart at Pinecrest Series 2025", PINECREST_ASSISTS_TOP),
    ("stat leader", "assists leader, pinecrest series 2025", PINECREST_ASSISTS_TOP),
    ("topped the standings", "who topped the Lantern Royale 2026 standings", "SELECT 'Falcon Arrows'"),
    ("leader with a minimum sample", "kd leader, min 3 games",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id HAVING COUNT(*) >= 3 "
     "ORDER BY 1.0 * SUM(mp.kills) / MAX(SUM(mp.deaths), 1) DESC LIMIT 1"),
    # a number word before who is ranked: "the two players with the most …"
    ("number word top-n", "the two players with the most damage",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id ORDER BY SUM(mp.damage) DESC LIMIT 2"),
    # "every <kind> <in the database>" with nothing measured: all of them
    ("every X, nothing measured", "every european team here", "SELECT name FROM teams WHERE region = 'EU'"),
    # "each game title": the game, not each match
    ("each game title", "count of sides that competed, per game title", TEAMS_PER_GAME),
    # the values of a column listed: a row left blank is no map
    ("list of maps without the blank", "which maps were played at Harbor Strike 2026",
     "SELECT DISTINCT map FROM matches WHERE tournament_id = 4 AND map IS NOT NULL"),
    # maps counted on a day, no game named: every row of a per-map game, one left without its name too
    ("maps on a day", "how many maps were played on march 14, 2026", "SELECT 3"),
    # how often a side ended a game with none of a statistic: its rows so, counted
    ("how often with zero", "how often did a squad finish a pubg game with 0 kills",
     "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id IN (1, 2) AND mt.kills = 0"),
    ("how many times, in a match", "how many times did a player get 15 or more kills in a match",
     "SELECT COUNT(*) FROM match_players WHERE kills >= 15"),
    ("킬 0 경우 몇 번", "배그에서 팀 킬 0 기록한 경우 몇 번이야",
     "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id IN (1, 2) AND mt.kills = 0"),
    # a second column asked with 랑/하고 beside the winners of a list
    ("이긴 팀이랑 맵", "2026년 3월 15일 경기 이긴 팀이랑 맵 뽑아줘",
     "SELECT t.name, m.map FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id "
     "WHERE m.played_at LIKE '2026-03-15%' AND mt.placement = 1"),
    # a player (by role) of the team that won a tournament
    ("role on the champion", "who is the igl on the team that won Pinecrest Series 2025", "SELECT 'Quill'"),
    # whoever won a tournament's final, their players' totals over the whole tournament
    ("whoever won the final", "for whoever won the Pinecrest Series 2025 final, each of their players with total assists over the whole event",
     CHAMPION_ASSISTS),
    # "once in A and once again in B": present in both
    ("once in each", "count the players that played at least once in 2025 and once again in 2026", BOTH_YEARS),
    # a threshold inside one unit: the key's best unit passes, one row per key
    ("threshold in one tournament", "which squads won 2 or more chicken dinners within one tournament",
     "SELECT 1 WHERE 0"),
    ("한 대회에서 N번 이상", "한 대회에서 치킨 1번 이상 먹은 스쿼드", "SELECT name FROM teams WHERE id IN (1, 2, 4)"),
    # the winner of the match named by its place in time
    ("who won the first game of a day", "who won the first game on september 6, 2025", "SELECT 'Falcon Arrows'"),
    ("the last match, who won it", "the last match on september 6 2025, who won it?", "SELECT 'Copper Owls'"),
    ("첫 경기 이긴 팀", "2025년 9월 6일 첫 경기 이긴 팀", "SELECT 'Falcon Arrows'"),
    # sets of a game recorded one row per series: both sides' scores added
    ("sets played", "how many sets were played in league of legends", "SELECT 12"),
    ("세트 몇 판", "롤 세트 다 합쳐서 몇 판이야", "SELECT 12"),
]


@pytest.mark.parametrize("name,question,gold", ROUND22, ids=[c[0] for c in ROUND22])
def test_round22(world22, name, question, gold):
    _, path, _ = world22
    reading, sql, rows = _ask(world22, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


@pytest.mark.parametrize("question", [
    "We're building a mid-season roundup: which players have more than 40 kills overall?",
    "I'm compiling a post-match thread - every player who has over 40 kills",
])
def test_a_context_clause_with_a_hyphenated_word_is_taken_off(world22, question):
    """"a mid-season roundup:": a hyphen inside a word does not end the context clause before the question."""
    from nl2sql.engine import answer

    url, path, _ = world22
    result = answer(question, url)
    assert _covers([tuple(r) for r in result.rows], _rows(path, OVER_40)), (question, result.sql)
