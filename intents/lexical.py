"""Lexical retrieval: BM25 over tokens that suit both Korean and English.

Korean attaches particles and endings to words (팀이, 팀을, 팀에서), so whole words rarely repeat
across paraphrases; character n-grams inside each word do. Tokens are the lower-cased words plus
their character 2- and 3-grams (with word-boundary marks), which needs no morphological analyser.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

import numpy as np

_WORD = re.compile(r"[0-9a-z\u00c0-\u024f]+|[\uac00-\ud7a3\u3131-\u318e]+|[^\s\w]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Words (lower-cased) and the character 2/3-grams of each word, with boundary marks."""
    tokens = []
    for word in _WORD.findall(text.lower()):
        if not word.isalnum():
            continue
        tokens.append("w:" + word)
        marked = f"<{word}>"
        for n in (2, 3):
            tokens.extend(marked[i:i + n] for i in range(len(marked) - n + 1))
    return tokens


class BM25:
    """Okapi BM25 over a fixed set of documents, stored as a sparse document-term matrix."""

    def __init__(self, documents: Sequence[str], k1: float = 1.2, b: float = 0.75):
        from scipy.sparse import csr_matrix

        self.k1, self.b = k1, b
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.zeros(len(documents), dtype=np.float32)
        for i, doc in enumerate(documents):
            counts = Counter(tokenize(doc))
            lengths[i] = sum(counts.values())
            for token, count in counts.items():
                j = self.vocab.setdefault(token, len(self.vocab))
                rows.append(i)
                cols.append(j)
                vals.append(count)
        n_docs, n_terms = len(documents), max(1, len(self.vocab))
        tf = csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n_docs, n_terms))
        df = np.bincount(np.array(cols, dtype=np.int64), minlength=n_terms).astype(np.float32)
        self.idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        avg = float(lengths.mean()) if n_docs else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1e-9))
        tf = tf.tocoo()
        weighted = tf.data * (k1 + 1) / (tf.data + norm[tf.row])
        self.matrix = csr_matrix((weighted * self.idf[tf.col], (tf.row, tf.col)), shape=(n_docs, n_terms)).tocsc()

    def query_vector(self, texts: Sequence[str]):
        from scipy.sparse import csr_matrix

        rows, cols = [], []
        for i, text in enumerate(texts):
            for token in set(tokenize(text)):
                j = self.vocab.get(token)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(texts), self.matrix.shape[1]))

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """BM25 score of every document for every query text: ``(len(texts), n_documents)``."""
        return np.asarray((self.query_vector(texts) @ self.matrix.T).todense(), dtype=np.float32)
