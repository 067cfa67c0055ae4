"""Checks on what users send, shared by every entry point so each refuses bad input the same way:
text, session ids, languages, speech rates, names and database ids. Each returns the value cleaned
or raises :class:`~kernel.errors.InputError` with one sentence."""
from __future__ import annotations

import sys
import unicodedata

from .errors import InputError

MAX_TEXT_CHARS = 10_000
"""Longest text accepted from a user (a question, a text to speak), in characters."""
MAX_SESSION_CHARS = 128
LANGUAGES = ("ko", "en")
"""The languages the assistant reads and answers in."""


def check_text(text: object, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Return ``text`` stripped, or raise :class:`InputError` with one sentence saying what is wrong."""
    if text is None:
        raise InputError("Please type a question; the message was empty.")
    if isinstance(text, (bytes, bytearray)):
        if len(text) > 4 * max_chars:  # UTF-8 takes at most 4 bytes a character: too long, whatever it holds
            raise InputError(f"The text is {len(text):,} bytes long; the limit is {max_chars:,} characters, "
                             "so please shorten it.")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"The text is not valid UTF-8 (bad byte at position {err.start}); "
                             "please send UTF-8 text.") from None
    if not isinstance(text, str):
        raise InputError(f"The text must be a string, not {type(text).__name__}.")
    if len(text) > max_chars:  # before looking at each character: a huge text is refused at once
        raise InputError(f"The text is {len(text):,} characters long; the limit is {max_chars:,}, "
                         "so please shorten it.")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise InputError("The text is not valid UTF-8; please send UTF-8 text.")
    for ch in text:
        if ch not in "\t\n\r" and unicodedata.category(ch) == "Cc":
            raise InputError(f"The text contains a control character (U+{ord(ch):04X}); "
                             "please remove it and try again.")
    text = text.strip()
    if not text:
        raise InputError("Please type a question; the message was empty.")
    return text


def check_session_id(session: object) -> str:
    """Return a valid session id: 1 to 128 printable characters (CONTRACTS §3)."""
    if not isinstance(session, str):
        raise InputError(f"The session id must be a string, not {type(session).__name__}.")
    if not 1 <= len(session) <= MAX_SESSION_CHARS:
        raise InputError(f"The session id must be 1 to {MAX_SESSION_CHARS} characters long, "
                         f"not {len(session)}.")
    if not session.isprintable() or any(0xD800 <= ord(ch) <= 0xDFFF for ch in session):
        raise InputError("The session id must contain only printable characters.")
    return session


def check_language(language: object) -> str:
    """``ko`` or ``en``, else InputError."""
    if not isinstance(language, str) or language not in LANGUAGES:
        raise InputError(f"The language must be 'ko' or 'en', not {str(language)[:20]!r}.")
    return language


# Options and names -----------------------------------------------------------------------------------
SPEED_RANGE = (0.5, 2.0)
"""Speech rates accepted (the range :func:`voices.synthesize` takes)."""
MAX_NAME_CHARS = 100
"""Longest voice id, team, player, tournament, stage or map name accepted."""
MAX_ID = 2**63 - 1


def check_speed(speed: object) -> float:
    """A speech rate between 0.5 and 2.0 (a number, or text holding one), else InputError."""
    try:
        value = float(speed) if isinstance(speed, (int, float, str)) and not isinstance(speed, bool) else None
    except (ValueError, OverflowError):
        value = None
    if value is None or not SPEED_RANGE[0] <= value <= SPEED_RANGE[1]:  # also refuses NaN
        raise InputError(f"The speed must be a number between {SPEED_RANGE[0]} and {SPEED_RANGE[1]}, "
                         f"not {str(speed)[:20]!r}.")
    return value


def check_name(value: object, what: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """A short name (voice id, team, tournament, stage, map): a string of 1 to ``max_chars`` printable
    characters once stripped, else InputError naming ``what``."""
    if not isinstance(value, str):
        raise InputError(f"The {what} must be text, not {type(value).__name__}.")
    value = value.strip()
    if not value:
        raise InputError(f"The {what} is empty; please give one.")
    if len(value) > max_chars:
        raise InputError(f"The {what} is {len(value):,} characters long; the limit is {max_chars}.")
    if not value.isprintable() or any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise InputError(f"The {what} must contain only printable characters.")
    return value


def check_id(value: object, what: str) -> int:
    """A database id: a whole number from 1 (a float like 3.0 or a text like "3" is accepted), else InputError."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 19:
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID:
        raise InputError(f"The {what} must be a whole number from 1, not {str(value)[:20]!r}.")
    return value


MAX_STDIN_BYTES = 4 * MAX_TEXT_CHARS + 4  # UTF-8 needs at most 4 bytes a character: more is over the limit


def read_text_arg(value: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """A command line's TEXT argument, or standard input when it is ``-`` (read as UTF-8, bounded in size)."""
    if value != "-":
        if any(0xDC80 <= ord(ch) <= 0xDCFF for ch in value):  # argv bytes that are not UTF-8
            raise InputError("The text argument is not valid UTF-8; please send UTF-8 text.")
        return value
    raw = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(raw) > MAX_STDIN_BYTES:
        raise InputError(f"The text on standard input is longer than the limit of {max_chars:,} "
                         "characters, so please shorten it.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"The text on standard input is not valid UTF-8 (bad byte at position "
                         f"{err.start}); please send UTF-8 text.") from None
