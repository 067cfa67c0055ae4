"""Database engines: one place that turns a SQLAlchemy URL into an engine with safe settings.

SQLite files get WAL mode and a busy timeout when the app creates or opens them for writing, so
several threads and processes can share one file; PostgreSQL works through the same URL scheme.
"""
from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa

from .errors import AssistantError

_engines: dict[str, sa.Engine] = {}
_lock = threading.Lock()


def _sqlite_path(url: sa.URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def writable_engine(url: str) -> sa.Engine:
    """A shared, writable engine for ``url`` (cached per URL for the life of the process)."""
    with _lock:
        engine = _engines.get(url)
        if engine is not None:
            return engine
        try:
            parsed = sa.make_url(url)
        except sa.exc.ArgumentError:
            raise AssistantError(f"The database URL {url!r} is not a valid SQLAlchemy URL.") from None
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
        _engines[url] = engine
        return engine


def dispose_all() -> None:
    """Close every cached engine (tests and shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
