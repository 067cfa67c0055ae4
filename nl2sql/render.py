"""A short natural answer in Korean or English for a query's rows (the SQL and rows are shown too)."""
from __future__ import annotations

from typing import Any

from kernel.korean import has_batchim
from .query import Query


def _p(word: str | None, pair: str) -> str:
    """``word`` with the Korean particle of ``pair`` ("은/는", "이/가", "을/를", "이에요/예요") it needs."""
    first, second = pair.split("/")
    return f"{word}{first if has_batchim(str(word)) else second}"


def _pos(name: str | None) -> str:
    """English possessive: "Night Owls'", "Zephyr's"."""
    return f"{name}'" if str(name).endswith("s") else f"{name}'s"

STAGE_KO = {"final": "결승", "semifinal": "준결승", "quarterfinal": "8강", "group": "조별 리그"}
METRIC_NAMES = {
    "en": {"kills": "kills", "deaths": "deaths", "assists": "assists", "damage": "damage", "kd": "K/D",
           "kda": "KDA", "matches": "matches", "wins": "wins", "points": "points", "win_rate": "win rate",
           "placement": "placement"},
    "ko": {"kills": "킬", "deaths": "데스", "assists": "어시스트", "damage": "딜량", "kd": "K/D", "kda": "KDA",
           "matches": "경기 수", "wins": "승수", "points": "점수", "win_rate": "승률", "placement": "순위"},
}
AGG_NAMES = {"en": {"sum": "total", "avg": "average", "max": "best single-match"},
             "ko": {"sum": "총", "avg": "평균", "max": "한 경기 최고"}}


def _scope(q: Query, lang: str) -> str:
    parts = []
    if lang == "en":
        if q.tournament:
            parts.append(f"in {q.tournament}")
        if q.stage:
            parts.append(f"in the {q.stage}")
        if q.map:
            parts.append(f"on {q.map}")
        if q.game:
            parts.append(f"in {q.game}")
        if q.year:
            parts.append(f"in {q.year}")
        return (" " + " ".join(parts)) if parts else ""
    if q.year:
        parts.append(f"{q.year}년")
    if q.game:
        parts.append(q.game)
    if q.tournament:
        parts.append(q.tournament)
    if q.stage:
        parts.append(STAGE_KO.get(q.stage, q.stage))
    if q.map:
        parts.append(q.map)
    return (" ".join(parts) + " 기준 ") if parts else ""


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(q: Query, columns: list[str], rows: list[list[Any]], lang: str, truncated: bool = False) -> str:
    """One or two sentences answering ``q`` from its result rows."""
    s = _scope(q, lang)
    k = q.kind
    value = rows[0][0] if rows and rows[0] else None
    metric = METRIC_NAMES[lang].get(q.metric or "", q.metric or "")
    agg = AGG_NAMES[lang].get(q.agg or "sum", "")
    if lang == "en":
        if not rows or (len(rows) == 1 and all(v is None for v in rows[0])):
            return f"No matching matches were found{s}."
        simple = {
            "team_wins": f"{q.team} won {_fmt(value)} match(es){' against ' + q.team2 if q.team2 else ''}{s}.",
            "team_losses": f"{q.team} lost {_fmt(value)} match(es){s}.",
            "team_matches": f"{q.team} played {_fmt(value)} match(es){s}.",
            "team_win_rate": f"{_pos(q.team)} win rate{s} is {_fmt(value)}%.",
            "player_team": f"{q.player} plays for {_fmt(value)}.",
            "match_count": f"{_fmt(value)} match(es) were played{s}.",
        }
        if k in simple:
            return simple[k]
        if k == "team_record":
            return f"{q.team}{s}: {_fmt(rows[0][0])} win(s), {_fmt(rows[0][1])} loss(es)."
        if k == "team_stat":
            return f"{_pos(q.team)} {agg} {metric}{s}: {_fmt(value)}."
        if k == "player_stat":
            label = metric if q.metric in ("kd", "kda", "matches") else f"{agg} {metric}"
            return f"{_pos(q.player)} {label}{s}: {_fmt(value)}."
        if k == "head_to_head":
            parts = ", ".join(f"{r[0]} {_fmt(r[1])} win(s)" for r in rows)
            return f"{q.team} vs {q.team2}{s} ({_fmt(rows[0][2])} match(es)): {parts}."
        if k == "stage_winner":
            names = ", ".join(dict.fromkeys(str(r[0]) for r in rows))
            return f"Winner of the {q.stage or 'final'}{' of ' + q.tournament if q.tournament else ''}: {names}."
        if k == "team_roster":
            return f"{q.team}: " + ", ".join(f"{r[0]} ({r[1]})" if r[1] else str(r[0]) for r in rows) + "."
        if k == "team_results":
            return f"{_pos(q.team)} last {len(rows)} match(es){s}: " + "; ".join(
                f"{str(r[0])[:10]} {r[1]} {r[2] or ''} place {r[4]}, score {r[5]}".replace("  ", " ") for r in rows) + "."
        if k == "tournament_info":
            r = rows[0]
            return f"{r[0]} ({r[1]}) runs from {str(r[2])[:10]} to {str(r[3])[:10]}."
        if k == "tournament_list":
            return f"{len(rows)} tournament(s){s}: " + ", ".join(str(r[0]) for r in rows) + "."
        if k in ("top_players", "top_teams", "players_having", "teams_having"):
            listed = ", ".join(f"{r[0]} ({_fmt(r[1])})" for r in rows[:10])
            more = f" and {len(rows) - 10} more" if len(rows) > 10 else ""
            return f"{columns[1].replace('_', ' ')}{s}: {listed}{more}."
        return f"{len(rows)} row(s)."
    # Korean
    if not rows or (len(rows) == 1 and all(v is None for v in rows[0])):
        return f"{s}조건에 맞는 경기가 없어요."
    simple = {
        "team_wins": f"{s}{_p(q.team, '은/는')}{' ' + q.team2 + ' 상대로' if q.team2 else ''} {_fmt(value)}번 이겼어요.",
        "team_losses": f"{s}{_p(q.team, '은/는')} {_fmt(value)}번 졌어요.",
        "team_matches": f"{s}{_p(q.team, '은/는')} {_fmt(value)}경기를 했어요.",
        "team_win_rate": f"{s}{q.team}의 승률은 {_fmt(value)}%예요.",
        "player_team": f"{q.player} 선수의 소속 팀은 {_p(_fmt(value), '이에요/예요')}.",
        "match_count": f"{s}경기는 모두 {_fmt(value)}번 열렸어요.",
    }
    if k in simple:
        return simple[k]
    if k == "team_record":
        return f"{s}{_p(q.team, '은/는')} {_fmt(rows[0][0])}승 {_fmt(rows[0][1])}패예요."
    if k == "team_stat":
        return f"{s}{q.team}의 {agg} {_p(metric, '은/는')} {_p(_fmt(value), '이에요/예요')}."
    if k == "player_stat":
        label = metric if q.metric in ("kd", "kda", "matches") else f"{agg} {metric}"
        return f"{s}{q.player} 선수의 {label}: {_fmt(value)}"
    if k == "head_to_head":
        parts = ", ".join(f"{r[0]} {_fmt(r[1])}승" for r in rows)
        return f"{s}{q.team} 대 {q.team2} 상대 전적({_fmt(rows[0][2])}경기): {parts}"
    if k == "stage_winner":
        names = ", ".join(dict.fromkeys(str(r[0]) for r in rows))
        return f"{q.tournament + ' ' if q.tournament else ''}{STAGE_KO.get(q.stage or 'final', q.stage)} 승자: {names}"
    if k == "team_roster":
        return f"{q.team} 선수: " + ", ".join(f"{r[0]}({r[1]})" if r[1] else str(r[0]) for r in rows)
    if k == "team_results":
        return f"{s}{q.team} 최근 {len(rows)}경기: " + "; ".join(
            f"{str(r[0])[:10]} {r[1]} {STAGE_KO.get(r[2] or '', r[2] or '')} {r[4]}위 {r[5]}점" for r in rows)
    if k == "tournament_info":
        r = rows[0]
        return f"{r[0]}({r[1]}) 일정: {str(r[2])[:10]} ~ {str(r[3])[:10]}"
    if k == "tournament_list":
        return f"{s}대회 {len(rows)}개: " + ", ".join(str(r[0]) for r in rows)
    if k in ("top_players", "top_teams", "players_having", "teams_having"):
        listed = ", ".join(f"{r[0]}({_fmt(r[1])})" for r in rows[:10])
        more = f" 외 {len(rows) - 10}개" if len(rows) > 10 else ""
        return f"{s}{metric} 순위: {listed}{more}"
    return f"결과 {len(rows)}행"


