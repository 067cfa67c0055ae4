"""The router handler for statistics questions (Reply kind ``sql``)."""
from __future__ import annotations

import logging

from kernel.errors import AssistantError, InputError
from assistant.reply import Reply
from assistant.router import Fit, TurnInput

log = logging.getLogger(__name__)


def previous_query(turn: TurnInput) -> dict | None:
    """The structured query of the session's latest SQL turn, if the latest turns were about statistics."""
    for earlier in reversed(turn.history):
        if earlier.kind == "sql" and earlier.meta and earlier.meta.get("kind"):
            return earlier.meta
        if earlier.kind == "fallback" and (earlier.meta or {}).get("handler") == "sql":
            continue  # a statistics question this handler refused: look further back
        return None  # the conversation moved on to something else
    return None


class SQLHandler:
    """Claims turns the sketch model reads as statistics questions.

    ``fit`` runs value linking and the model (no SQL): its score is the probability that the turn is
    a statistics question it can fill (high, > 0.9, when sure; low for FAQ questions and chit-chat).
    """

    name = "sql"

    def __init__(self, url: str, model=None):
        self.url = url
        self.model = model

    def fit(self, turn: TurnInput) -> Fit:
        from .engine import plan

        context = previous_query(turn)
        try:
            p = plan(turn.text, self.url, context, model=self.model)
        except AssistantError as err:  # e.g. the match database cannot be read
            log.warning("SQL handler cannot score the turn: %s", err)
            return Fit(0.0, None)
        if p.problem == "not_stats":
            # Not a statistics question: leave it to the FAQ, whose fallback offers suggestions.
            return Fit(0.0, {"plan": p})
        if p.query is None and p.ir is None:
            # A statistics question it cannot fill: claim it only moderately, so the FAQ may answer it.
            return Fit(0.5 * p.stats_probability, {"plan": p})
        return Fit(min(p.confidence, p.stats_probability), {"plan": p})

    def answer(self, turn: TurnInput, fit: Fit) -> Reply:
        from .engine import answer, execute

        planned = (fit.payload or {}).get("plan")
        try:
            if planned is not None:
                result = execute(planned, self.url, turn.language)
            else:
                result = answer(turn.text, self.url, language=turn.language, context=previous_query(turn),
                                model=self.model)
        except InputError as err:
            return Reply(text=str(err), language=turn.language, kind="fallback", confidence=fit.score,
                         meta={"handler": "sql", "error": str(err)})
        return Reply(text=result.text, language=turn.language, kind="sql", intent="stats_question",
                     confidence=result.confidence, sql=result.sql, columns=result.columns, rows=result.rows,
                     meta=result.meta)
