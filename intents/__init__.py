"""The FAQ and intent retriever: intent files, sentence encoders, a FAISS index and the decision."""
from .encoders import E5Encoder, Encoder, SentenceTransformerEncoder, make_encoder
from .faq import Decision, FAQRetriever
from .loader import Intent, KnowledgeBase, load_intents

__all__ = ["load_intents", "Intent", "KnowledgeBase", "FAQRetriever", "Decision", "Encoder",
           "E5Encoder", "SentenceTransformerEncoder", "make_encoder"]
