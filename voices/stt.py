"""Speech to text: :class:`WhisperTranscriber` (faster-whisper, Whisper base, int8 on CPU).

preprocess (decode to 16 kHz mono, voice-activity trimming, Korean/English detection)
→ forward (beam search with hallucination guards and the domain vocabulary as prompt and hotwords)
→ postprocess (drop no-speech and looping segments, numbers to digits, a plain :class:`Transcript`).
When confidence is poor the audio is decoded again with a larger beam (and with a larger local
model when one is configured) and the better transcript is kept.
"""
from __future__ import annotations

import dataclasses
import logging
import math
import re
import threading
from pathlib import Path

import numpy as np

from kernel.checks import LANGUAGES
from kernel.errors import EnvironmentProblem, InputError

from . import audio as audio_io
from .numbers import normalize_numbers

log = logging.getLogger(__name__)

TOKENS_PER_SECOND = 15
"""Upper bound of Whisper tokens per second of speech (Korean syllables cost 1-2 tokens): caps
repetition loops, which otherwise run to the 224-token window limit."""
MAX_TOKENS_PER_WINDOW = 220


@dataclasses.dataclass
class Segment:
    """One decoded stretch of speech."""

    start: float
    end: float
    text: str
    confidence: float


@dataclasses.dataclass
class Transcript:
    """What was said: ``text`` (numbers as digits), ``language`` ('ko' or 'en'), ``confidence`` in 0..1,
    ``seconds`` (the audio's duration) and the ``segments``."""

    text: str
    language: str
    confidence: float
    seconds: float
    segments: list[Segment] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict:
        """The CLI/JSON form (CONTRACTS §2)."""
        return {"text": self.text, "language": self.language, "confidence": round(self.confidence, 3),
                "seconds": round(self.seconds, 2)}


@dataclasses.dataclass(frozen=True)
class DecodeOptions:
    """How Whisper decodes; the defaults are the measured ones (README, "Voices")."""

    beam_size: int = 5
    """Beam width of the first pass."""
    escalation_beam_size: int = 10
    """Beam width of the second pass, run only when confidence is below ``escalate_below``."""
    escalate_below: float = 0.55
    """Confidence under which the audio is decoded again."""
    no_speech_threshold: float = 0.6
    """A segment whose no-speech probability is above this (and whose log-probability is poor) is dropped."""
    log_prob_threshold: float = -1.0
    """Average log-probability under which a segment counts as a failed decode."""
    compression_ratio_threshold: float = 2.4
    """A segment whose text compresses better than this is a repetition loop and is dropped."""
    max_seconds: float = audio_io.MAX_SECONDS
    """Longest audio accepted."""
    temperatures: tuple[float, ...] = (0.0, 0.4)
    """Sampling temperatures tried in turn when a decode fails the guards (0.0 is greedy/beam)."""


class WhisperTranscriber:
    """Whisper through faster-whisper. The model loads on first use, once, under a lock.

    ``model_dir``: a CTranslate2 Whisper folder (default: Whisper base assembled from its packages
    into ``cache_dir``); ``larger_model_dir``: an optional bigger local model used by the escalation pass."""

    def __init__(self, cache_dir: Path | None = None, model_dir: Path | None = None,
                 larger_model_dir: Path | None = None, options: DecodeOptions = DecodeOptions(),
                 cpu_threads: int = 2):
        if cache_dir is None:
            from kernel.paths import from_env

            cache_dir = from_env().cache_dir
        self.cache_dir = Path(cache_dir)
        self._model_dir = Path(model_dir) if model_dir else None
        self.larger_model_dir = Path(larger_model_dir) if larger_model_dir else None
        self.options = options
        self.cpu_threads = cpu_threads
        self._models: dict[Path, object] = {}
        self._lock = threading.Lock()

    # -- loading -----------------------------------------------------------------------------
    def _load(self, folder: Path | None = None):
        from .whisper_files import model_dir

        with self._lock:
            folder = folder or self._model_dir or model_dir(self.cache_dir)
            if folder not in self._models:
                try:
                    from faster_whisper import WhisperModel
                except ImportError:
                    raise EnvironmentProblem("Speech recognition needs faster-whisper: run "
                                             "`.venv/bin/pip install faster-whisper==1.2.1`.") from None
                log.info("loading Whisper from %s", folder)
                self._models[folder] = WhisperModel(str(folder), device="cpu", compute_type="int8",
                                                    cpu_threads=self.cpu_threads)
            return self._models[folder]

    def warm_up(self) -> None:
        """Load the model now rather than on the first request."""
        self._load()

    # -- the three stages --------------------------------------------------------------------
    def transcribe(self, audio, language: str | None = None, vocabulary: list[str] | None = None) -> Transcript:
        """Transcribe a path, bytes or 16 kHz float32 samples; see :func:`voices.transcribe`."""
        if language is not None and language not in LANGUAGES:
            raise InputError(f"The language '{language}' is not supported; use 'ko' or 'en'.")
        samples = self.preprocess(audio)
        seconds = len(samples) / audio_io.SAMPLE_RATE
        speech = speech_only(samples)
        if len(speech) < audio_io.SAMPLE_RATE // 10:  # under 0.1 s of voice: silence, say nothing
            return Transcript("", language or "en", 0.0, seconds, [])
        model = self._load()
        if language is None:
            language = detect_language(model, speech)
        result = self.forward(model, samples, language, vocabulary, self.options.beam_size)
        if result.confidence < self.options.escalate_below:
            log.info("confidence %.2f is low: decoding again with beam %d", result.confidence,
                     self.options.escalation_beam_size)
            models = [model] + ([self._load(self.larger_model_dir)] if self.larger_model_dir else [])
            for candidate_model in models:
                again = self.forward(candidate_model, samples, language, vocabulary,
                                     self.options.escalation_beam_size)
                if again.confidence > result.confidence:
                    result = again
        result.seconds = seconds
        return result

    def preprocess(self, audio) -> np.ndarray:
        if isinstance(audio, np.ndarray):
            samples = audio.astype(np.float32, copy=False).reshape(-1)
            if len(samples) > self.options.max_seconds * audio_io.SAMPLE_RATE + audio_io.SAMPLE_RATE:
                raise InputError(f"The audio is longer than {self.options.max_seconds / 60:.0f} minutes; "
                                 "please send a shorter recording.")
            return samples
        return audio_io.decode(audio, max_seconds=self.options.max_seconds)

    def forward(self, model, samples: np.ndarray, language: str, vocabulary: list[str] | None,
                beam_size: int) -> Transcript:
        opts = self.options
        prompt = vocabulary_prompt(vocabulary, language)
        segments, _info = model.transcribe(
            samples, language=language, task="transcribe", beam_size=beam_size,
            condition_on_previous_text=False, vad_filter=True,
            vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 300},
            no_speech_threshold=opts.no_speech_threshold, log_prob_threshold=opts.log_prob_threshold,
            compression_ratio_threshold=opts.compression_ratio_threshold,
            temperature=opts.temperatures, initial_prompt=prompt or None,
            max_new_tokens=min(MAX_TOKENS_PER_WINDOW, int(TOKENS_PER_SECOND * len(samples) / audio_io.SAMPLE_RATE) + 16),
            hotwords=(" ".join(vocabulary) if vocabulary else None), without_timestamps=False,
        )
        return postprocess(list(segments), language, opts)


