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


# Options and names -----------------------------------------------------------------------------------
SPEED_RANGE = (0.5, 2.0)
"""Speech rates accepted (the range :func:`voices.synthesize` takes)."""
MAX_NAME_CHARS = 100
"""Longest voice id, team, player, tournament, stage or map name accepted."""
MAX_TEAMS = 200
MAX_PLAYERS = 1_000
MAX_NUMBER = 1_000_000
"""Largest score, kill, death or assist count (and placement) accepted in a match record."""
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


UNNAMED_TEAM = ("Team {n} has no name on the screenshot; please name every team (for example with "
                "team_names) before the match is recorded.")


def _whole(value: object, where: str, low: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= MAX_NUMBER:
        raise InputError(f"The record's {where} must be a whole number from {low} to {MAX_NUMBER:,} or empty, "
                         f"not {str(value)[:20]!r}.")
    return value


def check_record(record: object) -> dict:
    """A match record (CONTRACTS §4, e.g. corrected by a person) checked before it is recorded: a dict
    whose format, names and numbers are usable (names are stripped, numbers whole and in range).
    Other keys (confidence, fields, warnings) are kept as they are. Raises InputError otherwise."""
    if not isinstance(record, dict):
        raise InputError(f"The match record must be a dict, not {type(record).__name__}.")
    out = dict(record)
    if out.get("format") not in ("versus", "ranking"):
        raise InputError(f"The record's format must be 'versus' or 'ranking', not {str(out.get('format'))[:20]!r}.")
    for key, item_key, limit in (("teams", "name", MAX_TEAMS), ("players", "nickname", MAX_PLAYERS)):
        rows = out.get(key) if out.get(key) is not None else []
        if not isinstance(rows, list) or len(rows) > limit:
            raise InputError(f"The record's {key} must be a list of at most {limit} rows.")
        checked = []
        for i, row in enumerate(rows):
            where = f"{key}[{i}]"
            if not isinstance(row, dict):
                raise InputError(f"Row {where} of the record must be a dict, not {type(row).__name__}.")
            row = dict(row)
            if key == "teams" and (row.get("name") is None or (isinstance(row.get("name"), str)
                                                                and not row["name"].strip())):
                raise InputError(UNNAMED_TEAM.format(n=i + 1))
            row[item_key] = check_name(row.get(item_key), f"name in {where}")
            if key == "teams":
                row["placement"] = _whole(row.get("placement"), f"{where}.placement", 1)
                row["score"] = _whole(row.get("score"), f"{where}.score", 0)
                row["kills"] = _whole(row.get("kills"), f"{where}.kills", 0)
            else:
                if row.get("team") is not None:
                    row["team"] = check_name(row["team"], f"team in {where}")
                for stat in ("kills", "deaths", "assists"):
                    row[stat] = _whole(row.get(stat), f"{where}.{stat}", 0)
                index = row.get("team_index")
                if index is not None and (not isinstance(index, int) or isinstance(index, bool)
                                          or not 0 <= index < len(out.get("teams") or [])):
                    raise InputError(f"The record's {where}.team_index must point at one of its teams, "
                                     f"not {str(index)[:20]!r}.")
            checked.append(row)
        out[key] = checked
    for key in ("map", "stage"):
        if out.get(key) is not None:
            out[key] = check_name(out[key], f"record's {key}")
    return out