def render_ir(shape: str, columns: list[str], rows: list[list[Any]], lang: str, truncated: bool = False,
              names: list[str] = (), percent: bool = False) -> str:
    """A short answer for an IR query: the value, or the first rows of a list, in the asker's language;
    ``names`` are the values the question filtered on (teams, players, tournaments, ...); ``percent``
    marks a single value as a percentage."""
    scope = ", ".join(str(n) for n in names)
    if not rows:
        return (f"No matching records{' for ' + scope if scope else ''}." if lang == "en"
                else f"{scope + ' 기준으로 ' if scope else ''}조건에 맞는 기록이 없어요.")
    if len(rows) == 1 and len(rows[0]) == 1:
        value = _fmt(rows[0][0]) if rows[0][0] is not None else ("none" if lang == "en" else "없음")
        if percent and rows[0][0] is not None:
            value += "%"
        if lang == "en":
            return f"{scope}: {value}." if scope else f"The answer is {value}."
        return f"{scope} 기준으로 {_p(value, '이에요/예요')}." if scope else f"답은 {_p(value, '이에요/예요')}."
    shown = [" / ".join(_fmt(v) for v in r if v is not None) for r in rows[:5]]
    more = len(rows) - len(shown)
    if lang == "en":
        tail = f", and {more} more" if more > 0 else ""
        return f"{len(rows)}{'+' if truncated else ''} result{'s' if len(rows) != 1 else ''}: " + "; ".join(shown) + tail + "."
    tail = f" 외 {more}건" if more > 0 else ""
    return f"{len(rows)}{'+' if truncated else ''}건: " + "; ".join(shown) + tail + "."
