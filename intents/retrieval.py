"""Retrieval as pure functions over arrays (no model, no I/O): easy to test against a numpy oracle."""
from __future__ import annotations

import dataclasses

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
    """An intent and its score."""

    label: str
    score: float