def postprocess(raw_segments, language: str, opts: DecodeOptions = DecodeOptions()) -> Transcript:
    """faster-whisper segments → a :class:`Transcript`, dropping silence and repetition loops."""
    kept: list[Segment] = []
    weights: list[float] = []
    for seg in raw_segments:
        text = seg.text.strip()
        if not text:
            continue
        if seg.no_speech_prob > opts.no_speech_threshold and seg.avg_logprob < opts.log_prob_threshold:
            log.info("dropping a no-speech segment: %r", text)
            continue
        if seg.compression_ratio > opts.compression_ratio_threshold:
            log.info("dropping a repetitive segment: %r", text)
            continue
        text = cut_loops(text)
        confidence = math.exp(min(0.0, seg.avg_logprob)) * (1.0 - 0.5 * seg.no_speech_prob)
        kept.append(Segment(round(seg.start, 2), round(seg.end, 2), text, confidence))
        weights.append(max(seg.end - seg.start, 0.01))
    text = " ".join(s.text for s in kept).strip()
    text = normalize_numbers(text, language)
    confidence = float(np.average([s.confidence for s in kept], weights=weights)) if kept else 0.0
    end = kept[-1].end if kept else 0.0
    return Transcript(text, language, confidence, end, kept)


def cut_loops(text: str, max_repeats: int = 3) -> str:
    """Cut a run of the same word or short phrase repeated more than ``max_repeats`` times
    ("1, 2, 2, 2, 2, 2" → "1, 2, 2, 2"), the loop Whisper falls into on unclear audio."""
    words = text.split()
    out: list[str] = []
    for word in words:
        out.append(word)
        for size in (1, 2, 3):
            if len(out) >= size * (max_repeats + 1):
                tail = [w.strip(",.!?-") for w in out[-size * (max_repeats + 1):]]
                chunks = [tail[i:i + size] for i in range(0, len(tail), size)]
                if all(c == chunks[0] for c in chunks):
                    del out[-size:]
                    break
    text = " ".join(out)
    return re.sub(r"((?:\S{1,4}?[-,]){3})(?:\S{1,4}?[-,])+", r"\1", text)


def speech_only(samples: np.ndarray) -> np.ndarray:
    """The voiced parts of ``samples`` (Silero VAD, shipped with faster-whisper)."""
    if len(samples) == 0 or float(np.max(np.abs(samples))) < 1e-4:
        return samples[:0]
    from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

    chunks = get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=500, speech_pad_ms=200))
    if not chunks:
        return samples[:0]
    pieces, _ = collect_chunks(samples, chunks)
    return np.concatenate(pieces) if pieces else samples[:0]


def detect_language(model, speech: np.ndarray) -> str:
    """'ko' or 'en', whichever Whisper finds more likely in the first 30 s of voiced audio."""
    _lang, _prob, probs = model.detect_language(audio=speech[: 30 * audio_io.SAMPLE_RATE])
    scores = dict(probs)
    return max(LANGUAGES, key=lambda code: scores.get(code, 0.0))


def vocabulary_prompt(vocabulary: list[str] | None, language: str, max_chars: int = 200) -> str:
    """A short prompt naming the domain terms, so Whisper spells them as written."""
    if not vocabulary:
        return ""
    names = []
    length = 0
    for term in dict.fromkeys(t.strip() for t in vocabulary if t and t.strip()):
        if length + len(term) + 2 > max_chars:
            break
        names.append(term)
        length += len(term) + 2
    lead = "e스포츠 대회 팀: " if language == "ko" else "Esports tournament teams: "
    return lead + ", ".join(names) + "."
