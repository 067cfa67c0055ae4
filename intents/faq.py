"""The FAQ retriever: a question → scores for every intent → a decision (answer, or "did you mean…").

Two scorers share one set of example-question vectors:
- a linear classifier (multinomial logistic regression) trained on them, used when every intent has
  at least ``MIN_EXAMPLES_FOR_CLASSIFIER`` examples;
- nearest neighbours in a FAISS index (an intent scores its best example's cosine similarity),
  the fallback for tiny knowledge bases and the source of exact matches.
Deciding is separate from scoring: answer only when the best intent clears a threshold and leads the
second by a margin.
"""
from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from pathlib import Path

import numpy as np

from . import classifier as clf
from .encoders import Encoder
from .index import VectorIndex, cache_key, load_or_encode
from .loader import KnowledgeBase
from .retrieval import LabelScore, rank_labels

log = logging.getLogger(__name__)

MIN_EXAMPLES_FOR_CLASSIFIER = 3
EXACT_MATCH = 0.97
"""A nearest example this similar is the same question; its intent wins outright."""


@dataclasses.dataclass(frozen=True)
class Thresholds:
    """When to answer: the best intent's score must reach ``threshold`` and lead by ``margin``."""

    threshold: float
    margin: float


CLASSIFIER_THRESHOLDS = Thresholds(threshold=0.3, margin=0.05)
NEIGHBOUR_THRESHOLDS = Thresholds(threshold=0.86, margin=0.015)


@dataclasses.dataclass(frozen=True)
class Decision:
    """What the retriever makes of one question."""

    intent: str | None
    """The intent to answer with, or ``None`` when no intent is confident enough."""
    confidence: float
    """The best intent's score, 0..1 (a probability with the classifier, a similarity without)."""
    ranking: list[LabelScore]
    """Intents by score, best first."""
    neighbours: list[LabelScore]
    """Intents by their nearest example question, best first."""


class FAQRetriever:
    """Scores questions against a :class:`KnowledgeBase` and decides whether to answer."""

    def __init__(self, kb: KnowledgeBase, encoder: Encoder, cache_dir: Path | None = None,
                 top_k: int = 20, classifier_thresholds: Thresholds = CLASSIFIER_THRESHOLDS,
                 neighbour_thresholds: Thresholds = NEIGHBOUR_THRESHOLDS):
        self.kb = kb
        self.encoder = encoder
        self.top_k = top_k
        self.texts, self.labels = kb.examples()
        vectors = load_or_encode(encoder, self.texts, cache_dir)
        self.index = VectorIndex(vectors)
        self.classifier = self._classifier(vectors, cache_dir)
        self.thresholds = classifier_thresholds if self.classifier else neighbour_thresholds

    def _classifier(self, vectors: np.ndarray, cache_dir: Path | None) -> clf.LinearClassifier | None:
        counts = Counter(self.labels)
        if len(counts) < 2 or min(counts.values()) < MIN_EXAMPLES_FOR_CLASSIFIER:
            log.info("some intent has fewer than %d examples: using nearest neighbours only",
                     MIN_EXAMPLES_FOR_CLASSIFIER)
            return None
        path = None
        if cache_dir is not None:
            pairs = [f"{text}\t{label}" for text, label in zip(self.texts, self.labels)]
            key = cache_key(f"{self.encoder.name}|C={clf.DEFAULT_C}", pairs)
            path = cache_dir / f"classifier-{key}.npz"
            if path.exists():
                try:
                    return clf.LinearClassifier.load(path)
                except (OSError, ValueError, KeyError):
                    log.warning("ignoring unreadable classifier cache %s", path)
        model = clf.fit(vectors, self.labels)
        if path is not None:
            model.save(path)
        return model

    def neighbours(self, vector: np.ndarray) -> list[LabelScore]:
        """Intents of the ``top_k`` nearest example questions, each scored by its best one."""
        scores, indices = self.index.search(vector, self.top_k)
        return rank_labels(scores[0], indices[0], self.labels)

    def decide(self, text: str) -> Decision:
        """Score ``text`` against every intent, then answer only when one is good and clearly ahead."""
        vector = self.encoder.encode([text])
        neighbours = self.neighbours(vector)
        if self.classifier is not None:
            probs = self.classifier.predict_proba(vector)[0]
            order = np.argsort(-probs)
            ranking = [LabelScore(self.classifier.labels[i], float(probs[i]), -1) for i in order[:self.top_k]]
        else:
            ranking = neighbours
        if not ranking:
            return Decision(None, 0.0, [], neighbours)
        if neighbours and neighbours[0].score >= EXACT_MATCH:
            best = neighbours[0]
            score = max(best.score, next((r.score for r in ranking if r.label == best.label), 0.0))
            ranking = [LabelScore(best.label, score, best.example)] + [r for r in ranking if r.label != best.label]
            return Decision(best.label, min(1.0, score), ranking, neighbours)
        best = ranking[0]
        second = ranking[1].score if len(ranking) > 1 else 0.0
        confident = best.score >= self.thresholds.threshold and best.score - second >= self.thresholds.margin
        return Decision(best.label if confident else None, float(np.clip(best.score, 0, 1)), ranking, neighbours)

    def suggestions(self, ranking: list[LabelScore], language: str, n: int = 3,
                    kinds: tuple[str, ...] = ("faq", "sql", "ocr")) -> list[str]:
        """The first example question, in ``language``, of the ``n`` best intents of the given kinds."""
        out = []
        for item in ranking:
            intent = self.kb.intents[item.label]
            if intent.kind in kinds:
                out.append(intent.title(language))
            if len(out) == n:
                break
        return out
