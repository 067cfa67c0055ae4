"""Pure functions from Replies and stored Turns to what the UI shows (chat messages, tables).

Chat messages are Gradio "messages" dicts: ``{"role", "content", "metadata"?, "options"?}``.
Nothing here imports Gradio, so these functions are tested without a browser.
"""
from __future__ import annotations

import re
from typing import Any

from .i18n import t

MAX_TABLE_ROWS = 20
TEAM_COLUMNS = ["name", "placement", "score", "kills"]
PLAYER_COLUMNS = ["nickname", "team", "kills", "deaths", "assists"]


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def table_markdown(columns: list[str], rows: list[list[Any]], lang: str = "en") -> str:
    """A Markdown table of the first :data:`MAX_TABLE_ROWS` rows (with a note when there are more)."""
    if not rows:
        return "*" + t("no_rows", lang) + "*"
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows[:MAX_TABLE_ROWS]]
    if len(rows) > MAX_TABLE_ROWS:
        lines.append("\n*" + t("rows_shown", lang, n=MAX_TABLE_ROWS, total=len(rows)) + "*")
    return "\n".join(lines)


_CLAUSE = re.compile(r"\s+(?=(?:FROM|JOIN|LEFT JOIN|WHERE|GROUP BY|HAVING|ORDER BY|LIMIT)\b)")


def format_sql(sql: str) -> str:
    """One clause per line, for reading (display only; the SQL that ran is unchanged)."""
    return _CLAUSE.sub("\n", sql.strip()).replace("\nJOIN", "\n  JOIN").replace("LEFT\n  JOIN", "LEFT JOIN").replace("\nLEFT JOIN", "\n  LEFT JOIN")


def sql_message(sql: str, lang: str = "en") -> dict:
    """The generated SQL as a collapsed "thought" above the answer."""
    return {"role": "assistant", "content": f"```sql\n{format_sql(sql)}\n```",
            "metadata": {"title": t("sql", lang), "status": "done"}}


def suggestion_options(suggestions: list[str]) -> list[dict]:
    """Suggestions as clickable chat options (the click sends the question)."""
    return [{"value": s, "label": s} for s in suggestions]


def reply_messages(reply: dict) -> list[dict]:
    """The assistant messages of one Reply (as a dict, see ``Reply.to_dict``), in display order."""
    lang = reply.get("language") or "en"
    messages = []
    if reply.get("sql"):
        messages.append(sql_message(reply["sql"], lang))
    text = reply.get("text") or ""
    if reply.get("kind") == "sql" and reply.get("columns"):
        text += "\n\n" + table_markdown(reply["columns"], reply.get("rows") or [], lang)
    message: dict[str, Any] = {"role": "assistant", "content": text}
    suggestions = reply.get("suggestions") or []
    if suggestions:
        message["options"] = suggestion_options(suggestions)
    messages.append(message)
    return messages


def user_message(text: str, input_kind: str = "text", lang: str = "en") -> dict:
    """The user's side of a turn; voice turns show their transcript ("Heard: ..."), screenshots a note."""
    if input_kind == "audio":
        text = f"*{t('heard', lang)}:* {text}"
    elif input_kind == "image" and not text:
        text = f"*{t('screenshot', lang)}*"
    return {"role": "user", "content": text or ""}


def turn_messages(turn) -> list[dict]:
    """The messages of a stored :class:`assistant.sessions.Turn` (to restore a conversation)."""
    reply = {"text": turn.reply_text, "language": turn.language, "kind": turn.kind, "sql": turn.sql,
             "suggestions": (turn.meta or {}).get("suggestions") or []}
    return [user_message(turn.user_text or "", turn.input_kind, turn.language), *reply_messages(reply)]


def history_view(turns) -> tuple[list[dict], list[int | None]]:
    """Chat messages for stored turns, and for each message the turn id (None for the user's)."""
    messages, ids = [], []
    for turn in turns:
        for message in turn_messages(turn):
            messages.append(message)
            ids.append(turn.id if message["role"] == "assistant" else None)
    return messages, ids


# OCR records ------------------------------------------------------------------------------------

_FIELD = re.compile(r"^(teams|players)\[(\d+)\]\.(\w+)$")


def low_confidence_cells(record: dict, threshold: float = 0.80) -> dict[str, set[tuple[int, str]]]:
    """``{"teams": {(row, column)}, "players": {...}}``: the cells read with low confidence."""
    cells: dict[str, set[tuple[int, str]]] = {"teams": set(), "players": set()}
    for key, info in (record.get("fields") or {}).items():
        match = _FIELD.match(key)
        if match and float(info.get("confidence", 1.0)) < threshold:
            cells[match.group(1)].add((int(match.group(2)), match.group(3)))
    return cells


def record_rows(record: dict) -> tuple[list[list], list[list]]:
    """The record's teams and players as rows for two editable tables."""
    teams = [[t.get(c) for c in TEAM_COLUMNS] for t in record.get("teams") or []]
    players = [[p.get(c) for c in PLAYER_COLUMNS] for p in record.get("players") or []]
    return teams, players


