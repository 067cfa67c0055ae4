"""Error rates for speech: word error rate (English) and character error rate (Korean).

Both sides are normalised the same way first: numbers to digits, lower case, punctuation removed;
CER also ignores spaces (Korean spacing varies between writers)."""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from .numbers import normalize_numbers


def edit_distance(ref: list[str] | str, hyp: list[str] | str) -> int:
    """Levenshtein distance between two sequences (of characters or words)."""
    return Levenshtein.distance(ref, hyp)


def normalize_for_scoring(text: str, language: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = normalize_numbers(text, language).lower()
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    text = re.sub(r"[^\w\s%]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def wer(reference: str, hypothesis: str, language: str = "en") -> float:
    """Word error rate of ``hypothesis`` against ``reference``."""
    ref = normalize_for_scoring(reference, language).split()
    hyp = normalize_for_scoring(hypothesis, language).split()
    return edit_distance(ref, hyp) / max(len(ref), 1)


def cer(reference: str, hypothesis: str, language: str = "ko") -> float:
    """Character error rate of ``hypothesis`` against ``reference`` (spaces ignored)."""
    ref = normalize_for_scoring(reference, language).replace(" ", "")
    hyp = normalize_for_scoring(hypothesis, language).replace(" ", "")
    return edit_distance(ref, hyp) / max(len(ref), 1)


def error_rate(reference: str, hypothesis: str, language: str) -> float:
    """CER for Korean, WER for English."""
    return cer(reference, hypothesis, language) if language == "ko" else wer(reference, hypothesis, language)
