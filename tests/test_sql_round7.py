"""Round 7 of the NL->SQL parser (issue 14): question -> SQL -> rows on a small world of its own.

The kinds fixed this round, each said in words of our own and in both languages where it applies:
- native Korean words that share a consonant skeleton with a Latin name are no transliteration of it
  ("토요일에 치른" is no map "Torin", "있는지" no team word);
- a Hangul transliteration of one word of a team ("비스트라") links the team, not a player of the same skeleton;
- procedural-looking words inside statistics questions ("선수 있어", "몇 개나 돼", "... we have");
- "doesn't have X set" is X IS NULL; roles said in the plural; "N+" is at least N;
- 챔피언십 is a tournament noun, not the champion; "X 이겨본 팀" with the particle dropped;
- a place word after "at" names the event; "who" with losing words asks for teams.
"""
from __future__ import annotations

import pytest

from test_sql_ir import TODAY, _covers, _rows, _world

from nl2sql.ir import compile_sql
from nl2sql.linking import link
from nl2sql.parse import parse

ROWS7 = {
    "tournaments": [(1, "Daegu Strike Open 2026", "Counter-Strike 2", "2026-03-07", "2026-03-08"),
                    (2, "Porto Legends Championship 2025", "League of Legends", "2025-09-06", "2025-09-06"),
                    (3, "Nara Apex Trials 2026", "Apex Legends", "2026-09-12", None)],
    "teams": [(1, "대구 호크스", "KR"), (2, "Vistra Lancers", "EU"), (3, "Osprey Kings", "NA"), (4, "Nobody Home", None), (5, "Tanzy Foxes", "OCE")],
    "players": [(1, "Apostro", 3, "awper"), (2, "Lancet", 2, "awper"), (3, "매", 1, "rifler"), (4, "Quill", 3, "rifler"),
                (5, "Loose", None, None), (6, "Reed", 2, "entry"), (7, "솔개", 1, "entry")],
    "matches": [(1, 1, "2026-03-07 14:00:00", "group", "Torin", "versus"),
                (2, 1, "2026-03-07 17:00:00", "group", "Mirage", "versus"),
                (3, 1, "2026-03-08 15:00:00", "final", "Torin", "versus"),
                (4, 2, "2025-09-06 18:00:00", "final", None, "versus")],
    # (match, team, placement, score, kills)
    "match_teams": [(1, 2, 1, 13, 70), (1, 1, 2, 7, 50), (2, 3, 1, 13, 66), (2, 1, 2, 9, 58),
                    (3, 2, 1, 16, 90), (3, 3, 2, 14, 88), (4, 3, 1, 2, 30), (4, 2, 2, 0, 12)],
    # (match, player, kills, deaths, assists, damage)
    "match_players": [(1, 2, 24, 10, 3, 3000), (1, 6, 12, 14, 5, 1800), (1, 3, 15, 12, 4, 2100), (1, 7, 9, 16, 2, 1500),
                      (2, 1, 21, 11, 2, 2900), (2, 4, 14, 12, 6, 2000), (2, 3, 18, 13, 3, 2500), (2, 7, 11, 15, 4, 1700),
                      (3, 2, 31, 18, 5, 4200), (3, 6, 19, 20, 7, 2800), (3, 1, 28, 17, 4, 4000), (3, 4, 22, 19, 8, 3100)],
}


@pytest.fixture(scope="module")
def world7(tmp_path_factory):
    return _world(tmp_path_factory, "irdb7", ROWS7)


def _ask(world, question):
    url, path, catalog = world
    reading = parse(question, link(question, catalog, TODAY), TODAY)
    sql = compile_sql(reading.ir)
    return sql, _rows(path, sql)


