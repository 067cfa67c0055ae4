"""Validation of a parsed record: plausible numbers, unique consecutive placements, two versus teams.
Problems become ``warnings`` for the person confirming the record; nothing is silently changed."""
from __future__ import annotations

from matchdata.record import MatchRecord

LOW_CONFIDENCE = 0.80
"""Fields read with less confidence than this are named in ``warnings``."""
LIMITS = {"teams.score.versus": 99, "teams.score.ranking": 999, "teams.kills": 300,
          "players.kills": 99, "players.deaths": 99, "players.assists": 99}


def validate(record: MatchRecord, low: float = LOW_CONFIDENCE) -> list[str]:
    """Warnings about ``record`` (empty when all checks pass)."""
    warnings: list[str] = []
    if record.format == "versus":
        if len(record.teams) != 2:
            warnings.append(f"A versus result needs two teams, but {len(record.teams)} were read.")
        elif all(t.score is not None for t in record.teams):
            a, b = record.teams
            if a.score == b.score:
                warnings.append("Both teams have the same score, so the winner is unclear.")
        names = {t.name for t in record.teams}
        for p in record.players:
            if p.team is not None and p.team not in names:
                warnings.append(f"Player {p.nickname} belongs to {p.team}, which is not one of the two teams.")
    placements = [t.placement for t in record.teams if t.placement is not None]
    if len(placements) != len(set(placements)):
        warnings.append("Two teams have the same placement.")
    elif placements and sorted(placements) != list(range(1, len(placements) + 1)):
        warnings.append(f"The placements {sorted(placements)} are not consecutive from 1.")
    for i, t in enumerate(record.teams):
        limit = LIMITS["teams.score." + record.format]
        if t.score is not None and not 0 <= t.score <= limit:
            warnings.append(f"Team {t.name or i + 1} has an implausible score {t.score}.")
        if t.kills is not None and not 0 <= t.kills <= LIMITS["teams.kills"]:
            warnings.append(f"Team {t.name or i + 1} has an implausible kill count {t.kills}.")
    for p in record.players:
        for key in ("kills", "deaths", "assists"):
            value = getattr(p, key)
            if value is not None and not 0 <= value <= LIMITS["players." + key]:
                warnings.append(f"Player {p.nickname} has an implausible {key} value {value}.")
    if len({p.nickname for p in record.players}) != len(record.players):
        warnings.append("The same player appears twice.")
    for key, info in record.fields.items():
        if info.confidence < low:
            warnings.append(f"Please check {key}: it was read with low confidence ({info.confidence:.2f}).")
    return warnings
