"""Korean spelling to pronunciation (a few rules of 표준 발음법), for synthesisers that read Hangul
letter by letter. espeak-ng already links syllables (읽어요 → 일거요) but misses the consonant
assimilations, so ``pronounce("등록 없습니다 신라")`` → ``"등녹 업씀니다 실라"``:

- nasalisation (비음화): ㄱ/ㄷ/ㅂ-type finals before ㄴ or ㅁ become ㅇ/ㄴ/ㅁ (없습니다 → 업씀니다);
- ㄹ after a final ㅁ, ㅇ, ㄱ or ㅂ is said ㄴ (종로 → 종노, 입력 → 임녁);
- lateralisation (유음화): ㄴ next to ㄹ becomes ㄹ (신라 → 실라, 설날 → 설랄);
- aspiration (격음화): ㅎ next to ㄱ/ㄷ/ㅂ/ㅈ merges into ㅋ/ㅌ/ㅍ/ㅊ (좋고 → 조코, 축하 → 추카).

Rules apply inside a word (between syllables with no space). Pure functions."""
from __future__ import annotations

from kernel.korean import join_syllable, split_syllable

_K_TYPE = {"ㄱ", "ㄲ", "ㅋ", "ㄳ", "ㄺ"}
_T_TYPE = {"ㄷ", "ㅅ", "ㅆ", "ㅈ", "ㅊ", "ㅌ", "ㅎ"}
_P_TYPE = {"ㅂ", "ㅍ", "ㄼ", "ㄿ", "ㅄ"}
_ASPIRATE = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
_H_FINALS = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}
_BEFORE_H = {"ㄱ": ("", "ㅋ"), "ㄺ": ("ㄹ", "ㅋ"), "ㄷ": ("", "ㅌ"), "ㅂ": ("", "ㅍ"), "ㄼ": ("ㄹ", "ㅍ"),
             "ㅈ": ("", "ㅊ"), "ㄵ": ("ㄴ", "ㅊ")}


def _adjust(left: list[str], right: list[str]) -> None:
    final, initial = left[2], right[0]
    if not final:
        return
    # aspiration: ㅎ-final + ㄱㄷㅈ, or ㄱㄷㅂㅈ-final + ㅎ
    if final in _H_FINALS and initial in _ASPIRATE:
        left[2], right[0] = _H_FINALS[final], _ASPIRATE[initial]
        return
    if initial == "ㅎ" and final in _BEFORE_H:
        left[2], right[0] = _BEFORE_H[final]
        return
    # ㄹ after ㅁ/ㅇ (and after ㄱ/ㅂ, which then nasalise) is said ㄴ
    if initial == "ㄹ" and (final in ("ㅁ", "ㅇ") or final in _K_TYPE or final in _P_TYPE):
        right[0] = initial = "ㄴ"
    # lateralisation
    if (final == "ㄴ" and initial == "ㄹ") or (final in ("ㄹ", "ㅀ", "ㄾ") and initial == "ㄴ"):
        left[2], right[0] = "ㄹ", "ㄹ"
        return
    # nasalisation
    if initial in ("ㄴ", "ㅁ"):
        if final in _K_TYPE:
            left[2] = "ㅇ"
        elif final in _T_TYPE:
            left[2] = "ㄴ"
        elif final in _P_TYPE:
            left[2] = "ㅁ"


def pronounce(text: str) -> str:
    """Respell Hangul the way it is said (see the module doc); other characters pass through."""
    chars = list(text)
    for i in range(len(chars) - 1):
        left, right = split_syllable(chars[i]), split_syllable(chars[i + 1])
        if left is None or right is None:
            continue
        _adjust(left, right)
        chars[i], chars[i + 1] = join_syllable(left), join_syllable(right)
    return "".join(chars)
