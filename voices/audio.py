"""Audio in and out: decode any common format to 16 kHz mono float32, and the :class:`Audio` result.

Decoding uses PyAV (FFmpeg's libraries, installed with faster-whisper), so WAV, FLAC, MP3, OGG/Opus
and WebM from a browser microphone all work, at any sample rate and channel count. Work is bounded:
files over :data:`MAX_BYTES` or longer than ``max_seconds`` are refused with an :class:`InputError`
before (or, when the header does not say, while) decoding.
"""
from __future__ import annotations

import dataclasses
import io
import logging
import os
import wave
from pathlib import Path

import numpy as np

from kernel.errors import EnvironmentProblem, InputError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
"""The rate Whisper listens at."""
MAX_BYTES = 200 * 1024 * 1024
"""Largest audio file accepted (200 MiB)."""
MAX_SECONDS = 15 * 60.0
"""Longest audio accepted for transcription by default (15 minutes)."""


@dataclasses.dataclass
class Audio:
    """Mono speech: float32 samples in [-1, 1] at ``sample_rate`` Hz."""

    samples: np.ndarray
    sample_rate: int

    @property
    def seconds(self) -> float:
        """Duration in seconds."""
        return len(self.samples) / float(self.sample_rate) if self.sample_rate else 0.0

    def pcm16(self) -> bytes:
        """The samples as little-endian 16-bit PCM."""
        return (np.clip(self.samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()

    def save(self, path: str | Path) -> Path:
        """Write a 16-bit PCM mono WAV file and return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # open the file first: wave.open(name) that fails leaves a half-made writer that complains on exit
        with open(path, "wb") as handle, wave.open(handle, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(int(self.sample_rate))
            out.writeframes(self.pcm16())
        return path

    @classmethod
    def concatenate(cls, parts: list["Audio"], pause: float = 0.0) -> "Audio":
        """Join parts (all at the first part's rate) with ``pause`` seconds of silence between them."""
        if not parts:
            return cls(np.zeros(0, np.float32), SAMPLE_RATE)
        rate = parts[0].sample_rate
        gap = np.zeros(int(pause * rate), np.float32)
        chunks: list[np.ndarray] = []
        for i, part in enumerate(parts):
            if part.sample_rate != rate:
                part = cls(resample(part.samples, part.sample_rate, rate), rate)
            if i and len(gap):
                chunks.append(gap)
            chunks.append(part.samples.astype(np.float32, copy=False))
        return cls(np.concatenate(chunks), rate)


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Band-limited-enough linear resampling for speech (used only on already-decoded audio)."""
    if rate == target or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    n_out = int(round(len(samples) * target / rate))
    x_old = np.arange(len(samples), dtype=np.float64) / rate
    x_new = np.arange(n_out, dtype=np.float64) / target
    return np.interp(x_new, x_old, samples).astype(np.float32)


def median_pitch(samples: np.ndarray, rate: int, low: float = 60.0, high: float = 400.0) -> float:
    """Median pitch (F0, Hz) of the voiced frames of ``samples`` (NaN if none): per 40 ms frame, the
    autocorrelation peak between ``low`` and ``high`` Hz, kept when the frame is loud (a tenth of the
    loudest sample or more) and the peak holds half the frame's energy. Used to tell voices apart."""
    x = np.asarray(samples, np.float64)
    size, hop = int(0.04 * rate), int(0.01 * rate)
    shortest, longest = int(rate / high), int(rate / low)
    loudest = float(np.max(np.abs(x))) if len(x) else 0.0
    found = []
    for start in range(0, len(x) - size, hop):
        frame = x[start:start + size] - x[start:start + size].mean()
        if loudest == 0 or np.max(np.abs(frame)) < 0.1 * loudest:
            continue
        ac = np.correlate(frame, frame, "full")[size - 1:]
        lag = shortest + int(np.argmax(ac[shortest:longest]))
        if ac[0] > 0 and ac[lag] >= 0.5 * ac[0]:
            found.append(rate / lag)
    return float(np.median(found)) if found else float("nan")


def _open_source(audio: str | Path | bytes | bytearray):
    """A path or a file-like object for PyAV, after the cheap checks (exists, not empty, not huge)."""
    if isinstance(audio, (bytes, bytearray, memoryview)):
        data = bytes(audio)
        if not data:
            raise InputError("The audio is empty (0 bytes); please send a recording.")
        if len(data) > MAX_BYTES:
            raise InputError(f"The audio is larger than {MAX_BYTES // (1024 * 1024)} MiB; please send a shorter recording.")
        return io.BytesIO(data), "The uploaded file"
    if not isinstance(audio, (str, os.PathLike)):
        raise InputError(f"The audio must be a file path or bytes, not {type(audio).__name__}.")
    path = Path(audio)
    shown = str(path) if len(str(path)) <= 80 else str(path)[:79] + "…"
    try:
        if not path.is_file():
            raise InputError(f"The audio file '{shown}' does not exist or is not a file.")
        size = path.stat().st_size
    except OSError as err:  # a name too long, no permission
        raise InputError(f"The audio file '{shown}' cannot be read ({err.strerror or type(err).__name__}).") from None
    if size == 0:
        raise InputError(f"The audio file '{path.name}' is empty (0 bytes); please send a recording.")
    if size > MAX_BYTES:
        raise InputError(f"The audio file '{path.name}' is larger than {MAX_BYTES // (1024 * 1024)} MiB; "
                         "please send a shorter recording.")
    return str(path), f"The file '{path.name}'"


def decode(audio: str | Path | bytes, max_seconds: float = MAX_SECONDS) -> np.ndarray:
    """Decode a path or bytes of any common audio format to 16 kHz mono float32 samples.

    Raises InputError for empty, unreadable, non-audio or over-long input (never decodes more than
    ``max_seconds`` plus one frame)."""
    try:
        import av
    except ImportError:  # pragma: no cover - faster-whisper installs it
        raise EnvironmentProblem("Decoding audio needs PyAV: run `.venv/bin/pip install faster-whisper`.") from None

    source, label = _open_source(audio)
    limit_text = (f"{max_seconds / 60:g} minute{'s' if max_seconds != 60 else ''}" if max_seconds >= 60
                  else f"{max_seconds:g} seconds")
    too_long = InputError(f"{label} is longer than {limit_text}; please send a shorter recording.")
    try:
        container = av.open(source, mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as err:
        log.info("cannot open %s: %s", label, err)
        raise InputError(f"{label} is not audio in a format I can read (WAV, FLAC, MP3, OGG, WebM).") from None
    chunks: list[np.ndarray] = []
    total = 0
    limit = int(max_seconds * SAMPLE_RATE)
    try:
        with container:
            if not container.streams.audio:
                raise InputError(f"{label} has no audio track.")
            stream = container.streams.audio[0]
            if container.duration is not None and container.duration / 1_000_000 > max_seconds + 1:
                raise too_long
            resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    arr = out.to_ndarray().reshape(-1)
                    chunks.append(arr)
                    total += len(arr)
                if total > limit + SAMPLE_RATE:
                    raise too_long
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.error.FFmpegError as err:
        # A truncated file still yields what was decoded before the damage.
        log.info("decoding %s stopped: %s", label, err)
        if not chunks:
            raise InputError(f"{label} is damaged or truncated and could not be decoded.") from None
    if not chunks:
        raise InputError(f"{label} contains no sound samples.")
    samples = np.concatenate(chunks).astype(np.float32) / 32768.0
    if len(samples) > limit + SAMPLE_RATE:
        raise too_long
    return samples
