"""Name correction against the teams and players of the database: fuzzy and Hangul-aware.

Hangul syllables are compared as their jamo (초성/중성/종성), so "정룡" is close to "청룡", and Latin
names case-insensitively without spaces or punctuation, so "TeamLiquid" finds "Team Liquid".
"""
from __future__ import annotations

import difflib
import re
import unicodedata

_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)
CORRECT_AT = 0.72
"""Similarity (0..1) from which a read name is replaced by the known spelling."""


def name_key(text: str) -> str:
    """Lower case, no spaces or punctuation, Hangul syllables decomposed into jamo."""
    return _STRIP.sub("", unicodedata.normalize("NFD", text.casefold()))


def similarity(a: str, b: str) -> float:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def best_match(text: str, known: list[str], cutoff: float = CORRECT_AT) -> tuple[str | None, float]:
    """The known name most similar to ``text`` and its similarity, or (None, best score)."""
    best, score = None, 0.0
    for name in known:
        s = similarity(text, name)
        if s > score:
            best, score = name, s
    return (best, score) if score >= cutoff else (None, score)


def correct_names(record, known_names: dict | None) -> None:
    """Replace read team and player names by their known spelling when close enough (in place),
    and point each player's team at one of the record's teams."""
    known_names = known_names or {}
    teams_known = list(known_names.get("teams") or [])
    players_known = list(known_names.get("players") or [])
    used: set[str] = set()
    for i, team in enumerate(record.teams):
        if not team.name:
            continue  # an unnamed side: the person names it before recording
        match, score = best_match(team.name, [n for n in teams_known if n not in used])
        if match and match != team.name:
            record.fields.setdefault(f"teams[{i}].name", _info()).confidence = max(
                record.fields.get(f"teams[{i}].name", _info()).confidence, score)
            team.name = match
        if match:
            used.add(match)
    if record.format == "versus" and teams_known:
        _rescue_teams(record, teams_known)
    used = set()
    team_names = [t.name for t in record.teams]
    for i, player in enumerate(record.players):
        match, score = best_match(player.nickname, [n for n in players_known if n not in used])
        if match:
            if match != player.nickname:
                info = record.fields.setdefault(f"players[{i}].nickname", _info())
                info.confidence = max(info.confidence, score)
            player.nickname = match
            used.add(match)
        if player.team and team_names and player.team not in team_names:
            fixed, _ = best_match(player.team, team_names, cutoff=0.0)
            player.team = fixed


def _info():
    from matchdata.record import FieldInfo

    return FieldInfo("tesseract", 0.0, None)


def _rescue_teams(record, teams_known: list[str]) -> None:
    """A versus team whose header reading matches no known team, while the players' section titles
    (or team column) name a known team that is not in the record, takes that name."""
    names = [t.name for t in record.teams]
    unknown = [i for i, n in enumerate(names) if n and n not in teams_known]
    if not unknown:
        return
    seen = []
    for p in record.players:
        if p.team and p.team not in names:
            match, _ = best_match(p.team, teams_known)
            if match and match not in names and match not in seen:
                seen.append(match)
    for i, match in zip(unknown, seen):
        old = record.teams[i].name
        record.teams[i].name = match
        for p in record.players:
            if p.team == old or (p.team and best_match(p.team, [match])[0]):
                p.team = match
