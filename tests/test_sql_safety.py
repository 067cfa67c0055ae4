"""SQL safety: sqlglot validation, read-only execution, row limits and timeouts (real SQLite)."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kernel.errors import InputError
from nl2sql.query import KINDS, Query, build_sql
from nl2sql.safety import UnsafeSQL, run_readonly, validate


@pytest.mark.parametrize("sql", [
    "INSERT INTO teams (name) VALUES ('x')",
    "UPDATE teams SET name = 'x'",
    "DELETE FROM teams",
    "DROP TABLE teams",
    "ATTACH DATABASE '/tmp/other.db' AS other",
    "PRAGMA journal_mode=WAL",
    "SELECT 1; DROP TABLE teams",
    "SELECT name FROM teams; SELECT nickname FROM players",
    "SELECT secret FROM teams",
    "SELECT t.secret FROM teams t",
    "SELECT * FROM sqlite_master",
    "SELECT load_extension('evil.so')",
    "SELECT name INTO copy FROM teams",
    "WITH x AS (DELETE FROM teams RETURNING *) SELECT * FROM x",
    "CREATE TABLE x (a INT)",
    "VACUUM",
    "SELECT name FROM main.teams",
    "not sql at all ((",
])
def test_validate_rejects_everything_but_one_select_over_the_schema(sql):
    with pytest.raises(UnsafeSQL) as err:
        validate(sql)
    assert "rephrase" in str(err.value)


def _full(kind: str) -> Query:
    return Query(kind=kind, team="A'Team", team2="목포 마린즈", player="Zephyr", tournament="Granite Cup 2026",
                 game="PUBG", stage="final", map="Summoner's Rift", year=2026, metric=None, n=3, threshold=5)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_every_sketch_builds_sql_that_passes_validation(kind, dialect):
    sql = build_sql(_full(kind))
    assert validate(sql, dialect=dialect) == sql
    assert "'A''Team'" in sql or "A'Team" not in sql  # quotes are doubled, never break out


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "m.db"
    from nl2sql.demo import fill
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{path}")
    fill(engine)
    engine.dispose()
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_readonly_connection_refuses_writes_even_without_the_check(small_db):
    before = _digest(small_db)
    with pytest.raises(InputError):
        run_readonly(f"sqlite:///{small_db}", "DELETE FROM teams", check=False)
    with pytest.raises(InputError):
        run_readonly(f"sqlite:///{small_db}", "CREATE TABLE x (a INT)", check=False)
    assert _digest(small_db) == before
    conn = sqlite3.connect(small_db)
    assert conn.execute("SELECT COUNT(*) FROM teams").fetchone()[0] == 24
    conn.close()


def test_row_limit(small_db):
    result = run_readonly(f"sqlite:///{small_db}", "SELECT nickname FROM players", max_rows=10)
    assert len(result.rows) == 10 and result.truncated
    result = run_readonly(f"sqlite:///{small_db}", "SELECT nickname FROM players", max_rows=1000)
    assert len(result.rows) == 112 and not result.truncated


def test_timeout_stops_a_runaway_query(small_db):
    slow = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
            "SELECT COUNT(*) FROM c")
    with pytest.raises(InputError, match="longer than"):
        run_readonly(f"sqlite:///{small_db}", slow, timeout_s=0.3, check=False)


def test_missing_database_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        run_readonly(f"sqlite:///{tmp_path}/nope.db", "SELECT name FROM teams")
    assert not (tmp_path / "nope.db").exists()
