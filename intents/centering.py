"""Language-specific mean centering of sentence vectors.

multilingual-e5 puts every Korean sentence a little closer to every other Korean sentence than to
any English one: a Korean question about prize money can be nearer an unrelated Korean question than
the English question with the same meaning. Most of that bias is one direction per language. We
estimate it from a small bank of everyday questions written in both languages, line by line
translations of each other (:mod:`intents.language_bank`), so the difference of the two means is the
language and not a topic:

    offset[lang] = mean(bank vectors of lang) - mean(all bank vectors)
    centre       = mean over TRAIN and the bank of (vector - offset[language of the text])
    v'           = normalise(v - centre - offset[language of v])

The centre comes from TRAIN and the bank (nothing of the test set leaks in): the bank keeps a tiny
TRAIN from centring its own questions away, a large TRAIN outweighs it. The bank is fixed data
shipped with the package, like the encoder's weights. A text that mixes scripts gets the offsets weighted by
its share of Hangul letters; a text without letters gets none.

Measured with frozen e5-small and nearest neighbours (``benchmarks/intent_accuracy.py``): Korean
questions against one English example per intent 0.621 -> 0.695 and 0.684 -> 0.726 on the two
written sets; same-language sets move within +-0.01.
"""
from __future__ import annotations

import logging
from typing import Sequence

import numpy as np

from kernel.language import detect
from kernel.registry import cached_loader

log = logging.getLogger(__name__)


def hangul_share(text: str) -> float | None:
    """Share of Hangul among the Hangul and Latin letters of ``text``; ``None`` without letters."""
    found = detect(text)
    total = found.hangul + found.latin
    return None if total == 0 else found.hangul / total


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def bank_offset(encoder, cache_dir=None) -> np.ndarray:
    """``offset_ko - offset_en`` of ``encoder`` (its Korean minus English direction), from the bank;
    computed once per encoder name and process (the bank's vectors go through the vector cache).
    See :func:`bank_centre` for the bank's language-neutral mean."""
    return _bank(encoder, cache_dir)[0]


def bank_centre(encoder, cache_dir=None) -> tuple[np.ndarray, int]:
    """The bank's language-neutral mean vector and how many sentences it stands for."""
    _, centre, n = _bank(encoder, cache_dir)
    return centre, n


@cached_loader(key=lambda encoder, cache_dir=None: encoder.name)
def _bank(encoder, cache_dir=None) -> tuple[np.ndarray, np.ndarray, int]:
    from . import language_bank
    from .index import load_or_encode

    texts = list(language_bank.KO) + list(language_bank.EN)
    if cache_dir is not None:
        vectors = load_or_encode(encoder, texts, cache_dir)
    else:
        vectors = encoder.encode(texts)
    n = len(language_bank.KO)
    ko, en = vectors[:n].mean(axis=0), vectors[n:].mean(axis=0)
    return (ko - en).astype(np.float32), ((ko + en) / 2).astype(np.float32), len(vectors)


class LanguageCentering:
    """Subtracts a centre and a per-language offset from sentence vectors, then re-normalises."""

    def __init__(self, centre: np.ndarray, direction: np.ndarray):
        self.centre = np.asarray(centre, dtype=np.float32)
        self.direction = np.asarray(direction, dtype=np.float32)
        """Korean minus English mean; Korean texts sit at +direction/2, English at -direction/2."""

    @staticmethod
    def _weights(texts: Sequence[str]) -> np.ndarray:
        """Per text: +0.5 for Korean, -0.5 for English, in between for mixed scripts, 0 without letters."""
        out = np.zeros(len(texts), dtype=np.float32)
        for i, text in enumerate(texts):
            share = hangul_share(text)
            if share is not None:
                out[i] = share - 0.5
        return out

    @classmethod
    def fit(cls, vectors: np.ndarray, texts: Sequence[str], direction: np.ndarray,
            prior: np.ndarray | None = None, prior_weight: int = 0) -> "LanguageCentering":
        """The centre of ``vectors`` (TRAIN) once each is moved to the language-neutral middle,
        pooled with ``prior`` (the bank's neutral mean) counted as ``prior_weight`` vectors."""
        direction = np.asarray(direction, dtype=np.float32)
        total = np.zeros_like(direction) if prior is None else prior_weight * np.asarray(prior, np.float32)
        count = 0 if prior is None else prior_weight
        if len(vectors):
            neutral = vectors - cls._weights(texts)[:, None] * direction[None, :]
            total = total + neutral.sum(axis=0)
            count += len(vectors)
        return cls(total / max(count, 1), direction)

    def transform(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """Centred, unit-length copies of ``vectors`` (rows match ``texts``)."""
        vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        if len(vectors) == 0:
            return vectors.copy()
        shifted = vectors - self.centre[None, :] - self._weights(texts)[:, None] * self.direction[None, :]
        return _normalise(shifted)

    def state(self) -> dict:
        return {"centre": self.centre.tolist(), "direction": self.direction.tolist()}

    @classmethod
    def from_state(cls, state: dict) -> "LanguageCentering":
        return cls(np.array(state["centre"], dtype=np.float32), np.array(state["direction"], dtype=np.float32))
