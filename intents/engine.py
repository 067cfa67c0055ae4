"""The intent engine: hybrid retrieval, a trained classifier, rank fusion and out-of-scope rejection.

    engine = IntentEngine(encoder).fit(texts, labels)     # labels may include "oos" (reject these)
    engine.predict(["how do I check in?"])                # [Prediction(label, confidence, ranking)]

Scoring, for every intent:
- dense: the best cosine similarity among its example questions (FAISS, exact or HNSW by size);
- lexical: the best BM25 score among its examples, over Korean-friendly character n-grams;
- classifier: multinomial logistic regression over the sentence vectors (only when every intent has
  at least ``min_examples``; otherwise nearest neighbours carry the decision).
The three rankings are fused by weighted reciprocal-rank fusion. Deciding is separate: a calibrator
(logistic regression over features of the top two intents) turns the evidence into the probability
that the best intent is right, and the engine answers only above a threshold and an ambiguity margin.
Fusion weights, calibrator and threshold are fitted on held-out folds of TRAIN: some examples of
every intent and every example of a few intents are held out, so the held-out intents act as
out-of-scope questions even when TRAIN has no ``oos`` rows.
"""
from __future__ import annotations

import dataclasses
import itertools
import logging
import time
from collections import Counter
from typing import Sequence

import numpy as np

from . import classifier as clf
from .encoders import Encoder
from .index import VectorIndex
from .lexical import BM25

log = logging.getLogger(__name__)

OOS = "oos"
STATE_VERSION = 3
"""Bumped whenever the meaning of :meth:`IntentEngine.tuned_state` changes, so old caches are refitted."""
_OOS_CLASS = "\0oos"  # cannot collide with an intent name read from a file
METHODS = ("dense", "lexical", "classifier")


@dataclasses.dataclass(frozen=True)
class EngineConfig:
    """Settings of the intent engine (defaults measured on CLINC150, Banking77 and the FAQ files)."""

    k: int = 30
    """Nearest example questions (dense and lexical) looked at per query."""
    min_examples: int = 3
    """Fewest examples per intent for the classifier to take part."""
    rrf_k: float = 5.0
    """Rank constant of reciprocal-rank fusion: small values trust the top ranks more."""
    weights: tuple[float, float, float] | None = None
    """Fusion weights (dense, lexical, classifier); ``None`` tunes them on held-out folds."""
    folds: int = 3
    """Held-out folds used to tune fusion and calibration."""
    holdout_intents: float = 0.15
    """Share of intents hidden entirely in each fold, to act as out-of-scope questions."""
    max_refusal: float = 0.02
    """Most right in-scope answers (held-out) the threshold may refuse; a quarter of it when TRAIN has
    no ``oos`` rows, since hidden intents are then the only evidence of what to reject."""
    margin: float = 0.0
    """Smallest lead of the best intent's calibrated probability over the runner-up's."""
    seed: int = 0


@dataclasses.dataclass(frozen=True)
class Prediction:
    """The engine's answer to one question."""

    label: str | None
    """The intent, or ``None`` when the question is out of scope or too uncertain."""
    confidence: float
    """Calibrated probability that the best intent is right (0..1)."""
    ranking: list[tuple[str, float]]
    """Intents with fused scores, best first (top ``k``)."""
    evidence: dict[str, float] = dataclasses.field(default_factory=dict)
    """The best intent's score from each method."""
    nearest: tuple[str, float] | None = None
    """The intent of the most similar example question and that cosine similarity."""


