"""``python -m assistant.build``: build what the app needs before it starts (index, classifier cache).

Idempotent and cheap when nothing changed: every artefact is keyed by a hash of its inputs.
"""
from __future__ import annotations

import sys
import time

from .config import Config
from .core import Assistant
from .errors import AssistantError


def main() -> int:
    config = Config.from_env()
    start = time.perf_counter()
    try:
        bot = Assistant(config)
        retriever = bot.retriever
        bot.sessions  # noqa: B018 - creates the database and its tables
        from .sql import ensure_demo_database
        ensure_demo_database(config.resolved_match_db_url)
    except AssistantError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    kinds = {}
    for intent in retriever.kb.intents.values():
        kinds[intent.kind] = kinds.get(intent.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(f"intents: {len(retriever.kb.intents)} ({summary}), {len(retriever.texts)} example questions, "
          f"index ready in {time.perf_counter() - start:.1f} s under {config.cache_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
