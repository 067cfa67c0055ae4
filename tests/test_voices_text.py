"""Text on both sides of speech: numbers to digits after recognition, spoken forms before synthesis,
sentence splitting and the error-rate metrics. Pure functions, no models."""
from __future__ import annotations

import pytest

from voices import normalize_for_speech, normalize_numbers, sentences
from voices.metrics import cer, edit_distance, wer
from voices.numbers import en_ordinal, en_words, ko_native, ko_sino, parse_ko_sino


@pytest.mark.parametrize("spoken, digits", [
    ("삼 대 일", "3 대 1"),
    ("삼대일로 이겼어요", "3 대 1로 이겼어요"),
    ("세트 스코어 이 대 영", "세트 스코어 2 대 0"),
    ("이십삼 킬을 했어요", "23 킬을 했어요"),
    ("삼 세트에서 졌어", "3 세트에서 졌어"),
    ("두 명이 나갔어요", "2 명이 나갔어요"),
    ("이 팀이 이겼어", "이 팀이 이겼어"),          # 이 = "this", not 2
    ("오늘 사이트에 들어가요", "오늘 사이트에 들어가요"),
    ("천사 같은 서포터", "천사 같은 서포터"),
    ("이대로 가자", "이대로 가자"),
    ("이번 경기 결과", "이번 경기 결과"),          # 이번 = "this time"
    ("이 시간에 만나요", "이 시간에 만나요"),      # hours are counted natively: 2 hours is 두 시간
    ("이 분이 누구세요", "이 분이 누구세요"),      # 이 분 = "this person"
    ("오 분 남았어요", "5 분 남았어요"),
    ("사 강에 올랐어요", "4 강에 올랐어요"),
])
def test_korean_spoken_numbers_become_digits(spoken, digits):
    assert normalize_numbers(spoken, "ko") == digits


@pytest.mark.parametrize("spoken, digits", [
    ("three to one", "3 to 1"),
    ("we won twenty three to nineteen", "we won 23 to 19"),
    ("one hundred and five players", "105 players"),
    ("game two starts now", "game 2 starts now"),
    ("which one is ours", "which one is ours"),     # a pronoun stays a word
    ("platforms one and three", "platforms 1 and 3"),
])
def test_english_spoken_numbers_become_digits(spoken, digits):
    assert normalize_numbers(spoken, "en") == digits


def test_number_words_both_ways():
    assert [ko_sino(n) for n in (0, 1, 10, 21, 105, 2026, 10500, 123456)] == [
        "영", "일", "십", "이십일", "백오", "이천이십육", "만 오백", "십이만 삼천사백오십육"]
    assert [ko_native(n) for n in (1, 3, 20, 25, 99)] == ["한", "세", "스무", "스물다섯", "아흔아홉"]
    assert en_words(1250) == "one thousand two hundred fifty"
    assert en_ordinal(22) == "twenty second" and en_ordinal(3) == "third" and en_ordinal(40) == "fortieth"
    for n in (1, 9, 10, 11, 20, 99, 100, 345, 1000, 2026, 10500, 99999):
        assert parse_ko_sino(ko_sino(n).replace(" ", "")) == n
    assert parse_ko_sino("이삼") is None and parse_ko_sino("팀") is None


@pytest.mark.parametrize("text, spoken", [
    ("T1이 젠지를 3:1로 이겼습니다.", "티원이 젠지를 삼대 일로 이겼습니다."),
    ("Gen.G 경기는 19:30에 시작해요.", "젠지 경기는 일곱 시 삼십 분에 시작해요."),
    ("2026-11-22에 만나요", "이천이십육 년 십일 월 이십이 일에 만나요"),
    ("참가비는 1,500원이고 5명이 필요해요", "참가비는 천오백 원이고 다섯 명이 필요해요"),
    ("승률이 12.5% 올랐어요", "승률이 십이 점 오 퍼센트 올랐어요"),
    ("DRX vs KT 결과", "디알엑스 대 케이티 결과"),
    ("세트 스코어 2:0, 최종 3 : 2", "세트 스코어 이대 영, 최종 삼대 이"),  # 대 joined to the first number
    ("1번째 경기, 3세트", "첫 번째 경기, 삼 세트"),
    ("ShowMaker 선수와 peanut 선수", "쇼메이커 선수와 피넛 선수"),  # player nicknames: Hangul, any case
    ("Hello 선수와 Showmakers", "Hello 선수와 Showmakers"),  # an unknown word stays Latin (English phonemes)
])
def test_korean_text_is_spelled_for_speech(text, spoken):
    assert normalize_for_speech(text, "ko") == spoken


@pytest.mark.parametrize("text, spoken", [
    ("T1 won 3:1.", "T one won three to one."),
    ("Check in by 9:05 for the 3rd round.", "Check in by nine oh five for the third round."),
    ("Final on 2026-11-22 at 7:30 pm", "Final on November twenty second, twenty twenty six at seven thirty p m"),
    ("1,250 players, 12% more", "one thousand two hundred fifty players, twelve percent more"),
    ("DRX vs KT, GG", "DRX versus KT, good game"),
    ("Starts at 8:00", "Starts at eight o'clock"),
])
def test_english_text_is_spelled_for_speech(text, spoken):
    assert normalize_for_speech(text, "en") == spoken


def test_normalised_text_has_no_digits_left():
    for language, text in (("ko", "1위 팀은 3승 0패, 2026.11.22 오후 7:30 경기, 상금 1,000,000원"),
                           ("en", "1st place 3-0, 2026/11/22 at 7:30, prize $1,000,000")):
        assert not any(c.isdigit() for c in normalize_for_speech(text, language))


def test_sentences_split_replies():
    assert sentences("Hello Dr. Smith. This is it! 안녕하세요. 경기는 3시에 시작해요? 네.\n새 줄") == [
        "Hello Dr. Smith.", "This is it!", "안녕하세요.", "경기는 3시에 시작해요?", "네.", "새 줄"]
    assert sentences("") == [] and sentences(" ... ") == []
    long = ", ".join(["아주 긴 문장의 한 부분입니다"] * 30)
    parts = sentences(long, max_chars=100)
    assert len(parts) > 3 and all(len(p) <= 100 for p in parts)
    assert "".join(parts).replace(" ", "") == long.replace(" ", "")


def test_error_rates():
    assert edit_distance("kitten", "sitting") == 3
    assert wer("Today only platforms one and three are used.", "today only platforms 1 and 3 are used") == 0.0
    assert wer("a b c d", "a x c") == pytest.approx(0.5)
    assert cer("그는 이리저리 피하면서", "그는이리저리 피하면서.") == 0.0
    assert cer("삼 대 일", "3대1") == 0.0
    assert cer("가나다라", "가나") == pytest.approx(0.5)


@pytest.mark.parametrize("spelled, said", [
    ("등록", "등녹"), ("입력", "임녁"), ("독립", "동닙"), ("종로", "종노"),    # ㄹ → ㄴ, then nasalisation
    ("합니다", "함니다"), ("국민", "궁민"), ("끝나고", "끈나고"),              # nasalisation
    ("신라", "실라"), ("설날", "설랄"),                                       # lateralisation
    ("좋고", "조코"), ("축하", "추카"), ("많다", "만타"), ("등록해", "등노캐"),  # aspiration
    ("경기 결과", "경기 결과"), ("T1 팀", "T1 팀"), ("", ""),                  # nothing to change
])
def test_korean_is_respelled_as_pronounced(spelled, said):
    from voices.korean import pronounce

    assert pronounce(spelled) == said
