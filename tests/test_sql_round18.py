"""Round 18 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world
from tests.test_sql_round8 import _ask

# A Valorant cup, a League split (so the Korean 롤 names a game here too) and a car-football exhibition whose
# "kills" are demolitions; a Hangul team, a team without a region.
ROWS18 = {
    "tournaments": [(1, "Harbor Lights Cup 2025", "Valorant", "2025-04-05", "2025-04-06"),
                    (2, "Orchard Split 2025", "League of Legends", "2025-09-06", "2025-09-07"),
                    (3, "Kettle Rally 2026", "Rocket League", "2026-01-10", "2026-01-10"),
                    (4, "Harbor Lights Cup 2026", "Valorant", "2026-03-07", "2026-03-07")],
    "teams": [(1, "Copper Foxes", "EU"), (2, "Ivory Gulls", "NA"), (3, "목포 등대", "KR"), (4, "Moss Giants", None)],
    "players": [(1, "Tarn", 1, "duelist"), (2, "Wick", 1, "sentinel"), (3, "Brine", 2, "duelist"), (4, "Fable", 2, "sentinel"),
                (5, "갈매기", 3, "support"), (6, "Rook", 3, "adc"), (7, "Pebble", 4, "striker"), (8, "Ash", 4, "keeper")],
    "matches": [(1, 1, "2025-04-05 14:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-04-05 17:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-04-06 18:00:00", "final", "Haven", "versus"),
                (4, 2, "2025-09-06 15:00:00", "group", None, "versus"),
                (5, 3, "2026-01-10 12:00:00", None, "Mannfield", "versus"),
                (6, 3, "2026-01-10 13:00:00", None, "Mannfield", "versus"),
                (7, 4, "2026-03-07 15:00:00", "final", "Lotus", "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 11, 55), (2, 2, 1, 13, 58), (2, 1, 2, 4, 40),
                    (3, 1, 1, 14, 66), (3, 2, 2, 12, 63), (4, 3, 1, 2, 30), (4, 4, 2, 1, 22),
                    (5, 4, 1, 3, 4), (5, 3, 2, 1, 2), (6, 3, 1, 2, 5), (6, 4, 2, 0, 3), (7, 3, 1, 13, 50), (7, 1, 2, 9, 41)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 31, 20, 4, 5000), (1, 2, 29, 25, 5, 4000), (1, 3, 30, 30, 6, 4500), (1, 4, 25, 30, 7, 3000),
                      (2, 1, 18, 30, 5, 3000), (2, 2, 22, 28, 8, 3500), (2, 3, 28, 20, 3, 5500), (2, 4, 30, 20, 9, 4200),
                      (3, 1, 34, 30, 4, 6000), (3, 2, 32, 31, 6, 5000), (3, 3, 33, 32, 3, 5200), (3, 4, 30, 34, 5, 4100),
                      (4, 5, 3, 9, 25, 9000), (4, 6, 27, 5, 6, 30000), (4, 7, 12, 14, 10, 20000), (4, 8, 10, 16, 12, 15000),
                      (5, 7, 3, 1, 1, None), (5, 8, 1, 0, 2, None), (5, 5, 1, 2, 0, None), (5, 6, 1, 2, 1, None),
                      (6, 5, 3, 2, 1, None), (6, 6, 2, 1, 0, None), (6, 7, 2, 3, 1, None), (6, 8, 1, 2, 2, None),
                      (7, 5, 26, 20, 5, 4000), (7, 6, 24, 19, 3, 3900), (7, 1, 21, 25, 2, 3800), (7, 2, 20, 26, 4, 3000)],
}


@pytest.fixture(scope="module")
def world18(tmp_path_factory):
    return _world(tmp_path_factory, "irdb18", ROWS18)


TOP_KILLER_VALO = ("SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id "
                   "JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant' GROUP BY p.id ORDER BY SUM(mp.kills) DESC LIMIT 1")
NON_DUELISTS = ("SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id "
                "WHERE m.tournament_id = 1 AND p.role <> 'duelist' GROUP BY p.id ORDER BY SUM(mp.kills) DESC LIMIT 1")
RALLY_DEMOS = "SELECT SUM(mt.kills) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 3"
LATEST_START = "SELECT name FROM tournaments WHERE start_date = (SELECT MAX(start_date) FROM tournaments)"
CUP_KILLS = ("SELECT p.nickname, SUM(mp.kills) AS k FROM match_players mp JOIN players p ON p.id = mp.player_id "
             "JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id = 1 GROUP BY p.id")
SECOND_IN_KILLS = f"SELECT nickname FROM ({CUP_KILLS}) WHERE k = (SELECT DISTINCT k FROM ({CUP_KILLS}) ORDER BY k DESC LIMIT 1 OFFSET 1)"
THIRD_IN_KILLS = f"SELECT nickname FROM ({CUP_KILLS}) WHERE k = (SELECT DISTINCT k FROM ({CUP_KILLS}) ORDER BY k DESC LIMIT 1 OFFSET 2)"
PER_REGION = "SELECT region, COUNT(*) FROM teams GROUP BY region"
BOTH_CUPS = ("SELECT name FROM teams WHERE id IN (SELECT mt.team_id FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
             "WHERE m.tournament_id = 1) AND id IN (SELECT mt.team_id FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
             "WHERE m.tournament_id = 4)")
EARLIEST_START = "SELECT name FROM tournaments WHERE start_date = (SELECT MIN(start_date) FROM tournaments)"
CLOSE_MAPS = ("SELECT COUNT(*) FROM matches m JOIN match_teams l ON l.match_id = m.id AND l.placement = 2 "
              "WHERE m.tournament_id = 1 AND l.score >= 11")
NEVER_30 = ("SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id JOIN matches m ON m.id = mp.match_id "
            "WHERE m.tournament_id = 1 GROUP BY p.id HAVING MAX(mp.kills) < 30")

ROUND18 = [
    # casual superlatives: "the goat", 베스트
    ("the goat by kills", "who is the valo goat for kills overall", TOP_KILLER_VALO),
    ("베스트 by kills", "발로 킬 베스트 선수 누구임", TOP_KILLER_VALO),
    # "anyone" in a single-match extreme: a player's own row, not a team's
    ("anyone in one map", "highest kills anyone had in one valorant map",
     "SELECT MAX(kills) FROM match_players WHERE match_id IN (1, 2, 3, 7)"),
    ("anybody in one map", "most assists anybody got in a single map at harbor lights cup 2025",
     "SELECT MAX(assists) FROM match_players WHERE match_id IN (1, 2, 3)"),
    # a player's or a team's attribute said with a negation excludes that value
    ("not a role", "top fragger at the harbor lights cup 2025 who isn't a duelist", NON_DUELISTS),
    ("not a role, Korean", "Harbor Lights Cup 2025에서 듀얼리스트 아닌 선수 중 킬 1위", NON_DUELISTS),
    ("doesn't play a role", "harbor lights cup 2025 kills leader, players who don't play duelist", NON_DUELISTS),
    ("not a region", "how many non-EU teams are there", "SELECT COUNT(*) FROM teams WHERE region <> 'EU'"),
    ("besides a region, Korean", "유럽 팀 말고 팀 몇 개 있어", "SELECT COUNT(*) FROM teams WHERE region <> 'EU'"),
    # Konglish 롤 = role, not League of Legends, beside a role or before 맡은
    ("롤 = role", "sentinel 롤 맡은 선수 몇 명이야", "SELECT COUNT(*) FROM players WHERE role = 'sentinel'"),
    ("롤 = role after a Korean role", "서포터 롤 하는 선수 몇 명", "SELECT COUNT(*) FROM players WHERE role = 'support'"),
    # a game's own word for a statistic (demolitions are the kills), counted as "몇 번 나왔어" = its total
    ("데모 = kills, total", "kettle rally 데모 몇 번 나왔어?", RALLY_DEMOS),
    ("demos total", "how many demos were there at kettle rally in total", RALLY_DEMOS),
    # a tournament's own dates at their extreme
    ("latest start, Korean", "가장 최근에 시작한 대회 뭐야", LATEST_START),
    ("most recent event", "what's the newest tournament in here", LATEST_START),
    ("first to start", "which event started first", EARLIEST_START),
    ("last to end", "which tournament ended last", "SELECT name FROM tournaments WHERE end_date = (SELECT MAX(end_date) FROM tournaments)"),
    # a bound between a number and its unit: "11 or more rounds" of the losing side
    ("loser's rounds with a bound", "how many maps at the harbor lights cup 2025 did the losing team still get 11 or more rounds", CLOSE_MAPS),
    ("loser's rounds with a plus", "harbor lights cup 2025 maps where the loser took 11+ rounds, how many", CLOSE_MAPS),
    # "never N+ in a single map": took part, and no row at the threshold
    ("never N+ in one map", "players at the harbor lights cup 2025 who never hit 30+ kills on one map", NEVER_30),
    ("never N+ in one map, Korean", "Harbor Lights Cup 2025에서 한 맵 30킬 이상 한 번도 못 한 선수", NEVER_30),
    # an ordinal place in a ranking of totals, ties sharing the place
    ("second in kills", "who's second in total kills at the harbor lights cup 2025", SECOND_IN_KILLS),
    ("third, ties listed", "3rd most kills at harbor lights cup 2025? if tied list them all", THIRD_IN_KILLS),
    ("킬 2위", "Harbor Lights Cup 2025 킬 2위 선수 누구야", SECOND_IN_KILLS),
    ("두 번째로 많은", "Harbor Lights Cup 2025에서 두 번째로 킬 많은 선수", SECOND_IN_KILLS),
    # scorelines in an aside explain "went the distance"; they do not replace it
    ("full series with an aside", "count the league series that went to a decider (2-1 or 3-2)", "SELECT 1"),
    ("풀세트 with an aside", "롤 시리즈 중 풀세트(2-1이나 3-2)로 끝난 거 몇 개", "SELECT 1"),
    # one series named once with two years: that series' edition of each year
    ("both editions", "which teams played both harbor lights cups (2025 and 2026)", BOTH_CUPS),
    ("both editions, Korean", "2025년이랑 2026년 Harbor Lights Cup 둘 다 나온 팀", BOTH_CUPS),
]


@pytest.mark.parametrize("name,question,gold", ROUND18, ids=[c[0] for c in ROUND18])
def test_round18(world18, name, question, gold):
    _, path, _ = world18
    reading, sql, rows = _ask(world18, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


@pytest.mark.parametrize("question", [
    "how many teams in each region, including the ones with no region",
    "지역별 팀 수 알려줘, 지역 없는 팀도 포함해서",
])
def test_a_missing_value_counted_too_is_one_more_group(world18, question):
    """"X 없는 것도 같이": the teams without a region are one more group, not the only one."""
    import sqlite3

    from nl2sql.ir import compile_sql
    from nl2sql.linking import link
    from nl2sql.parse import parse
    from tests.test_sql_ir import TODAY

    _, path, catalog = world18
    sql = compile_sql(parse(question, link(question, catalog, TODAY), TODAY).ir)
    con = sqlite3.connect(path)
    try:
        got = sorted(con.execute(sql).fetchall(), key=repr)
        want = sorted(con.execute(PER_REGION).fetchall(), key=repr)
    finally:
        con.close()
    assert got == want, (question, sql)


@pytest.mark.parametrize("wrapped,core", [
    ("gg go next... count of maps that ended 13-4", "count of maps that ended 13-4"),
    ("ggwp, who won the final", "who won the final"),
    ("bruh how many teams are there", "how many teams are there"),
])
def test_gamer_chat_before_the_question_is_taken_off(wrapped, core):
    from nl2sql.unwrap import core_question

    assert core_question(wrapped) == core


def test_gamer_chat_opener_is_no_procedure(world18):
    """"next" in the gamer sign-off is chat, not a question about the next match: the question is answered."""
    from nl2sql.engine import answer

    url, path, _ = world18
    result = answer("gg go next, count the valorant maps that ended 13-4", url)
    assert [tuple(r) for r in result.rows] == [(1,)], result.sql
