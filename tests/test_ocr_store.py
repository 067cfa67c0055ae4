"""Recording confirmed records: one transaction, duplicate screenshots refused, names read back."""
from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

import matchdata
import ocr
from matchdata import schema as matchdb
from kernel.db import dispose_all, writable_engine
from kernel.errors import InputError
from matchdata import store
from matchdata.record import MatchRecord, PlayerResult, TeamResult


@pytest.fixture
def url(tmp_path):
    yield f"sqlite:///{tmp_path / 'match.db'}"
    dispose_all()


def versus():
    return MatchRecord("versus", [TeamResult("T1", 1, 3), TeamResult("젠지", 2, 1)],
                       [PlayerResult("Faker", "T1", 7, 1, 9), PlayerResult("쵸비", "젠지", 2, 4, 3)])


SHA = hashlib.sha256(b"screenshot").hexdigest()


def counts(url):
    with writable_engine(url).connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar()
                for t in ("tournaments", "teams", "players", "matches", "match_teams", "match_players", "screenshots")}


def test_record_match_writes_everything_and_known_names_read_it_back(url):
    assert matchdata.known_names_from_db(url) == {"teams": [], "players": []}
    match_id = matchdata.record_match(url, versus(), SHA, tournament="Seoul Spring Cup 2026", stage="final", game="LoL")
    assert counts(url) == {"tournaments": 1, "teams": 2, "players": 2, "matches": 1, "match_teams": 2,
                           "match_players": 2, "screenshots": 1}
    with writable_engine(url).connect() as conn:
        m = conn.execute(sa.select(matchdb.matches).where(matchdb.matches.c.id == match_id)).mappings().one()
        assert m["format"] == "versus" and m["stage"] == "final"
        placements = dict(conn.execute(sa.select(matchdb.teams.c.name, matchdb.match_teams.c.placement)
                                       .join(matchdb.match_teams)).all())
    assert placements == {"T1": 1, "젠지": 2}
    known = matchdata.known_names_from_db(url)
    assert sorted(known["teams"]) == ["T1", "젠지"] and sorted(known["players"]) == ["Faker", "쵸비"]
    # a second match reuses teams, players and the tournament (by id this time)
    other = hashlib.sha256(b"other").hexdigest()
    matchdata.record_match(url, versus().to_dict(), other, tournament=1)
    assert counts(url)["teams"] == 2 and counts(url)["matches"] == 2


def test_the_same_screenshot_cannot_be_recorded_twice(url):
    matchdata.record_match(url, versus(), SHA, tournament="Cup")
    before = counts(url)
    with pytest.raises(InputError, match="already recorded"):
        matchdata.record_match(url, versus(), SHA, tournament="Cup")
    assert counts(url) == before


def test_a_failure_midway_writes_nothing(url, monkeypatch):
    matchdata.record_match(url, versus(), SHA, tournament="Cup")
    before = counts(url)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_players", boom)
    rec = MatchRecord("ranking", [TeamResult("NewTeam", 1, 50, 10), TeamResult("T1", 2, 40, 3)])
    with pytest.raises(RuntimeError):
        matchdata.record_match(url, rec, hashlib.sha256(b"new").hexdigest(), tournament="Another Cup")
    assert counts(url) == before  # no tournament, team, match or screenshot row left behind


@pytest.mark.parametrize("record, message", [
    (MatchRecord("versus", [TeamResult("T1", 1, 3)]), "two teams"),
    (MatchRecord("ranking", [TeamResult("A", 1), TeamResult("A", 2)]), "same team twice"),
    (MatchRecord("versus", [TeamResult("A", 1), TeamResult("B", 2)], [PlayerResult("x", "C")]), "not a team"),
    (MatchRecord("cup", [TeamResult("A", 1)]), "format"),
])
def test_invalid_records_are_refused_before_writing(url, record, message):
    with pytest.raises(InputError, match=message):
        matchdata.record_match(url, record, SHA, tournament="Cup")
    with pytest.raises(InputError, match="no tournament with id"):
        matchdata.record_match(url, versus(), SHA, tournament=99)
    assert counts(url)["matches"] == 0
