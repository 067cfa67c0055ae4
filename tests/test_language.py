import pytest

from kernel.language import detect


@pytest.mark.parametrize("text, label, reply", [
    ("체크인은 어떻게 해요?", "ko", "ko"),
    ("How do I check in?", "en", "en"),
    ("T1 경기 결과 알려줘", "ko", "ko"),
    ("Valorant 토너먼트 언제 시작해?", "mixed", "ko"),   # 8 Latin letters, 8 Hangul: a tie goes to Korean
    ("How do I 체크인?", "mixed", "en"),
    ("1234 !!", None, "en"),
    ("ㅋㅋㅋ", "ko", "ko"),                               # jamo count as Hangul
    ("Café crème", "en", "en"),
])
def test_detect(text, label, reply):
    found = detect(text)
    assert found.label == label
    assert found.reply_language() == reply


def test_no_letters_uses_default():
    assert detect("?? 3:1").reply_language(default="ko") == "ko"
