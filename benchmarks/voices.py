"""Speech benchmarks on this machine: recognition error rates and speed, and round-trip
intelligibility of every voice (synthesise, then transcribe back with Whisper).

    .venv/bin/python benchmarks/voices.py [--speech ../shared/data/speech] [--voices ID,ID]
                                          [--skip-stt] [--plot benchmarks/results/voices.png]
                                          [--set held-out|tune] [--extra kokoro:jf_alpha,kokoro-en:jm_kumo]
                                          [--threads 1,2] [--memory]

Korean is scored by character error rate (CER, spaces ignored), English by word error rate (WER);
both sides have numbers normalised to digits and punctuation removed first, and a reply counts as heard
right in its written or its spoken form ("MVP" or "엠브이피"). Uses a private cache
under /tmp (the Whisper folder is assembled there once) and never the app's state.
"""
from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import metric, save_result, table  # noqa: E402
import voices  # noqa: E402
from voices.audio import resample  # noqa: E402
from voices.metrics import error_rate  # noqa: E402
from voices.stt import WhisperTranscriber  # noqa: E402
from voices.text import normalize_for_speech, sentences  # noqa: E402

# Replies the assistant gives, one list per language: the reported (held-out) set. The Korean front end
# (voices/korean_ipa.py) was never tuned on these; it was tuned on --set tune (tune_sentences()).
ROUND_TRIP = {
    "ko": [
        "경기 결과는 경기가 끝나고 10분 안에 등록해 주세요.",
        "체크인은 경기 시작 30분 전에 열립니다.",
        "결승전은 3:1로 끝났습니다.",
        "상금은 대회가 끝나고 2주 안에 지급됩니다.",
        "팀원이 튕기면 관리자에게 재경기를 요청하세요.",
        "비밀번호를 잊으셨다면 로그인 화면에서 다시 설정할 수 있어요.",
        "T1이 Gen.G를 3:2로 꺾고 우승했습니다.",
        "다음 경기는 오후 7:30에 시작합니다.",
        "Faker 선수가 이번 시즌 MVP로 뽑혔어요.",
        "참가 신청은 금요일 밤 11시까지 받습니다.",
        "스크린샷을 올리면 결과가 자동으로 입력됩니다.",
        "팀 이름은 한 번만 바꿀 수 있습니다.",
    ],
    "en": [
        "Please report the match result within 10 minutes after the game ends.",
        "Check-in opens 30 minutes before your match starts.",
        "The final ended 3:1.",
        "Prize money is paid within two weeks after the tournament.",
        "If a teammate disconnects, ask an admin for a rematch.",
        "You can reset your password from the login screen.",
    ],
}
LONG_REPLY = {
    "ko": "체크인은 경기 시작 30분 전에 열립니다. 팀원 모두가 체크인해야 경기가 시작돼요. 늦으면 관리자에게 알려 주세요.",
    "en": "Check-in opens 30 minutes before your match starts. Every player on the team must check in. "
          "If you are late, tell an admin.",
}

WARM_UP = {"ko": "네, 알겠습니다. 잠시만 기다려 주시면 바로 안내해 드릴게요.",
           "en": "Sure, one moment please while I look that up for you."}
"""Said (untimed) before a voice is timed."""


