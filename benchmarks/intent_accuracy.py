"""Intent engine accuracy on validation sets, through the same code as `assistant intents eval`.

    .venv/bin/python benchmarks/intent_accuracy.py [--sets clinc150,banking77,ko-paraphrase,...]
    .venv/bin/python benchmarks/intent_accuracy.py --sets clinc150 --single 300   # one question at a time

Sets (none is used for tuning anything but the engine's own held-out folds of TRAIN):
- clinc150: CLINC150 train -> val, with out-of-scope rows (../shared/data/intents);
- banking77: Banking77 train split 80/20 per intent (seed 0);
- ko-paraphrase, ko2-paraphrase: two Korean sets written for this (intents/data/eval): 62 and 45
  everyday and esports intents, 4 and 3 known phrasings each, 6 unseen paraphrases asked (colloquial,
  banmal and honorific, typos and missing spaces, loanwords in Hangul, mixed script);
- ko-vs-en, ko2-vs-en: the same intents with one English example each, every Korean phrasing asked;
- faq: the project's intent files split 80/20 per intent and language (+ out-of-scope questions);
- faq-ko-paraphrase: per intent three Korean questions of the files known, the other Korean ones asked;
- faq-ko-vs-en: one English question of the files known per intent, every Korean one asked.
The last two are deliberately hard: the files' neighbouring intents were written to be close.
Every row also gets the reference of the issue: frozen e5-small + nearest neighbour (raw vectors,
no rejection). Writes CSVs of each split, a report folder per set and summary.md/summary.json under
benchmarks/results/intents/.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Config  # noqa: E402
from benchmarks.common import metric, save_result, table  # noqa: E402
from intents.encoders import make_encoder  # noqa: E402
from intents.engine import IntentEngine  # noqa: E402
from intents.evaluate import Dataset, evaluate, metrics, read_csv, split_knowledge_base  # noqa: E402
from intents.index import load_or_encode  # noqa: E402
from intents.loader import load_intents  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "intents"
WRITTEN = ROOT / "intents" / "data" / "eval"
OUT = ROOT / "benchmarks" / "results" / "intents"
ALL = "clinc150,banking77,ko-paraphrase,ko-vs-en,ko2-paraphrase,ko2-vs-en,faq,faq-ko-paraphrase,faq-ko-vs-en"


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
    return {"faq-ko-paraphrase": (ko_train, ko_test), "faq-ko-vs-en": (x_train, x_test)}


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
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["text", "intent"])
        writer.writerows(zip(data.texts, data.labels))


def nearest_neighbour(encoder, train: Dataset, test: Dataset, cache_dir) -> dict:
    """The issue's reference: frozen encoder, raw vectors, the intent of the most similar TRAIN
    example, never a refusal (in-scope metrics only)."""
    keep = [i for i, label in enumerate(train.labels) if label != "oos"]
    a = load_or_encode(encoder, [train.texts[i] for i in keep], cache_dir)
    labels = np.array([train.labels[i] for i in keep])
    rows = [i for i, label in enumerate(test.labels) if label != "oos"]
    q = load_or_encode(encoder, [test.texts[i] for i in rows], cache_dir)
    order = np.argsort(-(q @ a.T), axis=1)
    rankings = [list(dict.fromkeys(labels[row].tolist())) for row in order]
    return metrics([test.labels[i] for i in rows], [r[0] for r in rankings], rankings)


def _sets(kb) -> dict:
    sets = {"faq": lambda: split_knowledge_base(kb)}
    kb_sets = _kb_sets(kb)
    for name in kb_sets:
        sets[name] = lambda name=name: kb_sets[name]
    for name, stem in [("ko-paraphrase", "ko_paraphrase"), ("ko-vs-en", "ko_en"),
                       ("ko2-paraphrase", "ko2_paraphrase"), ("ko2-vs-en", "ko2_en")]:
        if (WRITTEN / f"{stem}_train.csv").exists():
            sets[name] = lambda stem=stem: (read_csv(WRITTEN / f"{stem}_train.csv"), read_csv(WRITTEN / f"{stem}_test.csv"))
    if (SHARED / "clinc150_train.csv").exists():
        sets["clinc150"] = lambda: (read_csv(SHARED / "clinc150_train.csv"), read_csv(SHARED / "clinc150_val.csv"))
        sets["banking77"] = lambda: _split(read_csv(SHARED / "banking77_train.csv"))
    return sets


def _files(name: str) -> tuple[str, str]:
    """The TRAIN and TEST files a row's command reads (relative to the project)."""
    if name == "clinc150":
        return "../shared/data/intents/clinc150_train.csv", "../shared/data/intents/clinc150_val.csv"
    stems = {"ko-paraphrase": "ko_paraphrase", "ko-vs-en": "ko_en", "ko2-paraphrase": "ko2_paraphrase",
             "ko2-vs-en": "ko2_en"}
    if name in stems:
        return f"intents/data/eval/{stems[name]}_train.csv", f"intents/data/eval/{stems[name]}_test.csv"
    return f"benchmarks/results/intents/{name}/train.csv", f"benchmarks/results/intents/{name}/test.csv"


