"""The intermediate representation (IR) of a statistics question and its compiler to SQL.

An :class:`IR` names columns of the match schema by ``alias.column`` (``t.name``, ``mp.kills``,
``m.played_at``) and never names a join: :func:`compile_sql` infers the FROM clause and its joins
from the columns used, along the schema's foreign keys (as NatSQL/SemQL do). What it covers:

- ``select``: columns (keys or looked-up attributes), ``DISTINCT`` for lists;
- ``measure``: one aggregate — ``count``, ``countd:<col>``, ``sum|avg|max|min:<col>``, or a named
  ratio (``win_rate`` in percent (``win_ratio`` as a fraction of 1), ``kd``, ``kda``, ``kp`` (kill participation, in percent), ``pct:a>b`` the share of rows where a beats b,
  ``countif:<col><op><n>`` the rows meeting one condition, ``pct_total:<measure>`` each group's share of all groups' measure), a team's ``record`` (wins, losses), or ``title``
  (a champion: the final's winner in versus play, the most final-stage points in ranking play), or ``titles``
  (how many tournaments a team won), or ``streak:<placement>`` (a team's longest run of that placement in time order);
- ``filters``: ``=, !=, <, <=, >, >=, in, not_in, is_null, not_null, like`` on any column, plus
  ``without_player``/``with_player`` on ``m.id`` (the matches a named player sat out or played), plus
  dates at any granularity (``range`` [from, to), ``day``, ``monthday``, ``weekday``, ``time>=``/``time<``);
- ``group`` by the selected keys, ``having`` on the measure, ``order`` (by the measure or a column),
  ``limit`` (a limit of 1 on the measure keeps ties);
- ``extreme``: single-row extremes (``WHERE col = (SELECT MAX(col) ...)``, ties kept);
- ``per``: the best key inside each group ("the top killer of each game");
- ``setop``: difference and intersection of two scopes ("never", "only", "both"), of participation or,
  with ``via: opponent``, of the teams met across the table ("opponents X never lost to");
- ``pair``: the two teams of one match (aliases ``w``/``wt`` for one side, ``l``/``lt`` for the other);
- ``compare``: one measure in two scopes ("more assists this season than last");
- ``extra_measures``: further measures beside the first, one column each ("matches and total kills per event");
- ``split``: every measure in two (or more) scopes side by side, one column per scope ("2025 vs 2026 kills per team",
  "group stage vs playoffs win %"), with conditional aggregates (``SUM(CASE WHEN <scope> THEN … END)``);
- ``nest``: an aggregate over per-group totals ("the average of both teams' kills per match": ``AVG`` over ``SUM`` per
  ``m.id``);
- ``having_also``: a threshold on each of further measures, all of which must hold ("damage over 5k while
  assists stay below 20").

Values are written as SQL literals (quoted, escaped); the SQL then still passes :mod:`.safety`.
"""
from __future__ import annotations

import dataclasses
from typing import Any

TABLES = {"tr": "tournaments", "m": "matches", "mt": "match_teams", "t": "teams", "p": "players",
          "mp": "match_players", "w": "match_teams", "l": "match_teams", "wt": "teams", "lt": "teams"}
# Foreign-key edges between aliases (undirected for the search); the condition joins them.
EDGES: list[tuple[str, str, str]] = [
    ("m", "tr", "tr.id = m.tournament_id"),
    ("mt", "m", "m.id = mt.match_id"),
    ("mt", "t", "t.id = mt.team_id"),
    ("mp", "m", "m.id = mp.match_id"),
    ("mp", "p", "p.id = mp.player_id"),
    ("p", "t", "t.id = p.team_id"),
    ("w", "m", "m.id = w.match_id"),
    ("w", "wt", "wt.id = w.team_id"),
    ("w", "l", "l.match_id = w.match_id AND l.team_id <> w.team_id"),
    ("l", "lt", "lt.id = l.team_id"),
]
# The table whose rows an aggregate counts, by preference.
FACTS = ("w", "mp", "mt", "m", "p", "t", "tr")
KEY_ID = {"t": "t.id", "p": "p.id", "tr": "tr.id", "m": "m.id", "wt": "wt.id", "lt": "lt.id"}
# Which fact row an entity's participation lives in (for "played", "never", "both").
PARTICIPATION = {"t": ("mt", "mt.team_id"), "p": ("mp", "mp.player_id"), "tr": ("m", "m.tournament_id")}

WINS_EXPR = "SUM(CASE WHEN {s}.placement = 1 THEN 1 ELSE 0 END)"


@dataclasses.dataclass
class Filter:
    """One condition: ``col op value``."""

    col: str
    op: str = "="
    value: Any = None


