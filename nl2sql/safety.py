"""Generated SQL is untrusted input (STYLE §11): parse it, check it, run it read-only with limits.

``validate(sql)`` parses with sqlglot and accepts exactly one SELECT over the match schema's tables
and columns (no SELECT INTO, no row locks, no unknown functions such as ``load_extension`` or
``pg_sleep``). ``run_readonly(url, sql)`` then executes it on a read-only connection — SQLite opened
as ``file:...?mode=ro`` with a progress handler as the timeout, PostgreSQL inside a READ ONLY
transaction with ``statement_timeout`` — and returns at most ``max_rows`` rows.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import logging
import time
import urllib.parse
from typing import Any

from kernel.errors import AssistantError, InputError
from kernel.registry import cached_loader

log = logging.getLogger(__name__)

MAX_ROWS = 200
TIMEOUT_S = 3.0
REPHRASE = "please rephrase it, for example 'How many matches did <team> win in 2026?'"


_WRITES = ("Command", "Insert", "Update", "Delete", "Drop", "Create", "Alter", "Pragma", "Attach", "Detach",
           "Merge", "Set", "Use", "Transaction", "Copy", "TruncateTable", "Grant", "Commit", "Rollback")


class UnsafeSQL(InputError):
    """The SQL failed a safety check; the message says which one."""


def match_schema() -> dict[str, set[str]]:
    """Table name -> column names of the match database (matchdata.schema)."""
    from matchdata import schema as matchdb

    return {name: {c.name for c in table.columns} for name, table in matchdb.metadata.tables.items()}


def _dialect(url: str | None) -> str:
    if url and url.startswith("postgres"):
        return "postgres"
    return "sqlite"


# functions sqlglot does not know by name that only compute on their arguments (a tournament's length in days)
_PURE_FUNCTIONS = {"julianday"}


def validate(sql: str, schema: dict[str, set[str]] | None = None, dialect: str = "sqlite") -> str:
    """Return ``sql`` when it is one safe SELECT over ``schema``; raise :class:`UnsafeSQL` otherwise."""
    import sqlglot
    from sqlglot import exp

    schema = schema if schema is not None else match_schema()
    _FORBIDDEN = tuple(getattr(exp, name) for name in _WRITES if hasattr(exp, name))
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except sqlglot.errors.SqlglotError as err:
        raise UnsafeSQL(f"The generated SQL could not be parsed ({str(err).splitlines()[0][:80]}); {REPHRASE}.") from None
    if len(statements) != 1:
        raise UnsafeSQL(f"Only a single SQL statement may run, not {len(statements)}; {REPHRASE}.")
    tree = statements[0]
    if not isinstance(tree, exp.Select):
        raise UnsafeSQL(f"Only SELECT statements may run, not {tree.key.upper()}; {REPHRASE}.")
    for node in tree.walk():
        if isinstance(node, _FORBIDDEN):
            raise UnsafeSQL(f"The SQL contains a {node.key.upper()} statement, which may not run; {REPHRASE}.")
        if isinstance(node, exp.Select) and (node.args.get("into") or node.args.get("locks")):
            raise UnsafeSQL(f"SELECT INTO and row locks may not run; {REPHRASE}.")
        if isinstance(node, exp.Anonymous) and node.name.lower() not in _PURE_FUNCTIONS:
            raise UnsafeSQL(f"The SQL calls the unknown function {node.name!r}; {REPHRASE}.")
    tables: dict[str, str] = {}   # alias or name -> table
    cte_names = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    for table in tree.find_all(exp.Table):
        if table.args.get("db") or table.args.get("catalog"):
            raise UnsafeSQL(f"The SQL names a table outside the match database ({table.sql()}); {REPHRASE}.")
        if table.name in cte_names:
            continue
        if table.name not in schema:
            raise UnsafeSQL(f"The SQL reads an unknown table {table.name!r}; {REPHRASE}.")
        tables[table.alias_or_name] = table.name
    aliases = {a.alias for a in tree.find_all(exp.Alias)}
    known = set().union(*(schema[t] for t in tables.values())) if tables else set()
    for column in tree.find_all(exp.Column):
        name, qualifier = column.name, column.table
        if isinstance(column.this, exp.Star):
            continue
        if qualifier:
            if qualifier in cte_names:
                continue
            if qualifier not in tables:
                raise UnsafeSQL(f"The SQL uses an unknown table alias {qualifier!r}; {REPHRASE}.")
            if name not in schema[tables[qualifier]]:
                raise UnsafeSQL(f"The table {tables[qualifier]!r} has no column {name!r}; {REPHRASE}.")
        elif name not in known and name not in aliases:
            raise UnsafeSQL(f"The SQL uses an unknown column {name!r}; {REPHRASE}.")
    return sql


@dataclasses.dataclass
class Result:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    seconds: float


def _plain(value: Any) -> Any:
    """JSON-friendly cell values (Decimal -> int/float, dates -> ISO text)."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def _sqlite_readonly(url, sql: str, max_rows: int, timeout_s: float) -> tuple[list[str], list, bool]:
    import sqlite3

    path = url.database
    if not path or path == ":memory:":
        raise InputError("An in-memory SQLite database cannot be opened read-only; give a file path.")
    from pathlib import Path

    if not Path(path).is_file():
        raise InputError(f"The database file {path!r} does not exist; check the --db URL.")
    resolved = Path(path).resolve()
    uri = "file:" + urllib.parse.quote(str(resolved)) + "?mode=ro"
    if not Path(str(resolved) + "-wal").exists():
        # No writer has the file open (a live WAL database always has its -wal file): read it as
        # immutable, so SQLite does not even create -wal/-shm side files next to it.
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=5, check_same_thread=False)
    deadline = time.monotonic() + timeout_s
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 2000)
    try:
        cur = conn.execute(sql)
        columns = [d[0] for d in cur.description or []]
        rows = cur.fetchmany(max_rows + 1)
    except sqlite3.OperationalError as err:
        if "interrupted" in str(err):
            raise InputError(f"The query took longer than {timeout_s:g} s and was stopped; "
                             "please ask a narrower question.") from None
        if "readonly" in str(err) or "read-only" in str(err):
            raise UnsafeSQL("The query tried to write to the database, which is not allowed.") from None
        raise AssistantError(f"The database could not run the query ({err}).") from None
    except sqlite3.DatabaseError as err:
        raise AssistantError(f"The database could not run the query ({err}).") from None
    finally:
        conn.close()
    return columns, rows, len(rows) > max_rows


