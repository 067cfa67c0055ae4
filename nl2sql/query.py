"""Query sketches: a structured query (``kind`` + slots, a JSON-able dict) and the SQL it stands for.

The model only picks a sketch and its small choices (metric, aggregate, order, comparison); names
come from value linking. Building the SQL here, from a fixed set of sketches, means every query
the assistant can run was written and reviewed by a person; values are quoted as SQL literals so
the SQL shown to the user is exactly the SQL that runs, and it then still passes :mod:`.safety`.
"""
from __future__ import annotations

import dataclasses
from typing import Any

# kind -> (slots it needs, slots it may use). "filters" are tournament, game, stage, map, year.
FILTERS = ("tournament", "game", "stage", "map", "year")
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "team_wins": (("team",), FILTERS + ("team2",)),
    "team_losses": (("team",), FILTERS),
    "team_matches": (("team",), FILTERS),
    "team_record": (("team",), FILTERS),
    "team_win_rate": (("team",), FILTERS),
    "team_stat": (("team",), FILTERS + ("metric", "agg")),
    "team_results": (("team",), FILTERS + ("n",)),
    "team_roster": (("team",), ()),
    "head_to_head": (("team", "team2"), FILTERS),
    "player_stat": (("player",), FILTERS + ("metric", "agg")),
    "player_team": (("player",), ()),
    "top_players": ((), FILTERS + ("team", "metric", "agg", "order", "n")),
    "top_teams": ((), FILTERS + ("metric", "agg", "order", "n")),
    "players_having": (("threshold",), FILTERS + ("team", "metric", "cmp")),
    "teams_having": (("threshold",), FILTERS + ("metric", "cmp")),
    "stage_winner": ((), ("tournament", "stage", "game", "year")),
    "match_count": ((), FILTERS),
    "tournament_list": ((), ("game", "year")),
    "tournament_info": (("tournament",), ()),
}
NOT_STATS = "none"
FOLLOWUP = "followup"
ALL_KINDS = tuple(KINDS) + (NOT_STATS, FOLLOWUP)

PLAYER_METRICS = ("kills", "deaths", "assists", "damage", "kd", "kda", "matches")
TEAM_METRICS = ("wins", "kills", "points", "matches", "win_rate", "placement")
METRICS = tuple(dict.fromkeys(PLAYER_METRICS + TEAM_METRICS))
AGGS = ("sum", "avg", "max")
ORDERS = ("desc", "asc")
CMPS = (">", ">=", "<", "<=")


def metrics_for(kind: str) -> tuple[str, ...]:
    """The metrics a sketch accepts (empty when it takes none)."""
    if kind in ("player_stat", "top_players", "players_having"):
        return PLAYER_METRICS
    if kind in ("team_stat",):
        return ("kills", "points", "placement")
    if kind in ("top_teams", "teams_having"):
        return TEAM_METRICS
    return ()


@dataclasses.dataclass
class Query:
    """A structured query: the sketch and its slots. ``to_meta()`` is what follow-ups reuse."""

    kind: str
    team: str | None = None
    team2: str | None = None
    player: str | None = None
    tournament: str | None = None
    game: str | None = None
    stage: str | None = None
    map: str | None = None
    year: int | None = None
    metric: str | None = None
    agg: str | None = None
    order: str | None = None
    cmp: str | None = None
    n: int | None = None
    threshold: int | None = None

    def to_meta(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> "Query":
        fields = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in meta.items() if k in fields})

    def missing(self) -> list[str]:
        """Slots the sketch needs that are empty."""
        need, _ = KINDS[self.kind]
        return [slot for slot in need if getattr(self, slot) is None]


def lit(value: Any) -> str:
    """A SQL literal: integers as digits, everything else as a single-quoted string."""
    if isinstance(value, bool) or value is None:
        raise ValueError("only strings and integers are quoted")
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _filters(q: Query, conds: list[str], joins: list[str]) -> None:
    """Conditions on ``matches m`` (and ``tournaments tr``, joined when needed)."""
    if q.tournament is not None or q.game is not None:
        joins.append("JOIN tournaments tr ON tr.id = m.tournament_id")
    if q.tournament is not None:
        conds.append(f"tr.name = {lit(q.tournament)}")
    if q.game is not None:
        conds.append(f"tr.game = {lit(q.game)}")
    if q.stage is not None:
        conds.append(f"m.stage = {lit(q.stage)}")
    if q.map is not None:
        conds.append(f"m.map = {lit(q.map)}")
    if q.year is not None:
        conds.append(f"m.played_at >= '{q.year:04d}-01-01' AND m.played_at < '{q.year + 1:04d}-01-01'")


