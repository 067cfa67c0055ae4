"""Evaluation of the intent engine: fit on TRAIN only, score TEST (CONTRACTS §2 ``intents eval``).

Metrics: ``accuracy`` over every row (an ``oos`` row is right when rejected), ``in_scope_accuracy``,
``hit_at_3`` and ``mrr`` over in-scope rows (the latter two ignore rejection), ``oos_recall`` and
``oos_precision`` of rejection. ``--report DIR`` adds per-intent precision/recall, the most confused
pairs, a confusion-matrix PNG and a confidence histogram.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

import numpy as np

from kernel.errors import InputError

from .loader import LANGUAGES

OOS = "oos"
MAX_CSV_BYTES = 200_000_000


@dataclasses.dataclass(frozen=True)
class Dataset:
    texts: list[str]
    labels: list[str]


def read_csv(path: str | Path) -> Dataset:
    """A ``text,intent`` CSV (UTF-8, header required); errors name the file and the line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"The file {path} does not exist.")
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"The file {path} is empty.")
    if len(raw) > MAX_CSV_BYTES:
        raise InputError(f"The file {path} is larger than {MAX_CSV_BYTES // 1_000_000} MB.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"The file {path} is not valid UTF-8 (byte {err.start}).") from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"text", "intent"} <= {f.strip() for f in reader.fieldnames}:
        raise InputError(f"The file {path} must start with the header 'text,intent'.")
    texts, labels = [], []
    try:
        for row in reader:
            t, label = (row.get("text") or "").strip(), (row.get("intent") or "").strip()
            if not t or not label:
                raise InputError(f"The file {path} has an empty text or intent on line {reader.line_num}.")
            texts.append(t)
            labels.append(label)
    except csv.Error as err:
        raise InputError(f"The file {path} is not valid CSV ({err}).") from None
    if not texts:
        raise InputError(f"The file {path} has a header but no rows.")
    return Dataset(texts, labels)


def split_knowledge_base(kb, test_share: float = 0.2, seed: int = 0) -> tuple[Dataset, Dataset]:
    """Split the project's own intent files: per intent and language, ``test_share`` of the examples
    (at least one) go to TEST, the rest to TRAIN; the out-of-scope questions likewise, as ``oos``."""
    rng = random.Random(seed)
    train, test = Dataset([], []), Dataset([], [])
    for intent in kb.intents.values():
        for lang in LANGUAGES:
            examples = list(intent.examples[lang])
            rng.shuffle(examples)
            n_test = max(1, round(len(examples) * test_share)) if len(examples) > 1 else 0
            for i, text in enumerate(examples):
                target = test if i < n_test else train
                target.texts.append(text)
                target.labels.append(intent.id)
    rejects = list(kb.out_of_scope)
    rng.shuffle(rejects)
    n_test = round(len(rejects) * test_share)
    for i, text in enumerate(rejects):
        target = test if i < n_test else train
        target.texts.append(text)
        target.labels.append(OOS)
    return train, test


def metrics(gold: Sequence[str], predicted: Sequence[str | None], rankings: Sequence[Sequence[str]]) -> dict:
    """The CONTRACTS §2 metrics (without timings) from gold labels, decisions and ranked labels."""
    gold = list(gold)
    is_oos = np.array([g == OOS for g in gold])
    pred_oos = np.array([p is None for p in predicted])
    right = np.array([(g == OOS and p is None) or (p is not None and p == g) for g, p in zip(gold, predicted)])
    ranks = []
    for g, ranking in zip(gold, rankings):
        if g == OOS:
            continue
        ranking = list(ranking)
        ranks.append(ranking.index(g) + 1 if g in ranking else 0)
    ranks = np.array(ranks)
    in_scope = ~is_oos
    return {
        "accuracy": float(right.mean()) if len(gold) else 0.0,
        "in_scope_accuracy": float(right[in_scope].mean()) if in_scope.any() else None,
        "oos_recall": float(pred_oos[is_oos].mean()) if is_oos.any() else None,
        "oos_precision": float(is_oos[pred_oos].mean()) if pred_oos.any() else None,
        "hit_at_3": float(((ranks >= 1) & (ranks <= 3)).mean()) if len(ranks) else None,
        "mrr": float(np.where(ranks > 0, 1.0 / np.maximum(ranks, 1), 0.0).mean()) if len(ranks) else None,
    }


def evaluate(engine_factory, train: Dataset, test: Dataset, report_dir: Path | None = None) -> dict:
    """Fit a fresh engine on ``train`` only, predict ``test``, return the metrics (and write a report)."""
    engine = engine_factory()
    start = time.perf_counter()
    engine.fit(train.texts, train.labels)
    fit_seconds = time.perf_counter() - start
    start = time.perf_counter()
    predictions = engine.predict(test.texts)
    ms_per_query = (time.perf_counter() - start) * 1000 / max(1, len(test.texts))
    predicted = [p.label for p in predictions]
    result = metrics(test.labels, predicted, [[label for label, _ in p.ranking] for p in predictions])
    result.update({"n_train": len(train.texts), "n_test": len(test.texts),
                   "fit_seconds": round(fit_seconds, 3), "ms_per_query": round(ms_per_query, 3)})
    if report_dir is not None:
        write_report(Path(report_dir), test, predictions, result)
    return result


def write_report(folder: Path, test: Dataset, predictions, result: dict) -> None:
    """Per-intent precision/recall, most confused pairs, confusion matrix and confidence histogram."""
    folder.mkdir(parents=True, exist_ok=True)
    gold = test.labels
    pred = [p.label or OOS for p in predictions]
    labels = sorted(set(gold) | set(pred))
    per_intent = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        n_pred = sum(1 for p in pred if p == label)
        n_gold = sum(1 for g in gold if g == label)
        per_intent.append({"intent": label, "support": n_gold,
                           "precision": round(tp / n_pred, 4) if n_pred else None,
                           "recall": round(tp / n_gold, 4) if n_gold else None})
    with (folder / "per_intent.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["intent", "support", "precision", "recall"])
        writer.writeheader()
        writer.writerows(per_intent)
    confused = Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(20)
    (folder / "confused_pairs.json").write_text(json.dumps(
        [{"gold": g, "predicted": p, "count": n} for (g, p), n in confused], ensure_ascii=False, indent=1))
    (folder / "metrics.json").write_text(json.dumps(result, indent=1))
    _plots(folder, gold, pred, labels, predictions)


def _plots(folder: Path, gold, pred, labels, predictions) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=np.int32)
    for g, p in zip(gold, pred):
        matrix[index[g], index[p]] += 1
    size = min(24, 4 + len(labels) * 0.12)
    fig, ax = plt.subplots(figsize=(size, size))
    shown = np.where(matrix > 0, np.log1p(matrix), np.nan)
    ax.imshow(shown, cmap="viridis", interpolation="nearest")
    ticks = range(len(labels))
    font = max(3, min(9, int(600 / max(1, len(labels)))))
    ax.set_xticks(ticks, labels, rotation=90, fontsize=font)
    ax.set_yticks(ticks, labels, fontsize=font)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title("Confusion matrix (log count; off-diagonal = errors)")
    fig.tight_layout()
    fig.savefig(folder / "confusion_matrix.png", dpi=100)
    plt.close(fig)

    right = np.array([g == p for g, p in zip(gold, pred)])
    conf = np.array([p.confidence for p in predictions])
    is_oos = np.array([g == OOS for g in gold])
    fig, ax = plt.subplots(figsize=(7, 3.5))
    bins = np.linspace(0, 1, 26)
    ax.hist(conf[~is_oos & right], bins=bins, alpha=0.7, label="in scope, right")
    ax.hist(conf[~is_oos & ~right], bins=bins, alpha=0.7, label="in scope, wrong")
    if is_oos.any():
        ax.hist(conf[is_oos], bins=bins, alpha=0.7, label="out of scope")
    ax.set_xlabel("confidence")
    ax.set_ylabel("questions")
    ax.set_title("Confidence of the best intent")
    ax.legend()
    fig.tight_layout()
    fig.savefig(folder / "confidence_histogram.png", dpi=100)
    plt.close(fig)
