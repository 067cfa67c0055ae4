"""Property-based tests (hypothesis): for any input, the checks either accept it or refuse it with
one clear sentence — never another exception, never a hang."""
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernel.errors import AssistantError, InputError, IntentFileError
from kernel.checks import check_session_id, check_text
from kernel.language import detect

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
    from nl2sql.safety import validate

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


class _Scored:
    accepts = frozenset({"text", "audio"})

    def __init__(self, name, score):
        self.name, self.score = name, score

    def fit(self, turn):
        from assistant.router import Fit

        return Fit(self.score, self.name)

    def answer(self, turn, fit):
        return fit.payload


scores = st.floats(allow_nan=True, allow_infinity=True) | st.floats(min_value=0, max_value=1)


@given(st.lists(scores, min_size=1, max_size=6))
def test_router_picks_the_best_numeric_score_earliest_first(values):
    from assistant.router import Router, TurnInput

    handlers = [_Scored(i, v) for i, v in enumerate(values)]
    chosen = Router(handlers).route(TurnInput(session="s", text="t", language="en", detected="en"))
    numeric = [(v, i) for i, v in enumerate(values) if v == v]
    if not numeric:
        assert chosen == 0
    else:
        best = max(v for v, _ in numeric)
        assert chosen == min(i for v, i in numeric if v == best)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@pytest.mark.slow
def test_any_text_gets_a_reply_or_one_sentence(shared_bot, text):
    """The real router over the real handlers: any text is answered (some handler always claims it)
    or refused with one sentence; the reply is well formed."""
    try:
        reply = shared_bot.respond(text, session="prop-router")
    except InputError as err:
        _one_sentence(err)
        return
    assert reply.kind in {"faq", "chitchat", "fallback", "sql", "clarify", "ocr", "transcript"}, reply.kind
    assert reply.language in ("ko", "en") and reply.text.strip()
