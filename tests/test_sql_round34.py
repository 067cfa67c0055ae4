"""Round 34 (the lead's, on a rewording of the development set by another hand): ordinary words are no names by
their sound, chat shorthand for a count, and a request opened with "I'd like to know".

- A Korean word of the dictionary (hunspell-ko: "기준", "또는", "이후", "뒤" with its particles) is not a Latin nickname said by its sound
  ("Gajun", "Tonic"), unless it reads back as the name almost letter for letter; a transliteration that is no
  ordinary word ("타누키") still links.
- A loanword keeps voiced and voiceless apart: the English word "place" is not a team "블레이즈" (blaze), while "blaze" is.
- "# of players", "#teams", "no. of maps": the number of them.
- "I'd like to know which region X is based in": a request around the question, not a procedure of the asker's;
  a linked name is no procedure's word either (a player called "Lobby").
- Chat Korean: "머임", "머머" ask what; "스타트한" started; "무슨 롤 맡음" asks a role; "애들", "놈" are players;
  "몇일 몇시임" asks a past match's time, "다 합쳐서 몇판임" a total (not a rule of the format).
- "in 1 <game> series": one match.
- "more than 1 game title", "two different games": the titles, not matches; "first and last day" of a tournament are
  its dates; "what's the highest kill count any squad put up": the value (unless who did it is asked too); tournaments
  "sorted by when it started", "oldest to newest", "newest first", "최신순" in the order they were held.
- "대회 전체 개수": the number of tournaments; "1등으로 마무리한 횟수", "how many matches did X finish in first place":
  X's first places (in the ranking format), not the first match or the top player.
- "젤많은", "가장적게": a superlative written onto its word; "teams with 0 series wins": the teams that never won one;
  "signed guys w zero games played", "rostered players with no matches": an adjective before the noun asked.
- A formula said for KDA or K/D ("(kills + assists) / deaths", "킬과 어시를 더한 값을 데스로 나눠서"); a request opened with
  a verb ("Calculate …") is no unknown name; "on <day>, matches from which tournament were played": that day's matches.
- Two years with a negation: the negated one is excluded wherever it is said ("2026엔 안 뛰었지만 2025엔 나온", "did not
  play in 2026 but played in 2025"); "lost every series they played", "전패한": never won one; "치킨 0번인",
  "1등은 한 번도 못 해본": never first.
- A label before a colon ("Figures for the awards night: how many …") is context; a closing "which team was it?" asks the rows;
  "X에서 결승 못간 팀": X's teams but its finalists; "ended up in 1st place"; "no home region on file", "스테이지가 기록 안 되어 있는 경기" (기록되지 않은);
  a one-word gloss in brackets ("포지션(role)", "게임(타이틀)별로"); "닉네임과 소속 팀명", "the players of X and which position
  each has": the attribute beside the list; "1등 먹은 팀": the first-placed teams.

Each case is question → SQL → rows on this module's database, compared with hand-written gold SQL.
"""
from __future__ import annotations

import pytest

from kernel.korean import dictionary_words
from nl2sql.linking import link
from tests.test_sql_ir import _covers, _rows, _world

ROWS = {
    "tournaments": [(1, "Cobalt Spring Cup 2025", "Valorant", "2025-03-01", "2025-03-09"),
                    (2, "Cobalt Autumn Cup 2025", "Valorant", "2025-10-04", "2025-10-12"),
                    (3, "Cobalt Drop 2026", "PUBG", "2026-02-07", "2026-02-08")],
    "teams": [(1, "블레이즈 게이밍", "KR"), (2, "Quartz Herons", "EU"), (3, "Velvet Mules", None)],
    "players": [(1, "Gajun", 1, "duelist"), (2, "Tanuki", 1, "controller"), (3, "Tonic", 2, "sentinel"),
                (4, "Wren", 2, "duelist"), (5, "Orla", 3, None), (6, "Drifter", None, None),
                (7, "Lobby", 3, "initiator"), (8, "Toron", None, None)],
    "matches": [(1, 1, "2025-03-01 18:00:00", "group", "Ascent", "versus"),    # a Saturday
                (2, 1, "2025-03-02 20:00:00", "group", "Bind", "versus"),      # a Sunday
                (3, 1, "2025-03-09 19:30:00", "final", "Haven", "versus"),
                (4, 2, "2025-10-04 21:00:00", "group", "Ascent", "versus"),
                (5, 3, "2026-02-07 18:00:00", None, "Erangel", "ranking")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 70), (1, 2, 2, 9, 61), (2, 2, 1, 13, 66), (2, 3, 2, 5, 40),
                    (3, 1, 1, 2, 120), (3, 2, 2, 1, 101), (4, 3, 2, 11, 72), (4, 1, 1, 13, 69),
                    (5, 3, 1, 18, 9), (5, 2, 2, 11, 4)],
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
                                      "2025년엔 뛰고 그 뒤로는 안 나온 팀",
                                      "how many matches took place on a Sunday", "matches that took place in March"])
def test_ordinary_words_are_no_names(world, question):
    _, _, catalog = world
    assert [(m.type, m.value) for m in link(question, catalog).mentions if m.type in ("player", "team")] == []


@pytest.mark.parametrize("question,name", [("타누키 킬 몇 개야", "Tanuki"), ("how many wins does blaze have", "블레이즈 게이밍")])
def test_names_said_by_their_sound_still_link(world, question, name):
    _, _, catalog = world
    assert name in [m.value for m in link(question, catalog).mentions]


