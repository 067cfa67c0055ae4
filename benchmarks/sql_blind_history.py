"""Plot the blind SQL measure over the sessions: each pair of sets written by new writers, scored once when it
arrived (before that session's failure rounds) and once after them, totals only.

The numbers are the measurements recorded in ``benchmarks/results/sql-blind-history.csv`` (each was printed by the
official scorer; docs/sql.md has the commands and the per-language tables). Usage::

    .venv/bin/python benchmarks/sql_blind_history.py    # prints the table, writes benchmarks/results/sql-blind.png
"""
from __future__ import annotations

import csv
from pathlib import Path

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    with open(RESULTS / "sql-blind-history.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    print(f"{'sets':<12} {'rounds':<7} {'before':>8} {'after':>8} {'gain':>6}")
    for r in rows:
        n = int(r["total"])
        before, after = 100 * int(r["before_correct"]) / n, 100 * int(r["after_correct"]) / n
        print(f"{r['sets']:<12} {r['rounds']:<7} {before:7.1f}% {after:7.1f}% {after - before:+5.1f}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.6))
    xs = range(len(rows))
    before = [100 * int(r["before_correct"]) / int(r["total"]) for r in rows]
    after = [100 * int(r["after_correct"]) / int(r["total"]) for r in rows]
    ax.bar([x - 0.2 for x in xs], before, width=0.4, label="when the sets arrived", color="#9aa5b1")
    ax.bar([x + 0.2 for x in xs], after, width=0.4, label="after that session's rounds", color="#2f6db5")
    ax.axhline(90, color="#c0392b", linestyle="--", linewidth=1, label="target (90 %)")
    ax.set_xticks(list(xs), [f"{r['sets']}\nrounds {r['rounds']}" for r in rows], fontsize=8)
    ax.set_ylim(50, 100)
    ax.set_ylabel("execution accuracy, %")
    ax.set_title("SQL on blind sets (80 + 80 questions by new writers each time)", fontsize=10)
    ax.legend(fontsize=8, loc="upper center", ncol=3, frameon=False)
    fig.tight_layout()
    out = RESULTS / "sql-blind.png"
    fig.savefig(out, dpi=110)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
