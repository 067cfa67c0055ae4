"""Encoder backends. The sentence-transformers one is tested with a tiny random model built here."""
import numpy as np
import pytest

from kernel.errors import EnvironmentProblem
from intents.encoders import E5Encoder, SentenceTransformerEncoder, make_encoder
from intents.faq import FAQRetriever
from intents.loader import load_intents

from conftest import intent, write_intents


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory):
    """A 2-layer, 32-wide BERT with random weights and a small word-piece vocabulary, saved as a
    sentence-transformers folder. Nothing is downloaded."""
    pytest.importorskip("sentence_transformers")
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny-st")
    words = "how do i check in when prize paid stream match team 체크인 상금 방송 팀 언제 어떻게".split()
    chars = sorted(set("".join(words)) | set("abcdefghijklmnopqrstuvwxyz?!.,"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, *chars, *[f"##{c}" for c in chars]]
    (root / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    # lower-casing strips accents, which decomposes Hangul syllables into jamo the small vocabulary lacks
    tokenizer = BertTokenizerFast(vocab=str(root / "vocab.txt"), do_lower_case=False, strip_accents=False)
    bert = BertModel(BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                                num_attention_heads=2, intermediate_size=64, max_position_embeddings=128))
    raw = root / "bert"
    bert.save_pretrained(raw)
    tokenizer.save_pretrained(raw)
    word = Transformer(str(raw), max_seq_length=64)
    pooling = Pooling(word.get_embedding_dimension(), pooling_mode="mean")
    folder = root / "model"
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(folder))
    return folder


def test_sentence_transformers_encoder_loads_a_local_folder(tiny_st_model):
    enc = make_encoder(f"st:{tiny_st_model}")
    assert isinstance(enc, SentenceTransformerEncoder)
    vectors = enc.encode(["how do i check in", "상금 언제", "how do i check in"])
    assert vectors.shape == (3, 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vectors[0], vectors[2], atol=1e-6)
    assert enc.encode([]).shape == (0, 32)


def test_retriever_runs_on_the_sentence_transformers_backend(tiny_st_model, tmp_path):
    kb = load_intents(write_intents(tmp_path / "i", {
        "checkin": intent(["how do i check in"], ["체크인 어떻게"]),
        "payout": intent(["when prize paid"], ["상금 언제"])}))
    retriever = FAQRetriever(kb, make_encoder(f"st:{tiny_st_model}"), cache_dir=tmp_path / "c")
    assert retriever.decide("how do i check in").intent == "checkin"  # exact example
    assert retriever.decide("상금 언제").intent == "payout"


def test_missing_local_model_says_so(tmp_path):
    pytest.importorskip("sentence_transformers")
    with pytest.raises(EnvironmentProblem, match="could not be loaded"):
        SentenceTransformerEncoder(str(tmp_path / "no-such-model")).encode(["x"])


def test_unknown_encoder_spec():
    with pytest.raises(EnvironmentProblem, match="Unknown encoder"):
        make_encoder("word2vec")


@pytest.mark.slow
def test_e5_encoder_is_normalised_and_multilingual():
    enc = E5Encoder()
    v = enc.encode(["How do I check in?", "체크인은 어떻게 해요?", "What is the prize pool?"])
    assert v.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]  # the Korean paraphrase is closer than another English question
    long = enc.encode(["체크인 " * 5000])
    assert long.shape == (1, 384) and np.isfinite(long).all()


@pytest.mark.slow
def test_e5_recent_questions_are_shared_not_aliased():
    enc = E5Encoder()
    first = enc.encode(["how do i check in?"])
    first[0, 0] = 99.0  # a caller scribbling on its copy must not poison the cache
    again = enc.encode(["how do i check in?"])
    assert again[0, 0] != 99.0
    np.testing.assert_allclose(again, enc.encode(["how do i check in?", "x"])[:1], atol=1e-5)
