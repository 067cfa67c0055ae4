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
    from kernel.errors import InputError
    from matchdata import known_names_from_db

    from .text import TERMS_KO

    names: list[str] = []
    if db_url:
        try:
            known = known_names_from_db(db_url, limit=limit, tournaments=True)
            names = known["teams"] + known["players"] + known["tournaments"]
        except InputError as err:  # no readable match tables: fine, fewer hints
            log.info("no vocabulary from %s: %s", db_url, err)
    terms = [t for t in TERMS_KO if t[:1].isupper() and len(t) > 1]
    return list(dict.fromkeys(n for n in [*names, *terms] if n and n.strip()))[:limit]
