"""Domain vocabulary for speech recognition: the names Whisper should spell as the platform does.

``transcribe(audio, vocabulary=domain_vocabulary(config.resolved_match_db_url))`` biases Whisper
(prompt + hotwords) towards team names, player nicknames and tournament names from the match
database, plus the esports terms of :data:`voices.text.TERMS_KO`."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def domain_vocabulary(db_url: str | None = None, limit: int = 60) -> list[str]:
    """Team names, player nicknames and tournament names (in that order, at most ``limit`` names)
    from the match database at ``db_url``, then fixed esports terms. A database without the match
    tables simply contributes nothing."""
    import sqlalchemy as sa

    from kernel.db import writable_engine
    from assistant.matchdb import players, teams, tournaments

    from .text import TERMS_KO

    names: list[str] = []
    if db_url:
        try:
            with writable_engine(db_url).connect() as conn:
                for column in (teams.c.name, players.c.nickname, tournaments.c.name):
                    names += [row[0] for row in conn.execute(sa.select(column).order_by(column).limit(limit))]
        except sa.exc.SQLAlchemyError as err:  # no match tables yet: fine, fewer hints
            log.info("no vocabulary from %s: %s", db_url, err.__class__.__name__)
    terms = [t for t in TERMS_KO if t[:1].isupper() and len(t) > 1]
    return list(dict.fromkeys(n for n in [*names, *terms] if n and n.strip()))[:limit]
