"""The match data's one owner: the schema (``shared/specs/match-db.sql`` plus ``screenshots``), the
MatchRecord (CONTRACTS §4) and its checks, the known names, recording a match, and its administration.

>>> import matchdata
>>> names = matchdata.known_names_from_db(url)                # {"teams": [...], "players": [...], ...}
>>> matchdata.record_match(url, record, sha256, tournament="Seoul Spring Cup 2026")
>>> matchdata.delete_match(url, 7)

Modules: ``schema`` (tables, ``create_schema``), ``record`` (MatchRecord, TeamResult, PlayerResult,
FieldInfo), ``checks`` (``check_record``: a corrected record dict checked before it is recorded),
``store`` (``known_names_from_db``, ``name_teams``, ``record_match``), ``admin`` (``list_matches``,
``delete_match``, ``tournament_names``). Imports only ``kernel``.
"""
from .admin import delete_match, list_matches, tournament_names
from .checks import UNNAMED_TEAM, check_record
from .record import FieldInfo, MatchRecord, PlayerResult, TeamResult
from .schema import create_schema
from .store import known_names_from_db, name_teams, record_match

__all__ = ["create_schema", "MatchRecord", "TeamResult", "PlayerResult", "FieldInfo", "check_record", "UNNAMED_TEAM",
           "known_names_from_db", "name_teams", "record_match", "list_matches", "delete_match", "tournament_names"]
