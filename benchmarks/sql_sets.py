"""The outside question sets of `benchmarks/sql-sets/`, scored in one process with the development set's own comparison.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/sql_sets.py [sql-fresh29 ...] [--dev] [--failures OUT.json]

Each set's database is built by its own ``build_db.py``; every question is answered by ``nl2sql.engine.answer`` and
compared with its gold rows by ``score.results_match`` of ``../shared/data/sql-dev/score.py`` (a refusal counts as
wrong), as the official command does with one process per question (about 20 s per 100 questions instead of minutes).
Blind sets (``BLIND``) are scored as totals only and their failures are never written: their questions are the unseen
measure. ``--failures`` writes the other sets' failures (question, gold SQL, our SQL, first rows) for failure rounds.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = ROOT / "benchmarks" / "sql-sets"
DEV = ROOT.parent / "shared" / "data" / "sql-dev"
BLIND = {"sql-fresh36", "sql-fresh37"}
"""Sets nobody working on the parser has read (see sql-sets/README.md); a later session makes them analysable once
newer blind sets replace them."""


def _scorer(dev: Path):
    spec = importlib.util.spec_from_file_location("dev_score", dev / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(folder: Path, questions: Path, score) -> tuple[list[dict], list[dict]]:
    """(one row per question: lang, difficulty, ok) and the failures, for the set's questions on its own database."""
    from kernel.errors import InputError
    from nl2sql.engine import answer

    qs = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "set.db"
        subprocess.run([sys.executable, str(folder / "build_db.py"), str(db)], check=True, capture_output=True)
        url = f"sqlite:///{db}"
        rows, fails = [], []
        for q in qs:
            gold = score.run_sql(str(db), q["sql"])
            try:
                got = answer(q["question"], url)
                ok, sql, first = score.results_match(gold, [list(r) for r in got.rows], q["ordered"]), got.sql, got.rows[:5]
            except InputError as err:
                ok, sql, first = False, f"refused: {err}", []
            rows.append({"lang": q["lang"], "difficulty": q["difficulty"], "ok": bool(ok)})
            if not ok:
                fails.append({"id": q["id"], "question": q["question"], "gold": q["sql"], "ours": sql,
                              "gold_rows": [list(r) for r in gold[:5]], "our_rows": [list(r) for r in first]})
    return rows, fails


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", help="set folder names (default: every set in benchmarks/sql-sets)")
    ap.add_argument("--dev", action="store_true", help="score the development set too")
    ap.add_argument("--dev-folder", type=Path, default=DEV)
    ap.add_argument("--failures", type=Path, help="write the failures of the analysable sets to this JSON file")
    args = ap.parse_args(argv)
    if not (args.dev_folder / "score.py").is_file():
        print(f"the development set's scorer is not at {args.dev_folder}: pass --dev-folder", file=sys.stderr)
        return 2
    score = _scorer(args.dev_folder)
    names = args.sets or sorted((p.name for p in SETS.glob("sql-fresh*")), key=lambda n: int(n[len("sql-fresh"):]))
    todo = [(name, SETS / name, SETS / name / "questions.jsonl") for name in names]
    if args.dev:
        todo.insert(0, ("dev", args.dev_folder, args.dev_folder / "questions.jsonl"))
    missing = [str(folder) for _, folder, questions in todo if not questions.is_file()]
    if missing:
        print(f"no set at {', '.join(missing)}", file=sys.stderr)
        return 2
    failures = {}
    print("| set | n | all | ko | en | easy | medium | hard | status |\n|---|---|---|---|---|---|---|---|---|")
    for name, folder, questions in todo:
        rows, fails = score_set(folder, questions, score)

        def acc(keep) -> str:
            part = [r for r in rows if keep(r)]
            return f"{sum(r['ok'] for r in part)}/{len(part)}" if part else "-"

        blind = name in BLIND
        cells = [acc(lambda r: True), acc(lambda r: r["lang"] == "ko"), acc(lambda r: r["lang"] == "en"),
                 acc(lambda r: r["difficulty"] == "easy"), acc(lambda r: r["difficulty"] == "medium"),
                 acc(lambda r: r["difficulty"] == "hard")]
        print(f"| {name} | {len(rows)} | " + " | ".join(cells) + f" | {'blind: totals only' if blind else 'analysable'} |",
              flush=True)
        if not blind:
            failures[name] = fails
    if args.failures:
        args.failures.write_text(json.dumps(failures, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        print(f"failures: {args.failures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
