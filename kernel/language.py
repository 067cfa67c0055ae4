"""Per-turn language detection between Korean and English by counting letters of each script."""
from __future__ import annotations

import dataclasses
from functools import lru_cache

from .korean import is_hangul_letter


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("\u00c0" <= ch <= "\u024f" and ch.isalpha())


@dataclasses.dataclass(frozen=True)
class Detected:
    """The scripts found in a text."""

    hangul: int
    """Number of Hangul letters (syllables and jamo)."""
    latin: int
    """Number of Latin letters."""

    @property
    def label(self) -> str | None:
        """``ko``, ``en``, ``mixed`` (both scripts, the minority at least 20 % of letters), or ``None``."""
        total = self.hangul + self.latin
        if total == 0:
            return None
        if min(self.hangul, self.latin) >= 0.2 * total:
            return "mixed"
        return "ko" if self.hangul > self.latin else "en"

    def reply_language(self, default: str = "en") -> str:
        """The language of most letters (a tie goes to Korean, whose sentences carry Latin names
        more often than the reverse); ``default`` when there are no letters."""
        if self.hangul == 0 and self.latin == 0:
            return default
        return "ko" if self.hangul >= self.latin else "en"


def detect(text: str) -> Detected:
    """Count the Hangul and Latin letters of ``text``."""
    hangul = latin = 0
    for ch in text:
        if is_hangul_letter(ch):
            hangul += 1
        elif _is_latin(ch):
            latin += 1
    return Detected(hangul, latin)


ENGLISH_WORDS = "/usr/share/dict/american-english"
"""Debian's wamerican word list (about 104,000 entries; the lower-case ones are ordinary words, not proper names)."""


@lru_cache(maxsize=2)
def english_words(path: str = ENGLISH_WORDS) -> frozenset[str]:
    """The ordinary English words of a word list (its lower-case entries, possessives dropped), read once; empty when
    it is not installed."""
    try:
        with open(path, encoding="utf-8") as f:
            return frozenset(w for w in (line.strip().removesuffix("'s") for line in f) if w[:1].islower())
    except OSError:
        return frozenset()
