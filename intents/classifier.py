"""A linear softmax classifier over sentence vectors (multinomial logistic regression).

Fitted with scikit-learn's L-BFGS solver, then kept as two plain arrays (weights and biases), so
prediction is one matrix product.
"""
from __future__ import annotations

import dataclasses
import warnings
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


def fit(vectors: np.ndarray, labels: Sequence[str], c: float | None = None, max_iter: int = 3000) -> LinearClassifier:
    """Fit on ``vectors`` (rows) and their ``labels``; needs at least two distinct labels."""
    from sklearn.linear_model import LogisticRegression

    names = tuple(sorted(set(labels)))
    if len(names) < 2:
        raise ValueError("a classifier needs at least two intents")
    index = {name: i for i, name in enumerate(names)}
    y = np.array([index[label] for label in labels])
    model = LogisticRegression(C=c or DEFAULT_C, max_iter=max_iter)
    with warnings.catch_warnings():
        # few examples per intent (held-out folds of small sets) look like regression to sklearn
        warnings.filterwarnings("ignore", message="The number of unique classes", category=UserWarning)
        model.fit(np.asarray(vectors, dtype=np.float64), y)
    return LinearClassifier(model.coef_.astype(np.float32), model.intercept_.astype(np.float32), names)
