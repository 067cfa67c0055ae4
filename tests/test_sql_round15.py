"""Round 15 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). Cases marked as engine cases go through ``answer()``
(the refusal gate); the rest load no model.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import TODAY, _covers, _rows, _world
from tests.test_sql_round8 import _ask

# A Valorant event whose first word is said like a Korean number word ("Han"), a PUBG royale held twice whose name
# holds the word "Sea" beside a region called SEA, an organisation called "… Gaming", a Hangul player, a free agent.
ROWS15 = {
    "tournaments": [(1, "Han Valley Masters 2025", "Valorant", "2025-05-03", "2025-05-04"),
                    (2, "Jade Sea Royale 2025", "PUBG", "2025-08-02", "2025-08-02"),
                    (3, "Jade Sea Royale 2026", "PUBG", "2026-08-01", "2026-08-01")],
    "teams": [(1, "Z.K. Gaming", "KR"), (2, "Moss Hounds", "SEA"), (3, "청주 늑대", "KR"), (4, "Bay Otters", "NA")],
    "players": [(1, "Rix", 1, "duelist"), (2, "불곰", 1, "sentinel"), (3, "Tarn", 2, "duelist"), (4, "Wisp", 2, "controller"),
                (5, "바위", 3, "igl"), (6, "Fjord", 3, "fragger"), (7, "Corvid", 4, "igl"), (8, "Dusk", 4, "fragger"),
                (9, "Nomad", None, None)],
    "matches": [(1, 1, "2025-05-03 14:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-05-03 19:00:00", "group", None, "versus"),
                (3, 1, "2025-05-04 18:00:00", "final", "Bind", "versus"),
                (4, 2, "2025-08-02 15:00:00", "group", "Erangel", "ranking"),
                (5, 3, "2026-08-01 15:00:00", "final", "Miramar", "ranking")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 32), (1, 2, 2, 9, 21), (2, 2, 1, 13, 29), (2, 1, 2, 11, 28), (3, 1, 1, 13, 39), (3, 2, 2, 5, 15),
                    (4, 3, 1, 16, 6), (4, 4, 2, 10, 4), (4, 2, 3, 7, 2), (5, 4, 1, 19, 9), (5, 3, 2, 11, 5), (5, 2, 3, 4, 1)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 20, 10, 3, 4000), (1, 2, 12, 11, 5, 2500), (1, 3, 15, 14, 2, 3300), (1, 4, 6, 14, 7, 1500),
                      (2, 1, 18, 15, 2, 3800), (2, 2, 10, 14, 6, 2200), (2, 3, 22, 12, 3, 4500), (2, 4, 7, 14, 9, 1800),
                      (3, 1, 25, 8, 4, 5200), (3, 2, 14, 9, 8, 2600), (3, 3, 10, 16, 1, 2400), (3, 4, 5, 17, 4, 1200),
                      (4, 5, 4, 0, 1, 500), (4, 6, 2, 1, 0, 300), (4, 7, 3, 1, 2, 450), (4, 8, 1, 1, 0, 200), (4, 3, 1, 1, 0, 150),
                      (4, 4, 1, 1, 1, 100),
                      (5, 7, 5, 0, 1, 700), (5, 8, 4, 0, 0, 600), (5, 5, 2, 1, 1, 300), (5, 6, 3, 1, 0, 350), (5, 3, 1, 1, 0, 90),
                      (5, 4, 0, 1, 0, 50)],
}


@pytest.fixture(scope="module")
def world15(tmp_path_factory):
    return _world(tmp_path_factory, "irdb15", ROWS15)


ROUND15 = [
    # linking: a region code that is an English word ("sea") inside a tournament's name is no region
    ("a region word inside a name", "total kills at the jade sea royale 2026", "SELECT 15"),
    # linking: a tournament named without a year and said together with its other editions means all of them
    ("all editions, English", "Moss Hounds kills at jade sea, both events combined", "SELECT 3"),
    ("all editions, Korean", "jade sea 두 대회 합쳐서 Moss Hounds 킬 합계", "SELECT 3"),
    # linking: an everyday one-syllable Korean word ("한" = one) is no name's word by sound
    ("한 판 is no name", "배그 한 판 최다 킬 선수 누구", "SELECT 'Corvid', 5"),
    # linking: a short Latin name said in two Hangul syllables
    ("a short name in Hangul", "릭스 킬뎃 얼마야", "SELECT 63.0 / 33"),
    # linking: an organisation word said in Hangul beside the Latin part of the name
    ("org word in Hangul", "ZK게이밍 승률 몇 퍼센트", "SELECT 100.0 * 2 / 3"),
    # top-N: the number before a masked name and the noun; a Korean number word beside a superlative
    ("which N <game> players", "which 2 valorant players died the most", "SELECT 'Wisp' UNION SELECT 'Tarn'"),
    ("Korean number word", "발로 데스 가장 많이 한 선수 두 명", "SELECT 'Wisp' UNION SELECT 'Tarn'"),
    # cue words: a misspelled statistic, "X왕" slang, "averaging", a missing value said as 누락
    ("a misspelled statistic", "who had the most asists in valorant", "SELECT 'Wisp'"),
    ("X왕 slang", "발로 어시왕 누구임", "SELECT 'Wisp'"),
    ("averaging N+", "valorant guys averaging 15+ kills per map", "SELECT 'Rix' UNION SELECT 'Tarn'"),
    ("누락 is a missing value", "맵 정보 누락된 경기 언제였지", "SELECT '2025-05-03 19:00:00'"),
    # the date of a team's first (or latest) result of a kind
    ("first loss, Korean", "ZK게이밍 첫 패배 언제였음", "SELECT '2025-05-03 19:00:00'"),
    ("latest win, English", "when did moss hounds last win a map", "SELECT '2025-05-03 19:00:00'"),
    # the opponents a team met, whoever won
    ("opponents faced, Korean", "Moss Hounds가 발로에서 붙어본 팀 전부", "SELECT 'Z.K. Gaming'"),
    ("opponents faced, English", "which teams did moss hounds play against in valorant", "SELECT 'Z.K. Gaming'"),
    # a role's players one by one
    ("each player of a role", "KDA of each valorant duelist", "SELECT 'Rix', 72.0 / 33 UNION SELECT 'Tarn', 53.0 / 42"),
    ("each player of a role, Korean", "발로 듀얼리스트들 킬뎃 각각 비교", "SELECT 'Rix', 63.0 / 33 UNION SELECT 'Tarn', 47.0 / 42"),
    # maps counted under a clock time are map rows, not distinct map names
    ("maps at a clock time", "how many han valley maps had a 6pm-or-after start", "SELECT 2"),
    # only one format, nothing else
    ("only battle royale", "squads that only played in battle royale", "SELECT '청주 늑대' UNION SELECT 'Bay Otters'"),
    # "took the final" is winning it
    ("took the final", "which team took the han valley masters final, and what map was it", "SELECT 'Z.K. Gaming', 'Bind'"),
    # the players of the best squad, with a statistic for every one of them
    ("best squad's players, each", "the players on the best squad of the jade sea royale 2026, kills for each one",
     "SELECT 'Corvid', 5 UNION SELECT 'Dusk', 4"),
    # nested aggregates: the average of per-match totals (both sides), and of per-team totals
    ("average per-map total", "average combined rounds per valorant map, both teams together", "SELECT 64.0 / 3"),
    ("average per-map total, Korean", "발로 맵당 평균 라운드 양 팀 더해서", "SELECT 64.0 / 3"),
    ("average per-team total", "average total kills per team at the han valley masters", "SELECT 82.0"),
    ("per-group average of per-match totals", "게임별 경기당 양팀 합산 평균 킬", "SELECT 'Valorant', 164.0 / 3 UNION SELECT 'PUBG', 13.5"),
]


@pytest.mark.parametrize("kind,question,gold", ROUND15, ids=[f"{k}:{q[:30]}" for k, q, _ in ROUND15])
def test_round15_kinds_answer_with_the_right_rows(world15, kind, question, gold):
    _, path, _ = world15
    reading, sql, got = _ask(world15, question)
    assert _covers(got, _rows(path, gold)), (kind, sql, got)


@pytest.mark.parametrize("question,gold", [
    # one name with a statistic of its own is a whole question, not a follow-up without context
    ("KDA for 불곰?", "SELECT 55.0 / 34"),
    ("Rix K/D?", "SELECT 63.0 / 33"),
    # being on the books ("등록은 돼 있는데") is a state of the rows, not how to register
    ("등록은 돼 있는데 한 번도 경기 안 나온 선수", "SELECT 'Nomad'"),
])
def test_round15_engine_answers_instead_of_refusing(world15, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world15
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), result.sql