CASES = [
    ("총 데미지 기준으로 1등인 선수 누구야",
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
    ("teams that played more than 1 game title", "SELECT t.name FROM teams t JOIN match_teams mt ON mt.team_id = t.id JOIN matches m "
     "ON m.id = mt.match_id JOIN tournaments tr ON tr.id = m.tournament_id GROUP BY t.id HAVING COUNT(DISTINCT tr.game) > 1"),
    ("which teams competed in at least two different games", "SELECT t.name FROM teams t JOIN match_teams mt ON mt.team_id = t.id JOIN matches m "
     "ON m.id = mt.match_id JOIN tournaments tr ON tr.id = m.tournament_id GROUP BY t.id HAVING COUNT(DISTINCT tr.game) >= 2"),
    ("Cobalt Autumn Cup 2025 first and last day?", "SELECT start_date, end_date FROM tournaments WHERE id = 2"),
    ("what's the most kills any player got in one match?", "SELECT MAX(kills) FROM match_players"),
    ("대회 전체 개수 알려줘", "SELECT COUNT(*) FROM tournaments"),
    ("Velvet Mules가 1등으로 마무리한 판 몇 번이야", "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "WHERE mt.team_id = 3 AND mt.placement = 1 AND m.format = 'ranking'"),
    ("how many matches did Velvet Mules finish in first place at the Cobalt Drop 2026?",
     "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id WHERE mt.team_id = 3 AND mt.placement = 1 "
     "AND m.tournament_id = 3"),
    ("게임마다 킬 젤많은 놈 누구", "SELECT tr.game, p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id "
     "JOIN matches m ON m.id = mp.match_id JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant' "
     "GROUP BY p.id ORDER BY SUM(mp.kills) DESC LIMIT 1"),
    ("valorant teams with 0 series wins", "SELECT name FROM teams WHERE id = 3"),
    ("signed guys w zero games played", "SELECT nickname FROM players WHERE id = 7"),
    ("rostered players with no matches", "SELECT nickname FROM players WHERE id = 7"),
    ("Compute (kills + assists) / deaths for Wren", "SELECT 1.0 * (SUM(kills) + SUM(assists)) / SUM(deaths) FROM match_players "
     "WHERE player_id = 4"),
    ("tonic 킬이랑 어시 합친 값을 데스로 나눈 거", "SELECT 1.0 * (SUM(kills) + SUM(assists)) / SUM(deaths) FROM match_players "
     "WHERE player_id = 3"),
    ("Orla kills divided by deaths", "SELECT 1.0 * SUM(kills) / SUM(deaths) FROM match_players WHERE player_id = 5"),
    ("On March 9, 2025, matches from which tournament were played?", "SELECT name FROM tournaments WHERE id = 1"),
    ("valorant teams that lost every series they played", "SELECT name FROM teams WHERE id = 3"),
    ("발로란트 전패한 팀", "SELECT name FROM teams WHERE id = 3"),
    ("teams that did not play in 2026 but played in 2025", "SELECT name FROM teams WHERE id = 1"),
    ("2026년엔 한 번도 안 뛰었지만 2025년엔 출전한 팀", "SELECT name FROM teams WHERE id = 1"),
    ("2025년엔 나왔는데 2026년엔 안 나온 팀", "SELECT name FROM teams WHERE id = 1"),
    ("배그 팀 중에 치킨 0번인 팀", "SELECT name FROM teams WHERE id = 2"),
    ("PUBG에 나갔지만 1등은 한 번도 못 해본 팀", "SELECT name FROM teams WHERE id = 2"),
    ("Figures for the awards night: how many distinct players had an appearance in 2025?",
     "SELECT COUNT(DISTINCT player_id) FROM match_players mp JOIN matches m ON m.id = mp.match_id WHERE m.played_at < '2026-01-01'"),
    ("the team with no matches at all in 2026, which team was it?", "SELECT name FROM teams WHERE id = 1"),
    ("Cobalt Spring Cup 2025에서 결승 못간 팀은?", "SELECT name FROM teams WHERE id = 3"),
    ("how many matches has Velvet Mules ended up in 1st place", "SELECT 1"),
    ("squads with no home region on file", "SELECT name FROM teams WHERE id = 3"),
    ("스테이지가 기록되지 않은 경기 몇 건이야", "SELECT COUNT(*) FROM matches WHERE stage IS NULL"),
    ("포지션(role)이 duelist인 선수의 닉네임과 소속 팀명", "SELECT p.nickname, t.name FROM players p JOIN teams t ON t.id = p.team_id "
     "WHERE p.role = 'duelist'"),
    ("Quartz Herons 총 킬을 게임(타이틀)별로 나눠서", "SELECT tr.game, SUM(mt.kills) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "JOIN tournaments tr ON tr.id = m.tournament_id WHERE mt.team_id = 2 GROUP BY tr.game"),
    ("players of team quartz herons and which role each has", "SELECT nickname, role FROM players WHERE team_id = 2"),
    ("26년 2월 7일 1등 먹은 팀 누구", "SELECT name FROM teams WHERE id = 3"),
    ("I'd really like to see the duelists' total kills", "SELECT SUM(mp.kills) FROM match_players mp JOIN players p "
                                                           "ON p.id = mp.player_id WHERE p.role = 'duelist'"),
]


@pytest.mark.parametrize("question,gold", CASES)
def test_round34(world, question, gold):
    from nl2sql.engine import answer

    url, path, _ = world
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question,direction", [("matches per tournament, newest first", "DESC"),
                                                ("how many teams in each tournament, sorted by when it started", "ASC"),
                                                ("대회별 경기 수 오래된 순으로", "ASC")])
def test_tournaments_in_the_order_they_were_held(world, question, direction):
    from nl2sql.engine import answer

    url, _, _ = world
    assert f"ORDER BY tr.start_date {direction}" in answer(question, url).sql