ROUND7 = [
    ("a weekday phrase is no map of the same skeleton", "토요일에 한 cs 맵은 몇 개", "SELECT 2"),
    ("a weekday phrase, English", "count of cs maps on saturdays", "SELECT 2"),
    ("one transliterated team word, not a player of its skeleton", "비스트라 승률 퍼센트로", "SELECT 200.0 / 3"),
    ("one transliterated team word, wins", "비스트라 몇 번 이겼어", "SELECT 2"),
    ("a native verb is no team word of its skeleton", "에펙 대회들 있는지 궁금해", "SELECT 'Nara Apex Trials 2026'"),
    ("a native phrase is no team word of its skeleton", "cs 대회 이름 뭐뭐 있는지 좀", "SELECT 'Daegu Strike Open 2026'"),
    ("a value not set, English", "which players don't have a role set", "SELECT 'Loose'"),
    ("a value not set, another phrasing", "players that lack a role", "SELECT 'Loose'"),
    ("a value not set, Korean", "역할이 안 적혀있는 선수 누구야", "SELECT 'Loose'"),
    ("a role in the plural", "list the awpers", "SELECT 'Apostro' UNION SELECT 'Lancet'"),
    ("a role in the plural, counted", "how many riflers are registered", "SELECT 2"),
    ("N+ is at least N", "players with 40+ kills", "SELECT 'Lancet' UNION SELECT 'Apostro'"),
    ("N+ is at least N, at an event", "players with 30+ kills at daegu",
     "SELECT 'Lancet' UNION SELECT 'Apostro' UNION SELECT 'Quill' UNION SELECT 'Reed' UNION SELECT '매'"),
    ("N+ with a Korean noun", "대구 스트라이크 오픈에서 40+ 킬 넘긴 선수", "SELECT 'Lancet' UNION SELECT 'Apostro'"),
    ("챔피언십 is a tournament noun, teams counted", "포르투 챔피언십엔 팀 몇 개 참가했어", "SELECT 2"),
    ("챔피언십 with a particle, matches counted", "포르투 챔피언십에서 경기 몇 개 했어", "SELECT 1"),
    ("beat X with the particle dropped", "Osprey Kings 이겨본 팀 어디야", "SELECT 'Vistra Lancers'"),
    ("beat X with the particle dropped, 꺾은", "대구 호크스 꺾은 팀들", "SELECT 'Vistra Lancers' UNION SELECT 'Osprey Kings'"),
    ("X with the subject particle is the winner", "Vistra Lancers가 이긴 팀", "SELECT '대구 호크스' UNION SELECT 'Osprey Kings'"),
    ("a place word after 'at' is the event", "how many maps were won by Osprey Kings at daegu", "SELECT 1"),
    ("who with losing words asks for teams", "who lost the final at daegu", "SELECT 'Osprey Kings'"),
    ("who with losing words, another stage", "who lost a group stage match", "SELECT '대구 호크스'"),
]


@pytest.mark.parametrize("construct,question,gold", ROUND7, ids=[f"{c}:{q[:30]}" for c, q, _ in ROUND7])
def test_round7_constructs_answer_with_the_right_rows(world7, construct, question, gold):
    _, path, _ = world7
    sql, got = _ask(world7, question)
    assert _covers(got, _rows(path, gold)), (construct, sql, got)


@pytest.mark.parametrize("question,gold", [
    ("포지션 비어있는 선수 있어?", "SELECT 'Loose'"),
    ("KR 지역 소속 몇 팀이나 돼?", "SELECT 1"),
    ("EU 팀 몇 팀이나 돼?", "SELECT 1"),
    ("list every awper we have", "SELECT 'Apostro' UNION SELECT 'Lancet'"),
    ("which entry players do you have", "SELECT 'Reed' UNION SELECT '솔개'"),
])
def test_round7_whole_questions_are_answered_not_refused(world7, question, gold):
    """Words that look procedural (선수 있어 holds "수 있", 돼?, "we have") in plain statistics questions."""
    from nl2sql.engine import answer

    url, path, _ = world7
    result = answer(question, url)
    assert _covers(sorted(tuple(r) for r in result.rows), _rows(path, gold)), (question, result.sql, result.rows)


@pytest.mark.parametrize("question", ["다음 경기 등록하려면 어떻게 해야 돼?", "how can we change our roster"])
def test_round7_procedural_questions_are_still_refused(world7, question):
    from kernel.errors import InputError
    from nl2sql.engine import answer

    url, _, _ = world7
    with pytest.raises(InputError):
        answer(question, url)
