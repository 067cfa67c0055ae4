"""What a person waits for in the app: first token (the reply text in the chat) and first audio (the
first spoken sentence), measured through the running app's HTTP API on loopback, warm.

    .venv/bin/python benchmarks/app.py [--repeat 5]

The app runs in this process on a free port with a private ASSISTANT_HOME under /tmp (the demo match
database is created there), so the app's own sessions are never touched. "first token" is the time
from sending a turn to the reply arriving over HTTP (``/ask``; the UI's ``/send`` shows the same
reply in the chat); "first audio" adds the time until the first sentence of that reply is
synthesised (the UI streams it to the browser while the next sentences are spoken).
"""
from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import metric, save_result, table  # noqa: E402

TURNS = [
    ("faq en", "text", "How do I check in?"),
    ("faq ko", "text", "상금은 언제 들어와요?"),
    ("statistics", "text", "top 3 players by kills"),
    ("voice question (en)", "audio", "How do I report a cheater?"),
    ("result screenshot", "image", None),
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from gradio_client import Client, handle_file  # noqa: F401

    from ocr.testing import render_result_screen
    import voices
    from app import build_app
    from assistant import Assistant, Config
    from nl2sql import ensure_demo_database
    from webapp.chat import wav_bytes

    home = Path(tempfile.mkdtemp(prefix="bench-app-"))
    cache = ROOT / "var" / "cache"
    bot = Assistant(Config(home=home, cache=cache if cache.is_dir() else None))
    ensure_demo_database(bot.config.resolved_match_db_url)
    t0 = time.perf_counter()
    bot.warm_up()
    warm = time.perf_counter() - t0
    port = _port()
    demo = build_app(bot)
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    client = Client(f"http://127.0.0.1:{port}/", verbose=False)

    question_wav = home / "question.wav"
    voices.synthesize(TURNS[3][2], "en-hibari-heart", use_cache=False).save(question_wav)
    screenshots = []
    for i in range(args.repeat + 1):
        path = home / f"result-{i}.png"
        render_result_screen("versus", seed=100 + i, lang="en", degradation="clean").image.save(path)
        screenshots.append(path)

    rows = []
    for name, kind, text in TURNS:
        firsts, audios = [], []
        for i in range(args.repeat + 1):  # the first round warms models and caches and is not counted
            session = f"bench-{name}-{i}"
            start = time.perf_counter()
            if kind == "text":
                reply = client.predict(text, session, api_name="/ask")
            else:
                # files go through the Python API: the HTTP upload of a small file adds a few ms only
                value = question_wav if kind == "audio" else screenshots[i]
                reply = bot.respond(session=session, **{kind: value}).to_dict()
            first = time.perf_counter() - start
            assert "error" not in reply, reply
            # the app's voice choice and chunking, without the TTS cache (a cached sentence is ~1 ms)
            voice = Assistant.DEFAULT_VOICES[reply["language"]]
            chunk = wav_bytes(next(voices.stream(reply["text"], voice, use_cache=False)))
            audio = time.perf_counter() - start
            assert chunk[:4] == b"RIFF"
            if i:
                firsts.append(first * 1000)
                audios.append(audio * 1000)
        rows.append((name, statistics.median(firsts), max(firsts), statistics.median(audios), max(audios)))
    demo.close()

    print(f"warm-up (models, index): {warm:.1f} s; {args.repeat} turns each, warm\n")
    print("| turn | first token p50 ms | max ms | first audio p50 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, f50, fmax, a50, amax in rows:
        print(f"| {name} | {f50:.0f} | {fmax:.0f} | {a50:.0f} | {amax:.0f} |")
    by_name = {r[0]: r for r in rows}
    save_result("app", title="What a person waits for in the app (HTTP API on loopback, warm)", metrics=[
        metric("app first token, FAQ (en)", by_name["faq en"][1], "ms", higher_is_better=False),
        metric("app first audio, FAQ (en)", by_name["faq en"][3], "ms", higher_is_better=False),
        metric("app first token, screenshot", by_name["result screenshot"][1], "ms", higher_is_better=False),
        metric("app start-up (models, index)", warm, "s", higher_is_better=False),
    ], tables=[table(f"{args.repeat} turns each, warm", ["turn", "first token p50 ms", "max ms", "first audio p50 ms",
                                                         "max ms"], [[n, round(a), round(b), round(c), round(d)]
                                                                     for n, a, b, c, d in rows])])


if __name__ == "__main__":
    main()
