"""The router: every handler says how well it fits a turn, then the best fit answers.

Every turn takes this one path: text, the transcript of audio, and a screenshot alike. Each handler
declares the kinds of input it ``accepts`` (``text``, ``audio``, ``image``); the router asks only
those. Scoring is kept apart from deciding: handlers return a :class:`Fit` (a score and what they
found), the router picks the highest score, and only that handler builds the reply.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Protocol

from .reply import Reply


@dataclasses.dataclass(frozen=True)
class TurnInput:
    """One user turn, checked and with its language settled."""

    session: str
    text: str
    language: str
    """The language to answer in (``ko``/``en``)."""
    detected: str | None
    """What the text was written in: ``ko``, ``en``, ``mixed`` or ``None``."""
    history: tuple = ()
    """Earlier turns of the session (oldest first)."""
    input_kind: str = "text"
    """What the person sent: ``text``, ``audio`` (``text`` is then its transcript) or ``image``."""
    image: Any = None
    """The screenshot of an ``image`` turn (a path or the file's bytes), unread."""


@dataclasses.dataclass(frozen=True)
class Fit:
    """A handler's claim on a turn: ``score`` in 0..1 and whatever it needs to answer."""

    score: float
    payload: Any = None


INPUT_KINDS = ("text", "audio", "image")
TEXT_INPUTS = frozenset({"text", "audio"})
"""Typed text and the transcript of speech: what the FAQ and statistics handlers accept."""


class Handler(Protocol):
    name: str
    accepts: frozenset[str]
    """The input kinds (of :data:`INPUT_KINDS`) this handler may answer."""

    def fit(self, turn: TurnInput) -> Fit:
        """How well this handler can answer ``turn``."""

    def answer(self, turn: TurnInput, fit: Fit) -> Reply:
        """The reply, given this handler's own ``fit``."""


class Router:
    """Asks each handler in order; the highest score wins, earlier handlers win ties."""

    def __init__(self, handlers: list[Handler]):
        if not handlers:
            raise ValueError("a router needs at least one handler")
        self.handlers = handlers

    def route(self, turn: TurnInput) -> Reply:
        handler, fit = self.pick(turn)
        return handler.answer(turn, fit)

    def pick(self, turn: TurnInput) -> tuple[Handler, Fit]:
        """The winning handler and its fit (a score that is not a number counts as no claim). Only
        handlers that accept the turn's kind of input are asked."""
        best_handler, best_fit = None, None
        for handler in self.handlers:
            if turn.input_kind not in handler.accepts:
                continue
            fit = handler.fit(turn)
            if best_fit is None or (fit.score == fit.score and not best_fit.score >= fit.score):
                best_handler, best_fit = handler, fit
        if best_handler is None:
            raise LookupError(f"no handler accepts {turn.input_kind!r} input")
        return best_handler, best_fit
