"""The bad-input matrix (issue 8): every entry point × every class of bad input.

Entry points: the Python API (``Assistant.respond``, ``transcribe``, ``read_screenshot``, ``speak``,
``history``, ``confirm_record``), the console script (a real subprocess) and the running app's API
(``gradio_client`` on loopback). Each row of the three tables below is one (entry point, input) pair and
what it must give: one clear sentence (InputError in Python, ``{"error"}`` from the app, exit 2 from the
CLI) or a bounded result. Every row is also run under a hang guard, with its memory growth measured, and
checks that nothing stored before is lost. The limits are listed in docs/operations.md ("Bad input").

Cases already covered elsewhere are not repeated: tests/test_inputs.py and test_properties.py (the text
and session-id checks themselves), test_assistant.py (respond: "", 10,001 characters, BEL, session "" and
"a\\nb", lang "fr", broken bytes, silent/junk audio, unknown voice, notes.png, b""), test_cli.py (ask:
empty, 10,001, 3 MB stdin, bad UTF-8 stdin and argv, BEL, long session, bad --lang), test_ocr_inputs.py
(ocr: text as .png, 0 bytes, truncated PNG, 20000² bomb, animated GIF), test_voices_audio.py (decode:
formats, empty, missing, not audio, truncated FLAC, 2-hour WAV, lying header) and test_app.py.
"""
from __future__ import annotations

import io
import json
import os
import re
import struct
import subprocess
import tempfile
import threading
import time
import wave
import zlib
from pathlib import Path
from typing import Any, Callable, NamedTuple

import numpy as np
import pytest

from kernel.errors import InputError
from conftest import VENV_BIN, free_port

HANG_SECONDS = 120
"""A call that has not returned after this long counts as a hang (a guard, not a benchmark)."""
MAX_GROWTH_MB = 300
"""Largest memory growth allowed while one bad input is handled (in-process calls)."""
MAX_CLI_RSS_MB = 600
"""Largest peak memory of one `assistant` process handling a bad input (imports included)."""


# ---- the bad files ----------------------------------------------------------------------------------
def _png(width: int, height: int, bit_depth: int, color_type: int, fill: int) -> bytes:
    """A valid PNG of one colour, compressed row by row, so a picture that decodes to gigabytes is made
    in a few MB of memory."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    channels = {0: 1, 2: 3}[color_type]
    row = b"\0" + bytes([fill]) * ((width * channels * bit_depth + 7) // 8)
    packer, idat = zlib.compressobj(9), []
    for _ in range(height):
        idat.append(packer.compress(row))
    idat.append(packer.flush())
    header = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(idat)) + chunk(b"IEND", b"")


def _declared_png(width: int, height: int) -> bytes:
    """A 70-byte PNG whose header claims ``width`` x ``height`` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def _wav(samples: np.ndarray, rate: int = 16_000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return out.getvalue()


def _wav_header(frames: int, rate: int = 8_000) -> bytes:
    """The header of an 8-bit mono WAV of ``frames`` samples."""
    return (b"RIFF" + struct.pack("<I", 36 + frames) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate, 1, 8) + b"data" + struct.pack("<I", frames))


