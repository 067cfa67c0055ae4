"""Text to speech: normalise → split into sentences → synthesise each (cached) → join.

:func:`stream` yields one :class:`Audio` per sentence as soon as it is ready (the first sentence in two
pieces, cut after its first phrase, when more follow), so a long reply starts playing after a few words; :func:`synthesize`
joins them. Each sentence's audio is cached as a
WAV under ``<cache>/tts/`` keyed by (text, voice, speed).
"""
from __future__ import annotations

import hashlib
import logging
import os
import wave
from collections.abc import Iterator
from pathlib import Path

from kernel.checks import MAX_TEXT_CHARS, SPEED_RANGE
from kernel.errors import InputError

from .audio import Audio
from .catalog import Voice, get_voice
from .engines import engine_for
from .engines._process import read_wav
from .text import normalize_for_speech, sentences, split_first_phrase

log = logging.getLogger(__name__)

SENTENCE_PAUSE = 0.2
"""Seconds of silence between sentences."""
CACHE_VERSION = "1"
"""Bump when normalisation or engine settings change, so old cached audio is not reused."""


def _check(text: str, speed: float) -> str:
    if not isinstance(text, str) or not text.strip():
        raise InputError("There is no text to speak; please give some words.")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"The text is longer than {MAX_TEXT_CHARS:,} characters; please shorten it.")
    if any(ord(c) < 32 and c not in "\n\t\r" for c in text):
        raise InputError("The text contains control characters; please send plain text.")
    if not SPEED_RANGE[0] <= float(speed) <= SPEED_RANGE[1]:
        raise InputError(f"The speed must be between {SPEED_RANGE[0]} and {SPEED_RANGE[1]}.")
    return text.strip()


def _default_cache() -> Path:
    from kernel.paths import from_env

    return from_env().cache_dir


def cache_key(text: str, voice: Voice, speed: float) -> str:
    """The cache file name for one sentence."""
    raw = "\x1f".join([CACHE_VERSION, voice.id, voice.engine, voice.model, str(voice.speaker),
                       repr(sorted(voice.options.items())), f"{float(speed):.3f}", text])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def speak_sentence(sentence: str, voice: Voice, speed: float = 1.0, cache_dir: Path | None = None,
                   use_cache: bool = True) -> Audio:
    """One sentence, already normalised, from the cache or the engine."""
    path = None
    if use_cache:
        folder = Path(cache_dir or _default_cache()) / "tts"
        path = folder / f"{cache_key(sentence, voice, speed)}.wav"
        if path.is_file():
            try:
                return read_wav(path)
            except (OSError, EOFError, ValueError, wave.Error) as err:  # a damaged cache entry is remade
                log.warning("ignoring the damaged cache file %s: %s", path, err)
    audio = engine_for(voice.engine).synthesize(sentence, voice, speed)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        audio.save(tmp)
        os.replace(tmp, path)
    return audio


def stream(text: str, voice: str | Voice, speed: float = 1.0, cache_dir: Path | None = None,
           use_cache: bool = True) -> Iterator[Audio]:
    """One Audio per sentence of ``text``, each yielded as soon as it is synthesised."""
    text = _check(text, speed)
    voice = voice if isinstance(voice, Voice) else get_voice(voice)
    parts = sentences(text)
    for i, sentence in enumerate(parts):
        # in a reply of several sentences the first is cut after its first phrase, so playing starts
        # sooner (a one-sentence reply stays whole: a lone short phrase is said less clearly)
        for piece in split_first_phrase(sentence, voice.language) if i == 0 and len(parts) > 1 else [sentence]:
            spoken = normalize_for_speech(piece, voice.language)
            if spoken.strip():
                yield speak_sentence(spoken, voice, speed, cache_dir, use_cache)


def synthesize(text: str, voice: str | Voice, speed: float = 1.0, cache_dir: Path | None = None,
               use_cache: bool = True) -> Audio:
    """Speak ``text`` with the catalog voice ``voice`` (an id or a :class:`Voice`) at ``speed``
    (0.5-2.0). Unknown voices, empty or over-long text raise InputError."""
    parts = list(stream(text, voice, speed, cache_dir, use_cache))
    if not parts:
        raise InputError("The text has nothing to speak (no letters or digits).")
    return Audio.concatenate(parts, pause=SENTENCE_PAUSE)
