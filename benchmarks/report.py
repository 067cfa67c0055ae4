"""One report of everything measured: latency per turn kind, throughput under load, memory, start-up,
and the accuracy numbers of every part, against their targets, with plots.

    .venv/bin/python benchmarks/report.py              # run every benchmark, then print the report
    .venv/bin/python benchmarks/report.py --quick      # shorter runs (load 20 users x 30 s, fewer images)
    .venv/bin/python benchmarks/report.py --reuse      # rerun only benchmarks with no saved result
    .venv/bin/python benchmarks/report.py --only latency,sql

Each benchmark is its own script (run alone, it prints its own table) and saves
``benchmarks/results/<name>.json``; this script runs them one after another (their output streams
through), then reads all the saved results and prints one table of headline numbers with targets,
writes ``benchmarks/results/REPORT.md`` and a dashboard ``benchmarks/results/summary.png``.
A benchmark that fails is reported as failed and the others still run; the exit status is 1 then.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import RESULTS  # noqa: E402

PYTHON = sys.executable
# name -> (script, full arguments, quick arguments); in the order they run and are reported
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "latency": ("latency.py", [], ["--turns", "150"]),
    "app": ("app.py", [], ["--repeat", "3"]),
    "load": ("load.py", [], ["--users", "20", "--seconds", "30"]),
    "crash": ("crash.py", [], ["--n", "60"]),
    "intents": ("intent_accuracy.py", [], ["--sets", "faq,ko-paraphrase,ko-vs-en,banking77"]),
    "sql": ("sql.py", [], []),
    "ocr": ("ocr.py", [], ["--n", "4"]),
    "voices": ("voices.py", [], ["--voices", "en-hibari-heart,en-piper-joe,ko-espeak-minho"]),
}


def run(name: str, quick: bool) -> tuple[bool, float]:
    script, full, short = BENCHMARKS[name]
    path = ROOT / "benchmarks" / script
    if not path.exists():
        print(f"\n=== {name}: {script} is missing, skipped", flush=True)
        return False, 0.0
    print(f"\n=== {name}: {script} {' '.join(short if quick else full)}", flush=True)
    start = time.perf_counter()
    done = subprocess.run([PYTHON, str(path), *(short if quick else full)], cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        print(f"=== {name} failed (exit {done.returncode}) after {seconds:.0f} s", flush=True)
    return done.returncode == 0, seconds


def load_results() -> list[dict]:
    found = []
    for name in BENCHMARKS:
        path = RESULTS / f"{name}.json"
        if path.exists():
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def fmt(value, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "":
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.0f}"
    if unit in ("ms", "MB") and abs(value) >= 10:
        return f"{value:,.0f} {unit}"
    return f"{value:.2f} {unit}" if abs(value) < 10 else f"{value:.1f} {unit}"


def verdict(m: dict) -> str:
    return {True: "met", False: "NOT met", None: ""}[m.get("ok")]


def summary_rows(results: list[dict]) -> list[list[str]]:
    rows = []
    for r in results:
        for m in r["metrics"]:
            rows.append([r["name"], m["label"], fmt(m["value"], m["unit"]), m.get("target") or "", verdict(m),
                         r["measured_at"][:16].replace("T", " ")])
    return rows


def print_report(results: list[dict], failed: list[str]) -> None:
    rows = summary_rows(results)
    header = ["part", "measure", "value", "target", "", "measured (UTC)"]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    print("\n" + "=" * 100)
    print("REPORT: every headline number (2 CPU cores, no GPU; see each part's table above or in REPORT.md)")
    print("=" * 100)
    print(line(header))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))
    met = sum(1 for r in results for m in r["metrics"] if m.get("ok") is True)
    missed = [(r["name"], m["label"]) for r in results for m in r["metrics"] if m.get("ok") is False]
    print(f"\ntargets met: {met}; not met: {len(missed)}" + (f" ({'; '.join(l for _, l in missed)})" if missed else ""))
    if failed:
        print(f"benchmarks that failed or are missing: {', '.join(failed)}")


def write_markdown(results: list[dict], path: Path, dashboard: Path | None) -> None:
    out = ["# Benchmark report", "",
           "Written by `make bench` (`benchmarks/report.py`). Machine: 2 CPU cores, no GPU; timings were taken",
           "with whatever else ran on the machine, so they are pessimistic.", ""]
    if dashboard:
        out += [f"![summary]({dashboard.name})", ""]
    out += ["| part | measure | value | target | | measured (UTC) |", "|---|---|---|---|---|---|"]
    out += ["| " + " | ".join(row) + " |" for row in summary_rows(results)]
    for r in results:
        out += ["", f"## {r['title']}", "", f"`{r['command']}` — {r['measured_at']}, load average "
                f"{', '.join(str(x) for x in r['machine']['load_average'])} on {r['machine']['cores']} cores", ""]
        for t in r["tables"]:
            out += [f"**{t['title']}**", "", "| " + " | ".join(t["columns"]) + " |",
                    "|" + "---|" * len(t["columns"])]
            out += ["| " + " | ".join(str(c) for c in row) + " |" for row in t["rows"]]
            out.append("")
        for plot in r["plots"]:
            out.append(f"![{r['name']}]({Path(plot).relative_to('benchmarks/results') if plot.startswith('benchmarks/results') else '../../' + plot})")
        if r.get("notes"):
            out += ["", r["notes"]]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _share(m: dict) -> bool:
    """A unit-less number between 0 and 1 (an accuracy or an error rate), not a count."""
    return m["unit"] == "" and 0 <= m["value"] <= 1


def dashboard(results: list[dict], path: Path) -> Path | None:
    """Four panels: accuracy (higher is better) and error rates against their targets, latencies
    (log scale) and memory/start-up."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        return None
    metrics = [(r["name"], m) for r in results for m in r["metrics"]
               if m["value"] is not None and not (isinstance(m["value"], float) and math.isnan(m["value"]))]
    panels = [
        ("accuracy (higher is better)", [x for x in metrics if _share(x[1]) and x[1]["higher_is_better"]], False),
        ("error rates and failures (lower is better)", [x for x in metrics if _share(x[1]) and not x[1]["higher_is_better"]],
         False),
        ("latency, ms (log scale)", [x for x in metrics if x[1]["unit"] == "ms"], True),
        ("seconds, MB, turns/s, counts (log scale)", [x for x in metrics if x[1]["unit"] != "ms" and not _share(x[1])], True),
    ]
    panels = [p for p in panels if p[1]]
    heights = [max(2.0, 0.32 * len(p[1]) + 1.0) for p in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(12, sum(heights)), gridspec_kw={"height_ratios": heights})
    axes = [axes] if len(panels) == 1 else list(axes)
    for ax, (title, items, log) in zip(axes, panels):
        labels = [f"{name}: {m['label']}" + (f" [{m['unit']}]" if m["unit"] not in ("", "ms") else "")
                  for name, m in items]
        values = [m["value"] for _, m in items]
        colors = ["#2e8b57" if m.get("ok") else "#c0392b" if m.get("ok") is False else "#5b7db1" for _, m in items]
        ax.barh(labels, values, color=colors)
        for i, (_, m) in enumerate(items):
            if m.get("target"):
                bound = float(m["target"].split()[1])
                ax.plot([bound, bound], [i - 0.4, i + 0.4], color="black", lw=2)
            ax.text(values[i], i, " " + fmt(values[i], m["unit"]), va="center", fontsize=7)
        if log:
            bounds = [float(m["target"].split()[1]) for _, m in items if m.get("target")]
            ax.set_xscale("log")
            ax.set_xlim(min(values + bounds) / 2, max(values + bounds) * 3)
            ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
            ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        elif title.startswith("accuracy"):
            ax.set_xlim(0, 1.08)
        ax.invert_yaxis()
        ax.set_title(title, fontsize=10, loc="left")
        ax.tick_params(labelsize=8)
    fig.suptitle("Measured on 2 CPU cores — green: target met, red: not met, black tick: target", fontsize=9)
    fig.subplots_adjust(left=0.33, right=0.95, top=1 - 0.9 / sum(heights), bottom=0.3 / sum(heights), hspace=0.45)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs of the slow benchmarks")
    parser.add_argument("--reuse", action="store_true", help="run only the benchmarks with no saved result")
    parser.add_argument("--only", default="", help="comma-separated benchmark names to run (others: saved results)")
    parser.add_argument("--no-run", action="store_true", help="only print the report from saved results")
    args = parser.parse_args()
    wanted = [n for n in args.only.split(",") if n] or list(BENCHMARKS)
    unknown = [n for n in wanted if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    failed, timings = [], {}
    if not args.no_run:
        for name in wanted:
            if args.reuse and (RESULTS / f"{name}.json").exists():
                continue
            ok, timings[name] = run(name, args.quick)
            if not ok:
                failed.append(name)
    results = load_results()
    failed += [n for n in BENCHMARKS if n not in {r["name"] for r in results} and n not in failed]
    board = dashboard(results, RESULTS / "summary.png")
    write_markdown(results, RESULTS / "REPORT.md", board)
    print_report(results, failed)
    if timings:
        print("run time: " + ", ".join(f"{n} {s:.0f} s" for n, s in timings.items()))
    print(f"report: {(RESULTS / 'REPORT.md').relative_to(ROOT)}" + (f"; dashboard: {board.relative_to(ROOT)}" if board else ""))
    return 1 if any(n in wanted for n in failed) else 0


if __name__ == "__main__":
    sys.exit(main())
