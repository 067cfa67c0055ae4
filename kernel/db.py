"""Database engines: one place that turns a SQLAlchemy URL into an engine with safe settings.

SQLite files get WAL mode and a busy timeout when the app creates or opens them for writing, so
several threads and processes can share one file; PostgreSQL works through the same URL scheme.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable

import sqlalchemy as sa

from .errors import AssistantError
from .registry import cached_loader

log = logging.getLogger(__name__)


def _sqlite_path(url: sa.URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


@cached_loader
def writable_engine(url: str) -> sa.Engine:
    """A shared, writable engine for ``url`` (cached per URL for the life of the process)."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise AssistantError(f"The database URL {url!r} is not a valid SQLAlchemy URL.") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we ship
    path = _sqlite_path(parsed)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API objects
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    else:
        engine = sa.create_engine(parsed, pool_pre_ping=True)
    return engine


SCHEMA_LOCK = 0x41_72_65_6E_61_48  # "ArenaH": PostgreSQL advisory lock held while creating tables


def create_tables(engine: sa.Engine, metadata: sa.MetaData, tables: list[sa.Table] | None = None,
                  then: Callable[[sa.Connection], None] | None = None) -> None:
    """Create the tables of ``metadata`` (or just ``tables``) that do not exist yet, then run
    ``then(connection)`` (e.g. adding new columns), safely when several processes start at once.

    On PostgreSQL everything runs in one transaction holding an advisory lock, so a second process
    waits and then finds the tables made; SQLite serialises writers itself, and a process that loses
    the race between "check" and "create" ("table ... already exists") simply checks again.
    Existing tables are never altered or dropped (except by ``then``)."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            metadata.create_all(conn, tables=tables, checkfirst=True)
            if then is not None:
                then(conn)
        return
    for attempt in range(5):
        try:
            with engine.begin() as conn:
                metadata.create_all(conn, tables=tables, checkfirst=True)
                if then is not None:
                    then(conn)
            return
        except sa.exc.OperationalError as err:
            if "already exists" not in str(err) and "duplicate column" not in str(err) or attempt == 4:
                raise
            log.info("another process created the tables at the same moment; checking again")
            time.sleep(0.05 * (attempt + 1))


def dispose_all() -> None:
    """Close every cached engine (tests and shutdown)."""
    engines = writable_engine.cached()
    writable_engine.cache_clear()
    for engine in engines:
        engine.dispose()
