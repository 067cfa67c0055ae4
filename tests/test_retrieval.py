"""Retrieval against a brute-force numpy oracle, and the decision logic on small knowledge bases."""
import numpy as np
import pytest

from intents.centering import bank_offset
from intents.faq import FAQRetriever
from intents.index import VectorIndex, load_or_encode
from intents.loader import load_intents
from intents.retrieval import brute_force_search

from conftest import HashEncoder, intent, write_intents


@pytest.fixture(autouse=True)
def _language_bank_encoded():
    """The language bank is encoded once per encoder and process: do it up front, so tests that count
    encoder calls count only their own."""
    bank_offset(HashEncoder())


def _unit(rng, n, dim):
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.mark.parametrize("n, k", [(1, 1), (5, 3), (300, 10), (2000, 20), (7, 50)])
def test_faiss_index_matches_numpy_oracle(n, k):
    rng = np.random.default_rng(n)
    corpus, queries = _unit(rng, n, 48), _unit(rng, 25, 48)
    scores, ids = VectorIndex(corpus).search(queries, k)
    want_scores, want_ids = brute_force_search(queries, corpus, k)
    np.testing.assert_allclose(scores, want_scores, rtol=1e-5, atol=1e-5)
    # ids may differ only where two scores tie
    same = ids == want_ids
    assert same.mean() > 0.99
    np.testing.assert_allclose(np.take_along_axis(queries @ corpus.T, ids.astype(int), 1), want_scores, atol=1e-5)


def test_oracle_orders_ties_by_index():
    corpus = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    scores, ids = brute_force_search(np.array([[1, 0]], dtype=np.float32), corpus, 3)
    assert ids.tolist() == [[0, 1, 2]] and scores[0, 0] == scores[0, 1]


KB = {
    "checkin": intent(["how do I check in", "when does check-in open", "check in button", "where is check in"],
                      ["체크인 어떻게 해요", "체크인 언제 열려요", "체크인 버튼", "체크인 어디서 해요"], answer="checkin"),
    "payout": intent(["when is the prize paid", "prize money payout date", "prize payout", "when do I get prize money"],
                     ["상금 언제 들어와요", "상금 지급일", "상금 정산", "상금 언제 받아요"], answer="payout"),
    "stream": intent(["can I stream my match", "stream delay rules", "streaming my games", "is streaming allowed"],
                     ["방송 해도 돼요", "방송 딜레이", "스트리밍 규칙", "방송 허용돼요"], answer="stream"),
}


@pytest.fixture
def retriever(tmp_path):
    return FAQRetriever(load_intents(write_intents(tmp_path / "i", KB)), HashEncoder(), cache_dir=tmp_path / "c")


def test_decides_the_right_intent(retriever):
    assert retriever.decide("how do i check in?").intent == "checkin"
    assert retriever.decide("상금 언제 들어와요?").intent == "payout"
    assert retriever.decide("can i stream my matches").intent == "stream"


def test_exact_example_is_answered_with_full_confidence(retriever):
    decision = retriever.decide("prize payout")
    assert decision.intent == "payout" and decision.confidence > 0.97


def test_unrelated_text_is_refused_with_ranked_suggestions(retriever):
    retriever.engine.threshold = 0.9  # three intents are too few to learn rejection from; set it
    decision = retriever.decide("zzz qqq xxx")
    assert decision.intent is None
    assert len(decision.ranking) == 3
    assert retriever.suggestions(decision.ranking, "ko") == [
        retriever.kb.intents[x.label].title("ko") for x in decision.ranking]


def test_tiny_knowledge_base_uses_nearest_neighbours(tmp_path):
    kb = load_intents(write_intents(tmp_path / "i", {
        "checkin": intent(["how do I check in"], ["체크인 어떻게 해요"]),
        "payout": intent(["when is the prize paid"], ["상금 언제 들어와요"])}))
    r = FAQRetriever(kb, HashEncoder())
    assert r.engine._scorers.classifier is None
    assert r.decide("how do I check in").intent == "checkin"
    assert r.decide("when is the prize paid?").intent == "payout"


def test_vectors_are_cached_by_content(tmp_path):
    enc = HashEncoder()
    texts = ["a question", "another question"]
    first = load_or_encode(enc, texts, tmp_path)
    again = load_or_encode(enc, texts, tmp_path)
    assert enc.calls == 1
    np.testing.assert_array_equal(first, again)
    both = load_or_encode(enc, texts + ["a third"], tmp_path)
    assert enc.calls == 2  # only the new text was encoded
    np.testing.assert_array_equal(both[:2], first)
    np.testing.assert_allclose(both[2], enc.encode(["a third"])[0])


def test_changed_intent_file_rebuilds_on_next_start(tmp_path):
    folder, cache = tmp_path / "i", tmp_path / "c"
    write_intents(folder, KB)
    enc = HashEncoder()
    first = FAQRetriever(load_intents(folder), enc, cache_dir=cache)
    second = FAQRetriever(load_intents(folder), enc, cache_dir=cache)
    assert enc.calls == 1  # the second start read the cache
    assert second.engine.tuned_state() == first.engine.tuned_state()
    changed = dict(KB, refund=intent(["refund my entry fee", "entry fee refund", "get my fee back", "refund please"],
                                     ["참가비 환불", "환불 돼요", "참가비 돌려받기", "환불 신청"], answer="refund"))
    write_intents(folder, changed)
    r = FAQRetriever(load_intents(folder), enc, cache_dir=cache)
    assert enc.calls == 2
    assert r.decide("entry fee refund please").intent == "refund"


def test_corrupt_cache_is_rebuilt(tmp_path):
    enc = HashEncoder()
    texts = ["one", "two"]
    load_or_encode(enc, texts, tmp_path)
    for path in tmp_path.glob("vectors-*.npz"):
        path.write_bytes(b"not numpy")
    vectors = load_or_encode(enc, texts, tmp_path)
    assert vectors.shape == (2, enc.dim) and enc.calls == 2


def test_large_sets_use_hnsw_with_high_recall_against_the_oracle():
    rng = np.random.default_rng(7)
    centres = _unit(rng, 60, 48)  # clustered, like sentence vectors of questions about few topics
    corpus = centres[rng.integers(0, 60, 3000)] + 0.15 * rng.standard_normal((3000, 48)).astype(np.float32)
    corpus /= np.linalg.norm(corpus, axis=1, keepdims=True)
    queries = corpus[:100] + 0.05 * rng.standard_normal((100, 48)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    index = VectorIndex(corpus, hnsw_above=1000)
    assert index.kind == "hnsw" and VectorIndex(corpus[:500], hnsw_above=1000).kind == "exact"
    _, got = index.search(queries, 10)
    _, want = brute_force_search(queries, corpus, 10)
    recall = np.mean([len(set(g) & set(w)) / 10 for g, w in zip(got.tolist(), want.tolist())])
    assert recall >= 0.95
