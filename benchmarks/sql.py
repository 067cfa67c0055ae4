"""Statistics questions: execution accuracy on the held-out set and answer latency.

    .venv/bin/python benchmarks/sql.py

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


def main() -> int:
    import datetime as dt
    import tempfile

    import numpy as np
    import yaml

    from assistant.sql.engine import answer
    from assistant.sql.evaluate import QUESTIONS, build_eval_db, evaluate

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
        from assistant.sql.model import default_model

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
    save_result("sql", title="Statistics questions → SQL (held-out questions, unseen names)", metrics=[
        metric("SQL execution accuracy", report["accuracy"], "", ">= 0.9"),
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
