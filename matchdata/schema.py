"""The match database (``shared/specs/match-db.sql``) as SQLAlchemy tables, for SQLite and PostgreSQL,
plus ``screenshots`` (the SHA-256 of every recorded screenshot, so none is recorded twice)."""
from __future__ import annotations

import sqlalchemy as sa

from kernel.db import create_tables

metadata = sa.MetaData()

tournaments = sa.Table(
    "tournaments", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
    sa.Column("game", sa.Text, nullable=False),
    sa.Column("start_date", sa.Date),
    sa.Column("end_date", sa.Date),
)

teams = sa.Table(
    "teams", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
    sa.Column("region", sa.Text),
)

players = sa.Table(
    "players", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("nickname", sa.Text, nullable=False, unique=True),
    sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id")),
    sa.Column("role", sa.Text),
)

matches = sa.Table(
    "matches", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("tournament_id", sa.Integer, sa.ForeignKey("tournaments.id"), nullable=False),
    sa.Column("played_at", sa.DateTime, nullable=False),
    sa.Column("stage", sa.Text),
    sa.Column("map", sa.Text),
    sa.Column("format", sa.Text, nullable=False),
    sa.CheckConstraint("format IN ('versus', 'ranking')", name="matches_format_check"),
)

match_teams = sa.Table(
    "match_teams", metadata,
    sa.Column("match_id", sa.Integer, sa.ForeignKey("matches.id"), primary_key=True),
    sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id"), primary_key=True),
    sa.Column("placement", sa.Integer),
    sa.Column("score", sa.Integer),
    sa.Column("kills", sa.Integer),
)

match_players = sa.Table(
    "match_players", metadata,
    sa.Column("match_id", sa.Integer, sa.ForeignKey("matches.id"), primary_key=True),
    sa.Column("player_id", sa.Integer, sa.ForeignKey("players.id"), primary_key=True),
    sa.Column("kills", sa.Integer),
    sa.Column("deaths", sa.Integer),
    sa.Column("assists", sa.Integer),
    sa.Column("damage", sa.Integer),
)

screenshots = sa.Table(
    "screenshots", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("match_id", sa.Integer, sa.ForeignKey("matches.id"), nullable=False),
    sa.Column("recorded_at", sa.DateTime, nullable=False),
)


def create_schema(engine: sa.Engine) -> None:
    """Create the match tables that do not exist yet (never alters or drops existing ones), safely when
    several processes start at once."""
    create_tables(engine, metadata)
