"""Handlers the router asks: the FAQ (intent retriever) and the fallback that always fits a little."""
from __future__ import annotations

from intents.faq import Decision, FAQRetriever

from .messages import fallback_text
from .reply import Reply
from .router import Fit, TurnInput

_KIND_OF_INTENT = {"faq": "faq", "chitchat": "chitchat", "sql": "faq", "ocr": "faq"}


class FAQHandler:
    """Answers from the intent files when the retriever is confident; otherwise offers suggestions."""

    name = "faq"

    def __init__(self, retriever: FAQRetriever):
        self.retriever = retriever

    def fit(self, turn: TurnInput) -> Fit:
        decision = self.retriever.decide(turn.text)
        # An unconfident FAQ decision still carries the suggestions the fallback reply lists.
        if decision.intent is None:
            return Fit(0.0, decision)
        if self.retriever.kb.intents[decision.intent].kind == "sql":
            # "a statistics question" is the SQL handler's to answer; the FAQ text is only a hint
            # on how to ask, used when the SQL handler cannot fill the question.
            return Fit(0.3 * decision.confidence, decision)
        return Fit(decision.confidence, decision)

    def answer(self, turn: TurnInput, fit: Fit) -> Reply:
        decision: Decision = fit.payload
        if decision.intent is None:
            suggestions = self.retriever.suggestions(decision.ranking, turn.language)
            return Reply(text=fallback_text(turn.language, suggestions), language=turn.language,
                         kind="fallback", intent=None, confidence=decision.confidence,
                         suggestions=suggestions)
        intent = self.retriever.kb.intents[decision.intent]
        # Offer runners-up when the answer is not certain, so a near miss is one click from right.
        suggestions = []
        if decision.confidence < 0.9 and intent.kind != "chitchat":
            suggestions = self.retriever.suggestions(decision.ranking, turn.language, n=2, exclude=(intent.id,))
        return Reply(text=intent.answer[turn.language], language=turn.language,
                     kind=_KIND_OF_INTENT[intent.kind], intent=intent.id, confidence=decision.confidence,
                     suggestions=suggestions,
                     meta={"handler": "faq", "evidence": {k: round(v, 4) for k, v in decision.evidence.items()}})