class _Scorers:
    """The three scorers fitted on one set of examples; returns per-intent score matrices."""

    def __init__(self, vectors: np.ndarray, texts: Sequence[str], labels: np.ndarray, names: list[str],
                 config: EngineConfig, oos_vectors: np.ndarray | None = None):
        self.names = names
        self.labels = labels  # label index per example
        self.config = config
        self.index = VectorIndex(vectors)
        self.bm25 = BM25(texts)
        counts = np.bincount(labels, minlength=len(names))
        self.classifier = None
        self.oos_column = None
        if len(names) >= 2 and counts.min() >= config.min_examples:
            # Questions to reject, when TRAIN has them, are one more class: the classifier then says
            # how much a question looks like them (a strong out-of-scope signal for the calibrator).
            has_oos = oos_vectors is not None and len(oos_vectors) >= config.min_examples
            x = np.concatenate([vectors, oos_vectors]) if has_oos else vectors
            y = [names[i] for i in labels] + ([_OOS_CLASS] * len(oos_vectors) if has_oos else [])
            model = clf.fit(x, y)
            order = {name: i for i, name in enumerate(model.labels)}
            self.classifier = (model, np.array([order[n] for n in names]))
            self.oos_column = order.get(_OOS_CLASS)

    def scores(self, vectors: np.ndarray, texts: Sequence[str]) -> dict[str, np.ndarray]:
        n, m = len(texts), len(self.names)
        dense = np.full((n, m), -1.0, dtype=np.float32)
        sims, ids = self.index.search(vectors, self.config.k)
        for row in range(n):
            for sim, idx in zip(sims[row][::-1], ids[row][::-1]):  # worst first, so the best wins
                if idx >= 0:
                    dense[row, self.labels[idx]] = sim
        lexical = np.zeros((n, m), dtype=np.float32)
        bm = self.bm25.scores(texts)
        top = np.argpartition(-bm, min(self.config.k, bm.shape[1] - 1), axis=1)[:, :self.config.k]
        for row in range(n):
            for idx in top[row]:
                lab = self.labels[idx]
                lexical[row, lab] = max(lexical[row, lab], bm[row, idx])
        out = {"dense": dense, "lexical": lexical}
        if self.classifier is not None:
            model, order = self.classifier
            probs = model.predict_proba(vectors)
            out["classifier"] = probs[:, order]
            if self.oos_column is not None:
                out["oos"] = probs[:, self.oos_column]
        return out


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of every column per row (1 = best)."""
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    rows = np.arange(scores.shape[0])[:, None]
    ranks[rows, order] = np.arange(1, scores.shape[1] + 1)
    return ranks


def fuse(scores: dict[str, np.ndarray], weights: dict[str, float], rrf_k: float) -> np.ndarray:
    """Weighted reciprocal-rank fusion: sum over methods of ``w / (rrf_k + rank)``."""
    total = None
    for method, matrix in scores.items():
        w = weights.get(method, 0.0) if method in METHODS else 0.0
        if w <= 0:
            continue
        part = w / (rrf_k + _ranks(matrix))
        total = part if total is None else total + part
    if total is None:
        raise ValueError("fusion needs at least one method with a positive weight")
    return total


def _features(scores: dict[str, np.ndarray], fused: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Calibration features of the best fused intent per row, and that intent's index."""
    order = np.argsort(-fused, axis=1)
    rows = np.arange(len(fused))
    best, second = order[:, 0], order[:, 1] if fused.shape[1] > 1 else order[:, 0]
    feats = [fused[rows, best], fused[rows, best] - fused[rows, second]]
    for method in METHODS:
        matrix = scores.get(method)
        if matrix is None:
            feats += [np.zeros(len(rows)), np.zeros(len(rows)), np.zeros(len(rows))]
            continue
        top = matrix.max(axis=1)
        if method == "lexical":  # BM25 is unbounded: use the share of the best score
            norm = np.maximum(top, 1e-6)
            feats += [matrix[rows, best] / norm, (matrix[rows, best] - matrix[rows, second]) / norm,
                      np.log1p(top)]
        else:
            feats += [matrix[rows, best], matrix[rows, best] - matrix[rows, second],
                      (matrix.argmax(axis=1) == best).astype(np.float32)]
    feats.append(scores.get("oos", np.zeros(len(rows))))
    return np.stack(feats, axis=1).astype(np.float32), best


