"""Voices: speech in (Korean and English) and multi-speaker speech out, offline.

    import voices
    voices.transcribe("question.webm", vocabulary=["T1", "Gen.G"])   # Transcript(text, language, ...)
    voices.synthesize("T1이 3:1로 이겼어요.", "ko-kokoro-kumo").save("reply.wav")
    voices.catalog()                                                  # [Voice(id, language, ...), ...]

Speech to text is Whisper base (faster-whisper, int8 on CPU); text to speech is Kokoro-82M (Korean,
through our own Korean front end ``korean_ipa.py``), hibari-tts, Piper, flite, espeak-ng or (optional)
Coqui, chosen by the voice catalog ``voices/catalog.yaml``.
"""
from __future__ import annotations

from pathlib import Path

from kernel.paths import from_env
from kernel.registry import cached_loader

from .audio import Audio, decode
from .catalog import Voice, catalog, get_voice
from .numbers import normalize_numbers
from .stt import Segment, Transcript, WhisperTranscriber
from .text import normalize_for_speech, sentences
from .tts import stream, synthesize
from .vocabulary import domain_vocabulary

__all__ = ["Audio", "Segment", "Transcript", "Voice", "WhisperTranscriber", "catalog", "decode",
           "get_voice", "normalize_for_speech", "normalize_numbers", "sentences", "stream", "synthesize",
           "transcribe", "default_transcriber", "domain_vocabulary"]


def default_transcriber(cache_dir: Path | None = None) -> WhisperTranscriber:
    """The process-wide Whisper transcriber for ``cache_dir`` (default: the state's cache folder),
    created once; the model loads on first use."""
    return _transcriber_for(Path(cache_dir) if cache_dir is not None else from_env().cache_dir)


@cached_loader
def _transcriber_for(cache_dir: Path) -> WhisperTranscriber:
    return WhisperTranscriber(cache_dir=cache_dir)


def transcribe(audio, language: str | None = None, vocabulary: list[str] | None = None,
               cache_dir: Path | None = None) -> Transcript:
    """Transcribe ``audio`` (a path or bytes of WAV/FLAC/MP3/OGG/WebM, any rate) to a :class:`Transcript`.

    ``language`` 'ko' or 'en' skips detection; ``vocabulary`` lists names and terms (teams, nicknames)
    to bias recognition towards. Spoken numbers come back as digits ("삼 대 일" → "3 대 1").
    Empty, damaged, non-audio or over-long input raises InputError; silence gives empty text."""
    return default_transcriber(cache_dir).transcribe(audio, language=language, vocabulary=vocabulary)
