"""Recording a confirmed MatchRecord in the match database, and reading the known names from it.

``record_match`` writes matches, match_teams and match_players in one transaction, creating teams
and players it does not know yet, and remembers the screenshot's SHA-256 in the ``screenshots``
table so the same screenshot cannot be recorded twice.
"""
from __future__ import annotations

import datetime as dt
import logging

import sqlalchemy as sa

from . import schema as matchdb
from kernel.db import writable_engine
from kernel.errors import InputError
from .checks import check_record

from .record import MatchRecord

log = logging.getLogger(__name__)

def _sqlite_missing(url: str) -> bool:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return False
    from pathlib import Path

    return not Path(parsed.database).exists()


def known_names_from_db(url: str, *, limit: int | None = None, tournaments: bool = False) -> dict[str, list[str]]:
    """``{"teams": [...], "players": [...]}`` (and ``"tournaments"`` when asked) from the match database
    at ``url``, each sorted (at most ``limit`` of each when given); empty lists when the database or its
    tables do not exist yet. The one reader of known names (OCR name correction, speech vocabulary)."""
    empty = {"teams": [], "players": [], **({"tournaments": []} if tournaments else {})}
    if _sqlite_missing(url):
        return empty
    engine = writable_engine(url)
    out = dict(empty)
    try:
        with engine.connect() as conn:
            present = set(sa.inspect(conn).get_table_names())
            for key, column in (("teams", matchdb.teams.c.name), ("players", matchdb.players.c.nickname),
                                ("tournaments", matchdb.tournaments.c.name)):
                if key in out and column.table.name in present:
                    out[key] = list(conn.execute(sa.select(column).order_by(column).limit(limit)).scalars())
    except sa.exc.SQLAlchemyError as err:
        raise InputError(f"The match database could not be read ({type(err).__name__}).") from None
    return out


def name_teams(record: dict, team_names) -> dict:
    """The record (CONTRACTS §4 dict) with its unnamed teams named: ``team_names`` is a list (one
    name or None per team, in order) or a dict {team index: name}. Players whose team is known only
    by ``team_index`` get that team's name. Names already printed are replaced only when given."""
    if not isinstance(record, dict) or not isinstance(record.get("teams") or [], list) \
            or not isinstance(record.get("players") or [], list):
        return record  # malformed: left for check_record to refuse with its own sentence
    out = dict(record)
    teams = [dict(t) if isinstance(t, dict) else t for t in (out.get("teams") or [])]
    if team_names is not None:
        if isinstance(team_names, (list, tuple)):
            given = dict(enumerate(team_names))
        elif isinstance(team_names, dict):
            given = {int(k): v for k, v in team_names.items() if str(k).lstrip("-").isdigit()}
        else:
            raise InputError("team_names must be a list of names (one per team, in order) or {index: name}.")
        for i, name in given.items():
            if 0 <= i < len(teams) and isinstance(teams[i], dict) and isinstance(name, str) and name.strip():
                teams[i]["name"] = name.strip()
    out["teams"] = teams
    players = []
    for p in out.get("players") or []:
        if isinstance(p, dict):
            p = dict(p)
            i = p.get("team_index")
            if (isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(teams) and isinstance(teams[i], dict)
                    and teams[i].get("name")):
                p["team"] = teams[i]["name"]
        players.append(p)
    out["players"] = players
    return out


def _get_or_create(conn, table, column, value, **extra) -> int:
    row = conn.execute(sa.select(table.c.id).where(column == value)).first()
    if row:
        return row[0]
    return conn.execute(table.insert().values({column.name: value, **extra})).inserted_primary_key[0]


def _tournament_id(conn, tournament, game: str | None) -> int:
    if isinstance(tournament, int):
        if conn.execute(sa.select(matchdb.tournaments.c.id).where(matchdb.tournaments.c.id == tournament)).first():
            return tournament
        raise InputError(f"There is no tournament with id {tournament}.")
    name = str(tournament or "").strip()
    if not name:
        raise InputError("Please name the tournament the match belongs to.")
    return _get_or_create(conn, matchdb.tournaments, matchdb.tournaments.c.name, name, game=game or "unknown")


def record_match(url: str, record: MatchRecord | dict, image_sha256: str, tournament: int | str, *,
                 played_at: dt.datetime | None = None, stage: str | None = None, map: str | None = None,
                 game: str | None = None, team_names=None) -> int:
    """Write a confirmed record in one transaction and return the new match id.

    ``tournament`` is an existing tournament id, or a name (created with ``game`` when unknown).
    Teams and players not in the database are created. ``team_names`` names the teams the screen
    left unnamed (see :func:`name_teams`); the record is checked by :func:`~matchdata.checks.check_record`
    (an unnamed team, a bad number or name: InputError). A screenshot whose SHA-256 was recorded
    before is refused with InputError; any failure leaves the database unchanged.
    """
    if isinstance(record, MatchRecord):
        record = record.to_dict()
    elif not isinstance(record, dict):
        raise InputError(f"The match record must be a dict or a MatchRecord, not {type(record).__name__}.")
    checked = check_record(name_teams(record, team_names))
    try:
        record = MatchRecord.from_dict(checked)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise InputError(f"The match record is malformed ({type(err).__name__}: {err}); "
                         "send it as the screenshot reading gave it, with your corrections.") from None
    if not isinstance(image_sha256, str) or len(image_sha256) != 64:
        raise InputError("The screenshot's SHA-256 must be 64 hexadecimal characters.")
    engine = writable_engine(url)
    matchdb.create_schema(engine)
    try:
        with engine.begin() as conn:
            seen = conn.execute(sa.select(matchdb.screenshots.c.match_id).where(matchdb.screenshots.c.sha256 == image_sha256)).first()
            if seen:
                raise InputError(f"This screenshot was already recorded as match {seen[0]}.")
            tid = _tournament_id(conn, tournament, game)
            match_id = conn.execute(matchdb.matches.insert().values(
                tournament_id=tid, played_at=played_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                stage=stage if stage is not None else record.stage, map=map if map is not None else record.map,
                format=record.format)).inserted_primary_key[0]
            team_ids = {}
            for t in record.teams:
                team_ids[t.name] = _get_or_create(conn, matchdb.teams, matchdb.teams.c.name, t.name.strip())
                conn.execute(matchdb.match_teams.insert().values(match_id=match_id, team_id=team_ids[t.name],
                                                                 placement=t.placement, score=t.score, kills=t.kills))
            _insert_players(conn, match_id, record, team_ids)
            conn.execute(matchdb.screenshots.insert().values(sha256=image_sha256, match_id=match_id,
                                                     recorded_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
    except sa.exc.IntegrityError as err:
        log.info("record_match refused: %s", err)
        raise InputError("The match could not be recorded because it conflicts with data already stored "
                         "(for example, the same screenshot recorded at the same moment).") from None
    return int(match_id)


def _insert_players(conn, match_id: int, record: MatchRecord, team_ids: dict[str, int]) -> None:
    for p in record.players:
        pid = _get_or_create(conn, matchdb.players, matchdb.players.c.nickname, p.nickname.strip(),
                             team_id=team_ids.get(p.team))
        conn.execute(matchdb.match_players.insert().values(match_id=match_id, player_id=pid, kills=p.kills,
                                                           deaths=p.deaths, assists=p.assists))
