"""Speech to text with the real Whisper base (loaded once for the module) on real recordings from
../shared/data/speech/, plus silence, language detection, vocabulary and the CLI."""
from __future__ import annotations

import csv
import json
import subprocess

import numpy as np
import pytest

from kernel.paths import PROJECT_ROOT
from kernel.errors import InputError
from voices import Transcript, catalog, synthesize
from voices.audio import SAMPLE_RATE, resample
from voices.metrics import cer, wer
from voices.stt import WhisperTranscriber, cut_loops, vocabulary_prompt
from voices.whisper_files import MODEL_SHA256, model_dir

SPEECH = PROJECT_ROOT.parent / "shared" / "data" / "speech"
ASSISTANT = PROJECT_ROOT / ".venv" / "bin" / "assistant"
needs_speech = pytest.mark.skipif(not (SPEECH / "manifest.tsv").is_file(), reason="../shared/data/speech is absent")


def references() -> dict[str, tuple[str, str]]:
    with open(SPEECH / "manifest.tsv", encoding="utf-8") as handle:
        return {r["file"]: (r["lang"], r["reference"]) for r in csv.DictReader(handle, delimiter="\t")}


@pytest.fixture(scope="module")
def whisper_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("whisper-cache")


@pytest.fixture(scope="module")
def transcriber(whisper_cache) -> WhisperTranscriber:
    t = WhisperTranscriber(cache_dir=whisper_cache)
    t.warm_up()
    return t


@pytest.mark.slow
def test_model_folder_is_assembled_once_and_verified(whisper_cache, transcriber):
    folder = model_dir(whisper_cache)
    assert sorted(p.name for p in folder.iterdir()) == [
        "config.json", "model.bin", "model.bin.sha256", "tokenizer.json", "vocabulary.json"]
    assert (folder / "model.bin.sha256").read_text().strip() == MODEL_SHA256
    stamp_time = (folder / "model.bin").stat().st_mtime_ns
    assert model_dir(whisper_cache) == folder and (folder / "model.bin").stat().st_mtime_ns == stamp_time


@pytest.mark.slow
def test_a_damaged_model_file_is_rebuilt(tmp_path):
    folder = model_dir(tmp_path)
    with open(folder / "model.bin", "r+b") as handle:
        handle.truncate(1000)
    assert (model_dir(tmp_path) / "model.bin").stat().st_size > 100_000_000


@needs_speech
@pytest.mark.slow
@pytest.mark.parametrize("name, limit", [("leopard_test.wav", 0.10), ("cheetah_test_en.wav", 0.15),
                                         ("leopard_test_ko.wav", 0.30)])
def test_real_speech_is_transcribed_in_its_language(transcriber, name, limit):
    language, reference = references()[name]
    result = transcriber.transcribe(SPEECH / name)  # language detected, not given
    assert isinstance(result, Transcript)
    assert result.language == language
    error = cer(reference, result.text) if language == "ko" else wer(reference, result.text)
    assert error <= limit, result.text
    assert 0.3 < result.confidence <= 1.0
    assert result.seconds == pytest.approx({"leopard_test.wav": 5.86, "cheetah_test_en.wav": 4.46,
                                            "leopard_test_ko.wav": 3.89}[name], abs=0.05)
    assert result.segments and result.segments[0].start < result.segments[-1].end <= result.seconds + 0.5


@needs_speech
@pytest.mark.slow
def test_numbers_come_back_as_digits(transcriber):
    result = transcriber.transcribe(SPEECH / "cheetah_test_en.wav", language="en")
    assert "1" in result.text and "3" in result.text  # "platforms one and three"


@needs_speech
@pytest.mark.slow
def test_resampled_stereo_and_bytes_give_the_same_words(transcriber, tmp_path):
    import av  # noqa: F401
    from tests.test_voices_audio import encode

    samples = transcriber.preprocess(SPEECH / "leopard_test.wav")
    stereo = encode(tmp_path / "stereo.webm", resample(samples, SAMPLE_RATE, 48_000), 48_000, "libopus", 2, "webm")
    result = transcriber.transcribe(stereo.read_bytes(), language="en")
    assert wer(references()["leopard_test.wav"][1], result.text) <= 0.15, result.text


@pytest.mark.slow
def test_silence_and_noise_give_no_text(transcriber):
    silence = np.zeros(5 * SAMPLE_RATE, np.float32)
    result = transcriber.transcribe(silence)
    assert result.text == "" and result.confidence == 0.0 and result.seconds == pytest.approx(5.0)
    noise = (0.01 * np.random.default_rng(0).standard_normal(4 * SAMPLE_RATE)).astype(np.float32)
    assert transcriber.transcribe(noise, language="en").text == ""


@pytest.mark.slow
def test_round_trip_english_voices_are_understood(transcriber):
    text = "Please report the match result within ten minutes."
    for voice in ("en-piper-joe", "en-hibari-heart"):
        audio = synthesize(text, voice, use_cache=False)
        result = transcriber.transcribe(resample(audio.samples, audio.sample_rate, SAMPLE_RATE))
        assert result.language == "en"
        assert wer(text, result.text) <= 0.25, (voice, result.text)


@pytest.mark.slow
def test_round_trip_korean_voices_are_understood(transcriber):
    """Every listed Korean voice (Kokoro) is understood: Whisper, told the language, gets it back."""
    text = "대회 규정은 공지 게시판에서 확인하세요."
    for voice in [v for v in catalog() if v.language == "ko"]:
        audio = synthesize(text, voice, use_cache=False)
        result = transcriber.transcribe(resample(audio.samples, audio.sample_rate, SAMPLE_RATE), language="ko")
        assert cer(text, result.text) <= 0.3, (voice.id, result.text)


