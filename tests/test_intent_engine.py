"""The intent engine on tiny data: fusion, classifier, out-of-scope rejection, evaluation without leaks."""
import json

import numpy as np
import pytest

from assistant.errors import InputError
from intents.engine import EngineConfig, IntentEngine, fuse
from intents.evaluate import Dataset, evaluate, metrics, read_csv
from intents.lexical import BM25, tokenize

from conftest import HashEncoder

TOPICS = {
    "checkin": ["how do i check in", "when does check in open", "check in button where", "check-in time",
                "can the captain check in", "check in for the cup", "체크인 어떻게 해요", "체크인 언제 열려요",
                "체크인 버튼 어디", "체크인 시간"],
    "payout": ["when is the prize paid", "prize money payout", "prize payout date", "did the prize arrive",
               "how long until prize money", "prize transfer", "상금 언제 들어와요", "상금 지급일", "상금 정산",
               "상금 입금"],
    "stream": ["can i stream my match", "stream delay rules", "streaming my games allowed", "stream on twitch",
               "stream with delay", "is streaming ok", "방송 해도 돼요", "방송 딜레이", "스트리밍 규칙",
               "방송 허용"],
    "team": ["how do i create a team", "make a new team", "team creation", "create team with tag",
             "start a team", "new team logo", "팀 만들기", "팀 생성", "새 팀 어떻게 만들어요", "팀 창설"],
}


def _dataset(topics=TOPICS):
    texts, labels = [], []
    for label, examples in topics.items():
        texts += examples
        labels += [label] * len(examples)
    return texts, labels


def test_fuse_is_weighted_reciprocal_rank():
    a = np.array([[0.9, 0.1, 0.5]])
    b = np.array([[1.0, 3.0, 2.0]])
    fused = fuse({"dense": a, "lexical": b}, {"dense": 1.0, "lexical": 0.5}, rrf_k=1.0)
    # dense ranks 1,3,2; lexical ranks 3,1,2
    want = [1 / 2 + 0.5 / 4, 1 / 4 + 0.5 / 2, 1 / 3 + 0.5 / 3]
    np.testing.assert_allclose(fused[0], want)
    assert fuse({"dense": a, "lexical": b}, {"dense": 1.0, "lexical": 0.0}, 1.0).argmax() == 0
    with pytest.raises(ValueError):
        fuse({"dense": a}, {"dense": 0.0}, 1.0)


def test_bm25_prefers_shared_korean_ngrams():
    bm = BM25(["체크인 어떻게 해요", "상금 언제 들어와요"])
    scores = bm.scores(["체크인은 하나요"])[0]  # particle attached: no whole word in common
    assert scores[0] > 5 * scores[1]
    assert "w:체크인은" in tokenize("체크인은") and "체크" in tokenize("체크인은")


def test_engine_predicts_and_ranks():
    texts, labels = _dataset()
    engine = IntentEngine(HashEncoder()).fit(texts, labels)
    assert engine._scorers.classifier is not None
    for question, want in [("how do i check in?", "checkin"), ("상금 언제 들어오나요", "payout"),
                           ("can i stream my matches", "stream"), ("팀 만들기 어떻게", "team")]:
        p = engine.predict([question])[0]
        assert p.ranking[0][0] == want, (question, p.ranking[:2])
        assert 0.0 <= p.confidence <= 1.0
        assert set(p.evidence) == {"dense", "lexical", "classifier"}


def test_oos_rows_in_train_teach_rejection():
    texts, labels = _dataset()
    oos = ["what is the weather today", "recipe for kimchi stew", "오늘 날씨 어때", "김치찌개 레시피",
           "bitcoin price now", "비트코인 시세", "play some music", "노래 틀어줘", "tell me a joke", "농담 해줘"]
    engine = IntentEngine(HashEncoder(), EngineConfig(folds=3)).fit(texts + oos, labels + ["oos"] * len(oos))
    assert "oos" not in engine.names
    preds = engine.predict(["what's the weather tomorrow", "how do i check in"])
    assert preds[1].label == "checkin"
    assert preds[0].confidence < preds[1].confidence


def test_tiny_intents_fall_back_to_neighbours():
    engine = IntentEngine(HashEncoder()).fit(["how do i check in", "when is the prize paid"], ["checkin", "payout"])
    assert engine._scorers.classifier is None
    assert engine.predict(["how do i check in"])[0].ranking[0][0] == "checkin"


def test_add_and_remove_intents_without_re_encoding_everything():
    texts, labels = _dataset()
    enc = HashEncoder()
    engine = IntentEngine(enc).fit(texts, labels)
    calls = enc.calls
    engine.add(["refund my entry fee", "entry fee refund", "환불 받고 싶어요", "참가비 환불"], ["refund"] * 4)
    assert "refund" in engine.names
    assert engine.predict(["entry fee refund please"])[0].ranking[0][0] == "refund"
    engine.remove("refund")
    assert "refund" not in engine.names
    assert enc.calls == calls + 2  # the new examples once, the question once


class SpyEncoder(HashEncoder):
    def __init__(self):
        super().__init__()
        self.seen = []

    def encode(self, texts, progress=None):
        self.seen.append(list(texts))
        return super().encode(texts, progress)


def test_evaluation_has_no_leak():
    texts, labels = _dataset()
    test = Dataset(["checkin question never seen before xyz", "상금 질문 처음 보는 문장"], ["checkin", "payout"])
    spy = SpyEncoder()
    evaluate(lambda: IntentEngine(spy), Dataset(texts, labels), test)
    fitted_on = spy.seen[0]
    assert not set(test.texts) & set(fitted_on)
    engine = IntentEngine(HashEncoder()).fit(texts, labels)
    # a test question cannot be matched by its own text: its best dense similarity is below identity
    assert engine.predict([test.texts[0]])[0].evidence["dense"] < 0.99


def test_metrics_by_hand():
    gold = ["a", "b", "oos", "oos", "a"]
    pred = ["a", None, None, "b", "b"]
    rankings = [["a", "b"], ["a", "b"], ["a"], ["b"], ["b", "c"]]
    m = metrics(gold, pred, rankings)
    assert m["accuracy"] == pytest.approx(2 / 5)
    assert m["in_scope_accuracy"] == pytest.approx(1 / 3)
    assert m["oos_recall"] == pytest.approx(1 / 2)
    assert m["oos_precision"] == pytest.approx(1 / 2)
    assert m["hit_at_3"] == pytest.approx(2 / 3)
    assert m["mrr"] == pytest.approx((1 + 1 / 2 + 0) / 3)


def test_report_files(tmp_path):
    texts, labels = _dataset()
    test = Dataset(["how to check in today", "what's the weather"], ["checkin", "oos"])
    result = evaluate(lambda: IntentEngine(HashEncoder()), Dataset(texts, labels), test, tmp_path / "r")
    for name in ("per_intent.csv", "confused_pairs.json", "metrics.json", "confusion_matrix.png",
                 "confidence_histogram.png"):
        assert (tmp_path / "r" / name).stat().st_size > 0
    assert json.loads((tmp_path / "r" / "metrics.json").read_text())["n_test"] == 2
    assert result["n_train"] == len(texts)


@pytest.mark.parametrize("content, words", [
    (b"", "empty"), (b"question,label\nhi,a\n", "header"), (b"text,intent\n", "no rows"),
    (b"text,intent\nhi,\n", "line 2"), (b"text,intent\n\xff\xfe,a\n", "UTF-8"),
])
def test_csv_errors(tmp_path, content, words):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=words):
        read_csv(path)
    with pytest.raises(InputError, match="does not exist"):
        read_csv(tmp_path / "missing.csv")