def _where(conds: list[str]) -> str:
    return (" WHERE " + " AND ".join(conds)) if conds else ""


WIN = "SUM(CASE WHEN mt.placement = 1 THEN 1 ELSE 0 END)"
LOSS = "SUM(CASE WHEN mt.placement > 1 THEN 1 ELSE 0 END)"


def _player_expr(metric: str, agg: str) -> tuple[str, str]:
    """(expression, column name) of a player metric over ``match_players mp``."""
    if metric == "matches":
        return "COUNT(*)", "matches"
    if metric == "kd":
        return "ROUND(SUM(mp.kills) * 1.0 / NULLIF(SUM(mp.deaths), 0), 2)", "kd"
    if metric == "kda":
        return "ROUND((SUM(mp.kills) + SUM(mp.assists)) * 1.0 / NULLIF(SUM(mp.deaths), 0), 2)", "kda"
    if agg == "avg":
        return f"ROUND(AVG(mp.{metric}), 2)", f"avg_{metric}"
    if agg == "max":
        return f"MAX(mp.{metric})", f"max_{metric}"
    return f"SUM(mp.{metric})", f"total_{metric}"


def _team_expr(metric: str, agg: str) -> tuple[str, str]:
    """(expression, column name) of a team metric over ``match_teams mt``."""
    if metric == "wins":
        return WIN, "wins"
    if metric == "matches":
        return "COUNT(*)", "matches"
    if metric == "win_rate":
        return f"ROUND(100.0 * {WIN} / NULLIF(COUNT(*), 0), 1)", "win_rate_pct"
    column = {"kills": "kills", "points": "score", "placement": "placement"}[metric]
    if metric == "placement" or agg == "avg":
        return f"ROUND(AVG(mt.{column}), 2)", f"avg_{metric}"
    if agg == "max":
        return f"MAX(mt.{column})", f"max_{metric}"
    return f"SUM(mt.{column})", f"total_{metric}"