@dataclasses.dataclass
class IR:
    """A statistics question as columns, one measure, filters and clauses (JSON-able via ``to_dict``)."""

    select: list[str] = dataclasses.field(default_factory=list)
    measure: str | None = None
    filters: list[Filter] = dataclasses.field(default_factory=list)
    group: bool = False
    having: tuple[str, float] | None = None
    order: str | None = None
    """'desc' or 'asc' on the measure, or 'col:<alias.column>:asc|desc'."""
    limit: int | None = None
    distinct: bool = False
    extreme: tuple[str, str] | None = None
    """(column, 'max'|'min'): rows whose column is the extreme within the filters."""
    per: str | None = None
    """A column: keep, inside each of its values, the key with the best measure (order 'desc'/'asc')."""
    setop: dict[str, Any] | None = None
    """{'op': 'except'|'intersect', 'a': [Filter...], 'b': [Filter...]} over the selected key's entity."""
    compare: dict[str, Any] | None = None
    """{'a': [Filter...], 'b': [Filter...], 'op': '>'}: keys whose measure in scope b op measure in scope a."""
    having_measure: str | None = None
    """The measure HAVING tests when it is not ``measure`` (e.g. a count of matches)."""
    fact: str | None = None
    """Force the fact table (alias) when the columns alone leave it open."""
    minus: dict[str, Any] | None = None
    """{'a': [Filter...], 'b': [Filter...]}: the measure under filters + a minus the measure under filters + b."""
    count_groups: bool = False
    """Answer with the number of groups the rest selects ("how many teams have more than 5 wins")."""
    having_also: list[tuple[str, str, float]] = dataclasses.field(default_factory=list)
    """Further HAVING conditions (measure, op, value), all of which must hold ("딜량 5천 넘고 어시 20 이상")."""
    vs: dict[str, Any] | None = None
    """A nested comparison: {'op': '>', 'ref': 'avg'} keeps the groups whose measure beats the average of
    the groups' measures over the scope (of all rows, for an average measure); {'op': '>', 'ref': 'value', 'filters': [...]} beats the
    measure of one named entity in the same scope ("out-frags the average team", "than X"); {'op': '=', 'ref': 'all'}
    keeps the groups whose distinct count reaches all there are in the scope ("teams that played every tournament")."""

    extra_measures: list[str] = dataclasses.field(default_factory=list)
    """Further measures, one column each after ``measure`` ("경기 수랑 킬 합계", "average and best team kills");
    ordering, HAVING and the best-one rules stay on ``measure``."""
    split: dict[str, Any] | None = None
    """{'scopes': [[Filter...], [Filter...]], 'keep': 'all'|'both'|<index>}: each measure once per scope, side by
    side ("2025 vs 2026", "group stage vs playoffs"); 'both' keeps the groups with rows in every scope, an index the
    groups with rows in that scope ("only squads that got to the knockouts")."""
    nest: dict[str, Any] | None = None
    """{'by': [col...], 'agg': 'avg'|'max'|'min'|'sum'}: the measure is totalled per value of ``by`` (plus the
    selected keys) first, then ``agg`` of those totals per selected key ("average combined kills per series",
    "mean round sum of a match, by map"); a ``count`` among ``extra_measures`` counts those totals."""
    zero_groups: bool = False
    """Every team (tournament, player) of the table listed, a group with no rows counted as 0 ("대회별 경기 수, 경기
    없는 대회도 0으로", "including the teams that never played"): the grouped count joined onto the whole table."""
    part: list[Filter] = dataclasses.field(default_factory=list)
    """The rows of a ``part:<col>`` measure's numerator: "the share of all kills that came from X's players"."""
    tiebreak: str | None = None
    """'asc' or 'desc': rows tied on the ordering measure ordered by the first selected key ("ties broken
    alphabetically")."""


    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "IR":
        d = dict(d)

        def filters(fs):
            return [Filter(**f) if isinstance(f, dict) else Filter(*f) for f in fs or []]

        d["filters"] = filters(d.get("filters"))
        d["part"] = filters(d.get("part"))
        for k in ("setop", "compare", "minus"):
            if d.get(k):
                d[k] = {**d[k], "a": filters(d[k]["a"]), "b": filters(d[k]["b"])}
        if d.get("vs"):
            d["vs"] = {**d["vs"], "filters": filters(d["vs"].get("filters"))}
        if d.get("split"):
            d["split"] = {**d["split"], "scopes": [filters(sc) for sc in d["split"]["scopes"]]}
        if d.get("having"):
            d["having"] = tuple(d["having"])
        if d.get("extreme"):
            d["extreme"] = tuple(d["extreme"])
        if d.get("having_also"):
            d["having_also"] = [tuple(h) for h in d["having_also"]]
        fields = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in fields})


def lit(value: Any) -> str:
    """A SQL literal: numbers as digits, everything else as a single-quoted, escaped string."""
    if isinstance(value, bool) or value is None:
        raise ValueError("only strings and numbers are quoted")
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _aliases_in(expr: str) -> set[str]:
    import re

    return {a for a in re.findall(r"\b([a-z]{1,2})\.[a-z_]+", expr) if a in TABLES}


_RESULTS = {"wins", "losses"}


def measure_sql(measure: str, ir: IR | None = None) -> str:
    """The SQL expression of a measure name."""
    side = "w" if ir is not None and ir.fact == "w" else "mt"
    if measure == "count":
        return "COUNT(*)"
    if measure == "win_rate":
        return f"100.0 * {WINS_EXPR.format(s=side)} / COUNT(*)"
    if measure == "win_ratio":  # the same share as a fraction of 1 ("승률 0.7 이상", "win rate as a decimal")
        return f"1.0 * {WINS_EXPR.format(s=side)} / COUNT(*)"
    if measure == "wins":
        return WINS_EXPR.format(s=side)
    if measure == "losses":
        return f"SUM(CASE WHEN {side}.placement = 2 THEN 1 ELSE 0 END)"
    if measure == "title":  # a tournament's champion: the final's winner, or the most final-stage points
        return (f"SUM(CASE WHEN m.format = 'ranking' THEN {side}.score WHEN {side}.placement = 1 THEN 1 "
                "ELSE 0 END)")
    if measure == "record":  # wins, losses
        return f"{WINS_EXPR.format(s=side)}, SUM(CASE WHEN {side}.placement <> 1 THEN 1 ELSE 0 END)"
    guard = "(CASE WHEN SUM(mp.deaths) > 0 THEN SUM(mp.deaths) ELSE 1 END)"
    if measure == "kd":
        return f"1.0 * SUM(mp.kills) / {guard}"
    if measure == "kda":
        return f"1.0 * (SUM(mp.kills) + SUM(mp.assists)) / {guard}"
    if measure == "kp":  # kill participation: a player's kills and assists in percent of his team's kills in the same matches
        return ("100.0 * (SUM(mp.kills) + SUM(mp.assists)) / NULLIF(SUM((SELECT x.kills FROM match_teams x "
                "WHERE x.match_id = mp.match_id AND x.team_id = p.team_id)), 0)")
    func, _, col = measure.partition(":")
    if func == "pct_total":  # 'pct_total:count': each group's measure in percent of all the groups' (a window over the result)
        inner = measure_sql(col, ir)
        return f"100.0 * {inner} / SUM({inner}) OVER ()"
    if func == "pct":  # 'pct:a>b': the percentage of rows where column a beats column b
        a, b = col.split(">")
        return f"100.0 * SUM(CASE WHEN {a} > {b} THEN 1 ELSE 0 END) / COUNT(*)"
    if func in ("share", "countif"):  # 'share:mt.placement<=3': the percentage of rows meeting one condition; 'countif:…' their number
        import re

        m = re.fullmatch(r"([a-z]{1,2}\.[a-z_]+)(<=|>=|=|<|>)(\d+(?:\.\d+)?|null|'(?:[^']|'')*')", col)
        if not m or m.group(3) == "null" and m.group(2) != "=" or m.group(3).startswith("'") and m.group(2) != "=":
            raise ValueError(f"unknown measure {measure!r}")
        # 'share:mp.damage=null': blank cells; "share:m.stage='final'": rows holding one value (a quoted, escaped literal)
        cond = f"{m.group(1)} IS NULL" if m.group(3) == "null" else f"{m.group(1)} {m.group(2)} {m.group(3)}"
        hits = f"SUM(CASE WHEN {cond} THEN 1 ELSE 0 END)"
        return hits if func == "countif" else f"100.0 * {hits} / COUNT(*)"
    if func == "part":  # 'part:mp.kills': the percentage of the column's total that the rows of ``ir.part`` hold
        cond = " AND ".join(filter_sql(f) for f in (ir.part if ir is not None else [])) or "1 = 1"
        return f"100.0 * SUM(CASE WHEN {cond} THEN {col} ELSE 0 END) / SUM({col})"
    if func == "oppdiff":  # 'oppdiff:mt.score': the side's column summed less the other side's of the same matches
        col_ = col.split(".", 1)[1]
        return (f"SUM({col}) - SUM((SELECT o.{col_} FROM match_teams o WHERE o.match_id = mt.match_id "
                "AND o.team_id <> mt.team_id))")
    if func == "oppsum":  # 'oppsum:mt.score': the other side's column summed over the same matches (rounds conceded)
        col_ = col.split(".", 1)[1]
        return f"SUM((SELECT o.{col_} FROM match_teams o WHERE o.match_id = mt.match_id AND o.team_id <> mt.team_id))"
    if func == "countd":
        return f"COUNT(DISTINCT {col})"
    if func == "diff":  # 'diff:a-b': the sum of column a minus the sum of column b (or wins less losses)
        a, b = col.split("-")
        if a in _RESULTS and b in _RESULTS:
            return f"{measure_sql(a, ir)} - {measure_sql(b, ir)}"
        if "*" in b:  # 'diff:mp.assists-2*mp.kills': a sum against a multiple of another ("twice their kills")
            k, b = b.split("*")
            return f"SUM({a}) - {float(k):g} * SUM({b})"
        return f"SUM({a}) - SUM({b})"
    if func in ("sum", "avg", "max", "min"):
        return f"{func.upper()}({col})"
    raise ValueError(f"unknown measure {measure!r}")


