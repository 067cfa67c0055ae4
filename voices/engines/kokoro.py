"""Kokoro-82M (int8 ONNX, 24 kHz): neural speech for Korean, through our own Korean front end.

phonemize (``voices.korean_ipa`` for Korean; espeak-ng IPA for English and for Latin-letter names
inside Korean) → token ids (Kokoro's vocabulary) → one shared onnxruntime session
(``tokens`` = [0, ids…, 0], ``style`` = the speaker's style row for that many ids, ``speed``) → audio.
The catalog's ``speaker`` is a shipped style ("jm_kumo") or a weighted blend of them
("jf_gongitsune:0.6+jf_alpha:0.4"); see :mod:`voices.kokoro_files`.
"""
from __future__ import annotations

import logging
import re
import shutil
import subprocess
import threading
from pathlib import Path

import numpy as np

from kernel.errors import AssistantError, EnvironmentProblem

from ..audio import Audio
from ..catalog import CatalogError, Voice
from ..korean_ipa import to_ipa

log = logging.getLogger(__name__)

SAMPLE_RATE = 24_000
MAX_TOKENS = 510
"""Longest input the model takes at once (its style tables have 510 rows); longer text is split."""
THREADS = 2
"""onnxruntime intra-op threads (measured in benchmarks/voices.py --threads: 2 beats 1 on 2 cores)."""
CHUNK_PAUSE = 0.12
"""Seconds of silence between pieces of one over-long sentence."""

# espeak-ng's English IPA → the symbols Kokoro was trained on (misaki's diphthong letters, ʧ ʤ)
_ESPEAK_TO_KOKORO = [("eɪ", "A"), ("aɪ", "I"), ("oʊ", "O"), ("aʊ", "W"), ("ɔɪ", "Y"), ("tʃ", "ʧ"), ("dʒ", "ʤ"),
                     ("r", "ɹ"), ("ɚɹ", "ɚ"), ("ɜːɹ", "ɜɹ"), ("ɐ", "ə"), ("ː", "ː")]


def english_ipa(text: str) -> str:
    """English text → Kokoro phonemes, via espeak-ng's IPA output (one line per clause)."""
    program = shutil.which("espeak-ng")
    if program is None:
        raise EnvironmentProblem("English phonemes for Kokoro need espeak-ng: run `apt-get install -y espeak-ng`.")
    try:
        proc = subprocess.run([program, "-q", "--ipa", "-v", "en-us", "--stdin"], input=text.encode("utf-8"),
                              capture_output=True, timeout=30, check=False)
    except subprocess.TimeoutExpired:
        raise AssistantError("espeak-ng took longer than 30 s to phonemize the text.") from None
    ipa = " ".join(line.strip() for line in proc.stdout.decode("utf-8", "replace").splitlines() if line.strip())
    for old, new in _ESPEAK_TO_KOKORO:
        ipa = ipa.replace(old, new)
    return ipa


def phonemize(text: str, language: str, aspiration: str | None = None) -> str:
    """The phoneme string Kokoro reads for ``text`` (already normalised for speech); ``aspiration``
    is how a Korean voice writes the breath of ㅋㅌㅍㅊ (default ``ʰ``, see ``voices.korean_ipa``)."""
    if language != "ko":
        ipa = english_ipa(text)
        end = text.rstrip()[-1:] if text.rstrip() else ""
        return ipa + (end if end in ".!?" else "")
    return to_ipa(text, latin=english_ipa, aspiration=aspiration)


def aspiration_option(voice: Voice) -> str | None:
    """The voice's ``aspiration`` option, checked: one or more ʰ (or absent)."""
    value = voice.options.get("aspiration")
    if value is not None and (not isinstance(value, str) or not re.fullmatch("ʰ{1,3}", value)):
        raise CatalogError(f"The voice '{voice.id}' has aspiration {value!r}; use 'ʰ', 'ʰʰ' or 'ʰʰʰ'.")
    return value


def token_ids(phonemes: str, vocab: dict[str, int]) -> list[int]:
    """Kokoro's ids for ``phonemes``; symbols outside its vocabulary are dropped."""
    return [vocab[c] for c in phonemes if c in vocab]


def split_phonemes(phonemes: str, limit: int = MAX_TOKENS) -> list[str]:
    """Pieces of at most ``limit`` symbols, cut after punctuation, else at a space, else anywhere."""
    pieces: list[str] = []
    rest = phonemes.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(p) for p in ",.!?…")
        if cut < limit // 3:
            cut = window.rfind(" ")
        if cut < limit // 3:
            cut = limit - 1
        pieces.append(rest[:cut + 1].strip())
        rest = rest[cut + 1:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def trim(samples: np.ndarray, threshold: float = 0.01, pad: int = int(0.03 * SAMPLE_RATE)) -> np.ndarray:
    """Cut leading and trailing near-silence, keeping ``pad`` samples either side."""
    loud = np.flatnonzero(np.abs(samples) > threshold)
    if len(loud) == 0:
        return samples[:0]
    return samples[max(0, loud[0] - pad): loud[-1] + pad]


class Engine:
    """One onnxruntime session for the process (created on first use, shared by every Kokoro voice and
    thread); style tables are blended once per speaker and kept."""

    def __init__(self, cache_dir: Path | None = None, threads: int = THREADS):
        self.cache_dir = cache_dir
        self.threads = threads
        self._session = None
        self._styles: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._session is None:
                try:
                    import onnxruntime as ort
                except ImportError:
                    raise EnvironmentProblem("Kokoro needs onnxruntime: run `.venv/bin/pip install onnxruntime`.") from None
                from .. import kokoro_files

                cache = self.cache_dir
                if cache is None:
                    from kernel.paths import from_env

                    cache = from_env().cache_dir
                options = ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                self._vocab = kokoro_files.vocabulary()
                self._session = ort.InferenceSession(str(kokoro_files.model_path(cache)), sess_options=options,
                                                     providers=["CPUExecutionProvider"])
            return self._session

    def _style(self, speaker: str) -> np.ndarray:
        with self._lock:
            if speaker not in self._styles:
                from ..kokoro_files import style_table

                self._styles[speaker] = style_table(speaker)
            return self._styles[speaker]

    def speak_phonemes(self, phonemes: str, speaker: str, speed: float = 1.0) -> np.ndarray:
        """Audio samples (24 kHz) of a phoneme string."""
        session = self._load()
        table = self._style(speaker)
        gap = np.zeros(int(CHUNK_PAUSE * SAMPLE_RATE), np.float32)
        out: list[np.ndarray] = []
        for piece in split_phonemes(phonemes):
            ids = token_ids(piece, self._vocab)
            if not ids:
                continue
            style = table[min(len(ids), len(table)) - 1].reshape(1, -1)
            audio = session.run(None, {"tokens": np.array([[0, *ids, 0]], dtype=np.int64),
                                       "style": style.astype(np.float32, copy=False),
                                       "speed": np.array([speed], dtype=np.float32)})[0]
            if out:
                out.append(gap)
            out.append(trim(np.asarray(audio, np.float32).ravel()))
        return np.concatenate(out) if out else np.zeros(0, np.float32)

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        phonemes = phonemize(text, voice.language, aspiration_option(voice))
        if not re.search(r"[^\s,.!?…]", phonemes):
            return Audio(np.zeros(0, np.float32), SAMPLE_RATE)
        speaker = voice.speaker or voice.model
        return Audio(self.speak_phonemes(phonemes, speaker, speed * float(voice.options.get("speed", 1.0))),
                     SAMPLE_RATE)
