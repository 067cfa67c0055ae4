"""espeak-ng (Debian ``espeak-ng``): Korean and English, with voice variants, rate and pitch."""
from __future__ import annotations

from ..audio import Audio
from ..catalog import Voice
from ..korean import pronounce
from ._process import require, run_to_wav


class Engine:
    """Runs ``espeak-ng -v MODEL+VARIANT -s RATE -p PITCH -g GAP``; text goes in on standard input.
    Catalog options: ``rate`` (words per minute at speed 1), ``pitch`` (0-99), ``gap`` (pause between
    words, 10 ms units) and, for Korean, ``respell`` (apply :func:`voices.korean.pronounce` first)."""

    def __init__(self):
        self.program = require("espeak-ng", "espeak-ng")

    def synthesize(self, text: str, voice: Voice, speed: float = 1.0) -> Audio:
        options = voice.options
        if voice.language == "ko" and options.get("respell"):
            text = pronounce(text)  # espeak-ng reads Hangul as spelled; say it as pronounced
        name = voice.model + (f"+{voice.speaker}" if voice.speaker else "")
        rate = int(round(float(options.get("rate", 160)) * speed))
        args = [self.program, "-v", name, "-s", str(max(80, min(rate, 450))),
                "-p", str(int(options.get("pitch", 50))), "-g", str(int(options.get("gap", 0))),
                "-w", "{wav}", "--stdin"]
        return run_to_wav(args, stdin=text)
