"""Administration of the match data: the newest matches, deleting a wrongly recorded one, tournament names.

>>> delete_match(config.resolved_match_db_url, 7)  # a wrongly recorded match, in one transaction
"""
from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa

from kernel.db import writable_engine
from kernel.errors import InputError

from . import schema as matchdb

log = logging.getLogger(__name__)

def list_matches(url: str, limit: int = 50) -> list[dict[str, Any]]:
    """The newest recorded matches: id, tournament, played_at, stage, map, format and a one-line
    result ("T1 3 : 1 Gen.G" or "1. T1, 2. Gen.G, …"). [] when the database has no matches yet."""
    engine = writable_engine(url)
    m, tr, mt, tm = matchdb.matches, matchdb.tournaments, matchdb.match_teams, matchdb.teams
    with engine.connect() as conn:
        if "matches" not in sa.inspect(conn).get_table_names():
            return []
        rows = conn.execute(sa.select(m.c.id, tr.c.name.label("tournament"), m.c.played_at, m.c.stage, m.c.map,
                                      m.c.format).join(tr, tr.c.id == m.c.tournament_id)
                            .order_by(m.c.id.desc()).limit(limit)).mappings().all()
        ids = [r["id"] for r in rows]
        teams: dict[int, list] = {i: [] for i in ids}
        if ids:
            for match_id, name, placement, score in conn.execute(
                    sa.select(mt.c.match_id, tm.c.name, mt.c.placement, mt.c.score)
                    .join(tm, tm.c.id == mt.c.team_id).where(mt.c.match_id.in_(ids))
                    .order_by(mt.c.match_id, mt.c.placement)):
                teams[match_id].append((name, placement, score))
    out = []
    for r in rows:
        entries = teams[r["id"]]
        if r["format"] == "versus" and len(entries) == 2:
            (a, _, sa_), (b, _, sb) = entries
            result = f"{a} {'' if sa_ is None else sa_} : {'' if sb is None else sb} {b}"
        else:
            result = ", ".join(f"{p}. {n}" for n, p, _ in entries[:4]) + (" …" if len(entries) > 4 else "")
        out.append({**dict(r), "result": result})
    return out


def delete_match(url: str, match_id: int) -> None:
    """Delete a wrongly recorded match with its match_teams and match_players rows (and its
    ``screenshots`` row, so the screenshot can be recorded again) in one transaction. Teams, players
    and tournaments stay. An unknown id raises InputError and changes nothing."""
    try:
        match_id = int(match_id)
    except (TypeError, ValueError):
        raise InputError("Please give the number of the match to delete.") from None
    engine = writable_engine(url)
    with engine.begin() as conn:
        present = set(sa.inspect(conn).get_table_names())
        if "matches" not in present or conn.execute(
                sa.select(matchdb.matches.c.id).where(matchdb.matches.c.id == match_id)).first() is None:
            raise InputError(f"There is no match with id {match_id}.")
        if "screenshots" in present:
            conn.execute(sa.delete(matchdb.screenshots).where(matchdb.screenshots.c.match_id == match_id))
        conn.execute(sa.delete(matchdb.match_players).where(matchdb.match_players.c.match_id == match_id))
        conn.execute(sa.delete(matchdb.match_teams).where(matchdb.match_teams.c.match_id == match_id))
        conn.execute(sa.delete(matchdb.matches).where(matchdb.matches.c.id == match_id))
    log.info("deleted match %s", match_id)


def tournament_names(url: str) -> list[str]:
    """The tournaments' names, the one that started most recently first ([] without match data)."""
    t = matchdb.tournaments
    engine = writable_engine(url)
    with engine.connect() as conn:
        if "tournaments" not in sa.inspect(conn).get_table_names():
            return []
        return list(conn.execute(sa.select(t.c.name).order_by(t.c.start_date.desc().nulls_last(), t.c.id.desc()))
                    .scalars())
