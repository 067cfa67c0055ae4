"""The FAQ retriever: the intent engine fitted on the knowledge base, plus what the FAQ needs on top
(answers and suggestion titles per language, exact-match shortcut, a cache of the tuned engine).
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from pathlib import Path

import numpy as np

from .encoders import Encoder
from .engine import EngineConfig, IntentEngine
from .index import cache_key, load_or_encode
from .loader import KnowledgeBase
from .retrieval import LabelScore

log = logging.getLogger(__name__)

EXACT_MATCH = 0.97
"""A nearest example this similar (cosine of the language-centred vectors, 1.0 for the same text) is
the same question: its intent is answered outright."""


@dataclasses.dataclass(frozen=True)
class Decision:
    """What the retriever makes of one question."""

    intent: str | None
    """The intent to answer with, or ``None`` when no intent is confident enough."""
    confidence: float
    """Calibrated probability that the best intent is right, 0..1."""
    ranking: list[LabelScore]
    """Intents by fused score, best first."""
    evidence: dict[str, float]
    """The best intent's score from each retrieval method (dense, lexical, classifier)."""


class FAQRetriever:
    """Fits (or restores from the cache) an :class:`IntentEngine` on a :class:`KnowledgeBase`."""

    def __init__(self, kb: KnowledgeBase, encoder: Encoder, cache_dir: Path | None = None,
                 config: EngineConfig | None = None):
        self.kb = kb
        self.encoder = encoder
        self.texts, self.labels = kb.examples()
        self.engine = IntentEngine(encoder, config, cache_dir=cache_dir)
        vectors = load_or_encode(encoder, self.texts, cache_dir)
        state_path = None
        if cache_dir is not None:
            pairs = [f"{t}\t{l}" for t, l in zip(self.texts, self.labels)]
            key = cache_key(f"{encoder.name}|{self.engine.config}", pairs)
            state_path = Path(cache_dir) / f"engine-{key}.json"
        if state_path is not None and state_path.exists():
            try:
                self.engine.restore(self.texts, self.labels, vectors, json.loads(state_path.read_text()))
                return
            except (OSError, ValueError, KeyError, TypeError):
                log.warning("ignoring unreadable engine cache %s", state_path)
        self.engine.fit(self.texts, self.labels)
        if state_path is not None:
            state_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=state_path.parent, suffix=".json.tmp")
            with os.fdopen(fd, "w") as fh:
                json.dump(self.engine.tuned_state(), fh)
            os.replace(tmp, state_path)

    def decide(self, text: str) -> Decision:
        """Score ``text`` against every intent, then answer only when the engine is confident."""
        prediction = self.engine.predict([text])[0]
        ranking = [LabelScore(label, score) for label, score in prediction.ranking]
        label, confidence = prediction.label, prediction.confidence
        if prediction.nearest and prediction.nearest[1] >= EXACT_MATCH:
            # one of the intent's own example questions is practically the question itself
            label, similarity = prediction.nearest
            confidence = max(confidence if label == prediction.label else 0.0, similarity)
            if ranking and ranking[0].label != label:
                ranking = [r for r in ranking if r.label == label] + [r for r in ranking if r.label != label]
        return Decision(label, float(np.clip(confidence, 0, 1)), ranking, prediction.evidence)

    def suggestions(self, ranking: list[LabelScore], language: str, n: int = 3,
                    kinds: tuple[str, ...] = ("faq", "sql", "ocr"), exclude: tuple[str, ...] = ()) -> list[str]:
        """The first example question, in ``language``, of the ``n`` best intents of the given kinds."""
        out = []
        for item in ranking:
            intent = self.kb.intents[item.label]
            if intent.kind in kinds and intent.id not in exclude:
                out.append(intent.title(language))
            if len(out) == n:
                break
        return out
