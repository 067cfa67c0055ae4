"""Round 34 (the lead's, on a rewording of the development set by another hand): ordinary words are no names by
their sound, chat shorthand for a count, and a request opened with "I'd like to know".

- A Korean word of the dictionary (hunspell-ko: "기준", "또는", "이후") is not a Latin nickname said by its sound
  ("Gajun", "Tonic"), unless it reads back as the name almost letter for letter; a transliteration that is no
  ordinary word ("타누키") still links.
- A loanword keeps voiced and voiceless apart: the English word "place" is not a team "블레이즈" (blaze), while "blaze" is.
- "# of players", "#teams", "no. of maps": the number of them.
- "I'd like to know which region X is based in": a request around the question, not a procedure of the asker's;
  a linked name is no procedure's word either (a player called "Lobby").
- Chat Korean: "머임", "머머" ask what; "스타트한" started; "무슨 롤 맡음" asks a role; "애들", "놈" are players;
  "몇일 몇시임" asks a past match's time, "다 합쳐서 몇판임" a total (not a rule of the format).
- "in 1 <game> series": one match.

Each case is question → SQL → rows on this module's database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from kernel.korean import dictionary_words
from nl2sql.linking import link
from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Cobalt Spring Cup 2025", "Valorant", "2025-03-01", "2025-03-09"),
                    (2, "Cobalt Autumn Cup 2025", "Valorant", "2025-10-04", "2025-10-12")],
    "teams": [(1, "블레이즈 게이밍", "KR"), (2, "Quartz Herons", "EU"), (3, "Velvet Mules", None)],
    "players": [(1, "Gajun", 1, "duelist"), (2, "Tanuki", 1, "controller"), (3, "Tonic", 2, "sentinel"),
                (4, "Wren", 2, "duelist"), (5, "Orla", 3, None), (6, "Drifter", None, None),
                (7, "Lobby", 3, "initiator")],
    "matches": [(1, 1, "2025-03-01 18:00:00", "group", "Ascent", "versus"),    # a Saturday
                (2, 1, "2025-03-02 20:00:00", "group", "Bind", "versus"),      # a Sunday
                (3, 1, "2025-03-09 19:30:00", "final", "Haven", "versus"),
                (4, 2, "2025-10-04 21:00:00", "group", "Ascent", "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 70), (1, 2, 2, 9, 61), (2, 2, 1, 13, 66), (2, 3, 2, 5, 40),
                    (3, 1, 1, 2, 120), (3, 2, 2, 1, 101), (4, 3, 1, 13, 72), (4, 1, 2, 11, 69)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 25, 14, 3, 4100), (1, 2, 12, 15, 9, 2600), (1, 3, 20, 16, 4, 3500), (1, 4, 18, 17, 2, 3300),
                      (2, 3, 22, 10, 5, 3900), (2, 4, 16, 12, 6, 2900), (2, 5, 15, 20, 4, 2800),
                      (3, 1, 44, 30, 8, 7900), (3, 2, 30, 33, 12, 5200), (3, 3, 39, 35, 7, 6800), (3, 4, 31, 36, 9, 5600),
                      (4, 5, 27, 17, 5, 4700), (4, 1, 24, 19, 6, 4400), (4, 2, 16, 20, 10, 3100)],
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return _world(tmp_path_factory, "round34db", ROWS)


def test_the_korean_dictionary_is_installed():
    """hunspell-ko (packages.apt): without it an ordinary Korean word may be read as a name by its sound."""
    words = dictionary_words()
    assert len(words) > 90_000 and {"기준", "이후", "경기"} <= words


@pytest.mark.parametrize("question", ["선수별로 데미지 기준으로 순위 매겨줘", "8시 또는 그 이후에 열린 경기 몇 개야",
                                      "how many matches took place on a Sunday", "matches that took place in March"])
def test_ordinary_words_are_no_names(world, question):
    _, _, catalog = world
    assert [(m.type, m.value) for m in link(question, catalog).mentions if m.type in ("player", "team")] == []


@pytest.mark.parametrize("question,name", [("타누키 킬 몇 개야", "Tanuki"), ("how many wins does blaze have", "블레이즈 게이밍")])
def test_names_said_by_their_sound_still_link(world, question, name):
    _, _, catalog = world
    assert name in [m.value for m in link(question, catalog).mentions]


CASES = [
    ("총 데미지 기준으로 제일 많이 넣은 선수 누구야",
     "SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id GROUP BY p.id "
     "ORDER BY SUM(mp.damage) DESC LIMIT 1"),
    ("how many matches took place on a Sunday", "SELECT COUNT(*) FROM matches WHERE strftime('%w', played_at) = '0'"),
    ("저녁 8시 또는 그 이후에 시작한 경기 수", "SELECT COUNT(*) FROM matches WHERE time(played_at) >= '20:00:00'"),
    ("# of players without a team", "SELECT COUNT(*) FROM players WHERE team_id IS NULL"),
    ("#teams in each tournament", "SELECT tr.name, COUNT(DISTINCT mt.team_id) FROM tournaments tr JOIN matches m "
                                  "ON m.tournament_id = tr.id JOIN match_teams mt ON mt.match_id = m.id GROUP BY tr.id"),
    ("no. of maps played at the Cobalt Spring Cup 2025", "SELECT COUNT(DISTINCT m.map) FROM matches m WHERE m.tournament_id = 1"),
    ("I'd like to know which region Quartz Herons is based in.", "SELECT region FROM teams WHERE name = 'Quartz Herons'"),
    ("which role does Lobby play?", "SELECT role FROM players WHERE nickname = 'Lobby'"),
    ("wren은 무슨 롤 맡고 있어?", "SELECT role FROM players WHERE nickname = 'Wren'"),
    ("25년 10월에 스타트한 대회 머임", "SELECT name FROM tournaments WHERE start_date >= '2025-10-01' AND start_date < '2025-11-01'"),
    ("25년 맨 처음 열린 경기 몇일 몇시임", "SELECT MIN(played_at) FROM matches"),
    ("조별 경기 다 합쳐서 몇판임", "SELECT COUNT(*) FROM matches WHERE stage = 'group'"),
    ("Quartz Herons 애들 몇 명이야", "SELECT COUNT(*) FROM players WHERE team_id = 2"),
    ("who got the most kills in 1 valorant series", "SELECT p.nickname FROM match_players mp JOIN players p "
                                                  "ON p.id = mp.player_id ORDER BY mp.kills DESC LIMIT 1"),
    ("I'd really like to see the duelists' total kills", "SELECT SUM(mp.kills) FROM match_players mp JOIN players p "
                                                           "ON p.id = mp.player_id WHERE p.role = 'duelist'"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round34(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)
