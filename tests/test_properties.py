"""Property-based tests (hypothesis): for any input, the checks either accept it or refuse it with
one clear sentence — never another exception, never a hang."""
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import AssistantError, InputError, IntentFileError
from assistant.inputs import check_session_id, check_text
from assistant.language import detect

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.text(max_size=50)
hangul = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=30)


def _one_sentence(err: Exception) -> None:
    message = str(err)
    assert message and "\n" not in message and "Traceback" not in message


@given(texts)
def test_check_text_accepts_or_refuses_cleanly(text):
    try:
        out = check_text(text, 200)
    except InputError as err:
        _one_sentence(err)
    else:
        assert out == out.strip() and 0 < len(out) <= 200


@given(st.binary(max_size=200))
def test_check_text_on_any_bytes(data):
    try:
        check_text(data, 10_000)
    except InputError as err:
        _one_sentence(err)


@given(texts)
def test_session_ids(session):
    try:
        assert check_session_id(session) == session
    except InputError as err:
        _one_sentence(err)
        assert not (1 <= len(session) <= 128 and session.isprintable())


@given(hangul, st.text(alphabet=string.ascii_letters, max_size=10))
def test_mostly_hangul_is_korean(ko, en):
    if len(ko) >= len(en):
        assert detect(f"{ko} {en}").reply_language() == "ko"


@given(st.text(max_size=400))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_intent_file_loader_never_crashes(tmp_path_factory, body):
    from intents.loader import load_intents

    folder = tmp_path_factory.mktemp("intents")
    (folder / "x.yaml").write_text(body, encoding="utf-8")
    try:
        load_intents(folder)
    except IntentFileError as err:
        _one_sentence(err)


@given(st.text(max_size=200))
@settings(max_examples=80)
def test_sql_validation_refuses_or_returns_a_select(sql):
    from assistant.sql.safety import validate

    try:
        checked = validate(sql)
    except AssistantError as err:
        _one_sentence(err)
    else:
        assert checked.lstrip().upper().startswith(("SELECT", "WITH", "("))


@given(st.lists(st.tuples(st.text(alphabet=string.ascii_letters + string.digits + "가나다:#", min_size=1, max_size=8),
                          st.integers(0, 1800), st.integers(0, 1000)), max_size=40))
@settings(max_examples=80)
def test_ocr_parser_on_arbitrary_word_boxes(items):
    from ocr.engines import Word
    from ocr.parse import parse_words

    words = [Word(text=t, left=x, top=y, width=10 * len(t), height=20, conf=0.9) for t, x, y in items]
    try:
        record = parse_words(words, page_width=1920)
    except InputError as err:
        _one_sentence(err)
    else:
        assert record.format in ("versus", "ranking")


@pytest.mark.parametrize("language", ["ko", "en"])
@given(text=st.text(max_size=120))
@settings(max_examples=60)
def test_number_normalisation_is_total(language, text):
    from voices import normalize_numbers

    assert isinstance(normalize_numbers(text, language), str)
