"""The intent engine on tiny data: fusion, classifier, out-of-scope rejection, evaluation without leaks."""
import hashlib
import json

import numpy as np
import pytest

from kernel.errors import InputError
from intents.centering import LanguageCentering, bank_offset
from intents.engine import NEAREST_NEIGHBOUR, EngineConfig, IntentEngine, _fit_fusion, fuse
from intents.evaluate import Dataset, evaluate, metrics, read_csv
from intents.lexical import BM25, TfidfClassifier, tokenize

from conftest import HashEncoder


@pytest.fixture(autouse=True)
def _language_bank_encoded():
    """The language bank is encoded once per encoder and process: do it up front, so tests that count
    encoder calls count only their own."""
    bank_offset(HashEncoder())

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
        assert set(p.evidence) == {"dense", "lexical", "classifier", "tfidf", "centroid", "knn"}


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


def test_fusion_ignores_a_method_without_evidence():
    dense = np.array([[0.2, 0.9, 0.5]])
    no_overlap = np.zeros((1, 3))  # no shared n-gram with any intent: all tied at the floor
    fused = fuse({"dense": dense, "lexical": no_overlap}, {"dense": 1.0, "lexical": 1.0}, rrf_k=5.0)
    assert fused.argsort()[0].tolist() == dense.argsort()[0].tolist()
    one_hit = np.array([[0.0, 0.0, 3.0]])
    fused = fuse({"dense": dense, "lexical": one_hit}, {"dense": 1.0, "lexical": 1.0}, rrf_k=5.0)
    assert fused[0, 2] > fused[0, 1]  # lexical evidence where there is some


def test_learned_fusion_weights_follow_the_evidence():
    rng = np.random.default_rng(0)
    n, m = 300, 6
    gold = rng.integers(0, m, n)
    x = rng.standard_normal((n, m, 3)).astype(np.float32)  # feature 0: noise
    x[np.arange(n), gold, 1] += 2.0  # feature 1: points at the right intent
    x[np.arange(n), gold, 2] -= 2.0  # feature 2: points away from it
    w = _fit_fusion([(x, gold)], [0, 1, 2])
    assert w[1] > 1.0 and w[1] > 5 * w[0] and w.min() >= 0.0 and w[2] == pytest.approx(0.0, abs=1e-6)


def test_tfidf_classifier_on_tiny_data():
    svm = TfidfClassifier(["how do i check in", "check in time", "when is the prize paid", "prize money date",
                           "체크인 어떻게 해요", "상금 언제 들어와요"],
                          ["checkin", "checkin", "payout", "payout", "checkin", "payout"])
    d = svm.decision(["check in please", "상금 언제 줘요"])
    assert d.shape == (2, 2) and svm.labels == ("checkin", "payout")
    assert d[0].argmax() == 0 and d[1].argmax() == 1