def _engine_for(url: str):
    """A cached read-only-use engine (PostgreSQL URLs default to the psycopg 3 driver)."""
    import sqlalchemy as sa

    parsed = sa.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return _engine_of(parsed.render_as_string(hide_password=False))


@cached_loader
def _engine_of(url: str):
    import sqlalchemy as sa

    return sa.create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2)


def dispose_engines() -> None:
    """Close the cached engines (tests and shutdown)."""
    engines = _engine_of.cached()
    _engine_of.cache_clear()
    for engine in engines:
        engine.dispose()


def run_readonly(url: str, sql: str, max_rows: int = MAX_ROWS, timeout_s: float = TIMEOUT_S,
                 check: bool = True) -> Result:
    """Validate ``sql`` (unless ``check`` is False) and run it read-only; at most ``max_rows`` rows."""
    import sqlalchemy as sa

    if check:
        validate(sql, dialect=_dialect(url))
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise InputError(f"The database URL {url!r} is not a valid SQLAlchemy URL.") from None
    start = time.perf_counter()
    if parsed.get_backend_name() == "sqlite":
        columns, rows, truncated = _sqlite_readonly(parsed, sql, max_rows, timeout_s)
    else:
        engine = _engine_for(url)
        try:
            with engine.connect() as conn:
                if parsed.get_backend_name() == "postgresql":
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}")
                result = conn.exec_driver_sql(sql)
                columns = list(result.keys())
                rows = result.fetchmany(max_rows + 1)
                conn.rollback()
        except sa.exc.OperationalError as err:
            if "statement timeout" in str(err) or "canceling statement" in str(err):
                raise InputError(f"The query took longer than {timeout_s:g} s and was stopped; "
                                 "please ask a narrower question.") from None
            raise AssistantError(f"The database could not be reached or could not run the query "
                                 f"({str(err.orig).strip().splitlines()[0]}).") from None
        except sa.exc.DBAPIError as err:
            if "read-only" in str(err):
                raise UnsafeSQL("The query tried to write to the database, which is not allowed.") from None
            raise AssistantError(f"The database could not run the query ({str(err.orig).strip().splitlines()[0]}).") from None
        truncated = len(rows) > max_rows
    rows = [[_plain(v) for v in row] for row in rows[:max_rows]]
    return Result(columns, rows, truncated, time.perf_counter() - start)
