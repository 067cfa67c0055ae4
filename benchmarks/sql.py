"""Statistics questions: execution accuracy on the development set (questions someone else wrote, by
language and difficulty — the headline), on the project's own held-out set, and answer latency.

    .venv/bin/python benchmarks/sql.py [--dev ../shared/data/sql-dev] [--dev-only]

The development set is scored in-process with its own ``score.py`` comparison (column names and order
ignored, extra answer columns allowed, a refusal counts as wrong); the same numbers come from its
README command, which runs ``assistant sql --json`` once per question.

Builds the evaluation database (names the model never saw), answers every held-out question with
the shipped model (warm), and prints accuracy per language and difficulty plus latency
percentiles; writes benchmarks/results/sql.png.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import metric, save_result, table  # noqa: E402


DEFAULT_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "sql-dev"


def dev_report(dev: Path, show_failures: bool = False) -> dict:
    """Execution accuracy on the development set, by language and difficulty, plus answer times."""
    import importlib.util
    import json
    import subprocess
    import tempfile

    from kernel.errors import InputError
    from nl2sql.engine import answer

    spec = importlib.util.spec_from_file_location("dev_score", dev / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    questions = [json.loads(line) for line in (dev / "questions.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dev.db"
        subprocess.run([sys.executable, str(dev / "build_db.py"), str(db)], check=True, capture_output=True)
        url = f"sqlite:///{db}"
        try:
            answer("How many matches were played?", url)  # load the models before timing
        except InputError:
            pass
        rows, times, alone = [], [], []
        for q in questions:
            gold = score.run_sql(str(db), q["sql"])
            start = time.perf_counter()
            try:
                got = answer(q["question"], url)
                ok, why = score.results_match(gold, [list(r) for r in got.rows], q["ordered"]), got.sql
            except InputError as err:
                ok, why = False, f"refused: {err}"
            times.append(1000 * (time.perf_counter() - start))
            rows.append((q["lang"], q["difficulty"], ok))
            alone.append(_model_alone(q, url, gold, score))
            if show_failures and not ok:
                print(f"--- {q['id']}: {q['question']}\n    {why}")
    out = {}
    for name, keep in [("all", lambda r: True), ("ko", lambda r: r[0] == "ko"), ("en", lambda r: r[0] == "en"),
                       ("easy", lambda r: r[1] == "easy"), ("medium", lambda r: r[1] == "medium"),
                       ("hard", lambda r: r[1] == "hard")]:
            part = [r for r in rows if keep(r)]
            out[name] = (len(part), sum(r[2] for r in part) / max(1, len(part)))
    out["times"] = times
    out["model_alone"] = {k: (sum(1 for a in alone if a[0] == k), sum(a[0] == k and a[1] for a in alone))
                          for k in ("answered", "abstained")}
    out["model_alone_correct"] = sum(1 for a in alone if a[0] == "answered" and a[1])
    out["model_alone_confident"] = [a[1] for a in alone if a[0] == "answered" and a[2] >= 0.7]
    return out


def _model_alone(q: dict, url: str, gold, score) -> tuple[str, bool, float]:
    """The IR model alone (no rule parser): its IR executed and compared with the gold rows, as a
    generalisation signal. ('answered'|'abstained', correct, confidence)."""
    from nl2sql.engine import model_reading
    from nl2sql.ir import compile_sql
    from nl2sql.linking import link, load_catalog
    from nl2sql.safety import run_readonly

    ir, p = model_reading(link(q["question"], load_catalog(url)))
    if ir is None:
        return "abstained", False, 0.0
    try:
        rows = run_readonly(url, compile_sql(ir), max_rows=10_000).rows
    except Exception:  # noqa: BLE001 - a model IR that fails to run counts as wrong
        return "answered", False, p
    return "answered", bool(score.results_match(gold, [list(r) for r in rows], q["ordered"])), p


def print_dev(report: dict, dev: Path) -> None:
    import numpy as np

    print(f"Development set {dev} (written by someone else; never trained on)")
    print("| slice | n | execution accuracy | target |\n|---|---|---|---|")
    for name in ("all", "ko", "en", "easy", "medium", "hard"):
        n, acc = report[name]
        target = ">= 0.85" if name == "hard" else (">= 0.90" if name in ("all", "ko", "en") else "")
        print(f"| {name} | {n} | {acc:.3f} | {target} |")
    ma = report["model_alone"]
    conf = report["model_alone_confident"]
    n = sum(v[0] for v in ma.values())
    print(f"\nIR model alone (its IR executed, no rule parser): {report['model_alone_correct']}/{n} correct; "
          f"answered {ma['answered'][0]}, abstained {ma['abstained'][0]}; at confidence >= 0.7: "
          f"{sum(conf)}/{len(conf)} correct")
    t = np.array(report["times"])
    load = " ".join(f"{x:.1f}" for x in __import__("os").getloadavg())
    print(f"\nanswer() on the development set, warm (load average {load}): p50 {np.percentile(t, 50):.1f} ms, "
          f"p95 {np.percentile(t, 95):.1f} ms")


def calibration_report() -> dict:
    """The IR model's calibration, as measured at training on synthesized questions in phrasings it was not
    fit on (each construct's last phrasing per language): ECE per head before and after temperature
    scaling, and the construct head's reliability diagram (benchmarks/results/sql-calibration.png)."""
    from PIL import Image, ImageDraw

    from nl2sql.irmodel import WEIGHTS, IRModel

    info = IRModel.load(WEIGHTS, encoder=object()).info
    print(f"IR model calibration ({info['reliability']['n']} synthesized questions in held-out phrasings)")
    print("| head | accuracy | temperature | ECE before | ECE after |\n|---|---|---|---|---|")
    for head, c in info["calibration"].items():
        print(f"| {head} | {c['accuracy_unseen_phrasings']:.3f} | {info['temperature'][head]:.2f} | "
              f"{c['before']:.3f} | {c['after']:.3f} |")
    size, pad = 300, 40
    img = Image.new("RGB", (2 * size + 3 * pad, size + 2 * pad), "white")
    draw = ImageDraw.Draw(img)
    for k, name in enumerate(("before", "after")):
        x0, y0 = pad + k * (size + pad), pad
        draw.rectangle([x0, y0, x0 + size, y0 + size], outline="black")
        draw.line([x0, y0 + size, x0 + size, y0], fill="grey")
        for i, (n, conf, acc) in enumerate(info["reliability"][name]):
            if n:
                left = x0 + i * size / 10
                draw.rectangle([left + 2, y0 + size * (1 - acc), left + size / 10 - 2, y0 + size], fill="#4a7")
                cx, cy = x0 + conf * size, y0 + size * (1 - conf)
                draw.ellipse([cx - 3, cy - 3, cx + 3, cy + 3], fill="#c44")
        ece = info["calibration"]["construct"][name]
        draw.text((x0, 10), f"construct head, {name} scaling: ECE {ece:.3f}", fill="black")
        draw.text((x0, y0 + size + 8), "confidence (bins) -> accuracy (bars), mean confidence (dots)", fill="black")
    out = Path(__file__).parent / "results" / "sql-calibration.png"
    img.save(out)
    print(f"\nplot: {out}")
    return info


def main() -> int:
    import argparse
    import datetime as dt
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="the development set folder")
    parser.add_argument("--dev-only", action="store_true", help="only the development set")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--calibration", action="store_true", help="only the IR model's calibration report")
    args = parser.parse_args()
    if args.calibration:
        calibration_report()
        return 0
    dev_metrics = []
    if (args.dev / "questions.jsonl").is_file():
        dev = dev_report(args.dev, args.show_failures)
        print_dev(dev, args.dev)
        print()
        dev_metrics = [metric("SQL execution accuracy (dev set)", dev["all"][1], "", ">= 0.9"),
                       metric("SQL execution accuracy (dev set, hard)", dev["hard"][1], "", ">= 0.85")]
        if args.dev_only:
            return 0
    else:
        print(f"(no development set at {args.dev}; skipped)")

    import numpy as np
    import yaml

    from nl2sql.engine import answer
    from nl2sql.evaluate import QUESTIONS, build_eval_db, evaluate

    report = evaluate()
    print("| slice | n | execution accuracy |\n|---|---|---|")
    print(f"| all | {report['n']} | {report['accuracy']:.3f} |")
    for lang, v in sorted(report["by_language"].items()):
        print(f"| {lang} | {v['n']} | {v['accuracy']:.3f} |")
    for diff in ("easy", "medium", "hard"):
        v = report["by_difficulty"].get(diff)
        if v:
            print(f"| {diff} | {v['n']} | {v['accuracy']:.3f} |")
    data = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(data["today"]))
    questions = [q["q"] for q in data["questions"] if not q.get("after")]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        url = build_eval_db(Path(tmp))
        answer(questions[0], url, today=today)
        for _ in range(3):
            for q in questions:
                start = time.perf_counter()
                try:
                    answer(q, url, today=today)
                except Exception:  # noqa: BLE001 - refusals are timed too
                    pass
                times.append(1000 * (time.perf_counter() - start))
        # The same questions through the sentence encoder alone: what the rest of the pipeline adds.
        from nl2sql.model import default_model

        encoder = default_model().encoder
        enc_times = []
        for q in questions * 3:
            start = time.perf_counter()
            encoder.encode([q])
            enc_times.append(1000 * (time.perf_counter() - start))
    t, e = np.array(times), np.array(enc_times)
    load = " ".join(f"{x:.1f}" for x in __import__("os").getloadavg())
    print(f"\n| warm, load average {load} on {__import__('os').cpu_count()} cores | n | p50 ms | p95 ms | p99 ms |\n"
          f"|---|---|---|---|---|\n"
          f"| answer() | {len(t)} | {np.percentile(t, 50):.1f} | {np.percentile(t, 95):.1f} | {np.percentile(t, 99):.1f} |\n"
          f"| e5 encode alone | {len(e)} | {np.percentile(e, 50):.1f} | {np.percentile(e, 95):.1f} | {np.percentile(e, 99):.1f} |")
    out = Path(__file__).parent / "results" / "sql.png"
    slices = [["all", report["n"], round(report["accuracy"], 3)]]
    slices += [[k, v["n"], round(v["accuracy"], 3)] for k, v in sorted(report["by_language"].items())]
    slices += [[k, report["by_difficulty"][k]["n"], round(report["by_difficulty"][k]["accuracy"], 3)]
               for k in ("easy", "medium", "hard") if k in report["by_difficulty"]]
    save_result("sql", title="Statistics questions → SQL (development set and held-out questions, unseen names)", metrics=[
        *dev_metrics,
        metric("SQL execution accuracy (own held-out set)", report["accuracy"], "", ">= 0.9"),
        metric("answer() p50", float(np.percentile(t, 50)), "ms", "<= 150", higher_is_better=False),
        metric("answer() p95", float(np.percentile(t, 95)), "ms", higher_is_better=False),
    ], tables=[table("execution accuracy", ["slice", "n", "accuracy"], slices)], plots=[out])
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.2))
        labels = ["all", *sorted(report["by_language"]), "easy", "medium", "hard"]
        values = [report["accuracy"], *[report["by_language"][k]["accuracy"] for k in sorted(report["by_language"])],
                  *[report["by_difficulty"].get(k, {}).get("accuracy", 0) for k in ("easy", "medium", "hard")]]
        a.bar(labels, values, color="#4a7")
        a.axhline(0.9, color="grey", ls="--", lw=1)
        a.set_ylim(0, 1)
        a.set_title("execution accuracy (held-out)")
        b.hist(t, bins=40, color="#47a")
        b.set_title("answer() latency, ms")
        fig.tight_layout()
        fig.savefig(out, dpi=100)
        print(f"\nplot: {out}")
    except ImportError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
