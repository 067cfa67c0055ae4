"""The same questions against a real PostgreSQL server, started here in a throwaway cluster.

Skipped only when the PostgreSQL server binaries (Debian package ``postgresql``) are missing.
The cluster lives in a temporary folder readable by the ``postgres`` user when the tests run as root
(PostgreSQL refuses to run as root), and is stopped and removed afterwards (fixture in conftest.py).
"""
from __future__ import annotations

import pytest

from kernel.errors import InputError


@pytest.mark.slow
def test_postgres_demo_database_answers_and_stays_read_only(pg_database):
    pg_url = pg_database
    import datetime as dt

    from nl2sql import answer, ensure_demo_database
    from nl2sql.safety import run_readonly

    counts = ensure_demo_database(pg_url, anchor=dt.date(2026, 9, 15))
    assert counts["teams"] == 24 and ensure_demo_database(pg_url) == {}
    got = answer("How many matches did Granite Herons win?", pg_url, today=dt.date(2026, 9, 15))
    gold = run_readonly(pg_url, "SELECT COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
                                "WHERE t.name = 'Granite Herons' AND mt.placement = 1").rows
    assert got.rows == gold and len(got.columns) == 1
    got = answer("목포 마린즈 승률 얼마야?", pg_url, today=dt.date(2026, 9, 15))
    assert got.language == "ko" and "%" in got.text and isinstance(got.rows[0][0], (int, float))
    top = answer("top 3 players by KDA", pg_url)
    assert len(top.rows) == 3
    # The calendar keys, shares, differences and counts of groups compile for PostgreSQL too.
    months = answer("matches per month", pg_url)
    gold = run_readonly(pg_url, "SELECT TO_CHAR(played_at, 'YYYY-MM'), COUNT(*) FROM matches GROUP BY 1 ORDER BY 1").rows
    assert [list(r) for r in months.rows] == [list(r) for r in gold]
    share = answer("Granite Herons 1위 안에 든 비율", pg_url)
    assert 0 <= share.rows[0][0] <= 100
    diff = answer("2026년 경기가 2025년보다 몇 개 더 많아", pg_url)
    assert isinstance(diff.rows[0][0], int)
    groups = answer("how many teams have more than 2 wins", pg_url)
    assert isinstance(groups.rows[0][0], int)
    # Round 4: nested comparisons, day keys, sets across the table, outside a period, overtime, last place.
    above = answer("teams whose kill total beats the average team", pg_url)
    gold = run_readonly(pg_url, "WITH s AS (SELECT t.name AS n, SUM(mt.kills) AS k FROM match_teams mt JOIN teams t "
                                "ON t.id = mt.team_id GROUP BY t.name) SELECT n FROM s WHERE k > (SELECT AVG(k) FROM s)").rows
    assert sorted(r[0] for r in above.rows) == sorted(r[0] for r in gold)
    days = answer("matches per day", pg_url)
    gold = run_readonly(pg_url, "SELECT TO_CHAR(played_at, 'YYYY-MM-DD'), COUNT(*) FROM matches GROUP BY 1 ORDER BY 1").rows
    assert [list(r) for r in days.rows] == [list(r) for r in gold]
    for question in ("which opponents has Granite Herons never lost to", "which teams only played in 2025",
                     "how many maps needed overtime", "how many times did Granite Herons finish last",
                     "Granite Herons보다 킬 많이 한 팀"):
        assert isinstance(answer(question, pg_url).rows, list), question
    # The connection is read-only and has a statement timeout, even for SQL no check has seen.
    with pytest.raises(InputError):
        run_readonly(pg_url, "DELETE FROM match_players", check=False)
    with pytest.raises(InputError, match="longer than"):
        run_readonly(pg_url, "SELECT pg_sleep(5)", timeout_s=0.5, check=False)
    assert run_readonly(pg_url, "SELECT COUNT(*) FROM match_players").rows[0][0] > 0
