"""The MatchRecord (CONTRACTS §4) and the per-field provenance the pipeline attaches to it."""
from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass
class TeamResult:
    """One team row: versus (placement 1 = winner, score = games won) or ranking (score = points).
    ``name`` is None when the screen prints none (sides told apart by position or colour)."""

    name: str | None
    placement: int | None = None
    score: int | None = None
    kills: int | None = None


@dataclasses.dataclass
class PlayerResult:
    """One player row of a versus scoreboard."""

    nickname: str
    team: str | None = None
    kills: int | None = None
    deaths: int | None = None
    assists: int | None = None
    team_index: int | None = None
    """0-based index into the record's ``teams`` (None when the screen gives no way to tell)."""


@dataclasses.dataclass
class FieldInfo:
    """Where a field came from: the engine that read it, its confidence (0..1) and its box in the
    (preprocessed) image as (left, top, right, bottom), or None when it was derived."""

    engine: str = "tesseract"
    confidence: float = 1.0
    box: tuple[int, int, int, int] | None = None


@dataclasses.dataclass
class MatchRecord:
    """What a result screenshot says. ``to_dict()`` is the JSON of CONTRACTS §4 plus ``fields``
    (per-field engine and confidence, keyed like ``teams[0].score``)."""

    format: str
    teams: list[TeamResult] = dataclasses.field(default_factory=list)
    players: list[PlayerResult] = dataclasses.field(default_factory=list)
    map: str | None = None
    stage: str | None = None
    confidence: float = 0.0
    engine: str = "tesseract"
    warnings: list[str] = dataclasses.field(default_factory=list)
    fields: dict[str, FieldInfo] = dataclasses.field(default_factory=dict)

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        """The CONTRACTS §4 JSON; with ``details`` also ``fields`` (engine and confidence per field)."""
        out: dict[str, Any] = {
            "format": self.format,
            "teams": [dataclasses.asdict(t) for t in self.teams],
            "players": [dataclasses.asdict(p) for p in self.players],
            "map": self.map,
            "stage": self.stage,
            "confidence": round(float(self.confidence), 4),
            "engine": self.engine,
            "warnings": list(self.warnings),
        }
        if details:
            out["fields"] = {k: {"engine": v.engine, "confidence": round(float(v.confidence), 4)}
                             for k, v in self.fields.items()}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "MatchRecord":
        """The inverse of :meth:`to_dict` (for a record edited by a person before recording)."""
        fields = {k: FieldInfo(engine=v.get("engine", "person"), confidence=float(v.get("confidence", 1.0)))
                  for k, v in (data.get("fields") or {}).items()}
        return cls(
            format=data["format"],
            teams=[TeamResult(**{k: t.get(k) for k in ("name", "placement", "score", "kills")})
                   for t in data.get("teams", [])],
            players=[PlayerResult(**{k: p.get(k) for k in ("nickname", "team", "kills", "deaths", "assists",
                                                            "team_index")})
                     for p in data.get("players", [])],
            map=data.get("map"), stage=data.get("stage"),
            confidence=float(data.get("confidence") or 0.0), engine=data.get("engine", "tesseract"),
            warnings=list(data.get("warnings") or []), fields=fields,
        )
