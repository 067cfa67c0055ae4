"""Round 10 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import TODAY, _covers, _rows, _world
from tests.test_sql_round8 import _ask
from nl2sql.linking import link

# A Valorant event and a mobile battle royale (the only royale title stored), a team whose name is two words joined by
# a dot, a team from a region whose code is an English word ("IN"), a Hangul team, a free agent without a role; one
# Valorant map was recorded without a stage.
ROWS10 = {
    "tournaments": [(1, "Lakeside Royale 2026", "Battlegrounds Mobile", "2026-02-07", "2026-02-08"),
                    (2, "Harbor Strike 2025", "Valorant", "2025-09-06", "2025-09-07")],
    "teams": [(1, "Monolith.GG", "KR"), (2, "Chennai Cobras", "IN"), (3, "Pine Owls", "EU"), (4, "부산 갈매기", "KR")],
    "players": [(1, "Quill", 1, "duelist"), (2, "Ember", 1, "controller"), (3, "Rook", 3, "duelist"), (4, "Sable", 3, "sentinel"),
                (5, "Tarun", 2, "igl"), (6, "Vikram", 2, "fragger"), (7, "파도", 4, "igl"), (8, "Loner", None, None)],
    "matches": [(1, 2, "2025-09-06 14:00:00", "group", "Ascent", "versus"),
                (2, 2, "2025-09-06 18:00:00", None, "Bind", "versus"),
                (3, 2, "2025-09-07 16:00:00", "final", "Haven", "versus"),
                (4, 1, "2026-02-07 15:00:00", "group", "Erangel", "ranking"),
                (5, 1, "2026-02-08 15:00:00", "final", "Miramar", "ranking"),
                (6, 1, "2026-02-08 17:00:00", "final", "Erangel", "ranking")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 40), (1, 3, 2, 7, 25), (2, 3, 1, 13, 35), (2, 1, 2, 11, 33), (3, 1, 1, 13, 38), (3, 3, 2, 9, 30),
                    (4, 2, 1, 15, 5), (4, 4, 2, 8, 2), (5, 2, 1, 13, 3), (5, 4, 2, 9, 4), (6, 4, 1, 14, 4), (6, 2, 2, 6, 1)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 25, 12, 3, 4000), (1, 2, 15, 13, 6, 2800), (1, 3, 15, 20, 2, 3000), (1, 4, 10, 20, 5, 2000),
                      (2, 1, 20, 18, 2, 3500), (2, 2, 13, 17, 4, 2500), (2, 3, 22, 16, 3, 3900), (2, 4, 13, 17, 6, 2400),
                      (3, 1, 24, 14, 5, 4200), (3, 2, 14, 16, 7, 2600), (3, 3, 18, 19, 1, 3100), (3, 4, 12, 19, 4, 2100),
                      (4, 5, 3, 1, 1, 500), (4, 6, 2, 0, 0, 400), (4, 7, 2, 1, 0, 300),
                      (5, 5, 1, 1, 0, 200), (5, 6, 2, 0, 1, 350), (5, 7, 4, 1, 1, 600),
                      (6, 5, 0, 1, 0, 100), (6, 6, 1, 1, 0, 150), (6, 7, 4, 0, 2, 700)],
}


@pytest.fixture(scope="module")
def world10(tmp_path_factory):
    return _world(tmp_path_factory, "irdb10", ROWS10)


ROUND10 = [
    # a region code that is an English word is the word, unless written in capitals; the country by its name
    ("'in' is no region", "number of teams in this database", "SELECT 4"),
    ("'in' before a date", "how many maps were played in sept 2025", "SELECT 3"),
    ("the code in capitals", "list the IN squads", "SELECT 'Chennai Cobras'"),
    ("the country in Hangul", "인도 팀 몇 개야", "SELECT 1"),
    # a mobile edition's slang; the title's plain slang when only the mobile edition is stored
    ("bgmi", "bgmi matches per map", "SELECT 'Erangel', 2 UNION SELECT 'Miramar', 1"),
    ("배그m", "배그m 대회 뛴 선수 몇 명", "SELECT 3"),
    ("pubg mobile", "total kills in pubg mobile", "SELECT 19"),
    ("배그 alone", "배그 치킨 최다 팀 어디", "SELECT 'Chennai Cobras'"),
    # a team whose name is two words joined by a dot, by its first word, in Latin or in Hangul ('th' said ㅅ)
    ("dotted name by its first word", "monolith win rate %", "SELECT 200.0 / 3"),
    ("dotted name in Hangul", "모노리스 승률 얼마야", "SELECT 200.0 / 3"),
    ("head-to-head by first words", "monolith vs pine h2h", "SELECT 'Monolith.GG', 2 UNION SELECT 'Pine Owls', 1"),
    # Valorant roles in Hangul; the team's 팀 after its name and game is no entity asked
    ("듀얼", "모노리스 듀얼 누구야", "SELECT 'Quill'"),
    ("GAME팀 after a team", "모노리스 발로팀 컨트롤러 누구임", "SELECT 'Ember'"),
    ("센티넬", "센티넬 킬 합계", "SELECT 35"),
    # every event counted together: no breakdown by event
    ("대회 다 합쳐서", "모든 대회 다 합쳐서 치킨 2번 이상인 팀", "SELECT 'Chennai Cobras'"),
    ("all events combined", "squads with 2+ chicken dinners, all events combined", "SELECT 'Chennai Cobras'"),
    # an empty value said casually
    ("w/o, team", "show players w/o team", "SELECT 'Loner'"),
    ("w/o, role", "list players w/o role", "SELECT 'Loner'"),
    ("빈칸 + 언제", "스테이지 빈칸인 경기 언제였어", "SELECT '2025-09-06 18:00:00'"),
    ("blank + when", "when was the match with a blank stage", "SELECT '2025-09-06 18:00:00'"),
    # an average per map after a verb and a threshold: the unit of the average, not a breakdown by map
    ("averaged over N per map", "who averaged more than 20 kills per map in valorant", "SELECT 'Quill'"),
    ("averaging N per game", "players averaging over 4 frags per game at lakeside royale 2026", "SELECT 0 WHERE 0"),
    # losing said as dropping maps
    ("dropped N maps", "valorant teams that dropped 2 or more maps", "SELECT 'Pine Owls'"),
    # more of one statistic than another: on a row, or over everything ("overall")
    ("more A than B, in a match", "players who had more deaths than kills in a match",
     "SELECT 'Rook' UNION SELECT 'Sable' UNION SELECT 'Ember' UNION SELECT 'Tarun'"),
    ("more A than B, overall", "players with more deaths than kills overall", "SELECT 'Ember' UNION SELECT 'Sable'"),
    ("B보다 A가 많은, 통산", "통산 킬보다 데스가 많은 선수", "SELECT 'Ember' UNION SELECT 'Sable'"),
    # the other side's score: "상대를 N라운드 이하로", "held the opponent to N rounds"
    ("상대를 N 이하로", "발로 맵 중에 상대를 9라운드 이하로 잡은 판 몇 개", "SELECT 2"),
    ("held the opponent to N", "how many valorant maps where the winner held the opponent to 9 rounds or fewer", "SELECT 2"),
    # a top-N said as a range of places
    ("1~N위", "harbor strike 2025 킬 1~2위", "SELECT 'Quill' UNION SELECT 'Rook'"),
    ("places 1-N", "kills ranking at harbor strike 2025, places 1-2", "SELECT 'Quill' UNION SELECT 'Rook'"),
    # "top to bottom" is an order, not the top one
    ("top to bottom", "lakeside royale 2026 points standings, top to bottom", "SELECT 'Chennai Cobras', 34 UNION SELECT '부산 갈매기', 31"),
    # a side's rounds are its score
    ("라운드 수 per team", "harbor strike 2025 팀별 라운드 수", "SELECT 'Monolith.GG', 37 UNION SELECT 'Pine Owls', 29"),
    ("rounds won per team", "rounds won per team at harbor strike 2025", "SELECT 'Monolith.GG', 37 UNION SELECT 'Pine Owls', 29"),
    # a game, a year and a tournament word: that game's one tournament of the year
    ("the year's event of a game", "who won the 2025 valorant event", "SELECT 'Monolith.GG'"),
    ("올해 대회 of a game, Korean", "2025 발로 대회 우승팀 어디", "SELECT 'Monolith.GG'"),
    # a bare two-digit year beside a game's name
    ("two-digit year beside a game", "발로 25 킬 1등 누구", "SELECT 'Quill'"),
    # a map asked with its date is one map played: a match, not the map's name over all its matches
    ("map + date is a match", "which valorant map had the most kills in total? map and date",
     "SELECT 'Bind', '2025-09-06 18:00:00' UNION SELECT 'Haven', '2025-09-07 16:00:00'"),
    ("맵이랑 날짜", "킬 합계 제일 많았던 발로 맵이랑 날짜", "SELECT 'Bind', '2025-09-06 18:00:00' UNION SELECT 'Haven', '2025-09-07 16:00:00'"),
    # a tournament's standings without a statistic: points in ranking play, wins in versus play
    ("standings of a royale", "lakeside royale 2026 standings", "SELECT 'Chennai Cobras', 34 UNION SELECT '부산 갈매기', 31"),
    ("최종 순위 of a versus cup", "harbor strike 2025 최종 순위", "SELECT 'Monolith.GG', 2 UNION SELECT 'Pine Owls', 1"),
]

# Two editions of one cup; a team that never played; one team never reached a final.
ROWS10B = {
    "tournaments": [(1, "Harbor Strike 2025", "Valorant", "2025-09-06", "2025-09-07"),
                    (2, "Harbor Strike 2026", "Valorant", "2026-09-05", "2026-09-05")],
    "teams": [(1, "Amber Kites", "KR"), (2, "Basalt Five", "EU"), (3, "Cedar Lynx", "NA"), (4, "Dormant Club", None)],
    "players": [(1, "Ash", 1, "duelist"), (2, "Bay", 2, "duelist"), (3, "Cove", 3, "duelist")],
    "matches": [(1, 1, "2025-09-06 14:00:00", "group", "Ascent", "versus"), (2, 1, "2025-09-07 16:00:00", "final", "Bind", "versus"),
                (3, 2, "2026-09-05 15:00:00", "group", "Lotus", "versus")],
    "match_teams": [(1, 1, 1, 13, 40), (1, 2, 2, 8, 30), (2, 2, 1, 13, 41), (2, 3, 2, 10, 35), (3, 3, 1, 13, 38), (3, 1, 2, 11, 36)],
    "match_players": [(1, 1, 40, 30, 5, 6000), (1, 2, 30, 40, 6, 5000), (2, 2, 41, 35, 4, 6100), (2, 3, 35, 41, 7, 5200),
                      (3, 3, 38, 36, 3, 5900), (3, 1, 36, 38, 2, 5500)],
}

ROUND10B = [
    # a set counted among those who took part at all
    ("among those who played, Korean", "결승 못 가본 팀 (경기 뛴 팀 중에)", "SELECT 'Amber Kites'"),
    ("among those who played", "teams that never reached a final, among those that played", "SELECT 'Amber Kites'"),
    ("결승 못 간: everyone else", "결승 못 간 팀", "SELECT 'Amber Kites' UNION SELECT 'Dormant Club'"),
    # a year alone after a negation, beside one named edition, is the other edition
    ("the other edition by its year", "harbor strike 2025 teams that did not play 2026", "SELECT 'Basalt Five'"),
    ("the other edition, Korean", "harbor strike 2025엔 나왔는데 2026엔 안 나온 팀", "SELECT 'Basalt Five'"),
]


@pytest.mark.parametrize("construct,question,gold", ROUND10, ids=[f"{c}:{q[:30]}" for c, q, _ in ROUND10])
def test_round10_constructs_answer_with_the_right_rows(world10, construct, question, gold):
    _, path, _ = world10
    reading, sql, got = _ask(world10, question)
    assert _covers(got, _rows(path, gold)), (construct, sql, got)


def test_top_to_bottom_is_no_role(world10):
    """"top to bottom" orders a list: the role a database may call 'top' is not linked."""
    from nl2sql.linking import Catalog

    catalog = Catalog.from_rows(["Pine Owls"], ["Rook"], [], roles=["top", "mid"])
    got = [(m.type, m.value) for m in link("standings by points, top to bottom", catalog, TODAY).mentions]
    assert ("role", "top") not in got


@pytest.fixture(scope="module")
def world10b(tmp_path_factory):
    return _world(tmp_path_factory, "irdb10b", ROWS10B)


@pytest.mark.parametrize("construct,question,gold", ROUND10B, ids=[f"{c}:{q[:30]}" for c, q, _ in ROUND10B])
def test_round10_editions_and_sets(world10b, construct, question, gold):
    _, path, _ = world10b
    reading, sql, got = _ask(world10b, question)
    assert _covers(got, _rows(path, gold)), (construct, sql, got)