@pytest.mark.slow
def test_bad_audio_is_one_sentence(transcriber, tmp_path):
    for data, message in ((b"", "empty"), (b"not audio at all " * 50, "not audio")):
        with pytest.raises(InputError, match=message):
            transcriber.transcribe(data)
    with pytest.raises(InputError, match="not supported"):
        transcriber.transcribe(np.zeros(100, np.float32), language="fr")
    with pytest.raises(InputError, match="longer than"):
        transcriber.transcribe(np.zeros(int(transcriber.options.max_seconds + 5) * SAMPLE_RATE, np.float32))


def test_vocabulary_prompt_and_loop_cutting():
    prompt = vocabulary_prompt(["T1", "Gen.G", "T1", " ", "Faker"], "ko")
    assert prompt == "e스포츠 대회 팀: T1, Gen.G, Faker."
    assert len(vocabulary_prompt([f"team{i}" for i in range(200)], "en")) < 240
    assert vocabulary_prompt(None, "en") == ""
    assert cut_loops("삶, 삶, 삶, 삶, 삶, 삶, 삶") == "삶, 삶, 삶,"
    assert cut_loops("he said no no no that is it") == "he said no no no that is it"


@needs_speech
@pytest.mark.slow
def test_cli_transcribe(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ASSISTANT_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([str(ASSISTANT), "transcribe", str(SPEECH / "leopard_test_ko.wav"), "--lang", "ko", "--json"],
                          capture_output=True, text=True, timeout=180, env=env)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"text", "language", "confidence", "seconds"}
    assert result["language"] == "ko" and "피하면서" in result["text"]
    (tmp_path / "empty.webm").write_bytes(b"")
    for bad in (tmp_path / "empty.webm", tmp_path / "missing.wav"):
        proc = subprocess.run([str(ASSISTANT), "transcribe", str(bad), "--json"], capture_output=True, text=True,
                              timeout=60, env=env)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert json.loads(proc.stdout)["error"]


@pytest.mark.slow
def test_vocabulary_makes_names_come_out_right(transcriber):
    text = "Nongshim RedForce beat Kwangdong Freecs, and Gumayusi was the MVP."
    audio = synthesize(text, "en-hibari-heart", use_cache=False)
    samples = resample(audio.samples, audio.sample_rate, SAMPLE_RATE)
    names = ["Nongshim RedForce", "Kwangdong Freecs", "Gumayusi"]
    plain = transcriber.transcribe(samples, language="en").text
    biased = transcriber.transcribe(samples, language="en", vocabulary=names).text
    assert sum(n in biased for n in names) == 3, biased
    assert sum(n in plain for n in names) < 3, plain  # without the hint Whisper spells them its own way


class FakeSegment:
    def __init__(self, text, avg_logprob, no_speech_prob=0.0, compression_ratio=1.2, start=0.0, end=2.0):
        self.text, self.avg_logprob, self.no_speech_prob = text, avg_logprob, no_speech_prob
        self.compression_ratio, self.start, self.end = compression_ratio, start, end


class FakeWhisper:
    """Stands in for faster-whisper's model: records each decode's beam, answers from a script."""

    def __init__(self, answers):
        self.answers, self.beams = list(answers), []

    def transcribe(self, samples, **kwargs):
        self.beams.append(kwargs["beam_size"])
        assert kwargs["condition_on_previous_text"] is False and kwargs["vad_filter"] is True
        return iter(self.answers.pop(0)), None


def test_low_confidence_escalates_to_a_larger_beam_and_model(tmp_path, monkeypatch):
    import voices.stt as stt

    base = FakeWhisper([[FakeSegment("그는 1위절이", -1.2)], [FakeSegment("그는 이리저리", -0.4)]])
    larger = FakeWhisper([[FakeSegment("그는 이리 저리", -0.6)]])
    t = WhisperTranscriber(cache_dir=tmp_path, model_dir=tmp_path / "base", larger_model_dir=tmp_path / "small")
    monkeypatch.setattr(t, "_load", lambda folder=None: larger if folder == tmp_path / "small" else base)
    monkeypatch.setattr(stt, "speech_only", lambda samples: samples)
    result = t.transcribe(np.ones(2 * SAMPLE_RATE, np.float32) * 0.1, language="ko")
    assert base.beams == [5, 10] and larger.beams == [10]
    assert result.text == "그는 이리저리" and result.confidence == pytest.approx(np.exp(-0.4))

    confident = FakeWhisper([[FakeSegment("네", -0.1)]])
    monkeypatch.setattr(t, "_load", lambda folder=None: confident)
    assert t.transcribe(np.ones(SAMPLE_RATE, np.float32) * 0.1, language="ko").text == "네"
    assert confident.beams == [5]  # no second pass when the first is sure


def test_postprocess_drops_silence_and_loops():
    from voices.stt import postprocess

    segments = [FakeSegment("Thanks for watching!", -1.5, no_speech_prob=0.9),
                FakeSegment("go go go go go go go go go go", -0.3, compression_ratio=3.1),
                FakeSegment(" three to one ", -0.2, start=2.0, end=3.0)]
    result = postprocess(segments, "en")
    assert result.text == "3 to 1" and len(result.segments) == 1 and result.segments[0].start == 2.0
