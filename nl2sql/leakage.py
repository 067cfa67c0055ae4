"""Fingerprints of the development set's questions, to prove that none of them leaked into our text.

The development set (``../shared/data/sql-dev``) was written by someone else to measure us; its
questions, or near copies of them, must never appear in templates, lexicons, tests or training data.
The checkout may not have the set next to it (CI runs a fresh clone), so the project keeps only
fingerprints: a short SHA-256 of each normalised question and of each run of :data:`RUN` consecutive
words of one. A text leaks when one of its own fingerprints is among them.

Runs made only of question scaffolding (``how many matches did``, ``which team had the``) are how
everybody asks, not a copy, and are not fingerprinted. Regenerate after the set changes::

    .venv/bin/python -m nl2sql.leakage --dev ../shared/data/sql-dev
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

RUN = 4
FINGERPRINTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sql_dev_fingerprints.txt"
# Words every question is built from; a run of nothing but these says nothing about its source.
SCAFFOLD = frozenset("""
how many much what which who whom whose when where did does do is are was were has have had the a an in on of at to
for by with s most times matches match games game team teams player players played play won win group stage final
kills deaths assists damage points total 경기 몇 번 판 선수 팀
got up had most more than each per map maps rate percent were event best
january february march april may june july august september october november december
제일 가장 많이 한 높은 개 열린
that who which
league legends lol valorant overwatch pubg battlegrounds mobile apex rainbow six siege r6 롤 리그 오브 레전드 발로란트
오버워치 배그 배틀그라운드 모바일 에이펙스 레인보우 식스 시즈
""".split())  # the last two lines: the games' own names, which every writer about a game uses


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _h(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def runs(text: str, min_content: int = 1) -> list[str]:
    """The distinctive RUN-word runs of a text: those with at least ``min_content`` words that are not
    scaffolding (numbers count as scaffolding)."""
    w = words(text)
    out = []
    for i in range(len(w) - RUN + 1):
        run = w[i:i + RUN]
        if sum(x not in SCAFFOLD and not x.isdigit() for x in run) >= min_content:
            out.append(" ".join(run))
    return out


def fingerprints(questions: list[str], min_content: int = 1) -> set[str]:
    """'q:' + hash of each normalised question, 'r:' + hash of each of its distinctive runs.

    The sets written after our files (the fresh sets) use ``min_content=2``: a run with one content word
    ("racked up the most") is how many people ask and may be in our files from before the set was written;
    two content words in the same four-word run ("the recap post for") are a phrase, and a copy."""
    out = set()
    for q in questions:
        out.add("q:" + _h(" ".join(words(q))))
        out.update("r:" + _h(r) for r in runs(q, min_content))
    return out


def load_fingerprints(path: Path = FINGERPRINTS) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            and not line.startswith("#")}


def leaks(text: str, prints: set[str], whole_lines: bool = True) -> list[str]:
    """The runs (and whole lines, when one equals a question) of ``text`` whose fingerprint is in ``prints``."""
    found = []
    for line in text.splitlines():
        if whole_lines and words(line) and "q:" + _h(" ".join(words(line))) in prints:
            found.append(line.strip())
        found += [r for r in runs(line) if "r:" + _h(r) in prints]
    return found


def dev_questions(folder: Path) -> list[str]:
    path = folder / "questions.jsonl"
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, required=True, help="the development set's folder (questions.jsonl)")
    ap.add_argument("--out", type=Path, default=FINGERPRINTS)
    args = ap.parse_args(argv)
    prints = sorted(fingerprints(dev_questions(args.dev)))
    args.out.write_text("# Fingerprints of the SQL development set (python -m nl2sql.leakage); no text of it.\n"
                        + "\n".join(prints) + "\n", encoding="utf-8")
    print(f"{len(prints)} fingerprints -> {args.out}")


if __name__ == "__main__":
    main()
