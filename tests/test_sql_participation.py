"""Who took part in what, and when, asked without naming one: rosters, "every", a tournament's own dates.

- "teams with no players", "support 없는 팀": every team but those someone (of the role) plays for. A player with no
  team must not hide them all (``NOT IN`` over a blank team id is never true).
- "teams that played in every tournament", "모든 경기에 출전한 선수": those whose distinct count reaches all there
  are in the scope (the named game or tournament), not everyone who played at all.
- "when did the last tournament end", "첫 대회 언제 시작했어": the tournament's end or start date, not the time of a
  match (this world's tournaments end days after their last recorded match).
- "when was the last match", "마지막 경기 언제였어": a past date of the records is a statistics question.

Each case is question → SQL → rows on this module's database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Kestrel Royale 2025", "PUBG", "2025-03-01", "2025-03-09"),
                    (2, "Kestrel Clash 2025", "Overwatch 2", "2025-04-05", "2025-04-12")],
    "teams": [(1, "Slate Foxes", "KR"), (2, "Umber Lynx", "NA"), (3, "Quiet Herons", "KR"), (4, "Dune Owls", None)],
    "players": [(1, "Pike", 1, "tank"), (2, "Reed", 1, "support"), (3, "Tarn", 2, "dps"), (4, "Vale", 2, "dps"),
                (5, "Drift", None, "support")],
    "matches": [(1, 1, "2025-03-01 14:00:00", "group", "Erangel", "ranking"),
                (2, 1, "2025-03-02 16:00:00", "final", "Miramar", "ranking"),
                (3, 2, "2025-04-05 15:00:00", "final", "Ilios", "versus")],
    "match_teams": [(1, 1, 1, 14, 4), (1, 2, 2, 8, 2), (1, 3, 3, 2, 0), (2, 2, 1, 13, 3), (2, 1, 2, 7, 1), (3, 1, 1, 2, 30),
                    (3, 2, 2, 1, 28)],
    "match_players": [(1, 5, 0, 1, 8, 30), (1, 1, 3, 0, 1, 400), (1, 2, 1, 1, 0, 150), (1, 3, 1, 1, 1, 200), (1, 4, 1, 1, 0, 120),
                      (2, 1, 1, 1, 0, 210), (2, 2, 0, 1, 0, 80), (2, 3, 2, 0, 1, 300), (2, 4, 1, 1, 1, 200),
                      (3, 1, 18, 12, 5, 9000), (3, 2, 12, 16, 7, 7000), (3, 3, 10, 15, 9, 6000), (3, 4, 9, 8, 6, 5000)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "rosterdb", ROWS)


NO_ROSTER = "SELECT 'Quiet Herons' UNION SELECT 'Dune Owls'"
CASES = [
    ("teams with no players", NO_ROSTER),
    ("which teams don't have any players?", NO_ROSTER),
    ("선수 없는 팀", NO_ROSTER),
    ("선수가 한 명도 없는 팀 있어?", NO_ROSTER),
    ("how many teams have no players", "SELECT 2"),
    ("KR teams with no players", "SELECT 'Quiet Herons'"),
    ("teams without a support player", "SELECT 'Umber Lynx' UNION SELECT 'Quiet Herons' UNION SELECT 'Dune Owls'"),
    ("서포터 없는 팀은?", "SELECT 'Umber Lynx' UNION SELECT 'Quiet Herons' UNION SELECT 'Dune Owls'"),
    ("when did the last tournament end", "SELECT '2025-04-12'"),
    ("가장 최근 대회 언제 끝났어?", "SELECT '2025-04-12'"),
    ("when did the first tournament start", "SELECT '2025-03-01'"),
    ("when was the last match", "SELECT '2025-04-05 15:00:00'"),
    ("마지막 경기 언제였어?", "SELECT '2025-04-05 15:00:00'"),
    ("teams that played in every tournament", "SELECT 'Slate Foxes' UNION SELECT 'Umber Lynx'"),
    ("모든 대회에 나간 팀", "SELECT 'Slate Foxes' UNION SELECT 'Umber Lynx'"),
    ("PUBG 대회 전부 참가한 팀 있어?", "SELECT 'Slate Foxes' UNION SELECT 'Umber Lynx' UNION SELECT 'Quiet Herons'"),
    ("players who appeared in all matches of Kestrel Royale 2025",
     "SELECT 'Pike' UNION SELECT 'Reed' UNION SELECT 'Tarn' UNION SELECT 'Vale'"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_rosters_and_dates(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question,gold", [("players with no team", "SELECT 'Drift'"),
                                           ("teams with no matches", "SELECT 'Dune Owls'"),
                                           ("teams that played in at least 2 tournaments",
                                            "SELECT 'Slate Foxes' UNION SELECT 'Umber Lynx'")])
def test_neighbours_keep_their_reading(world, question, gold):
    """A player without a team is a missing value; a team without matches never took part: neither is a roster; a
    number of tournaments is a threshold, not all of them."""
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)