def _measure_aliases(measure: str | None) -> set[str]:
    if measure is None:
        return set()
    if measure in ("kd", "kda"):
        return {"mp"}
    if measure == "kp":
        return {"mp", "p"}
    if measure in ("win_rate", "win_ratio", "wins", "losses", "record"):
        return {"mt"}
    if measure == "title":
        return {"mt", "m"}
    if measure.startswith("diff:") and set(measure[5:].split("-")) <= _RESULTS:
        return {"mt"}
    if measure.startswith("pct_total:"):
        return _measure_aliases(measure.split(":", 1)[1])
    if measure.startswith(("share:", "countif:", "diff:", "oppdiff:", "oppsum:")):
        return _aliases_in(measure.split(":", 1)[1].split("'", 1)[0])  # (not inside a quoted value)
    return _aliases_in(measure)


def col_sql(col: str, dialect: str = "sqlite") -> str:
    """A selected or grouped column as SQL: ``day(<date col>)``, ``month(...)`` and ``year(...)`` are calendar keys."""
    import re

    span = re.fullmatch(r"(days|daysin)\(([a-z]{1,2}\.[a-z_]+)\.\.([a-z]{1,2}\.[a-z_]+)\)", col)
    if span:  # ``days(a..b)``: the days from date a to date b (a tournament's length); ``daysin``: both days counted
        kind, a, b = span.groups()
        plus = " + 1" if kind == "daysin" else ""
        return f"({b} - {a}{plus})" if dialect == "postgres" else f"CAST(julianday({b}) - julianday({a}){plus} AS INTEGER)" if plus \
            else f"(julianday({b}) - julianday({a}))"
    opp = re.fullmatch(r"opponent\(([a-z]{1,2})\.id,([a-z]{1,2})\.team_id\)", col)
    if opp:  # the other side of match m for the player's team (a versus match has one)
        return (f"(SELECT ox.name FROM match_teams oy JOIN teams ox ON ox.id = oy.team_id WHERE oy.match_id = {opp.group(1)}.id "
                f"AND oy.team_id <> {opp.group(2)}.team_id ORDER BY oy.placement LIMIT 1)")
    m = re.fullmatch(r"(day|month|year)\(([a-z]{1,2}\.[a-z_]+)\)", col)
    if not m:
        return col
    fmt = {"day": ("%Y-%m-%d", "YYYY-MM-DD"), "month": ("%Y-%m", "YYYY-MM"), "year": ("%Y", "YYYY")}[m.group(1)]
    return f"TO_CHAR({m.group(2)}, '{fmt[1]}')" if dialect == "postgres" else f"strftime('{fmt[0]}', {m.group(2)})"


