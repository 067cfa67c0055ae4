"""The Korean front end of the Kokoro voices: Hangul (after normalisation) to IPA, rule by rule."""
from __future__ import annotations

import pytest

from kernel.korean import split_syllable
from voices.korean_ipa import to_ipa
from voices.text import normalize_for_speech


def ipa(text: str) -> str:
    return to_ipa(normalize_for_speech(text, "ko"))


@pytest.mark.parametrize("word, expected", [
    # liaison (연음), double finals split, ㅎ silent before a vowel
    ("읽어요", "ilɡʌjo"), ("없어요", "ʌpʔsʌjo"), ("좋아요", "ʨoajo"), ("많아요", "manajo"), ("싫어요", "ɕiɾʌjo"),
    ("꽃을", "ʔkoʨʰɯl"), ("값이", "kapʔɕi"),
    # a final at the end of a phrase is said as one of the seven (티켓 → 티켇, 닭 → 닥, 값 → 갑)
    ("티켓", "tʰikʰet"), ("닭", "tak"), ("값", "kap"), ("밖", "pak"), ("좋", "ʨot"), ("삶", "sam"),
    # aspiration (격음화) both ways, and aspirated letters keep ʰ
    ("좋고", "ʨokʰo"), ("축하해요", "ʨʰukʰahejo"), ("못해요", "motʰejo"), ("체크", "ʨʰekʰɯ"), ("팀", "tʰim"),
    # palatalisation, nasalisation, ㄹ → ㄴ, lateralisation
    ("같이", "kaʨʰi"), ("굳이", "kuʥi"), ("합니다", "hamɲida"), ("종로", "ʨoŋno"), ("신라", "ɕilla"),
    ("입력", "imɲʌk"),
    # tensification: after an obstruent final (one long closure), after future -ㄹ, ㄹ+ㅈ in Sino-Korean
    ("학교", "hakkjo"), ("삭제", "sakʨe"), ("할 수", "hal ʔsu"), ("할게요", "halʔkejo"), ("결정", "kjʌlʔʨʌŋ"),
    # lax stops: voiceless at the start, voiced between voiced sounds; tense stays tense
    ("가다", "kada"), ("바다", "pada"), ("아빠", "aʔpa"), ("짜다", "ʔʨada"),
    # vowels ㅓ ʌ, ㅡ ɯ, ㅢ, glides; ㅈ + y-vowel loses the glide
    ("어른", "ʌɾɯn"), ("의사", "ɰisa"), ("회의실", "hweiɕil"), ("우리의", "uɾie"), ("져요", "ʨʌjo"), ("가져요", "kaʥʌjo"), ("워", "wʌ"),
])
def test_tricky_words(word, expected):
    assert to_ipa(word) == expected


def test_a_voice_can_write_aspiration_longer():
    assert to_ipa("체크 팀") == "ʨʰekʰɯ tʰim"
    assert to_ipa("체크 팀", aspiration="ʰʰ") == "ʨʰʰekʰʰɯ tʰʰim"
    assert to_ipa("좋고 축하", aspiration="ʰʰ") == "ʨokʰʰo ʨʰʰukʰʰa"  # made by ㅎ rules too
    assert to_ipa("가다 까다", aspiration="ʰʰ") == to_ipa("가다 까다")  # lax and tense untouched


def test_phrase_boundaries_become_pauses():
    assert to_ipa("네, 알겠어요. 다음은요?") == "ne, alɡeʔsʌjo. taɯmɯɲo?"
    assert to_ipa("결과: 승리!") == "kjʌlɡwa, sɯŋɲi!"
    assert to_ipa(",,, 네 ...") == "ne."


def test_words_are_not_linked_across_spaces():
    assert to_ipa("맛 없다") == "mat ʌpta"  # words stay apart: linked, Whisper hears a new word
    assert to_ipa("경기를 요청") == "kjʌŋɡiɾɯl joʨʰʌŋ"  # no linking into a y-vowel word


def test_numbers_scores_times_and_names_come_from_the_normaliser():
    assert ipa("T1이 3:1로 이겼어요.") == "tʰiwʌɲi samde illo iɡjʌʔsʌjo."  # 삼대: one word
    assert ipa("Gen.G가 이겼다") == "ʨenʥiɡa iɡjʌtta"
    assert ipa("경기는 7:30에 시작해요") == "kjʌŋɡinɯn ilɡop ʔɕi samɕip pune ɕiʥakʰejo"
    assert ipa("NC 승리") == "enʔɕi sɯŋɲi"  # letters read one by one


def test_latin_words_go_to_the_english_phonemizer_or_are_spelled():
    assert to_ipa("Faker 선수", latin=lambda w: f"<{w}>") == "<Faker> sʌnsu"
    assert to_ipa("ABC") == to_ipa("에이비씨")


def test_anything_else_is_dropped_and_non_hangul_text_gives_nothing():
    assert to_ipa("😀 ★ #") == ""
    assert to_ipa("") == ""
    assert split_syllable("a") is None and split_syllable("각") == ["ㄱ", "ㅏ", "ㄱ"]


def test_every_syllable_alone_and_next_to_others_converts():
    import random

    syllables = [chr(c) for c in range(0xAC00, 0xD7A4)]
    assert all(to_ipa(s) for s in syllables)
    rng = random.Random(0)
    for _ in range(3000):
        a, b, c = rng.choice(syllables), rng.choice(syllables), rng.choice(syllables)
        assert to_ipa(f"{a}{b} {c}{a}{b}.").endswith(".")
