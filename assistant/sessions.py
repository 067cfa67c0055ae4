"""Sessions: each session's turns live in the database, survive restarts and stay private to it."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from kernel.checks import check_session_id
from kernel.db import create_tables, writable_engine

from .reply import Reply

metadata = sa.MetaData()

sessions_table = sa.Table(
    "sessions", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

turns_table = sa.Table(
    "turns", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String(128), sa.ForeignKey("sessions.id"), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("user_text", sa.Text),
    sa.Column("input_kind", sa.String(16), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("reply_text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("intent", sa.String(128)),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("sql", sa.Text),
    sa.Column("meta", sa.Text),
)

events_table = sa.Table(
    "app_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False, index=True),
    sa.Column("detail", sa.Text),
)
"""Things every app process must learn about (``intents_reloaded``: re-read the FAQ files)."""


def add_missing_columns(conn: sa.Connection, table: sa.Table) -> None:
    """Bring a table made by an older version up to date by adding its new, nullable columns
    (inside the caller's transaction; see :func:`create_state_schema`)."""
    present = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
    for column in table.columns:
        if column.name in present:
            continue
        if not column.nullable:
            raise RuntimeError(f"cannot add the required column {table.name}.{column.name} to old data")
        type_sql = column.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {type_sql}'))


def create_state_schema(engine: sa.Engine) -> None:
    """Create the state tables (sessions, turns, app_events and, once :mod:`assistant.feedback` is
    imported, feedback) that are missing and add new columns to old ones; safe when several app
    processes start at the same moment against one database."""
    def upgrade(conn: sa.Connection) -> None:
        add_missing_columns(conn, turns_table)

    create_tables(engine, metadata, then=upgrade)


@dataclasses.dataclass(frozen=True)
class Turn:
    """One stored exchange of a session."""

    user_text: str | None
    input_kind: str
    language: str
    reply_text: str
    kind: str
    intent: str | None
    confidence: float
    sql: str | None
    created_at: dt.datetime
    meta: dict[str, Any] | None = None
    """What produced the reply (handler-specific, e.g. the structured query behind a SQL answer)."""
    id: int | None = None
    """The turn's id in the database."""


class SessionStore:
    """Turn history per session, in the state database (SQLite file or PostgreSQL)."""

    def __init__(self, url: str):
        self.engine = writable_engine(url)
        create_state_schema(self.engine)

    def append(self, session: str, user_text: str | None, reply: Reply, input_kind: str = "text") -> int:
        """Store one turn, creating the session on its first turn; one transaction. Returns the turn's id."""
        session = check_session_id(session)
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as conn:
            updated = conn.execute(sa.update(sessions_table).where(sessions_table.c.id == session)
                                   .values(updated_at=now)).rowcount
            if not updated:
                try:
                    with conn.begin_nested():
                        conn.execute(sa.insert(sessions_table).values(id=session, created_at=now, updated_at=now))
                except sa.exc.IntegrityError:
                    pass  # another process created the same session a moment ago
            result = conn.execute(sa.insert(turns_table).values(
                session_id=session, created_at=now, user_text=user_text, input_kind=input_kind,
                language=reply.language, reply_text=reply.text, kind=reply.kind, intent=reply.intent,
                confidence=reply.confidence, sql=reply.sql,
                meta=json.dumps(reply.meta, ensure_ascii=False, default=str) if reply.meta else None))
            return int(result.inserted_primary_key[0])

    def history(self, session: str, limit: int | None = None) -> list[Turn]:
        """The session's turns, oldest first (the last ``limit`` when given); [] for a new session."""
        session = check_session_id(session)
        query = (sa.select(turns_table).where(turns_table.c.session_id == session)
                 .order_by(turns_table.c.id.desc()))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [Turn(r["user_text"], r["input_kind"], r["language"], r["reply_text"], r["kind"],
                     r["intent"], r["confidence"], r["sql"], r["created_at"],
                     json.loads(r["meta"]) if r["meta"] else None, r["id"]) for r in reversed(rows)]

    def exists(self, session: str) -> bool:
        session = check_session_id(session)
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sessions_table.c.id).where(sessions_table.c.id == session)).first() is not None

    # Events every app process follows ---------------------------------------------------------------
    def publish(self, kind: str, detail: str | None = None) -> int:
        """Record an event for every process sharing this database (e.g. ``intents_reloaded``); its id."""
        with self.engine.begin() as conn:
            return int(conn.execute(sa.insert(events_table).values(
                created_at=dt.datetime.now(dt.timezone.utc), kind=kind, detail=detail)).inserted_primary_key[0])

    def last_event(self, kind: str) -> int:
        """The id of the newest event of ``kind`` (0 when there was none)."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.max(events_table.c.id))
                                    .where(events_table.c.kind == kind)).scalar() or 0)