def filter_sql(f: Filter, dialect: str = "sqlite") -> str:
    """One condition as SQL (dates portable between SQLite and PostgreSQL)."""
    c, op, v = f.col, f.op, f.value
    pg = dialect == "postgres"
    if op == "is_null":
        return f"{c} IS NULL"
    if op == "not_null":
        return f"{c} IS NOT NULL"
    if op in ("in", "not_in"):
        return f"{c} {'NOT IN' if op == 'not_in' else 'IN'} ({', '.join(lit(x) for x in v)})"
    if op == "range":  # [from, to) on a date or timestamp, either end open
        lo, hi = v
        parts = ([f"{c} >= {lit(lo)}"] if lo else []) + ([f"{c} < {lit(hi)}"] if hi else [])
        return " AND ".join(parts) or "1 = 1"
    if op == "not_range":  # outside [from, to)
        lo, hi = v
        parts = ([f"{c} < {lit(lo)}"] if lo else []) + ([f"{c} >= {lit(hi)}"] if hi else [])
        return "(" + " OR ".join(parts) + ")" if parts else "1 = 0"
    if op == "day":
        import datetime as dt

        nxt = (dt.date.fromisoformat(v) + dt.timedelta(days=1)).isoformat()
        return f"{c} >= {lit(v)} AND {c} < {lit(nxt)}"
    if op == "monthday":  # 'MM-DD' in any year
        return (f"TO_CHAR({c}, 'MM-DD') = {lit(v)}" if pg else f"strftime('%m-%d', {c}) = {lit(v)}")
    if op == "weekday_in":
        days = ", ".join(str(int(d)) for d in v)
        return (f"EXTRACT(DOW FROM {c}) IN ({days})" if pg else
                f"CAST(strftime('%w', {c}) AS INTEGER) IN ({days})")
    if op == "weekday":  # 0 = Sunday .. 6 = Saturday
        return (f"EXTRACT(DOW FROM {c}) = {int(v)}" if pg else f"strftime('%w', {c}) = {lit(str(int(v)))}")
    if op in ("time>=", "time<", "time="):
        cmp = op[4:]
        return (f"CAST({c} AS TIME) {cmp} {lit(v)}" if pg else f"strftime('%H:%M:%S', {c}) {cmp} {lit(v)}")
    if op == "like":
        return f"CAST({c} AS TEXT) LIKE {lit(v)}"
    if op == "against":  # the matches a named team played in (a side's rows against it)
        return (f"{c} IN (SELECT x.match_id FROM match_teams x JOIN teams xt ON xt.id = x.team_id "
                f"WHERE xt.name = {lit(v)})")
    if op == "opp_region":  # a side's matches against a team of region v (the other side of the same match)
        return (f"{c} IN (SELECT x.match_id FROM match_teams x JOIN teams xt ON xt.id = x.team_id "
                f"WHERE xt.region = {lit(v)} AND x.team_id <> mt.team_id)")
    if op == "team_named":  # a player's team by its name, without joining teams (players with no team stay in the rows)
        return f"{c} = (SELECT xt.id FROM teams xt WHERE xt.name = {lit(v)})"
    if op == "month!=":  # two dates of the same row in different calendar months (a tournament's first and last day)
        return (f"TO_CHAR({c}, 'YYYY-MM') <> TO_CHAR({v}, 'YYYY-MM')" if pg else f"strftime('%Y-%m', {c}) <> strftime('%Y-%m', {v})")
    if op == "col>":  # column compared with another column of the same row
        return f"{c} > {v}"
    if op == "col>=":
        return f"{c} >= {v}"
    if op == "col=":  # column equal to an expression of the row's columns (written by the parser, never by the user)
        return f"{c} = {v}"
    if op == "champion_of":  # the team that won tournament v: most maps won in its final, or most final-stage points
        return (f"{c} = (SELECT x.team_id FROM match_teams x JOIN matches xm ON xm.id = x.match_id "
                f"JOIN tournaments xr ON xr.id = xm.tournament_id WHERE xr.name = {lit(v)} AND xm.stage = 'final' "
                "GROUP BY x.team_id ORDER BY SUM(CASE WHEN xm.format = 'versus' THEN CASE WHEN x.placement = 1 THEN 1 "
                "ELSE 0 END ELSE x.score END) DESC LIMIT 1)")
    if op == "top_team":  # the team first by a measure inside a scope: {"measure": points|kills|wins, "filters": [...]}
        rename = {"m": "xm", "tr": "xr"}
        inner = [Filter(**g) if isinstance(g, dict) else g for g in v["filters"]]
        conds = [filter_sql(Filter(rename[g.col.split(".")[0]] + "." + g.col.split(".")[1], g.op, g.value), dialect)
                 for g in inner if g.col.split(".")[0] in rename]
        total = {"points": "SUM(x.score)", "kills": "SUM(x.kills)",
                 "wins": "SUM(CASE WHEN x.placement = 1 THEN 1 ELSE 0 END)",
                 "chicken": "SUM(CASE WHEN x.placement = 1 AND xm.format = 'ranking' THEN 1 ELSE 0 END)"}[v["measure"]]
        return (f"{c} = (SELECT x.team_id FROM match_teams x JOIN matches xm ON xm.id = x.match_id "
                f"JOIN tournaments xr ON xr.id = xm.tournament_id WHERE {' AND '.join(conds) or '1 = 1'} "
                f"GROUP BY x.team_id ORDER BY {total} DESC LIMIT 1)")
    if op == "by_time":  # the first or last match in a scope: {"order": "asc"|"desc", "filters": [...]} on m.id
        conds = _match_scope(v["filters"], dialect)
        if v.get("player"):  # the named player's own first or last match in the scope
            conds.append("EXISTS (SELECT 1 FROM match_players y JOIN players yp ON yp.id = y.player_id "
                         f"WHERE y.match_id = xm.id AND yp.nickname = {lit(v['player'])})")
        elif v.get("team"):
            conds.append("EXISTS (SELECT 1 FROM match_teams y JOIN teams yt ON yt.id = y.team_id "
                         f"WHERE y.match_id = xm.id AND yt.name = {lit(v['team'])})")
        order = "ASC" if v.get("order") == "asc" else "DESC"
        return (f"{c} = (SELECT xm.id FROM matches xm JOIN tournaments xr ON xr.id = xm.tournament_id "
                f"WHERE {' AND '.join(conds) or '1 = 1'} ORDER BY xm.played_at {order}, xm.id {order} LIMIT 1)")
    if op == "last_n":  # a team's last (or first) n matches in a scope: {"n", "team", "order", "filters": [...]} on m.id
        conds = _match_scope(v.get("filters") or [], dialect) + [f"yt.name = {lit(v['team'])}"]
        order = "ASC" if v.get("order") == "asc" else "DESC"
        return (f"{c} IN (SELECT xm.id FROM matches xm JOIN tournaments xr ON xr.id = xm.tournament_id JOIN match_teams y "
                f"ON y.match_id = xm.id JOIN teams yt ON yt.id = y.team_id WHERE {' AND '.join(conds)} "
                f"ORDER BY xm.played_at {order}, xm.id {order} LIMIT {int(v['n'])})")
    if op == "tr_by_time":  # the first or last tournament by its start: {"order": "asc"|"desc", "game": name or None} on tr.id
        order = "ASC" if v.get("order") == "asc" else "DESC"
        where = f"WHERE x.game = {lit(v['game'])} " if v.get("game") else ""
        return f"{c} = (SELECT x.id FROM tournaments x {where}ORDER BY x.start_date {order}, x.id {order} LIMIT 1)"
    if op == "above_by_game":  # {game: n}: the column above n in that game's matches
        return "(" + " OR ".join(f"(tr.game = {lit(g)} AND {c} > {int(n)})" for g, n in sorted(v.items())) + ")"
    if op in ("without_player", "with_player"):  # the matches a named player sat out (or played in)
        sub = (f"SELECT mp2.match_id FROM match_players mp2 JOIN players p2 ON p2.id = mp2.player_id "
               f"WHERE p2.nickname = {lit(v)}")
        return f"{c} {'NOT IN' if op == 'without_player' else 'IN'} ({sub})"
    if op == "either_pair":  # the two named teams on either side
        a, b = v
        return (f"((wt.name = {lit(a)} AND lt.name = {lit(b)}) OR (wt.name = {lit(b)} AND lt.name = {lit(a)}))")
    if op in ("=", "!=", "<", "<=", ">", ">="):
        return f"{c} {'<>' if op == '!=' else op} {lit(v)}"
    raise ValueError(f"unknown operator {op!r}")


