"""The admin tab's functions: each takes the admin password first and refuses without it.

The tab (and these endpoints) are disabled when no password is configured
(``ASSISTANT_ADMIN_PASSWORD`` unset; ``app.main`` reads it and passes it in).
"""
from __future__ import annotations

import hmac
import logging
import tempfile
from pathlib import Path

from assistant import Assistant
from kernel.errors import InputError
from assistant.feedback import FeedbackStore
from matchdata import delete_match, list_matches

log = logging.getLogger(__name__)

FEEDBACK_COLUMNS = ["created_at", "value", "language", "user_text", "kind", "intent", "confidence", "sql"]
UNANSWERED_COLUMNS = ["created_at", "language", "user_text", "confidence"]
MATCH_COLUMNS = ["id", "tournament", "played_at", "stage", "format", "result"]


class AdminActions:
    """Admin actions over one assistant; ``password`` None disables them all."""

    def __init__(self, bot: Assistant, feedback: FeedbackStore, password: str | None):
        self.bot, self.store, self.password = bot, feedback, password or None

    @property
    def enabled(self) -> bool:
        return self.password is not None

    def check(self, password: str | None) -> None:
        """Raise InputError unless ``password`` is the admin password."""
        if not self.enabled:
            raise InputError("The admin tools are disabled on this server (no admin password is set).")
        if not hmac.compare_digest(str(password or "").encode(), self.password.encode()):
            log.warning("admin: wrong password")
            raise InputError("The admin password is wrong.")

    def reload(self, password: str) -> str:
        self.check(password)
        self.bot.reload_intents()
        n = len(self.bot.retriever.kb.intents)
        return f"Reloaded the FAQ files: {n} intents."

    def feedback_rows(self, password: str, limit: int = 50) -> list[list]:
        self.check(password)
        return [[_fmt(r[c]) for c in FEEDBACK_COLUMNS] for r in self.store.latest(limit)]

    def unanswered_rows(self, password: str, limit: int = 50) -> list[list]:
        self.check(password)
        return [[_fmt(r[c]) for c in UNANSWERED_COLUMNS] for r in self.store.unanswered(limit)]

    def match_rows(self, password: str, limit: int = 50) -> list[list]:
        self.check(password)
        return [[_fmt(r[c]) for c in MATCH_COLUMNS] for r in list_matches(self.bot.config.resolved_match_db_url, limit)]

    def delete(self, password: str, match_id) -> str:
        self.check(password)
        if match_id is None or str(match_id).strip() == "":
            raise InputError("Please give the number of the match to delete.")
        delete_match(self.bot.config.resolved_match_db_url, int(float(match_id)))
        return f"Deleted match {int(float(match_id))}."

    def export(self, password: str) -> str:
        """The feedback as a CSV file; returns its path."""
        self.check(password)
        folder = Path(tempfile.mkdtemp(prefix="feedback-"))
        path = folder / "feedback.csv"
        self.store.export_csv(path)
        return str(path)


def _fmt(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 3)
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ", timespec="seconds")
    return value
