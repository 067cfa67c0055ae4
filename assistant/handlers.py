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
        return Fit(decision.confidence if decision.intent else 0.0, decision)

    def answer(self, turn: TurnInput, fit: Fit) -> Reply:
        decision: Decision = fit.payload
        if decision.intent is None:
            suggestions = self.retriever.suggestions(decision.ranking, turn.language)
            return Reply(text=fallback_text(turn.language, suggestions), language=turn.language,
                         kind="fallback", intent=None, confidence=decision.confidence,
                         suggestions=suggestions)
        intent = self.retriever.kb.intents[decision.intent]
        # Offer the runners-up too, so a person can correct a near miss with one click.
        others = [item for item in decision.ranking[1:] if item.score >= self.retriever.thresholds.threshold / 2]
        return Reply(text=intent.answer[turn.language], language=turn.language,
                     kind=_KIND_OF_INTENT[intent.kind], intent=intent.id, confidence=decision.confidence,
                     suggestions=self.retriever.suggestions(others, turn.language, n=2))
