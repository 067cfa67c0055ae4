"""Checks on what users send, shared by every entry point so each refuses bad input the same way."""
from __future__ import annotations

import unicodedata

from .errors import InputError

MAX_SESSION_CHARS = 128


def check_text(text: object, max_chars: int) -> str:
    """Return ``text`` stripped, or raise :class:`InputError` with one sentence saying what is wrong."""
    if text is None:
        raise InputError("Please type a question; the message was empty.")
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"The text is not valid UTF-8 (bad byte at position {err.start}); "
                             "please send UTF-8 text.") from None
    if not isinstance(text, str):
        raise InputError(f"The text must be a string, not {type(text).__name__}.")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise InputError("The text is not valid UTF-8; please send UTF-8 text.")
    if len(text) > max_chars:
        raise InputError(f"The text is {len(text):,} characters long; the limit is {max_chars:,}, "
                         "so please shorten it.")
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
