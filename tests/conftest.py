"""Shared fixtures. Tests write only below pytest's tmp folders and never download anything."""
from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, Config
from assistant.config import PROJECT_ROOT
from assistant.db import dispose_all

VENV_BIN = PROJECT_ROOT / ".venv" / "bin"

# Property tests: no per-example deadline (2 shared cores make timings noisy), fixed budget.
from hypothesis import settings as _hyp  # noqa: E402

_hyp.register_profile("project", deadline=None, max_examples=100)
_hyp.load_profile("project")

# Tests never download: a model that is not on disk must fail fast, not reach for a hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """A cache folder shared by the whole run, seeded (read-only) with vectors `make build` made."""
    cache = tmp_path_factory.mktemp("cache")
    built = PROJECT_ROOT / "var" / "cache"
    if built.is_dir():
        for path in [*built.glob("vectors-*.npz"), *built.glob("engine-*.json")]:
            shutil.copy(path, cache / path.name)
    return cache


@pytest.fixture
def config(tmp_path, model_cache) -> Config:
    """A config whose state lives in this test's tmp folder."""
    return Config(home=tmp_path / "home", cache=model_cache)


@pytest.fixture
def bot(config):
    """A real assistant (bundled e5 encoder, the project's intent files) with private state."""
    yield Assistant(config)
    dispose_all()


@pytest.fixture(scope="session")
def shared_bot(tmp_path_factory, model_cache):
    """One real assistant for read-mostly tests, so the model and index load once per run."""
    home = tmp_path_factory.mktemp("shared-home")
    bot = Assistant(Config(home=home, cache=model_cache))
    bot.warm_up()
    return bot


class HashEncoder:
    """A deterministic stand-in encoder for unit tests: hashed character trigrams, L2-normalised.

    Texts that share many trigrams get similar vectors, which is all the decision logic needs."""

    name = "test-hash-encoder"

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.calls = 0

    def encode(self, texts, progress=None):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()}  "
            for i in range(len(padded) - 2):
                h = int.from_bytes(hashlib.blake2b(padded[i:i + 3].encode(), digest_size=4).digest(), "little")
                out[row, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


def write_intents(folder: Path, intents: dict, name: str = "test.yaml") -> Path:
    """Write an intent file from a plain dict and return its folder."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(yaml.safe_dump({"intents": intents}, allow_unicode=True), encoding="utf-8")
    return folder


def intent(en: list[str], ko: list[str], kind: str = "faq", answer: str = "A") -> dict:
    return {"kind": kind, "examples": {"en": en, "ko": ko}, "answer": {"en": f"{answer} (en)", "ko": f"{answer} (ko)"}}


@pytest.fixture
def replace():
    return dataclasses.replace