def tune_sentences(language: str = "ko", limit: int = 14) -> list[str]:
    """The tuning set: short sentences of the project's own FAQ answers (intents/data/*.yaml), never
    the held-out replies above."""
    import yaml

    found: list[str] = []
    for path in sorted((ROOT / "intents" / "data").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for intent in (data.get("intents") or {}).values():
            answer = (intent.get("answer") or {}).get(language) if isinstance(intent, dict) else None
            for sentence in sentences(answer or ""):
                if 12 <= len(sentence) <= 60 and sentence not in found:
                    found.append(sentence)
                    break  # one sentence per intent, for variety
    return found[:limit]


def speech_references(folder: Path) -> list[tuple[Path, str, str]]:
    """(file, language, reference) for every clip with a transcript, plus the diarization clip's words."""
    rows = []
    with open(folder / "manifest.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["kind"].startswith("transcript"):
                rows.append((folder / row["file"], row["lang"], row["reference"]))
    data = folder / "leopard_test_data.json"
    if data.is_file() and (folder / "leopard_diarization_test.wav").is_file():
        words = json.loads(data.read_text(encoding="utf-8"))["tests"]["diarization_tests"][0]["words"]
        rows.append((folder / "leopard_diarization_test.wav", "en", " ".join(w["word"] for w in words)))
    return rows


def bench_stt(transcriber: WhisperTranscriber, folder: Path) -> list[dict]:
    results = []
    for path, language, reference in speech_references(folder):
        start = time.perf_counter()
        result = transcriber.transcribe(path)
        elapsed = time.perf_counter() - start
        results.append({"file": path.name, "language": language, "detected": result.language,
                        "error": error_rate(reference, result.text, language), "rtf": elapsed / result.seconds,
                        "seconds": result.seconds, "confidence": result.confidence, "text": result.text})
    return results


def bench_voice(voice, transcriber: WhisperTranscriber, texts: list[str] | None = None) -> dict:
    errors, synth_time, audio_time, heard = [], 0.0, 0.0, []
    # warm: the model loads outside the timing, and a sentence of ordinary length (onnxruntime's first
    # runs at new input lengths are slower; "네." alone left the first Kokoro voice timed ~50% slow)
    voices.synthesize(WARM_UP[voice.language], voice, use_cache=False)
    for text in texts or ROUND_TRIP[voice.language]:
        start = time.perf_counter()
        audio = voices.synthesize(text, voice, use_cache=False)
        synth_time += time.perf_counter() - start
        audio_time += audio.seconds
        samples = resample(audio.samples, audio.sample_rate, 16_000)
        result = transcriber.transcribe(samples, language=voice.language)
        spoken = " ".join(normalize_for_speech(s, voice.language) for s in sentences(text))
        # Whisper may write what it heard either way ("MVP" or "엠브이피", "T1" or "티원"): the better counts
        errors.append(min(error_rate(spoken, result.text, voice.language),
                          error_rate(text, result.text, voice.language)))
        heard.append(f"{100 * errors[-1]:5.1f}%  {spoken}  →  {result.text}")
    start = time.perf_counter()
    next(voices.stream(LONG_REPLY[voice.language], voice, use_cache=False))
    first_audio = time.perf_counter() - start
    # detection on the voice's own audio: does Whisper hear the right language?
    detected = transcriber.transcribe(resample(audio.samples, audio.sample_rate, 16_000)).language
    return {"voice": voice.id, "language": voice.language, "engine": voice.engine,
            "error": statistics.mean(errors), "synth_rtf": synth_time / audio_time, "first_audio_s": first_audio,
            "detected": detected, "heard": heard}


def adhoc_voice(spec: str) -> voices.Voice:
    """A Kokoro voice that is not in the catalog: "kokoro:jf_alpha" (Korean), "kokoro-en:jm_kumo" (English),
    "kokoro:jf_alpha:0.5+jm_kumo:0.5" (a blend)."""
    kind, speaker = spec.split(":", 1)
    return voices.Voice(id=spec, language="en" if kind == "kokoro-en" else "ko", gender="female", engine="kokoro",
                        model="kokoro-82m", speaker=speaker)


def kokoro_rtf(threads: int, speaker: str = "jm_kumo") -> tuple[float, float]:
    """Warm synthesis RTF of the held-out Korean replies with a private Kokoro engine of ``threads``:
    (wall-clock RTF, CPU seconds per second of audio; the second does not depend on other load)."""
    from voices.engines.kokoro import Engine

    engine = Engine(cache_dir=Path(tempfile.gettempdir()) / "arena-voices-bench", threads=threads)
    voice = adhoc_voice(f"kokoro:{speaker}")
    engine.synthesize(WARM_UP["ko"], voice)
    spent = cpu = heard = 0.0
    for text in ROUND_TRIP["ko"]:
        for sentence in sentences(text):
            start, start_cpu = time.perf_counter(), time.process_time()
            audio = engine.synthesize(normalize_for_speech(sentence, "ko"), voice)
            spent += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
            heard += audio.seconds
    return spent / heard, cpu / heard


APP_MEMORY_SCRIPT = """
import resource, sys, tempfile
from pathlib import Path
from assistant import Assistant, Config
home = Path(tempfile.mkdtemp(prefix="voices-mem-"))
bot = Assistant(Config(home=home, cache=Path(sys.argv[1])))
reply = bot.respond("체크인은 언제 열려요?", session="m", speak=True)      # the Korean default voice (Kokoro)
bot.respond(audio=str(reply.audio), session="m")                            # Whisper loads too
bot.respond("How do I check in?", session="m", speak=True)                   # and the English voice
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def app_memory_mb() -> float:
    """Peak RSS (MB) of one assistant process that answered a Korean question aloud (Kokoro), a spoken
    question (Whisper) and an English one aloud: every model of the app loaded at once."""
    import subprocess

    from assistant.config import Config

    out = subprocess.run([sys.executable, "-c", APP_MEMORY_SCRIPT, str(Config.from_env().cache_dir)], cwd=ROOT,
                         capture_output=True, text=True, check=True, env={**os.environ, "MALLOC_ARENA_MAX": "2"})
    return float(out.stdout.strip().splitlines()[-1])


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.2))
    labels = [r["voice"] for r in rows]
    values = [100 * r["error"] for r in rows]
    ax.barh(labels, values, color=["#c0392b" if r["language"] == "ko" else "#2471a3" for r in rows])
    ax.axvline(25, color="grey", linestyle="--", linewidth=1)
    ax.set_xlabel("round-trip error % (CER for ko, WER for en; target ≤ 25)")
    ax.invert_yaxis()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speech", type=Path, default=ROOT.parent / "shared" / "data" / "speech")
    parser.add_argument("--voices", default="", help="comma-separated voice ids (default: all); also "
                        "kokoro:SPEAKER / kokoro-en:SPEAKER for Kokoro styles not in the catalog")
    parser.add_argument("--extra", default="", help="like --voices, but added to the whole catalog")
    parser.add_argument("--skip-stt", action="store_true")
    parser.add_argument("--plot", type=Path, default=ROOT / "benchmarks" / "results" / "voices.png")
    parser.add_argument("--verbose", action="store_true", help="print what Whisper heard")
    parser.add_argument("--set", choices=("held-out", "tune"), default="held-out",
                        help="replies to speak: the reported held-out set, or the Korean front end's tuning set")
    parser.add_argument("--memory", action="store_true", help="also measure the app's peak RSS with every voice model loaded")
    parser.add_argument("--threads", default="", help="also time Kokoro with these onnxruntime thread counts, e.g. 1,2")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    cache = Path(tempfile.gettempdir()) / "arena-voices-bench"
    transcriber = WhisperTranscriber(cache_dir=cache)
    start = time.perf_counter()
    transcriber.warm_up()
    print(f"Whisper base (int8, 2 threads) ready in {time.perf_counter() - start:.1f} s\n")

    stt: list[dict] = []
    if not args.skip_stt and args.speech.is_dir():
        rows = stt = bench_stt(transcriber, args.speech)
        print(f"{'clip':34s} {'lang':4s} {'heard':5s} {'error':>6s} {'RTF':>5s} {'conf':>5s}")
        for r in rows:
            print(f"{r['file']:34s} {r['language']:4s} {r['detected']:5s} {100 * r['error']:5.1f}% "
                  f"{r['rtf']:5.2f} {r['confidence']:5.2f}")
            if args.verbose:
                print(f"    {r['text']}")
        for language, name in (("ko", "CER"), ("en", "WER")):
            mine = [r for r in rows if r["language"] == language]
            if mine:
                print(f"{language} {name}: {100 * statistics.mean(r['error'] for r in mine):.1f}% over {len(mine)} clip(s)")
        total = sum(r["rtf"] * r["seconds"] for r in rows) / sum(r["seconds"] for r in rows)
        print(f"speech-to-text real-time factor (all clips): {total:.2f}\n")

    wanted = [v for v in args.voices.split(",") if v]
    extra = [v for v in args.extra.split(",") if v]
    chosen = [v for v in voices.catalog() if not wanted or v.id in wanted]
    chosen += [adhoc_voice(v) for v in wanted + extra if v.startswith(("kokoro:", "kokoro-en:"))]
    if args.set == "tune":
        chosen = [v for v in chosen if v.language == "ko"]
    rows = []
    print(f"{'voice':24s} {'lang':4s} {'engine':7s} {'round trip':>10s} {'synth RTF':>9s} {'first audio':>11s} heard-as")
    for voice in chosen:
        r = bench_voice(voice, transcriber, tune_sentences() if args.set == "tune" else None)
        rows.append(r)
        print(f"{r['voice']:24s} {r['language']:4s} {r['engine']:7s} {100 * r['error']:9.1f}% {r['synth_rtf']:9.3f} "
              f"{r['first_audio_s']:10.2f}s {r['detected']}")
        if args.verbose:
            for text in r["heard"]:
                print(f"    {text}")
    if args.threads:
        print()
        for threads in [int(t) for t in args.threads.split(",")]:
            wall, cpu = kokoro_rtf(threads)
            print(f"Kokoro with {threads} onnxruntime thread(s): synth RTF {wall:.3f} (CPU s per audio s {cpu:.3f}; "
                  f"load average {os.getloadavg()[0]:.1f})")
    memory = None
    if args.memory:
        memory = app_memory_mb()
        print(f"\nassistant process with the Korean voice, Whisper and the English voice loaded: peak RSS {memory:.0f} MB")
    if args.set == "tune":
        return  # tuning runs print only; the saved results are the held-out set's
    if rows and args.plot:
        plot(rows, args.plot)
        print(f"\nchart: {args.plot}")
    metrics = [metric(f"speech-to-text {lang} {name}", statistics.mean(r["error"] for r in stt if r["language"] == lang),
                      "", "<= 0.08", higher_is_better=False)
               for lang, name in (("en", "WER"), ("ko", "CER")) if any(r["language"] == lang for r in stt)]
    metrics += [metric(f"voice round trip {lang} (best voice)", min(r["error"] for r in rows if r["language"] == lang),
                       "", "<= 0.25", higher_is_better=False) for lang in ("en", "ko")
                if any(r["language"] == lang for r in rows)]
    listed_ko = sorted(r["error"] for r in rows if r["language"] == "ko" and not r["voice"].startswith("kokoro"))
    if len(listed_ko) >= 2:
        metrics.append(metric("voice round trip ko (second-best listed voice)", listed_ko[1], "", "<= 0.15",
                              higher_is_better=False))
        metrics.append(metric("voice round trip ko (worst listed voice)", listed_ko[-1], "", "<= 0.25",
                              higher_is_better=False))
    kokoro = [r for r in rows if r["engine"] == "kokoro"]
    if kokoro:
        metrics.append(metric("Kokoro synthesis real-time factor (warm, slowest voice)",
                              max(r["synth_rtf"] for r in kokoro), "", "<= 0.5", higher_is_better=False))
    if memory is not None:
        metrics.append(metric("app peak RSS with the Korean voice loaded", memory, "MB", "< 1536",
                              higher_is_better=False))
    if stt:
        metrics.append(metric("speech-to-text real-time factor", sum(r["rtf"] * r["seconds"] for r in stt)
                              / sum(r["seconds"] for r in stt), "", "<= 0.4", higher_is_better=False))
    if rows:
        metrics.append(metric("first audio of a reply (slowest voice)", max(r["first_audio_s"] for r in rows),
                              "s", "<= 1", higher_is_better=False))
    save_result("voices", title="Speech in (Whisper base) and speech out (the voice catalog)", metrics=metrics, tables=[
        table("speech-to-text clips", ["clip", "language", "heard", "error", "RTF"],
              [[r["file"], r["language"], r["detected"], round(r["error"], 3), round(r["rtf"], 2)] for r in stt]),
        table("voices: synthesise, then transcribe", ["voice", "language", "engine", "round-trip error", "synth RTF",
                                                      "first audio s"],
              [[r["voice"], r["language"], r["engine"], round(r["error"], 3), round(r["synth_rtf"], 3),
                round(r["first_audio_s"], 2)] for r in rows]),
    ], plots=[args.plot] if rows and args.plot else [])


if __name__ == "__main__":
    main()