def _number(value: Any, where: str) -> int | None:
    from kernel.errors import InputError

    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
        return None
    try:
        return int(float(str(value).strip()))
    except ValueError:
        raise InputError(f"{where} must be a whole number, not {value!r}.") from None


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


NAMED_TEAMS_SHOWN = 2
"""How many naming boxes the confirmation panel has (versus screens; rankings print their names)."""


def unnamed_teams(record: dict) -> list[int]:
    """Indexes of the record's teams without a name (the screen told them apart only by side)."""
    return [i for i, t in enumerate(record.get("teams") or []) if not str(t.get("name") or "").strip()]


def team_label(record: dict, index: int, lang: str = "en") -> str:
    """How the naming box calls a team: "Name of team 1 (winner)"."""
    team = (record.get("teams") or [{}])[index] if index < len(record.get("teams") or []) else {}
    side = {1: t("winner", lang), 2: t("loser", lang)}.get(team.get("placement"), t("side", lang, n=index + 1))
    return t("team_n_side", lang, n=index + 1, side=side)


def naming_prompt(record: dict, lang: str = "en") -> str:
    """The sentence asking the person to name the unnamed teams (empty when every team has a name)."""
    missing = unnamed_teams(record)
    if not missing:
        return ""
    which = ", ".join(t("team_n", lang, n=i + 1) for i in missing)
    return "**" + t("name_teams", lang, which=which) + "**"


def team_suggestions(known: list[str], own: list[str] | None = None) -> list[str]:
    """Known team names to offer in the naming boxes: the user's own teams first, then the rest."""
    own = [n for n in (own or []) if n in known]
    return own + [n for n in known if n not in own]


def edited_record(record: dict, teams: list[list], players: list[list], team_names: list | None = None) -> dict:
    """``record`` with the person's edits of the two tables applied (numbers checked, blank rows
    dropped) and the names given for unnamed teams (``team_names``, one per team, None to keep);
    fields that changed are marked as read by a ``person`` with full confidence. Players keep the
    ``team_index`` the reading gave them, so naming a side names its players' team."""
    out = dict(record)
    new_teams = []
    for i, row in enumerate(teams or []):
        row = list(row) + [None] * (len(TEAM_COLUMNS) - len(row))
        if not any(_text(v) for v in row):
            continue
        new_teams.append({"name": _text(row[0]) or "", **{c: _number(row[j], f"Team row {i + 1}, {c}")
                                                          for j, c in enumerate(TEAM_COLUMNS) if j}})
    for i, name in enumerate(team_names or []):
        if i < len(new_teams) and _text(name) and not _text(new_teams[i].get("name")):
            new_teams[i]["name"] = _text(name)
    old_players = record.get("players") or []
    new_players = []
    for i, row in enumerate(players or []):
        row = list(row) + [None] * (len(PLAYER_COLUMNS) - len(row))
        if not any(_text(v) for v in row):
            continue
        index = old_players[i].get("team_index") if i < len(old_players) else None
        team = _text(row[1])
        if team is None and index is not None and index < len(new_teams):
            team = _text(new_teams[index].get("name"))
        new_players.append({"nickname": _text(row[0]) or "", "team": team,
                            **{c: _number(row[j], f"Player row {i + 1}, {c}")
                               for j, c in enumerate(PLAYER_COLUMNS) if j > 1}, "team_index": index})
    fields = dict(record.get("fields") or {})
    for kind, old, new in (("teams", record.get("teams") or [], new_teams),
                           ("players", record.get("players") or [], new_players)):
        for i, row in enumerate(new):
            for key, value in row.items():
                if i >= len(old) or old[i].get(key) != value:
                    fields[f"{kind}[{i}].{key}"] = {"engine": "person", "confidence": 1.0}
    out.update(teams=new_teams, players=new_players, fields=fields)
    return out


def warnings_markdown(record: dict, lang: str = "en") -> str:
    """The record's warnings as a highlighted list (empty string when there are none)."""
    warnings = [_FIELD_IN_TEXT.sub(lambda m: _field_name(record, m), w) for w in record.get("warnings") or []]
    if not warnings:
        return ""
    return f"**⚠ {t('warnings', lang)}:**\n" + "\n".join(f"- {w}" for w in warnings)


_FIELD_IN_TEXT = re.compile(r"\b(teams|players)\[(\d+)\]\.(\w+)")


def _field_name(record: dict, match: re.Match) -> str:
    """``teams[0].score`` as a person reads it: ``Fnatic › score`` (the highlighted cell's row and column)."""
    kind, index, column = match.group(1), int(match.group(2)), match.group(3)
    rows = record.get(kind) or []
    key = "name" if kind == "teams" else "nickname"
    name = rows[index].get(key) if index < len(rows) else None
    return f"{name or f'{kind[:-1]} {index + 1}'} › {column}"
