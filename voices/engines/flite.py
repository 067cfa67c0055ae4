"""flite (Debian ``flite``): English voices kal (diphone, 8 kHz), awb, rms and slt (16 kHz)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..audio import Audio
from ..catalog import Voice
from ._process import require, run_to_wav


class Engine:
    """Runs ``flite -voice MODEL -f TEXTFILE -o WAV``; speed stretches durations (1/speed)."""

    def __init__(self):
        self.program = require("flite", "flite")

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        with tempfile.TemporaryDirectory(prefix="voices-flite-") as folder:
            text_file = Path(folder) / "text.txt"
            text_file.write_text(text, encoding="utf-8")
            args = [self.program, "-voice", voice.model, "--setf", f"duration_stretch={1.0 / speed:.3f}",
                    "-f", str(text_file), "-o", "{wav}"]
            return run_to_wav(args)
