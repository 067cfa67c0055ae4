"""The learned IR predictor: the structure of a question's IR from its masked text, values from linking.

Input: the masked question (linked names replaced by their type), featurized as in the sketch model
(the multilingual-e5-small sentence vector ⊕ hashed character 1-3-grams). A shared ReLU layer (256) feeds
softmax heads that predict the
IR's structure: the ``construct`` of the IR grammar (``templates/ir_grammar.yaml``: what is selected,
the measure and its aggregate, grouping, order, limit, having, set operations), the ``modifier`` that
scopes it (a year, a tournament, none), and — as consistency signals — the measure's aggregate, the
selected entity and the order direction. :func:`IRModel.read` then fills the construct's slots from
value linking (teams, players, tournaments, games, regions, roles, the year, numbers) and returns the
IR with a calibrated confidence (temperature scaling fit on synthesized questions in phrasings the
model did not train on). When a slot cannot be filled, the model has no reading.

Training synthesizes questions over the demo database's names (never the development set's), with a
progress bar, and fits a shared ReLU layer and the heads with numpy (minibatch Adam, dropout)::

    .venv/bin/python -m nl2sql.irmodel train

Inference is numpy only; the weights (``weights/irmodel.npz``) carry the digest of the grammar and the
cue lexicon they came from, and a test fails when they are stale.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from kernel.registry import cached_loader

from .ir import IR
from .model import load_weights, save_weights

WEIGHTS = Path(__file__).parent / "weights" / "irmodel.npz"
TEMPLATES = Path(__file__).parent / "templates"
HEADS = ("construct", "modifier", "agg", "select", "order")


def grammar_digest() -> str:
    """SHA-256 (16 hex) of what the training data comes from: the IR grammar, the linking lexicon and the
    demo names (the masks follow from linking)."""
    from .synth import content_digest

    return content_digest(TEMPLATES / name for name in ("ir_grammar.yaml", "lexicon.yaml", "demo_names.yaml"))


def labels(ex) -> dict[str, str]:
    """The head labels of one synthesized example."""
    ir = ex.ir
    measure = ir.measure or ""
    return {"construct": ex.construct, "modifier": ex.modifier,
            "agg": measure.split(":")[0] if measure else "none",
            "select": (ir.select[0].split(".")[0] if ir.select else "none"),
            "order": ir.order or "none"}


def features(masked: Sequence[str], encoder, progress: str | None = None, cache: Path | None = None) -> np.ndarray:
    """The sketch model's features (the e5 vector ⊕ hashed character 1-3-grams), so one question is encoded once."""
    from .model import featurize

    return featurize(list(masked), encoder, progress=progress, cache=cache)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _slots(linked) -> dict[str, Any]:
    """What value linking gives for the grammar's slots."""
    out: dict[str, Any] = {}
    for etype, keys in (("team", ("team", "team2")), ("player", ("player",)), ("tournament", ("tournament",)),
                        ("game", ("game",)), ("region", ("region",)), ("role", ("role",))):
        for key, value in zip(keys, linked.values(etype)):
            out[key] = value
    if linked.year:
        # Two years ("in 2024 but not 2025") fill year and next_year; one year is a year's range.
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", linked.text)]
        first = years[0] if years else linked.year
        second = years[1] if len(years) > 1 and years[1] != first else first + 1
        out |= {"year": first, "next_year": second, "year_after": second + 1}
    return out


def _needed(obj: Any) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", json.dumps(obj, ensure_ascii=False)))


def _numbers(spec: dict, numbers: list[int], year: int | None) -> dict:
    """The construct's literal thresholds and limits replaced by the question's own numbers."""
    nums = [n for n in numbers if n != year]
    if not nums:
        return spec
    spec = dict(spec)
    if isinstance(spec.get("having"), list) and len(spec["having"]) == 2:
        spec["having"] = [spec["having"][0], nums[0]]
        # a threshold on each further measure takes the question's next numbers, in order
        spec["having_also"] = [[m, op, nums[i + 1] if i + 1 < len(nums) else v]
                               for i, (m, op, v) in enumerate(spec.get("having_also") or [])]
    elif isinstance(spec.get("limit"), int) and spec["limit"] > 1:
        spec["limit"] = nums[0]
    return spec