def _repeated_stream(path: Path, codec: str, fmt: str, seconds: float, rate: int, seekable: bool = True) -> Path:
    """``seconds`` of noise in ``fmt``, made by encoding one second and muxing its packets again and again
    (three hours in under a second). Unseekable output leaves the duration out of a WebM header, as a
    browser's MediaRecorder does."""
    import av

    class Sink(io.RawIOBase):
        def __init__(self):
            self.data = bytearray()

        def writable(self):
            return True

        def write(self, b):
            self.data += b
            return len(b)

    sink = Sink() if not seekable else None
    noise = (0.1 * np.random.default_rng(0).standard_normal(rate)).astype(np.float32)
    with av.open(sink if sink is not None else str(path), "w", format=fmt) as container:
        stream = container.add_stream(codec, rate=rate, layout="mono")
        stream.bit_rate = 8_000
        frame = av.AudioFrame.from_ndarray(noise[None, :], format="flt", layout="mono")
        frame.sample_rate, frame.pts = rate, 0
        packets = [p for p in (list(stream.encode(frame)) + list(stream.encode(None))) if p.duration]
        step, body = packets[0].duration, packets[1:-1]
        for i in range(int(seconds * rate / step)):
            packet = body[i % len(body)]
            packet.pts = packet.dts = i * step
            container.mux(packet)
    if sink is not None:
        path.write_bytes(bytes(sink.data))
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """Every bad file of the matrix, made once (about 2 s; the three-hour ones are sparse or repeated)."""
    import av  # noqa: F401 - PyAV comes with faster-whisper
    from PIL import Image

    d = tmp_path_factory.mktemp("bad-files")
    f: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        f[name] = d / name
        f[name].write_bytes(data)

    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(buf, format="PNG")
    png = buf.getvalue()
    buf = io.BytesIO()
    Image.effect_noise((800, 600), 40).convert("RGB").save(buf, format="JPEG")
    jpeg = buf.getvalue()
    tone = _wav(0.3 * np.sin(2 * np.pi * 440 * np.arange(2 * 16_000) / 16_000))
    put("pdf.png", b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n")
    put("empty.png", b"")
    put("empty.wav", b"")
    put("cut.jpg", jpeg[: len(jpeg) // 2])
    put("audio.png", tone)  # a WAV named .png
    put("image.wav", png)  # a PNG named .wav
    put("text.wav", b"a shopping list, not a recording\n" * 20)
    put("junk.wav", np.random.default_rng(1).integers(0, 256, 100_000, dtype=np.uint8).tobytes())
    put("cut.wav", tone[: len(tone) // 2])
    put("silence.wav", _wav(np.zeros(3 * 16_000)))
    put("bomb.png", _png(30_000, 30_000, 1, 0, 0))  # 110 KB on disk, 900 megapixels decoded
    put("declared.png", _declared_png(1_000_000, 1_000_000))  # a header claiming a trillion pixels
    put("big.png", _png(8_000, 5_000, 8, 2, 255))  # 40 megapixels: inside the limit, 120 MB decoded
    put("tone-3min.wav", _wav_header(3 * 60 * 8_000) + bytes([128]) * (3 * 60 * 8_000))
    f["3h-silence.wav"] = d / "3h-silence.wav"
    with open(f["3h-silence.wav"], "wb") as handle:  # a sparse file: three hours long, no disk
        handle.write(_wav_header(3 * 3600 * 8_000))
        handle.truncate(44 + 3 * 3600 * 8_000)
    f["3h-noise.mp3"] = _repeated_stream(d / "3h-noise.mp3", "libmp3lame", "mp3", 3 * 3600, 16_000)
    f["3h-noise.webm"] = _repeated_stream(d / "3h-noise.webm", "libopus", "webm", 3 * 3600, 48_000, seekable=False)
    put("3h-noise.ogg", f["3h-noise.webm"].read_bytes())  # the same stream under a name browsers upload
    mp3 = io.BytesIO()
    with av.open(mp3, "w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=16_000, layout="mono")
        samples = (0.3 * np.sin(2 * np.pi * 440 * np.arange(3 * 16_000) / 16_000)).astype(np.float32)
        for start in range(0, len(samples), 1152):
            frame = av.AudioFrame.from_ndarray(samples[None, start:start + 1152].copy(), format="fltp", layout="mono")
            frame.sample_rate = 16_000
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    put("cut.mp3", mp3.getvalue()[: len(mp3.getvalue()) // 2])
    put("latin1.txt", "café résumé, équipe gagnée".encode("latin-1"))
    put("latin1.csv", "text,intent\ncafé,a\n".encode("latin-1"))
    put("pdf.csv", b"%PDF-1.4\n\x00\x01\x02 binary")
    put("huge.csv", b"text,intent\n" + b"x" * 10_000_000 + b",a\n")
    return f


# ---- what a row expects -------------------------------------------------------------------------------
class Err(NamedTuple):
    """One sentence matching ``words`` (a regular expression)."""

    words: str


class Ok(NamedTuple):
    """A bounded result for which ``check(result, context)`` holds."""

    check: Callable[[Any, Any], bool]


def _one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message and len(message) < 400, message


def _rss_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def bounded(fn: Callable[[], Any], timeout: float = HANG_SECONDS) -> tuple[dict, float]:
    """Run ``fn`` in a thread; return ({"value"} or {"error"}, growth of the resident memory in MB,
    sampled every 10 ms). Fails when it does not return within ``timeout`` seconds."""
    box: dict = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as err:  # noqa: BLE001 - handed to the test
            box["error"] = err

    start = peak = _rss_mb()
    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    deadline = time.monotonic() + timeout
    while worker.is_alive() and time.monotonic() < deadline:
        worker.join(0.01)
        peak = max(peak, _rss_mb())
    assert not worker.is_alive(), f"no answer within {timeout} s: a hang"
    return box, peak - start


def _expect(box: dict, growth: float, expect: Err | Ok, context=None) -> None:
    assert growth < MAX_GROWTH_MB, f"memory grew by {growth:.0f} MB"
    if isinstance(expect, Err):
        err = box.get("error")
        assert isinstance(err, InputError), f"expected InputError, got {box}"
        _one_sentence(str(err))
        assert re.search(expect.words, str(err)), str(err)
    else:
        assert "error" not in box, f"expected a bounded result, got {box['error']!r}"
        assert expect.check(box["value"], context), box["value"]


# ---- 1. the Python API ---------------------------------------------------------------------------
KEEP = "bad-inputs-keep"
TEN_MB = 10 * 1024 * 1024


def _stored_under_its_own_id(session: str):
    def check(reply, bot) -> bool:
        turns = bot.history(session)
        return reply.session == session and len(turns) == 1 and turns[0].id == reply.turn_id
    return check


API = [
    # respond(text)
    ("respond", "whitespace only", lambda b, f: b.respond(" \t\n\u3000 ", session=KEEP), Err("empty")),
    ("respond", "10 MB of text", lambda b, f: b.respond("x" * TEN_MB, session=KEEP), Err("10,485,760 characters")),
    ("respond", "10 MB of binary bytes", lambda b, f: b.respond(os.urandom(TEN_MB), session=KEEP), Err("bytes long")),
    ("respond", "binary bytes", lambda b, f: b.respond(bytes(range(256)), session=KEEP), Err("UTF-8")),
    ("respond", "NUL byte", lambda b, f: b.respond("check\x00in", session=KEEP), Err("U\\+0000")),
    ("respond", "lone surrogate", lambda b, f: b.respond("체크인\udc80", session=KEEP), Err("UTF-8")),
    ("respond", "latin-1 bytes", lambda b, f: b.respond(f["latin1.txt"].read_bytes(), session=KEEP), Err("UTF-8")),
    ("respond", "not text (a list)", lambda b, f: b.respond(["hi"], session=KEEP), Err("string, not list")),
    # respond(session=...)
    ("respond", "session 10k chars", lambda b, f: b.respond("hi", session="s" * 10_000), Err("1 to 128")),
    ("respond", "session with ESC", lambda b, f: b.respond("hi", session="a\x1b[31m"), Err("printable")),
    ("respond", "session not a string", lambda b, f: b.respond("hi", session=12345), Err("string, not int")),
    ("respond", "session None", lambda b, f: b.respond("hi", session=None), Err("string, not NoneType")),
    ("respond", "session path-like", lambda b, f: b.respond("hi", session="../../x"),
     Ok(_stored_under_its_own_id("../../x"))),
    ("respond", "session SQL-ish", lambda b, f: b.respond("hi", session="x'); DROP TABLE turns;--"),
     Ok(_stored_under_its_own_id("x'); DROP TABLE turns;--"))),
    # respond options
    ("respond", "voice not a string", lambda b, f: b.respond("hi", session=KEEP, speak=True, voice=7), Err("voice id")),
    ("respond", "voice 10k chars", lambda b, f: b.respond("hi", session=KEEP, voice="v" * 10_000), Err("voice id")),
    ("respond", "speed NaN", lambda b, f: b.respond("hi", session=KEEP, speak=True, speed=float("nan")), Err("speed")),
    ("respond", "speed negative", lambda b, f: b.respond("hi", session=KEEP, speak=True, speed=-1), Err("speed")),
    ("respond", "speed huge", lambda b, f: b.respond("hi", session=KEEP, speak=True, speed=1e308), Err("speed")),
    ("respond", "speed text", lambda b, f: b.respond("hi", session=KEEP, speak=True, speed="fast"), Err("speed")),
    ("respond", "lang not a string", lambda b, f: b.respond("hi", session=KEEP, lang=["ko"]), Err("'ko' or 'en'")),
    # respond(image=...)
    ("respond image", "PDF named .png", lambda b, f: b.respond(image=f["pdf.png"], session=KEEP), Err("not an image")),
    ("respond image", "WAV named .png", lambda b, f: b.respond(image=f["audio.png"], session=KEEP), Err("not an image")),
    ("respond image", "0-byte file", lambda b, f: b.respond(image=f["empty.png"], session=KEEP), Err("empty")),
    ("respond image", "truncated JPEG", lambda b, f: b.respond(image=f["cut.jpg"], session=KEEP), Err("truncated")),
    ("respond image", "30000x30000 PNG bomb", lambda b, f: b.respond(image=f["bomb.png"], session=KEEP),
     Err("too large|pixels")),
    ("respond image", "declared 10^6 x 10^6", lambda b, f: b.respond(image=f["declared.png"], session=KEEP),
     Err("too large|pixels")),
    ("respond image", "bytes of a PDF", lambda b, f: b.respond(image=f["pdf.png"].read_bytes(), session=KEEP),
     Err("not an image")),
    ("respond image", "not a path (int)", lambda b, f: b.respond(image=42, session=KEEP), Err("file path")),
    ("respond image", "path 10k chars", lambda b, f: b.respond(image="p" * 10_000, session=KEEP), Err("cannot be read")),
    ("respond image", "a folder", lambda b, f: b.respond(image=f["pdf.png"].parent, session=KEEP), Err("not a file")),
    # respond(audio=...)
    ("respond audio", "PNG named .wav", lambda b, f: b.respond(audio=f["image.wav"], session=KEEP), Err("no audio")),
    ("respond audio", "text named .wav", lambda b, f: b.respond(audio=f["text.wav"], session=KEEP), Err("not audio")),
    ("respond audio", "random bytes", lambda b, f: b.respond(audio=f["junk.wav"].read_bytes(), session=KEEP),
     Err("not audio")),
    ("respond audio", "0-byte file", lambda b, f: b.respond(audio=f["empty.wav"], session=KEEP), Err("empty")),
    ("respond audio", "WAV cut in half", lambda b, f: b.respond(audio=f["cut.wav"], session=KEEP), Err("No speech")),
    ("respond audio", "MP3 cut in half", lambda b, f: b.respond(audio=f["cut.mp3"], session=KEEP), Err("No speech")),
    ("respond audio", "3 min (over the question cap)", lambda b, f: b.respond(audio=f["tone-3min.wav"], session=KEEP),
     Err("longer than 2 minutes")),
    ("respond audio", "3 h silent WAV", lambda b, f: b.respond(audio=f["3h-silence.wav"], session=KEEP),
     Err("longer than 2 minutes")),
    ("respond audio", "3 h noise MP3", lambda b, f: b.respond(audio=f["3h-noise.mp3"], session=KEEP),
     Err("longer than 2 minutes")),
    ("respond audio", "3 h WebM, no duration", lambda b, f: b.respond(audio=f["3h-noise.webm"], session=KEEP),
     Err("longer than 2 minutes")),
    ("respond audio", "not a path (float)", lambda b, f: b.respond(audio=1.5, session=KEEP), Err("file path or bytes")),
    # transcribe / read_screenshot / speak / history
    ("transcribe", "3 h WebM, no duration", lambda b, f: b.transcribe(f["3h-noise.webm"]), Err("longer than")),
    ("transcribe", "language 'fr'", lambda b, f: b.transcribe(f["silence.wav"], language="fr"), Err("'ko' or 'en'")),
    ("transcribe", "None", lambda b, f: b.transcribe(None), Err("file path or bytes")),
    ("read_screenshot", "40 megapixels (in limit)", lambda b, f: b.read_screenshot(f["big.png"]), Err("No match result")),
    ("read_screenshot", "language 'fr'", lambda b, f: b.read_screenshot(f["pdf.png"], "fr"), Err("'ko' or 'en'")),
    ("read_screenshot", "None", lambda b, f: b.read_screenshot(None), Err("file path")),
    ("speak", "language 'fr'", lambda b, f: b.speak("hello", "fr"), Err("'ko' or 'en'")),
    ("speak", "voice not a string", lambda b, f: b.speak("hello", "en", voice=3), Err("voice id")),
    ("speak", "unknown voice", lambda b, f: b.speak("hello", "en", voice="en-nobody"), Err("no voice")),
    ("speak", "speed NaN", lambda b, f: b.speak("hello", "en", speed=float("nan")), Err("speed")),
    ("speak", "lone surrogate", lambda b, f: b.speak("hello \udc80", "en"), Err("UTF-8")),
    ("speak", "NUL byte", lambda b, f: b.speak("hel\x00lo", "en"), Err("U\\+0000")),
    ("speak", "10 MB of text", lambda b, f: b.speak("x" * TEN_MB, "en"), Err("limit")),
    ("history", "session 10k chars", lambda b, f: b.history("s" * 10_000), Err("1 to 128")),
    ("history", "session not a string", lambda b, f: b.history(["a"]), Err("string, not list")),
    ("history", "session with control char", lambda b, f: b.history("a\x07"), Err("printable")),
    ("history", "unknown session", lambda b, f: b.history("never-seen"), Ok(lambda turns, _: turns == [])),
]


@pytest.fixture(scope="module")
def ocr_loaded() -> None:
    """The OCR models loaded once before any case, so a case's memory growth is its own input's, not
    the one-time model load (measured apart: benchmarks/ocr.py)."""
    from ocr.reader import load_engines

    load_engines()


@pytest.fixture(scope="module")
def kept(shared_bot) -> list:
    """A session with one stored turn that no bad input may change."""
    if not shared_bot.history(KEEP):
        shared_bot.respond("How do I check in?", session=KEEP)
    return shared_bot.history(KEEP)


@pytest.mark.slow
@pytest.mark.parametrize("entry, case, call, expect", API, ids=[f"{e}: {c}" for e, c, _, _ in API])
def test_python_api(shared_bot, files, kept, ocr_loaded, entry, case, call, expect):
    box, growth = bounded(lambda: call(shared_bot, files))
    _expect(box, growth, expect, shared_bot)
    assert shared_bot.history(KEEP) == kept  # nothing stored is lost, nothing half-stored added


# confirm_record: a session with a pending screenshot reading; after each bad call nothing is recorded
# and the reading itself can still be recorded, once.
GOOD_RECORD = {"format": "versus", "teams": [{"name": "Alpha", "placement": 1, "score": 2, "kills": 10},
                                             {"name": "Beta", "placement": 2, "score": 1, "kills": 8}],
               "players": [{"nickname": "ace", "team": "Alpha", "kills": 5, "deaths": 1, "assists": 2}],
               "map": None, "stage": None, "confidence": 0.9, "engine": "tesseract", "warnings": []}


def _record(**changes) -> dict:
    record = json.loads(json.dumps(GOOD_RECORD))
    for path, value in changes.items():
        target = record
        *parts, last = path.split("__")
        for part in parts:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return record


CONFIRM = [
    ("no pending reading", {"session": "someone-else"}, Err("no screenshot reading")),
    ("session ''", {"session": ""}, Err("session id")),
    ("empty dict", {"record": {}}, Err("format")),
    ("a list", {"record": [GOOD_RECORD]}, Err("must be a dict, not list")),
    ("team name not text", {"record": _record(teams__0__name=5)}, Err("must be text")),
    ("team name 1 MB", {"record": _record(teams__0__name="A" * 1_000_000)}, Err("limit is 100")),
    ("team name with NUL", {"record": _record(teams__0__name="Al\x00pha")}, Err("printable")),
    ("score text", {"record": _record(teams__0__score="abc")}, Err("whole number")),
    ("score 10^30", {"record": _record(teams__0__score=10**30)}, Err("whole number")),
    ("kills negative", {"record": _record(players__0__kills=-5)}, Err("whole number")),
    ("kills NaN", {"record": _record(players__0__kills=float("nan"))}, Err("whole number")),
    ("kills a list", {"record": _record(players__0__kills=[1])}, Err("whole number")),
    ("player rows not dicts", {"record": _record(players=[1, 2])}, Err("must be a dict")),
    ("100k players", {"record": _record(players=[{"nickname": f"p{i}"} for i in range(100_000)])},
     Err("at most 1000")),
    ("fields junk", {"record": _record(fields=5)}, Err("malformed")),
    ("unknown tournament id", {"tournament": 99_999}, Err("no tournament with id 99999")),
    ("tournament id 10^30", {"tournament": 10**30}, Err("whole number")),
    ("tournament True", {"tournament": True}, Err("whole number")),
    ("tournament a list", {"tournament": [1]}, Err("whole number")),
    ("tournament ''", {"tournament": ""}, Err("empty")),
    ("tournament 1,000 chars", {"tournament": "T" * 1_000}, Err("limit is 200")),
    ("tournament with surrogate", {"tournament": "Cup \udc80"}, Err("printable")),
    ("stage not text", {"stage": 5}, Err("must be text")),
    ("map 1,000 chars", {"map": "m" * 1_000}, Err("limit is 100")),
    ("no tournament in an empty database", {"tournament": None}, Err("Name the tournament")),
    ("unknown tournament name", {"tournament": "Brand New Cup"}, Ok(lambda match_id, _: match_id == 1)),
]


@pytest.mark.parametrize("case, kwargs, expect", CONFIRM, ids=[c for c, _, _ in CONFIRM])
def test_python_api_confirm_record(bot, case, kwargs, expect):
    import sqlalchemy as sa

    from matchdata import schema as matchdb
    from assistant.reply import Reply

    bot.sessions.append("shot", None, Reply(text="read", language="en", kind="ocr", confidence=0.9,
                                            record=GOOD_RECORD, meta={"handler": "ocr", "image_sha256": "a" * 64,
                                                                      "record": GOOD_RECORD}), input_kind="image")
    kwargs = {"session": "shot", "tournament": "Cup", **kwargs}
    box, growth = bounded(lambda: bot.confirm_record(**kwargs))
    _expect(box, growth, expect)
    if isinstance(expect, Err):
        engine = sa.create_engine(bot.config.resolved_match_db_url)
        with engine.connect() as conn:
            tables = sa.inspect(conn).get_table_names()
            assert "matches" not in tables or conn.execute(sa.select(sa.func.count()).select_from(matchdb.matches)).scalar() == 0
        engine.dispose()
        assert bot.confirm_record("shot", tournament="Cup") == 1  # the reading is still there, recorded once
        with pytest.raises(InputError, match="already recorded"):
            bot.confirm_record("shot", tournament="Cup")


# ---- 2. the console script -----------------------------------------------------------------------
EXE = str(VENV_BIN / "assistant")


def _vm_hwm_mb(pid: int) -> float | None:
    """The process's resident-memory high-water mark (VmHWM). Unlike ``ru_maxrss`` it belongs to the
    process's own memory map, so it does not include the parent's memory inherited through fork."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def run_cli(args: list, env: dict, stdin: bytes = b"", timeout: float = HANG_SECONDS) -> tuple[int, bytes, bytes, float]:
    """Run `assistant ARGS` with ``stdin``; (exit status, stdout, stderr, peak memory in MB of the process,
    sampled every 10 ms until it exits)."""
    with tempfile.TemporaryFile() as fin, tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        fin.write(stdin)
        fin.seek(0)
        proc = subprocess.Popen([EXE, *args], stdin=fin, stdout=fout, stderr=ferr, env=env)
        deadline, peak = time.monotonic() + timeout, 0.0
        while proc.poll() is None:
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                raise AssertionError(f"`assistant {' '.join(map(str, args))[:80]}` did not finish within {timeout} s")
            peak = max(peak, _vm_hwm_mb(proc.pid) or 0.0)
            time.sleep(0.01)
        code = proc.returncode
        fout.seek(0)
        ferr.seek(0)
        return code, fout.read(), ferr.read(), peak


def _p(name: str) -> Callable[[dict, Path], str]:
    return lambda f, tmp: str(f[name])


SAY = ["say", "hello", "--voice", "en-flite-slt", "--out", lambda f, tmp: str(tmp / "out.wav")]
CLI = [
    # ask (text on standard input and session ids; argv cases are in test_cli.py)
    ("ask", "stdin latin-1 file", ["ask", "-"], lambda f: f["latin1.txt"].read_bytes(), Err("not valid UTF-8")),
    ("ask", "stdin NUL byte", ["ask", "-"], b"check\x00in", Err("U\\+0000")),
    ("ask", "stdin 10 MB", ["ask", "-"], b"y" * TEN_MB, Err("longer than the limit")),
    ("ask", "session with ESC", ["ask", "--session", "a\x1bb", "hi"], b"", Err("printable")),
    # ocr
    ("ocr", "PDF named .png", ["ocr", _p("pdf.png")], b"", Err("not an image")),
    ("ocr", "WAV named .png", ["ocr", _p("audio.png")], b"", Err("not an image")),
    ("ocr", "30000x30000 PNG bomb", ["ocr", _p("bomb.png")], b"", Err("too large|pixels")),
    ("ocr", "declared 10^6 x 10^6", ["ocr", _p("declared.png")], b"", Err("too large|pixels")),
    ("ocr", "path 10k chars", ["ocr", "p" * 10_000], b"", Err("cannot be read")),
    ("ocr", "non-UTF-8 file name", ["ocr", lambda f, tmp: os.fsdecode(bytes(tmp) + b"/caf\xe9.png")], b"",
     Err("does not exist")),
    # transcribe
    ("transcribe", "PNG named .wav", ["transcribe", _p("image.wav")], b"", Err("no audio")),
    ("transcribe", "3 h silent WAV", ["transcribe", _p("3h-silence.wav")], b"", Err("longer than 15 minutes")),
    ("transcribe", "3 h WebM, no duration", ["transcribe", _p("3h-noise.webm")], b"", Err("longer than 15 minutes")),
    ("transcribe", "MP3 cut in half", ["transcribe", _p("cut.mp3")], b"", Ok(lambda out, _: out["text"] == "")),
    ("transcribe", "path 10k chars", ["transcribe", "p" * 10_000], b"", Err("cannot be read")),
    # say
    ("say", "non-UTF-8 argument", ["say", os.fsdecode(b"caf\xe9"), *SAY[2:]], b"", Err("not valid UTF-8")),
    ("say", "stdin latin-1 file", ["say", "-", *SAY[2:]], lambda f: f["latin1.txt"].read_bytes(), Err("UTF-8")),
    ("say", "speed NaN", [*SAY, "--speed", "nan"], b"", Err("speed")),
    ("say", "speed negative", [*SAY, "--speed", "-1"], b"", Err("speed")),
    ("say", "voice ''", ["say", "hello", "--voice", "", "--out", lambda f, tmp: str(tmp / "o.wav")], b"",
     Err("no voice")),
    ("say", "unwritable --out", ["say", "hello", "--voice", "en-flite-slt", "--out", "/proc/x.wav"], b"",
     Err("Cannot write")),
    # sql
    ("sql", "stdin latin-1 file", ["sql", "-"], lambda f: f["latin1.txt"].read_bytes(), Err("UTF-8")),
    ("sql", "stdin NUL byte", ["sql", "-"], b"how many\x00 wins", Err("U\\+0000")),
    ("sql", "--db a PDF", ["sql", "--db", lambda f, tmp: f"sqlite:///{f['pdf.png']}", "how many wins did Alpha get"],
     b"", Err("could not|not a database")),
    # intents eval
    ("intents eval", "latin-1 CSV", ["intents", "eval", "--train", _p("latin1.csv"), "--test", _p("latin1.csv")], b"",
     Err("UTF-8")),
    ("intents eval", "PDF as CSV", ["intents", "eval", "--train", _p("pdf.csv"), "--test", _p("pdf.csv")], b"",
     Err("header")),
    ("intents eval", "10 MB field", ["intents", "eval", "--train", _p("huge.csv"), "--test", _p("huge.csv")], b"",
     Err("not valid CSV")),
    ("intents eval", "a folder", ["intents", "eval", "--train", lambda f, tmp: str(tmp), "--test",
                                  lambda f, tmp: str(tmp)], b"", Err("does not exist")),
]


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory, model_cache) -> dict:
    env = dict(os.environ, ASSISTANT_HOME=str(tmp_path_factory.mktemp("cli-home")), ASSISTANT_CACHE=str(model_cache))
    env.pop("ASSISTANT_DEBUG", None)
    return env


@pytest.mark.parametrize("entry, case, args, stdin, expect", CLI, ids=[f"{e}: {c}" for e, c, *_ in CLI])
def test_cli(files, cli_env, tmp_path, entry, case, args, stdin, expect):
    argv = [a(files, tmp_path) if callable(a) else a for a in args] + ["--json"]
    code, out, err, peak = run_cli(argv, cli_env, stdin(files) if callable(stdin) else stdin)
    assert b"Traceback" not in err, err.decode("utf-8", "replace")[-2000:]
    lines = [line for line in out.decode("utf-8").splitlines() if line.strip()]
    assert len(lines) == 1, out
    result = json.loads(lines[0])
    assert peak < MAX_CLI_RSS_MB, f"the process peaked at {peak:.0f} MB"
    if isinstance(expect, Err):
        assert code == 2, (code, result)
        _one_sentence(result["error"])
        assert re.search(expect.words, result["error"]), result["error"]
    else:
        assert code == 0, result
        assert expect.check(result, None), result


# ---- 3. the app's API (gradio_client on loopback) ---------------------------------------------------
APP_KEEP = "bad-inputs-app-keep"


@pytest.fixture(scope="module")
def app(shared_bot):
    """The app over the shared assistant, served in this process (as tests/test_app.py does)."""
    from gradio_client import Client

    from app import build_app

    port = free_port()
    demo = build_app(shared_bot)
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    client = Client(f"http://127.0.0.1:{port}/", verbose=False)
    reply = client.predict("How do I check in?", APP_KEEP, api_name="/ask")
    yield client, reply["turn_id"]
    demo.close()


def _message_text(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


def _sentence(api: str, out) -> str | None:
    """The error sentence an endpoint answered with, or None."""
    if isinstance(out, dict):
        return out.get("error")
    if api in ("/chat", "/send"):
        last = _message_text(out[1][-1])
        return last[1:].strip() if last.startswith("⚠") else None
    if api == "/history" and out and str(out[-1].get("content", "")).startswith("⚠"):
        return out[-1]["content"][1:].strip()
    return None


def _upload(name: str):
    from gradio_client import handle_file

    return lambda f, turn: ({"text": "", "files": [handle_file(str(f[name]))]}, [])


GRADIO_REFUSES = "Gradio's own payload validation"
"""Rows where Gradio refuses the payload before any project code runs (malformed component data):
the client gets an AppError, the app keeps serving."""

APP = [
    ("/ask", "10 MB of text", lambda f, turn: ("x" * TEN_MB, APP_KEEP), Err("10,485,760 characters")),
    ("/ask", "NUL byte", lambda f, turn: ("check\x00in", APP_KEEP), Err("U\\+0000")),
    ("/ask", "whitespace only", lambda f, turn: ("\u3000 \n", APP_KEEP), Err("empty")),
    ("/ask", "message not text (a dict)", lambda f, turn: ({"a": 1}, APP_KEEP), Err("string, not dict")),
    ("/ask", "session None", lambda f, turn: ("hi", None), Err("string, not NoneType")),
    ("/ask", "session a number", lambda f, turn: ("hi", 5), Err("string, not int")),
    ("/ask", "session with BEL", lambda f, turn: ("hi", "a\x07b"), Err("printable")),
    ("/ask", "session 10k chars", lambda f, turn: ("hi", "s" * 10_000), Err("1 to 128")),
    ("/ask", "unknown voice", lambda f, turn: ("hi", APP_KEEP, True, "ko-nobody", 1.0), Err("no voice")),
    ("/ask", "voice not a string", lambda f, turn: ("hi", APP_KEEP, True, 5, 1.0), Err("voice id")),
    ("/ask", "speed 'NaN'", lambda f, turn: ("hi", APP_KEEP, True, None, "NaN"), Err("speed")),
    ("/ask", "speed text", lambda f, turn: ("hi", APP_KEEP, True, None, "fast"), Err("speed")),
    ("/ask", "speed None", lambda f, turn: ("hi", APP_KEEP, True, None, None), Err("speed")),
    ("/ask", "speed negative", lambda f, turn: ("hi", APP_KEEP, True, None, -1), Err("speed")),
    ("/ask", "speed huge", lambda f, turn: ("hi", APP_KEEP, True, None, 1e300), Err("speed")),
    ("/chat", "10 MB of text", lambda f, turn: ("x" * TEN_MB, []), Err("10,485,760 characters")),
    ("/chat", "None", lambda f, turn: (None, []), Err("empty")),
    ("/chat", "history not a list", lambda f, turn: ("hi", "not a list"), Err(GRADIO_REFUSES)),
    ("/send", "message not a dict", lambda f, turn: ("hello", []), Err(GRADIO_REFUSES)),
    ("/send", "10 MB of text", lambda f, turn: ({"text": "x" * TEN_MB, "files": []}, []), Err("10,485,760 characters")),
    ("/send", "PDF named .png", _upload("pdf.png"), Err("not an image")),
    ("/send", "WAV named .png", _upload("audio.png"), Err("not an image")),
    ("/send", "PNG named .wav", _upload("image.wav"), Err("no audio")),
    ("/send", "0-byte WAV", _upload("empty.wav"), Err("empty")),
    ("/send", "truncated JPEG", _upload("cut.jpg"), Err("truncated")),
    ("/send", "30000x30000 PNG bomb", _upload("bomb.png"), Err("too large|pixels")),
    ("/send", "declared 10^6 x 10^6", _upload("declared.png"), Err("too large|pixels")),
    ("/send", "silent WAV", _upload("silence.wav"), Err("No speech")),
    ("/send", "3 h noise MP3", _upload("3h-noise.mp3"), Err("longer than 2 minutes")),
    ("/send", "3 h stream, no duration", _upload("3h-noise.ogg"), Err("longer than 2 minutes")),
    ("/send", "a .txt file", _upload("latin1.txt"), Err(GRADIO_REFUSES)),
    ("/history", "session None", lambda f, turn: (None,), Err("string, not NoneType")),
    ("/history", "session 10k chars", lambda f, turn: ("s" * 10_000,), Err("1 to 128")),
    ("/history", "unknown session", lambda f, turn: ("never-seen",), Ok(lambda out, _: out == [])),
    ("/feedback", "value 'meh'", lambda f, turn: (turn, "meh", APP_KEEP), Err("'up' or 'down'")),
    ("/feedback", "value None", lambda f, turn: (turn, None, APP_KEEP), Err("'up' or 'down'")),
    ("/feedback", "turn id text", lambda f, turn: ("abc", "up", APP_KEEP), Err("whole number")),
    ("/feedback", "turn id 1.5", lambda f, turn: (1.5, "up", APP_KEEP), Err("whole number")),
    ("/feedback", "turn id 10^30", lambda f, turn: (10**30, "up", APP_KEEP), Err("whole number")),
    ("/feedback", "turn id -1", lambda f, turn: (-1, "up", APP_KEEP), Err("whole number")),
    ("/feedback", "session None", lambda f, turn: (turn, "up", None), Err("session id")),
    ("/feedback", "another session's turn", lambda f, turn: (turn, "down", "someone-else"), Err("no such reply")),
    ("/feedback", "'' withdraws the vote", lambda f, turn: (turn, "", APP_KEEP), Ok(lambda out, _: out == {"feedback": "none"})),
    ("/confirm_record", "no pending reading", lambda f, turn: (APP_KEEP, None, ""), Err("no screenshot reading")),
    ("/confirm_record", "session None", lambda f, turn: (None, None, ""), Err("session id")),
    ("/confirm_record", "junk record", lambda f, turn: ("app-shot", {"format": "versus", "teams": "x"}, "Cup"),
     Err("must be a list")),
    ("/confirm_record", "score 10^30", lambda f, turn: ("app-shot", _record(teams__0__score=10**30), "Cup"),
     Err("whole number")),
    ("/confirm_record", "tournament 1,000 chars", lambda f, turn: ("app-shot", None, "T" * 1_000), Err("limit is 200")),
    ("/confirm_record", "tournament a list", lambda f, turn: ("app-shot", None, [1]), Err("whole number")),
    ("/voices", "unknown language", lambda f, turn: ("xx",), Ok(lambda out, _: out == [])),
    ("/voices", "language a number", lambda f, turn: (5,), Ok(lambda out, _: out == [])),
]


@pytest.mark.slow
@pytest.mark.parametrize("api, case, args, expect", APP, ids=[f"{a}: {c}" for a, c, _, _ in APP])
def test_app_api(app, shared_bot, files, api, case, args, expect):
    from gradio_client.exceptions import AppError

    from assistant.reply import Reply

    client, turn = app
    if api == "/confirm_record" and not shared_bot.history("app-shot"):  # a pending reading, as after an upload
        shared_bot.sessions.append("app-shot", None, Reply(
            text="read", language="en", kind="ocr", confidence=0.9, record=GOOD_RECORD,
            meta={"handler": "ocr", "image_sha256": "b" * 64, "record": GOOD_RECORD}), input_kind="image")
    kept = shared_bot.history(APP_KEEP)
    box, growth = bounded(lambda: client.predict(*args(files, turn), api_name=api))
    assert growth < MAX_GROWTH_MB, f"memory grew by {growth:.0f} MB"
    if isinstance(expect, Err) and expect.words == GRADIO_REFUSES:
        assert isinstance(box.get("error"), AppError), box
    elif "error" in box:
        raise box["error"]
    else:
        out = box["value"]
        sentence = _sentence(api, out)
        if isinstance(expect, Err):
            assert sentence is not None, out
            _one_sentence(sentence)
            assert re.search(expect.words, sentence), sentence
        else:
            assert sentence is None and expect.check(out, None), out
        if api == "/send":  # a refused turn stores nothing in the conversation it started
            assert shared_bot.history(out[-1]) == []
    assert shared_bot.history(APP_KEEP)[: len(kept)] == kept  # nothing stored is lost
    assert client.predict(APP_KEEP, api_name="/history")[0]["content"] == "How do I check in?"  # still serving
    if api == "/confirm_record":
        assert shared_bot.history("app-shot")[-1].kind == "ocr"  # the reading is still there to confirm