def _match_scope(filters: list, dialect: str) -> list[str]:
    """A scope's conditions on matches and tournaments, said of a subquery's own aliases (``xm``, ``xr``)."""
    rename = {"m": "xm", "tr": "xr"}
    inner = [Filter(**g) if isinstance(g, dict) else g for g in filters]
    return [filter_sql(Filter(rename[g.col.split(".")[0]] + "." + g.col.split(".")[1], g.op, g.value), dialect)
            for g in inner if g.col.split(".")[0] in rename]


def _filter_aliases(f: Filter) -> set[str]:
    if f.op == "either_pair":
        return {"wt", "lt"}
    out = _aliases_in(f.col)
    if f.op == "above_by_game":
        out.add("tr")
    if f.op in ("col>", "col>=", "col=", "month!="):
        out |= _aliases_in(str(f.value))
    return out


def joins_for(needed: set[str], fact: str | None = None) -> tuple[str, list[str]]:
    """(base alias, JOIN clauses) connecting every alias in ``needed`` along the foreign keys."""
    needed = set(needed)
    if needed & {"l", "lt", "wt"}:
        needed.add("w")
    both = "mp" in needed and "mt" in needed
    if both:
        needed.add("p")  # a player's own side of the match: mt.team_id = p.team_id
    base = fact or next((a for a in FACTS if a in needed), "m")
    needed.add(base)
    pair = bool(needed & {"w", "l", "wt", "lt"})
    adj: dict[str, list[tuple[str, str]]] = {}
    for a, b, cond in EDGES:
        if (not pair and (a in ("w", "l") or b in ("w", "l"))) or (both and "mt" in (a, b)):
            continue
        adj.setdefault(a, []).append((b, cond))
        adj.setdefault(b, []).append((a, cond))
    if both:
        adj["p"].append(("mt", "mt.match_id = mp.match_id AND mt.team_id = p.team_id"))
    joined = [base]
    clauses: list[str] = []
    while any(a not in joined for a in needed):
        # Breadth-first from everything joined so far; take the nearest missing alias's path.
        prev: dict[str, tuple[str, str] | None] = {j: None for j in joined}
        frontier = list(joined)
        target = None
        while frontier and target is None:
            nxt = []
            for node in frontier:
                for nb, cond in adj.get(node, []):
                    if nb not in prev:
                        prev[nb] = (node, cond)
                        nxt.append(nb)
            for nb in nxt:
                if nb in needed and target is None:
                    target = nb
            frontier = nxt
        if target is None:
            raise ValueError(f"cannot join {sorted(needed)}")
        path = []
        node = target
        while prev[node] is not None:
            path.append((node, prev[node][1]))
            node = prev[node][0]
        for node, cond in reversed(path):
            joined.append(node)
            clauses.append(f"JOIN {TABLES[node]} {node} ON {cond}")
    return base, clauses


def _from(needed: set[str], fact: str | None) -> str:
    base, clauses = joins_for(needed, fact)
    return " ".join([f"FROM {TABLES[base]} {base}", *clauses])


def _where(filters: list[Filter], dialect: str, extra: list[str] = ()) -> str:
    conds = [filter_sql(f, dialect) for f in filters] + list(extra)
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def _subquery_ids(key_alias: str, filters: list[Filter], dialect: str, via: str | None = None) -> str:
    """SELECT of the ids of ``key_alias``'s entity that took part in a match under ``filters`` (``via`` =
    'opponent': the teams on the other side, ``l``, of matches whose side ``w`` the filters describe)."""
    if via == "opponent":
        needed = {"w", "l"} | set().union(*[_filter_aliases(f) for f in filters])
        return f"SELECT l.team_id {_from(needed, 'w')}{_where(filters, dialect)}"
    if via == "roster":  # the teams someone (under the filters) plays for; a player with no team is nobody's
        needed = {"p"} | set().union(*[_filter_aliases(f) for f in filters])
        return f"SELECT p.team_id {_from(needed, 'p')}{_where(filters + [Filter('p.team_id', 'not_null')], dialect)}"
    fact, col = PARTICIPATION[key_alias]
    needed = {fact} | set().union(*[_filter_aliases(f) for f in filters]) if filters else {fact}
    return f"SELECT {col} {_from(needed, fact)}{_where(filters, dialect)}"


BLANKABLE = ("m.map", "t.region", "p.role", "m.stage")


def _unblank_ranking(ir: IR) -> IR:
    """A ranking of groups keyed by a value that may be blank (a map, region, role or stage) ranks the values there
    are: "the most played map" is never the matches recorded without one. A breakdown keeps the blank row."""
    ranked = (ir.order in ("asc", "desc") and ir.limit) or (ir.vs or {}).get("ref") == "rank"
    if not (ir.group and ir.measure and ranked and ir.select[:1] and ir.select[0] in BLANKABLE) \
            or any(f.col == ir.select[0] for f in ir.filters):
        return ir
    return dataclasses.replace(ir, filters=list(ir.filters) + [Filter(ir.select[0], "not_null")])


# the tables whose every row a zero-kept grouping lists: (table, alias, column)
_ZERO_BASE = {"tr.name": ("tournaments", "tr", "name"), "t.name": ("teams", "t", "name"), "p.nickname": ("players", "p", "nickname")}


