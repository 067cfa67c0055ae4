"""``python -m assistant.build``: build what the app needs before it starts (index, classifier cache).

Idempotent and cheap when nothing changed: every artefact is keyed by a hash of its inputs.
"""
from __future__ import annotations

import argparse
import sys
import time

import sqlalchemy as sa

from kernel.errors import AssistantError

from .config import Config
from .core import Assistant


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.build",
        description="Build what the app needs before it starts: the FAQ index and engine caches, the tables "
                    "of the state and match databases (ASSISTANT_STATE_URL, ASSISTANT_DB_URL: SQLite or "
                    "PostgreSQL) and, unless --no-demo, the demo match data when the match database is empty.")
    parser.add_argument("--no-demo", action="store_true",
                        help="create the tables but do not fill an empty match database with the demo data")
    args = parser.parse_args(argv)
    config = Config.from_env()
    start = time.perf_counter()
    try:
        bot = Assistant(config)
        bot.prepare_databases()  # state tables + match schema (SQLite file or PostgreSQL URL)
        retriever = bot.retriever
        from voices.kokoro_files import model_path
        model_path(config.cache_dir)  # the Korean voices' model, joined from its four parts once
        demo = {}
        if not args.no_demo:
            from nl2sql import ensure_demo_database
            demo = ensure_demo_database(config.resolved_match_db_url)
    except AssistantError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    except sa.exc.SQLAlchemyError as err:
        print(f"build failed: the database could not be prepared ({type(err).__name__}: "
              f"{str(getattr(err, 'orig', err)).strip().splitlines()[0]})", file=sys.stderr)
        return 2
    if demo:
        print(f"demo match data: {demo.get('matches', 0)} matches, {demo.get('teams', 0)} teams, "
              f"{demo.get('players', 0)} players")
    kinds = {}
    for intent in retriever.kb.intents.values():
        kinds[intent.kind] = kinds.get(intent.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(f"intents: {len(retriever.kb.intents)} ({summary}), {len(retriever.texts)} example questions, "
          f"index ready in {time.perf_counter() - start:.1f} s under {config.cache_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
