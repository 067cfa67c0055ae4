import pytest

from kernel.errors import InputError
from kernel.checks import check_session_id, check_text


@pytest.mark.parametrize("bad, words", [
    ("", "empty"), ("   \n\t ", "empty"), (None, "empty"),
    ("x" * 10_001, "10,001 characters"),
    ("hi\x00there", "U+0000"), ("esc \x1b[31m", "U+001B"),
    (b"\xff\xfe bad", "UTF-8"), ("broken \udcff", "UTF-8"), (42, "string"),
])
def test_bad_text_gets_one_sentence(bad, words):
    with pytest.raises(InputError) as err:
        check_text(bad, 10_000)
    message = str(err.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message


def test_good_text_is_stripped_and_kept():
    assert check_text("  체크인\t언제?\n", 10_000) == "체크인\t언제?"
    assert check_text("x" * 10_000, 10_000) == "x" * 10_000
    assert check_text("zero\u200bwidth", 100) == "zero\u200bwidth"  # format characters are fine
    assert check_text("바이트".encode(), 100) == "바이트"


@pytest.mark.parametrize("bad", ["", "x" * 129, "tab\there", "new\nline", "nul\x00", 7, None, "bad\udcff"])
def test_bad_session_ids(bad):
    with pytest.raises(InputError):
        check_session_id(bad)


@pytest.mark.parametrize("good", ["a", "x" * 128, "user-1", "세션 하나", "web:1234/abc?"])
def test_good_session_ids(good):
    assert check_session_id(good) == good
