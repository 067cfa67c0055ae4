"""The Reply a turn produces (CONTRACTS §3)."""
from __future__ import annotations

import dataclasses
from typing import Any

KINDS = ("faq", "sql", "ocr", "fallback", "chitchat")


@dataclasses.dataclass
class Reply:
    """What the assistant answers to one turn."""

    text: str
    """The answer, in ``language``."""
    language: str
    """``ko`` or ``en``: the language the answer is written in."""
    kind: str
    """``faq``, ``sql``, ``ocr``, ``fallback`` or ``chitchat``."""
    intent: str | None = None
    """The intent that decided the answer, if any."""
    confidence: float = 0.0
    """How sure the assistant is of this answer, 0..1."""
    suggestions: list[str] = dataclasses.field(default_factory=list)
    """Questions the user may have meant ("did you mean…")."""
    sql: str | None = None
    columns: list[str] | None = None
    rows: list[list[Any]] | None = None
    record: dict[str, Any] | None = None
    transcript: str | None = None
    audio: str | None = None
    session: str | None = None
    """The session this turn belongs to."""
    detected_language: str | None = None
    """What the input was written in: ``ko``, ``en`` or ``mixed`` (``None`` for no letters)."""
    turn_id: int | None = None
    """The stored turn's id (for feedback on this reply)."""
    meta: dict[str, Any] | None = None
    """What produced the reply, for follow-ups and feedback (JSON-serialisable; stored with the turn)."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown reply kind {self.kind!r}")
        self.confidence = float(min(1.0, max(0.0, self.confidence)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the reply."""
        return dataclasses.asdict(self)
