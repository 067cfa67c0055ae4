"""A FAISS inner-product index over example-question vectors, cached on disk by content hash."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

log = logging.getLogger(__name__)


class VectorIndex:
    """Exact inner-product search (unit vectors, so cosine similarity) over a fixed set of vectors."""

    def __init__(self, vectors: np.ndarray):
        import faiss

        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.index = faiss.IndexFlatIP(self.vectors.shape[1])
        self.index.add(self.vectors)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self.index.ntotal

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, indices) of the ``k`` nearest vectors per query row, best first."""
        queries = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        k = max(1, min(k, len(self)))
        with self._lock:
            return self.index.search(queries, k)


def cache_key(encoder_name: str, texts: Sequence[str]) -> str:
    """A hash of the encoder and every text, in order: equal keys mean equal vectors."""
    h = hashlib.sha256(encoder_name.encode())
    for text in texts:
        h.update(b"\0" + text.encode("utf-8"))
    return h.hexdigest()[:24]


def load_or_encode(encoder, texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    """The vectors of ``texts``: from ``cache_dir`` when a file for the same content exists, else
    encoded once and written there atomically (so concurrent processes never read half a file)."""
    key = cache_key(encoder.name, texts)
    path = cache_dir / f"vectors-{key}.npy" if cache_dir else None
    if path is not None and path.exists():
        try:
            vectors = np.load(path, allow_pickle=False)
            if vectors.shape[0] == len(texts):
                return vectors
        except (OSError, ValueError):
            log.warning("ignoring unreadable vector cache %s", path)
    vectors = encoder.encode(list(texts), progress="encoding example questions")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, vectors, allow_pickle=False)
        os.replace(tmp, path)
        (path.with_suffix(".json")).write_text(json.dumps({"encoder": encoder.name, "n": len(texts)}))
    return vectors
