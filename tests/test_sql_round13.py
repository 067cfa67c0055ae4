"""Round 13 of the NL→SQL failure analysis: kinds of failure, asked in our own words on a small world of our own.

Each case is question → IR → SQL → rows on this module's database, compared with hand-written gold SQL (extra
answer columns allowed, as the benchmark's scorer does). No model is loaded.
"""
from __future__ import annotations

import pytest

from tests.test_sql_ir import TODAY, _covers, _rows, _world
from tests.test_sql_round8 import _ask
from nl2sql.dates import find_dates
from nl2sql.linking import link

# A Valorant invitational played twice (one map each year went past 13 rounds), a PUBG royale; a Hangul team,
# a team without a region that only played the royale.
ROWS13 = {
    "tournaments": [(1, "Pinecone Invitational 2025", "Valorant", "2025-03-08", "2025-03-09"),
                    (2, "Pinecone Invitational 2026", "Valorant", "2026-02-14", "2026-02-15"),
                    (3, "Saltmarsh Royale 2026", "PUBG", "2026-04-04", "2026-04-04")],
    "teams": [(1, "Lantern Moths", "EU"), (2, "부산 카모메", "KR"), (3, "Quarry Owls", "NA"), (4, "Dune Rats", None)],
    "players": [(1, "Quill", 1, "duelist"), (2, "Ember", 1, "sentinel"), (3, "솔방울", 2, "duelist"), (4, "Drift", 2, "controller"),
                (5, "Moss", 3, "duelist"), (6, "Pike", 3, "initiator"), (7, "Grit", 4, "igl")],
    "matches": [(1, 1, "2025-03-08 13:00:00", "group", "Ascent", "versus"),
                (2, 1, "2025-03-08 16:00:00", "group", "Bind", "versus"),
                (3, 1, "2025-03-09 14:00:00", "group", "Ascent", "versus"),
                (4, 1, "2025-03-09 18:00:00", "final", "Haven", "versus"),
                (5, 2, "2026-02-14 13:00:00", "group", "Bind", "versus"),
                (6, 3, "2026-04-04 15:00:00", "group", "Erangel", "ranking"),
                (7, 3, "2026-04-04 16:00:00", "group", "Miramar", "ranking"),
                (8, 3, "2026-04-04 17:00:00", "group", "Erangel", "ranking"),
                (9, 3, "2026-04-04 18:00:00", "group", "Miramar", "ranking"),
                (10, 2, "2026-02-15 15:00:00", "group", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 1, 1, 13, 60), (1, 2, 2, 8, 45), (2, 2, 1, 15, 70), (2, 3, 2, 13, 68),
                    (3, 3, 1, 13, 58), (3, 1, 2, 10, 50), (4, 1, 1, 13, 62), (4, 3, 2, 11, 55),
                    (5, 3, 1, 14, 66), (5, 2, 2, 12, 61), (6, 4, 1, 15, 9), (6, 1, 2, 10, 4), (6, 3, 3, 5, 2),
                    (7, 4, 1, 12, 2), (7, 1, 2, 10, 4), (8, 1, 1, 12, 2), (8, 4, 2, 10, 4), (9, 4, 1, 12, 2), (9, 1, 2, 10, 4),
                    (10, 1, 1, 13, 50), (10, 2, 2, 5, 30)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 1, 30, 20, 4, 5000), (1, 2, 30, 25, 5, 4000), (1, 3, 25, 30, 6, 4500), (1, 4, 20, 30, 7, 3000),
                      (2, 3, 40, 30, 5, 6000), (2, 4, 30, 34, 8, 4000), (2, 5, 38, 35, 3, 5500), (2, 6, 30, 35, 9, 4200),
                      (3, 5, 30, 25, 4, 5000), (3, 6, 28, 25, 6, 4000), (3, 1, 25, 29, 3, 4100), (3, 2, 25, 29, 4, 3900),
                      (4, 1, 32, 27, 5, 5200), (4, 2, 30, 28, 6, 4400), (4, 5, 30, 31, 4, 4800), (4, 6, 25, 31, 7, 3800),
                      (5, 5, 36, 30, 3, 5900), (5, 6, 30, 31, 6, 4300), (5, 3, 31, 33, 5, 5100), (5, 4, 30, 33, 8, 4000),
                      (6, 7, 9, 0, 1, 900), (6, 1, 4, 1, 1, 500), (6, 5, 2, 1, 0, 300)],
}


@pytest.fixture(scope="module")
def world13(tmp_path_factory):
    return _world(tmp_path_factory, "irdb13", ROWS13)


RECORD = ("SELECT t.name, SUM(mt.placement = 1), SUM(mt.placement = 2) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
          "JOIN teams t ON t.id = mt.team_id JOIN tournaments tr ON tr.id = m.tournament_id "
          "WHERE tr.name = 'Pinecone Invitational 2025' GROUP BY t.id")
