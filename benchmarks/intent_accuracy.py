"""Accuracy of the FAQ retriever on the shipped intent files (5-fold cross-validation) and its
rejection of out-of-scope questions, per language.

    .venv/bin/python benchmarks/intent_accuracy.py [--oos ../shared/data/intents/clinc150_val.csv]

Each fold fits the classifier on 4/5 of the example questions and asks the held-out 1/5; the
nearest-neighbour scorer is measured the same way. Out-of-scope questions are CLINC150's English
`oos` rows (when the file is there) and the Korean ones below; "rejected" means the fallback reply.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Config  # noqa: E402
from intents import classifier as clf  # noqa: E402
from intents.encoders import make_encoder  # noqa: E402
from intents.faq import CLASSIFIER_THRESHOLDS, NEIGHBOUR_THRESHOLDS  # noqa: E402
from intents.index import load_or_encode  # noqa: E402
from intents.loader import load_intents  # noqa: E402

KO_OOS = ["내일 부산 날씨 어때?", "라면 맛있게 끓이는 법", "주식 지금 사도 돼?", "비트코인 가격 알려줘",
          "오늘 저녁 뭐 먹지", "환율 얼마야", "근처 맛집 추천해줘", "영어 공부 어떻게 해", "택시 불러줘",
          "노래 추천 좀", "강아지 산책 몇 번 해야 돼?", "서울에서 부산까지 몇 시간 걸려?", "내 폰 배터리 빨리 닳아",
          "엑셀 함수 알려줘", "다이어트 식단 짜줘", "운전면허 따는 법", "이 문장 번역해줘", "오늘 며칠이야",
          "감기 증상이 뭐야", "세금 신고 언제까지야"]


def decide(scores: np.ndarray, threshold: float, margin: float) -> np.ndarray:
    """Index of the chosen label per row, or -1 when the decision rule rejects."""
    order = np.argsort(-scores, axis=1)
    rows = np.arange(len(scores))
    best, second = scores[rows, order[:, 0]], scores[rows, order[:, 1]]
    return np.where((best >= threshold) & (best - second >= margin), order[:, 0], -1)


def neighbour_scores(queries: np.ndarray, corpus: np.ndarray, corpus_labels: np.ndarray, n_labels: int) -> np.ndarray:
    sims = queries @ corpus.T
    out = np.full((len(queries), n_labels), -1.0, dtype=np.float32)
    for j in range(n_labels):
        mask = corpus_labels == j
        if mask.any():
            out[:, j] = sims[:, mask].max(axis=1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oos", type=Path, default=ROOT.parent / "shared" / "data" / "intents" / "clinc150_val.csv")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    config = Config.from_env()
    kb = load_intents(config.intents_dir)
    texts, labels = kb.examples()
    encoder = make_encoder(config.encoder)
    vectors = load_or_encode(encoder, texts, config.cache_dir)
    names = sorted(set(labels))
    y = np.array([names.index(label) for label in labels])
    is_ko = np.array([any("\uac00" <= ch <= "\ud7a3" for ch in t) for t in texts])
    fold = np.random.default_rng(0).integers(0, args.folds, len(y))

    oos_en = []
    if args.oos.exists():
        with args.oos.open(encoding="utf-8") as fh:
            oos_en = [row["text"] for row in csv.DictReader(fh) if row["intent"] == "oos"]
    oos_vectors = encoder.encode(oos_en + KO_OOS)
    oos_is_ko = np.array([False] * len(oos_en) + [True] * len(KO_OOS))

    results = {m: {"top1": np.zeros(len(y), bool), "answered_right": np.zeros(len(y), bool),
                   "answered_wrong": np.zeros(len(y), bool), "oos_rejected": []} for m in ("classifier", "neighbours")}
    for f in range(args.folds):
        train, test = fold != f, fold == f
        model = clf.fit(vectors[train], [labels[i] for i in np.where(train)[0]])
        order = [names.index(label) for label in model.labels]
        for method in results:
            if method == "classifier":
                def score(q, model=model, order=order):
                    p = np.zeros((len(q), len(names)), dtype=np.float32)
                    p[:, order] = model.predict_proba(q)
                    return p
                th = CLASSIFIER_THRESHOLDS
            else:
                def score(q, train=train):
                    return neighbour_scores(q, vectors[train], y[train], len(names))
                th = NEIGHBOUR_THRESHOLDS
            s = score(vectors[test])
            chosen = decide(s, th.threshold, th.margin)
            r = results[method]
            r["top1"][test] = s.argmax(1) == y[test]
            r["answered_right"][test] = chosen == y[test]
            r["answered_wrong"][test] = (chosen >= 0) & (chosen != y[test])
            r["oos_rejected"].append(decide(score(oos_vectors), th.threshold, th.margin) < 0)

    print(f"{len(names)} intents, {len(y)} example questions, {args.folds}-fold cross-validation; "
          f"out-of-scope: {len(oos_en)} English (CLINC150 val oos), {len(KO_OOS)} Korean")
    print(f"{'scorer':<12}{'lang':<6}{'top-1 acc':>10}{'answered right':>16}{'answered wrong':>16}{'oos rejected':>14}")
    for method, r in results.items():
        rejected = np.mean(r["oos_rejected"], axis=0)
        for lang, mask, omask in (("en", ~is_ko, ~oos_is_ko), ("ko", is_ko, oos_is_ko), ("all", np.ones_like(is_ko), None)):
            oos = rejected if omask is None else rejected[omask]
            print(f"{method:<12}{lang:<6}{r['top1'][mask].mean():>10.3f}{r['answered_right'][mask].mean():>16.3f}"
                  f"{r['answered_wrong'][mask].mean():>16.3f}{(oos.mean() if len(oos) else float('nan')):>14.3f}")


if __name__ == "__main__":
    main()
