"""Superlatives said in another order than the parser's first rules expected.

- Korean puts the superlative before the subject it ranks: "가장 경기가 많았던 달" is "경기가 가장 많았던 달" (the month
  with the most matches), "제일 데스가 적은 선수" the player with the fewest deaths.
- "who has the most assists per game": a rate per match of each player (an average), not the best player of each
  match, as "players with the most … per game" already was.

Each case is question → SQL → rows on the participation world, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world
from tests.test_sql_participation import ROWS


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "orderdb", ROWS)


CASES = [
    ("가장 경기가 많았던 달은?", "SELECT '2025-03', 2"),
    ("경기가 가장 많았던 달은?", "SELECT '2025-03', 2"),
    ("제일 데스가 적은 선수는?", "SELECT 'Drift', 1"),
    ("who has the most assists per game", "SELECT 'Drift', 8.0"),
    ("who averages the most assists per match", "SELECT 'Drift', 8.0"),
    ("who has the most assists", "SELECT 'Tarn', 11"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_superlative_in_another_order(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)