KD_TWO = ("SELECT p.nickname, 1.0 * SUM(mp.kills) / MAX(SUM(mp.deaths), 1) FROM match_players mp JOIN players p ON p.id = mp.player_id "
          "WHERE p.nickname IN ('Quill', 'Ember') GROUP BY p.id")
TEAM_KILLS = ("SELECT t.name, SUM(mt.kills) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
              "JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant' GROUP BY t.id")
DUELIST_RATE = ("SELECT p.nickname, AVG(mp.kills) FROM match_players mp JOIN players p ON p.id = mp.player_id "
                "WHERE p.role = 'duelist' GROUP BY p.id")
MAP_TOTALS = ("SELECT m.map, SUM(mt.kills) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
              "WHERE strftime('%Y', m.played_at) = '2025' GROUP BY m.map")
OT_SHARE = ("SELECT 100.0 * SUM((SELECT MAX(score) FROM match_teams WHERE match_id = m.id) >= 14) / COUNT(*) FROM matches m "
            "JOIN tournaments tr ON tr.id = m.tournament_id WHERE tr.game = 'Valorant'")
TWO_DAYS = ("SELECT name FROM teams WHERE id IN (SELECT mt.team_id FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
            "WHERE date(m.played_at) = '2025-03-08') AND id IN (SELECT mt.team_id FROM match_teams mt JOIN matches m "
            "ON m.id = mt.match_id WHERE date(m.played_at) = '2025-03-09')")
TWO_EDITIONS = ("SELECT p.nickname, SUM(mp.kills) AS k FROM match_players mp JOIN players p ON p.id = mp.player_id "
                "JOIN matches m ON m.id = mp.match_id WHERE m.tournament_id IN (1, 2) GROUP BY p.id ORDER BY k DESC LIMIT 2")
MARGIN_TWO = ("SELECT m.map, m.played_at FROM matches m JOIN match_teams a ON a.match_id = m.id AND a.placement = 1 "
              "JOIN match_teams b ON b.match_id = m.id AND b.placement = 2 WHERE m.format = 'versus' AND a.score - b.score = 2")
ROSTER_ROLES = "SELECT nickname, role FROM players WHERE team_id = 1"
FINAL_LOSERS = ("SELECT t.name, tr.name FROM match_teams mt JOIN matches m ON m.id = mt.match_id JOIN teams t ON t.id = mt.team_id "
                "JOIN tournaments tr ON tr.id = m.tournament_id WHERE m.stage = 'final' AND m.format = 'versus' AND mt.placement = 2")

