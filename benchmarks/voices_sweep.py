"""Sweep Kokoro Korean front-end variants and voices on the TUNING set, in one process.

    .venv/bin/python benchmarks/voices_sweep.py --variants base,asp_double --voices jm_kumo,jf_gongitsune@0.9
                                                [--limit 14] [--verbose]

Loads Whisper once and Kokoro once; every (variant, voice) pair speaks each tuning sentence (the same
sentences as ``benchmarks/voices.py --set tune``) and Whisper hears it back, scored exactly as there
(CER, written or spoken form, whichever is closer). A variant is a named, temporary change to the front
end (``VARIANTS`` below); a voice is a Kokoro style or blend, ``@speed`` optional. Kokoro and Whisper are
deterministic, so each (phonemes, voice, speed) result is cached on disk and a variant costs only the
sentences it changes. Never run this on the held-out replies: they confirm a choice, they do not make it.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.voices import adhoc_voice, tune_sentences  # noqa: E402
from voices import korean_ipa, text as text_mod  # noqa: E402
from voices.audio import resample  # noqa: E402
from voices.engines import kokoro  # noqa: E402
from voices.metrics import error_rate  # noqa: E402
from voices.stt import WhisperTranscriber  # noqa: E402
from voices.text import normalize_for_speech, sentences, split_first_phrase  # noqa: E402
from voices.tts import SENTENCE_PAUSE  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "arena-voices-sweep.json"


@contextlib.contextmanager
def patched(obj, name: str, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


@contextlib.contextmanager
def text_filter(fn):
    """Rewrite the normalised Korean text before the front end."""
    original = kokoro.to_ipa
    with patched(kokoro, "to_ipa", lambda text, **kw: original(fn(text), **kw)):
        yield


def _topic_pause(text: str, endings: tuple[str, ...] = ("은", "는")) -> str:
    words = text.split(" ")
    return " ".join(w + ("," if w.endswith(endings) and len(w) >= 2 and i < len(words) - 2 else "")
                    for i, w in enumerate(words))


@contextlib.contextmanager
def consonants(changes: dict):
    table = dict(korean_ipa._CONSONANTS)
    table.update(changes)
    with patched(korean_ipa, "_CONSONANTS", table):
        yield


@contextlib.contextmanager
def settings(module=korean_ipa, **values):
    with contextlib.ExitStack() as stack:
        for name, value in values.items():
            stack.enter_context(patched(module, name, value))
        yield


VARIANTS = {
    "base": contextlib.nullcontext,
    "asp_h": lambda: settings(ASPIRATION="h"),
    "asp_double": lambda: settings(ASPIRATION="ʰʰ"),
    "asp_long": lambda: settings(ASPIRATION="ʰː"),
    "affr_english": lambda: consonants({"ㅈ": ("ʧ", "ʤ"), "ㅉ": ("ʔʧ", "ʔʧ"), "ㅊ": ("ʧʰ", "ʧʰ")}),
    "affr_ts": lambda: consonants({"ㅈ": ("ʦ", "ʣ"), "ㅉ": ("ʔʦ", "ʔʦ"), "ㅊ": ("ʦʰ", "ʦʰ")}),
    "voice_across": lambda: settings(VOICE_ACROSS_WORDS=True),
    "topic_pause": lambda: text_filter(_topic_pause),
    "phrase_pause": lambda: text_filter(lambda t: _topic_pause(t, ("은", "는", "고", "면", "서"))),
    "score_apart": lambda: settings(text_mod, SCORE_KO="{} 대 {}"),  # before: "삼 대 일"
    "score_pause": lambda: settings(text_mod, SCORE_KO="{} 대, {}"),
    "score_pause2": lambda: settings(text_mod, SCORE_KO="{}, 대, {}"),
}
"""name → a zero-argument context manager factory that changes the front end while active."""


def _key(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:24]


def pieces(text: str) -> list[str]:
    """The phoneme strings voices.stream makes for a Korean reply (the first sentence of several is cut
    after its first phrase)."""
    parts = sentences(text)
    out = []
    for i, sentence in enumerate(parts):
        for piece in split_first_phrase(sentence, "ko") if i == 0 and len(parts) > 1 else [sentence]:
            spoken = normalize_for_speech(piece, "ko")
            if spoken.strip():
                out.append(kokoro.phonemize(spoken, "ko"))
    return out


def speak(engine: kokoro.Engine, text: str, voice) -> tuple[object, list[str]]:
    """Audio of a whole reply as voices.synthesize makes it (sentences joined by a pause), and the
    phoneme strings it was made from."""
    import numpy as np

    phonemes = pieces(text)
    speed = float(voice.options.get("speed", 1.0))
    gap = np.zeros(int(SENTENCE_PAUSE * kokoro.SAMPLE_RATE), np.float32)
    parts = []
    for p in phonemes:
        if parts:
            parts.append(gap)
        parts.append(engine.speak_phonemes(p, voice.speaker, speed))
    return np.concatenate(parts), phonemes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="base")
    parser.add_argument("--voices", default="jm_kumo,jf_gongitsune@0.9")
    parser.add_argument("--limit", type=int, default=14, help="how many tuning sentences")
    parser.add_argument("--extra", action="store_true", help="also the extra tuning sentences (scores, times, names)")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where heard transcripts are kept between runs")
    args = parser.parse_args()
    cache = json.loads(args.cache.read_text()) if args.cache.is_file() else {}
    texts = tune_sentences(limit=args.limit) + (list(EXTRA_TUNE) if args.extra else [])
    whisper = WhisperTranscriber(cache_dir=Path(tempfile.gettempdir()) / "arena-voices-bench")
    engine = kokoro.Engine(cache_dir=Path(tempfile.gettempdir()) / "arena-voices-bench")
    results: dict[tuple[str, str], list[float]] = {}
    for spec in args.voices.split(","):
        speaker, _, speed = spec.partition("@")
        voice = adhoc_voice(f"kokoro:{speaker}")
        if speed:
            voice.options["speed"] = float(speed)
        for name in args.variants.split(","):
            start = time.perf_counter()
            errors = []
            with contextlib.ExitStack() as stack:
                for part in name.split("+"):  # "a+b": both changes at once
                    stack.enter_context(VARIANTS[part]())
                for text in texts:
                    phonemes = pieces(text)
                    key = _key(speaker, voice.options.get("speed", 1.0), *phonemes)
                    if key not in cache:
                        audio, _ = speak(engine, text, voice)
                        heard = whisper.transcribe(resample(audio, kokoro.SAMPLE_RATE, 16_000), language="ko").text
                        cache[key] = heard
                        args.cache.write_text(json.dumps(cache, ensure_ascii=False))
                    heard = cache[key]
                    spoken = " ".join(normalize_for_speech(s, "ko") for s in sentences(text))
                    errors.append(min(error_rate(spoken, heard, "ko"), error_rate(text, heard, "ko")))
                    if args.verbose:
                        print(f"    {100 * errors[-1]:5.1f}%  {' | '.join(phonemes)}\n           {spoken} → {heard}")
            results[(spec, name)] = errors
            base = results.get((spec, "base"))
            diff = ""
            if base and name != "base":
                diff = " ".join(f"{i}:{100 * (e - b):+.0f}" for i, (e, b) in enumerate(zip(errors, base)) if abs(e - b) > 1e-9)
            split = f"(FAQ {100 * statistics.mean(errors[:args.limit]):5.1f}%" + (
                f", extra {100 * statistics.mean(errors[args.limit:]):5.1f}%)" if args.extra else ")")
            print(f"{spec:28s} {name:22s} CER {100 * statistics.mean(errors):5.1f}% {split} "
                  f"({time.perf_counter() - start:4.0f} s)  {diff}", flush=True)


EXTRA_TUNE = (
    "어제 경기는 2:0으로 이겼어요.",
    "DK가 KT를 3:0으로 이겼습니다.",
    "본선은 토요일 오후 2:30에 열려요.",
    "Chovy 선수와 Zeus 선수가 출전합니다.",
    "HLE는 2세트를 1:1로 비긴 뒤 탈락했어요.",
    "체크인 창은 킥오프 20분 전에 닫혀요.",
)
"""Our own sentences (not the held-out replies) for what the FAQ sentences lack: scores, times and
Latin names inside Korean."""

if __name__ == "__main__":
    main()
