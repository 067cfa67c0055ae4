"""Korean text primitives, written once: what is Hangul, a syllable's jamo, and whether it ends in
a consonant (batchim). Pure functions over Unicode, no dependencies; and the words of Debian's Korean
dictionary, when it is installed.

A precomposed Hangul syllable is U+AC00 + (initial * 21 + medial) * 28 + final, with 19 initials,
21 medials and 28 finals (the first final being "none"): 11,172 syllables, U+AC00 to U+D7A3.
"""
from __future__ import annotations

from functools import lru_cache

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
          "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

FIRST_SYLLABLE, LAST_SYLLABLE = "\uac00", "\ud7a3"
SYLLABLES = f"{FIRST_SYLLABLE}-{LAST_SYLLABLE}"
"""The syllable range for a regular-expression character class: ``re.compile(f"[{SYLLABLES}]")``."""
_COUNT = 11172


def is_hangul(ch: str) -> bool:
    """Whether ``ch`` is a precomposed Hangul syllable (가 to 힣)."""
    return FIRST_SYLLABLE <= ch <= LAST_SYLLABLE


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds at least one Hangul syllable."""
    return any(FIRST_SYLLABLE <= ch <= LAST_SYLLABLE for ch in text)


def is_hangul_letter(ch: str) -> bool:
    """Whether ``ch`` is any Hangul letter: a syllable, or a jamo of the conjoining, compatibility or
    extended blocks (what a script count should count as Korean)."""
    code = ord(ch)
    return (0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF
            or 0x3130 <= code <= 0x318F or 0xA960 <= code <= 0xA97F or 0xD7B0 <= code <= 0xD7FF)


def syllable_indices(ch: str) -> tuple[int, int, int] | None:
    """(initial, medial, final) positions in :data:`INITIALS`, :data:`MEDIALS` and :data:`FINALS` of a
    Hangul syllable, or None for any other character: ``syllable_indices("각") == (0, 0, 1)``."""
    code = ord(ch) - 0xAC00
    if not 0 <= code < _COUNT:
        return None
    return code // 588, (code % 588) // 28, code % 28


def split_syllable(ch: str) -> list[str] | None:
    """[initial, medial, final] of a Hangul syllable (final '' when there is none), or None for any
    other character: ``split_syllable("각") == ["ㄱ", "ㅏ", "ㄱ"]``."""
    found = syllable_indices(ch)
    if found is None:
        return None
    return [INITIALS[found[0]], MEDIALS[found[1]], FINALS[found[2]]]


def join_syllable(parts: list[str]) -> str:
    """The syllable of [initial, medial, final]; the inverse of :func:`split_syllable`."""
    return chr(0xAC00 + INITIALS.index(parts[0]) * 588 + MEDIALS.index(parts[1]) * 28 + FINALS.index(parts[2]))


def jamo(text: str) -> str:
    """Hangul syllables decomposed into jamo, other characters unchanged: ``jamo("팀A") == "ㅌㅣㅁA"``."""
    return "".join("".join(parts) if (parts := split_syllable(ch)) else ch for ch in text)


def has_batchim(word: str) -> bool:
    """Whether the last syllable of ``word`` ends in a consonant (picks 이/가, 은/는, 을/를); a trailing
    Latin letter or digit counts by how Koreans read it (엘, 엠, 엔, 알; 영, 일, 삼, 육, 칠, 팔)."""
    for ch in reversed(word):
        if is_hangul(ch):
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch.isalnum():
            return ch.lower() in "lmnr013678"
    return False


DICTIONARY = "/usr/share/hunspell/ko.dic"
"""Debian's hunspell-ko word list (about 99,600 Korean words: native and Sino-Korean nouns, common loanwords)."""


@lru_cache(maxsize=2)
def dictionary_words(path: str = DICTIONARY) -> frozenset[str]:
    """The Korean words of a hunspell dictionary (flags dropped, NFC), read once; empty when it is not installed."""
    import unicodedata

    try:
        with open(path, encoding="utf-8") as f:
            next(f, None)  # the entry count
            return frozenset(unicodedata.normalize("NFC", line.split("/", 1)[0].strip()) for line in f) - {""}
    except OSError:
        return frozenset()