def compile_sql(ir: IR, dialect: str = "sqlite", names: list[str] | None = None) -> str:
    """The SELECT statement for ``ir`` (SQLite or PostgreSQL); ``names`` renames the output columns."""
    if ir.minus:
        a = dataclasses.replace(ir, minus=None, filters=list(ir.filters) + list(ir.minus["a"]))
        b = dataclasses.replace(ir, minus=None, filters=list(ir.filters) + list(ir.minus["b"]))
        return f"SELECT ({compile_sql(a, dialect)}) - ({compile_sql(b, dialect)})"
    if ir.count_groups:
        inner = dataclasses.replace(ir, count_groups=False)
        return f"SELECT COUNT(*) FROM ({compile_sql(inner, dialect)}) g"
    if ir.zero_groups and len(ir.select) == 1 and ir.select[0] in _ZERO_BASE and not ir.extra_measures:
        table, alias, col = _ZERO_BASE[ir.select[0]]
        inner = compile_sql(dataclasses.replace(ir, zero_groups=False, order=None, limit=None), dialect, names=["k", "v"])
        if not inner.startswith("WITH"):
            sql = (f"WITH g AS ({inner}) SELECT {alias}.{col}, COALESCE(g.v, 0) FROM {table} {alias} "
                   f"LEFT JOIN g ON g.k = {alias}.{col}")
            if ir.order in ("desc", "asc"):
                sql += f" ORDER BY COALESCE(g.v, 0) {ir.order.upper()}"
            return sql + (f" LIMIT {int(ir.limit)}" if ir.limit else "")
    if ir.measure == "titles":
        return _compile_titles(ir, dialect)
    if ir.measure and ir.measure.startswith("streak:"):
        return _compile_streak(ir, dialect)
    if ir.setop:
        return _compile_setop(ir, dialect)
    if ir.nest:
        return _compile_nest(ir, dialect, names)
    if ir.compare:
        return _compile_compare(ir, dialect)
    if ir.per:
        return _compile_per(ir, dialect)
    ir = _unblank_ranking(ir)
    sel = list(ir.select)
    needed = set().union(*[_aliases_in(c) for c in sel]) if sel else set()
    needed |= _measure_aliases(ir.measure) | _measure_aliases(ir.having_measure)
    for extra in list(ir.extra_measures) + [h[0] for h in ir.having_also]:
        more = _measure_aliases(extra)
        if ir.fact == "w" and extra in ("record", "wins", "losses", "win_rate", "win_ratio"):
            more = (more - {"mt"}) | {"w"}  # counted on the named team's side, as the measure is
        needed |= more
    for scope in (ir.split or {}).get("scopes", []):
        for f in scope:
            needed |= _filter_aliases(f)
    if ir.fact == "w" and "mt" in needed and ir.measure in ("record", "wins", "win_rate", "win_ratio"):
        needed = (needed - {"mt"}) | {"w"}  # the measure is counted on the named team's side
    for f in ir.filters + ir.part:
        needed |= _filter_aliases(f)
    order_col = None
    if ir.order and ir.order.startswith("col:"):
        _, order_col, direction = ir.order.split(":")
        needed |= _aliases_in(order_col)
    if ir.extreme:
        needed |= _aliases_in(ir.extreme[0])
    if ir.fact == "w":
        needed.add("w")
    if not needed:
        needed = {"m"}
    frm = _from(needed, ir.fact)
    extra = []
    if ir.extreme:
        col, fn = ir.extreme
        col = col_sql(col, dialect)
        sub_needed = _aliases_in(col) | set().union(*[_filter_aliases(f) for f in ir.filters]) if ir.filters \
            else _aliases_in(col)
        extra.append(f"{col} = (SELECT {fn.upper()}({col}) {_from(sub_needed, ir.fact)}"
                     f"{_where(ir.filters, dialect)})")
    where = _where(ir.filters, dialect, extra)
    sel = [col_sql(c, dialect) for c in sel]
    if order_col:
        order_col = col_sql(order_col, dialect)
    cols = list(sel)
    mexpr = measure_sql(ir.measure, ir) if ir.measure else None
    if mexpr:
        cols.extend(_measure_columns(ir, dialect))
        if ir.split:
            mexpr = cols[len(sel)]  # ordered and compared by the first scope's
    if ir.extreme and col_sql(ir.extreme[0], dialect) not in cols:
        cols.append(col_sql(ir.extreme[0], dialect))
    if names:
        cols = [f"{c} AS {n}" for c, n in zip(cols, names)]
    # the rows at an extreme that the selected columns cannot tell apart (one player's two best maps, asked as
    # "the player and the kills") are one answer
    head = "SELECT DISTINCT " if (ir.distinct or (ir.extreme and not ir.group)) and not mexpr else "SELECT "
    sql = head + ", ".join(cols) + " " + frm + where
    if ir.group and sel:
        keys = []
        for c in sel:
            alias = c.split(".")[0]
            if alias in KEY_ID and c.endswith((".name", ".nickname")):
                keys.append(KEY_ID[alias])
            keys.append(c)
        if order_col:
            keys.append(order_col)  # PostgreSQL wants what it orders by among the groups
        sql += " GROUP BY " + ", ".join(dict.fromkeys(keys))
    having = []
    if ir.having and (mexpr or ir.having_measure):
        op, value = ir.having
        hexpr = measure_sql(ir.having_measure, ir) if ir.having_measure else mexpr
        having.append(f"{hexpr} {op} {lit(value)}")
    for hm, op, value in ir.having_also:
        if op not in ("=", "!=", "<", "<=", ">", ">="):
            raise ValueError(f"unknown operator {op!r}")
        having.append(f"{measure_sql(hm, ir)} {'<>' if op == '!=' else op} {lit(value)}")
    if ir.vs and ir.group and mexpr:
        having.append(f"{mexpr} {ir.vs['op']} ({_vs_reference(ir, dialect)})")
    if ir.split and ir.group and ir.split.get("keep", "all") != "all":
        keep = ir.split["keep"]
        scopes = ir.split["scopes"] if keep == "both" else [ir.split["scopes"][int(keep)]]
        having += [f"{_scoped('COUNT(*)', _scope_cond(sc, dialect))} > 0" for sc in scopes]
    if having:
        sql += " HAVING " + " AND ".join(having)
    if ir.limit == 1 and not order_col and ir.order in ("desc", "asc", "both") and mexpr and ir.group and sel and not names:
        # the best one, ties kept: every group whose measure equals the best (``both``: the best and the worst)
        named = [f"{c} AS c{i}" for i, c in enumerate(cols)]
        inner = head + ", ".join(named) + sql[len(head) + len(", ".join(cols)):]
        last = f"c{len(sel)}"  # the measure's column (further measures follow it)
        if ir.order == "both":
            return (f"WITH s AS ({inner}) SELECT * FROM s WHERE {last} = (SELECT MAX({last}) FROM s) "
                    f"OR {last} = (SELECT MIN({last}) FROM s)")
        fn = "MAX" if ir.order == "desc" else "MIN"
        return f"WITH s AS ({inner}) SELECT * FROM s WHERE {last} = (SELECT {fn}({last}) FROM s)"
    if order_col:
        sql += f" ORDER BY {order_col} {direction.upper()}"
    elif ir.order in ("desc", "asc") and mexpr:
        sql += f" ORDER BY {mexpr} {ir.order.upper()}"
        if ir.tiebreak in ("asc", "desc") and cols:
            sql += f", {cols[0]} {ir.tiebreak.upper()}"
    if ir.limit:
        sql += f" LIMIT {int(ir.limit)}"
    return sql


def _scope_cond(filters: list[Filter], dialect: str) -> str:
    return " AND ".join(filter_sql(f, dialect) for f in filters) or "1 = 1"


