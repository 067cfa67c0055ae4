"""Feedback on replies (thumbs up / down) and the admin's view of it (the match data's administration
is :mod:`matchdata.admin`).

Each vote is stored with what produced the reply — the user's text, the reply, its kind, intent and
score, the SQL, the OCR record — copied from the stored turn, so the export stays meaningful after
sessions are cleaned up or the FAQ changes.

>>> store = FeedbackStore(config.resolved_state_url)
>>> store.add(turn_id=12, value="down", session="web-1")
>>> store.export_csv(path)                       # for improving the FAQ
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from kernel.db import writable_engine
from kernel.errors import InputError

from .sessions import create_state_schema, turns_table
from .sessions import metadata as state_metadata

log = logging.getLogger(__name__)

VALUES = ("up", "down")
EXPORT_COLUMNS = ["id", "created_at", "value", "session_id", "turn_id", "input_kind", "language", "user_text",
                  "reply_text", "kind", "intent", "confidence", "sql", "record", "comment"]

feedback_table = sa.Table(
    "feedback", state_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("value", sa.String(8), nullable=False),
    sa.Column("session_id", sa.String(128)),
    sa.Column("turn_id", sa.Integer, index=True),
    sa.Column("input_kind", sa.String(16)),
    sa.Column("language", sa.String(8)),
    sa.Column("user_text", sa.Text),
    sa.Column("reply_text", sa.Text),
    sa.Column("kind", sa.String(16)),
    sa.Column("intent", sa.String(128)),
    sa.Column("confidence", sa.Float),
    sa.Column("sql", sa.Text),
    sa.Column("record", sa.Text),
    sa.Column("comment", sa.Text),
)


class FeedbackStore:
    """Votes on replies, in the state database (next to the sessions)."""

    def __init__(self, url: str):
        self.engine = writable_engine(url)
        create_state_schema(self.engine)  # all state tables: turns needs sessions (a foreign key)

    def add(self, turn_id: int, value: str, session: str | None = None, record: dict | None = None,
            comment: str | None = None) -> int:
        """Store a vote (``up``/``down``) on the reply of turn ``turn_id``; a new vote on the same turn
        replaces the old one. ``record`` is the OCR record shown (with the person's edits), if any.
        Returns the feedback row's id. An unknown turn, or a turn of another session, is refused."""
        if value not in VALUES:
            raise InputError(f"Feedback must be 'up' or 'down', not {value!r}.")
        with self.engine.begin() as conn:
            turn = conn.execute(sa.select(turns_table).where(turns_table.c.id == int(turn_id))).mappings().first()
            if turn is None or (session is not None and turn["session_id"] != session):
                raise InputError("There is no such reply in this conversation to give feedback on.")
            if record is None and turn["meta"]:
                record = (json.loads(turn["meta"]) or {}).get("record")
            conn.execute(sa.delete(feedback_table).where(feedback_table.c.turn_id == turn["id"]))
            row = conn.execute(sa.insert(feedback_table).values(
                created_at=dt.datetime.now(dt.timezone.utc), value=value, session_id=turn["session_id"],
                turn_id=turn["id"], input_kind=turn["input_kind"], language=turn["language"],
                user_text=turn["user_text"], reply_text=turn["reply_text"], kind=turn["kind"],
                intent=turn["intent"], confidence=turn["confidence"], sql=turn["sql"],
                record=json.dumps(record, ensure_ascii=False, default=str) if record else None,
                comment=comment))
            return int(row.inserted_primary_key[0])

    def remove(self, turn_id: int) -> None:
        """Withdraw the vote on turn ``turn_id`` (the person clicked the same thumb again)."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(feedback_table).where(feedback_table.c.turn_id == int(turn_id)))

    def latest(self, limit: int = 50) -> list[dict[str, Any]]:
        """The newest votes first, as plain dicts with the columns of :data:`EXPORT_COLUMNS`."""
        query = sa.select(feedback_table).order_by(feedback_table.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings().all()]

    def export_csv(self, path: str | Path | None = None) -> str:
        """Every vote as CSV (UTF-8, header :data:`EXPORT_COLUMNS`); written to ``path`` when given.
        Returns the CSV text."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(feedback_table).order_by(feedback_table.c.id)).mappings().all()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        for r in rows:
            writer.writerow(["" if r[c] is None else r[c] for c in EXPORT_COLUMNS])
        text = out.getvalue()
        if path is not None:
            Path(path).write_text(text, encoding="utf-8-sig")  # the BOM lets spreadsheet apps read Hangul
        return text

    def unanswered(self, limit: int = 50) -> list[dict[str, Any]]:
        """The newest questions the assistant could not answer (fallback replies), newest first."""
        t = turns_table.c
        query = (sa.select(t.id, t.created_at, t.session_id, t.language, t.user_text, t.confidence)
                 .where(t.kind == "fallback").order_by(t.id.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings().all()]
