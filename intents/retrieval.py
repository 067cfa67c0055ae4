"""Retrieval as pure functions over arrays (no model, no I/O): easy to test against a numpy oracle."""
from __future__ import annotations

import dataclasses
from typing import Sequence

import numpy as np


def brute_force_search(queries: np.ndarray, corpus: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact inner-product top-``k``: (scores, indices), each ``(len(queries), min(k, len(corpus)))``,
    best first; ties broken by the lower index."""
    k = min(k, len(corpus))
    sims = queries @ corpus.T
    order = np.lexsort((np.broadcast_to(np.arange(len(corpus)), sims.shape), -sims), axis=1)[:, :k]
    return np.take_along_axis(sims, order, axis=1), order


@dataclasses.dataclass(frozen=True)
class LabelScore:
    """An intent and its score: the best similarity among its example questions."""

    label: str
    score: float
    example: int
    """Index of the example question that gave the score."""


def rank_labels(scores: np.ndarray, indices: np.ndarray, labels: Sequence[str]) -> list[LabelScore]:
    """Collapse one query's example hits (best first) into labels, each scored by its best hit."""
    seen: dict[str, LabelScore] = {}
    for score, idx in zip(scores.tolist(), indices.tolist()):
        if idx < 0:  # faiss pads with -1 when fewer than k vectors exist
            continue
        label = labels[idx]
        if label not in seen:
            seen[label] = LabelScore(label, float(score), int(idx))
    return list(seen.values())
