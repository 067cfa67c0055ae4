"""hibari-tts: tiny neural American English. Only its bundled voice ("heart") is used: the others
download at first use, which we never do."""
from __future__ import annotations

import threading

from kernel.errors import EnvironmentProblem, InputError

from ..audio import Audio
from ..catalog import Voice


class Engine:
    """One ``hibari.Hibari`` per bundled voice, called with a fixed seed (repeatable audio)."""

    def __init__(self):
        self._models: dict[str, object] = {}
        self._lock = threading.Lock()

    def _load(self, name: str):
        with self._lock:
            if name not in self._models:
                try:
                    from hibari import Hibari
                    from hibari.voices import VOICES
                except ImportError:
                    raise EnvironmentProblem("The hibari voice needs `.venv/bin/pip install hibari-tts==0.2.1`.") from None
                if not VOICES.get(name, {}).get("bundled"):
                    raise InputError(f"The hibari voice '{name}' is not bundled with the package and would need a "
                                     "download; only 'heart' is available offline.")
                self._models[name] = Hibari(voice=name, threads=1)
            return self._models[name]

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        model = self._load(voice.model)
        return Audio(model(text, speed=speed, seed=0), model.sample_rate)