class LanguageBiasedEncoder:
    """Meaning from a table of concepts plus a strong same-language component, the bias e5 shows:
    any two Korean sentences look alike. The language bank's line i means the same in both lists."""

    name = "test-language-biased-encoder"

    def __init__(self, concepts: dict[str, str], bias: float = 1.5, dim: int = 64):
        from intents import language_bank

        self.concepts = dict(concepts)
        for i, (ko, en) in enumerate(zip(language_bank.KO, language_bank.EN)):
            self.concepts[ko] = self.concepts[en] = f"bank-{i}"
        self.bias, self.dim = bias, dim

    def _unit(self, key: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
        v = np.random.default_rng(seed).standard_normal(self.dim)
        return v / np.linalg.norm(v)

    def encode(self, texts, progress=None):
        out = []
        for text in texts:
            lang = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
            v = self._unit("c:" + self.concepts[text]) + self.bias * self._unit("lang:" + lang) \
                + 0.2 * self._unit("t:" + text)
            out.append(v / np.linalg.norm(v))
        return np.array(out, dtype=np.float32)


CROSS = {  # intent: (its only example, a Korean question meaning the same)
    "checkin": ("how do I check in", "체크인 어떻게 해요"),
    "payout": ("when is the prize paid", "상금 언제 들어와요"),
    "stream": ("can I stream my match", "방송 해도 돼요"),
    "team": ("팀 만들기", "새 팀 어떻게 만들어요"),
    "refund": ("참가비 환불", "참가비 돌려받을 수 있나요"),
    "rules": ("대회 규칙", "규정 어디서 봐요"),
}


def _cross_encoder():
    concepts = {}
    for intent_id, (example, question) in CROSS.items():
        concepts[example] = concepts[question] = intent_id
    return LanguageBiasedEncoder(concepts)


def test_language_centering_lets_korean_questions_find_english_only_intents():
    texts = [example for example, _ in CROSS.values()]
    labels = list(CROSS)
    english_only = [i for i, (example, _) in CROSS.items() if example.isascii()]
    questions = [CROSS[i][1] for i in english_only]
    raw = IntentEngine(_cross_encoder(), EngineConfig(center=False)).fit(texts, labels)
    centred = IntentEngine(_cross_encoder()).fit(texts, labels)
    # without centering a Korean question's nearest example is some other intent's Korean example
    assert [p.ranking[0][0] for p in raw.predict(questions)] != english_only
    assert [p.ranking[0][0] for p in centred.predict(questions)] == english_only
    # questions in the examples' own language still find their intent
    assert [p.ranking[0][0] for p in centred.predict([CROSS[i][1] for i in ("team", "refund", "rules")])] == \
        ["team", "refund", "rules"]


def test_centering_removes_the_language_direction():
    enc = _cross_encoder()
    ko, en = enc.encode(["체크인 어떻게 해요"]), enc.encode(["how do I check in"])
    train = [t for pair in CROSS.values() for t in pair]
    c = LanguageCentering.fit(enc.encode(train), train, bank_offset(enc))
    a, b = c.transform(ko, ["체크인 어떻게 해요"]), c.transform(en, ["how do I check in"])
    assert (a @ b.T).item() > (ko @ en.T).item() + 0.3
    np.testing.assert_allclose(np.linalg.norm(a), 1.0, rtol=1e-5)
    same = LanguageCentering.from_state(json.loads(json.dumps(c.state())))
    np.testing.assert_allclose(same.transform(ko, ["체크인 어떻게 해요"]), a, rtol=1e-6)


@pytest.mark.parametrize("center", [True, False])
def test_one_example_per_intent_is_exactly_nearest_neighbour(center):
    texts, labels = _dataset()
    firsts = {}
    for t, label in zip(texts, labels):
        firsts.setdefault(label, t)
    engine = IntentEngine(HashEncoder(), EngineConfig(center=center)).fit(list(firsts.values()), list(firsts))
    assert engine.weights == NEAREST_NEIGHBOUR and engine.threshold == 0.0
    questions = [t for t in texts if t not in firsts.values()]
    enc = HashEncoder()
    vectors = engine._centering.transform(enc.encode(list(firsts.values())), list(firsts.values()))
    queries = engine._centering.transform(enc.encode(questions), questions)
    want = [list(firsts)[i] for i in (queries @ vectors.T).argmax(axis=1)]
    got = engine.predict(questions)
    assert [p.ranking[0][0] for p in got] == want and all(p.label is not None for p in got)


def test_saved_state_restores_the_same_engine():
    texts, labels = _dataset()
    oos = ["what is the weather today", "오늘 날씨 어때", "bitcoin price now", "비트코인 시세", "tell me a joke"]
    texts, labels = texts + oos, labels + ["oos"] * len(oos)
    fitted = IntentEngine(HashEncoder()).fit(texts, labels)
    state = json.loads(json.dumps(fitted.tuned_state()))
    restored = IntentEngine(HashEncoder()).restore(texts, labels, HashEncoder().encode(texts), state)
    questions = ["how do i check in?", "상금 언제 들어오나요", "is it going to rain"]
    for a, b in zip(fitted.predict(questions), restored.predict(questions)):
        assert a.label == b.label and a.ranking[0][0] == b.ranking[0][0]
        assert a.confidence == pytest.approx(b.confidence, abs=1e-3)  # the classifiers are refitted
    with pytest.raises(ValueError):
        IntentEngine(HashEncoder()).restore(texts, labels, HashEncoder().encode(texts), dict(state, version=1))


def test_without_oos_rows_only_hopeless_questions_are_refused():
    texts, labels = _dataset()
    engine = IntentEngine(HashEncoder()).fit(texts, labels)
    assert engine.threshold <= 0.05
    assert all(p.label is not None for p in engine.predict(["how do i check in", "팀 만들기 어떻게"]))


def test_a_tiny_train_is_not_centred_away():
    # two examples of one intent: centred on themselves alone they would lose what they share
    texts = ["how do i check in", "check in time"]
    engine = IntentEngine(HashEncoder()).fit(texts, ["checkin", "checkin"])
    enc = HashEncoder()
    raw = float((enc.encode(["check in?"]) @ enc.encode(texts).T).max())
    assert engine.predict(["check in?"])[0].nearest[1] > 0.7 * raw
    own = LanguageCentering.fit(enc.encode(texts), texts, bank_offset(enc))  # no prior
    alone = float((own.transform(enc.encode(["check in?"]), ["check in?"]) @ own.transform(enc.encode(texts), texts).T).max())
    assert alone < 0.5 * raw