def shape_of(ir: IR) -> str:
    if ir.setop:
        return "set"
    if ir.group and ir.limit:
        return "top"
    if ir.group:
        return "having" if ir.having else "group"
    if ir.measure and not ir.select:
        return "count"
    return "list"


class IRModel:
    """Numpy inference: ``predict`` gives per-head probabilities, ``read`` a filled IR and its confidence."""

    def __init__(self, arrays: dict[str, np.ndarray], info: dict[str, Any], encoder=None):
        self.arrays = {k: v.astype(np.float32) for k, v in arrays.items()}
        self.info = info
        self._encoder = encoder

    @property
    def encoder(self):
        if self._encoder is None:
            from .model import default_model

            self._encoder = default_model().encoder  # the same e5 encoder the sketch model loaded
        return self._encoder

    def features(self, masked: Sequence[str]) -> np.ndarray:
        return features(masked, self.encoder)

    def logits(self, x: np.ndarray) -> dict[str, np.ndarray]:
        x = (x - self.arrays["mu"]) / self.arrays["sd"]
        # one row: einsum, not BLAS, whose threads make it ~100x slower on a busy machine
        z = np.einsum("ij,jk->ik", x, self.arrays["w1"]) if len(x) == 1 else x @ self.arrays["w1"]
        h = np.maximum(z + self.arrays["b1"], 0.0)
        return {head: h @ self.arrays[f"w_{head}"] + self.arrays[f"b_{head}"] for head in self.info["heads"]}

    def predict(self, masked: Sequence[str], calibrated: bool = True) -> list[dict[str, dict[str, float]]]:
        if not masked:
            return []
        logits = self.logits(self.features(masked))
        out: list[dict[str, dict[str, float]]] = [dict() for _ in masked]
        for head, classes in self.info["heads"].items():
            t = self.info["temperature"].get(head, 1.0) if calibrated else 1.0
            p = _softmax(logits[head] / t)
            for i in range(len(masked)):
                out[i][head] = {c: float(p[i, j]) for j, c in enumerate(classes)}
        return out

    def read(self, linked, pred: dict[str, dict[str, float]] | None = None) -> tuple[IR | None, float, str]:
        """The most probable construct whose slots linking can fill: (IR, confidence, construct); the IR is
        None when no construct among the likely ones can be filled."""
        from .irsynth import _fill, _ir, grammar

        pred = pred or self.predict([linked.masked])[0]
        g = grammar()
        slots = _slots(linked)
        mods = sorted(pred["modifier"].items(), key=lambda kv: -kv[1])
        for construct, p in sorted(pred["construct"].items(), key=lambda kv: -kv[1])[:3]:
            if p < 0.05:
                break
            spec = g["constructs"][construct]
            if not _needed(spec["ir"]) <= set(slots):
                continue
            for mod, pm in mods:
                if mod not in spec.get("where", ["none"]) or pm < 0.05:
                    continue
                filters = g["modifiers"][mod]["filters"]
                if not _needed(filters) <= set(slots):
                    continue
                ir_spec = _numbers(spec["ir"], linked.numbers, linked.year)
                try:
                    ir = _ir(_fill(ir_spec, slots), _fill(filters, slots))
                except (KeyError, ValueError, IndexError):
                    continue
                return ir, p * pm, construct
        return None, 0.0, ""

    def save(self, path: Path) -> None:
        save_weights(path, self.arrays, self.info)

    @classmethod
    def load(cls, path: Path = WEIGHTS, encoder=None) -> "IRModel":
        arrays, info = load_weights(path, "The IR model", "nl2sql.irmodel")
        return cls(arrays, info, encoder)


@cached_loader
def default_irmodel() -> IRModel:
    """The shipped IR model, loaded once per process."""
    return IRModel.load(WEIGHTS)


# ---------------------------------------------------------------- training

