"""Table reconstruction and column roles on text boxes (pure; no OCR engine): boxes read from real
result screens (stored as JSON in tests/fixtures/ocr/real_boxes, never the images), combined K/D/A
cells, and unnamed teams through to a recorded match."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import matchdata
import ocr
from kernel.db import dispose_all
from kernel.errors import InputError
from ocr.engines import Word
from ocr.grid import colour_teams, parse_boxes, tokens_of

FIXTURES = Path(__file__).parent / "fixtures" / "ocr" / "real_boxes"


def boxes(name: str) -> list[Word]:
    data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return [Word(text, left, top, width, height, conf, engine, tuple(color) if color else None,
                 tuple(ink) if ink else None)
            for text, left, top, width, height, conf, engine, color, ink in data["boxes"]]


def player(record, nickname):
    return next(p for p in record.players if p.nickname == nickname)


def test_colour_rows_tell_the_sides_apart_and_the_kda_header_spans_three_columns():
    rec = parse_boxes(boxes("valorant_colour_rows"))
    assert rec.format == "versus" and len(rec.players) == 10
    assert all(t.name is None for t in rec.teams)
    sides = {p.nickname.split()[0]: set() for p in rec.players}
    for p in rec.players:
        sides[p.nickname.split()[0]].add(p.team_index)
    # the name tags show which side each row belongs to; the colours alone must agree with them
    assert len(sides) == 2 and all(len(s) == 1 for s in sides.values()) and set().union(*sides.values()) == {0, 1}
    nex = player(rec, "LTS Nex")
    assert (nex.kills, nex.deaths, nex.assists) == (17, 11, 10)  # not the combat score or econ columns
    winner = rec.teams[nex.team_index]
    loser = rec.teams[1 - nex.team_index]
    assert (winner.placement, winner.score, loser.placement, loser.score) == (1, 13, 2, 6)


def test_left_and_right_halves_with_icon_headers_and_banner_kills():
    rec = parse_boxes(boxes("mlbb_halves_icon_headers"))
    assert rec.format == "versus" and len(rec.players) == 10
    left = [p for p in rec.players if p.team_index == 0]
    right = [p for p in rec.players if p.team_index == 1]
    assert len(left) == len(right) == 5
    assert player(rec, "cafezinho") in right and player(rec, "Chora_ProArco") in left
    p = player(rec, "Chora_ProArco")
    assert (p.kills, p.deaths, p.assists) == (4, 9, 10)  # the gold column (9814) is not a statistic
    p = player(rec, "cafezinho")
    assert (p.kills, p.deaths, p.assists) == (8, 12, 18)  # mirrored half: gold first, then K D A
    # DEFEAT with 36 : 41 -- the viewer's (left) side lost; the numbers are the sides' kills
    assert rec.teams[0].placement == 2 and rec.teams[1].placement == 1
    assert rec.teams[1].kills == 41 and rec.teams[1].score is None


def test_two_column_ranking_with_header_words():
    rec = parse_boxes(boxes("sar_two_column_ranking"))
    assert rec.format == "ranking" and len(rec.teams) == 64
    assert [t.placement for t in rec.teams] == list(range(1, 65))
    assert rec.teams[0].name == "Hermione" and rec.teams[0].kills == 4
    assert rec.teams[32].name == "Carpet" and rec.teams[32].placement == 33
    assert all(t.score is None for t in rec.teams)  # no points column: the ID and Time columns are ignored


def test_ranking_without_headers_takes_the_rank_run_and_the_last_plain_number():
    rec = parse_boxes(boxes("mk8_ranking_no_headers"))
    assert rec.format == "ranking" and len(rec.teams) == 12
    assert [t.placement for t in rec.teams] == list(range(1, 13))
    assert (rec.teams[0].name, rec.teams[0].score) == ("Makss", 45)  # not the "+15" gain beside it
    assert rec.teams[2].name == "Player"  # a name that is also a header word


def w(text, left, top, width=None, height=24, color=None):
    return Word(text, left, top, width or 14 * len(text), height, 0.99, "ppocr", color)


def test_combined_kda_cells_are_split_into_three_numbers():
    toks = tokens_of(w("22 / 3 / 7", 400, 100))
    assert [t.value for t in toks] == [22, 3, 7] and all(t.slash for t in toks)
    assert toks[0].cx < toks[1].cx < toks[2].cx
    words = [w("VICTORY", 300, 10, 160, 50), w("2", 250, 10, 30, 50), w("1", 480, 10, 30, 50)]
    names = ["Alpha", "Bravo", "Charlie", "Delta"]
    colours = [(30, 160, 150), (30, 160, 150), (170, 50, 70), (170, 50, 70)]
    for i, (name, colour) in enumerate(zip(names, colours)):
        words += [w(name, 100, 100 + 50 * i, color=colour), w(f"{10 + i} / {i} / {2 * i}", 400, 100 + 50 * i,
                                                               color=colour), w(str(200 + i), 600, 100 + 50 * i, color=colour)]
    rec = parse_boxes(words)
    assert rec.format == "versus"
    assert [(p.kills, p.deaths, p.assists) for p in rec.players] == [(10, 0, 0), (11, 1, 2), (12, 2, 4), (13, 3, 6)]
    assert [p.team_index for p in rec.players] == [0, 0, 1, 1]
    assert rec.teams[0].placement == 1 and rec.teams[0].score == 2


def _player_rows(names, top, pitch=50, x_stats=(500, 620, 740)):
    out = []
    for i, name in enumerate(names):
        y = top + pitch * i
        out += [w(name, 100, y)] + [w(str((3 * i + k) % 13), x, y, 20) for k, x in enumerate(x_stats)]
    return out


def test_team_names_from_a_title_line_above_each_table():
    header = [("Nickname", 100), ("K", 505), ("D", 625), ("A", 745)]
    words = [w("GAME OVER", 40, 10, 200, 40)]
    for j, (team, names) in enumerate((("Red Foxes", ["Alpha", "Bravo", "Charlie"]),
                                       ("Blue Owls", ["Delta", "Echo", "Foxtrot"]))):
        top = 100 + 300 * j
        words += [w(team, 100, top, height=28)] + [w(text, x, top + 45) for text, x in header]
        words += _player_rows(names, top + 100)
    rec = parse_boxes(words)
    assert rec.format == "versus"
    assert [t.name for t in rec.teams] == ["Red Foxes", "Blue Owls"]
    assert [p.team for p in rec.players] == ["Red Foxes"] * 3 + ["Blue Owls"] * 3
    assert [p.team_index for p in rec.players] == [0, 0, 0, 1, 1, 1]


def test_a_score_header_missing_a_number_still_names_both_teams():
    words = [w("Red Foxes", 200, 20, 180, 48), w("6", 420, 20, 30, 48), w("Blue Owls", 660, 20, 180, 48)]
    # "Rating" and "Deaths" read as one box: each label still finds its column
    words += [w("Nickname", 100, 110), w("Kills", 480, 110), w("Rating Deaths", 600, 110, 200), w("A", 830, 110)]
    for i, name in enumerate(["Alpha", "Bravo", "Charlie", "Delta"]):
        y = 160 + 50 * i
        words += [w(name, 100, y), w(str(10 + i), 490, y, 28), w(f"1.{i}5", 610, y, 56), w(str(i), 735, y, 14),
                  w(str(2 * i), 830, y, 14)]
    rec = parse_boxes(words)
    assert [(p.kills, p.deaths, p.assists) for p in rec.players] == [(10 + i, i, 2 * i) for i in range(4)]
    assert [t.name for t in rec.teams] == ["Red Foxes", "Blue Owls"]
    assert rec.teams[0].score == 6 and rec.teams[1].score is None
    box = rec.fields["teams[1].score"].box  # the unread score is left to be read again between 6 and the name
    assert rec.fields["teams[1].score"].engine == "layout" and 450 < box[0] < box[2] < 660


def test_a_label_misread_as_a_number_does_not_make_the_header_a_player():
    words = [w(text, x, 100) for text, x in (("닉네임", 100), ("2", 505), ("사망", 620), ("도움", 740))]
    words += _player_rows(["Alpha", "Bravo", "Charlie"], 150)
    rec = parse_boxes(words)
    assert rec.format == "versus" and [p.nickname for p in rec.players] == ["Alpha", "Bravo", "Charlie"]
    assert [(p.kills, p.deaths, p.assists) for p in rec.players] == [(0, 1, 2), (3, 4, 5), (6, 7, 8)]


def test_colour_groups_stay_balanced_when_one_row_is_highlighted():
    teal, red, gold = (40, 150, 140), (160, 50, 70), (200, 170, 90)
    assert colour_teams([gold, teal, teal, red, teal, red, red, teal, red, red]) == [0, 0, 0, 1, 0, 1, 1, 0, 1, 1]
    assert colour_teams([teal] * 6) is None


def test_a_screen_without_a_table_is_refused():
    with pytest.raises(InputError, match="No match result"):
        parse_boxes([w("SETTINGS", 10, 10), w("Play", 10, 60)])


# ---- unnamed teams through confirmation ----------------------------------------------------------------------

def unnamed_record():
    return {"format": "versus", "teams": [{"name": None, "placement": 1, "score": 13, "kills": None},
                                          {"name": None, "placement": 2, "score": 6, "kills": None}],
            "players": [{"nickname": "Aster", "team": None, "team_index": 0, "kills": 9, "deaths": 3, "assists": 4},
                        {"nickname": "Birch", "team": None, "team_index": 1, "kills": 3, "deaths": 9, "assists": 1}],
            "map": None, "stage": None, "confidence": 0.9, "engine": "ppocr", "warnings": []}


@pytest.fixture
def url(tmp_path):
    yield f"sqlite:///{tmp_path / 'match.db'}"
    dispose_all()


def test_unnamed_teams_are_refused_then_recorded_once_named(url):
    import sqlalchemy as sa

    from kernel.db import writable_engine

    sha = hashlib.sha256(b"unnamed").hexdigest()
    with pytest.raises(InputError, match=r"^Team 1 has no name on the screenshot; please name every team"):
        matchdata.record_match(url, unnamed_record(), sha, tournament="Cup")
    with pytest.raises(InputError, match="Team 2 has no name"):
        matchdata.record_match(url, unnamed_record(), sha, tournament="Cup", team_names=["Night Owls"])
    match_id = matchdata.record_match(url, unnamed_record(), sha, tournament="Cup", team_names=["Night Owls", "Red Foxes"])
    with writable_engine(url).connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT p.nickname, t.name, mt.placement FROM players p JOIN teams t ON t.id = p.team_id "
            "JOIN match_teams mt ON mt.team_id = t.id AND mt.match_id = :m ORDER BY p.nickname"), {"m": match_id}).all()
    assert [tuple(r) for r in rows] == [("Aster", "Night Owls", 1), ("Birch", "Red Foxes", 2)]


def test_the_app_asks_for_names_and_the_edited_record_carries_them():
    from webapp import views

    record = unnamed_record()
    assert views.unnamed_teams(record) == [0, 1]
    prompt = views.naming_prompt(record, "en")
    assert "Team 1" in prompt and "Team 2" in prompt and "before recording" in prompt
    assert "팀 1" in views.naming_prompt(record, "ko")
    assert views.team_label(record, 0, "en") == "Name of team 1 (winner)"
    assert views.team_suggestions(["T1", "Gen.G", "DRX"], own=["DRX"]) == ["DRX", "T1", "Gen.G"]
    teams, players = views.record_rows(record)
    edited = views.edited_record(record, teams, players, ["Night Owls", None])
    assert [t["name"] for t in edited["teams"]] == ["Night Owls", ""]
    assert edited["players"][0]["team"] == "Night Owls" and edited["players"][1]["team_index"] == 1
    assert views.naming_prompt(edited, "en").count("Team") == 1
    named = views.edited_record(record, teams, players, ["Night Owls", "Red Foxes"])
    assert views.naming_prompt(named, "en") == ""


def test_a_ranking_under_icon_headers_takes_points_as_the_falling_column_and_kills_beside_it():
    """Icons read as junk or nothing: points are the column that falls with the rank (here left of the
    kills, so not the right-most number), kills the one other column of small integers."""
    names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]
    points, kills = [71, 64, 63, 56, 35, 20], [4, 22, 2, 23, 20, 25]
    words = [w("口", 100, 50), w("☆", 600, 50)]
    for i, name in enumerate(names):
        y = 100 + 50 * i
        words += [w(str(i + 1), 60, y, 16), w(name, 200, y), w(str(points[i]), 600, y, 28), w(str(kills[i]), 760, y, 28)]
    rec = parse_boxes(words)
    assert rec.format == "ranking"
    assert [t.score for t in rec.teams] == points and [t.kills for t in rec.teams] == kills


def test_an_unlabelled_kda_triple_skips_a_time_column_between_its_numbers():
    words = [w("2", 560, 10, 30, 50), w("7", 700, 10, 30, 50)]
    stats = [(14, 4, 6), (9, 11, 7), (15, 5, 20), (5, 1, 10)]
    for i, (k, d, a) in enumerate(stats):
        y = 100 + 50 * i
        colour = (40, 90, 170) if i % 2 == 0 else (180, 110, 30)
        words += [w(f"Player{'ABCD'[i]}x", 100, y, color=colour), w(str(k), 330, y, 28, color=colour),
                  w(str(d), 400, y, 28, color=colour), w(f"1{i}:3{i}", 470, y, 60, color=colour),
                  w(str(a), 570, y, 28, color=colour)]
    rec = parse_boxes(words)
    assert [(p.kills, p.deaths, p.assists) for p in rec.players] == stats


def test_a_team_column_with_an_ocr_slip_still_names_two_teams():
    words = [w("Player", 100, 50), w("Team", 400, 50), w("K", 700, 50), w("D", 780, 50), w("A", 860, 50)]
    teams = ["Gen.G", "Gen,G", "Gen.G", "Gen.G", "Red Foxes", "Red Foxes", "Red Foxes", "Red Foxes"]
    for i, team in enumerate(teams):
        y = 100 + 50 * i
        words += [w(f"Nick{i}q", 100, y), w(team, 400, y)] + [w(str(i + k), x, y, 20) for k, x in
                                                               enumerate((700, 780, 860))]
    rec = parse_boxes(words)
    assert [t.name for t in rec.teams] == ["Gen.G", "Red Foxes"] or [t.name for t in rec.teams] == ["Red Foxes", "Gen.G"]
    assert [p.team for p in rec.players] == ["Gen.G"] * 4 + ["Red Foxes"] * 4
