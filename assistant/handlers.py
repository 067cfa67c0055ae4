"""Handlers the router asks: the FAQ (intent retriever) and statistics questions (:mod:`nl2sql`) for
text and speech, the screenshot reader for images."""
from __future__ import annotations

import logging
from typing import Callable

from intents.faq import Decision, FAQRetriever
from kernel.errors import AssistantError, InputError

from .messages import fallback_text, summarize_record
from .reply import Reply
from .router import TEXT_INPUTS, Fit, TurnInput

log = logging.getLogger(__name__)

_KIND_OF_INTENT = {"faq": "faq", "chitchat": "chitchat", "sql": "faq", "ocr": "faq"}


class FAQHandler:
    """Answers from the intent files when the retriever is confident; otherwise offers suggestions.

    ``retriever`` is called on the first text turn (it loads the encoder and the index), so a router
    holding this handler is cheap to build; ``fit`` keeps the retriever it used for ``answer``, so a
    reload of the intent files between the two cannot mix old and new ones."""

    name = "faq"
    accepts = TEXT_INPUTS

    def __init__(self, retriever: Callable[[], FAQRetriever]):
        self._retriever = retriever

    def fit(self, turn: TurnInput) -> Fit:
        retriever = self._retriever()
        decision = retriever.decide(turn.text)
        # An unconfident FAQ decision still carries the suggestions the fallback reply lists.
        if decision.intent is None:
            return Fit(0.0, (retriever, decision))
        if retriever.kb.intents[decision.intent].kind == "sql":
            # "a statistics question" is the SQL handler's to answer; the FAQ text is only a hint
            # on how to ask, used when the SQL handler cannot fill the question.
            return Fit(0.3 * decision.confidence, (retriever, decision))
        return Fit(decision.confidence, (retriever, decision))

    def answer(self, turn: TurnInput, fit: Fit) -> Reply:
        retriever: FAQRetriever
        decision: Decision
        retriever, decision = fit.payload
        if decision.intent is None:
            suggestions = retriever.suggestions(decision.ranking, turn.language)
            return Reply(text=fallback_text(turn.language, suggestions), language=turn.language,
                         kind="fallback", intent=None, confidence=decision.confidence,
                         suggestions=suggestions)
        intent = retriever.kb.intents[decision.intent]
        # Offer runners-up when the answer is not certain, so a near miss is one click from right.
        suggestions = []
        if decision.confidence < 0.9 and intent.kind != "chitchat":
            suggestions = retriever.suggestions(decision.ranking, turn.language, n=2, exclude=(intent.id,))
        return Reply(text=intent.answer[turn.language], language=turn.language,
                     kind=_KIND_OF_INTENT[intent.kind], intent=intent.id, confidence=decision.confidence,
                     suggestions=suggestions,
                     meta={"handler": "faq", "evidence": {k: round(v, 4) for k, v in decision.evidence.items()}})


class OCRHandler:
    """Reads a result screenshot into a Reply of kind ``ocr`` (nothing is recorded until confirmed).

    Names are corrected against the teams and players of the match database at ``url``."""

    name = "ocr"
    accepts = frozenset({"image"})

    def __init__(self, url: str):
        self.url = url

    def fit(self, turn: TurnInput) -> Fit:
        return Fit(1.0)  # the one handler for images; reading is the answer's work

    def answer(self, turn: TurnInput, fit: Fit) -> Reply:
        import ocr
        from matchdata import known_names_from_db

        known = known_names_from_db(self.url)
        record = ocr.read_match_result(turn.image, known_names=known)  # bad files: one-sentence InputError
        sha = ocr.sha256_of(turn.image)
        return Reply(text=summarize_record(record, turn.language), language=turn.language, kind="ocr",
                     confidence=record.confidence, record=record.to_dict(),
                     meta={"handler": "ocr", "image_sha256": sha, "record": record.to_dict()})


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
    accepts = TEXT_INPUTS

    def __init__(self, url: str, model=None):
        self.url = url
        self.model = model

    def fit(self, turn: TurnInput) -> Fit:
        from nl2sql.engine import plan

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
        from nl2sql.engine import answer, execute

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
