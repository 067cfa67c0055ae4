"""Sweep Kokoro Korean front-end variants and voices on the TUNING set, in one process.

    .venv/bin/python benchmarks/voices_sweep.py --variants base,asp_double --voices jm_kumo,jf_gongitsune@0.9
                                                [--limit 14] [--extra] [--more] [--wide] [--verbose]
    .venv/bin/python benchmarks/voices_sweep.py --pitch --limit 6 --voices jm_kumo,jf_gongitsune:0.7+jm_kumo:0.3@0.9

Loads Whisper once and Kokoro once; every (variant, voice) pair speaks each tuning sentence (the same
sentences as ``benchmarks/voices.py --set tune``) and Whisper hears it back, scored exactly as there
(CER, written or spoken form, whichever is closer). A variant is a named, temporary change to the front
end (``VARIANTS`` below); a voice is a Kokoro style or blend, ``@speed`` optional. Kokoro and Whisper are
deterministic, so each (phonemes, voice, speed) result is cached on disk and a variant costs only the
sentences it changes. ``--pitch`` prints each voice's median F0 instead (how far apart two voices sound). Never run this on the held-out replies: they confirm a choice, they do not make it.
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
from voices.audio import median_pitch, resample  # noqa: E402
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
    "asp_triple": lambda: settings(ASPIRATION="ʰʰʰ"),
    "no_names": lambda: settings(text_mod, NAMES_KO={}),  # player names left in Latin letters (before 15 (d))
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
    parser.add_argument("--more", action="store_true", help="also MORE_TUNE (aspiration, names)")
    parser.add_argument("--wide", action="store_true", help="= --limit 30 --extra --more")
    parser.add_argument("--pitch", action="store_true", help="only print each voice's median F0 (Hz) over the sentences")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where heard transcripts are kept between runs")
    args = parser.parse_args()
    cache = json.loads(args.cache.read_text()) if args.cache.is_file() else {}
    if args.wide:
        args.limit, args.extra, args.more = 30, True, True
    texts = (tune_sentences(limit=args.limit) + (list(EXTRA_TUNE) if args.extra else [])
             + (list(MORE_TUNE) if args.more else []))
    if args.pitch:
        engine = kokoro.Engine(cache_dir=Path(tempfile.gettempdir()) / "arena-voices-bench")
        for spec in args.voices.split(","):
            speaker, _, speed = spec.partition("@")
            voice = adhoc_voice(f"kokoro:{speaker}")
            voice.options["speed"] = float(speed or 1.0)
            f0 = [median_pitch(speak(engine, text, voice)[0], kokoro.SAMPLE_RATE) for text in texts]
            print(f"{spec:40s} median F0 {statistics.median(f0):6.1f} Hz  (sentences {min(f0):.0f}–{max(f0):.0f})")
        return
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
                f", ours {100 * statistics.mean(errors[args.limit:]):5.1f}%)" if len(errors) > args.limit else ")")
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

MORE_TUNE = (
    "코치는 경기 중에 팀 채팅을 볼 수 없어요.",
    "토너먼트 대진표는 매주 월요일에 공개됩니다.",
    "패치가 바뀌면 챔피언 목록도 새로 정해져요.",
    "포인트는 경기에 나갈 때마다 쌓입니다.",
    "티켓 환불은 구매하고 7일 안에 가능합니다.",
    "탈락한 팀도 다음 시즌에는 다시 출전할 수 있어요.",
    "Keria 선수가 플레이오프에서 크게 활약했어요.",
    "Faker 선수는 T1의 미드 라이너예요.",
    "Gen.G와 T1의 결승은 토요일 밤 8시에 시작해요.",
    "채팅창에 욕설을 쓰면 경고를 받습니다.",
    "플레이어 카드는 프로필 탭에서 고칠 수 있어요.",
    "첫 세트는 T1이 가져가서 점수는 1:0이 됐어요.",
    "커뮤니티 규칙을 어기면 계정이 정지될 수 있습니다.",
    "코인 충전은 상점 탭에서 할 수 있어요.",
    "KT와 DRX의 경기는 2:1로 끝났어요.",
    "Ruler 선수와 Canyon 선수가 이번 주 최고 선수로 꼽혔어요.",
)
"""More of our own sentences (written for issue 15 (d), not copies of held-out replies): many aspirated
consonants (ㅋㅌㅍㅊ in 팀, 채팅, 토너먼트, 패치), player names in Latin letters, scores and a time.
``--wide`` = 30 FAQ sentences + EXTRA_TUNE + these (52 sentences)."""

if __name__ == "__main__":
    main()
