"""Round 23 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import TODAY, _covers, _rows, _world
from tests.test_sql_round8 import _ask

# A Valorant cup held twice (its 2026 edition without a final yet), a relay over the new year with no match yet, a PUBG royale whose name has the genre's word in it;
# three teams that met in both titles, a team that never played, a free agent; two maps left unrecorded.
ROWS23 = {
    "tournaments": [(1, "Quarry Clash 2025", "Valorant", "2025-04-05", "2025-04-07"),
                    (2, "Dune Royale 2025", "PUBG", "2025-07-12", "2025-07-13"),
                    (3, "Quarry Clash 2026", "Valorant", "2026-04-04", "2026-04-05"),
                    (4, "Frost Relay 2025", "Valorant", "2025-12-30", "2026-01-02")],
    "teams": [(1, "Slate Hawks", "EU"), (2, "여수 파도", "KR"), (3, "Amber Mules", "NA"), (4, "Vale Nine", None)],
    "players": [(1, "Flint", 1, "duelist"), (2, "Shale", 1, "sentinel"), (3, "파도왕", 2, "duelist"), (4, "Gust", 2, "controller"),
                (5, "Tallow", 3, "igl"), (6, "Wick", 3, "fragger"), (7, "Loner", None, None), (8, "Spare", 4, None)],
    "matches": [(1, 1, "2025-04-05 14:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-04-06 15:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-04-07 18:00:00", "final", "Haven", "versus"),
                (4, 2, "2025-07-12 14:00:00", "group", "Erangel", "ranking"),
                (5, 2, "2025-07-13 15:00:00", "final", None, "ranking"),
                (6, 3, "2026-04-04 16:00:00", "group", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 30), (1, 2, 2, 4, 18), (2, 2, 1, 13, 30), (2, 3, 2, 11, 25), (3, 1, 1, 14, 36), (3, 2, 2, 12, 33),
                    (4, 1, 1, 15, 6), (4, 3, 2, 10, 3), (4, 2, 3, 5, 1), (5, 3, 1, 18, 8), (5, 1, 2, 9, 2), (5, 2, 3, 4, 0),
                    (6, 3, 1, 13, 28), (6, 1, 2, 7, 16)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 20, 9, 3, 4000), (1, 2, 10, 9, 5, 2500), (1, 3, 12, 15, 4, 3000), (1, 4, 6, 15, 7, 1800),
                      (2, 3, 18, 12, 5, 3900), (2, 4, 12, 13, 6, 2700), (2, 5, 15, 15, 4, 3300), (2, 6, 10, 15, 3, 2400),
                      (3, 1, 22, 16, 4, 4500), (3, 2, 14, 17, 6, 3000), (3, 3, 20, 18, 5, 4200), (3, 4, 13, 18, 8, 2900),
                      (4, 1, 4, 0, 1, 800), (4, 2, 2, 1, 0, 400), (4, 5, 2, 1, 1, 500), (4, 6, 1, 1, 0, 300),
                      (4, 3, 1, 1, 0, 200), (4, 4, 0, 1, 0, 100),
                      (5, 5, 5, 0, 2, 900), (5, 6, 3, 1, 1, 600), (5, 1, 2, 1, 0, 400), (5, 2, 0, 1, 0, 150),
                      (5, 3, 0, 1, 0, 100), (5, 4, 0, 1, 0, 80),
                      (6, 5, 16, 8, 4, 3500), (6, 6, 12, 8, 5, 2800), (6, 1, 10, 14, 2, 2600), (6, 2, 6, 14, 3, 1700)],
}


@pytest.fixture(scope="module")
def world23(tmp_path_factory):
    return _world(tmp_path_factory, "irdb23", ROWS23)


_PLAYED_TOURNAMENTS = ("SELECT p.nickname FROM match_players mp JOIN players p ON p.id = mp.player_id "
                       "JOIN matches m ON m.id = mp.match_id GROUP BY p.id HAVING COUNT(DISTINCT m.tournament_id) > 2")

ROUND23 = [
    # a player on no team, said with a negated clause
    ("not signed to any team", "count the players who aren't signed to any team", "SELECT 1"),
    ("어느 팀에도 소속되지 않은", "어느 팀에도 소속되지 않은 선수 누구야", "SELECT 'Loner'"),
    # a missing value in a grouped count, with no noun asked
    ("null map per tournament", "토너먼트별로 맵 정보 없는 경기 수",
     "SELECT tr.name, COUNT(*) FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id WHERE m.map IS NULL GROUP BY tr.id"),
    # a number of distinct tournaments (titles) played in, not of rows
    ("more than two tournaments", "which players have appeared in more than two tournaments", _PLAYED_TOURNAMENTS),
    ("세 대회 이상", "세 대회 이상 나온 팀 몇 팀", "SELECT 2"),
    # a Korean listing imperative after the noun asked
    ("추려줘", "출전 기록 없는 선수 전부 추려줘", "SELECT 'Loner' UNION SELECT 'Spare'"),
    # the headcount per team is of players
    ("인원 per team", "팀마다 인원 몇 명인지", "SELECT t.name, COUNT(*) FROM players p JOIN teams t ON t.id = p.team_id GROUP BY t.id"),
    # two questions of one scope joined by "and"
    ("two clauses per tournament", "For every tournament, how many squads entered and the count of games played?",
     "SELECT tr.name, COUNT(DISTINCT mt.team_id), COUNT(DISTINCT m.id) FROM tournaments tr JOIN matches m ON m.tournament_id = tr.id "
     "JOIN match_teams mt ON mt.match_id = m.id GROUP BY tr.id"),
    # the two ends of a span of matches, side by side
    ("earliest and latest", "earliest and latest match times in 2025",
     "SELECT MIN(played_at), MAX(played_at) FROM matches WHERE played_at LIKE '2025%'"),
    ("첫 경기랑 마지막 경기", "2025년 첫 경기랑 마지막 경기 시각", "SELECT MIN(played_at), MAX(played_at) FROM matches WHERE played_at LIKE '2025%'"),
    # the opponents of a named team, counted; one side's total against the other
    ("distinct opponents", "how many distinct opponents has Amber Mules played?", "SELECT 2"),
    ("맞붙어 본 팀 몇", "여수 파도랑 맞붙어 본 팀 몇 팀이야", "SELECT 2"),
    ("rounds A took from B", "how many rounds did 여수 파도 take from Slate Hawks in total", "SELECT 16"),
    # an average placement said with 몇 등
    ("평균 몇 위", "Dune Royale에서 Amber Mules 평균 몇 위 했어", "SELECT 1.5"),
    # a tournament's span
    ("며칠부터 며칠까지", "Quarry Clash 2025 며칠부터 며칠까지였어", "SELECT '2025-04-05', '2025-04-07'"),
    ("when did it run", "when did the Quarry Clash 2025 run?", "SELECT '2025-04-05', '2025-04-07'"),
    # "by <team> players" is who did it, not a breakdown by player
    ("by X players", "total kills by Slate Hawks players in the Quarry Clash 2025", "SELECT 66"),
    # a run of places from the first is the first N
    ("1등 2등", "Quarry Clash 2025 킬 1등 2등 선수", "SELECT '파도왕' UNION SELECT 'Flint'"),
    ("1st and 2nd", "who were 1st and 2nd in kills at Quarry Clash 2025", "SELECT '파도왕' UNION SELECT 'Flint'"),
    # each tournament with its champion
    ("with its champion", "list each tournament with its champion",
     "SELECT 'Quarry Clash 2025', 'Slate Hawks' UNION SELECT 'Dune Royale 2025', 'Amber Mules'"),
    # a first-placed side as a condition beside another superlative
    ("first-place team", "fewest points ever by a first-place team, any single PUBG round of play", "SELECT 15"),
    ("1등 팀이", "PUBG 한 경기에서 1등 팀이 얻은 최저 점수", "SELECT 15"),
    # two named scopes taken together: their rows pooled
    ("A랑 B 합쳐서", "Quarry Clash 2025랑 Dune Royale 합쳐서 판당 킬 평균이 10 넘는 선수", "SELECT 'Flint' UNION SELECT '파도왕'"),
    # the tournaments a team won are its titles (the finals it won), not any match won there
    ("events X has won", "which events has Slate Hawks won", "SELECT 'Quarry Clash 2025'"),
    ("X가 우승한 대회", "Slate Hawks가 우승한 대회", "SELECT 'Quarry Clash 2025'"),
    # a tournament's own dates asked beside the list
    ("with their start dates", "tournaments with their start dates", "SELECT name, start_date FROM tournaments"),
    # entities counted per game: the game is a title
    ("tournaments per game", "how many tournaments per game", "SELECT game, COUNT(*) FROM tournaments GROUP BY game"),
    # Korean clauses joined by 이고, each with its own 몇
    ("몇 팀이고 몇 판", "대회마다 팀 몇 팀이고 경기 몇 판인지",
     "SELECT tr.name, COUNT(DISTINCT mt.team_id), COUNT(DISTINCT m.id) FROM tournaments tr JOIN matches m ON m.tournament_id = tr.id "
     "JOIN match_teams mt ON mt.match_id = m.id GROUP BY tr.id"),
    ("경기해 본 팀 수", "Slate Hawks랑 경기해 본 팀 수", "SELECT 2"),
    # "only" inside a wider named scope: the narrowest kind (a stage, a missing map) is what was played alone
    ("only group games at T", "teams that only played group matches at Quarry Clash 2025", "SELECT 'Amber Mules'"),
    ("맵 빈 경기만", "Quarry Clash 2026에서 맵 비어 있는 경기만 뛴 팀", "SELECT 'Amber Mules' UNION SELECT 'Slate Hawks'"),
    # "the N <nouns> with the most …" is a top N; "what's the <noun>" asks that noun
    ("the two players with the most", "the two players with the most kills at Quarry Clash 2025", "SELECT '파도왕' UNION SELECT 'Flint'"),
    ("what's the best squad", "what's the best squad in Dune Royale by points", "SELECT 'Amber Mules'"),
    # a start word and an end word, each with its own date: each date is that tournament date
    ("started … ended …", "which tournament started in 2025 and ended in 2026", "SELECT 'Frost Relay 2025'"),
    ("시작해서 … 끝난", "2025년에 시작해서 2026년에 끝난 대회", "SELECT 'Frost Relay 2025'"),
    # a category word defined by a condition, not a superlative
    ("blowouts in which", "count the blowouts in which the losing side scored under 5 rounds", "SELECT 1"),
]


@pytest.mark.parametrize("name,question,gold", ROUND23, ids=[c[0] for c in ROUND23])
def test_round23(world23, name, question, gold):
    _, path, _ = world23
    reading, sql, rows = _ask(world23, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


@pytest.mark.parametrize("question", ["show me battle royale tourneys please", "battle royale tournaments, how many?"])
def test_the_genre_battle_royale_is_no_tournament_name(world23, question):
    """"battle royale tourneys": the genre's word "royale" does not name a tournament called "… Royale"."""
    from nl2sql.linking import link

    _, _, catalog = world23
    assert link(question, catalog, TODAY).values("tournament") == []


@pytest.mark.parametrize("question", ["포지션마다 인원 몇 명이야", "역할별 인원수 알려줘"])
def test_a_headcount_of_rows_is_no_roster_rule(question):
    """"포지션별 인원 몇 명": a count of the players on record, not a question about how many a roster may have."""
    from nl2sql.engine import _PROCEDURAL

    assert _PROCEDURAL.search(question) is None
