"""A linear softmax classifier over sentence vectors (multinomial logistic regression).

Fitted with scikit-learn's L-BFGS solver, then kept as two plain arrays (weights and biases), so
prediction is one matrix product and the cache on disk is a small ``.npz`` file, not a pickle.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

DEFAULT_C = 20.0
"""Inverse L2 strength; 20 measured best on CLINC150 val with rejection (0.945 in-scope, 0.76 oos recall); 50 is within 0.01 on the FAQ files."""


@dataclasses.dataclass(frozen=True)
class LinearClassifier:
    """Weights ``(n_labels, dim)``, biases ``(n_labels,)`` and the label of each row."""

    weights: np.ndarray
    biases: np.ndarray
    labels: tuple[str, ...]

    def predict_proba(self, vectors: np.ndarray) -> np.ndarray:
        """Probabilities ``(n, n_labels)`` for the rows of ``vectors``."""
        logits = np.atleast_2d(vectors) @ self.weights.T + self.biases
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        return logits / logits.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        """Write atomically, so a concurrent reader never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, weights=self.weights, biases=self.biases, labels=np.array(self.labels))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "LinearClassifier":
        with np.load(path, allow_pickle=False) as data:
            return cls(data["weights"], data["biases"], tuple(str(x) for x in data["labels"]))


def fit(vectors: np.ndarray, labels: Sequence[str], c: float | None = None, max_iter: int = 3000) -> LinearClassifier:
    """Fit on ``vectors`` (rows) and their ``labels``; needs at least two distinct labels."""
    from sklearn.linear_model import LogisticRegression

    names = tuple(sorted(set(labels)))
    if len(names) < 2:
        raise ValueError("a classifier needs at least two intents")
    index = {name: i for i, name in enumerate(names)}
    y = np.array([index[label] for label in labels])
    model = LogisticRegression(C=c or DEFAULT_C, max_iter=max_iter)
    model.fit(np.asarray(vectors, dtype=np.float64), y)
    return LinearClassifier(model.coef_.astype(np.float32), model.intercept_.astype(np.float32), names)
