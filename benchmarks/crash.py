"""Crash safety (issue 8): SIGKILL the app's process at random moments during N match recordings,
on SQLite (WAL) and PostgreSQL, and count what survived.

    .venv/bin/python benchmarks/crash.py            # the issue's 200 recordings per database
    .venv/bin/python benchmarks/crash.py --n 60     # what make test runs

It runs the crash tests of ``tests/test_crash_safety.py`` with ``CRASH_RECORDINGS=N`` (so PostgreSQL
comes from the tests' throwaway server fixture), collects their numbers and prints one table: the
recordings attempted and confirmed, the kills and where they landed, what was in flight at a kill
(found committed or rolled back), and duplicates, lost records, incomplete matches, orphan rows and
the integrity checks. The tests assert the same numbers; a failing check fails this script too.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.common import metric, save_result, table  # noqa: E402
from crash_harness import ROWS  # noqa: E402
from crash_harness import table as markdown_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="recordings per database (default 200)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-crash-") as tmp:
        report = Path(tmp) / "crash.json"
        env = {**os.environ, "CRASH_RECORDINGS": str(args.n), "CRASH_REPORT": str(report)}
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               "tests/test_crash_safety.py", "-k", "survives"], cwd=ROOT, env=env)
        results = json.loads(report.read_text()) if report.exists() else []
    if not results:
        sys.exit("no crash run finished (see the pytest output above)")
    print()
    print(f"Crash safety: {args.n} recordings per database, SIGKILL at random moments")
    print(markdown_table(results))
    for r in results:
        for problem in r["problems"]:
            print(f"PROBLEM ({r['database']}): {problem}")
    lost = sum(r["lost"] + r["wrong_id"] for r in results)
    doubled = sum(r["duplicates"] for r in results)
    broken = sum(r["incomplete"] + r["orphans"] + r["phantom"] for r in results)
    rows = [[label, *[r[field] for r in results]] for label, field in ROWS]
    save_result("crash", title="Crash safety (SIGKILL during recordings)",
                metrics=[metric("confirmed records lost", lost, "", "<= 0", higher_is_better=False),
                         metric("records doubled", doubled, "", "<= 0", higher_is_better=False),
                         metric("incomplete or orphaned", broken, "", "<= 0", higher_is_better=False),
                         metric("kills", sum(r["kills"] for r in results), "")],
                tables=[table(f"{args.n} recordings per database", ["", *[r["database"] for r in results]], rows)])
    sys.exit(done.returncode)


if __name__ == "__main__":
    main()
