"""Latency of ``Assistant.respond()`` for text turns (FAQ, chit-chat, fallback, SQL) on this machine (warm), as a table and a chart.

    .venv/bin/python benchmarks/latency.py [--turns 300] [--plot benchmarks/results/latency.png]

Uses a private ASSISTANT_HOME under /tmp so it never touches the app's sessions.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant, Config  # noqa: E402
from benchmarks.common import metric, percentile, save_result, table  # noqa: E402
from intents.encoders import E5Encoder  # noqa: E402

QUESTIONS = [
    "how do I check in", "체크인 어떻게 해요?", "when will I get my prize money", "상금 언제 들어와요",
    "can I stream my match", "방송 딜레이 몇 분이에요?", "my teammate disconnected", "팀원이 튕겼어요",
    "how do I report a cheater", "핵 쓰는 사람 신고", "what's the weather tomorrow", "라면 끓이는 법",
    "hello", "고마워요", "how many subs can we have", "팀 만들기", "reset my password please",
    "비번 까먹었어요", "where is the lobby code", "경기 결과 등록은 어떻게 해요?",
    "top 3 players by kills", "목포 마린즈 이번 시즌 몇 번 이겼어?",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--plot", type=Path, default=ROOT / "benchmarks" / "results" / "latency.png")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    config = Config.from_env()
    bot = Assistant(Config(home=home, cache=config.cache_dir, intents_dir=config.intents_dir))
    from nl2sql import ensure_demo_database
    ensure_demo_database(bot.config.resolved_match_db_url)  # every turn is scored by the SQL handler too
    start = time.perf_counter()
    bot.warm_up()
    warm_up_s = time.perf_counter() - start

    rng = random.Random(0)
    by_kind: dict[str, list[float]] = {}
    all_ms = []
    for i in range(args.turns):
        text = rng.choice(QUESTIONS)
        E5Encoder._recent.clear()  # every turn pays for its own embedding, as a new question would
        t0 = time.perf_counter()
        reply = bot.respond(text, session=f"bench-{i % 20}")
        ms = (time.perf_counter() - t0) * 1000
        all_ms.append(ms)
        by_kind.setdefault(reply.kind, []).append(ms)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"respond() latency, text turns, warm ({args.turns} turns, {len(QUESTIONS)} distinct questions)")
    print(f"{'kind':<10}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'mean ms':>10}")
    for kind, values in sorted(by_kind.items()) + [("all", all_ms)]:
        print(f"{kind:<10}{len(values):>6}{percentile(values, 50):>10.1f}{percentile(values, 95):>10.1f}"
              f"{percentile(values, 99):>10.1f}{statistics.fmean(values):>10.1f}")
    print(f"start-up (load model + index, warm cache): {warm_up_s:.2f} s; peak RSS {rss_mb:.0f} MB")
    kinds = sorted(by_kind.items()) + [("all", all_ms)]
    faq = by_kind.get("faq", all_ms)
    save_result("latency", title="Text turns through respond(), warm", metrics=[
        metric("FAQ turn p50", percentile(faq, 50), "ms", "<= 50", higher_is_better=False),
        metric("FAQ turn p95", percentile(faq, 95), "ms", "<= 150", higher_is_better=False),
        metric("SQL turn p50", percentile(by_kind.get("sql", []), 50), "ms", "<= 150", higher_is_better=False),
        metric("start-up, warm cache", warm_up_s, "s", higher_is_better=False),
        metric("peak RSS, one process", rss_mb, "MB", higher_is_better=False),
    ], tables=[table(f"respond() latency, {args.turns} text turns", ["kind", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms"],
                     [[k, len(v), round(percentile(v, 50), 1), round(percentile(v, 95), 1), round(percentile(v, 99), 1),
                       round(statistics.fmean(v), 1)] for k, v in kinds])],
        plots=[args.plot])

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    args.plot.parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.hist(all_ms, bins=40, color="#4c72b0")
    for q, style in ((50, "-"), (95, "--")):
        ax.axvline(percentile(all_ms, q), color="k", linestyle=style, label=f"p{q} {percentile(all_ms, q):.1f} ms")
    ax.set_xlabel("respond() latency (ms)")
    ax.set_ylabel("turns")
    ax.set_title("Text turns, warm, 2 CPU cores")
    ax.legend()
    fig.tight_layout()
    fig.savefig(args.plot, dpi=110)
    print(f"chart: {args.plot.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
