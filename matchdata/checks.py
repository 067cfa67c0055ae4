"""The one validator of a match record (CONTRACTS §4) before it is recorded: every field, then the
checks across rows."""
from __future__ import annotations

from kernel.checks import check_name
from kernel.errors import InputError

MAX_TEAMS = 200
MAX_PLAYERS = 1_000
MAX_NUMBER = 1_000_000
"""Largest score, kill, death or assist count (and placement) accepted in a match record."""


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
    _check_consistent(out)
    return out


def _check_consistent(record: dict) -> None:
    """The checks across rows: team count, unique names, players' teams (a player known only by
    ``team_index`` gets that team's name)."""
    teams, players = record["teams"], record["players"]
    if record["format"] == "versus" and len(teams) != 2:
        raise InputError("A versus record needs exactly two teams.")
    if not teams:
        raise InputError("The record has no teams to record.")
    names = [t["name"] for t in teams]
    if len(set(names)) != len(names):
        raise InputError("The record names the same team twice.")
    nicks = [p["nickname"] for p in players]
    if len(set(nicks)) != len(nicks):
        raise InputError("Every player of the record needs a name, and each name may appear only once.")
    for p in players:
        if p.get("team") is None and p.get("team_index") is not None:
            p["team"] = names[p["team_index"]]
        if p.get("team") is not None and p["team"] not in names:
            raise InputError(f"Player {p['nickname']} belongs to {p['team']}, which is not a team of this record.")
