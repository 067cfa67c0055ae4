"""Execution accuracy on the hand-written held-out set: ``python -m nl2sql.evaluate``.

The evaluation database (eval/names.yaml: names the training database never had) is built in a
temporary folder; every question is answered by :func:`~.engine.answer` and its rows compared with
the rows of the hand-written gold SQL. A prediction counts as right when it returns the same number
of rows and every gold column appears among its columns with the same values (as a multiset of rows;
numbers compared after rounding to two decimals), so extra context columns (a date, a tournament)
do not count against it. A refusal counts as wrong.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

EVAL_DIR = Path(__file__).parent / "eval"
QUESTIONS = EVAL_DIR / "questions.yaml"
NAMES = EVAL_DIR / "names.yaml"


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return round(float(value), 2)
    if value is None:
        return None
    text = str(value)
    try:
        return round(float(text), 2)
    except ValueError:
        return text[:19]


def same_result(gold_rows: list[list[Any]], pred_rows: list[list[Any]]) -> bool:
    """Gold columns ⊆ predicted columns (by value), same number of rows."""
    if len(gold_rows) != len(pred_rows):
        return False
    if not gold_rows:
        return True
    gold = [[_cell(v) for v in r] for r in gold_rows]
    pred = [[_cell(v) for v in r] for r in pred_rows]
    ng, np_ = len(gold[0]), len(pred[0])
    if ng > np_:
        return False
    target = collections.Counter(tuple(r) for r in gold)
    for cols in itertools.permutations(range(np_), ng):
        if collections.Counter(tuple(r[c] for c in cols) for r in pred) == target:
            return True
    return False


def build_eval_db(folder: Path, names: Path = NAMES, anchor: dt.date | None = None) -> str:
    """Create the evaluation SQLite database in ``folder``; returns its URL."""
    import sqlalchemy as sa

    from .demo import fill, load_names

    data = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    anchor = anchor or dt.date.fromisoformat(str(data["today"]))
    path = Path(folder) / "eval.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    fill(engine, load_names(names), anchor)
    engine.dispose()
    return f"sqlite:///{path}"


def evaluate(url: str | None = None, questions: Path = QUESTIONS, model=None, verbose: bool = False) -> dict[str, Any]:
    """Run the held-out set; accuracy overall, per language and per difficulty, and the failures."""
    from kernel.errors import InputError

    from .engine import answer
    from .safety import run_readonly

    data = yaml.safe_load(Path(questions).read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(data["today"]))
    with tempfile.TemporaryDirectory() as tmp:
        url = url or build_eval_db(Path(tmp))
        try:  # load the model and the catalog before timing
            answer("How many matches were played?", url, today=today, model=model)
        except InputError:
            pass
        metas: dict[str, dict] = {}
        results, times = [], []
        for item in data["questions"]:
            gold = run_readonly(url, item["sql"], max_rows=10_000).rows
            context = metas.get(item.get("after")) if item.get("after") else None
            start = time.perf_counter()
            try:
                got = answer(item["q"], url, context=context, today=today, model=model)
                ok, sql, err = same_result(gold, got.rows), got.sql, None
                metas[item["id"]] = got.meta
            except InputError as error:
                ok, sql, err = False, None, str(error)
            times.append(time.perf_counter() - start)
            results.append({"id": item["id"], "lang": item["lang"], "difficulty": item["difficulty"], "ok": ok,
                            "question": item["q"], "sql": sql, "error": err})
            if verbose and not ok:
                print(f"FAIL {item['id']}: {item['q']}\n  got: {sql or err}\n  gold: {item['sql']}", file=sys.stderr)
        from kernel.db import dispose_all
        dispose_all()

    def acc(rows):
        return round(sum(r["ok"] for r in rows) / len(rows), 4) if rows else None

    by = collections.defaultdict(list)
    for r in results:
        by[("lang", r["lang"])].append(r)
        by[("difficulty", r["difficulty"])].append(r)
    times.sort()
    return {
        "n": len(results), "accuracy": acc(results),
        "by_language": {k[1]: {"n": len(v), "accuracy": acc(v)} for k, v in by.items() if k[0] == "lang"},
        "by_difficulty": {k[1]: {"n": len(v), "accuracy": acc(v)} for k, v in by.items() if k[0] == "difficulty"},
        "ms_per_question_p50": round(1000 * times[len(times) // 2], 1),
        "ms_per_question_p95": round(1000 * times[int(len(times) * 0.95)], 1),
        "failures": [r for r in results if not r["ok"]],
    }


def synthetic_check(seed: int = 99, per_template: int = 1, model=None) -> dict[str, Any]:
    """Template-phrased questions with the evaluation database's names: is the structured query right?

    Checks kind, names, year and metric (not rows); a measure of linking on unseen names and of the
    model on the template distribution, not of robustness to new phrasing."""
    from .engine import plan
    from .synth import Values, synthesize

    data = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(data["today"]))
    ok: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        url = build_eval_db(Path(tmp))
        examples = [e for e in synthesize(Values.from_url(url), per_template=per_template, seed=seed,
                                          with_negatives=False) if e.kind != "followup"]
        for e in examples:
            q = plan(e.text, url, today=today, model=model).query
            slots = dict(e.slots)
            good = (q is not None and q.kind == e.kind and (not e.metric or q.metric == e.metric)
                    and all(getattr(q, s) == slots[s] for s in
                            ("team", "player", "tournament", "stage", "map", "game", "year") if s in slots))
            total[e.lang] += 1
            ok[e.lang] += bool(good)
        from kernel.db import dispose_all
        dispose_all()
    return {lang: {"n": total[lang], "accuracy": round(ok[lang] / total[lang], 4)} for lang in sorted(total)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nl2sql.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--db", help="evaluate on this database instead of building the evaluation one")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each failure")
    parser.add_argument("--synthetic", action="store_true",
                        help="instead: template questions with the evaluation names (structured-query accuracy)")
    args = parser.parse_args(argv)
    if args.synthetic:
        print(json.dumps(synthetic_check(), ensure_ascii=False))
        return 0
    report = evaluate(args.db, args.questions, verbose=args.verbose)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print("| slice | n | execution accuracy |\n|---|---|---|")
    print(f"| all | {report['n']} | {report['accuracy']:.3f} |")
    for lang, v in sorted(report["by_language"].items()):
        print(f"| {lang} | {v['n']} | {v['accuracy']:.3f} |")
    for diff in ("easy", "medium", "hard"):
        if diff in report["by_difficulty"]:
            v = report["by_difficulty"][diff]
            print(f"| {diff} | {v['n']} | {v['accuracy']:.3f} |")
    print(f"\nms per question: p50 {report['ms_per_question_p50']}, p95 {report['ms_per_question_p95']}")
    for f in report["failures"]:
        print(f"FAIL {f['id']}: {f['question']} -> {f['sql'] or f['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
