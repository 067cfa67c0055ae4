"""Where state lives: the defaults and the four environment variables that move them, read here once.

``assistant.Config.from_env`` builds on :func:`from_env`; an engine used without a Config (a library
call, a capability's own CLI) takes its default folder or database from here rather than from the
assistant above it.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclasses.dataclass(frozen=True)
class Paths:
    """The state folder, the cache folder and the two databases."""

    home: Path = PROJECT_ROOT / "var"
    """Folder for all state: the database, caches and generated files."""
    state_url: str | None = None
    """SQLAlchemy URL of the sessions database; ``None`` means ``sqlite:///<home>/assistant.db``."""
    match_db_url: str | None = None
    """SQLAlchemy URL of the match database; ``None`` means the sessions database."""
    cache: Path | None = None
    """Folder for indexes and model files; ``None`` means ``<home>/cache``."""

    @property
    def cache_dir(self) -> Path:
        return self.cache or self.home / "cache"

    @property
    def resolved_state_url(self) -> str:
        return self.state_url or f"sqlite:///{self.home / 'assistant.db'}"

    @property
    def resolved_match_db_url(self) -> str:
        return self.match_db_url or self.resolved_state_url


def from_env(environ: dict[str, str] | None = None) -> Paths:
    """The defaults, with ``ASSISTANT_HOME``, ``ASSISTANT_CACHE``, ``ASSISTANT_STATE_URL`` and
    ``ASSISTANT_DB_URL`` applied when set."""
    env = os.environ if environ is None else environ
    paths = Paths()
    if env.get("ASSISTANT_HOME"):
        paths = dataclasses.replace(paths, home=Path(env["ASSISTANT_HOME"]).expanduser().resolve())
    if env.get("ASSISTANT_CACHE"):
        paths = dataclasses.replace(paths, cache=Path(env["ASSISTANT_CACHE"]).expanduser().resolve())
    if env.get("ASSISTANT_STATE_URL"):
        paths = dataclasses.replace(paths, state_url=env["ASSISTANT_STATE_URL"])
    if env.get("ASSISTANT_DB_URL"):
        paths = dataclasses.replace(paths, match_db_url=env["ASSISTANT_DB_URL"])
    return paths