def _markdown(rows) -> str:
    fmt = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
    lines = ["| set | n train / test | in-scope accuracy | oos recall | hit@3 | MRR | ms / query | fit s "
             "| e5 + nearest neighbour |", "|---|---|---|---|---|---|---|---|---|"]
    for name, r, nn in rows:
        lines.append(f"| {name} | {r['n_train']:,} / {r['n_test']:,} | **{fmt(r['in_scope_accuracy'])}** | "
                     f"{fmt(r['oos_recall'])} | {fmt(r['hit_at_3'])} | {fmt(r['mrr'])} | {r['ms_per_query']:.1f} | "
                     f"{r['fit_seconds']:.0f} | {fmt(nn['in_scope_accuracy'])} |")
    lines.append("")
    lines.append("Commands (each row is `assistant intents eval`, fitted on TRAIN only):")
    lines.append("")
    for name, _, _ in rows:
        train, test = _files(name)
        lines.append(f"- {name}: `.venv/bin/assistant intents eval --train {train} --test {test} --json`")
    return "\n".join(lines) + "\n"


def single_question_latency(encoder, train: Dataset, test: Dataset, cache_dir, n: int) -> dict:
    """p50/p95 milliseconds of ``predict([question])`` one question at a time (warm engine, each
    question encoded on the spot), as the assistant answers a turn."""
    import time

    engine = IntentEngine(encoder, cache_dir=cache_dir).fit(train.texts, train.labels)
    engine.predict([test.texts[0]])
    times = []
    for text in test.texts[1:n + 1]:
        start = time.perf_counter()
        engine.predict([text])
        times.append((time.perf_counter() - start) * 1000)
    return {"n": len(times), "p50_ms": round(float(np.percentile(times, 50)), 1),
            "p95_ms": round(float(np.percentile(times, 95)), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=ALL)
    parser.add_argument("--no-report", action="store_true", help="skip the report folders (plots)")
    parser.add_argument("--single", type=int, default=0, metavar="N",
                        help="instead, time N single-question predictions per set")
    args = parser.parse_args()
    config = Config.from_env()
    encoder = make_encoder(config.encoder)
    kb = load_intents(config.intents_dir)
    sets = _sets(kb)
    rows = []
    for name in args.sets.split(","):
        if name not in sets:
            print(f"skipping {name}: data not found", file=sys.stderr)
            continue
        train, test = sets[name]()
        if args.single:
            print(name, "single questions", json.dumps(
                single_question_latency(encoder, train, test, config.cache_dir, args.single)), flush=True)
            continue
        if not name.startswith(("ko-", "ko2-", "clinc")):
            _write(OUT / name / "train.csv", train)
            _write(OUT / name / "test.csv", test)
        report = None if args.no_report else OUT / name / "report"
        result = evaluate(lambda: IntentEngine(encoder, cache_dir=config.cache_dir, progress=True),
                          train, test, report)
        nn = nearest_neighbour(encoder, train, test, config.cache_dir)
        rows.append((name, result, nn))
        print(name, json.dumps(result), "nearest neighbour", json.dumps(nn), flush=True)
    print()
    print(f"{'set':<18}{'n_train':>8}{'n_test':>8}{'accuracy':>10}{'in-scope':>10}{'oos rec':>9}"
          f"{'hit@3':>8}{'mrr':>7}{'fit s':>8}{'ms/q':>7}{'NN':>8}")
    fmt = lambda v: "   -" if v is None else f"{v:.3f}"  # noqa: E731
    for name, r, nn in rows:
        print(f"{name:<18}{r['n_train']:>8}{r['n_test']:>8}{fmt(r['accuracy']):>10}{fmt(r['in_scope_accuracy']):>10}"
              f"{fmt(r['oos_recall']):>9}{fmt(r['hit_at_3']):>8}{fmt(r['mrr']):>7}"
              f"{r['fit_seconds']:>8.1f}{r['ms_per_query']:>7.1f}{fmt(nn['in_scope_accuracy']):>8}")
    targets = {"clinc150": ">= 0.94", "banking77": ">= 0.93"}
    metrics_out = [metric(f"{name} in-scope accuracy", r["in_scope_accuracy"], "", targets.get(name)) for name, r, _ in rows]
    metrics_out += [metric(f"{name} oos recall", r["oos_recall"], "", ">= 0.75" if name == "clinc150" else None)
                    for name, r, _ in rows if r.get("oos_recall") is not None]
    if rows:
        save_result("intents", title="Intent and FAQ retrieval (fit on TRAIN only)", metrics=metrics_out, tables=[
            table("assistant intents eval per set", ["set", "n train", "n test", "in-scope", "oos recall", "hit@3",
                                                     "ms/query", "NN in-scope"],
                  [[name, r["n_train"], r["n_test"], r["in_scope_accuracy"], r.get("oos_recall"), r["hit_at_3"],
                    round(r["ms_per_query"], 1), nn["in_scope_accuracy"]] for name, r, nn in rows])])
    if rows and args.sets == ALL:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "summary.md").write_text(_markdown(rows), encoding="utf-8")
        (OUT / "summary.json").write_text(json.dumps(
            {name: {"engine": r, "nearest_neighbour": nn} for name, r, nn in rows}, indent=1))


if __name__ == "__main__":
    main()
