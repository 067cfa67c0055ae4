"""Synthesis engines, each behind one interface: ``synthesize(text, voice, speed) -> Audio``.

``text`` arrives already normalised (numbers spelled out) and is one sentence or a few. Engines are
created lazily, once per process (:func:`engine_for`); heavy imports live inside each engine. A new
engine is a module here with an ``Engine`` class, one line in :data:`SYNTHESIZERS`, and voices in
``voices/catalog.yaml`` that name it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from kernel.registry import Registry

if TYPE_CHECKING:
    from ..audio import Audio
    from ..catalog import Voice

SYNTHESIZERS = Registry("speech engine", {name: f"{__name__}.{name}:Engine" for name in
                                          ("kokoro", "espeak", "flite", "piper", "hibari", "coqui")})
"""The speech engines by the name the voice catalog's ``engine`` field uses."""


class Synthesizer(Protocol):
    """What every engine offers."""

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        """Speak ``text`` with ``voice`` at ``speed`` (1.0 normal, 2.0 twice as fast)."""


def engine_for(name: str) -> Synthesizer:
    """The process-wide instance of engine ``name`` (created on first use)."""
    return SYNTHESIZERS.instance(name)
