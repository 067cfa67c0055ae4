"""Round 19 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded, except in the engine cases at the end.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world
from tests.test_sql_round8 import _ask

# A Valorant cup (versus, one row per map) and a battle-royale league (ranking); the team "Marlin Riders" shares its
# first word with the player Marlin (of another team); a signed player who never played.
ROWS19 = {
    "tournaments": [(1, "Cobalt Bay Cup 2025", "Valorant", "2025-05-03", "2025-05-04"),
                    (2, "Dune Royale 2025", "PUBG", "2025-08-02", "2025-08-03"),
                    (3, "Frost Peak Open 2026", "Valorant", "2026-02-07", "2026-02-08")],
    "teams": [(1, "Marlin Riders", "EU"), (2, "Quartz Owls", "NA"), (3, "부산 갈매기", "KR"), (4, "Tin Foxes", "BR")],
    "players": [(1, "Marlin", 2, "duelist"), (2, "Sprat", 1, "duelist"), (3, "Kelp", 1, "sentinel"),
                (4, "Quill", 2, "sentinel"), (5, "파도", 3, "igl"), (6, "Gull", 3, "scout"),
                (7, "Rust", 4, "igl"), (8, "Tinder", 4, "scout"), (9, "Benchwarm", 2, None)],
    "matches": [(1, 1, "2025-05-03 14:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-05-03 17:00:00", "group", "Ascent", "versus"),
                (3, 1, "2025-05-04 18:00:00", "final", "Bind", "versus"),
                (4, 2, "2025-08-02 15:00:00", "group", "Erangel", "ranking"),
                (5, 2, "2025-08-03 15:00:00", "final", "Miramar", "ranking"),
                (6, 3, "2026-02-07 15:00:00", "group", "Lotus", "versus"),
                (7, 3, "2026-02-08 15:00:00", "final", "Lotus", "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 9, 50), (2, 2, 1, 13, 58), (2, 1, 2, 11, 52),
                    (3, 1, 1, 13, 61), (3, 2, 2, 7, 40),
                    (4, 3, 1, 20, 10), (4, 4, 2, 12, 6), (5, 4, 1, 18, 8), (5, 3, 2, 9, 3),
                    (6, 2, 1, 13, 55), (6, 1, 2, 10, 49), (7, 2, 1, 14, 62), (7, 1, 2, 12, 60)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 2, 35, 20, 4, 5000), (1, 3, 25, 25, 5, 4000), (1, 1, 30, 30, 6, 4500), (1, 4, 20, 30, 7, 3000),
                      (2, 2, 27, 30, 5, 3000), (2, 3, 25, 28, 8, 3500), (2, 1, 33, 20, 3, 5500), (2, 4, 25, 20, 9, 4200),
                      (3, 2, 31, 20, 4, 6000), (3, 3, 30, 21, 6, 5000), (3, 1, 22, 32, 3, 5200), (3, 4, 18, 34, 5, 4100),
                      (4, 5, 6, 0, 2, 900), (4, 6, 4, 1, 1, 700), (4, 7, 3, 1, 0, 500), (4, 8, 3, 1, 1, 400),
                      (5, 5, 1, 1, 0, 300), (5, 6, 2, 1, 1, 350), (5, 7, 5, 0, 2, 800), (5, 8, 3, 1, 1, 600),
                      (6, 2, 25, 27, 4, 4000), (6, 3, 24, 28, 3, 3900), (6, 1, 29, 24, 2, 4800), (6, 4, 26, 25, 4, 4100),
                      (7, 2, 30, 31, 5, 5000), (7, 3, 30, 31, 4, 4900), (7, 1, 32, 30, 6, 5100), (7, 4, 30, 30, 2, 4700)],
}


@pytest.fixture(scope="module")
def world19(tmp_path_factory):
    return _world(tmp_path_factory, "irdb19", ROWS19)


RIDERS_KILLS_BY_MAP = ("SELECT m.map, SUM(mt.kills) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                       "WHERE mt.team_id = 1 GROUP BY m.map")
MAPS_REPEATED = "SELECT map FROM matches WHERE tournament_id = 1 GROUP BY map HAVING COUNT(*) > 1"
BETTER_THAN_1_5 = ("SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
                   "WHERE m.tournament_id = 2 GROUP BY t.id HAVING AVG(mt.placement) < 1.6")
NEVER_PLAYED = "SELECT nickname FROM players WHERE id NOT IN (SELECT player_id FROM match_players)"

ROUND19 = [
    # a player named like a word of a team's name, said beside the team's other word, is the team
    ("a team's first word is a player's name", "marlin riders kills split by map", RIDERS_KILLS_BY_MAP),
    ("the same, by map first", "total kills by map for the marlin riders", RIDERS_KILLS_BY_MAP),
    # how often, said with a word: "more than once", "at least twice", "N times"
    ("more than once", "maps that were picked more than once at cobalt bay cup 2025", MAPS_REPEATED),
    ("at least twice", "which maps came up at least twice in cobalt bay cup 2025", MAPS_REPEATED),
    ("N times", "maps played over 1 times in cobalt bay cup 2025", MAPS_REPEATED),
    # a placement is better the lower it is
    ("better average placement", "which squads had an average placement better than 1.6 at dune royale 2025", BETTER_THAN_1_5),
    ("worse average finish", "teams whose avg finish was worse than 1.4 at dune royale 2025",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.tournament_id = 2 GROUP BY t.id HAVING AVG(mt.placement) > 1.4"),
    ("placement better, Korean", "Dune Royale 2025 평균 순위 1.6보다 좋은 팀", BETTER_THAN_1_5),
    # native Korean words whose consonants spell a Latin name are no name
    ("기록이 하나도 없는", "경기 기록이 하나도 없는 선수 누구야", NEVER_PLAYED),
    # "who did X play against": the opponents of a named team
    ("who did X play against", "who did quartz owls play against in 2025", "SELECT 'Marlin Riders'"),
    ("who has X faced", "who has marlin riders faced at frost peak open 2026", "SELECT 'Quartz Owls'"),
    # one side's wins and losses against the other: "W-L", "win-loss", 승패, the possessive side first
    ("A vs B, B's W-L", "quartz owls vs marlin riders, whats marlins W-L in valorant", "SELECT 3, 2"),
    ("A vs B win-loss", "marlin riders vs quartz owls win-loss", "SELECT 3, 2"),
    ("B 상대로 A 승패", "quartz owls 상대로 marlin riders 승패", "SELECT 3, 2"),
    # two years beside a game's tournaments: one tournament of each year, no year filter on both sides
    ("<game> events of two years", "which players were at the valorant events of 2025 as well as 2026",
     "SELECT nickname FROM players WHERE id IN (1, 2, 3, 4)"),
    ("두 해 발로 대회 둘 다", "2025년이랑 2026년 발로란트 대회 둘 다 나온 팀", "SELECT name FROM teams WHERE id IN (1, 2)"),
    # a range of days across two months without "from"/"between"
    ("Mon D - Mon D, YYYY", "how many valorant maps were played May 3 - May 4, 2025", "SELECT 3"),
    ("Mon D to Mon D, YYYY", "matches played Jan 31 to Feb 7, 2026, how many", "SELECT 1"),
    # maps counted in each stage are the games played there
    ("maps per stage", "how many maps in each stage of cobalt bay cup 2025", "SELECT 'group', 2 UNION SELECT 'final', 1"),
    # scorelines joined by "or"
    ("two scorelines", "any valorant maps finishing 13-9 or 13-11? dates", "SELECT m.played_at FROM matches m WHERE m.id IN (1, 2)"),
    ("two scorelines, Korean", "발로란트 13대7이나 13대10으로 끝난 맵 몇 개", "SELECT 2"),
    ("two scorelines, both sides differ", "count valorant maps won 13-11 or 14-12", "SELECT 2"),
    # the columns asked as a list: "when + map"
    ("when + map", "valorant match where both sides together got the most kills - when + map?",
     "SELECT '2026-02-08 15:00:00', 'Lotus'"),
    # a game left out: "excluding X", "X 말고 Y만"
    ("excluding a game", "total kills excluding valorant", "SELECT 27"),
    ("X 말고 Y만", "부산 갈매기 킬 합계 몇이야? 발로란트 말고 pubg만", "SELECT 10 + 3"),
    ("Y, not X", "total kills in pubg, not valorant", "SELECT 27"),
    # a team defined by a clause: the champion of "the <year> <game> event", then its players ranked
    ("on the team that won the <year> <game> event", "who had the most kills on the team that won the 2025 valorant event",
     "SELECT 'Sprat'"),
    ("<year> <game> 대회 챔피언 팀 소속", "2025년 발로란트 대회 챔피언 팀 소속 선수 중 최다 킬", "SELECT 'Sprat'"),
    # the team first by one statistic, then another statistic of that team
    ("team with the most wins, its win rate", "valo squad with the most victories - and its win percentage?",
     "SELECT 'Quartz Owls', 60.0"),
    ("승수 1위 팀 승률", "발로란트 승수 1위 팀 승률", "SELECT 'Quartz Owls', 60.0"),
    ("team with the most kills, its average placement", "the squad with the most kills in pubg - its average placement?",
     "SELECT 'Tin Foxes', 1.5"),
]


@pytest.mark.parametrize("name,question,gold", ROUND19, ids=[c[0] for c in ROUND19])
def test_round19(world19, name, question, gold):
    _, path, _ = world19
    reading, sql, rows = _ask(world19, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


@pytest.mark.parametrize("question,core", [
    ("top fraggers at cobalt bay cup 2025, want it for our office pool", "top fraggers at cobalt bay cup 2025"),
    ("who won dune royale 2025? considering them for a parlay", "who won dune royale 2025?"),
    ("Sprat K/D? just deciding where my money goes.", "Sprat K/D?"),
    ("quartz owls wins in 2026 - gonna put them in my lineup", "quartz owls wins in 2026"),
    ("부산 갈매기 킬 몇 개야? 내기 참고하려고요", "부산 갈매기 킬 몇 개야?"),
    # what follows the question and asks for more is kept
    ("who won the final? when was it played", "who won the final? when was it played"),
    ("biggest win of 2025 - score and map?", "biggest win of 2025 - score and map?"),
    ("most kills at cobalt bay cup 2025, going into the final", "most kills at cobalt bay cup 2025, going into the final"),
])
def test_the_reason_for_asking_after_the_question_is_taken_off(question, core):
    from nl2sql.unwrap import core_question

    assert core_question(question) == core


@pytest.mark.parametrize("question,gold", [
    ("KDA for sprat? thinking of her for my duelist slot",
     "SELECT (SUM(kills) + SUM(assists)) * 1.0 / MAX(SUM(deaths), 1) FROM match_players WHERE player_id = 2"),
    ("each team's win rate at frost peak open 2026? trying to work out who looked sharp",
     "SELECT t.name, 100.0 * SUM(mt.placement = 1) / COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
     "JOIN matches m ON m.id = mt.match_id WHERE m.tournament_id = 3 GROUP BY t.id"),
])
def test_a_reason_after_the_question_is_no_refusal(world19, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world19
    result = answer(question, url)
    assert _covers([tuple(r) for r in result.rows], _rows(path, gold)), (question, result.sql)
