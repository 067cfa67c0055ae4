"""Korean text to IPA phonemes for Kokoro (the Korean front end of ``engines/kokoro.py``).

Input is Korean already normalised for speech (:func:`voices.text.normalize_for_speech`: numbers,
scores, times and Latin names are spelled in Hangul). ``to_ipa("경기 결과는 등록해 주세요.")`` →
``"kjʌŋɡi ɡjʌlɡwanɯn dɯŋnokʰe ʥusejo."``. The rules of 표준 발음법 that change what is heard:

- liaison (연음): a final consonant moves to a following vowel-initial syllable (읽어 → 일거, 없어 → 업써);
  across a space it moves after coda neutralisation (맛 없다 → 마덥다);
- ㅎ: aspiration with a neighbouring ㄱ/ㄷ/ㅂ/ㅈ (좋고 → 조코, 축하 → 추카), silent before a vowel (좋아 → 조아);
- palatalisation (같이 → 가치), coda neutralisation to the seven finals (ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ);
- nasalisation (합니다 → 함니다), ㄹ said ㄴ (종로 → 종노), lateralisation (신라 → 실라);
- tensification after an obstruent final (학교 → 학꾜), after the future ending -ㄹ (할 수 → 할쑤)
  and ㄹ + ㄷ/ㅅ/ㅈ inside a word (결정 → 결쩡).

Then each consonant gets the sound it has in context: lax ㄱ/ㄷ/ㅂ/ㅈ are voiceless at the start
of a phrase and voiced between voiced sounds (ɡ d b ʥ); aspirated ones carry ``ʰ``; tense ones are
written as Kokoro's geminate, a glottal stop before a plain stop (``ʔk``), which is how the model says
Japanese っ: short, unaspirated and stiff. Vowels: ㅓ ʌ, ㅡ ɯ, ㅐ/ㅔ e, glides j/w, ㅢ ɰi.
Punctuation is kept (Kokoro pauses on it). Pure functions.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from kernel.korean import SYLLABLES, is_hangul, split_syllable

# the seven finals a coda is said as (대표음)
_NEUTRAL = {"ㄱ": "ㄱ", "ㄲ": "ㄱ", "ㅋ": "ㄱ", "ㄳ": "ㄱ", "ㄺ": "ㄱ", "ㄴ": "ㄴ", "ㄵ": "ㄴ", "ㄶ": "ㄴ",
            "ㄷ": "ㄷ", "ㅅ": "ㄷ", "ㅆ": "ㄷ", "ㅈ": "ㄷ", "ㅊ": "ㄷ", "ㅌ": "ㄷ", "ㅎ": "ㄷ", "ㄹ": "ㄹ",
            "ㄼ": "ㄹ", "ㄽ": "ㄹ", "ㄾ": "ㄹ", "ㅀ": "ㄹ", "ㄻ": "ㅁ", "ㅁ": "ㅁ", "ㅂ": "ㅂ", "ㅍ": "ㅂ",
            "ㄿ": "ㅂ", "ㅄ": "ㅂ", "ㅇ": "ㅇ", "": ""}
# a final before a vowel-initial syllable: (what stays, what moves)
_LIAISON = {"ㄳ": ("ㄱ", "ㅆ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄺ": ("ㄹ", "ㄱ"), "ㄻ": ("ㄹ", "ㅁ"), "ㄼ": ("ㄹ", "ㅂ"),
            "ㄽ": ("ㄹ", "ㅆ"), "ㄾ": ("ㄹ", "ㅌ"), "ㄿ": ("ㄹ", "ㅍ"), "ㅄ": ("ㅂ", "ㅆ")}
_ASPIRATED = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
_TENSE = {"ㄱ": "ㄲ", "ㄷ": "ㄸ", "ㅂ": "ㅃ", "ㅅ": "ㅆ", "ㅈ": "ㅉ"}
# an obstruent final before ㅎ: (what stays, the aspirated initial)
_BEFORE_H = {"ㄱ": ("", "ㅋ"), "ㄲ": ("", "ㅋ"), "ㄺ": ("ㄹ", "ㅋ"), "ㄷ": ("", "ㅌ"), "ㅅ": ("", "ㅌ"),
             "ㅆ": ("", "ㅌ"), "ㅈ": ("", "ㅊ"), "ㅊ": ("", "ㅊ"), "ㅌ": ("", "ㅌ"), "ㄵ": ("ㄴ", "ㅊ"),
             "ㅂ": ("", "ㅍ"), "ㄼ": ("ㄹ", "ㅍ"), "ㅍ": ("", "ㅍ")}
_H_FINALS = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}
# syllables that end the future/adnominal -(으)ㄹ, and the words after it that are said tense
_ADNOMINAL = set("할될갈올볼줄을릴킬칠쓸낼")
_AFTER_ADNOMINAL = ("수", "거", "것", "게", "겁", "데", "지", "줄", "때", "가", "건", "걸", "겸")

_VOWELS = {"ㅏ": "a", "ㅐ": "e", "ㅑ": "ja", "ㅒ": "je", "ㅓ": "ʌ", "ㅔ": "e", "ㅕ": "jʌ", "ㅖ": "je", "ㅗ": "o",
           "ㅘ": "wa", "ㅙ": "we", "ㅚ": "we", "ㅛ": "jo", "ㅜ": "u", "ㅝ": "wʌ", "ㅞ": "we", "ㅟ": "wi", "ㅠ": "ju",
           "ㅡ": "ɯ", "ㅢ": "ɰi", "ㅣ": "i"}
# initial consonants: (phrase-initial or after a voiceless sound, between voiced sounds)
_CONSONANTS = {"ㄱ": ("k", "ɡ"), "ㄲ": ("ʔk", "ʔk"), "ㅋ": ("kʰ", "kʰ"), "ㄷ": ("t", "d"), "ㄸ": ("ʔt", "ʔt"),
               "ㅌ": ("tʰ", "tʰ"), "ㅂ": ("p", "b"), "ㅃ": ("ʔp", "ʔp"), "ㅍ": ("pʰ", "pʰ"), "ㅈ": ("ʨ", "ʥ"),
               "ㅉ": ("ʔʨ", "ʔʨ"), "ㅊ": ("ʨʰ", "ʨʰ"), "ㅅ": ("s", "s"), "ㅆ": ("ʔs", "ʔs"), "ㅎ": ("h", "h"),
               "ㄴ": ("n", "n"), "ㄹ": ("ɾ", "ɾ"), "ㅁ": ("m", "m"), "ㅇ": ("", "")}
_CODAS = {"ㄱ": "k", "ㄴ": "n", "ㄷ": "t", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅇ": "ŋ", "": ""}
_PALATAL = {"s": "ɕ", "ʔs": "ʔɕ", "n": "ɲ"}
_VOICED_CODAS = {"ㄴ", "ㄹ", "ㅁ", "ㅇ", ""}

LETTER_NAMES = {"A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지", "H": "에이치",
                "I": "아이", "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔", "O": "오", "P": "피",
                "Q": "큐", "R": "알", "S": "에스", "T": "티", "U": "유", "V": "브이", "W": "더블유", "X": "엑스",
                "Y": "와이", "Z": "지"}
"""How Korean speakers name the Latin letters."""
_PAUSE = {",": ",", "、": ",", ";": ",", ":": ",", "·": ",", "-": ",", "—": ",", "(": ",", ")": ",",
          ".": ".", "。": ".", "!": "!", "！": "!", "?": "?", "？": "?", "…": "…"}


# Choices tuned on the round trip (benchmarks/voices.py --set tune): Whisper hears Kokoro's voiced
# d/b at a word start as n/m (답변 → 납변), and a final linked into the next word as a new word
# (있으면 언제든 → 있으며 난제든), so both stay inside words.
LINK_ACROSS_WORDS = False
VOICE_ACROSS_WORDS = False
ASPIRATION = "ʰ"
"""How an aspirated initial's breath is written by default. A voice may ask for a longer breath
(``to_ipa(..., aspiration="ʰʰ")``): Kokoro's female styles then say ㅋㅌㅍㅊ clearly aspirated, where
with one ʰ Whisper often hears the lax stop (체크 → 제크); the male style does not need it."""


def _boundary(left: list[str], right: list[str], across_space: bool, left_char: str, right_word: str) -> None:
    """Apply the sound changes between two syllables (in place)."""
    final, initial = left[2], right[0]
    if not final:
        return
    if final in _H_FINALS:  # ㅎ, ㄶ, ㅀ
        rest = _H_FINALS[final]
        if initial in _ASPIRATED:
            left[2], right[0] = rest, _ASPIRATED[initial]
            return
        if initial == "ㅅ":
            left[2], right[0] = rest, "ㅆ"
            return
        if initial == "ㅇ":
            left[2] = ""
            if rest:
                right[0] = rest
            return
        if initial == "ㄴ":
            left[2] = right[0] = "ㄹ" if rest == "ㄹ" else "ㄴ"
            return
        left[2] = final = rest or "ㄷ"
    if initial == "ㅎ" and final in _BEFORE_H:
        left[2], right[0] = _BEFORE_H[final]
        return
    if initial == "ㅇ":
        if final == "ㅇ":
            return
        if across_space and not LINK_ACROSS_WORDS:
            left[2] = _NEUTRAL[final]
            return
        if across_space:
            if _VOWELS[right[1]][0] in "ij":
                left[2] = _NEUTRAL[final]  # no linking into 이/요-type words (재경기를 요청 stays apart)
                return
            final = _NEUTRAL[final]
        if right[1] == "ㅣ" and final in ("ㄷ", "ㅌ", "ㄾ"):  # palatalisation: 굳이 → 구지, 같이 → 가치
            left[2], right[0] = ("ㄹ" if final == "ㄾ" else ""), ("ㅈ" if final == "ㄷ" else "ㅊ")
            return
        left[2], right[0] = _LIAISON.get(final, ("", final))
        return
    left[2] = final = _NEUTRAL[final]
    if initial == "ㄹ" and final in ("ㅁ", "ㅇ", "ㄱ", "ㅂ"):
        right[0] = initial = "ㄴ"
    if (final == "ㄴ" and initial == "ㄹ") or (final == "ㄹ" and initial == "ㄴ"):
        left[2] = right[0] = "ㄹ"
        return
    if initial in ("ㄴ", "ㅁ"):
        left[2] = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}.get(final, final)
        return
    if initial in _TENSE:
        if final in ("ㄱ", "ㄷ", "ㅂ"):
            right[0] = _TENSE[initial]
        elif final == "ㄹ" and left_char in _ADNOMINAL and (
                (across_space and right_word.startswith(_AFTER_ADNOMINAL)) or
                (not across_space and initial in ("ㄱ", "ㅈ", "ㅅ", "ㄷ"))):
            right[0] = _TENSE[initial]  # 할 수 → 할쑤, 할게요 → 할께요
        elif final == "ㄹ" and not across_space and initial in ("ㄷ", "ㅅ", "ㅈ") and right_word != "다":
            right[0] = _TENSE[initial]  # 결정 → 결쩡, 결승 → 결씅


def _phrase_ipa(words: list[str], aspiration: str = ASPIRATION) -> str:
    """IPA of the Hangul words of one phrase (no punctuation inside), words joined by spaces."""
    sylls: list[tuple[int, str, list[str]]] = []  # (word index, original char, jamo)
    for w, word in enumerate(words):
        for ch in word:
            jamo = split_syllable(ch)
            if jamo is not None:
                sylls.append((w, ch, jamo))
    for i in range(len(sylls) - 1):
        (w1, c1, left), (w2, _, right) = sylls[i], sylls[i + 1]
        rest_of_word = "".join(c for w, c, _ in sylls[i + 1:] if w == w2)
        _boundary(left, right, w1 != w2, c1, rest_of_word)
    out: list[str] = []
    for i, (w, ch, (initial, medial, final)) in enumerate(sylls):
        prev = sylls[i - 1] if i else None
        if prev is not None and prev[0] != w:
            out.append(" ")
        voiced_before = prev is not None and prev[2][2] in _VOICED_CODAS and (VOICE_ACROSS_WORDS or prev[0] == w)
        consonant = _CONSONANTS[initial][1 if voiced_before else 0]
        if consonant in ("ʔk", "ʔt", "ʔp", "ʔʨ") and prev is not None and prev[2][2] in ("ㄱ", "ㄷ", "ㅂ"):
            # after an obstruent final a stop is tense anyway: 학교 → hakkjo, 삭제 → sakʨe (ʔ would
            # swallow the final: heard 사체)
            consonant = consonant[1:]
        if initial == "ㄹ" and prev is not None and prev[2][2] == "ㄹ":
            consonant = "l"
        vowel = _VOWELS[medial]
        if initial in ("ㅈ", "ㅉ", "ㅊ") and vowel[0] == "j":
            vowel = vowel[1:]  # 져 → 저
        if medial == "ㅢ" and (initial != "ㅇ" or (prev is not None and prev[0] == w)):
            vowel = "e" if (initial == "ㅇ" and (i + 1 == len(sylls) or sylls[i + 1][0] != w)) else "i"
        if vowel[0] in "ij" and consonant in _PALATAL:  # 시 ɕi, 셔 ɕʌ, 니 ɲi, 녀 ɲʌ, 히 çi
            consonant = _PALATAL[consonant]
            vowel = vowel[1:] if vowel[0] == "j" else vowel
        consonant = consonant.replace("ʰ", aspiration)
        out.append(consonant + vowel + _CODAS[_NEUTRAL[final]])
    return "".join(out)


_TOKEN = re.compile(rf"[{SYLLABLES}]+|[A-Za-z][A-Za-z']*|[,.!?;:·、。！？…()—-]|\s+|[^\sA-Za-z{SYLLABLES},.!?;:·、。！？…()—-]+")
_MARKS = (",", ".", "!", "?", "…")


def to_ipa(text: str, latin: Callable[[str], str] | None = None, aspiration: str | None = None) -> str:
    """IPA of normalised Korean ``text``: Hangul words become phonemes, punctuation becomes Kokoro's
    pause marks, a word in Latin letters goes to ``latin`` (an English phonemizer; without one it is
    spelled letter by letter, 에이 비 씨), anything else is dropped."""
    out: list[str] = []
    words: list[str] = []

    def flush():
        if words:
            out.append(_phrase_ipa(words, ASPIRATION if aspiration is None else aspiration))
            words.clear()

    for token in _TOKEN.findall(text):
        if token[0] in _PAUSE:
            flush()
            mark = _PAUSE[token[0]]
            if out and out[-1] not in _MARKS:
                out.append(mark)
            elif out and mark != ",":
                out[-1] = mark
        elif is_hangul(token[0]):  # a run of syllables (the first alternative of _TOKEN)
            words.append(token)
        elif token[0].isascii() and token[0].isalpha():
            if latin is not None:
                flush()
                out.append(latin(token).strip())
            else:
                words.append("".join(LETTER_NAMES.get(c.upper(), "") for c in token))
    flush()
    ipa = ""
    for piece in out:
        if piece:
            ipa += piece if piece in _MARKS else (" " if ipa else "") + piece
    return ipa.strip(" ,")