def _scoped(expr: str, cond: str) -> str:
    """``expr`` with each aggregate's argument kept only on rows meeting ``cond`` (a conditional aggregate):
    ``SUM(x)`` → ``SUM(CASE WHEN cond THEN x END)``, ``COUNT(*)`` → ``COUNT(CASE WHEN cond THEN 1 END)``; a count that
    divides is never 0 (``NULLIF``), so a scope without rows gives NULL and not an error."""
    import re

    out, i = [], 0
    for m in re.finditer(r"\b(SUM|AVG|MAX|MIN|COUNT)\(", expr):
        if m.start() < i:
            continue
        depth, j = 1, m.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(expr[j], 0)
            j += 1
        arg = expr[m.end():j - 1]
        func = m.group(1)
        distinct = arg.startswith("DISTINCT ")
        if distinct:
            arg = arg[len("DISTINCT "):]
        body = f"CASE WHEN {cond} THEN {'1' if arg == '*' else arg} END"
        new = f"{func}({'DISTINCT ' if distinct else ''}{body})"
        if func == "COUNT" and expr[:m.start()].rstrip().endswith("/"):
            new = f"NULLIF({new}, 0)"
        out.append(expr[i:m.start()] + new)
        i = j
    out.append(expr[i:])
    return "".join(out)


def _measure_columns(ir: IR, dialect: str) -> list[str]:
    """The measure's column(s) and the extra measures', each once per scope of ``split``."""
    exprs = [measure_sql(m, ir) for m in [ir.measure, *ir.extra_measures] if m]
    if not ir.split:
        return exprs
    conds = [_scope_cond(sc, dialect) for sc in ir.split["scopes"]]
    out = []
    for e in exprs:
        # a record's two columns are split each ("wins, losses" → two aggregates per scope)
        parts = _top_level_parts(e)
        out += [", ".join(_scoped(p, c) for p in parts) for c in conds]
    return out


