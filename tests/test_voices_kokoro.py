"""The Kokoro engine: model parts joined and checked, style blends, phoneme handling, and the real
model speaking Korean (one shared session, speed, streaming, bad input)."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest

from kernel.errors import EnvironmentProblem, InputError
from voices import catalog, get_voice, stream, synthesize
from voices import kokoro_files
from voices.catalog import CatalogError, Voice
from voices.engines import engine_for
from voices.engines.kokoro import (MAX_TOKENS, SAMPLE_RATE, Engine, aspiration_option, phonemize, split_phonemes,
                                   token_ids, trim)
from voices.model_parts import join_parts


def fake_parts(tmp_path, sizes=(1000, 2000, 1500, 700)):
    parts, digest = [], hashlib.sha256()
    rng = np.random.default_rng(0)
    for i, size in enumerate(sizes, 1):
        data = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
        (tmp_path / f"model_{i}").mkdir()
        path = tmp_path / f"model_{i}" / "part.bin"
        path.write_bytes(data)
        parts.append(path)
        digest.update(data)
    return parts, digest.hexdigest()


def test_parts_are_joined_once_and_checked(tmp_path):
    parts, sha = fake_parts(tmp_path)
    target = tmp_path / "cache" / "kokoro" / "model.onnx"
    assert join_parts(parts, target, sha, "test model", "reinstall") == target
    assert target.read_bytes() == b"".join(p.read_bytes() for p in parts)
    assert (target.parent / "model.onnx.sha256").read_text().strip() == sha
    made = target.stat().st_mtime_ns
    join_parts(parts, target, sha, "test model", "reinstall")
    assert target.stat().st_mtime_ns == made  # the second call only checks the stamp and size


def test_a_damaged_join_is_rebuilt(tmp_path):
    parts, sha = fake_parts(tmp_path)
    target = tmp_path / "model.onnx"
    join_parts(parts, target, sha, "test model", "reinstall")
    with open(target, "r+b") as handle:
        handle.truncate(100)
    join_parts(parts, target, sha, "test model", "reinstall")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == sha
    target.unlink()  # a missing file too
    assert join_parts(parts, target, sha, "test model", "reinstall").stat().st_size == 5200


def test_a_damaged_part_is_refused_and_leaves_nothing_behind(tmp_path):
    parts, sha = fake_parts(tmp_path)
    data = bytearray(parts[2].read_bytes())
    data[10] ^= 0xFF
    parts[2].write_bytes(bytes(data))
    target = tmp_path / "out" / "model.onnx"
    with pytest.raises(EnvironmentProblem, match="checksum mismatch.*reinstall"):
        join_parts(parts, target, sha, "Kokoro model", "reinstall")
    assert not target.exists() and not list(target.parent.glob("*.tmp"))


def test_kokoro_model_path_joins_the_package_parts(tmp_path, monkeypatch):
    parts, sha = fake_parts(tmp_path)
    monkeypatch.setattr(kokoro_files, "part_files", lambda: parts)
    monkeypatch.setattr(kokoro_files, "MODEL_SHA256", sha)
    path = kokoro_files.model_path(tmp_path / "cache")
    assert path == tmp_path / "cache" / "kokoro" / kokoro_files.MODEL_NAME and path.stat().st_size == 5200


def test_the_shipped_parts_and_data_are_installed():
    assert [p.stat().st_size for p in kokoro_files.part_files()] == [23090318] * 3 + [23090317]
    vocab = kokoro_files.vocabulary()
    assert vocab["ʌ"] == 138 and vocab["ʰ"] == 162 and vocab[","] == 3
    assert {"jm_kumo", "jf_gongitsune"} <= set(kokoro_files.styles())


def test_style_blends_are_weighted_means():
    table = kokoro_files.styles()
    assert kokoro_files.style_table("jm_kumo").shape == (510, 256)
    blend = kokoro_files.style_table("jf_alpha:3+jm_kumo:1")
    assert np.allclose(blend, 0.75 * table["jf_alpha"] + 0.25 * table["jm_kumo"], atol=1e-6)
    with pytest.raises(EnvironmentProblem, match="no speaker 'nobody'"):
        kokoro_files.style_table("nobody")
    with pytest.raises(EnvironmentProblem, match="not a number"):
        kokoro_files.style_table("jm_kumo:x")


def test_phonemes_to_ids_and_splitting():
    vocab = kokoro_files.vocabulary()
    assert token_ids("ka ☃", vocab) == [vocab["k"], vocab["a"], vocab[" "]]
    long = ("ɡjʌŋɡi " * 120).strip() + ". " + "ne, " * 30
    pieces = split_phonemes(long)
    assert all(len(p) <= MAX_TOKENS for p in pieces) and len(pieces) >= 2
    assert "".join(pieces).replace(" ", "") == long.replace(" ", "").rstrip()
    assert split_phonemes("x" * 1200)[0] == "x" * MAX_TOKENS
    assert len(trim(np.zeros(1000, np.float32))) == 0


def test_korean_phonemes_include_english_names():
    text = "Faker 선수가 이겼어요."
    ipa = phonemize(text, "ko")
    assert ipa.startswith("f") and ipa.endswith("sʌnsuɡa iɡjʌʔsʌjo.")


def test_a_voices_aspiration_option_is_checked_and_reaches_the_front_end():
    assert aspiration_option(voice()) is None
    assert aspiration_option(voice(aspiration="ʰʰ")) == "ʰʰ"
    assert phonemize("체크인", "ko", aspiration_option(voice(aspiration="ʰʰ"))) == "ʨʰʰekʰʰɯin"
    for bad in ("h", "", 2, "ʰʰʰʰ"):
        with pytest.raises(CatalogError, match="aspiration"):
            aspiration_option(voice(aspiration=bad))


def test_catalog_korean_voices_are_kokoro_with_two_speakers():
    korean = [v for v in catalog() if v.language == "ko"]
    assert korean and all(v.engine == "kokoro" for v in korean)
    assert len({v.speaker for v in korean}) >= 2 and {v.gender for v in korean} == {"female", "male"}
    assert get_voice("ko-female-1").engine == "kokoro"  # the CONTRACTS example id


def test_every_listed_kokoro_voice_loads_its_style_and_options():
    listed = [v for v in catalog() if v.engine == "kokoro"]
    for v in listed:
        assert kokoro_files.style_table(v.speaker).shape == (510, 256), v.id
        aspiration_option(v)  # checked, no CatalogError
        assert 0.5 <= float(v.options.get("speed", 1.0)) <= 1.5, v.id
    blend = get_voice("ko-kokoro-gongitsune-kumo")
    assert blend.gender == "female" and "+" in blend.speaker  # a second female speaker made by blending
    table = kokoro_files.styles()
    assert np.allclose(kokoro_files.style_table(blend.speaker),
                       0.7 * table["jf_gongitsune"] + 0.3 * table["jm_kumo"], atol=1e-6)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return Engine(cache_dir=tmp_path_factory.mktemp("kokoro-cache"))


def voice(speaker="jm_kumo", **options) -> Voice:
    return Voice(id="t", language="ko", gender="male", engine="kokoro", model="kokoro-82m", speaker=speaker,
                 options=options)


@pytest.mark.slow
def test_real_model_speaks_korean_at_24khz(engine):
    audio = engine.synthesize("경기 결과는 십 분 안에 등록해 주세요.", voice())
    assert audio.sample_rate == SAMPLE_RATE == 24_000
    assert 1.2 < audio.seconds < 6.0
    assert np.sqrt(np.mean(audio.samples ** 2)) > 0.02 and np.abs(audio.samples).max() <= 1.0


@pytest.mark.slow
def test_one_session_is_shared_by_every_voice(engine):
    engine.synthesize("네.", voice("jm_kumo"))
    session = engine._session
    engine.synthesize("네.", voice("jf_gongitsune:0.5+jf_alpha:0.5"))
    assert engine._session is session and len(engine._styles) >= 2
    assert engine_for("kokoro") is engine_for("kokoro")


@pytest.mark.slow
def test_the_blend_is_heard_as_another_speaker_than_kumo(engine):
    from voices.audio import median_pitch

    text = "토너먼트 대진표는 매주 공개됩니다."
    pitch = {v: median_pitch(engine.synthesize(text, get_voice(v)).samples, SAMPLE_RATE)
             for v in ("ko-kokoro-kumo", "ko-kokoro-gongitsune-kumo", "ko-kokoro-gongitsune")}
    # kumo ~95 Hz, the blend ~185 Hz, gongitsune ~230 Hz: the blend is nearer gongitsune than kumo
    assert pitch["ko-kokoro-gongitsune-kumo"] > 1.6 * pitch["ko-kokoro-kumo"]
    assert pitch["ko-kokoro-kumo"] < pitch["ko-kokoro-gongitsune-kumo"] < pitch["ko-kokoro-gongitsune"]


@pytest.mark.slow
def test_speed_changes_duration(engine):
    text = "체크인은 경기 시작 삼십 분 전에 열립니다."
    normal = engine.synthesize(text, voice(), 1.0).seconds
    assert engine.synthesize(text, voice(), 1.6).seconds < 0.8 * normal
    assert engine.synthesize(text, voice(), 0.6).seconds > 1.3 * normal


@pytest.mark.slow
def test_a_voices_default_speed_multiplies_the_callers(engine):
    text = "팀 이름은 설정에서 바꿀 수 있어요."
    normal = engine.synthesize(text, voice(), 1.0).seconds
    slow = engine.synthesize(text, voice(speed=0.8), 1.0).seconds
    assert slow > 1.12 * normal
    assert abs(engine.synthesize(text, voice(speed=0.8), 1.25).seconds - normal) < 0.08 * normal
    assert get_voice("ko-kokoro-gongitsune").options.get("speed") == 0.9  # tuned on --set tune


@pytest.mark.slow
def test_a_reply_streams_sentence_by_sentence_and_is_cached(tmp_path):
    text = "체크인은 삼십 분 전에 열립니다. 팀원 모두 체크인해야 해요. 늦으면 알려 주세요."
    parts = stream(text, "ko-kokoro-kumo", cache_dir=tmp_path)
    first = next(parts)
    assert first.seconds > 0.5 and len(list((tmp_path / "tts").glob("*.wav"))) == 1  # the rest not made yet
    assert len(list(parts)) >= 2
    whole = synthesize(text, "ko-kokoro-kumo", cache_dir=tmp_path)  # from the cache now
    assert whole.sample_rate == 24_000 and whole.seconds > 3


@pytest.mark.slow
def test_bad_input_gets_one_sentence(engine, tmp_path):
    with pytest.raises(InputError, match="nothing to speak"):
        synthesize("★ ☆ ...", "ko-kokoro-kumo", cache_dir=tmp_path)
    with pytest.raises(InputError, match="speed must be between"):
        synthesize("네.", "ko-kokoro-kumo", speed=5, cache_dir=tmp_path)
    with pytest.raises(EnvironmentProblem, match="no speaker"):
        engine.synthesize("네.", voice("jx_nobody"))
    assert engine.synthesize("★", voice()).seconds == 0  # nothing sayable: empty audio, no error
