"""Rankings of an attribute that may be blank (a match's map or stage, a team's region, a player's role).

A blank is not a value: "the most played map" is never the matches recorded without one, and "the region with the
fewest players" is never the teams with no region. Grouped breakdowns ("matches per map") keep the blank row, as a
plain GROUP BY does. The world has more matches without a map than on any one map, and more players on a team with
no region than in any one region, so an answer that ranks the blank comes out wrong.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import sqlite3

import pytest

from nl2sql.ir import compile_sql
from nl2sql.linking import link
from nl2sql.parse import parse
from tests.test_sql_ir import TODAY, _covers, _rows, _world
from tests.test_sql_round8 import _ask

ROWS = {
    "tournaments": [(1, "Kestrel Royale 2025", "PUBG", "2025-03-01", "2025-03-02"),
                    (2, "Kestrel Clash 2025", "Overwatch 2", "2025-04-05", "2025-04-06")],
    "teams": [(1, "Slate Foxes", "KR"), (2, "Umber Lynx", None), (3, "모래 까마귀", "NA")],
    "players": [(1, "Pike", 1, "tank"), (2, "Reed", 1, None), (3, "Tarn", 2, "support"), (4, "Vale", 2, "support"),
                (5, "Wren", 2, None), (6, "솔개", 3, "dps")],
    "matches": [(1, 1, "2025-03-01 14:00:00", "group", "Erangel", "ranking"),
                (2, 1, "2025-03-01 16:00:00", "group", "Erangel", "ranking"),
                (3, 1, "2025-03-02 14:00:00", "final", "Miramar", "ranking"),
                (4, 2, "2025-04-05 15:00:00", None, None, "versus"),
                (5, 2, "2025-04-05 18:00:00", None, None, "versus"),
                (6, 2, "2025-04-06 15:00:00", None, None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 14, 4), (1, 2, 2, 8, 2), (1, 3, 3, 6, 1), (2, 2, 1, 13, 3), (2, 1, 2, 7, 1), (2, 3, 3, 5, 0),
                    (3, 3, 1, 12, 2), (3, 1, 2, 9, 3), (3, 2, 3, 4, 0),
                    (4, 1, 1, 2, 30), (4, 2, 2, 1, 28), (5, 2, 1, 2, 31), (5, 3, 2, 0, 20), (6, 1, 1, 2, 27), (6, 3, 2, 1, 25)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 3, 0, 1, 400), (1, 2, 1, 1, 0, 150), (1, 3, 1, 1, 1, 200), (1, 4, 1, 1, 0, 120),
                      (1, 5, 0, 1, 0, 60), (1, 6, 1, 1, 0, 180),
                      (2, 3, 2, 0, 1, 300), (2, 4, 1, 1, 1, 200), (2, 5, 0, 1, 0, 90), (2, 1, 1, 1, 0, 210),
                      (2, 2, 0, 1, 0, 80), (2, 6, 0, 1, 0, 50),
                      (3, 6, 2, 0, 0, 260), (3, 1, 2, 1, 1, 250), (3, 2, 1, 1, 0, 160), (3, 3, 0, 1, 0, 70),
                      (3, 4, 0, 1, 0, 60), (3, 5, 0, 1, 0, 40),
                      (4, 1, 18, 12, 5, 9000), (4, 2, 12, 16, 7, 7000), (4, 3, 10, 15, 9, 6000), (4, 4, 9, 8, 6, 5000),
                      (4, 5, 9, 7, 4, 5200),
                      (5, 3, 11, 9, 8, 6500), (5, 4, 10, 10, 6, 6100), (5, 5, 10, 11, 5, 5800), (5, 6, 20, 31, 3, 9900),
                      (6, 1, 15, 13, 6, 8800), (6, 2, 12, 12, 5, 7600), (6, 6, 25, 27, 4, 9500)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "blankdb", ROWS)


CASES = [
    ("the most played map", "which map was played the most", "SELECT 'Erangel', 2"),
    ("bare noun phrase", "most played map", "SELECT 'Erangel', 2"),
    ("noun before the superlative", "the map played least", "SELECT 'Miramar', 1"),
    ("Korean", "가장 많이 플레이된 맵은?", "SELECT 'Erangel', 2"),
    ("said as popular", "가장 인기 있는 맵", "SELECT 'Erangel', 2"),
    ("top N", "top 2 maps by matches played", "SELECT 'Erangel', 2 UNION SELECT 'Miramar', 1"),
    ("region, fewest", "which region has the fewest players", "SELECT 'NA', 1"),
    ("role, most common", "most common role", "SELECT 'support', 2"),
    ("stage", "which stage had the most matches", "SELECT 'group', 2"),
]


@pytest.mark.parametrize("kind,question,gold", CASES, ids=[k for k, _, _ in CASES])
def test_a_blank_is_not_ranked(world, kind, question, gold):
    _, path, _ = world
    reading, sql, got = _ask(world, question)
    assert _covers(got, _rows(path, gold)), (question, reading.ir, sql, got)
    assert all(None not in row[:1] for row in got), (question, sql, got)


def test_a_breakdown_keeps_the_blank_row(world):
    url, path, catalog = world
    question = "count matches per map"
    sql = compile_sql(parse(question, link(question, catalog, TODAY), TODAY).ir)
    with sqlite3.connect(path) as con:  # the rows hold a None, which the shared helper cannot sort
        got, gold = con.execute(sql).fetchall(), con.execute("SELECT map, COUNT(*) FROM matches GROUP BY map").fetchall()
    assert sorted(got, key=str) == sorted(gold, key=str), (sql, got)


@pytest.mark.parametrize("question,gold", [
    ("가장 흔한 포지션은?", "SELECT 'support', 2"),
    ("what is the most common position", "SELECT 'support', 2"),
    ("which region has the most teams", "SELECT 'KR', 1 UNION SELECT 'NA', 1"),
])
def test_a_ranking_of_roles_or_regions_is_answered_whole(world, question, gold):
    """A role or a region is a thing the records hold: a question ranking them is a statistics question even when the
    sketch model has not seen one, and the answer (ties kept) leaves the blank out."""
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question", ["what roles can i pick in the tournament?", "포지션 바꿀 수 있어?",
                                      "what regions are allowed to join?"])
def test_a_procedure_about_roles_or_regions_is_not_a_statistics_question(world, question):
    from nl2sql.engine import answer
    from kernel.errors import InputError

    url, _, _ = world
    with pytest.raises(InputError):
        answer(question, url)