def fit(x: np.ndarray, ys: dict[str, np.ndarray], classes: dict[str, list[str]], epochs: int = 12,
        hidden: int = 256, lr: float = 1e-3, l2: float = 1e-4, progress: bool = True, seed: int = 0) -> dict[str, np.ndarray]:
    """A shared ReLU layer and one softmax per head over standardized features; minibatch Adam with
    dropout (0.1 on the input, 0.3 on the hidden layer), in numpy."""
    rng = np.random.default_rng(seed)
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-3
    xs = ((x - mu) / sd).astype(np.float32)
    params = {"w1": (rng.standard_normal((x.shape[1], hidden)) * np.sqrt(2 / x.shape[1])).astype(np.float32),
              "b1": np.zeros(hidden, np.float32)}
    for h, cs in classes.items():
        params[f"w_{h}"] = (rng.standard_normal((hidden, len(cs))) * 0.01).astype(np.float32)
        params[f"b_{h}"] = np.zeros(len(cs), np.float32)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(v_) for k, v_ in params.items()}
    epochs_iter = range(epochs)
    if progress:
        from tqdm import tqdm
        epochs_iter = tqdm(epochs_iter, desc="training", unit="epoch")
    n, t = len(xs), 0
    for _ in epochs_iter:
        total = 0.0
        perm = rng.permutation(n)
        for start in range(0, n, 64):
            idx = perm[start:start + 64]
            xb = xs[idx] * ((rng.random((len(idx), xs.shape[1])) > 0.1) / 0.9)
            z = xb @ params["w1"] + params["b1"]
            keep = (rng.random(z.shape) > 0.3) / 0.7
            hb = np.maximum(z, 0) * keep
            grads, dh = {}, np.zeros_like(hb)
            for h in classes:
                p = _softmax(hb @ params[f"w_{h}"] + params[f"b_{h}"])
                y = ys[h][idx]
                total -= float(np.log(p[np.arange(len(idx)), y] + 1e-9).sum())
                p[np.arange(len(idx)), y] -= 1.0
                p /= len(idx)
                grads[f"w_{h}"], grads[f"b_{h}"] = hb.T @ p, p.sum(axis=0)
                dh += p @ params[f"w_{h}"].T
            dz = dh * keep * (z > 0)
            grads["w1"], grads["b1"] = xb.T @ dz, dz.sum(axis=0)
            t += 1
            for k, g in grads.items():
                g = g + l2 * params[k]
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                params[k] -= lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
        if progress:
            epochs_iter.set_postfix(loss=f"{total / n:.4f}")
    params["mu"], params["sd"] = mu.astype(np.float32), sd.astype(np.float32)
    return params


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width confidence bins."""
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(conf[sel].mean() - correct[sel].mean())
    return float(total)


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[list[float]]:
    """Per equal-width confidence bin: [count, mean confidence, accuracy] (a reliability diagram's data)."""
    edges = np.linspace(0, 1, bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        out.append([int(sel.sum()), round(float(conf[sel].mean()), 4) if sel.any() else 0.0,
                    round(float(correct[sel].mean()), 4) if sel.any() else 0.0])
    return out


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature minimizing the negative log-likelihood (grid search, log scale)."""
    best, best_nll = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.05), np.log(20), 200)):
        p = _softmax(logits / t)
        nll = -float(np.log(p[np.arange(len(y)), y] + 1e-12).mean())
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def synthesized(per_phrasing: int, seed: int):
    """(examples, masked texts) over a fresh demo database (the demo names, never the development set)."""
    import datetime as dt
    import tempfile

    from kernel.db import dispose_all

    from .demo import ensure_demo_database
    from .irsynth import synthesize, values_from_url
    from .linking import link, load_catalog
    from .model import TRAIN_ANCHOR

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/train.db"
        ensure_demo_database(url, anchor=TRAIN_ANCHOR)
        examples = list(synthesize(values_from_url(url), per_phrasing, seed))
        catalog = load_catalog(url)
        masked = [link(e.text, catalog, TRAIN_ANCHOR).masked for e in examples]
        dispose_all()
    assert dt  # the anchor fixes "today", so training is reproducible
    return examples, masked


def _phrasing_holdout(examples) -> np.ndarray:
    """True for the examples of each construct's last phrasing per language (calibration only)."""
    from .irsynth import grammar

    g = grammar()["constructs"]
    last = {(name, lang): spec[lang][-1] for name, spec in g.items() for lang in ("en", "ko")}
    out = []
    for e in examples:
        # the phrasing's fixed words (outside slots) all in the question
        words = [w for w in re.split(r"\{\w+\}", last[(e.construct, e.lang)]) if w.strip()]
        out.append(all(w.strip() in e.text for w in words))
    return np.array(out)


def build_and_train(out: Path = WEIGHTS, per_phrasing: int = 40, seed: int = 0, epochs: int = 12,
                    progress: bool = True, cache: Path | None = None, report: Path | None = None,
                    l2: float = 1e-4) -> dict[str, Any]:
    from intents.encoders import E5Encoder

    start = time.perf_counter()
    examples, masked = synthesized(per_phrasing, seed)
    n_pairs = len(examples)
    # Distinct (masked text, labels): names are masked, so most pairs repeat.
    seen, keep = set(), []
    for i, (e, m) in enumerate(zip(examples, masked)):
        key = (m, json.dumps(labels(e), sort_keys=True))
        if key not in seen:
            seen.add(key)
            keep.append(i)
    examples = [examples[i] for i in keep]
    masked = [masked[i] for i in keep]
    encoder = E5Encoder()
    x = features(masked, encoder, progress="encoding" if progress else None, cache=cache)
    classes = {h: sorted({labels(e)[h] for e in examples}) for h in HEADS}
    ys = {h: np.array([classes[h].index(labels(e)[h]) for e in examples]) for h in HEADS}
    hold = _phrasing_holdout(examples)
    # 1. Calibration: train without each construct's last phrasings, fit temperatures on them.
    cal_params = fit(x[~hold], {h: y[~hold] for h, y in ys.items()}, classes, epochs, l2=l2, progress=progress)
    cal = IRModel(cal_params, {"heads": classes, "temperature": {}}, encoder)
    logits = cal.logits(x[hold])
    temps, calib = {}, {}
    for h in HEADS:
        y = ys[h][hold]
        temps[h] = fit_temperature(logits[h], y)
        for name, t in (("before", 1.0), ("after", temps[h])):
            p = _softmax(logits[h] / t)
            calib.setdefault(h, {})[name] = round(ece(p.max(axis=1), p.argmax(axis=1) == y), 4)
        calib[h]["accuracy_unseen_phrasings"] = round(float((logits[h].argmax(axis=1) == y).mean()), 4)
    p_b = _softmax(logits["construct"])
    p_a = _softmax(logits["construct"] / temps["construct"])
    right = p_b.argmax(axis=1) == ys["construct"][hold]
    diagram = {"before": reliability(p_b.max(axis=1), right), "after": reliability(p_a.max(axis=1), right),
               "n": int(hold.sum())}
    if report is not None:
        np.savez(report, conf_before=p_b.max(axis=1), conf_after=p_a.max(axis=1), correct=right)
    # 2. The shipped model: every phrasing, the temperatures from step 1.
    params = fit(x, ys, classes, epochs, l2=l2, progress=progress)
    info = {"heads": classes, "temperature": temps, "calibration": calib, "reliability": diagram,
            "grammar": grammar_digest(),
            "encoder": getattr(encoder, "name", "unknown"), "per_phrasing": per_phrasing, "seed": seed,
            "pairs": n_pairs, "distinct": len(examples), "epochs": epochs, "l2": l2}
    model = IRModel(params, info, encoder)
    model.save(out)
    return {"weights": str(out), "pairs": n_pairs, "distinct": len(examples), "calibration": calib,
            "temperature": temps, "seconds": round(time.perf_counter() - start, 1), "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nl2sql.irmodel",
                                     description="Train the IR predictor on synthesized questions.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="synthesize questions and train (writes the weights file)")
    t.add_argument("--out", type=Path, default=WEIGHTS)
    t.add_argument("--per-phrasing", type=int, default=40)
    t.add_argument("--epochs", type=int, default=12)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--l2", type=float, default=1e-4)
    t.add_argument("--cache", type=Path, default=None,
                   help="reuse sentence vectors between runs (default: var/cache/sql-train-vectors.npz)")
    t.add_argument("--report", type=Path, default=None, help="write the calibration set's confidences here (.npz)")
    args = parser.parse_args(argv)
    from kernel.paths import from_env

    cache = args.cache or from_env().cache_dir / "sql-train-vectors.npz"
    result = build_and_train(args.out, args.per_phrasing, args.seed, args.epochs, cache=cache, report=args.report,
                             l2=args.l2)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