class IntentEngine:
    """Fit on (text, intent) pairs, predict intents with calibrated confidence and rejection."""

    def __init__(self, encoder: Encoder, config: EngineConfig | None = None, cache_dir=None,
                 progress: bool = False):
        self.encoder = encoder
        self.config = config or EngineConfig()
        self.cache_dir = cache_dir
        self.progress = progress
        self.names: list[str] = []
        self.weights: dict[str, float] = {}
        self.threshold = 0.5
        self._calibrator = None
        self._scorers: _Scorers | None = None
        self._texts: list[str] = []
        self._labels: list[str] = []
        self._vectors: np.ndarray | None = None

    # Fitting -----------------------------------------------------------------------------------
    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        from .index import load_or_encode

        return load_or_encode(self.encoder, list(texts), self.cache_dir) if self.cache_dir else \
            self.encoder.encode(list(texts), progress="encoding" if self.progress else None)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "IntentEngine":
        """Index and train on ``texts``/``labels`` only; ``oos`` rows teach what to reject."""
        if len(texts) != len(labels):
            raise ValueError("texts and labels differ in length")
        start = time.perf_counter()
        vectors = self._encode(texts)
        self._texts, self._labels, self._vectors = list(texts), list(labels), vectors
        self._fit_from_vectors()
        log.info("intent engine fitted on %d examples in %.1f s", len(texts), time.perf_counter() - start)
        return self

    def _fit_from_vectors(self) -> None:
        labels = np.array(self._labels)
        in_scope = labels != OOS
        names = sorted(set(labels[in_scope].tolist()))
        if not names:
            raise ValueError("TRAIN needs at least one in-scope intent")
        self.names = names
        index = {n: i for i, n in enumerate(names)}
        y = np.array([index.get(label, -1) for label in labels])
        texts = np.array(self._texts, dtype=object)
        self._tune(self._vectors, texts, y)
        self._scorers = _Scorers(self._vectors[in_scope], list(texts[in_scope]), y[in_scope], names, self.config,
                                 oos_vectors=self._vectors[~in_scope])

    def _folds(self, y: np.ndarray):
        """(train mask, test mask, hidden intents, out-of-scope rows to train on) per fold."""
        rng = np.random.default_rng(self.config.seed)
        n_names = len(self.names)
        fold_of = rng.integers(0, self.config.folds, len(y))
        n_hidden = int(round(self.config.holdout_intents * n_names)) if n_names >= 8 else 0
        perm = rng.permutation(n_names)
        for f in range(self.config.folds):
            hidden = set(perm[(f * n_hidden) % n_names:][:n_hidden].tolist()) if n_hidden else set()
            hidden_mask = np.isin(y, list(hidden))
            train = (fold_of != f) & ~hidden_mask & (y >= 0)
            test = (fold_of == f) | (hidden_mask & (fold_of != f) & (rng.random(len(y)) < 0.3))
            yield train, test, hidden, (fold_of != f) & (y < 0)

    def _tune(self, vectors: np.ndarray, texts: np.ndarray, y: np.ndarray) -> None:
        """Choose fusion weights, then fit the calibrator and threshold, on held-out folds."""
        collected = []  # per fold: (scores restricted to visible intents, gold index or -1, names)
        counts = Counter(y[y >= 0].tolist())
        if len(self.names) < 2 or min(counts.values()) < 2:
            self.weights = {"dense": 1.0, "lexical": 0.3, "classifier": 1.0}
            self._calibrator, self.threshold = None, 0.0
            return
        folds = list(self._folds(y))
        # Held-out folds see fewer examples per intent than the final fit: let the classifier take
        # part in them whenever it will take part in the final engine.
        fold_config = self.config
        if min(counts.values()) >= self.config.min_examples:
            fold_config = dataclasses.replace(self.config, min_examples=1)
        iterator = folds
        if self.progress:
            from tqdm import tqdm
            iterator = tqdm(folds, desc="tuning on held-out folds", unit="fold")
        for train, test, hidden, oos_train in iterator:
            visible = [i for i in range(len(self.names)) if i not in hidden and (y[train] == i).any()]
            remap = {old: new for new, old in enumerate(visible)}
            y_train = np.array([remap[i] for i in y[train]])
            scorers = _Scorers(vectors[train], list(texts[train]), y_train,
                               [self.names[i] for i in visible], fold_config, oos_vectors=vectors[oos_train])
            scores = scorers.scores(vectors[test], list(texts[test]))
            gold = np.array([remap.get(i, -1) for i in y[test]])
            collected.append((scores, gold))
        self.weights = self.config_weights(collected)
        feats, correct = [], []
        for scores, gold in collected:
            fused = fuse(scores, self.weights, self.config.rrf_k)
            f, best = _features(scores, fused)
            feats.append(f)
            correct.append((best == gold) & (gold >= 0))
        x, t = np.concatenate(feats), np.concatenate(correct)
        gold_all = np.concatenate([g for _, g in collected])
        self._fit_calibrator(x, t, gold_all, real_oos=bool((y < 0).any()))

    def config_weights(self, collected) -> dict[str, float]:
        if self.config.weights is not None:
            return dict(zip(METHODS, self.config.weights))
        grid = [0.0, 0.25, 0.5, 1.0]
        best, best_acc = {"dense": 1.0, "lexical": 0.0, "classifier": 1.0}, -1.0
        has_classifier = all("classifier" in s for s, _ in collected)
        for wd, wl, wc in itertools.product([0.25, 0.5, 1.0], grid, [1.0] if has_classifier else [0.0]):
            weights = {"dense": wd, "lexical": wl, "classifier": wc}
            right = total = 0
            for scores, gold in collected:
                keep = gold >= 0
                fused = fuse(scores, weights, self.config.rrf_k)
                right += int((fused.argmax(axis=1)[keep] == gold[keep]).sum())
                total += int(keep.sum())
            acc = right / max(total, 1)
            if acc > best_acc + 1e-9:
                best, best_acc = weights, acc
        log.info("fusion weights %s (held-out top-1 %.3f)", best, best_acc)
        return best

    def _fit_calibrator(self, x: np.ndarray, correct: np.ndarray, gold: np.ndarray, real_oos: bool = True) -> None:
        from sklearn.linear_model import LogisticRegression

        if correct.all() or not correct.any():
            self._calibrator, self.threshold = None, 0.0
            return
        model = LogisticRegression(C=1.0, max_iter=2000).fit(x, correct)
        self._calibrator = (model.coef_[0].astype(np.float32), float(model.intercept_[0]))
        p = self._calibrate(x)
        in_scope = gold >= 0
        # Choose the threshold that maximises held-out accuracy (a rejected out-of-scope question is
        # right, a rejected in-scope one is wrong), refusing at most max_refusal of right answers.
        best_t, best_acc = 0.0, -1.0
        right_in_scope = correct & in_scope
        for t in np.linspace(0.05, 0.95, 91):
            accept = p >= t
            refused_right = (~accept & right_in_scope).sum() / max(1, right_in_scope.sum())
            budget = self.config.max_refusal if real_oos else self.config.max_refusal / 4
            if refused_right > budget and t > 0.05:
                break
            acc = ((accept & correct) | (~accept & ~in_scope)).mean()
            if acc > best_acc:
                best_t, best_acc = t, acc
        self.threshold = float(best_t)
        log.info("rejection threshold %.2f (held-out accuracy %.3f)", best_t, best_acc)

    def _calibrate(self, feats: np.ndarray) -> np.ndarray:
        w, b = self._calibrator
        return 1.0 / (1.0 + np.exp(-(feats @ w + b)))

    # Saving ------------------------------------------------------------------------------------
    def tuned_state(self) -> dict:
        """What tuning learned (fusion weights, calibrator, threshold) as JSON-able values."""
        return {"version": STATE_VERSION, "names": self.names, "weights": self.weights, "threshold": self.threshold,
                "calibrator": None if self._calibrator is None else
                [self._calibrator[0].tolist(), self._calibrator[1]]}

    def restore(self, texts: Sequence[str], labels: Sequence[str], vectors: np.ndarray, state: dict) -> "IntentEngine":
        """Rebuild a fitted engine from its examples, their vectors and :meth:`tuned_state`, skipping
        the held-out tuning (the classifier itself is refitted, or taken from its own cache)."""
        if state.get("version") != STATE_VERSION:
            raise ValueError("the saved engine state is from another version")
        self._texts, self._labels, self._vectors = list(texts), list(labels), vectors
        self.names = list(state["names"])
        self.weights = dict(state["weights"])
        self.threshold = float(state["threshold"])
        cal = state["calibrator"]
        self._calibrator = None if cal is None else (np.array(cal[0], dtype=np.float32), float(cal[1]))
        labels_arr = np.array(self._labels)
        in_scope = labels_arr != OOS
        index = {n: i for i, n in enumerate(self.names)}
        y = np.array([index[label] for label in labels_arr[in_scope]])
        self._scorers = _Scorers(vectors[in_scope], [t for t, keep in zip(self._texts, in_scope) if keep], y,
                                 self.names, self.config, oos_vectors=vectors[~in_scope])
        return self

    # Predicting --------------------------------------------------------------------------------
    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Decide each text: the best intent, or ``None`` when out of scope / too uncertain."""
        if self._scorers is None:
            raise RuntimeError("fit the engine first")
        if not texts:
            return []
        vectors = self.encoder.encode(list(texts))
        scores = self._scorers.scores(vectors, list(texts))
        fused = fuse(scores, self.weights, self.config.rrf_k)
        feats, best = _features(scores, fused)
        if self._calibrator is not None:
            conf = self._calibrate(feats)
        else:
            conf = np.clip(scores.get("classifier", scores["dense"]).max(axis=1), 0, 1)
        k = min(self.config.k, len(self.names))
        order = np.argsort(-fused, axis=1)[:, :k]
        out = []
        for row in range(len(texts)):
            ranking = [(self.names[j], float(fused[row, j])) for j in order[row]]
            c = float(conf[row])
            label = self.names[best[row]] if c >= self.threshold else None
            evidence = {m: float(s[row, best[row]]) for m, s in scores.items() if s.ndim == 2}
            if "oos" in scores:
                evidence["oos"] = float(scores["oos"][row])
            top_dense = int(scores["dense"][row].argmax())
            nearest = (self.names[top_dense], float(scores["dense"][row, top_dense]))
            out.append(Prediction(label, c, ranking, evidence, nearest))
        return out

    # Incremental updates -----------------------------------------------------------------------
    def add(self, texts: Sequence[str], labels: Sequence[str]) -> None:
        """Add examples (of new or existing intents); only the new texts are encoded."""
        vectors = self._encode(texts)
        self._texts += list(texts)
        self._labels += list(labels)
        self._vectors = np.concatenate([self._vectors, vectors]) if self._vectors is not None else vectors
        self._fit_from_vectors()

    def remove(self, label: str) -> None:
        """Forget every example of ``label``; nothing is re-encoded."""
        keep = [i for i, l in enumerate(self._labels) if l != label]
        if len(keep) == len(self._labels):
            return
        self._texts = [self._texts[i] for i in keep]
        self._labels = [self._labels[i] for i in keep]
        self._vectors = self._vectors[keep]
        self._fit_from_vectors()