ROUND13 = [
    # a record asked of every team: wins and losses, one row per team
    ("record per team", "each team's wins and losses at the pinecone invitational 2025", RECORD),
    ("record per team, Korean", "Pinecone Invitational 2025 팀별 승패 기록", RECORD),
    # one measure of two named players: one row each, not the two pooled
    ("a ratio of two players", "K/D of Quill and Ember", KD_TWO),
    ("a ratio of two players, Korean", "Quill이랑 Ember 킬뎃 비교해줘", KD_TWO),
    ("two players combined stay one number", "total kills of Quill and Ember combined",
     "SELECT SUM(kills) FROM match_players WHERE player_id IN (1, 2)"),
    # "rank the <entity> by": the entity is the key
    ("rank the teams by", "rank the teams by total kills in valorant", TEAM_KILLS),
    ("sort the squads by", "sort all the squads by kills in valorant", TEAM_KILLS),
    # "<stat> per map" in an ordering of players is a rate, not a row per map
    ("a rate per map in a ranking", "duelists sorted by kills per map, highest first", DUELIST_RATE),
    # "total <stat> per map": a sum in each map
    ("a total per map", "total kills per map in 2025", MAP_TOTALS),
    # the share of versus maps that went past regulation
    ("overtime share", "what percentage of valorant maps needed overtime", OT_SHARE),
    ("overtime share, Korean", "Valorant 맵 중에 연장까지 간 비율은?", OT_SHARE),
    # days listed together share the year said once
    ("two days, one year", "which teams played on both March 8 and March 9, 2025", TWO_DAYS),
    ("two days, one year, Korean", "2025년 3월 8일이랑 3월 9일 둘 다 뛴 팀", TWO_DAYS),
    # whole years said together are one span, over the named tournament's editions of those years
    ("years together", "most kills over the pinecone invitational in 2025 and 2026 combined, top 2", TWO_EDITIONS),
    ("years together, Korean", "Pinecone Invitational 2025년이랑 2026년 합쳐서 킬 상위 2명", TWO_EDITIONS),
    # a number of rounds said as the gap between the sides is the winner's margin, not a score
    ("a margin of N rounds", "which valorant maps were won by 2 rounds and when", MARGIN_TWO),
    ("a margin of N rounds, Korean", "2라운드 차로 끝난 맵이랑 날짜", MARGIN_TWO),
    ("how many by a margin", "how many maps were settled by just 2 rounds", "SELECT 3"),
    # the sides asked beside a list of matches: the winner, or the opponent and both scores
    ("a map list with who won", "all the Ascent maps in valorant: when they were played and the winner",
     "SELECT m.played_at, t.name FROM matches m JOIN match_teams mt ON mt.match_id = m.id AND mt.placement = 1 "
     "JOIN teams t ON t.id = mt.team_id WHERE m.map = 'Ascent'"),
    ("losses with the opponent and the score", "Lantern Moths가 진 경기 상대팀이랑 스코어", "SELECT 'Quarry Owls', 13, 10"),
    ("wins with the opponent and the score", "teams Quarry Owls beat, with the score",
     "SELECT '부산 카모메', 14, 12 UNION SELECT 'Lantern Moths', 13, 10"),
    # the longest run of wins (or losses) of one team, its rows in time order
    ("longest winning streak", "Dune Rats longest win streak", "SELECT 2"),
    ("최다 연승", "Dune Rats 최다 연승 몇 연승?", "SELECT 2"),
    ("longest losing streak in a game", "Quarry Owls longest losing streak in valorant", "SELECT 1"),
    ("최다 연패", "Lantern Moths 최다 연패 기록", "SELECT 2"),
    # "곳" (a place) that fields teams is the organization
    ("곳 어디", "Valorant랑 PUBG 둘 다 하는 곳 어디야",
     "SELECT name FROM teams WHERE id IN (SELECT team_id FROM match_teams JOIN matches m ON m.id = match_id WHERE m.format = 'versus') "
     "AND id IN (SELECT team_id FROM match_teams JOIN matches m ON m.id = match_id WHERE m.format = 'ranking')"),
    # a value missing from a match, asked with when
    ("no map, when", "맵 정보 없는 경기 언제였어", "SELECT played_at FROM matches WHERE map IS NULL"),
    ("no map recorded, when", "when was the match with no map on file", "SELECT played_at FROM matches WHERE map IS NULL"),
    # a team's measure over the matches a named player sat out (or played)
    ("record without a player", "Lantern Moths record without Quill", "SELECT 1, 0"),
    ("빠진 경기 승패", "Drift 빠진 경기에서 부산 카모메 몇승 몇패", "SELECT 0, 1"),
    ("wins with a player playing", "Lantern Moths wins with Quill playing", "SELECT 2"),
    # attributes asked beside a list
    ("a roster with roles", "Lantern Moths roster with their positions", ROSTER_ROLES),
    ("a roster with roles, Korean", "Lantern Moths 선수 명단하고 포지션 좀", ROSTER_ROLES),
    ("teams with the tournament", "teams that lost a final, with the tournament", FINAL_LOSERS),
]


@pytest.mark.parametrize("name,question,gold", ROUND13, ids=[c[0] for c in ROUND13])
def test_round13(world13, name, question, gold):
    _, path, _ = world13
    reading, sql, rows = _ask(world13, question)
    assert _covers(rows, _rows(path, gold)), (question, sql, rows)


def test_a_lone_month_day_keeps_no_year_without_a_dated_day():
    specs = find_dates("matches on March 8 and March 9", TODAY)
    assert [s.kind for s in specs] == ["monthday", "monthday"]


def test_a_context_sentence_before_the_question_is_taken_off():
    from nl2sql.unwrap import core_question

    assert core_question("Hey, I am compiling notes for the coaches. Which teams lost a final?") == "Which teams lost a final?"
    assert core_question("This is for our weekly recap. How many maps needed overtime?") == "How many maps needed overtime?"
    # no full stop: nothing is taken off
    assert core_question("I am checking which teams lost a final?") == "I am checking which teams lost a final?"


@pytest.mark.parametrize("question,span", [
    ("벨라3 승률", "벨라3"),        # two syllables and the name's digits: the team, digits included
    ("벨라 3 몇 승", "벨라 3"),
    ("벨라 3명", "벨라"),          # a count after the word, not the name's digits (the word alone reads back as Vela)
])
def test_a_short_hangul_word_with_the_names_digits_links_the_team(question, span):
    from nl2sql.linking import Catalog

    catalog = Catalog.from_rows(["Vela.3", "Tidal Foxes"], ["Reef"], [])
    got = [question[m.start:m.end].strip() for m in link(question, catalog, TODAY).mentions
           if (m.type, m.value) == ("team", "Vela.3")]
    assert got == [span]


def test_an_aside_in_parentheses_is_no_procedure(world13):
    """"우리" inside a parenthesised column spec is no how-to word: the question is answered."""
    from nl2sql.engine import answer

    url, path, _ = world13
    result = answer("Lantern Moths가 진 경기 상대팀이랑 스코어 (우리 쪽 라운드 먼저) 좀 정리 부탁드려요", url)
    assert _covers([tuple(r) for r in result.rows], [("Quarry Owls", 10, 13)]), result.sql
