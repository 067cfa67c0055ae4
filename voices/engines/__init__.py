"""Synthesis engines, each behind one interface: ``synthesize(text, voice, speed) -> Audio``.

``text`` arrives already normalised (numbers spelled out) and is one sentence or a few. Engines are
created lazily, once per process (:func:`engine_for`); heavy imports live inside each engine.
"""
from __future__ import annotations

import importlib
import threading
from typing import Protocol

from ..audio import Audio
from ..catalog import Voice

_MODULES = {"espeak": "espeak", "flite": "flite", "piper": "piper", "hibari": "hibari", "coqui": "coqui",
            "kokoro": "kokoro"}
_instances: dict[str, "Synthesizer"] = {}
_lock = threading.Lock()


class Synthesizer(Protocol):
    """What every engine offers."""

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        """Speak ``text`` with ``voice`` at ``speed`` (1.0 normal, 2.0 twice as fast)."""


def engine_for(name: str) -> Synthesizer:
    """The process-wide instance of engine ``name`` (created on first use)."""
    with _lock:
        if name not in _instances:
            module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
            _instances[name] = module.Engine()
        return _instances[name]
