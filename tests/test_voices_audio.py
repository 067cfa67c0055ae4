"""Decoding every common format and rate to 16 kHz mono, and refusing bad audio with one sentence."""
from __future__ import annotations

import struct
import time
import wave

import numpy as np
import pytest

from kernel.errors import InputError
from voices.audio import SAMPLE_RATE, Audio, decode, resample


def tone(seconds: float, rate: int, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def encode(path, samples: np.ndarray, rate: int, codec: str, channels: int = 1, fmt: str | None = None):
    """Write ``samples`` with PyAV's encoder ``codec`` (a real file as a browser or phone would send)."""
    import av

    layout = "mono" if channels == 1 else "stereo"
    with av.open(str(path), "w", format=fmt) as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        planar = np.tile(samples, (channels, 1))
        sample_fmt = stream.codec_context.format.name
        if sample_fmt.startswith("s16"):
            data = (planar * 32767).astype(np.int16)
            frame_fmt = "s16p" if sample_fmt.endswith("p") else "s16"
        elif sample_fmt.startswith("s32"):
            data = (planar * 2**31 * 0.99).astype(np.int32)
            frame_fmt = "s32p" if sample_fmt.endswith("p") else "s32"
        else:
            data = planar.astype(np.float32)
            frame_fmt = "fltp" if sample_fmt.endswith("p") else "flt"
        if not frame_fmt.endswith("p"):
            data = data.T.reshape(1, -1)
        frame_size = stream.codec_context.frame_size or 1024
        for start in range(0, data.shape[-1] if frame_fmt.endswith("p") else data.shape[-1] // channels, frame_size):
            if frame_fmt.endswith("p"):
                chunk = np.ascontiguousarray(data[:, start:start + frame_size])
            else:
                chunk = np.ascontiguousarray(data[:, start * channels:(start + frame_size) * channels])
            frame = av.AudioFrame.from_ndarray(chunk, format=frame_fmt, layout=layout)
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def dominant_frequency(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.argmax(spectrum) * SAMPLE_RATE / len(samples))


@pytest.mark.parametrize("name, codec, rate, channels, fmt", [
    ("clip.wav", "pcm_s16le", 44_100, 2, None),
    ("clip8k.wav", "pcm_s16le", 8_000, 1, None),
    ("clip.flac", "flac", 48_000, 1, None),
    ("clip.mp3", "libmp3lame", 44_100, 2, None),
    ("clip.ogg", "libopus", 48_000, 1, "ogg"),
    ("clip.webm", "libopus", 48_000, 2, "webm"),
])
def test_every_format_decodes_to_16k_mono(tmp_path, name, codec, rate, channels, fmt):
    path = encode(tmp_path / name, tone(1.5, rate), rate, codec, channels, fmt)
    samples = decode(path)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) / SAMPLE_RATE - 1.5) < 0.1  # duration kept, whatever the rate
    assert abs(dominant_frequency(samples) - 440.0) < 5.0  # the pitch survives resampling
    assert 0.3 < np.max(np.abs(samples)) <= 1.0


def test_bytes_decode_like_the_file(tmp_path):
    path = encode(tmp_path / "clip.flac", tone(1.0, 22_050), 22_050, "flac")
    from_file, from_bytes = decode(path), decode(path.read_bytes())
    assert np.allclose(from_file, from_bytes)


def test_resample_keeps_duration_and_pitch():
    out = resample(tone(2.0, 24_000), 24_000, SAMPLE_RATE)
    assert len(out) == 2 * SAMPLE_RATE
    assert abs(dominant_frequency(out) - 440.0) < 2.0


def test_empty_audio_is_refused(tmp_path):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        decode(empty)
    with pytest.raises(InputError, match="empty"):
        decode(b"")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        decode(tmp_path / "nope.wav")


def test_not_audio_is_refused(tmp_path):
    text = tmp_path / "notes.wav"
    text.write_text("this is a shopping list, not a recording\n" * 20)
    with pytest.raises(InputError, match="not audio"):
        decode(text)
    png = tmp_path / "image.mp3"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError):
        decode(png)


def test_truncated_audio_gives_what_is_there_or_a_sentence(tmp_path):
    path = encode(tmp_path / "clip.flac", tone(3.0, 16_000), 16_000, "flac")
    cut = tmp_path / "cut.flac"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    samples = decode(cut)  # the first half decodes; the rest is simply missing
    assert 0.5 * SAMPLE_RATE < len(samples) < 3.0 * SAMPLE_RATE
    header_only = tmp_path / "header.wav"
    header_only.write_bytes(path.read_bytes()[:20])
    with pytest.raises(InputError):
        decode(header_only)


def wav_header(frames: int, rate: int = 8000, width: int = 1) -> bytes:
    data = frames * width
    return (b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * width,
                                                                              width, 8 * width)
            + b"data" + struct.pack("<I", data))


def test_two_hour_recording_is_refused_without_decoding_it(tmp_path):
    path = tmp_path / "two-hours.wav"
    frames = 2 * 3600 * 8000  # 8 kHz, 8-bit mono: 57.6 MB of samples
    with open(path, "wb") as handle:
        handle.write(wav_header(frames))
        handle.truncate(44 + frames)  # a sparse file: two hours long, almost no disk
    start = time.perf_counter()
    with pytest.raises(InputError, match="longer than"):
        decode(path)
    assert time.perf_counter() - start < 30  # refused from the header, not after decoding it all


def test_long_audio_without_a_duration_stops_at_the_limit(tmp_path):
    path = tmp_path / "lying.wav"
    with open(path, "wb") as handle:  # the header claims 1 s, the file holds 20 s
        handle.write(wav_header(8000))
        handle.write(b"\x80" * 20 * 8000)
    samples = decode(path, max_seconds=60)
    assert len(samples) <= 21 * SAMPLE_RATE
    with pytest.raises(InputError, match="longer than"):
        decode(tone_wav(tmp_path / "long.wav", 130.0), max_seconds=60)


def tone_wav(path, seconds: float):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes((tone(seconds, 8000) * 32767).astype("<i2").tobytes())
    return path


def test_audio_save_writes_16_bit_pcm(tmp_path):
    audio = Audio(tone(0.5, 22_050), 22_050)
    path = audio.save(tmp_path / "out" / "x.wav")
    with wave.open(str(path)) as wav:
        assert (wav.getsampwidth(), wav.getnchannels(), wav.getframerate()) == (2, 1, 22_050)
        assert wav.getnframes() == len(audio.samples)
    assert audio.seconds == pytest.approx(0.5, abs=1e-3)


def test_concatenate_resamples_and_pauses():
    joined = Audio.concatenate([Audio(tone(1.0, 16_000), 16_000), Audio(tone(1.0, 8_000), 8_000)], pause=0.5)
    assert joined.sample_rate == 16_000
    assert joined.seconds == pytest.approx(2.5, abs=0.01)


def test_median_pitch_finds_the_fundamental_and_ignores_silence():
    from voices.audio import median_pitch

    rate = 24_000
    for freq in (95.0, 184.0, 232.0):
        voiced = tone(0.5, rate, freq) + 0.3 * tone(0.5, rate, 2 * freq)  # a harmonic does not fool it
        samples = np.concatenate([np.zeros(rate // 4, np.float32), voiced, np.zeros(rate // 4, np.float32)])
        assert abs(median_pitch(samples, rate) - freq) < 0.03 * freq
    assert np.isnan(median_pitch(np.zeros(rate, np.float32), rate))
    noise = np.random.default_rng(0).uniform(-0.5, 0.5, rate).astype(np.float32)
    assert np.isnan(median_pitch(noise, rate))  # no periodic frames
