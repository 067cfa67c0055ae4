"""The Korean text primitives of kernel.korean."""
from __future__ import annotations

from kernel.korean import (has_batchim, has_hangul, is_hangul, is_hangul_letter, jamo, join_syllable, split_syllable,
                           syllable_indices)


def test_every_syllable_splits_into_its_own_jamo_and_joins_back():
    seen = set()
    for code in range(0xAC00, 0xD7A4):
        ch = chr(code)
        parts = split_syllable(ch)
        assert join_syllable(parts) == ch
        seen.add(tuple(parts))
    assert len(seen) == 11172
    assert split_syllable("닭") == ["ㄷ", "ㅏ", "ㄺ"] and split_syllable("와") == ["ㅇ", "ㅘ", ""]
    assert syllable_indices("가") == (0, 0, 0) and syllable_indices("힣") == (18, 20, 27)
    assert syllable_indices("ㄱ") is None and split_syllable("A") is None


def test_hangul_tests_and_jamo():
    assert is_hangul("가") and is_hangul("힣") and not is_hangul("ㄱ") and not is_hangul("A")
    assert is_hangul_letter("ㄱ") and is_hangul_letter("가") and not is_hangul_letter("A")
    assert has_hangul("T1 이겼어") and not has_hangul("T1 won")
    assert split_syllable("A") is None
    assert jamo("팀A 각") == "ㅌㅣㅁA ㄱㅏㄱ"


def test_batchim():
    assert has_batchim("팀") and not has_batchim("선수") and has_batchim("닭!")
    assert has_batchim("T1") and has_batchim("Team") and not has_batchim("Gen.G")  # read 원, 팀엠, 지
    assert not has_batchim("KT 롤스터") and not has_batchim("") and not has_batchim("?!")