def _top_level_parts(expr: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in expr:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    parts.append(cur.strip())
    return parts


def _compile_nest(ir: IR, dialect: str, names: list[str] | None = None) -> str:
    """An aggregate of per-group totals: the measure per value of ``nest['by']`` (and of the selected keys), then
    ``nest['agg']`` of those totals for each selected key (or over all); ``count`` among the extra measures counts
    the totals, a column measure among them is taken over the rows as usual (its total per inner group summed)."""
    agg = ir.nest.get("agg", "avg").upper()
    if agg not in ("AVG", "MAX", "MIN", "SUM"):
        raise ValueError(f"unknown aggregate {agg!r}")
    by = list(ir.nest.get("by") or ["m.id"])
    keys = list(ir.select)
    inner = dataclasses.replace(ir, nest=None, select=keys + [b for b in by if b not in keys], group=True,
                                extra_measures=[], order=None, limit=None, having=None, having_measure=None,
                                having_also=[], count_groups=False, distinct=False, split=None)
    inner_names = [f"k{i}" for i in range(len(keys))] + [f"b{i}" for i in range(len(inner.select) - len(keys))] + ["v"]
    body = compile_sql(inner, dialect, names=inner_names)
    outer_keys = [f"n.k{i}" for i in range(len(keys))]
    cols = list(outer_keys) + [f"{agg}(n.v)"]
    for extra in ir.extra_measures:
        if extra == "count":
            cols.append("COUNT(*)")
        else:
            raise ValueError(f"unsupported measure beside a nested aggregate: {extra!r}")
    if names:
        cols = [f"{c} AS {n}" for c, n in zip(cols, names)] + cols[len(names):]
    sql = f"WITH n AS ({body}) SELECT {', '.join(cols)} FROM n"
    if outer_keys:
        sql += " GROUP BY " + ", ".join(outer_keys)
    if ir.having:
        sql += f" HAVING {agg}(n.v) {ir.having[0]} {lit(ir.having[1])}"
    if ir.order in ("desc", "asc"):
        sql += f" ORDER BY {agg}(n.v) {ir.order.upper()}"
    if ir.limit:
        sql += f" LIMIT {int(ir.limit)}"
    return sql


def _vs_reference(ir: IR, dialect: str) -> str:
    """The value a nested comparison compares with (a scalar subquery)."""
    vs = ir.vs
    plain = dataclasses.replace(ir, vs=None, having=None, having_measure=None, order=None, limit=None,
                                count_groups=False, extreme=None)
    if vs.get("ref") == "value":  # the measure of one named entity in the same scope
        fs = list(ir.filters) + list(vs.get("filters") or [])
        return compile_sql(dataclasses.replace(plain, select=[], group=False, filters=fs), dialect)
    if vs.get("ref") == "all":  # all the things counted in the scope, whoever took part ("every tournament of 2025")
        own = set().union(*[_aliases_in(c) for c in ir.select]) | {"t", "p"}
        fs = [f for f in ir.filters if not (_filter_aliases(f) & own)]
        return compile_sql(IR(measure=ir.measure, filters=fs), dialect)
    if vs.get("ref") == "rank":  # the n-th best of the groups' measures, ties sharing a place ("second in kills")
        inner = compile_sql(dataclasses.replace(plain, distinct=False), dialect,
                            names=[f"k{i}" for i in range(len(ir.select))] + ["v"])
        direction = "ASC" if vs.get("order") == "asc" else "DESC"
        return f"SELECT DISTINCT v FROM ({inner}) x ORDER BY v {direction} LIMIT 1 OFFSET {int(vs['n']) - 1}"
    if ir.measure and ir.measure.startswith("avg:"):  # an average per group against the average of all rows
        return compile_sql(dataclasses.replace(plain, select=[], group=False), dialect)
    inner = compile_sql(dataclasses.replace(plain, distinct=False), dialect,
                        names=[f"k{i}" for i in range(len(ir.select))] + ["v"])
    return f"SELECT AVG(v) FROM ({inner}) x"  # the average of the groups' measures


def _compile_setop(ir: IR, dialect: str) -> str:
    key = ir.select[0]
    alias = key.split(".")[0]
    if key in ("m.map", "m.stage"):
        # a match's value, not an entity ("maps X never played on"): the values under ``a`` that no row under ``b`` has
        a, b = ir.setop["a"] or [], ir.setop["b"]
        word = "NOT IN" if ir.setop["op"] == "except" else "IN"
        outer = list(ir.filters) + list(a) + [Filter(key, "not_null")]
        inner = list(b) + [Filter(key, "not_null")]
        frm_a = _from({"m"} | set().union(*[_filter_aliases(f) for f in outer]), "m")
        frm_b = _from({"m"} | set().union(*[_filter_aliases(f) for f in inner]), "m")
        return (f"SELECT DISTINCT {key} {frm_a}{_where(outer, dialect)} AND {key} {word} "
                f"(SELECT {key} {frm_b}{_where(inner, dialect)})")
    own = [f for f in ir.filters]
    needed = {alias} | set().union(*[_filter_aliases(f) for f in own]) if own else {alias}
    frm = _from(needed, alias)
    conds = [filter_sql(f, dialect) for f in own]
    op = ir.setop["op"]
    a, b = ir.setop["a"], ir.setop["b"]
    via = ir.setop.get("via")
    if a is not None:  # an empty scope still means "took part at all"
        conds.append(f"{KEY_ID[alias]} IN ({_subquery_ids(alias, a, dialect, via if via != 'roster' else None)})")
    word = "NOT IN" if op == "except" else "IN"
    conds.append(f"{KEY_ID[alias]} {word} ({_subquery_ids(alias, b, dialect, via)})")
    return f"SELECT DISTINCT {', '.join(ir.select)} {frm} WHERE " + " AND ".join(conds)


def _compile_titles(ir: IR, dialect: str) -> str:
    """Titles per team: how many tournaments (in the filters' scope) each team won ("title" per tournament,
    ties kept); a filter on ``t.name`` keeps that team, ``order``/``limit`` rank the teams. CTEs only, so the
    safety check sees every alias."""
    own = [f for f in ir.filters if f.col == "t.name"]
    scope = [f for f in ir.filters if f.col != "t.name" and f.col != "m.stage"] + [Filter("m.stage", "=", "final")]
    per = compile_sql(IR(select=["tr.name", "t.name"], measure="title", filters=scope, group=True, fact=ir.fact),
                      dialect, names=["g", "k", "v"])
    where = _where([Filter("champ.k", f.op, f.value) for f in own], dialect)
    sql = (f"WITH s AS ({per}), best AS (SELECT s.g, MAX(s.v) AS v FROM s GROUP BY s.g), "
           "champ AS (SELECT s.g, s.k FROM s JOIN best ON best.g = s.g AND best.v = s.v), "
           f"tally AS (SELECT champ.k, COUNT(*) AS n FROM champ{where} GROUP BY champ.k) ")
    if not ir.select:
        return sql + "SELECT COALESCE(SUM(tally.n), 0) FROM tally"
    if ir.limit == 1 and ir.order in ("desc", "asc"):
        fn = "MAX" if ir.order == "desc" else "MIN"
        return sql + f"SELECT tally.k, tally.n FROM tally WHERE tally.n = (SELECT {fn}(tally.n) FROM tally)"
    sql += "SELECT tally.k, tally.n FROM tally"
    if ir.order in ("desc", "asc"):
        sql += f" ORDER BY tally.n {ir.order.upper()}" + (f" LIMIT {int(ir.limit)}" if ir.limit else "")
    return sql


def _compile_per(ir: IR, dialect: str) -> str:
    """Inside each value of ``per``, the selected key with the best measure (ties kept)."""
    key = ir.select[0]
    inner = IR(select=[ir.per, key], measure=ir.measure, filters=ir.filters, group=True, fact=ir.fact)
    body = compile_sql(inner, dialect, names=["g", "k", "v"])
    fn = "MIN" if ir.order == "asc" else "MAX"
    return (f"WITH s AS ({body}), best AS (SELECT g, {fn}(v) AS v FROM s GROUP BY g) "
            "SELECT s.g, s.k, s.v FROM s JOIN best ON best.g = s.g AND best.v = s.v")


def _compile_compare(ir: IR, dialect: str) -> str:
    """Keys whose measure in scope ``b`` beats (``op``) their measure in scope ``a``."""
    key = ir.select[0]
    alias = key.split(".")[0]
    a = IR(select=[KEY_ID[alias]], measure=ir.measure, filters=ir.compare["a"], group=True, fact=ir.fact)
    b = IR(select=[KEY_ID[alias]], measure=ir.measure, filters=ir.compare["b"], group=True, fact=ir.fact)
    op = ir.compare.get("op", ">")
    return (f"WITH a AS ({compile_sql(a, dialect, names=['id', 'v'])}), "
            f"b AS ({compile_sql(b, dialect, names=['id', 'v'])}) "
            f"SELECT {key}, a.v, b.v FROM {TABLES[alias]} {alias} JOIN a ON a.id = {KEY_ID[alias]} "
            f"JOIN b ON b.id = {KEY_ID[alias]} WHERE b.v {op} a.v")


def _compile_streak(ir: IR, dialect: str) -> str:
    """'streak:<placement>': the longest run of rows with that placement (1 a win, 2 a loss in versus play) among the
    filtered side rows ordered by time (gaps and islands: a run keeps row number minus its rank within the placement)."""
    placement = int(ir.measure.split(":", 1)[1])
    needed = {"mt", "m"}.union(*[_filter_aliases(f) for f in ir.filters])
    if ir.select == ["t.name"]:  # every team's longest run; the longest of them, ties kept, with the team
        rows = (f"SELECT mt.team_id AS k, mt.placement AS pl, ROW_NUMBER() OVER (PARTITION BY mt.team_id ORDER BY m.played_at, m.id) "
                f"AS rn {_from(needed, 'mt')}{_where(ir.filters, dialect)}")
        return (f"WITH r AS ({rows}), g AS (SELECT k, pl, rn - ROW_NUMBER() OVER (PARTITION BY k, pl ORDER BY rn) AS grp FROM r), "
                f"s AS (SELECT k, MAX(c) AS c FROM (SELECT k, COUNT(*) AS c FROM g WHERE pl = {placement} GROUP BY k, grp) u GROUP BY k) "
                "SELECT t.name, s.c FROM s JOIN teams t ON t.id = s.k WHERE s.c = (SELECT MAX(c) FROM s)")
    rows = (f"SELECT mt.placement AS pl, ROW_NUMBER() OVER (ORDER BY m.played_at, m.id) AS rn {_from(needed, 'mt')}"
            f"{_where(ir.filters, dialect)}")
    return (f"WITH r AS ({rows}), g AS (SELECT pl, rn - ROW_NUMBER() OVER (PARTITION BY pl ORDER BY rn) AS grp FROM r) "
            f"SELECT COALESCE(MAX(c), 0) FROM (SELECT COUNT(*) AS c FROM g WHERE pl = {placement} GROUP BY grp) s")