def build_sql(q: Query) -> str:
    """The SELECT statement for a complete structured query (portable: SQLite and PostgreSQL)."""
    conds: list[str] = []
    joins: list[str] = []
    k = q.kind
    team_from = "FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id"
    player_from = ("FROM match_players mp JOIN players p ON p.id = mp.player_id "
                   "JOIN matches m ON m.id = mp.match_id")
    if k in ("team_wins", "team_losses", "team_matches", "team_record", "team_win_rate", "team_stat"):
        conds.append(f"t.name = {lit(q.team)}")
        if k == "team_wins" and q.team2 is not None:
            conds.append("mt.match_id IN (SELECT o.match_id FROM match_teams o JOIN teams ot ON ot.id = o.team_id "
                         f"WHERE ot.name = {lit(q.team2)})")
        _filters(q, conds, joins)
        select = {
            "team_wins": f"COUNT(*) AS wins",
            "team_losses": "COUNT(*) AS losses",
            "team_matches": "COUNT(*) AS matches",
            "team_record": f"{WIN} AS wins, {LOSS} AS losses",
            "team_win_rate": f"ROUND(100.0 * {WIN} / NULLIF(COUNT(*), 0), 1) AS win_rate_pct",
        }.get(k)
        if k == "team_wins":
            conds.append("mt.placement = 1")
        elif k == "team_losses":
            conds.append("mt.placement > 1")
        elif k == "team_stat":
            expr, name = _team_expr(q.metric or "kills", q.agg or "sum")
            select = f"{expr} AS {name}"
        return f"SELECT {select} {team_from} {' '.join(joins)}".rstrip() + _where(conds)
    if k == "team_results":
        conds.append(f"t.name = {lit(q.team)}")
        _filters(q, conds, joins)
        if not any(j.startswith("JOIN tournaments") for j in joins):
            joins.append("JOIN tournaments tr ON tr.id = m.tournament_id")
        return (f"SELECT m.played_at, tr.name AS tournament, m.stage, m.map, mt.placement, mt.score "
                f"{team_from} {' '.join(joins)}{_where(conds)} ORDER BY m.played_at DESC LIMIT {q.n or 5}")
    if k == "team_roster":
        return ("SELECT p.nickname, p.role FROM players p JOIN teams t ON t.id = p.team_id "
                f"WHERE t.name = {lit(q.team)} ORDER BY p.nickname")
    if k == "player_team":
        return ("SELECT t.name AS team FROM players p JOIN teams t ON t.id = p.team_id "
                f"WHERE p.nickname = {lit(q.player)}")
    if k == "head_to_head":
        conds.append(f"t.name IN ({lit(q.team)}, {lit(q.team2)})")
        conds.append("mt.match_id IN (SELECT a.match_id FROM match_teams a JOIN teams ta ON ta.id = a.team_id "
                     "JOIN match_teams b ON b.match_id = a.match_id JOIN teams tb ON tb.id = b.team_id "
                     f"WHERE ta.name = {lit(q.team)} AND tb.name = {lit(q.team2)})")
        _filters(q, conds, joins)
        return (f"SELECT t.name AS team, {WIN} AS wins, COUNT(*) AS matches {team_from} {' '.join(joins)}"
                .rstrip() + _where(conds) + " GROUP BY t.name ORDER BY wins DESC, t.name")
    if k == "player_stat":
        conds.append(f"p.nickname = {lit(q.player)}")
        _filters(q, conds, joins)
        expr, name = _player_expr(q.metric or "kills", q.agg or "sum")
        return f"SELECT {expr} AS {name} {player_from} {' '.join(joins)}".rstrip() + _where(conds)
    if k in ("top_players", "players_having"):
        if q.team is not None:
            joins.append("JOIN teams t ON t.id = p.team_id")
            conds.append(f"t.name = {lit(q.team)}")
        _filters(q, conds, joins)
        expr, name = _player_expr(q.metric or "kills", q.agg or "sum")
        head = f"SELECT p.nickname, {expr} AS {name} {player_from} {' '.join(joins)}".rstrip() + _where(conds)
        if k == "players_having":
            return f"{head} GROUP BY p.nickname HAVING {expr} {q.cmp or '>'} {int(q.threshold)} ORDER BY {name} DESC, p.nickname"
        order = "ASC" if q.order == "asc" else "DESC"
        return f"{head} GROUP BY p.nickname ORDER BY {name} {order}, p.nickname LIMIT {q.n or 1}"
    if k in ("top_teams", "teams_having"):
        _filters(q, conds, joins)
        expr, name = _team_expr(q.metric or "wins", q.agg or "sum")
        head = f"SELECT t.name AS team, {expr} AS {name} {team_from} {' '.join(joins)}".rstrip() + _where(conds)
        if k == "teams_having":
            return f"{head} GROUP BY t.name HAVING {expr} {q.cmp or '>'} {int(q.threshold)} ORDER BY {name} DESC, t.name"
        order = "ASC" if q.order == "asc" else "DESC"
        if q.metric == "placement" and q.order is None:
            order = "ASC"
        return f"{head} GROUP BY t.name ORDER BY {name} {order}, t.name LIMIT {q.n or 1}"
    if k == "stage_winner":
        conds.append(f"m.stage = {lit(q.stage or 'final')}")
        conds.append("mt.placement = 1")
        _filters(dataclasses.replace(q, stage=None), conds, joins)
        if not any(j.startswith("JOIN tournaments") for j in joins):
            joins.append("JOIN tournaments tr ON tr.id = m.tournament_id")
        return (f"SELECT t.name AS winner, tr.name AS tournament, m.played_at {team_from} {' '.join(joins)}"
                + _where(conds) + " ORDER BY m.played_at")
    if k == "match_count":
        _filters(q, conds, joins)
        return f"SELECT COUNT(*) AS matches FROM matches m {' '.join(joins)}".rstrip() + _where(conds)
    if k == "tournament_list":
        if q.game is not None:
            conds.append(f"tr.game = {lit(q.game)}")
        if q.year is not None:
            conds.append(f"tr.start_date >= '{q.year:04d}-01-01' AND tr.start_date < '{q.year + 1:04d}-01-01'")
        return f"SELECT tr.name, tr.game, tr.start_date, tr.end_date FROM tournaments tr{_where(conds)} ORDER BY tr.start_date, tr.name"
    if k == "tournament_info":
        return ("SELECT tr.name, tr.game, tr.start_date, tr.end_date FROM tournaments tr "
                f"WHERE tr.name = {lit(q.tournament)}")
    raise ValueError(f"unknown query kind {k!r}")
