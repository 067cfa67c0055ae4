"""Intent-file validation: errors name the file and the intent; the shipped files meet the content bar."""
from collections import Counter
from pathlib import Path

import pytest

from intents.loader import DEFAULT_INTENTS_DIR
from kernel.errors import IntentFileError
from intents.loader import load_intents

from conftest import intent, write_intents

GOOD = intent(["How do I check in?"], ["체크인 어떻게 해요?"])


def _error(tmp_path: Path, text: str | bytes, name: str = "bad.yaml") -> str:
    folder = tmp_path / "intents"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(IntentFileError) as err:
        load_intents(folder)
    return str(err.value)


def test_valid_file_loads(tmp_path):
    kb = load_intents(write_intents(tmp_path / "i", {"checkin": GOOD, "hello": intent(["hi"], ["안녕"], "chitchat")}))
    assert set(kb.intents) == {"checkin", "hello"}
    assert kb.intents["hello"].kind == "chitchat"
    assert kb.intents["checkin"].title("ko") == "체크인 어떻게 해요?"
    texts, labels = kb.examples()
    assert len(texts) == len(labels) == 4


@pytest.mark.parametrize("body, words", [
    ("intents:\n  checkin:\n    kind: faq\n    examples: {en: [a], ko: [b]}\n    answer: {en: x}\n",
     ["bad.yaml", "'checkin'", "lacks the 'ko'"]),
    ("intents:\n  checkin:\n    kind: poem\n    examples: {en: [a], ko: [b]}\n    answer: {en: x, ko: y}\n",
     ["'checkin'", "kind 'poem'"]),
    ("intents:\n  checkin:\n    examples: {en: [], ko: [b]}\n    answer: {en: x, ko: y}\n",
     ["'checkin'", "examples.en must be a non-empty list"]),
    ("intents:\n  checkin:\n    examples: {en: [a, a], ko: [b]}\n    answer: {en: x, ko: y}\n",
     ["'checkin'", "repeats 'a'"]),
    ("intents:\n  checkin:\n    examples: {en: [a], ko: [b]}\n    answer: {en: x, ko: '  '}\n",
     ["'checkin'", "answer.ko"]),
    ("intents:\n  checkin:\n    examples: {en: [a], ko: [b], fr: [c]}\n    answer: {en: x, ko: y}\n",
     ["'checkin'", "unknown language 'fr'"]),
    ("intents:\n  checkin:\n    examples: {en: [a], ko: [b]}\n    answer: {en: x, ko: y}\n    answr: z\n",
     ["'checkin'", "unknown key 'answr'"]),
    ("intents:\n  Check-In:\n    examples: {en: [a], ko: [b]}\n    answer: {en: x, ko: y}\n",
     ["'Check-In'", "snake_case"]),
    ("intents:\n  a:\n    examples: {en: [a], ko: [b]}\n    answer: {en: x, ko: y}\n  a:\n"
     "    examples: {en: [c], ko: [d]}\n    answer: {en: x, ko: y}\n", ["duplicate key 'a'", "line 5"]),
    ("intents: [1, 2]\n", ["top-level 'intents:' mapping"]),
    ("intents:\n  checkin: {examples: [unclosed\n", ["invalid YAML", "line"]),
    ("", ["top-level 'intents:' mapping"]),
])
def test_malformed_files_name_file_and_intent(tmp_path, body, words):
    message = _error(tmp_path, body)
    for word in words:
        assert word in message
    assert "\n" not in message


def test_non_utf8_file(tmp_path):
    assert "not valid UTF-8" in _error(tmp_path, "intents:\n  a: 체크인\n".encode("euc-kr"))


def test_intent_defined_twice_across_files(tmp_path):
    folder = write_intents(tmp_path / "i", {"checkin": GOOD}, "a.yaml")
    write_intents(folder, {"checkin": GOOD}, "b.yaml")
    with pytest.raises(IntentFileError) as err:
        load_intents(folder)
    assert "b.yaml" in str(err.value) and "a.yaml" in str(err.value) and "'checkin'" in str(err.value)


def test_empty_folder(tmp_path):
    with pytest.raises(IntentFileError, match="no intent files"):
        load_intents(tmp_path)


def test_digest_changes_with_content(tmp_path):
    folder = write_intents(tmp_path / "i", {"checkin": GOOD})
    first = load_intents(folder).digest
    write_intents(folder, {"checkin": intent(["How do I check in now?"], ["체크인 어떻게 해요?"])})
    assert load_intents(folder).digest != first


# The shipped knowledge base -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kb():
    return load_intents(DEFAULT_INTENTS_DIR)


def test_shipped_files_cover_a_competition_platform(kb):
    kinds = Counter(i.kind for i in kb.intents.values())
    assert kinds["faq"] >= 60
    assert {"greeting", "thanks", "who_are_you", "goodbye"} <= {i.id for i in kb.intents.values() if i.kind == "chitchat"}
    assert kinds["sql"] == 1 and kinds["ocr"] == 1
    prefixes = {i.id.split("_")[0] for i in kb.intents.values()}
    for topic in ("account", "registration", "team", "checkin", "schedule", "rules", "results", "dispute",
                  "prize", "stream", "tech", "contact"):
        assert topic in prefixes, topic


def test_shipped_intents_have_ten_examples_per_language_and_both_answers(kb):
    for item in kb.intents.values():
        for lang in ("en", "ko"):
            assert len(item.examples[lang]) >= 10, (item.id, lang)
            assert item.answer[lang].strip(), (item.id, lang)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in item.answer["ko"]), item.id
        assert not any("\uac00" <= ch <= "\ud7a3" for ch in item.answer["en"]), item.id


def test_shipped_out_of_scope_questions(kb):
    assert len(kb.out_of_scope) >= 60
    texts, labels = kb.examples()
    assert labels.count("oos") == len(kb.out_of_scope)
    assert len(kb.examples(with_out_of_scope=False)[0]) == len(texts) - len(kb.out_of_scope)


def test_out_of_scope_list_is_validated(tmp_path):
    message = _error(tmp_path, "out_of_scope:\n  fr: [bonjour]\n")
    assert "out_of_scope" in message
    write_intents(tmp_path / "ok", {"checkin": GOOD})
    (tmp_path / "ok" / "reject.yaml").write_text("out_of_scope:\n  en: ['weather?']\n  ko: ['날씨?']\n", encoding="utf-8")
    assert load_intents(tmp_path / "ok").out_of_scope == ("weather?", "날씨?")


def test_no_example_question_belongs_to_two_intents(kb):
    owner = {" ".join(t.lower().split()): "oos" for t in kb.out_of_scope}
    for item in kb.intents.values():
        for lang in ("en", "ko"):
            for text in item.examples[lang]:
                key = " ".join(text.lower().split())
                assert owner.setdefault(key, item.id) == item.id, (text, owner[key], item.id)
