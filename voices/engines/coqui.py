"""Coqui TTS (``coqui-tts``, optional): any local multi-speaker model folder (VITS, YourTTS, XTTS).

A catalog entry names the folder as ``model`` and the speaker as ``speaker``; the folder holds a
``config.json`` and the checkpoint (``model.pth``, ``best_model.pth`` or ``model_file.pth``), plus
``speakers.pth``/``speakers.json`` for multi-speaker models. Coqui needs torch 2.9.1 and torchaudio
2.9.*, so it lives in its own ``.venv-coqui/`` (``make test-coqui``); in the main venv this engine
raises EnvironmentProblem with the command that installs it.
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from kernel.errors import EnvironmentProblem, InputError

from ..audio import Audio
from ..catalog import Voice

CHECKPOINTS = ("model.pth", "best_model.pth", "model_file.pth", "checkpoint.pth")


def find_checkpoint(folder: Path) -> Path:
    """The checkpoint file of a Coqui model folder."""
    for name in CHECKPOINTS:
        if (folder / name).is_file():
            return folder / name
    found = sorted(folder.glob("*.pth"))
    found = [p for p in found if not p.name.startswith("speakers")]
    if not found:
        raise InputError(f"The Coqui model folder '{folder}' has no checkpoint (*.pth).")
    return found[0]


class Engine:
    """Loads each model folder once with ``TTS.api.TTS(model_path=..., config_path=...)``."""

    def __init__(self):
        self._models: dict[str, object] = {}
        self._lock = threading.Lock()

    def _load(self, folder: str):
        with self._lock:
            if folder not in self._models:
                path = Path(folder).expanduser()
                if not (path / "config.json").is_file():
                    raise InputError(f"The Coqui model folder '{path}' has no config.json.")
                try:
                    from TTS.api import TTS
                except ImportError:
                    raise EnvironmentProblem("Coqui voices need the optional extra: run `make coqui` (it builds "
                                             ".venv-coqui/ with coqui-tts and torch 2.9.1).") from None
                speakers = next((path / n for n in ("speakers.pth", "speakers.json") if (path / n).is_file()), None)
                self._models[folder] = TTS(model_path=str(find_checkpoint(path)),
                                           config_path=str(path / "config.json"),
                                           speakers_file_path=str(speakers) if speakers else None,
                                           progress_bar=False)
            return self._models[folder]

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        tts = self._load(voice.model)
        kwargs = {}
        if voice.speaker:
            kwargs["speaker"] = voice.speaker
        if getattr(tts, "is_multi_lingual", False):
            kwargs["language"] = voice.language
        samples = np.asarray(tts.tts(text=text, speed=speed, **kwargs), dtype=np.float32)
        rate = int(tts.synthesizer.output_sample_rate)
        return Audio(samples, rate)
