"""Running a command-line synthesiser with a timeout and reading back its WAV."""
from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

from kernel.errors import AssistantError, EnvironmentProblem

from ..audio import Audio

log = logging.getLogger(__name__)


def require(program: str, package: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise EnvironmentProblem(f"The voice needs the program '{program}': run `apt-get install -y {package}`.")
    return path


def read_wav(path: Path) -> Audio:
    with wave.open(str(path), "rb") as wav:
        rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
        raw = wav.readframes(wav.getnframes())
    if width != 2:
        raise AssistantError(f"Unexpected {8 * width}-bit audio from a synthesiser.")
    samples = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return Audio(samples, rate)


def run_to_wav(args: list[str], out_flag_index: int | None = None, stdin: str | None = None,
               timeout: float = 60.0) -> Audio:
    """Run ``args`` where the placeholder ``{wav}`` names the output file, and read that file."""
    with tempfile.TemporaryDirectory(prefix="voices-") as folder:
        wav = Path(folder) / "out.wav"
        argv = [a.replace("{wav}", str(wav)) for a in args]
        try:
            proc = subprocess.run(argv, input=stdin.encode("utf-8") if stdin is not None else None,
                                  capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise AssistantError(f"The synthesiser '{Path(args[0]).name}' took longer than {timeout:.0f} s.") from None
        if proc.returncode != 0 or not wav.is_file():
            log.warning("%s failed: %s", argv[0], proc.stderr.decode("utf-8", "replace")[-500:])
            raise AssistantError(f"The synthesiser '{Path(args[0]).name}' failed (exit {proc.returncode}).")
        return read_wav(wav)
