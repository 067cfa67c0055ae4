"""Sub-commands ``transcribe``, ``say`` and ``voices`` of the ``assistant`` script (CONTRACTS §2).

Nothing heavy is imported at module level, so ``assistant say`` starts fast."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kernel.checks import LANGUAGES


def _transcribe_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("audio", metavar="AUDIO", help="audio file (WAV, FLAC, MP3, OGG, WebM)")
    parser.add_argument("--lang", choices=LANGUAGES, help="the language spoken (default: detect)")


def _transcribe(args: argparse.Namespace) -> dict[str, Any]:
    from . import transcribe

    return transcribe(args.audio, language=args.lang).to_dict()


def _show_transcript(result: dict[str, Any]) -> None:
    print(result["text"])


def _say_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", metavar="TEXT", help="text to speak, or - for standard input")
    parser.add_argument("--voice", required=True, help="voice id (see `assistant voices`)")
    parser.add_argument("--out", required=True, metavar="FILE.wav", help="where to write the WAV")
    parser.add_argument("--speed", type=float, default=1.0, help="0.5 (slow) to 2.0 (fast); default 1.0")


def _say(args: argparse.Namespace) -> dict[str, Any]:
    from kernel.checks import read_text_arg
    from kernel.errors import InputError

    from .catalog import get_voice
    from .tts import synthesize

    voice = get_voice(args.voice)
    text = read_text_arg(args.text)
    out = Path(args.out)
    if out.is_dir():
        raise InputError(f"The output path '{out}' is a folder; please name a .wav file.")
    if not out.parent.exists():
        raise InputError(f"The folder '{out.parent}' does not exist.")
    audio = synthesize(text, voice, speed=args.speed)
    try:
        path = audio.save(out)
    except OSError as err:
        raise InputError(f"Cannot write '{out}': {err.strerror}.") from None
    return {"voice": voice.id, "language": voice.language, "seconds": round(audio.seconds, 2), "path": str(path)}


def _show_say(result: dict[str, Any]) -> None:
    print(f"{result['path']} ({result['seconds']} s, {result['voice']})")


def _voices_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help="only voices of this language")


def _voices(args: argparse.Namespace) -> dict[str, Any]:
    from .catalog import catalog

    return {"voices": [v.to_dict() for v in catalog() if not args.lang or v.language == args.lang]}


def _show_voices(result: dict[str, Any]) -> None:
    for v in result["voices"]:
        print(f"{v['id']:24s} {v['language']}  {v['gender']:6s} {v['engine']}")


COMMANDS = {
    "transcribe": {"add_arguments": _transcribe_args, "run": _transcribe, "show": _show_transcript},
    "say": {"add_arguments": _say_args, "run": _say, "show": _show_say},
    "voices": {"add_arguments": _voices_args, "run": _voices, "show": _show_voices},
}
