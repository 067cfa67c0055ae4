"""Lexical evidence: BM25 over tokens that suit both Korean and English, and a TF-IDF linear SVM.

Korean attaches particles and endings to words (팀이, 팀을, 팀에서), so whole words rarely repeat
across paraphrases; character n-grams inside each word do. Tokens are the lower-cased words plus
their character 2- and 3-grams (with word-boundary marks), which needs no morphological analyser
(kiwipiepy's morphemes were measured too: BM25 alone within +-0.03 of these n-grams on the Korean
sets, and the learned fusion gives lexical evidence almost no weight there, so not worth 218 MB).
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from typing import Sequence

import numpy as np

from kernel.korean import SYLLABLES

_WORD = re.compile(rf"[0-9a-z\u00c0-\u024f]+|[{SYLLABLES}\u3131-\u318e]+|[^\s\w]", re.UNICODE)


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


class TfidfClassifier:
    """A linear SVM over TF-IDF of words (uni- and bigrams) and character 2-5-grams inside words.

    The sentence encoder sees meaning; this sees the exact words (card vs. cash, top up vs. top-up),
    which the fused ranking uses as one more piece of evidence. Fitted with liblinear in seconds
    (Banking77, 8,000 questions: 3 s on one core).
    """

    def __init__(self, texts: Sequence[str], labels: Sequence[str], c: float = 0.5):
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        min_df = 2 if len(texts) >= 2000 else 1
        # single-syllable Korean words (팀, 돈, 비) count, hence \w+ rather than sklearn's \w\w+
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b",
                                     min_df=min_df, dtype=np.float32)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                     min_df=min_df, dtype=np.float32)
        x = hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()
        self.labels = tuple(sorted(set(labels)))
        index = {label: i for i, label in enumerate(self.labels)}
        y = np.array([index[label] for label in labels])
        with warnings.catch_warnings():
            # few examples per intent (held-out folds of small sets) look like regression to sklearn
            warnings.filterwarnings("ignore", message="The number of unique classes", category=UserWarning)
            model = LinearSVC(C=c).fit(x * np.float32(0.7071), y)
        coef = model.coef_.astype(np.float32)
        bias = model.intercept_.astype(np.float32)
        if len(self.labels) == 2:  # liblinear keeps one row for two classes
            coef, bias = np.vstack([-coef, coef]), np.concatenate([-bias, bias])
        self.coef = coef * np.float32(0.7071)
        self.bias = bias

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """SVM scores ``(len(texts), len(self.labels))``; higher is more likely."""
        from scipy.sparse import hstack

        x = hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()
        return np.asarray(x @ self.coef.T, dtype=np.float32) + self.bias
