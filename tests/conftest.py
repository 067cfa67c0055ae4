"""Shared fixtures. Tests write only below pytest's tmp folders and never download anything."""
from __future__ import annotations

import dataclasses
import glob
import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, Config
from kernel.paths import PROJECT_ROOT
from kernel.db import dispose_all

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


# PostgreSQL ------------------------------------------------------------------------------------------
def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server in a throwaway cluster for the whole run; yields the URL of its
    ``postgres`` database. Skipped only when the server binaries (Debian ``postgresql``) are missing.
    PostgreSQL will not run as root, so as root the cluster runs as the ``postgres`` user."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    prefix: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="arena-pg-"))
    if os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()
    subprocess.run([*prefix, initdb, "-D", str(data), "-U", "arena", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60",
                    "-o", f"-p {port} -k {folder} -c listen_addresses='' -c max_connections=200", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://arena@/postgres?host={folder}&port={port}"
    finally:
        from nl2sql import safety

        dispose_all()
        safety.dispose_engines()
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_database(pg_server) -> str:
    """The URL of a new, empty database on the shared test server, for this test alone."""
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_server.replace("/postgres?", f"/{name}?")
