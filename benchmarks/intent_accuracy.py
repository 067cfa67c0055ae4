"""Intent engine accuracy on validation sets, through the same code as `assistant intents eval`.

    .venv/bin/python benchmarks/intent_accuracy.py [--sets faq,ko-paraphrase,ko-vs-en,clinc150,banking77]

Sets (none is used for tuning anything but the engine's own held-out folds of TRAIN):
- faq: the project's intent files split 80/20 per intent and language;
- ko-paraphrase: per intent three Korean questions known, the other Korean ones asked;
- ko-vs-en: one English question known per intent, every Korean one asked;
- clinc150: CLINC150 train -> val, with out-of-scope rows (../shared/data/intents);
- banking77: Banking77 train split 80/20 per intent (seed 0).
Writes CSVs of each split and a report folder per set under benchmarks/results/intents/.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Config  # noqa: E402
from intents.encoders import make_encoder  # noqa: E402
from intents.engine import IntentEngine  # noqa: E402
from intents.evaluate import Dataset, evaluate, read_csv, split_knowledge_base  # noqa: E402
from intents.loader import load_intents  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "intents"
OUT = ROOT / "benchmarks" / "results" / "intents"


def _kb_sets(kb):
    ko_train, ko_test, x_train, x_test = Dataset([], []), Dataset([], []), Dataset([], []), Dataset([], [])
    for intent in kb.intents.values():
        ko = list(intent.examples["ko"])
        random.Random(intent.id).shuffle(ko)
        ko_train.texts.extend(ko[:3])
        ko_train.labels.extend([intent.id] * 3)
        ko_test.texts.extend(ko[3:])
        ko_test.labels.extend([intent.id] * (len(ko) - 3))
        x_train.texts.append(intent.examples["en"][0])
        x_train.labels.append(intent.id)
        x_test.texts.extend(ko)
        x_test.labels.extend([intent.id] * len(ko))
    return {"ko-paraphrase": (ko_train, ko_test), "ko-vs-en": (x_train, x_test)}


def _split(data: Dataset, share: float = 0.2, seed: int = 0) -> tuple[Dataset, Dataset]:
    by_label = defaultdict(list)
    for t, label in zip(data.texts, data.labels):
        by_label[label].append(t)
    rng = random.Random(seed)
    train, test = Dataset([], []), Dataset([], [])
    for label, texts in sorted(by_label.items()):
        rng.shuffle(texts)
        n = max(1, round(len(texts) * share))
        test.texts.extend(texts[:n])
        test.labels.extend([label] * n)
        train.texts.extend(texts[n:])
        train.labels.extend([label] * (len(texts) - n))
    return train, test


def _write(path: Path, data: Dataset) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "intent"])
        writer.writerows(zip(data.texts, data.labels))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="faq,ko-paraphrase,ko-vs-en,clinc150,banking77")
    args = parser.parse_args()
    config = Config.from_env()
    encoder = make_encoder(config.encoder)
    kb = load_intents(config.intents_dir)
    sets = {"faq": lambda: split_knowledge_base(kb)}
    kb_sets = _kb_sets(kb)
    sets["ko-paraphrase"] = lambda: kb_sets["ko-paraphrase"]
    sets["ko-vs-en"] = lambda: kb_sets["ko-vs-en"]
    if (SHARED / "clinc150_train.csv").exists():
        sets["clinc150"] = lambda: (read_csv(SHARED / "clinc150_train.csv"), read_csv(SHARED / "clinc150_val.csv"))
        sets["banking77"] = lambda: _split(read_csv(SHARED / "banking77_train.csv"))
    rows = []
    for name in args.sets.split(","):
        if name not in sets:
            print(f"skipping {name}: data not found", file=sys.stderr)
            continue
        train, test = sets[name]()
        _write(OUT / name / "train.csv", train)
        _write(OUT / name / "test.csv", test)
        result = evaluate(lambda: IntentEngine(encoder, cache_dir=config.cache_dir, progress=True),
                          train, test, OUT / name / "report")
        rows.append((name, result))
        print(name, json.dumps(result), flush=True)
    print()
    print(f"{'set':<15}{'n_train':>8}{'n_test':>8}{'accuracy':>10}{'in-scope':>10}{'oos rec':>9}"
          f"{'oos prec':>9}{'hit@3':>8}{'mrr':>7}{'fit s':>8}{'ms/q':>7}")
    fmt = lambda v: "   -" if v is None else f"{v:.3f}"  # noqa: E731
    for name, r in rows:
        print(f"{name:<15}{r['n_train']:>8}{r['n_test']:>8}{fmt(r['accuracy']):>10}{fmt(r['in_scope_accuracy']):>10}"
              f"{fmt(r['oos_recall']):>9}{fmt(r['oos_precision']):>9}{fmt(r['hit_at_3']):>8}{fmt(r['mrr']):>7}"
              f"{r['fit_seconds']:>8.1f}{r['ms_per_query']:>7.1f}")


if __name__ == "__main__":
    main()
