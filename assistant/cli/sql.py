"""``assistant sql --db URL QUESTION``: {"sql", "columns", "rows"} (CONTRACTS §2); read-only."""
from __future__ import annotations

from typing import Any


def _add_arguments(parser) -> None:
    parser.add_argument("question", metavar="QUESTION", help="the question (Korean or English), or - for stdin")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy URL of the match database (default: the app's)")
    parser.add_argument("--lang", choices=["ko", "en"], help="language of the short answer")
    parser.add_argument("--explain", action="store_true", help="also print the answer text and the structured query")


def _run(args) -> dict[str, Any]:
    from assistant.config import Config
    from kernel.checks import read_text_arg

    from nl2sql.engine import answer

    url = args.db or Config.from_env().resolved_match_db_url
    question = read_text_arg(args.question)
    result = answer(question, url, language=args.lang)
    out: dict[str, Any] = {"sql": result.sql, "columns": result.columns, "rows": result.rows}
    if args.explain:
        out.update(text=result.text, confidence=result.confidence, meta=result.meta)
    return out


def _show(result: dict[str, Any]) -> None:
    if "text" in result:
        print(result["text"])
    print(result["sql"])
    print(" | ".join(result["columns"]))
    for row in result["rows"]:
        print(" | ".join("" if v is None else str(v) for v in row))


COMMANDS = {"sql": {"add_arguments": _add_arguments, "run": _run, "show": _show}}
