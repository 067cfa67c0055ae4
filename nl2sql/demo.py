"""Invented but realistic match data: tournaments of three games in both formats, Hangul and Latin
team names, players with per-match stats. Deterministic for a names file and an anchor date.

``ensure_demo_database(url)`` fills the app's match database when it is empty; ``fill(engine, names)``
is also how tests and the evaluation build databases with other names.
"""
from __future__ import annotations

import datetime as dt
import logging
import random
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from matchdata import schema as matchdb
from kernel.db import create_tables, writable_engine
from kernel.korean import has_hangul

log = logging.getLogger(__name__)

DEMO_NAMES = Path(__file__).parent / "templates" / "demo_names.yaml"
PLACE_POINTS = [10, 6, 5, 4, 3, 2, 1, 0]


def load_names(path: Path | str = DEMO_NAMES) -> dict[str, Any]:
    """The names file (games, tournaments, teams, nicknames) as a dict."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def generate(names: dict[str, Any], anchor: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Rows for every match table; ``anchor`` is the day after the last match."""
    rng = random.Random(names.get("seed", 7))
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in
                                             ("tournaments", "teams", "players", "matches", "match_teams", "match_players")}
    nick_iter = iter(names["nicknames"])
    team_ids: dict[str, list[int]] = {}
    strength: dict[int, float] = {}
    roster: dict[int, list[int]] = {}
    for game, teams in names["teams"].items():
        spec = names["games"][game]
        team_ids[game] = []
        for name in teams:
            tid = len(rows["teams"]) + 1
            region = names["regions"]["hangul"] if has_hangul(name) else rng.choice(names["regions"]["latin"])
            rows["teams"].append({"id": tid, "name": name, "region": region})
            team_ids[game].append(tid)
            strength[tid] = rng.uniform(0.6, 1.6)
            roster[tid] = []
            for role in names["roles"][game][:spec["players"]]:
                pid = len(rows["players"]) + 1
                rows["players"].append({"id": pid, "nickname": next(nick_iter), "team_id": tid, "role": role})
                roster[tid].append(pid)
    skill = {p["id"]: rng.uniform(0.7, 1.4) for p in rows["players"]}
    span = int(names.get("span_days", 420))
    semis: list[int] = []
    for game, bases in names["tournaments"].items():
        spec = names["games"][game]
        for i, base in enumerate(bases):
            offset = rng.randint(0, 40)
            start = anchor - dt.timedelta(days=span) + dt.timedelta(days=offset + i * (span - 30) // len(bases))
            start = min(start, anchor - dt.timedelta(days=25))
            end = start + dt.timedelta(days=20)
            trid = len(rows["tournaments"]) + 1
            rows["tournaments"].append({"id": trid, "name": f"{base} {start.year}", "game": game,
                                        "start_date": start, "end_date": end})
            teams = list(team_ids[game])
            rng.shuffle(teams)
            schedule = _versus_schedule(teams, rng, strength) if spec["format"] == "versus" else _ranking_schedule(teams)
            for day, (stage, entrants) in enumerate(schedule):
                played = dt.datetime.combine(start + dt.timedelta(days=min(19, day * 20 // len(schedule))),
                                             dt.time(17 + rng.randint(0, 4), rng.choice([0, 30])))
                mid = len(rows["matches"]) + 1
                rows["matches"].append({"id": mid, "tournament_id": trid, "played_at": played, "stage": stage,
                                        "map": rng.choice(spec["maps"]), "format": spec["format"]})
                _play(rows, rng, mid, game, spec, entrants, strength, roster, skill, semis)
    return rows


def _versus_schedule(teams: list[int], rng: random.Random, strength: dict[int, float]):
    """Two round-robin groups, semifinals between the group leaders, a final; winners decided later."""
    groups = [teams[: len(teams) // 2], teams[len(teams) // 2:]]
    schedule = []
    for group in groups:
        for a in range(len(group)):
            for b in range(a + 1, len(group)):
                schedule.append(("group", [group[a], group[b]]))
    rng.shuffle(schedule)
    # Knockout pairs are drawn from the strongest of each group so the bracket looks plausible.
    top = [sorted(g, key=lambda t: -strength[t] * rng.uniform(0.7, 1.3))[:2] for g in groups]
    schedule.append(("semifinal", [top[0][0], top[1][1]]))
    schedule.append(("semifinal", [top[1][0], top[0][1]]))
    schedule.append(("final", None))  # filled with the semifinal winners in _play
    return schedule


def _ranking_schedule(teams: list[int]):
    return [("group", list(teams)) for _ in range(6)] + [("final", list(teams)) for _ in range(4)]


def _play(rows, rng, mid, game, spec, entrants, strength, roster, skill, semis: list[int]) -> None:
    if entrants is None:  # the final: the two semifinal winners
        entrants = list(semis)
        semis.clear()
    order = sorted(entrants, key=lambda t: -strength[t] * rng.uniform(0.5, 1.5))
    if spec["format"] == "versus":
        best_of = 5 if rows["matches"][-1]["stage"] != "group" else 3
        need = best_of // 2 + 1
        loser_score = rng.randint(0, need - 1)
        if rows["matches"][-1]["stage"] == "semifinal":
            semis.append(order[0])
    for place, tid in enumerate(order, start=1):
        kills_total = 0
        for pid in roster[tid]:
            s = skill[pid] * (1.15 if place == 1 else 0.95)
            if game == "PUBG":
                k = max(0, int(rng.gauss(1.6 * s * (1.4 if place <= 3 else 1.0), 1.3)))
                d, a, dmg = (0 if place == 1 and rng.random() < 0.6 else 1), rng.randint(0, 3), int(k * rng.uniform(90, 140) + rng.randint(0, 180))
            elif game == "Valorant":
                k = max(2, int(rng.gauss(17 * s, 5)))
                d, a, dmg = max(3, int(rng.gauss(16 / s, 4))), rng.randint(1, 11), int(k * rng.uniform(130, 170))
            else:
                k = max(0, int(rng.gauss(4 * s, 2.2)))
                d, a, dmg = max(0, int(rng.gauss(3 / s, 1.6))), rng.randint(1, 14), int(rng.gauss(14000 * s, 3500))
            kills_total += k
            rows["match_players"].append({"match_id": mid, "player_id": pid, "kills": k, "deaths": d,
                                          "assists": a, "damage": max(0, dmg)})
        if spec["format"] == "versus":
            score = need if place == 1 else loser_score
        else:
            score = PLACE_POINTS[min(place - 1, 7)] + kills_total
        rows["match_teams"].append({"match_id": mid, "team_id": tid, "placement": place, "score": score,
                                    "kills": kills_total})


def fill(engine: sa.Engine, names: dict[str, Any] | None = None, anchor: dt.date | None = None) -> dict[str, int]:
    """Create the schema and insert generated rows (the tables must be empty); counts per table."""
    create_tables(engine, matchdb.metadata)
    rows = generate(names or load_names(), anchor or dt.date.today())
    with engine.begin() as conn:
        for table in ("tournaments", "teams", "players", "matches", "match_teams", "match_players"):
            conn.execute(sa.insert(matchdb.metadata.tables[table]), rows[table])
        if engine.dialect.name == "postgresql":  # explicit ids: move the id sequences past them
            for table in ("tournaments", "teams", "players", "matches"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"))
    return {k: len(v) for k, v in rows.items()}


def ensure_demo_database(url: str, names: dict[str, Any] | None = None, anchor: dt.date | None = None) -> dict[str, int]:
    """Create the match schema at ``url`` and fill the demo content when it holds no teams and no
    tournaments yet; existing data is never touched. Returns the rows inserted per table ({} if none).
    Safe when several processes run it at once: the demo rows have fixed ids, so only one fill can
    commit; the others find the data there and insert nothing."""
    engine = writable_engine(url)
    create_tables(engine, matchdb.metadata)

    def has_data() -> bool:
        with engine.connect() as conn:
            return bool(conn.execute(sa.select(sa.func.count()).select_from(matchdb.teams)).scalar()
                        or conn.execute(sa.select(sa.func.count()).select_from(matchdb.tournaments)).scalar())

    if has_data():
        return {}
    try:
        counts = fill(engine, names, anchor)
    except sa.exc.IntegrityError:
        if has_data():  # another process filled it a moment ago
            log.info("the demo match database was filled by another process")
            return {}
        raise
    log.info("demo match database filled: %s", counts)
    return counts
